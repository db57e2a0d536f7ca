//! Writes a JSON Lines corpus with dates and outlets from a directory of
//! plain-text articles, for trying and testing the time features
//! (`build --format gexf`, `query timeline`).
//!
//! ```sh
//! cargo run --example dated_jsonl -- ../shared/corpus/polnear/train > /tmp/polnear-2016.jsonl
//! actorgraph build /tmp/polnear-2016.jsonl --format gexf -o /tmp/polnear.gexf
//! ```
//!
//! One record per `.txt` file, in file-name order, with the fields `id`
//! (the file's stem), `text`, `date` and `source`. Names of the form
//! `outlet_YYYY-MM-DD_slug.txt` (PolNeAR's) give the outlet and, when the
//! year is 2016, the date; any other file gets the outlet `unknown` and
//! every file not dated in 2016 a date in 2016 drawn from the FNV-1a hash
//! of its id: the same file always gets the same date, and the dates
//! spread over the twelve months. The texts are read at run time and
//! written only to the output given; nothing is kept in the repository.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One article of the corpus.
#[derive(Debug, PartialEq, Eq)]
pub struct Dated {
    /// The file's stem.
    pub id: String,
    /// `YYYY-MM-DD`, in 2016.
    pub date: String,
    /// The outlet.
    pub source: String,
}

/// The FNV-1a hash of a string (as the graph's held ids use).
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// True for `YYYY-MM-DD` (digits and dashes in their places).
fn is_day(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// The id, 2016 date and outlet of the file named `stem`.
pub fn date_of(stem: &str) -> Dated {
    let parts: Vec<&str> = stem.splitn(3, '_').collect();
    let named = parts.len() == 3 && is_day(parts[1]);
    let source = if named { parts[0] } else { "unknown" };
    let date = if named && parts[1].starts_with("2016-") {
        parts[1].to_owned()
    } else {
        let h = fnv(stem);
        format!("2016-{:02}-{:02}", h % 12 + 1, (h >> 8) % 28 + 1)
    };
    Dated {
        id: stem.to_owned(),
        date,
        source: source.to_owned(),
    }
}

/// The `.txt` files of `dir`, in name order.
pub fn texts(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
        .collect();
    v.sort();
    Ok(v)
}

/// Write the JSON Lines of the `.txt` files of `dir` to `out`; returns how
/// many records were written.
pub fn write_jsonl(dir: &Path, out: &mut dyn Write) -> std::io::Result<usize> {
    let files = texts(dir)?;
    for f in &files {
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = String::from_utf8_lossy(&std::fs::read(f)?).into_owned();
        let d = date_of(&stem);
        let rec = serde_json::json!({"id": d.id, "text": text, "date": d.date, "source": d.source});
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(files.len())
}

#[allow(dead_code)]
fn main() {
    let mut args = std::env::args_os().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/polnear/train"));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write_jsonl(&dir, &mut out).and_then(|n| out.flush().map(|()| n)) {
        Ok(n) => eprintln!("dated_jsonl: {n} records from {}", dir.display()),
        Err(e) => {
            eprintln!("dated_jsonl: {}: {e}", dir.display());
            std::process::exit(1);
        }
    }
}
