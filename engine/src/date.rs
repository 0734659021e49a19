//! Event dates: hand parsing of every date layout of the spec, day numbers, and the 12-month window arithmetic.
//!
//! Dates are handled as `i32` day numbers (days from the common era, as
//! `chrono::NaiveDate::num_days_from_ce`). Parsing works on the ASCII bytes
//! of the field and never allocates; chrono is used for validation and for
//! the calendar arithmetic of the window.

use std::cell::Cell;

use chrono::{Datelike, Months, NaiveDate, Offset, TimeZone as _};

/// A day number: `NaiveDate::num_days_from_ce`.
pub(crate) type Day = i32;

/// The date of a day number.
pub(crate) fn to_date(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// The day number of a date.
pub(crate) fn from_date(date: NaiveDate) -> Day {
    date.num_days_from_ce()
}

/// The day number of a calendar date, if it exists.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(y, m, d).map(from_date)
}

/// `D - 12 months` (clamped to the end of a short month).
pub(crate) fn minus_year(day: Day) -> Day {
    to_date(day).checked_sub_months(Months::new(12)).map(from_date).unwrap_or(Day::MIN / 2)
}

/// The first day on which an event of day `e` no longer makes its profile
/// active: the smallest `D` with `D - 12 months >= e`. The profile is active
/// on exactly the days of `[e, leave_day(e))`.
pub(crate) fn leave_day(e: Day) -> Day {
    let mut d = to_date(e).checked_add_months(Months::new(12)).map(from_date).unwrap_or(Day::MAX / 2);
    // `minus_year` is monotone; walk to the exact first day (at most a few steps around 29 February).
    while minus_year(d) < e {
        d += 1;
    }
    while minus_year(d - 1) >= e {
        d -= 1;
    }
    d
}

/// A direct-mapped cache of [`leave_day`], which is called once per counted row.
#[derive(Clone, Debug)]
pub(crate) struct LeaveCache {
    slots: Vec<(Day, Day)>,
}

impl Default for LeaveCache {
    fn default() -> Self {
        LeaveCache { slots: vec![(Day::MIN, 0); 1024] }
    }
}

impl LeaveCache {
    pub(crate) fn get(&mut self, e: Day) -> Day {
        let slot = &mut self.slots[(e as usize) & 1023];
        if slot.0 != e {
            *slot = (e, leave_day(e));
        }
        slot.1
    }
}

/// Whether `03/04/2026` is read day first or month first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Order {
    DayFirst,
    MonthFirst,
}

/// A date field, parsed but not yet placed in the report's time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct RawDate {
    pub y: i32,
    /// For slash dates (`a/b/yyyy`) the first part, else the month.
    pub a: u8,
    /// For slash dates the second part, else the day.
    pub b: u8,
    /// `a/b/yyyy`: day and month order depends on the file.
    pub slash: bool,
    /// Seconds since midnight (0 when the field has no time).
    pub secs: i32,
    /// The explicit UTC offset in seconds, if the field has one.
    pub offset: Option<i32>,
}

impl RawDate {
    /// What this date tells about the file's order, if anything.
    pub(crate) fn tells(&self) -> Option<Order> {
        if !self.slash || (self.a > 12 && self.b > 12) {
            None
        } else if self.a > 12 {
            Some(Order::DayFirst)
        } else if self.b > 12 {
            Some(Order::MonthFirst)
        } else {
            None
        }
    }

    /// Whether reading this date needs the file's order.
    pub(crate) fn ambiguous(&self) -> bool {
        self.slash && self.a <= 12 && self.b <= 12 && self.a != self.b
    }

    /// The day number in the report's zone. A date without an offset is already in it; one with
    /// an offset is moved into it with the zone's offset at that instant.
    pub(crate) fn resolve(&self, order: Order, zone: &Zone) -> Option<Day> {
        let (m, d) = if self.slash && order == Order::DayFirst { (self.b, self.a) } else { (self.a, self.b) };
        let day = ymd(self.y, m as u32, d as u32)?;
        match self.offset {
            None => Some(day),
            Some(offset) => {
                // Seconds from the day's midnight, in UTC.
                let utc = self.secs - offset;
                let zone = match zone.fixed {
                    Some(z) => z,
                    None => zone.offset_at((day as i64 - UNIX_EPOCH_DAY as i64) * 86_400 + utc as i64),
                };
                Some(day + (utc + zone).div_euclid(86_400))
            }
        }
    }
}

/// The day number of 1970-01-01.
const UNIX_EPOCH_DAY: Day = 719_163;

/// The report's zone as the row loop uses it: a fixed offset is a plain addition; a named zone
/// (daylight saving time) is looked up per quarter of an hour of UTC, the last one remembered.
#[derive(Clone, Debug)]
pub(crate) struct Zone {
    /// Seconds east of UTC, when they never change.
    pub(crate) fixed: Option<i32>,
    named: Option<chrono_tz::Tz>,
    /// The last quarter-hour looked up (seconds since 1970 / 900) and the zone's offset all through it.
    last: Cell<(i64, i32)>,
}

