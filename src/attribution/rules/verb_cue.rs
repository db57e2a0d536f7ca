//! A reporting or stance verb: the rules around a verb cue.

use super::*;

pub(in crate::attribution) fn verb_cue(
    d: &Doc,
    si: usize,
    k: usize,
    class: CueClass,
    earlier: &[Attribution],
) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let we = words_end(d, s0, s1);
    let ws = words_start(d, s0, s1);
    let w = d.w(k);
    // "went on to say": an infinitive reporting verb speaks for the subject.
    let infinitive = k > s0 && d.w(k - 1) == b"to" && d.has(k, T_SAY_INF);
    // "some say", "many believe": a quantifier is the speaker of a verb form.
    let quantified = k > s0 && d.lex.w.quantifier.contains(d.w(k - 1)) && d.has(k, T_QUANTIFIED);
    if k > s0 && d.has(k - 1, T_NOT_BEFORE) && !infinitive && !quantified {
        return None;
    }
    // Nouns after a determiner two words back ("the latest report") are caught above;
    // a capitalised cue inside the sentence is a name ("Rep. Hank Call").
    // In a headline ("Tavi Renn Says Talks Are Over") every word is capitalised.
    if k > ws && d.is_cap(k) && !title_case(d, ws, we) {
        return None;
    }
    let mut cue = d.tok(k);
    let mut after = k + 1;
    if let Some((_, p)) = d
        .lex
        .particles()
        .iter()
        .find(|(v, _)| d.has(k, T_PARTICLE) && **v == *w)
    {
        if after < s1 && d.w(after) == &**p {
            cue = cue.cover(&d.tok(after));
            after += 1;
        }
    }
    // 1. Speaker after the cue: '"...," said X.' / '..., said X.' / 'Said X, "..."'.
    let sep_before =
        k > s0 && (matches!(d.w(k - 1), b"," | b"\xe2\x80\x94") || d.is_close_quote_tok(k - 1));
    // "X, then head of Y, says ...": the aside belongs to a speaker before.
    let aside_speaker = k > s0
        && d.has(k - 1, T_COMMA)
        && np_before(d, s0, k).is_some_and(|(s, e)| d.can_be_source(s, e));
    if class == CueClass::Report && (sep_before || k == ws) && !aside_speaker {
        if let Some((s, src_end, e)) = np_after(d, after, s1)
            .and_then(|(s, e)| inverted_source(d, s, e).map(|(a, b)| (a, b, e)))
        {
            let at_end =
                e >= we || d.has(e, T_INVERTED_END) || (k > 0 && d.is_close_quote_tok(k - 1));
            if at_end {
                let speaker = Speaker {
                    span: d.span(s, src_end)?,
                    actor: None,
                };
                let content_end = if k == ws { None } else { Some(k - 1) };
                let mut content = Vec::new();
                let mut rule = Rule::ContentCue;
                match content_end {
                    Some(ce) => {
                        let c =
                            content_before(d, s0, s1, ce + usize::from(d.is_close_quote_tok(ce)))?;
                        if d.quote_at(c.start).is_some() {
                            rule = Rule::QuoteCue;
                        }
                        content.push(c);
                        let tail = if e < we {
                            skip_to_quote(d, e, we)
                        } else {
                            None
                        };
                        match tail {
                            Some(q) => content.extend(
                                std::iter::once(q.span).chain(continuation(d, q.span.end, 2)),
                            ),
                            None => content.extend(continuation(d, d.tok(s1 - 1).end, 2)),
                        }
                    }
                    None => {
                        // 'Said X, "..."'
                        let mut c = e;
                        while c < we && matches!(d.w(c), b"," | b":") {
                            c += 1;
                        }
                        if let Some(q) = d.quote_at(d.tok(c.min(s1 - 1)).start) {
                            content.push(q.span);
                            rule = Rule::CueQuote;
                        } else {
                            content.push(d.span(c, we)?);
                            rule = Rule::CueContent;
                        }
                    }
                }
                return Some(Attribution::found(Some(speaker), cue, content, rule, si));
            }
        }
    }
    // 2. Speaker before the cue.
    let mut j = k;
    while j > s0 && skippable(d, j - 1) {
        j -= 1;
    }
    if j > s0 && j < k && d.w(j - 1) == b"on" && d.has(j, T_TIME) {
        j -= 1;
    }
    let be_before = j > s0 && d.has(j - 1, T_BE);
    // "X is criticizing Y" / "X is expected to ...": the subject still speaks.
    let progressive = be_before && (w.ends_with(b"ing") || d.lex.w.progressive.contains(w));
    if progressive {
        j -= 1;
        while j > s0 && skippable(d, j - 1) {
            j -= 1;
        }
    }
    let passive = !progressive
        && j > s0
        && (be_before || d.lex.w.asked_after.contains(d.w(j - 1)) && d.lex.w.question.contains(w));
    // "by saying", "after saying": a gerund after a preposition.
    let gerund = j > s0 && w.ends_with(b"ing") && d.lex.w.gerund_after.contains(d.w(j - 1));
    if j == ws && d.lex.w.question.contains(w) {
        return asked_intro(d, si, k, after, we);
    }
    if j > s0 && d.has(j - 1, T_IT) && d.has(k, T_IMPERSONAL) {
        // "It seems (that) ...": an impression with no one behind it.
        let c = skip_adjuncts(d, after, we);
        let end = clause_end(d, k, we);
        if end < c + 2 {
            return None;
        }
        return Some(Attribution::found(
            None,
            cue,
            vec![d.span(c, end)?],
            Rule::Impersonal,
            si,
        ));
    }
    let coord = infinitive
        || gerund
        || coordinated_at(d, s0, j)
        || (j == ws && class == CueClass::Report && w.ends_with(b"ing"));
    let by_agent = if passive && after < we && d.w(after) == b"by" {
        np_after(d, after + 1, s1).filter(|&(s, e)| d.can_be_source(s, e))
    } else {
        None
    };
    if let Some((bs, be)) = by_agent {
        // "X was reported by Y": Y speaks, X is what was said.
        let mut se = j - 1;
        while se > s0 && (skippable(d, se - 1) || d.has(se - 1, T_BE)) {
            se -= 1;
        }
        let subj = np_ending(d, s0, se)?;
        let mut content = vec![d.span(subj.0, subj.1)?];
        // "... was criticized by Y for failing to ...": the reason goes too.
        let mut r = be;
        while r < we && d.has(r, T_COMMA) {
            r += 1;
        }
        let end = clause_end(d, r, we);
        if end > r + 1 && d.w(r) == b"for" {
            content.extend(d.span(r, end));
        }
        return Some(Attribution::found(
            Some(Speaker {
                span: d.span(bs, be)?,
                actor: None,
            }),
            cue,
            content,
            Rule::PassiveCue,
            si,
        ));
    }
    let (speaker, mut rule) = if passive {
        (None, Rule::PassiveCue)
    } else if coord {
        (
            subject_of(d, si, k, earlier).map(|span| Speaker { span, actor: None }),
            Rule::CoordCue,
        )
    } else {
        // "It accused ..." (a report, a group) also speaks for a stance verb.
        let it = (j > s0 && d.has(j - 1, T_IT)
            || j > s0 + 1
                && one_of(RELATIVES, d.w(j - 1))
                && (d.has(j - 2, T_COMMA) || d.is_cap(j - 2)))
        .then(|| (j - 1, j));
        match it.or_else(|| np_before(d, s0, j)) {
            Some((s, e)) => {
                let sp = d.span(s, e)?;
                // A stance verb wants a name, a pronoun or a source noun.
                if (class == CueClass::Stance || d.has(k, T_WEAK_REPORT))
                    && !d.can_be_source(s, e)
                    && !one_of(RELATIVES, d.w(s))
                {
                    // "the issue seems to linger": an impression, no speaker.
                    if d.has(k, T_SEEM) && after < we && d.w(after) == b"to" {
                        let end = clause_end(d, k, we);
                        return (end > after + 2).then(|| {
                            let content = vec![Span::new(d.tok(s).start, d.tok(end - 1).end)];
                            Attribution::found(None, cue, content, Rule::Impersonal, si)
                        });
                    }
                    return None;
                }
                (
                    Some(Speaker {
                        span: sp,
                        actor: None,
                    }),
                    Rule::CueContent,
                )
            }
            None => (None, Rule::CueContent),
        }
    };
    // A plain reporting verb with no speaker beside it ("X, 58, a nurse
    // from Y who ..., said"): the sentence's subject, or nobody.
    let fallback = speaker.is_none() && !passive && !coord && d.has(k, T_SPEAKER_OPTIONAL);
    let speaker = if fallback {
        rule = Rule::SubjectCue;
        subject_of(d, si, k, earlier).map(|span| Speaker { span, actor: None })
    } else {
        speaker
    };
    if speaker.is_none() && !passive && !fallback {
        return None;
    }
    if passive && class == CueClass::Report && !d.has(k, T_PASSIVE) {
        return None;
    }
    // '"...," X said.' / '..., X said.' (the speaker's phrase starts after a comma or quotation).
    if let Some(sp) = &speaker {
        let sp_first = d.token_from(s0, sp.span.start);
        let c = skip_adjuncts(d, skip_hearer_if(d, k, after, we), we);
        let before_sep = sp_first > s0
            && (matches!(d.w(sp_first - 1), b"," | b"\xe2\x80\x94")
                || d.is_close_quote_tok(sp_first - 1));
        let sentence_is_cue = sp_first == ws && c >= we;
        // '"...?" Tavi Renn questioned.': a stance verb closing the sentence
        // after a quotation reports it too.
        let quote_stance = class == CueClass::Stance
            && c >= we
            && (sp_first > s0 && d.is_close_quote_tok(sp_first - 1)
                || sentence_is_cue && d.quote_ending_before(d.tok(ws).start).is_some());
        if (class == CueClass::Report || quote_stance)
            && !coord
            && (before_sep
                && (c >= we
                    || d.has(c, T_COMMA)
                    || d.has(c - 1, T_COMMA)
                    || d.is_close_quote_tok(sp_first - 1) && !matches!(d.w(c), b"that" | b":"))
                || sentence_is_cue)
        {
            let end = if sentence_is_cue {
                ws
            } else {
                sp_first - 1 + usize::from(d.is_close_quote_tok(sp_first - 1))
            };
            let first = content_before(d, s0, s1, end).filter(|f| {
                // "But X said ..." is no clause before the speaker.
                d.quote_at(f.start).is_some()
                    || d.seg.token_at_or_after(f.end) - d.seg.token_at_or_after(f.start) >= 3
            });
            if let Some(first) = first {
                let first_is_quote = d.quote_at(first.start).is_some();
                let mut content = vec![first];
                rule = if first_is_quote {
                    Rule::QuoteCue
                } else {
                    Rule::ContentCue
                };
                let mut ran_on = false;
                if c < we {
                    if let Some(q) = skip_to_quote(d, c, we) {
                        if !first_is_quote {
                            content.clear();
                            rule = Rule::CueQuote;
                        }
                        content.push(q.span);
                        content.extend(continuation(d, q.span.end, 2));
                        ran_on = true;
                    } else if d.has(c, T_COMMA) {
                        // "X, Y said, Z.": the content runs on after the speaker.
                        let end = clause_end(d, c, we);
                        if end > c + 2 {
                            content.extend(d.span(c + 1, end));
                            ran_on = true;
                        }
                    }
                }
                if !ran_on && rule == Rule::QuoteCue {
                    content.extend(continuation(d, d.tok(s1 - 1).end, 2));
                }
                return Some(Attribution::found(speaker, cue, content, rule, si));
            }
        }
    }
    // 'X said: "..."' / 'X said (that) ...' / 'X told IPS (that) ...'
    let mut c = skip_hearer_if(d, k, after, we);
    c = skip_adjuncts(d, c, we);
    while c < we && matches!(d.w(c), b"," | b":" | b"\xe2\x80\x94" | b"-") {
        c += 1;
    }
    // A short quoted phrase inside the clause ("admitted \"two cases\" where
    // ...") is part of a longer content, not the whole of it.
    let phrase = |q: &Quote| {
        let qe = d.seg.token_at_or_after(q.span.end);
        qe + 2 < we && qe - c < 8 && !matches!(d.w(qe), b"," | b"." | b":" | b";")
    };
    if c < s1 && d.is_open_quote(c) {
        if let Some(q) = d.quote_at(d.tok(c).start).filter(|q| !phrase(q)) {
            let mut content = vec![q.span];
            // A quotation closing the sentence may run on after it.
            let qe = d.seg.token_at_or_after(q.span.end);
            if qe >= we {
                content.extend(continuation(d, q.span.end.max(d.tok(s1 - 1).end), 2));
            }
            return Some(Attribution::found(
                speaker,
                cue,
                content,
                if coord || passive {
                    rule
                } else {
                    Rule::CueQuote
                },
                si,
            ));
        }
    }
    // A colon at the end of a paragraph introduces the next paragraph.
    if c >= we && d.has(s1 - 1, T_COLON) {
        let para = d.seg.sentences[si].paragraph;
        if let Some(next) = d.seg.paragraphs.get(para + 1) {
            let inner = *next;
            let mut content = vec![inner];
            content.extend(continuation(d, next.end, 3));
            return Some(Attribution::found(
                speaker,
                cue,
                content,
                Rule::CueBlock,
                si,
            ));
        }
    }
    let mut end = clause_end(d, k, we);
    if k == ws || (passive && d.lex.w.question.contains(w)) {
        // "Asked whether ..., X said": the question runs to the comma.
        if let Some(comma) = (c + 1..end).find(|&j| d.has(j, T_COMMA) && !d.quoted(j)) {
            end = comma;
        }
    }
    if class == CueClass::Stance {
        end = object_end(d, c, end);
    }
    // "... said yes.", "would not say so": a one-word answer is a content too.
    let answer = end == c + 1 && d.lex.w.answer.contains(d.w(c));
    if end <= c || (end - c < 2 && class == CueClass::Report && !answer) {
        // '"...," the tall, quiet mayor said.': nothing after the cue, the
        // quotation opening the sentence is the content.
        if class == CueClass::Report && c >= we && !coord && !passive {
            let sp_start = speaker.as_ref().map_or(d.tok(k).start, |sp| sp.span.start);
            let first = d.tok(words_start(d, s0, s1)).start;
            if let Some(q) = d.quote_at(first).filter(|q| q.span.end <= sp_start) {
                return Some(Attribution::found(
                    speaker,
                    cue,
                    vec![q.span],
                    Rule::QuoteCue,
                    si,
                ));
            }
        }
        return None;
    }
    let mut content = vec![d.span(c, end)?];
    if d.has(s1 - 1, T_COLON) {
        // "X observed that ...:" with the quotation after the colon.
        content.extend(continuation(d, d.tok(s1 - 1).end, 2));
    }
    Some(Attribution::found(speaker, cue, content, rule, si))
}

