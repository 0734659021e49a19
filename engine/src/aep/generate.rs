//! A seeded generator of AEP profile exports: the demo, the tests and the benchmark read what it writes.
//!
//! [`profile_export`] returns the files of a dataset export as AEP writes it to cloud storage:
//! `<dataset>/exportTime=YYYYMMDDHHMM/part-0000N.json`, one folder per snapshot, a month apart
//! (no `exportTime=` folder when [`ExportSpec::snapshots`] is 0), JSON lines of records with an
//! `identityMap`. [`write_export`] streams the same lines, so a million records never have to sit
//! in memory. The output is a pure function of the [`ExportSpec`]: ChaCha8 seeded from the spec
//! for the stream (which file a record goes to), a splitmix64 hash of (seed, person) for each
//! person's properties, so that a person keeps their identities from one snapshot to the next.
//!
//! What an export holds, by design (the traps of `journey-optimizer.md`):
//! - known people: a CRM record (`Email` primary, `CRMID`, often `Phone`, the person's name and
//!   `segmentMembership`), often a web record (`ECID` and the e-mail) and a mobile record (`AAID`,
//!   `CRMID`, `ECID`); person 0 is John Greene of `luma.com`;
//! - case variants: about 3% of people are written `John.Greene@luma.com` in the CRM and
//!   `john.greene@luma.com` on the web (two profiles, as in AEP), and about 1% with surrounding spaces;
//! - a few customers with two CRMIDs, shared devices (one ECID on several customers), and a junk
//!   e-mail `test@test.com` on about 30 people's web records, which joins them into one graph of
//!   well over 50 identities;
//! - pseudonymous-only profiles (`ECID`, sometimes `AAID`, nothing else);
//! - `segmentMembership.ups` over eight audiences, with `realized`, `existing` and `exited`
//!   statuses that follow each person from one snapshot to the next; about 10% of people join in a
//!   later snapshot and about 4% leave;
//! - when [`ExportSpec::rejected`], two records of each kind of [`REJECTED_KINDS`] per snapshot.

use chrono::{Datelike, Duration, Months, NaiveDate};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// One generated file: its path (with its `exportTime=` folder) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportSpec {
    pub seed: u64,
    /// Records per snapshot, about.
    pub records: usize,
    /// `exportTime=` folders, a month apart (0: files with no folder, one snapshot).
    pub snapshots: usize,
    /// Files per snapshot.
    pub files: usize,
    /// The dataset's folder (AEP names it by the dataset id).
    pub dataset: String,
    /// The first snapshot's day (`exportTime=YYYYMMDD0000`); the next ones a month apart.
    pub start: NaiveDate,
    /// Write two records of each kind of [`REJECTED_KINDS`] per snapshot (in its first file).
    pub rejected: bool,
}

impl Default for ExportSpec {
    fn default() -> Self {
        ExportSpec {
            seed: 1,
            records: 1000,
            snapshots: 2,
            files: 2,
            dataset: "demo".to_string(),
            start: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
            rejected: true,
        }
    }
}

/// The kinds of rejected records the generator writes (section 1), in order: not an object, bad
/// JSON, no identityMap, an empty one, more than 20 identities (23), an id missing, not a string,
/// empty after trimming, longer than 1024 characters, an ECID that is not 38 digits.
pub const REJECTED_KINDS: [&str; 10] = [
    "not-object",
    "bad-json",
    "no-identity-map",
    "empty-identity-map",
    "too-many-identities",
    "id-missing",
    "id-not-string",
    "id-empty",
    "id-too-long",
    "bad-ecid",
];

/// Rejected records per snapshot when [`ExportSpec::rejected`].
pub fn rejected_per_snapshot(spec: &ExportSpec) -> usize {
    if spec.rejected {
        2 * REJECTED_KINDS.len()
    } else {
        0
    }
}

/// The audiences (segment ids) of a generated export and the share of people in each.
pub const AUDIENCES: [(&str, f64); 8] = [
    ("fa5c1e2b-3d4f-4a6b-9c8d-7e6f5a4b3c2d", 0.45),
    ("0b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", 0.30),
    ("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", 0.22),
    ("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", 0.15),
    ("3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b", 0.10),
    ("4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c", 0.06),
    ("5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d", 0.03),
    ("6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e", 0.01),
];

