//! Gazetteer loading: every validation error with its file, line and column,
//! merging across files, lenient mode, and the shipped data.

// A test fails by panicking; `unwrap` says "this must succeed" most plainly.
#![allow(clippy::unwrap_used)]

use bengali_names::gazetteer::{LoadError, LoadErrorKind, Stats, HEADER};
use bengali_names::{Entity, Gazetteer, GazetteerBuilder, Kind, Normalizer};

/// A file: the header, then `rows` (one string per line, fields joined by tabs).
fn file(rows: &[&str]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

/// A full entity row from its 11 fields.
fn row(fields: [&str; 11]) -> String {
    fields.join("\t")
}

fn city(id: &str, name_en: &str, name_bn: &str, aliases_bn: &str) -> String {
    row([
        id, "city", name_en, name_bn, aliases_bn, "", "", "", "", "", "test",
    ])
}

/// An extension row adding Bengali aliases.
fn extension(id: &str, aliases_bn: &str) -> String {
    row([id, "", "", "", aliases_bn, "", "", "", "", "", ""])
}

fn build(files: &[(&str, &str)]) -> Result<Gazetteer, Vec<LoadError>> {
    files
        .iter()
        .fold(Gazetteer::builder().embedded(false), |b, (name, text)| {
            b.add_str(name, text)
        })
        .build()
        .map_err(|errors| errors.into_vec())
}

fn errors_of(files: &[(&str, &str)]) -> Vec<LoadError> {
    match build(files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

/// The errors of one file given as bytes (which need not be UTF-8).
fn errors_of_bytes(bytes: &[u8]) -> Vec<LoadError> {
    match Gazetteer::builder()
        .embedded(false)
        .add_reader("bytes.tsv", bytes)
        .build()
    {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_vec(),
    }
}

/// (what, file text, expected line, expected column, expected kind)
type Case = (
    &'static str,
    String,
    u64,
    Option<usize>,
    fn(&LoadErrorKind) -> bool,
);

fn single_file_cases() -> Vec<Case> {
    let dhaka = city("tz:Asia/Dhaka", "Dhaka", "ঢাকা", "");
    vec![
        (
            "too few columns",
            file(&["tz:Asia/Dhaka\tcity\tDhaka"]),
            2,
            Some(4),
            |k| matches!(k, LoadErrorKind::ColumnCount { found: 3 }),
        ),
        (
            "too many columns",
            file(&[&format!("{dhaka}\textra")]),
            2,
            Some(12),
            |k| matches!(k, LoadErrorKind::ColumnCount { found: 12 }),
        ),
        (
            "header with a wrong column name",
            "# comment\nid\tkind\tname\n".to_owned(),
            2,
            Some(3),
            |k| matches!(k, LoadErrorKind::BadHeader { expected: "name_en", found } if found == "name"),
        ),
        (
            "header with a column too many",
            format!("{HEADER}\tnotes\n"),
            1,
            Some(12),
            |k| matches!(k, LoadErrorKind::BadHeader { found, .. } if found == "notes"),
        ),
        (
            "no header at all",
            "# only a comment\n\n".to_owned(),
            0,
            None,
            |k| matches!(k, LoadErrorKind::MissingHeader),
        ),
        (
            "unknown kind",
            file(&[
                "# a comment",
                "",
                &row(["x:1", "town", "X", "এক্স", "", "", "", "", "", "", "t"]),
            ]),
            4,
            Some(2),
            |k| matches!(k, LoadErrorKind::UnknownKind { found } if found == "town"),
        ),
        (
            "empty kind on a row with names",
            file(&[&row(["x:1", "", "X", "এক্স", "", "", "", "", "", "", "t"])]),
            2,
            Some(2),
            |k| matches!(k, LoadErrorKind::EmptyField { field: "kind" }),
        ),
        (
            "whitespace-only name_en",
            file(&[&row([
                "x:1",
                "city",
                "  ",
                "এক্স",
                "",
                "",
                "",
                "",
                "",
                "",
                "t",
            ])]),
            2,
            Some(3),
            |k| matches!(k, LoadErrorKind::EmptyField { field: "name_en" }),
        ),
        (
            "empty name_bn",
            file(&[&row(["x:1", "city", "X", "", "", "", "", "", "", "", "t"])]),
            2,
            Some(4),
            |k| matches!(k, LoadErrorKind::EmptyField { field: "name_bn" }),
        ),
        (
            "empty source",
            file(&[&row([
                "x:1",
                "city",
                "X",
                "এক্স",
                "",
                "",
                "",
                "",
                "",
                "",
                " ",
            ])]),
            2,
            Some(11),
            |k| matches!(k, LoadErrorKind::EmptyField { field: "source" }),
        ),
        (
            "non-ASCII id",
            file(&[&city("ঢাকা", "Dhaka", "ঢাকা", "")]),
            2,
            Some(1),
            |k| matches!(k, LoadErrorKind::InvalidId { id } if id == "ঢাকা"),
        ),
        (
            "empty id",
            file(&[&city(" ", "Dhaka", "ঢাকা", "")]),
            2,
            Some(1),
            |k| matches!(k, LoadErrorKind::InvalidId { id } if id.is_empty()),
        ),
        (
            "id with a space",
            file(&[&city("tz:New York", "New York", "নিউ ইয়র্ক", "")]),
            2,
            Some(1),
            |k| matches!(k, LoadErrorKind::InvalidId { .. }),
        ),
        (
            "empty element inside a list",
            file(&[&city("x:1", "X", "এক্স", "এ||বি")]),
            2,
            Some(5),
            |k| {
                matches!(
                    k,
                    LoadErrorKind::EmptyListElement {
                        field: "aliases_bn"
                    }
                )
            },
        ),
        (
            "trailing | in an English list",
            file(&[&row([
                "x:1",
                "city",
                "X",
                "এক্স",
                "",
                "Ex|",
                "",
                "",
                "",
                "",
                "t",
            ])]),
            2,
            Some(6),
            |k| {
                matches!(
                    k,
                    LoadErrorKind::EmptyListElement {
                        field: "aliases_en"
                    }
                )
            },
        ),
        (
            "alias of only a zero width joiner",
            file(&[&city("x:1", "X", "এক্স", "এক্স২|\u{200D}")]),
            2,
            Some(5),
            |k| matches!(k, LoadErrorKind::NormalizesToNothing { name } if name == "\u{200D}"),
        ),
        (
            "demonym of only a soft hyphen",
            file(&[&row([
                "x:1",
                "city",
                "X",
                "এক্স",
                "",
                "",
                "\u{AD}",
                "",
                "",
                "",
                "t",
            ])]),
            2,
            Some(7),
            |k| matches!(k, LoadErrorKind::NormalizesToNothing { .. }),
        ),
        (
            "vowel sign at the start of a name",
            file(&[&city("x:1", "X", "\u{09BE}ক", "")]),
            2,
            Some(4),
            |k| {
                matches!(
                    k,
                    LoadErrorKind::MalformedBengali {
                        sign: '\u{09BE}',
                        char_index: 0,
                        ..
                    }
                )
            },
        ),
        (
            "virama after a space",
            file(&[&city("x:1", "X", "এক্স", "নিউ \u{09CD}ইয়র্ক")]),
            2,
            Some(5),
            |k| {
                matches!(
                    k,
                    LoadErrorKind::MalformedBengali {
                        sign: '\u{09CD}',
                        char_index: 4,
                        ..
                    }
                )
            },
        ),
        (
            "nukta with no base in a demonym",
            file(&[&row([
                "x:1",
                "city",
                "X",
                "এক্স",
                "",
                "",
                "\u{09BC}",
                "",
                "",
                "",
                "t",
            ])]),
            2,
            Some(7),
            |k| {
                matches!(
                    k,
                    LoadErrorKind::MalformedBengali {
                        sign: '\u{09BC}',
                        ..
                    }
                )
            },
        ),
        (
            "alias that repeats the canonical name",
            file(&[&city("x:1", "X", "ঢাকা", "ঢাকা")]),
            2,
            Some(5),
            |k| matches!(k, LoadErrorKind::DuplicateName { name, first, first_field: "name_bn" } if name == "ঢাকা" && first == name),
        ),
        (
            "two aliases that differ only in a folded spelling",
            // Latin names fold case.
            file(&[&row([
                "x:1",
                "city",
                "X",
                "এক্স",
                "",
                "Ex|EX",
                "",
                "",
                "",
                "",
                "t",
            ])]),
            2,
            Some(6),
            |k| {
                matches!(
                    k,
                    LoadErrorKind::DuplicateName {
                        first_field: "aliases_en",
                        ..
                    }
                )
            },
        ),
        (
            "extension row for an unknown id",
            file(&[&dhaka, &extension("tz:Asia/Dacca", "ঢাকা শহর")]),
            3,
            Some(1),
            |k| matches!(k, LoadErrorKind::UnknownId { id } if id == "tz:Asia/Dacca"),
        ),
        (
            "one id with conflicting canonical names",
            file(&[&dhaka, &city("tz:Asia/Dhaka", "Dacca", "ঢাকা", "")]),
            3,
            Some(3),
            |k| matches!(k, LoadErrorKind::Conflict { field: "name_en", first, .. } if first == "a.tsv:2"),
        ),
        (
            "one id with conflicting kinds",
            file(&[
                &dhaka,
                &row([
                    "tz:Asia/Dhaka",
                    "country",
                    "Dhaka",
                    "ঢাকা",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "t",
                ]),
            ]),
            3,
            Some(2),
            |k| matches!(k, LoadErrorKind::Conflict { field: "kind", .. }),
        ),
        (
            "extension row with a conflicting code",
            file(&[
                &row([
                    "iso:BD",
                    "country",
                    "Bangladesh",
                    "বাংলাদেশ",
                    "",
                    "",
                    "",
                    "",
                    "BD",
                    "",
                    "t",
                ]),
                &row(["iso:BD", "", "", "", "", "", "", "", "BG", "", "t"]),
            ]),
            3,
            Some(9),
            |k| matches!(k, LoadErrorKind::Conflict { field: "code", .. }),
        ),
        (
            "unknown parent",
            file(&[&row([
                "x:1",
                "city",
                "X",
                "এক্স",
                "",
                "",
                "",
                "",
                "",
                "iso:XX",
                "t",
            ])]),
            2,
            Some(10),
            |k| matches!(k, LoadErrorKind::UnknownParent { parent } if parent == "iso:XX"),
        ),
    ]
}

#[test]
fn every_validation_error_is_located() {
    for (what, text, line, column, expected) in single_file_cases() {
        let errors = errors_of(&[("a.tsv", &text)]);
        assert_eq!(errors.len(), 1, "{what}: {errors:?}");
        let Some(error) = errors.first() else {
            continue;
        };
        assert_eq!(
            (error.file(), error.line(), error.column()),
            ("a.tsv", line, column),
            "{what}: {error}"
        );
        assert!(expected(error.kind()), "{what}: {error}");
        // The message starts with the location an editor can jump to.
        let location = match column {
            Some(column) => format!("a.tsv:{line}:{column}: "),
            None => format!("a.tsv:{line}: "),
        };
        assert!(error.to_string().starts_with(&location), "{what}: {error}");
    }
}

#[test]
fn invalid_utf8_names_line_column_and_byte_offset() {
    let mut bytes = format!("{HEADER}\n# comment\n").into_bytes();
    let row_start = bytes.len();
    bytes.extend_from_slice(b"x:1\tcity\tX\t\xE0\xA6\tb\n");
    bytes.extend_from_slice(b"# bad comment \xFF\n");
    let errors = errors_of_bytes(bytes.as_slice());
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.file(), e.line(), e.column(), e.kind().clone()))
        .collect();
    let offset = (row_start + 11) as u64;
    assert_eq!(
        found,
        vec![
            (
                "bytes.tsv",
                3,
                Some(4),
                LoadErrorKind::InvalidUtf8 {
                    byte_offset: offset
                }
            ),
            (
                "bytes.tsv",
                4,
                Some(1),
                LoadErrorKind::InvalidUtf8 {
                    byte_offset: offset + 19
                }
            ),
        ]
    );
}

#[test]
fn every_error_of_every_file_is_reported_in_order() {
    let a = file(&[
        &row(["x:1", "town", "X", "এক্স", "", "", "", "", "", "", "t"]),
        &city("x:2", "Y", "ওয়াই", "ওয়াই"),
        "short",
    ]);
    let b = file(&[&extension("x:9", "নয়")]);
    let errors = errors_of(&[("a.tsv", &a), ("b.tsv", &b)]);
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.file(), e.line(), e.column()))
        .collect();
    assert_eq!(
        found,
        [
            ("a.tsv", 2, Some(2)),
            ("a.tsv", 3, Some(5)),
            ("a.tsv", 4, Some(2)),
            ("b.tsv", 2, Some(1)),
        ]
    );
}

