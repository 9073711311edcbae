//! Many strings in one buffer with offsets: 4 bytes of overhead a string instead of 24 + heap.
//!
//! A column that has held only empty strings (a dataset without URLs or bodies) keeps no
//! offsets at all — just the count — until its first text arrives: 4 MB less to write and keep
//! per empty column at a million rows.

/// An append-only column of strings.
#[derive(Clone, Debug, Default)]
pub struct TextColumn {
    buffer: String,
    /// The end of each string in `buffer`; empty while every string so far is empty.
    ends: Vec<u32>,
    n_strings: usize,
}

impl TextColumn {
    /// An empty column with room for `n` strings of `n_bytes` in all (offsets are reserved only
    /// when text is expected).
    pub fn with_capacity(n: usize, n_bytes: usize) -> TextColumn {
        let n_ends = if n_bytes > 0 { n } else { 0 };
        TextColumn { buffer: String::with_capacity(n_bytes), ends: Vec::with_capacity(n_ends), n_strings: 0 }
    }

    /// Appends one string (columns beyond 4 GiB of text are not supported: the offset saturates).
    pub fn push(&mut self, text: &str) {
        if self.buffer.is_empty() {
            if text.is_empty() {
                self.n_strings += 1;
                return;
            }
            self.ends.resize(self.n_strings, 0);
        }
        self.buffer.push_str(text);
        self.ends.push(u32::try_from(self.buffer.len()).unwrap_or(u32::MAX));
        self.n_strings += 1;
    }

    /// The string at `index`. (The same steps as `range_of`, written out: `get` through
    /// `range_of` made the page 40 – 65 bytes larger, beyond its budget, in session 12.)
    pub fn get(&self, index: usize) -> &str {
        if self.buffer.is_empty() {
            assert!(index < self.n_strings, "string {index} of a column of {}", self.n_strings);
            return "";
        }
        let start = if index == 0 { 0 } else { self.ends[index - 1] as usize };
        &self.buffer[start..self.ends[index] as usize]
    }

    /// The string at `index` as its byte range in `all_text` (the strings one after the
    /// other), for a reader that may look past a string's end into the bytes that follow.
    pub fn range_of(&self, index: usize) -> std::ops::Range<usize> {
        if self.buffer.is_empty() {
            assert!(index < self.n_strings, "string {index} of a column of {}", self.n_strings);
            return 0..0;
        }
        let start = if index == 0 { 0 } else { self.ends[index - 1] as usize };
        start..self.ends[index] as usize
    }

    /// Every string, one after the other.
    pub fn all_text(&self) -> &str {
        &self.buffer
    }

    /// Appends every string of `other`.
    pub fn append(&mut self, other: &TextColumn) {
        if self.buffer.is_empty() && !other.buffer.is_empty() {
            self.ends.resize(self.n_strings, 0);
        }
        let base = u32::try_from(self.buffer.len()).unwrap_or(u32::MAX);
        if other.buffer.is_empty() {
            if !self.buffer.is_empty() {
                self.ends.extend(std::iter::repeat_n(base, other.n_strings));
            }
        } else {
            self.buffer.push_str(&other.buffer);
            self.ends.extend(other.ends.iter().map(|&end| base.saturating_add(end)));
        }
        self.n_strings += other.n_strings;
    }

    /// Makes room for `n` more strings of `n_bytes` in all.
    pub fn reserve(&mut self, n: usize, n_bytes: usize) {
        if n_bytes > 0 || !self.buffer.is_empty() {
            self.ends.reserve(n);
        }
        self.buffer.reserve(n_bytes);
    }

    /// Bytes of text held.
    pub fn text_len(&self) -> usize {
        self.buffer.len()
    }

    /// True when some string is not empty.
    pub fn has_text(&self) -> bool {
        !self.buffer.is_empty()
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.n_strings
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.n_strings == 0
    }

    /// Bytes held (text and offsets).
    pub fn heap_bytes(&self) -> usize {
        self.buffer.capacity() + self.ends.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(column: &TextColumn) -> Vec<&str> {
        (0..column.len()).map(|i| column.get(i)).collect()
    }

    #[test]
    fn empty_strings_cost_no_offsets_until_text_arrives() {
        let mut column = TextColumn::with_capacity(10, 0);
        column.push("");
        column.push("");
        assert_eq!((column.len(), column.heap_bytes()), (2, 0));
        column.push("https://a.example/");
        column.push("");
        column.push("b");
        assert_eq!(strings(&column), ["", "", "https://a.example/", "", "b"]);
    }

    #[test]
    fn append_joins_every_mix_of_empty_and_text_columns() {
        let of = |items: &[&str]| {
            let mut column = TextColumn::default();
            items.iter().for_each(|s| column.push(s));
            column
        };
        let cases: [(&[&str], &[&str]); 5] = [
            (&["", ""], &["", ""]),
            (&["", ""], &["x", ""]),
            (&["a", ""], &["", ""]),
            (&["a"], &["", "b"]),
            (&[], &[""]),
        ];
        for (first, second) in cases {
            let mut joined = of(first);
            joined.append(&of(second));
            assert_eq!(strings(&joined), [first, second].concat(), "{first:?} + {second:?}");
        }
    }

    #[test]
    #[should_panic(expected = "string 2 of a column of 2")]
    fn reading_past_the_end_of_an_empty_column_panics_like_any_other() {
        let mut column = TextColumn::default();
        column.push("");
        column.push("");
        column.get(2);
    }
}
