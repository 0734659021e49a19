//! `sql --report engageable`: the engageable profiles of `journey-optimizer.md` section 3 as one SQL script over a table of journey step events.
//!
//! The script reads the table, rejects the rows without a profile or a
//! readable time (by reason, as the engine does), computes each profile's
//! runs `[e, leave(e))` per sandbox with the active-profiles script's own
//! rule ([`super::runs`], [`super::leave`]) and writes the small aggregate
//! that [`engine::engage::aggregate::report_from_aggregate`] turns into the
//! `engageable/1` report: counts only, no profile key. Its sections are listed
//! in that module's documentation. The spike days are found in SQL too (the
//! engine's rule: [`SPIKE_DAYS`] days, [`SPIKE_FACTOR`] times the median),
//! only so that the per-journey newly engaged counts of those days alone are
//! exported; the report finds the spikes again from the daily counts.
//!
//! Times are read as the engine reads ISO 8601 (`YYYY-MM-DD`, optionally a
//! time and `Z` or an offset) or as the warehouse writes a timestamp column
//! as text (the session is set to UTC first where that matters), and
//! converted to UTC calendar days; other layouts (`03/04/2026`, `10:00 PM`)
//! are rejected as `time is not a date`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use engine::engage::aggregate::ENGAGEABLE_AGGREGATE_FORMAT;
use engine::engage::figures::{DAYS, SPIKE_DAYS, SPIKE_FACTOR};
use engine::engage::{EventField, Sandbox};

use super::{ident, leave, lit, runs, text_value, Dialect, SqlArgs};
use crate::Failure;

/// The default column of each field.
pub fn default_column(field: EventField) -> &'static str {
    match field {
        EventField::Time => "timestamp",
        EventField::Profile => "profile_id",
        EventField::Journey => "journey",
        EventField::Sandbox => "sandbox",
        EventField::SandboxType => "sandbox_type",
        EventField::DryRun => "in_dry_run",
    }
}

/// A field by the name `--map` gives it (`journey` and `campaign` too).
fn field(name: &str) -> Option<EventField> {
    EventField::parse(name).or_else(|| {
        let n: String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        matches!(n.as_str(), "journey" | "campaign").then_some(EventField::Journey)
    })
}

/// The field-to-column map of the `--map` options (every field from its default column when there is none).
pub fn columns(map: &[String]) -> Result<BTreeMap<EventField, String>, Failure> {
    if map.is_empty() {
        return Ok(EventField::ALL.iter().map(|f| (*f, default_column(*f).to_string())).collect());
    }
    let names = || ["time", "profile", "journey", "sandbox", "sandbox type", "dry run"].join(", ");
    let mut out = BTreeMap::new();
    for m in map {
        let (name, column) = m.split_once('=').ok_or_else(|| {
            Failure::input(format!("--map '{m}': expected FIELD=COLUMN, e.g. --map 'profile=profileID'"))
        })?;
        let f = field(name.trim()).ok_or_else(|| {
            Failure::input(format!("--map '{m}': unknown field '{}'; fields: {}", name.trim(), names()))
        })?;
        let column = column.trim();
        if column.is_empty() {
            return Err(Failure::input(format!("--map '{m}': no column named")));
        }
        out.insert(f, column.to_string());
    }
    for (f, example) in [(EventField::Time, "time=timestamp"), (EventField::Profile, "profile=profile_id")] {
        if !out.contains_key(&f) {
            return Err(Failure::input(format!("no column for the {}: add --map '{example}'", f.name())));
        }
    }
    Ok(out)
}

/// A column reference: a dotted path of plain identifiers (`_experience.journeyOrchestration.stepEvents.profileID`,
/// nested fields in Query Service, Spark or DuckDB) as written, anything else as [`ident`] writes it.
fn column_ref(d: &Dialect, column: &str) -> String {
    let plain = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if column.contains('.') && column.split('.').all(plain) {
        column.to_string()
    } else {
        ident(d, column)
    }
}

