//! A warehouse's aggregate (the small file the `active-profiles sql` script exports) turned into a full [`Report`].
//!
//! When the delivery logs live in a warehouse (DuckDB, Spark, Snowflake),
//! the counting rules run there as SQL and only a small aggregate comes
//! back: a CSV table with the columns `section,name,detail,value`, one row
//! per figure. This module reads it and builds the same [`Report`] that
//! counting the files would have given; the daily series, the monthly
//! snapshots and the expiring months are derived here from the activity
//! changes and leaving days that the SQL computed.
//!
//! Sections (`name` / `detail` / `value`):
//!
//! | section | name | detail | value |
//! |---|---|---|---|
//! | `meta` | `format` | `active-profiles-aggregate/1` | 0 |
//! | `meta` | `dialect`, `table`, `as_of`, `min_day`, `max_day`, `billing_day` | the value (dates `YYYY-MM-DD`, empty when there is none) | 0 |
//! | `column` | a field name (`event date`) | the table's column | 0 |
//! | `rows` | `read`, `counted`, `rejected` | | rows |
//! | `excluded` | `proof`, `social`, `control`, `status`, `failure_reason` | | rows |
//! | `rejected` | the reason | | rows |
//! | `unrecognised` | the field (`status`, `failure_reason`, a flag) | the value as written | rows |
//! | `active` | instance | target dimension | profiles active on the as-of date |
//! | `channel` | channel | | profiles active on the as-of date through it |
//! | `multi_channel` | | | profiles active through more than one channel |
//! | `activity` | a day | | change of the active count on that day (runs starting minus runs ending) |
//! | `leaving` | a day | | profiles active on the as-of date that leave that day (a year after their last event on or before it) |
//! | `case_duplicates` | dimension | `profiles` or `fewer` | count |
//!
//! ```
//! let csv = "section,name,detail,value\nmeta,format,active-profiles-aggregate/1,0\n\
//!            meta,as_of,2026-01-10,0\nmeta,min_day,2026-01-05,0\nmeta,max_day,2026-01-10,0\n\
//!            rows,read,,2\nrows,counted,,2\nactive,default,Recipients,1\nchannel,Email,,1\n\
//!            activity,2026-01-05,,1\nactivity,2027-01-05,,-1\nleaving,2027-01-05,,1\n";
//! let report = engine::report_from_aggregate(csv.as_bytes()).unwrap();
//! assert_eq!(report.total_active, 1);
//! assert_eq!(report.daily.len(), 6);
//! assert_eq!(report.expiring.iter().map(|m| m.profiles).sum::<u64>(), 1);
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::date::{from_date, to_date};
use crate::message::{Arg, Message};
use crate::report::*;
use crate::{BillingDay, Counter, Options, ReportSettings};

/// The `meta,format` value of every aggregate the SQL writes.
pub const AGGREGATE_FORMAT: &str = "active-profiles-aggregate/1";

/// The columns of an aggregate file, in order.
pub const AGGREGATE_COLUMNS: [&str; 4] = ["section", "name", "detail", "value"];

/// The longest data range that gets monthly snapshots (200 years), as in a report of files.
const MAX_RANGE_DAYS: i64 = 200 * 366;

/// One row of the aggregate.
pub(crate) struct Row {
    pub section: String,
    pub name: String,
    pub detail: String,
    pub value: i64,
    /// The line of the file it starts on.
    pub line: u64,
}

/// Splits CSV text into records, each with the line it starts on: `,` delimiter, `"` quotes with
/// doubled quotes inside, LF or CRLF.
fn records(text: &str) -> Result<Vec<(u64, Vec<String>)>, String> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut line = 1;
    let mut start = 1;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
                if !(record.len() == 1 && record[0].is_empty()) {
                    out.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                line += 1;
                start = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(format!("line {line}: a quoted field is not closed"));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((start, record));
    }
    Ok(out)
}

