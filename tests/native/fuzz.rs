//! Arbitrary bytes never panic the parser, and the totals always add up.

use crate::support::assert_totals_add_up;
use headline_trends::ingest::{Format, ParseOptions, parse};
use proptest::prelude::*;

fn options(format: Option<Format>) -> ParseOptions {
    ParseOptions {
        format,
        reference_time: Some(chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap()),
        ..ParseOptions::default()
    }
}

/// Text built from pieces of every format, so the readers get past their first checks.
fn structured_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("title,date,views\n".to_owned()),
        Just("179Yesterday, 23:02".to_owned()),
        Just("2155 Saturday, 15 August, 2020, 17:30 body |\n".to_owned()),
        Just("{\"title\": \"x\", \"date\": \"2024-01-01\"}\n".to_owned()),
        Just("\"quoted,\nfield\"".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just("\n".to_owned()),
        "[ -~]{0,20}",
        "\\PC{0,8}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(ingested) = parse(&bytes, &options(None)) {
            assert_totals_add_up(&ingested);
        }
    }

    #[test]
    fn structured_text_never_panics_in_any_format(text in structured_text(), format_index in 0usize..5) {
        let format = [None, Some(Format::Scrape), Some(Format::Csv), Some(Format::Json), Some(Format::Jsonl)][format_index];
        if let Ok(ingested) = parse(text.as_bytes(), &options(format)) {
            assert_totals_add_up(&ingested);
        }
    }
}
