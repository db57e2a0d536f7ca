//! Credit lines: the dash and a name that sign an epigraph or a pull
//! quote ("– Tavi Renn" under a quotation), which name no actor of the
//! story ([`is_credit`]).

use super::sentence::Cx;
use crate::segment::TokenKind;

/// The most tokens after the dash a credit line holds.
const MAX_CREDIT_TOKENS: usize = 8;

/// True when the sentence is a credit line: a dash opening it ("–", "—",
/// "―" or "--"; a hyphen opens list items, which stay), then only
/// capitalised words, name particles, initials' periods and commas, the
/// last sentence of its paragraph (`last`).
pub(super) fn is_credit(cx: &Cx, last: bool) -> bool {
    let toks = cx.toks;
    if !last || toks.len() < 2 || toks.len() > MAX_CREDIT_TOKENS + 1 {
        return false;
    }
    if !matches!(cx.text_of(0), "\u{2013}" | "\u{2014}" | "\u{2015}" | "--") {
        return false;
    }
    (1..toks.len()).all(|k| match toks[k].kind {
        TokenKind::Word => {
            let f = cx.info(k);
            f.is_cap() || f.particle()
        }
        _ => matches!(cx.text_of(k), "." | ","),
    }) && cx.info(1).is_cap()
}
