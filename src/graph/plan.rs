//! [`RecordPlan`]: one document's contribution to a graph, worked out
//! from its record (or straight from the stages' output) alone.

use super::evidence::SpanList;
use super::{
    source_id, source_words, Confidence, DocSource, EdgeKind, GraphOptions, Window, LIST_REACH,
    MAX_WINDOW_ACTORS,
};
use crate::attribution::{SourceClass, StatementClass};
use crate::mentions::{ActorKind, Via};
use crate::pipeline::DocRecord;
use rustc_hash::FxHashMap;

/// A link's count of one (cue lemma, statement class) pair.
pub(super) type CueCount = (Option<Box<str>>, Option<&'static str>, u64);

/// Count `n` more statements of cue `lemma` and `class` in `cues`.
pub(super) fn add_cue(
    cues: &mut Vec<CueCount>,
    lemma: Option<&str>,
    class: Option<&'static str>,
    n: u64,
) {
    match cues
        .iter_mut()
        .find(|(l, c, _)| l.as_deref() == lemma && *c == class)
    {
        Some((_, _, m)) => *m = m.saturating_add(n),
        None => cues.push((lemma.map(Box::from), class, n)),
    }
}

/// An attribution's cue lemma, statement class and confidence, as a link
/// counts them.
type Cue<'a> = (Option<&'a str>, Option<&'static str>, Option<u8>);

/// Whether an attribution of confidence `c` makes links under `options`
/// (`--min-confidence`: one with no confidence only when that is 0).
fn confident(c: Option<u8>, options: &GraphOptions) -> bool {
    options.min_confidence == 0 || c.is_some_and(|c| c >= options.min_confidence)
}

/// Does a speaker of this source class, with no actor, get a node of its
/// own under `--anonymous-sources`? Groups and documents do; a pronoun
/// left unresolved does not.
fn anonymous(source: Option<SourceClass>) -> bool {
    matches!(source, Some(SourceClass::Group | SourceClass::Document))
}

/// Folding the plans of a document's parts into one.
mod parts;

/// One document's contribution to a graph (its actors, and its links with
/// their weights and evidence), worked out from its record alone. Workers
/// make these in parallel; [`ActorGraph::add_plan`](super::ActorGraph::add_plan) then only looks up
/// nodes and edges and adds counts, so the one thread growing the graph
/// does little per document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordPlan {
    /// The document: its id, file, date, outlets and copies.
    pub(super) source: DocSource,
    /// Every actor id and name of the plan, end to end (one allocation
    /// per document, not one per name); [`PlanActor`] and `aliases` hold
    /// ranges into it.
    pub(super) names: String,
    /// Distinct actors (by id) in order of first mention.
    pub(super) actors: Vec<PlanActor>,
    /// The names of all actors, as ranges into `names`: each actor's
    /// names together, once each, sorted.
    pub(super) aliases: Vec<(u32, u32)>,
    /// Distinct links in order of first sighting.
    pub(super) links: Vec<PlanLink>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PlanActor {
    /// Its id: a range of [`RecordPlan::names`].
    pub(super) id: (u32, u32),
    /// The kind of its first mention.
    pub(super) kind: ActorKind,
    pub(super) mentions: u64,
    /// Names it goes by here: a range of [`RecordPlan::aliases`].
    pub(super) aliases: (u32, u32),
}

impl RecordPlan {
    /// The text of a range of [`RecordPlan::names`].
    pub(super) fn name(&self, (start, end): (u32, u32)) -> &str {
        &self.names[start as usize..end as usize]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PlanLink {
    /// Actors (indices into `actors`); co-occurrence links run from the
    /// smaller id to the larger.
    pub(super) a: u32,
    pub(super) b: u32,
    pub(super) kind: EdgeKind,
    pub(super) weight: u64,
    /// The smallest evidence spans, sorted, at most the evidence cap.
    pub(super) spans: SpanList,
    /// Attribution links: (cue lemma, class, count), each pair once.
    pub(super) cues: Vec<CueCount>,
    /// Attribution links: their attributions' confidence.
    pub(super) confidence: Confidence,
}

/// An actor as a mention or attribution names it: its id, and its index
/// in the caller's list of the document's actors when there is one (the
/// id is then looked up once per actor, not once per mention).
#[derive(Clone, Copy)]
struct ActorRef<'a> {
    id: &'a str,
    source: Option<usize>,
}

impl<'a> ActorRef<'a> {
    fn id(id: &'a str) -> ActorRef<'a> {
        ActorRef { id, source: None }
    }
}

/// The speaker of an attribution as a plan sees it: an actor, or (with
/// `--anonymous-sources`) an unnamed or group source, by its node id and
/// its words.
#[derive(Clone, Copy)]
enum SpeakerRef<'a> {
    Actor(ActorRef<'a>),
    Source { id: &'a str, words: &'a str },
}

/// What a plan needs of one mention.
struct MentionView<'a> {
    actor: ActorRef<'a>,
    kind: ActorKind,
    via: Via,
    text: &'a str,
    sentence: usize,
    paragraph: usize,
}

impl RecordPlan {
    /// The contribution of `rec` to a graph built with `options`.
    pub fn new(rec: &DocRecord, options: &GraphOptions) -> RecordPlan {
        let mentions = rec.mentions.iter().map(|m| MentionView {
            actor: ActorRef::id(&m.actor),
            kind: m.kind,
            via: m.via,
            text: &m.text,
            sentence: m.sentence,
            paragraph: m.paragraph,
        });
        let source = DocSource::from_meta(&rec.doc, &rec.meta, options.period);
        // The node (id, words) of each unnamed or group speaker, when asked for.
        let sources: Vec<Option<(String, String)>> = rec
            .attributions
            .iter()
            .map(|at| {
                let sp = at.speaker.as_ref().filter(|sp| sp.actor.is_none())?;
                let class = match at.source.as_deref() {
                    Some("group") => SourceClass::Group,
                    Some("document") => SourceClass::Document,
                    _ => return None,
                };
                (options.anonymous_sources && anonymous(Some(class)))
                    .then(|| (source_id(&sp.text, &source.id), source_words(&sp.text)))
            })
            .collect();
        let attributions = rec
            .attributions
            .iter()
            .zip(&sources)
            .filter_map(|(at, named)| {
                let sp = at.speaker.as_ref()?;
                if !confident(at.confidence, options) {
                    return None;
                }
                let speaker = match (sp.actor.as_deref(), named) {
                    (Some(x), _) => SpeakerRef::Actor(ActorRef::id(x)),
                    (None, Some((id, words))) => SpeakerRef::Source { id, words },
                    (None, None) => return None,
                };
                let mut span = (sp.start, sp.end);
                for p in at.cue.as_slice().iter().chain(at.content.as_slice()) {
                    span = (span.0.min(p.start), span.1.max(p.end));
                }
                let class = at
                    .class
                    .as_deref()
                    .and_then(|c| c.parse::<StatementClass>().ok())
                    .map(StatementClass::as_str);
                Some((
                    speaker,
                    span,
                    (at.lemma.as_deref(), class, at.confidence),
                    at.about.iter().map(|x| ActorRef::id(x)),
                ))
            });
        let sentence = |i: usize| {
            rec.sentences
                .get(i)
                .map(|s| ((s.start, s.end), s.paragraph))
        };
        let sizes = (rec.mentions.len(), rec.mentions.len());
        let no_sources = |_: usize| std::iter::empty();
        RecordPlan::build(
            source,
            sizes,
            (mentions, attributions),
            (sentence, no_sources),
            options,
        )
    }

    /// The same plan as [`RecordPlan::new`] of the document's record
    /// (`DocRecord::new(doc, analysis)`), made straight from the analysis,
    /// without copying out every mention's text and actor id.
    pub fn from_analysis(
        doc: &crate::ingest::Document,
        a: &crate::pipeline::Analysis,
        options: &GraphOptions,
    ) -> RecordPlan {
        let seg = &a.segmentation;
        let actors = &a.resolution.actors;
        // The paragraph only when the window is one.
        let paragraphs = options.window == Window::Paragraph;
        let para_of = |s: usize| seg.sentences.get(s).map_or(0, |x| x.paragraph);
        let actor = |x: usize| ActorRef {
            id: &actors[x].id,
            source: Some(x),
        };
        let mentions = a.mentions.iter().enumerate().filter_map(|(i, m)| {
            let x = a.resolution.actor_index(i)?;
            Some(MentionView {
                actor: actor(x),
                kind: actors[x].kind,
                via: m.via,
                // Not read: the names come from the actors' aliases.
                text: "",
                sentence: m.sentence,
                paragraph: if paragraphs { para_of(m.sentence) } else { 0 },
            })
        });
        let source = DocSource::of(doc, options.period);
        // The node (id, words) of each unnamed or group speaker, when asked
        // for (none made otherwise).
        let sources: Vec<Option<(String, String)>> = if options.anonymous_sources {
            a.attributions
                .iter()
                .map(|at| {
                    let sp = at.speaker.as_ref().filter(|sp| sp.actor.is_none())?;
                    let text = sp.span.slice(&doc.body);
                    anonymous(at.source).then(|| (source_id(text, &source.id), source_words(text)))
                })
                .collect()
        } else {
            Vec::new()
        };
        let attributions = a.attributions.iter().enumerate().filter_map(|(i, at)| {
            let sp = at.speaker.as_ref()?;
            if !confident(at.confidence, options) {
                return None;
            }
            let speaker = match (sp.actor, sources.get(i).and_then(Option::as_ref)) {
                (Some(x), _) => SpeakerRef::Actor(actor(x)),
                (None, Some((id, words))) => SpeakerRef::Source { id, words },
                (None, None) => return None,
            };
            let mut span = (sp.span.start, sp.span.end);
            for p in at.cue.iter().chain(&at.content) {
                span = (span.0.min(p.start), span.1.max(p.end));
            }
            let cue = (
                at.lemma.as_deref(),
                at.class.map(StatementClass::as_str),
                at.confidence,
            );
            Some((speaker, span, cue, at.about.iter().map(move |&x| actor(x))))
        });
        // An actor's aliases are the texts of its mentions by name.
        let aliases = |x: usize| actors[x].aliases.iter().map(String::as_str);
        let sentence = |i: usize| {
            seg.sentences
                .get(i)
                .map(|s| ((s.span.start, s.span.end), s.paragraph))
        };
        let sizes = (a.resolution.actors.len(), a.mentions.len());
        RecordPlan::build(
            source,
            sizes,
            (mentions, attributions),
            (sentence, aliases),
            options,
        )
    }

    /// The plan of a document given (at most) how many actors and mentions
    /// it has (to size the tables), its mentions (in text order) and its
    /// attributions with a speaker (speaker, evidence span, actors spoken
    /// about), its sentences by index (span, paragraph), and the names of
    /// the caller's actors by index (mentions naming an actor by index
    /// give no names of their own).
    fn build<'a, M, A, T, N>(
        source: DocSource,
        (actor_count, mention_count): (usize, usize),
        (mentions, attributions): (M, A),
        (sentence, names_of): (
            impl Fn(usize) -> Option<((usize, usize), usize)>,
            impl Fn(usize) -> N,
        ),
        options: &GraphOptions,
    ) -> RecordPlan
    where
        M: Iterator<Item = MentionView<'a>>,
        A: Iterator<Item = (SpeakerRef<'a>, (usize, usize), Cue<'a>, T)>,
        T: Iterator<Item = ActorRef<'a>>,
        N: Iterator<Item = &'a str>,
    {
        let mut tally = Tally::with_capacity(actor_count, mention_count);
        for m in mentions {
            tally.count(m, options);
        }
        tally.add_names(names_of);
        let mut links = Links::with_capacity(mention_count, options.max_evidence);
        links.cooccurrences(&mut tally.by_window, &tally.actors, sentence, options);
        // Attribution: speaker -> about.
        let mut targets: Vec<u32> = Vec::new();
        for (speaker, span, cue, about) in attributions {
            let s = match speaker {
                SpeakerRef::Actor(r) => match tally.find(r) {
                    Some(s) => s,
                    None => continue,
                },
                SpeakerRef::Source { id, words } => {
                    // A source's node only when it spoke about someone.
                    targets.clear();
                    targets.extend(about.filter_map(|t| tally.find(t)));
                    if targets.is_empty() {
                        continue;
                    }
                    let s = tally.source(id, words);
                    for &t in &targets {
                        let i = links.add(s, t, EdgeKind::Attribution, span);
                        links.count_cue(i, cue);
                    }
                    continue;
                }
            };
            for target in about {
                if let Some(t) = tally.find(target) {
                    if t != s {
                        let i = links.add(s, t, EdgeKind::Attribution, span);
                        links.count_cue(i, cue);
                    }
                }
            }
        }
        RecordPlan::pack(source, &tally.actors, &tally.aliases, links.links)
    }

    /// The plan of its parts, ids and names copied once, into one string.
    fn pack(
        source: DocSource,
        actors: &[BuildActor<'_>],
        aliases: &[(u32, &str)],
        links: Vec<PlanLink>,
    ) -> RecordPlan {
        let size = actors.iter().map(|a| a.id.len()).sum::<usize>()
            + aliases.iter().map(|(_, n)| n.len()).sum::<usize>();
        let mut names = String::with_capacity(size);
        let mut put = |s: &str| {
            let start = names.len() as u32;
            names.push_str(s);
            (start, names.len() as u32)
        };
        let mut alias_ranges = Vec::with_capacity(aliases.len());
        let mut next = aliases.iter().peekable();
        let actors = actors
            .iter()
            .enumerate()
            .map(|(i, ba)| {
                let id = put(ba.id);
                let first = alias_ranges.len() as u32;
                while let Some(&(_, n)) = next.next_if(|(a, _)| *a as usize == i) {
                    alias_ranges.push(put(n));
                }
                PlanActor {
                    id,
                    kind: ba.kind,
                    mentions: ba.mentions,
                    aliases: (first, alias_ranges.len() as u32),
                }
            })
            .collect();
        RecordPlan {
            source,
            names,
            actors,
            aliases: alias_ranges,
            links,
        }
    }
}

/// An actor of a plan being built: its id borrowed from the caller.
struct BuildActor<'a> {
    id: &'a str,
    kind: ActorKind,
    mentions: u64,
}

/// In [`Tally::of_source`]: a caller's actor not mentioned yet.
const UNSEEN: u32 = u32::MAX;

/// A plan's actors as its mentions name them, counted one mention at a
/// time.
struct Tally<'a> {
    /// Actors by id, in order of first mention (a node's kind is that of
    /// its first mention).
    local: FxHashMap<&'a str, u32>,
    actors: Vec<BuildActor<'a>>,
    /// (plan actor, name) for every name an actor goes by here, repeats
    /// and all: sorted and deduplicated by [`Tally::add_names`].
    aliases: Vec<(u32, &'a str)>,
    /// The plan actor of each of the caller's actors, once looked up.
    of_source: Vec<u32>,
    /// (caller's actor, plan actor), in order of first mention.
    sources: Vec<(usize, u32)>,
    /// (window, actor) of each mention counted toward co-occurrence.
    by_window: Vec<(usize, u32)>,
}

impl<'a> Tally<'a> {
    fn with_capacity(actor_count: usize, mention_count: usize) -> Tally<'a> {
        Tally {
            local: FxHashMap::with_capacity_and_hasher(actor_count, Default::default()),
            actors: Vec::with_capacity(actor_count),
            aliases: Vec::with_capacity(actor_count),
            of_source: Vec::new(),
            sources: Vec::new(),
            by_window: Vec::with_capacity(mention_count),
        }
    }

    /// Count mention `m`: its actor (made if new), its name, its window.
    #[inline]
    fn count(&mut self, m: MentionView<'a>, options: &GraphOptions) {
        let known = m
            .actor
            .source
            .and_then(|x| self.of_source.get(x).copied())
            .filter(|&a| a != UNSEEN);
        let a = match known {
            Some(a) => a,
            None => {
                let actors = &mut self.actors;
                let a = *self.local.entry(m.actor.id).or_insert_with(|| {
                    actors.push(BuildActor {
                        id: m.actor.id,
                        kind: m.kind,
                        mentions: 0,
                    });
                    (actors.len() - 1) as u32
                });
                if let Some(x) = m.actor.source {
                    if self.of_source.len() <= x {
                        self.of_source.resize(x + 1, UNSEEN);
                    }
                    self.of_source[x] = a;
                    self.sources.push((x, a));
                }
                a
            }
        };
        self.actors[a as usize].mentions += 1;
        if m.actor.source.is_none() && m.via == Via::Name {
            self.aliases.push((a, m.text));
        }
        if !options.names_only || m.via == Via::Name {
            let w = match options.window {
                Window::Sentence => m.sentence,
                Window::Paragraph => m.paragraph,
            };
            self.by_window.push((w, a));
        }
    }

    /// Add the names of the caller's actors, then sort and deduplicate
    /// every name: one order whichever way they came (they end up in a
    /// node's sorted set).
    fn add_names<N: Iterator<Item = &'a str>>(&mut self, names_of: impl Fn(usize) -> N) {
        for &(x, a) in &self.sources {
            self.aliases.extend(names_of(x).map(|n| (a, n)));
        }
        if !self.aliases.is_sorted() {
            self.aliases.sort_unstable();
        }
        self.aliases.dedup();
    }

    /// The plan actor of an unnamed or group source, made if new (after
    /// every mentioned actor, so the names stay sorted by actor), with its
    /// words as its one name; one more mention of it.
    fn source(&mut self, id: &'a str, words: &'a str) -> u32 {
        let actors = &mut self.actors;
        let aliases = &mut self.aliases;
        let a = *self.local.entry(id).or_insert_with(|| {
            actors.push(BuildActor {
                id,
                kind: ActorKind::Source,
                mentions: 0,
            });
            let a = (actors.len() - 1) as u32;
            aliases.push((a, words));
            a
        });
        self.actors[a as usize].mentions += 1;
        a
    }

    /// The plan actor an attribution names, if a mention named it.
    fn find(&self, r: ActorRef<'_>) -> Option<u32> {
        r.source
            .and_then(|x| self.of_source.get(x).copied())
            .filter(|&a| a != UNSEEN)
            .or_else(|| self.local.get(r.id).copied())
    }
}

