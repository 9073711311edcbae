//! Exports: byte-identical for the same input and settings, guarded CSV, escaped SVG with its
//! manifest, and the command line writing exactly what the library (and so the page) writes.

use crate::support::{load, root};
use headline_trends::analysis::dashboard::{ViewSettings, compute};
use headline_trends::analysis::topics::{TopicKind, TopicRef};
use headline_trends::analysis::view_state::ViewState;
use headline_trends::analysis::{Selection, Store, TokenizerKind};
use headline_trends::export::charts::{ChartKind, ExportContext, chart_csv, chart_svg};
use headline_trends::export::manifest::{InputFile, Manifest, app_version};
use headline_trends::export::{articles, file_name, filter_text, view_zip};
use headline_trends::ingest::ParseOptions;

const HOSTILE: &str = "title,date,views,category
\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",2024-03-01T10:00:00Z,5,world
<script>alert(1)</script> & friends,2024-03-02T10:00:00Z,7,@cmd
Plain headline,2024-03-03T10:00:00Z,-,world
";

fn utc() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(0).unwrap()
}

fn store_of(bytes: &[u8]) -> Store {
    Store::build(load(bytes, &ParseOptions::default()).dataset, TokenizerKind::Rich, utc())
}

fn manifest(bytes: &[u8], view: &ViewState) -> Manifest {
    Manifest {
        app: app_version(),
        input: InputFile::of("input.csv", bytes),
        format: "csv".into(),
        reference_time: None,
        time_zone: "+00:00".into(),
        filter: view.filter.clone(),
        user_topics: Vec::new(),
        view_query: view.to_query(),
        content: String::new(),
    }
}

#[test]
fn articles_csv_neutralises_formulas_and_keeps_every_field() {
    let bytes = HOSTILE.replace(",-,", ",,").into_bytes();
    let store = store_of(&bytes);
    let csv = String::from_utf8(articles::articles_csv(&store, &Selection::all(store.len()), false)).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "title,published_at,has_time_of_day,views,category,url,body,source_line");
    assert_eq!(lines[1], "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",2024-03-01T10:00:00+00:00,true,5,world,,,2");
    assert_eq!(lines[2], "<script>alert(1)</script> & friends,2024-03-02T10:00:00+00:00,true,7,'@cmd,,,3");
    assert_eq!(lines[3], "Plain headline,2024-03-03T10:00:00+00:00,true,,world,,,4");
    let jsonl = String::from_utf8(articles::articles_jsonl(&store, &Selection::all(store.len()))).unwrap();
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["source_line"], 2);
    assert_eq!(first["title"], "=HYPERLINK(\"http://evil\",\"x\")", "JSON keeps the text as it is");
}

#[test]
fn chart_exports_are_deterministic_escaped_and_carry_the_manifest() {
    let bytes = std::fs::read(root().join("public/demo-scrape.txt")).unwrap();
    let offset = chrono::FixedOffset::east_opt(headline_trends::demo::SITE_OFFSET_SECONDS).unwrap();
    let options = ParseOptions {
        reference_time: Some(headline_trends::demo::reference_time()),
        site_offset: offset,
        ..ParseOptions::default()
    };
    let make = || {
        let store = Store::build(load(&bytes, &options).dataset, TokenizerKind::Rich, offset);
        let topic = TopicRef::new(TopicKind::Keyword, "wildfire");
        let mut view = ViewState { chosen_topics: vec![topic.clone()], ..ViewState::default() };
        view.filter.any_topics.push(topic);
        let data = compute(
            &store,
            &view.filter,
            &[],
            &ViewSettings { chosen_topics: view.chosen_topics.clone(), ..ViewSettings::default() },
        );
        let manifest = manifest(&bytes, &view);
        let ctx = ExportContext {
            store: &store,
            data: &data,
            view: &view,
            filter_text: filter_text(&view, offset),
            manifest: &manifest,
        };
        let svgs: Vec<String> = ChartKind::ALL.iter().map(|&k| chart_svg(k, &ctx).unwrap()).collect();
        let csvs: Vec<Vec<u8>> = ChartKind::ALL.iter().map(|&k| chart_csv(k, &ctx)).collect();
        (svgs, csvs, view_zip(&ctx, Vec::new()), data.timing.0.len(), data.topics.len())
    };
    let (svgs, csvs, zip, n_cells, n_topics) = make();
    let again = make();
    assert_eq!((&svgs, &csvs, &zip), (&again.0, &again.1, &again.2), "same input, same bytes");
    let topics_svg = &svgs[1];
    assert!(
        topics_svg.starts_with("<svg")
            && topics_svg.contains("<metadata>{")
            && !topics_svg.contains("&quot;sha256&quot;")
    );
    assert!(topics_svg.contains("\"sha256\": \""), "manifest JSON inside metadata");
    assert!(topics_svg.contains("Topic frequency"));
    assert!(topics_svg.contains("Filters: any of keyword:wildfire"), "caption states the filters");
    assert!(svgs[2].contains("wildfire"), "the trend legend names the topic");
    let rows = |csv: &[u8]| String::from_utf8(csv.to_vec()).unwrap().trim_end().split("\r\n").count() - 1;
    assert_eq!(rows(&csvs[4]), n_cells, "timing: one row per cell");
    assert_eq!(rows(&csvs[1]), n_topics, "topics: one row per bar");
    assert!(String::from_utf8(csvs[1].clone()).unwrap().starts_with(
        "rank_by_articles,kind,topic,articles,share_of_articles,total_views,share_of_views,median_views\r\n"
    ));
    assert_eq!(&zip[..4], b"PK\x03\x04");
}

