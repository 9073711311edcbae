//! Helpers shared by the native tests.

use headline_trends::ingest::{Ingested, ParseOptions, parse};
use std::path::PathBuf;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Parses `bytes` and asserts the load-report invariant.
#[track_caller]
pub fn load(bytes: &[u8], options: &ParseOptions) -> Ingested {
    let ingested = parse(bytes, options).unwrap_or_else(|e| panic!("whole-file error: {e}"));
    assert_totals_add_up(&ingested);
    ingested
}

/// `loaded + rejected + duplicates == records`.
#[track_caller]
pub fn assert_totals_add_up(ingested: &Ingested) {
    assert_eq!(
        ingested.n_loaded() + ingested.rejected.len() + ingested.duplicates.len(),
        ingested.n_records,
        "loaded {} + rejected {} + duplicates {} != records {}",
        ingested.n_loaded(),
        ingested.rejected.len(),
        ingested.duplicates.len(),
        ingested.n_records
    );
}

/// The shared datasets folder, or `None` (with a printed reason) when it is absent.
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    let path = root().join("../shared/data").join(relative);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is absent (the shared datasets are not on this machine)", path.display());
        None
    }
}

/// `(line, reason)` of every rejection, for exact comparisons.
pub fn rejections(ingested: &Ingested) -> Vec<(u32, String)> {
    ingested.rejected.iter().map(|r| (r.line.get(), r.reason.to_string())).collect()
}
