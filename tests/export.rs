//! Exports checked against parsers: GraphML and GEXF with roxmltree, CSV
//! with a small RFC 4180 reader, DOT with Graphviz (skipped, with a note,
//! when `dot` is not installed); and `build` growing a saved graph. The
//! HTML page is checked in headless Chromium by tests/viewer.rs.

mod common;

use common::cli::{bin, run, stderr};
use common::tools::{skip, which};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const DOCS: [(&str, &str); 4] = [
    ("one.txt", "Ines Varga met Tavi Renn in Porto on Monday. Varga said Renn had been fair to the fishermen.\n\nOlek Sarno waited outside the hall with Tavi Renn."),
    ("two.txt", "Tavi Renn spoke with Olek Sarno about the harbour fees. Mira Quell praised Olek Sarno for his patience. Renn and Sarno left together."),
    ("three.txt", "Bruno Attal met Lio Prent at dawn. Prent said Attal would not run again, and Attal said \"Prent & Co. <always> win\"."),
    ("four.txt", "Ines Varga wrote to Mira Quell. Quell said Varga had kept her word."),
];

fn write_docs(dir: &Path) -> Vec<String> {
    DOCS.iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p.to_str().unwrap().to_owned()
        })
        .collect()
}

fn build(dir: &Path, inputs: &[String], extra: &[&str], out: &str) -> PathBuf {
    let out = dir.join(out);
    let mut args: Vec<&str> = vec!["build", "-q", "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.extend(inputs.iter().map(String::as_str));
    let o = run(&args);
    assert!(o.status.success(), "build {extra:?}: {}", stderr(&o));
    out
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// (source, target, kind) -> (weight, evidence count), and id -> (kind, mentions, documents).
type Edges = BTreeMap<(String, String, String), (u64, u64)>;
type Nodes = BTreeMap<String, (String, u64, u64)>;

fn from_json(g: &Value) -> (Nodes, Edges) {
    let nodes = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_owned(),
                (
                    n["kind"].as_str().unwrap().to_owned(),
                    n["mentions"].as_u64().unwrap(),
                    n["documents"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    let edges = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let key = (
                e["source"].as_str().unwrap().to_owned(),
                e["target"].as_str().unwrap().to_owned(),
                e["kind"].as_str().unwrap().to_owned(),
            );
            (
                key,
                (
                    e["weight"].as_u64().unwrap(),
                    e["evidence"].as_array().unwrap().len() as u64,
                ),
            )
        })
        .collect();
    (nodes, edges)
}

fn corpus() -> (tempfile::TempDir, Vec<String>, Value) {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = write_docs(dir.path());
    inputs.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/articles")
            .to_str()
            .unwrap()
            .to_owned(),
    );
    let j = build(dir.path(), &inputs, &["--format", "json"], "g.json");
    let g = read_json(&j);
    let (nodes, edges) = from_json(&g);
    assert!(
        nodes.len() >= 8 && edges.len() >= 8,
        "fixture graph too small: {nodes:?}"
    );
    assert!(edges.keys().any(|k| k.2 == "attribution"));
    (dir, inputs, g)
}

#[test]
fn graphml_carries_exactly_the_json_graph() {
    let (dir, inputs, g) = corpus();
    let p = build(dir.path(), &inputs, &["--format", "graphml"], "g.graphml");
    let text = std::fs::read_to_string(&p).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("GraphML is well-formed XML");
    let ns = "http://graphml.graphdrawing.org/xmlns";
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(ns));
    // Key declarations: id -> (for, name, type).
    let keys: BTreeMap<&str, (&str, &str, &str)> = root
        .children()
        .filter(|n| n.has_tag_name((ns, "key")))
        .map(|k| {
            (
                k.attribute("id").unwrap(),
                (
                    k.attribute("for").unwrap(),
                    k.attribute("attr.name").unwrap(),
                    k.attribute("attr.type").unwrap(),
                ),
            )
        })
        .collect();
    for (name, for_, ty) in [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("mentions", "node", "long"),
        ("documents", "node", "long"),
        ("kind", "edge", "string"),
        ("directed", "edge", "boolean"),
        ("weight", "edge", "double"),
        ("evidence_count", "edge", "int"),
    ] {
        assert!(
            keys.values().any(|k| *k == (for_, name, ty)),
            "no {for_} key {name} of type {ty}: {keys:?}"
        );
    }
    let data = |n: roxmltree::Node, for_: &str, name: &str| -> String {
        let key = keys
            .iter()
            .find(|(_, k)| k.0 == for_ && k.1 == name)
            .unwrap()
            .0;
        n.children()
            .find(|d| d.has_tag_name((ns, "data")) && d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .unwrap_or("")
            .to_owned()
    };
    let graph = root
        .children()
        .find(|n| n.has_tag_name((ns, "graph")))
        .unwrap();
    // One directed multigraph: no edge overrides the default.
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    let mut label = BTreeMap::new();
    let mut nodes = Nodes::new();
    for n in graph.children().filter(|n| n.has_tag_name((ns, "node"))) {
        let id = data(n, "node", "label");
        // An NMTOKEN, as GraphML's schema wants: n0, n1, ...
        let nid = n.attribute("id").unwrap();
        assert!(
            nid.starts_with('n') && nid[1..].bytes().all(|b| b.is_ascii_digit()),
            "{nid}"
        );
        label.insert(n.attribute("id").unwrap().to_owned(), id.clone());
        let v = (
            data(n, "node", "kind"),
            data(n, "node", "mentions").parse().unwrap(),
            data(n, "node", "documents").parse().unwrap(),
        );
        assert!(nodes.insert(id, v).is_none(), "node twice");
    }
    let mut edges = Edges::new();
    for e in graph.children().filter(|n| n.has_tag_name((ns, "edge"))) {
        let kind = data(e, "edge", "kind");
        assert_eq!(e.attribute("directed"), None);
        assert_eq!(
            data(e, "edge", "directed"),
            (kind == "attribution").to_string()
        );
        let key = (
            label[e.attribute("source").unwrap()].clone(),
            label[e.attribute("target").unwrap()].clone(),
            kind,
        );
        let v = (
            data(e, "edge", "weight").parse().unwrap(),
            data(e, "edge", "evidence_count").parse().unwrap(),
        );
        assert!(edges.insert(key, v).is_none(), "edge twice");
    }
    assert_eq!((nodes, edges), from_json(&g));
}

#[test]
fn gexf_carries_exactly_the_json_graph() {
    let (dir, inputs, g) = corpus();
    let p = build(dir.path(), &inputs, &["--format", "gexf"], "g.gexf");
    let text = std::fs::read_to_string(&p).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("GEXF is well-formed XML");
    let ns = "http://gexf.net/1.3";
    let root = doc.root_element();
    assert_eq!(
        (root.tag_name().namespace(), root.attribute("version")),
        (Some(ns), Some("1.3"))
    );
    let graph = root
        .children()
        .find(|n| n.has_tag_name((ns, "graph")))
        .unwrap();
    // Attribute declarations per class: title -> (id, type).
    let decl = |class: &str| -> BTreeMap<String, (String, String)> {
        graph
            .children()
            .find(|n| n.has_tag_name((ns, "attributes")) && n.attribute("class") == Some(class))
            .unwrap_or_else(|| panic!("no {class} attributes"))
            .children()
            .filter(|a| a.has_tag_name((ns, "attribute")))
            .map(|a| {
                (
                    a.attribute("title").unwrap().to_owned(),
                    (
                        a.attribute("id").unwrap().to_owned(),
                        a.attribute("type").unwrap().to_owned(),
                    ),
                )
            })
            .collect()
    };
    let (na, ea) = (decl("node"), decl("edge"));
    for (t, ty) in [
        ("kind", "string"),
        ("mentions", "long"),
        ("documents", "long"),
    ] {
        assert_eq!(na[t].1, ty, "node attribute {t}");
    }
    assert_eq!(graph.attribute("defaultedgetype"), Some("directed"));
    for (t, ty) in [
        ("kind", "string"),
        ("evidence_count", "integer"),
        ("directed", "boolean"),
    ] {
        assert_eq!(ea[t].1, ty, "edge attribute {t}");
    }
    let value =
        |n: roxmltree::Node, decl: &BTreeMap<String, (String, String)>, title: &str| -> String {
            let id = &decl[title].0;
            n.descendants()
                .find(|v| v.has_tag_name((ns, "attvalue")) && v.attribute("for") == Some(id))
                .and_then(|v| v.attribute("value"))
                .unwrap()
                .to_owned()
        };
    let section = |name: &str| {
        graph
            .children()
            .find(|n| n.has_tag_name((ns, name)))
            .unwrap()
    };
    let mut label = BTreeMap::new();
    let mut nodes = Nodes::new();
    for n in section("nodes")
        .children()
        .filter(|n| n.has_tag_name((ns, "node")))
    {
        let id = n.attribute("label").unwrap().to_owned();
        assert_eq!(n.attribute("id"), Some(id.as_str()));
        label.insert(n.attribute("id").unwrap().to_owned(), id.clone());
        let v = (
            value(n, &na, "kind"),
            value(n, &na, "mentions").parse().unwrap(),
            value(n, &na, "documents").parse().unwrap(),
        );
        assert!(nodes.insert(id, v).is_none());
    }
    let mut edges = Edges::new();
    for e in section("edges")
        .children()
        .filter(|n| n.has_tag_name((ns, "edge")))
    {
        let kind = value(e, &ea, "kind");
        assert_eq!(e.attribute("kind"), Some(kind.as_str()));
        assert_eq!(e.attribute("type"), Some("directed"));
        assert_eq!(
            value(e, &ea, "directed"),
            (kind == "attribution").to_string()
        );
        let key = (
            label[e.attribute("source").unwrap()].clone(),
            label[e.attribute("target").unwrap()].clone(),
            kind,
        );
        let w: f64 = e.attribute("weight").unwrap().parse().unwrap();
        assert!(edges
            .insert(
                key,
                (w as u64, value(e, &ea, "evidence_count").parse().unwrap())
            )
            .is_none());
    }
    assert_eq!((nodes, edges), from_json(&g));
}

/// Rows of an RFC 4180 CSV text.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_carries_exactly_the_json_graph() {
    let (dir, inputs, g) = corpus();
    let out = build(dir.path(), &inputs, &["--format", "csv"], "csv");
    let nodes_csv = parse_csv(&std::fs::read_to_string(out.join("nodes.csv")).unwrap());
    let edges_csv = parse_csv(&std::fs::read_to_string(out.join("edges.csv")).unwrap());
    assert_eq!(
        nodes_csv[0],
        ["Id", "Label", "kind", "mentions", "documents", "aliases"]
    );
    assert_eq!(
        edges_csv[0],
        [
            "Source",
            "Target",
            "Type",
            "kind",
            "Weight",
            "evidence_count",
            "evidence",
            "cues",
            "classes",
            "confidence_best",
            "confidence_mean"
        ]
    );
    let nodes: Nodes = nodes_csv[1..]
        .iter()
        .map(|r| {
            (
                r[0].clone(),
                (r[2].clone(), r[3].parse().unwrap(), r[4].parse().unwrap()),
            )
        })
        .collect();
    let edges: Edges = edges_csv[1..]
        .iter()
        .map(|r| {
            assert_eq!(
                r[2],
                if r[3] == "cooccurrence" {
                    "Undirected"
                } else {
                    "Directed"
                }
            );
            (
                (r[0].clone(), r[1].clone(), r[3].clone()),
                (r[4].parse().unwrap(), r[5].parse().unwrap()),
            )
        })
        .collect();
    assert_eq!(
        (nodes_csv.len() - 1, edges_csv.len() - 1),
        (nodes.len(), edges.len())
    );
    assert_eq!((nodes, edges), from_json(&g));
    let o = run(&["build", "-q", "--format", "csv", &inputs[0]]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o DIR"));
}

#[test]
fn selections_trim_the_graph() {
    let (dir, inputs, g) = corpus();
    let (_, all) = from_json(&g);
    // (options, check on the selected JSON graph)
    type Check = fn(&Nodes, &Edges, &Edges) -> bool;
    let cases: [(&[&str], Check); 5] = [
        (&["--kinds", "attribution"], |_, e, all| {
            e.keys().all(|k| k.2 == "attribution")
                && e.len() == all.keys().filter(|k| k.2 == "attribution").count()
        }),
        (&["--kinds", "cooccurrence,attribution"], |_, e, all| {
            e == all
        }),
        (&["--min-weight", "2"], |_, e, all| {
            e.values().all(|v| v.0 >= 2) && e.len() == all.values().filter(|v| v.0 >= 2).count()
        }),
        (&["--top", "3"], |n, e, _| {
            n.len() == 3
                && e.keys()
                    .all(|k| n.contains_key(&k.0) && n.contains_key(&k.1))
        }),
        (&["--top", "3", "--kinds", "cooccurrence"], |n, e, _| {
            n.len() == 3 && e.keys().all(|k| k.2 == "cooccurrence")
        }),
    ];
    for (i, (opts, check)) in cases.iter().enumerate() {
        let out = build(
            dir.path(),
            &inputs,
            &[&["--format", "json"][..], opts].concat(),
            &format!("sel{i}.json"),
        );
        let (n, e) = from_json(&read_json(&out));
        assert!(check(&n, &e, &all), "{opts:?}: {n:?} {e:?}");
        // When links went, the actors left alone went too (--top aside).
        if opts[0] != "--top" && e.len() < all.len() {
            assert!(
                n.keys()
                    .all(|id| e.keys().any(|k| &k.0 == id || &k.1 == id)),
                "{opts:?}"
            );
        }
    }
    // The top three by total link weight, computed here from the JSON.
    let mut weight: BTreeMap<&str, u64> = BTreeMap::new();
    for (k, v) in &all {
        *weight.entry(&k.0).or_default() += v.0;
        *weight.entry(&k.1).or_default() += v.0;
    }
    let (nodes_all, _) = from_json(&g);
    let mut ranked: Vec<(&str, u64)> = weight.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(nodes_all[b.0].1.cmp(&nodes_all[a.0].1))
            .then(a.0.cmp(b.0))
    });
    let want: BTreeSet<&str> = ranked.iter().take(3).map(|r| r.0).collect();
    let (n, _) = from_json(&read_json(&dir.path().join("sel3.json")));
    assert_eq!(n.keys().map(String::as_str).collect::<BTreeSet<_>>(), want);
}

