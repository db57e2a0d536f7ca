//! GraphML, as NetworkX, igraph, graphology (Gephi Lite), Gephi and yEd
//! read it.
//!
//! **One directed multigraph** (`edgedefault="directed"`, no edge
//! overriding it), because NetworkX and igraph refuse or flatten a graph
//! that mixes directed and undirected edges. Attribution edges go from
//! speaker to the actor spoken about; a co-occurrence edge is stored once,
//! from the smaller actor id to the larger (as in the JSON), and marked by
//! its `kind` and by `directed` = `false`: its direction means nothing.
//! Between two actors there can be a co-occurrence edge and an attribution
//! edge each way, so readers give a multigraph (NetworkX: `MultiDiGraph`,
//! keyed by the edge ids). For undirected measures, keep one kind and drop
//! direction (`G.to_undirected()` in NetworkX, `as_undirected()` in igraph).
//!
//! Nodes are `n0`, `n1`, ... in actor id order (GraphML's schema allows
//! only an `NMTOKEN` as id: no spaces), with typed `<data>`: `label` (the
//! actor id; `nx.relabel_nodes(G, dict(G.nodes(data="label")))` keys a
//! NetworkX graph by it), `kind`
//! (`person`/`organization`, and `source` for the unnamed sources of
//! `--anonymous-sources`, whose `label` is their words and not their id),
//! `mentions` and `documents` (long), `aliases`
//! (the names joined by `"; "`). Edges are `e0`, ... in (kind, source,
//! target) order with `kind`, `directed` (boolean), `weight` (double, which
//! Gephi takes as the edge weight), `evidence_count` (int) and `evidence`
//! (`doc:start-end` joined by `"; "`); attribution edges also have `cues`
//! and `classes` (strings of counts, `say:3;accuse:1`) and, when their
//! rules have one, `confidence_best` and `confidence_mean` (double, per
//! cent).

use super::xml_escape as esc;
use crate::graph::{ActorGraph, EdgeKind};
use std::io::{self, Write};

/// The `<key>` declarations: (id, for, attr.name, attr.type).
pub const KEYS: [(&str, &str, &str, &str); 14] = [
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("mentions", "node", "mentions", "long"),
    ("documents", "node", "documents", "long"),
    ("aliases", "node", "aliases", "string"),
    ("ekind", "edge", "kind", "string"),
    ("directed", "edge", "directed", "boolean"),
    ("weight", "edge", "weight", "double"),
    ("evidence_count", "edge", "evidence_count", "int"),
    ("evidence", "edge", "evidence", "string"),
    ("cues", "edge", "cues", "string"),
    ("classes", "edge", "classes", "string"),
    ("confidence_best", "edge", "confidence_best", "double"),
    ("confidence_mean", "edge", "confidence_mean", "double"),
];

/// Write the graph as GraphML.
pub fn write(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, for_, name, ty) in KEYS {
        writeln!(
            out,
            r#"  <key id="{id}" for="{for_}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="actorgraph" edgedefault="directed">"#)?;
    let (nodes, edges) = g.sorted();
    // Each node's number in id order, by node index.
    let mut number = vec![0usize; petgraph::visit::NodeIndexable::node_bound(&g.graph)];
    for (i, &n) in nodes.iter().enumerate() {
        number[n.index()] = i;
        let node = &g.graph[n];
        let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
        writeln!(out, r#"    <node id="n{i}">"#)?;
        writeln!(
            out,
            r#"      <data key="label">{}</data>"#,
            esc(node.label())
        )?;
        writeln!(
            out,
            r#"      <data key="kind">{}</data>"#,
            node.kind.as_str()
        )?;
        writeln!(
            out,
            r#"      <data key="mentions">{}</data>"#,
            node.mentions
        )?;
        writeln!(
            out,
            r#"      <data key="documents">{}</data>"#,
            node.documents
        )?;
        writeln!(
            out,
            r#"      <data key="aliases">{}</data>"#,
            esc(&aliases.join("; "))
        )?;
        writeln!(out, "    </node>")?;
    }
    for (i, &e) in edges.iter().enumerate() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        writeln!(
            out,
            r#"    <edge id="e{i}" source="n{}" target="n{}">"#,
            number[a.index()],
            number[b.index()]
        )?;
        writeln!(
            out,
            r#"      <data key="ekind">{}</data>"#,
            edge.kind.as_str()
        )?;
        writeln!(
            out,
            r#"      <data key="directed">{}</data>"#,
            edge.kind == EdgeKind::Attribution
        )?;
        writeln!(out, r#"      <data key="weight">{}</data>"#, edge.weight)?;
        writeln!(
            out,
            r#"      <data key="evidence_count">{}</data>"#,
            edge.evidence.len()
        )?;
        writeln!(
            out,
            r#"      <data key="evidence">{}</data>"#,
            esc(&super::evidence_list(&edge.evidence))
        )?;
        if edge.kind == EdgeKind::Attribution {
            writeln!(
                out,
                r#"      <data key="cues">{}</data>"#,
                esc(&edge.cues_text())
            )?;
            writeln!(
                out,
                r#"      <data key="classes">{}</data>"#,
                esc(&edge.classes_text())
            )?;
        }
        if let (Some(best), Some(mean)) = (edge.confidence.best(), edge.confidence.mean()) {
            writeln!(out, r#"      <data key="confidence_best">{best}</data>"#)?;
            writeln!(out, r#"      <data key="confidence_mean">{mean}</data>"#)?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}
