//! Files that are not CSV text: what a file's first bytes look like, and workbooks (xlsx, xls, ods) read as one CSV per sheet.
//!
//! [`sniff`] looks at a file's first bytes, never at its name: a zip with an
//! `xl/` part or the OpenDocument spreadsheet mimetype is a workbook, so is an
//! OLE compound file (`.xls`); a PDF, an image, an archive or bytes that are
//! mostly not text are said for what they look like ([`not_csv`]). With the
//! feature `workbook`, [`sheets`] reads a whole workbook (with `calamine`) and
//! writes each sheet as CSV bytes that a [`crate::Counter`] reads like any
//! export, under the name `book.xlsx › Sheet1` ([`sheet_name`]). Dates stored
//! as Excel date numbers become ISO dates (`2026-10-24`, or
//! `2026-10-24T13:45:00` with a time).

use crate::message::{Arg, Message};

/// How many first bytes [`sniff`] looks at (fewer are fine: it looks at what it gets).
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The largest workbook read: a workbook is a zip (or an OLE file) and is read whole into memory.
pub const MAX_WORKBOOK_BYTES: u64 = 200 * 1024 * 1024;

/// What a file's first bytes look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// Text: counted as CSV.
    Text,
    /// A workbook: read with [`sheets`].
    Workbook(Book),
    /// Something else: said with [`not_csv`], not counted.
    Binary(Looks),
}

/// The kinds of workbook read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Book {
    /// Office Open XML (`.xlsx`, `.xlsm`): a zip with `xl/` parts.
    Xlsx,
    /// The older Excel format (`.xls`): an OLE compound file.
    Xls,
    /// OpenDocument spreadsheet (`.ods`): a zip whose mimetype says so.
    Ods,
}

/// What a file that is neither text nor a workbook looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looks {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Gzip,
    /// A zip archive that is not a workbook.
    Zip,
    /// Mostly bytes that are not text.
    Binary,
}

impl Looks {
    /// The id the catalogs select on (`pdf`, `png`, `jpeg`, `gif`, `gzip`, `zip`, `binary`).
    pub fn id(self) -> &'static str {
        match self {
            Looks::Pdf => "pdf",
            Looks::Png => "png",
            Looks::Jpeg => "jpeg",
            Looks::Gif => "gif",
            Looks::Gzip => "gzip",
            Looks::Zip => "zip",
            Looks::Binary => "binary",
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// What a file is, from its first bytes (up to [`SNIFF_BYTES`]; fewer are fine).
pub fn sniff(head: &[u8]) -> Content {
    let head = &head[..head.len().min(SNIFF_BYTES)];
    if head.starts_with(b"PK\x03\x04") {
        // The names of a zip's entries are stored as written; the first ones are in the head.
        return if contains(head, b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet") {
            Content::Workbook(Book::Ods)
        } else if contains(head, b"xl/") {
            Content::Workbook(Book::Xlsx)
        } else if contains(head, b"[Content_Types].xml") && !contains(head, b"word/") && !contains(head, b"ppt/") {
            // An Office file whose first parts are large: its `xl/` parts come later (the reader tells).
            Content::Workbook(Book::Xlsx)
        } else {
            Content::Binary(Looks::Zip)
        };
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Content::Workbook(Book::Xls);
    }
    let magic: [(&[u8], Looks); 6] = [
        (b"%PDF", Looks::Pdf),
        (b"\x89PNG\r\n\x1a\n", Looks::Png),
        (&[0xFF, 0xD8, 0xFF], Looks::Jpeg),
        (b"GIF87a", Looks::Gif),
        (b"GIF89a", Looks::Gif),
        (&[0x1F, 0x8B], Looks::Gzip),
    ];
    if let Some((_, looks)) = magic.iter().find(|(m, _)| head.starts_with(m)) {
        return Content::Binary(*looks);
    }
    // UTF-16 text has a zero byte in every other place: its byte-order mark says so.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Content::Text;
    }
    // Text has next to no control bytes (tab, line breaks and form feed aside).
    let sample = &head[..head.len().min(8192)];
    let control = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A)).count();
    if !sample.is_empty() && control * 10 > sample.len() {
        return Content::Binary(Looks::Binary);
    }
    Content::Text
}

/// "report.pdf looks like a PDF document, not a CSV export": the file is not counted.
pub fn not_csv(file: &str, looks: Looks) -> Message {
    Message::new("error-not-csv").file(file).with("looks", Arg::Text(looks.id().into()))
}

