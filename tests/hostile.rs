//! Hostile input: the real `actorgraph` binary (and the library, for the
//! large generated inputs) never crashes and never loses a good document.
//!
//! Every fixture is written here, in temp dirs, with invented names.
//! Sizes are kept modest so the debug build runs each test in seconds;
//! `full_size_pathological_inputs` (ignored) runs the sizes of issue 7:
//! `cargo test --release --test hostile -- --ignored full_size`.

mod common;

use actorgraph::mentions::Via;
use common::cli::{bin, records, run, stderr};
use common::invariants::{check_bytes, check_dot, hint_of};
use common::tools::{require_or_skip, shared, skip};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn s(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// No panic, no internal error, no Rust backtrace on stderr.
fn assert_no_crash(o: &Output) {
    let e = stderr(o);
    for bad in [
        "panicked",
        "internal error",
        "RUST_BACKTRACE",
        "stack backtrace",
    ] {
        assert!(!e.contains(bad), "stderr shows a crash ({bad}):\n{e}");
    }
    assert!(
        o.status.code().is_some(),
        "killed by a signal: {:?}",
        o.status
    );
}

const HARBOR: &str = "Port Talks Stall\n\nForeign Minister Ines Varga met Paulo Brandt in Lisbon on Tuesday, \
according to officials.\n\n\"We leave with an empty net,\" Varga told reporters. Brandt said the talks would resume.\n";
const COUNCIL: &str = "# Council Vote Delayed\n\n- [Home](#)\n- [World](#)\n\nThe **Harbor Council** postponed its vote, \
according to Mr. Quillon Darrowby.\n\nDarrowby wrote that members wanted time. \"Nobody wants a rushed decision,\" he wrote.\n";
const LETTER: &str = "<!doctype html><html><head><title>Letter</title><script>var x = \"<p>\";</script></head>\
<body><nav><a href=\"/\">Home</a></nav><p>Tavi Renn&#8217;s letter reached Odile Marsh on Friday.</p>\
<p>&ldquo;It was late,&rdquo; Marsh said.</p></body></html>";

/// Windows-1252 bytes: curly quotes 0x93/0x94, e-acute 0xe9.
fn cp1252_bytes() -> Vec<u8> {
    b"\x93We are ready,\x94 said Mira Doss in Li\xe9ge. Doss met Tavi Renn.".to_vec()
}

/// Mostly UTF-8 with one stray byte.
fn lossy_bytes() -> Vec<u8> {
    let mut b = "Zo\u{eb} M\u{fc}ller met Ines Varga in K\u{f6}ln. M\u{fc}ller said it went well. "
        .as_bytes()
        .to_vec();
    b.push(0xff);
    b.extend_from_slice(" Varga agreed.".as_bytes());
    b
}

/// UTF-16LE with its byte order mark, as Windows "Unicode" text is saved.
fn utf16le_bytes() -> Vec<u8> {
    let text = "Odile Marsh met Tavi Renn in K\u{f6}ln. \u{201c}Fine,\u{201d} Marsh said.";
    [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

/// The decoding a Windows-1252 reader must give for `cp1252_bytes`.
fn cp1252_decoded() -> String {
    cp1252_bytes()
        .iter()
        .map(|&b| match b {
            0x93 => '\u{201c}',
            0x94 => '\u{201d}',
            b => b as char,
        })
        .collect()
}

/// Small pathological documents: each is a good document that must reach
/// the output.
fn small_pathological() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("quotes.txt", "\"".repeat(5_000).into_bytes()),
        (
            "curly.txt",
            "\u{201c}\u{2018}\u{2019}\u{201d}"
                .repeat(2_000)
                .into_bytes(),
        ),
        (
            "brackets.txt",
            format!("{}Ines Varga{}", "(".repeat(5_000), ")".repeat(5_000)).into_bytes(),
        ),
        (
            "nopunct.txt",
            "ines varga met tavi renn and they talked "
                .repeat(300)
                .into_bytes(),
        ),
        (
            "longline.txt",
            "Ines Varga met Tavi Renn, ".repeat(8_000).into_bytes(),
        ),
        (
            "crlf.txt",
            b"Ines Varga met Tavi Renn.\r\n\r\nRenn said: \"Fine.\"\r\n".to_vec(),
        ),
        (
            "lonecr.txt",
            b"Ines Varga left.\rTavi Renn stayed.\r\r\rHe said so.".to_vec(),
        ),
        (
            "bom.txt",
            b"\xef\xbb\xbfInes Varga met Tavi Renn. Renn said no.".to_vec(),
        ),
        (
            "stars.md",
            format!(
                "# T\n\n{}Ines Varga said so{}.\n",
                "*".repeat(3_000),
                "_".repeat(3_000)
            )
            .into_bytes(),
        ),
        (
            "tags.html",
            "<b><script>x</script><i>Ines Varga</i>&amp;&#xFFFFFF;&#0;&"
                .repeat(1_000)
                .into_bytes(),
        ),
        (
            "opentag.html",
            b"<p>Ines Varga said <a href=\"never closed".to_vec(),
        ),
    ]
}

/// A directory of good and bad documents; returns (dir, good names, bad
/// paths with what stderr must say of each).
struct Corpus {
    dir: tempfile::TempDir,
    good: BTreeSet<String>,
    bad: Vec<(PathBuf, &'static str)>,
}

fn hostile_corpus() -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    let mut good = BTreeSet::new();
    let mut bad = Vec::new();
    let put = |name: &str, bytes: &[u8]| {
        let p = d.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    };
    for (name, text) in [
        ("harbor.txt", HARBOR),
        ("council.md", COUNCIL),
        ("sub/letter.html", LETTER),
    ] {
        good.insert(s(&put(name, text.as_bytes())).to_owned());
    }
    good.insert(s(&put("cp1252.txt", &cp1252_bytes())).to_owned());
    good.insert(s(&put("lossy.txt", &lossy_bytes())).to_owned());
    for (name, bytes) in small_pathological() {
        good.insert(s(&put(name, &bytes)).to_owned());
    }
    bad.push((put("empty.txt", b""), "empty document"));
    bad.push((put("blank.md", b"  \n\t\n  "), "empty document"));
    bad.push((
        put(
            "binary.txt",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00garbage\x00\x01",
        ),
        "binary",
    ));
    good.insert(s(&put("utf16.txt", &utf16le_bytes())).to_owned());
    // Not documents by name: ignored without a word.
    put("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00");
    put(".hidden.txt", b"Hidden Person said hi.");
    std::fs::create_dir_all(d.join("emptysub")).unwrap();
    #[cfg(unix)]
    {
        let dangling = d.join("dangling.txt");
        std::os::unix::fs::symlink(d.join("gone.txt"), &dangling).unwrap();
        bad.push((dangling, "No such file"));
        let up = d.join("sub/up");
        std::os::unix::fs::symlink(&d, &up).unwrap();
        bad.push((up, "directory loop"));
        let fifo = d.join("fifo.txt");
        let made = Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            bad.push((fifo, "not a regular file"));
        } else {
            eprintln!("note: mkfifo not available; pipe case not checked");
        }
        // Unreadable: only when permissions bind (not as root).
        let locked = put("locked.txt", b"Ines Varga spoke.");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            bad.push((locked, "ermission denied"));
        } else {
            eprintln!("note: running as root, an unreadable file cannot be made; case not checked");
            good.insert(s(&locked).to_owned());
        }
    }
    Corpus { dir, good, bad }
}

