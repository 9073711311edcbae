//! Multi-word topics: frequent phrases (bigrams and trigrams that span no stopword and no
//! punctuation) and names (runs of capitalised words in the original headline). Built once per
//! store on first use; each keeps per-row occurrence lists so counting over a selection is as
//! cheap as counting keywords.
//!
//! A gram is a topic when at least `min_articles` articles hold it, so candidates are pruned
//! before they are counted: a gram with a token fewer articles hold, or a trigram with a bigram
//! fewer articles hold, cannot qualify. Candidates are keyed by their token ids; text is made
//! only for the grams kept. (A million headlines: about a second less of a frozen tab on the
//! first switch to phrases or names than making a key and a label for every candidate.)
//!
//! Each finder is an `async fn` that passes through a `Pause` every `ROWS_A_PAUSE` rows of each
//! pass over the rows: the page yields to the browser there (a million headlines take it most
//! of a second, which must not freeze the tab); natively the pause is ready at once and
//! `finished_now` runs a finder to its end in one call.
//!
//! Contract: the grams, their ranking (articles, then token ids), labels (a phrase's tokens; a
//! name as first written) and per-row lists equal those of counting every candidate (the slow
//! way, kept in the tests), whatever the pauses do.

use super::stats::sort_few_by;
use super::stopwords::is_english_stopword;
use super::store::{CLAUSE_BIT, ID_BITS, Store};
use super::tokenize::{for_each_word, rows_that_may_hold_names};
use rustc_hash::FxHashMap;
use std::future::Future;
use std::ops::Range;
use std::pin::Pin;

/// Where a finder pauses, with the share of its work done (0 – 1): the future returned is
/// awaited there. One type for every caller, so each finder is compiled once.
pub type Pause<'p> = dyn FnMut(f64) -> Pin<Box<dyn Future<Output = ()> + 'p>> + 'p;

/// Rows of a pass between two pauses (a few milliseconds of work in the page).
const ROWS_A_PAUSE: u32 = 8192;

/// Runs a finder whose pauses are ready at once (`no_pause`) to its end.
#[cfg(not(target_arch = "wasm32"))]
pub fn finished_now<T>(finder: impl Future<Output = T>) -> T {
    let mut finder = std::pin::pin!(finder);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(found) = finder.as_mut().poll(&mut context) {
            return found;
        }
    }
}

/// A pause that does not wait.
#[cfg(not(target_arch = "wasm32"))]
pub fn no_pause(_done: f64) -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(std::future::ready(()))
}

/// The rows `0..n_rows` in runs of `ROWS_A_PAUSE`.
fn runs_of_rows(n_rows: u32) -> impl Iterator<Item = Range<u32>> {
    (0..n_rows).step_by(ROWS_A_PAUSE as usize).map(move |start| start..start.saturating_add(ROWS_A_PAUSE).min(n_rows))
}

/// The share done when pass `pass` of `n_passes` over `n_rows` rows is at `row`.
fn share_done(pass: u32, n_passes: u32, row: u32, n_rows: u32) -> f64 {
    (f64::from(pass) + f64::from(row) / f64::from(n_rows.max(1))) / f64::from(n_passes)
}

/// No phrases or names: what the page's store answers before it has found them.
#[cfg(target_arch = "wasm32")]
pub static NO_GRAMS: Grams = Grams {
    keys: Vec::new(),
    labels: Vec::new(),
    doc_freq: Vec::new(),
    row_grams: Vec::new(),
    row_ends: Vec::new(),
    index: FxHashMap::with_hasher(rustc_hash::FxBuildHasher),
};

/// Phrases or names found in a store.
#[derive(Clone, Debug, Default)]
pub struct Grams {
    /// Each gram's tokens (ids without flags).
    pub keys: Vec<Vec<u32>>,
    /// Each gram's display text.
    pub labels: Vec<String>,
    /// Articles containing each gram.
    pub doc_freq: Vec<u32>,
    row_grams: Vec<u32>,
    row_ends: Vec<u32>,
    index: FxHashMap<Vec<u32>, u32>,
}

impl Grams {
    /// Gram ids in `row`.
    pub fn of_row(&self, row: u32) -> &[u32] {
        let row = row as usize;
        let start = if row == 0 { 0 } else { self.row_ends[row - 1] as usize };
        &self.row_grams[start..self.row_ends[row] as usize]
    }

    /// The id of the gram with these tokens.
    pub fn id(&self, key: &[u32]) -> Option<u32> {
        self.index.get(key).copied()
    }

