//! `factcards`, the author CLI: checks deck files before they are published.
//!
//! ```text
//! factcards validate [--article ARTICLE] FILE...   check decks against format v1
//! factcards render FILE        write a deck as static HTML to stdout
//! factcards suggest [--deck DECK] ARTICLE   draft facts from an article, as deck JSON
//! factcards help               print the usage
//! ```
//!
//! `validate` prints `FILE: ok (N facts)` for a valid deck and one line per
//! problem otherwise, `FILE: path: message` (or `FILE: message` for the deck
//! itself; a path in a fact names its id: `facts[11] (id "nelson").back`),
//! all to stdout. A valid deck's warnings (a fact left out of choice quizzes,
//! a kind short of options, an answer unlike its kind) are `FILE: warning:
//! path: message` lines and do not fail it. With `--article`, each quote must be in the
//! article (`FILE: facts[3] (id "x").quote: not in the article; closest:
//! "…"`), and a number the article lacks is a `FILE: warning: …` line.
//! Exit status: 0 when every file is a valid deck, 1 when any is not (or
//! cannot be read), 2 for a usage error.
//!
//! The wasm build compiles every target, this one included, so the CLI is
//! native only and wasm32 gets an empty `main`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os().skip(1).collect())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use factcards::model::article::{self, Severity};
    use factcards::model::validate::{deck_warnings, parse_deck_text};
    use std::ffi::OsString;
    use std::io::{self, Write};
    use std::path::Path;
    use std::process::ExitCode;

    /// The help text, printed by `help` and after a usage error.
    const USAGE: &str = "\
usage: factcards <command> [arguments]

commands:
  validate [--article ARTICLE] FILE...
                     check each deck file against the deck format v1; print
                     \"FILE: ok (N facts)\" for a valid deck, else one line per
                     problem, \"FILE: path: message\" (a fact's path names
                     its id). Warnings (a fact left out of choice quizzes,
                     a kind with too few wrong options, an answer unlike
                     its kind) are \"FILE: warning: path: message\" lines
                     and still exit 0. With --article (a .txt
                     file, or .html reduced to its text; UTF-8 or UTF-16 with
                     its BOM; else read as Windows-1252, or as UTF-8 with its
                     stray bytes as U+FFFD, with a warning), every quote must be
                     in the article (else an error naming the closest passage)
                     and a number in a back, accept or detail that the article
                     lacks is a \"FILE: warning: path: message\" line
  render FILE        write the deck as semantic static HTML to stdout (a
                     fallback to put inside <fact-cards>); exit 1 if invalid
  suggest [--deck DECK] ARTICLE
                     draft facts from the article's sentences (money, numbers,
                     dates, people and their roles, organisations, places) and
                     write them to stdout as deck JSON, each with its sentence
                     as the quote; with --deck, none that DECK already has.
                     Review every draft before publishing
  help               print this help

