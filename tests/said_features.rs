//! Issue 14's features on attribution links, through the real binary:
//! each link's confidence (best and mean, exact over merges),
//! `--min-confidence`, `query said-about/said-by --class`, cue and class
//! counts in DOT labels (`--edge-labels`) and in every export, and
//! `--anonymous-sources`. Every sentence is invented.

mod common;

use common::cli::{records, run, stderr, stdout};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One accusation and one quoted report by Ines Varga about Paulo Brandt,
/// and a group source ("Senior harbour officials") about him.
const HARBOUR: &str = "Ines Varga accused Paulo Brandt of hiding the harbour accounts.\n\n\
\"Brandt lied to the council,\" Varga said.\n\n\
Senior harbour officials said Paulo Brandt would resign before May.\n";

/// A group source ("Officials") about Tavi Renn and the Harbour Board, and
/// a denial by Ines Varga.
const BOARD: &str = "Officials said Tavi Renn had left the Harbour Board in April.\n\n\
Ines Varga denied that Tavi Renn had been dismissed.\n";

/// A corpus directory holding `files`.
fn corpus(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir(&c).unwrap();
    for (name, text) in files {
        std::fs::write(c.join(name), text).unwrap();
    }
    (dir, c)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Run `actorgraph ARGS`, which must succeed, and give its standard output.
fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// The graph JSON `build -f json` writes for `args`.
fn graph(args: &[&str]) -> Value {
    let mut all = vec!["build", "-q", "-f", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(&all)).unwrap()
}

/// The attribution edge `a -> b` of a graph JSON.
fn said<'g>(g: &'g Value, a: &str, b: &str) -> Option<&'g Value> {
    g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "attribution" && e["source"] == a && e["target"] == b)
}

/// The confidences of the attributions `extract` finds by `speaker` with
/// `about` among their actors spoken about.
fn confidences(dir: &Path, speaker: &str, about: &str) -> Vec<u64> {
    let o = run(&["extract", s(dir)]);
    assert!(o.status.success(), "{}", stderr(&o));
    records(&o)
        .iter()
        .flat_map(|r| r["attributions"].as_array().unwrap().clone())
        .filter(|a| {
            a["speaker"]["actor"] == speaker
                && a["about"].as_array().unwrap().iter().any(|x| x == about)
        })
        .map(|a| {
            a["confidence"]
                .as_u64()
                .expect("each rule has a confidence")
        })
        .collect()
}

#[test]
fn an_attribution_link_carries_the_best_and_mean_confidence_of_its_statements() {
    let (_t, c) = corpus(&[("harbour.txt", HARBOUR)]);
    let want = confidences(&c, "Ines Varga", "Paulo Brandt");
    assert_eq!(want.len(), 2, "an accusation and a quoted report: {want:?}");
    let g = graph(&[s(&c)]);
    let e = said(&g, "Ines Varga", "Paulo Brandt").expect("Varga -> Brandt");
    let conf = &e["confidence"];
    let best = *want.iter().max().unwrap();
    let sum: u64 = want.iter().sum();
    assert_eq!(conf["best"], best, "{e}");
    assert_eq!(conf["sum"], sum, "{e}");
    assert_eq!(conf["count"], 2, "{e}");
    let mean = conf["mean"].as_f64().unwrap();
    assert!((mean - sum as f64 / 2.0).abs() < 0.051, "{e}");
    // Co-occurrence links have none.
    for e in g["edges"].as_array().unwrap() {
        if e["kind"] == "cooccurrence" {
            assert!(e.get("confidence").is_none(), "{e}");
        }
    }
}

