//! JSON: `{"nodes": [{"id", "kind", "mentions", "documents", "aliases",
//! "joined"}],
//! "edges": [{"source", "target", "kind", "weight", "documents",
//! "evidence": [{"doc", "start", "end"}], "cues", "classes",
//! "confidence"}], "roots", "build", "held"}`,
//! and reading it back into a graph. A node's
//! `joined` (left out when empty) lists the names corpus-level identity
//! joined into it: `[{"name", "reason", "mentions", "documents"}]`. A graph
//! built from documents also has `"roots"`: the paths given to `build`,
//! under which its evidence may be read back (graphs saved before have
//! none).
//!
//! Support and time (each left out when empty, so a graph of plain files,
//! which have neither outlet nor date, has none of them):
//!
//! * nodes and edges: `"outlets"` (the distinct outlets, from the
//!   documents' `source` and those of the copies counted with them),
//!   `"first"` and `"last"` (the days, `YYYY-MM-DD`, of the earliest and
//!   latest dated documents), `"periods"` (`{"2016-03": 4, ...}`: mentions
//!   of a node, weight of an edge, per period of the build's `--period`;
//!   keys `2016-03-05`, `2016-W09` (ISO week), `2016-03`, `2016`);
//! * edges: `"documents"`, the documents the link was seen in (always
//!   written; 0 when read from an older graph);
//! * nodes: `"kinds"` (`{"person": 3, "organization": 1}`), only for an
//!   actor seen as more than one kind: `kind` is the one with the most
//!   mentions, ties going to `person`;
//! * evidence: `"doc"` is the document's id (a plain file's is its path);
//!   `"file"` and `"line"` say where its text is when that is not the id
//!   (a record of a JSON Lines or CSV file); `"date"` is its day.
//!
//! What the graph remembers (absent in graphs saved before; such graphs
//! still load, their options taken as the run's):
//!
//! * `"build"`: `{"window", "names_only", "max_evidence", "period"}`
//!   (with `"min_confidence"` and `"anonymous_sources"` when given), and
//!   `"trimmed": {"min_weight", "top", "kinds"}` when `--min-weight`,
//!   `--top` or `--kinds` removed something (such a graph is not grown);
//! * `"held"`: `{"hash": "fnv1a64", "ids": "…"}`, the documents it holds
//!   (their ids and those of their copies), as the sorted 64-bit FNV-1a
//!   hashes of the ids, each 16 lower-case hex digits, end to end (see
//!   [`HeldDocs`]).

use crate::error::{Error, Result};
use crate::graph::{
    ActorGraph, BuildInfo, Confidence, Edge, EdgeKind, Evidence, GraphOptions, HeldDocs, HeldJson,
    Node, Seen,
};
use petgraph::stable_graph::EdgeIndex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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
    /// Documents it was seen in (0 in graphs saved before it was counted).
    #[serde(default)]
    pub documents: u64,
    /// Where it was seen.
    pub evidence: Vec<Evidence>,
    /// Attribution links: the count of each cue lemma.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cues: BTreeMap<String, u64>,
    /// Attribution links: the count of each statement class.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub classes: BTreeMap<String, u64>,
    /// Attribution links: the best, mean, summed confidence of their
    /// attributions and how many had one (absent in older graphs).
    #[serde(default, skip_serializing_if = "Confidence::is_empty")]
    pub confidence: Confidence,
    /// Outlets, first and last seen, weight per period.
    #[serde(flatten)]
    pub seen: Seen,
}

/// The whole graph in JSON form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphJson {
    /// Actors in id order.
    pub nodes: Vec<Node>,
    /// Links in (kind, source, target) order.
    pub edges: Vec<EdgeJson>,
    /// The paths the documents were read from (absent in older graphs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roots: Vec<String>,
    /// The build options and trimming (absent in older graphs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<BuildInfo>,
    /// The documents held (absent in older graphs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<HeldJson>,
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
        documents: edge.documents,
        evidence: edge.evidence.clone(),
        cues: edge.cues.clone(),
        classes: edge.classes.clone(),
        confidence: edge.confidence,
        seen: (*edge.seen).clone(),
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
    GraphJson {
        nodes,
        edges,
        roots: g.roots().iter().cloned().collect(),
        build: Some(build_info(g)),
        held: Some(g.held().to_json()),
    }
}

/// The build record of a graph: its options and trimming.
fn build_info(g: &ActorGraph) -> BuildInfo {
    BuildInfo {
        trimmed: g.trimmed().cloned(),
        ..BuildInfo::of(g.options())
    }
}

/// [`EdgeJson`] borrowing from the graph (the same JSON, nothing copied).
#[derive(Serialize)]
struct EdgeRef<'a> {
    source: &'a str,
    target: &'a str,
    kind: EdgeKind,
    weight: u64,
    documents: u64,
    evidence: &'a [Evidence],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    cues: &'a BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    classes: &'a BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "Confidence::is_empty")]
    confidence: Confidence,
    #[serde(flatten)]
    seen: &'a Seen,
}