#[test]
fn a_row_can_have_several_errors() {
    let text = file(&[&row([
        "ঢ",
        "town",
        "",
        "এক্স",
        "a||b",
        "",
        "",
        "",
        "",
        "",
        "",
    ])]);
    let columns: Vec<_> = errors_of(&[("a.tsv", &text)])
        .iter()
        .map(LoadError::column)
        .collect();
    assert_eq!(columns, [Some(1), Some(2), Some(3), Some(5), Some(11)]);
}

#[test]
fn extension_rows_merge_across_files_in_any_order() {
    let extensions = file(&[&extension("tz:Asia/Dhaka", "ঢাকা মহানগর|ঢাকা শহর")]);
    let entity = file(&[&city("tz:Asia/Dhaka", "Dhaka", "ঢাকা", "ডাকা")]);
    for files in [
        [
            ("ext.tsv", extensions.as_str()),
            ("city.tsv", entity.as_str()),
        ],
        [
            ("city.tsv", entity.as_str()),
            ("ext.tsv", extensions.as_str()),
        ],
    ] {
        let gazetteer = build(&files).unwrap();
        let dhaka = gazetteer.get("tz:Asia/Dhaka").unwrap();
        assert_eq!(
            dhaka.aliases_bn().collect::<Vec<_>>(),
            ["ডাকা", "ঢাকা মহানগর", "ঢাকা শহর"]
        );
        assert_eq!(gazetteer.len(), 1);
        assert_eq!(gazetteer.files(), 2);
    }
}

