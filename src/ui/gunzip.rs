//! Gzip files inflated by the browser's own `DecompressionStream`, so the page carries no
//! inflater (flate2 cost the gzipped bundle 9 KB; the core reads gzip only natively).
//!
//! Contract: `gunzip` returns every member's bytes concatenated, or an `IngestError::Gzip` with
//! one plain reason, as `ingest::decompress` does natively. The browser checks each member's
//! CRC-32 and length, but reads one member a stream and refuses bytes after it; so a file of
//! several members (`cat a.gz b.gz`) is inflated whole first, and when that fails, member by
//! member: a member ends at the first of `ingest::gzip::possible_member_starts` before which
//! its bytes inflate whole. Output beyond `limit` stops the stream.

use crate::ingest::{IngestError, gzip};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// The Compression Streams API's inflater (web-sys has it only behind its unstable flag).
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// Why a member did not inflate.
enum Failure {
    /// Damaged, cut short, or followed by bytes that are not part of it.
    Damaged,
    /// More than the limit once inflated.
    TooLarge,
    /// The browser has no `DecompressionStream`.
    Unsupported,
}

/// The inflated bytes of every member of `input`, at most `limit` of them.
pub async fn gunzip(input: &[u8], limit: u64) -> Result<Vec<u8>, IngestError> {
    // Text inflates to about four times its size: room for that at once, since each doubling
    // of a Vec this size would copy it and leave the old block in wasm memory, which never shrinks.
    let mut out = Vec::with_capacity(input.len().saturating_mul(4).min(usize::try_from(limit).unwrap_or(usize::MAX)));
    let mut start = 0;
    let mut n_members = 0;
    while start < input.len() {
        n_members += 1;
        let rest = &input[start..];
        if !gzip::is_gzip(rest) {
            return Err(gzip_error(format!("{} bytes after member {} are not gzip data", rest.len(), n_members - 1)));
        }
        let member_len = match inflate_into(rest, &mut out, limit).await {
            Ok(()) => rest.len(),
            Err(Failure::Damaged) => inflate_first_member(rest, &mut out, limit)
                .await
                .map_err(|failure| failure_error(failure, limit, n_members))?,
            Err(failure) => return Err(failure_error(failure, limit, n_members)),
        };
        start += member_len;
    }
    Ok(out)
}

/// Inflates the member that starts `bytes` (followed by others) into `out`; returns its length.
async fn inflate_first_member(bytes: &[u8], out: &mut Vec<u8>, limit: u64) -> Result<usize, Failure> {
    for end in gzip::possible_member_starts(bytes) {
        match inflate_into(&bytes[..end], out, limit).await {
            Ok(()) => return Ok(end),
            Err(Failure::Damaged) => {}
            Err(failure) => return Err(failure),
        }
    }
    Err(Failure::Damaged)
}

/// Appends the inflated bytes of the one member `member` to `out`; on failure `out` is as it was.
async fn inflate_into(member: &[u8], out: &mut Vec<u8>, limit: u64) -> Result<(), Failure> {
    let kept = out.len();
    let result = stream_into(member, out, limit).await;
    if result.is_err() {
        out.truncate(kept);
    }
    result
}

async fn stream_into(member: &[u8], out: &mut Vec<u8>, limit: u64) -> Result<(), Failure> {
    let inflater = DecompressionStream::new("gzip").map_err(|_| Failure::Unsupported)?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(member));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Failure::Unsupported)?;
    let pair = web_sys::ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
    let reader: web_sys::ReadableStreamDefaultReader = blob.stream().pipe_through(&pair).get_reader().unchecked_into();
    loop {
        let read: web_sys::ReadableStreamReadResult =
            wasm_bindgen_futures::JsFuture::from(reader.read()).await.map_err(|_| Failure::Damaged)?.unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(());
        }
        let chunk: js_sys::Uint8Array = read.get_value().unchecked_into();
        let at = out.len();
        let n = chunk.length() as usize;
        if (at + n) as u64 > limit {
            // A rejected cancel changes nothing: the stream is dropped either way.
            drop(reader.cancel());
            return Err(Failure::TooLarge);
        }
        out.resize(at + n, 0);
        chunk.copy_to(&mut out[at..]);
    }
}

fn failure_error(failure: Failure, limit: u64, n_member: usize) -> IngestError {
    gzip_error(match failure {
        Failure::Damaged => format!("member {n_member}: the compressed data is damaged or cut short"),
        Failure::TooLarge => format!("more than {} once decompressed", gzip::size_text(limit)),
        Failure::Unsupported => "this browser cannot decompress gzip; decompress the file first".to_owned(),
    })
}

fn gzip_error(message: String) -> IngestError {
    IngestError::Gzip { message }
}
