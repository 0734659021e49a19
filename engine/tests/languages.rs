//! Campaign in its users' languages: exports whose headers and values are Dutch, Swedish, French or German count as their English twin does.

use engine::languages::{Words, CHANNELS, FAILURE_REASONS, STATUSES};
use engine::HEADERS;
use engine::{normalise, Counter, Options, Report, ReportSettings, Rules, FIELDS};

fn count(name: &str, csv: &str) -> Report {
    let mut counter = Counter::new(Options::default());
    let f = counter.begin_file(name, None);
    counter.push(f, csv.as_bytes()).unwrap();
    counter.end_file(f).unwrap();
    counter.report(&ReportSettings::default())
}

fn excluded(r: &Report, reason: &str) -> u64 {
    r.excluded.iter().find(|e| e.reason == reason).map_or(0, |e| e.rows)
}

fn channels(r: &Report) -> Vec<(String, u64)> {
    let mut c: Vec<(String, u64)> = r.channels.iter().map(|c| (c.name.clone(), c.active)).collect();
    c.sort();
    c
}

/// The same eleven rows in every language: a, b, h, i, j counted (Email 1, SMS 2, Direct mail 1,
/// Phone 1); c, e, g excluded by status; d by failure reason; f and k as control group.
const ENGLISH: &str = "\
Recipient,Event date,Status,Failure reason,Channel,Control group
a,2026-10-24,Sent,,Email,No
b,2026-10-01,Failed,Mailbox full,SMS,No
c,2026-09-01,Ignored,Address in quarantine,Email,No
d,2026-09-02,Failed,Address in quarantine,Email,No
e,2026-09-03,Delivery cancelled,,Direct mail,No
f,2026-09-04,Pending,Control address,Phone,No
g,2026-09-05,Not applicable,,Email,No
h,2026-09-06,Received on mobile,,SMS,No
i,2026-09-07,Sent,,Direct mail,No
j,2026-09-08,Prepared,User unknown,Phone,No
k,2026-09-09,Sent,,Email,Yes
";

const DUTCH: &str = "\
Ontvanger;Gebeurtenisdatum;Status;Reden;Kanaal;Controlegroep
a;2026-10-24;Verzonden;;E-mail;Nee
b;2026-10-01;Mislukt;Postbus vol;SMS;Nee
c;2026-09-01;Genegeerd;Adres in quarantaine;E-mail;Nee
d;2026-09-02;Mislukt;Adres in quarantaine;E-mail;Nee
e;2026-09-03;Aflevering geannuleerd;;Direct mail;Nee
f;2026-09-04;In behandeling;Besturingsadres;Telefoon;Nee
g;2026-09-05;Niet van toepassing;;E-mail;Nee
h;2026-09-06;Ontvangen op mobiel;;SMS;Nee
i;2026-09-07;Verzonden;;Direct mail;Nee
j;2026-09-08;Voorbereid;Gebruiker onbekend;Telefoon;Nee
k;2026-09-09;Verzonden;;E-mail;Ja
";

const SWEDISH: &str = "\
Mottagare,Händelsedatum,Status,Orsak,Kanal,Kontrollgrupp
a,2026-10-24,Skickat,,E-post,Nej
b,2026-10-01,Misslyckades,Postlådan är full,SMS,Nej
c,2026-09-01,Ignorerad,Adress i karantän,E-post,Nej
d,2026-09-02,Misslyckades,Adress i karantän,E-post,Nej
e,2026-09-03,Leveransen har avbrutits,,Direktreklam,Nej
f,2026-09-04,Väntande,Kontrolladress,Telefon,Nej
g,2026-09-05,Ej tillämpligt,,E-post,Nej
h,2026-09-06,Mottaget på mobilen,,SMS,Nej
i,2026-09-07,Skickat,,Direktreklam,Nej
j,2026-09-08,Förberedd,Okänd användare,Telefon,Nej
k,2026-09-09,Skickat,,E-post,Ja
";

const FRENCH: &str = "\
Destinataire;Date de l'événement;Statut;Raison de l'échec;Canal;Groupe de contrôle
a;2026-10-24;Envoyé;;Email;Non
b;2026-10-01;En échec;Boîte pleine;Mobile (SMS);Non
c;2026-09-01;Ignoré;Adresse en quarantaine;Email;Non
d;2026-09-02;En échec;Adresse en quarantaine;Email;Non
e;2026-09-03;Diffusion annulée;;Courrier;Non
f;2026-09-04;En attente;Adresse témoin;Téléphone;Non
g;2026-09-05;Non applicable;;Email;Non
h;2026-09-06;Reçu sur le mobile;;Mobile (SMS);Non
i;2026-09-07;Envoyés;;Courrier;Non
j;2026-09-08;Préparé;Utilisateur inconnu;Téléphone;Non
k;2026-09-09;Envoyé;;Email;Oui
";

