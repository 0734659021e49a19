//! The `generate` command: the engine's seeded generator, streamed to a file.

use std::fs::File;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use engine::generate::{Channel, DateFormat, Dimension, Encoding, EnumStyle, GeneratorConfig, HeaderStyle, Shares};

use crate::Failure;

/// Starting point of the knobs; every other flag overrides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    /// 10 000 rows over the year up to 2026-10-24, one instance.
    Default,
    /// The viewer's demo export (4 000 rows, two years, two instances).
    Demo,
    /// The benchmark's export (about 100 bytes a row, a profile pool of a fifth of the rows).
    Benchmark,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// The delivery-log file to write.
    #[arg(long, value_name = "FILE")]
    pub output: PathBuf,
    /// Also write a deliveries file here; the log rows then carry a delivery id instead of
    /// channel, target dimension, transactional and proof.
    #[arg(long, value_name = "FILE")]
    pub deliveries_output: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "default")]
    pub preset: Preset,
    /// Seed: the same seed and knobs give the same bytes.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Log rows after the header.
    #[arg(long)]
    pub rows: Option<u64>,
    /// Size of the profile pool, split across target dimensions by weight.
    #[arg(long)]
    pub profiles: Option<u64>,
    /// First delivery day (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    pub start: Option<NaiveDate>,
    /// Last delivery day (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    pub end: Option<NaiveDate>,
    /// Instance names, comma-separated; several write an instance column.
    #[arg(long, value_delimiter = ',')]
    pub instances: Vec<String>,
    /// Write an instance column even with one instance.
    #[arg(long)]
    pub instance_column: bool,
    /// Target-dimension weights: recipients=70,visitors=10,subscriptions=8,anonymous=12.
    #[arg(long, value_name = "NAME=WEIGHT,...")]
    pub dimensions: Option<String>,
    /// Channel weights: email=70,sms=20,push=10.
    #[arg(long, value_name = "NAME=WEIGHT,...")]
    pub channels: Option<String>,
    /// Number of deliveries (default: rows / 1000, between 60 and 20 000).
    #[arg(long)]
    pub deliveries: Option<u32>,
    /// Row shares by fate, NAME=FRACTION (repeatable): proof, seed, social, control, ignored, cancelled,
    /// not-applicable, failure-excluded, failed, unknown-status, address-only, missing-key, bad-date,
    /// case-variant (a share of profiles).
    #[arg(long = "share", value_name = "NAME=FRACTION")]
    pub shares: Vec<String>,
    /// Start from no exclusions and no bad rows (then add some with --share).
    #[arg(long)]
    pub clean: bool,
    /// Field delimiter: , ; tab |
    #[arg(long, value_name = ", ; tab |")]
    pub delimiter: Option<String>,
    /// utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252.
    #[arg(long)]
    pub encoding: Option<Encoding>,
    /// Header names: labels (`Recipient ID`) or internal (`@recipient-id`).
    #[arg(long)]
    pub headers: Option<HeaderStyle>,
    /// Status, failure reason and failure type as labels or numbers.
    #[arg(long)]
    pub enums: Option<EnumStyle>,
    /// iso-date, iso, iso-offset, iso-utc, day-first, month-first, dots, dashes, year-slash.
    #[arg(long)]
    pub dates: Option<DateFormat>,
    /// End lines with CR LF.
    #[arg(long)]
    pub crlf: bool,
    /// Add a free-text Subject column (ignored by the counting) whose values hold delimiters,
    /// quotes and, now and then, a line break.
    #[arg(long)]
    pub subject_column: bool,
}

