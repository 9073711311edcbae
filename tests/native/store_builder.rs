//! Reading a file straight into a store (the path the page and the benchmark use) gives the
//! same report and the same store as parsing into a `Dataset` first, whatever the step sizes.

use crate::support::{load, root};
use headline_trends::analysis::store::{ID_BITS, REPEAT_BIT};
use headline_trends::analysis::{Store, StoreBuilder, TokenizerKind, read_store};
use headline_trends::ingest::{Job, ParseOptions, decode, decompress};

/// Every row of a store as comparable text: instant, time flag, views, category, line, title,
/// url, body and the token strings with clause (`^`) and repeat (`+`) flags.
pub fn rows(store: &Store) -> Vec<String> {
    (0..store.len())
        .map(|row| {
            let r = u32::try_from(row).unwrap();
            let category = store.categories.get(store.category[row] as usize).map_or("-", String::as_str);
            let tokens: Vec<String> = store
                .row_tokens(r)
                .iter()
                .map(|&t| {
                    let clause = if t >> 31 == 1 { "^" } else { "" };
                    let repeat = if (t >> 30) & 1 == 1 { "+" } else { "" };
                    format!("{}{clause}{repeat}", store.vocab.text(t & 0x3fff_ffff))
                })
                .collect();
            format!(
                "{} {} {:?} {category} {} {} | {} | {} | {}",
                store.ts_ms[row],
                store.has_time[row],
                store.views_of(r),
                store.lines[row],
                store.titles.get(row),
                store.urls.get(row),
                store.bodies.get(row),
                tokens.join(" ")
            )
        })
        .collect()
}

/// Checks the store's repeat flags, document frequencies, occurrences and postings against a
/// count from the token ids alone.
fn assert_counts_match_the_token_lists(store: &Store) {
    let n_ids = store.vocab.len();
    let (mut doc_freq, mut occurrences, mut postings) = (vec![0u32; n_ids], vec![0u32; n_ids], vec![Vec::new(); n_ids]);
    for row in 0..u32::try_from(store.len()).unwrap() {
        let entries = store.row_tokens(row);
        for (at, &entry) in entries.iter().enumerate() {
            let id = entry & ID_BITS;
            let seen_before = entries[..at].iter().any(|&earlier| earlier & ID_BITS == id);
            assert_eq!(entry & REPEAT_BIT != 0, seen_before, "repeat flag of row {row}, token {at}");
            occurrences[id as usize] += 1;
            if !seen_before {
                doc_freq[id as usize] += 1;
                postings[id as usize].push(row);
            }
        }
    }
    assert_eq!(store.vocab.doc_freq, doc_freq);
    assert_eq!(store.vocab.occurrences, occurrences);
    for (id, rows) in postings.iter().enumerate() {
        assert_eq!(store.postings(u32::try_from(id).unwrap()), rows.as_slice(), "postings of {id}");
    }
}

fn options() -> ParseOptions {
    ParseOptions {
        reference_time: chrono::DateTime::parse_from_rfc3339("2020-08-16T12:00:00+03:00").ok(),
        ..ParseOptions::default()
    }
}

#[test]
fn reading_into_a_store_equals_building_from_a_dataset() {
    for fixture in
        ["seed_sample_scrape.txt", "bad_lines_3_to_7.csv", "rss_two_feeds_concatenated.xml", "gzip_csv.csv.gz"]
    {
        let bytes = std::fs::read(root().join("tests/fixtures").join(fixture)).unwrap();
        let ingested = load(&bytes, &options());
        let (report, store) = read_store(&bytes, &options(), TokenizerKind::Rich).unwrap();
        assert_eq!(
            (report.n_records, report.n_loaded(), report.rejected.len(), report.duplicates.len()),
            (ingested.n_records, ingested.n_loaded(), ingested.rejected.len(), ingested.duplicates.len()),
            "{fixture}"
        );
        assert_eq!(report.duplicates, ingested.duplicates, "{fixture}");
        let utc = options().site_offset;
        let built = Store::build(ingested.dataset, TokenizerKind::Rich, utc);
        assert_eq!(rows(&store), rows(&built), "{fixture}");
        assert_eq!(store.categories, built.categories, "{fixture}");
    }
}

