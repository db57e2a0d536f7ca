//! Integration tests of multi-document inputs: the real binary on JSON
//! Lines, CSV and TSV fixtures written for this project
//! (tests/data/records), compressed copies of them made in temp dirs,
//! standard input, field maps and duplicates.

mod common;

use common::cli::{bin, records, run, stderr};
use common::jsonl::to_json_lines;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/records")
        .join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn extract(args: &[&str]) -> (Output, Vec<Value>) {
    let o = run(&[&["extract", "-q"], args].concat());
    let recs = records(&o);
    (o, recs)
}

fn ids(recs: &[Value]) -> Vec<&str> {
    recs.iter().map(|r| r["id"].as_str().unwrap()).collect()
}

/// The value of the text (or HTML) field of the record starting on `line`
/// of a JSON Lines file.
fn json_text(file: &Path, line: u64, text_key: &str) -> String {
    let all = std::fs::read_to_string(file).unwrap();
    let l = all.lines().nth(line as usize - 1).unwrap();
    let v: Value = serde_json::from_str(l).unwrap();
    v[text_key]
        .as_str()
        .or(v["html"].as_str())
        .unwrap()
        .to_owned()
}

/// Every mention and sentence span of a record slices its text on char
/// boundaries, and a mention's slice is the mention's text.
fn spans_slice_back(rec: &Value, text: &str) {
    let mentions = rec["mentions"].as_array().unwrap();
    for m in mentions {
        let (a, b) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text.get(a..b), m["text"].as_str(), "{m}");
    }
    for st in rec["sentences"].as_array().unwrap() {
        let (a, b) = (
            st["start"].as_u64().unwrap() as usize,
            st["end"].as_u64().unwrap() as usize,
        );
        assert!(text.get(a..b).is_some(), "{st}");
    }
}

#[test]
fn json_lines_records_bad_records_and_same_id() {
    let file = data("articles.jsonl");
    let (o, recs) = extract(&[s(&file)]);
    let err = stderr(&o);
    // Bad records fail (exit 1) but the rest of the file goes on.
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        ids(&recs),
        [
            "hw-001",
            "qd-17",
            "https://ledger.example/river",
            &format!("{}#8", s(&file))
        ]
    );
    let f = s(&file);
    for (line, what) in [
        (3, "bad JSON"),
        (4, "no text"),
        (5, "cannot read the date \"the day after the storm\""),
    ] {
        let want = format!("actorgraph: {f}:{line}: {what}");
        assert!(err.lines().any(|l| l.starts_with(&want)), "{want}\n{err}");
    }
    // The same id twice: counted once, both places named.
    assert!(
        err.contains(&format!(
            "{f}:6: id \"hw-001\" read already at {f}:1, counted once"
        )),
        "{err}"
    );
    let r = &recs[0];
    assert_eq!(r["doc"], f);
    assert_eq!(r["line"], 1);
    assert_eq!(r["date"], "2016-03-03T22:40:00Z");
    assert_eq!(r["source"], "Harbor Wire");
    assert_eq!(r["title"], "Toll talks run late");
    assert_eq!(r["lang"], "en");
    assert_eq!(recs[1]["date"], "2016-03-09");
    assert_eq!(recs[2]["format"], "html");
    assert_eq!(recs[2]["date"], "2016-03-10T08:15:00Z");
    assert!(recs[3].get("date").is_none(), "undated record kept");
    let mut mentions = 0;
    for r in &recs {
        let text = json_text(&file, r["line"].as_u64().unwrap(), "text");
        spans_slice_back(r, &text);
        mentions += r["mentions"].as_array().unwrap().len();
    }
    assert!(mentions >= 6, "{mentions}");
    let names: Vec<&str> = recs[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["actor"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Ines Varga") && names.contains(&"Paulo Brandt"),
        "{names:?}"
    );
    // The summary counts them.
    let o = run(&["extract", "--stats", f]);
    let stats: Value = serde_json::from_str(stderr(&o).lines().last().unwrap()).unwrap();
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["failed"], 3);
    assert_eq!(stats["duplicates"], 1);
}

