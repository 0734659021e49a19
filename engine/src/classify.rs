//! Classifying a row's values: statuses, failure reasons, channels, dimensions and flags, with per-value caches.
//!
//! Every value is looked up once per distinct byte string and the answer
//! cached, so the row loop does one hash lookup per classified column.

use std::collections::{BTreeMap, BTreeSet};

use crate::languages::{Words, CHANNELS, FAILURE_REASONS, STATUSES};
use crate::options::Rules;
use crate::FastMap;

/// Lower case, letters and digits only, accents folded, for matching labels (`Delivery cancelled` =
/// `delivery-cancelled`, `Ignoré` = `ignore`): [`crate::normalise`] of the bytes.
pub(crate) fn norm(v: &[u8]) -> String {
    crate::fields::normalise(&String::from_utf8_lossy(v))
}

/// A table of localized labels (normalised) to their English counterpart.
fn localized(table: &[Words]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for words in table {
        for (_, label) in words.localized() {
            out.entry(norm(label.as_bytes())).or_insert_with(|| words.english.to_string());
        }
    }
    out
}

fn as_int(v: &[u8]) -> Option<i64> {
    std::str::from_utf8(v).ok()?.trim().parse().ok()
}

/// What a status value means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Counted,
    Excluded,
    /// Not in the rules: counted, and listed in the report.
    Unknown,
    /// Not in the spec's default rules, classified by a rule of the user's:
    /// still listed in the report, so that the user sees it and can change it back.
    ByUser {
        counted: bool,
    },
}

impl Status {
    /// The row is excluded at step 4.
    pub(crate) fn excludes(self) -> bool {
        matches!(self, Status::Excluded | Status::ByUser { counted: false })
    }

    /// The value is listed among the report's unrecognised values.
    pub(crate) fn listed(self) -> bool {
        matches!(self, Status::Unknown | Status::ByUser { .. })
    }
}

/// What a failure reason means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    Counted,
    Excluded,
    Control,
    /// Not in the rules: counted, and listed in the report.
    Unknown,
}

/// The classification rules compiled for lookups.
#[derive(Clone, Debug)]
pub(crate) struct Classifier {
    status: BTreeMap<String, Status>,
    status_numbers: BTreeMap<i64, String>,
    reason_labels: BTreeMap<String, i64>,
    known_reasons: BTreeSet<i64>,
    excluded_reasons: BTreeSet<i64>,
    control_reasons: BTreeSet<i64>,
    social: BTreeSet<String>,
    channel_numbers: BTreeMap<i64, String>,
    channel_labels: BTreeMap<String, String>,
    /// Dutch, Swedish, French and German labels (normalised) to their English counterpart, looked up
    /// only when the English ones do not know a value.
    localized_status: BTreeMap<String, String>,
    localized_reasons: BTreeMap<String, String>,
    localized_channels: BTreeMap<String, String>,
}

impl Classifier {
    pub(crate) fn new(rules: &Rules) -> Self {
        let defaults = Rules::default();
        let numbers = defaults.status_numbers.keys().map(|n| n.to_string());
        let known: BTreeSet<String> = defaults
            .counted_status
            .iter()
            .chain(&defaults.excluded_status)
            .map(|v| norm(v.as_bytes()))
            .chain(numbers)
            .collect();
        // A value the spec does not know keeps being listed, whatever the user made of it.
        let meaning = |v: &String, counted: bool| {
            let key = norm(v.as_bytes());
            let meaning = match (known.contains(&key), counted) {
                (true, true) => Status::Counted,
                (true, false) => Status::Excluded,
                (false, counted) => Status::ByUser { counted },
            };
            (key, meaning)
        };
        let mut status = BTreeMap::new();
        for v in &rules.counted_status {
            let (key, meaning) = meaning(v, true);
            status.insert(key, meaning);
        }
        for v in &rules.excluded_status {
            let (key, meaning) = meaning(v, false);
            status.insert(key, meaning);
        }
        let mut reason_labels = BTreeMap::new();
        for (n, labels) in &rules.failure_reasons {
            for l in labels {
                reason_labels.insert(norm(l.as_bytes()), *n);
            }
        }
        Classifier {
            status,
            status_numbers: rules.status_numbers.clone(),
            reason_labels,
            known_reasons: rules.failure_reasons.keys().copied().collect(),
            excluded_reasons: rules.excluded_failure_reasons.iter().copied().collect(),
            control_reasons: rules.control_failure_reasons.iter().copied().collect(),
            social: rules.social_channels.iter().map(|s| norm(s.as_bytes())).collect(),
            channel_numbers: rules.channel_numbers.clone(),
            channel_labels: rules.channel_numbers.values().map(|name| (norm(name.as_bytes()), name.clone())).collect(),
            localized_status: localized(STATUSES),
            localized_reasons: localized(FAILURE_REASONS),
            localized_channels: localized(CHANNELS),
        }
    }

