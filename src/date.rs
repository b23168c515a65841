//! Calendar dates for consent records, parsed strictly.
//!
//! The core reads no clock: the front-end passes "today" in. A date that does not exist
//! (`2026-13-45`, `2026-02-30`) is an error, never a silently shifted day.

use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date string was rejected. It never echoes the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date: expected a real calendar date written YYYY-MM-DD")]
pub struct DateError;

impl Date {
    /// The earliest date lipzip represents.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };

    /// A date from its parts, if it exists on the calendar.
    ///
    /// # Errors
    /// [`DateError`] when the month or day is out of range for that year.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(DateError),
        };
        if day == 0 || day > days || year == 0 {
            return Err(DateError);
        }
        Ok(Date { year, month, day })
    }

    /// Days since 0000-03-01 of the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`), for differences between dates.
    fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }

    /// Days from `earlier` to `self` (negative when `self` is earlier).
    #[must_use]
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(DateError);
            }
            part.parse().map_err(|_| DateError)
        };
        let month = u8::try_from(num(5..7)?).map_err(|_| DateError)?;
        let day = u8::try_from(num(8..10)?).map_err(|_| DateError)?;
        Date::new(num(0..4)?, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(crate::yaml::Checked(
            "a date written YYYY-MM-DD",
            |s: &str| s.parse::<Date>().map_err(|e| e.to_string()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_dates() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2026-03-01").days_since(d("2026-02-28")), 1);
        assert_eq!(d("2024-03-01").days_since(d("2024-02-28")), 2);
        assert_eq!(d("2027-01-01").days_since(d("2026-01-01")), 365);
        assert_eq!(d("2026-01-01").days_since(d("2026-01-31")), -30);
    }

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            "2026-03-01".parse::<Date>().unwrap().to_string(),
            "2026-03-01"
        );
        assert!("2024-02-29".parse::<Date>().is_ok());
        for bad in [
            "2026-13-45",
            "2025-02-29",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "",
            "2026-00-10",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let a: Date = "2026-01-31".parse().unwrap();
        let b: Date = "2026-02-01".parse().unwrap();
        assert!(a < b);
    }
}