#[test]
fn extension_in_the_same_file_before_its_entity() {
    let text = file(&[&extension("x:1", "এক্স দুই"), &city("x:1", "X", "এক্স", "")]);
    let gazetteer = build(&[("a.tsv", &text)]).unwrap();
    assert_eq!(
        gazetteer
            .get("x:1")
            .unwrap()
            .aliases_bn()
            .collect::<Vec<_>>(),
        ["এক্স দুই"]
    );
}

#[test]
fn an_extension_that_repeats_a_name_is_a_duplicate() {
    let entity = file(&[&city("x:1", "X", "এক্স", "এক্স দুই")]);
    let extension = file(&["", &extension("x:1", "এক্স তিন|এক্স দুই")]);
    let errors = errors_of(&[("a.tsv", &entity), ("b.tsv", &extension)]);
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.file(), e.line(), e.column(), e.kind().clone()))
        .collect();
    assert_eq!(
        found,
        [(
            "b.tsv",
            3,
            Some(5),
            LoadErrorKind::DuplicateName {
                name: "এক্স দুই".into(),
                first: "এক্স দুই".into(),
                first_field: "aliases_bn"
            }
        )]
    );
}

#[test]
fn an_identical_redefinition_merges() {
    let a = file(&[&city("x:1", "X", "এক্স", "এ")]);
    let b = file(&[&row([
        "x:1",
        "city",
        "X",
        "এক্স",
        "বি",
        "Ex",
        "",
        "",
        "",
        "",
        "other",
    ])]);
    let gazetteer = build(&[("a.tsv", &a), ("b.tsv", &b)]).unwrap();
    let x = gazetteer.get("x:1").unwrap();
    assert_eq!((x.aliases_bn().count(), x.aliases_en().count()), (2, 1));
    assert_eq!(x.source(), "test");
}

