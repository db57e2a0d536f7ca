//! Stage 4: which mentions name the same actor.
//!
//! Within a document, [`resolve`]:
//!
//! 1. groups full names (two words or more) by their words, a shorter full
//!    name joining a longer one with the same first and last word
//!    ("Hillary Leverett" -> "Hillary Mann Leverett");
//! 2. ties a single word to the full name whose surname or given name it
//!    is; where two full names share it ("Leverett" with Flynt and Hillary
//!    Mann Leverett in play) a matching title or gender decides, then the
//!    full mention nearest before it if at most two sentences back, then
//!    the one named most often, then the nearest; a plural ("the
//!    Leveretts") naming several is left out. Words with a person cue go
//!    first; a bare unknown word only joins a person found otherwise, or
//!    stands alone when it keeps acting as a subject ("Renn taught ...",
//!    "Renn wrote ..."). Full names are indexed by surname and given name,
//!    so no step scans all clusters;
//! 3. ties `he`/`she` and their forms to the most salient person of a
//!    matching gender, by salience (see `pronouns.rs`), a possessive to
//!    the person just named in its clause ("Powell and his deputy"), and
//!    leaves a "he" whose sentence's subject is an unnamed "the
//!    president" unresolved; `the minister`
//!    goes to the person last named with that title;
//! 4. applies the user's [`AliasTable`], which may rename, retype, merge or
//!    drop actors.
//!
//! An acronym defined in parentheses right after a full name ("Mujahedin
//! e-Khalq (MEK)", `acronyms.rs`) is a name of that actor (in its
//! aliases), and its mentions in the document join it in step 2.
//!
//! Each actor's id is its fullest name without title ("Dick Cheney"), the
//! id the graph gives its node; the same id in two documents is one node.
//!
//! The word lists come from two lexicons passed to [`resolve`]: the
//! mention detector's ([`crate::mentions::Lexicon`]: title genders, known
//! organizations) and the resolver's own [`Lexicon`], read from
//! `src/resolve/data/*.txt` ([`DATA`]; [`check_example`] judges their
//! examples).
//!
//! Files: `mod.rs` holds [`resolve`] and its steps; `index.rs` the word
//! ids of the names and the indexes by word id; `clusters.rs` the clusters
//! under construction and their members; `candidates.rs` the choice of a
//! cluster for a name; `pronouns.rs` and `nominals.rs` steps 3;
//! `actors.rs` step 4 with `aliases.rs` the alias file; `text.rs` name and
//! title normalisation; `lexicon.rs` and `examples.rs` the data files;
//! `tests.rs` the tests of the whole, and `oracle.rs` a plain resolver
//! the fast indexes are checked against.

mod acronyms;
mod actors;
mod aliases;
mod candidates;
mod clusters;
mod examples;
mod index;
mod lexicon;
mod nominals;
#[cfg(test)]
mod oracle;
mod pronouns;
#[cfg(test)]
mod tests;
mod text;

pub use acronyms::spells;
pub use aliases::{AliasEntry, AliasTable};
pub use examples::check_example;
pub use lexicon::{Lexicon, DATA};
pub use text::{fold_name, is_apostrophe};

use crate::mentions::{ActorKind, Gender, Mention};
use crate::segment::Segmentation;
use actors::build_actors;
use candidates::{by_gender, choose, is_plural, join_longer, misspelled, single_word_candidates};
use clusters::Clusters;
use index::{NameLists, WordIds};
use nominals::resolve_nominals;
use std::collections::BTreeSet;
use text::title_phrase;

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
    /// The index in [`Resolution::actors`] of mention `i`'s actor (none
    /// for a mention without one, or past the last mention).
    #[inline]
    pub fn actor_index(&self, i: usize) -> Option<usize> {
        self.of_mention.get(i).copied().flatten()
    }

    /// The actor of mention `i`.
    pub fn actor_of(&self, i: usize) -> Option<&Actor> {
        self.actor_index(i).map(|a| &self.actors[a])
    }
}

