//! CSV tables safe to open in a spreadsheet.
//!
//! Every field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
//! a single quote, as OWASP recommends against CSV injection (a headline like `=HYPERLINK(…)`
//! must not become a formula). Numbers are written by the caller as plain digits and are not
//! text fields, so a negative number stays a number. Quoting follows RFC 4180 (via the csv
//! crate); lines end with CRLF; an optional UTF-8 BOM helps Excel detect the encoding.

use std::borrow::Cow;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text: guarded against formula injection.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// No value.
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

/// `text` with a leading `'` when a spreadsheet would read it as a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

fn render(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(text) => neutralise(text),
        Cell::Int(n) => Cow::Owned(n.to_string()),
        Cell::Float(x) if x.is_finite() => Cow::Owned(format!("{x}")),
        Cell::Float(_) | Cell::Empty => Cow::Borrowed(""),
    }
}

/// Writes a header and rows as CSV bytes.
pub fn write_table(header: &[&str], rows: &[Vec<Cell>], with_bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if with_bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure would be a bug in csv.
        writer.write_record(header.iter().map(|h| neutralise(h).into_owned())).ok();
        for row in rows {
            writer.write_record(row.iter().map(|c| render(c).into_owned())).ok();
        }
        writer.flush().ok();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quoting_follows_rfc_4180() {
        let rows = vec![
            vec![Cell::from("=HYPERLINK(\"http://x\",\"y\")"), Cell::Int(-5)],
            vec![Cell::from("+1"), Cell::Float(0.25)],
            vec![Cell::from("-2"), Cell::Empty],
            vec![Cell::from("@SUM(A1)"), Cell::Int(7)],
            vec![Cell::from("\tTab"), Cell::Int(1)],
            vec![Cell::from("comma, \"quote\"\nnewline"), Cell::Int(2)],
            vec![Cell::from("Plain — ünïcode"), Cell::Int(3)],
        ];
        let csv = String::from_utf8(write_table(&["title", "views"], &rows, false)).unwrap();
        let expected = "title,views\r\n\
            \"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\r\n\
            '+1,0.25\r\n\
            '-2,\r\n\
            '@SUM(A1),7\r\n\
            '\tTab,1\r\n\
            \"comma, \"\"quote\"\"\nnewline\",2\r\n\
            Plain — ünïcode,3\r\n";
        assert_eq!(csv, expected);
        let with_bom = write_table(&["a"], &[], true);
        assert_eq!(with_bom, b"\xEF\xBB\xBFa\r\n");
    }
}