/// [`GraphJson`] borrowing from the graph.
#[derive(Serialize)]
struct GraphRef<'a> {
    nodes: Vec<&'a Node>,
    edges: Vec<EdgeRef<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    roots: Vec<&'a str>,
    build: BuildInfo,
    held: HeldJson,
}

/// Write the graph as pretty JSON.
pub fn write(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    let (nodes, edges) = g.sorted();
    let view = GraphRef {
        nodes: nodes.into_iter().map(|n| &g.graph[n]).collect(),
        edges: edges
            .into_iter()
            .map(|e| {
                let (a, b) = g.graph.edge_endpoints(e).expect("edge");
                let edge = &g.graph[e];
                EdgeRef {
                    source: &g.graph[a].id,
                    target: &g.graph[b].id,
                    kind: edge.kind,
                    weight: edge.weight,
                    documents: edge.documents,
                    evidence: &edge.evidence,
                    cues: &edge.cues,
                    classes: &edge.classes,
                    confidence: edge.confidence,
                    seen: &edge.seen,
                }
            })
            .collect(),
        roots: g.roots().iter().map(String::as_str).collect(),
        build: build_info(g),
        held: g.held().to_json(),
    };
    // serde_json writes many small pieces: gather them in a buffer of a
    // known type (inlined copies), handed to `out` in large blocks.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &view)?;
    writeln!(buffered)?;
    buffered.flush()
}

/// A graph from its JSON form, with the options it records (`options`
/// for an older graph that records none). A link of weight 0 is an error
/// (it was never seen: the file is damaged or hand-made), as are repeated
/// nodes and links to unknown nodes.
pub fn from_json(j: &GraphJson, options: GraphOptions) -> std::result::Result<ActorGraph, String> {
    let options = j.build.as_ref().map_or(options, BuildInfo::options);
    let mut g = ActorGraph::new(options);
    for r in &j.roots {
        g.add_root(r);
    }
    if let Some(h) = &j.held {
        g.hold(&HeldDocs::from_json(h)?);
    }
    g.set_trimmed(j.build.as_ref().and_then(|b| b.trimmed.clone()));
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
        if e.weight == 0 {
            return Err(format!(
                "{} link {:?} -> {:?} has weight 0 (a link is seen at least once)",
                e.kind.as_str(),
                e.source,
                e.target
            ));
        }
        g.add_edge_from(
            a,
            b,
            &Edge {
                kind: e.kind,
                weight: e.weight,
                documents: e.documents,
                evidence: e.evidence.clone(),
                cues: e.cues.clone(),
                classes: e.classes.clone(),
                confidence: e.confidence,
                seen: e.seen.clone().into(),
            },
        );
    }
    Ok(g)
}

/// Read a graph saved as JSON (see [`from_json`] for its options).
pub fn read(path: &Path, options: GraphOptions) -> Result<ActorGraph> {
    Ok(read_with_info(path, options)?.0)
}

/// Read a graph saved as JSON, with the build record it holds (`None` for
/// a graph saved before builds were recorded).
pub fn read_with_info(
    path: &Path,
    options: GraphOptions,
) -> Result<(ActorGraph, Option<BuildInfo>)> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let j: GraphJson = serde_json::from_str(&text).map_err(|e| Error::Graph {
        path: path.into(),
        reason: e.to_string(),
    })?;
    let g = from_json(&j, options).map_err(|reason| Error::Graph {
        path: path.into(),
        reason,
    })?;
    Ok((g, j.build))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;
    use crate::pipeline::Extractor;

    /// The borrowed writer gives the bytes of the owned JSON form, and
    /// reading them back gives the graph again.
    #[test]
    fn borrowed_writer_matches_owned_form() {
        let ex = Extractor::new();
        let mut g = ActorGraph::new(GraphOptions::default());
        for (name, t) in [
            (
                "a.txt",
                "Ines Varga met Tavi Renn. Varga said Renn was \"late\".",
            ),
            (
                "b.txt",
                "Tavi Renn and Olek Sarno spoke. Sarno said Varga left.",
            ),
        ] {
            g.add_record(&ex.extract(&Document::from_text(name, t)));
        }
        assert!(g.edge_count() > 0);
        let mut got = Vec::new();
        write(&g, &mut got).unwrap();
        let mut want = serde_json::to_vec_pretty(&to_json(&g)).unwrap();
        want.push(b'\n');
        assert_eq!(
            String::from_utf8(got.clone()).unwrap(),
            String::from_utf8(want).unwrap()
        );
        let back: GraphJson = serde_json::from_slice(&got).unwrap();
        assert_eq!(back, to_json(&g));
    }
}
