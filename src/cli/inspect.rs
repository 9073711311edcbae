//! `headline-trends inspect <file>`: the format, mapping, counts and rejected lines of a file.

use super::CliError;
use crate::ingest::{self, Format, Ingested, ParseOptions};
use crate::model::Article;
use chrono::{DateTime, FixedOffset};
use lexopt::prelude::*;
use serde_json::json;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

struct InspectArgs {
    path: PathBuf,
    options: ParseOptions,
    as_json: bool,
    articles: bool,
}

fn parse_args(args: Vec<OsString>) -> Result<InspectArgs, CliError> {
    let mut path = None;
    let mut options = ParseOptions::default();
    let (mut as_json, mut articles) = (false, false);
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("reference-time") => {
                let value = parser.value()?.string()?;
                let time = DateTime::parse_from_rfc3339(&value)
                    .map_err(|e| CliError(format!("--reference-time {value:?} is not RFC 3339: {e}")))?;
                options.reference_time = Some(time);
            }
            Long("site-offset") => {
                let value = parser.value()?.string()?;
                options.site_offset =
                    value.parse::<FixedOffset>().map_err(|e| CliError(format!("--site-offset {value:?}: {e}")))?;
            }
            Long("format") => options.format = Some(parser.value()?.string()?.parse::<Format>().map_err(CliError)?),
            Long("json") => as_json = true,
            Long("articles") => articles = true,
            Value(value) if path.is_none() => path = Some(PathBuf::from(value)),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let path = path.ok_or_else(|| CliError("inspect needs a file".to_owned()))?;
    options.name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(InspectArgs { path, options, as_json, articles })
}

/// The file's modified time, the default reference time for relative dates.
pub(super) fn modified_time(path: &std::path::Path) -> Option<DateTime<FixedOffset>> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(DateTime::<chrono::Utc>::from(modified).fixed_offset())
}

pub fn run(args: Vec<OsString>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut args = parse_args(args)?;
    let bytes = std::fs::read(&args.path).map_err(|e| CliError(format!("cannot read {}: {e}", args.path.display())))?;
    if args.options.reference_time.is_none() {
        args.options.reference_time = modified_time(&args.path);
    }
    let ingested = ingest::parse(&bytes, &args.options)?;
    if args.articles {
        for article in &ingested.dataset.articles {
            serde_json::to_writer(&mut *out, &article_json(article))?;
            writeln!(out)?;
        }
    } else if args.as_json {
        serde_json::to_writer_pretty(&mut *out, &report_json(&ingested))?;
        writeln!(out)?;
    } else {
        write_text_report(&ingested, out)?;
    }
    Ok(())
}

/// One article as a JSON Lines row.
pub fn article_json(article: &Article) -> serde_json::Value {
    json!({
        "title": article.title,
        "published_at": article.published_at.map(|p| p.to_rfc3339()),
        "has_time_of_day": article.published_at.is_some_and(|p| p.has_time_of_day),
        "views": article.views,
        "category": article.category,
        "url": article.url,
        "line": article.line,
    })
}

fn report_json(ingested: &Ingested) -> serde_json::Value {
    let span = ingested
        .dataset
        .date_span()
        .map(|(first, last)| json!({"first": first.to_rfc3339(), "last": last.to_rfc3339()}));
    json!({
        "name": ingested.dataset.name,
        "format": ingested.format,
        "delimiter": ingested.delimiter,
        "mapping": ingested.mapping,
        "records": ingested.n_records,
        "loaded": ingested.n_loaded(),
        "rejected": ingested.rejected.iter().map(|r| json!({"line": r.line, "reason": r.reason.to_string(), "raw": r.raw})).collect::<Vec<_>>(),
        "duplicates": ingested.duplicates.len(),
        "duplicate_lines": ingested.duplicates,
        "warnings": ingested.warnings,
        "reference_time": ingested.reference_time.map(|t| t.to_rfc3339()),
        "date_span": span,
    })
}

fn write_text_report(ingested: &Ingested, out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(out, "file:       {}", ingested.dataset.name)?;
    write!(out, "format:     {}", ingested.format)?;
    if let Some(delimiter) = ingested.delimiter {
        write!(out, " (delimiter {delimiter:?})")?;
    }
    writeln!(out)?;
    if let Some(mapping) = &ingested.mapping {
        let roles = [
            ("title", &mapping.title),
            ("published", &mapping.published),
            ("views", &mapping.views),
            ("category", &mapping.category),
            ("url", &mapping.url),
            ("body", &mapping.body),
            ("author", &mapping.author),
        ];
        let described: Vec<String> =
            roles.iter().filter_map(|(role, column)| column.as_ref().map(|c| format!("{role}={c:?}"))).collect();
        writeln!(out, "mapping:    {}", described.join(", "))?;
    }
    writeln!(
        out,
        "records:    {}  loaded: {}  rejected: {}  duplicates: {}",
        ingested.n_records,
        ingested.n_loaded(),
        ingested.rejected.len(),
        ingested.duplicates.len()
    )?;
    if let Some((first, last)) = ingested.dataset.date_span() {
        writeln!(out, "date span:  {} .. {}", first.to_rfc3339(), last.to_rfc3339())?;
    }
    for warning in &ingested.warnings {
        writeln!(out, "warning:    {warning}")?;
    }
    for rejected in &ingested.rejected {
        writeln!(out, "rejected:   {rejected}: {:?}", rejected.raw)?;
    }
    Ok(())
}
