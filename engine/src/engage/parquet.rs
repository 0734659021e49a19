//! A writer of engagement events as Parquet (feature `parquet`), in the nested layout of AJO's journey step event dataset.
//!
//! [`EventParquetWriter`] takes JSON-lines events one at a time (as [`super::generate::write_events`]
//! streams them) and writes the columns of [`EVENT_SCHEMA`]: `timestamp`, `sandbox` and
//! `sandboxType` as strings (the timestamp as written, offset included, not a Parquet timestamp),
//! `_experience` as nested groups, and `identityMap` **as Spark writes a map** (the layout of
//! [`crate::aep::parquet::PROFILE_SCHEMA`]: `identityMap.key_value.key`,
//! `identityMap.key_value.value.list.element.{id,primary,authenticatedState}`), so that an event
//! whose profile is only in its `identityMap` keeps it. A row reads back (e.g. with
//! [`crate::aep::parquet::parquet_docs`]) as the JSON document of its line, with `null` for what
//! the line did not have.

use std::io::Write;

use serde_json::Value;

use crate::aep::parquet::{Column, Ordered, ParquetCodec, RowGroups};

/// The schema [`EventParquetWriter`] writes.
pub const EVENT_SCHEMA: &str = "message event {
  optional binary _id (STRING);
  optional binary timestamp (STRING);
  optional binary sandbox (STRING);
  optional binary sandboxType (STRING);
  optional group identityMap (MAP) {
    repeated group key_value {
      required binary key (STRING);
      optional group value (LIST) {
        repeated group list {
          optional group element {
            optional binary id (STRING);
            optional boolean primary;
            optional binary authenticatedState (STRING);
          }
        }
      }
    }
  }
  optional group _experience {
    optional group journeyOrchestration {
      optional group stepEvents {
        optional binary profileID (STRING);
        optional binary journeyVersionName (STRING);
        optional binary journeyVersionID (STRING);
        optional boolean inDryRun;
        optional binary stepName (STRING);
      }
    }
    optional group customerJourneyManagement {
      optional group messageExecution {
        optional binary campaignID (STRING);
      }
    }
  }
}";

// The leaf columns, in schema order.
const ID: usize = 0;
const TIMESTAMP: usize = 1;
const SANDBOX: usize = 2;
const SANDBOX_TYPE: usize = 3;
const NS: usize = 4;
const IDENT: usize = 5;
const PRIMARY: usize = 6;
const STATE: usize = 7;
const PROFILE: usize = 8;
const STEP_NAME: usize = 12;
const DRY_RUN: usize = 11;
const CAMPAIGN: usize = 13;
const COLUMNS: usize = 14;
/// The fields of `stepEvents`, from column [`PROFILE`] on.
const STEP_FIELDS: [&str; 5] = ["profileID", "journeyVersionName", "journeyVersionID", "inDryRun", "stepName"];

/// What the writer keeps of an event.
#[derive(serde::Deserialize)]
struct Written {
    #[serde(rename = "_id")]
    id: Option<Value>,
    timestamp: Option<Value>,
    sandbox: Option<Value>,
    #[serde(rename = "sandboxType")]
    sandbox_type: Option<Value>,
    #[serde(rename = "identityMap")]
    identity_map: Option<Ordered<Value>>,
    #[serde(rename = "_experience")]
    experience: Option<Value>,
}

/// A value the schema holds as a string: a string, or nothing (`null` or absent).
fn text(v: Option<&Value>) -> Result<Option<&str>, ()> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(()),
    }
}

/// A group the schema holds: an object, or nothing.
fn group(v: Option<&Value>) -> Result<Option<&serde_json::Map<String, Value>>, ()> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => Ok(Some(m)),
        Some(_) => Err(()),
    }
}