/// Arguments: the corpus directory, an empty directory and a missing path.
fn hostile_args(c: &Corpus) -> (Vec<String>, Vec<(PathBuf, &'static str)>) {
    let d = c.dir.path();
    let empty = d.join("emptysub");
    let missing = d.join("missing/article.txt");
    let mut bad = c.bad.clone();
    bad.push((empty.clone(), "no documents found"));
    bad.push((missing.clone(), "No such file"));
    let args = vec![
        s(d).to_owned(),
        s(&empty).to_owned(),
        s(&missing).to_owned(),
    ];
    (args, bad)
}

fn assert_bad_named(o: &Output, bad: &[(PathBuf, &str)]) {
    let e = stderr(o);
    for (p, why) in bad {
        let line = e.lines().find(|l| l.contains(s(p)));
        let line = line.unwrap_or_else(|| panic!("stderr does not name {}:\n{e}", p.display()));
        assert!(
            line.contains(why),
            "{} should say {why:?}: {line}",
            p.display()
        );
    }
}

#[test]
fn extract_keeps_every_good_document_and_names_every_bad_one() {
    let c = hostile_corpus();
    let (args, bad) = hostile_args(&c);
    for threads in ["1", "3"] {
        let mut a = vec!["extract", "--threads", threads];
        a.extend(args.iter().map(String::as_str));
        let o = run(&a);
        assert_no_crash(&o);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let recs = records(&o);
        let docs: BTreeSet<String> = recs
            .iter()
            .map(|r| r["doc"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(docs, c.good, "every good document reaches the output, once");
        assert_eq!(recs.len(), c.good.len());
        assert_bad_named(&o, &bad);
        // Spans of every record slice the document's decoded text.
        for r in &recs {
            let path = Path::new(r["doc"].as_str().unwrap());
            let bytes = std::fs::read(path).unwrap();
            let format = actorgraph::ingest::Format::from_path(path);
            let doc = actorgraph::ingest::read_bytes(s(path), &bytes, format).unwrap();
            for m in r["mentions"].as_array().unwrap() {
                let (a, b) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    doc.body.get(a..b),
                    m["text"].as_str(),
                    "mention span in {}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn build_writes_a_graph_graphviz_accepts_despite_bad_inputs() {
    let c = hostile_corpus();
    let (args, bad) = hostile_args(&c);
    let out = c.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let dot_path = out.join("graph.dot");
    let json_path = out.join("graph.json");
    for (format, path) in [("dot", &dot_path), ("json", &json_path)] {
        let mut a = vec!["build", "--format", format, "-o", s(path)];
        a.extend(args.iter().map(String::as_str));
        let o = run(&a);
        assert_no_crash(&o);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_bad_named(&o, &bad);
    }
    let dot = std::fs::read_to_string(&dot_path).unwrap();
    check_dot(&dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}"));
    for id in ["Ines Varga", "Paulo Brandt", "Mira Doss", "Odile Marsh"] {
        assert!(
            dot.contains(&format!("\"{id}\"")),
            "{id} missing from the graph"
        );
    }
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert!(json["nodes"].as_array().unwrap().len() >= 4);
    // Only the two outputs: no temporary file left beside them.
    let left: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        BTreeSet::from(["graph.dot".to_owned(), "graph.json".to_owned()])
    );
    match Command::new("dot")
        .args(["-Tsvg", "-o", "/dev/null", s(&dot_path)])
        .output()
    {
        Ok(o) => assert!(
            o.status.success(),
            "Graphviz rejects the DOT: {}",
            stderr(&o)
        ),
        Err(_) => skip("Graphviz `dot` not installed; DOT checked by the test parser only"),
    }
}

#[test]
fn non_utf8_is_decoded_with_a_warning_and_the_record_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let cp = dir.path().join("cp1252.txt");
    let lossy = dir.path().join("lossy.txt");
    std::fs::write(&cp, cp1252_bytes()).unwrap();
    std::fs::write(&lossy, lossy_bytes()).unwrap();
    let utf16 = dir.path().join("utf16.txt");
    std::fs::write(&utf16, utf16le_bytes()).unwrap();
    let o = run(&["extract", s(&cp), s(&lossy), s(&utf16)]);
    assert_no_crash(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "a decodable file is no failure: {}",
        stderr(&o)
    );
    let e = stderr(&o);
    for (p, enc) in [
        (&cp, "windows-1252"),
        (&lossy, "utf-8-lossy"),
        (&utf16, "utf-16le"),
    ] {
        let want = format!("{}: not valid UTF-8, read as {enc}", p.display());
        assert!(e.contains(&want), "want {want:?} in:\n{e}");
    }
    let recs = records(&o);
    assert_eq!(recs[0]["encoding"], "windows-1252");
    assert_eq!(recs[1]["encoding"], "utf-8-lossy");
    assert_eq!(recs[2]["encoding"], "utf-16le");
    let ms16 = recs[2]["mentions"].as_array().unwrap();
    assert!(ms16.iter().any(|m| m["text"] == "Odile Marsh"), "{ms16:?}");
    // Spans refer to the decoded text.
    let text = cp1252_decoded();
    let ms = recs[0]["mentions"].as_array().unwrap();
    assert!(ms.iter().any(|m| m["text"] == "Mira Doss"), "{ms:?}");
    for m in ms {
        let (a, b) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text.get(a..b), m["text"].as_str());
    }
    let at = recs[0]["attributions"].as_array().unwrap();
    assert!(
        at.iter().any(|a| a["speaker"]["text"] == "Mira Doss"),
        "{at:?}"
    );
}

#[test]
fn bad_stdin_is_named_as_a_dash() {
    use std::io::Write;
    for (input, why) in [
        (&b"\x00\x01\x02binary"[..], "-: looks like a binary file"),
        (b"   ", "-: empty document"),
    ] {
        let mut child = bin()
            .args(["extract", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let o = child.wait_with_output().unwrap();
        assert_no_crash(&o);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(why), "{}", stderr(&o));
    }
}

#[test]
fn malformed_alias_files_give_path_line_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, HARBOR).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        // (file name, contents, what stderr must hold after "path:")
        (
            "bad.toml",
            "[[actor]]\nname = \"Ines Varga\"\nalias = [\"Varga\"]\n",
            ":3: unknown field `alias`",
        ),
        ("unclosed.toml", "[[actor]]\nname = \"Ines Varga\n", ":2:"),
        (
            "bad.json",
            "{\"actor\": [\n {\"name\": 3}\n]}",
            ":2: invalid type",
        ),
        ("trailing.json", "[{\"name\": \"X\"},]", ":1:"),
        (
            "kind.toml",
            "[[actor]]\nname = \"X\"\nkind = \"robot\"\n",
            ":3: unknown variant `robot`",
        ),
    ];
    for (name, text, want) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        for cmd in ["extract", "build"] {
            let o = run(&[cmd, "--aliases", s(&p), s(&doc)]);
            assert_no_crash(&o);
            assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
            let want = format!("{}{want}", p.display());
            assert!(
                stderr(&o).contains(&want),
                "{name}: want {want:?} in {}",
                stderr(&o)
            );
            assert!(o.stdout.is_empty(), "no output after a bad alias file");
        }
    }
    let missing = dir.path().join("nope.toml");
    let o = run(&["build", "--aliases", s(&missing), s(&doc)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(s(&missing)), "{}", stderr(&o));
}

#[test]
fn conflicting_and_malformed_options_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, HARBOR).unwrap();
    let d = s(&doc);
    let cases: &[&[&str]] = &[
        &["build", "-o", "a.dot", "-o", "b.dot", d],
        &["extract", "-o", "a.jsonl", "--output", "b.jsonl", d],
        &["build", "--format", "dot", "--format", "json", d],
        &["build", "--window", "sideways", d],
        &["build", "--min-weight", "-1", d],
        &["build", "--max-evidence", "many", d],
        &["extract", "--threads", "x", d],
        &["build"],
        &["extract", "--format", "json", d],
        &["extract", "--no-such-flag", d],
    ];
    for args in cases {
        let o = bin().current_dir(dir.path()).args(*args).output().unwrap();
        assert_no_crash(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("--help"), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // No output file was created by any of them.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["a.txt"]);
}

#[test]
fn output_to_an_impossible_place_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, HARBOR).unwrap();
    let into_dir = dir.path().join("adir");
    std::fs::create_dir(&into_dir).unwrap();
    let no_parent = dir.path().join("no/such/dir/g.dot");
    for target in [&into_dir, &no_parent] {
        let o = run(&["build", "-o", s(target), s(&doc)]);
        assert_no_crash(&o);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(s(target)), "{}", stderr(&o));
    }
    // Nothing was left behind: the directory holds what it held.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["a.txt", "adir"]);
    assert_eq!(std::fs::read_dir(&into_dir).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn output_to_a_pipe_is_written_through_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, HARBOR).unwrap();
    let fifo = dir.path().join("out.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !require_or_skip(made, "mkfifo") {
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = run(&["build", "-o", s(&fifo), s(&doc)]);
    assert_no_crash(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Checked first: a replaced pipe would leave the reader waiting.
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the pipe was replaced by a file"
    );
    let got = reader.join().unwrap();
    check_dot(&got).unwrap();
    assert!(got.contains("\"Ines Varga\""));
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join(name), HARBOR).unwrap();
    let o = run(&["extract", s(dir.path())]);
    assert_no_crash(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 1);
    assert!(
        recs[0]["doc"]
            .as_str()
            .unwrap()
            .ends_with("caf\u{fffd}.txt"),
        "{}",
        recs[0]["doc"]
    );
}

