//! Remembers the user's settings, language, and column mappings per set of headers, in the browser's local storage.

use std::collections::BTreeMap;

use gloo::storage::{LocalStorage, Storage};

use crate::state::Settings;
use views::locale::Lang;

const SETTINGS_KEY: &str = "active-profiles.settings";
const MAPPING_PREFIX: &str = "active-profiles.mapping.";
const EVENT_MAPPING_PREFIX: &str = "active-profiles.event-mapping.";
const LANG_KEY: &str = "active-profiles.lang";

/// The language chosen before in the picker, if any.
pub fn load_lang() -> Option<Lang> {
    LocalStorage::get::<String>(LANG_KEY).ok().and_then(|code| Lang::parse(&code))
}

/// Remembers the language chosen in the picker.
pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}

/// The remembered settings, or the defaults in the browser's own time zone.
pub fn load_settings() -> Settings {
    LocalStorage::get(SETTINGS_KEY)
        .unwrap_or_else(|_| Settings { time_zone: crate::state::browser_time_zone(), ..Settings::default() })
}

/// Remembers the settings; a full or disabled storage only means they are not remembered.
pub fn save_settings(settings: &Settings) {
    let _ = LocalStorage::set(SETTINGS_KEY, settings);
}

/// Whose mappings: a delivery log's fields and an events CSV's are remembered apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Memory {
    Campaign,
    Events,
}

/// The storage key of a set of headers: the same headers in the same order.
fn mapping_key(memory: Memory, headers: &[String]) -> String {
    let prefix = match memory {
        Memory::Campaign => MAPPING_PREFIX,
        Memory::Events => EVENT_MAPPING_PREFIX,
    };
    format!("{prefix}{}", headers.join("\u{1f}"))
}

/// The Campaign mapping remembered for files with exactly these headers.
pub fn remembered_mapping(headers: &[String]) -> BTreeMap<String, String> {
    remembered_mapping_in(Memory::Campaign, headers)
}

/// The mapping of `memory` remembered for files with exactly these headers.
pub fn remembered_mapping_in(memory: Memory, headers: &[String]) -> BTreeMap<String, String> {
    LocalStorage::get(mapping_key(memory, headers)).unwrap_or_default()
}

/// Remembers (or, with `None`, forgets) the column of one field for files with these headers.
pub fn remember_mapping_in(memory: Memory, headers: &[String], field: &str, header: Option<&str>) {
    let mut mapping = remembered_mapping_in(memory, headers);
    match header {
        Some(h) => mapping.insert(field.to_owned(), h.to_owned()),
        None => mapping.remove(field),
    };
    let _ = if mapping.is_empty() {
        LocalStorage::delete(mapping_key(memory, headers));
        Ok(())
    } else {
        LocalStorage::set(mapping_key(memory, headers), mapping)
    };
}
