//! When an article was published.

use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// A publication time. The offset is the one found in the file or, for naive and relative
/// values, the site's offset the file was read with. Date-only values carry midnight and
/// `has_time_of_day == false`, so hour-of-day views can leave them out instead of piling them
/// up at 00:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Published {
    /// The instant, with the offset it was expressed in.
    pub at: DateTime<FixedOffset>,
    /// False when the source gave a date without a time of day.
    pub has_time_of_day: bool,
}

impl Published {
    /// A full timestamp.
    pub fn with_time(at: DateTime<FixedOffset>) -> Published {
        Published { at, has_time_of_day: true }
    }

    /// A date with no time of day, pinned to local midnight in `offset`.
    pub fn date_only(date: chrono::NaiveDate, offset: FixedOffset) -> Option<Published> {
        let at = offset.from_local_datetime(&date.and_time(NaiveTime::MIN)).single()?;
        Some(Published { at, has_time_of_day: false })
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_ms(&self) -> i64 {
        self.at.timestamp_millis()
    }

    /// The instant in UTC.
    pub fn utc(&self) -> DateTime<Utc> {
        self.at.with_timezone(&Utc)
    }

    /// RFC 3339 text, seconds precision (e.g. `2020-08-15T17:30:00+00:00`).
    pub fn to_rfc3339(&self) -> String {
        self.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
    }
}
