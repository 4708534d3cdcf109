//! Latin → Bengali: NFC, then a longest-match scan over the tables.

use std::borrow::Cow;

use aho_corasick::{Anchored, Input};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::table::{MarkKind, ESCAPE_CLOSE, ESCAPE_OPEN, SEPARATOR};
use super::tokens::{is_combining, Rev, Role, Tables};
use crate::script::{self, chars::A, chars::VIRAMA};

/// Writes Bengali for `latin`.
pub(crate) fn to_bengali<'t>(t: &Tables, latin: &'t str) -> Cow<'t, str> {
    let text = prepare(latin);
    let mut r = Reader {
        t,
        out: String::with_capacity(text.len() * 2),
        pending: false,
        after_letter: false,
    };
    r.run(&text);
    Cow::Owned(r.out)
}

/// NFC and lowercase for the Latin runs outside escapes (a letter and the
/// letters and combining marks after it), so that `Ḍ`, `ḍ` and `d` + U+0323
/// all read as ḍ. Everything else is left exactly as it is: escaped or
/// copied text must come back byte for byte, normalized or not.
fn prepare(latin: &str) -> Cow<'_, str> {
    let plain = |c: char| !c.is_uppercase() && c.is_ascii();
    let nfc = || is_nfc_quick(latin.chars()) == IsNormalized::Yes;
    if latin.chars().all(plain) || (nfc() && !latin.chars().any(char::is_uppercase)) {
        return Cow::Borrowed(latin);
    }
    let mut out = String::with_capacity(latin.len());
    let mut run = String::new();
    let mut in_escape = false;
    for c in latin.chars() {
        let joins_run =
            !in_escape && (script::is_latin_letter(c) || (!run.is_empty() && is_combining(c)));
        if joins_run {
            run.push(c);
            continue;
        }
        flush_run(&mut run, &mut out);
        match c {
            ESCAPE_OPEN if !in_escape => in_escape = true,
            ESCAPE_CLOSE => in_escape = false,
            _ => {}
        }
        out.push(c);
    }
    flush_run(&mut run, &mut out);
    Cow::Owned(out)
}

fn flush_run(run: &mut String, out: &mut String) {
    out.extend(run.nfc().flat_map(char::to_lowercase));
    run.clear();
}

struct Reader<'a> {
    t: &'a Tables,
    out: String,
    /// A consonant was written and waits for its vowel; with none, a virama.
    pending: bool,
    /// The last token was a consonant or a vowel (a separator may follow).
    after_letter: bool,
}

impl Reader<'_> {
    fn run(&mut self, text: &str) {
        let mut at = 0;
        while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
            at = self.step(text, at, c);
        }
        self.end_syllable();
    }

    /// Reads what starts at `at` (which holds `c`); returns where the next
    /// step starts.
    fn step(&mut self, text: &str, at: usize, c: char) -> usize {
        let next = at + c.len_utf8();
        if c == ESCAPE_OPEN {
            let rest = text.get(next..).unwrap_or_default();
            if let Some(close) = rest.find(ESCAPE_CLOSE) {
                self.copy(rest.get(..close).unwrap_or_default());
                return next + close + ESCAPE_CLOSE.len_utf8();
            }
        }
        if c == SEPARATOR && self.after_letter {
            let letter_follows = self
                .token_at(text, next)
                .is_some_and(|(rev, _)| rev.role() != Role::Other);
            if letter_follows {
                self.end_syllable();
                self.after_letter = false;
                return next;
            }
        }
        match self.token_at(text, at) {
            Some((rev, end)) => {
                self.token(rev);
                end
            }
            None => {
                self.copy(text.get(at..next).unwrap_or_default());
                next
            }
        }
    }

    fn token_at(&self, text: &str, at: usize) -> Option<(Rev, usize)> {
        let input = Input::new(text)
            .span(at..text.len())
            .anchored(Anchored::Yes);
        let m = self.t.automaton.try_find(input).ok()??;
        Some((*self.t.reverse.get(m.pattern().as_usize())?, m.end()))
    }

    fn token(&mut self, rev: Rev) {
        match rev {
            Rev::Consonant(bn) => {
                self.end_syllable();
                self.out.push_str(bn);
                self.pending = true;
            }
            Rev::Vowel { letter, sign } => {
                if self.pending {
                    // `a` after a consonant is the inherent vowel: nothing to write.
                    if let Some(sign) = sign {
                        self.out.push(sign);
                    } else if letter != Some(A) {
                        self.out.extend(letter);
                    }
                    self.pending = false;
                } else {
                    self.out.extend(letter.or(sign));
                }
            }
            // A nukta belongs to the letter before it: the syllable goes on,
            // and a separator after it still separates two letters
            // (`k̤:u` ক়্উ, as the forward direction writes it).
            Rev::Mark(c, MarkKind::Nukta) => {
                self.out.push(c);
                return;
            }
            Rev::Mark(c, _) | Rev::Digit(c) => {
                self.end_syllable();
                self.out.push(c);
            }
        }
        self.after_letter = rev.role() != Role::Other;
    }

    fn copy(&mut self, text: &str) {
        self.end_syllable();
        self.out.push_str(text);
        self.after_letter = false;
    }

    /// A consonant that got no vowel is dead: write its virama.
    fn end_syllable(&mut self) {
        if self.pending {
            self.out.push(VIRAMA);
            self.pending = false;
        }
    }
}
