//! Seeded generator of realistic delivery-log exports, for tests, demos and benchmarks.
//!
//! [`generate`] streams a delivery-log export (and, when asked, the matching
//! deliveries file) to any [`std::io::Write`], one row at a time, so a 1 GB
//! benchmark file never sits in memory. The output is a pure function of the
//! [`GeneratorConfig`]: the same seed gives the same bytes on every platform
//! (the RNG is ChaCha8 seeded from the config; it needs no OS entropy, so this
//! module also runs in the browser).
//!
//! What a generated export holds, by design:
//! - deliveries (internal to the generator, or written as a deliveries file),
//!   each with a date in the range, a channel, a target dimension, and flags
//!   (proof, transactional); log rows are events of a delivery, dated on the
//!   delivery's day or one or two days after (never after `end`);
//! - profiles drawn from one pool per target dimension (`profiles` split by
//!   the dimension weights); transactional deliveries and address-only rows
//!   target the *Anonymous* dimension, whose key is the address;
//! - each row gets one *fate* drawn from [`Shares`]: counted (sent, failed for
//!   a delivery reason, an unknown status, an address-only row), excluded for
//!   exactly one reason of the counting rules (proof, seed, social, control,
//!   status, failure reason), or rejected (no key and no address, or a date
//!   that cannot be read). [`Summary`] returns how many rows got each fate, so
//!   tests can check the `rows` block of a report exactly.
//!
//! Layout knobs ([`Layout`]): delimiter, encoding, header style (labels such as
//! `Recipient ID` or internal names such as `@recipient-id`), enumerations as
//! labels or numbers (status, failure reason and failure type; channels and
//! dimensions are always labels), date format, line endings.

use std::fmt;
use std::io::{self, BufWriter, Write};
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A target dimension the generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Recipients,
    Visitors,
    Subscriptions,
    /// Transactional (Message Center) deliveries: rows without a profile key, keyed by address.
    Anonymous,
}

impl Dimension {
    pub const ALL: [Dimension; 4] =
        [Dimension::Recipients, Dimension::Visitors, Dimension::Subscriptions, Dimension::Anonymous];

    /// The label written in the target-dimension column and reported by the engine.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Recipients => "Recipients",
            Dimension::Visitors => "Visitors",
            Dimension::Subscriptions => "Subscriptions",
            Dimension::Anonymous => "Anonymous",
        }
    }
}

/// A (non-social) channel the generator writes. Social rows are a share, see [`Shares::social`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    Email,
    Sms,
    Push,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Email, Channel::Sms, Channel::Push];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::Sms => "SMS",
            Channel::Push => "Push",
        }
    }
}

/// Byte encoding of the written files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    #[default]
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Header names: Campaign's labels or its internal (XPath-like) names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HeaderStyle {
    /// `Recipient ID`, `Event date`, `Status`, ...
    #[default]
    Labels,
    /// `@recipient-id`, `@eventDate`, `@status`, ...
    Internal,
}

/// How status, failure reason and failure type values are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EnumStyle {
    /// `Sent`, `Denylisted address`, `Hard`.
    #[default]
    Labels,
    /// `1`, `8`, `2` (Campaign's technical values).
    Numbers,
}

/// How event dates are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateFormat {
    /// `2026-10-25`
    IsoDate,
    /// `2026-10-25 13:45:00`
    #[default]
    Iso,
    /// `2026-10-25T15:45:00.123+02:00` (offsets +01:00, +02:00 and -05:00; the UTC day is the event day)
    IsoOffset,
    /// `2026-10-25T13:45:00Z`
    IsoUtc,
    /// `25/10/2026 13:45`
    DayFirst,
    /// `10/25/2026 01:45 PM`
    MonthFirst,
    /// `25.10.2026 13:45:00`
    Dots,
    /// `25-10-2026`
    Dashes,
    /// `2026/10/25 13:45:00`
    YearSlash,
}

impl DateFormat {
    pub const ALL: [DateFormat; 9] = [
        DateFormat::IsoDate,
        DateFormat::Iso,
        DateFormat::IsoOffset,
        DateFormat::IsoUtc,
        DateFormat::DayFirst,
        DateFormat::MonthFirst,
        DateFormat::Dots,
        DateFormat::Dashes,
        DateFormat::YearSlash,
    ];

    /// The name accepted by [`FromStr`].
    pub fn name(self) -> &'static str {
        match self {
            DateFormat::IsoDate => "iso-date",
            DateFormat::Iso => "iso",
            DateFormat::IsoOffset => "iso-offset",
            DateFormat::IsoUtc => "iso-utc",
            DateFormat::DayFirst => "day-first",
            DateFormat::MonthFirst => "month-first",
            DateFormat::Dots => "dots",
            DateFormat::Dashes => "dashes",
            DateFormat::YearSlash => "year-slash",
        }
    }
}

/// A knob value that does not parse; the message lists what is accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseKnobError(pub String);

impl fmt::Display for ParseKnobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseKnobError {}

fn knob<T: Copy>(s: &str, what: &str, table: &[(&str, T)]) -> Result<T, ParseKnobError> {
    let wanted = s.trim().to_ascii_lowercase();
    table.iter().find(|(name, _)| *name == wanted).map(|(_, v)| *v).ok_or_else(|| {
        let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
        ParseKnobError(format!("unknown {what} '{s}': use one of {}", names.join(", ")))
    })
}

impl FromStr for DateFormat {
    type Err = ParseKnobError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let table: Vec<(&str, DateFormat)> = DateFormat::ALL.iter().map(|f| (f.name(), *f)).collect();
        knob(s, "date format", &table)
    }
}

impl FromStr for Encoding {
    type Err = ParseKnobError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        knob(
            s,
            "encoding",
            &[
                ("utf-8", Encoding::Utf8),
                ("utf-8-bom", Encoding::Utf8Bom),
                ("utf-16le", Encoding::Utf16Le),
                ("utf-16be", Encoding::Utf16Be),
                ("windows-1252", Encoding::Windows1252),
            ],
        )
    }
}

impl FromStr for HeaderStyle {
    type Err = ParseKnobError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        knob(s, "header style", &[("labels", HeaderStyle::Labels), ("internal", HeaderStyle::Internal)])
    }
}

impl FromStr for EnumStyle {
    type Err = ParseKnobError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        knob(s, "enumeration style", &[("labels", EnumStyle::Labels), ("numbers", EnumStyle::Numbers)])
    }
}

impl FromStr for Dimension {
    type Err = ParseKnobError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        knob(
            s,
            "target dimension",
            &[
                ("recipients", Dimension::Recipients),
                ("visitors", Dimension::Visitors),
                ("subscriptions", Dimension::Subscriptions),
                ("anonymous", Dimension::Anonymous),
            ],
        )
    }
}

