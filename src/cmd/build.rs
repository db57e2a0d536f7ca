//! `actorgraph build`: the graph of a corpus.

use super::output::{self, Output};
use super::{input, report};
use actorgraph::export::dot::{DotOptions, EdgeLabels, Layout};
use actorgraph::export::{self, Format, Selection};
use actorgraph::graph::{
    ActorGraph, BuildInfo, DateRange, EdgeKind, GraphOptions, Measure, Period, Trim, Window,
};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

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
    /// FollowTheMoney entities, JSON Lines (Aleph, ftm): actors, documents, links with evidence.
    Ftm,
}

/// Pictures Graphviz can draw.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum RenderArg {
    /// SVG.
    Svg,
    /// PNG.
    Png,
}

/// Graphviz layout engines.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum LayoutArg {
    /// Force-directed, for up to a few hundred actors.
    Fdp,
    /// Multiscale force-directed, for large graphs.
    Sfdp,
    /// Spring model.
    Neato,
    /// Hierarchical, speakers above the actors they spoke about.
    Dot,
}

impl LayoutArg {
    fn layout(self) -> Layout {
        match self {
            LayoutArg::Fdp => Layout::Fdp,
            LayoutArg::Sfdp => Layout::Sfdp,
            LayoutArg::Neato => Layout::Neato,
            LayoutArg::Dot => Layout::Dot,
        }
    }
}

/// What DOT labels attribution links with.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default)]
enum EdgeLabelArg {
    /// The number of statements.
    #[default]
    Weight,
    /// The count of each cue lemma (`say 3, accuse 1`).
    Cues,
    /// The count of each statement class (`report 3, accusation 1`).
    Classes,
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

/// What `weight` counts.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightArg {
    /// Sightings (windows, statements).
    Mentions,
    /// Distinct documents.
    Documents,
    /// Distinct outlets (documents' sources and their copies').
    Outlets,
}

impl WeightArg {
    /// The measure it names.
    pub fn measure(self) -> Measure {
        match self {
            WeightArg::Mentions => Measure::Mentions,
            WeightArg::Documents => Measure::Documents,
            WeightArg::Outlets => Measure::Outlets,
        }
    }
}

/// Period lengths.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum PeriodArg {
    /// Calendar days.
    Day,
    /// ISO 8601 weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl PeriodArg {
    fn period(self) -> Period {
        match self {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Year => Period::Year,
        }
    }
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
    /// Draw the DOT with Graphviz and write the picture instead (engine:
    /// --layout, else fdp up to 300 actors and sfdp past that).
    #[arg(long, value_enum, value_name = "FORMAT")]
    render: Option<RenderArg>,
    /// DOT: write this Graphviz layout engine into the graph (default:
    /// none, the reader's choice; with --render, picked by size).
    #[arg(long, value_enum, value_name = "ENGINE")]
    layout: Option<LayoutArg>,
    /// Co-occurrence window [default: sentence, or the saved graph's].
    #[arg(long, value_enum)]
    window: Option<WindowArg>,
    /// The periods nodes and links count dated documents in [default:
    /// month, or the saved graph's].
    #[arg(long, value_enum)]
    period: Option<PeriodArg>,
    /// Only documents dated on or after this day (YYYY, YYYY-MM or
    /// YYYY-MM-DD); undated documents are then passed over.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only documents dated on or before this day (YYYY, YYYY-MM or
    /// YYYY-MM-DD, the whole year or month included); undated documents
    /// are then passed over.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// What `weight` means in the exports (JSON keeps all three counts).
    #[arg(long, value_enum, default_value = "mentions")]
    weight: WeightArg,
    /// Alias file (TOML or JSON) to rename, merge or drop actors.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// A directory of word lists to add to the built-in ones (`cues.txt`,
    /// `titles.txt`, ...: see the README's "Word lists are data").
    #[arg(long, value_name = "DIR")]
    word_lists: Option<PathBuf>,
    /// Leave out links seen fewer times than this (and actors left alone).
    #[arg(long, default_value_t = 1, value_name = "N")]
    min_weight: u64,
    /// Evidence spans kept per link [default: 5, or the saved graph's].
    #[arg(long, value_name = "N")]
    max_evidence: Option<usize>,
    /// Count only mentions by name toward co-occurrence, not pronouns.
    #[arg(long)]
    names_only: bool,
    /// Make no link of an attribution whose confidence (its rule's
    /// precision measured on PolNeAR train, in per cent; see the README)
    /// is below N [default: 0, all, or the saved graph's].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    min_confidence: Option<u8>,
    /// Give each unnamed or group source of an attribution ("senior
    /// officials", "a new poll") a node of kind `source` of its own per
    /// document, labelled with its words, linked to the actors it spoke
    /// about (otherwise such attributions make no link).
    #[arg(long)]
    anonymous_sources: bool,
    /// DOT: what attribution links are labelled with.
    #[arg(long, value_enum, default_value = "weight", value_name = "WHAT")]
    edge_labels: EdgeLabelArg,
    /// Worker threads (0: one per core; at most 256). The output is the
    /// same for any number.
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// No progress bar (it shows only on a terminal, for runs over a few
    /// seconds) and no summary at the end (failures are still reported).
    #[arg(short, long)]
    quiet: bool,
    /// Print the summary at the end as one line of JSON (on standard error).
    #[arg(long)]
    stats: bool,
    /// Write a partial graph, one share of a corpus to be merged with the
    /// others by a later `build` (as the Spark job does): corpus-level
    /// identity is left to that merge, so the result is the same however
    /// the corpus was shared out. Needs --format json.
    #[arg(long)]
    partial: bool,
    #[command(flatten)]
    input: input::InputArgs,
}

