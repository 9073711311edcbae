//! Every accepted date form, one line each.

use super::*;

fn ctx(order: DateOrder) -> DateContext {
    DateContext {
        reference_time: Some(DateTime::parse_from_rfc3339("2025-02-20T12:00:00+03:00").unwrap()),
        site_offset: FixedOffset::east_opt(3 * 3600).unwrap(),
        order,
    }
}

/// `expected`: RFC 3339 text and whether a time of day is known; `None` for "not a date".
#[track_caller]
fn check(raw: &str, order: DateOrder, expected: Option<(&str, bool)>) {
    let got = parse_date(raw, &ctx(order)).ok().and_then(|r| r.published).map(|p| (p.to_rfc3339(), p.has_time_of_day));
    assert_eq!(got, expected.map(|(t, h)| (t.to_owned(), h)), "input {raw:?}");
}

#[test]
fn reads_every_accepted_form() {
    use DateOrder::{DayFirst, MonthFirst};
    type Case = (&'static str, DateOrder, Option<(&'static str, bool)>);
    let cases: &[Case] = &[
        ("Saturday, 15 August, 2020, 17:30", MonthFirst, Some(("2020-08-15T17:30:00+03:00", true))),
        ("15 August, 2020, 17:30", MonthFirst, Some(("2020-08-15T17:30:00+03:00", true))),
        ("Sat, 15 Aug 2020", MonthFirst, Some(("2020-08-15T00:00:00+03:00", false))),
        ("26-FEB-1987 15:01:01.79", MonthFirst, Some(("1987-02-26T15:01:01.790+03:00", true))),
        (" 1-MAR-1987 01:41:26.47", DayFirst, Some(("1987-03-01T01:41:26.470+03:00", true))),
        ("15-Aug-2020", MonthFirst, Some(("2020-08-15T00:00:00+03:00", false))),
        ("15 August 2020 17:30:05", MonthFirst, Some(("2020-08-15T17:30:05+03:00", true))),
        ("26-FEB-1987 15:01:01.79.3", MonthFirst, None),
        ("26-FEB-1987 15:01:1", MonthFirst, None),
        ("Yesterday, 23:02", MonthFirst, Some(("2025-02-19T23:02:00+03:00", true))),
        ("Today, 09:15", MonthFirst, Some(("2025-02-20T09:15:00+03:00", true))),
        ("yesterday", MonthFirst, Some(("2025-02-19T00:00:00+03:00", false))),
        ("5 minutes ago", MonthFirst, Some(("2025-02-20T11:55:00+03:00", true))),
        ("an hour ago", MonthFirst, Some(("2025-02-20T11:00:00+03:00", true))),
        ("3 days ago", MonthFirst, Some(("2025-02-17T12:00:00+03:00", true))),
        ("2 hrs ago", MonthFirst, Some(("2025-02-20T10:00:00+03:00", true))),
        ("2024-02-12T15:52:31Z", MonthFirst, Some(("2024-02-12T15:52:31+00:00", true))),
        ("2024-02-12T15:52:31.250+05:30", MonthFirst, Some(("2024-02-12T15:52:31.250+05:30", true))),
        ("2024-02-12 15:52:31+0100", MonthFirst, Some(("2024-02-12T15:52:31+01:00", true))),
        ("2024-02-12T15:52:31", MonthFirst, Some(("2024-02-12T15:52:31+03:00", true))),
        ("2024-02-12 15:52", MonthFirst, Some(("2024-02-12T15:52:00+03:00", true))),
        ("2024-02-12T15:52Z", MonthFirst, Some(("2024-02-12T15:52:00+00:00", true))),
        ("2022-09-23", MonthFirst, Some(("2022-09-23T00:00:00+03:00", false))),
        ("20030219", MonthFirst, Some(("2003-02-19T00:00:00+03:00", false))),
        ("5/28/2016 19:51", MonthFirst, Some(("2016-05-28T19:51:00+03:00", true))),
        ("19/12/19 1:23", DayFirst, Some(("2019-12-19T01:23:00+03:00", true))),
        ("01/12/20 18:15", DayFirst, Some(("2020-12-01T18:15:00+03:00", true))),
        ("01/12/20 18:15", MonthFirst, Some(("2020-01-12T18:15:00+03:00", true))),
        ("3/4/1999", MonthFirst, Some(("1999-03-04T00:00:00+03:00", false))),
        ("Tue, 1 Jul 2003 10:52:37 +0200", MonthFirst, Some(("2003-07-01T10:52:37+02:00", true))),
        ("1600000000", MonthFirst, Some(("2020-09-13T12:26:40+00:00", true))),
        ("1600000000123", MonthFirst, Some(("2020-09-13T12:26:40.123+00:00", true))),
        ("  2022-09-23  ", MonthFirst, Some(("2022-09-23T00:00:00+03:00", false))),
        ("", MonthFirst, None),
        ("soon", MonthFirst, None),
        ("2024-13-01", MonthFirst, None),
        ("31/31/2020", DayFirst, None),
        ("19/12/19 1:23", MonthFirst, None),
        ("12345", MonthFirst, None),
        ("99999999", MonthFirst, None),
        ("Saturday, 31 February, 2020, 17:30", MonthFirst, None),
    ];
    for (raw, order, expected) in cases {
        check(raw, *order, *expected);
    }
}

