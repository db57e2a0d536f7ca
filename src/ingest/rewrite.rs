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
    /// Where the bytes a replacement left over start: the text after a
    /// replacement (`Cheney&#8217;s`) always closes up onto it.
    glue: Vec<usize>,
}

impl<'t> Rewriter<'t> {
    /// A rewriter that keeps every byte of `text`.
    pub fn new(text: &'t str) -> Rewriter<'t> {
        Rewriter {
            text,
            cells: text.bytes().map(Some).collect(),
            glue: Vec::new(),
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
        if with.len() < end - start {
            self.glue.push(start + with.len());
        }
    }

    /// The character whose last byte is the kept cell before `at`, and
    /// the one whose first byte is the kept cell at `at`, as edited.
    fn char_before(&self, from: usize, at: usize) -> Option<char> {
        let mut s = at;
        while s > from {
            s -= 1;
            let b = self.cells[s]?;
            if (b & 0xc0) != 0x80 {
                return self.char_of(s, at - s);
            }
        }
        None
    }

    fn char_at(&self, at: usize) -> Option<char> {
        let lead = self.cells[at]?;
        let len = match lead {
            0x00..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        self.char_of(at, len)
    }

    /// The character of the kept cells `at..at + len` (no allocation).
    fn char_of(&self, at: usize, len: usize) -> Option<char> {
        let mut buf = [0u8; 4];
        let cells = self.cells.get(at..at + len)?;
        for (b, c) in buf.iter_mut().zip(cells) {
            *b = (*c)?;
        }
        std::str::from_utf8(buf.get(..len)?).ok()?.chars().next()
    }

    /// True when the deleted cells `gap..next` of a word starting at
    /// `from` stand between two word characters (letters, digits,
    /// apostrophes, hyphens) or follow a replacement, so the word is
    /// closed up across them.
    fn joins(&self, from: usize, gap: usize, next: usize) -> bool {
        if self.glue.binary_search(&gap).is_ok() {
            return true;
        }
        let word = |c: Option<char>| {
            c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-'))
        };
        word(self.char_before(from, gap)) && word(self.char_at(next))
    }

    /// Lay out the cells `i..j` (no kept white space among them) into
    /// `out`: closed up from the first kept cell when every character
    /// boundary stays one of the original text, in place otherwise.
    fn lay_out(&self, out: &mut [u8], i: usize, j: usize) {
        let Some(first) = (i..j).find(|&k| self.cells[k].is_some()) else {
            return;
        };
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

    /// Lay out the edited text at the original length.
    pub fn finish(mut self) -> String {
        self.glue.sort_unstable();
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
            // Closing up joins word characters only (`**T**he`,
            // `Cheney&#8217;s`): markup after or before punctuation
            // (`\u{2014}<b>Ines`) splits the run, each part kept in place,
            // so a name after it keeps the offsets it has in the file.
            let mut from = i;
            let mut k = i;
            while k < j {
                if self.cells[k].is_some() {
                    k += 1;
                    continue;
                }
                let gap = k;
                while k < j && self.cells[k].is_none() {
                    k += 1;
                }
                if k < j && !self.joins(from, gap, k) {
                    self.lay_out(&mut out, from, gap);
                    from = k;
                }
            }
            self.lay_out(&mut out, from, j);
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

    /// Markup after punctuation does not shift the word after it:
    /// `\u{2014}<b>Ines` keeps `Ines` where the file has it.
    #[test]
    fn markup_after_punctuation_is_blanked_in_place() {
        for (t, dels, want) in [
            (
                "X \u{2014}<b>Ines</b> y",
                &[(5usize, 8usize), (12, 16)][..],
                "X \u{2014}   Ines     y",
            ),
            ("\"<i>Ana</i>\"", &[(1, 4), (7, 11)][..], "\"   Ana    \""),
            ("**T**he", &[(0, 2), (3, 5)][..], "  The  "),
            ("Var<b>ga</b>", &[(3, 6), (8, 12)][..], "Varga       "),
        ] {
            let mut r = Rewriter::new(t);
            for &(a, b) in dels {
                r.delete(a, b);
            }
            assert_eq!(r.finish(), want, "for {t:?}");
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
