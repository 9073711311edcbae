//! Every chart drawn through the SVG backend from real analysis results: the expected title,
//! labels, legend entries and marks are present, and empty selections say so in words.

use crate::support::{load, root};
use headline_trends::analysis::dashboard::{DashboardData, ViewSettings, compute};
use headline_trends::analysis::filter::Filter;
use headline_trends::analysis::frequency::Measure;
use headline_trends::analysis::topics::{TopicKind, TopicRef};
use headline_trends::analysis::{Store, TokenizerKind};
use headline_trends::chart::spec::{heatmap_spec, histogram_spec, topics_spec, trend_spec, volume_spec};
use headline_trends::chart::svg::render_svg;
use headline_trends::chart::theme::Theme;
use headline_trends::demo;
use headline_trends::ingest::ParseOptions;

fn demo_store() -> Store {
    let bytes = std::fs::read(root().join(demo::DEMO_PATH)).unwrap();
    let offset = chrono::FixedOffset::east_opt(demo::SITE_OFFSET_SECONDS).unwrap();
    let options =
        ParseOptions { reference_time: Some(demo::reference_time()), site_offset: offset, ..ParseOptions::default() };
    Store::build(load(&bytes, &options).dataset, TokenizerKind::Rich, offset)
}

fn dashboard(store: &Store, filter: &Filter) -> DashboardData {
    let topics = vec![TopicRef::new(TopicKind::Keyword, "wildfire"), TopicRef::new(TopicKind::Keyword, "election")];
    compute(store, filter, &[], &ViewSettings { chosen_topics: topics, ..ViewSettings::default() })
}

/// The trimmed contents of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().to_owned()))
        .collect()
}

