//! Parquet files of AEP records (feature `parquet`): each row to a JSON document for a [`DocSink`], and a writer of such files.
//!
//! AEP exports datasets as Parquet too (`.parquet`, `.gz.parquet`: snappy or
//! gzip pages), read with arrow-rs's `parquet` crate without arrow (pure
//! Rust, so it builds for `wasm32-unknown-unknown`). A file in the layout
//! Spark writes (`identityMap.key_value.value.list.element.id`, ...) is read
//! column by column: only the five leaf columns a record needs, one row group
//! at a time, about 1.5 million rows a second; any other layout row by row
//! through the crate's record API (about 170 000 rows a second), projected to
//! the columns asked for. Either way each row is written back as the JSON
//! document the same row would be in a JSON export: `identityMap` a map of namespace to a list of
//! `{id, primary, authenticatedState}`, `segmentMembership` a map of namespace
//! to a map of segment id to `{status, lastQualificationTime}`. The document
//! then takes the same way as a JSON line ([`crate::aep::record::parse`], every
//! rejection of section 1), with the row number (from 1) as its line.
//!
//! The reader is generic over [`ChunkReader`], so the viewer's worker can
//! read a `Blob` by ranges (the footer first, then the column chunks) instead
//! of the whole file. A file whose footer cannot be read is one [`ReadError`]
//! (no line); a page that cannot be decoded stops the file at its row.
//!
//! [`write_parquet`] writes JSON-lines records in that schema, for the
//! generator's Parquet output, the tests and the benchmark.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{ChunkReader, FileReader};
use parquet::file::serialized_reader::SerializedFileReader;
use parquet::file::writer::SerializedFileWriter;
use parquet::record::{Field, Row};
use parquet::schema::types::Type;

use crate::aep::counter::ProfileCounter;
use crate::aep::read::DocSink;
use crate::aep::ReadError;
use crate::message::{Arg, Message};

/// The top-level columns a profile record needs.
pub const PROFILE_COLUMNS: [&str; 2] = ["identityMap", "segmentMembership"];

impl ProfileCounter {
    /// Reads one Parquet file of profile records (its `identityMap` and `segmentMembership` columns),
    /// each row counted or rejected with its row number as its line. The file is in the report's
    /// files (format `Parquet`) even when it cannot be read; the error says why.
    pub fn read_parquet<R: ChunkReader + 'static>(
        &mut self,
        name: &str,
        snapshot: Option<&str>,
        reader: R,
    ) -> Result<(), ReadError> {
        let file = self.begin_file(name, snapshot);
        let result = parquet_docs(name, reader, Some(&PROFILE_COLUMNS), &mut self.sink(file));
        self.end_docs(file, "Parquet");
        result.map(|_| ())
    }
}

fn error(name: &str, line: Option<u64>, id: &str, detail: impl std::fmt::Display) -> ReadError {
    ReadError { file: name.to_string(), line, message: Message::new(id).with("error", Arg::Text(detail.to_string())) }
}

