//! Expanding command-line paths into document inputs.

use crate::error::Error;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A document to read: a file path, or `-` for standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The path (`-` for stdin).
    pub path: PathBuf,
}

/// Expand paths into inputs: files as given (any extension), directories
/// searched recursively for `.txt`, `.md`, `.markdown`, `.html`, `.htm`
/// and the multi-document `.jsonl`, `.ndjson`, `.csv`, `.tsv` (each maybe
/// `.gz` or `.zst`; see [`is_input_name`](super::is_input_name)) in sorted order, `-` for standard input. Problems (missing paths,
/// dangling links, directories without documents, entries that cannot be
/// looked at, such as a path longer than the system allows) are returned
/// beside the inputs found, so the run can go on: no entry is skipped
/// silently, except hidden ones, files that are not documents and links
/// to nowhere that are not named like documents.
///
/// The walk costs time linear in the number of entries at any depth:
/// directories are told apart by device and inode, not by resolving their
/// paths.
pub fn collect_inputs<P: AsRef<Path>>(paths: &[P]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut walk = Walk::default();
    for p in paths {
        let p = p.as_ref();
        if p.as_os_str() == "-" {
            inputs.push(Input { path: p.into() });
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let before = inputs.len();
                walk.dir(p, &m, &mut inputs, &mut errors);
                if inputs.len() == before {
                    errors.push(Error::NoDocuments { path: p.into() });
                }
            }
            // A file named on the command line is read whatever it is: a
            // pipe (`<(zcat a.txt.gz)`) is what the user asked for.
            Ok(_) => inputs.push(Input { path: p.into() }),
            Err(source) => errors.push(Error::Io {
                path: p.into(),
                source,
            }),
        }
    }
    (inputs, errors)
}

/// What tells two directories apart: device and inode.
#[cfg(unix)]
type DirKey = (u64, u64);
#[cfg(not(unix))]
type DirKey = PathBuf;

#[cfg(unix)]
fn dir_key(_: &Path, m: &std::fs::Metadata) -> DirKey {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn dir_key(p: &Path, _: &std::fs::Metadata) -> DirKey {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Directory walking state: directories already read (a directory reached
/// twice through links is read once) and the chain being walked (a link
/// back into it is a loop, reported and not followed).
#[derive(Default)]
struct Walk {
    seen: HashSet<DirKey>,
    chain: HashSet<DirKey>,
}

impl Walk {
    // The key is `Copy` on Unix only: cloned for the other systems.
    #[allow(clippy::clone_on_copy)]
    fn dir(
        &mut self,
        dir: &Path,
        meta: &std::fs::Metadata,
        inputs: &mut Vec<Input>,
        errors: &mut Vec<Error>,
    ) {
        let key = dir_key(dir, meta);
        if self.chain.contains(&key) {
            errors.push(Error::DirectoryLoop { path: dir.into() });
            return;
        }
        if !self.seen.insert(key.clone()) {
            return;
        }
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
        // Entries with their names: all share `dir`, so ordering them by
        // name (bytes) is ordering their paths, without splitting every
        // path into components at each comparison.
        let mut paths: Vec<(std::ffi::OsString, PathBuf)> = Vec::new();
        for e in entries {
            match e {
                Ok(e) => paths.push((e.file_name(), e.path())),
                Err(source) => errors.push(Error::Io {
                    path: dir.into(),
                    source,
                }),
            }
        }
        paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.chain.insert(key.clone());
        for (_, p) in paths {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            let document = super::is_input_name(&p);
            match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => self.dir(&p, &m, inputs, errors),
                Ok(m) if document && m.is_file() => inputs.push(Input { path: p }),
                // A pipe or socket named like a document would block the run.
                Ok(_) if document => errors.push(Error::NotAFile { path: p }),
                Ok(_) => {}
                Err(source) => {
                    // A link to nowhere matters when named like a
                    // document; anything else that cannot be looked at
                    // (a path over the system's limit, no permission)
                    // may hide documents: reported.
                    let dangling = std::fs::symlink_metadata(&p)
                        .is_ok_and(|m| m.file_type().is_symlink())
                        && source.kind() == std::io::ErrorKind::NotFound;
                    if document || !dangling {
                        errors.push(Error::Io { path: p, source });
                    }
                }
            }
        }
        self.chain.remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deep tree is walked in time linear in its depth, and a path over
    /// the system's length limit is reported, not dropped.
    #[cfg(unix)]
    #[test]
    fn deep_trees_walked_and_long_paths_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = dir.path().join("deep");
        for _ in 0..400 {
            p.push("d");
        }
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("bottom.txt"), "x").unwrap();
        let t = std::time::Instant::now();
        let (inputs, errors) = collect_inputs(&[dir.path().join("deep")]);
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
        assert_eq!(inputs.len(), 1, "{errors:?}");
        assert!(errors.is_empty(), "{errors:?}");
        // 20 levels of 250-byte names: past PATH_MAX (4096), made with
        // relative `mkdir`s from a shell.
        let long = dir.path().join("long");
        std::fs::create_dir(&long).unwrap();
        let name = "n".repeat(250);
        let script = format!(
            "for i in $(seq 20); do mkdir {name} && cd {name} || exit 1; done; echo x > a.txt"
        );
        let ok = std::process::Command::new("sh")
            .arg("-c")
            .arg(&script)
            .current_dir(&long)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("note: no shell to make a path over PATH_MAX; skipped that part");
            return;
        }
        let (inputs, errors) = collect_inputs(&[&long]);
        // A tree past PATH_MAX is removed relative to its top, as made.
        let _ = std::process::Command::new("rm")
            .args(["-rf", "long"])
            .current_dir(dir.path())
            .status();
        assert!(inputs.is_empty());
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains(&name) && m.contains("too long")),
            "{msgs:?}"
        );
    }

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

    /// Entries come in the order of their paths, whatever the names.
    #[test]
    fn name_order_is_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "b.txt",
            "a.txt",
            "a b.txt",
            "A.txt",
            "a.txt.md",
            "a-b.txt",
            "\u{e9}.txt",
            "10.txt",
            "9.txt",
            "_z.md",
        ];
        for n in names {
            std::fs::write(dir.path().join(n), "x").unwrap();
        }
        let (inputs, _) = collect_inputs(&[dir.path().to_path_buf()]);
        let got: Vec<PathBuf> = inputs.into_iter().map(|i| i.path).collect();
        let mut want: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
        want.sort();
        assert_eq!(got, want);
    }

    #[cfg(unix)]
    #[test]
    fn loops_reported_special_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.txt"), "A").unwrap();
        std::os::unix::fs::symlink(d, d.join("sub/up")).unwrap();
        std::os::unix::fs::symlink(d.join("sub"), d.join("again")).unwrap();
        let _sock = std::os::unix::net::UnixListener::bind(d.join("sock.txt")).unwrap();
        let (inputs, errors) = collect_inputs(&[d]);
        assert_eq!(inputs.len(), 1, "{inputs:?}");
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(
            msgs.iter().any(|m| m.ends_with(
                "up: directory loop (a symbolic link to itself or above), not followed"
            )),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("sock.txt") && m.contains("not a regular file")),
            "{msgs:?}"
        );
    }
}
