//! Graphviz DOT.
//!
//! A `digraph` with **no layout engine forced**: `dot -Tsvg` draws it with
//! the `dot` engine, `dot -Ksfdp -Tsvg` (or `sfdp -Tsvg`) with sfdp, and so
//! on; [`DotOptions::layout`] writes `layout=ENGINE` into the graph when
//! asked (`build --layout`), and [`Layout::for_size`] is the engine
//! `build --render` picks: `fdp` up to [`LARGE`] actors, `sfdp` past that.
//! People are ellipses, organizations boxes, unnamed sources
//! (`--anonymous-sources`) notes labelled with their words; a node's font grows with its
//! mention count and its label shows the count. Attribution edges are
//! directed, red, labelled with their count (or, with
//! [`DotOptions::edge_labels`], their cue or class counts: `say 3, accuse
//! 1`); co-occurrence edges are grey
//! with `dir=none`. Pen width grows with weight. Every id and label is
//! quoted and escaped. Graphs of more than [`LARGE`] actors get straight
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
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Above this many actors, edges are drawn straight.
pub const LARGE: usize = 300;

/// Graphviz layout engines fit for an actor graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Hierarchical: ranks from speakers down to the actors spoken about.
    Dot,
    /// Force-directed (Fruchterman-Reingold), good up to a few hundred nodes.
    Fdp,
    /// Multiscale force-directed, for large graphs.
    Sfdp,
    /// Spring model (stress majorization).
    Neato,
}

impl Layout {
    /// The engine's Graphviz name (`-K` value, `layout=` attribute).
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Fdp => "fdp",
            Layout::Sfdp => "sfdp",
            Layout::Neato => "neato",
        }
    }

    /// The engine for a picture of `actors` actors: `fdp` up to [`LARGE`],
    /// `sfdp` past that (fdp takes minutes on a thousand actors).
    pub fn for_size(actors: usize) -> Layout {
        if actors > LARGE {
            Layout::Sfdp
        } else {
            Layout::Fdp
        }
    }
}

/// Options of the DOT writer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// Group actors in one cluster per document (see the module docs).
    pub cluster_by_document: bool,
    /// Give nodes and edges `id` attributes `n0`.., `e0`.. .
    pub element_ids: bool,
    /// Write `layout=ENGINE` into the graph (none: the reader's choice).
    pub layout: Option<Layout>,
    /// What attribution links are labelled with.
    pub edge_labels: EdgeLabels,
}

/// What an attribution link's label shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EdgeLabels {
    /// Its weight (the number of statements).
    #[default]
    Weight,
    /// Its cue lemmas with their counts, most seen first (`say 3, accuse
    /// 1`); the weight when none is known.
    Cues,
    /// Its statement classes with their counts (`report 3, accusation 1`);
    /// the weight when none is known.
    Classes,
}

/// Counts as `key n, key n`, the largest first (ties: key order).
fn counts_label(map: &BTreeMap<String, u64>) -> String {
    let mut v: Vec<(&String, &u64)> = map.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = v.iter().map(|(k, n)| format!("{k} {n}")).collect();
    parts.join(", ")
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
    let mut out = Vec::with_capacity(s.len() + 2);
    quote_into(&mut out, s);
    String::from_utf8(out).expect("quoting keeps UTF-8")
}

/// Append `s` quoted as a DOT ID: `"` and `\` escaped, newlines as `\n`,
/// carriage returns dropped, other control characters (C0, DEL, C1) as a
/// space. Runs of plain bytes are copied whole.
fn quote_into(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape_into(out, s);
    out.push(b'"');
}

/// The inside of [`quote_into`].
fn escape_into(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // Most names need nothing: copy them whole.
    if b.iter()
        .all(|&c| c >= 0x20 && !matches!(c, b'"' | b'\\' | 0x7f | 0xc2))
    {
        out.extend_from_slice(b);
        return;
    }
    let mut plain = 0;
    let mut i = 0;
    while i < b.len() {
        let (with, width): (&[u8], usize) = match b[i] {
            b'"' => (b"\\\"", 1),
            b'\\' => (b"\\\\", 1),
            b'\n' => (b"\\n", 1),
            b'\r' => (b"", 1),
            0..=0x1f | 0x7f => (b" ", 1),
            // U+0080..U+009F, the C1 controls.
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => (b" ", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[plain..i]);
        out.extend_from_slice(with);
        i += width;
        plain = i;
    }
    out.extend_from_slice(&b[plain..]);
}

/// Append the decimal digits of `n`.
/// Lines gather in one buffer, written out in blocks of `BLOCK` bytes or more.
const BLOCK: usize = 1 << 15;

/// Close a node or edge line: its element id (`n3`, `e7`) when asked for,
/// then `];`, and write the buffer out once it holds a block.
fn end_line(line: &mut Vec<u8>, id: Option<(u8, usize)>, out: &mut dyn Write) -> io::Result<()> {
    if let Some((prefix, i)) = id {
        line.extend_from_slice(b", id=\"");
        line.push(prefix);
        push_u64(line, i as u64);
        line.push(b'"');
    }
    line.extend_from_slice(b"];\n");
    if line.len() >= BLOCK {
        out.write_all(line)?;
        line.clear();
    }
    Ok(())
}

fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[k..]);
}