/// Documents enough to keep a debug build busy for a while.
#[cfg(unix)]
fn busy_corpus(dir: &Path, n: usize) -> PathBuf {
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    for i in 0..n {
        let text = format!(
            "{HARBOR}\nArticle {i}: Tavi Renn{i} met Odile Marsh. {}",
            "Varga said it went well. ".repeat(40)
        );
        std::fs::write(docs.join(format!("{i:05}.txt")), text).unwrap();
    }
    docs
}

#[cfg(unix)]
fn temp_files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Start `extract -o` on a busy corpus, wait until its temporary output
/// exists, send `signal`; return the exit status (None: killed).
#[cfg(unix)]
fn interrupt_extract(out_dir: &Path, docs: &Path, target: &Path, signal: &str) -> Option<i32> {
    let mut child = bin()
        .args(["extract", "--threads", "1", "-o", s(target), s(docs)])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The temporary file appears once the run has begun writing.
    loop {
        if !temp_files_in(out_dir).is_empty() {
            break;
        }
        if let Some(st) = child.try_wait().unwrap() {
            panic!("the run ended ({st:?}) before it could be interrupted; make the corpus bigger");
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let ok = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let o = child.wait_with_output().unwrap();
    o.status.code()
}

#[cfg(unix)]
#[test]
fn interrupted_run_leaves_no_partial_output_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let docs = busy_corpus(dir.path(), 400);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let target = out.join("records.jsonl");
    // Fresh target: it must not appear. Existing target: it must keep its
    // old contents.
    for (signal, old) in [
        ("-INT", None),
        ("-TERM", Some("old records\n")),
        ("-HUP", Some("old\n")),
    ] {
        if let Some(o) = old {
            std::fs::write(&target, o).unwrap();
        }
        let code = interrupt_extract(&out, &docs, &target, signal);
        assert_eq!(code, Some(130), "{signal}: exit status");
        assert_eq!(
            std::fs::read_to_string(&target).ok().as_deref(),
            old,
            "{signal}"
        );
        assert!(
            temp_files_in(&out).is_empty(),
            "{signal}: temporary files left: {:?}",
            temp_files_in(&out)
        );
    }
}

#[cfg(unix)]
#[test]
fn killed_run_never_leaves_a_partial_target() {
    let dir = tempfile::tempdir().unwrap();
    let docs = busy_corpus(dir.path(), 400);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let target = out.join("records.jsonl");
    std::fs::write(&target, "complete old output\n").unwrap();
    let code = interrupt_extract(&out, &docs, &target, "-KILL");
    assert_eq!(code, None, "SIGKILL cannot be caught");
    // The target is whole; only SIGKILL may leave a stray temporary file.
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "complete old output\n"
    );
}

