//! CSV tables safe to open in a spreadsheet.
//!
//! Every field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
//! a single quote, as OWASP recommends against CSV injection (a headline like `=HYPERLINK(…)`
//! must not become a formula). Numbers are written by the caller as plain digits and are not
//! text fields, so a negative number stays a number. Quoting follows RFC 4180: a field with a
//! comma, quote, CR or LF is quoted, its quotes doubled (written here: the csv crate's writer
//! links float parsing for a quote style never used, 10 KB of tables in the page; a test reads
//! every table back with the csv crate's reader). Lines end with CRLF; an optional UTF-8 BOM
//! helps Excel detect the encoding.

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
    write_record(&mut out, header.iter().map(|h| neutralise(h)));
    for row in rows {
        write_record(&mut out, row.iter().map(render));
    }
    out
}

/// One line: fields separated by commas, quoted where RFC 4180 needs it, ended by CRLF.
fn write_record<'a>(out: &mut Vec<u8>, fields: impl Iterator<Item = Cow<'a, str>>) {
    let line_start = out.len();
    let mut n_fields = 0;
    for field in fields {
        if n_fields > 0 {
            out.push(b',');
        }
        n_fields += 1;
        if field.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
            out.push(b'"');
            out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    if n_fields == 1 && out.len() == line_start {
        // A lone empty field would be a blank line, which readers skip.
        out.extend_from_slice(b"\"\"");
    }
    out.extend_from_slice(b"\r\n");
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
        assert_eq!(write_table(&["a"], &[vec![Cell::Empty]], false), b"a\r\n\"\"\r\n");
    }

    proptest::proptest! {
        #[test]
        fn the_csv_crate_reads_back_every_field(rows in proptest::collection::vec(
            proptest::collection::vec("[a-z,\"\r\n =é-]{0,6}", 1..4), 0..6)) {
            let width = rows.first().map_or(1, Vec::len);
            let rows: Vec<Vec<Cell>> =
                rows.into_iter().map(|r| r.into_iter().cycle().take(width).map(Cell::Text).collect()).collect();
            let header: Vec<String> = (0..width).map(|i| format!("c{i}")).collect();
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let bytes = write_table(&header, &rows, false);
            let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(&bytes[..]);
            let read: Vec<Vec<String>> =
                reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
            let expected: Vec<Vec<String>> =
                rows.iter().map(|r| r.iter().map(|c| render(c).into_owned()).collect()).collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }
}
