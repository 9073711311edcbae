//! Plain data shared by every layer: articles, their publication time, source line numbers.
//!
//! Contract: these types hold validated values only (see `ingest` for the raw side). They depend
//! on `serde` and `chrono` and nothing else; no parsing, no formatting for display.

mod article;
mod line_no;
mod published;

pub use article::{Article, Dataset};
pub use line_no::LineNo;
pub use published::Published;
