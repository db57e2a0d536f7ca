//! Reading the documents of a run: in parallel, streamed, in input order.
//!
//! [`for_each_record`] reads and analyses documents on a pool of worker
//! threads but hands their results to the caller one at a time, **in input
//! order**, so what the caller builds (a graph, JSON lines) is the same
//! whatever the number of threads.
//!
//! The split of the work is what makes a second core pay off: everything
//! that depends on one document alone runs on the workers, including the
//! caller's `prepare` step (for `build`, the graph's plan of the document:
//! its actors, and its links already deduplicated with their weights and
//! evidence; for `extract`, the serialized JSON line). The calling thread
//! only puts the prepared results together in order (`add_plan`: node and
//! edge lookups and counts; or copying bytes out), a few percent of the
//! work. Documents go to the pool in batches of [`BATCH`] consecutive
//! files (or up to [`BATCH_RECORDS`] records, [`BATCH_BYTES`] of them):
//! one task, one channel message and one wake-up per batch.
//!
//! At most a small window of batches is in flight at once (being analysed,
//! or prepared and waiting for its turn), so memory is bounded by the
//! caller's own state plus a few documents, not by the size of the corpus.
//! Each failure is reported on stderr with its path, when its turn comes,
//! and counted.
//!
//! A document is not held whole by the stages when it is huge: one longer
//! than the extractor's part size (8 MB) is analysed part by part, cut at
//! paragraph breaks (`Extractor::analyze_parts`), each part prepared and
//! folded into the document's item by the caller's [`Prepare::merge`]
//! (for `build`, `RecordPlan::merge`; for `extract`, the parts' lists
//! written into one JSON line), all on the one worker, so the document is
//! still one item, counted once, with spans into its whole text. Its text
//! is held once (the copy of plain text freed: `Document::free_text_copy`),
//! and peak memory is its text, one part's analysis and the item.
//! `ACTORGRAPH_PART_BYTES`, undocumented, lowers the part size for tests.
//!
//! Multi-document files (JSON Lines, CSV, TSV, WARC, maybe compressed) are
//! streamed: this thread reads their records one by one, unparsed, and the
//! workers parse each into its document (see `jobs.rs`). Before that, unless
//! `--dedup none`, a first pass over the records finds the duplicates
//! (the same id, the same text, with `--dedup near` nearly the same text;
//! see `dedup.rs`): each is passed over with a warning naming both places,
//! and counted in [`Summary::duplicates`]; the copies of a text ride in
//! the kept document's `meta.copies`.
//!
//! A progress bar (documents, MB, MB/s) shows on stderr for runs longer than
//! a couple of seconds, unless stderr is not a terminal or `quiet` is set.

use super::dedup;
use super::jobs::{Job, Jobs, Sources};
use actorgraph::graph::{GraphOptions, RecordPlan};
use actorgraph::ingest::{read_path, Document, Encoding, FieldMap, Input, RecordFormat};
use actorgraph::pipeline::{Analysis, Extractor};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a run reads its documents.
#[derive(Clone, Default)]
pub struct RunOptions {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// No progress bar.
    pub quiet: bool,
    /// Documents to pass over once read, before they are analysed: true
    /// for a document the run does not want (one a saved graph holds
    /// already, one outside the dates asked for). Passed-over documents
    /// are counted in [`Summary::passed`], not handed to `prepare`.
    pub skip: Option<SkipFn>,
    /// How multi-document inputs are read.
    pub input: InputOptions,
}

/// How multi-document inputs (JSON Lines, CSV, TSV) are read.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// The format of standard input (`-`): `None` reads it as one document.
    pub stdin_format: Option<RecordFormat>,
    /// The names of the records' fields.
    pub fields: FieldMap,
    /// Which duplicates are counted once.
    pub dedup: Dedup,
}

/// Which duplicate records a run counts once.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dedup {
    /// The same id, and the same text (white space aside) under another id.
    #[default]
    Exact,
    /// As exact, and near-copies (syndicated wire copy: another headline,
    /// a trimmed paragraph), found by MinHash of 5-word shingles.
    Near,
    /// None: every record is read and counted.
    None,
}

