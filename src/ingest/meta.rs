//! What a document is besides its text: its id, date, outlet and where it
//! came from.
//!
//! A loose file has none of this (its id is its path). A record of a JSON
//! Lines, CSV or WARC file carries what its fields give. The metadata rides
//! with the [`Document`](super::Document) through every stage into the
//! per-document record and the graph's evidence.

use serde::{Deserialize, Serialize};

/// A document's metadata. Every field is optional; an empty `DocMeta` is
/// what a plain file has, and it serializes to nothing (so the
/// per-document record of a plain file is unchanged).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The document's id: the record's `id` field, else its URL. `None` for
    /// a plain file, whose id is its name (path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its date, normalized to ISO 8601: `YYYY-MM-DD`, or
    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC) when a time was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet that published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its language tag, as the record gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// For a record of a multi-document file: the 1-based line (JSON Lines,
    /// CSV) or record number (WARC) where it starts, so its text can be
    /// found again in the file named by the document's `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Other documents found to be copies of this one (exact, or near with
    /// `--dedup near`) and so not read on their own: their ids and outlets,
    /// so support can still count every outlet that carried the story.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<DocCopy>,
}

/// A document counted as a copy of another (see [`DocMeta::copies`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocCopy {
    /// The copy's id.
    pub id: String,
    /// The copy's outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its date (ISO 8601, as [`DocMeta::date`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl DocMeta {
    /// True when no field is set (a plain file).
    pub fn is_empty(&self) -> bool {
        *self == DocMeta::default()
    }
}
