//! The search: documents, the [`Mentions`] iterator, and the per-block
//! scan (token starts → candidates → tail check → leftmost-longest).
//!
//! A block goes to `fast` (clean lines, the trie walked over the UTF-8) or
//! to `key_search` (an encoded key: lines the display rules change, and
//! the variant pass); both check a token start with `block` (the tail
//! check) and `choose` (which entity the stem names in this document), and
//! `context` reads each found mention with the words around it.

use core::ops::Range;

use super::encode::Key;
use super::memo::WordMemo;
use super::mention::{MatchKind, Mention};
use super::partial::Named;
use super::variant::Folded;
use super::Matcher;
use crate::{CharCounter, OffsetMap};

mod block;
mod choose;
mod context;
mod fast;
mod key_search;

pub(crate) use fast::count_stem_hits;
use fast::{search_lines, Hit, Passing};
use key_search::{search_key, search_slow};

/// Text is searched in blocks of at most this many bytes, cut after a line
/// break where possible: key offsets stay in `u32` and scratch memory stays
/// bounded however long the text.
const BLOCK: usize = 1 << 20;

/// Per-document state: who was named fully so far, and reusable buffers.
#[derive(Clone, Debug, Default)]
pub(crate) struct State {
    named: Named,
    key: Key,
    loose: Folded,
    skeleton: Folded,
    /// The keys found at the token starts of the current line.
    hits: Vec<Hit>,
    /// The keys that passed the tail check in each word met so far.
    words: WordMemo<Passing>,
}

/// One document: the unit of context for partial names and common-word
/// aliases. Search each piece of a document, in order, through the same
/// `Document`; spans are relative to the piece given.
///
/// ```
/// use bengali_names::Matcher;
/// let matcher = Matcher::embedded();
/// let mut doc = matcher.document();
/// let first: Vec<_> = doc.find_iter("সের্গেই শোইগু এলেন।\n").collect();
/// let later: Vec<_> = doc.find_iter("শোইগু বলেন।\n").collect();
/// assert_eq!(first[0].entity().id(), later[0].entity().id());
/// assert_eq!(later[0].match_kind(), bengali_names::matcher::MatchKind::Partial);
/// // A fresh document knows nobody yet.
/// assert_eq!(matcher.find_iter("শোইগু বলেন।\n").count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct Document<'m> {
    matcher: &'m Matcher,
    state: State,
}

impl<'m> Document<'m> {
    pub(crate) fn new(matcher: &'m Matcher) -> Self {
        Document {
            matcher,
            state: State::default(),
        }
    }

