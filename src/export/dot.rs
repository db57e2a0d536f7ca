//! Graphviz DOT.
//!
//! A `digraph` laid out by `fdp` (a force-directed layout Graphviz picks
//! from the graph attribute, also under `dot -Tsvg`): people are ellipses,
//! organizations boxes; a node's font grows with its mention count and its
//! label shows the count. Attribution
//! edges are directed, red, labelled with their count; co-occurrence edges
//! are grey with `dir=none`. Pen width grows with weight. Every id and label
//! is quoted and escaped. Graphs of more than [`LARGE`] actors get straight
//! edges (`splines=line`): routing curved edges around ~900 actors takes
//! Graphviz many minutes, straight ones a second or two.
//!
//! [`DotOptions`] adds, for large graphs and pictures: a `subgraph cluster_N`
//! per document (each actor drawn in the document most of its links'
//! evidence comes from; ties go to the first document in name order; actors
//! without evidence stay outside any cluster), and stable element ids
//! (`n0`.. for nodes in id order, `e0`.. for edges in (kind, source, target)
//! order) that Graphviz carries into SVG, used by the HTML page.

use crate::graph::{ActorGraph, EdgeKind};
use crate::mentions::ActorKind;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Above this many actors, edges are drawn straight.
pub const LARGE: usize = 300;

/// Options of the DOT writer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// Group actors in one cluster per document (see the module docs).
    pub cluster_by_document: bool,
    /// Give nodes and edges `id` attributes `n0`.., `e0`.. .
    pub element_ids: bool,
}

/// The document each actor is drawn in: the one most of its links'
/// evidence comes from (ties: the smallest document name).
pub fn home_documents(g: &ActorGraph) -> BTreeMap<String, String> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for e in g.graph.edge_indices() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        for ev in &g.graph[e].evidence {
            for n in [a, b] {
                *counts
                    .entry(g.graph[n].id.as_str())
                    .or_default()
                    .entry(ev.doc.as_str())
                    .or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(actor, docs)| {
            let best = docs.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))?;
            Some((actor.to_owned(), (*best.0).to_owned()))
        })
        .collect()
}

/// Quote a string as a DOT ID.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn width(weight: u64) -> f64 {
    1.0 + (weight as f64).log2().max(0.0)
}

/// Write the graph as DOT.
pub fn write(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    write_with(g, &DotOptions::default(), out)
}

/// Write the graph as DOT with options.
pub fn write_with(g: &ActorGraph, opts: &DotOptions, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph actorgraph {{")?;
    let splines = if g.node_count() > LARGE {
        "line"
    } else {
        "true"
    };
    writeln!(
        out,
        "  graph [layout=fdp, overlap=false, splines={splines}, outputorder=edgesfirst];"
    )?;
    writeln!(
        out,
        "  node [fontname=\"Helvetica\", style=filled, fillcolor=\"#eef3fb\", color=\"#4a6fa5\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for (i, n) in g.sorted_nodes().into_iter().enumerate() {
        let node = &g.graph[n];
        let id = if opts.element_ids {
            format!(", id=\"n{i}\"")
        } else {
            String::new()
        };
        let (shape, fill) = match node.kind {
            ActorKind::Person => ("ellipse", "#eef3fb"),
            ActorKind::Organization => ("box", "#fbf3e6"),
        };
        let size = 10.0 + 2.0 * (node.mentions as f64).log2().max(0.0);
        let label = format!(
            "{}\n{} mention{}",
            node.id,
            node.mentions,
            if node.mentions == 1 { "" } else { "s" }
        );
        writeln!(
            out,
            "  {} [label={}, shape={shape}, fillcolor=\"{fill}\", fontsize={size:.1}, kind={}{id}];",
            quote(&node.id),
            quote(&label),
            node.kind.as_str()
        )?;
    }
    if opts.cluster_by_document {
        let mut clusters: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (actor, doc) in home_documents(g) {
            clusters.entry(doc).or_default().push(actor);
        }
        for (i, (doc, actors)) in clusters.iter().enumerate() {
            writeln!(out, "  subgraph cluster_{i} {{")?;
            writeln!(out, "    label={}; style=dashed; color=\"#b0b8c4\"; fontname=\"Helvetica\"; fontsize=10;", quote(doc))?;
            for a in actors {
                writeln!(out, "    {};", quote(a))?;
            }
            writeln!(out, "  }}")?;
        }
    }
    for (i, e) in g.sorted_edges().into_iter().enumerate() {
        let id = if opts.element_ids {
            format!(", id=\"e{i}\"")
        } else {
            String::new()
        };
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        let (a, b) = (quote(&g.graph[a].id), quote(&g.graph[b].id));
        let w = width(edge.weight);
        match edge.kind {
            EdgeKind::Cooccurrence => writeln!(
                out,
                "  {a} -> {b} [dir=none, color=\"#9aa5b1\", penwidth={w:.2}, weight={}, kind=cooccurrence{id}];",
                edge.weight
            )?,
            EdgeKind::Attribution => writeln!(
                out,
                "  {a} -> {b} [color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth={w:.2}, weight={}, label={}, kind=attribution{id}];",
                edge.weight,
                quote(&edge.weight.to_string())
            )?,
        }
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("Dick Cheney"), "\"Dick Cheney\"");
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }
}
