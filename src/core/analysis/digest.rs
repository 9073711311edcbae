//! The benchmark workload's result digest: `"{key}:{count};"` pairs hashed with 32-bit FNV-1a,
//! so two engines can show they computed the same thing (see `../shared/bench/WORKLOAD.md`).

use serde::Serialize;
use std::fmt::Display;

/// Hash, number of groups and total count of one result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Digest {
    /// FNV-1a of the pairs, 8 lower-case hex digits.
    pub hash: String,
    /// Number of `(key, count)` pairs with count > 0.
    pub groups: usize,
    /// Sum of the counts.
    pub total: u64,
}

/// Digests pairs in the order given (sort them first unless the result is a ranked top-k).
pub fn digest<K: Display>(pairs: impl IntoIterator<Item = (K, u64)>) -> Digest {
    let mut hash: u32 = 0x811c_9dc5;
    let (mut groups, mut total) = (0, 0);
    let mut text = String::new();
    for (key, count) in pairs {
        if count == 0 {
            continue;
        }
        text.clear();
        std::fmt::Write::write_fmt(&mut text, format_args!("{key}:{count};")).ok();
        for &byte in text.as_bytes() {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(16_777_619);
        }
        groups += 1;
        total += count;
    }
    Digest { hash: format!("{hash:08x}"), groups, total }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_of_known_text() {
        // FNV-1a("a:1;") computed independently (Python: the same loop over b"a:1;").
        let d = digest([("a", 1u64), ("b", 0)]);
        assert_eq!((d.groups, d.total), (1, 1));
        assert_eq!(d.hash, "3ce91b16");
        assert_eq!(digest(Vec::<(u32, u64)>::new()).hash, "811c9dc5");
    }
}
