//! Bursts: buckets where a topic's share of articles jumps well above its trailing baseline.
//!
//! A bucket bursts when its share exceeds the mean of the previous `baseline_buckets` shares by
//! more than `threshold_std` standard deviations (the deviation floored at 1% of share, so a
//! flat baseline does not make every blip a burst) and it has at least `min_articles` articles.
//! Consecutive bursting buckets merge into one burst, labelled with its most-viewed headline.

use super::selection::Selection;
use super::series::TopicSeries;
use super::stats::mean_and_std;
use super::store::Store;
use super::topic_rows::topic_rows;
use super::topics::UserTopic;
use super::volume::{BucketKey, BucketWidth, bucket_of};
use serde::Serialize;

/// How bursts are detected.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BurstRule {
    /// Buckets in the trailing baseline.
    pub baseline_buckets: usize,
    /// Standard deviations above the baseline mean.
    pub threshold_std: f64,
    /// Fewest articles in a bursting bucket.
    pub min_articles: u32,
}

impl Default for BurstRule {
    fn default() -> BurstRule {
        BurstRule { baseline_buckets: 14, threshold_std: 3.0, min_articles: 3 }
    }
}

/// One burst of one topic.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Burst {
    /// First bursting bucket.
    pub first_bucket: BucketKey,
    /// Last bursting bucket.
    pub last_bucket: BucketKey,
    /// The bucket with the highest share.
    pub peak_bucket: BucketKey,
    /// Share at the peak.
    pub peak_share: f64,
    /// Standard deviations above baseline at the peak.
    pub peak_z: f64,
    /// The most-viewed article of the topic within the burst (ties: earliest), for the label.
    pub top_row: Option<u32>,
}

/// Bursts of one series over `selection`, whose rows give each burst's top headline.
pub fn find_bursts(
    store: &Store,
    series: &TopicSeries,
    selection: &Selection,
    user_topics: &[UserTopic],
    width: BucketWidth,
    rule: BurstRule,
) -> Vec<Burst> {
    let shares: Vec<f64> = series.points.iter().map(|p| p.share).collect();
    let mut bursts: Vec<Burst> = Vec::new();
    let mut open: Option<Burst> = None;
    for (i, point) in series.points.iter().enumerate() {
        let min_history = (rule.baseline_buckets / 2).max(3);
        let z = if i < min_history {
            None
        } else {
            mean_and_std(&shares[i.saturating_sub(rule.baseline_buckets)..i])
                .map(|(mean, std)| (point.share - mean) / std.max(0.01))
        };
        let bursting = point.n_articles >= rule.min_articles && z.is_some_and(|z| z > rule.threshold_std);
        match (&mut open, bursting) {
            (Some(burst), true) => {
                burst.last_bucket = point.bucket;
                if point.share > burst.peak_share {
                    (burst.peak_bucket, burst.peak_share, burst.peak_z) = (point.bucket, point.share, z.unwrap_or(0.0));
                }
            }
            (None, true) => {
                open = Some(Burst {
                    first_bucket: point.bucket,
                    last_bucket: point.bucket,
                    peak_bucket: point.bucket,
                    peak_share: point.share,
                    peak_z: z.unwrap_or(0.0),
                    top_row: None,
                });
            }
            (Some(_), false) => bursts.extend(open.take()),
            (None, false) => {}
        }
    }
    bursts.extend(open);
    if !bursts.is_empty() {
        let rows = selection.rows_in(&topic_rows(store, &series.topic, user_topics));
        for burst in &mut bursts {
            burst.top_row = rows_in_burst(store, &rows, burst, width)
                .max_by(|&a, &b| store.views_of(a).cmp(&store.views_of(b)).then(b.cmp(&a)));
        }
    }
    bursts
}

/// The rows of `topic_rows` (a topic's selected rows) that fall in `burst`'s buckets.
pub fn rows_in_burst<'a>(
    store: &'a Store,
    topic_rows: &'a [u32],
    burst: &'a Burst,
    width: BucketWidth,
) -> impl Iterator<Item = u32> + 'a {
    topic_rows.iter().copied().filter(move |&r| {
        (burst.first_bucket..=burst.last_bucket).contains(&bucket_of(
            width,
            store.keys.day[r as usize],
            store.keys.hour[r as usize],
        ))
    })
}