const FIRST: [&str; 24] = [
    "John", "Mary", "Ahmed", "Sofia", "Lars", "Emma", "Pierre", "Anna", "Jan", "Fatima", "Lucas", "Chloe", "Noah",
    "Ines", "Erik", "Mila", "Hugo", "Lea", "Daan", "Sara", "Oskar", "Julia", "Yusuf", "Nora",
];
const LAST: [&str; 24] = [
    "Greene",
    "Smith",
    "Jansen",
    "Dubois",
    "Muller",
    "Andersson",
    "Bakker",
    "Martin",
    "Schmidt",
    "Nilsson",
    "Visser",
    "Bernard",
    "Weber",
    "Larsson",
    "Peeters",
    "Petit",
    "Wagner",
    "Berg",
    "Mertens",
    "Moreau",
    "Fischer",
    "Lindqvist",
    "Janssens",
    "Laurent",
];
const DOMAINS: [&str; 6] = ["luma.com", "example.org", "mail.com", "gmx.de", "orange.fr", "ziggo.nl"];
const STATES: [&str; 3] = ["ambiguous", "authenticated", "loggedOut"];

/// The path of file `file` (0-based) of snapshot `snapshot` (0-based).
fn path(spec: &ExportSpec, snapshot: usize, file: usize) -> String {
    if spec.snapshots == 0 {
        format!("{}/part-{file:05}.json", spec.dataset)
    } else {
        let day = spec.start.checked_add_months(Months::new(snapshot as u32)).unwrap_or(spec.start);
        format!(
            "{}/exportTime={:04}{:02}{:02}0000/part-{file:05}.json",
            spec.dataset,
            day.year(),
            day.month(),
            day.day()
        )
    }
}

/// The paths of the export's files, in the order [`write_export`] numbers them (snapshot, then file).
pub fn export_paths(spec: &ExportSpec) -> Vec<String> {
    let files = spec.files.max(1);
    (0..spec.snapshots.max(1)).flat_map(|s| (0..files).map(move |f| path(spec, s, f))).collect()
}

/// The files of an export, as JSON lines, in path order.
pub fn profile_export(spec: &ExportSpec) -> Vec<GeneratedFile> {
    let mut files: Vec<GeneratedFile> =
        export_paths(spec).into_iter().map(|path| GeneratedFile { path, bytes: Vec::new() }).collect();
    write_export(spec, &mut |file, line| files[file].bytes.extend_from_slice(line));
    files
}

/// Streams the export: `out(file, line)` for each record, `file` an index into [`export_paths`],
/// `line` one JSON document ending in `\n`. Returns the number of lines written.
pub fn write_export(spec: &ExportSpec, out: &mut dyn FnMut(usize, &[u8])) -> u64 {
    let files = spec.files.max(1);
    let snapshots = spec.snapshots.max(1);
    let people = people(spec);
    let mut g = Gen::new(spec, people);
    g.buf = Vec::with_capacity(1024);
    let mut written = 0;
    for s in 0..snapshots {
        let day = spec.start.checked_add_months(Months::new(s as u32)).unwrap_or(spec.start);
        g.times = (0..64)
            .map(|back| {
                let d = day - Duration::days(back + 1);
                let secs = mix(spec.seed ^ back as u64) % 86_400;
                format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                    d.year(),
                    d.month(),
                    d.day(),
                    secs / 3600,
                    secs / 60 % 60,
                    secs % 60
                )
            })
            .collect();
        let mut rng = ChaCha8Rng::seed_from_u64(mix(spec.seed) ^ s as u64);
        let base = s * files;
        let rejects = if spec.rejected { 2 * REJECTED_KINDS.len() as u64 } else { 0 };
        let mut next_reject = 0u64;
        for p in 0..people {
            while next_reject < rejects && p >= (next_reject + 1) * people / (rejects + 1) {
                g.buf.clear();
                rejected_record(&mut g.buf, REJECTED_KINDS[(next_reject as usize) % REJECTED_KINDS.len()], p);
                out(base, &g.buf);
                written += 1;
                next_reject += 1;
            }
            if !g.present(p, s as u64) {
                continue;
            }
            g.person(p, s as u64, &mut |line| {
                let file = if files == 1 { 0 } else { (rng.next_u32() as usize) % files };
                out(base + file, line);
                written += 1;
            });
        }
        while next_reject < rejects {
            g.buf.clear();
            rejected_record(&mut g.buf, REJECTED_KINDS[(next_reject as usize) % REJECTED_KINDS.len()], people);
            out(base, &g.buf);
            written += 1;
            next_reject += 1;
        }
    }
    written
}

