//! The shared benchmark workload's ops b–f (`../shared/bench/WORKLOAD.md`) as plain functions
//! returning digests, so the CLI's `bench` and the tests compute them the same way.

use super::digest::{Digest, digest};
use super::keywords::{occurrences_per_token, rows_with_substring, top_of_counts};
use super::selection::Selection;
use super::store::Store;
use super::timing::weekday_hour_counts;
use super::views::views_log2_histogram;
use super::volume::counts_per_day;

/// 2024-03-01T00:00:00Z, start of op d's and op e's date range.
pub const RANGE_FROM_MS: i64 = 1_709_251_200_000;
/// 2024-07-01T00:00:00Z, end (exclusive) of that range.
pub const RANGE_TO_MS: i64 = 1_719_792_000_000;

/// The workload's ops, by name.
pub const OPS: [&str; 6] = [
    "b_count_per_day",
    "c_keyword_per_day",
    "d_range_views_hist",
    "e_top_words_range",
    "e_top_words_all",
    "f_hour_weekday",
];

/// The selection of op d and op e's range.
pub fn range_selection(store: &Store) -> Selection {
    Selection::Range(store.row_at(RANGE_FROM_MS)..store.row_at(RANGE_TO_MS))
}

/// Runs op `name` on `store` (keyed in UTC) and digests its result; `None` for an unknown op.
/// Op e counts word occurrences, as the workload defines it (the dashboard counts articles).
pub fn run_op(store: &Store, name: &str) -> Option<Digest> {
    let all = Selection::all(store.len());
    let per_day =
        |selection: &Selection| digest(counts_per_day(store, selection).into_iter().map(|(d, n)| (d, u64::from(n))));
    let top_words = |selection: &Selection| {
        let counts = occurrences_per_token(store, selection);
        digest(
            top_of_counts(store, &counts, 50)
                .into_iter()
                .map(|k| (store.vocab.text(k.token).to_owned(), u64::from(k.n_articles))),
        )
    };
    Some(match name {
        "b_count_per_day" => per_day(&all),
        "c_keyword_per_day" => per_day(&Selection::Rows(rows_with_substring(store, "election"))),
        "d_range_views_hist" => {
            let bins = views_log2_histogram(store, &range_selection(store));
            digest(bins.into_iter().enumerate().map(|(bin, n)| (bin, u64::from(n))))
        }
        "e_top_words_range" => top_words(&range_selection(store)),
        "e_top_words_all" => top_words(&all),
        "f_hour_weekday" => {
            let (cells, _) = weekday_hour_counts(store, &all);
            digest(cells.into_iter().enumerate().map(|(cell, n)| (cell, u64::from(n))))
        }
        _ => return None,
    })
}
