//! Stage 5: who said what about whom.
//!
//! [`attribute`] looks in each sentence for a reporting cue, a verb from
//! `data/cues.txt` in any of its forms or the phrase `according to`, and
//! reads the structure around it:
//!
//! | rule | shape | speaker | content |
//! |---|---|---|---|
//! | `according-to` | `..., according to X.` / `According to X, ...` | X | the rest of the sentence |
//! | `quote-cue` | `"...," X said.` / `"...," said X.` | X | the quotation |
//! | `cue-quote` | `X said: "..."` / `X said, "..."` | X | the quotation |
//! | `content-cue` | `..., X said.` / `..., said X.` | X | the clause before |
//! | `cue-content` | `X said (that) ...` / `X told IPS (that) ...` | X | the clause after |
//!
//! A speaker is the noun phrase next to the cue (an appositive in commas
//! between them is skipped: "Wilkerson, then chief of staff, says ...").
//! Its actor is the resolved actor of the mention inside it (names and
//! pronouns alike). `about` lists the other actors mentioned in the content.

use crate::mentions::{ActorKind, Mention};
use crate::resolve::Resolution;
use crate::segment::{Quote, Segmentation, Token, TokenKind};
use crate::span::Span;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The speaker of an attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The words naming the source ("Flynt Leverett", "he", "officials").
    pub span: Span,
    /// The actor it resolves to (index into the document's actors).
    pub actor: Option<usize>,
}

/// A reported statement, thought or claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Who said it; `None` where the text names nobody.
    pub speaker: Option<Speaker>,
    /// The reporting words.
    pub cue: Vec<Span>,
    /// What was said.
    pub content: Vec<Span>,
    /// Actors mentioned in the content (indices into the actors).
    pub about: Vec<usize>,
    /// The rule that fired.
    pub rule: &'static str,
    /// The sentence of the cue.
    pub sentence: usize,
}

/// Every form of every reporting verb, lower case.
pub fn cue_forms() -> &'static HashSet<String> {
    static CUES: OnceLock<HashSet<String>> = OnceLock::new();
    CUES.get_or_init(|| {
        include_str!("data/cues.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or(""))
            .flat_map(|l| l.split_whitespace().map(str::to_owned))
            .collect()
    })
}

/// Words that end a speaker noun phrase on its left.
const NP_STOP: &[&str] = &[
    "that", "which", "and", "but", "because", "when", "if", "as", "while", "where", "after",
    "before", "since", "so", "or", "than", "though", "although", "whether", "what", "to", "for",
    "in", "on", "at", "with", "by", "from", "about", "is", "was", "were", "are", "be", "been",
    "has", "have", "had", "not", "also", "it", "there", "this", "nor", "of",
];

/// Words between a speaker and the cue that are skipped ("X has also said").
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "once",
    "reportedly",
    "recently",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "still",
    "again",
    "now",
    "would",
    "will",
    "could",
    "might",
    "may",
    "often",
    "always",
    "never",
    "simply",
    "flatly",
    "quickly",
    "further",
    "even",
    "did",
    "does",
    "do",
    "first",
    "earlier",
    "already",
    "just",
];

/// Words that cannot be a speaker by themselves.
const NOT_SPEAKER: &[&str] = &[
    "it", "this", "that", "which", "there", "what", "who", "as", "to",
];

/// Find the attributions of a document.
pub fn attribute(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    res: &Resolution,
) -> Vec<Attribution> {
    let cues = cue_forms();
    let mut out = Vec::new();
    for (si, sent) in seg.sentences.iter().enumerate() {
        let base = sent.tokens.start;
        let toks = &seg.tokens[sent.tokens.clone()];
        let lower: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        let mut used_until = 0;
        for k in 0..toks.len() {
            if k < used_until {
                continue;
            }
            let found = if lower[k] == "according" && lower.get(k + 1).is_some_and(|w| w == "to") {
                according_to(text, seg, si, toks, &lower, k)
            } else if toks[k].kind == TokenKind::Word
                && cues.contains(&lower[k])
                && !inside_quote(seg, toks[k].span)
            {
                verb_cue(text, seg, si, toks, &lower, k)
            } else {
                None
            };
            if let Some(mut a) = found {
                a.sentence = si;
                let _ = base;
                finish(&mut a, mentions, res);
                used_until = k + 1;
                out.push(a);
            }
        }
    }
    out
}

