//! Ingestion: bytes of a user's file to a `Dataset` plus a load report.
//!
//! Contract: `parse` never fails because of one record. Every record read ends up in exactly one
//! of `dataset.articles`, `rejected` (with its 1-based line, reason and raw text) or
//! `duplicates` (same title and time as an earlier article), so
//! `loaded + rejected + duplicates == n_records` always holds. Only problems with the whole
//! input (empty, binary, unknown format, no title or time field) come back as `Err`, as one
//! plain sentence. Nothing here reads the clock: relative dates use `ParseOptions::reference_time`.
#![warn(missing_docs)]

mod csv_reader;
pub use headline_trends_kernels::csv_records;
pub mod dates;
mod decode;
mod dedupe;
mod error;
mod feed_reader;
pub mod gzip;
mod job;
mod json_reader;
mod line_counter;
mod outcome;
pub mod preview;
mod report;
pub mod roles;
pub mod scrape;
mod sink;
#[cfg(not(target_arch = "wasm32"))]
pub mod split_read;
mod tabular;
mod trim;
pub mod views;

pub use dates::{DateOrder, DateOrderDecision};
pub use decode::{Decoded, MAX_DECOMPRESSED_BYTES, decode, decompress};
pub use dedupe::{DedupeIndex, Duplicate};
pub use error::{IngestError, RecordError, RejectReason};
pub use job::{Job, Progress};
pub use report::{Ingested, Warning};
pub use roles::FieldMapping;
pub use sink::{ArticleSink, DatasetSink, SplitSink};
#[cfg(not(target_arch = "wasm32"))]
pub use split_read::read_in_two_parts;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The news-site scrape: headline lines and views-and-date lines.
    Scrape,
    /// Delimited text with a header.
    Csv,
    /// An array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// RSS 2.0 or Atom, one feed or several concatenated; also Reuters-21578 SGML.
    Feed,
}

impl Format {
    /// The lower-case name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Scrape => "scrape",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "scrape" | "txt" => Ok(Format::Scrape),
            "csv" | "tsv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "feed" | "rss" | "atom" | "xml" | "sgml" | "sgm" => Ok(Format::Feed),
            other => Err(format!("unknown format {other:?}; use scrape, csv, json, jsonl or feed")),
        }
    }
}

/// How to read a file. `Default` detects everything and resolves nothing relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// A display name for the dataset (usually the file name).
    pub name: String,
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// Field roles chosen by the user; unset roles are detected.
    pub mapping: FieldMapping,
    /// "Now" for `Yesterday, 23:02` and `5 hours ago`.
    pub reference_time: Option<DateTime<FixedOffset>>,
    /// The offset that naive times are in (the site's local time).
    pub site_offset: FixedOffset,
    /// Force `M/D/Y` or `D/M/Y` instead of deciding from the values.
    pub date_order: Option<DateOrder>,
}

impl Default for ParseOptions {
    fn default() -> ParseOptions {
        ParseOptions {
            name: String::new(),
            format: None,
            mapping: FieldMapping::default(),
            reference_time: None,
            site_offset: FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!("0 is a valid offset")),
            date_order: None,
        }
    }
}

impl ParseOptions {
    fn date_context(&self) -> dates::DateContext {
        dates::DateContext {
            reference_time: self.reference_time,
            site_offset: self.site_offset,
            order: self.date_order.unwrap_or_default(),
        }
    }
}

/// Detects the format of decoded text from its content.
pub fn sniff(text: &str) -> Result<Format, IngestError> {
    let head = text.trim_start();
    if feed_reader::looks_like_feed(head) {
        return Ok(Format::Feed);
    }
    if head.starts_with('[') {
        return Ok(Format::Json);
    }
    if head.starts_with('{') {
        let first_line = head.lines().next().unwrap_or_default();
        let is_object_line = serde_json::from_str::<serde_json::Value>(first_line).is_ok_and(|v| v.is_object());
        return Ok(if is_object_line { Format::Jsonl } else { Format::Json });
    }
    if scrape::looks_like_scrape(text) {
        return Ok(Format::Scrape);
    }
    if csv_reader::sniff_delimiter(text).is_some() {
        return Ok(Format::Csv);
    }
    Err(IngestError::UnknownFormat)
}

/// Reads a whole file. See the module contract.
///
/// ```
/// use headline_trends_core::ingest::{parse, Format, ParseOptions};
/// let csv = b"title,date,views\nRates rise,2024-03-01,1.2K\nNo date here,,\n";
/// let ingested = parse(csv, &ParseOptions::default()).unwrap();
/// assert_eq!(ingested.format, Format::Csv);
/// assert_eq!(ingested.dataset.articles[0].views, Some(1200));
/// assert_eq!(ingested.rejected[0].to_string(), "line 3: missing published time");
/// assert_eq!(ingested.n_records, 2);
/// ```
pub fn parse(bytes: &[u8], options: &ParseOptions) -> Result<Ingested, IngestError> {
    let bytes = decode::decompress(bytes)?;
    let decoded = decode::decode(&bytes)?;
    let mut sink = DatasetSink::new(&options.name);
    let report = Job::start(&decoded, options, &mut sink)?.finish()?;
    Ok(report.with_dataset(sink.into_dataset()))
}
