//! Stage 6: the actor graph.
//!
//! An [`ActorGraph`] is a petgraph [`StableDiGraph`] of [`Node`]s (actors)
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
//! Every edge keeps its evidence, `(doc, start, end)` byte spans, up to a
//! cap ([`GraphOptions::max_evidence`]); the smallest spans in
//! `(doc, start, end)` order are kept, so the result does not depend on the
//! order documents arrive in. Nodes are keyed by actor id: the same id in
//! two documents is one node.
//!
//! Adding a document is two steps. [`RecordPlan::new`] (from a record) or
//! [`RecordPlan::from_analysis`] (straight from the stages' output) works
//! out everything that depends on the document alone: its actors with
//! their mention counts and names, and its links, deduplicated, with
//! weights and the smallest evidence spans. [`ActorGraph::add_plan`] then
//! only finds or makes nodes and edges and adds counts. `build` makes plans
//! on its worker threads and adds them in input order on one thread;
//! [`ActorGraph::add_record`] does both steps at once.

use crate::mentions::{ActorKind, Via};
use crate::pipeline::DocRecord;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

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
}

impl Default for GraphOptions {
    fn default() -> GraphOptions {
        GraphOptions {
            window: Window::Sentence,
            max_evidence: 5,
            names_only: false,
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
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// The document.
    pub doc: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A link between two actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// Its kind.
    pub kind: EdgeKind,
    /// How many times it was seen.
    pub weight: u64,
    /// Where, up to the evidence cap.
    pub evidence: Vec<Evidence>,
}

/// The graph of a corpus.
#[derive(Clone, Debug, Default)]
pub struct ActorGraph {
    /// The petgraph graph.
    pub graph: StableDiGraph<Node, Edge>,
    /// Fx-hashed like `edges`; only looked up, never iterated.
    nodes: rustc_hash::FxHashMap<String, NodeIndex>,
    /// Fx-hashed: the default SipHash costs more than the rest of an edge lookup.
    edges: rustc_hash::FxHashMap<(NodeIndex, NodeIndex, EdgeKind), EdgeIndex>,
    options: GraphOptions,
}

impl ActorGraph {
    /// An empty graph.
    pub fn new(options: GraphOptions) -> ActorGraph {
        ActorGraph {
            options,
            ..ActorGraph::default()
        }
    }

    /// The build options.
    pub fn options(&self) -> &GraphOptions {
        &self.options
    }

    /// The node of an actor id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// Number of actors.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of links.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    fn node_or_insert(&mut self, id: &str, kind: ActorKind) -> NodeIndex {
        if let Some(&n) = self.nodes.get(id) {
            return n;
        }
        let n = self.graph.add_node(Node {
            id: id.to_owned(),
            kind,
            mentions: 0,
            documents: 0,
            aliases: BTreeSet::new(),
        });
        self.nodes.insert(id.to_owned(), n);
        n
    }

    /// Add a node as it is (mention and document counts added to those of
    /// an existing node with the same id, aliases joined).
    pub fn insert_node(&mut self, node: Node) -> NodeIndex {
        let n = self.node_or_insert(&node.id, node.kind);
        let have = &mut self.graph[n];
        have.mentions += node.mentions;
        have.documents += node.documents;
        have.aliases.extend(node.aliases);
        n
    }

    /// Add a link (weight and evidence added to an existing one).
    pub fn add_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: EdgeKind,
        weight: u64,
        evidence: &[Evidence],
    ) {
        let e = self.edge_or_insert(a, b, kind);
        let cap = self.options.max_evidence;
        let edge = &mut self.graph[e];
        edge.weight += weight;
        for ev in evidence {
            keep_evidence(&mut edge.evidence, cap, &ev.doc, ev.start, ev.end);
        }
    }

    /// The link of this kind between two nodes, made if new (co-occurrence
    /// links run from the smaller id to the larger).
    fn edge_or_insert(&mut self, a: NodeIndex, b: NodeIndex, kind: EdgeKind) -> EdgeIndex {
        let (a, b) = if kind == EdgeKind::Cooccurrence && self.graph[a].id > self.graph[b].id {
            (b, a)
        } else {
            (a, b)
        };
        match self.edges.get(&(a, b, kind)) {
            Some(&e) => e,
            None => {
                let e = self.graph.add_edge(
                    a,
                    b,
                    Edge {
                        kind,
                        weight: 0,
                        evidence: Vec::new(),
                    },
                );
                self.edges.insert((a, b, kind), e);
                e
            }
        }
    }

    /// Add one document's record.
    pub fn add_record(&mut self, rec: &DocRecord) {
        let plan = RecordPlan::new(rec, &self.options);
        self.add_plan(plan);
    }

