//! Stage 7: writing the graph out.
//!
//! | format | module | for |
//! |---|---|---|
//! | DOT | [`dot`] | Graphviz, the main output; [`render_with`] runs it |
//! | JSON | [`json`] | machines, queries, and growing a graph later |
//! | GraphML | [`graphml`] | NetworkX, igraph, Gephi, Gephi Lite, yEd |
//! | GEXF 1.3 | [`gexf`] | Gephi, Gephi Lite, NetworkX |
//! | FollowTheMoney | [`ftm`] | Aleph, OpenSanctions' tools, `ftm` |
//! | CSV | [`csv`] | spreadsheets, Gephi's spreadsheet import |
//! | HTML | [`html`] | one self-contained page: the picture, search, evidence |
//!
//! GraphML and GEXF hold one directed multigraph: attribution edges from
//! speaker to the actor spoken about, each co-occurrence edge once (smaller
//! id first) marked by `kind` and `directed` = `false` (see [`graphml`]).
//!
//! Every writer emits nodes in id order and edges in (kind, source, target)
//! order, so the same graph always gives the same bytes. [`Selection`]
//! trims a large graph (weak links, link kinds, the top actors) before it
//! is written.

pub mod csv;
pub mod dot;
pub mod evidence;
pub mod ftm;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;

use crate::graph::{ActorGraph, EdgeKind, Evidence};
use petgraph::stable_graph::NodeIndex;
use std::collections::HashSet;
use std::io::{self, Write};
use std::process::{Command, Stdio};

/// The output formats written as one stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// JSON `{"nodes": [...], "edges": [...]}`.
    Json,
    /// GraphML.
    GraphMl,
    /// GEXF 1.3.
    Gexf,
    /// FollowTheMoney entities, JSON Lines; evidence sentences read from
    /// the documents' stored paths.
    Ftm,
}

/// Write a graph in a format.
pub fn write(graph: &ActorGraph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Dot => dot::write(graph, out),
        Format::Json => json::write(graph, out),
        Format::GraphMl => graphml::write(graph, out),
        Format::Gexf => gexf::write(graph, out),
        Format::Ftm => ftm::write(
            graph,
            &mut evidence::DocCache::new(Vec::new()).with_roots(graph.roots()),
            out,
        ),
    }
}

