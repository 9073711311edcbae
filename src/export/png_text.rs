//! Adding a `tEXt` chunk (keyword and Latin-1 text) to a PNG, right after its header chunk, so
//! a PNG export carries its manifest.

/// `png` with a `tEXt` chunk `keyword`/`text` after IHDR; `None` if `png` is not a PNG.
pub fn with_text_chunk(png: &[u8], keyword: &str, text: &str) -> Option<Vec<u8>> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !png.starts_with(SIGNATURE) || png.get(12..16) != Some(b"IHDR") {
        return None;
    }
    let ihdr_len = usize::try_from(u32::from_be_bytes(png.get(8..12)?.try_into().ok()?)).ok()?;
    let after_ihdr = 8 + 12 + ihdr_len;
    // tEXt is Latin-1: keep ASCII and escape anything else as \u{…}.
    let latin1: String =
        text.chars().map(|c| if c.is_ascii() { c.to_string() } else { format!("\\u{{{:x}}}", c as u32) }).collect();
    let mut data = Vec::with_capacity(keyword.len() + 1 + latin1.len());
    data.extend_from_slice(keyword.as_bytes());
    data.push(0);
    data.extend_from_slice(latin1.as_bytes());
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
    let mut typed = b"tEXt".to_vec();
    typed.extend_from_slice(&data);
    chunk.extend_from_slice(&typed);
    chunk.extend_from_slice(&crate::crc32::crc32(&typed).to_be_bytes());
    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend_from_slice(png.get(..after_ihdr)?);
    out.extend_from_slice(&chunk);
    out.extend_from_slice(png.get(after_ihdr..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG (IHDR, IDAT, IEND).
    const TINY: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\x00\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";

    #[test]
    fn the_chunk_lands_after_the_header_with_a_valid_crc() {
        let out = with_text_chunk(TINY, "manifest", "{\"a\": \"é\"}").unwrap();
        let data: &[u8] = b"manifest\0{\"a\": \"\\u{e9}\"}";
        let end = 41 + data.len();
        assert_eq!(&out[33..37], &u32::try_from(data.len()).unwrap().to_be_bytes(), "length of keyword + NUL + text");
        assert_eq!(&out[37..41], b"tEXt");
        assert_eq!(&out[41..end], data);
        let crc = crate::crc32::crc32(&out[37..end]);
        assert_eq!(&out[end..end + 4], &crc.to_be_bytes());
        assert_eq!(&out[end + 4..], &TINY[33..]);
        assert_eq!(with_text_chunk(b"GIF89a", "k", "v"), None);
    }
}
