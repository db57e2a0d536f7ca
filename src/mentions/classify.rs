//! Classification of a run of name words: person, organization, weak
//! candidate or nothing ([`classify`]), and the person an organization is
//! named after ([`namesake`]).

use super::closed::{FOR, OF, WHO};
use super::evidence::*;
use super::sentence::Cx;
use super::shape::*;
use super::{ActorKind, Evidence, Gender, Mention, Via, Words};
use crate::segment::TokenKind;
use crate::span::Span;

/// A classification: the mention and the index of its first word's token,
/// or `None` when the run names no one.
type Verdict = Option<(Mention, usize)>;

/// Classify the run of tokens `s..e`; `after` is the token after the run.
/// Returns the mention and the index of its first word's token.
pub(super) fn classify(
    cx: &Cx,
    s: usize,
    e: usize,
    after: usize,
    title: Option<&(Span, String)>,
) -> Verdict {
    let toks = cx.toks;
    // The run's word tokens, on the stack (a run holds at most
    // `MAX_NAME_TOKENS` and a few more; most hold one to three): a small
    // buffer, zeroed at little cost, for short runs.
    let fill = |buf: &mut [usize]| {
        let mut n = 0;
        for (k, t) in toks[s..e].iter().enumerate() {
            if t.kind == TokenKind::Word {
                buf[n] = s + k;
                n += 1;
            }
        }
        n
    };
    let mut small = [0usize; 8];
    let mut big;
    let heap: Vec<usize>;
    let wt: &[usize] = if e - s <= small.len() {
        let n = fill(&mut small);
        &small[..n]
    } else if e - s <= 64 {
        big = [0usize; 64];
        let n = fill(&mut big);
        &big[..n]
    } else {
        heap = (s..e)
            .filter(|&k| toks[k].kind == TokenKind::Word)
            .collect();
        &heap
    };
    if wt.is_empty() {
        return None;
    }
    let run = Run {
        cx,
        s,
        e,
        after,
        title,
        wt,
        span: Span::new(toks[s].span.start, toks[e - 1].span.end),
    };
    run.verdict()
}

/// A run of tokens being classified, with its word tokens.
struct Run<'c, 'a> {
    cx: &'c Cx<'a>,
    s: usize,
    e: usize,
    after: usize,
    title: Option<&'c (Span, String)>,
    /// The run's word tokens, not empty.
    wt: &'c [usize],
    span: Span,
}

impl Run<'_, '_> {
    /// The text of word `j` of the run.
    fn w(&self, j: usize) -> &str {
        self.cx.text_of(self.wt[j])
    }

    /// The lookups of word `j` of the run.
    fn f(&self, j: usize) -> super::flags::Info {
        self.cx.info(self.wt[j])
    }

    /// The run as a mention of this kind and gender, on this evidence
    /// (weak with none).
    fn mention(&self, kind: ActorKind, gender: Gender, evidence: Evidence) -> Verdict {
        Some((
            Mention {
                span: self.span,
                kind,
                via: Via::Name,
                sentence: 0,
                title: self.title.map(|t| t.0),
                gender,
                possessive: false,
                words: Words::new(self.cx.base + self.s, self.cx.base + self.e, self.wt.len()),
                weak: evidence == Evidence::None,
                verb_after: false,
                evidence,
            },
            self.wt[0],
        ))
    }

