//! The entity matcher against daachorse and aho-corasick, in one run.
//!
//! `BENGALI_NAMES_CORPUS=../shared/data/corpus/bn-wikipedia-sentences.txt.gz cargo bench --bench match`
//!
//! - `core`: display-normalized text → alias hits at token starts, before
//!   the tail check (this crate, with its anchored trie and, for the
//!   record, with aho-corasick automata over the same keys), against
//!   daachorse charwise leftmost-longest over the same display text and
//!   aho-corasick's default kind over the raw UTF-8, with the same aliases
//!   in NFC. The gazetteer's aliases are the keys of a matcher without
//!   partial names; the matcher the pipeline uses also holds every part of
//!   a person's name (পুতিন for ভ্লাদিমির পুতিন), timed as a second line.
//!   Hit counts are in the bench names.
//! - `pipeline`: raw text → mentions (normalize, fold, exact and Latin
//!   search, tail check, spans), then the same with the variant pass, and
//!   exact + Latin on the display text with ড় ঢ় য় precomposed as news
//!   writes them (the scan reads each as the pair display text holds).
//! - Memory of the built matcher, and build time and memory for one
//!   million synthetic aliases (printed, not sampled).

// A bench whose setup fails has nothing to measure: stop loudly.
#![allow(clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use bengali_names::{Gazetteer, Matcher, NameField, Normalizer};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "corpus.rs"]
mod corpus;
#[path = "news.rs"]
mod news;

/// The embedded gazetteer's exact aliases (no demonyms), display form.
fn aliases(gazetteer: &Gazetteer) -> Vec<String> {
    let normalizer = Normalizer::new();
    let mut all: Vec<String> = gazetteer
        .iter()
        .flat_map(|e| e.names())
        .filter(|(field, _)| !NameField::is_demonym(*field))
        .map(|(_, name)| normalizer.normalize_str(name).trim().to_owned())
        .filter(|name| name.chars().count() >= 2)
        .collect();
    all.sort();
    all.dedup();
    all
}

