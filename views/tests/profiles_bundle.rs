//! The Profiles report bundle rendered natively (feature `ssr`): the figures and rows it shows, the report it
//! embeds and gives back, no identity value unless the report holds them, and its CSV tables.

#![cfg(feature = "ssr")]

use engine::aep::report::{CaseDuplicates, Hub};
use engine::aep::{snapshot_of, ProfileCounter, ProfileSettings, ProfilesReport};
use views::bundle::{extract_any, extract_report, parse_any, render, render_profiles, AnyReport, BundleMeta};
use views::export::{profile_tables, to_csv, Delimiter};
use views::format::Lang;

const E1: &str = "34113965854450796644316155105296901017";
const E2: &str = "99999999999999999999999999999999999999";

/// Two snapshots: a small one in October, then in November John Greene's records (two e-mails that
/// differ by case, joined through his ECID and CRMID), a device alone, Ann twice with a case
/// difference, and one record without an identityMap.
fn counter() -> ProfileCounter {
    let october = format!(
        "{{\"identityMap\":{{\"Email\":[{{\"id\":\"ann@x.com\"}}]}}}}\n{{\"identityMap\":{{\"ECID\":[{{\"id\":\"{E2}\"}}]}}}}\n"
    );
    let november = format!(
        r#"{{"identityMap":{{"Email":[{{"id":"John.Greene@luma.com","primary":true}}],"CRMID":[{{"id":"60013ABC"}}]}},"segmentMembership":{{"ups":{{"seg-a":{{"status":"realized"}},"seg-b":{{"status":"existing"}}}}}}}}
{{"identityMap":{{"Email":[{{"id":"john.greene@luma.com"}}],"ECID":[{{"id":"{E1}"}}]}}}}
{{"identityMap":{{"ECID":[{{"id":"{E1}"}}],"CRMID":[{{"id":"60013ABC"}}]}}}}
{{"identityMap":{{"ECID":[{{"id":"{E2}"}}]}}}}
{{"identityMap":{{"Email":[{{"id":"ann@x.com"}}]}},"segmentMembership":{{"ups":{{"seg-b":{{"status":"existing"}}}}}}}}
{{"person":{{"name":"no identities"}}}}
{{"identityMap":{{"Email":[{{"id":"Ann@X.com"}}]}},"segmentMembership":{{"ups":{{"seg-a":{{"status":"realized"}}}}}}}}
"#
    );
    let mut c = ProfileCounter::new();
    for (path, bytes) in [
        ("export/exportTime=202610010000/part-00000.json", october),
        ("export/exportTime=202611010000/part-00000.json", november),
    ] {
        let f = c.begin_file(path.rsplit('/').next().unwrap_or(path), snapshot_of(path).as_deref());
        c.push(f, bytes.as_bytes()).unwrap();
        c.end_file(f).unwrap();
    }
    c
}

fn report(include_identities: bool) -> ProfilesReport {
    let settings = ProfileSettings { include_identities, compare: true, ..ProfileSettings::default() };
    counter().report(&settings)
}

fn meta(lang: Lang) -> BundleMeta {
    BundleMeta {
        title: String::new(),
        made: "2026-12-06T07:00:00Z".into(),
        engine: "active-profiles test".into(),
        lang,
    }
}

fn bundle(report: &ProfilesReport, lang: Lang) -> String {
    futures::executor::block_on(render_profiles(report.clone(), meta(lang)))
}

/// The text of the element carrying `data-testid="<id>"` (its first one), tags removed.
fn shown(html: &str, testid: &str) -> String {
    let at = html.find(&format!("data-testid=\"{testid}\"")).unwrap_or_else(|| panic!("no {testid}"));
    let open = at + html[at..].find('>').unwrap() + 1;
    let mut depth = 0;
    let mut out = String::new();
    let mut rest = &html[open..];
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt = lt + rest[lt..].find('>').unwrap();
        let tag = &rest[lt..=gt];
        if tag.starts_with("</") {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if !tag.ends_with("/>") && !tag.starts_with("<wbr") {
            depth += 1;
        }
        rest = &rest[gt + 1..];
    }
    out.replace("<!--<[", "").trim().to_string()
}

