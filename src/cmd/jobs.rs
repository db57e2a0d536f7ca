//! What a run reads, as a stream of jobs for the workers.
//!
//! [`Sources`] are the inputs of a run once expanded (directories walked,
//! files named twice dropped): loose documents, and multi-document files
//! (JSON Lines, CSV, TSV, by their names, or standard input with
//! `--input-format`). [`Jobs`] streams them in input order as [`Job`]s: a
//! loose file is one job (read on the worker), a multi-document file is
//! opened on the calling thread and each of its records is one job,
//! unparsed (parsed on the worker). Only the record being handed out is
//! held, so a large file is never loaded whole.

use super::dedup::{Plan, Verdict};
use super::input::{unique_inputs, Dedup, InputOptions};
use actorgraph::ingest::{
    collect_inputs, decompressed, DocCopy, FieldMap, RawRecord, RecordFormat, Records,
};
use std::path::PathBuf;
use std::sync::Arc;

/// One input of a run.
#[derive(Debug)]
pub struct Source {
    /// The name documents from it go by (`-` for standard input).
    pub name: Arc<str>,
    /// Where to read it (`-`: standard input itself; else a file, maybe
    /// the copy of standard input).
    path: PathBuf,
    /// Its records' format, for a multi-document input.
    pub format: Option<RecordFormat>,
}

/// The inputs of a run.
pub struct Sources {
    /// The inputs, in order.
    pub list: Vec<Source>,
    /// Problems met expanding the paths (each one counts as failed).
    pub errors: Vec<actorgraph::Error>,
    /// Files named twice, read once.
    pub skipped: usize,
    /// The copy of standard input, when it must be read twice (a first
    /// pass over its records for duplicates).
    _spool: Option<tempfile::NamedTempFile>,
}

impl Sources {
    /// Expand `paths`. Warnings (a file named twice) go to `warn`. When
    /// standard input holds records and duplicates are looked for, it is
    /// copied to a temporary file first, to be read twice.
    pub fn collect(
        paths: &[PathBuf],
        opts: &InputOptions,
        warn: impl FnMut(&str),
    ) -> anyhow::Result<Sources> {
        let (inputs, errors) = collect_inputs(paths);
        let (inputs, skipped) = unique_inputs(inputs, warn);
        let mut spool = None;
        let mut list = Vec::with_capacity(inputs.len());
        for input in inputs {
            let stdin = input.path.as_os_str() == "-";
            let format = if stdin {
                opts.stdin_format
            } else {
                RecordFormat::from_path(&input.path)
            };
            let mut path = input.path;
            if stdin && format.is_some() && opts.dedup != Dedup::None && spool.is_none() {
                let mut f = tempfile::NamedTempFile::new()?;
                std::io::copy(&mut std::io::stdin().lock(), &mut f)
                    .map_err(|e| anyhow::anyhow!("-: cannot read standard input: {e}"))?;
                path = f.path().to_path_buf();
                spool = Some(f);
            }
            list.push(Source {
                name: if stdin {
                    "-".into()
                } else {
                    path.to_string_lossy().into()
                },
                path,
                format,
            });
        }
        Ok(Sources {
            list,
            errors,
            skipped,
            _spool: spool,
        })
    }

    /// How many inputs.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// How many are loose documents.
    pub fn loose(&self) -> usize {
        self.list.iter().filter(|s| s.format.is_none()).count()
    }

    /// True when some input is a multi-document file.
    pub fn has_records(&self) -> bool {
        self.list.iter().any(|s| s.format.is_some())
    }

    /// The records of input `i` (a multi-document one), streamed; or what
    /// keeps the file from being read at all.
    pub fn open(&self, i: usize, fields: &FieldMap) -> Result<Records<'static>, String> {
        let s = &self.list[i];
        let format = s.format.expect("a multi-document input");
        let fail = |e: String| {
            actorgraph::Error::Records {
                path: s.name.as_ref().into(),
                reason: e,
            }
            .to_string()
        };
        let r: Box<dyn std::io::Read> = if s.path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(&s.path).map_err(|e| fail(e.to_string()))?)
        };
        let r = decompressed(r).map_err(|e| fail(e.to_string()))?;
        Records::new(r, format, fields).map_err(fail)
    }
}

/// One piece of work, in input order.
pub enum Job {
    /// A loose document to read.
    File(PathBuf),
    /// A record of a multi-document file, to parse; with the copies of its
    /// text the first pass found.
    Record {
        /// The file's name.
        name: Arc<str>,
        /// The record.
        raw: RawRecord,
        /// Records found to be copies of this one.
        copies: Vec<DocCopy>,
    },
    /// A failure known already (a file that cannot be read), its message.
    Fail(String),
    /// A duplicate record passed over, its warning.
    Duplicate(String),
}

/// The jobs of a run's sources, in order.
pub struct Jobs<'a> {
    sources: &'a Sources,
    plan: Option<&'a Plan>,
    fields: &'a FieldMap,
    next: usize,
    current: Option<Current>,
    /// Told of each record found (for the progress bar).
    on_record: Box<dyn FnMut(u64) + 'a>,
}

/// The multi-document file being read.
struct Current {
    index: usize,
    records: Records<'static>,
    /// Records handed out so far.
    ordinal: u64,
}

impl<'a> Jobs<'a> {
    /// The jobs of `sources`, with the first pass's `plan` if there was one.
    pub fn new(
        sources: &'a Sources,
        plan: Option<&'a Plan>,
        fields: &'a FieldMap,
        on_record: impl FnMut(u64) + 'a,
    ) -> Jobs<'a> {
        Jobs {
            sources,
            plan,
            fields,
            next: 0,
            current: None,
            on_record: Box::new(on_record),
        }
    }
}

impl Iterator for Jobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(cur) = &mut self.current {
                let source = &self.sources.list[cur.index];
                match cur.records.next() {
                    None => self.current = None,
                    Some(Err(e)) => {
                        self.current = None;
                        return Some(Job::Fail(format!("{}: {e}", source.name)));
                    }
                    Some(Ok(raw)) => {
                        let ordinal = cur.ordinal;
                        cur.ordinal += 1;
                        (self.on_record)(1);
                        let verdict = self.plan.and_then(|p| p.verdict(cur.index, ordinal));
                        return Some(match verdict {
                            Some(Verdict::Duplicate(w)) => Job::Duplicate(w.clone()),
                            Some(Verdict::Copies(c)) => Job::Record {
                                name: source.name.clone(),
                                raw,
                                copies: c.clone(),
                            },
                            None => Job::Record {
                                name: source.name.clone(),
                                raw,
                                copies: Vec::new(),
                            },
                        });
                    }
                }
                continue;
            }
            let index = self.next;
            let source = self.sources.list.get(index)?;
            self.next += 1;
            if source.format.is_none() {
                return Some(Job::File(source.path.clone()));
            }
            match self.sources.open(index, self.fields) {
                Ok(records) => {
                    self.current = Some(Current {
                        index,
                        records,
                        ordinal: 0,
                    })
                }
                Err(msg) => return Some(Job::Fail(msg)),
            }
        }
    }
}
