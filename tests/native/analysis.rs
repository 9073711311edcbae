//! The analytics engine on a small dataset whose every number was worked out by hand.

use headline_trends::analysis::bursts::{BurstRule, find_bursts};
use headline_trends::analysis::filter::{Filter, FilterPart, QueryTerm, parse_query};
use headline_trends::analysis::frequency::{Measure, add_views, topic_frequency};
use headline_trends::analysis::rising::log_odds;
use headline_trends::analysis::series::{SeriesPoint, TopicSeries, topic_series, volume_series};
use headline_trends::analysis::store::NO_VIEWS;
use headline_trends::analysis::timing::{best_slot, timing_grid, weekday_hour_counts};
use headline_trends::analysis::topics::{TopicKind, TopicRef, UserTopic};
use headline_trends::analysis::views::{top_headlines, views_by_hour, views_log2_histogram};
use headline_trends::analysis::volume::{BucketWidth, counts_per_bucket, counts_per_day};
use headline_trends::analysis::{Selection, Store, TokenizerKind, keywords};
use headline_trends::ingest::{ParseOptions, parse};

/// Six articles over three days (2024-03-01 is day 19783, a Friday).
const SMALL: &str = "title,date,views,category
Ukraine talks resume in Geneva,2024-03-01T09:00:00Z,100,world
Zelensky’s aide says Ukraine needs arms,2024-03-01T10:30:00Z,300,world
Human Rights Council meets on the war in Ukraine,2024-03-02T09:15:00Z,50,world
Central bank holds rates,2024-03-02T14:00:00Z,1000,business
Human rights groups warn Central bank,2024-03-03T09:45:00Z,,business
Football: City wins derby,2024-03-03,20,sport
";

fn store() -> Store {
    let ingested = parse(SMALL.as_bytes(), &ParseOptions::default()).unwrap();
    Store::build(ingested.dataset, TokenizerKind::Rich, chrono::FixedOffset::east_opt(0).unwrap())
}

fn all(store: &Store) -> Selection {
    Selection::all(store.len())
}

fn titles(store: &Store, selection: &Selection) -> Vec<String> {
    selection.iter().map(|r| store.titles.get(r as usize).to_owned()).collect()
}

#[test]
fn counts_per_day_week_and_hour() {
    let store = store();
    assert_eq!(counts_per_day(&store, &all(&store)), [(19783, 2), (19784, 2), (19785, 2)]);
    assert_eq!(counts_per_day(&store, &Selection::Rows(vec![0, 5])), [(19783, 1), (19785, 1)]);
    // 2024-02-26 is the Monday of that week: week key (19783 + 3) / 7 = 2826; Sunday 3 March is in it too.
    assert_eq!(counts_per_bucket(&store, &all(&store), BucketWidth::Week), [(2826, 6)]);
    let hourly = counts_per_bucket(&store, &all(&store), BucketWidth::Hour);
    assert_eq!(hourly.iter().map(|h| h.1).sum::<u32>(), 5, "the date-only article is left out of hourly buckets");
    assert_eq!(counts_per_bucket(&store, &all(&store), BucketWidth::Month), [((2024 - 1970) * 12 + 2, 6)]);
}

#[test]
fn top_keywords_count_articles_and_break_ties_by_text() {
    let store = store();
    let top = keywords::top_keywords(&store, &all(&store), 5);
    let got: Vec<(&str, u32)> = top.iter().map(|k| (store.vocab.text(k.token), k.n_articles)).collect();
    assert_eq!(got, [("ukraine", 3), ("bank", 2), ("central", 2), ("human", 2), ("rights", 2)]);
}

#[test]
fn phrases_do_not_span_stopwords_or_punctuation() {
    let store = store();
    let stats = topic_frequency(&store, &all(&store), TopicKind::Phrase, &[], 10, Measure::Articles);
    let got: Vec<(&str, u32)> = stats.iter().map(|s| (s.label.as_str(), s.n_articles)).collect();
    assert_eq!(got, [("central bank", 2), ("human rights", 2)]);
}

