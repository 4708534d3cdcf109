//! Names of people the gazetteer does not list, read from the shape of a
//! name: two or more name parts in a row (মো. সোহেল রানা, আতাউর রহমানের).
//!
//! Most people in the news are named once and never again: the local
//! official, the victim, the witness. No gazetteer lists them, but
//! Bangladeshi and Indian names are built from a small stock of parts
//! (`data/name_parts.tsv`: মোহাম্মদ, রহমান, হোসেন, চন্দ্র, দাস …), so a run
//! of such parts is a name far more often than not. A run is read where
//! the gazetteer has nothing: [`Matcher::unlisted_names`] gives every run,
//! and the caller drops those a [`Mention`](super::Mention) overlaps (the
//! CLI's `match --unlisted` does).

use core::iter::FusedIterator;
use core::ops::Range;
use std::sync::OnceLock;

use super::partial::{token_at, word_after, word_before, word_key};
use super::Matcher;
use crate::normalize::key;
use crate::script;
use crate::translit::NameRomanizer;
use crate::CharCounter;

use rustc_hash::FxHashSet;

/// The fewest words a run of name parts needs to be read as a name: one
/// part alone is a given name or a surname that many words share.
const MIN_WORDS: usize = 2;

/// The most words read into one name: more than any name has, and a bound
/// on the run a list of names without commas would make.
const MAX_WORDS: usize = 8;

/// Words that join the parts of a name and never end one: Arabic
/// particles (আবদুল্লাহ আল মামুন, রশিদ বিন সাঈদ) and European ones.
#[rustfmt::skip]
const JOINERS: &[&str] = &[
    "আল", "উল", "এল", "বিন", "বিনতে", "ইবনে", "আবু", "উম্মে", "ফন", "ভন", "ভ্যান", "দা", "মো",
    "মোঃ", "মোসাঃ", "মোছাঃ",
];

/// Name parts that never start a name: the second half of an Arabic
/// compound written apart (নাসির উদ্দিন, আমিন উল্লাহ). A run found from one
/// of them takes in the word before it, a given name the lexicon lacks
/// (এনায়েত উল্লাহ খান).
#[rustfmt::skip]
const SECOND_HALVES: &[&str] = &[
    "উল", "উদ্দিন", "উদ্দীন", "উদ্দি", "উল্লাহ", "উল্লা", "উল্যাহ", "উল্ল্যাহ",
];

/// Words the lexicon lists that are no part of a name found by its shape:
/// দ্য is English "the" (দ্য হিল, The Hill), ও the word "and" far more
/// often than the initial O; the others are titles or nouns before a
/// name (শহীদ "martyr", স্বামী "husband", আমির "chief") or after one
/// (সরকার: হাসিনা সরকার is the Hasina government) more often than names.
#[rustfmt::skip]
const NOT_PARTS: &[&str] = &[
    "দ্য", "ও", "শহীদ", "শহিদ", "স্বামী", "আমির", "আমীর", "সরকার", "কিশোর", "বিপ্লব",
];

/// Name parts many people share that are ordinary words too (ইসলাম
/// "Islam", আলম "world", রবি "sun", দেবী "goddess"), besides the common
/// words not glossed as name parts. Read alone beside each other they are
/// no name (দেব দেবী, "gods and goddesses").
#[rustfmt::skip]
const ORDINARY: &[&str] = &[
    "ইসলাম", "আলম", "হক", "নূর", "রবি", "চন্দ্র", "কুমার", "দাস", "দেব", "দেবী", "ঠাকুর",
    "জুনিয়র", "সিনিয়র", "সান", "বানু", "কর",
];

/// Forms of the verbs করা and হওয়া. A noun right before one makes a verb
/// with it (আশা প্রকাশ করেন, "expressed hope"), whatever names the words
/// also are; a name is seldom followed by one.
#[rustfmt::skip]
const LIGHT_VERBS: &[&str] = &[
    "করে", "করেন", "করেছেন", "করেছে", "করেছিলেন", "করেছিল", "করা", "করার", "করায়", "করবে",
    "করবেন", "করতে", "করছেন", "করছে", "করলেন", "করল", "করলে", "করেননি", "করেনি", "হয়",
    "হয়েছে", "হয়েছেন", "হয়েছিল", "হন", "হবে", "হচ্ছে", "হলো", "হল", "হওয়া", "হওয়ার",
];

