//! The mergeable counting state (placeholder for the slice: keys in column 0, dates in column 1).

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use crate::{Options, Report, ReportSettings};

/// A file being read, handed out by [`Counter::begin_file`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId(usize);

/// Partial counting state over the files pushed so far.
#[derive(Clone, Debug, Default)]
pub struct Counter {
    _options: Options,
    buffers: Vec<Vec<u8>>,
    last_day: BTreeMap<String, NaiveDate>,
}

impl Counter {
    pub fn new(options: Options) -> Self {
        Counter { _options: options, ..Default::default() }
    }

    pub fn begin_file(&mut self, _name: &str, _instance: Option<&str>) -> FileId {
        self.buffers.push(Vec::new());
        FileId(self.buffers.len() - 1)
    }

    pub fn push(&mut self, file: FileId, chunk: &[u8]) {
        self.buffers[file.0].extend_from_slice(chunk);
    }

    pub fn end_file(&mut self, file: FileId) {
        let bytes = std::mem::take(&mut self.buffers[file.0]);
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        for record in reader.records().flatten() {
            let (Some(key), Some(date)) = (record.get(0), record.get(1)) else { continue };
            let Ok(day) = NaiveDate::parse_from_str(date.get(..10).unwrap_or(date), "%Y-%m-%d") else { continue };
            let last = self.last_day.entry(key.to_owned()).or_insert(day);
            *last = (*last).max(day);
        }
    }

    pub fn merge(&mut self, other: Counter) {
        for (key, day) in other.last_day {
            let last = self.last_day.entry(key).or_insert(day);
            *last = (*last).max(day);
        }
    }

    pub fn report(&self, settings: &ReportSettings) -> Report {
        let as_of = settings.as_of.or_else(|| self.last_day.values().max().copied());
        let total_active = match as_of.and_then(|d| d.checked_sub_months(Months::new(12)).map(|from| (from, d))) {
            Some((from, to)) => self.last_day.values().filter(|d| **d > from && **d <= to).count() as u64,
            None => 0,
        };
        Report { format: crate::report::FORMAT.into(), as_of: as_of.map(|d| d.to_string()), total_active, ..Default::default() }
    }
}
