//! The attribution stage's word lists, loaded from its data files.

use super::rule::Rule;
use super::tags::{
    Tags, CLOSED, SECTION_BITS, T_ADJ, T_ADVERB, T_BLOCKED, T_LOOP, T_PARTICLE, T_REPORT, T_SOURCE,
    T_STANCE,
};
use crate::words::hash::{WordMap, WordSet};
use crate::words::{
    DataError, DataFile, DataSet, Entry, WordTable, WordTableBuilder, WordView, KEY_BYTES,
};
use std::sync::Arc;

/// The built-in data files of the stage, as `("attribution/name.txt", text)`.
pub const DATA: &[(&str, &str)] = &[
    ("attribution/cues.txt", include_str!("data/cues.txt")),
    ("attribution/stance.txt", include_str!("data/stance.txt")),
    ("attribution/sources.txt", include_str!("data/sources.txt")),
    (
        "attribution/adjectives.txt",
        include_str!("data/adjectives.txt"),
    ),
    ("attribution/blocked.txt", include_str!("data/blocked.txt")),
    ("attribution/adverbs.txt", include_str!("data/adverbs.txt")),
    (
        "attribution/particles.txt",
        include_str!("data/particles.txt"),
    ),
    ("attribution/phrase.txt", include_str!("data/phrase.txt")),
    ("attribution/verbs.txt", include_str!("data/verbs.txt")),
    ("attribution/content.txt", include_str!("data/content.txt")),
    (
        "attribution/in_source.txt",
        include_str!("data/in_source.txt"),
    ),
    ("attribution/colon.txt", include_str!("data/colon.txt")),
    ("attribution/classes.txt", include_str!("data/classes.txt")),
    ("attribution/nouns.txt", include_str!("data/nouns.txt")),
    (
        "attribution/confidence.txt",
        include_str!("data/confidence.txt"),
    ),
];

/// What kind of statement a cue reports (`classes.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatementClass {
    /// A neutral report: said, told, recalled.
    Report,
    /// Insisting, arguing, claiming.
    Assertion,
    /// Denying, rejecting, disputing.
    Denial,
    /// Accusing, criticizing, blaming.
    Accusation,
    /// Praising, supporting, endorsing.
    Praise,
    /// Thinking, hoping, fearing, wanting.
    Belief,
    /// Asking, wondering.
    Question,
    /// Promising, vowing.
    Promise,
    /// Warning, threatening.
    Warning,
}

impl StatementClass {
    /// Every class, in order.
    pub const ALL: [StatementClass; 9] = [
        StatementClass::Report,
        StatementClass::Assertion,
        StatementClass::Denial,
        StatementClass::Accusation,
        StatementClass::Praise,
        StatementClass::Belief,
        StatementClass::Question,
        StatementClass::Promise,
        StatementClass::Warning,
    ];

    /// Its name, as `classes.txt` and the records spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementClass::Report => "report",
            StatementClass::Assertion => "assertion",
            StatementClass::Denial => "denial",
            StatementClass::Accusation => "accusation",
            StatementClass::Praise => "praise",
            StatementClass::Belief => "belief",
            StatementClass::Question => "question",
            StatementClass::Promise => "promise",
            StatementClass::Warning => "warning",
        }
    }
}

impl std::fmt::Display for StatementClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for StatementClass {
    type Err = String;
    fn from_str(s: &str) -> Result<StatementClass, String> {
        StatementClass::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown statement class {s:?}"))
    }
}

/// What kind of cue a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// A reporting verb (`said`, `told`, `argued`).
    Report,
    /// A stance verb (`praised`, `wants`, `seemed`): a cue only beside its speaker.
    Stance,
}

/// Two words: a (verb, particle) or (modifier, noun) pair.
pub(super) type Pair = (Box<[u8]>, Box<[u8]>);

/// A line `LABEL: word word ...`: its label, its words, its entry.
type Labelled<'f> = (&'f str, Vec<&'f str>, &'f Entry);

