//! `Matcher::find_iter` on arbitrary text with a small gazetteer made from
//! the same input.
//!
//! The input is read as text (lossily). Its first lines, up to the first
//! blank line (at most 6), describe the gazetteer, one entity per line:
//! `|`-separated names, the first the Bengali canonical name, the others
//! aliases (all-ASCII ones English aliases; a leading `@` makes a demonym).
//! A line starting with `!` is a common word instead, `+` a suffix for the
//! tail check. A leading `~` on the first line turns variants off. Kinds
//! cycle through person, country, city, organization, region, subdivision.
//! The whole input is then searched (so aliases occur in it).
//!
//! Invariants, for every mention:
//! - span and stem span are non-empty ranges on char boundaries of the
//!   original text; the stem is a prefix of the span;
//! - char spans agree with the byte spans (chars counted in the text);
//! - mentions are sorted and do not overlap; no mention crosses a `\n`;
//! - the entity is one of the matcher's, the alternatives exclude it and
//!   have no repeats; the score is in (0, 1], and 1 for exact and Latin;
//! - the stem has at least two letters (one-letter aliases never fire);
//! - a Document fed the text line by line finds the same mentions, shifted.
//!
//! For every unlisted name (`Matcher::unlisted_names`): spans on char
//! boundaries, in order and not overlapping, stem + suffix is the text of
//! the span, char spans agree with the byte spans, no line break inside,
//! and the romanized name is not empty.
//!
//! And `resolve` on every line of the input and every entity's names: best
//! score first, scores in (0, 1], no entity twice, every entity from the
//! matcher.
#![no_main]

use bengali_names::matcher::MatchKind;
use bengali_names::script::{class_of, BengaliClass};
use bengali_names::{Gazetteer, Kind, Matcher, Mention};
use bengali_names_fuzz::{as_text, hex};
use libfuzzer_sys::fuzz_target;

const HEADER: &str = bengali_names::gazetteer::HEADER;

/// The gazetteer file, common words, suffixes and whether demonyms and
/// variants are on.
struct Spec {
    tsv: String,
    words: String,
    suffixes: String,
    demonyms: bool,
    variants: bool,
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\r'], " ")
}

fn spec(text: &str) -> Spec {
    let mut spec = Spec {
        tsv: format!("{HEADER}\n"),
        words: String::new(),
        suffixes: String::new(),
        demonyms: false,
        variants: !text.starts_with('~'),
    };
    let mut entity = 0usize;
    for line in text.split('\n').take(6) {
        let line = line.strip_prefix('~').unwrap_or(line);
        if line.trim().is_empty() {
            break;
        }
        if let Some(word) = line.strip_prefix('!') {
            spec.words.push_str(&clean(word));
            spec.words.push('\n');
            continue;
        }
        if let Some(suffix) = line.strip_prefix('+') {
            spec.suffixes.push_str(&clean(suffix));
            spec.suffixes.push_str("\tfuzz\n");
            continue;
        }
        let kind = [
            Kind::Person,
            Kind::Country,
            Kind::City,
            Kind::Organization,
            Kind::Region,
            Kind::Subdivision,
        ][entity % 6];
        entity += 1;
        let mut parts = line.split('|');
        let name_bn = clean(parts.next().unwrap_or_default());
        let (mut aliases_bn, mut aliases_en, mut dem_bn, mut dem_en) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for part in parts {
            let (demonym, name) = match part.strip_prefix('@') {
                Some(name) => (true, name),
                None => (false, part),
            };
            let name = clean(name);
            let list = match (demonym, name.is_ascii()) {
                (false, false) => &mut aliases_bn,
                (false, true) => &mut aliases_en,
                (true, false) => &mut dem_bn,
                (true, true) => &mut dem_en,
            };
            spec.demonyms |= demonym;
            list.push(name);
        }
        spec.tsv.push_str(&format!(
            "fuzz:{entity}\t{kind}\tEntity {entity}\t{name_bn}\t{}\t{}\t{}\t{}\t\t\tfuzz\n",
            aliases_bn.join("|"),
            aliases_en.join("|"),
            dem_bn.join("|"),
            dem_en.join("|"),
        ));
    }
    spec
}

/// Letters as written: Bengali consonants, independent vowels and digits,
/// letters and digits of other scripts.
///
/// A ligature (æ, ß) is one letter, though the key spells it with two.
fn letters(s: &str) -> usize {
    s.chars()
        .filter(|&c| match class_of(c) {
            // Digits count as ASCII ones do (জি-২০ is the G20).
            Some(class) => matches!(
                class,
                BengaliClass::Consonant | BengaliClass::IndependentVowel | BengaliClass::Digit
            ),
            None => c.is_alphanumeric(),
        })
        .count()
}

fn summary(m: &Mention<'_>) -> String {
    format!(
        "{:?} stem {:?} {:?} {} {}",
        m.span(),
        m.stem_span(),
        m.match_kind(),
        m.score(),
        m.entity().id()
    )
}

