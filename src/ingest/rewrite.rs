//! A length-preserving rewriter shared by the Markdown and HTML readers.
//!
//! Markup is deleted or replaced byte by byte; [`Rewriter::finish`] then
//! lays the result out at exactly the original length: deleted bytes at the
//! edge of a word become spaces in place (so the word keeps its offsets),
//! and deleted bytes inside a word (`**T**he`, `Cheney&#8217;s`) are closed
//! up, the word shifted left within its own extent and padded after.
//!
//! Spans of the body are byte offsets into the file, so every character
//! boundary of a laid-out word must be one of the original text too. When
//! closing up would break that (`**a**` before CJK letters, an entity
//! before non-ASCII letters), the word is laid out in place instead: deleted bytes
//! become spaces where they stood.

/// Byte-level edit buffer over one text.
pub(crate) struct Rewriter<'t> {
    text: &'t str,
    cells: Vec<Option<u8>>,
}

impl<'t> Rewriter<'t> {
    /// A rewriter that keeps every byte of `text`.
    pub fn new(text: &'t str) -> Rewriter<'t> {
        Rewriter {
            text,
            cells: text.bytes().map(Some).collect(),
        }
    }

    /// Delete bytes `start..end` (newlines are kept).
    pub fn delete(&mut self, start: usize, end: usize) {
        for c in &mut self.cells[start..end] {
            if *c != Some(b'\n') {
                *c = None;
            }
        }
    }

    /// Replace bytes `start..end` by `with`, which must not be longer.
    pub fn replace(&mut self, start: usize, end: usize, with: &str) {
        debug_assert!(with.len() <= end - start);
        for (i, c) in self.cells[start..end].iter_mut().enumerate() {
            *c = with.as_bytes().get(i).copied();
        }
    }

    /// Lay out the edited text at the original length.
    pub fn finish(self) -> String {
        let n = self.cells.len();
        let mut out = vec![b' '; n];
        let is_space = |c: &Option<u8>| matches!(c, Some(b) if b.is_ascii_whitespace());
        let mut i = 0;
        while i < n {
            if is_space(&self.cells[i]) {
                out[i] = self.cells[i].unwrap_or(b' ');
                i += 1;
                continue;
            }
            // A word: a maximal run of cells that are not kept white space.
            let mut j = i;
            while j < n && !is_space(&self.cells[j]) {
                j += 1;
            }
            let first = (i..j).find(|&k| self.cells[k].is_some());
            if let Some(first) = first {
                let text = self.text;
                let mut w = first;
                // Every character start (and the word's end) must be a
                // character boundary of the original text.
                let mut aligned = true;
                for k in first..j {
                    if let Some(b) = self.cells[k] {
                        aligned &= (b & 0xc0) == 0x80 || text.is_char_boundary(w);
                        out[w] = b;
                        w += 1;
                    }
                }
                if !(aligned && text.is_char_boundary(w)) {
                    for (o, c) in out[first..j].iter_mut().zip(&self.cells[first..j]) {
                        *o = c.unwrap_or(b' ');
                    }
                }
            }
            i = j;
        }
        // Every kept byte was copied in order and whole characters are
        // deleted or kept together, so this is valid UTF-8.
        String::from_utf8(out).expect("rewriter keeps whole characters")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_in_place_interior_closed_up() {
        let t = "**T**he end";
        let mut r = Rewriter::new(t);
        r.delete(0, 2);
        r.delete(3, 5);
        let s = r.finish();
        assert_eq!(s.len(), t.len());
        assert_eq!(s, "  The   end");
    }

    #[test]
    fn closing_up_never_breaks_a_character_of_the_original() {
        // (text, deletions, replacements, laid out)
        type Case<'a> = (
            &'a str,
            &'a [(usize, usize)],
            &'a [(usize, usize, &'a str)],
            &'a str,
        );
        let cases: &[Case] = &[
            ("**Zo\u{eb}**x", &[(0, 2), (6, 8)], &[], "  Zo\u{eb}x  "),
            (
                "**a**\u{4e2d}\u{6587}",
                &[(0, 2), (3, 5)],
                &[],
                "  a  \u{4e2d}\u{6587}",
            ),
            ("**Zo**x", &[(0, 2), (4, 6)], &[], "  Zox  "),
            (
                "&#x1F600;\u{4e2d}s",
                &[],
                &[(0, 9, "\u{1f600}")],
                "\u{1f600}\u{4e2d}s     ",
            ),
            (
                "&#x1F600;\u{4e2d}\u{6587}",
                &[],
                &[(0, 9, "\u{1f600}")],
                "\u{1f600}     \u{4e2d}\u{6587}",
            ),
            (
                "Cheney&#8217;s",
                &[],
                &[(6, 13, "\u{2019}")],
                "Cheney\u{2019}s    ",
            ),
        ];
        for (t, dels, reps, want) in cases {
            let mut r = Rewriter::new(t);
            for &(a, b) in *dels {
                r.delete(a, b);
            }
            for &(a, b, w) in *reps {
                r.replace(a, b, w);
            }
            let got = r.finish();
            assert_eq!(&got, want, "for {t:?}");
            // Tokens start and end at the edges of non-space characters.
            for (i, c) in got.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                assert!(t.is_char_boundary(i), "{i} in {t:?}");
                assert!(t.is_char_boundary(i + c.len_utf8()), "{i} in {t:?}");
            }
        }
    }

    #[test]
    fn replacement_keeps_length() {
        let t = "AT&amp;T x";
        let mut r = Rewriter::new(t);
        r.replace(2, 7, "&");
        let s = r.finish();
        assert_eq!(s, "AT&T     x");
    }
}
