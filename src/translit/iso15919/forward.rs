//! Bengali → Latin, on display-normalized text: a byte-level transcoder.
//!
//! Bengali is recognised from its UTF-8 bytes (E0 A6 xx / E0 A7 xx) and
//! looked up in a 128-entry table of precomputed [`Code`]s; runs of other
//! text are copied in bulk, and only what the reverse direction would misread
//! goes into braces. The state between code points is small: whether the
//! last thing written was a token, and which first characters of the next
//! token would make the reverse direction read the two together (plus a bit
//! for "a consonant with no vowel", after which a vowel needs a separator).
//!
//! A consonant and the code point after it (vowel sign, virama, or anything
//! else: the inherent `a`) are one lookup in a table of precomputed
//! syllables, written with one fixed-size copy; a nukta letter (ড় ঢ় য়) is
//! a consonant of its own there, with its own row. The fast loop reads the
//! text 8 bytes at a time, so that a code point and the one after it are
//! tested and decoded from one word, and keeps its state as a pointer to
//! the entry written last.
//!
//! [`to_latin_if_display`] also checks, in the same pass, that the text is in
//! display form, the way the normalizer does: the display layer's
//! per-code-point test, and where that is not sure, the region around the
//! code point normalized aside (see [`verify`]). Text that is not in display
//! form goes back to the caller, which normalizes it first. This saves the
//! separate scan of the normalizer on the (usual) clean text.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::table::{MarkKind, ESCAPE_CLOSE, ESCAPE_OPEN, SEPARATOR};
use super::tokens::{is_combining, Fwd, Role, Tables, Tok};
use crate::normalize::display::{self, NO_PREV};
use crate::normalize::{NormalizeOptions, OffsetMap};
use crate::script;

/// Stands for "a vowel" in [`Code::first`] and "a consonant with no vowel"
/// in [`State::trigger`]. No character's bit (see `Tables::first_bit`) is
/// this one: the tables have fewer than 62 first characters, and characters
/// that start no token share bit 63.
const VOWEL_BIT: u64 = 1 << 62;

/// The offset of the nukta and the virama in the block.
const NUKTA: u8 = (script::chars::NUKTA as u32 - script::BLOCK_START) as u8;
const VIRAMA: u8 = (script::chars::VIRAMA as u32 - script::BLOCK_START) as u8;

