//! Stage 4: which mentions name the same actor.
//!
//! Within a document, [`resolve`]:
//!
//! 1. groups full names (two words or more) by their words, a shorter full
//!    name joining a longer one with the same first and last word
//!    ("Hillary Leverett" -> "Hillary Mann Leverett");
//! 2. ties a single word to the full name whose surname or given name it
//!    is; where two full names share it ("Leverett" with Flynt and Hillary
//!    Mann Leverett in play) the nearest full mention before it wins, then
//!    the nearest after; a plural ("the Leveretts") naming several is left
//!    out;
//! 3. ties `he`/`she` to the nearest person before it, in the same or the
//!    previous two sentences, whose gender does not clash;
//! 4. applies the user's [`AliasTable`], which may rename, retype, merge or
//!    drop actors.
//!
//! Each actor's id is its fullest name without title ("Dick Cheney"), the
//! id the graph gives its node; the same id in two documents is one node.

mod aliases;

pub use aliases::{AliasEntry, AliasTable};

use crate::mentions::{ActorKind, Gender, Mention, Via};
use crate::segment::Segmentation;
use std::collections::{BTreeSet, HashMap};

/// An actor of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// The id: its fullest name, or the alias file's canonical name.
    pub id: String,
    /// Person or organization.
    pub kind: ActorKind,
    /// Gender, when a name, title or pronoun told it.
    pub gender: Gender,
    /// Every name it was mentioned by.
    pub aliases: BTreeSet<String>,
}

/// Actors of one document and the actor of each mention.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    /// The actors, in order of first mention.
    pub actors: Vec<Actor>,
    /// For each mention (same order as given), its actor's index.
    pub of_mention: Vec<Option<usize>>,
}

impl Resolution {
    /// The actor of mention `i`.
    pub fn actor_of(&self, i: usize) -> Option<&Actor> {
        self.of_mention
            .get(i)
            .copied()
            .flatten()
            .map(|a| &self.actors[a])
    }
}

fn key(words: &[String]) -> String {
    words.join(" ")
}

/// Resolve the mentions of one document.
pub fn resolve(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    aliases: &AliasTable,
) -> Resolution {
    let _ = text;
    let n = mentions.len();
    // Cluster id per mention (indices into `clusters`).
    let mut cluster: Vec<Option<usize>> = vec![None; n];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<(ActorKind, String), usize> = HashMap::new();

    // 1. Full names, longest first so shorter ones can join them.
    let mut full: Vec<usize> = (0..n)
        .filter(|&i| mentions[i].via == Via::Name && mentions[i].words.len() >= 2)
        .collect();
    full.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].words.len()), i));
    for &i in &full {
        let m = &mentions[i];
        let k = (m.kind, key(&m.words));
        let c = if let Some(&c) = by_key.get(&k) {
            c
        } else if let Some(c) = (m.kind == ActorKind::Person)
            .then(|| join_longer(m, &clusters, mentions))
            .flatten()
        {
            by_key.insert(k, c);
            c
        } else {
            clusters.push(Vec::new());
            by_key.insert(k, clusters.len() - 1);
            clusters.len() - 1
        };
        clusters[c].push(i);
        cluster[i] = Some(c);
    }

    // 2. Single words.
    for i in 0..n {
        let m = &mentions[i];
        if m.via != Via::Name || m.words.len() != 1 {
            continue;
        }
        let w = &m.words[0];
        if let Some(&c) = by_key.get(&(m.kind, w.clone())) {
            clusters[c].push(i);
            cluster[i] = Some(c);
            continue;
        }
        let candidates = single_word_candidates(w, m.kind, &clusters, mentions);
        let chosen = match candidates.len() {
            0 => None,
            1 => Some(candidates[0]),
            _ if is_plural(w, &clusters, mentions) => {
                continue; // "the Leveretts": more than one person
            }
            _ => nearest(m, &candidates, &clusters, mentions),
        };
        if let Some(c) = chosen {
            clusters[c].push(i);
            cluster[i] = Some(c);
        } else if !m.weak {
            clusters.push(vec![i]);
            by_key.insert((m.kind, w.clone()), clusters.len() - 1);
            cluster[i] = Some(clusters.len() - 1);
        }
    }

    // 3. Pronouns.
    for i in 0..n {
        let m = &mentions[i];
        if m.via != Via::Pronoun {
            continue;
        }
        cluster[i] = antecedent(i, mentions, &cluster, &clusters, seg);
        if let Some(c) = cluster[i] {
            clusters[c].push(i);
        }
    }

    build_actors(text, mentions, cluster, clusters, aliases)
}

