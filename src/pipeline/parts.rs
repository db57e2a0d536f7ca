//! Huge documents, analysed in parts.
//!
//! The stages hold a few tens of bytes per byte of text while they run
//! (every token, the lower-case copy, every mention), so one 200 MB
//! document analysed whole needs gigabytes. A document longer than the
//! extractor's part size ([`PART_BYTES`] unless
//! [`ExtractorBuilder::part_bytes`](super::ExtractorBuilder::part_bytes)
//! says otherwise) is cut into parts of about equal length, at most that
//! long, by [`part_ranges`]: at a paragraph break (a blank line) where
//! there is one, else after the end of a sentence, else at white space
//! between two lower-case words (never inside a name), else at any white
//! space, else at a character boundary. Each part is analysed on its own
//! ([`Extractor::analyze_parts`](super::Extractor::analyze_parts)), its
//! spans shifted by the part's offset ([`Analysis::shift`]) so that every
//! span still slices the whole document's text, and the caller folds the
//! parts' results into one document's (see [`DocRecord::append`], and
//! `RecordPlan::merge` in the graph).
//!
//! What changes for such a document: names are resolved within each part
//! (a surname alone in a part is tied to the full name only when that part
//! names it in full, or later by the corpus-wide identity pass), and a
//! quotation or attribution that a cut would cross is cut with it (cuts
//! fall between paragraphs, so this happens only in paragraphs longer than
//! a part). Co-occurrence windows (a sentence, a paragraph) never cross a
//! paragraph break, so a cut there changes none.

use super::{Analysis, DocRecord};
use std::ops::Range;

/// The default part size: documents longer than this many bytes are
/// analysed in parts of at most this size. Measured on a generated 200 MB
/// document: peak memory is about the text, its body (when it differs
/// from the text) and one part's analysis (a few tens of bytes per byte),
/// so 8 MB parts keep the peak of a 200 MB document under four times its
/// size, and leave every ordinary document (news articles are a few KB)
/// analysed whole.
pub const PART_BYTES: usize = 8 << 20;

/// The smallest part size an extractor takes (smaller sizes are raised to
/// this).
pub const MIN_PART_BYTES: usize = 256;

/// The byte ranges of `text`'s parts when parts are at most `max` bytes
/// long (`max` raised to [`MIN_PART_BYTES`]): one range, the whole text,
/// when it is not longer; otherwise ranges that follow each other,
/// cover the text, start and end on character boundaries, and are about
/// equally long (see the module's documentation for where they are cut).
pub fn part_ranges(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(MIN_PART_BYTES);
    let len = text.len();
    if len <= max {
        #[allow(clippy::single_range_in_vec_init)] // one part: the whole text
        return vec![0..len];
    }
    // As many parts as needed, of about equal length.
    let n = len.div_ceil(max);
    let target = len.div_ceil(n);
    let mut ranges = Vec::with_capacity(n + 1);
    let mut start = 0;
    while len - start > max {
        let hi = start + target;
        let lo = start + target / 2;
        let cut = cut_in(text, lo, hi);
        ranges.push(start..cut);
        start = cut;
    }
    ranges.push(start..len);
    ranges
}

/// Where to cut `text` between `lo` and `hi` (`lo < hi <= len`): the
/// start of the next part, in `lo + 1..=hi` and on a character boundary.
fn cut_in(text: &str, lo: usize, hi: usize) -> usize {
    let b = text.as_bytes();
    paragraph_break(b, lo, hi)
        .or_else(|| sentence_end(b, lo, hi))
        .or_else(|| space_between_lower(b, lo, hi))
        .or_else(|| (lo + 1..hi).rev().find(|&i| b[i - 1].is_ascii_whitespace()))
        .unwrap_or_else(|| {
            let mut i = hi;
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            // A part of one character at least: `lo` is well past the
            // previous cut, so a boundary is found above it.
            i.max(lo + 1)
        })
}