/// Generated pathological inputs of issue 7, about `scale` bytes each.
/// Debug tests use 256 KiB (about 13 s for all of them; doubling the size
/// doubles the time for each, measured at 256 KiB and 1 MiB);
/// `full_size_pathological_inputs` runs 10 MiB in release.
fn pathological(scale: usize) -> Vec<(&'static str, Option<actorgraph::ingest::Format>, Vec<u8>)> {
    use actorgraph::ingest::Format::{Html, Markdown, Text};
    let line = "Ines Varga met Tavi Renn near the harbor and ".repeat(scale / 45);
    vec![
        ("one long line", Some(Text), line.clone().into_bytes()),
        (
            "one long markdown line",
            Some(Markdown),
            format!("**{line}**").into_bytes(),
        ),
        (
            "one long html line",
            Some(Html),
            format!("<p>{line}</p>").into_bytes(),
        ),
        (
            "50,000 quotation marks",
            Some(Text),
            "\"".repeat(50_000).into_bytes(),
        ),
        (
            "50,000 curly quotes",
            Some(Text),
            "\u{201c}".repeat(50_000).into_bytes(),
        ),
        (
            "a name repeated in sentences",
            Some(Text),
            "Ines Varga left. ".repeat(scale / 17).into_bytes(),
        ),
        (
            "nested brackets",
            Some(Text),
            format!(
                "{}Tavi Renn{}",
                "([{".repeat(scale / 6),
                "}])".repeat(scale / 6)
            )
            .into_bytes(),
        ),
        (
            "no punctuation",
            Some(Text),
            "the minister met the envoy and talked "
                .repeat(scale / 38)
                .into_bytes(),
        ),
        ("one giant word", Some(Text), "A".repeat(scale).into_bytes()),
        (
            "an initialism without end",
            Some(Text),
            "U.".repeat(scale / 2).into_bytes(),
        ),
        (
            "newlines only and a word",
            Some(Text),
            format!("{}x", "\n".repeat(scale)).into_bytes(),
        ),
        (
            "html tags without end",
            Some(Html),
            "<a ".repeat(scale / 3).into_bytes(),
        ),
        (
            "html comments without end",
            Some(Html),
            "<!--".repeat(scale / 4).into_bytes(),
        ),
        (
            "skipped elements",
            Some(Html),
            "<script>".repeat(scale / 8).into_bytes(),
        ),
        (
            "closed skipped elements",
            Some(Html),
            "<b><style>p</style>".repeat(scale / 19).into_bytes(),
        ),
        (
            "entities",
            Some(Html),
            "&amp;&#8217;&;&#;&#x;&".repeat(scale / 22).into_bytes(),
        ),
        (
            "markdown links",
            Some(Markdown),
            "[a](b) ".repeat(scale / 7).into_bytes(),
        ),
        (
            "markdown brackets",
            Some(Markdown),
            "[".repeat(scale).into_bytes(),
        ),
        (
            "markdown fences",
            Some(Markdown),
            "```\n".repeat(scale / 4).into_bytes(),
        ),
        (
            "markdown emphasis",
            Some(Markdown),
            "*_`\\".repeat(scale / 4).into_bytes(),
        ),
        (
            "sniffed",
            None,
            "## A\n\n[x](y) **b** ".repeat(scale / 20).into_bytes(),
        ),
    ]
}