fn inside_quote(seg: &Segmentation, s: Span) -> bool {
    seg.quotes.iter().any(|q| q.inner.contains(&s))
}

/// Speaker actor from the mentions inside its span; about from content.
fn finish(a: &mut Attribution, mentions: &[Mention], res: &Resolution) {
    if let Some(sp) = &mut a.speaker {
        sp.actor = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| sp.span.contains(&m.span))
            .filter_map(|(i, _)| res.of_mention.get(i).copied().flatten())
            .next_back();
    }
    let speaker = a.speaker.as_ref().and_then(|s| s.actor);
    let mut about = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if a.content.iter().any(|c| c.contains(&m.span)) {
            if let Some(x) = res.of_mention.get(i).copied().flatten() {
                if Some(x) != speaker
                    && !about.contains(&x)
                    && (m.kind == ActorKind::Person || m.kind == ActorKind::Organization)
                {
                    about.push(x);
                }
            }
        }
    }
    a.about = about;
}

fn is_punct(t: &Token, text: &str, p: &[&str]) -> bool {
    t.kind == TokenKind::Punct && p.contains(&t.text(text))
}

fn sentence_end_excl_punct(text: &str, toks: &[Token]) -> usize {
    let mut e = toks.len();
    while e > 0
        && toks[e - 1].kind == TokenKind::Punct
        && !matches!(toks[e - 1].text(text), "\"" | "\u{201d}" | ")")
    {
        e -= 1;
    }
    e
}

fn span_of(toks: &[Token], a: usize, b: usize) -> Option<Span> {
    (a < b).then(|| Span::new(toks[a].span.start, toks[b - 1].span.end))
}

/// The noun phrase ending just before token `k` (exclusive), skipping
/// auxiliaries and an appositive in commas. Returns its token range.
fn np_before(toks: &[Token], lower: &[String], k: usize) -> Option<(usize, usize)> {
    let mut e = k;
    while e > 0 && AUX.contains(&lower[e - 1].as_str()) {
        e -= 1;
    }
    // Appositive: "X, then chief of staff to Y, says".
    if e > 0 && lower[e - 1] == "," {
        let comma = e - 1;
        let open = (0..comma).rev().find(|&j| lower[j] == ",");
        if let Some(open) = open {
            if open > 0 && comma - open <= 14 {
                if let Some(np) = np_ending(toks, lower, open) {
                    return Some(np);
                }
            }
        }
        return None;
    }
    np_ending(toks, lower, e)
}

