//! actorgraph reads news articles and answers "who is linked to whom".
//!
//! It finds the **actors** of a corpus (people, and organizations where they
//! act), resolves their aliases ("Vice President Dick Cheney", "Cheney" and
//! "he" are one actor), and links them two ways: **co-occurrence** (named in
//! the same sentence) and **attribution** (a speaker, linked to the actors
//! their words are about). Every link carries its evidence: the document
//! and byte span it was seen at.
//!
//! # A tour
//!
//! The pipeline has one module per stage; each imports only earlier ones.
//!
//! 1. [`ingest`]: files, directories, stdin; plain text, Markdown, HTML.
//!    Markup and boilerplate are blanked **in place**, so the body a
//!    document is analysed as has the same length as the text it was read
//!    from, and every later span is a byte span of the original file.
//! 2. [`segment`]: tokens, sentences (abbreviations and initials kept
//!    whole), paragraphs, quotations.
//! 3. [`mentions`]: names of people and organizations, read from
//!    capitalisation, word lists kept as data, titles ("Secretary of State")
//!    and cues ("X, 54, said"); and the pronouns that may refer to them.
//! 4. [`resolve`]: surnames and given names joined to full names, pronouns
//!    to their antecedents, the user's alias file applied.
//! 5. [`attribution`]: reporting cues ("said", "according to", "told") and
//!    quotations, with their speaker and content.
//! 6. [`graph`]: a petgraph graph of actors, built from per-document
//!    [`pipeline::DocRecord`]s.
//! 7. [`export`]: DOT, JSON, GraphML, GEXF, CSV and a self-contained HTML
//!    page.
//! 8. [`query`]: neighbours, paths, links with their evidence, rankings,
//!    reported speech, ego graphs.
//!
//! [`pipeline`] runs stages 2 to 5 on a document; [`span::Span`] is the
//! currency between them. Below every stage, [`words`] holds what they
//! share about words: the loader of the data files every word list is kept
//! in ([`words::DataSet`]), the one word table ([`words::WordTable`]) and
//! fast word maps. The lists themselves are owned by the
//! [`pipeline::Extractor`] ([`pipeline::Lexicons`]), so a caller can add
//! its own ([`pipeline::ExtractorBuilder::word_lists`]).
//!
//! ```
//! use actorgraph::{graph::{ActorGraph, GraphOptions}, ingest::Document, pipeline::Extractor};
//!
//! let text = "Ines Varga met Paulo Brandt in Lisbon. Varga said Brandt was tired.";
//! let doc = Document::from_text("note.txt", text);
//! let extractor = Extractor::new();
//! let record = extractor.extract(&doc);
//!
//! // Every span slices back to the words it names.
//! for m in &record.mentions {
//!     assert_eq!(&text[m.start..m.end], m.text);
//! }
//! // "Varga" is Ines Varga.
//! assert!(record.mentions.iter().any(|m| m.text == "Varga" && m.actor == "Ines Varga"));
//!
//! let mut graph = ActorGraph::new(GraphOptions::default());
//! graph.add_record(&record);
//! assert_eq!(graph.node_count(), 2);
//!
//! let mut dot = Vec::new();
//! actorgraph::export::dot::write(&graph, &mut dot).unwrap();
//! assert!(String::from_utf8(dot).unwrap().starts_with("digraph"));
//! ```

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod error;
pub mod span;
pub mod words;

pub mod attribution;
pub mod export;
pub mod graph;
pub mod ingest;
pub mod mentions;
pub mod pipeline;
pub mod query;
pub mod resolve;
pub mod segment;

pub use error::{Error, Result};
