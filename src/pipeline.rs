//! Running the stages on one document, and the per-document record.
//!
//! An [`Extractor`] is built once by an [`ExtractorBuilder`] and is then
//! immutable and `Sync`: share it between threads and call
//! [`Extractor::extract`] on any number of documents at once. Its output, a
//! [`DocRecord`], is the per-document JSON Lines record that
//! `actorgraph extract` prints and `../shared/eval/CONTRACT.md` specifies;
//! the graph is built from records alone.
//!
//! A document longer than the extractor's part size (8 MB unless
//! [`ExtractorBuilder::part_bytes`] says otherwise) is analysed in parts
//! cut at paragraph breaks, to bound memory: see [`part_ranges`] and
//! [`Extractor::analyze_parts`].

mod parts;
pub use parts::{part_ranges, MIN_PART_BYTES, PART_BYTES};

use crate::attribution::{self, attribute, Attribution};
use crate::ingest::{DocMeta, Document, Encoding, Format};
use crate::mentions::{detect, ActorKind, Mention, Via};
use crate::resolve::{resolve, AliasTable, Resolution};
use crate::segment::{segment_with, Segmentation};
use crate::span::Span;
use crate::words::{DataError, DataSet, Example};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The word lists of every stage, loaded from one [`DataSet`].
///
/// The built-in lists are [`Lexicons::builtin`] (loaded once per process
/// and shared); a user's own lists are added with
/// [`ExtractorBuilder::word_lists`].
#[derive(Clone, Debug)]
pub struct Lexicons {
    /// The sentence splitter's lists (abbreviations).
    pub segment: Arc<crate::segment::Lexicon>,
    /// Mention detection's lists (titles, given names, organization words...).
    pub mentions: Arc<crate::mentions::Lexicon>,
    /// The resolver's lists.
    pub resolve: Arc<crate::resolve::Lexicon>,
    /// Attribution's lists (cues, stance verbs, sources...).
    pub attribution: Arc<attribution::Lexicon>,
}

impl Lexicons {
    /// The built-in data files of every stage.
    pub fn builtin_data() -> DataSet {
        let mut set = DataSet::new();
        let files = crate::segment::DATA
            .iter()
            .chain(crate::mentions::DATA)
            .chain(crate::resolve::DATA)
            .chain(attribution::DATA);
        for (name, text) in files {
            set.add_builtin(name, text)
                .expect("the built-in data files are checked by the tests");
        }
        set
    }

    /// Every stage's lexicon, loaded from `data`.
    pub fn load(data: &DataSet) -> Result<Lexicons, DataError> {
        Ok(Lexicons {
            segment: Arc::new(crate::segment::Lexicon::load(data)?),
            mentions: Arc::new(crate::mentions::Lexicon::load(data)?),
            resolve: Arc::new(crate::resolve::Lexicon::load(data)?),
            attribution: Arc::new(attribution::Lexicon::load(data)?),
        })
    }

    /// The built-in lexicons, loaded on first use and shared by every
    /// extractor that does not bring its own.
    pub fn builtin() -> Lexicons {
        static BUILTIN: OnceLock<Lexicons> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Lexicons::load(&Lexicons::builtin_data())
                    .expect("the built-in data files are checked by the tests")
            })
            .clone()
    }
}

impl Default for Lexicons {
    fn default() -> Lexicons {
        Lexicons::builtin()
    }
}

/// Builds an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    aliases: AliasTable,
    lexicons: Option<Lexicons>,
    part_bytes: Option<usize>,
}

impl ExtractorBuilder {
    /// A builder with no alias file and the built-in word lists.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Use this alias table to rename, merge or drop actors.
    pub fn aliases(mut self, aliases: AliasTable) -> ExtractorBuilder {
        self.aliases = aliases;
        self
    }

    /// Use these word lists instead of the built-in ones.
    pub fn lexicons(mut self, lexicons: Lexicons) -> ExtractorBuilder {
        self.lexicons = Some(lexicons);
        self
    }

