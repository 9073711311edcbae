//! Publication timing: weekday × hour grids.

use super::selection::Selection;
use super::store::Store;
use super::time_keys::NO_HOUR;
use headline_trends_kernels::week_grid::{Rows, group_by_cell};

/// Cells of the grid: weekday (0 = Sunday) × 24 + hour.
pub use headline_trends_kernels::week_grid::N_CELLS;

/// Article counts per (weekday, hour) cell, and the number of date-only articles left out.
pub fn weekday_hour_counts(store: &Store, selection: &Selection) -> ([u32; N_CELLS], u32) {
    let mut cells = [0u32; N_CELLS];
    let mut n_date_only = 0;
    let (hours, weekdays) = (&store.keys.hour, &store.keys.weekday);
    let mut add = |row: usize| {
        let hour = hours[row];
        if hour == NO_HOUR {
            n_date_only += 1;
        } else {
            cells[usize::from(weekdays[row]) * 24 + usize::from(hour)] += 1;
        }
    };
    match selection {
        Selection::Range(range) => return range_counts(store, range.clone()),
        Selection::Rows(rows) => rows.iter().for_each(|&r| add(r as usize)),
    }
    (cells, n_date_only)
}

/// Grid counts of a row range from the hour runs: one step per hour of the calendar, not per row.
fn range_counts(store: &Store, range: std::ops::Range<u32>) -> ([u32; N_CELLS], u32) {
    let mut cells = [0u32; N_CELLS];
    let mut n_date_only = 0;
    let runs = &store.keys.hour_runs;
    let first = runs.partition_point(|&(_, start)| start <= range.start).saturating_sub(1);
    for (i, &(cell, start)) in runs.iter().enumerate().skip(first) {
        if start >= range.end {
            break;
        }
        let end = runs.get(i + 1).map_or(range.end, |&(_, s)| s.min(range.end));
        let n = end.saturating_sub(start.max(range.start));
        if cell == u16::MAX {
            n_date_only += n;
        } else {
            cells[usize::from(cell)] += n;
        }
    }
    (cells, n_date_only)
}

/// One cell of the weekday × hour grid.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct TimingCell {
    /// 0 = Sunday.
    pub weekday: u8,
    /// 0–23.
    pub hour: u8,
    /// Articles published in the cell.
    pub n_articles: u32,
    /// Median views of those with views.
    pub median_views: Option<f64>,
    /// How many had views.
    pub n_with_views: u32,
}

/// The whole grid (168 cells, Sunday 00 first) and the count of date-only articles left out.
/// Views are grouped by cell (the kernels' `group_by_cell`), then each cell's median is
/// selected in place.
pub fn timing_grid(store: &Store, selection: &Selection) -> (Vec<TimingCell>, u32) {
    if matches!(selection, Selection::Range(range) if range.start == 0 && range.end as usize == store.len()) {
        return store.all_rows_timing.get_or_init(|| grid_of(store, selection)).clone();
    }
    grid_of(store, selection)
}

fn grid_of(store: &Store, selection: &Selection) -> (Vec<TimingCell>, u32) {
    let rows = match selection {
        Selection::Range(range) => Rows::Range(range.clone()),
        Selection::Rows(rows) => Rows::List(rows),
    };
    let mut grid = group_by_cell(&store.keys.hour, &store.keys.weekday, &store.views, rows);
    let cells = (0..N_CELLS)
        .map(|cell| TimingCell {
            weekday: u8::try_from(cell / 24).unwrap_or(0),
            hour: u8::try_from(cell % 24).unwrap_or(0),
            n_articles: grid.counts[cell],
            n_with_views: u32::try_from(grid.starts[cell + 1] - grid.starts[cell]).unwrap_or(u32::MAX),
            median_views: super::stats::median(&mut grid.views[grid.starts[cell]..grid.starts[cell + 1]]),
        })
        .collect();
    (cells, grid.n_date_only)
}

/// The cell with the highest median views among cells with at least `min_articles` articles
/// with views (ties: the earlier cell in the week).
pub fn best_slot(cells: &[TimingCell], min_articles: u32) -> Option<TimingCell> {
    cells
        .iter()
        .filter(|c| c.n_with_views >= min_articles)
        .filter_map(|c| Some((c.median_views?, c)))
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| (b.1.weekday, b.1.hour).cmp(&(a.1.weekday, a.1.hour))))
        .map(|(_, c)| *c)
}