/// A short list of lower-case words, looked up by a plain scan (each is
/// read once per candidate cue, never per token).
#[derive(Clone, Debug, Default)]
pub(super) struct Words(Vec<Box<[u8]>>);

impl Words {
    /// Is `w` one of them?
    pub(super) fn contains(&self, w: &[u8]) -> bool {
        self.0.iter().any(|x| **x == *w)
    }
}

/// Every word list of the attribution stage, and the tag table built from
/// them: what [`attribute`](super::attribute) reads. Load it once (it is
/// immutable and `Sync`) and pass it to every call.
pub struct Lexicon {
    cues: WordSet<String>,
    stance: WordSet<String>,
    adjectives: WordSet<String>,
    sources: WordSet<String>,
    /// Per blocked form: the rules that do not take it, one bit per rule.
    blocked: WordMap<String, u32>,
    /// `(verb, particle)` pairs.
    particles: Vec<Pair>,
    /// The words of each data section, by (file, section).
    sections: Sections,
    /// Every listed word and mark with its bits (what the table holds;
    /// the tests' reference for it).
    #[cfg_attr(not(test), allow(dead_code))]
    words: WordMap<String, Tags>,
    table: WordTable<Tags>,
    /// `in_source.txt` `anywhere`: sources anywhere in the sentence.
    pub(super) in_anywhere: Words,
    /// `in_source.txt` `idiom`: (modifier, noun) pairs that are no source.
    pub(super) in_idioms: Vec<Pair>,
    /// `colon.txt` `group`: lower-case words a speaker before a colon may hold.
    pub(super) colon_group: Words,
    /// `colon.txt` `camp`: words before a colon that name a speaker alone.
    pub(super) colon_camp: Words,
    /// `colon.txt` `addressee`: words after a headline speaker before a colon.
    pub(super) colon_addressee: Words,
    /// The lists of the sections the rules read by name (no tag bit).
    pub(super) w: Cold,
    /// Per cue form: its index in `lemmas`.
    forms: WordMap<String, u32>,
    /// Each cue lemma (the first word of its line) and its class.
    lemmas: Vec<(Arc<str>, StatementClass)>,
    /// Per rule (by index in [`Rule::ALL`]): its measured precision in per
    /// cent (`confidence.txt`).
    confidence: [Option<u8>; Rule::ALL.len()],
}

/// The short lists the rules read once per candidate, each a section of
/// a data file (named after it).
#[derive(Debug, Default)]
pub(super) struct Cold {
    /// `phrase.txt` `and-next`.
    pub(super) and_next: Words,
    /// `phrase.txt` `inverted-determiner`.
    pub(super) inverted_determiner: Words,
    /// `phrase.txt` `apposition`.
    pub(super) apposition: Words,
    /// `phrase.txt` `noun-source`.
    pub(super) noun_source: Words,
    /// `verbs.txt` `biography`.
    pub(super) biography: Words,
    /// `verbs.txt` `quantifier`.
    pub(super) quantifier: Words,
    /// `nouns.txt` `after`.
    pub(super) noun_after: Words,
    /// `verbs.txt` `progressive`.
    pub(super) progressive: Words,
    /// `verbs.txt` `question`.
    pub(super) question: Words,
    /// `verbs.txt` `asked-after`.
    pub(super) asked_after: Words,
    /// `verbs.txt` `gerund-after`.
    pub(super) gerund_after: Words,
    /// `verbs.txt` `say-kept`.
    pub(super) say_kept: Words,
    /// `content.txt` `answer`.
    pub(super) answer: Words,
    /// `content.txt` `kept-intro`.
    pub(super) kept_intro: Words,
    /// `content.txt` `clause-start`.
    pub(super) clause_start: Words,
    /// `content.txt` `hearer-adjunct`.
    pub(super) hearer_adjunct: Words,
    /// `content.txt` `hearer-noun`.
    pub(super) hearer_noun: Words,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("cues", &self.cues.len())
            .field("stance", &self.stance.len())
            .field("adjectives", &self.adjectives.len())
            .field("sources", &self.sources.len())
            .field("blocked", &self.blocked.len())
            .field("particles", &self.particles.len())
            .field("sections", &self.sections.len())
            .field("table", &self.table)
            .finish_non_exhaustive()
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::builtin()
    }
}

