//! Reading a file in steps, so a page can show progress, stay responsive and cancel: the same
//! readers as `parse`, driven a bounded number of records at a time.
//!
//! The articles go to an `ArticleSink` (a `DatasetSink`, or the analysis store builder); the
//! job keeps the counts, rejections and duplicates for the report.
//!
//! ```
//! use headline_trends_core::ingest::{DatasetSink, Job, ParseOptions, decode};
//! let bytes = b"title,date\nA,2024-01-01\nB,2024-01-02\nA,2024-01-01\n";
//! let decoded = decode(bytes).unwrap();
//! let mut sink = DatasetSink::new("example");
//! let mut job = Job::start(&decoded, &ParseOptions::default(), &mut sink).unwrap();
//! let mut n_steps = 0;
//! while !job.step(1) {
//!     n_steps += 1;
//! }
//! assert_eq!((n_steps, job.progress().n_records), (3, 3));
//! let report = job.finish().unwrap();
//! assert_eq!((report.n_loaded(), report.duplicates.len()), (2, 1));
//! assert_eq!(sink.into_dataset().articles[1].title, "B");
//! ```

use super::csv_reader::CsvStepper;
use super::decode::Decoded;
use super::outcome::ReadOutcome;
use super::report::{Ingested, assemble};
use super::scrape::ScrapeStepper;
use super::sink::ArticleSink;
use super::{Format, IngestError, ParseOptions, json_reader, sniff};

/// How far a job has got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Share of the input read, 0 to 1.
    pub fraction: f64,
    /// Records read so far.
    pub n_records: usize,
}

enum Stage<'t> {
    Scrape(ScrapeStepper<'t>),
    Csv(Box<CsvStepper<'t>>),
    Read(ReadOutcome),
}

/// A file being read into a sink.
pub struct Job<'t, 's> {
    stage: Stage<'t>,
    sink: &'s mut dyn ArticleSink,
    format: Format,
    used_windows_1252: bool,
    options: ParseOptions,
    /// True once the sink was told how much of the input the first records took.
    hinted: bool,
    /// Bytes of decoded text in the input.
    n_input_bytes: usize,
}

/// Records read before the sink is told what share of the input they took
/// (`ArticleSink::reserve_for_rest`).
pub(super) const RECORDS_BEFORE_HINT: usize = 16_384;

impl<'t, 's> Job<'t, 's> {
    /// Detects the format (unless forced) and prepares the reader. JSON and feeds are read whole
    /// here.
    pub fn start(
        decoded: &'t Decoded<'_>,
        options: &ParseOptions,
        sink: &'s mut dyn ArticleSink,
    ) -> Result<Job<'t, 's>, IngestError> {
        let text: &'t str = decoded.text.as_ref();
        let format = match options.format {
            Some(format) => format,
            None => sniff(text)?,
        };
        let stage = match format {
            Format::Scrape => Stage::Scrape(ScrapeStepper::start(text, options.date_context())),
            Format::Csv => Stage::Csv(Box::new(CsvStepper::start(text, options)?)),
            Format::Json => Stage::Read(json_reader::read_json_array(text, options, sink)?),
            Format::Jsonl => Stage::Read(json_reader::read_json_lines(text, options, sink)?),
            Format::Feed => Stage::Read(super::feed_reader::read_feed(text, options.date_context(), sink)),
        };
        Ok(Job {
            stage,
            sink,
            format,
            used_windows_1252: decoded.used_windows_1252,
            options: options.clone(),
            hinted: false,
            n_input_bytes: text.len(),
        })
    }

    /// The format being read.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Reads up to `budget` records (lines for the scrape format); true when done.
    pub fn step(&mut self, budget: usize) -> bool {
        if !self.hinted && budget > RECORDS_BEFORE_HINT {
            // Read the first records alone, to tell the sink how much input they took.
            if self.step_stage(RECORDS_BEFORE_HINT) {
                return true;
            }
            self.hint_sink();
            return self.step_stage(budget - RECORDS_BEFORE_HINT);
        }
        let done = self.step_stage(budget);
        if !done {
            self.hint_sink();
        }
        done
    }

    /// Tells the sink, once, what share of the input the first records took.
    fn hint_sink(&mut self) {
        let progress = self.progress();
        if !self.hinted && progress.n_records >= RECORDS_BEFORE_HINT && progress.fraction > 0.0 {
            self.sink.reserve_for_rest(progress.fraction, self.n_input_bytes);
            self.hinted = true;
        }
    }

    fn step_stage(&mut self, budget: usize) -> bool {
        match &mut self.stage {
            Stage::Scrape(stepper) => stepper.step(budget, self.sink),
            Stage::Csv(stepper) => stepper.step(budget, self.sink),
            Stage::Read(_) => true,
        }
    }

    /// How far the job has got.
    pub fn progress(&self) -> Progress {
        match &self.stage {
            Stage::Scrape(s) => Progress { fraction: s.fraction_read(), n_records: s.n_records() },
            Stage::Csv(s) => Progress { fraction: s.fraction_read(), n_records: s.n_records() },
            Stage::Read(outcome) => Progress { fraction: 1.0, n_records: outcome.n_records },
        }
    }

    /// The report, once `step` said it is done (reads the rest if not). The articles are in
    /// the sink.
    pub fn finish(mut self) -> Result<Ingested<()>, IngestError> {
        while !self.step(usize::MAX) {}
        let outcome = match self.stage {
            Stage::Scrape(stepper) => stepper.finish(),
            Stage::Csv(stepper) => stepper.finish()?,
            Stage::Read(outcome) => outcome,
        };
        if outcome.n_records == 0 {
            return Err(IngestError::UnknownFormat);
        }
        Ok(assemble(outcome, self.format, self.used_windows_1252, &self.options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{DatasetSink, decode};
    use crate::model::{ArticleRef, LineNo};

    /// A `DatasetSink` that records the hints it gets.
    struct HintedSink {
        inner: DatasetSink,
        hints: Vec<f64>,
    }

    impl ArticleSink for HintedSink {
        fn keep(&mut self, article: &ArticleRef<'_>) -> Result<(), LineNo> {
            self.inner.keep(article)
        }

        fn reserve_for_rest(&mut self, fraction_read: f64, n_input_bytes: usize) {
            assert!(n_input_bytes > 1_000_000);
            self.hints.push(fraction_read);
        }
    }

    #[test]
    fn the_sink_hears_once_what_share_the_first_records_took() {
        let mut csv = String::from("title,date\n");
        for i in 0..40_000 {
            csv.push_str(&format!("Headline number {i},2024-01-01T00:00:00Z\n"));
        }
        let decoded = decode(csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        for budget in [25_000, 1_000, usize::MAX] {
            let mut sink = HintedSink { inner: DatasetSink::new("hint"), hints: Vec::new() };
            let mut job = Job::start(&decoded, &ParseOptions::default(), &mut sink).unwrap_or_else(|e| panic!("{e}"));
            while !job.step(budget) {}
            let report = job.finish().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(report.n_loaded(), 40_000, "budget {budget}");
            assert_eq!(sink.hints.len(), 1, "budget {budget}");
            // 16,384 of 40,000 similar records: about 41% of the bytes.
            assert!((0.38..0.45).contains(&sink.hints[0]), "budget {budget}: {:?}", sink.hints);
        }
    }
}
