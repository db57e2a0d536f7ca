//! Multi-document files: JSON Lines (`.jsonl`, `.ndjson`), CSV (`.csv`),
//! TSV (`.tsv`) and WARC (`.warc`, see [`warc`](super::warc)), one
//! document per record.
//!
//! Reading is in two steps so that the costly one can run on worker
//! threads: [`Records`] streams a file's records **unparsed** (a JSON line's
//! bytes, a CSV row's fields) with the line each starts on, holding one
//! record at a time; [`RawRecord::parse`] then turns one into its field
//! [`Values`] and [`Parsed::into_document`] into a [`Document`] whose
//! text is the record's text field (so spans are byte offsets into that
//! field's decoded value), whose `name` is the file's and whose
//! [`DocMeta`] holds the id, date, title, URL, outlet, language and line.
//!
//! A bad record (bad JSON, a CSV row of the wrong length, no text, an
//! unparseable date) is an error of that record alone: the rest of the
//! file goes on.

use super::fields::{Field, FieldMap, Values};
use super::{date, DocMeta, Document, Encoding, Format, MAX_DOCUMENT_BYTES};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use std::cell::Cell;
use std::io::{BufRead, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

/// The kind of a multi-document file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordFormat {
    /// JSON Lines: one JSON object a line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// A web archive: each `response` record with an HTML payload.
    Warc,
}

impl RecordFormat {
    /// The format a file name shows (its extension, under any `.gz` or
    /// `.zst`), if it is a multi-document file.
    pub fn from_path(path: &Path) -> Option<RecordFormat> {
        let inner = super::compress::inner_name(path);
        let ext = inner.extension()?.to_str()?.to_ascii_lowercase();
        RecordFormat::from_name(&ext)
    }

    /// The format of a name as `--input-format` takes it (`jsonl`,
    /// `ndjson`, `csv`, `tsv`, `warc`).
    pub fn from_name(name: &str) -> Option<RecordFormat> {
        match name {
            "jsonl" | "ndjson" => Some(RecordFormat::Jsonl),
            "csv" => Some(RecordFormat::Csv),
            "tsv" => Some(RecordFormat::Tsv),
            "warc" => Some(RecordFormat::Warc),
            _ => None,
        }
    }
}

/// One record as read from its file, not parsed yet.
#[derive(Clone, Debug)]
pub struct RawRecord {
    /// The 1-based line where it starts.
    pub line: u64,
    data: RawData,
}

#[derive(Clone, Debug)]
enum RawData {
    /// A JSON line's bytes.
    Json(Vec<u8>),
    /// A CSV or TSV row, and the fields of its file's columns.
    Row(csv::ByteRecord, Arc<[Option<Field>]>),
    /// An HTML response of a WARC file.
    Warc(Box<super::warc::Response>),
    /// A record already known to be bad (a row of the wrong length, a
    /// line too long), and why.
    Bad(String),
}

/// A record's fields, parsed.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// Its line.
    pub line: u64,
    /// The field values, the date normalized.
    pub values: Values,
    /// How the text (or HTML) was decoded: UTF-8 but for a CSV cell or a
    /// WARC body that is not.
    pub encoding: Encoding,
}

/// The records of one file, streamed.
pub struct Records<'a> {
    inner: Inner<'a>,
    /// Lines read so far (JSON Lines).
    line: u64,
    done: bool,
    /// The most bytes a record may have.
    limit: u64,
}

enum Inner<'a> {
    /// The reader, and a buffer each line is read into first (then copied
    /// out at its size: no record is grown by doubling).
    Json(Box<dyn BufRead + 'a>, Vec<u8>),
    /// The CSV reader over a reader that counts the bytes of each row, so
    /// that one endless quoted field cannot take all memory.
    Csv(
        csv::Reader<Capped<Box<dyn BufRead + 'a>>>,
        Arc<[Option<Field>]>,
        Rc<Cell<u64>>,
    ),
    /// A WARC file, and the number of records read.
    Warc(Box<dyn BufRead + 'a>, u64),
}

/// A reader that fails once more than [`MAX_DOCUMENT_BYTES`] (and a
/// buffer) were read since its counter was last reset.
struct Capped<R> {
    inner: R,
    since: Rc<Cell<u64>>,
    limit: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.since.get() > self.limit + (1 << 16) {
            return Err(std::io::Error::other(format!(
                "a row longer than {} bytes; the rest of the file is not read",
                self.limit
            )));
        }
        let n = self.inner.read(buf)?;
        self.since.set(self.since.get() + n as u64);
        Ok(n)
    }
}

