//! Plain data shared by every layer: articles, their publication time, source line numbers.
//!
//! Contract: these types hold validated values only (see `ingest` for the raw side). They depend
//! on `serde` and `chrono` and nothing else; no parsing, no formatting for display.

mod article;
pub mod date_text;
mod line_no;
mod published;

pub use article::{Article, ArticleRef, Dataset, Outline};
pub use line_no::LineNo;
pub use published::Published;

/// `url` if it is an absolute `http` or `https` link, the only kinds the page turns into links
/// (no `javascript:`, `data:` or relative URLs).
pub fn safe_http_url(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    let has_host = |rest: &str| rest.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '[');
    let ok = (lower.starts_with("https://") && has_host(&trimmed[8..]))
        || (lower.starts_with("http://") && has_host(&trimmed[7..]));
    (ok && !trimmed.chars().any(|c| c.is_control() || c == ' ')).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::safe_http_url;

    #[test]
    fn only_absolute_http_links_pass() {
        assert_eq!(safe_http_url("https://example.com/a?b=1"), Some("https://example.com/a?b=1"));
        assert_eq!(safe_http_url(" HTTP://Example.com "), Some("HTTP://Example.com"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>",
            "//evil.com",
            "/relative",
            "https://",
            "http:// space.com",
            "ftp://x.org",
            "",
        ] {
            assert_eq!(safe_http_url(bad), None, "{bad}");
        }
    }
}