/// Counts below this are memoized in a table, larger ones in a map.
const SMALL: usize = 256;

/// Formatted numbers by the count they are computed from: a graph has few
/// distinct mention counts and weights, and formatting a float costs more
/// than looking it up.
struct Memo {
    small: Vec<Option<String>>,
    done: FxHashMap<u64, String>,
    format: fn(u64) -> String,
}

impl Memo {
    fn new(format: fn(u64) -> String) -> Memo {
        Memo {
            small: vec![None; SMALL],
            done: FxHashMap::default(),
            format,
        }
    }

    fn get(&mut self, n: u64) -> &str {
        let f = self.format;
        match usize::try_from(n) {
            Ok(k) if k < SMALL => self.small[k].get_or_insert_with(|| f(n)),
            _ => self.done.entry(n).or_insert_with(|| f(n)),
        }
    }
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
    let layout = match opts.layout {
        Some(l) => format!("layout={}, ", l.as_str()),
        None => String::new(),
    };
    writeln!(
        out,
        "  graph [{layout}overlap=false, splines={splines}, outputorder=edgesfirst];"
    )?;
    writeln!(
        out,
        "  node [fontname=\"Helvetica\", style=filled, fillcolor=\"#eef3fb\", color=\"#4a6fa5\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    let (nodes, edges) = g.sorted();
    // Each node's quoted id, made once: `names[at[n]..at[n + 1]]`.
    let bound = petgraph::visit::NodeIndexable::node_bound(&g.graph);
    let mut quoted: Vec<(usize, usize)> = vec![(0, 0); bound];
    let mut names: Vec<u8> = Vec::new();
    for &n in &nodes {
        let from = names.len();
        quote_into(&mut names, &g.graph[n].id);
        quoted[n.index()] = (from, names.len());
    }
    let name = |n: petgraph::stable_graph::NodeIndex| {
        let (from, to) = quoted[n.index()];
        &names[from..to]
    };
    let mut sizes = Memo::new(|mentions| {
        let size = 10.0 + 2.0 * (mentions as f64).log2().max(0.0);
        format!("{size:.1}")
    });
    let mut line: Vec<u8> = Vec::with_capacity(BLOCK + 1024);
    for (i, &n) in nodes.iter().enumerate() {
        let node = &g.graph[n];
        let (shape, fill) = match node.kind {
            ActorKind::Person => ("ellipse", "#eef3fb"),
            ActorKind::Organization => ("box", "#fbf3e6"),
            ActorKind::Source => ("note", "#f4f4f4"),
        };
        line.extend_from_slice(b"  ");
        line.extend_from_slice(name(n));
        // The label: the id, a newline, the mention count.
        line.extend_from_slice(b" [label=\"");
        if node.kind == ActorKind::Source {
            // A source node shows its words, not its id.
            escape_into(&mut line, node.label());
        } else {
            // The id escaped: its quoted form without the quotes.
            let quoted = name(n);
            line.extend_from_slice(&quoted[1..quoted.len() - 1]);
        }
        line.extend_from_slice(b"\\n");
        push_u64(&mut line, node.mentions);
        line.extend_from_slice(if node.mentions == 1 {
            b" mention\", shape="
        } else {
            b" mentions\", shape="
        });
        line.extend_from_slice(shape.as_bytes());
        line.extend_from_slice(b", fillcolor=\"");
        line.extend_from_slice(fill.as_bytes());
        line.extend_from_slice(b"\", fontsize=");
        line.extend_from_slice(sizes.get(node.mentions).as_bytes());
        line.extend_from_slice(b", kind=");
        line.extend_from_slice(node.kind.as_str().as_bytes());
        end_line(&mut line, opts.element_ids.then_some((b'n', i)), out)?;
    }
    out.write_all(&line)?;
    line.clear();
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
    let mut widths = Memo::new(|weight| format!("{:.2}", width(weight)));
    for (i, &e) in edges.iter().enumerate() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        line.extend_from_slice(b"  ");
        line.extend_from_slice(name(a));
        line.extend_from_slice(b" -> ");
        line.extend_from_slice(name(b));
        line.extend_from_slice(match edge.kind {
            EdgeKind::Cooccurrence => b" [dir=none, color=\"#9aa5b1\", penwidth=",
            EdgeKind::Attribution => b" [color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth=",
        });
        line.extend_from_slice(widths.get(edge.weight).as_bytes());
        line.extend_from_slice(b", weight=");
        push_u64(&mut line, edge.weight);
        match edge.kind {
            EdgeKind::Cooccurrence => line.extend_from_slice(b", kind=cooccurrence"),
            EdgeKind::Attribution => {
                line.extend_from_slice(b", label=\"");
                let counts = match opts.edge_labels {
                    EdgeLabels::Weight => None,
                    EdgeLabels::Cues => Some(&edge.cues),
                    EdgeLabels::Classes => Some(&edge.classes),
                };
                match counts.filter(|c| !c.is_empty()) {
                    Some(c) => escape_into(&mut line, &counts_label(c)),
                    None => push_u64(&mut line, edge.weight),
                }
                line.extend_from_slice(b"\", kind=attribution");
            }
        }
        end_line(&mut line, opts.element_ids.then_some((b'e', i)), out)?;
    }
    out.write_all(&line)?;
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

