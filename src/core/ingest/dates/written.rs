//! Dates written in words, and relative ones: `Saturday, 15 August, 2020, 17:30`,
//! `Yesterday, 23:02`, `5 hours ago` — the forms of news-site scrapes, whose sidebar lines glue
//! such a date to the next headline (`parse_written_prefix` returns the rest) — and
//! `26-FEB-1987 15:01:01.79` (Reuters-21578: hyphens, seconds and hundredths).

use super::DateExpr;
use chrono::{Duration, NaiveDate, NaiveTime};

/// `5 minutes ago`, `an hour ago`, `3 days ago`.
pub(super) fn parse_ago(s: &str) -> Option<DateExpr> {
    let lower = s.to_ascii_lowercase();
    let rest = lower.strip_suffix("ago")?.trim_end();
    let (count, unit) = rest.split_once(char::is_whitespace)?;
    let count: i64 = match count {
        "a" | "an" | "one" => 1,
        digits => digits.parse().ok()?,
    };
    let seconds_per_unit = match unit.trim().trim_end_matches('s') {
        "second" | "sec" => 1,
        "minute" | "min" => 60,
        "hour" | "hr" | "h" => 3600,
        "day" => 86_400,
        "week" | "wk" => 7 * 86_400,
        _ => return None,
    };
    Some(DateExpr::Ago(Duration::seconds(count.checked_mul(seconds_per_unit)?)))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn month_number(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let position = MONTHS
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word.as_str()) && word.len() <= 4))?;
    u32::try_from(position + 1).ok()
}

/// Parses a written date at the start of `s` and returns it with the text after it:
/// `Saturday, 15 August, 2020, 17:30`, `15 August 2020`, `26-FEB-1987 15:01:01.79`,
/// `Yesterday, 23:02`, `Today, 09:15`.
/// The text after the date may follow without a space (`Yesterday, 23:02Kremlin says…`).
pub fn parse_written_prefix(s: &str) -> Option<(DateExpr, &str)> {
    let mut cur = Cursor(s);
    let word = cur.word();
    let lower = word.to_ascii_lowercase();
    let days_back = match lower.as_str() {
        "today" => Some(0),
        "yesterday" => Some(1),
        _ => None,
    };
    if let Some(days) = days_back {
        let mut after = Cursor(cur.0);
        after.separator();
        let time = after.time();
        let rest = if time.is_some() { after.0 } else { cur.0 };
        return Some((DateExpr::DaysBack { days, time }, rest));
    }
    if WEEKDAYS.iter().any(|d| *d == lower || (lower.len() == 3 && d.starts_with(lower.as_str()))) {
        cur.separator();
    } else {
        cur = Cursor(s);
    }
    let day = cur.number(1, 2)?;
    cur.date_separator();
    let month = month_number(cur.word())?;
    cur.date_separator();
    let year = i32::try_from(cur.number(4, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let mut after = Cursor(cur.0);
    after.separator();
    match after.time() {
        Some(time) => Some((DateExpr::Naive(date.and_time(time)), after.0)),
        None => Some((DateExpr::DateOnly(date), cur.0)),
    }
}

/// A tiny forward-only reader over ASCII date text.
struct Cursor<'a>(&'a str);

impl<'a> Cursor<'a> {
    fn word(&mut self) -> &'a str {
        let end = self.0.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(self.0.len());
        let (word, rest) = self.0.split_at(end);
        self.0 = rest;
        word
    }

    /// Skips one optional comma with spaces around it.
    fn separator(&mut self) {
        self.0 = self.0.trim_start_matches(' ');
        self.0 = self.0.strip_prefix(',').unwrap_or(self.0).trim_start_matches(' ');
    }

    /// Between day, month and year: a hyphen (`26-FEB-1987`), or what `separator` skips.
    fn date_separator(&mut self) {
        match self.0.strip_prefix('-') {
            Some(rest) => self.0 = rest,
            None => self.separator(),
        }
    }

    fn number(&mut self, min_digits: usize, max_digits: usize) -> Option<u32> {
        let n_digits = self.0.bytes().take_while(u8::is_ascii_digit).count();
        if n_digits < min_digits || n_digits > max_digits {
            return None;
        }
        let (digits, rest) = self.0.split_at(n_digits);
        self.0 = rest;
        digits.parse().ok()
    }

    /// `H:MM` or `HH:MM`, exactly two minute digits (text may follow at once).
    fn time(&mut self) -> Option<NaiveTime> {
        let mut probe = Cursor(self.0);
        let hour = probe.number(1, 2)?;
        probe.0 = probe.0.strip_prefix(':')?;
        let minute_digits = probe.0.get(..2).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
        let minute: u32 = minute_digits.parse().ok()?;
        probe.0 = &probe.0[2..];
        // `:SS`, then `.` and fractional digits, only when both seconds digits follow.
        let mut second = 0;
        let mut nanos = 0;
        if let Some(digits) =
            probe.0.strip_prefix(':').and_then(|r| r.get(..2)).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        {
            second = digits.parse().ok()?;
            probe.0 = &probe.0[3..];
            if let Some(fraction) = probe.0.strip_prefix('.') {
                let n_digits = fraction.bytes().take_while(u8::is_ascii_digit).count().min(9);
                if n_digits > 0 {
                    let value: u32 = fraction[..n_digits].parse().ok()?;
                    nanos = value * 10_u32.pow(u32::try_from(9 - n_digits).ok()?);
                    probe.0 = &fraction[n_digits..];
                }
            }
        }
        let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
        self.0 = probe.0;
        Some(time)
    }
}