/// Is the sentence in title case (a headline): most of its words of four
/// letters or more capitalised?
pub(in crate::attribution) fn title_case(d: &Doc, ws: usize, we: usize) -> bool {
    let (mut cap, mut n) = (0, 0);
    for i in ws..we {
        if d.is_word(i) && !d.quoted(i) && d.tok(i).len() >= 4 {
            n += 1;
            cap += usize::from(d.is_cap(i));
        }
    }
    n >= 2 && cap * 4 >= n * 3
}

/// `Asked whether ..., X said ...` / `Asked by Y about ..., X said`: the
/// question is the content, up to the comma; its source is the asker after
/// `by`, else none.
pub(in crate::attribution) fn asked_intro(
    d: &Doc,
    si: usize,
    k: usize,
    after: usize,
    we: usize,
) -> Option<Attribution> {
    let mut c = after;
    let mut speaker = None;
    if c < we && d.w(c) == b"by" {
        let (s, e) = np_after(d, c + 1, we).filter(|&(s, e)| d.can_be_source(s, e))?;
        speaker = Some(Speaker {
            span: d.span(s, e)?,
            actor: None,
        });
        c = e;
    }
    let end = (c..we)
        .find(|&j| d.has(j, T_COMMA) && !d.quoted(j))
        .unwrap_or(we);
    if end < c + 2 {
        return None;
    }
    Some(Attribution::found(
        speaker,
        d.tok(k),
        vec![d.span(c, end)?],
        Rule::PassiveCue,
        si,
    ))
}