/// Adds one event's levels and values to `cols`; `Err` (nothing added) when the schema cannot hold it.
fn add_event(cols: &mut [Column], r: &Written) -> Result<(), ()> {
    // Check everything first, so that a record left out adds nothing.
    let strings =
        [text(r.id.as_ref())?, text(r.timestamp.as_ref())?, text(r.sandbox.as_ref())?, text(r.sandbox_type.as_ref())?];
    let experience = group(r.experience.as_ref())?;
    let journey = experience.map(|e| group(e.get("journeyOrchestration"))).transpose()?.flatten();
    let steps = journey.map(|j| group(j.get("stepEvents"))).transpose()?.flatten();
    let management = experience.map(|e| group(e.get("customerJourneyManagement"))).transpose()?.flatten();
    let execution = management.map(|m| group(m.get("messageExecution"))).transpose()?.flatten();
    let mut step_values: [Option<&str>; 5] = [None; 5];
    let mut dry = None;
    if let Some(s) = steps {
        for (i, field) in STEP_FIELDS.iter().enumerate() {
            if PROFILE + i == DRY_RUN {
                dry = match s.get(*field) {
                    None | Some(Value::Null) => None,
                    Some(Value::Bool(b)) => Some(*b),
                    Some(_) => return Err(()),
                };
            } else {
                step_values[i] = text(s.get(*field))?;
            }
        }
    }
    let campaign = execution.map(|m| text(m.get("campaignID"))).transpose()?.flatten();
    if let Some(map) = &r.identity_map {
        for (_, list) in &map.0 {
            match list {
                Value::Null => {}
                Value::Array(items) => {
                    for item in items.iter().filter(|i| !i.is_null()) {
                        let item = group(Some(item))?.ok_or(())?;
                        text(item.get("id"))?;
                        text(item.get("authenticatedState"))?;
                        if !matches!(item.get("primary"), None | Some(Value::Null | Value::Bool(_))) {
                            return Err(());
                        }
                    }
                }
                _ => return Err(()),
            }
        }
    }

    for (c, s) in [ID, TIMESTAMP, SANDBOX, SANDBOX_TYPE].into_iter().zip(strings) {
        cols[c].string(1, 0, s);
    }
    // identityMap: map (1) > key_value (2, rep 1) > value (3) > list (4, rep 2) > element (5) > leaf (6).
    match &r.identity_map {
        None => (NS..=STATE).for_each(|c| cols[c].level(0, 0)),
        Some(map) if map.0.is_empty() => (NS..=STATE).for_each(|c| cols[c].level(1, 0)),
        Some(map) => {
            for (i, (ns, list)) in map.0.iter().enumerate() {
                let rep = if i == 0 { 0 } else { 1 };
                cols[NS].string(2, rep, Some(ns));
                let leaves =
                    |cols: &mut [Column], def: i16, rep: i16| (IDENT..=STATE).for_each(|c| cols[c].level(def, rep));
                match list.as_array() {
                    None => leaves(cols, 2, rep),
                    Some(items) if items.is_empty() => leaves(cols, 3, rep),
                    Some(items) => {
                        for (j, item) in items.iter().enumerate() {
                            let rep = if j == 0 { rep } else { 2 };
                            if !item.is_object() {
                                leaves(cols, 4, rep);
                                continue;
                            }
                            cols[IDENT].string(6, rep, item.get("id").and_then(Value::as_str));
                            cols[PRIMARY].bool(6, rep, item.get("primary").and_then(Value::as_bool));
                            cols[STATE].string(6, rep, item.get("authenticatedState").and_then(Value::as_str));
                        }
                    }
                }
            }
        }
    }
    // _experience (1) > journeyOrchestration (2) > stepEvents (3) > leaf (4); the same for
    // customerJourneyManagement > messageExecution > campaignID. A missing group: the levels of
    // the groups above it that are there.
    let above = |middle: bool| i16::from(experience.is_some()) + i16::from(middle);
    for (i, value) in step_values.iter().enumerate() {
        let c = PROFILE + i;
        match (steps.is_some(), c == DRY_RUN) {
            (false, _) => cols[c].level(above(journey.is_some()), 0),
            (true, true) => cols[c].bool(4, 0, dry),
            (true, false) => cols[c].string(4, 0, *value),
        }
    }
    match execution {
        Some(_) => cols[CAMPAIGN].string(4, 0, campaign),
        None => cols[CAMPAIGN].level(above(management.is_some()), 0),
    }
    debug_assert_eq!(STEP_NAME, PROFILE + STEP_FIELDS.len() - 1);
    Ok(())
}

/// Writes JSON-lines events, pushed one at a time, as a Parquet file of [`EVENT_SCHEMA`], 100 000
/// rows a row group (the memory it holds). Events that the schema cannot hold are left out and
/// counted: a line that is not JSON, or not an object, or a field of the schema of another type
/// (a timestamp that is a number, `inDryRun` that is not a boolean, an identity's id that is not a
/// string, ...). Any other field is dropped.
pub struct EventParquetWriter<W: Write + Send> {
    rows: RowGroups<W>,
}

impl<W: Write + Send> EventParquetWriter<W> {
    pub fn new(out: W, codec: ParquetCodec) -> Result<Self, String> {
        Ok(EventParquetWriter { rows: RowGroups::new(out, codec, EVENT_SCHEMA, COLUMNS, &[PRIMARY, DRY_RUN])? })
    }

    /// Rows per row group (100 000 unless set).
    pub fn rows_per_group(mut self, rows: usize) -> Self {
        self.rows.set_group_rows(rows);
        self
    }

