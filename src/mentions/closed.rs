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
