//! Writing results: to standard output, or atomically to a file (a
//! temporary file beside it, renamed into place when complete).
//!
//! An output is opened with [`Output::open`] **before** the work starts, so
//! an output that cannot be written (a missing directory, a read-only
//! file) is an error before the corpus is read. Until [`Output::commit`],
//! the target keeps its old contents (or does not exist); an output dropped
//! uncommitted (a failed run, or one where no document could be read)
//! leaves the target as it was. [`commit_all`] installs several files
//! together (the CSV pair): all are written first, then renamed one after
//! the other; if a rename fails, the targets already replaced get their old
//! contents back.
//!
//! Files written with `-o` behave as a shell's `>` would, except that the
//! replacement is atomic:
//! - a new file gets the mode the umask gives (`0666 & !umask`); a file
//!   replaced keeps its mode;
//! - a symbolic link is followed: its target is replaced, the link stays;
//! - a file the user may not write (a read-only file, for someone other
//!   than root) is refused, and left as it is;
//! - a file with several hard links: the name given gets the new contents,
//!   the other names keep the old ones (atomic replacement makes a new
//!   file), and a warning says so;
//! - a device, a pipe or `/dev/stdout` is written through, never replaced;
//!   a reader that goes away (`| head`) ends the run quietly, as with `-o -`.
//!
//! Standard output that is closed (`>&-`) is an error, not output lost.
//!
//! On Ctrl-C (SIGINT), SIGTERM or SIGHUP the handler installed by
//! [`guard_interrupts`] deletes the temporary files in progress and exits
//! with status 130; `std::process::exit` would skip the destructors that
//! normally delete them. A signal that comes after the output was installed
//! changes nothing: the run ends with its own status. Only SIGKILL can leave
//! a temporary file (`.actorgraph-PID-N.tmp`) beside the target, never a
//! partial target; the next run writing into that directory removes such
//! files whose process is gone.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

/// Temporary files being written, deleted by the interrupt handler. The
/// lock is held while a file is created and registered, and while files
/// are renamed into place and unregistered, so the handler never runs
/// between those steps.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set once the run's output is in place: a signal after that does not
/// turn a finished run into an interrupted one.
static INSTALLED: AtomicBool = AtomicBool::new(false);

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Exit status of a run stopped by a signal (128 + SIGINT).
pub const INTERRUPTED: i32 = 130;

/// Install (once) the handler for Ctrl-C, SIGTERM and SIGHUP: delete the
/// temporary outputs in progress, say so, exit with [`INTERRUPTED`] —
/// unless the output is already installed.
pub fn guard_interrupts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // If a handler cannot be set, the default action (termination)
        // still never leaves a partial target, only a stray temporary file.
        let _ = ctrlc::set_handler(|| {
            let files = pending();
            if interrupt(&files) {
                eprintln!("actorgraph: interrupted");
                // The lock stays held: no rename can happen after this.
                std::process::exit(INTERRUPTED);
            }
        });
    });
}

/// What a signal does, with the lock on the pending files held: nothing
/// once the output is installed (false), else delete the temporary files
/// and stop (true).
fn interrupt(files: &[PathBuf]) -> bool {
    if INSTALLED.load(Ordering::SeqCst) {
        return false;
    }
    for f in files {
        let _ = std::fs::remove_file(f);
    }
    true
}

/// Where an output goes.
enum Sink {
    /// Standard output, a device or a pipe: written as it goes.
    Direct {
        w: BufWriter<Box<dyn Write + Send>>,
        /// The reader went away (`| head`): the rest is dropped quietly.
        closed: bool,
    },
    /// A regular file: a temporary beside it, renamed over it on commit.
    File {
        w: BufWriter<File>,
        tmp: Temp,
        target: PathBuf,
        /// The mode of the file replaced, kept.
        mode: Option<u32>,
    },
}

/// An output being written; see the module documentation.
pub struct Output {
    /// As the user gave it (for messages).
    name: String,
    sink: Sink,
}

/// A registered temporary file, deleted and unregistered on drop unless
/// it was renamed into place.
struct Temp {
    path: PathBuf,
    installed: bool,
}

impl Drop for Temp {
    fn drop(&mut self) {
        let mut list = pending();
        if !self.installed {
            let _ = std::fs::remove_file(&self.path);
        }
        list.retain(|p| p != &self.path);
    }
}

/// Prefix of our temporary files.
const PREFIX: &str = ".actorgraph-";
/// Suffix of our temporary files.
const SUFFIX: &str = ".tmp";

