use super::*;
use crate::graph::{GraphOptions, Node};
use std::collections::BTreeSet;

/// A graph given by hand: nodes `(id, aliases)`, edges `(a, b, kind, weight)`.
fn hand(nodes: &[(&str, &[&str])], edges: &[(&str, &str, EdgeKind, u64)]) -> ActorGraph {
    let mut g = ActorGraph::new(GraphOptions::default());
    for (id, aliases) in nodes {
        g.insert_node(Node {
            id: (*id).into(),
            kind: ActorKind::Person,
            mentions: id.len() as u64,
            documents: 1,
            aliases: aliases
                .iter()
                .map(|s| s.to_string())
                .collect::<BTreeSet<_>>(),
            joined: Vec::new(),
            kinds: Default::default(),
            seen: Default::default(),
        });
    }
    for (i, &(a, b, kind, w)) in edges.iter().enumerate() {
        let ev = [Evidence {
            doc: "d.txt".into(),
            start: i * 10,
            end: i * 10 + 5,
            ..Default::default()
        }];
        g.add_edge(g.node(a).unwrap(), g.node(b).unwrap(), kind, w, &ev);
    }
    g
}

use EdgeKind::{Attribution as At, Cooccurrence as Co};

fn sample() -> ActorGraph {
    hand(
        &[
            ("Ines Varga", &["Varga", "Ines Varga"]),
            ("Tavi Renn", &["Renn"]),
            ("Olek Sarno", &["Sarno"]),
            ("Mira Quell", &["Quell"]),
            ("Bruno Attal", &["Attal"]),
            ("Dana Varga", &["Varga"]),
            ("Lio Prent", &[]),
        ],
        &[
            ("Ines Varga", "Tavi Renn", Co, 3),
            ("Tavi Renn", "Olek Sarno", Co, 1),
            ("Olek Sarno", "Mira Quell", Co, 2),
            ("Ines Varga", "Olek Sarno", At, 1),
            ("Dana Varga", "Lio Prent", Co, 1),
        ],
    )
}

fn ids(g: &ActorGraph, v: &[NodeIndex]) -> Vec<String> {
    v.iter().map(|&n| g.graph[n].id.clone()).collect()
}

