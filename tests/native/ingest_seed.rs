//! The user's own sample scrape: every article, view count and date.

use crate::support::load;
use chrono::{DateTime, FixedOffset};
use headline_trends::ingest::{Format, ParseOptions, Warning};

const SEED: &str = include_str!("../fixtures/seed_sample_scrape.txt");

fn options() -> ParseOptions {
    ParseOptions {
        reference_time: Some(DateTime::parse_from_rfc3339("2025-02-20T12:00:00+03:00").unwrap()),
        site_offset: FixedOffset::east_opt(3 * 3600).unwrap(),
        ..ParseOptions::default()
    }
}

#[test]
fn every_article_of_the_seed_is_read_exactly() {
    let ingested = load(SEED.as_bytes(), &options());
    assert_eq!(ingested.format, Format::Scrape);
    assert_eq!((ingested.n_records, ingested.n_loaded(), ingested.rejected.len()), (9, 9, 0));
    let got: Vec<(u32, &str, u64, String)> = ingested
        .dataset
        .articles
        .iter()
        .map(|a| (a.line.get(), a.title.as_str(), a.views.unwrap(), a.published_at.unwrap().to_rfc3339()))
        .collect();
    let expected = [
        (1, "Lukashenko and Putin say Belarus 'problems' will be resolved", 2155, "2020-08-15T17:30:00+03:00"),
        (
            3,
            "Russia welcomes Trump's remarks on concerns over drawing Ukraine towards NATO",
            179,
            "2025-02-19T23:02:00+03:00",
        ),
        (4, "Kremlin says contacts with Trump's team intensified over Ukraine, Nato", 219, "2025-02-19T22:08:00+03:00"),
        (
            5,
            "Trump said he would prefer a verified nuclear peace agreement with Iran",
            292,
            "2025-02-19T17:20:00+03:00",
        ),
        (
            6,
            "Zelensky’s calls to provide Ukraine with nuclear arms 'approach madness' — Kremlin",
            311,
            "2025-02-19T16:26:00+03:00",
        ),
        (7, "Araghchi: Re-imposing maximum pressure to add to US failures", 268, "2025-02-19T16:02:00+03:00"),
        (8, "#NBC: U.S. drafts plan to withdraw all its troops from Syria", 261, "2025-02-19T15:08:00+03:00"),
        (
            9,
            "#bneIntellinews: Ruben Vardanyan's and the other Armenians' accusations are purely political",
            183,
            "2025-02-19T12:31:00+03:00",
        ),
        (10, "US to again withdraw from the UN Human Rights Council", 293, "2025-02-19T11:56:00+03:00"),
    ];
    let expected: Vec<(u32, &str, u64, String)> =
        expected.iter().map(|&(l, t, v, d)| (l, t, v, d.to_owned())).collect();
    assert_eq!(got, expected);
    let body = ingested.dataset.articles[0].body.as_deref().unwrap();
    assert!(body.starts_with("The Belarusian president, Alexander Lukashenko"), "{body}");
    assert!(body.ends_with("died there during police crackdowns on demonstrators."), "{body}");
    assert!(ingested.dataset.articles[1..].iter().all(|a| a.body.is_none()));
    assert!(matches!(ingested.warnings.as_slice(), [Warning::ReferenceTimeUsed { n_relative: 8, .. }]));
}

#[test]
fn without_a_reference_time_relative_dates_stay_empty_and_are_reported() {
    let ingested = load(SEED.as_bytes(), &ParseOptions::default());
    assert_eq!(ingested.n_loaded(), 9);
    assert_eq!(ingested.dataset.articles.iter().filter(|a| a.published_at.is_none()).count(), 8);
    assert_eq!(
        ingested.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["8 relative dates have no time: no reference time was given"]
    );
}
