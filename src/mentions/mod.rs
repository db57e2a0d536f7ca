//! Stage 3: mentions of people and organizations.
//!
//! [`detect`] walks each sentence's tokens and finds:
//!
//! * **names**: runs of capitalised words, initials and name particles
//!   (`van der`, `al-Hadrami`, `bin`, `d'`), with titles and roles (`Vice
//!   President`, `Ayatollah`, `Ms.`) read as cues, not as part of the name;
//!   possessives (`Cheney's office`) count as mentions of the name;
//! * **pronouns**: `he`, `she` and their forms, left for [`crate::resolve`]
//!   to tie to a person;
//! * **nominals**: `the minister`, `the vice president`, tied by the
//!   resolver to the person last named with that title.
//!
//! A run is cut at roles, common words and things inside it ("Policy
//! Douglas Feith" names Douglas Feith; "U.S. Ambassador" and "Oakland Bay
//! Bridge" name no one). A run is a person only with evidence for it,
//! kept on the mention as an [`Evidence`]: a title or role (also "her
//! deputy, X," and "Ambassador to Varnland X"), a known given name
//! (`first_names.txt`, and `given_names.txt` compiled from open data by
//! `scripts/build_given_names.py`), a one-name public figure, a person cue
//! (`X said`, `X, 54,`, `X, who`), an author's citation (`X (1964)`, `X et
//! al.`, `(X, Y, & Z, 2010)`), a family name written first ("Wong
//! Kai-lam"), initials ("R. Tesk"), and across the document
//! (`document.rs`) another mention of the same name with evidence or a
//! list with people in it ("A, B and C"). A capitalised run with none
//! (works, dishes, buildings, "Using Basil") is a weak candidate the
//! resolver drops unless it ties it to a person named elsewhere. It is an
//! organization when an organization word ends it (`Ministry`, `Inc.`,
//! `Times`), it is a known organization, or it defines an acronym in
//! brackets ("Varn Relief Council (VRC)", the acronym then naming it
//! wherever the document uses it); an organization or law named after a
//! person also mentions that person. A place named with its state ("X,
//! West Virginia,") is no actor. In title-case headlines (also a first
//! line ending with a period) only titles and known given names count, a
//! known name ends where its words do ("Ines Varga Speaks"), and no other
//! mention promotes a headline's words.
//! Unknown single words are weak candidates unless they open the sentence
//! as a subject with a pronoun after them ("Renn received his ..."); the
//! resolver keeps a weak word only if it ties to a fuller name or keeps
//! acting as a subject.
//!
//! Every word list is data in `data/*.txt` ([`DATA`]), read into an owned
//! [`Lexicon`] by [`Lexicon::load`] (a user may bring their own lists);
//! each file's examples are judged by [`check_example`].
//!
//! The files, in the order a document goes through them:
//!
//! * `lexicon.rs`: [`Lexicon`], its loader and [`Gender`];
//! * `table.rs`: the word table, every list merged for one lookup a word,
//!   with its short-word maps and quick filters;
//! * `flags.rs`: the packed flags of a token's lookup, defined once, and
//!   their named accessors;
//! * `shape.rs`: what a word's letters say (capitalised, in capitals, a
//!   prefixed name...); `closed.rs`: the closed sets kept in code
//!   (pronouns);
//! * `sentence.rs`: the sentence view rules read tokens through;
//! * `scan.rs`: the tokens that may start a mention;
//! * `runs.rs`: per candidate, a pronoun, a nominal, or a title and the run
//!   of name words after it; `titles.rs`: title phrases; `headline.rs`:
//!   title-case headlines; `nominal.rs`: "the minister";
//! * `classify.rs`: a run's verdict (person, organization, weak, none)
//!   and its evidence; `evidence.rs`: the tests of its surroundings it
//!   relies on;
//! * `credit.rs`: the dash and name signing an epigraph, which make no
//!   actor;
//! * `document.rs`: the document's say on each weak name (the same name
//!   elsewhere, lists, defined acronyms);
//! * `examples.rs`: [`check_example`]; `tests.rs`: unit tests.

mod classify;
mod closed;
mod credit;
mod document;
mod evidence;
mod examples;
mod flags;
mod headline;
mod lexicon;
mod nominal;
mod runs;
mod scan;
mod sentence;
mod shape;
mod table;
mod titles;

pub use examples::check_example;
pub use lexicon::{Gender, Lexicon};

