//! WARC files (`.warc`, `.warc.gz`): web archives, one document per
//! `response` record whose HTTP payload is HTML.
//!
//! A WARC file is a sequence of records, each a `WARC/1.x` line, header
//! lines, a blank line and `Content-Length` bytes of content (ISO 28500).
//! A `response` record's content is an HTTP response: its status line and
//! headers, a blank line and the body (maybe chunked, maybe gzip- or
//! deflate-encoded). Records of other types (`warcinfo`, `request`,
//! `metadata`, ...) and responses that are not HTML are passed over. The
//! document's id and URL are the record's `WARC-Target-URI`, its date the
//! `WARC-Date`, its outlet the URI's host; `line` is the record's number
//! in the file (1-based, every record counted).

use std::io::{BufRead, Read};

/// An HTML response of a WARC file, not decoded yet.
#[derive(Clone, Debug)]
pub struct Response {
    /// The record's number in its file (1-based).
    pub number: u64,
    /// `WARC-Target-URI`.
    pub uri: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// The HTTP body, as sent (maybe chunked or compressed).
    pub body: Vec<u8>,
    /// The HTTP `Transfer-Encoding` and `Content-Encoding`, lowercased.
    chunked: bool,
    encoding: Option<String>,
}

/// What the reader found next.
pub enum Next {
    /// An HTML response.
    Response(Response),
    /// A record too long to hold (its number).
    TooLong(u64),
}

/// Read records until the next HTML response. `count` is the number of
/// records read so far (updated). `None` at the end of the file.
pub fn next(r: &mut dyn BufRead, count: &mut u64, limit: u64) -> std::io::Result<Option<Next>> {
    loop {
        let mut line = Vec::new();
        // Blank lines between records.
        loop {
            line.clear();
            if r.take(1 << 16).read_until(b'\n', &mut line)? == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        if !line.starts_with(b"WARC/") {
            return Err(std::io::Error::other(format!(
                "record {}: not a WARC record (it starts {:?})",
                *count + 1,
                String::from_utf8_lossy(&line[..line.len().min(20)])
            )));
        }
        *count += 1;
        let number = *count;
        let headers = read_headers(r)?;
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let len: u64 = get("Content-Length")
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("record {number}: no Content-Length")))?;
        let is_response = get("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let http = get("Content-Type")
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
        if !(is_response && http) || len > limit {
            std::io::copy(&mut r.take(len), &mut std::io::sink())?;
            if len > limit && is_response && http {
                return Ok(Some(Next::TooLong(number)));
            }
            continue;
        }
        let mut content = Vec::with_capacity(len as usize);
        r.take(len).read_to_end(&mut content)?;
        if (content.len() as u64) < len {
            return Err(std::io::Error::other(format!(
                "record {number}: cut short ({} of {len} bytes)",
                content.len()
            )));
        }
        let Some(split) = memchr::memmem::find(&content, b"\r\n\r\n")
            .map(|i| (i, 4))
            .or_else(|| memchr::memmem::find(&content, b"\n\n").map(|i| (i, 2)))
        else {
            continue;
        };
        let head = String::from_utf8_lossy(&content[..split.0]).into_owned();
        let mut http_headers = head.lines().skip(1).filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
        });
        let (mut html, mut chunked, mut encoding) = (false, false, None);
        for (k, v) in http_headers.by_ref() {
            match k.as_str() {
                "content-type" => {
                    html = v.starts_with("text/html") || v.starts_with("application/xhtml")
                }
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" if v != "identity" => encoding = Some(v),
                _ => {}
            }
        }
        if !html {
            continue;
        }
        content.drain(..split.0 + split.1);
        return Ok(Some(Next::Response(Response {
            number,
            uri: get("WARC-Target-URI").map(|u| u.trim().trim_matches(['<', '>']).to_owned()),
            date: get("WARC-Date"),
            body: content,
            chunked,
            encoding,
        })));
    }
}

/// Header lines up to the blank line, as (name, value).
fn read_headers(r: &mut dyn BufRead) -> std::io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    let mut line = Vec::new();
    for _ in 0..1000 {
        line.clear();
        if r.take(1 << 16).read_until(b'\n', &mut line)? == 0 {
            return Err(std::io::Error::other("a WARC header cut short"));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(headers);
        }
        if let Some((k, v)) = text.split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    Err(std::io::Error::other("a WARC header of over 1000 lines"))
}