/// Formats of standard input.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormatArg {
    /// One document (the default: as plain text, Markdown or HTML, sniffed).
    Text,
    /// JSON Lines, one document per line.
    Jsonl,
    /// CSV with a header row, one document per row.
    Csv,
    /// TSV with a header row, one document per row.
    Tsv,
    /// WARC, one document per HTML response.
    Warc,
}

/// The input options of `build` and `extract` (see the README's "Inputs").
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Read standard input (`-`) as this format (files go by their name).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormatArg>,
    /// The names of record fields in the input, as FIELD=NAME
    /// (comma-separated or repeated), e.g. `text=body,date=published_at`.
    /// Fields: id, text, html, title, date, url, source, lang.
    #[arg(long, value_name = "FIELD=NAME", action = clap::ArgAction::Append)]
    field: Vec<String>,
    /// Which duplicate records count once: exact (the same id, or the same
    /// text under another id), near (also near-copies: syndicated wire
    /// copy), none.
    #[arg(long, value_enum, default_value = "exact", value_name = "MODE")]
    dedup: Dedup,
}

impl InputArgs {
    /// The options these arguments give (a bad `--field` is an error).
    pub fn options(&self) -> anyhow::Result<InputOptions> {
        Ok(InputOptions {
            stdin_format: match self.input_format {
                None | Some(InputFormatArg::Text) => None,
                Some(InputFormatArg::Jsonl) => Some(RecordFormat::Jsonl),
                Some(InputFormatArg::Csv) => Some(RecordFormat::Csv),
                Some(InputFormatArg::Tsv) => Some(RecordFormat::Tsv),
                Some(InputFormatArg::Warc) => Some(RecordFormat::Warc),
            },
            fields: FieldMap::parse(&self.field).map_err(anyhow::Error::msg)?,
            dedup: self.dedup,
        })
    }
}

/// What the workers make of each analysed document for the caller's
/// `sink` (a graph's plan, a JSON line), and how a document analysed in
/// parts (longer than the extractor's part size, see
/// [`actorgraph::pipeline::part_ranges`]) becomes one item: each part's
/// analysis is prepared, the parts are merged in text order, and the
/// result finished, all on the worker. A document analysed whole is
/// prepared and finished.
pub trait Prepare: Sync {
    /// What one part (or a whole document) gives.
    type Part: Send;
    /// What the caller's `sink` receives, once per document.
    type Item: Send;
    /// The part of `doc` that `analysis` found (its spans are `doc`'s).
    fn prepare(&self, doc: &Document, analysis: &Analysis) -> Self::Part;
    /// Fold `later`, the next part of the same document, into `first`.
    fn merge(&self, first: &mut Self::Part, later: Self::Part);
    /// The document's item, from its parts merged.
    fn finish(&self, whole: Self::Part) -> Self::Item;
}

/// A graph's plan of each document ([`RecordPlan::from_analysis`]), the
/// plans of a document's parts merged ([`RecordPlan::merge`]): the
/// document counts once, its actors of the same id in several parts are
/// one, and its links are those of all its parts.
pub struct Plans<'a>(pub &'a GraphOptions);

impl Prepare for Plans<'_> {
    type Part = RecordPlan;
    type Item = RecordPlan;
    fn prepare(&self, doc: &Document, analysis: &Analysis) -> RecordPlan {
        RecordPlan::from_analysis(doc, analysis, self.0)
    }
    fn merge(&self, first: &mut RecordPlan, later: RecordPlan) {
        first.merge(later, self.0);
    }
    fn finish(&self, whole: RecordPlan) -> RecordPlan {
        whole
    }
}

/// The test of [`RunOptions::skip`].
pub type SkipFn = std::sync::Arc<dyn Fn(&Document) -> bool + Send + Sync>;

impl std::fmt::Debug for RunOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunOptions")
            .field("threads", &self.threads)
            .field("quiet", &self.quiet)
            .field("skip", &self.skip.is_some())
            .finish()
    }
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
    /// Inputs not read because they were read already (the same file
    /// named twice).
    pub skipped: usize,
    /// Documents read but passed over by [`RunOptions::skip`].
    pub passed: usize,
    /// Records not read because they duplicate one read before (the same
    /// id, the same text, or with `--dedup near` nearly the same text).
    pub duplicates: usize,
}

