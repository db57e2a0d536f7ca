//! Stage 7: writing the graph out.
//!
//! | format | module | for |
//! |---|---|---|
//! | DOT | [`dot`] | Graphviz, the main output |
//! | JSON | [`json`] | machines, queries, and growing a graph later |
//!
//! Every writer emits nodes in id order and edges in (kind, source, target)
//! order, so the same graph always gives the same bytes.

pub mod dot;
pub mod json;

use crate::graph::ActorGraph;
use std::io::{self, Write};

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// JSON `{"nodes": [...], "edges": [...]}`.
    Json,
}

/// Write a graph in a format.
pub fn write(graph: &ActorGraph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Dot => dot::write(graph, out),
        Format::Json => json::write(graph, out),
    }
}