#[test]
fn relative_dates_without_reference_time_stay_unresolved() {
    let no_reference = DateContext { reference_time: None, ..ctx(DateOrder::MonthFirst) };
    let unresolved = Ok(DateRead { published: None, is_relative: true });
    assert_eq!(parse_date("Yesterday, 23:02", &no_reference), unresolved);
    assert_eq!(parse_date("5 minutes ago", &no_reference), unresolved);
    assert_eq!(parse_date("gibberish", &no_reference), Err(NotADate));
}

#[test]
fn written_prefix_returns_the_glued_rest() {
    let (expr, rest) = parse_written_prefix("Yesterday, 23:02Kremlin says").unwrap();
    assert_eq!(rest, "Kremlin says");
    assert!(matches!(expr, DateExpr::DaysBack { days: 1, time: Some(_) }));
    let (_, rest) = parse_written_prefix("Saturday, 15 August, 2020, 17:30 The body |").unwrap();
    assert_eq!(rest, " The body |");
    assert_eq!(parse_written_prefix("Kremlin says"), None);
}

#[test]
fn date_order_is_decided_from_the_column() {
    let decide = |values: &[&str]| decide_date_order(values.iter().copied()).map(|d| d.order);
    assert_eq!(decide(&["01/12/20 18:15", "19/12/19 1:23"]), Some(DateOrder::DayFirst));
    assert_eq!(decide(&["5/28/2016 19:51", "6/1/2016 0:01"]), Some(DateOrder::MonthFirst));
    assert_eq!(decide(&["1/2/2016", "3/4/2016"]), Some(DateOrder::MonthFirst));
    assert_eq!(decide(&["2022-09-23", "20030219"]), None);
    let decision = decide_date_order(["13/1/20", "1/2/20"].into_iter()).unwrap();
    assert_eq!(decision.evidence, "read as day/month/year: 1 of 2 values have a first number above 12");
}

proptest::proptest! {
    /// The fast path for `YYYY-MM-DDTHH:MM:SSZ` reads what chrono's RFC 3339 parser reads, and
    /// declines (leaving the value to it) whatever it cannot read the same way.
    #[test]
    fn the_utc_seconds_fast_path_agrees_with_rfc3339(
        year in 0u32..10_000, month in 0u32..14, day in 0u32..33, hour in 0u32..26, minute in 0u32..62, second in 0u32..62,
    ) {
        let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z");
        let general = DateTime::parse_from_rfc3339(&text).ok();
        match parse_utc_seconds(&text) {
            Some(fast) => proptest::prop_assert_eq!(Some(fast), general, "{}", text),
            None => proptest::prop_assert!(general.is_none() || second >= 60, "{} declined", text),
        }
    }
}

#[test]
fn the_utc_seconds_fast_path_takes_only_its_own_shape() {
    assert!(parse_utc_seconds("2024-02-12T15:52:31Z").is_some());
    for other in [
        "2024-02-12T15:52:31+00:00",
        "2024-02-12 15:52:31Z",
        "2024-02-12T15:52:31.5Z",
        "2024-02-30T15:52:31Z",
        "2024-02-12T15:52:60Z",
        "2024-0a-12T15:52:31Z",
    ] {
        assert_eq!(parse_utc_seconds(other), None, "{other}");
    }
    assert_eq!(
        parse_date("2016-12-31T23:59:60Z", &ctx(DateOrder::MonthFirst)).map(|d| d.published.is_some()),
        Ok(true),
        "a leap second still reads"
    );
}
