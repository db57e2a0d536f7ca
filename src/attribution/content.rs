//! Reading a content: where a reported clause ends, the quotations that
//! continue it, the clause before a cue, the hearer and adjuncts after one.

use super::*;

/// Is token `j` (a cue form) coordinated with what comes before it:
/// `and said`, `, saying`?
pub(super) fn coordinated_at(d: &Doc, lo: usize, j: usize) -> bool {
    if j <= lo {
        return false;
    }
    d.has(j - 1, T_AND | T_BUT) || d.has(j - 1, T_COMMA) && d.w(j).ends_with(fw::ING)
}

/// Where the content after a cue ends: before a coordinated cue
/// (`... and said`, `..., adding`), else at the words' end.
/// The longest reported clause, in tokens.
pub(super) const MAX_CLAUSE: usize = 400;

pub(super) fn clause_end(d: &Doc, from: usize, we: usize) -> usize {
    // No reported clause runs on for more than MAX_CLAUSE tokens: this keeps
    // a giant unpunctuated "sentence" full of cues linear, not quadratic.
    let we = we.min(from + 1 + MAX_CLAUSE);
    // Only a dash, a comma, "but" or a reporting verb outside quotations can
    // end it: one test for both (the quote bit is above the others).
    const ENDS: Tags = T_DASH | T_COMMA | T_BUT | T_REPORT;
    const _: () = assert!(ENDS < T_IN_QUOTE);
    let mut next = from + 1;
    while next < we {
        // The next token that may end it.
        let Some(off) = d.tags[next..we]
            .iter()
            .position(|&t| (t & (ENDS | T_IN_QUOTE)).wrapping_sub(1) < T_IN_QUOTE - 1)
        else {
            break;
        };
        let j = next + off;
        next = j + 1;
        // A dash or ", but" closes the reported clause.
        if j > from + 2 && (d.has(j, T_DASH) || d.has(j, T_BUT) && d.has(j - 1, T_COMMA)) {
            let mut e = j;
            while e > from + 1 && d.has(e - 1, T_COMMA) {
                e -= 1;
            }
            return e;
        }
        // ", and ...", ", as ...", ", which ...": a new clause after the content.
        if j > from + 2
            && d.has(j, T_COMMA)
            && j + 1 < we
            && !d.quoted(j + 1)
            && d.has(j + 1, T_CLAUSE_OPENER)
        {
            return j;
        }
        if !d.is_word(j) {
            continue;
        }
        if d.cue_at(j) == Some(CueClass::Report)
            && (coordinated_at(d, from, j) || d.has(j - 1, T_COMMA))
        {
            let mut e = j - 1;
            while e > from && d.has(e, T_COMMA | T_AND | T_BUT) {
                e -= 1;
            }
            return e + 1;
        }
    }
    we
}

/// Quotations continuing a content: each opens right after the previous
/// piece ends (white space only between, or the rest of the cue's
/// sentence), and its own sentence has no cue outside quotations.
pub(super) fn continuation(d: &Doc, mut at: usize, max_paras: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let start_para = d
        .seg
        .sentence_at(at.saturating_sub(1))
        .map(|s| d.seg.sentences[s].paragraph);
    loop {
        let rest = &d.text[at..];
        let skip = rest.len() - rest.trim_start().len();
        let pos = at + skip;
        let Some(q) = d.quote_at(pos) else { break };
        let Some(si) = d.seg.sentence_at(q.inner.start) else {
            break;
        };
        let para = d.seg.sentences[si].paragraph;
        if start_para.is_some_and(|p| para > p + max_paras) {
            break;
        }
        // The quotation's own sentences must carry no cue of their own.
        let last_si = d
            .seg
            .sentence_at(q.span.end.saturating_sub(1))
            .unwrap_or(si);
        let (_, e) = sentence_range(d.seg, last_si);
        let first = d.seg.token_at_or_after(q.span.end);
        let has_cue = (first..e)
            .any(|j| !d.quoted(j) && d.is_word(j) && d.cue_at(j) == Some(CueClass::Report));
        if has_cue {
            break;
        }
        out.push(q.span);
        at = q.span.end;
        if out.len() >= 8 {
            break;
        }
    }
    out
}

