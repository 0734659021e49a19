//! Active-profile counting engine: bytes of delivery-log exports in, a report out.
//!
//! Marketing platforms such as Adobe Campaign license by *active profiles*:
//! the profiles that a counted delivery-log event reached in the last 12
//! months. This crate reads exported delivery logs and counts them exactly
//! as `counting-rules.md` defines, producing the `report.json` document of
//! `report-format.md` ([`Report`]).
//!
//! The engine is pure: no clock (the as-of date is an argument), no I/O
//! beyond the bytes it is pushed, no threads, no web dependency. It builds
//! natively and for `wasm32-unknown-unknown`.
//!
//! # Counting files
//!
//! A [`Counter`] is pushed the bytes of each file in chunks of any size (a
//! chunk may end inside a quoted field, a UTF-8 sequence or a UTF-16 code
//! unit), and never holds a whole file: its memory grows with the distinct
//! profiles, not with the rows.
//!
//! ```
//! use engine::{Counter, Options, ReportSettings};
//!
//! let mut counter = Counter::new(Options::default());
//! let file = counter.begin_file("part1.csv", Some("campaign-prod"));
//! counter.push(file, b"recipientId;eventDate;status\n1;2026-01-05;Sent\n2;2026-02-0")?;
//! counter.push(file, b"1;Ignored\n")?;
//! counter.end_file(file)?;
//! let report = counter.report(&ReportSettings::default());
//! assert_eq!(report.total_active, 1);
//! assert_eq!(report.rows.excluded, 1);
//! # Ok::<(), engine::FileError>(())
//! ```
//!
//! The encoding (UTF-8 with or without BOM, UTF-16 with BOM, else
//! Windows-1252), the delimiter (`,` `;` tab `|`, from the header line) and
//! the columns (by header name, see [`Field::aliases`]) are detected per
//! file; [`FileSummary`](report::FileSummary) in the report says what was
//! found.
//!
//! # When a column cannot be found
//!
//! A file whose header has no event-date column, or neither a profile-key nor
//! an address column, fails with [`FileError::MissingFields`], which lists the
//! headers found. Map the column by hand and read the file again:
//!
//! ```
//! use engine::{Counter, FileError, Options};
//!
//! let data = b"who,when\nA,2026-01-05\n";
//! let mut counter = Counter::new(Options::default());
//! let file = counter.begin_file("odd.csv", None);
//! let err = counter.push(file, data).and_then(|_| counter.end_file(file)).unwrap_err();
//! assert!(matches!(&err, FileError::MissingFields { missing, .. } if missing[0] == "event date"));
//! assert_eq!(err.headers(), ["who", "when"]);
//!
//! let mut options = Options::default();
//! options.map("event date", "when").unwrap();
//! options.map("profile key", "who").unwrap();
//! let mut counter = Counter::new(options);
//! let file = counter.begin_file("odd.csv", None);
//! counter.push(file, data)?;
//! counter.end_file(file)?;
//! # Ok::<(), FileError>(())
//! ```
//!
//! Bad rows never fail a file: they are *rejected* and listed in the
//! report's diagnosis with their file, line and reason.
//!
//! # Limits
//!
//! Whatever the bytes, the memory a file takes is bounded: a row whose fields
//! hold more than [`MAX_ROW_BYTES`] (1 MiB) is rejected as `row longer than
//! 1 MiB`, a row with more than [`MAX_FIELDS`] (10 000) fields as `more than
//! 10 000 fields (N)`, and a quote still open at the end of the file rejects
//! its row as `a quote is never closed: the rest of the file (lines A to B)
//! is one field`. A header line that breaks one of these fails the file with
//! [`FileError::BadHeader`]. A UTF-16 byte-order mark on 8-bit text, or a
//! UTF-8 one on Windows-1252 bytes, is read as what the bytes are, with a
//! warning. The one bound left is memory for the distinct profiles: about 55
//! bytes each plus the key (a file is never held, so its size does not
//! matter); in a browser the 4 GiB of a wasm32 memory are the ceiling.
//!
//! # Messages
//!
//! Every text the engine writes for people (a rejection reason, a warning, a
//! [`FileError`], an explain outcome) is English in the report, as
//! `report-format.md` shows it, and is also kept as a [`Message`]: an id and
//! typed arguments (`rejected[].message`, `warning_messages`,
//! [`FileError::message`]), which the viewer and the command line say in
//! their language (see [`message`]).
//!
//! # Rules and settings
//!
//! [`Options`] hold everything that decides which rows count: the mapping,
//! the day/month default, the time zone, and the classification
//! [`Rules`] (which statuses count, which failure reasons exclude, numeric
//! values). Every default of the spec is changeable, and the report's
//! `settings.rules` says which rules were in force:
//!
//! ```
//! let mut options = engine::Options::default();
//! options.rules.apply("Declined=excluded").unwrap();       // a status value
//! options.rules.apply("reason:Refused=excluded").unwrap(); // a failure reason
//! ```
//!
//! [`ReportSettings`] (as-of date, billing day, purchased profiles) only
//! choose what a report shows: call [`Counter::report`] again with other
//! settings, without reading the files again.
//!
//! # Deliveries
//!
//! An optional deliveries file gives each delivery its channel, target
//! dimension and transactional and proof flags. Read it into a
//! [`Deliveries`] (also from pushed chunks) and hand it to the counter before
//! the log files; a value on the log row itself always wins.
//!
//! # Splitting the work
//!
//! Counters made with the same options [`merge`](Counter::merge) into the
//! state that one pass over all their files would have given, so files can be
//! read on several threads or web workers. A counter is `Serialize` and
//! `Deserialize` (files still open excepted) to travel between workers.
//!
//! One large file can be split too, into byte ranges ([`Part`]s) counted by
//! separate counters and merged with [`Counter::merge_parts`] into exactly
//! what one pass over the file gives: its line numbers, its day/month order
//! and its encoding are still the whole file's. [`Split`] looks at the
//! file's first bytes and cuts it; every part is given that head (the header
//! line) and reads from its start, resynchronised on the next line break,
//! up to the end of the record that crosses its end. When a quoted line
//! break fooled a part, or a part read as UTF-8 what was already
//! Windows-1252, or decided the day/month order otherwise than the file did
//! before it, `merge_parts` merges nothing and answers with a [`Redo`]: the
//! one range to read again, from a record start that it knows. See the
//! [`split`] module for the details.
//!
//! ```
//! use engine::{Counter, Options, PartsError, ReportSettings, Split};
//!
//! let file = b"id;date\n1;2026-01-05\n2;\"a\n3;2026-01-06\"\n4;2026-01-07\n";
//! let head = &file[..file.len().min(engine::split::HEAD_BYTES)];
//! let split = Split::new(head, file.len() as u64);
//! // Each part is counted on its own thread or worker: the head, then bytes from its start.
//! let count = |part: &engine::Part| {
//!     let mut counter = Counter::new(Options::default());
//!     let id = counter.begin_part("big.csv", None, &head[..split.head_len()], part);
//!     let mut pos = part.start as usize;
//!     while pos < file.len() && !counter.part_done(id) {
//!         let end = (pos + 4).min(file.len()); // chunks of any size
//!         counter.push(id, &file[pos..end])?;
//!         pos = end;
//!     }
//!     counter.end_file(id).map(|_| counter)
//! };
//! let mut parts = split.parts_at(&[24]).iter().map(count).collect::<Result<Vec<_>, _>>()?;
//! let mut counter = Counter::new(Options::default());
//! // The cut at byte 24 falls inside the quoted field: the part after it is read again.
//! loop {
//!     match counter.merge_parts(&mut parts) {
//!         Ok(()) => break,
//!         Err(PartsError::Redo(redo)) => drop(parts.splice(redo.replaces, [count(&redo.part)?])),
//!         Err(PartsError::Invalid(why)) => panic!("{why}"),
//!     }
//! }
//! let report = counter.report(&ReportSettings::default());
//! assert_eq!((report.rows.read, report.total_active), (3, 2));
//! assert_eq!(report.rejected[0].line, 3); // `2;"a` : its date is `a` and a line break
//! assert_eq!(report.rejected[0].reason, "event date 'a\n3;2026-01-06' is not a date");
//! # Ok::<(), engine::FileError>(())
//! ```
//!
//! The work can also be split by profile instead of by bytes: counters made
//! with [`Counter::sharded`] each read the whole input but keep only the
//! profiles of their [`Shard`], and [`Counter::merge_shards`] appends their
//! stores (no profile is looked up) once it has checked that they read alike.
//! The store's work and memory are split, the reading is not.
//!
//! ```
//! use engine::{Counter, Options, ReportSettings, Shard};
//!
//! let file = b"id;date\n1;2026-01-05\n2;2026-01-06\n3;2026-01-07\n1;2026-01-08\n";
//! let shards = (0..2).map(|i| {
//!     let shard = Shard::new(i, 2).expect("i < 2");
//!     let mut counter = Counter::sharded(Options::default(), shard);
//!     let id = counter.begin_file("log.csv", None);
//!     counter.push(id, file)?;
//!     counter.end_file(id).map(|()| counter)
//! });
//! let shards = shards.collect::<Result<Vec<_>, _>>()?;
//! assert_eq!(shards.iter().map(Counter::profiles).sum::<usize>(), 3);
//! let counter = Counter::merge_shards(shards).expect("the shards read alike");
//! let report = counter.report(&ReportSettings::default());
//! assert_eq!((report.rows.read, report.total_active), (4, 3));
//! # Ok::<(), engine::FileError>(())
//! ```
//!
//! # Explaining a profile
//!
//! [`explain`] reads the same bytes again and returns the rows of one
//! profile (by key or address) with what became of each: counted, excluded
//! and why, or rejected.
//!
//! # Time zones
//!
//! Event dates are calendar dates in the report's time zone, UTC by default.
//! The zone is UTC, a fixed offset (`+02:00`) or a name of the IANA time-zone
//! database (`Europe/Paris`, embedded with `chrono-tz`): a timestamp with an
//! offset is moved into it with the zone's offset at that instant (daylight
//! saving time included); one without is taken as already in it.
//!
//! # Workbooks and other files
//!
//! [`workbook::sniff`] tells a workbook or another binary file from text by its
//! first bytes; with the feature `workbook`, `workbook::sheets` turns a
//! workbook into one CSV per sheet for a [`Counter`].
//!
//! # Readings of the spec
//!
//! Where `counting-rules.md` leaves room, the engine reads it as a billing
//! administrator would expect:
//! - a row is rejected for a missing key and address before its date is looked
//!   at; any readable date still tells its file's day/month order, and only a
//!   date valid in the order it tells decides it (`31/02/2026` does not);
//!   once decided, a date that contradicts the order is rejected;
//! - an empty status counts; an unknown status, failure reason or flag value is
//!   counted as the spec says (flags as false) and listed in `unrecognised`;
//! - a log row's delivery value is looked up as the deliveries file's key, then
//!   as its label; channel numbers 0 to 3 read as Email, SMS, Phone and Direct
//!   mail (changeable in [`Rules::channel_numbers`]);
//! - `nms:recipient`, `recipient` and `recipients` are the *Recipients*
//!   dimension; other dimension values are kept as written;
//! - keys and addresses are trimmed of surrounding spaces, never of case;
//! - case duplicates compare, for a profile with a key, the e-mail address it
//!   was reached at (its smallest by hash when it has several);
//! - *Expiring* for an as-of date before the last event date: a profile
//!   reached again after the as-of date is counted as leaving at the latest
//!   possible month (the engine keeps activity runs, not every event day);
//! - `dimensions` and `instances` also list names with 0 active profiles,
//!   `channels` only those with active profiles (social channels are always
//!   excluded); a status value the spec does not know stays in
//!   `unrecognised` after the user reclassifies it; `expiring` lists every month from the as-of date's to the last
//!   possible leaving month, zeros included; a billing day above 28 reads as 28.
//!
//! # Speed and memory
//!
//! Parsing is `csv_core`'s; dates are parsed by hand once per distinct
//! value in a row; classification values are looked up once per distinct
//! value; keys are interned into one arena. Memory grows with the distinct
//! profiles (about 68 bytes per profile on top of the key, see the `profiles`
//! module), and with the distinct days on which each profile was targeted
//! (6 bytes each, at most one per counted row). `cargo run --release -p active-profiles-engine
//! --example bench -- 1000000` measures a generated export against a plain
//! `csv` read of the same bytes.