/// A bigram that a frequent trigram holds in at least 90 % of its articles is left out for the
/// trigram; one written often in other company stays.
#[test]
fn phrases_nested_in_a_phrase_a_word_longer_give_way_to_it() {
    let mut csv = String::from("title,date\n");
    for day in 1..=20 {
        csv.push_str(&format!("Opposition: leader Maria Ortega,2024-01-{day:02}\n"));
        csv.push_str(&format!("Prime Minister Daniel Reyes,2024-01-{day:02}\n"));
        csv.push_str(&format!("Mayor: deputy Ana Lopez,2024-01-{day:02}\n"));
        let council = if day % 2 == 0 { "council" } else { "groups" };
        csv.push_str(&format!("human rights {council},2024-01-{day:02}\n"));
    }
    // "maria ortega" without "leader" twice more (20 of 22 with it: 91 %), "ana lopez" without
    // "deputy" three times more (20 of 23: 87 %).
    // "minister daniel reyes" without "prime" twice more (20 of 22 in the four words: 91 %),
    // "prime minister daniel" without "reyes" three times more (20 of 23: 87 %).
    let chain = ["Minister Daniel Reyes", "Minister Daniel Reyes", "Prime Minister Daniel", "Prime Minister Daniel"];
    let chain = chain.into_iter().chain(["Prime Minister Daniel"]).zip([21, 22, 21, 22, 23]).map(|(t, d)| (d, t));
    for (day, title) in
        [(21, "Maria Ortega"), (22, "Maria Ortega"), (21, "Ana Lopez"), (22, "Ana Lopez"), (23, "Ana Lopez")]
            .into_iter()
            .chain(chain)
    {
        csv.push_str(&format!("{title},2024-01-{day}\n"));
    }
    let ingested = parse(csv.as_bytes(), &ParseOptions::default()).unwrap();
    let store = Store::build(ingested.dataset, TokenizerKind::Rich, chrono::FixedOffset::east_opt(0).unwrap());
    let stats = topic_frequency(&store, &all(&store), TopicKind::Phrase, &[], 20, Measure::Articles);
    let got: Vec<(&str, u32)> = stats.iter().map(|s| (s.label.as_str(), s.n_articles)).collect();
    // Left out: "leader maria" (20 of 20), "maria ortega" (20 of 22), "deputy ana" (20 of 20),
    // "rights council" and "rights groups" (10 of 10); "minister daniel reyes" (20 of 22 in
    // "prime minister daniel reyes"), and the bigrams of the chain: "prime minister" (23 of 23),
    // "minister daniel" (23 of 25), "daniel reyes" (22 of 22), each in a kept or left-out trigram.
    assert_eq!(
        got,
        [
            ("ana lopez", 23),
            ("prime minister daniel", 23),
            ("deputy ana lopez", 20),
            ("human rights", 20),
            ("leader maria ortega", 20),
            ("prime minister daniel reyes", 20),
            ("human rights council", 10),
            ("human rights groups", 10)
        ]
    );
}

#[test]
fn names_are_runs_of_capitalised_words() {
    let csv = "title,date\nUS to again withdraw from the UN Human Rights Council,2024-01-01\nSvetlana Tikhanovskaya meets UN Human Rights Council,2024-01-02\nSvetlana Tikhanovskaya leaves Minsk,2024-01-03\n";
    let ingested = parse(csv.as_bytes(), &ParseOptions::default()).unwrap();
    let store = Store::build(ingested.dataset, TokenizerKind::Rich, chrono::FixedOffset::east_opt(0).unwrap());
    let stats = topic_frequency(&store, &all(&store), TopicKind::Name, &[], 10, Measure::Articles);
    let got: Vec<(&str, u32)> = stats.iter().map(|s| (s.label.as_str(), s.n_articles)).collect();
    assert_eq!(got, [("Svetlana Tikhanovskaya", 2), ("UN Human Rights Council", 2)]);
}

