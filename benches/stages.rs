//! Per-stage benchmarks (ingest, segment, mentions, resolve, attribution,
//! record, graph, and the graph split as `build` runs it: plans on the
//! workers, merge + DOT on one thread) and end to end on one thread and on
//! all threads; and the word table's lookups (`word_table`).
//!
//! `cargo bench --bench stages`; throughput is in bytes of document text.
//! Inputs: see `common/mod.rs` (corpus read at run time, or generated).

mod common;

use actorgraph::attribution::{attribute, Lexicon};
use actorgraph::export::{self, Format};
use actorgraph::graph::{ActorGraph, GraphOptions, RecordPlan};
use actorgraph::ingest::{read_bytes, Document};
use actorgraph::mentions::detect;
use actorgraph::pipeline::{DocRecord, Extractor};
use actorgraph::resolve::{resolve, AliasTable};
use actorgraph::segment::segment;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rayon::prelude::*;
use std::hint::black_box;
use std::time::Duration;

/// The allocator the binary uses (see `src/main.rs`), so the numbers
/// are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bytes of text the benchmarks run over.
const BENCH_BYTES: usize = 2_000_000;

fn documents() -> Vec<Document> {
    common::articles(BENCH_BYTES)
        .into_iter()
        .filter_map(|(name, bytes)| read_bytes(&name, &bytes, None).ok())
        .collect()
}

