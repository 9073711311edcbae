//! Byte offsets to 1-based line numbers, counted once over the text.

use crate::model::LineNo;

/// Counts newlines incrementally, for byte offsets visited in increasing order (any order
/// works, but a backwards step rescans from the start).
#[derive(Default)]
pub struct LineCounter {
    offset: usize,
    n_newlines: usize,
}

impl LineCounter {
    /// The line that holds byte `offset` of `text`.
    pub fn line_at(&mut self, text: &str, offset: usize) -> LineNo {
        let offset = offset.min(text.len());
        if offset < self.offset {
            *self = LineCounter::default();
        }
        self.n_newlines += memchr::memchr_iter(b'\n', &text.as_bytes()[self.offset..offset]).count();
        self.offset = offset;
        LineNo::new(self.n_newlines + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lf_and_crlf_lines() {
        let text = "a\r\nb\nc";
        let mut lines = LineCounter::default();
        let got: Vec<u32> = [0, 3, 5, 6, 2].iter().map(|&o| lines.line_at(text, o).get()).collect();
        assert_eq!(got, [1, 2, 3, 3, 1]);
    }
}
