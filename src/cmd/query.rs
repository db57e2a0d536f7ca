//! `actorgraph query GRAPH.json VERB`: questions to a saved graph.
//!
//! Exit status: 0 answered (an empty answer is an answer); 1 an actor name
//! matches no actor, or two actors are not connected (`path`); 2 a usage
//! error: a name that matches several actors, a format the verb has no
//! form for, an unreadable graph file, bad arguments.

use super::text;
use actorgraph::export::evidence::{DocCache, EvidenceText};
use actorgraph::export::{self, json as gjson};
use actorgraph::graph::{ActorGraph, DateRange, EdgeKind, GraphOptions};
use actorgraph::query::{self, QueryError, RankBy, Speech};
use petgraph::stable_graph::NodeIndex;
use serde_json::json;
use std::path::PathBuf;

/// Answer formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    /// Aligned tables for people.
    Text,
    /// JSON for machines.
    Json,
    /// Graphviz DOT (`ego` only).
    Dot,
}

/// Link kinds.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum KindArg {
    /// Named in the same sentence.
    Cooccurrence,
    /// Speaker -> the actor spoken about.
    Attribution,
}

impl From<KindArg> for EdgeKind {
    fn from(k: KindArg) -> EdgeKind {
        match k {
            KindArg::Cooccurrence => EdgeKind::Cooccurrence,
            KindArg::Attribution => EdgeKind::Attribution,
        }
    }
}

/// Rankings of `top`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ByArg {
    /// Distinct linked actors.
    Degree,
    /// Sum of link weights.
    Weight,
    /// Mentions over the corpus.
    Mentions,
    /// Betweenness centrality (Brandes).
    Betweenness,
}

/// Arguments of `query`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A graph saved by `actorgraph build --format json`.
    graph: PathBuf,
    /// Answer format.
    #[arg(short, long, value_enum, default_value = "text", global = true)]
    format: FormatArg,
    /// Also look for evidence documents under this directory (repeatable;
    /// paths are tried as saved, then under these, then under the graph
    /// file's directory).
    #[arg(long, value_name = "DIR", global = true)]
    docs: Vec<PathBuf>,
    /// Only what was seen on or after this day (YYYY, YYYY-MM or
    /// YYYY-MM-DD): counts per period and dated evidence are cut to the
    /// range, weights and mentions recounted from them.
    #[arg(long, value_name = "DATE", global = true)]
    since: Option<String>,
    /// Only what was seen on or before this day (YYYY, YYYY-MM or
    /// YYYY-MM-DD, the whole year or month included).
    #[arg(long, value_name = "DATE", global = true)]
    until: Option<String>,
    #[command(subcommand)]
    verb: Verb,
}

#[derive(clap::Subcommand, Debug)]
enum Verb {
    /// Actors linked to NAME, with the kind and weight of each link.
    Neighbors {
        /// Actor id or alias (any case).
        name: String,
        /// Only links of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Only links seen at least this many times.
        #[arg(long, default_value_t = 1, value_name = "N")]
        min_weight: u64,
    },
    /// A shortest chain of actors from A to B, with the links along it.
    Path {
        /// From (id or alias).
        a: String,
        /// To (id or alias).
        b: String,
        /// Only follow links of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
    },
    /// Every link between A and B, with its evidence sentences.
    Between {
        /// One actor.
        a: String,
        /// The other.
        b: String,
    },
    /// The most connected actors.
    Top {
        /// Ranking.
        #[arg(long, value_enum, default_value = "degree")]
        by: ByArg,
        /// How many.
        #[arg(short, default_value_t = 10, value_name = "N")]
        n: usize,
        /// What a link's weight counts (for --by weight).
        #[arg(long, value_enum, default_value = "mentions")]
        weight: super::build::WeightArg,
    },
    /// Counts per period (the graph's --period): of the links between A
    /// and B, or, given one name, of its mentions and links.
    Timeline {
        /// An actor (id or alias).
        a: String,
        /// Another actor: the links between the two.
        b: Option<String>,
    },
    /// Who spoke about NAME.
    SaidAbout {
        /// Actor id or alias.
        name: String,
        /// Only statements of this class (report, assertion, denial,
        /// accusation, praise, belief, question, promise, warning).
        #[arg(long, value_name = "CLASS")]
        class: Option<String>,
    },
    /// Whom NAME spoke about.
    SaidBy {
        /// Actor id or alias.
        name: String,
        /// Only statements of this class (report, assertion, denial,
        /// accusation, praise, belief, question, promise, warning).
        #[arg(long, value_name = "CLASS")]
        class: Option<String>,
    },
    /// NAME's neighbourhood as a graph of its own (text, json or dot).
    Ego {
        /// Actor id or alias.
        name: String,
        /// How many links away.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        depth: u8,
    },
}