/// The file `attribution/{name}` of the set.
fn file<'d>(data: &'d DataSet, name: &str) -> Result<&'d DataFile, DataError> {
    data.get(&format!("attribution/{name}"))
}

/// The words of a file of plain word lines, each once.
fn word_file(data: &DataSet, name: &str) -> Result<Vec<(String, Entry)>, DataError> {
    let f = file(data, name)?;
    f.unique_by(|e| e.fields().map(str::to_owned).collect::<Vec<_>>())?;
    Ok(f.words().map(|(e, w)| (w.to_owned(), e.clone())).collect())
}

/// The lines `LABEL: word word ...` of a file: (label, words, entry).
fn labelled(f: &DataFile) -> Result<Vec<Labelled<'_>>, DataError> {
    let mut out = Vec::new();
    for e in f.entries() {
        let mut fields = e.fields();
        let label = fields
            .next()
            .and_then(|l| l.strip_suffix(':'))
            .ok_or_else(|| e.malformed("a line is `NAME: word word ...`"))?;
        out.push((label, fields.collect(), e));
    }
    Ok(out)
}

/// The words of every section of the sectioned files, by (file, section).
type Sections = WordMap<(&'static str, &'static str), Vec<String>>;

/// Collects every listed word with its bits, for the tag table.
#[derive(Default)]
struct Tagger {
    words: WordMap<String, Tags>,
}

impl Tagger {
    /// Give `w` the bits `bits`; a word the table cannot hold (empty or
    /// over 16 bytes) is an error at its entry `e` (no entry: a word of
    /// code, checked by the tests).
    fn add(&mut self, w: &str, bits: Tags, e: Option<&Entry>) -> Result<(), DataError> {
        if w.is_empty() || w.len() > KEY_BYTES {
            let reason = format!("{w:?}: a listed word has 1 to 16 bytes");
            return Err(match e {
                Some(e) => e.malformed(reason),
                None => panic!("{reason}"),
            });
        }
        *self.words.entry(w.to_owned()).or_insert(0) |= bits;
        Ok(())
    }
}

/// The sectioned files (`SECTION: word ...` lines): each word once per
/// section, every section one of [`SECTION_BITS`]; the words of a section
/// with bits are tagged.
fn load_sections(data: &DataSet, t: &mut Tagger) -> Result<Sections, DataError> {
    let mut sections = Sections::default();
    for name in [
        "phrase.txt",
        "verbs.txt",
        "content.txt",
        "in_source.txt",
        "colon.txt",
        "nouns.txt",
    ] {
        let f = file(data, name)?;
        let lines = labelled(f)?;
        f.unique_by(|e| {
            let mut fields = e.fields();
            let label = fields.next().unwrap_or("").to_owned();
            fields
                .map(|w| (label.clone(), w.to_owned()))
                .collect::<Vec<_>>()
        })?;
        for (label, ws, e) in lines {
            let &(file, section, bits) = SECTION_BITS
                .iter()
                .find(|(f, s, _)| *f == name && *s == label)
                .ok_or_else(|| e.malformed(format!("no section {label:?} in {name}")))?;
            if bits != 0 {
                for w in &ws {
                    t.add(w, bits, Some(e))?;
                }
            }
            if section == "idiom" && ws.len() != 2 {
                return Err(e.malformed("an idiom is `idiom: MODIFIER NOUN`"));
            }
            let list = sections.entry((file, section)).or_default();
            list.extend(ws.iter().map(|w| (*w).to_owned()));
        }
    }
    Ok(sections)
}

