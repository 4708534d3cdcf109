//! The entity matcher against daachorse and aho-corasick, in one run.
//!
//! `BENGALI_NAMES_CORPUS=../shared/data/corpus/bn-wikipedia-sentences.txt.gz cargo bench --bench match`
//!
//! - `core`: display-normalized text → alias hits at token starts, before
//!   the tail check (this crate), against daachorse charwise
//!   leftmost-longest and aho-corasick's default kind, each over the same
//!   display text with the same aliases in NFC. Hit counts are printed.
//! - `pipeline`: raw text → mentions (normalize, fold, exact and Latin
//!   search, tail check, spans), then the same with the variant pass.
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
    let patterns = aliases(gazetteer);

    let started = Instant::now();
    let exact = Matcher::builder()
        .variants(false)
        .build(gazetteer)
        .unwrap_or_else(|e| panic!("{e}"));
    let build = started.elapsed();
    let full = Matcher::new(gazetteer).unwrap_or_else(|e| panic!("{e}"));
    let daac = daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(daachorse::MatchKind::LeftmostLongest)
        .build::<_, _, u32>(&patterns)
        .unwrap_or_else(|e| panic!("{e}"));
    let ac = aho_corasick::AhoCorasick::new(&patterns).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "corpus: {label}: {} bytes; {} aliases; matcher build {build:?}, memory {} KB (exact only) / {} KB (with variants); daachorse {} KB; aho-corasick {} KB",
        raw.len(),
        patterns.len(),
        exact.memory_usage() / 1024,
        full.memory_usage() / 1024,
        daac.heap_bytes() / 1024,
        ac.memory_usage() / 1024,
    );
    eprintln!(
        "hits: bengali-names core {}; daachorse {}; aho-corasick {}; mentions exact {}; with variants {}",
        exact.count_stem_hits(&display),
        daac.leftmost_find_iter(&display).count(),
        ac.find_iter(&display).count(),
        exact.find_iter(&raw).count(),
        full.find_iter(&raw).count(),
    );

    let mut group = c.benchmark_group("core");
    group
        .throughput(Throughput::Bytes(display.len() as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("bengali-names key automaton", |b| {
        b.iter(|| exact.count_stem_hits(black_box(&display)))
    });
    group.bench_function("daachorse charwise leftmost-longest", |b| {
        b.iter(|| daac.leftmost_find_iter(black_box(&display)).count())
    });
    group.bench_function("aho-corasick default", |b| {
        b.iter(|| ac.find_iter(black_box(&display)).count())
    });
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group
        .throughput(Throughput::Bytes(raw.len() as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("raw text to mentions (exact + Latin)", |b| {
        b.iter(|| exact.find_iter(black_box(&raw)).count())
    });
    group.bench_function("raw text to mentions (with variants)", |b| {
        b.iter(|| full.find_iter(black_box(&raw)).count())
    });
    group.finish();

    synthetic(&patterns);
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
    while count < 1_000_000 {
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
    let started = Instant::now();
    let matcher = Matcher::builder()
        .variants(false)
        .build(&gazetteer)
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "1M synthetic aliases ({} loaded, {} distinct keys): matcher build {:?}, memory {} MB",
        gazetteer.len(),
        matcher.alias_count(),
        started.elapsed(),
        matcher.memory_usage() / (1 << 20)
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
