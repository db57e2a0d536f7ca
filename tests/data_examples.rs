//! Every example of every built-in word list, run through the real
//! pipeline and judged by the stage that owns the file; and a user's own
//! lists, added from a directory, checked the same way.

use actorgraph::ingest::Document;
use actorgraph::pipeline::{Extractor, ExtractorBuilder, Lexicons};
use std::path::Path;

#[test]
fn every_example_of_every_builtin_file_holds() {
    let data = Lexicons::builtin_data();
    let ex = Extractor::new();
    let mut failed = Vec::new();
    let mut count = 0;
    for file in data.files() {
        assert!(
            !file.examples().is_empty(),
            "{} has no `# Example:` line",
            file.name()
        );
        for example in file.examples() {
            count += 1;
            if let Err(why) = ex.check_example(file.name(), example) {
                failed.push(format!("{}: {why}", example.location()));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "examples that do not hold:\n{}",
        failed.join("\n")
    );
    // Every stage has files, and the files have their examples.
    for stage in ["segment/", "mentions/", "resolve/", "attribution/"] {
        assert!(
            data.files().iter().any(|f| f.name().starts_with(stage)),
            "{stage}"
        );
    }
    assert!(count >= data.files().len());
}

/// A judge that accepted anything would pass the test above: a wrong
/// expectation must fail, in every stage.
#[test]
fn a_wrong_expectation_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "titles.txt",
            "# Example: Ambassador Tamsin Hale landed late. -> person Tamsin Hall\n",
        ),
        (
            "cues.txt",
            "# Example: Ines Varga recalls that the vote was close. -> whispered\n",
        ),
    ];
    for (file, text) in cases {
        std::fs::write(dir.path().join(file), text).unwrap();
        let err = ExtractorBuilder::new()
            .word_lists(dir.path())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(file) && err.contains(":1: the example does not hold"),
            "{err}"
        );
        std::fs::remove_file(dir.path().join(file)).unwrap();
    }
}

fn speakers(ex: &Extractor, text: &str) -> Vec<(String, String)> {
    let rec = ex.extract(&Document::from_text("t.txt", text));
    rec.attributions
        .iter()
        .map(|a| {
            let cue = a.cue.as_slice()[0];
            (
                a.speaker
                    .as_ref()
                    .map(|s| s.text.clone())
                    .unwrap_or_default(),
                text[cue.start..cue.end].to_owned(),
            )
        })
        .collect()
}

fn people(ex: &Extractor, text: &str) -> Vec<String> {
    let rec = ex.extract(&Document::from_text("t.txt", text));
    rec.mentions.iter().map(|m| m.actor.clone()).collect()
}

/// Adding a reporting cue is one line in one file plus its example; so is
/// adding a title.
#[test]
fn a_users_cue_and_title_are_one_line_each() {
    let text = "Orla Penn grumbled that the harbour was too small. \
                Harbourmaster Quill Averoy agreed.";
    let builtin = Extractor::new();
    assert!(speakers(&builtin, text).is_empty());
    assert!(!people(&builtin, text).contains(&"Quill Averoy".to_owned()));

    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("cues.txt"),
        "# Example: Orla Penn grumbled that the harbour was too small. -> grumbled\n\
         grumble grumbles grumbled grumbling\n",
    );
    write(
        &dir.path().join("titles.txt"),
        "# Example: Harbourmaster Quill Averoy agreed. -> person Quill Averoy\n\
         harbourmaster\n",
    );
    let ex = ExtractorBuilder::new()
        .word_lists(dir.path())
        .unwrap()
        .build();
    assert_eq!(
        speakers(&ex, text),
        [("Orla Penn".to_owned(), "grumbled".to_owned())]
    );
    assert!(people(&ex, text).contains(&"Quill Averoy".to_owned()));
}

#[test]
fn a_users_bad_lines_are_errors_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // "say" is a built-in cue already.
    write(&dir.path().join("cues.txt"), "intone intoned\nsay\n");
    let err = ExtractorBuilder::new()
        .word_lists(dir.path())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("cues.txt:2") && err.contains("\"say\""),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("titels.txt"), "harbourmaster\n");
    let err = ExtractorBuilder::new()
        .word_lists(dir.path())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("titels.txt: no word list of that name"),
        "{err}"
    );
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// The command line takes the same directory: `--word-lists DIR`.
#[test]
fn the_command_line_takes_a_directory_of_word_lists() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("note.txt");
    write(&doc, "Orla Penn grumbled that the harbour was too small.\n");
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    write(
        &lists.join("cues.txt"),
        "# Example: Orla Penn grumbled that the harbour was too small. -> grumbled\n\
         grumble grumbles grumbled grumbling\n",
    );
    let bin = env!("CARGO_BIN_EXE_actorgraph");
    let run = |extra: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(bin)
            .arg("extract")
            .arg("-q")
            .args(extra)
            .arg(&doc)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, plain, _) = run(&[]);
    assert_eq!(code, Some(0));
    assert!(!plain.contains("\"attributions\":[{"), "{plain}");
    let (code, with, _) = run(&["--word-lists".as_ref(), lists.as_os_str()]);
    assert_eq!(code, Some(0));
    assert!(with.contains("\"attributions\":[{"), "{with}");
    // A bad list is a usage error naming the file and line.
    write(&lists.join("cues.txt"), "say\n");
    let (code, _, err) = run(&["--word-lists".as_ref(), lists.as_os_str()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("cues.txt:1") && err.contains("\"say\""),
        "{err}"
    );
}
