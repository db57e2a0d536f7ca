//! Issue 17, round two: inputs that attack the user (CSV formulas, a graph
//! JSON naming any file as evidence) and inputs whose data was lost or
//! counted wrong (merge overflow, weight 0, spans in HTML, evidence of
//! non-UTF-8 documents, UTF-16 without a byte order mark, a stray NUL).
//!
//! Every fixture is written here, in temp dirs, with invented names.

mod common;

use actorgraph::ingest::{read_bytes, Encoding, Format};
use actorgraph::pipeline::Extractor;
use common::cli::{bin, stderr, stdout};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Output;

fn s(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// Run the binary in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

/// The cells of a CSV text (RFC 4180 quoting), row by row.
fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// Item 1: no CSV cell starts with a formula sign: names (here an alias
/// file's canonical name) and evidence paths get an apostrophe first.
#[test]
fn csv_cells_are_never_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("=1+1.txt"),
        "Ines Varga met Paulo Brandt in Lisbon on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("aliases.toml"),
        "[[actor]]\nname = \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"y\\\")\"\naliases = [\"Ines Varga\"]\n\n[[actor]]\nname = \"@Brandt\"\naliases = [\"Paulo Brandt\"]\n",
    )
    .unwrap();
    let o = run_in(
        d,
        &[
            "build",
            "=1+1.txt",
            "--aliases",
            "aliases.toml",
            "--format",
            "csv",
            "-o",
            "out",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let nodes = std::fs::read_to_string(d.join("out/nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(d.join("out/edges.csv")).unwrap();
    assert!(nodes.contains("\"'=HYPERLINK("), "{nodes}");
    assert!(nodes.contains("\"'@Brandt\""), "{nodes}");
    assert!(edges.contains("\"'=1+1.txt:"), "{edges}");
    let mut cells = 0;
    for text in [&nodes, &edges] {
        for row in csv_cells(text) {
            for c in row {
                cells += 1;
                assert!(
                    !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "formula cell {c:?} in\n{text}"
                );
            }
        }
    }
    assert!(cells > 10);
}

/// A hand-made graph JSON whose evidence names `docs`, in `dir/g.json`.
fn evidence_graph(dir: &Path, docs: &[&str], roots: &[&str]) -> String {
    let evidence: Vec<Value> = docs
        .iter()
        .map(|d| json!({"doc": d, "start": 0, "end": 20}))
        .collect();
    let node = |id: &str| json!({"id": id, "kind": "person", "mentions": 1, "documents": 1, "aliases": []});
    let g = json!({
        "nodes": [node("Ines Varga"), node("Paulo Brandt")],
        "edges": [{"source": "Ines Varga", "target": "Paulo Brandt", "kind": "cooccurrence", "weight": 1, "evidence": evidence}],
        "roots": roots,
    });
    let p = dir.join("g.json");
    std::fs::write(&p, serde_json::to_string(&g).unwrap()).unwrap();
    s(&p).to_owned()
}

/// The evidence texts and errors `query between` gives, in the order of
/// the evidence (sorted by document path).
fn between(cwd: &Path, graph: &str, extra: &[&str]) -> Vec<(Option<String>, Option<String>)> {
    between_docs(cwd, graph, extra)
        .into_iter()
        .map(|(_, t, e)| (t, e))
        .collect()
}

/// [`between`] with each evidence's document.
fn between_docs(
    cwd: &Path,
    graph: &str,
    extra: &[&str],
) -> Vec<(String, Option<String>, Option<String>)> {
    let mut args = vec![
        "query",
        graph,
        "between",
        "Ines Varga",
        "Paulo Brandt",
        "--format",
        "json",
    ];
    args.extend(extra);
    let o = run_in(cwd, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    v["links"][0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["doc"].as_str().unwrap().to_owned(),
                e["text"].as_str().map(str::to_owned),
                e["error"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// Item 2: evidence is read only from regular document files under the
/// graph's roots, its own directory or `--docs`: `/etc/passwd`,
/// `/dev/zero`, a link out of the tree and a file outside are refused
/// with a reason, and nothing of them is shown.
#[cfg(unix)]
#[test]
fn evidence_is_read_only_under_the_roots() {
    let top = tempfile::tempdir().unwrap();
    let d = top.path().join("graph");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("note.txt"), "Ines Varga met Paulo Brandt at noon.").unwrap();
    std::fs::write(
        top.path().join("outside.txt"),
        "Secret words outside the tree.",
    )
    .unwrap();
    std::os::unix::fs::symlink("/etc/passwd", d.join("passwd.txt")).unwrap();
    std::os::unix::fs::symlink(top.path().join("outside.txt"), d.join("out.txt")).unwrap();
    let g = evidence_graph(
        &d,
        &[
            "note.txt",
            "/etc/passwd",
            "/dev/zero",
            "passwd.txt",
            "out.txt",
            "../outside.txt",
            "/etc/hostname",
        ],
        &[],
    );
    let got = between_docs(&d, &g, &[]);
    assert_eq!(got.len(), 7);
    for (doc, text, error) in &got {
        if doc == "note.txt" {
            assert_eq!(text.as_deref(), Some("Ines Varga met Paulo"));
            continue;
        }
        assert_eq!(text, &None, "{doc} was read: {got:?}");
        let e = error.as_deref().unwrap_or("");
        assert!(e.contains("refused"), "{doc}: {e}");
    }
    // Even when the graph claims `/` as a root, no file without a
    // document's extension and no device is read.
    let g = evidence_graph(&d, &["/etc/passwd", "/dev/zero", "passwd.txt"], &["/"]);
    for (text, error) in between(&d, &g, &[]) {
        assert_eq!(text, None);
        assert!(error.unwrap().contains("refused"));
    }
    // The file outside is readable once its directory is given.
    let g = evidence_graph(&d, &["../outside.txt"], &[]);
    let top_dir = s(top.path()).to_owned();
    let got = between(&d, &g, &["--docs", &top_dir]);
    assert_eq!(got[0].0.as_deref(), Some("Secret words outside"), "{got:?}");
}

/// Item 2, the roots recorded at build: a graph built from a directory
/// reads its evidence back from there (given relative to where `build`
/// ran), and says to use `--docs` from anywhere else.
#[test]
fn build_records_its_roots() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("corpus")).unwrap();
    std::fs::create_dir_all(d.join("out")).unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "Ines Varga met Paulo Brandt in Lisbon.\n",
    )
    .unwrap();
    let o = run_in(
        d,
        &["build", "corpus", "--format", "json", "-o", "out/g.json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let g: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("out/g.json")).unwrap()).unwrap();
    assert_eq!(g["roots"], json!(["corpus"]));
    let got = between(d, "out/g.json", &[]);
    assert_eq!(
        got[0].0.as_deref(),
        Some("Ines Varga met Paulo Brandt in Lisbon.")
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let graph = s(&d.join("out/g.json")).to_owned();
    let got = between(elsewhere.path(), &graph, &[]);
    assert!(got[0].1.as_deref().unwrap().contains("--docs"), "{got:?}");
    let got = between(elsewhere.path(), &graph, &["--docs", s(d)]);
    assert!(got[0].0.is_some(), "{got:?}");
}

/// A saved graph: one link between two actors with these counts.
fn counted_graph(path: &Path, weight: u64, mentions: u64) {
    let node = |id: &str| json!({"id": id, "kind": "person", "mentions": mentions, "documents": mentions, "aliases": [id]});
    let g = json!({
        "nodes": [node("Ines Varga"), node("Paulo Brandt")],
        "edges": [{"source": "Ines Varga", "target": "Paulo Brandt", "kind": "cooccurrence", "weight": weight, "evidence": []}],
    });
    std::fs::write(path, serde_json::to_string(&g).unwrap()).unwrap();
}

/// Item 5: merged counts saturate instead of wrapping to 0 (which lost
/// the link and both actors); a weight of 0 is an error naming the file.
#[test]
fn merge_saturates_and_weight_zero_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    counted_graph(&d.join("big.json"), u64::MAX, u64::MAX);
    counted_graph(&d.join("one.json"), 1, 1);
    let o = run_in(
        d,
        &[
            "build", "big.json", "one.json", "--format", "json", "-o", "m.json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("m.json")).unwrap()).unwrap();
    assert_eq!(m["nodes"].as_array().unwrap().len(), 2, "{m}");
    assert_eq!(m["edges"][0]["weight"], json!(u64::MAX), "{m}");
    assert_eq!(m["nodes"][0]["mentions"], json!(u64::MAX), "{m}");
    counted_graph(&d.join("zero.json"), 0, 1);
    let o = run_in(
        d,
        &["build", "zero.json", "--format", "json", "-o", "z.json"],
    );
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("zero.json") && e.contains("weight 0"), "{e}");
    assert!(!d.join("z.json").exists());
}

/// Item 6: markup right after a multi-byte character (`\u{2014}<b>`)
/// no longer shifts the name after it: the mention's bytes in the file
/// are the name.
#[test]
fn html_spans_after_multibyte_punctuation_slice_back() {
    let html = "<p>LISBON \u{2014}<b>Ines Varga</b> met Paulo Brandt.</p>";
    let doc = read_bytes("a.html", html.as_bytes(), Some(Format::Html)).unwrap();
    let rec = Extractor::new().extract(&doc);
    let names: Vec<&str> = rec.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Ines Varga"), "{names:?}");
    for m in &rec.mentions {
        assert_eq!(&html[m.start..m.end], m.text, "{m:?}");
    }
    let md = "LISBON \u{2014}**Ines Varga** met \u{201c}_Paulo Brandt_\u{201d}.";
    let doc = read_bytes("a.md", md.as_bytes(), Some(Format::Markdown)).unwrap();
    let rec = Extractor::new().extract(&doc);
    assert!(rec.mentions.len() >= 2, "{:?}", rec.mentions);
    for m in &rec.mentions {
        assert_eq!(&md[m.start..m.end], m.text, "{m:?}");
    }
}

/// Item 7: evidence of Windows-1252 and UTF-16 documents is read back with
/// the decoder used at extraction, and a UTF-8 byte order mark is not
/// shown.
#[test]
fn evidence_of_non_utf8_documents_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sentence = "\u{201c}We are ready,\u{201d} said Ines Varga to Paulo Brandt in Li\u{e8}ge.";
    let cp1252: Vec<u8> = sentence
        .chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{e8}' => 0xe8,
            c => c as u8,
        })
        .collect();
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(sentence.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let bom = [b"\xef\xbb\xbf".as_slice(), sentence.as_bytes()].concat();
    for (name, bytes) in [("w.txt", cp1252), ("u.txt", utf16), ("b.txt", bom)] {
        let sub = d.join(&name[..1]);
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join(name), bytes).unwrap();
        let o = run_in(&sub, &["build", name, "--format", "json", "-o", "g.json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let got = between(&sub, "g.json", &[]);
        assert!(!got.is_empty(), "{name}");
        for (text, error) in got {
            let text = text.unwrap_or_else(|| panic!("{name}: {error:?}"));
            assert!(sentence.contains(&text), "{name}: {text:?}");
            assert!(!text.contains(['\u{feff}', '\u{fffd}']), "{name}: {text:?}");
        }
    }
}

/// Item 14 (ingest): UTF-16 without a byte order mark, and a text file
/// with one NUL byte, are read as text.
#[test]
fn utf16_without_bom_and_a_stray_nul_are_text() {
    let text = "Ines Varga met Paulo Brandt in Lisbon on Tuesday. Brandt said the talks went well.";
    for bytes in [
        text.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
        text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    ] {
        let doc = read_bytes("u.txt", &bytes, None).unwrap();
        assert!(matches!(
            doc.encoding,
            Encoding::Utf16Le | Encoding::Utf16Be
        ));
        assert_eq!(doc.text, text);
    }
    let mut nul = text.as_bytes().to_vec();
    nul[49] = 0;
    let doc = read_bytes("n.txt", &nul, None).unwrap();
    let rec = Extractor::new().extract(&doc);
    let names: Vec<&str> = rec.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Ines Varga"), "{names:?}");
}

/// Item 12: a long line without sentence punctuation yields its names,
/// in sentences of bounded length.
#[test]
fn a_long_line_without_punctuation_keeps_its_names() {
    let names = ["Ines Varga", "Paulo Brandt", "Mira Doss", "Tavi Renn"];
    let mut text = String::new();
    for k in 0..8000 {
        text.push_str(names[k % 4]);
        text.push_str(if k % 5 == 0 {
            " talked with reporters about "
        } else {
            " met "
        });
    }
    let doc = read_bytes("long.txt", text.as_bytes(), None).unwrap();
    let rec = Extractor::new().extract(&doc);
    assert_eq!(rec.mentions.len(), 8000);
    assert!(rec.sentences.len() > 50, "{}", rec.sentences.len());
    for s in &rec.sentences {
        assert!(s.end - s.start < 4000, "{}..{}", s.start, s.end);
    }
    // The shape ("... that Aaa Bbb and Ccc Ddd", no final period)
    // with names that have evidence of being people (known given names):
    // a capitalised pair with none is no actor.
    let short = "Reporters said that Ines Varga and Paulo Brandt";
    let rec = Extractor::new().extract(&read_bytes("s.txt", short.as_bytes(), None).unwrap());
    let names: Vec<&str> = rec.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(
        names.contains(&"Ines Varga") && names.contains(&"Paulo Brandt"),
        "{names:?}"
    );
}

/// Item 8: a document deeper than the system's path limit is reported on
/// standard error and the run exits 1; the documents beside it are read.
#[cfg(unix)]
#[test]
fn a_path_over_path_max_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "Ines Varga met Paulo Brandt in Lisbon.\n",
    )
    .unwrap();
    let name = "n".repeat(250);
    let script = format!(
        "cd corpus && for i in $(seq 20); do mkdir {name} && cd {name} || exit 1; done; \
         echo 'Mira Doss met Tavi Renn.' > deep.txt"
    );
    // bash, not sh: dash cannot `cd` into a path longer than PATH_MAX.
    let made = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(d)
        .status()
        .is_ok_and(|s| s.success());
    if !common::tools::require_or_skip(made, "bash, to make a path over PATH_MAX") {
        return;
    }
    let o = run_in(d, &["build", "corpus", "--format", "json", "-o", "g.json"]);
    let _ = std::process::Command::new("rm")
        .args(["-rf", "corpus"])
        .current_dir(d)
        .status();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains(&name) && e.contains("too long"), "{e}");
    let g: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("g.json")).unwrap()).unwrap();
    assert_eq!(g["nodes"].as_array().unwrap().len(), 2, "{g}");
}
