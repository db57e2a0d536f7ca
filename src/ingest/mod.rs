//! Stage 1: reading documents.
//!
//! [`read_path`] and [`read_bytes`] turn files, directories and standard
//! input into [`Document`]s. A document keeps two strings of **the same byte
//! length**:
//!
//! * [`Document::text`], the text as read (the file's bytes when they are
//!   UTF-8, so spans are byte offsets into the file);
//! * [`Document::body`], the same text with markup (Markdown syntax, HTML
//!   tags, entities) and boilerplate (navigation, link lists) replaced by
//!   white space.
//!
//! Later stages read only the body; because nothing moves, every span they
//! produce is also a span of the original text.

mod compress;
pub mod date;
mod decode;
pub mod dedup;
pub mod fields;
mod html;
mod markdown;
mod meta;
pub mod minhash;
pub mod records;
mod rewrite;
mod walk;
pub mod warc;

pub use compress::{decompressed, Compression};
pub use fields::{Field, FieldMap};
pub use records::{RawRecord, RecordFormat, Records};

pub use decode::Encoding;
pub use meta::{DocCopy, DocMeta};

/// Decode a document's bytes as [`read_bytes`] does (UTF-8, UTF-16,
/// Windows-1252, lossy UTF-8): spans of a record are offsets into this
/// text. Used to read evidence back.
pub fn decode_bytes(bytes: &[u8]) -> (String, Encoding) {
    decode::decode(bytes)
}
pub use walk::{collect_inputs, Input};

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::Path;

/// How a document's text is marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (also sniffed in `.txt` files that are Markdown in fact).
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// The format a file name's extension suggests, under any `.gz` or
    /// `.zst` (`None` for files that are not single documents).
    pub fn from_path(path: &Path) -> Option<Format> {
        let inner = compress::inner_name(path);
        let ext = inner.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guess the format of text of unknown origin (standard input, `.txt`).
    pub fn sniff(text: &str) -> Format {
        let head = &text[..floor_char_boundary(text, 4096)];
        let lower = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .get(..15)
            .unwrap_or("")
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return Format::Html;
        }
        if markdown::looks_like_markdown(head) {
            return Format::Markdown;
        }
        Format::Text
    }
}

/// One document, ready for segmentation.
#[derive(Clone, Debug)]
pub struct Document {
    /// The name the document goes by: its path as given, or `-` for stdin.
    pub name: String,
    /// Its markup.
    pub format: Format,
    /// How its bytes were decoded.
    pub encoding: Encoding,
    /// The text as read. For UTF-8 input these are the file's bytes.
    pub text: String,
    /// `text` with markup and boilerplate blanked; same length as `text`.
    pub body: String,
    /// Its id, date, outlet and origin, where the input gave them.
    pub meta: DocMeta,
}

impl Document {
    /// A document from text already in memory, format sniffed.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let format = Format::sniff(&text);
        Document::with_format(name, text, format, Encoding::Utf8)
    }

    /// A document from text of a known format.
    pub fn with_format(
        name: impl Into<String>,
        text: String,
        format: Format,
        encoding: Encoding,
    ) -> Document {
        let mut body = match format {
            Format::Text => text.clone(),
            Format::Markdown => markdown::blank(&text),
            Format::Html => html::blank(&text),
        };
        // A byte order mark is no part of the text: blanked, so no span
        // (and no evidence) starts with it.
        if body.starts_with('\u{feff}') {
            body.replace_range(..3, "   ");
        }
        debug_assert_eq!(body.len(), text.len());
        Document {
            name: name.into(),
            format,
            encoding,
            text,
            body,
            meta: DocMeta::default(),
        }
    }

    /// The id evidence refers to: the metadata's id, else the name.
    pub fn id(&self) -> &str {
        self.meta.id.as_deref().unwrap_or(&self.name)
    }

    /// Length of the document in bytes (of its text, which is as long as
    /// its body).
    pub fn len(&self) -> usize {
        self.body.len()
    }

    /// True when the document holds no byte.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// Free [`Document::text`] when it is the body byte for byte (plain
    /// text without a byte order mark), leaving it empty, and say whether
    /// it was: for a reader of the body alone, such as the analysis of a
    /// huge document, which then holds its text once instead of twice.
    /// [`Document::len`] is unchanged.
    pub fn free_text_copy(&mut self) -> bool {
        let same = self.format == Format::Text && self.text == self.body;
        if same {
            self.text = String::new();
        }
        same
    }
}

/// Build a document from raw bytes. `path` names it in errors; `hint` is
/// the format from the extension, if any (`.txt` and unknown are sniffed).
pub fn read_bytes(name: &str, bytes: &[u8], hint: Option<Format>) -> Result<Document> {
    check_text(name, bytes)?;
    let (text, encoding) = decode::decode(bytes);
    finish_read(name, text, encoding, hint)
}

/// [`read_bytes`] taking the bytes: UTF-8 becomes the text in place.
fn read_owned(name: &str, bytes: Vec<u8>, hint: Option<Format>) -> Result<Document> {
    check_text(name, &bytes)?;
    let (text, encoding) = decode::decode_owned(bytes);
    finish_read(name, text, encoding, hint)
}

/// Binary data is refused. UTF-16 is full of NUL bytes: it is recognized
/// (by its byte order mark, or by where its NULs fall) first.
fn check_text(name: &str, bytes: &[u8]) -> Result<()> {
    if decode::utf16(bytes).is_none() && decode::is_binary(bytes) {
        return Err(Error::Binary { path: name.into() });
    }
    Ok(())
}