/// Reads the rows of a Parquet file as JSON documents into `sink` (line = row number, from 1),
/// keeping only the top-level `columns` that the file has (all of them for `None`). Returns the
/// number of rows.
pub fn parquet_docs<R: ChunkReader + 'static>(
    name: &str,
    reader: R,
    columns: Option<&[&str]>,
    sink: &mut impl DocSink,
) -> Result<u64, ReadError> {
    let file = SerializedFileReader::new(reader).map_err(|e| error(name, None, "aep-parquet-unreadable", e))?;
    if columns == Some(&PROFILE_COLUMNS[..]) {
        if let Some(leaves) = profile_leaves(&file) {
            return profile_rows(name, &file, leaves, sink);
        }
    }
    let schema = file.metadata().file_metadata().schema();
    let projection = match columns {
        None => None,
        Some(wanted) => {
            let fields: Vec<Arc<Type>> =
                schema.get_fields().iter().filter(|f| wanted.contains(&f.name())).cloned().collect();
            if fields.is_empty() {
                return Err(ReadError {
                    file: name.to_string(),
                    line: None,
                    message: Message::new("aep-parquet-no-columns")
                        .with("columns", Arg::List(wanted.iter().map(|c| c.to_string()).collect())),
                });
            }
            Some(
                Type::group_type_builder(schema.name())
                    .with_fields(fields)
                    .build()
                    .map_err(|e| error(name, None, "aep-parquet-unreadable", e))?,
            )
        }
    };
    let rows = parquet::record::reader::RowIter::from_file_into(Box::new(file))
        .project(projection)
        .map_err(|e| error(name, None, "aep-parquet-unreadable", e))?;
    let mut json = Vec::with_capacity(1024);
    let mut line = 0u64;
    for row in rows {
        line += 1;
        let row = row.map_err(|e| error(name, Some(line), "aep-parquet-bad-row", e))?;
        json.clear();
        row_json(&row, &mut json);
        sink.doc(line, &json);
    }
    Ok(line)
}

/// The leaf columns a profile record needs, when the file has them in the layout Spark (and so AEP)
/// writes, with its levels: `identityMap` map > `list` > `element` > `id`, and `segmentMembership`
/// map > map > `status`. Other layouts are read row by row through the record API.
#[derive(Clone, Copy)]
struct Leaves {
    namespace: usize,
    id: usize,
    segment_namespace: usize,
    segment: usize,
    status: usize,
}

fn profile_leaves<R: ChunkReader + 'static>(file: &SerializedFileReader<R>) -> Option<Leaves> {
    let schema = file.metadata().file_metadata().schema_descr();
    let find = |path: &str, def: i16, rep: i16| {
        (0..schema.num_columns()).find(|&i| {
            let c = schema.column(i);
            c.path().string() == path
                && c.max_def_level() == def
                && c.max_rep_level() == rep
                && c.physical_type() == parquet::basic::Type::BYTE_ARRAY
        })
    };
    Some(Leaves {
        namespace: find("identityMap.key_value.key", 2, 1)?,
        id: find("identityMap.key_value.value.list.element.id", 6, 2)?,
        segment_namespace: find("segmentMembership.key_value.key", 2, 1)?,
        segment: find("segmentMembership.key_value.value.key_value.key", 4, 2)?,
        status: find("segmentMembership.key_value.value.key_value.value.status", 6, 2)?,
    })
}

/// One leaf column of a row group: its levels and values, with a cursor.
#[derive(Default)]
struct Leaf {
    def: Vec<i16>,
    rep: Vec<i16>,
    values: Vec<ByteArray>,
    level: usize,
    value: usize,
}

impl Leaf {
    fn read(
        &mut self,
        group: &dyn parquet::file::reader::RowGroupReader,
        i: usize,
        rows: usize,
    ) -> parquet::errors::Result<()> {
        let mut reader = parquet::column::reader::get_typed_column_reader::<ByteArrayType>(group.get_column_reader(i)?);
        *self = Leaf::default();
        let mut read = 0;
        while read < rows {
            let (records, _, _) =
                reader.read_records(rows - read, Some(&mut self.def), Some(&mut self.rep), &mut self.values)?;
            if records == 0 {
                break;
            }
            read += records;
        }
        Ok(())
    }

    /// The next level (def, rep) and its value, if any; `max` the column's highest def level.
    fn next(&mut self, max: i16) -> Option<(i16, i16, Option<&[u8]>)> {
        let (def, rep) = (*self.def.get(self.level)?, *self.rep.get(self.level)?);
        self.level += 1;
        let value = if def == max {
            self.value += 1;
            Some(self.values.get(self.value - 1).map_or(&[][..], |v| v.data()))
        } else {
            None
        };
        Some((def, rep, value))
    }

    /// Whether the next level continues the current entry (its rep is `rep` or more, after the first).
    fn continues(&self, at_least: i16) -> bool {
        self.rep.get(self.level).is_some_and(|&r| r >= at_least)
    }
}

