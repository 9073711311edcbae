//! Where the phrase and name finders pause: every `ROWS_A_PAUSE` rows of each pass over the
//! rows they await a `Pause`, told the share of their work done. The page yields to the
//! browser there; natively `finished_now` runs a finder to its end in one call.

use std::future::Future;
use std::ops::Range;
use std::pin::Pin;

/// Where a finder pauses, with the share of its work done (0 – 1): the future returned is
/// awaited there. One type for every caller, so each finder is compiled once.
pub type Pause<'p> = dyn FnMut(f64) -> Pin<Box<dyn Future<Output = ()> + 'p>> + 'p;

/// Rows of a pass between two pauses (a few milliseconds of work in the page).
pub(super) const ROWS_A_PAUSE: u32 = 8192;

/// Runs a finder whose pauses are ready at once (`no_pause`) to its end.
#[cfg(not(target_arch = "wasm32"))]
pub fn finished_now<T>(finder: impl Future<Output = T>) -> T {
    let mut finder = std::pin::pin!(finder);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(found) = finder.as_mut().poll(&mut context) {
            return found;
        }
    }
}

/// A pause that does not wait.
#[cfg(not(target_arch = "wasm32"))]
pub fn no_pause(_done: f64) -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(std::future::ready(()))
}

/// The rows `0..n_rows` in runs of `ROWS_A_PAUSE`.
pub(super) fn runs_of_rows(n_rows: u32) -> impl Iterator<Item = Range<u32>> {
    (0..n_rows).step_by(ROWS_A_PAUSE as usize).map(move |start| start..start.saturating_add(ROWS_A_PAUSE).min(n_rows))
}

/// The share done when pass `pass` of `n_passes` over `n_rows` rows is at `row`.
pub(super) fn share_done(pass: u32, n_passes: u32, row: u32, n_rows: u32) -> f64 {
    (f64::from(pass) + f64::from(row) / f64::from(n_rows.max(1))) / f64::from(n_passes)
}
