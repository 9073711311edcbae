//! Text for axes and tooltips: dates of day numbers, compact numbers, weekday names, view bins.

use crate::analysis::volume::{BucketWidth, date_of_day};
use crate::model::date_text;

/// `12 Mar 2024` (day), `Mar 2024` (month), `12 Mar 14:00` (hour) for a fractional day number.
pub fn day_label(day: f64, width: BucketWidth) -> String {
    #[expect(clippy::cast_possible_truncation, reason = "day numbers are small")]
    let whole = day.floor() as i64;
    let date = date_of_day(whole);
    match width {
        BucketWidth::Hour => {
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "fraction of a day in hours")]
            let hour = ((day - day.floor()) * 24.0).round() as u32;
            format!("{} {:02}:00", date_text::day_month(date), hour.min(23))
        }
        BucketWidth::Day | BucketWidth::Week => date_text::day_month_year(date),
        BucketWidth::Month => date_text::month_year(date),
    }
}

/// `950`, `1.2K`, `3.4M`, `42.5`.
pub fn compact_number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e6 {
        format!("{:.1}M", value / 1e6)
    } else if magnitude >= 1e4 {
        format!("{:.0}K", value / 1e3)
    } else if magnitude >= 1e3 {
        format!("{:.1}K", value / 1e3)
    } else if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        // Two decimals at most, without trailing zeros: a median of two counts is `42.5`.
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Weekday names in display order (Monday first); index with `display_row`.
pub const WEEKDAYS_MONDAY_FIRST: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The display row (Monday = 0) of an analysis weekday (Sunday = 0).
pub fn display_row(weekday_sunday_first: u8) -> usize {
    (usize::from(weekday_sunday_first) + 6) % 7
}

/// The views a log2 bin holds: bin b is `2^b − 1 ..= 2^(b+1) − 2`.
pub fn views_bin_range(bin: u32) -> (u64, u64) {
    let lo = (1u64 << bin) - 1;
    let hi = (1u64 << (bin + 1)) - 2;
    (lo, hi)
}

/// `3–6` for bin 2.
pub fn views_bin_label(bin: u32) -> String {
    let (lo, hi) = views_bin_range(bin);
    if lo == hi {
        compact_number(lo as f64)
    } else {
        #[expect(clippy::cast_precision_loss, reason = "display only")]
        let text = format!("{}–{}", compact_number(lo as f64), compact_number(hi as f64));
        text
    }
}

/// `text` cut to `max_chars` characters with an ellipsis.
pub fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_well() {
        assert_eq!(day_label(19783.0, BucketWidth::Day), "1 Mar 2024");
        assert_eq!(day_label(19783.0, BucketWidth::Month), "Mar 2024");
        assert_eq!(day_label(19783.5, BucketWidth::Hour), "1 Mar 12:00");
        assert_eq!(compact_number(950.0), "950");
        assert_eq!(compact_number(1234.0), "1.2K");
        assert_eq!(compact_number(45_000.0), "45K");
        assert_eq!(compact_number(3_400_000.0), "3.4M");
        assert_eq!(compact_number(0.25), "0.25");
        assert_eq!(
            (compact_number(42.5), compact_number(3.1), compact_number(0.999)),
            ("42.5".into(), "3.1".into(), "1".into())
        );
        assert_eq!(views_bin_label(0), "0");
        assert_eq!(views_bin_label(2), "3–6");
        assert_eq!(display_row(0), 6);
        assert_eq!(display_row(1), 0);
        assert_eq!(clip("Svetlana Tikhanovskaya", 8), "Svetlana…");
    }
}
