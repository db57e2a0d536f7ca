//! Stage 6: the actor graph.
//!
//! An [`ActorGraph`] is a petgraph
//! [`StableDiGraph`](petgraph::stable_graph::StableDiGraph) of [`Node`]s (actors)
//! and [`Edge`]s of two kinds:
//!
//! * [`EdgeKind::Cooccurrence`]: two actors mentioned in the same sentence
//!   (or paragraph, with [`Window::Paragraph`]); undirected, stored once
//!   from the smaller id to the larger; weight = number of windows. A
//!   window naming more than [`MAX_WINDOW_ACTORS`] actors is read as a
//!   list, each actor linked to the [`LIST_REACH`] named next after it;
//! * [`EdgeKind::Attribution`]: speaker -> each actor in `about`;
//!   weight = number of attributions.
//!
//! Every edge keeps its evidence, `(doc, start, end)` byte spans (`doc`
//! the document's id, with its date), up to a cap
//! ([`GraphOptions::max_evidence`]); the smallest spans in
//! `(doc, start, end)` order are kept, so the result does not depend on the
//! order documents arrive in. Nodes are keyed by actor id: the same id in
//! two documents is one node, its kind the one with the most mentions.
//!
//! Nodes and edges also count **support**, the documents and distinct
//! outlets they were seen in ([`Measure`] picks which one `weight` means
//! in exports), and **time**: first and last seen and counts per
//! [`Period`] ([`Seen`]). A graph remembers the documents it holds
//! ([`HeldDocs`]) and the options it was built with ([`BuildInfo`]), so
//! growing it later neither counts a document twice nor mixes counts of
//! different options.
//!
//! Adding a document is two steps. [`RecordPlan::new`] (from a record) or
//! [`RecordPlan::from_analysis`] (straight from the stages' output) works
//! out everything that depends on the document alone: its actors with
//! their mention counts and names, and its links, deduplicated, with
//! weights and the smallest evidence spans. [`ActorGraph::add_plan`] then
//! only finds or makes nodes and edges and adds counts. `build` makes plans
//! on its worker threads and adds them in input order on one thread;
//! [`ActorGraph::add_record`] does both steps at once.
//!
//! Files: `actor_graph.rs` holds [`ActorGraph`] and adding to it; `plan.rs`
//! [`RecordPlan`] and its making; `evidence.rs` the capped, sorted
//! evidence lists; `order.rs` the id order of nodes and edges that every
//! output follows; `merge.rs` merging, filtering and cutting graphs;
//! `support.rs` outlets, dates and periods ([`Seen`], [`DocSource`]);
//! `time.rs` periods and date ranges; `held.rs` the held documents;
//! `build_info.rs` the recorded options; `identity.rs` corpus-level identity ([`ActorGraph::identify`]): the
//! pass, run once every document is in, that joins the nodes of one real
//! actor ("Donald J. Trump" and "Donald Trump", "Obama" and "Barack
//! Obama", "IPS" and "Inter Press Service"), each join with its reason.

mod actor_graph;
mod build_info;
mod evidence;
mod held;
mod identity;
mod merge;
mod order;
mod plan;
mod support;
#[cfg(test)]
mod tests;
pub mod time;

pub use actor_graph::ActorGraph;
pub use build_info::{BuildInfo, Trim};
pub use held::{id_hash, HeldDocs, HeldJson};
pub use identity::{JoinReason, Joined, DOMINANCE};
pub use plan::RecordPlan;
pub use support::{DocSource, Measure, Seen, SeenBox};

pub use time::{DateRange, Period};

use crate::mentions::ActorKind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A window naming more actors than this is a list (or text without
/// sentence punctuation), not a sentence: each actor in it is linked only to
/// the [`LIST_REACH`] actors named next after it, so links stay linear in
/// the input rather than quadratic.
pub const MAX_WINDOW_ACTORS: usize = 20;

/// In a window of more than [`MAX_WINDOW_ACTORS`] actors, how many of the
/// actors named after an actor it is linked to.
pub const LIST_REACH: usize = 10;

/// The window within which mentions co-occur.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Window {
    /// The same sentence.
    #[default]
    Sentence,
    /// The same paragraph.
    Paragraph,
}

