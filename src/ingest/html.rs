//! HTML: tags, scripts, styles and navigation blanked; entities decoded in
//! place; block elements turned into paragraph breaks.

use super::rewrite::Rewriter;

/// Elements whose whole content is dropped.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form",
    "svg", "iframe", "select", "button", "figure", "menu",
];

/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "main",
    "title",
    "dd",
    "dt",
    "pre",
    "hr",
    "body",
    "td",
    "th",
];

/// Blank HTML markup, keeping the text's length.
pub fn blank(text: &str) -> String {
    let b = text.as_bytes();
    let mut rw = Rewriter::new(text);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let Some(tag) = parse_tag(text, i) else {
                    i += 1;
                    continue;
                };
                if tag.comment || tag.name.is_empty() {
                    rw.delete(i, tag.end);
                    i = tag.end;
                    continue;
                }
                let name = tag.name.to_ascii_lowercase();
                if !tag.closing && !tag.self_closing && SKIP.contains(&name.as_str()) {
                    let stop = find_close(text, tag.end, &name).unwrap_or(b.len());
                    let end = parse_tag(text, stop)
                        .map_or(b.len(), |t| t.end)
                        .min(b.len());
                    rw.delete(i, end);
                    i = end;
                    continue;
                }
                if BLOCK.contains(&name.as_str()) && tag.end - i >= 2 {
                    rw.replace(i, tag.end, "\n\n");
                } else {
                    rw.delete(i, tag.end);
                }
                i = tag.end;
            }
            b'&' => {
                if let Some((end, ch)) = entity(text, i) {
                    let mut buf = [0u8; 4];
                    let s = ch.encode_utf8(&mut buf);
                    if s.len() <= end - i {
                        rw.replace(i, end, s);
                    }
                    i = end;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    rw.finish()
}

struct Tag<'a> {
    name: &'a str,
    end: usize,
    closing: bool,
    self_closing: bool,
    comment: bool,
}

/// Parse the tag starting at byte `i` (a `<`), quotes respected.
fn parse_tag(text: &str, i: usize) -> Option<Tag<'_>> {
    let b = text.as_bytes();
    if text[i..].starts_with("<!--") {
        let end = text[i + 4..].find("-->").map_or(b.len(), |p| i + 4 + p + 3);
        return Some(Tag {
            name: "",
            end,
            closing: false,
            self_closing: false,
            comment: true,
        });
    }
    let mut j = i + 1;
    let closing = b.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let first = *b.get(j)?;
    if !(first.is_ascii_alphabetic() || first == b'!' || first == b'?') {
        return None;
    }
    let ns = j;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
        j += 1;
    }
    let name = &text[ns..j];
    let mut quote = None;
    while j < b.len() {
        match (quote, b[j]) {
            (None, b'>') => break,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        j += 1;
    }
    let end = (j + 1).min(b.len());
    let self_closing = j > 0 && b.get(j - 1) == Some(&b'/');
    Some(Tag {
        name,
        end,
        closing,
        self_closing,
        comment: false,
    })
}

/// Where `</name` starts after `from`, case-insensitively. Scans only up
/// to the match and allocates nothing, so a page of many skipped elements
/// stays linear.
fn find_close(text: &str, from: usize, name: &str) -> Option<usize> {
    let b = text.as_bytes();
    let n = name.as_bytes();
    let mut at = from;
    while let Some(p) = text[at..].find("</") {
        let s = at + p;
        let after = s + 2;
        if b.len() >= after + n.len() && b[after..after + n.len()].eq_ignore_ascii_case(n) {
            return Some(s);
        }
        at = after;
    }
    None
}

/// The entity at `i` (an `&`): its end and the character it stands for.
fn entity(text: &str, i: usize) -> Option<(usize, char)> {
    let rest = &text[i + 1..];
    // Bytes, not characters: the 12-byte window may end inside a character.
    let semi = rest.as_bytes()[..rest.len().min(12)]
        .iter()
        .position(|&c| c == b';')?;
    let name = &rest[..semi];
    let end = i + 1 + semi + 1;
    let ch = if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "mdash" => '\u{2014}',
            "ndash" => '\u{2013}',
            "lsquo" => '\u{2018}',
            "rsquo" => '\u{2019}',
            "ldquo" => '\u{201c}',
            "rdquo" => '\u{201d}',
            "hellip" => '\u{2026}',
            "eacute" => '\u{e9}',
            "aacute" => '\u{e1}',
            "iacute" => '\u{ed}',
            "oacute" => '\u{f3}',
            "uacute" => '\u{fa}',
            "ntilde" => '\u{f1}',
            "uuml" => '\u{fc}',
            "ouml" => '\u{f6}',
            "auml" => '\u{e4}',
            "ccedil" => '\u{e7}',
            _ => return None,
        }
    };
    Some((end, ch))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn table() {
        for (html, want) in [
            ("<p>Ana <b>Souza</b> spoke.</p>", "Ana Souza spoke."),
            ("<script>var x = '<p>';</script><p>Text.</p>", "Text."),
            (
                "<nav><a href='/'>Home</a></nav><article>Body.</article>",
                "Body.",
            ),
            (
                "<p>Souza&#8217;s office &amp; staff</p>",
                "Souza\u{2019}s office & staff",
            ),
            ("<!-- note --><p>After.</p>", "After."),
            ("<p>a < b and c</p>", "a < b and c"),
            // An entity-like run cut inside a multi-byte character.
            (
                "<p>Ana &rd\u{fffd}\u{fffd}\u{fffd}\u{fffd} x</p>",
                "Ana &rd\u{fffd}\u{fffd}\u{fffd}\u{fffd} x",
            ),
            ("<b><SCRIPT>x</ScRiPt>Kept</b>", "Kept"),
        ] {
            let got = blank(html);
            assert_eq!(got.len(), html.len());
            assert_eq!(norm(&got), want, "for {html:?}");
        }
    }

    #[test]
    fn blocks_make_paragraphs() {
        let got = blank("<p>One.</p><p>Two.</p>");
        assert!(got.contains("\n\n"));
    }
}
