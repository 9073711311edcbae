//! Writing what the dashboard shows to files: each chart as SVG (and PNG in the page) with a
//! caption and its manifest, its numbers as CSV, the selected articles as CSV or JSON Lines,
//! and the whole view as one ZIP.
//!
//! Contract: outputs are deterministic (same input and settings, same bytes) and carry no
//! timestamp of the export moment. CSV is RFC 4180 and guarded against formula injection; SVG
//! text is XML-escaped by the backend, so no script rides along from headline text. Nothing
//! here touches the browser.
#![warn(missing_docs)]

pub mod articles;
pub mod charts;
pub mod csv_table;
pub mod manifest;
pub mod png_text;
pub mod zip;

use crate::analysis::view_state::ViewState;
use crate::ingest::Ingested;
use chrono::FixedOffset;
use csv_table::{Cell, write_table};

/// The rejected records of a load as CSV: line, reason, raw text.
pub fn rejected_csv<D>(ingested: &Ingested<D>) -> Vec<u8> {
    let rows: Vec<Vec<Cell>> = ingested
        .rejected
        .iter()
        .map(|r| vec![Cell::Int(i64::from(r.line.get())), Cell::Text(r.reason.to_string()), Cell::Text(r.raw.clone())])
        .collect();
    write_table(&["line", "reason", "raw"], &rows, false)
}

fn date(ms: i64, offset: FixedOffset) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or_else(String::new, |t| crate::model::date_text::iso_date(t.with_timezone(&offset).date_naive()))
}

/// `headline-trends_topics_2024-03-01_2024-06-30.svg`: what, and the dates it covers (the date
/// filter, or the data's first and last day).
pub fn file_name(what: &str, first_ms: i64, last_ms: i64, offset: FixedOffset, extension: &str) -> String {
    format!("headline-trends_{what}_{}_{}.{extension}", date(first_ms, offset), date(last_ms, offset))
}

/// The filters in one line: `Filters: topic election; search "rates"; views ≥ 100`.
pub fn filter_text(view: &ViewState, offset: FixedOffset) -> String {
    let f = &view.filter;
    let mut parts = Vec::new();
    let topics: Vec<String> = f.any_topics.iter().map(ToString::to_string).collect();
    if !topics.is_empty() {
        parts.push(format!("any of {}", topics.join(", ")));
    }
    for topic in &f.all_topics {
        parts.push(format!("with {topic}"));
    }
    if f.from_ms.is_some() || f.to_ms.is_some() {
        let from = f.from_ms.map_or_else(|| "start".to_owned(), |ms| date(ms, offset));
        let to = f.to_ms.map_or_else(|| "end".to_owned(), |ms| date(ms - 1, offset));
        parts.push(format!("dates {from} to {to}"));
    }
    if !f.query.is_empty() {
        parts.push(format!("search \"{}\"", f.query));
    }
    if let Some(min) = f.min_views {
        parts.push(format!("views ≥ {min}"));
    }
    if let Some(max) = f.max_views {
        parts.push(format!("views ≤ {max}"));
    }
    if !f.categories.is_empty() {
        parts.push(format!("categories {}", f.categories.join(", ")));
    }
    if parts.is_empty() { "Filters: none".to_owned() } else { format!("Filters: {}", parts.join("; ")) }
}

/// The whole view as one ZIP: every chart's SVG and CSV, the selected articles as CSV, the
/// manifest, and any `extra` files (the page adds the PNGs).
pub fn view_zip(ctx: &charts::ExportContext<'_>, extra: Vec<(String, Vec<u8>)>) -> Vec<u8> {
    view_zip_beside::<plotters::prelude::SVGBackend<'static>>(ctx, extra)
}

/// `view_zip` for a caller that also draws charts on backend `L` (see
/// `charts::chart_svg_beside`).
pub fn view_zip_beside<L: plotters::prelude::DrawingBackend>(
    ctx: &charts::ExportContext<'_>,
    extra: Vec<(String, Vec<u8>)>,
) -> Vec<u8>
where
    L::ErrorType: 'static,
{
    let mut files = Vec::new();
    for kind in charts::ChartKind::ALL {
        if let Ok(svg) = charts::chart_svg_beside::<L>(kind, ctx) {
            files.push((format!("{}.svg", kind.name()), svg.into_bytes()));
        }
        files.push((format!("{}.csv", kind.name()), charts::chart_csv(kind, ctx)));
    }
    files.push(("articles.csv".to_owned(), articles::articles_csv(ctx.store, &ctx.data.selection, false)));
    files.extend(extra);
    files.push(("manifest.json".to_owned(), ctx.manifest.for_content("whole view").to_json().into_bytes()));
    zip::write_zip(&files)
}
