//! The fixed-size fields of the articles of a file, one record per article, their sort into
//! time order, and the copy of their fields into the columns of a store.

use crate::text_column::TextColumn;

/// `ts_ms` of an article without a publication time.
pub const UNDATED: i64 = i64::MIN;

/// One article's fixed-size fields, in one record so that sorting moves them together.
#[derive(Clone, Copy, Debug, Default)]
pub struct Row {
    /// Publication instant, ms since the Unix epoch (`UNDATED` without one).
    pub ts_ms: i64,
    /// Position in the file order (the tie-break of equal instants).
    pub index: u32,
    /// Where the title starts in the file-order title buffer.
    pub title_start: u32,
    /// Where it ends.
    pub title_end: u32,
    /// View count (the store's `NO_VIEWS` without one).
    pub views: u32,
    /// Category code (the store's `NO_CATEGORY` without one).
    pub category: u32,
    /// The line the article starts on, with `TIMELESS` set for a date without a time of day
    /// (one field for both keeps a row at 32 bytes, not 40: a million rows are written,
    /// faulted in and moved by the sort 8 MB less). Read it with `line` and `has_time`.
    pub line_and_time: u32,
}

/// Set on a row's `line_and_time` when its date has no time of day.
pub const TIMELESS: u32 = 1 << 31;

impl Row {
    /// `line_and_time` for an article starting on `line` (saturating at 2^31 − 1, beyond any
    /// text a store reads), with or without a time of day.
    pub fn line_and_time(line: u32, has_time: bool) -> u32 {
        line.min(TIMELESS - 1) | if has_time { 0 } else { TIMELESS }
    }

    /// The line the article starts on.
    pub fn line(&self) -> u32 {
        self.line_and_time & !TIMELESS
    }

    /// False for a date without a time of day.
    pub fn has_time(&self) -> bool {
        self.line_and_time & TIMELESS == 0
    }

    /// The length in bytes of the row's title, from its place alone (reading no text).
    pub fn title_len(&self) -> usize {
        ((self.title_end & !COPIED).saturating_sub(self.title_start)) as usize
    }
}

/// Set on a row's `title_end` when its title lies in the copied titles rather than in the text
/// read (see `Titles`). Titles are borrowed only from a text shorter than this (2 GiB).
pub const COPIED: u32 = 1 << 31;

/// Where the titles of rows lie: slices of the text read, or copied into a buffer of their own
/// (a title the reader rewrote, or every title of a builder given no text).
#[derive(Clone, Copy, Debug)]
pub struct Titles<'a> {
    /// The text read.
    pub text: &'a str,
    /// The titles that are not slices of `text`, one after the other.
    pub copied: &'a str,
}

impl<'a> Titles<'a> {
    /// The title of `row`.
    #[inline]
    pub fn of(&self, row: &Row) -> &'a str {
        if row.title_end & COPIED == 0 {
            &self.text[row.title_start as usize..row.title_end as usize]
        } else {
            &self.copied[row.title_start as usize..(row.title_end & !COPIED) as usize]
        }
    }
}

/// A store's fixed-size per-article columns and its links and bodies, in time order, that
/// `copy_fields` appends to.
pub struct Columns<'a> {
    /// Publication instants.
    pub ts_ms: &'a mut Vec<i64>,
    /// False for a date without a time of day.
    pub has_time: &'a mut Vec<bool>,
    /// View counts.
    pub views: &'a mut Vec<u32>,
    /// Category codes.
    pub category: &'a mut Vec<u32>,
    /// Lines the articles start on.
    pub lines: &'a mut Vec<u32>,
    /// Links.
    pub urls: &'a mut TextColumn,
    /// Bodies.
    pub bodies: &'a mut TextColumn,
}

/// Appends the fields of `rows` other than titles to `out`, their links and bodies from the
/// file-order `urls` and `bodies` (by `Row::index`), each category code `c` as `codes[c]`
/// (a code beyond `codes`, such as "no category", as it is).
pub fn copy_fields(rows: &[Row], codes: &[u32], urls: &TextColumn, bodies: &TextColumn, out: &mut Columns<'_>) {
    let (has_urls, has_bodies) = (urls.has_text(), bodies.has_text());
    for row in rows {
        out.ts_ms.push(row.ts_ms);
        out.has_time.push(row.has_time());
        out.views.push(row.views);
        out.category.push(codes.get(row.category as usize).copied().unwrap_or(row.category));
        out.lines.push(row.line());
        out.urls.push(if has_urls { urls.get(row.index as usize) } else { "" });
        out.bodies.push(if has_bodies { bodies.get(row.index as usize) } else { "" });
    }
}

/// Appends the titles of `rows` to `out`. They lie scattered over the text read; fetching them
/// in a loop of their own lets the memory system overlap the reads.
pub fn copy_titles(rows: &[Row], titles: Titles<'_>, out: &mut TextColumn) {
    for row in rows {
        out.push(titles.of(row));
    }
}

/// Sorts `rows` by (instant, file position).
pub fn sort_by_time(rows: &mut [Row]) {
    rows.sort_unstable_by_key(|row| (row.ts_ms, row.index));
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_row_is_32_bytes_and_keeps_its_line_and_time_of_day() {
        assert_eq!(std::mem::size_of::<Row>(), 32);
        for (line, has_time) in [(1, true), (1, false), (TIMELESS - 1, false), (u32::MAX, true)] {
            let row = Row { line_and_time: Row::line_and_time(line, has_time), ..Row::default() };
            assert_eq!((row.line(), row.has_time()), (line.min(TIMELESS - 1), has_time));
        }
    }

    use super::*;

    #[test]
    fn a_title_length_from_its_place_equals_the_titles_length() {
        let titles = Titles { text: "xx Kremlin says", copied: "Copied one" };
        let row = |title_start, title_end| Row {
            ts_ms: 0,
            index: 0,
            title_start,
            title_end,
            views: 0,
            category: 0,
            line_and_time: Row::line_and_time(2, true),
        };
        for row in [row(3, 15), row(0, 0), row(0, 6 | COPIED), row(7, 10 | COPIED)] {
            assert_eq!(row.title_len(), titles.of(&row).len(), "{row:?}");
        }
    }

    #[test]
    fn instants_then_file_positions() {
        let row = |ts_ms, index| Row {
            ts_ms,
            index,
            title_start: 0,
            title_end: 0,
            views: 0,
            category: 0,
            line_and_time: Row::line_and_time(index + 2, true),
        };
        let mut rows = vec![row(5, 2), row(-1, 7), row(5, 0), row(UNDATED, 3), row(5, 1)];
        sort_by_time(&mut rows);
        let order: Vec<(i64, u32)> = rows.iter().map(|r| (r.ts_ms, r.index)).collect();
        assert_eq!(order, vec![(UNDATED, 3), (-1, 7), (5, 0), (5, 1), (5, 2)]);
    }
}
