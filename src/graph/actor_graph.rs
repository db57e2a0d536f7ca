//! The [`ActorGraph`] itself: its nodes and edges, looked up by id, and
//! adding to it (a node, a link, a document's [`RecordPlan`]).

use super::evidence::{keep_evidence, keep_span_of};
use super::{Edge, EdgeKind, Evidence, GraphOptions, HeldDocs, Node, RecordPlan, Trim};
use crate::mentions::ActorKind;
use crate::pipeline::DocRecord;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use std::collections::BTreeSet;

/// The graph of a corpus.
#[derive(Clone, Debug, Default)]
pub struct ActorGraph {
    /// The petgraph graph.
    pub graph: StableDiGraph<Node, Edge>,
    /// Fx-hashed like `edges`; only looked up, never iterated.
    pub(super) nodes: rustc_hash::FxHashMap<String, NodeIndex>,
    /// Fx-hashed: the default SipHash costs more than the rest of an edge lookup.
    pub(super) edges: rustc_hash::FxHashMap<(NodeIndex, NodeIndex, EdgeKind), EdgeIndex>,
    pub(super) options: GraphOptions,
    /// The paths the graph was built from, as given to `build`: evidence
    /// is read back only under them (or directories the user names).
    pub(super) roots: BTreeSet<String>,
    /// The documents it holds (and their copies), by id hash.
    pub(super) held: HeldDocs,
    /// The trimming that removed part of it, if any.
    pub(super) trimmed: Option<Trim>,
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

    /// Change the build options (those of a saved graph read back, once
    /// checked to agree with a run's).
    pub fn set_options(&mut self, options: GraphOptions) {
        self.options = options;
    }

    /// The paths (files and directories, as given) the graph's documents
    /// were read from; evidence is read back only under them.
    pub fn roots(&self) -> &BTreeSet<String> {
        &self.roots
    }

    /// The documents the graph holds (their ids, and those of the copies
    /// counted with them).
    pub fn held(&self) -> &HeldDocs {
        &self.held
    }

    /// Hold the documents of `held` too (reading a saved graph back).
    pub fn hold(&mut self, held: &HeldDocs) {
        self.held.extend(held);
    }

    /// The trimming that removed part of the graph, if any: a trimmed
    /// graph is not grown.
    pub fn trimmed(&self) -> Option<&Trim> {
        self.trimmed.as_ref()
    }

    /// Record that trimming removed part of the graph.
    pub fn set_trimmed(&mut self, trim: Option<Trim>) {
        self.trimmed = trim;
    }

    /// True when some node or link carries a date.
    pub fn is_dated(&self) -> bool {
        self.graph.node_weights().any(|n| n.seen.is_dated())
    }

    /// Record a path the graph's documents are read from (`-`, standard
    /// input, is no path and is not recorded).
    pub fn add_root(&mut self, path: &str) {
        if path != "-" && !self.roots.contains(path) {
            self.roots.insert(path.to_owned());
        }
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

    /// Actors linked to `n` by any link, in either direction, in id order.
    pub fn neighbours(&self, n: NodeIndex) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.neighbors_undirected(n).collect();
        v.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
        v.dedup();
        v
    }

    fn node_or_insert(&mut self, id: &str, kind: ActorKind) -> NodeIndex {
        if let Some(&n) = self.nodes.get(id) {
            return n;
        }
        let n = self.graph.add_node(Node::new(id, kind));
        self.nodes.insert(id.to_owned(), n);
        n
    }

    /// Add a node as it is (mention and document counts added to those of
    /// an existing node with the same id, saturating at `u64::MAX`, its
    /// kind the one with the most mentions; aliases, joined names,
    /// outlets, dates and period counts joined).
    pub fn insert_node(&mut self, node: Node) -> NodeIndex {
        let n = self.node_or_insert(&node.id, node.kind);
        let have = &mut self.graph[n];
        for (kind, m) in node.kind_counts() {
            have.add_mentions(kind, m);
        }
        have.documents = have.documents.saturating_add(node.documents);
        have.aliases.extend(node.aliases);
        have.join_names(node.joined);
        have.seen.merge(&node.seen);
        n
    }

    /// Add a link as it is to the link of its kind between `a` and `b`
    /// (weight, documents, cues, classes and confidence summed, evidence joined and
    /// capped, outlets, dates and period counts joined).
    pub fn add_edge_from(&mut self, a: NodeIndex, b: NodeIndex, edge: &Edge) -> EdgeIndex {
        let e = self.add_edge(a, b, edge.kind, edge.weight, &edge.evidence);
        let have = &mut self.graph[e];
        have.documents = have.documents.saturating_add(edge.documents);
        have.add_counts(&edge.cues, &edge.classes);
        have.confidence.merge(&edge.confidence);
        have.seen.merge(&edge.seen);
        e
    }

    /// Add a link (weight, saturating at `u64::MAX`, and evidence added to
    /// an existing one).
    pub fn add_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: EdgeKind,
        weight: u64,
        evidence: &[Evidence],
    ) -> EdgeIndex {
        let e = self.edge_or_insert(a, b, kind);
        let cap = self.options.max_evidence;
        let edge = &mut self.graph[e];
        edge.weight = edge.weight.saturating_add(weight);
        for ev in evidence {
            keep_evidence(&mut edge.evidence, cap, ev);
        }
        e
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
                let e = self.graph.add_edge(a, b, Edge::new(kind));
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
        let src = &plan.source;
        self.held.insert(&src.id);
        for c in &src.copies {
            self.held.insert(c);
        }
        for a in &plan.actors {
            let id = plan.name(a.id);
            let n = match self.nodes.get(id) {
                Some(&n) => n,
                None => {
                    let n = self.graph.add_node(Node::new(id, a.kind));
                    self.nodes.insert(id.to_owned(), n);
                    n
                }
            };
            let node = &mut self.graph[n];
            node.add_mentions(a.kind, a.mentions);
            node.documents = node.documents.saturating_add(1);
            node.seen.add_doc(src, a.mentions);
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
            let e = *self
                .edges
                .entry((a, b, l.kind))
                .or_insert_with(|| graph.add_edge(a, b, Edge::new(l.kind)));
            let edge = &mut self.graph[e];
            edge.weight = edge.weight.saturating_add(l.weight);
            edge.documents = edge.documents.saturating_add(1);
            edge.seen.add_doc(src, l.weight);
            for (lemma, class, n) in &l.cues {
                edge.count_cue(lemma.as_deref(), *class, *n);
            }
            edge.confidence.merge(&l.confidence);
            if edge.evidence.is_empty() {
                // A new link: room for this document's spans at once.
                edge.evidence
                    .reserve_exact(l.spans.as_slice().len().min(cap));
            }
            for &(start, end) in l.spans.as_slice() {
                keep_span_of(&mut edge.evidence, cap, src, start, end);
            }
        }
    }
}
