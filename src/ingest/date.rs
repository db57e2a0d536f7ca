//! Dates of records, normalized to ISO 8601.
//!
//! [`normalize`] reads ISO 8601 (`2016-03-03`, `2016-03-03T17:40`,
//! `2016-03-03 17:40:00.250+01:00`, `...Z`), the usual newspaper forms
//! (`March 3, 2016`, `3 March 2016`, `Mar. 3, 2016 5:40 PM EST`, `Thursday,
//! March 3rd, 2016 at 5:40 p.m.`), RFC 2822 (`Thu, 03 Mar 2016 17:40:00
//! -0500`), `2016/03/03`, `03.03.2016` (day first), `3/14/2016` (month
//! first, as in US papers, unless the first number cannot be a month) and
//! Unix timestamps in seconds (9 to 11 digits). A date alone stays a date
//! (`YYYY-MM-DD`); a date with a time becomes UTC, `YYYY-MM-DDTHH:MM:SSZ`
//! (a time without a zone is taken as UTC). Anything else is `None`: the
//! caller reports the record.

/// The ISO 8601 form of a date, or `None` when it cannot be read.
pub fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    let d = iso(s).or_else(|| epoch(s)).or_else(|| words(s))?;
    d.valid().then(|| d.render())
}

/// A date as read: a calendar day, and maybe a time with its offset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Stamp {
    year: i64,
    month: u32,
    day: u32,
    /// Hour, minute, second.
    time: Option<(u32, u32, u32)>,
    /// Offset east of UTC, in minutes.
    offset: i64,
}

impl Stamp {
    fn valid(&self) -> bool {
        (1..=9999).contains(&self.year)
            && (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
            && self.time.is_none_or(|(h, m, s)| h < 24 && m < 60 && s < 61)
            && self.offset.abs() < 24 * 60
    }

    fn render(&self) -> String {
        let Some((h, m, s)) = self.time else {
            return format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        };
        let secs = days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(h) * 3600
            + i64::from(m) * 60
            + i64::from(s.min(59))
            - self.offset * 60;
        let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let (y, mo, d) = civil_from_days(days);
        format!(
            "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
            rest / 3600,
            rest / 60 % 60,
            rest % 60
        )
    }
}

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The days of month `m` of year `y` (0 for a month outside 1 to 12).
pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (the inverse of [`days_from_civil`]).
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A run of ASCII digits at the start of `s`: its value and length.
fn digits(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 9 {
        return None;
    }
    Some((s[..n].parse().ok()?, n))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, then maybe `T` or a space and a time.
fn iso(s: &str) -> Option<Stamp> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'-' | b'/') {
        return None;
    }
    let sep = b[4];
    let year = i64::from(digits(s)?.0);
    let (month, n) = digits(&s[5..])?;
    let rest = &s[5 + n..];
    if n > 2 || rest.as_bytes().first() != Some(&sep) {
        return None;
    }
    let (day, n) = digits(&rest[1..])?;
    if n > 2 {
        return None;
    }
    let rest = &rest[1 + n..];
    let mut st = Stamp {
        year,
        month,
        day,
        ..Stamp::default()
    };
    if rest.is_empty() {
        return Some(st);
    }
    let rest = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix('t'))
        .or_else(|| rest.strip_prefix(' '))?
        .trim_start();
    let (time, rest) = clock(rest)?;
    st.time = Some(time);
    let rest = rest.trim();
    if !rest.is_empty() {
        st.offset = zone(rest)?;
    }
    Some(st)
}

/// `HH:MM[:SS[.fff]]` at the start of `s`, and what follows.
fn clock(s: &str) -> Option<((u32, u32, u32), &str)> {
    let (h, n) = digits(s)?;
    if n > 2 || s.as_bytes().get(n) != Some(&b':') {
        return None;
    }
    let rest = &s[n + 1..];
    let (m, n) = digits(rest)?;
    if n != 2 {
        return None;
    }
    let mut rest = &rest[n..];
    let mut sec = 0;
    if let Some(r) = rest.strip_prefix(':') {
        let (x, n) = digits(r)?;
        if n != 2 {
            return None;
        }
        sec = x;
        rest = &r[n..];
        if let Some(r) = rest.strip_prefix(['.', ',']) {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            rest = &r[n..];
        }
    }
    Some(((h, m, sec), rest))
}

