//! One real actor, one node: corpus-level identity, a pass over the whole
//! graph once every document and saved graph is in ([`ActorGraph::identify`]).
//!
//! Within a document the resolver already ties "Obama" to "Barack Obama";
//! across documents the graph keys nodes by id, so one person can still be
//! several nodes. This pass joins names of one kind that the corpus shows to
//! be one actor, each join with its reason ([`JoinReason`]):
//!
//! * **spelling**: the same name but for case, hyphens, apostrophes,
//!   periods, accents and a leading "the" ("al-Qaeda" = "Al Qaeda");
//! * **transliteration**: a name written with an apostrophe inside a word
//!   (the mark of a transliterated letter, "Al-Qa'ida") and a name spelt
//!   otherwise the same, the vowels of the marked word aside ("Al Qaeda"),
//!   when exactly one such name is in the corpus;
//! * **middle name**: the same given name, surname and suffix, one with a
//!   middle name or initial ("Donald J. Trump" = "Donald Trump"), when the
//!   corpus names at most one middle form for them (a bare "Tavo Karsk"
//!   stays apart when both "Tavo B. Karsk" and "Tavo R. Karsk" are named); "Jr." and "Sr."
//!   are part of the key, so Donald Trump Jr. is another person;
//! * **surname**: a person named by one word joins the full name with that
//!   surname that holds at least [`DOMINANCE`] of the documents naming any
//!   full name with it ("Obama" -> "Barack Obama" beside one document about
//!   Michelle Obama), and stays apart otherwise, as does a word that is a
//!   given name too ("James");
//! * **acronym**: an organization named by an acronym joins the one
//!   organization some document defined it for (an alias "IPS" of "Inter
//!   Press Service", see the resolver's acronyms), unless another
//!   organization's initials spell it too;
//! * **initials**: failing a definition, an acronym of three letters or
//!   more joins the one organization whose initials it spells.
//!
//! Names the alias file knows are left as they are: it overrides.
//!
//! A joined node keeps, in [`Node::joined`], each name it absorbed with its
//! reason and its own mention and document counts, so the pass can be run
//! again on a saved graph grown with new documents (`build old.json new/`)
//! and decide on the same counts as one build over all the documents: the
//! result is the same whenever the new documents undo none of the earlier
//! joins. A join, once saved, is kept: a graph's edges are not kept per
//! name, so a later pass cannot split a node again. Counts of a joined node
//! are sums: a document naming two of its names separately (rare: the
//! resolver joins most within a document) counts in `documents` twice.

use super::evidence::is_kept;
#[cfg(test)]
use super::SeenBox;
use super::{ActorGraph, Edge, EdgeKind, Node, Seen};
use crate::mentions::ActorKind;
use crate::resolve::{fold_name as fold, is_apostrophe, spells, AliasTable};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Share of the documents naming a full name with a surname that one full
/// name must hold for the bare surname to join it.
pub const DOMINANCE: f64 = 0.9;

/// Why a name was joined to a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JoinReason {
    /// The same name but for case, hyphens, apostrophes, periods, accents.
    Spelling,
    /// A transliteration marked with an apostrophe ("Al-Qa'ida").
    Transliteration,
    /// The same given name and surname, with or without a middle name.
    MiddleName,
    /// A surname alone, of the full name the corpus names it by.
    Surname,
    /// An acronym defined for the organization in some document.
    Acronym,
    /// An acronym spelling the organization's initials.
    Initials,
}

impl JoinReason {
    /// The reason as written in outputs.
    pub fn as_str(&self) -> &'static str {
        match self {
            JoinReason::Spelling => "spelling",
            JoinReason::Transliteration => "transliteration",
            JoinReason::MiddleName => "middle-name",
            JoinReason::Surname => "surname",
            JoinReason::Acronym => "acronym",
            JoinReason::Initials => "initials",
        }
    }
}

/// A name joined to a node by [`ActorGraph::identify`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Joined {
    /// The name, as it was a node's id.
    pub name: String,
    /// Why it was joined.
    pub reason: JoinReason,
    /// Its own mentions (counted in the node's too).
    pub mentions: u64,
    /// Its own documents (counted in the node's too).
    pub documents: u64,
}

/// Name suffixes that make another person ("Jr."), compared lower case
/// without periods.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words an acronym skips ("Office of Special Plans" is OSP).
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "at", "to", "&"];

