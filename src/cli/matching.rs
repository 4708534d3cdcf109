//! `bengali-names match`: entity mentions in Bengali text, streamed.
//!
//! Each input file is one document (stdin is one document), so a partial
//! name (শোইগু) links to the person named fully anywhere earlier in the
//! same file; `--documents paragraph|line` starts a new document after each
//! blank line or each line, for files that hold many articles. Offsets
//! count from the start of each file.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bengali_names::matcher::{Document, Mention, UnlistedName};
use bengali_names::{CharCounter, Gazetteer, Matcher};
use serde::Serialize;

use super::parallel::{self, Batch, Batches};
use super::{Chunk, ChunkStream, CliError, InputArgs};

/// Output formats of `match`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per mention.
    Jsonl,
    /// Tab-separated values with a header row.
    Tsv,
    /// The input with mentions marked as [text|name_en], for people.
    Text,
}

/// Where `match` starts a new document, forgetting who was named (see
/// [`Document::reset`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Documents {
    /// Each input file is one document (stdin is one).
    File,
    /// A blank line (or one of whitespace only) ends a document: a file of
    /// articles separated by blank lines.
    Paragraph,
    /// Each line is a document: one article a line.
    Line,
}

impl Documents {
    /// Whether the document ends with `chunk` (a line, or a piece of a
    /// line too long to read whole, which ends without its line break).
    fn ends_with(self, chunk: &Chunk) -> bool {
        match self {
            Documents::File => false,
            Documents::Paragraph => chunk.text.trim().is_empty(),
            Documents::Line => chunk.text.ends_with('\n'),
        }
    }
}

/// Options shared by `match` and `resolve`: which gazetteer, which rules.
#[derive(Debug, clap::Args)]
pub struct MatcherArgs {
    /// Also load this gazetteer file (repeatable); a bad file exits 2.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Also load this suffix list (format of data/suffixes.txt; repeatable).
    #[arg(long = "suffixes", value_name = "FILE")]
    suffixes: Vec<PathBuf>,
    /// Also load this common-word list (format of data/common_words.txt;
    /// repeatable): words no alias may be read as alone; glossed `name
    /// part` after a tab, parts of people's names (also read by
    /// `--unlisted`); glossed `national body`, names many countries' bodies
    /// share (সিনেট), which link only where the document has named the
    /// entity's country; a bad file exits 2.
    #[arg(long = "common-words", value_name = "FILE")]
    common_words: Vec<PathBuf>,
    /// Do not search for spelling variants.
    #[arg(long)]
    no_variants: bool,
    /// Report demonyms (রাশিয়ান, Russian; a party's members, রিপাবলিকান,
    /// Republicans) as mentions of their country or party.
    #[arg(long)]
    demonyms: bool,
}

impl MatcherArgs {
    /// Builds the matcher these options describe.
    pub fn build(&self) -> Result<Matcher, CliError> {
        let gazetteer: Cow<'_, Gazetteer> =
            if self.gazetteer.is_empty() && self.common_words.is_empty() {
                Cow::Borrowed(Gazetteer::embedded())
            } else {
                let builder = self
                    .gazetteer
                    .iter()
                    .fold(Gazetteer::builder(), |b, file| b.add_file(file));
                let builder = self
                    .common_words
                    .iter()
                    .fold(builder, |b, file| b.add_common_words_file(file));
                let what = if self.common_words.is_empty() {
                    "--gazetteer"
                } else {
                    "--gazetteer or --common-words"
                };
                Cow::Owned(
                    builder
                        .build()
                        .map_err(|errors| CliError::Usage(format!("bad {what} file:\n{errors}")))?,
                )
            };
        let mut builder = Matcher::builder()
            .variants(!self.no_variants)
            .demonyms(self.demonyms);
        for file in &self.suffixes {
            builder = builder
                .suffixes_file(file)
                .map_err(|e| CliError::Usage(format!("bad --suffixes file: {e}")))?;
        }
        builder
            .build(&gazetteer)
            .map_err(|e| CliError::Usage(e.to_string()))
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    matcher: MatcherArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Where a document ends: partial names and shared names read the
    /// document so far.
    #[arg(long, value_enum, default_value_t = Documents::File)]
    documents: Documents,
    /// Also report people the gazetteer does not list, read as runs of
    /// name parts (মো. সোহেল রানা): `match` is `unlisted`, `entity` and
    /// `code` are empty, `name_en` is the name romanized.
    #[arg(long)]
    unlisted: bool,
}

/// One output record, as JSON or a TSV row.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    start: u64,
    end: u64,
    char_start: u64,
    char_end: u64,
    text: &'a str,
    stem: &'a str,
    suffix: &'a str,
    entity: &'a str,
    kind: &'a str,
    name_en: &'a str,
    name_bn: &'a str,
    code: Option<&'a str>,
    #[serde(rename = "match")]
    how: &'a str,
    score: f32,
    alternatives: Vec<&'a str>,
}

