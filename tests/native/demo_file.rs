//! The committed demo file is exactly what the generator makes, and it loads as described.

use crate::support::{load, root};
use headline_trends::demo::{self, DemoSpec};
use headline_trends::ingest::{Format, ParseOptions};

#[test]
fn committed_demo_equals_the_generator_output() {
    let committed = std::fs::read_to_string(root().join(demo::DEMO_PATH)).unwrap();
    assert!(
        committed == demo::generate(&DemoSpec::default()),
        "public/demo-scrape.txt is stale: run `cargo run -- gen-demo -o public/demo-scrape.txt`"
    );
}

#[test]
fn demo_loads_completely_with_sidebars_resolved() {
    let bytes = std::fs::read(root().join(demo::DEMO_PATH)).unwrap();
    let options = ParseOptions {
        reference_time: Some(demo::reference_time()),
        site_offset: chrono::FixedOffset::east_opt(demo::SITE_OFFSET_SECONDS).unwrap(),
        ..ParseOptions::default()
    };
    let ingested = load(&bytes, &options);
    assert_eq!(ingested.format, Format::Scrape);
    assert!(ingested.rejected.is_empty(), "{:?}", &ingested.rejected[..ingested.rejected.len().min(3)]);
    assert!((20_000..=50_000).contains(&ingested.n_loaded()), "{}", ingested.n_loaded());
    assert!(ingested.dataset.articles.iter().all(|a| a.published_at.is_some() && a.views.is_some()));
    let (first, last) = ingested.dataset.date_span().unwrap();
    assert!((last.at - first.at).num_days() >= 700);
}
