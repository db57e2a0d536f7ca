//! Stage 8: asking a graph questions.
//!
//! Every question starts from actor names, matched by [`find`]:
//! case-insensitively against ids, then aliases; a name that matches no
//! actor, or several, is a [`QueryError`] listing the closest candidates
//! (substring matches first, then by edit distance).
//!
//! | question | function |
//! |---|---|
//! | who is linked to X | [`neighbours`] |
//! | a shortest chain from X to Y | [`shortest_path`] |
//! | every link between X and Y | [`links_between`] |
//! | the most connected actors | [`top`] (degree, weight, mentions, [`betweenness`]) |
//! | who spoke about X / whom X spoke about | [`said_about`], [`said_by`] |
//! | X's neighbourhood as a graph | [`ego`] |
//! | X and Y's links per period | [`pair_timeline`] |
//! | X's mentions and links per period | [`actor_timeline`] |
//!
//! Paths, degrees and betweenness treat the graph as undirected: an
//! attribution link joins speaker and subject both ways.

mod timeline;

pub use timeline::{actor_timeline, pair_timeline, ActorPeriod, PairPeriod, MAX_PERIODS};

use crate::attribution::StatementClass;
use crate::graph::{ActorGraph, Confidence, EdgeKind, Evidence};
use crate::mentions::ActorKind;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// A question that cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// No actor goes by the name.
    #[error("no actor named {name:?}{}", suggest(candidates))]
    NotFound {
        /// The name asked for.
        name: String,
        /// The closest actor ids.
        candidates: Vec<String>,
    },
    /// Several actors go by the name.
    #[error("{name:?} is ambiguous: it names {}; give the full id", candidates.join(", "))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The actors it names.
        candidates: Vec<String>,
    },
    /// The two actors are not connected.
    #[error("no path between {a:?} and {b:?}")]
    NoPath {
        /// From.
        a: String,
        /// To.
        b: String,
    },
    /// No statement class has the name.
    #[error("no statement class {name:?}; the classes are: {classes}")]
    UnknownClass {
        /// The name asked for.
        name: String,
        /// Every class, comma-separated.
        classes: String,
    },
}

fn suggest(c: &[String]) -> String {
    if c.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", c.join(", "))
    }
}

/// Levenshtein distance between two strings, in chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// How many candidates an error lists.
pub const CANDIDATES: usize = 5;

/// The actor a name denotes, looked for in four tiers, the first that
/// matches deciding: an id equal to it; an id equal to it ignoring case; an
/// alias equal to it; an alias equal to it ignoring case. Several actors in
/// the deciding tier make the name ambiguous. An alias that is a partial
/// name (words of its actor's own id, as a surname is) is also ambiguous
/// when it is, word for word, part of another actor's id: "Leverett"
/// names Flynt Leverett by alias, but also Hillary Mann Leverett (the
/// resolver gives a bare surname to one actor, which does not make it that
/// actor's alone).
pub fn find(g: &ActorGraph, name: &str) -> Result<NodeIndex, QueryError> {
    let exact = name.trim();
    let want = exact.to_lowercase();
    let nodes = g.sorted_nodes();
    let tiers: [&dyn Fn(&crate::graph::Node) -> bool; 4] = [
        &|n| n.id == exact,
        &|n| n.id.to_lowercase() == want,
        &|n| n.aliases.contains(exact),
        &|n| n.aliases.iter().any(|a| a.to_lowercase() == want),
    ];
    let words: Vec<&str> = want.split_whitespace().collect();
    for (t, tier) in tiers.iter().enumerate() {
        let by_alias = t >= 2;
        let hits: Vec<NodeIndex> = nodes
            .iter()
            .copied()
            .filter(|&n| tier(&g.graph[n]))
            .collect();
        if hits.is_empty() {
            continue;
        }
        // A partial name (the alias is words of the actor's own id, as a
        // surname is) also names the other actors whose ids hold it.
        let partial = by_alias && hits.iter().any(|&n| contains_words(&g.graph[n].id, &words));
        let hits: Vec<NodeIndex> = if partial {
            nodes
                .iter()
                .copied()
                .filter(|n| hits.contains(n) || contains_words(&g.graph[*n].id, &words))
                .collect()
        } else {
            hits
        };
        if hits.len() == 1 {
            return Ok(hits[0]);
        }
        return Err(QueryError::Ambiguous {
            name: name.to_owned(),
            candidates: hits.iter().map(|&n| g.graph[n].id.clone()).collect(),
        });
    }
    Err(QueryError::NotFound {
        name: name.to_owned(),
        candidates: closest(g, &want),
    })
}

