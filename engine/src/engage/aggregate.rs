//! A warehouse's aggregate of step events (the small file the `active-profiles sql --report engageable` script exports) turned into the [`EngageableReport`] the engine gives.
//!
//! When the step events live in a warehouse (AEP's Query Service, DuckDB,
//! Spark, Snowflake), the rules of `journey-optimizer.md` section 3 run there
//! as SQL and only a small aggregate comes back: a CSV table with the columns
//! `section,name,detail,value`, one row per figure, read as Campaign's
//! aggregate is ([`crate::aggregate`]). No profile key or identity value is in
//! it. The figures are placed by the functions the engine's own report uses
//! ([`super::figures`]): the daily series and its spikes from the activity
//! changes and the newly engaged counts, each sandbox's series from its own
//! changes, expiring from the leaving days, the licence and its prediction
//! from the production sandboxes' activity. An aggregate without
//! `sandbox_activity` rows (written before they were added) gives a report
//! without `sandbox_daily`.
//!
//! Sections (`name` / `detail` / `value`):
//!
//! | section | name | detail | value |
//! |---|---|---|---|
//! | `meta` | `format` | `engageable-aggregate/1` | 0 |
//! | `meta` | `dialect`, `table`, `as_of`, `min_day`, `max_day`, `time_zone` | the value (dates `YYYY-MM-DD`, empty when there is none) | 0 |
//! | `column` | a field name (`time`) | the table's column | 0 |
//! | `rows` | `read`, `counted`, `rejected` | | rows |
//! | `rejected` | the reason: `no profile`, `no time`, `time is not a date` | | rows |
//! | `sandbox` | sandbox | `production` or `development` | profiles engaged on the as-of date |
//! | `dry_run_only` | | | profiles engaged on the as-of date by dry runs only |
//! | `journey` | journey or campaign | | profiles engaged on the as-of date through it |
//! | `activity` | a day | sandbox type | change of the engaged profiles of that type on that day (runs starting minus runs ending); days up to the as-of date, those before the first day of the daily series (as-of − 364 days) summed into that day |
//! | `sandbox_activity` | a day | `type:sandbox` (`production:prod`) | the same change for one sandbox (the `activity` rows are their sums per type, kept so that a reader without this section still reads the series) |
//! | `newly` | a day | | profiles newly engaged that day (runs starting), from 392 days before the as-of date (the series and the 28 days before it) to the as-of date |
//! | `spike_journey` | a day | journey or campaign | profiles newly engaged that day that it engaged that day (the spike days only) |
//! | `leaving` | a day | | profiles engaged on the as-of date that leave that day (a year after their last event on or before it) |
//!
//! What the aggregate cannot give: stitching (no profile key leaves the
//! warehouse: `stitched` is false), the rejected events' lines (they are
//! listed by reason, with their number, under the table's name), the files
//! and their formats (one entry: the table), and a time zone other than UTC.
//!
//! ```
//! let csv = "section,name,detail,value\nmeta,format,engageable-aggregate/1,0\nmeta,table,steps,0\n\
//!            meta,as_of,2026-01-10,0\nmeta,min_day,2026-01-05,0\nmeta,max_day,2026-01-10,0\n\
//!            rows,read,,3\nrows,counted,,2\nrows,rejected,,1\nrejected,no profile,,1\n\
//!            sandbox,prod,production,1\njourney,Welcome,,1\nactivity,2026-01-05,production,1\n\
//!            sandbox_activity,2026-01-05,production:prod,1\nnewly,2026-01-05,,1\nleaving,2027-01-05,,1\n";
//! let report = engine::engage::aggregate::report_from_aggregate(csv.as_bytes(), Some(10)).unwrap();
//! assert_eq!(report.engageable.production, 1);
//! assert_eq!(report.daily.len(), 6);
//! assert_eq!(report.sandbox_daily[0].engageable, [1, 1, 1, 1, 1, 1]);
//! assert_eq!(report.licence.unwrap().percent, 10.0);
//! assert_eq!(report.rejected[0].reason, "no profile (1 row)");
//! ```

use std::collections::{BTreeMap, BTreeSet};

use crate::aggregate::{date, parse_rows};
use crate::date::{from_date, minus_year, Day};
use crate::engage::figures::{self, iso};
use crate::engage::report::*;
use crate::message::{Arg, Message};

/// The `meta,format` value of every engageable aggregate the SQL writes.
pub const ENGAGEABLE_AGGREGATE_FORMAT: &str = "engageable-aggregate/1";