/// Words that make the name before them the name of a place or an
/// institution named after a person (কাজী নজরুল ইসলাম বিশ্ববিদ্যালয়, শাহ আমানত
/// বিমানবন্দর): the text speaks of the place, not the person. Read with
/// suffixes too.
#[rustfmt::skip]
const NAMESAKES: &[&str] = &[
    "বিশ্ববিদ্যালয়", "কলেজ", "স্কুল", "বিদ্যালয়", "উচ্চবিদ্যালয়", "হাসপাতাল", "মেডিকেল",
    "সড়ক", "রোড", "সেতু", "হল", "স্টেডিয়াম", "ফাউন্ডেশন", "ট্রাস্ট", "পুরস্কার", "পদক",
    "মেমোরিয়াল", "স্মৃতি", "একাডেমি", "ইনস্টিটিউট", "মসজিদ", "মাদ্রাসা", "বিমানবন্দর", "ভবন",
    "চত্বর", "মিলনায়তন", "জেলা", "উপজেলা", "ইউনিয়ন", "থানা", "পৌরসভা", "সেনানিবাস",
    "ক্যান্টনমেন্ট", "স্টেশন", "মার্কেট", "টাওয়ার", "গ্রুপ", "এক্সপ্রেস", "লিমিটেড",
];

/// The match keys of `words`.
fn keys(words: &[&str]) -> FxHashSet<Box<[u8]>> {
    words.iter().map(|w| key::fold(w).bytes().into()).collect()
}

/// The word lists above as match keys, built on first use.
struct Lists {
    joiners: FxHashSet<Box<[u8]>>,
    second_halves: FxHashSet<Box<[u8]>>,
    not_parts: FxHashSet<Box<[u8]>>,
    ordinary: FxHashSet<Box<[u8]>>,
    namesakes: Vec<Box<[u8]>>,
    light_verbs: FxHashSet<Box<[u8]>>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        joiners: keys(JOINERS),
        second_halves: keys(SECOND_HALVES),
        not_parts: keys(NOT_PARTS),
        ordinary: keys(ORDINARY),
        namesakes: keys(NAMESAKES).into_iter().collect(),
        light_verbs: keys(LIGHT_VERBS),
    })
}

/// A person's name no gazetteer entry covers, found as a run of name parts.
///
/// Spans are byte and char offsets into the text searched; only the last
/// word may carry suffixes (রহমানের: the stem ends before ের).
///
/// ```
/// use bengali_names::Matcher;
/// let text = "সভাপতি আতাউর রহমানের বক্তব্য";
/// let name = Matcher::embedded().unlisted_names(text).next().unwrap();
/// assert_eq!(&text[name.span()], "আতাউর রহমানের");
/// assert_eq!((name.stem(), name.suffix()), ("আতাউর রহমান", "ের"));
/// assert_eq!(name.char_span(), 7..20);
/// assert_eq!(name.name_en(), "Ataur Rahman");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnlistedName<'t> {
    span: Range<usize>,
    char_span: Range<usize>,
    stem: &'t str,
    suffix: &'t str,
}

impl<'t> UnlistedName<'t> {
    /// The byte span of the whole name, suffixes included.
    ///
    /// ```
    /// let name = bengali_names::Matcher::embedded().unlisted_names("মো. আবদুল করিম").next().unwrap();
    /// assert_eq!(name.span(), 0..36);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The char span of the whole name, suffixes included.
    ///
    /// ```
    /// let name = bengali_names::Matcher::embedded().unlisted_names("মো. আবদুল করিম").next().unwrap();
    /// assert_eq!(name.char_span(), 0..14);
    /// ```
    pub fn char_span(&self) -> Range<usize> {
        self.char_span.clone()
    }

