//! `actorgraph extract`: per-document JSON Lines.

use super::output::Output;
use super::{input, report};
use actorgraph::ingest::Document;
use actorgraph::pipeline::{Analysis, DocRecord};
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
    let run = input::for_each_record(&a.paths, &extractor, opts, Lines, |rec| {
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

/// The JSON line of each document's record (with its counts of actors and
/// attributions), written on the workers. A document analysed in parts
/// gives one record, its parts' records appended ([`DocRecord::append`]).
struct Lines;

/// A record being made: the record of the parts so far, how many
/// paragraphs they have, whether the first goes on with the paragraph
/// before it, their counts of actors and attributions, and whether there
/// are several.
struct Part {
    rec: DocRecord,
    paragraphs: usize,
    continues: bool,
    counts: (usize, usize),
    parts: bool,
}

impl input::Prepare for Lines {
    type Part = Part;
    type Item = serde_json::Result<(Vec<u8>, (usize, usize))>;

    fn prepare(&self, doc: &Document, analysis: &Analysis) -> Part {
        Part {
            rec: DocRecord::new(doc, analysis),
            paragraphs: analysis.segmentation.paragraphs.len(),
            continues: analysis.continues_paragraph(&doc.body),
            counts: (
                analysis.resolution.actors.len(),
                analysis.attributions.len(),
            ),
            parts: false,
        }
    }

    fn merge(&self, first: &mut Part, later: Part) {
        // A paragraph cut in two is one.
        let shared = usize::from(later.continues && first.paragraphs > 0);
        first.rec.append(later.rec, first.paragraphs - shared);
        first.paragraphs += later.paragraphs - shared;
        first.counts.1 += later.counts.1;
        first.parts = true;
    }

    fn finish(&self, whole: Part) -> Self::Item {
        let mut counts = whole.counts;
        if whole.parts {
            // An actor named in several parts counts once.
            let ids: std::collections::HashSet<&str> = whole
                .rec
                .mentions
                .iter()
                .map(|m| m.actor.as_str())
                .collect();
            counts.0 = ids.len();
        }
        let mut buf = Vec::with_capacity(4096);
        serde_json::to_writer(&mut buf, &whole.rec).map(|()| {
            buf.push(b'\n');
            (buf, counts)
        })
    }
}
