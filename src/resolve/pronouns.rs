//! Pronouns by salience.
//!
//! Walking the mentions in order, each person cluster carries a salience
//! score: a name adds more than a pronoun, a mention opening its sentence
//! (the likely subject) adds more than one inside it, and the score fades
//! with every sentence. A pronoun goes to the most salient person of a
//! matching gender mentioned in the last few sentences; the document's
//! main person (named most often) keeps a floor of salience, so that "He"
//! at the head of a new paragraph in a life story is still its subject.
//! Only a bounded list of recent people is kept, so the walk is linear in
//! the number of mentions.
//!
//! Two nearer rules go first. A possessive ("his", "her") joined by "and"
//! to the name just before it is that person's when its gender fits
//! ("Powell and his deputy, Armitage": Powell's deputy, whoever was most
//! salient before). A subject pronoun in a sentence whose subject is a
//! person described but not named ("the president ... he") is that
//! person's, and stays unresolved rather than go to the last one named,
//! as do the later pronouns of that gender in the sentence.

use super::clusters::Members;
use super::Lexicon;
use crate::mentions::{ActorKind, Gender, Mention, Via};
use crate::segment::Segmentation;

/// Salience left after each sentence.
const DECAY: f64 = 0.7;
/// Sentences back a person stays a candidate.
const WINDOW: usize = 4;
/// Recent people kept.
const RECENT: usize = 24;
/// Salience a name adds, and a pronoun.
const NAME_WEIGHT: f64 = 2.0;
const PRONOUN_WEIGHT: f64 = 1.0;
/// Extra for a mention that opens its sentence.
const SUBJECT_BONUS: f64 = 2.0;
/// Salience floor of the document's main person.
const TOPIC_FLOOR: f64 = 0.9;
/// Factor for a person whose gender is not known.
const UNKNOWN_GENDER: f64 = 0.6;
/// Below this, a pronoun is left unresolved.
const MIN_SCORE: f64 = 0.2;

struct Recent {
    cluster: usize,
    score: f64,
    sentence: usize,
}

/// Sentences after which salience stops fading further.
const FADE_LIMIT: usize = 60;

/// `DECAY.powi(k)` for k = 0..=FADE_LIMIT, each computed by `powi` itself
/// (the exponent hidden from the optimiser, so the values are the very
/// ones a call at run time gives).
fn fades() -> &'static [f64; FADE_LIMIT + 1] {
    static FADES: std::sync::OnceLock<[f64; FADE_LIMIT + 1]> = std::sync::OnceLock::new();
    FADES.get_or_init(|| {
        let mut t = [0.0; FADE_LIMIT + 1];
        for (k, v) in t.iter_mut().enumerate() {
            *v = DECAY.powi(std::hint::black_box(k as i32));
        }
        t
    })
}

impl Recent {
    fn at(&self, sentence: usize, fades: &[f64; FADE_LIMIT + 1]) -> f64 {
        self.score * fades[sentence.saturating_sub(self.sentence).min(FADE_LIMIT)]
    }
}

/// True when mention `i` is the first mention of its sentence and stands
/// among its first few tokens.
fn opens_sentence(i: usize, mentions: &[Mention], seg: &Segmentation) -> bool {
    let m = &mentions[i];
    if i > 0 && mentions[i - 1].sentence == m.sentence {
        return false;
    }
    let Some(s) = seg.sentences.get(m.sentence) else {
        return false;
    };
    // `token_at_or_after(start) - s.tokens.start <= 3`, without the
    // search: no more than three tokens from the sentence's first begin
    // before the mention.
    seg.tokens
        .get(s.tokens.start + 3)
        .is_none_or(|t| t.span.start >= m.span.start)
}

/// True for a possessive determiner of a person ("his", "her").
fn is_possessive(text: &str, m: &Mention) -> bool {
    let w = m.span.slice(text);
    w.eq_ignore_ascii_case("his") || w.eq_ignore_ascii_case("her")
}

/// True for a subject pronoun ("he", "she").
fn is_subject(text: &str, m: &Mention) -> bool {
    let w = m.span.slice(text);
    w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")
}

