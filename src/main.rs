//! The `actorgraph` command: glue over the library, one module per
//! subcommand in `cmd/`.

mod cmd;

/// The binary's allocator. The stages make many small allocations (token
/// strings, word vectors); mimalloc serves them at a fraction of the cost of
/// the system allocator, and keeps per-thread heaps for the workers.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() {
    no_huge_pages();
    // Before any file is opened: is standard output there at all?
    cmd::output::note_stdout();
    // Ctrl-C, SIGTERM, SIGHUP: remove temporary outputs, exit 130.
    cmd::output::guard_interrupts();
    let cli = cmd::Cli::parse();
    let code = match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("actorgraph: {}", message(&e));
            2
        }
    };
    std::process::exit(code);
}

/// Turns transparent huge pages off for this process (Linux).
///
/// mimalloc asks the kernel for huge pages on its arenas, and it returns
/// freed memory to the kernel after a short delay. Under the common
/// `madvise` setting every page fault after that clears a whole 2 MB page:
/// on a `build` over the PolNeAR train texts on one thread that clearing
/// was 44% of the run's samples (`perf record`), the run's peak RSS 62 MB
/// against 40 MB without huge pages. This is what mimalloc's own
/// `MIMALLOC_ALLOW_THP=0` does, made the default; it affects this process
/// only.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes integer arguments only
    // and changes a flag of this process; it touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// An error and its causes on one line, each cause once: a cause whose
/// text the message already holds (an OS reason that a library error
/// quotes and also keeps as its source) is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut msg = String::new();
    for cause in e.chain() {
        let c = cause.to_string();
        if msg.contains(&c) {
            continue;
        }
        if !msg.is_empty() {
            msg.push_str(": ");
        }
        msg.push_str(&c);
    }
    msg
}
