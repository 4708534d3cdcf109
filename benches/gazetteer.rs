//! Loading the shipped gazetteer: a fresh parse of the embedded text each
//! iteration (TSV reading, validation, normalization and folding of every
//! name, merging), not the cached `Gazetteer::embedded()`. Target: < 20 ms.
//!
//! `cargo bench --bench gazetteer`

use std::hint::black_box;
use std::time::Duration;

use bengali_names::Gazetteer;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    // Lenient, as `Gazetteer::embedded()` loads it.
    let gazetteer = Gazetteer::builder().lenient(true).build();
    let (entities, names) = gazetteer.as_ref().map_or((0, 0), |g| {
        (g.len(), g.iter().map(|e| e.names().count()).sum::<usize>())
    });
    eprintln!("shipped gazetteer: {entities} entities, {names} names");

    let mut group = c.benchmark_group("gazetteer");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("load_embedded", |b| {
        b.iter(|| black_box(Gazetteer::builder().lenient(true).build()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
