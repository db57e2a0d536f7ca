//! Huge documents (issue #17, item 13): a document longer than the part
//! size is analysed in parts cut at paragraph breaks, so its memory is
//! bounded by the part size, and its record and graph are still one
//! document's: spans into the whole text, the document counted once,
//! names in different parts one actor.
//!
//! The part size is 8 MB; these tests lower it through the hidden
//! `ACTORGRAPH_PART_BYTES` so that their documents stay small.

mod common;

use common::cli::{bin, records, stderr};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// The variable that sets the part size.
const PART_VAR: &str = "ACTORGRAPH_PART_BYTES";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Run the binary with this part size (`None`: the default).
fn run_parts(part: Option<usize>, args: &[&str]) -> Output {
    let mut cmd: Command = bin();
    cmd.args(args);
    match part {
        Some(n) => cmd.env(PART_VAR, n.to_string()),
        None => cmd.env_remove(PART_VAR),
    };
    let o = cmd.output().expect("run actorgraph");
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

const PEOPLE: [&str; 8] = [
    "Tavi Renn",
    "Marta Kollar",
    "Oskar Haskel",
    "Sela Dumitru",
    "Bruno Tosk",
    "Yuna Falk",
    "Dario Zeman",
    "Alma Strand",
];
const CITIES: [&str; 4] = ["Quess", "Tallmar", "Brindle", "Orvika"];

/// The `i`th filler paragraph: full names only (no pronoun, no surname
/// alone), so that resolution within a part is resolution within the
/// whole document; every tenth paragraph pairs Tavi Renn with Marta
/// Kollar (twice, and Tavi Renn says something about her), the others
/// pair other people.
fn paragraph(i: usize) -> String {
    let a = PEOPLE[2 + i % 6];
    let b = PEOPLE[2 + (i / 6 + 1 + i % 5) % 6];
    let b = if a == b { PEOPLE[2 + (i + 1) % 6] } else { b };
    let city = CITIES[i % 4];
    if i % 10 == 0 {
        return format!(
            "Tavi Renn and Marta Kollar visited the harbour in {city} on Monday. \
             Tavi Renn said that Marta Kollar would sign the deal."
        );
    }
    format!(
        "{a} met {b} in {city} to talk about the budget. \
         The talks went on until late in the evening, officials said."
    )
}

/// A document of `n` paragraphs separated by blank lines (or by a space
/// alone, on one line, when `one_line`), Ines Varga named in the first and
/// the last.
fn document(n: usize, one_line: bool) -> String {
    let sep = if one_line { " " } else { "\n\n" };
    let mut t = String::from("Ines Varga met Paulo Brandt in Porto on Monday.");
    for i in 0..n {
        t.push_str(sep);
        t.push_str(&paragraph(i));
    }
    t.push_str(sep);
    t.push_str("Ines Varga spoke to Lena Orvik on Friday.");
    t.push('\n');
    t
}

/// The one record `extract` prints for `path` with this part size.
fn record(part: Option<usize>, path: &Path) -> Value {
    let o = run_parts(part, &["extract", "-q", s(path)]);
    let mut recs = records(&o);
    assert_eq!(recs.len(), 1, "one document, one record");
    recs.pop().unwrap()
}

fn span(v: &Value) -> (usize, usize) {
    (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    )
}

/// Every span of `rec` slices `text` at character boundaries, mention and
/// speaker texts are their spans' text, sentences go forward and hold
/// their mentions, and indices are in range.
fn check_spans(text: &str, rec: &Value) {
    let slice = |(a, b): (usize, usize), what: &str| -> &str {
        text.get(a..b)
            .unwrap_or_else(|| panic!("{what} {a}..{b} does not slice the text"))
    };
    let sentences = rec["sentences"].as_array().unwrap();
    let mut end = 0;
    let mut paragraph = 0;
    for s in sentences {
        let (a, b) = span(s);
        slice((a, b), "sentence");
        assert!(a >= end && a < b, "sentence {a}..{b} after {end}");
        let p = s["paragraph"].as_u64().unwrap() as usize;
        assert!(p >= paragraph, "paragraph {p} after {paragraph}");
        end = b;
        paragraph = p;
    }
    for m in rec["mentions"].as_array().unwrap() {
        let (a, b) = span(m);
        assert_eq!(slice((a, b), "mention"), m["text"].as_str().unwrap());
        let s = &sentences[m["sentence"].as_u64().unwrap() as usize];
        let (sa, sb) = span(s);
        assert!(sa <= a && b <= sb, "mention {a}..{b} outside its sentence");
        assert_eq!(m["paragraph"], s["paragraph"]);
    }
    for at in rec["attributions"].as_array().unwrap() {
        if let Some(sp) = at["speaker"].as_object() {
            let v = Value::Object(sp.clone());
            assert_eq!(slice(span(&v), "speaker"), v["text"].as_str().unwrap());
        }
        for key in ["cue", "content"] {
            let pieces = match &at[key] {
                Value::Array(v) => v.clone(),
                one => vec![one.clone()],
            };
            for p in &pieces {
                slice(span(p), key);
            }
        }
        assert!((at["sentence"].as_u64().unwrap() as usize) < sentences.len());
    }
}

/// (start, end, text) of every mention.
fn mentions(rec: &Value) -> Vec<(usize, usize, String)> {
    rec["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (a, b) = span(m);
            (a, b, m["text"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn extract_of_a_document_in_parts_is_one_record_of_the_whole_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = document(400, false);
    let path = dir.path().join("huge.txt");
    std::fs::write(&path, &text).unwrap();
    let parts = record(Some(4096), &path);
    check_spans(&text, &parts);
    // Cut at paragraph breaks: the same sentences, paragraphs and mentions
    // as the document analysed whole (names are full names throughout).
    let whole = record(None, &path);
    assert_eq!(parts["sentences"], whole["sentences"]);
    assert_eq!(mentions(&parts), mentions(&whole));
    assert_eq!(parts["attributions"], whole["attributions"]);
    // The line is the library's record of the document in parts.
    let doc = actorgraph::ingest::read_path(&path).unwrap();
    let ex = actorgraph::pipeline::ExtractorBuilder::new()
        .part_bytes(4096)
        .build();
    let o = run_parts(Some(4096), &["extract", "-q", s(&path)]);
    let line = serde_json::to_string(&ex.extract(&doc)).unwrap() + "\n";
    assert!(
        line.as_bytes() == o.stdout,
        "extract's line is not the library's record"
    );
    let last = parts["sentences"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["paragraph"], 401, "402 paragraphs, counted on");
    // Ines Varga, in the first part and the last, is one actor.
    let varga: Vec<&Value> = parts["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["text"] == "Ines Varga")
        .collect();
    assert_eq!(varga.len(), 2);
    assert_eq!(varga[0]["actor"], varga[1]["actor"]);
    assert!(span(varga[1]).0 > 4096 * 10);
}

#[test]
fn build_of_a_document_in_parts_counts_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = document(400, false);
    let path = dir.path().join("huge.txt");
    std::fs::write(&path, &text).unwrap();
    let graph = |part: Option<usize>| -> Value {
        let out = dir.path().join(format!("g{}.json", part.unwrap_or(0)));
        run_parts(
            part,
            &["build", "-q", "-f", "json", s(&path), "-o", s(&out)],
        );
        serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap()
    };
    let g = graph(Some(4096));
    let node = |id: &str| -> Value {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("no node {id}"))
            .clone()
    };
    // Named in the first part and in the last: one actor, one document.
    let varga = node("Ines Varga");
    assert_eq!(
        (varga["mentions"].as_u64(), varga["documents"].as_u64()),
        (Some(2), Some(1))
    );
    for n in g["nodes"].as_array().unwrap() {
        assert_eq!(n["documents"], 1, "{n}");
    }
    for e in g["edges"].as_array().unwrap() {
        assert_eq!(e["documents"], 1, "{e}");
    }
    // A link inside each tenth paragraph, in every part: found, its weight
    // the number of its sentences, its evidence sentences of the text.
    let link = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["source"] == "Marta Kollar"
                && e["target"] == "Tavi Renn"
                && e["kind"] == "cooccurrence"
        })
        .expect("the link of Tavi Renn and Marta Kollar")
        .clone();
    assert_eq!(link["weight"], 80);
    for ev in link["evidence"].as_array().unwrap() {
        let quoted = &text[span(ev).0..span(ev).1];
        assert!(quoted.starts_with("Tavi Renn "), "{quoted}");
        assert!(quoted.contains("Marta Kollar"), "{quoted}");
    }
    let said = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["source"] == "Tavi Renn"
                && e["target"] == "Marta Kollar"
                && e["kind"] == "attribution"
        })
        .expect("Tavi Renn's statements about Marta Kollar")
        .clone();
    assert_eq!(
        (&said["weight"], &said["cues"]["say"]),
        (&40.into(), &40.into())
    );
    // Full names only: the parts' graph is the whole document's.
    assert_eq!(g, graph(None));
}

