//! Writing results: to stdout, or atomically to a file (a temporary file
//! beside it, renamed into place when complete).

use anyhow::Context;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Write what `f` produces to `path` (or stdout for `None` or `-`).
pub fn write_to(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match path {
        None => write_stdout(f),
        Some(p) if p.as_os_str() == "-" => write_stdout(f),
        Some(p) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("{}: cannot create a file beside it", p.display()))?;
            {
                let mut w = BufWriter::new(tmp.as_file_mut());
                f(&mut w).with_context(|| format!("{}: write failed", p.display()))?;
                w.flush()
                    .with_context(|| format!("{}: write failed", p.display()))?;
            }
            keep_usual_permissions(tmp.as_file(), p);
            tmp.persist(p)
                .with_context(|| format!("{}: cannot write", p.display()))?;
            Ok(())
        }
    }
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
