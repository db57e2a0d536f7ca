//! Evidence lists: the smallest spans of a link, kept sorted and capped
//! one span at a time.

use super::{DocSource, Evidence, EvidenceSource};

/// The order evidence is kept in: document id, then span.
fn key(e: &Evidence) -> (&str, usize, usize) {
    (e.doc.as_str(), e.start, e.end)
}

/// Keep `ev` in `list` if it is among the `cap` smallest by (document id,
/// start, end): `list` stays sorted, without duplicates, at most `cap`
/// long, and `ev` is copied only when kept.
pub(super) fn keep_evidence(list: &mut Vec<Evidence>, cap: usize, ev: &Evidence) {
    keep_with(list, cap, key(ev), || ev.clone());
}

/// Keep the span `start..end` of the document `src` in `list` as
/// [`keep_evidence`] does, its document's id, file, line and day copied
/// only when the span is kept.
pub(super) fn keep_span_of(
    list: &mut Vec<Evidence>,
    cap: usize,
    src: &DocSource,
    start: usize,
    end: usize,
) {
    keep_with(list, cap, (&src.id, start, end), || Evidence {
        doc: src.id.clone(),
        start,
        end,
        source: (src.file.is_some() || src.line.is_some() || src.day.is_some()).then(|| {
            Box::new(EvidenceSource {
                file: src.file.clone(),
                line: src.line,
                date: src.day.clone(),
            })
        }),
    });
}

fn keep_with(
    list: &mut Vec<Evidence>,
    cap: usize,
    new: (&str, usize, usize),
    make: impl FnOnce() -> Evidence,
) {
    if list.len() >= cap && list.last().is_none_or(|last| key(last) <= new) {
        return;
    }
    if let Err(at) = list.binary_search_by(|e| key(e).cmp(&new)) {
        list.insert(at, make());
        list.truncate(cap);
    }
}

/// True when `list` is as [`keep_evidence`] leaves it: sorted by
/// (document id, start, end), without duplicates, at most `cap` long.
pub(super) fn is_kept(list: &[Evidence], cap: usize) -> bool {
    list.len() <= cap && list.windows(2).all(|w| key(&w[0]) < key(&w[1]))
}

/// Keep the span `new` in `list` if it is among the `cap` smallest, like
/// [`keep_evidence`] for spans of one document.
pub(super) fn keep_span(list: &mut Vec<(usize, usize)>, cap: usize, new: (usize, usize)) {
    if list.len() >= cap && list.last().is_none_or(|&last| last <= new) {
        return;
    }
    if let Err(at) = list.binary_search(&new) {
        list.insert(at, new);
        list.truncate(cap);
    }
}

/// The evidence spans of a link in one document, kept like
/// [`keep_span`] does; a link seen once (the usual case) needs no
/// allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum SpanList {
    Empty,
    One((usize, usize)),
    Many(Vec<(usize, usize)>),
}

impl SpanList {
    pub(super) fn keep(&mut self, cap: usize, new: (usize, usize)) {
        match self {
            SpanList::Empty => {
                if cap > 0 {
                    *self = SpanList::One(new);
                }
            }
            SpanList::One(first) => {
                if *first != new {
                    let mut v = vec![*first];
                    keep_span(&mut v, cap, new);
                    *self = SpanList::Many(v);
                }
            }
            SpanList::Many(v) => keep_span(v, cap, new),
        }
    }

    pub(super) fn as_slice(&self) -> &[(usize, usize)] {
        match self {
            SpanList::Empty => &[],
            SpanList::One(one) => std::slice::from_ref(one),
            SpanList::Many(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A span list keeps what a plain list kept by `keep_span` keeps.
        #[test]
        fn span_list_matches_keep_span(
            spans in proptest::collection::vec((0usize..6, 0usize..3), 0..20),
            cap in 0usize..4,
        ) {
            let mut list = SpanList::Empty;
            let mut plain = Vec::new();
            for &(s, l) in &spans {
                list.keep(cap, (s, s + l));
                keep_span(&mut plain, cap, (s, s + l));
            }
            proptest::prop_assert_eq!(list.as_slice(), &plain[..]);
        }
    }

    proptest::proptest! {
        /// Keeping evidence one span at a time gives what sorting all of it,
        /// dropping repeats and cutting at the cap gives.
        #[test]
        fn evidence_cap_matches_sort_and_truncate(
            spans in proptest::collection::vec((0u8..3, 0usize..6, 0usize..3), 0..30),
            cap in 0usize..5,
        ) {
            let all: Vec<Evidence> = spans
                .iter()
                .map(|&(d, s, l)| Evidence { doc: format!("d{d}.txt"), start: s, end: s + l, ..Evidence::default() })
                .collect();
            let mut kept = Vec::new();
            for e in &all {
                keep_evidence(&mut kept, cap, e);
            }
            let mut want = all.clone();
            want.sort();
            want.dedup();
            want.truncate(cap);
            proptest::prop_assert_eq!(kept, want);
        }
    }
}