/// The rows of an aggregate file (a header naming [`AGGREGATE_COLUMNS`], in any order and case).
pub(crate) fn parse_rows(bytes: &[u8]) -> Result<Vec<Row>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut recs = records(text)?.into_iter();
    let (_, header) = recs.next().ok_or("empty file")?;
    let header: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let mut at = [0usize; 4];
    for (slot, name) in at.iter_mut().zip(AGGREGATE_COLUMNS) {
        *slot = header.iter().position(|h| h == name).ok_or_else(|| {
            format!("not an active-profiles aggregate: no column '{name}' (expected {})", AGGREGATE_COLUMNS.join(","))
        })?;
    }
    let mut rows = Vec::new();
    for (i, (line, rec)) in recs.enumerate() {
        let get = |k: usize| rec.get(at[k]).map(|s| s.as_str()).unwrap_or("");
        let value = get(3).trim();
        let value = if value.is_empty() {
            0
        } else {
            // Some warehouses write integers as `12.0` or `12.000`.
            let whole =
                value.split_once('.').map_or(value, |(w, f)| if f.bytes().all(|b| b == b'0') { w } else { value });
            whole.parse::<i64>().map_err(|_| format!("row {}: value '{value}' is not a whole number", i + 2))?
        };
        rows.push(Row {
            section: get(0).trim().to_string(),
            name: get(1).to_string(),
            detail: get(2).to_string(),
            value,
            line,
        });
    }
    Ok(rows)
}

pub(crate) fn date(s: &str, what: &str) -> Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d").map(Some).map_err(|_| format!("{what} '{s}' is not a date (YYYY-MM-DD)"))
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `D - 12 months`: the engine's own window rule ([`crate::date::minus_year`]), on dates.
fn minus_year(d: NaiveDate) -> NaiveDate {
    to_date(crate::date::minus_year(from_date(d)))
}

/// The first day on which an event of day `e` no longer counts: the engine's own [`crate::date::leave_day`], on dates.
fn leave_day(e: NaiveDate) -> NaiveDate {
    to_date(crate::date::leave_day(from_date(e)))
}

fn count(v: i64) -> u64 {
    v.max(0) as u64
}

