//! The browser benchmark (not a test: run it on purpose, it prints numbers):
//!
//! ```bash
//! trunk build --release && cargo test --release --test e2e -- --ignored --nocapture browser_benchmark
//! ```
//!
//! Loads the shared workload's 1,000,000-row CSV through `?data=` in headless Chromium (five
//! times, each in a fresh browser, for the median load time) and reports the load time (parse +
//! index, measured by the page), the wasm memory after load, the
//! listing of each word's rows that follows once the page is idle (time, memory after it), how
//! long a filter change takes to recompute and redraw every panel, and how the first switch of
//! the topic chart to phrases and to names goes (total time, longest gap between frames).
//!
//! The VM's pace drifts by tens of percent from one minute to the next, so the run also times
//! a fixed piece of native work before the loads and after the last measure (`machine_pace`:
//! reading the file's first 100,000 rows into a store, best of three): a run whose pace is
//! slow is read as a slow minute, not as a slower build.

use crate::browser::{open_session, start_driver};
use crate::helpers::{wait_for, wait_for_charts};
use crate::page::dist;
use crate::server::serve_with;
use fantoccini::Locator;
use std::path::PathBuf;

const N_ROWS: &str = "1000000";
/// Loads of the 1M file, each in a fresh browser; the last one goes on to the other measures.
const LOADS: usize = 5;

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
    let pace_input = first_rows(&std::fs::read(&csv).unwrap(), 100_000);
    print_machine_pace("before", &pace_input);
    let server = serve_with(dist(), vec![("bench/", dir)]);
    let driver = start_driver().await;
    // The load time scatters with the VM's minute: first a few loads, each in a browser of its
    // own (no compiled code cached from the one before), for their median.
    let mut load_times = Vec::new();
    for _ in 1..LOADS {
        let client = open_session(&driver, 1400, 1000).await;
        client.goto(&format!("{}/?data=/bench/bench-{N_ROWS}.csv", server.base_url)).await.unwrap();
        wait_for(&client, "[data-testid='load-ms']", 300).await;
        let shown = client.find(Locator::Css("[data-testid='load-ms']")).await.unwrap();
        let phases = shown.attr("data-phases").await.unwrap().unwrap_or_default();
        let shown = shown.text().await.unwrap();
        println!(
            "{}",
            serde_json::json!({"op": "browser_load_1m_each", "load_ms": shown.parse::<f64>().unwrap(), "phases": phases})
        );
        load_times.push(shown.parse::<f64>().unwrap());
        client.close().await.unwrap();
    }
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
    load_times.push(load_ms.parse::<f64>().unwrap());
    load_times.sort_by(f64::total_cmp);
    println!(
        "{}",
        serde_json::json!({"op": "browser_load_1m_median", "loads": load_times.len(), "median_ms": load_times[load_times.len() / 2], "each_ms": load_times})
    );
    // Each word's rows are listed once the first dashboard is drawn and the page is idle: how
    // long that took, and the memory after it (the page notes both on its root element).
    let listing = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const poll = () => document.documentElement.dataset.listing ? done(document.documentElement.dataset.listing) : setTimeout(poll, 20);
               poll();"#,
            vec![],
        )
        .await
        .unwrap();
    let listing = listing.as_str().unwrap_or_default();
    let (listing_ms, listed_bytes) = listing.split_once(" ms, ").unwrap_or_default();
    println!(
        "{}",
        serde_json::json!({"op": "browser_listing_1m", "listing_ms": listing_ms.parse::<f64>().unwrap(), "wasm_memory_bytes_after": listed_bytes.trim_end_matches(" bytes").parse::<u64>().unwrap()})
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
    // DOM calls of one filter change (a count, unlike the times above, does not vary with the
    // machine): the page's calls to the DOM methods that change it, wrapped and counted while
    // the view goes from a search back to all rows and to the search again.
    let counts = client.execute_async(COUNT_DOM_CALLS, vec![]).await.unwrap();
    println!("{}", serde_json::json!({"op": "browser_dom_calls_per_change", "calls": counts}));
    // The first switch of the topic chart to phrases, then to names: found in slices that yield
    // to the browser, so frames keep coming; the longest gap between two frames is what a
    // user could notice.
    for kind in ["phrase", "name"] {
        let switch = client.execute_async(SWITCH_TOPIC_KIND, vec![kind.into()]).await.unwrap();
        println!(
            "{}",
            serde_json::json!({"op": "browser_topic_kind_switch_1m", "kind": kind, "ms": switch[0], "longest_frame_gap_ms": switch[1], "frames": switch[2]})
        );
    }
    client.close().await.unwrap();
    print_machine_pace("after", &pace_input);
}

