//! The native command, run as a user would run it.

use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_headline-trends"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn inspect_json_reports_counts_mapping_and_rejections() {
    let output = cli().args(["inspect", &fixture("bad_lines_3_to_7.csv"), "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["format"], "csv");
    assert_eq!(
        (report["records"].as_u64(), report["loaded"].as_u64(), report["duplicates"].as_u64()),
        (Some(7), Some(2), Some(1))
    );
    assert_eq!(report["mapping"]["title"], "title");
    assert_eq!(
        report["rejected"][0],
        serde_json::json!({"line": 3, "reason": "missing title", "raw": ",2024-03-02,5"})
    );
    assert_eq!(report["rejected"].as_array().unwrap().len(), 4);
    assert!(report["warnings"].is_array());
}

#[test]
fn inspect_articles_prints_json_lines() {
    let output = cli()
        .args([
            "inspect",
            &fixture("seed_sample_scrape.txt"),
            "--articles",
            "--reference-time",
            "2025-02-20T12:00:00+03:00",
            "--site-offset",
            "+03:00",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let rows: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[1]["published_at"], "2025-02-19T23:02:00+03:00");
    assert_eq!(rows[1]["views"], 179);
    assert_eq!(rows[1]["line"], 3);
    assert_eq!(rows[1]["has_time_of_day"], true);
    assert!(rows[1]["category"].is_null());
}

#[test]
fn inspect_text_names_the_format_and_rejected_lines() {
    let output = cli().args(["inspect", &fixture("bad_lines_3_to_7.csv")]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("format:     csv (delimiter ',')"), "{text}");
    assert!(text.contains("records:    7  loaded: 2  rejected: 4  duplicates: 1"), "{text}");
    assert!(text.contains("rejected:   line 4: not a date we can read: \"someday\""), "{text}");
}

#[test]
fn whole_file_errors_exit_2_with_the_message_on_stderr() {
    let dir = std::env::temp_dir().join(format!("ht-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let output = cli().args(["inspect", empty.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("The file is empty."));
    assert!(output.stdout.is_empty());
    let output = cli().args(["inspect", &fixture("tab_delimited.tsv"), "--format", "xml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = cli().args(["inspect"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}