fn stages(c: &mut Criterion) {
    let raw = common::articles(BENCH_BYTES);
    let docs = documents();
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let aliases = AliasTable::default();
    let mention_lexicon = actorgraph::mentions::Lexicon::builtin();
    let resolve_lexicon = actorgraph::resolve::Lexicon::builtin();
    let segs: Vec<_> = docs.iter().map(|d| segment(&d.body)).collect();
    let lex = actorgraph::mentions::Lexicon::builtin();
    let mentions: Vec<_> = docs
        .iter()
        .zip(&segs)
        .map(|(d, s)| detect(&d.body, s, &lex))
        .collect();
    let resolutions: Vec<_> = docs
        .iter()
        .zip(&segs)
        .zip(&mentions)
        .map(|((d, s), m)| resolve(&d.body, s, m, &aliases, &mention_lexicon, &resolve_lexicon))
        .collect();
    let extractor = Extractor::new();
    let analyses: Vec<_> = docs.iter().map(|d| extractor.analyze(d)).collect();
    let records: Vec<DocRecord> = docs
        .iter()
        .zip(&analyses)
        .map(|(d, a)| DocRecord::new(d, a))
        .collect();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("ingest", |b| {
        b.iter(|| {
            for (name, data) in &raw {
                black_box(read_bytes(name, data, None).ok());
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(segment(&d.body));
            }
        })
    });
    g.bench_function("mentions", |b| {
        b.iter(|| {
            for (d, s) in docs.iter().zip(&segs) {
                black_box(detect(&d.body, s, &lex));
            }
        })
    });
    g.bench_function("resolve", |b| {
        b.iter(|| {
            for ((d, s), m) in docs.iter().zip(&segs).zip(&mentions) {
                black_box(resolve(
                    &d.body,
                    s,
                    m,
                    &aliases,
                    &mention_lexicon,
                    &resolve_lexicon,
                ));
            }
        })
    });
    let lexicon = Lexicon::builtin();
    g.bench_function("attribution", |b| {
        b.iter(|| {
            for (((d, s), m), r) in docs.iter().zip(&segs).zip(&mentions).zip(&resolutions) {
                black_box(attribute(&d.body, s, m, r, &lexicon));
            }
        })
    });
    g.bench_function("record", |b| {
        b.iter(|| {
            for (d, a) in docs.iter().zip(&analyses) {
                black_box(DocRecord::new(d, a));
            }
        })
    });
    g.bench_function("graph", |b| {
        b.iter_batched(
            || ActorGraph::new(GraphOptions::default()),
            |mut graph| {
                for r in &records {
                    graph.add_record(r);
                }
                let mut out = Vec::new();
                export::write(&graph, Format::Dot, &mut out).expect("in memory");
                black_box(out)
            },
            BatchSize::LargeInput,
        )
    });
    // `build` splits the graph work: plans on the workers, then merging
    // them in order and writing on one thread.
    let options = GraphOptions::default();
    g.bench_function("graph plan (workers)", |b| {
        b.iter(|| {
            for (d, a) in docs.iter().zip(&analyses) {
                black_box(RecordPlan::from_analysis(d, a, &options));
            }
        })
    });
    let plans: Vec<RecordPlan> = docs
        .iter()
        .zip(&analyses)
        .map(|(d, a)| RecordPlan::from_analysis(d, a, &options))
        .collect();
    g.bench_function("graph merge + dot (ordered thread)", |b| {
        b.iter_batched(
            || (ActorGraph::new(options.clone()), plans.clone()),
            |(mut graph, plans)| {
                for p in plans {
                    graph.add_plan(p);
                }
                let mut out = Vec::new();
                export::write(&graph, Format::Dot, &mut out).expect("in memory");
                black_box(out)
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    // End to end from bytes in memory to DOT, as `build` runs it.
    let mut g = c.benchmark_group("end_to_end");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    let all = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut counts = vec![1];
    if all > 1 {
        counts.push(all);
    }
    for threads in counts {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        g.bench_function(format!("build/{threads}-threads"), |b| {
            b.iter(|| {
                // As the binary does: plans made on the workers, merged
                // in input order on this thread.
                let options = GraphOptions::default();
                let plans: Vec<RecordPlan> = pool.install(|| {
                    raw.par_iter()
                        .filter_map(|(name, data)| read_bytes(name, data, None).ok())
                        .map(|d| RecordPlan::from_analysis(&d, &extractor.analyze(&d), &options))
                        .collect()
                });
                let mut graph = ActorGraph::new(options);
                for p in plans {
                    graph.add_plan(p);
                }
                let mut out = Vec::new();
                export::write(&graph, Format::Dot, &mut out).expect("in memory");
                black_box(out)
            })
        });
    }
    g.finish();
}

/// The one word table (`words::WordTable`): every token of the sample
/// looked up in place in its lower-cased document, against a table of a
/// third of the sample's distinct words (so most lookups miss, as in the
/// stages); and the same lookups in a plain hash map of slices, for scale.
fn word_table(c: &mut Criterion) {
    use actorgraph::words::hash::WordMap;
    use actorgraph::words::WordTableBuilder;
    let docs = documents();
    let lows: Vec<String> = docs.iter().map(|d| d.body.to_lowercase()).collect();
    let spans: Vec<Vec<(usize, usize)>> = docs
        .iter()
        .zip(&lows)
        .map(|(d, low)| {
            // Token spans of the original text, where the lower case has
            // the same length (as attribution looks them up).
            let ok = low.len() == d.body.len();
            segment(&d.body)
                .tokens
                .iter()
                .filter(|_| ok)
                .map(|t| (t.span.start, t.span.end))
                .collect()
        })
        .collect();
    let mut distinct: Vec<&[u8]> = lows
        .iter()
        .zip(&spans)
        .flat_map(|(low, sp)| sp.iter().map(move |&(a, b)| &low.as_bytes()[a..b]))
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    let listed: Vec<&[u8]> = distinct.iter().copied().step_by(3).collect();
    let mut builder = WordTableBuilder::new(|a: u64, b: u64| a | b);
    let mut map: WordMap<&[u8], u64> = WordMap::default();
    for (i, w) in listed.iter().enumerate() {
        builder.insert(w, 1 << (i % 64));
        *map.entry(w).or_insert(0) |= 1 << (i % 64);
    }
    let table = builder.build();
    let tokens: u64 = spans.iter().map(|s| s.len() as u64).sum();

    let mut g = c.benchmark_group("word_table");
    g.throughput(Throughput::Elements(tokens));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("table", |b| {
        b.iter(|| {
            let view = table.view();
            let mut acc = 0u64;
            for (low, sp) in lows.iter().zip(&spans) {
                for &(s, e) in sp {
                    acc ^= view.get_at(low.as_bytes(), s, e);
                }
            }
            black_box(acc)
        })
    });
    g.bench_function("hashmap", |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for (low, sp) in lows.iter().zip(&spans) {
                for &(s, e) in sp {
                    acc ^= map.get(&low.as_bytes()[s..e]).copied().unwrap_or(0);
                }
            }
            black_box(acc)
        })
    });
    g.finish();
}

criterion_group!(benches, stages, word_table);
criterion_main!(benches);
