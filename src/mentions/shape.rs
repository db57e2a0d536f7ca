//! Shape predicates: what a word's letters say (capitalised, in
//! capitals, one character, a prefixed name, a plural ending...), with no
//! word list but the closed set of name prefixes (`closed.rs`), and [`Lower`], lower
//! case without allocating.

use super::closed::NAME_PREFIXES;
use crate::segment::{Token, TokenKind};

/// Lower case without allocating for words already in lower case; equal
/// to `str::to_lowercase` for every input.
pub(super) trait Lower {
    fn lower(&self) -> Lowered<'_>;
}

/// Longest word lowered on the stack.
const SHORT: usize = 32;

/// A word in lower case: borrowed when it already is, on the stack when it
/// is short ASCII, on the heap otherwise.
pub(super) enum Lowered<'a> {
    Same(&'a str),
    Short([u8; SHORT], u8),
    Owned(String),
}

impl std::ops::Deref for Lowered<'_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        match self {
            Lowered::Same(s) => s,
            // Only ASCII bytes are stored here, so this never fails.
            Lowered::Short(b, n) => std::str::from_utf8(&b[..usize::from(*n)]).unwrap_or_default(),
            Lowered::Owned(s) => s,
        }
    }
}

impl Lower for str {
    #[inline]
    fn lower(&self) -> Lowered<'_> {
        if !self.is_ascii() {
            Lowered::Owned(self.to_lowercase())
        } else if !self.bytes().any(|b| b.is_ascii_uppercase()) {
            Lowered::Same(self)
        } else if self.len() <= SHORT {
            let mut b = [0u8; SHORT];
            for (d, c) in b.iter_mut().zip(self.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            Lowered::Short(b, self.len() as u8)
        } else {
            Lowered::Owned(self.to_ascii_lowercase())
        }
    }
}

/// True when `w` in lower case is `lower` (itself lower-case ASCII with no
/// "k", the one letter a non-ASCII capital, the Kelvin sign, lowers to).
#[inline]
pub(super) fn lower_is(w: &str, lower: &str) -> bool {
    debug_assert!(lower.is_ascii() && !lower.contains('k'));
    w.eq_ignore_ascii_case(lower)
}

/// True for a word of one character.
#[inline]
pub(super) fn one_char(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some() && c.next().is_none()
}

#[inline]
pub(super) fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_uppercase() && (b != b'I' || !is_first_person(w)),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A name word that opens with a lower-case particle joined to a capital:
/// "al-Hadrami", "el-Sayed", "bin-Talal", "d'Orsay", "ibn-Rushd".
pub(super) fn is_prefixed_name(w: &str) -> bool {
    if !may_be_prefixed(w.as_bytes()) {
        return false;
    }
    NAME_PREFIXES.iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
    })
}

/// False when the word surely opens with none of the prefixes of
/// [`is_prefixed_name`]: each opens with one of these letters and ends in
/// an apostrophe (the first byte of `’` for the curly one) at byte 1 or a
/// hyphen at byte 1, 2 or 3, and a capital follows it.
#[inline]
pub(super) fn may_be_prefixed(b: &[u8]) -> bool {
    b.len() >= 3
        && matches!(b[0], b'a' | b'b' | b'd' | b'e' | b'i' | b'l')
        && (matches!(b[1], b'\'' | 0xe2 | b'-') || b[2] == b'-' || b.get(3) == Some(&b'-'))
}

/// A word that may stand in a name: capitalised or particle-prefixed.
#[inline]
pub(super) fn is_name_word(w: &str) -> bool {
    if w.len() > MAX_NAME_WORD_BYTES || is_negation(w) {
        return false;
    }
    // ASCII first letters decide at once: a capital is a name word unless
    // it is "I" ("I'm"); a small letter only when it opens a prefix.
    match w.as_bytes().first() {
        Some(&c) if c.is_ascii_lowercase() => {
            matches!(c, b'a' | b'b' | b'd' | b'e' | b'i' | b'l') && is_prefixed_name(w)
        }
        Some(&c) if c.is_ascii_uppercase() => c != b'I' || !is_first_person(w),
        _ => is_cap(w) || is_prefixed_name(w),
    }
}

