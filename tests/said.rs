//! Issue 14: who said what, on constructions the seed articles showed
//! wrong or missing: each case in invented sentences of the same
//! construction, then the seed graph itself (from `../shared`, skipped
//! without it, required with `CI=true`).

mod common;

use actorgraph::ingest::Document;
use actorgraph::pipeline::{AttributionRecord, DocRecord, Extractor};
use common::tools::shared;

fn extract(text: &str) -> DocRecord {
    Extractor::new().extract(&Document::from_text("story.txt", text))
}

fn speaker_text(a: &AttributionRecord) -> &str {
    a.speaker.as_ref().map_or("", |s| s.text.as_str())
}

fn speaker_actor(a: &AttributionRecord) -> Option<&str> {
    a.speaker.as_ref().and_then(|s| s.actor.as_deref())
}

fn content_text(text: &str, a: &AttributionRecord) -> String {
    a.content
        .pieces()
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The actor ids of the record's mentions (so a test that an actor is not
/// `about` cannot pass because it was never found).
fn actors(r: &DocRecord) -> Vec<&str> {
    r.mentions.iter().map(|m| m.actor.as_str()).collect()
}

fn by<'r>(r: &'r DocRecord, actor: &str) -> Vec<&'r AttributionRecord> {
    r.attributions
        .iter()
        .filter(|a| speaker_actor(a) == Some(actor))
        .collect()
}

#[test]
fn according_to_apposition_is_not_about() {
    let text = "The harbour deal was signed in March, according to Tavi Renn, \
                then the chief negotiator of the Port Authority.\n";
    let r = extract(text);
    assert!(actors(&r).contains(&"Port Authority"), "{r:?}");
    let a = by(&r, "Tavi Renn");
    assert_eq!(a.len(), 1, "{r:?}");
    assert!(!a[0].about.iter().any(|x| x == "Port Authority"), "{a:?}");
    assert!(!content_text(text, a[0]).contains("negotiator"), "{a:?}");
}

#[test]
fn a_noun_source_is_the_source_and_a_name_inside_it_is_about() {
    let text = "The audit of harbour clerk Ines Varga by the board last year \
                revealed that the funds had been moved to a private account.\n";
    let r = extract(text);
    let a = r
        .attributions
        .iter()
        .find(|a| speaker_text(a).starts_with("The audit"))
        .unwrap_or_else(|| panic!("no attribution by the audit: {r:?}"));
    assert_eq!(speaker_actor(a), None, "{a:?}");
    assert!(a.about.iter().any(|x| x == "Ines Varga"), "{a:?}");
    assert!(by(&r, "Ines Varga").is_empty(), "{r:?}");
}

#[test]
fn a_biography_is_not_a_statement() {
    let text = "Orla Penn joined the Valley Herald in 2009. She has also written \
                for the Harbour Times and was a columnist for the Valley Post.\n";
    let r = extract(text);
    assert!(
        !r.attributions
            .iter()
            .any(|a| content_text(text, a).contains("Harbour Times")),
        "{r:?}"
    );
}

#[test]
fn an_inverted_group_source_takes_the_whole_clause() {
    let text = "The Port Authority is increasingly questioning the safety of the old \
                pier and moving to support the Dock Workers Union, said senior harbour \
                officials.\n";
    let r = extract(text);
    assert!(by(&r, "Port Authority").is_empty(), "{r:?}");
    let a = r
        .attributions
        .iter()
        .find(|a| speaker_text(a).contains("officials"))
        .unwrap_or_else(|| panic!("no attribution by the officials: {r:?}"));
    assert!(
        content_text(text, a).contains("Dock Workers Union"),
        "{a:?}"
    );
}

#[test]
fn reported_on_a_date_that() {
    let text = "Valley Radio reported on June 4, 2019, that the Port Authority was \
                calling for new cranes at the pier.\n";
    let r = extract(text);
    let a = by(&r, "Valley Radio");
    assert_eq!(a.len(), 1, "{r:?}");
    assert!(
        content_text(text, a[0]).starts_with("that the Port"),
        "{a:?}"
    );
    assert!(a[0].about.iter().any(|x| x == "Port Authority"), "{a:?}");
}

#[test]
fn a_colon_after_a_short_tail_opens_a_block_quotation() {
    let text = "Mira Doss, writing in the Harbour Review, had this to say about that:\n\n\
                The Port Authority has ignored Tavi Renn for years, and the pier is \
                falling apart.\n\n\
                The weather was fine on Sunday.\n";
    let r = extract(text);
    let a = by(&r, "Mira Doss");
    let block = a
        .iter()
        .find(|a| a.rule == "cue-block")
        .unwrap_or_else(|| panic!("no block by Mira Doss: {r:?}"));
    assert!(block.about.iter().any(|x| x == "Tavi Renn"), "{block:?}");
    assert!(!content_text(text, block).contains("weather"), "{block:?}");
}