/// Documents per task of the pool (loose files).
const BATCH: usize = 4;

/// Records per task at most, and the bytes of records that close a task
/// sooner: records are small, a task of a few is not worth its message.
const BATCH_RECORDS: usize = 32;
const BATCH_BYTES: usize = 64 << 10;

/// Batches in flight per worker thread: enough to keep the workers busy
/// while one slow document holds up the order, few enough to keep memory
/// flat (what waits is each document's prepared result, not its text).
const IN_FLIGHT_PER_THREAD: usize = 4;

/// The most worker threads a run starts, whatever `--threads` asks: more
/// would only cost memory (each thread has its stack) and start-up time.
pub const MAX_THREADS: usize = 256;

/// The number of worker threads `threads` asks for (0: all cores), at most
/// [`MAX_THREADS`].
pub fn thread_count(threads: usize) -> usize {
    if threads > 0 {
        threads.min(MAX_THREADS)
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// The inputs with each file once: a file named again (`a.txt ./a.txt`, a
/// symbolic or hard link to it, a directory holding it given beside it) is
/// the same file (same device and inode) and is dropped, with a warning
/// through `warn`. Returns the inputs kept and how many were dropped.
/// Standard input (`-`) and paths that cannot be examined are kept as
/// they are (reading them reports what is wrong).
pub fn unique_inputs(inputs: Vec<Input>, mut warn: impl FnMut(&str)) -> (Vec<Input>, usize) {
    // Each identity and the index in `kept` of the input that has it.
    let mut seen: std::collections::HashMap<(u64, u64), usize> = Default::default();
    let mut kept: Vec<Input> = Vec::with_capacity(inputs.len());
    let mut dropped = 0;
    for input in inputs {
        if let Some(key) = file_identity(&input.path) {
            match seen.entry(key) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    warn(&format!(
                        "actorgraph: {}: the same file as {}, read once",
                        input.path.display(),
                        kept[*first.get()].path.display()
                    ));
                    dropped += 1;
                    continue;
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(kept.len());
                }
            }
        }
        kept.push(input);
    }
    (kept, dropped)
}

/// A regular file's identity (device, inode), following links (on Unix).
fn file_identity(p: &std::path::Path) -> Option<(u64, u64)> {
    if p.as_os_str() == "-" {
        return None;
    }
    let m = std::fs::metadata(p).ok().filter(|m| m.is_file())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    // Elsewhere no identity is known: every input is kept.
    #[cfg(not(unix))]
    {
        let _ = m;
        None
    }
}

/// One document done: what `prepare` made of its record, the document's
/// name when its bytes were not valid UTF-8 (for the warning), and how long
/// its text was.
struct Done<T> {
    /// `None` when [`RunOptions::skip`] passed the document over.
    item: Option<T>,
    inexact: Option<(String, Encoding)>,
    len: usize,
}

/// One job's outcome.
enum Outcome<T> {
    /// A document read and analysed (or passed over).
    Done(Done<T>),
    /// A failure, and its message.
    Failed(String),
    /// A duplicate record passed over, and the warning.
    Duplicate(String),
}

/// What the workers need besides the job.
struct Work<'a, P: Prepare> {
    extractor: &'a Extractor,
    skip: Option<&'a SkipFn>,
    fields: &'a FieldMap,
    prepare: &'a P,
}