impl Output {
    /// Open `path` for writing (standard output for `None` or `-`), or say
    /// why it cannot be written.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Output::stdout(),
            Some(p) if p.as_os_str() == "-" => Output::stdout(),
            Some(p) => Output::file(p),
        }
    }

    fn stdout() -> anyhow::Result<Output> {
        Ok(Output {
            name: "standard output".into(),
            sink: Sink::Direct {
                w: BufWriter::new(stdout_handle()?),
                closed: false,
            },
        })
    }

    fn file(p: &Path) -> anyhow::Result<Output> {
        let name = p.display().to_string();
        anyhow::ensure!(!p.as_os_str().is_empty(), "-o: the file name is empty");
        guard_interrupts();
        // `/dev/stdout`, `/dev/fd/1`: what the shell opened, written through.
        if is_fd_alias(p) {
            return Output::direct(p, name);
        }
        let target = follow_links(p)?;
        let meta = std::fs::metadata(&target);
        if let Ok(m) = &meta {
            if m.is_dir() {
                anyhow::bail!("{name}: is a directory");
            }
            if !m.is_file() {
                return Output::direct(&target, name);
            }
            // The shell's test: may this user write the file?
            if let Err(e) = OpenOptions::new().write(true).open(&target) {
                anyhow::bail!("{name}: cannot write: {e}");
            }
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        match std::fs::metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => anyhow::bail!("{name}: {} is not a directory", dir.display()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                anyhow::bail!("{name}: the directory {} does not exist", dir.display())
            }
            Err(e) => anyhow::bail!("{name}: {}: {e}", dir.display()),
        }
        remove_stale(&dir);
        if let Ok(m) = &meta {
            warn_hard_links(&name, m);
        }
        let mode = meta.ok().map(|m| file_mode(&m));
        let (tmp, file) = create_temp(&dir).map_err(|e| {
            anyhow::anyhow!("{name}: cannot create a file in {}: {e}", dir.display())
        })?;
        Ok(Output {
            name,
            sink: Sink::File {
                w: BufWriter::new(file),
                tmp,
                target,
                mode,
            },
        })
    }

    fn direct(p: &Path, name: String) -> anyhow::Result<Output> {
        let file = OpenOptions::new()
            .write(true)
            .open(p)
            .map_err(|e| anyhow::anyhow!("{name}: cannot open: {e}"))?;
        Ok(Output {
            name,
            sink: Sink::Direct {
                w: BufWriter::new(Box::new(file)),
                closed: false,
            },
        })
    }

    /// The output as the user named it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True when the output is a file replaced on commit (not standard
    /// output, a device or a pipe).
    pub fn is_file(&self) -> bool {
        matches!(self.sink, Sink::File { .. })
    }

    /// The writer (buffered). Errors from it go through [`Output::write`]
    /// or [`Output::check`].
    pub fn writer(&mut self) -> &mut dyn Write {
        match &mut self.sink {
            Sink::Direct { w, .. } => w,
            Sink::File { w, .. } => w,
        }
    }

    /// Run `f` on the writer; an error names the output. A reader that went
    /// away is no error: the rest of the output is dropped.
    pub fn write(
        &mut self,
        f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        if matches!(self.sink, Sink::Direct { closed: true, .. }) {
            return Ok(());
        }
        let r = f(self.writer());
        self.check(r)
    }

    /// An I/O result of writing to this output, as the run should see it:
    /// a closed pipe is no error (and marks the output closed).
    pub fn check(&mut self, r: std::io::Result<()>) -> anyhow::Result<()> {
        match r {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                if let Sink::Direct { closed, .. } = &mut self.sink {
                    *closed = true;
                    Ok(())
                } else {
                    Err(self.failed(e))
                }
            }
            Err(e) => Err(self.failed(e)),
        }
    }

    /// True once a reader of standard output or a pipe went away.
    pub fn closed(&self) -> bool {
        matches!(self.sink, Sink::Direct { closed: true, .. })
    }

    fn failed(&self, e: std::io::Error) -> anyhow::Error {
        anyhow::anyhow!("{}: write failed: {e}", self.name)
    }

    /// Finish the output: flush it, and put a file in place.
    pub fn commit(self) -> anyhow::Result<()> {
        commit_all(vec![self])
    }
}