    /// Byte-level quoting gives what quoting char by char gives.
    #[test]
    fn quoting_matches_char_by_char() {
        fn by_char(s: &str) -> String {
            let mut out = String::from('"');
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
        for s in [
            "",
            "Tavi Renn",
            "a\r\nb",
            "tab\there\u{1}\u{7f}",
            "c1\u{85}\u{9f}\u{80} then \u{a0}\u{c2}\u{a9}",
            "Ines \"Vášková\" \\ 東京",
        ] {
            assert_eq!(quote(s), by_char(s), "{s:?}");
        }
    }

    /// Node lines, then the document clusters, then edge lines, whatever
    /// the buffering; counts past the memo table are formatted too.
    #[test]
    fn sections_in_order() {
        use crate::graph::GraphOptions;
        use crate::ingest::Document;
        use crate::pipeline::Extractor;
        let ex = Extractor::new();
        let mut g = ActorGraph::new(GraphOptions::default());
        let many = "Ines Varga met Dr. Tavi Renn. ".repeat(300);
        for (name, t) in [
            ("a.txt", many.as_str()),
            (
                "b.txt",
                "Olek Sarno and Mira Quell spoke. Quell said Sarno left.",
            ),
        ] {
            g.add_record(&ex.extract(&Document::from_text(name, t)));
        }
        let opts = DotOptions {
            cluster_by_document: true,
            element_ids: true,
            layout: None,
            edge_labels: EdgeLabels::Weight,
        };
        let mut out = Vec::new();
        write_with(&g, &opts, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let section = |l: &str| {
            if l.contains("shape=") {
                1
            } else if l.contains("subgraph cluster_") {
                2
            } else if l.contains(" -> ") {
                3
            } else {
                0
            }
        };
        let order: Vec<i32> = lines
            .iter()
            .map(|l| section(l))
            .filter(|&k| k > 0)
            .collect();
        assert!(order.is_sorted(), "{text}");
        assert_eq!(order.iter().filter(|&&k| k == 1).count(), g.node_count());
        assert_eq!(order.iter().filter(|&&k| k == 3).count(), g.edge_count());
        assert!(order.contains(&2));
        assert!(text.contains("\\n300 mentions"), "{text}");
        assert!(text.contains("weight=300,"), "{text}");
        assert_eq!(lines.last(), Some(&"}"));
    }

    /// The layout is written only when asked for, once, in the graph line.
    #[test]
    fn layout_only_when_asked() {
        use crate::graph::GraphOptions;
        use crate::ingest::Document;
        use crate::pipeline::Extractor;
        let mut g = ActorGraph::new(GraphOptions::default());
        let doc = Document::from_text("a.txt", "Ines Varga met Tavi Renn.");
        g.add_record(&Extractor::new().extract(&doc));
        let text = |layout| {
            let mut out = Vec::new();
            let opts = DotOptions {
                layout,
                ..DotOptions::default()
            };
            write_with(&g, &opts, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert!(!text(None).contains("layout="), "{}", text(None));
        for l in [Layout::Dot, Layout::Fdp, Layout::Sfdp, Layout::Neato] {
            let t = text(Some(l));
            assert_eq!(t.matches("layout=").count(), 1, "{t}");
            assert!(
                t.contains(&format!("  graph [layout={}, ", l.as_str())),
                "{t}"
            );
        }
        assert_eq!(Layout::for_size(LARGE), Layout::Fdp);
        assert_eq!(Layout::for_size(LARGE + 1), Layout::Sfdp);
    }

    #[test]
    fn decimal_digits() {
        for n in [0u64, 7, 10, 99, 1234567, u64::MAX] {
            let mut v = Vec::new();
            push_u64(&mut v, n);
            assert_eq!(String::from_utf8(v).unwrap(), n.to_string());
        }
    }
}