#[test]
fn a_set_off_block_is_the_subjects_until_the_author_returns() {
    let text = "Ines Varga answered my post at length. She even came to believe that \
                the deal was fair, something no harbour clerk, of course, believes:\n\n\
                ... I met the Port Authority every month for two years to settle the \
                pier dispute.\n\n\
                From this I learned that the Dock Workers Union could not be left out \
                of any deal.\n\n\
                Ines Varga is among the most stubborn people I have read, and I will \
                not judge the Valley Council for listening to her.\n";
    let r = extract(text);
    let a = by(&r, "Ines Varga");
    let block = a
        .iter()
        .find(|a| a.rule == "cue-block")
        .unwrap_or_else(|| panic!("no block by Ines Varga: {r:?}"));
    let about = &block.about;
    assert!(about.iter().any(|x| x == "Port Authority"), "{block:?}");
    assert!(about.iter().any(|x| x == "Dock Workers Union"), "{block:?}");
    assert!(!about.iter().any(|x| x == "Valley Council"), "{block:?}");
    assert!(!content_text(text, block).contains("stubborn"), "{block:?}");
}

/// The seed articles: the wrong links of issue 14 absent, the missing ones
/// present.
#[test]
fn seed_links_of_issue_14() {
    let Some(dir) = shared("corpus/seeds") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("read the seeds")
        .map(|e| e.expect("a seed").path())
        .collect();
    paths.sort();
    let ex = Extractor::new();
    let mut links = Vec::new();
    for p in &paths {
        let doc = actorgraph::ingest::read_path(p).expect("read a seed");
        let r = ex.extract(&doc);
        for a in &r.attributions {
            if let Some(s) = speaker_actor(a) {
                for x in &a.about {
                    links.push((s.to_owned(), x.clone()));
                }
            }
        }
    }
    let has = |s: &str, x: &str| links.iter().any(|(a, b)| a == s && b == x);
    for (s, x) in [
        ("Flynt Leverett", "National Security Council"),
        ("Douglas Feith", "Larry Franklin"),
        ("Jeffrey Goldberg", "Jerusalem Post"),
        ("Obama", "Green Movement"),
    ] {
        assert!(!has(s, x), "wrong link {s} -> {x}");
    }
    for (s, x) in [
        ("ABC News", "Pentagon"),
        ("Abbas Milani", "Khamenei"),
        ("Abbas Milani", "Congress"),
        ("Abbas Milani", "Al Qaeda"),
        ("Hillary Mann Leverett", "Taliban"),
        ("Hillary Mann Leverett", "Al-Qa'ida"),
    ] {
        assert!(has(s, x), "missing link {s} -> {x}");
    }
}

#[test]
fn each_attribution_carries_its_cue_lemma_and_class() {
    let text = "Ines Varga denied that the mill was sold. Tavi Renn said the mill \
                was sold in May. Orla Penn accused Tavi Renn of hiding the sale.\n";
    let r = extract(text);
    let want = [
        ("Ines Varga", "deny", "denial"),
        ("Tavi Renn", "say", "report"),
        ("Orla Penn", "accuse", "accusation"),
    ];
    for (who, lemma, class) in want {
        let a = by(&r, who);
        assert!(
            a.iter()
                .any(|a| a.lemma.as_deref() == Some(lemma) && a.class.as_deref() == Some(class)),
            "{who}: {lemma} {class} in {a:?}"
        );
    }
}

#[test]
fn attribution_edges_count_their_cues_and_classes() {
    use actorgraph::graph::{ActorGraph, GraphOptions};
    let text = "Ines Varga said Tavi Renn sold the mill. Later Ines Varga said \
                again that Tavi Renn had sold it. Ines Varga accused Tavi Renn of \
                lying about the sale.\n";
    let r = extract(text);
    let mut g = ActorGraph::new(GraphOptions::default());
    g.add_record(&r);
    let j = actorgraph::export::json::to_json(&g);
    let e = j
        .edges
        .iter()
        .find(|e| {
            e.source == "Ines Varga" && e.target == "Tavi Renn" && e.kind.as_str() == "attribution"
        })
        .unwrap_or_else(|| panic!("no attribution edge: {j:?}"));
    assert_eq!(e.cues.get("say"), Some(&2), "{e:?}");
    assert_eq!(e.cues.get("accuse"), Some(&1), "{e:?}");
    assert_eq!(e.classes.get("report"), Some(&2), "{e:?}");
    assert_eq!(e.classes.get("accusation"), Some(&1), "{e:?}");
    // The counts survive the JSON round trip.
    let back = actorgraph::export::json::from_json(&j, GraphOptions::default()).expect("read back");
    assert_eq!(actorgraph::export::json::to_json(&back), j);
}