impl FromStr for Channel {
    type Err = ParseKnobError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        knob(s, "channel", &[("email", Channel::Email), ("sms", Channel::Sms), ("push", Channel::Push)])
    }
}

/// How the bytes are laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// `,` `;` `\t` or `|`.
    pub delimiter: u8,
    pub encoding: Encoding,
    pub headers: HeaderStyle,
    pub enums: EnumStyle,
    pub dates: DateFormat,
    /// End lines with CR LF instead of LF.
    pub crlf: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            delimiter: b',',
            encoding: Encoding::Utf8,
            headers: HeaderStyle::Labels,
            enums: EnumStyle::Labels,
            dates: DateFormat::Iso,
            crlf: false,
        }
    }
}

/// Shares of log rows (0.0 to 1.0, adding up to at most 1) by fate; the rest are plain counted sends.
#[derive(Clone, Debug, PartialEq)]
pub struct Shares {
    /// Excluded, reason `proof`: rows of deliveries marked as proof.
    pub proof: f64,
    /// Excluded, reason `proof`: seed addresses (seed flag on the row).
    pub seed: f64,
    /// Excluded, reason `social`: Twitter / Facebook rows.
    pub social: f64,
    /// Excluded, reason `control`: control-group flag or failure reason 127.
    pub control: f64,
    /// Excluded, reason `status`: status Ignored.
    pub ignored: f64,
    /// Excluded, reason `status`: status Delivery cancelled (or Canceled).
    pub cancelled: f64,
    /// Excluded, reason `status`: status Not applicable (7, Delivery cancelled, with numbers).
    pub not_applicable: f64,
    /// Excluded, reason `failure_reason`: status Failed with a failure reason 7..17.
    pub failure_excluded: f64,
    /// Counted: status Failed with a delivery failure (user unknown, mailbox full, refused, ...).
    pub failed: f64,
    /// Counted: a status value the rules do not know (`Declined`, `Queued`; `3`, `4`, `5` as numbers).
    pub unknown_status: f64,
    /// Counted in *Anonymous*: a row with an address and no profile key.
    pub address_only: f64,
    /// Rejected: neither profile key nor address.
    pub missing_key: f64,
    /// Rejected: an event date that is empty or cannot be read (`2026-02-30`, `31/02/2026`, `n/a`).
    pub bad_date: f64,
    /// Share of profiles whose e-mail address equals another profile's except for letter case.
    pub case_variant: f64,
}

impl Default for Shares {
    fn default() -> Self {
        Shares {
            proof: 0.004,
            seed: 0.003,
            social: 0.005,
            control: 0.02,
            ignored: 0.04,
            cancelled: 0.01,
            not_applicable: 0.005,
            failure_excluded: 0.03,
            failed: 0.05,
            unknown_status: 0.002,
            address_only: 0.01,
            missing_key: 0.0005,
            bad_date: 0.0005,
            case_variant: 0.01,
        }
    }
}

impl Shares {
    /// No exclusions, no rejected rows, nothing unusual: every row is a counted send.
    pub fn none() -> Self {
        Shares {
            proof: 0.0,
            seed: 0.0,
            social: 0.0,
            control: 0.0,
            ignored: 0.0,
            cancelled: 0.0,
            not_applicable: 0.0,
            failure_excluded: 0.0,
            failed: 0.0,
            unknown_status: 0.0,
            address_only: 0.0,
            missing_key: 0.0,
            bad_date: 0.0,
            case_variant: 0.0,
        }
    }

    fn row_shares(&self) -> [f64; 13] {
        [
            self.missing_key,
            self.bad_date,
            self.proof,
            self.seed,
            self.social,
            self.control,
            self.ignored,
            self.cancelled,
            self.not_applicable,
            self.failure_excluded,
            self.failed,
            self.unknown_status,
            self.address_only,
        ]
    }
}

/// Everything that decides a generated export. `Default` is a 10 000-row, one-instance,
/// single-file export over the year up to 2026-10-24.
#[derive(Clone, Debug, PartialEq)]
pub struct GeneratorConfig {
    /// Same seed, same bytes.
    pub seed: u64,
    /// Log rows after the header.
    pub rows: u64,
    /// Size of the profile pools, split across dimensions by weight (distinct profiles seen
    /// approach it when rows are several times larger).
    pub profiles: u64,
    /// First and last delivery day, both included (event days stay within them).
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Instance names; rows are spread evenly across them.
    pub instances: Vec<String>,
    /// Write an instance column (always written when there are several instances).
    pub instance_column: bool,
    /// Relative weights of target dimensions (of deliveries, hence of rows and profiles).
    pub dimensions: Vec<(Dimension, u32)>,
    /// Relative weights of channels.
    pub channels: Vec<(Channel, u32)>,
    /// Number of deliveries; `None`: rows / 1000, between 60 and 20 000.
    pub deliveries: Option<u32>,
    /// Log rows carry a delivery id only; channel, target dimension, transactional and proof
    /// come from a deliveries file (written to the second writer of [`generate`]).
    pub deliveries_file: bool,
    pub shares: Shares,
    pub layout: Layout,
    /// Add a free-text `Subject` column that no field matches (so it is ignored): values with
    /// commas, quotes and accents, and about one in a hundred holding a line break, so that a
    /// record can span two physical lines. It does not change the other columns' values.
    pub subject_column: bool,
}

impl Default for GeneratorConfig {
    fn default() -> Self {
        GeneratorConfig {
            seed: 42,
            rows: 10_000,
            profiles: 2_000,
            start: NaiveDate::from_ymd_opt(2025, 10, 25).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2026, 10, 24).unwrap_or_default(),
            instances: vec!["campaign-prod".to_owned()],
            instance_column: false,
            dimensions: vec![
                (Dimension::Recipients, 70),
                (Dimension::Visitors, 10),
                (Dimension::Subscriptions, 8),
                (Dimension::Anonymous, 12),
            ],
            channels: vec![(Channel::Email, 70), (Channel::Sms, 20), (Channel::Push, 10)],
            deliveries: None,
            deliveries_file: false,
            shares: Shares::default(),
            layout: Layout::default(),
            subject_column: false,
        }
    }
}

