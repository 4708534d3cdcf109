//! `bengali-names`: the command-line tool over the `bengali_names` library.
//!
//! Exit codes: 0 success; 1 the input was read but is invalid (for example
//! `gazetteer check` found errors); 2 usage errors and unreadable or
//! undecodable input.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // clap prints help and version to stdout with success, errors to
            // stderr; usage errors exit 2 by the project's convention.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bengali-names: {e}");
            e.exit_code()
        }
    }
}
