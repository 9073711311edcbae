//! The browser benchmark (not a test: run it on purpose, it prints numbers):
//!
//! ```bash
//! trunk build --release && cargo test --release --test e2e -- --ignored --nocapture browser_benchmark
//! ```
//!
//! Loads the shared workload's 1,000,000-row CSV through `?data=` in headless Chromium and
//! reports the load time (parse + index, measured by the page), the wasm memory after load, and
//! how long a filter change takes to recompute and redraw every panel.

use crate::browser::{open_session, start_driver};
use crate::helpers::{wait_for, wait_for_charts};
use crate::page::dist;
use crate::server::serve_with;
use fantoccini::Locator;
use std::path::PathBuf;

const N_ROWS: &str = "1000000";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run it on purpose (see the module docs)"]
async fn browser_benchmark() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let csv = dir.join(format!("bench-{N_ROWS}.csv"));
    if !csv.exists() {
        let generator = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen-data.mjs");
        let status =
            std::process::Command::new("node").arg(generator).arg(N_ROWS).arg(&csv).status().expect("node runs");
        assert!(status.success());
    }
    let server = serve_with(dist(), vec![("bench/", dir)]);
    let driver = start_driver().await;
    let client = open_session(&driver, 1400, 1000).await;
    client.goto(&format!("{}/?data=/bench/bench-{N_ROWS}.csv", server.base_url)).await.unwrap();
    wait_for(&client, "[data-testid='load-ms']", 300).await;
    wait_for_charts(&client, 60).await;
    let read = |css: &'static str| {
        let client = client.clone();
        async move { client.find(Locator::Css(css)).await.unwrap().text().await.unwrap() }
    };
    let load_ms = read("[data-testid='load-ms']").await;
    let wasm_bytes = read("[data-testid='wasm-bytes']").await;
    let selected = read("[data-testid='selection-count']").await;
    let phases = client
        .find(Locator::Css("[data-testid='load-ms']"))
        .await
        .unwrap()
        .attr("data-phases")
        .await
        .unwrap()
        .unwrap_or_default();
    println!(
        "{}",
        serde_json::json!({"op": "browser_load_1m", "load_ms": load_ms.parse::<f64>().unwrap(), "phases": phases, "wasm_memory_bytes": wasm_bytes.parse::<u64>().unwrap(), "articles": selected})
    );
    let script = r#"
        const done = arguments[arguments.length - 1];
        const input = document.querySelector("[data-testid='search-input']");
        const queries = ["election", "", "campaign", "", "festpriock", "", "\"the\"", ""];
        const times = [];
        (async () => {
            for (const q of queries) {
                const t0 = performance.now();
                input.value = q;
                input.dispatchEvent(new Event("change", { bubbles: true }));
                await new Promise((r) => setTimeout(r, 0));
                const count = document.querySelector("[data-testid='selection-count']");
                const draws = [...document.querySelectorAll("canvas[data-draw-ms]")].map((c) => c.dataset.testid + "=" + c.dataset.drawMs);
                times.push({ query: q, ms: performance.now() - t0, selected: count.textContent, compute_ms: count.dataset.computeMs, reused: count.dataset.reused, draws });
                await new Promise((r) => setTimeout(r, 100));
            }
            done(times);
        })();
    "#;
    let times = client.execute_async(script, vec![]).await.unwrap();
    for t in times.as_array().unwrap() {
        println!(
            "{}",
            serde_json::json!({"op": "browser_filter_change_1m", "query": t["query"], "ms": t["ms"], "selected": t["selected"], "compute_ms": t["compute_ms"], "reused": t["reused"], "draw_ms": t["draws"]})
        );
    }
    client.close().await.unwrap();
}
