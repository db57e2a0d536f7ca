//! GEXF 1.3, Gephi's own format, also read by NetworkX (`read_gexf`) and
//! graphology (Gephi Lite).
//!
//! Like the GraphML ([`super::graphml`]): **one directed multigraph**
//! (`defaultedgetype="directed"`, every edge `type="directed"`), since
//! NetworkX refuses a graph mixing directed and undirected edges.
//! Attribution edges go from speaker to the actor spoken about; a
//! co-occurrence edge is stored once, from the smaller actor id to the
//! larger, and marked by its `kind` and `directed` = `false`.
//!
//! `<attributes class="node">` declares `kind` (string), `mentions` and
//! `documents` (long), `aliases` (string); `<attributes class="edge">`
//! declares `kind` (string), `evidence_count` (integer), `evidence`
//! (string), `directed` (boolean), and for attribution edges `cues` and
//! `classes` (strings of counts, `say:3;accuse:1`), `confidence_best` and
//! `confidence_mean` (double, per cent, when the rules have one). A source
//! node of `--anonymous-sources` (kind `source`) is labelled with its
//! words. Nodes have the actor id as GEXF id
//! (GEXF allows any string, unlike GraphML) and label, in id order; edges are `e0`, ... in (kind, source, target) order,
//! with `weight` and the link kind also as GEXF's edge `kind` (so Gephi
//! keeps a co-occurrence and an attribution edge between the same pair
//! apart).
//!
//! A graph with dates (documents with a `date`) is written as a **dynamic**
//! graph (`mode="dynamic"`, `timeformat="date"`): each node and edge has
//! `<spells>`, one `<spell start="…" end="…"/>` per period it was seen in
//! (the period's first and last day, in the graph's `--period`), so
//! Gephi's timeline plays the network; NetworkX reads them into each
//! node's and edge's `spells` list. A graph without dates is written as
//! before, `mode="static"`, without spells.

use super::{xml_attr, xml_escape as esc};
use crate::graph::{ActorGraph, EdgeKind, Period, Seen};
use std::io::{self, Write};

/// Write the graph as GEXF 1.3.
pub fn write(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(
        out,
        "    <creator>actorgraph {}</creator>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        "    <description>Actors, co-occurrence and attribution links</description>"
    )?;
    writeln!(out, "  </meta>")?;
    let period = g.is_dated().then_some(g.options().period);
    if period.is_some() {
        writeln!(
            out,
            r#"  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#
        )?;
    } else {
        writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    }
    attributes(
        out,
        "node",
        &[
            ("kind", "string"),
            ("mentions", "long"),
            ("documents", "long"),
            ("aliases", "string"),
        ],
    )?;
    attributes(
        out,
        "edge",
        &[
            ("kind", "string"),
            ("evidence_count", "integer"),
            ("evidence", "string"),
            ("directed", "boolean"),
            ("cues", "string"),
            ("classes", "string"),
            ("confidence_best", "double"),
            ("confidence_mean", "double"),
        ],
    )?;
    writeln!(out, "    <nodes>")?;
    let (nodes, edges) = g.sorted();
    for &n in &nodes {
        let node = &g.graph[n];
        let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
        let id = xml_attr(&node.id);
        let label = xml_attr(node.label());
        writeln!(out, r#"      <node id="{id}" label="{label}">"#)?;
        writeln!(out, "        <attvalues>")?;
        writeln!(
            out,
            r#"          <attvalue for="0" value="{}"/>"#,
            node.kind.as_str()
        )?;
        writeln!(
            out,
            r#"          <attvalue for="1" value="{}"/>"#,
            node.mentions
        )?;
        writeln!(
            out,
            r#"          <attvalue for="2" value="{}"/>"#,
            node.documents
        )?;
        writeln!(
            out,
            r#"          <attvalue for="3" value="{}"/>"#,
            esc(&aliases.join("; "))
        )?;
        writeln!(out, "        </attvalues>")?;
        spells(out, period, &node.seen)?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, &e) in edges.iter().enumerate() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        writeln!(
            out,
            r#"      <edge id="e{i}" source="{}" target="{}" type="directed" kind="{}" weight="{}">"#,
            xml_attr(&g.graph[a].id),
            xml_attr(&g.graph[b].id),
            edge.kind.as_str(),
            edge.weight
        )?;
        writeln!(out, "        <attvalues>")?;
        writeln!(
            out,
            r#"          <attvalue for="0" value="{}"/>"#,
            edge.kind.as_str()
        )?;
        writeln!(
            out,
            r#"          <attvalue for="1" value="{}"/>"#,
            edge.evidence.len()
        )?;
        writeln!(
            out,
            r#"          <attvalue for="2" value="{}"/>"#,
            esc(&super::evidence_list(&edge.evidence))
        )?;
        writeln!(
            out,
            r#"          <attvalue for="3" value="{}"/>"#,
            edge.kind == EdgeKind::Attribution
        )?;
        if edge.kind == EdgeKind::Attribution {
            writeln!(
                out,
                r#"          <attvalue for="4" value="{}"/>"#,
                xml_attr(&edge.cues_text())
            )?;
            writeln!(
                out,
                r#"          <attvalue for="5" value="{}"/>"#,
                xml_attr(&edge.classes_text())
            )?;
        }
        if let (Some(best), Some(mean)) = (edge.confidence.best(), edge.confidence.mean()) {
            writeln!(out, r#"          <attvalue for="6" value="{best}"/>"#)?;
            writeln!(out, r#"          <attvalue for="7" value="{mean}"/>"#)?;
        }
        writeln!(out, "        </attvalues>")?;
        spells(out, period, &edge.seen)?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

/// The `<spells>` of a node or edge of a dynamic graph: one per period
/// it was seen in (nothing for a static graph, or one never dated).
fn spells(out: &mut dyn Write, period: Option<Period>, seen: &Seen) -> io::Result<()> {
    let Some(period) = period else {
        return Ok(());
    };
    let ranges: Vec<(String, String)> = seen
        .periods
        .keys()
        .filter_map(|k| period.range(k))
        .collect();
    if ranges.is_empty() {
        return Ok(());
    }
    writeln!(out, "        <spells>")?;
    for (start, end) in ranges {
        writeln!(out, r#"          <spell start="{start}" end="{end}"/>"#)?;
    }
    writeln!(out, "        </spells>")
}

/// An `<attributes>` block declaring typed attributes, numbered in order.
fn attributes(out: &mut dyn Write, class: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    writeln!(out, r#"    <attributes class="{class}">"#)?;
    for (id, (title, ty)) in attrs.iter().enumerate() {
        writeln!(
            out,
            r#"      <attribute id="{id}" title="{title}" type="{ty}"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")
}
