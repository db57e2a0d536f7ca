//! The candidate scan: the tokens of a sentence that may start a mention
//! ([`start_candidates`]), found with two byte tables and no branch on the
//! text; its plain oracle is a test.

use crate::segment::{Token, TokenKind};

/// True when `w` may be a pronoun: two to seven bytes, opening with an
/// `h` or an `s` (every entry of [`PRONOUNS`](super::closed::PRONOUNS) does).
#[inline]
pub(super) fn may_be_pronoun(w: &str) -> bool {
    (2..=7).contains(&w.len()) && matches!(w.as_bytes()[0] | 0x20, b'h' | b's')
}

/// In [`START_CLASS`]: a word opening with this byte may start a mention
/// (a capital, `h`, `s` or `t` for pronouns and "the", or a byte of a
/// non-ASCII character).
pub(super) const GO: u8 = 3;

/// In [`START_CLASS`]: a word opening with this byte may start a mention
/// only as a prefixed name ([`may_be_prefixed`](super::shape::may_be_prefixed)).
pub(super) const PREFIX: u8 = 1;

/// What the first byte of a word says about whether it may start a
/// mention; 0 for the other bytes (small letters and ASCII signs), whose
/// words start nothing: no pronoun, no "the", no capital.
pub(super) static START_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() || c >= 0x80 || matches!(c, b'h' | b's' | b't') {
            GO
        } else if matches!(c, b'a' | b'b' | b'd' | b'e' | b'i' | b'l') {
            PREFIX
        } else {
            0
        };
        b += 1;
    }
    t
};

/// 1 for the bytes that join a name prefix to the name: `-`, `'` and the
/// first byte of `’`.
pub(super) static JOINER: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'-' as usize] = 1;
    t[b'\'' as usize] = 1;
    t[0xe2] = 1;
    t
};

/// The tokens of a sentence that may start a mention, in order, into
/// `buf[..n]`; returns `n`. Every other token is no word, or a word that
/// opens with a small letter and is no pronoun (h, s), no "the" and no
/// prefixed name ([`is_name_word`](super::shape::is_name_word)), or with an ASCII sign: it starts
/// nothing. Some candidates start nothing either (a small `a` with a
/// hyphen after the word): the caller tests them as before. One pass with no branch that depends on the text: each token
/// is written and the count moves on only for a candidate.
pub(super) fn start_candidates(bytes: &[u8], toks: &[Token], buf: &mut Vec<u32>) -> usize {
    if buf.len() < toks.len() {
        buf.resize(toks.len(), 0);
    }
    let buf = &mut buf[..toks.len()];
    let mut n = 0;
    for (k, t) in toks.iter().enumerate() {
        let s = t.span.start;
        // The word's first four bytes (zero past the text's end).
        let w = match bytes.get(s..s + 4) {
            Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            None => {
                let mut b = [0u8; 4];
                for (d, &x) in b.iter_mut().zip(&bytes[s.min(bytes.len())..]) {
                    *d = x;
                }
                u32::from_le_bytes(b)
            }
        };
        let c = START_CLASS[(w & 0xff) as usize];
        // A joining byte among the next three: wider than
        // [`may_be_prefixed`] (any of the three, past the word too), which
        // the caller applies again.
        let joins = JOINER[((w >> 8) & 0xff) as usize]
            | JOINER[((w >> 16) & 0xff) as usize]
            | JOINER[(w >> 24) as usize];
        // [`GO`] has bit 1, which no joiner bit masks; [`PREFIX`] only
        // bit 0, kept by a joiner.
        let keep = (t.kind == TokenKind::Word) & (c & (2 | joins) != 0);
        buf[n] = k as u32;
        n += usize::from(keep);
    }
    n
}
