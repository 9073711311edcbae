//! The dashboard as a user drives it: clicking a topic bar filters every panel, dragging on the
//! volume chart sets the date range, the URL reproduces the view (and back/forward work), and
//! markup in headlines stays text.

use crate::browser::{Driver, open_session, start_driver};
use crate::helpers::{choose, scroll_into_view, text, wait_for, wait_for_charts, wait_for_text};
use crate::page::dist;
use crate::server::{StaticServer, serve};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, Locator};
use std::time::Duration;

const PANELS: [&str; 7] = [
    "panel-volume",
    "panel-topics",
    "panel-topic-trends",
    "panel-views",
    "panel-timing",
    "panel-rising",
    "panel-headlines",
];

/// A browser on the demo dashboard at `query` (after the page's `/`), its charts drawn; the
/// server and driver are returned to keep them alive.
async fn dashboard_at(query: &str) -> (StaticServer, Driver, Client) {
    let server = serve(dist());
    let driver = start_driver().await;
    let client = open_session(&driver, 1400, 1000).await;
    client.goto(&format!("{}/{query}", server.base_url)).await.unwrap();
    wait_for_charts(&client, 40).await;
    (server, driver, client)
}

async fn selection_count(client: &Client) -> usize {
    text(client, "[data-testid='selection-count']").await.trim().parse().unwrap()
}

/// `(left, top, right, bottom)` of a chart's plotting area, relative to the canvas centre.
async fn plot_area(client: &Client, canvas_css: &str) -> (f64, f64, f64, f64) {
    let canvas = client.find(Locator::Css(canvas_css)).await.unwrap();
    scroll_into_view(client, &canvas).await;
    let (_, _, width, height) = canvas.rectangle().await.unwrap();
    let plot = canvas.attr("data-plot").await.unwrap().unwrap();
    let v: Vec<f64> = plot.split(' ').map(|p| p.parse().unwrap()).collect();
    (v[0] - width / 2.0, v[1] - height / 2.0, v[2] - width / 2.0, v[3] - height / 2.0)
}

async fn pointer(client: &Client, canvas_css: &str, path: &[(f64, f64)]) {
    let canvas = client.find(Locator::Css(canvas_css)).await.unwrap();
    let mut actions = MouseActions::new("mouse".to_owned());
    let (x0, y0) = path[0];
    actions = actions.then(PointerAction::MoveToElement { element: canvas.clone(), duration: None, x: x0, y: y0 });
    actions = actions.then(PointerAction::Down { button: 0 });
    for &(x, y) in &path[1..] {
        actions = actions.then(PointerAction::MoveToElement {
            element: canvas.clone(),
            duration: Some(Duration::from_millis(50)),
            x,
            y,
        });
    }
    actions = actions.then(PointerAction::Up { button: 0 });
    client.perform_actions(actions).await.unwrap();
}

