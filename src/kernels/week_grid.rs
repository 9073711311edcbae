//! Rows grouped by weekday × hour cell: counts, and each cell's view counts side by side.
//!
//! Contract: cell = weekday (0 = Sunday) × 24 + hour; rows whose hour is `NO_HOUR` are only
//! counted as date-only; rows whose views are `NO_VIEWS` count in their cell without a view.

use std::ops::Range;

/// Cells of the grid.
pub const N_CELLS: usize = 7 * 24;
/// The hour of a row without a time of day.
pub const NO_HOUR: u8 = u8::MAX;
/// The views of a row without a view count.
pub const NO_VIEWS: u32 = u32::MAX;

/// Rows to group: a range, or a list in ascending order.
#[derive(Clone, Debug)]
pub enum Rows<'a> {
    /// Every row of the range.
    Range(Range<u32>),
    /// These rows.
    List(&'a [u32]),
}

/// What `group_by_cell` returns.
#[derive(Clone, Debug)]
pub struct CellViews {
    /// Rows per cell.
    pub counts: [u32; N_CELLS],
    /// Rows without a time of day.
    pub n_date_only: u32,
    /// Cell `c`'s views are `views[starts[c]..starts[c + 1]]`.
    pub starts: [usize; N_CELLS + 1],
    /// The views of the rows that have them, cell after cell (in row order within a cell).
    pub views: Vec<u32>,
}

/// Groups `rows` by cell, from the per-row `hours`, `weekdays` and `views` columns. One pass
/// over the rows (scattered reads for a search result) keeps (cell, views) pairs; a counting
/// sort then places the views by cell, reading the pairs front to back.
pub fn group_by_cell(hours: &[u8], weekdays: &[u8], views: &[u32], rows: Rows<'_>) -> CellViews {
    let mut counts = [0u32; N_CELLS];
    let mut n_date_only = 0u32;
    let mut with_views = [0usize; N_CELLS];
    let n_rows = match &rows {
        Rows::Range(range) => range.len(),
        Rows::List(list) => list.len(),
    };
    let mut pairs: Vec<(u8, u32)> = Vec::with_capacity(n_rows);
    let mut add = |row: usize| {
        let hour = hours[row];
        if hour == NO_HOUR {
            n_date_only += 1;
            return;
        }
        let cell = usize::from(weekdays[row]) * 24 + usize::from(hour);
        counts[cell] += 1;
        if views[row] != NO_VIEWS {
            with_views[cell] += 1;
            pairs.push((u8::try_from(cell).unwrap_or(u8::MAX), views[row]));
        }
    };
    match rows {
        Rows::Range(range) => range.for_each(|row| add(row as usize)),
        Rows::List(list) => list.iter().for_each(|&row| add(row as usize)),
    }
    let mut starts = [0usize; N_CELLS + 1];
    for cell in 0..N_CELLS {
        starts[cell + 1] = starts[cell] + with_views[cell];
    }
    let mut grouped = vec![0u32; pairs.len()];
    let mut cursor = starts;
    for (cell, views) in pairs {
        grouped[cursor[usize::from(cell)]] = views;
        cursor[usize::from(cell)] += 1;
    }
    CellViews { counts, n_date_only, starts, views: grouped }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_land_in_their_cells_with_their_views() {
        // Row: 0 Sun 01 (7 views), 1 date-only, 2 Mon 00 (no views), 3 Sun 01 (3 views), 4 Sat 23 (5).
        let hours = [1, NO_HOUR, 0, 1, 23];
        let weekdays = [0, 2, 1, 0, 6];
        let views = [7, 9, NO_VIEWS, 3, 5];
        for rows in [Rows::Range(0..5), Rows::List(&[0, 1, 2, 3, 4])] {
            let grid = group_by_cell(&hours, &weekdays, &views, rows);
            assert_eq!((grid.counts[1], grid.counts[24], grid.counts[167], grid.n_date_only), (2, 1, 1, 1));
            assert_eq!(grid.counts.iter().sum::<u32>(), 4);
            assert_eq!(&grid.views[grid.starts[1]..grid.starts[2]], &[7, 3]);
            assert!(grid.views[grid.starts[24]..grid.starts[25]].is_empty());
            assert_eq!(&grid.views[grid.starts[167]..grid.starts[168]], &[5]);
        }
        let some = group_by_cell(&hours, &weekdays, &views, Rows::List(&[3, 4]));
        assert_eq!((some.counts[1], some.views.len()), (1, 2));
    }
}
