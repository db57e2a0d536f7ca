//! The HTML export's viewer in headless Chromium, driven through the Chrome
//! DevTools Protocol with real mouse and key events (`tests/html/cdp.py`,
//! Python with `websockets`): the page becomes interactive within 3 s,
//! search suggests and finds a named actor, a click on an actor lists its
//! links, a click on a link shows its evidence sentences. On invented
//! articles, on the seed articles (`../shared`), and on a generated graph
//! of 5,000 actors and 20,000 links (laid out by `sfdp`, and by the
//! browser's ForceAtlas2). Also: the committed bundle is what
//! `viewer/build.sh` makes (with npm) or at least records the versions of
//! `viewer/package-lock.json`.
//!
//! Needs `chromium`, Graphviz's `sfdp` and a Python with `websockets`
//! (`$ACTORGRAPH_PYTHON`, else `python3`): a note when missing, a failure
//! with `CI=true` (tests/common/tools.rs). `ACTORGRAPH_SCREENSHOTS=DIR`
//! keeps a screenshot of each page there.

mod common;

use actorgraph::export::evidence::DocCache;
use actorgraph::export::html;
use common::cli::{bin, stderr};
use common::tools::{shared, skip, which};
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const DOCS: [(&str, &str); 3] = [
    ("quay.txt", "Ines Varga met Captain Tavi Renn at the quay on Monday. Varga said Renn had been fair to the net menders.\n\nDr. Olek Sarno waited by the gate with Tavi Renn."),
    ("fees.txt", "Captain Tavi Renn spoke with Dr. Olek Sarno about the mooring fees. Mira Quell thanked Olek Sarno for his patience. Renn and Sarno left together."),
    ("letter.txt", "Ines Varga wrote to Mira Quell. Quell said Varga had kept \"every <promise>\" she made."),
];

/// One browser (or bundle build) at a time: the 3 s limit is measured on a
/// machine of 2 cores, not shared with the other tests of this file.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// A Python that has `websockets`, and Chromium; or a skip note.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let Some(chromium) = which("chromium").or_else(|| which("chromium-browser")) else {
        skip("chromium not installed; viewer not checked in a browser");
        return None;
    };
    let python = std::env::var_os("ACTORGRAPH_PYTHON")
        .map(PathBuf::from)
        .or_else(|| which("python3"));
    let Some(python) = python else {
        skip("python3 not installed; viewer not checked in a browser");
        return None;
    };
    let ok = Command::new(&python)
        .args(["-c", "import websockets.sync.client"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        skip(&format!(
            "{} has no `websockets` (pip install -r tests/python-requirements.txt, or set ACTORGRAPH_PYTHON); viewer not checked in a browser",
            python.display()
        ));
        return None;
    }
    Some((python, chromium))
}

fn build(args: &[&str], out: &Path) {
    let o = bin()
        .args(["build", "-q"])
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "build {args:?}: {}", stderr(&o));
}