    /// Add one document's contribution, worked out beforehand by
    /// [`RecordPlan::new`] (on any thread) with this graph's options.
    /// Gives the same graph as [`ActorGraph::add_record`].
    pub fn add_plan(&mut self, plan: RecordPlan) {
        let mut index: Vec<NodeIndex> = Vec::with_capacity(plan.actors.len());
        for a in &plan.actors {
            let id = plan.name(a.id);
            let n = match self.nodes.get(id) {
                Some(&n) => n,
                None => {
                    let n = self.graph.add_node(Node {
                        id: id.to_owned(),
                        kind: a.kind,
                        mentions: 0,
                        documents: 0,
                        aliases: BTreeSet::new(),
                    });
                    self.nodes.insert(id.to_owned(), n);
                    n
                }
            };
            let node = &mut self.graph[n];
            node.mentions += a.mentions;
            node.documents += 1;
            let (first, end) = a.aliases;
            for &range in &plan.aliases[first as usize..end as usize] {
                let alias = plan.name(range);
                // Most names are already known: copied only when new.
                if !node.aliases.contains(alias) {
                    node.aliases.insert(alias.to_owned());
                }
            }
            index.push(n);
        }
        let cap = self.options.max_evidence;
        for l in &plan.links {
            let (a, b) = (index[l.a as usize], index[l.b as usize]);
            let graph = &mut self.graph;
            let e = *self.edges.entry((a, b, l.kind)).or_insert_with(|| {
                graph.add_edge(
                    a,
                    b,
                    Edge {
                        kind: l.kind,
                        weight: 0,
                        evidence: Vec::new(),
                    },
                )
            });
            let edge = &mut self.graph[e];
            edge.weight += l.weight;
            if edge.evidence.is_empty() {
                // A new link: room for this document's spans at once.
                edge.evidence
                    .reserve_exact(l.spans.as_slice().len().min(cap));
            }
            for &(start, end) in l.spans.as_slice() {
                keep_evidence(&mut edge.evidence, cap, &plan.doc, start, end);
            }
        }
    }

    /// Nodes in id order (equal ids, which a graph changed by hand may
    /// hold, in index order).
    pub fn sorted_nodes(&self) -> Vec<NodeIndex> {
        // Sorted by the ids' first eight bytes as one integer, the whole ids
        // compared only where those tie: what comparing ids gives, as a
        // shorter id pads with zero bytes below any longer one it opens.
        let id = |n: NodeIndex| self.graph[n].id.as_bytes();
        let mut v: Vec<(u64, NodeIndex)> = self
            .graph
            .node_indices()
            .map(|n| {
                let mut head = [0u8; 8];
                let b = id(n);
                let k = b.len().min(8);
                head[..k].copy_from_slice(&b[..k]);
                (u64::from_be_bytes(head), n)
            })
            .collect();
        v.sort_unstable_by(|x, y| {
            x.0.cmp(&y.0)
                .then_with(|| id(x.1).cmp(id(y.1)))
                .then_with(|| x.1.cmp(&y.1))
        });
        v.into_iter().map(|(_, n)| n).collect()
    }

    /// Edges in (kind, source id, target id) order.
    pub fn sorted_edges(&self) -> Vec<EdgeIndex> {
        self.sorted_edges_after(&self.sorted_nodes())
    }

    /// Nodes in id order, and edges in (kind, source id, target id) order.
    pub fn sorted(&self) -> (Vec<NodeIndex>, Vec<EdgeIndex>) {
        let nodes = self.sorted_nodes();
        let edges = self.sorted_edges_after(&nodes);
        (nodes, edges)
    }

    /// Edges in (kind, source id, target id) order, given the nodes in id
    /// order: ids are compared by their rank, so the sort compares
    /// integers, not strings (equal ids get equal ranks).
    fn sorted_edges_after(&self, nodes: &[NodeIndex]) -> Vec<EdgeIndex> {
        let bound = petgraph::visit::NodeIndexable::node_bound(&self.graph);
        // Ranks, edges and buckets fit in 32 bits (checked).
        assert!(
            nodes.len() < 1 << 30 && self.graph.edge_count() < 1 << 31,
            "too many nodes or edges to rank"
        );
        let mut rank = vec![0u32; bound];
        let mut r = 0u32;
        for (i, &n) in nodes.iter().enumerate() {
            if i > 0 && self.graph[n].id != self.graph[nodes[i - 1]].id {
                r += 1;
            }
            rank[n.index()] = r;
        }
        // Edges counted into one bucket per (kind, source rank), in index
        // order, then each bucket sorted by (target rank, index): what a
        // stable sort by (kind, source id, target id) gives.
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        let sources = r as usize + 1;
        let mut at = vec![0u32; 2 * sources + 1];
        let keys: Vec<(u32, u32)> = edges
            .iter()
            .map(|&e| {
                let (a, b) = self.graph.edge_endpoints(e).expect("edge");
                let kind = match self.graph[e].kind {
                    EdgeKind::Cooccurrence => 0,
                    EdgeKind::Attribution => sources,
                };
                let bucket = kind + rank[a.index()] as usize;
                at[bucket + 1] += 1;
                (bucket as u32, rank[b.index()])
            })
            .collect();
        for k in 1..at.len() {
            at[k] += at[k - 1];
        }
        let mut v: Vec<(u32, u32)> = vec![(0, 0); edges.len()];
        let mut next = at.clone();
        for (i, &(bucket, target)) in keys.iter().enumerate() {
            let slot = &mut next[bucket as usize];
            v[*slot as usize] = (target, i as u32);
            *slot += 1;
        }
        for w in at.windows(2) {
            let run = &mut v[w[0] as usize..w[1] as usize];
            if run.len() > 1 {
                run.sort_unstable();
            }
        }
        v.into_iter().map(|(_, i)| edges[i as usize]).collect()
    }

