//! Reading publication times in every form the dashboard accepts.
//!
//! Contract: `parse_date` turns one field value into a `Published`, or says it is not a date.
//! Relative forms (`Yesterday, 23:02`, `5 hours ago`) resolve against the caller's reference
//! time; without one they come back as `Ok(None)`. Naive values are taken in the site's offset.
//! Nothing here reads the clock. `M/D/Y` versus `D/M/Y` is decided once per column by
//! `decide_date_order`, from the values themselves.

use crate::model::Published;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::Serialize;

/// Whether `a/b/yyyy` means month/day or day/month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `3/4/2020` is 4 March (US style).
    #[default]
    MonthFirst,
    /// `3/4/2020` is 3 April.
    DayFirst,
}

/// What dates are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateContext {
    /// "Now" for relative dates; `None` leaves them unresolved.
    pub reference_time: Option<DateTime<FixedOffset>>,
    /// The offset of naive and relative values (the site's local time).
    pub site_offset: FixedOffset,
    /// How to read `a/b/y` dates.
    pub order: DateOrder,
}

/// A date as written, before it is tied to an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// A timestamp with its own offset.
    Instant(DateTime<FixedOffset>),
    /// Date and time without an offset.
    Naive(NaiveDateTime),
    /// A date without a time of day.
    DateOnly(NaiveDate),
    /// `Today` (0) or `Yesterday` (1), optionally with a time of day.
    DaysBack {
        /// Days before the reference date.
        days: i64,
        /// Time of day, when given.
        time: Option<NaiveTime>,
    },
    /// `N units ago`.
    Ago(Duration),
}

impl DateExpr {
    /// Ties the expression to an instant. `None` for a relative form without a reference time.
    pub fn resolve(self, ctx: &DateContext) -> Option<Published> {
        let local = |naive: NaiveDateTime| ctx.site_offset.from_local_datetime(&naive).single();
        match self {
            DateExpr::Instant(at) => Some(Published::with_time(at)),
            DateExpr::Naive(naive) => local(naive).map(Published::with_time),
            DateExpr::DateOnly(date) => Published::date_only(date, ctx.site_offset),
            DateExpr::DaysBack { days, time } => {
                let reference = ctx.reference_time?.with_timezone(&ctx.site_offset);
                let date = reference.date_naive() - Duration::days(days);
                match time {
                    Some(time) => local(date.and_time(time)).map(Published::with_time),
                    None => Published::date_only(date, ctx.site_offset),
                }
            }
            DateExpr::Ago(elapsed) => {
                let reference = ctx.reference_time?.with_timezone(&ctx.site_offset);
                Some(Published::with_time(reference - elapsed))
            }
        }
    }
}

/// The value is not a date in any accepted form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotADate;

/// One value read as a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRead {
    /// The time; `None` for a relative date read without a reference time.
    pub published: Option<Published>,
    /// True for `Today`, `Yesterday` and `N units ago`.
    pub is_relative: bool,
}

/// Parses one field value.
pub fn parse_date(raw: &str, ctx: &DateContext) -> Result<DateRead, NotADate> {
    let expr = parse_expr(super::trim::trim(raw), ctx.order).ok_or(NotADate)?;
    read_expr(expr, ctx)
}

/// Resolves an already parsed expression, as `parse_date` does.
pub fn read_expr(expr: DateExpr, ctx: &DateContext) -> Result<DateRead, NotADate> {
    let is_relative = is_relative(expr);
    match expr.resolve(ctx) {
        Some(published) => Ok(DateRead { published: Some(published), is_relative }),
        None if ctx.reference_time.is_none() && is_relative => Ok(DateRead { published: None, is_relative }),
        None => Err(NotADate),
    }
}

fn is_relative(expr: DateExpr) -> bool {
    matches!(expr, DateExpr::DaysBack { .. } | DateExpr::Ago(_))
}

/// `2024-02-12T15:52:31Z` exactly (the form most exports write), read without chrono's
/// general parser; `None` for anything else, including a leap second, which the general
/// parser then reads.
fn parse_utc_seconds(s: &str) -> Option<DateTime<FixedOffset>> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z';
    if !shape_ok {
        return None;
    }
    let year = two_digits(b, 0)? * 100 + two_digits(b, 2)?;
    let (hour, minute, second) = (two_digits(b, 11)?, two_digits(b, 14)?, two_digits(b, 17)?);
    if second > 59 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, two_digits(b, 5)?, two_digits(b, 8)?)?;
    let naive = date.and_hms_opt(hour, minute, second)?;
    Some(naive.and_utc().fixed_offset())
}

/// The number written by the two ASCII digits at `b[at..at + 2]`, if both are digits. A plain
/// function, always inlined: in the page's size-built code a closure was a call for each of
/// a date's six numbers.
#[inline(always)]
fn two_digits(b: &[u8], at: usize) -> Option<u32> {
    let (tens, ones) = (b[at].wrapping_sub(b'0'), b[at + 1].wrapping_sub(b'0'));
    if tens < 10 && ones < 10 { Some(u32::from(tens) * 10 + u32::from(ones)) } else { None }
}

/// Parses a whole value into a `DateExpr`.
pub fn parse_expr(s: &str, order: DateOrder) -> Option<DateExpr> {
    let first = *s.as_bytes().first()?;
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_all_digits(s);
    }
    if first.is_ascii_digit() {
        if let Some(expr) = parse_iso(s) {
            return Some(expr);
        }
        if let Some(expr) = parse_numeric_dmy(s, order) {
            return Some(expr);
        }
        if let Some(expr) = parse_ago(s) {
            return Some(expr);
        }
    }
    if let Some((expr, rest)) = parse_written_prefix(s)
        && rest.trim().is_empty()
    {
        return Some(expr);
    }
    if let Some(expr) = parse_ago(s) {
        return Some(expr);
    }
    DateTime::parse_from_rfc2822(s).ok().map(DateExpr::Instant)
}