/// A plan's distinct links in order of first sighting, each found by its
/// (actor, actor, kind).
struct Links {
    links: Vec<PlanLink>,
    at: FxHashMap<(u32, u32, EdgeKind), usize>,
    /// The evidence cap.
    cap: usize,
}

impl Links {
    /// Most windows name one or two actors: room for about as many links
    /// as mentions.
    fn with_capacity(mention_count: usize, cap: usize) -> Links {
        Links {
            links: Vec::with_capacity(mention_count),
            at: FxHashMap::with_capacity_and_hasher(mention_count, Default::default()),
            cap,
        }
    }

    /// One more sighting of the link `a -> b`, with its evidence span.
    #[inline]
    fn add(&mut self, a: u32, b: u32, kind: EdgeKind, span: (usize, usize)) -> usize {
        let links = &mut self.links;
        let i = *self.at.entry((a, b, kind)).or_insert_with(|| {
            links.push(PlanLink {
                a,
                b,
                kind,
                weight: 0,
                spans: SpanList::Empty,
                cues: Vec::new(),
                confidence: Confidence::default(),
            });
            links.len() - 1
        });
        let l = &mut links[i];
        l.weight += 1;
        l.spans.keep(self.cap, span);
        i
    }

    /// One more statement of the cue `(lemma, class)` on link `i`.
    fn count_cue(&mut self, i: usize, (lemma, class, confidence): Cue<'_>) {
        if let Some(c) = confidence {
            self.links[i].confidence.add(c);
        }
        if lemma.is_none() && class.is_none() {
            return;
        }
        add_cue(&mut self.links[i].cues, lemma, class, 1);
    }

