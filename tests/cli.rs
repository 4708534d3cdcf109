//! The bad-input table (docs/bad-input.md), row by row: each test runs the
//! real binary on files it writes into a temporary directory and checks the
//! exact message, output and exit code.
#![cfg(feature = "cli")]
// A test fails by panicking; `unwrap` says "this must succeed" most plainly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::{Command, Stdio};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_bengali-names");

/// The three text subcommands: their outputs differ, their input handling
/// does not.
const TEXT_COMMANDS: [&str; 3] = ["normalize", "match", "translit"];

const HINT: &str = "(use --lossy to replace invalid bytes with U+FFFD)";

/// What one run of the binary gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).unwrap()
    }
}

fn run_with(args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_remove("BENGALI_NAMES_MAX_CHUNK")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().unwrap();
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        // Written from a thread so a large input cannot deadlock on a full
        // output pipe.
        std::thread::spawn(move || std::io::Write::write_all(&mut pipe, &bytes));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, &[], None)
}

/// A fresh directory for one test, removed when the test ends (pass or fail).
fn temp_dir(test: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("bengali-names-cli-{test}-"))
        .tempdir()
        .unwrap()
}

fn write(dir: impl AsRef<Path>, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.as_ref().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn utf8_error(path: &str, line: u64, offset: u64) -> String {
    format!("bengali-names: {path}:{line}: invalid UTF-8 at byte offset {offset} {HINT}\n")
}

fn lossy_warning(path: &str, count: u64) -> String {
    format!(
        "bengali-names: warning: {path}: replaced {count} invalid UTF-8 sequence(s) with U+FFFD\n"
    )
}

/// The JSON mentions of `match`, as (start, end, text, entity).
fn mentions(stdout: &[u8]) -> Vec<(u64, u64, String, String)> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                v["start"].as_u64().unwrap(),
                v["end"].as_u64().unwrap(),
                v["text"].as_str().unwrap().to_owned(),
                v["entity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn mention(start: u64, end: u64, text: &str, entity: &str) -> (u64, u64, String, String) {
    (start, end, text.to_owned(), entity.to_owned())
}

/// Asserts that every text subcommand fails with exactly `stderr`, exit 2.
fn assert_all_fail(path: &str, stderr: &str) {
    for command in TEXT_COMMANDS {
        let out = run(&[command, path]);
        assert_eq!(out.stderr, stderr, "{command}");
        assert_eq!(out.code, Some(2), "{command}");
    }
}

// ---------------------------------------------------------------- UTF-8

#[test]
fn invalid_utf8_in_the_middle() {
    let dir = temp_dir("utf8-middle");
    // রাশিয়া (21 bytes), space, ও (3 bytes), then 0xFF at byte 25.
    let path = write(&dir, "mid.txt", b"\xe0\xa6\xb0\xe0\xa6\xbe\xe0\xa6\xb6\xe0\xa6\xbf\xe0\xa6\xaf\xe0\xa6\xbc\xe0\xa6\xbe \xe0\xa6\x93\xff\xe0\xa6\x9a\xe0\xa7\x80\xe0\xa6\xa8\n");
    for command in TEXT_COMMANDS {
        let out = run(&[command, &path]);
        assert_eq!(out.stderr, utf8_error(&path, 1, 25), "{command}");
        assert_eq!(out.code, Some(2), "{command}");
        assert!(out.stdout.is_empty(), "{command}");
    }
    // --lossy: U+FFFD, a warning, exit 0.
    let out = run(&["normalize", "--lossy", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (
            Some(0),
            "রাশিয়া ও\u{FFFD}চীন\n".to_owned(),
            lossy_warning(&path, 1)
        )
    );
    let out = run(&["translit", "--lossy", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (
            Some(0),
            "rāśiẏā o\u{FFFD}cīna\n".to_owned(),
            lossy_warning(&path, 1)
        )
    );
    let out = run(&["match", "--lossy", &path]);
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stderr, lossy_warning(&path, 1));
    // Byte offsets are the file's, though U+FFFD (3 bytes) stands for one
    // byte: চীন is at byte 26 in the file. Char offsets count U+FFFD as one.
    assert_eq!(
        mentions(&out.stdout),
        [
            mention(0, 21, "রাশিয়া", "iso:RU"),
            mention(26, 35, "চীন", "iso:CN")
        ]
    );
    let chars: Vec<u64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["char_start"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(chars, [0, 10]);
}

#[test]
fn invalid_utf8_at_the_end() {
    let dir = temp_dir("utf8-end");
    // A complete first line, then a truncated three-byte sequence.
    let path = write(&dir, "end.txt", b"\xe0\xa6\xb0\xe0\xa6\xbe\xe0\xa6\xb6\xe0\xa6\xbf\xe0\xa6\xaf\xe0\xa6\xbc\xe0\xa6\xbe\n\xe0\xa6");
    for command in TEXT_COMMANDS {
        let out = run(&[command, &path]);
        assert_eq!(out.stderr, utf8_error(&path, 2, 22), "{command}");
        assert_eq!(out.code, Some(2), "{command}");
    }
    // Output is streamed: the lines before the error were already written.
    assert_eq!(run(&["normalize", &path]).stdout(), "রাশিয়া\n");
    assert_eq!(run(&["translit", &path]).stdout(), "rāśiẏā\n");
    let out = run(&["normalize", "--lossy", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (
            Some(0),
            "রাশিয়া\n\u{FFFD}".to_owned(),
            lossy_warning(&path, 1)
        )
    );
}

#[test]
fn overlong_encoding() {
    let dir = temp_dir("utf8-overlong");
    // C0 AF: an overlong '/'.
    let path = write(&dir, "overlong.txt", b"ab\xc0\xafcd\n");
    assert_all_fail(&path, &utf8_error(&path, 1, 2));
    let out = run(&["normalize", "--lossy", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (
            Some(0),
            "ab\u{FFFD}\u{FFFD}cd\n".to_owned(),
            lossy_warning(&path, 2)
        )
    );
}

#[test]
fn encoded_surrogate() {
    let dir = temp_dir("utf8-surrogate");
    // ED A0 80: U+D800 encoded as if it were a scalar value.
    let path = write(&dir, "surrogate.txt", b"ab\xed\xa0\x80cd\n");
    assert_all_fail(&path, &utf8_error(&path, 1, 2));
    let out = run(&["normalize", "--lossy", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (
            Some(0),
            "ab\u{FFFD}\u{FFFD}\u{FFFD}cd\n".to_owned(),
            lossy_warning(&path, 3)
        )
    );
}

#[test]
fn invalid_utf8_on_stdin() {
    let out = run_with(&["match"], &[], Some(b"ok\n\xff\n"));
    assert_eq!(out.stderr, utf8_error("<stdin>", 2, 3));
    assert_eq!(out.code, Some(2));
}

/// Deterministic "random" bytes (a 64-bit LCG), with some line breaks.
fn binary_bytes(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 56) as u8
        })
        .collect()
}

#[test]
fn binary_file_passed_as_text() {
    let dir = temp_dir("binary");
    let bytes = binary_bytes(64 * 1024);
    let path = write(&dir, "random.bin", &bytes);
    let valid = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u64;
    assert_all_fail(&path, &utf8_error(&path, line, valid as u64));
    // --lossy reads it all: every invalid sequence becomes one U+FFFD.
    let invalid = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count() as u64;
    let out = run(&["normalize", "--lossy", &path]);
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stderr, lossy_warning(&path, invalid));
    for command in ["match", "translit"] {
        let out = run(&[command, "--lossy", &path]);
        assert_eq!(out.code, Some(0), "{command}");
        assert_eq!(out.stderr, lossy_warning(&path, invalid), "{command}");
    }
}

// ---------------------------------------------------------------- odd text

#[test]
fn nul_bytes_are_text() {
    let dir = temp_dir("nul");
    let text = "রাশিয়া\0চীন\n";
    let path = write(&dir, "nul.txt", text);
    let out = run(&["normalize", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (Some(0), text.into(), "".into())
    );
    let out = run(&["translit", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (Some(0), "rāśiẏā\0cīna\n".into(), "".into())
    );
    // NUL separates tokens like any other symbol.
    let out = run(&["match", &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert_eq!(
        mentions(&out.stdout),
        [
            mention(0, 21, "রাশিয়া", "iso:RU"),
            mention(22, 31, "চীন", "iso:CN")
        ]
    );
}

#[test]
fn bom_at_the_start() {
    let dir = temp_dir("bom");
    let path = write(&dir, "bom.txt", "\u{FEFF}রাশিয়া ও চীন\n");
    // normalize and translit drop the BOM (display normalization removes
    // U+FEFF).
    let out = run(&["normalize", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (Some(0), "রাশিয়া ও চীন\n".into(), "".into())
    );
    let out = run(&["translit", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (Some(0), "rāśiẏā o cīna\n".into(), "".into())
    );
    // match keeps offsets into the file, BOM included (3 bytes, 1 char), and
    // the first mention starts after it.
    let out = run(&["match", &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert_eq!(
        mentions(&out.stdout),
        [
            mention(3, 24, "রাশিয়া", "iso:RU"),
            mention(29, 38, "চীন", "iso:CN")
        ]
    );
    let out = run(&["match", "--format", "tsv", &path]);
    let first = out.stdout().lines().nth(1).unwrap().to_owned();
    assert!(first.starts_with("3\t24\t1\t8\tরাশিয়া\t"), "{first}");
}

#[test]
fn crlf_line_ends() {
    let dir = temp_dir("crlf");
    let text = "রাশিয়া ও চীন\r\nভারত\r\n";
    let path = write(&dir, "crlf.txt", text);
    let out = run(&["normalize", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (Some(0), text.into(), "".into())
    );
    let out = run(&["translit", &path]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (Some(0), "rāśiẏā o cīna\r\nbhārata\r\n".into(), "".into())
    );
    let out = run(&["translit", "--scheme", "name", &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert!(out.stdout().ends_with("\r\n") && out.stdout().matches("\r\n").count() == 2);
    // Spans never include the \r.
    let out = run(&["match", &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert_eq!(
        mentions(&out.stdout),
        [
            mention(0, 21, "রাশিয়া", "iso:RU"),
            mention(26, 35, "চীন", "iso:CN"),
            mention(37, 49, "ভারত", "iso:IN")
        ]
    );
}

#[test]
fn empty_file() {
    let dir = temp_dir("empty");
    let path = write(&dir, "empty.txt", "");
    for command in TEXT_COMMANDS {
        let out = run(&[command, &path]);
        assert_eq!(
            (out.code, out.stdout(), out.stderr),
            (Some(0), String::new(), String::new()),
            "{command}"
        );
    }
    let out = run(&["match", "--format", "tsv", &path]);
    assert_eq!(out.code, Some(0));
    assert!(out.stdout().starts_with("start\tend\t") && out.stdout().lines().count() == 1);
}

// ---------------------------------------------------------------- files

#[test]
fn file_that_does_not_exist() {
    let dir = temp_dir("missing");
    let path = dir.path().join("no-such-file.txt").display().to_string();
    assert_all_fail(
        &path,
        &format!("bengali-names: {path}: cannot open: No such file or directory (os error 2)\n"),
    );
}

#[test]
fn file_that_cannot_be_read() {
    // A directory opens but cannot be read (tests run as root, where
    // chmod 000 would not stop reading).
    let dir = temp_dir("unreadable");
    let path = dir.path().display().to_string();
    assert_all_fail(
        &path,
        &format!("bengali-names: {path}: cannot read: Is a directory (os error 21)\n"),
    );
}

#[test]
fn a_later_bad_file_stops_after_the_earlier_ones() {
    let dir = temp_dir("two-files");
    let good = write(&dir, "good.txt", "ভারত\n");
    let missing = dir.path().join("missing.txt").display().to_string();
    let out = run(&["normalize", &good, &missing]);
    assert_eq!(out.stdout(), "ভারত\n");
    assert_eq!(
        out.stderr,
        format!("bengali-names: {missing}: cannot open: No such file or directory (os error 2)\n")
    );
    assert_eq!(out.code, Some(2));
}

#[test]
fn documents_end_where_asked() {
    let dir = temp_dir("documents");
    // A surname links to the person named fully earlier in the document.
    let path = write(
        &dir,
        "articles.txt",
        "সের্গেই শোইগু এলেন।\nশোইগু বলেন।\n\nশোইগু আবার বলেন।\n",
    );
    let full = mention(0, 37, "সের্গেই শোইগু", "person:sergei-shoigu");
    let second = mention(54, 69, "শোইগু", "person:sergei-shoigu");
    let third = mention(87, 102, "শোইগু", "person:sergei-shoigu");
    for (documents, expected) in [
        ("file", vec![full.clone(), second.clone(), third]),
        ("paragraph", vec![full.clone(), second]),
        ("line", vec![full]),
    ] {
        for threads in ["1", "3"] {
            let out = run(&[
                "match",
                "--documents",
                documents,
                "--threads",
                threads,
                &path,
            ]);
            assert_eq!(out.code, Some(0), "{documents}: {}", out.stderr);
            assert_eq!(mentions(&out.stdout), expected, "--documents {documents}");
        }
    }
}

#[test]
fn unlisted_people_are_reported_only_when_asked() {
    let dir = temp_dir("unlisted");
    // শেখ হাসিনা is in the gazetteer: the run of name parts over her name
    // gives way to the mention. মো. আবদুল করিম is nobody's alias.
    let text = "শেখ হাসিনা ও মো. আবদুল করিমের বৈঠক।\nআবদুল করিম বলেন।\n";
    let path = write(&dir, "news.txt", text);
    let hasina = mention(0, 28, "শেখ হাসিনা", "person:sheikh-hasina");
    let out = run(&["match", &path]);
    assert_eq!(mentions(&out.stdout), std::slice::from_ref(&hasina));

    let karim = text.find("মো.").unwrap() as u64;
    let second = text.rfind("আবদুল").unwrap() as u64;
    for threads in ["1", "2"] {
        let out = run(&["match", "--unlisted", "--threads", threads, &path]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(
            mentions(&out.stdout),
            [
                hasina.clone(),
                mention(
                    karim,
                    karim + "মো. আবদুল করিমের".len() as u64,
                    "মো. আবদুল করিমের",
                    ""
                ),
                mention(second, second + "আবদুল করিম".len() as u64, "আবদুল করিম", ""),
            ]
        );
        let line = String::from_utf8(out.stdout).unwrap();
        let record: serde_json::Value = serde_json::from_str(line.lines().nth(1).unwrap()).unwrap();
        assert_eq!(record["match"], "unlisted");
        assert_eq!(record["kind"], "person");
        assert_eq!(record["name_en"], "Md. Abdul Karim");
        assert_eq!(record["stem"], "মো. আবদুল করিম");
        assert_eq!(record["suffix"], "ের");
        assert_eq!(record["code"], serde_json::Value::Null);
    }
    let out = run(&["match", "--unlisted", "--format", "text", &path]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "[শেখ হাসিনা|Sheikh Hasina] ও [মো. আবদুল করিমের|Md. Abdul Karim] বৈঠক।\n\
         [আবদুল করিম|Abdul Karim] বলেন।\n"
    );
}

// ---------------------------------------------------------------- long lines

/// The example article as one line (newlines become spaces), `copies` times.
fn one_line_article(copies: usize) -> String {
    let article = include_str!("../examples/data/news.bn.txt").replace('\n', " ");
    article.repeat(copies)
}

#[test]
fn a_line_longer_than_the_chunk_bound_gives_the_same_output() {
    // The real bound (1 MiB) crossed four times: the bytes out equal the
    // bytes in for normalize on normalized text.
    let dir = temp_dir("long-line");
    let unit = "রাশিয়া ও চীন বৈঠক করেছে। ";
    let text = unit.repeat((4 << 20) / unit.len() + 1);
    let path = write(&dir, "long.txt", &text);
    let out = run(&["normalize", &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert!(out.stdout == text.as_bytes());
}

#[test]
fn small_chunks_give_the_same_output_as_one() {
    // With a 256-byte bound the article line is cut into many chunks; every
    // subcommand's output must not change, and no mention may be lost or
    // cut (multi-word names included: the cut goes after a danda).
    let dir = temp_dir("small-chunks");
    let path = write(&dir, "article.txt", one_line_article(3));
    for args in [
        &["normalize", path.as_str()][..],
        &["match", path.as_str()],
        &["match", "--format", "text", path.as_str()],
        &["translit", path.as_str()],
        &["translit", "--scheme", "iso15919", "--lossy", path.as_str()],
    ] {
        let whole = run(args);
        let small = run_with(args, &[("BENGALI_NAMES_MAX_CHUNK", "256")], None);
        assert_eq!(
            (whole.code, whole.stderr.as_str()),
            (Some(0), ""),
            "{args:?}"
        );
        assert_eq!(
            (small.code, small.stderr.as_str()),
            (Some(0), ""),
            "{args:?}"
        );
        assert!(whole.stdout == small.stdout, "{args:?}");
        assert!(!whole.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_mention_across_the_chunk_bound_is_found() {
    // The bound (64 bytes) falls inside উত্তর কোরিয়া: the chunk ends after
    // the danda, so the whole name is still one mention.
    let dir = temp_dir("mention-at-bound");
    let text = "ক খ গ ঘ। উত্তর কোরিয়ার নেতা এলেন।\n";
    let bound = "ক খ গ ঘ। উত্তর কোরি".len();
    assert!(bound < 64 && "ক খ গ ঘ। উত্তর কোরিয়ার".len() > 64 - 8);
    let path = write(&dir, "bound.txt", text);
    let start = "ক খ গ ঘ। ".len() as u64;
    let end = start + "উত্তর কোরিয়ার".len() as u64;
    for max in [bound.to_string(), "64".to_owned()] {
        let out = run_with(
            &["match", &path],
            &[("BENGALI_NAMES_MAX_CHUNK", &max)],
            None,
        );
        assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
        assert_eq!(
            mentions(&out.stdout),
            [mention(start, end, "উত্তর কোরিয়ার", "iso:KP")],
            "bound {max}"
        );
    }
}

/// The 100 MB line at full size: too slow for a debug build (match runs at
/// about 2 MB/s unoptimized), so it is ignored by default. Run with
/// `cargo test --release --test cli -- --ignored`; BENCHMARKS.md (Streaming memory)
/// has the measured memory.
#[test]
#[ignore]
fn a_single_100_mb_line() {
    let dir = temp_dir("100mb");
    let unit = "রাশিয়া ও চীন বৈঠক করেছে। ";
    let text = unit.repeat(100_000_000 / unit.len() + 1);
    let path = write(&dir, "line.txt", &text);
    let out = run(&["normalize", &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert!(out.stdout == text.as_bytes());
    let out = run(&["match", "--format", "tsv", &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    // Every unit has Russia and China.
    let rows = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(rows, 1 + 2 * (100_000_000 / unit.len() + 1));
}

// ---------------------------------------------------------------- gazetteers

const HEADER: &str = "id\tkind\tname_en\tname_bn\taliases_bn\taliases_en\tdemonyms_bn\tdemonyms_en\tcode\tparent\tsource";

fn row(fields: [&str; 11]) -> String {
    fields.join("\t")
}

fn city(id: &str, name_en: &str, name_bn: &str, aliases_bn: &str) -> String {
    row([
        id, "city", name_en, name_bn, aliases_bn, "", "", "", "", "", "t",
    ])
}

/// One gazetteer per error kind: (name, file bytes, "line:column: message"
/// after the file name). tests/gazetteer.rs covers every variant of each.
fn gazetteer_cases() -> Vec<(&'static str, Vec<u8>, String)> {
    let file = |rows: &[String]| {
        let mut text = format!("{HEADER}\n");
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        text.into_bytes()
    };
    let mut utf8 = format!("{HEADER}\nx:1\tcity\tX\t").into_bytes();
    utf8.extend_from_slice(b"\xff\t\t\t\t\t\t\tt\n");
    vec![
        (
            "invalid-utf8",
            utf8,
            ":2:4: invalid UTF-8 at byte offset 100".into(),
        ),
        (
            "missing-header",
            b"# only a comment\n".to_vec(),
            format!(":0: missing header row (expected: {HEADER})"),
        ),
        (
            "bad-header",
            b"id\tkind\tname\n".to_vec(),
            ":1:3: bad header: expected column \"name_en\", found \"name\"".into(),
        ),
        (
            "column-count",
            file(&["x:1\tcity\tX".into()]),
            ":2:4: expected 11 tab-separated fields, found 3".into(),
        ),
        (
            "invalid-id",
            file(&[city("tz:New York", "New York", "নিউ ইয়র্ক", "")]),
            ":2:1: invalid id \"tz:New York\": ids are printable ASCII without spaces".into(),
        ),
        (
            "unknown-kind",
            file(&[row(["x:1", "town", "X", "এক্স", "", "", "", "", "", "", "t"])]),
            ":2:2: unknown kind \"town\" (expected one of: person, country, region, city, subdivision, organization)".into(),
        ),
        (
            "empty-field",
            file(&[row(["x:1", "city", "X", "", "", "", "", "", "", "", "t"])]),
            ":2:4: empty name_bn on a row that is not an extension row (an extension row leaves kind, name_en and name_bn all empty)".into(),
        ),
        (
            "empty-list-element",
            file(&[city("x:1", "X", "এক্স", "এ||বি")]),
            ":2:5: empty element in the aliases_bn list (`||` or a `|` at an end)".into(),
        ),
        (
            "normalizes-to-nothing",
            file(&[city("x:1", "X", "এক্স", "এক্স২|\u{200D}")]),
            ":2:5: name \"\\u{200D}\" is empty once normalized".into(),
        ),
        (
            "malformed-bengali",
            file(&[city("x:1", "X", "\u{09BE}k", "")]),
            ":2:4: malformed Bengali in \"\u{9BE}k\": sign U+09BE at character 0 has no base letter".into(),
        ),
        (
            "duplicate-name",
            file(&[city("x:1", "X", "ঢাকা", "ঢাকা")]),
            // Bengali stays readable; only invisibles are escaped.
            ":2:5: duplicate name \"ঢাকা\": the entity already has it (in name_bn)".into(),
        ),
        (
            "unknown-id",
            file(&[row(["x:2", "", "", "", "এক্স", "", "", "", "", "", ""])]),
            ":2:1: extension row for unknown id \"x:2\" (no loaded file defines it)".into(),
        ),
        (
            "conflict",
            file(&[city("x:1", "X", "এক্স", ""), city("x:1", "Y", "এক্স", "")]),
            // The earlier definition is named by file too: filled in below.
            ":3:3: id \"x:1\" is already defined at {FILE}:2 with a different name_en".into(),
        ),
        (
            "unknown-parent",
            file(&[row(["x:1", "city", "X", "এক্স", "", "", "", "", "", "x:none", "t"])]),
            ":2:10: unknown parent id \"x:none\"".into(),
        ),
    ]
}

#[test]
fn gazetteer_check_reads_a_copy_of_a_shipped_file_in_its_place() {
    let dir = temp_dir("gazetteer-copy");
    let copy = dir.path().join("data/gazetteer");
    std::fs::create_dir_all(&copy).unwrap();
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer/people.tsv");
    let people = std::fs::read_to_string(shipped).unwrap();
    let rows = people
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("id\t"))
        .count();
    // The shipped file's path, or a copy's: checked in place of the
    // shipped copy, not beside it (every alias a duplicate of itself).
    let path = write(&copy, "people.tsv", &people);
    for file in [shipped, path.as_str()] {
        let out = run(&["gazetteer", "check", file]);
        assert_eq!(
            (out.code, out.stdout(), out.stderr),
            (
                Some(0),
                format!("ok: {rows} entities in 1 files\n"),
                "".into()
            ),
            "{file}"
        );
    }
    // An edit that breaks it is reported at its line.
    let broken = people.replacen("\tperson\t", "\ttown\t", 1);
    let line = broken.lines().position(|l| l.contains("\ttown\t")).unwrap() + 1;
    let path = write(&copy, "people.tsv", &broken);
    let out = run(&["gazetteer", "check", &path]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .starts_with(&format!("{path}:{line}:2: unknown kind")),
        "{}",
        out.stderr
    );
}

#[test]
fn gazetteer_with_each_validation_error() {
    let dir = temp_dir("gazetteer-errors");
    let text = write(&dir, "text.txt", "রাশিয়া\n");
    for (name, bytes, message) in gazetteer_cases() {
        let path = write(&dir, &format!("{name}.tsv"), bytes);
        let located = format!("{path}{}", message.replace("{FILE}", &path));
        // gazetteer check: every error on stderr, a summary, exit 1.
        let out = run(&["gazetteer", "check", &path]);
        assert_eq!(
            out.stderr,
            format!("{located}\nbengali-names: 1 error(s) in gazetteer files\n"),
            "{name}"
        );
        assert_eq!((out.code, out.stdout()), (Some(1), String::new()), "{name}");
        // match --gazetteer: a bad file is a usage error, exit 2.
        let out = run(&["match", "--gazetteer", &path, &text]);
        assert_eq!(
            out.stderr,
            format!("bengali-names: bad --gazetteer file:\n{located}\n"),
            "{name}"
        );
        assert_eq!((out.code, out.stdout()), (Some(2), String::new()), "{name}");
    }
}

#[test]
fn gazetteer_that_cannot_be_read() {
    let dir = temp_dir("gazetteer-io");
    let text = write(&dir, "text.txt", "রাশিয়া\n");
    let missing = dir.path().join("missing.tsv").display().to_string();
    let directory = dir.path().display().to_string();
    for (path, os) in [
        (&missing, "No such file or directory (os error 2)"),
        (&directory, "Is a directory (os error 21)"),
    ] {
        let located = format!("{path}:0: cannot read file: {os}");
        let out = run(&["gazetteer", "check", path]);
        assert_eq!(
            (out.code, out.stderr),
            (
                Some(2),
                format!("{located}\nbengali-names: 1 error(s) in gazetteer files\n")
            )
        );
        let out = run(&["match", "--gazetteer", path, &text]);
        assert_eq!(
            (out.code, out.stderr),
            (
                Some(2),
                format!("bengali-names: bad --gazetteer file:\n{located}\n")
            )
        );
    }
}

#[test]
fn common_word_files_add_words_and_name_parts() {
    let dir = temp_dir("common-words");
    let text = write(&dir, "text.txt", "সম্পাদক জিসম ফারুকী বলেন।\n");
    let unlisted = |extra: &[&str]| {
        let args: Vec<&str> = ["match", "--unlisted", "--format", "tsv"]
            .iter()
            .chain(extra)
            .chain([&text.as_str()])
            .copied()
            .collect();
        let out = run(&args);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        String::from_utf8(out.stdout).unwrap().lines().count() - 1
    };
    // জিসম is in no list: ফারুকী alone is no name.
    assert_eq!(unlisted(&[]), 0);
    // Glossed `name part`, the user's word makes the run a name.
    let words = write(&dir, "words.txt", "# mine\nজিসম\tname part\n");
    assert_eq!(unlisted(&["--common-words", &words]), 1);
    // A bad file is a usage error naming its line, as a bad gazetteer is.
    let bad = write(&dir, "bad.txt", b"\xff\n");
    let out = run(&["match", "--common-words", &bad, &text]);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        format!("bengali-names: bad --gazetteer or --common-words file:\n{bad}:1:1: invalid UTF-8 at byte offset 0\n")
    );
}

#[test]
fn one_letter_aliases_never_fire() {
    let dir = temp_dir("one-letter");
    // Aliases ক (a consonant), কা (one letter and a vowel sign), ৫ (a digit)
    // and Y: each one letter, so the matcher skips them.
    let gazetteer = write(
        &dir,
        "one.tsv",
        format!(
            "{HEADER}\n{}\n",
            row([
                "x:1",
                "city",
                "Xanadu",
                "জানাডু",
                "ক|কা|৫",
                "Y",
                "",
                "",
                "",
                "",
                "t"
            ])
        ),
    );
    let out = run(&["gazetteer", "check", &gazetteer]);
    assert_eq!(
        (out.code, out.stdout(), out.stderr),
        (Some(0), "ok: 1 entities in 1 files\n".into(), "".into())
    );
    let text = format!("{}জানাডু।\n", "ক কা ৫ Y y কের ".repeat(10_000));
    let path = write(&dir, "text.txt", &text);
    let out = run(&["match", "--format", "tsv", "--gazetteer", &gazetteer, &path]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    let rows: Vec<_> = out.stdout().lines().skip(1).map(str::to_owned).collect();
    let start = text.len() - "জানাডু।\n".len();
    let chars = text.chars().count() - "জানাডু।\n".chars().count();
    assert_eq!(
        rows,
        [format!(
            "{start}\t{}\t{chars}\t{}\tজানাডু\tজানাডু\t\tx:1\tcity\tXanadu\tজানাডু\t\texact\t1",
            start + "জানাডু".len(),
            chars + 6
        )]
    );
}

// ---------------------------------------------------------------- progress

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    // The tests' stderr is a pipe: nothing but messages may appear there.
    let dir = temp_dir("progress");
    let path = write(
        &dir,
        "article.txt",
        one_line_article(400).replace("। ", "।\n"),
    );
    for command in TEXT_COMMANDS {
        let out = run(&[command, &path]);
        assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""), "{command}");
        assert!(!out.stdout.is_empty());
    }
}