/// Builds the full report from an aggregate file (see the module documentation for its layout).
///
/// Fails with a message when the bytes are not such an aggregate (no `meta,format` row of
/// [`AGGREGATE_FORMAT`], a missing column, a value that is not a whole number, a bad date).
pub fn report_from_aggregate(bytes: &[u8]) -> Result<Report, String> {
    let rows = parse_rows(bytes)?;
    let meta: BTreeMap<&str, &str> =
        rows.iter().filter(|r| r.section == "meta").map(|r| (r.name.trim(), r.detail.trim())).collect();
    match meta.get("format") {
        Some(f) if f.starts_with("active-profiles-aggregate/") => {}
        Some(f) if f.starts_with("engageable-aggregate/") => {
            return Err(format!(
                "not an active-profiles aggregate: '{f}' is an aggregate of engageable profiles, read by \
                 `engageable --from-aggregate`"
            ))
        }
        _ => return Err(format!("not an active-profiles aggregate (no meta,format,{AGGREGATE_FORMAT} row)")),
    }
    let as_of = date(meta.get("as_of").copied().unwrap_or(""), "as_of")?;
    let min_day = date(meta.get("min_day").copied().unwrap_or(""), "min_day")?;
    let max_day = date(meta.get("max_day").copied().unwrap_or(""), "max_day")?;
    let billing = match meta.get("billing_day").map(|s| s.trim()) {
        None | Some("") => BillingDay::default(),
        Some(s) if s.eq_ignore_ascii_case("last") => BillingDay::Last,
        Some(s) => BillingDay::Day(s.parse::<u8>().map_err(|_| format!("billing_day '{s}' is not 1 to 28 or last"))?),
    };
    let dialect = meta.get("dialect").copied().unwrap_or("SQL");
    let table = meta.get("table").copied().unwrap_or("table");

    // Settings and rules as a report of the default rules states them.
    let settings = ReportSettings { as_of, billing_day: billing, purchased: None, profiles: false };
    let mut report = Counter::new(Options::default()).report(&settings);
    report.as_of = as_of.map(iso);
    report.settings.as_of = as_of.map(iso);

    let mut rows_read = 0u64;
    let mut excluded: BTreeMap<String, u64> = BTreeMap::new();
    let mut rejected: Vec<(String, u64)> = Vec::new();
    let mut unrecognised = Vec::new();
    let mut instances: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut channels: BTreeMap<String, u64> = BTreeMap::new();
    let mut activity: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    let mut leaving: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut dups: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut columns = BTreeMap::new();
    for r in &rows {
        let n = count(r.value);
        match r.section.as_str() {
            "rows" => match r.name.trim() {
                "read" => rows_read = n,
                "counted" => report.rows.counted = n,
                "rejected" => report.rows.rejected = n,
                _ => {}
            },
            "excluded" if n > 0 => *excluded.entry(r.name.trim().to_string()).or_default() += n,
            "rejected" if n > 0 => rejected.push((r.name.trim().to_string(), n)),
            "unrecognised" if n > 0 => {
                unrecognised.push(Unrecognised { field: r.name.trim().into(), value: r.detail.clone(), rows: n })
            }
            "active" => {
                *instances.entry(r.name.clone()).or_default().entry(r.detail.clone()).or_default() += n;
            }
            "channel" => *channels.entry(r.name.clone()).or_default() += n,
            "multi_channel" => report.multi_channel_profiles += n,
            "activity" => {
                if let Some(d) = date(&r.name, "activity day")? {
                    *activity.entry(d).or_default() += r.value;
                }
            }
            "leaving" => {
                if let Some(d) = date(&r.name, "leaving day")? {
                    *leaving.entry(d).or_default() += n;
                }
            }
            "case_duplicates" => {
                let e = dups.entry(r.name.clone()).or_default();
                match r.detail.trim() {
                    "profiles" => e.0 += n,
                    "fewer" => e.1 += n,
                    _ => {}
                }
            }
            "column" => {
                columns.insert(r.name.trim().to_string(), r.detail.clone());
            }
            _ => {}
        }
    }
    report.rows.excluded = excluded.values().sum();
    report.rows.read = rows_read.max(report.rows.counted + report.rows.excluded + report.rows.rejected);
    let mut ex: Vec<ExcludedCount> =
        excluded.into_iter().map(|(reason, rows)| ExcludedCount { reason, rows }).filter(|e| e.rows > 0).collect();
    ex.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.reason.cmp(&b.reason)));
    report.excluded = ex;
    rejected.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    report.rejected = rejected
        .into_iter()
        .map(|(reason, n)| {
            let message = Message::new("rejected-rows")
                .with("reason", Arg::Message(Box::new(crate::message::rejection_of(&reason))))
                .with("rows", Arg::Number(n));
            RejectedRow { file: table.to_string(), line: 0, reason: message.to_string(), message: Some(message) }
        })
        .collect();
    unrecognised.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| (&a.field, &a.value).cmp(&(&b.field, &b.value))));
    report.unrecognised = unrecognised;
    let warning = Message::new("warning-aggregate").file(table).with("dialect", Arg::Text(dialect.to_string()));
    report.warnings = vec![warning.to_string()];
    report.warning_messages = vec![warning];
    report.files = vec![FileSummary {
        name: table.to_string(),
        encoding: format!("{dialect} table"),
        delimiter: String::new(),
        rows: report.rows.read,
        columns,
    }];

    let Some(as_of) = as_of else { return Ok(report) };
    report.window = Some(Window { from: iso(minus_year(as_of) + chrono::Days::new(1)), to: iso(as_of) });

    crate::reporting::place_active(&mut report, instances, channels);
    report.total_active = report.dimensions.iter().map(|d| d.active).sum();

    // Expiring: every month from the day after as-of to the last possible leaving day, zeros included.
    let horizon = leave_day(as_of);
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    let first = as_of.succ_opt().unwrap_or(as_of);
    let mut m = first.with_day(1).unwrap_or(first);
    while m <= horizon {
        months.insert(format!("{:04}-{:02}", m.year(), m.month()), 0);
        match m.checked_add_months(Months::new(1)) {
            Some(n) => m = n,
            None => break,
        }
    }
    for (day, n) in leaving {
        let day = day.min(horizon);
        *months.entry(format!("{:04}-{:02}", day.year(), day.month())).or_default() += n;
    }
    report.expiring = months.into_iter().map(|(month, profiles)| ExpiringMonth { month, profiles }).collect();

    let mut case: Vec<CaseDuplicates> = dups
        .into_iter()
        .filter(|(_, (p, _))| *p > 0)
        .map(|(dimension, (profiles, fewer))| CaseDuplicates { dimension, profiles, fewer })
        .collect();
    case.sort_by(|a, b| b.profiles.cmp(&a.profiles).then_with(|| a.dimension.cmp(&b.dimension)));
    report.case_duplicates = case;

    // Daily series and snapshots from the step function of the activity changes.
    let (Some(min_day), Some(max_day)) = (min_day, max_day) else { return Ok(report) };
    let steps: Vec<(NaiveDate, i64)> = activity
        .into_iter()
        .scan(0i64, |acc, (d, delta)| {
            *acc += delta;
            Some((d, *acc))
        })
        .collect();
    let at = |day: NaiveDate| -> u64 {
        let i = steps.partition_point(|(d, _)| *d <= day);
        if i == 0 {
            0
        } else {
            count(steps[i - 1].1)
        }
    };
    let start = (as_of - chrono::Days::new(364)).max(min_day);
    let mut d = start;
    while d <= as_of {
        report.daily.push(DailyCount { date: iso(d), active: at(d) });
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    if (max_day - min_day).num_days() > MAX_RANGE_DAYS {
        let warning = Message::new("warning-long-range")
            .with("from", Arg::Date(iso(min_day)))
            .with("to", Arg::Date(iso(max_day)));
        report.warnings.push(warning.to_string());
        report.warning_messages.push(warning);
        return Ok(report);
    }
    let mut month = min_day.with_day(1).unwrap_or(min_day);
    while month <= max_day {
        if let Some(b) = crate::reporting::billing_date(month.year(), month.month(), billing) {
            if (min_day..=max_day).contains(&b) {
                report.snapshots.push(Snapshot {
                    from: iso(minus_year(b) + chrono::Days::new(1)),
                    to: iso(b),
                    active: at(b),
                });
            }
        }
        match month.checked_add_months(Months::new(1)) {
            Some(n) => month = n,
            None => break,
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_crlf() {
        let r = records("a,b\r\n\"x,\"\"y\"\"\",\"line\nbreak\"\r\nc,d\n").unwrap();
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            r,
            vec![(1, strings(&["a", "b"])), (2, strings(&["x,\"y\"", "line\nbreak"])), (4, strings(&["c", "d"]))]
        );
    }

    #[test]
    fn leave_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(leave_day(d("2024-02-29")), d("2025-03-01"));
        assert_eq!(leave_day(d("2023-02-28")), d("2024-02-28"));
        assert_eq!(leave_day(d("2023-03-01")), d("2024-03-01"));
        assert_eq!(minus_year(d("2024-02-29")), d("2023-02-28"));
    }

    #[test]
    fn not_an_aggregate() {
        assert!(report_from_aggregate(b"{\"format\":\"x\"}").is_err());
        assert!(report_from_aggregate(b"section,name,detail,value\nrows,read,,1\n").is_err());
        assert!(report_from_aggregate(b"").is_err());
        let engageable = b"section,name,detail,value\nmeta,format,engageable-aggregate/1,0\n";
        assert!(report_from_aggregate(engageable).is_err_and(|e| e.contains("engageable --from-aggregate")));
    }

    #[test]
    fn upper_case_header_and_decimal_values() {
        let csv = "SECTION,NAME,DETAIL,VALUE\nmeta,format,active-profiles-aggregate/1,0\nrows,read,,3.000\n\
                   rows,rejected,,3\nrejected,no event date,,3\n";
        let r = report_from_aggregate(csv.as_bytes()).unwrap();
        assert_eq!(r.rows.read, 3);
        assert_eq!(r.rows.rejected, 3);
        assert_eq!(r.as_of, None);
        assert_eq!(r.rejected[0].reason, "no event date (3 rows)");
    }
}