/// ISO 8601 as the engine reads it (`engine::date`): the date, then optionally `T` or spaces, the
/// time (hour of 1 or 2 digits, minutes, optional seconds and fraction), spaces and a zone (`Z`,
/// `UTC`, `GMT`, `+HHMM`, `+HH`, `+HH:MM`).
const TIME_RE: &str = "[0-9]{4}-[0-9]{2}-[0-9]{2}(([Tt]| +)[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.,][0-9]*)?)? *\
                       ([Zz]|[Uu][Tt][Cc]|[Gg][Mm][Tt]|[+-][0-9]{4}|[+-][0-9]{1,2}(:[0-9]{2})?)?)?";

/// The parts of a time that [`TIME_RE`] matched, each the one group of a pattern of its own (a
/// pattern of many groups is slow in PostgreSQL): hour, minute, second, and the zone as written.
const HOUR_RE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ] *([0-9]{1,2}):";
const MINUTE_RE: &str = "^[^:]*:([0-9]{2})";
const SECOND_RE: &str = "^[^:]*:[0-9]{2}:([0-9]{2})";
const ZONE_RE: &str = "([Zz]|[Uu][Tt][Cc]|[Gg][Mm][Tt]|[+-][0-9:]*)$";

/// The hours and minutes of an offset written `+HHMM`, `+H`, `+HH` or `+HH:MM`.
const OFFSET_HOURS_RE: &str = "^[+-]([0-9]{1,2})(:?[0-9]{2})?$";
const OFFSET_MINUTES_RE: &str = "^[+-][0-9]{1,2}:?([0-9]{2})$";

/// The script of `--report engageable`.
pub fn engageable(args: &SqlArgs) -> Result<String, Failure> {
    if args.billing_day.is_some() || args.instance.is_some() {
        return Err(Failure::input(
            "--billing-day and --instance are for --report active (the engageable script has --sandbox)",
        ));
    }
    let columns = columns(&args.map)?;
    let dialect = args.dialect.dialect();
    let spec = Spec {
        dialect,
        dialect_id: args.dialect.id(),
        table: args.table.clone().unwrap_or_else(|| "journey_step_events".to_string()),
        columns,
        as_of: args.as_of,
        sandbox: args.sandbox.clone().unwrap_or_default(),
        aggregate: args.aggregate.clone().unwrap_or_else(|| dialect.default_engageable_aggregate.to_string()),
    };
    Ok(script(&spec))
}

/// What the script is written for.
pub struct Spec {
    pub dialect: &'static Dialect,
    pub dialect_id: String,
    pub table: String,
    pub columns: BTreeMap<EventField, String>,
    pub as_of: Option<chrono::NaiveDate>,
    /// The sandbox of the rows whose sandbox column is empty or not mapped.
    pub sandbox: Sandbox,
    pub aggregate: String,
}

