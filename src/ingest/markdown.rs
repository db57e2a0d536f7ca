//! Markdown: syntax and link-list boilerplate blanked, text kept in place.

use super::rewrite::Rewriter;
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

/// True when the text shows enough Markdown syntax to be read as Markdown:
/// two signs, found left to right without overlapping (as
/// [`SIGN_PATTERN`] would), among a heading (one to six `#`, a space, a
/// non-space) or a task item (`-`, `*` or `+`, a space, `[`) or a code
/// fence at a line's start, a link target `](...)` without white space,
/// and bold `**x`. Only the bytes that may open a sign are looked at.
pub fn looks_like_markdown(text: &str) -> bool {
    let bytes = text.as_bytes();
    // The next offsets of `#`, `*`, `]` and of `-`, `+`, `` ` `` at or
    // after `from`, each searched again only once passed.
    let find_a = |from: usize| {
        memchr::memchr3(b'#', b'*', b']', &bytes[from..]).map_or(usize::MAX, |k| from + k)
    };
    let find_b = |from: usize| {
        memchr::memchr3(b'-', b'+', b'`', &bytes[from..]).map_or(usize::MAX, |k| from + k)
    };
    let (mut next_a, mut next_b) = (find_a(0), find_b(0));
    let mut found = 0;
    let mut p = 0;
    loop {
        if next_a < p {
            next_a = find_a(p);
        }
        if next_b < p {
            next_b = find_b(p);
        }
        p = next_a.min(next_b);
        if p == usize::MAX {
            return false;
        }
        match sign_at(text, p) {
            Some(end) => {
                found += 1;
                if found == 2 {
                    return true;
                }
                p = end;
            }
            None => p += 1,
        }
    }
}

/// The Markdown signs [`looks_like_markdown`] counts, as a pattern: the
/// oracle of its hand-written search.
#[cfg(test)]
const SIGN_PATTERN: &str = r"(?m)^(?:#{1,6} \S|[-*+] \[|```)|\]\([^)\s]*\)|\*\*\S";

/// Where the Markdown sign starting at byte `p` of `text` ends, if one
/// starts there.
fn sign_at(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    let line_start = p == 0 || b[p - 1] == b'\n';
    // Past the character at `q` when it is not white space.
    let non_space = |q: usize| {
        text.get(q..)?
            .chars()
            .next()
            .filter(|c| !c.is_whitespace())
            .map(|c| q + c.len_utf8())
    };
    match b[p] {
        b'#' if line_start => {
            let hashes = b[p..].iter().take_while(|&&c| c == b'#').count();
            if hashes <= 6 && b.get(p + hashes) == Some(&b' ') {
                non_space(p + hashes + 1)
            } else {
                None
            }
        }
        b'-' | b'*' | b'+' if line_start && b.get(p + 1..p + 3) == Some(b" [") => Some(p + 3),
        b'`' if line_start && b[p..].starts_with(b"```") => Some(p + 3),
        b']' if b.get(p + 1) == Some(&b'(') => {
            for (k, c) in text[p + 2..].char_indices() {
                if c == ')' {
                    return Some(p + 2 + k + 1);
                }
                if c.is_whitespace() {
                    return None;
                }
            }
            None
        }
        b'*' if b.get(p + 1) == Some(&b'*') => non_space(p + 2),
        _ => None,
    }
}

/// Blank Markdown syntax and boilerplate, keeping the text's length.
pub fn blank(text: &str) -> String {
    static LINK: OnceLock<Regex> = OnceLock::new();
    static LEAD: OnceLock<Regex> = OnceLock::new();
    static EMPH: OnceLock<Regex> = OnceLock::new();
    static AUTO: OnceLock<Regex> = OnceLock::new();
    // [text](url) and ![alt](url); the text may not hold brackets.
    let link = re(
        &LINK,
        r"(!?)\[([^\[\]\n]*)\]\(([^()\s]*(?:\s+\x22[^\x22\n]*\x22)?)\)",
    );
    // Block markers at the start of a line.
    let lead = re(
        &LEAD,
        r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)+",
    );
    let emph = re(
        &EMPH,
        r"\*{1,3}|(?:^|\b|\B)_{1,3}(?:\b|\B|$)|`+|\\[\\`*_{}\[\]()#+\-.!]",
    );
    let auto = re(&AUTO, r"<(?:https?|mailto):[^>\s]*>");

    let mut rw = Rewriter::new(text);
    let mut offset = 0;
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let end = start + body.len();
        let trimmed = body.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            rw.delete(start, end);
            continue;
        }
        if in_fence || is_rule(trimmed) || is_boilerplate(body, link) {
            rw.delete(start, end);
            continue;
        }
        if let Some(m) = lead.find(body) {
            rw.delete(start + m.start(), start + m.end());
        }
        // Trailing '#' of an ATX heading.
        if trimmed.starts_with('#') {
            let t = body.trim_end_matches('#');
            if t.len() < body.len() && t.ends_with(' ') {
                rw.delete(start + t.len(), end);
            }
        }
        for c in link.captures_iter(body) {
            let all = c.get(0).expect("match");
            if &c[1] == "!" {
                rw.delete(start + all.start(), start + all.end());
            } else {
                let inner = c.get(2).expect("group");
                rw.delete(start + all.start(), start + inner.start());
                rw.delete(start + inner.end(), start + all.end());
            }
        }
        for m in auto.find_iter(body) {
            rw.delete(start + m.start(), start + m.end());
        }
        for m in emph.find_iter(body) {
            if m.as_str().starts_with('\\') {
                rw.delete(start + m.start(), start + m.start() + 1);
            } else if is_emphasis(body, m.start(), m.end()) {
                rw.delete(start + m.start(), start + m.end());
            }
        }
    }
    rw.finish()
}