#[test]
fn topic_frequency_measures() {
    let store = store();
    let mut stats = topic_frequency(&store, &all(&store), TopicKind::Keyword, &[], 1, Measure::Articles);
    // Ranked by articles, keywords come without views until asked for.
    assert_eq!(stats[0].views, None);
    add_views(&store, &all(&store), &mut stats, &[]);
    let ukraine = &stats[0];
    let views = ukraine.views.expect("views added");
    assert_eq!((ukraine.label.as_str(), ukraine.n_articles, views.total), ("ukraine", 3, 450));
    assert!((ukraine.share_of_articles - 0.5).abs() < 1e-12);
    assert!((views.share - 450.0 / 1470.0).abs() < 1e-12);
    assert_eq!(views.median, Some(100.0));
    // Ranked by a views measure, they come with them, equal to those added later.
    let by_median = topic_frequency(&store, &all(&store), TopicKind::Keyword, &[], 1, Measure::MedianViews);
    assert!(by_median.iter().all(|s| s.views.is_some()));
    let by_views = topic_frequency(&store, &all(&store), TopicKind::Category, &[], 3, Measure::TotalViews);
    let got: Vec<(&str, u64)> = by_views.iter().map(|s| (s.label.as_str(), s.views.map_or(0, |v| v.total))).collect();
    assert_eq!(got, [("business", 1000), ("world", 450), ("sport", 20)]);
    let user = UserTopic {
        name: "Ukraine war".into(),
        any_of: vec!["ukraine".into(), "zelensky".into()],
        none_of: vec!["geneva".into()],
    };
    let stats = topic_frequency(&store, &all(&store), TopicKind::User, &[user], 5, Measure::Articles);
    assert_eq!((stats[0].label.as_str(), stats[0].n_articles), ("Ukraine war", 2));
}

/// Ranked by articles, phrases and categories come without views too: their counts over the
/// selection are their articles (those of `topic_rows`), and the views added later equal those
/// of a ranking by views. Names are counted over their rows at once (a name's count among
/// runs of capitals is not its rows).
#[test]
fn phrases_and_categories_ranked_by_articles_get_views_on_request() {
    use headline_trends::analysis::topic_rows::topic_rows;
    let store = store();
    let selection = Selection::Rows(vec![1, 2, 3, 4]);
    for kind in [TopicKind::Phrase, TopicKind::Category] {
        let mut stats = topic_frequency(&store, &selection, kind, &[], 10, Measure::Articles);
        assert!(!stats.is_empty() && stats.iter().all(|s| s.views.is_none()), "{kind:?}");
        for stat in &stats {
            let rows = topic_rows(&store, &stat.topic, &[]);
            let in_selection = rows.iter().filter(|r| (1..=4).contains(*r)).count();
            assert_eq!(stat.n_articles as usize, in_selection, "{}", stat.label);
        }
        add_views(&store, &selection, &mut stats, &[]);
        let by_views = topic_frequency(&store, &selection, kind, &[], 10, Measure::TotalViews);
        for stat in &stats {
            let eager = by_views.iter().find(|e| e.topic == stat.topic).expect("ranked by views too");
            assert_eq!(stat.views, eager.views, "{}", stat.label);
        }
    }
    let names = topic_frequency(&store, &selection, TopicKind::Name, &[], 10, Measure::Articles);
    assert!(names.iter().all(|s| s.views.is_some()));
}

#[test]
fn a_phrase_s_rows_are_kept_for_the_next_time() {
    use headline_trends::analysis::topic_rows::term_rows;
    let store = store();
    let first = store.rows_of_term("human rights");
    assert_eq!(*first, term_rows(&store, "human rights"));
    assert_eq!(titles(&store, &Selection::Rows(first.to_vec())).len(), 2);
    assert!(std::sync::Arc::ptr_eq(&first, &store.rows_of_term("human rights")), "the kept list, not a new one");
    assert!(store.rows_of_term("rights human").is_empty());
}