#[test]
fn names_are_trimmed_and_display_normalized() {
    // ো typed as ে + া, a soft hyphen, spaces around.
    let text = file(&[&row([
        " x:1 ",
        " city ",
        " Korea ",
        " ক\u{09C7}\u{09BE}\u{AD}রিয়া ",
        "",
        "",
        "",
        "",
        " KR ",
        "",
        " t ",
    ])]);
    let gazetteer = build(&[("a.tsv", &text)]).unwrap();
    let korea = gazetteer.get("x:1").unwrap();
    assert_eq!(
        (korea.name_en(), korea.name_bn(), korea.code()),
        (
            "Korea",
            &*Normalizer::new().normalize_str("কোরিয়া"),
            Some("KR")
        )
    );
    assert_eq!(korea.source(), "t");
    assert_eq!(korea.parent(), None);
}

#[test]
fn comments_blank_lines_crlf_and_bom_are_accepted() {
    let text = format!(
        "\u{FEFF}# comment\r\n\r\n{HEADER}\r\n   \r\n# another\r\n{}\r\n",
        city("x:1", "X", "এক্স", "")
    );
    let gazetteer = build(&[("a.tsv", &text)]).unwrap();
    assert_eq!(gazetteer.get("x:1").unwrap().source(), "test");
}

