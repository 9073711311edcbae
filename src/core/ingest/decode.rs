//! Bytes to text: BOM removal, UTF-8 with a Windows-1252 fallback, and a binary check.
//!
//! Contract: `decode` never fails on text in any 8-bit encoding; it fails only on input that is
//! empty or binary. Line structure is preserved (CRLF is handled by the format readers).

use super::IngestError;
use std::borrow::Cow;

/// Text decoded from the input bytes, and whether the Windows-1252 fallback was used.
pub struct Decoded<'a> {
    /// The text, without a BOM.
    pub text: Cow<'a, str>,
    /// True when the bytes were not valid UTF-8 and were read as Windows-1252.
    pub used_windows_1252: bool,
}

/// Decodes `bytes` as UTF-8 (BOM stripped), falling back to Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, IngestError> {
    if let Some(kind) = sniff_binary(bytes) {
        return Err(IngestError::Binary { looks_like: kind });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded { text: Cow::Borrowed(text), used_windows_1252: false }),
        Err(_) => Ok(Decoded {
            text: Cow::Owned(body.iter().map(|&b| windows_1252_char(b)).collect()),
            used_windows_1252: true,
        }),
    }
}

/// Recognises binary input: known magic numbers first, then NUL bytes in the first 8 KiB.
/// Returns `Some(description)` for binary input (`Some(None)` when the kind is unknown).
fn sniff_binary(bytes: &[u8]) -> Option<Option<&'static str>> {
    const MAGIC: [(&[u8], &str); 6] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or a spreadsheet (.xlsx) — save the sheet as CSV first"),
        (b"\xD0\xCF\x11\xE0", "an old Office document (.xls/.doc) — save it as CSV first"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(Some(kind));
    }
    let head = &bytes[..bytes.len().min(8192)];
    let n_control =
        head.iter().filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))).count();
    (head.contains(&0) || n_control * 20 > head.len().max(1)).then_some(None)
}

/// Windows-1252 byte to char: Latin-1 except for 0x80–0x9F (the WHATWG table; the five
/// undefined bytes map to their C1 control code points, as browsers do).
fn windows_1252_char(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Largest decompressed size accepted from a gzip file (a guard against decompression bombs).
pub const MAX_DECOMPRESSED_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The bytes of `input`, decompressed when it is gzip (one or more members). Without the
/// `gzip` feature, gzip bytes are refused: the host inflates them before (the page does).
pub fn decompress(input: &[u8]) -> Result<Cow<'_, [u8]>, IngestError> {
    if !super::gzip::is_gzip(input) {
        return Ok(Cow::Borrowed(input));
    }
    #[cfg(feature = "gzip")]
    return super::gzip::gunzip(input, MAX_DECOMPRESSED_BYTES)
        .map(Cow::Owned)
        .map_err(|message| IngestError::Gzip { message });
    #[cfg(not(feature = "gzip"))]
    Err(IngestError::Gzip { message: "it holds gzip data inside gzip data".to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], expected: Result<(&str, bool), IngestError>) {
        let got = decode(bytes).map(|d| (d.text.into_owned(), d.used_windows_1252));
        assert_eq!(got, expected.map(|(t, w)| (t.to_owned(), w)));
    }

    #[test]
    fn decodes_every_supported_encoding() {
        check(b"plain", Ok(("plain", false)));
        check(b"\xEF\xBB\xBFwith bom", Ok(("with bom", false)));
        check(b"caf\xC3\xA9\r\n", Ok(("café\r\n", false)));
        check(b"caf\xE9 \x93quoted\x94 \x80", Ok(("café “quoted” €", true)));
    }

    #[test]
    fn rejects_empty_and_binary_input() {
        check(b"", Err(IngestError::Empty));
        check(b" \n\r\n\t", Err(IngestError::Empty));
        check(b"\xEF\xBB\xBF", Err(IngestError::Empty));
        check(b"\x89PNG\r\n\x1a\n....", Err(IngestError::Binary { looks_like: Some("a PNG image") }));
        check(b"abc\0def", Err(IngestError::Binary { looks_like: None }));
        assert!(matches!(
            decode(b"PK\x03\x04xl/workbook.xml"),
            Err(IngestError::Binary { looks_like: Some(k) }) if k.contains(".xlsx")
        ));
    }
}
