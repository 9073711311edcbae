//! `headline-trends bench <csv> [--runs N] [--tokenizer rich|plain]`: the shared workload's ops,
//! timed natively, one JSON object per line with the median time and the result digest.

use super::CliError;
use crate::analysis::bench_ops::{OPS, RANGE_FROM_MS, RANGE_TO_MS, run_op};
use crate::analysis::dashboard::{ViewSettings, compute};
use crate::analysis::filter::Filter;
use crate::analysis::topics::{TopicKind, TopicRef};
use crate::analysis::{Store, StoreBuilder, TokenizerKind};
use crate::ingest::{self, ParseOptions};
use lexopt::prelude::*;
use serde_json::json;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// Runs `work` `runs` times; returns the median milliseconds and the last result.
#[expect(clippy::disallowed_methods, reason = "the benchmark is where the clock is read")]
fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let result = std::hint::black_box(work());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        last = Some(result);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    (median, last.unwrap_or_else(|| unreachable!("at least one run")))
}

/// Milliseconds per named phase.
type Phases = Vec<(&'static str, f64)>;

/// Op a_load with the time of each phase (ms): decode, parse into file-order columns, sort by
/// time, copy into time order while tokenizing, postings and calendar keys.
#[expect(clippy::disallowed_methods, reason = "the benchmark is where the clock is read")]
fn load_in_phases(bytes: &[u8], options: &ParseOptions, tokenizer: TokenizerKind) -> Result<(Store, Phases), CliError> {
    let mut phases = Vec::new();
    let mut lap = Instant::now();
    let mut record = |name: &'static str| {
        phases.push((name, lap.elapsed().as_secs_f64() * 1000.0));
        lap = Instant::now();
    };
    let decompressed = ingest::decompress(bytes)?;
    let decoded = ingest::decode(&decompressed)?;
    record("decode_ms");
    let mut builder = StoreBuilder::over(&decoded.text, tokenizer, 0);
    let mut report = ingest::read_in_two_parts(&decoded, options, &mut builder)?;
    if report.n_loaded() == 0 {
        return Err(CliError("no article could be read from the file".to_owned()));
    }
    record("parse_ms");
    let mut indexer = builder.into_indexer(options.site_offset, &mut report);
    record("sort_ms");
    indexer.index_rest();
    record("tokenize_ms");
    let store = indexer.finish();
    record("postings_and_keys_ms");
    Ok((store, phases))
}

fn round3(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

pub fn run(args: Vec<OsString>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut path: Option<PathBuf> = None;
    let mut runs = 10usize;
    let mut tokenizer = TokenizerKind::Rich;
    let mut only: Option<String> = None;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("runs") => runs = parser.value()?.parse()?,
            Long("only") => only = Some(parser.value()?.string()?),
            Long("tokenizer") => {
                tokenizer = match parser.value()?.string()?.as_str() {
                    "rich" => TokenizerKind::Rich,
                    "plain" => TokenizerKind::Plain,
                    other => {
                        return Err(CliError(format!("unknown tokenizer {other:?}; use rich or plain")));
                    }
                }
            }
            Value(value) if path.is_none() => path = Some(value.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let path = path.ok_or_else(|| CliError("bench needs a CSV file (see ../shared/bench/gen-data.mjs)".to_owned()))?;
    let bytes = std::fs::read(&path).map_err(|e| CliError(format!("cannot read {}: {e}", path.display())))?;
    let utc = chrono::FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!());
    let options = ParseOptions { site_offset: utc, ..ParseOptions::default() };
    let load = || load_in_phases(&bytes, &options, tokenizer);
    let (load_ms, loaded) = time(if only.is_some() { 1 } else { runs.min(5) }, load);
    let (store, phases) = loaded?;
    let tokenizer_name = if tokenizer == TokenizerKind::Plain { "plain" } else { "rich" };
    let bytes_per_article = store.heap_bytes() as f64 / store.len().max(1) as f64;
    writeln!(
        out,
        "{}",
        json!({"op": "a_load", "median_ms": round3(load_ms), "rows": store.len(), "tokenizer": tokenizer_name, "store_bytes_per_article": bytes_per_article.round()})
    )?;
    let mut phase_line = serde_json::Map::new();
    phase_line.insert("op".into(), "a_load_phases".into());
    phase_line.insert("run".into(), "last".into());
    for (name, ms) in phases {
        phase_line.insert(name.into(), round3(ms).into());
    }
    writeln!(out, "{}", serde_json::Value::Object(phase_line))?;
    let wanted = |op: &str| only.as_deref().is_none_or(|o| o == op);
    for op in OPS.into_iter().filter(|op| wanted(op)) {
        let (ms, digest) = time(runs, || run_op(&store, op));
        writeln!(out, "{}", json!({"op": op, "median_ms": round3(ms), "digest": digest, "tokenizer": tokenizer_name}))?;
    }
    // The page builds the views order while idle after loading (`Dash::warm_up_search`).
    store.rows_by_views();
    let (scenario_filter, scenario_settings) = dashboard_scenario();
    // The browser benchmark's widest search: a quoted common word (about a fifth of the rows).
    let search = Filter { query: "\"the\"".to_owned(), ..Filter::default() };
    let default_settings = ViewSettings::default();
    let dashboards = [
        (
            "g_dashboard_all_rows",
            &Filter::default(),
            &default_settings,
            "no filter: every panel's aggregation over all rows",
        ),
        (
            "g_dashboard_update",
            &scenario_filter,
            &scenario_settings,
            "keyword filter + date range: every panel's aggregation",
        ),
        ("g_dashboard_search", &search, &default_settings, "text search \"the\": every panel's aggregation"),
    ];
    for (op, filter, settings, what) in dashboards.into_iter().filter(|(op, ..)| wanted(op)) {
        let (ms, data) = time(runs, || compute(&store, filter, &[], settings));
        let selected = data.selection.len();
        writeln!(
            out,
            "{}",
            json!({"op": op, "median_ms": round3(ms), "selected": selected, "tokenizer": tokenizer_name, "what": what})
        )?;
    }
    Ok(())
}

/// One filter change as a user makes it: a keyword topic and a four-month range, with that
/// topic drawn over time.
fn dashboard_scenario() -> (Filter, ViewSettings) {
    let topic = TopicRef::new(TopicKind::Keyword, "election");
    let filter = Filter {
        any_topics: vec![topic.clone()],
        from_ms: Some(RANGE_FROM_MS),
        to_ms: Some(RANGE_TO_MS),
        ..Filter::default()
    };
    (filter, ViewSettings { chosen_topics: vec![topic], ..ViewSettings::default() })
}
