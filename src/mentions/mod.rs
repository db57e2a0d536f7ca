//! Stage 3: mentions of people and organizations.
//!
//! [`detect`] walks each sentence's tokens and finds:
//!
//! * **names**: runs of capitalised words, initials and name particles
//!   (`van der`, `al-`, `bin`, `de`), with titles and roles (`Vice
//!   President`, `Ayatollah`, `Ms.`) read as cues, not as part of the name;
//!   possessives (`Cheney's office`) count as mentions of the name;
//! * **pronouns**: `he`, `she` and their forms, left for [`crate::resolve`]
//!   to tie to a person.
//!
//! Places, months, days, nationalities and capitalised common words are not
//! actors. A run is a person when a title, a known given name or a person
//! cue after it (`X said`, `X, who`) says so; an organization when an
//! organization word ends it (`Ministry`, `Inc.`, `Times`) or it is a known
//! organization. Unknown single words survive only with such a cue; the
//! resolver may still tie a bare surname to a full name.

mod lexicon;

pub use lexicon::{Gender, Lexicon};

use crate::segment::{Segmentation, Token, TokenKind};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What kind of actor a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organization.
    Organization,
}

impl ActorKind {
    /// The kind's name as written in outputs.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
        }
    }
}

/// How a mention refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// It names the actor (`Leverett`, `Mr. Zarif`).
    Name,
    /// A pronoun (`he`).
    Pronoun,
    /// A description (`the minister`).
    Nominal,
}

/// A mention found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name itself, without title or possessive ending.
    pub span: Span,
    /// Person or organization.
    pub kind: ActorKind,
    /// How it refers.
    pub via: Via,
    /// Index of its sentence.
    pub sentence: usize,
    /// The title or role before the name, if any.
    pub title: Option<Span>,
    /// Gender, from the title, given name or pronoun.
    pub gender: Gender,
    /// Followed by a possessive ending.
    pub possessive: bool,
    /// The words of the name (for a pronoun, the pronoun), in order.
    pub words: Vec<String>,
    /// A single unknown capitalised word with no cue: kept only if the
    /// resolver can tie it to a fuller name.
    pub weak: bool,
}

impl Mention {
    /// The mention's text in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Name particles that may stand, lower case, inside a name.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "bin", "ibn", "al", "el", "abu", "ben", "y", "st",
];

/// Words after a name that only people do.
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "wrote",
    "writes",
    "recalls",
    "recalled",
    "added",
    "adds",
    "believes",
    "believed",
    "explained",
    "argued",
    "asked",
    "replied",
    "insisted",
    "noted",
    "claimed",
    "admitted",
    "denied",
    "thinks",
    "thought",
    "felt",
    "smiled",
    "laughed",
    "died",
    "married",
    "was born",
    "himself",
    "herself",
];

/// Pronouns that can refer to a person, with gender.
const PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("him", Gender::Male),
    ("his", Gender::Male),
    ("himself", Gender::Male),
    ("she", Gender::Female),
    ("her", Gender::Female),
    ("hers", Gender::Female),
    ("herself", Gender::Female),
];

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
}

/// Find the mentions of a document body.
pub fn detect(text: &str, seg: &Segmentation) -> Vec<Mention> {
    let lex = Lexicon::builtin();
    let mut out = Vec::new();
    for (si, sent) in seg.sentences.iter().enumerate() {
        let toks = &seg.tokens[sent.tokens.clone()];
        detect_sentence(text, toks, si, lex, &mut out);
    }
    out
}

fn word<'t>(text: &'t str, t: &Token) -> Option<&'t str> {
    (t.kind == TokenKind::Word).then(|| t.text(text))
}

/// Length in tokens of the longest title starting at `i` (periods after
/// abbreviations included), and its normalized phrase.
fn title_at(text: &str, toks: &[Token], i: usize, lex: &Lexicon) -> Option<(usize, String)> {
    let mut best = None;
    let mut phrase = String::new();
    let mut words = 0;
    let mut j = i;
    while j < toks.len() && words < lex.title_max_words {
        let Some(w) = word(text, &toks[j]) else { break };
        if words == 0 && !is_cap(w) {
            break;
        }
        if words > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&w.to_lowercase().replace('.', ""));
        words += 1;
        j += 1;
        // An abbreviation's period belongs to the title ("Gen.", "Lt. Col.").
        let mut k = j;
        if k < toks.len() && toks[k].text(text) == "." && toks[k].span.start == toks[k - 1].span.end
        {
            k += 1;
        }
        if lex.is_title(&phrase) {
            best = Some((k - i, phrase.clone()));
        }
        j = k;
    }
    best
}

