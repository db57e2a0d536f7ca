//! The layering of the library, checked on its source: each module of
//! `src/` imports (`use crate::X`, `crate::X::` paths, `crate::{X, ..}`
//! groups) only the modules below it:
//!
//! - base, below every stage: `words`, `span`, `error` (they may use one
//!   another, never a stage);
//! - the stages in pipeline order: `ingest` < `segment` < `mentions` <
//!   `resolve` < `attribution`;
//! - `pipeline` (the `Extractor` and the records), on the stages up to
//!   `attribution`;
//! - `graph` (built from `pipeline`'s records) < `export` < `query`;
//! - `cmd`, `main.rs` and `lib.rs` may use anything and are not checked.
//!
//! Comments, doc comments and string literals are not code and are skipped
//! (a doc link to a later stage is allowed). `super::` paths are not
//! followed: none leaves its top module today.

use std::path::{Path, PathBuf};

/// The base layer: `error`'s types are re-exported at the crate root as
/// `crate::Error` and `crate::Result`.
const BASE: &[&str] = &["words", "span", "error", "Error", "Result"];

/// Each checked module and the modules it may use besides itself and the
/// base ones, lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    ("words", &[]),
    ("span", &[]),
    ("error", &[]),
    ("ingest", &[]),
    ("segment", &["ingest"]),
    ("mentions", &["ingest", "segment"]),
    ("resolve", &["ingest", "segment", "mentions"]),
    ("attribution", &["ingest", "segment", "mentions", "resolve"]),
    (
        "pipeline",
        &["ingest", "segment", "mentions", "resolve", "attribution"],
    ),
    (
        "graph",
        &[
            "ingest",
            "segment",
            "mentions",
            "resolve",
            "attribution",
            "pipeline",
        ],
    ),
    (
        "export",
        &[
            "ingest",
            "segment",
            "mentions",
            "resolve",
            "attribution",
            "pipeline",
            "graph",
        ],
    ),
    // `query` also uses `export`: its `Link` is the JSON export's edge
    // (`pub use crate::export::json::EdgeJson as Link`), so a query's
    // links print exactly as the export writes them. `export` never uses
    // `query`.
    (
        "query",
        &[
            "ingest",
            "segment",
            "mentions",
            "resolve",
            "attribution",
            "pipeline",
            "graph",
            "export",
        ],
    ),
];

/// Not checked: the command line and the crate root.
const UNCHECKED: &[&str] = &["cmd", "main", "lib"];

/// A use of a module its layer may not use.
#[derive(Debug, PartialEq, Eq)]
struct Violation {
    file: String,
    line: usize,
    from: String,
    to: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: `{}` uses `crate::{}`, which is not below it",
            self.file, self.line, self.from, self.to
        )
    }
}

