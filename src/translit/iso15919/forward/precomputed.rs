//! The precomputed tables of the transcoder: a [`Code`] per code point of
//! the block, and a row of written syllables per consonant.

use std::sync::OnceLock;

use super::{must_escape, options, State, NUKTA, VIRAMA, VOWEL_BIT};
use crate::normalize::display::{self, NO_PREV};
use crate::script;
use crate::translit::iso15919::table::{MarkKind, SEPARATOR};
use crate::translit::iso15919::tokens::{is_combining, Fwd, Role, Tables, Tok};

/// What a code point of the block does, with everything precomputed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A consonant: waits for its vowel sign, virama or inherent `a`.
    Consonant,
    /// A token written as it is (vowel letter, digit, modifier, virama).
    Token,
    /// A vowel sign or nukta with no consonant before it: escaped.
    Orphan,
    /// Copied unchanged, or escaped after a token if it is combining.
    Raw { combining: bool },
}

/// One token, ready to write.
#[derive(Clone, Copy, Debug)]
pub(super) struct Code {
    pub(super) latin: &'static str,
    /// The token's first-character bit, plus [`VOWEL_BIT`] for a vowel; 0
    /// when the token is not a letter (it never takes a separator).
    pub(super) first: u64,
    /// What, written next, would join with this token; 0 for non-letters.
    pub(super) joins: u64,
    pub(super) letter: bool,
}

impl Code {
    const NONE: Code = Code {
        latin: "",
        first: 0,
        joins: 0,
        letter: false,
    };

    fn of(tok: Tok) -> Code {
        let letter = tok.role != Role::Other;
        let vowel = if tok.role == Role::Vowel {
            VOWEL_BIT
        } else {
            0
        };
        Code {
            latin: tok.latin,
            first: if letter { tok.first | vowel } else { 0 },
            joins: if letter { tok.joins } else { 0 },
            letter,
        }
    }

    fn text(&self) -> &'static str {
        self.latin
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    pub(super) kind: Kind,
    pub(super) code: Code,
    /// A consonant's spelling with a nukta after it (ড় ঢ় য়), or the sign's
    /// code for a vowel sign.
    pub(super) nukta: Option<Code>,
    /// True for a vowel sign.
    pub(super) sign: bool,
    /// Some display rule may change this code point, depending on the ones
    /// before it ([`display::may_be_dirty`]).
    pub(super) may_be_dirty: bool,
    /// A consonant's row in [`Codes::syllables`].
    pub(super) row: usize,
    /// The row of a consonant's nukta letter in [`Codes::syllables`].
    nukta_row: Option<usize>,
}

/// A consonant with what follows it (see [`Codes::class`]), ready to write.
#[derive(Clone, Debug)]
pub(super) struct Syllable {
    /// The consonant, a separator if the two would join, and the vowel,
    /// padded to [`SYLLABLE_PAD`] bytes (see [`push_padded`]).
    pub(super) latin: Box<str>,
    /// Bytes of `latin` used.
    pub(super) latin_len: usize,
    /// The consonant's [`Code::first`].
    pub(super) first: u64,
    /// The state after it.
    pub(super) state: State,
    /// Bytes of input it covers: the consonant, and the sign or virama; 0
    /// for the [`SLOW`] column, which the fast loop leaves to the general
    /// path.
    pub(super) len: usize,
    /// The code point after the consonant (sign or virama) may not be in
    /// display form: the fast loop checks it.
    check_next: bool,
    /// The block offset of the last code point it covers.
    last: u8,
}

/// What the fast loop writes for a code point and what follows it: a
/// [`Syllable`], or a token (which takes nothing after it), in a form small
/// enough that the common ones stay in the first-level cache.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Compact {
    /// Its Latin, padded to [`SYLLABLE_PAD`] bytes (see [`push_padded`]).
    pub(super) latin: &'static str,
    /// [`State::trigger`] after it.
    pub(super) trigger: u64,
    /// [`Code::first`] of its first token.
    pub(super) first: u64,
    /// Bytes of its Latin used.
    pub(super) latin_len: u8,
    /// [`COMPACT_SLOW`], [`COMPACT_CHECK`], [`COMPACT_LETTER`].
    pub(super) flags: u8,
    /// [`Syllable::last`].
    pub(super) last: u8,
    /// Bytes of input it covers (3 or 6, 6 or 9 for a nukta letter).
    pub(super) step: u8,
    /// With [`COMPACT_NUKTA`], the first entry of the nukta letter's row.
    pub(super) nukta_row: u16,
}