/// The number of people of an export (persons `0..people`): about 1.9 records per person present,
/// and about 93% of people present in a snapshot when there are several.
fn people(spec: &ExportSpec) -> u64 {
    ((spec.records as f64 / 1.9 / if spec.snapshots > 1 { 0.93 } else { 1.0 }).ceil() as u64).max(1)
}

/// The people of an export and their identities, for generators of other data about the same people
/// (the engagement events of [`crate::engage::generate`]).
pub struct People {
    g: Gen,
    count: u64,
}

impl People {
    pub fn new(spec: &ExportSpec) -> People {
        let count = people(spec);
        People { g: Gen::new(spec, count), count }
    }

    /// The number of people: persons `0..count()`.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Person `p`'s own identities, `(namespace, id)` as the export writes them, each once, in the order
    /// of the person's records: a known person's CRM record (`Email` as written there, `CRMID`, maybe
    /// `Phone`), web record (`ECID`, and the e-mail when it is written otherwise there, lower-case for a
    /// case variant), mobile record (`AAID`, its `ECID`) and second `CRMID`; a pseudonymous person's
    /// `ECID` and maybe `AAID`. Left out: the junk `test@test.com`, shared devices' ECIDs (not one
    /// person's) and the e-mail with surrounding spaces (the same e-mail once trimmed). A person absent
    /// from a snapshot (about 10% join later, 4% leave) has no record there.
    pub fn identities(&self, p: u64) -> Vec<(&'static str, String)> {
        let g = &self.g;
        let mut out: Vec<(&'static str, String)> = Vec::with_capacity(8);
        let mut add = |ns: &'static str, write: &dyn Fn(&mut Vec<u8>)| {
            let mut buf = Vec::with_capacity(48);
            write(&mut buf);
            let id = String::from_utf8_lossy(&buf).into_owned();
            if !out.iter().any(|(n, i)| *n == ns && *i == id) {
                out.push((ns, id));
            }
        };
        let junk = p % g.junk_period == 3;
        match g.shape(p) {
            Shape::Pseudonymous => {
                add("ECID", &|b| ecid(b, g.h(p, 10), g.h(p, 11)));
                if g.u(p, 12) < 0.4 {
                    add("AAID", &|b| aaid(b, g.h(p, 13), g.h(p, 14)));
                }
            }
            Shape::Known => {
                let case_variant = p == 0 || g.u(p, 20) < 0.03;
                let web = junk || case_variant || g.u(p, 22) < 0.7;
                let mobile = junk || (!case_variant && g.u(p, 23) < 0.3);
                add("Email", &|b| g.email(b, p, case_variant));
                add("CRMID", &|b| g.crmid(b, p, 0));
                if g.u(p, 24) < 0.4 {
                    add("Phone", &|b| {
                        b.push(b'+');
                        num(b, 31_600_000_000 + g.h(p, 25) % 100_000_000);
                    });
                }
                if web {
                    add("ECID", &|b| ecid(b, g.h(p, 30), g.h(p, 31)));
                    if !junk {
                        add("Email", &|b| g.email(b, p, false));
                    }
                }
                if mobile {
                    add("AAID", &|b| aaid(b, g.h(p, 33), g.h(p, 34)));
                    if !junk {
                        add("ECID", &|b| ecid(b, g.h(p, 35), g.h(p, 36)));
                    }
                }
                if p != 0 && g.u(p, 40) < 0.01 {
                    add("CRMID", &|b| g.crmid(b, p, 1));
                }
            }
        }
        out
    }
}

pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