impl Zone {
    /// A zone of a fixed offset (seconds east of UTC).
    pub(crate) fn fixed(offset_secs: i32) -> Zone {
        Zone { fixed: Some(offset_secs), named: None, last: Cell::new((i64::MIN, 0)) }
    }

    /// A zone of the time-zone database.
    pub(crate) fn named(tz: chrono_tz::Tz) -> Zone {
        Zone { fixed: None, named: Some(tz), last: Cell::new((i64::MIN, 0)) }
    }

    /// The zone's offset from UTC (seconds east) at `utc` (seconds since 1970-01-01T00:00Z).
    pub(crate) fn offset_at(&self, utc: i64) -> i32 {
        let Some(tz) = self.named else { return self.fixed.unwrap_or(0) };
        let quarter = utc.div_euclid(900);
        let (last, offset) = self.last.get();
        if last == quarter {
            return offset;
        }
        let at = |secs: i64| {
            chrono::DateTime::from_timestamp(secs, 0)
                .map_or(0, |t| tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc())
        };
        let (start, end) = (at(quarter * 900), at(quarter * 900 + 899));
        if start == end {
            self.last.set((quarter, start));
            start
        } else {
            // A change of offset inside this quarter-hour (before 1970, mostly): the exact instant.
            at(utc)
        }
    }
}

fn digits(s: &[u8], i: &mut usize) -> (u32, usize) {
    let start = *i;
    let mut v: u32 = 0;
    while *i < s.len() && s[*i].is_ascii_digit() && *i - start < 9 {
        v = v * 10 + (s[*i] - b'0') as u32;
        *i += 1;
    }
    (v, *i - start)
}

fn skip_spaces(s: &[u8], i: &mut usize) {
    while *i < s.len() && s[*i] == b' ' {
        *i += 1;
    }
}

