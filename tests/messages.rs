//! The command line's messages, each checked word for word (issue #16,
//! item 5, and the run summary): what a user reads must be true and name
//! the right thing.

mod common;

use common::cli::{bin, run, stderr, stdout};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Two invented articles in `dir`.
fn docs(dir: &Path) -> Vec<PathBuf> {
    let texts = [
        (
            "a.txt",
            "Ines Varga met Paulo Brandt in Porto on Monday.\n\nBrandt said Varga had kept her word.\n",
        ),
        (
            "b.txt",
            "Odile Marsh spoke with Ines Varga about the harbour.\n",
        ),
    ];
    texts
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A hand-made graph file: `nodes` as `(id, aliases)`, `edges` as
/// `(source, target, kind, weight)`.
fn graph_file(dir: &Path, nodes: &[(&str, &[&str])], edges: &[(&str, &str, &str, u64)]) -> PathBuf {
    let g = json!({
        "nodes": nodes.iter().map(|(id, aliases)| json!({
            "id": id, "kind": "person", "mentions": 1, "documents": 1, "aliases": aliases,
        })).collect::<Vec<_>>(),
        "edges": edges.iter().map(|(a, b, kind, w)| json!({
            "source": a, "target": b, "kind": kind, "weight": w,
            "evidence": [{"doc": "x.txt", "start": 0, "end": 1}],
        })).collect::<Vec<_>>(),
    });
    let p = dir.join("graph.json");
    std::fs::write(&p, g.to_string()).unwrap();
    p
}

/// The summary line's text without its seconds, and the seconds parse.
fn summary_without_seconds(line: &str) -> String {
    let (head, secs) = line
        .rsplit_once("; ")
        .expect("a summary ends with its seconds");
    let secs = secs.strip_suffix(" s").expect("seconds end with ` s`");
    assert!(secs.parse::<f64>().is_ok(), "{line}");
    head.to_owned()
}

#[test]
fn output_into_a_missing_directory_names_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let input = docs(dir.path());
    let target = dir.path().join("no/such/out.dot");
    let o = run(&["build", s(&input[0]), "-o", s(&target)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: the directory {} does not exist\n",
            target.display(),
            dir.path().join("no/such").display()
        )
    );
    // A file where a directory should be.
    let target = input[0].join("out.dot");
    let o = run(&["build", s(&input[1]), "-o", s(&target)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: {} is not a directory\n",
            target.display(),
            input[0].display()
        )
    );
}

#[test]
fn an_os_reason_is_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.json");
    let o = run(&["query", s(&missing), "top"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: No such file or directory (os error 2)\n",
            missing.display()
        )
    );
    let input = docs(dir.path());
    let aliases = dir.path().join("none.toml");
    let o = run(&["build", s(&input[0]), "--aliases", s(&aliases)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: No such file or directory (os error 2)\n",
            aliases.display()
        )
    );
}

#[test]
fn neighbors_counts_actors_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph_file(
        dir.path(),
        &[
            ("Ines Varga", &[]),
            ("Paulo Brandt", &[]),
            ("Odile Marsh", &[]),
        ],
        &[
            ("Ines Varga", "Paulo Brandt", "cooccurrence", 2),
            ("Paulo Brandt", "Ines Varga", "attribution", 1),
            ("Ines Varga", "Paulo Brandt", "attribution", 1),
            ("Odile Marsh", "Ines Varga", "cooccurrence", 1),
        ],
    );
    let o = run(&["query", s(&g), "neighbors", "Ines Varga"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().next(),
        Some("2 linked actor(s) of Ines Varga, 4 link(s)")
    );
}

