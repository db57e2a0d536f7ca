//! Nominals: "the minister" tied to the person last named with that title.

use super::clusters::Members;
use super::text::title_phrase;
use super::Lexicon;
use crate::mentions::{Mention, Via};
use crate::segment::Token;
use crate::words::hash::WordMap;

/// Tie "the minister"-style nominals to the person last named with that
/// title before them ("Foreign Minister Ines Varga ... the minister").
pub(super) fn resolve_nominals(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    lexicon: &Lexicon,
    cluster: &mut [Option<usize>],
    members: &mut Members,
) {
    // Most documents have no nominal left to tie: build nothing for them.
    if !(0..mentions.len()).any(|i| mentions[i].via == Via::Nominal && cluster[i].is_none()) {
        return;
    }
    // Titled name mentions by the title's last word: (start, cluster, title).
    let mut by_head: WordMap<String, Vec<(usize, usize, String)>> = WordMap::default();
    for (i, m) in mentions.iter().enumerate() {
        let (Some(t), Some(c), Via::Name) = (m.title, cluster[i], m.via) else {
            continue;
        };
        let phrase = title_phrase(text, t);
        if let Some(head) = phrase.split(' ').next_back() {
            let at = (m.span.start, c);
            match by_head.get_mut(head) {
                Some(v) => v.push((at.0, at.1, phrase)),
                None => {
                    let head = head.to_owned();
                    by_head.insert(head, vec![(at.0, at.1, phrase)]);
                }
            }
        }
    }
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.via != Via::Nominal || cluster[i].is_some() {
            continue;
        }
        let Some(head) = m.words.texts(text, tokens).last() else {
            continue;
        };
        let Some(list) = by_head.get(head) else {
            continue;
        };
        let nominal = m.words.texts(text, tokens).collect::<Vec<_>>().join(" ");
        let fits = |title: &str| {
            if m.words.len() > 1 {
                title == nominal || title.ends_with(&format!(" {nominal}"))
            } else {
                !lexicon.is_other_office(title.split(' ').next().unwrap_or(""))
            }
        };
        let k = list.partition_point(|&(s, _, _)| s < m.span.start);
        if let Some(&(_, c, _)) = list[..k].iter().rev().take(8).find(|(_, _, t)| fits(t)) {
            cluster[i] = Some(c);
            members.push(c, i);
        }
    }
}
