//! The plan of a document analysed in parts: the parts' plans folded into
//! one (see `pipeline/parts.rs`).

use super::{add_cue, PlanActor, PlanLink, RecordPlan};
use crate::graph::{EdgeKind, GraphOptions};
use rustc_hash::FxHashMap;

impl RecordPlan {
    /// Fold in `later`, the plan of the next part of the same document
    /// (made with the same `options`): an actor of the same id is the same
    /// actor (mentions added, names joined), a link between the same
    /// actors of the same kind is the same link (weights, cue counts and
    /// confidences added, the smallest evidence spans of both kept, at most
    /// `options.max_evidence`). New actors and links come after the ones
    /// already here, in their order: the plan is the one document's, which
    /// a graph counts once.
    pub fn merge(&mut self, mut later: RecordPlan, options: &GraphOptions) {
        let cap = options.max_evidence;
        let mut links = std::mem::take(&mut self.links);
        let later_links = std::mem::take(&mut later.links);
        // Each actor's names, joined.
        let mut names: Vec<Vec<&str>> = self
            .actors
            .iter()
            .map(|a| self.names_of(a).collect())
            .collect();
        let mut actors: Vec<(&str, PlanActor)> = self
            .actors
            .iter()
            .map(|a| (self.name(a.id), a.clone()))
            .collect();
        let mut by_id: FxHashMap<&str, u32> = actors
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i as u32))
            .collect();
        // The index here of each of `later`'s actors.
        let mut index = Vec::with_capacity(later.actors.len());
        for a in &later.actors {
            let id = later.name(a.id);
            let i = *by_id.entry(id).or_insert_with(|| {
                actors.push((
                    id,
                    PlanActor {
                        mentions: 0,
                        ..a.clone()
                    },
                ));
                names.push(Vec::new());
                (actors.len() - 1) as u32
            });
            let mine = &mut actors[i as usize].1;
            mine.mentions = mine.mentions.saturating_add(a.mentions);
            names[i as usize].extend(later.names_of(a));
            index.push(i);
        }
        merge_links(&mut links, later_links, &index, cap);
        // Packed again: ids and names end to end, each actor's names
        // sorted and once each.
        let mut packed = String::new();
        let mut put = |s: &str| {
            let start = packed.len() as u32;
            packed.push_str(s);
            (start, packed.len() as u32)
        };
        let mut aliases = Vec::new();
        let actors: Vec<PlanActor> = actors
            .into_iter()
            .zip(&mut names)
            .map(|((id, a), names)| {
                names.sort_unstable();
                names.dedup();
                let id = put(id);
                let first = aliases.len() as u32;
                aliases.extend(names.iter().map(|n| put(n)));
                PlanActor {
                    id,
                    aliases: (first, aliases.len() as u32),
                    ..a
                }
            })
            .collect();
        self.names = packed;
        self.actors = actors;
        self.aliases = aliases;
        self.links = links;
    }

    /// The names of one of this plan's actors.
    fn names_of<'p>(&'p self, a: &PlanActor) -> impl Iterator<Item = &'p str> + 'p {
        let (first, end) = a.aliases;
        self.aliases[first as usize..end as usize]
            .iter()
            .map(|&r| self.name(r))
    }
}

/// Fold `later`, the links of another plan whose actor `x` is actor
/// `index[x]` here, into `links`.
fn merge_links(links: &mut Vec<PlanLink>, later: Vec<PlanLink>, index: &[u32], cap: usize) {
    let mut at: FxHashMap<(u32, u32, EdgeKind), usize> = links
        .iter()
        .enumerate()
        .map(|(i, l)| ((l.a, l.b, l.kind), i))
        .collect();
    for l in later {
        let (a, b) = (index[l.a as usize], index[l.b as usize]);
        match at.get(&(a, b, l.kind)) {
            Some(&i) => {
                let mine = &mut links[i];
                mine.weight = mine.weight.saturating_add(l.weight);
                mine.confidence.merge(&l.confidence);
                for &span in l.spans.as_slice() {
                    mine.spans.keep(cap, span);
                }
                for (lemma, class, n) in l.cues {
                    add_cue(&mut mine.cues, lemma.as_deref(), class, n);
                }
            }
            None => {
                at.insert((a, b, l.kind), links.len());
                links.push(PlanLink { a, b, ..l });
            }
        }
    }
}
