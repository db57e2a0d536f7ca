//! Reading the documents of a run: in parallel, streamed, in input order.
//!
//! [`for_each_record`] reads and analyses documents on a pool of worker
//! threads but hands their records to the caller one at a time, **in input
//! order**, so what the caller builds (a graph, JSON lines) is the same
//! whatever the number of threads. At most a small window of documents is
//! in flight at once (read, analysed, or waiting for its turn), so memory is
//! bounded by the caller's own state plus a few documents, not by the size
//! of the corpus. Each failure is reported on stderr with its path, when its
//! turn comes, and counted.
//!
//! A progress bar (documents, MB, MB/s) shows on stderr for runs longer than
//! a couple of seconds, unless stderr is not a terminal or `quiet` is set.

use actorgraph::ingest::{collect_inputs, read_path, Document, Encoding};
use actorgraph::pipeline::{DocRecord, Extractor};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a run reads its documents.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// No progress bar.
    pub quiet: bool,
}

/// What a run over documents gave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read and analysed.
    pub documents: usize,
    /// Bytes of the documents read.
    pub bytes: u64,
    /// How many paths or documents failed.
    pub failed: usize,
}

/// Documents in flight per worker thread: enough to keep the workers busy
/// while one slow document holds up the order, few enough to keep memory
/// flat.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// The number of worker threads `threads` asks for (0: all cores).
pub fn thread_count(threads: usize) -> usize {
    if threads > 0 {
        threads
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// One document's outcome: its record and how long its text was, or the
/// error message.
type Outcome = Result<(DocRecord, Encoding, usize), String>;

/// Read and analyse one document. A panic in the stages is caught and
/// reported as this document's failure, so one bad document neither stops
/// nor hangs the run.
fn process(path: &std::path::Path, extractor: &Extractor) -> Outcome {
    let doc: Document = read_path(path).map_err(|e| e.to_string())?;
    let len = doc.len();
    let rec = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(&doc)))
        .map_err(|p| {
            let why = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!(
                "{}: internal error while analysing the document: {why}",
                path.display()
            )
        })?;
    Ok((rec, doc.encoding, len))
}

/// Read and analyse every document under `paths`, calling `sink` with each
/// record in input order. Returns the counts; an error from `sink` (e.g. a
/// failed write) stops the run and is returned.
pub fn for_each_record(
    paths: &[PathBuf],
    extractor: &Extractor,
    opts: RunOptions,
    mut sink: impl FnMut(DocRecord) -> anyhow::Result<()>,
) -> anyhow::Result<Summary> {
    let (inputs, errors) = collect_inputs(paths);
    let progress = Progress::new(inputs.len(), opts.quiet);
    let mut summary = Summary {
        failed: errors.len(),
        ..Summary::default()
    };
    for e in &errors {
        progress.report(&format!("actorgraph: {e}"));
    }
    let mut take = |outcome: Outcome, summary: &mut Summary| -> anyhow::Result<()> {
        match outcome {
            Ok((rec, enc, len)) => {
                if !enc.is_exact() {
                    let name = serde_json::to_value(enc)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    progress.report(&format!(
                        "actorgraph: {}: not valid UTF-8, read as {name}; offsets refer to the decoded text",
                        rec.doc
                    ));
                }
                summary.documents += 1;
                summary.bytes += len as u64;
                progress.advance(len);
                sink(rec)
            }
            Err(msg) => {
                progress.report(&format!("actorgraph: {msg}"));
                summary.failed += 1;
                progress.advance(0);
                Ok(())
            }
        }
    };
    let threads = thread_count(opts.threads);
    if threads <= 1 || inputs.len() <= 1 {
        // One thread: no pool, the caller's thread does everything.
        for input in &inputs {
            take(process(&input.path, extractor), &mut summary)?;
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        let window = threads * IN_FLIGHT_PER_THREAD;
        let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
        // The calling thread submits work and reassembles the order; the
        // pool's threads do the reading and analysis.
        pool.in_place_scope(|scope| -> anyhow::Result<()> {
            let mut submitted = 0;
            let mut next = 0;
            let mut waiting: BTreeMap<usize, Outcome> = BTreeMap::new();
            while next < inputs.len() {
                while submitted < inputs.len() && submitted - next < window {
                    let tx = tx.clone();
                    let path = &inputs[submitted].path;
                    let i = submitted;
                    scope.spawn(move |_| {
                        // The receiver only goes away when the run stops early.
                        let _ = tx.send((i, process(path, extractor)));
                    });
                    submitted += 1;
                }
                if let Some(outcome) = waiting.remove(&next) {
                    take(outcome, &mut summary)?;
                    next += 1;
                    continue;
                }
                let (i, outcome) = rx
                    .recv()
                    .expect("a worker holds a sender while work is pending");
                waiting.insert(i, outcome);
            }
            Ok(())
        })?;
    }
    progress.finish();
    Ok(summary)
}

/// The progress bar: hidden until the run has lasted a little while, and
/// for good when stderr is not a terminal or the run is quiet.
struct Progress {
    bar: ProgressBar,
    enabled: bool,
    shown: std::cell::Cell<bool>,
    started: Instant,
    bytes: std::cell::Cell<u64>,
}

/// How long a run goes before its progress bar shows.
const SHOW_AFTER: Duration = Duration::from_secs(2);

impl Progress {
    fn new(documents: usize, quiet: bool) -> Progress {
        let enabled = !quiet && std::io::stderr().is_terminal();
        let bar =
            ProgressBar::with_draw_target(Some(documents as u64), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} documents, {msg} [{elapsed}, ETA {eta}]",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Progress {
            bar,
            enabled,
            shown: false.into(),
            started: Instant::now(),
            bytes: 0.into(),
        }
    }

    /// One more document done (`len` bytes).
    fn advance(&self, len: usize) {
        self.bytes.set(self.bytes.get() + len as u64);
        if !self.enabled {
            return;
        }
        let elapsed = self.started.elapsed();
        if !self.shown.get() && elapsed >= SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown.set(true);
        }
        let mb = self.bytes.get() as f64 / 1e6;
        self.bar.set_message(format!(
            "{mb:.1} MB, {:.1} MB/s",
            mb / elapsed.as_secs_f64().max(1e-3)
        ));
        self.bar.inc(1);
    }

    /// Print a line on stderr without garbling the bar.
    fn report(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The extractor of a run, with the user's alias file when one is given
/// (a malformed file is an error naming its line).
pub fn extractor(
    aliases: Option<&std::path::Path>,
) -> anyhow::Result<actorgraph::pipeline::Extractor> {
    let mut b = actorgraph::pipeline::ExtractorBuilder::new();
    if let Some(p) = aliases {
        b = b.aliases(actorgraph::resolve::AliasTable::from_path(p)?);
    }
    Ok(b.build())
}
