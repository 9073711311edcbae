//! One table row (CSV record or JSON object) to one `Article`, shared by the CSV and JSON readers.
//!
//! Contract: a row becomes an article or a `RejectReason`, never both, never neither. Required:
//! a non-empty title and a readable time. Optional fields that are empty become `None`.

use super::dates::{DateContext, parse_date};
use super::error::RejectReason;
use super::roles::ColumnRoles;
use super::trim::trim;
use super::views::parse_views;
use crate::model::{ArticleRef, LineNo};
use std::borrow::Cow;

/// Turns rows into articles with a fixed role mapping and date context.
#[derive(Clone)]
pub struct RowReader {
    /// Where each role sits in a row.
    pub roles: ColumnRoles,
    /// How to read dates.
    pub dates: DateContext,
}

/// A built article, and whether its date was relative.
pub struct RowArticle<'a> {
    /// The article.
    pub article: ArticleRef<'a>,
    /// True when its time was `Yesterday`, `N hours ago`…
    pub is_relative: bool,
}

impl RowReader {
    /// Builds the article in the row at `line`; `field(i)` returns the value of column `i`.
    pub fn read<'r>(
        &self,
        line: LineNo,
        field: impl Fn(usize) -> Option<&'r str>,
    ) -> Result<RowArticle<'r>, RejectReason> {
        // Written out rather than `and_then(..).map(trim).filter(..)`: in the page's size-built
        // code each of those was a call, for every field of every record.
        let text = |index: Option<usize>| {
            let value = trim(field(index?)?);
            if value.is_empty() { None } else { Some(value) }
        };
        let title = text(Some(self.roles.title)).ok_or(RejectReason::MissingField { field: "title" })?;
        let raw_date =
            text(Some(self.roles.published)).ok_or(RejectReason::MissingField { field: "published time" })?;
        let date = parse_date(raw_date, &self.dates).map_err(|_| RejectReason::BadDate { raw: raw_date.to_owned() })?;
        let views = match text(self.roles.views) {
            None => None,
            Some(raw) => parse_views(raw).map_err(|_| RejectReason::BadViews { raw: raw.to_owned() })?,
        };
        let article = ArticleRef {
            title: single_line(title),
            published_at: date.published,
            views,
            category: text(self.roles.category),
            url: text(self.roles.url),
            body: text(self.roles.body),
            author: text(self.roles.author),
            line,
        };
        Ok(RowArticle { article, is_relative: date.is_relative })
    }
}

/// Folds line breaks and tabs inside a headline into single spaces.
pub fn single_line(title: &str) -> Cow<'_, str> {
    if memchr::memchr3(b'\n', b'\r', b'\t', title.as_bytes()).is_some() {
        Cow::Owned(title.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(title)
    }
}