/// A failed question and its exit status.
struct Fail(i32, String);

impl From<QueryError> for Fail {
    fn from(e: QueryError) -> Fail {
        let code = if matches!(
            e,
            QueryError::Ambiguous { .. } | QueryError::UnknownClass { .. }
        ) {
            2
        } else {
            1
        };
        Fail(code, e.to_string())
    }
}

/// Run `query`.
pub fn run(a: Args) -> anyhow::Result<i32> {
    let dates = DateRange::new(a.since.as_deref(), a.until.as_deref())
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let g = gjson::read(
        &a.graph,
        GraphOptions {
            max_evidence: usize::MAX,
            ..GraphOptions::default()
        },
    )?;
    let g = if dates.is_open() { g } else { g.within(&dates) };
    let mut bases = a.docs.clone();
    if let Some(dir) = a.graph.parent() {
        bases.push(if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir.to_path_buf()
        });
    }
    let mut docs = DocCache::new(bases).with_roots(g.roots());
    let mut out = Vec::new();
    match answer(&g, &a, &mut docs, &mut out) {
        Ok(()) => {
            super::output::write_to(None, |w| w.write_all(&out))?;
            Ok(0)
        }
        Err(Fail(code, msg)) => {
            eprintln!("actorgraph: {msg}");
            Ok(code)
        }
    }
}

/// What a verb needs: the graph, the arguments, the evidence documents
/// and the answer's bytes.
struct Ctx<'a> {
    g: &'a ActorGraph,
    a: &'a Args,
    docs: &'a mut DocCache,
    out: &'a mut Vec<u8>,
    json_out: bool,
}

impl Ctx<'_> {
    /// The one actor `name` names.
    fn find(&self, name: &str) -> Result<NodeIndex, Fail> {
        query::find(self.g, name).map_err(Fail::from)
    }

    /// The id of actor `n`.
    fn id(&self, n: NodeIndex) -> String {
        self.g.graph[n].id.clone()
    }

    /// Write `v` as the answer.
    fn emit(&mut self, v: &serde_json::Value) -> Result<(), Fail> {
        emit(self.out, v)
    }
}

/// A verb's answer: text still to print, or written already.
type Answer = Result<Option<String>, Fail>;

