//! Gzip files inflated by the browser's own `DecompressionStream`, so the page carries no
//! inflater (flate2 cost the gzipped bundle 9 KB; the core reads gzip only natively).
//!
//! Contract: `gunzip` returns every member's bytes concatenated, or an `IngestError::Gzip` with
//! one plain reason, as `ingest::decompress` does natively. The browser checks each member's
//! CRC-32 and length, but reads one member a stream and refuses bytes after it; so a file is
//! inflated whole first, and when that fails, member by member (`cat a.gz b.gz`): a member ends
//! at the first of `ingest::gzip::possible_member_starts` before which its bytes inflate whole,
//! and the last one at the end of the file. Once a file proved to hold several members, each
//! later one tries its possible ends before the whole rest, so that the rest of a file of many
//! members is not copied and inflated again for each of them. Output beyond `limit` stops the
//! stream; so does `keep_going` answering false (the user cancelled), asked at each chunk the
//! browser hands over.

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
    /// `[bytes]`, the bytes as a view of wasm memory, not a copy: `Blob` copies them at once,
    /// and nothing in between allocates (a grown memory would detach the view).
    #[wasm_bindgen(js_namespace = Array, js_name = of)]
    fn array_of_view(bytes: &[u8]) -> js_sys::Array;
}

/// Why a member did not inflate.
enum Failure {
    /// Damaged, cut short, or followed by bytes that are not part of it.
    Damaged,
    /// More than the limit once inflated.
    TooLarge,
    /// The browser has no `DecompressionStream`.
    Unsupported,
    /// `keep_going` said stop.
    Stopped,
}

/// What ended a `gunzip` early.
pub enum Stop {
    /// The data: one plain reason, as `ingest::decompress` gives natively.
    Error(IngestError),
    /// `keep_going` said stop.
    Stopped,
}

/// The output so far and what bounds it.
struct Inflation<'a> {
    out: Vec<u8>,
    limit: u64,
    keep_going: &'a dyn Fn() -> bool,
}

/// The inflated bytes of every member of `input`, at most `limit` of them; `keep_going` is
/// asked after each chunk.
pub async fn gunzip(input: &[u8], limit: u64, keep_going: &dyn Fn() -> bool) -> Result<Vec<u8>, Stop> {
    // Text inflates to about four times its size: room for that at once, since each doubling
    // of a Vec this size would copy it and leave the old block in wasm memory, which never shrinks.
    let room = input.len().saturating_mul(4).min(usize::try_from(limit).unwrap_or(usize::MAX));
    let mut inflation = Inflation { out: Vec::with_capacity(room), limit, keep_going };
    let mut start = 0;
    let mut n_members = 0;
    let mut several_members = false;
    while start < input.len() {
        n_members += 1;
        let rest = &input[start..];
        if !gzip::is_gzip(rest) {
            let message = format!("{} bytes after member {} are not gzip data", rest.len(), n_members - 1);
            return Err(Stop::Error(IngestError::Gzip { message }));
        }
        let member_len = if several_members {
            inflation.first_member(rest, true).await
        } else {
            match inflation.member(rest).await {
                Ok(()) => Ok(rest.len()),
                Err(Failure::Damaged) => {
                    several_members = true;
                    inflation.first_member(rest, false).await
                }
                Err(failure) => Err(failure),
            }
        };
        start += member_len.map_err(|failure| stop(failure, limit, n_members))?;
    }
    Ok(inflation.out)
}

impl Inflation<'_> {
    /// Inflates the member that starts `bytes`: up to the first possible start of another that
    /// inflates whole, else (if `or_all`) all of `bytes` as the last member. Returns its length.
    async fn first_member(&mut self, bytes: &[u8], or_all: bool) -> Result<usize, Failure> {
        for end in gzip::possible_member_starts(bytes) {
            match self.member(&bytes[..end]).await {
                Ok(()) => return Ok(end),
                Err(Failure::Damaged) => {}
                Err(failure) => return Err(failure),
            }
        }
        if or_all {
            return self.member(bytes).await.map(|()| bytes.len());
        }
        Err(Failure::Damaged)
    }

    /// Appends the inflated bytes of the one member `member`; on failure the output is as it was.
    async fn member(&mut self, member: &[u8]) -> Result<(), Failure> {
        let kept = self.out.len();
        let result = self.stream(member).await;
        if result.is_err() {
            self.out.truncate(kept);
        }
        result
    }

    async fn stream(&mut self, member: &[u8]) -> Result<(), Failure> {
        let inflater = DecompressionStream::new("gzip").map_err(|_| Failure::Unsupported)?;
        let blob =
            web_sys::Blob::new_with_u8_array_sequence(&array_of_view(member)).map_err(|_| Failure::Unsupported)?;
        let pair = web_sys::ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
        let reader: web_sys::ReadableStreamDefaultReader =
            blob.stream().pipe_through(&pair).get_reader().unchecked_into();
        loop {
            let read: web_sys::ReadableStreamReadResult = wasm_bindgen_futures::JsFuture::from(reader.read())
                .await
                .map_err(|_| Failure::Damaged)?
                .unchecked_into();
            if read.get_done().unwrap_or(true) {
                return Ok(());
            }
            let chunk: js_sys::Uint8Array = read.get_value().unchecked_into();
            let at = self.out.len();
            let n = chunk.length() as usize;
            let failure = if (at + n) as u64 > self.limit {
                Some(Failure::TooLarge)
            } else if !(self.keep_going)() {
                Some(Failure::Stopped)
            } else {
                None
            };
            if let Some(failure) = failure {
                // A rejected cancel changes nothing: the stream is dropped either way.
                drop(reader.cancel());
                return Err(failure);
            }
            self.out.resize(at + n, 0);
            chunk.copy_to(&mut self.out[at..]);
        }
    }
}

fn stop(failure: Failure, limit: u64, n_member: usize) -> Stop {
    let message = match failure {
        Failure::Damaged => format!("member {n_member}: the compressed data is damaged or cut short"),
        Failure::TooLarge => format!("more than {} once decompressed", gzip::size_text(limit)),
        Failure::Unsupported => "this browser cannot decompress gzip; decompress the file first".to_owned(),
        Failure::Stopped => return Stop::Stopped,
    };
    Stop::Error(IngestError::Gzip { message })
}
