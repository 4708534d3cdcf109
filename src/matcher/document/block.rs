//! The checks at one token start of an encoded block: the tail check on the
//! rest of the word, then [`choose`](super::choose::choose) with the words around.

use core::ops::Range;

use super::choose::{choose, keep_better, Around, Candidate, Stem};
use super::Which;
use crate::matcher::encode::Key;
use crate::matcher::latin::{self, Case};
use crate::matcher::partial::Named;
use crate::matcher::variant::{self};
use crate::matcher::Matcher;
use crate::normalize::key::is_word_byte;

/// Everything the candidate checks need about the current block.
pub(super) struct Block<'a> {
    pub(super) matcher: &'a Matcher,
    pub(super) key: &'a Key,
    pub(super) display: &'a str,
    /// The text around `display`, which starts at `offset` in it: where
    /// the words beside a partial name are read (up to the line's end).
    pub(super) around: &'a str,
    pub(super) offset: usize,
    pub(super) named: &'a Named,
}

impl Block<'_> {
    /// The end of the whole inflected word for a stem at key span
    /// `start..end`, and whether its suffixes hold the plural of persons
    /// ([`Suffixes::needs_personal`](super::tail::Suffixes::needs_personal));
    /// `None` when the rest of the token is not a suffix chain or the word
    /// is an inflected common word (see `tail`).
    pub(super) fn word_end(&self, start: usize, end: usize) -> Option<(usize, bool)> {
        let bytes = self.key.bytes();
        let token_end = |from: usize| {
            bytes
                .get(from..)
                .unwrap_or_default()
                .iter()
                .position(|&b| !is_word_byte(b))
                .map_or(bytes.len(), |p| from + p)
        };
        let tail_end = token_end(end);
        if !self.matcher.suffixes.accepts_word(
            bytes.get(start..tail_end).unwrap_or_default(),
            end.saturating_sub(start),
        ) {
            return None;
        }
        // DPRK-এর, ইইউ’র: a hyphen or an apostrophe, then only suffixes. The
        // key writes a hyphen between words as a space, ’ as OTHER.
        let may_join = |b: u8| matches!(b, b' ' | b'\'' | crate::normalize::key::OTHER);
        if tail_end == end && bytes.get(end).copied().is_some_and(may_join) {
            let joined = self
                .display
                .get(self.key.origin(&self.matcher.encoder, self.display, end)..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(latin::joins_suffix);
            if joined {
                let next_end = token_end(end + 1);
                let next = bytes.get(end + 1..next_end).unwrap_or_default();
                if !next.is_empty() && self.matcher.suffixes.accepts(next) {
                    return Some((next_end, self.matcher.suffixes.needs_personal(next)));
                }
            }
        }
        let tail = bytes.get(end..tail_end).unwrap_or_default();
        Some((tail_end, self.matcher.suffixes.needs_personal(tail)))
    }

    /// Checks the entries of pattern `pattern` of `which` for a stem at key
    /// span `start..stem_end`.
    pub(super) fn candidate(
        &self,
        which: Which,
        pattern: usize,
        start: usize,
        stem_end: usize,
        score: f32,
    ) -> Option<Candidate> {
        // A variant is a guess at a misspelt name; a word spelt as a
        // common word (a given name among them: সিরাজ is no শিরাজ) is that
        // word, and so is an adjective in ীয় (নাইজেরীয়).
        let stem_key = self.key.bytes().get(start..stem_end).unwrap_or_default();
        if which != Which::Exact
            && (self.matcher.suffixes.common_words().contains(stem_key)
                || variant::is_adjective(stem_key))
        {
            return None;
        }
        let (end, personal) = self.word_end(start, stem_end)?;
        let stem = Stem {
            end: stem_end,
            word_end: end,
            personal,
        };
        choose(
            self.matcher,
            self.named,
            which,
            pattern,
            stem,
            score,
            Around {
                written_as: |case: Case| self.written_as(start..stem_end, case),
                stands_alone: |person| self.stands_alone(person, start..end, stem_end),
                before_shared_part: || self.before_shared_part(start..end),
            },
        )
    }

    fn before_shared_part(&self, word: Range<usize>) -> bool {
        let (encoder, display) = (&self.matcher.encoder, self.display);
        let end = self.key.span_to_display(encoder, display, word).end;
        let matcher = self.matcher;
        matcher
            .name_parts
            .shared_part_after(matcher, self.around, self.offset + end)
    }

    fn stands_alone(&self, person: u32, word: Range<usize>, stem_end: usize) -> bool {
        let (encoder, display) = (&self.matcher.encoder, self.display);
        let stem_end = self
            .key
            .span_to_display(encoder, display, word.start..stem_end)
            .end;
        let word = self.key.span_to_display(encoder, display, word);
        let word = self.offset + word.start..self.offset + word.end;
        let matcher = self.matcher;
        let parts = &matcher.name_parts;
        parts.fit(
            matcher,
            self.named,
            person,
            self.around,
            word,
            self.offset + stem_end,
        )
    }

    fn written_as(&self, span: Range<usize>, case: Case) -> bool {
        let display = self
            .key
            .span_to_display(&self.matcher.encoder, self.display, span);
        self.display
            .get(display)
            .is_some_and(|text| case.fits(text))
    }
}

/// The best exact candidate at the token start `start` of the block's key.
pub(super) fn best_exact(block: &Block, start: usize) -> Option<Candidate> {
    let automaton = block.matcher.exact.automaton.as_ref()?;
    let mut best: Option<Candidate> = None;
    automaton.prefixes(block.key.bytes(), start, |pattern, end| {
        keep_better(
            &mut best,
            block.candidate(Which::Exact, pattern, start, end, 1.0),
        );
    });
    best
}