fn text_json(bytes: &[u8], out: &mut Vec<u8>) {
    string_json(&String::from_utf8_lossy(bytes), out);
}

/// Reads the rows of a file in the layout of [`profile_leaves`] column by column, each row written as
/// the JSON document of its identities and segment memberships.
fn profile_rows<R: ChunkReader + 'static>(
    name: &str,
    file: &SerializedFileReader<R>,
    leaves: Leaves,
    sink: &mut impl DocSink,
) -> Result<u64, ReadError> {
    let (mut ns, mut id, mut seg_ns, mut seg, mut status) =
        (Leaf::default(), Leaf::default(), Leaf::default(), Leaf::default(), Leaf::default());
    let mut json = Vec::with_capacity(1024);
    let mut line = 0u64;
    for g in 0..file.num_row_groups() {
        let group = file.get_row_group(g).map_err(|e| error(name, Some(line + 1), "aep-parquet-bad-row", e))?;
        let rows = group.metadata().num_rows().max(0) as usize;
        for (leaf, i) in [
            (&mut ns, leaves.namespace),
            (&mut id, leaves.id),
            (&mut seg_ns, leaves.segment_namespace),
            (&mut seg, leaves.segment),
            (&mut status, leaves.status),
        ] {
            leaf.read(group.as_ref(), i, rows).map_err(|e| error(name, Some(line + 1), "aep-parquet-bad-row", e))?;
        }
        for _ in 0..rows {
            line += 1;
            json.clear();
            json.push(b'{');
            // identityMap: namespace (def 2) > value (3) > list (4) > element (5) > id (6).
            let Some((def, _, key)) = ns.next(2) else { break };
            let mut first_ns = true;
            let mut entry = key;
            if def >= 1 {
                json.extend_from_slice(b"\"identityMap\":{");
            }
            // The id column has one group of levels per namespace entry (or one level when none).
            while let Some((idef, _, value)) = id.next(6) {
                if let Some(k) = entry {
                    if !first_ns {
                        json.push(b',');
                    }
                    first_ns = false;
                    text_json(k, &mut json);
                    json.push(b':');
                    let element = |def: i16, value: Option<&[u8]>, json: &mut Vec<u8>| match (def, value) {
                        (6, Some(v)) => {
                            json.extend_from_slice(b"{\"id\":");
                            text_json(v, json);
                            json.push(b'}');
                        }
                        (5, _) => json.extend_from_slice(b"{}"),
                        _ => json.extend_from_slice(b"null"),
                    };
                    match idef {
                        2 => json.extend_from_slice(b"null"),
                        3 => json.extend_from_slice(b"[]"),
                        _ => {
                            json.push(b'[');
                            element(idef, value, &mut json);
                            while id.continues(2) {
                                let Some((d, _, v)) = id.next(6) else { break };
                                json.push(b',');
                                element(d, v, &mut json);
                            }
                            json.push(b']');
                        }
                    }
                }
                if !ns.continues(1) {
                    break;
                }
                entry = ns.next(2).and_then(|(_, _, k)| k);
            }
            if def >= 1 {
                json.push(b'}');
            }
            // segmentMembership: namespace (2) > map (3) > segment (4) > value (5) > status (6).
            let Some((sdef, _, skey)) = seg_ns.next(2) else { break };
            let mut entry = skey;
            let mut first_ns = true;
            if sdef >= 1 {
                json.extend_from_slice(if def >= 1 { b",\"segmentMembership\":{" } else { b"\"segmentMembership\":{" });
            }
            while let (Some((kdef, _, segment)), Some((tdef, _, state))) = (seg.next(4), status.next(6)) {
                if let Some(k) = entry {
                    if !first_ns {
                        json.push(b',');
                    }
                    first_ns = false;
                    text_json(k, &mut json);
                    json.push(b':');
                    if kdef < 3 {
                        json.extend_from_slice(b"null");
                    } else {
                        json.push(b'{');
                        let one = |segment: Option<&[u8]>,
                                   tdef: i16,
                                   state: Option<&[u8]>,
                                   first: bool,
                                   json: &mut Vec<u8>| {
                            let Some(segment) = segment else { return };
                            if !first {
                                json.push(b',');
                            }
                            text_json(segment, json);
                            match (tdef, state) {
                                (6, Some(s)) => {
                                    json.extend_from_slice(b":{\"status\":");
                                    text_json(s, json);
                                    json.push(b'}');
                                }
                                (5, _) => json.extend_from_slice(b":{}"),
                                _ => json.extend_from_slice(b":null"),
                            }
                        };
                        one(segment, tdef, state, true, &mut json);
                        while seg.continues(2) {
                            let (Some((_, _, s)), Some((t, _, v))) = (seg.next(4), status.next(6)) else { break };
                            one(s, t, v, false, &mut json);
                        }
                        json.push(b'}');
                    }
                }
                if !seg_ns.continues(1) {
                    break;
                }
                entry = seg_ns.next(2).and_then(|(_, _, k)| k);
            }
            if sdef >= 1 {
                json.push(b'}');
            }
            json.push(b'}');
            sink.doc(line, &json);
        }
    }
    Ok(line)
}

