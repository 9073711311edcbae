//! One fixture per format quirk; each asserts the articles kept and the exact rejections.

use crate::support::{load, rejections};
use chrono::DateTime;
use headline_trends::ingest::{DateOrder, FieldMapping, Format, IngestError, ParseOptions, Warning, parse};

fn reference() -> ParseOptions {
    ParseOptions {
        reference_time: Some(DateTime::parse_from_rfc3339("2024-01-03T12:00:00Z").unwrap()),
        ..ParseOptions::default()
    }
}

fn titles(ingested: &headline_trends::ingest::Ingested) -> Vec<&str> {
    ingested.dataset.articles.iter().map(|a| a.title.as_str()).collect()
}

#[test]
fn semicolon_and_tab_delimiters_are_detected() {
    let semicolon = load(include_bytes!("../fixtures/semicolon_delimited.csv"), &ParseOptions::default());
    assert_eq!((semicolon.format, semicolon.delimiter), (Format::Csv, Some(';')));
    assert_eq!(semicolon.dataset.articles.iter().map(|a| a.views).collect::<Vec<_>>(), [Some(1204), Some(7)]);
    let tab = load(include_bytes!("../fixtures/tab_delimited.tsv"), &ParseOptions::default());
    assert_eq!((tab.delimiter, titles(&tab)), (Some('\t'), vec!["Tabbed headline"]));
}

#[test]
fn bom_crlf_and_quoted_newlines_keep_physical_line_numbers() {
    let ingested = load(include_bytes!("../fixtures/bom_crlf_quoted_newline.csv"), &ParseOptions::default());
    assert_eq!(titles(&ingested), ["Quoted, with comma", "Spans two lines", "After the break"]);
    let lines: Vec<u32> = ingested.dataset.articles.iter().map(|a| a.line.get()).collect();
    assert_eq!(lines, [2, 3, 5]);
}

#[test]
fn bad_lines_are_rejected_with_their_line_and_the_rest_loads() {
    let ingested = load(include_bytes!("../fixtures/bad_lines_3_to_7.csv"), &ParseOptions::default());
    assert_eq!(titles(&ingested), ["Good one", "Last"]);
    assert_eq!(ingested.dataset.articles[1].views, None, "absent views stay absent");
    assert_eq!(
        rejections(&ingested),
        [
            (3, "missing title".to_owned()),
            (4, "not a date we can read: \"someday\"".to_owned()),
            (5, "views is not a count: \"lots\"".to_owned()),
            (6, "expected 3 fields as in the header, found 4".to_owned()),
        ]
    );
    assert_eq!(ingested.duplicates.len(), 1);
    assert_eq!((ingested.duplicates[0].line.get(), ingested.duplicates[0].first_line.get()), (7, 2));
    assert_eq!(ingested.rejected[1].raw, "Bad date,someday,3");
}

#[test]
fn json_lines_reject_malformed_lines_alone() {
    let ingested = load(include_bytes!("../fixtures/jsonl_with_malformed_line_3.jsonl"), &ParseOptions::default());
    assert_eq!(ingested.format, Format::Jsonl);
    assert_eq!(titles(&ingested), ["First", "Unix ms"]);
    let rejected = rejections(&ingested);
    assert_eq!(rejected.iter().map(|r| r.0).collect::<Vec<_>>(), [3, 4, 5]);
    assert!(rejected[0].1.starts_with("invalid JSON: EOF while parsing"), "{}", rejected[0].1);
    assert_eq!(rejected[1].1, "missing published time");
    assert_eq!(rejected[2].1, "invalid JSON: expected an object, found an array");
    let unix = &ingested.dataset.articles[1];
    assert_eq!(unix.published_at.unwrap().to_rfc3339(), "2020-09-13T12:26:40.123+00:00");
    assert_eq!(unix.author.as_deref(), Some("A, B"));
}