/// Do one job: read the document (a file, or parse a record), analyse it
/// and run `prepare` on it and its analysis (on the worker, so that only
/// what the caller must do in order is left for its thread). A panic in
/// the stages is caught and reported as this document's failure, so one
/// bad document neither stops nor hangs the run.
fn process<P: Prepare>(job: Job, w: &Work<'_, P>) -> Outcome<P::Item> {
    let mut doc = match job {
        Job::File(path) => match read_path(&path) {
            Ok(d) => d,
            Err(e) => return Outcome::Failed(e.to_string()),
        },
        Job::Record { name, raw, copies } => match raw.parse(w.fields) {
            Ok(p) => {
                let mut d = p.into_document(&name);
                d.meta.copies = copies;
                d
            }
            Err(reason) => {
                return Outcome::Failed(
                    actorgraph::Error::Record {
                        path: name.as_ref().into(),
                        line: raw.line,
                        reason,
                    }
                    .to_string(),
                )
            }
        },
        Job::Fail(msg) => return Outcome::Failed(msg),
        Job::Duplicate(msg) => return Outcome::Duplicate(msg),
    };
    let len = doc.len();
    let inexact = (!doc.encoding.is_exact()).then(|| (place(&doc), doc.encoding));
    if w.skip.is_some_and(|skip| skip(&doc)) {
        return Outcome::Done(Done {
            item: None,
            inexact,
            len,
        });
    }
    if len > w.extractor.part_bytes() {
        // A huge document is analysed in parts, from its body alone: the
        // text of plain text is the body's twin, not held twice.
        doc.free_text_copy();
    }
    let item = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        prepare_parts(&doc, w.extractor, w.prepare)
    }));
    match item {
        Ok(item) => Outcome::Done(Done {
            item: Some(item),
            inexact,
            len,
        }),
        Err(p) => {
            let why = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Outcome::Failed(format!(
                "{}: internal error while analysing the document: {why}",
                place(&doc)
            ))
        }
    }
}

/// Analyse a document and prepare what the caller wants of it: whole, or
/// for a document longer than the extractor's part size part by part
/// ([`Extractor::analyze_parts`]), each part's result folded into the
/// first's as it comes, so that only one part's analysis is held at once.
fn prepare_parts<P: Prepare>(doc: &Document, extractor: &Extractor, prepare: &P) -> P::Item {
    let mut done: Option<P::Part> = None;
    extractor.analyze_parts(doc, |analysis| {
        let part = prepare.prepare(doc, analysis);
        match &mut done {
            Some(first) => prepare.merge(first, part),
            None => done = Some(part),
        }
    });
    prepare.finish(done.expect("every document has one part at least"))
}

/// Where a document is, for messages: its name, and for a record the line
/// it starts on.
fn place(doc: &Document) -> String {
    match doc.meta.line {
        Some(line) => format!("{}:{line}", doc.name),
        None => doc.name.clone(),
    }
}