/// The general path writes this syllable (a nukta follows, or it does not
/// fit the compact form).
pub(super) const COMPACT_SLOW: u8 = 1;
/// The code point after the consonant may not be in display form, for some
/// code points before the consonant ([`Codes::check_after`]).
pub(super) const COMPACT_CHECK: u8 = 2;
/// [`State::letter`] after it.
pub(super) const COMPACT_LETTER: u8 = 4;
/// [`State::after_token`] after it.
pub(super) const COMPACT_TOKEN: u8 = 16;
/// A consonant with a nukta letter, and a nukta: with [`COMPACT_SLOW`], the
/// fast loop looks up what follows in [`Compact::nukta_row`].
pub(super) const COMPACT_NUKTA: u8 = 8;

const fn flag(on: bool, flag: u8) -> u8 {
    if on {
        flag
    } else {
        0
    }
}

impl Compact {
    const SLOW: Compact = Compact {
        latin: "",
        trigger: 0,
        first: 0,
        latin_len: 0,
        flags: COMPACT_SLOW,
        last: 0,
        step: 0,
        nukta_row: 0,
    };

    fn of(syllable: &Syllable, check: bool) -> Compact {
        let fits =
            syllable.latin.len() == SYLLABLE_PAD && syllable.state.after_token && syllable.len != 0;
        Compact {
            latin: "",
            trigger: syllable.state.trigger,
            first: syllable.first,
            latin_len: u8::try_from(syllable.latin_len).unwrap_or(u8::MAX),
            flags: flag(!fits, COMPACT_SLOW)
                | flag(check, COMPACT_CHECK)
                | flag(syllable.state.letter, COMPACT_LETTER)
                | COMPACT_TOKEN,
            last: syllable.last,
            step: u8::try_from(syllable.len).unwrap_or(0),
            nukta_row: 0,
        }
    }

    /// What the fast loop starts from: the state `state`, after the code
    /// point at block offset `last` (or [`NO_PREV`]). With no Latin, it
    /// also stands for text copied as is.
    pub(super) fn state(state: State, last: usize) -> Compact {
        Compact {
            latin: "",
            trigger: state.trigger,
            first: 0,
            latin_len: 0,
            flags: flag(state.after_token, COMPACT_TOKEN) | flag(state.letter, COMPACT_LETTER),
            last: u8::try_from(last).unwrap_or(u8::MAX),
            step: 0,
            nukta_row: 0,
        }
    }

    /// A token at block offset `offset`, which the fast loop writes alone.
    fn token(code: Code, offset: u8) -> Compact {
        Compact {
            latin: "",
            trigger: code.joins,
            first: code.first,
            latin_len: u8::try_from(code.text().len()).unwrap_or(u8::MAX),
            flags: flag(code.text().len() > SYLLABLE_PAD, COMPACT_SLOW)
                | flag(code.letter, COMPACT_LETTER)
                | COMPACT_TOKEN,
            last: offset,
            step: 3,
            nukta_row: 0,
        }
    }
}

/// Padded size of [`Syllable::latin`] and [`Compact::latin`]; the tests
/// check that every syllable and token fits.
pub(super) const SYLLABLE_PAD: usize = 16;

/// The classes of [`Codes::class`] that are not vowel signs (signs count
/// from [`FIRST_SIGN`]).
pub(super) const INHERENT: u8 = 0;
const BARE: u8 = 1;
pub(super) const FIRST_SIGN: u8 = 2;
/// A nukta after a consonant: the general path (the last column of a
/// consonant's row, after the signs).
pub(super) const SLOW: u8 = u8::MAX;

