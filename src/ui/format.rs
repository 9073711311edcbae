//! Numbers and dates as the page shows them.

use crate::model::Published;

/// `25519` as `25,519`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `Mon 2 Jan 2023, 08:15` (or without the time for date-only values), in the value's own offset.
pub fn day_and_time(published: &Published) -> String {
    if published.has_time_of_day {
        published.at.format("%a %-d %b %Y, %H:%M").to_string()
    } else {
        published.at.format("%a %-d %b %Y").to_string()
    }
}