/// One name of the corpus: a node's id or a name joined to it earlier.
struct Name {
    text: String,
    kind: ActorKind,
    mentions: u64,
    documents: u64,
    /// The node it is in now.
    node: usize,
    /// Its reason, for a name joined earlier.
    earlier: Option<JoinReason>,
    /// Left alone (the alias file names it).
    fixed: bool,
    /// Folded form: lower case, no accents, apostrophes or periods,
    /// hyphens as spaces, words single-spaced, a leading "the" dropped.
    key: String,
}

/// Union-find over the names, with the reason each name was attached by.
struct Groups {
    parent: Vec<usize>,
    reason: Vec<Option<JoinReason>>,
}

impl Groups {
    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join `a` and `b` for `why` (none: they are one name, or one node
    /// already); false when they already were one.
    fn join(&mut self, a: usize, b: usize, why: impl Into<Option<JoinReason>>) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return false;
        }
        // The smaller index stays root: the result does not depend on the
        // order of the joins.
        let (r, o) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[o] = r;
        if let Some(why) = why.into() {
            for x in [a, b] {
                if self.reason[x].is_none() {
                    self.reason[x] = Some(why);
                }
            }
        }
        true
    }
}

/// A person's name cut into its parts (see [`person_parts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PersonParts<'a, 'w> {
    given: &'a str,
    /// The middle words, none to two.
    middle: &'w [&'a str],
    surname: &'a str,
    suffix: &'a str,
}

/// The words of a folded name, at most `N` of them (none for more).
fn words_of<const N: usize>(key: &str) -> Option<([&str; N], usize)> {
    let mut words = [""; N];
    let mut n = 0;
    for w in key.split(' ') {
        *words.get_mut(n)? = w;
        n += 1;
    }
    Some((words, n))
}

/// A person's name cut into (given name, middle words, surname, suffix),
/// from its folded form's words (`words_of`); none for one word, or more
/// than two middle words (a headline run rather than a name).
fn person_parts<'a, 'w>(words: &'w [&'a str]) -> Option<PersonParts<'a, 'w>> {
    let (words, suffix) = match words {
        [rest @ .., last] if words.len() >= 3 && SUFFIXES.contains(last) => (rest, *last),
        _ => (words, ""),
    };
    match words {
        [given, middle @ .., surname] if words.len() <= 4 => Some(PersonParts {
            given,
            middle,
            surname,
            suffix,
        }),
        _ => None,
    }
}

/// True for an acronym: two to eight capital letters (periods and "&"
/// aside), nothing else.
fn is_acronym(name: &str) -> bool {
    let mut letters = 0;
    for c in name.chars() {
        if !(c.is_uppercase() || c == '.' || c == '&') {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    (2..=8).contains(&letters)
}

/// The initials of an organization's name as written (lower case): the
/// first letters of its capitalised words and hyphenated parts
/// ("Clinton-backing Senate" is CS); none for fewer than two.
fn initials(name: &str) -> Option<String> {
    let mut out = String::new();
    let mut firsts = 0;
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        // The skip words are ASCII, and no other letter lower-cases to
        // one of their letters: comparing ASCII case-blind is comparing
        // the word lower-cased.
        if ACRONYM_SKIP.iter().any(|s| w.eq_ignore_ascii_case(s)) {
            continue;
        }
        match w.chars().next() {
            Some(c) if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
            Some(c) if c.is_uppercase() => out.push_str(&fold(&c.to_string())),
            _ => continue,
        }
        firsts += 1;
    }
    (firsts >= 2).then_some(out)
}

/// The folded form with the vowels taken out of each word of four letters
/// or more: the spelling a transliteration keeps.
#[cfg(test)]
fn consonants(key: &str) -> String {
    let mut out = String::new();
    consonants_into(key, &mut out);
    out
}

/// [`consonants`] written into `out` (cleared first).
fn consonants_into(key: &str, out: &mut String) {
    out.clear();
    for (k, w) in key.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if w.chars().nth(3).is_some() {
            out.extend(
                w.chars()
                    .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')),
            );
        } else {
            out.push_str(w);
        }
    }
}

/// True when a word of `name` holds an apostrophe between letters.
fn has_inner_apostrophe(name: &str) -> bool {
    let mut c = name.chars();
    let (Some(mut before), Some(mut at)) = (c.next(), c.next()) else {
        return false;
    };
    for after in c {
        if is_apostrophe(at) && before.is_alphabetic() && after.is_alphabetic() {
            return true;
        }
        (before, at) = (at, after);
    }
    false
}