use runs::detect_sentence;
use sentence::Cx;

/// The stage's built-in data files, by name in a [`crate::words::DataSet`].
pub const DATA: &[(&str, &str)] = &[
    (
        "mentions/adjective_suffixes.txt",
        include_str!("data/adjective_suffixes.txt"),
    ),
    ("mentions/common.txt", include_str!("data/common.txt")),
    (
        "mentions/family_first.txt",
        include_str!("data/family_first.txt"),
    ),
    (
        "mentions/first_names.txt",
        include_str!("data/first_names.txt"),
    ),
    (
        "mentions/given_names.txt",
        include_str!("data/given_names.txt"),
    ),
    ("mentions/modifiers.txt", include_str!("data/modifiers.txt")),
    (
        "mentions/nominal_heads.txt",
        include_str!("data/nominal_heads.txt"),
    ),
    (
        "mentions/non_person.txt",
        include_str!("data/non_person.txt"),
    ),
    (
        "mentions/org_modifiers.txt",
        include_str!("data/org_modifiers.txt"),
    ),
    ("mentions/org_words.txt", include_str!("data/org_words.txt")),
    ("mentions/orgs.txt", include_str!("data/orgs.txt")),
    ("mentions/particles.txt", include_str!("data/particles.txt")),
    (
        "mentions/past_verbs.txt",
        include_str!("data/past_verbs.txt"),
    ),
    ("mentions/people.txt", include_str!("data/people.txt")),
    (
        "mentions/person_verbs.txt",
        include_str!("data/person_verbs.txt"),
    ),
    ("mentions/places.txt", include_str!("data/places.txt")),
    ("mentions/titles.txt", include_str!("data/titles.txt")),
    (
        "mentions/town_words.txt",
        include_str!("data/town_words.txt"),
    ),
];

use crate::segment::{Segmentation, Token, TokenKind};
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::cell::Cell;

/// What kind of actor a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// An unnamed or group source of an attribution ("senior officials"):
    /// only a graph node of `build --anonymous-sources` has it, never a
    /// mention.
    Source,
}

impl ActorKind {
    /// The kind's name as written in outputs.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Source => "source",
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

/// Why a mention names the kind of actor it does: the evidence the
/// detector relied on, kept so that `explain` can show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// None: a capitalised run with nothing for it ([`Mention::weak`]).
    #[default]
    None,
    /// Not a name: a pronoun or a description, tied by the resolver.
    Form,
    /// In a headline, where capitals vouch for nothing: weak, and no other
    /// mention of the words makes it a person ("Beyond Renn").
    Headline,
    /// A title or role before it ("Dr.", "Vice President").
    Title,
    /// A known given name opens it ("Ines ...").
    GivenName,
    /// A known one-name figure, organization or acronym in the lists.
    Known,
    /// A word after it that only people do ("X said"), or an apposition
    /// ("X, 54," / "X, who").
    Cue,
    /// A pronoun later in its sentence ("Renn received his ...").
    Pronoun,
    /// Cited as an author: "Renn (2014)", "Renn et al.", "(Renn &
    /// Tesk, 2010)".
    Citation,
    /// An organization word ends or heads it ("Ministry", "Inc.").
    OrgWord,
    /// A family name written first opens it ("Wong Kwok-kin").
    FamilyName,
    /// Initials before a surname ("R. Tesk", "J K Orlow").
    Initials,
    /// An acronym, or a name that defines one in brackets after it.
    Acronym,
    /// Another mention of the same name in the document has evidence.
    SameName,
    /// Named in a list with people who have evidence ("A, B and C").
    Coordinated,
    /// A person an organization or prize is named after.
    Namesake,
}

impl Evidence {
    /// The evidence's name as written in outputs.
    pub fn as_str(&self) -> &'static str {
        match self {
            Evidence::None => "none",
            Evidence::Form => "form",
            Evidence::Headline => "headline",
            Evidence::Title => "title",
            Evidence::GivenName => "given-name",
            Evidence::Known => "known",
            Evidence::Cue => "cue",
            Evidence::Pronoun => "pronoun",
            Evidence::Citation => "citation",
            Evidence::OrgWord => "org-word",
            Evidence::FamilyName => "family-name",
            Evidence::Initials => "initials",
            Evidence::Acronym => "acronym",
            Evidence::SameName => "same-name",
            Evidence::Coordinated => "coordinated",
            Evidence::Namesake => "namesake",
        }
    }
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
    /// The words of the name (for a pronoun, the pronoun as written), in
    /// order: the word tokens of a range of the document's tokens.
    pub words: Words,
    /// A single unknown capitalised word with no cue: kept only if the
    /// resolver can tie it to a fuller name.
    pub weak: bool,
    /// Directly followed by a verb in the past tense ("Renn taught ..."):
    /// the resolver counts these to accept an unknown single word that
    /// keeps acting as a subject.
    pub verb_after: bool,
    /// Why it names a person or an organization.
    pub evidence: Evidence,
}

