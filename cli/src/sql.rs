//! The `sql` command: the counting rules written as one SQL script for a warehouse, for Campaign's active profiles (DuckDB, Spark, Snowflake) or Journey Optimizer's engageable profiles (also PostgreSQL).
//!
//! `--report active` (the default): the script reads a delivery-log table, classifies every row in the
//! spec's order, computes each profile's activity runs (`[e, e + 12 months)`
//! merged per profile) and writes the small aggregate that
//! [`engine::report_from_aggregate`] turns into a full report. The SQL is the
//! same for the three warehouses except for the few forms in [`Dialect`].
//! Classification lists (statuses, failure reasons, channels) come from the
//! engine's default [`engine::Rules`], so the two cannot drift apart.
//!
//! `--report engageable`: [`engageable`] writes the script for a table of
//! journey step events, whose aggregate `active-profiles engageable
//! --from-aggregate` turns into the `engageable/1` report. Both scripts use
//! the same [`Dialect`] forms, column references and 12-month rule
//! ([`leave`], [`runs`]).

mod engageable;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clap::{Args, ValueEnum};
use engine::aggregate::AGGREGATE_FORMAT;
use engine::engage::Sandbox;
use engine::{BillingDay, Field, Rules, FIELDS};

use crate::Failure;

/// The warehouse the script is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DialectName {
    Duckdb,
    Spark,
    Snowflake,
    /// PostgreSQL, the dialect of AEP's Query Service (`--report engageable` only).
    Postgres,
}

/// What the script counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SqlReport {
    /// Campaign's active profiles, from a delivery-log table (dialects duckdb, spark, snowflake).
    Active,
    /// Journey Optimizer's engageable profiles, from a table of journey step events (dialects duckdb,
    /// spark, snowflake, postgres).
    Engageable,
}

