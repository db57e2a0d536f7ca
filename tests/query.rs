//! `actorgraph query`: answers checked against graphs whose answers are
//! known (written by hand), and against an independent breadth-first
//! search over the JSON export of graphs built from text.

mod common;

use common::cli::{bin, run, stderr, stdout};
use common::tools::{require_or_skip, skip, which};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;

fn json_answer(args: &[&str]) -> Value {
    let o = run(args);
    assert!(o.status.success(), "{args:?} failed: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&o)))
}

const NOTE: &str =
    "Ines Varga met Tavi Renn at the quay. Later Olek Sarno said Ines Varga was right.";

/// A graph written by hand, with evidence in a document beside it (and one
/// piece of evidence in a document that does not exist).
fn hand_graph(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("note.txt"), NOTE).unwrap();
    let p = |aliases: &[&str], mentions: u64| json!({"kind": "person", "mentions": mentions, "documents": 1, "aliases": aliases});
    let node = |id: &str, aliases: &[&str], mentions: u64| {
        let mut n = p(aliases, mentions);
        n["id"] = json!(id);
        n
    };
    let ev = |doc: &str, s: usize, e: usize| json!({"doc": doc, "start": s, "end": e});
    let edge = |a: &str, b: &str, kind: &str, w: u64, evidence: Value| json!({"source": a, "target": b, "kind": kind, "weight": w, "evidence": evidence});
    let g = json!({
        "nodes": [
            node("Dana Varga", &["Varga"], 1),
            node("Ines Varga", &["Ines Varga", "Varga"], 7),
            node("Lio Prent", &[], 1),
            node("Mira Quell", &["Quell"], 2),
            node("Olek Sarno", &["Sarno"], 4),
            node("Tavi Renn", &["Renn"], 3),
        ],
        "edges": [
            edge("Dana Varga", "Lio Prent", "cooccurrence", 1, json!([ev("gone.txt", 0, 5)])),
            edge("Ines Varga", "Tavi Renn", "cooccurrence", 3, json!([ev("note.txt", 0, 37)])),
            edge("Mira Quell", "Olek Sarno", "cooccurrence", 2, json!([])),
            edge("Olek Sarno", "Tavi Renn", "cooccurrence", 1, json!([])),
            edge("Olek Sarno", "Ines Varga", "attribution", 1, json!([ev("note.txt", 38, 81), ev("gone.txt", 1, 2)])),
        ]
    });
    let path = dir.join("hand.json");
    std::fs::write(&path, serde_json::to_string_pretty(&g).unwrap()).unwrap();
    path
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn answers_on_a_hand_made_graph() {
    let dir = tempfile::tempdir().unwrap();
    let g = hand_graph(dir.path());
    let g = g.to_str().unwrap();
    // (arguments, JSON pointer, expected value)
    let cases: Vec<(Vec<&str>, &str, Value)> = vec![
        (
            vec!["neighbors", "ines varga"],
            "/actor",
            json!("Ines Varga"),
        ),
        (
            vec!["neighbors", "Ines Varga"],
            "/neighbors",
            json!([
                {"id": "Tavi Renn", "kind": "cooccurrence", "weight": 3, "direction": "both"},
                {"id": "Olek Sarno", "kind": "attribution", "weight": 1, "direction": "in"}
            ]),
        ),
        (
            vec!["neighbors", "Sarno", "--kind", "cooccurrence"],
            "/neighbors/0/id",
            json!("Mira Quell"),
        ),
        (
            vec!["neighbors", "Sarno", "--min-weight", "2"],
            "/neighbors",
            json!([{"id": "Mira Quell", "kind": "cooccurrence", "weight": 2, "direction": "both"}]),
        ),
        (
            vec!["path", "Ines Varga", "Quell"],
            "/path",
            json!([{"id": "Ines Varga"}, {"id": "Olek Sarno"}, {"id": "Mira Quell"}]),
        ),
        (
            vec!["path", "Ines Varga", "Quell"],
            "/edges/0/kind",
            json!("attribution"),
        ),
        (
            vec!["path", "Ines Varga", "Quell"],
            "/edges/0/source",
            json!("Olek Sarno"),
        ),
        (
            vec!["path", "Ines Varga", "Quell", "--kind", "cooccurrence"],
            "/length",
            json!(3),
        ),
        (
            vec!["between", "Sarno", "Ines Varga"],
            "/links/0/evidence/1/text",
            json!("Later Olek Sarno said Ines Varga was right."),
        ),
        (
            vec!["between", "Sarno", "Ines Varga"],
            "/links/0/evidence/0/text",
            json!(null),
        ),
        (
            vec!["between", "Renn", "Ines Varga"],
            "/links/0/evidence/0/text",
            json!("Ines Varga met Tavi Renn at the quay."),
        ),
        (vec!["between", "Renn", "Quell"], "/links", json!([])),
        (
            vec!["top", "--by", "betweenness", "-n", "2"],
            "/actors/0/id",
            json!("Olek Sarno"),
        ),
        (
            vec!["top", "--by", "betweenness", "-n", "2"],
            "/actors/0/betweenness",
            json!(2.0),
        ),
        (
            vec!["top", "--by", "mentions", "-n", "1"],
            "/actors/0/id",
            json!("Ines Varga"),
        ),
        (
            vec!["top", "--by", "weight", "-n", "1"],
            "/actors/0/weight",
            json!(4),
        ),
        (
            vec!["top", "--by", "weight", "-n", "1"],
            "/actors/0/betweenness",
            json!(null),
        ),
        (
            vec!["top", "--by", "degree", "-n", "1"],
            "/actors/0/degree",
            json!(3),
        ),
        (
            vec!["said-about", "Ines Varga"],
            "/speakers/0/id",
            json!("Olek Sarno"),
        ),
        (vec!["said-by", "Ines Varga"], "/about", json!([])),
        (vec!["said-by", "SARNO"], "/about/0/id", json!("Ines Varga")),
    ];
    for (args, pointer, want) in cases {
        let full = [&[g, "--format", "json"][..], &args].concat();
        let mut q = vec!["query"];
        q.extend(full);
        let v = json_answer(&q);
        assert_eq!(v.pointer(pointer), Some(&want), "{args:?} {pointer} in {v}");
    }
    let between = json_answer(&[
        "query",
        g,
        "between",
        "Sarno",
        "Ines Varga",
        "--format",
        "json",
    ]);
    assert!(between["links"][0]["evidence"][0]["error"]
        .as_str()
        .unwrap()
        .contains("not readable"));
}

#[test]
fn ego_graphs_in_three_forms() {
    let dir = tempfile::tempdir().unwrap();
    let g = hand_graph(dir.path());
    let g = g.to_str().unwrap();
    for (depth, want) in [
        ("1", vec!["Ines Varga", "Olek Sarno", "Tavi Renn"]),
        (
            "2",
            vec!["Ines Varga", "Mira Quell", "Olek Sarno", "Tavi Renn"],
        ),
    ] {
        let v = json_answer(&[
            "query",
            g,
            "ego",
            "Ines Varga",
            "--depth",
            depth,
            "--format",
            "json",
        ]);
        assert_eq!(ids(&v["nodes"], "id"), want, "depth {depth}");
        let o = run(&[
            "query",
            g,
            "ego",
            "Ines Varga",
            "--depth",
            depth,
            "--format",
            "dot",
        ]);
        assert!(o.status.success());
        let dot = stdout(&o);
        assert!(dot.starts_with("digraph"));
        for id in &want {
            assert!(dot.contains(&format!("\"{id}\" [")), "{id} in {dot}");
        }
        assert!(!dot.contains("Lio Prent"));
        let text = stdout(&run(&["query", g, "ego", "Ines Varga", "--depth", depth]));
        assert!(text.contains(&format!("{} actor(s)", want.len())), "{text}");
    }
    let o = run(&["query", g, "ego", "Ines Varga", "--depth", "3"]);
    assert_eq!(o.status.code(), Some(2));
    if which("dot").is_some() {
        let o = run(&["query", g, "ego", "Ines Varga", "--format", "dot"]);
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&o.stdout).unwrap();
        assert!(
            child.wait().unwrap().success(),
            "Graphviz rejects the ego DOT"
        );
    } else {
        skip("Graphviz `dot` not installed; ego DOT not checked with it");
    }
}

