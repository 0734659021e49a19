//! Property and example tests: a file counted as byte ranges in separate counters and merged
//! (also through JSON) gives exactly the report of one sequential pass.

use engine::split::HEAD_BYTES;
use engine::{Counter, Options, Part, PartsError, Report, ReportSettings, Split};
use proptest::prelude::*;

mod common;
use common::Rng;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Dates {
    Iso,
    DayFirst,
    MonthFirst,
}

/// Encodings: 0 UTF-8, 1 UTF-8 with BOM, 2 Windows-1252, 3 UTF-8 that turns Windows-1252 at a random row, 4 UTF-16LE;
/// a UTF-8 byte-order mark also on some of 2 and 3 (a mark that lies).
fn random_file(r: &mut Rng) -> Vec<u8> {
    let delimiter = [",", ";", "\t", "|"][r.below(4)];
    let newline = ["\n", "\r\n", "\r"][r.below(3)];
    let dates = [Dates::Iso, Dates::DayFirst, Dates::MonthFirst][r.below(3)];
    let encoding = r.below(5);
    // How often a slash date tells the order (never, rarely, often).
    let tells = [0, 2, 30][r.below(3)];
    let rows = r.below(300);
    let switch_row = r.below(rows.max(1));
    let mut out: Vec<u8> = Vec::new();
    if encoding == 1 || (encoding == 2 || encoding == 3) && r.chance(20) {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    let header = ["recipientId", "eventDate", "status", "note"].join(delimiter);
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(newline.as_bytes());
    for row in 0..rows {
        let key = match r.below(20) {
            0 => String::new(),
            _ => format!("k{}", r.below(40)),
        };
        let (mut d, m) = (1 + r.below(28), 1 + r.below(12));
        if !r.chance(tells) && d > 12 {
            d -= 12;
        }
        let date = match (r.below(25), dates) {
            (0, _) => "n/a".to_string(),
            (1, _) => String::new(),
            // A date that contradicts the file's order (rejected once the order is known).
            (2, Dates::DayFirst) => format!("{m:02}/{:02}/2025", 13 + r.below(15)),
            (2, Dates::MonthFirst) => format!("{:02}/{m:02}/2025", 13 + r.below(15)),
            (_, Dates::Iso) => format!("2025-{m:02}-{d:02}"),
            (_, Dates::DayFirst) => format!("{d:02}/{m:02}/2025"),
            (_, Dates::MonthFirst) => format!("{m:02}/{d:02}/2025 10:00"),
        };
        let status = ["Sent", "Failed", "Ignored", "Declined", ""][r.below(5)];
        let note = match r.below(10) {
            0 => "\"two\nlines\"".to_string(),
            1 => "\"three\r\nline\rbreaks\n\"".to_string(),
            2 => format!("\"a{delimiter}b \"\"quoted\"\"\"",),
            3 => "café".to_string(),
            4 => "\"\n\n\"".to_string(),
            _ => "plain".to_string(),
        };
        let mut line = [key, date, status.to_string(), note].join(delimiter);
        if r.chance(2) {
            line.push_str(newline);
        }
        // Now and then a record ends with another line ending than the file's (a lone CR ends a record too).
        line.push_str(if r.chance(3) { ["\n", "\r\n", "\r"][r.below(3)] } else { newline });
        let bytes = line.into_bytes();
        let latin = encoding == 2 || (encoding == 3 && row >= switch_row);
        if latin {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            out.extend(text.chars().map(|c| if c == 'é' { 0xE9 } else { c as u8 }));
        } else {
            out.extend_from_slice(&bytes);
        }
    }
    if r.chance(10) {
        // A quote never closed: the rest of the file is one field of the last row.
        out.extend_from_slice(
            format!("k1{delimiter}2025-01-01{delimiter}Sent{delimiter}\"open{newline}{newline}x").as_bytes(),
        );
    }
    if encoding == 4 {
        let text = String::from_utf8_lossy(&out).into_owned();
        let mut le = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        return le;
    }
    out
}

fn push_all(counter: &mut Counter, id: engine::FileId, bytes: &[u8], from: usize, chunk: usize) {
    let mut pos = from;
    while pos < bytes.len() && !counter.part_done(id) {
        let end = (pos + chunk).min(bytes.len());
        let _ = counter.push(id, &bytes[pos..end]);
        pos = end;
    }
    counter.end_file(id).expect("the file reads");
}

fn sequential(bytes: &[u8], chunk: usize) -> Report {
    let mut counter = Counter::new(Options::default());
    let id = counter.begin_file("f.csv", None);
    push_all(&mut counter, id, bytes, 0, chunk);
    counter.report(&ReportSettings::default())
}

/// How a part's counter travels to the merge: as is, through JSON, or through bincode (the viewer's workers).
#[derive(Clone, Copy, Debug)]
enum Travel {
    Here,
    Json,
    Bincode,
}

fn count_part(bytes: &[u8], head: &[u8], part: &Part, chunk: usize, travel: Travel) -> Counter {
    let mut counter = Counter::new(Options::default());
    let id = counter.begin_part("f.csv", None, head, part);
    push_all(&mut counter, id, bytes, part.start as usize, chunk);
    match travel {
        Travel::Here => {}
        Travel::Json => {
            let text = serde_json::to_string(&counter).expect("serialises");
            counter = serde_json::from_str(&text).expect("deserialises");
        }
        Travel::Bincode => {
            let bytes = bincode::serialize(&counter).expect("serialises");
            counter = bincode::deserialize(&bytes).expect("deserialises");
        }
    }
    counter
}

/// The file cut at `cuts`, each part counted apart and merged; also the number of redos.
fn in_parts(bytes: &[u8], cuts: &[u64], chunk: usize, travel: Travel) -> (Report, usize, usize) {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let split = Split::new(head, bytes.len() as u64);
    let parts = split.parts_at(cuts);
    let mut counters: Vec<Counter> = parts.iter().map(|p| count_part(bytes, head, p, chunk, travel)).collect();
    let mut merged = Counter::new(Options::default());
    let mut redos = 0;
    loop {
        match merged.merge_parts(&mut counters) {
            Ok(()) => break,
            Err(PartsError::Redo(redo)) => {
                redos += 1;
                assert!(redos <= parts.len(), "more redos than parts: {redo:?}");
                let counter = count_part(bytes, head, &redo.part, chunk, travel);
                counters.splice(redo.replaces.clone(), [counter]);
            }
            Err(e) => panic!("{e}"),
        }
    }
    (merged.report(&ReportSettings::default()), parts.len(), redos)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn parts_merge_to_one_pass(seed in any::<u64>(), n in 0usize..9, chunk in 1usize..200, travel in 0usize..3) {
        let mut r = Rng(seed | 1);
        let bytes = random_file(&mut r);
        let cuts: Vec<u64> = (0..n).map(|_| r.below(bytes.len() + 1) as u64).collect();
        let want = sequential(&bytes, 4096);
        let travel = [Travel::Here, Travel::Json, Travel::Bincode][travel];
        let (got, _, _) = in_parts(&bytes, &cuts, chunk, travel);
        prop_assert_eq!(got, want);
    }
}

const HEADER: &str = "recipientId,eventDate,status,note\n";

fn rows(n: usize, row: impl Fn(usize) -> String) -> String {
    let mut s = HEADER.to_string();
    for i in 0..n {
        s.push_str(&row(i));
    }
    s
}

#[test]
fn rejected_lines_are_the_files_lines() {
    // Every third row has no key; notes hold line breaks, so rows and lines differ.
    let text = rows(60, |i| {
        let key = if i % 3 == 0 { String::new() } else { format!("k{i}") };
        format!("{key},2025-03-{:02},Sent,\"note\n{i}\"\n", 1 + i % 28)
    });
    let bytes = text.as_bytes();
    let want = sequential(bytes, 1 << 20);
    let lines: Vec<u64> = want.rejected.iter().map(|r| r.line).take(3).collect();
    assert_eq!(lines, [2, 8, 14]);
    let cuts: Vec<u64> = (1..7).map(|i| (bytes.len() * i / 7) as u64).collect();
    let (got, parts, _) = in_parts(bytes, &cuts, 1000, Travel::Bincode);
    assert_eq!(parts, 7);
    assert_eq!(got.rejected, want.rejected);
    assert_eq!(got.rejected.last().map(|r| (r.line, r.reason.as_str())), Some((116, "no profile key and no address")));
    assert_eq!(got, want);
}

#[test]
fn a_quoted_line_break_at_a_cut_is_read_again() {
    // The cut falls inside a quoted field whose line break looks like the end of a record,
    // and what follows it looks like a record of its own.
    let text = format!("{HEADER}k1,2025-01-02,Sent,\"x\nk9,2025-01-03,Sent,y\"\nk2,2025-01-04,Sent,z\n");
    let bytes = text.as_bytes();
    let cut = text.find("\"x").map(|i| i as u64 + 1).unwrap_or(0);
    let want = sequential(bytes, 7);
    assert_eq!(want.total_active, 2);
    let (got, parts, redos) = in_parts(bytes, &[cut], 3, Travel::Here);
    assert_eq!((parts, redos), (2, 1));
    assert_eq!(got, want);
}

#[test]
fn the_redo_names_the_range() {
    let text = format!("{HEADER}k1,2025-01-02,Sent,\"x\nk9,2025-01-03,Sent,y\"\nk2,2025-01-04,Sent,z\n");
    let bytes = text.as_bytes();
    let cut = text.find("\"x").map(|i| i as u64 + 1).unwrap_or(0);
    let split = Split::new(bytes, bytes.len() as u64);
    assert_eq!(split.head_len(), HEADER.len());
    let parts = split.parts_at(&[cut]);
    let mut counters: Vec<Counter> = parts.iter().map(|p| count_part(bytes, bytes, p, 64, Travel::Here)).collect();
    let mut merged = Counter::new(Options::default());
    let Err(PartsError::Redo(redo)) = merged.merge_parts(&mut counters) else { panic!("a redo") };
    let record_after = text.find("k2").unwrap_or(0) as u64;
    assert_eq!((redo.part.start, redo.part.end, redo.replaces), (record_after, bytes.len() as u64, 1..2));
    assert_eq!(counters.len(), 2, "nothing merged");
}

#[test]
fn the_day_month_order_is_the_whole_files() {
    // Ambiguous dates first; the date that tells (month first) is in the last part.
    let text =
        rows(40, |i| if i == 35 { "k35,01/25/2025,Sent,n\n".into() } else { format!("k{i},03/04/2025,Sent,n\n") });
    let bytes = text.as_bytes();
    let want = sequential(bytes, 1 << 20);
    assert!(want.warnings.is_empty(), "{:?}", want.warnings);
    assert_eq!(want.as_of.as_deref(), Some("2025-03-04"));
    let cuts: Vec<u64> = (1..5).map(|i| (bytes.len() * i / 5) as u64).collect();
    let (got, _, redos) = in_parts(bytes, &cuts, 100, Travel::Bincode);
    assert_eq!(redos, 0);
    assert_eq!(got, want);

    // Day first early, month first later: the later dates are rejected, as in one pass.
    let text = rows(40, |i| match i {
        2 => "k2,25/01/2025,Sent,n\n".into(),
        30 => "k30,01/26/2025,Sent,n\n".into(),
        _ => format!("k{i},03/04/2025,Sent,n\n"),
    });
    let bytes = text.as_bytes();
    let want = sequential(bytes, 1 << 20);
    assert_eq!(want.rejected.iter().map(|r| r.line).collect::<Vec<_>>(), [32]);
    let (got, _, redos) = in_parts(bytes, &cuts, 100, Travel::Json);
    assert_eq!(redos, 1);
    assert_eq!(got, want);
}

#[test]
fn windows_1252_from_the_first_invalid_byte() {
    // UTF-8 `é` early, a Windows-1252 `é` (0xE9) in the middle, UTF-8 bytes again after it.
    let mut bytes = rows(30, |i| format!("k{i},2025-01-{:02},Sent,café\n", 1 + i % 28)).into_bytes();
    let at = bytes.len() / 2;
    let line_end = at + bytes[at..].iter().position(|&b| b == b'\n').unwrap_or(0) + 1;
    bytes.splice(line_end..line_end, b"k99,2025-02-01,Sent,caf\xE9\n".iter().copied());
    let want = sequential(&bytes, 1 << 20);
    assert_eq!(want.files[0].encoding, "Windows-1252");
    assert_eq!(want.warnings, ["f.csv: not valid UTF-8 throughout; the rest was read as Windows-1252".to_string()]);
    let cuts = [(bytes.len() / 4) as u64, (bytes.len() * 3 / 4) as u64];
    let (got, _, redos) = in_parts(&bytes, &cuts, 50, Travel::Bincode);
    assert_eq!(redos, 1, "the last part read UTF-8 where the file was already Windows-1252");
    assert_eq!(got, want);
}

#[test]
fn a_row_too_long_names_the_files_lines() {
    let long = "y\n".repeat(600_000);
    let before = rows(100, |i| format!("k{i},2025-01-01,Sent,a\n"));
    let text = format!("{before}k2,2025-01-02,Sent,\"{long}\"\nk3,2025-01-03,Sent,b\n");
    let bytes = text.as_bytes();
    let want = sequential(bytes, 1 << 16);
    assert_eq!(want.rejected.len(), 1);
    assert_eq!(want.rejected[0].line, 102);
    assert_eq!(want.rejected[0].reason, "row longer than 1 MiB (lines 102 to 600102: a quote that is never closed?)");
    // The long row starts in the second part, which reads it past two cuts.
    let (got, parts, _) = in_parts(bytes, &[1000, 500_000, 1_000_000], 1 << 16, Travel::Json);
    assert_eq!(parts, 4);
    assert_eq!(got, want);
}

#[test]
fn a_header_with_stray_quotes_is_read_in_one_part() {
    // An odd number of quotes inside an unquoted header field: the header line ends at the first
    // line break for the CSV reader, not for the quote count.
    let text = "recipientId,event\"Date\"\"\nk1,2025-01-01,5\" disk\nk2,2025-01-02\n";
    let split = Split::new(text.as_bytes(), text.len() as u64);
    assert!(!split.can_split());
    assert_eq!(split.why_not(), Some("the quotes of the header line leave its end in doubt, or it is too short"));
    assert_eq!(split.parts(3).len(), 1);
    let ok = "recipientId,eventDate\nk1,2025-01-01\nk2,2025-01-02\n";
    assert_eq!(Split::new(ok.as_bytes(), ok.len() as u64).head_len(), 22);
}

#[test]
fn utf16_is_read_in_one_part() {
    let text = rows(10, |i| format!("k{i},2025-01-01,Sent,n\n"));
    let mut le = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    let split = Split::new(&le, le.len() as u64);
    assert!(!split.can_split());
    assert_eq!(split.why_not(), Some("UTF-16 files are read in one part"));
    assert_eq!(split.parts(4), [Part::whole(le.len() as u64)]);
    let (got, parts, _) = in_parts(&le, &[40, 80], 16, Travel::Here);
    assert_eq!(parts, 1);
    assert_eq!(got, sequential(&le, 16));
    assert_eq!(got.total_active, 10);
}

#[test]
fn parts_that_do_not_cover_the_file_are_refused() {
    let text = rows(100, |i| format!("k{i},2025-01-01,Sent,n\n"));
    let bytes = text.as_bytes();
    let split = Split::new(bytes, bytes.len() as u64);
    let parts = split.parts(3);
    let count = |part: &Part, upto: usize| {
        let mut c = Counter::new(Options::default());
        let id = c.begin_part("f.csv", None, bytes, part);
        c.push(id, &bytes[part.start as usize..upto]).expect("reads");
        c.end_file(id).expect("ends");
        c
    };
    // A missing part.
    let mut two: Vec<Counter> = parts[..2].iter().map(|p| count(p, bytes.len())).collect();
    let invalid = PartsError::Invalid("the parts are not the parts of one file, or leave a gap".into());
    assert_eq!(Counter::new(Options::default()).merge_parts(&mut two), Err(invalid));
    // The last part ended (by mistake) before the end of the file.
    let mut all: Vec<Counter> = parts.iter().map(|p| count(p, bytes.len())).collect();
    all[2] = count(&parts[2], bytes.len() - 30);
    let mut merged = Counter::new(Options::default());
    let ended = "a part was ended before it read its last record or the end of the file";
    assert_eq!(merged.merge_parts(&mut all), Err(PartsError::Invalid(ended.into())));
    all[2] = count(&parts[2], bytes.len());
    assert_eq!(merged.merge_parts(&mut all), Ok(()));
    assert_eq!(merged.report(&ReportSettings::default()).total_active, 100);
    let mut empty: Vec<Counter> = Vec::new();
    assert_eq!(merged.merge_parts(&mut empty), Err(PartsError::Invalid("no parts to merge".into())));
}

#[test]
fn equal_parts() {
    let text = rows(1000, |i| format!("k{i},2025-01-01,Sent,n\n"));
    let split = Split::new(text.as_bytes(), text.len() as u64);
    let parts = split.parts(4);
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[0].start, 0);
    assert_eq!(parts[3].end, text.len() as u64);
    assert!(parts.windows(2).all(|w| w[0].end == w[1].start));
    let (got, _, redos) =
        in_parts(text.as_bytes(), &parts[1..].iter().map(|p| p.start).collect::<Vec<_>>(), 4096, Travel::Bincode);
    assert_eq!((got.total_active, got.rows.read, redos), (1000, 1000, 0));
}
