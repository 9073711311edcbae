//! Bringing your own data: a file through the file input (with a load report that names bad
//! lines), bad files that end in one sentence while the previous dataset stays, a failed
//! `?data=` fetch, and cancelling a large load.

use crate::browser::{Driver, open_session, start_driver};
use crate::helpers::{choose, text, wait_for, wait_for_charts, wait_for_text};
use crate::page::dist;
use crate::server::{StaticServer, serve};
use fantoccini::{Client, Locator};
use std::path::{Path, PathBuf};
use std::time::Duration;

async fn count(client: &Client) -> String {
    text(client, "[data-testid='selection-count']").await
}

async fn open_demo(client: &Client, base: &str) -> String {
    client.goto(&format!("{base}/")).await.unwrap();
    wait_for(client, "[data-testid='selection-count']", 40).await;
    count(client).await
}

/// A browser on the demo page, and the demo's article count; the server and driver are
/// returned to keep them alive.
async fn on_the_demo() -> (StaticServer, Driver, Client, String) {
    let server = serve(dist());
    let driver = start_driver().await;
    let client = open_session(&driver, 1300, 1000).await;
    let demo = open_demo(&client, &server.base_url).await;
    (server, driver, client, demo)
}

/// Opens the fixture `name` over the demo (`demo` articles): the article count it shows, and
/// the column mapping's preview of its first rows.
async fn open_fixture(client: &Client, name: &str, demo: &str) -> (String, String) {
    choose_file(client, &fixture(name)).await;
    let shown = wait_for_text(client, "[data-testid='selection-count']", |t| t != demo).await;
    wait_for_charts(client, 40).await;
    (shown, text(client, "[data-testid='mapping-preview']").await)
}