fn answer(g: &ActorGraph, a: &Args, docs: &mut DocCache, out: &mut Vec<u8>) -> Result<(), Fail> {
    if a.format == FormatArg::Dot && !matches!(a.verb, Verb::Ego { .. }) {
        return Err(Fail(
            2,
            format!(
                "--format dot draws a graph, and only `query ego` answers with one; `{}` answers in text or json",
                verb_name(&a.verb)
            ),
        ));
    }
    let mut c = Ctx {
        g,
        a,
        docs,
        out,
        json_out: a.format == FormatArg::Json,
    };
    let text = match &a.verb {
        Verb::Neighbors {
            name,
            kind,
            min_weight,
        } => neighbors(&mut c, name, *kind, *min_weight),
        Verb::Path {
            a: from,
            b: to,
            kind,
        } => path(&mut c, from, to, *kind),
        Verb::Between { a: x, b: y } => between(&mut c, x, y),
        Verb::Top { by, n, weight } => top(&mut c, *by, *n, *weight),
        Verb::Timeline { a: x, b: None } => actor_timeline(&mut c, x),
        Verb::Timeline { a: x, b: Some(y) } => pair_timeline(&mut c, x, y),
        Verb::SaidAbout { name, class } => said(&mut c, name, class.as_deref(), true),
        Verb::SaidBy { name, class } => said(&mut c, name, class.as_deref(), false),
        Verb::Ego { name, depth } => ego(&mut c, name, *depth),
    }?;
    let Some(text) = text else {
        return Ok(());
    };
    // Names and evidence come from documents: nothing in them reaches the
    // terminal as a control character.
    let text = text::visible(&text);
    c.out.extend_from_slice(text.as_bytes());
    if !text.ends_with('\n') {
        c.out.push(b'\n');
    }
    Ok(())
}

