//! Compressed inputs, read transparently: gzip (`.gz`) and Zstandard
//! (`.zst`), chosen by their magic bytes (so a compressed file named
//! without its suffix, or compressed data on standard input, is read too).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// How a stream is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// gzip (RFC 1952), possibly several members one after the other.
    Gzip,
    /// Zstandard.
    Zstd,
}

impl Compression {
    /// The compression the first bytes of a stream show.
    pub fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    /// The compression a file name's last extension names.
    pub fn from_path(path: &Path) -> Compression {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("gz" | "gzip") => Compression::Gzip,
            Some("zst" | "zstd") => Compression::Zstd,
            _ => Compression::None,
        }
    }
}

/// The name without its compression suffix (`a.jsonl.gz` -> `a.jsonl`),
/// whose extension tells what the data inside is.
pub fn inner_name(path: &Path) -> std::borrow::Cow<'_, Path> {
    match Compression::from_path(path) {
        Compression::None => path.into(),
        _ => path.with_extension("").into(),
    }
}

/// `r` decompressed when its first bytes show gzip or Zstandard data, as
/// it is otherwise.
pub fn decompressed<'a>(r: impl Read + 'a) -> std::io::Result<Box<dyn BufRead + 'a>> {
    let mut r = BufReader::with_capacity(1 << 16, r);
    let head = r.fill_buf()?;
    Ok(match Compression::sniff(head) {
        Compression::None => Box::new(r),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(r),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            1 << 16,
            zstd::stream::read::Decoder::with_buffer(r)?,
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzip_and_zstd_are_read_back() {
        let text = b"Ines Varga met Paulo Brandt.\n".repeat(1000);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        let zst = zstd::encode_all(&text[..], 1).unwrap();
        for data in [&gz[..], &zst[..], &text[..]] {
            let mut out = Vec::new();
            decompressed(data).unwrap().read_to_end(&mut out).unwrap();
            assert_eq!(out, text);
        }
        assert_eq!(Compression::sniff(&gz), Compression::Gzip);
        assert_eq!(Compression::sniff(&zst), Compression::Zstd);
        assert_eq!(Compression::sniff(b"{\"id\":1}"), Compression::None);
        // An empty stream is empty.
        let mut out = Vec::new();
        decompressed(&b""[..])
            .unwrap()
            .read_to_end(&mut out)
            .unwrap();
        assert!(out.is_empty());
    }

    #[test]
    fn inner_names() {
        assert_eq!(
            inner_name(Path::new("d/a.jsonl.gz")),
            Path::new("d/a.jsonl")
        );
        assert_eq!(inner_name(Path::new("a.csv.ZST")), Path::new("a.csv"));
        assert_eq!(inner_name(Path::new("a.txt")), Path::new("a.txt"));
        assert_eq!(inner_name(Path::new("x.gz")), Path::new("x"));
    }
}