const GERMAN: &str = "\
Empfänger;Ereignisdatum;Status;Ursache;Kanal;Kontrollgruppe
a;2026-10-24;Gesendet;;E-Mail;Nein
b;2026-10-01;Fehlgeschlagen;Postfach voll;SMS;Nein
c;2026-09-01;Ignoriert;Adresse in Quarantäne;E-Mail;Nein
d;2026-09-02;Fehlgeschlagen;Adresse in Quarantäne;E-Mail;Nein
e;2026-09-03;Versand abgebrochen;;Briefpost;Nein
f;2026-09-04;Ausstehend;Kontrollgruppenadresse;Telefon;Nein
g;2026-09-05;Nicht anwendbar;;E-Mail;Nein
h;2026-09-06;Auf Mobiltelefon erhalten;;SMS;Nein
i;2026-09-07;Gesendet;;Briefpost;Nein
j;2026-09-08;Vorbereitet;Unbekannter Nutzer;Telefon;Nein
k;2026-09-09;Gesendet;;E-Mail;Ja
";

/// The counts every language's export must give, and the headers each field was read from.
fn assert_counts(name: &str, csv: &str, headers: [&str; 6]) {
    let r = count(name, csv);
    assert!(r.rejected.is_empty(), "{name}: {:?}", r.rejected);
    assert!(r.unrecognised.is_empty(), "{name}: no value left unrecognised: {:?}", r.unrecognised);
    assert_eq!((r.rows.read, r.rows.counted, r.rows.excluded, r.rows.rejected), (11, 5, 6, 0), "{name}");
    assert_eq!(
        (excluded(&r, "status"), excluded(&r, "failure_reason"), excluded(&r, "control"), excluded(&r, "proof")),
        (3, 1, 2, 0),
        "{name}: exclusions by reason"
    );
    assert_eq!(r.total_active, 5, "{name}");
    let expected: Vec<(String, u64)> =
        [("Direct mail", 1), ("Email", 1), ("Phone", 1), ("SMS", 2)].iter().map(|(n, a)| (n.to_string(), *a)).collect();
    assert_eq!(channels(&r), expected, "{name}: channels under their English names");
    let columns = &r.files[0].columns;
    let fields = ["profile key", "event date", "status", "failure reason", "channel", "control group"];
    for (field, header) in fields.iter().zip(headers) {
        assert_eq!(columns.get(*field).map(String::as_str), Some(header), "{name}: the {field} column");
    }
}

#[test]
fn english_export() {
    assert_counts(
        "en.csv",
        ENGLISH,
        ["Recipient", "Event date", "Status", "Failure reason", "Channel", "Control group"],
    );
}

#[test]
fn dutch_export() {
    assert_counts("nl.csv", DUTCH, ["Ontvanger", "Gebeurtenisdatum", "Status", "Reden", "Kanaal", "Controlegroep"]);
}

#[test]
fn swedish_export() {
    assert_counts("sv.csv", SWEDISH, ["Mottagare", "Händelsedatum", "Status", "Orsak", "Kanal", "Kontrollgrupp"]);
}

#[test]
fn french_export() {
    assert_counts(
        "fr.csv",
        FRENCH,
        ["Destinataire", "Date de l'événement", "Statut", "Raison de l'échec", "Canal", "Groupe de contrôle"],
    );
}

#[test]
fn german_export() {
    assert_counts("de.csv", GERMAN, ["Empfänger", "Ereignisdatum", "Status", "Ursache", "Kanal", "Kontrollgruppe"]);
}

#[test]
fn accents_may_be_left_out_or_shouted() {
    let csv = "DESTINATAIRE;DATE DE L'EVENEMENT;STATUT;RAISON DE L'ECHEC\na;2026-10-24;ENVOYE;\nb;2026-10-01;IGNORE;\nc;2026-10-01;En echec;ADRESSE TEMOIN\n";
    let r = count("fr.csv", csv);
    assert!(r.unrecognised.is_empty(), "{:?}", r.unrecognised);
    assert_eq!((r.rows.counted, excluded(&r, "status"), excluded(&r, "control")), (1, 1, 1));
    // A Windows-1252 file (Excel's "CSV" in western Europe) reads the same.
    let latin1: Vec<u8> = "Empfänger;Ereignisdatum;Status\na;2026-10-24;Gesendet\nb;2026-10-01;Ignoriert\n"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let mut counter = Counter::new(Options::default());
    let f = counter.begin_file("de.csv", None);
    counter.push(f, &latin1).unwrap();
    counter.end_file(f).unwrap();
    let r = counter.report(&ReportSettings::default());
    assert_eq!((r.rows.counted, excluded(&r, "status")), (1, 1));
    assert_eq!(r.files[0].columns.get("profile key").map(String::as_str), Some("Empfänger"));
}

