//! Subcommands.

pub mod build;
pub mod dedup;
pub mod explain;
pub mod extract;
pub mod input;
pub mod jobs;
pub mod output;
pub mod query;
pub mod report;
pub mod text;

use clap::{Parser, Subcommand};

/// Who is linked to whom: actors, co-occurrence and attribution graphs from
/// news articles.
#[derive(Parser, Debug)]
#[command(name = "actorgraph", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Per-document JSON Lines: mentions, actors, attributions.
    Extract(extract::Args),
    /// Build the actor graph of a corpus and write it (DOT by default).
    Build(build::Args),
    /// Ask a saved graph: neighbors, path, between, top, said-about, said-by, ego.
    Query(query::Args),
    /// Per sentence, the attributions found and the rule that fired.
    Explain(explain::Args),
}

/// Run a command; the exit status: 0 all good, 1 some documents failed.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Build(a) => build::run(a),
        Command::Query(a) => query::run(a),
        Command::Explain(a) => explain::run(a),
    }
}
