//! `factcards`, the author CLI: checks deck files before they are published.
//!
//! ```text
//! factcards validate FILE...   check decks against format v1
//! factcards render FILE        write a deck as static HTML to stdout
//! factcards help               print the usage
//! ```
//!
//! `validate` prints `FILE: ok (N facts)` for a valid deck and one line per
//! problem otherwise, `FILE: path: message` (or `FILE: message` for the deck
//! itself), all to stdout. Exit status: 0 when every file is a valid deck, 1
//! when any is not (or cannot be read), 2 for a usage error.
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
    use factcards::model::validate::{parse_deck_text, Issue};
    use std::ffi::OsString;
    use std::io::{self, Write};
    use std::path::Path;
    use std::process::ExitCode;

    /// The help text, printed by `help` and after a usage error.
    const USAGE: &str = "\
usage: factcards <command> [arguments]

commands:
  validate FILE...   check each deck file against the deck format v1; print
                     \"FILE: ok (N facts)\" for a valid deck, else one line per
                     problem, \"FILE: path: message\"
  render FILE        write the deck as semantic static HTML to stdout (a
                     fallback to put inside <fact-cards>); exit 1 if invalid
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
            Some("validate") => match files(rest) {
                Ok(files) if !files.is_empty() => validate(&files),
                Ok(_) => usage_error("validate: no FILE given"),
                Err(message) => usage_error(&message),
            },
            Some("render") => match files(rest) {
                Ok(files) if files.len() == 1 => render(Path::new(&files[0])),
                Ok(_) => usage_error("render: give exactly one FILE"),
                Err(message) => usage_error(&message),
            },
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
                    if issue.path.is_empty() {
                        eprintln!("{name}: {}", issue.message);
                    } else {
                        eprintln!("{name}: {}: {}", issue.path, issue.message);
                    }
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

    /// `validate FILE...`: checks every file, reporting each on stdout.
    fn validate(files: &[OsString]) -> ExitCode {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let mut all_valid = true;
        for file in files {
            match check_file(Path::new(file), &mut out) {
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

    /// Checks one deck file and writes its lines to `out`; true when it is a
    /// valid deck.
    fn check_file(file: &Path, out: &mut impl Write) -> io::Result<bool> {
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
                let n = deck.facts.len();
                let facts = if n == 1 { "fact" } else { "facts" };
                writeln!(out, "{name}: ok ({n} {facts})")?;
                Ok(true)
            }
            Err(issues) => {
                for Issue { path, message } in &issues {
                    if path.is_empty() {
                        writeln!(out, "{name}: {message}")?;
                    } else {
                        writeln!(out, "{name}: {path}: {message}")?;
                    }
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