/// How a graph is built.
#[derive(Clone, Debug)]
pub struct GraphOptions {
    /// Co-occurrence window.
    pub window: Window,
    /// Evidence spans kept per edge.
    pub max_evidence: usize,
    /// Count only mentions by name toward co-occurrence (not pronouns).
    pub names_only: bool,
    /// The periods nodes and links count their dated sightings in.
    pub period: Period,
    /// Attributions whose confidence (their rule's measured precision, in
    /// per cent) is below this make no link; 0 keeps all, also those of a
    /// rule with no measured confidence.
    pub min_confidence: u8,
    /// An attribution whose speaker is a group or a document, not a named
    /// actor ("senior officials", "the audit"), links from a node of kind
    /// [`ActorKind::Source`] of its own per document, labelled with its
    /// words (see [`source_id`]); otherwise such attributions make no link.
    pub anonymous_sources: bool,
}

impl Default for GraphOptions {
    fn default() -> GraphOptions {
        GraphOptions {
            window: Window::Sentence,
            max_evidence: 5,
            names_only: false,
            period: Period::Month,
            min_confidence: 0,
            anonymous_sources: false,
        }
    }
}

/// An actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Its id: the fullest name.
    pub id: String,
    /// Person or organization.
    pub kind: ActorKind,
    /// Mentions over the corpus (pronouns included).
    pub mentions: u64,
    /// Documents it is mentioned in.
    pub documents: u64,
    /// The names it goes by.
    pub aliases: BTreeSet<String>,
    /// The names of other nodes joined into it by corpus-level identity
    /// ([`ActorGraph::identify`]), by name, each with its reason and own
    /// counts (absent from the JSON when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<Joined>,
    /// Mentions by kind, when the actor was seen as more than one kind
    /// (absent otherwise): `kind` is the kind with the most mentions, ties
    /// going to `person` over `organization`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub kinds: BTreeMap<ActorKind, u64>,
    /// Outlets, first and last seen, mentions per period.
    #[serde(flatten)]
    pub seen: SeenBox,
}

impl Node {
    /// A node not seen yet.
    pub fn new(id: &str, kind: ActorKind) -> Node {
        Node {
            id: id.to_owned(),
            kind,
            mentions: 0,
            documents: 0,
            aliases: BTreeSet::new(),
            joined: Vec::new(),
            kinds: BTreeMap::new(),
            seen: SeenBox::default(),
        }
    }

    /// Count `mentions` more mentions, as `kind`: the node's kind becomes
    /// the kind with the most mentions (ties: the first in [`ActorKind`]'s
    /// order), whatever the order the counts come in. Sums saturate at
    /// `u64::MAX`.
    pub fn add_mentions(&mut self, kind: ActorKind, mentions: u64) {
        if mentions == 0 {
            return;
        }
        if self.kinds.is_empty() {
            if kind == self.kind || self.mentions == 0 {
                self.kind = kind;
                self.mentions = self.mentions.saturating_add(mentions);
                return;
            }
            self.kinds.insert(self.kind, self.mentions);
        }
        let n = self.kinds.entry(kind).or_insert(0);
        *n = n.saturating_add(mentions);
        self.mentions = self.mentions.saturating_add(mentions);
        self.kind = self
            .kinds
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&k, _)| k)
            .unwrap_or(kind);
    }

    /// The words to show for the node: a source node's words as the text
    /// has them (its first alias), else its id.
    pub fn label(&self) -> &str {
        match self.kind {
            ActorKind::Source => self.aliases.first().map_or(&self.id, String::as_str),
            _ => &self.id,
        }
    }

    /// The node's mentions by kind (one entry when it has one kind).
    pub fn kind_counts(&self) -> BTreeMap<ActorKind, u64> {
        if self.kinds.is_empty() {
            BTreeMap::from([(self.kind, self.mentions)])
        } else {
            self.kinds.clone()
        }
    }

    /// Add `other`'s joined names to this node's (counts of one name
    /// summed), kept in name order.
    pub fn join_names(&mut self, other: Vec<Joined>) {
        if other.is_empty() {
            return;
        }
        for j in other {
            match self.joined.binary_search_by(|x| x.name.cmp(&j.name)) {
                Ok(k) => {
                    self.joined[k].mentions += j.mentions;
                    self.joined[k].documents += j.documents;
                }
                Err(k) => self.joined.insert(k, j),
            }
        }
    }
}

/// The two kinds of link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// Mentioned together (undirected).
    Cooccurrence,
    /// Speaker -> the actor spoken about (directed).
    Attribution,
}