/// A workbook over [`MAX_WORKBOOK_BYTES`].
pub fn too_large(file: &str, bytes: u64) -> Message {
    Message::new("error-workbook-too-large")
        .file(file)
        .with("size", Arg::Number(bytes.div_ceil(1024 * 1024)))
        .with("limit", Arg::Number(MAX_WORKBOOK_BYTES / (1024 * 1024)))
}

/// The name a sheet is counted under: `book.xlsx › Sheet1`.
pub fn sheet_name(book: &str, sheet: &str) -> String {
    format!("{book} \u{203A} {sheet}")
}

/// One sheet of a workbook, as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name as the workbook writes it.
    pub name: String,
    /// The sheet's cells as CSV (UTF-8, `,`, quoted where needed); empty when the sheet is.
    pub csv: Vec<u8>,
}

impl Sheet {
    /// Whether the sheet has no cell at all (it is skipped, and said: [`empty_sheet`]).
    pub fn is_empty(&self) -> bool {
        self.csv.is_empty()
    }
}

/// "book.xlsx › Notes: empty sheet, skipped".
pub fn empty_sheet(file: &str) -> Message {
    Message::new("warning-empty-sheet").file(file)
}

/// A workbook that cannot be read: `error` is the reader's words.
pub fn unreadable(file: &str, error: &str) -> Message {
    Message::new("error-workbook").file(file).with("error", Arg::Text(error.into()))
}

/// Refuses a workbook larger than [`MAX_WORKBOOK_BYTES`] before it is read (`size`: the file's
/// size in bytes): it would be held whole in memory.
pub fn check_size(file: &str, size: u64) -> Result<(), Message> {
    if size > MAX_WORKBOOK_BYTES {
        Err(too_large(file, size))
    } else {
        Ok(())
    }
}

/// A workbook's sheets as they are counted: each sheet with cells as CSV under the name it is
/// counted as (`book.xlsx › Sheet1`, [`sheet_name`]), and the names of the empty ones, which are
/// skipped and said ([`empty_sheet`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    pub sheets: Vec<(String, Vec<u8>)>,
    pub empty: Vec<String>,
}

/// Reads a whole workbook `file` for counting (see [`Counted`]); refuses one over
/// [`MAX_WORKBOOK_BYTES`] ([`check_size`], which a caller can also ask before reading the bytes).
#[cfg(feature = "workbook")]
pub fn counted_sheets(file: &str, book: Book, bytes: Vec<u8>) -> Result<Counted, Message> {
    check_size(file, bytes.len() as u64)?;
    let mut counted = Counted::default();
    for sheet in sheets(file, book, bytes)? {
        let name = sheet_name(file, &sheet.name);
        if sheet.is_empty() {
            counted.empty.push(name);
        } else {
            counted.sheets.push((name, sheet.csv));
        }
    }
    Ok(counted)
}

/// Reads a whole workbook into one CSV per sheet, in the workbook's order. `file` names the
/// workbook in the error ([`unreadable`]) when it cannot be read.
#[cfg(feature = "workbook")]
pub fn sheets(file: &str, book: Book, bytes: Vec<u8>) -> Result<Vec<Sheet>, Message> {
    use calamine::{open_workbook_from_rs, Ods, Reader, Sheets, Xls, Xlsx};
    use std::io::Cursor;
    let said = |e: &dyn std::fmt::Display| unreadable(file, &e.to_string());
    let cursor = Cursor::new(bytes);
    let mut workbook: Sheets<Cursor<Vec<u8>>> = match book {
        Book::Xlsx => Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(|e| said(&e))?),
        Book::Xls => Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(|e| said(&e))?),
        Book::Ods => Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(|e| said(&e))?),
    };
    let mut out = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| said(&e))?;
        let mut csv = Vec::new();
        if !range.is_empty() {
            let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(&mut csv);
            for row in range.rows() {
                writer.write_record(row.iter().map(cell_text)).map_err(|e| said(&e))?;
            }
            writer.flush().map_err(|e| said(&e))?;
        }
        out.push(Sheet { name, csv });
    }
    Ok(out)
}

