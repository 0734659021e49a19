//! Campaign in its users' languages: the Dutch, Swedish, French and German labels of columns, statuses, failure reasons and channels, each tied to its English counterpart.
//!
//! Campaign's consoles export column labels and enumeration labels in the
//! operator's language. The engine reads them by translating a localized
//! label into its English counterpart, which then means exactly what the
//! English means under the rules in force (a user's rule on `Ignored` also
//! holds for `Ignoré`). English is always looked up first, so a localized
//! label can never change what an English label means.
//!
//! Sources (Adobe's own localized documentation, the pages that list each
//! value; `AdobeDocs/campaign-classic.<lang>`):
//! - statuses: `help/delivery/using/delivery-statuses.md` (nl-NL, sv-SE, fr-FR, de-DE);
//! - failure reasons: `help/delivery/using/understanding-delivery-failures.md`, the table
//!   "Delivery failure types and reasons" (nl-NL, sv-SE, fr-FR, de-DE);
//! - channels: `help/delivery/using/communication-channels.md` (fr-FR: Email, Courrier,
//!   Mobile (SMS)), `help/delivery/using/about-direct-mail-channel.md` (de-DE Briefpost,
//!   nl-NL Direct mail, sv-SE direktreklam / direktutskick).
//!
//! Labels marked `(*)` in the README are not on those pages (the column headers of an
//! export, *Delivery confirmed*, the short *Cancelled*, the mobile-app channel): they are
//! the console's usual words, recognised because they cannot mean anything else.
//! The column headers' table, [`HEADERS`](crate::HEADERS), lives with the fields it names
//! (`fields.rs`), in these same [`Words`].

/// One English label and its counterparts in Dutch, Swedish, French and German
/// (several per language where the console or the documentation use more than one).
#[derive(Clone, Copy, Debug)]
pub struct Words {
    pub english: &'static str,
    pub nl: &'static [&'static str],
    pub sv: &'static [&'static str],
    pub fr: &'static [&'static str],
    pub de: &'static [&'static str],
}

impl Words {
    /// Every localized label, with its language code (`nl`, `sv`, `fr`, `de`).
    pub fn localized(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        let by_lang: [(&'static str, &'static [&'static str]); 4] =
            [("nl", self.nl), ("sv", self.sv), ("fr", self.fr), ("de", self.de)];
        by_lang.into_iter().flat_map(|(lang, labels)| labels.iter().map(move |l| (lang, *l)))
    }
}

pub(crate) const fn w(
    english: &'static str,
    nl: &'static [&'static str],
    sv: &'static [&'static str],
    fr: &'static [&'static str],
    de: &'static [&'static str],
) -> Words {
    Words { english, nl, sv, fr, de }
}

/// Delivery-log statuses; `english` is a label of [`crate::Rules`]' default status lists.
/// Source: `help/delivery/using/delivery-statuses.md` in each language.
pub const STATUSES: &[Words] = &[
    w("Sent", &["Verzonden"], &["Skickat"], &["Envoyé", "Envoyés"], &["Gesendet"]),
    w("Failed", &["Mislukt"], &["Misslyckades"], &["En échec", "Échec"], &["Fehlgeschlagen"]),
    w("Pending", &["In behandeling", "In afwachting"], &["Väntande"], &["En attente"], &["Ausstehend"]),
    w("Prepared", &["Voorbereid"], &["Förberedd"], &["Préparé"], &["Vorbereitet"]),
    w(
        "Sent to the service provider",
        &["Verzonden naar de serviceprovider"],
        &["Skickat till tjänsteleverantören"],
        &["Transmis au prestataire"],
        &["Dem Dienstleister übermittelt"],
    ),
    w(
        "Taken into account by the service provider",
        &["Door de dienstverlener in aanmerking genomen"],
        &["Tjänsteleverantören har tagit hänsyn till"],
        &["Pris en compte par le fournisseur de services"],
        &["Vom Dienstleister berücksichtigt"],
    ),
    w(
        "Received on mobile",
        &["Ontvangen op mobiel"],
        &["Mottaget på mobilen"],
        &["Reçu sur le mobile"],
        &["Auf Mobiltelefon erhalten"],
    ),
    // (*) not on the statuses page.
    w(
        "Delivery confirmed",
        &["Levering bevestigd"],
        &["Leverans bekräftad"],
        &["Diffusion confirmée"],
        &["Versand bestätigt"],
    ),
    w("Ignored", &["Genegeerd"], &["Ignorerad"], &["Ignoré"], &["Ignoriert"]),
    w(
        "Delivery cancelled",
        &["Aflevering geannuleerd"],
        &["Leveransen har avbrutits"],
        &["Diffusion annulée"],
        &["Versand abgebrochen"],
    ),
    // (*) the short form, as English has it.
    w("Cancelled", &["Geannuleerd"], &["Avbruten"], &["Annulé", "Annulée"], &["Abgebrochen"]),
    w("Not applicable", &["Niet van toepassing"], &["Ej tillämpligt"], &["Non applicable"], &["Nicht anwendbar"]),
];

