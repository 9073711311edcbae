//! The engine's innermost loops, over text and plain slices of integers: nothing here knows
//! articles, their fields or the browser.
//!
//! Why a crate: the page's wasm is built at opt-level "z" to stay under its size budget, and at
//! "z" these loops ran 1.5 – 2.5 times slower than at opt-level 3. Cargo sets optimisation per
//! crate, so the loops that dominate loading a file live here and the workspace builds this
//! crate at 3 (a few kilobytes of wasm). `headline-trends-core` wraps each in its own types.

pub mod csv_records;
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