impl ActorGraph {
    /// The graph with the names that the corpus shows to be one actor
    /// joined into one node (see the module's documentation), names the
    /// alias table knows left alone. Run it once every document and saved
    /// graph is in: it gives the same graph whatever the order they came
    /// in, and running it again changes nothing.
    pub fn identify(self, aliases: &AliasTable, lexicon: &crate::mentions::Lexicon) -> ActorGraph {
        let nodes = self.sorted_nodes();
        let mut names: Vec<Name> = Vec::with_capacity(nodes.len());
        for (k, &n) in nodes.iter().enumerate() {
            let node = &self.graph[n];
            let fixed = |t: &str| !aliases.is_empty() && aliases.lookup(t).is_some();
            let joined_mentions: u64 = node.joined.iter().map(|j| j.mentions).sum();
            let joined_documents: u64 = node.joined.iter().map(|j| j.documents).sum();
            names.push(Name {
                key: fold(&node.id),
                text: node.id.clone(),
                kind: node.kind,
                mentions: node.mentions.saturating_sub(joined_mentions),
                documents: node.documents.saturating_sub(joined_documents),
                node: k,
                earlier: None,
                fixed: fixed(&node.id),
            });
            for j in &node.joined {
                names.push(Name {
                    key: fold(&j.name),
                    text: j.name.clone(),
                    kind: node.kind,
                    mentions: j.mentions,
                    documents: j.documents,
                    node: k,
                    earlier: Some(j.reason),
                    fixed: fixed(&j.name),
                });
            }
        }
        // One entry per (kind, name): a name joined earlier and named
        // again as a node of its own is one name.
        names.sort_by(|a, b| (a.kind as u8, &a.text).cmp(&(b.kind as u8, &b.text)));
        let mut groups = Groups {
            parent: (0..names.len()).collect(),
            reason: names.iter().map(|n| n.earlier).collect(),
        };
        let mut joins = 0usize;
        // Names of one node, and repeats of one name, stay together.
        let mut first_of_node: Vec<Option<usize>> = vec![None; nodes.len()];
        for i in 0..names.len() {
            if i > 0 && names[i - 1].kind == names[i].kind && names[i - 1].text == names[i].text {
                groups.join(i - 1, i, None);
            }
            match first_of_node[names[i].node] {
                Some(f) => {
                    groups.join(f, i, None);
                }
                None => first_of_node[names[i].node] = Some(i),
            }
        }
        let free: Vec<usize> = (0..names.len()).filter(|&i| !names[i].fixed).collect();
        joins += join_spellings(&names, &free, &mut groups);
        joins += join_transliterations(&names, &free, &mut groups);
        joins += join_middle_names(&names, &free, &mut groups);
        joins += join_surnames(&names, &free, &mut groups, lexicon);
        joins += self.join_acronyms(&names, &nodes, &free, &mut groups);
        if joins == 0 && names.iter().all(|n| n.earlier.is_none()) {
            return self;
        }
        self.rebuild(&nodes, &names, &mut groups)
    }

    /// Step "acronym" and "initials" (see the module's documentation).
    fn join_acronyms(
        &self,
        names: &[Name],
        nodes: &[NodeIndex],
        free: &[usize],
        groups: &mut Groups,
    ) -> usize {
        // Organizations of more than one word by their initials, and by
        // the acronyms their nodes go by (the resolver's definitions).
        let mut by_initials: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_alias: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in free {
            let n = &names[i];
            if n.kind != ActorKind::Organization || !n.key.contains(' ') {
                continue;
            }
            if let Some(ini) = initials(&n.text) {
                by_initials.entry(ini).or_default().push(i);
            }
            // An alias that spells the name's initials: a resolver's
            // definition, not a word of the name the text used alone
            // ("TV" of "Orlando TV").
            for alias in &self.graph[nodes[n.node]].aliases {
                if is_acronym(alias) && spells(alias, &n.text) {
                    by_alias.entry(alias).or_default().push(i);
                }
            }
        }
        let mut joins = 0;
        for &a in free {
            let n = &names[a];
            if n.kind != ActorKind::Organization || !is_acronym(&n.text) {
                continue;
            }
            let mut roots = |list: Option<&Vec<usize>>| -> BTreeSet<usize> {
                list.into_iter()
                    .flatten()
                    .map(|&f| groups.root(f))
                    .collect()
            };
            // Defined: a full name whose node goes by the acronym too.
            let defined = roots(by_alias.get(n.text.as_str()));
            // Spelt by initials (any length here, to see a conflict).
            let want: String = fold(&n.text).replace(['&', ' '], "");
            let spelt = roots(by_initials.get(&want));
            let letters = n.text.chars().filter(|c| c.is_alphabetic()).count();
            // A definition wins unless another organization's initials
            // spell the acronym too (then it is unclear: left apart).
            let target = if defined.len() == 1 && spelt.is_subset(&defined) {
                defined.first().map(|&r| (r, JoinReason::Acronym))
            } else if defined.is_empty() && letters >= 3 && spelt.len() == 1 {
                spelt.first().map(|&r| (r, JoinReason::Initials))
            } else {
                None
            };
            if let Some((r, why)) = target {
                joins += usize::from(groups.join(r, a, why));
            }
        }
        joins
    }

