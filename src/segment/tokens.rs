//! The tokenizer: words, numbers, possessive endings and punctuation, each
//! with its byte span.

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes, or an initialism's dots).
    Word,
    /// Digits (with inner `.`, `,` or `:`).
    Number,
    /// A possessive ending: `'s`, `’s`, or a lone `'` after a plural.
    Possessive,
    /// One punctuation or symbol character.
    Punct,
}

/// A token of the body text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it stands.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Dashes, quotes, bullets and the like of the General Punctuation block
/// (U+2010..U+2027): never white space, letters or digits, so the Unicode
/// tables need not be asked about them.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2010}'..='\u{2027}').contains(&c)
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// The character starting at byte `p` of `text` (`None` at the end). `p`
/// must be a character boundary; ASCII is read without decoding.
#[inline]
fn char_at(text: &str, p: usize) -> Option<char> {
    match text.as_bytes().get(p) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text[p..].chars().next(),
    }
}

/// Byte length of the character starting at `p` (0 at the end).
#[inline]
fn width_at(text: &str, p: usize) -> usize {
    char_at(text, p).map_or(0, char::len_utf8)
}

/// ASCII letters and digits, as a table: one load a byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Length of the run of ASCII letters and digits `bytes` opens with.
#[inline]
fn ascii_alnum_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// Eight byte lanes of 1, for the SWAR arithmetic below.
const LANES: u64 = u64::from_le_bytes([1; 8]);
/// The high bit of every byte lane.
const HIGH: u64 = LANES * 0x80;

/// The high bit of every byte lane of `x` that holds an ASCII letter or
/// digit, eight lanes at once (no lane carries into the next: every sum
/// below stays under 0x100).
#[inline(always)]
fn alnum_lanes(x: u64) -> u64 {
    let x7 = x & !HIGH;
    // Letters folded to lower case; `@` and `[` fold to `` ` `` and `{`.
    let folded = x7 | (LANES * 0x20);
    let letter = (folded + LANES * (0x80 - b'a' as u64)) & !(folded + LANES * (0x7f - b'z' as u64));
    let digit = (x7 + LANES * (0x80 - b'0' as u64)) & !(x7 + LANES * (0x7f - b'9' as u64));
    (letter | digit) & !x & HIGH
}

/// The high bits of the eight lanes of `m` (only high bits set) as the
/// low eight bits of a number: lane `k` becomes bit `k`.
#[inline(always)]
fn gather_lanes(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// One bit a byte of the text, set for ASCII letters and digits: computed
/// for the whole text at once, eight bytes a step without a branch, so the
/// end of a word is found with a shift and a count, not a loop a byte.
struct AlnumBits {
    /// Bit `p % 64` of word `p / 64` stands for byte `p`; bits past the
    /// end are clear, and one more clear word follows.
    bits: Vec<u64>,
}

impl AlnumBits {
    fn new(bytes: &[u8]) -> AlnumBits {
        let mut bits = Vec::with_capacity(bytes.len() / 64 + 2);
        let word = |block: &[u8]| {
            let mut w = 0;
            for (k, lane) in block.chunks_exact(8).enumerate() {
                let x = u64::from_le_bytes(lane.try_into().unwrap_or([0; 8]));
                w |= gather_lanes(alnum_lanes(x)) << (8 * k);
            }
            w
        };
        let mut blocks = bytes.chunks_exact(64);
        bits.extend((&mut blocks).map(word));
        let rest = blocks.remainder();
        let mut last = [0u8; 64];
        last[..rest.len()].copy_from_slice(rest);
        bits.push(word(&last));
        bits.push(0);
        AlnumBits { bits }
    }

    /// The first byte at or after `p` (at most the text's length) that is
    /// not an ASCII letter or digit.
    #[inline(always)]
    fn run_end(&self, p: usize) -> usize {
        let mut k = p / 64;
        let mut stop = !self.bits[k] >> (p % 64);
        if stop != 0 {
            return p + stop.trailing_zeros() as usize;
        }
        loop {
            k += 1;
            stop = !self.bits[k];
            if stop != 0 {
                return k * 64 + stop.trailing_zeros() as usize;
            }
        }
    }
}

/// Byte classes of the tokenizer's fast paths.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
/// An ASCII byte that is a one-byte punctuation token wherever it stands
/// (neither white space, letter, digit nor apostrophe).
const PUNCT: u8 = 3;
/// The apostrophe and every non-ASCII byte: the general path decides.
const OTHER: u8 = 4;

/// The class of every byte: one load a byte.
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            // `char::is_whitespace` of ASCII.
            SPACE
        } else if c == b'\'' {
            OTHER
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// The class of byte `b`.
#[inline(always)]
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// Split text into tokens. Linear in the text's length; one pass over the
/// bytes, characters decoded where they are looked at, no allocation but
/// the result.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_marking(text).tokens
}