/// The words of one section.
fn section_words(sections: &Sections, file: &str, section: &str) -> Words {
    Words(
        sections
            .iter()
            .filter(|((f, s), _)| *f == file && *s == section)
            .flat_map(|(_, ws)| ws.iter().map(|w| w.as_bytes().into()))
            .collect(),
    )
}

impl Cold {
    fn new(sections: &Sections) -> Cold {
        let list = |file: &str, section: &str| section_words(sections, file, section);
        Cold {
            and_next: list("phrase.txt", "and-next"),
            inverted_determiner: list("phrase.txt", "inverted-determiner"),
            apposition: list("phrase.txt", "apposition"),
            noun_source: list("phrase.txt", "noun-source"),
            biography: list("verbs.txt", "biography"),
            quantifier: list("verbs.txt", "quantifier"),
            noun_after: list("nouns.txt", "after"),
            progressive: list("verbs.txt", "progressive"),
            question: list("verbs.txt", "question"),
            asked_after: list("verbs.txt", "asked-after"),
            gerund_after: list("verbs.txt", "gerund-after"),
            say_kept: list("verbs.txt", "say-kept"),
            answer: list("content.txt", "answer"),
            kept_intro: list("content.txt", "kept-intro"),
            clause_start: list("content.txt", "clause-start"),
            hearer_adjunct: list("content.txt", "hearer-adjunct"),
            hearer_noun: list("content.txt", "hearer-noun"),
        }
    }
}

impl Lexicon {
    /// The built-in lists ([`DATA`]).
    pub fn builtin() -> Lexicon {
        let mut set = DataSet::new();
        for (name, text) in DATA {
            set.add_builtin(name, text)
                .expect("the built-in attribution data parses");
        }
        Lexicon::load(&set).expect("the built-in attribution data loads")
    }

    /// Read the stage's files from `data`: a word twice in a list, a
    /// malformed line, an unknown section or rule name is an error naming
    /// its file and line.
    pub fn load(data: &DataSet) -> Result<Lexicon, DataError> {
        let mut t = Tagger::default();
        let mut cues: WordSet<String> = WordSet::default();
        for (w, e) in word_file(data, "cues.txt")? {
            t.add(&w, T_REPORT, Some(&e))?;
            cues.insert(w);
        }
        let mut stance = WordSet::default();
        for (w, e) in word_file(data, "stance.txt")? {
            if !cues.contains(&w) {
                t.add(&w, T_STANCE, Some(&e))?;
                stance.insert(w);
            }
        }
        let mut sets = [WordSet::default(), WordSet::default()];
        for (set, name, bit) in [(0, "adjectives.txt", T_ADJ), (1, "sources.txt", T_SOURCE)] {
            for (w, e) in word_file(data, name)? {
                t.add(&w, bit, Some(&e))?;
                sets[set].insert(w);
            }
        }
        let [adjectives, sources] = sets;
        for (w, e) in word_file(data, "adverbs.txt")? {
            t.add(&w, T_LOOP | T_ADVERB, Some(&e))?;
        }
        let particles = Self::load_particles(data)?;
        for (v, _) in &particles {
            t.add(std::str::from_utf8(v).unwrap_or(""), T_PARTICLE, None)?;
        }
        let blocked = Self::load_blocked(data)?;
        for w in blocked.keys() {
            t.add(w, T_BLOCKED, None)?;
        }
        let sections = load_sections(data, &mut t)?;
        for (list, bits) in CLOSED {
            for w in *list {
                t.add(w, *bits, None)?;
            }
        }
        let words = t.words;
        let mut table = WordTableBuilder::new(|a: Tags, b: Tags| a | b);
        table.extend(words.iter().map(|(w, &bits)| (w, bits)));
        let table = table.build();
        let (forms, lemmas) = Self::load_lemmas(data)?;
        let confidence = Self::load_confidence(data)?;
        let list = |file: &str, section: &str| section_words(&sections, file, section);
        let in_idioms = list("in_source.txt", "idiom")
            .0
            .chunks(2)
            .map(|p| (p[0].clone(), p[1].clone()))
            .collect();
        Ok(Lexicon {
            cues,
            stance,
            adjectives,
            sources,
            blocked,
            particles,
            words,
            table,
            in_anywhere: list("in_source.txt", "anywhere"),
            in_idioms,
            colon_group: list("colon.txt", "group"),
            colon_camp: list("colon.txt", "camp"),
            colon_addressee: list("colon.txt", "addressee"),
            w: Cold::new(&sections),
            sections,
            forms,
            lemmas,
            confidence,
        })
    }

