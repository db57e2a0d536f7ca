//! Byte spans into a document's text.
//!
//! Every stage of the pipeline speaks in [`Span`]s: half-open byte ranges
//! into the text a document was read as. Because [`crate::ingest`] keeps the
//! cleaned body of a document exactly as long as the text it was read from,
//! a span taken from any stage slices both of them at character boundaries.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// One past the last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. Panics in debug builds when `start > end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span names. Panics when the span is out of bounds or
    /// not on character boundaries, which the pipeline never produces.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The text this span names, or `None` when it does not fit `text`.
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// True when both spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the byte offset lies inside this span.
    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span with leading and trailing white space (and the given extra
    /// characters) removed, measured on `text`.
    pub fn trim(&self, text: &str, extra: &[char]) -> Span {
        let s = self.slice(text);
        let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
        let lead = s.len() - s.trim_start_matches(is_trim).len();
        let rest = &s[lead..];
        let kept = rest.trim_end_matches(is_trim).len();
        Span::new(self.start + lead, self.start + lead + kept)
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_and_overlap() {
        let t = "Zarif met Powell";
        let a = Span::new(0, 5);
        let b = Span::new(10, 16);
        assert_eq!(a.slice(t), "Zarif");
        assert_eq!(b.slice(t), "Powell");
        assert!(!a.overlaps(&b));
        assert!(a.cover(&b).contains(&b));
        assert_eq!(a.cover(&b).slice(t), t);
    }

    #[test]
    fn trim_keeps_boundaries() {
        let t = "  \u{201c}Hi,\u{201d} ";
        let s = Span::new(0, t.len()).trim(t, &['\u{201c}', '\u{201d}', ',']);
        assert_eq!(s.slice(t), "Hi");
    }
}