/// A full name joining a longer one with the same first and last word.
fn join_longer(m: &Mention, clusters: &[Vec<usize>], mentions: &[Mention]) -> Option<usize> {
    let (f, l) = (m.words.first()?, m.words.last()?);
    let hits: Vec<usize> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let h = &mentions[c[0]];
            h.kind == ActorKind::Person
                && h.words.len() > m.words.len()
                && h.words.first() == Some(f)
                && h.words.last() == Some(l)
        })
        .map(|(i, _)| i)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// Clusters whose full name has this word as surname or given name.
fn single_word_candidates(
    w: &str,
    kind: ActorKind,
    clusters: &[Vec<usize>],
    mentions: &[Mention],
) -> Vec<usize> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    let mut surname = Vec::new();
    let mut given = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        let head = &mentions[c[0]];
        if head.kind != kind || head.words.len() < 2 {
            continue;
        }
        let last = head.words.last().map(String::as_str);
        if last == Some(w) || (kind == ActorKind::Person && w.len() > 3 && last == Some(stem)) {
            surname.push(ci);
        } else if kind == ActorKind::Person && head.words.first().map(String::as_str) == Some(w) {
            given.push(ci);
        } else if kind == ActorKind::Organization && head.words.iter().any(|x| x == w) {
            given.push(ci);
        }
    }
    if surname.is_empty() {
        given
    } else {
        surname
    }
}

/// True for a plural surname ("Leveretts") shared by several people.
fn is_plural(w: &str, clusters: &[Vec<usize>], mentions: &[Mention]) -> bool {
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    clusters
        .iter()
        .filter(|c| mentions[c[0]].words.last().map(String::as_str) == Some(stem))
        .count()
        >= 2
}

/// The candidate with a full mention nearest before `m`, else nearest after.
fn nearest(
    m: &Mention,
    candidates: &[usize],
    clusters: &[Vec<usize>],
    mentions: &[Mention],
) -> Option<usize> {
    let at = m.span.start;
    let mut best_before: Option<(usize, usize)> = None;
    let mut best_after: Option<(usize, usize)> = None;
    for &c in candidates {
        for &j in &clusters[c] {
            let s = mentions[j].span.start;
            if s < at && best_before.is_none_or(|(b, _)| s > b) {
                best_before = Some((s, c));
            } else if s > at && best_after.is_none_or(|(b, _)| s < b) {
                best_after = Some((s, c));
            }
        }
    }
    best_before.or(best_after).map(|(_, c)| c)
}

fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// The nearest person before pronoun `i`, within two sentences back, whose
/// gender does not clash.
fn antecedent(
    i: usize,
    mentions: &[Mention],
    cluster: &[Option<usize>],
    clusters: &[Vec<usize>],
    seg: &Segmentation,
) -> Option<usize> {
    let p = &mentions[i];
    let para = seg.sentences.get(p.sentence).map(|s| s.paragraph);
    for j in (0..i).rev() {
        let m = &mentions[j];
        if p.sentence.saturating_sub(m.sentence) > 2 {
            break;
        }
        if seg.sentences.get(m.sentence).map(|s| s.paragraph) != para && p.sentence != m.sentence {
            // Previous paragraph: only the immediately preceding sentence.
            if p.sentence - m.sentence > 1 {
                break;
            }
        }
        let Some(c) = cluster[j] else { continue };
        if m.kind != ActorKind::Person {
            continue;
        }
        let g = cluster_gender(&clusters[c], mentions);
        if compatible(g, p.gender) {
            return Some(c);
        }
    }
    None
}

fn cluster_gender(c: &[usize], mentions: &[Mention]) -> Gender {
    c.iter()
        .map(|&j| mentions[j].gender)
        .find(|g| *g != Gender::Unknown)
        .unwrap_or(Gender::Unknown)
}