/// The start of the line after the last blank line (white space alone)
/// ending in `lo..hi`: the start of a paragraph.
fn paragraph_break(b: &[u8], lo: usize, hi: usize) -> Option<usize> {
    // Going backward: the position of the last newline seen, when only
    // white space stands between it and the current byte.
    let mut newline: Option<usize> = None;
    for i in (lo..hi).rev() {
        match b[i] {
            b'\n' => match newline {
                Some(next) => return Some(next + 1),
                None => newline = Some(i),
            },
            c if c.is_ascii_whitespace() => {}
            _ => newline = None,
        }
    }
    None
}

/// After the last end of a sentence in `lo..hi`: white space after `!`,
/// `?`, or a `.` ending a lower-case word (so not after "Dr." or an
/// initial), closing quotation marks and brackets between them allowed.
fn sentence_end(b: &[u8], lo: usize, hi: usize) -> Option<usize> {
    (lo.max(1)..hi)
        .rev()
        .find(|&i| {
            if !b[i].is_ascii_whitespace() || b[i - 1].is_ascii_whitespace() {
                return false;
            }
            // Back over closing marks: `"`, `'`, `)`, and ’ ” (E2 80 99/9D).
            let mut j = i;
            loop {
                match b[..j] {
                    [.., b'"' | b'\'' | b')'] => j -= 1,
                    [.., 0xE2, 0x80, 0x99 | 0x9D] => j -= 3,
                    _ => break,
                }
            }
            match b[..j] {
                [.., b'!' | b'?'] => true,
                [.., b'.'] => {
                    let word = b[..j - 1]
                        .iter()
                        .rev()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .count();
                    word >= 2 && b[j - 1 - word..j - 1].iter().all(u8::is_ascii_lowercase)
                }
                _ => false,
            }
        })
        .map(|i| i + 1)
}

/// After the last white space in `lo..hi` between a word ending in a
/// lower-case letter and one starting with one: no name is cut there.
fn space_between_lower(b: &[u8], lo: usize, hi: usize) -> Option<usize> {
    (lo.max(1)..hi.min(b.len() - 1))
        .rev()
        .find(|&i| {
            b[i].is_ascii_whitespace()
                && b[i - 1].is_ascii_lowercase()
                && b[i + 1].is_ascii_lowercase()
        })
        .map(|i| i + 1)
}

impl Analysis {
    /// Move every span by `by` bytes: the analysis of a part of a document
    /// that starts at byte `by` then speaks of the whole document's text.
    /// Indices (of sentences, paragraphs, tokens, mentions, actors) stay
    /// those of the part's own lists. [`Segmentation::lower`] is emptied:
    /// it is the part's lower case, which no shifted span slices.
    ///
    /// [`Segmentation::lower`]: crate::segment::Segmentation::lower
    pub fn shift(&mut self, by: usize) {
        let mv = |s: &mut crate::span::Span| {
            s.start += by;
            s.end += by;
        };
        let seg = &mut self.segmentation;
        seg.lower = String::new();
        seg.paragraphs.iter_mut().for_each(mv);
        seg.sentences.iter_mut().for_each(|s| mv(&mut s.span));
        seg.tokens.iter_mut().for_each(|t| mv(&mut t.span));
        for q in &mut seg.quotes {
            mv(&mut q.span);
            mv(&mut q.inner);
        }
        for m in &mut self.mentions {
            mv(&mut m.span);
            m.title.iter_mut().for_each(mv);
        }
        for a in &mut self.attributions {
            if let Some(s) = &mut a.speaker {
                mv(&mut s.span);
            }
            a.cue.iter_mut().chain(&mut a.content).for_each(mv);
        }
    }
}

impl Analysis {
    /// Whether this analysis, of a part of the document whose body is
    /// `body` ([`Analysis::shift`]ed), starts inside a paragraph: its first
    /// paragraph goes on from the text before the part (no blank line
    /// between), as when a paragraph longer than a part was cut. The first
    /// part, and a part cut at a paragraph break, start a paragraph.
    pub fn continues_paragraph(&self, body: &str) -> bool {
        let Some(first) = self.segmentation.paragraphs.first() else {
            return false;
        };
        let before = body.as_bytes().get(..first.start).unwrap_or_default();
        let gap = before
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .filter(|&&c| c == b'\n')
            .count();
        let blank = before
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        blank < before.len() && gap < 2
    }
}