    /// A copy keeping only edges of weight `min_weight` or more, and the
    /// nodes they touch (all nodes when `min_weight` is 1 or less).
    pub fn filtered(&self, min_weight: u64) -> ActorGraph {
        if min_weight <= 1 {
            return self.clone();
        }
        let mut g = self.clone();
        let weak: Vec<EdgeIndex> = g
            .graph
            .edge_indices()
            .filter(|&e| g.graph[e].weight < min_weight)
            .collect();
        for e in weak {
            g.graph.remove_edge(e);
        }
        let lonely: Vec<NodeIndex> = g
            .graph
            .node_indices()
            .filter(|&n| g.graph.neighbors_undirected(n).next().is_none())
            .collect();
        for n in lonely {
            g.graph.remove_node(n);
        }
        g.reindex();
        g
    }

    /// Add another graph into this one: node counts summed and aliases
    /// joined, link weights summed, evidence joined and capped (the
    /// smallest `max_evidence` spans of this graph's options kept).
    ///
    /// For graphs of disjoint documents, merging is associative and gives
    /// the graph built from all their documents in the same order (a node's
    /// kind is the one it had first).
    pub fn merge(&mut self, other: &ActorGraph) {
        let mut map: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        for n in other.sorted_nodes() {
            map.insert(n, self.insert_node(other.graph[n].clone()));
        }
        for e in other.sorted_edges() {
            let (a, b) = other.graph.edge_endpoints(e).expect("edge");
            let edge = &other.graph[e];
            self.add_edge(map[&a], map[&b], edge.kind, edge.weight, &edge.evidence);
        }
    }

    /// A copy keeping the nodes `keep_node` accepts and the links between
    /// them that `keep_edge` accepts.
    pub fn subgraph(
        &self,
        keep_node: impl Fn(NodeIndex) -> bool,
        keep_edge: impl Fn(EdgeIndex) -> bool,
    ) -> ActorGraph {
        let mut g = self.clone();
        let gone: Vec<NodeIndex> = g.graph.node_indices().filter(|&n| !keep_node(n)).collect();
        for n in gone {
            g.graph.remove_node(n);
        }
        let gone: Vec<EdgeIndex> = g.graph.edge_indices().filter(|&e| !keep_edge(e)).collect();
        for e in gone {
            g.graph.remove_edge(e);
        }
        g.reindex();
        g
    }

    /// Actors linked to `n` by any link, in either direction, in id order.
    pub fn neighbours(&self, n: NodeIndex) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.neighbors_undirected(n).collect();
        v.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
        v.dedup();
        v
    }

    fn reindex(&mut self) {
        self.nodes = self
            .graph
            .node_indices()
            .map(|n| (self.graph[n].id.clone(), n))
            .collect();
        self.edges = self
            .graph
            .edge_indices()
            .map(|e| {
                let (a, b) = self.graph.edge_endpoints(e).expect("edge");
                ((a, b, self.graph[e].kind), e)
            })
            .collect();
    }
}

/// Keep the evidence `(doc, start, end)` in `list` if it is among the `cap`
/// smallest: `list` stays sorted, without duplicates, at most `cap` long,
/// and the document name is copied only when the span is kept.
fn keep_evidence(list: &mut Vec<Evidence>, cap: usize, doc: &str, start: usize, end: usize) {
    let new = (doc, start, end);
    fn key(e: &Evidence) -> (&str, usize, usize) {
        (e.doc.as_str(), e.start, e.end)
    }
    if list.len() >= cap && list.last().is_none_or(|last| key(last) <= new) {
        return;
    }
    if let Err(at) = list.binary_search_by(|e| key(e).cmp(&new)) {
        list.insert(
            at,
            Evidence {
                doc: doc.to_owned(),
                start,
                end,
            },
        );
        list.truncate(cap);
    }
}

/// Keep the span `new` in `list` if it is among the `cap` smallest, like
/// [`keep_evidence`] for spans of one document.
fn keep_span(list: &mut Vec<(usize, usize)>, cap: usize, new: (usize, usize)) {
    if list.len() >= cap && list.last().is_none_or(|&last| last <= new) {
        return;
    }
    if let Err(at) = list.binary_search(&new) {
        list.insert(at, new);
        list.truncate(cap);
    }
}

/// The evidence spans of a link in one document, kept like
/// [`keep_span`] does; a link seen once (the usual case) needs no
/// allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SpanList {
    Empty,
    One((usize, usize)),
    Many(Vec<(usize, usize)>),
}

impl SpanList {
    fn keep(&mut self, cap: usize, new: (usize, usize)) {
        match self {
            SpanList::Empty => {
                if cap > 0 {
                    *self = SpanList::One(new);
                }
            }
            SpanList::One(first) => {
                if *first != new {
                    let mut v = vec![*first];
                    keep_span(&mut v, cap, new);
                    *self = SpanList::Many(v);
                }
            }
            SpanList::Many(v) => keep_span(v, cap, new),
        }
    }

    fn as_slice(&self) -> &[(usize, usize)] {
        match self {
            SpanList::Empty => &[],
            SpanList::One(one) => std::slice::from_ref(one),
            SpanList::Many(v) => v,
        }
    }
}

