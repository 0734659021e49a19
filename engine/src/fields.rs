//! Columns: the fields the engine reads, their header aliases, and matching a header line to them.
//!
//! A header is normalised (lower case, letters and digits only) and looked up
//! in each field's alias list; when several columns match one field, the one
//! whose alias comes earliest in the list wins. A manual mapping (field name
//! to header) overrides the aliases.

use std::collections::BTreeMap;

use crate::languages::{w, Words};

/// A field of a delivery-log row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    ProfileKey,
    EventDate,
    Status,
    FailureReason,
    FailureType,
    Delivery,
    Channel,
    TargetDimension,
    Address,
    Transactional,
    Proof,
    Seed,
    ControlGroup,
    Instance,
}

/// A field of a deliveries-file row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeliveryField {
    Delivery,
    Label,
    Channel,
    TargetDimension,
    Transactional,
    Proof,
}

/// Every log field, in the order of the spec's table.
pub const FIELDS: [Field; 14] = [
    Field::ProfileKey,
    Field::EventDate,
    Field::Status,
    Field::FailureReason,
    Field::FailureType,
    Field::Delivery,
    Field::Channel,
    Field::TargetDimension,
    Field::Address,
    Field::Transactional,
    Field::Proof,
    Field::Seed,
    Field::ControlGroup,
    Field::Instance,
];

/// Every deliveries-file field.
pub const DELIVERY_FIELDS: [DeliveryField; 6] = [
    DeliveryField::Delivery,
    DeliveryField::Label,
    DeliveryField::Channel,
    DeliveryField::TargetDimension,
    DeliveryField::Transactional,
    DeliveryField::Proof,
];

impl Field {
    /// The field's name as users write it (`--map 'event date=...'`) and as the report's `columns` keys.
    pub fn name(self) -> &'static str {
        match self {
            Field::ProfileKey => "profile key",
            Field::EventDate => "event date",
            Field::Status => "status",
            Field::FailureReason => "failure reason",
            Field::FailureType => "failure type",
            Field::Delivery => "delivery",
            Field::Channel => "channel",
            Field::TargetDimension => "target dimension",
            Field::Address => "address",
            Field::Transactional => "transactional",
            Field::Proof => "proof",
            Field::Seed => "seed",
            Field::ControlGroup => "control group",
            Field::Instance => "instance",
        }
    }

    /// Normalised header names, earliest wins.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::ProfileKey => &[
                "recipientid",
                "irecipientid",
                "recipient",
                "profileid",
                "profile",
                "customerid",
                "contactid",
                "visitorid",
                "subscriberid",
                "primarykey",
                "id",
            ],
            Field::EventDate => &[
                "eventdate",
                "tsevent",
                "contactdate",
                "senddate",
                "date",
                "timestamp",
                "lastmodified",
                "tslastmodified",
            ],
            Field::Status => &["status", "istatus", "deliverystatus", "logstatus"],
            Field::FailureReason => &["failurereason", "ifailurereason", "reason", "exclusionreason"],
            Field::FailureType => &["failuretype", "typeoffailure", "ifailuretype"],
            Field::Delivery => {
                &["deliveryid", "ideliveryid", "delivery", "deliveryname", "deliverylabel", "deliveryinternalname"]
            }
            Field::Channel => &["channel", "messagetype", "imessagetype", "deliverychannel"],
            Field::TargetDimension => &[
                "targetdimension",
                "targetingdimension",
                "targetmapping",
                "targetingmapping",
                "mapping",
                "schema",
                "source",
            ],
            Field::Address => {
                &["address", "saddress", "email", "emailaddress", "mobile", "mobilephone", "phone", "phonenumber"]
            }
            Field::Transactional => &["transactional", "messagecenter", "istransactional"],
            Field::Proof => &["proof", "isproof"],
            Field::Seed => &["seed", "seedmember"],
            Field::ControlGroup => &["controlgroup", "controlgroupmember"],
            Field::Instance => &["instance", "instancename"],
        }
    }

    /// The names a header is matched against: the English aliases first (they win on ties), then the
    /// Dutch, Swedish, French and German column labels (see [`HEADERS`]), normalised.
    pub fn match_names(self) -> Vec<String> {
        let english = self.aliases().iter().map(|a| a.to_string());
        english.chain(header_aliases(self)).collect()
    }

    /// The field a user's name stands for (`event date`, `event_date`, `eventDate`, `key`, `date`...).
    pub fn parse(name: &str) -> Option<Field> {
        let n = normalise(name);
        FIELDS.iter().copied().find(|f| normalise(f.name()) == n).or(match n.as_str() {
            "key" | "profile" | "id" => Some(Field::ProfileKey),
            "date" | "eventdate" => Some(Field::EventDate),
            "reason" => Some(Field::FailureReason),
            "dimension" => Some(Field::TargetDimension),
            "control" | "controlgroupmember" => Some(Field::ControlGroup),
            _ => None,
        })
    }
}

