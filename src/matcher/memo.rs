//! A document's memory of what its words gave the tail check.
//!
//! Running text repeats itself: the same inflected names (ভারতের, রাশিয়ার)
//! and the same ordinary words that merely start like one (ভারতীয়) come
//! back sentence after sentence. Which of a word's keys pass the tail
//! check (the suffix chain after the key, the common-word readings of the
//! whole word) depends on the word's text alone; only the choice among the
//! keys' entries may depend on the document (who was named before). So a
//! document remembers, per word, the keys that passed, and a word it
//! meets again costs one hash lookup before that choice. A "word" here is
//! the window the tail check reads: one inflected word, or several for a
//! name of several (মার্কিন যুক্তরাষ্ট্রের).
//!
//! The memory is bounded: when it is full it starts over, which keeps the
//! words that keep coming back.

use rustc_hash::FxHashMap;

/// Words remembered before the memory starts over: a few hundred kB at
/// most, and more distinct words than a long article holds.
const CAPACITY: usize = 1 << 13;

/// A value per word (its text bytes), up to [`CAPACITY`] words.
#[derive(Clone, Debug)]
pub(crate) struct WordMemo<V> {
    words: FxHashMap<Box<[u8]>, V>,
}

impl<V> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo {
            words: FxHashMap::default(),
        }
    }
}

impl<V> WordMemo<V> {
    /// What was remembered for `word`.
    #[inline]
    pub(crate) fn get(&self, word: &[u8]) -> Option<&V> {
        self.words.get(word)
    }

    /// Remembers `value` for `word`.
    pub(crate) fn insert(&mut self, word: &[u8], value: V) {
        if self.words.len() >= CAPACITY {
            self.words.clear();
        }
        self.words.insert(word.into(), value);
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_until_full_then_starts_over() {
        let mut memo = WordMemo::default();
        memo.insert("রাশিয়ার".as_bytes(), 1);
        assert_eq!(memo.get("রাশিয়ার".as_bytes()), Some(&1));
        assert_eq!(memo.get("রাশিয়া".as_bytes()), None);
        for i in 1..CAPACITY {
            memo.insert(format!("{i}").as_bytes(), 2);
        }
        assert_eq!(memo.len(), CAPACITY);
        memo.insert(b"one more", 3);
        assert_eq!(memo.len(), 1);
        assert_eq!(memo.get(b"one more"), Some(&3));
        assert_eq!(memo.get("রাশিয়ার".as_bytes()), None);
    }
}
