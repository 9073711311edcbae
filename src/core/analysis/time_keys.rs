//! Calendar keys of every row in one time zone: day number, hour, weekday, and runs of equal
//! day and hour (rows are time-sorted, so each key is sorted too).

use chrono::FixedOffset;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;
/// Milliseconds in an hour.
pub const HOUR_MS: i64 = 3_600_000;
/// The `hour` of a row whose source gave no time of day.
pub use headline_trends_kernels::week_grid::NO_HOUR;

/// Per-row calendar keys in `offset`.
#[derive(Clone, Debug)]
pub struct TimeKeys {
    /// The time zone the keys are in.
    pub offset: FixedOffset,
    /// Days since 1970-01-01 in that zone.
    pub day: Vec<i32>,
    /// Hour of day 0–23, or `NO_HOUR` for date-only rows.
    pub hour: Vec<u8>,
    /// Weekday, 0 = Sunday (the benchmark workload's convention).
    pub weekday: Vec<u8>,
    /// `(day, first row)` for each run of rows on the same day, in row order.
    pub day_runs: Vec<(i32, u32)>,
    /// `(weekday × 24 + hour, first row)` for each run of rows in the same hour of the same day
    /// (`NO_HOUR` rows get cell `u16::MAX`), in row order.
    pub hour_runs: Vec<(u16, u32)>,
}

/// The day number of an instant in `offset`.
pub fn day_of(ts_ms: i64, offset: FixedOffset) -> i32 {
    let local = ts_ms + i64::from(offset.local_minus_utc()) * 1000;
    i32::try_from(local.div_euclid(DAY_MS)).unwrap_or(if local < 0 { i32::MIN } else { i32::MAX })
}

/// Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday).
pub fn weekday_of_day(day: i32) -> u8 {
    u8::try_from((i64::from(day) + 4).rem_euclid(7)).unwrap_or(0)
}

impl TimeKeys {
    /// Computes the keys of time-sorted `ts_ms` in `offset`.
    pub fn compute(ts_ms: &[i64], has_time: &[bool], offset: FixedOffset) -> TimeKeys {
        let offset_ms = i64::from(offset.local_minus_utc()) * 1000;
        let n = ts_ms.len();
        let (mut day, mut hour, mut weekday) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let mut day_runs: Vec<(i32, u32)> = Vec::new();
        let mut hour_runs: Vec<(u16, u32)> = Vec::new();
        let mut last_hour_key: Option<(i32, u8)> = None;
        for (row, (&ts, &timed)) in ts_ms.iter().zip(has_time).enumerate() {
            let local = ts + offset_ms;
            let d = i32::try_from(local.div_euclid(DAY_MS)).unwrap_or(i32::MAX);
            day.push(d);
            hour.push(if timed { u8::try_from(local.rem_euclid(DAY_MS) / HOUR_MS).unwrap_or(0) } else { NO_HOUR });
            weekday.push(weekday_of_day(d));
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            if day_runs.last().is_none_or(|&(last, _)| last != d) {
                day_runs.push((d, row));
            }
            let h = hour[hour.len() - 1];
            if last_hour_key != Some((d, h)) {
                last_hour_key = Some((d, h));
                let cell = if h == NO_HOUR { u16::MAX } else { u16::from(weekday_of_day(d)) * 24 + u16::from(h) };
                hour_runs.push((cell, row));
            }
        }
        TimeKeys { offset, day, hour, weekday, day_runs, hour_runs }
    }
}
