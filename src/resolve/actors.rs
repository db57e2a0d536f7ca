//! The actors of a document: clusters named, the alias table applied,
//! and clusters of one id (or one id but for its spelling, see
//! [`fold_name`]) merged.

use super::clusters::Members;
use super::text::{fold_name, squeeze_whitespace};
use super::{Actor, AliasTable, Resolution};
use crate::mentions::{ActorKind, Gender, Mention, Via};
use crate::words::hash::WordMap;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Name the clusters, apply the alias table, and number the actors in order
/// of first mention.
pub(super) fn build_actors<'t>(
    text: &'t str,
    mentions: &[Mention],
    cluster: Vec<Option<usize>>,
    members: &Members,
    aliases: &'t AliasTable,
    acronyms: &[(usize, crate::span::Span)],
) -> Resolution {
    let nc = members.len();
    let (mut named, mut first_at) = name_clusters(text, mentions, members, aliases);
    // Merge clusters that now share an id; order by first mention.
    first_at.sort_unstable();
    let mut actors: Vec<Actor> = Vec::with_capacity(nc);
    // By folded id: spellings of one name ("Ichiyo Higuchi", "Ichiyō
    // Higuchi"; "al-Qaeda", "Al Qaeda") are one actor, named as first met.
    let mut index: WordMap<(String, ActorKind), usize> =
        WordMap::with_capacity_and_hasher(nc, Default::default());
    let mut of_cluster = vec![None; nc];
    for (_, ci) in first_at {
        // Each cluster comes once: its name can be moved out.
        let Some((id, kind)) = named[ci].take() else {
            continue;
        };
        let a = match index.entry((fold_name(&id), kind)) {
            std::collections::hash_map::Entry::Occupied(o) => *o.get(),
            std::collections::hash_map::Entry::Vacant(v) => {
                actors.push(Actor {
                    id: id.into_owned(),
                    kind,
                    gender: Gender::Unknown,
                    aliases: BTreeSet::new(),
                });
                *v.insert(actors.len() - 1)
            }
        };
        of_cluster[ci] = Some(a);
        let actor = &mut actors[a];
        for j in members.of(ci) {
            let m = &mentions[j];
            // Look before copying: most names repeat.
            if m.via == Via::Name && !actor.aliases.contains(m.text(text)) {
                actor.aliases.insert(m.text(text).to_owned());
            }
            if actor.gender == Gender::Unknown {
                actor.gender = m.gender;
            }
        }
    }
    // Acronyms defined in the text are names of their actors.
    for &(c, span) in acronyms {
        if let Some(a) = of_cluster.get(c).copied().flatten() {
            let name = span.slice(text);
            if !actors[a].aliases.contains(name) {
                actors[a].aliases.insert(name.to_owned());
            }
        }
    }
    let of_mention = cluster
        .into_iter()
        .map(|c| c.and_then(|c| of_cluster[c]))
        .collect();
    Resolution { actors, of_mention }
}

/// A cluster's actor id and kind.
type Named<'t> = (Cow<'t, str>, ActorKind);

/// Each cluster's id and kind after the alias table (none for a cluster
/// without a name, or one the table drops), borrowed from the text or the
/// table; and (first mention's start, cluster) of the clusters named.
fn name_clusters<'t>(
    text: &'t str,
    mentions: &[Mention],
    members: &Members,
    aliases: &'t AliasTable,
) -> (Vec<Option<Named<'t>>>, Vec<(usize, usize)>) {
    let nc = members.len();
    // Each cluster's id and kind, after the alias table; borrowed from the
    // text or the table, copied once per actor below.
    let mut named: Vec<Option<Named<'t>>> = Vec::with_capacity(nc);
    // (first mention's start, cluster) of the clusters with a name; the
    // others make no actor.
    let mut first_at: Vec<(usize, usize)> = Vec::with_capacity(nc);
    for c in 0..nc {
        let names = || {
            members
                .of(c)
                .map(|j| &mentions[j])
                .filter(|m| m.via == Via::Name)
        };
        // One walk: the fullest name (the last of equals, as `max_by`
        // gives it) and the first mention's start.
        let mut best: Option<&Mention> = None;
        let mut first = usize::MAX;
        for j in members.of(c) {
            let m = &mentions[j];
            first = first.min(m.span.start);
            if m.via != Via::Name {
                continue;
            }
            let keep = best.is_some_and(|b| {
                b.words
                    .len()
                    .cmp(&m.words.len())
                    .then_with(|| m.span.start.cmp(&b.span.start))
                    .is_gt()
            });
            if !keep {
                best = Some(m);
            }
        }
        let Some(best) = best else {
            named.push(None);
            continue;
        };
        first_at.push((first, c));
        let id = squeeze_whitespace(best.text(text));
        // Most runs have no alias table: skip the lookups.
        let hit = if aliases.is_empty() {
            None
        } else {
            std::iter::once(id.as_ref())
                .chain(names().map(|m| m.text(text)))
                .find_map(|n| aliases.lookup(n))
        };
        named.push(match hit {
            Some(e) if e.ignore => None,
            Some(e) => Some((Cow::Borrowed(e.name.as_str()), e.kind.unwrap_or(best.kind))),
            None => Some((id, best.kind)),
        });
    }
    (named, first_at)
}
