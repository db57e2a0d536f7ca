//! Every export loaded in the tool its users open it with, and checked
//! against the JSON export of the same graph: GraphML in NetworkX, igraph
//! and graphology (Gephi Lite's reader), GEXF in NetworkX and graphology,
//! FollowTheMoney entities validated by the `followthemoney` package, DOT
//! drawn by each Graphviz engine. Three graphs: a fixture of this file's
//! own, the seed articles and the PolNeAR dev split (both from
//! `../shared`).
//!
//! Python is `$ACTORGRAPH_PYTHON` (`.ci/run` points it at a venv with
//! `tests/python-requirements.txt`), else `python3`; graphology's packages
//! are looked for in `$ACTORGRAPH_NODE_MODULES`, else
//! `target/ci-node/node_modules`. A missing package, program or corpus is a
//! note here and a failure under CI (tests/common/tools.rs).

mod common;

use common::cli::{run, stderr};
use common::tools::{shared, skip, which};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Sentences of this file's own: people not named in ASCII, links of both
/// kinds between the same pair (a multigraph), attribution both ways.
const DOCS: [(&str, &str); 3] = [
    ("quay.txt", "Élodie Marchetti met Tavi Renn at the quay on Friday. Marchetti said Renn had been generous with the crews.\n\nRenn said Marchetti was right about the nets."),
    ("board.txt", "Oskar Lindqvist joined the board in March. Lindqvist said the yard would open in May. Tavi Renn praised Oskar Lindqvist."),
    ("court.txt", "Judge Amara Osei-Bonsu heard Élodie Marchetti and Tavi Renn on Monday. Osei-Bonsu said Marchetti had kept every promise."),
];

/// A saved graph merged into the fixture (`build` reads it as a graph):
/// ids that need escaping in XML, DOT and JSON, linked to the actors of
/// the documents.
const SAVED: &str = r#"{"nodes": [
  {"id": "Harrow & Vale <Shipping>", "kind": "organization", "mentions": 4, "documents": 2, "aliases": ["Harrow & Vale"]},
  {"id": "Ilse \"Izzy\" Marrow", "kind": "person", "mentions": 2, "documents": 1, "aliases": ["Izzy"]},
  {"id": "Tavi Renn", "kind": "person", "mentions": 1, "documents": 1, "aliases": ["Renn"]}],
 "edges": [
  {"source": "Harrow & Vale <Shipping>", "target": "Ilse \"Izzy\" Marrow", "kind": "cooccurrence", "weight": 3, "evidence": [{"doc": "board.txt", "start": 0, "end": 42}]},
  {"source": "Ilse \"Izzy\" Marrow", "target": "Harrow & Vale <Shipping>", "kind": "attribution", "weight": 1, "evidence": []},
  {"source": "Tavi Renn", "target": "Harrow & Vale <Shipping>", "kind": "attribution", "weight": 2, "evidence": [{"doc": "board.txt", "start": 90, "end": 124}]}]}"#;

fn python() -> String {
    std::env::var("ACTORGRAPH_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn node_modules() -> PathBuf {
    std::env::var_os("ACTORGRAPH_NODE_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci-node/node_modules")
        })
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// What a tool read from an export (the readers' shared output shape, see
/// tests/export_tools.py), or None after a skip note when the tool or one
/// of its packages is missing.
fn load(reader: &str, file: &Path) -> Option<Value> {
    let (program, mut cmd) = if let Some(fmt) = reader.strip_suffix("-graphology") {
        let mut c = Command::new("node");
        c.arg(script("export_tools.js"))
            .arg(fmt)
            .env("NODE_PATH", node_modules());
        ("node", c)
    } else {
        let mut c = Command::new(python());
        c.arg(script("export_tools.py")).arg(reader);
        ("python", c)
    };
    let out = match cmd.arg(file).output() {
        Ok(o) => o,
        Err(e) => {
            skip(&format!(
                "{program} cannot be run ({e}); {reader} not checked"
            ));
            return None;
        }
    };
    let err = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => Some(serde_json::from_slice(&out.stdout).expect("reader output is JSON")),
        Some(3) => {
            skip(&format!("{}; {reader} not checked", err.trim()));
            None
        }
        _ => panic!("{reader} refused {}:\n{err}", file.display()),
    }
}

/// (source, target, kind, weight, evidence count, directed), sorted: a
/// multiset of edges.
type Edge = (String, String, String, u64, u64, bool);