/// `neighbors`: the actors linked to `name`.
fn neighbors(c: &mut Ctx, name: &str, kind: Option<KindArg>, min_weight: u64) -> Answer {
    let n = c.find(name)?;
    let v = query::neighbours(c.g, n, kind.map(EdgeKind::from), min_weight);
    if c.json_out {
        let id = c.id(n);
        return c.emit(&json!({"actor": id, "neighbors": v})).map(|()| None);
    }
    let rows = v
        .iter()
        .map(|x| {
            vec![
                x.id.clone(),
                x.kind.as_str().into(),
                dir(x.direction),
                x.weight.to_string(),
            ]
        })
        .collect();
    // One row per link: an actor linked both ways, or by both
    // kinds, has several rows but is counted once.
    let actors = v
        .iter()
        .map(|x| x.id.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    Ok(Some(format!(
        "{actors} linked actor(s) of {}, {} link(s)\n{}",
        c.id(n),
        v.len(),
        table(&["actor", "kind", "direction", "weight"], rows, &[3])
    )))
}

/// `path`: a shortest chain of actors from `from` to `to`.
fn path(c: &mut Ctx, from: &str, to: &str, kind: Option<KindArg>) -> Answer {
    let (x, y) = (c.find(from)?, c.find(to)?);
    let (nodes, edges) =
        query::shortest_path(c.g, x, y, kind.map(EdgeKind::from)).ok_or_else(|| {
            Fail::from(QueryError::NoPath {
                a: c.id(x),
                b: c.id(y),
            })
        })?;
    let links: Vec<_> = edges.iter().map(|&e| query::link(c.g, e)).collect();
    if c.json_out {
        let path: Vec<_> = nodes.iter().map(|&n| json!({"id": c.id(n)})).collect();
        return c
            .emit(&json!({"path": path, "length": links.len(), "edges": links}))
            .map(|()| None);
    }
    let mut chain = c.id(nodes[0]);
    let mut rows = Vec::new();
    for (i, (w, l)) in nodes.windows(2).zip(&links).enumerate() {
        let (from, to) = (c.id(w[0]), c.id(w[1]));
        let (arrow, link) = match l.kind {
            EdgeKind::Cooccurrence => (format!(" -[co {}]- ", l.weight), "cooccurrence"),
            EdgeKind::Attribution if l.source == from => {
                (format!(" -[said {}]-> ", l.weight), "attribution ->")
            }
            EdgeKind::Attribution => (format!(" <-[said {}]- ", l.weight), "attribution <-"),
        };
        chain.push_str(&arrow);
        chain.push_str(&to);
        let ev = l
            .evidence
            .first()
            .map(|e| format!("{}:{}-{}", e.doc, e.start, e.end))
            .unwrap_or_default();
        rows.push(vec![
            (i + 1).to_string(),
            from,
            link.into(),
            to,
            l.weight.to_string(),
            ev,
        ]);
    }
    Ok(Some(format!(
        "{chain}\n{} link(s)\n{}",
        links.len(),
        table(
            &["step", "from", "link", "to", "weight", "first evidence"],
            rows,
            &[0, 4]
        )
    )))
}

/// `between`: every link between `x` and `y`, with its evidence.
fn between(c: &mut Ctx, x: &str, y: &str) -> Answer {
    let (x, y) = (c.find(x)?, c.find(y)?);
    let links: Vec<_> = query::links_between(c.g, x, y)
        .into_iter()
        .map(|e| query::link(c.g, e))
        .collect();
    let docs = &mut *c.docs;
    let with_text: Vec<(query::Link, Vec<EvidenceText>)> = links
        .into_iter()
        .map(|l| {
            let t = l.evidence.iter().map(|e| docs.text(e)).collect();
            (l, t)
        })
        .collect();
    unreadable_hint(&with_text, &c.a.docs);
    if c.json_out {
        let v: Vec<_> = with_text
            .iter()
            .map(|(l, t)| json!({"source": l.source, "target": l.target, "kind": l.kind, "weight": l.weight, "evidence": t}))
            .collect();
        let (a, b) = (c.id(x), c.id(y));
        return c.emit(&json!({"a": a, "b": b, "links": v})).map(|()| None);
    }
    let mut s = format!(
        "{} link(s) between {} and {}\n",
        with_text.len(),
        c.id(x),
        c.id(y)
    );
    for (l, t) in &with_text {
        let arrow = if l.kind == EdgeKind::Attribution {
            "->"
        } else {
            "--"
        };
        s.push_str(&format!(
            "\n{} {arrow} {}  {}, weight {}, {} evidence kept\n",
            l.source,
            l.target,
            l.kind.as_str(),
            l.weight,
            t.len()
        ));
        for e in t {
            let words = match (&e.text, &e.error) {
                (Some(w), _) => w.clone(),
                (None, Some(err)) => format!("({err})"),
                (None, None) => String::new(),
            };
            s.push_str(&format!(
                "  {}:{}-{}\n      {}\n",
                text::cell(&e.doc),
                e.start,
                e.end,
                text::cell(&words)
            ));
        }
    }
    Ok(Some(s))
}

/// `top`: the `n` actors ranked first `by` a measure.
fn top(c: &mut Ctx, by: ByArg, n: usize, weight: super::build::WeightArg) -> Answer {
    let by = match by {
        ByArg::Degree => RankBy::Degree,
        ByArg::Weight => RankBy::Weight,
        ByArg::Mentions => RankBy::Mentions,
        ByArg::Betweenness => RankBy::Betweenness,
    };
    let v = if weight == super::build::WeightArg::Mentions {
        query::top(c.g, by, n)
    } else {
        query::top(&c.g.reweighted(weight.measure()), by, n)
    };
    if c.json_out {
        return c.emit(&json!({"by": by, "actors": v})).map(|()| None);
    }
    let rows = v
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.id.clone(),
                r.kind.as_str().into(),
                r.degree.to_string(),
                r.weight.to_string(),
                r.mentions.to_string(),
                r.betweenness.map_or("-".into(), |b| format!("{b:.2}")),
            ]
        })
        .collect();
    Ok(Some(table(
        &[
            "rank",
            "actor",
            "kind",
            "degree",
            "weight",
            "mentions",
            "betweenness",
        ],
        rows,
        &[0, 3, 4, 5, 6],
    )))
}