#[test]
fn format_dot_is_refused_by_the_verbs_without_a_graph() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph_file(
        dir.path(),
        &[("Ines Varga", &[]), ("Paulo Brandt", &[])],
        &[("Ines Varga", "Paulo Brandt", "cooccurrence", 1)],
    );
    for (verb, args) in [
        ("neighbors", &["Ines Varga"][..]),
        ("path", &["Ines Varga", "Paulo Brandt"]),
        ("between", &["Ines Varga", "Paulo Brandt"]),
        ("top", &[]),
        ("said-about", &["Ines Varga"]),
        ("said-by", &["Ines Varga"]),
    ] {
        let o = run(&[&["query", s(&g), verb][..], args, &["--format", "dot"]].concat());
        assert_eq!(o.status.code(), Some(2), "{verb}");
        assert_eq!(
            stderr(&o),
            format!("actorgraph: --format dot draws a graph, and only `query ego` answers with one; `{verb}` answers in text or json\n")
        );
        assert!(o.stdout.is_empty());
    }
    let o = run(&["query", s(&g), "ego", "Ines Varga", "--format", "dot"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("digraph"), "{}", stdout(&o));
}

#[test]
fn a_surname_shared_by_two_actors_is_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    // The resolver gave the bare surname to one of the two.
    let g = graph_file(
        dir.path(),
        &[
            ("Osric Telm", &["Osric Telm", "Telm"]),
            ("Wanda Ruiz Telm", &["Wanda Ruiz Telm"]),
            ("Paulo Brandt", &["Brandt"]),
        ],
        &[
            ("Osric Telm", "Paulo Brandt", "cooccurrence", 1),
            ("Wanda Ruiz Telm", "Paulo Brandt", "cooccurrence", 1),
        ],
    );
    let o = run(&["query", s(&g), "neighbors", "Telm"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "actorgraph: \"Telm\" is ambiguous: it names Osric Telm, Wanda Ruiz Telm; give the full id\n"
    );
    assert!(o.stdout.is_empty());
    // The full ids, and a surname that is one actor's, still answer.
    for name in ["Osric Telm", "Wanda Ruiz Telm", "Brandt"] {
        let o = run(&["query", s(&g), "neighbors", name]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
}

#[test]
fn between_from_elsewhere_points_to_docs() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    docs(&corpus);
    // Built from `dir` with relative paths: the evidence says `corpus/a.txt`.
    let o = bin()
        .current_dir(dir.path())
        .args([
            "build",
            "corpus",
            "--format",
            "json",
            "-o",
            "out/g.json",
            "-q",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "out/ does not exist yet");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let o = bin()
        .current_dir(dir.path())
        .args([
            "build",
            "corpus",
            "--format",
            "json",
            "-o",
            "out/g.json",
            "-q",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let elsewhere = tempfile::tempdir().unwrap();
    let g = dir.path().join("out/g.json");
    let ask = |extra: &[&str]| {
        bin()
            .current_dir(elsewhere.path())
            .args(
                [
                    &["query", s(&g)][..],
                    extra,
                    &["between", "Varga", "Brandt"],
                ]
                .concat(),
            )
            .output()
            .unwrap()
    };
    let o = ask(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("(document not readable here"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        stderr(&o),
        "actorgraph: 1 evidence document not readable from here (first: corpus/a.txt); evidence paths are as `build` was given them: run from the directory it ran in, or give that directory with --docs DIR\n"
    );
    // The same words beside a JSON answer.
    let json = ask(&["--format", "json"]);
    assert!(json.status.success());
    assert_eq!(stderr(&json), stderr(&o));
    let o = ask(&["--docs", "/nonexistent"]);
    assert_eq!(
        stderr(&o),
        "actorgraph: 1 evidence document not readable from here (first: corpus/a.txt), not even under --docs; give the directory `build` ran in with --docs DIR\n"
    );
    // Pointed at it, the evidence is read and nothing is said.
    let o = ask(&["--docs", s(dir.path())]);
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
    assert!(
        stdout(&o).contains("Ines Varga met Paulo Brandt"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_successful_run_prints_its_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = docs(dir.path());
    let out = dir.path().join("g.json");
    let o = run(&[
        "build",
        s(&input[0]),
        s(&input[1]),
        "--format",
        "json",
        "-o",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let g: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let (actors, links) = (
        g["nodes"].as_array().unwrap().len(),
        g["edges"].as_array().unwrap().len(),
    );
    assert!(actors >= 3 && links >= 2, "{g}");
    let err = stderr(&o);
    assert!(err.ends_with(" s\n") && err.lines().count() == 1, "{err}");
    assert_eq!(
        summary_without_seconds(err.trim_end()),
        format!(
            "actorgraph: 2 documents read, 0 skipped, 0 failed; {actors} actors, {links} links"
        )
    );
    // --quiet: nothing; --stats: one line of JSON.
    let o = run(&["build", s(&input[0]), "-q", "-o", s(&out)]);
    assert_eq!((o.status.code(), stderr(&o)), (Some(0), String::new()));
    let o = run(&[
        "build",
        s(&input[0]),
        s(&input[1]),
        "--format",
        "json",
        "--stats",
        "-o",
        s(&out),
    ]);
    let stats: Value = serde_json::from_str(stderr(&o).trim_end()).unwrap();
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["skipped"], 0);
    assert_eq!(stats["failed"], 0);
    assert_eq!(stats["actors"], actors);
    assert_eq!(stats["links"], links);
    assert!(stats["seconds"].as_f64().is_some(), "{stats}");
    // extract: actors and attributions over the documents.
    let o = run(&["extract", s(&input[0])]);
    let err = stderr(&o);
    let head = summary_without_seconds(err.trim_end());
    assert!(
        head.starts_with("actorgraph: 1 document read, 0 skipped, 0 failed; ")
            && head.contains(" actors, ")
            && head.contains(" attribution"),
        "{err}"
    );
}

#[test]
fn a_run_that_reads_nothing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = dir.path().join("graph.dot");
    for (format, input) in [("dot", &missing), ("json", &empty)] {
        std::fs::write(&out, "the old graph").unwrap();
        let o = run(&["build", s(input), "--format", format, "-o", s(&out), "-q"]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old graph");
        let last = stderr(&o).lines().last().unwrap().to_owned();
        assert_eq!(
            last,
            format!(
                "actorgraph: no document could be read; {} left as it was",
                out.display()
            )
        );
    }
    // Nothing on standard output either.
    let o = run(&["build", s(&missing), "-q"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("actorgraph: no document could be read; nothing written\n"));
    let o = run(&["extract", s(&missing), "-q", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old graph");
    // The CSV pair: a directory that did not exist is not left behind.
    let csv = dir.path().join("csv");
    let o = run(&["build", s(&missing), "--format", "csv", "-o", s(&csv), "-q"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!csv.exists());
    // A partial failure still writes, and says how many failed.
    let input = docs(dir.path());
    let o = run(&["build", s(&input[0]), s(&missing), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("digraph"));
    let last = stderr(&o).lines().last().unwrap().to_owned();
    assert!(
        last.starts_with("actorgraph: 1 document read, 0 skipped, 1 failed; "),
        "{last}"
    );
    // --quiet: the failure itself, and no summary.
    let o = run(&["build", s(&input[0]), s(&missing), "-q", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "actorgraph: {}: No such file or directory (os error 2)\n",
            missing.display()
        )
    );
}

#[test]
fn the_readme_first_command_keeps_the_committed_graph_without_shared() {
    // In a clone without ../shared the shell leaves the glob as it is.
    let dir = tempfile::tempdir().unwrap();
    let clone = dir.path().join("clone");
    std::fs::create_dir_all(clone.join("graphs")).unwrap();
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/seeds.dot");
    let before = std::fs::read(&committed).unwrap();
    std::fs::write(clone.join("graphs/seeds.dot"), &before).unwrap();
    let o = bin()
        .current_dir(&clone)
        .args([
            "build",
            "../shared/corpus/seeds/*.txt",
            "--format",
            "dot",
            "-o",
            "graphs/seeds.dot",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read(clone.join("graphs/seeds.dot")).unwrap(),
        before
    );
    assert!(
        stderr(&o)
            .contains("actorgraph: no document could be read; graphs/seeds.dot left as it was\n"),
        "{}",
        stderr(&o)
    );
}
