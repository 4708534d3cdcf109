//! Partial person names: শোইগু, ওয়াটসন, পুতিন alone.
//!
//! News names a person fully once (সের্গেই শোইগু) and then by one part of
//! the name. Each part of a person's multi-word Bengali name goes into the
//! automaton as a *partial* entry; a partial hit becomes a mention only when
//! exactly one person with that part was already named fully (by an exact,
//! Latin or variant mention) earlier in the same [`Document`](super::Document).
//! Parts need at least two letters and three key bytes, and a part that is
//! a common word is never used (সের্গেই শোইগু → শোইগু, সের্গেই; কিম জং উন →
//! কিম only).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashSet;

use super::variant::letters;

/// The parts of a multi-word alias key that may stand for the whole name.
pub(crate) fn parts(key: &[u8]) -> impl Iterator<Item = &[u8]> {
    let multi_word = key.contains(&b' ');
    key.split(|&b| b == b' ')
        .filter(move |part| multi_word && part.len() >= 3 && letters(part) >= 2)
}

/// Entities named fully so far in one document.
///
/// A document forked to search ahead of the text before it (for parallel
/// search) also keeps a log, piece by piece, of what it asked ("was this
/// person named?") with the answer it got, and whom it named. A piece's
/// mentions depend on the document only through those answers, so replaying
/// its log against the real document tells exactly whether the real
/// document would have found the same mentions. The log sits behind a mutex
/// because the checks ask through a shared reference; only forks have one.
#[derive(Debug, Default)]
pub(crate) struct Named {
    /// Shared with forks until either side names someone new.
    targets: Arc<FxHashSet<u32>>,
    log: Option<Mutex<Log>>,
}

/// A fork's record, piece by piece.
#[derive(Clone, Debug, Default)]
struct Log {
    events: Vec<Event>,
    /// Where each piece's events start in `events`; the first is the oldest
    /// piece not yet joined.
    pieces: VecDeque<usize>,
}

#[derive(Clone, Copy, Debug)]
enum Event {
    Asked { target: u32, named: bool },
    Named(u32),
}

impl Clone for Named {
    fn clone(&self) -> Self {
        Named {
            targets: Arc::clone(&self.targets),
            log: self.log.as_ref().map(|log| Mutex::new(lock(log).clone())),
        }
    }
}