/// The noun phrase ending at token `e` (exclusive).
fn np_ending(toks: &[Token], lower: &[String], e: usize) -> Option<(usize, usize)> {
    let mut s = e;
    while s > 0 && e - s < 7 {
        let t = &toks[s - 1];
        let w = lower[s - 1].as_str();
        let ok = match t.kind {
            TokenKind::Word | TokenKind::Number => {
                !NP_STOP.contains(&w) && !cue_forms().contains(w)
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => {
                w == "."
                    && s >= 2
                    && toks[s - 2].span.end == t.span.start
                    && toks[s - 2].kind == TokenKind::Word
            }
        };
        if !ok {
            break;
        }
        s -= 1;
    }
    if s == e || (e - s == 1 && NOT_SPEAKER.contains(&lower[s].as_str())) {
        return None;
    }
    Some((s, e))
}

/// The noun phrase starting at token `s`: up to a comma, clause word or end.
fn np_after(toks: &[Token], lower: &[String], s: usize) -> Option<(usize, usize)> {
    let mut e = s;
    while e < toks.len() && e - s < 8 {
        let t = &toks[e];
        let w = lower[e].as_str();
        let ok = match t.kind {
            TokenKind::Word | TokenKind::Number => {
                !(NP_STOP.contains(&w) && w != "of") || e == s && w == "the"
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => {
                w == "."
                    && e > s
                    && toks[e - 1].span.end == t.span.start
                    && e + 1 < toks.len()
                    && toks[e + 1].kind == TokenKind::Word
            }
        };
        if !ok {
            break;
        }
        e += 1;
    }
    (e > s && !NOT_SPEAKER.contains(&lower[s].as_str())).then_some((s, e))
}

/// Nouns that name a source without a capital ("officials said").
const SOURCE_NOUNS: &[&str] = &[
    "officials",
    "official",
    "source",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aides",
    "aide",
    "analysts",
    "experts",
    "critics",
    "police",
    "authorities",
    "witnesses",
    "diplomats",
    "observers",
    "advisers",
    "people",
    "report",
    "statement",
    "campaign",
    "he",
    "she",
    "they",
    "i",
    "we",
];

/// A phrase after a cue can be its source: it holds a name, a pronoun or a
/// source noun.
fn can_be_source(text: &str, toks: &[Token], lower: &[String]) -> bool {
    toks.len() <= 6
        && toks.iter().zip(lower).any(|(t, w)| {
            t.kind == TokenKind::Word
                && (t.text(text).starts_with(char::is_uppercase)
                    || SOURCE_NOUNS.contains(&w.as_str()))
        })
}

/// A quotation ending just before token `k` (only commas or marks between).
fn quote_before<'a>(
    text: &str,
    seg: &'a Segmentation,
    toks: &[Token],
    k: usize,
) -> Option<&'a Quote> {
    let at = toks[k].span.start;
    seg.quotes.iter().rev().find(|q| {
        q.span.end <= at
            && text[q.span.end..at]
                .chars()
                .all(|c| c.is_whitespace() || c == ',' || c == '\u{2014}' || c == '-')
            || (q.span.end <= at && q.span.end + 1 >= at)
    })
}

fn according_to(
    text: &str,
    seg: &Segmentation,
    si: usize,
    toks: &[Token],
    lower: &[String],
    k: usize,
) -> Option<Attribution> {
    let sent = &seg.sentences[si];
    let cue = Span::new(toks[k].span.start, toks[k + 1].span.end);
    let (s, e) = np_after(toks, lower, k + 2)?;
    let speaker = Speaker {
        span: span_of(toks, s, e)?,
        actor: None,
    };
    // Content: before the phrase (",  according to X.") or after it ("According to X, ...").
    let content = if k > 0 {
        let mut ce = k;
        while ce > 0 && toks[ce - 1].kind == TokenKind::Punct {
            ce -= 1;
        }
        let q = quote_before(text, seg, toks, k);
        match q {
            Some(q)
                if q.span.start >= sent.span.start.saturating_sub(0)
                    || q.span.end > sent.span.start =>
            {
                q.inner
            }
            _ => span_of(toks, first_content_token(text, toks), ce)?,
        }
    } else {
        let mut cs = e;
        while cs < toks.len() && toks[cs].kind == TokenKind::Punct {
            cs += 1;
        }
        span_of(toks, cs, sentence_end_excl_punct(text, toks))?
    };
    Some(Attribution {
        speaker: Some(speaker),
        cue: vec![cue],
        content: vec![content],
        about: vec![],
        rule: "according-to",
        sentence: si,
    })
}

fn first_content_token(text: &str, toks: &[Token]) -> usize {
    let mut s = 0;
    while s < toks.len()
        && toks[s].kind == TokenKind::Punct
        && !matches!(toks[s].text(text), "\"" | "\u{201c}")
    {
        s += 1;
    }
    s
}