/// A zone: `Z`, `+HH:MM`, `+HHMM`, `+HH`, `UTC+HH:MM`, or a name such as
/// `EST`; its offset east of UTC in minutes.
fn zone(s: &str) -> Option<i64> {
    let s = s.trim().trim_start_matches('(').trim_end_matches(')');
    if let Some(rest) = s.strip_prefix(['+', '-']) {
        let sign = if s.starts_with('-') { -1 } else { 1 };
        let digits: String = rest.chars().filter(|c| *c != ':').collect();
        if !digits.bytes().all(|b| b.is_ascii_digit()) || rest.starts_with(':') {
            return None;
        }
        let (h, m) = match digits.len() {
            1 | 2 => (digits.parse::<i64>().ok()?, 0),
            4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
            _ => return None,
        };
        return (m < 60).then_some(sign * (h * 60 + m));
    }
    let upper = s.to_ascii_uppercase();
    for base in ["UTC", "GMT", "UT"] {
        if let Some(rest) = upper.strip_prefix(base) {
            if rest.is_empty() {
                return Some(0);
            }
            if rest.starts_with(['+', '-']) {
                return zone(rest);
            }
        }
    }
    let hours = match upper.as_str() {
        "Z" | "WET" => 0,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "AKST" => -9,
        "AKDT" => -8,
        "HST" => -10,
        "BST" | "CET" | "WEST" => 1,
        "CEST" | "EET" => 2,
        "EEST" | "MSK" => 3,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        _ => return None,
    };
    Some(hours * 60)
}

/// Unix time in seconds (9 to 11 digits: 1973 to 5138).
fn epoch(s: &str) -> Option<Stamp> {
    if !(9..=11).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = s.parse().ok()?;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let r = secs.rem_euclid(86_400) as u32;
    Some(Stamp {
        year: y,
        month: m,
        day: d,
        time: Some((r / 3600, r / 60 % 60, r % 60)),
        offset: 0,
    })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month a word names (`March`, `Mar`, `Sept`), 1-based.
fn month(w: &str) -> Option<u32> {
    let lower = w.to_ascii_lowercase();
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if let Some(i) = full.iter().position(|m| *m == lower) {
        return Some(i as u32 + 1);
    }
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

fn weekday(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| *d == lower || (lower.len() >= 3 && d.starts_with(&lower) && lower.len() <= 4))
}

/// The newspaper forms, read token by token: a weekday (ignored), a month
/// name, a day (`3`, `3rd`), a year, a time (`17:40`, `5:40 PM`, `5 p.m.`)
/// and a zone, in any usual order; or a numeric `D.M.YYYY` or `M/D/YYYY`.
fn words(s: &str) -> Option<Stamp> {
    let mut st = Stamp::default();
    let (mut year, mut mon, mut day) = (None, None, None);
    let mut time: Option<(u32, u32, u32)> = None;
    let mut pm: Option<bool> = None;
    let mut zone_seen = false;
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let raw = tokens[i];
        i += 1;
        let t = raw.trim_end_matches('.');
        let lower = t.to_ascii_lowercase();
        if t.is_empty() || lower == "at" || lower == "on" || lower == "the" || lower == "of" {
            continue;
        }
        if let Some(m) = month(t) {
            if mon.replace(m).is_some() {
                return None;
            }
            continue;
        }
        if weekday(t) {
            continue;
        }
        if matches!(lower.as_str(), "am" | "a.m" | "pm" | "p.m") {
            pm = Some(lower.starts_with('p'));
            continue;
        }
        if t.contains(':') && t.as_bytes()[0].is_ascii_digit() {
            let (c, rest) = clock(t)?;
            let rest = rest.to_ascii_lowercase();
            match rest.as_str() {
                "" => {}
                "am" | "a.m" => pm = Some(false),
                "pm" | "p.m" => pm = Some(true),
                _ => return None,
            }
            if time.replace(c).is_some() {
                return None;
            }
            continue;
        }
        if let Some((a, b, c)) = numeric_date(t) {
            if year.is_some() || mon.is_some() || day.is_some() {
                return None;
            }
            (year, mon, day) = (Some(a), Some(b), Some(c));
            continue;
        }
        if let Some((n, len)) = digits(t) {
            let suffix = t[len..].to_ascii_lowercase();
            match (len, suffix.as_str()) {
                (4, "") if year.is_none() => year = Some(i64::from(n)),
                (1 | 2, "" | "st" | "nd" | "rd" | "th") if day.is_none() => day = Some(n),
                // `5 p.m.`: an hour alone, before a meridiem.
                (1 | 2, "am" | "pm") if time.is_none() => {
                    time = Some((n, 0, 0));
                    pm = Some(suffix == "pm");
                }
                (1 | 2, "") if time.is_none() => {
                    let next = tokens
                        .get(i)
                        .map(|w| w.trim_end_matches('.').to_ascii_lowercase());
                    if !matches!(next.as_deref(), Some("am" | "a.m" | "pm" | "p.m")) {
                        return None;
                    }
                    time = Some((n, 0, 0));
                }
                _ => return None,
            }
            continue;
        }
        if !zone_seen {
            if let Some(z) = zone(raw) {
                st.offset = z;
                zone_seen = true;
                continue;
            }
        }
        return None;
    }
    st.year = year?;
    st.month = mon?;
    st.day = day?;
    if let Some((h, m, s)) = time {
        let h = match pm {
            None => h,
            Some(_) if !(1..=12).contains(&h) => return None,
            Some(false) => h % 12,
            Some(true) => h % 12 + 12,
        };
        st.time = Some((h, m, s));
    } else if zone_seen || pm.is_some() {
        return None;
    }
    Some(st)
}

