//! Dates and periods: what a graph counts per period, and the date bounds
//! of `--since` / `--until`.
//!
//! Dates are the documents' normalised ISO 8601 dates (`YYYY-MM-DD`, or
//! `YYYY-MM-DDTHH:MM:SSZ`, of which only the day is used). A period is
//! named by a key that sorts in time order within one [`Period`]:
//! `2016-03-05` (day), `2016-W09` (ISO 8601 week: weeks start on Monday,
//! week 1 holds the year's first Thursday), `2016-03` (month), `2016`
//! (year).

use crate::ingest::date::{civil_from_days, days_from_civil, days_in_month};
use serde::{Deserialize, Serialize};

/// The length of the periods a graph counts in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// One calendar day.
    Day,
    /// One ISO 8601 week (Monday to Sunday).
    Week,
    /// One calendar month.
    #[default]
    Month,
    /// One calendar year.
    Year,
}

impl Period {
    /// The period's name as written in options and outputs.
    pub fn as_str(&self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    /// The key of the period holding `date` (`None` when `date` does not
    /// start with a valid `YYYY-MM-DD`).
    pub fn key(&self, date: &str) -> Option<String> {
        let (y, m, d) = parse_day(date)?;
        Some(match self {
            Period::Day => format!("{y:04}-{m:02}-{d:02}"),
            Period::Week => {
                let (wy, w) = iso_week(y, m, d);
                format!("{wy:04}-W{w:02}")
            }
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Year => format!("{y:04}"),
        })
    }

    /// The first and last day (`YYYY-MM-DD`) of the period named `key`
    /// (`None` for a key that is not one of this period's).
    pub fn range(&self, key: &str) -> Option<(String, String)> {
        let day = |(y, m, d): (i64, u32, u32)| format!("{y:04}-{m:02}-{d:02}");
        match self {
            Period::Day => {
                let p = parse_day(key)?;
                (key.len() == 10).then(|| (day(p), day(p)))
            }
            Period::Week => {
                let (y, w) = key.split_once("-W")?;
                let (y, w): (i64, i64) = (y.parse().ok()?, w.parse().ok()?);
                if !(1..=53).contains(&w) {
                    return None;
                }
                // Monday of week 1: the Monday on or before January 4th.
                let jan4 = days_from_civil(y, 1, 4);
                let monday = jan4 - weekday(jan4) as i64 + 7 * (w - 1);
                Some((
                    day(civil_from_days(monday)),
                    day(civil_from_days(monday + 6)),
                ))
            }
            Period::Month => {
                let (y, m) = key.split_once('-')?;
                let (y, m): (i64, u32) = (y.parse().ok()?, m.parse().ok()?);
                if !(1..=12).contains(&m) {
                    return None;
                }
                Some((day((y, m, 1)), day((y, m, days_in_month(y, m)))))
            }
            Period::Year => {
                let y: i64 = key.parse().ok()?;
                Some((day((y, 1, 1)), day((y, 12, 31))))
            }
        }
    }

    /// The key of the period after `key`.
    pub fn next(&self, key: &str) -> Option<String> {
        let (_, last) = self.range(key)?;
        let (y, m, d) = parse_day(&last)?;
        let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + 1);
        self.key(&format!("{y:04}-{m:02}-{d:02}"))
    }

    /// Every period key from `first` to `last`, both included (at most
    /// `limit` of them; none when `first` is after `last` or either is not
    /// a key of this period).
    pub fn keys_between(&self, first: &str, last: &str, limit: usize) -> Vec<String> {
        let mut v = Vec::new();
        if self.range(first).is_none() || self.range(last).is_none() {
            return v;
        }
        let mut k = first.to_owned();
        while v.len() < limit && k.as_str() <= last {
            let next = self.next(&k);
            v.push(k);
            match next {
                Some(n) => k = n,
                None => break,
            }
        }
        v
    }
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(format!("{s:?} is not a period (day, week, month, year)")),
        }
    }
}

/// The day of a normalised date: its first ten bytes when they are a
/// valid `YYYY-MM-DD`.
pub fn day_of(date: &str) -> Option<&str> {
    parse_day(date).map(|_| &date[..10])
}

/// `--since` / `--until`: inclusive bounds on a document's day, each a
/// year (`2016`), a month (`2016-03`) or a day (`2016-03-05`). A bound
/// given as a year or month covers all of it: `--until 2016-03` keeps
/// March 31st.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day kept.
    pub since: Option<String>,
    /// The last day kept.
    pub until: Option<String>,
}

