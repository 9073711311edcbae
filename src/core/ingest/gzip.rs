//! Gzip files (RFC 1952): one or more members, each a header, a DEFLATE stream and a trailer.
//!
//! Contract: `gunzip` returns every member's bytes concatenated, or one plain reason. Every
//! member's CRC-32 and length are checked (and the header CRC when present); a truncated
//! stream, a damaged member, bytes after the last member that are not another member, and
//! output beyond `limit` are errors — nothing is dropped silently.
//!
//! The DEFLATE streams are inflated by `flate2` (feature `gzip`); the member framing is read
//! here because `flate2`'s gzip reader brings in `crc32fast` and its 16 KB table (see
//! `crate::crc32`). A host with an inflater of its own that reads one member at a time (the
//! browser's `DecompressionStream`) finds where a later member may start with
//! `possible_member_starts`.

#[cfg(feature = "gzip")]
use crate::crc32::Crc32;
use crate::crc32::crc32;
#[cfg(feature = "gzip")]
use flate2::{Decompress, FlushDecompress, Status};

const MAGIC: &[u8] = b"\x1F\x8B";
const DEFLATE: u8 = 8;
const FLAG_HEADER_CRC: u8 = 1 << 1;
const FLAG_EXTRA: u8 = 1 << 2;
const FLAG_NAME: u8 = 1 << 3;
const FLAG_COMMENT: u8 = 1 << 4;
const FLAG_RESERVED: u8 = 0b1110_0000;

/// True when `bytes` start like a gzip file.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Offsets in `bytes`, in order, where a member after the first may start: a valid member
/// header (magic, DEFLATE, no reserved flags, whole optional fields, matching header CRC) at
/// least the smallest member's length (20 bytes) in. Every real member start is among them;
/// so, rarely, is a run of compressed bytes that looks like a header — only inflating the
/// bytes before it tells (they inflate whole, checksum and length matching, at a real start).
pub fn possible_member_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const SMALLEST_MEMBER: usize = 10 + 2 + 8;
    // (`memchr` rather than `memmem`: the page has the one already, not the other's 3 KB.)
    memchr::memchr_iter(MAGIC[0], bytes)
        .filter(move |&at| at >= SMALLEST_MEMBER && is_gzip(&bytes[at..]) && header_len(&bytes[at..]).is_ok())
}

/// The decompressed bytes of every member of `input`, at most `limit` of them.
#[cfg(feature = "gzip")]
pub fn gunzip(input: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len().saturating_mul(4).min(usize::try_from(limit).unwrap_or(usize::MAX)));
    let mut rest = input;
    let mut n_members = 0_usize;
    while !rest.is_empty() {
        n_members += 1;
        if !is_gzip(rest) {
            return Err(format!("{} bytes after member {} are not gzip data", rest.len(), n_members - 1));
        }
        let used = read_member(rest, &mut out, limit).map_err(|e| format!("member {n_members}: {e}"))?;
        rest = &rest[used..];
    }
    Ok(out)
}

/// Appends one member's bytes to `out`; returns how many input bytes the member took.
#[cfg(feature = "gzip")]
fn read_member(member: &[u8], out: &mut Vec<u8>, limit: u64) -> Result<usize, String> {
    let body_start = header_len(member)?;
    let out_start = out.len();
    let mut inflater = Decompress::new(false);
    loop {
        if out.len() == out.capacity() {
            // Never more room than one byte past the limit, so a bomb stops at the limit.
            let room = (limit.saturating_add(1)).saturating_sub(out.len() as u64);
            out.reserve(usize::try_from(room.min(out.capacity().max(64 * 1024) as u64)).unwrap_or(usize::MAX));
        }
        let (before_in, before_out) = (inflater.total_in(), inflater.total_out());
        let consumed = usize::try_from(before_in).map_err(|e| e.to_string())?;
        let status = inflater
            .decompress_vec(&member[body_start + consumed..], out, FlushDecompress::None)
            .map_err(|e| format!("damaged compressed data ({e})"))?;
        if out.len() as u64 > limit {
            return Err(format!("more than {} once decompressed", size_text(limit)));
        }
        if status == Status::StreamEnd {
            break;
        }
        let stalled = (inflater.total_in(), inflater.total_out()) == (before_in, before_out);
        if stalled && out.len() < out.capacity() {
            return Err("the file ends too early".to_owned());
        }
    }
    let body_end = body_start + usize::try_from(inflater.total_in()).map_err(|e| e.to_string())?;
    let trailer = member.get(body_end..body_end + 8).ok_or("the file ends before the member's checksum")?;
    let expected_crc = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]);
    let expected_len = u32::from_le_bytes([trailer[4], trailer[5], trailer[6], trailer[7]]);
    let mut crc = Crc32::new();
    crc.update(&out[out_start..]);
    if crc.finish() != expected_crc {
        return Err("the checksum does not match: the data is damaged".to_owned());
    }
    #[expect(clippy::cast_possible_truncation, reason = "the trailer holds the length modulo 2^32")]
    if (out.len() - out_start) as u32 != expected_len {
        return Err("the length does not match: the data is damaged".to_owned());
    }
    Ok(body_end + 8)
}