#[test]
fn names_errors_and_exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let g = hand_graph(dir.path());
    let g = g.to_str().unwrap();
    // (arguments, exit status, words stderr must hold)
    let cases: [(&[&str], i32, &[&str]); 7] = [
        (
            &["neighbors", "Ines Vargas"],
            1,
            &["no actor named", "closest: Ines Varga"],
        ),
        (&["neighbors", "Quel"], 1, &["Mira Quell"]),
        (
            &["neighbors", "Varga"],
            2,
            &["ambiguous", "Dana Varga", "Ines Varga"],
        ),
        (
            &["path", "Ines Varga", "Lio Prent"],
            1,
            &["no path between \"Ines Varga\" and \"Lio Prent\""],
        ),
        (
            &["neighbors", "Ines Varga", "--format", "dot"],
            2,
            &["only `query ego` answers with one"],
        ),
        (&["top", "--by", "fame"], 2, &["fame"]),
        (
            &["said-by", "Zebulon Quarx"],
            1,
            &["no actor named \"Zebulon Quarx\""],
        ),
    ];
    for (args, code, words) in cases {
        let o = run(&[&["query", g][..], args].concat());
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        for w in words {
            assert!(
                stderr(&o).contains(w),
                "{args:?}: {w:?} not in {}",
                stderr(&o)
            );
        }
        assert!(o.stdout.is_empty());
    }
    let o = run(&[
        "query",
        dir.path().join("none.json").to_str().unwrap(),
        "top",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("none.json"));
}

