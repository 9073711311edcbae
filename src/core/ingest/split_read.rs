//! Reading a large CSV file on two threads (natively; the page reads in steps on one).
//!
//! The second thread reads from the first line start past the middle of the text, guessing
//! that a record begins there; the first thread reads from the top until its next record
//! starts at or past that byte. If it starts exactly there, the guess was right (a reader at a
//! record's start reads what the reader from the top would) and the second part's articles,
//! counts and rejections are appended; if not (the middle fell inside a quoted field that
//! holds line breaks), the second part is dropped and the first thread reads on alone.
//!
//! Contract: the report and the sink's articles equal those of `Job::finish` on one thread
//! (tests in `tests/native/split_read.rs`, a split in a quoted field included).

use super::csv_reader::CsvStepper;
use super::decode::Decoded;
use super::job::RECORDS_BEFORE_HINT;
use super::report::{Ingested, assemble};
use super::sink::{ArticleSink, SplitSink};
use super::{Format, IngestError, Job, ParseOptions, sniff};
use crate::model::LineNo;

/// Texts shorter than this are read on one thread.
pub const MIN_BYTES_TO_SPLIT: usize = 1 << 20;

/// Reads a whole decoded file into `sink`: a CSV text of `MIN_BYTES_TO_SPLIT` or more in two
/// parts at once, anything else as `Job::finish` does. See the module contract.
pub fn read_in_two_parts<S: SplitSink>(
    decoded: &Decoded<'_>,
    options: &ParseOptions,
    sink: &mut S,
) -> Result<Ingested<()>, IngestError> {
    let text: &str = decoded.text.as_ref();
    let format = match options.format {
        Some(format) => format,
        None => sniff(text)?,
    };
    if format != Format::Csv || text.len() < MIN_BYTES_TO_SPLIT {
        return Job::start(decoded, options, sink)?.finish();
    }
    let mut first = CsvStepper::start(text, options)?;
    let middle = first.position() + (text.len() - first.position()) / 2;
    let bytes = text.as_bytes();
    let Some(line_end) = memchr::memchr(b'\n', &bytes[middle..]) else {
        return Job::start(decoded, options, sink)?.finish();
    };
    // The guess: the first line start past the middle, past any blank lines (a reader's
    // position is always where a record starts).
    let split = middle + line_end + 1;
    let split = split + bytes[split..].iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
    let mut later = first.later_part(split);
    let mut later_sink = sink.empty_like();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            later.starts_on_line(LineNo::new(memchr::memchr_iter(b'\n', &bytes[..split]).count() + 1));
            read_part(&mut later, text.len(), text.len(), &mut later_sink);
            later_sink.part_read();
        });
        read_part(&mut first, split, text.len(), sink);
        if first.position() == split {
            sink.part_read();
        }
    });
    if first.position() == split {
        first.append(later);
        sink.append(later_sink);
    } else {
        drop((later, later_sink));
        first.read_until(text.len(), sink);
    }
    Ok(assemble(first.finish()?, Format::Csv, decoded.used_windows_1252, options))
}

/// Reads `part`'s records that start before byte `limit` into `sink`, telling the sink after
/// the first `RECORDS_BEFORE_HINT` records what share of the bytes up to `reserve_limit` they
/// took. The first part is told its share of the whole text, so its sink has room for the later
/// part's articles when they are appended.
fn read_part(part: &mut CsvStepper<'_>, limit: usize, reserve_limit: usize, sink: &mut dyn ArticleSink) {
    let start = part.position();
    let mut n_read = 0;
    while n_read < RECORDS_BEFORE_HINT && part.position() < limit && !part.step(1, sink) {
        n_read += 1;
    }
    if n_read == RECORDS_BEFORE_HINT && part.position() < limit {
        #[expect(clippy::cast_precision_loss, reason = "a share of the bytes")]
        let share = (part.position() - start) as f64 / (reserve_limit - start) as f64;
        sink.reserve_for_rest(share, reserve_limit - start);
    }
    part.read_until(limit, sink);
}
