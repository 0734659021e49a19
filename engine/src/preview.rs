//! A first look at a file for a column-mapping step: encoding, delimiter, headers and first rows.

use serde::{Deserialize, Serialize};

use crate::csvread::{record_strings, DecodedCsv};

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