/// What a code point of the block does, with everything precomputed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
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
struct Code {
    latin: &'static str,
    /// The token's first-character bit, plus [`VOWEL_BIT`] for a vowel; 0
    /// when the token is not a letter (it never takes a separator).
    first: u64,
    /// What, written next, would join with this token; 0 for non-letters.
    joins: u64,
    letter: bool,
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
struct Entry {
    kind: Kind,
    code: Code,
    /// A consonant's spelling with a nukta after it (ড় ঢ় য়), or the sign's
    /// code for a vowel sign.
    nukta: Option<Code>,
    /// True for a vowel sign.
    sign: bool,
    /// Some display rule may change this code point, depending on the ones
    /// before it ([`display::may_be_dirty`]).
    may_be_dirty: bool,
    /// A consonant's row in [`Codes::syllables`].
    row: usize,
    /// The row of a consonant's nukta letter in [`Codes::syllables`].
    nukta_row: Option<usize>,
}

/// A consonant with what follows it (see [`Codes::class`]), ready to write.
#[derive(Clone, Debug)]
struct Syllable {
    /// The consonant, a separator if the two would join, and the vowel,
    /// padded to [`SYLLABLE_PAD`] bytes (see [`push_padded`]).
    latin: Box<str>,
    /// Bytes of `latin` used.
    latin_len: usize,
    /// The consonant's [`Code::first`].
    first: u64,
    /// The state after it.
    state: State,
    /// Bytes of input it covers: the consonant, and the sign or virama; 0
    /// for the [`SLOW`] column, which the fast loop leaves to the general
    /// path.
    len: usize,
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
struct Compact {
    /// Its Latin, padded to [`SYLLABLE_PAD`] bytes (see [`push_padded`]).
    latin: &'static str,
    /// [`State::trigger`] after it.
    trigger: u64,
    /// [`Code::first`] of its first token.
    first: u64,
    /// Bytes of its Latin used.
    latin_len: u8,
    /// [`COMPACT_SLOW`], [`COMPACT_CHECK`], [`COMPACT_LETTER`].
    flags: u8,
    /// [`Syllable::last`].
    last: u8,
    /// Bytes of input it covers (3 or 6, 6 or 9 for a nukta letter).
    step: u8,
    /// With [`COMPACT_NUKTA`], the first entry of the nukta letter's row.
    nukta_row: u16,
}

/// The general path writes this syllable (a nukta follows, or it does not
/// fit the compact form).
const COMPACT_SLOW: u8 = 1;
/// The code point after the consonant may not be in display form, for some
/// code points before the consonant ([`Codes::check_after`]).
const COMPACT_CHECK: u8 = 2;
/// [`State::letter`] after it.
const COMPACT_LETTER: u8 = 4;
/// [`State::after_token`] after it.
const COMPACT_TOKEN: u8 = 16;
/// A consonant with a nukta letter, and a nukta: with [`COMPACT_SLOW`], the
/// fast loop looks up what follows in [`Compact::nukta_row`].
const COMPACT_NUKTA: u8 = 8;

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
    fn state(state: State, last: usize) -> Compact {
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
const SYLLABLE_PAD: usize = 16;

/// The classes of [`Codes::class`] that are not vowel signs (signs count
/// from [`FIRST_SIGN`]).
const INHERENT: u8 = 0;
const BARE: u8 = 1;
const FIRST_SIGN: u8 = 2;
/// A nukta after a consonant: the general path (the last column of a
/// consonant's row, after the signs).
const SLOW: u8 = u8::MAX;

/// The transcoder's tables, derived once from [`Tables`].
struct Codes {
    block: [Entry; 128],
    inherent: Code,
    zwj: Code,
    zwnj: Code,
    /// The nukta written after a consonant that has no nukta letter (k̤).
    nukta_mark: Code,
    /// What a code point (block offset, or 128 for anything else) is after a
    /// consonant: [`INHERENT`], [`BARE`] (virama), a sign, or [`SLOW`].
    class: [u8; 129],
    /// The same with [`SLOW`] as the column after the signs, for the fast
    /// loop: `syllables[row + fast_class[next]]`.
    fast_class: [u8; 128],
    /// `syllables[row + class]`.
    syllables: Vec<Syllable>,
    /// [`Compact`] forms of `syllables`, index for index, then those of the
    /// tokens of the fast loop, then one [`Compact::SLOW`].
    compact: Vec<Compact>,
    /// Per code point of the block, for the fast loop: its first entry in
    /// `compact`, and a mask for the class (in `fast_class`) of the code
    /// point after it: all ones for a consonant, 0 for a token or a code
    /// point that the fast loop leaves to the general path.
    rows: [(u16, u8); 128],
    /// [`COMPACT_CHECK`] for the block offsets (or [`NO_PREV`]) before a
    /// consonant after which a syllable with that flag needs the display
    /// check, 0 for the others.
    /// (Indexed by a byte: the entries after [`NO_PREV`] are never read.)
    check_after: [u8; 256],
    /// Bytes that end a run of ASCII copied as is: escaped ones, the
    /// separator, and every byte outside ASCII.
    ascii_stop: [bool; 256],
    /// The danda and double danda are copied as is and always in display
    /// form (checked when the tables are built).
    plain_danda: bool,
}

fn codes(t: &Tables) -> &'static Codes {
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
fn push_padded<const N: usize>(out: &mut String, padded: &str, len: usize) {
    match padded.get(..N) {
        Some(chunk) => {
            let end = out.len() + len;
            out.push_str(chunk);
            out.truncate(end);
        }
        None => out.push_str(padded.get(..len).unwrap_or(padded)),
    }
}

/// The display options [`to_latin_if_display`] checks against: those of
/// [`Iso15919`](super::Iso15919)'s normalizer, the default ones.
fn options() -> &'static NormalizeOptions {
    static OPTIONS: OnceLock<NormalizeOptions> = OnceLock::new();
    OPTIONS.get_or_init(NormalizeOptions::default)
}

/// What was written last, which decides separators and escapes.
#[derive(Clone, Copy, Debug, Default)]
struct State {
    /// First-character bits (and [`VOWEL_BIT`] after a bare consonant) that
    /// need a separator before them; 0 after raw text or a non-letter.
    trigger: u64,
    /// The last thing written was a token (not raw text or an escape).
    after_token: bool,
    /// ... and that token was a letter.
    letter: bool,
}

/// The block offset of the code point at `at`, if it is in the block.
#[inline(always)]
fn block_at(bytes: &[u8], at: usize) -> Option<u8> {
    script::block_offset(bytes.get(at..)?)
}

/// True when the (little-endian) word starts with E0 A6 or E0 A7: the
/// UTF-8 of a code point of the block.
#[inline(always)]
fn is_block(w: u64) -> bool {
    w & 0xFEFF == 0xA6E0
}

/// The block offset of the code point whose UTF-8 starts the word, when
/// [`is_block`]: `((b1 & 1) << 6) | (b2 & 0x3F)`, always below 128.
#[inline(always)]
fn block_offset(w: u64) -> usize {
    (((w >> 2) & 0x40) | ((w >> 16) & 0x3F)) as usize
}

/// The entry of the fast loop for a nukta letter (ড় ঢ় য়) at `at` and what
/// follows its nukta, given the entry `slow` of its consonant before a
/// nukta; `None` where the general path takes over: a consonant with no
/// nukta letter, a second nukta, the end of the text near, or (with
/// `CHECK`) a code point that may not be in display form.
#[inline(always)]
fn nukta_letter<'c, const CHECK: bool>(
    c: &'c Codes,
    bytes: &[u8],
    at: usize,
    slow: &Compact,
) -> Option<&'c Compact> {
    if slow.flags & COMPACT_NUKTA == 0 {
        return None;
    }
    // The nukta and the code point after it.
    let w = u64::from_le_bytes(*bytes.get(at + 3..)?.first_chunk::<8>()?);
    let next = block_offset(w >> 24);
    let class = if is_block(w >> 24) {
        c.fast_class.get(next).copied()?
    } else {
        INHERENT
    };
    let syllable = c
        .compact
        .get(usize::from(slow.nukta_row) + usize::from(class))?;
    if syllable.flags & COMPACT_SLOW != 0 {
        return None;
    }
    if CHECK {
        let dirty = |here: usize, cur: usize| {
            c.block.get(cur).is_none_or(|e| e.may_be_dirty)
                && display::bengali_is_dirty(bytes, here, prev_at(bytes, here), cur, false)
        };
        if dirty(at + 3, usize::from(NUKTA)) || (class != INHERENT && dirty(at + 6, next)) {
            return None;
        }
    }
    Some(syllable)
}