/// Name the clusters, apply the alias table, and number the actors in order
/// of first mention.
fn build_actors(
    text: &str,
    mentions: &[Mention],
    cluster: Vec<Option<usize>>,
    clusters: Vec<Vec<usize>>,
    aliases: &AliasTable,
) -> Resolution {
    // Each cluster's id and kind, after the alias table.
    let mut named: Vec<Option<(String, ActorKind)>> = Vec::with_capacity(clusters.len());
    for c in &clusters {
        let names: Vec<&Mention> = c
            .iter()
            .map(|&j| &mentions[j])
            .filter(|m| m.via == Via::Name)
            .collect();
        let Some(best) = names.iter().max_by(|a, b| {
            a.words
                .len()
                .cmp(&b.words.len())
                .then_with(|| b.span.start.cmp(&a.span.start))
        }) else {
            named.push(None);
            continue;
        };
        let id = best
            .text(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let hit = std::iter::once(id.as_str())
            .chain(names.iter().map(|m| m.text(text)))
            .find_map(|n| aliases.lookup(n));
        named.push(match hit {
            Some(e) if e.ignore => None,
            Some(e) => Some((e.name.clone(), e.kind.unwrap_or(best.kind))),
            None => Some((id, best.kind)),
        });
    }
    // Merge clusters that now share an id; order by first mention.
    let mut first_at: Vec<(usize, usize)> = clusters
        .iter()
        .enumerate()
        .filter_map(|(ci, c)| {
            c.iter()
                .map(|&j| mentions[j].span.start)
                .min()
                .map(|s| (s, ci))
        })
        .collect();
    first_at.sort();
    let mut actors: Vec<Actor> = Vec::new();
    let mut index: HashMap<(String, ActorKind), usize> = HashMap::new();
    let mut of_cluster = vec![None; clusters.len()];
    for (_, ci) in first_at {
        let Some((id, kind)) = named[ci].clone() else {
            continue;
        };
        let a = *index.entry((id.clone(), kind)).or_insert_with(|| {
            actors.push(Actor {
                id,
                kind,
                gender: Gender::Unknown,
                aliases: BTreeSet::new(),
            });
            actors.len() - 1
        });
        of_cluster[ci] = Some(a);
        for &j in &clusters[ci] {
            let m = &mentions[j];
            if m.via == Via::Name {
                actors[a].aliases.insert(m.text(text).to_owned());
            }
            if actors[a].gender == Gender::Unknown {
                actors[a].gender = m.gender;
            }
        }
    }
    let of_mention = cluster
        .into_iter()
        .map(|c| c.and_then(|c| of_cluster[c]))
        .collect();
    Resolution { actors, of_mention }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::detect;
    use crate::segment::segment;

    fn ids(t: &str) -> Vec<(String, Option<String>)> {
        let seg = segment(t);
        let ms = detect(t, &seg);
        let r = resolve(t, &seg, &ms, &AliasTable::default());
        ms.iter()
            .enumerate()
            .map(|(i, m)| (m.text(t).to_owned(), r.actor_of(i).map(|a| a.id.clone())))
            .collect()
    }

    fn id_of(t: &str, mention: &str, nth: usize) -> Option<String> {
        ids(t)
            .into_iter()
            .filter(|(m, _)| m == mention)
            .nth(nth)
            .and_then(|(_, a)| a)
    }

    #[test]
    fn surname_joins_full_name() {
        let t = "Vice President Dick Cheney spoke. Later Cheney left.";
        assert_eq!(id_of(t, "Cheney", 0).as_deref(), Some("Dick Cheney"));
    }

    #[test]
    fn shared_surname_takes_nearest() {
        let t = "Mara Quell spoke first. Then Tobin Quell arrived. Quell said he was tired.";
        assert_eq!(id_of(t, "Quell", 0).as_deref(), Some("Tobin Quell"));
        assert_eq!(id_of(t, "he", 0).as_deref(), Some("Tobin Quell"));
    }

    #[test]
    fn surname_before_full_name() {
        let t = "Brisk words from Okonkwo. Later, Adaeze Okonkwo wrote again.";
        assert_eq!(id_of(t, "Okonkwo", 0).as_deref(), Some("Adaeze Okonkwo"));
    }

    #[test]
    fn plural_family_left_out() {
        let t = "Hillary Mann Leverett and Flynt Leverett wrote. The Leveretts agree.";
        let all = ids(t);
        assert!(all
            .iter()
            .all(|(_, a)| a.as_deref() != Some("Leverett") && a.as_deref() != Some("Leveretts")));
        assert_eq!(
            id_of(t, "Hillary Mann Leverett", 0).as_deref(),
            Some("Hillary Mann Leverett")
        );
    }

    #[test]
    fn pronoun_gender() {
        let t = "Ms. Ines Varga met Mr. Paulo Brandt. She said the talks went well.";
        assert_eq!(id_of(t, "She", 0).as_deref(), Some("Ines Varga"));
    }

    #[test]
    fn alias_file_overrides() {
        let t = "Dick Cheney met Bolt Industries staff.";
        let seg = segment(t);
        let ms = detect(t, &seg);
        let table = AliasTable::new(vec![
            AliasEntry {
                name: "Richard B. Cheney".into(),
                aliases: vec!["Dick Cheney".into()],
                kind: None,
                ignore: false,
            },
            AliasEntry {
                name: "Bolt Industries".into(),
                aliases: vec![],
                kind: None,
                ignore: true,
            },
        ]);
        let r = resolve(t, &seg, &ms, &table);
        let ids: Vec<&str> = r.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["Richard B. Cheney"]);
    }
}