    /// The graph of the groups: one node per group, named by its fullest
    /// most mentioned name, the others in its `joined` list; edges moved to
    /// the groups' nodes (links inside a group dropped). Nodes come in
    /// group order and edges in the old edge order, so the new graph's
    /// indices do not depend on how the old one was made. A group that is
    /// one old node under its own id keeps that node's names, aliases and
    /// outlets by move, and a link that is the only one to land on its
    /// pair is moved too: only what changes is copied.
    fn rebuild(mut self, nodes: &[NodeIndex], names: &[Name], groups: &mut Groups) -> ActorGraph {
        // Names by group root.
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..names.len() {
            by_root.entry(groups.root(i)).or_default().push(i);
        }
        let mut out = ActorGraph::new(self.options.clone());
        // At most as many nodes and links as before: room made once.
        let (node_count, edge_count) = (self.graph.node_count(), self.graph.edge_count());
        out.graph = petgraph::stable_graph::StableDiGraph::with_capacity(node_count, edge_count);
        out.nodes.reserve(node_count);
        out.edges.reserve(edge_count);
        out.roots = std::mem::take(&mut self.roots);
        out.held = std::mem::take(&mut self.held);
        out.trimmed = self.trimmed.take();
        // Each old node's new node.
        let mut new_of: Vec<Option<NodeIndex>> = vec![None; nodes.len()];
        for members in by_root.values() {
            let head = canonical(names, members);
            let (joined, mentions, documents) = tally(names, members, head, groups);
            let olds: BTreeSet<usize> = members.iter().map(|&i| names[i].node).collect();
            // Mentions by kind, summed over the joined nodes: an actor
            // seen as a person and an organization keeps both counts.
            let mut by_kind = Node::new("", names[head].kind);
            for &o in &olds {
                for (k, c) in self.graph[nodes[o]].kind_counts() {
                    by_kind.add_mentions(k, c);
                }
            }
            let (kind, kinds) = if by_kind.kinds.is_empty() {
                (names[head].kind, BTreeMap::new())
            } else {
                (by_kind.kind, by_kind.kinds)
            };
            let alone = olds
                .first()
                .filter(|&&o| olds.len() == 1 && self.graph[nodes[o]].id == names[head].text);
            let node = match alone {
                Some(&o) => {
                    let old = std::mem::replace(
                        &mut self.graph[nodes[o]],
                        Node::new("", names[head].kind),
                    );
                    Node {
                        id: old.id,
                        kind,
                        mentions,
                        documents,
                        aliases: old.aliases,
                        joined,
                        kinds,
                        seen: old.seen.settled(),
                    }
                }
                None => {
                    let mut aliases = BTreeSet::new();
                    let mut seen = Seen::default();
                    for &o in &olds {
                        aliases.extend(self.graph[nodes[o]].aliases.iter().cloned());
                        seen.merge(&self.graph[nodes[o]].seen);
                    }
                    Node {
                        id: names[head].text.clone(),
                        kind,
                        mentions,
                        documents,
                        aliases,
                        joined,
                        kinds,
                        seen: seen.into(),
                    }
                }
            };
            let n = out.insert_new_node(node);
            for &o in &olds {
                new_of[o] = Some(n);
            }
        }
        let mut rank = vec![usize::MAX; petgraph::visit::NodeIndexable::node_bound(&self.graph)];
        for (k, &n) in nodes.iter().enumerate() {
            rank[n.index()] = k;
        }
        for e in self.sorted_edges_after(nodes) {
            let (a, b) = self.graph.edge_endpoints(e).expect("edge");
            let (Some(na), Some(nb)) = (new_of[rank[a.index()]], new_of[rank[b.index()]]) else {
                continue;
            };
            if na == nb {
                continue;
            }
            let kind = self.graph[e].kind;
            let edge = std::mem::replace(&mut self.graph[e], Edge::new(kind));
            out.move_edge(na, nb, edge);
        }
        out
    }