    /// The name without the suffixes of its last word.
    ///
    /// ```
    /// let name = bengali_names::Matcher::embedded().unlisted_names("আবদুল করিমকে").next().unwrap();
    /// assert_eq!(name.stem(), "আবদুল করিম");
    /// ```
    pub fn stem(&self) -> &'t str {
        self.stem
    }

    /// The suffixes of the last word (empty for none).
    ///
    /// ```
    /// let name = bengali_names::Matcher::embedded().unlisted_names("আবদুল করিমকে").next().unwrap();
    /// assert_eq!(name.suffix(), "কে");
    /// ```
    pub fn suffix(&self) -> &'t str {
        self.suffix
    }

    /// The name romanized the way English-language news spells names
    /// ([`NameRomanizer`] with its lexicon and the embedded gazetteer's
    /// spellings of name parts: জুনিয়র Junior, ভাট Bhatt).
    ///
    /// ```
    /// let name = bengali_names::Matcher::embedded().unlisted_names("মো. আবদুল করিম").next().unwrap();
    /// assert_eq!(name.name_en(), "Md. Abdul Karim");
    /// ```
    pub fn name_en(&self) -> String {
        static ROMANIZER: OnceLock<NameRomanizer> = OnceLock::new();
        ROMANIZER
            .get_or_init(|| NameRomanizer::builder().gazetteer().build())
            .romanize(self.stem)
    }
}

/// The [`UnlistedName`]s of one text, in order; made by
/// [`Matcher::unlisted_names`].
///
/// ```
/// let text = "মো. আবদুল করিম ও নাসির উদ্দিনের বৈঠক";
/// let names: Vec<_> = bengali_names::Matcher::embedded()
///     .unlisted_names(text)
///     .map(|n| n.stem())
///     .collect();
/// assert_eq!(names, ["মো. আবদুল করিম", "নাসির উদ্দিন"]);
/// ```
#[derive(Clone, Debug)]
pub struct UnlistedNames<'m, 't> {
    matcher: &'m Matcher,
    text: &'t str,
    /// Where the search goes on: a byte offset on a char boundary.
    at: usize,
    /// Where the last name given ends: no name reaches back before it.
    floor: usize,
    chars: CharCounter<'t>,
}

impl Matcher {
    /// Runs of two or more person-name parts in `text` (only spaces
    /// between the words, a `.` after an abbreviation such as মো.): names
    /// of people whether or not the gazetteer lists them. A run that a
    /// [`Mention`](super::Mention) overlaps is usually a listed person or a
    /// place, and is best dropped:
    ///
    /// ```
    /// use bengali_names::Matcher;
    /// let matcher = Matcher::embedded();
    /// let text = "প্রধানমন্ত্রী শেখ হাসিনা ও মো. আবদুল করিম ঢাকায় ফিরেছেন";
    /// let mentions: Vec<_> = matcher.find_iter(text).map(|m| m.span()).collect();
    /// let unlisted: Vec<_> = matcher
    ///     .unlisted_names(text)
    ///     .filter(|n| !mentions.iter().any(|m| m.start < n.span().end && n.span().start < m.end))
    ///     .map(|n| n.stem())
    ///     .collect();
    /// assert_eq!(unlisted, ["মো. আবদুল করিম"]);
    /// ```
    pub fn unlisted_names<'m, 't>(&'m self, text: &'t str) -> UnlistedNames<'m, 't> {
        UnlistedNames {
            matcher: self,
            text,
            at: 0,
            floor: 0,
            chars: CharCounter::new(text),
        }
    }

    /// What `word` is in a name: a part, the Bengali name of a letter, or
    /// the last part with suffixes (and where its stem ends). `None`: no
    /// name part.
    ///
    /// `first`: the word would start the name. Its stem needs three key
    /// bytes at least, where a later word's may have two (হকের).
    fn name_word(&self, word: &str, first: bool) -> Option<Word> {
        let (mut letters, mut folded) = ([0; 24], Vec::new());
        let key = word_key(self, word, &mut letters, &mut folded);
        let word_of_a_name = self.part_or_stem(word, key, first)?;
        // A verb is no name, whatever stem it reads as (করে: কর + ে), nor a
        // word that names a place (ইকবাল হলে). Tested last: most words are
        // no name part anyway.
        let lists = lists();
        let verb_or_place = lists.not_parts.contains(key)
            || lists.light_verbs.contains(key)
            || self.is_namesake(key);
        (!verb_or_place).then_some(word_of_a_name)
    }

