//! `actorgraph build`: the graph of a corpus.

use super::{input, output};
use actorgraph::export::{self, Format};
use actorgraph::graph::{ActorGraph, GraphOptions, Window};
use actorgraph::pipeline::ExtractorBuilder;
use actorgraph::resolve::AliasTable;
use std::path::PathBuf;

/// Output formats of `build`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    /// Graphviz DOT.
    Dot,
    /// JSON nodes and edges.
    Json,
}

/// Co-occurrence windows.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum WindowArg {
    /// Same sentence.
    Sentence,
    /// Same paragraph.
    Paragraph,
}

/// Arguments of `build`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to read (`-` for standard input).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "dot")]
    format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Co-occurrence window.
    #[arg(long, value_enum, default_value = "sentence")]
    window: WindowArg,
    /// Alias file (TOML or JSON) to rename, merge or drop actors.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// Leave out links seen fewer times than this (and actors left alone).
    #[arg(long, default_value_t = 1, value_name = "N")]
    min_weight: u64,
    /// Evidence spans kept per link.
    #[arg(long, default_value_t = 5, value_name = "N")]
    max_evidence: usize,
    /// Count only mentions by name toward co-occurrence, not pronouns.
    #[arg(long)]
    names_only: bool,
}

/// Run `build`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let mut b = ExtractorBuilder::new();
    if let Some(p) = &a.aliases {
        b = b.aliases(AliasTable::from_path(p)?);
    }
    let extractor = b.build();
    let outcome = input::extract_all(&a.paths, &extractor);
    let window = match a.window {
        WindowArg::Sentence => Window::Sentence,
        WindowArg::Paragraph => Window::Paragraph,
    };
    let mut graph = ActorGraph::new(GraphOptions {
        window,
        max_evidence: a.max_evidence,
        names_only: a.names_only,
    });
    for rec in &outcome.records {
        graph.add_record(rec);
    }
    let graph = graph.filtered(a.min_weight);
    let format = match a.format {
        FormatArg::Dot => Format::Dot,
        FormatArg::Json => Format::Json,
    };
    output::write_to(a.output.as_deref(), |w| export::write(&graph, format, w))?;
    Ok(i32::from(outcome.failed > 0))
}