/// The person a possessive pronoun `i` is joined to by "and" (or "or",
/// "with"), right after the name: "Powell and his deputy, Armitage" is
/// Powell's deputy, whoever was most salient before. The name's gender
/// must not be the other one. None elsewhere (salience decides): a
/// possessive further on may belong to the clause's subject rather than
/// the name nearest it ("welcomed by Pachomius upon his arrival").
#[allow(clippy::too_many_arguments)]
fn possessor(
    i: usize,
    text: &str,
    seg: &Segmentation,
    lexicon: &Lexicon,
    mentions: &[Mention],
    cluster: &[Option<usize>],
    gender: &[Gender],
    person: &[bool],
) -> Option<usize> {
    let m = &mentions[i];
    let j = i.checked_sub(1)?;
    let p = &mentions[j];
    let c = cluster[j]?;
    let fits = gender[c] == Gender::Unknown || m.gender == Gender::Unknown || gender[c] == m.gender;
    let (end, at) = (p.words.end as usize, m.words.start as usize);
    if p.sentence != m.sentence || p.via != Via::Name || !person[c] || !fits || at != end + 1 {
        return None;
    }
    lexicon
        .is_possessive_link(seg.tokens.get(end)?.text(text))
        .then_some(c)
}

/// True when subject pronoun `m` stands in a sentence whose subject is a
/// person described, not named ("Yet the mayor of Orlo never answered
/// ...; she said ..."): it is that person's, not the last one
/// named. The sentence opens (after at most one linking word of
/// `opening_words.txt`) with "the", at most one lower-case word, and a
/// title the mention detector knows, not followed by a name, all before
/// the pronoun.
fn described_subject(
    text: &str,
    seg: &Segmentation,
    lexicon: &Lexicon,
    m: &Mention,
    mention_lexicon: &crate::mentions::Lexicon,
) -> bool {
    let Some(s) = seg.sentences.get(m.sentence) else {
        return false;
    };
    let toks = &seg.tokens[s.tokens.clone()];
    let word = |k: usize| toks.get(k).map(|t| t.text(text));
    let mut k = 0;
    if word(k).is_some_and(|w| lexicon.is_opening_word(w)) {
        k += 1;
    }
    if !word(k).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return false;
    }
    // The title word, lower case, right after "the" (or after one more
    // lower-case word: "the new minister").
    for t in [k + 1, k + 2] {
        let Some(tok) = toks.get(t) else {
            return false;
        };
        if tok.span.start >= m.span.start {
            return false;
        }
        let w = tok.text(text);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        if mention_lexicon.is_title(w) {
            // A name right after it is the mention itself ("the minister
            // Tavi Renn"), not a description.
            return !toks
                .get(t + 1)
                .is_some_and(|n| n.text(text).chars().next().is_some_and(char::is_uppercase));
        }
    }
    false
}

/// Tie pronoun mentions to person clusters; `members` gains them.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve_pronouns(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    mention_lexicon: &crate::mentions::Lexicon,
    lexicon: &Lexicon,
    cluster: &mut [Option<usize>],
    members: &mut Members,
) {
    let nc = members.len();
    // Each cluster's kind and gender from its names; name counts for the topic.
    let mut person = vec![false; nc];
    let mut gender = vec![Gender::Unknown; nc];
    let mut names = vec![0usize; nc];
    for c in 0..nc {
        for j in members.of(c) {
            let m = &mentions[j];
            person[c] |= m.kind == ActorKind::Person;
            if gender[c] == Gender::Unknown {
                gender[c] = m.gender;
            }
            names[c] += 1;
        }
    }
    let topic = (0..nc)
        .filter(|&c| person[c] && names[c] >= 3)
        .max_by_key(|&c| (names[c], std::cmp::Reverse(c)));
    let mut topic_seen = false;
    // The sentence whose subject is a person described, not named, once a
    // subject pronoun there was left to that person: its later pronouns of
    // that gender are theirs too ("he has gone out of his way").
    let mut described: Option<(usize, Gender)> = None;
    // Room for the most kept, so the list never grows step by step.
    let mut recent: Vec<Recent> = Vec::with_capacity(RECENT);
    let fades = fades();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.via == Via::Pronoun && cluster[i].is_none() {
            let best = if described == Some((m.sentence, m.gender)) {
                None
            } else if let Some(c) = is_possessive(text, m)
                .then(|| possessor(i, text, seg, lexicon, mentions, cluster, &gender, &person))
                .flatten()
            {
                Some((1.0, c))
            } else if is_subject(text, m)
                && described_subject(text, seg, lexicon, m, mention_lexicon)
            {
                described = Some((m.sentence, m.gender));
                None
            } else {
                antecedent(m, &recent, &gender, (topic, topic_seen), fades)
            };
            if let Some((_, c)) = best {
                cluster[i] = Some(c);
                members.push(c, i);
                if gender[c] == Gender::Unknown {
                    gender[c] = m.gender;
                }
            }
        }
        let Some(c) = cluster[i] else { continue };
        if !person[c] {
            continue;
        }
        topic_seen |= Some(c) == topic;
        // Only needed here: most mentions never get this far.
        let subject = opens_sentence(i, mentions, seg);
        let w = if m.via == Via::Name {
            NAME_WEIGHT
        } else {
            PRONOUN_WEIGHT
        } + if subject { SUBJECT_BONUS } else { 0.0 };
        remember(&mut recent, c, w, m.sentence, fades);
    }
}

