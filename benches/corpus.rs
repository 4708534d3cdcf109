//! The benchmark corpus, shared by every bench: the file named by
//! `BENGALI_NAMES_CORPUS` (plain UTF-8, or gzip when the name ends in `.gz`),
//! or a generated Bengali text when the variable is unset.

// A bench without its corpus has nothing to measure: stopping with the
// reason is the right behaviour.
#![allow(clippy::panic, clippy::indexing_slicing)]

use std::io::Read;

/// Environment variable naming the corpus file.
pub const CORPUS_VAR: &str = "BENGALI_NAMES_CORPUS";

/// The corpus text and a label saying where it came from.
pub fn load() -> (String, String) {
    match std::env::var_os(CORPUS_VAR) {
        Some(path) => {
            let path = std::path::PathBuf::from(path);
            let file = std::fs::File::open(&path)
                .unwrap_or_else(|e| panic!("{CORPUS_VAR}={}: {e}", path.display()));
            let mut text = String::new();
            let is_gz = path.extension().is_some_and(|ext| ext == "gz");
            let result = if is_gz {
                flate2::read::GzDecoder::new(file).read_to_string(&mut text)
            } else {
                std::io::BufReader::new(file).read_to_string(&mut text)
            };
            result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (text, path.display().to_string())
        }
        None => (generated(), "generated fallback".to_owned()),
    }
}

/// About 2 MB of Bengali news-like sentences built from a fixed seed, with a
/// sprinkling of the typing faults the display layer repairs.
fn generated() -> String {
    const WORDS: &[&str] = &[
        "রাশিয়া",
        "উত্তর",
        "কোরিয়া",
        "যুক্তরাষ্ট্রের",
        "প্রেসিডেন্ট",
        "সরকার",
        "বলেছেন",
        "আলোচনা",
        "ঢাকা",
        "বাংলাদেশের",
        "নির্বাচন",
        "কমিশন",
        "মন্ত্রী",
        "সম্পর্ক",
        "করেছে",
        "জাতিসংঘ",
        "নিরাপত্তা",
        "পরিষদের",
        "বৈঠকে",
        "চট্টগ্রাম",
        "ভারত",
        "চীন",
        "পুতিন",
        "শেখ",
        "হাসিনা",
        "আওয়ামী",
        "লীগ",
        "বিএনপি",
        "কলকাতা",
        "মমতা",
        "সংবাদ",
        "সম্মেলন",
        "DPRK",
        "UN",
        "2024",
        "১৯৭১",
        "হয়েছে",
        "এবং",
        "ও",
        "তিনি",
        "আজ",
        "গত",
        "সপ্তাহে",
    ];
    const FAULTS: &[&str] = &["ক\u{09C7}\u{09BE}", "\u{09DF}", "স\u{00AD}ম", "অ\u{09BE}"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::with_capacity(2 << 20);
    while text.len() < 2 << 20 {
        for i in 0..12 {
            let r = next();
            if i > 0 {
                text.push(' ');
            }
            if r % 97 == 0 {
                text.push_str(FAULTS[(r / 97) as usize % FAULTS.len()]);
            } else {
                text.push_str(WORDS[(r >> 8) as usize % WORDS.len()]);
            }
        }
        text.push_str("।\n");
    }
    text
}