    /// [`name_word`](Self::name_word) before the words that are no part of
    /// a name whatever the lexicon says.
    fn part_or_stem(&self, word: &str, key: &[u8], first: bool) -> Option<Word> {
        let (parts, lists) = (&self.name_parts, lists());
        // A lexicon part that is a common word not glossed as a name part
        // (বেগম) is the lexicon's ordinary word: it opens no name.
        let common_word = parts.is_ordinary(key);
        if common_word || parts.contains(key) {
            return Some(Word::Part {
                opens: !common_word,
                ordinary: common_word || lists.ordinary.contains(key),
                joiner: lists.joiners.contains(key),
                second_half: lists.second_halves.contains(key),
            });
        }
        if parts.is_initial(key) {
            return Some(Word::Initial);
        }
        // Short stems are mostly ordinary words' (কর in করে), unless a name
        // part comes before.
        let shortest = if first { 3 } else { 2 };
        let end = (shortest..key.len()).find(|&end| {
            let (stem, tail) = (key.get(..end), key.get(end..));
            tail.is_some_and(|t| self.suffixes.accepts(t))
                && stem.is_some_and(|s| {
                    (parts.contains(s) || parts.is_ordinary(s))
                        && !lists.joiners.contains(s)
                        && !lists.not_parts.contains(s)
                })
        })?;
        // The stem's end in the word: the first char boundary whose prefix
        // folds to the stem's key bytes.
        let stem_end = word.char_indices().map(|(i, _)| i).skip(1).find(|&i| {
            word.get(..i)
                .is_some_and(|stem| key::fold(stem).bytes().len() >= end)
        })?;
        Some(Word::Inflected { stem_end })
    }

    /// Whether the name before `word` cannot be a person's: `word` is a
    /// form of করা or হওয়া (the name is a noun of a verb) or one of the
    /// [`NAMESAKES`], perhaps with suffixes (the name is a place's).
    fn ends_no_person(&self, word: &str) -> bool {
        let (mut letters, mut folded) = ([0; 24], Vec::new());
        let key = word_key(self, word, &mut letters, &mut folded);
        lists().light_verbs.contains(key) || self.is_namesake(key)
    }

    /// Whether `word`, no name part, may be the given name before a
    /// compound's second half (এনায়েত উল্লাহ): a word of two letters or
    /// more that is no verb or title. A common word may be one (সদর উদ্দীন
    /// খান).
    fn may_lead(&self, word: &str) -> bool {
        let (mut letters, mut folded) = ([0; 24], Vec::new());
        let key = word_key(self, word, &mut letters, &mut folded);
        let lists = lists();
        key.len() >= 2 && !lists.not_parts.contains(key) && !lists.light_verbs.contains(key)
    }

    /// Whether `key` is one of the [`NAMESAKES`], perhaps with suffixes.
    fn is_namesake(&self, key: &[u8]) -> bool {
        lists().namesakes.iter().any(|namesake| {
            key.strip_prefix(&**namesake)
                .is_some_and(|rest| self.suffixes.accepts(rest))
        })
    }
}

/// What one word of a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// A name part, uninflected: `opens` if a name may start with it (no
    /// common word, such as মিয়া or বেগম, that the lexicon lists);
    /// `ordinary` if it is also an ordinary word (ইসলাম, রবি; a common
    /// word not glossed as a name part); `joiner` if it never ends a name,
    /// `second_half` if it never starts one.
    Part {
        opens: bool,
        ordinary: bool,
        joiner: bool,
        second_half: bool,
    },
    /// The Bengali name of a letter (এ, কে, এম): part of a name only as an
    /// initial.
    Initial,
    /// A name part with suffixes: the last word of a name.
    Inflected { stem_end: usize },
}

