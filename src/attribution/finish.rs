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
    let speaker = a.speaker.as_ref().and_then(|s| s.actor);
    let mut about = Vec::new();
    for c in &a.content {
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
