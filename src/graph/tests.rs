use super::*;
use crate::ingest::Document;
use crate::mentions::Via;
use crate::pipeline::DocRecord;
use crate::pipeline::Extractor;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::collections::BTreeSet;

fn graph(texts: &[(&str, &str)], options: GraphOptions) -> ActorGraph {
    let ex = Extractor::new();
    let mut g = ActorGraph::new(options);
    for (name, t) in texts {
        g.add_record(&ex.extract(&Document::from_text(*name, *t)));
    }
    g
}

fn edge(g: &ActorGraph, a: &str, b: &str, kind: EdgeKind) -> Option<Edge> {
    let (a, b) = (g.node(a)?, g.node(b)?);
    g.graph
        .edges_connecting(a, b)
        .chain(g.graph.edges_connecting(b, a))
        .find(|e| e.weight().kind == kind)
        .map(|e| e.weight().clone())
}

#[test]
fn cooccurrence_and_attribution() {
    let t = "Ines Varga met Paulo Brandt in Lisbon. Varga said Brandt was tired. Brandt left.";
    let g = graph(&[("a.txt", t)], GraphOptions::default());
    let co = edge(&g, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).unwrap();
    assert_eq!(co.weight, 2);
    assert_eq!(co.evidence.len(), 2);
    let ev = &co.evidence[0];
    assert_eq!(
        &t[ev.start..ev.end],
        "Ines Varga met Paulo Brandt in Lisbon."
    );
    let at = edge(&g, "Ines Varga", "Paulo Brandt", EdgeKind::Attribution).unwrap();
    assert_eq!(at.weight, 1);
    assert_eq!(g.graph[g.node("Paulo Brandt").unwrap()].mentions, 3);
}

/// The plan made straight from an analysis is the plan of the
/// document's record, for every window and option, and adding plans
/// gives what adding records gives.
#[test]
fn plan_from_analysis_matches_plan_from_record() {
    let texts = [
            "Ines Varga met Paulo Brandt in Lisbon. Varga said Brandt was tired. Brandt left.",
            "Mara Quell spoke first.\n\nThen Tobin Quell arrived with Ines Varga. Quell said he was tired.",
            "\"We cannot wait,\" said Tavi Renn of the Copper Valley Council. Renn told Olek Sarno that she would go.",
            "Senior harbour officials said Paulo Brandt would resign. A new poll shows Ines Varga ahead of Brandt.",
            "",
        ];
    let ex = Extractor::new();
    let extra = [(false, 0), (true, 0), (true, 70)];
    for window in [Window::Sentence, Window::Paragraph] {
        for names_only in [false, true] {
            for (max_evidence, (anonymous_sources, min_confidence)) in
                [1, 5].into_iter().zip(extra).chain([(5, extra[2])])
            {
                let options = GraphOptions {
                    window,
                    max_evidence,
                    names_only,
                    anonymous_sources,
                    min_confidence,
                    ..GraphOptions::default()
                };
                let mut by_record = ActorGraph::new(options.clone());
                let mut by_plan = ActorGraph::new(options.clone());
                for (i, t) in texts.iter().enumerate() {
                    let doc = Document::from_text(format!("d{i}.txt"), *t);
                    let a = ex.analyze(&doc);
                    let rec = DocRecord::new(&doc, &a);
                    let plan = RecordPlan::from_analysis(&doc, &a, &options);
                    assert_eq!(plan, RecordPlan::new(&rec, &options), "{t:?}");
                    by_record.add_record(&rec);
                    by_plan.add_plan(plan);
                }
                assert_eq!(contents(&by_plan), contents(&by_record));
                assert!(by_plan.edge_count() > 0);
            }
        }
    }
}

#[test]
fn same_name_across_documents_is_one_node() {
    let g = graph(
        &[
            ("a.txt", "Ines Varga spoke."),
            ("b.txt", "Ines Varga wrote again."),
        ],
        GraphOptions::default(),
    );
    assert_eq!(g.node_count(), 1);
    assert_eq!(g.graph[g.node("Ines Varga").unwrap()].documents, 2);
}

#[test]
fn paragraph_window_and_evidence_cap() {
    let t = "Ines Varga arrived. Paulo Brandt waited.\n\nNothing else.";
    let s = graph(&[("a.txt", t)], GraphOptions::default());
    assert!(edge(&s, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).is_none());
    let p = graph(
        &[("a.txt", t)],
        GraphOptions {
            window: Window::Paragraph,
            ..GraphOptions::default()
        },
    );
    assert!(edge(&p, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).is_some());
    let many = "Ines Varga met Paulo Brandt. ".repeat(9);
    let c = graph(
        &[("a.txt", &many)],
        GraphOptions {
            max_evidence: 3,
            ..GraphOptions::default()
        },
    );
    let e = edge(&c, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).unwrap();
    assert_eq!((e.weight, e.evidence.len()), (9, 3));
}

