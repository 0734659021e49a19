//! A first look at a file for a column-mapping step: encoding, delimiter, headers and first rows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::csvread::{record_strings, DecodedCsv};
use crate::fields::{match_headers, normalise, Field, FIELDS};

/// The beginning of a file, decoded as the engine would read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub encoding: String,
    pub delimiter: String,
    /// The header line's fields as written.
    pub headers: Vec<String>,
    /// Up to the asked number of records after the header.
    pub rows: Vec<Vec<String>>,
}

/// Reads the header and up to `rows` records from the first bytes of a file.
/// `complete` says that `bytes` is the whole file (otherwise a record cut at
/// the end of `bytes` is left out).
///
/// ```
/// let p = engine::preview(b"who;when\nA;2026-01-05\nB;2026-02-0", 5, false);
/// assert_eq!(p.headers, ["who", "when"]);
/// assert_eq!(p.rows, [["A", "2026-01-05"]]);
/// assert_eq!(p.delimiter, ";");
/// ```
pub fn preview(bytes: &[u8], rows: usize, complete: bool) -> Preview {
    let mut reader = DecodedCsv::new();
    let mut records: Vec<Vec<String>> = Vec::new();
    reader.push(bytes, complete, &mut |record| {
        if records.len() <= rows {
            records.push(record_strings(record));
        }
    });
    let mut records = records.into_iter();
    Preview {
        encoding: reader.decoder.encoding(),
        delimiter: reader.delimiter_name(),
        headers: records.next().unwrap_or_default(),
        rows: records.collect(),
    }
}

/// A column that no field is read from, with the first distinct values of a preview's rows (for a
/// mapping step in the live viewer only: samples may hold personal data and never go into a report).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    /// The header as written.
    pub header: String,
    /// Its first distinct non-empty values, in the order they come.
    pub samples: Vec<String>,
}

/// The field (its name, as in `report.json`'s `files[].columns`) read from each header of `headers`:
/// `mapping` (field name to header) first, then the engine's own aliases, as a count would choose.
/// A mapped header the file lacks is left out.
///
/// ```
/// use std::collections::BTreeMap;
/// let headers: Vec<String> = ["Recipient ID", "Verzonden", "Resultaat"].map(String::from).into();
/// let found = engine::preview::matched_columns(&headers, &BTreeMap::new());
/// assert_eq!(found.get("profile key").map(String::as_str), Some("Recipient ID"));
/// assert_eq!(found.get("status"), None);
/// let mapped = BTreeMap::from([("status".to_owned(), "Resultaat".to_owned())]);
/// assert_eq!(engine::preview::matched_columns(&headers, &mapped).get("status").map(String::as_str), Some("Resultaat"));
/// ```
pub fn matched_columns(headers: &[String], mapping: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let manual: BTreeMap<Field, String> = mapping
        .iter()
        .filter_map(|(field, header)| Some((Field::parse(field)?, header.clone())))
        .filter(|(_, header)| headers.iter().any(|h| h.trim() == header.trim() || normalise(h) == normalise(header)))
        .collect();
    match match_headers(headers, &FIELDS, Field::match_names, &manual) {
        Ok(found) => found
            .into_iter()
            .filter_map(|(field, col)| Some((field.name().to_owned(), headers.get(col)?.clone())))
            .collect(),
        Err(_) => BTreeMap::new(),
    }
}

impl Preview {
    /// The columns no field is read from (with `mapping` in force), each with up to `samples` first
    /// distinct values of the preview's rows.
    ///
    /// ```
    /// let p = engine::preview(b"Recipient ID;Verzonden;Resultaat\n1;05-01-2026;Bounce\n2;06-01-2026;Verzonden\n3;07-01-2026;Bounce\n", 5, true);
    /// let left = p.unmatched(&Default::default(), 3);
    /// assert_eq!(left.iter().map(|u| u.header.as_str()).collect::<Vec<_>>(), ["Verzonden", "Resultaat"]);
    /// assert_eq!(left[1].samples, ["Bounce", "Verzonden"]);
    /// ```
    pub fn unmatched(&self, mapping: &BTreeMap<String, String>, samples: usize) -> Vec<Unmatched> {
        self.unmatched_by(&matched_columns(&self.headers, mapping), samples)
    }

    /// The columns that are not a value of `found` (field to header, as [`matched_columns`] or
    /// `engage::columns::matched_columns` gives it), each with up to `samples` first distinct values.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// let p = engine::preview(b"Wann,Kunde\n2026-11-30,a@b.c\n", 5, true);
    /// let found = engine::engage::columns::matched_columns(&p.headers, &BTreeMap::new());
    /// let left = p.unmatched_by(&found, 3);
    /// assert_eq!(left.iter().map(|u| u.header.as_str()).collect::<Vec<_>>(), ["Wann", "Kunde"]);
    /// assert_eq!(left[1].samples, ["a@b.c"]);
    /// ```
    pub fn unmatched_by(&self, found: &BTreeMap<String, String>, samples: usize) -> Vec<Unmatched> {
        self.headers
            .iter()
            .enumerate()
            .filter(|(_, h)| !found.values().any(|f| f == *h))
            .map(|(col, header)| {
                let mut values: Vec<String> = Vec::new();
                for value in self.rows.iter().filter_map(|row| row.get(col)) {
                    let value = value.trim();
                    if values.len() < samples && !value.is_empty() && !values.iter().any(|v| v == value) {
                        values.push(value.to_owned());
                    }
                }
                Unmatched { header: header.clone(), samples: values }
            })
            .collect()
    }
}