#[test]
fn json_arrays_give_each_element_its_starting_line() {
    let ingested = load(include_bytes!("../fixtures/json_array_multiline_elements.json"), &reference());
    assert_eq!(ingested.format, Format::Json);
    let got: Vec<(u32, &str, String)> = ingested
        .dataset
        .articles
        .iter()
        .map(|a| (a.line.get(), a.title.as_str(), a.published_at.unwrap().to_rfc3339()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "One", "2024-01-01T08:00:00+01:00".to_owned()),
            (3, "Two", "2024-01-02T09:30:00+00:00".to_owned()),
            (6, "Four", "2024-01-03T07:00:00+00:00".to_owned()),
        ]
    );
    assert_eq!(rejections(&ingested), [(5, "invalid JSON: expected an object, found a number".to_owned())]);
    assert_eq!(ingested.dataset.articles[0].url.as_deref(), Some("https://example.com/1"));
}

#[test]
fn non_utf8_input_is_read_as_windows_1252_with_a_warning() {
    let ingested = load(include_bytes!("../fixtures/windows_1252.csv"), &ParseOptions::default());
    assert_eq!(titles(&ingested), ["Café crème “special”"]);
    assert_eq!(ingested.warnings, [Warning::DecodedAsWindows1252]);
}

#[test]
fn day_first_columns_are_decided_and_reported() {
    let ingested = load(include_bytes!("../fixtures/day_first_two_digit_year.csv"), &ParseOptions::default());
    let dates: Vec<String> = ingested.dataset.articles.iter().map(|a| a.published_at.unwrap().to_rfc3339()).collect();
    assert_eq!(dates, ["2019-12-19T01:23:00+00:00", "2020-12-01T18:15:00+00:00"]);
    assert!(matches!(&ingested.warnings[..], [Warning::DateOrder(d)] if d.order == DateOrder::DayFirst));
    let forced = ParseOptions { date_order: Some(DateOrder::MonthFirst), ..ParseOptions::default() };
    let ingested = load(include_bytes!("../fixtures/day_first_two_digit_year.csv"), &forced);
    assert_eq!(rejections(&ingested), [(2, "not a date we can read: \"19/12/19 1:23\"".to_owned())]);
}

#[test]
fn scrape_multi_line_bodies_and_orphans_are_accounted_for() {
    let options = ParseOptions {
        reference_time: Some(DateTime::parse_from_rfc3339("2024-05-10T12:00:00Z").unwrap()),
        ..ParseOptions::default()
    };
    let ingested = load(include_bytes!("../fixtures/scrape_multiline_body_and_orphans.txt"), &options);
    assert_eq!(titles(&ingested), ["Headline one", "Second headline"]);
    let first = &ingested.dataset.articles[0];
    assert_eq!((first.views, first.body.as_deref()), (Some(1200), Some("Body on three lines ends here")));
    assert_eq!(first.published_at.unwrap().to_rfc3339(), "2020-03-02T09:05:00+00:00");
    assert_eq!(ingested.dataset.articles[1].views, Some(3204));
    assert_eq!(
        rejections(&ingested),
        [
            (6, "views-and-date line without a headline before it".to_owned()),
            (7, "headline without a views-and-date line after it".to_owned()),
        ]
    );
}

#[test]
fn whole_file_problems_are_one_sentence() {
    let message = |bytes: &[u8]| parse(bytes, &ParseOptions::default()).unwrap_err().to_string();
    assert!(message(b"").starts_with("The file is empty."));
    assert!(message(b"\x89PNG\r\n\x1a\n\0\0").starts_with("This file is a PNG image, not text."));
    assert!(
        message(b"just some prose without structure").starts_with("The format of this file is not one we recognise.")
    );
    assert_eq!(message(b"title,date\n"), "The file has a header line but no records after it.");
    assert_eq!(
        message(b"name,when\nx,2024-01-01\n"),
        "No title field found among the fields \"name\", \"when\"; name one, e.g. 'title' or 'date'"
    );
    assert!(matches!(
        parse(b"{\"a\":\n1}", &ParseOptions::default()),
        Err(IngestError::JsonShape { found: "a single object" })
    ));
}

