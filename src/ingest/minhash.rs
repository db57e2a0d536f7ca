//! Near-duplicate texts: MinHash signatures of word shingles, and an index
//! that finds, by LSH banding, the earlier text a new one nearly copies.
//!
//! A text's shingles are its runs of [`SHINGLE`] consecutive words
//! (lowercased, letters and digits only), so a syndicated copy with another
//! headline, a dateline added or a last paragraph trimmed shares most of
//! them with its original. A [`Signature`] holds, for each of [`HASHES`]
//! hash functions, the least hash of any shingle: the share of positions
//! where two signatures agree estimates the Jaccard similarity of the two
//! shingle sets ([`Signature::similarity`]). The [`NearIndex`] cuts each
//! signature into [`BANDS`] bands of [`ROWS`] values: texts that agree on a
//! whole band are candidates (for a similarity of 0.6, a candidate with
//! probability 0.99; for 0.2, 0.05), and a candidate is a near copy when
//! its estimated similarity is at least the threshold.

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

/// The multipliers of the hash functions: odd 64-bit numbers from a fixed
/// seed (splitmix64), so signatures are the same on every run.
fn multipliers() -> &'static [u64; HASHES] {
    static M: std::sync::OnceLock<[u64; HASHES]> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut state: u64 = 0x5eed_0f_ac70_46a9;
        std::array::from_fn(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) | 1
        })
    })
}

/// The hashes of a text's shingles, each once. A text of fewer than
/// [`SHINGLE`] words is one shingle (none when it has no word).
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                xxh3_64(w.to_lowercase().as_bytes())
            } else {
                xxh3_64(w.as_bytes())
            }
        })
        .collect();
    let mut out: Vec<u64> = if words.len() < SHINGLE {
        if words.is_empty() {
            return Vec::new();
        }
        vec![combine(&words)]
    } else {
        words.windows(SHINGLE).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// One hash of a run of word hashes.
fn combine(words: &[u64]) -> u64 {
    let mut bytes = [0u8; SHINGLE * 8];
    for (i, w) in words.iter().enumerate() {
        bytes[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64(&bytes[..words.len() * 8])
}

impl Signature {
    /// The signature of a text.
    pub fn of(text: &str) -> Signature {
        Signature::of_shingles(&shingles(text))
    }

    /// The signature of a set of shingle hashes (multiply-shift hashing:
    /// the high 32 bits of each shingle hash times each multiplier).
    pub fn of_shingles(shingles: &[u64]) -> Signature {
        let m = multipliers();
        let mut sig = Box::new([u32::MAX; HASHES]);
        for &h in shingles {
            for (s, a) in sig.iter_mut().zip(m.iter()) {
                let v = (h.wrapping_mul(*a) >> 32) as u32;
                if v < *s {
                    *s = v;
                }
            }
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
                self.bands.entry(sig.band(b)).or_default().push(k as u32);
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
        assert!(shingles(" ,. ").is_empty());
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