fn detect_sentence(text: &str, toks: &[Token], si: usize, lex: &Lexicon, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if let Some(w) = word(text, t) {
            let lower = w.to_lowercase();
            if let Some(&(_, g)) = PRONOUNS.iter().find(|(p, _)| *p == lower) {
                out.push(Mention {
                    span: t.span,
                    kind: ActorKind::Person,
                    via: Via::Pronoun,
                    sentence: si,
                    title: None,
                    gender: g,
                    possessive: false,
                    words: vec![lower],
                    weak: false,
                });
                i += 1;
                continue;
            }
        }
        let Some(w) = word(text, t) else {
            i += 1;
            continue;
        };
        if !is_cap(w) {
            i += 1;
            continue;
        }
        // A title or role cue.
        let mut title = None;
        let mut start = i;
        if let Some((len, phrase)) = title_at(text, toks, i, lex) {
            let next = toks.get(i + len).and_then(|t| word(text, t));
            if next.is_some_and(|n| is_cap(n) && !lex.common.contains(&n.to_lowercase())) {
                title = Some((Span::new(t.span.start, toks[i + len - 1].span.end), phrase));
                start = i + len;
            }
        }
        // The run of name words.
        let mut end = start;
        while end < toks.len() {
            let tk = &toks[end];
            match word(text, tk) {
                Some(w) if is_cap(w) => {
                    end += 1;
                    // An initial's period: "W." in "George W. Bush".
                    if w.chars().count() == 1
                        && toks
                            .get(end)
                            .is_some_and(|p| p.text(text) == "." && p.span.start == tk.span.end)
                        && toks
                            .get(end + 1)
                            .and_then(|n| word(text, n))
                            .is_some_and(is_cap)
                    {
                        end += 1;
                    }
                }
                Some(w) if end > start && PARTICLES.contains(&w.to_lowercase().as_str()) => {
                    // Particles, possibly chained ("van der"), then a capital.
                    let mut j = end;
                    while toks
                        .get(j)
                        .and_then(|t| word(text, t))
                        .is_some_and(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
                    {
                        j += 1;
                    }
                    if j - end <= 2 && toks.get(j).and_then(|n| word(text, n)).is_some_and(is_cap) {
                        end = j;
                    } else {
                        break;
                    }
                }
                Some("of")
                    if end > start
                        && is_org_head(text, &toks[start..end], lex)
                        && toks
                            .get(end + 1)
                            .and_then(|n| word(text, n))
                            .is_some_and(is_cap) =>
                {
                    end += 1
                }
                _ => break,
            }
        }
        if end == start {
            i = start.max(i + 1);
            continue;
        }
        // Leading common words are not part of a name ("The", "But").
        let mut s = start;
        while s < end && title.is_none() {
            let w = toks[s].text(text);
            if lex.common.contains(&w.to_lowercase())
                && !(lex.first_names.contains_key(w) && s + 1 < end)
            {
                s += 1;
            } else {
                break;
            }
        }
        // Trailing periods of initials never end a name.
        let mut e = end;
        while e > s && toks[e - 1].kind == TokenKind::Punct {
            e -= 1;
        }
        if s < e {
            let possessive = toks
                .get(end)
                .is_some_and(|p| p.kind == TokenKind::Possessive);
            let sentence_initial = s == 0 || (s == 1 && toks[0].kind == TokenKind::Punct);
            if let Some(m) = classify(text, toks, s, e, end, title.as_ref(), sentence_initial, lex)
            {
                out.push(Mention {
                    sentence: si,
                    possessive,
                    ..m
                });
            }
        }
        i = end.max(i + 1);
    }
}

/// True when the run so far heads an organization that takes "of"
/// ("Ministry of ...", "University of ...").
fn is_org_head(text: &str, run: &[Token], lex: &Lexicon) -> bool {
    run.last()
        .is_some_and(|t| lex.org_words.contains(&t.text(text).to_lowercase()))
}

