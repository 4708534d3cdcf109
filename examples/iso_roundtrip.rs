//! Round-trips every Bengali word of some text files through ISO 15919.
//!
//! ```text
//! cargo run --release --example iso_roundtrip -- FILE[.gz]...
//! ```
//!
//! Collects the unique words that, after display normalization, consist only
//! of Bengali-block characters and ZWJ/ZWNJ, checks
//! `to_bengali(to_latin(word)) == word` for each, prints
//! `checked N words, M failures` (and each failure), and exits 1 on any.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::process::ExitCode;

use bengali_names::script;
use bengali_names::translit::Iso15919;
use bengali_names::Normalizer;
use flate2::read::MultiGzDecoder;

fn open(path: &str) -> io::Result<Box<dyn BufRead>> {
    let file = File::open(path)?;
    let reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(Box::new(BufReader::new(reader)))
}

fn is_bengali_word(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| script::is_bengali(c) || c == script::ZWJ || c == script::ZWNJ)
}

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: iso_roundtrip FILE[.gz]...");
        return ExitCode::from(2);
    }
    let normalizer = Normalizer::new();
    let mut words = BTreeSet::new();
    for path in &paths {
        let reader = match open(path) {
            Ok(reader) => reader,
            Err(e) => {
                eprintln!("iso_roundtrip: {path}: {e}");
                return ExitCode::from(2);
            }
        };
        for line in reader.lines() {
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    eprintln!("iso_roundtrip: {path}: {e}");
                    return ExitCode::from(2);
                }
            };
            let display = normalizer.normalize_str(&line);
            for word in display.split(|c: char| !script::is_word_char(c)) {
                if is_bengali_word(word) {
                    words.insert(word.to_owned());
                }
            }
        }
    }
    let iso = Iso15919::new();
    let mut failures = 0usize;
    for word in &words {
        let latin = iso.to_latin(word);
        let back = iso.to_bengali(&latin);
        if back != word.as_str() {
            failures += 1;
            let hex: Vec<String> = word.chars().map(|c| format!("{:04X}", c as u32)).collect();
            eprintln!("FAIL {word} [{}] -> {latin} -> {back}", hex.join(" "));
        }
    }
    println!("checked {} words, {failures} failures", words.len());
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