/// The transcoder's tables, derived once from [`Tables`].
pub(super) struct Codes {
    pub(super) block: [Entry; 128],
    pub(super) inherent: Code,
    pub(super) zwj: Code,
    pub(super) zwnj: Code,
    /// The nukta written after a consonant that has no nukta letter (k̤).
    pub(super) nukta_mark: Code,
    /// What a code point (block offset, or 128 for anything else) is after a
    /// consonant: [`INHERENT`], [`BARE`] (virama), a sign, or [`SLOW`].
    pub(super) class: [u8; 129],
    /// The same with [`SLOW`] as the column after the signs, for the fast
    /// loop: `syllables[row + fast_class[next]]`.
    pub(super) fast_class: [u8; 128],
    /// `syllables[row + class]`.
    pub(super) syllables: Vec<Syllable>,
    /// [`Compact`] forms of `syllables`, index for index, then those of the
    /// tokens of the fast loop, then one [`Compact::SLOW`].
    pub(super) compact: Vec<Compact>,
    /// Per code point of the block, for the fast loop: its first entry in
    /// `compact`, and a mask for the class (in `fast_class`) of the code
    /// point after it: all ones for a consonant, 0 for a token or a code
    /// point that the fast loop leaves to the general path.
    pub(super) rows: [(u16, u8); 128],
    /// [`COMPACT_CHECK`] for the block offsets (or [`NO_PREV`]) before a
    /// consonant after which a syllable with that flag needs the display
    /// check, 0 for the others.
    /// (Indexed by a byte: the entries after [`NO_PREV`] are never read.)
    pub(super) check_after: [u8; 256],
    /// Bytes that end a run of ASCII copied as is: escaped ones, the
    /// separator, and every byte outside ASCII.
    pub(super) ascii_stop: [bool; 256],
    /// The danda and double danda are copied as is and always in display
    /// form (checked when the tables are built).
    pub(super) plain_danda: bool,
}

