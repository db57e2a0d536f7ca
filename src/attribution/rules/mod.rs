//! The rules, one file per family of trigger: each reads the structure
//! around one candidate cue token and returns the attribution it builds.
//!
//! - `according_to`: `according to X`;
//! - `adverb`: `reportedly`;
//! - `in_source`: `in a poll`, `in his view`;
//! - `colon`: a colon before a quotation, a headline colon;
//! - `adjective`: `X is eager to ...`;
//! - `verb_cue`: a reporting or stance verb (most rules).

use super::*;

mod according_to;
mod adjective;
mod adverb;
mod colon;
mod in_source;
mod noun;
mod verb_cue;

pub(super) use according_to::according_to;
pub(super) use adjective::adjective_cue;
pub(super) use adverb::adverb_cue;
pub(super) use colon::{colon, colon_quote};
pub(super) use in_source::in_source;
pub(super) use noun::noun_cue;
pub(super) use verb_cue::{set_off, verb_cue};