impl DateRange {
    /// Bounds from the text of `--since` and `--until`, checked.
    pub fn new(since: Option<&str>, until: Option<&str>) -> Result<DateRange, String> {
        let check = |s: &str| -> Result<String, String> {
            let ok = match s.len() {
                4 => s.parse::<u32>().is_ok(),
                7 => Period::Month.range(s).is_some(),
                10 => parse_day(s).is_some(),
                _ => false,
            };
            if ok {
                Ok(s.to_owned())
            } else {
                Err(format!("{s:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
            }
        };
        let r = DateRange {
            since: since.map(check).transpose()?,
            until: until.map(check).transpose()?,
        };
        if let (Some(s), Some(u)) = (&r.since, &r.until) {
            let n = s.len().min(u.len());
            if s[..n] > u[..n] {
                return Err(format!("--since {s} is after --until {u}"));
            }
        }
        Ok(r)
    }

    /// True when no bound is given.
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// True when a document of this date is kept: an undated document
    /// only when no bound is given.
    pub fn keeps(&self, date: Option<&str>) -> bool {
        if self.is_open() {
            return true;
        }
        let Some(day) = date.and_then(day_of) else {
            return false;
        };
        self.keeps_range(day, day)
    }

    /// True when the days `first..=last` meet the range.
    pub fn keeps_range(&self, first: &str, last: &str) -> bool {
        let after = self.since.as_deref().is_none_or(|s| last[..s.len()] >= *s);
        let before = self.until.as_deref().is_none_or(|u| first[..u.len()] <= *u);
        after && before
    }

    /// True when the period `key` of `period` meets the range.
    pub fn keeps_period(&self, period: Period, key: &str) -> bool {
        match period.range(key) {
            Some((first, last)) => self.keeps_range(&first, &last),
            None => self.is_open(),
        }
    }
}

/// `(year, month, day)` of a string starting with a valid `YYYY-MM-DD`.
fn parse_day(s: &str) -> Option<(i64, u32, u32)> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || !s.is_char_boundary(10) {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let t = &s[r];
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let y = y as i64;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// 0 for Monday .. 6 for Sunday.
fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7) as u32
}

/// The ISO 8601 (week-year, week) of a date.
fn iso_week(y: i64, m: u32, d: u32) -> (i64, u32) {
    let days = days_from_civil(y, m, d);
    // The week's Thursday decides its year.
    let thursday = days - weekday(days) as i64 + 3;
    let (ty, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
    (ty, week as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_keys() {
        let d = "2016-03-05T10:00:00Z";
        assert_eq!(Period::Day.key(d).as_deref(), Some("2016-03-05"));
        assert_eq!(Period::Month.key(d).as_deref(), Some("2016-03"));
        assert_eq!(Period::Year.key(d).as_deref(), Some("2016"));
        // 2016-03-05 is a Saturday of ISO week 9.
        assert_eq!(Period::Week.key(d).as_deref(), Some("2016-W09"));
        // January 1st 2016 (a Friday) belongs to 2015's week 53; Monday
        // 2018-12-31 to 2019's week 1.
        assert_eq!(Period::Week.key("2016-01-01").as_deref(), Some("2015-W53"));
        assert_eq!(Period::Week.key("2018-12-31").as_deref(), Some("2019-W01"));
        assert_eq!(Period::Month.key("2016-02-30"), None);
        assert_eq!(Period::Month.key("undated"), None);
    }

    #[test]
    fn period_ranges_hold_their_days() {
        for day in ["2016-01-01", "2016-02-29", "2016-12-31", "2019-06-15"] {
            for p in [Period::Day, Period::Week, Period::Month, Period::Year] {
                let key = p.key(day).unwrap();
                let (first, last) = p.range(&key).unwrap();
                assert!(first.as_str() <= day && day <= last.as_str(), "{p:?} {key}");
                assert_eq!(p.key(&first), Some(key.clone()));
                assert_eq!(p.key(&last), Some(key));
            }
        }
        assert_eq!(
            Period::Week.range("2015-W53").unwrap(),
            ("2015-12-28".into(), "2016-01-03".into())
        );
    }

    #[test]
    fn periods_in_a_row() {
        assert_eq!(
            Period::Month.keys_between("2015-11", "2016-02", 100),
            ["2015-11", "2015-12", "2016-01", "2016-02"]
        );
        assert_eq!(
            Period::Week.keys_between("2015-W52", "2016-W01", 100),
            ["2015-W52", "2015-W53", "2016-W01"]
        );
        assert_eq!(
            Period::Day.next("2016-02-28").as_deref(),
            Some("2016-02-29")
        );
        assert_eq!(
            Period::Year.keys_between("2016", "2015", 100),
            Vec::<String>::new()
        );
    }

    #[test]
    fn date_ranges() {
        let r = DateRange::new(Some("2016-03"), Some("2016-04-10")).unwrap();
        assert!(r.keeps(Some("2016-03-01")));
        assert!(r.keeps(Some("2016-04-10T23:00:00Z")));
        assert!(!r.keeps(Some("2016-04-11")));
        assert!(!r.keeps(Some("2016-02-29")));
        assert!(!r.keeps(None));
        assert!(DateRange::default().keeps(None));
        assert!(r.keeps_period(Period::Month, "2016-04"));
        assert!(!r.keeps_period(Period::Month, "2016-05"));
        assert!(DateRange::new(Some("2016-13"), None).is_err());
        assert!(DateRange::new(Some("2017"), Some("2016")).is_err());
    }
}