/// Whether `id`'s words (ignoring case) hold `words` (lowercase) as a run.
fn contains_words(id: &str, words: &[&str]) -> bool {
    if words.is_empty() {
        return false;
    }
    let id = id.to_lowercase();
    let have: Vec<&str> = id.split_whitespace().collect();
    have.windows(words.len()).any(|w| w == words)
}

/// Actor ids closest to a (lowercase) name: those whose id or an alias
/// contains it or is contained in it first, then by edit distance.
fn closest(g: &ActorGraph, want: &str) -> Vec<String> {
    let mut scored: Vec<(usize, usize, String)> = g
        .graph
        .node_indices()
        .map(|n| {
            let node = &g.graph[n];
            let names = std::iter::once(&node.id)
                .chain(node.aliases.iter())
                .map(|s| s.to_lowercase());
            let mut sub = 1;
            let mut dist = usize::MAX;
            for s in names {
                if !want.is_empty() && (s.contains(want) || want.contains(s.as_str())) {
                    sub = 0;
                }
                dist = dist.min(edit_distance(&s, want));
            }
            (sub, dist, node.id.clone())
        })
        .filter(|(sub, dist, _)| *sub == 0 || *dist <= want.chars().count().max(4) / 2)
        .collect();
    scored.sort();
    scored.into_iter().take(CANDIDATES).map(|s| s.2).collect()
}

/// Which way a link runs, seen from the actor asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Way {
    /// Undirected (co-occurrence).
    Both,
    /// The actor spoke about the other.
    Out,
    /// The other spoke about the actor.
    In,
}

/// A linked actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Neighbour {
    /// Its id.
    pub id: String,
    /// The link's kind.
    pub kind: EdgeKind,
    /// The link's weight.
    pub weight: u64,
    /// Which way the link runs.
    pub direction: Way,
}

fn way(g: &ActorGraph, e: EdgeIndex, from: NodeIndex) -> Way {
    let (a, _) = g.graph.edge_endpoints(e).expect("edge");
    match g.graph[e].kind {
        EdgeKind::Cooccurrence => Way::Both,
        EdgeKind::Attribution if a == from => Way::Out,
        EdgeKind::Attribution => Way::In,
    }
}

/// Links of `n` (any kind, or one), as `(edge, other end)`; a self-link
/// appears once.
fn incident(g: &ActorGraph, n: NodeIndex) -> Vec<(EdgeIndex, NodeIndex)> {
    let mut v: Vec<(EdgeIndex, NodeIndex)> = g
        .graph
        .edges_directed(n, Direction::Outgoing)
        .map(|e| (e.id(), e.target()))
        .collect();
    v.extend(
        g.graph
            .edges_directed(n, Direction::Incoming)
            .filter(|e| e.source() != n)
            .map(|e| (e.id(), e.source())),
    );
    v
}

/// The actors linked to `n` by links of `kind` (or any) of weight
/// `min_weight` or more: heaviest first, then id, kind, direction.
pub fn neighbours(
    g: &ActorGraph,
    n: NodeIndex,
    kind: Option<EdgeKind>,
    min_weight: u64,
) -> Vec<Neighbour> {
    let mut v: Vec<Neighbour> = incident(g, n)
        .into_iter()
        .filter(|&(e, _)| {
            kind.is_none_or(|k| g.graph[e].kind == k) && g.graph[e].weight >= min_weight
        })
        .map(|(e, m)| Neighbour {
            id: g.graph[m].id.clone(),
            kind: g.graph[e].kind,
            weight: g.graph[e].weight,
            direction: way(g, e, n),
        })
        .collect();
    v.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| a.id.cmp(&b.id))
            .then(a.kind.cmp(&b.kind))
            .then(a.direction.cmp(&b.direction))
    });
    v
}

/// A link written out by ids: the JSON form of an edge.
pub use crate::export::json::EdgeJson as Link;

/// The link of an edge index.
pub fn link(g: &ActorGraph, e: EdgeIndex) -> Link {
    crate::export::json::edge_json(g, e)
}

/// Every link between two actors, in either direction, in kind order.
pub fn links_between(g: &ActorGraph, a: NodeIndex, b: NodeIndex) -> Vec<EdgeIndex> {
    let mut v: Vec<EdgeIndex> = incident(g, a)
        .into_iter()
        .filter(|&(_, m)| m == b)
        .map(|(e, _)| e)
        .collect();
    v.sort_by_key(|&e| {
        (
            g.graph[e].kind,
            g.graph.edge_endpoints(e).map(|(s, _)| s != a),
        )
    });
    v
}

/// Undirected adjacency in id order, over links of `kind` (or any).
fn adjacency(g: &ActorGraph, kind: Option<EdgeKind>) -> HashMap<NodeIndex, Vec<NodeIndex>> {
    g.graph
        .node_indices()
        .map(|n| {
            let mut v: Vec<NodeIndex> = incident(g, n)
                .into_iter()
                .filter(|&(e, m)| m != n && kind.is_none_or(|k| g.graph[e].kind == k))
                .map(|(_, m)| m)
                .collect();
            v.sort_by(|x, y| g.graph[*x].id.cmp(&g.graph[*y].id));
            v.dedup();
            (n, v)
        })
        .collect()
}