/// Finish several outputs together: flush all, then put every file in
/// place, or (a rename failing) none.
pub fn commit_all(outputs: Vec<Output>) -> anyhow::Result<()> {
    let mut files = Vec::new();
    for mut o in outputs {
        let flushed = o.writer().flush();
        o.check(flushed)?;
        match o.sink {
            Sink::Direct { .. } => {}
            Sink::File {
                w,
                tmp,
                target,
                mode,
            } => {
                let file = w
                    .into_inner()
                    .map_err(|e| anyhow::anyhow!("{}: write failed: {}", o.name, e.error()))?;
                file.sync_all()
                    .map_err(|e| anyhow::anyhow!("{}: write failed: {e}", o.name))?;
                set_mode(&file, mode);
                files.push((o.name, tmp, target));
            }
        }
    }
    // Hard links to the files about to be replaced, to put them back if a
    // later rename of the same commit fails.
    let backups: Vec<Option<Temp>> = files
        .iter()
        .map(|(_, _, target)| {
            if files.len() > 1 && target.exists() {
                backup_of(target)
            } else {
                None
            }
        })
        .collect();
    let list = pending();
    for (i, (name, tmp, target)) in files.iter().enumerate() {
        if let Err(e) = std::fs::rename(&tmp.path, target) {
            for (j, (_, _, done)) in files[..i].iter().enumerate() {
                match &backups[j] {
                    Some(b) => {
                        let _ = std::fs::rename(&b.path, done);
                    }
                    None => {
                        let _ = std::fs::remove_file(done);
                    }
                }
            }
            drop(list);
            return Err(anyhow::anyhow!("{name}: cannot replace: {e}"));
        }
    }
    for (_, tmp, _) in &mut files {
        tmp.installed = true;
    }
    INSTALLED.store(true, Ordering::SeqCst);
    drop(list);
    Ok(())
}

/// Open `path` (standard output for `None` or `-`), write what `f`
/// produces and commit.
pub fn write_to(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = Output::open(path)?;
    out.write(f)?;
    out.commit()
}

/// Whether standard output was open when the process started (`None`),
/// or why not.
static STDOUT_STATE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Note whether standard output is open; call before any file is opened.
///
/// A process started with descriptor 1 closed (`>&-`) finds it open on
/// `/dev/null`: the Rust runtime opens it so (read-write) before `main`,
/// lest the next file opened take its place, so whatever is written is
/// lost without an error. On Linux that descriptor is recognised (the
/// null device open read-write, which a shell's `>/dev/null` never gives:
/// `1<>/dev/null` looks the same and is taken as closed too).
pub fn note_stdout() {
    STDOUT_STATE.get_or_init(|| {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            if let Err(e) = std::io::stdout().as_fd().try_clone_to_owned() {
                return Some(e.to_string());
            }
        }
        #[cfg(target_os = "linux")]
        if stdout_is_runtime_null() {
            return Some("descriptor 1 was not open when the program started".into());
        }
        None
    });
}

/// True when descriptor 1 is `/dev/null` open for reading and writing.
#[cfg(target_os = "linux")]
fn stdout_is_runtime_null() -> bool {
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|t| t == Path::new("/dev/null"));
    if !null {
        return false;
    }
    let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
        return false;
    };
    info.lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        // O_ACCMODE is 3, O_RDWR 2.
        .is_some_and(|flags| flags & 3 == 2)
}

/// Standard output as a file of its own (a duplicate of descriptor 1), so
/// that a closed standard output is an error now rather than writes that
/// the standard library silently drops.
#[cfg(unix)]
fn stdout_handle() -> anyhow::Result<Box<dyn Write + Send>> {
    use std::os::fd::AsFd;
    note_stdout();
    if let Some(Some(why)) = STDOUT_STATE.get() {
        anyhow::bail!("standard output is closed: {why}");
    }
    let fd = std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| anyhow::anyhow!("standard output is closed: {e}"))?;
    Ok(Box::new(File::from(fd)))
}

#[cfg(not(unix))]
fn stdout_handle() -> anyhow::Result<Box<dyn Write + Send>> {
    Ok(Box::new(std::io::stdout()))
}

/// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: names of
/// descriptors the shell opened; following them as links would replace a
/// file the shell is holding.
fn is_fd_alias(p: &Path) -> bool {
    let s = p.to_string_lossy();
    s == "/dev/stdout"
        || s == "/dev/stderr"
        || s.starts_with("/dev/fd/")
        || s.starts_with("/proc/self/fd/")
}

/// The file a path names, following symbolic links (also a dangling one,
/// whose target is created, as a shell's `>` would).
fn follow_links(p: &Path) -> anyhow::Result<PathBuf> {
    let mut cur = p.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&cur)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
                cur = match cur.parent() {
                    Some(d) if to.is_relative() => d.join(to),
                    _ => to,
                };
            }
            _ => return Ok(cur),
        }
    }
    anyhow::bail!("{}: too many levels of symbolic links", p.display())
}