/// Graphviz's output for DOT source drawn by an engine, or None when it fails.
fn draw(src: &[u8], engine: &str) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg(format!("-K{engine}"))
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let src = src.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&src));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out.status.success().then_some(out.stdout)
}

/// The layout engines `--layout` offers; every one must draw every DOT.
const ENGINES: [&str; 4] = ["dot", "sfdp", "neato", "fdp"];

fn dot_accepts(src: &[u8]) -> bool {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(src).unwrap();
    child.wait().unwrap().success()
}

#[test]
fn dot_options_give_valid_graphviz() {
    let (dir, inputs, g) = corpus();
    let (nodes, _) = from_json(&g);
    let opts: [&[&str]; 4] = [
        &[],
        &["--cluster-by-document"],
        &["--top", "4", "--kinds", "cooccurrence"],
        &["--min-weight", "2", "--cluster-by-document"],
    ];
    for (i, o) in opts.iter().enumerate() {
        let p = build(dir.path(), &inputs, o, &format!("g{i}.dot"));
        let src = std::fs::read_to_string(&p).unwrap();
        assert!(src.starts_with("digraph"));
        if o.contains(&"--cluster-by-document") {
            // Every actor with evidence sits in exactly one cluster, named by a document.
            let clusters: Vec<&str> = src
                .split("subgraph cluster_")
                .skip(1)
                .map(|c| &c[..c.find('}').unwrap()])
                .collect();
            assert!(clusters.len() >= 2, "{src}");
            for c in &clusters {
                assert!(
                    DOCS.iter().any(|d| c.contains(d.0)) || c.contains("tests/data/articles"),
                    "cluster label: {c}"
                );
            }
            for id in nodes
                .keys()
                .filter(|id| src.contains(&format!("\"{id}\" [")))
            {
                let inside = clusters
                    .iter()
                    .filter(|c| c.contains(&format!("\"{id}\";")))
                    .count();
                assert!(inside <= 1, "{id} in {inside} clusters");
            }
        }
        // No engine forced: each one draws it.
        assert!(!src.contains("layout="), "{src}");
        match which("dot") {
            Some(_) => {
                assert!(
                    dot_accepts(src.as_bytes()),
                    "Graphviz rejects DOT for {o:?}"
                );
                for engine in ENGINES {
                    assert!(
                        draw(src.as_bytes(), engine).is_some(),
                        "dot -K{engine} rejects DOT for {o:?}"
                    );
                }
            }
            None => skip(&format!(
                "Graphviz `dot` not installed; DOT for {o:?} not checked with it"
            )),
        }
    }
}

