//! The manifest every export carries: where the data came from and how the view was made, so
//! a figure can be traced and reproduced. No export-moment timestamp (outputs are byte-for-byte
//! reproducible).

use crate::analysis::filter::Filter;
use crate::analysis::topics::UserTopic;
use serde::Serialize;

/// The input file an export was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputFile {
    /// File name.
    pub name: String,
    /// Size in bytes.
    pub size_bytes: u64,
    /// SHA-256 of the bytes, lower-case hex; `None` (JSON `null`) when the page could not
    /// compute it: browsers offer hashing (Web Crypto) only to pages opened over https or from
    /// this machine, and the page carries no SHA-256 of its own (2 KB of the wasm bundle).
    pub sha256: Option<String>,
}

impl InputFile {
    /// Describes `bytes` named `name` (natively: the page has its digest computed by the
    /// browser, see `with_digest`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of(name: &str, bytes: &[u8]) -> InputFile {
        use sha2::{Digest, Sha256};
        InputFile::with_digest(name, bytes.len(), &Sha256::digest(bytes))
    }

    /// Describes a file of `size_bytes` named `name` whose SHA-256 digest (32 bytes) was
    /// computed elsewhere (the browser's own implementation).
    pub fn with_digest(name: &str, size_bytes: usize, digest: &[u8]) -> InputFile {
        let sha256 = Some(digest.iter().map(|b| format!("{b:02x}")).collect());
        InputFile { name: name.to_owned(), size_bytes: size_bytes as u64, sha256 }
    }

    /// Describes a file of `size_bytes` named `name` whose digest could not be computed.
    pub fn without_digest(name: &str, size_bytes: usize) -> InputFile {
        InputFile { name: name.to_owned(), size_bytes: size_bytes as u64, sha256: None }
    }
}

/// Everything needed to trace an export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Manifest {
    /// `headline-trends <version>`.
    pub app: String,
    /// The input file.
    pub input: InputFile,
    /// The parser and format used (`scrape`, `csv`…).
    pub format: String,
    /// Reference time for relative dates, RFC 3339, if one was used.
    pub reference_time: Option<String>,
    /// Time zone of calendar keys, e.g. `+03:00`.
    pub time_zone: String,
    /// The filters.
    pub filter: Filter,
    /// User topic definitions.
    pub user_topics: Vec<UserTopic>,
    /// The view as a link query (`?topic=…`).
    pub view_query: String,
    /// Which chart or table this file holds.
    pub content: String,
}

impl Manifest {
    /// Pretty JSON with a fixed field order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The manifest for another content of the same view.
    pub fn for_content(&self, content: &str) -> Manifest {
        Manifest { content: content.to_owned(), ..self.clone() }
    }
}

/// The application's name and version.
pub fn app_version() -> String {
    format!("headline-trends {}", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_files_are_identified_by_sha256() {
        // SHA-256 of "abc" (FIPS 180-2 test vector).
        let input = InputFile::of("a.csv", b"abc");
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(input.sha256.as_deref(), Some(expected));
        assert_eq!(input.size_bytes, 3);
    }

    #[test]
    fn a_missing_digest_is_null_in_the_manifest_json() {
        let input = InputFile::without_digest("a.csv", 3);
        let json = serde_json::to_string(&input).unwrap();
        assert_eq!(json, r#"{"name":"a.csv","size_bytes":3,"sha256":null}"#);
    }
}
