//! Bengali → Latin, on display-normalized text.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::CharIndices;

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
    w.run(&mut rest.char_indices().peekable());
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
        return c.is_ascii_alphanumeric() || c == ESCAPE_OPEN || t.starts_token(c);
    }
    script::is_latin_letter(c) || t.starts_token(c)
}

struct Writer<'a> {
    t: &'a Tables,
    out: String,
    last: Last,
}

impl Writer<'_> {
    fn run(&mut self, chars: &mut Peekable<CharIndices<'_>>) {
        while let Some((_, c)) = chars.next() {
            if script::is_bengali(c) {
                self.bengali(c, chars);
            } else if c == script::ZWJ {
                self.token(self.t.zwj);
            } else if c == script::ZWNJ {
                self.token(self.t.zwnj);
            } else if self.needs_escape(c, chars.peek().map(|&(_, next)| next)) {
                self.escape(c, chars);
            } else {
                self.out.push(c);
                self.last = Last::Raw;
            }
        }
    }

    fn bengali(&mut self, c: char, chars: &mut Peekable<CharIndices<'_>>) {
        match self.t.forward(c) {
            Fwd::Consonant { tok, nukta } => self.consonant(tok, nukta, chars),
            // A sign or nukta with no consonant to sit on is copied in
            // braces (an explicit virama has a token of its own).
            Fwd::Sign(_) | Fwd::Mark(_, MarkKind::Nukta) => self.escape(c, chars),
            Fwd::Vowel(tok) | Fwd::Digit(tok) | Fwd::Mark(tok, _) => self.token(tok),
            Fwd::Raw if is_combining(c) && self.after_token() => self.escape(c, chars),
            Fwd::Raw => {
                self.out.push(c);
                self.last = Last::Raw;
            }
        }
    }

    /// A consonant and what belongs to it: nuktas, then one vowel sign, a
    /// virama (written as nothing), or the inherent `a`.
    fn consonant(&mut self, tok: Tok, nukta: Option<Tok>, chars: &mut Peekable<CharIndices<'_>>) {
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
        match chars.peek().map(|&(_, c)| self.t.forward(c)) {
            Some(Fwd::Sign(sign)) => {
                chars.next();
                self.last = Last::Token {
                    tok: base,
                    bare: false,
                };
                self.token(sign);
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
    fn escape(&mut self, first: char, chars: &mut Peekable<CharIndices<'_>>) {
        self.out.push(ESCAPE_OPEN);
        self.out.push(first);
        while let Some(&(_, c)) = chars.peek() {
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
            || (is_combining(c) && self.after_token())
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

fn next_is(chars: &mut Peekable<CharIndices<'_>>, c: char) -> bool {
    chars.peek().is_some_and(|&(_, next)| next == c)
}
