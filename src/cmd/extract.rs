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
        let (pieces, (n, m)) = rec?;
        actors += n;
        attributions += m;
        out.write(|w| pieces.iter().try_for_each(|p| w.write_all(p)))?;
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
/// attributions), written on the workers, in pieces written one after the
/// other. A document analysed in parts gives one record, the one its
/// parts' records appended ([`DocRecord::append`]) would give, byte for
/// byte; but each part's mentions, attributions and sentences are written
/// out as the part comes (`Written`), so the parts' records are never
/// all held at once beside their JSON.
struct Lines;

/// A record being made: the record of the first part (emptied of its
/// lists once a second part came), how many paragraphs the parts so far
/// have, whether the last goes on with the paragraph before it, the
/// counts of actors and attributions, and the lists written so far.
struct Part {
    rec: DocRecord,
    paragraphs: usize,
    continues: bool,
    counts: (usize, usize),
    written: Option<Written>,
}

/// The lists of a record in parts, written as JSON array elements
/// (without brackets), the number of sentences so far, the actors named,
/// and the first error of writing.
#[derive(Default)]
struct Written {
    mentions: Vec<u8>,
    attributions: Vec<u8>,
    sentences: Vec<u8>,
    sentence_count: usize,
    actors: std::collections::HashSet<String>,
    error: Option<serde_json::Error>,
}

impl Written {
    /// Add a record's lists (already renumbered).
    fn add(&mut self, rec: DocRecord) {
        fn put<T: serde::Serialize>(buf: &mut Vec<u8>, items: &[T]) -> serde_json::Result<()> {
            for x in items {
                if !buf.is_empty() {
                    buf.push(b',');
                }
                serde_json::to_writer(&mut *buf, x)?;
            }
            Ok(())
        }
        for m in &rec.mentions {
            if !self.actors.contains(&m.actor) {
                self.actors.insert(m.actor.clone());
            }
        }
        self.sentence_count += rec.sentences.len();
        let done = put(&mut self.mentions, &rec.mentions)
            .and_then(|()| put(&mut self.attributions, &rec.attributions))
            .and_then(|()| put(&mut self.sentences, &rec.sentences));
        if let Err(e) = done {
            self.error.get_or_insert(e);
        }
    }
}

/// The pieces of one JSON line, and the record's counts of actors and
/// attributions.
type Pieces = (Vec<Vec<u8>>, (usize, usize));

impl input::Prepare for Lines {
    type Part = Part;
    type Item = serde_json::Result<Pieces>;

    fn prepare(&self, doc: &Document, analysis: &Analysis) -> Part {
        Part {
            rec: DocRecord::new(doc, analysis),
            paragraphs: analysis.segmentation.paragraphs.len(),
            continues: analysis.continues_paragraph(&doc.body),
            counts: (
                analysis.resolution.actors.len(),
                analysis.attributions.len(),
            ),
            written: None,
        }
    }

    fn merge(&self, first: &mut Part, mut later: Part) {
        let written = first.written.get_or_insert_with(|| {
            let mut w = Written::default();
            w.add(DocRecord {
                mentions: std::mem::take(&mut first.rec.mentions),
                attributions: std::mem::take(&mut first.rec.attributions),
                sentences: std::mem::take(&mut first.rec.sentences),
                ..first.rec.clone()
            });
            w
        });
        // A paragraph cut in two is one.
        let shared = usize::from(later.continues && first.paragraphs > 0);
        later
            .rec
            .renumber(written.sentence_count, first.paragraphs - shared);
        first.paragraphs += later.paragraphs - shared;
        first.counts.1 += later.counts.1;
        written.add(later.rec);
    }

    fn finish(&self, whole: Part) -> Self::Item {
        let Some(written) = whole.written else {
            let mut buf = Vec::with_capacity(4096);
            serde_json::to_writer(&mut buf, &whole.rec)?;
            buf.push(b'\n');
            return Ok((vec![buf], whole.counts));
        };
        if let Some(e) = written.error {
            return Err(e);
        }
        // The record with its lists empty, the lists written into it: the
        // lists' keys come once each, before the flattened metadata, and
        // no string holds them unescaped.
        let mut skeleton = serde_json::to_vec(&whole.rec)?;
        skeleton.push(b'\n');
        let mut pieces = Vec::with_capacity(7);
        let mut rest = &skeleton[..];
        for (key, list) in [
            (&b"\"mentions\":["[..], written.mentions),
            (b"\"attributions\":[", written.attributions),
            (b"\"sentences\":[", written.sentences),
        ] {
            let at = rest
                .windows(key.len())
                .position(|w| w == key)
                .map(|i| i + key.len())
                .expect("a record writes its three lists");
            pieces.push(rest[..at].to_vec());
            pieces.push(list);
            rest = &rest[at..];
        }
        pieces.push(rest.to_vec());
        Ok((pieces, (written.actors.len(), whole.counts.1)))
    }
}
