//! RSS 2.0 and Atom feeds, one feed or many saved feeds concatenated, and the Reuters-21578
//! collection's SGML files: each `<item>`, `<entry>` or `<REUTERS>` is one record, starting at
//! its line.
//!
//! Roles: title; `pubDate` / `published` / `updated` / `dc:date` / `DATE`; `category` (RSS
//! text, Atom `term`, the first `<D>` of Reuters' `TOPICS`); `link` (RSS text, Atom `href` of
//! the alternate link); `description` / `summary` / `content` / `BODY`; `author` / `dc:creator`
//! / Atom `author/name`. Markup inside a description stays text. A syntax error rejects the
//! record it falls in and ends the file there.

use super::dates::DateContext;
use super::error::{RecordError, RejectReason, clip_raw};
use super::line_counter::LineCounter;
use super::outcome::ReadOutcome;
use super::roles::{ColumnRoles, FieldMapping};
use super::sink::ArticleSink;
use super::tabular::RowReader;
use crate::model::LineNo;
use quick_xml::events::{BytesStart, Event};

/// Field slots of a feed item, in `ColumnRoles` order.
const FIELDS: [&str; 7] = ["title", "published", "views", "category", "link", "description", "author"];

fn slot_of(local_name: &[u8]) -> Option<usize> {
    match local_name {
        b"title" | b"TITLE" => Some(0),
        b"pubDate" | b"published" | b"updated" | b"date" | b"issued" | b"DATE" => Some(1),
        b"category" => Some(3),
        b"link" => Some(4),
        b"description" | b"summary" | b"content" | b"encoded" | b"BODY" => Some(5),
        b"author" | b"creator" | b"name" => Some(6),
        _ => None,
    }
}

/// A record's element: RSS `item`, Atom `entry`, a Reuters-21578 `REUTERS` document.
fn is_record(local_name: &[u8]) -> bool {
    matches!(local_name, b"item" | b"entry" | b"REUTERS")
}

fn attribute(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// An item being read.
struct Item {
    line: LineNo,
    values: [Option<String>; 7],
    open_slot: Option<usize>,
    /// Inside a Reuters `TOPICS` element, whose `D` children are the categories.
    in_topics: bool,
}

/// True when the text looks like RSS, Atom or Reuters-21578 SGML.
pub fn looks_like_feed(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect();
    head.trim_start().starts_with('<')
        && ["<rss", "<feed", "<rdf:RDF", "<REUTERS"].iter().any(|start| head.contains(start))
}

/// Reads every item and entry.
pub fn read_feed(text: &str, dates: DateContext, sink: &mut dyn ArticleSink) -> ReadOutcome {
    let roles = ColumnRoles {
        title: 0,
        published: 1,
        views: None,
        category: Some(3),
        url: Some(4),
        body: Some(5),
        author: Some(6),
    };
    let rows = RowReader { roles, dates };
    // Told by where the file starts, as `looks_like_feed` tells a feed (an RSS description may
    // quote the tag further on).
    let head_end = text.char_indices().nth(2048).map_or(text.len(), |(at, _)| at);
    let is_reuters = text[..head_end].contains("<REUTERS");
    let mapping = if is_reuters {
        FieldMapping {
            title: Some("TITLE".into()),
            published: Some("DATE".into()),
            category: Some("TOPICS (the first)".into()),
            body: Some("BODY".into()),
            ..FieldMapping::default()
        }
    } else {
        FieldMapping {
            title: Some("title".into()),
            published: Some("pubDate/published/updated".into()),
            views: None,
            category: Some("category".into()),
            url: Some("link".into()),
            body: Some("description/summary".into()),
            author: Some("author/dc:creator".into()),
        }
    };
    let mut outcome = ReadOutcome {
        mapping: Some(mapping),
        columns: FIELDS.iter().map(|f| (*f).to_owned()).collect(),
        ..ReadOutcome::default()
    };
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut lines = LineCounter::default();
    let mut item: Option<Item> = None;
    loop {
        let position = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match reader.read_event() {
            Ok(Event::Start(element)) => {
                let local = element.local_name();
                if is_record(local.as_ref()) {
                    let line = lines.line_at(text, position + text[position..].find('<').unwrap_or(0));
                    item = Some(Item { line, values: Default::default(), open_slot: None, in_topics: false });
                } else if let Some(current) = item.as_mut() {
                    current.open_slot = match local.as_ref() {
                        b"TOPICS" => {
                            current.in_topics = true;
                            None
                        }
                        // The first topic only: the dashboard has one category an article.
                        b"D" if current.in_topics && current.values[3].is_none() => Some(3),
                        other => slot_of(other),
                    };
                    if local.as_ref() == b"link" && current.values[4].is_none() {
                        current.values[4] = attribute(&element, b"href");
                    }
                    if local.as_ref() == b"category" && current.values[3].is_none() {
                        current.values[3] = attribute(&element, b"term");
                    }
                }
            }
            Ok(Event::Empty(element)) => {
                if let Some(current) = item.as_mut() {
                    let local = element.local_name();
                    let alternate = attribute(&element, b"rel").is_none_or(|rel| rel == "alternate");
                    if local.as_ref() == b"link" && alternate && current.values[4].is_none() {
                        current.values[4] = attribute(&element, b"href");
                    }
                    if local.as_ref() == b"category" && current.values[3].is_none() {
                        current.values[3] = attribute(&element, b"term");
                    }
                }
            }
            Ok(Event::Text(content)) => {
                if let Some(current) = item.as_mut()
                    && let Some(slot) = current.open_slot
                {
                    let mut value = content
                        .unescape()
                        .map(|t| t.into_owned())
                        .unwrap_or_else(|_| String::from_utf8_lossy(&content).into_owned());
                    if slot == 1 {
                        // Line noise after a date (Reuters: `13:59:59.61&#5;&#5;&#5;F`) starts
                        // with a control character, which no date holds.
                        value.truncate(
                            value.find(|c: char| c.is_control() && !c.is_whitespace()).unwrap_or(value.len()),
                        );
                    }
                    current.values[slot].get_or_insert_with(String::new).push_str(&value);
                }
            }
            Ok(Event::CData(content)) => {
                if let Some(current) = item.as_mut()
                    && let Some(slot) = current.open_slot
                {
                    current.values[slot].get_or_insert_with(String::new).push_str(&String::from_utf8_lossy(&content));
                }
            }
            Ok(Event::End(element)) => {
                let local = element.local_name();
                if is_record(local.as_ref()) {
                    if let Some(done) = item.take() {
                        let line = done.line;
                        let result =
                            rows.read(line, |i| done.values.get(i).and_then(Option::as_deref)).map_err(|reason| {
                                let raw = done.values[0].clone().unwrap_or_default();
                                RecordError { line, reason, raw: clip_raw(&raw, 300) }
                            });
                        outcome.push(result, sink);
                    }
                } else if let Some(current) = item.as_mut() {
                    current.open_slot = None;
                    current.in_topics &= local.as_ref() != b"TOPICS";
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => {
                let line = lines.line_at(text, position);
                let reason = RejectReason::Xml { message: error.to_string() };
                let raw = clip_raw(text.get(position..).unwrap_or_default(), 200);
                outcome.reject(RecordError { line: item.map_or(line, |i| i.line), reason, raw });
                break;
            }
        }
    }
    outcome
}
