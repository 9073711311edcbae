//! Topic frequency over a selection: the top topics of one kind, with articles, shares, views.

use super::keywords::article_counts_per_token;
use super::selection::{Selection, Sieve};
use super::stats::{median, sort_few_by};
use super::store::{NO_CATEGORY, NO_VIEWS, Store};
use super::topic_rows::topic_rows;
use super::topics::{TopicKind, TopicRef, UserTopic};
use serde::{Deserialize, Serialize};

/// What ranks topics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Articles mentioning the topic.
    #[default]
    Articles,
    /// Those articles as a share of the selection.
    ShareOfArticles,
    /// Views of those articles.
    TotalViews,
    /// Those views as a share of the selection's views.
    ShareOfViews,
    /// Median views of those articles (robust to one viral story).
    MedianViews,
}

/// One topic's numbers over a selection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopicStat {
    /// The topic.
    pub topic: TopicRef,
    /// Its display text.
    pub label: String,
    /// Articles in the selection with the topic.
    pub n_articles: u32,
    /// `n_articles` / selection size.
    pub share_of_articles: f64,
    /// The views of those articles: always there when a views measure ranked the topics;
    /// otherwise `None` until asked for (`add_views`), since a search selecting most rows
    /// spends a quarter of its update on them.
    pub views: Option<TopicViews>,
}

/// The views of a topic's articles in a selection.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TopicViews {
    /// Views of the articles (articles without views add nothing).
    pub total: u64,
    /// `total` / the selection's views.
    pub share: f64,
    /// Median views of the articles that have views.
    pub median: Option<f64>,
}

impl TopicStat {
    /// The value of `measure`.
    pub fn value(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Articles => f64::from(self.n_articles),
            Measure::ShareOfArticles => self.share_of_articles,
            #[expect(clippy::cast_precision_loss, reason = "view totals are far below 2^53")]
            Measure::TotalViews => self.views.map_or(0.0, |v| v.total as f64),
            Measure::ShareOfViews => self.views.map_or(0.0, |v| v.share),
            Measure::MedianViews => self.views.and_then(|v| v.median).unwrap_or(0.0),
        }
    }
}

/// Candidates considered when ranking by a views measure (the most frequent ones).
const VIEW_RANK_POOL: usize = 400;
/// Fewest articles for a topic to be ranked by median views.
const MIN_ARTICLES_FOR_MEDIAN: u32 = 5;

/// The top `n` topics of `kind` over `selection`, ranked by `measure` (ties: label order).
pub fn topic_frequency(
    store: &Store,
    selection: &Selection,
    kind: TopicKind,
    user_topics: &[UserTopic],
    n: usize,
    measure: Measure,
) -> Vec<TopicStat> {
    topic_frequency_given(store, selection, kind, user_topics, n, measure, None)
}

/// `topic_frequency`, with the articles per keyword over `selection` already counted
/// (`keywords::article_counts_per_token`) when `keyword_counts` is given. Ranked by articles,
/// keywords, phrases and categories come without their views (`TopicStat::views` is `None`;
/// see `add_views`): their counts are their articles already.
pub fn topic_frequency_given(
    store: &Store,
    selection: &Selection,
    kind: TopicKind,
    user_topics: &[UserTopic],
    n: usize,
    measure: Measure,
    keyword_counts: Option<&[u32]>,
) -> Vec<TopicStat> {
    let pool = if matches!(measure, Measure::Articles | Measure::ShareOfArticles) { n } else { VIEW_RANK_POOL.max(n) };
    let candidates = candidates_by_articles(store, selection, kind, user_topics, pool, keyword_counts);
    let by_articles = matches!(measure, Measure::Articles | Measure::ShareOfArticles);
    let counts_are_articles = matches!(kind, TopicKind::Keyword | TopicKind::Phrase | TopicKind::Category);
    let mut stats: Vec<TopicStat> = if by_articles && counts_are_articles {
        // A keyword's, phrase's or category's count over the selection is its articles there
        // (a phrase's found occurrences are every clause holding its words in a row: the rows
        // `topic_rows` gives). A name's count is of the rows where it is a whole run of
        // capitalised words, while its rows are every row with those words in a row.
        candidates
            .into_iter()
            .map(|(n_articles, topic, label)| TopicStat {
                topic,
                label,
                n_articles,
                share_of_articles: share(u64::from(n_articles), selection.len() as u64),
                views: None,
            })
            .collect()
    } else {
        let sieve = selection.sieve(store.len());
        let selection_views = views_of_selection(store, selection);
        candidates
            .into_iter()
            .map(|(_, topic, label)| stat_of(store, selection, &sieve, topic, label, user_topics, selection_views))
            .collect()
    };
    stats.retain(|s| s.n_articles > 0 && (measure != Measure::MedianViews || s.n_articles >= MIN_ARTICLES_FOR_MEDIAN));
    sort_few_by(&mut stats, &|a, b| b.value(measure).total_cmp(&a.value(measure)).then_with(|| a.label.cmp(&b.label)));
    stats.truncate(n);
    stats
}

