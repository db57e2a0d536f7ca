//! Who is who, end to end: invented articles through the whole pipeline
//! into the graph. Every name here is made up, so only the cues can find
//! them.

use actorgraph::graph::{ActorGraph, GraphOptions};
use actorgraph::ingest::Document;
use actorgraph::mentions::{ActorKind, Via};
use actorgraph::pipeline::{DocRecord, Extractor};

const FIRST: &str = "\
Harbour Talks Stall Again

Foreign Minister Ines Varga met Tobin Quell and his sister, Mrs. Mara Quell, \
in Varnholm on Tuesday. Varga said the talks had failed.

Tobin Quell, 54, disagreed. \"We were close,\" he recalls. Ms. Quell \
declined to comment, and the minister left early.

The Quells plan to return next month. She will not.
";

const SECOND: &str = "\
Ines Varga resigned on Friday. Her deputy, Oskar Brandvold, takes over. \
Brandvold praised Varga.
";

fn record(name: &str, text: &str) -> DocRecord {
    let doc = Document::from_text(name, text);
    let a = Extractor::new().analyze(&doc);
    DocRecord::new(&doc, &a)
}

/// (mention text, nth occurrence, via, expected actor).
#[test]
fn mentions_resolve_to_full_names() {
    let rec = record("first.txt", FIRST);
    let cases: &[(&str, usize, Via, &str)] = &[
        ("Ines Varga", 0, Via::Name, "Ines Varga"),
        ("Varga", 0, Via::Name, "Ines Varga"),
        ("Tobin Quell", 0, Via::Name, "Tobin Quell"),
        ("Mara Quell", 0, Via::Name, "Mara Quell"),
        ("Tobin Quell", 1, Via::Name, "Tobin Quell"),
        ("he", 0, Via::Pronoun, "Tobin Quell"),
        ("Quell", 0, Via::Name, "Mara Quell"),
        ("minister", 0, Via::Nominal, "Ines Varga"),
    ];
    for (text, nth, via, want) in cases {
        let m = rec
            .mentions
            .iter()
            .filter(|m| m.text == *text && m.via == *via)
            .nth(*nth)
            .unwrap_or_else(|| panic!("no mention {text:?} #{nth}"));
        assert_eq!(m.actor, *want, "{text:?} #{nth}");
        assert_eq!(m.kind, ActorKind::Person);
    }
    // No actor for the bare family name, the headline or the place.
    for bad in ["Quell", "Quells", "Harbour Talks Stall", "Varnholm"] {
        assert!(rec.mentions.iter().all(|m| m.actor != bad), "actor {bad:?}");
    }
}

#[test]
fn graph_joins_documents_by_full_name() {
    let mut g = ActorGraph::new(GraphOptions::default());
    g.add_record(&record("first.txt", FIRST));
    g.add_record(&record("second.txt", SECOND));
    for id in ["Ines Varga", "Tobin Quell", "Mara Quell", "Oskar Brandvold"] {
        assert!(g.node(id).is_some(), "node {id:?}");
    }
    for id in ["Quell", "Varga", "Brandvold", "Varnholm"] {
        assert!(g.node(id).is_none(), "node {id:?}");
    }
}

/// The links of a graph: (kind, source, target) to weight, from its JSON.
fn links(g: &ActorGraph) -> std::collections::BTreeMap<(String, String, String), u64> {
    let mut out = Vec::new();
    actorgraph::export::write(g, actorgraph::export::Format::Json, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_owned();
            (
                (s("kind"), s("source"), s("target")),
                e["weight"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// With `names_only`, pronouns and nominals add no co-occurrence: every
/// link of the names-only graph is in the full graph with no more weight,
/// the links between named actors stay, and the full graph counts more.
#[test]
fn names_only_counts_fewer_links() {
    let rec = record("first.txt", FIRST);
    let mut all = ActorGraph::new(GraphOptions::default());
    all.add_record(&rec);
    let mut names = ActorGraph::new(GraphOptions {
        names_only: true,
        ..GraphOptions::default()
    });
    names.add_record(&rec);
    let (all, names) = (links(&all), links(&names));
    for link in [
        ("Ines Varga", "Mara Quell"),
        ("Ines Varga", "Tobin Quell"),
        ("Mara Quell", "Tobin Quell"),
    ] {
        let key = (
            "cooccurrence".to_owned(),
            link.0.to_owned(),
            link.1.to_owned(),
        );
        assert!(
            names.contains_key(&key),
            "names-only link {link:?}: {names:?}"
        );
    }
    for (link, w) in &names {
        assert!(all.get(link).is_some_and(|a| a >= w), "{link:?}: {all:?}");
    }
    // "Ms. Quell declined ..., and the minister left": the minister is Ines
    // Varga by a nominal, which only the full graph counts.
    let im = (
        "cooccurrence".to_owned(),
        "Ines Varga".to_owned(),
        "Mara Quell".to_owned(),
    );
    assert_eq!((all[&im], names[&im]), (2, 1), "{all:?} {names:?}");
    assert!(all.values().sum::<u64>() > names.values().sum::<u64>());
}

/// Headline shapes (as in the issue: "Hillary Clinton Speaks", "Obama
/// Sees", "Chris Christie Calls Hillary Clinton", "Beyond Trump", "Notice
/// Trump", "Say Mexico", "Unlike Patriot", "Universe Alicia Machado",
/// "Mostly False", "Don't"), with invented names: the names in them are
/// found, the headline words around them make no node. A capitalised
/// word opening a sentence before a surname ("Notice Orlow") is told from
/// a given name by the document writing it in lower case elsewhere.
#[test]
fn headline_words_make_no_node() {
    const DOC: &str = "\
Mandy Orlow Speaks \u{2018}Directly To Harbour People\u{2019} After Latest Varnholm Dispute.

Tobin Quell Calls Mandy Orlow \u{2018}Unfit\u{2019} as Harbour Talks Collapse

Beyond Orlow: What Varnland Voters Want Next From Their Parties Now

Mandy Orlow said on Tuesday that the talks had failed. Tobin Quell, 54, disagreed. \
Notice Orlow never answered, and few took notice. \
The ad shows former Miss Varnland Ines Brek. Say Varnholm, and voters nod. \
Unlike Harbour, the town voted. The rating was Mostly False. \
Don't forget it, Orlow said.
";
    let mut g = ActorGraph::new(GraphOptions::default());
    g.add_record(&record("headlines.txt", DOC));
    for id in ["Mandy Orlow", "Tobin Quell", "Ines Brek"] {
        assert!(g.node(id).is_some(), "node {id:?}");
    }
    for id in [
        "Mandy Orlow Speaks",
        "Tobin Quell Calls Mandy Orlow",
        "Beyond Orlow",
        "Notice Orlow",
        "Say Varnholm",
        "Unlike Harbour",
        "Varnland Ines Brek",
        "Mostly False",
        "Don't",
    ] {
        assert!(g.node(id).is_none(), "node {id:?}");
    }
}
