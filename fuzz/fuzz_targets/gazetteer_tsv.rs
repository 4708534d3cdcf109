//! Gazetteer TSV parsing: arbitrary bytes as one gazetteer file.
//!
//! Invariants:
//! - building never panics; lenient mode always succeeds (no I/O here);
//! - strict mode fails exactly when lenient mode has warnings, with the
//!   same errors; when it succeeds it loads the same entities;
//! - every error is located: the file name given, a line in 1..=lines of
//!   the file (0 only for a missing header), a 1-based column (1..=11 for
//!   errors about one field, 12 for "too many fields"), in line order;
//!   an invalid-UTF-8 error points at an invalid byte on its line;
//! - no line is lost silently: every data line (after the header, not a
//!   comment, not blank) has an error on its line or its id is loaded;
//! - loaded entities are valid: ids printable ASCII and unique, names
//!   trimmed, non-empty and in display form, no two names of an entity with
//!   the same match key, parents known;
//! - `add_str` and `add_reader` agree on UTF-8 input;
//! - the same text as a common-word file gives errors on line and column 1
//!   only, and every word line without an error is a common word after.
#![no_main]

use std::collections::HashSet;

use bengali_names::gazetteer::{LoadError, LoadErrorKind, COLUMNS};
use bengali_names::normalize::key::fold;
use bengali_names::{Gazetteer, Normalizer};
use bengali_names_fuzz::hex;
use libfuzzer_sys::fuzz_target;

const FILE: &str = "fuzz.tsv";

fn builder() -> bengali_names::GazetteerBuilder {
    Gazetteer::builder()
        .embedded(false)
        .embedded_common_words(false)
}

/// The file's lines as the loader numbers them (1-based, split at `\n`).
fn lines(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == b'\n').collect()
}

fn check_located(e: &LoadError, line_count: u64, data: &[u8], file: &str) {
    let ctx = || {
        format!(
            "error {e} ({:?})\ninput {:?}",
            e.kind(),
            String::from_utf8_lossy(data)
        )
    };
    assert_eq!(e.file(), file, "{}", ctx());
    let whole_file = matches!(
        e.kind(),
        LoadErrorKind::MissingHeader | LoadErrorKind::Io { .. }
    );
    if whole_file {
        assert_eq!(e.line(), 0, "whole-file error with a line\n{}", ctx());
    } else {
        assert!(
            e.line() >= 1 && e.line() <= line_count,
            "line out of range (file has {line_count})\n{}",
            ctx()
        );
    }
    match (e.kind(), e.column()) {
        (LoadErrorKind::MissingHeader | LoadErrorKind::Io { .. }, _) => {}
        (LoadErrorKind::InvalidUtf8 { byte_offset }, column) => {
            let offset = usize::try_from(*byte_offset).unwrap_or(usize::MAX);
            assert!(
                offset < data.len(),
                "invalid-UTF-8 offset past the end\n{}",
                ctx()
            );
            let rest = &data[offset..];
            assert!(
                matches!(std::str::from_utf8(rest), Err(err) if err.valid_up_to() == 0),
                "invalid-UTF-8 offset {offset} points at valid UTF-8\n{}",
                ctx()
            );
            let line = 1 + data[..offset].iter().filter(|&&b| b == b'\n').count() as u64;
            assert_eq!(
                e.line(),
                line,
                "invalid-UTF-8 error on the wrong line\n{}",
                ctx()
            );
            if let Some(column) = column {
                let line_start = data[..offset]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let tabs = data[line_start..offset]
                    .iter()
                    .filter(|&&b| b == b'\t')
                    .count();
                assert_eq!(
                    column,
                    1 + tabs,
                    "invalid-UTF-8 error in the wrong field\n{}",
                    ctx()
                );
            }
        }
        (LoadErrorKind::ColumnCount { found }, Some(column)) => {
            assert_ne!(*found, COLUMNS.len(), "{}", ctx());
            assert!(
                (1..=COLUMNS.len() + 1).contains(&column),
                "column out of range\n{}",
                ctx()
            );
        }
        (LoadErrorKind::BadHeader { .. }, Some(column)) => {
            assert!(column >= 1, "{}", ctx());
        }
        (_, Some(column)) => {
            assert!(
                (1..=COLUMNS.len()).contains(&column),
                "column out of range\n{}",
                ctx()
            );
        }
        (_, None) => panic!("row error without a column\n{}", ctx()),
    }
}

fn is_comment(line: &[u8]) -> bool {
    line.first() == Some(&b'#')
}

/// A blank line: no tab, nothing but ASCII whitespace.
fn is_blank(line: &[u8]) -> bool {
    !line.contains(&b'\t') && line.trim_ascii().is_empty()
}