impl EdgeKind {
    /// The kind's name as written in outputs.
    pub fn as_str(&self) -> &'static str {
        match self {
            EdgeKind::Cooccurrence => "cooccurrence",
            EdgeKind::Attribution => "attribution",
        }
    }
}

/// Where a link was seen.
///
/// In the JSON: `{"doc", "start", "end"}`, with `"file"`, `"line"` and
/// `"date"` when the document has them (see [`EvidenceSource`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(from = "EvidenceJson")]
pub struct Evidence {
    /// The document's id (a plain file's is its path).
    pub doc: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Where the document's text is and its date, when known (boxed: a
    /// plain file has none, and evidence is the bulk of a graph).
    pub source: Option<Box<EvidenceSource>>,
}

/// Where the text of evidence's document is, and its day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EvidenceSource {
    /// The file the document's text is in, when that is not its id (a
    /// record of a JSON Lines or CSV file).
    pub file: Option<String>,
    /// The document's line (record) in `file`.
    pub line: Option<u64>,
    /// The document's day, `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl Evidence {
    /// The span `start..end` of the document `doc`.
    pub fn new(doc: impl Into<String>, start: usize, end: usize) -> Evidence {
        Evidence {
            doc: doc.into(),
            start,
            end,
            source: None,
        }
    }

    /// The file the document's text is in, when that is not its id.
    pub fn file(&self) -> Option<&str> {
        self.source.as_ref()?.file.as_deref()
    }

    /// The document's line (record) in [`Evidence::file`].
    pub fn line(&self) -> Option<u64> {
        self.source.as_ref()?.line
    }

    /// The document's day.
    pub fn date(&self) -> Option<&str> {
        self.source.as_ref()?.date.as_deref()
    }
}

/// [`Evidence`] as the JSON has it.
#[derive(Deserialize)]
struct EvidenceJson {
    doc: String,
    start: usize,
    end: usize,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    line: Option<u64>,
    #[serde(default)]
    date: Option<String>,
}

impl From<EvidenceJson> for Evidence {
    fn from(j: EvidenceJson) -> Evidence {
        let source = (j.file.is_some() || j.line.is_some() || j.date.is_some()).then(|| {
            Box::new(EvidenceSource {
                file: j.file,
                line: j.line,
                date: j.date,
            })
        });
        Evidence {
            doc: j.doc,
            start: j.start,
            end: j.end,
            source,
        }
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (file, line, date) = (self.file(), self.line(), self.date());
        let n = 3
            + usize::from(file.is_some())
            + usize::from(line.is_some())
            + usize::from(date.is_some());
        let mut st = s.serialize_struct("Evidence", n)?;
        st.serialize_field("doc", &self.doc)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        if let Some(f) = file {
            st.serialize_field("file", f)?;
        }
        if let Some(l) = line {
            st.serialize_field("line", &l)?;
        }
        if let Some(d) = date {
            st.serialize_field("date", d)?;
        }
        st.end()
    }
}

/// A link between two actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// Its kind.
    pub kind: EdgeKind,
    /// How many times it was seen.
    pub weight: u64,
    /// How many documents it was seen in (0 in graphs saved before this
    /// was counted). Links that corpus-level identity puts together add
    /// their counts, so a document that linked two names of one actor to
    /// the same other actor counts twice here (as in [`Node::documents`]).
    #[serde(default)]
    pub documents: u64,
    /// Where, up to the evidence cap.
    pub evidence: Vec<Evidence>,
    /// Attribution links: how many times each cue lemma was seen
    /// (`{"say": 3, "accuse": 1}`); empty for co-occurrence.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cues: BTreeMap<String, u64>,
    /// Attribution links: how many statements of each class
    /// (`report`, `denial`, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub classes: BTreeMap<String, u64>,
    /// Attribution links: the best and the summed confidence of their
    /// attributions (absent when none had one).
    #[serde(default, skip_serializing_if = "Confidence::is_empty")]
    pub confidence: Confidence,
    /// Outlets, first and last seen, weight per period.
    #[serde(flatten)]
    pub seen: SeenBox,
}