#[test]
fn pathological_inputs_keep_every_invariant() {
    for (what, hint, bytes) in pathological(1 << 18) {
        let r = check_bytes("path.txt", &bytes, hint);
        assert!(r.is_some(), "{what}: a document, not an error");
    }
}

#[test]
#[ignore = "full sizes of issue 7 (10 MB line, a million names); run: cargo test --release --test hostile -- --ignored full_size"]
fn full_size_pathological_inputs() {
    for (what, hint, bytes) in pathological(10 << 20) {
        let r = check_bytes("path.txt", &bytes, hint);
        assert!(r.is_some(), "{what}: a document, not an error");
    }
    // A name a million times, in sentences (unpunctuated, the run becomes one
    // giant name: see giant_names_still_give_dot_graphviz_accepts).
    let million = "Ines Varga left. ".repeat(1_000_000);
    check_bytes("million.txt", million.as_bytes(), None).unwrap();
}

/// Inputs the fuzzer once crashed on: tests/data/regressions/*, the first
/// byte choosing the format as in the fuzz target.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let data = std::fs::read(&p).unwrap();
        let Some((&sel, bytes)) = data.split_first() else {
            continue;
        };
        let (name, hint) = hint_of(sel);
        check_bytes(name, bytes, hint);
        n += 1;
    }
    assert!(n > 0, "no regression inputs found in {}", dir.display());
}