/// One word taken into a run: where the run would end with it, and
/// whether a name may end there.
#[derive(Clone, Copy, Debug)]
struct Taken {
    end: usize,
    stem_end: usize,
    /// A name part that is no common word or particle: evidence of a name.
    distinctive: bool,
    /// A name may end with this word (no particle, no initial).
    may_end: bool,
    /// A part written with a period (মো.) or an initial: no name alone.
    abbreviation: bool,
    /// The Bengali name of a letter, as an initial.
    initial: bool,
}

impl UnlistedNames<'_, '_> {
    /// The name that starts with the token at `start`, if the words from
    /// there make one: its span (which may start a word earlier, see
    /// [`SECOND_HALVES`]) and where its stem ends.
    fn run_at(&self, start: usize) -> Option<(Range<usize>, usize)> {
        let (text, matcher) = (self.text, self.matcher);
        let mut taken: Vec<Taken> = Vec::new();
        let mut first_is_second_half = false;
        let mut word = token_at(text, start);
        while let Some(range) = word.take() {
            if taken.len() == MAX_WORDS {
                break;
            }
            let dotted = text.as_bytes().get(range.end) == Some(&b'.');
            let end = range.end + usize::from(dotted);
            let next = match matcher.name_word(text.get(range.clone())?, taken.is_empty()) {
                Some(Word::Part {
                    opens,
                    ordinary,
                    joiner,
                    second_half,
                }) => {
                    if taken.is_empty() && !opens {
                        return None;
                    }
                    first_is_second_half |= taken.is_empty() && second_half;
                    Taken {
                        end,
                        stem_end: end,
                        distinctive: !ordinary && !joiner,
                        may_end: !joiner && !dotted,
                        abbreviation: dotted,
                        initial: false,
                    }
                }
                Some(Word::Initial) => {
                    // An initial needs a period or another initial beside
                    // it: এ and কে alone are the words "this" and "who".
                    let beside_initial = taken.last().is_some_and(|t| t.initial)
                        || word_after(text, range.end)
                            .and_then(|next| text.get(next))
                            .and_then(|next| matcher.name_word(next, false))
                            == Some(Word::Initial);
                    if !(dotted || beside_initial) {
                        break;
                    }
                    Taken {
                        end,
                        stem_end: end,
                        distinctive: false,
                        may_end: false,
                        abbreviation: true,
                        initial: true,
                    }
                }
                Some(Word::Inflected { stem_end }) => {
                    // The suffix ends the name.
                    taken.push(Taken {
                        end: range.end,
                        stem_end: range.start + stem_end,
                        distinctive: false,
                        may_end: true,
                        abbreviation: false,
                        initial: false,
                    });
                    break;
                }
                None => break,
            };
            taken.push(next);
            word = next_word(text, end);
        }
        // Particles and initials at the end are no name's end.
        while taken.last().is_some_and(|t| !t.may_end) {
            taken.pop();
        }
        let last = taken.last()?;
        let mut span = start..last.end;
        let mut names = taken.iter().filter(|t| !t.abbreviation).count();
        // Two initials and a name make a name (এ কে খন্দকার, এস এ হক).
        let initials = taken.iter().filter(|t| t.initial).count();
        if initials >= 2 && names >= 1 {
            names = names.max(MIN_WORDS);
        }
        let mut distinctive = initials >= 2 || taken.iter().any(|t| t.distinctive);
        if last.stem_end == last.end
            && word_after(text, last.end)
                .and_then(|next| text.get(next))
                .is_some_and(|next| matcher.ends_no_person(next))
        {
            return None;
        }
        if first_is_second_half {
            // নাসির উদ্দিন: the given name before is part of the name
            // whether or not the lexicon lists it.
            if let Some(before) = word_before(text, start).filter(|w| {
                w.start >= self.floor
                    && is_bengali_word(text, w)
                    && text.get(w.clone()).is_some_and(|w| matcher.may_lead(w))
            }) {
                span.start = before.start;
                names += 1;
                distinctive = true;
            }
        }
        // An inflected last part counts as evidence beside another part:
        // a suffix is rare on a word that is a name only by chance.
        distinctive |= names >= MIN_WORDS && last.stem_end < last.end;
        (names >= MIN_WORDS && distinctive).then_some((span, last.stem_end))
    }
}