fn sentence(ev: &Value) -> String {
    let text = std::fs::read(ev["doc"].as_str().unwrap()).unwrap();
    let s = &text[ev["start"].as_u64().unwrap() as usize..ev["end"].as_u64().unwrap() as usize];
    String::from_utf8_lossy(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What cdp.py checks for `name`, from the graph's JSON export: its key,
/// its number of links, and its links' evidence (the candidates to click).
fn checks(page: &Path, g: &Value, name: &str) -> Value {
    let nodes = g["nodes"].as_array().unwrap();
    let i = nodes
        .iter()
        .position(|n| n["id"] == name)
        .unwrap_or_else(|| panic!("{name} not in the graph"));
    let edges: Vec<(usize, &Value)> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, e)| e["source"] == name || e["target"] == name)
        .collect();
    assert!(!edges.is_empty(), "{name} has no link");
    let all = g["edges"].as_array().unwrap();
    let edge = |(k, e): &(usize, &Value)| {
        let ev = e["evidence"].as_array().unwrap();
        // The other links between the same two actors (either way, either kind).
        fn pair(x: &Value) -> [&str; 2] {
            let mut p = [x["source"].as_str().unwrap(), x["target"].as_str().unwrap()];
            p.sort();
            p
        }
        let others = all.iter().filter(|x| pair(x) == pair(e)).count() - 1;
        // An attribution link's panel names its classes, most seen first.
        let statements = e["classes"].as_object().map(|c| {
            let mut v: Vec<(&String, u64)> =
                c.iter().map(|(k, n)| (k, n.as_u64().unwrap())).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let parts: Vec<String> = v.iter().map(|(k, n)| format!("{k} {n}")).collect();
            format!("Statements: {}", parts.join(", "))
        });
        json!({
            "others": others,
            "statements": statements,
            "key": format!("e{k}"),
            "sentences": ev.iter().map(sentence).collect::<Vec<_>>(),
            "docs": ev.iter().map(|v| v["doc"].clone()).collect::<Vec<_>>(),
        })
    };
    // The second smallest weight, and how many links have at least it.
    let mut weights: Vec<u64> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["weight"].as_u64().unwrap())
        .collect();
    weights.sort();
    weights.dedup();
    let weight_links = weights.get(1).map(|&w| {
        let n = g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["weight"].as_u64().unwrap() >= w)
            .count();
        json!([w, n])
    });
    let first = edge(&edges[0]);
    let fragment = json!({
        "hash": format!("q={}&edge={}", name.replace(' ', "%20"), first["key"].as_str().unwrap()),
        "name": name,
        "edge": first["key"],
        "sentences": first["sentences"],
    });
    let lower = name.to_lowercase();
    let typed: String = lower
        .chars()
        .take(lower.chars().count().max(5) - 2)
        .collect();
    json!({
        "page": page,
        "ready_ms": 3000,
        "search": {"type": typed, "name": name, "key": format!("n{i}")},
        "node": {"key": format!("n{i}"), "name": name, "links": edges.len(),
                 "edge_in_list": edge(&edges[edges.len() - 1])},
        "edges": edges.iter().take(12).map(edge).collect::<Vec<_>>(),
        "missing": "zebulon qx",
        // A link of a small graph is clicked with every other link drawn.
        "alone_required": true,
        "weight_links": weight_links,
        "fragment": fragment,
        "links": g["edges"].as_array().unwrap().len(),
        "cooccurrence_links": g["edges"].as_array().unwrap().iter().filter(|e| e["kind"] == "cooccurrence").count(),
    })
}

/// Run cdp.py on a page; its measurements.
fn drive(python: &Path, chromium: &Path, checks: &Value, dir: &Path, shot: &str) -> Value {
    let file = dir.join(format!("{shot}.checks.json"));
    std::fs::write(&file, checks.to_string()).unwrap();
    let png = match std::env::var_os("ACTORGRAPH_SCREENSHOTS") {
        Some(d) => PathBuf::from(d).join(format!("{shot}.png")),
        None => dir.join(format!("{shot}.png")),
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html/cdp.py");
    let _one = one_at_a_time();
    let o = Command::new(python)
        .arg(script)
        .arg(chromium)
        .arg(&file)
        .arg(&png)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "cdp.py on {}: {}{}",
        checks["page"],
        stderr(&o),
        String::from_utf8_lossy(&o.stdout)
    );
    let out: Value = serde_json::from_slice(&o.stdout).expect("cdp.py prints JSON");
    eprintln!("{shot}: {out}");
    if checks.get("only_ready").is_none() {
        assert!(
            png.metadata().unwrap().len() > 10_000,
            "screenshot too small"
        );
    }
    out
}

#[test]
fn viewer_on_invented_articles() {
    let Some((python, chromium)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let inputs: Vec<String> = DOCS
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p.to_str().unwrap().to_owned()
        })
        .collect();
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let json_path = dir.path().join("g.json");
    let page = dir.path().join("g.html");
    build(&[&args[..], &["--format", "json"]].concat(), &json_path);
    build(&[&args[..], &["--format", "html"]].concat(), &page);
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let c = checks(&page, &g, "Tavi Renn");
    drive(&python, &chromium, &c, dir.path(), "invented");
    // The evidence with markup in it is shown as text.
    let c = checks(&page, &g, "Mira Quell");
    assert!(c["edges"].to_string().contains("every <promise>"));
    drive(&python, &chromium, &c, dir.path(), "invented-quell");
}