/// The demo file, its read options, and its store read in one go.
fn demo_store() -> (Vec<u8>, ParseOptions, Store) {
    let bytes = std::fs::read(root().join("public/demo-scrape.txt")).unwrap();
    let options =
        ParseOptions { reference_time: Some(headline_trends::demo::reference_time()), ..ParseOptions::default() };
    let (_, store) = read_store(&bytes, &options, TokenizerKind::Rich).unwrap();
    (bytes, options, store)
}

#[test]
fn step_sizes_do_not_change_the_store() {
    let (bytes, options, whole) = demo_store();
    let decompressed = decompress(&bytes).unwrap();
    let decoded = decode(&decompressed).unwrap();
    let mut builder = StoreBuilder::new(TokenizerKind::Rich, 10);
    let mut job = Job::start(&decoded, &options, &mut builder).unwrap();
    let mut n_steps = 0;
    while !job.step(997) {
        n_steps += 1;
    }
    let mut report = job.finish().unwrap();
    let mut indexer = builder.into_indexer(options.site_offset, &mut report);
    while !indexer.step(1_013) {
        n_steps += 1;
    }
    let stepped = indexer.finish();
    assert!(n_steps > 40, "the file was read in many steps ({n_steps})");
    assert_eq!(report.n_loaded(), stepped.len() + stepped.n_undated);
    assert_eq!(rows(&stepped), rows(&whole));
    assert_counts_match_the_token_lists(&whole);
    assert_counts_match_the_token_lists(&stepped);
}

/// The page frees the text read before the postings are built (so they take its place in
/// wasm memory): the unfinished store borrows nothing, and finishing it after the text is gone
/// gives the same store.
#[test]
fn a_store_finished_after_its_text_is_freed_is_the_same_store() {
    let (bytes, options, whole) = demo_store();
    let text = decode(&bytes).unwrap().text.into_owned();
    let decoded = decode(text.as_bytes()).unwrap();
    let mut builder = StoreBuilder::over(&decoded.text, TokenizerKind::Rich, 0);
    let mut report = Job::start(&decoded, &options, &mut builder).unwrap().finish().unwrap();
    let unfinished = builder.into_indexer(options.site_offset, &mut report).into_unfinished();
    drop(decoded);
    drop(text);
    let store = unfinished.finish();
    assert_eq!(rows(&store), rows(&whole));
    assert_counts_match_the_token_lists(&store);
}

/// The page finishes a store without listing each token's rows: the dashboard of all rows is
/// computed without them (so the page draws it first; without the rising topics drawn over
/// time, which need them), and the first use lists the same rows; then the dashboard is whole.
#[test]
fn a_store_listing_its_postings_later_draws_all_rows_without_them_then_lists_the_same() {
    use headline_trends::analysis::dashboard::{DashboardData, ViewSettings, compute};
    use headline_trends::analysis::filter::Filter;
    let (bytes, options, whole) = demo_store();
    let decoded = decode(&bytes).unwrap();
    let mut builder = StoreBuilder::over(&decoded.text, TokenizerKind::Rich, 0);
    let mut report = Job::start(&decoded, &options, &mut builder).unwrap().finish().unwrap();
    let store = builder.into_indexer(options.site_offset, &mut report).into_unfinished().finish_listing_later();
    assert!(!store.has_postings());
    let settings = ViewSettings::default();
    let later = compute(&store, &Filter::default(), &[], &settings);
    assert!(!store.has_postings(), "the dashboard of all rows listed the postings");
    let whole_dashboard = compute(&whole, &Filter::default(), &[], &settings);
    assert!(whole_dashboard.series_are_suggested && whole_dashboard.series.len() == 3);
    let without_suggestions = DashboardData {
        series: Vec::new(),
        bursts: Vec::new(),
        series_are_suggested: false,
        ..whole_dashboard.clone()
    };
    assert_eq!(format!("{later:?}"), format!("{without_suggestions:?}"));
    assert_eq!(rows(&store), rows(&whole));
    assert_counts_match_the_token_lists(&store);
    assert!(store.has_postings());
    let listed = compute(&store, &Filter::default(), &[], &settings);
    assert_eq!(format!("{listed:?}"), format!("{whole_dashboard:?}"));
}

