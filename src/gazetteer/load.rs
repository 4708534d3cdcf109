//! Reading one gazetteer file into validated rows.
//!
//! Everything that can be checked on a row alone is checked here; what needs
//! the other rows and files (ids, extension targets, parents) is the
//! builder's job. A row with any error is reported and left out, never
//! half-loaded.

use core::ops::Range;
use std::sync::Arc;

use super::error::{LoadError, LoadErrorKind};
use super::{Kind, NameField, COLUMNS};
use crate::normalize::key::{self, MatchKey};
use crate::script::{class_of, BengaliClass, ZWJ, ZWNJ};
use crate::Normalizer;

/// 1-based column numbers, named for readability at the call sites.
pub(crate) mod col {
    pub const ID: usize = 1;
    pub const KIND: usize = 2;
    pub const NAME_EN: usize = 3;
    pub const NAME_BN: usize = 4;
    pub const CODE: usize = 9;
    pub const PARENT: usize = 10;
    pub const SOURCE: usize = 11;
}

/// The name of a 1-based column.
pub(crate) fn column_name(column: usize) -> &'static str {
    column
        .checked_sub(1)
        .and_then(|i| COLUMNS.get(i))
        .copied()
        .unwrap_or("(past the last column)")
}

/// The column a name field is written in.
pub(crate) fn column_of(field: NameField) -> usize {
    match field {
        NameField::NameEn => 3,
        NameField::NameBn => 4,
        NameField::AliasBn => 5,
        NameField::AliasEn => 6,
        NameField::DemonymBn => 7,
        NameField::DemonymEn => 8,
    }
}

/// One row's 11 cells, borrowed from the file or the record.
#[derive(Debug, PartialEq)]
struct RawRow<'a> {
    id: &'a str,
    kind: &'a str,
    name_en: &'a str,
    name_bn: &'a str,
    aliases_bn: &'a str,
    aliases_en: &'a str,
    demonyms_bn: &'a str,
    demonyms_en: &'a str,
    code: &'a str,
    parent: &'a str,
    source: &'a str,
}

/// A row that passed every check that needs only the row itself, with its
/// names in display form.
#[derive(Debug)]
pub(crate) struct Row {
    pub file: Arc<str>,
    pub line: u64,
    pub id: String,
    /// `None` for an extension row.
    pub kind: Option<Kind>,
    /// Empty on an extension row.
    pub name_en: String,
    /// Empty on an extension row.
    pub name_bn: String,
    pub aliases_bn: Vec<String>,
    pub aliases_en: Vec<String>,
    pub demonyms_bn: Vec<String>,
    pub demonyms_en: Vec<String>,
    pub code: Option<String>,
    pub parent: Option<String>,
    pub source: String,
}

impl Row {
    /// The row's aliases and demonyms with their fields.
    pub fn list_names(&self) -> impl Iterator<Item = (NameField, &str)> + '_ {
        let lists: [(NameField, &[String]); 4] = [
            (NameField::AliasBn, &self.aliases_bn),
            (NameField::AliasEn, &self.aliases_en),
            (NameField::DemonymBn, &self.demonyms_bn),
            (NameField::DemonymEn, &self.demonyms_en),
        ];
        lists
            .into_iter()
            .flat_map(|(field, names)| names.iter().map(move |name| (field, name.as_str())))
    }

    fn list_mut(&mut self, field: NameField) -> &mut Vec<String> {
        match field {
            NameField::AliasBn => &mut self.aliases_bn,
            NameField::AliasEn => &mut self.aliases_en,
            NameField::DemonymBn => &mut self.demonyms_bn,
            // Canonical names are not lists; `check_row` never asks for them.
            NameField::DemonymEn | NameField::NameEn | NameField::NameBn => &mut self.demonyms_en,
        }
    }
}

/// Buffers reused from row to row: loading allocates little more than the
/// strings it keeps.
struct Scratch<'n> {
    normalizer: &'n Normalizer,
    key: MatchKey,
    /// Match keys of the current row's names, back to back.
    keys: Vec<u8>,
    /// Display forms of the current row's names, back to back.
    displays: String,
    /// Each name's spans in `keys` and `displays`, with its field.
    spans: Vec<(Range<usize>, Range<usize>, NameField)>,
}

