//! `actorgraph extract`: per-document JSON Lines.

use super::{input, output};
use actorgraph::pipeline::ExtractorBuilder;
use actorgraph::resolve::AliasTable;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to read (`-` for standard input).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Alias file (TOML or JSON) to rename, merge or drop actors.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Run `extract`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let mut b = ExtractorBuilder::new();
    if let Some(p) = &a.aliases {
        b = b.aliases(AliasTable::from_path(p)?);
    }
    let extractor = b.build();
    let outcome = input::extract_all(&a.paths, &extractor);
    output::write_to(a.output.as_deref(), |w: &mut dyn Write| {
        for rec in &outcome.records {
            serde_json::to_writer(&mut *w, rec)?;
            writeln!(w)?;
        }
        Ok(())
    })?;
    Ok(i32::from(outcome.failed > 0))
}
