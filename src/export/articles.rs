//! The selected articles with every field and their source line, as CSV or JSON Lines.

use super::csv_table::{Cell, write_table};
use crate::analysis::selection::Selection;
use crate::analysis::store::{NO_CATEGORY, Store};
use chrono::{DateTime, SecondsFormat};

fn published(store: &Store, row: usize) -> String {
    let at = DateTime::from_timestamp_millis(store.ts_ms[row]).map(|t| t.with_timezone(&store.keys.offset));
    match at {
        Some(t) if store.has_time[row] => t.to_rfc3339_opts(SecondsFormat::Secs, false),
        Some(t) => crate::model::date_text::iso_date(t.date_naive()),
        None => String::new(),
    }
}

fn category(store: &Store, row: usize) -> Option<&str> {
    let code = store.category[row];
    (code != NO_CATEGORY).then(|| store.categories[code as usize].as_str())
}

/// The articles of `selection` as CSV, oldest first.
pub fn articles_csv(store: &Store, selection: &Selection, with_bom: bool) -> Vec<u8> {
    let text = |s: &str| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) };
    let rows: Vec<Vec<Cell>> = selection
        .iter()
        .map(|r| {
            let row = r as usize;
            vec![
                Cell::Text(store.titles.get(row).to_owned()),
                Cell::Text(published(store, row)),
                Cell::Text(store.has_time[row].to_string()),
                store.views_of(r).map_or(Cell::Empty, |v| Cell::Int(i64::from(v))),
                category(store, row).map_or(Cell::Empty, |c| Cell::Text(c.to_owned())),
                text(store.urls.get(row)),
                text(store.bodies.get(row)),
                Cell::Int(i64::from(store.lines[row])),
            ]
        })
        .collect();
    write_table(
        &["title", "published_at", "has_time_of_day", "views", "category", "url", "body", "source_line"],
        &rows,
        with_bom,
    )
}

/// The articles of `selection` as JSON Lines, oldest first.
pub fn articles_jsonl(store: &Store, selection: &Selection) -> Vec<u8> {
    let mut out = Vec::new();
    for r in selection.iter() {
        let row = r as usize;
        let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let value = serde_json::json!({
            "title": store.titles.get(row),
            "published_at": published(store, row),
            "has_time_of_day": store.has_time[row],
            "views": store.views_of(r),
            "category": category(store, row),
            "url": non_empty(store.urls.get(row)),
            "body": non_empty(store.bodies.get(row)),
            "source_line": store.lines[row],
        });
        out.extend(value.to_string().into_bytes());
        out.push(b'\n');
    }
    out
}