#[test]
fn a_document_on_one_line_is_cut_between_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let text = document(400, true);
    assert!(!text.trim_end().contains('\n'));
    let path = dir.path().join("line.txt");
    std::fs::write(&path, &text).unwrap();
    let parts = record(Some(4096), &path);
    check_spans(&text, &parts);
    let whole = record(None, &path);
    assert_eq!(mentions(&parts), mentions(&whole), "no name cut");
    assert_eq!(parts["sentences"], whole["sentences"]);
}

#[test]
fn parts_give_the_same_output_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-huge.txt"), document(300, false)).unwrap();
    std::fs::write(dir.path().join("b-line.txt"), document(200, true)).unwrap();
    for (i, name) in ["c.txt", "d.txt", "e.txt"].iter().enumerate() {
        std::fs::write(dir.path().join(name), paragraph(i * 10)).unwrap();
    }
    let d = s(dir.path());
    let run = |threads: &str| {
        let out = dir.path().join(format!("g{threads}.json"));
        run_parts(
            Some(2048),
            &[
                "build",
                "-q",
                "-f",
                "json",
                "--threads",
                threads,
                d,
                "-o",
                s(&out),
            ],
        );
        let x = run_parts(Some(2048), &["extract", "-q", "--threads", threads, d]);
        (std::fs::read(&out).unwrap(), x.stdout)
    };
    let one = run("1");
    assert_eq!(String::from_utf8_lossy(&one.1).lines().count(), 5);
    assert!(one == run("3"), "--threads 1 and 3 differ");
}

