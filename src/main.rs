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
    // Ctrl-C, SIGTERM, SIGHUP: remove temporary outputs, exit 130.
    cmd::output::guard_interrupts();
    let cli = cmd::Cli::parse();
    let code = match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("actorgraph: {e:#}");
            2
        }
    };
    std::process::exit(code);
}
