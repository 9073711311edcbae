//! View-models: what each chart shows, settled from analysis results (labels, ranges, colours by
//! index). Plain data with `PartialEq`, so the UI can memoize them and tests can compare them.

use super::labels::{clip, compact_number, display_row};
use crate::analysis::dashboard::DashboardData;
use crate::analysis::filter::Filter;
use crate::analysis::frequency::Measure;
use crate::analysis::store::Store;
use crate::analysis::time_keys::DAY_MS;
use crate::analysis::topics::{TopicKind, TopicRef};
use crate::analysis::volume::{BucketWidth, bucket_start_day};

/// One bar of the volume chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VolumeBar {
    /// Start of the bucket (day number, fractional for hours).
    pub start_day: f64,
    /// End of the bucket.
    pub end_day: f64,
    /// Articles in it.
    pub n_articles: u32,
}

/// Publication volume over time, with the date filter shown as a brush.
#[derive(Clone, Debug, PartialEq)]
pub struct VolumeSpec {
    /// Title.
    pub title: String,
    /// Bucket width.
    pub width: BucketWidth,
    /// Bars, ascending.
    pub bars: Vec<VolumeBar>,
    /// The date filter as day numbers `[from, to)`, if any.
    pub brush_days: Option<(f64, f64)>,
}

/// One bar of a horizontal bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The label.
    pub label: String,
    /// The length.
    pub value: f64,
    /// The value as shown.
    pub value_text: String,
    /// True when the bar's topic is in the filter.
    pub is_selected: bool,
    /// The topic behind the bar.
    pub topic: TopicRef,
}

/// Top topics as horizontal bars, first bar on top.
#[derive(Clone, Debug, PartialEq)]
pub struct BarsSpec {
    /// Title.
    pub title: String,
    /// What the bar length means.
    pub value_label: String,
    /// Bars, largest first.
    pub bars: Vec<Bar>,
    /// Drawn instead of the bars when there are none: why (none in the selection, or the
    /// topics are still being found).
    pub empty_note: String,
}

/// One line of the trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendLine {
    /// Legend text.
    pub label: String,
    /// `(day, value)` points.
    pub points: Vec<(f64, f64)>,
}

/// A labelled point (a burst's peak).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Day of the peak.
    pub x: f64,
    /// Value at the peak.
    pub y: f64,
    /// Which line it belongs to.
    pub line_index: usize,
    /// The burst's top headline.
    pub text: String,
}

/// Topics over time.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSpec {
    /// Title.
    pub title: String,
    /// What the y axis shows.
    pub y_label: String,
    /// Bucket width (for date labels).
    pub width: BucketWidth,
    /// Lines, one per chosen topic.
    pub lines: Vec<TrendLine>,
    /// Burst markers.
    pub markers: Vec<Marker>,
}

/// One bin of the views histogram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistogramBin {
    /// The log2 bin.
    pub bin: u32,
    /// Articles in it.
    pub n_articles: u32,
}

/// Views on log bins.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramSpec {
    /// Title.
    pub title: String,
    /// Bins, ascending (empty bins included up to the last non-empty one).
    pub bins: Vec<HistogramBin>,
}

/// One heatmap cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatCell {
    /// Row (Monday = 0).
    pub row: usize,
    /// Hour 0–23.
    pub hour: u8,
    /// The value coloured (articles or median views).
    pub value: Option<f64>,
    /// Articles in the cell.
    pub n_articles: u32,
}

/// Weekday × hour heatmap.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapSpec {
    /// Title.
    pub title: String,
    /// What the colour means.
    pub value_label: String,
    /// 168 cells.
    pub cells: Vec<HeatCell>,
    /// The best cell, outlined.
    pub best: Option<(usize, u8)>,
}

/// The volume chart's spec.
pub fn volume_spec(data: &DashboardData, filter: &Filter, offset_seconds: i32) -> VolumeSpec {
    let width = data.width;
    let bars = data
        .volume
        .iter()
        .map(|&(key, n)| VolumeBar {
            start_day: bucket_day(width, key),
            end_day: bucket_day(width, key + 1),
            n_articles: n,
        })
        .collect();
    let to_day = |ms: i64| (ms + i64::from(offset_seconds) * 1000) as f64 / DAY_MS as f64;
    let brush_days = match (filter.from_ms, filter.to_ms) {
        (None, None) => None,
        (from, to) => Some((from.map_or(f64::NEG_INFINITY, to_day), to.map_or(f64::INFINITY, to_day))),
    };
    VolumeSpec { title: "Publication volume".to_owned(), width, bars, brush_days }
}

/// The first day (fractional for hours) of a bucket.
pub fn bucket_day(width: BucketWidth, key: i64) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "bucket keys are small")]
    match width {
        BucketWidth::Hour => key as f64 / 24.0,
        _ => bucket_start_day(width, key) as f64,
    }
}

