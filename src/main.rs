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
