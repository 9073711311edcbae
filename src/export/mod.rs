//! Writing what the dashboard shows to files: CSV tables (RFC 4180, guarded against formula
//! injection), with SVG charts rendered by `chart::svg`.
//!
//! Contract: outputs are deterministic (same input, same bytes) and carry no timestamp of the
//! export moment. Nothing here touches the browser.
#![warn(missing_docs)]

pub mod csv_table;

use crate::ingest::Ingested;
use csv_table::{Cell, write_table};

/// The rejected records of a load as CSV: line, reason, raw text.
pub fn rejected_csv(ingested: &Ingested) -> Vec<u8> {
    let rows: Vec<Vec<Cell>> = ingested
        .rejected
        .iter()
        .map(|r| vec![Cell::Int(i64::from(r.line.get())), Cell::Text(r.reason.to_string()), Cell::Text(r.raw.clone())])
        .collect();
    write_table(&["line", "reason", "raw"], &rows, false)
}