    /// One event (a JSON document, with or without its `\n`).
    pub fn push(&mut self, json: &[u8]) -> Result<(), String> {
        let object = json.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let added = match serde_json::from_slice::<Written>(json) {
            Ok(r) if object => add_event(&mut self.rows.cols, &r).is_ok(),
            _ => false,
        };
        if !added {
            self.rows.left_out += 1;
            return Ok(());
        }
        self.rows.added()
    }

    /// Ends the file; returns (rows written, events left out).
    pub fn finish(self) -> Result<(u64, u64), String> {
        self.rows.finish()
    }
}

/// Writes JSON-lines events (one per item) with an [`EventParquetWriter`]; returns (rows written,
/// events left out).
pub fn write_event_parquet<'a, W: Write + Send>(
    events: impl IntoIterator<Item = &'a [u8]>,
    codec: ParquetCodec,
    out: W,
) -> Result<(u64, u64), String> {
    let mut w = EventParquetWriter::new(out, codec)?;
    for e in events {
        w.push(e)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aep::parquet::parquet_docs;
    use crate::aep::read::DocSink;
    use crate::message::Message;

    struct Docs(Vec<Value>);
    impl DocSink for Docs {
        fn doc(&mut self, _: u64, json: &[u8]) {
            self.0.push(serde_json::from_slice(json).unwrap());
        }
        fn reject(&mut self, line: u64, reason: Message) {
            panic!("row {line}: {reason}");
        }
    }

    /// A document without its `null`s (the row API writes every column of the schema).
    fn strip(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let m: serde_json::Map<String, Value> = m
                    .iter()
                    .filter(|(_, x)| !x.is_null())
                    .map(|(k, x)| (k.clone(), strip(x)))
                    .filter(|(_, x)| !matches!(x, Value::Object(o) if o.is_empty()))
                    .collect();
                Value::Object(m)
            }
            Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
            other => other.clone(),
        }
    }

    fn read_back(bytes: Vec<u8>) -> Vec<Value> {
        let mut docs = Docs(Vec::new());
        parquet_docs("e.parquet", bytes::Bytes::from(bytes), None, &mut docs).unwrap();
        docs.0.iter().map(strip).collect()
    }

    #[test]
    fn rows_read_back_as_the_json_they_were_written_from() {
        let lines: [&[u8]; 8] = [
            br#"{"_id":"a","timestamp":"2026-11-30T10:04:05Z","sandbox":"prod","sandboxType":"production","_experience":{"journeyOrchestration":{"stepEvents":{"profileID":"x@y.z","journeyVersionName":"W","journeyVersionID":"1","inDryRun":false,"stepName":"Send email"}}}}"#,
            br#"{"timestamp":"2026-11-30T12:04:05+02:00","identityMap":{"Email":[{"id":"x@y.z","primary":true}],"ECID":[{"id":"123"}]},"_experience":{"customerJourneyManagement":{"messageExecution":{"campaignID":"c"}}}}"#,
            br#"{"timestamp":"yesterday","_experience":{"journeyOrchestration":{"stepEvents":{"inDryRun":true}}}}"#,
            br#"{"_experience":{}}"#,
            br#"{"timestamp":5}"#,
            br#"["event",{}]"#,
            br#"{"timestamp":"2026-"#,
            br#"{"_experience":{"journeyOrchestration":{"stepEvents":{"inDryRun":"no"}}}}"#,
        ];
        for codec in [ParquetCodec::Snappy, ParquetCodec::Gzip] {
            let mut bytes = Vec::new();
            assert_eq!(write_event_parquet(lines, codec, &mut bytes).unwrap(), (4, 4));
            let docs = read_back(bytes);
            let want: Vec<Value> = lines[..4].iter().map(|l| strip(&serde_json::from_slice(l).unwrap())).collect();
            assert_eq!(docs, want);
        }
    }

    #[test]
    fn a_generated_export_in_several_row_groups_reads_as_its_json_lines() {
        use crate::engage::generate::{event_export, rejected_events, EventSpec};
        let spec = EventSpec { files: 1, ..Default::default() };
        let lines = event_export(&spec).remove(0).bytes;
        let lines: Vec<&[u8]> = lines.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
        let mut buf = Vec::new();
        let mut w = EventParquetWriter::new(&mut buf, ParquetCodec::Snappy).unwrap().rows_per_group(700);
        for l in &lines {
            w.push(l).unwrap();
        }
        // Left out: the lines that are not JSON and those that are not an object.
        let (written, left_out) = w.finish().unwrap();
        assert_eq!(left_out as usize, rejected_events(&spec) * 2 / 5);
        assert_eq!(written as usize, lines.len() - left_out as usize);
        let want: Vec<Value> = lines
            .iter()
            .filter_map(|l| serde_json::from_slice::<Value>(l).ok())
            .filter(Value::is_object)
            .map(|v| strip(&v))
            .collect();
        assert_eq!(read_back(buf), want);
    }
}
