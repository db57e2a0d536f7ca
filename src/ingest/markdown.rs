//! Markdown: syntax and link-list boilerplate blanked, text kept in place.

use super::rewrite::Rewriter;
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

/// True when the text shows enough Markdown syntax to be read as Markdown.
pub fn looks_like_markdown(text: &str) -> bool {
    static SIGN: OnceLock<Regex> = OnceLock::new();
    let sign = re(
        &SIGN,
        r"(?m)^(?:#{1,6} \S|[-*+] \[|```)|\]\([^)\s]*\)|\*\*\S",
    );
    sign.find_iter(text).take(2).count() >= 2
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
