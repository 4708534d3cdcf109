//! ISO 15919 against vidyut-lipi on the same text in one group, and name
//! romanization throughput.
//!
//! `BENGALI_NAMES_CORPUS=../shared/data/corpus/bn-wikipedia-sentences.txt.gz cargo bench --bench translit`

use std::hint::black_box;
use std::time::Duration;

use bengali_names::translit::{Iso15919, NameRomanizer};
use bengali_names::Normalizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vidyut_lipi::{Lipika, Scheme};

#[path = "corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let (raw, label) = corpus::load();
    // Both transliterators get display text, so neither pays for repairs.
    let text = Normalizer::new().normalize_str(&raw).into_owned();
    let iso = Iso15919::new();
    let mut lipika = Lipika::new();

    // Check before timing: both produce Latin, and ours round-trips exactly.
    let ours = iso.to_latin(&text);
    let theirs = lipika.transliterate(&text, Scheme::Bengali, Scheme::Iso15919);
    assert!(ours.len() > text.len() / 3 && theirs.len() > text.len() / 3);
    assert_eq!(iso.to_bengali(&ours), text, "ISO 15919 round trip");
    eprintln!(
        "corpus: {label}: {} bytes; Latin: ours {} bytes, vidyut-lipi {} bytes",
        text.len(),
        ours.len(),
        theirs.len()
    );

    let mut group = c.benchmark_group("translit/iso15919");
    group
        .throughput(Throughput::Bytes(text.len() as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("bengali-names", |b| {
        b.iter(|| iso.to_latin(black_box(&text)).len())
    });
    group.bench_function("vidyut-lipi", |b| {
        b.iter(|| {
            lipika
                .transliterate(black_box(&text), Scheme::Bengali, Scheme::Iso15919)
                .len()
        })
    });
    group.bench_function("bengali-names reverse", |b| {
        b.iter(|| iso.to_bengali(black_box(&ours)).len())
    });
    group.finish();

    // Name romanization works line by line (each line a name or a sentence).
    let names = NameRomanizer::new();
    let sample: String = text.lines().take(2000).flat_map(|l| [l, "\n"]).collect();
    assert_eq!(names.romanize("রহমান"), "Rahman");
    let mut group = c.benchmark_group("translit/name");
    group
        .throughput(Throughput::Bytes(sample.len() as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("romanize", |b| {
        b.iter(|| {
            sample
                .lines()
                .map(|l| names.romanize(black_box(l)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("candidates k=5", |b| {
        b.iter(|| {
            sample
                .lines()
                .map(|l| names.candidates(black_box(l), 5).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