/// The seed articles of the shared corpus, when present (not in the repo).
#[test]
fn seed_corpus_builds_a_clean_graph() {
    let Some(seeds) = shared("corpus/seeds") else {
        return;
    };
    let o = run(&["build", s(&seeds)]);
    assert_no_crash(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dot = String::from_utf8(o.stdout).unwrap();
    check_dot(&dot).unwrap();
}

// Superlinear work, once found in stages this suite does not own (none is
// ignored any more). Each runs an input that linear code analyses in a few
// seconds in a debug build under a 60 s watchdog (`finishes_within`), and
// checks what it found, so neither a hang nor an empty result passes.
// They are hang detectors, not benchmarks.

/// Run `f` on another thread and return what it returns; panic if it has
/// not finished after `secs` (or if it panicked).
fn finishes_within<T: Send + 'static>(
    secs: u64,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    use std::sync::mpsc::RecvTimeoutError;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(RecvTimeoutError::Timeout) => {
            panic!("{what}: not done after {secs} s; the work grows faster than the input")
        }
        Err(RecvTimeoutError::Disconnected) => panic!("{what}: panicked (see above)"),
    }
}

fn extract_text(text: String) -> actorgraph::pipeline::DocRecord {
    let doc = actorgraph::ingest::Document::from_text("big.txt", text);
    actorgraph::pipeline::Extractor::new().extract(&doc)
}