exit status: 0 all valid, 1 a deck has problems or cannot be read, 2 usage error
";

    /// Exit status when a deck has problems or cannot be read.
    const INVALID: u8 = 1;
    /// Exit status for a usage error.
    const USAGE_ERROR: u8 = 2;

    /// Runs the command line `args` (without the program name).
    pub fn run(args: Vec<OsString>) -> ExitCode {
        let mut args = args.into_iter();
        let Some(command) = args.next() else {
            return usage_error("no command given");
        };
        let rest: Vec<OsString> = args.collect();
        match command.to_str() {
            Some("validate") => {
                let (article, rest) = match value_option(rest, "--article") {
                    Ok(split) => split,
                    Err(message) => return usage_error(&message),
                };
                match files(rest) {
                    Ok(files) if !files.is_empty() => validate(&files, article.as_deref()),
                    Ok(_) => usage_error("validate: no FILE given"),
                    Err(message) => usage_error(&message),
                }
            }
            Some("render") => match files(rest) {
                Ok(files) if files.len() == 1 => render(Path::new(&files[0])),
                Ok(_) => usage_error("render: give exactly one FILE"),
                Err(message) => usage_error(&message),
            },
            Some("suggest") => {
                let (deck, rest) = match value_option(rest, "--deck") {
                    Ok(split) => split,
                    Err(message) => return usage_error(&message),
                };
                match files(rest) {
                    Ok(files) if files.len() == 1 => suggest(Path::new(&files[0]), deck.as_deref().map(Path::new)),
                    Ok(_) => usage_error("suggest: give exactly one ARTICLE"),
                    Err(message) => usage_error(&message),
                }
            }
            Some("help" | "-h" | "--help") => {
                print!("{USAGE}");
                ExitCode::SUCCESS
            }
            _ => usage_error(&format!("unknown command {:?}", command.to_string_lossy())),
        }
    }

    /// The file operands of a command: everything after it, with `--` ending
    /// options (there are none yet, so any other `-x` is an error).
    fn files(args: Vec<OsString>) -> Result<Vec<OsString>, String> {
        let mut files = Vec::with_capacity(args.len());
        let mut operands_only = false;
        for arg in args {
            if !operands_only && arg == "--" {
                operands_only = true;
            } else if !operands_only && arg.len() > 1 && arg.to_string_lossy().starts_with('-') {
                return Err(format!("unknown option {:?}", arg.to_string_lossy()));
            } else {
                files.push(arg);
            }
        }
        Ok(files)
    }

    /// Takes the option `name` with its value (`--article A` or
    /// `--article=A`) out of `args`, before any `--`.
    fn value_option(args: Vec<OsString>, name: &str) -> Result<(Option<OsString>, Vec<OsString>), String> {
        let mut article = None;
        let prefix = format!("{name}=");
        let mut rest = Vec::with_capacity(args.len());
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "--" {
                rest.push(arg);
                rest.extend(args.by_ref());
                break;
            }
            let value = if arg == name {
                Some(args.next().ok_or_else(|| format!("{name}: no file given"))?)
            } else {
                arg.to_str().and_then(|a| a.strip_prefix(&prefix)).map(OsString::from)
            };
            match value {
                Some(_) if article.is_some() => return Err(format!("{name} given twice")),
                Some(v) => article = Some(v),
                None => rest.push(arg),
            }
        }
        Ok((article, rest))
    }

    /// The text of the article file `path`: an HTML file (by its `.html` or
    /// `.htm` name, or its content) reduced to its text; and a warning when
    /// its bytes are not UTF-8 (see [`article::decode`]).
    fn read_article(path: &Path) -> io::Result<(String, Option<String>)> {
        let (text, encoding) = article::decode(&std::fs::read(path)?);
        let warning = encoding.warning();
        let html_name = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["html", "htm", "xhtml"].contains(&e.to_ascii_lowercase().as_str()));
        let text = if html_name || article::looks_like_html(&text) { article::text_from_html(&text) } else { text };
        Ok((text, warning))
    }

    /// `suggest [--deck DECK] ARTICLE`: draft facts as deck JSON on stdout;
    /// problems on stderr (exit status 1).
    fn suggest(file: &Path, deck: Option<&Path>) -> ExitCode {
        use factcards::model::suggest;
        let name = file.display();
        let text = match read_article(file) {
            Ok((text, warning)) => {
                if let Some(w) = warning {
                    eprintln!("{name}: warning: {w}");
                }
                text
            }
            Err(e) => {
                eprintln!("{name}: cannot read: {e}");
                return ExitCode::from(INVALID);
            }
        };
        let existing = match deck.map(|d| (d, std::fs::read_to_string(d))) {
            None => None,
            Some((d, Err(e))) => {
                eprintln!("{}: cannot read: {e}", d.display());
                return ExitCode::from(INVALID);
            }
            Some((d, Ok(json))) => match parse_deck_text(&json) {
                Ok(deck) => Some(deck),
                Err(issues) => {
                    let name = d.display();
                    for issue in &issues {
                        eprintln!("{name}: {}", issue.line());
                    }
                    return ExitCode::from(INVALID);
                }
            },
        };
        let drafts = suggest::suggest(&text, existing.as_ref());
        if drafts.is_empty() {
            eprintln!("{name}: no new facts found");
            return ExitCode::from(INVALID);
        }
        let title = suggest::title_guess(&text)
            .or_else(|| file.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "Suggested facts".into());
        let mut deck = suggest::to_deck(&drafts, &title, existing.as_ref());
        deck.description = Some("Draft facts suggested from the article: review each before publishing.".into());
        let json = match serde_json::to_string_pretty(&deck) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("factcards: cannot write the deck: {e}");
                return ExitCode::from(INVALID);
            }
        };
        let mut out = io::stdout().lock();
        match out.write_all(json.as_bytes()).and_then(|_| out.write_all(b"\n")).and_then(|_| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => output_failed(&e),
        }
    }

    /// `render FILE`: the deck as static HTML on stdout, or its problems on
    /// stderr (exit status 1).
    fn render(file: &Path) -> ExitCode {
        let name = file.display();
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{name}: cannot read: {e}");
                return ExitCode::from(INVALID);
            }
        };
        match parse_deck_text(&text) {
            Ok(deck) => {
                let html = factcards::model::static_html::render(&deck);
                let mut out = io::stdout().lock();
                match out.write_all(html.as_bytes()).and_then(|_| out.flush()) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => output_failed(&e),
                }
            }
            Err(issues) => {
                for issue in &issues {
                    eprintln!("{name}: {}", issue.line());
                }
                ExitCode::from(INVALID)
            }
        }
    }

    /// Prints `message` and the usage to stderr; exit status 2.
    fn usage_error(message: &str) -> ExitCode {
        eprintln!("factcards: {message}\n\n{USAGE}");
        ExitCode::from(USAGE_ERROR)
    }

    /// `validate [--article ARTICLE] FILE...`: checks every file, reporting
    /// each on stdout.
    fn validate(files: &[OsString], article: Option<&std::ffi::OsStr>) -> ExitCode {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let article = match article.map(|a| (Path::new(a), read_article(Path::new(a)))) {
            None => None,
            Some((_, Ok((text, None)))) => Some(text),
            Some((path, Ok((text, Some(warning))))) => {
                if let Err(e) = writeln!(out, "{}: warning: {warning}", path.display()) {
                    return output_failed(&e);
                }
                Some(text)
            }
            Some((path, Err(e))) => {
                let line = format!("{}: cannot read: {e}", path.display());
                return match writeln!(out, "{line}").and_then(|_| out.flush()) {
                    Ok(()) => ExitCode::from(INVALID),
                    Err(e) => output_failed(&e),
                };
            }
        };
        let mut all_valid = true;
        for file in files {
            match check_file(Path::new(file), article.as_deref(), &mut out) {
                Ok(valid) => all_valid &= valid,
                Err(e) => return output_failed(&e),
            }
        }
        if let Err(e) = out.flush() {
            return output_failed(&e);
        }
        if all_valid {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(INVALID)
        }
    }

    /// Checks one deck file (against `article` when given) and writes its
    /// lines to `out`; true when it is a valid deck with no error.
    fn check_file(file: &Path, article: Option<&str>, out: &mut impl Write) -> io::Result<bool> {
        let name = file.display();
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                writeln!(out, "{name}: cannot read: {e}")?;
                return Ok(false);
            }
        };
        match parse_deck_text(&text) {
            Ok(deck) => {
                let findings = article.map(|a| article::check(&deck, a)).unwrap_or_default();
                let mut warnings = 0;
                for f in &findings {
                    let path = f.labelled_path(&deck);
                    match f.severity {
                        Severity::Error => writeln!(out, "{name}: {path}: {}", f.message)?,
                        Severity::Warning => {
                            warnings += 1;
                            writeln!(out, "{name}: warning: {path}: {}", f.message)?;
                        }
                    }
                }
                for w in deck_warnings(&deck) {
                    warnings += 1;
                    writeln!(out, "{name}: warning: {}", w.line())?;
                }
                if findings.iter().any(|f| f.severity == Severity::Error) {
                    return Ok(false);
                }
                let n = deck.facts.len();
                let facts = if n == 1 { "fact" } else { "facts" };
                match warnings {
                    0 => writeln!(out, "{name}: ok ({n} {facts})")?,
                    1 => writeln!(out, "{name}: ok ({n} {facts}, 1 warning)")?,
                    w => writeln!(out, "{name}: ok ({n} {facts}, {w} warnings)")?,
                }
                Ok(true)
            }
            Err(issues) => {
                for issue in &issues {
                    writeln!(out, "{name}: {}", issue.line())?;
                }
                Ok(false)
            }
        }
    }

    /// Stdout failed (a closed pipe, a full disk): the report is incomplete,
    /// so exit 1; say why unless the reader just went away.
    fn output_failed(e: &io::Error) -> ExitCode {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("factcards: cannot write the report: {e}");
        }
        ExitCode::from(INVALID)
    }
}