/// A shortest chain of actors from `a` to `b` over links of `kind` (or
/// any), found breadth-first with neighbours in id order, and for each step
/// its heaviest link (ties: co-occurrence first). `None` when `b` cannot
/// be reached.
pub fn shortest_path(
    g: &ActorGraph,
    a: NodeIndex,
    b: NodeIndex,
    kind: Option<EdgeKind>,
) -> Option<(Vec<NodeIndex>, Vec<EdgeIndex>)> {
    let adj = adjacency(g, kind);
    let mut parent: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut seen: HashSet<NodeIndex> = HashSet::from([a]);
    let mut queue = VecDeque::from([a]);
    while let Some(n) = queue.pop_front() {
        if n == b {
            break;
        }
        for &m in &adj[&n] {
            if seen.insert(m) {
                parent.insert(m, n);
                queue.push_back(m);
            }
        }
    }
    if !seen.contains(&b) {
        return None;
    }
    let mut nodes = vec![b];
    while let Some(&p) = parent.get(nodes.last().expect("non-empty")) {
        nodes.push(p);
    }
    nodes.reverse();
    let edges = nodes
        .windows(2)
        .map(|w| {
            links_between(g, w[0], w[1])
                .into_iter()
                .filter(|&e| kind.is_none_or(|k| g.graph[e].kind == k))
                .max_by(|&x, &y| {
                    g.graph[x]
                        .weight
                        .cmp(&g.graph[y].weight)
                        .then(g.graph[y].kind.cmp(&g.graph[x].kind))
                })
                .expect("adjacent actors share a link")
        })
        .collect();
    Some((nodes, edges))
}

/// What [`top`] ranks by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RankBy {
    /// Distinct linked actors.
    Degree,
    /// Sum of link weights.
    Weight,
    /// Mentions over the corpus.
    Mentions,
    /// Betweenness centrality.
    Betweenness,
}

/// An actor's standing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    /// Its id.
    pub id: String,
    /// Person or organization.
    pub kind: ActorKind,
    /// Distinct linked actors.
    pub degree: usize,
    /// Sum of its links' weights.
    pub weight: u64,
    /// Mentions over the corpus.
    pub mentions: u64,
    /// Betweenness centrality (undirected, unweighted, not normalised);
    /// computed only when ranking by it (`null` otherwise).
    pub betweenness: Option<f64>,
}

/// Betweenness centrality of every actor (Brandes' algorithm) over the
/// undirected, unweighted graph of distinct linked pairs: for each actor,
/// the sum over pairs of other actors of the share of their shortest paths
/// that pass through it (each unordered pair counted once).
pub fn betweenness(g: &ActorGraph) -> HashMap<NodeIndex, f64> {
    let adj = adjacency(g, None);
    let mut cb: HashMap<NodeIndex, f64> = g.graph.node_indices().map(|n| (n, 0.0)).collect();
    for s in g.graph.node_indices() {
        let mut stack = Vec::new();
        let mut preds: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
        let mut sigma: HashMap<NodeIndex, f64> = HashMap::from([(s, 1.0)]);
        let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(s, 0)]);
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            let (dv, sv) = (dist[&v], sigma[&v]);
            for &w in &adj[&v] {
                if let std::collections::hash_map::Entry::Vacant(slot) = dist.entry(w) {
                    slot.insert(dv + 1);
                    queue.push_back(w);
                }
                if dist[&w] == dv + 1 {
                    *sigma.entry(w).or_insert(0.0) += sv;
                    preds.entry(w).or_default().push(v);
                }
            }
        }
        let mut delta: HashMap<NodeIndex, f64> = HashMap::new();
        while let Some(w) = stack.pop() {
            let dw = delta.get(&w).copied().unwrap_or(0.0);
            for &v in preds.get(&w).map(Vec::as_slice).unwrap_or(&[]) {
                *delta.entry(v).or_insert(0.0) += sigma[&v] / sigma[&w] * (1.0 + dw);
            }
            if w != s {
                *cb.get_mut(&w).expect("node") += dw;
            }
        }
    }
    for v in cb.values_mut() {
        *v /= 2.0;
    }
    cb
}

