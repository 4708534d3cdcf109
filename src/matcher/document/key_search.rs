//! The search over an encoded key: the reference path (normalize, encode,
//! search), which the variant pass and any line the fast scan leaves take.

use core::ops::Range;

use super::block::{best_exact, Block};
use super::choose::{keep_better, note_named, Candidate};
use super::{Found, State, Which};
use crate::matcher::mention::MatchKind;
use crate::matcher::variant::{self, Level, Side};
use crate::matcher::Matcher;
use crate::normalize::display::is_invisible_junk;
use crate::OffsetMap;

/// Takes `best`, chosen at key index `start` of `state.key`, as a mention:
/// notes the entity as named and maps its spans back to the input.
pub(super) fn record(
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
pub(super) fn search_slow(
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
pub(super) fn search_key(
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