/// One document's contribution to a graph (its actors, and its links with
/// their weights and evidence), worked out from its record alone. Workers
/// make these in parallel; [`ActorGraph::add_plan`] then only looks up
/// nodes and edges and adds counts, so the one thread growing the graph
/// does little per document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordPlan {
    doc: String,
    /// Every actor id and name of the plan, end to end (one allocation
    /// per document, not one per name); [`PlanActor`] and `aliases` hold
    /// ranges into it.
    names: String,
    /// Distinct actors (by id) in order of first mention.
    actors: Vec<PlanActor>,
    /// The names of all actors, as ranges into `names`: each actor's
    /// names together, once each, sorted.
    aliases: Vec<(u32, u32)>,
    /// Distinct links in order of first sighting.
    links: Vec<PlanLink>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct PlanActor {
    /// Its id: a range of [`RecordPlan::names`].
    id: (u32, u32),
    /// The kind of its first mention.
    kind: ActorKind,
    mentions: u64,
    /// Names it goes by here: a range of [`RecordPlan::aliases`].
    aliases: (u32, u32),
}

impl RecordPlan {
    /// The text of a range of [`RecordPlan::names`].
    fn name(&self, (start, end): (u32, u32)) -> &str {
        &self.names[start as usize..end as usize]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct PlanLink {
    /// Actors (indices into `actors`); co-occurrence links run from the
    /// smaller id to the larger.
    a: u32,
    b: u32,
    kind: EdgeKind,
    weight: u64,
    /// The smallest evidence spans, sorted, at most the evidence cap.
    spans: SpanList,
}

/// An actor as a mention or attribution names it: its id, and its index
/// in the caller's list of the document's actors when there is one (the
/// id is then looked up once per actor, not once per mention).
#[derive(Clone, Copy)]
struct ActorRef<'a> {
    id: &'a str,
    source: Option<usize>,
}

impl<'a> ActorRef<'a> {
    fn id(id: &'a str) -> ActorRef<'a> {
        ActorRef { id, source: None }
    }
}

/// What a plan needs of one mention.
struct MentionView<'a> {
    actor: ActorRef<'a>,
    kind: ActorKind,
    via: Via,
    text: &'a str,
    sentence: usize,
    paragraph: usize,
}

impl RecordPlan {
    /// The contribution of `rec` to a graph built with `options`.
    pub fn new(rec: &DocRecord, options: &GraphOptions) -> RecordPlan {
        let mentions = rec.mentions.iter().map(|m| MentionView {
            actor: ActorRef::id(&m.actor),
            kind: m.kind,
            via: m.via,
            text: &m.text,
            sentence: m.sentence,
            paragraph: m.paragraph,
        });
        let attributions = rec.attributions.iter().filter_map(|at| {
            let sp = at.speaker.as_ref()?;
            let speaker = sp.actor.as_deref()?;
            let mut span = (sp.start, sp.end);
            for p in at.cue.as_slice().iter().chain(at.content.as_slice()) {
                span = (span.0.min(p.start), span.1.max(p.end));
            }
            Some((
                ActorRef::id(speaker),
                span,
                at.about.iter().map(|x| ActorRef::id(x)),
            ))
        });
        let sentence = |i: usize| {
            rec.sentences
                .get(i)
                .map(|s| ((s.start, s.end), s.paragraph))
        };
        let sizes = (rec.mentions.len(), rec.mentions.len());
        let no_sources = |_: usize| std::iter::empty();
        RecordPlan::build(
            &rec.doc,
            sizes,
            (mentions, attributions),
            (sentence, no_sources),
            options,
        )
    }

    /// The same plan as [`RecordPlan::new`] of the document's record
    /// (`DocRecord::new(doc, analysis)`), made straight from the analysis,
    /// without copying out every mention's text and actor id.
    pub fn from_analysis(
        doc: &crate::ingest::Document,
        a: &crate::pipeline::Analysis,
        options: &GraphOptions,
    ) -> RecordPlan {
        let seg = &a.segmentation;
        let actors = &a.resolution.actors;
        // The paragraph only when the window is one.
        let paragraphs = options.window == Window::Paragraph;
        let para_of = |s: usize| seg.sentences.get(s).map_or(0, |x| x.paragraph);
        let actor = |x: usize| ActorRef {
            id: &actors[x].id,
            source: Some(x),
        };
        let mentions = a.mentions.iter().enumerate().filter_map(|(i, m)| {
            let x = a.resolution.of_mention.get(i).copied().flatten()?;
            Some(MentionView {
                actor: actor(x),
                kind: actors[x].kind,
                via: m.via,
                // Not read: the names come from the actors' aliases.
                text: "",
                sentence: m.sentence,
                paragraph: if paragraphs { para_of(m.sentence) } else { 0 },
            })
        });
        let attributions = a.attributions.iter().filter_map(|at| {
            let sp = at.speaker.as_ref()?;
            let speaker = actor(sp.actor?);
            let mut span = (sp.span.start, sp.span.end);
            for p in at.cue.iter().chain(&at.content) {
                span = (span.0.min(p.start), span.1.max(p.end));
            }
            Some((speaker, span, at.about.iter().map(move |&x| actor(x))))
        });
        // An actor's aliases are the texts of its mentions by name.
        let aliases = |x: usize| actors[x].aliases.iter().map(String::as_str);
        let sentence = |i: usize| {
            seg.sentences
                .get(i)
                .map(|s| ((s.span.start, s.span.end), s.paragraph))
        };
        let sizes = (a.resolution.actors.len(), a.mentions.len());
        RecordPlan::build(
            &doc.name,
            sizes,
            (mentions, attributions),
            (sentence, aliases),
            options,
        )
    }