fn verb_cue(
    text: &str,
    seg: &Segmentation,
    si: usize,
    toks: &[Token],
    lower: &[String],
    k: usize,
) -> Option<Attribution> {
    let cue = toks[k].span;
    let n_end = sentence_end_excl_punct(text, toks);
    let before_is_comma = k > 0 && (is_punct(&toks[k - 1], text, &[",", "\u{201d}", "\""]));
    // Speaker after the cue: '"...," said X.' / '..., said X.'
    if before_is_comma {
        if let Some((s, e)) = np_after(toks, lower, k + 1)
            .filter(|&(s, e)| can_be_source(text, &toks[s..e], &lower[s..e]))
        {
            if e >= n_end
                || lower
                    .get(e)
                    .is_some_and(|w| w == "," || w == "in" || w == "on" || w == "to")
            {
                let content = content_before(text, seg, toks, k - 1)?;
                let rule = if quote_before(text, seg, toks, k).is_some() {
                    "quote-cue"
                } else {
                    "content-cue"
                };
                return Some(Attribution {
                    speaker: Some(Speaker {
                        span: span_of(toks, s, e)?,
                        actor: None,
                    }),
                    cue: vec![cue],
                    content: vec![content],
                    about: vec![],
                    rule,
                    sentence: si,
                });
            }
        }
    }
    // Speaker before the cue.
    let (s, e) = np_before(toks, lower, k)?;
    let speaker = Speaker {
        span: span_of(toks, s, e)?,
        actor: None,
    };
    // '"...," X said.' / '..., X said.'
    if s > 0 && is_punct(&toks[s - 1], text, &[",", "\u{201d}", "\""]) && k + 1 >= n_end {
        let content = content_before(text, seg, toks, s - 1)?;
        let rule = if quote_before(text, seg, toks, s).is_some() {
            "quote-cue"
        } else {
            "content-cue"
        };
        return Some(Attribution {
            speaker: Some(speaker),
            cue: vec![cue],
            content: vec![content],
            about: vec![],
            rule,
            sentence: si,
        });
    }
    // 'X said: "..."' / 'X said (that) ...' / 'X told IPS (that) ...'
    let mut c = k + 1;
    if lower[k] == "told" || lower[k] == "tells" || lower[k] == "tell" {
        // Skip the hearer: up to "that", a comma, a colon or a quote (5 words at most).
        let stop = (c..toks.len().min(c + 6))
            .find(|&j| matches!(lower[j].as_str(), "that" | "," | ":" | "\u{201c}" | "\""));
        if let Some(j) = stop {
            c = j;
        } else {
            c = (c + 1).min(toks.len());
        }
    }
    while c < toks.len() && matches!(lower[c].as_str(), "," | ":" | "\u{2014}" | "-") {
        c += 1;
    }
    // A quotation right after: its inner words are the content.
    if let Some(q) = seg
        .quotes
        .iter()
        .find(|q| c < toks.len() && q.span.start == toks[c].span.start)
    {
        return Some(Attribution {
            speaker: Some(speaker),
            cue: vec![cue],
            content: vec![q.inner],
            about: vec![],
            rule: "cue-quote",
            sentence: si,
        });
    }
    // A colon at the end of a paragraph introduces the next paragraph.
    if c >= n_end && toks.last().is_some_and(|t| t.text(text) == ":") {
        let para = seg.sentences[si].paragraph;
        if let Some(next) = seg.paragraphs.get(para + 1) {
            let inner = next.trim(text, &['"', '\u{201c}', '\u{201d}']);
            return Some(Attribution {
                speaker: Some(speaker),
                cue: vec![cue],
                content: vec![inner],
                about: vec![],
                rule: "cue-block",
                sentence: si,
            });
        }
    }
    let content = span_of(toks, c, n_end)?;
    if n_end - c < 2 {
        return None;
    }
    Some(Attribution {
        speaker: Some(speaker),
        cue: vec![cue],
        content: vec![content],
        about: vec![],
        rule: "cue-content",
        sentence: si,
    })
}