/// Parses one date field (already trimmed, non-empty). `None`: not a date of any supported layout.
pub(crate) fn parse(s: &[u8]) -> Option<RawDate> {
    let mut i = 0;
    let (g1, n1) = digits(s, &mut i);
    let sep = *s.get(i)?;
    if !matches!(sep, b'-' | b'/' | b'.') || n1 == 0 {
        return None;
    }
    i += 1;
    let (g2, n2) = digits(s, &mut i);
    if s.get(i) != Some(&sep) || !(1..=2).contains(&n2) {
        return None;
    }
    i += 1;
    let (g3, n3) = digits(s, &mut i);
    let mut date = if n1 == 4 && (1..=2).contains(&n3) {
        RawDate { y: g1 as i32, a: g2 as u8, b: g3 as u8, slash: false, secs: 0, offset: None }
    } else if n3 == 4 && (1..=2).contains(&n1) {
        if sep == b'/' {
            RawDate { y: g3 as i32, a: g1 as u8, b: g2 as u8, slash: true, secs: 0, offset: None }
        } else {
            RawDate { y: g3 as i32, a: g2 as u8, b: g1 as u8, slash: false, secs: 0, offset: None }
        }
    } else {
        return None;
    };
    if i == s.len() {
        return Some(date);
    }
    // Time part.
    match s[i] {
        b'T' | b't' => i += 1,
        b' ' => skip_spaces(s, &mut i),
        _ => return None,
    }
    let (h, nh) = digits(s, &mut i);
    if !(1..=2).contains(&nh) || s.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    let (min, nm) = digits(s, &mut i);
    if nm != 2 {
        return None;
    }
    let mut sec = 0;
    if s.get(i) == Some(&b':') {
        i += 1;
        let (v, n) = digits(s, &mut i);
        if n != 2 {
            return None;
        }
        sec = v;
        if matches!(s.get(i), Some(b'.') | Some(b',')) {
            i += 1;
            while i < s.len() && s[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    skip_spaces(s, &mut i);
    let mut hour = h;
    if i + 1 < s.len() && matches!(s[i + 1], b'M' | b'm') && matches!(s[i], b'A' | b'a' | b'P' | b'p') {
        if !(1..=12).contains(&h) {
            return None;
        }
        let pm = matches!(s[i], b'P' | b'p');
        hour = (h % 12) + if pm { 12 } else { 0 };
        i += 2;
        skip_spaces(s, &mut i);
    }
    if hour > 23 || min > 59 || sec > 60 {
        return None;
    }
    date.secs = (hour * 3600 + min * 60 + sec.min(59)) as i32;
    if i == s.len() {
        return Some(date);
    }
    let rest = &s[i..];
    if rest == b"Z" || rest == b"z" || rest.eq_ignore_ascii_case(b"UTC") || rest.eq_ignore_ascii_case(b"GMT") {
        date.offset = Some(0);
        return Some(date);
    }
    date.offset = Some(parse_offset(rest)?);
    Some(date)
}

/// `+HH`, `+HHMM`, `+HH:MM` (or `-`): seconds east of UTC.
pub(crate) fn parse_offset(s: &[u8]) -> Option<i32> {
    let sign = match s.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let mut i = 1;
    let (h, nh) = digits(s, &mut i);
    let (h, m) = match (nh, s.get(i)) {
        (1 | 2, None) => (h, 0),
        (1 | 2, Some(b':')) => {
            i += 1;
            let (m, nm) = digits(s, &mut i);
            if nm != 2 {
                return None;
            }
            (h, m)
        }
        (4, None) => (h / 100, h % 100),
        _ => return None,
    };
    if i != s.len() || h > 18 || m > 59 {
        return None;
    }
    Some(sign * (h as i32 * 3600 + m as i32 * 60))
}

/// The month (`YYYY-MM`) of a day.
pub(crate) fn month_of(day: Day) -> String {
    let d = to_date(day);
    format!("{:04}-{:02}", d.year(), d.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        from_date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn named_zone_follows_daylight_saving_time() {
        let paris = Zone::named(chrono_tz::Europe::Paris);
        let p = |s: &str| parse(s.as_bytes()).unwrap().resolve(Order::DayFirst, &paris);
        assert_eq!(p("2026-03-29T00:30:00Z"), Some(day("2026-03-29")));
        assert_eq!(p("2026-03-28T23:30:00Z"), Some(day("2026-03-29")));
        // CEST (+2) until 2026-10-25 01:00Z, CET (+1) after.
        assert_eq!(p("2026-10-24T22:30:00Z"), Some(day("2026-10-25")));
        assert_eq!(p("2026-11-24T22:30:00Z"), Some(day("2026-11-24")));
        assert_eq!(p("2026-11-24T23:30:00Z"), Some(day("2026-11-25")));
        // A timestamp without an offset is already in the zone.
        assert_eq!(p("2026-10-24 23:30:00"), Some(day("2026-10-24")));
        // The cache of the last quarter-hour does not leak into another day.
        assert_eq!(p("2026-07-01T21:59:00+00:00"), Some(day("2026-07-01")));
        assert_eq!(p("2026-07-01T22:01:00+00:00"), Some(day("2026-07-02")));
        assert_eq!(p("2026-07-01T21:59:00+00:00"), Some(day("2026-07-01")));
    }

    #[test]
    fn leave_day_is_first_inactive_day() {
        // 2024-02-29: D - 12 months for D = 2025-02-28 is 2024-02-28 < e, so still active.
        assert_eq!(leave_day(day("2024-02-29")), day("2025-03-01"));
        assert_eq!(leave_day(day("2025-10-25")), day("2026-10-25"));
        assert_eq!(leave_day(day("2023-02-28")), day("2024-02-28"));
        assert_eq!(minus_year(day("2024-02-29")), day("2023-02-28"));
    }

    #[test]
    fn layouts() {
        let p = |s: &str| parse(s.as_bytes());
        assert_eq!(p("2026-10-25").unwrap().resolve(Order::DayFirst, &Zone::fixed(0)), Some(day("2026-10-25")));
        assert_eq!(
            p("2026-10-25T23:30:00.123+02:00").unwrap().resolve(Order::DayFirst, &Zone::fixed(0)),
            Some(day("2026-10-25"))
        );
        assert_eq!(
            p("2026-10-25T23:30:00-02:00").unwrap().resolve(Order::DayFirst, &Zone::fixed(0)),
            Some(day("2026-10-26"))
        );
        assert_eq!(
            p("2026-10-25 01:30Z").unwrap().resolve(Order::DayFirst, &Zone::fixed(-7200)),
            Some(day("2026-10-24"))
        );
        assert_eq!(p("03/04/2026").unwrap().resolve(Order::DayFirst, &Zone::fixed(0)), Some(day("2026-04-03")));
        assert_eq!(
            p("03/04/2026 11:45 PM").unwrap().resolve(Order::MonthFirst, &Zone::fixed(0)),
            Some(day("2026-03-04"))
        );
        assert_eq!(p("25.10.2026 13:45").unwrap().resolve(Order::MonthFirst, &Zone::fixed(0)), Some(day("2026-10-25")));
        assert_eq!(p("25-10-2026").unwrap().resolve(Order::MonthFirst, &Zone::fixed(0)), Some(day("2026-10-25")));
        assert_eq!(p("2026/10/25").unwrap().resolve(Order::MonthFirst, &Zone::fixed(0)), Some(day("2026-10-25")));
        assert_eq!(p("31/02/2026").unwrap().resolve(Order::DayFirst, &Zone::fixed(0)), None);
        assert!(p("hello").is_none());
        assert!(p("2026-10-25 25:00").is_none());
        assert!(p("2026-10-25x").is_none());
        assert_eq!(p("13/04/2026").unwrap().tells(), Some(Order::DayFirst));
        assert_eq!(p("04/13/2026").unwrap().tells(), Some(Order::MonthFirst));
        assert!(p("04/04/2026").unwrap().tells().is_none());
        assert!(!p("04/04/2026").unwrap().ambiguous());
    }
}