fn bench(c: &mut Criterion) {
    let (raw, label) = corpus::load();
    let display = Normalizer::new().normalize_str(&raw).into_owned();
    let gazetteer = Gazetteer::embedded();
    if let Ok(what) = std::env::var("MATCH_PROFILE") {
        profile(&what, gazetteer, &raw, &display);
        return;
    }
    let patterns = aliases(gazetteer);

    let rss_before = peak_rss_kb();
    let started = Instant::now();
    let exact = Matcher::builder()
        .variants(false)
        .build(gazetteer)
        .unwrap_or_else(|e| panic!("{e}"));
    let build = started.elapsed();
    let rss_exact = peak_rss_kb();
    // The core's keys: the aliases daachorse and aho-corasick are given,
    // folded, without the parts of people's names.
    let aliases_only = Matcher::builder()
        .variants(false)
        .partial_names(false)
        .build(gazetteer)
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let aliases_ac = Matcher::builder()
        .variants(false)
        .partial_names(false)
        .aho_corasick_keys(true)
        .build(gazetteer)
        .unwrap_or_else(|e| panic!("{e}"));
    let build_ac = started.elapsed();
    let full = Matcher::new(gazetteer).unwrap_or_else(|e| panic!("{e}"));
    let daac = daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(daachorse::MatchKind::LeftmostLongest)
        .build::<_, _, u32>(&patterns)
        .unwrap_or_else(|e| panic!("{e}"));
    let ac = aho_corasick::AhoCorasick::new(&patterns).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "corpus: {label}: {} bytes ({} display); {} aliases (NFC) for daachorse/aho-corasick, {} keys folded from them in the core, {} exact keys in the pipeline's matcher (with the parts of people's names)",
        raw.len(),
        display.len(),
        patterns.len(),
        aliases_only.alias_count(),
        exact.alias_count(),
    );
    eprintln!(
        "(c) built matcher: trie keys {build:?}, {} KB (exact + Latin), {} KB with variants; peak RSS +{} KB over the build; aho-corasick keys (no name parts) {build_ac:?}, {} KB; daachorse {} KB; aho-corasick (raw) {} KB",
        exact.memory_usage() / 1024,
        full.memory_usage() / 1024,
        rss_exact.saturating_sub(rss_before),
        aliases_ac.memory_usage() / 1024,
        daac.heap_bytes() / 1024,
        ac.memory_usage() / 1024,
    );

    // Hit counts, computed once; the engines that must agree are checked.
    let core_hits = aliases_only.count_stem_hits(&display);
    let core_hits_ac = aliases_ac.count_stem_hits(&display);
    assert_eq!(
        core_hits, core_hits_ac,
        "trie and aho-corasick keys disagree"
    );
    let core_hits_parts = exact.count_stem_hits(&display);
    assert!(core_hits_parts > core_hits);
    let daac_hits = daac.leftmost_find_iter(&display).count();
    let ac_hits = ac.find_iter(&raw).count();
    let mentions = exact.find_iter(&raw).count();
    assert_eq!(
        aliases_only.find_iter(&raw).count(),
        aliases_ac.find_iter(&raw).count()
    );
    let mentions_variants = full.find_iter(&raw).count();
    let news = news::precomposed(&display);
    let mentions_news = exact.find_iter(&news).count();
    assert_eq!(
        mentions_news,
        exact.find_iter(&display).count(),
        "precomposed ড় ঢ় য় change the mentions"
    );
    assert!(core_hits > 0 && daac_hits > 0 && ac_hits > 0 && mentions > 0);
    assert!(mentions_variants >= mentions);
    eprintln!(
        "hits: core {core_hits} (candidates at token starts, all prefixes; {core_hits_parts} with name parts); daachorse {daac_hits}; aho-corasick (raw UTF-8) {ac_hits}; mentions exact+Latin {mentions}; with variants {mentions_variants}"
    );

    let mut group = c.benchmark_group("core");
    group
        .throughput(Throughput::Bytes(display.len() as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function(format!("bengali-names trie, {core_hits} hits"), |b| {
        b.iter(|| aliases_only.count_stem_hits(black_box(&display)))
    });
    group.bench_function(
        format!("bengali-names trie with name parts, {core_hits_parts} hits"),
        |b| b.iter(|| exact.count_stem_hits(black_box(&display))),
    );
    group.bench_function(
        format!("bengali-names aho-corasick keys, {core_hits_ac} hits"),
        |b| b.iter(|| aliases_ac.count_stem_hits(black_box(&display))),
    );
    group.bench_function(
        format!("daachorse charwise leftmost-longest, {daac_hits} hits"),
        |b| b.iter(|| daac.leftmost_find_iter(black_box(&display)).count()),
    );
    group.bench_function(
        format!("aho-corasick default on raw UTF-8, {ac_hits} hits"),
        |b| b.iter(|| ac.find_iter(black_box(&raw)).count()),
    );
    group.finish();
    // Criterion times each engine in turn, seconds apart, and this machine's
    // speed drifts by several percent between them; alternating the two on
    // the same text cancels the drift out of their ratio.
    let (ratio, pairs) = paired_ratio(
        || aliases_only.count_stem_hits(black_box(&display)),
        || daachorse_hits(&daac, black_box(&display)),
    );
    eprintln!(
        "core, paired: daachorse / bengali-names trie, median of {pairs} alternated pairs: {ratio:.3}"
    );

    let mut group = c.benchmark_group("pipeline");
    group
        .throughput(Throughput::Bytes(raw.len() as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function(
        format!("raw text to mentions (exact + Latin), {mentions} mentions"),
        |b| b.iter(|| exact.find_iter(black_box(&raw)).count()),
    );
    group.bench_function(
        format!("raw text to mentions (with variants), {mentions_variants} mentions"),
        |b| b.iter(|| full.find_iter(black_box(&raw)).count()),
    );
    // The opt-in pass for people no gazetteer lists, on its own.
    let unlisted = exact.unlisted_names(&raw).count();
    assert!(unlisted > 0, "no run of name parts in the corpus");
    group.bench_function(
        format!("raw text to unlisted names (runs of name parts), {unlisted} names"),
        |b| b.iter(|| exact.unlisted_names(black_box(&raw)).count()),
    );
    group.throughput(Throughput::Bytes(news.len() as u64));
    group.bench_function(
        format!(
            "news text (ড় ঢ় য় precomposed) to mentions (exact + Latin), {mentions_news} mentions"
        ),
        |b| b.iter(|| exact.find_iter(black_box(&news)).count()),
    );
    group.finish();

    synthetic(&patterns);
}

/// `MATCH_PROFILE=core|pipeline|variants|synthetic|compare|daachorse`
/// (`core-ac`, `pipeline-ac`: with aho-corasick keys): run one thing once
/// (for `valgrind --tool=callgrind`) instead of the criterion groups;
/// `daachorse` runs the baseline of `core` in [`daachorse_hits`].
fn profile(what: &str, gazetteer: &Gazetteer, raw: &str, display: &str) {
    let variants = what == "variants";
    let matcher = Matcher::builder()
        .variants(variants)
        // The core's keys are the aliases, as in the criterion group.
        .partial_names(!what.starts_with("core"))
        .aho_corasick_keys(what.ends_with("-ac"))
        .build(gazetteer)
        .unwrap_or_else(|e| panic!("{e}"));
    let n = match what {
        "core" | "core-ac" => matcher.count_stem_hits(display),
        "pipeline" | "pipeline-ac" | "variants" => matcher.find_iter(raw).count(),
        "compare" => {
            let ac = Matcher::builder()
                .variants(false)
                .aho_corasick_keys(true)
                .build(gazetteer)
                .unwrap_or_else(|e| panic!("{e}"));
            eprintln!(
                "trie core {} mentions {}; aho-corasick core {} mentions {}",
                matcher.count_stem_hits(display),
                matcher.find_iter(raw).count(),
                ac.count_stem_hits(display),
                ac.find_iter(raw).count()
            );
            let mut shown = 0;
            for line in raw.lines() {
                let a: Vec<_> = matcher.find_iter(line).map(|m| m.span()).collect();
                let b: Vec<_> = ac.find_iter(line).map(|m| m.span()).collect();
                if a != b && shown < 5 {
                    shown += 1;
                    eprintln!("{line}\n  trie {a:?}\n  ac   {b:?}");
                }
            }
            0
        }
        "daachorse" => {
            let daac = daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(daachorse::MatchKind::LeftmostLongest)
                .build::<_, _, u32>(aliases(gazetteer))
                .unwrap_or_else(|e| panic!("{e}"));
            daachorse_hits(&daac, display)
        }
        "synthetic" => {
            synthetic(&aliases(gazetteer));
            0
        }
        _ => panic!("MATCH_PROFILE={what}: expected core[-ac], pipeline[-ac], variants, synthetic, compare or daachorse"),
    };
    eprintln!("{what}: {n}");
}

/// daachorse's leftmost-longest matches in `display`, in a function of its
/// own for `--toggle-collect='*daachorse_hits*'`.
#[inline(never)]
fn daachorse_hits(daac: &daachorse::CharwiseDoubleArrayAhoCorasick<u32>, display: &str) -> usize {
    daac.leftmost_find_iter(display).count()
}

/// Build time and memory for a million aliases drawn from the letter
/// bigrams of the shipped aliases (fixed seed).
fn synthetic(patterns: &[String]) {
    let mut next: std::collections::BTreeMap<char, Vec<char>> = Default::default();
    for p in patterns {
        let chars: Vec<char> = core::iter::once('^')
            .chain(p.chars())
            .chain(['$'])
            .collect();
        for pair in chars.windows(2) {
            next.entry(pair[0]).or_default().push(pair[1]);
        }
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut random = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut tsv = String::from(bengali_names::gazetteer::HEADER);
    tsv.push('\n');
    let mut count = 0;
    let wanted: usize = std::env::var("MATCH_SYNTHETIC_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    while count < wanted {
        let mut name = String::new();
        let mut c = '^';
        while let Some(options) = next.get(&c) {
            c = options[random(options.len())];
            if c == '$' || name.len() > 60 {
                break;
            }
            name.push(c);
        }
        let name = name.trim().replace('\t', " ");
        if name.chars().count() < 3 {
            continue;
        }
        tsv.push_str(&format!(
            "s:{count}\tcity\tS{count}\t{name}\t\t\t\t\t\t\tsynthetic\n"
        ));
        count += 1;
    }
    let gazetteer = Gazetteer::builder()
        .embedded(false)
        .lenient(true)
        .add_str("synthetic.tsv", &tsv)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    drop(tsv);
    let rss_before = peak_rss_kb();
    let started = Instant::now();
    let matcher = Matcher::builder()
        .variants(false)
        .build(&gazetteer)
        .unwrap_or_else(|e| panic!("{e}"));
    let elapsed = started.elapsed();
    eprintln!(
        "1M synthetic aliases ({} entities, {} distinct keys: Bengali names + Latin ids): matcher build {elapsed:?} (target < 2 s), built matcher {} MB (target < 200 MB), peak RSS +{} MB during the build",
        gazetteer.len(),
        matcher.alias_count(),
        matcher.memory_usage() / (1 << 20),
        peak_rss_kb().saturating_sub(rss_before) / 1024,
    );
}

/// The process's peak resident set (VmHWM), in KB; 0 where unknown.
/// The median over alternated runs of `slow`'s time divided by `fast`'s,
/// the order flipping every pair; and the number of pairs.
fn paired_ratio(fast: impl Fn() -> usize, slow: impl Fn() -> usize) -> (f64, usize) {
    const PAIRS: usize = 41;
    let time = |f: &dyn Fn() -> usize| {
        let started = Instant::now();
        black_box(f());
        started.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..PAIRS)
        .map(|i| {
            let (a, b) = if i % 2 == 0 {
                let a = time(&fast);
                (a, time(&slow))
            } else {
                let b = time(&slow);
                (time(&fast), b)
            };
            b / a
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    (ratios[PAIRS / 2], PAIRS)
}

fn peak_rss_kb() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

criterion_group!(benches, bench);
criterion_main!(benches);