/// Nodes and edges come in the order plain stable sorts by id and by
/// (kind, source id, target id) give, ids sharing long openings,
/// repeated ids and parallel edges included.
#[test]
fn sorted_orders_match_plain_sorts() {
    let ids = [
        "Ines Varga-Okafor",
        "Ines Varga",
        "Ines Var",
        "Ines",
        "",
        "Ines\0",
        "Ines Varga",
        "Ábel Renn",
        "Tavi Renn",
        "Ines Varga Okafor",
    ];
    let mut g = ActorGraph::new(GraphOptions::default());
    // By hand, so that an id may repeat.
    let ns: Vec<NodeIndex> = ids
        .iter()
        .map(|id| {
            g.graph.add_node(Node {
                id: (*id).to_owned(),
                kind: ActorKind::Person,
                mentions: 1,
                documents: 1,
                aliases: BTreeSet::new(),
                joined: Vec::new(),
                kinds: Default::default(),
                seen: Default::default(),
            })
        })
        .collect();
    for k in 0..60usize {
        let (a, b) = (ns[(k * 7) % ns.len()], ns[(k * 3 + k / 5) % ns.len()]);
        let kind = if k % 3 == 0 {
            EdgeKind::Attribution
        } else {
            EdgeKind::Cooccurrence
        };
        g.graph.add_edge(
            a,
            b,
            Edge {
                weight: k as u64,
                ..Edge::new(kind)
            },
        );
    }
    let id = |n: NodeIndex| g.graph[n].id.as_str();
    let mut want: Vec<NodeIndex> = g.graph.node_indices().collect();
    want.sort_by(|a, b| id(*a).cmp(id(*b)));
    assert_eq!(g.sorted_nodes(), want);
    let mut want: Vec<EdgeIndex> = g.graph.edge_indices().collect();
    want.sort_by_key(|&e| {
        let (a, b) = g.graph.edge_endpoints(e).unwrap();
        (g.graph[e].kind, id(a), id(b))
    });
    assert_eq!(g.sorted_edges(), want);
}

/// Graph contents, independent of node and edge indices.
fn contents(g: &ActorGraph) -> (Vec<Node>, Vec<(String, String, Edge)>) {
    let nodes = g
        .sorted_nodes()
        .into_iter()
        .map(|n| g.graph[n].clone())
        .collect();
    let edges = g
        .sorted_edges()
        .into_iter()
        .map(|e| {
            let (a, b) = g.graph.edge_endpoints(e).unwrap();
            (
                g.graph[a].id.clone(),
                g.graph[b].id.clone(),
                g.graph[e].clone(),
            )
        })
        .collect();
    (nodes, edges)
}

const NAMES: [&str; 5] = [
    "Ines Varga",
    "Tavi Renn",
    "Olek Sarno",
    "Mira Quell",
    "Bruno Attal",
];

