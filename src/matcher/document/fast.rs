//! The search without encoding the text: the trie walked over the UTF-8
//! from each token start, and a key written only for a token with a hit.

use super::block::{best_exact, Block};
use super::choose::{choose, note_named, Around, Stem};
use super::key_search::{record, search_slow};
use super::{Found, State, Which};
use crate::matcher::encode::Key;
use crate::matcher::latin::Case;
use crate::matcher::mention::MatchKind;
use crate::matcher::trie::Trie;
use crate::matcher::Matcher;
use crate::OffsetMap;

/// The search without encoding the text: each line is scanned for token
/// starts (checking that display normalization leaves it alone), the trie
/// is walked from each over key bytes folded on the fly, and only a token
/// with a hit gets its key written, for a window just long enough for the
/// tail check (unless the document met the word before: see `memo`).
/// Gives exactly the mentions of the fused encoder's path (a test
/// compares them).
pub(super) fn search_lines(
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
pub(super) const TAIL_KEY: usize = 24;

/// The offset of the `\n` ending the line that holds `at`, or the text's
/// end.
pub(super) fn line_end(text: &str, at: usize) -> usize {
    text.as_bytes()
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(text.len(), |p| at + p)
}

/// A key found by the scan: `text[token..end]` folds to key `pattern`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub(super) token: usize,
    pub(super) pattern: usize,
    pub(super) end: usize,
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
pub(super) struct Passing {
    /// Pattern, stem end, word end, and whether the suffixes hold the
    /// plural of persons.
    pub(super) keys: [(u32, u16, u16, bool); 4],
    pub(super) len: usize,
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