/// Once cubic (resolve::antecedent scanned back over every mention of an
/// unpunctuated sentence): this input did not finish in 60 s on d0a549a and
/// takes 0.1 s on main as of 9b617db (debug build); under a 60 s watchdog,
/// and every name and pronoun must still be found and resolved.
#[test]
fn pronouns_in_one_long_sentence() {
    // 100 KB, one sentence: 4,000 names and 8,000 pronouns.
    let text = "Ines Varga and he and she ".repeat(4_000);
    let rec = finishes_within(60, "pronouns in one sentence", move || extract_text(text));
    let count = |via: Via| rec.mentions.iter().filter(|m| m.via == via).count();
    assert_eq!(count(Via::Name), 4_000, "every name is found");
    // At least the pronoun of each repetition that agrees with the name.
    assert!(
        count(Via::Pronoun) >= 4_000,
        "{} pronouns",
        count(Via::Pronoun)
    );
    let actors: BTreeSet<&str> = rec.mentions.iter().map(|m| m.actor.as_str()).collect();
    assert_eq!(actors, BTreeSet::from(["Ines Varga"]));
}

/// Once quadratic (attribution scanned every quotation per cue; 1 MB did
/// not finish in 60 s on d0a549a, 6 s on main as of 9b617db): 300 KB here,
/// about 1 s in a debug build; under a 60 s watchdog, and every quotation
/// must still be attributed.
#[test]
fn quotes_and_cues() {
    // 13,000 quotations, each with a cue.
    let text = "\"Go,\" Ines Varga said. ".repeat(13_000);
    let rec = finishes_within(60, "quotations with cues", move || extract_text(text));
    assert_eq!(
        rec.attributions.len(),
        13_000,
        "one attribution a quotation"
    );
    for a in &rec.attributions {
        let who = a.speaker.as_ref().and_then(|s| s.actor.as_deref());
        assert_eq!(who, Some("Ines Varga"), "{a:?}");
    }
}

