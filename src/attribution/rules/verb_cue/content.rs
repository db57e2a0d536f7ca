//! The content of a verb cue once its speaker is known.

use super::*;

/// '"...," X said.' / '..., X said.' / 'X, Y said, Z.': the content
/// before the speaker (and what runs on after the cue), where the
/// speaker's phrase starts after a comma or quotation or opens a sentence
/// that is all cue.
pub(super) fn around_speaker(
    c: &Cand,
    sp: &Speaker,
    speaker: &Option<Speaker>,
    coord: bool,
) -> Option<Attribution> {
    let Cand {
        d,
        si,
        k,
        class,
        s0,
        s1,
        ws,
        we,
        cue,
        after,
        ..
    } = *c;
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
                || d.has(c - 1, T_COMMA) && d.w(c) != fw::THAT
                || d.is_close_quote_tok(sp_first - 1) && !matches!(d.w(c), fw::THAT | b":"))
            || sentence_is_cue)
    {
        let end = if sentence_is_cue {
            ws
        } else {
            sp_first - 1 + usize::from(d.is_close_quote_tok(sp_first - 1))
        };
        let first = content_before(d, s0, s1, end).filter(|f| {
            // "But X said ..." is no clause before the speaker; "That plan,
            // they said, would ..." (two words, the clause running on after
            // a comma) is.
            let n = d.seg.token_at_or_after(f.end) - d.seg.token_at_or_after(f.start);
            d.quote_at(f.start).is_some()
                || n >= 3
                || n == 2 && c < we && d.has(c, T_COMMA) && !d.has(ws, T_INTRO)
        });
        if let Some(first) = first {
            let first_is_quote = d.quote_at(first.start).is_some();
            let mut content = vec![first];
            let mut rule = if first_is_quote {
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
            return Some(Attribution::found(speaker.clone(), cue, content, rule, si));
        }
    }
    None
}

/// 'X said: "..."' / 'X said (that) ...' / 'X told IPS (that) ...': the
/// content after the cue.
pub(super) fn after_cue(
    c: &Cand,
    speaker: Option<Speaker>,
    rule: Rule,
    coord: bool,
    passive: bool,
) -> Option<Attribution> {
    let Cand {
        d,
        si,
        k,
        class,
        s0,
        s1,
        ws,
        we,
        w,
        cue,
        after,
        ..
    } = *c;
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
    // A colon at the end of a paragraph introduces the next paragraph,
    // also after a short tail ("had this to say about that:").
    let short_tail = we - c.min(we) <= 3
        && (c..we).all(|j| d.is_word(j) && !d.quoted(j) && d.cue_at(j).is_none());
    if (c >= we || short_tail) && d.has(s1 - 1, T_COLON) {
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
    let mut first = d.span(c, end)?;
    // A content ending inside a quotation of several sentences ("said
    // that \"the mill is sold. It closes in May.\"") runs to its close.
    if let Some(q) = d
        .quote_around(first.end - 1)
        .filter(|q| q.closed && q.span.end > first.end && q.span.end - first.end <= 1500)
    {
        first = Span::new(first.start, q.span.end);
    }
    let mut content = vec![first];
    if d.has(s1 - 1, T_COLON) {
        // "X observed that ...:" with the quotation after the colon.
        content.extend(continuation(d, d.tok(s1 - 1).end, 2));
    }
    Some(Attribution::found(speaker, cue, content, rule, si))
}
