//! The search: documents, the [`Mentions`] iterator, and the per-block
//! scan (token starts → candidates → tail check → leftmost-longest).

use core::ops::Range;

use super::encode::Key;
use super::latin::{self, Case};
use super::memo::WordMemo;
use super::mention::{EntityInfo, MatchKind, Mention};
use super::partial::Named;
use super::trie::Trie;
use super::variant::{self, Folded, Level, Side};
use super::{Entry, Matcher, Table};
use crate::gazetteer::Kind;
use crate::normalize::display::is_invisible_junk;
use crate::normalize::key::is_word_byte;
use crate::{CharCounter, OffsetMap};

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

    fn mention(&mut self, found: &Found) -> Option<Mention<'m>> {
        let matcher = self.matcher;
        let mut entity = matcher.entity_at(found.target)?;
        let mut alternatives = matcher.alternatives(found);
        let text = self.text;
        let mut found = found.clone();
        // The place in the genitive right before this mention, if one is.
        let genitive = self.after_genitive.take().filter(|place| {
            let between = text
                .get(place.span.end..found.span.start)
                .unwrap_or_default();
            !between.is_empty() && between.bytes().all(|b| b == b' ')
        });
        match entity.kind() {
            // "শ্রীলঙ্কার স্বাস্থ্য মন্ত্রণালয়": right after another country's
            // genitive, a national body is that country's, not the one the
            // bare name defaults to (a body of no country, the EU, stays).
            Kind::Organization => {
                let country = genitive
                    .as_ref()
                    .and_then(|place| matcher.entity_at(place.target))
                    .filter(|place| place.kind() == Kind::Country)
                    .and_then(EntityInfo::country);
                if country.is_some() && entity.country().is_some_and(|own| Some(own) != country) {
                    return None;
                }
            }
            // "দিনাজপুরের নবাবগঞ্জে", "নবাবগঞ্জ (ঢাকা) প্রতিনিধি": a name several
            // units share is the one inside the place in the genitive before
            // it, or in parentheses after it (the news dateline), when the
            // pick is not.
            Kind::Subdivision | Kind::City => {
                let in_parentheses = || {
                    self.pending.get(self.next).filter(|next| {
                        let between = text.get(found.span.end..next.span.start);
                        let after = text.get(next.span.end..).unwrap_or_default();
                        between.is_some_and(|b| b.trim() == "(")
                            && after.trim_start().starts_with(')')
                    })
                };
                let place = genitive.as_ref().or_else(in_parentheses);
                if let Some(inside) = place.and_then(|place| matcher.inside_place(&found, place)) {
                    found.target = inside;
                    entity = matcher.entity_at(inside)?;
                    alternatives = matcher.alternatives(&found);
                }
            }
            _ => {}
        }
        let (encoder, normalizer) = (&matcher.encoder, &matcher.normalizer);
        // A place in the genitive, its designator's included (ভোলা জেলার),
        // for the mention after it; only a word with a suffix can be one.
        if found.span.end > found.stem_end
            && matches!(
                entity.kind(),
                Kind::Country | Kind::Subdivision | Kind::City
            )
        {
            let mut tail = [0; TAIL_KEY];
            let genitive = encoder
                .tail_key(text, found.stem_end, &mut tail)
                .is_some_and(|tail| matcher.suffixes.has_genitive(tail));
            if genitive {
                self.after_genitive = Some(found.clone());
            }
        }
        // The span leaves out a place's designator after it ("ভোলা জেলার")
        // and a person's title before ("অধ্যাপক আনিসুজ্জামান"): see `tail`.
        let stem = text
            .get(found.span.start..found.stem_end)
            .unwrap_or_default();
        match entity.kind() {
            Kind::Subdivision => {
                if let Some(keep) = matcher
                    .suffixes
                    .without_designator(encoder, normalizer, stem)
                {
                    found.stem_end = found.span.start + keep;
                    found.span.end = found.stem_end;
                }
            }
            Kind::Person => {
                if let Some(skip) = matcher.suffixes.title_len(encoder, normalizer, stem) {
                    found.span.start += skip;
                }
            }
            _ => {}
        }
        let start = self.chars.char_offset(found.span.start);
        let stem_char_end = self.chars.char_offset(found.stem_end);
        let end = self.chars.char_offset(found.span.end);
        Some(Mention {
            span: found.span.clone(),
            char_span: start..end,
            stem_end: found.stem_end,
            stem_char_end,
            entity,
            alternatives,
            kind: found.kind,
            score: found.score,
        })
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

/// A validated candidate at one token start, in key indices.
#[derive(Clone, Debug)]
struct Candidate {
    stem_end: usize,
    end: usize,
    target: u32,
    alternatives: Range<u32>,
    table: Which,
    kind: MatchKind,
    score: f32,
}