impl DeliveryField {
    /// The field's name as users write it and as the report names it.
    pub fn name(self) -> &'static str {
        match self {
            DeliveryField::Delivery => "delivery",
            DeliveryField::Label => "label",
            DeliveryField::Channel => "channel",
            DeliveryField::TargetDimension => "target dimension",
            DeliveryField::Transactional => "transactional",
            DeliveryField::Proof => "proof",
        }
    }

    /// Normalised header names, earliest wins.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            DeliveryField::Delivery => {
                &["deliveryid", "ideliveryid", "delivery", "internalname", "deliveryinternalname", "name", "id"]
            }
            DeliveryField::Label => &["label", "deliverylabel"],
            DeliveryField::Channel => Field::Channel.aliases(),
            DeliveryField::TargetDimension => Field::TargetDimension.aliases(),
            DeliveryField::Transactional => Field::Transactional.aliases(),
            DeliveryField::Proof => &["proof", "isproof"],
        }
    }

    /// The names a header is matched against: English first, then the log field's localized labels.
    pub fn match_names(self) -> Vec<String> {
        let log = match self {
            DeliveryField::Delivery => Some(Field::Delivery),
            DeliveryField::Label => None,
            DeliveryField::Channel => Some(Field::Channel),
            DeliveryField::TargetDimension => Some(Field::TargetDimension),
            DeliveryField::Transactional => Some(Field::Transactional),
            DeliveryField::Proof => Some(Field::Proof),
        };
        let english = self.aliases().iter().map(|a| a.to_string());
        english.chain(log.into_iter().flat_map(header_aliases)).collect()
    }

    /// The field a user's name stands for.
    pub fn parse(name: &str) -> Option<DeliveryField> {
        let n = normalise(name);
        DELIVERY_FIELDS.iter().copied().find(|f| normalise(f.name()) == n).or(match n.as_str() {
            "key" | "id" => Some(DeliveryField::Delivery),
            "dimension" => Some(DeliveryField::TargetDimension),
            _ => None,
        })
    }
}

/// Lower case, letters and digits only: `@eventDate`, `Event date`, `event_date` all give `eventdate`.
///
/// Accented Latin letters lose their accent (`é` is `e`, `ä` is `a`, `ß` is `ss`), so that
/// `Date de l'événement`, `Date de l'evenement` and `DATE DE L'ÉVÉNEMENT` are one name.
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c => out.push(c),
        }
    }
    out
}

/// How a header line maps to fields: the column index of each matched field.
pub(crate) fn match_headers<F: Copy + Ord>(
    headers: &[String],
    fields: &[F],
    aliases: impl Fn(F) -> Vec<String>,
    manual: &BTreeMap<F, String>,
) -> Result<BTreeMap<F, usize>, (F, String)> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut out = BTreeMap::new();
    for &field in fields {
        if let Some(wanted) = manual.get(&field) {
            let found = headers
                .iter()
                .position(|h| h.trim() == wanted.trim())
                .or_else(|| normalised.iter().position(|h| *h == normalise(wanted)));
            match found {
                Some(col) => {
                    out.insert(field, col);
                }
                None => return Err((field, wanted.clone())),
            }
            continue;
        }
        let best = aliases(field).iter().find_map(|alias| normalised.iter().position(|h| h == alias));
        if let Some(col) = best {
            out.insert(field, col);
        }
    }
    Ok(out)
}