/// Resolve the mentions of one document, with the mention detector's
/// lexicon (title genders, known organizations) and the resolver's own.
pub fn resolve(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    aliases: &AliasTable,
    mention_lexicon: &crate::mentions::Lexicon,
    lexicon: &Lexicon,
) -> Resolution {
    let n = mentions.len();
    let mut cluster: Vec<Option<usize>> = vec![None; n];
    // The name mentions sorted out in the same pass: full names, single
    // words with a cue, and the weak ones, each in text order.
    let mut lists = NameLists {
        full: Vec::with_capacity(n),
        single: Vec::with_capacity(n),
        weak: Vec::with_capacity(n),
    };
    let ids = WordIds::new(text, &seg.tokens, mentions, &mut lists);
    let NameLists { full, single, weak } = lists;
    let names = full.len() + single.len() + weak.len();
    let mut cs = Clusters::with_capacity(n, names, &ids);
    let doc = Doc {
        text,
        mentions,
        mention_lexicon,
        acronyms: &[],
    };

    // 1. Full names, longest first so shorter ones can join them.
    doc.cluster_full_names(full, &mut cs, &mut cluster);
    // 2. Single words: those with a cue first, so that a bare candidate
    // ("Renn" with no cue) can join a person the text confirmed elsewhere.
    let acting = doc.acting(&weak, &ids);
    // Acronyms defined after the full names ("Inter Press Service (IPS)"):
    // their mentions join those names' clusters.
    let defined = acronyms::defined(text, &seg.tokens, mentions, &cluster);
    let doc = Doc {
        acronyms: &defined,
        ..doc
    };
    for &i in &single {
        doc.tie_name(i, false, &acting, &mut cs, &mut cluster);
    }
    for &i in &weak {
        doc.tie_name(i, true, &acting, &mut cs, &mut cluster);
    }
    // 3. Pronouns, by salience, and nominals.
    pronouns::resolve_pronouns(
        text,
        seg,
        mentions,
        mention_lexicon,
        lexicon,
        &mut cluster,
        &mut cs.members,
    );
    resolve_nominals(
        text,
        &seg.tokens,
        mentions,
        lexicon,
        &mut cluster,
        &mut cs.members,
    );
    // 4. Actors, after the alias table.
    build_actors(text, mentions, cluster, &cs.members, aliases, &defined)
}

/// The document being resolved, for the steps of [`resolve`].
#[derive(Clone, Copy)]
struct Doc<'d> {
    text: &'d str,
    mentions: &'d [Mention],
    /// The mention detector's lexicon.
    mention_lexicon: &'d crate::mentions::Lexicon,
    /// (cluster, acronym) of the acronyms defined in parentheses.
    acronyms: &'d [(usize, crate::span::Span)],
}