#[derive(Args, Debug)]
pub struct SqlArgs {
    /// What the script counts: active (Campaign's active profiles, the default) or engageable (Journey
    /// Optimizer's engageable profiles).
    #[arg(long, value_enum, default_value = "active")]
    pub report: SqlReport,
    /// The warehouse: duckdb, spark or snowflake for either report; postgres (AEP's Query Service) for
    /// --report engageable only.
    #[arg(long, value_enum)]
    pub dialect: DialectName,
    /// The table's column for a field: FIELD=COLUMN (repeatable). Fields not mapped are not read;
    /// with no --map at all, every field is read from its default column: for active its own name with
    /// underscores (event_date, ...); for engageable time=timestamp, profile=profile_id, journey=journey,
    /// sandbox=sandbox, sandbox type=sandbox_type, dry run=in_dry_run.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub map: Vec<String>,
    /// The table (or view), as the warehouse names it (may be qualified: db.schema.table). Default:
    /// delivery_logs (active), journey_step_events (engageable).
    #[arg(long, value_name = "NAME")]
    pub table: Option<String>,
    /// Active: billing day of each month's snapshot: 1 to 28, or `last`. Default: 25.
    #[arg(long, value_name = "N|last", value_parser = crate::parse_billing_day)]
    pub billing_day: Option<BillingDay>,
    /// Snapshot date (YYYY-MM-DD) of the detail (active) or of the report (engageable). Default: the
    /// latest event date.
    #[arg(long, value_name = "DATE", value_parser = crate::parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Active: instance of the rows whose instance column is empty or absent. Default: `default`.
    #[arg(long, value_name = "NAME")]
    pub instance: Option<String>,
    /// Engageable: the sandbox of the events whose sandbox column is empty or not mapped: NAME or
    /// NAME:production|development. Default: prod (production).
    #[arg(long, value_name = "NAME[:TYPE]", value_parser = Sandbox::parse)]
    pub sandbox: Option<Sandbox>,
    /// Where the export statement writes the aggregate: a file (DuckDB; PostgreSQL through psql's \copy),
    /// a folder (Spark) or a stage path (Snowflake).
    #[arg(long, value_name = "PATH")]
    pub aggregate: Option<String>,
    /// Write the script to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// The forms that differ between the warehouses; everything else is shared SQL.
pub struct Dialect {
    pub name: &'static str,
    /// The text type of `CAST(x AS ...)`.
    pub text: &'static str,
    /// Identifier quote for a column name that is not a plain identifier.
    pub quote: char,
    /// `D + n months`, clamped to the end of a short month like chrono's `checked_add_months`.
    pub add_months: fn(&str, i32) -> String,
    /// `D + n days`.
    pub add_days: fn(&str, i32) -> String,
    /// Whether the whole of a text matches a regular expression.
    pub full_match: fn(&str, &str) -> String,
    /// Every character that is not a-z or 0-9 removed (after lower-casing).
    pub strip: fn(&str) -> String,
    /// A text cast to a date, NULL when it is not one.
    pub try_date: fn(&str) -> String,
    /// A text cast to a whole number, NULL when it is not one.
    pub try_int: fn(&str) -> String,
    /// A date written as `YYYY-MM-DD`.
    pub date_text: fn(&str) -> String,
    /// Group `n` of a regular expression's match in a text: NULL or empty when the text does not
    /// match or the group took no part in the match.
    pub regex_group: fn(&str, &str, usize) -> String,
    /// The statement that writes an aggregate view (the first argument) as one CSV file.
    pub export: fn(&str, &str) -> String,
    /// Where the aggregate goes by default.
    pub default_aggregate: &'static str,
    /// Where the engageable aggregate goes by default.
    pub default_engageable_aggregate: &'static str,
    /// The statement that makes the session show timestamps in UTC (empty: nothing to set), so that a
    /// timestamp column read as text is the UTC time or says its offset.
    pub utc_session: &'static str,
    /// How an intermediate result read several times is kept: a temporary table (DuckDB,
    /// Snowflake) or a cached temporary view (Spark). Text before the query, text after it.
    pub keep: fn(&str) -> (String, String),
}

pub const DUCKDB: Dialect = Dialect {
    name: "DuckDB",
    text: "VARCHAR",
    quote: '"',
    add_months: |d, n| format!("CAST({d} + INTERVAL '{n} month' AS DATE)"),
    add_days: |d, n| format!("CAST({d} + INTERVAL '{n} day' AS DATE)"),
    full_match: |v, re| format!("regexp_full_match({v}, '{re}')"),
    strip: |v| format!("regexp_replace(lower({v}), '[^a-z0-9]', '', 'g')"),
    try_date: |v| format!("TRY_CAST({v} AS DATE)"),
    try_int: |v| format!("TRY_CAST({v} AS BIGINT)"),
    date_text: |d| format!("strftime({d}, '%Y-%m-%d')"),
    regex_group: |v, re, n| format!("regexp_extract({v}, '{re}', {n})"),
    export: |view, path| {
        format!(
            "COPY (SELECT section, name, detail, value FROM {view} ORDER BY section, name, detail)\n  TO '{}' (FORMAT CSV, HEADER);\n",
            path.replace('\'', "''")
        )
    },
    default_aggregate: "active_profiles_aggregate.csv",
    default_engageable_aggregate: "engageable_aggregate.csv",
    utc_session: "",
    keep: |name| (format!("CREATE OR REPLACE TEMPORARY TABLE {name} AS"), String::new()),
};

pub const SPARK: Dialect = Dialect {
    name: "Spark",
    text: "STRING",
    quote: '`',
    add_months: |d, n| format!("add_months({d}, {n})"),
    add_days: |d, n| format!("date_add({d}, {n})"),
    full_match: |v, re| format!("({v} RLIKE '^({re})$')"),
    strip: |v| format!("regexp_replace(lower({v}), '[^a-z0-9]', '')"),
    try_date: |v| format!("try_cast({v} AS DATE)"),
    try_int: |v| format!("try_cast({v} AS BIGINT)"),
    date_text: |d| format!("date_format({d}, 'yyyy-MM-dd')"),
    regex_group: |v, re, n| format!("regexp_extract({v}, '{re}', {n})"),
    export: |view, path| {
        format!(
            "-- Spark writes a folder; the aggregate is the one part-*.csv file in it.\n\
             INSERT OVERWRITE DIRECTORY '{}'\n  USING csv OPTIONS (header 'true', escape '\"')\n  \
             SELECT /*+ COALESCE(1) */ section, name, detail, value FROM {view} ORDER BY section, name, detail;\n",
            path.replace('\'', "\\'")
        )
    },
    default_aggregate: "active_profiles_aggregate",
    default_engageable_aggregate: "engageable_aggregate",
    utc_session: "SET spark.sql.session.timeZone = UTC;",
    keep: |name| (format!("CREATE OR REPLACE TEMPORARY VIEW {name} AS"), format!("CACHE TABLE {name};\n")),
};

pub const SNOWFLAKE: Dialect = Dialect {
    name: "Snowflake",
    text: "VARCHAR",
    quote: '"',
    add_months: |d, n| format!("DATEADD(month, {n}, {d})"),
    add_days: |d, n| format!("DATEADD(day, {n}, {d})"),
    full_match: |v, re| format!("REGEXP_LIKE({v}, '{re}')"),
    strip: |v| format!("REGEXP_REPLACE(LOWER({v}), '[^a-z0-9]', '')"),
    try_date: |v| format!("TRY_TO_DATE({v}, 'YYYY-MM-DD')"),
    try_int: |v| format!("TRY_TO_NUMBER({v}, 38, 0)"),
    date_text: |d| format!("TO_CHAR({d}, 'YYYY-MM-DD')"),
    regex_group: |v, re, n| format!("REGEXP_SUBSTR({v}, '{re}', 1, 1, 'e', {n})"),
    export: |view, path| {
        format!(
            "COPY INTO {path}\n  FROM (SELECT section, name, detail, value FROM {view} ORDER BY section, name, detail)\n  \
             FILE_FORMAT = (TYPE = CSV COMPRESSION = NONE FIELD_OPTIONALLY_ENCLOSED_BY = '\"')\n  \
             HEADER = TRUE SINGLE = TRUE OVERWRITE = TRUE MAX_FILE_SIZE = 1000000000;\n\
             -- Then, from SnowSQL or the Snowflake CLI: GET {path} file://.;\n"
        )
    },
    default_aggregate: "@~/active_profiles_aggregate.csv",
    default_engageable_aggregate: "@~/engageable_aggregate.csv",
    utc_session: "ALTER SESSION SET TIMEZONE = 'UTC';",
    keep: |name| (format!("CREATE OR REPLACE TEMPORARY TABLE {name} AS"), String::new()),
};

/// PostgreSQL (AEP's Query Service speaks it): no TRY_CAST, so dates and numbers are checked before
/// they are cast; the aggregate is written by psql's `\copy` (one line), on the client.
pub const POSTGRES: Dialect = Dialect {
    name: "PostgreSQL",
    text: "TEXT",
    quote: '"',
    add_months: |d, n| format!("CAST({d} + INTERVAL '{n} month' AS DATE)"),
    add_days: |d, n| format!("CAST({d} + INTERVAL '{n} day' AS DATE)"),
    full_match: |v, re| format!("({v} ~ '^({re})$')"),
    strip: |v| format!("regexp_replace(lower({v}), '[^a-z0-9]', '', 'g')"),
    try_date: |v| {
        // make_date fails on a day the month does not have: the day is checked against the month's last.
        let part = |from: usize, len: usize| format!("CAST(SUBSTR({v}, {from}, {len}) AS INTEGER)");
        let (y, m, d) = (part(1, 4), part(6, 2), part(9, 2));
        format!(
            "CASE WHEN {v} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$' THEN CASE WHEN {y} >= 1 AND {m} BETWEEN 1 AND 12 THEN \
             CASE WHEN {d} BETWEEN 1 AND EXTRACT(DAY FROM make_date({y}, {m}, 1) + INTERVAL '1 month' - INTERVAL '1 day') \
             THEN make_date({y}, {m}, {d}) END END END"
        )
    },
    try_int: |v| format!("CASE WHEN {v} ~ '^[+-]?[0-9]{{1,18}}$' THEN CAST({v} AS BIGINT) END"),
    date_text: |d| format!("to_char({d}, 'YYYY-MM-DD')"),
    regex_group: |v, re, n| format!("(regexp_match({v}, '{re}'))[{n}]"),
    export: |view, path| {
        format!(
            "-- psql's \\copy writes the file on the client (one line: psql reads it to the end of the line).\n\
             \\copy (SELECT section, name, detail, value FROM {view} ORDER BY section, name, detail) TO '{}' WITH (FORMAT csv, HEADER)\n",
            path.replace('\'', "''")
        )
    },
    default_aggregate: "active_profiles_aggregate.csv",
    default_engageable_aggregate: "engageable_aggregate.csv",
    utc_session: "SET TIME ZONE 'UTC';",
    // A temporary table is never analysed by autovacuum: its statistics are gathered at once.
    keep: |name| {
        (
            format!("DROP TABLE IF EXISTS {name} CASCADE;\nCREATE TEMPORARY TABLE {name} AS"),
            format!("ANALYZE {name};\n"),
        )
    },
};

impl DialectName {
    pub fn dialect(self) -> &'static Dialect {
        match self {
            DialectName::Duckdb => &DUCKDB,
            DialectName::Spark => &SPARK,
            DialectName::Snowflake => &SNOWFLAKE,
            DialectName::Postgres => &POSTGRES,
        }
    }

