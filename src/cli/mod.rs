//! Subcommands of the CLI, one module each, and the error they share.

mod gazetteer;
mod input;
mod matching;
mod normalize;
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
}

impl InputArgs {
    /// The sources to read, in order.
    pub fn sources(&self) -> Vec<Source> {
        Source::from_args(&self.files)
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

/// Reads every source chunk by chunk, calling `each` with the source and the
/// chunk; warns on stderr when lossy decoding replaced bytes.
pub fn for_each_chunk(
    input: &InputArgs,
    mut each: impl FnMut(&Source, &Chunk) -> Result<(), CliError>,
) -> Result<(), CliError> {
    for source in input.sources() {
        let mut chunks = Chunks::open(&source, input.lossy)?;
        while let Some(chunk) = chunks.next_chunk()? {
            each(&source, &chunk)?;
        }
        if chunks.replaced > 0 {
            eprintln!(
                "bengali-names: warning: {source}: replaced {} invalid UTF-8 sequence(s) with U+FFFD",
                chunks.replaced
            );
        }
    }
    Ok(())
}