    /// Add a node made whole by [`ActorGraph::rebuild`] (`kinds` summed,
    /// `joined` in name order, `seen` settled): as [`ActorGraph::insert_node`]
    /// does, without copying it when its id is new.
    fn insert_new_node(&mut self, node: Node) -> NodeIndex {
        if self.nodes.contains_key(&node.id) {
            return self.insert_node(node);
        }
        let id = node.id.clone();
        let n = self.graph.add_node(node);
        self.nodes.insert(id, n);
        n
    }

    /// Add a link as [`ActorGraph::add_edge_from`] does, moving it in as
    /// it is when that gives the same link: its pair has no link of its
    /// kind yet, and its evidence is sorted and capped as a graph keeps it.
    fn move_edge(&mut self, a: NodeIndex, b: NodeIndex, edge: Edge) -> EdgeIndex {
        let (a, b) = if edge.kind == EdgeKind::Cooccurrence && self.graph[a].id > self.graph[b].id {
            (b, a)
        } else {
            (a, b)
        };
        let key = (a, b, edge.kind);
        if self.edges.contains_key(&key)
            || !is_kept(&edge.evidence, self.options.max_evidence)
            || !edge.seen.is_settled()
        {
            return self.add_edge_from(a, b, &edge);
        }
        let e = self.graph.add_edge(a, b, edge);
        self.edges.insert(key, e);
        e
    }
}

/// A group's `joined` list (each name but the head's, with its reason and
/// own counts, in name order) and its mention and document counts.
fn tally(
    names: &[Name],
    members: &[usize],
    head: usize,
    groups: &Groups,
) -> (Vec<Joined>, u64, u64) {
    let mut joined: BTreeMap<&str, Joined> = BTreeMap::new();
    // Each name's reason: the one it was joined by earlier, else the first
    // join of this pass that took it in.
    let mut reason: BTreeMap<&str, JoinReason> = BTreeMap::new();
    for &i in members {
        if let Some(r) = names[i].earlier.or(groups.reason[i]) {
            reason.entry(&names[i].text).or_insert(r);
        }
    }
    let (mut mentions, mut documents) = (0, 0);
    for &i in members {
        let n = &names[i];
        mentions += n.mentions;
        documents += n.documents;
        if n.text == names[head].text {
            continue;
        }
        let j = joined.entry(&n.text).or_insert_with(|| Joined {
            name: n.text.clone(),
            reason: reason
                .get(n.text.as_str())
                .copied()
                .unwrap_or(JoinReason::Spelling),
            mentions: 0,
            documents: 0,
        });
        j.mentions += n.mentions;
        j.documents += n.documents;
    }
    (joined.into_values().collect(), mentions, documents)
}

/// The name a group's node is called by: a full name over a surname or
/// an acronym, then one not in capitals, then the spelling most mentioned, then the name most
/// mentioned, then the longest, then the first in order.
fn canonical(names: &[Name], members: &[usize]) -> usize {
    if let [only] = members {
        return *only;
    }
    // Mentions per distinct name.
    let mut total: BTreeMap<&str, u64> = BTreeMap::new();
    // Mentions per folded form: the spelling most written wins over a
    // rarer one (a transliteration) even if one of its forms is rarer.
    let mut spelt: BTreeMap<&str, u64> = BTreeMap::new();
    for &i in members {
        *total.entry(&names[i].text).or_default() += names[i].mentions;
        *spelt.entry(&names[i].key).or_default() += names[i].mentions;
    }
    let full = |i: usize| names[i].key.contains(' ') && !is_acronym(&names[i].text);
    // Written in capitals ("STATE COLLEGE", a headline's): a last resort.
    let cased = |i: usize| names[i].text.chars().any(char::is_lowercase);
    let mut best = members[0];
    for &i in members {
        let k = |x: usize| {
            (
                full(x),
                cased(x),
                spelt[names[x].key.as_str()],
                total[names[x].text.as_str()],
                names[x].text.chars().count(),
                std::cmp::Reverse(&names[x].text),
            )
        };
        if k(i) > k(best) {
            best = i;
        }
    }
    best
}

/// Step "spelling": names of one kind and one folded form.
fn join_spellings(names: &[Name], free: &[usize], groups: &mut Groups) -> usize {
    // Looked up only, never iterated.
    let mut by_key: FxHashMap<(u8, &str), usize> = FxHashMap::default();
    let mut joins = 0;
    for &i in free {
        let k = (names[i].kind as u8, names[i].key.as_str());
        match by_key.get(&k) {
            Some(&f) => joins += usize::from(groups.join(f, i, JoinReason::Spelling)),
            None => {
                by_key.insert(k, i);
            }
        }
    }
    joins
}

