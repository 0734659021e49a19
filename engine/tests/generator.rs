//! Cross-checks the engine against the seeded generator's own account of what it wrote, in every layout.

use engine::generate::{generate, DateFormat, Encoding, EnumStyle, GeneratorConfig, HeaderStyle, Layout, Summary};
use engine::{Counter, Deliveries, Options, Report, ReportSettings};

fn count(config: &GeneratorConfig, chunk: usize) -> (Report, Summary) {
    let (mut log, mut dels) = (Vec::new(), Vec::new());
    let summary = generate(config, &mut log, config.deliveries_file.then_some(&mut dels)).expect("generate");
    let options = Options::default();
    let mut counter = Counter::new(options.clone());
    if config.deliveries_file {
        let mut d = Deliveries::new("deliveries.csv", &options);
        for c in dels.chunks(chunk) {
            d.push(c).expect("deliveries");
        }
        d.finish().expect("deliveries");
        counter.set_deliveries(d);
    }
    let file = counter.begin_file("log.csv", None);
    for c in log.chunks(chunk) {
        counter.push(file, c).expect("push");
    }
    counter.end_file(file).expect("end");
    (counter.report(&ReportSettings::default()), summary)
}

fn check(report: &Report, s: &Summary, what: &str) {
    assert_eq!(report.rows.read, s.rows, "{what}");
    assert_eq!(report.rows.counted, s.counted, "{what}");
    assert_eq!(report.rows.rejected, s.rejected, "{what}");
    let excluded = |r: &str| report.excluded.iter().find(|e| e.reason == r).map_or(0, |e| e.rows);
    assert_eq!(excluded("proof"), s.excluded.proof, "{what}");
    assert_eq!(excluded("social"), s.excluded.social, "{what}");
    assert_eq!(excluded("control"), s.excluded.control, "{what}");
    assert_eq!(excluded("status"), s.excluded.status, "{what}");
    assert_eq!(excluded("failure_reason"), s.excluded.failure_reason, "{what}");
    let unknown: u64 = report.unrecognised.iter().filter(|u| u.field == "status").map(|u| u.rows).sum();
    assert_eq!(unknown, s.unknown_status, "{what}");
    assert_eq!(report.as_of, s.last_day.map(|d| d.to_string()), "{what}");
    assert_eq!(report.daily.first().map(|d| d.date.clone()), s.first_day.map(|d| d.to_string()), "{what}");
    assert_eq!(report.dimensions.iter().map(|d| d.active).sum::<u64>(), report.total_active, "{what}");
    assert_eq!(report.expiring.iter().map(|d| d.profiles).sum::<u64>(), report.total_active, "{what}");
}

/// Rows per generated file: 1 500, or `GENERATOR_ROWS` for a longer check.
fn rows() -> u64 {
    std::env::var("GENERATOR_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_500)
}

#[test]
fn every_layout_matches_the_generator_summary() {
    let encodings = [Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Windows1252];
    let delimiters = [b',', b';', b'\t', b'|'];
    let mut i = 0usize;
    for dates in DateFormat::ALL {
        for encoding in encodings {
            i += 1;
            let config = GeneratorConfig {
                seed: i as u64,
                rows: rows(),
                profiles: rows() / 4,
                deliveries_file: i.is_multiple_of(3),
                layout: Layout {
                    delimiter: delimiters[i % 4],
                    encoding,
                    headers: if i.is_multiple_of(2) { HeaderStyle::Labels } else { HeaderStyle::Internal },
                    enums: if i % 5 < 2 { EnumStyle::Numbers } else { EnumStyle::Labels },
                    dates,
                    crlf: i % 2 == 1,
                },
                ..GeneratorConfig::default()
            };
            let (report, summary) = count(&config, 1 + (i * 37) % 500);
            check(&report, &summary, &format!("{dates:?} {encoding:?} #{i}"));
        }
    }
}

#[test]
fn demo_export_adds_up() {
    let mut counter = Counter::new(Options::default());
    let file = counter.begin_file("demo.csv", None);
    counter.push(file, &engine::generate::demo()).expect("push");
    counter.end_file(file).expect("end");
    let r = counter.report(&ReportSettings::default());
    assert!(r.total_active > 0);
    assert_eq!(r.instances.len(), 2);
    assert_eq!(r.rows.read, r.rows.counted + r.rows.excluded + r.rows.rejected);
    assert!(!r.case_duplicates.is_empty());
}