fn string_json(s: &str, out: &mut Vec<u8>) {
    // Writing a &str to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn row_json(row: &Row, out: &mut Vec<u8>) {
    out.push(b'{');
    for (i, (name, field)) in row.get_column_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string_json(name, out);
        out.push(b':');
        field_json(field, out);
    }
    out.push(b'}');
}

/// A field as JSON: strings and numbers as themselves, dates and times as ISO text, maps as objects.
fn field_json(field: &Field, out: &mut Vec<u8>) {
    match field {
        Field::Null => out.extend_from_slice(b"null"),
        Field::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Field::Str(s) => string_json(s, out),
        Field::Bytes(b) => string_json(&String::from_utf8_lossy(b.data()), out),
        Field::Group(row) => row_json(row, out),
        Field::ListInternal(list) => {
            out.push(b'[');
            for (i, e) in list.elements().iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                field_json(e, out);
            }
            out.push(b']');
        }
        Field::MapInternal(map) => {
            out.push(b'{');
            for (i, (k, v)) in map.entries().iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                match k {
                    Field::Str(s) => string_json(s, out),
                    other => string_json(&other.to_string(), out),
                }
                out.push(b':');
                field_json(v, out);
            }
            out.push(b'}');
        }
        Field::Byte(_)
        | Field::Short(_)
        | Field::Int(_)
        | Field::Long(_)
        | Field::UByte(_)
        | Field::UShort(_)
        | Field::UInt(_)
        | Field::ULong(_) => out.extend_from_slice(field.to_string().as_bytes()),
        Field::Float(x) if x.is_finite() => out.extend_from_slice(field.to_string().as_bytes()),
        Field::Double(x) if x.is_finite() => out.extend_from_slice(field.to_string().as_bytes()),
        Field::Float(_) | Field::Double(_) => out.extend_from_slice(b"null"),
        // Dates, times, decimals, half floats: their text (Field's Display quotes dates and times).
        other => {
            let text = other.to_string();
            string_json(text.trim_matches('"'), out)
        }
    }
}

/// The compression of a written Parquet file's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParquetCodec {
    Snappy,
    Gzip,
}

/// The schema [`write_parquet`] writes: AEP's `identityMap` and `segmentMembership`, and `_id`.
pub const PROFILE_SCHEMA: &str = "message profile {
  optional binary _id (STRING);
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
  optional group segmentMembership (MAP) {
    repeated group key_value {
      required binary key (STRING);
      optional group value (MAP) {
        repeated group key_value {
          required binary key (STRING);
          optional group value {
            optional binary status (STRING);
            optional binary lastQualificationTime (STRING);
          }
        }
      }
    }
  }
}";

