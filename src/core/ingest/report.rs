//! The load report: what was read, what was kept, what was refused and why.

use super::dates::DateOrderDecision;
use super::dedupe::Duplicate;
use super::error::RecordError;
use super::outcome::ReadOutcome;
use super::roles::FieldMapping;
use super::{Format, ParseOptions};
use crate::model::Dataset;
use chrono::{DateTime, FixedOffset};
use serde::{Serialize, Serializer};
use std::fmt;

/// Something the user should know about a load that is not a rejected record.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// The bytes were not UTF-8 and were read as Windows-1252.
    DecodedAsWindows1252,
    /// How `a/b/y` dates were read.
    DateOrder(DateOrderDecision),
    /// Relative dates were resolved against this reference time.
    ReferenceTimeUsed {
        /// The reference time.
        reference_time: DateTime<FixedOffset>,
        /// How many articles had a relative date.
        n_relative: usize,
    },
    /// Relative dates could not be resolved: no reference time was given.
    RelativeDatesUnresolved {
        /// How many articles have no time because of it.
        n_relative: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::DecodedAsWindows1252 => {
                write!(f, "the file is not valid UTF-8; it was read as Windows-1252")
            }
            Warning::DateOrder(decision) => write!(f, "dates: {}", decision.evidence),
            Warning::ReferenceTimeUsed { reference_time, n_relative } => write!(
                f,
                "{n_relative} relative dates (\"Yesterday\", \"5 hours ago\") were resolved against {}",
                reference_time.to_rfc3339()
            ),
            Warning::RelativeDatesUnresolved { n_relative } => {
                write!(f, "{n_relative} relative dates have no time: no reference time was given")
            }
        }
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A loaded file and its report. Invariant: `n_loaded + rejected.len() + duplicates.len() ==
/// n_records`, and `n_loaded == dataset.len()` for a `Dataset`. `Ingested<()>` is the report
/// alone, for articles that went to another sink (the store builder).
#[must_use]
#[derive(Clone, Debug, Serialize)]
pub struct Ingested<D = Dataset> {
    /// The loaded articles.
    pub dataset: D,
    /// The format read.
    pub format: Format,
    /// The CSV delimiter, for CSV.
    pub delimiter: Option<char>,
    /// Which field played which role (CSV and JSON).
    pub mapping: Option<FieldMapping>,
    /// The columns or keys the file has (CSV and JSON), in file order.
    pub columns: Vec<String>,
    /// Records read.
    pub n_records: usize,
    /// Articles loaded (kept when the articles move on, e.g. into a store).
    pub n_loaded: usize,
    /// Records refused, in file order.
    pub rejected: Vec<RecordError>,
    /// Exact duplicates collapsed, in file order.
    pub duplicates: Vec<Duplicate>,
    /// Everything else worth knowing.
    pub warnings: Vec<Warning>,
    /// The reference time relative dates were resolved against, if any.
    pub reference_time: Option<DateTime<FixedOffset>>,
}

impl<D> Ingested<D> {
    /// Number of articles loaded.
    pub fn n_loaded(&self) -> usize {
        self.n_loaded
    }

    /// The same report with other articles attached.
    pub fn with_dataset<E>(self, dataset: E) -> Ingested<E> {
        Ingested {
            dataset,
            format: self.format,
            delimiter: self.delimiter,
            mapping: self.mapping,
            columns: self.columns,
            n_records: self.n_records,
            n_loaded: self.n_loaded,
            rejected: self.rejected,
            duplicates: self.duplicates,
            warnings: self.warnings,
            reference_time: self.reference_time,
        }
    }
}

/// Builds the report from one reader's outcome.
pub(crate) fn assemble(
    outcome: ReadOutcome,
    format: Format,
    used_windows_1252: bool,
    options: &ParseOptions,
) -> Ingested<()> {
    let mut warnings = Vec::new();
    if used_windows_1252 {
        warnings.push(Warning::DecodedAsWindows1252);
    }
    if let Some(decision) = outcome.date_order.clone() {
        warnings.push(Warning::DateOrder(decision));
    }
    let n_relative = outcome.n_relative_dates;
    let reference_time = options.reference_time.filter(|_| n_relative > 0);
    match options.reference_time {
        Some(reference_time) if n_relative > 0 => {
            warnings.push(Warning::ReferenceTimeUsed { reference_time, n_relative })
        }
        None if n_relative > 0 => warnings.push(Warning::RelativeDatesUnresolved { n_relative }),
        _ => {}
    }
    let ingested = Ingested {
        dataset: (),
        format,
        delimiter: outcome.delimiter,
        mapping: outcome.mapping,
        columns: outcome.columns,
        n_records: outcome.n_records,
        n_loaded: outcome.n_loaded,
        rejected: outcome.rejected,
        duplicates: outcome.duplicates,
        warnings,
        reference_time,
    };
    debug_assert_eq!(ingested.n_loaded() + ingested.rejected.len() + ingested.duplicates.len(), ingested.n_records);
    ingested
}
