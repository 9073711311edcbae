//! What one format reader hands back besides the articles (which go to an `ArticleSink`).

use super::dates::DateOrderDecision;
use super::dedupe::Duplicate;
use super::error::RecordError;
use super::roles::FieldMapping;
use super::sink::ArticleSink;
use super::tabular::RowArticle;

/// Counts, rejections and duplicates of one reader;
/// `n_loaded + rejected.len() + duplicates.len() == n_records`.
#[derive(Default)]
pub struct ReadOutcome {
    /// Records kept by the sink.
    pub n_loaded: usize,
    /// Records that did not become articles, in file order.
    pub rejected: Vec<RecordError>,
    /// Articles the sink refused as copies of earlier ones, in file order.
    pub duplicates: Vec<Duplicate>,
    /// Records read.
    pub n_records: usize,
    /// Articles whose date was relative (`Yesterday, 23:02`).
    pub n_relative_dates: usize,
    /// The field mapping used (tables and JSON only).
    pub mapping: Option<FieldMapping>,
    /// The columns (or JSON keys) found, in file order.
    pub columns: Vec<String>,
    /// How `a/b/y` dates were read, if the time column had any.
    pub date_order: Option<DateOrderDecision>,
    /// The CSV delimiter, if CSV.
    pub delimiter: Option<char>,
}

impl ReadOutcome {
    /// Adds the counts, rejections and duplicates of `later`, the outcome of reading the
    /// records that follow this one's.
    pub fn append(&mut self, later: ReadOutcome) {
        self.n_loaded += later.n_loaded;
        self.rejected.extend(later.rejected);
        self.duplicates.extend(later.duplicates);
        self.n_records += later.n_records;
        self.n_relative_dates += later.n_relative_dates;
    }

    /// Adds one record's result, handing an article to `sink`.
    pub fn push(&mut self, result: Result<RowArticle<'_>, RecordError>, sink: &mut dyn ArticleSink) {
        match result {
            Ok(row) => self.keep(&row, sink),
            Err(error) => self.reject(error),
        }
    }

    /// Adds one record that became an article, handing it to `sink` (by reference: in the
    /// page's size-optimised code each move of an article is a copy of some 90 bytes).
    pub fn keep(&mut self, row: &RowArticle<'_>, sink: &mut dyn ArticleSink) {
        self.n_records += 1;
        self.n_relative_dates += usize::from(row.is_relative);
        match sink.keep(&row.article) {
            Ok(()) => self.n_loaded += 1,
            Err(first_line) => self.duplicates.push(Duplicate { line: row.article.line, first_line }),
        }
    }

    /// Adds one record that did not become an article.
    pub fn reject(&mut self, error: RecordError) {
        self.n_records += 1;
        self.rejected.push(error);
    }
}
