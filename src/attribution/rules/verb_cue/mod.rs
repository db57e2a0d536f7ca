//! A reporting or stance verb: the rules around a verb cue, in the order
//! they are tried.
//!
//! - `Cand` (here): the candidate and its sentence; a verb after a
//!   determiner or a capitalised one inside a sentence is no cue;
//! - `inverted`: the speaker after the cue (`"...," said X.`);
//! - `before`: the speaker before it (`X said`, `X, who said`); a
//!   coordinated cue (`X left and said`) takes the sentence's subject;
//! - `passive`: `X was reported by Y`, `Asked whether ..., X said`;
//! - `impersonal`: `It seems ...`, `the issue seems to ...`;
//! - `content`: the content once the speaker is known, around the speaker
//!   (`quote-cue`, `content-cue`) or after the cue (`cue-quote`,
//!   `cue-block`, `cue-content`).

use super::*;

mod before;
mod content;
mod impersonal;
mod inverted;
mod passive;

/// A candidate verb cue at token `k` of sentence `si`, with what every
/// step reads: the sentence's bounds and its words' bounds, the cue's
/// span (with its particle) and the first token after it.
#[derive(Clone, Copy)]
struct Cand<'d, 'a> {
    d: &'d Doc<'a>,
    si: usize,
    k: usize,
    class: CueClass,
    s0: usize,
    s1: usize,
    ws: usize,
    we: usize,
    /// The cue word, lower case.
    w: &'a [u8],
    cue: Span,
    after: usize,
}

impl<'d, 'a> Cand<'d, 'a> {
    /// The candidate, `None` where the verb cannot be a cue: after a
    /// determiner (a noun) or `to` (but "went on to say"), or capitalised
    /// inside a sentence that is no headline (a name).
    fn new(d: &'d Doc<'a>, si: usize, k: usize, class: CueClass) -> Option<Cand<'d, 'a>> {
        let (s0, s1) = sentence_range(d.seg, si);
        let we = words_end(d, s0, s1);
        let ws = words_start(d, s0, s1);
        let w = d.w(k);
        let c = Cand {
            d,
            si,
            k,
            class,
            s0,
            s1,
            ws,
            we,
            w,
            cue: d.tok(k),
            after: k + 1,
        };
        // "some say", "many believe": a quantifier is the speaker of a verb form.
        let quantified =
            k > s0 && d.lex.w.quantifier.contains(d.w(k - 1)) && d.has(k, T_QUANTIFIED);
        if k > s0 && d.has(k - 1, T_NOT_BEFORE) && !c.infinitive() && !quantified {
            return None;
        }
        // Nouns after a determiner two words back ("the latest report") are caught above;
        // a capitalised cue inside the sentence is a name ("Rep. Hank Call").
        // In a headline ("Tavi Renn Says Talks Are Over") every word is capitalised.
        if k > ws && d.is_cap(k) && !title_case(d, ws, we) {
            return None;
        }
        Some(c.with_particle())
    }

    /// "went on to say": an infinitive reporting verb speaks for the subject.
    fn infinitive(&self) -> bool {
        self.k > self.s0 && self.d.w(self.k - 1) == fw::TO && self.d.has(self.k, T_SAY_INF)
    }

    /// The cue with its particle ("pointed out"), if one follows.
    fn with_particle(mut self) -> Cand<'d, 'a> {
        let d = self.d;
        let k = self.k;
        if let Some((_, p)) = d
            .lex
            .particles()
            .iter()
            .find(|(v, _)| d.has(k, T_PARTICLE) && **v == *self.w)
        {
            if self.after < self.s1 && d.w(self.after) == &**p {
                self.cue = self.cue.cover(&d.tok(self.after));
                self.after += 1;
            }
        }
        self
    }
}

