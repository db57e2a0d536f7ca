//! Integration tests: the real `actorgraph` binary on fixture articles
//! written for this project (tests/data/articles), in temp dirs.

mod common;

use common::cli::{bin, records, run, stderr};
use common::tools::{shared, skip};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

fn graph_json(args: &[&str]) -> Value {
    let o = run(&[&["build", "--format", "json"], args].concat());
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn node<'a>(g: &'a Value, id: &str) -> Option<&'a Value> {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
}

fn edge<'a>(g: &'a Value, a: &str, b: &str, kind: &str) -> Option<&'a Value> {
    g["edges"].as_array().unwrap().iter().find(|e| {
        e["kind"] == kind
            && ((e["source"] == a && e["target"] == b)
                || (kind == "cooccurrence" && e["source"] == b && e["target"] == a))
    })
}

#[test]
fn extract_writes_one_contract_record_per_document() {
    let dir = fixtures();
    let o = run(&["extract", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let recs = records(&o);
    let names: Vec<String> = recs
        .iter()
        .map(|r| {
            Path::new(r["doc"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["council.md", "harbor.txt", "letter.html"]);
    for r in &recs {
        let bytes = std::fs::read(r["doc"].as_str().unwrap()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(r["encoding"], "utf-8");
        for m in r["mentions"].as_array().unwrap() {
            for field in ["start", "end", "text", "actor", "kind", "via"] {
                assert!(!m[field].is_null(), "mention lacks {field}: {m}");
            }
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let slice = text.get(s..e).expect("span on char boundaries");
            if r["format"] == "text" {
                assert_eq!(
                    slice,
                    m["text"].as_str().unwrap(),
                    "span slices back to its text"
                );
            }
            assert!(["person", "organization"].contains(&m["kind"].as_str().unwrap()));
        }
        for a in r["attributions"].as_array().unwrap() {
            assert!(
                a.get("speaker").is_some() && a.get("cue").is_some() && a.get("content").is_some()
            );
            assert!(a["about"].is_array());
        }
    }
}

#[test]
fn extract_finds_speakers_and_aliases_in_plain_text() {
    let o = run(&["extract", fixture("harbor.txt").to_str().unwrap()]);
    let r = &records(&o)[0];
    let actor_of = |t: &str| {
        r["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["text"] == t)
            .map(|m| m["actor"].as_str().unwrap().to_owned())
    };
    // Title is a cue, not part of the name; surname joins the full name.
    assert_eq!(actor_of("Ines Varga").as_deref(), Some("Ines Varga"));
    assert_eq!(actor_of("Varga").as_deref(), Some("Ines Varga"));
    assert_eq!(actor_of("Tamsin Hale").as_deref(), Some("Tamsin Hale"));
    assert_eq!(actor_of("Hale").as_deref(), Some("Tamsin Hale"));
    // "He added ..." is Brandt speaking about Varga.
    let brandt_on_varga = r["attributions"].as_array().unwrap().iter().any(|a| {
        a["speaker"]["actor"] == "Paulo Brandt"
            && a["about"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x == "Ines Varga")
    });
    assert!(brandt_on_varga, "{}", r["attributions"]);
}

#[test]
fn build_links_actors_across_formats() {
    let g = graph_json(&[fixtures().to_str().unwrap()]);
    let varga = node(&g, "Ines Varga").expect("Ines Varga is a node");
    assert_eq!(varga["kind"], "person");
    assert_eq!(varga["documents"], 3, "one node across the three documents");
    assert!(varga["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Varga"));
    let co = edge(&g, "Ines Varga", "Paulo Brandt", "cooccurrence").expect("Varga -- Brandt");
    assert!(co["weight"].as_u64().unwrap() >= 2);
    let ev = &co["evidence"][0];
    let doc = std::fs::read_to_string(ev["doc"].as_str().unwrap()).unwrap();
    let sentence =
        &doc[ev["start"].as_u64().unwrap() as usize..ev["end"].as_u64().unwrap() as usize];
    assert!(
        sentence.contains("Varga") || sentence.contains("Brandt"),
        "{sentence}"
    );
    assert!(edge(&g, "Paulo Brandt", "Ines Varga", "attribution").is_some());
    // Script, navigation and footer text of the HTML page are not read.
    assert!(node(&g, "Tavi Renn").is_none());
}

#[test]
fn dot_output_is_accepted_by_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.dot");
    let o = run(&[
        "build",
        fixtures().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(dot.starts_with("digraph actorgraph {"));
    assert!(dot.contains("\"Ines Varga\""));
    assert!(
        dot.contains("dir=none"),
        "co-occurrence edges are undirected"
    );
    assert!(dot
        .lines()
        .any(|l| l.contains("kind=attribution") && l.contains("label=")));
    // Deterministic: the same input gives the same bytes.
    let again = run(&["build", fixtures().to_str().unwrap()]);
    assert_eq!(again.stdout, dot.as_bytes());
    match Command::new("dot")
        .arg("-Tsvg")
        .arg(&out)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
    {
        Ok(r) => {
            assert!(
                r.status.success(),
                "dot rejected the graph: {}",
                String::from_utf8_lossy(&r.stderr)
            );
            assert!(String::from_utf8_lossy(&r.stdout).contains("<svg"));
        }
        Err(_) => skip("Graphviz `dot` not installed; DOT not checked by Graphviz"),
    }
}

#[test]
fn bad_paths_are_reported_and_the_run_goes_on() {
    let o = run(&[
        "extract",
        fixture("harbor.txt").to_str().unwrap(),
        "no/such/file.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.txt"), "{}", stderr(&o));
    assert_eq!(
        records(&o).len(),
        1,
        "the good document still reaches the output"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["extract"]).status.code(), Some(2));
    assert_eq!(
        run(&["build", "x.txt", "--format", "pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Mira Doss said the vote would wait. Doss left.")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let r = &records(&o)[0];
    assert_eq!(r["doc"], "-");
    assert!(r["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["text"] == "Doss" && m["actor"] == "Mira Doss"));
}

#[test]
fn alias_file_renames_and_drops() {
    let dir = tempfile::tempdir().unwrap();
    let aliases = dir.path().join("aliases.toml");
    std::fs::write(
        &aliases,
        "[[actor]]\nname = \"Paulo R. Brandt\"\naliases = [\"Paulo Brandt\"]\n\n[[actor]]\nname = \"Harbor Council\"\nignore = true\n",
    )
    .unwrap();
    let g = graph_json(&[
        "--aliases",
        aliases.to_str().unwrap(),
        fixtures().to_str().unwrap(),
    ]);
    assert!(node(&g, "Paulo R. Brandt").is_some());
    assert!(node(&g, "Paulo Brandt").is_none());
    assert!(node(&g, "Harbor Council").is_none());

    std::fs::write(&aliases, "[[actor]]\nname = \"X\"\nkind = \"planet\"\n").unwrap();
    let o = run(&[
        "build",
        "--aliases",
        aliases.to_str().unwrap(),
        fixtures().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("aliases.toml:3"), "{}", stderr(&o));
}

#[test]
fn window_and_min_weight_change_the_graph() {
    let harbor = fixture("harbor.txt");
    let h = harbor.to_str().unwrap();
    let sentence = graph_json(&[h]);
    let paragraph = graph_json(&["--window", "paragraph", h]);
    let count = |g: &Value| {
        g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "cooccurrence")
            .count()
    };
    assert!(count(&paragraph) > count(&sentence));
    let strong = graph_json(&["--min-weight", "2", h]);
    assert!(strong["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["weight"].as_u64().unwrap() >= 2));
    assert!(
        strong["nodes"].as_array().unwrap().len() < sentence["nodes"].as_array().unwrap().len()
    );
}

/// The seed articles of the project, when ../shared is beside the repo.
#[test]
fn seed_graph_has_the_expected_actors_and_links() {
    let Some(seeds) = shared("corpus/seeds") else {
        return;
    };
    let entries = std::fs::read_dir(&seeds).expect("read the seed corpus");
    let mut paths: Vec<String> = entries
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    paths.sort();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let g = graph_json(&args);
    for id in [
        "Flynt Leverett",
        "Hillary Mann Leverett",
        "Lawrence Wilkerson",
        "Dick Cheney",
        "Colin Powell",
        "Javad Zarif",
    ] {
        assert!(node(&g, id).is_some(), "node {id}");
    }
    assert!(node(&g, "Leverett").is_none(), "no bare surname node");
    assert!(edge(&g, "Flynt Leverett", "Javad Zarif", "attribution").is_some());
    assert!(edge(&g, "Lawrence Wilkerson", "Dick Cheney", "attribution").is_some());
    assert!(edge(&g, "Lawrence Wilkerson", "Colin Powell", "cooccurrence").is_some());
}