/// Reads one file, handing each row that passes to `each`; every problem is
/// pushed to `errors`.
pub(crate) fn parse(
    file: &Arc<str>,
    bytes: &[u8],
    normalizer: &Normalizer,
    errors: &mut Vec<LoadError>,
    mut each: impl FnMut(Row),
) {
    let error = |line: u64, column: Option<usize>, kind: LoadErrorKind| {
        LoadError::new(Arc::clone(file), line, column, kind)
    };
    let (bad_lines, text) = invalid_utf8(bytes, |line, column, byte_offset| {
        errors.push(error(
            line,
            Some(column),
            LoadErrorKind::InvalidUtf8 { byte_offset },
        ));
    });
    // A byte-order mark is not part of the first column's name.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = text.map(|t| t.strip_prefix('\u{FEFF}').unwrap_or(t));
    let mut reader = reader(body);
    let mut scratch = Scratch {
        normalizer,
        key: MatchKey::default(),
        keys: Vec::new(),
        displays: String::new(),
        spans: Vec::new(),
    };
    let mut seen_header = false;
    let (mut line, mut lines_counted) = (1u64, 0usize);
    let mut record = csv::ByteRecord::new();
    // Byte records over bytes in memory cannot fail: there is no I/O and no
    // UTF-8 check (that is done above, with offsets).
    while let Ok(true) = reader.read_byte_record(&mut record) {
        // A record's position is where the reader started, before the
        // comment and blank lines it skipped.
        let start = skip_ignored_lines(body, record.position().map_or(0, csv::Position::byte));
        // The reader's own line count misses comment and blank lines;
        // count newlines up to the record's first byte instead.
        let counted = usize::try_from(start).unwrap_or(usize::MAX);
        line += body
            .get(lines_counted..counted)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        lines_counted = lines_counted.max(counted);
        if bad_lines.binary_search(&line).is_ok() {
            // Reported already; the header is taken to be this line.
            seen_header = true;
            continue;
        }
        if is_blank(&record) {
            continue;
        }
        if !seen_header {
            seen_header = true;
            check_header(&record, |column, kind| {
                errors.push(error(line, Some(column), kind));
            });
            continue;
        }
        if record.len() != COLUMNS.len() {
            let column = record.len().min(COLUMNS.len()) + 1;
            errors.push(error(
                line,
                Some(column),
                LoadErrorKind::ColumnCount {
                    found: record.len(),
                },
            ));
            continue;
        }
        let raw = match cells(&record, text, start) {
            Some(raw) => raw,
            None => {
                errors.push(error(
                    line,
                    None,
                    LoadErrorKind::InvalidUtf8 { byte_offset: start },
                ));
                continue;
            }
        };
        let before = errors.len();
        let row = check_row(file, line, &raw, &mut scratch, &mut |column, kind| {
            errors.push(error(line, Some(column), kind));
        });
        if errors.len() == before {
            each(row);
        }
    }
    if !seen_header {
        errors.push(error(0, None, LoadErrorKind::MissingHeader));
    }
}

/// The offset of the first record at or after `at` that the reader does not
/// skip (comments and empty records).
fn skip_ignored_lines(body: &[u8], mut at: u64) -> u64 {
    loop {
        let rest = usize::try_from(at)
            .ok()
            .and_then(|at| body.get(at..))
            .unwrap_or_default();
        match rest.first() {
            // Like the reader, a lone `\r` ends an (empty) record just as
            // `\n` does: skipping to the next `\n` would pass over the
            // record that follows it (`\n\r`, `\r\r`) and misnumber it.
            Some(b'\n' | b'\r') => at += 1,
            // A comment runs to the `\n`, past any `\r`.
            Some(b'#') => match rest.iter().position(|&b| b == b'\n') {
                Some(end) => at += end as u64 + 1,
                None => return at,
            },
            _ => return at,
        }
    }
}

