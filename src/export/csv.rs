//! CSV in the shape of Gephi's spreadsheet import: `nodes.csv` with
//! `Id,Label,kind,mentions,documents,aliases` and `edges.csv` with
//! `Source,Target,Type,kind,Weight,evidence_count,evidence,cues,classes,confidence_best,confidence_mean`
//! (`Type` is `Undirected` for co-occurrence, `Directed` for attribution;
//! `cues` and `classes` are counts as `say:3;accuse:1`, the confidences
//! per cent, all empty for co-occurrence). Ids are the actor ids (a source
//! node's `Label` is its words); aliases and evidence are joined by `"; "`. Fields are quoted
//! (RFC 4180) when they hold a comma, a quote or a line break.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! would be read as a formula by spreadsheets (CSV injection): such a cell
//! is written quoted with an apostrophe before its text (`"'=1+1"`), as
//! OWASP recommends; spreadsheets then show it as text. This applies to
//! every cell (names, aliases, evidence paths); numbers never start so.

use crate::graph::{ActorGraph, EdgeKind};
use std::io::{self, Write};

/// One CSV field, quoted when needed; a cell a spreadsheet would read as
/// a formula is quoted with a leading apostrophe.
pub fn field(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn row(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    let v: Vec<String> = fields.iter().map(|f| field(f)).collect();
    writeln!(out, "{}", v.join(","))
}

/// Write `nodes.csv`.
pub fn write_nodes(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    row(
        out,
        &["Id", "Label", "kind", "mentions", "documents", "aliases"],
    )?;
    for n in g.sorted_nodes() {
        let node = &g.graph[n];
        let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
        row(
            out,
            &[
                &node.id,
                node.label(),
                node.kind.as_str(),
                &node.mentions.to_string(),
                &node.documents.to_string(),
                &aliases.join("; "),
            ],
        )?;
    }
    Ok(())
}

/// Write `edges.csv`.
pub fn write_edges(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    row(
        out,
        &[
            "Source",
            "Target",
            "Type",
            "kind",
            "Weight",
            "evidence_count",
            "evidence",
            "cues",
            "classes",
            "confidence_best",
            "confidence_mean",
        ],
    )?;
    for e in g.sorted_edges() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let edge = &g.graph[e];
        let ty = if edge.kind == EdgeKind::Cooccurrence {
            "Undirected"
        } else {
            "Directed"
        };
        row(
            out,
            &[
                &g.graph[a].id,
                &g.graph[b].id,
                ty,
                edge.kind.as_str(),
                &edge.weight.to_string(),
                &edge.evidence.len().to_string(),
                &super::evidence_list(&edge.evidence),
                &edge.cues_text(),
                &edge.classes_text(),
                &edge
                    .confidence
                    .best()
                    .map_or_else(String::new, |b| b.to_string()),
                &edge
                    .confidence
                    .mean()
                    .map_or_else(String::new, |m| m.to_string()),
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        for (raw, want) in [
            ("Ines Varga", "Ines Varga"),
            ("Renn, Tavi", "\"Renn, Tavi\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("a\nb", "\"a\nb\""),
            // Formula injection (OWASP): an apostrophe inside the quotes.
            ("=1+1", "\"'=1+1\""),
            ("+33 1 23", "\"'+33 1 23\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\t=x", "\"'\t=x\""),
            ("\r=x", "\"'\r=x\""),
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("a=b", "a=b"),
        ] {
            assert_eq!(field(raw), want);
        }
    }
}