impl GeneratorConfig {
    /// The configuration of [`demo`]: two years up to 2026-10-24, two instances.
    pub fn demo() -> Self {
        GeneratorConfig {
            seed: 2026,
            rows: 4_000,
            profiles: 1_200,
            start: NaiveDate::from_ymd_opt(2024, 10, 25).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2026, 10, 24).unwrap_or_default(),
            instances: vec!["campaign-prod".to_owned(), "campaign-emea".to_owned()],
            instance_column: true,
            deliveries: Some(90),
            shares: Shares { case_variant: 0.03, missing_key: 0.0003, bad_date: 0.0003, ..Shares::default() },
            ..GeneratorConfig::default()
        }
    }

    /// The benchmark's export: `rows` rows (10 million make about 1 GB), a profile pool of a fifth.
    pub fn benchmark(rows: u64) -> Self {
        GeneratorConfig {
            seed: 7,
            rows,
            profiles: (rows / 5).max(1),
            start: NaiveDate::from_ymd_opt(2024, 10, 25).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2026, 10, 24).unwrap_or_default(),
            instances: vec!["campaign-prod".to_owned()],
            ..GeneratorConfig::default()
        }
    }

    /// Checks the knobs; the message says which one is wrong.
    pub fn validate(&self) -> Result<(), String> {
        if !matches!(self.layout.delimiter, b',' | b';' | b'\t' | b'|') {
            return Err("delimiter must be one of , ; tab |".into());
        }
        if self.end < self.start {
            return Err(format!("end {} is before start {}", self.end, self.start));
        }
        if self.instances.is_empty() || self.instances.iter().any(|i| i.trim().is_empty()) {
            return Err("at least one instance, each with a non-empty name".into());
        }
        if self.dimensions.iter().all(|(_, w)| *w == 0) {
            return Err("at least one target dimension needs a weight above 0".into());
        }
        if self.channels.iter().all(|(_, w)| *w == 0) {
            return Err("at least one channel needs a weight above 0".into());
        }
        if self.profiles == 0 {
            return Err("profiles must be at least 1".into());
        }
        let shares = self.shares.row_shares();
        if shares.iter().chain([&self.shares.case_variant]).any(|s| !(0.0..=1.0).contains(s)) {
            return Err("every share must be between 0 and 1".into());
        }
        if shares.iter().sum::<f64>() > 1.0 + 1e-9 {
            return Err("the row shares add up to more than 1".into());
        }
        Ok(())
    }
}

/// Rows excluded by reason, as the counting rules name them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExcludedRows {
    pub proof: u64,
    pub social: u64,
    pub control: u64,
    pub status: u64,
    pub failure_reason: u64,
}

impl ExcludedRows {
    pub fn total(&self) -> u64 {
        self.proof + self.social + self.control + self.status + self.failure_reason
    }
}

/// What was written: the expected `rows` block of a report over the log file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub rows: u64,
    pub counted: u64,
    pub excluded: ExcludedRows,
    pub rejected: u64,
    /// Counted rows whose status value the rules do not know.
    pub unknown_status: u64,
    /// Rows in the deliveries file (0 without one).
    pub deliveries: u64,
    /// Bytes of the log file, BOM included.
    pub bytes: u64,
    /// Earliest and latest event day (UTC) of the rows that were not rejected.
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

/// Writes the export described by `config` to `log`, and the deliveries file to
/// `deliveries` when `config.deliveries_file` is set (it must then be `Some`).
pub fn generate<W: Write, D: Write>(config: &GeneratorConfig, log: W, deliveries: Option<D>) -> io::Result<Summary> {
    config.validate().map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let mut gen = Generator::new(config);
    let mut summary = Summary::default();
    match (config.deliveries_file, deliveries) {
        (true, Some(out)) => summary.deliveries = gen.write_deliveries(out)?,
        (true, None) => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "deliveries_file is set but no writer was given for the deliveries file",
            ))
        }
        (false, _) => {}
    }
    gen.write_log(log, &mut summary)?;
    Ok(summary)
}

/// Like [`generate`] for a single-file export (no deliveries file).
pub fn generate_log<W: Write>(config: &GeneratorConfig, log: W) -> io::Result<Summary> {
    if config.deliveries_file {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "this configuration also writes a deliveries file"));
    }
    generate(config, log, None::<io::Sink>)
}

/// The demo export shown on the viewer's first screen: 4 000 rows (about 0.4 MB, UTF-8,
/// comma-separated, label headers, ISO dates) over two years up to 2026-10-24, two
/// instances (`instance` column), four target dimensions, three channels and a few social
/// rows, every kind of exclusion, three rejected rows. One file: no deliveries file.
pub fn demo() -> Vec<u8> {
    let mut out = Vec::with_capacity(600_000);
    // Writing to a Vec cannot fail and the demo configuration is valid.
    let _ = generate_log(&GeneratorConfig::demo(), &mut out);
    out
}

// ---------------------------------------------------------------------------

const FIRST: [&str; 18] = [
    "anna",
    "bruno",
    "chloé",
    "david",
    "élodie",
    "françois",
    "greta",
    "hugo",
    "inès",
    "jörg",
    "kim",
    "léa",
    "marc",
    "nina",
    "oscar",
    "paul",
    "zoë",
    "john",
];
const LAST: [&str; 12] = [
    "martin", "müller", "garcía", "rossi", "dubois", "smith", "nowak", "silva", "jensen", "greene", "lefèvre",
    "kowalski",
];
const DOMAINS: [&str; 6] = ["example.com", "exemple.fr", "beispiel.de", "luma.com", "mail.test", "correo.es"];
const LABELS: [&str; 10] = [
    "Newsletter",
    "Welcome series",
    "Été promo, -20%",
    "Abandoned cart",
    "Order confirmation",
    "Back in stock",
    "Loyalty \"Gold\" offer",
    "Survey",
    "Password reset",
    "Événement: portes ouvertes",
];

/// Values of the free-text `Subject` column: one in a hundred holds a line break.
const SUBJECTS: [&str; 100] = {
    let mut s = ["Your October newsletter"; 100];
    s[1] = "Votre commande, merci !";
    s[2] = "Les \"soldes\" d'été";
    s[3] = "Ihre Bestellung | Versand";
    s[4] = "Señal; oferta\tespecial";
    s[5] = "Welcome aboard";
    s[6] = "Dernière chance";
    s[7] = "Hello\nsecond line";
    s
};

/// Fates, in the order of [`Shares::row_shares`], then the plain send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    MissingKey,
    BadDate,
    Proof,
    Seed,
    Social,
    Control,
    Ignored,
    Cancelled,
    NotApplicable,
    FailureExcluded,
    Failed,
    UnknownStatus,
    AddressOnly,
    Sent,
}

const FATES: [Fate; 13] = [
    Fate::MissingKey,
    Fate::BadDate,
    Fate::Proof,
    Fate::Seed,
    Fate::Social,
    Fate::Control,
    Fate::Ignored,
    Fate::Cancelled,
    Fate::NotApplicable,
    Fate::FailureExcluded,
    Fate::Failed,
    Fate::UnknownStatus,
    Fate::AddressOnly,
];

