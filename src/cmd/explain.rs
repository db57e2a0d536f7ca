//! `actorgraph explain`: per sentence, the attributions found and the rule
//! that fired, so a user can see why an attribution link exists; and each
//! cue word that made none, with the rule that came closest and why it
//! declined (so a user can file a good bug).

use super::output::Output;
use super::{input, text};
use actorgraph::attribution::{self, Lexicon};
use actorgraph::ingest::{collect_inputs, read_path};
use actorgraph::pipeline::Analysis;
use std::fmt::Write as _;
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
    /// A directory of word lists to add to the built-in ones (`cues.txt`,
    /// `titles.txt`, ...: see the README's "Word lists are data").
    #[arg(long, value_name = "DIR")]
    word_lists: Option<PathBuf>,
    /// Also print sentences without attributions.
    #[arg(long)]
    all: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Run `explain`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    // Opened first: an output that cannot be written is an error before
    // any document is read.
    let mut out = Output::open(a.output.as_deref())?;
    let extractor = input::extractor(a.aliases.as_deref(), a.word_lists.as_deref())?;
    let (inputs, errors) = collect_inputs(&a.paths);
    let mut failed = errors.len();
    for e in &errors {
        eprintln!("actorgraph: {e}");
    }
    let (inputs, _) = input::unique_inputs(inputs, |w| eprintln!("{w}"));
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
    if docs.is_empty() {
        let left = if out.is_file() {
            format!("{} left as it was", out.name())
        } else {
            "nothing written".into()
        };
        eprintln!("actorgraph: no document could be read; {left}");
        return Ok(1);
    }
    let lex = &extractor.lexicons().attribution;
    for (doc, an) in &docs {
        let mut s = String::new();
        explain_doc(&mut s, (&doc.name, &doc.body), an, lex, a.all);
        out.write(|w| w.write_all(text::visible(&s).as_bytes()))?;
    }
    out.commit()?;
    Ok(i32::from(failed > 0))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The explanation of one document, control characters left as they are
/// (the caller makes them visible).
fn explain_doc(
    w: &mut String,
    (name, text): (&str, &str),
    an: &Analysis,
    lex: &Lexicon,
    all: bool,
) {
    let _ = writeln!(w, "== {name}");
    let actor = |x: usize| an.resolution.actors[x].id.as_str();
    let declined =
        attribution::declined(text, &an.segmentation, &an.mentions, lex, &an.attributions);
    for (si, s) in an.segmentation.sentences.iter().enumerate() {
        let found: Vec<_> = an
            .attributions
            .iter()
            .filter(|a| a.sentence == si)
            .collect();
        let missed: Vec<_> = declined.iter().filter(|d| d.sentence == si).collect();
        if found.is_empty() && missed.is_empty() && !all {
            continue;
        }
        let _ = writeln!(w, "[{si}] {}", one_line(s.span.slice(text)));
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
            let _ = writeln!(w, "  rule {}", a.rule);
            let _ = writeln!(w, "    speaker {speaker}");
            let _ = writeln!(w, "    cue     {:?}", cue.join(" ... "));
            let _ = writeln!(w, "    content {:?}", content.join(" ... "));
            let _ = writeln!(w, "    about   [{}]", about.join(", "));
            if let (Some(lemma), Some(class)) = (&a.lemma, a.class) {
                let _ = writeln!(w, "    class   {class} ({lemma})");
            }
        }
        for d in missed {
            let cue = one_line(d.cue.slice(text));
            match d.rule {
                Some(r) => {
                    let _ = writeln!(
                        w,
                        "  no attribution for cue {cue:?}: rule {r} found one, dropped: {}",
                        d.reason
                    );
                }
                None => {
                    let _ = writeln!(w, "  no attribution for cue {cue:?}: {}", d.reason);
                }
            }
        }
    }
}
