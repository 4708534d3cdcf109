//! The output side of the transcoder: tokens written with the separators
//! and escapes the reverse direction needs to read them back.

use super::precomputed::{
    push_padded, Code, Codes, Compact, Entry, Kind, COMPACT_CHECK, COMPACT_LETTER, COMPACT_SLOW,
    COMPACT_TOKEN, INHERENT, SLOW, SYLLABLE_PAD,
};
use super::{
    block_at, block_offset, check_bengali, check_other, is_block, must_escape, nukta_letter,
    prev_at, State, NUKTA, VIRAMA, VOWEL_BIT,
};
use crate::normalize::display::{self, NO_PREV};
use crate::script;
use crate::translit::iso15919::table::{ESCAPE_CLOSE, ESCAPE_OPEN, SEPARATOR};
use crate::translit::iso15919::tokens::{is_combining, Fwd, Tables};

pub(super) struct Writer<'a, 't> {
    pub(super) t: &'a Tables,
    pub(super) c: &'static Codes,
    pub(super) text: &'t str,
    pub(super) bytes: &'t [u8],
    pub(super) at: usize,
    pub(super) out: String,
    pub(super) state: State,
    /// The text before this offset is known to be in display form.
    pub(super) clean_until: usize,
}

/// Why the transcoder stops early: the text is not in display form (only
/// when checking; a table lookup cannot miss, but would stop it too).
pub(super) struct Dirty;

impl Writer<'_, '_> {
    /// Transcodes from `at` to the end; with `CHECK`, `None` at the first
    /// code point that is not in display form.
    pub(super) fn run<const CHECK: bool>(&mut self) -> Option<()> {
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
