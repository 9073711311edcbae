//! Every export button, clicked in the page, saves the file it promises: PNG at twice the
//! chart's size with a manifest chunk, SVG with title, legend and metadata, CSV with one row per
//! bar or cell, the articles, and the whole view as a ZIP.

use crate::browser::{open_session_downloading, start_driver};
use crate::helpers::{scroll_into_view, wait_for_charts, wait_for_text};
use crate::own_data::{choose_file, fixture};
use crate::page::dist;
use crate::server::serve;
use fantoccini::{Client, Locator};
use sha2::Digest as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

async fn click(client: &Client, testid: &str) {
    let button = client.find(Locator::Css(&format!("[data-testid='{testid}']"))).await.unwrap();
    scroll_into_view(client, &button).await;
    button.click().await.unwrap();
}

/// Waits for a finished download whose name starts with `prefix` and ends with `extension`.
async fn downloaded(dir: &Path, prefix: &str, extension: &str) -> (String, Vec<u8>) {
    for _ in 0..200 {
        let found = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with(prefix) && name.ends_with(&format!(".{extension}"))
        });
        if let Some(path) = found {
            let bytes = std::fs::read(&path).unwrap();
            if !bytes.is_empty() {
                return (path.file_name().unwrap().to_string_lossy().into_owned(), bytes);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no download {prefix}*.{extension} in {}", dir.display());
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()))
}

/// True when python3 parses `svg` as XML (or python3 is absent, with a printed note).
fn parses_as_xml(svg: &str) -> bool {
    use std::io::Write;
    let child = std::process::Command::new("python3")
        .args(["-c", "import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.read())"])
        .stdin(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        println!("python3 absent: SVG not parsed");
        return true;
    };
    child.stdin.take().unwrap().write_all(svg.as_bytes()).unwrap();
    child.wait().unwrap().success()
}

fn csv_rows(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).trim_end().split("\r\n").count() - 1
}

/// A session saving downloads into its own folder (named `name`), on the page at `query`
/// with its charts drawn; the server and driver are returned to keep them alive.
async fn page_saving_downloads(
    name: &str,
    query: &str,
) -> (crate::server::StaticServer, crate::browser::Driver, Client, PathBuf) {
    let downloads = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    std::fs::create_dir_all(&downloads).unwrap();
    let server = serve(dist());
    let driver = start_driver().await;
    let client = open_session_downloading(&driver, 1400, 1000, Some(&downloads)).await;
    client.goto(&format!("{}/{query}", server.base_url)).await.unwrap();
    wait_for_charts(&client, 40).await;
    (server, driver, client, downloads)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_export_button_saves_its_file() {
    let (_server, _driver, client, downloads) = page_saving_downloads("downloads", "?show=keyword:wildfire").await;

    let charts = [
        ("volume", (960, 380)),
        ("topics", (720, 560)),
        ("topic-trends", (960, 380)),
        ("views", (720, 380)),
        ("timing", (800, 340)),
    ];
    for (kind, (width, height)) in charts {
        let prefix = format!("headline-trends_{kind}_");
        click(&client, &format!("export-{kind}-png")).await;
        let (name, png) = downloaded(&downloads, &prefix, "png").await;
        assert_eq!(png_size(&png), (width * 2, height * 2), "{name}");
        assert!(png.windows(4).any(|w| w == b"tEXt"), "{name} carries the manifest");
        click(&client, &format!("export-{kind}-svg")).await;
        let (name, svg) = downloaded(&downloads, &prefix, "svg").await;
        let svg = String::from_utf8(svg).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("<metadata>") && svg.contains("Source: Generated demo data"),
            "{name}"
        );
        assert!(parses_as_xml(&svg), "{name} is well-formed XML");
        click(&client, &format!("export-{kind}-csv")).await;
        let (name, csv) = downloaded(&downloads, &prefix, "csv").await;
        assert!(csv_rows(&csv) > 0, "{name}");
        if kind == "timing" {
            assert_eq!(csv_rows(&csv), 168);
        }
        if kind == "topics" {
            assert_eq!(csv_rows(&csv), 20);
        }
        if kind == "topic-trends" {
            assert!(svg.contains("wildfire"), "legend");
        }
        if kind == "topics" {
            assert!(svg.contains("Topic frequency"), "title");
            // The page hashes the input with the browser's Web Crypto; it must be the file's SHA-256.
            let demo = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo-scrape.txt")).unwrap();
            let hex: String = sha2::Sha256::digest(&demo).iter().map(|b| format!("{b:02x}")).collect();
            assert!(svg.contains(&format!("\"sha256\": \"{hex}\"")), "manifest names the input's SHA-256");
        }
    }
    click(&client, "export-articles-jsonl").await;
    let (_, jsonl) = downloaded(&downloads, "headline-trends_articles_", "jsonl").await;
    let count: usize = client
        .find(Locator::Css("[data-testid='selection-count']"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(String::from_utf8(jsonl).unwrap().lines().count(), count);
    click(&client, "export-articles-csv").await;
    let (_, csv) = downloaded(&downloads, "headline-trends_articles_", "csv").await;
    assert!(csv.starts_with(b"\xEF\xBB\xBFtitle,"), "Excel-friendly BOM");
    click(&client, "export-view-zip").await;
    let (_, zip) = downloaded(&downloads, "headline-trends_view_", "zip").await;
    assert_eq!(&zip[..4], b"PK\x03\x04");
    for member in ["volume.png", "timing.svg", "topics.csv", "articles.csv", "manifest.json"] {
        assert!(zip.windows(member.len()).any(|w| w == member.as_bytes()), "{member} in the ZIP");
    }
    client.close().await.unwrap();
}

/// A file opened in the page is hashed in a worker from the `File` itself (the demo, fetched,
/// from the downloaded buffer): its exports name the file's SHA-256 all the same.
#[tokio::test(flavor = "multi_thread")]
async fn exports_of_an_opened_file_name_its_sha256() {
    let (_server, _driver, client, downloads) = page_saving_downloads("downloads-file", "").await;
    let path = fixture("bad_lines_3_to_7.csv");
    choose_file(&client, &path).await;
    wait_for_text(&client, "[data-testid='selection-count']", |t| t == "2").await;
    click(&client, "export-views-svg").await;
    let (_, svg) = downloaded(&downloads, "headline-trends_views_", "svg").await;
    let svg = String::from_utf8(svg).unwrap();
    let hex: String = sha2::Sha256::digest(std::fs::read(&path).unwrap()).iter().map(|b| format!("{b:02x}")).collect();
    assert!(svg.contains(&format!("\"sha256\": \"{hex}\"")), "manifest names the opened file's SHA-256");
    client.close().await.unwrap();
}