    /// The plan of a document given (at most) how many actors and mentions
    /// it has (to size the tables), its mentions (in text order) and its
    /// attributions with a speaker (speaker, evidence span, actors spoken
    /// about), its sentences by index (span, paragraph), and the names of
    /// the caller's actors by index (mentions naming an actor by index
    /// give no names of their own).
    fn build<'a, M, A, T, N>(
        doc: &str,
        (actor_count, mention_count): (usize, usize),
        (mentions, attributions): (M, A),
        (sentence, names_of): (
            impl Fn(usize) -> Option<((usize, usize), usize)>,
            impl Fn(usize) -> N,
        ),
        options: &GraphOptions,
    ) -> RecordPlan
    where
        M: Iterator<Item = MentionView<'a>>,
        A: Iterator<Item = (ActorRef<'a>, (usize, usize), T)>,
        T: Iterator<Item = ActorRef<'a>>,
        N: Iterator<Item = &'a str>,
    {
        const UNSEEN: u32 = u32::MAX;
        // Actors by id, in order of first mention (a node's kind is that
        // of its first mention).
        let mut local: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher(actor_count, Default::default());
        let mut actors: Vec<BuildActor<'a>> = Vec::with_capacity(actor_count);
        // (plan actor, name) for every name an actor goes by here, repeats
        // and all: sorted and deduplicated at the end.
        let mut aliases: Vec<(u32, &'a str)> = Vec::with_capacity(actor_count);
        // The plan actor of each of the caller's actors, once looked up.
        let mut of_source: Vec<u32> = Vec::new();
        // (caller's actor, plan actor), in order of first mention.
        let mut sources: Vec<(usize, u32)> = Vec::new();
        // (window, actor) of each mention counted toward co-occurrence.
        let mut by_window: Vec<(usize, u32)> = Vec::with_capacity(mention_count);
        for m in mentions {
            let known = m
                .actor
                .source
                .and_then(|x| of_source.get(x).copied())
                .filter(|&a| a != UNSEEN);
            let a = match known {
                Some(a) => a,
                None => {
                    let a = *local.entry(m.actor.id).or_insert_with(|| {
                        actors.push(BuildActor {
                            id: m.actor.id,
                            kind: m.kind,
                            mentions: 0,
                        });
                        (actors.len() - 1) as u32
                    });
                    if let Some(x) = m.actor.source {
                        if of_source.len() <= x {
                            of_source.resize(x + 1, UNSEEN);
                        }
                        of_source[x] = a;
                        sources.push((x, a));
                    }
                    a
                }
            };
            actors[a as usize].mentions += 1;
            if m.actor.source.is_none() && m.via == Via::Name {
                aliases.push((a, m.text));
            }
            if !options.names_only || m.via == Via::Name {
                let w = match options.window {
                    Window::Sentence => m.sentence,
                    Window::Paragraph => m.paragraph,
                };
                by_window.push((w, a));
            }
        }
        for (x, a) in sources {
            aliases.extend(names_of(x).map(|n| (a, n)));
        }
        // Names in one order whichever way they came (they end up in a
        // node's sorted set).
        if !aliases.is_sorted() {
            aliases.sort_unstable();
        }
        aliases.dedup();
        let find = |r: ActorRef<'_>| {
            r.source
                .and_then(|x| of_source.get(x).copied())
                .filter(|&a| a != UNSEEN)
                .or_else(|| local.get(r.id).copied())
        };
        let cap = options.max_evidence;
        // Most windows name one or two actors: about as many links as
        // mentions.
        let mut links: Vec<PlanLink> = Vec::with_capacity(mention_count);
        let mut link_at: FxHashMap<(u32, u32, EdgeKind), usize> =
            FxHashMap::with_capacity_and_hasher(mention_count, Default::default());
        let mut add = |a: u32, b: u32, kind: EdgeKind, span: (usize, usize)| {
            let i = *link_at.entry((a, b, kind)).or_insert_with(|| {
                links.push(PlanLink {
                    a,
                    b,
                    kind,
                    weight: 0,
                    spans: SpanList::Empty,
                });
                links.len() - 1
            });
            let l = &mut links[i];
            l.weight += 1;
            l.spans.keep(cap, span);
        };
        // Co-occurrence per window, windows in index order, the actors of
        // each in order of first mention. Mentions come in text order, so
        // this is usually sorted already; the sort is stable, keeping
        // mention order within a window.
        if !by_window.is_sorted_by_key(|&(w, _)| w) {
            by_window.sort_by_key(|&(w, _)| w);
        }
        let paragraph_spans = match options.window {
            Window::Sentence => FxHashMap::default(),
            Window::Paragraph => {
                let mut spans: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
                let mut i = 0;
                while let Some(((start, end), p)) = sentence(i) {
                    let e = spans.entry(p).or_insert((start, end));
                    e.0 = e.0.min(start);
                    e.1 = e.1.max(end);
                    i += 1;
                }
                spans
            }
        };
        // The window each actor was last listed in (+1), to list it once.
        let mut listed: Vec<usize> = vec![0; actors.len()];
        let mut in_window: Vec<u32> = Vec::new();
        for (k, run) in by_window.chunk_by(|x, y| x.0 == y.0).enumerate() {
            let w = run[0].0;
            in_window.clear();
            for &(_, a) in run {
                if listed[a as usize] != k + 1 {
                    listed[a as usize] = k + 1;
                    in_window.push(a);
                }
            }
            let span = match options.window {
                Window::Sentence => sentence(w).map(|(span, _)| span),
                Window::Paragraph => paragraph_spans.get(&w).copied(),
            }
            .unwrap_or((0, 0));
            let reach = if in_window.len() > MAX_WINDOW_ACTORS {
                LIST_REACH
            } else {
                in_window.len()
            };
            for (i, &a) in in_window.iter().enumerate() {
                for &b in in_window[i + 1..].iter().take(reach) {
                    let (a, b) = if actors[a as usize].id > actors[b as usize].id {
                        (b, a)
                    } else {
                        (a, b)
                    };
                    add(a, b, EdgeKind::Cooccurrence, span);
                }
            }
        }
        // Attribution: speaker -> about.
        for (speaker, span, about) in attributions {
            let Some(s) = find(speaker) else {
                continue;
            };
            for target in about {
                if let Some(t) = find(target) {
                    if t != s {
                        add(s, t, EdgeKind::Attribution, span);
                    }
                }
            }
        }
        // Ids and names copied once, into one string.
        let size = actors.iter().map(|a| a.id.len()).sum::<usize>()
            + aliases.iter().map(|(_, n)| n.len()).sum::<usize>();
        let mut names = String::with_capacity(size);
        let mut put = |s: &str| {
            let start = names.len() as u32;
            names.push_str(s);
            (start, names.len() as u32)
        };
        let mut alias_ranges = Vec::with_capacity(aliases.len());
        let mut next = aliases.iter().peekable();
        let actors = actors
            .iter()
            .enumerate()
            .map(|(i, ba)| {
                let id = put(ba.id);
                let first = alias_ranges.len() as u32;
                while let Some(&(_, n)) = next.next_if(|(a, _)| *a as usize == i) {
                    alias_ranges.push(put(n));
                }
                PlanActor {
                    id,
                    kind: ba.kind,
                    mentions: ba.mentions,
                    aliases: (first, alias_ranges.len() as u32),
                }
            })
            .collect();
        RecordPlan {
            doc: doc.to_owned(),
            names,
            actors,
            aliases: alias_ranges,
            links,
        }
    }
}

/// An actor of a plan being built: its id borrowed from the caller.
struct BuildActor<'a> {
    id: &'a str,
    kind: ActorKind,
    mentions: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;
    use crate::pipeline::Extractor;

