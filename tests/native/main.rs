//! Native whole-flow tests: one binary, one module per area.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, reason = "test helpers: a panic is the failure report")]

mod analysis;
mod architecture;
mod bench_digests;
mod chart_svg;
mod cli;
mod demo_file;
mod export;
mod fuzz;
mod ingest_fixtures;
mod ingest_seed;
mod shared_datasets;
mod split_read;
mod store_builder;
mod support;
