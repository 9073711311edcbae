//! Publication timing: weekday × hour grids.

use super::selection::Selection;
use super::store::Store;
use super::time_keys::NO_HOUR;

/// Cells of the grid: weekday (0 = Sunday) × 24 + hour.
pub const N_CELLS: usize = 7 * 24;

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
/// Views are grouped by cell with a counting sort into one buffer, then each cell's median is
/// selected in place.
pub fn timing_grid(store: &Store, selection: &Selection) -> (Vec<TimingCell>, u32) {
    if matches!(selection, Selection::Range(range) if range.start == 0 && range.end as usize == store.len()) {
        return store.all_rows_timing.get_or_init(|| grid_of(store, selection)).clone();
    }
    grid_of(store, selection)
}

fn grid_of(store: &Store, selection: &Selection) -> (Vec<TimingCell>, u32) {
    // One pass over the selected rows (whose columns are scattered reads for a search result)
    // counts every cell and keeps (cell, views) pairs; the views are then grouped by cell from
    // those pairs, read front to back.
    let (hours, weekdays, views) = (&store.keys.hour, &store.keys.weekday, &store.views);
    let mut counts = [0u32; N_CELLS];
    let mut n_date_only = 0u32;
    let mut with_views = [0usize; N_CELLS];
    let mut pairs: Vec<(u8, u32)> = Vec::with_capacity(selection.len());
    for row in selection.iter().map(|r| r as usize) {
        let hour = hours[row];
        if hour == NO_HOUR {
            n_date_only += 1;
            continue;
        }
        let cell = usize::from(weekdays[row]) * 24 + usize::from(hour);
        counts[cell] += 1;
        if views[row] != super::store::NO_VIEWS {
            with_views[cell] += 1;
            pairs.push((u8::try_from(cell).unwrap_or(u8::MAX), views[row]));
        }
    }
    let mut starts = [0usize; N_CELLS + 1];
    for cell in 0..N_CELLS {
        starts[cell + 1] = starts[cell] + with_views[cell];
    }
    let mut buffer = vec![0u32; pairs.len()];
    let mut cursor = starts;
    for (cell, views) in pairs {
        buffer[cursor[usize::from(cell)]] = views;
        cursor[usize::from(cell)] += 1;
    }
    let cells = (0..N_CELLS)
        .map(|cell| TimingCell {
            weekday: u8::try_from(cell / 24).unwrap_or(0),
            hour: u8::try_from(cell % 24).unwrap_or(0),
            n_articles: counts[cell],
            n_with_views: u32::try_from(with_views[cell]).unwrap_or(u32::MAX),
            median_views: super::stats::median(&mut buffer[starts[cell]..starts[cell + 1]]),
        })
        .collect();
    (cells, n_date_only)
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
