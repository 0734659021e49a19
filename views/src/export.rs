//! The report's tables as CSV files for spreadsheets: UTF-8 with a byte-order mark, `,` or `;`, formula-safe.
//!
//! [`tables`] lists every table of a report with its column headings in the
//! chosen language ([`profile_tables`] those of a Journey Optimizer Profiles
//! report); [`to_csv`] writes one of them. Figures are written raw
//! (`12840`, not `12,840`) and dates as `YYYY-MM-DD`, so that a spreadsheet
//! reads them as numbers and dates in any locale.
//!
//! Values that come from the input files (labels, file names, keys) may begin
//! with characters a spreadsheet takes for a formula; [`escape`] prefixes such
//! a cell with `'` so that it stays text:
//!
//! ```
//! assert_eq!(views::export::escape("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
//! assert_eq!(views::export::escape("Sent"), "Sent");
//! ```

use std::borrow::Cow;

use engine::aep::report::{NamespaceCount, PairCount, SnapshotFigures};
use engine::aep::ProfilesReport;
use engine::Report;

use crate::diagnosis::{field_label, reason_label};
use crate::locale::{tr, trf, Lang};
use crate::said::say;

/// The byte-order mark that makes Excel read a CSV file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One table of a report: a stable id (used in file names and by tests), its title and its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// E.g. `customer-metrics`; the CSV file is `<report>-<id>.csv`.
    pub id: &'static str,
    /// The table's title in the chosen language.
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Protects a cell against formula injection: a cell that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is prefixed with `'`.
pub fn escape(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The delimiter of a CSV export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delimiter {
    /// `,`: Excel in English and most programs.
    #[default]
    Comma,
    /// `;`: Excel where the decimal separator is a comma (most of Europe).
    Semicolon,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        }
    }
}

/// One table as a CSV file: the byte-order mark, the headings, then the rows, every cell escaped.
pub fn to_csv(table: &Table, delimiter: Delimiter) -> Vec<u8> {
    let mut out = BOM.to_vec();
    let mut w =
        csv::WriterBuilder::new().delimiter(delimiter.byte()).terminator(csv::Terminator::CRLF).from_writer(&mut out);
    // Writing into memory cannot fail: the only errors are I/O errors of the writer.
    for record in std::iter::once(&table.headers).chain(&table.rows) {
        let _ = w.write_record(record.iter().map(|c| escape(c).into_owned()));
    }
    let _ = w.flush();
    drop(w);
    out
}

fn n(x: u64) -> String {
    x.to_string()
}

