//! The fixed-size fields of the articles of a file, one record per article, and their sort
//! into time order.

/// `ts_ms` of an article without a publication time.
pub const UNDATED: i64 = i64::MIN;

/// One article's fixed-size fields, in one record so that sorting moves them together.
#[derive(Clone, Copy, Debug)]
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
    /// The line the article starts on.
    pub line: u32,
    /// False for a date without a time of day.
    pub has_time: bool,
}

/// Sorts `rows` by (instant, file position).
pub fn sort_by_time(rows: &mut [Row]) {
    rows.sort_unstable_by_key(|row| (row.ts_ms, row.index));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_then_file_positions() {
        let row = |ts_ms, index| Row {
            ts_ms,
            index,
            title_start: 0,
            title_end: 0,
            views: 0,
            category: 0,
            line: index + 2,
            has_time: true,
        };
        let mut rows = vec![row(5, 2), row(-1, 7), row(5, 0), row(UNDATED, 3), row(5, 1)];
        sort_by_time(&mut rows);
        let order: Vec<(i64, u32)> = rows.iter().map(|r| (r.ts_ms, r.index)).collect();
        assert_eq!(order, vec![(UNDATED, 3), (-1, 7), (5, 0), (5, 1), (5, 2)]);
    }
}