/// The confidence of a link's attributions (each its rule's measured
/// precision, in per cent), kept as what adds up whatever the order:
/// the best, the sum and the count; the mean is `sum / count`.
///
/// In the JSON: `{"best": 94, "mean": 81.5, "sum": 163, "count": 2}`
/// (`mean` is written for readers and ignored when read back).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Confidence {
    /// The highest confidence of one attribution.
    #[serde(default)]
    pub best: u8,
    /// The sum of the attributions' confidences.
    #[serde(default)]
    pub sum: u64,
    /// How many attributions had a confidence.
    #[serde(default)]
    pub count: u64,
}

impl Confidence {
    /// No attribution with a confidence seen.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Count one attribution of confidence `c` (per cent).
    pub fn add(&mut self, c: u8) {
        self.best = self.best.max(c);
        self.sum = self.sum.saturating_add(u64::from(c));
        self.count = self.count.saturating_add(1);
    }

    /// Add another link's counts (merging is commutative and associative).
    pub fn merge(&mut self, other: &Confidence) {
        if other.count == 0 {
            return;
        }
        self.best = self.best.max(other.best);
        self.sum = self.sum.saturating_add(other.sum);
        self.count = self.count.saturating_add(other.count);
    }

    /// The best confidence, when any attribution had one.
    pub fn best(&self) -> Option<u8> {
        (self.count > 0).then_some(self.best)
    }

    /// The mean confidence, rounded to one decimal, when any attribution
    /// had one.
    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then(|| (self.sum as f64 / self.count as f64 * 10.0).round() / 10.0)
    }
}

impl Serialize for Confidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Confidence", 4)?;
        st.serialize_field("best", &self.best)?;
        st.serialize_field("mean", &self.mean().unwrap_or(0.0))?;
        st.serialize_field("sum", &self.sum)?;
        st.serialize_field("count", &self.count)?;
        st.end()
    }
}

/// The id of the node of an unnamed or group source (`--anonymous-sources`)
/// in a document: its words, white space collapsed, and the document's
/// id, so the "officials" of two documents are two nodes:
/// `officials (doc a.txt)`.
pub fn source_id(words: &str, doc: &str) -> String {
    let words: Vec<&str> = words.split_whitespace().collect();
    format!("{} (doc {doc})", words.join(" "))
}

/// A source's words, white space collapsed (its node's label).
pub fn source_words(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Edge {
    /// A link of this kind, not seen yet.
    pub fn new(kind: EdgeKind) -> Edge {
        Edge {
            kind,
            weight: 0,
            documents: 0,
            evidence: Vec::new(),
            cues: BTreeMap::new(),
            classes: BTreeMap::new(),
            confidence: Confidence::default(),
            seen: SeenBox::default(),
        }
    }

    /// The cue counts as `say:3;accuse:1` (empty for none), as the XML and
    /// CSV exports write them.
    pub fn cues_text(&self) -> String {
        counts_text(&self.cues)
    }

    /// The class counts as `report:3;accusation:1` (empty for none).
    pub fn classes_text(&self) -> String {
        counts_text(&self.classes)
    }

    /// Its weight as `measure` counts it.
    pub fn measure(&self, measure: Measure) -> u64 {
        match measure {
            Measure::Mentions => self.weight,
            Measure::Documents => self.documents,
            Measure::Outlets => self.seen.outlets.len() as u64,
        }
    }

    /// Count `n` more statements with cue lemma `lemma` and class `class`.
    pub fn count_cue(&mut self, lemma: Option<&str>, class: Option<&str>, n: u64) {
        if let Some(l) = lemma {
            add_count(&mut self.cues, l, n);
        }
        if let Some(c) = class {
            add_count(&mut self.classes, c, n);
        }
    }

    /// Add the cue and class counts of `other` (merging, reading back).
    pub fn add_counts(&mut self, cues: &BTreeMap<String, u64>, classes: &BTreeMap<String, u64>) {
        for (l, &n) in cues {
            add_count(&mut self.cues, l, n);
        }
        for (c, &n) in classes {
            add_count(&mut self.classes, c, n);
        }
    }
}

/// Counts as `key:n;key:n`, keys in order.
fn counts_text(map: &BTreeMap<String, u64>) -> String {
    let parts: Vec<String> = map.iter().map(|(k, n)| format!("{k}:{n}")).collect();
    parts.join(";")
}

/// `map[key] += n`, the key copied only when new.
fn add_count(map: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    match map.get_mut(key) {
        Some(v) => *v += n,
        None => {
            map.insert(key.to_owned(), n);
        }
    }
}