impl DocRecord {
    /// Add the record of the document's next part: `later` was made of a
    /// part's analysis ([`Analysis::shift`]ed, so its spans are already
    /// the document's), and its sentence and paragraph indices count from
    /// the part's start; `paragraphs` is how many paragraphs the parts
    /// before it have (one less when `later` goes on with the last of
    /// them: [`Analysis::continues_paragraph`]). Actors are the same actor in both parts when their
    /// ids are the same.
    pub fn append(&mut self, mut later: DocRecord, paragraphs: usize) {
        later.renumber(self.sentences.len(), paragraphs);
        self.mentions.append(&mut later.mentions);
        self.attributions.append(&mut later.attributions);
        self.sentences.append(&mut later.sentences);
    }

    /// Count this record's sentences from `sentences` and its paragraphs
    /// from `paragraphs` on: the record of a part that follows that many
    /// of them (see [`DocRecord::append`]).
    pub fn renumber(&mut self, sentences: usize, paragraphs: usize) {
        for m in &mut self.mentions {
            m.sentence += sentences;
            m.paragraph += paragraphs;
        }
        for a in &mut self.attributions {
            a.sentence += sentences;
        }
        for s in &mut self.sentences {
            s.paragraph += paragraphs;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, max: usize) -> Vec<Range<usize>> {
        let r = part_ranges(text, max);
        assert_eq!(r.first().map(|r| r.start), Some(0));
        assert_eq!(r.last().map(|r| r.end), Some(text.len()));
        for w in r.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for p in &r {
            assert!(p.start < p.end || text.is_empty(), "{p:?}");
            assert!(p.len() <= max.max(MIN_PART_BYTES), "{p:?}");
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        }
        r
    }

    #[test]
    fn a_short_text_is_one_part() {
        let one = |r: Vec<Range<usize>>| <[_; 1]>::try_from(r).ok().map(|[r]| r);
        assert_eq!(
            one(check("Ines Varga met Paulo Brandt.", 1000)),
            Some(0..28)
        );
        assert_eq!(one(check("", 1000)), Some(0..0));
    }

    #[test]
    fn parts_start_at_paragraphs() {
        let para = "Ines Varga met Paulo Brandt in Lisbon. Tavi Renn said so.\n\n";
        let text = para.repeat(100);
        for p in check(&text, 1000) {
            assert!(text[p.start..].starts_with("Ines Varga"), "{p:?}");
        }
    }

    #[test]
    fn without_paragraphs_parts_start_after_sentences() {
        let text = "Dr. Ines Varga met Paulo Brandt in Lisbon, they said. ".repeat(100);
        for p in check(&text, 1000) {
            assert!(text[p.start..].starts_with("Dr. Ines"), "{p:?}");
        }
        let text = "Ines Varga told \u{201c}Paulo Brandt\u{201d} to leave.\u{201d} ".repeat(100);
        for p in check(&text, 1000) {
            assert!(text[p.start..].starts_with("Ines Varga"), "{p:?}");
        }
    }

    #[test]
    fn without_sentences_names_are_not_cut() {
        let text = "then Ines Varga and Paulo Brandt went on ".repeat(100);
        for p in check(&text, 1000).iter().skip(1) {
            let before = &text[..p.start];
            let word = before.trim_end().rsplit(' ').next().unwrap();
            assert!(word.chars().all(|c| c.is_lowercase()), "{word}");
            assert!(text[p.start..].starts_with(char::is_lowercase), "{p:?}");
        }
    }

    #[test]
    fn text_without_white_space_is_cut_at_characters() {
        let text = "\u{e9}\u{2014}x".repeat(1000);
        check(&text, 300);
        let text = "a".repeat(10_000);
        assert_eq!(check(&text, 1000).len(), 10);
    }

    #[test]
    fn odd_sizes_give_valid_parts() {
        let text = "Ab cd.\n\n\u{201c}Ef\u{201d} gh ij! Kl\n \nmn. ".repeat(300);
        for max in [256, 257, 300, 999, 1024, 4000, 100_000] {
            check(&text, max);
        }
    }
}
