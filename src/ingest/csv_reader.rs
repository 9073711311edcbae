//! CSV with a header: comma, semicolon or tab separated, RFC 4180 quoting (fields may hold line
//! breaks). Line numbers are physical lines, as `csv::Position` counts them.
//!
//! Contract: every record after the header is counted once and ends up as an article or a
//! rejection (wrong field count, missing title, unreadable date…). A header without records,
//! or without a title or time column, is a whole-file error.

use super::ParseOptions;
use super::dates::{DateContext, DateOrder, decide_date_order};
use super::error::{IngestError, RecordError, RejectReason, clip_raw};
use super::line_counter::LineCounter;
use super::outcome::ReadOutcome;
use super::roles::detect_mapping;
use super::sink::ArticleSink;
use super::tabular::RowReader;

/// Picks the delimiter that splits the first line into the most fields.
pub fn sniff_delimiter(text: &str) -> Option<u8> {
    let first_line = text.lines().find(|l| !l.trim().is_empty())?;
    let count = |d: u8| first_line.bytes().filter(|&b| b == d).count();
    [b',', b';', b'\t', b'|']
        .into_iter()
        .map(|d| (count(d), d))
        .filter(|&(n, _)| n > 0)
        .max_by_key(|&(n, d)| (n, std::cmp::Reverse(d)))
        .map(|(_, d)| d)
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(text.as_bytes())
}

/// CSV read a bounded number of records at a time, so a caller can yield in between.
pub struct CsvStepper<'t> {
    text: &'t str,
    csv: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    n_columns: usize,
    delimiter: u8,
    rows: RowReader,
    lines: LineCounter,
    outcome: ReadOutcome,
}

impl<'t> CsvStepper<'t> {
    /// Reads the header, maps the roles and decides the date order.
    pub fn start(text: &'t str, options: &ParseOptions) -> Result<CsvStepper<'t>, IngestError> {
        let delimiter = sniff_delimiter(text).unwrap_or(b',');
        let mut csv = reader(text, delimiter);
        let header = csv.headers().map_err(|_| IngestError::UnknownFormat)?.clone();
        let columns: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
        let mapping = detect_mapping(&columns).overridden_by(&options.mapping);
        let roles = mapping.resolve(&columns)?;
        let (order, date_order) = match options.date_order {
            Some(order) => (order, None),
            None => decide_order_of_column(text, delimiter, roles.published),
        };
        let rows = RowReader { roles, dates: DateContext { order, ..options.date_context() } };
        let outcome = ReadOutcome {
            mapping: Some(mapping),
            columns: columns.clone(),
            date_order,
            delimiter: Some(char::from(delimiter)),
            ..ReadOutcome::default()
        };
        Ok(CsvStepper {
            text,
            csv,
            record: csv::StringRecord::new(),
            n_columns: columns.len(),
            delimiter,
            rows,
            lines: LineCounter::default(),
            outcome,
        })
    }

    /// The line where the record at `position` starts. csv's `Position` miscounts CRLF files:
    /// its line is one short and its byte offset points at the `\n` that ends the previous
    /// record. Step past line ends, then count lines ourselves.
    fn line_of(&mut self, position: Option<&csv::Position>) -> crate::model::LineNo {
        let byte = position.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let bytes = self.text.as_bytes();
        let start =
            byte + bytes.get(byte..).unwrap_or_default().iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        self.lines.line_at(self.text, start)
    }

    /// Reads up to `budget` records into `sink`; true when the input is exhausted.
    pub fn step(&mut self, budget: usize, sink: &mut dyn ArticleSink) -> bool {
        for _ in 0..budget {
            match self.csv.read_record(&mut self.record) {
                Ok(false) => return true,
                Ok(true) => {}
                Err(error) => {
                    let line = self.line_of(error.position());
                    let reason = RejectReason::Csv { message: error.to_string() };
                    self.outcome.push(Err(RecordError { line, reason, raw: String::new() }), sink);
                    continue;
                }
            }
            let position = self.record.position().cloned();
            let line = self.line_of(position.as_ref());
            let record = &self.record;
            if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
                continue; // a blank line is not a record
            }
            let delimiter = self.delimiter;
            let raw = || {
                clip_raw(&record.iter().collect::<Vec<_>>().join(char::from(delimiter).encode_utf8(&mut [0; 4])), 300)
            };
            let result = if record.len() == self.n_columns {
                self.rows.read(line, |i| record.get(i)).map_err(|reason| RecordError { line, reason, raw: raw() })
            } else {
                let reason = RejectReason::ColumnCount { expected: self.n_columns, found: record.len() };
                Err(RecordError { line, reason, raw: raw() })
            };
            self.outcome.push(result, sink);
        }
        false
    }

    /// Share of the input read so far.
    pub fn fraction_read(&self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "a progress fraction")]
        let fraction = self.csv.position().byte() as f64 / self.text.len().max(1) as f64;
        fraction.min(1.0)
    }

    /// Records read so far.
    pub fn n_records(&self) -> usize {
        self.outcome.n_records
    }

    /// The outcome; a header without records is a whole-file error.
    pub fn finish(self) -> Result<ReadOutcome, IngestError> {
        if self.outcome.n_records == 0 {
            return Err(IngestError::HeaderOnly);
        }
        Ok(self.outcome)
    }
}

/// A first pass over the time column to decide `M/D/Y` versus `D/M/Y`, only when needed.
fn decide_order_of_column(
    text: &str,
    delimiter: u8,
    column: usize,
) -> (DateOrder, Option<super::dates::DateOrderDecision>) {
    let mut csv = reader(text, delimiter);
    let mut record = csv::StringRecord::new();
    let first_value = loop {
        match csv.read_record(&mut record) {
            Ok(true) => match record.get(column).map(str::trim) {
                Some(v) if !v.is_empty() => break v.to_owned(),
                _ => {}
            },
            _ => return (DateOrder::MonthFirst, None),
        }
    };
    if !first_value.contains(['/', '.']) || first_value.contains('-') {
        return (DateOrder::MonthFirst, None);
    }
    let mut values = vec![first_value];
    while let Ok(true) = csv.read_record(&mut record) {
        if let Some(v) = record.get(column) {
            values.push(v.to_owned());
        }
    }
    let decision = decide_date_order(values.iter().map(String::as_str));
    (decision.as_ref().map_or(DateOrder::MonthFirst, |d| d.order), decision)
}