/// Writes Latin for `text`, which must be in display form.
pub(crate) fn to_latin<'t>(t: &Tables, text: &'t str) -> Cow<'t, str> {
    // Display text has nothing to report.
    transcode::<false>(t, text).unwrap_or(Cow::Borrowed(text))
}

/// Writes Latin for `text` if it is in display form (the normalizer of
/// [`Iso15919`](super::Iso15919) would leave it unchanged); `None` if not.
pub(crate) fn to_latin_if_display<'t>(t: &Tables, text: &'t str) -> Option<Cow<'t, str>> {
    // The check assumes that digits stay as they are (`false` for
    // `digits_to_ascii` below, ASCII always clean); other options go the
    // long way.
    if options().digits != crate::DigitStyle::Keep {
        return None;
    }
    transcode::<true>(t, text)
}

/// The transcoder; with `CHECK`, `None` as soon as some code point is not in
/// display form.
fn transcode<'t, const CHECK: bool>(t: &Tables, text: &'t str) -> Option<Cow<'t, str>> {
    let (start, clean_until) = first_work::<CHECK>(t, text).ok()?;
    let Some(start) = start else {
        return Some(Cow::Borrowed(text));
    };
    let mut w = Writer {
        t,
        c: codes(t),
        text,
        bytes: text.as_bytes(),
        at: start,
        // Room for the padding of the last token too.
        out: String::with_capacity(text.len() + SYLLABLE_PAD),
        state: State::default(),
        clean_until,
    };
    w.out.push_str(text.get(..start).unwrap_or_default());
    w.run::<CHECK>()?;
    Some(Cow::Owned(w.out))
}