#[test]
fn tokenizing_in_parallel_shares_gives_the_store_of_one_thread() {
    let (bytes, options, one_thread) = demo_store();
    for (first_rows, n_shares) in [(0, 2), (0, 3), (5_000, 2), (1, 7)] {
        let decompressed = decompress(&bytes).unwrap();
        let decoded = decode(&decompressed).unwrap();
        let mut builder = StoreBuilder::new(TokenizerKind::Rich, 0);
        let mut report = Job::start(&decoded, &options, &mut builder).unwrap().finish().unwrap();
        let mut indexer = builder.into_indexer(options.site_offset, &mut report);
        indexer.step(first_rows);
        indexer.index_rest_in_shares(n_shares);
        let shared = indexer.finish();
        assert_eq!(rows(&shared), rows(&one_thread), "{first_rows} rows first, then {n_shares} shares");
        let vocab = |store: &Store| store.vocab.iter().map(|(id, text)| format!("{id}={text}")).collect::<Vec<_>>();
        assert_eq!(vocab(&shared), vocab(&one_thread), "ids in first-seen order");
        assert_counts_match_the_token_lists(&shared);
    }
}

#[test]
fn duplicates_found_after_sorting_match_those_found_while_reading() {
    // 20 articles at one instant (more than the pairwise check handles), copies among them,
    // copies of undated articles (relative dates without a reference time), and copies with
    // the same title at another time (not duplicates).
    let mut csv = String::from("title,date\n");
    for i in 0..20 {
        csv.push_str(&format!("Title {},2024-05-01 10:00\n", i % 7));
        csv.push_str(&format!("Undated {},Yesterday\n", i % 3));
        csv.push_str(&format!("Title {},2024-05-0{}\n", i % 2, 2 + i % 3));
    }
    let ingested = load(csv.as_bytes(), &ParseOptions::default());
    let (report, store) = read_store(csv.as_bytes(), &ParseOptions::default(), TokenizerKind::Rich).unwrap();
    assert_eq!(report.duplicates, ingested.duplicates);
    assert_eq!(report.n_loaded(), ingested.n_loaded());
    assert_eq!((ingested.n_loaded(), ingested.duplicates.len()), (7 + 3 + 6, 60 - 16));
    assert_eq!((store.len(), store.n_undated), (13, 3));
}

#[test]
fn duplicates_are_refused_with_the_kept_line() {
    let csv = b"title,date\nA,2024-01-01\nB,2024-01-01\nA,2024-01-01\nA,2024-01-02\nB,2024-01-01\n";
    let (report, store) = read_store(csv, &ParseOptions::default(), TokenizerKind::Rich).unwrap();
    let pairs: Vec<(u32, u32)> = report.duplicates.iter().map(|d| (d.line.get(), d.first_line.get())).collect();
    assert_eq!(pairs, [(4, 2), (6, 3)]);
    assert_eq!((report.n_loaded(), store.len()), (3, 3));
}

#[test]
fn room_reserved_after_unusually_short_first_records_stays_bounded_by_the_input() {
    // 16,384 short records, then five with 2 MB titles: at the hint, the first records took
    // under 5 % of the bytes, and "the rest is like the start" would mean 350,000 more rows.
    let mut csv = String::from("title,date\n");
    for i in 0..16_384 {
        csv.push_str(&format!("Short title {i},2024-01-01\n"));
    }
    for i in 0..5 {
        csv.push_str(&format!("{} {i},2024-01-02\n", "long ".repeat(400_000)));
    }
    let decoded = decode(csv.as_bytes()).unwrap();
    let mut builder = StoreBuilder::new(TokenizerKind::Rich, 0);
    let mut job = Job::start(&decoded, &ParseOptions::default(), &mut builder).unwrap();
    job.step(16_385);
    drop(job);
    let reserved = builder.reserved_bytes();
    assert!(reserved <= csv.len() * 3 / 2 + 2 * 1024 * 1024, "{reserved} bytes reserved for a {} byte file", csv.len());
    assert!(reserved > csv.len(), "the hint still reserved room ({reserved})");
}
