//! Expanding command-line paths into document inputs.

use super::Format;
use crate::error::Error;
use std::path::{Path, PathBuf};

/// A document to read: a file path, or `-` for standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The path (`-` for stdin).
    pub path: PathBuf,
}

/// Expand paths into inputs: files as given (any extension), directories
/// searched recursively for `.txt`, `.md`, `.markdown`, `.html`, `.htm`
/// in sorted order, `-` for standard input. Problems (missing paths,
/// dangling links, directories without documents) are returned beside the
/// inputs found, so the run can go on.
pub fn collect_inputs<P: AsRef<Path>>(paths: &[P]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let p = p.as_ref();
        if p.as_os_str() == "-" {
            inputs.push(Input { path: p.into() });
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let before = inputs.len();
                walk_dir(p, &mut inputs, &mut errors);
                if inputs.len() == before {
                    errors.push(Error::NoDocuments { path: p.into() });
                }
            }
            Ok(_) => inputs.push(Input { path: p.into() }),
            Err(source) => errors.push(Error::Io {
                path: p.into(),
                source,
            }),
        }
    }
    (inputs, errors)
}

fn walk_dir(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Error::Io {
                path: dir.into(),
                source,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for e in entries {
        match e {
            Ok(e) => paths.push(e.path()),
            Err(source) => errors.push(Error::Io {
                path: dir.into(),
                source,
            }),
        }
    }
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk_dir(&p, inputs, errors),
            Ok(_) if Format::from_path(&p).is_some() => inputs.push(Input { path: p }),
            Ok(_) => {}
            Err(source) => {
                // Report broken links that look like documents.
                if Format::from_path(&p).is_some() {
                    errors.push(Error::Io { path: p, source });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "B").unwrap();
        std::fs::write(dir.path().join("sub/a.md"), "A").unwrap();
        std::fs::write(dir.path().join("skip.pdf"), "x").unwrap();
        let missing = dir.path().join("nope.txt");
        let (inputs, errors) = collect_inputs(&[dir.path().to_path_buf(), missing]);
        let names: Vec<_> = inputs
            .iter()
            .map(|i| i.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["b.txt", "a.md"]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("nope.txt"));
    }
}
