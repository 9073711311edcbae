//! What can go wrong while reading a file: one record (`RecordError`, the file still loads) or the
//! whole input (`IngestError`, nothing loads). Messages put the location first, then the problem,
//! then the raw text, and name what the dashboard accepts where that helps.

use crate::model::LineNo;
use serde::Serialize;
use std::fmt;

/// Why one record was not loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RejectReason {
    /// A required field is absent or empty.
    MissingField {
        /// The role that is missing (`title`, `published time`).
        field: &'static str,
    },
    /// The time field holds something that is not a date we can read.
    BadDate {
        /// The raw value.
        raw: String,
    },
    /// The views field is not a count.
    BadViews {
        /// The raw value.
        raw: String,
    },
    /// A CSV row with a different number of fields than the header.
    ColumnCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// Malformed JSON, or a JSON value that is not an object.
    Json {
        /// What the JSON reader said.
        message: String,
    },
    /// Malformed XML in a feed.
    Xml {
        /// What the XML reader said.
        message: String,
    },
    /// Scrape format: a headline line with no views-and-date line after it.
    HeadlineWithoutDate,
    /// Scrape format: a views-and-date line with no headline before it.
    DateWithoutHeadline,
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RejectReason::MissingField { field } => write!(f, "missing {field}"),
            RejectReason::BadDate { raw } => write!(f, "not a date we can read: {raw:?}"),
            RejectReason::BadViews { raw } => write!(f, "views is not a count: {raw:?}"),
            RejectReason::ColumnCount { expected, found } => {
                write!(f, "expected {expected} fields as in the header, found {found}")
            }
            RejectReason::Json { message } => write!(f, "invalid JSON: {message}"),
            RejectReason::Xml { message } => write!(f, "invalid XML: {message}"),
            RejectReason::HeadlineWithoutDate => {
                write!(f, "headline without a views-and-date line after it")
            }
            RejectReason::DateWithoutHeadline => {
                write!(f, "views-and-date line without a headline before it")
            }
        }
    }
}

/// One record that was read but not loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordError {
    /// 1-based line where the record starts.
    pub line: LineNo,
    /// Why it was rejected.
    pub reason: RejectReason,
    /// The record's raw text (cut to a readable length).
    pub raw: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// The input as a whole is unusable; nothing was loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IngestError {
    /// Zero bytes, or only white space.
    Empty,
    /// NUL bytes or other control bytes: an image, archive or program, not text.
    Binary {
        /// What the bytes look like, when recognisable (`a PNG image`).
        looks_like: Option<&'static str>,
    },
    /// Text, but not in any format we read.
    UnknownFormat,
    /// A table or JSON without a title or a time field.
    MissingRole {
        /// The role that could not be found.
        role: &'static str,
        /// The column or key names that were found.
        found: Vec<String>,
    },
    /// The user asked for a column that is not in the file.
    NoSuchColumn {
        /// The requested name.
        name: String,
        /// The names that exist.
        found: Vec<String>,
    },
    /// A header line and nothing else.
    HeaderOnly,
    /// A gzip file that does not decompress, or decompresses to more than the limit.
    Gzip {
        /// What went wrong.
        message: String,
    },
    /// The JSON is a single value that is neither an array of objects nor JSON Lines.
    JsonShape {
        /// What was found instead.
        found: &'static str,
    },
}

const ACCEPTED: &str = "The dashboard reads CSV (comma, semicolon or tab separated, with a header), \
JSON (an array of objects), JSON Lines, RSS and Atom feeds, Reuters-21578 SGML, news-site scrapes \
(headline line, then views and date), and any of these gzip-compressed";

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => write!(f, "The file is empty. {ACCEPTED}."),
            IngestError::Gzip { message } => {
                write!(f, "This gzip file could not be decompressed ({message}). {ACCEPTED}.")
            }
            IngestError::Binary { looks_like: Some(kind) } => {
                write!(f, "This file is {kind}, not text. {ACCEPTED}.")
            }
            IngestError::Binary { looks_like: None } => {
                write!(f, "This file holds binary data, not text. {ACCEPTED}.")
            }
            IngestError::UnknownFormat => {
                write!(f, "The format of this file is not one we recognise. {ACCEPTED}.")
            }
            IngestError::MissingRole { role, found } => write!(
                f,
                "No {role} field found among the fields {}; name one, e.g. 'title' or 'date'",
                quote_list(found)
            ),
            IngestError::NoSuchColumn { name, found } => {
                write!(f, "There is no field {name:?} in this file; its fields are {}", quote_list(found))
            }
            IngestError::HeaderOnly => {
                write!(f, "The file has a header line but no records after it.")
            }
            IngestError::JsonShape { found } => {
                write!(f, "The JSON holds {found}; expected an array of article objects or one object per line.")
            }
        }
    }
}

impl std::error::Error for IngestError {}

fn quote_list(names: &[String]) -> String {
    if names.is_empty() {
        return "(none)".to_owned();
    }
    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

/// Cuts `raw` to at most `max_chars` characters, marking the cut with `…`.
pub(crate) fn clip_raw(raw: &str, max_chars: usize) -> String {
    match raw.char_indices().nth(max_chars) {
        None => raw.to_owned(),
        Some((cut, _)) => format!("{}…", &raw[..cut]),
    }
}