/// The `rejected` reasons the SQL writes, and the message each is said with.
pub const REJECTED_REASONS: [(&str, &str); 3] =
    [("no profile", "event-no-profile"), ("no time", "event-no-time"), ("time is not a date", "event-not-a-time")];

fn rejection(reason: &str) -> Message {
    match REJECTED_REASONS.iter().find(|(r, _)| *r == reason.trim()) {
        Some((_, id)) => Message::new(id),
        None => Message::new("rejected-other").with("text", Arg::Text(reason.trim().to_string())),
    }
}

fn count(v: i64) -> u64 {
    v.max(0) as u64
}

/// Builds the report from an aggregate file (see the module documentation for its layout), with
/// `licensed` the licensed number the user entered.
///
/// Fails with a message naming the line when the bytes are not such an aggregate (no
/// `meta,format` row of [`ENGAGEABLE_AGGREGATE_FORMAT`], a missing column, a value that is not a
/// whole number, a bad date).
pub fn report_from_aggregate(csv: &[u8], licensed: Option<u64>) -> Result<EngageableReport, String> {
    let rows = parse_rows(csv)?;
    let meta: BTreeMap<&str, (&str, u64)> =
        rows.iter().filter(|r| r.section == "meta").map(|r| (r.name.trim(), (r.detail.trim(), r.line))).collect();
    match meta.get("format") {
        Some((f, _)) if f.starts_with("engageable-aggregate/") => {}
        Some((f, line)) => {
            return Err(format!(
                "line {line}: format '{f}' is not an engageable aggregate ({ENGAGEABLE_AGGREGATE_FORMAT}); \
                 an aggregate of active profiles is read by `report --from-aggregate`"
            ))
        }
        None => return Err(format!("not an engageable aggregate (no meta,format,{ENGAGEABLE_AGGREGATE_FORMAT} row)")),
    }
    let meta_date = |name: &str| -> Result<Option<Day>, String> {
        match meta.get(name) {
            None => Ok(None),
            Some((v, line)) => date(v, name).map(|d| d.map(from_date)).map_err(|e| format!("line {line}: {e}")),
        }
    };
    let as_of = meta_date("as_of")?;
    let min_day = meta_date("min_day")?;
    let dialect = meta.get("dialect").map_or("SQL", |m| m.0);
    let table = meta.get("table").map_or("table", |m| m.0);

    let mut report = EngageableReport {
        format: FORMAT.to_string(),
        time_zone: meta.get("time_zone").map_or("UTC", |m| m.0).to_string(),
        ..Default::default()
    };
    let mut rows_read = 0u64;
    let mut rejected: Vec<(String, u64)> = Vec::new();
    let mut sandboxes: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut journeys: BTreeMap<String, u64> = BTreeMap::new();
    // Change of the engaged profiles by day: all, of the production sandboxes, of each sandbox.
    let mut activity: BTreeMap<Day, i64> = BTreeMap::new();
    let mut production: BTreeMap<Day, i64> = BTreeMap::new();
    let mut by_sandbox: BTreeMap<(String, String), BTreeMap<Day, i64>> = BTreeMap::new();
    let mut newly: BTreeMap<Day, u64> = BTreeMap::new();
    let mut spike_journeys: BTreeMap<Day, BTreeMap<String, u64>> = BTreeMap::new();
    let mut leaving: BTreeMap<Day, u64> = BTreeMap::new();
    for r in &rows {
        let n = count(r.value);
        let day = |what: &str| -> Result<Option<Day>, String> {
            date(&r.name, what).map(|d| d.map(from_date)).map_err(|e| format!("line {}: {e}", r.line))
        };
        match r.section.as_str() {
            "rows" => match r.name.trim() {
                "read" => rows_read = n,
                "counted" => report.rows.counted = n,
                "rejected" => report.rows.rejected = n,
                _ => {}
            },
            "rejected" if n > 0 => rejected.push((r.name.trim().to_string(), n)),
            "sandbox" => *sandboxes.entry((r.name.clone(), r.detail.trim().to_string())).or_default() += n,
            "dry_run_only" => report.dry_run_only += n,
            "journey" => *journeys.entry(r.name.clone()).or_default() += n,
            "activity" => {
                if let Some(d) = day("activity day")? {
                    *activity.entry(d).or_default() += r.value;
                    if r.detail.trim() != "development" {
                        *production.entry(d).or_default() += r.value;
                    }
                }
            }
            "sandbox_activity" => {
                if let Some(d) = day("activity day")? {
                    let Some((kind, name)) = r.detail.split_once(':') else {
                        return Err(format!(
                            "line {}: sandbox_activity '{}' is not type:sandbox (production:prod)",
                            r.line, r.detail
                        ));
                    };
                    let sandbox = (name.to_string(), kind.trim().to_string());
                    *by_sandbox.entry(sandbox).or_default().entry(d).or_default() += r.value;
                }
            }
            "newly" => {
                if let Some(d) = day("newly engaged day")? {
                    *newly.entry(d).or_default() += n;
                }
            }
            "spike_journey" => {
                if let Some(d) = day("spike day")? {
                    *spike_journeys.entry(d).or_default().entry(r.detail.clone()).or_default() += n;
                }
            }
            "leaving" => {
                if let Some(d) = day("leaving day")? {
                    *leaving.entry(d).or_default() += n;
                }
            }
            _ => {}
        }
    }
    report.rows.read = rows_read.max(report.rows.counted + report.rows.rejected);
    rejected.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    report.rejected = rejected
        .into_iter()
        .map(|(reason, n)| {
            let message = Message::new("rejected-rows")
                .with("reason", Arg::Message(Box::new(rejection(&reason))))
                .with("rows", Arg::Number(n));
            RejectedRecord { file: table.to_string(), line: 0, reason: message.to_string(), message: Some(message) }
        })
        .collect();
    let warning = Message::new("warning-aggregate").file(table).with("dialect", Arg::Text(dialect.to_string()));
    report.warnings = vec![warning.to_string()];
    report.warning_messages = vec![warning];
    report.files =
        vec![EventFile { name: table.to_string(), format: format!("{dialect} table"), events: report.rows.counted }];

    let Some(as_of) = as_of else { return Ok(report) };
    report.as_of = Some(iso(as_of));
    report.window = Some(Span { from: iso(minus_year(as_of) + 1), to: iso(as_of) });
    report.engageable = figures::engageable(sandboxes.into_iter().map(|((name, kind), n)| (name, kind, n)));
    report.by_journey = figures::journeys(journeys);
    report.expiring = figures::expiring(as_of, leaving);

    let Some(min_day) = min_day else { return Ok(report) };
    let mut sandbox_daily = Vec::new();
    (report.daily, report.spikes) = figures::series(
        as_of,
        min_day,
        |lo, hi| (engaged(&activity, lo, hi), (lo..=hi).map(|d| newly.get(&d).copied().unwrap_or(0)).collect()),
        |lo, hi| {
            sandbox_daily = figures::sandbox_daily(by_sandbox.iter().map(|(s, c)| (s.clone(), engaged(c, lo, hi))));
            engaged(&production, lo, hi)
        },
        |days: &BTreeSet<Day>| spike_journeys.into_iter().filter(|(d, _)| days.contains(d)).collect(),
    );
    report.sandbox_daily = sandbox_daily;
    report.licence =
        licensed.map(|licensed| figures::licence(licensed, report.engageable.production, as_of, &report.daily));
    Ok(report)
}

