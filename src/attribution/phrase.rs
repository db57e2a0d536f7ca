//! The noun-phrase grammar: a speaker phrase before or after a cue, an
//! aside between, a source after an inverted cue.

use super::*;

/// The noun phrase ending at token `e` (exclusive), not before `lo`.
pub(super) fn np_ending(d: &Doc, lo: usize, e: usize) -> Option<(usize, usize)> {
    if e > lo + 1 && d.has(e - 1, T_RPAREN) {
        // "Rep. Tavi Renn (D-Ore.)": the name before the bracket.
        let open = (lo..e - 1).rev().take(8).find(|&j| d.has(j, T_LPAREN))?;
        return np_ending(d, lo, open).map(|(s, _)| (s, e));
    }
    let mut s = e;
    while s > lo && e - s < 7 {
        let i = s - 1;
        let t = d.tags[i];
        let ok = match d.kind(i) {
            TokenKind::Word | TokenKind::Number if t & T_AND != 0 => {
                // "Tavi Renn and Mira Doss said", "she and another aide said".
                i > lo
                    && s < e
                    && (d.is_cap(s) || d.has(s, T_SOURCE) || d.lex.w.and_next.contains(d.w(s)))
                    && (d.is_cap(i - 1) || d.has(i - 1, T_PRONOUN))
            }
            TokenKind::Word | TokenKind::Number => {
                t & (T_NP_STOP | T_AUX | T_REPORT | T_STANCE) == 0
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => {
                t & T_PERIOD != 0
                    && i > lo
                    && d.tok(i - 1).end == d.tok(i).start
                    && d.is_word(i - 1)
            }
        };
        if !ok {
            break;
        }
        s -= 1;
        if t & (T_PRONOUN | T_YOU) != 0 {
            // A personal pronoun is a whole speaker.
            break;
        }
    }
    if s == e || (e - s == 1 && d.has(s, T_NOT_SPEAKER)) || d.kind(s) == TokenKind::Punct {
        return None;
    }
    Some((s, e))
}

/// Index of the token closing an aside that ends at `e` (exclusive):
/// `, ... ,` / `— ... —` / `( ... )`. Returns where the aside opens.
pub(super) fn aside_open(d: &Doc, lo: usize, e: usize) -> Option<usize> {
    if e == lo {
        return None;
    }
    // A comma opens at a comma, a dash at a dash, `)` at `(`.
    let close = d.tags[e - 1];
    let open = if close & T_COMMA != 0 {
        T_COMMA
    } else if close & T_DASH != 0 {
        T_DASH
    } else if close & T_RPAREN != 0 {
        T_LPAREN
    } else {
        return None;
    };
    (lo..e - 1)
        .rev()
        .take(30)
        .find(|&j| d.tags[j] & (open | T_IN_QUOTE) == open)
}

/// The speaker phrase ending just before token `k`, skipping auxiliaries
/// and asides. Returns its token range and the first skipped-token index.
pub(super) fn np_before(d: &Doc, lo: usize, k: usize) -> Option<(usize, usize)> {
    let mut e = k;
    while e > lo && skippable(d, e - 1) {
        e -= 1;
    }
    if e > lo && e < k && d.w(e - 1) == fw::ON && d.has(e, T_TIME) {
        e -= 1;
    }
    if e > lo && d.has(e - 1, T_RPAREN) {
        if let Some(open) = aside_open(d, lo, e) {
            return np_ending(d, lo, open).map(|(s, _)| (s, e));
        }
        return None;
    }
    if e > lo && matches!(d.w(e - 1), b"," | b"\xe2\x80\x94" | b"\xe2\x80\x93") {
        let mut open = aside_open(d, lo, e)?;
        for _ in 0..3 {
            if open <= lo {
                return None;
            }
            let (s, _) = np_ending(d, lo, open)?;
            // "Tavi Renn, 58, who ..., says": step over an age or another aside.
            let weak =
                (s..open).all(|i| d.kind(i) == TokenKind::Number) || !d.can_be_source(s, open);
            if weak && s > lo && d.has(s - 1, T_COMMA) {
                open = aside_open(d, lo, s)?;
                continue;
            }
            return Some((s, open));
        }
        return None;
    }
    let (s, e2) = np_ending(d, lo, e)?;
    // "X, who said": keep the relative pronoun as the speaker.
    Some((s, e2))
}

/// The noun phrase starting at token `s`: up to a comma, clause word or end.
pub(super) fn np_after(d: &Doc, s: usize, hi: usize) -> Option<(usize, usize)> {
    let mut e = s;
    while e < hi && e - s < 9 {
        let w = d.w(e);
        let ok = match d.kind(e) {
            TokenKind::Word | TokenKind::Number => {
                (d.tags[e] & T_NP_STOP == 0 || w == fw::OF && e > s) && d.cue_at(e).is_none()
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => {
                (w == b"."
                    && e > s
                    && d.tok(e - 1).end == d.tok(e).start
                    && e + 1 < hi
                    && d.is_word(e + 1))
                    || w == b"-"
            }
        };
        if !ok {
            break;
        }
        e += 1;
    }
    while e > s && d.w(e - 1) == fw::OF {
        e -= 1;
    }
    (e > s && !d.has(s, T_NOT_SPEAKER) && d.kind(s) != TokenKind::Punct).then_some((s, e))
}

/// A source after an inverted cue: a lone pronoun, a name, or a phrase
/// holding a source noun ("a senior official"). Returns its token range.
pub(super) fn inverted_source(d: &Doc, s: usize, e: usize) -> Option<(usize, usize)> {
    if d.has(s, T_PRONOUN) {
        return Some((s, s + 1));
    }
    if d.is_cap(e - 1) && e - s <= 6 {
        return Some((s, e));
    }
    if d.lex.w.inverted_determiner.contains(d.w(s))
        && e - s <= 5
        && (e >= d.seg.tokens.len() || matches!(d.w(e), b"," | b"." | b"\xe2\x80\x94"))
    {
        return Some((s, e));
    }
    if d.is_cap(s) {
        // A name or a title and name, possibly "X of Y".
        let mut t = s + 1;
        while t < e && (d.is_cap(t) || d.kind(t) != TokenKind::Word || d.w(t) == fw::OF) {
            t += 1;
        }
        while t > s + 1 && d.w(t - 1) == fw::OF {
            t -= 1;
        }
        return Some((s, t));
    }
    // A lower-case phrase: determiners and modifiers up to a source noun.
    let head = (s..e).find(|&t| d.has(t, T_SOURCE))?;
    let mut t = head + 1;
    while t < e && (d.is_cap(t) || d.w(t) == fw::OF || d.kind(t) != TokenKind::Word) {
        t += 1;
    }
    Some((s, t))
}

/// A speaker cut at a preposition after a noun source ("The audit of
/// clerk Ines Varga by the board revealed"): where the noun source's
/// phrase starts, if one stands within ten tokens before `s`, the start of
/// the speaker found.
pub(super) fn noun_source_before(d: &Doc, lo: usize, s: usize) -> Option<usize> {
    if s <= lo + 1 || !d.has(s - 1, T_NP_STOP) || !d.is_word(s - 1) {
        return None;
    }
    let mut j = s - 1;
    let stop = lo.max(s.saturating_sub(10));
    while j > stop {
        j -= 1;
        let ok = match d.kind(j) {
            TokenKind::Word | TokenKind::Number => {
                !d.quoted(j) && d.tags[j] & (T_REPORT | T_STANCE | T_AUX | T_BE) == 0
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => false,
        };
        if !ok {
            return None;
        }
        if d.lex.w.noun_source.contains(d.w(j)) {
            // Its determiner and modifiers ("The new", "Tuesday's").
            let mut a = j;
            while a > lo
                && j - a < 3
                && matches!(d.kind(a - 1), TokenKind::Word | TokenKind::Possessive)
                && d.tags[a - 1] & (T_NP_STOP | T_REPORT | T_STANCE | T_AUX | T_BE) == 0
            {
                a -= 1;
            }
            return Some(a);
        }
    }
    None
}

/// Does the speaker `span` name a noun source ("the audit of ...", "a new
/// poll"): a `noun-source` word among its first four words, at its end or
/// before a preposition?
pub(super) fn is_noun_source(d: &Doc, span: Span) -> bool {
    let a = d.seg.token_at_or_after(span.start);
    let b = d.seg.token_at_or_after(span.end);
    (a..b.min(a + 4)).any(|j| {
        d.lex.w.noun_source.contains(d.w(j))
            && (j + 1 == b || d.has(j + 1, T_NP_STOP) && d.is_word(j + 1))
    })
}
