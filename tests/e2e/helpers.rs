//! Small page helpers shared by the WebDriver tests.

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use std::time::Duration;

/// The text of the first element matching `css`.
pub async fn text(client: &Client, css: &str) -> String {
    client.find(Locator::Css(css)).await.unwrap().text().await.unwrap()
}

/// Polls (up to 30 s) until the text of `css` satisfies `pred`, and returns it.
pub async fn wait_for_text(client: &Client, css: &str, pred: impl Fn(&str) -> bool) -> String {
    let mut last_seen = None;
    for _ in 0..600 {
        if let Ok(element) = client.find(Locator::Css(css)).await
            && let Ok(t) = element.text().await
        {
            if pred(&t) {
                return t;
            }
            last_seen = Some(t);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let error = match client.find(Locator::Css("[data-testid='load-error']")).await {
        Ok(element) => element.text().await.ok(),
        Err(_) => None,
    };
    panic!("{css} never matched; its last text {last_seen:?}, the page's load error {error:?}");
}

/// Scrolls `element` to the middle of the viewport (pointer actions need it on screen).
pub async fn scroll_into_view(client: &Client, element: &Element) {
    let element = serde_json::to_value(element).unwrap();
    client.execute("arguments[0].scrollIntoView({block: 'center'})", vec![element]).await.unwrap();
}

/// Waits (up to `seconds`) until an element matches `css`, and returns it.
pub async fn wait_for(client: &Client, css: &str, seconds: u64) -> Element {
    client.wait().at_most(Duration::from_secs(seconds)).for_element(Locator::Css(css)).await.unwrap()
}

/// Waits until every chart has been drawn at least once (the timing chart is drawn last).
pub async fn wait_for_charts(client: &Client, seconds: u64) {
    wait_for(client, "[data-testid='chart-timing'][data-rendered]", seconds).await;
}

/// Picks `value` in the `<select>` with `data-testid="{testid}"`, as a user choosing it would
/// (the page listens for `change`).
pub async fn choose(client: &Client, testid: &str, value: &str) {
    let script = "const s = document.querySelector(`[data-testid='${arguments[0]}']`); s.value = arguments[1]; \
                  s.dispatchEvent(new Event('change'));";
    client.execute(script, vec![testid.into(), value.into()]).await.unwrap();
}