#[test]
fn text_answers_are_aligned_tables() {
    let dir = tempfile::tempdir().unwrap();
    let g = hand_graph(dir.path());
    let g = g.to_str().unwrap();
    for args in [
        &["neighbors", "Olek Sarno"][..],
        &["top", "--by", "betweenness"],
        &["said-about", "Ines Varga"],
        &["path", "Lio Prent", "Dana Varga"],
    ] {
        let o = run(&[&["query", g][..], args].concat());
        assert!(o.status.success(), "{args:?}");
        let text = stdout(&o);
        let lines: Vec<&str> = text.lines().collect();
        let rule = lines
            .iter()
            .position(|l| l.starts_with("---"))
            .unwrap_or_else(|| panic!("no table in {text}"));
        // Every column starts where the rule's dashes start.
        let starts: Vec<usize> = lines[rule]
            .match_indices('-')
            .filter(|(i, _)| *i == 0 || lines[rule].as_bytes()[i - 1] == b' ')
            .map(|(i, _)| i)
            .collect();
        let header = lines[rule - 1];
        for &s in &starts {
            assert!(
                s == 0 || header.as_bytes().get(s - 1) == Some(&b' '),
                "{args:?}: header not aligned:\n{text}"
            );
        }
        assert!(lines.len() > rule + 1, "{args:?}: no rows:\n{text}");
    }
    let between = stdout(&run(&["query", g, "between", "Ines Varga", "Olek Sarno"]));
    assert!(
        between.contains(":38-81\n      Later Olek Sarno said Ines Varga was right.\n"),
        "{between}"
    );
    assert!(
        between.contains("gone.txt:1-2\n      (document not readable here"),
        "{between}"
    );
}

/// Adjacency of a JSON graph, undirected, optionally one kind only.
fn adjacency(g: &Value, kind: Option<&str>) -> BTreeMap<String, BTreeSet<String>> {
    let mut adj: BTreeMap<String, BTreeSet<String>> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap().to_owned(), BTreeSet::new()))
        .collect();
    for e in g["edges"].as_array().unwrap() {
        if kind.is_some_and(|k| e["kind"] != k) {
            continue;
        }
        let (a, b) = (
            e["source"].as_str().unwrap().to_owned(),
            e["target"].as_str().unwrap().to_owned(),
        );
        adj.get_mut(&a).unwrap().insert(b.clone());
        adj.get_mut(&b).unwrap().insert(a);
    }
    adj
}