/// Like the CSV reader, a lone `\r` ends a record; the record after it is on
/// the line its `\n`s say, not on the line after the next `\n`
/// (fuzz/regressions/gazetteer_tsv/lone-cr-line-number).
#[test]
fn a_record_after_a_lone_cr_keeps_its_line() {
    for (breaks, line) in [("\n\r", 2), ("\r\r", 1), ("\n\r\r\n", 3)] {
        let text = format!("{HEADER}{breaks}bad id\n\n\n");
        let found: Vec<_> = errors_of(&[("a.tsv", &text)])
            .iter()
            .map(|e| (e.line(), e.column()))
            .collect();
        // One cell where 11 are due: a column-count error at column 2.
        assert_eq!(found, [(line, Some(2))], "line breaks {breaks:?}");
    }
}

/// An invalid-UTF-8 record after a lone `\r` is reported once, at its real
/// offset (fuzz/regressions/gazetteer_tsv/lone-cr-bogus-invalid-utf8-offset).
#[test]
fn invalid_utf8_after_a_lone_cr_is_reported_once() {
    let bytes = b"\0\r\r\xAF\t\t\t\t\t\t\t\t\t\t\n";
    let errors = errors_of_bytes(bytes.as_slice());
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.line(), e.column(), e.kind().clone()))
        .collect();
    assert_eq!(
        found,
        [(1, Some(1), LoadErrorKind::InvalidUtf8 { byte_offset: 3 })],
        "{errors:?}"
    );
}