pub(super) fn codes(t: &Tables) -> &'static Codes {
    static CODES: OnceLock<Codes> = OnceLock::new();
    CODES.get_or_init(|| {
        let raw = Entry {
            kind: Kind::Raw { combining: false },
            code: Code::NONE,
            nukta: None,
            sign: false,
            may_be_dirty: false,
            row: 0,
            nukta_row: None,
        };
        let mut block = [raw; 128];
        let mut nukta_mark = Code::NONE;
        for (i, (slot, fwd)) in block.iter_mut().zip(&t.forward).enumerate() {
            *slot = match *fwd {
                Fwd::Consonant { tok, nukta } => Entry {
                    kind: Kind::Consonant,
                    code: Code::of(tok),
                    nukta: nukta.map(Code::of),
                    ..raw
                },
                Fwd::Sign(tok) => Entry {
                    kind: Kind::Orphan,
                    code: Code::of(tok),
                    sign: true,
                    ..raw
                },
                Fwd::Mark(tok, MarkKind::Nukta) => {
                    nukta_mark = Code::of(tok);
                    Entry {
                        kind: Kind::Orphan,
                        ..raw
                    }
                }
                Fwd::Vowel(tok) | Fwd::Digit(tok) | Fwd::Mark(tok, _) => Entry {
                    kind: Kind::Token,
                    code: Code::of(tok),
                    ..raw
                },
                Fwd::Raw => Entry {
                    kind: Kind::Raw {
                        combining: char::from_u32(script::BLOCK_START + i as u32)
                            .is_some_and(is_combining),
                    },
                    ..raw
                },
            };
        }
        for (i, slot) in block.iter_mut().enumerate() {
            slot.may_be_dirty = display::may_be_dirty(i, false);
        }
        let inherent = Code::of(t.inherent);
        let mut class = [INHERENT; 129];
        let mut signs = Vec::new();
        for (i, (slot, entry)) in class.iter_mut().zip(&block).enumerate() {
            if i == usize::from(NUKTA) {
                *slot = SLOW;
            } else if i == usize::from(VIRAMA) {
                *slot = BARE;
            } else if entry.sign {
                *slot = FIRST_SIGN.saturating_add(signs.len() as u8);
                signs.push(entry.code);
            }
        }
        // The fast loop's column of the nukta is the one after the signs.
        let slow_column = FIRST_SIGN.saturating_add(signs.len() as u8);
        let mut fast_class = [INHERENT; 128];
        for (slot, &k) in fast_class.iter_mut().zip(&class) {
            *slot = if k == SLOW { slow_column } else { k };
        }
        let sign_offsets: Vec<u8> = (0..128u8)
            .filter(|&i| block.get(usize::from(i)).is_some_and(|e| e.sign))
            .collect();
        let mut syllables = Vec::new();
        for (i, entry) in block.iter_mut().enumerate() {
            if entry.kind != Kind::Consonant {
                continue;
            }
            entry.row = syllables.len();
            let offset = i as u8;
            let row = syllable_row(entry.code, inherent, &signs, &sign_offsets, offset, 3);
            syllables.extend(row);
            // A nukta letter (ড় ঢ় য়) and what follows it: a row of its own
            // for the fast loop, right after its base consonant's.
            if let Some(nukta) = entry.nukta {
                entry.nukta_row = Some(syllables.len());
                syllables.extend(syllable_row(
                    nukta,
                    inherent,
                    &signs,
                    &sign_offsets,
                    NUKTA,
                    6,
                ));
            }
        }
        // Which syllables need the display check of their sign or virama,
        // after which code points.
        let mut check_after = [COMPACT_CHECK; 256];
        for after in check_after.iter_mut().take(NO_PREV + 1) {
            *after = 0;
        }
        let mut compact = Vec::new();
        let row_len = usize::from(slow_column) + 1;
        for entry in block.iter().filter(|e| e.kind == Kind::Consonant) {
            let cons = syllables.get(entry.row).map_or(0, |s| usize::from(s.last));
            for syllable in syllables.iter().skip(entry.row).take(row_len) {
                let mut check = false;
                if syllable.check_next {
                    let next = usize::from(syllable.last);
                    for (p2, after) in check_after.iter_mut().enumerate().take(NO_PREV + 1) {
                        if display::may_be_dirty_after([cons, p2], next, false) {
                            *after = COMPACT_CHECK;
                            check = true;
                        }
                    }
                }
                compact.push(Compact::of(syllable, check));
            }
            // The fast loop checks what follows a nukta itself.
            if let Some(row) = entry.nukta_row {
                let nukta_row = u16::try_from(row).unwrap_or(u16::MAX);
                if let Some(slow) = compact.last_mut() {
                    slow.flags |= COMPACT_NUKTA;
                    slow.nukta_row = nukta_row;
                }
                for syllable in syllables.iter().skip(row).take(row_len) {
                    compact.push(Compact::of(syllable, false));
                }
            }
        }
        let mut arena: String = syllables.iter().map(|s| &*s.latin).collect();
        let mut rows = [(0u16, 0u8); 128];
        for (i, (entry, slot)) in block.iter().zip(&mut rows).enumerate() {
            let (row, mask) = match entry.kind {
                Kind::Consonant if !entry.may_be_dirty => (entry.row, u8::MAX),
                Kind::Token if !entry.may_be_dirty => {
                    compact.push(Compact::token(entry.code, i as u8));
                    arena.push_str(&pad(entry.code.text(), SYLLABLE_PAD));
                    (compact.len() - 1, 0)
                }
                _ => (usize::MAX, 0),
            };
            *slot = (u16::try_from(row).unwrap_or(u16::MAX), mask);
        }
        compact.push(Compact::SLOW);
        arena.push_str(&pad("", SYLLABLE_PAD));
        // The tables live as long as the process; one allocation for all
        // the Latin of the fast loop, which each entry points into.
        let arena: &'static str = Box::leak(arena.into_boxed_str());
        for (i, entry) in compact.iter_mut().enumerate() {
            let at = i * SYLLABLE_PAD;
            entry.latin = arena.get(at..at + SYLLABLE_PAD).unwrap_or_default();
        }
        // Code points the fast loop leaves alone go to the slow entry.
        let slow = u16::try_from(compact.len() - 1).unwrap_or(u16::MAX);
        for slot in &mut rows {
            if usize::from(slot.0) >= compact.len() - 1 && slot.1 == 0 {
                *slot = (slow, 0);
            }
        }
        let mut ascii_stop = [true; 256];
        for (b, stop) in (0..128u8).zip(&mut ascii_stop) {
            let c = char::from(b);
            *stop = c == SEPARATOR || t.ascii_needs_escape(c);
        }
        let plain_danda = [script::chars::DANDA, script::chars::DOUBLE_DANDA]
            .into_iter()
            .all(|d| {
                let text = d.to_string();
                !must_escape(t, d)
                    && !is_combining(d)
                    && !display::other_is_dirty(&text, 0, d, options())
            });
        Codes {
            block,
            inherent,
            zwj: Code::of(t.zwj),
            zwnj: Code::of(t.zwnj),
            nukta_mark,
            class,
            fast_class,
            syllables,
            compact,
            rows,
            check_after,
            ascii_stop,
            plain_danda,
        }
    })
}

