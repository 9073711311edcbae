//! The byte classes the keyed tokenizer needs, 64 bytes of an ASCII title at a time, as bit
//! masks (bit `k` is byte `k`).
//!
//! Contract: `ByteClasses::of(chunks, n)` marks, among the first `n` bytes (the title's bytes
//! from where it is read on; the rest are zero in every mask):
//! - `alnum`: ASCII letters and digits;
//! - `word`: letters, digits and `_` (the bytes a word may start with);
//! - `breaking`: every other byte except the gaps that keep a clause going (ASCII whitespace,
//!   vertical tab, `-`, `#`, `@`) — a word after one of them starts a clause.
//!
//! With the masks the tokenizer finds where a word ends and where the next begins by counting
//! zero bits, instead of testing the bytes one by one. Each 16 bytes are classified with
//! `wide`'s portable SIMD (wasm `simd128` in the page, SSE2 natively): a few compares and one
//! bit mask per class. A test checks every byte value in every lane against the definitions.

use wide::u8x16;

/// Masks of up to 64 bytes; see the module's contract.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct ByteClasses {
    pub alnum: u64,
    pub word: u64,
    pub breaking: u64,
}

impl ByteClasses {
    /// The classes of the first `n` bytes of the four 16-byte `chunks` (little-endian, byte
    /// `k` of the text is byte `k % 16` of chunk `k / 16`).
    #[inline(always)]
    pub fn of(chunks: [u128; 4], n: usize) -> ByteClasses {
        let mut masks = [0u64; 3];
        for (k, chunk) in chunks.into_iter().enumerate() {
            let [alnum, underscore, quiet] = chunk_classes(chunk);
            masks[0] |= u64::from(alnum) << (16 * k);
            masks[1] |= u64::from(underscore) << (16 * k);
            masks[2] |= u64::from(quiet) << (16 * k);
        }
        let within = if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
        let [alnum, underscore, quiet] = masks;
        ByteClasses {
            alnum: alnum & within,
            word: (alnum | underscore) & within,
            breaking: !(alnum | underscore | quiet) & within,
        }
    }
}

/// The bytes of `chunk` that are letters or digits, that are `_`, and that are gaps keeping a
/// clause going, as three 16-bit masks. `wide` compiles the compares and `to_bitmask` to the
/// target's SIMD instructions (wasm `simd128` in the page, SSE2 natively).
#[inline(always)]
fn chunk_classes(chunk: u128) -> [u16; 3] {
    let bytes = u8x16::from(chunk.to_le_bytes());
    let splat = u8x16::splat;
    // `x - lo` (wrapping) is below `n` exactly for the bytes in `lo..lo + n`.
    let in_range = |x: u8x16, lo: u8, n: u8| (x - splat(lo)).simd_lt(splat(n));
    let is = |b: u8| bytes.simd_eq(splat(b));
    let letters = in_range(bytes | splat(0x20), b'a', 26);
    let alnum = letters | in_range(bytes, b'0', 10);
    let quiet = in_range(bytes, b'\t', 5) | is(b' ') | is(b'-') | is(b'#') | is(b'@');
    #[expect(clippy::cast_possible_truncation, reason = "16 lanes, 16 bits")]
    let mask = |lanes: u8x16| lanes.to_bitmask() as u16;
    [mask(alnum), mask(is(b'_')), mask(quiet)]
}

/// The classes of each byte of `chunk` by their definitions, one byte at a time.
#[cfg(test)]
fn by_definition(chunk: u128) -> [u16; 3] {
    let mut masks = [0u16; 3];
    for (k, b) in chunk.to_le_bytes().into_iter().enumerate() {
        let quiet = b.is_ascii_whitespace() || matches!(b, 0x0b | b'-' | b'#' | b'@');
        for (mask, is) in masks.iter_mut().zip([b.is_ascii_alphanumeric(), b == b'_', quiet]) {
            *mask |= u16::from(is) << k;
        }
    }
    masks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_value_in_every_lane_is_classified_by_definition() {
        for lane in 0..16 {
            for b in 0..=255u8 {
                // The byte in one lane, a different neighbour around it.
                let mut bytes = [b'a'.wrapping_add(b); 16];
                bytes[lane] = b;
                let chunk = u128::from_le_bytes(bytes);
                assert_eq!(chunk_classes(chunk), by_definition(chunk), "byte {b:#04x} in lane {lane}");
            }
        }
    }

    #[test]
    fn the_masks_stop_at_the_title_s_end() {
        let text = *b"Ab_1 -x, y@#\tz.Q";
        let chunk = u128::from_le_bytes(text);
        let classes = ByteClasses::of([chunk, chunk, 0, 0], 20);
        // Letters and digits: A b 1 x y z Q (bytes 0 1 3 6 9 13 15), and in the second
        // chunk A b 1 (16 17 19) — byte 20 and on are past the title.
        let alnum = 0b1010_0010_0100_1011u64 | (0b1011 << 16);
        assert_eq!(classes.alnum, alnum);
        assert_eq!(classes.word, alnum | (1 << 2) | (1 << 18));
        // Breaking: `,` (7) and `.` (14) in each chunk, within the 20 bytes.
        assert_eq!(classes.breaking, (1 << 7) | (1 << 14));
    }
}