/// Growing a saved graph, and merging `--partial` shares, give the counts
/// (confidence included) of one build over every document.
#[test]
fn confidence_adds_up_exactly_over_merges() {
    let (t, c) = corpus(&[("harbour.txt", HARBOUR), ("board.txt", BOARD)]);
    let whole = graph(&[s(&c)]);
    let (_u, one) = corpus(&[("harbour.txt", HARBOUR)]);
    let (_v, two) = corpus(&[("board.txt", BOARD)]);
    let first = t.path().join("first.json");
    ok(&["build", "-q", "-f", "json", s(&one), "-o", s(&first)]);
    let grown = graph(&[s(&first), s(&two)]);
    let (pa, pb) = (t.path().join("pa.json"), t.path().join("pb.json"));
    ok(&[
        "build",
        "-q",
        "-f",
        "json",
        "--partial",
        s(&one),
        "-o",
        s(&pa),
    ]);
    ok(&[
        "build",
        "-q",
        "-f",
        "json",
        "--partial",
        s(&two),
        "-o",
        s(&pb),
    ]);
    let merged = graph(&[s(&pa), s(&pb)]);
    // The evidence names the documents by path, which differ by directory:
    // compare the counts.
    let counts = |g: &Value| -> BTreeMap<(String, String), (Value, Value, Value)> {
        g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "attribution")
            .map(|e| {
                let k = (
                    e["source"].as_str().unwrap().to_owned(),
                    e["target"].as_str().unwrap().to_owned(),
                );
                (
                    k,
                    (
                        e["weight"].clone(),
                        e["classes"].clone(),
                        e["confidence"].clone(),
                    ),
                )
            })
            .collect()
    };
    let want = counts(&whole);
    assert!(want.len() >= 2, "{whole}");
    let varga_renn = &want[&("Ines Varga".to_owned(), "Tavi Renn".to_owned())];
    assert_eq!(varga_renn.1["denial"], 1, "{whole}");
    assert_eq!(counts(&grown), want);
    assert_eq!(counts(&merged), want);
}

/// A graph saved before links had a confidence still loads, and its
/// links stay without one.
#[test]
fn a_graph_saved_without_confidence_still_loads() {
    let (t, c) = corpus(&[("harbour.txt", HARBOUR)]);
    let mut g = graph(&[s(&c)]);
    for e in g["edges"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("confidence");
    }
    let old = t.path().join("old.json");
    std::fs::write(&old, serde_json::to_string(&g).unwrap()).unwrap();
    let again = graph(&[s(&old)]);
    let e = said(&again, "Ines Varga", "Paulo Brandt").unwrap();
    assert!(e.get("confidence").is_none(), "{e}");
    assert_eq!(e["weight"], 2);
    let q = ok(&["query", s(&old), "said-about", "Paulo Brandt"]);
    assert!(q.contains("Ines Varga"), "{q}");
}