pub(crate) fn unit(x: u64) -> f64 {
    (x >> 11) as f64 / (1u64 << 53) as f64
}

struct Gen {
    seed: u64,
    snapshots: u64,
    junk_period: u64,
    shared_devices: u64,
    buf: Vec<u8>,
    /// `lastQualificationTime` values of this snapshot (the days before it).
    times: Vec<String>,
}

/// The kind of record a person writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Known,
    Pseudonymous,
}

impl Gen {
    fn new(spec: &ExportSpec, people: u64) -> Gen {
        Gen {
            seed: spec.seed,
            snapshots: spec.snapshots.max(1) as u64,
            junk_period: (people / 32).max(2),
            shared_devices: (people / 500).max(1),
            buf: Vec::new(),
            times: Vec::new(),
        }
    }

    /// A hash of (seed, person, what).
    fn h(&self, p: u64, what: u64) -> u64 {
        mix(self.seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ mix(p.wrapping_mul(0x1000_0000_01B3) ^ what))
    }

    fn u(&self, p: u64, what: u64) -> f64 {
        unit(self.h(p, what))
    }

    /// Whether person `p` is in snapshot `s`: about 10% join in a later snapshot, 4% leave.
    fn present(&self, p: u64, s: u64) -> bool {
        if self.snapshots <= 1 {
            return true;
        }
        let join = if self.u(p, 1) < 0.10 { 1 + self.h(p, 2) % (self.snapshots - 1) } else { 0 };
        let leave = if self.u(p, 3) < 0.04 { 1 + self.h(p, 4) % (self.snapshots - 1) } else { u64::MAX };
        join <= s && s < leave && !(join > 0 && leave <= join)
    }

    fn shape(&self, p: u64) -> Shape {
        if p != 0 && p % self.junk_period != 3 && self.u(p, 5) < 0.12 {
            Shape::Pseudonymous
        } else {
            Shape::Known
        }
    }