const TSV_HEADER: &str = "start\tend\tchar_start\tchar_end\ttext\tstem\tsuffix\tentity\tkind\tname_en\tname_bn\tcode\tmatch\tscore";

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let matcher = args.matcher.build()?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let several = args.input.files.len() > 1;
    if args.format == Format::Tsv {
        if several {
            out.write_all(b"file\t")?;
        }
        writeln!(out, "{TSV_HEADER}")?;
    }
    let (format, documents) = (args.format, args.documents);
    let options = Options {
        format,
        unlisted: args.unlisted,
    };
    let mut state = State {
        out,
        batches: Batches::new(ChunkStream::new(&args.input)),
        chars_read: 0,
        doc: matcher.document(),
        doc_source: None,
    };
    parallel::run_ordered(
        args.input.threads(),
        &mut state,
        |state| {
            let Some(batch) = state.batches.next_batch()? else {
                return Ok(None);
            };
            if batch.first {
                state.chars_read = 0;
            }
            let chars = batch
                .chunks
                .iter()
                .map(|c| {
                    let before = state.chars_read;
                    state.chars_read += CharCounter::new(&c.text).char_offset(c.text.len()) as u64;
                    before
                })
                .collect();
            // A fork of any earlier state of its document will do; a batch
            // whose document has not started yet forks an empty one.
            let fork = if state.doc_source == Some(batch.source) {
                state.doc.fork()
            } else {
                matcher.document().fork()
            };
            let file = several.then(|| state.batches.stream().source(batch.source).to_string());
            Ok(Some(Job {
                batch,
                file,
                chars,
                doc: fork,
                output: Ok(Vec::new()),
            }))
        },
        |mut job| {
            job.output = job
                .batch
                .chunks
                .iter()
                .zip(&job.chars)
                .map(|(chunk, &chars)| {
                    let mut buf = Vec::new();
                    write_chunk(
                        &mut buf,
                        &mut job.doc,
                        chunk,
                        job.file.as_deref(),
                        chars,
                        options,
                    )?;
                    // The fork forgets at the same chunks as the document
                    // it is joined to, so its answers hold there.
                    if documents.ends_with(chunk) {
                        job.doc.reset();
                    }
                    Ok(buf)
                })
                .collect();
            job
        },
        |state, mut job| {
            if job.batch.first {
                state.doc = matcher.document();
                state.doc_source = Some(job.batch.source);
            }
            for ((chunk, chars), output) in job.batch.chunks.iter().zip(&job.chars).zip(job.output?)
            {
                if state.doc.join_piece(&mut job.doc) {
                    state.out.write_all(&output)?;
                } else {
                    // Someone the chunk's mentions depend on was named after
                    // the fork was made: search it again, as one thread would.
                    let file = job.file.as_deref();
                    write_chunk(&mut state.out, &mut state.doc, chunk, file, *chars, options)?;
                }
                if documents.ends_with(chunk) {
                    state.doc.reset();
                }
            }
            Ok(())
        },
    )?;
    state.out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// What `run` keeps between batches (on the main thread).
struct State<'m, W> {
    out: W,
    batches: Batches,
    /// Chars of the current source handed out so far.
    chars_read: u64,
    /// The document of the source being finished, as one thread would have
    /// it after the batches finished so far.
    doc: Document<'m>,
    doc_source: Option<usize>,
}

/// One batch to search: its chunks, where they are, and the document to
/// search them in (a fork, on a worker).
struct Job<'m> {
    batch: Batch,
    file: Option<String>,
    /// Chars of the source before each chunk.
    chars: Vec<u64>,
    doc: Document<'m>,
    /// The output of each chunk.
    output: io::Result<Vec<Vec<u8>>>,
}

/// How `match` writes what it finds.
#[derive(Clone, Copy, Debug)]
struct Options {
    format: Format,
    unlisted: bool,
}

/// One thing found in a chunk: a mention of an entity, or a name no
/// entity covers.
enum Found<'m, 't> {
    Mention(Mention<'m>),
    Unlisted(UnlistedName<'t>),
}

impl<'m> Found<'m, '_> {
    fn span(&self) -> core::ops::Range<usize> {
        match self {
            Found::Mention(m) => m.span(),
            Found::Unlisted(n) => n.span(),
        }
    }

    fn char_span(&self) -> core::ops::Range<usize> {
        match self {
            Found::Mention(m) => m.char_span(),
            Found::Unlisted(n) => n.char_span(),
        }
    }

    /// The English name: the entity's, or the unlisted name romanized.
    fn name_en(&self) -> Cow<'m, str> {
        match self {
            Found::Mention(m) => Cow::Borrowed(m.entity().name_en()),
            Found::Unlisted(n) => Cow::Owned(n.name_en()),
        }
    }
}