/// A contraction with "not" ("Don't", "Won’t"): a verb, never a name.
#[inline]
pub(super) fn is_negation(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && matches!(b[b.len() - 1], b't' | b'T')
        && (b.ends_with(b"n't") || b.ends_with("n\u{2019}t".as_bytes()) || b.ends_with(b"N'T"))
}

/// A pronoun and a contracted verb ("They're", "She’d", "It's"): never a
/// name.
pub(super) fn is_pronoun_contraction(w: &str) -> bool {
    use super::closed::{CONTRACTED, CONTRACTING};
    // Most words open with another letter or hold no apostrophe: a quick
    // look at the bytes says so (every CONTRACTING word opens with one of
    // these letters and is at most nine bytes long).
    let b = w.as_bytes();
    if b.len() < 3
        || b.len() > 16
        || !matches!(
            b[0] | 0x20,
            b'e' | b'h' | b'i' | b'l' | b'n' | b's' | b't' | b'w' | b'y'
        )
        || !b[1..].iter().any(|&c| c == b'\'' || c == 0xe2)
    {
        return false;
    }
    let Some((head, tail)) = w.split_once(['\'', '\u{2019}']) else {
        return false;
    };
    let tail_ok = CONTRACTED.iter().any(|c| tail.eq_ignore_ascii_case(c));
    tail_ok && CONTRACTING.iter().any(|c| head.eq_ignore_ascii_case(c))
}

/// The longest word a name may hold, in bytes: a longer "word" is junk
/// (a run of letters with no space), not a name.
pub(super) const MAX_NAME_WORD_BYTES: usize = 48;

/// The most tokens a run of name words may span; a longer run (a name
/// repeated with no punctuation, a title-case list) is cut, so names, and
/// the node ids and DOT labels made from them, stay short.
pub(super) const MAX_NAME_TOKENS: usize = 32;

/// "I" and its contractions ("I'm", "I've") are capitalised but no name.
pub(super) fn is_first_person(w: &str) -> bool {
    is_first_person_bytes(w.as_bytes())
}

/// [`is_first_person`] of a word's bytes.
#[inline]
pub(super) fn is_first_person_bytes(w: &[u8]) -> bool {
    w == b"I" || w.starts_with(b"I'") || w.starts_with("I\u{2019}".as_bytes())
}

/// True for a word with a plural ending no surname has: "-ies", "-ions",
/// "-ments" ("Galleries", "Collections", "Departments"; not "Davies").
pub(super) fn plural_like(w: &str) -> bool {
    let l: &str = &w.lower();
    l.chars().count() >= 6
        && (l.ends_with("ies") && !l.ends_with("vies")
            || l.ends_with("ions")
            || l.ends_with("ments"))
}

/// True for a first word that reads as an adjective or a gerund
/// ("Digital", "Musical", "Chasing"), which no given name is: a listed
/// modifier (see `Cx::adjective_like_at`) or, given here in lower case,
/// a long enough word with an adjective's or a gerund's ending.
pub(super) fn adjective_suffix(l: &str, suffixes: &[(String, usize)]) -> bool {
    let n = l.chars().count();
    suffixes
        .iter()
        .any(|(suf, min)| n >= *min && l.ends_with(suf.as_str()))
}

/// True for a word in capitals ("NATO", "UN"): two letters or more, none
/// in lower case.
pub(super) fn is_all_caps(w: &str) -> bool {
    // A lower-case ASCII letter settles it at once.
    if w.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
}

/// True for a word of more than three characters: thirteen bytes or more
/// hold four, and a shorter word has one for each byte that does not
/// continue a character.
#[inline]
pub(super) fn more_than_three_chars(w: &str) -> bool {
    w.len() > 3 && (w.len() >= 13 || w.bytes().filter(|&b| (b as i8) >= -0x40).count() > 3)
}

/// A regnal number ("II", "XIV").
pub(super) fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

pub(super) fn word<'t>(text: &'t str, t: &Token) -> Option<&'t str> {
    (t.kind == TokenKind::Word).then(|| t.text(text))
}
