//! The sentence view rule code reads ([`Cx`]): a sentence's tokens with
//! their word-table lookups, each looked up once, on first use, into the
//! document's per-thread buffer.

use super::flags::{is_done, Info, DONE};
use super::shape::*;
use super::table::WordTable;
use super::Lexicon;
use crate::segment::{Token, TokenKind};
use std::cell::Cell;

/// One sentence with its tokens' word-list lookups.
pub(super) struct Cx<'a> {
    /// Index in the document of the sentence's first token.
    pub(super) base: usize,
    pub(super) text: &'a str,
    /// `text` in ASCII lower case.
    pub(super) low: &'a str,
    pub(super) toks: &'a [Token],
    /// Packed [`Info`] of each token, 0 until looked up.
    pub(super) info: &'a [Cell<u32>],
    pub(super) lex: &'a Lexicon,
    pub(super) table: &'a WordTable,
    /// The sentence is the document's first and its paragraph's only one
    /// (a title line): a headline there may end with a period.
    pub(super) alone: bool,
}

impl Cx<'_> {
    /// What the word lists say about token `k` (nothing for tokens that
    /// are not words or past the end).
    #[inline]
    pub(super) fn info(&self, k: usize) -> Info {
        Info::unpack(self.packed(k))
    }

    /// [`Cx::info`], packed ([`Info::pack`]).
    #[inline]
    fn packed(&self, k: usize) -> u32 {
        let Some(c) = self.info.get(k) else {
            return 0;
        };
        let p = c.get();
        if is_done(p) {
            return p;
        }
        self.look_up(k, c)
    }

    /// Look token `k` up and keep the answer in `c`.
    #[inline(never)]
    pub(super) fn look_up(&self, k: usize, c: &Cell<u32>) -> u32 {
        let t = &self.toks[k];
        let p = if t.kind == TokenKind::Word {
            let (start, end) = (t.span.start, t.span.end);
            match self.table.packed_short(self.text.as_bytes(), start, end) {
                Some(p) => p,
                None => {
                    let w = t.text(self.text);
                    if w.is_ascii() {
                        // ASCII lower case is the lower case of an ASCII word.
                        self.table.info_lowered(w, &self.low[start..end]).pack()
                    } else {
                        self.table.info(w).pack()
                    }
                }
            }
        } else {
            DONE
        };
        c.set(p);
        p
    }

    /// The word at `k`, if it is one.
    #[inline]
    pub(super) fn word(&self, k: usize) -> Option<&str> {
        self.toks.get(k).and_then(|t| word(self.text, t))
    }

    /// The text of token `k`.
    #[inline]
    pub(super) fn text_of(&self, k: usize) -> &str {
        self.toks[k].text(self.text)
    }

    /// Whether token `k` reads as an adjective or gerund: a listed
    /// modifier, or an ending of [`adjective_suffix`], and no given name.
    pub(super) fn adjective_like_at(&self, k: usize) -> bool {
        let i = self.info(k);
        if i.first_name() {
            return false;
        }
        if i.modifier() {
            return true;
        }
        let t = &self.toks[k];
        let w = t.text(self.text);
        if w.is_ascii() {
            // Its ASCII lower case, one character a byte: no suffix fits
            // a word under six letters.
            w.len() >= 6
                && adjective_suffix(
                    &self.low[t.span.start..t.span.end],
                    &self.lex.adjective_suffixes,
                )
        } else {
            adjective_suffix(&w.lower(), &self.lex.adjective_suffixes)
        }
    }

    /// Whether token `k` is a word no name holds (`splitters`, or in
    /// capitals and no regnal number), unless it is a given name and a
    /// name follows (`next_is_name`).
    pub(super) fn is_splitter_at(&self, k: usize, next_is_name: bool) -> bool {
        let i = self.info(k);
        if next_is_name && i.first_name() {
            return false;
        }
        i.splitter() || (i.all_caps() && !is_roman(self.text_of(k)))
    }
}
