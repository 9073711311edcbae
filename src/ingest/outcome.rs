//! What one format reader hands back before de-duplication.

use super::dates::DateOrderDecision;
use super::error::RecordError;
use super::roles::FieldMapping;
use crate::model::Article;

/// Articles and rejections from one reader; `articles.len() + rejected.len() == n_records`.
#[derive(Default)]
pub struct ReadOutcome {
    /// Records that became articles, in file order.
    pub articles: Vec<Article>,
    /// Records that did not, in file order.
    pub rejected: Vec<RecordError>,
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
    /// Adds one row's result.
    pub fn push(&mut self, result: Result<super::tabular::RowArticle, RecordError>) {
        self.n_records += 1;
        match result {
            Ok(row) => {
                self.n_relative_dates += usize::from(row.is_relative);
                self.articles.push(row.article);
            }
            Err(error) => self.rejected.push(error),
        }
    }
}