/// Every table of the report, in the order the report shows them; tables without rows are left out,
/// but for Customer metrics and the targeting dimensions, which are always there.
pub fn tables(report: &Report, l: Lang) -> Vec<Table> {
    let t = |key: &str| tr(l, key);
    let mut out = vec![
        Table {
            id: "customer-metrics",
            title: t("metrics-title"),
            headers: vec![t("col-from"), t("col-to"), t("col-number-active")],
            rows: report.snapshots.iter().rev().map(|s| vec![s.from.clone(), s.to.clone(), n(s.active)]).collect(),
        },
        Table {
            id: "targeting-dimensions",
            title: t("export-dimensions"),
            headers: vec![t("col-source"), t("col-contacts")],
            rows: report.dimensions.iter().map(|d| vec![d.name.clone(), n(d.active)]).collect(),
        },
        Table {
            id: "instances",
            title: t("export-instances"),
            headers: vec![t("col-instance"), t("col-source"), t("col-contacts")],
            rows: report
                .instances
                .iter()
                .flat_map(|i| i.dimensions.iter().map(move |d| vec![i.name.clone(), d.name.clone(), n(d.active)]))
                .collect(),
        },
        Table {
            id: "channels",
            title: t("export-channels"),
            headers: vec![t("col-channel"), t("active-profiles")],
            rows: report.channels.iter().map(|c| vec![c.name.clone(), n(c.active)]).collect(),
        },
        Table {
            id: "daily",
            title: t("export-daily"),
            headers: vec![t("col-date"), t("active-profiles")],
            rows: report.daily.iter().map(|d| vec![d.date.clone(), n(d.active)]).collect(),
        },
        Table {
            id: "expiring",
            title: t("export-expiring"),
            headers: vec![t("col-month"), t("col-leaving")],
            rows: report.expiring.iter().map(|e| vec![e.month.clone(), n(e.profiles)]).collect(),
        },
        Table {
            id: "excluded",
            title: t("export-excluded"),
            headers: vec![t("col-reason"), t("col-rows")],
            rows: report.excluded.iter().map(|e| vec![reason_label(l, &e.reason), n(e.rows)]).collect(),
        },
        Table {
            id: "rejected",
            title: t("export-rejected"),
            headers: vec![t("col-file"), t("col-line"), t("col-reason")],
            rows: report
                .rejected
                .iter()
                .map(|r| vec![r.file.clone(), n(r.line), say(l, r.message.as_ref(), &r.reason)])
                .collect(),
        },
        Table {
            id: "unrecognised",
            title: t("export-unrecognised"),
            headers: vec![t("col-field"), t("col-value"), t("col-rows")],
            rows: report
                .unrecognised
                .iter()
                .map(|u| vec![field_label(l, &u.field), u.value.clone(), n(u.rows)])
                .collect(),
        },
        Table {
            id: "files",
            title: t("export-files"),
            headers: vec![t("col-file"), t("col-encoding"), t("col-delimiter"), t("col-rows")],
            rows: report
                .files
                .iter()
                .map(|f| vec![f.name.clone(), f.encoding.clone(), f.delimiter.clone(), n(f.rows)])
                .collect(),
        },
        Table {
            id: "case-duplicates",
            title: t("duplicates-title"),
            headers: vec![t("col-source"), t("col-involved"), t("col-fewer")],
            rows: report.case_duplicates.iter().map(|d| vec![d.dimension.clone(), n(d.profiles), n(d.fewer)]).collect(),
        },
    ];
    if let Some(list) = &report.profiles {
        out.push(Table {
            id: "active-profiles",
            title: t("profiles-title"),
            headers: vec![t("col-source"), t("col-instance"), t("col-key"), t("col-leaves")],
            rows: list
                .iter()
                .map(|p| vec![p.dimension.clone(), p.instance.clone(), p.key.clone(), p.leaves.clone()])
                .collect(),
        });
    }
    out.retain(|t| !t.rows.is_empty() || matches!(t.id, "customer-metrics" | "targeting-dimensions"));
    out
}