fn edges_of(v: &Value, json_export: bool) -> Vec<Edge> {
    let mut edges: Vec<Edge> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let kind = e["kind"].as_str().unwrap().to_owned();
            let evidence = if json_export {
                e["evidence"].as_array().unwrap().len() as u64
            } else {
                e["evidence_count"].as_u64().unwrap()
            };
            let directed = if json_export {
                kind == "attribution"
            } else {
                e["directed"].as_bool().unwrap()
            };
            (
                e["source"].as_str().unwrap().to_owned(),
                e["target"].as_str().unwrap().to_owned(),
                kind,
                e["weight"].as_u64().unwrap(),
                evidence,
                directed,
            )
        })
        .collect();
    edges.sort();
    edges
}

/// id -> (kind, mentions, documents); the counts left out where a format
/// has none (FtM).
fn nodes_of(v: &Value, counts: bool) -> BTreeMap<String, (String, Option<u64>, Option<u64>)> {
    let list: Vec<(String, &Value)> = match &v["nodes"] {
        Value::Array(a) => a
            .iter()
            .map(|n| (n["id"].as_str().unwrap().to_owned(), n))
            .collect(),
        Value::Object(m) => m.iter().map(|(k, n)| (k.clone(), n)).collect(),
        other => panic!("nodes: {other}"),
    };
    list.into_iter()
        .map(|(id, n)| {
            let count = |k: &str| if counts { n[k].as_u64() } else { None };
            (
                id,
                (
                    n["kind"].as_str().unwrap().to_owned(),
                    count("mentions"),
                    count("documents"),
                ),
            )
        })
        .collect()
}

fn build(dir: &Path, inputs: &[PathBuf], format: &str, name: &str) -> PathBuf {
    let out = dir.join(name);
    let mut args: Vec<&str> = vec![
        "build",
        "-q",
        "--format",
        format,
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    let o = run(&args);
    assert!(
        o.status.success(),
        "build --format {format}: {}",
        stderr(&o)
    );
    out
}

/// Graphviz's `-Tjson0` of DOT drawn by `engine`: (nodes, edges) it read.
fn graphviz_counts(dot: &Path, engine: &str) -> (usize, usize) {
    let out = Command::new("dot")
        .arg(format!("-K{engine}"))
        .arg("-Tjson0")
        .arg(dot)
        .output()
        .expect("run dot");
    assert!(
        out.status.success(),
        "dot -K{engine} refused {}: {}",
        dot.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json0 is JSON");
    let nodes = v["objects"]
        .as_array()
        .map_or(0, |o| o.iter().filter(|x| x.get("nodes").is_none()).count());
    let edges = v["edges"].as_array().map_or(0, Vec::len);
    (nodes, edges)
}

/// Every export of the graph of `inputs` loaded in its tools and compared
/// with the JSON export; DOT drawn by `engines`.
fn check_all(name: &str, inputs: &[PathBuf], engines: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(build(dir.path(), inputs, "json", "g.json")).unwrap(),
    )
    .unwrap();
    let want_nodes = nodes_of(&json, true);
    let want_edges = edges_of(&json, true);
    assert!(!want_edges.is_empty(), "{name}: no links");
    // Parallel edges (the same ordered pair twice): a multigraph.
    let multi = want_edges
        .windows(2)
        .any(|w| (&w[0].0, &w[0].1) == (&w[1].0, &w[1].1));
    let graphml = build(dir.path(), inputs, "graphml", "g.graphml");
    let gexf = build(dir.path(), inputs, "gexf", "g.gexf");
    let ftm = build(dir.path(), inputs, "ftm", "g.ftm");
    for (reader, file) in [
        ("graphml-networkx", &graphml),
        ("gexf-networkx", &gexf),
        ("graphml-igraph", &graphml),
        ("graphml-graphology", &graphml),
        ("gexf-graphology", &gexf),
        ("ftm", &ftm),
    ] {
        let Some(got) = load(reader, file) else {
            continue;
        };
        let what = format!("{name}, {reader}");
        assert_eq!(got["directed"], true, "{what}: not directed");
        let counts = reader != "ftm";
        if counts {
            assert_eq!(got["multigraph"], multi, "{what}: multigraph");
        }
        let mut want = want_nodes.clone();
        if !counts {
            want.values_mut().for_each(|n| (n.1, n.2) = (None, None));
        }
        let nodes = nodes_of(&got, counts);
        assert_eq!(nodes.len(), want.len(), "{what}: node count");
        assert_eq!(nodes, want, "{what}: nodes");
        let edges = edges_of(&got, false);
        assert_eq!(edges.len(), want_edges.len(), "{what}: edge count");
        assert_eq!(edges, want_edges, "{what}: edges");
    }
    if which("dot").is_none() {
        skip(&format!(
            "Graphviz `dot` not installed; {name}'s DOT not drawn"
        ));
        return;
    }
    let dot = build(dir.path(), inputs, "dot", "g.dot");
    for engine in engines {
        assert_eq!(
            graphviz_counts(&dot, engine),
            (want_nodes.len(), want_edges.len()),
            "{name}: dot -K{engine}"
        );
    }
}

const ALL_ENGINES: [&str; 4] = ["dot", "sfdp", "neato", "fdp"];

#[test]
fn fixture_graph_loads_in_every_tool() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs: Vec<PathBuf> = DOCS
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let saved = dir.path().join("saved.json");
    std::fs::write(&saved, SAVED).unwrap();
    inputs.push(saved);
    // The fixture holds what it is for: names to escape, a non-ASCII
    // name, both kinds of link between one pair, attribution both ways.
    let j = build(dir.path(), &inputs, "json", "fixture.json");
    let g: Value = serde_json::from_str(&std::fs::read_to_string(j).unwrap()).unwrap();
    let ids: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"Harrow & Vale <Shipping>"), "{ids:?}");
    assert!(ids.contains(&"Ilse \"Izzy\" Marrow"), "{ids:?}");
    assert!(ids.contains(&"Élodie Marchetti"), "{ids:?}");
    let edges = edges_of(&g, true);
    let has = |s: &str, t: &str, k: &str| {
        edges
            .iter()
            .any(|e| (e.0.as_str(), e.1.as_str(), e.2.as_str()) == (s, t, k))
    };
    assert!(
        has("Tavi Renn", "Élodie Marchetti", "attribution"),
        "{edges:?}"
    );
    assert!(
        has("Élodie Marchetti", "Tavi Renn", "attribution"),
        "{edges:?}"
    );
    assert!(
        has("Tavi Renn", "Élodie Marchetti", "cooccurrence"),
        "{edges:?}"
    );
    check_all("fixture", &inputs, &ALL_ENGINES);
}