    /// Add a user's word lists to the built-in ones: every `.txt` file
    /// in `dir` (as `dir/stage/file.txt`, or `dir/file.txt` where the
    /// name is unambiguous) adds its lines to the built-in file of that
    /// name (see [`DataSet::add_dir`]). The user's lines are checked as the
    /// built-in ones are (no repeats, well-formed), and so are the
    /// examples in the user's files: an example that does not hold is an
    /// error naming its file and line.
    pub fn word_lists(mut self, dir: &Path) -> Result<ExtractorBuilder, crate::Error> {
        let mut data = Lexicons::builtin_data();
        data.add_dir(dir)?;
        let lexicons = Lexicons::load(&data)?;
        let probe = Extractor {
            aliases: AliasTable::default(),
            lexicons: lexicons.clone(),
            part_bytes: None,
        };
        for (file, example) in data.user_examples() {
            probe
                .check_example(file.name(), example)
                .map_err(|reason| DataError::Example {
                    location: example.location(),
                    reason,
                })?;
        }
        self.lexicons = Some(lexicons);
        Ok(self)
    }

    /// Analyse documents longer than `bytes` in parts of at most `bytes`
    /// (at least [`MIN_PART_BYTES`]; the default is [`PART_BYTES`]): see
    /// [`Extractor::analyze_parts`].
    pub fn part_bytes(mut self, bytes: usize) -> ExtractorBuilder {
        self.part_bytes = Some(bytes.max(MIN_PART_BYTES));
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        Extractor {
            aliases: self.aliases,
            lexicons: self.lexicons.unwrap_or_default(),
            part_bytes: self.part_bytes,
        }
    }
}

/// Runs segmentation, mention detection, resolution and attribution.
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    aliases: AliasTable,
    lexicons: Lexicons,
    /// The part size, when not [`PART_BYTES`].
    part_bytes: Option<usize>,
}

/// Everything the stages found in one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Paragraphs, sentences, tokens, quotations.
    pub segmentation: Segmentation,
    /// Mentions of people and organizations, pronouns included.
    pub mentions: Vec<Mention>,
    /// The document's actors and the actor of each mention.
    pub resolution: Resolution,
    /// Reported statements.
    pub attributions: Vec<Attribution>,
}

impl Extractor {
    /// An extractor with default settings.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Run every stage on a document, whole (whatever its length; see
    /// [`Extractor::analyze_parts`]).
    pub fn analyze(&self, doc: &Document) -> Analysis {
        self.analyze_text(doc.body.as_str())
    }

    /// The longest document [`Extractor::analyze_parts`] analyses whole,
    /// and the most bytes of its parts otherwise.
    pub fn part_bytes(&self) -> usize {
        self.part_bytes.unwrap_or(PART_BYTES)
    }

    /// Run every stage on a document and call `f` with what they found:
    /// once, with [`Extractor::analyze`]'s analysis, for a document of at
    /// most [`Extractor::part_bytes`]; for a longer one, once per part
    /// ([`part_ranges`]), in text order, each part analysed on its own and
    /// [`Analysis::shift`]ed so that its spans slice the whole document.
    /// Returns the number of parts. Only one part's analysis is held at a
    /// time: memory is bounded by the part size, not the document's.
    pub fn analyze_parts(&self, doc: &Document, mut f: impl FnMut(&Analysis)) -> usize {
        let body = doc.body.as_str();
        if body.len() <= self.part_bytes() {
            f(&self.analyze_text(body));
            return 1;
        }
        let ranges = part_ranges(body, self.part_bytes());
        for r in &ranges {
            let mut a = self.analyze_text(&body[r.clone()]);
            a.shift(r.start);
            f(&a);
        }
        ranges.len()
    }

