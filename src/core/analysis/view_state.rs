//! The whole view as plain data, and its link form: filters, chosen topics, user topics,
//! measures, time zone and bucket size, written to and read from a URL query string.
//!
//! Contract: `from_query(to_query(s)) == s` for every state; unknown or malformed parameters
//! are ignored (a shared link never breaks the page). Output order is fixed.

use super::filter::Filter;
use super::frequency::Measure;
use super::topics::{TopicKind, TopicRef, UserTopic};
use super::volume::BucketWidth;
use chrono::{DateTime, SecondsFormat};

/// Everything a link reproduces.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// The filter.
    pub filter: Filter,
    /// Topic kind of the frequency chart.
    pub topic_kind: TopicKind,
    /// Its measure.
    pub measure: Measure,
    /// Topics drawn over time.
    pub chosen_topics: Vec<TopicRef>,
    /// User topics referenced by the view.
    pub user_topics: Vec<UserTopic>,
    /// Bucket width; `None` = automatic.
    pub bucket_width: Option<BucketWidth>,
    /// Time zone of calendar keys, minutes east of UTC; `None` = the site's.
    pub offset_minutes: Option<i32>,
    /// Trend lines as share of volume.
    pub as_share: bool,
    /// Heatmap colours median views instead of articles.
    pub heat_by_views: bool,
    /// Headlines sorted by views instead of time.
    pub sort_by_views: bool,
}

impl Default for ViewState {
    fn default() -> ViewState {
        ViewState {
            filter: Filter::default(),
            topic_kind: TopicKind::Keyword,
            measure: Measure::Articles,
            chosen_topics: Vec::new(),
            user_topics: Vec::new(),
            bucket_width: None,
            offset_minutes: None,
            as_share: false,
            heat_by_views: false,
            sort_by_views: false,
        }
    }
}

fn measure_name(measure: Measure) -> &'static str {
    match measure {
        Measure::Articles => "articles",
        Measure::ShareOfArticles => "share",
        Measure::TotalViews => "views",
        Measure::ShareOfViews => "view-share",
        Measure::MedianViews => "median-views",
    }
}

const MEASURES: [Measure; 5] =
    [Measure::Articles, Measure::ShareOfArticles, Measure::TotalViews, Measure::ShareOfViews, Measure::MedianViews];
const WIDTHS: [(BucketWidth, &str); 4] = [
    (BucketWidth::Hour, "hour"),
    (BucketWidth::Day, "day"),
    (BucketWidth::Week, "week"),
    (BucketWidth::Month, "month"),
];

