//! Bengali → Latin, on display-normalized text.

use std::borrow::Cow;

use super::table::{MarkKind, ESCAPE_CLOSE, ESCAPE_OPEN, SEPARATOR};
use super::tokens::{is_combining, Fwd, Role, Tables, Tok};
use crate::script::{self, chars::NUKTA, chars::VIRAMA};

/// What was written last, which decides separators and escapes.
#[derive(Clone, Copy)]
enum Last {
    /// Nothing, copied text, or an escape: the reverse direction starts afresh.
    Raw,
    /// A token; `bare` when it is a consonant with no vowel (virama implied).
    Token { tok: Tok, bare: bool },
}

/// Writes Latin for `text`, which must be in display form.
pub(crate) fn to_latin<'t>(t: &Tables, text: &'t str) -> Cow<'t, str> {
    let Some(start) = first_work(t, text) else {
        return Cow::Borrowed(text);
    };
    let mut w = Writer {
        t,
        out: String::with_capacity(text.len() + text.len() / 4),
        last: Last::Raw,
    };
    w.out.push_str(text.get(..start).unwrap_or_default());
    let rest = text.get(start..).unwrap_or_default();
    w.run(&mut Cursor { text: rest, at: 0 });
    Cow::Owned(w.out)
}

/// Byte offset of the first character that is not copied as is, if any.
fn first_work(t: &Tables, text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(_, c)| {
            script::is_bengali(c) || c == script::ZWJ || c == script::ZWNJ || must_escape(t, c)
        })
        .map(|(i, _)| i)
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

struct Writer<'a> {
    t: &'a Tables,
    out: String,
    last: Last,
}

impl Writer<'_> {
    fn run(&mut self, chars: &mut Cursor<'_>) {
        while let Some(c) = chars.next() {
            if script::is_bengali(c) {
                self.bengali(c, chars);
            } else if c == script::ZWJ {
                self.token(self.t.zwj);
            } else if c == script::ZWNJ {
                self.token(self.t.zwnj);
            } else if self.needs_escape(c, chars.peek()) {
                self.escape(c, chars);
            } else {
                self.out.push(c);
                self.last = Last::Raw;
            }
        }
    }

    fn bengali(&mut self, c: char, chars: &mut Cursor<'_>) {
        match self.t.forward(c) {
            Fwd::Consonant { tok, nukta } => self.consonant(*tok, *nukta, chars),
            // A sign or nukta with no consonant to sit on is copied in
            // braces (an explicit virama has a token of its own).
            Fwd::Sign(_) | Fwd::Mark(_, MarkKind::Nukta) => self.escape(c, chars),
            Fwd::Vowel(tok) | Fwd::Digit(tok) | Fwd::Mark(tok, _) => self.token(*tok),
            Fwd::Raw if self.after_token() && is_combining(c) => self.escape(c, chars),
            Fwd::Raw => {
                self.out.push(c);
                self.last = Last::Raw;
            }
        }
    }

    /// A consonant and what belongs to it: nuktas, then one vowel sign, a
    /// virama (written as nothing), or the inherent `a`.
    fn consonant(&mut self, tok: Tok, nukta: Option<Tok>, chars: &mut Cursor<'_>) {
        let mut base = tok;
        if let Some(with_nukta) = nukta {
            if next_is(chars, NUKTA) {
                chars.next();
                base = with_nukta;
            }
        }
        self.token(base);
        while next_is(chars, NUKTA) {
            chars.next();
            if let Fwd::Mark(nukta_tok, _) = self.t.forward(NUKTA) {
                self.out.push_str(nukta_tok.latin);
            }
            // The nukta sits between the consonant and whatever follows, so
            // nothing can join across it.
            base.joins = 0;
        }
        match chars.peek().map(|c| self.t.forward(c)) {
            Some(Fwd::Sign(sign)) => {
                chars.next();
                self.last = Last::Token {
                    tok: base,
                    bare: false,
                };
                self.token(*sign);
            }
            Some(_) if next_is(chars, VIRAMA) => {
                chars.next();
                self.last = Last::Token {
                    tok: base,
                    bare: true,
                };
            }
            _ => {
                self.last = Last::Token {
                    tok: base,
                    bare: false,
                };
                self.token(self.t.inherent);
            }
        }
    }

    /// Writes a token, with a separator first when the reverse direction would
    /// otherwise read it together with the previous token.
    fn token(&mut self, tok: Tok) {
        if let Last::Token { tok: prev, bare } = self.last {
            let letters = prev.role != Role::Other && tok.role != Role::Other;
            let vowel_after_bare = bare && tok.role == Role::Vowel;
            if letters && (vowel_after_bare || prev.joins & tok.first != 0) {
                self.out.push(SEPARATOR);
            }
        }
        self.out.push_str(tok.latin);
        self.last = Last::Token { tok, bare: false };
    }

    /// Copies `first` and the characters after it that also need escaping
    /// (or are combining marks, which stay with their base) between braces.
    fn escape(&mut self, first: char, chars: &mut Cursor<'_>) {
        self.out.push(ESCAPE_OPEN);
        self.out.push(first);
        while let Some(c) = chars.peek() {
            if c != ESCAPE_CLOSE && (must_escape(self.t, c) || is_combining(c)) {
                self.out.push(c);
                chars.next();
            } else {
                break;
            }
        }
        self.out.push(ESCAPE_CLOSE);
        self.last = Last::Raw;
    }

    /// True when `c` (not Bengali, not a joiner) must go into braces here.
    fn needs_escape(&self, c: char, next: Option<char>) -> bool {
        must_escape(self.t, c)
            || (!c.is_ascii() && self.after_token() && is_combining(c))
            || (c == SEPARATOR && self.colon_needs_escape(next))
    }

    fn after_token(&self) -> bool {
        matches!(self.last, Last::Token { .. })
    }

    /// A literal colon between two letters would read back as a separator.
    fn colon_needs_escape(&self, next: Option<char>) -> bool {
        let after_letter = matches!(self.last, Last::Token { tok, .. } if tok.role != Role::Other);
        let before_letter = next.is_some_and(|c| {
            script::is_bengali(c)
                && matches!(self.t.forward(c), Fwd::Consonant { .. } | Fwd::Vowel(_))
        });
        after_letter && before_letter
    }
}

fn next_is(chars: &mut Cursor<'_>, c: char) -> bool {
    chars.peek() == Some(c)
}

/// Reads characters with a fast path for the three-byte UTF-8 of the
/// Bengali block (E0 A6 80 – E0 A7 BF), which is most of the text.
struct Cursor<'t> {
    text: &'t str,
    at: usize,
}

impl Cursor<'_> {
    #[inline]
    fn decode(&self) -> Option<(char, usize)> {
        let bytes = self.text.as_bytes();
        match bytes.get(self.at..self.at + 3) {
            Some(&[0xE0, b1 @ (0xA6 | 0xA7), b2]) => {
                let offset = (u32::from(b1 & 1) << 6) | u32::from(b2 & 0x3F);
                char::from_u32(script::BLOCK_START + offset).map(|c| (c, 3))
            }
            _ => {
                let c = self.text.get(self.at..)?.chars().next()?;
                Some((c, c.len_utf8()))
            }
        }
    }

    #[inline]
    fn peek(&self) -> Option<char> {
        self.decode().map(|(c, _)| c)
    }

    #[inline]
    fn next(&mut self) -> Option<char> {
        let (c, len) = self.decode()?;
        self.at += len;
        Some(c)
    }
}
