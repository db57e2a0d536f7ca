//! A plain reference resolver: steps 1 and 2 of [`resolve`] (full names,
//! then single words tied to the full names whose surname or given name
//! they are) written the obvious way, clusters as plain structs with their
//! words as strings, every lookup a scan of all clusters. The real
//! resolver's word ids, [`Index`](super::index::Index)es and key maps
//! must give the same clusters; a property test checks it on generated
//! documents of invented names. Pronouns, nominals and the actors are
//! then made by the real steps from the oracle's clusters, so the two
//! resolutions compare whole.

use super::clusters::Members;
use super::text::title_phrase;
use super::*;
use crate::mentions::Via;
use std::collections::HashMap;

/// A cluster of the plain resolver.
struct Plain {
    /// The words of the name mention that opened it.
    opener: Vec<String>,
    /// The kind of that mention.
    kind: ActorKind,
    /// (span start, sentence) of its full-name mentions, sorted after step 1.
    full: Vec<(usize, usize)>,
    /// Titles its full names bore (lower case, no periods).
    titles: Vec<String>,
    /// Gender as its full names tell it.
    gender: Gender,
    /// Its mentions in the order they joined.
    members: Vec<usize>,
}

/// The plain resolver's state: clusters in order of creation, the cluster
/// each name (kind, words) last named, and each mention's cluster.
struct Oracle<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    words: Vec<Vec<String>>,
    clusters: Vec<Plain>,
    keys: HashMap<(ActorKind, Vec<String>), usize>,
    cluster: Vec<Option<usize>>,
    mention_lexicon: &'a crate::mentions::Lexicon,
}

