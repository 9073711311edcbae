//! Headline Trends: a file of news articles in, topic, view and timing answers out.
//!
//! Data flow: bytes → [`ingest::parse`] → [`model::Dataset`] + load report ([`ingest::Ingested`])
//! → the browser UI (`ui`, wasm only) or the native command (`cli`).
//!
//! The engine (`model`, `ingest`, `analysis`) is the crate `headline-trends-core`, re-exported
//! here, with its innermost loops in `headline-trends-kernels` (built for speed in the page).
//! It and `chart`, `export`, `demo` are plain Rust: they build and test natively and never
//! touch the browser or the clock. See ARCHITECTURE.md for the codemap and invariants.

pub use headline_trends_core::{analysis, crc32, ingest, model};

pub mod chart;
pub mod demo;
pub mod export;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