/// Fills in the views of each of `stats` that has none, over `selection` (the one they were
/// counted over: `DashboardData::topics_selection`).
pub fn add_views(store: &Store, selection: &Selection, stats: &mut [TopicStat], user_topics: &[UserTopic]) {
    if stats.iter().all(|s| s.views.is_some()) {
        return;
    }
    let sieve = selection.sieve(store.len());
    let selection_views = views_of_selection(store, selection);
    for stat in stats.iter_mut().filter(|s| s.views.is_none()) {
        let (_, views) = rows_and_views(store, &sieve, &stat.topic, user_topics, selection_views);
        stat.views = Some(views);
    }
}

/// Views of every article in `selection`.
fn views_of_selection(store: &Store, selection: &Selection) -> u64 {
    match selection {
        Selection::Range(range) => store.views_in_range(range.clone()),
        Selection::Rows(rows) => rows.iter().filter_map(|&r| store.views_of(r)).map(u64::from).sum(),
    }
}

/// `part / whole`, 0 for an empty whole.
fn share(part: u64, whole: u64) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^53")]
    let ratio = if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
    ratio
}

/// The topic's articles in the sieve's selection and their views, in one pass over its rows.
fn rows_and_views(
    store: &Store,
    sieve: &Sieve<'_>,
    topic: &TopicRef,
    user_topics: &[UserTopic],
    selection_views: u64,
) -> (usize, TopicViews) {
    let mut views = Vec::new();
    let n_rows = sieve.picked_views(&topic_rows(store, topic, user_topics), &store.views, NO_VIEWS, &mut views);
    let total: u64 = views.iter().map(|&v| u64::from(v)).sum();
    (n_rows, TopicViews { total, share: share(total, selection_views), median: median(&mut views) })
}

fn stat_of(
    store: &Store,
    selection: &Selection,
    sieve: &Sieve<'_>,
    topic: TopicRef,
    label: String,
    user_topics: &[UserTopic],
    selection_views: u64,
) -> TopicStat {
    let (n_rows, views) = rows_and_views(store, sieve, &topic, user_topics, selection_views);
    TopicStat {
        topic,
        label,
        n_articles: u32::try_from(n_rows).unwrap_or(u32::MAX),
        share_of_articles: share(n_rows as u64, selection.len() as u64),
        views: Some(views),
    }
}

/// The `pool` topics of `kind` with the most articles in `selection`, with their counts
/// (articles for keywords, phrases and categories; for names, the rows where the name is a whole
/// run of capitalised words; 1 for user topics) and labels.
fn candidates_by_articles(
    store: &Store,
    selection: &Selection,
    kind: TopicKind,
    user_topics: &[UserTopic],
    pool: usize,
    keyword_counts: Option<&[u32]>,
) -> Vec<(u32, TopicRef, String)> {
    let ranked: Vec<(u32, String)> = match kind {
        TopicKind::Keyword => {
            let counted;
            let counts = match keyword_counts {
                Some(counts) => counts,
                None => {
                    counted = article_counts_per_token(store, selection);
                    &counted
                }
            };
            super::keywords::top_of_counts(store, counts, pool)
                .into_iter()
                .map(|k| (k.n_articles, store.vocab.text(k.token).to_owned()))
                .collect()
        }
        TopicKind::Phrase | TopicKind::Name => {
            let grams = if kind == TopicKind::Phrase { store.phrases() } else { store.names() };
            let mut counts = vec![0u32; grams.len()];
            for row in selection.iter() {
                for &g in grams.of_row(row) {
                    counts[g as usize] += 1;
                }
            }
            top_labels(
                counts.iter().enumerate().map(|(g, &c)| {
                    (c, grams.keys[g].iter().map(|&t| store.vocab.text(t)).collect::<Vec<_>>().join(" "))
                }),
                pool,
            )
        }
        TopicKind::Category => {
            let mut counts = vec![0u32; store.categories.len()];
            for row in selection.iter() {
                let code = store.category[row as usize];
                if code != NO_CATEGORY {
                    counts[code as usize] += 1;
                }
            }
            top_labels(counts.iter().zip(&store.categories).map(|(&c, name)| (c, name.clone())), pool)
        }
        TopicKind::User => user_topics.iter().map(|u| (1, u.name.clone())).collect(),
    };
    ranked
        .into_iter()
        .map(|(count, key)| {
            let label = match kind {
                TopicKind::Name => store
                    .names()
                    .id(&store.token_ids(&key).unwrap_or_default())
                    .map_or_else(|| key.clone(), |g| store.names().labels[g as usize].clone()),
                _ => key.clone(),
            };
            (count, TopicRef::new(kind, key), label)
        })
        .collect()
}

fn top_labels(counts: impl Iterator<Item = (u32, String)>, pool: usize) -> Vec<(u32, String)> {
    let mut all: Vec<(u32, String)> = counts.filter(|(c, _)| *c > 0).collect();
    sort_few_by(&mut all, &|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    all.truncate(pool);
    all
}