pub mod aep;
pub mod aggregate;
pub mod engage;
pub mod generate;
pub mod message;
pub mod options;
pub mod plan;
pub mod preview;
pub mod report;

mod activity;
mod classify;
mod counter;
mod csvread;
mod date;
mod decode;
mod deliveries;
mod error;
mod explain;
mod fields;
pub mod languages;
mod profiles;
mod reporting;
mod rows;
pub mod split;
mod state;
pub mod workbook;

pub use aggregate::report_from_aggregate;
pub use counter::{Counter, FileError, FileId, ShardsError};
pub use csvread::{MAX_FIELDS, MAX_ROW_BYTES};
pub use deliveries::{Deliveries, DeliveryInfo};
pub use explain::{explain, rows_on, standing, Explain, ExplainedRow, Standing};
pub use fields::{normalise, DeliveryField, Field, DELIVERY_FIELDS, FIELDS, HEADERS};
pub use message::Message;
pub use options::{BillingDay, Options, ReportSettings, Rules, TimeZone};
pub use preview::{preview, Preview};
pub use profiles::Shard;
pub use report::Report;
pub use split::{Part, PartsError, Redo, Split};

/// The engine's version, as its package says (shown in reports and bundles).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A hash map with a fixed, fast hasher (no random seed: nothing to ask the platform for).
pub(crate) type FastMap<K, V> = hashbrown::HashMap<K, V, foldhash::fast::FixedState>;
