//! Bengali → Latin, on display-normalized text: a byte-level transcoder.
//!
//! Bengali is recognised from its UTF-8 bytes (E0 A6 xx / E0 A7 xx) and
//! looked up in a 128-entry table of precomputed [`Code`]s; runs of other
//! text are copied in bulk, and only what the reverse direction would misread
//! goes into braces. The state between code points is small: whether the
//! last thing written was a token, and which first characters of the next
//! token would make the reverse direction read the two together (plus a bit
//! for "a consonant with no vowel", after which a vowel needs a separator).

use std::borrow::Cow;
use std::sync::OnceLock;

use super::table::{MarkKind, ESCAPE_CLOSE, ESCAPE_OPEN, SEPARATOR};
use super::tokens::{is_combining, Fwd, Role, Tables, Tok};
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
    /// The Latin characters (at most three: `r̥̄`), pushed one by one: no
    /// call to `memcpy` for a one- to five-byte token.
    latin: [char; 3],
    len: u8,
    /// The token's first-character bit, plus [`VOWEL_BIT`] for a vowel; 0
    /// when the token is not a letter (it never takes a separator).
    first: u64,
    /// What, written next, would join with this token; 0 for non-letters.
    joins: u64,
    letter: bool,
}

impl Code {
    const NONE: Code = Code {
        latin: ['\0'; 3],
        len: 0,
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
        let mut latin = ['\0'; 3];
        for (slot, c) in latin.iter_mut().zip(tok.latin.chars()) {
            *slot = c;
        }
        Code {
            latin,
            len: tok.latin.chars().count().min(3) as u8,
            first: if letter { tok.first | vowel } else { 0 },
            joins: if letter { tok.joins } else { 0 },
            letter,
        }
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
}

/// The transcoder's tables, derived once from [`Tables`].
struct Codes {
    block: [Entry; 128],
    inherent: Code,
    zwj: Code,
    zwnj: Code,
    /// The nukta written after a consonant that has no nukta letter (k̤).
    nukta_mark: Code,
}

fn codes(t: &Tables) -> &'static Codes {
    static CODES: OnceLock<Codes> = OnceLock::new();
    CODES.get_or_init(|| {
        let raw = Entry {
            kind: Kind::Raw { combining: false },
            code: Code::NONE,
            nukta: None,
            sign: false,
        };
        let mut block = [raw; 128];
        let mut nukta_mark = Code::NONE;
        for (i, (slot, fwd)) in block.iter_mut().zip(&t.forward).enumerate() {
            *slot = match *fwd {
                Fwd::Consonant { tok, nukta } => Entry {
                    kind: Kind::Consonant,
                    code: Code::of(tok),
                    nukta: nukta.map(Code::of),
                    sign: false,
                },
                Fwd::Sign(tok) => Entry {
                    kind: Kind::Orphan,
                    code: Code::of(tok),
                    nukta: None,
                    sign: true,
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
        Codes {
            block,
            inherent: Code::of(t.inherent),
            zwj: Code::of(t.zwj),
            zwnj: Code::of(t.zwnj),
            nukta_mark,
        }
    })
}

/// What was written last, which decides separators and escapes.
#[derive(Clone, Copy, Default)]
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
    let Some(start) = first_work(t, text) else {
        return Cow::Borrowed(text);
    };
    let mut w = Writer {
        t,
        c: codes(t),
        text,
        bytes: text.as_bytes(),
        at: start,
        out: String::with_capacity(text.len() + 16),
        state: State::default(),
    };
    w.push_str(text.get(..start).unwrap_or_default());
    w.run();
    Cow::Owned(w.out)
}

/// Byte offset of the first character that is not copied as is, if any.
fn first_work(t: &Tables, text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if t.ascii_needs_escape(char::from(b)) {
                return Some(at);
            }
            at += 1;
            continue;
        }
        let c = text.get(at..)?.chars().next()?;
        if script::is_bengali(c) || c == script::ZWJ || c == script::ZWNJ || must_escape(t, c) {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
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
}

impl Writer<'_, '_> {
    fn run(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            if let Some(index) = block_at(self.bytes, self.at) {
                self.at += 3;
                self.bengali(index);
            } else if b < 0x80 {
                self.ascii(b);
            } else {
                self.other();
            }
        }
    }

    #[inline(always)]
    fn write(&mut self, code: Code) {
        for &c in code.latin.iter().take(usize::from(code.len)) {
            self.out.push(c);
        }
    }

    fn push_str(&mut self, s: &str) {
        self.out.push_str(s);
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
    fn bengali(&mut self, index: u8) {
        let Some(entry) = self.c.block.get(usize::from(index)) else {
            return;
        };
        match entry.kind {
            Kind::Consonant => self.consonant(entry),
            Kind::Token => self.token(entry.code),
            Kind::Orphan => self.escape(self.at - 3),
            Kind::Raw { combining } if combining && self.state.after_token => {
                self.escape(self.at - 3)
            }
            Kind::Raw { .. } => {
                let raw = self.text.get(self.at - 3..self.at).unwrap_or_default();
                self.push_str(raw);
                self.state = State::default();
            }
        }
    }

    /// A consonant and what belongs to it: nuktas, then one vowel sign, a
    /// virama (written as nothing), or the inherent `a`.
    #[inline(always)]
    fn consonant(&mut self, entry: &Entry) {
        let mut code = entry.code;
        if let Some(with_nukta) = entry.nukta {
            if block_at(self.bytes, self.at) == Some(NUKTA) {
                self.at += 3;
                code = with_nukta;
            }
        }
        self.token(code);
        let mut joins = code.joins;
        while block_at(self.bytes, self.at) == Some(NUKTA) {
            self.at += 3;
            self.write(self.c.nukta_mark);
            // Nothing can join across the nukta.
            joins = 0;
        }
        self.state.trigger = joins;
        match block_at(self.bytes, self.at) {
            Some(VIRAMA) => {
                self.at += 3;
                self.state.trigger = joins | VOWEL_BIT;
            }
            Some(next) => match self.c.block.get(usize::from(next)) {
                Some(sign) if sign.sign => {
                    self.at += 3;
                    self.token(sign.code);
                }
                _ => self.token(self.c.inherent),
            },
            None => self.token(self.c.inherent),
        }
    }

    /// ASCII: escaped, a colon, or a run copied in bulk.
    fn ascii(&mut self, b: u8) {
        if self.t.ascii_needs_escape(char::from(b)) {
            self.escape(self.at);
            return;
        }
        if char::from(b) == SEPARATOR && self.colon_needs_escape() {
            self.escape(self.at);
            return;
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
        self.push_str(run);
        self.state = State::default();
    }

    /// A character outside ASCII and the block: a joiner, an escape, or a
    /// copy.
    fn other(&mut self) {
        let Some(c) = self.text.get(self.at..).and_then(|s| s.chars().next()) else {
            self.at = self.bytes.len();
            return;
        };
        if c == script::ZWJ {
            self.at += 3;
            self.token(self.c.zwj);
        } else if c == script::ZWNJ {
            self.at += 3;
            self.token(self.c.zwnj);
        } else if must_escape(self.t, c) || (self.state.after_token && is_combining(c)) {
            self.escape(self.at);
        } else {
            let len = c.len_utf8();
            let copy = self.text.get(self.at..self.at + len).unwrap_or_default();
            self.push_str(copy);
            self.at += len;
            self.state = State::default();
        }
    }

    /// Copies the character at `from` and the characters after it that also
    /// need escaping (or are combining marks, which stay with their base)
    /// between braces.
    fn escape(&mut self, from: usize) {
        let Some(rest) = self.text.get(from..) else {
            self.at = self.bytes.len();
            return;
        };
        let mut chars = rest.char_indices();
        let mut end = chars.next().map_or(0, |(_, c)| c.len_utf8());
        for (i, c) in chars {
            if c != ESCAPE_CLOSE && (must_escape(self.t, c) || is_combining(c)) {
                end = i + c.len_utf8();
            } else {
                break;
            }
        }
        self.out.push(ESCAPE_OPEN);
        self.push_str(rest.get(..end).unwrap_or_default());
        self.out.push(ESCAPE_CLOSE);
        self.at = from + end;
        self.state = State::default();
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
