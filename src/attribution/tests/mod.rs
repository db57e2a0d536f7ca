use super::*;
use crate::mentions::detect;
use crate::resolve::{resolve, AliasTable};
use crate::segment::segment;
use std::sync::OnceLock;

mod doc_tags;

/// The built-in lexicon, loaded once for the tests.
fn lex() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

/// The built-in lexicons of the earlier stages, built once for all tests.
fn earlier() -> &'static (crate::mentions::Lexicon, crate::resolve::Lexicon) {
    static LEX: OnceLock<(crate::mentions::Lexicon, crate::resolve::Lexicon)> = OnceLock::new();
    LEX.get_or_init(|| {
        (
            crate::mentions::Lexicon::builtin(),
            crate::resolve::Lexicon::builtin(),
        )
    })
}

/// Segmentation, mentions and resolution of `t`, as the pipeline makes them.
fn analyse(t: &str) -> (Segmentation, Vec<Mention>, Resolution) {
    let (ml, rl) = earlier();
    let seg = segment(t);
    let ms = detect(t, &seg, ml);
    let r = resolve(t, &seg, &ms, &AliasTable::default(), ml, rl);
    (seg, ms, r)
}

/// The words of a section of a data file.
fn list(file: &str, section: &str) -> Vec<&'static str> {
    lex()
        .section(file, section)
        .iter()
        .map(String::as_str)
        .collect()
}

/// Every (words, bits) list the tag table is built from, as plain lists:
/// the tests' reference.
fn plain_lists() -> &'static [(Vec<&'static str>, Tags)] {
    static LISTS: OnceLock<Vec<(Vec<&'static str>, Tags)>> = OnceLock::new();
    LISTS.get_or_init(build_plain_lists)
}

fn build_plain_lists() -> Vec<(Vec<&'static str>, Tags)> {
    let l = lex();
    let mut out: Vec<(Vec<&'static str>, Tags)> = vec![
        (l.cue_forms().collect(), T_REPORT),
        (l.stance_forms().collect(), T_STANCE),
        (l.source_nouns().collect(), T_SOURCE),
        (list_words("adjectives.txt"), T_ADJ),
        (list_words("adverbs.txt"), T_LOOP | T_ADVERB),
        (
            l.particles()
                .iter()
                .map(|(v, _)| std::str::from_utf8(v).unwrap())
                .collect(),
            T_PARTICLE,
        ),
        (list_words_after_label("blocked.txt"), T_BLOCKED),
    ];
    for &(file, section, bits) in SECTION_BITS {
        out.push((list(file, section), bits));
    }
    for (ws, bits) in CLOSED {
        out.push((ws.to_vec(), *bits));
    }
    out
}

/// The text of a built-in file.
fn list_text(name: &str) -> &'static str {
    DATA.iter()
        .find(|(n, _)| n.ends_with(name))
        .map(|(_, t)| *t)
        .unwrap()
}

/// The `Example:` lines of a data file's header: (sentence, expected).
fn data_examples(data: &'static str) -> Vec<(&'static str, &'static str)> {
    data.lines()
        .filter_map(|l| l.strip_prefix("# Example:"))
        .filter_map(|l| l.split_once("->"))
        .map(|(a, b)| (a.trim(), b.trim()))
        .collect()
}

/// The words of a built-in file of plain word lines.
fn list_words(name: &str) -> Vec<&'static str> {
    list_text(name)
        .lines()
        .map(|l| l.split('#').next().unwrap())
        .flat_map(str::split_whitespace)
        .collect()
}

/// The words of a built-in file of `label: words` lines.
fn list_words_after_label(name: &str) -> Vec<&'static str> {
    list_words(name)
        .into_iter()
        .filter(|w| !w.ends_with(':'))
        .collect()
}

#[derive(Debug)]
struct Found {
    speaker: Option<String>,
    actor: Option<String>,
    cue: String,
    content: String,
    about: Vec<String>,
    rule: Rule,
}

fn run(t: &str) -> Vec<Found> {
    let (seg, ms, r) = analyse(t);
    attribute(t, &seg, &ms, &r, lex())
        .into_iter()
        .map(|a| Found {
            speaker: a.speaker.as_ref().map(|s| s.span.slice(t).to_owned()),
            actor: a
                .speaker
                .as_ref()
                .and_then(|s| s.actor)
                .map(|x| r.actors[x].id.clone()),
            cue: a
                .cue
                .iter()
                .map(|c| c.slice(t))
                .collect::<Vec<_>>()
                .join(" "),
            content: a
                .content
                .iter()
                .map(|c| c.slice(t))
                .collect::<Vec<_>>()
                .join(" | "),
            about: a.about.iter().map(|&x| r.actors[x].id.clone()).collect(),
            rule: a.rule,
        })
        .collect()
}