#[test]
fn viewer_on_the_seed_articles() {
    let Some(seeds) = shared("corpus/seeds") else {
        return;
    };
    let Some((python, chromium)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut inputs: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    inputs.sort();
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let json_path = dir.path().join("seeds.json");
    let page = dir.path().join("seeds.html");
    build(&[&args[..], &["--format", "json"]].concat(), &json_path);
    build(&[&args[..], &["--format", "html"]].concat(), &page);
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    // The actor with the most links (ties: the first id).
    let nodes = g["nodes"].as_array().unwrap();
    let degree = |id: &Value| {
        g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| &e["source"] == id || &e["target"] == id)
            .count()
    };
    let top = nodes
        .iter()
        .max_by_key(|n| {
            (
                degree(&n["id"]),
                std::cmp::Reverse(n["id"].as_str().unwrap()),
            )
        })
        .unwrap();
    let c = checks(&page, &g, top["id"].as_str().unwrap());
    drive(&python, &chromium, &c, dir.path(), "seeds");
}

/// Without Graphviz the page is still written, its layout left to the browser.
#[test]
fn page_without_graphviz_leaves_the_layout_to_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("quay.txt");
    std::fs::write(&doc, DOCS[0].1).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    let o = bin()
        .args(["build", "-q", "--format", "html", "-o"])
        .arg(&page)
        .arg(&doc)
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    let start = html
        .find("<script id=\"data\" type=\"application/json\">")
        .unwrap();
    let data = &html[start..];
    let data = &data[data.find('>').unwrap() + 1..data.find("</script>").unwrap()];
    let v: Value = serde_json::from_str(data).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    assert!(nodes.len() >= 3);
    assert!(nodes.iter().all(|n| n[5].is_null() && n[6].is_null()));
    // With sfdp on PATH, every actor has a position.
    if which("sfdp").is_none() {
        skip("Graphviz `sfdp` not installed; positions not checked");
        return;
    }
    build(&[doc.to_str().unwrap(), "--format", "html"], &page);
    let html = std::fs::read_to_string(&page).unwrap();
    let data = &html[html.find("<script id=\"data\"").unwrap()..];
    let data = &data[data.find('>').unwrap() + 1..data.find("</script>").unwrap()];
    let v: Value = serde_json::from_str(data).unwrap();
    assert!(v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n[5].is_f64() && n[6].is_f64()));
}