/// Content ending at token `end` (exclusive): the quotation closing there,
/// or the clause from the sentence start.
fn content_before(text: &str, seg: &Segmentation, toks: &[Token], end: usize) -> Option<Span> {
    if let Some(q) = quote_before(text, seg, toks, end.min(toks.len() - 1).max(0)) {
        if q.span.end <= toks[end].span.end {
            return Some(q.inner);
        }
    }
    let mut e = end;
    while e > 0 && toks[e - 1].kind == TokenKind::Punct {
        e -= 1;
    }
    if let Some(q) = seg
        .quotes
        .iter()
        .find(|q| q.span.contains(&toks[end].span) || q.span.end == toks[end].span.end)
    {
        return Some(q.inner);
    }
    span_of(toks, first_content_token(text, toks), e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::detect;
    use crate::resolve::{resolve, AliasTable};
    use crate::segment::segment;

    struct Found {
        speaker: Option<String>,
        actor: Option<String>,
        cue: String,
        content: String,
        about: Vec<String>,
        rule: &'static str,
    }

    fn run(t: &str) -> Vec<Found> {
        let seg = segment(t);
        let ms = detect(t, &seg);
        let r = resolve(t, &seg, &ms, &AliasTable::default());
        attribute(t, &seg, &ms, &r)
            .into_iter()
            .map(|a| Found {
                speaker: a.speaker.as_ref().map(|s| s.span.slice(t).to_owned()),
                actor: a
                    .speaker
                    .as_ref()
                    .and_then(|s| s.actor)
                    .map(|x| r.actors[x].id.clone()),
                cue: a
                    .cue
                    .iter()
                    .map(|c| c.slice(t))
                    .collect::<Vec<_>>()
                    .join(" "),
                content: a
                    .content
                    .iter()
                    .map(|c| c.slice(t))
                    .collect::<Vec<_>>()
                    .join(" "),
                about: a.about.iter().map(|&x| r.actors[x].id.clone()).collect(),
                rule: a.rule,
            })
            .collect()
    }

    /// (text, speaker, cue, content, rule)
    #[test]
    fn structure_table() {
        let cases = [
            (
                "Talks failed, according to Mira Doss.",
                "Mira Doss",
                "according to",
                "Talks failed",
                "according-to",
            ),
            (
                "According to aides, the plan died early.",
                "aides",
                "According to",
                "the plan died early",
                "according-to",
            ),
            (
                "\u{201c}We were blocked,\u{201d} Tavi Renn wrote.",
                "Tavi Renn",
                "wrote",
                "We were blocked,",
                "quote-cue",
            ),
            (
                "\"No comment,\" said Odile Marsh.",
                "Odile Marsh",
                "said",
                "No comment,",
                "quote-cue",
            ),
            (
                "Officials said the deal was close.",
                "Officials",
                "said",
                "the deal was close",
                "cue-content",
            ),
            (
                "Tavi Renn told reporters that Doss had left.",
                "Tavi Renn",
                "told",
                "that Doss had left",
                "cue-content",
            ),
            (
                "The offer was real, Odile Marsh says.",
                "Odile Marsh",
                "says",
                "The offer was real",
                "content-cue",
            ),
            (
                "Mira Doss, then head of the agency, says the cabal won.",
                "Mira Doss",
                "says",
                "the cabal won",
                "cue-content",
            ),
        ];
        for (t, sp, cue, content, rule) in cases {
            let f = run(t);
            assert_eq!(f.len(), 1, "one attribution in {t:?}");
            assert_eq!(f[0].speaker.as_deref(), Some(sp), "speaker in {t:?}");
            assert_eq!(f[0].cue, cue, "cue in {t:?}");
            assert_eq!(f[0].content, content, "content in {t:?}");
            assert_eq!(f[0].rule, rule, "rule in {t:?}");
        }
    }

    #[test]
    fn pronoun_speaker_and_about() {
        let t = "Tavi Renn met Ms. Mira Doss. In return, Renn recalls, Doss wanted talks. Later he said Odile Marsh agreed.";
        let f = run(t);
        let last = f.last().unwrap();
        assert_eq!(last.actor.as_deref(), Some("Tavi Renn"));
        assert_eq!(last.about, ["Odile Marsh"]);
    }

    #[test]
    fn colon_block() {
        let t = "Mira Doss wrote:\n\n\"The door is open.\"\n";
        let f = run(t);
        assert_eq!(f[0].content, "The door is open.");
        assert_eq!(f[0].rule, "cue-block");
    }
}
