//! Near-duplicate texts: MinHash signatures of word shingles, and an index
//! that finds, by LSH banding, the earlier text a new one nearly copies.
//!
//! A text's shingles are its runs of [`SHINGLE`] consecutive words
//! (ASCII letters lowercased; a word is a run of letters and digits, and
//! of any non-ASCII character but the usual punctuation: curly quotes,
//! dashes, no-break spaces), so a syndicated copy with another headline, a
//! dateline added or a last paragraph trimmed shares most of them with its
//! original. A [`Signature`] is a one-permutation MinHash: each shingle's
//! 64-bit hash falls in one of [`HASHES`] bins by its top bits and each bin
//! keeps the least; empty bins borrow from the next full one (rotation
//! densification), so the share of bins where two signatures agree
//! estimates the Jaccard similarity of the two shingle sets
//! ([`Signature::similarity`]), at the cost of one hash per shingle. The
//! [`NearIndex`] cuts each signature into [`BANDS`] bands of [`ROWS`]
//! values: texts that agree on a whole band are candidates (for a
//! similarity of 0.6, a candidate with probability 0.99; for 0.2, 0.05),
//! and a candidate is a near copy when its estimated similarity is at
//! least the threshold.

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Hash functions per signature.
pub const HASHES: usize = 128;
/// Bands of the index.
pub const BANDS: usize = 32;
/// Values per band.
pub const ROWS: usize = HASHES / BANDS;

/// The similarity (estimated Jaccard of the shingle sets) at which a text
/// is a near copy of another.
pub const THRESHOLD: f64 = 0.6;

/// A text's MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(Box<[u32; HASHES]>);