/// One leaf column being written: its levels and values (shared by the profile and the event writers).
#[derive(Default)]
pub(crate) struct Column {
    def: Vec<i16>,
    rep: Vec<i16>,
    strings: Vec<ByteArray>,
    bools: Vec<bool>,
}

impl Column {
    pub(crate) fn level(&mut self, def: i16, rep: i16) {
        self.def.push(def);
        self.rep.push(rep);
    }
    /// A string at `def` (its column's highest level), or the level below when it is not there.
    pub(crate) fn string(&mut self, def: i16, rep: i16, value: Option<&str>) {
        match value {
            Some(s) => {
                self.level(def, rep);
                self.strings.push(ByteArray::from(s));
            }
            None => self.level(def - 1, rep),
        }
    }
    /// A boolean at `def`, or the level below when it is not there.
    pub(crate) fn bool(&mut self, def: i16, rep: i16, value: Option<bool>) {
        match value {
            Some(b) => {
                self.level(def, rep);
                self.bools.push(b);
            }
            None => self.level(def - 1, rep),
        }
    }
    fn clear(&mut self) {
        self.def.clear();
        self.rep.clear();
        self.strings.clear();
        self.bools.clear();
    }
}

/// Rows of one schema gathered column by column and written a row group at a time, with what was
/// written and left out: what the profile and the event writers share.
pub(crate) struct RowGroups<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    pub(crate) cols: Vec<Column>,
    /// The boolean columns (the others are strings).
    bools: &'static [usize],
    in_group: usize,
    group_rows: usize,
    pub(crate) written: u64,
    pub(crate) left_out: u64,
}

impl<W: Write + Send> RowGroups<W> {
    /// A file of `schema` (`columns` leaf columns), 100 000 rows a row group.
    pub(crate) fn new(
        out: W,
        codec: ParquetCodec,
        schema: &str,
        columns: usize,
        bools: &'static [usize],
    ) -> Result<Self, String> {
        let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).map_err(|e| e.to_string())?);
        let compression = match codec {
            ParquetCodec::Snappy => Compression::SNAPPY,
            ParquetCodec::Gzip => Compression::GZIP(Default::default()),
        };
        let props = Arc::new(WriterProperties::builder().set_compression(compression).build());
        let writer = SerializedFileWriter::new(out, schema, props).map_err(|e| e.to_string())?;
        Ok(RowGroups {
            writer,
            cols: (0..columns).map(|_| Column::default()).collect(),
            bools,
            in_group: 0,
            group_rows: 100_000,
            written: 0,
            left_out: 0,
        })
    }

    pub(crate) fn set_group_rows(&mut self, rows: usize) {
        self.group_rows = rows.max(1);
    }

    /// A row was added to the columns: written once its row group is full.
    pub(crate) fn added(&mut self) -> Result<(), String> {
        self.written += 1;
        self.in_group += 1;
        if self.in_group >= self.group_rows {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), String> {
        let mut group = self.writer.next_row_group().map_err(|e| e.to_string())?;
        let mut i = 0;
        while let Some(mut col) = group.next_column().map_err(|e| e.to_string())? {
            let c = &self.cols[i];
            if self.bools.contains(&i) {
                col.typed::<BoolType>().write_batch(&c.bools, Some(&c.def), Some(&c.rep))
            } else {
                col.typed::<ByteArrayType>().write_batch(&c.strings, Some(&c.def), Some(&c.rep))
            }
            .map_err(|e| e.to_string())?;
            col.close().map_err(|e| e.to_string())?;
            i += 1;
        }
        group.close().map_err(|e| e.to_string())?;
        self.cols.iter_mut().for_each(Column::clear);
        self.in_group = 0;
        Ok(())
    }

    /// Ends the file; returns (rows written, rows left out).
    pub(crate) fn finish(mut self) -> Result<(u64, u64), String> {
        if self.in_group > 0 || self.written == 0 {
            self.flush()?;
        }
        self.writer.close().map_err(|e| e.to_string())?;
        Ok((self.written, self.left_out))
    }
}