/// A cell as the text a CSV export would hold: dates in ISO, whole numbers without `.0`.
#[cfg(feature = "workbook")]
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(d) if d.is_duration() => number(d.as_f64()),
        Data::DateTime(d) => {
            let (y, mo, day, h, mi, s, ms) = d.to_ymd_hms_milli();
            if (h, mi, s, ms) == (0, 0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}")
            }
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(feature = "workbook")]
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"date,key\n2026-01-01,1\n"), Content::Text);
        assert_eq!(sniff(b""), Content::Text);
        assert_eq!(sniff(&[0xFF, 0xFE, b'd', 0, b'a', 0]), Content::Text);
        assert_eq!(sniff(b"%PDF-1.7\n%\xE2\xE3"), Content::Binary(Looks::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Content::Binary(Looks::Png));
        assert_eq!(sniff(&[0x1F, 0x8B, 8, 0]), Content::Binary(Looks::Gzip));
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0[Content_Types].xml....xl/workbook.xml"), Content::Workbook(Book::Xlsx));
        assert_eq!(
            sniff(b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK"),
            Content::Workbook(Book::Ods)
        );
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0word/document.xml"), Content::Binary(Looks::Zip));
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0[Content_Types].xml..word/document.xml"), Content::Binary(Looks::Zip));
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0photo.jpg"), Content::Binary(Looks::Zip));
        assert_eq!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), Content::Workbook(Book::Xls));
        assert_eq!(sniff(&[1, 2, 3, 0, 0, 0, 4, 5, 6, 0, b'a']), Content::Binary(Looks::Binary));
    }

    #[cfg(feature = "workbook")]
    #[test]
    fn a_sheet_becomes_csv_with_iso_dates() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("Logs").unwrap();
        sheet.write_string(0, 0, "Recipient ID").unwrap();
        sheet.write_string(0, 1, "Event date").unwrap();
        sheet.write_string(0, 2, "Note, quoted").unwrap();
        sheet.write_number(1, 0, 12345.0).unwrap();
        let day = ExcelDateTime::from_ymd(2026, 10, 24).unwrap();
        sheet.write_datetime_with_format(1, 1, &day, &Format::new().set_num_format("dd/mm/yyyy")).unwrap();
        sheet.write_number(2, 0, 2.5).unwrap();
        let at = ExcelDateTime::from_ymd(2026, 3, 29).unwrap().and_hms(1, 30, 0).unwrap();
        sheet.write_datetime_with_format(2, 1, &at, &Format::new().set_num_format("yyyy-mm-dd hh:mm")).unwrap();
        sheet.write_string(2, 2, "a \"b\", c").unwrap();
        book.add_worksheet().set_name("Empty").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert_eq!(sniff(&bytes), Content::Workbook(Book::Xlsx));
        let read = sheets("book.xlsx", Book::Xlsx, bytes).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].name, "Logs");
        assert_eq!(
            String::from_utf8(read[0].csv.clone()).unwrap(),
            "Recipient ID,Event date,\"Note, quoted\"\n12345,2026-10-24,\n2.5,2026-03-29T01:30:00,\"a \"\"b\"\", c\"\n"
        );
        assert!(read[1].is_empty());
        let error = sheets("book.xlsx", Book::Xlsx, b"PK\x03\x04 not a zip".to_vec()).unwrap_err();
        assert_eq!(error.id, "error-workbook");
        assert!(error.to_string().starts_with("book.xlsx: could not be read as a workbook ("), "{error}");
    }

    #[test]
    fn an_empty_sheet_is_a_warning_of_the_report_through_a_merge() {
        let mut counter = crate::Counter::default();
        counter.warn(empty_sheet("book.xlsx › Notes"));
        let file = counter.begin_file("book.xlsx › Logs", None);
        counter.push(file, b"recipientId,eventDate\n1,2026-01-05\n").unwrap();
        counter.end_file(file).unwrap();
        let mut merged = crate::Counter::default();
        merged.merge(counter);
        let report = merged.report(&crate::ReportSettings::default());
        assert_eq!(report.rows.counted, 1);
        assert_eq!(report.warnings, ["book.xlsx › Notes: empty sheet, skipped"]);
        assert_eq!(report.warning_messages[0].id, "warning-empty-sheet");
    }

    #[test]
    fn says_what_a_file_looks_like() {
        assert_eq!(
            not_csv("report.pdf", Looks::Pdf).to_string(),
            "report.pdf looks like a PDF document, not a CSV export"
        );
        assert_eq!(sheet_name("book.xlsx", "Sheet1"), "book.xlsx › Sheet1");
        assert_eq!(empty_sheet("book.xlsx › Notes").to_string(), "book.xlsx › Notes: empty sheet, skipped");
        assert_eq!(
            too_large("big.xlsx", 300 * 1024 * 1024).to_string(),
            "big.xlsx: a workbook of 300 MB is more than the 200 MB that are read at once; save its sheets as CSV"
        );
    }
}