/// Tokens, and where later passes have to look among them.
pub(super) struct Marked {
    /// All tokens in order ([`tokenize`]).
    pub(super) tokens: Vec<Token>,
    /// The indices (in order) of the tokens whose last byte is a
    /// [`MAY_END`] byte: the only ones besides line breaks at which the
    /// sentence splitter has to look.
    pub(super) ends: Vec<u32>,
    /// The offsets (in order) of the punctuation tokens that are
    /// quotation marks (`"`, U+2018, U+2019, U+201C..U+201E): every mark
    /// the quotation finder may take (an apostrophe inside a word or
    /// before a possessive `s` never is one).
    pub(super) quote_marks: Vec<usize>,
}

/// True for the quotation marks the quotation finder reads, given the
/// bytes from a token's start: `"`, or E2 80 98, 99, 9C, 9D, 9E.
fn is_quote_mark(b: &[u8]) -> bool {
    matches!(
        b,
        [b'"', ..] | [0xe2, 0x80, 0x98 | 0x99 | 0x9c | 0x9d | 0x9e, ..]
    )
}

/// The last bytes of the tokens that may end a sentence: `.`, `!`, `?`
/// and the last byte of `…` (E2 80 A6; another character whose last byte
/// is A6 is merely looked at in vain by the sentence splitter).
pub(super) static MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xa6] = true;
    t
};

/// Push the one-byte mark `b` at `at` as a token, noting it when it may
/// end a sentence or is a straight quotation mark.
#[inline(always)]
fn push_mark(
    out: &mut Vec<Token>,
    ends: &mut Vec<u32>,
    quote_marks: &mut Vec<usize>,
    at: usize,
    b: u8,
) {
    if MAY_END[usize::from(b)] {
        // Token indices fit in a u32 (a document is at most 256 MiB).
        ends.push(out.len() as u32);
    }
    if b == b'"' {
        quote_marks.push(at);
    }
    out.push(Token {
        span: Span::new(at, at + 1),
        kind: TokenKind::Punct,
    });
}