impl Doc<'_> {
    /// Step 1: each full name (mention indices `full`) joins the cluster
    /// of the same words, or the longer full name it shortens, or opens a
    /// cluster; longest first.
    fn cluster_full_names(
        self,
        mut full: Vec<usize>,
        cs: &mut Clusters<'_>,
        cluster: &mut [Option<usize>],
    ) {
        let (text, mentions) = (self.text, self.mentions);
        full.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].words.len()), i));
        cs.full_at.reserve_exact(full.len());
        for &i in &full {
            let m = &mentions[i];
            let c = if let Some(c) = cs.by_key(m.kind, i) {
                c
            } else if let Some(c) = (m.kind == ActorKind::Person)
                .then(|| join_longer(i, cs, mentions))
                .flatten()
            {
                cs.set_key(m.kind, i, c);
                c
            } else {
                let c = cs.new_cluster(m, i);
                cs.set_key(m.kind, i, c);
                c
            };
            cs.members.push(c, i);
            cs.full_at.push((c, m.span.start, m.sentence));
            if let Some(t) = m.title {
                let t = title_phrase(text, t);
                if !cs.has_title(c, &t) {
                    cs.titles.push((c, t));
                }
            }
            if cs.gender[c] == Gender::Unknown {
                cs.gender[c] = m.gender;
            }
            cluster[i] = Some(c);
        }
        cs.index_full_at();
    }

    /// How often each word (by id) opens a clause as a subject among the
    /// weak single-word mentions `weak`: an unknown word that does so
    /// again and again ("Renn taught ...", "Renn wrote ...") is a person's
    /// name. Empty when there are no weak mentions (most documents).
    fn acting(self, weak: &[usize], words: &WordIds<'_>) -> Vec<u32> {
        let mut acting: Vec<u32> = if weak.is_empty() {
            Vec::new()
        } else {
            vec![0; words.count()]
        };
        for &i in weak {
            let m = &self.mentions[i];
            if m.verb_after && m.words.len() == 1 && m.kind == ActorKind::Person {
                if let Some(&w) = words.of(i).first() {
                    acting[w as usize] += 1;
                }
            }
        }
        acting
    }

    /// Step 2 for name mention `i`, a single word or (when `weak`, the
    /// second pass) a full name without support: the cluster it joins,
    /// or a new one, or none.
    fn tie_name(
        self,
        i: usize,
        weak: bool,
        acting: &[u32],
        cs: &mut Clusters<'_>,
        cluster: &mut [Option<usize>],
    ) {
        let (text, mentions) = (self.text, self.mentions);
        let m = &mentions[i];
        if m.words.len() >= 2 {
            // A full name without support (a headline's): only joins a
            // person named elsewhere.
            if weak {
                let c = cs
                    .by_key(m.kind, i)
                    .or_else(|| join_longer(i, cs, mentions));
                if let Some(c) = c {
                    cs.members.push(c, i);
                    cluster[i] = Some(c);
                }
            }
            return;
        }
        let words = cs.words;
        let Some(&wid) = words.of(i).first() else {
            return;
        };
        let w = words.texts[wid as usize];
        // An acronym the text defined: the defined name's.
        if let Some(&(c, _)) = self.acronyms.iter().find(|(_, a)| a.slice(text) == w) {
            cs.set_key(m.kind, i, c);
            cs.members.push(c, i);
            cluster[i] = Some(c);
            return;
        }
        let candidates = single_word_candidates(wid, w, m.kind, cs, mentions, self.mention_lexicon);
        let chosen = match candidates.len() {
            0 => cs.by_key(m.kind, i).or_else(|| {
                // A surname misspelt ("Bauchtman" for "Buchtmann").
                (m.kind == ActorKind::Person).then_some(())?;
                let surnames = (0..cs.members.len()).filter_map(|c| {
                    let h = cs.members.first(c);
                    let ws = cs.words.of(h);
                    (mentions[h].kind == ActorKind::Person && ws.len() >= 2)
                        .then(|| (c, cs.words.texts[ws[ws.len() - 1] as usize]))
                });
                misspelled(w, surnames)
            }),
            1 => Some(candidates[0]),
            _ if is_plural(w, cs) => return, // "the Leveretts": several people
            _ => {
                // Only a title tells a bare surname's gender ("Nelson" may
                // be a given name too).
                let g = m.title.map_or(Gender::Unknown, |t| {
                    self.mention_lexicon.title_gender(&title_phrase(text, t))
                });
                choose(text, m, &by_gender(g, candidates.into_owned(), cs), cs)
            }
        };
        if let Some(c) = chosen {
            cs.members.push(c, i);
            cluster[i] = Some(c);
        } else if !m.weak || acting[wid as usize] >= 2 {
            let c = cs.new_cluster(m, i);
            cs.set_key(m.kind, i, c);
            cs.members.push(c, i);
            cluster[i] = Some(c);
        }
    }
}