/// Run `build`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let started = std::time::Instant::now();
    anyhow::ensure!(
        a.render.is_none() || matches!(a.format, FormatArg::Dot),
        "--render draws the DOT output; it cannot be used with --format {:?}",
        a.format
    );
    anyhow::ensure!(
        !a.partial || matches!(a.format, FormatArg::Json),
        "--partial writes a graph to be merged later; it needs --format json"
    );
    anyhow::ensure!(
        a.layout.is_none() || matches!(a.format, FormatArg::Dot),
        "--layout sets the DOT output's layout engine; it cannot be used with --format {:?}",
        a.format
    );
    anyhow::ensure!(
        matches!(a.edge_labels, EdgeLabelArg::Weight) || matches!(a.format, FormatArg::Dot),
        "--edge-labels chooses the DOT output's link labels; it cannot be used with --format {:?} (which carries the cue and class counts as attributes)",
        a.format
    );
    // The output is opened first: one that cannot be written is an error
    // before the corpus is read.
    let mut outputs = Outputs::open(&a)?;
    anyhow::ensure!(
        a.weight == WeightArg::Mentions || !matches!(a.format, FormatArg::Json),
        "--weight chooses what the exports' weight means; the JSON keeps all three counts (weight, documents, outlets), so it cannot be used with --format json"
    );
    let dates = DateRange::new(a.since.as_deref(), a.until.as_deref())
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let (graphs, docs) = split_graph_inputs(&a.paths);
    let extractor = input::extractor(a.aliases.as_deref(), a.word_lists.as_deref())?;
    // Saved graphs are read first: options not given are theirs.
    let saved = read_saved(&graphs)?;
    let recorded = saved.iter().find_map(|(_, _, info)| info.clone());
    let options = options_of(&a, recorded.as_ref());
    let graph = merge_saved(saved, &options, !docs.is_empty())?;
    let mut graph = graph.unwrap_or_else(|| ActorGraph::new(options.clone()));
    // Evidence is read back only under the paths the documents came from.
    for p in &docs {
        graph.add_root(&p.to_string_lossy());
    }
    // Documents the saved graphs hold, and those outside the dates, are
    // passed over once read.
    let held = Arc::new(graph.held().clone());
    let (known, outside) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let skip: Option<input::SkipFn> = (!held.is_empty() || !dates.is_open()).then(|| {
        let (known, outside) = (known.clone(), outside.clone());
        let f: input::SkipFn = Arc::new(move |doc: &actorgraph::ingest::Document| {
            if held.contains(doc.id()) {
                known.fetch_add(1, Ordering::Relaxed);
                true
            } else if !dates.keeps(doc.meta.date.as_deref()) {
                outside.fetch_add(1, Ordering::Relaxed);
                true
            } else {
                false
            }
        });
        f
    });
    // Records are added in input order as they come, and then dropped.
    let mut opts = input::RunOptions {
        threads: a.threads,
        quiet: a.quiet,
        input: a.input.options()?,
        ..Default::default()
    };
    opts.skip = skip;
    // Workers turn each analysed document into the graph's plan for it;
    // this thread only adds the plans, in input order.
    let summary =
        input::for_each_record(&docs, &extractor, opts, input::Plans(&options), |plan| {
            graph.add_plan(plan);
            Ok(())
        })?;
    if !a.quiet {
        let (known, outside) = (
            known.load(Ordering::Relaxed),
            outside.load(Ordering::Relaxed),
        );
        if known > 0 {
            eprintln!(
                "actorgraph: {} already in the saved graph, passed over",
                plural(known, "document")
            );
        }
        if outside > 0 {
            eprintln!(
                "actorgraph: {} outside --since/--until (or undated), passed over",
                plural(outside, "document")
            );
        }
    }
    if !docs.is_empty() && summary.documents == 0 && graphs.is_empty() {
        // Nothing to show for the run: the old output stays.
        let mut rep = report::RunReport::new(&summary, 0, started);
        rep.links = Some(0);
        rep.print(a.quiet, a.stats);
        eprintln!(
            "actorgraph: no document could be read; {}",
            outputs.untouched()
        );
        outputs.discard();
        return Ok(1);
    }
    // Corpus-level identity, once everything is in: one node per actor.
    // The identity pass leaves the names of the alias file alone.
    // A partial graph leaves it to the merge that takes in every share.
    let graph = if a.partial {
        graph
    } else {
        graph.identify(extractor.aliases(), &extractor.lexicons().mentions)
    };
    // The weight the exports show is also the one trimming reads.
    let graph = if a.weight == WeightArg::Mentions {
        graph
    } else {
        graph.reweighted(a.weight.measure())
    };
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
        let mut cut = selection.apply(&graph);
        // What was cut is remembered (with any earlier trimming): such a
        // graph is not grown.
        if cut.node_count() < graph.node_count() || cut.edge_count() < graph.edge_count() {
            let before = graph.trimmed().cloned().unwrap_or_default();
            cut.set_trimmed(Some(Trim {
                min_weight: (a.min_weight > 1)
                    .then_some(a.min_weight)
                    .max(before.min_weight),
                top: a.top.or(before.top),
                kinds: if selection.kinds.is_empty() {
                    before.kinds
                } else {
                    selection.kinds.clone()
                },
            }));
        }
        cut
    };
    write(&graph, &a, &mut outputs)?;
    outputs.commit()?;
    let mut rep = report::RunReport::new(&summary, graph.node_count(), started);
    rep.links = Some(graph.edge_count());
    rep.print(a.quiet, a.stats);
    // The process ends next: freeing the graph node by node would only
    // cost time (the operating system takes the memory back at once).
    std::mem::forget(graph);
    Ok(i32::from(summary.failed > 0))
}

