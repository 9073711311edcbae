//! Dates and times as text, in English: `2024-03-05`, `5 Mar 2024`, `Tue 5 Mar 2024, 09:30`.
//!
//! Contract: the same text as chrono's `format` with the strftime pattern each function names
//! (a test compares them), written with plain `write!`: chrono's formatting machinery is ~5 KB
//! of the page that these few shapes do not need. Parsing stays with chrono.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use std::fmt::Write;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// `2024-03-05` (`%Y-%m-%d`).
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `2024-03-05T09:30` (`%Y-%m-%dT%H:%M`), the value of a `datetime-local` input.
pub fn iso_minute(at: NaiveDateTime) -> String {
    format!("{}T{:02}:{:02}", iso_date(at.date()), at.hour(), at.minute())
}

/// `5 Mar` (`%-d %b`).
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), MONTHS[date.month0() as usize])
}

/// `5 Mar 2024` (`%-d %b %Y`).
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {}", day_month(date), date.year())
}

/// `Mar 2024` (`%b %Y`).
pub fn month_year(date: NaiveDate) -> String {
    format!("{} {}", MONTHS[date.month0() as usize], date.year())
}

/// `Tue 5 Mar 2024` (`%a %-d %b %Y`), and `, 09:30` (`, %H:%M`) after it when `with_time`.
pub fn weekday_date(at: NaiveDateTime, with_time: bool) -> String {
    let mut text = format!("{} {}", WEEKDAYS[at.weekday().num_days_from_monday() as usize], day_month_year(at.date()));
    if with_time {
        write!(text, ", {:02}:{:02}", at.hour(), at.minute()).ok();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_chronos_strftime_for_every_shape() {
        let start = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap().and_hms_opt(7, 5, 0).unwrap();
        // Every day of a few years, at a minute that moves through the day.
        for n in 0..3_000_i64 {
            let at = start + chrono::Duration::days(n) + chrono::Duration::minutes(n * 37 % 1440);
            let date = at.date();
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(iso_minute(at), at.format("%Y-%m-%dT%H:%M").to_string());
            assert_eq!(day_month(date), date.format("%-d %b").to_string());
            assert_eq!(day_month_year(date), date.format("%-d %b %Y").to_string());
            assert_eq!(month_year(date), date.format("%b %Y").to_string());
            assert_eq!(weekday_date(at, false), at.format("%a %-d %b %Y").to_string());
            assert_eq!(weekday_date(at, true), at.format("%a %-d %b %Y, %H:%M").to_string());
        }
    }
}
