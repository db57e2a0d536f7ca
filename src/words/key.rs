//! Short words as numbers: the bytes of a word of at most 16 bytes, read
//! with one 16-byte load and kept by a mask, make one `u128` key. Equal
//! keys of equal-length words are equal words, so the word tables of
//! mentions, resolution and attribution compare one number, not strings.
//! Each stage adds what its own table needs (a length byte, a zero for
//! "no key").

/// `KEEP[n]` keeps the low `n` bytes of a loaded key (one table load
/// instead of a 128-bit shift by a variable count); `KEEP[16]` keeps all,
/// and `KEEP[17]`, for any longer word, none.
pub(crate) const KEEP: [u128; 18] = {
    let mut t = [0u128; 18];
    let mut n = 1;
    while n < 16 {
        t[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    t[16] = u128::MAX;
    t
};

/// The 16 bytes of `buf` from `start` as one number, lowest first; past
/// the end of `buf` the bytes are 0. Mask it with [`KEEP`] to keep a
/// word's own bytes.
#[inline]
pub(crate) fn load(buf: &[u8], start: usize) -> u128 {
    match buf.get(start..).and_then(<[u8]>::first_chunk::<16>) {
        Some(b) => u128::from_le_bytes(*b),
        // Near the end of the buffer.
        None => {
            let mut b = [0u8; 16];
            let tail = buf.get(start..).unwrap_or(&[]);
            let n = tail.len().min(16);
            b[..n].copy_from_slice(&tail[..n]);
            u128::from_le_bytes(b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of up to 16 bytes, anywhere in a buffer (near its end
    /// too), loads and masks to its own bytes.
    #[test]
    fn loads_every_short_word_exactly() {
        let buf: Vec<u8> = (1..=40u8).collect();
        for start in 0..buf.len() {
            for len in 0..=16.min(buf.len() - start) {
                let mut want = [0u8; 16];
                want[..len].copy_from_slice(&buf[start..start + len]);
                let got = load(&buf, start) & KEEP[len];
                assert_eq!(got, u128::from_le_bytes(want), "start {start}, len {len}");
            }
        }
        assert_eq!(load(&buf, 30) & KEEP[17], 0);
    }
}