/// A reader for gazetteer records.
fn reader(body: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        // Column counts are checked here, with the line number.
        .flexible(true)
        // A `"` is an ordinary character in a name.
        .quoting(false)
        .comment(Some(b'#'))
        .from_reader(body)
}

/// The 11 cells of `record`, which starts at byte `start` of the file.
///
/// Where the whole file is valid UTF-8 (`text`, validated once by
/// [`invalid_utf8`]), each cell is sliced from it rather than validated a
/// second time: the reader neither quotes nor trims, so a cell is the bytes
/// between its tabs, and slicing a `str` only checks two char boundaries.
/// Each slice is compared with the reader's cell, so the result is exactly
/// what validating the cell gives; any mismatch falls back to that.
/// `None` when a cell is not UTF-8.
fn cells<'a>(record: &'a csv::ByteRecord, text: Option<&'a str>, start: u64) -> Option<RawRow<'a>> {
    let start = usize::try_from(start).ok()?;
    let mut cells = [""; 11];
    for (i, cell) in cells.iter_mut().enumerate() {
        let bytes = record.get(i)?;
        let sliced = record
            .range(i)
            .and_then(|range| {
                // One tab before each cell but the first.
                let at = start + range.start + i;
                text?.get(at..at + bytes.len())
            })
            .filter(|sliced| sliced.as_bytes() == bytes);
        *cell = match sliced {
            Some(sliced) => sliced,
            None => core::str::from_utf8(bytes).ok()?,
        };
    }
    let [id, kind, name_en, name_bn, aliases_bn, aliases_en, demonyms_bn, demonyms_en, code, parent, source] =
        cells;
    Some(RawRow {
        id,
        kind,
        name_en,
        name_bn,
        aliases_bn,
        aliases_en,
        demonyms_bn,
        demonyms_en,
        code,
        parent,
        source,
    })
}

/// Finds every invalid UTF-8 sequence, reporting its line, column (field
/// number) and byte offset; returns the bad line numbers in order, and the
/// file as text when it is all valid.
fn invalid_utf8(bytes: &[u8], mut report: impl FnMut(u64, usize, u64)) -> (Vec<u64>, Option<&str>) {
    let mut bad = Vec::new();
    let mut at = 0;
    while let Some(rest) = bytes.get(at..) {
        let error = match core::str::from_utf8(rest) {
            Ok(text) if at == 0 => return (bad, Some(text)),
            Ok(_) => break,
            Err(error) => error,
        };
        let offset = at + error.valid_up_to();
        let before = bytes.get(..offset).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
        let column = 1 + before
            .get(line_start..)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\t')
            .count();
        report(line, column, offset as u64);
        if bad.last() != Some(&line) {
            bad.push(line);
        }
        // Resume after the bad sequence (or one byte, at a truncated end).
        at = offset + error.error_len().unwrap_or(1);
    }
    (bad, None)
}

/// A line with nothing but whitespace counts as blank.
fn is_blank(record: &csv::ByteRecord) -> bool {
    record.len() <= 1 && record.iter().all(|f| f.trim_ascii().is_empty())
}

fn check_header(record: &csv::ByteRecord, mut report: impl FnMut(usize, LoadErrorKind)) {
    for i in 0..record.len().max(COLUMNS.len()) {
        let found = record
            .get(i)
            .map(|f| String::from_utf8_lossy(f.trim_ascii()).into_owned());
        let expected = COLUMNS.get(i).copied();
        let found_text = found.as_deref().map(|f| f.trim_start_matches('\u{FEFF}'));
        if found_text != expected {
            report(
                i + 1,
                LoadErrorKind::BadHeader {
                    expected: expected.unwrap_or("(end of row)"),
                    found: found_text.unwrap_or_default().to_owned(),
                },
            );
            return;
        }
    }
}