/// Issue 14's classes of the seed statements.
#[test]
fn seed_statement_classes() {
    let Some(dir) = shared("corpus/seeds") else {
        return;
    };
    let ex = Extractor::new();
    let mut seen = Vec::new();
    for e in std::fs::read_dir(&dir).expect("read the seeds") {
        let doc = actorgraph::ingest::read_path(&e.expect("a seed").path()).expect("read");
        let r = ex.extract(&doc);
        for a in &r.attributions {
            let cue: String = a
                .cue
                .pieces()
                .iter()
                .map(|s| doc.body[s.start..s.end].to_owned())
                .collect::<Vec<_>>()
                .join(" ");
            seen.push((speaker_actor(a).map(str::to_owned), cue, a.class.clone()));
        }
    }
    let class_of = |who: &str, cue: &str| {
        seen.iter()
            .filter(|(s, c, _)| s.as_deref() == Some(who) && c == cue)
            .map(|(_, _, k)| k.clone())
            .collect::<Vec<_>>()
    };
    for (who, cue, class) in [
        ("Flynt Leverett", "recalls", "report"),
        ("Lawrence Wilkerson", "says", "report"),
        ("Lawrence Wilkerson", "told", "report"),
        ("Hillary Mann Leverett", "denies", "denial"),
    ] {
        let got = class_of(who, cue);
        assert!(!got.is_empty(), "no {cue:?} by {who}");
        assert!(
            got.iter().all(|k| k.as_deref() == Some(class)),
            "{who} {cue:?}: {got:?}"
        );
    }
}

#[test]
fn a_content_runs_over_the_sentences_of_its_quotation() {
    let text = "Tavi Renn said that \"the mill is sold. It closes in May. Nobody was \
                told.\" The board met on Monday.\n";
    let r = extract(text);
    let a = by(&r, "Tavi Renn");
    assert_eq!(a.len(), 1, "{r:?}");
    let c = content_text(text, a[0]);
    assert!(c.contains("Nobody was told"), "{c:?}");
    assert!(!c.contains("board"), "{c:?}");
}

#[test]
fn a_content_is_not_cut_at_a_hyphenated_title() {
    let text = "Orla Penn said the vote was backed by then-Sen. Ines Varga and the mayor.\n";
    let r = extract(text);
    let a = by(&r, "Orla Penn");
    assert_eq!(a.len(), 1, "{r:?}");
    assert!(content_text(text, a[0]).ends_with("the mayor"), "{a:?}");
}

#[test]
fn a_parenthetical_cue_takes_the_clause_around_it() {
    let text = "That plan, they said, would close the harbour mill by May.\n";
    let r = extract(text);
    let a = r
        .attributions
        .iter()
        .find(|a| speaker_text(a) == "they")
        .unwrap_or_else(|| panic!("no attribution by they: {r:?}"));
    let c = content_text(text, a);
    assert!(c.starts_with("That plan"), "{c:?}");
    assert!(c.contains("close the harbour mill"), "{c:?}");
}

#[test]
fn a_line_of_several_stance_verbs_gives_each_its_own_lemma() {
    let text = "Surveys show the harbour plan is popular.\n";
    let r = extract(text);
    let a = &r.attributions;
    assert!(
        a.iter()
            .any(|a| a.lemma.as_deref() == Some("show") && a.class.as_deref() == Some("report")),
        "{r:?}"
    );
}

#[test]
fn sources_that_are_no_names_keep_their_span_and_a_class() {
    let text = "The audit of the harbour board revealed that the funds were gone. \
                The mill will close, said senior harbour officials. Tavi Renn said \
                the pier was safe. She said the vote was close.\n";
    let r = extract(text);
    let class_of = |who: &str| {
        r.attributions
            .iter()
            .find(|a| speaker_text(a).starts_with(who))
            .unwrap_or_else(|| panic!("no attribution by {who}: {r:?}"))
            .source
            .clone()
    };
    assert_eq!(class_of("The audit").as_deref(), Some("document"));
    assert_eq!(
        class_of("senior harbour officials").as_deref(),
        Some("group")
    );
    assert_eq!(class_of("Tavi Renn").as_deref(), Some("name"));
    assert_eq!(class_of("She").as_deref(), Some("pronoun"));
}

#[test]
fn each_attribution_carries_its_rules_measured_confidence() {
    let text = "\"The mill is sold,\" Tavi Renn said. Orla Penn said the pier was safe.\n";
    let r = extract(text);
    let lex = actorgraph::attribution::Lexicon::builtin();
    assert!(!r.attributions.is_empty(), "{r:?}");
    for a in &r.attributions {
        let rule: actorgraph::attribution::Rule = a.rule.parse().expect("a rule name");
        assert_eq!(a.confidence, lex.confidence(rule), "{a:?}");
        assert!(a.confidence.is_some_and(|c| c <= 100), "{a:?}");
    }
    // Rules differ: a quotation's attribution is surer than a bare clause's.
    let conf = |rule: &str| {
        r.attributions
            .iter()
            .find(|a| a.rule == rule)
            .and_then(|a| a.confidence)
    };
    assert!(conf("quote-cue") > conf("cue-content"), "{r:?}");
}