impl<'a> Records<'a> {
    /// The records of `r` (decompressed already), in `format`, with the
    /// fields named as `fields` says. A CSV or TSV file whose header has
    /// no text or HTML column is an error (of the whole file).
    pub fn new(
        r: Box<dyn BufRead + 'a>,
        format: RecordFormat,
        fields: &FieldMap,
    ) -> Result<Records<'a>, String> {
        Records::with_limit(r, format, fields, MAX_DOCUMENT_BYTES)
    }

    /// [`Records::new`] with another limit on a record's size (a longer
    /// JSON line is a bad record; a longer CSV row ends the file).
    pub fn with_limit(
        r: Box<dyn BufRead + 'a>,
        format: RecordFormat,
        fields: &FieldMap,
        limit: u64,
    ) -> Result<Records<'a>, String> {
        let inner = match format {
            RecordFormat::Jsonl => Inner::Json(r, Vec::new()),
            RecordFormat::Warc => Inner::Warc(r, 0),
            RecordFormat::Csv | RecordFormat::Tsv => {
                let since = Rc::new(Cell::new(0));
                let mut rdr = csv::ReaderBuilder::new()
                    .delimiter(if format == RecordFormat::Tsv {
                        b'\t'
                    } else {
                        b','
                    })
                    .has_headers(true)
                    .flexible(false)
                    .from_reader(Capped {
                        inner: r,
                        since: since.clone(),
                        limit,
                    });
                let header = rdr
                    .byte_headers()
                    .map_err(|e| format!("cannot read the header row: {e}"))?;
                let columns: Arc<[Option<Field>]> = header
                    .iter()
                    .map(|name| {
                        let name = String::from_utf8_lossy(name);
                        fields.field_of(name.trim().trim_start_matches('\u{feff}'))
                    })
                    .collect();
                if !columns
                    .iter()
                    .any(|c| matches!(c, Some(Field::Text | Field::Html)))
                {
                    return Err(format!(
                        "the header row has no `{}` or `{}` column (--field text=NAME names another)",
                        fields.key(Field::Text),
                        fields.key(Field::Html)
                    ));
                }
                Inner::Csv(rdr, columns, since)
            }
        };
        Ok(Records {
            inner,
            line: 0,
            done: false,
            limit,
        })
    }
}

impl Iterator for Records<'_> {
    /// A record, or a read error that ends the file (a corrupt compressed
    /// stream, an I/O error).
    type Item = std::io::Result<RawRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = match &mut self.inner {
            Inner::Json(r, buf) => next_line(r, buf, &mut self.line, self.limit),
            Inner::Csv(rdr, columns, since) => {
                since.set(0);
                next_row(rdr, columns)
            }
            Inner::Warc(r, count) => match super::warc::next(r, count, self.limit) {
                Ok(None) => None,
                Ok(Some(super::warc::Next::Response(resp))) => Some(Ok(RawRecord {
                    line: resp.number,
                    data: RawData::Warc(Box::new(resp)),
                })),
                Ok(Some(super::warc::Next::TooLong(n))) => Some(Ok(RawRecord {
                    line: n,
                    data: RawData::Bad(format!("a record longer than {} bytes", self.limit)),
                })),
                Err(e) => Some(Err(e)),
            },
        };
        if !matches!(item, Some(Ok(_))) {
            self.done = true;
        }
        item
    }
}

