//! View counts as sites print them: `2155`, `1,204`, `1.204`, `1 204`, `1.2K`, `3M`.
//! A dot with exactly three digits after it groups thousands; `12.5` is not a count.

/// The value is not a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotACount;

/// Parses a view count. Empty text is `Ok(None)`: absent, not zero.
pub fn parse_views(raw: &str) -> Result<Option<u64>, NotACount> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (number, multiplier) = match s.as_bytes()[s.len() - 1] {
        b'k' | b'K' => (&s[..s.len() - 1], 1_000.0),
        b'm' | b'M' => (&s[..s.len() - 1], 1_000_000.0),
        b'b' | b'B' => (&s[..s.len() - 1], 1_000_000_000.0),
        _ => (s, 1.0),
    };
    let number = number.trim_end();
    if multiplier > 1.0 {
        let value: f64 = number.parse().map_err(|_| NotACount)?;
        if !value.is_finite() || value < 0.0 {
            return Err(NotACount);
        }
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked finite, non-negative")]
        return Ok(Some((value * multiplier).round() as u64));
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
        ];
        for (raw, expected) in cases {
            assert_eq!(parse_views(raw), *expected, "input {raw:?}");
        }
    }
}