/// The topic chart counts over every filter but the topic filter; ranked by articles, its
/// keywords' views are added on request, equal to those of a ranking by views.
#[test]
fn the_topic_chart_counts_without_its_filter_and_adds_views_on_request() {
    use headline_trends::analysis::dashboard::{ViewSettings, compute};
    let store = store();
    let mut filter = Filter::default();
    filter.any_topics.push(TopicRef::new(TopicKind::Keyword, "ukraine"));
    let data = compute(&store, &filter, &[], &ViewSettings::default());
    let without_topics = filter.select_except(&store, &[], Some(FilterPart::Topics));
    assert_eq!(data.topics_selection(), &without_topics);
    assert_ne!(data.topics_selection(), &data.selection);
    let mut topics = data.topics.clone();
    assert!(!topics.is_empty() && topics.iter().all(|t| t.views.is_none()));
    add_views(&store, data.topics_selection(), &mut topics, &[]);
    let by_views = topic_frequency(&store, &without_topics, TopicKind::Keyword, &[], 100, Measure::TotalViews);
    for topic in &topics {
        let eager = by_views.iter().find(|e| e.topic == topic.topic).expect("ranked by views too");
        assert_eq!(topic.views, eager.views, "{}", topic.label);
    }
    let unfiltered = compute(&store, &Filter::default(), &[], &ViewSettings::default());
    assert!(unfiltered.topics_only_selection.is_none(), "no topic filter: the same selection, not a copy");
}

#[test]
fn views_histogram_top_headlines_and_hours() {
    let store = store();
    // floor(log2(v + 1)): 100 → 6, 300 → 8, 50 → 5, 1000 → 9, 20 → 4; one article has no views.
    assert_eq!(views_log2_histogram(&store, &all(&store)), [0, 0, 0, 0, 1, 1, 1, 0, 1, 1]);
    let top = top_headlines(&store, &all(&store), 3);
    assert_eq!(
        titles(&store, &Selection::Rows(top)),
        ["Central bank holds rates", "Zelensky’s aide says Ukraine needs arms", "Ukraine talks resume in Geneva"]
    );
    let by_hour = views_by_hour(&store, &all(&store));
    assert_eq!(by_hour[9], (9, 2, Some(75.0)));
    assert_eq!(by_hour[14], (14, 1, Some(1000.0)));
}

#[test]
fn top_headlines_break_view_ties_by_newest_for_small_and_large_selections() {
    // 400 articles an hour apart with only four distinct view counts (and some without views).
    let mut text = String::from("title,date,views\n");
    for i in 0..400 {
        let views = if i % 7 == 0 { String::new() } else { (i % 4 * 10).to_string() };
        text.push_str(&format!("Story number {i},2024-01-{:02}T{:02}:00:00Z,{views}\n", 1 + i / 24, i % 24));
    }
    let ingested = parse(text.as_bytes(), &ParseOptions::default()).unwrap();
    let store = Store::build(ingested.dataset, TokenizerKind::Rich, chrono::FixedOffset::east_opt(0).unwrap());
    assert_eq!(store.len(), 400);
    // Every ninth row: under an eighth of the store, so not read from the store's views order.
    let rows: Vec<u32> = (0..400).step_by(9).collect();
    for n in [0, 1, 3, 5, 12, 44, 45, 100] {
        let mut expected: Vec<u32> = rows.iter().copied().filter(|&r| store.views[r as usize] != NO_VIEWS).collect();
        expected.sort_by(|&a, &b| store.views[b as usize].cmp(&store.views[a as usize]).then(b.cmp(&a)));
        expected.truncate(n);
        assert_eq!(top_headlines(&store, &Selection::Rows(rows.clone()), n), expected, "n = {n}");
    }
    // All rows: cut at the n-th largest views before the store's views order is built, read
    // from that order after, with the same tie rule either way.
    let mut expected: Vec<u32> = (0..400).filter(|&r| store.views[r as usize] != NO_VIEWS).collect();
    expected.sort_by(|&a, &b| store.views[b as usize].cmp(&store.views[a as usize]).then(b.cmp(&a)));
    for n in [1, 44, 500] {
        let expected = &expected[..n.min(expected.len())];
        assert!(store.rows_by_views_if_built().is_none());
        assert_eq!(top_headlines(&store, &all(&store), n), expected, "n = {n}, before the order");
    }
    store.rows_by_views();
    for n in [1, 44, 500] {
        let expected = &expected[..n.min(expected.len())];
        assert_eq!(top_headlines(&store, &all(&store), n), expected, "n = {n}, from the order");
    }
}