#[test]
fn min_confidence_drops_the_attributions_below_it() {
    let (t, c) = corpus(&[("harbour.txt", HARBOUR)]);
    let conf = confidences(&c, "Ines Varga", "Paulo Brandt");
    let (lo, hi) = (*conf.iter().min().unwrap(), *conf.iter().max().unwrap());
    assert!(lo < hi, "the two rules differ in confidence: {conf:?}");
    // At the higher one: only that statement makes the link.
    let g = graph(&["--min-confidence", &hi.to_string(), s(&c)]);
    let e = said(&g, "Ines Varga", "Paulo Brandt").expect("the confident statement");
    assert_eq!(e["weight"], 1, "{e}");
    assert_eq!(e["confidence"]["best"], hi, "{e}");
    assert_eq!(e["confidence"]["count"], 1, "{e}");
    assert_eq!(g["build"]["min_confidence"], hi);
    // Above both: no attribution link at all; co-occurrence stays.
    let g = graph(&["--min-confidence", &(hi + 1).to_string(), s(&c)]);
    assert!(said(&g, "Ines Varga", "Paulo Brandt").is_none(), "{g}");
    assert!(g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "cooccurrence"));
    // The default keeps both, and is not recorded.
    let g = graph(&[s(&c)]);
    assert_eq!(said(&g, "Ines Varga", "Paulo Brandt").unwrap()["weight"], 2);
    assert!(g["build"].get("min_confidence").is_none(), "{}", g["build"]);
    // A saved graph of another minimum cannot be grown by this run.
    let saved = t.path().join("saved.json");
    ok(&[
        "build",
        "-q",
        "-f",
        "json",
        "--min-confidence",
        "50",
        s(&c),
        "-o",
        s(&saved),
    ]);
    let (_u, more) = corpus(&[("board.txt", BOARD)]);
    let o = run(&[
        "build",
        "-q",
        "-f",
        "json",
        "--min-confidence",
        "60",
        s(&saved),
        s(&more),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--min-confidence"), "{}", stderr(&o));
    // Not a percentage.
    let o = run(&["build", "-q", "--min-confidence", "101", s(&c)]);
    assert!(!o.status.success());
    let help = ok(&["build", "--help"]);
    assert!(help.contains("--min-confidence"), "{help}");
    assert!(help.contains("--anonymous-sources"), "{help}");
    assert!(help.contains("--edge-labels"), "{help}");
}

#[test]
fn said_about_and_said_by_keep_one_class_of_statement() {
    let (t, c) = corpus(&[("harbour.txt", HARBOUR), ("board.txt", BOARD)]);
    let g = t.path().join("g.json");
    ok(&["build", "-q", "-f", "json", s(&c), "-o", s(&g)]);
    let q = |args: &[&str]| -> Value {
        let mut all = vec!["query", s(&g), "--format", "json"];
        all.extend_from_slice(args);
        serde_json::from_str(&ok(&all)).unwrap()
    };
    let all = q(&["said-about", "Paulo Brandt"]);
    assert_eq!(all["speakers"][0]["id"], "Ines Varga", "{all}");
    assert_eq!(all["speakers"][0]["weight"], 2, "{all}");
    let acc = q(&["said-about", "Paulo Brandt", "--class", "accusation"]);
    assert_eq!(acc["class"], "accusation");
    assert_eq!(acc["speakers"].as_array().unwrap().len(), 1, "{acc}");
    assert_eq!(acc["speakers"][0]["weight"], 1, "{acc}");
    let denials = q(&["said-by", "Ines Varga", "--class", "denial"]);
    let ids: Vec<&str> = denials["about"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["Tavi Renn"], "{denials}");
    let praise = q(&["said-by", "Ines Varga", "--class", "praise"]);
    assert_eq!(praise["about"], serde_json::json!([]), "{praise}");
    // Text answers say the class.
    let text = ok(&["query", s(&g), "said-by", "Ines Varga", "--class", "denial"]);
    assert!(
        text.contains("denial only") && text.contains("Tavi Renn"),
        "{text}"
    );
    assert!(!text.contains("Paulo Brandt"), "{text}");
    // An unknown class is a usage error naming every class.
    let o = run(&[
        "query",
        s(&g),
        "said-about",
        "Paulo Brandt",
        "--class",
        "acusation",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("\"acusation\""), "{err}");
    for class in [
        "report",
        "assertion",
        "denial",
        "accusation",
        "praise",
        "belief",
        "question",
        "promise",
        "warning",
    ] {
        assert!(err.contains(class), "{class}: {err}");
    }
}

#[test]
fn dot_labels_show_cue_or_class_counts_on_request() {
    let (_t, c) = corpus(&[("harbour.txt", HARBOUR)]);
    let line = |dot: &str| -> String {
        dot.lines()
            .find(|l| {
                l.contains("\"Ines Varga\" -> \"Paulo Brandt\"") && l.contains("kind=attribution")
            })
            .unwrap_or_else(|| panic!("{dot}"))
            .to_owned()
    };
    let plain = ok(&["build", "-q", s(&c)]);
    assert!(line(&plain).contains("label=\"2\""), "{plain}");
    let cues = ok(&["build", "-q", "--edge-labels", "cues", s(&c)]);
    assert!(line(&cues).contains("label=\"accuse 1, say 1\""), "{cues}");
    let classes = ok(&["build", "-q", "--edge-labels", "classes", s(&c)]);
    assert!(
        line(&classes).contains("label=\"accusation 1, report 1\""),
        "{classes}"
    );
    // Only the labels change.
    let strip = |d: &str| {
        d.lines()
            .map(|l| l.split(", label=").next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&plain), strip(&cues));
    // The other formats carry the counts as attributes.
    let o = run(&[
        "build",
        "-q",
        "-f",
        "graphml",
        "--edge-labels",
        "cues",
        s(&c),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--edge-labels"), "{}", stderr(&o));
}

/// GraphML and GEXF: the counts and confidences as typed attributes.
#[test]
fn xml_exports_carry_cues_classes_and_confidence() {
    let (_t, c) = corpus(&[("harbour.txt", HARBOUR)]);
    let conf = confidences(&c, "Ines Varga", "Paulo Brandt");
    let best = conf.iter().max().unwrap().to_string();
    let graphml = ok(&["build", "-q", "-f", "graphml", s(&c)]);
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let key_type = |name: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("key") && n.attribute("attr.name") == Some(name))
            .and_then(|n| n.attribute("attr.type"))
            .unwrap_or_else(|| panic!("no key {name}"))
            .to_owned()
    };
    assert_eq!(key_type("cues"), "string");
    assert_eq!(key_type("confidence_best"), "double");
    assert_eq!(key_type("confidence_mean"), "double");
    let data = |edge: roxmltree::Node, key: &str| {
        edge.children()
            .find(|d| d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .map(str::to_owned)
    };
    let said_edge = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .find(|e| data(*e, "ekind").as_deref() == Some("attribution"))
        .expect("an attribution edge");
    assert_eq!(data(said_edge, "cues").as_deref(), Some("accuse:1;say:1"));
    assert_eq!(
        data(said_edge, "classes").as_deref(),
        Some("accusation:1;report:1")
    );
    assert_eq!(data(said_edge, "confidence_best"), Some(best.clone()));
    let gexf = ok(&["build", "-q", "-f", "gexf", s(&c)]);
    let doc = roxmltree::Document::parse(&gexf).unwrap();
    let id_of = |title: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("attribute") && n.attribute("title") == Some(title))
            .and_then(|n| n.attribute("id"))
            .unwrap_or_else(|| panic!("no attribute {title}"))
            .to_owned()
    };
    let (cues, best_id) = (id_of("cues"), id_of("confidence_best"));
    let said_edge = doc
        .descendants()
        .find(|n| n.has_tag_name("edge") && n.attribute("kind") == Some("attribution"))
        .unwrap();
    let value = |id: &str| {
        said_edge
            .descendants()
            .find(|v| v.has_tag_name("attvalue") && v.attribute("for") == Some(id))
            .and_then(|v| v.attribute("value"))
            .map(str::to_owned)
    };
    assert_eq!(value(&cues).as_deref(), Some("accuse:1;say:1"));
    assert_eq!(value(&best_id), Some(best));
}

#[test]
fn csv_and_html_carry_cues_classes_and_confidence() {
    let (t, c) = corpus(&[("harbour.txt", HARBOUR)]);
    let out = t.path().join("csv");
    ok(&["build", "-q", "-f", "csv", s(&c), "-o", s(&out)]);
    let edges = std::fs::read_to_string(out.join("edges.csv")).unwrap();
    let mut lines = edges.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| {
        head.iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{name}: {head:?}"))
    };
    let said_row: Vec<&str> = lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|r| r[col("kind")] == "attribution")
        .expect("an attribution row");
    assert_eq!(said_row[col("cues")], "accuse:1;say:1");
    assert_eq!(said_row[col("classes")], "accusation:1;report:1");
    let conf = confidences(&c, "Ines Varga", "Paulo Brandt");
    assert_eq!(
        said_row[col("confidence_best")],
        conf.iter().max().unwrap().to_string()
    );
    let html = t.path().join("g.html");
    ok(&["build", "-q", "-f", "html", s(&c), "-o", s(&html)]);
    let page = std::fs::read_to_string(&html).unwrap();
    let start = page
        .find("<script id=\"data\" type=\"application/json\">")
        .unwrap();
    let body = &page[start..];
    let body = &body[body.find('>').unwrap() + 1..body.find("</script>").unwrap()];
    let data: Value = serde_json::from_str(body).unwrap();
    let said_row = data["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e[2] == "attribution")
        .unwrap();
    assert_eq!(said_row[5]["accuse"], 1, "{said_row}");
    assert_eq!(said_row[6]["accusation"], 1, "{said_row}");
    assert_eq!(said_row[7][0], *conf.iter().max().unwrap(), "{said_row}");
}

#[test]
fn anonymous_sources_are_nodes_of_their_own_per_document() {
    let (t, c) = corpus(&[("harbour.txt", HARBOUR), ("board.txt", BOARD)]);
    // Off by default: no source node, no link from the officials.
    let plain = graph(&[s(&c)]);
    assert!(
        plain["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["kind"] != "source"),
        "{plain}"
    );
    let g = graph(&["--anonymous-sources", s(&c)]);
    assert_eq!(g["build"]["anonymous_sources"], true);
    let sources: Vec<&Value> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "source")
        .collect();
    let words: Vec<&str> = sources
        .iter()
        .map(|n| n["aliases"][0].as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(
        words.contains(&"Senior harbour officials") && words.contains(&"Officials"),
        "{words:?}"
    );
    // Each names its document.
    let id_of = |w: &str| {
        sources.iter().find(|n| n["aliases"][0] == w).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (harbour, board) = (id_of("Senior harbour officials"), id_of("Officials"));
    assert!(
        harbour.contains("harbour.txt") && board.contains("board.txt"),
        "{harbour} {board}"
    );
    let e = said(&g, &harbour, "Paulo Brandt").expect("the officials spoke about Brandt");
    assert_eq!(e["classes"]["report"], 1, "{e}");
    assert!(said(&g, &board, "Tavi Renn").is_some(), "{g}");
    // The actors' own links are as without the option.
    assert_eq!(
        said(&g, "Ines Varga", "Paulo Brandt"),
        said(&plain, "Ines Varga", "Paulo Brandt")
    );

    // The same words in two documents are two nodes.
    let (_u, twice) = corpus(&[
        ("one.txt", "Officials said Tavi Renn had left.\n"),
        ("two.txt", "Officials said Paulo Brandt had left.\n"),
    ]);
    let g2 = graph(&["--anonymous-sources", s(&twice)]);
    let ids: Vec<&str> = g2["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "source")
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{g2}");
    assert!(
        ids.iter().any(|i| i.contains("one.txt")) && ids.iter().any(|i| i.contains("two.txt")),
        "{ids:?}"
    );

    // Every export takes the new kind, labelled with the words.
    let dot = ok(&["build", "-q", "--anonymous-sources", s(&c)]);
    assert!(
        dot.contains("[label=\"Senior harbour officials\\n1 mention\", shape=note"),
        "{dot}"
    );
    assert!(dot.contains("kind=source"), "{dot}");
    let graphml = ok(&["build", "-q", "-f", "graphml", "--anonymous-sources", s(&c)]);
    roxmltree::Document::parse(&graphml).unwrap();
    assert!(
        graphml.contains("<data key=\"label\">Senior harbour officials</data>"),
        "{graphml}"
    );
    assert!(
        graphml.contains("<data key=\"kind\">source</data>"),
        "{graphml}"
    );
    let gexf = ok(&["build", "-q", "-f", "gexf", "--anonymous-sources", s(&c)]);
    roxmltree::Document::parse(&gexf).unwrap();
    assert!(
        gexf.contains("label=\"Senior harbour officials\""),
        "{gexf}"
    );
    let out = t.path().join("csv");
    ok(&[
        "build",
        "-q",
        "-f",
        "csv",
        "--anonymous-sources",
        s(&c),
        "-o",
        s(&out),
    ]);
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    assert!(
        nodes
            .lines()
            .any(|l| l.contains(",Senior harbour officials,source,")),
        "{nodes}"
    );
    let ftm = ok(&["build", "-q", "-f", "ftm", "--anonymous-sources", s(&c)]);
    assert!(
        ftm.lines()
            .any(|l| l.contains("\"LegalEntity\"") && l.contains("Senior harbour officials")),
        "{ftm}"
    );
    let html = t.path().join("g.html");
    ok(&[
        "build",
        "-q",
        "-f",
        "html",
        "--anonymous-sources",
        s(&c),
        "-o",
        s(&html),
    ]);
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .contains("\"source\""));
    // Queries find a source by its id, and by its words.
    let saved = t.path().join("g.json");
    ok(&[
        "build",
        "-q",
        "-f",
        "json",
        "--anonymous-sources",
        s(&c),
        "-o",
        s(&saved),
    ]);
    for name in [harbour.as_str(), "Senior harbour officials"] {
        let q = ok(&["query", s(&saved), "said-by", name]);
        assert!(q.contains("Paulo Brandt"), "{name}: {q}");
    }
    // Growing it keeps the saved graph's option (like --names-only).
    let (_v, more) = corpus(&[("more.txt", "Tavi Renn met Paulo Brandt.\n")]);
    let o = run(&["build", "-q", "-f", "json", s(&saved), s(&more)]);
    assert!(
        o.status.success(),
        "the saved graph's option is the run's: {}",
        stderr(&o)
    );
    let grown: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(grown["build"]["anonymous_sources"], true);
}

/// `explain` names, for a cue word that made no attribution, the rule
/// that came closest and why it declined.
#[test]
fn explain_says_why_a_cue_made_no_attribution() {
    let (_t, c) = corpus(&[(
        "notes.txt",
        "Ines Varga has written for the Harbour Times for years.\n\n\
         \"Tavi Renn said nothing,\" the clerk recalled.\n\n\
         Paulo Brandt said the port would close.\n",
    )]);
    let text = ok(&["explain", s(&c.join("notes.txt"))]);
    let line = |cue: &str| {
        text.lines()
            .find(|l| l.contains(&format!("no attribution for cue {cue:?}")))
            .unwrap_or_else(|| panic!("{cue}: {text}"))
            .to_owned()
    };
    // Dropped by a filter: the rule that built it, and the filter.
    let written = line("written");
    assert!(
        written.contains("rule cue-content found one") && written.contains("biography"),
        "{written}"
    );
    // In a quotation: no rule looks there.
    assert!(line("said").contains("inside a quotation"), "{text}");
    // A sentence without attributions is shown for its declined cue.
    assert!(text.contains("[0] Ines Varga has written"), "{text}");
    // A cue that made its attribution is not listed as declined.
    assert_eq!(text.matches("no attribution for cue").count(), 2, "{text}");
    assert!(text.contains("cue     \"said\""), "{text}");
}
