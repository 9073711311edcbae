//! `headline-trends export <file>`: a chart as SVG or CSV, or the filtered articles as CSV or
//! JSON Lines, made by the same code as the page's exports (for scripted weekly reports).

use super::CliError;
use crate::analysis::dashboard::{ViewSettings, compute};
use crate::analysis::topics::TopicRef;
use crate::analysis::view_state::ViewState;
use crate::analysis::{TokenizerKind, read_store};
use crate::export::charts::{ChartKind, ExportContext, chart_csv, chart_svg};
use crate::export::manifest::{InputFile, Manifest, app_version};
use crate::export::{articles, filter_text};
use crate::ingest::ParseOptions;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use lexopt::prelude::*;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

struct ExportArgs {
    path: PathBuf,
    chart: Option<ChartKind>,
    articles: bool,
    format: String,
    output: Option<PathBuf>,
    view: ViewState,
    options: ParseOptions,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

fn parse_date(value: &str, flag: &str) -> Result<NaiveDate, CliError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|e| CliError(format!("{flag} {value:?} is not YYYY-MM-DD: {e}")))
}

fn parse_args(args: Vec<OsString>) -> Result<ExportArgs, CliError> {
    let mut parsed = ExportArgs {
        path: PathBuf::new(),
        chart: None,
        articles: false,
        format: String::new(),
        output: None,
        view: ViewState::default(),
        options: ParseOptions::default(),
        from: None,
        to: None,
    };
    let mut path = None;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("chart") => {
                let name = parser.value()?.string()?;
                parsed.chart = Some(ChartKind::from_name(&name).ok_or_else(|| {
                    CliError(format!("unknown chart {name:?}; use volume, topics, topic-trends, views or timing"))
                })?);
            }
            Long("articles") => parsed.articles = true,
            Long("format") => parsed.format = parser.value()?.string()?,
            Short('o') | Long("output") => parsed.output = Some(parser.value()?.into()),
            Long("from") => parsed.from = Some(parse_date(&parser.value()?.string()?, "--from")?),
            Long("to") => parsed.to = Some(parse_date(&parser.value()?.string()?, "--to")?),
            Long("topic") => {
                let text = parser.value()?.string()?;
                let topic = TopicRef::parse(&text)
                    .ok_or_else(|| CliError(format!("--topic {text:?}: use kind:key, e.g. keyword:ukraine")))?;
                parsed.view.filter.any_topics.push(topic.clone());
                parsed.view.chosen_topics.push(topic);
            }
            Long("query") => parsed.view.filter.query = parser.value()?.string()?,
            Long("min-views") => parsed.view.filter.min_views = Some(parser.value()?.parse()?),
            Long("reference-time") => {
                let value = parser.value()?.string()?;
                parsed.options.reference_time =
                    Some(DateTime::parse_from_rfc3339(&value).map_err(|e| CliError(format!("--reference-time: {e}")))?);
            }
            Long("site-offset") => {
                let value = parser.value()?.string()?;
                parsed.options.site_offset =
                    value.parse::<FixedOffset>().map_err(|e| CliError(format!("--site-offset {value:?}: {e}")))?;
            }
            Value(value) if path.is_none() => path = Some(PathBuf::from(value)),
            _ => return Err(arg.unexpected().into()),
        }
    }
    parsed.path = path.ok_or_else(|| CliError("export needs a file".to_owned()))?;
    if parsed.chart.is_none() && !parsed.articles {
        return Err(CliError("export needs --chart <name> or --articles".to_owned()));
    }
    Ok(parsed)
}

fn local_midnight_ms(date: NaiveDate, offset: FixedOffset) -> Option<i64> {
    offset.from_local_datetime(&date.and_hms_opt(0, 0, 0)?).single().map(|t| t.timestamp_millis())
}

pub fn run(args: Vec<OsString>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut args = parse_args(args)?;
    let bytes = std::fs::read(&args.path).map_err(|e| CliError(format!("cannot read {}: {e}", args.path.display())))?;
    args.options.name = args.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if args.options.reference_time.is_none() {
        args.options.reference_time = super::inspect::modified_time(&args.path);
    }
    let offset = args.options.site_offset;
    args.view.filter.from_ms = args.from.and_then(|d| local_midnight_ms(d, offset));
    args.view.filter.to_ms = args.to.and_then(|d| local_midnight_ms(d.succ_opt()?, offset));
    let (report, store) = read_store(&bytes, &args.options, TokenizerKind::Rich)?;
    let reference_time = report.reference_time.map(|t| t.to_rfc3339());
    let format = report.format.name().to_owned();
    let settings = ViewSettings { chosen_topics: args.view.chosen_topics.clone(), ..ViewSettings::default() };
    let data = compute(&store, &args.view.filter, &[], &settings);
    let manifest = Manifest {
        app: app_version(),
        input: InputFile::of(&args.options.name, &bytes),
        format,
        reference_time,
        time_zone: offset.to_string(),
        filter: args.view.filter.clone(),
        user_topics: Vec::new(),
        view_query: args.view.to_query(),
        content: String::new(),
    };
    let ctx = ExportContext {
        store: &store,
        data: &data,
        view: &args.view,
        filter_text: filter_text(&args.view, offset),
        manifest: &manifest,
    };
    let bytes = match (args.chart, args.format.as_str()) {
        (Some(kind), "svg") => chart_svg(kind, &ctx).map_err(|e| CliError(e.to_string()))?.into_bytes(),
        (Some(kind), "csv") => chart_csv(kind, &ctx),
        (None, "csv") => articles::articles_csv(&store, &data.selection, false),
        (None, "jsonl") => articles::articles_jsonl(&store, &data.selection),
        (_, other) => {
            return Err(CliError(format!("--format {other:?}: charts export as svg or csv, articles as csv or jsonl")));
        }
    };
    match args.output {
        Some(path) => {
            std::fs::write(&path, bytes).map_err(|e| CliError(format!("cannot write {}: {e}", path.display())))
        }
        None => out.write_all(&bytes).map_err(Into::into),
    }
}