    /// Number of grams.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when none was found.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// `kept` (each gram's ids and articles) ranked by articles then ids, with empty labels and
    /// no row lists yet.
    fn ranked(mut kept: Vec<(Vec<u32>, u32)>) -> Grams {
        sort_few_by(&mut kept, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut grams = Grams::default();
        for (id, (key, n)) in kept.into_iter().enumerate() {
            grams.index.insert(key.to_vec(), u32::try_from(id).unwrap_or(u32::MAX));
            grams.keys.push(key);
            grams.doc_freq.push(n);
        }
        grams.labels = vec![String::new(); grams.keys.len()];
        grams
    }

    /// Appends the next row's list: the grams found in it (`found`: each one's id, and which of
    /// the row's candidates it was), each once. The first time a gram is met its label is
    /// `label` of that candidate.
    fn push_row(
        &mut self,
        found: impl Iterator<Item = (u32, usize)>,
        mut label: impl FnMut(usize) -> String,
        ids: &mut Vec<u32>,
    ) {
        ids.clear();
        for (id, candidate) in found {
            ids.push(id);
            if self.labels[id as usize].is_empty() {
                self.labels[id as usize] = label(candidate);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        self.row_grams.extend_from_slice(ids);
        self.row_ends.push(u32::try_from(self.row_grams.len()).unwrap_or(u32::MAX));
    }
}

/// Articles holding each candidate phrase (an article counted once), by `phrase_key`, with the
/// last row counted.
#[derive(Default)]
struct PhraseCounts(FxHashMap<u128, (u32, u32)>);

impl PhraseCounts {
    /// Counts the phrase `key` for `row` (rows come in ascending order).
    fn add(&mut self, key: u128, row: u32) {
        match self.0.get_mut(&key) {
            Some((n, last_row)) => {
                if *last_row != row {
                    *n += 1;
                    *last_row = row;
                }
            }
            None => {
                self.0.insert(key, (1, row));
            }
        }
    }
}

/// A bigram's or trigram's token ids (below 2^30) in one integer, with its length.
fn phrase_key(ids: &[u32]) -> u128 {
    ids.iter().enumerate().fold(ids.len() as u128, |key, (i, &id)| key | u128::from(id) << (32 * (i + 1)))
}

/// The token ids of a `phrase_key`.
fn phrase_ids(key: &u128) -> Vec<u32> {
    #[expect(clippy::cast_possible_truncation, reason = "the length and each id fill 32 bits")]
    let (len, id) = ((*key as u32) as usize, |i: usize| (key >> (32 * (i + 1))) as u32);
    (0..len).map(id).collect()
}

/// The slot of a `phrase_key` among `2^bits`: its two halves folded, then a multiplicative
/// hash's top bits.
fn key_slot(key: u128, bits: u32) -> usize {
    #[expect(clippy::cast_possible_truncation, reason = "the two 64-bit halves, then the top bits")]
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(23);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// The minimum number of articles for a phrase or name to count as a topic.
fn min_articles(n_rows: usize) -> u32 {
    u32::try_from((n_rows / 5000).clamp(2, 20)).unwrap_or(2)
}

/// The bigrams and trigrams of a row's `tokens` that can be phrases: within one clause, no
/// stopword, every token a candidate (`is_candidate[id]`: held by enough articles). `on_gram`
/// gets each one's ids, in one pass over the tokens: at each token the bigram and the trigram
/// that end there.
fn phrase_windows(tokens: &[u32], is_candidate: &[bool], mut on_gram: impl FnMut(&[u32])) {
    // The candidate tokens just before this one in its clause: the last two, the latest last.
    let mut before = [0u32; 2];
    let mut n_before = 0;
    for &token in tokens {
        let id = token & ID_BITS;
        if !is_candidate[id as usize] {
            n_before = 0;
            continue;
        }
        if token & CLAUSE_BIT != 0 {
            n_before = 0;
        }
        if n_before >= 1 {
            on_gram(&[before[1], id]);
        }
        if n_before == 2 {
            on_gram(&[before[0], before[1], id]);
        }
        before = [before[1], id];
        n_before = (n_before + 1).min(2);
    }
}

/// A finder's work, boxed: its state machine is compiled once, not once more inside every
/// caller that polls it.
pub type Finding<'s> = Pin<Box<dyn Future<Output = Grams> + 's>>;

/// Frequent bigrams and trigrams of non-stopword tokens within one clause.
pub fn find_phrases<'s>(store: &'s Store, pause: &'s mut Pause<'_>) -> Finding<'s> {
    Box::pin(phrases_of(store, pause))
}

/// `find_phrases`, unboxed.
async fn phrases_of(store: &Store, pause: &mut Pause<'_>) -> Grams {
    let vocab = &store.vocab;
    let min = min_articles(store.len());
    let is_candidate: Vec<bool> =
        vocab.is_stop.iter().zip(&vocab.doc_freq).map(|(&is_stop, &n)| !is_stop && n >= min).collect();
    let n_rows = u32::try_from(store.len()).unwrap_or(0);
    const N_PASSES: u32 = 4;
    // Occurrences per bigram, in 2^22 shared one-byte counters (saturating): a bigram held by
    // `min` articles occurs at least `min` times, so its counter reaches `min` whatever else
    // shares it. Only bigrams whose counter does are counted exactly: a few thousand table
    // entries instead of millions.
    const SKETCH_BITS: u32 = 22;
    let slot = |key: u128| key_slot(key, SKETCH_BITS);
    let mut occurrences = vec![0u8; 1 << SKETCH_BITS];
    for rows in runs_of_rows(n_rows) {
        pause(share_done(0, N_PASSES, rows.start, n_rows)).await;
        for row in rows {
            phrase_windows(store.row_tokens(row), &is_candidate, |ids| {
                if ids.len() == 2 {
                    let counter = &mut occurrences[slot(phrase_key(ids))];
                    *counter = counter.saturating_add(1);
                }
            });
        }
    }
    let mut bigrams = PhraseCounts::default();
    for rows in runs_of_rows(n_rows) {
        pause(share_done(1, N_PASSES, rows.start, n_rows)).await;
        for row in rows {
            phrase_windows(store.row_tokens(row), &is_candidate, |ids| {
                let key = phrase_key(ids);
                if ids.len() == 2 && u32::from(occurrences[slot(key)]) >= min {
                    bigrams.add(key, row);
                }
            });
        }
    }
    drop(occurrences);
    // The frequent bigrams alone, a small table for the trigram pass to look up.
    let mut frequent = PhraseCounts::default();
    // (Order does not matter: the phrases kept are ranked.)
    frequent.0.extend(bigrams.0.iter().filter(|(_, (n, _))| *n >= min).map(|(&key, &(n, _))| (key, (n, 0))));
    drop(bigrams);
    let is_frequent = |ids: &[u32]| frequent.0.contains_key(&phrase_key(ids));
    let mut trigrams = PhraseCounts::default();
    for rows in runs_of_rows(n_rows) {
        pause(share_done(2, N_PASSES, rows.start, n_rows)).await;
        for row in rows {
            phrase_windows(store.row_tokens(row), &is_candidate, |ids| {
                if ids.len() == 3 && is_frequent(&ids[..2]) && is_frequent(&ids[1..]) {
                    let key = phrase_key(ids);
                    trigrams.add(key, row);
                }
            });
        }
    }
    let kept = frequent.0.iter().chain(&trigrams.0).filter(|(_, (n, _))| *n >= min);
    let kept = kept.map(|(key, &(n, _))| (phrase_ids(key), n)).collect();
    drop((frequent, trigrams));
    let mut grams = Grams::ranked(kept);
    // The kept phrases' ids by key, in the counts' map type (one hash table type less in wasm).
    let mut id_of = PhraseCounts::default();
    for (ids, id) in grams.keys.iter().zip(0..) {
        id_of.0.insert(phrase_key(ids), (id, 0));
    }
    let (mut keys, mut ids) = (Vec::<u128>::new(), Vec::new());
    for rows in runs_of_rows(n_rows) {
        pause(share_done(3, N_PASSES, rows.start, n_rows)).await;
        for row in rows {
            keys.clear();
            phrase_windows(store.row_tokens(row), &is_candidate, |window| keys.push(phrase_key(window)));
            let found =
                keys.iter().enumerate().filter_map(|(candidate, key)| id_of.0.get(key).map(|&(id, _)| (id, candidate)));
            let label = |candidate: usize| {
                phrase_ids(&keys[candidate]).iter().map(|&t| vocab.text(t)).collect::<Vec<_>>().join(" ")
            };
            grams.push_row(found, label, &mut ids);
        }
    }
    grams
}

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

#[cfg(test)]
mod tests;