    /// The name `--dialect` takes.
    pub fn id(self) -> String {
        format!("{self:?}").to_ascii_lowercase()
    }
}

/// What the script is written for.
pub struct Spec<'a> {
    pub dialect: &'a Dialect,
    pub dialect_id: &'a str,
    pub table: &'a str,
    /// Field to column, as the user gave them.
    pub columns: BTreeMap<Field, String>,
    pub billing_day: BillingDay,
    pub as_of: Option<chrono::NaiveDate>,
    pub instance: &'a str,
    pub aggregate: &'a str,
}

pub fn sql(args: &SqlArgs) -> Result<(), Failure> {
    let script = match args.report {
        SqlReport::Active => active(args)?,
        SqlReport::Engageable => engageable::engageable(args)?,
    };
    match &args.output {
        Some(path) => std::fs::write(path, script)
            .map_err(|e| Failure::output(format!("{}: cannot write the script: {e}", path.display()))),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(script.as_bytes())
                .map_err(|e| Failure::output(format!("cannot write the script: {e}")))
        }
    }
}

/// The script of `--report active`.
fn active(args: &SqlArgs) -> Result<String, Failure> {
    if args.dialect == DialectName::Postgres {
        return Err(Failure::input(
            "--dialect postgres is for --report engageable; the active-profiles script is written for duckdb, spark \
             or snowflake",
        ));
    }
    if args.sandbox.is_some() {
        return Err(Failure::input("--sandbox is for --report engageable (the active-profiles script has --instance)"));
    }
    let columns = columns(&args.map)?;
    let dialect = args.dialect.dialect();
    let id = args.dialect.id();
    let spec = Spec {
        dialect,
        dialect_id: &id,
        table: args.table.as_deref().unwrap_or("delivery_logs"),
        columns,
        billing_day: args.billing_day.unwrap_or_default(),
        as_of: args.as_of,
        instance: args.instance.as_deref().unwrap_or("default"),
        aggregate: args.aggregate.as_deref().unwrap_or(dialect.default_aggregate),
    };
    Ok(script(&spec))
}