#[allow(clippy::too_many_arguments)]
fn classify(
    text: &str,
    toks: &[Token],
    s: usize,
    e: usize,
    after: usize,
    title: Option<&(Span, String)>,
    sentence_initial: bool,
    lex: &Lexicon,
) -> Option<Mention> {
    let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
    let name = span.slice(text);
    let words: Vec<String> = toks[s..e]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text).to_owned())
        .collect();
    let n = words.len();
    let last_lower = words.last()?.to_lowercase();
    let first = words[0].as_str();
    let base = Mention {
        span,
        kind: ActorKind::Person,
        via: Via::Name,
        sentence: 0,
        title: title.map(|t| t.0),
        gender: Gender::Unknown,
        possessive: false,
        words: words.clone(),
        weak: false,
    };
    let org = |m: Mention| {
        Some(Mention {
            kind: ActorKind::Organization,
            gender: Gender::Unknown,
            ..m
        })
    };
    if lex.orgs.contains(name) {
        return org(base);
    }
    if title.is_none()
        && (lex.org_words.contains(&last_lower)
            || (n >= 3
                && words.iter().any(|w| w == "of")
                && lex.org_words.contains(&words[0].to_lowercase())))
    {
        if n >= 2 || !lex.common.contains(&last_lower) {
            return org(base);
        }
        return None;
    }
    if lex.places.contains(name) && title.is_none() {
        return None;
    }
    let given = lex.first_names.get(first).copied();
    let gender = title
        .map(|t| lex.title_gender(&t.1))
        .filter(|g| *g != Gender::Unknown)
        .or(given)
        .unwrap_or(Gender::Unknown);
    let person = |m: Mention| Some(Mention { gender, ..m });
    if title.is_some() {
        return person(base);
    }
    if words.iter().all(|w| is_all_caps(w)) && given.is_none() {
        return None;
    }
    let next_words: Vec<String> = toks[after..]
        .iter()
        .take(3)
        .map(|t| t.text(text).to_lowercase())
        .collect();
    let cue_after = next_words
        .first()
        .is_some_and(|w| PERSON_VERBS.contains(&w.as_str()))
        || (next_words.first().is_some_and(|w| w == ",")
            && next_words
                .get(1)
                .is_some_and(|w| w == "who" || w.chars().all(|c| c.is_ascii_digit())));
    if n == 1 {
        let lower = first.to_lowercase();
        if lex.common.contains(&lower) || lex.places.contains(first) {
            return None;
        }
        if given.is_some() || cue_after {
            return person(base);
        }
        // An unknown single word: a candidate surname, which the resolver
        // drops unless it can tie it to a fuller name.
        let _ = sentence_initial;
        return Some(Mention { weak: true, ..base });
    }
    if given.is_some() {
        return person(base);
    }
    if words
        .iter()
        .any(|w| lex.common.contains(&w.to_lowercase()) || lex.places.contains(w.as_str()))
    {
        return None;
    }
    if n <= 4 {
        return person(base);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn names(t: &str) -> Vec<(String, ActorKind)> {
        let seg = segment(t);
        detect(t, &seg)
            .into_iter()
            .filter(|m| m.via == Via::Name)
            .map(|m| (m.text(t).to_owned(), m.kind))
            .collect()
    }

    #[test]
    fn mention_table() {
        use ActorKind::*;
        let cases: &[(&str, &[(&str, ActorKind)])] = &[
            (
                "Vice President Dick Cheney spoke.",
                &[("Dick Cheney", Person)],
            ),
            (
                "Secretary of State Colin Powell agreed.",
                &[("Colin Powell", Person)],
            ),
            ("Ayatollah Ali Khomeini ruled.", &[("Ali Khomeini", Person)]),
            ("It was Cheney's office.", &[("Cheney", Person)]),
            (
                "George W. Bush left on Monday.",
                &[("George W. Bush", Person)],
            ),
            (
                "The Ministry of Defence and Hamas met in Tehran.",
                &[
                    ("Ministry of Defence", Organization),
                    ("Hamas", Organization),
                ],
            ),
            ("However, the talks failed.", &[]),
            (
                "Ms. Okafor and Pieter van der Berg met.",
                &[("Okafor", Person), ("Pieter van der Berg", Person)],
            ),
            (
                "Quillon Darrowby, 54, said no.",
                &[("Quillon Darrowby", Person)],
            ),
        ];
        for (t, want) in cases {
            let want: Vec<(String, ActorKind)> =
                want.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(names(t), want, "for {t:?}");
        }
    }

    #[test]
    fn titles_give_gender_and_spans() {
        let t = "Mrs. Tamsin Hale arrived.";
        let seg = segment(t);
        let m = &detect(t, &seg)[0];
        assert_eq!(m.gender, Gender::Female);
        assert_eq!(m.title.unwrap().slice(t), "Mrs.");
    }
}