/// The header and the first `n_rows` lines of a CSV file.
fn first_rows(csv: &[u8], n_rows: usize) -> Vec<u8> {
    let end = csv.iter().enumerate().filter(|&(_, &b)| b == b'\n').nth(n_rows).map_or(csv.len(), |(at, _)| at + 1);
    csv[..end].to_vec()
}

/// Prints how long this machine takes, now, to read `csv` into a store natively (best of three).
#[expect(clippy::disallowed_methods, reason = "the benchmark is where the clock is read")]
fn print_machine_pace(when: &str, csv: &[u8]) {
    use headline_trends::analysis::{TokenizerKind, read_store};
    let options = headline_trends::ingest::ParseOptions::default();
    let best_ms = (0..3)
        .map(|_| {
            let started = std::time::Instant::now();
            let (_, store) = read_store(csv, &options, TokenizerKind::Rich).unwrap();
            assert!(!store.is_empty());
            started.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min);
    println!("{}", serde_json::json!({"op": "machine_pace", "when": when, "read_store_100k_ms": best_ms}));
}

/// Switches the topic chart to `arguments[0]` and answers, once its keyboard list shows other
/// topics, [ms until then, the longest gap between animation frames meanwhile, frames].
const SWITCH_TOPIC_KIND: &str = r#"
    const done = arguments[arguments.length - 1];
    const list = document.querySelector("[data-testid='panel-topics'] details.data-list");
    list.open = true;
    const labels = () => [...list.querySelectorAll("li button")].map((b) => b.textContent).join("|");
    setTimeout(() => {
        const before = labels();
        const select = document.querySelector("[data-testid='topic-kind']");
        const t0 = performance.now();
        let last = t0, longest = 0, frames = 0;
        select.value = arguments[0];
        select.dispatchEvent(new Event("change"));
        const frame = () => {
            const now = performance.now();
            longest = Math.max(longest, now - last);
            last = now;
            frames += 1;
            const shown = labels();
            if ((shown && shown !== before) || now - t0 > 30000) {
                done([now - t0, longest, frames]);
            } else {
                requestAnimationFrame(frame);
            }
        };
        requestAnimationFrame(frame);
    }, 300);
"#;

/// Counts, by method and tag (and attribute), the DOM calls of two filter changes.
const COUNT_DOM_CALLS: &str = r#"
    const done = arguments[arguments.length - 1];
    const input = document.querySelector("[data-testid='search-input']");
    const change = async (q) => { input.value = q; input.dispatchEvent(new Event("change", { bubbles: true })); await new Promise((r) => setTimeout(r, 150)); };
    const counts = {};
    let counting = false;
    const wrap = (proto, name, key) => {
        const original = proto[name];
        proto[name] = function (...args) {
            if (counting) { const k = name + " " + key(this, args); counts[k] = (counts[k] || 0) + 1; }
            return original.apply(this, args);
        };
    };
    wrap(Element.prototype, "setAttribute", (el, a) => el.tagName + "." + a[0]);
    wrap(Element.prototype, "removeAttribute", (el, a) => el.tagName + "." + a[0]);
    wrap(Document.prototype, "createElement", (_, a) => a[0]);
    wrap(Document.prototype, "createTextNode", () => "");
    wrap(Node.prototype, "insertBefore", (el) => el.tagName);
    wrap(Node.prototype, "appendChild", (el) => el.tagName);
    wrap(Element.prototype, "remove", (el) => el.tagName);
    wrap(CharacterData.prototype, "remove", () => "text");
    const value = Object.getOwnPropertyDescriptor(Node.prototype, "nodeValue");
    Object.defineProperty(Node.prototype, "nodeValue", {
        get() { return value.get.call(this); },
        set(v) { if (counting) { counts["nodeValue"] = (counts["nodeValue"] || 0) + 1; } value.set.call(this, v); },
    });
    (async () => {
        await change("election");
        await change("");
        counting = true;
        await change("election");
        counting = false;
        const search = Object.values(counts).reduce((a, b) => a + b, 0);
        for (const k in counts) delete counts[k];
        counting = true;
        await change("");
        counting = false;
        const back = Object.values(counts).reduce((a, b) => a + b, 0);
        done({ to_search: search, back_to_all: back });
    })();
"#;