#[test]
fn render_draws_with_graphviz_or_says_it_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_docs(dir.path());
    // No `dot` on an empty PATH: a clear error, non-zero exit, for pictures
    // (the HTML page needs no Graphviz: tests/viewer.rs).
    let empty = tempfile::tempdir().unwrap();
    {
        let args = &["build", "-q", "--render", "svg"][..];
        let o = bin()
            .args(args)
            .arg(&inputs[0])
            .env("PATH", empty.path())
            .output()
            .unwrap();
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        assert!(
            stderr(&o).contains("`dot` program was not found"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(o.stdout.is_empty());
    }
    let o = run(&[
        "build", "-q", "--render", "svg", "--format", "json", &inputs[0],
    ]);
    assert_eq!(o.status.code(), Some(2));
    if which("dot").is_none() {
        skip("Graphviz `dot` not installed; rendering not checked");
        return;
    }
    let svg = build(dir.path(), &inputs, &["--render", "svg"], "g.svg");
    let svg = std::fs::read_to_string(svg).unwrap();
    let xml = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, xml).expect("SVG is XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(svg.contains("Ines Varga"));
    let png = std::fs::read(build(dir.path(), &inputs, &["--render", "png"], "g.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn layout_is_written_when_asked_and_render_picks_one_by_size() {
    let (dir, inputs, _) = corpus();
    for engine in ENGINES {
        let p = build(
            dir.path(),
            &inputs,
            &["--layout", engine],
            &format!("{engine}.dot"),
        );
        let src = std::fs::read_to_string(&p).unwrap();
        assert_eq!(src.matches("layout=").count(), 1, "{src}");
        assert!(src.contains(&format!("graph [layout={engine}, ")), "{src}");
    }
    // --layout is for DOT only.
    let o = run(&[
        "build", "-q", "--layout", "fdp", "--format", "json", &inputs[0],
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "--layout sets the DOT output's layout engine; it cannot be used with --format Json"
        ),
        "{}",
        stderr(&o)
    );
    if which("dot").is_none() {
        skip("Graphviz `dot` not installed; --render's engine not checked");
        return;
    }
    // Graphviz is deterministic: --render draws what the engine it picks
    // draws from the plain DOT (fdp for a small graph, sfdp past 300
    // actors), and --layout overrides the pick.
    let plain = std::fs::read(build(dir.path(), &inputs, &[], "plain.dot")).unwrap();
    let small = std::fs::read(build(dir.path(), &inputs, &["--render", "svg"], "r.svg")).unwrap();
    assert_eq!(Some(small.clone()), draw(&plain, "fdp"));
    assert_ne!(Some(small), draw(&plain, "dot"));
    let neato = std::fs::read(build(
        dir.path(),
        &inputs,
        &["--render", "svg", "--layout", "neato"],
        "n.svg",
    ))
    .unwrap();
    assert_eq!(Some(neato), draw(&plain, "neato"));
    let big = star_graph(dir.path(), 301);
    let big_dot = std::fs::read(build(
        dir.path(),
        std::slice::from_ref(&big),
        &[],
        "big.dot",
    ))
    .unwrap();
    let big_svg =
        std::fs::read(build(dir.path(), &[big], &["--render", "svg"], "big.svg")).unwrap();
    assert_eq!(Some(big_svg.clone()), draw(&big_dot, "sfdp"));
    assert_ne!(Some(big_svg), draw(&big_dot, "fdp"));
}

/// A saved graph of `n` actors, one linked to all the others.
fn star_graph(dir: &Path, n: usize) -> String {
    let nodes: Vec<Value> = (0..n)
        .map(|i| serde_json::json!({"id": format!("Actor {i:03}"), "kind": "person", "mentions": 1, "documents": 1, "aliases": []}))
        .collect();
    let edges: Vec<Value> = (1..n)
        .map(|i| serde_json::json!({"source": "Actor 000", "target": format!("Actor {i:03}"), "kind": "cooccurrence", "weight": 1, "evidence": []}))
        .collect();
    let g = dir.join(format!("star{n}.json"));
    std::fs::write(
        &g,
        serde_json::json!({"nodes": nodes, "edges": edges}).to_string(),
    )
    .unwrap();
    g.to_str().unwrap().to_owned()
}

#[test]
fn large_graphs_get_straight_edges() {
    let dir = tempfile::tempdir().unwrap();
    // (actors, splines)
    for (n, splines) in [(300, "splines=true"), (301, "splines=line")] {
        let nodes: Vec<Value> = (0..n)
            .map(|i| serde_json::json!({"id": format!("Actor {i:03}"), "kind": "person", "mentions": 1, "documents": 1, "aliases": []}))
            .collect();
        let edges: Vec<Value> = (1..n)
            .map(|i| serde_json::json!({"source": "Actor 000", "target": format!("Actor {i:03}"), "kind": "cooccurrence", "weight": 1, "evidence": []}))
            .collect();
        let g = dir.path().join(format!("g{n}.json"));
        std::fs::write(
            &g,
            serde_json::json!({"nodes": nodes, "edges": edges}).to_string(),
        )
        .unwrap();
        let dot = build(
            dir.path(),
            &[g.to_str().unwrap().to_owned()],
            &[],
            &format!("g{n}.dot"),
        );
        let dot = std::fs::read_to_string(dot).unwrap();
        assert!(dot.contains(splines), "{n} actors: {}", &dot[..200]);
        assert_eq!(dot.matches(" -> ").count(), n - 1);
    }
}

#[test]
fn build_grows_a_saved_graph() {
    let dir = tempfile::tempdir().unwrap();
    let d = write_docs(dir.path());
    let json = ["--format", "json", "--max-evidence", "2"];
    let all = read_json(&build(dir.path(), &d, &json, "all.json"));
    // ((d0 d1) + d2) + d3
    let g01 = build(dir.path(), &d[..2], &json, "g01.json");
    let g012 = build(
        dir.path(),
        &[g01.to_str().unwrap().to_owned(), d[2].clone()],
        &json,
        "g012.json",
    );
    let left = build(
        dir.path(),
        &[g012.to_str().unwrap().to_owned(), d[3].clone()],
        &json,
        "left.json",
    );
    // d0 + (d1 + (d2 d3)), all as saved graphs
    let g0 = build(dir.path(), &d[..1], &json, "g0.json");
    let g23 = build(dir.path(), &d[2..], &json, "g23.json");
    let g123 = build(
        dir.path(),
        &[d[1].clone(), g23.to_str().unwrap().to_owned()],
        &json,
        "g123.json",
    );
    let right = build(
        dir.path(),
        &[
            g0.to_str().unwrap().to_owned(),
            g123.to_str().unwrap().to_owned(),
        ],
        &json,
        "right.json",
    );
    assert_eq!(read_json(&left), all);
    // Graphs come first, then documents: g123 was d2 d3 then d1; ids,
    // weights, counts and evidence do not depend on that order.
    assert_eq!(read_json(&right), all);
    // A .json that is not a graph is an error naming it.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"nodes\": 3}").unwrap();
    let o = run(&["build", "-q", bad.to_str().unwrap(), &d[0]]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.json: not an actorgraph graph"),
        "{}",
        stderr(&o)
    );
}
