//! Headline Trends' engine: bytes of a file of articles in, a columnar store and every
//! aggregation the dashboard shows out.
//!
//! Data flow: bytes → [`ingest::parse`] → [`model::Dataset`] + load report ([`ingest::Ingested`])
//! → [`analysis::store::Store`] → aggregations over a [`analysis::filter::Filter`]'s selection.
//!
//! Plain Rust: no browser types, no clock, no I/O beyond what a caller hands in. The page and the
//! native command both use it through the `headline-trends` crate, which re-exports its modules.

pub mod analysis;
pub mod crc32;
pub mod ingest;
pub mod model;