    /// Writes person `p`'s records of snapshot `s`, each line to `emit`.
    fn person(&mut self, p: u64, s: u64, emit: &mut dyn FnMut(&[u8])) {
        let mut buf = std::mem::take(&mut self.buf);
        let junk = p % self.junk_period == 3;
        match self.shape(p) {
            Shape::Pseudonymous => {
                buf.clear();
                self.open(&mut buf, p, 0);
                buf.extend_from_slice(b"\"ECID\":[{\"id\":\"");
                ecid(&mut buf, self.h(p, 10), self.h(p, 11));
                buf.extend_from_slice(b"\",\"authenticatedState\":\"ambiguous\",\"primary\":true}]");
                if self.u(p, 12) < 0.4 {
                    buf.extend_from_slice(b",\"AAID\":[{\"id\":\"");
                    aaid(&mut buf, self.h(p, 13), self.h(p, 14));
                    buf.extend_from_slice(b"\",\"authenticatedState\":\"ambiguous\"}]");
                }
                buf.push(b'}');
                if self.u(p, 15) < 0.5 {
                    self.segments(&mut buf, p, s);
                }
                buf.extend_from_slice(b"}\n");
                emit(&buf);
            }
            Shape::Known => {
                let case_variant = p == 0 || self.u(p, 20) < 0.03;
                let spaces = !case_variant && self.u(p, 21) < 0.01;
                let web = junk || case_variant || self.u(p, 22) < 0.7;
                let mobile = junk || (!case_variant && self.u(p, 23) < 0.3);
                // The CRM record: Email (primary), CRMID, Phone, name, audiences.
                buf.clear();
                self.open(&mut buf, p, 1);
                buf.extend_from_slice(b"\"Email\":[{\"id\":\"");
                self.email(&mut buf, p, case_variant);
                buf.extend_from_slice(
                    b"\",\"primary\":true,\"authenticatedState\":\"authenticated\"}],\"CRMID\":[{\"id\":\"",
                );
                self.crmid(&mut buf, p, 0);
                buf.extend_from_slice(b"\",\"authenticatedState\":\"authenticated\"}]");
                if self.u(p, 24) < 0.4 {
                    buf.extend_from_slice(b",\"Phone\":[{\"id\":\"+");
                    num(&mut buf, 31_600_000_000 + self.h(p, 25) % 100_000_000);
                    buf.extend_from_slice(b"\"}]");
                }
                buf.extend_from_slice(b"},\"person\":{\"name\":{\"firstName\":\"");
                buf.extend_from_slice(FIRST[self.first(p)].as_bytes());
                buf.extend_from_slice(b"\",\"lastName\":\"");
                buf.extend_from_slice(LAST[self.last(p)].as_bytes());
                buf.extend_from_slice(b"\"}}");
                if self.u(p, 26) < 0.88 {
                    self.segments(&mut buf, p, s);
                }
                buf.extend_from_slice(b"}\n");
                emit(&buf);
                // The web record: a device and the e-mail typed on the site.
                if web {
                    buf.clear();
                    self.open(&mut buf, p, 2);
                    buf.extend_from_slice(b"\"ECID\":[{\"id\":\"");
                    ecid(&mut buf, self.h(p, 30), self.h(p, 31));
                    buf.extend_from_slice(b"\",\"authenticatedState\":\"ambiguous\"}],\"Email\":[{\"id\":\"");
                    if junk {
                        buf.extend_from_slice(b"test@test.com");
                    } else if spaces {
                        buf.push(b' ');
                        self.email(&mut buf, p, false);
                        buf.push(b' ');
                    } else {
                        self.email(&mut buf, p, false);
                    }
                    buf.extend_from_slice(b"\",\"authenticatedState\":\"");
                    buf.extend_from_slice(STATES[(self.h(p, 32) % 3) as usize].as_bytes());
                    buf.extend_from_slice(b"\"}]}}\n");
                    emit(&buf);
                }
                // The mobile record: the app's advertising id, the CRM id it logged in with, a second ECID.
                if mobile {
                    buf.clear();
                    self.open(&mut buf, p, 3);
                    buf.extend_from_slice(b"\"AAID\":[{\"id\":\"");
                    aaid(&mut buf, self.h(p, 33), self.h(p, 34));
                    buf.extend_from_slice(b"\"}],\"CRMID\":[{\"id\":\"");
                    self.crmid(&mut buf, p, 0);
                    buf.extend_from_slice(b"\",\"primary\":true}],\"ECID\":[{\"id\":\"");
                    if junk {
                        ecid(&mut buf, self.h(p, 30), self.h(p, 31));
                    } else {
                        ecid(&mut buf, self.h(p, 35), self.h(p, 36));
                    }
                    buf.extend_from_slice(b"\"}]}}\n");
                    emit(&buf);
                }
                // A second CRMID for the same e-mail (a customer created twice).
                if p != 0 && self.u(p, 40) < 0.01 {
                    buf.clear();
                    self.open(&mut buf, p, 4);
                    buf.extend_from_slice(b"\"CRMID\":[{\"id\":\"");
                    self.crmid(&mut buf, p, 1);
                    buf.extend_from_slice(b"\"}],\"Email\":[{\"id\":\"");
                    self.email(&mut buf, p, case_variant);
                    buf.extend_from_slice(b"\",\"primary\":true}]}}\n");
                    emit(&buf);
                }
                // A shared device: a family tablet's ECID, seen with several customers' e-mails.
                if p != 0 && self.u(p, 41) < 0.01 {
                    buf.clear();
                    self.open(&mut buf, p, 5);
                    buf.extend_from_slice(b"\"ECID\":[{\"id\":\"");
                    let d = self.h(p, 42) % self.shared_devices;
                    ecid(&mut buf, mix(self.seed ^ d ^ 0x5AAD), mix(d ^ 0xD5));
                    buf.extend_from_slice(b"\"}],\"Email\":[{\"id\":\"");
                    self.email(&mut buf, p, case_variant);
                    buf.extend_from_slice(b"\"}]}}\n");
                    emit(&buf);
                }
            }
        }
        self.buf = buf;
    }