/// Byte offset of the first character that is not copied as is, if any,
/// and (with `CHECK`) the end of the text known to be in display form; an
/// error if a character before it is not in display form.
fn first_work<const CHECK: bool>(t: &Tables, text: &str) -> Result<(Option<usize>, usize), Dirty> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut clean_until = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if t.ascii_needs_escape(char::from(b)) {
                return Ok((Some(at), clean_until));
            }
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|s| s.chars().next()) else {
            break;
        };
        if script::is_bengali(c) || c == script::ZWJ || c == script::ZWNJ || must_escape(t, c) {
            return Ok((Some(at), clean_until));
        }
        if CHECK {
            check_other(text, at, c, &mut clean_until)?;
        }
        at += c.len_utf8();
    }
    Ok((None, clean_until))
}

/// The block offsets of the two code points before `here` ([`NO_PREV`] when
/// not Bengali, and the second one too when the first one is not): what the
/// display check of the code point at `here` looks at, read back from the
/// text so that the transcoder need not carry it along.
fn prev_at(bytes: &[u8], here: usize) -> [usize; 2] {
    let before = |end: usize| {
        end.checked_sub(3)
            .and_then(|start| block_at(bytes, start))
            .map_or(NO_PREV, usize::from)
    };
    let p1 = before(here);
    if p1 == NO_PREV {
        return [NO_PREV; 2];
    }
    [p1, here.checked_sub(3).map_or(NO_PREV, before)]
}

/// The display check of the Bengali code point `cur` (block offset) at
/// `here`.
#[inline(always)]
fn check_bengali(
    text: &str,
    here: usize,
    cur: usize,
    clean_until: &mut usize,
) -> Result<(), Dirty> {
    let bytes = text.as_bytes();
    // `false`: digits stay as they are (see `to_latin_if_display`).
    if here >= *clean_until
        && display::bengali_is_dirty(bytes, here, prev_at(bytes, here), cur, false)
    {
        *clean_until = verify(text, *clean_until, here)?;
    }
    Ok(())
}

/// The display check of the character `c` at `here`, outside ASCII (which
/// is always in display form with the options checked for) and the block.
fn check_other(text: &str, here: usize, c: char, clean_until: &mut usize) -> Result<(), Dirty> {
    if here >= *clean_until && display::other_is_dirty(text, here, c, options()) {
        *clean_until = verify(text, *clean_until, here)?;
    }
    Ok(())
}

/// The per-code-point test is conservative (a combining mark is worth a
/// closer look even when it is in order), so, as the normalizer does, the
/// region around the code point at `here` (from the last hard boundary
/// after `floor` to the next one) is normalized aside: with no edit, it is
/// in display form. Returns the region's end, where the normalizer resumes
/// its scan with no code point before it, like the checks here, since the
/// boundary there is not Bengali.
#[cold]
fn verify(text: &str, floor: usize, here: usize) -> Result<usize, Dirty> {
    let region = display::region_around(text, floor, here);
    let end = region.end;
    let mut map = OffsetMap::identity();
    display::normalize_region(text, region, options(), &mut String::new(), &mut map);
    if map.edits().is_empty() {
        Ok(end)
    } else {
        Err(Dirty)
    }
}

/// Characters that the reverse direction would read as something else, so
/// they are always written in braces: every Latin letter and ASCII digit,
/// the brace that opens an escape, and any character a token starts with.
fn must_escape(t: &Tables, c: char) -> bool {
    if c.is_ascii() {
        return t.ascii_needs_escape(c);
    }
    script::is_latin_letter(c) || t.starts_token(c)
}

struct Writer<'a, 't> {
    t: &'a Tables,
    c: &'static Codes,
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    out: String,
    state: State,
    /// The text before this offset is known to be in display form.
    clean_until: usize,
}

/// Why the transcoder stops early: the text is not in display form (only
/// when checking; a table lookup cannot miss, but would stop it too).
struct Dirty;

impl Writer<'_, '_> {
    /// Transcodes from `at` to the end; with `CHECK`, `None` at the first
    /// code point that is not in display form.
    fn run<const CHECK: bool>(&mut self) -> Option<()> {
        loop {
            self.fast::<CHECK>();
            let Some(&b) = self.bytes.get(self.at) else {
                return Some(());
            };
            let step = if let Some(index) = block_at(self.bytes, self.at) {
                self.bengali::<CHECK>(index)
            } else if b < 0x80 {
                self.ascii::<CHECK>(b)
            } else {
                self.other::<CHECK>()
            };
            step.ok()?;
        }
    }

