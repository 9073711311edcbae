//! The demo page as a user sees it.

use crate::browser::{open_session, start_driver};
use crate::server::serve;
use fantoccini::Locator;
use headline_trends::demo;
use headline_trends::ingest::{ParseOptions, parse};
use std::path::PathBuf;
use std::time::Duration;

/// The built page; fails with the command to run when it is missing.
pub fn dist() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(dist.join("index.html").exists(), "dist/index.html is missing: run `trunk build --release` first");
    dist
}

/// The number of articles the native parser loads from the demo file.
fn expected_demo_count() -> usize {
    let bytes = std::fs::read(dist().join(demo::DEMO_PATH)).unwrap();
    let options = ParseOptions {
        reference_time: Some(demo::reference_time()),
        site_offset: chrono::FixedOffset::east_opt(demo::SITE_OFFSET_SECONDS).unwrap(),
        ..ParseOptions::default()
    };
    parse(&bytes, &options).unwrap().n_loaded()
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_page_shows_the_demo_article_count_and_load_report() {
    let server = serve(dist());
    let driver = start_driver().await;
    let client = open_session(&driver, 1280, 900).await;
    client.goto(&format!("{}/", server.base_url)).await.unwrap();
    let count = client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("[data-testid='article-count']"))
        .await
        .expect("the article count appears");
    let shown = count.text().await.unwrap();
    assert_eq!(shown, expected_demo_count().to_string());
    let report = client.find(Locator::Css("[data-testid='load-report']")).await.unwrap().text().await.unwrap();
    assert!(report.contains("0 rejected"), "{report}");
    let note = client.find(Locator::Css("[data-testid='demo-note']")).await.unwrap().text().await.unwrap();
    assert!(note.contains("Generated demo data"), "{note}");
    // The store was loaded without each word's rows; the page lists them once it is idle and
    // notes how long that took and the memory after it.
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("html[data-listing]"))
        .await
        .expect("each word's rows are listed once the page is idle");
    let listing = client.find(Locator::Css("html")).await.unwrap().attr("data-listing").await.unwrap().unwrap();
    let (ms, bytes) = listing.split_once(" ms, ").expect(&listing);
    assert!(ms.parse::<f64>().is_ok() && bytes.trim_end_matches(" bytes").parse::<u64>().is_ok(), "{listing}");
    client.close().await.unwrap();
}