    /// `confidence.txt`: lines `RULE: PERCENT`, each rule once.
    fn load_confidence(data: &DataSet) -> Result<[Option<u8>; Rule::ALL.len()], DataError> {
        let mut out = [None; Rule::ALL.len()];
        for (label, ws, e) in labelled(file(data, "confidence.txt")?)? {
            let rule: Rule = label.parse().map_err(|r| e.malformed(format!("{r}")))?;
            let pct = match ws[..] {
                [w] => w.parse::<u8>().ok().filter(|&p| p <= 100),
                _ => None,
            }
            .ok_or_else(|| e.malformed("a line is `RULE: PERCENT` (0 to 100)"))?;
            let slot = &mut out[rule as usize];
            if slot.is_some() {
                return Err(e.malformed(format!("{rule} has a confidence twice")));
            }
            *slot = Some(pct);
        }
        Ok(out)
    }

    /// The measured precision of `rule`, in per cent (`confidence.txt`).
    pub fn confidence(&self, rule: Rule) -> Option<u8> {
        self.confidence[rule as usize]
    }

    /// Every cue form's lemma (the first word of its line in `cues.txt`,
    /// `stance.txt`, `adjectives.txt`, or a cue of code) with its class:
    /// `classes.txt` names forms, each class going to the form's lemma.
    #[allow(clippy::type_complexity)]
    fn load_lemmas(
        data: &DataSet,
    ) -> Result<(WordMap<String, u32>, Vec<(Arc<str>, StatementClass)>), DataError> {
        let mut forms: WordMap<String, u32> = WordMap::default();
        let mut lemmas: Vec<(Arc<str>, StatementClass)> = Vec::new();
        let mut add_line = |words: &[&str], lemma: &str, class: StatementClass| {
            let i = lemmas.len() as u32;
            let mut used = false;
            for w in words {
                if !forms.contains_key(*w) {
                    forms.insert((*w).to_owned(), i);
                    used = true;
                }
            }
            if used {
                lemmas.push((Arc::from(lemma), class));
            }
        };
        for (name, class) in [
            ("cues.txt", StatementClass::Report),
            ("stance.txt", StatementClass::Belief),
            ("adjectives.txt", StatementClass::Belief),
        ] {
            for e in file(data, name)?.entries() {
                let ws: Vec<&str> = e.fields().collect();
                if name == "adjectives.txt" {
                    for w in ws {
                        add_line(&[w], w, class);
                    }
                } else if let Some(first) = ws.first() {
                    add_line(&ws, first, class);
                }
            }
        }
        for e in file(data, "nouns.txt")?.entries() {
            let ws: Vec<&str> = e.fields().collect();
            if let [label, first, ..] = ws[..] {
                if label == "noun:" {
                    add_line(&ws[1..], first, StatementClass::Report);
                }
            }
        }
        // The cues of code: `according to`, the adverbs, a colon, `in`.
        add_line(&["according"], "according to", StatementClass::Report);
        for e in file(data, "adverbs.txt")?.entries() {
            for w in e.fields() {
                add_line(&[w], w, StatementClass::Report);
            }
        }
        add_line(&[":"], ":", StatementClass::Report);
        add_line(&["in"], "in", StatementClass::Belief);
        let f = file(data, "classes.txt")?;
        f.unique_by(|e| {
            let mut fields = e.fields();
            match fields.next() {
                // A lemma line names one form (its lemma may repeat).
                Some("lemma:") => fields.take(1).map(|w| format!("lemma {w}")).collect(),
                _ => fields.map(str::to_owned).collect::<Vec<_>>(),
            }
        })?;
        for (label, ws, e) in labelled(f)? {
            if label == "lemma" {
                let [form, lemma] = ws[..] else {
                    return Err(e.malformed("a lemma line is `lemma: FORM LEMMA`"));
                };
                let &i = forms
                    .get(form)
                    .ok_or_else(|| e.malformed(format!("{form:?} is no listed cue form")))?;
                lemmas[i as usize].0 = Arc::from(lemma);
                continue;
            }
            let class: StatementClass = label.parse().map_err(|r: String| e.malformed(r))?;
            for w in ws {
                let &i = forms
                    .get(w)
                    .ok_or_else(|| e.malformed(format!("{w:?} is no listed cue form")))?;
                lemmas[i as usize].1 = class;
            }
        }
        Ok((forms, lemmas))
    }