/// Where `build` writes: one output, or the CSV pair in a directory.
enum Outputs {
    One(Output),
    Csv {
        nodes: Output,
        edges: Output,
        /// The directory, when this run created it.
        created: Option<PathBuf>,
    },
}

impl Outputs {
    fn open(a: &Args) -> anyhow::Result<Outputs> {
        if !matches!(a.format, FormatArg::Csv) {
            return Ok(Outputs::One(Output::open(a.output.as_deref())?));
        }
        let dir = a
            .output
            .as_deref()
            .context("--format csv writes two files: give the directory with -o DIR")?;
        let created = if dir.exists() {
            None
        } else {
            std::fs::create_dir_all(dir).map_err(|e| {
                anyhow::anyhow!("{}: cannot create the directory: {e}", dir.display())
            })?;
            Some(dir.to_path_buf())
        };
        let open = |name: &str| Output::open(Some(&dir.join(name)));
        let pair = open("nodes.csv").and_then(|n| Ok((n, open("edges.csv")?)));
        match pair {
            Ok((nodes, edges)) => Ok(Outputs::Csv {
                nodes,
                edges,
                created,
            }),
            Err(e) => {
                if let Some(d) = &created {
                    let _ = std::fs::remove_dir(d);
                }
                Err(e)
            }
        }
    }

