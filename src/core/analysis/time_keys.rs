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
        // The local hour the last row fell in, [start, end) in local ms, with its keys: rows
        // are time-sorted, so most rows fall in the last one's hour and need no division.
        let (mut hour_start, mut hour_end, mut d, mut h, mut wd) = (0i64, 0i64, 0i32, 0u8, 0u8);
        for (row, (&ts, &timed)) in ts_ms.iter().zip(has_time).enumerate() {
            let local = ts + offset_ms;
            if !(hour_start..hour_end).contains(&local) {
                let day_number = local.div_euclid(DAY_MS);
                let ms_into_day = local.rem_euclid(DAY_MS);
                d = i32::try_from(day_number).unwrap_or(i32::MAX);
                h = u8::try_from(ms_into_day / HOUR_MS).unwrap_or(0);
                wd = weekday_of_day(d);
                hour_start = local - ms_into_day % HOUR_MS;
                hour_end = hour_start.saturating_add(HOUR_MS);
            }
            day.push(d);
            let h = if timed { h } else { NO_HOUR };
            hour.push(h);
            weekday.push(wd);
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            if day_runs.last().is_none_or(|&(last, _)| last != d) {
                day_runs.push((d, row));
            }
            if last_hour_key != Some((d, h)) {
                last_hour_key = Some((d, h));
                let cell = if h == NO_HOUR { u16::MAX } else { u16::from(wd) * 24 + u16::from(h) };
                hour_runs.push((cell, row));
            }
        }
        TimeKeys { offset, day, hour, weekday, day_runs, hour_runs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of one row by their definitions.
    fn by_definition(ts: i64, timed: bool, offset_ms: i64) -> (i32, u8, u8) {
        let local = ts + offset_ms;
        let day = i32::try_from(local.div_euclid(DAY_MS)).unwrap_or(i32::MAX);
        let hour = if timed { u8::try_from(local.rem_euclid(DAY_MS) / HOUR_MS).unwrap_or(0) } else { NO_HOUR };
        (day, hour, weekday_of_day(day))
    }

    proptest::proptest! {
        /// Sorted instants around hour and day boundaries, before and after 1970, some without a
        /// time of day, in offsets east and west: every key as its definition gives it, and
        /// the runs start where a key changes.
        #[test]
        fn keys_and_runs_follow_their_definitions(
            steps in proptest::collection::vec((0i64..3, 0i64..7_200_000, proptest::bool::ANY), 0..200),
            start in -3 * DAY_MS..3 * DAY_MS,
            offset_minutes in -14 * 60..14 * 60i32,
        ) {
            let mut ts = start;
            let mut ts_ms = Vec::new();
            let mut has_time = Vec::new();
            for (jump_hours, ms, timed) in steps {
                ts += jump_hours * HOUR_MS + ms % 1_000 * i64::from(ms % 3 == 0) + ms * i64::from(ms % 3 == 1);
                ts_ms.push(ts);
                has_time.push(timed);
            }
            let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let offset_ms = i64::from(offset.local_minus_utc()) * 1000;
            let keys = TimeKeys::compute(&ts_ms, &has_time, offset);
            let mut cells = Vec::new();
            for (row, (&t, &timed)) in ts_ms.iter().zip(&has_time).enumerate() {
                let (day, hour, weekday) = by_definition(t, timed, offset_ms);
                proptest::prop_assert_eq!((keys.day[row], keys.hour[row], keys.weekday[row]), (day, hour, weekday), "row {}", row);
                let cell = if hour == NO_HOUR { u16::MAX } else { u16::from(weekday) * 24 + u16::from(hour) };
                cells.push((day, hour, cell));
            }
            let day_runs: Vec<(i32, u32)> = (0..cells.len())
                .filter(|&r| r == 0 || cells[r].0 != cells[r - 1].0)
                .map(|r| (cells[r].0, u32::try_from(r).unwrap_or(0)))
                .collect();
            let hour_runs: Vec<(u16, u32)> = (0..cells.len())
                .filter(|&r| r == 0 || cells[r].0 != cells[r - 1].0 || cells[r].1 != cells[r - 1].1)
                .map(|r| (cells[r].2, u32::try_from(r).unwrap_or(0)))
                .collect();
            proptest::prop_assert_eq!(keys.day_runs, day_runs);
            proptest::prop_assert_eq!(keys.hour_runs, hour_runs);
        }
    }
}
