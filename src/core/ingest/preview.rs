//! A look at a file before (re)reading it: its format, its columns, the roles they would get,
//! and its first records as raw text, for the column-mapping dialog.

use super::csv_reader::sniff_delimiter;
use super::csv_records::{CsvRecord, CsvRecords};
use super::roles::{FieldMapping, detect_mapping};
use super::{Format, IngestError, ParseOptions, decode, sniff};
use serde_json::Value;

/// The head of a table-like file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The format.
    pub format: Format,
    /// Column or key names, in file order (empty for the scrape format and feeds).
    pub columns: Vec<String>,
    /// The roles the columns get: detected, then the caller's choices applied.
    pub mapping: FieldMapping,
    /// Up to `n_rows` records, one string per column.
    pub rows: Vec<Vec<String>>,
}

impl Preview {
    /// A key that identifies the header, for remembering a mapping: the column names joined.
    pub fn header_signature(&self) -> String {
        self.columns.join("\u{1f}")
    }
}

/// Previews `bytes` (the start of a file is enough) with `options`' format and mapping.
pub fn preview(bytes: &[u8], options: &ParseOptions, n_rows: usize) -> Result<Preview, IngestError> {
    let decompressed = decode::decompress(bytes)?;
    let decoded = decode::decode(&decompressed)?;
    let text = decoded.text.as_ref();
    let format = match options.format {
        Some(format) => format,
        None => sniff(text)?,
    };
    let (columns, rows) = match format {
        Format::Csv => csv_head(text, n_rows),
        Format::Jsonl => json_head(text.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()), n_rows),
        Format::Json => {
            // The array may be cut off in a partial read: take the complete elements there are.
            let body = text.trim_start().strip_prefix('[').unwrap_or_default();
            let values = serde_json::Deserializer::from_str(body).into_iter::<Value>().map_while(Result::ok);
            json_head(values, n_rows)
        }
        Format::Scrape | Format::Feed => (Vec::new(), Vec::new()),
    };
    let mapping = detect_mapping(&columns).overridden_by(&options.mapping);
    Ok(Preview { format, columns, mapping, rows })
}

fn csv_head(text: &str, n_rows: usize) -> (Vec<String>, Vec<Vec<String>>) {
    let mut records = CsvRecords::new(text, sniff_delimiter(text).unwrap_or(b','));
    let owned = |record: CsvRecord<'_>, trim: fn(&str) -> &str| record.iter().map(|f| trim(f).to_owned()).collect();
    let columns = records.next_record().map_or_else(Vec::new, |header| owned(header, str::trim));
    let rows = std::iter::from_fn(|| records.next_record().map(|record| owned(record, |f| f))).take(n_rows).collect();
    (columns, rows)
}

fn json_head(values: impl Iterator<Item = Value>, n_rows: usize) -> (Vec<String>, Vec<Vec<String>>) {
    let objects: Vec<serde_json::Map<String, Value>> =
        values.filter_map(|v| v.as_object().cloned()).take(n_rows).collect();
    let mut columns: Vec<String> = Vec::new();
    for object in &objects {
        for key in object.keys() {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
    }
    let text = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let rows = objects.iter().map(|o| columns.iter().map(|c| text(o.get(c))).collect()).collect();
    (columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_tables_and_json_with_the_roles_they_would_get() {
        let csv =
            preview(b"when;what;hits\n2024-01-01;First;5\n2024-01-02;Second;7\n", &ParseOptions::default(), 1).unwrap();
        assert_eq!(csv.columns, ["when", "what", "hits"]);
        assert_eq!(csv.rows, [["2024-01-01", "First", "5"]]);
        assert_eq!(csv.mapping.published, None, "'when' is not a known time name");
        let chosen = ParseOptions {
            mapping: FieldMapping {
                published: Some("when".into()),
                title: Some("what".into()),
                ..FieldMapping::default()
            },
            ..ParseOptions::default()
        };
        let csv = preview(b"when;what;hits\n2024-01-01;First;5\n", &chosen, 5).unwrap();
        assert_eq!((csv.mapping.published.as_deref(), csv.mapping.title.as_deref()), (Some("when"), Some("what")));
        assert_eq!(csv.header_signature(), "when\u{1f}what\u{1f}hits");
        let cut_json = preview(
            b"[{\"headline\": \"A\", \"date\": \"2024-01-01\"}, {\"headline\": \"B\", \"da",
            &ParseOptions::default(),
            5,
        )
        .unwrap();
        assert_eq!((cut_json.format, cut_json.rows.len()), (Format::Json, 1));
        assert_eq!(cut_json.mapping.title.as_deref(), Some("headline"));
    }
}