/// One row: (text, cue, speaker, content, rule). The attribution with that
/// cue must be found, with that speaker, content and rule.
type CueRow<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, &'a str);

fn check_cue_table(cases: &[CueRow]) {
    for &(t, cue, sp, content, rule) in cases {
        let f = run(t);
        let a = f
            .iter()
            .find(|a| a.cue == cue)
            .unwrap_or_else(|| panic!("no cue {cue:?} in {t:?}: {f:?}"));
        assert_eq!(a.speaker.as_deref(), sp, "speaker in {t:?}: {a:?}");
        assert_eq!(a.content, content, "content in {t:?}: {a:?}");
        assert_eq!(a.rule, rule, "rule in {t:?}: {a:?}");
    }
}

/// (text, speaker, cue, content, rule): exactly one attribution expected.
#[test]
fn structure_table() {
    let cases: &[(&str, Option<&str>, &str, &str, &str)] = &[
        (
            "Talks failed, according to Mira Doss.",
            Some("Mira Doss"),
            "according to",
            "Talks failed",
            "according-to",
        ),
        (
            "According to aides, the plan died early.",
            Some("aides"),
            "According to",
            "the plan died early",
            "according-to",
        ),
        (
            "The plan, according to two aides, died early.",
            Some("two aides"),
            "according to",
            "The plan | died early",
            "according-to",
        ),
        (
            "\u{201c}We were blocked,\u{201d} Tavi Renn wrote.",
            Some("Tavi Renn"),
            "wrote",
            "\u{201c}We were blocked,\u{201d}",
            "quote-cue",
        ),
        (
            "\"No comment,\" said Odile Marsh.",
            Some("Odile Marsh"),
            "said",
            "\"No comment,\"",
            "quote-cue",
        ),
        (
            "Officials said the deal was close.",
            Some("Officials"),
            "said",
            "the deal was close",
            "cue-content",
        ),
        (
            "Tavi Renn told reporters that Doss had left.",
            Some("Tavi Renn"),
            "told",
            "that Doss had left",
            "cue-content",
        ),
        (
            "The offer was real, Odile Marsh says.",
            Some("Odile Marsh"),
            "says",
            "The offer was real",
            "content-cue",
        ),
        (
            "Mira Doss, then head of the agency, says the cabal won.",
            Some("Mira Doss"),
            "says",
            "the cabal won",
            "cue-content",
        ),
        // Adjuncts after the cue do not hide the content before it.
        (
            "The vote was rigged, Tavi Renn said on Friday in a statement.",
            Some("Tavi Renn"),
            "said",
            "The vote was rigged",
            "content-cue",
        ),
        (
            "\"We are ready,\" a source said Tuesday.",
            Some("a source"),
            "said",
            "\"We are ready,\"",
            "quote-cue",
        ),
        // Adjuncts before the content are skipped.
        (
            "Mira Doss said in an interview that the budget was cut.",
            Some("Mira Doss"),
            "said",
            "that the budget was cut",
            "cue-content",
        ),
        // Bracketed party labels between speaker and cue.
        (
            "Sen. Ines Varga (D-Ore.) said the bill would pass.",
            Some("Sen. Ines Varga (D-Ore.)"),
            "said",
            "the bill would pass",
            "cue-content",
        ),
        // Quotation introduced by a colon.
        (
            "Tavi Renn wrote: \"It is over.\"",
            Some("Tavi Renn"),
            "wrote",
            "\"It is over.\"",
            "cue-quote",
        ),
        // Inverted speaker with an appositive.
        (
            "\"It is over,\" said Odile Marsh, a former aide to the mayor.",
            Some("Odile Marsh"),
            "said",
            "\"It is over,\"",
            "quote-cue",
        ),
        // Sentence-initial inverted cue.
        (
            "Said Mira Doss, \"We will not move.\"",
            Some("Mira Doss"),
            "Said",
            "\"We will not move.\"",
            "cue-quote",
        ),
        // A stance verb beside its speaker.
        (
            "Tavi Renn criticized the budget plan.",
            Some("Tavi Renn"),
            "criticized",
            "the budget plan",
            "cue-content",
        ),
        // "is expected" keeps its subject; a plain passive has no speaker.
        (
            "The council is expected to approve the plan.",
            Some("The council"),
            "expected",
            "to approve the plan",
            "cue-content",
        ),
        (
            "The deal was reported to be close.",
            None,
            "reported",
            "to be close",
            "passive-cue",
        ),
        // A poll as the source.
        (
            "In a new poll, most voters favor the plan.",
            Some("a new poll"),
            "In a new poll",
            "most voters favor the plan",
            "in-source",
        ),
        // A colon before a quotation, with no reporting verb.
        (
            "Tavi Renn grinned: \"Not a chance.\"",
            Some("Tavi Renn"),
            ":",
            "\"Not a chance.\"",
            "colon-quote",
        ),
        // Headline colon.
        (
            "Odile Marsh: Talks Are Over",
            Some("Odile Marsh"),
            ":",
            "Talks Are Over",
            "colon",
        ),
        // Relative pronoun as the speaker.
        (
            "She met Tavi Renn, who said the rules had changed.",
            Some("who"),
            "said",
            "the rules had changed",
            "cue-content",
        ),
    ];
    for &(t, sp, cue, content, rule) in cases {
        let f = run(t);
        assert_eq!(f.len(), 1, "one attribution in {t:?}: {f:?}");
        assert_eq!(f[0].speaker.as_deref(), sp, "speaker in {t:?}");
        assert_eq!(f[0].cue, cue, "cue in {t:?}");
        assert_eq!(f[0].content, content, "content in {t:?}");
        assert_eq!(f[0].rule, rule, "rule in {t:?}");
    }
}

