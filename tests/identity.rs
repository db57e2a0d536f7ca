//! Corpus-level identity through `build`: one real actor is one node across
//! documents (middle initials, surnames, spellings, acronyms), namesakes
//! kept apart, the alias file obeyed, and a saved graph grown with new
//! documents giving what one build over all of them gives. Fixtures are
//! invented names in invented sentences; the last tests read the shared
//! PolNeAR and seed corpora (skipped without them, failing under CI=true).

mod common;

use common::cli::run;
use serde_json::Value;
use std::path::Path;

/// Write `docs` (name, text) into a new directory.
fn corpus(docs: &[(String, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in docs {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// The JSON graph `build` makes of these paths (and extra arguments).
fn build(paths: &[&Path], extra: &[&str]) -> Value {
    let mut args: Vec<String> = vec![
        "build".into(),
        "-q".into(),
        "--format".into(),
        "json".into(),
    ];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn node<'g>(g: &'g Value, id: &str) -> Option<&'g Value> {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
}

/// The (name, reason) pairs of a node's `joined` list.
fn joined(g: &Value, id: &str) -> Vec<(String, String)> {
    let n = node(g, id).unwrap_or_else(|| panic!("no node {id:?} in {}", ids(g).join(", ")));
    n["joined"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|j| {
                    (
                        j["name"].as_str().unwrap().to_owned(),
                        j["reason"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn ids(g: &Value) -> Vec<String> {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

fn pair(name: &str, reason: &str) -> (String, String) {
    (name.to_owned(), reason.to_owned())
}

/// The invented corpus: each shape of the seeds and PolNeAR in its own
/// documents.
fn fixture() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    let mut add = |name: &str, text: String| docs.push((format!("{name}.txt"), text));
    // Ardo Venn is named in nine documents, Mira Venn in one: a bare
    // "Venn" elsewhere is Ardo.
    for k in 0..9 {
        add(
            &format!("venn{k}"),
            format!(
                "Ardo Venn opened the harbour fair in Varna on day {k}.\n\nThe mayor, Ilse Dorant, thanked Ardo Venn for the new pier.\n"
            ),
        );
    }
    add(
        "mira",
        "Mira Venn painted the old lighthouse at dawn.\n\nVisitors said Mira Venn had a steady hand.\n".into(),
    );
    add(
        "bare-venn",
        "Venn said the pier would open in spring.\n\nVenn added that the budget was tight, and Ilse Dorant agreed.\n".into(),
    );
    // Tavo Karsk with and without his initial; Karsk Jr. is his son.
    add(
        "karsk1",
        "Tavo B. Karsk signed the grain treaty on Friday.\n\nTavo B. Karsk said the deal was fair to farmers.\n".into(),
    );
    add(
        "karsk2",
        "Tavo Karsk visited the mill at Orlo.\n\nTavo Karsk told workers that wages would rise.\n\nTavo Karsk left at noon.\n".into(),
    );
    add(
        "karsk3",
        "Tavo Karsk Jr. opened a bakery in Orlo.\n\nTavo Karsk Jr. said bread was his first love.\n".into(),
    );
    // Two Rells, named as often: a bare "Rell" belongs to neither.
    for k in 0..2 {
        add(
            &format!("rell-pia{k}"),
            format!("Pia Rell won the chess final on round {k}.\n"),
        );
        add(
            &format!("rell-omar{k}"),
            format!("Omar Rell coached the rowing team in week {k}.\n"),
        );
    }
    add(
        "rell-bare",
        "Rell said the season had been long.\n\nRell thanked the fans.\n".into(),
    );
    // Two middle initials for one given name and surname: the bare form
    // stays apart from both.
    add("lovi1", "Sten R. Lovi argued the appeal in Varna.\n".into());
    add("lovi2", "Sten T. Lovi sold his boat to a museum.\n".into());
    add("lovi3", "Sten Lovi spoke to the judges on Monday.\n".into());
    // One organization spelt three ways, and an acronym of another.
    add(
        "front1",
        "The al-Zuhera Front claimed the raid near Orlo.\n\nOfficials of the Nordic Sailing Association said so.\n".into(),
    );
    add(
        "front2",
        "Al Zuhera Front fighters left the hills, said Ilse Dorant.\n".into(),
    );
    add(
        "front3",
        "Al-Zuh'ira Front leaders met envoys in Orlo, Ilse Dorant told NSA in a call.\n".into(),
    );
    // A full name seen once, its given name unknown: no evidence that it
    // is the bare surname's person.
    add(
        "tesk1",
        "Dr. Quaro Tesk repaired the bridge at Orlo.\n".into(),
    );
    add(
        "tesk2",
        "Tesk said the river was high.\n\nTesk added that the road was closed.\n".into(),
    );
    // A two-letter acronym (too short for initials alone) defined in one
    // document, used bare in another.
    add(
        "unity1",
        "The Unity Network (UN) sent grain to Orlo on Monday.\n".into(),
    );
    add(
        "unity2",
        "Ilse Dorant thanked the UN for the grain.\n".into(),
    );
    docs
}

#[test]
fn one_real_actor_one_node() {
    let docs = corpus(&fixture());
    let g = build(&[docs.path()], &[]);
    let names = ids(&g);
    // Middle initial and surname joined; the son kept apart.
    let karsk = joined(&g, "Tavo Karsk");
    assert!(
        karsk.contains(&pair("Tavo B. Karsk", "middle-name")),
        "{karsk:?}"
    );
    assert!(
        node(&g, "Tavo Karsk Jr").is_some() || node(&g, "Tavo Karsk Jr.").is_some(),
        "{names:?}"
    );
    assert!(node(&g, "Tavo B. Karsk").is_none(), "{names:?}");
    // The dominant full name takes the bare surname; the namesake stays.
    assert_eq!(joined(&g, "Ardo Venn"), [pair("Venn", "surname")]);
    assert!(
        node(&g, "Mira Venn").is_some() && node(&g, "Venn").is_none(),
        "{names:?}"
    );
    // Two Rells as often named: "Rell" stays apart.
    assert!(node(&g, "Rell").is_some(), "{names:?}");
    assert!(joined(&g, "Pia Rell").is_empty() && joined(&g, "Omar Rell").is_empty());
    // One sighting of an unknown full name does not take a surname.
    assert!(
        node(&g, "Tesk").is_some() && joined(&g, "Quaro Tesk").is_empty(),
        "{names:?}"
    );
    // Two middle forms: three nodes.
    for id in ["Sten R. Lovi", "Sten T. Lovi", "Sten Lovi"] {
        assert!(node(&g, id).is_some(), "{id} in {names:?}");
    }
    // Spellings and a transliteration: one node; the acronym joins.
    let front = names
        .iter()
        .filter(|n| n.contains("Zuh"))
        .cloned()
        .collect::<Vec<_>>();
    assert_eq!(front.len(), 1, "{front:?}");
    let fj = joined(&g, &front[0]);
    assert!(
        fj.contains(&pair("Al-Zuh'ira Front", "transliteration")),
        "{fj:?}"
    );
    assert!(fj.iter().any(|(_, r)| r == "spelling"), "{fj:?}");
    assert_ne!(front[0], "Al-Zuh'ira Front", "the common spelling names it");
    assert_eq!(
        joined(&g, "Nordic Sailing Association"),
        [pair("NSA", "initials")]
    );
    // Counts are the sums of the names joined.
    let venn = node(&g, "Ardo Venn").unwrap();
    assert_eq!(venn["documents"], 10);
    // Links inside one actor are gone; links to it are moved to it.
    for e in g["edges"].as_array().unwrap() {
        assert_ne!(e["source"], e["target"], "{e}");
        for end in [&e["source"], &e["target"]] {
            assert!(names.iter().any(|n| n == end.as_str().unwrap()), "{e}");
        }
    }
    assert!(g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["source"] == "Ardo Venn"
            && e["target"] == "Ilse Dorant"
            && e["kind"] == "cooccurrence"
            && e["weight"].as_u64().unwrap() >= 10));
}

#[test]
fn the_alias_file_overrides() {
    let docs = corpus(&fixture());
    let aliases = docs.path().join("aliases.toml");
    std::fs::write(&aliases, "[[actor]]\nname = \"Tavo B. Karsk\"\n").unwrap();
    let g = build(&[docs.path()], &["--aliases", aliases.to_str().unwrap()]);
    assert!(node(&g, "Tavo B. Karsk").is_some(), "{:?}", ids(&g));
    assert!(!joined(&g, "Tavo Karsk")
        .iter()
        .any(|(n, _)| n == "Tavo B. Karsk"));
}

/// `build old.json new/` gives the graph of one build over all the
/// documents, joins made after both parts met included; and the pass run
/// again on its own output changes nothing.
#[test]
fn a_saved_graph_grows_to_the_same_graph() {
    let all = fixture();
    let whole = corpus(&all);
    // The files one by one, as the grown build names them: the graph's
    // roots (the paths given to `build`) are then the same too.
    let all_paths: Vec<std::path::PathBuf> =
        all.iter().map(|(n, _)| whole.path().join(n)).collect();
    let one = build(
        &all_paths.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
        &[],
    );
    // Split so that each family has names on both sides ("Venn" and the
    // transliteration after, "Tavo B. Karsk" before).
    let (old, new): (Vec<_>, Vec<_>) = all.iter().cloned().partition(|(n, _)| {
        n.starts_with("venn")
            || n.starts_with("karsk1")
            || n.starts_with("front1")
            || n.starts_with("rell-pia")
    });
    assert!(!old.is_empty() && !new.is_empty());
    // Same paths as the whole build, so the evidence names the same files.
    let old_dir = tempfile::tempdir().unwrap();
    let saved = old_dir.path().join("old.json");
    let old_paths: Vec<std::path::PathBuf> =
        old.iter().map(|(n, _)| whole.path().join(n)).collect();
    let new_paths: Vec<std::path::PathBuf> =
        new.iter().map(|(n, _)| whole.path().join(n)).collect();
    let refs: Vec<&Path> = old_paths.iter().map(|p| p.as_path()).collect();
    let first = build(&refs, &[]);
    std::fs::write(&saved, serde_json::to_vec_pretty(&first).unwrap()).unwrap();
    let mut refs: Vec<&Path> = vec![saved.as_path()];
    refs.extend(new_paths.iter().map(|p| p.as_path()));
    let grown = build(&refs, &[]);
    assert_eq!(
        serde_json::to_string_pretty(&grown).unwrap(),
        serde_json::to_string_pretty(&one).unwrap()
    );
    // Idempotent: the whole graph read back alone is itself.
    let again_path = old_dir.path().join("whole.json");
    std::fs::write(&again_path, serde_json::to_vec_pretty(&one).unwrap()).unwrap();
    let again = build(&[again_path.as_path()], &[]);
    assert_eq!(again, one);
}

/// The real PolNeAR dev graph: one Donald Trump, one Barack Obama, their
/// relatives apart.
#[test]
fn polnear_dev_people_are_one_node_each() {
    let Some(dir) = common::tools::shared("corpus/polnear/dev") else {
        return;
    };
    let g = build(&[dir.as_path()], &[]);
    let names = ids(&g);
    let trump = joined(&g, "Donald Trump");
    assert!(
        trump.iter().any(|(n, _)| n == "Donald J. Trump"),
        "{trump:?}"
    );
    assert!(trump.iter().any(|(n, _)| n == "Trump"), "{trump:?}");
    let obama = joined(&g, "Barack Obama");
    assert!(obama.iter().any(|(n, _)| n == "Obama"), "{obama:?}");
    for gone in ["Donald J. Trump", "Trump", "Obama"] {
        assert!(node(&g, gone).is_none(), "{gone} is still a node");
    }
    for apart in [
        "Ivana Trump",
        "Ivanka Trump",
        "Melania Trump",
        "Michelle Obama",
    ] {
        assert!(names.iter().any(|n| n == apart), "{apart} missing");
        assert!(joined(&g, apart)
            .iter()
            .all(|(n, _)| n != "Trump" && n != "Obama"));
    }
}

/// The seed graph: al-Qaeda's spellings one node, IPS with Inter Press
/// Service, no false link through "his".
#[test]
fn seed_organizations_are_one_node_each() {
    let Some(dir) = common::tools::shared("corpus/seeds") else {
        return;
    };
    let g = build(&[dir.as_path()], &[]);
    let names = ids(&g);
    let qaeda: Vec<&String> = names
        .iter()
        .filter(|n| n.to_lowercase().contains("qa'ida") || n.to_lowercase().contains("qaeda"))
        .collect();
    assert_eq!(qaeda.len(), 1, "{qaeda:?}");
    assert!(node(&g, "IPS").is_none(), "{names:?}");
    assert!(joined(&g, "Inter Press Service")
        .iter()
        .any(|(n, _)| n == "IPS"));
    // "Powell and his deputy, Richard Armitage": Powell's deputy, so no
    // link from Leverett (named before) to Armitage.
    for e in g["edges"].as_array().unwrap() {
        let ends = [e["source"].as_str().unwrap(), e["target"].as_str().unwrap()];
        assert!(
            !(ends.contains(&"Flynt Leverett") && ends.contains(&"Richard Armitage")),
            "{e}"
        );
    }
}

/// The seed graph's nodes as issue 13 asks: the actors it names are
/// there, whole, and the junk is not (a headline's adjective and noun, a
/// town with its state, a name cut off a longer one, the epigraph's
/// credit).
#[test]
fn seed_actors_are_whole_and_junk_is_gone() {
    let Some(dir) = common::tools::shared("corpus/seeds") else {
        return;
    };
    let g = build(&[dir.as_path()], &[]);
    let names = ids(&g);
    for want in [
        "Zalmay Khalilzad",
        "Mujahedin e-Khalq",
        "Islamic Jihad",
        "Hillary Mann Leverett",
        "Woodrow Wilson International Center for Scholars",
    ] {
        assert!(node(&g, want).is_some(), "{want} missing: {names:?}");
    }
    let mek = &node(&g, "Mujahedin e-Khalq").unwrap()["aliases"];
    assert!(mek.as_array().unwrap().iter().any(|a| a == "MEK"), "{mek}");
    for junk in [
        "Bad News",
        "Green Bank",
        "Obama",
        "Hillary Mann",
        "Center",
        "Wilson",
        "Johann Wolfgang",
    ] {
        assert!(node(&g, junk).is_none(), "{junk} is a node: {names:?}");
    }
}

/// Joining names rebuilds the graph: the roots its evidence may be read
/// back from are kept, so `between` can still show the sentences.
#[test]
fn joining_names_keeps_the_graphs_roots() {
    let dir = corpus(&[
        (
            "a.txt".into(),
            "Senator Tamsin J. Hale met Paulo Brandt in Lisbon on Monday.\n".into(),
        ),
        (
            "b.txt".into(),
            "Tamsin Hale met Paulo Brandt again in Porto on Friday.\n".into(),
        ),
    ]);
    let g = build(&[dir.path()], &[]);
    assert!(
        node(&g, "Tamsin Hale").is_some() || node(&g, "Tamsin J. Hale").is_some(),
        "{}",
        ids(&g).join(", ")
    );
    let roots: Vec<&str> = g["roots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(roots, [dir.path().display().to_string()]);
}