/// The `data-value` of the element carrying `data-testid="<id>"`.
fn value(html: &str, testid: &str) -> u64 {
    let at = html.find(&format!("data-testid=\"{testid}\"")).unwrap_or_else(|| panic!("no {testid}"));
    let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
    let v = tag.split("data-value=\"").nth(1).unwrap_or_else(|| panic!("{testid} has no data-value: {tag}"));
    v[..v.find('"').unwrap()].parse().unwrap()
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_report_the_bundle_is_made_from() {
    let r = report(false);
    assert_eq!(r.snapshots.len(), 2);
    let s = &r.snapshots[1];
    assert_eq!(s.time.as_deref(), Some("2026-11-01T00:00:00Z"));
    // John (2 e-mails, ECID, CRMID), the device alone, ann@x.com, Ann@X.com.
    assert_eq!(s.profiles, 4);
    assert_eq!((r.change[0].added, r.change[0].removed), (2, 0));
    assert_eq!((r.rows.read, r.rows.used, r.rows.rejected), (9, 8, 1));
}

#[test]
fn the_bundle_shows_the_latest_snapshots_figures_and_rows() {
    let r = report(false);
    let s = &r.snapshots[1];
    let html = bundle(&r, Lang::En);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains(
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\""
    ));
    assert!(!html.contains("<script>") && !html.contains("<script src"), "no script runs in a bundle");
    assert_eq!(shown(&html, "bundle-title"), "Profiles on 1 Nov 2026");

    // Tiles: profiles, change, single identity, unsegmented, pseudonymous only.
    assert_eq!(value(&html, "profiles-total"), 4);
    assert_eq!(shown(&html, "profiles-total"), "4");
    assert_eq!((value(&html, "profiles-added"), value(&html, "profiles-removed")), (2, 0));
    assert_eq!(value(&html, "profiles-single"), s.single_identity.profiles);
    assert_eq!(s.single_identity.profiles, 3);
    assert_eq!(value(&html, "profiles-unsegmented"), 1);
    assert_eq!(value(&html, "profiles-pseudonymous"), 1);
    assert_eq!(shown(&html, "tiles-rejected"), "1 of 9 records rejected — see why");

    // Profiles by identity: one row per namespace, largest first.
    assert_eq!(count(&html, "data-testid=\"by-namespace-row\""), 3);
    for c in &s.by_namespace {
        assert!(html.contains(&format!("data-testid=\"by-namespace-row\" data-name=\"{}\"", c.namespace)));
    }
    assert_eq!(s.by_namespace[0].namespace, "Email");
    assert_eq!(s.by_namespace[0].profiles, 3);
    assert_eq!(count(&html, "data-testid=\"identity-chart\""), 1);

    // The overlap: in a bundle the largest pair, no chooser, and every pair in the table.
    assert!(!html.contains("data-testid=\"overlap-a\""));
    let (a, b) = (&s.overlap[0].a, &s.overlap[0].b);
    assert!(html.contains(&format!("data-testid=\"venn\" data-a=\"{a}\" data-b=\"{b}\"")));
    assert_eq!(value(&html, "overlap-both"), s.overlap[0].profiles);
    assert_eq!(count(&html, "data-testid=\"overlap-row\""), s.overlap.len());
    assert_eq!(s.overlap.len(), 3);

    // Single identity, audiences, the trend of both snapshots.
    assert_eq!(count(&html, "data-testid=\"single-identity-row\""), 2);
    assert_eq!(count(&html, "data-testid=\"audiences-row\""), 2);
    assert!(html.contains("data-testid=\"audiences-row\" data-name=\"seg-a\""));
    assert_eq!(count(&html, "data-testid=\"trend-row\""), 2);

    // What the console does not show: the case duplicates of Email, graph against none.
    assert_eq!(count(&html, "data-testid=\"case-duplicate-row\""), 1);
    assert!(html.contains("data-testid=\"case-duplicate-row\" data-name=\"Email\""));
    assert!(!html.contains("case-example"), "no examples unless the report holds them");
    assert_eq!(count(&html, "data-testid=\"compared-row\""), 6);
    let none = &r.compared.as_ref().unwrap().snapshots[1];
    assert_eq!(none.profiles, 6, "one profile per record");
    let diff = html.find("data-figure=\"aep-tile-profiles\"").unwrap();
    assert!(
        html[diff..].split("</tr>").next().unwrap().ends_with("data-value=\"2\" class=\"num\">+2</td>"),
        "none minus graph for profiles"
    );

    // The diagnosis: the sentence, the rejected record by reason, the files.
    assert_eq!(shown(&html, "diagnosis-sentence"), "9 records read: 8 used, 1 rejected.");
    assert_eq!(count(&html, "data-testid=\"rejected-group\""), 1);
    assert_eq!(count(&html, "data-testid=\"rejected-row\""), 1);
    assert!(html.contains("data-line=\"6\""));
    assert_eq!(count(&html, "data-testid=\"file-row\""), 2);
    assert!(html.contains("datetime=\"2026-10-01T00:00:00Z\""));
}