/// (text, cue, speaker, content) for the attribution with that cue, in
/// texts holding several.
#[test]
fn multi_table() {
    let cases: &[(&str, &str, Option<&str>, &str)] = &[
        // Split quotation around the speaker.
        (
            "\"We tried,\" Mira Doss said. \"Nobody listened.\"",
            "said",
            Some("Mira Doss"),
            "\"We tried,\" | \"Nobody listened.\"",
        ),
        (
            "\"We tried,\" Mira Doss said, \"and we failed.\"",
            "said",
            Some("Mira Doss"),
            "\"We tried,\" | \"and we failed.\"",
        ),
        // Coordinated cue: the subject of the sentence speaks.
        (
            "Tavi Renn praised the mayor and said the city would recover.",
            "said",
            Some("Tavi Renn"),
            "the city would recover",
        ),
        (
            "Tavi Renn praised the mayor and said the city would recover.",
            "praised",
            Some("Tavi Renn"),
            "the mayor",
        ),
        (
            "Odile Marsh left the hall, saying the vote was a sham.",
            "saying",
            Some("Odile Marsh"),
            "the vote was a sham",
        ),
        // A quotation paragraph continues after the cue's paragraph.
        (
            "Mira Doss said:\n\n\"The door is open.\n\n\"And it stays open.\"\n",
            "said",
            Some("Mira Doss"),
            "\"The door is open. | \"And it stays open.\"",
        ),
        // Doubled apostrophes as quotation marks.
        (
            "''We tried,'' Mira Doss said. ''Nobody listened.''",
            "said",
            Some("Mira Doss"),
            "''We tried,'' | ''Nobody listened.''",
        ),
        // An infinitive or gerund reporting verb speaks for the subject.
        (
            "Tavi Renn went on to say the plan was dead.",
            "say",
            Some("Tavi Renn"),
            "the plan was dead",
        ),
        (
            "Mira Doss ended the call by saying the vote was lost.",
            "saying",
            Some("Mira Doss"),
            "the vote was lost",
        ),
        // A new clause after a comma ends the content.
        (
            "Mira Doss said the vote was lost, and the crowd left the hall.",
            "said",
            Some("Mira Doss"),
            "the vote was lost",
        ),
        // A clausal stance verb keeps its whole clause.
        (
            "Tavi Renn hopes the council in the north will agree.",
            "hopes",
            Some("Tavi Renn"),
            "the council in the north will agree",
        ),
        // Speaker in the sentence after a whole-sentence quotation.
        (
            "\"The plan is dead.\" Tavi Renn said.",
            "said",
            Some("Tavi Renn"),
            "\"The plan is dead.\"",
        ),
    ];
    for &(t, cue, sp, content) in cases {
        let f = run(t);
        let a = f
            .iter()
            .find(|a| a.cue == cue)
            .unwrap_or_else(|| panic!("no cue {cue:?} in {t:?}: {f:?}"));
        assert_eq!(a.speaker.as_deref(), sp, "speaker in {t:?}");
        assert_eq!(a.content, content, "content in {t:?}");
    }
}