#[test]
fn lenient_mode_skips_and_reports_bad_rows() {
    let text = file(&[
        &city("x:1", "X", "এক্স", "এ||বি"),
        &city("x:2", "Y", "ওয়াই", ""),
        &extension("x:3", "তিন"),
        &row(["x:4", "city", "Z", "জেড", "", "", "", "", "", "x:404", "t"]),
        &row(["x:5", "city", "W", "ডব্লিউ", "", "", "", "", "", "x:2", "t"]),
    ]);
    let gazetteer = Gazetteer::builder()
        .embedded(false)
        .lenient(true)
        .add_str("a.tsv", &text)
        .build()
        .unwrap();
    let ids: Vec<_> = gazetteer.iter().map(|e| e.id()).collect();
    assert_eq!(ids, ["x:2", "x:4", "x:5"]);
    // The unknown parent is reported and the link dropped; a known one kept.
    assert_eq!(gazetteer.get("x:4").unwrap().parent(), None);
    assert_eq!(gazetteer.get("x:5").unwrap().parent(), Some("x:2"));
    let found: Vec<_> = gazetteer
        .warnings()
        .iter()
        .map(|e| (e.line(), e.column()))
        .collect();
    assert_eq!(found, [(2, Some(5)), (4, Some(1)), (5, Some(10))]);
    // Strict mode fails on the same text with the same errors.
    let strict = build(&[("a.tsv", &text)]).map(|_| ()).unwrap_err();
    assert_eq!(strict.as_slice(), gazetteer.warnings());
}

#[test]
fn an_unreadable_file_fails_even_in_lenient_mode() {
    let errors = Gazetteer::builder()
        .embedded(false)
        .lenient(true)
        .add_file("/nonexistent/gazetteer.tsv")
        .build()
        .unwrap_err();
    assert!(errors.has_io_error());
    let error = errors.iter().next().unwrap();
    assert_eq!(
        (error.file(), error.line(), error.column()),
        ("/nonexistent/gazetteer.tsv", 0, None)
    );
}

#[test]
fn common_words_are_compared_by_match_key() {
    let gazetteer = Gazetteer::builder()
        .embedded(false)
        .embedded_common_words(false)
        .add_common_words_str("w.txt", "# words\nমারা\t# die\nবার\n")
        .build()
        .unwrap();
    assert_eq!(gazetteer.common_word_count(), 2);
    assert!(gazetteer.is_common_word(" মারা "));
    assert!(gazetteer.is_common_word("বা\u{AD}র")); // same key once normalized
    assert!(!gazetteer.is_common_word("মার"));
}

/// Normalizing drops invisible characters that can hide trailing
/// whitespace from a trim before it; the stored word is trimmed after
/// normalizing, as `is_common_word` trims its argument
/// (fuzz/regressions/gazetteer_tsv/common-word-trailing-invisible).
#[test]
fn a_common_word_is_trimmed_after_normalizing() {
    let gazetteer = Gazetteer::builder()
        .embedded(false)
        .embedded_common_words(false)
        .add_common_words_str("w.txt", "x \u{200B}\nবার\u{200C} \u{200B}\n")
        .build()
        .unwrap();
    assert!(gazetteer.is_common_word("x"));
    assert!(gazetteer.is_common_word("x \u{200B}"));
    assert!(gazetteer.is_common_word("বার"), "U+09AC U+09BE U+09B0");
    assert_eq!(gazetteer.common_word_count(), 2);
}

#[test]
fn the_shipped_gazetteer_loads_without_errors() {
    let strict = GazetteerBuilder::new().build().map(|_| ());
    let errors = strict.as_ref().err().map(ToString::to_string);
    assert!(
        strict.is_ok(),
        "errors in the shipped data:\n{}",
        errors.unwrap_or_default()
    );
    let gazetteer = Gazetteer::embedded();
    assert!(gazetteer.warnings().is_empty());
    let stats: Stats = gazetteer.stats();
    assert!(stats.total() >= 5_000, "{stats}");
    assert_eq!(stats.iso_countries(), 249, "{stats}");
    assert!(stats.kind(Kind::Person) >= 300, "{stats}");
    assert!(stats.kind(Kind::Organization) >= 150, "{stats}");
    assert!(gazetteer.common_word_count() > 0);
    assert!(gazetteer.is_common_word("আইন") && gazetteer.is_common_word("সাল"));
}

