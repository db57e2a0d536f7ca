//! `actorgraph extract`: per-document JSON Lines.

use super::output::Output;
use super::{input, report};
use std::path::PathBuf;

/// Arguments of `extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to read (`-` for standard input).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Alias file (TOML or JSON) to rename, merge or drop actors.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// A directory of word lists to add to the built-in ones (`cues.txt`,
    /// `titles.txt`, ...: see the README's "Word lists are data").
    #[arg(long, value_name = "DIR")]
    word_lists: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
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
    #[command(flatten)]
    input: input::InputArgs,
}

/// The reader of standard output or of a pipe went away: the run stops.
#[derive(Debug, thiserror::Error)]
#[error("the reader of the output went away")]
struct ReaderGone;

/// Run `extract`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let started = std::time::Instant::now();
    // Opened first: an output that cannot be written is an error before
    // any document is read.
    let mut out = Output::open(a.output.as_deref())?;
    let extractor = input::extractor(a.aliases.as_deref(), a.word_lists.as_deref())?;
    let opts = input::RunOptions {
        threads: a.threads,
        quiet: a.quiet,
        input: a.input.options()?,
        ..Default::default()
    };
    let (mut actors, mut attributions) = (0, 0);
    // Workers write each record's JSON line; this thread only copies the
    // lines out in input order, as soon as each one's turn comes.
    let line = |doc: &_, analysis: &actorgraph::pipeline::Analysis| {
        let rec = actorgraph::pipeline::DocRecord::new(doc, analysis);
        let mut buf = Vec::with_capacity(4096);
        let counts = (
            analysis.resolution.actors.len(),
            analysis.attributions.len(),
        );
        serde_json::to_writer(&mut buf, &rec).map(|()| {
            buf.push(b'\n');
            (buf, counts)
        })
    };
    let run = input::for_each_record(&a.paths, &extractor, opts, line, |rec| {
        let (buf, (n, m)) = rec?;
        actors += n;
        attributions += m;
        out.write(|w| w.write_all(&buf))?;
        anyhow::ensure!(!out.closed(), ReaderGone);
        Ok(())
    });
    let summary = match run {
        Ok(s) => s,
        // `| head`: the reader has what it wanted.
        Err(e) if e.is::<ReaderGone>() => return Ok(0),
        Err(e) => return Err(e),
    };
    if summary.documents == 0 {
        let mut rep = report::RunReport::new(&summary, 0, started);
        rep.attributions = Some(0);
        rep.print(a.quiet, a.stats);
        eprintln!(
            "actorgraph: no document could be read; {}",
            if out.is_file() {
                format!("{} left as it was", out.name())
            } else {
                "nothing written".into()
            }
        );
        return Ok(1);
    }
    out.commit()?;
    let mut rep = report::RunReport::new(&summary, actors, started);
    rep.attributions = Some(attributions);
    rep.print(a.quiet, a.stats);
    Ok(i32::from(summary.failed > 0))
}