/// [`tokenize`], with the tokens that may end a sentence and the
/// quotation marks noted ([`Marked`]). Words and numbers of the fast paths
/// are neither; a mark is noted where it is pushed.
pub(super) fn tokenize_marking(text: &str) -> Marked {
    // News text runs about one token per 4.5 bytes: room enough that the
    // vector is seldom regrown.
    let mut out = Vec::with_capacity(text.len() / 4 + 16);
    let mut ends = Vec::with_capacity(text.len() / 64 + 8);
    let mut quote_marks = Vec::with_capacity(text.len() / 256 + 8);
    // Token indices fit in a u32 (a document is at most 256 MiB).
    let index = |k: usize| k as u32;
    // The general rules push at most one token; noted when it may end or
    // is a quotation mark.
    let general =
        |i: usize, out: &mut Vec<Token>, ends: &mut Vec<u32>, quote_marks: &mut Vec<usize>| {
            let before = out.len();
            let next = general_token(text, i, out);
            if let Some(t) = out.get(before) {
                let b = text.as_bytes();
                if MAY_END[usize::from(b[t.span.end - 1])] {
                    ends.push(index(before));
                }
                if t.kind == TokenKind::Punct && is_quote_mark(&b[t.span.start..t.span.end]) {
                    quote_marks.push(t.span.start);
                }
            }
            next
        };
    let bytes = text.as_bytes();
    let n = bytes.len();
    let alnum = AlnumBits::new(bytes);
    let mut i = 0;
    // Fast paths for ASCII: white space, one-byte punctuation, and words
    // and numbers that end at a byte that cannot carry them on. Anything
    // else goes to `general_token`, which reads from the token's start.
    while i < n {
        let b = bytes[i];
        // Words first, tested apart from the other classes so that the
        // test stays one well-predicted branch.
        if (b | 0x20).wrapping_sub(b'a') < 26 {
            let j = alnum.run_end(i + 1);
            // The end of the text ends a word like a space.
            let d = bytes.get(j).copied().unwrap_or(b' ');
            let cd = class(d);
            if cd == SPACE {
                // Most words end here, with the one white space byte after.
                out.push(Token {
                    span: Span::new(i, j),
                    kind: TokenKind::Word,
                });
                i = j + 1;
            } else if cd == PUNCT && d != b'-' && (d != b'.' || j - i > 1) {
                // A one-byte mark after the word: both pushed here, and a
                // space after the mark skipped.
                out.push(Token {
                    span: Span::new(i, j),
                    kind: TokenKind::Word,
                });
                push_mark(&mut out, &mut ends, &mut quote_marks, j, d);
                i = j + 1 + usize::from(bytes.get(j + 1) == Some(&b' '));
            } else if let Some(next) = joined_word(bytes, &alnum, i, j, &mut out) {
                // Hyphens and apostrophes between ASCII runs, or a
                // possessive after the word.
                i = next;
            } else {
                // A period after one letter may make an initialism; a
                // non-ASCII character may be a letter.
                i = general(i, &mut out, &mut ends, &mut quote_marks);
            }
            continue;
        }
        match class(b) {
            SPACE => i += 1,
            PUNCT => {
                push_mark(&mut out, &mut ends, &mut quote_marks, i, b);
                i += 1 + usize::from(bytes.get(i + 1) == Some(&b' '));
            }
            DIGIT => {
                let j = alnum.run_end(i + 1);
                // `.`, `,` or `:` before a digit carries a number on; a
                // non-ASCII character may be a digit or letter.
                let number_ends = match bytes.get(j) {
                    None => true,
                    Some(&d) => {
                        d < 0x80
                            && !(matches!(d, b'.' | b',' | b':')
                                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit))
                    }
                };
                if number_ends {
                    out.push(Token {
                        span: Span::new(i, j),
                        kind: TokenKind::Number,
                    });
                    i = j;
                } else {
                    i = general(i, &mut out, &mut ends, &mut quote_marks);
                }
            }
            _ => {
                // The dashes, quotes, bullets and ellipsis of U+2010..U+2027
                // (E2 80 90..A7; not the apostrophe U+2019) are a token
                // of their own wherever they stand.
                if b == 0xe2
                    && bytes.get(i + 1) == Some(&0x80)
                    && bytes
                        .get(i + 2)
                        .is_some_and(|&c| (0x90..=0xa7).contains(&c) && c != 0x99)
                {
                    if MAY_END[usize::from(bytes[i + 2])] {
                        ends.push(index(out.len()));
                    }
                    if is_quote_mark(&bytes[i..i + 3]) {
                        quote_marks.push(i);
                    }
                    out.push(Token {
                        span: Span::new(i, i + 3),
                        kind: TokenKind::Punct,
                    });
                    i += 3;
                } else {
                    i = general(i, &mut out, &mut ends, &mut quote_marks);
                }
            }
        }
    }
    Marked {
        tokens: out,
        ends,
        quote_marks,
    }
}

