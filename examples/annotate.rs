//! Annotate a Bengali news article: every entity mention with its English
//! name, then a summary of who and what the article is about.
//!
//! ```sh
//! cargo run --example annotate -- examples/data/news.bn.txt
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use bengali_names::Matcher;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/news.bn.txt".to_owned());
    let article = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("annotate: {path}: {e}");
            return ExitCode::from(2);
        }
    };

    // The embedded gazetteer, built once; a document remembers who was named
    // fully, so a later surname alone links to the same person.
    let matcher = Matcher::embedded();
    let mut document = matcher.document();
    let mut summary: BTreeMap<(String, String), usize> = BTreeMap::new();

    for mention in document.find_iter(&article) {
        let entity = mention.entity();
        let span = mention.span();
        println!(
            "{:>6}..{:<6} {:<28} {:<40} {} ({}, {})",
            span.start,
            span.end,
            article.get(span.clone()).unwrap_or_default(),
            entity.name_en(),
            entity.kind(),
            mention.match_kind(),
            mention.score(),
        );
        *summary
            .entry((entity.kind().to_string(), entity.name_en().to_owned()))
            .or_default() += 1;
    }

    println!("\nmentioned:");
    for ((kind, name), count) in summary {
        println!("  {kind:<13} {name:<40} ×{count}");
    }
    ExitCode::SUCCESS
}