#[test]
fn a_user_mapping_and_forced_format_override_detection() {
    let csv = b"name,when,hits\nFirst,2024-01-01,5\n";
    let mapping =
        FieldMapping { title: Some("name".into()), published: Some("when".into()), ..FieldMapping::default() };
    let ingested = load(csv, &ParseOptions { mapping, ..ParseOptions::default() });
    assert_eq!(ingested.dataset.articles[0].views, Some(5));
    let forced = ParseOptions { format: Some(Format::Csv), ..ParseOptions::default() };
    let ingested = load(include_bytes!("../fixtures/tab_delimited.tsv"), &forced);
    assert_eq!(ingested.format, Format::Csv);
}

#[test]
fn rss_feeds_concatenated_are_read_item_by_item() {
    let ingested = load(include_bytes!("../fixtures/rss_two_feeds_concatenated.xml"), &ParseOptions::default());
    assert_eq!(ingested.format, Format::Feed);
    assert_eq!(titles(&ingested), ["Talks resume in Geneva", "Rates & markets"]);
    let first = &ingested.dataset.articles[0];
    assert_eq!(first.line.get(), 5);
    assert_eq!(first.published_at.unwrap().to_rfc3339(), "2024-03-01T09:00:00+00:00");
    assert_eq!(
        (first.url.as_deref(), first.category.as_deref(), first.author.as_deref()),
        (Some("https://example.com/geneva"), Some("world"), Some("A. Writer"))
    );
    assert_eq!(first.body.as_deref(), Some("<p>Delegations <b>met</b> again.</p>"), "markup stays text");
    assert_eq!(rejections(&ingested), [(13, "missing published time".to_owned())]);
}

#[test]
fn reuters_sgml_documents_are_read_with_their_first_topic() {
    let ingested = load(
        include_bytes!("../fixtures/reuters_sgml_topics_entities_brief_and_bad_date.sgm"),
        &ParseOptions::default(),
    );
    assert_eq!(ingested.format, Format::Feed);
    assert_eq!(titles(&ingested), ["U.S. WHEAT <USW> EXPORTS RISE", "LONDON GOLD FIXED LOWER"], "entities read");
    let first = &ingested.dataset.articles[0];
    assert_eq!((first.line.get(), first.category.as_deref()), (2, Some("grain")), "the first of two topics");
    assert_eq!(first.published_at.unwrap().to_rfc3339(), "1987-03-01T01:41:26.470+00:00");
    assert!(first.body.as_deref().is_some_and(|b| b.starts_with("Wheat exports rose")));
    let second = &ingested.dataset.articles[1];
    assert_eq!(second.category, None, "a place is not a topic");
    assert_eq!(second.published_at.unwrap().to_rfc3339(), "1987-03-27T13:59:59.610+00:00", "line noise after the date");
    assert_eq!(
        rejections(&ingested),
        [(24, "missing title".to_owned()), (31, "not a date we can read: \"31-MAR-1987 605:12:19.12\"".to_owned())]
    );
    assert_eq!(ingested.n_records, 4);
    let mapping = ingested.mapping.clone().unwrap_or_default();
    assert_eq!((mapping.title.as_deref(), mapping.published.as_deref()), (Some("TITLE"), Some("DATE")));
}

#[test]
fn atom_entries_take_the_alternate_link_and_the_category_term() {
    let ingested = load(include_bytes!("../fixtures/atom_entries.xml"), &ParseOptions::default());
    let entry = &ingested.dataset.articles[0];
    assert_eq!(entry.title, "Comet flyby confirmed");
    assert_eq!(entry.url.as_deref(), Some("https://example.org/comet"));
    assert_eq!(entry.category.as_deref(), Some("science"));
    assert_eq!(entry.author.as_deref(), Some("B. Reporter"));
    assert_eq!(entry.published_at.unwrap().to_rfc3339(), "2024-03-03T08:15:00+00:00");
}

#[test]
fn gzip_files_are_decompressed_and_damaged_ones_explained() {
    let ingested = load(include_bytes!("../fixtures/gzip_csv.csv.gz"), &ParseOptions::default());
    assert_eq!(titles(&ingested), ["Zipped headline"]);
    let damaged = parse(b"\x1F\x8B\x08\x00garbage", &ParseOptions::default()).unwrap_err().to_string();
    assert!(damaged.starts_with("This gzip file could not be decompressed"), "{damaged}");
}
