//! Graphviz DOT.
//!
//! A `digraph` laid out by `fdp` (a force-directed layout Graphviz picks
//! from the graph attribute, also under `dot -Tsvg`): people are ellipses,
//! organizations boxes; a node's font grows with its mention count and its
//! label shows the count. Attribution
//! edges are directed, red, labelled with their count; co-occurrence edges
//! are grey with `dir=none`. Pen width grows with weight. Every id and label
//! is quoted and escaped.

use crate::graph::{ActorGraph, EdgeKind};
use crate::mentions::ActorKind;
use std::io::{self, Write};

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
    writeln!(out, "digraph actorgraph {{")?;
    writeln!(
        out,
        "  graph [layout=fdp, overlap=false, splines=true, outputorder=edgesfirst];"
    )?;
    writeln!(
        out,
        "  node [fontname=\"Helvetica\", style=filled, fillcolor=\"#eef3fb\", color=\"#4a6fa5\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for n in g.sorted_nodes() {
        let node = &g.graph[n];
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
            "  {} [label={}, shape={shape}, fillcolor=\"{fill}\", fontsize={size:.1}, kind={}];",
            quote(&node.id),
            quote(&label),
            node.kind.as_str()
        )?;
    }
    for e in g.sorted_edges() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        let (a, b) = (quote(&g.graph[a].id), quote(&g.graph[b].id));
        let w = width(edge.weight);
        match edge.kind {
            EdgeKind::Cooccurrence => writeln!(
                out,
                "  {a} -> {b} [dir=none, color=\"#9aa5b1\", penwidth={w:.2}, weight={}, kind=cooccurrence];",
                edge.weight
            )?,
            EdgeKind::Attribution => writeln!(
                out,
                "  {a} -> {b} [color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth={w:.2}, weight={}, label={}, kind=attribution];",
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