/// `said-about` (`about`) or `said-by`: who spoke about `name`, or whom
/// `name` spoke about.
fn said(c: &mut Ctx, name: &str, class: Option<&str>, about: bool) -> Answer {
    // An unknown class is an error before the name is looked up.
    let class = class.map(query::statement_class).transpose()?;
    let n = c.find(name)?;
    let v: Vec<Speech> = match (class, about) {
        (None, true) => query::said_about(c.g, n),
        (None, false) => query::said_by(c.g, n),
        (Some(k), true) => query::said_about_as(c.g, n, k),
        (Some(k), false) => query::said_by_as(c.g, n, k),
    };
    if c.json_out {
        let key = if about { "speakers" } else { "about" };
        let id = c.id(n);
        let mut j = json!({"actor": id, key: v});
        if let Some(k) = class {
            j["class"] = json!(k.as_str());
        }
        return c.emit(&j).map(|()| None);
    }
    let rows = v
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.weight.to_string(),
                s.evidence
                    .first()
                    .map(|e| format!("{}:{}-{}", e.doc, e.start, e.end))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let what = class.map_or(String::new(), |k| format!(" ({} only)", k.as_str()));
    let (head, col) = if about {
        (
            format!("{} actor(s) spoke about {}{what}", v.len(), c.id(n)),
            "speaker",
        )
    } else {
        (
            format!("{} spoke about {} actor(s){what}", c.id(n), v.len()),
            "about",
        )
    };
    Ok(Some(format!(
        "{head}\n{}",
        table(&[col, "times", "first evidence"], rows, &[1])
    )))
}

/// `ego`: `name`'s neighbourhood, `depth` links deep, as a graph.
fn ego(c: &mut Ctx, name: &str, depth: u8) -> Answer {
    let n = c.find(name)?;
    let e = query::ego(c.g, n, usize::from(depth));
    match c.a.format {
        FormatArg::Dot => {
            return export::dot::write(&e, c.out)
                .map(|()| None)
                .map_err(|err| Fail(2, err.to_string()))
        }
        FormatArg::Json => {
            return gjson::write(&e, c.out)
                .map(|()| None)
                .map_err(|err| Fail(2, err.to_string()))
        }
        FormatArg::Text => {}
    }
    let rows = e
        .sorted_edges()
        .into_iter()
        .map(|x| query::link(&e, x))
        .map(|l| {
            vec![
                l.source,
                l.kind.as_str().into(),
                l.target,
                l.weight.to_string(),
            ]
        })
        .collect();
    Ok(Some(format!(
        "ego graph of {} (depth {depth}): {} actor(s), {} link(s)\n{}",
        c.id(n),
        e.node_count(),
        e.edge_count(),
        table(&["source", "kind", "target", "weight"], rows, &[3])
    )))
}

/// The verb as typed.
fn verb_name(v: &Verb) -> &'static str {
    match v {
        Verb::Neighbors { .. } => "neighbors",
        Verb::Path { .. } => "path",
        Verb::Between { .. } => "between",
        Verb::Top { .. } => "top",
        Verb::SaidAbout { .. } => "said-about",
        Verb::SaidBy { .. } => "said-by",
        Verb::Ego { .. } => "ego",
        Verb::Timeline { .. } => "timeline",
    }
}

/// The graph's period, as named in answers.
fn period_name(c: &Ctx) -> &'static str {
    c.g.options().period.as_str()
}

/// `timeline A B`: the links between two actors per period.
fn pair_timeline(c: &mut Ctx, x: &str, y: &str) -> Answer {
    let (x, y) = (c.find(x)?, c.find(y)?);
    let v = query::pair_timeline(c.g, x, y);
    let (a, b) = (c.id(x), c.id(y));
    if c.json_out {
        let rows: Vec<_> = v
            .iter()
            .map(|p| json!({"period": p.period, "cooccurrence": p.cooccurrence, "a_to_b": p.a_to_b, "b_to_a": p.b_to_a, "total": p.total()}))
            .collect();
        let period = period_name(c);
        return c
            .emit(&json!({"a": a, "b": b, "period": period, "timeline": rows}))
            .map(|()| None);
    }
    if v.is_empty() {
        return Ok(Some(format!(
            "no dated link between {a} and {b} (a graph of documents with dates has a timeline)\n"
        )));
    }
    let total: u64 = v.iter().map(|p| p.total()).sum();
    let rows = v
        .iter()
        .map(|p| {
            vec![
                p.period.clone(),
                p.cooccurrence.to_string(),
                p.a_to_b.to_string(),
                p.b_to_a.to_string(),
                p.total().to_string(),
            ]
        })
        .collect();
    let ab = format!("{a} -> {b}");
    let ba = format!("{b} -> {a}");
    Ok(Some(format!(
        "links between {a} and {b} per {}: {total} in {} period(s)\n{}",
        period_name(c),
        v.len(),
        table(
            &["period", "cooccurrence", &ab, &ba, "total"],
            rows,
            &[1, 2, 3, 4]
        )
    )))
}