/// Failure reasons; `english` is a label of [`crate::Rules`]' default failure reasons.
/// Source: `help/delivery/using/understanding-delivery-failures.md` in each language.
pub const FAILURE_REASONS: &[Words] = &[
    w("Not defined", &["Niet gedefinieerd"], &["Ej definierad"], &["Non définie", "Non défini"], &["Unbestimmt"]),
    w(
        "User unknown",
        &["Gebruiker onbekend"],
        &["Okänd användare"],
        &["Utilisateur inconnu"],
        &["Unbekannter Nutzer", "Benutzer unbekannt"],
    ),
    w("Invalid domain", &["Ongeldig domein"], &["Ogiltig domän"], &["Domaine invalide"], &["Ungültige Domain"]),
    w("Unreachable", &["Onbereikbaar"], &["Onåbar"], &["Inatteignable"], &["Unerreichbar"]),
    w(
        "Account disabled",
        &["Account uitgeschakeld"],
        &["Kontot är inaktiverat"],
        &["Compte désactivé"],
        &["Konto deaktiviert"],
    ),
    w("Mailbox full", &["Postbus vol"], &["Postlådan är full"], &["Boîte pleine"], &["Postfach voll"]),
    w("Not connected", &["Niet verbonden"], &["Inte ansluten"], &["Non connecté"], &["Nicht angemeldet"]),
    w(
        "Address not specified",
        &["Adres niet opgegeven"],
        &["Adressen har inte angetts"],
        &["Adresse non renseignée"],
        &["Adresse nicht angegeben"],
    ),
    w(
        "Denylisted address",
        &["Op de lijst met ongewenste personen staan adres"],
        &["Blocklist adress"],
        &["Adresse placée sur la liste bloquée"],
        &["Adresse, die auf die Blockierungsliste gesetzt wurde"],
    ),
    w(
        "Address in quarantine",
        &["Adres in quarantaine"],
        &["Adress i karantän"],
        &["Adresse en quarantaine"],
        &["Adresse in Quarantäne"],
    ),
    w("Double", &["Dubbel"], &["Dubbel"], &["Double"], &["Doppelt"]),
    w(
        "Excluded by a SQL rule",
        &["Uitgesloten door een SQL-regel"],
        &["Exkluderad av en SQL-regel"],
        &["Exclu par une règle SQL"],
        &["Von einer SQL-Regel ausgeschlossen"],
    ),
    w(
        "Excluded after arbitration",
        &["Uitgesloten na arbitrage"],
        &["Uteslutet efter skiljedom"],
        &["Exclu par un arbitrage"],
        &["Ausgeschlossen nach Schlichtung"],
    ),
    w(
        "Bad-quality address",
        &["Adres van slechte kwaliteit"],
        &["Felaktig adress"],
        &["Adresse de mauvaise qualité"],
        &["Adresse schlechter Qualität"],
    ),
    w(
        "Unqualified address",
        &["Onbevoegd adres"],
        &["Okvalificerad adress"],
        &["Adresse non qualifiée"],
        &["Adresse nicht qualifiziert"],
    ),
    w(
        "Not eligible for the offers",
        &["Niet in aanmerking komend voor de voorstellen"],
        &["Erbjudandena är inte giltiga"],
        &["Non éligible aux offres"],
        &["Kommt nicht für die Angebote infrage"],
    ),
    w(
        "Target limited in size",
        &["Beperkte doelgrootte"],
        &["Målet är begränsat"],
        &["Cible limitée en taille"],
        &["Größe der Zielgruppe begrenzt"],
    ),
    w("Refused", &["Geweigerd"], &["Avvisad"], &["Refusés", "Refusé"], &["Zurückgewiesen"]),
    w("Error ignored", &["Fout genegeerd"], &["Felet ignorerades"], &["Erreur ignorée"], &["Fehler ignoriert"]),
    w("Control address", &["Besturingsadres"], &["Kontrolladress"], &["Adresse témoin"], &["Kontrollgruppenadresse"]),
];

/// Channels; `english` is the channel's name in the report (the names of
/// [`crate::Rules::channel_numbers`], and `Mobile app`, kept as written in English).
pub const CHANNELS: &[Words] = &[
    w("Email", &["E-mail"], &["E-post"], &["Email", "E-mail", "Courriel"], &["E-Mail"]),
    w("SMS", &["SMS", "Mobiel (SMS)"], &["SMS", "Mobil (SMS)"], &["SMS", "Mobile (SMS)"], &["SMS", "Mobil (SMS)"]),
    w("Phone", &["Telefoon"], &["Telefon"], &["Téléphone"], &["Telefon"]),
    w("Direct mail", &["Direct mail"], &["Direktreklam", "Direktutskick"], &["Courrier"], &["Briefpost"]),
    // (*) push notifications.
    w("Mobile app", &["Mobiele app"], &["Mobilapp"], &["Application mobile"], &["Mobile App"]),
];
