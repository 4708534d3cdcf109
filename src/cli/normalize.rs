//! `bengali-names normalize`: display form, or the match key with `--key`.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use bengali_names::normalize::key;
use bengali_names::{DigitStyle, Normalizer};

use super::parallel::map_chunks;
use super::{CliError, InputArgs};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Print the match key (decoded for humans) instead of the display form.
    #[arg(long)]
    key: bool,
    /// Rule D12: curly quotes, dashes and ellipses to ASCII.
    #[arg(long)]
    ascii_punctuation: bool,
    /// Rule D12: fold digits to one script (keep, ascii, bengali).
    #[arg(long, default_value_t = DigitStyle::Keep)]
    digits: DigitStyle,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let normalizer = Normalizer::builder()
        .ascii_punctuation(args.ascii_punctuation)
        .digits(args.digits)
        .build();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    map_chunks(&args.input, &mut out, |chunk, out| {
        let display = normalizer.normalize_str(&chunk.text);
        if args.key {
            out.write_all(key::decode(key::fold(&display).bytes()).as_bytes())
        } else {
            out.write_all(display.as_bytes())
        }
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