/// Opens `path`, presses Cancel once the progress line starts with `phase`, and checks the
/// load ends cancelled with the demo (`demo` articles) still shown.
async fn cancel_while(client: &Client, path: &Path, phase: &str, demo: &str) {
    // The page presses Cancel itself the moment the phase shows: polling over WebDriver can
    // miss a phase that lasts under a second on a fast machine (the gzip one did in CI).
    let arm = "const phase = arguments[0]; window.cancelledIn = null;
               const watch = new MutationObserver(() => {
                 const shown = document.querySelector(\"[data-testid='load-progress'] span\");
                 const cancel = document.querySelector(\"[data-testid='load-cancel']\");
                 if (shown && cancel && shown.textContent.startsWith(phase)) {
                   window.cancelledIn = shown.textContent; watch.disconnect(); cancel.click();
                 }
               });
               watch.observe(document.body, { subtree: true, childList: true, characterData: true });";
    client.execute(arm, vec![phase.into()]).await.unwrap();
    choose_file(client, path).await;
    let message = wait_for_text(client, "[data-testid='load-error']", |t| !t.is_empty()).await;
    assert!(message.contains("cancelled"), "{message}");
    let cancelled_in = client.execute("return window.cancelledIn", vec![]).await.unwrap();
    assert!(
        cancelled_in.as_str().is_some_and(|t| t.starts_with(phase)),
        "cancelled in {cancelled_in:?}, not {phase:?}"
    );
    assert!(client.find_all(Locator::Css("[data-testid='load-progress']")).await.unwrap().is_empty());
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(count(client).await, demo, "the previous dataset stays");
}

/// Presses "Read the file again" through the element itself: a pointer click aims at where the
/// button was when WebDriver measured it, and charts still settling above it (a loaded CI
/// machine) could move it away before the click lands.
async fn read_again(client: &Client) {
    press(client, "[data-testid='reread']").await;
}

/// Presses the button at `css` through the element itself, not a pointer click at where it
/// was: on a loaded machine the layout around it may still be moving (progress, charts).
async fn press(client: &Client, css: &str) {
    let button = client.find(Locator::Css(css)).await.unwrap();
    let button = serde_json::to_value(&button).unwrap();
    client.execute("arguments[0].click()", vec![button]).await.unwrap();
}

/// Chooses `path` in the page's file input.
pub async fn choose_file(client: &Client, path: &Path) {
    let input = client.find(Locator::Css("[data-testid='file-input']")).await.unwrap();
    input.send_keys(path.to_str().unwrap()).await.unwrap();
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ht-own-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A file of `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_through_the_input_loads_with_its_report() {
    let (_server, _driver, client, demo) = on_the_demo().await;
    choose_file(&client, &fixture("bad_lines_3_to_7.csv")).await;
    let shown = wait_for_text(&client, "[data-testid='selection-count']", |t| t != demo).await;
    assert_eq!(shown, "2");
    let report = text(&client, "[data-testid='load-report']").await;
    assert!(report.contains("Read 7 records: 2 loaded, 4 rejected, 1 duplicates collapsed."), "{report}");
    for expected in ["missing title", "not a date we can read: \"someday\"", "views is not a count: \"lots\""] {
        assert!(report.contains(expected), "{expected} in {report}");
    }
    let lines = text(&client, "[data-testid='rejected-lines'] tbody").await;
    let numbers: Vec<&str> = lines.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(numbers, ["3", "4", "5", "6"]);
    assert!(text(&client, "[data-testid='dataset-summary']").await.contains("bad_lines_3_to_7.csv"));
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_files_end_in_one_sentence_and_the_previous_dataset_stays() {
    let (_server, _driver, client, demo) = on_the_demo().await;
    let dir = temp_dir();
    // The "200 MB single line": read through the file input like any other file.
    let mut huge_line = vec![b'x'; 200 * 1024 * 1024];
    huge_line.push(b'\n');
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.csv", Vec::new(), "The file is empty."),
        ("picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "This file is a PNG image, not text."),
        ("sheet.xlsx", b"PK\x03\x04\x14\0\0\0xl/workbook.xml".to_vec(), "spreadsheet (.xlsx)"),
        ("header.csv", b"title,date\n".to_vec(), "The file has a header line but no records after it."),
        ("one-line-200mb.txt", huge_line, "The format of this file is not one we recognise."),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        choose_file(&client, &path).await;
        let message = wait_for_text(&client, "[data-testid='load-error']", |t| t.contains(expected)).await;
        assert!(message.contains("The dashboard reads") || name == "header.csv", "{name}: {message}");
        assert_eq!(count(&client).await, demo, "{name}: the demo is still shown");
    }
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_data_link_is_explained() {
    let server = serve(dist());
    let driver = start_driver().await;
    let client = open_session(&driver, 1300, 1000).await;
    client.goto(&format!("{}/?data=/fixtures/does-not-exist.csv", server.base_url)).await.unwrap();
    let message = wait_for_text(&client, "[data-testid='load-error']", |t| !t.is_empty()).await;
    assert!(message.contains("The server answered 404"), "{message}");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_load_can_be_cancelled() {
    let bench = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen-data.mjs");
    let path = temp_dir().join("large.csv");
    let generated = std::process::Command::new("node").arg(&bench).arg("1000000").arg(&path).output();
    if !generated.is_ok_and(|o| o.status.success()) {
        println!("skipped: node or ../shared/bench/gen-data.mjs is not available");
        return;
    }
    let (_server, _driver, client, demo) = on_the_demo().await;
    cancel_while(&client, &path, "Parsing", &demo).await;
    // The same file gzipped: Cancel also stops the browser's inflating (about a second here).
    let gzipped = path.with_extension("csv.gz");
    std::fs::write(&gzipped, gzip_member(&std::fs::read(&path).unwrap(), flate2::Compression::fast())).unwrap();
    cancel_while(&client, &gzipped, "Decompressing", &demo).await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_column_mapping_can_be_changed_and_is_remembered() {
    let (server, _driver, client, demo) = on_the_demo().await;
    let (shown, preview) = open_fixture(&client, "bad_lines_3_to_7.csv", &demo).await;
    assert_eq!(shown, "2");
    assert!(preview.contains("views → views") && preview.contains("Good one"), "{preview}");
    // Switch the views role off: the line with "lots" views now loads.
    choose(&client, "role-views", "").await;
    read_again(&client).await;
    assert_eq!(wait_for_text(&client, "[data-testid='selection-count']", |t| t == "3").await, "3");
    // Opening the same kind of file again uses the remembered mapping.
    client.goto(&format!("{}/", server.base_url)).await.unwrap();
    wait_for(&client, "[data-testid='selection-count']", 40).await;
    choose_file(&client, &fixture("bad_lines_3_to_7.csv")).await;
    assert_eq!(wait_for_text(&client, "[data-testid='selection-count']", |t| t != demo).await, "3");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_with_unknown_column_names_can_be_mapped_by_hand() {
    let (_server, _driver, client, demo) = on_the_demo().await;
    choose_file(&client, &fixture("unknown_column_names.csv")).await;
    let message = wait_for_text(&client, "[data-testid='load-error']", |t| !t.is_empty()).await;
    assert!(message.contains("No title field found among the fields \"when\", \"what\", \"hits\""), "{message}");
    assert_eq!(count(&client).await, demo, "the demo stays until the file is mapped");
    let set = "const pick = (role, value) => { const s = document.querySelector(`[data-testid='role-${role}']`); s.value = value; s.dispatchEvent(new Event('change')); };
               pick('title', 'what'); pick('published', 'when'); pick('views', 'hits');";
    client.execute(set, vec![]).await.unwrap();
    read_again(&client).await;
    assert_eq!(wait_for_text(&client, "[data-testid='selection-count']", |t| t == "2").await, "2");
    assert!(client.find_all(Locator::Css("[data-testid='load-error']")).await.unwrap().is_empty());
    client.close().await.unwrap();
}

/// `text` as one gzip member; `Compression::none()` keeps the text as it is in the member.
fn gzip_member(text: &[u8], level: flate2::Compression) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder.write_all(text).unwrap();
    encoder.finish().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn gzip_files_are_inflated_by_the_browser_member_by_member() {
    let (_server, _driver, client, demo) = on_the_demo().await;
    let (shown, preview) = open_fixture(&client, "gzip_csv.csv.gz", &demo).await;
    assert_eq!(shown, "1");
    assert!(preview.contains("Zipped headline"), "the preview shows the inflated rows: {preview}");
    // Three members (`cat a.gz b.gz c.gz`); the second is stored, not compressed, and its text
    // holds a run of bytes that looks like a member header — a start the page must reject.
    let dir = temp_dir();
    let fake_header = b"\x1F\x8B\x08\x01ABCDxy"; // flags: FTEXT only (no NUL in the text)
    let stored_text =
        [&b"Second headline "[..], fake_header, b" garbled,2024-03-02\nThird headline,2024-03-03\n"].concat();
    let members = [
        gzip_member(b"title,date\nFirst headline,2024-03-01\n", flate2::Compression::best()),
        gzip_member(&stored_text, flate2::Compression::none()),
        gzip_member(b"Fourth headline,2024-03-04\n", flate2::Compression::fast()),
    ];
    let file = members.concat();
    let member_starts = [members[0].len(), members[0].len() + members[1].len()];
    let possible: Vec<usize> = headline_trends::ingest::gzip::possible_member_starts(&file).collect();
    assert_eq!(possible.len(), 3, "the fake header is a possible start: {possible:?}");
    assert!(member_starts.iter().all(|s| possible.contains(s)), "{possible:?} holds {member_starts:?}");
    let path = dir.join("three-members.csv.gz");
    std::fs::write(&path, &file).unwrap();
    choose_file(&client, &path).await;
    assert_eq!(wait_for_text(&client, "[data-testid='selection-count']", |t| t == "4").await, "4");
    // A damaged checksum and a file cut short: one sentence each, and the last dataset stays.
    let mut damaged = gzip_member(b"title,date\nBroken headline,2024-03-01\n", flate2::Compression::best());
    let n = damaged.len();
    damaged[n - 8] ^= 1;
    let cut_short = members.concat()[..members[0].len() + 30].to_vec();
    for (name, bytes, expected) in [
        ("damaged.csv.gz", damaged, "member 1: the compressed data is damaged or cut short"),
        ("cut-short.csv.gz", cut_short, "member 2: the compressed data is damaged or cut short"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        choose_file(&client, &path).await;
        let message = wait_for_text(&client, "[data-testid='load-error']", |t| t.contains(expected)).await;
        assert!(message.starts_with("This gzip file could not be decompressed"), "{name}: {message}");
        assert_eq!(count(&client).await, "4", "{name}: the last dataset stays");
    }
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn views_are_called_what_the_column_counts() {
    let (_server, _driver, client, demo) = on_the_demo().await;
    let path = temp_dir().join("hn-points.csv");
    let csv = "title,created_at,num_points\nShow HN: a tiny parser,2024-03-01 09:00,12\nAsk HN: tooling,2024-03-02 10:00,40\n";
    std::fs::write(&path, csv).unwrap();
    choose_file(&client, &path).await;
    assert_eq!(wait_for_text(&client, "[data-testid='selection-count']", |t| t != demo).await, "2");
    wait_for_charts(&client, 40).await;
    assert_eq!(text(&client, "#views-title").await, "Points");
    let top = text(&client, "[data-testid='panel-views']").await;
    assert!(top.contains("Top by points") && top.contains("40 points"), "{top}");
    let filters = text(&client, "[data-testid='filter-bar']").await;
    assert!(filters.contains("Min. points"), "{filters}");
    client.close().await.unwrap();
}