/// The length of the member header that starts `member`, after checking it.
fn header_len(member: &[u8]) -> Result<usize, String> {
    let too_short = || "the header is cut off".to_owned();
    let fixed = member.get(..10).ok_or_else(too_short)?;
    if fixed[2] != DEFLATE {
        return Err(format!("compression method {} is not DEFLATE", fixed[2]));
    }
    let flags = fixed[3];
    if flags & FLAG_RESERVED != 0 {
        return Err("the header has reserved flags set".to_owned());
    }
    let mut len = 10;
    if flags & FLAG_EXTRA != 0 {
        let extra = member.get(len..len + 2).ok_or_else(too_short)?;
        len += 2 + usize::from(u16::from_le_bytes([extra[0], extra[1]]));
    }
    for flag in [FLAG_NAME, FLAG_COMMENT] {
        if flags & flag != 0 {
            let text = member.get(len..).ok_or_else(too_short)?;
            len += memchr::memchr(0, text).ok_or_else(too_short)? + 1;
        }
    }
    if flags & FLAG_HEADER_CRC != 0 {
        let stored = member.get(len..len + 2).ok_or_else(too_short)?;
        #[expect(clippy::cast_possible_truncation, reason = "the header CRC is the CRC-32's low 16 bits")]
        if u16::from_le_bytes([stored[0], stored[1]]) != crc32(&member[..len]) as u16 {
            return Err("the header checksum does not match".to_owned());
        }
        len += 2;
    }
    if len > member.len() { Err(too_short()) } else { Ok(len) }
}

/// `limit` in words: "2 GiB", "64 KiB", "100 bytes".
pub fn size_text(limit: u64) -> String {
    match limit {
        l if l >= 1 << 30 && l % (1 << 30) == 0 => format!("{} GiB", l >> 30),
        l if l >= 1 << 10 && l % (1 << 10) == 0 => format!("{} KiB", l >> 10),
        l => format!("{l} bytes"),
    }
}