fn time_text(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map_or_else(|| ms.to_string(), |t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

fn parse_time(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text).map(|t| t.timestamp_millis()).ok().or_else(|| text.parse().ok())
}

impl ViewState {
    /// The query string (without `?`) of this state; default values are left out.
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        let f = &self.filter;
        if !f.query.is_empty() {
            query.append_pair("q", &f.query);
        }
        if f.search_body {
            query.append_pair("body", "1");
        }
        for topic in &f.any_topics {
            query.append_pair("topic", &topic.to_string());
        }
        for topic in &f.all_topics {
            query.append_pair("all", &topic.to_string());
        }
        if let Some(from) = f.from_ms {
            query.append_pair("from", &time_text(from));
        }
        if let Some(to) = f.to_ms {
            query.append_pair("to", &time_text(to));
        }
        if let Some(min) = f.min_views {
            query.append_pair("minv", &min.to_string());
        }
        if let Some(max) = f.max_views {
            query.append_pair("maxv", &max.to_string());
        }
        for category in &f.categories {
            query.append_pair("cat", category);
        }
        if self.topic_kind != TopicKind::Keyword {
            query.append_pair("kind", self.topic_kind.name());
        }
        if self.measure != Measure::Articles {
            query.append_pair("measure", measure_name(self.measure));
        }
        for topic in &self.chosen_topics {
            query.append_pair("show", &topic.to_string());
        }
        for topic in &self.user_topics {
            query.append_pair("ut", &topic.to_compact());
        }
        if let Some(width) = self.bucket_width {
            query.append_pair("bucket", WIDTHS.iter().find(|w| w.0 == width).map_or("day", |w| w.1));
        }
        if let Some(minutes) = self.offset_minutes {
            query.append_pair("tz", &minutes.to_string());
        }
        for (flag, name) in
            [(self.as_share, "share"), (self.heat_by_views, "heatviews"), (self.sort_by_views, "byviews")]
        {
            if flag {
                query.append_pair(name, "1");
            }
        }
        query.finish()
    }

    /// The state a query string describes (leading `?` allowed).
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.as_ref();
            let f = &mut state.filter;
            match key.as_ref() {
                "q" => f.query = value.to_owned(),
                "body" => f.search_body = value == "1",
                "topic" => f.any_topics.extend(TopicRef::parse(value)),
                "all" => f.all_topics.extend(TopicRef::parse(value)),
                "from" => f.from_ms = parse_time(value),
                "to" => f.to_ms = parse_time(value),
                "minv" => f.min_views = value.parse().ok(),
                "maxv" => f.max_views = value.parse().ok(),
                "cat" => f.categories.push(value.to_owned()),
                "kind" => state.topic_kind = TopicKind::from_name(value).unwrap_or(TopicKind::Keyword),
                "measure" => {
                    state.measure = MEASURES.into_iter().find(|m| measure_name(*m) == value).unwrap_or_default()
                }
                "show" => state.chosen_topics.extend(TopicRef::parse(value)),
                "ut" => state.user_topics.extend(UserTopic::parse_compact(value)),
                "bucket" => state.bucket_width = WIDTHS.iter().find(|w| w.1 == value).map(|w| w.0),
                "tz" => state.offset_minutes = value.parse().ok().filter(|m: &i32| m.abs() <= 18 * 60),
                "share" => state.as_share = value == "1",
                "heatviews" => state.heat_by_views = value == "1",
                "byviews" => state.sort_by_views = value == "1",
                _ => {}
            }
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_round_trips_through_the_link() {
        let state = ViewState {
            filter: Filter {
                any_topics: vec![
                    TopicRef::new(TopicKind::Keyword, "ukraine"),
                    TopicRef::new(TopicKind::Phrase, "human rights"),
                ],
                all_topics: vec![TopicRef::new(TopicKind::Category, "WORLD NEWS")],
                from_ms: Some(1_709_251_200_000),
                to_ms: Some(1_719_792_000_500),
                query: "elect \"central bank\" & = ?".into(),
                search_body: true,
                min_views: Some(100),
                max_views: Some(5000),
                categories: vec!["U.S. NEWS".into(), "a&b".into()],
            },
            topic_kind: TopicKind::Phrase,
            measure: Measure::MedianViews,
            chosen_topics: vec![TopicRef::new(TopicKind::User, "Ukraine war")],
            user_topics: vec![UserTopic {
                name: "Ukraine war".into(),
                any_of: vec!["ukraine".into(), "kyiv".into()],
                none_of: vec!["football".into()],
            }],
            bucket_width: Some(BucketWidth::Week),
            offset_minutes: Some(-300),
            as_share: true,
            heat_by_views: true,
            sort_by_views: true,
        };
        let query = state.to_query();
        assert_eq!(ViewState::from_query(&query), state, "{query}");
        assert_eq!(ViewState::from_query(&format!("?{query}")), state);
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn malformed_parameters_are_ignored() {
        let state =
            ViewState::from_query("topic=bogus:x&from=yesterday&minv=-3&tz=99999&kind=nope&zzz=1&topic=keyword:ok");
        assert_eq!(state.filter.any_topics, [TopicRef::new(TopicKind::Keyword, "ok")]);
        assert_eq!((state.filter.from_ms, state.filter.min_views, state.offset_minutes), (None, None, None));
        assert_eq!(state.topic_kind, TopicKind::Keyword);
    }
}
