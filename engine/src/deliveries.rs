//! The optional deliveries file: per-delivery channel, target dimension, transactional and proof flags, joined to log rows.
//!
//! It is read with the same format rules as the logs (encoding, delimiter,
//! quotes), from pushed chunks, and must be handed to the counter
//! ([`crate::Counter::set_deliveries`]) before the log files are pushed. A
//! value on a log row always wins over the deliveries file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::classify::flag;
use crate::csvread::{record_strings, DecodedCsv, Record};
use crate::fields::{match_headers, DeliveryField, DELIVERY_FIELDS};
use crate::{FastMap, FileError, Options};

/// What the deliveries file says about one delivery.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryInfo {
    pub label: Option<String>,
    pub channel: Option<String>,
    pub target_dimension: Option<String>,
    pub transactional: Option<bool>,
    pub proof: Option<bool>,
}

/// A deliveries table, read from pushed chunks.
///
/// ```
/// let mut d = engine::Deliveries::new("deliveries.csv", &engine::Options::default());
/// d.push(b"internalName;label;targetMapping\nDM1;Welcome;Visitors\n").unwrap();
/// d.finish().unwrap();
/// assert_eq!(d.len(), 1);
/// ```
#[derive(Serialize, Deserialize)]
pub struct Deliveries {
    name: String,
    entries: Vec<(String, DeliveryInfo)>,
    #[serde(skip)]
    by_key: FastMap<String, u32>,
    #[serde(skip)]
    by_label: FastMap<String, u32>,
    #[serde(skip)]
    reader: Option<Reader>,
    /// How the file was read: encoding, delimiter, columns.
    pub columns: BTreeMap<String, String>,
    pub encoding: String,
    pub delimiter: String,
}

struct Reader {
    csv: DecodedCsv,
    mapping: BTreeMap<DeliveryField, String>,
    columns: Option<BTreeMap<DeliveryField, usize>>,
    error: Option<FileError>,
}

impl Clone for Deliveries {
    fn clone(&self) -> Self {
        let mut d = Deliveries {
            name: self.name.clone(),
            entries: self.entries.clone(),
            by_key: FastMap::default(),
            by_label: FastMap::default(),
            reader: None,
            columns: self.columns.clone(),
            encoding: self.encoding.clone(),
            delimiter: self.delimiter.clone(),
        };
        d.reindex();
        d
    }
}

impl std::fmt::Debug for Deliveries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Deliveries({}, {} entries)", self.name, self.entries.len())
    }
}

impl Deliveries {
    /// Starts reading a deliveries file; `options.deliveries_mapping` overrides the header aliases.
    pub fn new(name: &str, options: &Options) -> Self {
        let mapping = options
            .deliveries_mapping
            .iter()
            .filter_map(|(field, header)| DeliveryField::parse(field).map(|f| (f, header.clone())))
            .collect();
        Deliveries {
            name: name.into(),
            entries: Vec::new(),
            by_key: FastMap::default(),
            by_label: FastMap::default(),
            reader: Some(Reader { csv: DecodedCsv::new(), mapping, columns: None, error: None }),
            columns: BTreeMap::new(),
            encoding: String::new(),
            delimiter: String::new(),
        }
    }

    /// Feeds a chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), FileError> {
        self.feed(chunk, false)
    }

    /// Ends the file.
    pub fn finish(&mut self) -> Result<(), FileError> {
        self.feed(&[], true)?;
        if let Some(reader) = self.reader.take() {
            self.encoding = reader.csv.decoder.encoding();
            self.delimiter = reader.csv.delimiter_name();
        }
        self.reindex();
        Ok(())
    }

    /// Number of deliveries read.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no delivery was read.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The delivery a log row's delivery value stands for: by join key, else by label.
    pub fn get(&self, delivery: &str) -> Option<&DeliveryInfo> {
        self.index_of(delivery).map(|i| &self.entries[i as usize].1)
    }

    pub(crate) fn index_of(&self, delivery: &str) -> Option<u32> {
        let d = delivery.trim();
        self.by_key.get(d).or_else(|| self.by_label.get(d)).copied()
    }

    pub(crate) fn info(&self, index: u32) -> &DeliveryInfo {
        &self.entries[index as usize].1
    }

    pub(crate) fn reindex(&mut self) {
        self.by_key.clear();
        self.by_label.clear();
        for (i, (key, info)) in self.entries.iter().enumerate() {
            self.by_key.entry(key.clone()).or_insert(i as u32);
            if let Some(label) = &info.label {
                self.by_label.entry(label.clone()).or_insert(i as u32);
            }
        }
    }

    fn feed(&mut self, chunk: &[u8], last: bool) -> Result<(), FileError> {
        let Some(reader) = self.reader.as_mut() else {
            return Ok(());
        };
        if let Some(e) = &reader.error {
            return Err(e.clone());
        }
        let Reader { csv, mapping, columns, error } = reader;
        let name = &self.name;
        let entries = &mut self.entries;
        let found = &mut self.columns;
        csv.push(chunk, last, &mut |rec: &Record<'_>| {
            if error.is_some() {
                return;
            }
            let Some(cols) = columns.as_ref() else {
                let headers = record_strings(rec);
                match match_headers(&headers, &DELIVERY_FIELDS, DeliveryField::match_names, mapping) {
                    Ok(m) if m.contains_key(&DeliveryField::Delivery) => {
                        for (f, c) in &m {
                            found.insert(f.name().to_string(), headers[*c].clone());
                        }
                        *columns = Some(m);
                    }
                    Ok(_) => {
                        *error = Some(FileError::MissingFields {
                            file: name.clone(),
                            missing: vec!["delivery".into()],
                            headers,
                        });
                    }
                    Err((field, header)) => {
                        *error = Some(FileError::MappedHeaderMissing {
                            file: name.clone(),
                            field: field.name().into(),
                            header,
                            headers,
                        });
                    }
                }
                return;
            };
            let text = |f: DeliveryField| {
                cols.get(&f).map(|c| String::from_utf8_lossy(rec.get(*c)).trim().to_string()).filter(|s| !s.is_empty())
            };
            let Some(key) = text(DeliveryField::Delivery) else {
                return;
            };
            let info = DeliveryInfo {
                label: text(DeliveryField::Label),
                channel: text(DeliveryField::Channel),
                target_dimension: text(DeliveryField::TargetDimension),
                transactional: text(DeliveryField::Transactional).and_then(|v| flag(v.as_bytes())),
                proof: text(DeliveryField::Proof).and_then(|v| flag(v.as_bytes())),
            };
            entries.push((key, info));
        });
        match &reader.error {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}
