//! The page's size budget: the wasm bundle Trunk built into `dist/` stays under 400 KB
//! gzipped (issue 4). Deterministic — a size, not a timing — so it is a test, not a benchmark.

use std::io::Write;
use std::path::PathBuf;

/// 400 KB, in decimal kilobytes (the stricter reading of the target).
const BUDGET_GZIPPED_BYTES: usize = 400_000;

#[test]
fn the_wasm_bundle_stays_under_400_kb_gzipped() {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    let wasm: Vec<PathBuf> = std::fs::read_dir(&dist)
        .unwrap_or_else(|e| panic!("{} is missing ({e}): run `trunk build --release` first", dist.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .collect();
    assert_eq!(wasm.len(), 1, "one wasm file in dist/: {wasm:?}");
    let bytes = std::fs::read(&wasm[0]).unwrap();
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&bytes).unwrap();
    let gzipped = gzip.finish().unwrap().len();
    println!("wasm bundle: {} bytes, {gzipped} bytes gzipped (budget {BUDGET_GZIPPED_BYTES})", bytes.len());
    assert!(
        gzipped <= BUDGET_GZIPPED_BYTES,
        "the wasm bundle is {gzipped} bytes gzipped, over the {BUDGET_GZIPPED_BYTES}-byte budget: see \
         BENCHMARKS.md (bundle) for what has been cut and how to find what grew (twiggy)"
    );
}
