//! For `explain`: the cue words of a document that made no attribution,
//! each with the rule that came closest and why it declined, so a user
//! can file a good bug. It reruns the dispatch of [`attribute`] on each
//! such word (the rules themselves are not changed, and are not told they
//! are being watched): a rule that built an attribution which a filter
//! then dropped is named with the filter; a word no rule built anything
//! on is named with the rules tried.

use super::*;

/// A cue word that made no attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declined {
    /// The word.
    pub cue: Span,
    /// Its sentence.
    pub sentence: usize,
    /// The rule that built an attribution on it before a filter dropped
    /// it (`None`: no rule built one).
    pub rule: Option<Rule>,
    /// Why no attribution came of it.
    pub reason: &'static str,
}

/// The rules that a reporting or stance verb is tried with.
const VERB_RULES: &str = "no verb rule (quote-cue, content-cue, cue-quote, cue-content, cue-block, coord-cue, passive-cue, subject-cue, impersonal) found a speaker beside it and a content in a shape it knows, nor did noun-cue";

/// Why the attribution `a`, built on the word `k` of the sentence
/// starting at token `s0`, was not kept, given the document's
/// attributions `found` (those of the sentence: `here`).
fn dropped_by(
    d: &Doc,
    a: &Attribution,
    k: usize,
    s0: usize,
    (found, here, reach): (&[Attribution], &[Attribution], &[(usize, usize)]),
) -> &'static str {
    if continues_cue(d, a, k, here) {
        "it only continues the cue just before it (\"is expected to say\")"
    } else if blocked(d, a, k) {
        "data/blocked.txt lists this form for the rule (measured mostly wrong)"
    } else if biography(d, a, k) {
        "a form of \"write\" before \"for\" is a biography, not a statement"
    } else if reported_inside(d, a, k, s0) {
        "it follows a reporting verb and its subject: part of what that verb reports"
    } else if inside_content(d, a, found, reach) {
        "it is inside the content of an earlier attribution (speech within speech)"
    } else if reported_by_later(a, here).is_some() || reported_by_later_any(a, found) {
        "a later cue's content holds it: the clause is the later speaker's words"
    } else {
        "another attribution of the sentence took its words"
    }
}

/// Does any attribution's content hold `a`'s cue (the later inverted cue
/// of [`reported_by_later`], in any sentence)?
fn reported_by_later_any(a: &Attribution, found: &[Attribution]) -> bool {
    let Some(c) = a.cue.first() else {
        return false;
    };
    found.iter().any(|f| {
        f.content
            .iter()
            .any(|x| x.start <= c.start && c.end <= x.end)
    })
}

/// The cue words of a document (reporting and stance verbs of the cue
/// lists) that no attribution of `found` (what [`attribute`] gave for the
/// same input) has in its cue, each with why.
pub fn declined(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    lex: &Lexicon,
    found: &[Attribution],
) -> Vec<Declined> {
    let mut own = String::new();
    let d = Doc::of_document(text, seg, mentions, lex, &mut own);
    let reach: Vec<(usize, usize)> = found.iter().map(|a| content_reach(&a.content)).collect();
    let in_a_cue = |span: Span| {
        found.iter().any(|a| {
            a.cue
                .iter()
                .any(|c| c.start <= span.start && span.end <= c.end)
        })
    };
    let mut out = Vec::new();
    for si in 0..seg.sentences.len() {
        let (s0, s1) = sentence_range(seg, si);
        let first = found.partition_point(|a| a.sentence < si);
        let here_end = first
            + found[first..]
                .iter()
                .take_while(|a| a.sentence == si)
                .count();
        let here = &found[first..here_end];
        for k in s0..s1 {
            if !d.is_word(k) {
                continue;
            }
            let Some(class) = d.cue_at(k) else {
                continue;
            };
            let cue = d.tok(k);
            if in_a_cue(cue) {
                continue;
            }
            let (rule, reason) = if d.quoted(k) {
                (
                    None,
                    "it is inside a quotation: cues are looked for outside quotations",
                )
            } else {
                match verb_cue(&d, si, k, class, here).or_else(|| noun_cue(&d, si, k)) {
                    Some(a) => (
                        Some(a.rule),
                        dropped_by(&d, &a, k, s0, (found, here, &reach)),
                    ),
                    None if reported_by_later_any(&Attribution::found(None, cue, vec![], Rule::CueContent, si), found) => {
                        (None, "no rule built one of its own: it is part of what another attribution reports")
                    }
                    None => (None, VERB_RULES),
                }
            };
            out.push(Declined {
                cue,
                sentence: si,
                rule,
                reason,
            });
        }
    }
    out
}