    /// `{"_id":"…","timestamp":…,"identityMap":{` (the caller writes the namespaces and closes it).
    fn open(&self, buf: &mut Vec<u8>, p: u64, record: u64) {
        buf.extend_from_slice(b"{\"_id\":\"");
        hex(buf, self.h(p, 100 + record), 16);
        hex(buf, self.h(p, 200 + record), 16);
        buf.extend_from_slice(b"\",\"_repo\":{\"createDate\":\"");
        buf.extend_from_slice(self.times[(self.h(p, 300 + record) % 64) as usize].as_bytes());
        buf.extend_from_slice(b"\"},\"identityMap\":{");
    }

    fn first(&self, p: u64) -> usize {
        if p == 0 {
            0
        } else {
            (self.h(p, 6) % FIRST.len() as u64) as usize
        }
    }

    fn last(&self, p: u64) -> usize {
        if p == 0 {
            0
        } else {
            (self.h(p, 7) % LAST.len() as u64) as usize
        }
    }

    /// `john.greene17@luma.com`, or `John.Greene17@luma.com` when `capitalised` (person 0 has no number).
    fn email(&self, buf: &mut Vec<u8>, p: u64, capitalised: bool) {
        let (first, last) = (FIRST[self.first(p)].as_bytes(), LAST[self.last(p)].as_bytes());
        for (i, b) in first.iter().enumerate() {
            buf.push(if i == 0 && capitalised { *b } else { b.to_ascii_lowercase() });
        }
        buf.push(b'.');
        for (i, b) in last.iter().enumerate() {
            buf.push(if i == 0 && capitalised { *b } else { b.to_ascii_lowercase() });
        }
        if p != 0 {
            num(buf, p);
        }
        buf.push(b'@');
        let domain = if p == 0 { 0 } else { (self.h(p, 8) % DOMAINS.len() as u64) as usize };
        buf.extend_from_slice(DOMAINS[domain].as_bytes());
    }

    /// `60013ABC`-like CRM ids: a number and three letters, `which` 0 or 1 (the second one).
    fn crmid(&self, buf: &mut Vec<u8>, p: u64, which: u64) {
        num(buf, 60_000_000 + p * 2 + which);
        let h = self.h(p, 9 + which * 50);
        for k in 0..3 {
            buf.push(b'A' + ((h >> (k * 8)) % 26) as u8);
        }
    }

    /// `"segmentMembership":{"ups":{…}}` with this snapshot's statuses (nothing when the person was never in any).
    fn segments(&self, buf: &mut Vec<u8>, p: u64, s: u64) {
        let mut first = true;
        for (a, (id, share)) in AUDIENCES.iter().enumerate() {
            let a = a as u64;
            if self.u(p, 500 + a) >= *share {
                continue;
            }
            // In the audience at snapshot t unless it churned then (10%); t = s and the one before.
            let member = |t: u64| self.u(p, 600 + a * 64 + t % 64) >= 0.10;
            let (now, before) = (member(s + 1), member(s));
            let status: &[u8] = match (now, before) {
                (true, true) => b"existing",
                (true, false) => b"realized",
                (false, true) => b"exited",
                (false, false) => continue,
            };
            buf.extend_from_slice(if first { b",\"segmentMembership\":{\"ups\":{\"" } else { b",\"" });
            first = false;
            buf.extend_from_slice(id.as_bytes());
            buf.extend_from_slice(b"\":{\"status\":\"");
            buf.extend_from_slice(status);
            buf.extend_from_slice(b"\",\"lastQualificationTime\":\"");
            buf.extend_from_slice(self.times[(self.h(p, 700 + a) % 64) as usize].as_bytes());
            buf.extend_from_slice(b"\"}");
        }
        if !first {
            buf.extend_from_slice(b"}}");
        }
    }
}

fn num(buf: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[i..]);
}

fn hex(buf: &mut Vec<u8>, n: u64, digits: u32) {
    for k in (0..digits).rev() {
        buf.push(b"0123456789abcdef"[((n >> (k * 4)) & 15) as usize]);
    }
}

/// 38 digits, the first not 0.
fn ecid(buf: &mut Vec<u8>, a: u64, b: u64) {
    const E19: u64 = 10_000_000_000_000_000_000;
    let hi = a % (E19 - E19 / 10) + E19 / 10; // 19 digits, first not 0
    let lo = b % E19;
    num(buf, hi);
    let mut digits = [b'0'; 19];
    let mut n = lo;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
    buf.extend_from_slice(&digits);
}