#[derive(Clone, Debug)]
struct Delivery {
    id: u64,
    label: &'static str,
    day: u32,
    /// Seconds into the day the delivery starts.
    time: u32,
    channel: ChannelKind,
    dimension: Dimension,
    proof: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChannelKind {
    Plain(Channel),
    Twitter,
    Facebook,
}

impl ChannelKind {
    fn label(self) -> &'static str {
        match self {
            ChannelKind::Plain(c) => c.label(),
            ChannelKind::Twitter => "Twitter",
            ChannelKind::Facebook => "Facebook",
        }
    }
    fn address_kind(self) -> Channel {
        match self {
            ChannelKind::Plain(c) => c,
            _ => Channel::Email,
        }
    }
}

/// A value as (label, number).
type Pair = (&'static str, &'static str);

struct Rng(ChaCha8Rng);

impl Rng {
    fn u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    /// Uniform in `0..n` (n > 0), by multiply-shift.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.u64()) * u128::from(n)) >> 64) as u64
    }
    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut x = self.below(total.max(1));
        for (i, w) in weights.iter().enumerate() {
            if x < u64::from(*w) {
                return i;
            }
            x -= u64::from(*w);
        }
        weights.len().saturating_sub(1)
    }
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: per-profile properties that do not depend on the row order.
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

struct Generator<'a> {
    config: &'a GeneratorConfig,
    rng: Rng,
    /// (year, month, day) of day index i, where index 1 is `start` (index 0 is the day before).
    days: Vec<(i32, u32, u32)>,
    deliveries: Vec<Delivery>,
    normal: Vec<usize>,
    proof: Vec<usize>,
    social: Vec<usize>,
    pools: [u64; 4],
    instance_column: bool,
}

impl<'a> Generator<'a> {
    fn new(config: &'a GeneratorConfig) -> Self {
        let mut rng = Rng(ChaCha8Rng::seed_from_u64(config.seed));
        let span = (config.end - config.start).num_days().max(0) as u32 + 1;
        let mut days = Vec::with_capacity(span as usize + 2);
        let mut day = config.start.pred_opt().unwrap_or(config.start);
        for _ in 0..span + 2 {
            days.push((day.year(), day.month(), day.day()));
            day = day.succ_opt().unwrap_or(day);
        }

        let dim_weights: Vec<u32> = config.dimensions.iter().map(|(_, w)| *w).collect();
        let ch_weights: Vec<u32> = config.channels.iter().map(|(_, w)| *w).collect();
        let total_dim: u64 = dim_weights.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
        let mut pools = [0u64; 4];
        for (d, w) in &config.dimensions {
            let i = Dimension::ALL.iter().position(|x| x == d).unwrap_or(0);
            pools[i] += config.profiles * u64::from(*w) / total_dim;
        }
        for p in &mut pools {
            *p = (*p).max(1);
        }

        let n = config.deliveries.map(u64::from).unwrap_or((config.rows / 1000).clamp(60, 20_000)).max(1) as usize;
        let n_proof = if config.shares.proof > 0.0 { (n / 50).max(1) } else { 0 };
        let n_social = if config.shares.social > 0.0 { (n / 100).max(1) } else { 0 };
        let mut deliveries = Vec::with_capacity(n + n_proof + n_social);
        let (mut normal, mut proof, mut social) = (Vec::new(), Vec::new(), Vec::new());
        let mut id = 100_000u64;
        // Covering dimensions and channels first, so that each weight above 0 has a delivery.
        let dims_needed: Vec<Dimension> = config.dimensions.iter().filter(|(_, w)| *w > 0).map(|(d, _)| *d).collect();
        let chans_needed: Vec<Channel> = config.channels.iter().filter(|(_, w)| *w > 0).map(|(c, _)| *c).collect();
        for i in 0..n + n_proof + n_social {
            id += 1 + rng.below(40);
            let kind = if i < n {
                0
            } else if i < n + n_proof {
                1
            } else {
                2
            };
            let day = match i {
                0 => span, // the last day
                1 => 1,    // the first day
                _ => 1 + rng.below(u64::from(span)) as u32,
            };
            let dimension = if kind == 0 && i < dims_needed.len() {
                dims_needed[i]
            } else if kind != 0 {
                Dimension::Recipients
            } else {
                config.dimensions[rng.weighted(&dim_weights)].0
            };
            let channel = if kind == 2 {
                if rng.below(2) == 0 {
                    ChannelKind::Twitter
                } else {
                    ChannelKind::Facebook
                }
            } else if kind == 0 && i < chans_needed.len() {
                ChannelKind::Plain(chans_needed[i])
            } else {
                ChannelKind::Plain(config.channels[rng.weighted(&ch_weights)].0)
            };
            let label = if dimension == Dimension::Anonymous {
                if rng.below(2) == 0 {
                    "Order confirmation"
                } else {
                    "Password reset"
                }
            } else {
                LABELS[rng.below(LABELS.len() as u64) as usize]
            };
            let time = (6 * 3600 + rng.below(14 * 3600)) as u32;
            deliveries.push(Delivery { id, label, day, time, channel, dimension, proof: kind == 1 });
            match kind {
                0 => normal.push(i),
                1 => proof.push(i),
                _ => social.push(i),
            }
        }
        let instance_column = config.instance_column || config.instances.len() > 1;
        Generator { config, rng, days, deliveries, normal, proof, social, pools, instance_column }
    }

    fn sep(&self) -> u8 {
        self.config.layout.delimiter
    }

