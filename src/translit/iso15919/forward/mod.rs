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

use crate::normalize::display::{self, NO_PREV};
use crate::normalize::{NormalizeOptions, OffsetMap};
use crate::script;
use crate::translit::iso15919::tokens::Tables;
use precomputed::{codes, Codes, Compact, COMPACT_NUKTA, COMPACT_SLOW, INHERENT, SYLLABLE_PAD};
use writer::{Dirty, Writer};

mod precomputed;
#[cfg(test)]
mod tests;
mod writer;

/// Stands for "a vowel" in [`Code::first`] and "a consonant with no vowel"
/// in [`State::trigger`]. No character's bit (see `Tables::first_bit`) is
/// this one: the tables have fewer than 62 first characters, and characters
/// that start no token share bit 63.
const VOWEL_BIT: u64 = 1 << 62;

/// The offset of the nukta and the virama in the block.
const NUKTA: u8 = (script::chars::NUKTA as u32 - script::BLOCK_START) as u8;
const VIRAMA: u8 = (script::chars::VIRAMA as u32 - script::BLOCK_START) as u8;

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