impl Oracle<'_> {
    fn open(&mut self, i: usize) -> usize {
        let m = &self.mentions[i];
        self.clusters.push(Plain {
            opener: self.words[i].clone(),
            kind: m.kind,
            full: Vec::new(),
            titles: Vec::new(),
            gender: Gender::Unknown,
            members: Vec::new(),
        });
        let c = self.clusters.len() - 1;
        self.keys.insert((m.kind, self.words[i].clone()), c);
        c
    }

    fn join(&mut self, c: usize, i: usize) {
        self.clusters[c].members.push(i);
        self.cluster[i] = Some(c);
    }

    fn key(&self, i: usize) -> Option<usize> {
        self.keys
            .get(&(self.mentions[i].kind, self.words[i].clone()))
            .copied()
    }

    /// Person clusters opened by a full name whose word at `pick` is `w`.
    fn opened_with(&self, w: &str, pick: fn(&[String]) -> Option<&String>) -> Vec<usize> {
        (0..self.clusters.len())
            .filter(|&c| {
                let p = &self.clusters[c];
                p.kind == ActorKind::Person
                    && p.opener.len() >= 2
                    && pick(&p.opener).is_some_and(|x| x == w)
            })
            .collect()
    }

    fn by_last(&self, w: &str) -> Vec<usize> {
        self.opened_with(w, |v| v.last())
    }

    /// The one longer person name with the same first and last word.
    fn join_longer(&self, i: usize) -> Option<usize> {
        let w = &self.words[i];
        let hits: Vec<usize> = self
            .by_last(w.last()?)
            .into_iter()
            .filter(|&c| {
                let o = &self.clusters[c].opener;
                o.len() > w.len() && o.first() == w.first()
            })
            .collect();
        (hits.len() == 1).then(|| hits[0])
    }

    fn candidates(&self, w: &str, kind: ActorKind) -> Vec<usize> {
        match kind {
            ActorKind::Person => {
                let mut surname = self.by_last(w);
                if let Some(stem) = w.strip_suffix('s').filter(|_| w.len() > 3) {
                    surname.extend(self.by_last(stem));
                }
                if surname.is_empty() {
                    self.opened_with(w, |v| v.first())
                } else {
                    surname
                }
            }
            ActorKind::Organization if self.mention_lexicon.orgs.contains(w) => {
                (0..self.clusters.len())
                    .filter(|&c| {
                        let p = &self.clusters[c];
                        let name: Vec<&str> = p.opener.iter().map(String::as_str).collect();
                        p.kind == ActorKind::Organization
                            && p.opener.len() >= 2
                            && super::candidates::names_body(&name, w, self.mention_lexicon)
                    })
                    .collect()
            }
            ActorKind::Organization => (0..self.clusters.len())
                .filter(|&c| {
                    let p = &self.clusters[c];
                    p.kind == ActorKind::Organization
                        && p.opener.len() >= 2
                        && p.opener.iter().any(|x| x == w)
                })
                .collect(),
            ActorKind::Source => Vec::new(),
        }
    }

    fn choose(&self, m: &Mention, candidates: Vec<usize>) -> Option<usize> {
        let g = m.title.map_or(Gender::Unknown, |t| {
            self.mention_lexicon
                .title_gender(&title_phrase(self.text, t))
        });
        let gender = |want: Gender| -> Vec<usize> {
            candidates
                .iter()
                .copied()
                .filter(|&c| self.clusters[c].gender == want)
                .collect()
        };
        let mut pool = candidates.clone();
        if g != Gender::Unknown {
            let (same, open) = (gender(g), gender(Gender::Unknown));
            if !same.is_empty() {
                pool = same;
            } else if !open.is_empty() {
                pool = open;
            }
        }
        if let Some(t) = m.title.map(|t| title_phrase(self.text, t)) {
            let titled: Vec<usize> = pool
                .iter()
                .copied()
                .filter(|&c| self.clusters[c].titles.contains(&t))
                .collect();
            if !titled.is_empty() {
                pool = titled;
            }
        }
        let at = m.span.start;
        // The nearest full mention before and after, the first candidate
        // winning ties.
        let mut before: Option<((usize, usize), usize)> = None;
        let mut after: Option<((usize, usize), usize)> = None;
        for &c in &pool {
            let full = &self.clusters[c].full;
            if let Some(&p) = full.iter().filter(|p| p.0 < at).max() {
                if before.is_none_or(|(b, _)| p.0 > b.0) {
                    before = Some((p, c));
                }
            }
            if let Some(&p) = full.iter().filter(|p| p.0 >= at).min() {
                if after.is_none_or(|(b, _)| p.0 < b.0) {
                    after = Some((p, c));
                }
            }
        }
        if let Some(((_, sent), c)) = before {
            if m.sentence.saturating_sub(sent) <= 2 {
                return Some(c);
            }
        }
        let count = |c: usize| self.clusters[c].full.len();
        let most = pool.iter().map(|&c| count(c)).max().unwrap_or(0);
        let top: Vec<usize> = pool.iter().copied().filter(|&c| count(c) == most).collect();
        if top.len() == 1 && most >= 2 {
            return Some(top[0]);
        }
        before.or(after).map(|(_, c)| c)
    }

    /// Step 1.
    fn full_names(&mut self, mut full: Vec<usize>) {
        full.sort_by_key(|&i| (std::cmp::Reverse(self.mentions[i].words.len()), i));
        for i in full {
            let m = &self.mentions[i];
            let c = match self.key(i) {
                Some(c) => c,
                None => match self.join_longer(i).filter(|_| m.kind == ActorKind::Person) {
                    Some(c) => {
                        self.keys.insert((m.kind, self.words[i].clone()), c);
                        c
                    }
                    None => self.open(i),
                },
            };
            self.join(c, i);
            let p = &mut self.clusters[c];
            p.full.push((m.span.start, m.sentence));
            if let Some(t) = m.title.map(|t| title_phrase(self.text, t)) {
                if !p.titles.contains(&t) {
                    p.titles.push(t);
                }
            }
            if p.gender == Gender::Unknown {
                p.gender = m.gender;
            }
        }
        for p in &mut self.clusters {
            p.full.sort();
        }
    }

    /// Step 2 for mention `i`.
    fn single(&mut self, i: usize, weak: bool, acting: &HashMap<String, u32>) {
        let m = &self.mentions[i];
        if m.words.len() >= 2 {
            if weak {
                if let Some(c) = self.key(i).or_else(|| self.join_longer(i)) {
                    self.join(c, i);
                }
            }
            return;
        }
        let Some(w) = self.words[i].first().cloned() else {
            return;
        };
        let candidates = self.candidates(&w, m.kind);
        let plural = |o: &Oracle<'_>| {
            w.strip_suffix('s')
                .is_some_and(|st| o.by_last(st).len() >= 2)
        };
        let chosen = match candidates.len() {
            0 => self.key(i).or_else(|| {
                (m.kind == ActorKind::Person).then_some(())?;
                let surnames = self
                    .clusters
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.kind == ActorKind::Person && p.opener.len() >= 2)
                    .map(|(c, p)| (c, p.opener[p.opener.len() - 1].as_str()));
                super::candidates::misspelled(&w, surnames)
            }),
            1 => Some(candidates[0]),
            _ if plural(self) => return,
            _ => self.choose(m, candidates),
        };
        if let Some(c) = chosen {
            self.join(c, i);
        } else if !m.weak || acting.get(&w).copied().unwrap_or(0) >= 2 {
            let c = self.open(i);
            self.join(c, i);
        }
    }
}