impl Candidate {
    /// Longer stems win; at equal length, exact evidence beats a variant,
    /// which beats a name part. But an exact reading and a variant one of
    /// the same word (the same end) only split it differently: the exact
    /// one wins, whatever its stem. A loose spelling may swallow a
    /// suffix's vowel sign (যুক্তরাজ্যে|র read loosely against যুক্তরাজ্য|ের
    /// as written).
    fn beats(&self, other: &Candidate) -> bool {
        let exact = |c: &Candidate| c.kind.rank() == MatchKind::Exact.rank();
        let variant = |c: &Candidate| c.kind == MatchKind::Variant;
        if self.end == other.end && (exact(self) && variant(other) || variant(self) && exact(other))
        {
            return exact(self);
        }
        (self.stem_end, core::cmp::Reverse(self.kind.rank()))
            > (other.stem_end, core::cmp::Reverse(other.kind.rank()))
    }
}

/// Everything the candidate checks need about the current block.
struct Block<'a> {
    matcher: &'a Matcher,
    key: &'a Key,
    display: &'a str,
    /// The text around `display`, which starts at `offset` in it: where
    /// the words beside a partial name are read (up to the line's end).
    around: &'a str,
    offset: usize,
    named: &'a Named,
}

impl Block<'_> {
    /// The end of the whole inflected word for a stem at key span
    /// `start..end`, and whether its suffixes hold the plural of persons
    /// ([`Suffixes::needs_personal`](super::tail::Suffixes::needs_personal));
    /// `None` when the rest of the token is not a suffix chain or the word
    /// is an inflected common word (see `tail`).
    fn word_end(&self, start: usize, end: usize) -> Option<(usize, bool)> {
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
    fn candidate(
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

/// Where a stem that passed the tail check ends, and where its word ends
/// (key indices, or byte offsets in a window for [`Passing`] keys).
#[derive(Clone, Copy, Debug)]
struct Stem {
    end: usize,
    word_end: usize,
    /// The suffixes hold the plural of persons: no place is named.
    personal: bool,
}

/// What [`choose`] asks of the text around a stem.
struct Around<C, S, P> {
    /// Whether the stem is written as a Latin alias's case rule asks.
    written_as: C,
    /// Whether a partial name of this person here is not part of another
    /// person's name (see `NameParts::fit`).
    stands_alone: S,
    /// Whether a name part many people share follows the word (see
    /// `NameParts::shared_part_after`).
    before_shared_part: P,
}

/// The entry of pattern `pattern` of `which` that `stem` names, given who
/// was `named` before (common-word aliases and partial names ask) and
/// what is `around` it.
fn choose(
    matcher: &Matcher,
    named: &Named,
    which: Which,
    pattern: usize,
    stem: Stem,
    score: f32,
    around: Around<impl Fn(Case) -> bool, impl Fn(u32) -> bool, impl Fn() -> bool>,
) -> Option<Candidate> {
    let table = matcher.table(which);
    let range = table.range(pattern);
    let entries = table.entries_of(pattern);
    let weak = table.weak.get(pattern).copied().unwrap_or(false);
    let make = |entry: &Entry, score: f32| Candidate {
        stem_end: stem.end,
        end: stem.word_end,
        target: entry.target,
        alternatives: range.clone(),
        table: which,
        kind: entry.kind,
        score,
    };
    // The prior's pick among the entries that pass, unless the document
    // has named another one, or something in another one's country and
    // nothing in the pick's (পাঞ্জাব after লাহোর is Pakistan's). A pick in
    // no country (a sea, a continent) gives way only to an entity named
    // before: the Red Sea stays a sea after a mention of Egypt.
    let mut pick: Option<&Entry> = None;
    for entry in entries {
        match entry.kind {
            // Name parts rank last: after a pick they are alternatives.
            MatchKind::Partial if pick.is_some() => break,
            MatchKind::Partial => {
                let partials = entries.iter().filter(|e| e.kind == MatchKind::Partial);
                let target = named.only_one(partials.map(|e| e.target))?;
                if !(around.stands_alone)(target) {
                    return None;
                }
                return Some(Candidate {
                    target,
                    ..make(entry, PARTIAL_SCORE)
                });
            }
            _ if weak && !named.contains(entry.target) => continue,
            _ if entry.in_its_country && !in_context(matcher, named, entry.target, true) => {
                continue
            }
            // ত্রিপুরাদের, আর্মেনীয়রা: people, not the place or country.
            _ if stem.personal
                && matches!(
                    kind_of(matcher, entry.target),
                    Some(Kind::Country | Kind::City | Kind::Subdivision | Kind::Region)
                ) =>
            {
                continue
            }
            // বনানী চৌধুরী is a woman, not Dhaka's Banani.
            MatchKind::Exact | MatchKind::Variant
                if stem.end == stem.word_end
                    && is_place(matcher, entry.target)
                    && (around.before_shared_part)() =>
            {
                continue
            }
            _ if entry.case != Case::Any && !(around.written_as)(entry.case) => continue,
            _ if entries.len() == 1 => return Some(make(entry, score)),
            _ => {
                let by_country = pick.is_none_or(|p| country_mark(matcher, p.target).is_some());
                if in_context(matcher, named, entry.target, by_country) {
                    return Some(make(entry, score));
                }
                pick.get_or_insert(entry);
            }
        }
    }
    pick.map(|entry| make(entry, score))
}

/// What a document records of a mention of `target`: the entity, and
/// that it has named something in the entity's country.
fn note_named(matcher: &Matcher, named: &mut Named, target: u32) {
    named.insert(target);
    if let Some(mark) = country_mark(matcher, target) {
        named.insert(mark);
    }
}

/// True when the document has named `target` or, if `by_country`,
/// something in its country.
fn in_context(matcher: &Matcher, named: &Named, target: u32, by_country: bool) -> bool {
    named.contains(target)
        || by_country && country_mark(matcher, target).is_some_and(|m| named.contains(m))
}

/// The mark [`Named`] keeps for a country named in the document: the
/// country's number with the top bit set, which no entity's number has
/// (a matcher of 2³¹ entities would need hundreds of gigabytes).
fn country_mark(matcher: &Matcher, target: u32) -> Option<u32> {
    const MARK: u32 = 1 << 31;
    let country = matcher.entity_at(target)?.country()?;
    (country < MARK).then_some(country | MARK)
}

/// Score of a partial-name mention.
const PARTIAL_SCORE: f32 = 0.85;

/// The kind of entity `target`.
fn kind_of(matcher: &Matcher, target: u32) -> Option<Kind> {
    matcher.entity_at(target).map(EntityInfo::kind)
}

/// A city, subdivision or region: places whose names are also given names.
fn is_place(matcher: &Matcher, target: u32) -> bool {
    matches!(
        kind_of(matcher, target),
        Some(Kind::City | Kind::Subdivision | Kind::Region)
    )
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

/// The search without encoding the text: each line is scanned for token
/// starts (checking that display normalization leaves it alone), the trie
/// is walked from each over key bytes folded on the fly, and only a token
/// with a hit gets its key written, for a window just long enough for the
/// tail check (unless the document met the word before: see `memo`).
/// Gives exactly the mentions of the fused encoder's path (a test
/// compares them).
fn search_lines(
    matcher: &Matcher,
    trie: &Trie,
    state: &mut State,
    text: &str,
    emit: &mut dyn FnMut(Found),
) {
    let encoder = &matcher.encoder;
    let mut hits = core::mem::take(&mut state.hits);
    let mut at = 0;
    while at < text.len() {
        hits.clear();
        // Each token's keys come shortest first, before the next token's.
        // A key whose token goes on in letters that are no suffix chain
        // (ভারত in ভারতীয়) can give no mention: most hits end there, before
        // their window is encoded.
        let scanned = encoder.scan_keys::<true>(trie, text, at, |token, pattern, end| {
            // Most keys end inside a word that goes on in a letter no
            // suffix starts with: no need to read the rest of the word.
            if encoder
                .letter_key(text, end)
                .is_some_and(|first| !matcher.suffixes.may_start(first))
            {
                return;
            }
            let mut tail = [0; TAIL_KEY];
            if encoder
                .tail_key(text, end, &mut tail)
                .is_some_and(|tail| !matcher.suffixes.accepts(tail))
            {
                return;
            }
            hits.push(Hit {
                token,
                pattern,
                end,
            });
        });
        match scanned {
            Ok(next) => {
                search_hits(matcher, state, text, &hits, emit);
                at = next;
            }
            Err(stop) => {
                let end = line_end(text, stop);
                search_slow(matcher, state, text, at..end, emit);
                at = end;
            }
        }
    }
    state.hits = hits;
}

/// The longest token tail [`search_lines`] folds to test a key before its
/// window is encoded; a longer one is left to the full check.
const TAIL_KEY: usize = 24;

/// The offset of the `\n` ending the line that holds `at`, or the text's
/// end.
fn line_end(text: &str, at: usize) -> usize {
    text.as_bytes()
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(text.len(), |p| at + p)
}

/// A key found by the scan: `text[token..end]` folds to key `pattern`.
#[derive(Clone, Copy, Debug)]
struct Hit {
    token: usize,
    pattern: usize,
    end: usize,
}

/// The mentions at the token starts of one fast line that start a key:
/// `hits` holds the keys found there, token by token, shortest first.
fn search_hits(
    matcher: &Matcher,
    state: &mut State,
    text: &str,
    hits: &[Hit],
    emit: &mut dyn FnMut(Found),
) {
    let mut covered = 0;
    for token in hits.chunk_by(|a, b| a.token == b.token) {
        let (Some(first), Some(longest)) = (token.first(), token.last()) else {
            continue;
        };
        let start = first.token;
        if start < covered {
            continue;
        }
        // The tail check reads the rest of the token after a key, and after
        // a hyphen the next token: the window ends after those. It starts
        // at a token start and ends after a word character, so its key is
        // the line's key from that token on (the fold needs no state from
        // before a token, and nothing in it looks past a word character).
        let window = start..matcher.encoder.window_end(text, longest.end);
        let piece = text.get(window).unwrap_or_default();
        let found = match passing(matcher, state, piece, token) {
            Some(passing) => choose_passing(matcher, state, text, start, passing),
            None => {
                state.key.encode(&matcher.encoder, piece);
                let block = Block {
                    matcher,
                    key: &state.key,
                    display: piece,
                    around: text,
                    offset: start,
                    named: &state.named,
                };
                best_exact(&block, 0)
                    .map(|best| record(matcher, state, piece, &OffsetMap::identity(), 0, 0, best))
            }
        };
        if let Some(found) = found {
            let found = found.moved(start);
            covered = found.span.end;
            emit(found);
        }
    }
}

/// The keys of a window that pass the tail check, longest first: pattern,
/// and the byte offsets in the window where its stem and its word end.
/// What passes depends on the window's text alone, so a document
/// remembers it per window (see `memo`); only the choice among a key's
/// entries depends on the document.
#[derive(Clone, Copy, Debug, Default)]
struct Passing {
    /// Pattern, stem end, word end, and whether the suffixes hold the
    /// plural of persons.
    keys: [(u32, u16, u16, bool); 4],
    len: usize,
}

impl Passing {
    fn keys(&self) -> &[(u32, u16, u16, bool)] {
        self.keys.get(..self.len).unwrap_or_default()
    }
}

/// The [`Passing`] keys of `piece`, a window from a token start (from the
/// document's memory when it met the window before); `None` when more
/// keys pass than [`Passing`] holds. A word of one-byte letters (nearly
/// every window) is encoded without the fold, and its keys are the
/// scan's, `token`: key index `i` of such a word is its letter `i`, at
/// offset `3 * i`. Any other window (several words, a hyphen, Latin) is
/// encoded whole and its keys found again over the key.
fn passing(matcher: &Matcher, state: &mut State, piece: &str, token: &[Hit]) -> Option<Passing> {
    if let Some(known) = state.words.get(piece.as_bytes()) {
        return Some(*known);
    }
    let start = token.first()?.token;
    let encoder = &matcher.encoder;
    let mut keys = [(0usize, 0usize); 8];
    let mut found = 0;
    if state.key.encode_letters(encoder, piece) {
        for (slot, hit) in keys.iter_mut().zip(token) {
            *slot = (hit.pattern, hit.end.saturating_sub(start) / 3);
            found += 1;
        }
        // More keys than a word of this language has: no memory.
        if found < token.len() {
            return None;
        }
    } else {
        state.key.encode(encoder, piece);
        let automaton = matcher.exact.automaton.as_ref()?;
        automaton.prefixes(state.key.bytes(), 0, |pattern, end| {
            if let Some(slot) = keys.get_mut(found) {
                *slot = (pattern, end);
            }
            found += 1;
        });
        if found > keys.len() {
            return None;
        }
    }
    let block = Block {
        matcher,
        key: &state.key,
        display: piece,
        around: piece,
        offset: 0,
        named: &state.named,
    };
    let mut passing = Passing::default();
    for &(pattern, stem) in keys.get(..found).unwrap_or_default().iter().rev() {
        let Some((end, personal)) = block.word_end(0, stem) else {
            continue;
        };
        let word = state.key.span_to_display(encoder, piece, 0..end).end;
        let stem = state
            .key
            .span_to_display(encoder, piece, 0..stem)
            .end
            .min(word);
        let (Ok(pattern), Ok(stem), Ok(word)) = (
            u32::try_from(pattern),
            u16::try_from(stem),
            u16::try_from(word),
        ) else {
            return None;
        };
        *passing.keys.get_mut(passing.len)? = (pattern, stem, word, personal);
        passing.len += 1;
    }
    state.words.insert(piece.as_bytes(), passing);
    Some(passing)
}

/// The mention the window at `start` of `text` gives, from its
/// [`Passing`] keys: the longest whose entries name someone. Spans from
/// the window's start.
fn choose_passing(
    matcher: &Matcher,
    state: &mut State,
    text: &str,
    start: usize,
    passing: Passing,
) -> Option<Found> {
    let piece = text.get(start..).unwrap_or_default();
    passing
        .keys()
        .iter()
        .find_map(|&(pattern, stem, end, personal)| {
            let (stem_end, word_end) = (usize::from(stem), usize::from(end));
            let word = start..start + word_end;
            let around = Around {
                written_as: |case: Case| piece.get(..stem_end).is_some_and(|t| case.fits(t)),
                stands_alone: |person| {
                    let parts = &matcher.name_parts;
                    let stem_end = start + stem_end;
                    parts.fit(matcher, &state.named, person, text, word.clone(), stem_end)
                },
                before_shared_part: || {
                    matcher
                        .name_parts
                        .shared_part_after(matcher, text, word.end)
                },
            };
            let stem = Stem {
                end: stem_end,
                word_end,
                personal,
            };
            let best = choose(
                matcher,
                &state.named,
                Which::Exact,
                pattern as usize,
                stem,
                1.0,
                around,
            )?;
            if best.kind != MatchKind::Partial {
                note_named(matcher, &mut state.named, best.target);
            }
            Some(Found {
                span: 0..best.end,
                stem_end: best.stem_end,
                target: best.target,
                alternatives: best.alternatives,
                table: best.table,
                kind: best.kind,
                score: best.score,
            })
        })
}

/// Keeps `candidate` in `best` if it beats what is there.
fn keep_better(best: &mut Option<Candidate>, candidate: Option<Candidate>) {
    if let Some(c) = candidate {
        if best.as_ref().is_none_or(|b| c.beats(b)) {
            *best = Some(c);
        }
    }
}

/// The best exact candidate at the token start `start` of the block's key.
fn best_exact(block: &Block, start: usize) -> Option<Candidate> {
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

/// Takes `best`, chosen at key index `start` of `state.key`, as a mention:
/// notes the entity as named and maps its spans back to the input.
fn record(
    matcher: &Matcher,
    state: &mut State,
    display: &str,
    offsets: &OffsetMap,
    base: usize,
    start: usize,
    best: Candidate,
) -> Found {
    if best.kind != MatchKind::Partial {
        note_named(matcher, &mut state.named, best.target);
    }
    let display_span = state
        .key
        .span_to_display(&matcher.encoder, display, start..best.end);
    let stem_display_end = state
        .key
        .span_to_display(&matcher.encoder, display, start..best.stem_end)
        .end;
    let span = offsets.span_to_input(display_span);
    let stem_end = offsets
        .end_to_input(stem_display_end)
        .clamp(span.start, span.end);
    Found {
        span: span.start + base..span.end + base,
        stem_end: stem_end + base,
        target: best.target,
        alternatives: best.alternatives,
        table: best.table,
        kind: best.kind,
        score: best.score,
    }
}

/// The reference path for `text[span]`: normalize, then encode the display
/// text, then search; spans come back relative to `text`.
fn search_slow(
    matcher: &Matcher,
    state: &mut State,
    text: &str,
    span: Range<usize>,
    emit: &mut dyn FnMut(Found),
) {
    let piece = text.get(span.clone()).unwrap_or_default();
    let normalized = matcher.normalizer.normalize(piece);
    state.key.encode(&matcher.encoder, normalized.text());
    // A changed cluster maps back with the invisibles normalization deleted
    // around it (a BOM before the first word, a zero-width space after a
    // name); a mention covers the word, not those.
    let mut trimmed = |mut found: Found| {
        found.span = trim_deleted(text, found.span);
        found.stem_end = found.stem_end.clamp(found.span.start, found.span.end);
        emit(found);
    };
    search_key(
        matcher,
        state,
        normalized.text(),
        normalized.offsets(),
        span.start,
        &mut trimmed,
    );
}

/// `span` of `text` without the characters display normalization deletes
/// (D9) at its edges.
fn trim_deleted(text: &str, span: Range<usize>) -> Range<usize> {
    let word = text.get(span.clone()).unwrap_or_default();
    let inner = word.trim_matches(is_invisible_junk);
    if inner.is_empty() {
        return span;
    }
    let start = span.start + (word.len() - word.trim_start_matches(is_invisible_junk).len());
    start..start + inner.len()
}

/// Searches the key in `state.key`, whose origins are offsets into
/// `display`; `offsets` maps `display` to the input, and `base` is added to
/// every span.
fn search_key(
    matcher: &Matcher,
    state: &mut State,
    display: &str,
    offsets: &OffsetMap,
    base: usize,
    emit: &mut dyn FnMut(Found),
) {
    if state.key.bytes().is_empty() {
        return;
    }
    let variants = matcher.variants;
    if variants {
        variant::fold_loose(state.key.bytes(), &mut state.loose);
        variant::fold_skeleton(&state.loose, Side::Text, &mut state.skeleton);
    }
    let mut covered = 0;
    // Cursors into the variant texts, kept at the current token start.
    let mut loose_at = 0;
    let mut skeleton_at = 0;
    let mut found = Vec::new();
    for t in 0..state.key.tokens().len() {
        let Some(start) = state.key.tokens().get(t).map(|&s| s as usize) else {
            break;
        };
        if start < covered {
            continue;
        }
        let block = Block {
            matcher,
            key: &state.key,
            display,
            around: display,
            offset: 0,
            named: &state.named,
        };
        let mut best = best_exact(&block, start);
        let mut consider = |candidate: Option<Candidate>| keep_better(&mut best, candidate);
        if variants {
            for (which, folded, at) in [
                (Which::Loose, &state.loose, &mut loose_at),
                (Which::Skeleton, &state.skeleton, &mut skeleton_at),
            ] {
                while folded.start(*at) < start && *at < folded.bytes.len() {
                    *at += 1;
                }
                let Some(automaton) = &matcher.table(which).automaton else {
                    continue;
                };
                let level = if which == Which::Loose {
                    Level::Loose
                } else {
                    Level::Skeleton
                };
                found.clear();
                automaton.prefixes(&folded.bytes, *at, |pattern, end| {
                    found.push((pattern, end))
                });
                for &(pattern, end) in &found {
                    // The stem ends just after the last folded byte's source,
                    // or, when what follows is no suffix chain, after the
                    // signs the fold dropped or kept at the word's end
                    // (ভ্লাদিভোস্টক|ের, রাশিয়া|র, মোদী).
                    let tight = folded.end(end.saturating_sub(1));
                    let absorbed = match folded.bytes.get(end) {
                        Some(&b) if variant::is_vowel_sign(b) => folded.end(end),
                        _ => folded.start(end),
                    };
                    let open_end = matcher.table(which).open_end.get(pattern) == Some(&true);
                    let candidate = block
                        .candidate(which, pattern, start, tight, level.score())
                        .or_else(|| {
                            (absorbed > tight && open_end)
                                .then(|| {
                                    block.candidate(which, pattern, start, absorbed, level.score())
                                })
                                .flatten()
                        });
                    consider(candidate);
                }
            }
        }
        let Some(best) = best else {
            continue;
        };
        covered = best.end;
        emit(record(matcher, state, display, offsets, base, start, best));
    }
}

/// Counts the candidate hits at token starts, before any check: the core
/// of the search, for benchmarks.
///
/// With the trie, each line of the display text is scanned for token
/// starts and the trie walked from each over key bytes folded on the fly
/// (the text is never encoded whole); the rare line with other characters
/// is encoded the slow way. The other engines walk the fused encoder's key.
// Not inlined: profiles of the core count this function's instructions.
#[inline(never)]
pub(crate) fn count_stem_hits(matcher: &Matcher, key: &mut Key, display: &str) -> usize {
    let Some(automaton) = &matcher.exact.automaton else {
        return 0;
    };
    let count = |key: &Key| {
        let mut hits = 0;
        for &start in key.tokens() {
            automaton.prefixes(key.bytes(), start as usize, |_, _| hits += 1);
        }
        hits
    };
    let mut hits = 0;
    if let Some(trie) = automaton.trie() {
        let encoder = &matcher.encoder;
        let mut at = 0;
        while at < display.len() {
            let mut line = 0;
            let scanned = encoder.scan_keys::<false>(trie, display, at, |_, _, _| line += 1);
            match scanned {
                Ok(next) => {
                    hits += line;
                    at = next;
                }
                Err(stop) => {
                    let end = line_end(display, stop);
                    key.encode(encoder, display.get(at..end).unwrap_or_default());
                    hits += count(key);
                    at = end;
                }
            }
        }
        return hits;
    }
    let mut from = 0;
    loop {
        let slow = key.encode_raw(&matcher.encoder, display, from);
        hits += count(key);
        let Some(line) = slow else {
            break;
        };
        key.encode(
            &matcher.encoder,
            display.get(line.clone()).unwrap_or_default(),
        );
        hits += count(key);
        from = line.end;
        if from >= display.len() {
            break;
        }
    }
    hits
}

impl Matcher {
    fn table(&self, which: Which) -> &Table {
        match which {
            Which::Exact => &self.exact,
            Which::Loose => &self.loose,
            Which::Skeleton => &self.skeleton,
        }
    }

    /// Every entity the name of `found` may be (its pick among them), name
    /// parts left out.
    fn readings<'a>(&'a self, found: &Found) -> impl Iterator<Item = u32> + 'a {
        let range = found.alternatives.start as usize..found.alternatives.end as usize;
        self.table(found.table)
            .entries
            .get(range)
            .unwrap_or_default()
            .iter()
            .filter(|e| e.kind != MatchKind::Partial)
            .map(|e| e.target)
    }

    /// The entities `found`'s name may be other than its pick, each once.
    fn alternatives(&self, found: &Found) -> Vec<&EntityInfo> {
        self.readings(found)
            .filter(|&t| t != found.target)
            .filter_map(|t| self.entity_at(t))
            .fold(Vec::new(), |mut all, e| {
                if !all.iter().any(|seen| core::ptr::eq(*seen, e)) {
                    all.push(e);
                }
                all
            })
    }

    /// True when `target` lies in `place`, by its parents.
    fn lies_in(&self, target: u32, place: u32) -> bool {
        let mut at = target;
        // Parent chains are short (upazila, district, division, country).
        for _ in 0..8 {
            match self.entity_at(at).and_then(EntityInfo::parent) {
                Some(parent) if parent == place => return true,
                Some(parent) => at = parent,
                None => return false,
            }
        }
        false
    }

    /// Another reading of `found`'s name, a unit or a city, that lies in
    /// `place`, when its pick does not. The place's readings are tried in
    /// turn, its pick first: রংপুরের is the district before the division
    /// (which holds both পীরগঞ্জ), ঢাকার the city, then the district.
    fn inside_place(&self, found: &Found, place: &Found) -> Option<u32> {
        let places = [place.target]
            .into_iter()
            .chain(self.readings(place).filter(|&p| p != place.target));
        for place in places {
            if self.lies_in(found.target, place) {
                return None;
            }
            let inside = self.readings(found).find(|&t| {
                self.entity_at(t)
                    .is_some_and(|e| matches!(e.kind(), Kind::Subdivision | Kind::City))
                    && self.lies_in(t, place)
            });
            if inside.is_some() {
                return inside;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Row = (Range<usize>, usize, u32, MatchKind, u32, Range<u32>, Which);

    fn rows(run: impl FnOnce(&mut dyn FnMut(Found))) -> Vec<Row> {
        let mut out = Vec::new();
        run(&mut |f: Found| {
            out.push((
                f.span,
                f.stem_end,
                f.target,
                f.kind,
                f.score.to_bits(),
                f.alternatives,
                f.table,
            ));
        });
        out
    }

    /// The fused fast path and the reference path (normalize the whole
    /// text, then encode, then search) give identical mentions.
    fn same_both_ways(matcher: &Matcher, text: &str) {
        let fast = rows(|emit| search_block(matcher, &mut State::default(), text, emit));
        let slow =
            rows(|emit| search_slow(matcher, &mut State::default(), text, 0..text.len(), emit));
        assert_eq!(fast, slow, "{text:?}");
        let mut key = Key::default();
        let display = matcher.normalizer.normalize_str(text);
        let mut reference = Key::default();
        reference.encode(&matcher.encoder, &display);
        let mut hits = 0;
        if let Some(automaton) = &matcher.exact.automaton {
            for &start in reference.tokens() {
                automaton.prefixes(reference.bytes(), start as usize, |_, _| hits += 1);
            }
        }
        assert_eq!(
            count_stem_hits(matcher, &mut key, &display),
            hits,
            "{text:?}"
        );
    }

    fn matchers() -> [&'static Matcher; 2] {
        static EXACT: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        let exact = EXACT.get_or_init(|| {
            Matcher::builder()
                .variants(false)
                .build(crate::Gazetteer::embedded())
                .unwrap()
        });
        [Matcher::embedded(), exact]
    }

    const TABLE: &[&str] = &[
        "",
        "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে দেখা করবেন DPRK-এর নেতা",
        "উত্তর কোরিয়াতেই, রাশিয়াকেও এবং ভ্লাদিমির পুতিনেরই।\nঢাকা॥ চীন",
        // Dirty: U+09DF য় as one code point, a soft hyphen, e-kar before its consonant.
        "রাশি\u{09DF}ার নেতা\nঢাকা\u{00AD}র মেয়র\n\u{09C7}কা\u{09BE}রিয়া ও চীন",
        "ঢাকা\nরাশি\u{09DF}া\nঢাকা\n",
        "সের্গেই শোইগু এলেন।\nশো\u{200B}ইগু বলেন। শোইগু\u{200D}র কথা",
        "DPRK\u{2011}এর নেতা “উত্তর কোরিয়া” — North Korea’s ঢাকা–চট্টগ্রাম",
        "José Ramos-Horta ও পূর্ব তিমুর\n中国 ও চীন; ঢাকা\u{00A0}শহর",
        "অ\u{09BE}মেরিকা ও যুক্তরাষ্ট্র\r\nভ্লাদিভোস্টকের ভ্লাদিভস্তোক",
        // A nukta on nothing at a line's start, in a line the display
        // rules change (the no-break space): the loose fold must not read
        // the line break before it (found by the property test below).
        "\n\u{09BC}রাশিয়া\u{00A0}",
        "ঢাকা-",
        "-ঢাকা ‑ঢাকা\u{2010}র",
        "ক\u{09CD}\u{09BC} ব\u{09BC}াংলাদেশ বাংলাদেশ\u{0301}",
        "উৎস ৰাশিয়া ৱ ১৯৭১ সালে বাংলাদেশ",
        // Words met again, before and after the full name they part.
        "শোইগু বলেন। সের্গেই শোইগু এলেন। শোইগু বলেন। শোইগুর কথা, শোইগু।",
        // News writes ড় ঢ় য় precomposed; the e-kar before a য় then া is
        // typed in visual order (D4) and sends the line the slow way.
        "ঢাকা বিশ্ববিদ্যাল\u{09DF}ের ছাত্র, কোরি\u{09DF}া\u{09DF} ও পঞ্চগ\u{09DC}ে গেলেন\nকে\u{09DF}া \u{09C7}\u{09DF}\u{09BE}রা রাশি\u{09DF}া",
        // A walk that dies inside a word, whose rest then runs into a
        // Bengali character that is no word character (৳, ৺): a token
        // starts right after it.
        "রাশিয়ানকারী৳রাশিয়া ঢাকাবাসী৺ঢাকা",
    ];

    #[test]
    fn a_word_met_again_is_decided_again_for_the_document() {
        // The memory of words keeps which keys passed the tail check, not
        // whom they named: the surname alone links only once the full
        // name came, however often the word was met before.
        let text = "শোইগু বলেন। শোইগু বলেন। সের্গেই শোইগু এলেন। শোইগু বলেন। শোইগুর কথা।";
        for matcher in matchers() {
            let kinds: Vec<(&str, MatchKind)> = matcher
                .find_iter(text)
                .map(|m| (&text[m.span()], m.match_kind()))
                .collect();
            assert_eq!(
                kinds,
                [
                    ("সের্গেই শোইগু", MatchKind::Exact),
                    ("শোইগু", MatchKind::Partial),
                    ("শোইগুর", MatchKind::Partial),
                ],
                "{text}"
            );
        }
    }

    #[test]
    fn a_place_takes_no_plural_of_persons() {
        // ত্রিপুরাদের is the Tripura people; ত্রিপুরার the state. A person
        // takes the plural: পুতিনরা is Putin and those with him.
        for matcher in matchers() {
            let found = |text: &str| -> Vec<String> {
                matcher
                    .find_iter(text)
                    .map(|m| text[m.span()].to_owned())
                    .collect()
            };
            assert_eq!(found("ত্রিপুরাদের গ্রাম"), Vec::<String>::new());
            assert_eq!(found("ত্রিপুরার রাজধানী"), ["ত্রিপুরার"]);
            assert_eq!(found("ভ্লাদিমির পুতিনরা এলেন"), ["ভ্লাদিমির পুতিনরা"]);
        }
    }

    #[test]
    fn precomposed_nukta_letters_read_as_their_display_form() {
        // The same sentence with ড় and য় precomposed (as news writes them)
        // and decomposed (as display text holds them): the same entities,
        // and stems and suffixes split at the same letters.
        let precomposed = "ঢাকা বিশ্ববিদ্যাল\u{09DF}ের ছাত্র পঞ্চগ\u{09DC}ে, রাশি\u{09DF}া\u{09DF}";
        let mut decomposed = String::new();
        crate::normalize::display::push_decomposing_nukta_forms(
            precomposed,
            0..precomposed.len(),
            &mut decomposed,
            &mut OffsetMap::identity(),
        );
        for matcher in matchers() {
            let read = |text: &str| -> Vec<(String, String, String)> {
                matcher
                    .find_iter(text)
                    .map(|m| {
                        let stem = matcher.normalizer.normalize_str(&text[m.stem_span()]);
                        let suffix = matcher.normalizer.normalize_str(&text[m.suffix_span()]);
                        (
                            m.entity().id().to_owned(),
                            stem.into_owned(),
                            suffix.into_owned(),
                        )
                    })
                    .collect()
            };
            let got = read(precomposed);
            assert_eq!(got, read(&decomposed), "{precomposed}");
            let suffixes: Vec<&str> = got.iter().map(|(_, _, s)| s.as_str()).collect();
            assert_eq!(suffixes, ["ের", "ে", "য\u{09BC}"], "{got:?}");
        }
    }

    #[test]
    fn fused_and_reference_paths_agree_on_a_table() {
        for matcher in matchers() {
            for text in TABLE {
                same_both_ways(matcher, text);
            }
        }
    }

    #[test]
    fn no_key_reaches_across_a_line_break() {
        // U+2028 folds to a line break: such an alias is dropped, since the
        // fast path takes each line on its own.
        let tsv = format!(
            "{}\ns:1\tcity\tS1\tঢাকা\u{2028}শহর\t\t\t\t\t\t\tsynthetic\n",
            crate::gazetteer::HEADER
        );
        let gazetteer = crate::Gazetteer::builder()
            .embedded(false)
            .lenient(true)
            .add_str("t.tsv", &tsv)
            .build()
            .unwrap();
        let matcher = Matcher::builder()
            .variants(false)
            .build(&gazetteer)
            .unwrap();
        let spans: Vec<Range<usize>> = matcher.find_iter("ঢাকা\nশহর").map(|m| m.span()).collect();
        assert!(spans.is_empty(), "{spans:?}");
    }

    /// Lines the fast path takes and lines it hands to the slow one, from
    /// random characters rather than words.
    #[test]
    fn fast_and_reference_paths_agree_on_mixed_lines() {
        for text in [
            "ঢাকা-র রাশিয়া\u{2011}কে\nউত্তর কোরিয়া।ঢাকা\u{200D}র",
            "DPRK-এর DPRK- -DPRK north korea NORTH KOREA\n",
            "ঢাকা\u{09DF}\nঢাকা ঢাকা\n\né ঢাকা",
            "উত্তর \u{2003}কোরিয়া উত্তর\tকোরিয়া উত্তর  কোরিয়া\r\nঢাকা",
            "ক্রিয়া\u{0981}ঢাকা ৎঢাকা",
        ] {
            for matcher in matchers() {
                same_both_ways(matcher, text);
            }
        }
    }

    proptest! {
        #[test]
        fn fast_and_reference_paths_agree_on_random_chars(
            text in "[ঢাকারশিয়উত্তরকোঃংঁ \\-\t\nA-Za-z\u{09DF}\u{09C7}\u{09BE}\u{200D}\u{200C}\u{2011}\u{2019}।é\u{0301}°€中\u{09DC}\u{09DD}\u{09D7}\u{0981}\u{09BC}\u{09CD}]{0,40}",
        ) {
            for matcher in matchers() {
                same_both_ways(matcher, &text);
            }
        }

        #[test]
        fn fused_and_reference_paths_agree_on_random_text(
            pieces in proptest::collection::vec(prop_oneof![
                Just("রাশিয়া"), Just("র"), Just("কে"), Just("ের"), Just("ঢাকা"),
                Just("উত্তর"), Just(" "), Just("কোরিয়া"), Just("পুতিন"), Just("ভ্লাদিমির"),
                Just("\n"), Just("।"), Just("-"), Just("\u{2011}"), Just("DPRK"), Just("dprk"),
                Just("\u{09DF}"), Just("\u{09C7}"), Just("\u{09BE}"), Just("\u{09BC}"),
                Just("\u{00AD}"), Just("\u{200D}"), Just("\u{200C}"), Just("\u{2019}"),
                Just("\u{00A0}"), Just("\u{0301}"), Just("é"), Just("中"), Just("অ"),
                Just("ৎ"), Just("শোইগু"), Just("সের্গেই"), Just("\t"), Just("\r"), Just("৭"),
                Just("°"), Just("€"), Just("ا"), Just("\u{09DC}"), Just("য\u{09BC}"),
                Just("\u{09C7}য\u{09BC}\u{09BE}"), Just("ক\u{09C7}\u{09DF}\u{09BE}"),
                Just("\u{09DF}\u{09BE}"), Just("\u{09DF}\u{09D7}"), Just("\u{09DF}\u{09CD}"),
            ], 0..24),
        ) {
            let text: String = pieces.concat();
            for matcher in matchers() {
                same_both_ways(matcher, &text);
            }
        }
    }
}
