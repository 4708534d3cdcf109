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
//! syllables, written with one fixed-size copy.
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
    /// `latin`'s bytes, padded, for one fixed-size copy ([`push_padded`]).
    padded: [u8; 8],
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
        padded: [0; 8],
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
            padded: pad(tok.latin),
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
}

/// A consonant with what follows it (see [`Codes::class`]), ready to write.
#[derive(Clone, Debug)]
struct Syllable {
    /// The consonant, a separator if the two would join, and the vowel,
    /// padded (see [`push_padded`]).
    latin: [u8; 16],
    /// Bytes of `latin` used.
    latin_len: usize,
    /// The consonant's [`Code::first`].
    first: u64,
    /// The state after it.
    state: State,
    /// Bytes of input it covers: the consonant, and the sign or virama.
    len: usize,
}

/// The classes of [`Codes::class`] that are not vowel signs (signs count
/// from [`FIRST_SIGN`]).
const INHERENT: u8 = 0;
const BARE: u8 = 1;
const FIRST_SIGN: u8 = 2;
/// A nukta after a consonant: the general path.
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
    /// `syllables[row + class]`.
    syllables: Vec<Syllable>,
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
        let mut syllables = Vec::new();
        for entry in block.iter_mut().filter(|e| e.kind == Kind::Consonant) {
            entry.row = syllables.len();
            let cons = entry.code;
            let with = |vowel: Code, len: usize| {
                let mut latin = String::from(cons.text());
                if cons.joins & vowel.first != 0 {
                    latin.push(SEPARATOR);
                }
                latin.push_str(vowel.text());
                Syllable {
                    latin: pad(&latin),
                    latin_len: latin.len(),
                    first: cons.first,
                    state: State {
                        trigger: vowel.joins,
                        after_token: true,
                        letter: vowel.letter,
                    },
                    len,
                }
            };
            syllables.push(with(inherent, 3));
            syllables.push(Syllable {
                latin: pad(cons.text()),
                latin_len: cons.text().len(),
                first: cons.first,
                state: State {
                    trigger: cons.joins | VOWEL_BIT,
                    after_token: true,
                    letter: cons.letter,
                },
                len: 6,
            });
            syllables.extend(signs.iter().map(|&sign| with(sign, 6)));
        }
        Codes {
            block,
            inherent,
            zwj: Code::of(t.zwj),
            zwnj: Code::of(t.zwnj),
            nukta_mark,
            class,
            syllables,
        }
    })
}

/// `latin`'s bytes in an array of `N`, padded with zeros; the tests check
/// that every token and syllable fits.
fn pad<const N: usize>(latin: &str) -> [u8; N] {
    let mut padded = [0; N];
    for (slot, &b) in padded.iter_mut().zip(latin.as_bytes()) {
        *slot = b;
    }
    padded
}

/// Appends the first `len` bytes of `padded`: one fixed-size copy, where
/// a copy of `len` bytes would be a call to `memcpy`.
#[inline(always)]
fn push_padded<const N: usize>(out: &mut Vec<u8>, padded: &[u8; N], len: usize) {
    let end = out.len() + len.min(N);
    out.extend_from_slice(padded);
    out.truncate(end);
}