/// Every table of a Profiles report (`profiles/1`), one per block, each with a column naming the
/// snapshot (its `exportTime=` time, ISO; empty for files outside any) where the block is per snapshot.
/// Identity values (case-duplicate examples, hubs) are written only when the report holds them:
/// the examples column and the hubs table are left out otherwise. Tables without rows are left out,
/// but for the snapshots, which is always there.
pub fn profile_tables(report: &ProfilesReport, l: Lang) -> Vec<Table> {
    let t = |key: &str| tr(l, key);
    let snap = |s: &SnapshotFigures| s.time.clone().unwrap_or_default();
    let per = |f: &dyn Fn(&SnapshotFigures) -> Vec<Vec<String>>| -> Vec<Vec<String>> {
        report
            .snapshots
            .iter()
            .flat_map(|s| f(s).into_iter().map(move |row| std::iter::once(snap(s)).chain(row).collect()))
            .collect()
    };
    let snapshot_col = t("aep-col-snapshot");
    let named = |list: &[NamespaceCount]| list.iter().map(|c| vec![c.namespace.clone(), n(c.profiles)]).collect();
    let paired = |list: &[PairCount]| list.iter().map(|p| vec![p.a.clone(), p.b.clone(), n(p.profiles)]).collect();
    let examples = report.snapshots.iter().any(|s| s.case_duplicates.iter().any(|c| !c.examples.is_empty()));
    let mut out = vec![
        Table {
            id: "profiles-snapshots",
            title: t("aep-export-snapshots"),
            headers: vec![
                snapshot_col.clone(),
                t("aep-col-profiles"),
                t("aep-tile-single"),
                t("aep-tile-unsegmented"),
                t("aep-tile-pseudonymous"),
                t("aep-compared-over-limit"),
            ],
            rows: report
                .snapshots
                .iter()
                .map(|s| {
                    vec![
                        snap(s),
                        n(s.profiles),
                        n(s.single_identity.profiles),
                        n(s.unsegmented),
                        n(s.pseudonymous_only),
                        n(s.collapse.over_limit),
                    ]
                })
                .collect(),
        },
        Table {
            id: "profiles-change",
            title: t("aep-export-change"),
            headers: vec![
                t("aep-col-from"),
                t("aep-col-to"),
                t("aep-col-profiles"),
                t("aep-col-added"),
                t("aep-col-removed"),
            ],
            rows: report
                .change
                .iter()
                .map(|c| {
                    vec![
                        c.from.clone().unwrap_or_default(),
                        c.to.clone().unwrap_or_default(),
                        n(c.profiles),
                        n(c.added),
                        n(c.removed),
                    ]
                })
                .collect(),
        },
        Table {
            id: "profiles-by-namespace",
            title: t("aep-identity-title"),
            headers: vec![snapshot_col.clone(), t("aep-col-namespace"), t("aep-col-profiles")],
            rows: per(&|s| named(&s.by_namespace)),
        },
        Table {
            id: "profiles-overlap",
            title: t("aep-overlap-title"),
            headers: vec![snapshot_col.clone(), t("aep-col-namespace-a"), t("aep-col-namespace-b"), t("aep-col-both")],
            rows: per(&|s| paired(&s.overlap)),
        },
        Table {
            id: "profiles-single-identity",
            title: t("aep-single-title"),
            headers: vec![snapshot_col.clone(), t("aep-col-namespace"), t("aep-col-profiles")],
            rows: per(&|s| named(&s.single_identity.by_namespace)),
        },
        Table {
            id: "profiles-audiences",
            title: t("aep-audiences-title"),
            headers: vec![snapshot_col.clone(), t("aep-col-audience"), t("aep-col-profiles")],
            rows: per(&|s| s.audiences.iter().map(|a| vec![a.id.clone(), n(a.profiles)]).collect()),
        },
        Table {
            id: "profiles-audience-overlap",
            title: t("aep-audience-overlap-caption"),
            headers: vec![snapshot_col.clone(), t("aep-col-audience-a"), t("aep-col-audience-b"), t("aep-col-both")],
            rows: per(&|s| paired(&s.audience_overlap)),
        },
        Table {
            id: "profiles-case-duplicates",
            title: t("aep-case-title"),
            headers: std::iter::once(snapshot_col.clone())
                .chain([t("aep-col-namespace"), t("aep-col-fewer")])
                .chain(examples.then(|| t("aep-col-examples")))
                .collect(),
            rows: per(&|s| {
                s.case_duplicates
                    .iter()
                    .map(|c| {
                        let groups = c.examples.iter().map(|g| g.join(" | ")).collect::<Vec<_>>().join(" ; ");
                        std::iter::once(c.namespace.clone())
                            .chain([n(c.fewer)])
                            .chain(examples.then_some(groups))
                            .collect()
                    })
                    .collect()
            }),
        },
        Table {
            id: "profiles-unique-conflicts",
            title: t("aep-export-unique-conflicts"),
            headers: vec![snapshot_col.clone(), t("aep-col-namespace"), t("aep-col-profiles")],
            rows: per(&|s| named(&s.collapse.unique_conflicts)),
        },
        Table {
            id: "profiles-hubs",
            title: t("aep-hubs-caption"),
            headers: vec![snapshot_col.clone(), t("aep-col-namespace"), t("aep-col-identity"), t("aep-col-records")],
            rows: per(&|s| {
                s.collapse.hubs.iter().map(|h| vec![h.namespace.clone(), h.id.clone(), n(h.records)]).collect()
            }),
        },
    ];
    if let Some(c) = &report.compared {
        // Each snapshot's main figures with the report's stitching and with the other one.
        let other = |time: &Option<String>| c.snapshots.iter().find(|s| &s.time == time);
        let figures = |s: &SnapshotFigures| {
            [s.profiles, s.single_identity.profiles, s.unsegmented, s.pseudonymous_only, s.collapse.over_limit]
        };
        out.push(Table {
            id: "profiles-compared",
            title: t("aep-compared-title"),
            headers: vec![
                snapshot_col.clone(),
                t("aep-col-figure"),
                format!("{} ({})", t("aep-stitching"), report.stitching),
                format!("{} ({})", t("aep-stitching"), c.stitching),
            ],
            rows: report
                .snapshots
                .iter()
                .filter_map(|s| Some((s, other(&s.time)?)))
                .flat_map(|(s, o)| {
                    let keys = [
                        "aep-col-profiles",
                        "aep-tile-single",
                        "aep-tile-unsegmented",
                        "aep-tile-pseudonymous",
                        "aep-compared-over-limit",
                    ];
                    keys.into_iter()
                        .zip(figures(s).into_iter().zip(figures(o)))
                        .map(|(key, (a, b))| vec![snap(s), t(key), n(a), n(b)])
                        .collect::<Vec<_>>()
                })
                .collect(),
        });
    }
    out.push(Table {
        id: "profiles-rejected",
        title: t("aep-rejected-caption"),
        headers: vec![t("col-file"), t("col-line"), t("col-reason")],
        rows: report
            .rejected
            .iter()
            .map(|r| vec![r.file.clone(), n(r.line), say(l, r.message.as_ref(), &r.reason)])
            .collect(),
    });
    out.push(Table {
        id: "profiles-files",
        title: t("export-files"),
        headers: vec![t("col-file"), t("aep-col-format"), t("aep-col-records"), snapshot_col],
        rows: report
            .files
            .iter()
            .map(|f| vec![f.name.clone(), f.format.clone(), n(f.records), f.snapshot.clone().unwrap_or_default()])
            .collect(),
    });
    out.retain(|t| !t.rows.is_empty() || t.id == "profiles-snapshots");
    out
}