#[test]
fn svg_text_from_headlines_is_escaped() {
    let store = store_of(HOSTILE.as_bytes());
    let view = ViewState { topic_kind: TopicKind::Category, ..ViewState::default() };
    let data = compute(
        &store,
        &view.filter,
        &[],
        &ViewSettings { topic_kind: TopicKind::Category, ..ViewSettings::default() },
    );
    let manifest = manifest(HOSTILE.as_bytes(), &view);
    let ctx = ExportContext {
        store: &store,
        data: &data,
        view: &view,
        filter_text: filter_text(&view, utc()),
        manifest: &manifest,
    };
    let svg = chart_svg(ChartKind::Topics, &ctx).unwrap();
    assert!(svg.contains("@cmd"));
    assert!(!svg.contains("<script"), "{svg}");
    let check = std::process::Command::new("python3")
        .args(["-c", "import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.read()); print('ok')"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn();
    if let Ok(mut child) = check {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(svg.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok", "the SVG is well-formed XML");
    }
}

#[test]
fn file_names_say_what_and_when() {
    let name = file_name("topics", 1_709_251_200_000, 1_719_791_999_999, utc(), "svg");
    assert_eq!(name, "headline-trends_topics_2024-03-01_2024-06-30.svg");
}

#[test]
fn the_command_line_writes_what_the_library_writes() {
    let fixture = root().join("tests/fixtures/bad_lines_3_to_7.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_headline-trends"))
        .args([
            "export",
            fixture.to_str().unwrap(),
            "--chart",
            "timing",
            "--format",
            "svg",
            "--reference-time",
            "2024-01-01T00:00:00Z",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&fixture).unwrap();
    let options = ParseOptions {
        name: "bad_lines_3_to_7.csv".into(),
        reference_time: Some(chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap()),
        ..ParseOptions::default()
    };
    let ingested = load(&bytes, &options);
    let format = ingested.format.name().to_owned();
    let store = Store::build(ingested.dataset, TokenizerKind::Rich, utc());
    let view = ViewState::default();
    let data = compute(&store, &view.filter, &[], &ViewSettings::default());
    let manifest = Manifest { input: InputFile::of("bad_lines_3_to_7.csv", &bytes), format, ..manifest(&bytes, &view) };
    let ctx = ExportContext {
        store: &store,
        data: &data,
        view: &view,
        filter_text: filter_text(&view, utc()),
        manifest: &manifest,
    };
    assert_eq!(String::from_utf8(out.stdout).unwrap(), chart_svg(ChartKind::Timing, &ctx).unwrap());
    let articles = std::process::Command::new(env!("CARGO_BIN_EXE_headline-trends"))
        .args(["export", fixture.to_str().unwrap(), "--articles", "--format", "jsonl", "--min-views", "50"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(articles.stdout).unwrap().lines().count(), 0, "no article has 50 views");
}