#[test]
fn names_resolve_or_explain() {
    let g = sample();
    for (name, want) in [
        ("ines varga", "Ines Varga"),
        ("RENN", "Tavi Renn"),
        ("  quell ", "Mira Quell"),
        ("Dana Varga", "Dana Varga"),
    ] {
        assert_eq!(g.graph[find(&g, name).unwrap()].id, want, "{name}");
    }
    // Exact case first: two ids that differ only in case stay apart.
    let twins = hand(
        &[("Tavi Renn", &[]), ("TAvi Renn", &[]), ("Renn", &["Tavi"])],
        &[],
    );
    for (name, want) in [
        ("Tavi Renn", "Tavi Renn"),
        ("TAvi Renn", "TAvi Renn"),
        ("renn", "Renn"),
        ("tavi", "Renn"),
    ] {
        assert_eq!(twins.graph[find(&twins, name).unwrap()].id, want, "{name}");
    }
    assert!(
        matches!(find(&twins, "tavi renn"), Err(QueryError::Ambiguous { candidates, .. }) if candidates.len() == 2)
    );
    match find(&g, "varga") {
        Err(QueryError::Ambiguous { candidates, .. }) => {
            assert_eq!(candidates, ["Dana Varga", "Ines Varga"])
        }
        other => panic!("{other:?}"),
    }
    // A surname that the resolver gave to one actor also names the other
    // actor whose id ends with it.
    let kin = hand(
        &[
            ("Osric Telm", &["Osric Telm", "Telm"]),
            ("Wanda Ruiz Telm", &["Wanda Ruiz Telm"]),
            ("Telmar Group", &["Telm Group"]),
        ],
        &[],
    );
    match find(&kin, "telm") {
        Err(e @ QueryError::Ambiguous { .. }) => assert_eq!(
            e.to_string(),
            "\"telm\" is ambiguous: it names Osric Telm, Wanda Ruiz Telm; give the full id"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        kin.graph[find(&kin, "Osric Telm").unwrap()].id,
        "Osric Telm"
    );
    match find(&g, "Ines Vargas") {
        Err(QueryError::NotFound { candidates, .. }) => {
            assert_eq!(candidates.first().map(String::as_str), Some("Ines Varga"))
        }
        other => panic!("{other:?}"),
    }
    match find(&g, "Sarn") {
        Err(e @ QueryError::NotFound { .. }) => {
            assert!(e.to_string().contains("closest: Olek Sarno"))
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(find(&g, "Zebulon Quarx"), Err(QueryError::NotFound { candidates, .. }) if candidates.is_empty())
    );
}

#[test]
fn edit_distances() {
    for (a, b, d) in [
        ("", "", 0),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
        ("varga", "vargas", 1),
        ("renn", "rent", 1),
    ] {
        assert_eq!(edit_distance(a, b), d, "{a} {b}");
    }
}

#[test]
fn neighbours_by_kind_and_weight() {
    let g = sample();
    let ines = find(&g, "Ines Varga").unwrap();
    let got: Vec<(String, EdgeKind, u64, Way)> = neighbours(&g, ines, None, 0)
        .into_iter()
        .map(|n| (n.id, n.kind, n.weight, n.direction))
        .collect();
    assert_eq!(
        got,
        [
            ("Tavi Renn".into(), Co, 3, Way::Both),
            ("Olek Sarno".into(), At, 1, Way::Out)
        ]
    );
    let olek = find(&g, "Olek Sarno").unwrap();
    let cases: [(Option<EdgeKind>, u64, &[&str]); 4] = [
        (None, 0, &["Mira Quell", "Ines Varga", "Tavi Renn"]),
        (Some(Co), 0, &["Mira Quell", "Tavi Renn"]),
        (Some(At), 0, &["Ines Varga"]),
        (None, 2, &["Mira Quell"]),
    ];
    for (kind, min, want) in cases {
        let got: Vec<String> = neighbours(&g, olek, kind, min)
            .into_iter()
            .map(|n| n.id)
            .collect();
        assert_eq!(got, want, "{kind:?} {min}");
    }
    assert_eq!(neighbours(&g, olek, Some(At), 0)[0].direction, Way::In);
}

#[test]
fn shortest_paths() {
    let g = sample();
    let n = |s| find(&g, s).unwrap();
    type Case<'a> = (&'a str, &'a str, Option<EdgeKind>, Option<&'a [&'a str]>);
    let cases: [Case; 5] = [
        (
            "Ines Varga",
            "Mira Quell",
            None,
            Some(&["Ines Varga", "Olek Sarno", "Mira Quell"]),
        ),
        (
            "Ines Varga",
            "Mira Quell",
            Some(Co),
            Some(&["Ines Varga", "Tavi Renn", "Olek Sarno", "Mira Quell"]),
        ),
        (
            "Mira Quell",
            "Ines Varga",
            None,
            Some(&["Mira Quell", "Olek Sarno", "Ines Varga"]),
        ),
        ("Ines Varga", "Ines Varga", None, Some(&["Ines Varga"])),
        ("Ines Varga", "Lio Prent", None, None),
    ];
    for (a, b, kind, want) in cases {
        let got = shortest_path(&g, n(a), n(b), kind);
        assert_eq!(
            got.as_ref().map(|(p, _)| ids(&g, p)),
            want.map(|w| w.iter().map(|s| s.to_string()).collect()),
            "{a} {b}"
        );
        if let Some((p, e)) = got {
            assert_eq!(e.len(), p.len() - 1);
        }
    }
    let (_, e) = shortest_path(&g, n("Ines Varga"), n("Mira Quell"), None).unwrap();
    let kinds: Vec<EdgeKind> = e.iter().map(|&e| g.graph[e].kind).collect();
    assert_eq!(kinds, [At, Co]);
}

#[test]
fn links_between_both_kinds() {
    let g = hand(
        &[("A", &[]), ("B", &[])],
        &[("A", "B", Co, 2), ("B", "A", At, 1), ("A", "B", At, 4)],
    );
    let (a, b) = (g.node("A").unwrap(), g.node("B").unwrap());
    let got: Vec<(String, String, EdgeKind, u64)> = links_between(&g, a, b)
        .into_iter()
        .map(|e| link(&g, e))
        .map(|l| (l.source, l.target, l.kind, l.weight))
        .collect();
    assert_eq!(
        got,
        [
            ("A".into(), "B".into(), Co, 2),
            ("A".into(), "B".into(), At, 4),
            ("B".into(), "A".into(), At, 1)
        ]
    );
    assert_eq!(links_between(&g, b, a).len(), 3);
}

#[test]
fn betweenness_on_known_graphs() {
    // Star: the centre lies on every path between two of its 4 leaves.
    let star = hand(
        &[
            ("C", &[]),
            ("L1", &[]),
            ("L2", &[]),
            ("L3", &[]),
            ("L4", &[]),
        ],
        &[
            ("C", "L1", Co, 1),
            ("C", "L2", Co, 1),
            ("L3", "C", At, 1),
            ("C", "L4", Co, 5),
        ],
    );
    // Path P1-P2-P3-P4, with a second link P2-P3 that must not count twice.
    let path = hand(
        &[("P1", &[]), ("P2", &[]), ("P3", &[]), ("P4", &[])],
        &[
            ("P1", "P2", Co, 1),
            ("P2", "P3", Co, 1),
            ("P2", "P3", At, 1),
            ("P3", "P4", Co, 1),
        ],
    );
    // Square A-B-D, A-C-D: B and C share the two A..D paths.
    let square = hand(
        &[("A", &[]), ("B", &[]), ("C", &[]), ("D", &[])],
        &[
            ("A", "B", Co, 1),
            ("B", "D", Co, 1),
            ("A", "C", Co, 1),
            ("C", "D", Co, 1),
        ],
    );
    let cases: [(&ActorGraph, &[(&str, f64)]); 4] = [
        (&star, &[("C", 6.0), ("L1", 0.0), ("L4", 0.0)]),
        (&path, &[("P1", 0.0), ("P2", 2.0), ("P3", 2.0), ("P4", 0.0)]),
        (&square, &[("A", 0.5), ("B", 0.5), ("C", 0.5), ("D", 0.5)]),
        (
            &sample(),
            &[
                ("Olek Sarno", 2.0),
                ("Ines Varga", 0.0),
                ("Tavi Renn", 0.0),
                ("Lio Prent", 0.0),
            ],
        ),
    ];
    for (g, want) in cases {
        let bc = betweenness(g);
        for &(id, v) in want {
            assert!(
                (bc[&g.node(id).unwrap()] - v).abs() < 1e-9,
                "{id}: {} != {v}",
                bc[&g.node(id).unwrap()]
            );
        }
    }
}

#[test]
fn top_by_each_measure() {
    let g = sample();
    let cases: [(RankBy, &[&str]); 4] = [
        (RankBy::Degree, &["Olek Sarno", "Ines Varga", "Tavi Renn"]),
        (RankBy::Weight, &["Ines Varga", "Olek Sarno", "Tavi Renn"]),
        (
            RankBy::Mentions,
            &["Bruno Attal", "Dana Varga", "Ines Varga"],
        ),
        (
            RankBy::Betweenness,
            &["Olek Sarno", "Bruno Attal", "Dana Varga"],
        ),
    ];
    for (by, want) in cases {
        let got: Vec<String> = top(&g, by, 3).into_iter().map(|r| r.id).collect();
        assert_eq!(got, want, "{by:?}");
    }
    let olek = top(&g, RankBy::Degree, 1).remove(0);
    assert_eq!((olek.degree, olek.weight, olek.betweenness), (3, 4, None));
}

#[test]
fn speech_both_ways() {
    let g = hand(
        &[("A", &[]), ("B", &[]), ("C", &[])],
        &[
            ("A", "B", At, 2),
            ("C", "B", At, 3),
            ("B", "A", At, 1),
            ("A", "C", Co, 9),
        ],
    );
    let n = |s| g.node(s).unwrap();
    let who = |v: Vec<Speech>| v.into_iter().map(|s| (s.id, s.weight)).collect::<Vec<_>>();
    assert_eq!(
        who(said_about(&g, n("B"))),
        [("C".into(), 3), ("A".into(), 2)]
    );
    assert_eq!(who(said_by(&g, n("B"))), [("A".into(), 1)]);
    assert_eq!(who(said_by(&g, n("C"))), [("B".into(), 3)]);
    assert!(said_about(&g, n("C")).is_empty());
}

#[test]
fn ego_graphs_by_depth() {
    let g = sample();
    let ines = find(&g, "Ines Varga").unwrap();
    let cases: [(usize, &[&str], usize); 3] = [
        (0, &["Ines Varga"], 0),
        (1, &["Ines Varga", "Olek Sarno", "Tavi Renn"], 3),
        (
            2,
            &["Ines Varga", "Mira Quell", "Olek Sarno", "Tavi Renn"],
            4,
        ),
    ];
    for (depth, want, edges) in cases {
        let e = ego(&g, ines, depth);
        assert_eq!(
            ids(&e, &e.sorted_nodes()),
            want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "depth {depth}"
        );
        assert_eq!(e.edge_count(), edges, "depth {depth}");
    }
}
