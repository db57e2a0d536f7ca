//! `actorgraph explain`: per sentence, the attributions found and the rule
//! that fired, so a user can see why an attribution link exists.

use super::{input, output};
use actorgraph::ingest::{collect_inputs, read_path};
use actorgraph::pipeline::Analysis;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `explain`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to read (`-` for standard input).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Alias file (TOML or JSON) to rename, merge or drop actors.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// Also print sentences without attributions.
    #[arg(long)]
    all: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Run `explain`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let extractor = input::extractor(a.aliases.as_deref())?;
    let (inputs, errors) = collect_inputs(&a.paths);
    let mut failed = errors.len();
    for e in &errors {
        eprintln!("actorgraph: {e}");
    }
    let mut docs = Vec::new();
    for input in &inputs {
        match read_path(&input.path) {
            Ok(doc) => {
                let an = extractor.analyze(&doc);
                docs.push((doc, an));
            }
            Err(e) => {
                eprintln!("actorgraph: {e}");
                failed += 1;
            }
        }
    }
    output::write_to(a.output.as_deref(), |w: &mut dyn Write| {
        for (doc, an) in &docs {
            explain_doc(w, &doc.name, &doc.body, an, a.all)?;
        }
        Ok(())
    })?;
    Ok(i32::from(failed > 0))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn explain_doc(
    w: &mut dyn Write,
    name: &str,
    text: &str,
    an: &Analysis,
    all: bool,
) -> std::io::Result<()> {
    writeln!(w, "== {name}")?;
    let actor = |x: usize| an.resolution.actors[x].id.as_str();
    for (si, s) in an.segmentation.sentences.iter().enumerate() {
        let found: Vec<_> = an
            .attributions
            .iter()
            .filter(|a| a.sentence == si)
            .collect();
        if found.is_empty() && !all {
            continue;
        }
        writeln!(w, "[{si}] {}", one_line(s.span.slice(text)))?;
        for a in found {
            let speaker = match &a.speaker {
                Some(sp) => match sp.actor {
                    Some(x) => format!("{:?} -> {}", one_line(sp.span.slice(text)), actor(x)),
                    None => format!("{:?}", one_line(sp.span.slice(text))),
                },
                None => "(none)".to_owned(),
            };
            let cue: Vec<String> = a.cue.iter().map(|c| one_line(c.slice(text))).collect();
            let content: Vec<String> = a.content.iter().map(|c| one_line(c.slice(text))).collect();
            let about: Vec<&str> = a.about.iter().map(|&x| actor(x)).collect();
            writeln!(w, "  rule {}", a.rule)?;
            writeln!(w, "    speaker {speaker}")?;
            writeln!(w, "    cue     {:?}", cue.join(" ... "))?;
            writeln!(w, "    content {:?}", content.join(" ... "))?;
            writeln!(w, "    about   [{}]", about.join(", "))?;
            if let (Some(lemma), Some(class)) = (&a.lemma, a.class) {
                writeln!(w, "    class   {class} ({lemma})")?;
            }
        }
    }
    Ok(())
}
