//! What a report tab is doing (a [`Run`] of the worker) and what the page tells the user (a [`Notice`]), shared by the state of every tab.

/// A message for the user about the last action, said in the page's language where it is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A catalog message without variables.
    Key(&'static str),
    /// A catalog message with its variables, each a text as written (a file name, a browser's error);
    /// a `field` is a field of the report, said in the language's words.
    Said(&'static str, Vec<(&'static str, String)>),
    /// A text as it is (an error the page cannot say otherwise, in English).
    Text(String),
    /// A catalog message whose variables are counts (plurals are chosen by them).
    Counts(&'static str, Vec<(&'static str, u64)>),
}

/// A run of the worker: reading or idle.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Run {
    #[default]
    Idle,
    /// Reading files: bytes done of total, rows seen, and when it started (ms since the epoch).
    Reading { run: u32, done: u64, total: u64, rows: u64, started_ms: f64, now_ms: f64 },
    /// Reporting again from the worker's counted state (new as-of date, billing day or purchased number).
    Recounting { run: u32 },
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn js_now() -> f64 {
    js_sys::Date::now()
}