/// The syllables of the consonant `cons` whose last code point is at block
/// offset `offset`, `len` bytes of input: with the inherent vowel, with a
/// virama, with each sign, and the [`SLOW`] column (a nukta after it).
fn syllable_row(
    cons: Code,
    inherent: Code,
    signs: &[Code],
    sign_offsets: &[u8],
    offset: u8,
    len: usize,
) -> Vec<Syllable> {
    let may_be_dirty = |next: u8| display::may_be_dirty(usize::from(next), false);
    let with = |vowel: Code, next: Option<u8>| {
        let mut latin = String::from(cons.text());
        if cons.joins & vowel.first != 0 {
            latin.push(SEPARATOR);
        }
        latin.push_str(vowel.text());
        Syllable {
            latin: pad(&latin, SYLLABLE_PAD),
            latin_len: latin.len(),
            first: cons.first,
            state: State {
                trigger: vowel.joins,
                after_token: true,
                letter: vowel.letter,
            },
            len: if next.is_some() { len + 3 } else { len },
            check_next: next.is_some_and(may_be_dirty),
            last: next.unwrap_or(offset),
        }
    };
    let mut row = vec![
        with(inherent, None),
        Syllable {
            latin: pad(cons.text(), SYLLABLE_PAD),
            latin_len: cons.text().len(),
            first: cons.first,
            state: State {
                trigger: cons.joins | VOWEL_BIT,
                after_token: true,
                letter: cons.letter,
            },
            len: len + 3,
            check_next: may_be_dirty(VIRAMA),
            last: VIRAMA,
        },
    ];
    for (&sign, &next) in signs.iter().zip(sign_offsets) {
        row.push(with(sign, Some(next)));
    }
    row.push(Syllable {
        len: 0,
        ..with(inherent, None)
    });
    row
}

/// `latin` padded with NULs to `n` bytes (still UTF-8, and the end of
/// `latin` stays a character boundary); the tests check that every token
/// and syllable fits.
fn pad(latin: &str, n: usize) -> Box<str> {
    let mut padded = String::from(latin);
    while padded.len() < n {
        padded.push('\0');
    }
    padded.into_boxed_str()
}

/// Appends the first `len` bytes of `padded` (at least `N` bytes long):
/// one fixed-size copy, where a copy of `len` bytes would be a call to
/// `memcpy`, and then the padding cut off again. Writing `str`s keeps the
/// output a `String` all along, so it needs no UTF-8 validation at the end
/// (which would cost more than the boundary checks here).
#[inline(always)]
pub(super) fn push_padded<const N: usize>(out: &mut String, padded: &str, len: usize) {
    match padded.get(..N) {
        Some(chunk) => {
            let end = out.len() + len;
            out.push_str(chunk);
            out.truncate(end);
        }
        None => out.push_str(padded.get(..len).unwrap_or(padded)),
    }
}