    /// Run every stage on a text.
    fn analyze_text(&self, text: &str) -> Analysis {
        let lex = &self.lexicons;
        let segmentation = segment_with(text, &lex.segment);
        let mentions = detect(text, &segmentation, &lex.mentions);
        let resolution = resolve(
            text,
            &segmentation,
            &mentions,
            &self.aliases,
            &lex.mentions,
            &lex.resolve,
        );
        let attributions = attribute(
            text,
            &segmentation,
            &mentions,
            &resolution,
            &lex.attribution,
        );
        Analysis {
            segmentation,
            mentions,
            resolution,
            attributions,
        }
    }

    /// Whether `example`, an example line of the data file `file`
    /// (`stage/name.txt`), holds: its sentence is analysed and the stage
    /// that owns the file judges what it found. The error says what was
    /// found instead.
    pub fn check_example(&self, file: &str, example: &Example) -> Result<(), String> {
        let doc = Document::from_text("example", example.input());
        let a = self.analyze(&doc);
        let text = doc.body.as_str();
        match file.split_once('/').map(|(stage, _)| stage) {
            Some("segment") => crate::segment::check_example(file, example, &a.segmentation),
            Some("mentions") => crate::mentions::check_example(file, example, text, &a.mentions),
            Some("resolve") => {
                crate::resolve::check_example(file, example, &a.mentions, &a.resolution)
            }
            Some("attribution") => attribution::check_example(file, example, &a.attributions),
            _ => Err(format!("no stage reads the data file {file:?}")),
        }
    }

    /// The alias table this extractor applies.
    pub fn aliases(&self) -> &AliasTable {
        &self.aliases
    }

    /// The word lists this extractor uses.
    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    /// Run every stage and return the document's record: for a document
    /// longer than [`Extractor::part_bytes`], the record of its parts
    /// ([`Extractor::analyze_parts`]) appended into one ([`DocRecord::append`];
    /// a paragraph cut between two parts is one), as `actorgraph extract`
    /// writes it.
    pub fn extract(&self, doc: &Document) -> DocRecord {
        let mut rec: Option<DocRecord> = None;
        let mut paragraphs = 0;
        self.analyze_parts(doc, |a| {
            let part = DocRecord::new(doc, a);
            let count = a.segmentation.paragraphs.len();
            match &mut rec {
                None => rec = Some(part),
                Some(rec) => {
                    let shared = usize::from(a.continues_paragraph(&doc.body) && paragraphs > 0);
                    rec.append(part, paragraphs - shared);
                    paragraphs -= shared;
                }
            }
            paragraphs += count;
        });
        // `analyze_parts` calls back once at least.
        rec.unwrap_or_else(|| DocRecord::new(doc, &self.analyze(doc)))
    }
}

/// A mention in a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words, as in the document.
    pub text: String,
    /// The actor's id.
    pub actor: String,
    /// `person` or `organization`.
    pub kind: ActorKind,
    /// `name`, `pronoun` or `nominal`.
    pub via: Via,
    /// Index of its sentence in the document.
    pub sentence: usize,
    /// Index of its paragraph in the document.
    pub paragraph: usize,
}

/// A span in a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<Span> for SpanRecord {
    fn from(s: Span) -> SpanRecord {
        SpanRecord {
            start: s.start,
            end: s.end,
        }
    }
}

/// One span, or several for a discontinuous cue or content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Spans {
    /// A single span.
    One(SpanRecord),
    /// Several pieces in text order.
    Many(Vec<SpanRecord>),
}

impl Spans {
    fn new(spans: &[Span]) -> Spans {
        match spans {
            [one] => Spans::One((*one).into()),
            many => Spans::Many(many.iter().map(|&s| s.into()).collect()),
        }
    }

    /// The pieces, borrowed.
    pub fn as_slice(&self) -> &[SpanRecord] {
        match self {
            Spans::One(s) => std::slice::from_ref(s),
            Spans::Many(v) => v,
        }
    }

    /// The pieces.
    pub fn pieces(&self) -> Vec<SpanRecord> {
        match self {
            Spans::One(s) => vec![*s],
            Spans::Many(v) => v.clone(),
        }
    }
}