/// The plain resolution of a document.
pub(super) fn resolve_plain(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    mention_lexicon: &crate::mentions::Lexicon,
    lexicon: &Lexicon,
) -> Resolution {
    let words: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| match m.via {
            Via::Name => m
                .words
                .texts(text, &seg.tokens)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let names = |pick: fn(&Mention) -> bool| -> Vec<usize> {
        (0..mentions.len())
            .filter(|&i| mentions[i].via == Via::Name && pick(&mentions[i]))
            .collect()
    };
    let full = names(|m| !m.weak && m.words.len() >= 2);
    let single = names(|m| !m.weak && m.words.len() < 2);
    let weak = names(|m| m.weak);
    let mut acting: HashMap<String, u32> = HashMap::new();
    for &i in &weak {
        let m = &mentions[i];
        if m.verb_after && m.words.len() == 1 && m.kind == ActorKind::Person {
            if let Some(w) = words[i].first() {
                *acting.entry(w.clone()).or_default() += 1;
            }
        }
    }
    let mut o = Oracle {
        text,
        mentions,
        words,
        clusters: Vec::new(),
        keys: HashMap::new(),
        cluster: vec![None; mentions.len()],
        mention_lexicon,
    };
    o.full_names(full);
    for i in single {
        o.single(i, false, &acting);
    }
    for i in weak {
        o.single(i, true, &acting);
    }
    // The real later steps, on the oracle's clusters.
    let mut members = Members::new(mentions.len());
    for p in &o.clusters {
        let c = members.add_cluster();
        for &i in &p.members {
            members.push(c, i);
        }
    }
    let mut cluster = o.cluster;
    pronouns::resolve_pronouns(
        text,
        seg,
        mentions,
        mention_lexicon,
        lexicon,
        &mut cluster,
        &mut members,
    );
    resolve_nominals(
        text,
        &seg.tokens,
        mentions,
        lexicon,
        &mut cluster,
        &mut members,
    );
    build_actors(
        text,
        mentions,
        cluster,
        &members,
        &AliasTable::default(),
        &[],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::detect;
    use crate::segment::segment;
    use proptest::prelude::*;

    const GIVEN: [&str; 6] = ["Ines", "Tomas", "Orla", "Paulo", "Mara", "Kester"];
    // "Ro" and "Ros": a plural or not, a stem or not.
    const SURNAME: [&str; 5] = ["Quell", "Ros", "Ro", "Varga", "Renn"];
    const MIDDLE: [&str; 2] = ["Ilse", "Tobin"];
    const TITLE: [&str; 6] = ["Dr.", "Ms.", "Mr.", "Senator", "Minister", "Vice President"];

    /// One sentence of a generated document.
    fn sentence((kind, g, s, t, x): (u8, usize, usize, usize, usize)) -> String {
        let (g, s, t) = (GIVEN[g], SURNAME[s], TITLE[t]);
        let mid = MIDDLE[x % 2];
        match kind {
            0 => format!("{g} {s} spoke."),
            1 => format!("{t} {g} {s} arrived."),
            2 => format!("{g} {mid} {s} wrote a book."),
            3 => format!("Later {s} said no."),
            4 => format!("{t} {s} left."),
            5 => format!("{g} laughed."),
            6 => format!("The {s}s agreed."),
            7 => ["He waited.", "She waited.", "He said she was right."][x % 3].to_owned(),
            8 => format!("They visited {s} in spring."),
            9 => format!("{s} taught at a school."),
            10 => format!("The {s} Industries board met."),
            11 => format!(
                "Then the {} said no.",
                t.rsplit(' ').next().unwrap().to_lowercase()
            ),
            12 => "Rain fell.".to_owned(),
            13 => [
                "Later the Council said no.",
                "The Senate voted.",
                "The Board met.",
                "The U.S. Senate voted.",
            ][x % 4]
                .to_owned(),
            14 if x % 2 == 0 => format!("The {s} Council met."),
            14 => "Senate Republicans met.".to_owned(),
            _ => "\n\n".to_owned(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// On documents of invented names the real resolver's indexes give
        /// the clusters and actors the plain scans give.
        #[test]
        fn resolve_matches_the_plain_oracle(
            parts in proptest::collection::vec((0u8..16, 0usize..4, 0usize..3, 0usize..6, 0usize..6), 1..24),
        ) {
            let text: Vec<String> = parts.into_iter().map(sentence).collect();
            let t = text.join(" ");
            let seg = segment(&t);
            let ms = detect(&t, &seg, &crate::mentions::Lexicon::builtin());
            let (ml, rl) = (crate::mentions::Lexicon::builtin(), Lexicon::builtin());
            let real = resolve(&t, &seg, &ms, &AliasTable::default(), &ml, &rl);
            let plain = resolve_plain(&t, &seg, &ms, &ml, &rl);
            prop_assert_eq!(&real.actors, &plain.actors, "{:?}", t);
            prop_assert_eq!(&real.of_mention, &plain.of_mention, "{:?}", t);
        }
    }
}
