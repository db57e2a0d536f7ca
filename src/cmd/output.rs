//! Writing results: to stdout, or atomically to a file (a temporary file
//! beside it, renamed into place when complete).
//!
//! An interrupted run never leaves a half-written output: until the rename,
//! the target keeps its old contents (or does not exist). On Ctrl-C
//! (SIGINT), SIGTERM or SIGHUP the handler installed by
//! [`guard_interrupts`] deletes the temporary files in progress and exits
//! with status 130; `std::process::exit` would skip the destructors that
//! normally delete them. Only SIGKILL can leave a stray `.tmpXXXXXX` file
//! beside the target, never a partial target. A target that is a device or
//! a pipe (`-o /dev/stdout`) is written directly, never replaced.

use anyhow::Context;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// Temporary files being written, deleted by the interrupt handler. The
/// lock is held while a file is created and registered, and while it is
/// renamed into place and unregistered, so the handler never runs between
/// those steps.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Exit status of a run stopped by a signal (128 + SIGINT).
pub const INTERRUPTED: i32 = 130;

/// Install (once) the handler for Ctrl-C, SIGTERM and SIGHUP: delete the
/// temporary outputs in progress, say so, exit with [`INTERRUPTED`].
/// Called by [`write_to`] before it creates a temporary file; calling it
/// earlier (at start-up) is harmless.
pub fn guard_interrupts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // If a handler cannot be set, the default action (termination)
        // still never leaves a partial target, only a stray temporary file.
        let _ = ctrlc::set_handler(|| {
            let files = pending();
            for f in files.iter() {
                let _ = std::fs::remove_file(f);
            }
            eprintln!("actorgraph: interrupted");
            // The lock stays held: no rename can happen after this.
            std::process::exit(INTERRUPTED);
        });
    });
}

/// A registered temporary file; unregistered on drop (the file itself is
/// deleted by `NamedTempFile`'s own drop, or renamed).
struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        pending().retain(|p| p != &self.0);
    }
}

/// Write what `f` produces to `path` (or stdout for `None` or `-`).
pub fn write_to(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match path {
        None => write_stdout(f),
        Some(p) if p.as_os_str() == "-" => write_stdout(f),
        // A device or pipe (`-o /dev/stdout`, a FIFO) is written as it is:
        // renaming a file over it would replace it.
        Some(p) if is_special(p) => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(p)
                .with_context(|| format!("{}: cannot open", p.display()))?;
            let mut w = BufWriter::new(file);
            f(&mut w)
                .and_then(|_| w.flush())
                .with_context(|| format!("{}: write failed", p.display()))
        }
        Some(p) => {
            guard_interrupts();
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            // Declared first, dropped last: the file is deleted before it is
            // unregistered.
            let (registered, mut tmp) = {
                let mut list = pending();
                let tmp = tempfile::Builder::new()
                    .prefix(".actorgraph-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .with_context(|| format!("{}: cannot create a file beside it", p.display()))?;
                list.push(tmp.path().to_owned());
                let registered = Registered(tmp.path().to_owned());
                (registered, tmp)
            };
            {
                let mut w = BufWriter::new(tmp.as_file_mut());
                f(&mut w).with_context(|| format!("{}: write failed", p.display()))?;
                w.flush()
                    .with_context(|| format!("{}: write failed", p.display()))?;
            }
            keep_usual_permissions(tmp.as_file(), p);
            {
                let mut list = pending();
                tmp.persist(p)
                    .with_context(|| format!("{}: cannot write", p.display()))?;
                list.retain(|x| x != &registered.0);
            }
            Ok(())
        }
    }
}

/// True for an existing path that is neither a regular file nor a
/// directory: a character device, a pipe, a socket.
fn is_special(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

fn write_stdout(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match f(&mut w).and_then(|_| w.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

/// A temporary file is private (0600); the output should get the mode an
/// ordinary new file gets, or keep the mode of the file it replaces.
fn keep_usual_permissions(file: &std::fs::File, target: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match std::fs::metadata(target) {
            Ok(m) => m.permissions().mode(),
            Err(_) => 0o644,
        };
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, target);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn complete_write_replaces_target_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.dot");
        std::fs::write(&target, "old").unwrap();
        write_to(Some(&target), |w| w.write_all(b"new contents")).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new contents");
        assert_eq!(files_in(dir.path()), ["out.dot"]);
    }

    #[test]
    fn failed_write_keeps_old_target_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        for old in [Some("old graph"), None] {
            if let Some(o) = old {
                std::fs::write(&target, o).unwrap();
            }
            let err = write_to(Some(&target), |w| {
                w.write_all(b"half a gra")?;
                Err(std::io::Error::other("disk on fire"))
            })
            .unwrap_err();
            assert!(format!("{err:#}").contains("out.json"), "{err:#}");
            assert_eq!(std::fs::read_to_string(&target).ok().as_deref(), old);
            let want: &[&str] = if old.is_some() { &["out.json"] } else { &[] };
            assert_eq!(files_in(dir.path()), want);
            let _ = std::fs::remove_file(&target);
        }
    }

    #[test]
    fn missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no/such/dir/out.dot");
        let err = write_to(Some(&target), |w| w.write_all(b"x")).unwrap_err();
        assert!(format!("{err:#}").contains("out.dot"), "{err:#}");
    }
}