/// Checks one row of 11 fields; reports every problem with its column.
fn check_row(
    file: &Arc<str>,
    line: u64,
    raw: &RawRow<'_>,
    scratch: &mut Scratch<'_>,
    report: &mut dyn FnMut(usize, LoadErrorKind),
) -> Row {
    scratch.keys.clear();
    scratch.displays.clear();
    scratch.spans.clear();
    let id = raw.id.trim();
    if !is_valid_id(id) {
        report(col::ID, LoadErrorKind::InvalidId { id: id.to_owned() });
    }
    let optional = |text: &str| {
        Some(text.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let mut row = Row {
        file: Arc::clone(file),
        line,
        id: id.to_owned(),
        kind: None,
        name_en: String::new(),
        name_bn: String::new(),
        aliases_bn: Vec::new(),
        aliases_en: Vec::new(),
        demonyms_bn: Vec::new(),
        demonyms_en: Vec::new(),
        code: optional(raw.code),
        parent: optional(raw.parent),
        source: raw.source.trim().to_owned(),
    };
    let kind_text = raw.kind.trim();
    let extension =
        kind_text.is_empty() && raw.name_en.trim().is_empty() && raw.name_bn.trim().is_empty();
    if !extension {
        if kind_text.is_empty() {
            report(col::KIND, LoadErrorKind::EmptyField { field: "kind" });
        } else {
            match kind_text.parse::<Kind>() {
                Ok(kind) => row.kind = Some(kind),
                Err(_) => report(
                    col::KIND,
                    LoadErrorKind::UnknownKind {
                        found: kind_text.to_owned(),
                    },
                ),
            }
        }
        for (field, text) in [
            (NameField::NameEn, raw.name_en),
            (NameField::NameBn, raw.name_bn),
        ] {
            let column = column_of(field);
            if text.trim().is_empty() {
                report(
                    column,
                    LoadErrorKind::EmptyField {
                        field: column_name(column),
                    },
                );
            } else if let Some(name) = scratch.check_name(field, text, report) {
                match field {
                    NameField::NameEn => row.name_en = name,
                    _ => row.name_bn = name,
                }
            }
        }
        if row.source.is_empty() {
            report(col::SOURCE, LoadErrorKind::EmptyField { field: "source" });
        }
    }
    for (field, cell) in [
        (NameField::AliasBn, raw.aliases_bn),
        (NameField::AliasEn, raw.aliases_en),
        (NameField::DemonymBn, raw.demonyms_bn),
        (NameField::DemonymEn, raw.demonyms_en),
    ] {
        if cell.trim().is_empty() {
            continue;
        }
        let mut empty_reported = false;
        for element in cell.split('|') {
            if element.trim().is_empty() {
                if !empty_reported {
                    let column = column_of(field);
                    report(
                        column,
                        LoadErrorKind::EmptyListElement {
                            field: column_name(column),
                        },
                    );
                    empty_reported = true;
                }
            } else if let Some(name) = scratch.check_name(field, element, report) {
                row.list_mut(field).push(name);
            }
        }
    }
    row
}

/// Ids are printable ASCII without spaces: they go into URLs, JSON and
/// command lines unquoted.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_graphic())
}

impl Scratch<'_> {
    /// Normalizes and checks one name of the current row; returns its
    /// display form if it passes.
    fn check_name(
        &mut self,
        field: NameField,
        text: &str,
        report: &mut dyn FnMut(usize, LoadErrorKind),
    ) -> Option<String> {
        let column = column_of(field);
        let display = self.normalizer.normalize_str(text.trim());
        let display = display.trim();
        self.key.refill(display);
        let key = self.key.bytes();
        if !key.iter().any(|&b| key::is_word_byte(b)) {
            report(
                column,
                LoadErrorKind::NormalizesToNothing {
                    name: text.to_owned(),
                },
            );
            return None;
        }
        if let Some((char_index, sign)) = baseless_sign(display) {
            report(
                column,
                LoadErrorKind::MalformedBengali {
                    name: display.to_owned(),
                    sign,
                    char_index,
                },
            );
            return None;
        }
        let earlier = self
            .spans
            .iter()
            .find(|(span, _, _)| self.keys.get(span.clone()) == Some(key));
        if let Some((_, first, first_field)) = earlier {
            report(
                column,
                LoadErrorKind::DuplicateName {
                    name: display.to_owned(),
                    first: self
                        .displays
                        .get(first.clone())
                        .unwrap_or_default()
                        .to_owned(),
                    first_field: column_name(column_of(*first_field)),
                },
            );
            return None;
        }
        let (key_start, display_start) = (self.keys.len(), self.displays.len());
        self.keys.extend_from_slice(key);
        self.displays.push_str(display);
        self.spans.push((
            key_start..self.keys.len(),
            display_start..self.displays.len(),
            field,
        ));
        Some(display.to_owned())
    }
}