    pub(crate) fn status(&self, v: &[u8]) -> Status {
        let key = norm(v);
        if let Some(s) = self.status.get(&key) {
            return *s;
        }
        if let Some(label) = as_int(v).and_then(|n| self.status_numbers.get(&n)) {
            if let Some(s) = self.status.get(&norm(label.as_bytes())) {
                return *s;
            }
        }
        if let Some(s) = self.localized_status.get(&key).and_then(|english| self.status.get(&norm(english.as_bytes())))
        {
            return *s;
        }
        Status::Unknown
    }

    pub(crate) fn failure(&self, v: &[u8]) -> Failure {
        let n = match as_int(v) {
            Some(n) => n,
            None => {
                let key = norm(v);
                let english = self.localized_reasons.get(&key).map(|e| norm(e.as_bytes()));
                match self.reason_labels.get(&key).or_else(|| english.and_then(|e| self.reason_labels.get(&e))) {
                    Some(n) => *n,
                    None => return Failure::Unknown,
                }
            }
        };
        if self.control_reasons.contains(&n) {
            Failure::Control
        } else if self.excluded_reasons.contains(&n) {
            Failure::Excluded
        } else if self.known_reasons.contains(&n) {
            Failure::Counted
        } else {
            Failure::Unknown
        }
    }

    /// The channel's name in the report, and whether it is social.
    pub(crate) fn channel(&self, v: &[u8]) -> (String, bool) {
        let name = match as_int(v) {
            Some(n) => self.channel_numbers.get(&n).cloned().unwrap_or_else(|| n.to_string()),
            None => {
                let key = norm(v);
                let english = || {
                    let e = self.localized_channels.get(&key)?;
                    Some(self.channel_labels.get(&norm(e.as_bytes())).unwrap_or(e).clone())
                };
                self.channel_labels
                    .get(&key)
                    .cloned()
                    .or_else(english)
                    .unwrap_or_else(|| String::from_utf8_lossy(v).trim().to_string())
            }
        };
        let social = self.social.contains(&norm(name.as_bytes())) || self.social.contains(&norm(v));
        (name, social)
    }
}

/// The report's name of a target dimension value.
pub(crate) fn dimension(v: &[u8]) -> String {
    match norm(v).as_str() {
        "nmsrecipient" | "recipient" | "recipients" => "Recipients".into(),
        "anonymous" => "Anonymous".into(),
        _ => String::from_utf8_lossy(v).trim().to_string(),
    }
}

/// A flag column: `Some(true)` for 1/true/yes/y/x, `Some(false)` for empty/0/false/no/n, `None` otherwise;
/// also yes and no in Dutch, Swedish, French and German (ja/nee, ja/nej, oui/non, ja/nein, and their
/// words for true and false).
pub(crate) fn flag(v: &[u8]) -> Option<bool> {
    let v = v.trim_ascii();
    if v.is_empty() {
        return Some(false);
    }
    if v.len() > 6 {
        return None;
    }
    let mut lower = [0u8; 6];
    for (d, s) in lower.iter_mut().zip(v) {
        *d = s.to_ascii_lowercase();
    }
    match &lower[..v.len()] {
        b"1" | b"true" | b"yes" | b"y" | b"x" => Some(true),
        b"0" | b"false" | b"no" | b"n" => Some(false),
        b"ja" | b"oui" | b"waar" | b"sann" | b"vrai" | b"wahr" => Some(true),
        b"nee" | b"nej" | b"non" | b"nein" | b"onwaar" | b"falsk" | b"faux" | b"falsch" => Some(false),
        _ => None,
    }
}

