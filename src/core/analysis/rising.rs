//! Rising and falling keywords: the weighted log-odds ratio with an informative Dirichlet prior
//! (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), window against baseline.
//!
//! For a word w with article counts y_w (window, total n) and b_w (baseline, total m), and prior
//! α_w = `prior_scale` · (y_w + b_w) with α0 = Σ α_w:
//!   δ_w = ln((y_w + α_w) / (n + α0 − y_w − α_w)) − ln((b_w + α_w) / (m + α0 − b_w − α_w)),
//!   σ²_w ≈ 1/(y_w + α_w) + 1/(b_w + α_w),   z_w = δ_w / σ_w.
//! Totals n and m count word occurrences over articles (each article counts a word once).

use super::keywords::article_counts_per_token;
use super::selection::Selection;
use super::stats::first_n_by;
use super::store::{ID_BITS, REPEAT_BIT, Store};
use super::time_keys::DAY_MS;
use serde::Serialize;

/// Settings of the comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RisingRule {
    /// Days at the end of the selection that form the window.
    pub window_days: u32,
    /// Prior strength relative to the pooled counts.
    pub prior_scale: f64,
    /// Fewest articles (window + baseline) for a word to be scored.
    pub min_articles: u32,
}

impl Default for RisingRule {
    fn default() -> RisingRule {
        RisingRule { window_days: 7, prior_scale: 0.1, min_articles: 5 }
    }
}

/// One scored word.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RisingTopic {
    /// The word.
    pub keyword: String,
    /// Log-odds ratio, window against baseline.
    pub delta: f64,
    /// `delta` over its standard deviation.
    pub z: f64,
    /// Articles in the window with the word.
    pub n_window: u32,
    /// Articles in the baseline with the word.
    pub n_baseline: u32,
    /// Articles with the word per day over the window and as many days before it.
    pub sparkline: Vec<u32>,
}

/// The scores of one word, from its counts and the corpus totals (see the module formula).
pub fn log_odds(y: f64, b: f64, n: f64, m: f64, alpha: f64, alpha0: f64) -> (f64, f64) {
    let delta = ((y + alpha) / (n + alpha0 - y - alpha)).ln() - ((b + alpha) / (m + alpha0 - b - alpha)).ln();
    let sigma = (1.0 / (y + alpha) + 1.0 / (b + alpha)).sqrt();
    (delta, delta / sigma)
}

/// Rising (`z > 0`, highest first) and falling (lowest first) words, `n` of each.
pub fn rising_topics(
    store: &Store,
    selection: &Selection,
    rule: RisingRule,
    n: usize,
) -> (Vec<RisingTopic>, Vec<RisingTopic>) {
    rising_topics_given(store, selection, rule, n, None)
}

