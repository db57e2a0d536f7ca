//! The speaker before the cue: `X said`, `X has also said`, `X, who
//! said`, `It accused ...`.

use super::*;

/// What stands before the cue: where the speaker's phrase ends (`j`,
/// after skipped auxiliaries, "be", a day), and what the words before
/// make of the cue.
pub(super) struct Before {
    /// The first skipped token before the cue (the speaker ends here).
    pub(super) j: usize,
    /// "X was asked", "when asked": no speaker beside the cue.
    pub(super) passive: bool,
    /// "by saying", "after saying": a gerund after a preposition.
    pub(super) gerund: bool,
}

impl Before {
    /// Measure the words before the cue.
    pub(super) fn measure(c: &Cand) -> Before {
        let Cand { d, k, s0, w, .. } = *c;
        let mut j = k;
        while j > s0 && skippable(d, j - 1) {
            j -= 1;
        }
        if j > s0 && j < k && d.w(j - 1) == fw::ON && d.has(j, T_TIME) {
            j -= 1;
        }
        let be_before = j > s0 && d.has(j - 1, T_BE);
        // "X is criticizing Y" / "X is expected to ...": the subject still speaks.
        let progressive = be_before && (w.ends_with(fw::ING) || d.lex.w.progressive.contains(w));
        if progressive {
            j -= 1;
            while j > s0 && skippable(d, j - 1) {
                j -= 1;
            }
        }
        let passive = !progressive
            && j > s0
            && (be_before
                || d.lex.w.asked_after.contains(d.w(j - 1)) && d.lex.w.question.contains(w));
        // "by saying", "after saying": a gerund after a preposition.
        let gerund = j > s0 && w.ends_with(fw::ING) && d.lex.w.gerund_after.contains(d.w(j - 1));
        Before { j, passive, gerund }
    }
}

/// The speaker ending at token `j` before a cue that is neither passive
/// nor coordinated, and the rule: `Err` is the answer of the whole verb
/// cue (no attribution, or an impression with no speaker).
// The `Err` is the whole answer, built once per candidate: no need to box it.
#[allow(clippy::result_large_err)]
pub(super) fn speaker_before(
    c: &Cand,
    j: usize,
) -> Result<(Option<Speaker>, Rule), Option<Attribution>> {
    let Cand {
        d,
        k,
        class,
        s0,
        we,
        after,
        ..
    } = *c;
    // "It accused ..." (a report, a group) also speaks for a stance verb.
    let it = (j > s0 && d.has(j - 1, T_IT)
        || j > s0 + 1
            && one_of(RELATIVES, d.w(j - 1))
            && (d.has(j - 2, T_COMMA) || d.is_cap(j - 2)))
    .then(|| (j - 1, j));
    let found = match it.or_else(|| np_before(d, s0, j)) {
        Some((s, e)) => {
            let sp = d.span(s, e).ok_or(None)?;
            // A stance verb wants a name, a pronoun or a source noun.
            if (class == CueClass::Stance || d.has(k, T_WEAK_REPORT))
                && !d.can_be_source(s, e)
                && !one_of(RELATIVES, d.w(s))
            {
                // "the issue seems to linger": an impression, no speaker.
                if d.has(k, T_SEEM) && after < we && d.w(after) == fw::TO {
                    return Err(impersonal::seems_to(c, s));
                }
                return Err(None);
            }
            (
                Some(Speaker {
                    span: sp,
                    actor: None,
                }),
                Rule::CueContent,
            )
        }
        None => (None, Rule::CueContent),
    };
    Ok(found)
}
