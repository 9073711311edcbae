//! 1-based source line numbers, as editors count them: 1 plus the line breaks before a place.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::num::NonZeroU32;

/// A 1-based line number in the input file. Displays as the bare number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineNo(pub NonZeroU32);

impl LineNo {
    /// Line 1.
    pub const FIRST: LineNo = LineNo(NonZeroU32::MIN);

    /// The line with the given 1-based number; 0 (and anything past `u32::MAX`) saturates into range.
    pub fn new(one_based: usize) -> LineNo {
        let clamped = u32::try_from(one_based).unwrap_or(u32::MAX).max(1);
        LineNo(NonZeroU32::new(clamped).unwrap_or(NonZeroU32::MIN))
    }

    /// The line number as a plain integer.
    pub fn get(self) -> u32 {
        self.0.get()
    }
}

impl fmt::Display for LineNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
