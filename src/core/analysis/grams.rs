//! Multi-word topics: frequent phrases (bigrams and trigrams that span no stopword and no
//! punctuation) and names (runs of capitalised words in the original headline). Built once per
//! store on first use; each keeps per-row occurrence lists so counting over a selection is as
//! cheap as counting keywords.

use super::stats::sort_few_by;
use super::stopwords::is_english_stopword;
use super::store::{CLAUSE_BIT, ID_BITS, Store};
use super::tokenize::for_each_word;
use rustc_hash::FxHashMap;

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

    /// Keeps candidates seen in at least `min_articles` articles, then records per-row lists.
    fn from_candidates(per_row: &[Vec<(Vec<u32>, String)>], min_articles: u32) -> Grams {
        let mut counts: FxHashMap<&[u32], (u32, u32, &str)> = FxHashMap::default();
        for (row, grams) in per_row.iter().enumerate() {
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            for (key, label) in grams {
                let entry = counts.entry(key.as_slice()).or_insert((0, u32::MAX, label.as_str()));
                if entry.1 != row {
                    entry.0 += 1;
                    entry.1 = row;
                }
            }
        }
        let mut kept: Vec<(&[u32], u32, &str)> = counts
            .into_iter()
            .filter(|(_, (n, _, _))| *n >= min_articles)
            .map(|(k, (n, _, label))| (k, n, label))
            .collect();
        sort_few_by(&mut kept, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let mut grams = Grams::default();
        for (id, (key, n, label)) in kept.into_iter().enumerate() {
            grams.index.insert(key.to_vec(), u32::try_from(id).unwrap_or(u32::MAX));
            grams.keys.push(key.to_vec());
            grams.labels.push(label.to_owned());
            grams.doc_freq.push(n);
        }
        for row in per_row {
            let mut ids: Vec<u32> = row.iter().filter_map(|(key, _)| grams.id(key)).collect();
            ids.sort_unstable();
            ids.dedup();
            grams.row_grams.extend(ids);
            grams.row_ends.push(u32::try_from(grams.row_grams.len()).unwrap_or(u32::MAX));
        }
        grams
    }
}

/// The minimum number of articles for a phrase or name to count as a topic.
fn min_articles(n_rows: usize) -> u32 {
    u32::try_from((n_rows / 5000).clamp(2, 20)).unwrap_or(2)
}

/// Frequent bigrams and trigrams of non-stopword tokens within one clause.
pub fn find_phrases(store: &Store) -> Grams {
    let vocab = &store.vocab;
    let per_row: Vec<Vec<(Vec<u32>, String)>> = (0..u32::try_from(store.len()).unwrap_or(0))
        .map(|row| {
            let tokens = store.row_tokens(row);
            let mut grams = Vec::new();
            for start in 0..tokens.len() {
                for len in 2..=3 {
                    let Some(window) = tokens.get(start..start + len) else { break };
                    let crosses_clause = window[1..].iter().any(|t| t & CLAUSE_BIT != 0);
                    let ids: Vec<u32> = window.iter().map(|t| t & ID_BITS).collect();
                    if crosses_clause || ids.iter().any(|&t| vocab.is_stop[t as usize]) {
                        break;
                    }
                    let label = ids.iter().map(|&t| vocab.text(t)).collect::<Vec<_>>().join(" ");
                    grams.push((ids, label));
                }
            }
            grams
        })
        .collect();
    Grams::from_candidates(&per_row, min_articles(store.len()))
}

/// Runs of two or more capitalised words (names, organisations), read from the original
/// headlines. Title Case headlines (no content word in lower case) are skipped: there every run
/// would look like a name.
pub fn find_names(store: &Store) -> Grams {
    let vocab = &store.vocab;
    let mut scratch = String::new();
    let per_row: Vec<Vec<(Vec<u32>, String)>> = (0..store.len())
        .map(|row| {
            let title = store.titles.get(row);
            let mut words: Vec<(Option<u32>, bool, bool, String)> = Vec::new();
            for_each_word(title, &mut scratch, |w| {
                words.push((vocab.id(w.token), w.is_capitalised, w.starts_clause, w.raw.to_owned()))
            });
            // Title Case (every content word capitalised): runs there say nothing about names.
            let n_lower_content = words
                .iter()
                .skip(1)
                .filter(|w| !w.1 && w.3.chars().any(char::is_alphabetic) && !is_english_stopword(&w.3.to_lowercase()))
                .count();
            if words.len() >= 3 && n_lower_content == 0 {
                return Vec::new();
            }
            let mut grams = Vec::new();
            let mut run: Vec<usize> = Vec::new();
            for i in 0..=words.len() {
                let continues = words.get(i).is_some_and(|w| w.1 && w.0.is_some() && (run.is_empty() || !w.2));
                if continues {
                    run.push(i);
                    continue;
                }
                if run.len() >= 2 {
                    let ids: Vec<u32> = run.iter().filter_map(|&j| words[j].0).collect();
                    let label = run.iter().map(|&j| words[j].3.as_str()).collect::<Vec<_>>().join(" ");
                    grams.push((ids, label));
                }
                run.clear();
                if words.get(i).is_some_and(|w| w.1 && w.0.is_some()) {
                    run.push(i);
                }
            }
            grams
        })
        .collect();
    Grams::from_candidates(&per_row, min_articles(store.len()))
}