/// The next task's jobs: up to [`BATCH`] files, or records up to
/// [`BATCH_RECORDS`] or [`BATCH_BYTES`]; empty when the inputs are done.
fn next_batch(jobs: &mut Jobs<'_>) -> Vec<Job> {
    let mut batch = Vec::new();
    let (mut files, mut bytes) = (0, 0);
    for job in jobs.by_ref() {
        match &job {
            Job::File(_) => files += 1,
            Job::Record { raw, .. } => bytes += raw.size(),
            _ => {}
        }
        batch.push(job);
        if files >= BATCH || batch.len() >= BATCH_RECORDS || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
}

/// Read and analyse every document under `paths`, turn each document and
/// its analysis into an item with `prepare` on the worker threads (e.g.
/// its JSON line, or what a graph needs of it; a huge document part by
/// part, see [`Prepare`]), and call `sink` with each item in input order.
/// Returns the counts; an error from `sink` (e.g. a failed write) stops
/// the run and is returned.
pub fn for_each_record<P: Prepare>(
    paths: &[PathBuf],
    extractor: &Extractor,
    opts: RunOptions,
    prepare: P,
    mut sink: impl FnMut(P::Item) -> anyhow::Result<()>,
) -> anyhow::Result<Summary> {
    let threads = thread_count(opts.threads);
    let mut notes = Vec::new();
    let sources = Sources::collect(paths, &opts.input, |w| notes.push(w.to_owned()))?;
    let progress = Progress::new(sources.loose(), opts.quiet);
    let mut summary = Summary {
        failed: sources.errors.len(),
        skipped: sources.skipped,
        ..Summary::default()
    };
    for e in &sources.errors {
        progress.report(&format!("actorgraph: {e}"));
    }
    for w in &notes {
        progress.report(w);
    }
    if opts.threads > MAX_THREADS {
        progress.report(&format!(
            "actorgraph: --threads {}: using {MAX_THREADS}, the most a run starts",
            opts.threads
        ));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    // The first pass over the records: which are duplicates.
    let plan = if opts.input.dedup != Dedup::None && sources.has_records() {
        Some(dedup::plan(&sources, &opts.input, &pool))
    } else {
        None
    };
    let mut take = |outcome: Outcome<P::Item>, summary: &mut Summary| -> anyhow::Result<()> {
        match outcome {
            Outcome::Done(Done { item, inexact, len }) => {
                if let Some((doc, enc)) = inexact {
                    let name = serde_json::to_value(enc)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    progress.report(&format!(
                        "actorgraph: {doc}: not valid UTF-8, read as {name}; offsets refer to the decoded text"
                    ));
                }
                progress.advance(len);
                let Some(item) = item else {
                    summary.passed += 1;
                    return Ok(());
                };
                summary.documents += 1;
                summary.bytes += len as u64;
                sink(item)
            }
            Outcome::Failed(msg) => {
                progress.report(&format!("actorgraph: {msg}"));
                summary.failed += 1;
                progress.advance(0);
                Ok(())
            }
            Outcome::Duplicate(msg) => {
                progress.report(&format!("actorgraph: {msg}"));
                summary.duplicates += 1;
                progress.advance(0);
                Ok(())
            }
        }
    };
    let mut jobs = Jobs::new(&sources, plan.as_ref(), &opts.input.fields, |n| {
        progress.add(n)
    });
    let work = Work {
        extractor,
        skip: opts.skip.as_ref(),
        fields: &opts.input.fields,
        prepare: &prepare,
    };
    if threads <= 1 || (sources.len() <= 1 && !sources.has_records()) {
        // One thread: no pool, the caller's thread does everything.
        for job in jobs.by_ref() {
            take(process(job, &work), &mut summary)?;
        }
    } else {
        let window = threads * IN_FLIGHT_PER_THREAD;
        let (tx, rx) = mpsc::channel::<(usize, Vec<Outcome<P::Item>>)>();
        let work = &work;
        // The calling thread reads the inputs' records, submits work and
        // reassembles the order; the pool's threads do the parsing,
        // reading, analysis and preparation.
        pool.in_place_scope(|scope| -> anyhow::Result<()> {
            let mut submitted = 0;
            let mut next = 0;
            let mut more = true;
            let mut waiting: BTreeMap<usize, Vec<Outcome<P::Item>>> = BTreeMap::new();
            loop {
                while more && submitted - next < window {
                    let batch = next_batch(&mut jobs);
                    if batch.is_empty() {
                        more = false;
                        break;
                    }
                    let tx = tx.clone();
                    let i = submitted;
                    scope.spawn(move |_| {
                        let outcomes = batch.into_iter().map(|job| process(job, work)).collect();
                        // The receiver only goes away when the run stops early.
                        let _ = tx.send((i, outcomes));
                    });
                    submitted += 1;
                }
                if next == submitted {
                    break;
                }
                if let Some(outcomes) = waiting.remove(&next) {
                    for outcome in outcomes {
                        take(outcome, &mut summary)?;
                    }
                    next += 1;
                    continue;
                }
                let (i, outcomes) = rx
                    .recv()
                    .expect("a worker holds a sender while work is pending");
                waiting.insert(i, outcomes);
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

    /// `n` more documents to do (records found in a file).
    fn add(&self, n: u64) {
        self.bar.inc_length(n);
    }

    /// Print a line on stderr without garbling the bar.
    fn report(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The environment variable that sets the part size of huge documents
/// (bytes), for tests; not documented for users.
const PART_BYTES_VAR: &str = "ACTORGRAPH_PART_BYTES";

/// The extractor of a run, with the user's alias file and word lists when
/// they are given (a malformed file is an error naming its line).
pub fn extractor(
    aliases: Option<&std::path::Path>,
    word_lists: Option<&std::path::Path>,
) -> anyhow::Result<actorgraph::pipeline::Extractor> {
    let mut b = actorgraph::pipeline::ExtractorBuilder::new();
    if let Some(p) = aliases {
        b = b.aliases(actorgraph::resolve::AliasTable::from_path(p)?);
    }
    if let Some(dir) = word_lists {
        b = b.word_lists(dir)?;
    }
    // Hidden, for tests: the part size of huge documents (see
    // `pipeline::part_ranges`), so that a test need not write 8 MB.
    if let Some(n) = std::env::var(PART_BYTES_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        b = b.part_bytes(n);
    }
    Ok(b.build())
}
