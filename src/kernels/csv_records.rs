//! CSV records out of a text, each with the line it starts on: RFC 4180 quoting (fields may
//! hold line breaks and doubled quotes), any of `\n`, `\r\n` or `\r` ending a record, blank
//! lines skipped.
//!
//! Contract: the records and their fields are exactly those of the `csv` crate's flexible
//! reader (`csv_core` underneath) on the same text — a property test reads random tables both
//! ways. A record on one line whose quotes each wrap a whole field without a quote or line
//! break inside (nearly every line of a headline export: a headline with a comma is quoted) is
//! split where it lies, its fields borrowed from the text; the line's breaks, quotes and
//! delimiters are found 64 bytes at a time with SIMD compares (`specials`). Any other record
//! goes through `csv_core`'s state machine, unquoted into a buffer. A record's line is 1 plus the
//! number of `\n` before its first byte.
//!
//! A reader can start at any byte that begins a record (`starting_at`), so a caller can read
//! two halves of a file at once and keep the second only if the first ends where it began.

mod specials;

use specials::Specials;

/// Reads records one at a time; see the module contract.
pub struct CsvRecords<'t> {
    text: &'t str,
    /// Where the next record (or the blank lines before it) starts.
    position: usize,
    /// `\n` bytes before `position`.
    n_newlines: usize,
    delimiter: u8,
    core: csv_core::Reader,
    /// The unquoted fields of the last record read by `core`.
    unquoted: Vec<u8>,
    /// Where each of those fields ends in `unquoted`.
    ends: Vec<usize>,
    /// The last record's fields: byte ranges of `text` (split in place) or of `unquoted`.
    bounds: Vec<(u32, u32)>,
    /// Where the next line breaks, quotes and delimiters lie.
    specials: Specials,
}

/// One record: its fields and the line it starts on.
pub struct CsvRecord<'r> {
    /// The line the record starts on (1-based).
    pub line: usize,
    source: &'r str,
    bounds: &'r [(u32, u32)],
}

impl<'r> CsvRecord<'r> {
    /// Number of fields.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// True for a record without fields (never returned by `CsvRecords`).
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// Field `i`, if the record has that many.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<&'r str> {
        let &(start, end) = self.bounds.get(i)?;
        self.source.get(start as usize..end as usize)
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl<'t> CsvRecords<'t> {
    /// A reader of `text` from its start.
    pub fn new(text: &'t str, delimiter: u8) -> CsvRecords<'t> {
        CsvRecords::starting_at(text, delimiter, 0, 1)
    }

    /// A reader of `text` from byte `position`, which must begin a record (or the blank lines
    /// before one) on `line` (1-based).
    pub fn starting_at(text: &'t str, delimiter: u8, position: usize, line: usize) -> CsvRecords<'t> {
        let mut records = CsvRecords {
            text,
            position: position.min(text.len()),
            n_newlines: line.saturating_sub(1),
            delimiter,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            unquoted: vec![0; 256],
            ends: vec![0; 16],
            bounds: Vec::new(),
            specials: Specials::new(delimiter),
        };
        records.skip_line_ends();
        records
    }

    /// A second reader of the same text, from where this one is.
    pub fn from_here(&self) -> CsvRecords<'t> {
        CsvRecords::starting_at(self.text, self.delimiter, self.position, self.n_newlines + 1)
    }

    /// The byte where the next record starts (or the text's length at its end).
    pub fn position(&self) -> usize {
        self.position
    }

    /// Steps over blank lines, and the `\n` of a `\r\n` after a record that `csv_core` ended
    /// at `\r`: `position` is then where a record starts, or the end of the text.
    #[inline(always)]
    fn skip_line_ends(&mut self) {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.position) {
            if b != b'\n' && b != b'\r' {
                break;
            }
            self.n_newlines += usize::from(b == b'\n');
            self.position += 1;
        }
    }

    /// The next record, or `None` at the end of the text.
    pub fn next_record(&mut self) -> Option<CsvRecord<'_>> {
        let bytes = self.text.as_bytes();
        if self.position >= bytes.len() {
            return None;
        }
        let line = self.n_newlines + 1;
        let start = self.position;
        let rest = &bytes[start..];
        let in_place = self.split_line(start);
        match in_place {
            Some((content_end, next)) => {
                self.n_newlines += usize::from(next > content_end);
                self.position = start + next;
                self.skip_line_ends();
                let source = &self.text[start..start + content_end];
                Some(CsvRecord { line, source, bounds: &self.bounds })
            }
            None => {
                let (n_read, n_unquoted) = self.unquote_one(rest);
                self.n_newlines += memchr::memchr_iter(b'\n', &rest[..n_read]).count();
                self.position = start + n_read;
                self.skip_line_ends();
                let unquoted = &self.unquoted[..n_unquoted];
                let source = std::str::from_utf8(unquoted).unwrap_or_else(|error| {
                    // Only quote bytes are ever left out of the text's own bytes, so the fields
                    // are UTF-8; should that fail, keep the valid part rather than lose the record.
                    std::str::from_utf8(&unquoted[..error.valid_up_to()]).unwrap_or_default()
                });
                Some(CsvRecord { line, source, bounds: &self.bounds })
            }
        }
    }