#[test]
fn the_json_is_embedded_and_extracted_again() {
    let r = report(false);
    let html = bundle(&r, Lang::De);
    assert!(html.contains("<html lang=\"de\">"));
    assert_eq!(shown(&html, "bundle-title"), "Profile am 01.11.2026");
    match extract_any(&html) {
        Ok(AnyReport::Profiles(back)) => assert_eq!(*back, r),
        other => panic!("not the Profiles report: {other:?}"),
    }
    // A Campaign extract of it is an error, not a wrong report; a Campaign bundle opens as one.
    assert_eq!(extract_report(&html), Err("the report inside is a Journey Optimizer profiles report".to_string()));
    let campaign = engine::Report { format: engine::report::FORMAT.into(), total_active: 12, ..Default::default() };
    let c_html = futures::executor::block_on(render(campaign.clone(), meta(Lang::En)));
    assert_eq!(extract_any(&c_html), Ok(AnyReport::Campaign(Box::new(campaign))));
    // A report.json of either kind, and a format this viewer does not know.
    assert!(matches!(parse_any(&serde_json::to_string(&r).unwrap()), Ok(AnyReport::Profiles(_))));
    assert!(matches!(parse_any(r#"{"format":"engageable/1"}"#), Ok(AnyReport::Engageable(_))));
    assert_eq!(
        parse_any(r#"{"format":"reach/9"}"#),
        Err("a report of format 'reach/9', which this viewer does not know".to_string())
    );
    assert!(extract_any("<p>not a bundle</p>").is_err());
}

#[test]
fn no_identity_value_appears_unless_the_report_holds_them() {
    let counts = report(false);
    let html = bundle(&counts, Lang::En);
    let body = &html[..html.find("<script type=\"application/json\"").unwrap()];
    for id in ["John.Greene@luma.com", "john.greene@luma.com", "60013ABC", E1, E2, "ann@x.com", "Ann@X.com"] {
        assert!(!body.contains(id), "{id} is shown");
        assert!(!html.contains(id), "{id} is in the bundle");
    }
    assert!(html.contains("This file holds counts only: no identity value."));
    for t in profile_tables(&counts, Lang::En) {
        let csv = String::from_utf8(to_csv(&t, Delimiter::Comma)).unwrap();
        assert!(!csv.contains("@") && !csv.contains("60013ABC"), "{}: {csv}", t.id);
    }

    // Asked for: the examples and hubs the report holds are shown, and said to be personal data.
    let mut with = report(true);
    let s = with.snapshots.last_mut().unwrap();
    if s.case_duplicates[0].examples.is_empty() {
        s.case_duplicates[0] = CaseDuplicates {
            namespace: "Email".into(),
            fewer: 1,
            examples: vec![vec!["Ann@X.com".into(), "ann@x.com".into()]],
        };
    }
    if s.collapse.hubs.is_empty() {
        s.collapse.hubs.push(Hub { namespace: "ECID".into(), id: E1.into(), records: 2 });
    }
    let html = bundle(&with, Lang::En);
    assert!(html.contains("data-testid=\"case-example\" class=\"value-literal\">Ann@X.com · ann@x.com<"));
    assert!(count(&html, "data-testid=\"hub-row\"") >= 1);
    assert!(html.contains("it is personal data"));
    let tables = profile_tables(&with, Lang::En);
    let case = tables.iter().find(|t| t.id == "profiles-case-duplicates").unwrap();
    assert_eq!(case.headers, ["Snapshot", "Namespace", "Fewer profiles", "Examples"]);
    assert!(tables.iter().any(|t| t.id == "profiles-hubs"));
}

#[test]
fn one_csv_table_per_block() {
    let r = report(false);
    let tables = profile_tables(&r, Lang::En);
    let ids: Vec<&str> = tables.iter().map(|t| t.id).collect();
    assert_eq!(
        ids,
        [
            "profiles-snapshots",
            "profiles-change",
            "profiles-by-namespace",
            "profiles-overlap",
            "profiles-single-identity",
            "profiles-audiences",
            "profiles-audience-overlap",
            "profiles-case-duplicates",
            "profiles-compared",
            "profiles-rejected",
            "profiles-files",
        ]
    );
    let snapshots = &tables[0];
    assert_eq!(snapshots.rows.len(), 2);
    assert_eq!(snapshots.rows[1][..2], ["2026-11-01T00:00:00Z".to_string(), "4".to_string()]);
    let change = &tables[1];
    assert_eq!(change.rows, [["2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "4", "2", "0"].map(String::from)]);
    let by_ns = &tables[2];
    assert_eq!(by_ns.headers, ["Snapshot", "Namespace", "Profiles"]);
    assert!(by_ns.rows.contains(&["2026-11-01T00:00:00Z", "Email", "3"].map(String::from).to_vec()));
    let case = tables.iter().find(|t| t.id == "profiles-case-duplicates").unwrap();
    assert_eq!(case.headers.len(), 3, "no examples column without identity values");
    let rejected = tables.iter().find(|t| t.id == "profiles-rejected").unwrap();
    assert_eq!(rejected.rows.len(), 1);
    assert_eq!(rejected.rows[0][..2], ["part-00000.json".to_string(), "6".to_string()]);
    let csv = String::from_utf8(to_csv(&tables[1], Delimiter::Semicolon)[3..].to_vec()).unwrap();
    assert_eq!(
        csv,
        "From snapshot;To snapshot;Profiles;Added;Removed\r\n2026-10-01T00:00:00Z;2026-11-01T00:00:00Z;4;2;0\r\n"
    );
}

#[test]
fn every_language_renders_its_own_words() {
    let r = report(false);
    for (lang, words) in [
        (Lang::En, "What the console does not show"),
        (Lang::Nl, "Wat de console niet toont"),
        (Lang::Sv, "Det konsolen inte visar"),
        (Lang::Fr, "Ce que la console ne montre pas"),
        (Lang::De, "Was die Konsole nicht zeigt"),
    ] {
        let html = bundle(&r, lang);
        assert!(html.contains(words), "{lang:?}");
    }
}

#[test]
fn files_outside_any_export_time_folder_are_one_snapshot_without_a_time() {
    let mut c = ProfileCounter::new();
    let f = c.begin_file("profiles.json", None);
    c.push(f, b"{\"identityMap\":{\"Email\":[{\"id\":\"a@x.com\"}]}}\n").unwrap();
    c.end_file(f).unwrap();
    let r = c.report(&ProfileSettings::default());
    let html = bundle(&r, Lang::En);
    assert_eq!(
        shown(&html, "profiles-shown"),
        "Stitching: identity graph. The files are in no exportTime= folder: one snapshot, without a time."
    );
    assert_eq!(value(&html, "profiles-total"), 1);
    assert_eq!(shown(&html, "profiles-change"), "–");
    assert_eq!(shown(&html, "bundle-title"), "Journey Optimizer profiles report");
    assert!(!html.contains("data-testid=\"trend-row\""), "no trend with one snapshot");
    assert!(!html.contains("a@x.com"));
}
