//! The first pass over a run's records: which are duplicates.
//!
//! Every record of every multi-document input is parsed (on the pool, a
//! chunk at a time) and fingerprinted, then shown to a
//! [`Deduper`](actorgraph::ingest::dedup::Deduper) in input order. The
//! [`Plan`] says, for the second pass, which records are passed over (with
//! the warning naming both places) and which kept records have copies
//! (their ids, outlets and dates ride in the document's `meta.copies`).
//! Records that fail to parse are left out here: the second pass reports
//! them.

use super::input::{Dedup, InputOptions};
use super::jobs::Sources;
use actorgraph::ingest::dedup::{Decision, Deduper, Fingerprint};
use actorgraph::ingest::records::Parsed;
use actorgraph::ingest::{DocCopy, Field};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// What the second pass does with a record other than read it.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Pass it over: the warning.
    Duplicate(String),
    /// Read it, with these copies of it in its metadata.
    Copies(Vec<DocCopy>),
}

/// The verdicts, by input and record number.
#[derive(Debug, Default)]
pub struct Plan {
    verdicts: FxHashMap<(usize, u64), Verdict>,
}

impl Plan {
    /// The verdict on record `ordinal` (0-based) of input `input`; `None`:
    /// read it as it is.
    pub fn verdict(&self, input: usize, ordinal: u64) -> Option<&Verdict> {
        self.verdicts.get(&(input, ordinal))
    }
}

/// Records parsed per chunk of the first pass.
const CHUNK: usize = 512;

/// A kept record: where it is, and what its copies need.
struct Kept {
    input: usize,
    ordinal: u64,
    line: u64,
    id: String,
}

/// What the first pass keeps of a record.
struct Peek {
    id: String,
    line: u64,
    source: Option<String>,
    date: Option<String>,
    fp: Fingerprint,
}

fn peek(p: Parsed, name: &str, near: bool) -> Peek {
    let id = p.id(name);
    let fp = Fingerprint::of(p.body().0, near);
    let trimmed = |f: Field| p.values.get(f).map(|s| s.trim().to_owned());
    Peek {
        id,
        line: p.line,
        source: trimmed(Field::Source),
        date: p.values.get(Field::Date).map(str::to_owned),
        fp,
    }
}

/// Read every record once and decide which are duplicates.
pub fn plan(sources: &Sources, opts: &InputOptions, pool: &rayon::ThreadPool) -> Plan {
    let near = opts.dedup == Dedup::Near;
    let mut dedup = Deduper::new();
    let mut kept: Vec<Kept> = Vec::new();
    let mut plan = Plan::default();
    for (input, source) in sources.list.iter().enumerate() {
        if source.format.is_none() {
            continue;
        }
        // A file that cannot be read is reported by the second pass.
        let Ok(mut records) = sources.open(input, &opts.fields) else {
            continue;
        };
        let mut ordinal = 0u64;
        loop {
            let chunk: Vec<_> = records.by_ref().take(CHUNK).map_while(Result::ok).collect();
            if chunk.is_empty() {
                break;
            }
            let name = &source.name;
            let peeks: Vec<Option<Peek>> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|raw| raw.parse(&opts.fields).ok().map(|p| peek(p, name, near)))
                    .collect()
            });
            let full = chunk.len() == CHUNK;
            for p in peeks {
                let this = ordinal;
                ordinal += 1;
                let Some(p) = p else { continue };
                let place = format!("{name}:{}", p.line);
                let first = |n: usize| {
                    let k: &Kept = &kept[n];
                    (
                        format!("{}:{}", sources.list[k.input].name, k.line),
                        k.id.clone(),
                        (k.input, k.ordinal),
                    )
                };
                let (warning, copy_of) = match dedup.observe(&p.id, p.fp) {
                    Decision::New(n) => {
                        debug_assert_eq!(n, kept.len());
                        kept.push(Kept {
                            input,
                            ordinal: this,
                            line: p.line,
                            id: p.id,
                        });
                        continue;
                    }
                    Decision::SameId(n) => {
                        let (at, _, _) = first(n);
                        (
                            format!("{place}: id {:?} read already at {at}, counted once", p.id),
                            None,
                        )
                    }
                    Decision::SameText(n) => {
                        let (at, id, key) = first(n);
                        (
                            format!(
                                "{place}: {:?} has the same text as {id:?} at {at}, counted once as its copy",
                                p.id
                            ),
                            Some(key),
                        )
                    }
                    Decision::NearCopy(n) => {
                        let (at, id, key) = first(n);
                        (
                            format!(
                                "{place}: {:?} is a near copy of {id:?} at {at}, counted once as its copy",
                                p.id
                            ),
                            Some(key),
                        )
                    }
                };
                plan.verdicts
                    .insert((input, this), Verdict::Duplicate(warning));
                if let Some(key) = copy_of {
                    let copy = DocCopy {
                        id: p.id,
                        source: p.source,
                        date: p.date,
                    };
                    match plan
                        .verdicts
                        .entry(key)
                        .or_insert_with(|| Verdict::Copies(Vec::new()))
                    {
                        Verdict::Copies(c) => c.push(copy),
                        Verdict::Duplicate(_) => unreachable!("a kept record is no duplicate"),
                    }
                }
            }
            if !full {
                break;
            }
        }
    }
    plan
}
