//! The engine's innermost loops, over text and plain slices of integers: nothing here knows
//! articles, their fields or the browser.
//!
//! Why a crate: the page's wasm is built at opt-level "z" to stay under its size budget, and at
//! "z" these loops ran 1.5 – 2.5 times slower than at opt-level 3. Cargo sets optimisation per
//! crate, so the loops that dominate loading a file and a filter change live here and the
//! workspace builds this crate at 3 (8 KB of wasm). `headline-trends-core` wraps each in its
//! own types and re-exports the modules it uses whole. Keep the functions here non-generic
//! (or instantiated here): a generic is compiled in the crate that instantiates it, at that
//! crate's opt-level.

pub mod csv_records;
pub mod file_rows;
pub mod gather;
pub mod postings;
pub mod select;
pub mod sorted_lists;
pub mod stopwords;
pub mod text_column;
pub mod token_counts;
pub mod token_lists;
pub mod tokenize;
pub mod vocab;
pub mod week_grid;