fn lock(log: &Mutex<Log>) -> std::sync::MutexGuard<'_, Log> {
    // Nothing panics while holding the lock; if something did, the log is
    // still a valid prefix of what happened.
    log.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Named {
    pub(crate) fn insert(&mut self, target: u32) {
        if !self.targets.contains(&target) {
            Arc::make_mut(&mut self.targets).insert(target);
        }
        if let Some(log) = &mut self.log {
            let log = log.get_mut().unwrap_or_else(PoisonError::into_inner);
            log.events.push(Event::Named(target));
        }
    }

    pub(crate) fn contains(&self, target: u32) -> bool {
        let named = self.targets.contains(&target);
        if let Some(log) = &self.log {
            lock(log).events.push(Event::Asked { target, named });
        }
        named
    }

    pub(crate) fn clear(&mut self) {
        self.targets = Arc::default();
    }

    /// The one target of `candidates` named so far, if exactly one was.
    pub(crate) fn only_one(&self, candidates: impl Iterator<Item = u32>) -> Option<u32> {
        let mut found = None;
        let mut ambiguous = false;
        for target in candidates {
            // Every candidate is asked about, so a fork's log holds all the
            // answers this one depends on.
            if self.contains(target) {
                ambiguous |= found.is_some_and(|f| f != target);
                found = Some(target);
            }
        }
        found.filter(|_| !ambiguous)
    }

    /// A copy that logs what it is asked and whom it names (see [`Named`]).
    pub(crate) fn fork(&self) -> Named {
        Named {
            targets: Arc::clone(&self.targets),
            log: Some(Mutex::default()),
        }
    }

    /// Starts the log of a new piece (a fork's next search).
    pub(crate) fn start_piece(&mut self) {
        if let Some(log) = &mut self.log {
            let log = log.get_mut().unwrap_or_else(PoisonError::into_inner);
            let start = log.events.len();
            log.pieces.push_back(start);
        }
    }

    /// Replays the oldest piece of `fork`'s log not yet joined: if every
    /// answer it got is what `self` answers now, `self` names whom the piece
    /// named and this returns `true`; otherwise `self` is unchanged. Either
    /// way the piece is consumed; `false` when there is none.
    pub(crate) fn join_piece(&mut self, fork: &mut Named) -> bool {
        let Some(log) = &mut fork.log else {
            return false;
        };
        let log = log.get_mut().unwrap_or_else(PoisonError::into_inner);
        let Some(start) = log.pieces.pop_front() else {
            return false;
        };
        let end = log.pieces.front().copied().unwrap_or(log.events.len());
        let events = log.events.get(start..end).unwrap_or_default();
        let mut named_here = Vec::new();
        for event in events {
            match *event {
                Event::Named(target) => named_here.push(target),
                Event::Asked { target, named } => {
                    let now = self.targets.contains(&target) || named_here.contains(&target);
                    if now != named {
                        return false;
                    }
                }
            }
        }
        for target in named_here {
            self.insert(target);
        }
        // Events of joined pieces are never read again.
        if log.pieces.is_empty() {
            log.events.clear();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key;

    #[test]
    fn parts_of_multi_word_names_only() {
        let k = key::fold("কিম জং উন");
        let got: Vec<String> = parts(k.bytes()).map(key::decode).collect();
        assert_eq!(got, ["কিম"]); // জং has only two key bytes
        assert_eq!(parts(key::fold("পুতিন").bytes()).count(), 0);
    }

    #[test]
    fn only_one_named_candidate_links() {
        let mut named = Named::default();
        assert_eq!(named.only_one([1, 2].into_iter()), None);
        named.insert(2);
        assert_eq!(named.only_one([1, 2].into_iter()), Some(2));
        named.insert(1);
        assert_eq!(named.only_one([1, 2].into_iter()), None);
    }

    #[test]
    fn a_forked_piece_joins_only_while_its_answers_hold() {
        let mut doc = Named::default();
        doc.insert(1);
        let mut fork = doc.fork();
        fork.start_piece();
        assert!(fork.contains(1));
        assert!(!fork.contains(2));
        fork.insert(3);
        fork.start_piece();
        assert!(fork.contains(3)); // named by the piece before
        fork.start_piece();
        assert_eq!(fork.only_one([2, 5].into_iter()), None);

        doc.insert(4); // named meanwhile; no piece asked about 4
        assert!(doc.join_piece(&mut fork));
        assert!(doc.contains(3) && doc.contains(4));
        assert!(doc.join_piece(&mut fork));
        doc.insert(5); // the third piece's "nobody" is now wrong
        assert!(!doc.join_piece(&mut fork));
        assert!(!doc.join_piece(&mut fork), "no pieces left");
    }

    #[test]
    fn a_piece_that_relied_on_a_rejected_piece_is_rejected() {
        let doc = Named::default();
        let mut fork = doc.fork();
        fork.start_piece();
        fork.insert(7);
        fork.start_piece();
        assert!(fork.contains(7));
        let mut doc = doc;
        doc.insert(9);
        // Pretend the first piece is redone on `doc` and names nobody: the
        // second piece's "7 was named" no longer holds.
        let mut skipped = doc.clone();
        assert!(skipped.join_piece(&mut fork));
        assert!(skipped.contains(7));
        assert!(!doc.join_piece(&mut fork));
        assert!(!doc.contains(7));
        assert!(
            !Named::default().join_piece(&mut doc.clone()),
            "only forks join"
        );
    }
}