    fn graph(texts: &[(&str, &str)], options: GraphOptions) -> ActorGraph {
        let ex = Extractor::new();
        let mut g = ActorGraph::new(options);
        for (name, t) in texts {
            g.add_record(&ex.extract(&Document::from_text(*name, *t)));
        }
        g
    }

    fn edge(g: &ActorGraph, a: &str, b: &str, kind: EdgeKind) -> Option<Edge> {
        let (a, b) = (g.node(a)?, g.node(b)?);
        g.graph
            .edges_connecting(a, b)
            .chain(g.graph.edges_connecting(b, a))
            .find(|e| e.weight().kind == kind)
            .map(|e| e.weight().clone())
    }

    #[test]
    fn cooccurrence_and_attribution() {
        let t = "Ines Varga met Paulo Brandt in Lisbon. Varga said Brandt was tired. Brandt left.";
        let g = graph(&[("a.txt", t)], GraphOptions::default());
        let co = edge(&g, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).unwrap();
        assert_eq!(co.weight, 2);
        assert_eq!(co.evidence.len(), 2);
        let ev = &co.evidence[0];
        assert_eq!(
            &t[ev.start..ev.end],
            "Ines Varga met Paulo Brandt in Lisbon."
        );
        let at = edge(&g, "Ines Varga", "Paulo Brandt", EdgeKind::Attribution).unwrap();
        assert_eq!(at.weight, 1);
        assert_eq!(g.graph[g.node("Paulo Brandt").unwrap()].mentions, 3);
    }

    /// The plan made straight from an analysis is the plan of the
    /// document's record, for every window and option, and adding plans
    /// gives what adding records gives.
    #[test]
    fn plan_from_analysis_matches_plan_from_record() {
        let texts = [
            "Ines Varga met Paulo Brandt in Lisbon. Varga said Brandt was tired. Brandt left.",
            "Mara Quell spoke first.\n\nThen Tobin Quell arrived with Ines Varga. Quell said he was tired.",
            "\"We cannot wait,\" said Tavi Renn of the Copper Valley Council. Renn told Olek Sarno that she would go.",
            "",
        ];
        let ex = Extractor::new();
        for window in [Window::Sentence, Window::Paragraph] {
            for names_only in [false, true] {
                for max_evidence in [1, 5] {
                    let options = GraphOptions {
                        window,
                        max_evidence,
                        names_only,
                    };
                    let mut by_record = ActorGraph::new(options.clone());
                    let mut by_plan = ActorGraph::new(options.clone());
                    for (i, t) in texts.iter().enumerate() {
                        let doc = Document::from_text(format!("d{i}.txt"), *t);
                        let a = ex.analyze(&doc);
                        let rec = DocRecord::new(&doc, &a);
                        let plan = RecordPlan::from_analysis(&doc, &a, &options);
                        assert_eq!(plan, RecordPlan::new(&rec, &options), "{t:?}");
                        by_record.add_record(&rec);
                        by_plan.add_plan(plan);
                    }
                    assert_eq!(contents(&by_plan), contents(&by_record));
                    assert!(by_plan.edge_count() > 0);
                }
            }
        }
    }

