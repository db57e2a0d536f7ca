//! `actorgraph build`: the graph of a corpus.

use super::{input, output};
use actorgraph::export::{self, dot::DotOptions, Format, Selection};
use actorgraph::graph::{ActorGraph, EdgeKind, GraphOptions, RecordPlan, Window};
use anyhow::Context;
use std::path::PathBuf;

/// Output formats of `build`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    /// Graphviz DOT.
    Dot,
    /// JSON nodes and edges (read back by `query`, and by `build` to grow a graph).
    Json,
    /// GraphML with typed attributes (Gephi, yEd, NetworkX).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// nodes.csv and edges.csv in the directory given by -o.
    Csv,
    /// One self-contained HTML page: picture, search, evidence (needs Graphviz).
    Html,
}

/// Pictures Graphviz can draw.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum RenderArg {
    /// SVG.
    Svg,
    /// PNG.
    Png,
}

/// Link kinds.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum KindArg {
    /// Named in the same sentence.
    Cooccurrence,
    /// Speaker -> the actor spoken about.
    Attribution,
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
    /// Files or directories to read (`-` for standard input); a `.json`
    /// file is a graph saved by `build --format json`, merged with the rest.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "dot")]
    format: FormatArg,
    /// Write to this file instead of standard output (for csv: the
    /// directory to write nodes.csv and edges.csv in).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Only links of these kinds (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    kinds: Vec<KindArg>,
    /// Only the N actors with the largest total link weight.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// DOT/HTML: one dashed cluster per document, each actor in the
    /// document most of its links' evidence comes from.
    #[arg(long)]
    cluster_by_document: bool,
    /// Draw the DOT with Graphviz's `dot` and write the picture instead.
    #[arg(long, value_enum, value_name = "FORMAT")]
    render: Option<RenderArg>,
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
    let (graphs, docs) = split_graph_inputs(&a.paths);
    let extractor = input::extractor(a.aliases.as_deref())?;
    let window = match a.window {
        WindowArg::Sentence => Window::Sentence,
        WindowArg::Paragraph => Window::Paragraph,
    };
    let options = GraphOptions {
        window,
        max_evidence: a.max_evidence,
        names_only: a.names_only,
    };
    let mut graph = ActorGraph::new(options.clone());
    // Evidence is read back only under the paths the documents came from.
    for p in &docs {
        graph.add_root(&p.to_string_lossy());
    }
    // Saved graphs first, in the order given, then the new documents.
    for p in &graphs {
        graph.merge(&export::json::read(p, options.clone())?);
    }
    // Records are added in input order as they come, and then dropped.
    let opts = input::RunOptions {
        threads: a.threads,
        quiet: a.quiet,
    };
    // Workers turn each analysed document into the graph's plan for it;
    // this thread only adds the plans, in input order.
    let summary = input::for_each_record(
        &docs,
        &extractor,
        opts,
        |doc, analysis| RecordPlan::from_analysis(doc, analysis, &options),
        |plan| {
            graph.add_plan(plan);
            Ok(())
        },
    )?;
    let kinds = a
        .kinds
        .iter()
        .map(|k| match k {
            KindArg::Cooccurrence => EdgeKind::Cooccurrence,
            KindArg::Attribution => EdgeKind::Attribution,
        })
        .collect();
    let selection = Selection {
        min_weight: a.min_weight,
        kinds,
        top: a.top,
    };
    // Most runs keep everything: no copy of the graph then.
    let graph = if selection.keeps_all(&graph) {
        graph
    } else {
        selection.apply(&graph)
    };
    write(&graph, &a)?;
    // The process ends next: freeing the graph node by node would only
    // cost time (the operating system takes the memory back at once).
    std::mem::forget(graph);
    Ok(i32::from(summary.failed > 0))
}

/// Saved graphs among the inputs (files ending in `.json`), and the rest.
fn split_graph_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    paths.iter().cloned().partition(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            && p.is_file()
    })
}

fn write(graph: &ActorGraph, a: &Args) -> anyhow::Result<()> {
    let dot_opts = DotOptions {
        cluster_by_document: a.cluster_by_document,
        element_ids: false,
    };
    let draws = a.render.is_some() || matches!(a.format, FormatArg::Html);
    if draws && graph.node_count() > 300 && !a.quiet {
        eprintln!(
            "actorgraph: a picture of {} actors and {} links is hard to read; --top N or --min-weight N trims the graph",
            graph.node_count(),
            graph.edge_count()
        );
    }
    if let Some(r) = a.render {
        anyhow::ensure!(
            matches!(a.format, FormatArg::Dot),
            "--render draws the DOT output; it cannot be used with --format {:?}",
            a.format
        );
        let mut src = Vec::new();
        export::dot::write_with(graph, &dot_opts, &mut src)?;
        let picture = export::render(
            &src,
            match r {
                RenderArg::Svg => "svg",
                RenderArg::Png => "png",
            },
        )?;
        return output::write_to(a.output.as_deref(), |w| w.write_all(&picture));
    }
    match a.format {
        FormatArg::Dot => output::write_to(a.output.as_deref(), |w| {
            export::dot::write_with(graph, &dot_opts, w)
        }),
        FormatArg::Json => output::write_to(a.output.as_deref(), |w| {
            export::write(graph, Format::Json, w)
        }),
        FormatArg::Graphml => output::write_to(a.output.as_deref(), |w| {
            export::write(graph, Format::GraphMl, w)
        }),
        FormatArg::Gexf => output::write_to(a.output.as_deref(), |w| {
            export::write(graph, Format::Gexf, w)
        }),
        FormatArg::Csv => {
            let dir = a
                .output
                .as_deref()
                .context("--format csv writes two files: give the directory with -o DIR")?;
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
            output::write_to(Some(&dir.join("nodes.csv")), |w| {
                export::csv::write_nodes(graph, w)
            })?;
            output::write_to(Some(&dir.join("edges.csv")), |w| {
                export::csv::write_edges(graph, w)
            })
        }
        FormatArg::Html => {
            let svg = export::html::render_svg(graph, a.cluster_by_document)?;
            let mut docs = export::evidence::DocCache::new(Vec::new()).with_roots(graph.roots());
            output::write_to(a.output.as_deref(), |w| {
                export::html::write(graph, &svg, &mut docs, w)
            })
        }
    }
}