/// `rising_topics`, with the articles per keyword over all of `selection` already counted
/// (`keywords::article_counts_per_token`) when `selection_counts` is given: then only the
/// window (usually a small part) is counted, and the baseline is the difference.
pub fn rising_topics_given(
    store: &Store,
    selection: &Selection,
    rule: RisingRule,
    n: usize,
    selection_counts: Option<&[u32]>,
) -> (Vec<RisingTopic>, Vec<RisingTopic>) {
    let Some(last_row) = selection.last() else { return (Vec::new(), Vec::new()) };
    let window_start = store.ts_ms[last_row as usize] - i64::from(rule.window_days) * DAY_MS;
    let split = store.row_at(window_start + 1);
    // Rows ascend in time: the window is the selection's tail, found by binary search.
    let window = selection.within(split, u32::MAX);
    let has_baseline = selection.first().is_some_and(|first| first < split);
    if window.is_empty() || !has_baseline {
        return (Vec::new(), Vec::new());
    }
    let in_window = article_counts_per_token(store, &window);
    let in_baseline: Vec<u32> = match selection_counts {
        Some(total) => total.iter().zip(&in_window).map(|(&all, &recent)| all - recent).collect(),
        None => article_counts_per_token(store, &selection.within(0, split)),
    };
    let total = |counts: &[u32]| {
        counts.iter().enumerate().filter(|(t, _)| !store.vocab.is_stop[*t]).map(|(_, &c)| f64::from(c)).sum::<f64>()
    };
    let (n_total, m_total) = (total(&in_window), total(&in_baseline));
    let alpha0 = rule.prior_scale * (n_total + m_total);
    let scored: Vec<(u32, f64, f64)> = (0..store.vocab.len())
        .filter(|&t| !store.vocab.is_stop[t] && in_window[t] + in_baseline[t] >= rule.min_articles)
        .map(|t| {
            let (y, b) = (f64::from(in_window[t]), f64::from(in_baseline[t]));
            let (delta, z) = log_odds(y, b, n_total, m_total, rule.prior_scale * (y + b), alpha0);
            (u32::try_from(t).unwrap_or(0), delta, z)
        })
        .collect();
    let by_text = |a: u32, b: u32| store.vocab.text(a).cmp(store.vocab.text(b));
    // Rank order: z descending, ties by text. Only the n best of each end are wanted, so they
    // are picked first and only they are sorted.
    let rank = |a: &(u32, f64, f64), b: &(u32, f64, f64)| b.2.total_cmp(&a.2).then_with(|| by_text(a.0, b.0));
    let (up, down): (Vec<_>, Vec<_>) = scored.into_iter().filter(|s| s.2 != 0.0).partition(|s| s.2 > 0.0);
    // One closure type for both ends: one instance of the selection in the page.
    let ranked = |falling: bool| move |a: &_, b: &_| if falling { rank(b, a) } else { rank(a, b) };
    let (rising, falling) = (first_n_by(up, n, ranked(false)), first_n_by(down, n, ranked(true)));
    let picked: Vec<u32> = rising.iter().chain(&falling).map(|s| s.0).collect();
    let mut lines = sparklines(store, selection, &picked, window_start, rule.window_days).into_iter();
    let mut describe = |&(t, delta, z): &(u32, f64, f64)| RisingTopic {
        keyword: store.vocab.text(t).to_owned(),
        delta,
        z,
        n_window: in_window[t as usize],
        n_baseline: in_baseline[t as usize],
        sparkline: lines.next().unwrap_or_default(),
    };
    let rising: Vec<RisingTopic> = rising.iter().map(&mut describe).collect();
    let falling: Vec<RisingTopic> = falling.iter().map(&mut describe).collect();
    (rising, falling)
}

/// For each of `tokens`, the selected articles with it per day over the `window_days` days
/// from `window_start_ms` and as many before: one pass over the selected rows of those days,
/// which are the selection's last (rows ascend in time).
fn sparklines(
    store: &Store,
    selection: &Selection,
    tokens: &[u32],
    window_start_ms: i64,
    window_days: u32,
) -> Vec<Vec<u32>> {
    let since_ms = window_start_ms - i64::from(window_days) * DAY_MS;
    let first_day = super::time_keys::day_of(since_ms, store.keys.offset) + 1;
    let n_days = window_days as usize * 2;
    let mut lines = vec![vec![0u32; n_days]; tokens.len()];
    // One bit per id modulo 4,096 for the words wanted: one test rules out nearly every entry.
    let mut wanted = [0u64; 64];
    for &token in tokens {
        wanted[(token as usize >> 6) & 63] |= 1 << (token & 63);
    }
    for row in selection.within(store.row_at(since_ms), u32::MAX).iter() {
        let Some(slot) = usize::try_from(store.keys.day[row as usize] - first_day).ok().filter(|&i| i < n_days) else {
            continue;
        };
        for &entry in store.row_tokens(row) {
            let id = entry & ID_BITS;
            let maybe = (wanted[(id as usize >> 6) & 63] >> (id & 63)) & 1 != 0 && entry & REPEAT_BIT == 0;
            if maybe && let Some(line) = tokens.iter().position(|&token| token == id) {
                lines[line][slot] += 1;
            }
        }
    }
    lines
}
