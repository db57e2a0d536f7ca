//! Text for people: control characters made visible.
//!
//! Names and evidence come from documents, and a document can hold bytes
//! that a terminal obeys: ESC sequences that retitle the window, move the
//! cursor or rewrite what was printed, BEL, other C0 and C1 controls, and
//! the Unicode bidirectional controls that reorder a line. Every text
//! answer (`query` in text form, `explain`) goes through [`visible`]:
//! such a character is written as an escape (`\e`, `\a`, `\x01`, `\u{202e}`)
//! instead. Line ends the answer itself makes are kept; JSON output
//! escapes control characters by itself.

use std::borrow::Cow;

/// A character a terminal could act on, or that reorders text.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}' | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}')
}

/// `s` with every control character (but newline) and bidirectional
/// control written as a visible escape.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && hidden(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\u{1b}' => out.push_str("\\e"),
            '\u{07}' => out.push_str("\\a"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 && hidden(c) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` on one line: control characters, newlines included, made visible.
pub fn cell(s: &str) -> String {
    visible(&s.replace('\n', "\\n")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(visible("Ines Varga\nmet"), "Ines Varga\nmet");
        assert_eq!(
            visible("a\u{1b}]0;PWNED\u{7}b\u{0}c\u{9b}d\u{202e}e\u{2066}f\tg\rh\u{7f}"),
            "a\\e]0;PWNED\\ab\\x00c\\u{9b}d\\u{202e}e\\u{2066}f\\tg\\rh\\x7f"
        );
        assert_eq!(cell("x\ny\u{1b}"), "x\\ny\\e");
        assert!(matches!(visible("São Tomé — ok"), Cow::Borrowed(_)));
    }
}
