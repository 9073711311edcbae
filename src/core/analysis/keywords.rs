//! Keyword counts over a selection: top-N keywords, and rows whose words contain a substring.

use super::selection::{Selection, union};
use super::stats::{nth_largest, sort_few_by};
use super::store::{ID_BITS, REPEAT_BIT, Store};
use super::vocab::TokenId;
use headline_trends_kernels::token_counts;
use std::ops::Range;

/// A keyword and the number of selected articles containing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeywordCount {
    /// The token.
    pub token: TokenId,
    /// Articles containing it.
    pub n_articles: u32,
}

/// Articles per token over `selection` (each article counts a token once: its repeats in a
/// row carry `REPEAT_BIT`). Uses the precomputed document frequencies for the whole store,
/// and subtracts the complement when the selection is a range covering most of it.
pub fn article_counts_per_token(store: &Store, selection: &Selection) -> Vec<u32> {
    count_per_token(store, selection, &store.vocab.doc_freq, REPEAT_BIT)
}

/// A keyword about a tenth of the articles hold (the closest, then the first seen; `None` in a
/// store without keywords): a search as wide as a user's typical one, for the page to run once
/// while idle so that the browser has optimised the search path before the first real search.
pub fn typical_search(store: &Store) -> Option<&str> {
    let tenth = store.len() / 10;
    let vocab = &store.vocab;
    let distance = |id: usize| (vocab.doc_freq[id] as usize).abs_diff(tenth);
    let keywords = (0..vocab.len()).filter(|&id| !vocab.is_stop[id]);
    let id = keywords.min_by_key(|&id| (distance(id), id))?;
    Some(vocab.text(TokenId::try_from(id).unwrap_or(0)))
}

/// Occurrences per token over `selection` (a word twice in one headline counts twice), as the
/// benchmark workload's op e counts.
pub fn occurrences_per_token(store: &Store, selection: &Selection) -> Vec<u32> {
    count_per_token(store, selection, &store.vocab.occurrences, 0)
}

/// Per token, how many of the selected rows' token entries without any of `skip_flags` there
/// are — from `whole_store` (the same count over every row) minus the rows left out when
/// those are fewer. The loops are the kernels' `token_counts`.
fn count_per_token(store: &Store, selection: &Selection, whole_store: &[u32], skip_flags: u32) -> Vec<u32> {
    let n_rows = u32::try_from(store.len()).unwrap_or(u32::MAX);
    // The entries of a range of rows are one contiguous run of the token column.
    let entries = |rows: Range<u32>| {
        let (first, last) = (rows.start, rows.end);
        let start = if first == 0 { 0 } else { store.token_ends[first as usize - 1] as usize };
        let end = if last == 0 { 0 } else { store.token_ends[last as usize - 1] as usize };
        &store.tokens[start.min(end)..end]
    };
    // A selection of most rows: the whole store's counts minus those of the rows left out,
    // which lie in contiguous runs of the token column.
    if selection.len() * 2 > store.len() {
        let mut totals = whole_store.to_vec();
        selection.for_each_unselected_run(n_rows, |run| {
            token_counts::subtract_entries(&mut totals, entries(run), ID_BITS, skip_flags);
        });
        return totals;
    }
    let mut totals = vec![0u32; store.vocab.len()];
    match selection {
        Selection::Range(range) => token_counts::add_entries(&mut totals, entries(range.clone()), ID_BITS, skip_flags),
        Selection::Rows(rows) => {
            token_counts::add_rows(&mut totals, &store.tokens, &store.token_ends, rows, ID_BITS, skip_flags);
        }
    }
    totals
}

/// The `n` most frequent non-stopword tokens, by articles descending, ties by token text.
pub fn top_keywords(store: &Store, selection: &Selection, n: usize) -> Vec<KeywordCount> {
    let counts = article_counts_per_token(store, selection);
    top_of_counts(store, &counts, n)
}

/// The `n` largest of per-token `counts`, skipping stopwords; ties broken by token text.
pub fn top_of_counts(store: &Store, counts: &[u32], n: usize) -> Vec<KeywordCount> {
    let vocab = &store.vocab;
    let mut candidates: Vec<KeywordCount> = counts
        .iter()
        .enumerate()
        .filter(|&(t, &c)| c > 0 && !vocab.is_stop[t])
        .map(|(t, &c)| KeywordCount { token: TokenId::try_from(t).unwrap_or(0), n_articles: c })
        .collect();
    if n == 0 {
        return Vec::new();
    }
    // Cut by count alone first (cheap integer comparisons), so the text tie-break only runs on
    // the few candidates at or above the n-th count.
    if candidates.len() > n {
        let mut counts: Vec<u32> = candidates.iter().map(|k| k.n_articles).collect();
        let threshold = nth_largest(&mut counts, n);
        candidates.retain(|k| k.n_articles >= threshold);
    }
    sort_few_by(&mut candidates, &|a, b| {
        b.n_articles.cmp(&a.n_articles).then_with(|| vocab.text(a.token).cmp(vocab.text(b.token)))
    });
    candidates.truncate(n);
    candidates
}

/// Sorted rows with a word that contains `needle` (lower case). For a needle of letters and
/// digits this equals "the lower-cased title contains `needle`", because a word never spans
/// a non-alphanumeric character.
pub fn rows_with_substring(store: &Store, needle: &str) -> Vec<u32> {
    let lists: Vec<&[u32]> = store
        .vocab
        .iter()
        .filter(|(_, token)| {
            token.contains(needle)
                || (token.bytes().any(|b| b.is_ascii_uppercase()) && token.to_ascii_lowercase().contains(needle))
        })
        .map(|(id, _)| store.postings(id))
        .collect();
    union(&lists)
}