#[cfg(test)]
#[cfg(feature = "gzip")]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    /// A member with the given flags and optional fields, built by hand.
    fn member(data: &[u8], flags: u8, extra: &[u8]) -> Vec<u8> {
        let mut out = vec![0x1F, 0x8B, DEFLATE, flags, 0, 0, 0, 0, 0, 255];
        out.extend_from_slice(extra);
        if flags & FLAG_HEADER_CRC != 0 {
            out.extend_from_slice(&(crc32(&out) as u16).to_le_bytes());
        }
        out.extend_from_slice(&deflate(data));
        out.extend_from_slice(&crc32(data).to_le_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_le_bytes());
        out
    }

    #[test]
    fn reads_members_with_every_optional_header_field() {
        let text = b"title,views\nZipped headline,12\n".repeat(50);
        let every_field = [&[4, 0][..], b"ab\0\0", b"name.csv\0", b"a comment\0"].concat();
        let cases: [(u8, &[u8]); 5] = [
            (0, b""),
            (FLAG_EXTRA, b"\x02\0ab"),
            (FLAG_NAME, b"headlines.csv\0"),
            (FLAG_COMMENT, b"exported\0"),
            (FLAG_EXTRA | FLAG_NAME | FLAG_COMMENT | FLAG_HEADER_CRC, &every_field),
        ];
        for (flags, extra) in cases {
            assert_eq!(gunzip(&member(&text, flags, extra), u64::MAX), Ok(text.clone()), "flags {flags:#b}");
        }
    }

    #[test]
    fn concatenated_members_are_read_in_order() {
        let both = [member(b"first\n", 0, b""), member(b"", 0, b""), member(b"second\n", FLAG_NAME, b"b\0")].concat();
        assert_eq!(gunzip(&both, u64::MAX).unwrap(), b"first\nsecond\n");
    }

    #[test]
    fn agrees_with_flate2s_own_gzip_writer() {
        let text: Vec<u8> = (0..200_000_u32).flat_map(|i| format!("headline {i}, {}\n", i % 97).into_bytes()).collect();
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&text).unwrap();
        assert_eq!(gunzip(&encoder.finish().unwrap(), u64::MAX).unwrap(), text);
    }

    #[test]
    fn damage_is_reported_not_dropped() {
        let good = member(b"some text that compresses\n", 0, b"");
        let mut bad_crc = good.clone();
        let n = bad_crc.len();
        bad_crc[n - 8] ^= 1;
        let mut bad_len = good.clone();
        bad_len[n - 1] ^= 1;
        let mut bad_header_crc = member(b"x", FLAG_HEADER_CRC, b"");
        bad_header_crc[10] ^= 1;
        let cases: [(&[u8], &str); 8] = [
            (&bad_crc, "member 1: the checksum does not match"),
            (&bad_len, "member 1: the length does not match"),
            (&bad_header_crc, "member 1: the header checksum does not match"),
            (&good[..n - 3], "member 1: the file ends before the member's checksum"),
            (&good[..14], "member 1: the file ends too early"),
            (b"\x1F\x8B\x08\x08\0\0\0\0\0\0name-without-end", "member 1: the header is cut off"),
            (b"\x1F\x8B\x07\0\0\0\0\0\0\0", "member 1: compression method 7 is not DEFLATE"),
            (&[&good[..], b"trailing"].concat(), "8 bytes after member 1 are not gzip data"),
        ];
        for (input, expected) in cases {
            let got = gunzip(input, u64::MAX).unwrap_err();
            assert!(got.starts_with(expected), "{got:?} should start with {expected:?}");
        }
    }

    #[test]
    fn every_member_start_is_a_possible_one_and_inflating_tells_the_rest() {
        let members = [
            member(b"first\n", 0, b""),
            member(b"", 0, b""),
            member(&b"second,12\n".repeat(40), FLAG_NAME, b"b.csv\0"),
            member(b"x", FLAG_HEADER_CRC, b""),
        ];
        let mut starts = Vec::new();
        for m in &members[..3] {
            starts.push(starts.last().copied().unwrap_or(0) + m.len());
        }
        let file = members.concat();
        let possible: Vec<usize> = possible_member_starts(&file).collect();
        assert_eq!(possible, starts, "no compressed run here looks like a header");
        // A header-like run inside compressed data is a possible start, and the bytes before
        // it do not inflate whole: that is how a host tells it from a real one.
        let fake_header = [0x1F, 0x8B, DEFLATE, 0, 0, 0, 0, 0, 0, 255];
        let mut data = b"title\n".repeat(30);
        data.extend_from_slice(&fake_header);
        let stored = [
            &[0x1F, 0x8B, DEFLATE, 0, 0, 0, 0, 0, 0, 255][..],
            &stored_deflate(&data),
            &crc32(&data).to_le_bytes(),
            &u32::try_from(data.len()).unwrap().to_le_bytes(),
        ]
        .concat();
        let fake = possible_member_starts(&stored).collect::<Vec<_>>();
        assert_eq!(fake.len(), 1, "the stored copy of the fake header: {fake:?}");
        assert!(gunzip(&stored[..fake[0]], u64::MAX).is_err());
        assert_eq!(gunzip(&stored, u64::MAX), Ok(data));
        // Too near the start to end a member, or not a valid header: not possible.
        assert_eq!(possible_member_starts(&fake_header).count(), 0);
        let reserved = [&[0_u8; 20][..], &[0x1F, 0x8B, DEFLATE, 0b1000_0000, 0, 0, 0, 0, 0, 255]].concat();
        assert_eq!(possible_member_starts(&reserved).count(), 0);
    }

    /// A DEFLATE stream of one stored (uncompressed) block, so `data` shows in it as it is.
    fn stored_deflate(data: &[u8]) -> Vec<u8> {
        let len = u16::try_from(data.len()).unwrap();
        [&[1][..], &len.to_le_bytes(), &(!len).to_le_bytes(), data].concat()
    }

    #[test]
    fn output_beyond_the_limit_is_refused() {
        let bomb = member(&vec![b'a'; 300_000], 0, b"");
        assert_eq!(gunzip(&bomb, 300_000).map(|b| b.len()), Ok(300_000));
        assert_eq!(gunzip(&bomb, 64 * 1024), Err("member 1: more than 64 KiB once decompressed".to_owned()));
    }
}