#[test]
fn weekday_hour_grid_in_two_time_zones() {
    let mut store = store();
    let (cells, n_date_only) = weekday_hour_counts(&store, &all(&store));
    let filled: Vec<(usize, u32)> = cells.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, &n)| (i, n)).collect();
    // Friday = 5, Saturday = 6, Sunday = 0.
    assert_eq!(filled, [(9, 1), (5 * 24 + 9, 1), (5 * 24 + 10, 1), (6 * 24 + 9, 1), (6 * 24 + 14, 1)]);
    assert_eq!(n_date_only, 1);
    let (rows_cells, _) = weekday_hour_counts(&store, &Selection::Rows((0..6).collect()));
    assert_eq!(rows_cells, cells, "range and row-list paths agree");
    let (grid_utc, _) = timing_grid(&store, &all(&store));
    store.set_time_zone(chrono::FixedOffset::east_opt(5 * 3600).unwrap());
    let (cells, _) = weekday_hour_counts(&store, &all(&store));
    assert_eq!(cells[5 * 24 + 14], 1, "09:00Z is 14:00 at +05:00");
    assert_eq!(cells[6 * 24 + 19], 1, "14:00Z is 19:00 at +05:00");
    let (grid, _) = timing_grid(&store, &all(&store));
    assert_eq!(grid.len(), 168);
    assert_ne!(grid, grid_utc, "the cached all-rows grid is recomputed in the new time zone");
    assert_eq!(best_slot(&grid, 1).map(|c| (c.weekday, c.hour)), Some((6, 19)));
    assert_eq!(best_slot(&grid, 2), None, "no cell has two articles with views");
}

#[test]
fn filters_combine_and_cross_filter() {
    let store = store();
    let select = |f: &Filter| titles(&store, &f.select(&store, &[]));
    assert_eq!(
        parse_query("ukr \"human rights\""),
        [QueryTerm::Word("ukr".into()), QueryTerm::Phrase("human rights".into())]
    );
    assert_eq!(select(&Filter { query: "UKR".into(), ..Filter::default() }).len(), 3);
    assert_eq!(select(&Filter { query: "\"human rights\"".into(), ..Filter::default() }).len(), 2);
    assert_eq!(select(&Filter { query: "\"rights human\"".into(), ..Filter::default() }).len(), 0);
    assert_eq!(
        select(&Filter { query: "\"football city\"".into(), ..Filter::default() }).len(),
        0,
        "phrases do not span a colon"
    );
    let business = TopicRef::new(TopicKind::Category, "business");
    let mut filter = Filter { min_views: Some(100), ..Filter::default() };
    assert_eq!(select(&filter).len(), 3);
    filter.toggle_topic(business.clone());
    assert_eq!(select(&filter), ["Central bank holds rates"]);
    assert_eq!(filter.select_except(&store, &[], Some(FilterPart::Topics)).len(), 3);
    assert_eq!(filter.select_except(&store, &[], Some(FilterPart::Views)).len(), 2);
    // Evaluated once, the parts combine into the same selections; a part the filter lacks
    // leaves the selection as it is.
    filter.query = "bank".into();
    let parts = filter.evaluate(&store, &[]);
    let full = parts.select_except(&store, None);
    assert_eq!(full, filter.select(&store, &[]));
    for part in [FilterPart::Topics, FilterPart::Dates, FilterPart::Query, FilterPart::Views, FilterPart::Categories] {
        assert_eq!(
            *parts.select_without(&store, part, &full),
            filter.select_except(&store, &[], Some(part)),
            "{part:?}"
        );
    }
    assert!(parts.has(FilterPart::Query) && parts.has(FilterPart::Topics) && !parts.has(FilterPart::Dates));
    assert_eq!(parts.select_except(&store, Some(FilterPart::Query)).len(), 1);
    filter.query.clear();
    filter.toggle_topic(business);
    assert!(filter.any_topics.is_empty());
    let dated = Filter { from_ms: Some(1_709_337_600_000), to_ms: Some(1_709_424_000_000), ..Filter::default() };
    assert_eq!(dated.select(&store, &[]), Selection::Range(2..4), "2 March only, half-open");
    let all_of = Filter {
        all_topics: vec![TopicRef::new(TopicKind::Keyword, "ukraine"), TopicRef::new(TopicKind::Category, "world")],
        ..Filter::default()
    };
    assert_eq!(select(&all_of).len(), 3);
    let body = Filter { query: "aide".into(), search_body: true, ..Filter::default() };
    assert_eq!(select(&body).len(), 1);
}

