//! The closed grammatical sets the stage keeps in code: they are part of
//! English grammar, not lists to extend. Every other word list is data
//! (`data/*.txt`).

use super::Gender;

/// Pronouns that can refer to a person, with gender.
pub(super) const PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("him", Gender::Male),
    ("his", Gender::Male),
    ("himself", Gender::Male),
    ("she", Gender::Female),
    ("her", Gender::Female),
    ("hers", Gender::Female),
    ("herself", Gender::Female),
];

/// The lower-case particles a name word may open with, joined to a
/// capital. Each opens with a, b, d, e, i or l and ends in an apostrophe at
/// byte 1 or a hyphen at byte 1, 2 or 3: the quick tests of the candidate
/// scan and of `shape::may_be_prefixed` rely on it (their tests check).
/// "e-" is the Persian ezafe ("Mujahedin e-Khalq").
pub(super) const NAME_PREFIXES: [&str; 15] = [
    "al-",
    "el-",
    "ad-",
    "as-",
    "ash-",
    "at-",
    "az-",
    "bin-",
    "ibn-",
    "abu-",
    "d'",
    "d\u{2019}",
    "l'",
    "de-",
    "e-",
];

/// The article that opens a nominal ("the minister").
pub(super) const THE: &str = "the";
/// The preposition an organization's name may hold ("Ministry of Orchards")
/// and that ends no nominal ("the minister of").
pub(super) const OF: &str = "of";
/// "for" after an organization word ("Center for Coastal Studies").
pub(super) const FOR: &str = "for";
/// The conjunction that ends no nominal ("the minister and").
pub(super) const AND: &str = "and";
/// The relative pronoun of a person cue (", who").
pub(super) const WHO: &str = "who";

/// The words that take a contracted verb ("They're", "She'd", "It's"):
/// a capitalised contraction of one is a pronoun and a verb, no name.
pub(super) const CONTRACTING: &[&str] = &[
    "you",
    "they",
    "we",
    "she",
    "he",
    "it",
    "there",
    "that",
    "who",
    "what",
    "where",
    "here",
    "how",
    "let",
    "this",
    "these",
    "those",
    "everyone",
    "everybody",
    "nobody",
    "someone",
];

/// The contracted verbs after an apostrophe ("'re", "'d").
pub(super) const CONTRACTED: &[&str] = &["re", "ve", "ll", "d", "m", "s"];
