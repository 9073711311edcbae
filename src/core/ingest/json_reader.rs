//! JSON: an array of objects, or JSON Lines (one object per line). Keys play the same roles as
//! CSV columns.
//!
//! Contract: each array element or non-blank line is one record with the line where it starts.
//! A malformed line is rejected alone; a syntax error inside an array ends the array there and
//! rejects the rest as one record (JSON cannot be resynchronised safely). Values that are not
//! objects are rejected. Nested values: arrays of strings are joined with ", ".

use super::ParseOptions;
use super::dates::{DateContext, DateOrder, decide_date_order};
use super::error::{IngestError, RecordError, RejectReason, clip_raw};
use super::line_counter::LineCounter;
use super::outcome::ReadOutcome;
use super::roles::detect_mapping;
use super::sink::ArticleSink;
use super::tabular::RowReader;
use crate::model::LineNo;
use serde_json::{Map, Value};

/// One parsed record: its starting line and either the object or why it is not one.
struct JsonRecord {
    line: LineNo,
    object: Result<Map<String, Value>, (RejectReason, String)>,
}

/// Reads JSON Lines.
pub fn read_json_lines(
    text: &str,
    options: &ParseOptions,
    sink: &mut dyn ArticleSink,
) -> Result<ReadOutcome, IngestError> {
    let records = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| JsonRecord { line: LineNo::new(index + 1), object: parse_object(line) })
        .collect();
    build(records, options, sink)
}

/// Reads a JSON array of objects, element by element, keeping each element's line.
pub fn read_json_array(
    text: &str,
    options: &ParseOptions,
    sink: &mut dyn ArticleSink,
) -> Result<ReadOutcome, IngestError> {
    let start = text.find(|c: char| !c.is_whitespace()).unwrap_or(0);
    if !text[start..].starts_with('[') {
        let found = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(_)) => "a single object",
            Ok(_) => "a single value",
            Err(_) => "malformed JSON",
        };
        return Err(IngestError::JsonShape { found });
    }
    let mut records = Vec::new();
    let mut pos = start + 1;
    let mut lines = LineCounter::default();
    loop {
        pos += skip_ws_and(&text[pos..], b',');
        if text[pos..].starts_with(']') || pos >= text.len() {
            break;
        }
        let line = lines.line_at(text, pos);
        let mut stream = serde_json::Deserializer::from_str(&text[pos..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(value)) => {
                let raw = &text[pos..pos + stream.byte_offset()];
                records.push(JsonRecord { line, object: into_object(value, raw) });
                pos += stream.byte_offset();
            }
            Some(Err(error)) => {
                let message = error.to_string();
                let raw = clip_raw(&text[pos..], 300);
                records.push(JsonRecord { line, object: Err((RejectReason::Json { message }, raw)) });
                break;
            }
            None => break,
        }
    }
    if records.is_empty() {
        return Err(IngestError::JsonShape { found: "an empty array" });
    }
    build(records, options, sink)
}

fn skip_ws_and(s: &str, separator: u8) -> usize {
    s.bytes().take_while(|&b| b.is_ascii_whitespace() || b == separator).count()
}

fn parse_object(line: &str) -> Result<Map<String, Value>, (RejectReason, String)> {
    match serde_json::from_str::<Value>(line) {
        Ok(value) => into_object(value, line),
        Err(error) => Err((RejectReason::Json { message: error.to_string() }, clip_raw(line, 300))),
    }
}

fn into_object(value: Value, raw: &str) -> Result<Map<String, Value>, (RejectReason, String)> {
    match value {
        Value::Object(map) => Ok(map),
        other => {
            let message = format!("expected an object, found {}", kind(&other));
            Err((RejectReason::Json { message }, clip_raw(raw, 300)))
        }
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON value as field text: strings as they are, numbers in plain notation, string arrays
/// joined, null as absent.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(match (n.as_u64(), n.as_f64()) {
            (Some(u), _) => u.to_string(),
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "integral, non-negative, checked"
            )]
            (None, Some(f)) if f.fract() == 0.0 && (0.0..1e19).contains(&f) => (f as u64).to_string(),
            _ => n.to_string(),
        }),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => Some(items.iter().filter_map(as_text).collect::<Vec<_>>().join(", ")),
        Value::Object(_) => Some(value.to_string()),
    }
}

/// Maps keys to roles over the union of keys (in order of first appearance) and builds articles.
fn build(
    records: Vec<JsonRecord>,
    options: &ParseOptions,
    sink: &mut dyn ArticleSink,
) -> Result<ReadOutcome, IngestError> {
    let mut columns: Vec<String> = Vec::new();
    for map in records.iter().filter_map(|r| r.object.as_ref().ok()) {
        for key in map.keys() {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
        if columns.len() > 256 {
            break;
        }
    }
    let mapping = detect_mapping(&columns).overridden_by(&options.mapping);
    let roles = mapping.resolve(&columns)?;
    let time_key = &columns[roles.published];
    let time_values: Vec<String> =
        records.iter().filter_map(|r| r.object.as_ref().ok()?.get(time_key).and_then(as_text)).collect();
    let date_order = match options.date_order {
        Some(_) => None,
        None => decide_date_order(time_values.iter().map(String::as_str)),
    };
    let order = options.date_order.or(date_order.as_ref().map(|d| d.order)).unwrap_or(DateOrder::MonthFirst);
    let rows = RowReader { roles, dates: DateContext { order, ..options.date_context() } };
    let mut outcome =
        ReadOutcome { mapping: Some(mapping), columns: columns.clone(), date_order, ..ReadOutcome::default() };
    for record in records {
        let line = record.line;
        let values: Vec<Option<String>> = match &record.object {
            Ok(map) => columns.iter().map(|c| map.get(c).and_then(as_text)).collect(),
            Err(_) => Vec::new(),
        };
        let result = match record.object {
            Ok(map) => rows.read(line, |i| values.get(i).and_then(Option::as_deref)).map_err(|reason| {
                let raw = clip_raw(&Value::Object(map.clone()).to_string(), 300);
                RecordError { line, reason, raw }
            }),
            Err((reason, raw)) => Err(RecordError { line, reason, raw }),
        };
        outcome.push(result, sink);
    }
    Ok(outcome)
}