/// `src` with comments and string and char literals blanked to spaces
/// (newlines kept, so line numbers stay).
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, b[i]);
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !b[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let mut k = j + 1;
            while k < b.len() && !b[k..].starts_with(&close) {
                k += 1;
            }
            let end = (k + close.len()).min(b.len());
            for &x in &b[i..end] {
                blank(&mut out, x);
            }
            i = end;
        } else if c == '"' {
            blank(&mut out, c);
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    blank(&mut out, b[i]);
                    i += 1;
                }
                if i < b.len() {
                    blank(&mut out, b[i]);
                    i += 1;
                }
            }
            if i < b.len() {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}'), or a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..b.len()).find(|&k| b[k] == '\'').map(|k| k + 1)
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            match end {
                Some(end) => {
                    for &x in &b[i..end] {
                        blank(&mut out, x);
                    }
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The top modules named by `crate::` paths in `src` (code only), with
/// their line numbers.
fn crate_paths(src: &str) -> Vec<(usize, String)> {
    let code: Vec<char> = code_only(src).chars().collect();
    let line_of = |i: usize| code[..i].iter().filter(|&&c| c == '\n').count() + 1;
    let word = |mut i: usize| {
        while code.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let s = i;
        while code.get(i).copied().is_some_and(is_ident) {
            i += 1;
        }
        (code[s..i].iter().collect::<String>(), s, i)
    };
    let pat: Vec<char> = "crate".chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + pat.len() <= code.len() {
        let starts = code[i..].starts_with(&pat)
            && !(i > 0 && is_ident(code[i - 1]))
            && !code.get(i + pat.len()).copied().is_some_and(is_ident);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + pat.len();
        while code.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        if !(code.get(j) == Some(&':') && code.get(j + 1) == Some(&':')) {
            i = j.max(i + 1);
            continue;
        }
        j += 2;
        while code.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        if code.get(j) == Some(&'{') {
            // A group: the first word of each top-level item.
            let mut depth = 0;
            let mut item_start = true;
            let mut k = j;
            while k < code.len() {
                match code[k] {
                    '{' => {
                        depth += 1;
                        if depth == 1 {
                            item_start = true;
                        }
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if depth == 1 && item_start && is_ident(c) => {
                        let (w, s, e) = word(k);
                        if w != "self" {
                            out.push((line_of(s), w));
                        }
                        item_start = false;
                        k = e;
                        continue;
                    }
                    _ => {}
                }
                k += 1;
            }
            i = k.max(i + 1);
        } else {
            let (w, s, e) = word(j);
            if !w.is_empty() {
                out.push((line_of(s), w));
            }
            i = e.max(i + 1);
        }
    }
    out
}

/// The violations of module `module`'s rules in the file `file` holding
/// `src`.
fn check_source(module: &str, file: &str, src: &str) -> Vec<Violation> {
    let Some((_, allowed)) = LAYERS.iter().find(|(m, _)| *m == module) else {
        panic!("{file}: module `{module}` has no layer: add it to LAYERS in tests/layering.rs");
    };
    crate_paths(src)
        .into_iter()
        .filter(|(_, to)| {
            to != module && !BASE.contains(&to.as_str()) && !allowed.contains(&to.as_str())
        })
        .filter(|(_, to)| !(BASE.contains(&module) && BASE.contains(&to.as_str())))
        .map(|(line, to)| Violation {
            file: file.to_owned(),
            line,
            from: module.to_owned(),
            to,
        })
        .collect()
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut bad = Vec::new();
    let mut checked = 0;
    for f in &files {
        let rel = f.strip_prefix(root.join("src")).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if UNCHECKED.contains(&module) {
            continue;
        }
        let src = std::fs::read_to_string(f).unwrap();
        let shown = format!("src/{}", rel.display());
        bad.extend(check_source(module, &shown, &src));
        checked += 1;
    }
    assert!(
        checked >= 30,
        "only {checked} files checked: is src/ there?"
    );
    let report: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert!(report.is_empty(), "layering broken:\n{}", report.join("\n"));
}

/// The checker finds a planted violation, in `use` lines, groups and
/// paths, on the right line, and ignores comments and strings.
#[test]
fn checker_catches_a_planted_violation() {
    let src = r##"//! Doc links may name later stages: [`crate::graph`].
use crate::segment::Token;
use crate::graph::ActorGraph;
/* crate::export in a block comment */
fn f() {
    let s = "crate::query in a string";
    let r = r#"crate::query in a raw string"#;
    let c = '"';
    let x = crate::pipeline::Extractor::new();
}
use crate::{
    words::WordMap,
    resolve::{self, Resolution},
    span::Span,
};
pub(crate) fn g<'a>(s: &'a str) -> &'a str { crate :: attribution :: f(s) }
"##;
    let got: Vec<(usize, String)> = check_source("mentions", "src/mentions/x.rs", src)
        .into_iter()
        .map(|v| (v.line, v.to))
        .collect();
    let want: Vec<(usize, String)> = [
        (3, "graph"),
        (9, "pipeline"),
        (13, "resolve"),
        (16, "attribution"),
    ]
    .iter()
    .map(|&(l, m)| (l, m.to_owned()))
    .collect();
    assert_eq!(got, want);
    // The same code is fine where those modules are below.
    assert_eq!(check_source("query", "src/query/x.rs", src), vec![]);
    // Base modules use no stage.
    let v = check_source(
        "span",
        "src/span.rs",
        "use crate::ingest::Document;\nuse crate::words::Key;\n",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(
        v[0].to_string(),
        "src/span.rs:1: `span` uses `crate::ingest`, which is not below it"
    );
}
