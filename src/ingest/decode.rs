//! Turning bytes into text.

use serde::{Deserialize, Serialize};

/// How a document's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// Valid UTF-8: spans are byte offsets into the file.
    #[serde(rename = "utf-8")]
    Utf8,
    /// Not UTF-8, read as Windows-1252: spans refer to the decoded text.
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// Mostly UTF-8 with invalid sequences replaced by U+FFFD: spans refer
    /// to the decoded text.
    #[serde(rename = "utf-8-lossy")]
    Utf8Lossy,
    /// UTF-16, little-endian, with its byte order mark (Windows "Unicode"
    /// text): spans refer to the decoded text.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian, with its byte order mark: spans refer to the
    /// decoded text.
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

impl Encoding {
    /// True when spans are byte offsets into the file as stored.
    pub fn is_exact(&self) -> bool {
        matches!(self, Encoding::Utf8)
    }
}

/// True for data that is not text, judged on the first 8 KiB: more than
/// one NUL byte in 64, or more than a tenth of control characters (NUL
/// included). A stray NUL in a text file does not make it binary; UTF-16
/// (half NUL bytes) is recognized before this is asked.
pub fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() && count_bytes(head, |b| b == 0) * 64 > head.len() {
        return true;
    }
    // Line breaks and tabs are no control characters, but text has too
    // few bytes below 0x20 of any kind to be binary: one comparison a byte
    // settles most documents.
    if count_bytes(head, |b| b < 0x20) * 10 <= head.len() {
        return false;
    }
    let control = count_bytes(head, |b| {
        b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)
    });
    !head.is_empty() && control * 10 > head.len()
}

/// How many bytes of `bytes` pass `keep`: counted in runs of at most 255
/// bytes with a byte-wide counter, a loop the compiler turns into vector
/// code.
#[inline(always)]
fn count_bytes(bytes: &[u8], keep: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|run| run.iter().fold(0u8, |n, &b| n + u8::from(keep(b))))
        .map(usize::from)
        .sum()
}

/// The UTF-16 encoding a byte order mark announces, if any.
pub fn utf16_bom(bytes: &[u8]) -> Option<Encoding> {
    match bytes {
        [0xff, 0xfe, ..] => Some(Encoding::Utf16Le),
        [0xfe, 0xff, ..] => Some(Encoding::Utf16Be),
        _ => None,
    }
}

/// UTF-16 without a byte order mark: in the first 8 KiB (at least 8
/// bytes), nine in ten of the bytes at odd offsets are NUL and none in ten
/// at even ones (little-endian, as Windows writes it), or the other way
/// round (big-endian). Text in Latin letters looks so; binary data does
/// not.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for p in head.chunks_exact(2) {
        even += usize::from(p[0] == 0);
        odd += usize::from(p[1] == 0);
    }
    if odd * 10 >= pairs * 9 && even * 10 < pairs {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= pairs * 9 && odd * 10 < pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// The UTF-16 encoding of `bytes` (with or without a byte order mark) and
/// how many bytes the mark takes.
pub fn utf16(bytes: &[u8]) -> Option<(Encoding, usize)> {
    utf16_bom(bytes)
        .map(|e| (e, 2))
        .or_else(|| utf16_without_bom(bytes).map(|e| (e, 0)))
}

/// Decode bytes: UTF-16 after its byte order mark or when it looks like
/// UTF-16 without one (unpaired surrogates and an odd last byte become
/// U+FFFD); UTF-8 when valid; Windows-1252 when most of the invalid bytes
/// look like that code page; lossy UTF-8 otherwise.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some((enc, mark)) = utf16(bytes) {
        let body = &bytes[mark..];
        let units = body.chunks_exact(2).map(|p| match enc {
            Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
            _ => u16::from_le_bytes([p[0], p[1]]),
        });
        let mut text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect();
        if body.len() % 2 == 1 {
            text.push('\u{FFFD}');
        }
        return (text, enc);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), Encoding::Utf8),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            let bad = lossy.matches('\u{FFFD}').count();
            // Valid multi-byte UTF-8 sequences are rare in a Windows-1252
            // file; invalid ones are everywhere.
            let good_multi = lossy
                .chars()
                .filter(|c| (*c as u32) > 0x7f && *c != '\u{FFFD}')
                .count();
            if good_multi < bad {
                (
                    bytes.iter().map(|&b| cp1252(b)).collect(),
                    Encoding::Windows1252,
                )
            } else {
                (lossy.into_owned(), Encoding::Utf8Lossy)
            }
        }
    }
}

