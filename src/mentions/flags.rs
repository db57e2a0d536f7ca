//! What the word lists and the shape tests say about one token, packed in
//! one `u32`: the one definition of the layout.
//!
//! ```text
//! bits  0..=21  flags: DONE, WORD, shape (IS_LOWER, CAP, HAS_DOT,
//!               ALL_CAPS), lists of the lower-case word (L_*) and of the
//!               exact word (E_*)
//! bit   23      HAS_EXACT, in a word-table entry only
//! bits 24..=25  the gender of the given name (E_FIRST_NAME), or in a
//!               table entry the gender of its list (name or pronoun)
//! bits 26..=27  the gender of the pronoun (L_PRONOUN)
//! ```
//!
//! Rule code reads a token through [`Info`]'s named accessors.

use super::Gender;

/// The token has been looked up.
pub(super) const DONE: u32 = 1;
/// A word token.
pub(super) const WORD: u32 = 1 << 1;
/// Lower case already: the word equals its lower-cased form.
pub(super) const IS_LOWER: u32 = 1 << 2;
/// Capitalised ([`super::shape::is_cap`]).
pub(super) const CAP: u32 = 1 << 3;
pub(super) const L_COMMON: u32 = 1 << 4;
pub(super) const L_TITLE: u32 = 1 << 5;
pub(super) const L_TITLE_FIRST: u32 = 1 << 6;
pub(super) const L_ORG_WORD: u32 = 1 << 7;
pub(super) const L_NON_PERSON: u32 = 1 << 8;
pub(super) const L_MODIFIER: u32 = 1 << 9;
pub(super) const L_SPLITTER: u32 = 1 << 10;
pub(super) const L_PARTICLE: u32 = 1 << 11;
pub(super) const L_PERSON_VERB: u32 = 1 << 12;
pub(super) const L_PAST_VERB: u32 = 1 << 13;
pub(super) const L_ORG_MODIFIER: u32 = 1 << 14;
pub(super) const L_PRONOUN: u32 = 1 << 15;
pub(super) const L_NOMINAL_HEAD: u32 = 1 << 16;
pub(super) const E_FIRST_NAME: u32 = 1 << 17;
pub(super) const E_PLACE: u32 = 1 << 18;
pub(super) const E_PEOPLE: u32 = 1 << 19;
/// A family name written before the given name ("Wong", "Nguyen").
pub(super) const E_FAMILY_FIRST: u32 = 1 << 22;
/// The word holds a period ("Gen.", "U.S.").
pub(super) const HAS_DOT: u32 = 1 << 20;
/// The word is in capitals ([`super::shape::is_all_caps`]).
pub(super) const ALL_CAPS: u32 = 1 << 21;

/// The word-list bits of a packed word-table entry.
pub(super) const LIST_FLAGS: u32 = 0x7f_ffff;
/// In a `lower_short` entry: some key of `exact` has this lower case.
pub(super) const HAS_EXACT: u32 = 1 << 23;
/// The flags of an [`Info`], below the genders.
const INFO_FLAGS: u32 = 0xff_ffff;
/// Where the given name's gender (or a table entry's) starts.
const GENDER_SHIFT: u32 = 24;
/// Where the pronoun's gender starts.
const PRON_SHIFT: u32 = 26;

/// A gender in two bits.
#[inline]
const fn code(g: Gender) -> u32 {
    match g {
        Gender::Unknown => 0,
        Gender::Male => 1,
        Gender::Female => 2,
    }
}

