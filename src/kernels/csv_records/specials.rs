//! Where the bytes a CSV line splitter stops at lie — `\n`, `\r`, `"` and the delimiter —
//! found 64 bytes at a time as a bit mask (bit `k` is byte `block_start + k`).
//!
//! Contract: `next_from(text, at)` is the position of the first such byte at or after `at`
//! (`None` when there is none before the text's end), exactly as a byte-by-byte search would
//! find it. A mask is made for the 64 bytes from where a search first needs it and kept for
//! the searches that follow within them, so reading a text front to back classifies each byte
//! about once. Each 16 bytes are compared with `wide`'s portable SIMD (wasm `simd128` in the
//! page, SSE2 natively); a test checks every byte value in every lane.

use wide::u8x16;

/// A block start no position is within: any `at` minus it (wrapping) is at least 64.
const NO_BLOCK: usize = usize::MAX - 63;

/// A kept mask of special bytes; see the module's contract.
pub(super) struct Specials {
    delimiter: u8,
    /// Where the kept mask's 64 bytes start (`NO_BLOCK` before the first search).
    block_start: usize,
    /// The special bytes among the 64 from `block_start` (none past the text's end).
    mask: u64,
}

impl Specials {
    pub fn new(delimiter: u8) -> Specials {
        Specials { delimiter, block_start: NO_BLOCK, mask: 0 }
    }

    /// The first special byte of `text` at or after `at`.
    #[inline(always)]
    pub fn next_from(&mut self, text: &[u8], mut at: usize) -> Option<usize> {
        loop {
            // Wrapping: a position before the block is as far from it as one past it.
            let mut into_block = at.wrapping_sub(self.block_start);
            if into_block >= 64 {
                if at >= text.len() {
                    return None;
                }
                self.classify(text, at);
                into_block = 0;
            }
            let ahead = self.mask >> into_block;
            if ahead != 0 {
                return Some(at + ahead.trailing_zeros() as usize);
            }
            at = self.block_start + 64;
        }
    }

    /// Keeps the mask of the (up to) 64 bytes from `at`, which is within `text`.
    #[inline(always)]
    fn classify(&mut self, text: &[u8], at: usize) {
        self.block_start = at;
        let chunks = match text.get(at..at + 64) {
            Some(block) => std::array::from_fn(|k| {
                let mut bytes = [0u8; 16];
                bytes.copy_from_slice(&block[16 * k..16 * k + 16]);
                bytes
            }),
            None => chunks_near_the_end(&text[at..]),
        };
        let mut mask = 0u64;
        for (k, chunk) in chunks.into_iter().enumerate() {
            mask |= u64::from(chunk_mask(chunk, self.delimiter)) << (16 * k);
        }
        let n = text.len() - at;
        self.mask = if n >= 64 { mask } else { mask & ((1u64 << n) - 1) };
    }
}

/// The last (fewer than 64) bytes of a text as four chunks, zero past its end.
#[inline(never)]
fn chunks_near_the_end(rest: &[u8]) -> [[u8; 16]; 4] {
    let mut padded = [0u8; 64];
    padded[..rest.len()].copy_from_slice(rest);
    std::array::from_fn(|k| {
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&padded[16 * k..16 * k + 16]);
        bytes
    })
}

/// The special bytes of `chunk` as a 16-bit mask.
#[inline(always)]
fn chunk_mask(chunk: [u8; 16], delimiter: u8) -> u16 {
    let bytes = u8x16::from(chunk);
    let is = |b: u8| bytes.simd_eq(u8x16::splat(b));
    let special = is(b'\n') | is(b'\r') | is(b'"') | is(delimiter);
    #[expect(clippy::cast_possible_truncation, reason = "16 lanes, 16 bits")]
    let mask = special.to_bitmask() as u16;
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_definition(text: &[u8], at: usize, delimiter: u8) -> Option<usize> {
        (at..text.len()).find(|&i| matches!(text[i], b'\n' | b'\r' | b'"') || text[i] == delimiter)
    }

    #[test]
    fn every_byte_value_in_every_lane_is_found_by_definition() {
        for delimiter in [b',', b';', b'\t', b'|'] {
            for lane in 0..16 {
                for b in 0..=255u8 {
                    let mut chunk = [b'a'.wrapping_add(b) | 0x40; 16];
                    chunk[lane] = b;
                    let expected = chunk.iter().enumerate().fold(0u16, |mask, (k, &c)| {
                        mask | u16::from(matches!(c, b'\n' | b'\r' | b'"') || c == delimiter) << k
                    });
                    assert_eq!(chunk_mask(chunk, delimiter), expected, "byte {b:#04x} in lane {lane}");
                }
            }
        }
    }

    #[test]
    fn searches_from_any_position_find_what_a_byte_loop_finds() {
        // Specials sparse and dense, around the 64-byte blocks and the text's end.
        let mut text = Vec::new();
        for i in 0..300usize {
            text.push(match (i * 7 + i / 13) % 23 {
                0 => b',',
                5 => b'"',
                9 if i % 3 == 0 => b'\n',
                17 if i > 150 => b'\r',
                _ => b'a' + (i % 26) as u8,
            });
        }
        text.extend_from_slice(&[b'x'; 70]);
        for len in [0, 1, 15, 16, 63, 64, 65, 127, 128, 200, text.len()] {
            let text = &text[..len];
            let mut specials = Specials::new(b',');
            // Front to back, as the reader searches, and then jumping back and forth.
            let mut at = 0;
            while let Some(found) = specials.next_from(text, at) {
                assert_eq!(Some(found), by_definition(text, at, b','), "len {len} from {at}");
                at = found + 1;
            }
            assert_eq!(by_definition(text, at, b','), None, "len {len} from {at}");
            for at in [len, len / 2, 3, len.saturating_sub(1), 0, len / 3 + 64] {
                assert_eq!(specials.next_from(text, at), by_definition(text, at, b','), "len {len} at {at}");
            }
        }
    }
}