/// Polls (up to 30 s, as `wait_for_text`: a loaded CI machine is slow) until the selection
/// count satisfies `pred`; returns the last count seen either way.
async fn wait_until_count(client: &Client, pred: impl Fn(usize) -> bool) -> usize {
    for _ in 0..600 {
        let n = selection_count(client).await;
        if pred(n) {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    selection_count(client).await
}

#[tokio::test(flavor = "multi_thread")]
async fn clicking_a_topic_bar_filters_every_panel_and_the_url_reproduces_it() {
    let (_server, driver, client) = dashboard_at("").await;
    for panel in PANELS {
        client
            .find(Locator::Css(&format!("[data-testid='{panel}']")))
            .await
            .unwrap_or_else(|_| panic!("{panel} is on the page"));
    }
    let total = selection_count(&client).await;
    assert!(total > 20_000, "{total}");

    // The first (largest) bar of the topic chart.
    let (left, top, _, bottom) = plot_area(&client, "[data-testid='chart-topics']").await;
    let n_bars = 20.0;
    let first_bar_y = top + (bottom - top) / n_bars * 0.5;
    pointer(&client, "[data-testid='chart-topics']", &[(left + 6.0, first_bar_y)]).await;
    let filtered = wait_until_count(&client, |n| n < total).await;
    assert!(filtered < total && filtered > 0, "{filtered} of {total}");
    let chips = text(&client, "[data-testid='filter-bar'] .chips").await;
    let topic =
        chips.lines().next().unwrap_or_default().trim_start_matches("topic: ").trim_end_matches('×').trim().to_owned();
    assert!(chips.contains("topic:"), "{chips}");
    // Other panels follow: every listed headline contains the topic word.
    let headlines = text(&client, "[data-testid='panel-headlines'] .headline-list").await.to_lowercase();
    assert!(headlines.contains(&topic), "{topic} in {headlines}");
    // The topic chart itself is not emptied by its own filter (cross-filtering).
    let bars = client.find(Locator::Css("[data-testid='chart-topics']")).await.unwrap();
    assert!(bars.attr("data-plot").await.unwrap().is_some());

    // The URL reproduces the view in a fresh page (it is written just after the panels).
    let mut url = client.current_url().await.unwrap();
    for _ in 0..40 {
        if url.query().unwrap_or_default().contains("topic=keyword") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        url = client.current_url().await.unwrap();
    }
    assert!(url.query().unwrap_or_default().contains("topic=keyword"), "{url}");
    let other = open_session(&driver, 1400, 1000).await;
    other.goto(url.as_str()).await.unwrap();
    wait_for_charts(&other, 40).await;
    assert_eq!(selection_count(&other).await, filtered);
    other.close().await.unwrap();

    // Back returns to the unfiltered view.
    client.back().await.unwrap();
    assert_eq!(wait_until_count(&client, |n| n == total).await, total);
    client.forward().await.unwrap();
    assert_eq!(wait_until_count(&client, |n| n == filtered).await, filtered);
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn dragging_on_the_volume_chart_sets_the_date_range() {
    let (_server, _driver, client) = dashboard_at("").await;
    let total = selection_count(&client).await;
    let (left, top, right, bottom) = plot_area(&client, "[data-testid='chart-volume']").await;
    let y = (top + bottom) / 2.0;
    let (a, b) = (left + (right - left) * 0.3, left + (right - left) * 0.5);
    pointer(&client, "[data-testid='chart-volume']", &[(a, y), ((a + b) / 2.0, y), (b, y)]).await;
    let selected = wait_until_count(&client, |n| n < total).await;
    let share = selected as f64 / total as f64;
    assert!((0.12..0.28).contains(&share), "about a fifth of two years: {selected} of {total}");
    let from = client
        .find(Locator::Css("[data-testid='date-from']"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    let to = client
        .find(Locator::Css("[data-testid='date-to']"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(from.starts_with("2023-") || from.starts_with("2024-"), "{from}");
    assert!(to > from, "{from} .. {to}");
    assert!(text(&client, "[data-testid='filter-bar'] .chips").await.contains("dates:"));
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_headlines_is_shown_as_text() {
    let server = serve(dist());
    let driver = start_driver().await;
    let client = open_session(&driver, 1400, 1000).await;
    client.goto(&format!("{}/?data=/fixtures/xss_headlines.csv", server.base_url)).await.unwrap();
    wait_for(&client, "[data-testid='selection-count']", 30).await;
    assert_eq!(selection_count(&client).await, 3);
    let headlines = text(&client, "[data-testid='panel-headlines'] .headline-list").await;
    assert!(headlines.contains("<img src=x onerror=window.__pwned=1>"), "{headlines}");
    assert!(headlines.contains("<script>window.__pwned=3</script> second"), "{headlines}");
    let images = client.find_all(Locator::Css("[data-testid='panel-headlines'] img")).await.unwrap();
    assert!(images.is_empty());
    let pwned = client.execute("return window.__pwned === undefined", vec![]).await.unwrap();
    assert_eq!(pwned, serde_json::Value::Bool(true));
    // Only the http(s) link became a link.
    let links = client.find_all(Locator::Css("[data-testid='panel-headlines'] a")).await.unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].attr("href").await.unwrap().as_deref(), Some("https://example.com/ok"));
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_reaches_heatmap_cells_and_bursts() {
    const RIGHT: &str = "\u{E014}";
    const DOWN: &str = "\u{E015}";
    const END: &str = "\u{E010}";
    const ENTER: &str = "\u{E007}";
    let (_server, _driver, client) = dashboard_at("?show=keyword:wildfire").await;
    let heatmap = client.find(Locator::Css("[data-testid='chart-timing']")).await.unwrap();
    scroll_into_view(&client, &heatmap).await;
    // The first arrow focuses Monday 00:00; two more steps right and one down: Tuesday 02:00.
    heatmap.send_keys(&[RIGHT, RIGHT, RIGHT, DOWN].concat()).await.unwrap();
    let tip = text(&client, "[data-testid='panel-timing'] .chart-tooltip").await;
    assert!(tip.starts_with("Tue 02:00–02:59:"), "{tip}");
    client.find(Locator::Css("[data-testid='chart-timing-focus']")).await.unwrap();
    // For looking at: the focus ring and the tooltip of the focused cell.
    let shot = client.screenshot().await.unwrap();
    std::fs::write(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("keyboard-heatmap.png"), shot).unwrap();
    heatmap.send_keys(ENTER).await.unwrap();
    let drill = text(&client, "[data-testid='drill']").await;
    assert!(drill.contains("Tue 02:00"), "{drill}");
    // The last burst marker of the topics-over-time chart, then its headlines.
    let trends = client.find(Locator::Css("[data-testid='chart-trends']")).await.unwrap();
    scroll_into_view(&client, &trends).await;
    trends.send_keys(END).await.unwrap();
    let tip = text(&client, "[data-testid='panel-topic-trends'] .chart-tooltip").await;
    assert!(tip.contains("wildfire:"), "{tip}");
    trends.send_keys(ENTER).await.unwrap();
    let drill = text(&client, "[data-testid='drill']").await;
    assert!(drill.contains("burst of “wildfire”"), "{drill}");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_topic_list_for_the_keyboard_filters_like_a_bar() {
    let (_server, _driver, client) = dashboard_at("").await;
    let total = selection_count(&client).await;
    // The list is built when its disclosure opens (closed, it is not rebuilt on every change).
    let list = "[data-testid='panel-topics'] details.data-list";
    assert!(client.find_all(Locator::Css(&format!("{list} li"))).await.unwrap().is_empty());
    let summary = client.find(Locator::Css(&format!("{list} summary"))).await.unwrap();
    scroll_into_view(&client, &summary).await;
    summary.click().await.unwrap();
    let first = wait_for(&client, &format!("{list} li button"), 10).await;
    assert_eq!(client.find_all(Locator::Css(&format!("{list} li button"))).await.unwrap().len(), 20);
    let label = first.text().await.unwrap();
    let topic = label.split(" — ").next().unwrap_or_default().to_owned();
    first.send_keys(&fantoccini::key::Key::Enter.to_string()).await.unwrap();
    let filtered = wait_until_count(&client, |n| n < total).await;
    assert!(filtered > 0, "{filtered} of {total}");
    assert!(text(&client, "[data-testid='filter-bar'] .chips").await.contains(&topic), "chip for {topic}");
    let pressed = wait_for(&client, &format!("{list} li button[aria-pressed='true']"), 10).await;
    assert!(pressed.text().await.unwrap().starts_with(&topic));
    client.close().await.unwrap();
}

/// The labels in the topic panel's keyboard list (built while open), once `accept` takes them.
async fn listed_topics(client: &Client, accept: impl Fn(&[String]) -> bool) -> Vec<String> {
    let buttons = "[data-testid='panel-topics'] details.data-list li button";
    let mut labels = Vec::new();
    for _ in 0..600 {
        labels.clear();
        for button in client.find_all(Locator::Css(buttons)).await.unwrap() {
            // A list rebuilt meanwhile: read it again.
            let Ok(label) = button.text().await else { break };
            labels.push(label.split(" — ").next().unwrap_or_default().to_owned());
        }
        if !labels.is_empty() && accept(&labels) {
            return labels;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the topic list never held the topics expected; last {labels:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn phrases_and_names_are_found_when_shown_and_listed() {
    // Phrases are found after the dashboard is up (in slices that yield to the browser), then
    // the topic chart shows them.
    let (_server, _driver, client) = dashboard_at("?kind=phrase").await;
    let summary = client.find(Locator::Css("[data-testid='panel-topics'] details.data-list summary")).await.unwrap();
    scroll_into_view(&client, &summary).await;
    summary.click().await.unwrap();
    let is_phrase = |p: &String| p.contains(' ') && *p == p.to_lowercase();
    let phrases = listed_topics(&client, |l| l.len() == 20 && l.iter().all(is_phrase)).await;
    assert!(phrases.iter().any(|p| p.split(' ').count() == 3), "trigrams too: {phrases:?}");
    // Switched to names with the control: runs of capitalised words, as written.
    choose(&client, "topic-kind", "name").await;
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let is_name = |n: &String| n.contains(' ') && n.split(' ').all(capitalised);
    let names = listed_topics(&client, |l| l.iter().all(is_name)).await;
    assert!(names.iter().any(|n| n == "Prime Minister Daniel Reyes"), "{names:?}");
    assert!(client.current_url().await.unwrap().as_str().contains("kind=name"));
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn another_time_zone_moves_the_best_publishing_slot() {
    // The demo's site time is UTC+3; at UTC+9 every hour of the week grid moves six hours on.
    let (_server, _driver, client) = dashboard_at("").await;
    let before = text(&client, "[data-testid='best-slot']").await;
    choose(&client, "time-zone", "540").await;
    let after = wait_for_text(&client, "[data-testid='best-slot']", |t| t != before).await;
    // "Best slot: Mon 18:00 — median …": the hour before ":00".
    let hour = |t: &str| t.split(":00").next().and_then(|h| h.rsplit(' ').next()).and_then(|h| h.parse::<u32>().ok());
    let (Some(h0), Some(h1)) = (hour(&before), hour(&after)) else { panic!("hours in {before:?} and {after:?}") };
    assert_eq!((h0 + 6) % 24, h1, "{before} → {after}");
    assert!(client.current_url().await.unwrap().as_str().contains("tz=540"));
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn rising_topics_are_drawn_over_time_from_the_list_or_the_suggestions() {
    let (_server, _driver, client) = dashboard_at("").await;
    let rising: Vec<String> = {
        let items = client.find_all(Locator::Css("[data-testid='panel-rising'] .rising-list li strong")).await.unwrap();
        let mut words = Vec::new();
        for item in items.iter().take(3) {
            words.push(item.text().await.unwrap());
        }
        words
    };
    // With no topic chosen, the chart draws the top three rising topics (once the page, idle,
    // has listed each word's rows) and offers them to choose.
    let offered =
        wait_for_text(&client, "[data-testid='trend-suggestions']", |t| t.starts_with("Showing the top rising")).await;
    assert_eq!(
        offered.split_whitespace().collect::<Vec<_>>(),
        [
            "Showing the top rising topics until you pick one:".split(' ').collect(),
            rising.iter().map(String::as_str).collect::<Vec<_>>()
        ]
        .concat()
    );
    let canvas = client.find(Locator::Css("[data-testid='chart-trends']")).await.unwrap();
    let label = canvas.attr("aria-label").await.unwrap().unwrap_or_default();
    let keywords = rising.iter().map(|w| format!("keyword:{w}")).collect::<Vec<_>>().join(", ");
    assert_eq!(label, format!("Top rising topics over time, until you choose: {keywords}"));
    let first = client.find(Locator::Css("[data-testid='trend-suggestions'] button")).await.unwrap();
    scroll_into_view(&client, &first).await;
    first.click().await.unwrap();
    let chips = "[data-testid='panel-topic-trends'] .chips";
    let drawn = wait_for_text(&client, chips, |t| !t.is_empty()).await;
    assert!(drawn.contains(&format!("keyword:{}", rising[0])), "{drawn}");
    assert!(client.find_all(Locator::Css("[data-testid='trend-suggestions']")).await.unwrap().is_empty());
    let label = canvas.attr("aria-label").await.unwrap().unwrap_or_default();
    assert_eq!(label, format!("Chosen topics over time with bursts marked: keyword:{}", rising[0]));
    // A rising topic clicked in its own panel is drawn too.
    let second =
        client.find(Locator::Css("[data-testid='panel-rising'] .rising-list li:nth-child(2) button")).await.unwrap();
    scroll_into_view(&client, &second).await;
    second.click().await.unwrap();
    let drawn = wait_for_text(&client, chips, |t| t.contains(&format!("keyword:{}", rising[1]))).await;
    assert!(drawn.contains(&format!("keyword:{}", rising[0])), "{drawn}");
    client.close().await.unwrap();
}
