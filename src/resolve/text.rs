//! Normalised text of names and titles.

use std::borrow::Cow;

/// Whitespace runs in `s` as single spaces, ends trimmed (what
/// `s.split_whitespace().collect::<Vec<_>>().join(" ")` gives); borrowed
/// when `s` is ASCII with single inner spaces only, as names usually are.
pub(super) fn squeeze_whitespace(s: &str) -> Cow<'_, str> {
    // True before the first byte, so that a leading space counts as a run.
    let mut after_space = true;
    let mut clean = true;
    for &b in s.as_bytes() {
        if b >= 0x80 || (b'\t'..=b'\r').contains(&b) || (b == b' ' && after_space) {
            clean = false;
            break;
        }
        after_space = b == b' ';
    }
    // A trailing space is a run too.
    if clean && (s.is_empty() || !after_space) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

/// A title as written, in lower case without periods ("Dr." -> "dr").
pub(super) fn title_phrase(text: &str, t: crate::span::Span) -> String {
    let raw = t.slice(text);
    if raw.is_ascii() {
        // The usual case, without the lower-cased copy: ASCII lower-cases
        // byte by byte, and its white space is tab to carriage return and
        // space (as `char::is_whitespace` has it).
        let mut out = String::with_capacity(raw.len());
        let mut gap = false;
        for b in raw.bytes() {
            match b {
                b'.' => {}
                b'\t'..=b'\r' | b' ' => gap = true,
                _ => {
                    if gap && !out.is_empty() {
                        out.push(' ');
                    }
                    gap = false;
                    out.push(char::from(b.to_ascii_lowercase()));
                }
            }
        }
        return out;
    }
    // Periods dropped and whitespace runs squeezed in one pass over the
    // lower-cased text.
    let lower = raw.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut gap = false;
    for c in lower.chars() {
        if c == '.' {
            continue;
        }
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

/// `c` without its accent, for the Latin letters news names use.
fn fold_char(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' | 'ḥ' | 'ḫ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ř' | 'ŕ' | 'ŗ' => 'r',
        'ś' | 'š' | 'ş' | 'ŝ' | 'ș' | 'ṣ' => 's',
        'ť' | 'ţ' | 'ț' | 'ṭ' => 't',
        'ḍ' => 'd',
        'ẓ' => 'z',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// True for the apostrophes and similar marks names are written with.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{02bb}' | '`'
    )
}

/// The folded form of a name, by which spellings of one name compare
/// equal: lower case, no accents (of the Latin letters news names use),
/// apostrophes, periods or zero-width marks, hyphens as spaces, words
/// single-spaced, a leading "the" dropped ("al-Qaeda" and "Al Qaeda" are
/// "al qaeda").
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = fold_char(c);
        if is_apostrophe(c) || c == '.' || c == '\u{200d}' || c == '\u{200b}' {
            continue;
        }
        if c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}') {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold_name("al-Qaeda"), "al qaeda");
        assert_eq!(fold_name("Al  Qaeda"), "al qaeda");
        assert_eq!(fold_name("Al-Qa'ida"), "al qaida");
        assert_eq!(fold_name("The Ábel Café"), "abel cafe");
        assert_eq!(fold_name("Łódź"), "lodz");
        assert_eq!(fold_name("Zahā Ḥadīd"), "zaha hadid");
        assert_eq!(fold_name("Donald J. Trump"), "donald j trump");
        assert_eq!(fold_name("the"), "the");
    }

    /// The general path of `title_phrase`, kept as the oracle of its
    /// ASCII shortcut.
    fn title_phrase_slow(s: &str) -> String {
        s.to_lowercase()
            .replace('.', "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        /// The ASCII shortcut of `title_phrase` gives what lower-casing,
        /// dropping periods and squeezing white space give.
        #[test]
        fn title_phrase_is_lowered_and_squeezed(s in "[ A-Za-z.\t\n\x0b\x0c\rÉé]{0,12}") {
            let t = crate::span::Span::new(0, s.len());
            proptest::prop_assert_eq!(title_phrase(&s, t), title_phrase_slow(&s));
        }
    }

    /// The one-pass title and id normalisations give what the
    /// lower-case / drop periods / split / join chain gives.
    #[test]
    fn normalisations_match_split_and_join() {
        for t in [
            "Dr.",
            "  Vice  President ",
            "Lt. Gen.",
            "Sen . \t Maj.\nLeader",
            "MRS.",
            ". .",
            "",
            "Ministre\u{a0}Délégué",
            "Ines Varga",
            "Ines  Varga",
            " Ines Varga",
            "Ines Varga ",
            "Ines\u{b}Varga",
            "Ines\rVarga",
            "Tavi\u{85}Renn",
            "Tavi\u{2003}Renn",
            "Tavi Renn-Okafor",
            " ",
            "X",
        ] {
            let span = crate::span::Span::new(0, t.len());
            let want = t
                .to_lowercase()
                .replace('.', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(title_phrase(t, span), want, "{t:?}");
            let want = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squeeze_whitespace(t), want, "{t:?}");
        }
    }
}
