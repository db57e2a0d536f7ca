//! Counts per period: of the links between two actors
//! ([`pair_timeline`]), or of one actor's mentions and links
//! ([`actor_timeline`]), in the graph's periods, every period from the
//! first seen to the last listed (those without a sighting with zeros).

use super::links_between;
use crate::graph::{ActorGraph, EdgeKind};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeMap;

/// The most periods a timeline lists (a day-by-day timeline of a century
/// would be 36,500 rows).
pub const MAX_PERIODS: usize = 10_000;

/// One period of the links between two actors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PairPeriod {
    /// The period's key (`2016-03` for a month).
    pub period: String,
    /// Co-occurrences.
    pub cooccurrence: u64,
    /// Attributions from the first actor to the second.
    pub a_to_b: u64,
    /// Attributions from the second actor to the first.
    pub b_to_a: u64,
}

impl PairPeriod {
    /// All links of the period.
    pub fn total(&self) -> u64 {
        self.cooccurrence + self.a_to_b + self.b_to_a
    }
}

/// One period of an actor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ActorPeriod {
    /// The period's key.
    pub period: String,
    /// Its mentions.
    pub mentions: u64,
    /// The weight of its links (co-occurrence and attribution, both ways).
    pub links: u64,
    /// The actors it was linked to.
    pub linked: usize,
}

/// Every period from the first key of `seen` to its last.
fn span<T>(g: &ActorGraph, seen: &BTreeMap<String, T>) -> Vec<String> {
    match (seen.keys().next(), seen.keys().next_back()) {
        (Some(first), Some(last)) => g.options().period.keys_between(first, last, MAX_PERIODS),
        _ => Vec::new(),
    }
}

/// The links between `a` and `b` per period (empty when they were never
/// linked in a dated document).
pub fn pair_timeline(g: &ActorGraph, a: NodeIndex, b: NodeIndex) -> Vec<PairPeriod> {
    let mut by: BTreeMap<String, PairPeriod> = BTreeMap::new();
    for e in links_between(g, a, b) {
        let (source, _) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        for (k, &n) in &edge.seen.periods {
            let p = by.entry(k.clone()).or_default();
            match edge.kind {
                EdgeKind::Cooccurrence => p.cooccurrence += n,
                EdgeKind::Attribution if source == a => p.a_to_b += n,
                EdgeKind::Attribution => p.b_to_a += n,
            }
        }
    }
    span(g, &by)
        .into_iter()
        .map(|k| PairPeriod {
            period: k.clone(),
            ..by.get(&k).cloned().unwrap_or_default()
        })
        .collect()
}

/// An actor's mentions and links per period.
pub fn actor_timeline(g: &ActorGraph, n: NodeIndex) -> Vec<ActorPeriod> {
    let mut by: BTreeMap<String, (u64, u64, std::collections::BTreeSet<NodeIndex>)> =
        BTreeMap::new();
    for (k, &m) in &g.graph[n].seen.periods {
        by.entry(k.clone()).or_default().0 += m;
    }
    let edges = g
        .graph
        .edges_directed(n, petgraph::Direction::Outgoing)
        .chain(g.graph.edges_directed(n, petgraph::Direction::Incoming));
    for e in edges {
        let other = if e.source() == n {
            e.target()
        } else {
            e.source()
        };
        for (k, &w) in &e.weight().seen.periods {
            let p = by.entry(k.clone()).or_default();
            p.1 += w;
            p.2.insert(other);
        }
    }
    span(g, &by)
        .into_iter()
        .map(|k| {
            let (mentions, links, linked) = by.get(&k).cloned().unwrap_or_default();
            ActorPeriod {
                period: k,
                mentions,
                links,
                linked: linked.len(),
            }
        })
        .collect()
}