/// An advertising id: `8-4-4-4-12` upper-case hex.
fn aaid(buf: &mut Vec<u8>, a: u64, b: u64) {
    let mut hexes = Vec::with_capacity(32);
    hex(&mut hexes, a, 16);
    hex(&mut hexes, b, 16);
    for (i, c) in hexes.iter().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            buf.push(b'-');
        }
        buf.push(c.to_ascii_uppercase());
    }
}

/// One rejected record of `kind` (see [`REJECTED_KINDS`]), with `\n`.
fn rejected_record(buf: &mut Vec<u8>, kind: &str, p: u64) {
    match kind {
        "not-object" => buf.extend_from_slice(b"[\"identityMap\",{\"Email\":[{\"id\":\"a@b.c\"}]}]"),
        "bad-json" => buf.extend_from_slice(b"{\"identityMap\":{\"Email\":[{\"id\":\"half@written.com\""),
        "no-identity-map" => buf.extend_from_slice(b"{\"person\":{\"name\":{\"firstName\":\"Nobody\"}}}"),
        "empty-identity-map" => {
            buf.extend_from_slice(b"{\"identityMap\":{},\"person\":{\"name\":{\"firstName\":\"Empty\"}}}")
        }
        "too-many-identities" => {
            buf.extend_from_slice(b"{\"identityMap\":{\"Email\":[");
            for k in 0..23u64 {
                if k > 0 {
                    buf.push(b',');
                }
                buf.extend_from_slice(b"{\"id\":\"many");
                num(buf, k);
                buf.push(b'.');
                num(buf, p);
                buf.extend_from_slice(b"@luma.com\"}");
            }
            buf.extend_from_slice(b"]}}");
        }
        "id-missing" => buf.extend_from_slice(b"{\"identityMap\":{\"Email\":[{\"primary\":true}]}}"),
        "id-not-string" => buf.extend_from_slice(b"{\"identityMap\":{\"CRMID\":[{\"id\":60013}]}}"),
        "id-empty" => buf.extend_from_slice(b"{\"identityMap\":{\"Email\":[{\"id\":\"   \"}]}}"),
        "id-too-long" => {
            buf.extend_from_slice(b"{\"identityMap\":{\"CRMID\":[{\"id\":\"");
            buf.extend(std::iter::repeat_n(b'x', 1100));
            buf.extend_from_slice(b"\"}]}}");
        }
        _ => buf.extend_from_slice(b"{\"identityMap\":{\"ECID\":[{\"id\":\"3411396585445079664\"}]}}"),
    }
    buf.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_spec_gives_the_same_files_in_their_folders() {
        let spec = ExportSpec { records: 3000, snapshots: 3, files: 2, ..Default::default() };
        let a = profile_export(&spec);
        assert_eq!(a, profile_export(&spec));
        let paths: Vec<&str> = a.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "demo/exportTime=202611010000/part-00000.json",
                "demo/exportTime=202611010000/part-00001.json",
                "demo/exportTime=202612010000/part-00000.json",
                "demo/exportTime=202612010000/part-00001.json",
                "demo/exportTime=202701010000/part-00000.json",
                "demo/exportTime=202701010000/part-00001.json",
            ]
        );
        assert_ne!(a, profile_export(&ExportSpec { seed: 2, ..spec.clone() }));
        let flat = profile_export(&ExportSpec { snapshots: 0, files: 1, ..spec });
        assert_eq!(flat.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["demo/part-00000.json"]);
    }

    #[test]
    fn every_line_is_json_and_the_traps_are_there() {
        let spec = ExportSpec { records: 5000, snapshots: 2, files: 3, ..Default::default() };
        let files = profile_export(&spec);
        let (mut objects, mut broken) = (0, 0);
        let mut per_snapshot = [0usize; 2];
        let text: String = files.iter().map(|f| String::from_utf8_lossy(&f.bytes).into_owned()).collect();
        for (i, f) in files.iter().enumerate() {
            for line in f.bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                per_snapshot[i / 3] += 1;
                match serde_json::from_slice::<serde_json::Value>(line) {
                    Ok(v) if v.get("identityMap").is_some() => objects += 1,
                    Ok(_) => {}
                    Err(_) => broken += 1,
                }
            }
        }
        assert_eq!(broken, 4, "two bad-json records per snapshot");
        assert!(objects > 9000, "{objects}");
        for n in per_snapshot {
            assert!((4500..5500).contains(&n), "records of a snapshot: {n}");
        }
        assert!(text.contains("\"John.Greene@luma.com\"") && text.contains("\"john.greene@luma.com\""));
        assert!(text.matches("\"test@test.com\"").count() >= 50);
        assert!(text.contains("\"status\":\"realized\"") && text.contains("\"status\":\"exited\""));
        assert!(text.contains("\"status\":\"existing\""));
        assert!(text.contains("\"id\":\" "), "an e-mail with surrounding spaces");
    }

    #[test]
    fn the_counter_finds_every_trap_of_the_generated_export() {
        use crate::aep::{ProfileCounter, ProfileSettings};
        let spec = ExportSpec { records: 4000, snapshots: 2, files: 2, ..Default::default() };
        let mut c = ProfileCounter::new();
        for f in profile_export(&spec) {
            let id = c.begin_file(&f.path, crate::aep::snapshot_of(&f.path).as_deref());
            c.push(id, &f.bytes).unwrap();
            c.end_file(id).unwrap();
        }
        let r = c.report(&ProfileSettings::default());
        assert_eq!(r.rows.rejected, 2 * rejected_per_snapshot(&spec) as u64);
        assert_eq!(r.snapshots.len(), 2);
        for s in &r.snapshots {
            assert!(s.collapse.over_limit >= 1, "the junk e-mail's graph");
            assert!(s.collapse.unique_conflicts.iter().any(|c| c.namespace == "CRMID" && c.profiles > 0));
            assert!(s.case_duplicates.iter().any(|c| c.namespace == "Email" && c.fewer > 10));
            assert!(s.pseudonymous_only > 100 && s.unsegmented > 100);
            assert_eq!(s.audiences.len(), 8);
        }
        assert!(r.change[0].added > 50 && r.change[0].removed > 20, "{:?}", r.change);
    }

    #[test]
    fn the_identities_of_each_person_are_in_the_export() {
        let spec = ExportSpec { records: 2000, snapshots: 3, files: 1, rejected: false, ..Default::default() };
        let people = People::new(&spec);
        let mut written = std::collections::HashSet::new();
        for f in profile_export(&spec) {
            for line in f.bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                let v: serde_json::Value = serde_json::from_slice(line).unwrap();
                for (ns, list) in v["identityMap"].as_object().unwrap() {
                    for e in list.as_array().unwrap() {
                        written.insert((ns.clone(), e["id"].as_str().unwrap().trim().to_string()));
                    }
                }
            }
        }
        let (mut found, mut missing, mut namespaces) = (0, 0, std::collections::BTreeSet::new());
        for p in 0..people.count() {
            let ids = people.identities(p);
            assert!(!ids.is_empty());
            for (ns, id) in ids {
                namespaces.insert(ns);
                assert_ne!(id, "test@test.com");
                if written.contains(&(ns.to_string(), id)) {
                    found += 1;
                } else {
                    missing += 1;
                }
            }
        }
        // Only people never present in any snapshot (joining after they left) are missing.
        assert!(found > 3000 && missing < found / 100, "{found} found, {missing} missing");
        assert_eq!(namespaces.into_iter().collect::<Vec<_>>(), ["AAID", "CRMID", "ECID", "Email", "Phone"]);
        assert_eq!(people.identities(0)[0], ("Email", "John.Greene@luma.com".to_string()));
    }

    /// `cargo test --release -p active-profiles-engine --lib generate_a_million -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn generate_a_million_records() {
        let spec = ExportSpec { records: 1_000_000, snapshots: 1, files: 1, ..Default::default() };
        let (mut bytes, mut lines) = (0usize, 0u64);
        let start = std::time::Instant::now();
        write_export(&spec, &mut |_, line| {
            bytes += line.len();
            lines += 1;
        });
        println!("{lines} lines, {bytes} bytes in {:?}", start.elapsed());
    }
}
