//! The engine's results on the shared benchmark data equal the digests five other engines
//! agreed on (`../shared/bench/reference-100000.json`). Skips with a reason when node or the
//! bench folder is absent.

use crate::support::root;
use headline_trends::analysis::bench_ops::{OPS, run_op};
use headline_trends::analysis::{Store, TokenizerKind};
use headline_trends::ingest::{ParseOptions, parse};

#[test]
fn digests_at_100000_rows_equal_the_reference() {
    let bench = root().join("../shared/bench");
    if !bench.join("gen-data.mjs").exists() {
        println!("skipped: ../shared/bench is absent");
        return;
    }
    let out = std::env::temp_dir().join(format!("ht-bench-{}.csv", std::process::id()));
    let status = std::process::Command::new("node").arg(bench.join("gen-data.mjs")).arg("100000").arg(&out).output();
    let Ok(output) = status else {
        println!("skipped: node is not installed");
        return;
    };
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).ok();
    let reference: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bench.join("reference-100000.json")).unwrap()).unwrap();
    let ingested = parse(&bytes, &ParseOptions::default()).unwrap();
    assert_eq!(ingested.n_loaded(), 100_000);
    let store = Store::build(ingested.dataset, TokenizerKind::Plain, chrono::FixedOffset::east_opt(0).unwrap());
    for op in OPS {
        let digest = run_op(&store, op).unwrap();
        let expected = &reference["digests"][op];
        assert_eq!(digest.hash, expected["hash"].as_str().unwrap(), "{op}");
        assert_eq!(digest.groups as u64, expected["groups"].as_u64().unwrap(), "{op}");
        assert_eq!(digest.total, expected["total"].as_u64().unwrap(), "{op}");
    }
}