#[test]
fn log_odds_match_a_hand_computation() {
    // y=5 of n=20 in the window, b=1 of m=40 in the baseline, prior scale 0.5:
    // α = 3, α0 = 30; δ = ln(8/42) − ln(4/66) = 1.14513…, σ = √(1/8 + 1/4), z = 1.86999…
    let (delta, z) = log_odds(5.0, 1.0, 20.0, 40.0, 3.0, 30.0);
    assert!((delta - 1.145_132_304_303_002_4).abs() < 1e-12, "{delta}");
    assert!((z - 1.869_993_222_346_579_8).abs() < 1e-12, "{z}");
}

#[test]
fn bursts_are_found_where_the_share_jumps() {
    let store = store();
    let share_of =
        |i: usize| if i == 20 || i == 21 { 0.5 } else { 0.1 + 0.01 * f64::from(u32::try_from(i % 3).unwrap()) };
    let points: Vec<SeriesPoint> = (0..26)
        .map(|i| SeriesPoint { bucket: 19_700 + i64::try_from(i).unwrap(), n_articles: 10, share: share_of(i) })
        .collect();
    let series = TopicSeries { topic: TopicRef::new(TopicKind::Keyword, "ukraine"), points };
    let bursts =
        find_bursts(&store, &series, &Selection::Rows(Vec::new()), &[], BucketWidth::Day, BurstRule::default());
    assert_eq!(bursts.len(), 1);
    assert_eq!((bursts[0].first_bucket, bursts[0].last_bucket, bursts[0].peak_bucket), (19_720, 19_721, 19_720));
    assert!(bursts[0].peak_z > 3.0);
}

#[test]
fn topic_series_fill_gaps_and_give_shares() {
    let store = store();
    let volume = volume_series(&store, &all(&store), BucketWidth::Day);
    assert_eq!(volume, [(19783, 2), (19784, 2), (19785, 2)]);
    let series =
        topic_series(&store, &all(&store), &[TopicRef::new(TopicKind::Keyword, "ukraine")], &[], BucketWidth::Day);
    let got: Vec<(i64, u32, f64)> = series[0].points.iter().map(|p| (p.bucket, p.n_articles, p.share)).collect();
    assert_eq!(got, [(19783, 2, 1.0), (19784, 1, 0.5), (19785, 0, 0.0)]);
}

/// The bundled demo scrape (25,560 articles) as a store.
fn demo_store() -> Store {
    let bytes = std::fs::read(crate::support::root().join("public/demo-scrape.txt")).unwrap();
    let options =
        ParseOptions { reference_time: Some(headline_trends::demo::reference_time()), ..ParseOptions::default() };
    Store::build(parse(&bytes, &options).unwrap().dataset, TokenizerKind::Rich, options.site_offset)
}

/// Counting keywords once for the topic chart and the rising list changes no number.
#[test]
fn shared_keyword_counts_give_the_same_topics_and_rising_lists() {
    use headline_trends::analysis::frequency::topic_frequency_given;
    use headline_trends::analysis::rising::{RisingRule, rising_topics, rising_topics_given};
    let store = demo_store();
    for query in ["", "minister", "\"the\"", "a"] {
        let filter = Filter { query: query.into(), ..Filter::default() };
        let selection = filter.select(&store, &[]);
        let counts = keywords::article_counts_per_token(&store, &selection);
        let rule = RisingRule::default();
        assert_eq!(
            rising_topics_given(&store, &selection, rule, 10, Some(&counts)),
            rising_topics(&store, &selection, rule, 10),
            "{query}"
        );
        for measure in [Measure::Articles, Measure::MedianViews] {
            let shared = topic_frequency_given(&store, &selection, TopicKind::Keyword, &[], 20, measure, Some(&counts));
            assert_eq!(shared, topic_frequency(&store, &selection, TopicKind::Keyword, &[], 20, measure), "{query}");
        }
    }
}