/// `timeline NAME`: an actor's mentions and links per period.
fn actor_timeline(c: &mut Ctx, x: &str) -> Answer {
    let n = c.find(x)?;
    let v = query::actor_timeline(c.g, n);
    let id = c.id(n);
    if c.json_out {
        let period = period_name(c);
        return c
            .emit(&json!({"actor": id, "period": period, "timeline": v}))
            .map(|()| None);
    }
    if v.is_empty() {
        return Ok(Some(format!(
            "{id} was never seen in a dated document (a graph of documents with dates has a timeline)\n"
        )));
    }
    let rows = v
        .iter()
        .map(|p| {
            vec![
                p.period.clone(),
                p.mentions.to_string(),
                p.links.to_string(),
                p.linked.to_string(),
            ]
        })
        .collect();
    Ok(Some(format!(
        "{id} per {}: {} period(s)\n{}",
        period_name(c),
        v.len(),
        table(
            &["period", "mentions", "links", "linked actors"],
            rows,
            &[1, 2, 3]
        )
    )))
}

/// Evidence documents that could not be read: say once where to point
/// `--docs` (evidence paths are as `build` was given them, so relative
/// ones only resolve from the directory it ran in).
fn unreadable_hint(links: &[(query::Link, Vec<EvidenceText>)], docs: &[PathBuf]) {
    let mut missing: Vec<&str> = links
        .iter()
        .flat_map(|(_, t)| t)
        .filter(|e| e.text.is_none())
        .map(|e| e.doc.as_str())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if missing.is_empty() {
        return;
    }
    let n = missing.len();
    let docs_word = if n == 1 { "document" } else { "documents" };
    let first = text::cell(missing[0]);
    if docs.is_empty() {
        eprintln!(
            "actorgraph: {n} evidence {docs_word} not readable from here (first: {first}); evidence paths are as `build` was given them: run from the directory it ran in, or give that directory with --docs DIR"
        );
    } else {
        eprintln!(
            "actorgraph: {n} evidence {docs_word} not readable from here (first: {first}), not even under --docs; give the directory `build` ran in with --docs DIR"
        );
    }
}

fn dir(w: query::Way) -> String {
    serde_json::to_value(w)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn emit(out: &mut Vec<u8>, v: &serde_json::Value) -> Result<(), Fail> {
    serde_json::to_writer_pretty(&mut *out, v).map_err(|e| Fail(2, e.to_string()))?;
    out.push(b'\n');
    Ok(())
}

/// An aligned table: a header, a rule, the rows; columns in `right` are
/// right-aligned (numbers).
fn table(head: &[&str], rows: Vec<Vec<String>>, right: &[usize]) -> String {
    // Cells come from documents: made visible first, so widths are right.
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().map(|c| text::cell(c)).collect())
        .collect();
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let v: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = " ".repeat(width[i] - c.chars().count());
                if right.contains(&i) {
                    format!("{pad}{c}")
                } else if i + 1 == cells.len() {
                    c.clone()
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect();
        v.join("  ").trim_end().to_owned()
    };
    let mut s = line(head.iter().map(|h| h.to_string()).collect());
    s.push('\n');
    s.push_str(&line(width.iter().map(|&w| "-".repeat(w)).collect()));
    s.push('\n');
    for r in rows {
        s.push_str(&line(r));
        s.push('\n');
    }
    s
}
