//! Readies the page's load path while a dataset downloads or is read from disk.
//!
//! The browser compiles each wasm function on its first call with a quick baseline compiler,
//! and replaces the busiest ones with optimised code, compiled in the background, once they
//! have run a while; a call already running keeps its baseline code to the end. A load of a
//! million rows paid both on the page's thread, in its first batches. So while the network or
//! the disk delivers the bytes (time the page's thread spends waiting), the page calls
//! `warm_up`: it loads a small generated CSV through the same steps — parse, sort, tokenize,
//! postings — and drops the store. Measured in BENCHMARKS.md (session 13): the load time
//! shown drops by 80 – 200 ms at a million rows; from navigation to dashboard the wait stays
//! about the same on a two-vCPU machine, where the warm-up competes with the download itself.
//!
//! Contract: `warm_up` touches nothing outside itself; the generated CSV loads whole, every
//! row kept (a test checks), so each step of a load runs.

use super::rng::SplitMix64;
use crate::analysis::{Store, StoreBuilder, TokenizerKind};
use crate::ingest::{self, Job, ParseOptions};
use chrono::{Offset, Utc};
use std::fmt::Write as _;

/// Rows of the generated CSV: in the page 60 – 130 ms of baseline code (larger runs were
/// longer than some downloads), after which the busiest loops are optimised.
const N_ROWS: usize = 12_000;

/// Loads the generated CSV and drops the store.
pub fn warm_up() {
    drop(load_generated());
}

/// The store of the generated CSV, read in four batches as the page reads a file.
fn load_generated() -> Option<Store> {
    let csv = generated_csv();
    let decoded = ingest::decode(csv.as_bytes()).ok()?;
    let mut builder = StoreBuilder::over(&decoded.text, TokenizerKind::Rich, 0);
    let mut job = Job::start(&decoded, &ParseOptions::default(), &mut builder).ok()?;
    while !job.step(N_ROWS / 4) {}
    let mut report = job.finish().ok()?;
    let mut indexer = builder.into_indexer(Utc.fix(), &mut report);
    while !indexer.step(N_ROWS / 4) {}
    // As the page finishes a store: each word's rows listed after the counts.
    let store = indexer.into_unfinished().finish_listing_later();
    store.all_postings();
    Some(store)
}

/// A CSV like an export: quoted titles (some with doubled quotes, dotted acronyms and
/// possessives), ISO instants, views and categories.
fn generated_csv() -> String {
    const WORDS: [&str; 16] = [
        "Minister", "says", "talks", "with", "the", "election", "of", "rally", "in", "Kyiv", "U.S.", "plan", "2024",
        "Union", "state's", "vote",
    ];
    let mut rng = SplitMix64::new(13);
    let mut csv = String::from("title,published_at,views,category\n");
    for row in 0..N_ROWS {
        csv.push('"');
        for k in 0..5 + rng.below(6) {
            let word = rng.pick(&WORDS);
            let space = if k > 0 { " " } else { "" };
            let _ = if k == 3 && row % 7 == 0 {
                write!(csv, "{space}\"\"{word}\"\"")
            } else {
                write!(csv, "{space}{word}")
            };
        }
        let _ = writeln!(
            csv,
            "\",2024-{:02}-{:02}T{:02}:{:02}:00Z,{},{}",
            1 + rng.below(12),
            1 + rng.below(28),
            rng.below(24),
            rng.below(60),
            rng.below(5000),
            ["world", "sports", "business"][row % 3]
        );
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_csv_loads_whole() {
        let store = load_generated().expect("the generated CSV loads");
        // Duplicates (same instant and title) would be dropped: the instants are random to
        // the minute over a year, so a few at most.
        assert!(store.len() > N_ROWS - 10 && store.len() <= N_ROWS, "{} rows", store.len());
        assert!(store.token_ids("U.S. state's Kyiv rally").is_some(), "the titles are tokenized");
        assert_eq!(store.token_ids("absent"), None);
    }
}