/// `YYYYMMDD`, unix seconds (9–11 digits) or unix milliseconds (12–14 digits).
fn parse_all_digits(s: &str) -> Option<DateExpr> {
    match s.len() {
        8 => {
            let date = NaiveDate::parse_from_str(s, "%Y%m%d").ok()?;
            (1800..=2999).contains(&chrono::Datelike::year(&date)).then_some(DateExpr::DateOnly(date))
        }
        9..=11 => DateTime::from_timestamp(s.parse().ok()?, 0).map(|t| DateExpr::Instant(t.fixed_offset())),
        12..=14 => DateTime::from_timestamp_millis(s.parse().ok()?).map(|t| DateExpr::Instant(t.fixed_offset())),
        _ => None,
    }
}

/// ISO 8601 / RFC 3339 with or without offset, `T` or space, with or without seconds.
fn parse_iso(s: &str) -> Option<DateExpr> {
    if s.len() < 10 || s.as_bytes()[4] != b'-' {
        return None;
    }
    if let Some(at) = parse_utc_seconds(s) {
        return Some(DateExpr::Instant(at));
    }
    if s.len() == 10 {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(DateExpr::DateOnly);
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Some(DateExpr::Instant(at));
    }
    const WITH_OFFSET: [&str; 4] =
        ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M%z"];
    const NAIVE: [&str; 4] = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"];
    let zulu = s.strip_suffix(['Z', 'z']);
    for format in WITH_OFFSET {
        if let Ok(at) = DateTime::parse_from_str(s, format) {
            return Some(DateExpr::Instant(at));
        }
    }
    for format in NAIVE {
        if let Some(body) = zulu {
            if let Ok(naive) = NaiveDateTime::parse_from_str(body, format) {
                return Some(DateExpr::Instant(naive.and_utc().fixed_offset()));
            }
        } else if let Ok(naive) = NaiveDateTime::parse_from_str(s, format) {
            return Some(DateExpr::Naive(naive));
        }
    }
    None
}

/// The three numbers of an `a/b/y` (or `a.b.y`) date, and the time after it.
fn split_numeric_date(s: &str) -> Option<(u32, u32, i32, &str)> {
    let sep = if s.contains('/') { '/' } else { '.' };
    let (date_part, time_part) = s.split_once(' ').unwrap_or((s, ""));
    let mut parts = date_part.split(sep);
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || a.len() > 2 || b.len() > 2 || !(y.len() == 2 || y.len() == 4) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let year = match y.len() {
        2 if year < 70 => 2000 + year,
        2 => 1900 + year,
        _ => year,
    };
    Some((a.parse().ok()?, b.parse().ok()?, year, time_part.trim()))
}

/// `M/D/YYYY H:MM`, `DD/MM/YY HH:MM` and the like, read in the column's `order`.
fn parse_numeric_dmy(s: &str, order: DateOrder) -> Option<DateExpr> {
    let (a, b, year, time) = split_numeric_date(s)?;
    let (month, day) = match order {
        DateOrder::MonthFirst => (a, b),
        DateOrder::DayFirst => (b, a),
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    if time.is_empty() {
        return Some(DateExpr::DateOnly(date));
    }
    Some(DateExpr::Naive(date.and_time(parse_time(time)?)))
}

/// `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff`.
fn parse_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M:%S%.f").or_else(|_| NaiveTime::parse_from_str(s, "%H:%M")).ok()
}

/// The order of a column of `a/b/y` dates, decided from its values, with the evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateOrderDecision {
    /// The order used.
    pub order: DateOrder,
    /// A sentence for the load report.
    pub evidence: String,
}

/// Looks at every `a/b/y` value: a first number above 12 means day-first, a second number above
/// 12 means month-first. `None` when the column has no such values.
pub fn decide_date_order<'a>(values: impl Iterator<Item = &'a str>) -> Option<DateOrderDecision> {
    let (mut n_numeric, mut n_day_first, mut n_month_first) = (0usize, 0usize, 0usize);
    for value in values {
        let value = value.trim();
        if !value.as_bytes().first().is_some_and(u8::is_ascii_digit) || value.contains('-') {
            continue;
        }
        let Some((a, b, _, _)) = split_numeric_date(value) else {
            continue;
        };
        n_numeric += 1;
        n_day_first += usize::from(a > 12 && b <= 12);
        n_month_first += usize::from(b > 12 && a <= 12);
    }
    if n_numeric == 0 {
        return None;
    }
    let (order, evidence) = match (n_day_first, n_month_first) {
        (0, 0) => {
            (DateOrder::MonthFirst, format!("no value of {n_numeric} tells day from month; read as month/day/year"))
        }
        (d, m) if d >= m => (
            DateOrder::DayFirst,
            format!("read as day/month/year: {d} of {n_numeric} values have a first number above 12"),
        ),
        (_, m) => (
            DateOrder::MonthFirst,
            format!("read as month/day/year: {m} of {n_numeric} values have a second number above 12"),
        ),
    };
    Some(DateOrderDecision { order, evidence })
}

mod written;

use written::parse_ago;
pub use written::parse_written_prefix;

#[cfg(test)]
mod tests;