/// Step "transliteration": a name with an inner apostrophe and the one
/// other spelling with its consonants.
fn join_transliterations(names: &[Name], free: &[usize], groups: &mut Groups) -> usize {
    let marked: Vec<usize> = free
        .iter()
        .copied()
        .filter(|&i| has_inner_apostrophe(&names[i].text))
        .collect();
    if marked.is_empty() {
        return 0;
    }
    // The names of each marked name's (kind, consonants), in order: only
    // those keys are kept (looked up, never iterated).
    let mut by_consonants: FxHashMap<(u8, String), Vec<usize>> = FxHashMap::default();
    let mut probe = (0u8, String::new());
    for &m in &marked {
        probe.0 = names[m].kind as u8;
        consonants_into(&names[m].key, &mut probe.1);
        by_consonants.entry(probe.clone()).or_default();
    }
    for &o in free {
        probe.0 = names[o].kind as u8;
        consonants_into(&names[o].key, &mut probe.1);
        if let Some(list) = by_consonants.get_mut(&probe) {
            list.push(o);
        }
    }
    let mut joins = 0;
    for &m in &marked {
        probe.0 = names[m].kind as u8;
        consonants_into(&names[m].key, &mut probe.1);
        let own = groups.root(m);
        let others: BTreeSet<usize> = by_consonants
            .get(&probe)
            .into_iter()
            .flatten()
            .map(|&o| groups.root(o))
            .filter(|&r| r != own)
            .collect();
        if others.len() == 1 {
            let r = *others.first().unwrap_or(&own);
            joins += usize::from(groups.join(r, m, JoinReason::Transliteration));
        }
    }
    joins
}

/// Step "middle name": people of one given name, surname and suffix,
/// when the corpus names at most one middle form for them.
fn join_middle_names(names: &[Name], free: &[usize], groups: &mut Groups) -> usize {
    // (given, surname, suffix) -> (middle initials, name) of each person.
    type Key<'a> = (&'a str, &'a str, &'a str);
    let mut by_person: BTreeMap<Key<'_>, Vec<(String, usize)>> = BTreeMap::new();
    for &i in free {
        if names[i].kind != ActorKind::Person {
            continue;
        }
        let Some((words, n)) = words_of::<6>(&names[i].key) else {
            continue;
        };
        if let Some(p) = person_parts(&words[..n]) {
            let initials: String = p.middle.iter().filter_map(|w| w.chars().next()).collect();
            by_person
                .entry((p.given, p.surname, p.suffix))
                .or_default()
                .push((initials, i));
        }
    }
    let mut joins = 0;
    for list in by_person.values() {
        if list.len() < 2 {
            continue;
        }
        let forms: BTreeSet<&str> = list
            .iter()
            .map(|(m, _)| m.as_str())
            .filter(|m| !m.is_empty())
            .collect();
        for (m, i) in list {
            for (m2, j) in list {
                // One middle form at most: all join; several: only names
                // of the same middle form (a bare one stays apart).
                if i < j && (forms.len() <= 1 || (m == m2 && !m.is_empty())) {
                    joins += usize::from(groups.join(*i, *j, JoinReason::MiddleName));
                }
            }
        }
    }
    joins
}

