//! What a "topic" is: a keyword, a phrase, a name, a category or a user-defined rule, and how
//! each is written in a link (`keyword:ukraine`, `phrase:human rights`, `user:Ukraine war`).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    /// One word token.
    Keyword,
    /// A frequent two- or three-word sequence.
    Phrase,
    /// A run of capitalised words (`Svetlana Tikhanovskaya`).
    Name,
    /// The dataset's category field.
    Category,
    /// A user's named rule.
    User,
}

impl TopicKind {
    /// Every kind, in display order.
    pub const ALL: [TopicKind; 5] =
        [TopicKind::Keyword, TopicKind::Phrase, TopicKind::Name, TopicKind::Category, TopicKind::User];

    /// The lower-case name used in links.
    pub fn name(self) -> &'static str {
        match self {
            TopicKind::Keyword => "keyword",
            TopicKind::Phrase => "phrase",
            TopicKind::Name => "name",
            TopicKind::Category => "category",
            TopicKind::User => "user",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<TopicKind> {
        TopicKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One topic, by kind and key (a token, a phrase's tokens joined by spaces, a category, or a
/// user topic's name). Ordered by kind, then key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TopicRef {
    /// The kind.
    pub kind: TopicKind,
    /// The key within the kind.
    pub key: String,
}

impl TopicRef {
    /// A topic of `kind` with `key`.
    pub fn new(kind: TopicKind, key: impl Into<String>) -> TopicRef {
        TopicRef { kind, key: key.into() }
    }

    /// Parses `kind:key` (a bare key is a keyword).
    pub fn parse(text: &str) -> Option<TopicRef> {
        match text.split_once(':') {
            Some((kind, key)) if !key.is_empty() => TopicKind::from_name(kind).map(|kind| TopicRef::new(kind, key)),
            Some(_) => None,
            None if !text.is_empty() => Some(TopicRef::new(TopicKind::Keyword, text)),
            None => None,
        }
    }
}

impl fmt::Display for TopicRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.name(), self.key)
    }
}

/// A user topic: articles with any of `any_of` (words or phrases) and none of `none_of`.
/// Serializable so the UI can keep it in localStorage and in a link.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct UserTopic {
    /// The topic's name (`Ukraine war`).
    pub name: String,
    /// Words or phrases, any of which puts an article in the topic.
    pub any_of: Vec<String>,
    /// Words or phrases that keep an article out.
    #[serde(default)]
    pub none_of: Vec<String>,
}

impl UserTopic {
    /// Parses the compact form `name=word|word two|-excluded` used in links.
    pub fn parse_compact(text: &str) -> Option<UserTopic> {
        let (name, rule) = text.split_once('=')?;
        let mut topic = UserTopic { name: name.trim().to_owned(), any_of: Vec::new(), none_of: Vec::new() };
        for term in rule.split('|').map(str::trim).filter(|t| !t.is_empty()) {
            match term.strip_prefix('-') {
                Some(excluded) => topic.none_of.push(excluded.trim().to_owned()),
                None => topic.any_of.push(term.to_owned()),
            }
        }
        (!topic.name.is_empty() && !topic.any_of.is_empty()).then_some(topic)
    }

    /// The compact form (see `parse_compact`).
    pub fn to_compact(&self) -> String {
        let terms: Vec<String> =
            self.any_of.iter().cloned().chain(self.none_of.iter().map(|t| format!("-{t}"))).collect();
        format!("{}={}", self.name, terms.join("|"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_round_trip_through_text() {
        for text in [
            "keyword:ukraine",
            "phrase:human rights",
            "category:WORLD NEWS",
            "user:Ukraine war",
            "name:human rights council",
        ] {
            assert_eq!(TopicRef::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(TopicRef::parse("ukraine"), Some(TopicRef::new(TopicKind::Keyword, "ukraine")));
        assert_eq!(TopicRef::parse("bogus:x"), None);
        assert_eq!(TopicRef::parse("keyword:"), None);
        let topic = UserTopic::parse_compact("Ukraine war=ukraine|zelensky|kyiv|-football").unwrap();
        assert_eq!(topic.any_of, ["ukraine", "zelensky", "kyiv"]);
        assert_eq!(topic.none_of, ["football"]);
        assert_eq!(UserTopic::parse_compact(&topic.to_compact()), Some(topic));
        assert_eq!(UserTopic::parse_compact("empty="), None);
    }
}