/// Every table of an Engageable profiles report, in the order the report shows them; tables
/// without rows are left out.
pub fn engageable_tables(report: &engine::engage::EngageableReport, l: Lang) -> Vec<Table> {
    let t = |key: &str| tr(l, key);
    let type_words = |k: &str| t(if k == "development" { "eng-type-development" } else { "eng-type-production" });
    let out = vec![
        Table {
            id: "sandboxes",
            title: t("eng-sandboxes-title"),
            headers: vec![t("eng-col-sandbox"), t("eng-col-type"), t("eng-col-profiles")],
            rows: report
                .engageable
                .sandboxes
                .iter()
                .map(|s| vec![s.name.clone(), type_words(&s.kind), n(s.profiles)])
                .collect(),
        },
        Table {
            id: "journeys",
            title: t("eng-journeys-title"),
            headers: vec![t("eng-col-journey"), t("eng-col-profiles")],
            rows: report.by_journey.iter().map(|j| vec![j.name.clone(), n(j.profiles)]).collect(),
        },
        Table {
            id: "daily",
            title: t("eng-daily-caption"),
            headers: vec![t("col-date"), t("eng-total"), t("eng-production"), t("eng-col-newly")],
            rows: report
                .daily
                .iter()
                .map(|d| vec![d.date.clone(), n(d.engageable), n(d.production), n(d.newly_engaged)])
                .collect(),
        },
        Table {
            id: "sandbox-daily",
            title: t("eng-sandbox-daily-caption"),
            headers: std::iter::once(t("col-date"))
                .chain(report.sandbox_daily.iter().map(|s| {
                    trf(
                        l,
                        "eng-legend-sandbox",
                        &[("sandbox", s.name.as_str().into()), ("type", type_words(&s.kind).into())],
                    )
                }))
                .collect(),
            rows: if report.sandbox_daily.is_empty() {
                Vec::new()
            } else {
                report
                    .daily
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let counts = report.sandbox_daily.iter().map(|s| n(s.engageable.get(i).copied().unwrap_or(0)));
                        std::iter::once(d.date.clone()).chain(counts).collect()
                    })
                    .collect()
            },
        },
        Table {
            id: "spikes",
            title: t("eng-spikes-caption"),
            headers: vec![t("col-date"), t("eng-col-newly"), t("eng-col-median"), t("eng-col-journeys")],
            rows: report
                .spikes
                .iter()
                .map(|s| vec![s.date.clone(), n(s.newly_engaged), s.median_before.to_string(), s.journeys.join(" | ")])
                .collect(),
        },
        Table {
            id: "expiring",
            title: t("eng-expiring-title"),
            headers: vec![t("eng-col-month"), t("eng-col-profiles")],
            rows: report.expiring.iter().map(|e| vec![e.month.clone(), n(e.profiles)]).collect(),
        },
        Table {
            id: "rejected",
            title: t("eng-rejected-caption"),
            headers: vec![t("col-file"), t("col-line"), t("col-reason")],
            rows: report
                .rejected
                .iter()
                .map(|x| vec![x.file.clone(), n(x.line), say(l, x.message.as_ref(), &x.reason)])
                .collect(),
        },
        Table {
            id: "files",
            title: t("eng-files-caption"),
            headers: vec![t("col-file"), t("aep-col-format"), t("eng-col-events")],
            rows: report.files.iter().map(|f| vec![f.name.clone(), f.format.clone(), n(f.events)]).collect(),
        },
    ];
    out.into_iter().filter(|table| !table.rows.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(cells: &[&str]) -> Table {
        Table {
            id: "t",
            title: "T".into(),
            headers: vec!["a".into()],
            rows: cells.iter().map(|c| vec![c.to_string()]).collect(),
        }
    }

    #[test]
    fn csv_has_a_bom_and_escapes_formulas() {
        let bytes = to_csv(
            &table(&["=HYPERLINK(\"http://x\")", "<script>", "+1", "-2", "@x", "\tx", "\rx", "ok"]),
            Delimiter::Comma,
        );
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "a\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n<script>\r\n'+1\r\n'-2\r\n'@x\r\n'\tx\r\n\"'\rx\"\r\nok\r\n"
        );
    }

    #[test]
    fn semicolon_delimiter() {
        let t = Table {
            id: "t",
            title: "T".into(),
            headers: vec!["a".into(), "b".into()],
            rows: vec![vec!["1;2".into(), "3".into()]],
        };
        let text = String::from_utf8(to_csv(&t, Delimiter::Semicolon)[3..].to_vec()).unwrap();
        assert_eq!(text, "a;b\r\n\"1;2\";3\r\n");
    }

    #[test]
    fn engageable_sandbox_daily_is_a_table_of_a_column_per_sandbox() {
        use engine::engage::report::{Daily, SandboxDaily};
        let day = |date: &str, engageable| Daily { date: date.into(), engageable, ..Default::default() };
        let sandbox = |name: &str, kind: &str, engageable: Vec<u64>| SandboxDaily {
            name: name.into(),
            kind: kind.into(),
            engageable,
        };
        let mut r = engine::engage::EngageableReport {
            daily: vec![day("2026-01-01", 3), day("2026-01-02", 4)],
            sandbox_daily: vec![sandbox("prod", "production", vec![2, 4]), sandbox("dev", "development", vec![1, 0])],
            ..Default::default()
        };
        let tables = engageable_tables(&r, Lang::En);
        let t = tables.iter().find(|t| t.id == "sandbox-daily").expect("the table");
        assert_eq!(t.headers, ["Date", "Sandbox prod (production)", "Sandbox dev (development)"]);
        assert_eq!(t.rows, [["2026-01-01", "2", "1"], ["2026-01-02", "4", "0"]]);
        r.sandbox_daily.clear();
        assert!(engageable_tables(&r, Lang::En).iter().all(|t| t.id != "sandbox-daily"));
    }
}