/// Engaged profiles of each day from `lo` to `hi`: the changes up to each day summed.
fn engaged(changes: &BTreeMap<Day, i64>, lo: Day, hi: Day) -> Vec<u64> {
    let mut acc: i64 = changes.range(..lo).map(|(_, n)| n).sum();
    (lo..=hi)
        .map(|d| {
            acc += changes.get(&d).copied().unwrap_or(0);
            count(acc)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "section,name,detail,value\nmeta,format,engageable-aggregate/1,0\n";

    #[test]
    fn refuses_what_is_not_an_engageable_aggregate() {
        assert!(report_from_aggregate(b"", None).is_err());
        let active = b"section,name,detail,value\nmeta,format,active-profiles-aggregate/1,0\n";
        let e = report_from_aggregate(active, None).unwrap_err();
        assert!(e.contains("line 2") && e.contains("report --from-aggregate"), "{e}");
        let e = report_from_aggregate(format!("{HEAD}rows,read,,x\n").as_bytes(), None).unwrap_err();
        assert!(e.contains("'x' is not a whole number"), "{e}");
        let e = report_from_aggregate(format!("{HEAD}meta,as_of,2026-02-30,0\n").as_bytes(), None).unwrap_err();
        assert!(e.starts_with("line 3: as_of '2026-02-30'"), "{e}");
        let e = report_from_aggregate(format!("{HEAD}meta,as_of,2026-01-30,0\nnewly,soon,,1\n").as_bytes(), None)
            .unwrap_err();
        assert!(e.starts_with("line 4: newly engaged day 'soon'"), "{e}");
    }

    #[test]
    fn rejected_only_and_no_as_of() {
        let csv =
            format!("{HEAD}rows,read,,4\nrows,rejected,,4\nrejected,no time,,3\nrejected,time is not a date,,1\n");
        let r = report_from_aggregate(csv.as_bytes(), Some(5)).unwrap();
        assert_eq!(r.as_of, None);
        assert_eq!(r.licence, None);
        let reasons: Vec<&str> = r.rejected.iter().map(|x| x.reason.as_str()).collect();
        assert_eq!(reasons, ["no time (3 rows)", "time is not a date (1 row)"]);
        assert_eq!(r.rows, Rows { read: 4, counted: 0, rejected: 4 });
    }

    #[test]
    fn the_series_sums_the_changes_and_finds_a_spike() {
        // One profile a day from 2026-01-01 (development: one more), 40 new on 2026-02-10.
        let mut csv = format!(
            "{HEAD}meta,as_of,2026-02-12,0\nmeta,min_day,2026-01-01,0\nactivity,2026-01-01,development,1\n\
             spike_journey,2026-02-10,Sale,30\nspike_journey,2026-02-10,Other,12\n"
        );
        let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for i in 0..43 {
            let d = first + chrono::Days::new(i);
            let n = if d.to_string() == "2026-02-10" { 40 } else { 1 };
            csv.push_str(&format!("activity,{d},production,{n}\nnewly,{d},,{n}\n"));
        }
        let r = report_from_aggregate(csv.as_bytes(), Some(100)).unwrap();
        assert_eq!(r.daily.len(), 43);
        assert_eq!(r.daily[0].engageable, 2);
        assert_eq!(r.daily[42].engageable, 43 + 39 + 1);
        assert_eq!(r.spikes.len(), 1);
        assert_eq!((r.spikes[0].date.as_str(), r.spikes[0].newly_engaged), ("2026-02-10", 40));
        assert_eq!(r.spikes[0].journeys, ["Sale"]);
        assert_eq!(r.licence.unwrap().predicted.unwrap().date, "2026-03-26");
        assert!(r.sandbox_daily.is_empty(), "an aggregate without sandbox_activity rows has no sandbox lines");
    }

    #[test]
    fn each_sandbox_gets_its_series_ordered_by_the_as_of_date() {
        // prod: 2 from 2026-01-01; dev: 1 from 2026-01-01 to 2026-01-02; "eu:west": 1 from 2026-01-03.
        let csv = format!(
            "{HEAD}meta,as_of,2026-01-04,0\nmeta,min_day,2026-01-01,0\n\
             activity,2026-01-01,production,2\nactivity,2026-01-01,development,1\n\
             activity,2026-01-03,development,-1\nactivity,2026-01-03,production,1\n\
             sandbox_activity,2026-01-01,production:prod,2\nsandbox_activity,2026-01-01,development:dev,1\n\
             sandbox_activity,2026-01-03,development:dev,-1\nsandbox_activity,2026-01-03,production:eu:west,1\n"
        );
        let r = report_from_aggregate(csv.as_bytes(), None).unwrap();
        let lines: Vec<(&str, &str, &[u64])> =
            r.sandbox_daily.iter().map(|s| (s.name.as_str(), s.kind.as_str(), s.engageable.as_slice())).collect();
        assert_eq!(
            lines,
            [
                ("prod", "production", &[2, 2, 2, 2][..]),
                ("eu:west", "production", &[0, 0, 1, 1][..]),
                ("dev", "development", &[1, 1, 0, 0][..])
            ]
        );
        let daily: Vec<(u64, u64)> = r.daily.iter().map(|d| (d.engageable, d.production)).collect();
        assert_eq!(daily, [(3, 2), (3, 2), (3, 3), (3, 3)]);
        let e = report_from_aggregate(format!("{HEAD}sandbox_activity,2026-01-03,prod,1\n").as_bytes(), None);
        assert!(e.is_err_and(|e| e.starts_with("line 3: sandbox_activity 'prod' is not type:sandbox")));
    }
}
