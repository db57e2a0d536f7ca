//! Acronyms defined in parentheses right after a name ("the Mujahedin
//! e-Khalq (MEK)", "Inter Press Service (IPS)"): the acronym becomes a
//! name of that actor, and its later mentions in the document join it.

use crate::mentions::{Mention, Via};
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// (cluster, acronym) of each acronym defined in parentheses right after
/// a name of two words or more that has a cluster: `NAME (ACRONYM)`,
/// where the acronym is two to eight capital letters spelling initials
/// of the name's words in order (the first word's first; words such as
/// "of" may be skipped). Empty for most documents, at the cost of a look
/// at the token after each full name.
pub(super) fn defined(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    cluster: &[Option<usize>],
) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(c) = cluster[i] else { continue };
        if m.via != Via::Name || m.words.len() < 2 {
            continue;
        }
        let end = m.words.end as usize;
        let (Some(open), Some(word), Some(close)) =
            (tokens.get(end), tokens.get(end + 1), tokens.get(end + 2))
        else {
            continue;
        };
        if open.text(text) != "(" || close.text(text) != ")" || word.kind != TokenKind::Word {
            continue;
        }
        let acronym = word.text(text);
        if spells(acronym, m.text(text)) {
            out.push((c, word.span));
        }
    }
    out
}

/// True when `acronym` (two to eight capital letters, periods aside)
/// spells initials of `name`'s words (split at spaces and hyphens) in
/// order, beginning with the first word's.
pub fn spells(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> = acronym.chars().filter(|&c| c != '.').collect();
    if !(2..=8).contains(&letters.len()) || !letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let mut at = 0;
    for (k, l) in letters.iter().flat_map(|c| c.to_lowercase()).enumerate() {
        if k == 0 {
            if initials.first() != Some(&l) {
                return false;
            }
            at = 1;
            continue;
        }
        match initials[at..].iter().position(|&x| x == l) {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_spelt() {
        assert!(spells("MEK", "Mujahedin e-Khalq"));
        assert!(spells("IPS", "Inter Press Service"));
        assert!(spells(
            "NASA",
            "National Aeronautics and Space Administration"
        ));
        assert!(spells("U.N.", "United Nations"));
        assert!(!spells("IPS", "Press Service"));
        assert!(!spells("Ips", "Inter Press Service"));
        assert!(!spells("X", "Xavier Renn"));
        assert!(!spells("KLM", "Kora Liberation Front"));
        assert!(!spells("TV", "Orlando TV"));
    }
}