fuzz_target!(|data: &[u8]| {
    let text = as_text(data);
    let text: &str = &text;
    let spec = spec(text);
    let gazetteer = match Gazetteer::builder()
        .embedded(false)
        .embedded_common_words(false)
        .lenient(true)
        .add_str("fuzz.tsv", &spec.tsv)
        .add_common_words_str("fuzz-words.txt", &spec.words)
        .build()
    {
        Ok(g) => g,
        Err(e) => panic!("lenient build failed: {e}"),
    };
    let mut builder = Matcher::builder()
        .variants(spec.variants)
        .demonyms(spec.demonyms);
    if !spec.suffixes.is_empty() {
        if let Ok(b) = builder
            .clone()
            .suffixes_str("fuzz-suffixes.txt", &spec.suffixes)
        {
            builder = b;
        }
    }
    let Ok(matcher) = builder.build(&gazetteer) else {
        return;
    };
    let ctx = || {
        format!(
            "text {:?}\ngazetteer {:?}\nwords {:?}\nsuffixes {:?}",
            text, spec.tsv, spec.words, spec.suffixes
        )
    };

    let mentions: Vec<Mention<'_>> = matcher.find_iter(text).collect();
    let mut last_end = 0;
    let entities = matcher.entities();
    for m in &mentions {
        let span = m.span();
        let stem = m.stem_span();
        let what = || format!("mention {}\n{}", summary(m), ctx());
        assert!(
            span.start < span.end && span.end <= text.len(),
            "empty or out of bounds\n{}",
            what()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span not on char boundaries\n{}",
            what()
        );
        assert!(
            stem.start == span.start && stem.end > stem.start && stem.end <= span.end,
            "stem not a non-empty prefix of the span\n{}",
            what()
        );
        assert!(
            text.is_char_boundary(stem.end),
            "stem end inside a char\n{}",
            what()
        );
        assert_eq!(m.suffix_span(), stem.end..span.end, "{}", what());
        assert!(
            span.start >= last_end,
            "mentions overlap or are out of order\n{}",
            what()
        );
        last_end = span.end;

        let chars = |b: usize| text[..b].chars().count();
        assert_eq!(
            m.char_span(),
            chars(span.start)..chars(span.end),
            "char span\n{}",
            what()
        );
        assert_eq!(
            m.stem_char_span(),
            chars(stem.start)..chars(stem.end),
            "stem char span\n{}",
            what()
        );
        assert_eq!(
            m.suffix_char_span(),
            chars(stem.end)..chars(span.end),
            "suffix char span\n{}",
            what()
        );

        let found = &text[span.clone()];
        assert!(
            !found.contains('\n'),
            "mention crosses a line break\n{}",
            what()
        );
        assert!(
            letters(&text[stem.clone()]) >= 2,
            "stem {} has fewer than two letters\n{}",
            hex(&text[stem.clone()]),
            what()
        );

        assert!(
            entities.iter().any(|e| std::ptr::eq(e, m.entity())),
            "entity not from this matcher\n{}",
            what()
        );
        let alternatives = m.alternatives();
        for (i, a) in alternatives.iter().enumerate() {
            assert!(
                a.id() != m.entity().id(),
                "entity among its alternatives\n{}",
                what()
            );
            assert!(
                alternatives[..i].iter().all(|b| b.id() != a.id()),
                "repeated alternative\n{}",
                what()
            );
        }
        let score = m.score();
        assert!(
            score > 0.0 && score <= 1.0,
            "score out of (0, 1]\n{}",
            what()
        );
        if matches!(m.match_kind(), MatchKind::Exact | MatchKind::Latin) {
            assert_eq!(
                score,
                1.0,
                "exact or Latin mention scored below 1\n{}",
                what()
            );
        }
    }

    // The same text, line by line through one document. (A document's
    // mentions borrow it, so each is summarized before the next piece.)
    let owned = |m: &Mention<'_>| {
        (
            summary(m),
            m.char_span(),
            m.stem_char_span(),
            m.alternatives().len(),
        )
    };
    let mut doc = matcher.document();
    let mut piecewise = Vec::new();
    let (mut bytes, mut chars) = (0, 0);
    for line in text.split_inclusive('\n') {
        piecewise.extend(doc.find_iter(line).map(|m| owned(&m.shifted(bytes, chars))));
        bytes += line.len();
        chars += line.chars().count();
    }
    let whole: Vec<_> = mentions.iter().map(owned).collect();
    assert_eq!(
        piecewise,
        whole,
        "line-by-line document differs from the whole text\n{}",
        ctx()
    );

    let mut last_end = 0;
    for name in matcher.unlisted_names(text) {
        let span = name.span();
        let what = || format!("unlisted name {span:?} {}\n{}", hex(name.stem()), ctx());
        assert!(span.start >= last_end && span.start < span.end, "{}", what());
        last_end = span.end;
        let found = text.get(span.clone()).unwrap_or_else(|| panic!("span off the text\n{}", what()));
        assert_eq!(found, format!("{}{}", name.stem(), name.suffix()), "{}", what());
        assert!(!found.contains('\n'), "name crosses a line break\n{}", what());
        let chars = |b: usize| text[..b].chars().count();
        assert_eq!(name.char_span(), chars(span.start)..chars(span.end), "{}", what());
        assert!(!name.name_en().is_empty(), "empty romanization\n{}", what());
    }

    let names = entities
        .iter()
        .flat_map(|e| [e.name_bn(), e.name_en()])
        .chain(text.lines().take(8));
    for name in names {
        let found = matcher.resolve(name);
        let what = || format!("resolve {}\n{}", hex(name), ctx());
        for (i, r) in found.iter().enumerate() {
            assert!(
                r.score() > 0.0 && r.score() <= 1.0,
                "score out of (0, 1]\n{}",
                what()
            );
            assert!(
                found[..i].iter().all(|b| b.score() >= r.score()),
                "not best first\n{}",
                what()
            );
            assert!(
                found[..i]
                    .iter()
                    .all(|b| !std::ptr::eq(b.entity(), r.entity())),
                "entity twice\n{}",
                what()
            );
            assert!(
                entities.iter().any(|e| std::ptr::eq(e, r.entity())),
                "entity not from this matcher\n{}",
                what()
            );
        }
    }
});