    /// The steps in order: organization or place, no one, a split run,
    /// then person or weak candidate.
    fn verdict(&self) -> Verdict {
        if let Some(v) = self.org_or_place() {
            return v;
        }
        if self.names_no_one() {
            return None;
        }
        if self.title.is_none() && !self.f(0).first_name() {
            // A run that defines an acronym in brackets after it ("Varn
            // Relief Council (VRC)") is an organization; an acronym in
            // running text ("the league's ORVA") is a weak one, kept when
            // the document defines it ([`super::document`]); a line in
            // capitals names nothing.
            if self.defines_acronym() {
                return self.mention(ActorKind::Organization, Gender::Unknown, Evidence::Acronym);
            }
            if self.wt.len() == 1 && self.f(0).all_caps() && self.acronym() {
                // A body that owns or speaks is an organization ("the
                // VRC's offices", "ORVA said"); a technical term does
                // neither.
                let acts = self
                    .cx
                    .toks
                    .get(self.after)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
                    || self.cx.info(self.after).person_verb();
                let ev = if acts { Evidence::Cue } else { Evidence::None };
                return self.mention(ActorKind::Organization, Gender::Unknown, ev);
            }
        }
        if self.title.is_none() {
            if let Some(v) = self.split() {
                return v;
            }
        }
        self.person_or_weak()
    }

    /// A known organization, a run an organization word ends or heads, or
    /// a place: decided, with the verdict.
    fn org_or_place(&self) -> Option<Verdict> {
        let (cx, lex, n) = (self.cx, self.cx.lex, self.wt.len());
        let name = self.span.slice(cx.text);
        let last = self.wt[n - 1];
        let org = |ev| self.mention(ActorKind::Organization, Gender::Unknown, ev);
        if cx.table.orgs.may_hold(name) && lex.orgs.contains(name) {
            return Some(org(Evidence::Known));
        }
        // "Varnholm, Ohio, ...": a place, named with its state or country
        // (an organization word before the comma says organization:
        // "Varn University, Ohio", unless towns' names end in it too:
        // "Harrow Bank, West Virginia").
        let org_word = |j: usize| {
            self.f(j).org_word() && {
                let t = cx.toks[self.wt[j]].span;
                !lex.town_words.contains(&cx.low[t.start..t.end])
            }
        };
        if self.title.is_none() && !(0..n).any(org_word) && self.place_follows() {
            return Some(None);
        }
        if self.title.is_none()
            && (cx.info(last).org_word()
                || (n >= 3
                    && (1..n).any(|j| {
                        (self.w(j) == OF || self.w(j) == FOR || self.f(j).particle())
                            && self.f(j - 1).org_word()
                    })))
        {
            if n >= 2 || !cx.info(last).common() {
                return Some(org(Evidence::OrgWord));
            }
            return Some(None);
        }
        if n > 1 && self.title.is_none() && self.team() {
            return Some(org(Evidence::OrgWord));
        }
        if n > 1
            && self.title.is_none()
            && ((cx.table.places.may_hold(name) && lex.places.contains(name))
                || starts_place(cx, &cx.toks[self.s..self.e]))
        {
            return Some(None);
        }
        None
    }

    /// A place and one or two words ending in a plural: a team or a
    /// party's members after "the", an organization ("the Denver Gulls",
    /// "the Boston Red Herons", "the Texas Republicans").
    fn team(&self) -> bool {
        let (cx, n) = (self.cx, self.wt.len());
        // Written as "the" team, not "for Middle East Affairs"; the cheap
        // tests first, the place lookup last.
        let the = self.s > 0 && matches!(cx.text_of(self.s - 1), "the" | "The");
        let last = self.w(n - 1);
        let plural = last.len() >= 4
            && (last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us")
                || last.ends_with("Sox"));
        if !the || !plural {
            return false;
        }
        let place = if self.f(0).place() {
            1
        } else if starts_place(cx, &cx.toks[self.s..self.e]) {
            2
        } else {
            return false;
        };
        (1..=2).contains(&(n - place))
            && (place..n).all(|j| {
                let f = self.f(j);
                f.is_cap() && !f.place() && !f.first_name() && !f.title()
            })
    }