impl Response {
    /// The body as the server meant it: de-chunked and decompressed.
    pub fn decoded_body(&self) -> Result<Vec<u8>, String> {
        let body = if self.chunked {
            dechunk(&self.body).ok_or("a chunked HTTP body that does not parse")?
        } else {
            self.body.clone()
        };
        let mut out = Vec::new();
        match self.encoding.as_deref() {
            None => return Ok(body),
            Some("gzip" | "x-gzip") => flate2::read::MultiGzDecoder::new(&body[..])
                .take(super::MAX_DOCUMENT_BYTES)
                .read_to_end(&mut out),
            Some("deflate") => flate2::read::ZlibDecoder::new(&body[..])
                .take(super::MAX_DOCUMENT_BYTES)
                .read_to_end(&mut out),
            Some(other) => return Err(format!("an HTTP body encoded as {other:?}")),
        }
        .map_err(|e| format!("an HTTP body that does not decompress: {e}"))?;
        Ok(out)
    }

    /// The outlet: the URI's host, without `www.`.
    pub fn host(&self) -> Option<String> {
        let uri = self.uri.as_deref()?;
        let rest = uri.split_once("://")?.1;
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit('@').next()?.split(':').next()?;
        let host = host.strip_prefix("www.").unwrap_or(host);
        (!host.is_empty()).then(|| host.to_ascii_lowercase())
    }
}

/// An HTTP/1.1 chunked body, joined.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let size = std::str::from_utf8(&b[..nl]).ok()?.trim();
        let size = size.split(';').next()?.trim();
        let n = usize::from_str_radix(size, 16).ok()?;
        b = &b[nl + 1..];
        if n == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..n)?);
        b = &b[n..];
        b = b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record of this type, with these content lines.
    pub(crate) fn record(kind: &str, uri: &str, ctype: &str, content: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2016-03-03T17:40:00Z\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            content.len()
        )
        .into_bytes();
        r.extend_from_slice(content);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn responses_with_html_only() {
        let html = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Ines Varga spoke.</p>";
        let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>Pa\r\n10\r\nulo Brandt left.\r\n0\r\n\r\n";
        let data = [
            record(
                "warcinfo",
                "",
                "application/warc-fields",
                b"software: x\r\n",
            ),
            record(
                "request",
                "https://a.example/1",
                "application/http; msgtype=request",
                b"GET / HTTP/1.1\r\n\r\n",
            ),
            record(
                "response",
                "<https://www.a.example/1>",
                "application/http; msgtype=response",
                html,
            ),
            record(
                "response",
                "https://a.example/p.png",
                "application/http; msgtype=response",
                png,
            ),
            record(
                "response",
                "https://b.example:8080/2",
                "application/http; msgtype=response",
                chunked,
            ),
        ]
        .concat();
        let mut r = &data[..];
        let mut count = 0;
        let mut got = Vec::new();
        while let Some(n) = next(&mut r, &mut count, 1 << 20).unwrap() {
            let Next::Response(resp) = n else { panic!() };
            got.push(resp);
        }
        assert_eq!(count, 5);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].number, 3);
        assert_eq!(got[0].uri.as_deref(), Some("https://www.a.example/1"));
        assert_eq!(got[0].host().as_deref(), Some("a.example"));
        assert_eq!(got[0].decoded_body().unwrap(), b"<p>Ines Varga spoke.</p>");
        assert_eq!(got[1].number, 5);
        assert_eq!(got[1].host().as_deref(), Some("b.example"));
        assert_eq!(got[1].decoded_body().unwrap(), b"<p>Paulo Brandt left.");
        // A gzip-encoded body is decompressed.
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut e, b"<p>Idris Hale waved.</p>").unwrap();
        let mut gz =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        gz.extend(e.finish().unwrap());
        let data = record("response", "https://c.example/", "application/http", &gz);
        let Some(Next::Response(resp)) = next(&mut &data[..], &mut 0, 1 << 20).unwrap() else {
            panic!("a response")
        };
        assert_eq!(resp.decoded_body().unwrap(), b"<p>Idris Hale waved.</p>");
        // Too long: reported by number, and the reader goes on.
        let two = [data.clone(), data].concat();
        let mut r = &two[..];
        let mut count = 0;
        assert!(matches!(
            next(&mut r, &mut count, 10).unwrap(),
            Some(Next::TooLong(1))
        ));
        assert!(matches!(
            next(&mut r, &mut count, 10).unwrap(),
            Some(Next::TooLong(2))
        ));
        assert!(next(&mut r, &mut count, 10).unwrap().is_none());
        // Not WARC: an error.
        let mut r = &b"hello\r\n"[..];
        assert!(next(&mut r, &mut 0, 1 << 20).is_err());
    }
}