/// The words of a mention: the word tokens among the document's tokens
/// `start..end` ([`Segmentation::tokens`]), `len` of them. Copied, never
/// allocated: [`Words::texts`] gives the words themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Words {
    /// Index of the first token of the range.
    pub start: u32,
    /// Index one past the last token of the range.
    pub end: u32,
    /// Number of word tokens in the range.
    pub len: u32,
}

impl Words {
    /// The words of tokens `start..end` (`len` of them word tokens).
    fn new(start: usize, end: usize, len: usize) -> Words {
        Words {
            start: start as u32,
            end: end as u32,
            len: len as u32,
        }
    }

    /// Number of words.
    #[inline]
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Indexes of the word tokens, in order.
    #[inline]
    pub fn tokens<'a>(&self, tokens: &'a [Token]) -> impl Iterator<Item = usize> + Clone + 'a {
        (self.start as usize..self.end as usize).filter(move |&k| tokens[k].kind == TokenKind::Word)
    }

    /// The words, in order, given the document body and its tokens.
    #[inline]
    pub fn texts<'t>(
        &self,
        text: &'t str,
        tokens: &'t [Token],
    ) -> impl Iterator<Item = &'t str> + Clone + 't {
        self.tokens(tokens).map(move |k| tokens[k].text(text))
    }
}

impl Mention {
    /// The mention's text in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Find the mentions of a document body, with the word lists of `lex`;
/// a name's kind is decided across the document (`document.rs`).
pub fn detect(text: &str, seg: &Segmentation, lex: &Lexicon) -> Vec<Mention> {
    let table = &lex.table;
    // News runs about one mention to twelve tokens.
    let mut out = Vec::with_capacity(seg.tokens.len() / 8 + 4);
    // What the word lists say about each token, looked up at most once
    // (packed by `Info::pack`; 0 until looked up), and the scratch for
    // [`start_candidates`]: buffers kept by the thread from one document
    // to the next, so no document allocates them.
    let (mut packed, mut cand) = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
    packed.clear();
    packed.resize(seg.tokens.len(), 0);
    let info = Cell::from_mut(&mut packed[..]).as_slice_of_cells();
    // The body in ASCII lower case, as segmentation made it (or made here
    // when the segmentation came without it).
    let own_lower;
    let low = if seg.lower.len() == text.len() {
        seg.lower.as_str()
    } else {
        own_lower = text.to_ascii_lowercase();
        own_lower.as_str()
    };
    for (si, sent) in seg.sentences.iter().enumerate() {
        let r = sent.tokens.clone();
        let last = seg
            .sentences
            .get(si + 1)
            .is_none_or(|n| n.paragraph != sent.paragraph);
        let alone = si == 0 && last;
        let cx = Cx {
            base: r.start,
            text,
            low,
            toks: &seg.tokens[r.clone()],
            info: &info[r],
            lex,
            table,
            alone,
        };
        if credit::is_credit(&cx, last) {
            continue;
        }
        detect_sentence(&cx, si, &mut out, &mut cand);
    }
    document::rejoin_cut_names(text, &mut out);
    document::promote(text, low, seg, lex, &mut out);
    // Kept for the next document unless a giant one grew them: memory
    // stays flat after an outlier.
    if packed.capacity() <= SCRATCH_KEEP && cand.capacity() <= SCRATCH_KEEP {
        SCRATCH.with(|s| *s.borrow_mut() = (packed, cand));
    }
    out
}

/// The most entries a per-thread buffer of [`detect`] keeps between
/// documents (a news article has a few thousand tokens).
const SCRATCH_KEEP: usize = 1 << 18;

thread_local! {
    /// Per-thread buffers of [`detect`]: the token lookups and the
    /// candidate list.
    static SCRATCH: std::cell::RefCell<(Vec<u32>, Vec<u32>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

#[cfg(test)]
mod tests;