    /// Runs of bare initials ("L. D."), titles alone ("Madam Speaker") and
    /// runs opened by a pronoun with a contracted verb ("They're") name no
    /// one.
    fn names_no_one(&self) -> bool {
        let (lex, n) = (self.cx.lex, self.wt.len());
        is_pronoun_contraction(self.w(0))
            || (0..n).all(|j| one_char(self.w(j)))
            || (0..n).all(|j| {
                let x = self.f(j);
                x.title() || x.common()
            })
            || (n > 1
                && n <= lex.title_max_words
                && self.f(0).title_first()
                && lex.is_title(
                    &(0..n)
                        .map(|j| self.w(j))
                        .collect::<Vec<_>>()
                        .join(" ")
                        .lower(),
                ))
    }

    /// A role, common word or thing inside a run with no title: the name,
    /// if any, is what follows it ("Policy Douglas Feith", "U.S.
    /// Ambassador"), or before a trailing one; an unknown word before a
    /// given name is cut off. Decided, with the verdict on the rest.
    fn split(&self) -> Option<Verdict> {
        let (cx, n, wt) = (self.cx, self.wt.len(), self.wt);
        let split = (0..n).rev().find(|&k| cx.is_splitter_at(wt[k], k + 1 < n));
        if let Some(k) = split {
            if k + 1 < n {
                // After a thing's word the rest names the thing ("Cyclone
                // Orvetta", "Operation Varn"), unless a given name follows.
                let sf = self.f(k);
                let thing = sf.non_person() && !sf.common() && !sf.title();
                if thing && !self.f(k + 1).first_name() {
                    return Some(None);
                }
                return Some(classify(cx, wt[k + 1], self.e, self.after, None));
            }
            // A trailing common word or thing: the name, if any, is the
            // last stretch before it ("Tavi Renn Sunday").
            let mut k = k;
            while k > 0 && cx.is_splitter_at(wt[k - 1], true) {
                k -= 1;
            }
            if k == 0 || !(k..n).all(|j| self.f(j).common()) {
                return Some(None);
            }
            let mut end = wt[k - 1] + 1;
            while end > self.s + 1 && cx.toks[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            return Some(classify(cx, self.s, end, end, None));
        }
        // An unknown word before a known given name in a longer run is a
        // role or a greeting ("Biologist Tavi Renn", "Hey Ines Varga").
        if n >= 3 && !self.f(0).first_name() && self.f(1).first_name() && !self.f(0).one_name() {
            return Some(classify(cx, wt[1], self.e, self.after, None));
        }
        None
    }

    /// A person, a weak candidate or no one, by the given name, title,
    /// cue after the run and the shape of its words.
    fn person_or_weak(&self) -> Verdict {
        let (cx, n) = (self.cx, self.wt.len());
        let f0 = self.f(0);
        let given = if f0.first_name() {
            Some(f0.gender)
        } else {
            f0.one_name().then_some(Gender::Unknown)
        };
        let gender = self
            .title
            .map(|t| cx.lex.title_gender(&t.1))
            .filter(|g| *g != Gender::Unknown)
            .or(given)
            .unwrap_or(Gender::Unknown);
        let person = |ev| self.mention(ActorKind::Person, gender, ev);
        let weak = || self.mention(ActorKind::Person, Gender::Unknown, Evidence::None);
        let given_ev = if f0.first_name() {
            Evidence::GivenName
        } else {
            Evidence::Known
        };
        if self.title.is_some() {
            // A title's own words before a known given name ("Miss
            // Varnland Ines Tesk"): the name starts at the given name.
            if !f0.first_name() && n >= 3 {
                if let Some(j) = (1..n - 1).find(|&j| self.f(j).first_name()) {
                    return classify(cx, self.wt[j], self.e, self.after, None);
                }
            }
            // "Major League ...", "General Assembly": the title word opened
            // an organization's or a thing's name, not a person's.
            if (0..n).any(|j| {
                let x = self.f(j);
                x.org_word() || x.non_person()
            }) {
                return None;
            }
            return person(Evidence::Title);
        }
        if given.is_none() && (0..n).all(|j| self.f(j).all_caps()) {
            return None;
        }
        if self.title.is_none() && nobility(cx, self.s, self.after) {
            return None;
        }
        let cited = cited(cx, self.s, self.after);
        let cue_after = self.cue_after() || self.role_before() || cited;
        let cue = if cited {
            Evidence::Citation
        } else {
            Evidence::Cue
        };
        if n == 1 {
            if f0.common() {
                return None;
            }
            if f0.place() {
                // A place, unless the resolver finds a person of that surname.
                return weak();
            }
            if given.is_some() {
                return person(given_ev);
            }
            // A reflexive pronoun after a single word opening the
            // sentence is its object ("Declares himself king"): no cue.
            let object = cx.info(self.after).pronoun() && opens_sentence(cx, self.s);
            if cue_after && !object {
                return person(cue);
            }
            // An unknown single word: a candidate surname, which the
            // resolver drops unless it can tie it to a fuller name.
            return weak();
        }
        if given.is_some() {
            return person(given_ev);
        }
        // A place inside the run makes it no person ("Tehran Varn"), save a
        // place-named surname after an unknown given name ("Valeska Paris").
        let place_surname = n == 2 && !f0.place() && self.f(1).place();
        if !place_surname && (0..n).any(|j| self.f(j).place()) && !cue_after {
            return None;
        }
        if !cue_after && cx.adjective_like_at(self.wt[0]) {
            return None;
        }
        // A plural at the end names a group or a work ("Harbour Galleries",
        // "Varn Collections"), unless a given name or a cue says person.
        if !cue_after && plural_like(self.w(n - 1)) {
            return None;
        }
        if n <= 4 {
            // Evidence or none: a capitalised run with nothing for it is a
            // weak candidate, kept only if another mention of the name in
            // the document has evidence ([`super::document`]) or the
            // resolver ties it to a person named elsewhere.
            if cue_after {
                return person(cue);
            }
            if n <= 3
                && f0.family_first()
                && (1..n).all(|j| {
                    let x = self.f(j);
                    !x.common() && !x.org_word() && !x.non_person()
                })
            {
                return person(Evidence::FamilyName);
            }
            if self.initials_first() {
                return person(Evidence::Initials);
            }
            return weak();
        }
        None
    }

    /// Initials, then one or two name words that are no common word nor
    /// thing ("R. Tesk", "J K Orlow"); a bare "A" or "I" is a word, not an
    /// initial.
    fn initials_first(&self) -> bool {
        let n = self.wt.len();
        let k = (0..n).take_while(|&j| one_char(self.w(j))).count();
        let dotted = |j: usize| {
            self.cx
                .toks
                .get(self.wt[j] + 1)
                .is_some_and(|t| t.text(self.cx.text) == ".")
        };
        k >= 1
            && n - k >= 1
            && n - k <= 2
            && (dotted(0) || !matches!(self.w(0), "A" | "I"))
            && (0..k).all(|j| self.w(j).chars().all(|c| c.is_uppercase()))
            && (k..n).all(|j| {
                let x = self.f(j);
                !x.common() && !x.org_word() && !x.non_person() && !x.place() && !x.all_caps()
            })
    }

    /// A single word of two to six capital letters, no roman numeral,
    /// common word, thing or place, in a sentence not written in capitals.
    fn acronym(&self) -> bool {
        let (cx, w, f) = (self.cx, self.w(0), self.f(0));
        let shape = (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
        if !shape || is_roman(w) || f.common() || f.non_person() || f.place() || f.title() {
            return false;
        }
        let (mut words, mut caps) = (0usize, 0usize);
        for k in 0..cx.toks.len() {
            if cx.word(k).is_some() {
                words += 1;
                caps += cx.info(k).all_caps() as usize;
            }
        }
        caps * 3 <= words
    }

    /// The run is followed by "(" and an acronym of its initials:
    /// the acronym's first letter the run's, its length at most two a
    /// word.
    fn defines_acronym(&self) -> bool {
        let (cx, n) = (self.cx, self.wt.len());
        let tok = |k: usize| cx.toks.get(self.after + k).map(|t| t.text(cx.text));
        if n < 2 || tok(0) != Some("(") || tok(2) != Some(")") {
            return false;
        }
        let Some(a) = tok(1) else {
            return false;
        };
        (2..=2 * n).contains(&a.len())
            && a.bytes().all(|b| b.is_ascii_uppercase())
            && self.w(0).as_bytes().first() == a.as_bytes().first()
    }

    /// A comma and a known place of one or two words after the run, then a
    /// comma or the sentence's end ("Green Varn, West Virginia, ...").
    fn place_follows(&self) -> bool {
        let (cx, a) = (self.cx, self.after);
        let tok = |k: usize| cx.toks.get(a + k);
        if tok(0).is_none_or(|t| t.text(cx.text) != ",") {
            return false;
        }
        let closes =
            |k: usize| tok(k).is_none_or(|t| matches!(t.text(cx.text), "," | "." | ";" | ")"));
        for len in 1..=2 {
            let (Some(f), Some(l)) = (tok(1), tok(len)) else {
                return false;
            };
            if (1..=len).any(|k| cx.word(a + k).is_none()) {
                return false;
            }
            let place = &cx.text[f.span.start..l.span.end];
            if cx.table.places.may_hold(place) && cx.lex.places.contains(place) && closes(len + 1) {
                return true;
            }
        }
        false
    }

    /// An apposition after a role: "her deputy, Oskar Brandvold, ...", the
    /// role word in lower case, the name closed by a comma or the
    /// sentence's end.
    fn role_before(&self) -> bool {
        let (cx, s) = (self.cx, self.s);
        if s < 2 || cx.toks[s - 1].text(cx.text) != "," {
            return false;
        }
        let role = cx.word(s - 2).is_some() && {
            let f = cx.info(s - 2);
            f.is_lower() && (f.title() || f.title_first() || f.nominal_head())
        };
        role && cx
            .toks
            .get(self.after)
            .is_none_or(|t| matches!(t.text(cx.text), "," | "." | ";"))
    }

    /// A person cue after the run: a verb only people do, or ", who" or
    /// an age (", 54,").
    fn cue_after(&self) -> bool {
        let (cx, after) = (self.cx, self.after);
        // The next two tokens, compared in lower case.
        let next = |k: usize| cx.toks.get(after + k).map(|t| t.text(cx.text));
        cx.info(after).person_verb()
            || (next(0) == Some(",")
                && next(1)
                    .is_some_and(|w| lower_is(w, WHO) || w.chars().all(|c| c.is_ascii_digit())))
    }
}

/// The person an organization, law or prize is named after: a known given
/// name opening it, then capitalised words up to the first organization,
/// thing, role or adjective word. Weak: it only counts if the person is
/// named elsewhere.
pub(super) fn namesake(cx: &Cx, s: usize, e: usize) -> Option<Mention> {
    let toks = cx.toks;
    cx.word(s)?;
    let fi = cx.info(s);
    if !fi.first_name() {
        return None;
    }
    let mut k = s + 1;
    while k < e {
        cx.word(k)?;
        let f = cx.info(k);
        if !f.is_cap()
            || f.common()
            || f.org_word()
            || f.non_person()
            || f.title()
            || (k > s + 1 && cx.adjective_like_at(k))
        {
            break;
        }
        k += 1;
    }
    if k - s < 2 || k == e {
        return None;
    }
    Some(Mention {
        span: Span::new(toks[s].span.start, toks[k - 1].span.end),
        kind: ActorKind::Person,
        via: Via::Name,
        sentence: 0,
        title: None,
        gender: fi.gender,
        possessive: false,
        words: Words::new(cx.base + s, cx.base + k, k - s),
        weak: true,
        verb_after: false,
        evidence: Evidence::Namesake,
    })
}
