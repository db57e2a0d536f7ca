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

use super::{ActorGraph, Node, Seen};
use crate::mentions::ActorKind;
use crate::resolve::{fold_name as fold, is_apostrophe, spells, AliasTable};
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

/// A person's name cut into (given name, middle words, surname, suffix),
/// from its folded form; none for one word, or more than two middle words
/// (a headline run rather than a name).
fn person_parts(key: &str) -> Option<(&str, Vec<&str>, &str, &str)> {
    let mut words: Vec<&str> = key.split(' ').collect();
    let suffix = match words.last() {
        Some(w) if words.len() >= 3 && SUFFIXES.contains(w) => words.pop().unwrap_or(""),
        _ => "",
    };
    if words.len() < 2 || words.len() > 4 {
        return None;
    }
    let given = words[0];
    let surname = words[words.len() - 1];
    Some((given, words[1..words.len() - 1].to_vec(), surname, suffix))
}

/// True for an acronym: two to eight capital letters (periods and "&"
/// aside), nothing else.
fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// The initials of an organization's name as written (lower case): the
/// first letters of its capitalised words and hyphenated parts
/// ("Clinton-backing Senate" is CS); none for fewer than two.
fn initials(name: &str) -> Option<String> {
    let firsts: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !ACRONYM_SKIP.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (firsts.len() >= 2).then(|| firsts.iter().map(|c| fold(&c.to_string())).collect())
}

/// The folded form with the vowels taken out of each word of four letters
/// or more: the spelling a transliteration keeps.
fn consonants(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            if w.chars().count() >= 4 {
                w.chars()
                    .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
                    .collect()
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// True when a word of `name` holds an apostrophe between letters.
fn has_inner_apostrophe(name: &str) -> bool {
    let c: Vec<char> = name.chars().collect();
    (1..c.len().saturating_sub(1))
        .any(|i| is_apostrophe(c[i]) && c[i - 1].is_alphabetic() && c[i + 1].is_alphabetic())
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
        let mut first_of_node: BTreeMap<usize, usize> = BTreeMap::new();
        for i in 0..names.len() {
            if i > 0 && names[i - 1].kind == names[i].kind && names[i - 1].text == names[i].text {
                groups.join(i - 1, i, None);
            }
            match first_of_node.get(&names[i].node) {
                Some(&f) => {
                    groups.join(f, i, None);
                }
                None => {
                    first_of_node.insert(names[i].node, i);
                }
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
        nodes: &[petgraph::stable_graph::NodeIndex],
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
    /// the groups' nodes (links inside a group dropped).
    fn rebuild(
        &self,
        nodes: &[petgraph::stable_graph::NodeIndex],
        names: &[Name],
        groups: &mut Groups,
    ) -> ActorGraph {
        // Names by group root.
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..names.len() {
            by_root.entry(groups.root(i)).or_default().push(i);
        }
        let mut out = ActorGraph::new(self.options.clone());
        out.roots = self.roots.clone();
        out.held = self.held.clone();
        out.trimmed.clone_from(&self.trimmed);
        // Each old node's new node.
        let mut new_of: Vec<Option<petgraph::stable_graph::NodeIndex>> = vec![None; nodes.len()];
        for members in by_root.values() {
            let head = canonical(names, members);
            let mut joined: BTreeMap<&str, Joined> = BTreeMap::new();
            // Each name's reason: the one it was joined by earlier, else
            // the first join of this pass that took it in.
            let mut reason: BTreeMap<&str, JoinReason> = BTreeMap::new();
            for &i in members {
                if let Some(r) = names[i].earlier.or(groups.reason[i]) {
                    reason.entry(&names[i].text).or_insert(r);
                }
            }
            let mut aliases = BTreeSet::new();
            let mut olds = BTreeSet::new();
            let (mut mentions, mut documents) = (0, 0);
            for &i in members {
                let n = &names[i];
                mentions += n.mentions;
                documents += n.documents;
                olds.insert(n.node);
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
            let mut seen = Seen::default();
            for &o in &olds {
                aliases.extend(self.graph[nodes[o]].aliases.iter().cloned());
                seen.merge(&self.graph[nodes[o]].seen);
            }
            let n = out.insert_node(Node {
                id: names[head].text.clone(),
                kind: names[head].kind,
                mentions,
                documents,
                aliases,
                joined: joined.into_values().collect(),
                kinds: BTreeMap::new(),
                seen: seen.into(),
            });
            for &o in &olds {
                new_of[o] = Some(n);
            }
        }
        let rank: std::collections::HashMap<_, _> =
            nodes.iter().enumerate().map(|(k, &n)| (n, k)).collect();
        for e in self.sorted_edges() {
            let (a, b) = self.graph.edge_endpoints(e).expect("edge");
            let (Some(na), Some(nb)) = (new_of[rank[&a]], new_of[rank[&b]]) else {
                continue;
            };
            if na == nb {
                continue;
            }
            out.add_edge_from(na, nb, &self.graph[e]);
        }
        out
    }
}

/// The name a group's node is called by: a full name over a surname or
/// an acronym, then one not in capitals, then the spelling most mentioned, then the name most
/// mentioned, then the longest, then the first in order.
fn canonical(names: &[Name], members: &[usize]) -> usize {
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
    let mut by_key: BTreeMap<(u8, &str), usize> = BTreeMap::new();
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
    // Names by (kind, consonants), each key made once.
    let mut by_consonants: BTreeMap<(u8, String), Vec<usize>> = BTreeMap::new();
    for &o in free {
        by_consonants
            .entry((names[o].kind as u8, consonants(&names[o].key)))
            .or_default()
            .push(o);
    }
    let mut joins = 0;
    for &m in &marked {
        let key = (names[m].kind as u8, consonants(&names[m].key));
        let own = groups.root(m);
        let others: BTreeSet<usize> = by_consonants
            .get(&key)
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
        if let Some((given, middle, surname, suffix)) = person_parts(&names[i].key) {
            let initials: String = middle.iter().filter_map(|w| w.chars().next()).collect();
            by_person
                .entry((given, surname, suffix))
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
        if let Some((_, _, surname, _)) = person_parts(&n.key) {
            by_surname.entry(surname).or_default().push(i);
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
        assert_eq!(
            person_parts("donald j trump"),
            Some(("donald", vec!["j"], "trump", ""))
        );
        assert_eq!(
            person_parts("donald trump jr"),
            Some(("donald", vec![], "trump", "jr"))
        );
        assert_eq!(person_parts("trump"), None);
        assert_eq!(person_parts("chris christie calls hillary clinton"), None);
        assert!(is_acronym("IPS") && is_acronym("U.S.") && !is_acronym("Ips"));
        assert!(!is_acronym("A") && !is_acronym("ABCDEFGHIJ"));
        assert_eq!(initials("Inter Press Service").as_deref(), Some("ips"));
        assert_eq!(initials("Office of Special Plans").as_deref(), Some("osp"));
        assert_eq!(initials("Clinton-backing Senate").as_deref(), Some("cs"));
        assert_eq!(initials("Pentagon"), None);
        assert_eq!(consonants("al qaida"), consonants("al qaeda"));
        assert_ne!(consonants("al qaida"), consonants("al quds"));
        assert!(has_inner_apostrophe("Al-Qa'ida") && has_inner_apostrophe("Sana\u{2019}a"));
        assert!(!has_inner_apostrophe("Renn'") && !has_inner_apostrophe("'Renn"));
    }
}
