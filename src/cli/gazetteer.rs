//! `bengali-names gazetteer check|stats`: validate gazetteer files, count
//! what a gazetteer holds.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bengali_names::{Gazetteer, GazetteerBuilder};

use super::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Validate gazetteer files, loaded together with the shipped gazetteer
    /// (so extension rows of shipped ids validate); a copy of a shipped
    /// file (a path ending in data/gazetteer/people.tsv, say) is loaded in
    /// its place. Prints every error as `file:line:column: message` on
    /// stderr; exits 1 if there is any, 2 if a file cannot be read.
    Check {
        /// Gazetteer files (TSV, see data/README.md).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Print counts by kind and by source, the total, and ISO 3166-1
    /// coverage of the shipped gazetteer plus any --gazetteer files.
    Stats {
        /// Also load this gazetteer file (repeatable); a bad file exits 2.
        #[arg(long = "gazetteer", value_name = "FILE")]
        gazetteer: Vec<PathBuf>,
    },
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    match args.command {
        Command::Check { files } => check(&files),
        Command::Stats { gazetteer } => stats(&gazetteer),
    }
}

fn with_files(files: &[PathBuf]) -> GazetteerBuilder {
    files
        .iter()
        .fold(Gazetteer::builder(), |builder, file| builder.add_file(file))
}

fn check(files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let builder = files.iter().fold(Gazetteer::builder(), |builder, file| {
        builder.replace_embedded(file)
    });
    match builder.build() {
        Ok(_) => {
            // The files' own entities: loaded alone, leniently, since their
            // extension rows extend shipped entities.
            let own = with_files(files)
                .embedded(false)
                .lenient(true)
                .build()
                .map_or(0, |alone| alone.len());
            let mut out = io::stdout().lock();
            writeln!(out, "ok: {own} entities in {} files", files.len())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            let mut err = io::stderr().lock();
            for error in &errors {
                writeln!(err, "{error}")?;
            }
            let summary = format!("{} error(s) in gazetteer files", errors.len());
            // An unreadable file is an input error (exit 2), not an invalid
            // file (exit 1).
            Err(if errors.has_io_error() {
                CliError::Usage(summary)
            } else {
                CliError::Invalid(summary)
            })
        }
    }
}

fn stats(files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let gazetteer = with_files(files)
        .build()
        .map_err(|errors| CliError::Usage(format!("bad --gazetteer file:\n{errors}")))?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", gazetteer.stats())?;
    writeln!(out, "common words: {}", gazetteer.common_word_count())?;
    Ok(ExitCode::SUCCESS)
}
