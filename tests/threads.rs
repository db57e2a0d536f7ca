//! The output does not depend on the number of threads: the real binary,
//! run with `--threads 1`, `2` and `3` on the same documents, writes the
//! same bytes (graph as DOT and JSON, JSON Lines records) and reports the
//! same failures in the same order.
//!
//! The articles below are written for this test; names are invented.

use std::path::Path;
use std::process::{Command, Output};

const ARTICLES: &[&str] = &[
    "Harbor toll talks stall\n\n\
     Mayor Ines Varga met Tavi Renn, the head of the Northwind Freight \
     Company, on Tuesday. \u{201c}We cannot wait another season,\u{201d} \
     Varga said. Renn told reporters that he expected a vote by March.\n\n\
     According to the Copper Valley Council, the plan would cost 3.5 \
     million dollars. Critics said the figure was too low.\n",
    "Odile Marsh, 61, said the river guilds would not sign. \"Nobody here \
     trusts the numbers,\" said Marsh, who chairs the Federation of River \
     Guilds. Her deputy, Bram Okafor, disagreed. He said the guilds had \
     already voted.\n\nMarsh later wrote that Okafor was mistaken.\n",
    "# Council notes\n\nSenator Mira Doss and Gen. Quillon Darrowby spoke \
     at the Ministry of Harbors.\n\n- Doss asked for an audit.\n- Darrowby \
     said the audit would take a year.\n\n\"It is a delay, nothing more,\" \
     Doss told the *Valley Ledger*.\n",
    "<html><head><title>Ferry</title></head><body><p>Dr. Tamsin Hale \
     of Almanac Bank said the ferry loan was safe.</p><p>&ldquo;The bank \
     stands behind it,&rdquo; Hale said. Paulo Brandt, a trader, said he \
     doubted it.</p></body></html>\n",
    "Leontyne Ambris arrived late. Ms. Ambris and Oskar Lindqvist spoke \
     for an hour, aides said. Lindqvist said Ambris had agreed to the \
     terms. She denied it. \u{201c}I agreed to nothing,\u{201d} Ambris \
     said.\n\nThe talks resume on Friday, according to Lindqvist.\n",
    "Yara Quade and Dario Pellan met Ines Varga in the U.S. capital. \
     Quade said Pellan and Varga had met twice before. Pellan, then \
     chief of staff to Varga, says the meetings were short.\n",
];

/// Write the articles, each several times under different names, with a
/// binary file and an empty file among them; return the directory.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for copy in 0..6 {
        let sub = dir.path().join(format!("batch{copy}"));
        std::fs::create_dir(&sub).expect("mkdir");
        for (i, text) in ARTICLES.iter().enumerate() {
            let ext = if text.starts_with("<html>") {
                "html"
            } else if text.starts_with('#') {
                "md"
            } else {
                "txt"
            };
            // Vary the text a little so records differ between copies.
            let text = text.replace("Tuesday", ["Monday", "Tuesday", "Friday"][copy % 3]);
            std::fs::write(sub.join(format!("a{i:02}.{ext}")), text).expect("write");
        }
    }
    std::fs::write(
        dir.path().join("batch2/b-binary.txt"),
        b"\x00\x01\x02\x00text\x00",
    )
    .expect("write");
    std::fs::write(dir.path().join("batch4/b-empty.txt"), "  \n").expect("write");
    dir
}

fn run(dir: &Path, args: &[&str], threads: usize) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .arg(dir)
        .args(["--threads", &threads.to_string()])
        .output()
        .expect("run actorgraph")
}

/// Standard error with the run summary's seconds (its last field, the one
/// thing allowed to differ between runs) taken out.
fn without_seconds(err: &[u8]) -> String {
    String::from_utf8_lossy(err)
        .lines()
        .map(|l| match l.rsplit_once("; ") {
            Some((head, secs)) if secs.ends_with(" s") => head.to_owned(),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn same_bytes_whatever_the_thread_count() {
    let dir = corpus();
    let commands: &[&[&str]] = &[
        &["build"],
        &["build", "--format", "json"],
        &["build", "--window", "paragraph", "--max-evidence", "2"],
        &["extract"],
    ];
    for args in commands {
        let one = run(dir.path(), args, 1);
        assert_eq!(one.status.code(), Some(1), "{args:?}: two documents fail");
        assert!(!one.stdout.is_empty(), "{args:?}: output written");
        for threads in [2, 3] {
            let many = run(dir.path(), args, threads);
            assert_eq!(
                many.status.code(),
                one.status.code(),
                "{args:?} --threads {threads}"
            );
            assert!(
                many.stdout == one.stdout,
                "{args:?}: --threads {threads} output differs from --threads 1"
            );
            assert_eq!(
                without_seconds(&many.stderr),
                without_seconds(&one.stderr),
                "{args:?}: --threads {threads} reports differ"
            );
        }
    }
}

#[test]
fn records_in_input_order_and_failures_reported_once_each() {
    let dir = corpus();
    let out = run(dir.path(), &["extract", "--quiet"], 2);
    assert_eq!(out.status.code(), Some(1));
    let docs: Vec<String> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["doc"].as_str().expect("doc").to_owned()
        })
        .collect();
    assert_eq!(docs.len(), 6 * ARTICLES.len());
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted, "records come in the sorted walk order");
    // No progress bar on a pipe: stderr holds the two failures, one line
    // each, naming their files, in input order.
    let err = String::from_utf8(out.stderr).expect("utf-8");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("actorgraph: ") && lines[0].contains("b-binary.txt"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("actorgraph: ") && lines[1].contains("b-empty.txt"),
        "{err}"
    );
}

#[test]
fn evidence_is_capped_per_link() {
    let dir = corpus();
    for cap in [1usize, 3] {
        let out = run(
            dir.path(),
            &[
                "build",
                "--format",
                "json",
                "--max-evidence",
                &cap.to_string(),
            ],
            2,
        );
        let g: serde_json::Value = serde_json::from_slice(&out.stdout).expect("graph JSON");
        let edges = g["edges"].as_array().expect("edges");
        assert!(!edges.is_empty());
        let mut heavier = false;
        for e in edges {
            let n = e["evidence"].as_array().expect("evidence").len();
            let w = e["weight"].as_u64().expect("weight") as usize;
            assert_eq!(n, w.min(cap), "evidence of {e}");
            heavier |= w > cap;
        }
        assert!(heavier, "some link is seen more often than the cap");
    }
}
