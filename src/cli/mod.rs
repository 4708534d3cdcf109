//! Subcommands of the CLI, one module each, and the error they share.

mod gazetteer;
mod input;
mod matching;
mod normalize;
mod parallel;
mod resolve;
mod translit;

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use input::{Chunk, Chunks, InputError, Source};

/// Bengali text: normalize, transliterate, and find named entities.
#[derive(Debug, Parser)]
#[command(name = "bengali-names", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the display-normalized form of each line (stdin when no file).
    Normalize(normalize::Args),
    /// Validate gazetteer files, or count what the gazetteer holds.
    Gazetteer(gazetteer::Args),
    /// Find gazetteer entities in Bengali text (stdin when no file); one
    /// JSON object per mention by default.
    Match(matching::Args),
    /// Rank the entities a name (Bengali or Latin) may refer to.
    Resolve(resolve::Args),
    /// Transliterate each line: ISO 15919 (both ways) or news-style names.
    Translit(translit::Args),
}

/// Options every subcommand that reads text shares.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Input files; standard input when none is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Worker threads (0: one per core). The output is the same, byte for
    /// byte, whatever the number.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub threads: usize,
}

impl InputArgs {
    /// The sources to read, in order.
    pub fn sources(&self) -> Vec<Source> {
        Source::from_args(&self.files)
    }

    /// The number of threads to work with: `--threads`, or one per core.
    pub fn threads(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Command::Normalize(args) => normalize::run(args),
        Command::Gazetteer(args) => gazetteer::run(args),
        Command::Match(args) => matching::run(args),
        Command::Resolve(args) => resolve::run(args),
        Command::Translit(args) => translit::run(args),
    }
}

/// An error that ends the program, with its exit code.
#[derive(Debug)]
pub enum CliError {
    /// Input could not be opened, read or decoded (exit 2).
    Input(InputError),
    /// Bad usage: options that do not fit together (exit 2).
    Usage(String),
    /// The input was read but is invalid (exit 1).
    Invalid(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl CliError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Invalid(_) => ExitCode::from(1),
            // A closed pipe (`| head`) is how a reader says it has enough.
            CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            _ => ExitCode::from(2),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Input(e) => write!(f, "{e}"),
            CliError::Usage(msg) | CliError::Invalid(msg) => f.write_str(msg),
            CliError::Output(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<InputError> for CliError {
    fn from(e: InputError) -> Self {
        CliError::Input(e)
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Output(e)
    }
}

/// The chunks of every source in turn, each with the index of its source;
/// warns on stderr when lossy decoding replaced bytes.
///
/// While a file is read, a progress bar (bytes read of the file's size) is
/// drawn on stderr when stderr is a terminal and stdout is not (the bar would
/// otherwise be drawn over the output); it is silent otherwise, and for stdin.
pub struct ChunkStream {
    sources: Vec<Source>,
    lossy: bool,
    /// The source being read: its index, its chunks and its progress bar.
    current: Option<(usize, Chunks, Progress)>,
    next_source: usize,
}

impl ChunkStream {
    /// The chunks of the sources `input` names; nothing is opened yet.
    pub fn new(input: &InputArgs) -> Self {
        ChunkStream {
            sources: input.sources(),
            lossy: input.lossy,
            current: None,
            next_source: 0,
        }
    }

    /// The source with this index.
    pub fn source(&self, index: usize) -> &Source {
        // Indexes come from `next_chunk`, so the fallback is never taken.
        self.sources.get(index).unwrap_or(&Source::Stdin)
    }

    /// The next chunk and its source's index, or `None` after the last
    /// source.
    pub fn next_chunk(&mut self) -> Result<Option<(usize, Chunk)>, CliError> {
        loop {
            if let Some((index, chunks, progress)) = &mut self.current {
                if let Some(chunk) = chunks.next_chunk()? {
                    progress.set(chunks.bytes_read());
                    return Ok(Some((*index, chunk)));
                }
                if chunks.replaced > 0 {
                    eprintln!(
                        "bengali-names: warning: {}: replaced {} invalid UTF-8 sequence(s) with U+FFFD",
                        self.sources.get(*index).unwrap_or(&Source::Stdin),
                        chunks.replaced
                    );
                }
                // Dropping the progress bar clears it.
                self.current = None;
            }
            let Some(source) = self.sources.get(self.next_source) else {
                return Ok(None);
            };
            let chunks = Chunks::open(source, self.lossy)?;
            let progress = Progress::new(source);
            self.current = Some((self.next_source, chunks, progress));
            self.next_source += 1;
        }
    }
}

/// The progress bar of one file; cleared when dropped, on success or error.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(source: &Source) -> Self {
        use std::io::IsTerminal;
        let Source::File(path) = source else {
            return Progress(None);
        };
        if !io::stderr().is_terminal() || io::stdout().is_terminal() {
            return Progress(None);
        }
        // Only regular files have a size to count towards.
        let Some(len) = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
        else {
            return Progress(None);
        };
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::stderr(),
        );
        let style = indicatif::ProgressStyle::with_template(
            "[{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta}) {wide_msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(source.to_string());
        Progress(Some(bar))
    }

    fn set(&self, bytes: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(bytes);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