/// Writes the mentions of one chunk, whose first char is char `chars` of
/// its source.
fn write_chunk(
    out: &mut impl Write,
    doc: &mut Document<'_>,
    chunk: &Chunk,
    file: Option<&str>,
    chars: u64,
    options: Options,
) -> io::Result<()> {
    let text = chunk.text.as_str();
    let mut found: Vec<Found<'_, '_>> = doc.find_iter(text).map(Found::Mention).collect();
    if options.unlisted {
        let matcher = doc.matcher();
        let mut taken = found.iter().map(Found::span).peekable();
        let mut unlisted = Vec::new();
        for name in matcher.unlisted_names(text) {
            let span = name.span();
            while taken.next_if(|m| m.end <= span.start).is_some() {}
            if taken.peek().is_none_or(|m| m.start >= span.end) {
                unlisted.push(Found::Unlisted(name));
            }
        }
        if !unlisted.is_empty() {
            found.extend(unlisted);
            found.sort_by_key(|f| f.span().start);
        }
    }
    let mut written = 0;
    for item in &found {
        let span = item.span();
        match options.format {
            Format::Text => {
                let name_en = item.name_en();
                out.write_all(text.get(written..span.start).unwrap_or_default().as_bytes())?;
                write!(
                    out,
                    "[{}|{}]",
                    text.get(span.clone()).unwrap_or_default(),
                    name_en
                )?;
                written = span.end;
            }
            format => {
                let name_en = item.name_en();
                let record = record(file, chunk, item, &name_en, chars);
                if format == Format::Jsonl {
                    serde_json::to_writer(&mut *out, &record).map_err(io::Error::from)?;
                    out.write_all(b"\n")?;
                } else {
                    write_tsv(out, &record)?;
                }
            }
        }
    }
    if options.format == Format::Text {
        out.write_all(text.get(written..).unwrap_or_default().as_bytes())?;
    }
    Ok(())
}

/// The score of a name read from its parts alone: below every way the
/// gazetteer links a mention (the lowest, a skeleton variant, is 0.75).
const UNLISTED_SCORE: f32 = 0.5;

fn record<'a>(
    file: Option<&'a str>,
    chunk: &'a Chunk,
    found: &Found<'a, 'a>,
    name_en: &'a str,
    chars: u64,
) -> Record<'a> {
    let (span, char_span) = (found.span(), found.char_span());
    let text = chunk.text.as_str();
    let mut record = Record {
        file,
        start: chunk.input_offset(span.start),
        end: chunk.input_offset(span.end),
        char_start: chars + char_span.start as u64,
        char_end: chars + char_span.end as u64,
        text: text.get(span).unwrap_or_default(),
        stem: "",
        suffix: "",
        entity: "",
        kind: bengali_names::Kind::Person.as_str(),
        name_en,
        name_bn: "",
        code: None,
        how: "unlisted",
        score: UNLISTED_SCORE,
        alternatives: Vec::new(),
    };
    match found {
        Found::Mention(mention) => {
            let entity = mention.entity();
            record.stem = text.get(mention.stem_span()).unwrap_or_default();
            record.suffix = text.get(mention.suffix_span()).unwrap_or_default();
            record.entity = entity.id();
            record.kind = entity.kind().as_str();
            record.name_bn = entity.name_bn();
            record.code = entity.code();
            record.how = mention.match_kind().as_str();
            record.score = mention.score();
            record.alternatives = mention.alternatives().iter().map(|e| e.id()).collect();
        }
        Found::Unlisted(name) => {
            (record.stem, record.suffix) = (name.stem(), name.suffix());
            record.name_bn = name.stem();
        }
    }
    record
}

fn write_tsv(out: &mut impl Write, r: &Record<'_>) -> io::Result<()> {
    if let Some(file) = r.file {
        write!(out, "{}\t", clean(file))?;
    }
    writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        r.start,
        r.end,
        r.char_start,
        r.char_end,
        clean(r.text),
        clean(r.stem),
        clean(r.suffix),
        r.entity,
        r.kind,
        clean(r.name_en),
        clean(r.name_bn),
        r.code.unwrap_or_default(),
        r.how,
        r.score
    )
}

/// A TSV cell: tabs and line breaks would break the row.
fn clean(cell: &str) -> Cow<'_, str> {
    if cell.contains(['\t', '\n', '\r']) {
        Cow::Owned(cell.replace(['\t', '\n', '\r'], " "))
    } else {
        Cow::Borrowed(cell)
    }
}
