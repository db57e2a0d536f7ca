//! Graphs from graphs: merging two, keeping the heavier links, cutting a
//! subgraph.

use super::{ActorGraph, DateRange, Measure, SeenBox};

/// The first day of a `--since` bound (`2016` -> `2016-01-01`).
fn day_start(bound: &str) -> String {
    match bound.len() {
        4 => format!("{bound}-01-01"),
        7 => format!("{bound}-01"),
        _ => bound.to_owned(),
    }
}

/// The last day of an `--until` bound (`2016-02` -> `2016-02-29`).
fn day_end(bound: &str) -> String {
    match bound.len() {
        4 => format!("{bound}-12-31"),
        7 => super::Period::Month
            .range(bound)
            .map_or_else(|| bound.to_owned(), |(_, last)| last),
        _ => bound.to_owned(),
    }
}
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::collections::HashMap;

impl ActorGraph {
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
    /// joined, link weights and document counts summed (sums saturate at
    /// `u64::MAX` rather than wrap), outlets joined, first and last seen
    /// widened, period counts summed, evidence joined and capped (the
    /// smallest `max_evidence` spans by document id and span, with this
    /// graph's cap), roots and held documents joined. A node's kind is the
    /// one with the most mentions over both (ties: person).
    ///
    /// For graphs of disjoint documents built with the same options,
    /// merging is associative and commutative, and gives the graph built
    /// from all their documents, in any order. It does not check that the
    /// documents are disjoint: see [`HeldDocs::common`](super::HeldDocs::common).
    pub fn merge(&mut self, other: &ActorGraph) {
        for r in &other.roots {
            self.add_root(r);
        }
        self.held.extend(&other.held);
        if self.trimmed.is_none() {
            self.trimmed.clone_from(&other.trimmed);
        }
        let mut map: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        for n in other.sorted_nodes() {
            map.insert(n, self.insert_node(other.graph[n].clone()));
        }
        for e in other.sorted_edges() {
            let (a, b) = other.graph.edge_endpoints(e).expect("edge");
            self.add_edge_from(map[&a], map[&b], &other.graph[e]);
        }
    }

    /// A copy whose links' `weight` counts what `measure` counts (the
    /// mention count, distinct documents or distinct outlets), for the
    /// exports and rankings that read `weight`. Links of measure 0 (no
    /// outlet known) keep weight 0.
    pub fn reweighted(&self, measure: Measure) -> ActorGraph {
        let mut g = self.clone();
        for e in g.graph.edge_weights_mut() {
            e.weight = e.measure(measure);
        }
        g
    }

    /// A copy holding only what was seen within `range`: each node's and
    /// link's period counts cut to the periods that meet the range,
    /// mentions and weights recounted from them, evidence cut to the dated
    /// evidence within it, first and last seen narrowed to it, and links
    /// left with no weight dropped, then actors left with neither mentions
    /// nor links. Undated counts are dropped unless the range is open.
    /// Document and outlet counts stay those of the whole graph (they are
    /// not kept per period).
    pub fn within(&self, range: &DateRange) -> ActorGraph {
        if range.is_open() {
            return self.clone();
        }
        let period = self.options.period;
        let cut = |boxed: &mut SeenBox| -> u64 {
            let seen = boxed.get_mut();
            seen.periods.retain(|k, _| range.keeps_period(period, k));
            if let (Some(s), Some(f)) = (&range.since, &mut seen.first) {
                let start = day_start(s);
                if *f < start {
                    *f = start;
                }
            }
            if let (Some(u), Some(l)) = (&range.until, &mut seen.last) {
                let end = day_end(u);
                if *l > end {
                    *l = end;
                }
            }
            if seen.periods.is_empty() {
                seen.first = None;
                seen.last = None;
            }
            let sum = seen.periods.values().sum();
            boxed.tidy();
            sum
        };
        let mut g = self.clone();
        for e in g.graph.edge_weights_mut() {
            e.weight = cut(&mut e.seen);
            e.evidence.retain(|ev| range.keeps(ev.date()));
        }
        for n in g.graph.node_weights_mut() {
            n.mentions = cut(&mut n.seen);
        }
        let g = g.subgraph(|_| true, |e| g.graph[e].weight > 0);
        let keep: Vec<bool> = {
            let bound = petgraph::visit::NodeIndexable::node_bound(&g.graph);
            let mut keep = vec![false; bound];
            for n in g.graph.node_indices() {
                keep[n.index()] =
                    g.graph[n].mentions > 0 || g.graph.neighbors_undirected(n).next().is_some();
            }
            keep
        };
        g.subgraph(|n| keep[n.index()], |_| true)
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
