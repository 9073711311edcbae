//! View counts as sites print them: `2155`, `1,204`, `1.204`, `1 204`, `1.2K`, `3M`.
//! A dot with exactly three digits after it groups thousands; `12.5` is not a count.

/// The value is not a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotACount;

/// Parses a view count. Empty text is `Ok(None)`: absent, not zero.
pub fn parse_views(raw: &str) -> Result<Option<u64>, NotACount> {
    // The usual form, up to 19 plain digits (below `u64::MAX`), read in one pass.
    if (1..=19).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Some(raw.bytes().fold(0, |n, digit| n * 10 + u64::from(digit - b'0'))));
    }
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (number, multiplier) = match s.as_bytes()[s.len() - 1] {
        b'k' | b'K' => (&s[..s.len() - 1], 1_000),
        b'm' | b'M' => (&s[..s.len() - 1], 1_000_000),
        b'b' | b'B' => (&s[..s.len() - 1], 1_000_000_000),
        _ => (s, 1),
    };
    let number = number.trim_end();
    if multiplier > 1 {
        return scaled_decimal(number, multiplier).map(Some).ok_or(NotACount);
    }
    if let Ok(value) = number.parse::<u64>() {
        return Ok(Some(value));
    }
    let digits: String = number.chars().filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\'' | '_')).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || !has_valid_grouping(number) {
        return Err(NotACount);
    }
    digits.parse().map(Some).map_err(|_| NotACount)
}

/// `digits[.digits]` times `multiplier`, rounded half up to a whole count, in integers: exact
/// for any number of digits (no float parsing, which would also add 10 KB of tables to the
/// page).
fn scaled_decimal(number: &str, multiplier: u64) -> Option<u64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let whole_count = if whole.is_empty() { 0 } else { whole.parse::<u64>().ok()?.checked_mul(multiplier)? };
    // Digits beyond the multiplier's own decimals only decide the rounding; keep one of them.
    let kept = &fraction[..fraction.len().min(multiplier.ilog10() as usize + 1)];
    let fraction_count = if kept.is_empty() {
        0
    } else {
        let scale = 10_u64.pow(u32::try_from(kept.len()).ok()?);
        (kept.parse::<u64>().ok()? * multiplier + scale / 2) / scale
    };
    whole_count.checked_add(fraction_count)
}

/// Thousands groups of exactly three digits after the first group.
fn has_valid_grouping(number: &str) -> bool {
    let mut groups = number.split([',', '.', ' ', '\u{a0}', '\'', '_']);
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_printed_form() {
        let cases: &[(&str, Result<Option<u64>, NotACount>)] = &[
            ("2155", Ok(Some(2155))),
            ("9999999999999999999", Ok(Some(9_999_999_999_999_999_999))),
            ("18446744073709551615", Ok(Some(u64::MAX))),
            ("18446744073709551616", Err(NotACount)),
            ("007", Ok(Some(7))),
            ("0", Ok(Some(0))),
            ("1,204", Ok(Some(1204))),
            ("1.204", Ok(Some(1204))),
            ("1 204 567", Ok(Some(1_204_567))),
            ("1.2K", Ok(Some(1200))),
            ("3M", Ok(Some(3_000_000))),
            ("2.5k", Ok(Some(2500))),
            (" 17 ", Ok(Some(17))),
            ("", Ok(None)),
            ("   ", Ok(None)),
            ("abc", Err(NotACount)),
            ("-5", Err(NotACount)),
            ("1,2", Err(NotACount)),
            ("12.5", Err(NotACount)),
            ("K", Err(NotACount)),
            (".5K", Ok(Some(500))),
            ("1.0005K", Ok(Some(1001))),
            ("1.0004999K", Ok(Some(1000))),
            ("2.123456789B", Ok(Some(2_123_456_789))),
            ("1.5 M", Ok(Some(1_500_000))),
            ("18446744073709551K", Ok(Some(18_446_744_073_709_551_000))),
            ("18446744073709552K", Err(NotACount)),
            ("1.2.3K", Err(NotACount)),
            ("-1K", Err(NotACount)),
            ("1e3K", Err(NotACount)),
            ("NaNK", Err(NotACount)),
            (".K", Err(NotACount)),
        ];
        for (raw, expected) in cases {
            assert_eq!(parse_views(raw), *expected, "input {raw:?}");
        }
    }
}
