//! The news-site scrape format (see `tests/fixtures/seed_sample_scrape.txt`).
//!
//! Two shapes share one grammar of *meta lines*: views, then a written date with a time of day,
//! then text, glued with or without spaces (`2155 Saturday, 15 August, 2020, 17:30 …`,
//! `179Yesterday, 23:02Kremlin says …`).
//! - A full article: a headline line, then a meta line whose text is the body, closed by ` |`
//!   at the end of that line or of a later line (multi-line bodies).
//! - A sidebar list: a headline line, then meta lines that each give the *previous* headline's
//!   views and date and carry the *next* headline; the last meta line has no text.
//!
//! Contract: each headline is one record, found at the line where its text stands. A headline
//! that never gets a meta line, and a meta line with no headline waiting, are rejected with
//! their line. Blank lines are skipped and are not records.

use super::dates::{DateContext, DateExpr, parse_written_prefix, read_expr};
use super::error::{RecordError, RejectReason, clip_raw};
use super::outcome::ReadOutcome;
use super::sink::ArticleSink;
use super::tabular::{RowArticle, single_line};
use super::views::parse_views;
use crate::model::{ArticleRef, LineNo};

/// Views, date and trailing text of one meta line.
#[derive(Debug, PartialEq, Eq)]
pub struct MetaLine<'a> {
    /// The view count.
    pub views: u64,
    /// The date as written.
    pub date: DateExpr,
    /// Whatever follows the date (body, next headline, or nothing), untrimmed.
    pub rest: &'a str,
}

/// Recognises a meta line: views, then a written date that includes a time of day.
pub fn parse_meta(line: &str) -> Option<MetaLine<'_>> {
    let n_number = line.bytes().take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.').count();
    if n_number == 0 || !line.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let suffix_len = match line.as_bytes().get(n_number) {
        Some(b'k' | b'K' | b'm' | b'M') => 1,
        _ => 0,
    };
    // With a K/M suffix first, then without (so `3Monday…` still reads as 3 views on Monday).
    for views_len in [n_number + suffix_len, n_number] {
        if let Some(meta) = meta_after_views(line, views_len) {
            return Some(meta);
        }
    }
    // Views glued to a day number (`17915 August, 2020, 10:00`): give the date one or two digits.
    let glued = !line[n_number..].starts_with(' ');
    if glued {
        for day_digits in [2, 1] {
            if let Some(meta) =
                n_number.checked_sub(day_digits).filter(|&n| n > 0).and_then(|n| meta_after_views(line, n))
            {
                return Some(meta);
            }
        }
    }
    None
}

fn meta_after_views(line: &str, views_len: usize) -> Option<MetaLine<'_>> {
    let views = parse_views(line.get(..views_len)?).ok()??;
    let after = line[views_len..].trim_start_matches(' ');
    let (date, rest) = parse_written_prefix(after)?;
    let has_time = matches!(date, DateExpr::Naive(_) | DateExpr::DaysBack { time: Some(_), .. });
    has_time.then_some(MetaLine { views, date, rest })
}

/// A headline waiting for its meta line.
struct Pending {
    title: String,
    line: LineNo,
}

/// The scrape format read a bounded number of lines at a time.
pub struct ScrapeStepper<'t> {
    lines: Vec<&'t str>,
    index: usize,
    pending: Option<Pending>,
    dates: DateContext,
    outcome: ReadOutcome,
}

impl<'t> ScrapeStepper<'t> {
    /// Prepares to read `text`.
    pub fn start(text: &'t str, dates: DateContext) -> ScrapeStepper<'t> {
        ScrapeStepper { lines: text.lines().collect(), index: 0, pending: None, dates, outcome: ReadOutcome::default() }
    }

    /// Share of the lines read so far.
    pub fn fraction_read(&self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "a progress fraction")]
        let fraction = self.index as f64 / self.lines.len().max(1) as f64;
        fraction
    }

    /// Records read so far.
    pub fn n_records(&self) -> usize {
        self.outcome.n_records
    }

    /// Reads about `budget` lines into `sink`; true when the input is exhausted.
    pub fn step(&mut self, budget: usize, sink: &mut dyn ArticleSink) -> bool {
        let stop = self.index.saturating_add(budget).min(self.lines.len());
        while self.index < stop {
            self.read_line(sink);
        }
        self.index >= self.lines.len()
    }

    fn read_line(&mut self, sink: &mut dyn ArticleSink) {
        let lines = &self.lines;
        let line_no = LineNo::new(self.index + 1);
        let line = lines[self.index].trim();
        self.index += 1;
        if line.is_empty() {
            return;
        }
        let Some(meta) = parse_meta(line) else {
            if let Some(orphan) = self.pending.replace(Pending { title: line.to_owned(), line: line_no }) {
                self.outcome.reject(without_date(orphan));
            }
            return;
        };
        let rest = meta.rest.trim();
        let (body, next_headline) = if let Some(body) = rest.strip_suffix('|') {
            (Some(body.trim_end().to_owned()), None)
        } else if let Some((body, n_consumed)) = multi_line_body(rest, &lines[self.index..]) {
            self.index += n_consumed;
            (Some(body), None)
        } else {
            (None, (!rest.is_empty()).then(|| Pending { title: rest.to_owned(), line: line_no }))
        };
        let pending = self.pending.take();
        let result = match &pending {
            Some(headline) => read_expr(meta.date, &self.dates)
                .map(|date| RowArticle {
                    article: ArticleRef {
                        title: single_line(&headline.title),
                        published_at: date.published,
                        views: Some(meta.views),
                        category: None,
                        url: None,
                        body: body.as_deref(),
                        author: None,
                        line: headline.line,
                    },
                    is_relative: date.is_relative,
                })
                .map_err(|_| RecordError {
                    line: headline.line,
                    reason: RejectReason::BadDate { raw: line.to_owned() },
                    raw: clip_raw(&headline.title, 300),
                }),
            None => {
                Err(RecordError { line: line_no, reason: RejectReason::DateWithoutHeadline, raw: clip_raw(line, 300) })
            }
        };
        self.outcome.push(result, sink);
        self.pending = next_headline;
    }

    /// The outcome, with a headline still waiting at the end rejected.
    pub fn finish(mut self) -> ReadOutcome {
        if let Some(orphan) = self.pending.take() {
            self.outcome.reject(without_date(orphan));
        }
        self.outcome
    }
}

fn without_date(headline: Pending) -> RecordError {
    RecordError { line: headline.line, reason: RejectReason::HeadlineWithoutDate, raw: clip_raw(&headline.title, 300) }
}

/// A body that continues on later lines until one ends with `|`, before any meta line.
/// Returns the joined body and how many lines it took.
fn multi_line_body(first: &str, following: &[&str]) -> Option<(String, usize)> {
    const MAX_BODY_LINES: usize = 500;
    if first.is_empty() {
        return None;
    }
    for (offset, line) in following.iter().enumerate().take(MAX_BODY_LINES) {
        let line = line.trim();
        if parse_meta(line).is_some() {
            return None;
        }
        if let Some(last) = line.strip_suffix('|') {
            let mut parts = vec![first];
            parts.extend(following[..offset].iter().map(|l| l.trim()).filter(|l| !l.is_empty()));
            parts.push(last.trim_end());
            return Some((parts.join(" ").trim().to_owned(), offset + 1));
        }
    }
    None
}

/// True when the text looks like the scrape format: a meta line among its first lines.
pub fn looks_like_scrape(text: &str) -> bool {
    text.lines().filter(|l| !l.trim().is_empty()).take(64).any(|l| parse_meta(l.trim()).is_some())
}
