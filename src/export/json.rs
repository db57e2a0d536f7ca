//! JSON: `{"nodes": [{"id", "kind", "mentions", "documents", "aliases"}],
//! "edges": [{"source", "target", "kind", "weight", "evidence": [{"doc",
//! "start", "end"}]}]}`, and reading it back into a graph.

use crate::error::{Error, Result};
use crate::graph::{ActorGraph, EdgeKind, Evidence, GraphOptions, Node};
use petgraph::stable_graph::EdgeIndex;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::Path;

/// An edge in the JSON form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeJson {
    /// Source id (for co-occurrence, the smaller id).
    pub source: String,
    /// Target id.
    pub target: String,
    /// `cooccurrence` or `attribution`.
    pub kind: EdgeKind,
    /// Count.
    pub weight: u64,
    /// Where it was seen.
    pub evidence: Vec<Evidence>,
}

/// The whole graph in JSON form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphJson {
    /// Actors in id order.
    pub nodes: Vec<Node>,
    /// Links in (kind, source, target) order.
    pub edges: Vec<EdgeJson>,
}

/// The JSON form of one edge.
pub fn edge_json(g: &ActorGraph, e: EdgeIndex) -> EdgeJson {
    let (a, b) = g.graph.edge_endpoints(e).expect("edge");
    let edge = &g.graph[e];
    EdgeJson {
        source: g.graph[a].id.clone(),
        target: g.graph[b].id.clone(),
        kind: edge.kind,
        weight: edge.weight,
        evidence: edge.evidence.clone(),
    }
}

/// The JSON form of a graph.
pub fn to_json(g: &ActorGraph) -> GraphJson {
    let nodes = g
        .sorted_nodes()
        .into_iter()
        .map(|n| g.graph[n].clone())
        .collect();
    let edges = g
        .sorted_edges()
        .into_iter()
        .map(|e| edge_json(g, e))
        .collect();
    GraphJson { nodes, edges }
}

/// Write the graph as pretty JSON.
pub fn write(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_json(g))?;
    writeln!(out)
}

/// A graph from its JSON form.
pub fn from_json(j: &GraphJson, options: GraphOptions) -> std::result::Result<ActorGraph, String> {
    let mut g = ActorGraph::new(options);
    for n in &j.nodes {
        if g.node(&n.id).is_some() {
            return Err(format!("node {:?} appears twice", n.id));
        }
        g.insert_node(n.clone());
    }
    for e in &j.edges {
        let a = g
            .node(&e.source)
            .ok_or_else(|| format!("edge source {:?} is not a node", e.source))?;
        let b = g
            .node(&e.target)
            .ok_or_else(|| format!("edge target {:?} is not a node", e.target))?;
        g.add_edge(a, b, e.kind, e.weight, &e.evidence);
    }
    Ok(g)
}

/// Read a graph saved as JSON.
pub fn read(path: &Path, options: GraphOptions) -> Result<ActorGraph> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let j: GraphJson = serde_json::from_str(&text).map_err(|e| Error::Graph {
        path: path.into(),
        reason: e.to_string(),
    })?;
    from_json(&j, options).map_err(|reason| Error::Graph {
        path: path.into(),
        reason,
    })
}
