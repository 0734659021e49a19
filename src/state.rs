//! The viewer's one state and the actions that change it.

use std::rc::Rc;

use engine::Report;
use yew::Reducible;

/// Where the report on screen came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The embedded, generated demo export.
    Demo,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewerState {
    pub source: Source,
    pub report: Report,
}

impl Default for ViewerState {
    fn default() -> Self {
        ViewerState { source: Source::Demo, report: crate::demo::demo_report() }
    }
}

/// Changes to the state; one variant per thing a user or the worker can do.
pub enum Action {
    /// Show a report.
    Show(Source, Report),
}

impl Reducible for ViewerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Show(source, report) => Rc::new(ViewerState { source, report }),
        }
    }
}