/// The next non-blank line of a JSON Lines file.
fn next_line(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    line: &mut u64,
    limit: u64,
) -> Option<std::io::Result<RawRecord>> {
    loop {
        buf.clear();
        let n = match r.take(limit + 1).read_until(b'\n', buf) {
            Ok(n) => n,
            Err(e) => return Some(Err(e)),
        };
        if n == 0 {
            return None;
        }
        *line += 1;
        if buf.last() != Some(&b'\n') && buf.len() as u64 > limit {
            // Pass over the rest of the line.
            if let Err(e) = skip_line(r) {
                return Some(Err(e));
            }
            return Some(Ok(RawRecord {
                line: *line,
                data: RawData::Bad(format!("a record longer than {limit} bytes")),
            }));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = buf.as_slice().to_vec();
        // A buffer grown by one huge line is not kept.
        if buf.capacity() > 1 << 20 {
            *buf = Vec::new();
        }
        return Some(Ok(RawRecord {
            line: *line,
            data: RawData::Json(record),
        }));
    }
}

fn skip_line(r: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = memchr::memchr(b'\n', buf) {
            r.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        r.consume(n);
    }
}

/// The next row of a CSV or TSV file.
fn next_row(
    rdr: &mut csv::Reader<Capped<Box<dyn BufRead + '_>>>,
    columns: &Arc<[Option<Field>]>,
) -> Option<std::io::Result<RawRecord>> {
    let mut rec = csv::ByteRecord::new();
    match rdr.read_byte_record(&mut rec) {
        Ok(false) => None,
        Ok(true) => Some(Ok(RawRecord {
            line: rec.position().map_or(0, |p| p.line()),
            data: RawData::Row(rec, columns.clone()),
        })),
        Err(e) => {
            let line = e.position().map_or(0, |p| p.line());
            match e.into_kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => Some(Ok(RawRecord {
                    line,
                    data: RawData::Bad(format!(
                        "a row of {len} fields where the header has {expected_len}"
                    )),
                })),
                csv::ErrorKind::Io(e) => Some(Err(e)),
                other => Some(Err(std::io::Error::other(format!("{other:?}")))),
            }
        }
    }
}

impl RawRecord {
    /// About how many bytes the record holds.
    pub fn size(&self) -> usize {
        match &self.data {
            RawData::Json(b) => b.len(),
            RawData::Row(r, _) => r.as_slice().len(),
            RawData::Warc(w) => w.body.len(),
            RawData::Bad(_) => 0,
        }
    }

    /// The record's fields, with the date normalized to ISO 8601. A
    /// record that is not a JSON object, lacks a text (or HTML) field or
    /// has a date that cannot be read is an error, with what is wrong.
    pub fn parse(&self, fields: &FieldMap) -> Result<Parsed, String> {
        let mut encoding = Encoding::Utf8;
        let mut values = match &self.data {
            RawData::Bad(why) => return Err(why.clone()),
            RawData::Json(bytes) => json_values(bytes, fields)?,
            RawData::Warc(w) => {
                let body = w.decoded_body()?;
                let (html, enc) = super::decode::decode(&body);
                encoding = enc;
                let mut v = Values::default();
                v.set(Field::Html, Some(html));
                v.set(Field::Id, w.uri.clone());
                v.set(Field::Url, w.uri.clone());
                v.set(Field::Date, w.date.clone());
                v.set(Field::Source, w.host());
                v
            }
            RawData::Row(rec, columns) => {
                let mut v = Values::default();
                for (field, cell) in columns.iter().zip(rec.iter()) {
                    if let Some(f) = field {
                        let (text, enc) = super::decode::decode(cell);
                        if matches!(f, Field::Text | Field::Html) && !enc.is_exact() {
                            encoding = enc;
                        }
                        v.set(*f, Some(text));
                    }
                }
                v
            }
        };
        // Empty strings are no value.
        for v in values.0.iter_mut() {
            if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                *v = None;
            }
        }
        if values.get(Field::Text).is_none() && values.get(Field::Html).is_none() {
            return Err(format!(
                "no text (no `{}` or `{}` field, or it is empty)",
                fields.key(Field::Text),
                fields.key(Field::Html)
            ));
        }
        if let Some(d) = values.get(Field::Date) {
            let norm = date::normalize(d)
                .ok_or_else(|| format!("cannot read the date {:?}", truncate(d, 80)))?;
            values.set(Field::Date, Some(norm));
        }
        Ok(Parsed {
            line: self.line,
            values,
            encoding,
        })
    }
}

fn truncate(s: &str, n: usize) -> &str {
    &s[..super::floor_char_boundary(s, n)]
}

