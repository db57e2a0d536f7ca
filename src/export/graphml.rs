//! GraphML, as Gephi, yEd, NetworkX and igraph read it.
//!
//! Nodes are `n0`, `n1`, ... in id order, with typed `<data>`: `label`
//! (the actor id), `kind` (`person`/`organization`), `mentions` and
//! `documents` (long), `aliases` (the names joined by `"; "`). Edges are
//! `e0`, ... in (kind, source, target) order with `kind`, `weight` (double,
//! which Gephi takes as the edge weight), `evidence_count` (int) and
//! `evidence` (`doc:start-end` joined by `"; "`). The graph is directed;
//! co-occurrence edges carry `directed="false"`.

use super::xml_escape as esc;
use crate::graph::{ActorGraph, EdgeKind};
use std::collections::HashMap;
use std::io::{self, Write};

/// Write the graph as GraphML.
pub fn write(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let keys = [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("mentions", "node", "mentions", "long"),
        ("documents", "node", "documents", "long"),
        ("aliases", "node", "aliases", "string"),
        ("ekind", "edge", "kind", "string"),
        ("weight", "edge", "weight", "double"),
        ("evidence_count", "edge", "evidence_count", "int"),
        ("evidence", "edge", "evidence", "string"),
    ];
    for (id, for_, name, ty) in keys {
        writeln!(
            out,
            r#"  <key id="{id}" for="{for_}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="actorgraph" edgedefault="directed">"#)?;
    let mut ids = HashMap::new();
    for (i, n) in g.sorted_nodes().into_iter().enumerate() {
        ids.insert(n, i);
        let node = &g.graph[n];
        let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
        writeln!(out, r#"    <node id="n{i}">"#)?;
        writeln!(out, r#"      <data key="label">{}</data>"#, esc(&node.id))?;
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
    for (i, e) in g.sorted_edges().into_iter().enumerate() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        let directed = if edge.kind == EdgeKind::Cooccurrence {
            r#" directed="false""#
        } else {
            ""
        };
        writeln!(
            out,
            r#"    <edge id="e{i}" source="n{}" target="n{}"{directed}>"#,
            ids[&a], ids[&b]
        )?;
        writeln!(
            out,
            r#"      <data key="ekind">{}</data>"#,
            edge.kind.as_str()
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
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}