/// The gender of two bits.
#[inline]
fn gender(c: u32) -> Gender {
    match c & 3 {
        1 => Gender::Male,
        2 => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A word-table entry in one number: its flags, the gender above them.
pub(super) fn pack_entry(f: u32, g: Gender) -> u32 {
    debug_assert!(f & !LIST_FLAGS == 0);
    f | code(g) << GENDER_SHIFT
}

/// True when the packed info `p` has been looked up.
#[inline(always)]
pub(super) fn is_done(p: u32) -> bool {
    p & DONE != 0
}

/// A table entry's gender as a pronoun's, placed as in a packed [`Info`].
#[inline(always)]
pub(super) fn entry_pron(entry: u32) -> u32 {
    (entry >> GENDER_SHIFT) << PRON_SHIFT
}

/// A table entry's gender as a given name's, placed as in a packed
/// [`Info`].
#[inline(always)]
pub(super) fn entry_gender(entry: u32) -> u32 {
    (entry >> GENDER_SHIFT) << GENDER_SHIFT
}

/// What the word lists say about one token.
#[derive(Clone, Copy, Debug)]
pub(super) struct Info {
    /// `DONE`, `WORD`, `L_*`, `E_*` bits.
    pub(super) f: u32,
    /// The gender of the given name it is (with `E_FIRST_NAME`).
    pub(super) gender: Gender,
    /// The gender of the pronoun it is (with `L_PRONOUN`).
    pub(super) pron: Gender,
}

impl Info {
    /// True when any of `bits` is set.
    #[inline]
    pub(super) fn has(&self, bits: u32) -> bool {
        self.f & bits != 0
    }

    /// The flags in the low 24 bits, the genders in two bits each above.
    #[inline]
    pub(super) fn pack(&self) -> u32 {
        self.f | code(self.gender) << GENDER_SHIFT | code(self.pron) << PRON_SHIFT
    }

    /// The info of a packed number.
    #[inline]
    pub(super) fn unpack(p: u32) -> Info {
        Info {
            f: p & INFO_FLAGS,
            gender: gender(p >> GENDER_SHIFT),
            pron: gender(p >> PRON_SHIFT),
        }
    }

    /// A word token.
    #[inline]
    pub(super) fn is_word(&self) -> bool {
        self.has(WORD)
    }
    /// In lower case already.
    #[inline]
    pub(super) fn is_lower(&self) -> bool {
        self.has(IS_LOWER)
    }
    /// Capitalised.
    #[inline]
    pub(super) fn is_cap(&self) -> bool {
        self.has(CAP)
    }
    /// Holds a period.
    #[inline]
    pub(super) fn has_dot(&self) -> bool {
        self.has(HAS_DOT)
    }
    /// In capitals.
    #[inline]
    pub(super) fn all_caps(&self) -> bool {
        self.has(ALL_CAPS)
    }
    /// A common word (`common.txt`).
    #[inline]
    pub(super) fn common(&self) -> bool {
        self.has(L_COMMON)
    }
    /// A one-word title.
    #[inline]
    pub(super) fn title(&self) -> bool {
        self.has(L_TITLE)
    }
    /// The first word of some title.
    #[inline]
    pub(super) fn title_first(&self) -> bool {
        self.has(L_TITLE_FIRST)
    }
    /// An organization word.
    #[inline]
    pub(super) fn org_word(&self) -> bool {
        self.has(L_ORG_WORD)
    }
    /// A word for a thing no person is.
    #[inline]
    pub(super) fn non_person(&self) -> bool {
        self.has(L_NON_PERSON)
    }
    /// A modifier opening works' and places' names.
    #[inline]
    pub(super) fn modifier(&self) -> bool {
        self.has(L_MODIFIER)
    }
    /// A word no person's name holds.
    #[inline]
    pub(super) fn splitter(&self) -> bool {
        self.has(L_SPLITTER)
    }
    /// A name particle.
    #[inline]
    pub(super) fn particle(&self) -> bool {
        self.has(L_PARTICLE)
    }
    /// A verb only people do.
    #[inline]
    pub(super) fn person_verb(&self) -> bool {
        self.has(L_PERSON_VERB)
    }
    /// An irregular past tense (any case: see [`Info::is_lower`]).
    #[inline]
    pub(super) fn past_verb(&self) -> bool {
        self.has(L_PAST_VERB)
    }
    /// A leading word organizations keep.
    #[inline]
    pub(super) fn org_modifier(&self) -> bool {
        self.has(L_ORG_MODIFIER)
    }
    /// A personal pronoun; its gender is [`Info::pron`].
    #[inline]
    pub(super) fn pronoun(&self) -> bool {
        self.has(L_PRONOUN)
    }
    /// A nominal role (any case: see [`Info::is_lower`]).
    #[inline]
    pub(super) fn nominal_head(&self) -> bool {
        self.has(L_NOMINAL_HEAD)
    }
    /// A known given name; its gender is [`Info::gender`].
    #[inline]
    pub(super) fn first_name(&self) -> bool {
        self.has(E_FIRST_NAME)
    }
    /// A known place.
    #[inline]
    pub(super) fn place(&self) -> bool {
        self.has(E_PLACE)
    }
    /// A person known by one name.
    #[inline]
    pub(super) fn one_name(&self) -> bool {
        self.has(E_PEOPLE)
    }

    /// A family name written before the given name (`family_first.txt`).
    #[inline]
    pub(super) fn family_first(&self) -> bool {
        self.has(E_FAMILY_FIRST)
    }
}
