//! The rules that build attributions, by name.

use std::fmt;
use std::str::FromStr;

/// The rule that built an [`Attribution`](super::Attribution). Its name
/// (kebab case, [`Rule::as_str`]) is stable: the `explain` command prints
/// it, records store it, and `data/blocked.txt` names rules by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// `..., according to X.`
    AccordingTo,
    /// `"...," X said.`
    QuoteCue,
    /// `..., X said.`
    ContentCue,
    /// `X said: "..."`
    CueQuote,
    /// `X said (that) ...`
    CueContent,
    /// `X said:` at a paragraph's end.
    CueBlock,
    /// `X met Y and said ...`
    CoordCue,
    /// `X was reported to ...`
    PassiveCue,
    /// `Tavi Renn: Talks Are Over`
    Colon,
    /// `In a new poll, ...`
    InSource,
    /// `X grinned: "..."`
    ColonQuote,
    /// A plain reporting verb with no speaker beside it.
    SubjectCue,
    /// `It seems (that) ...`
    Impersonal,
    /// `X reportedly left ...`
    AdverbCue,
    /// `X is eager to ...`
    AdjectiveCue,
    /// `her criticism of ...` / `the allegation that ...`
    NounCue,
}

impl Rule {
    /// Every rule, in the order of the module's table.
    pub const ALL: [Rule; 16] = [
        Rule::AccordingTo,
        Rule::QuoteCue,
        Rule::ContentCue,
        Rule::CueQuote,
        Rule::CueContent,
        Rule::CueBlock,
        Rule::CoordCue,
        Rule::PassiveCue,
        Rule::Colon,
        Rule::InSource,
        Rule::ColonQuote,
        Rule::SubjectCue,
        Rule::Impersonal,
        Rule::AdverbCue,
        Rule::AdjectiveCue,
        Rule::NounCue,
    ];

    /// The rule's name (`cue-content`).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::AccordingTo => "according-to",
            Rule::QuoteCue => "quote-cue",
            Rule::ContentCue => "content-cue",
            Rule::CueQuote => "cue-quote",
            Rule::CueContent => "cue-content",
            Rule::CueBlock => "cue-block",
            Rule::CoordCue => "coord-cue",
            Rule::PassiveCue => "passive-cue",
            Rule::Colon => "colon",
            Rule::InSource => "in-source",
            Rule::ColonQuote => "colon-quote",
            Rule::SubjectCue => "subject-cue",
            Rule::Impersonal => "impersonal",
            Rule::AdverbCue => "adverb-cue",
            Rule::AdjectiveCue => "adjective-cue",
            Rule::NounCue => "noun-cue",
        }
    }
}

impl Rule {
    /// The rule's bit in a set of rules (`1 << index`).
    pub(crate) fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is no rule's.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no rule named {0:?}")]
pub struct UnknownRule(pub String);

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Rule, UnknownRule> {
        Rule::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRule(s.to_owned()))
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Rule::ALL {
            assert_eq!(r.as_str().parse::<Rule>(), Ok(r));
            assert_eq!(r.to_string(), r.as_str());
        }
        assert!("cue".parse::<Rule>().is_err());
    }
}