/// Content ending before token `end` (exclusive): the quotation closing
/// there, or the clause from the sentence's start.
pub(super) fn content_before(d: &Doc, s0: usize, s1: usize, end: usize) -> Option<Span> {
    let at = if end < d.seg.tokens.len() {
        d.tok(end).start
    } else {
        d.text.len()
    };
    let ws = words_start(d, s0, s1);
    if let Some(q) = d.quote_ending_before(at) {
        // A short quotation inside a clause is a title or a phrase, not the content.
        let inner_clause = ws < s1 && q.span.start > d.tok(ws).start && {
            let a = d.seg.token_at_or_after(q.span.start);
            d.seg.token_at_or_after(q.span.end) - a < 7
        };
        // Only a quotation that reaches into this sentence or ends right before it.
        if !inner_clause && (q.span.end > d.tok(s0).start || end == s0 || ws == end) {
            return Some(d.quote_content(&q));
        }
    }
    let mut e = end;
    while e > ws && d.kind(e - 1) == TokenKind::Punct && !d.is_close_quote_tok(e - 1) {
        e -= 1;
    }
    if e <= ws {
        return None;
    }
    let mut cs = ws;
    if d.has(ws, T_INTRO) && !d.lex.w.kept_intro.contains(d.w(ws)) {
        if let Some(c) = (ws..e).find(|&j| d.has(j, T_COMMA) && !d.quoted(j)) {
            if e - c > 3 {
                cs = c + 1;
            }
        }
    }
    d.span(cs, e)
}

/// Skip a hearer after `tell`/`ask` ("told reporters that", "told Reuters,").
pub(super) fn skip_hearer(d: &Doc, c: usize, we: usize) -> usize {
    if c >= we {
        return c;
    }
    if let Some(j) = (c..we.min(c + 7)).find(|&j| d.has(j, T_HEARER_END)) {
        return j;
    }
    // Otherwise a short object: one capitalised run or a pronoun/noun.
    let mut j = c;
    if one_of(DETERMINERS, d.w(j)) {
        j += 1;
    }
    while j < we && d.is_word(j) && d.is_cap(j) {
        j += 1;
    }
    if j == c || (j == c + 1 && one_of(DETERMINERS, d.w(c))) {
        j = (c + 1).min(we);
        if one_of(DETERMINERS, d.w(c)) {
            j = (c + 2).min(we);
        }
    }
    j
}

/// Skip adjuncts after a cue ("said Friday in a statement"): returns the
/// first token after them, or `we` if they run to the end.
pub(super) fn skip_adjuncts(d: &Doc, mut c: usize, we: usize) -> usize {
    let mut guard = 0;
    while c < we && guard < 4 {
        guard += 1;
        if !d.has(c, T_ADJUNCT) {
            break;
        }
        if d.lex.w.hearer_adjunct.contains(d.w(c))
            && c + 1 < we
            && !(d.lex.w.hearer_noun.contains(d.w(c + 1)) || one_of(DETERMINERS, d.w(c + 1)))
            && !d.is_cap(c + 1)
        {
            break;
        }
        // An adjunct runs to a comma, `that`, a quotation or a colon.
        // A comma inside a date ("on May 30, 2003, that") ends nothing.
        let stop = (c + 1..we).find(|&j| {
            d.has(j, T_ADJUNCT_STOP) && !(d.has(j, T_COMMA) && date_year(d, j + 1, we))
                || d.is_open_quote(j)
                || (d.cue_at(j).is_some() && !d.quoted(j))
        });
        match stop {
            Some(j) if j - c <= 9 => c = j,
            Some(_) => break,
            None if we - c <= 9 => return we,
            None => break,
        }
        if d.has(c, T_COMMA) {
            // An adjunct closed by a comma: what follows may be the content.
            c += 1;
        }
    }
    c
}

/// Is token `j` the year of a date ("May 30, 2003"): four digits, then a
/// comma, `that` or the end?
fn date_year(d: &Doc, j: usize, we: usize) -> bool {
    j < we
        && d.kind(j) == TokenKind::Number
        && d.tok(j).len() == 4
        && (j + 1 >= we || d.has(j + 1, T_COMMA) || d.w(j + 1) == fw::THAT)
}

/// Where the object of a stance verb ends: before a comma, a dash, a
/// conjunction, a subordinate clause or a time phrase.
pub(super) fn object_end(d: &Doc, c: usize, end: usize) -> usize {
    // Verbs of thinking and hoping take a whole clause.
    if c > 0 && d.has(c - 1, T_CLAUSAL) {
        return end;
    }
    (c + 1..end)
        .find(|&j| !d.quoted(j) && d.has(j, T_OBJECT_STOP))
        .unwrap_or(end)
}

pub(super) fn skip_hearer_if(d: &Doc, k: usize, after: usize, we: usize) -> usize {
    if d.has(k, T_HEARER) {
        skip_hearer(d, after, we)
    } else {
        after
    }
}

/// A quotation after a comma at token `c` ('..., he said, "..."').
pub(super) fn skip_to_quote(d: &Doc, mut c: usize, we: usize) -> Option<Quote> {
    while c < we && matches!(d.w(c), b"," | b":" | b"\xe2\x80\x94") {
        c += 1;
    }
    if c < d.seg.tokens.len() && d.is_open_quote(c) {
        d.quote_at(d.tok(c).start)
    } else {
        None
    }
}
