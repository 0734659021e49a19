//! Settings that steer reading and classifying (options) and reporting (report settings).
//!
//! [`Options`] are fixed for the life of a [`crate::Counter`]: they decide
//! which rows count, so changing them means reading the files again.
//! [`ReportSettings`] only choose what a report shows and can change freely.
//! `Options::default()` is the spec's defaults.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::fields::{normalise, DeliveryField, Field};
use crate::message::{Arg, Message};

/// How files are read and rows classified. Fixed for the life of a [`crate::Counter`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Manual column mapping of log files: field name (`"event date"`, see [`crate::FIELDS`]) to header as written.
    pub mapping: BTreeMap<String, String>,
    /// Manual column mapping of the deliveries file (see [`crate::DELIVERY_FIELDS`]).
    pub deliveries_mapping: BTreeMap<String, String>,
    /// Read `03/04/2026` as the 3rd of April when a file never tells (default `true`).
    pub day_first: bool,
    /// The report's time zone: `UTC`, a fixed offset such as `+02:00` or an IANA name such as
    /// `Europe/Paris` (see [`TimeZone`]).
    pub time_zone: String,
    /// The instance of rows whose file names none (default `default`).
    pub default_instance: String,
    /// Classification rules.
    pub rules: Rules,
    /// The most distinct profiles a counter takes (default [`MAX_PROFILES`]); a file that would
    /// go past it stops with [`crate::FileError::TooManyProfiles`], naming its line.
    pub max_profiles: usize,
}

/// The default limit of distinct profiles: what the memory of the platform holds with room to spare
/// (about 95 bytes a profile at the peak, its key and its further targeted days included): 30
/// million in the browser's 4 GiB WebAssembly memory, 200 million natively.
pub const MAX_PROFILES: usize = if cfg!(target_arch = "wasm32") { 30_000_000 } else { 200_000_000 };

impl Default for Options {
    fn default() -> Self {
        Options {
            mapping: BTreeMap::new(),
            deliveries_mapping: BTreeMap::new(),
            day_first: true,
            time_zone: "UTC".into(),
            default_instance: "default".into(),
            max_profiles: MAX_PROFILES,
            rules: Rules::default(),
        }
    }
}

impl Options {
    /// Maps a log field (by its name, e.g. `"event date"`) to a header, overriding the aliases.
    pub fn map(&mut self, field: &str, header: &str) -> Result<(), Message> {
        let f = Field::parse(field).ok_or_else(|| {
            let names = crate::FIELDS.iter().map(|f| f.name().to_string()).collect();
            Message::new("option-unknown-field").with("field", Arg::Text(field.into())).with("fields", Arg::List(names))
        })?;
        self.mapping.insert(f.name().into(), header.into());
        Ok(())
    }

    /// Maps a deliveries-file field to a header.
    pub fn map_deliveries(&mut self, field: &str, header: &str) -> Result<(), Message> {
        let f = DeliveryField::parse(field)
            .ok_or_else(|| Message::new("option-unknown-deliveries-field").with("field", Arg::Text(field.into())))?;
        self.deliveries_mapping.insert(f.name().into(), header.into());
        Ok(())
    }

    /// Checks the options: the time zone, the mapping's field names.
    pub fn validate(&self) -> Result<(), String> {
        TimeZone::parse(&self.time_zone)?;
        for field in self.mapping.keys() {
            Field::parse(field).ok_or_else(|| format!("unknown field '{field}'; fields: {}", field_list()))?;
        }
        for field in self.deliveries_mapping.keys() {
            DeliveryField::parse(field).ok_or_else(|| format!("unknown deliveries field '{field}'"))?;
        }
        Ok(())
    }
}

fn field_list() -> String {
    crate::FIELDS.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")
}

/// Which values count and which exclude. Every default of the spec, every one changeable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    /// Status values (labels or numbers, matched ignoring case, spaces and punctuation) that count.
    pub counted_status: Vec<String>,
    /// Status values that exclude the row.
    pub excluded_status: Vec<String>,
    /// Numeric status values and the label they stand for.
    pub status_numbers: BTreeMap<i64, String>,
    /// Failure reasons: number and its labels.
    pub failure_reasons: BTreeMap<i64, Vec<String>>,
    /// Failure reasons that exclude the row (step 5).
    pub excluded_failure_reasons: Vec<i64>,
    /// Failure reasons that mark a control-group member (step 3).
    pub control_failure_reasons: Vec<i64>,
    /// Channels left out as social (step 2), matched ignoring case.
    pub social_channels: Vec<String>,
    /// Numeric channel values (`messageType`) and their names.
    pub channel_numbers: BTreeMap<i64, String>,
}