/// [`decode`] taking the bytes: valid UTF-8 becomes the text without a
/// copy (a large document is not held twice).
pub fn decode_owned(bytes: Vec<u8>) -> (String, Encoding) {
    if utf16(&bytes).is_some() {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, Encoding::Utf8),
        Err(e) => decode(e.as_bytes()),
    }
}

/// One Windows-1252 byte as a character.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}',
        '\u{017D}', '\u{FFFD}', '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
        '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
        '\u{0153}', '\u{FFFD}', '\u{017E}', '\u{0178}',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_quotes() {
        let (s, e) = decode(b"\x93Hello,\x94 said Ana.");
        assert_eq!(e, Encoding::Windows1252);
        assert_eq!(s, "\u{201c}Hello,\u{201d} said Ana.");
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let text = "\u{201c}Hi,\u{201d} said Zo\u{eb} \u{1f600}";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), (text.to_owned(), Encoding::Utf16Le));
        assert_eq!(decode(&be), (text.to_owned(), Encoding::Utf16Be));
        // A lone surrogate and an odd last byte.
        assert_eq!(
            decode(&[0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42]).0,
            "A\u{FFFD}\u{FFFD}"
        );
    }

    /// UTF-16 without a byte order mark is text, both byte orders; a
    /// single NUL byte does not make a text file binary.
    #[test]
    fn utf16_without_bom_and_stray_nul() {
        let text = "Ines Varga met Paulo Brandt in Lisbon.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le), (text.to_owned(), Encoding::Utf16Le));
        assert_eq!(decode(&be), (text.to_owned(), Encoding::Utf16Be));
        assert_eq!(utf16_without_bom(text.as_bytes()), None);
        let mut one_nul = text.repeat(3).into_bytes();
        one_nul[40] = 0;
        assert!(!is_binary(&one_nul));
        // Binary data full of NULs is still binary.
        let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
        elf.extend([0u8, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0, 0]);
        elf.extend((0..200u8).map(|k| if k % 3 == 0 { 0 } else { k }));
        assert!(is_binary(&elf));
        assert_eq!(utf16_without_bom(&elf), None);
    }

    /// Binary when more than a tenth of the first 8 KiB are control
    /// characters (line breaks, tabs and form feeds are none), at the
    /// threshold and past 255-byte runs alike.
    #[test]
    fn binary_threshold_table() {
        let text = |len: usize, control: usize| -> Vec<u8> {
            (0..len)
                .map(|k| {
                    if k % 10 == 0 && k / 10 < control {
                        0x01
                    } else {
                        b'a'
                    }
                })
                .collect()
        };
        let cases: &[(Vec<u8>, bool)] = &[
            (text(1000, 100), false),
            (text(1000, 99), false),
            (text(1001, 101), true),
            (text(9000, 800), false),
            (text(9000, 830), true),
            (vec![0x01; 600], true),
            (b"line\nbreaks\r\n\tand tabs\x0c".to_vec(), false),
            // Many bytes below 0x20, none of them control characters.
            (b"\n\r\t\x0c".repeat(300), false),
            ([b"\n\n\n\x01".repeat(30), b"a".repeat(100)].concat(), true),
            (b"nul\x00inside".to_vec(), true),
            (Vec::new(), false),
        ];
        for (bytes, want) in cases {
            assert_eq!(is_binary(bytes), *want, "{} bytes", bytes.len());
        }
    }

    #[test]
    fn mostly_utf8_is_lossy() {
        let mut b = "caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e ".as_bytes().to_vec();
        b.push(0xff);
        let (s, e) = decode(&b);
        assert_eq!(e, Encoding::Utf8Lossy);
        assert!(s.ends_with('\u{FFFD}'));
    }
}