/// The first sign that needs a base letter (vowel sign, virama, nukta,
/// candrabindu/anusvara/visarga) but follows no Bengali letter: at the start
/// of the name, after a space, a digit, punctuation or a Latin letter.
fn baseless_sign(name: &str) -> Option<(usize, char)> {
    let mut previous: Option<char> = None;
    for (index, c) in name.chars().enumerate() {
        if class_of(c).is_some_and(BengaliClass::is_mark) {
            let has_base = previous.is_some_and(|p| {
                p == ZWJ
                    || p == ZWNJ
                    || class_of(p)
                        .is_some_and(|class| class.is_word() && class != BengaliClass::Digit)
            });
            if !has_base {
                return Some((index, c));
            }
        }
        previous = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path (cells sliced from the once-validated file) is taken
    /// for every row of the shipped files and gives what validating each
    /// cell gives.
    #[test]
    fn sliced_cells_equal_validated_cells_in_the_shipped_files() {
        let mut rows = 0;
        for file in super::super::embedded::FILES {
            let text = file.text.strip_prefix('\u{FEFF}').unwrap_or(file.text);
            let mut reader = reader(text.as_bytes());
            let mut record = csv::ByteRecord::new();
            while reader.read_byte_record(&mut record).unwrap() {
                if record.len() != COLUMNS.len() {
                    continue;
                }
                let start = skip_ignored_lines(text.as_bytes(), record.position().unwrap().byte());
                let fast = cells(&record, Some(text), start).unwrap();
                let slow = cells(&record, None, start).unwrap();
                assert_eq!(fast, slow, "{}:{start}", file.path);
                let within = text.as_bytes().as_ptr_range();
                assert!(within.contains(&fast.source.as_ptr()) || fast.source.is_empty());
                assert!(within.contains(&fast.id.as_ptr()), "{}:{start}", file.path);
                rows += 1;
            }
        }
        assert!(rows > 1000, "{rows} rows");
    }

    #[test]
    fn baseless_signs_are_found_at_starts_and_after_spaces() {
        assert_eq!(baseless_sign("\u{09BF}ক"), Some((0, '\u{09BF}')));
        assert_eq!(baseless_sign("ক \u{09CD}খ"), Some((2, '\u{09CD}')));
        assert_eq!(baseless_sign("1\u{09BC}"), Some((1, '\u{09BC}')));
        assert_eq!(baseless_sign("কি খ্র র\u{200D}\u{09CD}য আঁ"), None);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let mut found = Vec::new();
        let (lines, text) =
            invalid_utf8(b"ab\ncd\t\xFFx\xFE\n\xC3", |l, c, o| found.push((l, c, o)));
        assert_eq!(found, vec![(2, 2, 6), (2, 2, 8), (3, 1, 10)]);
        assert_eq!(lines, vec![2, 3]);
        assert_eq!(text, None);
        assert_eq!(
            invalid_utf8(b"ab\tc", |_, _, _| ()),
            (vec![], Some("ab\tc"))
        );
    }

    #[test]
    fn column_names_match_columns() {
        assert_eq!(column_name(col::CODE), "code");
        assert_eq!(column_name(col::PARENT), "parent");
        assert_eq!(column_name(12), "(past the last column)");
        assert_eq!(column_name(column_of(NameField::AliasBn)), "aliases_bn");
        assert_eq!(column_name(column_of(NameField::DemonymEn)), "demonyms_en");
    }
}
