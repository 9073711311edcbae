//! Multi-word topics: frequent phrases (runs of two to four tokens that span no stopword and
//! no punctuation; a phrase is left out when one frequent phrase a word longer holds at least
//! 90 % of its articles, as `maria ortega` within `leader maria ortega`) and names (runs of
//! capitalised words in the original headline). Built once per store on first use; each keeps
//! per-row occurrence lists so counting over a selection is as cheap as counting keywords.
//!
//! A gram is a topic when at least `min_articles` articles hold it, so candidates are pruned
//! before they are counted: a gram with a token fewer articles hold, or a run of three or four
//! with a bigram fewer articles hold, cannot qualify. Candidates are keyed by their token ids;
//! text is made only for the grams kept. (A million headlines: about a second less of a frozen
//! tab on the first switch to phrases or names than making a key and a label for every
//! candidate.)
//!
//! Each finder is an `async fn` that passes through a `Pause` every `ROWS_A_PAUSE` rows of each
//! pass over the rows: the page yields to the browser there (a million headlines take it most
//! of a second, which must not freeze the tab); natively the pause is ready at once and
//! `finished_now` runs a finder to its end in one call.
//!
//! Contract: the grams, their ranking (articles, then token ids), labels (a phrase's tokens; a
//! name as first written) and per-row lists equal those of counting every candidate (the slow
//! way, kept in the tests), whatever the pauses do.

mod names;
mod pause;
mod phrases;

pub use names::find_names;
pub use pause::Pause;
#[cfg(not(target_arch = "wasm32"))]
pub use pause::{finished_now, no_pause};
pub use phrases::find_phrases;

use super::stats::sort_few_by;
use rustc_hash::FxHashMap;
use std::future::Future;
use std::pin::Pin;

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

/// The minimum number of articles for a phrase or name to count as a topic.
fn min_articles(n_rows: usize) -> u32 {
    u32::try_from((n_rows / 5000).clamp(2, 20)).unwrap_or(2)
}

/// A finder's work, boxed: its state machine is compiled once, not once more inside every
/// caller that polls it.
pub type Finding<'s> = Pin<Box<dyn Future<Output = Grams> + 's>>;

#[cfg(test)]
mod tests;
