//! `report --bundle`: the report as one HTML file: the same numbers as the JSON, no key or address unless asked, small.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use engine::generate::{self, GeneratorConfig};

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_active-profiles"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run active-profiles");
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    out
}

/// The demo export (two instances, two years, every dimension and channel) and every key and address in it.
fn demo_export(dir: &Path) -> (std::path::PathBuf, BTreeSet<String>) {
    let path = dir.join("export.csv");
    let file = std::fs::File::create(&path).expect("create");
    generate::generate_log(&GeneratorConfig::demo(), file).expect("generate");
    let mut reader = csv::Reader::from_path(&path).expect("read back");
    let headers = reader.headers().expect("headers").clone();
    let columns: Vec<usize> =
        headers.iter().enumerate().filter(|(_, h)| matches!(*h, "Recipient ID" | "Address")).map(|(i, _)| i).collect();
    assert_eq!(columns.len(), 2, "{headers:?}");
    let mut secrets = BTreeSet::new();
    for record in reader.records() {
        let record = record.expect("record");
        for &i in &columns {
            if let Some(v) = record.get(i).filter(|v| !v.is_empty()) {
                secrets.insert(v.to_string());
            }
        }
    }
    (path, secrets)
}

/// Where `needle` occurs in `hay` as a whole token (not inside a longer number or word).
fn occurs(hay: &str, needle: &str) -> bool {
    let inner = |c: char| c.is_alphanumeric() || c == '.' || c == '@' || c == '-' || c == '_';
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(inner) && !after.is_some_and(inner)
    })
}

#[test]
fn bundle_holds_the_report_and_no_key_or_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (export, secrets) = demo_export(dir.path());
    assert!(secrets.len() > 1000, "{}", secrets.len());
    let export = export.to_str().expect("path");
    let json = run(dir.path(), &["report", export, "--purchased", "2500", "--format", "json"]);
    let report: engine::Report = serde_json::from_slice(&json.stdout).expect("json");
    run(dir.path(), &["report", export, "--purchased", "2500", "--bundle", "b.html", "--title", "Q4 <review>"]);
    let html = std::fs::read_to_string(dir.path().join("b.html")).expect("bundle");

    // The report inside is the JSON report, and the page shows its numbers.
    assert_eq!(views::bundle::extract_report(&html).expect("embedded report"), report);
    assert!(html.contains(&format!("data-value=\"{}\"", report.total_active)), "total {}", report.total_active);
    // Counts are grouped as the text report groups them (no browser Intl here: the catalogs' own format).
    assert!(report.total_active >= 1000);
    let grouped = i18n::group(i18n::Lang::En, report.total_active);
    assert!(html.contains(&format!(">{grouped}<")), "{grouped}");
    for d in &report.dimensions {
        assert!(html.contains(&format!(">{}<", d.name)), "{}", d.name);
    }
    assert!(html.contains("<h1 data-testid=\"bundle-title\">Q4 &lt;review&gt;</h1>"));
    assert!(html.contains(&format!("active-profiles {}", engine::VERSION)));
    // Nothing to fetch, nothing to run.
    assert!(html.contains("default-src 'none'"));
    assert!(!html.contains("<script>") && !html.contains("src=\"http") && !html.contains("href=\"http"));
    assert_eq!(html.matches("<script").count(), 1, "only the JSON data block");

    let leaked: Vec<&String> = secrets.iter().filter(|s| occurs(&html, s)).collect();
    assert!(
        leaked.is_empty(),
        "{} keys or addresses in the bundle, e.g. {:?}",
        leaked.len(),
        &leaked[..leaked.len().min(5)]
    );

    // A typical report stays far under 2 MB.
    let size = html.len();
    assert!(size <= 2 << 20, "bundle of {size} bytes");
}

#[test]
fn bundle_with_profiles_lists_every_active_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (export, secrets) = demo_export(dir.path());
    let export = export.to_str().expect("path");
    let json = run(dir.path(), &["report", export, "--format", "json", "--include-profiles"]);
    let report: engine::Report = serde_json::from_slice(&json.stdout).expect("json");
    let profiles = report.profiles.clone().expect("profiles listed");
    assert_eq!(profiles.len() as u64, report.total_active);
    run(dir.path(), &["report", export, "--bundle", "b.html", "--include-profiles"]);
    let html = std::fs::read_to_string(dir.path().join("b.html")).expect("bundle");
    for p in &profiles {
        assert!(secrets.contains(&p.key), "{} is not a key of the input", p.key);
        assert!(occurs(&html, &p.key), "{} missing", p.key);
    }
    assert!(html.contains("data-testid=\"bundle-privacy\""));
}

#[test]
fn bundle_in_dutch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (export, _) = demo_export(dir.path());
    run(dir.path(), &["report", export.to_str().expect("path"), "--bundle", "nl.html", "--lang", "nl"]);
    let html = std::fs::read_to_string(dir.path().join("nl.html")).expect("bundle");
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains(">Actieve profielen op 24-10-2026<"), "{}", &html[html.find("<h1").unwrap_or(0)..][..200]);
    assert!(html.contains("Targetingdimensies op "));
    let report = views::bundle::extract_report(&html).expect("embedded report");
    let grouped = i18n::group(i18n::Lang::Nl, report.total_active);
    assert!(grouped.contains('.') && html.contains(&format!(">{grouped}<")), "{grouped}");
}
