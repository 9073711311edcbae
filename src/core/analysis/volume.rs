//! Article counts per time bucket (hour, day, week, month) in the store's time zone.

use super::selection::Selection;
use super::store::Store;
use super::time_keys::NO_HOUR;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The width of a time bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BucketWidth {
    /// One hour (date-only articles are left out).
    Hour,
    /// One calendar day.
    Day,
    /// Monday to Sunday.
    Week,
    /// One calendar month.
    Month,
}

impl BucketWidth {
    /// The width that gives a readable number of bars (about 30 to 400) for a span of `n_days`.
    pub fn for_span_days(n_days: i64) -> BucketWidth {
        match n_days {
            ..=3 => BucketWidth::Hour,
            4..=180 => BucketWidth::Day,
            181..=1100 => BucketWidth::Week,
            _ => BucketWidth::Month,
        }
    }
}

/// A bucket key: hours, days, weeks (Monday-based) or months since 1970-01, in the zone.
pub type BucketKey = i64;

/// The bucket of a day number (and hour, for hourly buckets).
pub fn bucket_of(width: BucketWidth, day: i32, hour: u8) -> BucketKey {
    let day = i64::from(day);
    match width {
        BucketWidth::Hour => day * 24 + i64::from(hour),
        BucketWidth::Day => day,
        BucketWidth::Week => (day + 3).div_euclid(7),
        BucketWidth::Month => {
            let date = date_of_day(day);
            i64::from(date.year() - 1970) * 12 + i64::from(date.month0())
        }
    }
}

/// The calendar date of a day number.
pub fn date_of_day(day: i64) -> NaiveDate {
    NaiveDate::from_epoch_days(i32::try_from(day).unwrap_or(0)).unwrap_or_default()
}

/// The first day number of a bucket (for labels and axes).
pub fn bucket_start_day(width: BucketWidth, key: BucketKey) -> i64 {
    match width {
        BucketWidth::Hour => key.div_euclid(24),
        BucketWidth::Day => key,
        BucketWidth::Week => key * 7 - 3,
        BucketWidth::Month => {
            let year = i32::try_from(1970 + key.div_euclid(12)).unwrap_or(1970);
            let month = u32::try_from(key.rem_euclid(12) + 1).unwrap_or(1);
            NaiveDate::from_ymd_opt(year, month, 1).map_or(0, |d| i64::from(d.to_epoch_days()))
        }
    }
}

/// Article counts per day, ascending by day, days without articles left out.
pub fn counts_per_day(store: &Store, selection: &Selection) -> Vec<(i32, u32)> {
    match selection {
        Selection::Range(range) => {
            let runs = &store.keys.day_runs;
            let first = runs.partition_point(|&(_, start)| start <= range.start).saturating_sub(1);
            let mut out = Vec::new();
            for (i, &(day, start)) in runs.iter().enumerate().skip(first) {
                let end = runs.get(i + 1).map_or(store.len() as u64, |&(_, s)| u64::from(s));
                let lo = u64::from(start.max(range.start));
                let hi = end.min(u64::from(range.end));
                if lo >= u64::from(range.end) {
                    break;
                }
                if hi > lo {
                    out.push((day, u32::try_from(hi - lo).unwrap_or(u32::MAX)));
                }
            }
            out
        }
        Selection::Rows(rows) => {
            let mut out: Vec<(i32, u32)> = Vec::new();
            for &row in rows {
                let day = store.keys.day[row as usize];
                match out.last_mut() {
                    Some((last, n)) if *last == day => *n += 1,
                    _ => out.push((day, 1)),
                }
            }
            out
        }
    }
}

/// Article counts per bucket, ascending, empty buckets left out. Hourly buckets skip
/// date-only articles.
pub fn counts_per_bucket(store: &Store, selection: &Selection, width: BucketWidth) -> Vec<(BucketKey, u32)> {
    let mut out: Vec<(BucketKey, u32)> = Vec::new();
    let mut add = |key: BucketKey, n: u32| match out.last_mut() {
        Some((last, count)) if *last == key => *count += n,
        _ => out.push((key, n)),
    };
    if width == BucketWidth::Hour {
        for row in selection.iter() {
            let hour = store.keys.hour[row as usize];
            if hour != NO_HOUR {
                add(bucket_of(width, store.keys.day[row as usize], hour), 1);
            }
        }
    } else {
        for (day, n) in counts_per_day(store, selection) {
            add(bucket_of(width, day, 0), n);
        }
    }
    out
}