/// Whether `word` of `text` is all Bengali letters and signs.
fn is_bengali_word(text: &str, word: &Range<usize>) -> bool {
    text.get(word.clone())
        .is_some_and(|w| !w.is_empty() && w.chars().all(script::is_bengali))
}

/// The next word of a name after `end`: past spaces, or right after the
/// period of an abbreviation (মো.করিম).
fn next_word(text: &str, end: usize) -> Option<Range<usize>> {
    let after_dot = text.as_bytes().get(end.checked_sub(1)?) == Some(&b'.');
    if after_dot {
        if let Some(word) = token_at(text, end) {
            return Some(word);
        }
    }
    word_after(text, end)
}

impl<'t> Iterator for UnlistedNames<'_, 't> {
    type Item = UnlistedName<'t>;

    fn next(&mut self) -> Option<UnlistedName<'t>> {
        let text = self.text;
        while self.at < text.len() {
            let rest = text.get(self.at..)?;
            // The next token start: a word char after a non-word char.
            let skip: usize = rest
                .chars()
                .take_while(|&c| !script::is_word_char(c))
                .map(char::len_utf8)
                .sum();
            let start = self.at + skip;
            let token = token_at(text, start)?;
            // A word right after a dot is an abbreviation's tail
            // (এফ.বি.আই), not a name's start.
            let after_dot = text
                .get(..start)
                .is_some_and(|before| before.ends_with('.'));
            match (!after_dot).then(|| self.run_at(start)).flatten() {
                Some((span, stem_end)) => {
                    let (start, end) = (span.start, span.end);
                    (self.at, self.floor) = (end, end);
                    let char_start = self.chars.char_offset(start);
                    let char_end = self.chars.char_offset(end);
                    return Some(UnlistedName {
                        span: start..end,
                        char_span: char_start..char_end,
                        stem: text.get(start..stem_end)?,
                        suffix: text.get(stem_end..end)?,
                    });
                }
                None => self.at = token.end,
            }
        }
        None
    }
}

impl FusedIterator for UnlistedNames<'_, '_> {}

#[cfg(test)]
mod tests {
    use crate::Matcher;

    /// Text, and the names read in it (stem | suffix).
    const CASES: &[(&str, &[&str])] = &[
        ("সভাপতি আতাউর রহমানের বক্তব্য", &["আতাউর রহমান|ের"]),
        ("মো. আবদুল করিম বলেন", &["মো. আবদুল করিম|"]),
        ("মো.আবদুল করিমকে", &["মো.আবদুল করিম|কে"]),
        ("এ কে এম শহিদুল ইসলাম", &["এ কে এম শহিদুল ইসলাম|"]),
        // One part alone is no name.
        ("করিম বলেন", &[]),
        // A suffix ends the name: করিমের আবদুল is two names' pieces.
        ("করিমের আবদুল", &[]),
        // এ alone is "this".
        ("এ আবদুল করিম", &["আবদুল করিম|"]),
        // Initials at the end are no name's end.
        ("আবদুল করিম এ", &["আবদুল করিম|"]),
        // Parts that are ordinary words need another part beside them.
        ("দেব দেবী", &[]),
        // A light verb after the words makes them a noun; a designator, a
        // place named after someone.
        ("মুক্তি আশা প্রকাশ করেন", &[]),
        ("উদ্বেগ প্রকাশ করে", &[]),
        ("কাজী নজরুল ইসলাম বিশ্ববিদ্যালয়ের ছাত্র", &[]),
        // An abbreviation ends no name; ও is "and".
        ("হাজি মো বলেন", &[]),
        ("রবিউল ইসলাম ও এস এ হক", &["রবিউল ইসলাম|", "এস এ হক|"]),
        ("ইসলাম খান", &["ইসলাম খান|"]),
        ("ইমরান খানের", &["ইমরান খান|ের"]),
        // A part that is a common word (বেগম) joins the others.
        ("রহিমা বেগমের", &["রহিমা বেগম|ের"]),
        // But it starts none, and a title before a name is not its part.
        ("বেগম রহিমা", &[]),
        ("শহীদ আসাদের স্মরণে", &[]),
        ("থ্যাচার সরকারের পতন", &[]),
        ("ইকবাল হলে থাকেন", &[]),
        // A compound's second half takes in the given name before it, but
        // not a word such as ও.
        ("এনায়েত উল্লাহ খান", &["এনায়েত উল্লাহ খান|"]),
        ("করিম ও উদ্দিন খান", &["উদ্দিন খান|"]),
        ("সদর উদ্দীন খান", &["সদর উদ্দীন খান|"]),
        // A later word's stem may be short.
        ("মুহম্মদ এনামুল হকের মতে", &["মুহম্মদ এনামুল হক|ের"]),
        // Only spaces join a name; a comma or a line break ends it.
        ("আবদুল, করিম", &[]),
        ("আবদুল\nকরিম", &[]),
        ("", &[]),
    ];