fn check_entities(g: &Gazetteer, ctx: &dyn Fn() -> String) {
    let normalizer = Normalizer::new();
    let mut ids = HashSet::new();
    for (i, entity) in g.entities().iter().enumerate() {
        assert!(
            !entity.id().is_empty() && entity.id().bytes().all(|b| b.is_ascii_graphic()),
            "bad id {:?}\n{}",
            entity.id(),
            ctx()
        );
        assert!(
            ids.insert(entity.id()),
            "duplicate id {:?}\n{}",
            entity.id(),
            ctx()
        );
        assert_eq!(
            g.index_of(entity.id()),
            Some(i),
            "index_of {:?}\n{}",
            entity.id(),
            ctx()
        );
        assert!(
            !entity.name_en().is_empty() && !entity.name_bn().is_empty(),
            "empty canonical name\n{}",
            ctx()
        );
        let mut keys: Vec<(Vec<u8>, &str)> = Vec::new();
        for (field, name) in entity.names() {
            assert_eq!(
                name,
                name.trim(),
                "{field} {:?} not trimmed\n{}",
                name,
                ctx()
            );
            assert!(!name.is_empty(), "empty {field}\n{}", ctx());
            assert!(
                normalizer.is_normalized(name),
                "{field} {} not in display form\n{}",
                hex(name),
                ctx()
            );
            let key = fold(name).bytes().to_vec();
            if let Some((_, first)) = keys.iter().find(|(k, _)| *k == key) {
                panic!(
                    "entity {:?}: {field} {:?} has the same match key as {:?}\n{}",
                    entity.id(),
                    name,
                    first,
                    ctx()
                );
            }
            keys.push((key, name));
        }
        if let Some(parent) = entity.parent() {
            assert!(
                g.get(parent).is_some(),
                "unknown parent {parent:?} kept\n{}",
                ctx()
            );
        }
    }
    assert_eq!(g.stats().total(), g.len(), "stats total\n{}", ctx());
}

fuzz_target!(|data: &[u8]| {
    let ctx = || format!("input {:?}", String::from_utf8_lossy(data));
    let line_count = lines(data).len() as u64;

    let strict = builder().add_reader(FILE, data).build();
    let lenient = builder()
        .lenient(true)
        .add_reader(FILE, data)
        .build()
        .unwrap_or_else(|e| panic!("lenient build failed: {e}\n{}", ctx()));
    let warnings = lenient.warnings();
    match &strict {
        Ok(g) => {
            assert!(
                warnings.is_empty(),
                "strict Ok but lenient warns: {warnings:?}\n{}",
                ctx()
            );
            assert_eq!(
                g.entities(),
                lenient.entities(),
                "strict and lenient load different entities\n{}",
                ctx()
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "{}", ctx());
            assert_eq!(
                errors.as_slice(),
                warnings,
                "strict errors != lenient warnings\n{}",
                ctx()
            );
        }
    }

    // Every error is located, and errors come in line order.
    let mut last_line = 0;
    for e in warnings {
        check_located(e, line_count, data, FILE);
        assert!(
            e.line() >= last_line,
            "errors out of line order: {warnings:?}\n{}",
            ctx()
        );
        last_line = e.line();
    }

    check_entities(&lenient, &ctx);

    // No data line is lost silently. Lines are numbered by `\n`; like the
    // CSV reader, a lone `\r` also ends a record (so `\r\n` is one break),
    // but not a comment.
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let error_lines: HashSet<u64> = warnings.iter().map(LoadError::line).collect();
    let mut seen_header = false;
    for (i, raw) in lines(body).into_iter().enumerate() {
        let line_no = i as u64 + 1;
        for record in raw.split(|&b| b == b'\r') {
            // Comments and blank records are skipped even when they hold an
            // error (invalid UTF-8 is reported wherever it is); any other
            // record with an error counts as the header if none was seen.
            if is_comment(record) {
                // A comment runs to the `\n`, past any `\r`.
                break;
            }
            if is_blank(record) {
                continue;
            }
            if error_lines.contains(&line_no) {
                seen_header = true;
                continue;
            }
            if !seen_header {
                seen_header = true;
                continue;
            }
            let id = record.split(|&b| b == b'\t').next().unwrap_or_default();
            // The loader trims ids as `str::trim` does (Unicode whitespace).
            let id = std::str::from_utf8(id)
                .unwrap_or_else(|_| panic!("line {line_no} not UTF-8 but no error\n{}", ctx()))
                .trim();
            assert!(
                lenient.get(id).is_some(),
                "line {line_no} ({:?}) has no error and its id {id:?} is not loaded\nwarnings {warnings:?}\n{}",
                String::from_utf8_lossy(record),
                ctx()
            );
        }
    }

    // add_str and add_reader agree on text.
    if let Ok(text) = std::str::from_utf8(data) {
        let by_str = builder().lenient(true).add_str(FILE, text).build();
        match by_str {
            Ok(g) => {
                assert_eq!(
                    g.entities(),
                    lenient.entities(),
                    "add_str loads other entities\n{}",
                    ctx()
                );
                assert_eq!(
                    g.warnings(),
                    warnings,
                    "add_str reports other errors\n{}",
                    ctx()
                );
            }
            Err(e) => panic!("lenient add_str failed: {e}\n{}", ctx()),
        }

        // The same text as a common-word file: located errors, and every
        // word line without an error is a common word afterwards.
        let words = builder()
            .lenient(true)
            .add_common_words_str("words.txt", text)
            .build()
            .unwrap_or_else(|e| panic!("lenient common-word build failed: {e}\n{}", ctx()));
        let mut word_error_lines = HashSet::new();
        for e in words.warnings() {
            assert_eq!(e.file(), "words.txt", "{}", ctx());
            assert!(
                e.line() >= 1 && e.line() <= line_count,
                "common-word error line {e}\n{}",
                ctx()
            );
            assert_eq!(
                e.column(),
                Some(1),
                "common-word error column {e}\n{}",
                ctx()
            );
            word_error_lines.insert(e.line());
        }
        for (i, line) in text.split('\n').enumerate() {
            let word = line
                .split('\t')
                .next()
                .unwrap_or_default()
                .trim_start_matches('\u{FEFF}')
                .trim();
            if word.is_empty()
                || word.starts_with('#')
                || word_error_lines.contains(&(i as u64 + 1))
            {
                continue;
            }
            assert!(
                words.is_common_word(word),
                "common word on line {} ({}) loaded without error but is_common_word is false\n{}",
                i + 1,
                hex(word),
                ctx()
            );
        }
    }
});