fn has_text(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn every_chart_renders_its_marks_labels_and_legend() {
    let store = demo_store();
    let filter = Filter { any_topics: vec![TopicRef::new(TopicKind::Keyword, "election")], ..Filter::default() };
    let data = dashboard(&store, &filter);
    let theme = Theme::LIGHT;

    let volume = render_svg(&volume_spec(&data, &filter, demo::SITE_OFFSET_SECONDS), (900, 320), &theme).unwrap();
    assert!(volume.contains("Publication volume"));
    assert!(count(&volume, "<rect") > 50, "one rect per bucket");
    assert!(volume.contains("2023") && volume.contains("2024"), "date labels on the x axis");

    let topics = topics_spec(&data, &filter, Measure::Articles, "views");
    assert_eq!(topics.bars.len(), 20);
    assert!(topics.bars.iter().any(|b| b.label == "election" && b.is_selected), "the filtered topic is highlighted");
    let svg = render_svg(&topics, (600, 520), &theme).unwrap();
    if let Ok(dir) = std::env::var("HT_DUMP_SVG") {
        std::fs::write(format!("{dir}/topics.svg"), &svg).unwrap();
        std::fs::write(format!("{dir}/volume.svg"), &volume).unwrap();
    }
    assert!(svg.contains("Topic frequency") && has_text(&svg, "election") && svg.contains("articles"));
    let orange = format!("fill=\"#{:02X}{:02X}{:02X}\"", theme.selected.0, theme.selected.1, theme.selected.2);
    assert_eq!(count(&svg, &orange), 1, "exactly one selected bar");

    let unfiltered = dashboard(&store, &Filter::default());
    let trend = trend_spec(&store, &unfiltered, false);
    let svg = render_svg(&trend, (900, 360), &theme).unwrap();
    if let Ok(dir) = std::env::var("HT_DUMP_SVG") {
        std::fs::write(format!("{dir}/trend.svg"), &svg).unwrap();
    }
    assert!(
        svg.contains("Topics over time") && has_text(&svg, "wildfire") && has_text(&svg, "election"),
        "legend entries"
    );
    assert!(count(&svg, "<polyline") >= 2, "one line per topic");
    assert!(!trend.markers.is_empty(), "the demo's bursts are found");
    assert!(count(&svg, "<circle") >= trend.markers.len());

    let svg = render_svg(&histogram_spec(&data, "views"), (600, 320), &theme).unwrap();
    assert!(svg.contains("Views per article") && svg.contains("articles"));

    let heat = heatmap_spec(&data, false, "views");
    assert_eq!(heat.cells.len(), 168);
    let svg = render_svg(&heat, (700, 300), &theme).unwrap();
    assert!(has_text(&svg, "Mon") && has_text(&svg, "Sun") && has_text(&svg, "21"));
    assert!(count(&svg, "<rect") >= 168);
}

#[test]
fn the_topic_chart_says_when_its_phrases_or_names_are_being_found() {
    use headline_trends::chart::spec::topics_being_found_spec;
    let svg = render_svg(&topics_being_found_spec(TopicKind::Phrase, 1_000_000), (500, 300), &Theme::LIGHT).unwrap();
    assert!(has_text(&svg, "Finding phrases in 1.0M headlines…"), "{svg}");
    assert!(!svg.contains("No topics"), "not an empty selection");
    let svg = render_svg(&topics_being_found_spec(TopicKind::Name, 8_591), (500, 300), &Theme::DARK).unwrap();
    assert!(has_text(&svg, "Finding names in 8.6K headlines…"), "{svg}");
}

#[test]
fn empty_selections_say_so_instead_of_drawing_empty_axes() {
    let store = demo_store();
    let filter = Filter { query: "zzzznothing".into(), ..Filter::default() };
    let data = dashboard(&store, &filter);
    assert!(data.selection.is_empty());
    let theme = Theme::DARK;
    let svg = render_svg(&topics_spec(&data, &filter, Measure::Articles, "views"), (500, 300), &theme).unwrap();
    assert!(svg.contains("No topics in this selection."), "{svg}");
    let svg = render_svg(&heatmap_spec(&data, true, "views"), (500, 300), &theme).unwrap();
    assert!(svg.contains("No articles with a time of day"), "{svg}");
    let svg = render_svg(&histogram_spec(&data, "views"), (500, 300), &theme).unwrap();
    assert!(svg.contains("No articles with view counts"));
}

#[test]
fn headline_text_in_svg_is_escaped() {
    use headline_trends::chart::spec::{Bar, BarsSpec};
    let spec = BarsSpec {
        title: "Topic frequency".into(),
        value_label: "articles".into(),
        bars: vec![Bar {
            label: "<img src=x onerror=alert(1)> & \"q\"".into(),
            value: 3.0,
            value_text: "3".into(),
            is_selected: false,
            topic: TopicRef::new(TopicKind::Keyword, "x"),
        }],
        empty_note: String::new(),
    };
    let svg = render_svg(&spec, (500, 200), &Theme::LIGHT).unwrap();
    assert!(!svg.contains("<img"), "{svg}");
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt; &amp;"));
}

#[test]
fn many_volume_bars_are_one_skyline() {
    use headline_trends::analysis::volume::BucketWidth;
    use headline_trends::chart::spec::{VolumeBar, VolumeSpec};
    let bar = |day: u32| VolumeBar { start_day: f64::from(day), end_day: f64::from(day + 1), n_articles: 10 + day % 7 };
    let spec = |n: u32| VolumeSpec {
        title: "Publication volume".into(),
        width: BucketWidth::Day,
        bars: (19_000..19_000 + n).map(bar).collect(),
        brush_days: None,
    };
    let count = |svg: &str, needle: &str| svg.matches(needle).count();
    let many = render_svg(&spec(400), (900, 320), &Theme::LIGHT).unwrap();
    assert_eq!(count(&many, "<polygon"), 1, "one outline for 400 bars");
    let polygon = &many[many.find("<polygon").unwrap()..];
    let points = &polygon[polygon.find("points=\"").unwrap() + 8..];
    let n_points = points[..points.find('"').unwrap()].split_whitespace().count();
    assert_eq!(n_points, 4 * 400, "four corners a bar");
    let few = render_svg(&spec(60), (900, 320), &Theme::LIGHT).unwrap();
    assert_eq!(count(&few, "<polygon"), 0);
    assert!(count(&few, "<rect") >= 60, "separate bars with gaps when there are few");
}

#[test]
fn charts_call_the_views_what_the_column_counts() {
    use headline_trends::analysis::read_store;
    let csv = b"title,created_at,num_points\nShow HN: a tiny parser,2024-03-01 09:00,12\nAsk HN: tooling,2024-03-02 10:00,40\n";
    let (_, store) = read_store(csv, &ParseOptions::default(), TokenizerKind::Rich).unwrap();
    assert_eq!(store.views_noun, "points");
    let data = dashboard(&store, &Filter::default());
    let noun = &store.views_noun;
    assert_eq!(histogram_spec(&data, noun).title, "Points per article (log bins)");
    assert_eq!(heatmap_spec(&data, true, noun).value_label, "median points");
    assert_eq!(topics_spec(&data, &Filter::default(), Measure::MedianViews, noun).value_label, "median points");
    assert_eq!(topics_spec(&data, &Filter::default(), Measure::Articles, noun).value_label, "articles");
    let svg = render_svg(&histogram_spec(&data, noun), (500, 300), &Theme::LIGHT).unwrap();
    assert!(has_text(&svg, "Points per article (log bins)"), "{svg}");
    // A views column, and a store built without a load report, say "views".
    let (_, views) =
        read_store(b"title,date,views\nA,2024-03-01,5\n", &ParseOptions::default(), TokenizerKind::Rich).unwrap();
    assert_eq!((views.views_noun.as_str(), demo_store().views_noun.as_str()), ("views", "views"));
}

/// `(x, text)` of every text centred on its x (`text-anchor="middle"`) whose text passes `keep`.
fn centred_texts(svg: &str, keep: impl Fn(&str) -> bool) -> Vec<(f64, String)> {
    svg.split("<text")
        .skip(1)
        .filter(|t| t.contains("text-anchor=\"middle\""))
        .map(|t| {
            let x = t.split("x=\"").nth(1).and_then(|r| r.split('"').next()).unwrap().parse().unwrap();
            (x, t.split('>').nth(1).unwrap_or_default().trim().trim_end_matches("</text").trim().to_owned())
        })
        .filter(|(_, text)| keep(text))
        .collect()
}

#[test]
fn date_labels_never_stick_out_past_the_right_edge() {
    use headline_trends::analysis::volume::BucketWidth;
    use headline_trends::chart::spec::{TrendLine, TrendSpec, VolumeBar, VolumeSpec};
    // Days 6,000 – 6,251 (June 1986 – February 1987): ticks every 50 days, one at 6,250, which
    // is the right end of both charts' axes.
    let weeks = (6_000..6_251_u32).step_by(7);
    let trend = TrendSpec {
        title: "Topics over time".into(),
        y_label: "articles".into(),
        width: BucketWidth::Week,
        lines: vec![TrendLine {
            label: "oil".into(),
            points: weeks.clone().map(|d| (f64::from(d + 5), 10.0)).collect(),
        }],
        markers: Vec::new(),
    };
    let bars = weeks.map(|d| VolumeBar { start_day: f64::from(d), end_day: f64::from(d + 7), n_articles: 9 }).collect();
    let volume = VolumeSpec { title: "Publication volume".into(), width: BucketWidth::Week, bars, brush_days: None };
    for width in [600, 900, 1400] {
        let trend_svg = render_svg(&trend, (width, 300), &Theme::LIGHT).unwrap();
        let volume_svg = render_svg(&volume, (width, 300), &Theme::LIGHT).unwrap();
        for svg in [trend_svg, volume_svg] {
            let dates = centred_texts(&svg, |t| t.ends_with(" 1986") || t.ends_with(" 1987"));
            assert!(dates.len() >= 3, "{width} px: {dates:?}");
            for (x, text) in dates {
                // 6.5 px a character is wider than the small font's glyphs: a safe bound.
                let half_width = text.chars().count() as f64 * 6.5 / 2.0 * 0.8;
                assert!(x + half_width <= f64::from(width), "{width} px: {text:?} centred at {x} sticks out");
            }
        }
    }
}

#[test]
fn histogram_bin_labels_never_overlap_however_narrow_the_chart() {
    use headline_trends::chart::spec::{HistogramBin, HistogramSpec};
    let spec = HistogramSpec {
        title: "Views per article (log bins)".into(),
        bins: (0..20).map(|bin| HistogramBin { bin, n_articles: 10 + bin }).collect(),
    };
    for width in [320, 500, 900, 1400] {
        let svg = render_svg(&spec, (width, 300), &Theme::LIGHT).unwrap();
        // The bin labels are the centred texts under the axis: "3–6", "1.0K–2.0K", …
        let xs = centred_texts(&svg, |t| t.contains('–'));
        assert!(xs.len() >= 2, "{width} px: {xs:?}");
        for pair in xs.windows(2) {
            // 6.5 px a character is wider than the small font's glyphs: a safe lower bound.
            let half_widths = (pair[0].1.chars().count() + pair[1].1.chars().count()) as f64 * 6.5 / 2.0 * 0.8;
            assert!(pair[1].0 - pair[0].0 > half_widths, "{width} px: {pair:?} overlap");
        }
    }
}

/// Burst labels stay inside the chart (a peak at its right end is labelled on its left, anchored
/// at the label's right end) and two peaks side by side keep only the taller one's label.
#[test]
fn burst_labels_stay_inside_the_chart_and_never_overlap() {
    use headline_trends::analysis::volume::BucketWidth;
    use headline_trends::chart::spec::{Marker, TrendLine, TrendSpec};
    let days = 19_000..19_100_u32;
    let peak = |day: u32| match day {
        19_040 => 19.0,
        19_041 => 20.0,
        19_099 => 22.0,
        _ => 5.0,
    };
    let marker = |day: u32, text: &str| Marker { x: f64::from(day), y: peak(day), line_index: 0, text: text.into() };
    let trend = TrendSpec {
        title: "Topics over time".into(),
        y_label: "articles".into(),
        width: BucketWidth::Day,
        lines: vec![TrendLine {
            label: "party".into(),
            points: days.clone().map(|d| (f64::from(d), peak(d))).collect(),
        }],
        markers: vec![
            marker(19_040, "Ruling party announces coalition deal"),
            marker(19_041, "Ruling party defends early election date"),
            marker(19_099, "Ruling party wins the late vote"),
        ],
    };
    for width in [500, 900, 1400] {
        let svg = render_svg(&trend, (width, 300), &Theme::LIGHT).unwrap();
        let texts: Vec<&str> = svg.split("<text").skip(1).collect();
        let label_of = |start: &str| texts.iter().find(|t| t.contains(start)).copied();
        assert!(label_of("Ruling party announces").is_none(), "{width} px: the lower neighbour's label is left out");
        assert!(label_of("Ruling party defends").is_some(), "{width} px");
        let last = label_of("Ruling party wins").unwrap_or_else(|| panic!("{width} px: the last peak is labelled"));
        assert!(last.contains("text-anchor=\"end\""), "{width} px: {last}");
        let x: f64 = last.split("x=\"").nth(1).and_then(|r| r.split('"').next()).unwrap().parse().unwrap();
        assert!(x < f64::from(width) - 4.0, "{width} px: the label ends at {x}");
    }
}

/// With no topic chosen, the chart draws the top rising topics and its title says so.
#[test]
fn suggested_lines_are_titled_as_the_top_rising_topics() {
    let store = demo_store();
    let data = compute(&store, &Filter::default(), &[], &ViewSettings::default());
    assert!(data.series_are_suggested);
    let svg = render_svg(&trend_spec(&store, &data, false), (900, 360), &Theme::LIGHT).unwrap();
    assert!(svg.contains("Top rising topics over time"));
    for series in &data.series {
        assert!(has_text(&svg, &series.topic.key), "legend entry {}", series.topic.key);
    }
}
