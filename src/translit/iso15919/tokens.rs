//! The tables of `table.rs` compiled once into the shapes each direction
//! needs: a 128-entry lookup by code point for the forward direction, a
//! leftmost-longest automaton over the Latin strings for the reverse one, and
//! the "would these two tokens read back as one?" masks that decide where the
//! forward direction writes a separator.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, StartKind};
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

use super::table::{MarkKind, CONSONANTS, DIGITS, MARKS, REVERSE_ALIASES, VOWELS};
use crate::script;

/// What a Latin token is, for the separator and inherent-vowel rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Takes a vowel after it; with none, the reverse direction adds a virama.
    Consonant,
    /// A vowel: a sign after a consonant, a letter elsewhere.
    Vowel,
    /// Anything else the reverse direction reads (marks, digits, joiners).
    Other,
}

/// One Latin token as the forward direction writes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) latin: &'static str,
    pub(crate) role: Role,
    /// Bit of this token's first character (see [`Tables::first_bit`]).
    pub(crate) first: u64,
    /// Bits of the characters that, written right after this token, would
    /// make the reverse direction read a longer token (`k` + `h` → `kh`).
    pub(crate) joins: u64,
}

/// The forward meaning of one code point of the Bengali block.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Fwd {
    /// A consonant; `nukta` is its spelling when a nukta follows (ড় ঢ় য়).
    Consonant { tok: Tok, nukta: Option<Tok> },
    /// An independent vowel letter.
    Vowel(Tok),
    /// A dependent vowel sign (only meaningful right after a consonant).
    Sign(Tok),
    /// A mark of [`MARKS`] that lies in the block.
    Mark(Tok, MarkKind),
    /// A digit.
    Digit(Tok),
    /// Copied unchanged (currency signs, avagraha, unassigned code points).
    Raw,
}

/// What a reverse-direction match stands for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Rev {
    Consonant(&'static str),
    Vowel {
        letter: Option<char>,
        sign: Option<char>,
    },
    Mark(char, MarkKind),
    Digit(char),
}

impl Rev {
    pub(crate) fn role(self) -> Role {
        match self {
            Rev::Consonant(_) => Role::Consonant,
            Rev::Vowel { .. } => Role::Vowel,
            Rev::Mark(..) | Rev::Digit(_) => Role::Other,
        }
    }
}

/// Both directions' compiled tables.
pub(crate) struct Tables {
    pub(crate) forward: [Fwd; 128],
    pub(crate) zwj: Tok,
    pub(crate) zwnj: Tok,
    /// The inherent vowel `a`.
    pub(crate) inherent: Tok,
    /// Patterns of `automaton`, by pattern id.
    pub(crate) reverse: Vec<Rev>,
    pub(crate) automaton: AhoCorasick,
    /// Characters that start some token, in bit order.
    first_chars: Vec<char>,
    /// Bit `b` set when ASCII byte `b` must be escaped in the forward
    /// direction (a letter, a digit, `{`, or a token's first character).
    ascii_escape: u128,
}

static TABLES: OnceLock<Option<Tables>> = OnceLock::new();

/// The compiled tables, built on first use. `None` only if the automaton
/// could not be built, which the tests rule out for the shipped tables.
pub(crate) fn tables() -> Option<&'static Tables> {
    TABLES.get_or_init(Tables::build).as_ref()
}

