//! CSV with a header: comma, semicolon or tab separated, RFC 4180 quoting (fields may hold line
//! breaks). Line numbers are physical lines: 1 plus the `\n` before a record (`csv_records`).
//!
//! Contract: every record after the header is counted once and ends up as an article or a
//! rejection (wrong field count, missing title, unreadable date…). A header without records,
//! or without a title or time column, is a whole-file error.

use super::ParseOptions;
use super::csv_records::CsvRecords;
use super::dates::{DateContext, DateOrder, decide_date_order};
use super::error::{IngestError, RecordError, RejectReason, clip_raw};
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

/// CSV read a bounded number of records at a time, so a caller can yield in between.
pub struct CsvStepper<'t> {
    text: &'t str,
    records: CsvRecords<'t>,
    n_columns: usize,
    delimiter: u8,
    rows: RowReader,
    outcome: ReadOutcome,
}

impl<'t> CsvStepper<'t> {
    /// Reads the header, maps the roles and decides the date order.
    pub fn start(text: &'t str, options: &ParseOptions) -> Result<CsvStepper<'t>, IngestError> {
        let delimiter = sniff_delimiter(text).unwrap_or(b',');
        let mut records = CsvRecords::new(text, delimiter);
        let columns: Vec<String> = records
            .next_record()
            .map(|header| header.iter().map(|h| h.trim().to_owned()).collect())
            .unwrap_or_default();
        let mapping = detect_mapping(&columns).overridden_by(&options.mapping);
        let roles = mapping.resolve(&columns)?;
        let (order, date_order) = match options.date_order {
            Some(order) => (order, None),
            None => decide_order_of_column(records.from_here(), roles.published),
        };
        let rows = RowReader { roles, dates: DateContext { order, ..options.date_context() } };
        let outcome = ReadOutcome {
            mapping: Some(mapping),
            columns: columns.clone(),
            date_order,
            delimiter: Some(char::from(delimiter)),
            ..ReadOutcome::default()
        };
        Ok(CsvStepper { text, records, n_columns: columns.len(), delimiter, rows, outcome })
    }

    /// Reads up to `budget` records into `sink`; true when the input is exhausted.
    pub fn step(&mut self, budget: usize, sink: &mut dyn ArticleSink) -> bool {
        (0..budget).any(|_| !self.read_one(sink))
    }

    /// Reads one record into `sink`; false at the end of the input.
    fn read_one(&mut self, sink: &mut dyn ArticleSink) -> bool {
        let Some(record) = self.records.next_record() else { return false };
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            return true; // a line of spaces is not a record
        }
        let line = crate::model::LineNo::new(record.line);
        let delimiter = self.delimiter;
        let raw =
            || clip_raw(&record.iter().collect::<Vec<_>>().join(char::from(delimiter).encode_utf8(&mut [0; 4])), 300);
        if record.len() != self.n_columns {
            let reason = RejectReason::ColumnCount { expected: self.n_columns, found: record.len() };
            self.outcome.reject(RecordError { line, reason, raw: raw() });
            return true;
        }
        match self.rows.read(line, |i| record.get(i)) {
            Ok(row) => self.outcome.keep(&row, sink),
            Err(reason) => self.outcome.reject(RecordError { line, reason, raw: raw() }),
        }
        true
    }

    /// Share of the input read so far.
    pub fn fraction_read(&self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "a progress fraction")]
        let fraction = self.records.position() as f64 / self.text.len().max(1) as f64;
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

/// Reading in two parts at once (`split_read`, native only).
#[cfg(not(target_arch = "wasm32"))]
impl<'t> CsvStepper<'t> {
    /// Reads records into `sink` until the next one starts at or after byte `limit`, or the
    /// input ends.
    pub fn read_until(&mut self, limit: usize, sink: &mut dyn ArticleSink) {
        while self.records.position() < limit && self.read_one(sink) {}
    }

    /// The byte where the next record starts (the input's length at its end).
    pub fn position(&self) -> usize {
        self.records.position()
    }

    /// A reader of the records from byte `start` on, which must begin a record (not checked:
    /// see `split_read`), with this one's columns and date order and an empty outcome. Its
    /// first line is 1 until `starts_on_line` says otherwise.
    pub fn later_part(&self, start: usize) -> CsvStepper<'t> {
        CsvStepper {
            text: self.text,
            records: CsvRecords::starting_at(self.text, self.delimiter, start, 1),
            n_columns: self.n_columns,
            delimiter: self.delimiter,
            rows: self.rows.clone(),
            outcome: ReadOutcome::default(),
        }
    }

    /// Numbers the lines of a `later_part` from `line` on (before it reads a record).
    pub fn starts_on_line(&mut self, line: crate::model::LineNo) {
        self.records = CsvRecords::starting_at(self.text, self.delimiter, self.records.position(), line.get() as usize);
    }

    /// Adds the counts, rejections and duplicates of `later`, a reader of the records after
    /// this one's (see `later_part`).
    pub fn append(&mut self, later: CsvStepper<'t>) {
        self.outcome.append(later.outcome);
        self.records = later.records;
    }
}

/// A first pass over the time column (`records` is just past the header) to decide `M/D/Y`
/// versus `D/M/Y`, only when needed.
fn decide_order_of_column(
    mut records: CsvRecords<'_>,
    column: usize,
) -> (DateOrder, Option<super::dates::DateOrderDecision>) {
    let first_value = loop {
        match records.next_record() {
            Some(record) => match record.get(column).map(str::trim) {
                Some(v) if !v.is_empty() => break v.to_owned(),
                _ => {}
            },
            None => return (DateOrder::MonthFirst, None),
        }
    };
    if !first_value.contains(['/', '.']) || first_value.contains('-') {
        return (DateOrder::MonthFirst, None);
    }
    let mut values = vec![first_value];
    while let Some(record) = records.next_record() {
        if let Some(v) = record.get(column) {
            values.push(v.to_owned());
        }
    }
    let decision = decide_date_order(values.iter().map(String::as_str));
    (decision.as_ref().map_or(DateOrder::MonthFirst, |d| d.order), decision)
}
