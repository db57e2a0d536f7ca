//! Support and time: what a node or link rests on besides its mention
//! count: the distinct outlets that carried it, when it was first and last
//! seen, and its counts per period; and [`DocSource`], what a graph needs
//! to know of the document a plan comes from.

use super::time::{day_of, Period};
use crate::ingest::Document;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What `weight` means in the exports and in `query top`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// The number of sightings (windows, statements): the default.
    #[default]
    Mentions,
    /// The number of distinct documents.
    Documents,
    /// The number of distinct outlets (the documents' sources and those of
    /// the copies counted with them).
    Outlets,
}

/// The outlets, dates and period counts of a node or link (all absent from
/// the JSON when empty, as for plain files, which have neither outlet nor
/// date).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// The distinct outlets it was seen in.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub outlets: BTreeSet<String>,
    /// The day (`YYYY-MM-DD`) of its earliest dated document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// The day of its latest dated document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// Counts per period of the graph's `period` (mentions for a node,
    /// weight for a link), over its dated documents.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub periods: BTreeMap<String, u64>,
}

impl Seen {
    /// Count `n` sightings in a document from `src`.
    pub fn add_doc(&mut self, src: &DocSource, n: u64) {
        for o in &src.outlets {
            if !self.outlets.contains(o) {
                self.outlets.insert(o.clone());
            }
        }
        if let Some(day) = &src.day {
            self.see(day, day);
        }
        if let Some(p) = &src.period {
            add_to(&mut self.periods, p, n);
        }
    }

    /// Add `other`'s outlets, dates and period counts (the same whatever
    /// the order).
    pub fn merge(&mut self, other: &Seen) {
        self.outlets.extend(other.outlets.iter().cloned());
        if let (Some(f), Some(l)) = (&other.first, &other.last) {
            self.see(f, l);
        }
        for (p, &n) in &other.periods {
            add_to(&mut self.periods, p, n);
        }
    }

    /// Widen first and last seen to hold `first..=last`.
    fn see(&mut self, first: &str, last: &str) {
        if self.first.as_deref().is_none_or(|f| first < f) {
            self.first = Some(first.to_owned());
        }
        if self.last.as_deref().is_none_or(|l| last > l) {
            self.last = Some(last.to_owned());
        }
    }

    /// True when it carries any date.
    pub fn is_dated(&self) -> bool {
        self.first.is_some() || !self.periods.is_empty()
    }
}

/// An empty [`Seen`], what a [`SeenBox`] without a box reads as.
static NOTHING_SEEN: Seen = Seen {
    outlets: BTreeSet::new(),
    first: None,
    last: None,
    periods: BTreeMap::new(),
};

/// A node's or link's [`Seen`], boxed only once it holds something: a
/// graph of plain files (no outlet, no date) spends one pointer per node
/// and link on it. Reads as a `Seen` (`Deref`); the JSON is the `Seen`'s.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeenBox(Option<Box<Seen>>);

impl std::ops::Deref for SeenBox {
    type Target = Seen;
    fn deref(&self) -> &Seen {
        self.0.as_deref().unwrap_or(&NOTHING_SEEN)
    }
}

impl From<Seen> for SeenBox {
    fn from(s: Seen) -> SeenBox {
        if s == NOTHING_SEEN {
            SeenBox(None)
        } else {
            SeenBox(Some(Box::new(s)))
        }
    }
}

impl SeenBox {
    /// The `Seen` to change (boxed if it was not).
    pub fn get_mut(&mut self) -> &mut Seen {
        self.0.get_or_insert_with(Box::default)
    }

    /// Count `n` sightings in a document from `src` (as [`Seen::add_doc`];
    /// nothing boxed for a document without outlet or date).
    pub fn add_doc(&mut self, src: &DocSource, n: u64) {
        if src.outlets.is_empty() && src.day.is_none() && src.period.is_none() {
            return;
        }
        self.get_mut().add_doc(src, n);
    }

    /// Add `other`'s outlets, dates and period counts (as [`Seen::merge`]).
    pub fn merge(&mut self, other: &Seen) {
        if *other != NOTHING_SEEN {
            self.get_mut().merge(other);
        }
    }

    /// True when merging it into an empty one gives it back as it is:
    /// nothing boxed for nothing seen, first and last seen both or
    /// neither.
    pub fn is_settled(&self) -> bool {
        match self.0.as_deref() {
            None => true,
            Some(s) => *s != NOTHING_SEEN && s.first.is_some() == s.last.is_some(),
        }
    }

    /// What merging it into an empty one gives: itself, moved, when
    /// [`SeenBox::is_settled`].
    pub fn settled(self) -> SeenBox {
        if self.is_settled() {
            return self;
        }
        let mut s = SeenBox::default();
        s.merge(&self);
        s
    }

    /// Drop the box when what it holds is empty.
    pub fn tidy(&mut self) {
        if self.0.as_deref().is_some_and(|s| *s == NOTHING_SEEN) {
            self.0 = None;
        }
    }
}

impl Serialize for SeenBox {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for SeenBox {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SeenBox, D::Error> {
        Seen::deserialize(d).map(SeenBox::from)
    }
}

/// `map[key] += n` (saturating), the key copied only when new.
fn add_to(map: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    match map.get_mut(key) {
        Some(v) => *v = v.saturating_add(n),
        None => {
            map.insert(key.to_owned(), n);
        }
    }
}

/// What a graph keeps of the document a plan comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocSource {
    /// Its id ([`Document::id`]): what evidence refers to.
    pub id: String,
    /// Its name (path) when that is not its id: where its text is.
    pub file: Option<String>,
    /// Its line (record) in `file`, for a record of a multi-document file.
    pub line: Option<u64>,
    /// Its day, `YYYY-MM-DD`.
    pub day: Option<String>,
    /// The key of its period.
    pub period: Option<String>,
    /// Its outlet and those of its copies, sorted, each once.
    pub outlets: Vec<String>,
    /// The ids of the copies counted with it.
    pub copies: Vec<String>,
}

impl DocSource {
    /// The source of `doc`, its date counted in periods of `period`.
    pub fn of(doc: &Document, period: Period) -> DocSource {
        DocSource::from_meta(&doc.name, &doc.meta, period)
    }

    /// The source of a document named `name` with metadata `m` (its id:
    /// `m.id`, else `name`, as [`Document::id`]).
    pub fn from_meta(name: &str, m: &crate::ingest::DocMeta, period: Period) -> DocSource {
        let id = m.id.as_deref().unwrap_or(name).to_owned();
        let file = (id != name).then(|| name.to_owned());
        let day = m.date.as_deref().and_then(day_of).map(str::to_owned);
        let period_key = day.as_deref().and_then(|d| period.key(d));
        let mut outlets: Vec<String> = m
            .source
            .iter()
            .chain(m.copies.iter().filter_map(|c| c.source.as_ref()))
            .cloned()
            .collect();
        outlets.sort();
        outlets.dedup();
        DocSource {
            id,
            file,
            line: m.line,
            day,
            period: period_key,
            outlets,
            copies: m.copies.iter().map(|c| c.id.clone()).collect(),
        }
    }

    /// The source of a plain file known by its name only.
    pub fn named(name: &str) -> DocSource {
        DocSource {
            id: name.to_owned(),
            ..DocSource::default()
        }
    }
}
