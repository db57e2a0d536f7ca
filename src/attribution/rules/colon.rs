//! Colons: `X grinned: "..."` and the headline `Tavi Renn: Talks Are Over`.

use super::*;

/// `X grinned: "..."`: a colon right before a quotation (or a quoted
/// paragraph, or a paragraph set off by an ellipsis: `cue-block`) is the
/// cue when no cue was found just before it. The speaker is the
/// sentence's subject, else the phrase before the colon.
pub(in crate::attribution) fn colon_quote(
    d: &Doc,
    si: usize,
    k: usize,
    earlier: &[Attribution],
) -> Option<Attribution> {
    let (s0, _) = sentence_range(d.seg, si);
    let at = d.tok(k).end;
    if earlier
        .iter()
        .any(|a| a.cue.iter().any(|c| c.end <= at && at - c.end <= 40))
    {
        return None;
    }
    let rest = &d.text[at..];
    let pos = at + (rest.len() - rest.trim_start().len());
    let q = d.quote_at(pos);
    // A colon closing a paragraph before one set off as a quotation
    // ("... I took part in the talks."): a block, the subject's words.
    let block = match q {
        Some(_) => None,
        None => {
            let para = d.seg.sentences[si].paragraph;
            let next = d.seg.paragraphs.get(para + 1).filter(|p| p.start == pos)?;
            set_off(d, pos).then_some(*next)
        }
    };
    if block.is_none() && q.is_none() {
        return None;
    }
    let speaker = subject_of(d, si, k, earlier).or_else(|| {
        np_before(d, s0, k)
            .filter(|&(s, e)| d.can_be_source(s, e))
            .and_then(|(s, e)| d.span(s, e))
    })?;
    let (content, rule) = match (q, block) {
        (Some(q), _) => {
            let mut content = vec![q.span];
            content.extend(continuation(d, q.span.end, 2));
            (content, Rule::ColonQuote)
        }
        (None, Some(p)) => (vec![p], Rule::CueBlock),
        (None, None) => return None,
    };
    Some(Attribution::found(
        Some(Speaker {
            span: speaker,
            actor: None,
        }),
        d.tok(k),
        content,
        rule,
        si,
    ))
}

/// `Name: words` at a sentence's start (headline style).
pub(in crate::attribution) fn colon(
    d: &Doc,
    si: usize,
    k: usize,
    mentions: &[Mention],
) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let mut ws = words_start(d, s0, s1);
    // "EXCLUSIVE \u{2013} Tavi Renn:" / "Polls were early - Orla Penn:": the
    // label or topic before a dash names no speaker.
    if let Some(dash) = (ws..k)
        .rev()
        .take(8)
        .find(|&i| !d.quoted(i) && (d.has(i, T_DASH) || d.w(i) == b"-"))
    {
        ws = dash + 1;
    }
    // "Tavi Renn to the Council: ..." / "Renn on the Vote:": the speaker is
    // the name before the word (colon.txt `addressee`).
    let end = (ws + 1..k.min(ws + 6))
        .find(|&j| d.lex.colon_addressee.contains(d.w(j)))
        .filter(|_| k - ws <= 14)
        .unwrap_or(k);
    if end <= ws
        || end - ws > 5
        || !(ws..end).all(|i| d.kind(i) != TokenKind::Punct || d.w(i) == b".")
    {
        return None;
    }
    if !(ws..end).all(|i| {
        !d.is_word(i) || d.is_cap(i) || d.lex.colon_group.contains(d.w(i)) || d.w(i) == fw::OF
    }) {
        return None;
    }
    if end < k
        && !(end + 1..k).all(|i| {
            !d.is_word(i) || d.is_cap(i) || d.has(i, T_NP_STOP) || one_of(DETERMINERS, d.w(i))
        })
    {
        return None;
    }
    let k_sp = end;
    let sp = d.span(ws, k_sp)?;
    if d.w(ws) == fw::THE
        || (ws..k_sp).any(|i| d.has(i, T_COLON_LABEL))
        || !(ws..k_sp).any(|i| d.ws(i).chars().any(char::is_alphabetic))
    {
        return None;
    }
    let i = mentions.partition_point(|m| m.span.start < sp.start);
    let title = si == 0;
    // A transcript's speaker: "RENN: We will see."
    let caps = (ws..k_sp).all(|i| {
        !d.is_word(i)
            || d.tok(i).slice(d.text).chars().all(|c| !c.is_lowercase()) && d.tok(i).len() > 1
    });
    if !caps
        && !mentions[i..]
            .iter()
            .take_while(|m| m.span.end <= sp.end)
            .any(|m| {
                m.kind == ActorKind::Person || title || d.lex.colon_camp.contains(d.w(k_sp - 1))
            })
    {
        return None;
    }
    let we = words_end(d, s0, s1);
    let content = d.span(k + 1, we.max(k + 1))?;
    if we - (k + 1) < 2 {
        return None;
    }
    Some(Attribution::found(
        Some(Speaker {
            span: sp,
            actor: None,
        }),
        d.tok(k),
        vec![content],
        Rule::Colon,
        si,
    ))
}
