//! Remembers the user's settings and column mappings in the browser's local storage.

use gloo::storage::{LocalStorage, Storage};

use crate::state::Settings;

const SETTINGS_KEY: &str = "active-profiles.settings";

/// The remembered settings, or the defaults.
pub fn load_settings() -> Settings {
    LocalStorage::get(SETTINGS_KEY).unwrap_or_default()
}

/// Remembers the settings; a full or disabled storage only means they are not remembered.
pub fn save_settings(settings: &Settings) {
    let _ = LocalStorage::set(SETTINGS_KEY, settings);
}
