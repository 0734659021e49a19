//! `active-profiles`: counts licensed active profiles from delivery-log exports on the command line.
//!
//! Exit codes: 0 when a report was made (rejected rows are reported, not
//! fatal); 2 when there is nothing to count or the input or an option cannot
//! be used (the message names the file and what to do); 1 when the output
//! cannot be written.

mod bundle;
mod csv_out;
mod engageable;
mod gen;
mod profiles;
mod run;
mod sql;
mod stats;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "active-profiles", version, about = "Count active profiles from delivery-log exports")]
struct Cli {
    /// Print the elapsed time and the peak memory (resident set) to standard error at the end.
    #[arg(long, global = true, hide = true)]
    stats: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Count the files and print the report.
    Report(ReportArgs),
    /// Write a seeded, realistic delivery-log export (and its deliveries file when asked).
    Generate(gen::GenerateArgs),
    /// Print the counting rules as one SQL script for a warehouse, exporting a small aggregate: active profiles
    /// (DuckDB, Spark, Snowflake) or, with --report engageable, engageable profiles (also PostgreSQL).
    Sql(sql::SqlArgs),
    /// Journey Optimizer: count the profiles of AEP profile exports (identity graph stitched) and print the
    /// Profiles dashboard.
    Profiles(profiles::ProfilesArgs),
    /// Journey Optimizer: count the engageable profiles (the licence metric) of engagement events, per
    /// sandbox, with the daily count, spikes, expiring and the predicted usage.
    Engageable(engageable::EngageableArgs),
}

/// Output format of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Laid out like Campaign's Customer metrics screen, then the snapshot detail.
    Text,
    /// The `report.json` contract.
    Json,
    /// One table with the columns section,item,detail,value: one row per figure of every block.
    Csv,
}

/// How `report` reads files on several threads (`--split`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SplitMode {
    /// Shards when the files make one unit of work (a file too small to cut for the threads,
    /// or one large file with 2 threads), else byte ranges and groups of files.
    Auto,
    /// Large files cut into byte ranges (with 2 threads too), whose counters merge after.
    Ranges,
    /// Every thread reads every file and keeps a share of the profiles, by key: less memory,
    /// nothing looked up when merging, but every row is read once per thread.
    Shards,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Delivery-log CSV files.
    #[arg(required_unless_present = "from_aggregate", value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// Make the report from the aggregate that the `sql` script exported from a warehouse, instead of files.
    #[arg(long, value_name = "FILE", conflicts_with = "files")]
    pub from_aggregate: Option<PathBuf>,
    /// Snapshot date (YYYY-MM-DD) of the detail. Default: the latest event date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Billing day of each month's snapshot: 1 to 28, or `last`.
    #[arg(long, value_name = "N|last", default_value = "25", value_parser = parse_billing_day)]
    pub billing_day: engine::BillingDay,
    /// Deliveries file to join on the log rows' delivery column (channel, target dimension, ...).
    #[arg(long, value_name = "FILE")]
    pub deliveries: Option<PathBuf>,
    /// Pick a column of the deliveries file by hand: FIELD=HEADER (repeatable).
    #[arg(long = "deliveries-map", value_name = "FIELD=HEADER", requires = "deliveries")]
    pub deliveries_map: Vec<String>,
    /// Instance of the rows of files that have no instance column. Default: `default`.
    #[arg(long, value_name = "NAME")]
    pub instance: Option<String>,
    /// Pick a column by hand: FIELD=HEADER, e.g. --map 'event date=Sent on' (repeatable).
    #[arg(long = "map", value_name = "FIELD=HEADER")]
    pub map: Vec<String>,
    /// Read ambiguous dates such as 03/04/2026 as day first (the default).
    #[arg(long, conflicts_with = "month_first")]
    pub day_first: bool,
    /// Read ambiguous dates such as 03/04/2026 as month first.
    #[arg(long)]
    pub month_first: bool,
    /// Time zone of the report's calendar days: UTC, a fixed offset such as +02:00 or a name such as Europe/Paris.
    #[arg(long, value_name = "ZONE", default_value = "UTC")]
    pub time_zone: String,
    /// Number of active profiles purchased (the entitlement).
    #[arg(long, value_name = "N")]
    pub purchased: Option<u64>,
    /// Reclassify a status value: VALUE=counted|excluded (repeatable); `reason:VALUE=...` for a failure reason.
    #[arg(long = "status", value_name = "VALUE=counted|excluded")]
    pub status: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Language of the text report: en, nl, sv, fr or de (JSON and CSV keep their keys).
    #[arg(long, value_name = "en|nl|sv|fr|de", default_value = "en", value_parser = parse_lang)]
    pub lang: i18n::Lang,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the report as one self-contained HTML file (a report bundle) in --lang: it opens offline
    /// by double-click, prints on A4, and holds counts only (no profile key or address).
    #[arg(long, value_name = "FILE.html")]
    pub bundle: Option<PathBuf>,
    /// The bundle's title. Default: "Active profiles on <as-of date>".
    #[arg(long, value_name = "TEXT", requires = "bundle")]
    pub title: Option<String>,
    /// List every active profile with its key (the address, for the Anonymous dimension) in the JSON, CSV
    /// and bundle: personal data, so only when you need it.
    #[arg(long, conflicts_with = "from_aggregate")]
    pub include_profiles: bool,
    /// Number of threads reading files (default: the number of cores).
    #[arg(long, value_name = "N", hide = true)]
    pub threads: Option<usize>,
    /// The smallest byte range a large file is cut into for the threads (default 16 MiB; given, files are cut with 2 threads too).
    #[arg(long, value_name = "BYTES", hide = true)]
    pub part_bytes: Option<u64>,
    /// How the threads share the files: byte ranges, or shards of the profiles (each thread reads everything).
    #[arg(long, value_enum, default_value_t = SplitMode::Auto, hide = true)]
    pub split: SplitMode,
}

pub(crate) fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| format!("'{s}' is not a date: use YYYY-MM-DD"))
}

pub(crate) fn parse_lang(s: &str) -> Result<i18n::Lang, String> {
    s.parse()
}

fn parse_billing_day(s: &str) -> Result<engine::BillingDay, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("last") {
        return Ok(engine::BillingDay::Last);
    }
    match t.parse::<u8>() {
        Ok(n @ 1..=28) => Ok(engine::BillingDay::Day(n)),
        _ => Err(format!("'{s}': give a day from 1 to 28, or `last`")),
    }
}

/// A failure that ends the run: the message for standard error and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// Nothing to count, or unusable input or options: exit code 2.
    pub fn input(message: impl Into<String>) -> Self {
        Failure { message: message.into(), code: 2 }
    }
    /// The output could not be written: exit code 1.
    pub fn output(message: impl Into<String>) -> Self {
        Failure { message: message.into(), code: 1 }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = std::time::Instant::now();
    let result = match cli.command {
        Command::Report(args) => run::report(&args),
        Command::Generate(args) => gen::generate(&args),
        Command::Sql(args) => sql::sql(&args),
        Command::Profiles(args) => profiles::profiles(&args),
        Command::Engageable(args) => engageable::engageable(&args),
    };
    if cli.stats {
        stats::print(started.elapsed());
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("active-profiles: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
