//! CRC-32 as gzip, ZIP and PNG use it (ISO-HDLC: reflected polynomial 0xEDB88320).
//!
//! Contract: one table of 256 entries (1 KB), built at compile time by the `crc` crate. The usual
//! alternative, `crc32fast`, carries a 16 KB slice-by-16 table that does not compress and would
//! add 16 KB to the gzipped page; every input CRC'd here (a gzip member, an export) is small or
//! already being inflated, so the byte-at-a-time speed is enough.

static CRC_32: crc::Crc<u32, crc::Table<1>> = crc::Crc::<u32, crc::Table<1>>::new(&crc::CRC_32_ISO_HDLC);

/// The CRC-32 of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    CRC_32.checksum(bytes)
}

/// A CRC-32 over bytes that arrive in pieces.
pub struct Crc32(crc::Digest<'static, u32, crc::Table<1>>);

impl Crc32 {
    /// A digest of nothing yet.
    pub fn new() -> Self {
        Self(CRC_32.digest())
    }

    /// Adds `bytes`.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The CRC-32 of everything added.
    pub fn finish(self) -> u32 {
        self.0.finalize()
    }
}

impl Default for Crc32 {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_check_values() {
        // The catalogue's check value, and the IHDR chunk of a 1×1 RGBA PNG.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"IHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0"), 0x1F15_C489);
        assert_eq!(crc32(b""), 0);
        let mut pieces = Crc32::new();
        pieces.update(b"1234");
        pieces.update(b"56789");
        assert_eq!(pieces.finish(), 0xCBF4_3926);
    }
}