/// A cache from a value's bytes to what it means.
///
/// The first [`FEW`] values are looked up by comparing bytes, without hashing: a column of a few
/// distinct values (channel, status, target dimension) never hashes, which matters in the
/// viewer's WebAssembly (no 64-to-128-bit multiply for the hash). Later values go to a map.
#[derive(Clone, Debug)]
pub(crate) struct ValueCache<T> {
    few: Vec<(Box<[u8]>, T)>,
    map: FastMap<Box<[u8]>, T>,
    /// The last value looked up: consecutive rows often repeat it.
    last_key: Vec<u8>,
    last: Option<T>,
}

/// How many values a [`ValueCache`] compares before it hashes.
const FEW: usize = 8;

impl<T> Default for ValueCache<T> {
    fn default() -> Self {
        ValueCache { few: Vec::new(), map: FastMap::default(), last_key: Vec::new(), last: None }
    }
}

impl<T: Copy> ValueCache<T> {
    /// What `v` means if it was seen, without the last-value shortcut.
    #[inline]
    fn find(&self, v: &[u8]) -> Option<T> {
        for (key, t) in &self.few {
            if **key == *v {
                return Some(*t);
            }
        }
        if self.few.len() < FEW {
            // Every value seen so far is in `few`.
            return None;
        }
        self.map.get(v).copied()
    }

    #[inline]
    pub(crate) fn peek(&self, v: &[u8]) -> Option<T> {
        match self.last {
            Some(t) if self.last_key == v => Some(t),
            _ => self.find(v),
        }
    }

    #[inline]
    pub(crate) fn get_or(&mut self, v: &[u8], make: impl FnOnce(&[u8]) -> T) -> T {
        if let Some(t) = self.last {
            if self.last_key == v {
                return t;
            }
        }
        let t = match self.find(v) {
            Some(t) => t,
            None => {
                let t = make(v);
                if self.few.len() < FEW {
                    self.few.push((v.into(), t));
                } else if self.map.len() < 100_000 {
                    self.map.insert(v.into(), t);
                }
                t
            }
        };
        self.last_key.clear();
        self.last_key.extend_from_slice(v);
        self.last = Some(t);
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_cache_past_its_few_compared_values() {
        let mut cache = ValueCache::default();
        let mut made = 0;
        let values: Vec<Vec<u8>> = (0..3 * FEW as u32).map(|i| format!("value {i}").into_bytes()).collect();
        for round in 0..3 {
            for (i, v) in values.iter().enumerate().rev() {
                let got = cache.get_or(v, |_| {
                    made += 1;
                    i as u32
                });
                assert_eq!(got, i as u32, "round {round}");
                assert_eq!(cache.peek(v), Some(i as u32));
            }
        }
        assert_eq!(made, values.len(), "each value made once");
        assert_eq!(cache.peek(b"value"), None);
        assert_eq!(cache.peek(b""), None);
    }

    #[test]
    fn defaults() {
        let c = Classifier::new(&Rules::default());
        assert_eq!(c.status(b"Sent"), Status::Counted);
        assert_eq!(c.status(b"delivery CANCELLED"), Status::Excluded);
        assert_eq!(c.status(b"0"), Status::Excluded);
        assert_eq!(c.status(b"7"), Status::Excluded);
        assert_eq!(c.status(b"2"), Status::Counted);
        assert_eq!(c.status(b"Declined"), Status::Unknown);
        assert_eq!(c.failure(b"127"), Failure::Control);
        assert_eq!(c.failure(b"Blacklisted address"), Failure::Excluded);
        assert_eq!(c.failure(b"Mailbox full"), Failure::Counted);
        assert_eq!(c.failure(b"13"), Failure::Unknown);
        assert_eq!(c.channel(b"email"), ("Email".to_string(), false));
        assert_eq!(c.channel(b"Twitter"), ("Twitter".to_string(), true));
        assert_eq!(c.status(b"Ignor\xc3\xa9"), Status::Excluded, "French, accent as written");
        assert_eq!(c.status(b"Ignore"), Status::Excluded, "French 'Ignor\u{e9}' typed without its accent");
        assert_eq!(c.failure(b"Postfach voll"), Failure::Counted);
        assert_eq!(c.failure(b"Adresse t\xc3\xa9moin"), Failure::Control);
        assert_eq!(c.channel(b"Courrier"), ("Direct mail".to_string(), false));
        assert_eq!(flag(b" Yes "), Some(true));
        assert_eq!(flag(b""), Some(false));
        assert_eq!(flag(b"maybe"), None);
        assert_eq!((flag(b"Oui"), flag(b"NEIN"), flag(b"falsch")), (Some(true), Some(false), Some(false)));
    }
}