impl Tables {
    fn build() -> Option<Tables> {
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut reverse: Vec<Rev> = Vec::new();
        for &(bn, latin) in CONSONANTS {
            patterns.push(latin);
            reverse.push(Rev::Consonant(bn));
        }
        for &(letter, sign, latin) in VOWELS {
            patterns.push(latin);
            reverse.push(Rev::Vowel { letter, sign });
        }
        for &(c, latin, kind) in MARKS {
            patterns.push(latin);
            reverse.push(Rev::Mark(c, kind));
        }
        for &(c, latin) in &DIGITS {
            patterns.push(latin);
            reverse.push(Rev::Digit(c));
        }
        for &(alias, target) in REVERSE_ALIASES {
            let index = patterns.iter().position(|&p| p == target)?;
            let meaning = *reverse.get(index)?;
            patterns.push(alias);
            reverse.push(meaning);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .ok()?;

        let mut first_chars: Vec<char> = patterns.iter().filter_map(|p| p.chars().next()).collect();
        first_chars.sort_unstable();
        first_chars.dedup();
        let mut tables = Tables {
            forward: [Fwd::Raw; 128],
            zwj: Tok::placeholder(),
            zwnj: Tok::placeholder(),
            inherent: Tok::placeholder(),
            reverse,
            automaton,
            first_chars,
            ascii_escape: 0,
        };
        for b in 0..128u8 {
            let c = char::from(b);
            if c.is_ascii_alphanumeric() || c == super::table::ESCAPE_OPEN || tables.starts_token(c)
            {
                tables.ascii_escape |= 1 << b;
            }
        }
        let tok = |latin: &'static str, role: Role, t: &Tables| Tok {
            latin,
            role,
            first: t.first_bit(latin.chars().next().unwrap_or(' ')),
            joins: t.joins(latin, &patterns),
        };
        for &(bn, latin) in CONSONANTS {
            let mut chars = bn.chars();
            let (Some(base), second) = (chars.next(), chars.next()) else {
                continue;
            };
            let t = tok(latin, Role::Consonant, &tables);
            let slot = tables.slot(base)?;
            match (second, *slot) {
                // A nukta letter: attach it to its base consonant's row.
                (Some(_), Fwd::Consonant { tok: base_tok, .. }) => {
                    *slot = Fwd::Consonant {
                        tok: base_tok,
                        nukta: Some(t),
                    }
                }
                (None, _) => {
                    *slot = Fwd::Consonant {
                        tok: t,
                        nukta: None,
                    }
                }
                _ => return None,
            }
        }
        for &(letter, sign, latin) in VOWELS {
            let t = tok(latin, Role::Vowel, &tables);
            if let Some(letter) = letter {
                *tables.slot(letter)? = Fwd::Vowel(t);
            }
            if let Some(sign) = sign {
                *tables.slot(sign)? = Fwd::Sign(t);
            }
        }
        tables.inherent = tok("a", Role::Vowel, &tables);
        for &(c, latin, kind) in MARKS {
            let t = tok(latin, Role::Other, &tables);
            match c {
                script::ZWJ => tables.zwj = t,
                script::ZWNJ => tables.zwnj = t,
                _ => *tables.slot(c)? = Fwd::Mark(t, kind),
            }
        }
        for &(c, latin) in &DIGITS {
            *tables.slot(c)? = Fwd::Digit(tok(latin, Role::Other, &tables));
        }
        Some(tables)
    }

    fn slot(&mut self, c: char) -> Option<&mut Fwd> {
        let index = (c as u32).checked_sub(script::BLOCK_START)?;
        self.forward.get_mut(usize::try_from(index).ok()?)
    }

    /// The bit standing for `c` as the first character of a token. Characters
    /// that start no token share the top bit, which no `joins` mask contains
    /// unless some token continues with such a character.
    pub(crate) fn first_bit(&self, c: char) -> u64 {
        let index = self.first_chars.binary_search(&c).unwrap_or(63).min(63);
        1u64 << index
    }

    /// True when the ASCII character `c` must be escaped (see `ascii_escape`).
    #[inline]
    pub(crate) fn ascii_needs_escape(&self, c: char) -> bool {
        (self.ascii_escape >> (c as u32 & 0x7F)) & 1 == 1
    }

    /// True when some token starts with `c`.
    #[inline]
    pub(crate) fn starts_token(&self, c: char) -> bool {
        self.first_chars.binary_search(&c).is_ok()
    }

    /// The bits of the characters `x` such that some pattern starts with
    /// `latin` followed by `x`.
    fn joins(&self, latin: &str, patterns: &[&str]) -> u64 {
        patterns
            .iter()
            .filter_map(|p| p.strip_prefix(latin)?.chars().next())
            .fold(0, |mask, x| mask | self.first_bit(x))
    }
}

impl Tok {
    const fn placeholder() -> Tok {
        Tok {
            latin: "",
            role: Role::Other,
            first: 0,
            joins: 0,
        }
    }
}

/// True for characters that NFC could reorder or compose with what precedes
/// them: after a Latin token they go into braces, and the reverse direction
/// NFCs them only as part of a Latin run.
pub(crate) fn is_combining(c: char) -> bool {
    canonical_combining_class(c) != 0 || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_build() {
        let t = tables().unwrap();
        assert!(t.first_chars.len() < 63, "{}", t.first_chars.len());
    }

    #[test]
    fn only_letters_can_join() {
        // The separator is only read between letters, so a token that could
        // swallow the next one must be a letter, and so must what it swallows.
        let t = tables().unwrap();
        for fwd in t.forward.iter().chain([&Fwd::Raw]) {
            let toks: Vec<Tok> = match *fwd {
                Fwd::Consonant { tok, nukta } => [Some(tok), nukta].into_iter().flatten().collect(),
                Fwd::Vowel(tok) | Fwd::Sign(tok) | Fwd::Mark(tok, _) | Fwd::Digit(tok) => vec![tok],
                Fwd::Raw => vec![],
            };
            for tok in toks {
                if tok.joins != 0 {
                    assert_ne!(tok.role, Role::Other, "{}", tok.latin);
                }
            }
        }
    }

    #[test]
    fn every_latin_string_is_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let all = CONSONANTS
            .iter()
            .map(|r| r.1)
            .chain(VOWELS.iter().map(|r| r.2))
            .chain(MARKS.iter().map(|r| r.1))
            .chain(REVERSE_ALIASES.iter().map(|r| r.0));
        for latin in all {
            assert_eq!(latin.nfc().collect::<String>(), latin, "{latin:?}");
        }
    }
}