impl Default for Rules {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let reasons: &[(i64, &[&str])] = &[
            (0, &["Not defined"]),
            (1, &["User unknown"]),
            (2, &["Invalid domain"]),
            (3, &["Unreachable"]),
            (4, &["Account disabled"]),
            (5, &["Mailbox full"]),
            (6, &["Not connected"]),
            (7, &["Address not specified"]),
            (8, &["Denylisted address", "Blacklisted address"]),
            (9, &["Address in quarantine", "Quarantined address"]),
            (10, &["Double", "Duplicate"]),
            (11, &["Excluded by a SQL rule"]),
            (12, &["Excluded after arbitration"]),
            (14, &["Bad-quality address"]),
            (15, &["Unqualified address"]),
            (16, &["Not eligible for the offers"]),
            (17, &["Target limited in size"]),
            (20, &["Refused"]),
            (25, &["Error ignored"]),
            (127, &["Control address"]),
        ];
        Rules {
            counted_status: s(&[
                "Sent",
                "Failed",
                "Pending",
                "Prepared",
                "Sent to the service provider",
                "Taken into account by the service provider",
                "Received on mobile",
                "Delivery confirmed",
            ]),
            excluded_status: s(&["Ignored", "Delivery cancelled", "Cancelled", "Canceled", "Not applicable"]),
            status_numbers: [(0, "Ignored"), (1, "Sent"), (2, "Failed"), (6, "Pending"), (7, "Delivery cancelled")]
                .into_iter()
                .map(|(n, l)| (n, l.to_string()))
                .collect(),
            failure_reasons: reasons.iter().map(|(n, l)| (*n, s(l))).collect(),
            excluded_failure_reasons: vec![7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 127],
            control_failure_reasons: vec![127],
            social_channels: s(&["Twitter", "X", "Facebook"]),
            channel_numbers: [(0, "Email"), (1, "SMS"), (2, "Phone"), (3, "Direct mail")]
                .into_iter()
                .map(|(n, l)| (n, l.to_string()))
                .collect(),
        }
    }
}

impl Rules {
    /// Makes a status value (label or number) count or exclude.
    pub fn set_status(&mut self, value: &str, counted: bool) {
        let key = normalise(value);
        self.counted_status.retain(|v| normalise(v) != key);
        self.excluded_status.retain(|v| normalise(v) != key);
        if counted {
            self.counted_status.push(value.trim().to_string());
        } else {
            self.excluded_status.push(value.trim().to_string());
        }
    }

    /// Makes a failure reason (number or label) exclude the row, or not.
    pub fn set_failure_reason(&mut self, value: &str, excluded: bool) -> Result<(), Message> {
        let n = match value.trim().parse::<i64>() {
            Ok(n) => n,
            Err(_) => {
                let key = normalise(value);
                self.failure_reasons
                    .iter()
                    .find(|(_, labels)| labels.iter().any(|l| normalise(l) == key))
                    .map(|(n, _)| *n)
                    .ok_or_else(|| {
                        Message::new("option-unknown-failure-reason").with("value", Arg::Text(value.into()))
                    })?
            }
        };
        self.excluded_failure_reasons.retain(|r| *r != n);
        if excluded {
            self.excluded_failure_reasons.push(n);
            self.excluded_failure_reasons.sort_unstable();
        }
        Ok(())
    }

    /// Applies a rule written as `VALUE=counted|excluded` (a status value),
    /// `status:VALUE=...` or `reason:VALUE=...` (a failure reason).
    pub fn apply(&mut self, rule: &str) -> Result<(), Message> {
        let said = |id: &str| Message::new(id).with("rule", Arg::Text(rule.into()));
        let (target, verdict) = rule.rsplit_once('=').ok_or_else(|| said("option-rule-syntax"))?;
        let counted = match verdict.trim().to_ascii_lowercase().as_str() {
            "counted" | "count" | "yes" => true,
            "excluded" | "exclude" | "no" => false,
            other => return Err(said("option-rule-verdict").with("verdict", Arg::Text(other.into()))),
        };
        let (kind, value) = match target.split_once(':') {
            Some((k, v)) => (crate::fields::normalise(k), v),
            None => ("status".to_string(), target),
        };
        match kind.as_str() {
            "status" => {
                self.set_status(value, counted);
                Ok(())
            }
            "reason" | "failurereason" => self.set_failure_reason(value, !counted),
            other => Err(said("option-rule-kind").with("kind", Arg::Text(other.into()))),
        }
    }
}