// The leaf columns, in schema order.
const ID: usize = 0;
const NS: usize = 1;
const IDENT: usize = 2;
const PRIMARY: usize = 3;
const STATE: usize = 4;
const SEG_NS: usize = 5;
const SEG: usize = 6;
const STATUS: usize = 7;
const QUALIFIED: usize = 8;

/// A JSON object's members in document order (serde_json's own map sorts them).
pub(crate) struct Ordered<V>(pub(crate) Vec<(String, V)>);

impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for Ordered<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Ordered<V>, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    v.push(entry);
                }
                Ok(Ordered(v))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// What the writer keeps of a record.
#[derive(serde::Deserialize)]
struct Written {
    #[serde(rename = "_id")]
    id: Option<serde_json::Value>,
    #[serde(rename = "identityMap")]
    identity_map: Option<Ordered<serde_json::Value>>,
    #[serde(rename = "segmentMembership")]
    segment_membership: Option<Ordered<Option<Ordered<serde_json::Value>>>>,
}

/// Whether a record fits the schema: its identities' ids are strings (when there).
fn fits(r: &Written) -> bool {
    r.identity_map.as_ref().is_none_or(|map| {
        map.0.iter().all(|(_, list)| {
            list.as_array().into_iter().flatten().all(|e| e.get("id").is_none_or(|id| id.is_string() || id.is_null()))
        })
    })
}