    /// The lemma and class of a cue whose first word is `w` (lower case):
    /// `None` for a word no cue list holds.
    pub fn cue_lemma(&self, w: &str) -> Option<(&Arc<str>, StatementClass)> {
        let &i = self.forms.get(w)?;
        self.lemmas.get(i as usize).map(|(l, c)| (l, *c))
    }

    /// `particles.txt`: one `VERB PARTICLE` pair a line, each pair once.
    fn load_particles(data: &DataSet) -> Result<Vec<Pair>, DataError> {
        let f = file(data, "particles.txt")?;
        f.unique_by(|e| [e.text().to_owned()])?;
        f.entries()
            .iter()
            .map(|e| match e.fields().collect::<Vec<_>>()[..] {
                [v, p] if v.len() <= KEY_BYTES => Ok((v.as_bytes().into(), p.as_bytes().into())),
                _ => Err(e.malformed("a line is `VERB PARTICLE`")),
            })
            .collect()
    }

    /// `blocked.txt`: lines `rule: form form ...`, a rule name as
    /// [`Rule`] spells it.
    fn load_blocked(data: &DataSet) -> Result<WordMap<String, u32>, DataError> {
        let f = file(data, "blocked.txt")?;
        let mut blocked: WordMap<String, u32> = WordMap::default();
        let mut seen: WordSet<(Rule, &str)> = WordSet::default();
        for (label, ws, e) in labelled(f)? {
            let rule: Rule = label.parse().map_err(|r| e.malformed(format!("{r}")))?;
            for w in ws {
                if w.len() > KEY_BYTES {
                    return Err(e.malformed(format!("{w:?}: a listed word has 1 to 16 bytes")));
                }
                if !seen.insert((rule, w)) {
                    return Err(e.malformed(format!("{w:?} is blocked for {rule} twice")));
                }
                *blocked.entry(w.to_owned()).or_insert(0) |= rule.bit();
            }
        }
        Ok(blocked)
    }

