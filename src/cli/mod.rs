//! The native command `headline-trends`: check files before opening them, script reports.
//!
//! Contract: exit status 0 when the command did its work (a file that loaded with rejected
//! records is still 0), 2 on a whole-file error or bad usage, with one message on stderr.
//! Output goes to stdout only. This is the one place outside `ui` that touches files and the
//! file system clock (a file's modified time as the default reference time).

mod bench;
mod export;
mod gen_demo;
mod inspect;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  headline-trends inspect <file> [--reference-time <RFC 3339>] [--site-offset <+HH:MM>]
                          [--format scrape|csv|json|jsonl|feed] [--json] [--articles]
  headline-trends gen-demo [-o <path>] [--seed <n>]
  headline-trends bench <csv> [--runs <n>] [--tokenizer rich|plain] [--only <op>]
  headline-trends export <file> (--chart <volume|topics|topic-trends|views|timing> --format <svg|csv>
                                | --articles --format <csv|jsonl>)
                         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--topic kind:key]... [--query <text>]
                         [--min-views <n>] [--reference-time <RFC 3339>] [--site-offset <+HH:MM>] [-o <path>]";

/// A failure that ends the command: message for stderr, exit status 2.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(error: E) -> CliError {
        CliError(error.to_string())
    }
}

/// Runs the command line `args` (without the program name), writing to `out`.
pub fn run(args: Vec<OsString>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut args = args.into_iter();
    let command = args.next().ok_or_else(|| CliError(USAGE.to_owned()))?;
    let rest: Vec<OsString> = args.collect();
    match command.to_str() {
        Some("inspect") => inspect::run(rest, out),
        Some("gen-demo") => gen_demo::run(rest, out),
        Some("bench") => bench::run(rest, out),
        Some("export") => export::run(rest, out),
        Some("-h" | "--help" | "help") => {
            writeln!(out, "{USAGE}")?;
            Ok(())
        }
        _ => Err(CliError(format!("unknown command {command:?}\n{USAGE}"))),
    }
}

/// `main` of the native binary.
pub fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = run(std::env::args_os().skip(1).collect(), &mut out);
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(CliError(message)), _) => {
            eprintln!("headline-trends: {message}");
            ExitCode::from(2)
        }
        (Ok(()), Err(error)) => {
            eprintln!("headline-trends: {error}");
            ExitCode::from(2)
        }
    }
}
