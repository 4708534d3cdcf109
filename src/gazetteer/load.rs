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
use crate::normalize::key;
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
    /// Match keys of the current row's names, back to back.
    keys: Vec<u8>,
    /// Display forms of the current row's names, back to back.
    displays: String,
    /// Each name's spans in `keys` and `displays`, with its field.
    spans: Vec<(Range<usize>, Range<usize>, NameField)>,
}

/// Reads one file, handing each row that passes to `each`; every problem is
/// pushed to `errors`. `text` is the file as text when the caller already
/// knows it is valid UTF-8 (the shipped files), which saves validating it.
pub(crate) fn parse(
    file: &Arc<str>,
    bytes: &[u8],
    text: Option<&str>,
    normalizer: &Normalizer,
    errors: &mut Vec<LoadError>,
    mut each: impl FnMut(Row),
) {
    let error = |line: u64, column: Option<usize>, kind: LoadErrorKind| {
        LoadError::new(Arc::clone(file), line, column, kind)
    };
    let (bad_lines, text) = match text {
        Some(text) => (Vec::new(), Some(text)),
        None => invalid_utf8(bytes, |line, column, byte_offset| {
            errors.push(error(
                line,
                Some(column),
                LoadErrorKind::InvalidUtf8 { byte_offset },
            ));
        }),
    };
    // A byte-order mark is not part of the first column's name.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = text.map(|t| t.strip_prefix('\u{FEFF}').unwrap_or(t));
    let mut scratch = Scratch {
        normalizer,
        keys: Vec::new(),
        displays: String::new(),
        spans: Vec::new(),
    };
    let mut seen_header = false;
    for record in Records::new(body) {
        let line = record.line;
        if bad_lines.binary_search(&line).is_ok() {
            // Reported already; the header is taken to be this line.
            seen_header = true;
            continue;
        }
        if is_blank(record.bytes) {
            continue;
        }
        if !seen_header {
            seen_header = true;
            check_header(record.bytes, |column, kind| {
                errors.push(error(line, Some(column), kind));
            });
            continue;
        }
        let found = record.cells;
        if found != COLUMNS.len() {
            let column = found.min(COLUMNS.len()) + 1;
            errors.push(error(
                line,
                Some(column),
                LoadErrorKind::ColumnCount { found },
            ));
            continue;
        }
        let raw = match cells(&record, text) {
            Some(raw) => raw,
            None => {
                errors.push(error(
                    line,
                    None,
                    LoadErrorKind::InvalidUtf8 {
                        byte_offset: record.start as u64,
                    },
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

/// One record: the bytes of a line up to its end (or a lone `\r`), without
/// the terminator.
#[derive(Debug, PartialEq)]
struct Record<'a> {
    /// 1-based: one more than the `\n` bytes before the record.
    line: u64,
    /// Byte offset of the record in the body.
    start: usize,
    bytes: &'a [u8],
    /// How many cells the record has (tabs + 1).
    cells: usize,
    /// Offsets in `bytes` of its first ten tabs, which end the first ten
    /// of the eleven cells of a row.
    tabs: [usize; 10],
}

/// The records of a body, read as the format defines them (and as the `csv`
/// crate reads tab-separated text with quoting off and `#` comments): a
/// record ends at `\r` or `\n`; empty records are skipped; a `#` where a
/// record would start makes a comment that runs to the next `\n` (past any
/// `\r`). Cells are split at tabs by the caller.
///
/// Written out rather than using a general CSV reader: with no quoting a
/// record is a slice of the body, so there is nothing to copy, and line
/// numbers are counted on the way.
struct Records<'a> {
    body: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> Records<'a> {
    fn new(body: &'a [u8]) -> Self {
        Records {
            body,
            at: 0,
            line: 1,
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        loop {
            let rest = self.body.get(self.at..)?;
            match rest.first()? {
                b'\n' => {
                    self.line += 1;
                    self.at += 1;
                }
                b'\r' => self.at += 1,
                b'#' => match memchr::memchr(b'\n', rest) {
                    Some(end) => {
                        self.line += 1;
                        self.at += end + 1;
                    }
                    // A comment that ends the body without a newline reads
                    // as an empty record on its line, as the `csv` crate
                    // reads it (blank, so skipped unless the line is bad).
                    None => {
                        let start = self.at;
                        self.at = self.body.len();
                        return Some(Record {
                            line: self.line,
                            start,
                            bytes: &[],
                            cells: 1,
                            tabs: [0; 10],
                        });
                    }
                },
                _ => {
                    let (len, cells, tabs) = scan_record(rest);
                    let start = self.at;
                    self.at += len;
                    return Some(Record {
                        line: self.line,
                        start,
                        bytes: rest.get(..len)?,
                        cells,
                        tabs,
                    });
                }
            }
        }
    }
}

/// The length of the record that starts `rest` (up to its `\r` or `\n`), its
/// cell count and its first ten tabs, in one pass of `memchr` over the
/// three bytes that matter.
fn scan_record(rest: &[u8]) -> (usize, usize, [usize; 10]) {
    let (mut cells, mut tabs) = (1, [0; 10]);
    for at in memchr::memchr3_iter(b'\t', b'\n', b'\r', rest) {
        if rest.get(at) != Some(&b'\t') {
            return (at, cells, tabs);
        }
        if let Some(tab) = tabs.get_mut(cells - 1) {
            *tab = at;
        }
        cells += 1;
    }
    (rest.len(), cells, tabs)
}

/// How many `\n` bytes there are (the builder sizes its tables by it,
/// before reading any row).
pub(crate) fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The 11 cells of `record`, whose column count has been checked.
///
/// Where the whole file is valid UTF-8 (`text`), each cell is sliced from it
/// rather than validated a second time: tabs and line ends are ASCII, so
/// they never split a character. `None` when a cell is not UTF-8.
fn cells<'a>(record: &Record<'a>, text: Option<&'a str>) -> Option<RawRow<'a>> {
    let line = text.and_then(|text| text.get(record.start..record.start + record.bytes.len()));
    let mut cells = [""; 11];
    let mut from = 0;
    for (i, cell) in cells.iter_mut().enumerate() {
        let to = record.tabs.get(i).copied().unwrap_or(record.bytes.len());
        *cell = match line {
            Some(line) => line.get(from..to)?,
            None => core::str::from_utf8(record.bytes.get(from..to)?).ok()?,
        };
        from = to + 1;
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
fn is_blank(record: &[u8]) -> bool {
    !record.contains(&b'\t') && record.trim_ascii().is_empty()
}

fn check_header(record: &[u8], mut report: impl FnMut(usize, LoadErrorKind)) {
    let mut cells = record.split(|&b| b == b'\t');
    for i in 0.. {
        let found = cells
            .next()
            .map(|f| String::from_utf8_lossy(f.trim_ascii()).into_owned());
        if found.is_none() && i >= COLUMNS.len() {
            return;
        }
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
    let id = trim(raw.id);
    if !is_valid_id(id) {
        report(col::ID, LoadErrorKind::InvalidId { id: id.to_owned() });
    }
    let optional = |text: &str| {
        Some(trim(text))
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
        source: trim(raw.source).to_owned(),
    };
    let kind_text = trim(raw.kind);
    let extension =
        kind_text.is_empty() && trim(raw.name_en).is_empty() && trim(raw.name_bn).is_empty();
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
            if trim(text).is_empty() {
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
        if trim(cell).is_empty() {
            continue;
        }
        let mut empty_reported = false;
        for element in cell.split('|') {
            if trim(element).is_empty() {
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

/// `str::trim`, with a shortcut for the usual cell: one that starts with a
/// printable ASCII or Bengali-block byte (no whitespace starts with one)
/// and ends in a character that is not whitespace.
fn trim(text: &str) -> &str {
    let clean_start = text
        .as_bytes()
        .first()
        .is_some_and(|&b| (0x21..0x7F).contains(&b) || b == 0xE0);
    if clean_start && text.chars().next_back().is_some_and(|c| !c.is_whitespace()) {
        text
    } else {
        text.trim()
    }
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
        let display = self.normalizer.normalize_str(trim(text));
        let display = trim(&display);
        // The key goes straight into the row's key buffer, and is taken back
        // out if the name fails.
        let key_start = self.keys.len();
        key::fold_into(display, &mut self.keys);
        let key = self.keys.get(key_start..).unwrap_or_default();
        if !key.iter().any(|&b| key::is_word_byte(b)) {
            self.keys.truncate(key_start);
            report(
                column,
                LoadErrorKind::NormalizesToNothing {
                    name: text.to_owned(),
                },
            );
            return None;
        }
        if let Some((char_index, sign)) = baseless_sign(display) {
            self.keys.truncate(key_start);
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
            let error = LoadErrorKind::DuplicateName {
                name: display.to_owned(),
                first: self
                    .displays
                    .get(first.clone())
                    .unwrap_or_default()
                    .to_owned(),
                first_field: column_name(column_of(*first_field)),
            };
            self.keys.truncate(key_start);
            report(column, error);
            return None;
        }
        let display_start = self.displays.len();
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
    // Every sign is outside ASCII; half the names are English.
    if name.is_ascii() {
        return None;
    }
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

    /// Records, line numbers and cells as the `csv` crate (tab-delimited,
    /// quoting off, `#` comments) and a newline count give them.
    fn reference(body: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .has_headers(false)
            .flexible(true)
            .quoting(false)
            .comment(Some(b'#'))
            .from_reader(body);
        let mut record = csv::ByteRecord::new();
        let mut found = Vec::new();
        let (mut line, mut counted) = (1, 0);
        while reader.read_byte_record(&mut record).unwrap() {
            // The position is where the reader started: before skipped
            // line ends and comments. The first cell's bytes start the record.
            let from = record.position().unwrap().byte() as usize;
            let mut start = from;
            while start < body.len() {
                match body[start] {
                    b'\n' | b'\r' => start += 1,
                    b'#' => match body[start..].iter().position(|&b| b == b'\n') {
                        Some(end) => start += end + 1,
                        None => start = body.len(),
                    },
                    _ => break,
                }
            }
            line += body[counted..start].iter().filter(|&&b| b == b'\n').count() as u64;
            counted = start;
            found.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        found
    }

    fn split(body: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        Records::new(body)
            .map(|r| {
                assert_eq!(&body[r.start..r.start + r.bytes.len()], r.bytes);
                let tabs: Vec<usize> = (0..r.bytes.len())
                    .filter(|&i| r.bytes[i] == b'\t')
                    .collect();
                assert_eq!(r.cells, tabs.len() + 1);
                assert!(tabs.iter().zip(&r.tabs).all(|(a, b)| a == b));
                (
                    r.line,
                    r.bytes.split(|&b| b == b'\t').map(<[u8]>::to_vec).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn records_are_read_as_the_csv_crate_reads_them() {
        let tricky: &[&[u8]] = &[
            b"a\tb\nc\td",
            b"a\r\nb\r\n\r\nc\n",
            b"a\rb\n\rc\r\rd\n\n",
            b"# x\r y\na\n#\n\n#z",
            b"a\r#c\rd\ne\n",
            b"\t\n \n\t\t\n#\t\na\t",
            b"\"q\"\t\"r\tx\"\n a # b\n",
            b"",
            b"\n\n\r",
            b"#",
            b"a\xFF\tb\n\xE0\xA6\n",
            b"\x89\x8A\x8D\x0B\x0C abcdefgh\t\x89\x8A\x8D\x08\x0E\r\x8A\t\t\t\t\t\t\t\t\t\t\t\t\n",
            b"0123456789abcdef\t0123456\t\t\t\t\t\t\t\t\t\t\t\t\txyz\n",
            "ঢাকা\tঢাকা বিভাগ\tabcdefghijklmnopq\r\n".as_bytes(),
        ];
        for body in tricky {
            assert_eq!(split(body), reference(body), "{body:?}");
        }
        for file in super::super::embedded::FILES {
            let body = file.text.as_bytes();
            assert_eq!(split(body), reference(body), "{}", file.path);
        }
    }

    #[test]
    fn trim_is_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{A0}ক\u{3000}",
            "ক",
            "ক\u{2009}",
            "\u{2003}x",
            "a\tb",
            "ক\u{85}",
            "\u{1680}ক",
            "#",
            "\u{0800}a",
        ] {
            assert_eq!(
                trim(text),
                text.trim(),
                "{:04X?}",
                text.chars().map(u32::from).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn newlines_are_counted_in_any_bytes() {
        let bytes: Vec<u8> = (0..=255u8)
            .chain(b"\n\n\x8A\x0A\n".iter().copied())
            .collect();
        for start in 0..9 {
            let part = &bytes[start..];
            let expected = part.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(part), expected, "from {start}");
        }
        assert_eq!(count_newlines(b"\n\n\n\n\n\n\n\n\n"), 9);
    }

    #[test]
    fn cells_are_sliced_or_validated_alike() {
        let body = "a\tক\tb\t\t\t\t\t\t\t\tz\nx\ty";
        let record = Records::new(body.as_bytes()).next().unwrap();
        let fast = cells(&record, Some(body)).unwrap();
        assert_eq!(fast, cells(&record, None).unwrap());
        assert_eq!((fast.kind, fast.name_en, fast.source), ("ক", "b", "z"));
        let bad = Records::new(b"a\t\xFF\tb").next().unwrap();
        assert_eq!(cells(&bad, None), None);
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
