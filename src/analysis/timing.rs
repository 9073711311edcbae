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
        Selection::Range(range) => (range.start as usize..range.end as usize).for_each(&mut add),
        Selection::Rows(rows) => rows.iter().for_each(|&r| add(r as usize)),
    }
    (cells, n_date_only)
}
