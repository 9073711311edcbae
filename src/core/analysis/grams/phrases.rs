//! Frequent phrases: runs of two to four non-stopword tokens within one clause, counted only
//! when they can qualify (see the parent module's contract); a phrase nearly always written as
//! part of one frequent phrase a word longer is left out for it (`is_nested`): `maria ortega`
//! for `leader maria ortega`, and that and `opposition leader maria` for `opposition leader
//! maria ortega`.

use super::pause::{Pause, runs_of_rows, share_done};
use super::{Finding, Grams, min_articles};
use crate::analysis::store::{CLAUSE_BIT, ID_BITS, Store};
use rustc_hash::FxHashMap;

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

/// True when a phrase held by `n` articles is nested in a phrase one word longer held by
/// `in_longer` of them and that is at least 90 % of them (`maria ortega` when nearly every one
/// is `leader maria ortega`): the phrase list leaves it out.
pub(super) fn is_nested(n: u32, in_longer: u32) -> bool {
    u64::from(in_longer) * 10 >= u64::from(n) * 9
}

/// A phrase's token ids (below 2^30) in one integer: its length less one in the low 2 bits,
/// then 30 bits an id.
fn phrase_key(ids: &[u32]) -> u128 {
    let len_less_one = ids.len().wrapping_sub(1) as u128 & 3;
    ids.iter().enumerate().fold(len_less_one, |key, (i, &id)| key | u128::from(id & ID_BITS) << (2 + 30 * i))
}

/// The token ids of a `phrase_key`.
fn phrase_ids(key: &u128) -> Vec<u32> {
    #[expect(clippy::cast_possible_truncation, reason = "the length and each id fit 32 bits")]
    let (len, id) = ((*key & 3) as usize + 1, |i: usize| (key >> (2 + 30 * i)) as u32 & ID_BITS);
    (0..len).map(id).collect()
}

/// The slot of a `phrase_key` among `2^bits`: its two halves folded, then a multiplicative
/// hash's top bits.
fn key_slot(key: u128, bits: u32) -> usize {
    #[expect(clippy::cast_possible_truncation, reason = "the two 64-bit halves, then the top bits")]
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(23);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// The runs of two to four tokens of a row's `tokens` that can be phrases: within one clause,
/// no stopword, every token a candidate (`is_candidate[id]`: held by enough articles).
/// `on_gram` gets each one's ids, in one pass over the tokens: at each token the runs of two,
/// three and four that end there.
fn phrase_windows(tokens: &[u32], is_candidate: &[bool], mut on_gram: impl FnMut(&[u32])) {
    // The candidate tokens just before this one in its clause: the last three, the latest last.
    let mut before = [0u32; 3];
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
            on_gram(&[before[2], id]);
        }
        if n_before >= 2 {
            on_gram(&[before[1], before[2], id]);
        }
        if n_before == 3 {
            on_gram(&[before[0], before[1], before[2], id]);
        }
        before = [before[1], before[2], id];
        n_before = (n_before + 1).min(3);
    }
}

/// Frequent runs of two to four non-stopword tokens within one clause.
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
    // Trigrams and four-word runs whose bigrams are all frequent (an article holding a run holds
    // each of its bigrams, so no frequent run is missed).
    let mut longer = PhraseCounts::default();
    for rows in runs_of_rows(n_rows) {
        pause(share_done(2, N_PASSES, rows.start, n_rows)).await;
        for row in rows {
            phrase_windows(store.row_tokens(row), &is_candidate, |ids| {
                if ids.len() >= 3 && ids.windows(2).all(is_frequent) {
                    longer.add(phrase_key(ids), row);
                }
            });
        }
    }
    // A phrase nested in a frequent phrase a word longer that holds nearly all its articles
    // says nothing that one does not: each phrase's second number (the last row counted, done
    // with) becomes the most articles of such a longer phrase.
    longer.0.retain(|_, (n, nested_in)| {
        *nested_in = 0;
        *n >= min
    });
    let runs: Vec<(u128, u32)> = longer.0.iter().map(|(&key, &(n, _))| (key, n)).collect();
    for (key, n) in runs {
        let ids = phrase_ids(&key);
        let shorter = if ids.len() == 3 { &mut frequent } else { &mut longer };
        for part in [&ids[..ids.len() - 1], &ids[1..]] {
            if let Some((_, nested_in)) = shorter.0.get_mut(&phrase_key(part)) {
                *nested_in = (*nested_in).max(n);
            }
        }
    }
    let kept = frequent.0.iter().chain(&longer.0).filter(|(_, (n, nested_in))| !is_nested(*n, *nested_in));
    let kept = kept.map(|(key, &(n, _))| (phrase_ids(key), n)).collect();
    drop((frequent, longer));
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