/// Column headers of a delivery-log export as the console labels them; `english` is
/// the English column label (whose normalised form is among the field's English aliases).
/// (*) The documentation does not show an export's header line: these are the console's column labels.
pub const HEADERS: &[(Field, Words)] = &[
    (Field::ProfileKey, w("Recipient", &["Ontvanger"], &["Mottagare"], &["Destinataire"], &["Empfänger"])),
    (
        Field::EventDate,
        w(
            "Event date",
            &["Gebeurtenisdatum", "Datum"],
            &["Händelsedatum", "Datum"],
            &["Date de l'événement"],
            &["Ereignisdatum", "Datum"],
        ),
    ),
    (Field::Status, w("Status", &["Status"], &["Status"], &["Statut"], &["Status"])),
    (
        Field::FailureReason,
        w(
            "Failure reason",
            &["Reden", "Reden van de fout"],
            &["Orsak", "Felorsak"],
            &["Raison", "Raison de l'échec"],
            &["Ursache", "Fehlerursache"],
        ),
    ),
    (
        Field::FailureType,
        w("Failure type", &["Fouttype"], &["Feltyp"], &["Type d'erreur", "Type d'échec"], &["Fehlertyp"]),
    ),
    (Field::Delivery, w("Delivery", &["Levering"], &["Leverans"], &["Diffusion"], &["Versand"])),
    (Field::Channel, w("Channel", &["Kanaal"], &["Kanal"], &["Canal"], &["Kanal"])),
    (
        Field::TargetDimension,
        w(
            "Targeting dimension",
            &["Doeldimensie"],
            &["Måldimension"],
            &["Dimension de ciblage"],
            &["Zielgruppendimension"],
        ),
    ),
    (
        Field::Address,
        w(
            "Address",
            &["Adres", "E-mailadres"],
            &["Adress", "E-postadress"],
            &["Adresse", "Adresse email"],
            &["Adresse", "E-Mail-Adresse"],
        ),
    ),
    (
        Field::Transactional,
        w("Transactional", &["Transactioneel"], &["Transaktionell"], &["Transactionnel"], &["Transaktional"]),
    ),
    (Field::Proof, w("Proof", &["Proef"], &["Korrektur"], &["BAT", "Bon à tirer"], &["Testsendung"])),
    (Field::Seed, w("Seed", &["Seed-adres"], &["Seed-adress"], &["Adresse de contrôle"], &["Testadresse"])),
    (
        Field::ControlGroup,
        w(
            "Control group",
            &["Controlegroep"],
            &["Kontrollgrupp"],
            &["Groupe de contrôle", "Population témoin"],
            &["Kontrollgruppe"],
        ),
    ),
    (Field::Instance, w("Instance", &["Instantie"], &["Instans"], &["Instance"], &["Instanz"])),
];

/// The localized header names of a log field, normalised (see [`crate::normalise`]), in table order.
pub(crate) fn header_aliases(field: Field) -> impl Iterator<Item = String> {
    HEADERS.iter().filter(move |(f, _)| *f == field).flat_map(|(_, words)| words.localized()).map(|(_, l)| normalise(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_parses() {
        assert_eq!(normalise("@eventDate"), "eventdate");
        assert_eq!(normalise("Event date"), "eventdate");
        assert_eq!(normalise("event_date"), "eventdate");
        assert_eq!(Field::parse("event date"), Some(Field::EventDate));
        assert_eq!(Field::parse("Profile-Key"), Some(Field::ProfileKey));
        assert_eq!(Field::parse("nope"), None);
        assert_eq!(normalise("Date de l'Événement"), "datedelevenement");
        assert_eq!(normalise("Größe"), "grosse");
    }
}