impl Parsed {
    /// The id the document goes by: its `id` field, else its URL, else
    /// `name#line`.
    pub fn id(&self, name: &str) -> String {
        self.values
            .get(Field::Id)
            .or(self.values.get(Field::Url))
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|| format!("{name}#{}", self.line))
    }

    /// The text the document is read from: the HTML field when there is
    /// one (read as HTML), else the text field (format sniffed).
    pub fn body(&self) -> (&str, Option<Format>) {
        match self.values.get(Field::Html) {
            Some(h) => (h, Some(Format::Html)),
            None => (self.values.get(Field::Text).unwrap_or(""), None),
        }
    }

    /// The document of this record of the file `name`.
    pub fn into_document(mut self, name: &str) -> Document {
        let id = self.id(name);
        let (text, format) = match (self.values.take(Field::Html), self.values.take(Field::Text)) {
            (Some(h), _) => (h, Format::Html),
            (None, Some(t)) => {
                let f = Format::sniff(&t);
                (t, f)
            }
            (None, None) => (String::new(), Format::Text),
        };
        let mut doc = Document::with_format(name, text, format, self.encoding);
        let v = &mut self.values;
        let trimmed = |s: Option<String>| s.map(|s| s.trim().to_owned());
        doc.meta = DocMeta {
            id: Some(id),
            date: v.take(Field::Date),
            title: trimmed(v.take(Field::Title)),
            url: trimmed(v.take(Field::Url)),
            source: trimmed(v.take(Field::Source)),
            lang: trimmed(v.take(Field::Lang)),
            line: Some(self.line),
            copies: Vec::new(),
        };
        doc
    }
}

/// The fields of a JSON line, read in one pass without building the
/// whole object: keys that are no field are skipped unparsed.
fn json_values(bytes: &[u8], fields: &FieldMap) -> Result<Values, String> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let values = ObjectSeed(fields)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
        .map_err(|e| format!("bad JSON: {e}"))?;
    values
}

/// Reads an object into its fields' values.
struct ObjectSeed<'m>(&'m FieldMap);

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_> {
    /// The values, or a record-level error (a field of the wrong type).
    type Value = Result<Values, String>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ObjectSeed<'_> {
    type Value = Result<Values, String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object (one document)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = Values::default();
        let mut wrong = None;
        while let Some(field) = map.next_key_seed(KeySeed(self.0))? {
            let Some(field) = field else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            match map.next_value::<Scalar>()? {
                Scalar::Str(s) => values.set(field, Some(s)),
                Scalar::Null => values.set(field, None),
                Scalar::Other(what) => {
                    wrong.get_or_insert(format!(
                        "the `{}` field is {what}, not a string",
                        self.0.key(field)
                    ));
                }
            }
        }
        Ok(match wrong {
            Some(w) => Err(w),
            None => Ok(values),
        })
    }
}

/// Reads a key as the field it names, without allocating.
struct KeySeed<'m>(&'m FieldMap);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Option<Field>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Option<Field>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.field_of(v))
    }
}

/// A field's value: a string (numbers and booleans written as text), null,
/// or something else (an object or array: an error of the record).
enum Scalar {
    Str(String),
    Null,
    Other(&'static str),
}

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_string()))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_string()))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_string()))
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_string()))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Scalar, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Scalar, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other("an object"))
    }
}

/// A record read: its document, or its line and what is wrong with it.
pub type ReadRecord = Result<Document, (u64, String)>;