/// A run of `*`, `_` or backticks acts as markup unless it stands alone
/// between spaces ("3 * 4") or, for `_`, inside a word ("snake_case").
fn is_emphasis(line: &str, s: usize, e: usize) -> bool {
    let before = line[..s].chars().next_back();
    let after = line[e..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
    if space(before) && space(after) {
        return false;
    }
    !(line[s..e].starts_with('_') && word(before) && word(after))
}

fn is_rule(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '='))
}

/// A line that is navigation, not prose: only links (with list markers and
/// separators around them), or a short line in capitals with no sentence.
fn is_boilerplate(line: &str, link: &Regex) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if link.is_match(t) {
        let rest = link.replace_all(t, "");
        return rest.chars().all(|c| !c.is_alphanumeric());
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let words = t.split_whitespace().count();
    letters >= 2
        && words <= 6
        && !t.chars().any(|c| c.is_lowercase())
        && !t.ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
        && !t.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Markdown sniffer counts the matches of its pattern.
    fn looks_like_markdown_reference(text: &str) -> bool {
        let sign = Regex::new(SIGN_PATTERN).unwrap();
        sign.find_iter(text).take(2).count() >= 2
    }

    #[test]
    fn markdown_signs_table() {
        for (t, want) in [
            ("# Title\n\nSee [a](b) now.", true),
            ("####### Seven\n**bold**", false),
            ("Plain text, no signs at all.", false),
            ("- [x] done\n* [ ] open", true),
            ("```\ncode\n```", true),
            ("a ](b c) and ](d)", false),
            ("***x and **y", true),
            ("x # not a heading\n## yes\n**z", true),
            ("\u{e9}](\u{e9})**\u{e9}", true),
            ("**\u{a0}](x)", false),
        ] {
            assert_eq!(looks_like_markdown(t), want, "{t:?}");
            assert_eq!(looks_like_markdown_reference(t), want, "{t:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The hand-written sniffer agrees with the pattern's matches.
        #[test]
        fn markdown_signs_agree_with_pattern(t in "[#*+`\\-\\[\\]() \n\tx\u{e9}\u{a0}]{0,40}") {
            proptest::prop_assert_eq!(looks_like_markdown(&t), looks_like_markdown_reference(&t));
        }
    }

    fn check(md: &str, want: &str) {
        let got = blank(md);
        assert_eq!(got.len(), md.len(), "length kept for {md:?}");
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(norm(&got), want, "for {md:?}");
    }

    #[test]
    fn table() {
        for (md, want) in [
            ("## Talks Stalled Again\n", "Talks Stalled Again"),
            ("**T**he envoy left.", "The envoy left."),
            (
                "See [the report](http://x.org/a) now.",
                "See the report now.",
            ),
            ("- [Home](#)\n- [About us](#)\n\nAna spoke.", "Ana spoke."),
            ("![a photo](p.png) Caption here.", "Caption here."),
            ("> Quoted *words* here.", "Quoted words here."),
            (
                "A snake_case name and 3 * 4.",
                "A snake_case name and 3 * 4.",
            ),
            (
                "MON  THU\nTUE\n\nNila Oduya wrote it.",
                "Nila Oduya wrote it.",
            ),
            ("```\ncode()\n```\nProse.", "Prose."),
        ] {
            check(md, want);
        }
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_markdown("# Title\n\n- [Home](#)\n"));
        assert!(!looks_like_markdown("Just a sentence. And another."));
    }
}
