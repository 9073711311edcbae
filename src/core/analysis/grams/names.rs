//! Names: runs of two or more capitalised words in the original headlines, Title Case
//! headlines skipped (see the parent module's contract).

use super::pause::{Pause, runs_of_rows, share_done};
use super::{Finding, Grams, min_articles};
use crate::analysis::stopwords::is_english_stopword;
use crate::analysis::store::Store;
use crate::analysis::tokenize::{for_each_word, rows_that_may_hold_names};
use rustc_hash::FxHashMap;

/// The runs of capitalised words of every headline: their token ids one run after the other,
/// and per run its row, where its ids end and its words as written.
#[derive(Default)]
struct NameRuns {
    ids: Vec<u32>,
    runs: Vec<(u32, u32)>,
    /// Each run's words as written, one run after the other, and where each run's end.
    label_text: String,
    label_ends: Vec<u32>,
}

/// Runs of two or more capitalised words (names, organisations), read from the original
/// headlines. Title Case headlines (no content word in lower case) are skipped: there every run
/// would look like a name.
pub fn find_names<'s>(store: &'s Store, pause: &'s mut Pause<'_>) -> Finding<'s> {
    Box::pin(names_of(store, pause))
}

/// `find_names`, unboxed.
async fn names_of(store: &Store, pause: &mut Pause<'_>) -> Grams {
    let vocab = &store.vocab;
    let min = min_articles(store.len());
    let mut scratch = String::new();
    let mut lower = String::new();
    let mut found = NameRuns::default();
    // One word of a headline: its token id, capitalised, starts a clause, where it lies in `raw`.
    let mut words: Vec<(Option<u32>, bool, bool, std::ops::Range<usize>)> = Vec::new();
    let mut raw = String::new();
    let n_rows = u32::try_from(store.len()).unwrap_or(0);
    const N_PASSES: u32 = 2;
    let mut may_hold_names = Vec::new();
    for rows in runs_of_rows(n_rows) {
        pause(share_done(0, N_PASSES, rows.start, n_rows)).await;
        // Most headlines cannot hold a name, and Title Case ones are skipped below anyway: both
        // are told without tokenizing them.
        may_hold_names.clear();
        rows_that_may_hold_names(&store.titles, rows, &mut may_hold_names);
        for &row in &may_hold_names {
            let title = store.titles.get(row as usize);
            words.clear();
            raw.clear();
            let mut n_lower_content = 0;
            let mut n_words = 0;
            for_each_word(title, &mut scratch, |w| {
                // Title Case (every content word after the first capitalised): runs there say
                // nothing about names.
                if n_words > 0 && !w.is_capitalised && w.raw.chars().any(char::is_alphabetic) {
                    lower.clear();
                    if w.raw.is_ascii() {
                        lower.push_str(w.raw);
                        lower.make_ascii_lowercase();
                    } else {
                        lower.extend(w.raw.chars().flat_map(char::to_lowercase));
                    }
                    n_lower_content += usize::from(!is_english_stopword(&lower));
                }
                n_words += 1;
                let start = raw.len();
                raw.push_str(w.raw);
                let id = if w.is_capitalised { vocab.id(w.token) } else { None };
                words.push((id, w.is_capitalised, w.starts_clause, start..raw.len()));
            });
            if words.len() >= 3 && n_lower_content == 0 {
                continue;
            }
            let mut run_start: Option<usize> = None;
            for i in 0..=words.len() {
                let in_name = |i: usize| words.get(i).is_some_and(|w| w.1 && w.0.is_some());
                let continues = in_name(i) && (run_start.is_none() || !words[i].2);
                if continues {
                    run_start.get_or_insert(i);
                    continue;
                }
                if let Some(first) = run_start.take()
                    && i - first >= 2
                {
                    found.ids.extend(words[first..i].iter().filter_map(|w| w.0));
                    found.runs.push((row, u32::try_from(found.ids.len()).unwrap_or(u32::MAX)));
                    for (k, word) in words[first..i].iter().enumerate() {
                        if k > 0 {
                            found.label_text.push(' ');
                        }
                        found.label_text.push_str(&raw[word.3.clone()]);
                    }
                    found.label_ends.push(u32::try_from(found.label_text.len()).unwrap_or(u32::MAX));
                }
                if in_name(i) {
                    run_start = Some(i);
                }
            }
        }
    }
    let run_ids = |run: usize| {
        let start = run.checked_sub(1).map_or(0, |before| found.runs[before].1 as usize);
        &found.ids[start..found.runs[run].1 as usize]
    };
    let is_candidate = |ids: &[u32]| ids.iter().all(|&id| vocab.doc_freq[id as usize] >= min);
    // Articles per name, in the map type of `Grams::index` (one hash table type less in wasm):
    // a row's runs are few, so a name repeated in a row is found by looking back.
    let mut counts: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
    for (run, &(row, _)) in found.runs.iter().enumerate() {
        let ids = run_ids(run);
        let seen_in_row =
            (0..run).rev().take_while(|&before| found.runs[before].0 == row).any(|before| run_ids(before) == ids);
        if is_candidate(ids) && !seen_in_row {
            match counts.get_mut(ids) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(ids.to_vec(), 1);
                }
            }
        }
    }
    let mut grams = Grams::ranked(counts.into_iter().filter(|&(_, n)| n >= min).collect());
    // The kept names in a row (id, run), in a buffer reused row after row.
    let (mut ids, mut in_row) = (Vec::new(), Vec::<(u32, usize)>::new());
    let mut next_run = 0;
    for rows in runs_of_rows(n_rows) {
        pause(share_done(1, N_PASSES, rows.start, n_rows)).await;
        for row in rows {
            let first_run = next_run;
            while found.runs.get(next_run).is_some_and(|&(r, _)| r == row) {
                next_run += 1;
            }
            let runs = first_run..next_run;
            in_row.clear();
            in_row.extend(runs.clone().filter_map(|run| grams.id(run_ids(run)).map(|id| (id, run))));
            let label = |run: usize| {
                let start = run.checked_sub(1).map_or(0, |before| found.label_ends[before] as usize);
                found.label_text[start..found.label_ends[run] as usize].to_owned()
            };
            grams.push_row(in_row.drain(..), label, &mut ids);
        }
    }
    grams
}