#[test]
fn superlinear_cues_in_one_long_sentence() {
    // 190 KB, one sentence, 12,000 cues (debug: 3,000 cues took 20 s).
    let text = "they talked and ".repeat(12_000);
    finishes_within(60, "cues in one sentence", move || extract_text(text));
}

#[test]
fn superlinear_paragraph_windows() {
    use actorgraph::graph::{ActorGraph, GraphOptions, Window};
    use actorgraph::pipeline::{DocRecord, MentionRecord, SentenceRecord};
    // 200,000 one-sentence paragraphs, two actors each.
    let n = 200_000;
    let mut mentions = Vec::new();
    let mut sentences = Vec::new();
    for i in 0..n {
        let at = i * 20;
        sentences.push(SentenceRecord {
            start: at,
            end: at + 18,
            paragraph: i,
        });
        for (k, actor) in ["Ines Varga", "Tavi Renn"].iter().enumerate() {
            mentions.push(MentionRecord {
                start: at + k * 9,
                end: at + k * 9 + 4,
                text: actor.to_string(),
                actor: actor.to_string(),
                kind: actorgraph::mentions::ActorKind::Person,
                via: actorgraph::mentions::Via::Name,
                sentence: i,
                paragraph: i,
            });
        }
    }
    let rec = DocRecord {
        doc: "big.txt".into(),
        encoding: actorgraph::ingest::Encoding::Utf8,
        format: actorgraph::ingest::Format::Text,
        mentions,
        attributions: vec![],
        sentences,
        meta: Default::default(),
    };
    finishes_within(60, "paragraph windows", move || {
        let mut g = ActorGraph::new(GraphOptions {
            window: Window::Paragraph,
            ..GraphOptions::default()
        });
        g.add_record(&rec);
    });
}

#[test]
fn superlinear_many_distinct_names_in_one_window() {
    // 2,000 distinct full names in one unpunctuated sentence (32 KB).
    let n = 2_000u32;
    let mut text = String::new();
    for i in 0..n {
        let sur: String = format!("{i:05}")
            .bytes()
            .map(|d| (b'a' + d - b'0') as char)
            .collect();
        text.push_str(&format!("Ines Q{sur} and "));
    }
    let doc = actorgraph::ingest::Document::from_text("names.txt", text);
    let rec = actorgraph::pipeline::Extractor::new().extract(&doc);
    let actors: BTreeSet<&str> = rec.mentions.iter().map(|m| m.actor.as_str()).collect();
    assert!(
        actors.len() >= n as usize / 2,
        "the names are found: {}",
        actors.len()
    );
    let mut g = actorgraph::graph::ActorGraph::new(actorgraph::graph::GraphOptions::default());
    g.add_record(&rec);
    // Output (and memory) linear in the input: a bounded number of links
    // per actor.
    assert!(
        g.edge_count() <= 20 * actors.len(),
        "{} edges for {} actors",
        g.edge_count(),
        actors.len()
    );
}

#[test]
fn giant_names_still_give_dot_graphviz_accepts() {
    let cases = [
        ("a name repeated", "Ines Varga ".repeat(10_000)),
        (
            "one giant capitalised word, cued",
            format!("{} said so.", "Q".to_owned() + &"a".repeat(20_000)),
        ),
    ];
    let failed: Vec<&str> = cases
        .iter()
        .filter(|(_, text)| {
            std::panic::catch_unwind(|| check_bytes("names.txt", text.as_bytes(), None)).is_err()
        })
        .map(|(what, _)| *what)
        .collect();
    assert!(
        failed.is_empty(),
        "failed (see the panics above): {failed:?}"
    );
}

#[test]
fn superlinear_subject_of_in_one_long_sentence() {
    // 256 KB, one sentence, about 6,900 cues.
    let text = "the minister met the envoy and talked ".repeat(6_900);
    finishes_within(60, "subjects of cues in one sentence", move || {
        extract_text(text)
    });
}