    #[test]
    fn runs_of_name_parts_are_names() {
        let matcher = Matcher::embedded();
        for (text, want) in CASES {
            let got: Vec<String> = matcher
                .unlisted_names(text)
                .map(|n| format!("{}|{}", n.stem(), n.suffix()))
                .collect();
            assert_eq!(&got, want, "in {text:?}");
        }
    }

    #[test]
    fn spans_are_on_the_text() {
        let matcher = Matcher::embedded();
        let text = "x আতাউর রহমানের, এবং মো. আবদুল করিম";
        for name in matcher.unlisted_names(text) {
            let span = name.span();
            assert_eq!(
                text.get(span.clone()),
                Some(format!("{}{}", name.stem(), name.suffix()).as_str())
            );
            let chars = name.char_span();
            let by_chars: String = text.chars().skip(chars.start).take(chars.len()).collect();
            assert_eq!(text.get(span), Some(by_chars.as_str()));
        }
    }

    proptest::proptest! {
        /// Whatever the text, names are in order, apart, on the text (stem
        /// and suffix make the span) and on one line, with char spans that
        /// count the text's chars.
        #[test]
        fn names_are_spans_of_the_text(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("মো"), proptest::strategy::Just("."),
                proptest::strategy::Just("আবদুল"), proptest::strategy::Just("করিম"),
                proptest::strategy::Just("উদ্দিন"), proptest::strategy::Just("আল"),
                proptest::strategy::Just("এ"), proptest::strategy::Just("কে"),
                proptest::strategy::Just("এম"), proptest::strategy::Just("ের"),
                proptest::strategy::Just("কে"), proptest::strategy::Just(" "),
                proptest::strategy::Just("  "), proptest::strategy::Just("\n"),
                proptest::strategy::Just(","), proptest::strategy::Just("করেন"),
                proptest::strategy::Just("ইসলাম"), proptest::strategy::Just("য\u{09BC}"),
                proptest::strategy::Just("\u{200C}"), proptest::strategy::Just("é"),
                proptest::strategy::Just("নাসির"), proptest::strategy::Just("x"),
            ], 0..16),
        ) {
            let text: String = pieces.concat();
            let mut last_end = 0;
            for name in Matcher::embedded().unlisted_names(&text) {
                let span = name.span();
                proptest::prop_assert!(span.start >= last_end && span.start < span.end, "{text:?}");
                last_end = span.end;
                let whole = format!("{}{}", name.stem(), name.suffix());
                proptest::prop_assert_eq!(text.get(span.clone()), Some(whole.as_str()));
                proptest::prop_assert!(!name.stem().contains('\n'));
                let chars = |b: usize| text.get(..b).map_or(0, |t| t.chars().count());
                proptest::prop_assert_eq!(name.char_span(), chars(span.start)..chars(span.end));
            }
        }
    }
}