    #[test]
    fn same_name_across_documents_is_one_node() {
        let g = graph(
            &[
                ("a.txt", "Ines Varga spoke."),
                ("b.txt", "Ines Varga wrote again."),
            ],
            GraphOptions::default(),
        );
        assert_eq!(g.node_count(), 1);
        assert_eq!(g.graph[g.node("Ines Varga").unwrap()].documents, 2);
    }

    #[test]
    fn paragraph_window_and_evidence_cap() {
        let t = "Ines Varga arrived. Paulo Brandt waited.\n\nNothing else.";
        let s = graph(&[("a.txt", t)], GraphOptions::default());
        assert!(edge(&s, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).is_none());
        let p = graph(
            &[("a.txt", t)],
            GraphOptions {
                window: Window::Paragraph,
                ..GraphOptions::default()
            },
        );
        assert!(edge(&p, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).is_some());
        let many = "Ines Varga met Paulo Brandt. ".repeat(9);
        let c = graph(
            &[("a.txt", &many)],
            GraphOptions {
                max_evidence: 3,
                ..GraphOptions::default()
            },
        );
        let e = edge(&c, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).unwrap();
        assert_eq!((e.weight, e.evidence.len()), (9, 3));
    }

    proptest::proptest! {
        /// A span list keeps what a plain list kept by `keep_span` keeps.
        #[test]
        fn span_list_matches_keep_span(
            spans in proptest::collection::vec((0usize..6, 0usize..3), 0..20),
            cap in 0usize..4,
        ) {
            let mut list = SpanList::Empty;
            let mut plain = Vec::new();
            for &(s, l) in &spans {
                list.keep(cap, (s, s + l));
                keep_span(&mut plain, cap, (s, s + l));
            }
            proptest::prop_assert_eq!(list.as_slice(), &plain[..]);
        }
    }

    proptest::proptest! {
        /// Keeping evidence one span at a time gives what sorting all of it,
        /// dropping repeats and cutting at the cap gives.
        #[test]
        fn evidence_cap_matches_sort_and_truncate(
            spans in proptest::collection::vec((0u8..3, 0usize..6, 0usize..3), 0..30),
            cap in 0usize..5,
        ) {
            let all: Vec<Evidence> = spans
                .iter()
                .map(|&(d, s, l)| Evidence { doc: format!("d{d}.txt"), start: s, end: s + l })
                .collect();
            let mut kept = Vec::new();
            for e in &all {
                keep_evidence(&mut kept, cap, &e.doc, e.start, e.end);
            }
            let mut want = all.clone();
            want.sort();
            want.dedup();
            want.truncate(cap);
            proptest::prop_assert_eq!(kept, want);
        }
    }

    /// Nodes and edges come in the order plain stable sorts by id and by
    /// (kind, source id, target id) give, ids sharing long openings,
    /// repeated ids and parallel edges included.
    #[test]
    fn sorted_orders_match_plain_sorts() {
        let ids = [
            "Ines Varga-Okafor",
            "Ines Varga",
            "Ines Var",
            "Ines",
            "",
            "Ines\0",
            "Ines Varga",
            "Ábel Renn",
            "Tavi Renn",
            "Ines Varga Okafor",
        ];
        let mut g = ActorGraph::new(GraphOptions::default());
        // By hand, so that an id may repeat.
        let ns: Vec<NodeIndex> = ids
            .iter()
            .map(|id| {
                g.graph.add_node(Node {
                    id: (*id).to_owned(),
                    kind: ActorKind::Person,
                    mentions: 1,
                    documents: 1,
                    aliases: BTreeSet::new(),
                })
            })
            .collect();
        for k in 0..60usize {
            let (a, b) = (ns[(k * 7) % ns.len()], ns[(k * 3 + k / 5) % ns.len()]);
            let kind = if k % 3 == 0 {
                EdgeKind::Attribution
            } else {
                EdgeKind::Cooccurrence
            };
            g.graph.add_edge(
                a,
                b,
                Edge {
                    kind,
                    weight: k as u64,
                    evidence: vec![],
                },
            );
        }
        let id = |n: NodeIndex| g.graph[n].id.as_str();
        let mut want: Vec<NodeIndex> = g.graph.node_indices().collect();
        want.sort_by(|a, b| id(*a).cmp(id(*b)));
        assert_eq!(g.sorted_nodes(), want);
        let mut want: Vec<EdgeIndex> = g.graph.edge_indices().collect();
        want.sort_by_key(|&e| {
            let (a, b) = g.graph.edge_endpoints(e).unwrap();
            (g.graph[e].kind, id(a), id(b))
        });
        assert_eq!(g.sorted_edges(), want);
    }