    /// Splits the record at `start` where it lies when it is one line (ended by `\n`, `\r\n` or
    /// the text's end) whose quotes each wrap a whole field holding no other quote or line
    /// break (`"Kremlin says, more",2020`): its fields, relative to `start`, go to `bounds`,
    /// and the answer is where its content ends and the next line starts, relative to
    /// `start`. `None` for anything else (a doubled quote, a quote inside a field, text after a
    /// closing quote, a lone `\r`, a line break in quotes), which `csv_core` reads.
    #[inline(always)]
    fn split_line(&mut self, start: usize) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let (len, delimiter) = (bytes.len(), self.delimiter);
        // A text may exceed 4 GB natively; a line may not.
        let offset = |i: usize| u32::try_from(i - start).unwrap_or(u32::MAX);
        self.bounds.clear();
        let mut field_start = start;
        loop {
            let Some(stop) = self.specials.next_from(bytes, field_start) else {
                self.bounds.push((offset(field_start), offset(len)));
                return Some((len - start, len - start));
            };
            let (content, after) = match bytes[stop] {
                b'"' if stop == field_start => {
                    // A quoted field: its content runs to the next quote, on this line.
                    let mut inside = stop + 1;
                    let close = loop {
                        let next = self.specials.next_from(bytes, inside)?;
                        match bytes[next] {
                            b'"' => break next,
                            b'\n' | b'\r' => return None,
                            _ => inside = next + 1,
                        }
                    };
                    ((stop + 1, close), close + 1)
                }
                b'"' => return None,
                _ => ((field_start, stop), stop),
            };
            self.bounds.push((offset(content.0), offset(content.1)));
            match bytes.get(after) {
                None => return Some((len - start, len - start)),
                Some(&b) if b == delimiter => field_start = after + 1,
                Some(b'\n') => return Some((after - start, after + 1 - start)),
                Some(b'\r') if bytes.get(after + 1) == Some(&b'\n') => return Some((after - start, after + 2 - start)),
                Some(_) => return None,
            }
        }
    }

    /// Reads one record of `input` with `csv_core` into `unquoted`/`bounds`; returns the bytes
    /// it took and the bytes of `unquoted` it wrote.
    fn unquote_one(&mut self, input: &[u8]) -> (usize, usize) {
        use csv_core::ReadRecordResult;
        let (mut n_in, mut n_out, mut n_ends) = (0, 0, 0);
        loop {
            let (result, more_in, more_out, more_ends) =
                self.core.read_record(&input[n_in..], &mut self.unquoted[n_out..], &mut self.ends[n_ends..]);
            (n_in, n_out, n_ends) = (n_in + more_in, n_out + more_out, n_ends + more_ends);
            match result {
                // All input taken: an empty call tells `csv_core` the text ends here.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.unquoted.resize(self.unquoted.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        let offset = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        self.bounds.clear();
        let mut field_start = 0;
        for &end in &self.ends[..n_ends] {
            self.bounds.push((offset(field_start), offset(end)));
            field_start = end;
        }
        (n_in, n_out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record as (line, fields), by this reader.
    fn ours(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut records = CsvRecords::new(text, b',');
        let mut out = Vec::new();
        while let Some(record) = records.next_record() {
            out.push((record.line, record.iter().map(str::to_owned).collect()));
        }
        out
    }

    /// Every record's fields by the `csv` crate, and the line of its first byte counted the
    /// module's way.
    fn theirs(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap_or(false) {
            let byte = record.position().map_or(0, |p| p.byte() as usize);
            let bytes = text.as_bytes();
            let start = byte + bytes[byte..].iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
            let line = 1 + bytes[..start].iter().filter(|&&b| b == b'\n').count();
            out.push((line, record.iter().map(str::to_owned).collect()));
        }
        out
    }

    #[test]
    fn quirks_read_as_the_csv_crate_reads_them() {
        for text in [
            "a,b\n1,2\n",
            "a,b\r\n1,2\r\n\r\n3,4",
            "a,b\n\"x, \"\"quoted\"\"\ny\",2\nplain,3\n",
            "a\rb\rc\n",
            "a,\"b\"\r\"c\"\r\n",
            "unterminated,\"quote\n,runs to the end",
            "say \"hi\",2\nx,y",
            "\n\n\nlate,start\n",
            ",\n,,\n",
            "é,ü\n\"日本\",\"x\"\"y\"\n",
        ] {
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }

    #[test]
    fn a_long_quoted_field_grows_the_buffers() {
        let long = "y".repeat(5_000);
        let fields = vec!["\"q\""; 40].join(",");
        let text = format!("\"{long}\",{fields}\nnext,row\n");
        assert_eq!(ours(&text), theirs(&text));
        assert_eq!(ours(&text)[0].1.len(), 41);
    }

    #[test]
    fn a_reader_started_at_a_record_reads_the_rest() {
        let text = "h1,h2\n\"a\nb\",1\nc,2\n";
        let start = text.find("c,2").unwrap_or(0);
        let mut records = CsvRecords::starting_at(text, b',', start, 4);
        let record = records.next_record().map(|r| (r.line, r.iter().map(str::to_owned).collect::<Vec<_>>()));
        assert_eq!(record, Some((4, vec!["c".to_owned(), "2".to_owned()])));
        assert!(records.next_record().is_none());
        assert_eq!(records.position(), text.len());
    }

    /// A table of quoted and unquoted fields, the way exports write them (quotes around a
    /// field with a comma, doubled inside), with now and then a quote out of place.
    fn export_like_table() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let field = prop_oneof![
            "[a-z é]{0,5}",
            "[a-z ,é]{0,5}".prop_map(|f| format!("\"{f}\"")),
            "[a-z ,\"\n]{0,5}".prop_map(|f| format!("\"{}\"", f.replace('"', "\"\""))),
            "[a-z\" ]{1,4}",
        ];
        let row = proptest::collection::vec(field, 1..4).prop_map(|fields| fields.join(","));
        (proptest::collection::vec(row, 0..5), prop_oneof!["\n", "\r\n"]).prop_map(|(rows, end)| rows.join(&end))
    }

    proptest::proptest! {
        #[test]
        fn export_like_tables_read_as_the_csv_crate_reads_them(text in export_like_table()) {
            proptest::prop_assert_eq!(ours(&text), theirs(&text));
        }

        #[test]
        fn random_tables_read_as_the_csv_crate_reads_them(text in "[a\",\r\n é]{0,60}") {
            proptest::prop_assert_eq!(ours(&text), theirs(&text));
        }
    }
}