/// The default column of a field: its name with underscores (`event date` reads `event_date`).
pub fn default_column(field: Field) -> String {
    field.name().replace(' ', "_")
}

/// The field-to-column map of the `--map` options (every field by its own name when there is none).
pub fn columns(map: &[String]) -> Result<BTreeMap<Field, String>, Failure> {
    if map.is_empty() {
        return Ok(FIELDS.iter().map(|f| (*f, default_column(*f))).collect());
    }
    let mut out = BTreeMap::new();
    for m in map {
        let (field, column) = m.split_once('=').ok_or_else(|| {
            Failure::input(format!("--map '{m}': expected FIELD=COLUMN, e.g. --map 'event date=SENT_ON'"))
        })?;
        let f = Field::parse(field.trim()).ok_or_else(|| {
            let names: Vec<&str> = FIELDS.iter().map(|f| f.name()).collect();
            Failure::input(format!("--map '{m}': unknown field '{}'; fields: {}", field.trim(), names.join(", ")))
        })?;
        let column = column.trim();
        if column.is_empty() {
            return Err(Failure::input(format!("--map '{m}': no column named")));
        }
        out.insert(f, column.to_string());
    }
    if !out.contains_key(&Field::EventDate) {
        return Err(Failure::input("no column for the event date: add --map 'event date=COLUMN'"));
    }
    if !out.contains_key(&Field::ProfileKey) && !out.contains_key(&Field::Address) {
        return Err(Failure::input(
            "no column for the profile key or the address: add --map 'profile key=COLUMN' (or address=COLUMN)",
        ));
    }
    Ok(out)
}

/// A SQL string literal.
fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A column's value as trimmed text, NULL when empty; NULL when the field has no column.
fn text_value(d: &Dialect, column: Option<String>) -> String {
    match column {
        Some(c) => format!("NULLIF(TRIM(CAST({c} AS {})), '')", d.text),
        None => format!("CAST(NULL AS {})", d.text),
    }
}

/// A column reference: a plain identifier as written (the warehouse's own case rules apply),
/// anything else quoted; a name already quoted is kept.
fn ident(d: &Dialect, column: &str) -> String {
    let plain = column.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && column.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let quoted = column.len() >= 2
        && ((column.starts_with('"') && column.ends_with('"')) || (column.starts_with('`') && column.ends_with('`')));
    if plain || quoted {
        column.to_string()
    } else {
        let q = d.quote;
        format!("{q}{}{q}", column.replace(q, &format!("{q}{q}")))
    }
}

