//! Everything the dashboard shows for one filter state, computed in one call — the unit the
//! "whole dashboard update" benchmark times, and what the UI's memos are built from.

use super::bursts::{Burst, BurstRule, find_bursts};
use super::filter::{Filter, FilterPart};
use super::frequency::{Measure, TopicStat, topic_frequency_given};
use super::keywords::article_counts_per_token;
use super::rising::{RisingRule, RisingTopic, rising_topics_given};
use super::selection::Selection;
use super::series::{TopicSeries, topic_series, volume_series};
use super::store::Store;
use super::timing::{TimingCell, best_slot, timing_grid};
use super::topics::{TopicKind, TopicRef, UserTopic};
use super::views::{top_headlines, views_log2_histogram};
use super::volume::{BucketKey, BucketWidth};

/// Rising topics drawn over time while none is chosen.
pub const N_SUGGESTED: usize = 3;

/// The view settings besides the filter.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewSettings {
    /// Topic kind of the frequency chart.
    pub topic_kind: TopicKind,
    /// Measure of the frequency chart.
    pub measure: Measure,
    /// Topics drawn over time.
    pub chosen_topics: Vec<TopicRef>,
    /// Bucket width; `None` picks one from the span.
    pub bucket_width: Option<BucketWidth>,
    /// Bars in the frequency chart.
    pub n_topics: usize,
    /// Rows in the top-headlines table.
    pub n_headlines: usize,
}

impl Default for ViewSettings {
    fn default() -> ViewSettings {
        ViewSettings {
            topic_kind: TopicKind::Keyword,
            measure: Measure::Articles,
            chosen_topics: Vec::new(),
            bucket_width: None,
            n_topics: 20,
            n_headlines: 20,
        }
    }
}

/// Every panel's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct DashboardData {
    /// The selection (all filters).
    pub selection: Selection,
    /// Bucket width used.
    pub width: BucketWidth,
    /// Volume per bucket, from the selection without its date filter (so the brush stays visible).
    pub volume: Vec<(BucketKey, u32)>,
    /// Top topics, from the selection without its topic filter (`topics_selection`); ranked
    /// by articles, keywords come without views (`frequency::add_views` fills them).
    pub topics: Vec<TopicStat>,
    /// The selection the topics were counted over when a topic filter makes it differ from
    /// `selection` (see `topics_selection`).
    pub topics_only_selection: Option<Selection>,
    /// Chosen topics over time; with none chosen, the top rising ones (`series_are_suggested`).
    pub series: Vec<TopicSeries>,
    /// True when `series` are the rising topics drawn because none is chosen.
    pub series_are_suggested: bool,
    /// Bursts of each topic of `series`.
    pub bursts: Vec<Vec<Burst>>,
    /// Views histogram (log2 bins), from the selection without its views filter.
    pub views_histogram: Vec<u32>,
    /// Most-viewed rows.
    pub top_rows: Vec<u32>,
    /// Weekday × hour grid and date-only count.
    pub timing: (Vec<TimingCell>, u32),
    /// Best publishing slot (cells with at least half an average cell's articles, and 5).
    pub best_slot: Option<TimingCell>,
    /// Rising and falling keywords.
    pub rising: (Vec<RisingTopic>, Vec<RisingTopic>),
}

/// Computes every panel for `filter` and `settings`.
pub fn compute(store: &Store, filter: &Filter, user_topics: &[UserTopic], settings: &ViewSettings) -> DashboardData {
    // Topic and query lookups once; the cross-filtered selections are combined from them.
    let parts = filter.evaluate(store, user_topics);
    let selection = parts.select_except(store, None);
    let without_dates = parts.select_without(store, FilterPart::Dates, &selection);
    let width = settings.bucket_width.unwrap_or_else(|| BucketWidth::for_span_days(span_days(store, &selection)));
    let without_topics = parts.select_without(store, FilterPart::Topics, &selection);
    let without_views = parts.select_without(store, FilterPart::Views, &selection);
    // Articles per keyword over the selection, shared by the topic chart (when no topic filter
    // makes its selection differ) and the rising topics.
    let keyword_counts = (settings.topic_kind == TopicKind::Keyword && !parts.has(FilterPart::Topics))
        .then(|| article_counts_per_token(store, &selection));
    let rising = rising_topics_given(store, &selection, RisingRule::default(), 10, keyword_counts.as_deref());
    // With no topic chosen, the chart of topics over time draws the top rising ones rather than
    // nothing — once each word's rows are listed (`Store::has_postings`; the page lists them
    // when idle after loading, so the first dashboard is not kept waiting for them).
    let series_are_suggested = settings.chosen_topics.is_empty() && store.has_postings();
    let suggested: Vec<TopicRef>;
    let drawn = if series_are_suggested {
        suggested = rising.0.iter().take(N_SUGGESTED).map(|t| TopicRef::new(TopicKind::Keyword, &*t.keyword)).collect();
        &suggested
    } else {
        &settings.chosen_topics
    };
    let series = topic_series(store, &selection, drawn, user_topics, width);
    let bursts =
        series.iter().map(|s| find_bursts(store, s, &selection, user_topics, width, BurstRule::default())).collect();
    let timing = timing_grid(store, &selection);
    // A slot must hold at least half an average cell's articles (and 5), so one viral story at
    // 3 a.m. does not win.
    let n_with_views: u32 = timing.0.iter().map(|c| c.n_with_views).sum();
    let best = best_slot(&timing.0, (n_with_views / 168 / 2).max(5));
    DashboardData {
        width,
        volume: volume_series(store, &without_dates, width),
        topics: topic_frequency_given(
            store,
            &without_topics,
            settings.topic_kind,
            user_topics,
            settings.n_topics,
            settings.measure,
            keyword_counts.as_deref(),
        ),
        topics_only_selection: match without_topics {
            std::borrow::Cow::Owned(own) => Some(own),
            std::borrow::Cow::Borrowed(_) => None,
        },
        series,
        series_are_suggested,
        bursts,
        views_histogram: views_log2_histogram(store, &without_views),
        top_rows: top_headlines(store, &selection, settings.n_headlines),
        timing,
        best_slot: best,
        rising,
        selection,
    }
}

impl DashboardData {
    /// The selection the topic chart counts over: every filter but the topic filter.
    pub fn topics_selection(&self) -> &Selection {
        self.topics_only_selection.as_ref().unwrap_or(&self.selection)
    }
}

fn span_days(store: &Store, selection: &Selection) -> i64 {
    let (Some(first), Some(last)) = (selection.first(), selection.last()) else { return 0 };
    (store.ts_ms[last as usize] - store.ts_ms[first as usize]) / super::time_keys::DAY_MS
}