/// A 64-bit finalizer (splitmix64's): every input bit moves every
/// output bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The ASCII bytes that are part of words: letters and digits.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Call `f` with the hash of each shingle of `text`, in text order
/// (repeats included). A text of fewer than [`SHINGLE`] words is one
/// shingle; a text without a word has none.
fn each_shingle(text: &str, mut f: impl FnMut(u64)) {
    let b = text.as_bytes();
    // The last SHINGLE word hashes, as a ring.
    let mut ring = [0u64; SHINGLE];
    let mut words = 0usize;
    let mut i = 0;
    let mut word: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_word = false;
    let mut end_word = |word: &mut u64, in_word: &mut bool, words: &mut usize| {
        if !*in_word {
            return;
        }
        ring[*words % SHINGLE] = mix(*word);
        *words += 1;
        if *words >= SHINGLE {
            f(combine(&ring, *words));
        }
        *word = 0xcbf2_9ce4_8422_2325;
        *in_word = false;
    };
    while i < b.len() {
        let c = b[i];
        let (part, len) = if c < 0x80 {
            (ASCII_WORD[c as usize], 1)
        } else {
            // Curly quotes, dashes, ellipsis (U+2000..U+206F) and the
            // no-break space separate words; other characters are letters.
            let len = match c {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            let next = b.get(i + 1).copied();
            let punct = (c == 0xe2 && matches!(next, Some(0x80 | 0x81)))
                || (c == 0xc2 && next == Some(0xa0));
            (!punct, len.min(b.len() - i))
        };
        if part {
            for &x in &b[i..i + len] {
                word = (word ^ u64::from(x.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3);
            }
            in_word = true;
        } else {
            end_word(&mut word, &mut in_word, &mut words);
        }
        i += len;
    }
    end_word(&mut word, &mut in_word, &mut words);
    if (1..SHINGLE).contains(&words) {
        f(combine(&ring, words));
    }
}

/// The hash of the last `min(words, SHINGLE)` words of the ring, oldest
/// first: the (already mixed) word hashes rotated by their place, xored,
/// and mixed once.
fn combine(ring: &[u64; SHINGLE], words: usize) -> u64 {
    let n = words.min(SHINGLE);
    let mut acc = n as u64;
    for k in 0..n {
        acc ^= ring[(words - n + k) % SHINGLE].rotate_left(13 * k as u32);
    }
    mix(acc)
}

/// The hashes of a text's shingles, sorted, each once (the sets whose
/// similarity signatures estimate; see [`jaccard`]).
pub fn shingles(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    each_shingle(text, |h| out.push(h));
    out.sort_unstable();
    out.dedup();
    out
}

/// Bits of a shingle hash that choose its bin.
const BIN_BITS: u32 = HASHES.trailing_zeros();
const _: () = assert!(HASHES.is_power_of_two());

impl Signature {
    /// The signature of a text.
    pub fn of(text: &str) -> Signature {
        let mut bins = [u64::MAX; HASHES];
        each_shingle(text, |h| {
            let bin = (h >> (64 - BIN_BITS)) as usize;
            let v = h << BIN_BITS;
            if v < bins[bin] {
                bins[bin] = v;
            }
        });
        Signature::densified(&bins)
    }

    /// The signature of a set of shingle hashes (as [`Signature::of`]
    /// computes them).
    pub fn of_shingles(shingles: &[u64]) -> Signature {
        let mut bins = [u64::MAX; HASHES];
        for &h in shingles {
            let bin = (h >> (64 - BIN_BITS)) as usize;
            bins[bin] = bins[bin].min(h << BIN_BITS);
        }
        Signature::densified(&bins)
    }

    /// Empty bins take the value of the next full bin to the right
    /// (wrapping), mixed with the distance, so that equal sets still give
    /// equal signatures and the agreement of two signatures still
    /// estimates the sets' similarity. No shingle at all: all `u32::MAX`.
    fn densified(bins: &[u64; HASHES]) -> Signature {
        let mut sig = Box::new([u32::MAX; HASHES]);
        if bins.iter().all(|&v| v == u64::MAX) {
            return Signature(sig);
        }
        for i in 0..HASHES {
            let mut t = 0;
            while bins[(i + t) % HASHES] == u64::MAX {
                t += 1;
            }
            let v = bins[(i + t) % HASHES];
            let v = if t == 0 { v } else { mix(v ^ t as u64) };
            // Never u32::MAX, which marks "no shingle".
            sig[i] = ((v >> 32) as u32).min(u32::MAX - 1);
        }
        Signature(sig)
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets:
    /// the share of hash functions whose least values agree.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    /// True when the text had no word (its signature says nothing).
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&v| v == u32::MAX)
    }

    fn band(&self, b: usize) -> u64 {
        let mut bytes = [0u8; ROWS * 4 + 1];
        bytes[0] = b as u8;
        for (i, v) in self.0[b * ROWS..(b + 1) * ROWS].iter().enumerate() {
            bytes[1 + i * 4..5 + i * 4].copy_from_slice(&v.to_le_bytes());
        }
        xxh3_64(&bytes)
    }
}

/// The exact Jaccard similarity of two sorted, deduplicated shingle sets
/// (the oracle the signatures estimate).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// The most texts a band's bucket holds: past it, a band shared by that
/// many texts (boilerplate) says little, and a longer list would make the
/// search quadratic.
const BUCKET_CAP: usize = 64;

/// The texts kept so far, by band, to find the one a new text copies.
#[derive(Default)]
pub struct NearIndex {
    /// Each kept text's signature, by its number.
    kept: Vec<Signature>,
    /// Band hash -> the kept texts with that band.
    bands: FxHashMap<u64, Vec<u32>>,
}

impl NearIndex {
    /// The kept text `sig` nearly copies (the most similar at or over the
    /// [`THRESHOLD`], the earliest on a tie), by the number [`NearIndex::add`]
    /// gave it.
    pub fn find(&self, sig: &Signature) -> Option<usize> {
        if sig.is_empty() {
            return None;
        }
        let mut best: Option<(f64, u32)> = None;
        let mut tried: Vec<u32> = Vec::new();
        for b in 0..BANDS {
            let Some(list) = self.bands.get(&sig.band(b)) else {
                continue;
            };
            for &k in list {
                if tried.contains(&k) {
                    continue;
                }
                tried.push(k);
                let s = self.kept[k as usize].similarity(sig);
                if s >= THRESHOLD && best.is_none_or(|(bs, bk)| s > bs || (s == bs && k < bk)) {
                    best = Some((s, k));
                }
            }
        }
        best.map(|(_, k)| k as usize)
    }

    /// Keep a text; its number (0, 1, ...).
    pub fn add(&mut self, sig: Signature) -> usize {
        let k = self.kept.len();
        if !sig.is_empty() {
            for b in 0..BANDS {
                let list = self.bands.entry(sig.band(b)).or_default();
                if list.len() < BUCKET_CAP {
                    list.push(k as u32);
                }
            }
        }
        self.kept.push(sig);
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of `n` words drawn from a small vocabulary by a fixed
    /// generator.
    fn words(seed: u64, n: usize) -> Vec<String> {
        let vocab = [
            "harbor", "council", "vote", "barge", "toll", "Varga", "Brandt", "said", "the", "a",
            "mayor", "quay", "season", "talks", "late", "report", "freight", "bank", "river",
            "bridge", "March", "plan", "city", "fund",
        ];
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                vocab[(s >> 33) as usize % vocab.len()].to_owned()
            })
            .collect()
    }

    #[test]
    fn signatures_estimate_jaccard() {
        let base = words(1, 400);
        // Variants: the same, a trimmed tail, a new head, a half, another text.
        let variants: Vec<Vec<String>> = vec![
            base.clone(),
            base[..340].to_vec(),
            [words(2, 30), base[20..].to_vec()].concat(),
            base[..200].to_vec(),
            words(3, 400),
        ];
        let a = base.join(" ");
        let sa = shingles(&a);
        for v in &variants {
            let b = v.join(" ");
            let exact = jaccard(&sa, &shingles(&b));
            let est = Signature::of(&a).similarity(&Signature::of(&b));
            // Standard deviation at most 0.045 for 128 hashes.
            assert!((est - exact).abs() < 0.15, "exact {exact}, estimated {est}");
        }
        assert_eq!(jaccard(&sa, &sa), 1.0);
        assert!(jaccard(&sa, &shingles(&variants[4].join(" "))) < 0.1);
        // Case and punctuation do not matter; word order does.
        assert_eq!(
            shingles("Ines Varga, met PAULO brandt."),
            shingles("ines varga met paulo Brandt")
        );
        assert_ne!(shingles("a b c d e f"), shingles("f e d c b a"));
        assert_eq!(shingles("two words").len(), 1);
        // Curly quotes and dashes separate words as straight ones do.
        assert_eq!(
            shingles("\u{201c}We wait,\u{201d} Varga said \u{2014} again"),
            shingles("\"We wait,\" Varga said - again")
        );
        assert_ne!(
            shingles("caf\u{e9} au lait noir ce soir"),
            shingles("caf au lait noir ce soir")
        );
        assert!(shingles(" ,. ").is_empty());
    }

    /// Over many pairs of every overlap and length, the estimate stays
    /// near the exact similarity (the plain oracle).
    #[test]
    fn estimates_agree_with_the_oracle() {
        let mut worst: f64 = 0.0;
        let mut total = 0.0;
        let mut n = 0;
        for seed in 0..60u64 {
            let len = [30, 120, 400, 1200][seed as usize % 4];
            let base = words(100 + seed, len);
            let keep = len * (seed as usize % 10 + 1) / 10;
            let other = [base[len - keep..].to_vec(), words(200 + seed, len - keep)].concat();
            let (a, b) = (base.join(" "), other.join(" "));
            let exact = jaccard(&shingles(&a), &shingles(&b));
            let est = Signature::of(&a).similarity(&Signature::of(&b));
            assert_eq!(Signature::of(&a), Signature::of_shingles(&shingles(&a)));
            worst = worst.max((est - exact).abs());
            total += (est - exact).abs();
            n += 1;
        }
        assert!(worst < 0.2, "worst error {worst}");
        assert!(total / (n as f64) < 0.05, "mean error {}", total / n as f64);
    }

    #[test]
    fn index_finds_near_copies_only() {
        let mut idx = NearIndex::default();
        let base = words(10, 300);
        let other = words(11, 300);
        let k0 = idx.add(Signature::of(&base.join(" ")));
        let k1 = idx.add(Signature::of(&other.join(" ")));
        // Trimmed last paragraph and a new headline: found.
        let trimmed = [
            vec!["Headline".to_owned(), "here".to_owned()],
            base[..260].to_vec(),
        ]
        .concat();
        assert_eq!(idx.find(&Signature::of(&trimmed.join(" "))), Some(k0));
        assert_eq!(idx.find(&Signature::of(&other[5..].join(" "))), Some(k1));
        // Unrelated, and half of a text (similarity 0.5): not found.
        assert_eq!(idx.find(&Signature::of(&words(12, 300).join(" "))), None);
        assert_eq!(idx.find(&Signature::of(&base[..150].join(" "))), None);
        assert_eq!(idx.find(&Signature::of("")), None);
    }
}
