//! The `actorgraph` command: glue over the library, one module per
//! subcommand in `cmd/`.

mod cmd;

use clap::Parser;

fn main() {
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