#[test]
fn a_country_beats_a_macro_region() {
    let gazetteer = Gazetteer::embedded();
    let us = gazetteer.get("iso:US").unwrap();
    let americas = gazetteer.get("un:019").unwrap();
    assert_eq!(americas.kind(), Kind::Region);
    assert!(gazetteer.prior(us) > gazetteer.prior(americas));
}

#[test]
fn a_user_file_can_extend_a_shipped_entity() {
    let text = file(&[&row([
        "iso:RU",
        "",
        "",
        "",
        "রুশ ফেডারেশন ১",
        "Rossiya 1",
        "",
        "",
        "",
        "",
        "mine",
    ])]);
    let gazetteer = Gazetteer::builder()
        .add_str("mine.tsv", &text)
        .build()
        .unwrap();
    let russia = gazetteer.get("iso:RU").unwrap();
    assert!(russia.aliases_bn().any(|a| a == "রুশ ফেডারেশন ১"));
    assert_eq!(gazetteer.len(), Gazetteer::embedded().len());
}

#[test]
fn public_types_are_send_and_sync() {
    fn both<T: Send + Sync>() {}
    both::<Gazetteer>();
    both::<GazetteerBuilder>();
    both::<Entity>();
    // Names borrowed from the embedded text must not cost `Send + Sync`.
    both::<bengali_names::gazetteer::Names<'static>>();
    both::<LoadError>();
    both::<bengali_names::gazetteer::LoadErrors>();
    both::<Stats>();
}

#[cfg(feature = "cli")]
mod cli {
    use std::process::Command;

    use super::*;

    fn run(args: &[&str]) -> (Option<i32>, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_bengali-names"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// A file in a directory of its own, removed with the returned guard.
    fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, String) {
        let dir = tempfile::Builder::new()
            .prefix("bengali-names-gz-")
            .tempdir()
            .unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        (dir, path.display().to_string())
    }

    #[test]
    fn check_prints_located_errors_and_exits_1() {
        let (_dir, path) = temp_file(
            "bad.tsv",
            &file(&[
                &row(["x:1", "town", "X", "এক্স", "", "", "", "", "", "", "t"]),
                &extension("iso:RU", "রুশিয়া ১"),
            ]),
        );
        let (code, stdout, stderr) = run(&["gazetteer", "check", &path]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stdout.is_empty());
        assert!(
            stderr.starts_with(&format!("{path}:2:2: unknown kind")),
            "{stderr}"
        );
    }

    #[test]
    fn check_accepts_good_files_and_rejects_missing_ones() {
        let (_dir, path) = temp_file(
            "good.tsv",
            &file(&[&city("x:1", "X", "এক্স", ""), &extension("iso:RU", "রুশিয়া ২")]),
        );
        let (code, stdout, _) = run(&["gazetteer", "check", &path]);
        assert_eq!(code, Some(0));
        assert_eq!(stdout, "ok: 1 entities in 1 files\n");
        let (code, _, stderr) = run(&["gazetteer", "check", "/nonexistent/x.tsv"]);
        assert_eq!(code, Some(2));
        assert!(stderr.contains("/nonexistent/x.tsv"), "{stderr}");
    }

    #[test]
    fn stats_prints_kinds_sources_and_iso_coverage() {
        let (code, stdout, stderr) = run(&["gazetteer", "stats"]);
        assert_eq!(code, Some(0), "{stderr}");
        for needle in [
            "by kind:",
            "by source:",
            "total entities: ",
            "ISO 3166-1 countries with codes: 249 of 249",
        ] {
            assert!(stdout.contains(needle), "{needle}: {stdout}");
        }
    }
}