fn sentence(kind: u8, a: usize, b: usize) -> String {
    let (a, b) = (NAMES[a], NAMES[b]);
    match kind % 3 {
        0 => format!("{a} met {b} at the harbour."),
        1 => format!("{a} said that {b} would resign soon."),
        _ => format!("{a} waited alone."),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn merging_is_associative_and_equals_one_build(
        docs in proptest::collection::vec(proptest::collection::vec((0u8..3, 0usize..5, 0usize..5), 1..4), 1..6),
        cut1 in 0usize..6,
        cut2 in 0usize..6,
        cap in 1usize..4,
    ) {
        let ex = Extractor::new();
        let records: Vec<DocRecord> = docs
            .iter()
            .enumerate()
            .map(|(i, sents)| {
                let text: Vec<String> = sents.iter().map(|&(k, a, b)| sentence(k, a, b)).collect();
                ex.extract(&Document::from_text(format!("d{i}.txt"), text.join(" ")))
            })
            .collect();
        let options = GraphOptions { max_evidence: cap, ..GraphOptions::default() };
        let build = |recs: &[DocRecord]| {
            let mut g = ActorGraph::new(options.clone());
            for r in recs {
                g.add_record(r);
            }
            g
        };
        let (lo, hi) = (cut1.min(cut2).min(records.len()), cut1.max(cut2).min(records.len()));
        let whole = build(&records);
        let (a, b, c) = (build(&records[..lo]), build(&records[lo..hi]), build(&records[hi..]));
        let mut left = a.clone();
        left.merge(&b);
        left.merge(&c);
        let mut bc = b.clone();
        bc.merge(&c);
        let mut right = a.clone();
        right.merge(&bc);
        proptest::prop_assert_eq!(contents(&left), contents(&whole));
        proptest::prop_assert_eq!(contents(&right), contents(&whole));
    }
}

#[test]
fn subgraph_keeps_chosen_nodes_and_links() {
    let t =
        "Ines Varga met Dr. Tavi Renn. Tavi Renn met Olek Sarno. Olek Sarno said Ines Varga was right.";
    let g = graph(&[("a.txt", t)], GraphOptions::default());
    let olek = g.node("Olek Sarno").unwrap();
    let s = g.subgraph(|n| n != olek, |_| true);
    assert_eq!(s.node_count(), 2);
    assert_eq!(s.edge_count(), 1);
    assert!(s.node("Olek Sarno").is_none());
    let co = g.subgraph(|_| true, |e| g.graph[e].kind == EdgeKind::Cooccurrence);
    assert_eq!(co.edge_count(), g.edge_count() - 1);
    let ines = g.node("Ines Varga").unwrap();
    let ids: Vec<&str> = g
        .neighbours(ines)
        .into_iter()
        .map(|n| g.graph[n].id.as_str())
        .collect();
    assert_eq!(ids, ["Olek Sarno", "Tavi Renn"]);
}

#[test]
fn oversized_windows_are_lists_with_linear_links() {
    use crate::pipeline::{MentionRecord, SentenceRecord};
    let names: Vec<String> = (0..100).map(|i| format!("Actor {i:03}")).collect();
    let mentions = names
        .iter()
        .enumerate()
        .map(|(i, n)| MentionRecord {
            start: i * 10,
            end: i * 10 + 9,
            text: n.clone(),
            actor: n.clone(),
            kind: ActorKind::Person,
            via: Via::Name,
            sentence: 0,
            paragraph: 0,
        })
        .collect();
    let rec = DocRecord {
        doc: "list.txt".into(),
        encoding: crate::ingest::Encoding::Utf8,
        format: crate::ingest::Format::Text,
        mentions,
        attributions: vec![],
        sentences: vec![SentenceRecord {
            start: 0,
            end: 1000,
            paragraph: 0,
        }],
        meta: Default::default(),
    };
    let mut g = ActorGraph::new(GraphOptions::default());
    g.add_record(&rec);
    // Each actor links to the next LIST_REACH (fewer near the end).
    let want: usize = (0..100).map(|i| LIST_REACH.min(99 - i)).sum();
    assert_eq!(g.edge_count(), want);
    assert!(edge(&g, "Actor 000", "Actor 010", EdgeKind::Cooccurrence).is_some());
    assert!(edge(&g, "Actor 000", "Actor 011", EdgeKind::Cooccurrence).is_none());
    // A window at the limit still links every pair.
    let small = DocRecord {
        mentions: rec.mentions[..MAX_WINDOW_ACTORS].to_vec(),
        ..rec.clone()
    };
    let mut g = ActorGraph::new(GraphOptions::default());
    g.add_record(&small);
    assert_eq!(
        g.edge_count(),
        MAX_WINDOW_ACTORS * (MAX_WINDOW_ACTORS - 1) / 2
    );
}

/// Dated documents from two outlets, one carrying a copy from a third.
fn dated_docs() -> Vec<Document> {
    let texts = [
        (
            "hw-1",
            "2016-01-12",
            "Harbor Wire",
            "Ines Varga met Paulo Brandt in Porto. Varga said Brandt was tired.",
        ),
        (
            "cp-1",
            "2016-01-30T08:00:00Z",
            "Coastal Post",
            "Paulo Brandt and Olek Sarno spoke in Braga. Sarno said Brandt was late.",
        ),
        (
            "hw-2",
            "2016-03-02",
            "Harbor Wire",
            "Ines Varga thanked Olek Sarno. Varga said Sarno had \"done well\".",
        ),
        (
            "cp-2",
            "2016-07-19",
            "Coastal Post",
            "Olek Sarno met Ines Varga and Paulo Brandt at the port.",
        ),
        (
            "hw-3",
            "2016-07-20",
            "Harbor Wire",
            "Tavi Renn criticised Ines Varga. Renn said Varga was wrong.",
        ),
    ];
    texts
        .iter()
        .map(|&(id, date, source, text)| {
            let mut d = Document::from_text(format!("{id}.txt"), text);
            d.meta.id = Some(id.into());
            d.meta.date = Some(date.into());
            d.meta.source = Some(source.into());
            if id == "cp-2" {
                d.meta.copies = vec![crate::ingest::DocCopy {
                    id: "bay-9".into(),
                    source: Some("Bay Courier".into()),
                    date: Some("2016-07-21".into()),
                }];
            }
            d
        })
        .collect()
}

/// A graph of some of the documents, added in the order given.
fn built(docs: &[&Document], options: &GraphOptions) -> ActorGraph {
    let ex = Extractor::new();
    let mut g = ActorGraph::new(options.clone());
    for d in docs {
        g.add_plan(RecordPlan::from_analysis(d, &ex.analyze(d), options));
    }
    g
}

/// Everything a graph holds, in a fixed order, to compare graphs.
type Canon = (
    Vec<Node>,
    Vec<(String, String, Edge)>,
    BTreeSet<String>,
    HeldDocs,
);

fn canon(g: &ActorGraph) -> Canon {
    let (nodes, edges) = g.sorted();
    let edges = edges
        .into_iter()
        .map(|e| {
            let (a, b) = g.graph.edge_endpoints(e).unwrap();
            (
                g.graph[a].id.clone(),
                g.graph[b].id.clone(),
                g.graph[e].clone(),
            )
        })
        .collect();
    let nodes = nodes.into_iter().map(|n| g.graph[n].clone()).collect();
    (nodes, edges, g.roots().clone(), g.held().clone())
}

/// Call `f` with every permutation of `v[k..]` (by swaps).
fn permute(v: &mut [usize], k: usize, f: &mut impl FnMut(&[usize])) {
    if k == v.len() {
        f(v);
        return;
    }
    for i in k..v.len() {
        v.swap(k, i);
        permute(v, k + 1, f);
        v.swap(k, i);
    }
}

/// Every order of the documents, and every split merged either way round,
/// gives the same graph; merging is associative.
#[test]
fn merge_is_commutative_and_associative() {
    let docs = dated_docs();
    let options = GraphOptions {
        max_evidence: 2,
        ..GraphOptions::default()
    };
    let all: Vec<&Document> = docs.iter().collect();
    let want = canon(&built(&all, &options));
    assert!(want.1.len() >= 4, "the fixture links actors");
    // Every order of the five documents (plans made once, added in turn).
    let ex = Extractor::new();
    let plans: Vec<RecordPlan> = all
        .iter()
        .map(|d| RecordPlan::from_analysis(d, &ex.analyze(d), &options))
        .collect();
    let mut order: Vec<usize> = (0..plans.len()).collect();
    let mut orders = 0;
    permute(&mut order, 0, &mut |o| {
        let mut g = ActorGraph::new(options.clone());
        for &i in o {
            g.add_plan(plans[i].clone());
        }
        assert_eq!(canon(&g), want, "order {o:?}");
        orders += 1;
    });
    assert_eq!(orders, 120);
    for cut in 1..docs.len() {
        let (a, b) = (built(&all[..cut], &options), built(&all[cut..], &options));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(canon(&ab), want, "split at {cut}");
        assert_eq!(canon(&ba), want, "split at {cut}, merged the other way");
    }
    let parts: Vec<ActorGraph> = all.chunks(2).map(|c| built(c, &options)).collect();
    let mut left = parts[0].clone();
    left.merge(&parts[1]);
    left.merge(&parts[2]);
    let mut right = parts[1].clone();
    right.merge(&parts[2]);
    let mut right_all = parts[0].clone();
    right_all.merge(&right);
    assert_eq!(canon(&left), canon(&right_all));
    assert_eq!(canon(&left), want);
}

/// Nodes and links count documents, outlets (copies' too), first and last
/// seen and per-month counts; evidence carries the document id and day.
#[test]
fn support_and_time_are_counted() {
    let docs = dated_docs();
    let all: Vec<&Document> = docs.iter().collect();
    let g = built(&all, &GraphOptions::default());
    let varga = &g.graph[g.node("Ines Varga").unwrap()];
    assert_eq!(varga.documents, 4);
    let outlets: Vec<&str> = varga.seen.outlets.iter().map(String::as_str).collect();
    assert_eq!(outlets, ["Bay Courier", "Coastal Post", "Harbor Wire"]);
    assert_eq!(varga.seen.first.as_deref(), Some("2016-01-12"));
    assert_eq!(varga.seen.last.as_deref(), Some("2016-07-20"));
    let months: Vec<&str> = varga.seen.periods.keys().map(String::as_str).collect();
    assert_eq!(months, ["2016-01", "2016-03", "2016-07"]);
    assert_eq!(varga.seen.periods.values().sum::<u64>(), varga.mentions);
    let co = edge(&g, "Ines Varga", "Paulo Brandt", EdgeKind::Cooccurrence).unwrap();
    assert_eq!(co.documents, 2);
    assert_eq!(co.measure(Measure::Outlets), 3);
    assert_eq!(co.seen.periods.values().sum::<u64>(), co.weight);
    let ev = &co.evidence[0];
    assert_eq!(ev.doc, "cp-2");
    assert_eq!(ev.file(), Some("cp-2.txt"));
    assert_eq!(ev.date(), Some("2016-07-19"));
    // The copy is held with its original.
    assert!(g.held().contains("bay-9") && g.held().contains("hw-1"));
    assert_eq!(g.held().len(), 6);
    let weekly = built(
        &all,
        &GraphOptions {
            period: Period::Week,
            ..GraphOptions::default()
        },
    );
    let varga = &weekly.graph[weekly.node("Ines Varga").unwrap()];
    assert!(varga.seen.periods.contains_key("2016-W02"));
}

/// A node's kind is the one with the most mentions, whatever the order
/// the counts come in; ties go to person.
#[test]
fn node_kind_by_most_mentions() {
    use crate::mentions::ActorKind::{Organization as O, Person as P};
    let counts = [(P, 2), (O, 3), (P, 2), (O, 1)];
    let mut kinds = Vec::new();
    for k in 0..counts.len() {
        let mut n = Node::new("Harbor", counts[k].0);
        for &(kind, m) in counts[k..].iter().chain(&counts[..k]) {
            n.add_mentions(kind, m);
        }
        kinds.push((n.kind, n.kinds.clone()));
    }
    assert!(kinds.iter().all(|k| *k == kinds[0]));
    assert_eq!(kinds[0].0, P);
    let mut n = Node::new("Harbor", O);
    for (kind, m) in [(O, 2), (P, 2)] {
        n.add_mentions(kind, m);
    }
    assert_eq!(n.kind, P, "a tie goes to person");
}

/// The identity pass keeps a node's counts by kind, on the node it
/// leaves alone and on one it joins names into.
#[test]
fn identity_keeps_counts_by_kind() {
    use crate::mentions::ActorKind::{Organization as O, Person as P};
    let mut g = ActorGraph::new(GraphOptions::default());
    let mut harbor = Node::new("Harbor", P);
    for (kind, m) in [(P, 1), (O, 2)] {
        harbor.add_mentions(kind, m);
    }
    g.insert_node(harbor);
    // Two names the pass joins, one of them also seen as an organization.
    let mut full = Node::new("Tavi J. Renn", P);
    full.add_mentions(P, 3);
    g.insert_node(full);
    let mut short = Node::new("Tavi Renn", P);
    short.add_mentions(P, 2);
    short.add_mentions(O, 1);
    g.insert_node(short);
    let g = g.identify(
        &crate::resolve::AliasTable::default(),
        &crate::mentions::Lexicon::builtin(),
    );
    let harbor = &g.graph[g.node("Harbor").unwrap()];
    assert_eq!(harbor.kind_counts(), [(P, 1), (O, 2)].into_iter().collect());
    assert_eq!(harbor.kind, O);
    let renn = g
        .sorted_nodes()
        .into_iter()
        .map(|n| &g.graph[n])
        .find(|n| n.id.contains("Renn"))
        .unwrap();
    assert_eq!(renn.mentions, 6, "{renn:?}");
    assert_eq!(renn.kind_counts(), [(P, 5), (O, 1)].into_iter().collect());
    assert_eq!(renn.kind, P);
}

/// A node seen as two kinds keeps its counts by kind through JSON.
#[test]
fn node_kinds_survive_json() {
    use crate::mentions::ActorKind::{Organization as O, Person as P};
    let mut n = Node::new("Harbor", P);
    for (kind, m) in [(P, 1), (O, 2)] {
        n.add_mentions(kind, m);
    }
    let j = serde_json::to_string(&n).unwrap();
    assert!(
        j.contains(r#""kinds":{"person":1,"organization":2}"#),
        "{j}"
    );
    let back: Node = serde_json::from_str(&j).unwrap();
    assert_eq!(back, n);
    assert_eq!(back.kind, O);
    let mut g = ActorGraph::new(GraphOptions::default());
    g.insert_node(back);
    let mut other = Node::new("Harbor", P);
    other.add_mentions(P, 2);
    g.insert_node(other);
    let merged = &g.graph[g.node("Harbor").unwrap()];
    assert_eq!((merged.kind, merged.mentions), (P, 5));
}

proptest::proptest! {
    /// Nodes of one actor counted in any grouping and merged in any order
    /// end with the same kind and counts by kind.
    #[test]
    fn node_kind_is_order_free(
        counts in proptest::collection::vec((proptest::bool::ANY, 1u64..5), 1..8),
        cut in 0usize..8,
    ) {
        use crate::mentions::ActorKind::{Organization as O, Person as P};
        let kind = |b: bool| if b { P } else { O };
        let cut = cut.min(counts.len());
        let part = |c: &[(bool, u64)]| {
            let mut n = Node::new("Harbor", kind(c.first().is_none_or(|x| x.0)));
            for &(k, m) in c {
                n.add_mentions(kind(k), m);
            }
            n
        };
        let whole = part(&counts);
        let (a, b) = (part(&counts[..cut]), part(&counts[cut..]));
        for (x, y) in [(&a, &b), (&b, &a)] {
            let mut g = ActorGraph::new(GraphOptions::default());
            g.insert_node(x.clone());
            g.insert_node(y.clone());
            let n = &g.graph[g.node("Harbor").unwrap()];
            proptest::prop_assert_eq!(n.kind, whole.kind);
            proptest::prop_assert_eq!(n.mentions, whole.mentions);
            proptest::prop_assert_eq!(n.kind_counts(), whole.kind_counts());
        }
    }
}

/// A link's confidence is exact whatever the order its parts are merged
/// in: best, sum and count; the mean derived.
#[test]
fn confidence_merges_in_any_order() {
    let parts = [[94u8, 69].as_slice(), &[41], &[], &[83, 83, 29]];
    let mut whole = Confidence::default();
    for c in parts.iter().flat_map(|p| p.iter()) {
        whole.add(*c);
    }
    assert_eq!((whole.best(), whole.count, whole.sum), (Some(94), 6, 399));
    assert_eq!(whole.mean(), Some(66.5));
    for order in [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]] {
        let mut merged = Confidence::default();
        for i in order {
            let mut part = Confidence::default();
            for &c in parts[i] {
                part.add(c);
            }
            merged.merge(&part);
        }
        assert_eq!(merged, whole);
    }
    assert_eq!(Confidence::default().best(), None);
    assert_eq!(Confidence::default().mean(), None);
    let json = serde_json::to_string(&whole).unwrap();
    assert_eq!(json, r#"{"best":94,"mean":66.5,"sum":399,"count":6}"#);
    assert_eq!(serde_json::from_str::<Confidence>(&json).unwrap(), whole);
}

/// With `--anonymous-sources`, a group source is a node of its own per
/// document, labelled with its words; without, it makes no node.
#[test]
fn anonymous_sources_are_nodes_per_document() {
    let t = "Senior harbour officials said Paulo Brandt would resign.";
    let texts = [("a.txt", t), ("b.txt", t)];
    let off = graph(&texts, GraphOptions::default());
    assert!(off
        .graph
        .node_weights()
        .all(|n| n.kind != ActorKind::Source));
    let on = graph(
        &texts,
        GraphOptions {
            anonymous_sources: true,
            ..GraphOptions::default()
        },
    );
    let sources: Vec<&Node> = on
        .graph
        .node_weights()
        .filter(|n| n.kind == ActorKind::Source)
        .collect();
    assert_eq!(sources.len(), 2);
    for (n, doc) in sources.iter().zip(["a.txt", "b.txt"]) {
        assert_eq!(n.id, source_id("Senior  harbour officials", doc));
        assert_eq!(n.label(), "Senior harbour officials");
        assert_eq!((n.mentions, n.documents), (1, 1));
        let e = edge(&on, &n.id, "Paulo Brandt", EdgeKind::Attribution).unwrap();
        assert_eq!(e.weight, 1);
        assert_eq!(e.classes.get("report"), Some(&1));
    }
    let mut ids: Vec<&str> = sources.iter().map(|n| n.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 2);
}
