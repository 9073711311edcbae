//! Analysis: the columnar store and every aggregation, trend and filter the dashboard shows.
//!
//! Contract: pure, deterministic functions of a `Store` and a `Selection`. Results are exact
//! (no sampling) and sorted (by key, or by rank with ties broken by text). Nothing here formats
//! for display, reads the clock or touches the browser.
#![warn(missing_docs)]

pub use headline_trends_kernels::{stopwords, text_column, tokenize, vocab};

pub mod bench_ops;
pub mod bursts;
pub mod dashboard;
pub mod digest;
pub mod filter;
pub mod frequency;
pub mod grams;
pub mod highlight;
pub mod keywords;
pub mod recent;
pub mod rising;
pub mod selection;
pub mod series;
pub mod stats;
pub mod store;
pub mod store_builder;
pub mod store_indexer;
pub mod time_keys;
mod time_order;
pub mod timing;
pub mod topic_rows;
pub mod topics;
pub mod view_state;
pub mod views;
pub mod volume;

pub use selection::Selection;
pub use store::{Store, TokenizerKind};
pub use store_builder::{StoreBuilder, read_store};
pub use store_indexer::{StoreIndexer, UnfinishedStore};