    /// Co-occurrence per window, windows in index order, the actors of
    /// each in order of first mention; `by_window` is (window, actor) of
    /// each counted mention.
    fn cooccurrences(
        &mut self,
        by_window: &mut [(usize, u32)],
        actors: &[BuildActor<'_>],
        sentence: impl Fn(usize) -> Option<((usize, usize), usize)>,
        options: &GraphOptions,
    ) {
        // Mentions come in text order, so this is usually sorted already;
        // the sort is stable, keeping mention order within a window.
        if !by_window.is_sorted_by_key(|&(w, _)| w) {
            by_window.sort_by_key(|&(w, _)| w);
        }
        let paragraph_spans = match options.window {
            Window::Sentence => FxHashMap::default(),
            Window::Paragraph => {
                let mut spans: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
                let mut i = 0;
                while let Some(((start, end), p)) = sentence(i) {
                    let e = spans.entry(p).or_insert((start, end));
                    e.0 = e.0.min(start);
                    e.1 = e.1.max(end);
                    i += 1;
                }
                spans
            }
        };
        // The window each actor was last listed in (+1), to list it once.
        let mut listed: Vec<usize> = vec![0; actors.len()];
        let mut in_window: Vec<u32> = Vec::new();
        for (k, run) in by_window.chunk_by(|x, y| x.0 == y.0).enumerate() {
            let w = run[0].0;
            in_window.clear();
            for &(_, a) in run {
                if listed[a as usize] != k + 1 {
                    listed[a as usize] = k + 1;
                    in_window.push(a);
                }
            }
            let span = match options.window {
                Window::Sentence => sentence(w).map(|(span, _)| span),
                Window::Paragraph => paragraph_spans.get(&w).copied(),
            }
            .unwrap_or((0, 0));
            let reach = if in_window.len() > MAX_WINDOW_ACTORS {
                LIST_REACH
            } else {
                in_window.len()
            };
            for (i, &a) in in_window.iter().enumerate() {
                for &b in in_window[i + 1..].iter().take(reach) {
                    let (a, b) = if actors[a as usize].id > actors[b as usize].id {
                        (b, a)
                    } else {
                        (a, b)
                    };
                    self.add(a, b, EdgeKind::Cooccurrence, span);
                }
            }
        }
    }
}