/// A new temporary file in `dir`, named `.actorgraph-PID-N.tmp`, created
/// with mode 0666 less the umask (the mode a new output gets).
fn create_temp(dir: &Path) -> std::io::Result<(Temp, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let pid = std::process::id();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{PREFIX}{pid}-{n}{SUFFIX}"));
        let mut list = pending();
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o666);
        }
        match opts.open(&path) {
            Ok(f) => {
                list.push(path.clone());
                return Ok((
                    Temp {
                        path,
                        installed: false,
                    },
                    f,
                ));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// A hard link to `target` beside it, under a temporary name of ours (none
/// where hard links cannot be made).
fn backup_of(target: &Path) -> Option<Temp> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let (tmp, file) = create_temp(dir).ok()?;
    drop(file);
    // The name is ours: the link takes the place of the empty file.
    std::fs::remove_file(&tmp.path).ok()?;
    std::fs::hard_link(target, &tmp.path).ok()?;
    Some(tmp)
}

/// Remove temporary files of ours in `dir` left by a run that was killed
/// (SIGKILL): on Linux, those whose process no longer exists; elsewhere,
/// or for a name without a process id, those older than a day.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let procfs = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|n| n.strip_suffix(SUFFIX))
        else {
            continue;
        };
        let pid = rest
            .split_once('-')
            .and_then(|(pid, n)| n.parse::<u64>().ok().and(pid.parse::<u32>().ok()));
        let stale = match pid {
            Some(pid) if procfs => {
                pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
            }
            _ => entry
                .metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600),
        };
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A target with other hard links: they keep the old contents.
fn warn_hard_links(name: &str, m: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let others = m.nlink().saturating_sub(1);
        if others == 1 {
            eprintln!(
                "actorgraph: {name}: has 1 other hard link; the new file replaces this name only, the other keeps the old contents"
            );
        } else if others > 1 {
            eprintln!(
                "actorgraph: {name}: has {others} other hard links; the new file replaces this name only, the others keep the old contents"
            );
        }
    }
    #[cfg(not(unix))]
    let _ = (name, m);
}

fn file_mode(m: &std::fs::Metadata) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        m.permissions().mode() & 0o7777
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        0
    }
}

/// Give the new file the mode of the file it replaces (a new file keeps
/// the mode it was created with: 0666 less the umask).
fn set_mode(file: &File, mode: Option<u32>) {
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, mode);
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
    fn an_output_dropped_uncommitted_leaves_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.dot");
        std::fs::write(&target, "old").unwrap();
        let mut out = Output::open(Some(&target)).unwrap();
        out.write(|w| w.write_all(b"new")).unwrap();
        assert_eq!(files_in(dir.path()).len(), 2, "the temporary exists");
        drop(out);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(files_in(dir.path()), ["out.dot"]);
    }

    #[test]
    fn a_failed_rename_in_a_pair_puts_the_first_back() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("nodes.csv"), dir.path().join("edges.csv"));
        std::fs::write(&a, "old nodes").unwrap();
        let mut oa = Output::open(Some(&a)).unwrap();
        let mut ob = Output::open(Some(&b)).unwrap();
        oa.write(|w| w.write_all(b"new nodes")).unwrap();
        ob.write(|w| w.write_all(b"new edges")).unwrap();
        // Between opening and committing, the second target becomes a
        // directory that is not empty: renaming a file over it fails.
        std::fs::create_dir_all(b.join("x")).unwrap();
        let err = commit_all(vec![oa, ob]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("{}: cannot replace: ", b.display())),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old nodes");
        assert_eq!(files_in(dir.path()), ["edges.csv", "nodes.csv"]);
    }

    #[test]
    fn a_signal_after_the_output_is_installed_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.dot");
        write_to(Some(&target), |w| w.write_all(b"done")).unwrap();
        let pretend = dir.path().join(".actorgraph-1-1.tmp");
        std::fs::write(&pretend, "x").unwrap();
        assert!(!interrupt(std::slice::from_ref(&pretend)));
        assert!(pretend.exists(), "nothing removed after the install");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "done");
    }

    #[test]
    fn missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no/such/dir/out.dot");
        let err = write_to(Some(&target), |w| w.write_all(b"x")).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: the directory {} does not exist",
                target.display(),
                dir.path().join("no/such/dir").display()
            )
        );
    }
}
