//! `bengali-names resolve`: which entities a name may refer to.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::matching::MatcherArgs;
use super::CliError;

/// Output formats of `resolve`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// input, entity, kind, name_en, code, score; tab-separated.
    Tsv,
    /// One JSON object per row.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Names to resolve (Bengali or Latin); one per line on stdin when none.
    #[arg(value_name = "NAME")]
    names: Vec<String>,
    /// Print up to this many entities per name, best first.
    #[arg(long, default_value_t = 1)]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    format: Format,
    #[command(flatten)]
    matcher: MatcherArgs,
}

#[derive(Serialize)]
struct Row<'a> {
    input: &'a str,
    entity: Option<&'a str>,
    kind: Option<&'a str>,
    name_en: Option<&'a str>,
    code: Option<&'a str>,
    score: Option<f32>,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    if args.top == 0 {
        return Err(CliError::Usage("--top must be at least 1".into()));
    }
    let matcher = args.matcher.build()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut one = |name: &str| -> Result<(), CliError> {
        let found = matcher.resolve(name);
        let rows: Vec<Row<'_>> = if found.is_empty() {
            vec![Row {
                input: name,
                entity: None,
                kind: None,
                name_en: None,
                code: None,
                score: None,
            }]
        } else {
            found
                .iter()
                .take(args.top)
                .map(|r| Row {
                    input: name,
                    entity: Some(r.entity().id()),
                    kind: Some(r.entity().kind().as_str()),
                    name_en: Some(r.entity().name_en()),
                    code: r.entity().code(),
                    score: Some(r.score()),
                })
                .collect()
        };
        for row in &rows {
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, row).map_err(io::Error::from)?;
                    out.write_all(b"\n")?;
                }
                Format::Tsv => writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    row.input.replace('\t', " "),
                    row.entity.unwrap_or_default(),
                    row.kind.unwrap_or_default(),
                    row.name_en.unwrap_or_default(),
                    row.code.unwrap_or_default(),
                    row.score.map(|s| s.to_string()).unwrap_or_default()
                )?,
            }
        }
        Ok(())
    };
    if args.names.is_empty() {
        for (index, line) in io::stdin().lock().lines().enumerate() {
            let line = line.map_err(|error| {
                CliError::Usage(format!("<stdin>:{}: cannot read: {error}", index + 1))
            })?;
            let name = line.trim();
            if !name.is_empty() {
                one(name)?;
            }
        }
    } else {
        for name in &args.names {
            one(name)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
