//! Settings that steer reading (options) and reporting (report settings).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How files are read and rows classified. Fixed for the life of a [`crate::Counter`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Options {
    /// Read `03/04/2026` as the 3rd of April when a file never tells.
    pub month_first: bool,
}

/// The billing day of each month on which a snapshot is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BillingDay {
    /// A day from 1 to 28.
    Day(u8),
    /// The month's last day.
    Last,
}

impl Default for BillingDay {
    fn default() -> Self {
        BillingDay::Day(25)
    }
}

/// What a report is computed for; changing these never needs the files again.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ReportSettings {
    /// Default: the latest event date.
    pub as_of: Option<NaiveDate>,
    pub billing_day: BillingDay,
    pub purchased: Option<u64>,
}
