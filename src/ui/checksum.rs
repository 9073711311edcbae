//! The input file's SHA-256 for export manifests, computed off the page's thread.
//!
//! A worker made from a few lines of inline script (a `blob:` URL: nothing is fetched) receives
//! the file — a `File`, which the browser hands over without copying its bytes, or the
//! downloaded `ArrayBuffer`, transferred — and answers with its Web Crypto digest while the page
//! parses its own copy. Where no worker or Web Crypto is available (a page served over plain
//! HTTP from another machine has no `crypto.subtle`), the manifest's digest is `null`: a
//! SHA-256 of the page's own would cost 2 KB of the wasm bundle for that case alone.

use crate::export::manifest::InputFile;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker: digest whatever arrives (a Blob is read first), post the 32 bytes back, or
/// `null` on failure.
const WORKER_SCRIPT: &str = "onmessage = async (event) => { try { \
    const data = event.data instanceof Blob ? await event.data.arrayBuffer() : event.data; \
    const digest = await crypto.subtle.digest('SHA-256', data); postMessage(digest, [digest]); \
    } catch { postMessage(null); } };";

/// How long a load waits for the digest once the file is parsed (hashing 100 MB takes the
/// worker about 0.3 s, most of it while the page parses); after that the manifest says `null`.
const MAX_WAIT_MS: i32 = 5_000;

/// A digest on its way.
pub struct Checksum {
    running: Option<(OwnedWorker, js_sys::Promise)>,
}

impl Checksum {
    /// Starts hashing `file` in a worker (no bytes are copied on this thread).
    pub fn of_file(file: &web_sys::File) -> Checksum {
        Checksum { running: start(file, None) }
    }

    /// Starts hashing `buffer` in a worker; the buffer is transferred, so it is unusable here
    /// afterwards (copy out what the page needs first).
    pub fn of_buffer(buffer: &js_sys::ArrayBuffer) -> Checksum {
        Checksum { running: start(buffer, Some(buffer)) }
    }

    /// The input (`n_bytes` long) described with its digest, if the worker could compute one.
    /// The wait is bounded (`MAX_WAIT_MS` from here): a worker that never answers (seen under
    /// Chromium's virtual time, where its reply does not arrive) must not hold the load.
    pub async fn finish(self, name: &str, n_bytes: usize) -> InputFile {
        if let Some((worker, reply)) = self.running {
            let timeout = js_sys::Promise::new(&mut |resolve, _| {
                if let Some(window) = web_sys::window() {
                    window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, MAX_WAIT_MS).ok();
                }
            });
            let answer = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&reply, &timeout))).await;
            drop(worker);
            if let Some(digest) = answer.ok().and_then(|data| data.dyn_into::<js_sys::ArrayBuffer>().ok()) {
                return InputFile::with_digest(name, n_bytes, &js_sys::Uint8Array::new(&digest).to_vec());
            }
        }
        InputFile::without_digest(name, n_bytes)
    }
}

/// A worker that is stopped when dropped: a load cancelled or failed, even while awaiting the
/// digest, leaves no worker behind.
struct OwnedWorker(web_sys::Worker);

impl Drop for OwnedWorker {
    fn drop(&mut self) {
        self.0.terminate();
    }
}

/// The worker and the promise of its one reply, or `None` where workers cannot start.
fn start(data: &JsValue, transfer: Option<&js_sys::ArrayBuffer>) -> Option<(OwnedWorker, js_sys::Promise)> {
    let has_subtle = web_sys::window().and_then(|w| w.crypto().ok()).is_some_and(|c| !c.subtle().is_undefined());
    if !has_subtle {
        return None;
    }
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&JsValue::from_str(WORKER_SCRIPT));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker = web_sys::Worker::new(&url);
    web_sys::Url::revoke_object_url(&url).ok();
    let worker = worker.ok()?;
    let reply = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = wasm_bindgen::closure::Closure::once_into_js(move |event: web_sys::MessageEvent| {
            resolve.call1(&JsValue::NULL, &event.data()).ok();
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(&reject));
    });
    let sent = match transfer {
        Some(buffer) => worker.post_message_with_transfer(data, &js_sys::Array::of1(buffer)),
        None => worker.post_message(data),
    };
    let worker = OwnedWorker(worker);
    sent.ok().map(|()| (worker, reply))
}