/// Turns the flags into a generator configuration.
pub fn config(args: &GenerateArgs) -> Result<GeneratorConfig, Failure> {
    let mut c = match args.preset {
        Preset::Default => GeneratorConfig::default(),
        Preset::Demo => GeneratorConfig::demo(),
        Preset::Benchmark => GeneratorConfig::benchmark(args.rows.unwrap_or(10_000_000)),
    };
    if let Some(v) = args.seed {
        c.seed = v;
    }
    if let Some(v) = args.rows {
        c.rows = v;
    }
    if let Some(v) = args.profiles {
        c.profiles = v;
    }
    if let Some(v) = args.start {
        c.start = v;
    }
    if let Some(v) = args.end {
        c.end = v;
    }
    if !args.instances.is_empty() {
        c.instances = args.instances.iter().map(|s| s.trim().to_owned()).collect();
    }
    c.instance_column |= args.instance_column;
    if let Some(list) = &args.dimensions {
        c.dimensions = weights::<Dimension>(list, "--dimensions")?;
    }
    if let Some(list) = &args.channels {
        c.channels = weights::<Channel>(list, "--channels")?;
    }
    if args.deliveries.is_some() {
        c.deliveries = args.deliveries;
    }
    c.deliveries_file = args.deliveries_output.is_some();
    if args.clean {
        c.shares = Shares::none();
    }
    for s in &args.shares {
        set_share(&mut c.shares, s)?;
    }
    if let Some(d) = &args.delimiter {
        c.layout.delimiter = match d.as_str() {
            "," => b',',
            ";" => b';',
            "tab" | "\\t" | "\t" => b'\t',
            "|" => b'|',
            other => return Err(Failure::input(format!("--delimiter '{other}': use , ; tab or |"))),
        };
    }
    if let Some(v) = args.encoding {
        c.layout.encoding = v;
    }
    if let Some(v) = args.headers {
        c.layout.headers = v;
    }
    if let Some(v) = args.enums {
        c.layout.enums = v;
    }
    if let Some(v) = args.dates {
        c.layout.dates = v;
    }
    c.layout.crlf |= args.crlf;
    c.subject_column |= args.subject_column;
    c.validate().map_err(Failure::input)?;
    Ok(c)
}

fn weights<T: std::str::FromStr<Err = engine::generate::ParseKnobError>>(
    list: &str,
    flag: &str,
) -> Result<Vec<(T, u32)>, Failure> {
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|item| {
            let (name, weight) = item.split_once('=').unwrap_or((item, "1"));
            let value = name.parse::<T>().map_err(|e| Failure::input(format!("{flag}: {e}")))?;
            let weight = weight
                .trim()
                .parse::<u32>()
                .map_err(|_| Failure::input(format!("{flag}: weight '{weight}' of {name} is not a whole number")))?;
            Ok((value, weight))
        })
        .collect()
}

fn set_share(shares: &mut Shares, spec: &str) -> Result<(), Failure> {
    let (name, value) =
        spec.split_once('=').ok_or_else(|| Failure::input(format!("--share '{spec}': expected NAME=FRACTION")))?;
    let v: f64 = value
        .trim()
        .parse()
        .map_err(|_| Failure::input(format!("--share '{spec}': '{value}' is not a number such as 0.01")))?;
    let slot = match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "proof" => &mut shares.proof,
        "seed" => &mut shares.seed,
        "social" => &mut shares.social,
        "control" => &mut shares.control,
        "ignored" => &mut shares.ignored,
        "cancelled" => &mut shares.cancelled,
        "not-applicable" => &mut shares.not_applicable,
        "failure-excluded" => &mut shares.failure_excluded,
        "failed" => &mut shares.failed,
        "unknown-status" => &mut shares.unknown_status,
        "address-only" => &mut shares.address_only,
        "missing-key" => &mut shares.missing_key,
        "bad-date" => &mut shares.bad_date,
        "case-variant" => &mut shares.case_variant,
        other => return Err(Failure::input(format!("--share: unknown share '{other}'"))),
    };
    *slot = v;
    Ok(())
}

pub fn generate(args: &GenerateArgs) -> Result<(), Failure> {
    let config = config(args)?;
    let create = |path: &PathBuf| {
        File::create(path).map_err(|e| Failure::output(format!("{}: cannot create it: {e}", path.display())))
    };
    let log = create(&args.output)?;
    let deliveries = match &args.deliveries_output {
        Some(path) => Some(create(path)?),
        None => None,
    };
    let summary = engine::generate::generate(&config, log, deliveries)
        .map_err(|e| Failure::output(format!("{}: {e}", args.output.display())))?;
    eprintln!(
        "{}: {} rows ({} bytes): {} counted, {} excluded, {} rejected{}",
        args.output.display(),
        summary.rows,
        summary.bytes,
        summary.counted,
        summary.excluded.total(),
        summary.rejected,
        match &args.deliveries_output {
            Some(p) => format!("; {}: {} deliveries", p.display(), summary.deliveries),
            None => String::new(),
        }
    );
    Ok(())
}
