//! `actorgraph extract`: per-document JSON Lines.

use super::{input, output};
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
    /// Worker threads (0: one per core). The output is the same for any number.
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// No progress bar (it shows only on a terminal, for runs over a few seconds).
    #[arg(short, long)]
    quiet: bool,
}

/// Run `extract`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let extractor = input::extractor(a.aliases.as_deref())?;
    let opts = input::RunOptions {
        threads: a.threads,
        quiet: a.quiet,
    };
    // Each record is written as soon as its turn comes, then dropped.
    let mut summary = input::Summary::default();
    output::write_to(a.output.as_deref(), |w: &mut dyn Write| {
        // Workers write each record's JSON line; this thread only copies
        // the lines out in input order.
        let line = |doc: &_, analysis: &_| {
            let rec = actorgraph::pipeline::DocRecord::new(doc, analysis);
            let mut buf = Vec::with_capacity(4096);
            serde_json::to_writer(&mut buf, &rec).map(|()| {
                buf.push(b'\n');
                buf
            })
        };
        summary = input::for_each_record(&a.paths, &extractor, opts, line, |buf| {
            w.write_all(&buf.map_err(std::io::Error::from)?)?;
            Ok(())
        })
        // Keep I/O errors as they are, so a closed pipe stays quiet.
        .map_err(|e| {
            e.downcast::<std::io::Error>()
                .unwrap_or_else(std::io::Error::other)
        })?;
        Ok(())
    })?;
    Ok(i32::from(summary.failed > 0))
}