fn add_record(cols: &mut [Column], r: &Written) {
    let text = |v: Option<&serde_json::Value>| v.and_then(|x| x.as_str()).map(str::to_string);
    cols[ID].string(1, 0, text(r.id.as_ref()).as_deref());
    // identityMap: map (1) > key_value (2, rep 1) > value (3) > list (4, rep 2) > element (5) > leaf (6).
    match &r.identity_map {
        None => (NS..=STATE).for_each(|c| cols[c].level(0, 0)),
        Some(map) if map.0.is_empty() => (NS..=STATE).for_each(|c| cols[c].level(1, 0)),
        Some(map) => {
            for (i, (ns, list)) in map.0.iter().enumerate() {
                let rep = if i == 0 { 0 } else { 1 };
                cols[NS].string(2, rep, Some(ns));
                let leaves = |cols: &mut [Column], def: i16, rep: i16| {
                    (IDENT..=STATE).for_each(|c| cols[c].level(def, rep));
                };
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
                            cols[IDENT].string(6, rep, text(item.get("id")).as_deref());
                            cols[PRIMARY].bool(6, rep, item.get("primary").and_then(|p| p.as_bool()));
                            cols[STATE].string(6, rep, text(item.get("authenticatedState")).as_deref());
                        }
                    }
                }
            }
        }
    }
    // segmentMembership: map (1) > key_value (2, rep 1) > value map (3) > key_value (4, rep 2) >
    // value (5) > status, lastQualificationTime (6).
    match &r.segment_membership {
        None => (SEG_NS..=QUALIFIED).for_each(|c| cols[c].level(0, 0)),
        Some(map) if map.0.is_empty() => (SEG_NS..=QUALIFIED).for_each(|c| cols[c].level(1, 0)),
        Some(map) => {
            for (i, (ns, segments)) in map.0.iter().enumerate() {
                let rep = if i == 0 { 0 } else { 1 };
                cols[SEG_NS].string(2, rep, Some(ns));
                match segments {
                    None => (SEG..=QUALIFIED).for_each(|c| cols[c].level(2, rep)),
                    Some(s) if s.0.is_empty() => (SEG..=QUALIFIED).for_each(|c| cols[c].level(3, rep)),
                    Some(s) => {
                        for (j, (segment, membership)) in s.0.iter().enumerate() {
                            let rep = if j == 0 { rep } else { 2 };
                            cols[SEG].string(4, rep, Some(segment));
                            if membership.is_object() {
                                cols[STATUS].string(6, rep, text(membership.get("status")).as_deref());
                                cols[QUALIFIED].string(
                                    6,
                                    rep,
                                    text(membership.get("lastQualificationTime")).as_deref(),
                                );
                            } else {
                                cols[STATUS].level(4, rep);
                                cols[QUALIFIED].level(4, rep);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Writes JSON-lines records, pushed one at a time, as a Parquet file of [`PROFILE_SCHEMA`],
/// 100 000 rows a row group (the memory it holds). Records that the schema cannot hold (not a JSON
/// object, an `identityMap` or `segmentMembership` that is not an object, an id that is not a
/// string) are left out and counted.
pub struct ProfileParquetWriter<W: Write + Send> {
    rows: RowGroups<W>,
}

impl<W: Write + Send> ProfileParquetWriter<W> {
    pub fn new(out: W, codec: ParquetCodec) -> Result<Self, String> {
        Ok(ProfileParquetWriter { rows: RowGroups::new(out, codec, PROFILE_SCHEMA, 9, &[PRIMARY])? })
    }

    /// Rows per row group (100 000 unless set).
    pub fn rows_per_group(mut self, rows: usize) -> Self {
        self.rows.set_group_rows(rows);
        self
    }

    /// One record (a JSON document).
    pub fn push(&mut self, json: &[u8]) -> Result<(), String> {
        let object = json.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        match serde_json::from_slice::<Written>(json) {
            Ok(r) if object && fits(&r) => {
                add_record(&mut self.rows.cols, &r);
                self.rows.added()?;
            }
            _ => self.rows.left_out += 1,
        }
        Ok(())
    }

    /// Ends the file; returns (rows written, records left out).
    pub fn finish(self) -> Result<(u64, u64), String> {
        self.rows.finish()
    }
}

/// Writes JSON-lines records (one per item) with a [`ProfileParquetWriter`]; returns (rows written,
/// records left out).
pub fn write_parquet<'a, W: Write + Send>(
    records: impl IntoIterator<Item = &'a [u8]>,
    codec: ParquetCodec,
    out: W,
) -> Result<(u64, u64), String> {
    let mut w = ProfileParquetWriter::new(out, codec)?;
    for r in records {
        w.push(r)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Docs(Vec<(u64, String)>);
    impl DocSink for Docs {
        fn doc(&mut self, line: u64, json: &[u8]) {
            self.0.push((line, String::from_utf8_lossy(json).into_owned()));
        }
        fn reject(&mut self, line: u64, reason: Message) {
            self.0.push((line, format!("rejected: {reason}")));
        }
    }

    #[test]
    fn rows_read_back_as_the_json_they_were_written_from() {
        let lines: [&[u8]; 5] = [
            br#"{"_id":"a","identityMap":{"Email":[{"id":"x@y.z","primary":true},{"id":"X@y.z"}],"ECID":[{"id":"1","authenticatedState":"ambiguous"}]},"segmentMembership":{"ups":{"s1":{"status":"realized","lastQualificationTime":"2026-01-01T00:00:00Z"},"s2":{"status":"exited"}}}}"#,
            br#"{"identityMap":{}}"#,
            br#"{"person":{}}"#,
            br#"[1]"#,
            br#"{"identityMap":{"CRMID":[{"primary":false}],"Phone":[]},"segmentMembership":{"ups":{}}}"#,
        ];
        for codec in [ParquetCodec::Snappy, ParquetCodec::Gzip] {
            let mut bytes = Vec::new();
            assert_eq!(write_parquet(lines, codec, &mut bytes).unwrap(), (4, 1));
            // Column by column (the layout this writer and Spark write): the documents of what is read.
            let bytes = bytes::Bytes::from(bytes);
            let mut docs = Docs(Vec::new());
            assert_eq!(parquet_docs("t.parquet", bytes.clone(), Some(&PROFILE_COLUMNS), &mut docs), Ok(4));
            let fast: Vec<(u64, &str)> = docs.0.iter().map(|(l, s)| (*l, s.as_str())).collect();
            assert_eq!(
                fast,
                [
                    (
                        1,
                        r#"{"identityMap":{"Email":[{"id":"x@y.z"},{"id":"X@y.z"}],"ECID":[{"id":"1"}]},"segmentMembership":{"ups":{"s1":{"status":"realized"},"s2":{"status":"exited"}}}}"#
                    ),
                    (2, r#"{"identityMap":{}}"#),
                    (3, r#"{}"#),
                    (4, r#"{"identityMap":{"CRMID":[{}],"Phone":[]},"segmentMembership":{"ups":{}}}"#),
                ]
            );
            // Row by row through the record API (any other layout): every field, and the same records.
            let mut rows = Docs(Vec::new());
            let columns = ["identityMap", "segmentMembership", "other"];
            assert_eq!(parquet_docs("t.parquet", bytes, Some(&columns), &mut rows), Ok(4));
            for ((_, a), (_, b)) in docs.0.iter().zip(&rows.0) {
                assert_eq!(crate::aep::record::parse(a.as_bytes()), crate::aep::record::parse(b.as_bytes()));
            }
            let got: Vec<(u64, &str)> = rows.0.iter().map(|(l, s)| (*l, s.as_str())).collect();
            assert_eq!(
                got,
                [
                    (
                        1,
                        r#"{"identityMap":{"Email":[{"id":"x@y.z","primary":true,"authenticatedState":null},{"id":"X@y.z","primary":null,"authenticatedState":null}],"ECID":[{"id":"1","primary":null,"authenticatedState":"ambiguous"}]},"segmentMembership":{"ups":{"s1":{"status":"realized","lastQualificationTime":"2026-01-01T00:00:00Z"},"s2":{"status":"exited","lastQualificationTime":null}}}}"#
                    ),
                    (2, r#"{"identityMap":{},"segmentMembership":null}"#),
                    (3, r#"{"identityMap":null,"segmentMembership":null}"#),
                    (
                        4,
                        r#"{"identityMap":{"CRMID":[{"id":null,"primary":false,"authenticatedState":null}],"Phone":[]},"segmentMembership":{"ups":{}}}"#
                    ),
                ]
            );
        }
    }

    #[test]
    fn a_generated_export_in_several_row_groups_reads_as_its_json_lines() {
        let spec = crate::aep::generate::ExportSpec { records: 3000, snapshots: 0, files: 1, ..Default::default() };
        let lines = crate::aep::generate::profile_export(&spec).remove(0).bytes;
        let mut buf = Vec::new();
        let mut w = ProfileParquetWriter::new(&mut buf, ParquetCodec::Snappy).unwrap().rows_per_group(700);
        let mut want = Vec::new();
        for line in lines.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let before = w.rows.written;
            w.push(line).unwrap();
            if w.rows.written > before {
                want.push(crate::aep::record::parse(line));
            }
        }
        w.finish().unwrap();
        let bytes = bytes::Bytes::from(buf);
        let parsed = |columns: &[&str]| {
            let mut docs = Docs(Vec::new());
            parquet_docs("g.parquet", bytes.clone(), Some(columns), &mut docs).unwrap();
            docs.0.iter().map(|(_, d)| crate::aep::record::parse(d.as_bytes())).collect::<Vec<_>>()
        };
        assert!(want.len() > 2800);
        assert_eq!(parsed(&PROFILE_COLUMNS), want);
        assert_eq!(parsed(&["identityMap", "segmentMembership", "other"]), want);
    }

    #[test]
    fn a_file_that_is_not_parquet_is_one_clear_error() {
        let mut docs = Docs(Vec::new());
        let e =
            parquet_docs("bad.parquet", bytes::Bytes::from_static(b"PAR1 this is not a footer PAR1"), None, &mut docs)
                .unwrap_err();
        assert_eq!((e.file.as_str(), e.line, e.message.id.as_str()), ("bad.parquet", None, "aep-parquet-unreadable"));
        assert!(e.to_string().starts_with("bad.parquet: "), "{e}");
    }
}