fn bfs(adj: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeMap<String, usize> {
    let mut dist = BTreeMap::from([(from.to_owned(), 0)]);
    let mut queue = VecDeque::from([from.to_owned()]);
    while let Some(v) = queue.pop_front() {
        let d = dist[&v];
        for w in &adj[&v] {
            if !dist.contains_key(w) {
                dist.insert(w.clone(), d + 1);
                queue.push_back(w.clone());
            }
        }
    }
    dist
}

/// Neighbour and path answers against a BFS of the JSON export, for every
/// actor (neighbours) and pairs of actors (paths, up to `pairs` sources).
fn agree_with_bfs(graph: &Path, sources: usize) {
    let g: Value = serde_json::from_str(&std::fs::read_to_string(graph).unwrap()).unwrap();
    let gp = graph.to_str().unwrap();
    let all = adjacency(&g, None);
    assert!(!all.is_empty());
    for (id, want) in &all {
        let v = json_answer(&["query", gp, "neighbors", id, "--format", "json"]);
        assert_eq!(&v["actor"], id);
        let got: BTreeSet<String> = ids(&v["neighbors"], "id").into_iter().collect();
        assert_eq!(&got, want, "neighbours of {id}");
        for (kind, adj) in [
            ("attribution", adjacency(&g, Some("attribution"))),
            ("cooccurrence", adjacency(&g, Some("cooccurrence"))),
        ] {
            let v = json_answer(&[
                "query",
                gp,
                "neighbors",
                id,
                "--kind",
                kind,
                "--format",
                "json",
            ]);
            let got: BTreeSet<String> = ids(&v["neighbors"], "id").into_iter().collect();
            assert_eq!(got, adj[id], "{kind} neighbours of {id}");
        }
    }
    let names: Vec<&String> = all.keys().collect();
    for a in names.iter().take(sources) {
        let dist = bfs(&all, a);
        for b in &names {
            let o = run(&["query", gp, "path", a, b, "--format", "json"]);
            match dist.get(*b) {
                Some(&d) => {
                    assert!(o.status.success(), "{a} -> {b}: {}", stderr(&o));
                    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
                    let path = ids(&v["path"], "id");
                    assert_eq!(path.len(), d + 1, "{a} -> {b}: {path:?}");
                    assert_eq!((path.first().unwrap(), path.last().unwrap()), (*a, *b));
                    // Each step is a real link, shown with its ends.
                    for (w, e) in path.windows(2).zip(v["edges"].as_array().unwrap()) {
                        let ends: BTreeSet<&str> =
                            [e["source"].as_str().unwrap(), e["target"].as_str().unwrap()].into();
                        assert_eq!(ends, [w[0].as_str(), w[1].as_str()].into());
                        assert!(all[&w[0]].contains(&w[1]));
                    }
                }
                None => assert_eq!(o.status.code(), Some(1), "{a} -> {b} should be unreachable"),
            }
        }
    }
}

fn write_docs(dir: &Path) -> Vec<PathBuf> {
    let docs = [
        ("one.txt", "Ines Varga met Tavi Renn in Porto on Monday. Varga said Renn had been fair to the fishermen.\n\nOlek Sarno waited outside the hall."),
        ("two.txt", "Tavi Renn spoke with Olek Sarno about the harbour fees. Mira Quell praised Olek Sarno for his patience."),
        ("three.txt", "Bruno Attal met Lio Prent at dawn. Prent said Attal would not run again."),
    ];
    docs.iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

#[test]
fn neighbours_and_paths_agree_with_bfs_on_built_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = vec![
        "build".into(),
        "--format".into(),
        "json".into(),
        "-o".into(),
    ];
    let out = dir.path().join("g.json");
    args.push(out.to_str().unwrap().into());
    for p in write_docs(dir.path()) {
        args.push(p.to_str().unwrap().into());
    }
    args.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/articles")
            .to_str()
            .unwrap()
            .into(),
    );
    let o = bin().args(&args).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    agree_with_bfs(&out, usize::MAX);
    // The hand-made graph too (it has an unreachable part).
    agree_with_bfs(&hand_graph(dir.path()), usize::MAX);
}

#[test]
fn neighbours_and_paths_agree_with_bfs_on_the_seed_graph() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/seeds.json");
    if !require_or_skip(seeds.is_file(), "graphs/seeds.json") {
        return;
    }
    agree_with_bfs(&seeds, 3);
}
