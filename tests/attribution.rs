//! `actorgraph explain` run as a real binary on a fixture written to a
//! temporary directory.

use std::process::Command;

fn explain(text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("story.txt");
    std::fs::write(&path, text).expect("write fixture");
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .arg("explain")
        .arg(&path)
        .output()
        .expect("run actorgraph");
    assert!(
        out.status.success(),
        "explain failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn explain_prints_rule_speaker_cue_content_about() {
    let text = "Anna Varga met the envoy Peter Renn in May.\n\n\
                \"The talks are over,\" Varga said. \"Nobody will return.\"\n\n\
                Later she told reporters that Renn had walked out.\n";
    let out = explain(text);
    // (rule, speaker line fragment, content fragment) per expected attribution.
    let want = [
        ("quote-cue", "\"Varga\" -> Anna Varga", "The talks are over"),
        (
            "cue-content",
            "\"she\" -> Anna Varga",
            "that Renn had walked out",
        ),
    ];
    for (rule, speaker, content) in want {
        let block = out
            .split("  rule ")
            .find(|b| b.starts_with(rule) && b.contains(speaker))
            .unwrap_or_else(|| panic!("no {rule} attribution by {speaker} in:\n{out}"));
        assert!(
            block.contains(content),
            "content {content:?} missing in:\n{block}"
        );
    }
    // The continued quotation is part of the first attribution's content.
    assert!(out.contains("Nobody will return."), "{out}");
    // `about` names Renn for the reported speech about him.
    assert!(out.contains("about   [Peter Renn]"), "{out}");
    // Each attribution says what kind of statement it reports.
    assert!(out.contains("class   report (say)"), "{out}");
    assert!(out.contains("class   report (tell)"), "{out}");
    // Sentences without attributions are left out by default.
    assert!(!out.contains("met the envoy"), "{out}");
}

#[test]
fn explain_all_prints_every_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plain.txt");
    std::fs::write(&path, "The river rose. Boats stayed home.\n").expect("write fixture");
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["explain", "--all"])
        .arg(&path)
        .output()
        .expect("run actorgraph");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("[0] The river rose."), "{s}");
    assert!(s.contains("[1] Boats stayed home."), "{s}");
    assert!(!s.contains("rule "), "{s}");
}
