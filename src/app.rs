//! The page: header and the report's headline tile.

use yew::prelude::*;

use crate::state::{Source, ViewerState};

/// The whole viewer.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(ViewerState::default);
    html! {
        <main class="page">
            <header class="masthead">
                <h1>{ "Active profiles" }</h1>
                <p class="privacy">{ "Your files stay on this computer: they are read and counted in this page, never uploaded." }</p>
            </header>
            if state.source == Source::Demo {
                <p class="demo-banner" data-testid="demo-banner">{ "Demo data: a generated export, not yours." }</p>
            }
            <section class="tiles">
                <Tile label="Active profiles" value={state.report.total_active} testid="total-active" />
            </section>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct TileProps {
    pub label: AttrValue,
    pub value: u64,
    pub testid: AttrValue,
}

/// A headline figure; the raw number is kept in `data-value`.
#[function_component(Tile)]
pub fn tile(props: &TileProps) -> Html {
    html! {
        <div class="tile">
            <span class="tile-label">{ &props.label }</span>
            <span class="tile-value" data-testid={props.testid.clone()} data-value={props.value.to_string()}>
                { props.value.to_string() }
            </span>
        </div>
    }
}