/// Words that look like cues but are not.
#[test]
fn not_cues() {
    let cases = [
        "The United States wants no part of it.",
        "She read the report on the train.",
        "He read the claims in the report.",
        "\"I think we won,\" was the headline.",
        "The claims were false.",
    ];
    for t in cases {
        let f = run(t);
        let cues: Vec<&str> = f.iter().map(|a| a.cue.as_str()).collect();
        assert!(
            !cues
                .iter()
                .any(|c| ["states", "report", "say", "think", "claims"]
                    .contains(&c.to_lowercase().as_str())),
            "{t:?}: {f:?}"
        );
    }
}

#[test]
fn pronoun_speaker_and_about() {
    let t = "Tavi Renn met Ms. Mira Doss. In return, Renn recalls, Doss wanted talks. Later he said Odile Marsh agreed.";
    let f = run(t);
    let last = f.iter().find(|a| a.cue == "said").unwrap();
    assert_eq!(last.actor.as_deref(), Some("Tavi Renn"));
    assert_eq!(last.about, ["Odile Marsh"]);
}

#[test]
fn relative_pronoun_resolves() {
    let t = "The panel heard from Tavi Renn, who said Mira Doss had resigned.";
    let f = run(t);
    let a = f.iter().find(|a| a.cue == "said").unwrap();
    assert_eq!(a.actor.as_deref(), Some("Tavi Renn"));
    assert_eq!(a.about, ["Mira Doss"]);
}

#[test]
fn colon_block() {
    let t = "Mira Doss wrote:\n\n\"The door is open.\"\n";
    let f = run(t);
    assert_eq!(f[0].content, "\"The door is open.\"");
    assert_eq!(f[0].rule, "cue-block");
}