    fn flag(&self, on: bool) -> &'static str {
        match (self.config.layout.enums, on) {
            (EnumStyle::Labels, true) => "Yes",
            (EnumStyle::Labels, false) => "",
            (EnumStyle::Numbers, true) => "1",
            (EnumStyle::Numbers, false) => "0",
        }
    }

    fn write_deliveries<D: Write>(&mut self, out: D) -> io::Result<u64> {
        let mut out = Encoder::new(out, self.config.layout.encoding, self.config.layout.crlf)?;
        let labels = self.config.layout.headers == HeaderStyle::Labels;
        let header: [&str; 6] = if labels {
            ["Delivery ID", "Label", "Channel", "Target dimension", "Transactional", "Proof"]
        } else {
            ["@id", "@label", "@messageType", "@targetMapping", "@isTransactional", "@isProof"]
        };
        let sep = self.sep();
        for (i, h) in header.iter().enumerate() {
            if i > 0 {
                out.line.push(sep);
            }
            field(&mut out.line, h, sep);
        }
        out.end_line()?;
        for d in &self.deliveries {
            push_u64(&mut out.line, d.id);
            out.line.push(sep);
            field(&mut out.line, d.label, sep);
            out.line.push(sep);
            out.line.extend_from_slice(d.channel.label().as_bytes());
            out.line.push(sep);
            if d.dimension != Dimension::Anonymous {
                out.line.extend_from_slice(d.dimension.label().as_bytes());
            }
            out.line.push(sep);
            out.line.extend_from_slice(self.flag(d.dimension == Dimension::Anonymous).as_bytes());
            out.line.push(sep);
            out.line.extend_from_slice(self.flag(d.proof).as_bytes());
            out.end_line()?;
        }
        out.finish()?;
        Ok(self.deliveries.len() as u64)
    }

    fn header(&self) -> Vec<&'static str> {
        let labels = self.config.layout.headers == HeaderStyle::Labels;
        let pick = |l: &'static str, i: &'static str| if labels { l } else { i };
        let mut h = Vec::new();
        if self.instance_column {
            h.push(pick("Instance", "@instance"));
        }
        h.push(pick("Recipient ID", "@recipient-id"));
        h.push(pick("Event date", "@eventDate"));
        h.push(pick("Status", "@status"));
        h.push(pick("Type of failure", "@failureType"));
        h.push(pick("Failure reason", "@failureReason"));
        if self.config.deliveries_file {
            h.push(pick("Delivery ID", "@delivery-id"));
        } else {
            h.push(pick("Channel", "@messageType"));
            h.push(pick("Target dimension", "@targetMapping"));
        }
        h.push(pick("Address", "@address"));
        if !self.config.deliveries_file {
            h.push(pick("Transactional", "@isTransactional"));
            h.push(pick("Proof", "@isProof"));
        }
        h.push(pick("Seed", "@seedMember"));
        h.push(pick("Control group", "@controlGroupMember"));
        if self.config.subject_column {
            h.push(pick("Subject", "@subject"));
        }
        h
    }

    fn write_log<W: Write>(&mut self, out: W, summary: &mut Summary) -> io::Result<()> {
        let mut out = Encoder::new(out, self.config.layout.encoding, self.config.layout.crlf)?;
        let sep = self.sep();
        for (i, h) in self.header().iter().enumerate() {
            if i > 0 {
                out.line.push(sep);
            }
            field(&mut out.line, h, sep);
        }
        out.end_line()?;

        let cumulative: Vec<f64> = self
            .config
            .shares
            .row_shares()
            .iter()
            .scan(0.0, |acc, s| {
                *acc += s;
                Some(*acc)
            })
            .collect();
        let numbers = self.config.layout.enums == EnumStyle::Numbers;
        let mut first_day = u32::MAX;
        let mut last_day = 0u32;
        let mut text = String::with_capacity(64);
        for row in 0..self.config.rows {
            let u = self.rng.unit();
            let fate = cumulative.iter().position(|c| u < *c).map(|i| FATES[i]).unwrap_or(Fate::Sent);
            let list = match fate {
                Fate::Proof if !self.proof.is_empty() => &self.proof,
                Fate::Social if !self.social.is_empty() => &self.social,
                _ => &self.normal,
            };
            let delivery = self.deliveries[list[self.rng.below(list.len() as u64) as usize]].clone();
            let fate = match fate {
                // Knob set to 0 for deliveries but drawn anyway cannot happen; stay safe.
                Fate::Proof if !delivery.proof => Fate::Seed,
                Fate::Social if matches!(delivery.channel, ChannelKind::Plain(_)) => Fate::Sent,
                f => f,
            };

            // Event day and time (UTC).
            let lag = match self.rng.below(20) {
                0 => 2,
                1..=3 => 1,
                _ => 0,
            };
            let span = self.days.len() as u32 - 2;
            let day = (delivery.day + lag).min(span);
            let secs = (delivery.time + self.rng.below(4 * 3600) as u32) % 86_400;

            // Who.
            let anonymous = delivery.dimension == Dimension::Anonymous || fate == Fate::AddressOnly;
            let pool_dim = if anonymous { Dimension::Anonymous } else { delivery.dimension };
            let pool_index = Dimension::ALL.iter().position(|d| *d == pool_dim).unwrap_or(0);
            let profile = self.rng.below(self.pools[pool_index]);
            let instance = if self.config.instances.len() > 1 {
                self.rng.below(self.config.instances.len() as u64) as usize
            } else {
                0
            };

            summary.rows += 1;
            match fate {
                Fate::MissingKey | Fate::BadDate => summary.rejected += 1,
                Fate::Proof | Fate::Seed => summary.excluded.proof += 1,
                Fate::Social => summary.excluded.social += 1,
                Fate::Control => summary.excluded.control += 1,
                Fate::Ignored | Fate::Cancelled | Fate::NotApplicable => summary.excluded.status += 1,
                Fate::FailureExcluded => summary.excluded.failure_reason += 1,
                Fate::UnknownStatus => {
                    summary.counted += 1;
                    summary.unknown_status += 1;
                }
                Fate::Failed | Fate::AddressOnly | Fate::Sent => summary.counted += 1,
            }
            if !matches!(fate, Fate::MissingKey | Fate::BadDate) {
                first_day = first_day.min(day);
                last_day = last_day.max(day);
            }

            let line = &mut out.line;
            if self.instance_column {
                field(line, &self.config.instances[instance], sep);
                line.push(sep);
            }
            // Profile key.
            if !anonymous && fate != Fate::MissingKey {
                push_key(line, delivery.dimension, profile);
            }
            line.push(sep);
            // Event date.
            if fate == Fate::BadDate {
                let bad = self.bad_date(day);
                field(line, &bad, sep);
            } else {
                let offset = match self.rng.below(3) {
                    0 => 60,
                    1 => 120,
                    _ => -300,
                };
                let millis = self.rng.below(1000) as u32;
                self.push_date(line, day, secs, offset, millis);
            }
            line.push(sep);
            // Status, failure type, failure reason.
            let (status, ftype, reason) = self.status_fields(fate, numbers);
            field(line, status, sep);
            line.push(sep);
            line.extend_from_slice(ftype.as_bytes());
            line.push(sep);
            field(line, reason, sep);
            line.push(sep);
            // Delivery, or channel and dimension.
            if self.config.deliveries_file {
                push_u64(line, delivery.id);
            } else {
                line.extend_from_slice(delivery.channel.label().as_bytes());
                line.push(sep);
                if delivery.dimension != Dimension::Anonymous {
                    line.extend_from_slice(delivery.dimension.label().as_bytes());
                }
            }
            line.push(sep);
            // Address.
            if fate != Fate::MissingKey {
                text.clear();
                address(&mut text, self.config, pool_dim, profile, delivery.channel.address_kind());
                field(line, &text, sep);
            }
            line.push(sep);
            let flag = |on: bool| match (numbers, on) {
                (false, true) => "Yes",
                (false, false) => "",
                (true, true) => "1",
                (true, false) => "0",
            };
            if !self.config.deliveries_file {
                line.extend_from_slice(flag(delivery.dimension == Dimension::Anonymous).as_bytes());
                line.push(sep);
                line.extend_from_slice(flag(fate == Fate::Proof).as_bytes());
                line.push(sep);
            }
            line.extend_from_slice(flag(fate == Fate::Seed).as_bytes());
            line.push(sep);
            // Half of the control rows carry failure reason 127, the other half the flag.
            line.extend_from_slice(flag(fate == Fate::Control && reason.is_empty()).as_bytes());
            if self.config.subject_column {
                // From a hash of the row number, not the RNG: the other columns stay the same.
                let h = mix(self.config.seed ^ row.wrapping_mul(0x2545_F491_4F6C_DD1D));
                line.push(sep);
                field(line, SUBJECTS[(h % SUBJECTS.len() as u64) as usize], sep);
            }
            out.end_line()?;
        }
        summary.bytes = out.finish()?;
        if first_day != u32::MAX {
            summary.first_day = self.date(first_day);
            summary.last_day = self.date(last_day);
        }
        Ok(())
    }

    fn date(&self, day: u32) -> Option<NaiveDate> {
        let (y, m, d) = *self.days.get(day as usize)?;
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// Status, failure type and failure reason of a row of this fate.
    fn status_fields(&mut self, fate: Fate, numbers: bool) -> (&'static str, &'static str, &'static str) {
        let r = self.rng.below(100);
        let (status, ftype, reason): (Pair, Pair, Pair) = match fate {
            Fate::Ignored => (("Ignored", "0"), ("", ""), ("", "")),
            Fate::Cancelled => {
                (if r < 70 { ("Delivery cancelled", "7") } else { ("Canceled", "7") }, ("", ""), ("", ""))
            }
            Fate::NotApplicable => (("Not applicable", "7"), ("", ""), ("", "")),
            Fate::Control => {
                if r < 50 {
                    (("Ignored", "0"), ("Ignored", "3"), ("Control address", "127"))
                } else {
                    (("Ignored", "0"), ("", ""), ("", ""))
                }
            }
            Fate::FailureExcluded => {
                const EXCLUDED: [(&str, &str); 13] = [
                    ("Address not specified", "7"),
                    ("Denylisted address", "8"),
                    ("Blacklisted address", "8"),
                    ("Address in quarantine", "9"),
                    ("Quarantined address", "9"),
                    ("Double", "10"),
                    ("Excluded by a SQL rule", "11"),
                    ("Excluded after arbitration", "12"),
                    ("Bad-quality address", "14"),
                    ("Unqualified address", "15"),
                    ("Not eligible for the offers", "16"),
                    ("Target limited in size", "17"),
                    ("Duplicate", "10"),
                ];
                (("Failed", "2"), ("Ignored", "3"), EXCLUDED[(r % 13) as usize])
            }
            Fate::Failed => {
                const COUNTED: [(&str, &str); 8] = [
                    ("User unknown", "1"),
                    ("Invalid domain", "2"),
                    ("Unreachable", "3"),
                    ("Account disabled", "4"),
                    ("Mailbox full", "5"),
                    ("Not connected", "6"),
                    ("Refused", "20"),
                    ("Error ignored", "25"),
                ];
                let t = if r < 40 { ("Hard", "2") } else { ("Soft", "1") };
                (("Failed", "2"), t, COUNTED[(r % 8) as usize])
            }
            Fate::UnknownStatus => {
                const UNKNOWN: [(&str, &str); 3] = [("Declined", "3"), ("Queued", "4"), ("Read", "5")];
                (UNKNOWN[(r % 3) as usize], ("", ""), ("", ""))
            }
            _ => {
                let s = if numbers {
                    if r < 97 {
                        ("Sent", "1")
                    } else {
                        ("Pending", "6")
                    }
                } else {
                    match r {
                        0..=84 => ("Sent", "1"),
                        85..=89 => ("Delivery confirmed", "1"),
                        90..=93 => ("Sent to the service provider", "1"),
                        94..=95 => ("Taken into account by the service provider", "1"),
                        96 => ("Received on mobile", "1"),
                        97 => ("Prepared", "6"),
                        _ => ("Pending", "6"),
                    }
                };
                (s, ("", ""), ("", ""))
            }
        };
        let pick = |p: (&'static str, &'static str)| if numbers { p.1 } else { p.0 };
        (pick(status), pick(ftype), pick(reason))
    }

    fn bad_date(&mut self, day: u32) -> String {
        let (y, _, _) = self.days.get(day as usize).copied().unwrap_or((2026, 1, 1));
        match (self.rng.below(3), self.config.layout.dates) {
            (0, _) => String::new(),
            (1, _) => "n/a".to_owned(),
            (_, DateFormat::DayFirst) => format!("31/02/{y} 10:00"),
            (_, DateFormat::MonthFirst) => format!("02/31/{y} 10:00 AM"),
            (_, DateFormat::Dots) => format!("31.02.{y}"),
            (_, DateFormat::Dashes) => format!("31-02-{y}"),
            (_, DateFormat::YearSlash) => format!("{y}/02/30"),
            (_, _) => format!("{y}-02-30 10:00:00"),
        }
    }

    fn push_date(&self, line: &mut Vec<u8>, day: u32, secs: u32, offset_minutes: i32, millis: u32) {
        let (y, m, d) = self.days[day as usize];
        let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        match self.config.layout.dates {
            DateFormat::IsoDate => ymd(line, y, m, d, b'-'),
            DateFormat::Iso => {
                ymd(line, y, m, d, b'-');
                line.push(b' ');
                hms(line, h, mi, s);
            }
            DateFormat::IsoUtc => {
                ymd(line, y, m, d, b'-');
                line.push(b'T');
                hms(line, h, mi, s);
                line.push(b'Z');
            }
            DateFormat::IsoOffset => {
                let local = secs as i64 + i64::from(offset_minutes) * 60;
                let (lday, lsecs) = if local < 0 {
                    (day - 1, (local + 86_400) as u32)
                } else if local >= 86_400 {
                    (day + 1, (local - 86_400) as u32)
                } else {
                    (day, local as u32)
                };
                let (y, m, d) = self.days[lday as usize];
                ymd(line, y, m, d, b'-');
                line.push(b'T');
                hms(line, lsecs / 3600, lsecs / 60 % 60, lsecs % 60);
                line.push(b'.');
                push_pad(line, millis, 3);
                line.push(if offset_minutes < 0 { b'-' } else { b'+' });
                let o = offset_minutes.unsigned_abs();
                push_pad(line, o / 60, 2);
                line.push(b':');
                push_pad(line, o % 60, 2);
            }
            DateFormat::DayFirst => {
                dmy(line, d, m, y, b'/');
                line.push(b' ');
                push_pad(line, h, 2);
                line.push(b':');
                push_pad(line, mi, 2);
            }
            DateFormat::MonthFirst => {
                dmy(line, m, d, y, b'/');
                line.push(b' ');
                let h12 = if h % 12 == 0 { 12 } else { h % 12 };
                push_pad(line, h12, 2);
                line.push(b':');
                push_pad(line, mi, 2);
                line.extend_from_slice(if h < 12 { b" AM" } else { b" PM" });
            }
            DateFormat::Dots => {
                dmy(line, d, m, y, b'.');
                line.push(b' ');
                hms(line, h, mi, s);
            }
            DateFormat::Dashes => dmy(line, d, m, y, b'-'),
            DateFormat::YearSlash => {
                ymd(line, y, m, d, b'/');
                line.push(b' ');
                hms(line, h, mi, s);
            }
        }
    }
}