/// A measure's label with the store's word for views (`Store::views_noun`): "median points".
pub fn measure_text(measure: Measure, views_noun: &str) -> String {
    measure_label(measure).replace("views", views_noun)
}

/// `noun` with a capital first letter, for titles (ASCII letters only: Unicode's upper-case
/// tables would add 8 KB to the page).
pub fn capitalised(noun: &str) -> String {
    let mut text = noun.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// The stable name of a measure (the views measures say "views" whatever the data calls
/// them): the topic chart's select values and the export's column names; labels use
/// `measure_text`.
pub fn measure_label(measure: Measure) -> &'static str {
    match measure {
        Measure::Articles => "articles",
        Measure::ShareOfArticles => "share of articles",
        Measure::TotalViews => "total views",
        Measure::ShareOfViews => "share of views",
        Measure::MedianViews => "median views",
    }
}

fn value_text(value: f64, measure: Measure) -> String {
    match measure {
        Measure::ShareOfArticles | Measure::ShareOfViews => format!("{:.1}%", value * 100.0),
        _ => compact_number(value),
    }
}

/// The topic-frequency chart's spec.
pub fn topics_spec(data: &DashboardData, filter: &Filter, measure: Measure, views_noun: &str) -> BarsSpec {
    let bars = data
        .topics
        .iter()
        .map(|stat| Bar {
            label: clip(&stat.label, 32),
            value: stat.value(measure),
            value_text: value_text(stat.value(measure), measure),
            is_selected: filter.any_topics.contains(&stat.topic) || filter.all_topics.contains(&stat.topic),
            topic: stat.topic.clone(),
        })
        .collect();
    BarsSpec {
        title: "Topic frequency".to_owned(),
        value_label: measure_text(measure, views_noun),
        bars,
        empty_note: "No topics in this selection.".to_owned(),
    }
}

/// The topic-frequency chart while the phrases or names (`kind`) of `n_articles` headlines are
/// being found.
pub fn topics_being_found_spec(kind: TopicKind, n_articles: usize) -> BarsSpec {
    let what = if kind == TopicKind::Phrase { "phrases" } else { "names" };
    BarsSpec {
        title: "Topic frequency".to_owned(),
        value_label: String::new(),
        bars: Vec::new(),
        #[expect(clippy::cast_precision_loss, reason = "a count shown rounded")]
        empty_note: format!("Finding {what} in {} headlines…", compact_number(n_articles as f64)),
    }
}

/// The topics-over-time chart's spec; `as_share` plots shares of volume instead of counts.
pub fn trend_spec(store: &Store, data: &DashboardData, as_share: bool) -> TrendSpec {
    let width = data.width;
    let value = |n: u32, share: f64| if as_share { share * 100.0 } else { f64::from(n) };
    let lines = data
        .series
        .iter()
        .map(|s| TrendLine {
            label: s.topic.key.clone(),
            points: s.points.iter().map(|p| (bucket_day(width, p.bucket), value(p.n_articles, p.share))).collect(),
        })
        .collect();
    let mut markers = Vec::new();
    for (line_index, (series, bursts)) in data.series.iter().zip(&data.bursts).enumerate() {
        for burst in bursts {
            let Some(point) = series.points.iter().find(|p| p.bucket == burst.peak_bucket) else { continue };
            let text = burst.top_row.map_or_else(String::new, |row| clip(store.titles.get(row as usize), 40));
            markers.push(Marker {
                x: bucket_day(width, point.bucket),
                y: value(point.n_articles, point.share),
                line_index,
                text,
            });
        }
    }
    let y_label = if as_share { "% of articles" } else { "articles" }.to_owned();
    let title = if data.series_are_suggested { "Top rising topics over time" } else { "Topics over time" };
    TrendSpec { title: title.to_owned(), y_label, width, lines, markers }
}

/// The views histogram's spec (`views_noun`: what the views count).
pub fn histogram_spec(data: &DashboardData, views_noun: &str) -> HistogramSpec {
    let bins = data
        .views_histogram
        .iter()
        .enumerate()
        .map(|(bin, &n)| HistogramBin { bin: u32::try_from(bin).unwrap_or(0), n_articles: n })
        .collect();
    HistogramSpec { title: format!("{} per article (log bins)", capitalised(views_noun)), bins }
}

/// The timing heatmap's spec: articles per cell, or median views when `by_views`.
pub fn heatmap_spec(data: &DashboardData, by_views: bool, views_noun: &str) -> HeatmapSpec {
    let cells = data
        .timing
        .0
        .iter()
        .map(|c| HeatCell {
            row: display_row(c.weekday),
            hour: c.hour,
            value: if by_views { c.median_views } else { (c.n_articles > 0).then_some(f64::from(c.n_articles)) },
            n_articles: c.n_articles,
        })
        .collect();
    let best = data.best_slot.map(|c| (display_row(c.weekday), c.hour));
    let value_label = if by_views { format!("median {views_noun}") } else { "articles".to_owned() };
    HeatmapSpec { title: "Publication timing".to_owned(), value_label, cells, best }
}
