//! Hostile inputs and hostile surroundings, round two (issue #17): the
//! command line's part. Terminal escapes in text answers (item 3), output
//! permissions, links and read-only targets (4), the same file named twice
//! (9), the CSV pair installed together (11), and the smaller items of 14
//! (a bounded `--threads`, stale temporary files, pipes and a closed
//! standard output, the output checked before the corpus is read).
//! Each runs the real binary.

mod common;

use common::cli::{bin, run, stderr, stdout};
use common::tools::{require_or_skip, which};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// An invented article in `dir`.
fn article(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(
        &p,
        "Ines Varga met Paulo Brandt in Porto on Monday.\n\nBrandt said Varga had kept her word.\n",
    )
    .unwrap();
    p
}

/// Wait for a child, killing it after `limit`.
fn wait_at_most(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return Some(st);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// No byte a terminal acts on: ESC, BEL, other C0 (but newline), DEL, C1,
/// bidirectional controls.
fn assert_inert(out: &str, what: &str) {
    for c in out.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}');
        assert!(!bad, "{what}: {:?} in {out:?}", c);
    }
}

// ---- item 3: terminal escapes ----------------------------------------

#[test]
fn text_answers_make_control_characters_visible() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("hostile.txt");
    std::fs::write(
        &doc,
        "Ines Varga met Paulo Brandt \u{1b}]0;PWNED\u{7} in Porto.\n\nBrandt said Varga had kept her word \u{202e}drow.\n",
    )
    .unwrap();
    let g = dir.path().join("g.json");
    let o = run(&["build", s(&doc), "--format", "json", "-o", s(&g), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["query", s(&g), "between", "Varga", "Brandt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_inert(&text, "between");
    assert!(
        text.contains("Paulo Brandt \\e]0;PWNED\\a in Porto."),
        "{text}"
    );
    let o = run(&["explain", s(&doc), "--all"]);
    let text = stdout(&o);
    assert_inert(&text, "explain");
    assert!(text.contains("\\e]0;PWNED\\a"), "{text}");
    assert!(text.contains("\\u{202e}drow"), "{text}");

    // Names themselves, from a graph file.
    let evil = "Ines \u{1b}[2JVarga\u{7}\u{9b}\u{202e}";
    let g = dir.path().join("evil.json");
    let graph = json!({
        "nodes": [
            {"id": evil, "kind": "person", "mentions": 2, "documents": 1, "aliases": [evil]},
            {"id": "Paulo Brandt", "kind": "person", "mentions": 1, "documents": 1, "aliases": []},
        ],
        "edges": [{"source": evil, "target": "Paulo Brandt", "kind": "attribution", "weight": 1,
                   "evidence": [{"doc": "x\u{1b}[1m.txt", "start": 0, "end": 1}]}],
    });
    std::fs::write(&g, graph.to_string()).unwrap();
    let shown = "Ines \\e[2JVarga\\a\\u{9b}\\u{202e}";
    for args in [
        &["top"][..],
        &["neighbors", "Paulo Brandt"],
        &["said-by", evil],
        &["path", evil, "Paulo Brandt"],
        &["between", evil, "Paulo Brandt"],
        &["ego", "Paulo Brandt"],
    ] {
        let o = run(&[&["query", s(&g)][..], args].concat());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let text = stdout(&o);
        assert_inert(&text, &format!("{args:?}"));
        assert!(text.contains(shown), "{args:?}: {text}");
    }
    // JSON keeps the name exact (escaped as JSON does).
    let o = run(&["query", s(&g), "top", "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"] == evil));
}

// ---- item 4: permissions, links, read-only targets --------------------

/// Run the binary under `sh` with a umask.
fn with_umask(umask: &str, args: &[&str]) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_actorgraph");
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(bin)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn new_outputs_follow_the_umask_and_replaced_ones_keep_their_mode() {
    let dir = tempfile::tempdir().unwrap();
    let doc = article(dir.path(), "a.txt");
    for (umask, mode) in [("077", 0o600), ("022", 0o644), ("002", 0o664)] {
        let out = dir.path().join(format!("out-{umask}.dot"));
        let o = with_umask(umask, &["build", s(&doc), "-o", s(&out), "-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let got = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(got, mode, "umask {umask}: {got:o}");
    }
    let out = dir.path().join("kept.dot");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let o = with_umask("000", &["build", s(&doc), "-o", s(&out), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("digraph"));
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn output_through_a_symbolic_link_replaces_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let doc = article(dir.path(), "a.txt");
    let real = dir.path().join("real.dot");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.dot");
    std::os::unix::fs::symlink("real.dot", &link).unwrap();
    let o = run(&["build", s(&doc), "-o", s(&link), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .starts_with("digraph"));
    // A dangling link: its target is created, as `>` would.
    let dangling = dir.path().join("dangling.dot");
    std::os::unix::fs::symlink("made.dot", &dangling).unwrap();
    let o = run(&["build", s(&doc), "-o", s(&dangling), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(dir.path().join("made.dot"))
        .unwrap()
        .starts_with("digraph"));
}

#[test]
fn a_read_only_target_is_refused_as_the_shell_would() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let doc = article(dir.path(), "a.txt");
    std::fs::set_permissions(&doc, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = dir.path().join("ro.dot");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).unwrap();
    let root = std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false);
    // Root may write any file (the shell's `>` too): run as nobody then.
    let mut prefix: Vec<String> = Vec::new();
    if root {
        let Some(setpriv) = which("setpriv") else {
            require_or_skip(false, "setpriv (to run as another user than root)");
            return;
        };
        prefix = [
            s(&setpriv),
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
        ]
        .map(String::from)
        .to_vec();
    }
    let runner = |program: &str, args: &[&str]| {
        let mut all: Vec<String> = prefix.clone();
        all.push(program.into());
        all.extend(args.iter().map(|a| a.to_string()));
        Command::new(&all[0]).args(&all[1..]).output().unwrap()
    };
    // The shell refuses...
    let sh = runner("sh", &["-c", &format!(": > '{}'", out.display())]);
    assert!(!sh.status.success(), "the shell wrote a read-only file");
    // ... and so does actorgraph, leaving the file as it was.
    let o = runner(
        env!("CARGO_BIN_EXE_actorgraph"),
        &["build", s(&doc), "-o", s(&out), "-q"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: cannot write: Permission denied (os error 13)\n",
            out.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".actorgraph-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A writable one is written by that same user.
    let ok = dir.path().join("ok.dot");
    let o = runner(
        env!("CARGO_BIN_EXE_actorgraph"),
        &["build", s(&doc), "-o", s(&ok), "-q"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn hard_links_keep_the_old_contents_and_a_warning_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let doc = article(dir.path(), "a.txt");
    let out = dir.path().join("out.dot");
    let other = dir.path().join("other.dot");
    std::fs::write(&out, "old").unwrap();
    std::fs::hard_link(&out, &other).unwrap();
    let o = run(&["build", s(&doc), "-o", s(&out), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("digraph"));
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "old");
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: has 1 other hard link; the new file replaces this name only, the other keeps the old contents\n",
            out.display()
        )
    );
}

// ---- item 9: the same file twice --------------------------------------

#[test]
fn the_same_file_named_twice_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "a.txt");
    std::os::unix::fs::symlink("a.txt", dir.path().join("link.txt")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    article(&dir.path().join("sub"), "b.txt");
    let graph = |args: &[&str]| {
        let o = bin()
            .current_dir(dir.path())
            .args([&["build"][..], args, &["--format", "json"]].concat())
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        (
            serde_json::from_slice::<Value>(&o.stdout).unwrap(),
            stderr(&o),
        )
    };
    let weights = |g: &Value| -> Vec<u64> {
        g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["weight"].as_u64().unwrap())
            .collect()
    };
    let (once, _) = graph(&["a.txt"]);
    assert!(!weights(&once).is_empty());
    for (twice, warning) in [
        (&["a.txt", "./a.txt"][..], "./a.txt: the same file as a.txt"),
        (&["a.txt", "link.txt"], "link.txt: the same file as a.txt"),
        (
            &["sub/b.txt", "sub"],
            "sub/b.txt: the same file as sub/b.txt",
        ),
    ] {
        let (g, err) = graph(twice);
        assert_eq!(weights(&g), weights(&once), "{twice:?}");
        assert!(
            err.starts_with(&format!("actorgraph: {warning}, read once\n")),
            "{twice:?}: {err}"
        );
        assert!(err.contains(", 1 skipped, 0 failed;"), "{twice:?}: {err}");
    }
}

// ---- item 11: the CSV pair ---------------------------------------------

#[test]
fn the_csv_pair_is_replaced_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let doc = article(dir.path(), "a.txt");
    let csv = dir.path().join("csv");
    std::fs::create_dir(&csv).unwrap();
    std::fs::write(csv.join("nodes.csv"), "old nodes").unwrap();
    // edges.csv cannot be replaced: a directory holds its name.
    std::fs::create_dir_all(csv.join("edges.csv/x")).unwrap();
    let o = run(&["build", s(&doc), "--format", "csv", "-o", s(&csv), "-q"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: is a directory\n",
            csv.join("edges.csv").display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(csv.join("nodes.csv")).unwrap(),
        "old nodes"
    );
    let mut names: Vec<String> = std::fs::read_dir(&csv)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["edges.csv", "nodes.csv"]);
    // Once it can, both are new.
    std::fs::remove_dir_all(csv.join("edges.csv")).unwrap();
    let o = run(&["build", s(&doc), "--format", "csv", "-o", s(&csv), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let nodes = std::fs::read_to_string(csv.join("nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(csv.join("edges.csv")).unwrap();
    assert!(
        nodes.contains("Ines Varga") && edges.contains("Paulo Brandt"),
        "{nodes}\n{edges}"
    );
}

// ---- item 14 -------------------------------------------------------------

#[test]
fn a_huge_thread_count_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<PathBuf> = (0..6)
        .map(|i| article(dir.path(), &format!("{i}.txt")))
        .collect();
    let paths: Vec<&str> = docs.iter().map(|p| s(p)).collect();
    let one = run(&[&["build"][..], &paths, &["--threads", "1", "-q"]].concat());
    let many = run(&[&["build"][..], &paths, &["--threads", "30000"]].concat());
    assert_eq!(many.status.code(), Some(0), "{}", stderr(&many));
    assert_eq!(one.stdout, many.stdout);
    assert!(
        stderr(&many)
            .starts_with("actorgraph: --threads 30000: using 256, the most a run starts\n"),
        "{}",
        stderr(&many)
    );
}

#[test]
fn temporary_files_of_a_killed_run_are_cleaned_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let doc = article(dir.path(), "a.txt");
    let out = dir.path().join("out.dot");
    let ours = |d: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with(".actorgraph-"))
            .collect();
        v.sort();
        v
    };
    // A run reading standard input that never ends, killed with SIGKILL.
    let mut child = bin()
        .args(["build", "-", "-o", s(&out), "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while ours(dir.path()).is_empty() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let stale = ours(dir.path());
    assert_eq!(stale.len(), 1, "the killed run's temporary file: {stale:?}");
    // Files of ours that are not stale: a live process's (this test's), and
    // a name without a process id, young.
    let live = format!(".actorgraph-{}-0.tmp", std::process::id());
    std::fs::write(dir.path().join(&live), "live").unwrap();
    std::fs::write(dir.path().join(".actorgraph-notes.tmp"), "mine").unwrap();
    let o = run(&["build", s(&doc), "-o", s(&out), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut want = vec![".actorgraph-notes.tmp".to_string(), live];
    want.sort();
    assert_eq!(ours(dir.path()), want);
}

/// Spawn `args` with standard output a pipe; read `n` bytes and close it.
fn read_then_close(args: &[&str], n: usize) -> std::process::ExitStatus {
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut buf = vec![0; n];
    out.read_exact(&mut buf).unwrap();
    drop(out);
    wait_at_most(&mut child, Duration::from_secs(60)).expect("the run ends")
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly_on_dev_stdout_too() {
    let dir = tempfile::tempdir().unwrap();
    // A long document: its JSON line is far larger than a pipe holds.
    let mut f = std::fs::File::create(dir.path().join("long.txt")).unwrap();
    for i in 0..4000 {
        writeln!(f, "Ines Varga met Paulo Brandt in Porto on day {i}.").unwrap();
    }
    drop(f);
    let long = dir.path().join("long.txt");
    for target in ["-", "/dev/stdout"] {
        let st = read_then_close(&["extract", s(&long), "-o", target, "-q"], 10);
        assert_eq!(st.code(), Some(0), "-o {target}");
    }
}

#[test]
fn a_closed_standard_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let doc = article(dir.path(), "a.txt");
    for args in [
        vec!["build", s(&doc)],
        vec!["extract", s(&doc)],
        vec!["explain", s(&doc)],
    ] {
        let o = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" >&-")
            .arg(env!("CARGO_BIN_EXE_actorgraph"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o),
            "actorgraph: standard output is closed: descriptor 1 was not open when the program started\n",
            "{args:?}"
        );
    }
}

#[test]
fn the_output_is_checked_before_the_corpus_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let doc = article(dir.path(), "a.txt");
    let missing = dir.path().join("missing.txt");
    let bad = dir.path().join("no/out.dot");
    // A document that would fail is not even looked at.
    let o = run(&["build", s(&missing), s(&doc), "-o", s(&bad)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: the directory {} does not exist\n",
            bad.display(),
            dir.path().join("no").display()
        )
    );
    // Standard input that never ends is not read either.
    for cmd in ["build", "extract", "explain"] {
        let mut child = bin()
            .args([cmd, "-", "-o", s(&bad)])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let st = wait_at_most(&mut child, Duration::from_secs(20));
        assert_eq!(
            st.and_then(|s| s.code()),
            Some(2),
            "{cmd} waited for its input"
        );
    }
}