/// Every example of every built-in data file holds, run through the
/// whole pipeline up to this stage; every file has one.
#[test]
fn data_file_examples() {
    let mut set = crate::words::DataSet::new();
    for (name, text) in DATA {
        set.add_builtin(name, text).unwrap();
    }
    let mut failed = Vec::new();
    for (name, _) in DATA {
        let file = set.get(name).unwrap();
        assert!(!file.examples().is_empty(), "{name} has no example");
        for ex in file.examples() {
            let t = ex.input();
            let (seg, ms, r) = analyse(t);
            let found = attribute(t, &seg, &ms, &r, lex());
            if let Err(e) = check_example(name, ex, &found) {
                failed.push(e);
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Every rule the code can return is documented in the module table.
#[test]
fn rules_documented() {
    let doc = include_str!("../mod.rs");
    for r in Rule::ALL {
        assert!(
            doc.contains(&format!("//! | `{r}` |")),
            "rule {r} missing from the docs table"
        );
    }
}

/// A cue as the very first token of a document has no token before it
/// (once an arithmetic underflow found by the property tests).
#[test]
fn cue_opening_the_document() {
    for t in [
        "said Ines Varga loudly and left",
        "Said Tavi Renn \"yes\"",
        "says",
    ] {
        let found = run(t);
        assert!(found.iter().all(|a| !a.cue.is_empty()), "{t:?}");
    }
}

/// Rules added for issue #3: (text, cue, speaker, content, rule) for the
/// attribution with that cue.
#[test]
fn recall_rules_table() {
    let cases: &[CueRow] = &[
        // A sentence-initial "Asked ...," is a cue with no source; the
        // question runs to the comma.
        (
            "Asked whether the dam would hold, Tavi Renn said no.",
            "Asked",
            None,
            "whether the dam would hold",
            "passive-cue",
        ),
        (
            "Asked by Mira Doss about the vote, Tavi Renn shrugged.",
            "Asked",
            Some("Mira Doss"),
            "about the vote",
            "passive-cue",
        ),
        // A headline in title case keeps its capitalised cue.
        (
            "Ines Varga Says Harbor Deal Is Dead.",
            "Says",
            Some("Ines Varga"),
            "Harbor Deal Is Dead",
            "cue-content",
        ),
        // A plain reporting verb after a long aside: the subject speaks.
        (
            "Odile Marsh, 61, a teacher who has lived in Varn for thirty years and who runs the choir there, said the school would close.",
            "said",
            Some("Odile Marsh"),
            "the school would close",
            "subject-cue",
        ),
        // More infinitives that speak for the subject.
        (
            "Tavi Renn went on radio to endorse the harbor plan.",
            "endorse",
            Some("Tavi Renn"),
            "the harbor plan",
            "coord-cue",
        ),
    ];
    check_cue_table(cases);
}

/// A capitalised cue word inside an ordinary sentence is a name, not a cue.
#[test]
fn capitalised_cue_outside_headline() {
    let f = run("The ferry was built by Rep. Hank Says in the old yard.");
    assert!(f.iter().all(|a| a.cue != "Says"), "{f:?}");
}

/// More rules for issue #3: (text, cue, speaker, content, rule).
#[test]
fn no_speaker_rules_table() {
    let cases: &[CueRow] = &[
        // An impression with nobody behind it.
        (
            "It seems the ferry will run late again.",
            "seems",
            None,
            "the ferry will run late again",
            "impersonal",
        ),
        // A subject that names no source: still an impression.
        (
            "Still, the harbor dispute seems to linger in Varn.",
            "seems",
            None,
            "the harbor dispute seems to linger in Varn",
            "impersonal",
        ),
        // A hearsay adverb with no reporting verb after it.
        (
            "Tavi Renn reportedly sold the mill in March.",
            "reportedly",
            None,
            "Tavi Renn | sold the mill in March",
            "adverb-cue",
        ),
        // An adjective of attitude after "be".
        (
            "Mira Doss is deeply skeptical of the harbor plan.",
            "skeptical",
            Some("Mira Doss"),
            "of the harbor plan",
            "adjective-cue",
        ),
        // A quantifier speaks for a verb form.
        (
            "The mill closed early, and some say the owners knew.",
            "say",
            Some("some"),
            "the owners knew",
            "cue-content",
        ),
        // A stance verb closing the sentence after a quotation.
        (
            "\"Why now?\" Tavi Renn questioned.",
            "questioned",
            Some("Tavi Renn"),
            "\"Why now?\"",
            "quote-cue",
        ),
        // "in his view": the cue runs to the noun.
        (
            "The harbor plan was a mistake in his view.",
            "in his view",
            Some("his view"),
            "The harbor plan was a mistake",
            "in-source",
        ),
        // "It" at a sentence's start speaks for a stance verb too.
        (
            "The audit came out in May. It accused the mill of fraud.",
            "accused",
            Some("It"),
            "the mill of fraud",
            "cue-content",
        ),
        // A one-word answer.
        (
            "Asked about the mill, everyone but Tavi Renn said yes.",
            "said",
            Some("Tavi Renn"),
            "yes",
            "cue-content",
        ),
        // A passive announcement.
        (
            "Mira Doss was declared the winner in Varn.",
            "declared",
            None,
            "the winner in Varn",
            "passive-cue",
        ),
    ];
    check_cue_table(cases);
}

/// A verb that continues the cue before it is no attribution of its own;
/// a reporting verb after "reportedly" keeps the adverb out.
#[test]
fn one_attribution_table() {
    let cases: &[(&str, &str)] = &[
        (
            "Tavi Renn is expected to endorse the harbor plan.",
            "expected",
        ),
        (
            "Mira Doss tweeted on Friday to say the vote was lost.",
            "tweeted",
        ),
        ("Odile Marsh reportedly said the mill was sold.", "said"),
        // A label before a colon is no speaker.
        ("UPDATE: Tavi Renn said the mill was sold.", "said"),
        // "would not say so": a one-word content.
        ("Tavi Renn would not say so.", "say"),
        // "In other words" names no source.
        ("In other words, Tavi Renn said the mill was sold.", "said"),
        // No "be" before the adjective: only the verb is a cue.
        (
            "Odile Marsh, eager for news, wrote that the mill was sold.",
            "wrote",
        ),
    ];
    for &(t, cue) in cases {
        let f = run(t);
        assert_eq!(f.len(), 1, "one attribution in {t:?}: {f:?}");
        assert_eq!(f[0].cue, cue, "cue in {t:?}: {f:?}");
    }
}

/// A quotation opening the sentence and a speaker phrase the rules cannot
/// read whole: the quotation is still the content of the cue.
#[test]
fn quotation_before_unread_speaker() {
    let t = "\"We fixed the roads,\" the tall, 71-year-old mayor said.";
    let f = run(t);
    let a = f.iter().find(|a| a.cue == "said").expect("a cue");
    assert_eq!(a.content, "\"We fixed the roads,\"");
    assert_eq!(a.rule, "quote-cue");
}

/// (text, blocked cue, its rule, a cue that still fires or ""): a cue word
/// listed in `data/blocked.txt` for a rule no longer fires by that rule,
/// while the other cues of the sentence still do.
#[test]
fn blocked_rule_cues() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "The measure was signed into law by Governor Tavi Renn on Friday.",
            "signed",
            "passive-cue",
            "",
        ),
        (
            "The plan was aimed at voters who feel left behind by Orla Penn.",
            "aimed",
            "passive-cue",
            "feel",
        ),
        (
            "Ines Varga met the mayor and spoke about the new harbour plan.",
            "spoke",
            "coord-cue",
            "",
        ),
        (
            "Orla Penn thinks the vote was close and shared a photo online.",
            "shared",
            "coord-cue",
            "thinks",
        ),
        (
            "Tavi Renn left the room and confirmed the deal with the union.",
            "confirmed",
            "coord-cue",
            "",
        ),
        (
            "Orla Penn is promoting the bill and showed a chart to the panel.",
            "showed",
            "coord-cue",
            "",
        ),
    ];
    let header: Vec<(&str, &str, &str, &str)> = data_examples(list_text("blocked.txt"))
        .into_iter()
        .map(|(text, want)| {
            let (rule, cue) = want.split_once(' ').expect("`rule form` after ->");
            (text, cue, rule, "")
        })
        .collect();
    assert!(!header.is_empty(), "blocked.txt has no example");
    for &(text, cue, rule, kept) in cases.iter().chain(&header) {
        assert!(
            lex().is_blocked(rule.parse::<Rule>().unwrap(), cue),
            "{cue:?} is not blocked for {rule}"
        );
        let f = run(text);
        assert!(
            !f.iter().any(|a| a.cue == cue && a.rule.as_str() == rule),
            "{text:?}: {cue:?} should not fire as {rule}: {f:?}"
        );
        if !kept.is_empty() {
            assert!(
                f.iter().any(|a| a.cue == kept),
                "{text:?}: {kept:?} lost: {f:?}"
            );
        }
    }
}

/// Credit lines and clock times before a colon name no speaker.
#[test]
fn colon_without_speaker_table() {
    let cases: &[&str] = &[
        "Contributing: Ines Varga and Tavi Renn",
        "BYLINE: Orla Penn",
        "11: 06 a.m. on the harbour page",
    ];
    for t in cases {
        let f = run(t);
        assert!(f.iter().all(|a| a.rule != "colon"), "{t:?}: {f:?}");
    }
}

/// (text, the one cue expected): a cue verb right after a reporting verb
/// and its one-word subject is part of the reported words.
#[test]
fn reported_inside_table() {
    let cases: &[(&str, &str)] = &[
        (
            "Ines Varga said she believes the harbour deal is dead.",
            "said",
        ),
        (
            "Tavi Renn says they want a second vote on the mill.",
            "says",
        ),
        ("The aides said Orla wants the budget cut in half.", "said"),
        (
            "Tavi Renn said on Monday that the union leaders hope for a deal.",
            "said",
        ),
        (
            "Orla Penn said the new mayor of Dunmore believes the mill is lost.",
            "said",
        ),
        ("Orla Penn said many voters expect a deal by June.", "said"),
        // A passive cue inside the reported words.
        (
            "Orla Penn says she has worked hard so she would not be accused of bias.",
            "says",
        ),
        (
            "Ines Varga says a tackle that used to be considered fair is now banned.",
            "says",
        ),
    ];
    for &(t, cue) in cases {
        let f = run(t);
        let cues: Vec<&str> = f.iter().map(|a| a.cue.as_str()).collect();
        assert_eq!(cues, [cue], "{t:?}: {f:?}");
    }
    // Speech within speech keeps both cues.
    let t = "Orla Penn said the new mayor of Dunmore said the mill is lost.";
    let cues: Vec<String> = run(t).into_iter().map(|a| a.cue).collect();
    assert_eq!(cues, ["said", "said"], "{t:?}");
}
