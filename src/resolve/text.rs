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

#[cfg(test)]
mod tests {
    use super::*;

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
