//! `headline-trends gen-demo`: writes the bundled demo dataset (see `demo`).

use super::CliError;
use crate::demo::{DemoSpec, generate};
use lexopt::prelude::*;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

pub fn run(args: Vec<OsString>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut spec = DemoSpec::default();
    let mut output: Option<PathBuf> = None;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('o') | Long("output") => output = Some(parser.value()?.into()),
            Long("seed") => spec.seed = parser.value()?.parse()?,
            _ => return Err(arg.unexpected().into()),
        }
    }
    let text = generate(&spec);
    match output {
        Some(path) => {
            std::fs::write(&path, text).map_err(|e| CliError(format!("cannot write {}: {e}", path.display())))
        }
        None => out.write_all(text.as_bytes()).map_err(Into::into),
    }
}