/// Appends `c` (a constant, so this folds to a push of its bytes).
#[inline(always)]
fn push_char(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
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
    match bytes.get(at..at + 3) {
        Some(&[0xE0, b1 @ (0xA6 | 0xA7), b2]) => Some(((b1 & 1) << 6) | (b2 & 0x3F)),
        _ => None,
    }
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
        // Bytes copied from `text` or from the tables, whole characters
        // only: valid UTF-8.
        out: Vec::with_capacity(text.len() + 16),
        state: State::default(),
        prev: [NO_PREV; 2],
        clean_until,
    };
    w.out
        .extend_from_slice(text.get(..start).unwrap_or_default().as_bytes());
    w.run::<CHECK>()?;
    // Validation is a small part of the time; the lossy conversion never
    // replaces anything (see `out`).
    let latin = String::from_utf8(w.out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Some(Cow::Owned(latin))
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

/// The display check of the Bengali code point `cur` (block offset) at
/// `here`, after the code points `prev`.
#[inline(always)]
fn check_bengali(
    text: &str,
    here: usize,
    prev: [usize; 2],
    cur: usize,
    clean_until: &mut usize,
) -> Result<(), Dirty> {
    // `false`: digits stay as they are (see `to_latin_if_display`).
    if here >= *clean_until && display::bengali_is_dirty(text.as_bytes(), here, prev, cur, false) {
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
    out: Vec<u8>,
    state: State,
    /// Block offsets of the last two code points read ([`NO_PREV`] when not
    /// Bengali), for the display check.
    prev: [usize; 2],
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
            self.fast::<CHECK>().ok()?;
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
    /// vowel letter or mark, and runs of ASCII that need no escape. Stops,
    /// before the code point, at anything else.
    #[inline(always)]
    fn fast<const CHECK: bool>(&mut self) -> Result<(), Dirty> {
        let c = self.c;
        let bytes = self.bytes;
        let mut rest = bytes.get(self.at..).unwrap_or_default();
        let mut state = self.state;
        let mut prev = self.prev;
        let mut clean_until = self.clean_until;
        let text = self.text;
        let out = &mut self.out;
        loop {
            match rest {
                [0xE0, b1, b2, tail @ ..] if b1 & 0xFE == 0xA6 => {
                    let cur = usize::from(((b1 & 1) << 6) | (b2 & 0x3F));
                    let Some(entry) = c.block.get(cur) else { break };
                    let here = bytes.len() - rest.len();
                    match entry.kind {
                        Kind::Consonant => {
                            let next = match tail {
                                [0xE0, n1, n2, ..] if n1 & 0xFE == 0xA6 => {
                                    usize::from(((n1 & 1) << 6) | (n2 & 0x3F))
                                }
                                _ => 128,
                            };
                            let class = c.class.get(next).copied().unwrap_or(SLOW);
                            if class == SLOW {
                                break;
                            }
                            let Some(syllable) = c.syllables.get(entry.row + usize::from(class))
                            else {
                                break;
                            };
                            if CHECK {
                                if entry.may_be_dirty {
                                    check_bengali(text, here, prev, cur, &mut clean_until)?;
                                }
                                prev = [cur, prev[0]];
                                if class != INHERENT {
                                    let sign = c.block.get(next).ok_or(Dirty)?;
                                    if sign.may_be_dirty {
                                        check_bengali(
                                            text,
                                            here + 3,
                                            prev,
                                            next,
                                            &mut clean_until,
                                        )?;
                                    }
                                    prev = [next, cur];
                                }
                            }
                            if state.trigger & syllable.first != 0 {
                                push_char(out, SEPARATOR);
                            }
                            push_padded(out, &syllable.latin, syllable.latin_len);
                            state = syllable.state;
                            rest = rest.get(syllable.len..).unwrap_or_default();
                        }
                        Kind::Token => {
                            if CHECK {
                                if entry.may_be_dirty {
                                    check_bengali(text, here, prev, cur, &mut clean_until)?;
                                }
                                prev = [cur, prev[0]];
                            }
                            let code = entry.code;
                            if state.trigger & code.first != 0 {
                                push_char(out, SEPARATOR);
                            }
                            push_padded(out, &code.padded, code.latin.len());
                            state = State {
                                trigger: code.joins,
                                after_token: true,
                                letter: code.letter,
                            };
                            rest = tail;
                        }
                        _ => break,
                    }
                }
                [b, ..] if *b < 0x80 => {
                    let len = rest
                        .iter()
                        .position(|&b| {
                            b >= 0x80
                                || char::from(b) == SEPARATOR
                                || self.t.ascii_needs_escape(char::from(b))
                        })
                        .unwrap_or(rest.len());
                    if len == 0 {
                        break;
                    }
                    match rest.get(..len) {
                        // Mostly one space between words: no call to `memcpy`.
                        Some(&[b]) => out.push(b),
                        Some(run) => out.extend_from_slice(run),
                        None => break,
                    }
                    state = State::default();
                    prev = [NO_PREV; 2];
                    rest = rest.get(len..).unwrap_or_default();
                }
                _ => break,
            }
        }
        self.at = bytes.len() - rest.len();
        self.state = state;
        self.prev = prev;
        self.clean_until = clean_until;
        Ok(())
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
                check_bengali(self.text, here, self.prev, cur, &mut self.clean_until)?;
            }
            self.prev = [cur, self.prev[0]];
        }
        Ok(())
    }

    /// The display check of a character `c` at `here` outside the block.
    #[inline(always)]
    fn read_other<const CHECK: bool>(&mut self, c: char, here: usize) -> Result<(), Dirty> {
        if CHECK {
            if !c.is_ascii() {
                check_other(self.text, here, c, &mut self.clean_until)?;
            }
            self.prev = [NO_PREV; 2];
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
        push_padded(&mut self.out, &code.padded, code.latin.len());
    }

    #[inline(always)]
    fn token(&mut self, code: Code) {
        if self.state.trigger & code.first != 0 {
            push_char(&mut self.out, SEPARATOR);
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
                self.out.extend_from_slice(raw.as_bytes());
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
            push_char(&mut self.out, SEPARATOR);
        }
        push_padded(&mut self.out, &syllable.latin, syllable.latin_len);
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
        self.out.extend_from_slice(run.as_bytes());
        self.state = State::default();
        self.prev = [NO_PREV; 2];
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
            self.out.extend_from_slice(copy.as_bytes());
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
        push_char(&mut self.out, ESCAPE_OPEN);
        self.out
            .extend_from_slice(rest.get(..end).unwrap_or_default().as_bytes());
        push_char(&mut self.out, ESCAPE_CLOSE);
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
        let codes = c
            .block
            .iter()
            .flat_map(|e| [Some(e.code), e.nukta])
            .flatten();
        for code in codes.chain([c.inherent, c.zwj, c.zwnj, c.nukta_mark]) {
            assert!(code.latin.len() <= code.padded.len(), "{}", code.latin);
            assert_eq!(
                code.padded.get(..code.latin.len()),
                Some(code.latin.as_bytes())
            );
        }
        assert!(!c.syllables.is_empty());
        for syllable in &c.syllables {
            assert!(syllable.latin_len <= syllable.latin.len(), "{syllable:?}");
        }
    }
}