/// Text escaped for XML content and attribute values; characters XML 1.0
/// cannot hold become spaces.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text escaped for an XML attribute value: as [`xml_escape`], with tabs
/// and line breaks as character references, which attribute-value
/// normalisation would otherwise turn into spaces.
pub fn xml_attr(s: &str) -> String {
    let escaped = xml_escape(s);
    if !escaped.contains(['\t', '\n', '\r']) {
        return escaped;
    }
    escaped
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

/// Evidence as `doc:start-end` joined by `"; "`.
pub fn evidence_list(ev: &[Evidence]) -> String {
    ev.iter()
        .map(|e| format!("{}:{}-{}", e.doc, e.start, e.end))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What part of a graph to write, so that a large graph stays readable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Links seen fewer times than this are left out (0 or 1: all).
    pub min_weight: u64,
    /// Only these link kinds (empty: both).
    pub kinds: Vec<EdgeKind>,
    /// Only the N actors with the largest total link weight (ties: more
    /// mentions, then id order), and the links among them.
    pub top: Option<usize>,
}

impl Selection {
    /// True when [`Selection::apply`] would give back all of `g`: no top
    /// cut and every link kept (then the copy can be skipped).
    pub fn keeps_all(&self, g: &ActorGraph) -> bool {
        self.top.is_none()
            && g.graph.edge_indices().all(|e| {
                let edge = &g.graph[e];
                (self.min_weight <= 1 || edge.weight >= self.min_weight)
                    && (self.kinds.is_empty() || self.kinds.contains(&edge.kind))
            })
    }

    /// The selected part of `g`. Links are filtered first (kind, weight);
    /// when that removed any link, actors left without links go too; then
    /// the top actors are kept.
    pub fn apply(&self, g: &ActorGraph) -> ActorGraph {
        let keep_edge = |e| {
            let edge: &crate::graph::Edge = &g.graph[e];
            (self.min_weight <= 1 || edge.weight >= self.min_weight)
                && (self.kinds.is_empty() || self.kinds.contains(&edge.kind))
        };
        let mut out = g.subgraph(|_| true, keep_edge);
        if out.edge_count() < g.edge_count() {
            let linked: HashSet<NodeIndex> = out
                .graph
                .node_indices()
                .filter(|&n| out.graph.neighbors_undirected(n).next().is_some())
                .collect();
            out = out.subgraph(|n| linked.contains(&n), |_| true);
        }
        if let Some(top) = self.top {
            let mut ranked: Vec<(u64, u64, String, NodeIndex)> = out
                .graph
                .node_indices()
                .map(|n| {
                    let w: u64 = out
                        .graph
                        .edges_directed(n, petgraph::Direction::Outgoing)
                        .map(|e| e.weight().weight)
                        .sum::<u64>()
                        + out
                            .graph
                            .edges_directed(n, petgraph::Direction::Incoming)
                            .map(|e| e.weight().weight)
                            .sum::<u64>();
                    (w, out.graph[n].mentions, out.graph[n].id.clone(), n)
                })
                .collect();
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            let keep: HashSet<NodeIndex> = ranked.into_iter().take(top).map(|r| r.3).collect();
            out = out.subgraph(|n| keep.contains(&n), |_| true);
        }
        out
    }
}

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Graphviz is not installed.
    #[error("cannot render: Graphviz's `{program}` program was not found on PATH (install Graphviz, e.g. `apt-get install graphviz`)")]
    Missing {
        /// The program looked for.
        program: String,
    },
    /// `dot` ran and failed.
    #[error("`{program} -T{format}` failed ({status}): {stderr}")]
    Failed {
        /// The program run.
        program: String,
        /// The output format asked for.
        format: String,
        /// Its exit status.
        status: String,
        /// What it said.
        stderr: String,
    },
    /// Talking to `dot` failed.
    #[error("running `{program}`: {source}")]
    Io {
        /// The program run.
        program: String,
        /// The error.
        #[source]
        source: io::Error,
    },
}

/// Run Graphviz's `dot -T<format>` (`svg`, `png`, ...) on DOT source and
/// return what it wrote (the engine: the source's `layout`, else `dot`).
pub fn render(dot_source: &[u8], format: &str) -> Result<Vec<u8>, RenderError> {
    render_with(dot_source, format, None)
}

/// Run Graphviz's `dot -K<engine> -T<format>` on DOT source and return
/// what it wrote; no engine: as [`render`].
pub fn render_with(
    dot_source: &[u8],
    format: &str,
    engine: Option<dot::Layout>,
) -> Result<Vec<u8>, RenderError> {
    let mut args = Vec::new();
    if let Some(engine) = engine {
        args.push(format!("-K{}", engine.as_str()));
    }
    args.push(format!("-T{format}"));
    graphviz("dot", &args, format, dot_source.to_vec())
}

/// Run the Graphviz program `program` with `args`, `src` on its standard
/// input, and return what it wrote (`format` names the output in errors).
/// The input is written from a thread: the program may answer (an error)
/// before it has read all of it.
pub(crate) fn graphviz(
    program: &str,
    args: &[String],
    format: &str,
    src: Vec<u8>,
) -> Result<Vec<u8>, RenderError> {
    let io_err = |source| RenderError::Io {
        program: program.into(),
        source,
    };
    let mut child = match Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(RenderError::Missing {
                program: program.into(),
            })
        }
        Err(e) => return Err(io_err(e)),
    };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&src));
    let output = child.wait_with_output().map_err(io_err)?;
    let written = writer
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")));
    if !output.status.success() {
        return Err(RenderError::Failed {
            program: program.into(),
            format: format.into(),
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        });
    }
    written.map_err(io_err)?;
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping() {
        for (raw, want) in [
            ("A & B", "A &amp; B"),
            ("<x y=\"1\">", "&lt;x y=&quot;1&quot;&gt;"),
            ("it's\u{1}", "it&apos;s "),
        ] {
            assert_eq!(xml_escape(raw), want);
        }
        assert_eq!(xml_attr("a\tb\nc\r&"), "a&#9;b&#10;c&#13;&amp;");
        assert_eq!(xml_attr("Ines Varga"), "Ines Varga");
    }
}