/// Peak resident memory of `cmd`'s run, in bytes (Linux): the child's
/// `VmHWM` in `/proc`, read every millisecond until it exits, the last
/// reading kept. Not `wait4`'s `ru_maxrss`: a child spawned by this test
/// process starts as a copy of it, and `ru_maxrss` counts what this
/// process (and the tests running beside it) held before the child's
/// `exec`; `VmHWM` is the peak of the program the child runs.
#[cfg(target_os = "linux")]
fn peak_rss(mut cmd: Command) -> u64 {
    let mut child = cmd.spawn().expect("run actorgraph");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_path) {
            if let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb * 1024);
            }
        }
        if let Some(status) = child.try_wait().expect("wait for actorgraph") {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    assert!(status.success(), "{status}");
    assert!(peak > 0, "no reading of {status_path}");
    peak
}

#[cfg(target_os = "linux")]
#[test]
fn memory_is_bounded_by_the_part_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let mut text = String::with_capacity(17 << 20);
    let mut i = 0;
    while text.len() < 16 << 20 {
        text.push_str(&paragraph(i));
        text.push_str("\n\n");
        i += 1;
    }
    std::fs::write(&path, &text).unwrap();
    let len = text.len() as u64;
    drop(text);
    let mut cmd = bin();
    cmd.env(PART_VAR, (256 << 10).to_string());
    cmd.args(["build", "-q", "--threads", "2", s(&path), "-o"]);
    cmd.arg(dir.path().join("g.dot"));
    let peak = peak_rss(cmd);
    eprintln!("peak RSS {} MB for a {} MB document", peak >> 20, len >> 20);
    // Analysed whole, the document took about 17 times its size.
    assert!(
        peak < 4 * len,
        "peak RSS {} MB for a {} MB document",
        peak >> 20,
        len >> 20
    );
}