    /// What a run that writes nothing says of its output.
    fn untouched(&self) -> String {
        match self {
            Outputs::One(o) if o.is_file() => format!("{} left as it was", o.name()),
            Outputs::One(_) => "nothing written".into(),
            Outputs::Csv { nodes, .. } => {
                let dir = Path::new(nodes.name()).parent().unwrap_or(Path::new("."));
                format!("{} left as it was", dir.display())
            }
        }
    }

    /// Drop the outputs unwritten (and a directory this run created).
    fn discard(self) {
        if let Outputs::Csv {
            nodes,
            edges,
            created,
        } = self
        {
            drop((nodes, edges));
            if let Some(d) = created {
                let _ = std::fs::remove_dir(d);
            }
        }
    }

    /// The single output (every format but CSV).
    fn one(&mut self) -> &mut Output {
        match self {
            Outputs::One(o) => o,
            Outputs::Csv { nodes, .. } => nodes,
        }
    }

    /// Put what was written in place: both CSV files, or neither.
    fn commit(self) -> anyhow::Result<()> {
        match self {
            Outputs::One(o) => o.commit(),
            Outputs::Csv { nodes, edges, .. } => output::commit_all(vec![nodes, edges]),
        }
    }
}

/// `n things`, or `1 thing`.
fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// A saved graph read back: its path, the graph, its build record.
type Saved = (PathBuf, ActorGraph, Option<BuildInfo>);

/// Read the saved graphs given as inputs.
fn read_saved(graphs: &[PathBuf]) -> anyhow::Result<Vec<Saved>> {
    graphs
        .iter()
        .map(|p| {
            let (g, info) = export::json::read_with_info(p, GraphOptions::default())?;
            Ok((p.clone(), g, info))
        })
        .collect()
}

/// The run's options: those given, else those of the first saved graph
/// that records its own, else the defaults.
fn options_of(a: &Args, recorded: Option<&BuildInfo>) -> GraphOptions {
    let base = recorded.map_or_else(GraphOptions::default, BuildInfo::options);
    GraphOptions {
        window: match a.window {
            Some(WindowArg::Sentence) => Window::Sentence,
            Some(WindowArg::Paragraph) => Window::Paragraph,
            None => base.window,
        },
        max_evidence: a.max_evidence.unwrap_or(base.max_evidence),
        names_only: a.names_only || base.names_only,
        period: a.period.map_or(base.period, PeriodArg::period),
        min_confidence: a.min_confidence.unwrap_or(base.min_confidence),
        anonymous_sources: a.anonymous_sources || base.anonymous_sources,
    }
}