/// The speaker of an attribution in a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words naming the source.
    pub text: String,
    /// The actor it resolves to, if any.
    pub actor: Option<String>,
}

/// An attribution in a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionRecord {
    /// Who said it (`null` where the text names nobody).
    pub speaker: Option<SpeakerRecord>,
    /// The reporting words.
    pub cue: Spans,
    /// What was said.
    pub content: Spans,
    /// The actors mentioned in the content.
    pub about: Vec<String>,
    /// The rule that found it.
    pub rule: String,
    /// Index of the cue's sentence.
    pub sentence: usize,
    /// The lemma of the cue (`said` -> `say`), when the cue lists know it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lemma: Option<String>,
    /// What kind of statement (`report`, `denial`, `accusation`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// What kind of source the speaker is: `name`, `pronoun`, `document`
    /// (a report, a poll) or `group` (officials, an unnamed source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its rule's precision measured on PolNeAR train, in per cent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
}

/// Sentence and paragraph boundaries in a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its paragraph's index.
    pub paragraph: usize,
}

/// The per-document output of `actorgraph extract` (see
/// `../shared/eval/CONTRACT.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    /// The document's path as given.
    pub doc: String,
    /// How the bytes were decoded; spans are byte offsets into the file
    /// only for `utf-8`, otherwise into the decoded text.
    pub encoding: Encoding,
    /// The markup the document was read as.
    pub format: Format,
    /// Mentions in text order.
    pub mentions: Vec<MentionRecord>,
    /// Attributions in text order of their cue.
    pub attributions: Vec<AttributionRecord>,
    /// Sentences.
    pub sentences: Vec<SentenceRecord>,
    /// The document's id, date, outlet and origin (nothing for a plain
    /// file, so its record is as `CONTRACT.md` shows).
    #[serde(flatten)]
    pub meta: DocMeta,
}

impl DocRecord {
    /// The record of an analysed document.
    pub fn new(doc: &Document, a: &Analysis) -> DocRecord {
        let text = &doc.body;
        let seg = &a.segmentation;
        let para_of = |s: usize| seg.sentences.get(s).map_or(0, |x| x.paragraph);
        // Room for every mention: most have an actor.
        let mut mentions = Vec::with_capacity(a.mentions.len());
        mentions.extend(a.mentions.iter().enumerate().filter_map(|(i, m)| {
            let actor = a.resolution.actor_of(i)?;
            Some(MentionRecord {
                start: m.span.start,
                end: m.span.end,
                text: m.text(text).to_owned(),
                actor: actor.id.clone(),
                kind: actor.kind,
                via: m.via,
                sentence: m.sentence,
                paragraph: para_of(m.sentence),
            })
        }));
        let id = |x: usize| a.resolution.actors[x].id.clone();
        let attributions = a
            .attributions
            .iter()
            .map(|at| AttributionRecord {
                speaker: at.speaker.as_ref().map(|s| SpeakerRecord {
                    start: s.span.start,
                    end: s.span.end,
                    text: s.span.slice(text).to_owned(),
                    actor: s.actor.map(id),
                }),
                cue: Spans::new(&at.cue),
                content: Spans::new(&at.content),
                about: at.about.iter().map(|&x| id(x)).collect(),
                rule: at.rule.as_str().to_owned(),
                sentence: at.sentence,
                lemma: at.lemma.as_deref().map(str::to_owned),
                class: at.class.map(|c| c.as_str().to_owned()),
                source: at.source.map(|c| c.as_str().to_owned()),
                confidence: at.confidence,
            })
            .collect();
        let sentences = seg
            .sentences
            .iter()
            .map(|s| SentenceRecord {
                start: s.span.start,
                end: s.span.end,
                paragraph: s.paragraph,
            })
            .collect();
        DocRecord {
            doc: doc.name.clone(),
            encoding: doc.encoding,
            format: doc.format,
            mentions,
            attributions,
            sentences,
            meta: doc.meta.clone(),
        }
    }
}
