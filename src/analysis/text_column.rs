//! Many strings in one buffer with offsets: 4 bytes of overhead a string instead of 24 + heap.

/// An append-only column of strings.
#[derive(Clone, Debug, Default)]
pub struct TextColumn {
    buffer: String,
    ends: Vec<u32>,
}

impl TextColumn {
    /// An empty column with room for `n` strings.
    pub fn with_capacity(n: usize, n_bytes: usize) -> TextColumn {
        TextColumn { buffer: String::with_capacity(n_bytes), ends: Vec::with_capacity(n) }
    }

    /// Appends one string (columns beyond 4 GiB of text are not supported: the offset saturates).
    pub fn push(&mut self, text: &str) {
        self.buffer.push_str(text);
        self.ends.push(u32::try_from(self.buffer.len()).unwrap_or(u32::MAX));
    }

    /// The string at `index`.
    pub fn get(&self, index: usize) -> &str {
        let start = if index == 0 { 0 } else { self.ends[index - 1] as usize };
        &self.buffer[start..self.ends[index] as usize]
    }

    /// Appends every string of `other`.
    pub fn append(&mut self, other: &TextColumn) {
        let base = u32::try_from(self.buffer.len()).unwrap_or(u32::MAX);
        self.buffer.push_str(&other.buffer);
        self.ends.extend(other.ends.iter().map(|&end| base.saturating_add(end)));
    }

    /// Makes room for `n` more strings of `n_bytes` in all.
    pub fn reserve(&mut self, n: usize, n_bytes: usize) {
        self.ends.reserve(n);
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
        self.ends.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes held (text and offsets).
    pub fn heap_bytes(&self) -> usize {
        self.buffer.capacity() + self.ends.capacity() * 4
    }
}