/// The whole script.
pub fn script(spec: &Spec) -> String {
    let d = spec.dialect;
    let col = |f: EventField| text_value(d, spec.columns.get(&f).map(|c| column_ref(d, c)));
    let dt = d.date_text;
    let g = |v: &str, re: &str| format!("NULLIF({}, '')", (d.regex_group)(v, re, 1));
    let int = |v: &str, re: &str| format!("CAST({} AS INTEGER)", g(v, re));
    let as_of = match spec.as_of {
        Some(a) => format!("DATE {}", lit(&a.format("%Y-%m-%d").to_string())),
        None => "CAST(NULL AS DATE)".into(),
    };
    let (given, given_kind) = (lit(&spec.sandbox.name), lit(spec.sandbox.kind.as_str()));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "-- active-profiles: Journey Optimizer's engageable profiles (journey-optimizer.md 3) as SQL for {}.",
        d.name
    );
    let _ = writeln!(s, "-- Reads {}; writes the aggregate that", spec.table);
    let _ = writeln!(s, "--   active-profiles engageable --from-aggregate FILE [--licensed N]");
    let _ = writeln!(s, "-- turns into the engageable/1 report (counts only: no profile key leaves the warehouse).");
    let _ = writeln!(s, "-- Times: ISO 8601 text (YYYY-MM-DD, optionally a time and Z or an offset) or a timestamp");
    let _ = writeln!(s, "-- column, converted to UTC calendar days; a time in another layout is rejected.");
    let _ = writeln!(s, "-- Sandbox of the rows without one: {} ({}).", spec.sandbox.name, spec.sandbox.kind.as_str());
    let _ = writeln!(s, "-- Columns read: {}", {
        let v: Vec<String> = spec.columns.iter().map(|(f, c)| format!("{}={c}", f.name())).collect();
        v.join(", ")
    });
    s.push('\n');
    if !d.utc_session.is_empty() {
        let _ = writeln!(s, "-- Timestamps shown in UTC (a timestamp column is read as its text).");
        let _ = writeln!(s, "{}\n", d.utc_session);
    }

    let _ = writeln!(s, "-- 1. Every row, its values as trimmed text (empty = NULL).");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW en_raw AS\nSELECT");
    let _ = writeln!(s, "  {} AS time_v,", col(EventField::Time));
    let _ = writeln!(s, "  {} AS profile_v,", col(EventField::Profile));
    let _ = writeln!(s, "  {} AS journey_v,", col(EventField::Journey));
    let _ = writeln!(s, "  {} AS sandbox_v,", col(EventField::Sandbox));
    let _ = writeln!(s, "  LOWER({}) AS type_l,", col(EventField::SandboxType));
    let _ = writeln!(s, "  LOWER({}) AS dry_l", col(EventField::DryRun));
    let _ = writeln!(s, "FROM {};\n", spec.table);

    let _ =
        writeln!(s, "-- 2. Each row's profile, journey, sandbox, sandbox type (else the given sandbox's when it is");
    let _ = writeln!(
        s,
        "--    that one, else production), dry-run flag, and its time's parts: the local date, the time of"
    );
    let _ = writeln!(s, "--    day and the zone as written (NULL: none). Kept: the patterns run once per row.");
    let (keep, after) = (d.keep)("en_time");
    let _ = writeln!(s, "{keep}\nSELECT profile_v AS pk, journey_v AS journey, COALESCE(sandbox_v, {given}) AS sb,");
    let _ = writeln!(
        s,
        "  CASE WHEN type_l IN ('production', 'prod') THEN 'production' WHEN type_l IN ('development', 'dev') THEN 'development'\n       \
         WHEN COALESCE(sandbox_v, {given}) = {given} THEN {given_kind} ELSE 'production' END AS kind,"
    );
    let _ = writeln!(s, "  CASE WHEN dry_l IN ('true', '1', 'yes', 'y', 't') THEN 1 ELSE 0 END AS dry,");
    let _ = writeln!(s, "  CASE WHEN time_v IS NULL THEN 1 ELSE 0 END AS no_time,");
    let _ = writeln!(s, "  CASE WHEN time_ok = 1 THEN {} END AS local_day,", (d.try_date)("SUBSTR(time_v, 1, 10)"));
    for (name, re) in [("hh", HOUR_RE), ("mi", MINUTE_RE), ("ss", SECOND_RE)] {
        let _ = writeln!(s, "  CASE WHEN time_ok = 1 THEN {} END AS {name},", int("time_v", re));
    }
    let _ = writeln!(s, "  CASE WHEN time_ok = 1 AND LENGTH(time_v) > 10 THEN {} END AS zone_v", g("time_v", ZONE_RE));
    let _ = writeln!(
        s,
        "FROM (SELECT w.*, CASE WHEN {} THEN 1 ELSE 0 END AS time_ok FROM en_raw w) r;",
        (d.full_match)("time_v", TIME_RE)
    );
    s.push_str(&after);
    s.push('\n');

    let _ = writeln!(s, "-- 3. Each row's UTC day (an offset moves the local time across midnight), kept narrowed:");
    let _ = writeln!(s, "--    every later step reads it.");
    let (keep, after) = (d.keep)("en_kept");
    let _ = writeln!(s, "{keep}\nSELECT pk, journey, sb, kind, dry, no_time,");
    let _ = writeln!(
        s,
        "  CASE WHEN local_day IS NULL OR hh > 23 OR mi > 59 OR ss > 60 OR off_h > 18 OR off_m > 59 THEN NULL\n       \
         WHEN zone IS NULL THEN local_day\n       WHEN utc_minute < 0 THEN {}\n       WHEN utc_minute >= 1440 THEN {}\n       \
         ELSE local_day END AS e\n\
         FROM (SELECT z.*, hh * 60 + mi - CASE WHEN zone = '-' THEN -1 ELSE 1 END * (off_h * 60 + off_m) AS utc_minute\n  \
         FROM (SELECT t.*,\n    \
         CASE WHEN zone_v IS NULL THEN NULL WHEN LOWER(zone_v) IN ('z', 'utc', 'gmt') THEN 'Z' ELSE SUBSTR(zone_v, 1, 1) END AS zone,\n    \
         CASE WHEN LOWER(zone_v) IN ('z', 'utc', 'gmt') THEN 0 ELSE {} END AS off_h,\n    \
         CASE WHEN LOWER(zone_v) IN ('z', 'utc', 'gmt') THEN 0 ELSE COALESCE({}, 0) END AS off_m\n  \
         FROM en_time t) z) x;",
        (d.add_days)("local_day", -1),
        (d.add_days)("local_day", 1),
        int("zone_v", OFFSET_HOURS_RE),
        int("zone_v", OFFSET_MINUTES_RE)
    );
    s.push_str(&after);
    s.push('\n');

    let _ = writeln!(s, "-- 4. The counted events, each once, and the rows by reason with the data range.");
    let (keep, after) = (d.keep)("en_counted");
    let _ = writeln!(
        s,
        "{keep}\nSELECT DISTINCT sb, kind, pk, e, journey, dry FROM en_kept WHERE pk IS NOT NULL AND e IS NOT NULL;"
    );
    s.push_str(&after);
    s.push('\n');
    let (keep, after) = (d.keep)("en_facts");
    let _ = writeln!(
        s,
        "{keep}\nSELECT rejected, COUNT(*) AS n, MIN(e) AS min_e, MAX(e) AS max_e FROM (\n  \
         SELECT CASE WHEN pk IS NULL THEN 'no profile' WHEN no_time = 1 THEN 'no time'\n    \
         WHEN e IS NULL THEN 'time is not a date' END AS rejected, e FROM en_kept) k\nGROUP BY rejected;"
    );
    s.push_str(&after);
    s.push('\n');

    let _ = writeln!(s, "-- 5. The as-of date (default: the latest event date), its window, and the first days of");
    let _ = writeln!(s, "--    the daily series ({DAYS} days) and of the newly engaged counts ({SPIKE_DAYS} days more, for the spikes).");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW en_params AS");
    let _ = writeln!(
        s,
        "SELECT as_of, {} AS window_after, {} AS series_from, {} AS newly_from, min_day, max_day FROM (\n  \
         SELECT COALESCE({as_of}, MAX(max_e)) AS as_of, MIN(min_e) AS min_day, MAX(max_e) AS max_day\n  \
         FROM en_facts WHERE rejected IS NULL) p;\n",
        (d.add_months)("as_of", -12),
        (d.add_days)("as_of", -(DAYS - 1)),
        (d.add_days)("as_of", -(DAYS - 1 + SPIKE_DAYS))
    );

    let _ = writeln!(
        s,
        "-- 6. Engagement runs: an event on day e engages its profile (once per sandbox) on [e, leave(e)),"
    );
    let _ = writeln!(
        s,
        "--    leave(e) = e + 12 months (the day after for 29 February); overlapping or touching spans merge."
    );
    let (keep, after) = (d.keep)("en_runs");
    let _ = writeln!(s, "{keep}\n{};", runs(d, "sb, kind, pk", "en_counted"));
    s.push_str(&after);
    s.push('\n');

    let _ =
        writeln!(s, "-- 7. Profiles engaged on the as-of date: their last event on or before it (later events do not");
    let _ = writeln!(s, "--    count) and whether any event in the window was not a dry run.");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW en_engaged AS");
    let _ = writeln!(
        s,
        "SELECT c.sb, c.kind, c.pk, MAX(c.e) AS last_e, MAX(CASE WHEN c.dry = 0 THEN 1 ELSE 0 END) AS live\n\
         FROM en_counted c CROSS JOIN en_params p WHERE c.e > p.window_after AND c.e <= p.as_of\n\
         GROUP BY c.sb, c.kind, c.pk;\n"
    );
    let _ = writeln!(
        s,
        "-- 8. Newly engaged profiles per day (runs starting), and the spike days: more than {SPIKE_FACTOR} times"
    );
    let _ = writeln!(
        s,
        "--    the median of the {SPIKE_DAYS} days before (days without newly engaged profiles count as 0)."
    );
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW en_newly AS");
    let _ = writeln!(
        s,
        "SELECT r.run_start AS d, COUNT(*) AS n FROM en_runs r CROSS JOIN en_params p\n\
         WHERE r.run_start >= p.newly_from AND r.run_start <= p.as_of GROUP BY r.run_start;\n"
    );
    let (lo, hi) = (SPIKE_DAYS / 2, SPIKE_DAYS / 2 - 1);
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW en_spike_days AS");
    let _ = writeln!(
        s,
        "SELECT d FROM (\n  \
         SELECT c.d, c.n, COALESCE(SUM(CASE WHEN w.r = w.k - {lo} THEN w.n END), 0) AS lower_mid,\n    \
         COALESCE(SUM(CASE WHEN w.r = w.k - {hi} THEN w.n END), 0) AS upper_mid\n  \
         FROM (SELECT x.d, x.n FROM en_newly x CROSS JOIN en_params p\n    \
         WHERE x.d >= p.series_from AND {} >= p.min_day) c\n  \
         LEFT JOIN (\n    \
         SELECT c2.d, b.n, ROW_NUMBER() OVER (PARTITION BY c2.d ORDER BY b.n) AS r, COUNT(*) OVER (PARTITION BY c2.d) AS k\n    \
         FROM en_newly c2 JOIN en_newly b ON b.d >= {} AND b.d < c2.d\n  \
         ) w ON w.d = c.d\n  \
         GROUP BY c.d, c.n\n) m WHERE 2 * n > {SPIKE_FACTOR} * (lower_mid + upper_mid);\n",
        (d.add_days)("x.d", -SPIKE_DAYS),
        (d.add_days)("c2.d", -SPIKE_DAYS)
    );

    let _ = writeln!(
        s,
        "-- 9. Changes of the engaged profiles per day and sandbox (runs starting minus runs ending), up to"
    );
    let _ = writeln!(s, "--    the as-of date, those before the first day of the daily series summed into that day.");
    let (keep, after) = (d.keep)("en_changes");
    let _ = writeln!(
        s,
        "{keep}\nSELECT change_day, sb, kind, CAST(SUM(delta) AS BIGINT) AS delta FROM (\n  \
         SELECT CASE WHEN a.d < p.series_from THEN p.series_from ELSE a.d END AS change_day, a.sb, a.kind, a.delta\n  \
         FROM (SELECT run_start AS d, sb, kind, 1 AS delta FROM en_runs UNION ALL SELECT run_end, sb, kind, -1 FROM en_runs) a\n  \
         CROSS JOIN en_params p WHERE a.d <= p.as_of) f\nGROUP BY change_day, sb, kind;"
    );
    s.push_str(&after);
    s.push('\n');

    let _ = writeln!(s, "-- 10. The aggregate: section, name, detail, value (one row per figure).");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW en_aggregate AS");
    let mut parts: Vec<String> = vec![
        format!(
            "SELECT 'meta' AS section, 'format' AS name, {} AS detail, CAST(0 AS BIGINT) AS value",
            lit(ENGAGEABLE_AGGREGATE_FORMAT)
        ),
        format!("SELECT 'meta', 'dialect', {}, 0", lit(&spec.dialect_id)),
        format!("SELECT 'meta', 'table', {}, 0", lit(&spec.table)),
        "SELECT 'meta', 'time_zone', 'UTC', 0".to_string(),
        format!(
            "SELECT 'meta', 'as_of', COALESCE({}, ''), 0 FROM en_params\n\
             UNION ALL SELECT 'meta', 'min_day', COALESCE({}, ''), 0 FROM en_params\n\
             UNION ALL SELECT 'meta', 'max_day', COALESCE({}, ''), 0 FROM en_params",
            dt("as_of"),
            dt("min_day"),
            dt("max_day")
        ),
    ];
    for (f, c) in &spec.columns {
        parts.push(format!("SELECT 'column', {}, {}, 0", lit(f.name()), lit(c)));
    }
    parts.extend([
        "SELECT 'rows', 'read', '', CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM en_facts".to_string(),
        "SELECT 'rows', 'counted', '', CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM en_facts WHERE rejected IS NULL".into(),
        "SELECT 'rows', 'rejected', '', CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM en_facts WHERE rejected IS NOT NULL".into(),
        "SELECT 'rejected', rejected, '', CAST(SUM(n) AS BIGINT) FROM en_facts WHERE rejected IS NOT NULL GROUP BY rejected".into(),
        "SELECT 'sandbox', sb, kind, COUNT(*) FROM en_engaged GROUP BY sb, kind".into(),
        "SELECT 'dry_run_only', '', '', COUNT(*) FROM en_engaged WHERE live = 0".into(),
        "SELECT 'journey', journey, '', COUNT(*) FROM (\n  \
         SELECT DISTINCT c.sb, c.kind, c.pk, c.journey FROM en_counted c CROSS JOIN en_params p\n  \
         WHERE c.e > p.window_after AND c.e <= p.as_of AND c.journey IS NOT NULL) j GROUP BY journey"
            .into(),
        format!(
            "SELECT 'activity', {}, kind, CAST(SUM(delta) AS BIGINT) FROM en_changes\n\
             GROUP BY change_day, kind HAVING SUM(delta) <> 0",
            dt("change_day")
        ),
        format!(
            "SELECT 'sandbox_activity', {}, CONCAT(kind, ':', sb), delta FROM en_changes WHERE delta <> 0",
            dt("change_day")
        ),
        format!("SELECT 'newly', {}, '', n FROM en_newly", dt("d")),
        format!(
            "SELECT 'spike_journey', {}, journey, COUNT(*) FROM (\n  \
             SELECT DISTINCT s.d, r.sb, r.kind, r.pk, c.journey FROM en_spike_days s\n  \
             JOIN en_runs r ON r.run_start = s.d\n  \
             JOIN en_counted c ON c.sb = r.sb AND c.kind = r.kind AND c.pk = r.pk AND c.e = s.d\n  \
             WHERE c.journey IS NOT NULL) j GROUP BY d, journey",
            dt("d")
        ),
        format!(
            "SELECT 'leaving', {}, '', COUNT(*) FROM (SELECT {} AS leave_day FROM en_engaged) l GROUP BY leave_day",
            dt("leave_day"),
            leave("last_e", d)
        ),
    ]);
    let _ = writeln!(s, "{};\n", parts.join("\nUNION ALL "));

    let _ = writeln!(s, "-- 11. Export the aggregate as one small CSV file.");
    s.push_str(&(d.export)("en_aggregate", &spec.aggregate));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::DUCKDB;

    #[test]
    fn mapping_and_column_references() {
        assert_eq!(columns(&[]).unwrap_or_default().len(), 6);
        let c = columns(&["time=ts".into(), "profile=_experience.journeyOrchestration.stepEvents.profileID".into()])
            .unwrap_or_default();
        assert_eq!(c.len(), 2);
        let campaign = columns(&["time=ts".into(), "profile=p".into(), "campaign=c".into()]).unwrap_or_default();
        assert_eq!(campaign.get(&EventField::Journey).map(String::as_str), Some("c"));
        assert!(columns(&["time=ts".into()]).is_err());
        assert!(columns(&["colour=c".into()]).is_err());
        assert_eq!(column_ref(&DUCKDB, "a.b_c.d"), "a.b_c.d");
        assert_eq!(column_ref(&DUCKDB, "in dry run"), "\"in dry run\"");
        assert_eq!(column_ref(&DUCKDB, "a.b c"), "\"a.b c\"");
    }
}