    /// The matcher the document searches with.
    ///
    /// ```
    /// use bengali_names::Matcher;
    /// let matcher = Matcher::embedded();
    /// let doc = matcher.document();
    /// assert!(std::ptr::eq(doc.matcher(), matcher));
    /// ```
    pub fn matcher(&self) -> &'m Matcher {
        self.matcher
    }

    /// The mentions of the next piece of the document, in text order.
    ///
    /// ```
    /// let mut doc = bengali_names::Matcher::embedded().document();
    /// assert_eq!(doc.find_iter("রাশিয়া ও চীন").count(), 2);
    /// ```
    pub fn find_iter<'d, 't>(&'d mut self, text: &'t str) -> Mentions<'m, 'd, 't> {
        self.state.named.start_piece();
        Mentions::new(self.matcher, Slot::Borrowed(&mut self.state), text)
    }

    /// Forgets who was named: the next piece starts a new document.
    ///
    /// ```
    /// let mut doc = bengali_names::Matcher::embedded().document();
    /// doc.find_iter("সের্গেই শোইগু").count();
    /// doc.reset();
    /// assert_eq!(doc.find_iter("শোইগু").count(), 0);
    /// ```
    pub fn reset(&mut self) {
        self.state.named.clear();
    }

    /// A copy of this document that searches the pieces after the ones
    /// searched so far *ahead of time* (on another thread, say) while this
    /// document searches the pieces in between; [`join_piece`](Self::join_piece)
    /// then tells, piece by piece, whether the fork found what this document
    /// would have found.
    ///
    /// A piece's mentions depend on the document only through partial names
    /// and common-word aliases, which ask whether someone was named before;
    /// a fork logs those questions with their answers.
    ///
    /// ```
    /// let matcher = bengali_names::Matcher::embedded();
    /// let mut doc = matcher.document();
    /// let mut ahead = doc.fork();
    /// let later: Vec<_> = ahead.find_iter("রাশিয়া বলেছে।\n").collect();
    /// doc.find_iter("চীন বলেছে।\n").count(); // the piece before
    /// assert!(doc.join_piece(&mut ahead), "nothing in the piece depended on it");
    /// assert_eq!(later.len(), 1);
    /// ```
    pub fn fork(&self) -> Document<'m> {
        Document {
            matcher: self.matcher,
            state: State {
                named: self.state.named.fork(),
                ..State::default()
            },
        }
    }

    /// Takes over the oldest piece `fork` searched that was not joined yet
    /// (`fork` was made by [`fork`](Self::fork) from this document or an
    /// earlier state of it), if its mentions are exactly those this document
    /// would find for that piece now: this document then knows whom the
    /// piece named, as if it had searched it. Returns `false`, and changes
    /// nothing, if not (the caller then searches the piece through this
    /// document), or if `fork` has no piece left to join.
    ///
    /// ```
    /// let matcher = bengali_names::Matcher::embedded();
    /// let mut doc = matcher.document();
    /// let mut ahead = doc.fork();
    /// // Searched ahead, the surname alone links to nobody...
    /// assert_eq!(ahead.find_iter("শোইগু বলেন।\n").count(), 0);
    /// // ...but the piece before it names him in full.
    /// assert_eq!(doc.find_iter("সের্গেই শোইগু এলেন।\n").count(), 1);
    /// assert!(!doc.join_piece(&mut ahead));
    /// assert_eq!(doc.find_iter("শোইগু বলেন।\n").count(), 1);
    /// ```
    pub fn join_piece(&mut self, fork: &mut Document<'m>) -> bool {
        core::ptr::eq(self.matcher, fork.matcher)
            && self.state.named.join_piece(&mut fork.state.named)
    }
}

/// The document state of a [`Mentions`] iterator: its own for a one-off
/// search, or a [`Document`]'s.
#[derive(Debug)]
enum Slot<'d> {
    Owned(Box<State>),
    Borrowed(&'d mut State),
}

impl Slot<'_> {
    fn state(&mut self) -> &mut State {
        match self {
            Slot::Owned(state) => state,
            Slot::Borrowed(state) => state,
        }
    }
}

/// An iterator over the mentions of a text, in order, created by
/// [`Matcher::find_iter`] or [`Document::find_iter`]. Mentions borrow the
/// matcher (`'m`), not the document (`'d`) nor the text (`'t`).
///
/// ```
/// let text = "উত্তর কোরিয়ার নেতা কিম জং উন";
/// let names: Vec<_> = bengali_names::Matcher::embedded()
///     .find_iter(text)
///     .map(|m| m.entity().name_en())
///     .collect();
/// assert_eq!(names, ["North Korea", "Kim Jong Un"]);
/// ```
#[derive(Debug)]
pub struct Mentions<'m, 'd, 't> {
    matcher: &'m Matcher,
    slot: Slot<'d>,
    text: &'t str,
    /// Where the next block starts.
    at: usize,
    chars: CharCounter<'t>,
    pending: Vec<Found>,
    next: usize,
    /// The last mention, when it was a place in the genitive (শ্রীলঙ্কার,
    /// দিনাজপুরের).
    after_genitive: Option<Found>,
}

