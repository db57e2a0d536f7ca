//! `In a new poll, ...` / `..., in his view.`.

use super::*;

/// `In a new poll, ...` / `... in his view.`: the phrase is cue and source.
pub(in crate::attribution) fn in_source(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    // The noun first: most `in`s have none.
    let head = (k + 1..s1.min(k + 9))
        .take_while(|&j| !d.has(j, T_COMMA) && !d.quoted(j))
        .find(|&j| d.has(j, T_IN_SOURCE))?;
    let ws = words_start(d, s0, s1);
    let we = words_end(d, s0, s1);
    // Sentence-initial ("In a new poll, ...") or a view ("in his view").
    let view = d.lex.in_anywhere.contains(d.w(head));
    if k != ws && !view {
        return None;
    }
    // "In other words" restates; it names no source.
    if d.lex
        .in_idioms
        .iter()
        .any(|(m, n)| **n == *d.w(head) && **m == *d.w(head - 1))
    {
        return None;
    }
    // The phrase runs to a comma (a poll "released Sunday").
    let phrase_end = (head + 1..s1.min(head + 6))
        .find(|&j| d.has(j, T_COMMA))
        .unwrap_or(head + 1);
    let speaker = Speaker {
        span: d.span(k + 1, head + 1)?,
        actor: None,
    };
    let mut content = Vec::new();
    if k > ws {
        let mut e = k;
        while e > ws && d.kind(e - 1) == TokenKind::Punct && !d.is_close_quote_tok(e - 1) {
            e -= 1;
        }
        if e - ws >= 3 {
            content.extend(d.span(ws, e));
        }
    }
    let after = if d.w(phrase_end.min(s1 - 1)) == b"," {
        phrase_end + 1
    } else {
        head + 1
    };
    if content.is_empty() || d.w(phrase_end.min(s1 - 1)) == b"," {
        let end = clause_end(d, after, we);
        if end > after + 2 {
            content.extend(d.span(after, end));
        }
    }
    if content.is_empty() {
        return None;
    }
    // The cue runs from "in" to the noun ("in his view").
    Some(Attribution::found(
        Some(speaker),
        d.tok(k).cover(&d.tok(head)),
        content,
        Rule::InSource,
        si,
    ))
}
