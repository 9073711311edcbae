//! Numbers and dates as the page shows them.

use crate::model::{Published, date_text};

/// `25519` as `25,519`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `Mon 2 Jan 2023, 08:15` (or without the time for date-only values), in the value's own offset.
pub fn day_and_time(published: &Published) -> String {
    date_text::weekday_date(published.at.naive_local(), published.has_time_of_day)
}

/// `1 Mar 2024` for an instant in `offset`.
pub fn date_in(ms: i64, offset: chrono::FixedOffset) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or_else(String::new, |t| date_text::day_month_year(t.with_timezone(&offset).date_naive()))
}

/// `Fri 1 Mar 2024, 09:30` (or without the time) for an instant in `offset`.
pub fn date_time_in(ms: i64, has_time: bool, offset: chrono::FixedOffset) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or_else(String::new, |t| date_text::weekday_date(t.with_timezone(&offset).naive_local(), has_time))
}

/// `2024-03-01`, the value of a date input, for an instant in `offset`.
pub fn date_input_value(ms: i64, offset: chrono::FixedOffset) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or_else(String::new, |t| date_text::iso_date(t.with_timezone(&offset).date_naive()))
}

/// Local midnight of a date input's value in `offset`, as ms since the epoch.
pub fn parse_date_input(value: &str, offset: chrono::FixedOffset) -> Option<i64> {
    use chrono::TimeZone;
    let date = chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()?;
    offset.from_local_datetime(&date.and_time(chrono::NaiveTime::MIN)).single().map(|t| t.timestamp_millis())
}
