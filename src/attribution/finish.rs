//! Filling in a found attribution: its speaker's actor and `about`.

use super::*;

/// A pronoun speaker the resolver left open ("he recalls" after a
/// quotation) is the latest earlier speaker of its gender, within a few
/// attributions.
pub(super) fn resolve_pronoun_speaker(
    d: &Doc,
    a: &mut Attribution,
    earlier: &[Attribution],
    res: &Resolution,
) {
    use crate::mentions::Gender;
    let Some(sp) = &mut a.speaker else { return };
    if sp.actor.is_some() {
        return;
    }
    let want = match sp.span.slice(d.low) {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => return,
    };
    sp.actor = earlier
        .iter()
        .rev()
        .take(4)
        .filter_map(|e| e.speaker.as_ref().and_then(|s| s.actor))
        .find(|&x| res.actors[x].kind == ActorKind::Person && res.actors[x].gender == want);
    if let Some(x) = sp.actor {
        a.about.retain(|&y| y != x);
    }
}

/// Speaker actor from the mentions inside its span; about from content.
pub(super) fn finish(d: &Doc, a: &mut Attribution, mentions: &[Mention], res: &Resolution) {
    let actor_of = |i: usize| res.of_mention.get(i).copied().flatten();
    let first_from = |at: usize| mentions.partition_point(|m| m.span.start < at);
    // The mentions from index `lo` on that start before `end`: a walk, not a
    // second search, when the mentions are in order (as `detect` gives them;
    // else the search).
    let sorted = d.mentions_sorted;
    let end_from = |lo: usize, end: usize| {
        if sorted {
            lo + mentions[lo..]
                .iter()
                .take_while(|m| m.span.start < end)
                .count()
        } else {
            first_from(end)
        }
    };
    if let Some(sp) = &mut a.speaker {
        let lo = first_from(sp.span.start);
        let hi = end_from(lo, sp.span.end);
        sp.actor = (lo..hi)
            .rev()
            .filter(|&i| sp.span.contains(&mentions[i].span))
            .find_map(actor_of);
        if sp.actor.is_none() && WHO.contains(&sp.span.slice(d.low)) {
            // "X, who said ...": the mention just before.
            sp.actor = (0..lo)
                .rev()
                .take(1)
                .filter(|&i| sp.span.start - mentions[i].span.end <= 3)
                .find_map(actor_of);
        }
    }
    // A noun source ("the audit of X") is nobody's words: a name inside it
    // is `about`.
    let noun = a
        .speaker
        .as_ref()
        .is_some_and(|s| is_noun_source(d, s.span));
    if noun {
        if let Some(sp) = &mut a.speaker {
            sp.actor = None;
        }
    }
    a.source = a.speaker.as_ref().map(|sp| {
        let t = d.seg.token_at_or_after(sp.span.start);
        let one = d.seg.token_at_or_after(sp.span.end) == t + 1;
        if noun {
            SourceClass::Document
        } else if one && (d.has(t, T_PRONOUN | T_YOU) || WHO.contains(&sp.span.slice(d.low))) {
            SourceClass::Pronoun
        } else if sp.actor.is_some() {
            SourceClass::Name
        } else {
            SourceClass::Group
        }
    });
    let speaker = a.speaker.as_ref().and_then(|s| s.actor);
    let mut about = Vec::new();
    let noun_span = a.speaker.as_ref().filter(|_| noun).map(|s| s.span);
    for c in noun_span.iter().chain(&a.content) {
        let lo = first_from(c.start);
        let hi = end_from(lo, c.end);
        for (i, m) in mentions.iter().enumerate().take(hi).skip(lo) {
            if !c.contains(&m.span)
                || !matches!(m.kind, ActorKind::Person | ActorKind::Organization)
            {
                continue;
            }
            if let Some(x) = actor_of(i) {
                if Some(x) != speaker && !about.contains(&x) {
                    about.push(x);
                }
            }
        }
    }
    a.about = about;
}

/// The first person words of a quoted voice.
const FIRST_PERSON: &[&[u8]] = &[b"i", b"we", b"my", b"our", b"me", b"us"];

/// Does `span` hold a first person word outside quotations?
fn first_person(d: &Doc, span: Span) -> bool {
    let (a, b) = (
        d.seg.token_at_or_after(span.start),
        d.seg.token_at_or_after(span.end),
    );
    (a..b).any(|j| d.is_word(j) && !d.quoted(j) && one_of(FIRST_PERSON, d.w(j)))
}

/// A paragraph set off as a quotation after a colon (`cue-block`) runs on
/// over the next paragraphs while they keep its voice: the first person,
/// and no mention of the speaker (the author naming the speaker again is
/// the author's voice returning). At most three more paragraphs. Returns
/// whether the content grew (its `about` is then to be found again).
pub(super) fn block_runs_on(
    d: &Doc,
    a: &mut Attribution,
    mentions: &[Mention],
    res: &Resolution,
) -> bool {
    if a.rule != Rule::CueBlock {
        return false;
    }
    let Some(&first) = a.content.first() else {
        return false;
    };
    if !set_off(d, first.start) || !first_person(d, first) {
        return false;
    }
    let Some(si) = d.seg.sentence_at(first.start) else {
        return false;
    };
    let speaker = a.speaker.as_ref().and_then(|s| s.actor);
    let pi = d.seg.sentences[si].paragraph;
    let mut grew = false;
    for p in d.seg.paragraphs.iter().skip(pi + 1).take(3) {
        let names_speaker = speaker.is_some() && {
            let lo = mentions.partition_point(|m| m.span.start < p.start);
            mentions[lo..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.span.start < p.end)
                .any(|(i, _)| res.of_mention.get(lo + i).copied().flatten() == speaker)
        };
        if names_speaker || !first_person(d, *p) {
            break;
        }
        if a.content.last().is_none_or(|c| c.end <= p.start) {
            a.content.push(*p);
            grew = true;
        }
    }
    grew
}