/// Lower case, letters and digits only: the engine's matching of labels (ASCII letters only here).
fn norm(v: &str) -> String {
    v.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn list<T: ToString>(values: impl IntoIterator<Item = T>) -> String {
    let v: Vec<String> = values.into_iter().map(|x| x.to_string()).collect();
    if v.is_empty() {
        "NULL".into()
    } else {
        v.join(", ")
    }
}

fn str_list(values: impl IntoIterator<Item = String>) -> String {
    list(values.into_iter().map(|s| lit(&s)))
}

/// The whole script.
pub fn script(spec: &Spec<'_>) -> String {
    let d = spec.dialect;
    let rules = Rules::default();
    let text = d.text;
    let col = |f: Field| text_value(d, spec.columns.get(&f).map(|c| ident(d, c)));

    // Statuses: a label (normalised) first, then a number through its label; a later list wins.
    let mut status: BTreeMap<String, bool> = BTreeMap::new();
    for v in &rules.counted_status {
        status.insert(norm(v), true);
    }
    for v in &rules.excluded_status {
        status.insert(norm(v), false);
    }
    let status_labels = |counted: bool| str_list(status.iter().filter(|(_, c)| **c == counted).map(|(k, _)| k.clone()));
    let status_numbers = |counted: bool| {
        list(
            rules
                .status_numbers
                .iter()
                .filter(|(_, label)| status.get(&norm(label)) == Some(&counted))
                .map(|(n, _)| *n),
        )
    };
    let reason_labels: Vec<String> = rules
        .failure_reasons
        .iter()
        .flat_map(|(n, labels)| labels.iter().map(move |l| format!("WHEN {} THEN {n}", lit(&norm(l)))))
        .collect();
    let control: Vec<i64> = rules.control_failure_reasons.clone();
    let excluded_reasons: Vec<i64> = rules.excluded_failure_reasons.clone();
    let known: Vec<i64> = rules.failure_reasons.keys().copied().collect();
    let channel_numbers: Vec<String> =
        rules.channel_numbers.iter().map(|(n, name)| format!("WHEN {n} THEN {}", lit(name))).collect();
    let channel_labels: Vec<String> =
        rules.channel_numbers.values().map(|name| format!("WHEN {} THEN {}", lit(&norm(name)), lit(name))).collect();
    let social: Vec<String> = rules.social_channels.iter().map(|s| norm(s)).collect();
    let social_numbers: Vec<i64> =
        rules.channel_numbers.iter().filter(|(_, name)| social.contains(&norm(name))).map(|(n, _)| *n).collect();
    let truthy = "('1', 'true', 'yes', 'y', 'x')";
    let known_flags = "('1', 'true', 'yes', 'y', 'x', '0', 'false', 'no', 'n')";
    let int_re = "[+-]?[0-9]+";
    let date_re = "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?";
    let as_of = match spec.as_of {
        Some(a) => format!("DATE {}", lit(&a.format("%Y-%m-%d").to_string())),
        None => "CAST(NULL AS DATE)".into(),
    };
    let billing = match spec.billing_day {
        BillingDay::Day(n) => n.clamp(1, 28).to_string(),
        BillingDay::Last => "last".into(),
    };
    let dt = d.date_text;
    let mut s = String::new();
    let _ = writeln!(s, "-- active-profiles: the counting rules (counting-rules.md) as SQL for {}.", d.name);
    let _ = writeln!(s, "-- Reads {}; writes the aggregate that", spec.table);
    let _ = writeln!(s, "--   active-profiles report --from-aggregate FILE   (or the viewer's Report JSON slot)");
    let _ = writeln!(s, "-- turns into the full report. Event dates: DATE, TIMESTAMP or ISO text (YYYY-MM-DD...),");
    let _ = writeln!(s, "-- taken as calendar days as stored (convert time zones in the warehouse first).");
    let _ = writeln!(s, "-- Columns read: {}", {
        let v: Vec<String> = spec.columns.iter().map(|(f, c)| format!("{}={c}", f.name())).collect();
        v.join(", ")
    });
    s.push('\n');

    // 1. Every row: trimmed text values, typed date and numbers, normalised labels.
    let _ = writeln!(s, "-- 1. Every row, its values as trimmed text (empty = NULL).");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_raw AS\nSELECT");
    let raw = [
        (Field::ProfileKey, "pkey"),
        (Field::Address, "addr"),
        (Field::EventDate, "date_v"),
        (Field::Status, "status_v"),
        (Field::FailureReason, "reason_v"),
        (Field::Channel, "channel_v"),
        (Field::TargetDimension, "dimension_v"),
        (Field::Instance, "instance_v"),
        (Field::Proof, "proof_v"),
        (Field::Seed, "seed_v"),
        (Field::ControlGroup, "control_v"),
        (Field::Transactional, "transactional_v"),
    ];
    let lines: Vec<String> = raw.iter().map(|(f, name)| format!("  {} AS {name}", col(*f))).collect();
    let _ = writeln!(s, "{}\nFROM {};\n", lines.join(",\n"), spec.table);

    let _ = writeln!(s, "-- 2. Typed and normalised values.");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_typed AS\nSELECT r.*,");
    let _ = writeln!(
        s,
        "  CASE WHEN {} THEN {} END AS e,",
        (d.full_match)("date_v", date_re),
        (d.try_date)("SUBSTR(date_v, 1, 10)")
    );
    for (v, name) in [("status_v", "status"), ("reason_v", "reason"), ("channel_v", "channel")] {
        let _ = writeln!(s, "  {} AS {name}_n,", (d.strip)(v));
        let _ = writeln!(s, "  CASE WHEN {} THEN {} END AS {name}_i,", (d.full_match)(v, int_re), (d.try_int)(v));
    }
    let _ = writeln!(s, "  {} AS dimension_n,", (d.strip)("dimension_v"));
    let flags = ["proof", "seed", "control", "transactional"];
    let flag_lines: Vec<String> = flags.iter().map(|f| format!("  LOWER({f}_v) AS {f}_l")).collect();
    let _ = writeln!(s, "{}\nFROM ap_raw r;\n", flag_lines.join(",\n"));

    let _ = writeln!(s, "-- 3. Each row rejected, excluded (first reason in the spec's order) or counted.");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_class AS\nSELECT t.*,");
    let _ = writeln!(
        s,
        "  CASE WHEN pkey IS NULL AND addr IS NULL THEN 'no profile key and no address'\n       \
         WHEN date_v IS NULL THEN 'no event date'\n       WHEN e IS NULL THEN 'event date is not a date' END AS rejected,"
    );
    let _ = writeln!(
        s,
        "  CASE WHEN status_v IS NULL THEN 'counted'\n       WHEN status_n IN ({}) THEN 'counted'\n       \
         WHEN status_n IN ({}) THEN 'excluded'\n       WHEN status_i IN ({}) THEN 'counted'\n       \
         WHEN status_i IN ({}) THEN 'excluded'\n       ELSE 'unknown' END AS status_c,",
        status_labels(true),
        status_labels(false),
        status_numbers(true),
        status_numbers(false)
    );
    let _ = writeln!(
        s,
        "  CASE WHEN reason_v IS NULL THEN 'counted' ELSE\n    \
         CASE WHEN reason_x IN ({}) THEN 'control' WHEN reason_x IN ({}) THEN 'excluded'\n         \
         WHEN reason_x IN ({}) THEN 'counted' ELSE 'unknown' END END AS reason_c,",
        list(&control),
        list(&excluded_reasons),
        list(&known)
    );
    let _ = writeln!(
        s,
        "  CASE WHEN channel_v IS NULL THEN 'Unknown'\n       WHEN channel_i IS NOT NULL THEN CASE channel_i {} ELSE CAST(channel_i AS {text}) END\n       \
         ELSE CASE channel_n {} ELSE channel_v END END AS channel,",
        channel_numbers.join(" "),
        channel_labels.join(" ")
    );
    let _ = writeln!(
        s,
        "  CASE WHEN channel_v IS NOT NULL AND (channel_n IN ({}) OR channel_i IN ({})) THEN 1 ELSE 0 END AS social,",
        str_list(social.clone()),
        list(&social_numbers)
    );
    for f in flags {
        let _ = writeln!(s, "  CASE WHEN {f}_l IN {truthy} THEN 1 ELSE 0 END AS {f}_f,");
    }
    let _ = writeln!(s, "  COALESCE(instance_v, {}) AS inst", lit(spec.instance));
    let _ = writeln!(
        s,
        "FROM (SELECT ty.*, COALESCE(reason_i, CASE reason_n {} END) AS reason_x FROM ap_typed ty) t;\n",
        reason_labels.join(" ")
    );

    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_rows AS\nSELECT c.*,");
    let _ = writeln!(
        s,
        "  CASE WHEN rejected IS NOT NULL THEN NULL\n       WHEN proof_f = 1 OR seed_f = 1 THEN 'proof'\n       \
         WHEN social = 1 THEN 'social'\n       WHEN control_f = 1 OR reason_c = 'control' THEN 'control'\n       \
         WHEN status_c = 'excluded' THEN 'status'\n       WHEN reason_c = 'excluded' THEN 'failure_reason' END AS excluded"
    );
    let _ = writeln!(s, "FROM ap_class c;\n");

    let _ = writeln!(s, "-- 4. Each row once, narrowed to what the counts need (kept: every later step reads it):");
    let _ = writeln!(s, "--    counted rows under their counting key (instance, target dimension, profile key),");
    let _ = writeln!(s, "--    transactional and address-only rows in Anonymous keyed by the address as written;");
    let _ = writeln!(s, "--    the unrecognised values of the rows not rejected.");
    let (keep_rows, after_rows) = (d.keep)("ap_kept");
    let unknown_flags: Vec<String> = flags
        .iter()
        .map(|f| format!("  CASE WHEN rejected IS NULL AND {f}_l NOT IN {known_flags} THEN {f}_v END AS u_{f}"))
        .collect();
    let flag_names: Vec<String> = flags.iter().map(|f| format!("u_{f}")).collect();
    let _ = writeln!(s, "{keep_rows}\nSELECT rejected, excluded, e, inst, dim, channel,");
    let _ = writeln!(s, "  CASE WHEN dim = 'Anonymous' AND (transactional_f = 1 OR pkey IS NULL) THEN COALESCE(addr, pkey) ELSE pkey END AS pk,");
    let _ = writeln!(s, "  CASE WHEN dim = 'Anonymous' THEN NULL ELSE addr END AS addr,");
    let _ = writeln!(s, "  CASE WHEN rejected IS NULL AND status_c = 'unknown' THEN status_v END AS u_status,");
    let _ = writeln!(s, "  CASE WHEN rejected IS NULL AND reason_c = 'unknown' THEN reason_v END AS u_reason,");
    let _ = writeln!(s, "{}", unknown_flags.join(",\n"));
    let _ = writeln!(
        s,
        "FROM (SELECT r.*,\n    CASE WHEN transactional_f = 1 OR pkey IS NULL THEN 'Anonymous'\n         \
         WHEN dimension_v IS NULL THEN 'Recipients'\n         WHEN dimension_n IN ('nmsrecipient', 'recipient', 'recipients') THEN 'Recipients'\n         \
         WHEN dimension_n = 'anonymous' THEN 'Anonymous'\n         ELSE dimension_v END AS dim\n  \
         FROM ap_rows r) x;"
    );
    s.push_str(&after_rows);
    s.push('\n');
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_counted AS");
    let _ = writeln!(
        s,
        "SELECT inst, dim, pk, addr, channel, e FROM ap_kept WHERE rejected IS NULL AND excluded IS NULL;\n"
    );

    let _ = writeln!(s, "-- Rows read, excluded, rejected and unrecognised values, and the data range.");
    let (keep_facts, after_facts) = (d.keep)("ap_facts");
    let _ = writeln!(
        s,
        "{keep_facts}\nSELECT rejected, excluded, u_status, u_reason, {}, COUNT(*) AS n, MIN(e) AS min_e, MAX(e) AS max_e\n\
         FROM ap_kept GROUP BY rejected, excluded, u_status, u_reason, {};",
        flag_names.join(", "),
        flag_names.join(", ")
    );
    s.push_str(&after_facts);
    s.push('\n');

    let _ =
        writeln!(s, "-- 5. The as-of date (default: the latest event date of the rows not rejected) and its window.");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_params AS");
    let _ = writeln!(
        s,
        "SELECT as_of, {} AS window_after, min_day, max_day FROM (\n  \
         SELECT COALESCE({as_of}, MAX(max_e)) AS as_of, MIN(min_e) AS min_day, MAX(max_e) AS max_day\n  FROM ap_facts WHERE rejected IS NULL) p;\n",
        (d.add_months)("as_of", -12)
    );

    let _ = writeln!(s, "-- 6. Activity runs: an event on day e makes its profile active on [e, leave(e)),");
    let _ = writeln!(
        s,
        "--    leave(e) = e + 12 months (the day after for 29 February); overlapping or touching spans merge."
    );
    let (keep_runs, after_runs) = (d.keep)("ap_runs");
    let _ = writeln!(s, "{keep_runs}");
    let _ = writeln!(s, "{};", runs(d, "inst, dim, pk", "ap_counted"));
    s.push_str(&after_runs);
    s.push('\n');

    let _ = writeln!(s, "-- 7. Profiles active on the as-of date: their leaving day, channels and address.");
    let _ = writeln!(s, "--    A profile leaves a year after its last event on or before the as-of date: later events");
    let _ = writeln!(s, "--    (an export taken after that date) do not count.");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_active AS");
    let _ = writeln!(
        s,
        "SELECT inst, dim, pk, {} AS leave_day FROM (\n  \
         SELECT c.inst, c.dim, c.pk, MAX(c.e) AS last_e FROM ap_counted c CROSS JOIN ap_params p\n  \
         WHERE c.e > p.window_after AND c.e <= p.as_of GROUP BY c.inst, c.dim, c.pk) a;\n",
        leave("last_e", d)
    );
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_channels AS");
    let _ = writeln!(
        s,
        "SELECT DISTINCT c.inst, c.dim, c.pk, c.channel FROM ap_counted c CROSS JOIN ap_params p\n\
         WHERE c.e > p.window_after AND c.e <= p.as_of;\n"
    );
    let _ = writeln!(s, "-- The address compared for case variants: an e-mail address when the profile has one.");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_addresses AS");
    let _ = writeln!(
        s,
        "SELECT a.inst, a.dim, a.pk, CASE WHEN a.dim = 'Anonymous' THEN a.pk ELSE x.address END AS address\n\
         FROM ap_active a LEFT JOIN (\n  \
         SELECT inst, dim, pk, COALESCE(MIN(CASE WHEN addr LIKE '%@%' THEN addr END), MIN(addr)) AS address\n  \
         FROM ap_counted GROUP BY inst, dim, pk) x\n  ON a.inst = x.inst AND a.dim = x.dim AND a.pk = x.pk;\n"
    );

    let _ = writeln!(s, "-- 8. The aggregate: section, name, detail, value (one row per figure).");
    let _ = writeln!(s, "CREATE OR REPLACE TEMPORARY VIEW ap_aggregate AS");
    let mut parts: Vec<String> = vec![
        format!(
            "SELECT 'meta' AS section, 'format' AS name, {} AS detail, CAST(0 AS BIGINT) AS value",
            lit(AGGREGATE_FORMAT)
        ),
        format!("SELECT 'meta', 'dialect', {}, 0", lit(spec.dialect_id)),
        format!("SELECT 'meta', 'table', {}, 0", lit(spec.table)),
        format!("SELECT 'meta', 'billing_day', {}, 0", lit(&billing)),
        format!(
            "SELECT 'meta', 'as_of', COALESCE({}, ''), 0 FROM ap_params\n\
             UNION ALL SELECT 'meta', 'min_day', COALESCE({}, ''), 0 FROM ap_params\n\
             UNION ALL SELECT 'meta', 'max_day', COALESCE({}, ''), 0 FROM ap_params",
            dt("as_of"),
            dt("min_day"),
            dt("max_day")
        ),
    ];
    for (f, c) in &spec.columns {
        parts.push(format!("SELECT 'column', {}, {}, 0", lit(f.name()), lit(c)));
    }
    parts.extend([
        "SELECT 'rows', 'read', '', CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM ap_facts".to_string(),
        "SELECT 'rows', 'counted', '', CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM ap_facts WHERE rejected IS NULL AND excluded IS NULL".into(),
        "SELECT 'rows', 'rejected', '', CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM ap_facts WHERE rejected IS NOT NULL".into(),
        "SELECT 'excluded', excluded, '', CAST(SUM(n) AS BIGINT) FROM ap_facts WHERE excluded IS NOT NULL GROUP BY excluded".into(),
        "SELECT 'rejected', rejected, '', CAST(SUM(n) AS BIGINT) FROM ap_facts WHERE rejected IS NOT NULL GROUP BY rejected".into(),
    ]);
    for (f, field) in [
        ("status", "status"),
        ("reason", "failure_reason"),
        ("proof", "proof"),
        ("seed", "seed"),
        ("control", "control_group"),
        ("transactional", "transactional"),
    ] {
        parts.push(format!(
            "SELECT 'unrecognised', '{field}', u_{f}, CAST(SUM(n) AS BIGINT) FROM ap_facts WHERE u_{f} IS NOT NULL GROUP BY u_{f}"
        ));
    }
    parts.extend([
        "SELECT 'active', inst, dim, COUNT(*) FROM ap_active GROUP BY inst, dim".to_string(),
        "SELECT 'channel', channel, '', COUNT(*) FROM ap_channels GROUP BY channel".into(),
        // Every group of counted rows is listed, with 0 when no profile of it is active.
        "SELECT 'active', inst, dim, 0 FROM ap_counted GROUP BY inst, dim".into(),
        "SELECT 'multi_channel', '', '', COUNT(*) FROM (\n  SELECT inst, dim, pk FROM ap_channels GROUP BY inst, dim, pk HAVING COUNT(*) > 1) m".into(),
        format!(
            "SELECT 'activity', {}, '', SUM(delta) FROM (\n  SELECT run_start AS change_day, 1 AS delta FROM ap_runs\n  \
             UNION ALL SELECT run_end, -1 FROM ap_runs) a GROUP BY change_day",
            dt("change_day")
        ),
        format!("SELECT 'leaving', {}, '', COUNT(*) FROM ap_active GROUP BY leave_day", dt("leave_day")),
        "SELECT 'case_duplicates', dim, 'profiles', SUM(n) FROM (\n  \
         SELECT inst, dim, COUNT(*) AS n FROM ap_addresses WHERE address IS NOT NULL\n  \
         GROUP BY inst, dim, LOWER(address) HAVING COUNT(DISTINCT address) > 1) g GROUP BY dim"
            .into(),
        "SELECT 'case_duplicates', dim, 'fewer', SUM(n - 1) FROM (\n  \
         SELECT inst, dim, COUNT(*) AS n FROM ap_addresses WHERE address IS NOT NULL\n  \
         GROUP BY inst, dim, LOWER(address) HAVING COUNT(DISTINCT address) > 1) g GROUP BY dim"
            .into(),
    ]);
    let _ = writeln!(s, "{};\n", parts.join("\nUNION ALL "));

    let _ = writeln!(s, "-- 9. Export the aggregate as one small CSV file.");
    s.push_str(&(d.export)("ap_aggregate", spec.aggregate));
    s
}

/// The activity runs of each profile (`keys`, a column list) of the counted rows of `source` (a key and
/// an event day `e` each): `[e, leave(e))` spans, overlapping or touching ones merged, as
/// `keys, run_start, run_end` (run_end excluded).
fn runs(d: &Dialect, keys: &str, source: &str) -> String {
    format!(
        "SELECT {keys}, MIN(e) AS run_start, MAX(leave_day) AS run_end FROM (\n  \
         SELECT {keys}, e, leave_day,\n    SUM(CASE WHEN prev_end IS NULL OR e > prev_end THEN 1 ELSE 0 END)\n      \
         OVER (PARTITION BY {keys} ORDER BY e ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run_no\n  \
         FROM (\n    SELECT {keys}, e, leave_day,\n      MAX(leave_day) OVER (PARTITION BY {keys} ORDER BY e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end\n    \
         FROM (SELECT {keys}, e, {} AS leave_day FROM (SELECT DISTINCT {keys}, e FROM {source}) u) days\n  ) marked\n) numbered\n\
         GROUP BY {keys}, run_no",
        leave("e", d)
    )
}

/// `leave(e)`: the first day on which an event of day `e` no longer counts (the smallest D with
/// D - 12 months >= e): e + 12 months, or the day after when the month arithmetic clamped 29 February.
fn leave(e: &str, d: &Dialect) -> String {
    let plus = (d.add_months)(e, 12);
    format!(
        "CASE WHEN EXTRACT(DAY FROM {plus}) <> EXTRACT(DAY FROM {e}) THEN {} ELSE {plus} END",
        (d.add_days)(&plus, 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(ident(&DUCKDB, "event_date"), "event_date");
        assert_eq!(ident(&DUCKDB, "Event date"), "\"Event date\"");
        assert_eq!(ident(&SPARK, "@eventDate"), "`@eventDate`");
        assert_eq!(ident(&SNOWFLAKE, "\"Sent on\""), "\"Sent on\"");
    }

    #[test]
    fn mapping() {
        assert!(columns(&["event date=d".into()]).is_err());
        let c = columns(&["event date=d".into(), "key=k".into()]).unwrap_or_default();
        assert_eq!(c.get(&Field::ProfileKey).map(String::as_str), Some("k"));
        assert_eq!(columns(&[]).unwrap_or_default().len(), FIELDS.len());
    }
}
