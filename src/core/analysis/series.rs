//! Topics over time: per-bucket counts of chosen topics, absolute and as a share of volume.

use super::selection::Selection;
use super::store::Store;
use super::time_keys::NO_HOUR;
use super::topic_rows::topic_rows;
use super::topics::{TopicRef, UserTopic};
use super::volume::{BucketKey, BucketWidth, bucket_of, counts_per_bucket};
use serde::Serialize;

/// One bucket of one topic's series.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// The bucket.
    pub bucket: BucketKey,
    /// Articles with the topic in the bucket.
    pub n_articles: u32,
    /// Those as a share of all selected articles in the bucket (0 when the bucket is empty).
    pub share: f64,
}

/// One topic over time, with a point for every bucket of the selection's span.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopicSeries {
    /// The topic.
    pub topic: TopicRef,
    /// One point per bucket, ascending, gaps filled with zeros.
    pub points: Vec<SeriesPoint>,
}

/// All selected articles per bucket over the selection's span, gaps filled with zeros.
pub fn volume_series(store: &Store, selection: &Selection, width: BucketWidth) -> Vec<(BucketKey, u32)> {
    let sparse = counts_per_bucket(store, selection, width);
    let (Some(&(first, _)), Some(&(last, _))) = (sparse.first(), sparse.last()) else { return Vec::new() };
    let mut dense: Vec<(BucketKey, u32)> = (first..=last).map(|k| (k, 0)).collect();
    for (key, n) in sparse {
        if let Ok(offset) = usize::try_from(key - first) {
            dense[offset].1 = n;
        }
    }
    dense
}

/// The series of each topic over `selection`, aligned with `volume_series`.
pub fn topic_series(
    store: &Store,
    selection: &Selection,
    topics: &[TopicRef],
    user_topics: &[UserTopic],
    width: BucketWidth,
) -> Vec<TopicSeries> {
    if topics.is_empty() {
        return Vec::new();
    }
    let volume = volume_series(store, selection, width);
    topics
        .iter()
        .map(|topic| {
            let rows = selection.rows_in(&topic_rows(store, topic, user_topics));
            TopicSeries { topic: topic.clone(), points: points_of(store, &rows, &volume, width) }
        })
        .collect()
}

fn points_of(store: &Store, rows: &[u32], volume: &[(BucketKey, u32)], width: BucketWidth) -> Vec<SeriesPoint> {
    let mut counts = vec![0u32; volume.len()];
    let first = volume.first().map_or(0, |v| v.0);
    for &row in rows {
        let hour = store.keys.hour[row as usize];
        if width == BucketWidth::Hour && hour == NO_HOUR {
            continue;
        }
        let key = bucket_of(width, store.keys.day[row as usize], hour);
        if let Some(slot) = usize::try_from(key - first).ok().and_then(|i| counts.get_mut(i)) {
            *slot += 1;
        }
    }
    volume
        .iter()
        .zip(counts)
        .map(|(&(bucket, total), n_articles)| SeriesPoint {
            bucket,
            n_articles,
            share: if total == 0 { 0.0 } else { f64::from(n_articles) / f64::from(total) },
        })
        .collect()
}
