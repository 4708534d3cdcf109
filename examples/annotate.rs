//! Annotate a Bengali news article: every entity mention with its English
//! name, the people the gazetteer does not list, then a summary of who and
//! what the article is about.
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
    // Each line of the listing, by where it starts in the article.
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut taken = Vec::new();
    // One line of the listing: the span, the text there, the English name.
    let listing = |span: std::ops::Range<usize>, name_en: &str, how: &str| {
        format!(
            "{:>6}..{:<6} {:<28} {:<40} {how}",
            span.start,
            span.end,
            article.get(span.clone()).unwrap_or_default(),
            name_en,
        )
    };

    for mention in document.find_iter(&article) {
        let entity = mention.entity();
        let span = mention.span();
        let how = format!(
            "{} ({}, {})",
            entity.kind(),
            mention.match_kind(),
            mention.score()
        );
        lines.push((span.start, listing(span.clone(), entity.name_en(), &how)));
        taken.push(span);
        *summary
            .entry((entity.kind().to_string(), entity.name_en().to_owned()))
            .or_default() += 1;
    }

    // People no gazetteer lists, read from the shape of their names: a run
    // that a mention overlaps is the mention's.
    for name in matcher.unlisted_names(&article) {
        let span = name.span();
        if taken
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
        {
            continue;
        }
        let name_en = name.name_en();
        let line = listing(span.clone(), &name_en, "person (not in the gazetteer)");
        lines.push((span.start, line));
        *summary
            .entry(("person".to_owned(), format!("{name_en} (unlisted)")))
            .or_default() += 1;
    }

    lines.sort();
    for (_, line) in lines {
        println!("{line}");
    }
    println!("\nmentioned:");
    for ((kind, name), count) in summary {
        println!("  {kind:<13} {name:<40} ×{count}");
    }
    ExitCode::SUCCESS
}