    /// Graph contents, independent of node and edge indices.
    fn contents(g: &ActorGraph) -> (Vec<Node>, Vec<(String, String, Edge)>) {
        let nodes = g
            .sorted_nodes()
            .into_iter()
            .map(|n| g.graph[n].clone())
            .collect();
        let edges = g
            .sorted_edges()
            .into_iter()
            .map(|e| {
                let (a, b) = g.graph.edge_endpoints(e).unwrap();
                (
                    g.graph[a].id.clone(),
                    g.graph[b].id.clone(),
                    g.graph[e].clone(),
                )
            })
            .collect();
        (nodes, edges)
    }

    const NAMES: [&str; 5] = [
        "Ines Varga",
        "Tavi Renn",
        "Olek Sarno",
        "Mira Quell",
        "Bruno Attal",
    ];

    fn sentence(kind: u8, a: usize, b: usize) -> String {
        let (a, b) = (NAMES[a], NAMES[b]);
        match kind % 3 {
            0 => format!("{a} met {b} at the harbour."),
            1 => format!("{a} said that {b} would resign soon."),
            _ => format!("{a} waited alone."),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        #[test]
        fn merging_is_associative_and_equals_one_build(
            docs in proptest::collection::vec(proptest::collection::vec((0u8..3, 0usize..5, 0usize..5), 1..4), 1..6),
            cut1 in 0usize..6,
            cut2 in 0usize..6,
            cap in 1usize..4,
        ) {
            let ex = Extractor::new();
            let records: Vec<DocRecord> = docs
                .iter()
                .enumerate()
                .map(|(i, sents)| {
                    let text: Vec<String> = sents.iter().map(|&(k, a, b)| sentence(k, a, b)).collect();
                    ex.extract(&Document::from_text(format!("d{i}.txt"), text.join(" ")))
                })
                .collect();
            let options = GraphOptions { max_evidence: cap, ..GraphOptions::default() };
            let build = |recs: &[DocRecord]| {
                let mut g = ActorGraph::new(options.clone());
                for r in recs {
                    g.add_record(r);
                }
                g
            };
            let (lo, hi) = (cut1.min(cut2).min(records.len()), cut1.max(cut2).min(records.len()));
            let whole = build(&records);
            let (a, b, c) = (build(&records[..lo]), build(&records[lo..hi]), build(&records[hi..]));
            let mut left = a.clone();
            left.merge(&b);
            left.merge(&c);
            let mut bc = b.clone();
            bc.merge(&c);
            let mut right = a.clone();
            right.merge(&bc);
            proptest::prop_assert_eq!(contents(&left), contents(&whole));
            proptest::prop_assert_eq!(contents(&right), contents(&whole));
        }
    }

    #[test]
    fn subgraph_keeps_chosen_nodes_and_links() {
        let t = "Ines Varga met Tavi Renn. Tavi Renn met Olek Sarno. Olek Sarno said Ines Varga was right.";
        let g = graph(&[("a.txt", t)], GraphOptions::default());
        let olek = g.node("Olek Sarno").unwrap();
        let s = g.subgraph(|n| n != olek, |_| true);
        assert_eq!(s.node_count(), 2);
        assert_eq!(s.edge_count(), 1);
        assert!(s.node("Olek Sarno").is_none());
        let co = g.subgraph(|_| true, |e| g.graph[e].kind == EdgeKind::Cooccurrence);
        assert_eq!(co.edge_count(), g.edge_count() - 1);
        let ines = g.node("Ines Varga").unwrap();
        let ids: Vec<&str> = g
            .neighbours(ines)
            .into_iter()
            .map(|n| g.graph[n].id.as_str())
            .collect();
        assert_eq!(ids, ["Olek Sarno", "Tavi Renn"]);
    }

    #[test]
    fn oversized_windows_are_lists_with_linear_links() {
        use crate::pipeline::{MentionRecord, SentenceRecord};
        let names: Vec<String> = (0..100).map(|i| format!("Actor {i:03}")).collect();
        let mentions = names
            .iter()
            .enumerate()
            .map(|(i, n)| MentionRecord {
                start: i * 10,
                end: i * 10 + 9,
                text: n.clone(),
                actor: n.clone(),
                kind: ActorKind::Person,
                via: Via::Name,
                sentence: 0,
                paragraph: 0,
            })
            .collect();
        let rec = DocRecord {
            doc: "list.txt".into(),
            encoding: crate::ingest::Encoding::Utf8,
            format: crate::ingest::Format::Text,
            mentions,
            attributions: vec![],
            sentences: vec![SentenceRecord {
                start: 0,
                end: 1000,
                paragraph: 0,
            }],
        };
        let mut g = ActorGraph::new(GraphOptions::default());
        g.add_record(&rec);
        // Each actor links to the next LIST_REACH (fewer near the end).
        let want: usize = (0..100).map(|i| LIST_REACH.min(99 - i)).sum();
        assert_eq!(g.edge_count(), want);
        assert!(edge(&g, "Actor 000", "Actor 010", EdgeKind::Cooccurrence).is_some());
        assert!(edge(&g, "Actor 000", "Actor 011", EdgeKind::Cooccurrence).is_none());
        // A window at the limit still links every pair.
        let small = DocRecord {
            mentions: rec.mentions[..MAX_WINDOW_ACTORS].to_vec(),
            ..rec.clone()
        };
        let mut g = ActorGraph::new(GraphOptions::default());
        g.add_record(&small);
        assert_eq!(
            g.edge_count(),
            MAX_WINDOW_ACTORS * (MAX_WINDOW_ACTORS - 1) / 2
        );
    }
}