#[test]
fn csv_and_tsv_rows() {
    let csv_file = data("articles.csv");
    let (o, recs) = extract(&[s(&csv_file)]);
    let err = stderr(&o);
    assert_eq!(ids(&recs), ["c-1", "c-3"], "{err}");
    assert_eq!(recs[0]["line"], 2);
    assert_eq!(recs[1]["line"], 5);
    assert_eq!(recs[1]["date"], "2016-04-03");
    assert!(
        err.contains(&format!("{}:4: a row of 4 fields", s(&csv_file))),
        "{err}"
    );
    // Spans slice back into the row's text field, read with a CSV reader.
    let mut rdr = csv::Reader::from_path(&csv_file).unwrap();
    let texts: Vec<(u64, String)> = rdr
        .records()
        .filter_map(Result::ok)
        .map(|r| (r.position().unwrap().line(), r[4].to_owned()))
        .collect();
    for r in &recs {
        let line = r["line"].as_u64().unwrap();
        let text = &texts.iter().find(|(l, _)| *l == line).unwrap().1;
        spans_slice_back(r, text);
    }
    assert!(!recs[0]["mentions"].as_array().unwrap().is_empty());
    let (o, recs) = extract(&[s(&data("articles.tsv"))]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(ids(&recs), ["t-1", "t-2"]);
    assert_eq!(recs[0]["date"], "2016-05-06");
    assert_eq!(recs[1]["source"], "Almanac Times");
    assert!(recs[1].get("date").is_none());
}

/// What does not depend on where the records were read from.
fn without_doc(recs: &[Value]) -> Vec<Value> {
    recs.iter()
        .map(|r| {
            let mut r = r.clone();
            r.as_object_mut().unwrap().remove("doc");
            let id = r["id"].as_str().unwrap();
            if id.contains('#') {
                r["id"] = Value::from(&id[id.find('#').unwrap()..]);
            }
            r
        })
        .collect()
}

#[test]
fn compressed_files_and_directory_walks() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read(data("articles.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&plain).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.path().join("a.jsonl.gz"), &gz).unwrap();
    std::fs::write(
        dir.path().join("b.jsonl.zst"),
        zstd::encode_all(&plain[..], 3).unwrap(),
    )
    .unwrap();
    // Named as plain JSON Lines, gzip inside: read by its magic bytes.
    std::fs::write(dir.path().join("c.ndjson"), &gz).unwrap();
    let (_, want) = extract(&[s(&data("articles.jsonl"))]);
    let want = without_doc(&want);
    for name in ["a.jsonl.gz", "b.jsonl.zst", "c.ndjson"] {
        let (o, got) = extract(&["--dedup", "none", s(&dir.path().join(name))]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let got = without_doc(&got);
        // --dedup none keeps the record that repeats an id.
        assert_eq!(got.len(), want.len() + 1, "{name}");
        let kept: Vec<&Value> = got.iter().filter(|r| r["line"] != 6).collect();
        assert_eq!(kept, want.iter().collect::<Vec<_>>(), "{name}");
    }
    // A loose compressed document, and a walk that finds all of them.
    let mut txt = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    txt.write_all(b"Ines Varga met Paulo Brandt at the quay.")
        .unwrap();
    std::fs::write(dir.path().join("d.txt.gz"), txt.finish().unwrap()).unwrap();
    std::fs::write(dir.path().join("notes.pdf"), b"not read").unwrap();
    let (o, recs) = extract(&["--dedup", "none", s(dir.path())]);
    let docs: Vec<String> = recs
        .iter()
        .map(|r| {
            Path::new(r["doc"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let count = |n: &str| docs.iter().filter(|d| *d == n).count();
    assert_eq!(count("a.jsonl.gz"), 5, "{}", stderr(&o));
    assert_eq!(count("b.jsonl.zst"), 5);
    assert_eq!(count("c.ndjson"), 5);
    assert_eq!(count("d.txt.gz"), 1);
    assert_eq!(docs.len(), 16);
    // With the default dedup the three copies of the file count once.
    let o = run(&["extract", "--stats", s(dir.path())]);
    let stats: Value = serde_json::from_str(stderr(&o).lines().last().unwrap()).unwrap();
    assert_eq!(stats["documents"], 5, "{}", stderr(&o));
    assert_eq!(stats["duplicates"], 11);
}

#[test]
fn syndicated_near_copies() {
    let file = data("syndicated.jsonl");
    let (o, recs) = extract(&["--dedup", "near", s(&file)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(ids(&recs), ["syn-01", "other-1"]);
    let copies = recs[0]["copies"].as_array().unwrap();
    let copy_ids: Vec<&str> = copies.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let want: Vec<String> = (2..=10).map(|i| format!("syn-{i:02}")).collect();
    assert_eq!(copy_ids, want);
    let mut outlets: Vec<&str> = copies
        .iter()
        .map(|c| c["source"].as_str().unwrap())
        .collect();
    outlets.push(recs[0]["source"].as_str().unwrap());
    outlets.sort();
    outlets.dedup();
    assert_eq!(outlets.len(), 10, "{outlets:?}");
    assert!(copies
        .iter()
        .all(|c| c["date"].as_str().unwrap().ends_with('Z')));
    assert!(recs[1].get("copies").is_none());
    let err = stderr(&run(&["extract", "--dedup", "near", s(&file)]));
    assert!(
        err.contains("syndicated.jsonl:2: \"syn-02\" is a near copy of \"syn-01\" at "),
        "{err}"
    );
    assert!(err.contains("9 duplicates"), "{err}");
    // Exact dedup finds only the copies with the very same text (the
    // ones without a dateline, a trimmed paragraph or a changed phrase;
    // and syn-05, trimmed as syn-02 is).
    let (_, recs) = extract(&[s(&file)]);
    assert_eq!(recs.len(), 8);
    assert_eq!(recs[1]["id"], "syn-02");
    assert_eq!(recs[1]["copies"][0]["id"], "syn-05");
    let copies: Vec<&str> = recs[0]["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(copies, ["syn-07", "syn-10"]);
    let (_, recs) = extract(&["--dedup", "none", s(&file)]);
    assert_eq!(recs.len(), 11);
    assert!(recs.iter().all(|r| r.get("copies").is_none()));
}

/// The check: ten syndicated near-copies, with `--dedup near`,
/// give a graph whose links rest on one document from ten outlets.
#[test]
fn syndicated_copies_are_one_document_from_ten_outlets() {
    let file = data("syndicated.jsonl");
    let o = run(&["build", "--dedup", "near", "--format", "json", s(&file)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g: Value = serde_json::from_slice(&o.stdout).unwrap();
    let node = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "Ines Varga")
        .expect("Ines Varga is a node");
    assert_eq!(node["documents"], 1, "{node}");
    assert_eq!(node["outlets"].as_array().unwrap().len(), 10, "{node}");
    let link = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "Copper Valley Council" && e["target"] == "Ines Varga")
        .expect("the council and Ines Varga are linked");
    assert_eq!(link["documents"], 1, "{link}");
    assert_eq!(link["weight"], 1, "{link}");
    assert_eq!(link["outlets"].as_array().unwrap().len(), 10, "{link}");
    // Without near dedup the copies that differ count on their own.
    let o = run(&["build", "--dedup", "none", "--format", "json", s(&file)]);
    let g: Value = serde_json::from_slice(&o.stdout).unwrap();
    let link = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "Copper Valley Council" && e["target"] == "Ines Varga")
        .unwrap();
    assert!(link["documents"].as_u64().unwrap() > 1, "{link}");
}

#[test]
fn field_maps() {
    let file = data("mapped.jsonl");
    let (o, recs) = extract(&[
        "--field",
        "text=body,date=published_at",
        "--field",
        "source=outlet,id=article_id",
        s(&file),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(ids(&recs), ["m-1", "m-2"]);
    assert_eq!(recs[0]["date"], "2020-01-15");
    assert_eq!(recs[1]["date"], "2020-01-16T17:05:00Z");
    assert_eq!(recs[1]["source"], "Quay Daily");
    for r in &recs {
        spans_slice_back(r, &json_text(&file, r["line"].as_u64().unwrap(), "body"));
    }
    // Unmapped, the records have no text; a bad map is an error.
    let (o, recs) = extract(&[s(&file)]);
    assert!(recs.is_empty());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("mapped.jsonl:1: no text"),
        "{}",
        stderr(&o)
    );
    let o = run(&["extract", "--field", "body=text", s(&file)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("unknown field `body`"),
        "{}",
        stderr(&o)
    );
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    o
}

#[test]
fn standard_input_with_input_format() {
    let file = data("syndicated.jsonl");
    let bytes = std::fs::read(&file).unwrap();
    let (_, want) = extract(&["--dedup", "near", s(&file)]);
    for dedup in ["near", "none"] {
        let o = with_stdin(
            &[
                "extract",
                "-q",
                "--input-format",
                "jsonl",
                "--dedup",
                dedup,
                "-",
            ],
            &bytes,
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let got = records(&o);
        assert!(got.iter().all(|r| r["doc"] == "-"));
        if dedup == "near" {
            assert_eq!(without_doc(&got), without_doc(&want));
        } else {
            assert_eq!(got.len(), 11);
        }
    }
    // Compressed, and CSV.
    let gz = {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&bytes).unwrap();
        e.finish().unwrap()
    };
    let o = with_stdin(
        &[
            "extract",
            "-q",
            "--input-format",
            "jsonl",
            "--dedup",
            "near",
            "-",
        ],
        &gz,
    );
    assert_eq!(without_doc(&records(&o)), without_doc(&want));
    let csv = std::fs::read(data("articles.csv")).unwrap();
    let o = with_stdin(&["extract", "-q", "--input-format", "csv", "-"], &csv);
    assert_eq!(ids(&records(&o)), ["c-1", "c-3"]);
    assert!(
        stderr(&o).contains("-:4: a row of 4 fields"),
        "{}",
        stderr(&o)
    );
    // Without --input-format standard input is one document, as before.
    let o = with_stdin(&["extract", "-q", "-"], &bytes);
    let recs = records(&o);
    assert_eq!(recs.len(), 1);
    assert!(recs[0].get("id").is_none());
}

#[test]
fn output_is_the_same_for_any_threads_and_the_same_file_twice_counts_once() {
    let a = data("articles.jsonl");
    let b = data("syndicated.jsonl");
    let c = data("articles.csv");
    for dedup in ["exact", "near", "none"] {
        let args = |t| {
            [
                "extract",
                "-q",
                "--dedup",
                dedup,
                "--threads",
                t,
                s(&a),
                s(&b),
                s(&c),
            ]
        };
        let one = run(&args("1"));
        assert!(!one.stdout.is_empty());
        for t in ["2", "5"] {
            let many = run(&args(t));
            assert_eq!(one.stdout, many.stdout, "--threads {t} --dedup {dedup}");
            assert_eq!(stderr(&one), stderr(&many), "--threads {t} --dedup {dedup}");
        }
    }
    // A copy of a file under another name: every record a duplicate.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("again.jsonl");
    std::fs::copy(&b, &copy).unwrap();
    let o = run(&["extract", "--stats", "--dedup", "near", s(&b), s(&copy)]);
    let stats: Value = serde_json::from_str(stderr(&o).lines().last().unwrap()).unwrap();
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["duplicates"], 20);
    // build reads records too.
    let o = run(&["build", "-q", "--format", "json", s(&a), s(&b)]);
    let g: Value = serde_json::from_slice(&o.stdout).unwrap();
    let nodes: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(
        nodes.contains(&"Ines Varga") && nodes.contains(&"Bram Kestrel"),
        "{nodes:?}"
    );
}

#[test]
fn warc_responses_with_html() {
    let file = data("site.warc");
    let (o, recs) = extract(&[s(&file)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        ids(&recs),
        [
            "https://www.harborwire.example/toll",
            "https://quaydaily.example/audit?x=1"
        ]
    );
    assert_eq!(recs[0]["line"], 3, "the record's number");
    assert_eq!(recs[0]["format"], "html");
    assert_eq!(recs[0]["date"], "2016-03-03T17:40:00Z");
    assert_eq!(recs[0]["source"], "harborwire.example");
    assert_eq!(recs[1]["line"], 5);
    assert_eq!(recs[1]["date"], "2016-03-04T13:00:00Z");
    assert_eq!(recs[1]["source"], "quaydaily.example");
    // Spans slice back into the HTTP body.
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let page = &text[text.find("<!DOCTYPE html>").unwrap()..text.find("</html>").unwrap() + 7];
    spans_slice_back(&recs[0], page);
    let actors: Vec<&str> = recs
        .iter()
        .flat_map(|r| r["mentions"].as_array().unwrap())
        .map(|m| m["actor"].as_str().unwrap())
        .collect();
    for a in ["Ines Varga", "Paulo Brandt", "Odile Marsh"] {
        assert!(actors.contains(&a), "{a}: {actors:?}");
    }
    // Compressed (each record a gzip member, as crawlers write them, or
    // the whole file), found by a directory walk.
    let dir = tempfile::tempdir().unwrap();
    let mut gz = Vec::new();
    for part in bytes
        .split_inclusive(|&b| b == b'\n')
        .collect::<Vec<_>>()
        .chunks(7)
    {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&part.concat()).unwrap();
        gz.extend(e.finish().unwrap());
    }
    std::fs::write(dir.path().join("site.warc.gz"), gz).unwrap();
    let (o, got) = extract(&[s(dir.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(without_doc(&got), without_doc(&recs));
    // Not a WARC file: reported with its name.
    let bad = dir.path().join("bad.warc");
    std::fs::write(&bad, "hello\r\n").unwrap();
    let o = run(&["extract", "-q", s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("bad.warc: record 1: not a WARC record"),
        "{}",
        stderr(&o)
    );
}

/// The same texts as files and as records give the same analysis: the
/// same mentions, attributions and sentences at the same offsets.
fn same_as_files(dir: &Path, dated: bool) {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = tmp.path().join("corpus.jsonl");
    let n = to_json_lines(dir, &jsonl);
    let (o, files) = extract(&["--threads", "2", s(dir)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (o, recs) = extract(&["--threads", "2", "--dedup", "none", s(&jsonl)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files.len(), n);
    assert_eq!(recs.len(), n);
    for (f, r) in files.iter().zip(&recs) {
        let name = Path::new(f["doc"].as_str().unwrap()).file_name().unwrap();
        assert_eq!(r["id"], name.to_str().unwrap());
        for key in ["format", "mentions", "attributions", "sentences"] {
            assert_eq!(f[key], r[key], "{key} of {name:?}");
        }
        if dated {
            assert!(r["date"].as_str().unwrap().len() == 10, "{r}");
        }
    }
}

#[test]
fn records_are_analysed_as_files_are() {
    same_as_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles"),
        false,
    );
    if let Some(polnear) = common::tools::shared("corpus/polnear/train") {
        same_as_files(&polnear, true);
    }
}

#[test]
fn broken_inputs_keep_what_came_before() {
    let dir = tempfile::tempdir().unwrap();
    // A gzip stream cut in the middle: the records before the cut are
    // read, the file is reported.
    let plain = std::fs::read(data("syndicated.jsonl")).unwrap();
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(&plain).unwrap();
    let gz = e.finish().unwrap();
    let cut = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut, &gz[..gz.len() * 2 / 3]).unwrap();
    let (o, recs) = extract(&["--dedup", "none", s(&cut)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!recs.is_empty() && recs.len() < 11, "{}", recs.len());
    assert!(stderr(&o).contains("cut.jsonl.gz: "), "{}", stderr(&o));
    // A CSV cell that is not UTF-8: decoded, with a warning naming the
    // record, and spans into the decoded text.
    let csv = dir.path().join("latin.csv");
    std::fs::write(&csv, b"id,text\nl-1,\"Mayor Ines Varga said the caf\xe9 would close, and Paulo Brandt agreed.\"\n").unwrap();
    let (o, recs) = extract(&[s(&csv)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(recs[0]["encoding"], "windows-1252");
    assert!(
        stderr(&o).contains("latin.csv:2: not valid UTF-8, read as windows-1252"),
        "{}",
        stderr(&o)
    );
    spans_slice_back(
        &recs[0],
        "Mayor Ines Varga said the caf\u{e9} would close, and Paulo Brandt agreed.",
    );
    // Deeply nested JSON (no stack overflow: an ignored key, or a text
    // that is a list, a bad record) and a NUL byte in a text.
    let deep = dir.path().join("deep.jsonl");
    let nest = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    std::fs::write(
        &deep,
        format!(
            "{{\"text\": {}}}\n{{\"text\": \"Idris Hale\\u0000 waved at Odile Marsh.\", \"extra\": {}}}\n",
            nest(100_000),
            nest(100_000)
        ),
    )
    .unwrap();
    let (o, recs) = extract(&[s(&deep)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["line"], 2);
    assert!(
        stderr(&o).contains("deep.jsonl:1: the `text` field is a list, not a string"),
        "{}",
        stderr(&o)
    );
}