/// Each rising or falling word's sparkline is its selected articles per day (from its postings)
/// over the window and as many days before, for searches, a date range and all rows.
#[test]
fn rising_sparklines_count_each_word_s_selected_articles_per_day() {
    use headline_trends::analysis::rising::{RisingRule, rising_topics};
    use headline_trends::analysis::time_keys::{DAY_MS, day_of};
    let store = demo_store();
    let n_rows = u32::try_from(store.len()).unwrap();
    let selections = [
        Selection::all(store.len()),
        Filter { query: "minister".into(), ..Filter::default() }.select(&store, &[]),
        Filter { query: "a".into(), ..Filter::default() }.select(&store, &[]),
        Selection::Range(n_rows / 3..n_rows / 2),
    ];
    let mut n_checked = 0;
    for selection in &selections {
        let rule = RisingRule::default();
        let (rising, falling) = rising_topics(&store, selection, rule, 10);
        let last_ms = store.ts_ms[selection.last().unwrap() as usize];
        let since_ms = last_ms - 2 * i64::from(rule.window_days) * DAY_MS;
        let first_day = day_of(since_ms, store.keys.offset) + 1;
        for topic in rising.iter().chain(&falling) {
            let id = store.vocab.id(&topic.keyword).unwrap();
            let mut expected = vec![0u32; 2 * rule.window_days as usize];
            for &row in store.postings(id) {
                let slot = usize::try_from(store.keys.day[row as usize] - first_day).ok();
                let selected = row >= store.row_at(since_ms) && selection.iter().any(|r| r == row);
                if let Some(n) = slot.and_then(|i| expected.get_mut(i)).filter(|_| selected) {
                    *n += 1;
                }
            }
            assert_eq!(topic.sparkline, expected, "{}", topic.keyword);
            n_checked += usize::from(expected.iter().any(|&n| n > 0));
        }
    }
    assert!(n_checked >= 20, "only {n_checked} sparklines with articles");
}

/// Keyword counts over every shape of selection equal a count row by row.
#[test]
fn keyword_counts_equal_a_count_row_by_row() {
    let store = demo_store();
    let n_rows = u32::try_from(store.len()).unwrap();
    let mut selections: Vec<Selection> = ["", "minister", "a", "the", "s"]
        .iter()
        .map(|query| Filter { query: (*query).into(), ..Filter::default() }.select(&store, &[]))
        .collect();
    selections.push(Selection::Range(n_rows / 4..n_rows));
    selections.push(Selection::Range(n_rows / 3..n_rows / 2));
    selections.push(Selection::Rows((0..n_rows).filter(|row| row % 7 != 3).collect()));
    assert!(selections.iter().any(|s| matches!(s, Selection::Rows(rows) if rows.len() * 2 > store.len())));
    for selection in &selections {
        let (mut articles, mut occurrences) = (vec![0u32; store.vocab.len()], vec![0u32; store.vocab.len()]);
        for row in selection.iter() {
            for &entry in store.row_tokens(row) {
                let id = (entry & headline_trends::analysis::store::ID_BITS) as usize;
                occurrences[id] += 1;
                articles[id] += u32::from(entry & headline_trends::analysis::store::REPEAT_BIT == 0);
            }
        }
        assert_eq!(keywords::article_counts_per_token(&store, selection), articles, "{} rows", selection.len());
        assert_eq!(keywords::occurrences_per_token(&store, selection), occurrences, "{} rows", selection.len());
    }
}