/// A mention before char offsets: spans in input bytes.
#[derive(Clone, Debug)]
struct Found {
    span: Range<usize>,
    stem_end: usize,
    target: u32,
    alternatives: Range<u32>,
    table: Which,
    kind: MatchKind,
    score: f32,
}

impl Found {
    /// The mention with its spans moved `by` bytes on.
    fn moved(self, by: usize) -> Found {
        Found {
            span: self.span.start + by..self.span.end + by,
            stem_end: self.stem_end + by,
            ..self
        }
    }
}

/// Which table a candidate's entries live in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    Exact,
    Loose,
    Skeleton,
}

impl<'m, 'd, 't> Mentions<'m, 'd, 't> {
    fn new(matcher: &'m Matcher, slot: Slot<'d>, text: &'t str) -> Self {
        Mentions {
            matcher,
            slot,
            text,
            at: 0,
            chars: CharCounter::new(text),
            pending: Vec::new(),
            next: 0,
            after_genitive: None,
        }
    }

    pub(crate) fn one_off(matcher: &'m Matcher, text: &'t str) -> Self {
        Mentions::new(matcher, Slot::Owned(Box::default()), text)
    }
}

impl<'m> Iterator for Mentions<'m, '_, '_> {
    type Item = Mention<'m>;

    fn next(&mut self) -> Option<Mention<'m>> {
        loop {
            if let Some(found) = self.pending.get(self.next).cloned() {
                self.next += 1;
                if let Some(mention) = self.mention(&found) {
                    return Some(mention);
                }
                continue;
            }
            if self.at >= self.text.len() {
                return None;
            }
            let end = block_end(self.text, self.at);
            let block = self.text.get(self.at..end).unwrap_or_default();
            self.pending.clear();
            self.next = 0;
            let base = self.at;
            search_block(self.matcher, self.slot.state(), block, &mut |mut found| {
                found.span = found.span.start + base..found.span.end + base;
                found.stem_end += base;
                self.pending.push(found);
            });
            self.at = end;
        }
    }
}

/// Where the block starting at `at` ends: after the last line break within
/// [`BLOCK`] bytes, else after the last space, else at a char boundary.
fn block_end(text: &str, at: usize) -> usize {
    if text.len() - at <= BLOCK {
        return text.len();
    }
    let window = text.as_bytes().get(at..at + BLOCK).unwrap_or_default();
    let cut = window
        .iter()
        .rposition(|&b| b == b'\n')
        .or_else(|| window.iter().rposition(|&b| b == b' ' || b == b'\t'))
        .map(|i| at + i + 1);
    cut.unwrap_or_else(|| {
        let mut end = at + BLOCK;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        end
    })
}

/// Searches one block (at most [`BLOCK`] bytes), calling `emit` with each
/// mention in order; spans are relative to the block.
///
/// Clean text (nearly all of it) is never normalized: its offsets are its
/// own. A line with text the display rules would change, or with rare
/// characters, is normalized and encoded the slow way on its own: no rule
/// and no mention reaches across a line break. Without variants the trie
/// is walked straight over the text's UTF-8 from each token start
/// ([`search_lines`]); the variant pass needs the whole key, which the
/// fused encoder writes.
fn search_block(matcher: &Matcher, state: &mut State, text: &str, emit: &mut dyn FnMut(Found)) {
    if let Some(trie) = matcher.exact.automaton.as_ref().and_then(|a| a.trie()) {
        if !matcher.variants {
            search_lines(matcher, trie, state, text, emit);
            return;
        }
    }
    let identity = OffsetMap::identity();
    let mut from = 0;
    loop {
        let slow = state.key.encode_raw(&matcher.encoder, text, from);
        search_key(matcher, state, text, &identity, 0, emit);
        let Some(line) = slow else {
            return;
        };
        search_slow(matcher, state, text, line.clone(), emit);
        from = line.end;
        if from >= text.len() {
            return;
        }
    }
}

#[cfg(test)]
mod tests;