fn finish_read(
    name: &str,
    text: String,
    encoding: Encoding,
    hint: Option<Format>,
) -> Result<Document> {
    let path = Path::new(name);
    if text.trim().is_empty() {
        return Err(Error::Empty { path: path.into() });
    }
    let format = match hint {
        Some(Format::Html) => Format::Html,
        Some(Format::Markdown) => Format::Markdown,
        _ => Format::sniff(&text),
    };
    Ok(Document::with_format(name, text, format, encoding))
}

/// Documents larger than this are refused: no article is that long, and a
/// device such as `/dev/zero` named by mistake must not eat all memory.
pub const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

/// Read one document from a file (`-` reads standard input).
pub fn read_path(path: &Path) -> Result<Document> {
    let name = path.to_string_lossy().into_owned();
    let io = |source| Error::Io {
        path: path.into(),
        source,
    };
    let bytes = if name == "-" {
        read_capped(std::io::stdin().lock(), 0, MAX_DOCUMENT_BYTES).map_err(io)?
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let hint = file.metadata().map_or(0, |m| m.len());
        read_capped(file, hint, MAX_DOCUMENT_BYTES).map_err(io)?
    };
    // Compressed data (`.gz`, `.zst`, or any file whose first bytes show
    // it) is read decompressed, under the same cap.
    let bytes = match bytes {
        Some(b) if Compression::sniff(&b) != Compression::None => {
            let r = decompressed(&b[..]).map_err(io)?;
            read_capped(r, b.len() as u64 * 4, MAX_DOCUMENT_BYTES).map_err(io)?
        }
        other => other,
    };
    let Some(bytes) = bytes else {
        return Err(Error::TooLarge {
            path: path.into(),
            limit: MAX_DOCUMENT_BYTES,
        });
    };
    read_owned(&name, bytes, Format::from_path(path))
}

/// True when a file of this name is read as input when a directory is
/// walked: a document (`.txt`, `.md`, `.markdown`, `.html`, `.htm`,
/// `.xhtml`) or a multi-document file (`.jsonl`, `.ndjson`, `.csv`,
/// `.tsv`, `.warc`), either maybe compressed (`.gz`, `.zst`).
pub fn is_input_name(path: &Path) -> bool {
    Format::from_path(path).is_some() || RecordFormat::from_path(path).is_some()
}

/// All of `r`, or `None` when it holds more than `limit` bytes (then only
/// `limit + 1` bytes were read). `size_hint` presizes the buffer.
fn read_capped(r: impl Read, size_hint: u64, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::with_capacity(size_hint.min(limit + 1) as usize);
    r.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// The largest char boundary of `s` not above `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_kept() {
        let d = read_bytes("a.txt", b"Ana Souza said hello.", None).unwrap();
        assert_eq!(d.format, Format::Text);
        assert_eq!(d.body, d.text);
    }

    #[test]
    fn a_text_copy_is_freed_only_when_it_is_the_body() {
        let mut d = Document::from_text("a.txt", "Ines Varga met Paulo Brandt.");
        assert!(d.free_text_copy());
        assert_eq!((d.text.as_str(), d.len()), ("", 28));
        assert_eq!(d.body, "Ines Varga met Paulo Brandt.");
        let mut d = Document::from_text("a.txt", "\u{feff}Ines Varga met Paulo Brandt.");
        assert!(!d.free_text_copy());
        assert_eq!(d.text.len(), d.body.len());
        let md = "# Ines Varga\n\nShe met *Paulo Brandt*.\n";
        let mut d = Document::with_format("a.md", md.into(), Format::Markdown, Encoding::Utf8);
        assert!(!d.free_text_copy());
        assert!(d.text.contains("*Paulo"));
    }

    #[test]
    fn binary_and_empty_are_errors() {
        assert!(matches!(
            read_bytes("x.txt", b"\x00\x01\x02abc\x00", None),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            read_bytes("e.txt", b"  \n ", None),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn reading_is_capped() {
        let endless = std::io::repeat(b'a');
        assert_eq!(read_capped(endless, 0, 10).unwrap(), None);
        assert_eq!(
            read_capped(&b"0123456789"[..], 99, 10)
                .unwrap()
                .unwrap()
                .len(),
            10
        );
        assert_eq!(read_capped(&b""[..], 0, 10).unwrap(), Some(vec![]));
    }

    #[test]
    fn byte_order_mark_is_blanked() {
        let d = read_bytes(
            "b.txt",
            "\u{feff}Ines Varga met Paulo Brandt.".as_bytes(),
            None,
        )
        .unwrap();
        assert!(d.text.starts_with('\u{feff}'));
        assert!(d.body.starts_with("   Ines Varga"));
        // UTF-16 without a mark and a stray NUL are text.
        let le: Vec<u8> = "Ines Varga met Paulo Brandt."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            read_bytes("u.txt", &le, None).unwrap().encoding,
            Encoding::Utf16Le
        );
        let nul = b"Ines Varga met Paulo Brandt.\x00 Then Brandt left the quay at noon.";
        assert_eq!(
            read_bytes("n.txt", nul, None).unwrap().encoding,
            Encoding::Utf8
        );
    }

    #[test]
    fn formats_from_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.HTM")), Some(Format::Html));
        assert_eq!(
            Format::from_path(Path::new("a/b.md")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("a/b.pdf")), None);
    }
}