/// The most salient person of `m`'s gender among the `recent` ones and
/// the document's `topic` (once `topic_seen`), with its score.
fn antecedent(
    m: &Mention,
    recent: &[Recent],
    gender: &[Gender],
    (topic, topic_seen): (Option<usize>, bool),
    fades: &[f64; FADE_LIMIT + 1],
) -> Option<(f64, usize)> {
    let mut best: Option<(f64, usize)> = None;
    let mut consider = |c: usize, s: f64| {
        let g = gender[c];
        let f = if g == m.gender || m.gender == Gender::Unknown {
            1.0
        } else if g == Gender::Unknown {
            UNKNOWN_GENDER
        } else {
            0.0
        };
        let v = s * f;
        if v >= MIN_SCORE && best.is_none_or(|(b, _)| v > b) {
            best = Some((v, c));
        }
    };
    for r in recent {
        if m.sentence.saturating_sub(r.sentence) <= WINDOW {
            let floor = if Some(r.cluster) == topic {
                TOPIC_FLOOR
            } else {
                0.0
            };
            consider(r.cluster, r.at(m.sentence, fades).max(floor));
        }
    }
    if let Some(t) = topic.filter(|_| topic_seen) {
        consider(t, TOPIC_FLOOR);
    }
    best
}

/// Person `c` mentioned with weight `w` in `sentence`: its salience
/// refreshed, or it joins the recent people (the least salient forgotten
/// when the list is full).
fn remember(
    recent: &mut Vec<Recent>,
    c: usize,
    w: f64,
    sentence: usize,
    fades: &[f64; FADE_LIMIT + 1],
) {
    if let Some(r) = recent.iter_mut().find(|r| r.cluster == c) {
        r.score = r.at(sentence, fades) + w;
        r.sentence = sentence;
    } else {
        if recent.len() >= RECENT {
            // Forget the least salient.
            if let Some(k) = (0..recent.len()).min_by(|&a, &b| {
                recent[a]
                    .at(sentence, fades)
                    .total_cmp(&recent[b].at(sentence, fades))
            }) {
                recent.swap_remove(k);
            }
        }
        recent.push(Recent {
            cluster: c,
            score: w,
            sentence,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::detect;
    use crate::segment::segment;

    /// The constant-time test gives what the search over the tokens gives.
    #[test]
    fn opens_sentence_matches_search() {
        for t in [
            "Ines Varga spoke. Then she left, and Tavi Renn said he agreed with her.",
            "But in the end, after a long day, Tavi Renn wrote. He slept.",
            "He. She. Ines Varga!",
            "\"We will,\" Ines Varga said. \"No,\" said Tavi Renn of Bolt Industries.",
        ] {
            let seg = segment(t);
            let ms = detect(t, &seg, &crate::mentions::Lexicon::builtin());
            assert!(!ms.is_empty(), "{t:?}");
            for (i, m) in ms.iter().enumerate() {
                let want = (i == 0 || ms[i - 1].sentence != m.sentence)
                    && seg.sentences.get(m.sentence).is_some_and(|s| {
                        seg.token_at_or_after(m.span.start)
                            .saturating_sub(s.tokens.start)
                            <= 3
                    });
                assert_eq!(opens_sentence(i, &ms, &seg), want, "{i} in {t:?}");
            }
        }
    }

    /// The table holds exactly what `powi` gives at run time.
    #[test]
    fn fades_are_powi() {
        let t = fades();
        for k in [0usize, 1, 2, 7, 33, FADE_LIMIT] {
            let want = DECAY.powi(std::hint::black_box(k as i32));
            assert_eq!(t[k].to_bits(), want.to_bits(), "k = {k}");
        }
        assert!(t[FADE_LIMIT] < t[1] && t[1] < t[0]);
    }
}
