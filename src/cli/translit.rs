//! `bengali-names translit`: ISO 15919 both ways, or news-style names.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use bengali_names::translit::{Iso15919, NameRomanizer, Scheme};

use super::parallel::map_chunks;
use super::{CliError, InputArgs};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// iso15919 (lossless, reversible) or name (as English-language news
    /// spells names).
    #[arg(long, default_value_t = Scheme::Iso15919)]
    scheme: Scheme,
    /// Latin → Bengali (iso15919 only).
    #[arg(long)]
    reverse: bool,
    /// Print up to K candidates per line, tab-separated, best first (name only).
    #[arg(long, value_name = "K")]
    top: Option<usize>,
    /// Romanize by the lexicon and rules alone, without the gazetteer.
    #[arg(long)]
    no_gazetteer: bool,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    match (args.scheme, args.reverse, args.top) {
        (Scheme::Name, true, _) => {
            return Err(CliError::Usage(
                "--reverse works with --scheme iso15919 only".into(),
            ))
        }
        (Scheme::Iso15919, _, Some(_)) => {
            return Err(CliError::Usage(
                "--top works with --scheme name only".into(),
            ))
        }
        (_, _, Some(0)) => return Err(CliError::Usage("--top must be at least 1".into())),
        _ => {}
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    match args.scheme {
        Scheme::Iso15919 => {
            let iso = Iso15919::new();
            map_chunks(&args.input, &mut out, |chunk, out| {
                let text = if args.reverse {
                    iso.to_bengali(&chunk.text)
                } else {
                    iso.to_latin(&chunk.text)
                };
                out.write_all(text.as_bytes())
            })?;
        }
        Scheme::Name => {
            let mut builder = NameRomanizer::builder();
            if !args.no_gazetteer {
                builder = builder.gazetteer();
            }
            let romanizer = builder.build();
            let k = args.top.unwrap_or(1);
            map_chunks(&args.input, &mut out, |chunk, out| {
                let line = chunk.text.trim_end_matches(['\n', '\r']);
                let candidates = romanizer.candidates(line, k);
                for (i, candidate) in candidates.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b"\t")?;
                    }
                    out.write_all(candidate.text.as_bytes())?;
                }
                out.write_all(chunk.text.get(line.len()..).unwrap_or_default().as_bytes())
            })?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