/// The word starting at `i` whose first run of ASCII letters and digits
/// ends at `j`, when it goes on (or stops) by the rules of
/// [`general_token`] over ASCII only: hyphens and apostrophes (`'`, `’`)
/// between runs join them; an apostrophe and a lone `s` after the word
/// make a possessive, pushed too. Returns where the next token may start,
/// or `None` (nothing pushed) when the general rules must decide: a
/// period after a single letter, a non-ASCII character other than `’`.
#[inline(always)]
fn joined_word(
    bytes: &[u8],
    alnum: &AlnumBits,
    i: usize,
    mut j: usize,
    out: &mut Vec<Token>,
) -> Option<usize> {
    let ascii_alnum = |p: usize| bytes.get(p).is_some_and(u8::is_ascii_alphanumeric);
    // The next byte cannot carry a word on: ASCII other than a letter or
    // digit, or the end.
    let ascii_stop = |p: usize| {
        bytes
            .get(p)
            .is_none_or(|&c| c < 0x80 && !c.is_ascii_alphanumeric())
    };
    let mut joined = false;
    loop {
        let (len, apostrophe) = match bytes.get(j) {
            Some(b'-') => (1, false),
            Some(b'\'') => (1, true),
            Some(0xe2) if bytes.get(j + 1..j + 3) == Some(&[0x80, 0x99]) => (3, true),
            // The word ends at ASCII (a period only after a joined run:
            // no initialism follows a hyphen or an apostrophe) or the end.
            d if d.is_none_or(|&c| c < 0x80 && (joined || c != b'.')) => break,
            _ => return None,
        };
        let after = j + len;
        if ascii_alnum(after) {
            if apostrophe && matches!(bytes[after], b's' | b'S') {
                if ascii_stop(after + 1) {
                    // A possessive: the word, then `'s` / `’s`.
                    out.push(Token {
                        span: Span::new(i, j),
                        kind: TokenKind::Word,
                    });
                    out.push(Token {
                        span: Span::new(j, after + 1),
                        kind: TokenKind::Possessive,
                    });
                    return Some(after + 1);
                }
                if !ascii_alnum(after + 1) {
                    return None;
                }
            }
            joined = true;
            j = alnum.run_end(after);
        } else if ascii_stop(after) {
            // A mark that joins nothing: the word ends before it.
            break;
        } else {
            return None;
        }
    }
    out.push(Token {
        span: Span::new(i, j),
        kind: TokenKind::Word,
    });
    Some(j)
}