/// An empty graph, and actors without links, open without an error.
#[test]
fn viewer_opens_empty_and_linkless_graphs() {
    let Some((python, chromium)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut g = actorgraph::graph::ActorGraph::new(Default::default());
    for (name, with_actors) in [("empty", false), ("linkless", true)] {
        if with_actors {
            for id in ["Ada Quill", "Bo Renn"] {
                g.insert_node(actorgraph::graph::Node {
                    id: id.into(),
                    kind: actorgraph::mentions::ActorKind::Person,
                    mentions: 1,
                    documents: 1,
                    aliases: Default::default(),
                    joined: Vec::new(),
                    kinds: Default::default(),
                    seen: Default::default(),
                });
            }
        }
        let page = dir.path().join(format!("{name}.html"));
        let mut f = std::fs::File::create(&page).unwrap();
        html::write(&g, None, &mut DocCache::new(Vec::new()), &mut f).unwrap();
        drop(f);
        let c = json!({"page": page, "only_ready": true});
        drive(&python, &chromium, &c, dir.path(), name);
    }
}

/// A graph of `n` invented actors in communities of 100 and `m` links (one
/// in eight an attribution), each with one evidence sentence in one of 40
/// generated documents that names both actors.
fn generated(dir: &Path, n: usize, m: usize) -> (PathBuf, Value) {
    const FIRST: [&str; 25] = [
        "Ado", "Bela", "Cato", "Dara", "Eno", "Fia", "Gus", "Hana", "Ivo", "Juna", "Kael", "Lida",
        "Mato", "Nera", "Oto", "Pia", "Quin", "Rasa", "Sami", "Tova", "Ulo", "Vena", "Wim", "Xara",
        "Yuri",
    ];
    const SYL: [&str; 20] = [
        "bar", "cel", "dun", "fos", "gal", "hep", "jor", "kil", "lem", "mor", "nax", "pel", "rud",
        "sov", "tam", "vel", "wix", "yor", "zan", "quo",
    ];
    let mut seed: u64 = 0x5eed;
    let mut rand = move |k: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % k
    };
    let names: Vec<String> = (0..n)
        .map(|i| {
            let last = format!(
                "{}{}{}",
                SYL[i % 20],
                SYL[(i / 20) % 20],
                SYL[(i / 400) % 20]
            );
            let mut c = last.chars();
            let last: String = c.next().unwrap().to_uppercase().chain(c).collect();
            format!("{} {last}", FIRST[(i * 7 + i / 25) % 25])
        })
        .collect();
    let mut texts = vec![String::new(); 40];
    let mut seen = std::collections::HashSet::new();
    let mut edges = Vec::with_capacity(m);
    while edges.len() < m {
        let a = rand(n as u64) as usize;
        let b = if rand(5) < 4 {
            (a / 100) * 100 + rand(100) as usize
        } else {
            rand(n as u64) as usize
        };
        if a == b || b >= n {
            continue;
        }
        let attribution = rand(8) == 0;
        let (s, t) = if attribution || names[a] < names[b] {
            (a, b)
        } else {
            (b, a)
        };
        if !seen.insert((s, t, attribution)) {
            continue;
        }
        let d = rand(40) as usize;
        let start = texts[d].len();
        if attribution {
            write!(
                texts[d],
                "{} said {} would sign the accord.",
                names[s], names[t]
            )
            .unwrap();
        } else {
            write!(texts[d], "{} met {} near the old mill.", names[s], names[t]).unwrap();
        }
        let end = texts[d].len();
        texts[d].push_str(if rand(6) == 0 { "\n\n" } else { " " });
        let w = 1 + rand(4) * rand(4);
        edges.push((s, t, attribution, w, d, start, end));
    }
    let doc = |d: usize| dir.join(format!("gen{d:02}.txt"));
    for (d, text) in texts.iter().enumerate() {
        std::fs::write(doc(d), text).unwrap();
    }
    let mut mentions = vec![0u64; n];
    for e in &edges {
        mentions[e.0] += e.3;
        mentions[e.1] += e.3;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| names[x].cmp(&names[y]));
    let nodes: Vec<Value> = order
        .iter()
        .map(|&i| {
            json!({"id": names[i], "kind": if i % 9 == 0 { "organization" } else { "person" },
                   "mentions": mentions[i].max(1), "documents": 1, "aliases": [names[i]]})
        })
        .collect();
    let mut rows: Vec<_> = edges
        .iter()
        .map(|&(s, t, attribution, w, d, start, end)| {
            let kind = if attribution {
                "attribution"
            } else {
                "cooccurrence"
            };
            (
                attribution,
                names[s].clone(),
                names[t].clone(),
                json!({"source": names[s], "target": names[t], "kind": kind, "weight": w,
                   "evidence": [{"doc": doc(d), "start": start, "end": end}]}),
            )
        })
        .collect();
    rows.sort_by(|x, y| (x.0, &x.1, &x.2).cmp(&(y.0, &y.1, &y.2)));
    let g = json!({"nodes": nodes, "edges": rows.into_iter().map(|r| r.3).collect::<Vec<_>>()});
    let path = dir.join("big.json");
    std::fs::write(&path, g.to_string()).unwrap();
    (path, g)
}