/// The `n` actors ranking highest by `by` (ties: id order).
pub fn top(g: &ActorGraph, by: RankBy, n: usize) -> Vec<Ranked> {
    let bc = if by == RankBy::Betweenness {
        betweenness(g)
    } else {
        HashMap::new()
    };
    let mut v: Vec<Ranked> = g
        .graph
        .node_indices()
        .map(|x| {
            let node = &g.graph[x];
            let inc = incident(g, x);
            let degree = inc
                .iter()
                .map(|&(_, m)| m)
                .filter(|&m| m != x)
                .collect::<HashSet<_>>()
                .len();
            Ranked {
                id: node.id.clone(),
                kind: node.kind,
                degree,
                weight: inc.iter().map(|&(e, _)| g.graph[e].weight).sum(),
                mentions: node.mentions,
                betweenness: bc.get(&x).copied(),
            }
        })
        .collect();
    let key = |r: &Ranked| match by {
        RankBy::Degree => r.degree as f64,
        RankBy::Weight => r.weight as f64,
        RankBy::Mentions => r.mentions as f64,
        RankBy::Betweenness => r.betweenness.unwrap_or(0.0),
    };
    v.sort_by(|a, b| key(b).total_cmp(&key(a)).then_with(|| a.id.cmp(&b.id)));
    v.truncate(n);
    v
}

/// One side of reported speech: the other actor, how often, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speech {
    /// The speaker (for [`said_about`]) or the actor spoken about (for
    /// [`said_by`]).
    pub id: String,
    /// Attributions (of the class asked for, if one was).
    pub weight: u64,
    /// Evidence kept (of the whole link, whatever the class).
    pub evidence: Vec<Evidence>,
    /// The count of each cue lemma (absent when none is known).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub cues: BTreeMap<String, u64>,
    /// The count of each statement class (absent when none is known).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub classes: BTreeMap<String, u64>,
    /// The best and mean confidence of the link's attributions (absent
    /// when none had one).
    #[serde(skip_serializing_if = "Confidence::is_empty")]
    pub confidence: Confidence,
}

fn speech(
    g: &ActorGraph,
    n: NodeIndex,
    dir: Direction,
    class: Option<StatementClass>,
) -> Vec<Speech> {
    let mut v: Vec<Speech> = g
        .graph
        .edges_directed(n, dir)
        .filter(|e| e.weight().kind == EdgeKind::Attribution)
        .filter_map(|e| {
            let edge = e.weight();
            let weight = match class {
                None => edge.weight,
                Some(c) => edge.classes.get(c.as_str()).copied().filter(|&k| k > 0)?,
            };
            let other = if dir == Direction::Incoming {
                e.source()
            } else {
                e.target()
            };
            Some(Speech {
                id: g.graph[other].id.clone(),
                weight,
                evidence: edge.evidence.clone(),
                cues: edge.cues.clone(),
                classes: edge.classes.clone(),
                confidence: edge.confidence,
            })
        })
        .collect();
    v.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.id.cmp(&b.id)));
    v
}

/// Who spoke about `n` (attribution links into it), most often first.
pub fn said_about(g: &ActorGraph, n: NodeIndex) -> Vec<Speech> {
    speech(g, n, Direction::Incoming, None)
}

/// Whom `n` spoke about (attribution links out of it), most often first.
pub fn said_by(g: &ActorGraph, n: NodeIndex) -> Vec<Speech> {
    speech(g, n, Direction::Outgoing, None)
}

/// Who spoke about `n` in statements of `class` (an accusation, a
/// denial, ...), most often first; each weight counts those statements
/// only.
pub fn said_about_as(g: &ActorGraph, n: NodeIndex, class: StatementClass) -> Vec<Speech> {
    speech(g, n, Direction::Incoming, Some(class))
}

/// Whom `n` spoke about in statements of `class`, most often first.
pub fn said_by_as(g: &ActorGraph, n: NodeIndex, class: StatementClass) -> Vec<Speech> {
    speech(g, n, Direction::Outgoing, Some(class))
}

/// The statement class named `name`; an unknown name is an error listing
/// the classes.
pub fn statement_class(name: &str) -> Result<StatementClass, QueryError> {
    name.parse::<StatementClass>()
        .map_err(|_| QueryError::UnknownClass {
            name: name.to_owned(),
            classes: StatementClass::ALL.map(StatementClass::as_str).join(", "),
        })
}

/// The actors within `depth` links of `n` and every link among them.
pub fn ego(g: &ActorGraph, n: NodeIndex, depth: usize) -> ActorGraph {
    let adj = adjacency(g, None);
    let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(n, 0)]);
    let mut queue = VecDeque::from([n]);
    while let Some(v) = queue.pop_front() {
        if dist[&v] == depth {
            continue;
        }
        for &w in &adj[&v] {
            if !dist.contains_key(&w) {
                dist.insert(w, dist[&v] + 1);
                queue.push_back(w);
            }
        }
    }
    g.subgraph(|x| dist.contains_key(&x), |_| true)
}

#[cfg(test)]
mod tests;
