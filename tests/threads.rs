//! `--threads N` gives the same output, byte for byte, as one thread: for
//! every text subcommand and format, over several files, with document
//! context (partial names, shared names read by country) crossing the
//! batches the threads work on.
#![cfg(feature = "cli")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::process::Command;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_bengali-names");

/// A news story that names people fully, then by surname alone, and also
/// uses a surname before anyone was named (which must not link).
/// Upazilas several districts share, each read by the district beside it.
const PLACES: &str = "দিনাজপুরের নবাবগঞ্জে সভা হয়। নবাবগঞ্জ (ঢাকা) প্রতিনিধি মো. আবদুল করিম জানান।\n";

const STORY: &str = "\
শোইগু নামটি এখানে কারও নয়।
রাশিয়ার প্রতিরক্ষামন্ত্রী সের্গেই শোইগু আজ পিয়ংইয়ংয়ে পৌঁছেছেন।
উত্তর কোরিয়ার নেতা কিম জং উন তাঁকে স্বাগত জানান।
পরে শোইগু সাংবাদিকদের বলেন, দুই দেশের সম্পর্ক আরও গভীর হবে।
ওয়াটসন এই সফর নিয়ে কিছু বলেননি।
হোয়াইট হাউসের মুখপাত্র অ্যাড্রিয়েন ওয়াটসন পরে এক বিবৃতি দেন।
ওয়াটসনের বিবৃতিতে বলা হয়, DPRK-এর সঙ্গে রাশিয়ার সহযোগিতা উদ্বেগের।
";

fn temp_dir(test: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("bengali-names-threads-{test}-"))
        .tempdir()
        .unwrap()
}

/// Runs the binary; small chunks (and so small batches) make the threads
/// work on many pieces of each file.
fn run(args: &[&str], threads: &str) -> Vec<u8> {
    let out = Command::new(BIN)
        .args(args)
        .args(["--threads", threads])
        .env("BENGALI_NAMES_MAX_CHUNK", "96")
        .output()
        .unwrap();
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).as_ref()
        ),
        (Some(0), ""),
        "{args:?} --threads {threads}"
    );
    out.stdout
}

/// The test files, in a directory of `test`'s own: tests run in parallel,
/// and one clearing a shared directory would pull the files from under
/// another.
fn files(test: &str) -> (TempDir, Vec<String>) {
    let dir = temp_dir(test);
    let news = include_str!("../examples/data/news.bn.txt");
    let mut paths = Vec::new();
    for (name, text) in [
        ("story.txt", STORY.repeat(6)),
        ("news.txt", news.to_string()),
        ("both.txt", format!("{news}{STORY}{news}")),
        // Articles separated by blank lines, for `--documents paragraph`;
        // the last line holds units read by the district beside them.
        (
            "articles.txt",
            format!("{STORY}\n{STORY}\n\n{news}\n{STORY}{PLACES}"),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path.display().to_string());
    }
    (dir, paths)
}

#[test]
fn every_thread_count_gives_one_threads_output() {
    let (_dir, paths) = files("every-count");
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let commands: Vec<Vec<&str>> = vec![
        vec!["match"],
        vec!["match", "--format", "tsv"],
        vec!["match", "--format", "text"],
        vec!["match", "--documents", "paragraph"],
        vec!["match", "--documents", "line"],
        vec!["match", "--unlisted", "--format", "tsv"],
        vec!["normalize"],
        vec!["normalize", "--key"],
        vec!["translit"],
        vec!["translit", "--scheme", "name", "--top", "3"],
    ];
    for command in commands {
        for files in [&paths[..1], &paths[..]] {
            let args: Vec<&str> = command.iter().chain(files).copied().collect();
            let one = run(&args, "1");
            assert!(!one.is_empty(), "{args:?}");
            for threads in ["2", "3", "8", "0"] {
                let many = run(&args, threads);
                assert!(
                    one == many,
                    "{args:?}: --threads {threads} differs from one thread\n--- 1\n{}\n--- {threads}\n{}",
                    String::from_utf8_lossy(&one),
                    String::from_utf8_lossy(&many)
                );
            }
        }
    }
}

#[test]
fn partial_names_link_across_batches() {
    // Each later surname is in another batch than the full name, and those
    // batches were handed out before the full name was seen: the output
    // must still link them, as one thread does.
    let (_dir, paths) = files("across-batches");
    let out = String::from_utf8(run(&["match", "--format", "tsv", &paths[0]], "4")).unwrap();
    let partial = |name_en: &str| {
        out.lines()
            .filter(|l| l.contains(&format!("\t{name_en}\t")) && l.contains("\tpartial\t"))
            .count()
    };
    // Two later surnames per copy of the story (শোইগু, ওয়াটসনের); the
    // opening surname of the first copy links to nobody, but those of the
    // later copies link to the people named in the copy before.
    assert_eq!(partial("Sergei Shoigu"), 6 + 5, "{out}");
    assert_eq!(partial("Adrienne Watson"), 6 + 5, "{out}");
}

#[test]
fn shared_names_follow_the_country_named_in_another_batch() {
    // পাঞ্জাব, with no country named yet, is the prior's (India's); জর্জিয়া,
    // batches after the file names an American, is the US state.
    let dir = temp_dir("shared-names");
    let filler = "এই লাইনে কোনো নাম নেই, শুধু কথা আছে।\n".repeat(8);
    let text = format!(
        "পাঞ্জাবে বৃষ্টি হয়েছে।\n{filler}ডোনাল্ড ট্রাম্প সমাবেশে গেছেন।\n{filler}জর্জিয়ায় ভোট গণনা চলছে।\n"
    );
    let path = dir.path().join("shared.txt");
    std::fs::write(&path, text).unwrap();
    let path = path.display().to_string();
    let one = run(&["match", "--format", "tsv", &path], "1");
    let four = run(&["match", "--format", "tsv", &path], "4");
    assert!(one == four, "--threads 4 differs from one thread");
    let ids: Vec<String> = String::from_utf8(one)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(7).unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["iso:IN-PB", "person:donald-trump", "iso:US-GA"]);
}

#[test]
fn an_input_error_comes_after_the_output_before_it() {
    // Many small batches are in flight when the invalid byte is read: all
    // the lines before it are still written, as with one thread.
    let dir = temp_dir("bad-utf8");
    let mut bytes = STORY.repeat(4).into_bytes();
    bytes.extend_from_slice(b"\xff\n");
    bytes.extend_from_slice(STORY.as_bytes());
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, &bytes).unwrap();
    let path = path.display().to_string();
    for command in ["match", "normalize", "translit"] {
        let outputs: Vec<_> = ["1", "4"]
            .iter()
            .map(|threads| {
                Command::new(BIN)
                    .args([command, "--threads", threads, &path])
                    .env("BENGALI_NAMES_MAX_CHUNK", "96")
                    .output()
                    .unwrap()
            })
            .collect();
        let (one, four) = (&outputs[0], &outputs[1]);
        assert_eq!(one.status.code(), Some(2), "{command}");
        assert_eq!(four.status.code(), Some(2), "{command}");
        assert!(!one.stdout.is_empty(), "{command}");
        assert!(one.stdout == four.stdout, "{command}");
        assert_eq!(one.stderr, four.stderr, "{command}");
    }
}