/// Step "surname": a one-word person name joins the full name holding at
/// least [`DOMINANCE`] of the documents of the full names with that
/// surname.
fn join_surnames(
    names: &[Name],
    free: &[usize],
    groups: &mut Groups,
    lexicon: &crate::mentions::Lexicon,
) -> usize {
    // A word that is a given name too ("James") may be anyone's.
    let given_names = &lexicon.first_names;
    // Surname -> full person names bearing it (their own documents).
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        if n.kind != ActorKind::Person {
            continue;
        }
        let Some((words, k)) = words_of::<6>(&n.key) else {
            continue;
        };
        if let Some(p) = person_parts(&words[..k]) {
            by_surname.entry(p.surname).or_default().push(i);
        }
    }
    let mut joins = 0;
    for &s in free {
        let n = &names[s];
        if n.kind != ActorKind::Person
            || n.key.contains(' ')
            || SUFFIXES.contains(&n.key.as_str())
            || given_names.contains_key(n.text.as_str())
        {
            continue;
        }
        let Some(full) = by_surname.get(n.key.as_str()) else {
            continue;
        };
        // Documents per candidate group, counting full names only (a
        // surname joined earlier does not vote for its own join).
        let mut docs: BTreeMap<usize, u64> = BTreeMap::new();
        for &f in full {
            *docs.entry(groups.root(f)).or_default() += names[f].documents;
        }
        let all: u64 = docs.values().sum();
        let Some((&top, &most)) = docs
            .iter()
            .max_by_key(|(r, d)| (**d, std::cmp::Reverse(**r)))
        else {
            continue;
        };
        // The full name must be one: a known given name, or named in two
        // documents or more (not a capitalised run seen once, "Carrot Top").
        let given = full.iter().any(|&f| {
            groups.root(f) == top
                && names[f]
                    .text
                    .split_whitespace()
                    .next()
                    .is_some_and(|g| given_names.contains_key(g))
        });
        let own = groups.root(s);
        if top != own
            && (given || most >= 2)
            && (docs.len() == 1 || most as f64 >= DOMINANCE * all as f64)
        {
            joins += usize::from(groups.join(top, s, JoinReason::Surname));
        }
    }
    joins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_shapes() {
        let parts = |key: &str| {
            let (words, n) = words_of::<6>(key)?;
            person_parts(&words[..n]).map(|p| {
                let middle: Vec<String> = p.middle.iter().map(|w| w.to_string()).collect();
                (
                    p.given.to_owned(),
                    middle,
                    p.surname.to_owned(),
                    p.suffix.to_owned(),
                )
            })
        };
        let owned = |g: &str, m: &[&str], s: &str, x: &str| {
            let m = m.iter().map(|w| w.to_string()).collect();
            Some((g.to_owned(), m, s.to_owned(), x.to_owned()))
        };
        assert_eq!(
            parts("donald j trump"),
            owned("donald", &["j"], "trump", "")
        );
        assert_eq!(
            parts("donald trump jr"),
            owned("donald", &[], "trump", "jr")
        );
        assert_eq!(
            parts("tavo b r karsk"),
            owned("tavo", &["b", "r"], "karsk", "")
        );
        assert_eq!(
            parts("tavo b r karsk jr"),
            owned("tavo", &["b", "r"], "karsk", "jr")
        );
        assert_eq!(parts("tavo karsk ii"), owned("tavo", &[], "karsk", "ii"));
        // "jr" alone after one word is a surname, not a suffix.
        assert_eq!(parts("tavo jr"), owned("tavo", &[], "jr", ""));
        assert_eq!(parts("trump"), None);
        assert_eq!(parts("chris christie calls hillary clinton"), None);
        assert_eq!(parts("a b c d e f g"), None);
        assert!(is_acronym("IPS") && is_acronym("U.S.") && !is_acronym("Ips"));
        assert!(!is_acronym("A") && !is_acronym("ABCDEFGHIJ"));
        assert_eq!(initials("Inter Press Service").as_deref(), Some("ips"));
        assert_eq!(initials("Office of Special Plans").as_deref(), Some("osp"));
        assert_eq!(initials("Clinton-backing Senate").as_deref(), Some("cs"));
        assert_eq!(initials("Pentagon"), None);
        assert_eq!(initials("Office OF THE Plans").as_deref(), Some("op"));
        assert_eq!(initials("\u{c9}cole Normale").as_deref(), Some("en"));
        assert_eq!(initials("Tavi and  Renn--Group").as_deref(), Some("trg"));
        assert!(
            is_acronym("A&B") && !is_acronym("A-B") && !is_acronym("..") && is_acronym("\u{c9}U")
        );
        assert_eq!(consonants("al qaida"), consonants("al qaeda"));
        assert_ne!(consonants("al qaida"), consonants("al quds"));
        assert!(has_inner_apostrophe("Al-Qa'ida") && has_inner_apostrophe("Sana\u{2019}a"));
        assert!(!has_inner_apostrophe("Renn'") && !has_inner_apostrophe("'Renn"));
        assert!(
            has_inner_apostrophe("a'b") && !has_inner_apostrophe("a'") && !has_inner_apostrophe("")
        );
        assert!(!has_inner_apostrophe("a' b") && !has_inner_apostrophe("'"));
    }
}

#[cfg(test)]
mod moves {
    use super::super::{Evidence, GraphOptions};
    use super::*;
    use crate::ingest::Document;
    use crate::pipeline::Extractor;