    /// The tag table, for a loop of lookups.
    pub(super) fn tags(&self) -> WordView<'_, Tags> {
        self.table.view()
    }

    /// The bits of the word `w`, from the table.
    #[cfg(test)]
    pub(super) fn table_get(&self, w: &str) -> Tags {
        self.table.get(w.as_bytes())
    }

    /// Every listed word and mark with its bits, as a plain map (what the
    /// tag table is built from, and the tests' reference for it).
    #[cfg(test)]
    pub(super) fn tag_words(&self) -> &WordMap<String, Tags> {
        &self.words
    }

    /// The words of a section of a sectioned file (`"phrase.txt"`, `"skip"`).
    pub fn section(&self, file: &str, section: &str) -> &[String] {
        self.sections
            .iter()
            .find(|((f, s), _)| *f == file && *s == section)
            .map_or(&[], |(_, ws)| ws.as_slice())
    }

    /// Does `rule` not take the one-word cue `w`?
    pub fn is_blocked(&self, rule: Rule, w: &str) -> bool {
        self.blocked.get(w).is_some_and(|&m| m & rule.bit() != 0)
    }

    /// The (verb, particle) pairs of `particles.txt`.
    pub(super) fn particles(&self) -> &[Pair] {
        &self.particles
    }

    /// The class of a lower-case word as a cue.
    pub fn cue_class(&self, w: &str) -> Option<CueClass> {
        if self.cues.contains(w) {
            Some(CueClass::Report)
        } else if self.stance.contains(w) {
            Some(CueClass::Stance)
        } else {
            None
        }
    }

    /// Every form of every reporting verb, lower case.
    pub fn cue_forms(&self) -> impl Iterator<Item = &str> {
        self.cues.iter().map(String::as_str)
    }

    /// Every form of every stance verb that is no reporting verb.
    pub fn stance_forms(&self) -> impl Iterator<Item = &str> {
        self.stance.iter().map(String::as_str)
    }

    /// Lower-case nouns and pronouns that can name a source.
    pub fn source_nouns(&self) -> impl Iterator<Item = &str> {
        self.sources.iter().map(String::as_str)
    }

    /// Is `w` a source noun?
    pub fn is_source(&self, w: &str) -> bool {
        self.sources.contains(w)
    }

    /// Is `w` an adjective of attitude?
    pub fn is_adjective(&self, w: &str) -> bool {
        self.adjectives.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in set with `extra` added to the user lines of `name`.
    fn load_with(name: &str, extra: &str) -> Result<Lexicon, DataError> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("attribution")).unwrap();
        std::fs::write(dir.path().join("attribution").join(name), extra).unwrap();
        let mut set = DataSet::new();
        for (n, text) in DATA {
            set.add_builtin(n, text).unwrap();
        }
        set.add_dir(dir.path())?;
        Lexicon::load(&set)
    }

    #[test]
    fn the_builtin_lists_load() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.cue_class("said"), Some(CueClass::Report));
        assert_eq!(lex.cue_class("praised"), Some(CueClass::Stance));
        assert!(lex.is_blocked(Rule::ContentCue, "insisted"));
        assert!(!lex.is_blocked(Rule::CueContent, "insisted"));
        assert!(lex.section("phrase.txt", "skip").iter().any(|w| w == "has"));
    }

    #[test]
    fn a_users_cue_is_a_cue() {
        let lex = load_with("cues.txt", "grumble grumbles grumbled\n").unwrap();
        assert_eq!(lex.cue_class("grumbled"), Some(CueClass::Report));
    }

    #[test]
    fn an_unknown_rule_in_blocked_names_file_and_line() {
        let e = load_with("blocked.txt", "# two lines\ncue-contnet: said\n").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("blocked.txt:2: no rule named \"cue-contnet\""),
            "{msg}"
        );
    }

    #[test]
    fn duplicates_unknown_sections_and_long_words_are_errors() {
        let e = load_with("cues.txt", "say\n").unwrap_err();
        assert!(matches!(e, DataError::Duplicate { .. }), "{e}");
        let e = load_with("phrase.txt", "skip: has\n").unwrap_err();
        assert!(matches!(e, DataError::Duplicate { .. }), "{e}");
        // The same word in two sections is no repeat.
        assert!(load_with("phrase.txt", "intro: has\n").is_ok());
        let e = load_with("verbs.txt", "sayings: aver\n").unwrap_err();
        assert!(e.to_string().contains("no section \"sayings\""), "{e}");
        let e = load_with("verbs.txt", "aver avers\n").unwrap_err();
        assert!(e.to_string().contains("`NAME: word word ...`"), "{e}");
        let e = load_with("sources.txt", "spokespersonsofthecity\n").unwrap_err();
        assert!(e.to_string().contains("1 to 16 bytes"), "{e}");
        let e = load_with("blocked.txt", "coord-cue: confirmed\n").unwrap_err();
        assert!(e.to_string().contains("twice"), "{e}");
        let e = load_with("particles.txt", "point\n").unwrap_err();
        assert!(e.to_string().contains("`VERB PARTICLE`"), "{e}");
    }
}