fn push_key(line: &mut Vec<u8>, dimension: Dimension, profile: u64) {
    match dimension {
        Dimension::Recipients => push_u64(line, 1_000_000 + profile),
        Dimension::Visitors => {
            line.extend_from_slice(b"vis-");
            push_u64(line, profile);
        }
        Dimension::Subscriptions => {
            line.extend_from_slice(b"sub-");
            push_u64(line, profile);
        }
        Dimension::Anonymous => {}
    }
}

/// The address of a profile on a channel: e-mail, phone number or device token.
fn address(out: &mut String, config: &GeneratorConfig, dimension: Dimension, profile: u64, channel: Channel) {
    let salt = config.seed.wrapping_mul(31).wrapping_add(dimension as u64);
    match channel {
        Channel::Email => {
            let variant = profile > 0
                && config.shares.case_variant > 0.0
                && ((mix(salt ^ profile.rotate_left(17)) >> 11) as f64 / (1u64 << 53) as f64)
                    < config.shares.case_variant;
            let base = if variant { profile - 1 } else { profile };
            let h = mix(salt ^ base);
            let first = FIRST[(h % FIRST.len() as u64) as usize];
            let last = LAST[((h >> 8) % LAST.len() as u64) as usize];
            let domain = DOMAINS[((h >> 16) % DOMAINS.len() as u64) as usize];
            let start = out.len();
            if dimension == Dimension::Anonymous {
                out.push_str("guest.");
            }
            out.push_str(first);
            out.push('.');
            out.push_str(last);
            push_u64_str(out, base);
            out.push('@');
            out.push_str(domain);
            if variant {
                // Same address but for letter case: capitalise the first letter and the domain.
                let tail: String = out[start..].to_owned();
                out.truncate(start);
                let mut cap = true;
                for c in tail.chars() {
                    if cap && c.is_ascii_lowercase() {
                        out.push(c.to_ascii_uppercase());
                        cap = false;
                    } else {
                        if c == '@' || c == '.' {
                            cap = true;
                        }
                        out.push(c);
                    }
                }
            }
        }
        Channel::Sms => {
            let n = mix(salt ^ profile) % 100_000_000;
            out.push_str("+336");
            let s = n.to_string();
            for _ in s.len()..8 {
                out.push('0');
            }
            out.push_str(&s);
        }
        Channel::Push => {
            let a = mix(salt ^ profile ^ 0x5555);
            let b = mix(a);
            for v in [a, b] {
                for i in (0..16).rev() {
                    let nib = ((v >> (i * 4)) & 0xf) as u8;
                    out.push(char::from(if nib < 10 { b'0' + nib } else { b'a' + nib - 10 }));
                }
            }
        }
    }
}