/// The saved graphs merged in the order given (`None` when there is
/// none), refusing a graph built with other options than the run's (or
/// another saved graph's), a trimmed graph that would be grown (by new
/// documents, `grows`, or another graph), and graphs that share some
/// documents (a graph holding only documents already merged adds nothing
/// and is passed over, with a warning).
fn merge_saved(
    saved: Vec<Saved>,
    options: &GraphOptions,
    grows: bool,
) -> anyhow::Result<Option<ActorGraph>> {
    let run = BuildInfo::of(options);
    let count = saved.len();
    let mut merged: Option<(PathBuf, ActorGraph)> = None;
    let mut first_info: Option<(PathBuf, BuildInfo)> = None;
    for (p, g, info) in saved {
        if let Some(info) = &info {
            if let Some((first, theirs)) = &first_info {
                if let Some((opt, x, y)) = theirs.conflict(info) {
                    anyhow::bail!(
                        "{} and {} were built with different {opt} ({x} and {y}): their counts cannot be added",
                        first.display(),
                        p.display()
                    );
                }
            } else if let Some((opt, x, y)) = info.conflict(&run) {
                anyhow::bail!(
                    "{} was built with {opt} {x}, this run asks for {opt} {y}: their counts cannot be added",
                    p.display()
                );
            }
            if first_info.is_none() {
                first_info = Some((p.clone(), info.clone()));
            }
        }
        if let Some(t) = g.trimmed() {
            if grows || count > 1 {
                anyhow::bail!(
                    "{} was trimmed ({}): it no longer holds all its documents' links and cannot be grown; rebuild it from the documents, and trim only the final output",
                    p.display(),
                    t.describe()
                );
            }
        }
        merged = Some(match merged {
            None => (p, g),
            Some((first, mut m)) => {
                let common = m.held().common(g.held());
                if common > 0 && common == g.held().len() {
                    eprintln!(
                        "actorgraph: {}: holds only documents already merged (from {}); not counted again",
                        p.display(),
                        first.display()
                    );
                } else if common > 0 {
                    anyhow::bail!(
                        "{} and {} hold {} in common: merging them would count those twice",
                        first.display(),
                        p.display(),
                        plural(common, "document")
                    );
                } else {
                    m.merge(&g);
                }
                (first, m)
            }
        });
    }
    Ok(merged.map(|(_, mut g)| {
        g.set_options(options.clone());
        g
    }))
}

/// Saved graphs among the inputs (files ending in `.json`), and the rest.
fn split_graph_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    paths.iter().cloned().partition(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            && p.is_file()
    })
}

fn write(graph: &ActorGraph, a: &Args, outputs: &mut Outputs) -> anyhow::Result<()> {
    let mut dot_opts = DotOptions {
        cluster_by_document: a.cluster_by_document,
        element_ids: false,
        layout: a.layout.map(LayoutArg::layout),
        edge_labels: match a.edge_labels {
            EdgeLabelArg::Weight => EdgeLabels::Weight,
            EdgeLabelArg::Cues => EdgeLabels::Cues,
            EdgeLabelArg::Classes => EdgeLabels::Classes,
        },
    };
    let draws = a.render.is_some();
    if draws && graph.node_count() > 300 && !a.quiet {
        eprintln!(
            "actorgraph: a picture of {} actors and {} links is hard to read; --top N or --min-weight N trims the graph",
            graph.node_count(),
            graph.edge_count()
        );
    }
    if let Outputs::Csv { nodes, edges, .. } = outputs {
        nodes.write(|w| export::csv::write_nodes(graph, w))?;
        return edges.write(|w| export::csv::write_edges(graph, w));
    }
    let out = outputs.one();
    if let Some(r) = a.render {
        let engine = *dot_opts
            .layout
            .get_or_insert(Layout::for_size(graph.node_count()));
        let mut src = Vec::new();
        export::dot::write_with(graph, &dot_opts, &mut src)?;
        let picture = export::render_with(
            &src,
            match r {
                RenderArg::Svg => "svg",
                RenderArg::Png => "png",
            },
            Some(engine),
        )?;
        return out.write(|w| w.write_all(&picture));
    }
    match a.format {
        FormatArg::Dot => out.write(|w| export::dot::write_with(graph, &dot_opts, w)),
        FormatArg::Json => out.write(|w| export::write(graph, Format::Json, w)),
        FormatArg::Graphml => out.write(|w| export::write(graph, Format::GraphMl, w)),
        FormatArg::Gexf => out.write(|w| export::write(graph, Format::Gexf, w)),
        FormatArg::Ftm => out.write(|w| export::write(graph, Format::Ftm, w)),
        // The CSV pair was written above.
        FormatArg::Csv => Ok(()),
        FormatArg::Html => {
            let positions = export::html::layout(graph, export::html::Layout::Auto)?;
            // As `query` does, evidence may also be read beside a saved
            // graph given as input.
            let beside = split_graph_inputs(&a.paths)
                .0
                .into_iter()
                .map(|p| match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                    _ => PathBuf::from("."),
                });
            let mut docs = export::evidence::DocCache::new(Vec::new())
                .with_roots(graph.roots())
                .with_roots(beside);
            out.write(|w| export::html::write(graph, positions.as_deref(), &mut docs, w))
        }
    }
}