#[test]
fn seed_graph_loads_in_every_tool() {
    let Some(seeds) = shared("corpus/seeds") else {
        return;
    };
    check_all("seeds", &[seeds], &ALL_ENGINES);
}

#[test]
fn polnear_dev_graph_loads_in_every_tool() {
    let Some(dev) = shared("corpus/polnear/dev") else {
        return;
    };
    // Not `dot -Kdot`: Graphviz's hierarchical engine takes minutes on
    // 1,700 links; `--render` picks sfdp for a graph this size.
    check_all("PolNeAR dev", &[dev], &["sfdp", "neato", "fdp"]);
}

/// FtM's evidence: each link's description holds the sentence, read back
/// from the document, and its proof names the document entity.
#[test]
fn ftm_links_carry_their_evidence_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("quay.txt");
    std::fs::write(&p, DOCS[0].1).unwrap();
    let ftm = build(dir.path(), std::slice::from_ref(&p), "ftm", "g.ftm");
    let entities: Vec<Value> = std::fs::read_to_string(ftm)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let doc = entities
        .iter()
        .find(|e| e["schema"] == "Document")
        .expect("a Document entity");
    assert_eq!(doc["properties"]["fileName"][0], "quay.txt");
    assert_eq!(doc["properties"]["title"][0], p.to_str().unwrap());
    let said = entities
        .iter()
        .find(|e| {
            e["schema"] == "UnknownLink"
                && e["properties"]["role"][0] == "attribution"
                && e["properties"]["summary"][0]
                    .as_str()
                    .unwrap()
                    .starts_with("Tavi Renn spoke about")
        })
        .expect("Renn's attribution link");
    let described = said["properties"]["description"][0].as_str().unwrap();
    assert!(
        described.starts_with(&format!("{}:", p.display()))
            && described.ends_with(": Renn said Marchetti was right about the nets"),
        "{described}"
    );
    assert_eq!(said["properties"]["proof"][0], doc["id"]);
    // The subject is the speaker's entity.
    let renn = entities
        .iter()
        .find(|e| e["properties"]["name"][0] == "Tavi Renn")
        .unwrap();
    assert_eq!(said["properties"]["subject"][0], renn["id"]);
    assert_eq!(renn["schema"], "Person");
}
