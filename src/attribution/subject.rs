//! The subject of a sentence, for a cue coordinated with an earlier verb.

use super::*;

/// How far into its sentence [`subject_of`] looks for a subject, in tokens.
pub(super) const SUBJECT_REACH: usize = 60;

/// The subject of sentence `si` before token `k`, for a cue coordinated
/// with an earlier verb. Reuses the speaker of an earlier attribution.
pub(super) fn subject_of(d: &Doc, si: usize, k: usize, earlier: &[Attribution]) -> Option<Span> {
    if let Some(sp) = earlier
        .iter()
        .rev()
        .filter(|a| a.sentence == si)
        .find_map(|a| a.speaker.as_ref())
    {
        if sp.span.end <= d.tok(k).start {
            return Some(sp.span);
        }
    }
    let (s0, _) = sentence_range(d.seg, si);
    // A subject stands near its sentence's start: looking no further than
    // SUBJECT_REACH tokens keeps a giant sentence of cues linear.
    let k = k.min(s0 + SUBJECT_REACH);
    let mut s = s0;
    while s < k && d.kind(s) == TokenKind::Punct {
        s += 1;
    }
    // A dateline: "WASHINGTON (AP) \u{2014} ...".
    if let Some(dash) =
        (s..k.min(s + 8)).find(|&j| matches!(d.w(j), b"\xe2\x80\x94" | b"\xe2\x80\x93" | b"--"))
    {
        if (s..dash).all(|j| {
            d.kind(j) != TokenKind::Word
                || d.tok(j).slice(d.text).chars().all(|c| !c.is_lowercase())
        }) {
            s = dash + 1;
        }
    }
    if s < k && (d.has(s, T_INTRO) || d.cue_at(s).is_some()) {
        let comma = (s..k).find(|&j| d.has(j, T_COMMA) && !d.quoted(j))?;
        s = comma + 1;
    }
    // The first noun phrase followed by a lower-case word that can be a verb.
    let verb_after = |e: usize| {
        e < k && d.is_word(e) && !d.is_cap(e) && !d.has(e, T_NP_STOP)
            || e < k && e == s + 1 && d.has(s, T_PRONOUN)
    };
    let mut i = s;
    while i < k {
        if d.quoted(i) || !d.is_word(i) {
            i += 1;
            continue;
        }
        if d.has(i, T_PRONOUN) {
            return d.span(i, i + 1);
        }
        if let Some((a, b)) = np_after(d, i, k) {
            let mut b2 = b;
            if d.is_cap(a) {
                // A name ends where its capitalised words end ("Ines Varga left").
                let mut e = a + 1;
                while e < b && (d.is_cap(e) || d.kind(e) != TokenKind::Word) {
                    e += 1;
                }
                b2 = e;
            } else {
                b2 = b2.min(a + 4);
            }
            if d.can_be_source(a, b2) && (verb_after(b2) || i == s && verb_after(b)) {
                return d.span(a, if verb_after(b2) { b2 } else { b });
            }
            i = b.max(i + 1);
        } else {
            i += 1;
        }
    }
    // Otherwise the phrase right after the introduction.
    let (a, b) = np_after(d, s, k)?;
    let mut e = a + 1;
    if d.is_cap(a) {
        while e < b && (d.is_cap(e) || d.kind(e) != TokenKind::Word) {
            e += 1;
        }
    } else {
        e = b.min(a + 4);
    }
    d.can_be_source(a, e).then(|| d.span(a, e)).flatten()
}
