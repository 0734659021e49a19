//! Which column of an events CSV each field is read from: a mapping chosen by hand first, then the header names of section 3.
//!
//! One rule for the counter ([`crate::engage::EventCounter`] reads a CSV's
//! header line with it) and for a viewer's mapping step, which shows what a
//! count would read ([`matched_columns`]) and asks for the required fields a
//! header lacks ([`missing`]).

use std::collections::BTreeMap;

use crate::engage::EventField;
use crate::fields::normalise;

/// A header as the aliases compare it: its last dotted segment, normalised.
fn last_segment(h: &str) -> String {
    normalise(h.rsplit('.').next().unwrap_or(h))
}

/// The column of each field found in `headers`: the header named by `mapping` (as written, else
/// compared like an alias), else the first of the field's [`EventField::aliases`]. A field mapped
/// to a header the file lacks is the error, with that header.
///
/// ```
/// use std::collections::BTreeMap;
/// use engine::engage::{columns::match_columns, EventField};
/// let headers: Vec<String> = ["Wann", "Kunde", "journeyVersionName"].map(String::from).into();
/// let found = match_columns(&headers, &BTreeMap::new()).unwrap();
/// assert_eq!(found.get(&EventField::Journey), Some(&2));
/// assert_eq!(found.get(&EventField::Time), None);
/// let mapping = BTreeMap::from([(EventField::Time, "Wann".to_string())]);
/// assert_eq!(match_columns(&headers, &mapping).unwrap().get(&EventField::Time), Some(&0));
/// let wrong = BTreeMap::from([(EventField::Time, "When".to_string())]);
/// assert_eq!(match_columns(&headers, &wrong), Err((EventField::Time, "When".to_string())));
/// ```
pub fn match_columns(
    headers: &[String],
    mapping: &BTreeMap<EventField, String>,
) -> Result<BTreeMap<EventField, usize>, (EventField, String)> {
    let normalised: Vec<String> = headers.iter().map(|h| last_segment(h)).collect();
    let mut cols = BTreeMap::new();
    for field in EventField::ALL {
        let found = match mapping.get(&field) {
            Some(wanted) => {
                let at = headers.iter().position(|h| h.trim() == wanted.trim());
                match at.or_else(|| normalised.iter().position(|h| *h == last_segment(wanted))) {
                    Some(c) => Some(c),
                    None => return Err((field, wanted.clone())),
                }
            }
            None => field.aliases().iter().find_map(|a| normalised.iter().position(|h| h == a)),
        };
        if let Some(c) = found {
            cols.insert(field, c);
        }
    }
    Ok(cols)
}

/// The fields a count needs (time and profile) that `found` lacks.
pub fn missing(found: &BTreeMap<EventField, usize>) -> Vec<EventField> {
    [EventField::Time, EventField::Profile].into_iter().filter(|f| !found.contains_key(f)).collect()
}

/// The header each field would be read from, by the fields' names ([`EventField::name`]), as a
/// count with `mapping` (field name to header) would choose; a mapped header the file lacks, or a
/// field name that is not one, is left out. For a mapping step.
///
/// ```
/// use std::collections::BTreeMap;
/// let headers: Vec<String> = ["Wann", "profileID", "Reise"].map(String::from).into();
/// let mapping = BTreeMap::from([("journey or campaign".to_string(), "Reise".to_string())]);
/// let found = engine::engage::columns::matched_columns(&headers, &mapping);
/// assert_eq!(found.get("profile").map(String::as_str), Some("profileID"));
/// assert_eq!(found.get("journey or campaign").map(String::as_str), Some("Reise"));
/// assert_eq!(found.get("time"), None);
/// ```
pub fn matched_columns(headers: &[String], mapping: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let manual: BTreeMap<EventField, String> = mapping
        .iter()
        .filter_map(|(field, header)| Some((EventField::parse(field)?, header.clone())))
        .filter(|(_, header)| {
            headers.iter().any(|h| h.trim() == header.trim() || last_segment(h) == last_segment(header))
        })
        .collect();
    match match_columns(headers, &manual) {
        Ok(found) => found
            .into_iter()
            .filter_map(|(field, col)| Some((field.name().to_string(), headers.get(col)?.clone())))
            .collect(),
        Err(_) => BTreeMap::new(),
    }
}

/// A mapping by the fields' names (as a viewer keeps it) as the counter takes it; names that are
/// not a field are left out.
pub fn by_field(mapping: &BTreeMap<String, String>) -> BTreeMap<EventField, String> {
    mapping.iter().filter_map(|(field, header)| Some((EventField::parse(field)?, header.clone()))).collect()
}