/// The token starting at byte `i` (a character boundary before the end),
/// by the general rules: pushed to `out` unless it is white space. Returns
/// where the next one may start.
#[inline(never)]
fn general_token(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let n = text.len();
    let alnum_at = |p: usize| char_at(text, p).is_some_and(char::is_alphanumeric);
    let Some(c) = char_at(text, i) else { return n };
    let start = i;
    let next = i + c.len_utf8();
    let punctuation = is_general_punctuation(c);
    if !punctuation && c.is_whitespace() {
        return next;
    }
    if !punctuation && c.is_alphabetic() {
        let mut j = next;
        let mut letters_only_dots = true; // "U.S." style so far
        let mut seg_len = 1; // letters since the last dot
        let mut has_dot = false;
        loop {
            // Fast path: a run of ASCII letters and digits.
            let from = j;
            j += ascii_alnum_run(&bytes[j..]);
            if j > from {
                seg_len += j - from;
                if seg_len > 1 {
                    letters_only_dots = false;
                }
            }
            // Fast path: an ASCII character that never goes on a word.
            if j < n && bytes[j] < 0x80 && !matches!(bytes[j], b'-' | b'\'' | b'.') {
                break;
            }
            let Some(d) = char_at(text, j) else { break };
            let j1 = j + d.len_utf8();
            if is_general_punctuation(d) && !is_hyphen(d) && !is_apostrophe(d) {
                break;
            }
            if d.is_alphanumeric() || d == '\u{00AD}' {
                seg_len += 1;
                if seg_len > 1 {
                    letters_only_dots = false;
                }
                j = j1;
            } else if (is_hyphen(d) || is_apostrophe(d)) && alnum_at(j1) {
                // A possessive 's / ’s at the end stays a token of its own.
                if is_apostrophe(d)
                    && matches!(char_at(text, j1), Some('s' | 'S'))
                    && !alnum_at(j1 + 1)
                {
                    break;
                }
                letters_only_dots = false;
                seg_len = 0;
                j = j1;
            } else if d == '.'
                && letters_only_dots
                && seg_len == 1
                && char_at(text, j1).is_some_and(char::is_alphabetic)
                && char_at(text, j1 + width_at(text, j1))
                    .is_none_or(|f| !f.is_alphabetic() || f == '.')
            {
                // Initialism: U.S., e.g., D.C. — take the dot and go on.
                seg_len = 0;
                has_dot = true;
                j = j1;
            } else {
                break;
            }
        }
        // An initialism keeps its final period: "U.S." (but not "A.").
        if has_dot && j < n && bytes[j] == b'.' {
            j += 1;
        }
        out.push(Token {
            span: Span::new(start, j),
            kind: TokenKind::Word,
        });
        return j;
    }
    if !punctuation && (c.is_ascii_digit() || c.is_numeric()) {
        let mut j = next;
        loop {
            j += ascii_alnum_run(&bytes[j..]);
            let Some(d) = char_at(text, j) else { break };
            let j1 = j + d.len_utf8();
            // Digits and letters, or a separator before a digit.
            let goes_on = d.is_alphanumeric()
                || matches!(d, '.' | ',' | ':')
                    && char_at(text, j1).is_some_and(|e| e.is_ascii_digit());
            if !goes_on {
                break;
            }
            j = j1;
        }
        out.push(Token {
            span: Span::new(start, j),
            kind: TokenKind::Number,
        });
        return j;
    }
    if is_apostrophe(c) {
        let after_word = out
            .last()
            .is_some_and(|t: &Token| t.span.end == start && t.kind == TokenKind::Word);
        if after_word && matches!(char_at(text, next), Some('s' | 'S')) && !alnum_at(next + 1) {
            out.push(Token {
                span: Span::new(start, next + 1),
                kind: TokenKind::Possessive,
            });
            return next + 1;
        }
        let prev_s = out.last().is_some_and(|t: &Token| {
            t.span.end == start
                && t.kind == TokenKind::Word
                && t.span.slice(text).ends_with(['s', 'S'])
        });
        if prev_s && !alnum_at(next) && c == '\'' {
            out.push(Token {
                span: Span::new(start, next),
                kind: TokenKind::Possessive,
            });
            return next;
        }
    }
    out.push(Token {
        span: Span::new(start, next),
        kind: TokenKind::Punct,
    });
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<(&str, TokenKind)> {
        tokenize(t).iter().map(|k| (k.text(t), k.kind)).collect()
    }

    #[test]
    fn token_table() {
        use TokenKind::*;
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            (
                "Cheney's aide",
                &[("Cheney", Word), ("'s", Possessive), ("aide", Word)],
            ),
            (
                "Hale\u{2019}s",
                &[("Hale", Word), ("\u{2019}s", Possessive)],
            ),
            (
                "the U.S. side",
                &[("the", Word), ("U.S.", Word), ("side", Word)],
            ),
            ("O'Neill al-Sadr", &[("O'Neill", Word), ("al-Sadr", Word)]),
            (
                "$3.5 million",
                &[("$", Punct), ("3.5", Number), ("million", Word)],
            ),
            ("don't", &[("don't", Word)]),
            ("W. Bush", &[("W", Word), (".", Punct), ("Bush", Word)]),
            (
                "the Okafors' house",
                &[
                    ("the", Word),
                    ("Okafors", Word),
                    ("'", Possessive),
                    ("house", Word),
                ],
            ),
            (
                "\u{201c}No.\u{201d}",
                &[
                    ("\u{201c}", Punct),
                    ("No", Word),
                    (".", Punct),
                    ("\u{201d}", Punct),
                ],
            ),
            (
                "Zo\u{eb} M\u{fc}ller",
                &[("Zo\u{eb}", Word), ("M\u{fc}ller", Word)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&toks(text), want, "for {text:?}");
        }
    }

    #[test]
    fn spans_slice_back() {
        let t = "A \u{2014} b\u{2019}s \u{e9}t\u{e9}, 1,000.";
        for k in tokenize(t) {
            assert!(!k.text(t).trim().is_empty());
        }
    }

    /// The first tokenizer (a vector of all characters, indexed): the
    /// oracle the byte-walking one must agree with.
    mod reference {
        use super::super::*;

        /// The first tokenizer (a vector of all characters, indexed): the
        /// oracle the fast one must agree with.
        #[allow(clippy::if_same_then_else)]
        pub(super) fn tokenize_reference(text: &str) -> Vec<Token> {
            let mut out = Vec::with_capacity(text.len() / 5);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let n = chars.len();
            let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
            let mut i = 0;
            while i < n {
                let (start, c) = chars[i];
                if c.is_whitespace() {
                    i += 1;
                    continue;
                }
                if c.is_alphabetic() {
                    let mut j = i + 1;
                    let mut letters_only_dots = true; // "U.S." style so far
                    let mut seg_len = 1; // letters since the last dot
                    loop {
                        if j >= n {
                            break;
                        }
                        let d = chars[j].1;
                        if d.is_alphanumeric() || d == '\u{00AD}' {
                            seg_len += 1;
                            if seg_len > 1 {
                                letters_only_dots = false;
                            }
                            j += 1;
                        } else if (is_hyphen(d) || is_apostrophe(d))
                            && j + 1 < n
                            && chars[j + 1].1.is_alphanumeric()
                        {
                            // A possessive 's / ’s at the end stays a token of its own.
                            if is_apostrophe(d)
                                && matches!(chars[j + 1].1, 's' | 'S')
                                && (j + 2 >= n || !chars[j + 2].1.is_alphanumeric())
                            {
                                break;
                            }
                            letters_only_dots = false;
                            seg_len = 0;
                            j += 1;
                        } else if d == '.'
                            && letters_only_dots
                            && seg_len == 1
                            && j + 1 < n
                            && chars[j + 1].1.is_alphabetic()
                            && (j + 2 >= n
                                || !chars[j + 2].1.is_alphabetic()
                                || chars[j + 2].1 == '.')
                        {
                            // Initialism: U.S., e.g., D.C. — take the dot and go on.
                            seg_len = 0;
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    // An initialism keeps its final period: "U.S." (but not "A.").
                    let word_end = end_of(j);
                    let w = &text[start..word_end];
                    if w.contains('.') && j < n && chars[j].1 == '.' {
                        j += 1;
                    }
                    out.push(Token {
                        span: Span::new(start, end_of(j)),
                        kind: TokenKind::Word,
                    });
                    i = j;
                    continue;
                }
                if c.is_ascii_digit() || c.is_numeric() {
                    let mut j = i + 1;
                    while j < n {
                        let d = chars[j].1;
                        if d.is_alphanumeric() {
                            j += 1;
                        } else if matches!(d, '.' | ',' | ':')
                            && j + 1 < n
                            && chars[j + 1].1.is_ascii_digit()
                        {
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    out.push(Token {
                        span: Span::new(start, end_of(j)),
                        kind: TokenKind::Number,
                    });
                    i = j;
                    continue;
                }
                if is_apostrophe(c) {
                    let after_word = out
                        .last()
                        .is_some_and(|t: &Token| t.span.end == start && t.kind == TokenKind::Word);
                    if after_word
                        && i + 1 < n
                        && matches!(chars[i + 1].1, 's' | 'S')
                        && (i + 2 >= n || !chars[i + 2].1.is_alphanumeric())
                    {
                        out.push(Token {
                            span: Span::new(start, end_of(i + 2)),
                            kind: TokenKind::Possessive,
                        });
                        i += 2;
                        continue;
                    }
                    let prev_s = out.last().is_some_and(|t: &Token| {
                        t.span.end == start
                            && t.kind == TokenKind::Word
                            && t.span.slice(text).ends_with(['s', 'S'])
                    });
                    if prev_s && (i + 1 >= n || !chars[i + 1].1.is_alphanumeric()) && c == '\'' {
                        out.push(Token {
                            span: Span::new(start, end_of(i + 1)),
                            kind: TokenKind::Possessive,
                        });
                        i += 1;
                        continue;
                    }
                }
                out.push(Token {
                    span: Span::new(start, end_of(i + 1)),
                    kind: TokenKind::Punct,
                });
                i += 1;
            }
            out
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast tokenizer gives exactly the tokens of the reference one,
        /// on text mixing the characters its rules look at.
        #[test]
        fn agrees_with_reference(t in "[aZsS'\u{2019}\\-\u{2010}.,:1 \n\u{ad}\u{e9}\u{201c}\u{201d}\"$\u{2014}\u{663}\u{2027}\u{2028}\u{2009}\u{2011}\u{2018}]{0,60}") {
            proptest::prop_assert_eq!(tokenize(&t), reference::tokenize_reference(&t));
        }

        /// The same on mostly ASCII text, where the fast paths run: words
        /// and numbers ending at every kind of byte.
        #[test]
        fn agrees_with_reference_ascii(t in "([a-cA-CsS]{1,4}|[0-2]{1,3}|[ .,:;'\\-\t\u{b}!?\u{e9}\u{2019}\u{2014}])*") {
            proptest::prop_assert_eq!(tokenize(&t), reference::tokenize_reference(&t));
        }

        /// Long words and numbers (their ends are read from a bitmap of 64
        /// bytes a word) next to every kind of mark, white space and the end.
        #[test]
        fn agrees_with_reference_long_words(t in "([a-zA-Z0-9]{1,70}|[ .,:;'\\-\n!?()\u{e9}\u{2019}\u{201c}])*") {
            proptest::prop_assert_eq!(tokenize(&t), reference::tokenize_reference(&t));
        }

        /// Any text at all (random Unicode) tokenizes as the reference does.
        #[test]
        fn agrees_with_reference_any_text(t in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(tokenize(&t), reference::tokenize_reference(&t));
        }

        /// Words joined by hyphens and apostrophes, possessives, and the
        /// General Punctuation marks (the fast paths of `joined_word` and
        /// of marks at a token's start).
        #[test]
        fn agrees_with_reference_joined(t in "([a-cA-C1]{1,3}|[sS]|'s|\u{2019}s|\u{2019}S|[ .,\\-'\u{2019}\u{2010}\u{2011}\u{2018}\u{201c}\u{2026}\u{2028}\u{2009}\u{e9}\u{ad}\u{663}])*") {
            proptest::prop_assert_eq!(tokenize(&t), reference::tokenize_reference(&t));
        }
    }

    /// The SWAR lanes flag exactly the ASCII letters and digits, every
    /// byte value in every lane, whatever its neighbours; the bitmap's runs
    /// end where a byte loop's do.
    #[test]
    fn alnum_lanes_and_runs() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                for filler in [0u8, b'a', 0xff, b'z' + 1, b'9', b'@'] {
                    let mut v = [filler; 8];
                    v[lane] = b;
                    let m = alnum_lanes(u64::from_le_bytes(v));
                    let got = m >> (8 * lane + 7) & 1 == 1;
                    assert_eq!(got, b.is_ascii_alphanumeric(), "{b:#x} in lane {lane}");
                    assert_eq!(gather_lanes(m) >> lane & 1 == 1, got);
                    assert_eq!(gather_lanes(m) >> 8, 0);
                }
            }
        }
        // Every set of lanes gathers to its bits.
        for v in 0..=255u64 {
            let m = (0..8)
                .filter(|k| v >> k & 1 == 1)
                .fold(0, |m, k| m | 0x80 << (8 * k));
            assert_eq!(gather_lanes(m), v);
        }
        let long = format!("{}-{} x", "a1".repeat(70), "Z".repeat(64));
        for t in [
            "",
            "a",
            "abc def",
            "caf\u{e9} au lait",
            &long,
            &"q".repeat(128),
        ] {
            let bits = AlnumBits::new(t.as_bytes());
            for p in 0..=t.len() {
                let want = p + t.as_bytes()[p..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(bits.run_end(p), want, "{t:?} from {p}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The noted ends are exactly the tokens whose last byte may end a
        /// sentence, the noted quotation marks exactly the punctuation
        /// tokens that are some.
        #[test]
        fn ends_are_noted(t in "([a-cA-C]{1,3}|[0-2]{1,2}|[ .,!?'\"\\-\n\u{e6}\u{2026}\u{2018}\u{2019}\u{201c}\u{201d}\u{201e}]|U\\.S\\.|3\\.5|s)*") {
            let Marked { tokens, ends, quote_marks } = tokenize_marking(&t);
            let want_marks: Vec<usize> = tokens
                .iter()
                .filter(|k| k.kind == TokenKind::Punct && is_quote_mark(&t.as_bytes()[k.span.start..k.span.end]))
                .map(|k| k.span.start)
                .collect();
            proptest::prop_assert_eq!(quote_marks, want_marks);
            let want: Vec<u32> = (0..tokens.len())
                .filter(|&k| MAY_END[usize::from(t.as_bytes()[tokens[k].span.end - 1])])
                .map(|k| k as u32)
                .collect();
            proptest::prop_assert_eq!(ends, want);
        }
    }

    /// The byte classes agree with the `char` methods the general rules use.
    #[test]
    fn byte_classes() {
        for b in 0..=255u8 {
            let c = char::from(b);
            let want = if b >= 0x80 || b == b'\'' {
                OTHER
            } else if c.is_whitespace() {
                SPACE
            } else if c.is_alphabetic() {
                LETTER
            } else if c.is_numeric() {
                DIGIT
            } else {
                PUNCT
            };
            assert_eq!(class(b), want, "{b:#x}");
        }
    }
}