#[test]
fn a_word_twice_in_a_headline_counts_one_article_and_two_occurrences() {
    let csv = "title,date\nWar and more war: war again,2024-03-01T09:00:00Z\nNo war here,2024-03-02T09:00:00Z\n\
               Peace,2024-03-03T09:00:00Z\nPeace peace,2024-03-04T09:00:00Z\n";
    let ingested = parse(csv.as_bytes(), &ParseOptions::default()).unwrap();
    let store = Store::build(ingested.dataset, TokenizerKind::Rich, chrono::FixedOffset::east_opt(0).unwrap());
    let (war, peace) = (store.vocab.id("war").unwrap() as usize, store.vocab.id("peace").unwrap() as usize);
    // Every shape of selection: all rows (the store's own counts), a wide range (all minus the
    // rest), a narrow range and a list of rows.
    let selections = [
        (Selection::all(4), [2, 2], [4, 3]),
        (Selection::Range(0..3), [2, 1], [4, 1]),
        (Selection::Range(1..2), [1, 0], [1, 0]),
        (Selection::Rows(vec![0, 3]), [1, 1], [3, 2]),
        // Lists of most rows (all minus the rows left out), with and without a leading gap.
        (Selection::Rows(vec![0, 1, 3]), [2, 1], [4, 2]),
        (Selection::Rows(vec![1, 2, 3]), [1, 2], [1, 3]),
    ];
    for (selection, articles, occurrences) in selections {
        let by_article = keywords::article_counts_per_token(&store, &selection);
        let by_occurrence = keywords::occurrences_per_token(&store, &selection);
        assert_eq!([by_article[war], by_article[peace]], articles, "{selection:?}");
        assert_eq!([by_occurrence[war], by_occurrence[peace]], occurrences, "{selection:?}");
    }
    assert_eq!(store.postings(war as u32), [0, 1]);
    assert_eq!(store.postings(peace as u32), [2, 3]);
}

#[test]
fn the_typical_search_is_a_keyword_a_tenth_of_the_articles_hold() {
    // 20 headlines: "apple" and "date" in 2 each (a tenth; apple seen first), "banana" in 5,
    // the stopword "the" in 2, "cherry" in 1.
    let mut csv = String::from("title,date\n");
    for day in 1..=20 {
        let title = match day {
            1 | 2 => "Apple banana",
            3..=5 => "Banana cherry split",
            6 => "Cherry the",
            7 => "The date",
            8 => "Date night",
            _ => "Plain words",
        };
        csv.push_str(&format!("{title} {day},2024-03-{day:02}T09:00:00Z\n"));
    }
    let ingested = parse(csv.as_bytes(), &ParseOptions::default()).unwrap();
    let store = Store::build(ingested.dataset, TokenizerKind::Rich, chrono::FixedOffset::east_opt(0).unwrap());
    assert_eq!(keywords::typical_search(&store), Some("apple"));
    let empty = parse(b"title,date\n,2024-03-01\n", &ParseOptions::default()).unwrap();
    let empty = Store::build(empty.dataset, TokenizerKind::Rich, chrono::FixedOffset::east_opt(0).unwrap());
    assert_eq!(keywords::typical_search(&empty), None);
}

/// With no topic chosen, the chart of topics over time draws the top three rising keywords,
/// each with its series and bursts as if chosen; choosing a topic draws that one alone.
#[test]
fn with_no_topic_chosen_the_top_rising_keywords_are_drawn_over_time() {
    use headline_trends::analysis::dashboard::{ViewSettings, compute};
    let store = demo_store();
    for query in ["", "minister"] {
        let filter = Filter { query: query.into(), ..Filter::default() };
        let suggested = compute(&store, &filter, &[], &ViewSettings::default());
        assert!(suggested.series_are_suggested, "{query}");
        let top: Vec<TopicRef> =
            suggested.rising.0.iter().take(3).map(|t| TopicRef::new(TopicKind::Keyword, &*t.keyword)).collect();
        assert_eq!(top.len(), 3, "{query}");
        let as_chosen = compute(&store, &filter, &[], &ViewSettings { chosen_topics: top, ..ViewSettings::default() });
        assert!(!as_chosen.series_are_suggested);
        assert_eq!((&suggested.series, &suggested.bursts), (&as_chosen.series, &as_chosen.bursts), "{query}");
        assert!(suggested.series.iter().all(|s| s.points.iter().any(|p| p.n_articles > 0)), "{query}");
    }
    let one = vec![TopicRef::new(TopicKind::Keyword, "minister")];
    let chosen = compute(
        &store,
        &Filter::default(),
        &[],
        &ViewSettings { chosen_topics: one.clone(), ..ViewSettings::default() },
    );
    assert_eq!(chosen.series.iter().map(|s| s.topic.clone()).collect::<Vec<_>>(), one);
}