/// `D.M.YYYY` (day first) or `M/D/YYYY` (month first unless the first
/// number is over 12): year, month, day.
fn numeric_date(t: &str) -> Option<(i64, u32, u32)> {
    let sep = if t.contains('.') { '.' } else { '/' };
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        || parts[2].len() != 4
        || parts[0].len() > 2
        || parts[1].len() > 2
    {
        return None;
    }
    let a: u32 = parts[0].parse().ok()?;
    let b: u32 = parts[1].parse().ok()?;
    let y: i64 = parts[2].parse().ok()?;
    Some(if sep == '.' || a > 12 {
        (y, b, a)
    } else {
        (y, a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("2016-03-03", Some("2016-03-03")),
            ("2016-3-3", Some("2016-03-03")),
            ("2016/03/03", Some("2016-03-03")),
            ("2016-03-03T17:40:00Z", Some("2016-03-03T17:40:00Z")),
            ("2016-03-03T17:40Z", Some("2016-03-03T17:40:00Z")),
            ("2016-03-03T17:40:00", Some("2016-03-03T17:40:00Z")),
            (
                "2016-03-03 17:40:00.123+01:00",
                Some("2016-03-03T16:40:00Z"),
            ),
            ("2016-03-03T22:40:00-05:00", Some("2016-03-04T03:40:00Z")),
            ("2016-03-03T01:00:00+0530", Some("2016-03-02T19:30:00Z")),
            ("2016-03-03T01:00:00+02", Some("2016-03-02T23:00:00Z")),
            ("2016-12-31T23:30:00-01:00", Some("2017-01-01T00:30:00Z")),
            ("March 3, 2016", Some("2016-03-03")),
            ("3 March 2016", Some("2016-03-03")),
            ("Mar. 3, 2016", Some("2016-03-03")),
            ("Sept. 30, 2020", Some("2020-09-30")),
            ("Mar. 3, 2016 5:40 PM EST", Some("2016-03-03T22:40:00Z")),
            ("March 3, 2016 at 5:40 p.m.", Some("2016-03-03T17:40:00Z")),
            ("Thursday, March 3rd, 2016", Some("2016-03-03")),
            (
                "Thu, 03 Mar 2016 17:40:00 -0500",
                Some("2016-03-03T22:40:00Z"),
            ),
            (
                "Thu, 03 Mar 2016 17:40:00 GMT",
                Some("2016-03-03T17:40:00Z"),
            ),
            ("12:05 AM EDT, March 4, 2016", Some("2016-03-04T04:05:00Z")),
            ("March 3, 2016 12:30pm", Some("2016-03-03T12:30:00Z")),
            ("March 3, 2016 5 pm", Some("2016-03-03T17:00:00Z")),
            ("03.03.2016", Some("2016-03-03")),
            ("3/14/2016", Some("2016-03-14")),
            ("14/3/2016", Some("2016-03-14")),
            ("1457026800", Some("2016-03-03T17:40:00Z")),
            ("29 February 2016", Some("2016-02-29")),
            // Not dates, or not days of the calendar.
            ("29 February 2015", None),
            ("2016-02-30", None),
            ("2016-13-01", None),
            ("2016-03-03T25:00", None),
            ("March 2016", None),
            ("someday", None),
            ("", None),
            ("March 3, 2016 5:40 PM Mars time", None),
            ("March 3 4, 2016", None),
            ("2016-03-03T17:40:00 +25:00", None),
            ("13:40 PM March 3, 2016", None),
            ("yesterday", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        for z in [-800_000, -1, 0, 1, 16_863, 730_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(16_863), (2016, 3, 3));
    }
}
