//! Display normalization against plain NFC from icu_normalizer and
//! unicode-normalization, on the same text in one run.
//!
//! `BENGALI_NAMES_CORPUS=../shared/data/corpus/bn-wikipedia-sentences.txt.gz cargo bench --bench normalize`
//!
//! Three inputs: the corpus as it is (`raw`), after one pass of display
//! normalization (`clean`), and that with ড় ঢ় য় precomposed as news writes
//! them (`news`).

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

use bengali_names::Normalizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use icu_normalizer::ComposingNormalizerBorrowed;
use unicode_normalization::UnicodeNormalization;

#[path = "corpus.rs"]
mod corpus;
#[path = "news.rs"]
mod news;

fn bench(c: &mut Criterion) {
    let (raw, label) = corpus::load();
    let ours = Normalizer::new();
    let clean = ours.normalize_str(&raw).into_owned();
    let icu = ComposingNormalizerBorrowed::new_nfc();
    eprintln!(
        "corpus: {label}: {} bytes; display normalization changes {} of {} lines",
        raw.len(),
        raw.lines().filter(|l| ours.normalize_str(l) != *l).count(),
        raw.lines().count()
    );
    // The clean text is a fixed point and comes back borrowed: that is what
    // the "clean" rows measure.
    assert!(matches!(ours.normalize_str(&clean), Cow::Borrowed(_)));
    assert_eq!(ours.normalize_str(&clean), clean);
    // News writes ড় ঢ় য় precomposed; normalizing such text gives the clean
    // text back.
    let news = news::precomposed(&clean);
    assert_eq!(ours.normalize_str(&news), clean);

    for (name, text) in [("raw", &raw), ("clean", &clean), ("news", &news)] {
        let mut group = c.benchmark_group(format!("normalize/{name}"));
        group
            .throughput(Throughput::Bytes(text.len() as u64))
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        group.bench_function("bengali-names display", |b| {
            b.iter(|| ours.normalize_str(black_box(text)).len())
        });
        group.bench_function("bengali-names display + offset map", |b| {
            b.iter(|| ours.normalize(black_box(text)).offsets().edits().len())
        });
        group.bench_function("icu_normalizer NFC", |b| {
            b.iter(|| icu.normalize(black_box(text)).len())
        });
        group.bench_function("unicode-normalization NFC", |b| {
            b.iter(|| black_box(text).nfc().collect::<String>().len())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
