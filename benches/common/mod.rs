//! Benchmark inputs: news text read at run time, never stored in the repo.
//!
//! The texts are the PolNeAR `train` articles under `../shared/corpus`
//! (or the directory named by `ACTORGRAPH_BENCH_CORPUS`); when neither is
//! there, articles are generated from invented names and sentence patterns
//! written for this purpose.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Where the corpus is, if it is there.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("ACTORGRAPH_BENCH_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear/train"),
    };
    dir.is_dir().then_some(dir)
}

/// `(name, bytes)` of news articles, about `max_bytes` in all: the corpus
/// texts in name order when present, generated articles otherwise.
pub fn articles(max_bytes: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut total = 0;
    if let Some(dir) = corpus_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        paths.sort();
        for p in paths {
            if total >= max_bytes {
                break;
            }
            if let Ok(b) = std::fs::read(&p) {
                total += b.len();
                out.push((p.display().to_string(), b));
            }
        }
    }
    if out.is_empty() {
        eprintln!("bench: no corpus found; using generated articles");
        let mut i = 0;
        while total < max_bytes {
            let a = generated_article(i);
            total += a.len();
            out.push((format!("generated-{i:05}.txt"), a.into_bytes()));
            i += 1;
        }
    }
    out
}

const GIVEN: &[&str] = &[
    "Ines", "Tavi", "Odile", "Mira", "Paulo", "Quillon", "Tamsin", "Bram", "Leontyne", "Oskar",
    "Yara", "Dario", "Hesper", "Ludo", "Wenna", "Cosmo",
];
const SURNAMES: &[&str] = &[
    "Varga",
    "Renn",
    "Marsh",
    "Doss",
    "Brandt",
    "Darrowby",
    "Hale",
    "Okafor",
    "Vellacourt",
    "Ambris",
    "Kestrel",
    "Thorne",
    "Quade",
    "Lindqvist",
    "Morrow",
    "Pellan",
];
const ORGS: &[&str] = &[
    "the Ministry of Harbors",
    "Northwind Freight Inc.",
    "the Copper Valley Council",
    "the Federation of River Guilds",
    "Almanac Bank",
];
const TITLES: &[&str] = &["Senator", "Mayor", "Gen.", "Dr.", "Ms.", "Mr.", "Secretary"];

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        xs[(self.0 % xs.len() as u64) as usize]
    }
}

/// An invented news article of about 4 KB.
pub fn generated_article(seed: u64) -> String {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut s = String::new();
    let people: Vec<(String, String)> = (0..4)
        .map(|_| (r.pick(GIVEN).to_owned(), r.pick(SURNAMES).to_owned()))
        .collect();
    s.push_str(&format!(
        "{} {} weighs a new harbor plan\n\n",
        people[0].0, people[0].1
    ));
    for para in 0..8 {
        let (g1, s1) = &people[para % 4];
        let (g2, s2) = &people[(para + 1) % 4];
        let title = r.pick(TITLES);
        let org = r.pick(ORGS);
        s.push_str(&format!(
            "{title} {g1} {s1} met {g2} {s2} on Tuesday to discuss the toll on barges. \
             \u{201c}We cannot wait another season,\u{201d} {s1} said. \
             According to {org}, the talks ran late into the night, and {s2} told reporters \
             that he expected a vote by March. {s1}'s aides said the plan would cost \
             3.5 million dollars, while critics at {org} argued it was too little, too late. \
             \"Nobody here trusts the numbers,\" said {g2} {s2}, who chairs the U.S. panel.\n\n"
        ));
    }
    s
}