#[test]
fn viewer_at_five_thousand_actors_and_twenty_thousand_links() {
    let Some((python, chromium)) = tools() else {
        return;
    };
    if which("sfdp").is_none() {
        skip("Graphviz `sfdp` not installed; the laid-out large page not checked");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // ACTORGRAPH_VIEWER_DIR keeps the generated pages there (to look at).
    let dir = std::env::var_os("ACTORGRAPH_VIEWER_DIR").map(PathBuf::from);
    let dir = dir.as_deref().unwrap_or(tmp.path());
    std::fs::create_dir_all(dir).unwrap();
    let (json_path, g) = generated(dir, 5000, 20_000);
    assert_eq!(g["nodes"].as_array().unwrap().len(), 5000);
    assert_eq!(g["edges"].as_array().unwrap().len(), 20_000);
    // The CLI's page (sfdp positions), read from the saved graph.
    let page = dir.join("big.html");
    build(&[json_path.to_str().unwrap(), "--format", "html"], &page);
    // The JSON export of the same graph numbers links as the page does.
    let again = dir.join("again.json");
    build(&[json_path.to_str().unwrap(), "--format", "json"], &again);
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&again).unwrap()).unwrap();
    // An actor with several links, named: the first with at least 10.
    let name = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .find(|id| {
            g["edges"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["source"] == *id || e["target"] == *id)
                .count()
                >= 10
        })
        .unwrap()
        .to_owned();
    let mut c = checks(&page, &g, &name);
    // Dense: a link may be clicked with its actor selected (cdp.py).
    c["alone_required"] = json!(false);
    let out = drive(&python, &chromium, &c, dir, "generated-sfdp");
    assert!(out["ready_ms"].as_u64().unwrap() <= 3000);

    // The same graph laid out in the browser (no Graphviz at export time):
    // ForceAtlas2 runs in a worker and the page answers meanwhile.
    let graph = actorgraph::export::json::read(&json_path, Default::default()).unwrap();
    let page = dir.join("big-fa2.html");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&page).unwrap());
    // Evidence is read back only under roots: here, beside the graph.
    let mut docs = DocCache::new(Vec::new()).with_roots([dir]);
    html::write(&graph, None, &mut docs, &mut f).unwrap();
    drop(f);
    let mut c = checks(&page, &g, &name);
    c["page"] = json!(page);
    c["settle"] = json!(true);
    c["alone_required"] = json!(false);
    drive(&python, &chromium, &c, dir, "generated-fa2");
}

/// The committed bundle is what `viewer/build.sh` makes from the pinned
/// packages (with npm), and in any case records the lock's versions.
#[test]
fn committed_bundle_matches_the_lock_and_the_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("viewer/package-lock.json")).unwrap(),
    )
    .unwrap();
    let pkg: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("viewer/package.json")).unwrap())
            .unwrap();
    // Pinned: every dependency an exact version, the same in the lock.
    for (name, v) in pkg["devDependencies"].as_object().unwrap() {
        let v = v.as_str().unwrap();
        assert!(
            v.chars().all(|c| c.is_ascii_digit() || c == '.'),
            "{name} {v} is not pinned"
        );
        assert_eq!(
            lock["packages"][format!("node_modules/{name}")]["version"],
            v,
            "{name}"
        );
    }
    // versions.txt lists exactly the lock's packages but esbuild, at its versions.
    let mut want: Vec<String> = lock["packages"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| !path.is_empty())
        .map(|(path, p)| {
            let name = path.rsplit_once("node_modules/").unwrap().1;
            (name.to_owned(), p)
        })
        .filter(|(name, _)| name != "esbuild" && !name.starts_with("@esbuild/"))
        .map(|(name, p)| {
            format!(
                "{name} {} {}",
                p["version"].as_str().unwrap(),
                p["license"].as_str().unwrap_or("?")
            )
        })
        .collect();
    want.sort();
    let have: Vec<&str> = html::VIEWER_PACKAGES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert_eq!(have, want);
    // Each package's licence notice is in the bundle, and nothing closes
    // the page's script element.
    for line in &have {
        let (name, rest) = line.split_once(' ').unwrap();
        let version = rest.split(' ').next().unwrap();
        assert!(
            html::VIEWER_JS.contains(&format!("==== {name} {version} (")),
            "no licence notice for {name}"
        );
    }
    assert!(!html::VIEWER_JS.to_ascii_lowercase().contains("</script"));
    // With npm: a fresh build gives the committed bytes.
    if which("npm").is_none() || which("node").is_none() {
        // Not a tool this check requires (the versions were checked above).
        eprintln!("note: npm not installed; the bundle's bytes not rebuilt (versions checked)");
        return;
    }
    let _one = one_at_a_time();
    let o = Command::new("bash")
        .arg(root.join("viewer/build.sh"))
        .arg("--check")
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "viewer/build.sh --check: {}",
        stderr(&o)
    );
}