fn push_u64_str(out: &mut String, v: u64) {
    let mut buf = Vec::with_capacity(20);
    push_u64(&mut buf, v);
    for b in buf {
        out.push(char::from(b));
    }
}

fn push_u64(line: &mut Vec<u8>, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    line.extend_from_slice(&buf[i..]);
}

fn push_pad(line: &mut Vec<u8>, v: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut v = v;
    for i in (0..width).rev() {
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    line.extend_from_slice(&buf[..width]);
}

fn ymd(line: &mut Vec<u8>, y: i32, m: u32, d: u32, sep: u8) {
    push_pad(line, y.max(0) as u32, 4);
    line.push(sep);
    push_pad(line, m, 2);
    line.push(sep);
    push_pad(line, d, 2);
}

fn dmy(line: &mut Vec<u8>, a: u32, b: u32, y: i32, sep: u8) {
    push_pad(line, a, 2);
    line.push(sep);
    push_pad(line, b, 2);
    line.push(sep);
    push_pad(line, y.max(0) as u32, 4);
}

fn hms(line: &mut Vec<u8>, h: u32, m: u32, s: u32) {
    push_pad(line, h, 2);
    line.push(b':');
    push_pad(line, m, 2);
    line.push(b':');
    push_pad(line, s, 2);
}

/// Writes a CSV field, quoted when it holds the delimiter, a quote or a line break.
fn field(line: &mut Vec<u8>, value: &str, sep: u8) {
    let bytes = value.as_bytes();
    if bytes.iter().any(|b| *b == sep || *b == b'"' || *b == b'\n' || *b == b'\r') {
        line.push(b'"');
        for b in bytes {
            if *b == b'"' {
                line.push(b'"');
            }
            line.push(*b);
        }
        line.push(b'"');
    } else {
        line.extend_from_slice(bytes);
    }
}

/// Turns UTF-8 lines into the configured encoding, buffered.
struct Encoder<W: Write> {
    out: BufWriter<W>,
    encoding: Encoding,
    crlf: bool,
    /// The line being built, UTF-8, without its end.
    line: Vec<u8>,
    scratch: Vec<u8>,
    bytes: u64,
}

impl<W: Write> Encoder<W> {
    fn new(out: W, encoding: Encoding, crlf: bool) -> io::Result<Self> {
        let mut e = Encoder {
            out: BufWriter::with_capacity(1 << 20, out),
            encoding,
            crlf,
            line: Vec::with_capacity(512),
            scratch: Vec::with_capacity(1024),
            bytes: 0,
        };
        let bom: &[u8] = match encoding {
            Encoding::Utf8Bom => b"\xEF\xBB\xBF",
            Encoding::Utf16Le => b"\xFF\xFE",
            Encoding::Utf16Be => b"\xFE\xFF",
            Encoding::Utf8 | Encoding::Windows1252 => b"",
        };
        e.out.write_all(bom)?;
        e.bytes += bom.len() as u64;
        Ok(e)
    }

    fn end_line(&mut self) -> io::Result<()> {
        if self.crlf {
            self.line.push(b'\r');
        }
        self.line.push(b'\n');
        let text = std::str::from_utf8(&self.line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let bytes: &[u8] = match self.encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes(),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                self.scratch.clear();
                for unit in text.encode_utf16() {
                    let pair = if self.encoding == Encoding::Utf16Le { unit.to_le_bytes() } else { unit.to_be_bytes() };
                    self.scratch.extend_from_slice(&pair);
                }
                &self.scratch
            }
            Encoding::Windows1252 => {
                let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(text);
                self.scratch.clear();
                self.scratch.extend_from_slice(&encoded);
                &self.scratch
            }
        };
        self.out.write_all(bytes)?;
        self.bytes += bytes.len() as u64;
        self.line.clear();
        Ok(())
    }

    fn finish(mut self) -> io::Result<u64> {
        self.out.flush()?;
        Ok(self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gen(config: &GeneratorConfig) -> (Vec<u8>, Summary) {
        let mut out = Vec::new();
        let summary = generate_log(config, &mut out).expect("generate");
        (out, summary)
    }

    #[test]
    fn same_seed_same_bytes() {
        let config = GeneratorConfig { rows: 2_000, ..GeneratorConfig::default() };
        assert_eq!(gen(&config).0, gen(&config).0);
        let other = GeneratorConfig { seed: 43, ..config.clone() };
        assert_ne!(gen(&config).0, gen(&other).0);
    }

    #[test]
    fn summary_adds_up_and_matches_the_rows() {
        let config = GeneratorConfig { rows: 5_000, ..GeneratorConfig::default() };
        let (bytes, s) = gen(&config);
        assert_eq!(s.rows, 5_000);
        assert_eq!(s.rows, s.counted + s.excluded.total() + s.rejected);
        assert!(s.excluded.proof > 0 && s.excluded.status > 0 && s.excluded.failure_reason > 0);
        assert_eq!(s.bytes, bytes.len() as u64);
        let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let header = reader.headers().expect("header").clone();
        assert_eq!(&header[0], "Recipient ID");
        let records: Vec<_> = reader.records().collect::<Result<_, _>>().expect("records");
        assert_eq!(records.len(), 5_000);
        assert!(records.iter().all(|r| r.len() == header.len()));
        assert_eq!(s.last_day, Some(config.end));
        assert_eq!(s.first_day, Some(config.start));
    }

    #[test]
    fn demo_is_small_and_spans_two_years() {
        let bytes = demo();
        assert!(bytes.len() < 1_000_000, "{}", bytes.len());
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.starts_with("Instance,Recipient ID,Event date,"));
        assert!(text.contains("2026-10-24 ") && text.contains("2024-10-25 "));
        assert!(!text.contains("2026-10-25"));
        let (_, s) = gen(&GeneratorConfig::demo());
        assert!((2..=4).contains(&s.rejected), "{s:?}");
        assert!(s.excluded.social > 0 && s.excluded.control > 0);
    }

    #[test]
    fn every_layout_reads_back() {
        for (i, dates) in DateFormat::ALL.iter().enumerate() {
            for encoding in
                [Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Windows1252]
            {
                let delimiter = [b',', b';', b'\t', b'|'][i % 4];
                let config = GeneratorConfig {
                    rows: 300,
                    deliveries_file: i % 2 == 0,
                    subject_column: i % 3 != 1,
                    layout: Layout {
                        delimiter,
                        encoding,
                        dates: *dates,
                        headers: if i % 2 == 0 { HeaderStyle::Internal } else { HeaderStyle::Labels },
                        enums: if i % 3 == 0 { EnumStyle::Numbers } else { EnumStyle::Labels },
                        crlf: i % 2 == 1,
                    },
                    ..GeneratorConfig::default()
                };
                let (mut log, mut dels) = (Vec::new(), Vec::new());
                let s = generate(&config, &mut log, config.deliveries_file.then_some(&mut dels)).expect("generate");
                let text = decode(&log, encoding);
                let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
                let n = reader.records().collect::<Result<Vec<_>, _>>().expect("records").len();
                assert_eq!(n as u64, s.rows, "{dates:?} {encoding:?}");
                if config.deliveries_file {
                    let text = decode(&dels, encoding);
                    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
                    assert_eq!(
                        reader.records().collect::<Result<Vec<_>, _>>().expect("records").len() as u64,
                        s.deliveries
                    );
                }
            }
        }
    }

    fn decode(bytes: &[u8], encoding: Encoding) -> String {
        match encoding {
            Encoding::Utf8 => String::from_utf8(bytes.to_vec()).expect("utf-8"),
            Encoding::Utf8Bom => {
                assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
                String::from_utf8(bytes[3..].to_vec()).expect("utf-8")
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let units: Vec<u16> = bytes[2..]
                    .chunks(2)
                    .map(|c| {
                        if encoding == Encoding::Utf16Le {
                            u16::from_le_bytes([c[0], c[1]])
                        } else {
                            u16::from_be_bytes([c[0], c[1]])
                        }
                    })
                    .collect();
                String::from_utf16(&units).expect("utf-16")
            }
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
        }
    }

    #[test]
    fn case_variants_appear() {
        let config = GeneratorConfig {
            rows: 20_000,
            shares: Shares { case_variant: 0.2, ..Shares::default() },
            ..GeneratorConfig::default()
        };
        let (bytes, _) = gen(&config);
        let text = String::from_utf8(bytes).expect("utf-8");
        let mut lower = std::collections::HashMap::<String, std::collections::BTreeSet<String>>::new();
        for line in text.lines().skip(1) {
            if let Some(addr) = line.split(',').find(|f| f.contains('@')) {
                lower.entry(addr.to_lowercase()).or_default().insert(addr.to_owned());
            }
        }
        assert!(lower.values().any(|v| v.len() > 1));
    }

    #[test]
    fn bad_configs_are_refused() {
        let bad =
            GeneratorConfig { layout: Layout { delimiter: b':', ..Layout::default() }, ..GeneratorConfig::default() };
        assert!(generate_log(&bad, Vec::new()).is_err());
        let bad = GeneratorConfig { deliveries_file: true, ..GeneratorConfig::default() };
        assert!(generate_log(&bad, Vec::new()).is_err());
        assert!("tsv".parse::<DateFormat>().is_err());
        assert_eq!("ISO-offset".parse::<DateFormat>(), Ok(DateFormat::IsoOffset));
    }
}