/// The attribution of the verb cue at token `k` of sentence `si`, if any.
pub(in crate::attribution) fn verb_cue(
    d: &Doc,
    si: usize,
    k: usize,
    class: CueClass,
    earlier: &[Attribution],
) -> Option<Attribution> {
    let c = Cand::new(d, si, k, class)?;
    // 1. Speaker after the cue: '"...," said X.' / '..., said X.' / 'Said X, "..."'.
    if let Some((s, src_end, e)) = inverted::speaker_after(&c) {
        return inverted::attribution(&c, s, src_end, e);
    }
    // 2. Speaker before the cue.
    let b = before::Before::measure(&c);
    if b.j == c.ws && d.lex.w.question.contains(c.w) {
        return passive::asked_intro(d, si, k, c.after, c.we);
    }
    if b.j > c.s0 && d.has(b.j - 1, T_IT) && d.has(k, T_IMPERSONAL) {
        return impersonal::it_seems(&c);
    }
    let coord = c.infinitive()
        || b.gerund
        || coordinated_at(d, c.s0, b.j)
        || (b.j == c.ws && class == CueClass::Report && c.w.ends_with(fw::ING));
    if let Some((bs, be)) = passive::by_agent(&c, &b) {
        return passive::by_agent_attribution(&c, &b, bs, be);
    }
    let (speaker, mut rule) = if b.passive {
        (None, Rule::PassiveCue)
    } else if coord {
        (
            subject_of(d, si, k, earlier).map(|span| Speaker { span, actor: None }),
            Rule::CoordCue,
        )
    } else {
        match before::speaker_before(&c, b.j) {
            Ok(found) => found,
            Err(done) => return done,
        }
    };
    // "The audit of clerk X by the board revealed": the noun source.
    let speaker = speaker.map(|sp| {
        let s = d.token_from(c.s0, sp.span.start);
        match noun_source_before(d, c.ws, s) {
            Some(a) => Speaker {
                span: d.tok(a).cover(&sp.span),
                actor: None,
            },
            None => sp,
        }
    });
    // A plain reporting verb with no speaker beside it ("X, 58, a nurse
    // from Y who ..., said"): the sentence's subject, or nobody.
    let fallback = speaker.is_none() && !b.passive && !coord && d.has(k, T_SPEAKER_OPTIONAL);
    let speaker = if fallback {
        rule = Rule::SubjectCue;
        subject_of(d, si, k, earlier).map(|span| Speaker { span, actor: None })
    } else {
        speaker
    };
    if speaker.is_none() && !b.passive && !fallback {
        return None;
    }
    if b.passive && class == CueClass::Report && !d.has(k, T_PASSIVE) {
        return None;
    }
    // '"...," X said.' / '..., X said.' (the speaker's phrase starts after a comma or quotation).
    if let Some(sp) = &speaker {
        if let Some(a) = content::around_speaker(&c, sp, &speaker, coord) {
            return Some(a);
        }
    }
    let mut a = content::after_cue(&c, speaker, rule, coord, b.passive)?;
    // A paragraph set off as a quotation ("... I took part in ...") after a
    // sentence ending in a colon is the words of the sentence's subject,
    // whatever phrase stands next to the verb.
    if a.rule == Rule::CueBlock && a.content.first().is_some_and(|p| set_off(d, p.start)) {
        if let Some(span) = subject_of(d, si, k, earlier) {
            a.speaker = Some(Speaker { span, actor: None });
        }
    }
    Some(a)
}

/// Does the paragraph at byte `at` open as a quotation set off from the
/// author's text: an ellipsis or an opening quotation mark?
pub(in crate::attribution) fn set_off(d: &Doc, at: usize) -> bool {
    let t = &d.text[at.min(d.text.len())..];
    t.starts_with("...") || t.starts_with('\u{2026}') || t.starts_with(". . .")
}

/// Is the sentence in title case (a headline): most of its words of four
/// letters or more capitalised?
fn title_case(d: &Doc, ws: usize, we: usize) -> bool {
    let (mut cap, mut n) = (0, 0);
    for i in ws..we {
        if d.is_word(i) && !d.quoted(i) && d.tok(i).len() >= 4 {
            n += 1;
            cap += usize::from(d.is_cap(i));
        }
    }
    n >= 2 && cap * 4 >= n * 3
}