/// Read every record of `r` (for tests and small inputs), or what keeps
/// the whole file from being read.
pub fn read_all(
    name: &str,
    r: impl Read,
    format: RecordFormat,
    fields: &FieldMap,
) -> Result<Vec<ReadRecord>, String> {
    let r = super::compress::decompressed(r).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for rec in Records::new(r, format, fields)? {
        let rec = rec.map_err(|e| e.to_string())?;
        out.push(
            rec.parse(fields)
                .map(|p| p.into_document(name))
                .map_err(|e| (rec.line, e)),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs_bytes(data: &[u8], format: RecordFormat) -> Vec<ReadRecord> {
        read_all("f", data, format, &FieldMap::default()).unwrap()
    }

    fn docs(data: &str, format: RecordFormat) -> Vec<ReadRecord> {
        read_all("f", data.as_bytes(), format, &FieldMap::default()).unwrap()
    }

    #[test]
    fn json_lines() {
        let data = concat!(
            r#"{"id": 7, "text": "Ines Varga spoke.", "source": "Harbor Wire", "extra": {"a": [1]}}"#,
            "\n\n",
            r#"{"url": "https://example.org/a", "html": "<p>Paulo &amp; Brandt</p>", "lang": null}"#,
            "\n",
            "{not json\n",
            r#"{"title": "no text"}"#,
            "\n",
            r#"{"text": ["a"]}"#,
            "\n",
            r#"{"text": "Last one, no newline\n and no id"}"#,
        );
        let d = docs(data, RecordFormat::Jsonl);
        assert_eq!(d.len(), 6);
        let a = d[0].as_ref().unwrap();
        assert_eq!(a.text, "Ines Varga spoke.");
        assert_eq!(a.id(), "7");
        assert_eq!(a.meta.source.as_deref(), Some("Harbor Wire"));
        assert_eq!(a.meta.line, Some(1));
        assert_eq!(a.name, "f");
        let b = d[1].as_ref().unwrap();
        assert_eq!(b.format, Format::Html);
        assert_eq!(b.id(), "https://example.org/a");
        assert_eq!(b.meta.line, Some(3));
        assert!(b.body.contains("Paulo"));
        let e = d[2].as_ref().unwrap_err();
        assert_eq!(e.0, 4);
        assert!(e.1.starts_with("bad JSON"), "{e:?}");
        assert!(d[3].as_ref().unwrap_err().1.starts_with("no text"));
        assert!(d[4].as_ref().unwrap_err().1.contains("a list"));
        let f = d[5].as_ref().unwrap();
        assert_eq!(f.id(), "f#7");
        assert_eq!(f.text, "Last one, no newline\n and no id");
    }

    #[test]
    fn csv_and_tsv_rows() {
        let csv = "id,title,text\n1,A,\"Ines Varga said, \"\"yes\"\".\nSecond line.\"\n2,B\n3,C,Paulo Brandt left.\n";
        let d = docs(csv, RecordFormat::Csv);
        assert_eq!(d.len(), 3, "{d:?}");
        let a = d[0].as_ref().unwrap();
        assert_eq!(a.text, "Ines Varga said, \"yes\".\nSecond line.");
        assert_eq!(a.meta.title.as_deref(), Some("A"));
        assert_eq!(a.meta.line, Some(2));
        let e = d[1].as_ref().unwrap_err();
        assert_eq!(e.0, 4);
        assert!(e.1.contains("2 fields"), "{e:?}");
        assert_eq!(d[2].as_ref().unwrap().meta.line, Some(5));
        // A cell that is not UTF-8 is decoded, and says so.
        let d = docs_bytes(b"text\nMira said \xe9t\xe9.\n", RecordFormat::Csv);
        let d = d[0].as_ref().unwrap();
        assert_eq!(d.text, "Mira said \u{e9}t\u{e9}.");
        assert_eq!(d.encoding, Encoding::Windows1252);
        let tsv = "text\tsource\nIdris Hale waved.\tQuay Daily\n";
        let d = docs(tsv, RecordFormat::Tsv);
        assert_eq!(
            d[0].as_ref().unwrap().meta.source.as_deref(),
            Some("Quay Daily")
        );
        // A header without a text column is an error of the file.
        assert!(read_all(
            "f",
            &b"a,b\n1,2\n"[..],
            RecordFormat::Csv,
            &FieldMap::default()
        )
        .is_err());
    }

    #[test]
    fn records_are_capped() {
        let f = FieldMap::default();
        let long = "x".repeat(5000);
        let data = format!("{{\"text\": \"{long}\"}}\n{{\"text\": \"short\"}}\n");
        let recs: Vec<_> =
            Records::with_limit(Box::new(data.as_bytes()), RecordFormat::Jsonl, &f, 1000)
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
        assert_eq!(recs.len(), 2);
        assert!(recs[0].parse(&f).unwrap_err().contains("longer than 1000"));
        assert_eq!(recs[1].line, 2);
        assert!(recs[1].parse(&f).is_ok());
        // An endless quoted CSV field ends the file with an error.
        let endless = std::io::BufReader::new(b"text\n\"".chain(std::io::repeat(b'y')));
        let mut rows = Records::with_limit(Box::new(endless), RecordFormat::Csv, &f, 1000).unwrap();
        let e = rows.next().unwrap().unwrap_err();
        assert!(e.to_string().contains("longer than 1000"), "{e}");
        assert!(rows.next().is_none());
    }

    #[test]
    fn mapped_fields_and_dates() {
        let m = FieldMap::parse(&["text=body,date=published_at"]).unwrap();
        let data = concat!(
            r#"{"body": "Ines Varga spoke.", "published_at": "2016-03-03T17:40:00-05:00"}"#,
            "\n",
            r#"{"body": "Paulo Brandt spoke.", "published_at": "someday"}"#,
            "\n",
        );
        let d = read_all("f", data.as_bytes(), RecordFormat::Jsonl, &m).unwrap();
        assert_eq!(
            d[0].as_ref().unwrap().meta.date.as_deref(),
            Some("2016-03-03T22:40:00Z")
        );
        assert!(d[1].as_ref().unwrap_err().1.contains("date"));
    }
}