    /// A graph of dated documents from two outlets.
    fn dated() -> ActorGraph {
        let ex = Extractor::new();
        let mut g = ActorGraph::new(GraphOptions::default());
        let texts = [
            ("d1", "2016-02-03", "Quay Daily", "Ines Varga met Paulo Brandt in Porto. Varga said Brandt was tired."),
            ("d2", "2016-05-30", "River Ledger", "Paulo Brandt and Tavi Renn spoke. Renn said \"Brandt is late\" and criticised Varga."),
            ("d3", "2016-05-31", "Quay Daily", "Ines Varga, Tavi Renn and Paulo Brandt met again."),
        ];
        for (id, date, outlet, text) in texts {
            let mut d = Document::from_text(format!("{id}.txt"), text);
            d.meta.id = Some(id.into());
            d.meta.date = Some(date.into());
            d.meta.source = Some(outlet.into());
            g.add_record(&ex.extract(&d));
        }
        g
    }

    /// Two fresh graphs holding copies of `g`'s nodes (kinds dropped, as
    /// `rebuild` does).
    fn empty_twins(g: &ActorGraph) -> (ActorGraph, ActorGraph) {
        let mut a = ActorGraph::new(g.options().clone());
        let mut b = ActorGraph::new(g.options().clone());
        for n in g.sorted_nodes() {
            let mut node = g.graph[n].clone();
            node.kinds.clear();
            a.insert_node(node.clone());
            b.insert_new_node(node);
        }
        (a, b)
    }

    /// Moving a link in gives what copying it in does, for every link of a
    /// graph with dates, outlets, cues and classes, onto a fresh pair and
    /// onto a pair that has a link already.
    #[test]
    fn moving_a_link_is_adding_it() {
        let g = dated();
        assert!(g.edge_count() >= 3);
        let (mut copied, mut moved) = empty_twins(&g);
        for round in 0..2 {
            for e in g.sorted_edges() {
                let (a, b) = g.graph.edge_endpoints(e).expect("edge");
                let (ia, ib) = (&g.graph[a].id, &g.graph[b].id);
                let (ca, cb) = (copied.node(ia).unwrap(), copied.node(ib).unwrap());
                let (ma, mb) = (moved.node(ia).unwrap(), moved.node(ib).unwrap());
                let x = copied.add_edge_from(cb, ca, &g.graph[e]);
                let y = moved.move_edge(mb, ma, g.graph[e].clone());
                assert_eq!(copied.graph[x], moved.graph[y], "round {round}");
            }
        }
        for n in g.sorted_nodes() {
            let id = &g.graph[n].id;
            assert_eq!(
                copied.graph[copied.node(id).unwrap()],
                moved.graph[moved.node(id).unwrap()]
            );
        }
        assert_eq!(copied.edge_count(), moved.edge_count());
    }

    /// Evidence out of order, or over the cap, is put in order and capped
    /// as copying does.
    #[test]
    fn unsorted_evidence_is_kept_as_copying_keeps_it() {
        let mut g = ActorGraph::new(GraphOptions {
            max_evidence: 2,
            ..GraphOptions::default()
        });
        let a = g.insert_node(Node::new("Ines Varga", ActorKind::Person));
        let b = g.insert_node(Node::new("Paulo Brandt", ActorKind::Person));
        let mut edge = Edge::new(EdgeKind::Attribution);
        edge.weight = 3;
        edge.evidence = vec![
            Evidence::new("d2", 5, 9),
            Evidence::new("d1", 1, 4),
            Evidence::new("d3", 0, 2),
        ];
        let mut copied = g.clone();
        let x = copied.add_edge_from(a, b, &edge);
        let y = g.move_edge(a, b, edge);
        assert_eq!(copied.graph[x], g.graph[y]);
        let docs: Vec<&str> = g.graph[y].evidence.iter().map(|e| e.doc.as_str()).collect();
        assert_eq!(docs, ["d1", "d2"]);
    }

    /// Settling an empty box, or one with a first day and no last, is
    /// what merging it into an empty one gives.
    #[test]
    fn settled_is_merged_into_nothing() {
        let mut half = SeenBox::default();
        half.get_mut().first = Some("2016-01-02".into());
        let mut empty = SeenBox::default();
        empty.get_mut();
        let mut full = SeenBox::default();
        full.get_mut().outlets.insert("Quay Daily".into());
        for s in [half, empty, full, SeenBox::default()] {
            let mut want = SeenBox::default();
            want.merge(&s);
            assert_eq!(s.clone().settled(), want);
        }
    }
}