/// One row with `value` in the column `header`; the counts and names that say what it meant.
fn meaning(header: &str, value: &str) -> (u64, u64, Vec<String>, Vec<(String, u64)>) {
    let csv = format!("recipientId,eventDate,{header}\nx,2026-10-01,\"{value}\"\n");
    let r = count("one.csv", &csv);
    let excluded: Vec<String> = r.excluded.iter().map(|e| format!("{} {}", e.reason, e.rows)).collect();
    (r.rows.counted, r.unrecognised.len() as u64, excluded, channels(&r))
}

fn every_label_means_its_english(header: &str, table: &[Words]) {
    for words in table {
        let english = meaning(header, words.english);
        for (lang, label) in words.localized() {
            assert_eq!(
                meaning(header, label),
                english,
                "{header} '{label}' ({lang}) means what '{}' means",
                words.english
            );
        }
    }
}

#[test]
fn every_localized_status_means_what_its_english_means() {
    every_label_means_its_english("status", STATUSES);
    // and the English ones are all known: none is left unrecognised.
    for words in STATUSES {
        assert_eq!(meaning("status", words.english).1, 0, "{}", words.english);
    }
}

#[test]
fn every_localized_failure_reason_means_what_its_english_means() {
    every_label_means_its_english("failureReason", FAILURE_REASONS);
    for words in FAILURE_REASONS {
        assert_eq!(meaning("failureReason", words.english).1, 0, "{}", words.english);
    }
}

#[test]
fn every_localized_channel_is_counted_under_its_english_name() {
    every_label_means_its_english("channel", CHANNELS);
    for words in CHANNELS {
        assert_eq!(meaning("channel", words.english).3, [(words.english.to_string(), 1)]);
    }
}

#[test]
fn every_localized_header_is_read_as_its_field() {
    for (field, words) in HEADERS {
        for (lang, label) in words.localized() {
            let csv = if field.name() == "event date" {
                format!("recipientId,\"{label}\"\nx,2026-10-01\n")
            } else if field.name() == "profile key" {
                format!("eventDate,\"{label}\"\n2026-10-01,x\n")
            } else {
                format!("eventDate,recipientId,\"{label}\"\n2026-10-01,x,\n")
            };
            let r = count("h.csv", &csv);
            let read_as: Vec<&str> =
                r.files[0].columns.iter().filter(|(_, h)| *h == label).map(|(f, _)| f.as_str()).collect();
            assert_eq!(read_as, [field.name()], "'{label}' ({lang})");
        }
    }
}

/// No localized label may change what an English label means: where a localized label reads as an
/// English one (after normalisation), both must stand for the same English value; and two
/// languages may not give one label two meanings.
#[test]
fn no_localized_label_collides_with_another_meaning() {
    let rules = Rules::default();
    let english_status: Vec<&String> = rules.counted_status.iter().chain(&rules.excluded_status).collect();
    let english_reasons: Vec<(i64, &String)> =
        rules.failure_reasons.iter().flat_map(|(n, ls)| ls.iter().map(move |l| (*n, l))).collect();
    let reason_number =
        |label: &str| english_reasons.iter().find(|(_, l)| normalise(l) == normalise(label)).map(|(n, _)| *n);
    let english_channels: Vec<&String> = rules.channel_numbers.values().collect();

    for (kind, table) in [("status", STATUSES), ("failure reason", FAILURE_REASONS), ("channel", CHANNELS)] {
        for words in table {
            for (lang, label) in words.localized() {
                let key = normalise(label);
                // against English
                match kind {
                    "status" => {
                        if let Some(e) = english_status.iter().find(|e| normalise(e) == key) {
                            assert_eq!(normalise(e), normalise(words.english), "{lang} '{label}' is English '{e}'");
                        }
                    }
                    "failure reason" => {
                        if let Some(n) = reason_number(label) {
                            assert_eq!(Some(n), reason_number(words.english), "{lang} '{label}' is English reason {n}");
                        }
                    }
                    _ => {
                        if let Some(e) = english_channels.iter().find(|e| normalise(e) == key) {
                            assert_eq!(normalise(e), normalise(words.english), "{lang} '{label}' is English '{e}'");
                        }
                    }
                }
                // against the other languages
                for other in table {
                    if other.localized().any(|(_, l)| normalise(l) == key) {
                        assert_eq!(other.english, words.english, "{kind} '{label}' ({lang}) has two meanings");
                    }
                }
            }
        }
    }

    for (field, words) in HEADERS {
        for (lang, label) in words.localized() {
            let key = normalise(label);
            for other in FIELDS {
                if other != *field {
                    assert!(
                        !other.match_names().contains(&key),
                        "{lang} header '{label}' of the {} is also the {}'s",
                        field.name(),
                        other.name()
                    );
                }
            }
        }
    }
}
