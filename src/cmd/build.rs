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
    /// Worker threads (0: one per core). The output is the same for any number.
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// No progress bar (it shows only on a terminal, for runs over a few seconds).
    #[arg(short, long)]
    quiet: bool,
}

/// Run `build`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let mut b = ExtractorBuilder::new();
    if let Some(p) = &a.aliases {
        b = b.aliases(AliasTable::from_path(p)?);
    }
    let extractor = b.build();
    let window = match a.window {
        WindowArg::Sentence => Window::Sentence,
        WindowArg::Paragraph => Window::Paragraph,
    };
    let mut graph = ActorGraph::new(GraphOptions {
        window,
        max_evidence: a.max_evidence,
        names_only: a.names_only,
    });
    // Records are added in input order as they come, and then dropped.
    let opts = input::RunOptions {
        threads: a.threads,
        quiet: a.quiet,
    };
    let summary = input::for_each_record(&a.paths, &extractor, opts, |rec| {
        graph.add_record(&rec);
        Ok(())
    })?;
    let graph = if a.min_weight > 1 {
        graph.filtered(a.min_weight)
    } else {
        graph
    };
    let format = match a.format {
        FormatArg::Dot => Format::Dot,
        FormatArg::Json => Format::Json,
    };
    output::write_to(a.output.as_deref(), |w| export::write(&graph, format, w))?;
    Ok(i32::from(summary.failed > 0))
}