    /// The common cases, in a loop of their own that keeps its state in
    /// registers: a consonant with its sign, virama or inherent vowel, a
    /// vowel letter or mark, a danda, and runs of ASCII that need no escape,
    /// where each of these is always in display form, or (a sign after a
    /// consonant) the display check says so at once. Stops, before the code
    /// point, at anything else and in the last 8 bytes of the text, which
    /// the general path handles.
    #[inline(never)]
    fn fast<const CHECK: bool>(&mut self) {
        let c = self.c;
        let bytes = self.bytes;
        let mut at = self.at;
        // What was written last, whose entry holds the state after it (and,
        // for the check of a sign after a consonant, the block offset of the
        // code point before `at`): one register instead of four.
        let start = Compact::state(
            self.state,
            if CHECK {
                prev_at(bytes, at)[0]
            } else {
                NO_PREV
            },
        );
        let plain = Compact::state(State::default(), NO_PREV);
        let mut last = &start;
        let out = &mut self.out;
        // Eight bytes at a time, read as one word: a code point and the one
        // after it are tested and decoded with shifts and masks.
        while let Some(&word) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
            let w = u64::from_le_bytes(word);
            if is_block(w) {
                let cur = block_offset(w);
                // The code point after it, without branching on whether it
                // is Bengali (word ends are not predictable).
                let next = block_offset(w >> 24);
                let bengali = is_block(w >> 24);
                let Some(&(row, mask)) = c.rows.get(cur) else {
                    break;
                };
                let class = c.fast_class.get(next).copied().unwrap_or(0)
                    & mask
                    & 0u8.wrapping_sub(u8::from(bengali));
                let index = usize::from(row) + usize::from(class);
                let Some(mut syllable) = c.compact.get(index) else {
                    break;
                };
                if syllable.flags & COMPACT_SLOW != 0 {
                    match nukta_letter::<CHECK>(c, bytes, at, syllable) {
                        Some(with_nukta) => syllable = with_nukta,
                        None => break,
                    }
                }
                // One branch, rarely taken.
                if CHECK {
                    let p1 = usize::from(last.last);
                    if syllable.flags & c.check_after.get(p1).copied().unwrap_or(COMPACT_CHECK) != 0
                        && display::bengali_is_dirty(bytes, at + 3, [cur, p1], next, false)
                    {
                        break;
                    }
                }
                if last.trigger & syllable.first != 0 {
                    out.push(SEPARATOR);
                }
                push_padded::<SYLLABLE_PAD>(out, syllable.latin, usize::from(syllable.latin_len));
                last = syllable;
                // A consonant takes the code point after it when that one
                // joins it (sign or virama), a nukta letter its nukta too.
                at += usize::from(syllable.step);
            } else if let [b @ 0..=0x7F, b1, ..] = word {
                let stop = |b: u8| c.ascii_stop.get(usize::from(b)) != Some(&false);
                if stop(b) {
                    break;
                }
                // Mostly one space between words: no call to `memcpy`.
                out.push(char::from(b));
                at += 1;
                if !stop(b1) {
                    let tail = bytes.get(at..).unwrap_or_default();
                    let len = tail.iter().position(|&b| stop(b)).unwrap_or(tail.len());
                    out.push_str(self.text.get(at..at + len).unwrap_or_default());
                    at += len;
                }
                last = &plain;
            } else if let [0xE0, 0xA5, b2 @ (0xA4 | 0xA5), ..] = word {
                // The danda and double danda.
                if !c.plain_danda {
                    break;
                }
                out.push(if b2 == 0xA4 {
                    script::chars::DANDA
                } else {
                    script::chars::DOUBLE_DANDA
                });
                last = &plain;
                at += 3;
            } else {
                break;
            }
        }
        self.at = at;
        self.state = State {
            trigger: last.trigger,
            after_token: last.flags & COMPACT_TOKEN != 0,
            letter: last.flags & COMPACT_LETTER != 0,
        };
    }

    /// The display check of the Bengali code point `cur` at `here`.
    #[inline(always)]
    fn read<const CHECK: bool>(
        &mut self,
        entry: &Entry,
        cur: u8,
        here: usize,
    ) -> Result<(), Dirty> {
        if CHECK {
            let cur = usize::from(cur);
            if entry.may_be_dirty {
                check_bengali(self.text, here, cur, &mut self.clean_until)?;
            }
        }
        Ok(())
    }

    /// The display check of a character `c` at `here` outside the block.
    #[inline(always)]
    fn read_other<const CHECK: bool>(&mut self, c: char, here: usize) -> Result<(), Dirty> {
        if CHECK && !c.is_ascii() {
            check_other(self.text, here, c, &mut self.clean_until)?;
        }
        Ok(())
    }

    /// The display check of any character.
    fn read_char<const CHECK: bool>(&mut self, c: char, here: usize) -> Result<(), Dirty> {
        match block_at(self.bytes, here) {
            Some(cur) => match self.c.block.get(usize::from(cur)) {
                Some(entry) => self.read::<CHECK>(entry, cur, here),
                None => Err(Dirty),
            },
            None => self.read_other::<CHECK>(c, here),
        }
    }

    #[inline(always)]
    fn write(&mut self, code: Code) {
        self.out.push_str(code.latin);
    }

    #[inline(always)]
    fn token(&mut self, code: Code) {
        if self.state.trigger & code.first != 0 {
            self.out.push(SEPARATOR);
        }
        self.write(code);
        self.state = State {
            trigger: code.joins,
            after_token: true,
            letter: code.letter,
        };
    }

    #[inline(always)]
    fn bengali<const CHECK: bool>(&mut self, index: u8) -> Result<(), Dirty> {
        let c = self.c;
        let Some(entry) = c.block.get(usize::from(index)) else {
            return Err(Dirty);
        };
        // An escape reads its characters itself.
        match entry.kind {
            Kind::Consonant => {
                self.read::<CHECK>(entry, index, self.at)?;
                return self.consonant::<CHECK>(entry);
            }
            Kind::Token => {
                self.read::<CHECK>(entry, index, self.at)?;
                self.token(entry.code);
            }
            Kind::Orphan => return self.escape::<CHECK>(self.at),
            Kind::Raw { combining } if combining && self.state.after_token => {
                return self.escape::<CHECK>(self.at)
            }
            Kind::Raw { .. } => {
                self.read::<CHECK>(entry, index, self.at)?;
                let raw = self.text.get(self.at..self.at + 3).unwrap_or_default();
                self.out.push_str(raw);
                self.state = State::default();
            }
        }
        self.at += 3;
        Ok(())
    }

    /// A consonant (already checked) at `at` and what belongs to it: one
    /// syllable of the table, or, before a nukta, the general path.
    #[inline(always)]
    fn consonant<const CHECK: bool>(&mut self, entry: &Entry) -> Result<(), Dirty> {
        let c = self.c;
        let next = block_at(self.bytes, self.at + 3);
        let class = c.class.get(usize::from(next.unwrap_or(128))).copied();
        let Some(class) = class.filter(|&k| k != SLOW) else {
            self.at += 3;
            return self.consonant_nukta::<CHECK>(entry);
        };
        let Some(syllable) = c.syllables.get(entry.row + usize::from(class)) else {
            return Err(Dirty);
        };
        if CHECK && class != INHERENT {
            if let Some((next, sign)) = next.and_then(|n| Some((n, c.block.get(usize::from(n))?))) {
                self.read::<CHECK>(sign, next, self.at + 3)?;
            }
        }
        if self.state.trigger & syllable.first != 0 {
            self.out.push(SEPARATOR);
        }
        push_padded::<SYLLABLE_PAD>(&mut self.out, &syllable.latin, syllable.latin_len);
        self.state = syllable.state;
        self.at += syllable.len;
        Ok(())
    }

    /// A consonant followed by a nukta, `at` after the consonant: nuktas,
    /// then one vowel sign, a virama (written as nothing), or the inherent
    /// `a`.
    fn consonant_nukta<const CHECK: bool>(&mut self, entry: &Entry) -> Result<(), Dirty> {
        let c = self.c;
        let nukta = c.block.get(usize::from(NUKTA)).ok_or(Dirty)?;
        let mut code = entry.code;
        if let Some(with_nukta) = entry.nukta {
            if block_at(self.bytes, self.at) == Some(NUKTA) {
                self.read::<CHECK>(nukta, NUKTA, self.at)?;
                self.at += 3;
                code = with_nukta;
            }
        }
        self.token(code);
        let mut joins = code.joins;
        while block_at(self.bytes, self.at) == Some(NUKTA) {
            self.read::<CHECK>(nukta, NUKTA, self.at)?;
            self.at += 3;
            self.write(c.nukta_mark);
            // Nothing can join across the nukta.
            joins = 0;
        }
        self.state.trigger = joins;
        let next = block_at(self.bytes, self.at);
        match next.and_then(|n| Some((n, c.block.get(usize::from(n))?))) {
            Some((VIRAMA, virama)) => {
                self.read::<CHECK>(virama, VIRAMA, self.at)?;
                self.at += 3;
                self.state.trigger = joins | VOWEL_BIT;
            }
            Some((next, sign)) if sign.sign => {
                self.read::<CHECK>(sign, next, self.at)?;
                self.at += 3;
                self.token(sign.code);
            }
            _ => self.token(c.inherent),
        }
        Ok(())
    }

    /// ASCII: escaped, a colon, or a run copied in bulk. With the options
    /// checked for, ASCII is always in display form.
    fn ascii<const CHECK: bool>(&mut self, b: u8) -> Result<(), Dirty> {
        if self.t.ascii_needs_escape(char::from(b)) {
            return self.escape::<CHECK>(self.at);
        }
        if char::from(b) == SEPARATOR && self.colon_needs_escape() {
            return self.escape::<CHECK>(self.at);
        }
        let start = self.at;
        self.at += 1;
        while let Some(&b) = self.bytes.get(self.at) {
            if b >= 0x80 || char::from(b) == SEPARATOR || self.t.ascii_needs_escape(char::from(b)) {
                break;
            }
            self.at += 1;
        }
        let run = self.text.get(start..self.at).unwrap_or_default();
        self.out.push_str(run);
        self.state = State::default();
        Ok(())
    }

    /// A character outside ASCII and the block: a joiner, an escape, or a
    /// copy.
    fn other<const CHECK: bool>(&mut self) -> Result<(), Dirty> {
        let Some(c) = self.text.get(self.at..).and_then(|s| s.chars().next()) else {
            self.at = self.bytes.len();
            return Ok(());
        };
        if c == script::ZWJ {
            self.read_other::<CHECK>(c, self.at)?;
            self.at += 3;
            self.token(self.c.zwj);
        } else if c == script::ZWNJ {
            self.read_other::<CHECK>(c, self.at)?;
            self.at += 3;
            self.token(self.c.zwnj);
        } else if must_escape(self.t, c) || (self.state.after_token && is_combining(c)) {
            return self.escape::<CHECK>(self.at);
        } else {
            self.read_other::<CHECK>(c, self.at)?;
            let len = c.len_utf8();
            let copy = self.text.get(self.at..self.at + len).unwrap_or_default();
            self.out.push_str(copy);
            self.at += len;
            self.state = State::default();
        }
        Ok(())
    }

    /// Copies the character at `from` and the characters after it that also
    /// need escaping (or are combining marks, which stay with their base)
    /// between braces.
    fn escape<const CHECK: bool>(&mut self, from: usize) -> Result<(), Dirty> {
        let Some(rest) = self.text.get(from..) else {
            self.at = self.bytes.len();
            return Ok(());
        };
        let mut chars = rest.char_indices();
        let mut end = 0;
        if let Some((_, c)) = chars.next() {
            self.read_char::<CHECK>(c, from)?;
            end = c.len_utf8();
        }
        for (i, c) in chars {
            if c != ESCAPE_CLOSE && (must_escape(self.t, c) || is_combining(c)) {
                self.read_char::<CHECK>(c, from + i)?;
                end = i + c.len_utf8();
            } else {
                break;
            }
        }
        self.out.push(ESCAPE_OPEN);
        self.out.push_str(rest.get(..end).unwrap_or_default());
        self.out.push(ESCAPE_CLOSE);
        self.at = from + end;
        self.state = State::default();
        Ok(())
    }

    /// A literal colon between two letters would read back as a separator.
    fn colon_needs_escape(&self) -> bool {
        self.state.letter
            && block_at(self.bytes, self.at + 1).is_some_and(|next| {
                matches!(
                    self.c.block.get(usize::from(next)).map(|e| e.kind),
                    Some(Kind::Consonant)
                ) || matches!(self.t.forward.get(usize::from(next)), Some(Fwd::Vowel(_)))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_tokens_fit() {
        let t = super::super::tokens::tables().unwrap();
        let c = codes(t);
        let fits = |latin: &str, len: usize, pad: usize| {
            assert_eq!(latin.len(), pad, "{latin:?}");
            assert!(latin.is_char_boundary(len), "{latin:?}");
            assert!(
                latin.get(len..).unwrap().bytes().all(|b| b == 0),
                "{latin:?}"
            );
        };
        assert!(!c.syllables.is_empty());
        for syllable in &c.syllables {
            fits(&syllable.latin, syllable.latin_len, SYLLABLE_PAD);
        }
        for (i, compact) in c.compact.iter().enumerate() {
            fits(compact.latin, usize::from(compact.latin_len), SYLLABLE_PAD);
            if compact.flags & COMPACT_SLOW == 0 {
                // The input a syllable covers: the general path's.
                let len = c.syllables.get(i).map_or(3, |s| s.len);
                assert_eq!(usize::from(compact.step), len, "{compact:?}");
                assert!([3, 6, 9].contains(&len), "{compact:?}");
            }
        }
        assert!(c.compact.iter().any(|e| e.flags & COMPACT_SLOW == 0));
    }

    #[test]
    fn fast_rows_match_the_general_table() {
        // The fast loop's columns are the general table's, with the nukta
        // moved to the column after the signs.
        let t = super::super::tokens::tables().unwrap();
        let c = codes(t);
        for (i, (&k, &f)) in c.class.iter().zip(&c.fast_class).enumerate() {
            if k == SLOW {
                assert_eq!(u8::try_from(i).ok(), Some(NUKTA));
                assert!(f > FIRST_SIGN);
            } else {
                assert_eq!(k, f, "U+{:04X}", 0x980 + i);
            }
        }
        // Every consonant of the fast loop has a full row; everything else
        // takes one entry.
        for (i, &(row, mask)) in c.rows.iter().enumerate() {
            let entry = &c.block[i];
            let fast = entry.kind == Kind::Consonant && !entry.may_be_dirty;
            assert_eq!(mask == u8::MAX, fast, "U+{:04X}", 0x980 + i);
            if fast {
                assert_eq!(usize::from(row), entry.row);
                let nukta = c.fast_class[usize::from(NUKTA)];
                let slow = c.compact.get(usize::from(row) + usize::from(nukta));
                assert_eq!(
                    slow.map(|s| s.flags & COMPACT_SLOW),
                    Some(COMPACT_SLOW),
                    "U+{:04X}",
                    0x980 + i
                );
            }
        }
    }

    #[test]
    fn the_check_before_a_sign_is_conservative() {
        // `may_be_dirty_after` must be true wherever `bengali_is_dirty` is,
        // for the (consonant, sign) pairs of the fast loop, whatever came
        // before: here, every code point before, and any two before that.
        let t = super::super::tokens::tables().unwrap();
        let c = codes(t);
        let cp = |o: usize| char::from_u32(0x980 + o as u32).unwrap();
        let consonants = (0..128).filter(|&i| c.rows[i].1 == u8::MAX);
        let contexts = ["", "\u{09C7}", "\u{0995}\u{09C7}", " \u{09C7}"];
        for cons in consonants {
            for (&k, next) in c.fast_class.iter().zip(0..) {
                if k == INHERENT || k == c.fast_class[usize::from(NUKTA)] {
                    continue;
                }
                for p2 in 0..=NO_PREV {
                    for context in contexts {
                        let mut text = String::from(context);
                        if p2 < NO_PREV {
                            text.push(cp(p2));
                        }
                        text.push(cp(cons));
                        let here = text.len();
                        text.push(cp(next));
                        let prev = prev_at(text.as_bytes(), here);
                        if display::bengali_is_dirty(text.as_bytes(), here, prev, next, false) {
                            let (row, _) = c.rows[cons];
                            let flags = c.compact[usize::from(row) + usize::from(k)].flags;
                            assert!(
                                c.check_after[prev[1]] & flags != 0,
                                "U+{:04X} U+{:04X} after {:04X?}",
                                0x980 + cons,
                                0x980 + next,
                                text.chars().map(|c| c as u32).collect::<Vec<_>>()
                            );
                        }
                    }
                }
            }
        }
    }
}