/// The report's time zone: UTC, a fixed offset, or a zone of the IANA time-zone database
/// (`Europe/Paris`, with its daylight saving time).
///
/// A timestamp with an explicit offset is converted into this zone, with the
/// zone's offset at that instant; one without is taken as already being in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeZone {
    /// A fixed offset: seconds east of UTC.
    Fixed { offset_secs: i32 },
    /// A zone of the time-zone database, by name (`Europe/Paris`).
    Named(chrono_tz::Tz),
}

impl TimeZone {
    /// `UTC`, `GMT`, `Z`, `+02:00`, `-0530`, `UTC+2`, `UTC+02:00`, or an IANA name such as
    /// `Europe/Paris` (as the database writes it).
    pub fn parse(name: &str) -> Result<TimeZone, String> {
        let t = name.trim();
        let upper = t.to_ascii_uppercase();
        let rest = upper.strip_prefix("UTC").or_else(|| upper.strip_prefix("GMT")).unwrap_or(&upper);
        if rest.is_empty() || rest == "Z" {
            return Ok(TimeZone::Fixed { offset_secs: 0 });
        }
        if let Some(offset_secs) = crate::date::parse_offset(rest.as_bytes()) {
            return Ok(TimeZone::Fixed { offset_secs });
        }
        t.parse::<chrono_tz::Tz>().map(TimeZone::Named).map_err(|_| {
            format!(
                "time zone '{t}' is not known: give UTC, a fixed offset such as +02:00 \
                 or a name of the time-zone database such as Europe/Paris"
            )
        })
    }

    /// The zone's offset from UTC (seconds east) at an instant (seconds since 1970-01-01T00:00Z).
    pub fn offset_at(&self, utc_secs: i64) -> i32 {
        self.zone().offset_at(utc_secs)
    }

    /// The zone as the row loop uses it.
    pub(crate) fn zone(self) -> crate::date::Zone {
        match self {
            TimeZone::Fixed { offset_secs } => crate::date::Zone::fixed(offset_secs),
            TimeZone::Named(tz) => crate::date::Zone::named(tz),
        }
    }
}

/// The names of the time-zone database (`Europe/Paris`, ...), each one [`TimeZone::parse`] takes.
pub fn time_zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}

/// The billing day of each month on which a snapshot is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BillingDay {
    /// A day from 1 to 28 (values outside are clamped into that range).
    Day(u8),
    /// The month's last day.
    Last,
}

impl Default for BillingDay {
    fn default() -> Self {
        BillingDay::Day(25)
    }
}

/// What a report is computed for; changing these never needs the files again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSettings {
    /// Default: the latest event date.
    pub as_of: Option<NaiveDate>,
    pub billing_day: BillingDay,
    pub purchased: Option<u64>,
    /// List the active profiles one by one, with their keys, in [`Report::profiles`](crate::Report):
    /// personal data, off unless the user asks for it.
    #[serde(default)]
    pub profiles: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones() {
        assert_eq!(TimeZone::parse("UTC"), Ok(TimeZone::Fixed { offset_secs: 0 }));
        assert_eq!(TimeZone::parse("+02:00"), Ok(TimeZone::Fixed { offset_secs: 7200 }));
        assert_eq!(TimeZone::parse("UTC-05:30"), Ok(TimeZone::Fixed { offset_secs: -19800 }));
        assert_eq!(TimeZone::parse("Europe/Paris"), Ok(TimeZone::Named(chrono_tz::Europe::Paris)));
        assert_eq!(TimeZone::parse(" America/New_York "), Ok(TimeZone::Named(chrono_tz::America::New_York)));
        // 2026-07-01T12:00Z (CEST) and 2026-12-01T12:00Z (CET).
        let paris = TimeZone::parse("Europe/Paris").unwrap();
        assert_eq!(paris.offset_at(1_782_907_200), 7200);
        assert_eq!(paris.offset_at(1_796_126_400), 3600);
        assert_eq!(
            TimeZone::parse("Europe/Pariss"),
            Err("time zone 'Europe/Pariss' is not known: give UTC, a fixed offset such as +02:00 \
                 or a name of the time-zone database such as Europe/Paris"
                .to_string())
        );
    }

    #[test]
    fn rules_apply() {
        let mut r = Rules::default();
        r.apply("Declined=excluded").unwrap();
        r.apply("reason:Refused=excluded").unwrap();
        r.apply("7=counted").unwrap();
        assert!(r.excluded_status.contains(&"Declined".to_string()));
        assert!(r.excluded_failure_reasons.contains(&20));
        assert!(r.counted_status.contains(&"7".to_string()));
        assert!(r.apply("x=maybe").is_err());
    }
}
