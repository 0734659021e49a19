//! The column-mapping step: a file's first rows and, per field, the column to read it from.
//!
//! It opens by itself when a required field has no column, and on request
//! (*Choose columns*). A mapping is remembered for the set of headers it was
//! made for (see `storage.rs`), so the same export layout maps itself next
//! time, and a different layout is not read with it.
//!
//! The same step serves the fields of Campaign's delivery logs and those of a
//! CSV of Journey Optimizer engagement events ([`Fields`]): each has its own
//! field names, header rule (the engine's), optional fields and memory.

use std::collections::BTreeMap;

use engine::{Preview, FIELDS};
use yew::prelude::*;

use crate::locale::{field_name, tr, trf, use_lang};
use crate::protocol::{FileHandle, SheetHead};
use crate::state::{Action, MappingAction, ViewerState};

/// How much of a file the preview reads.
const PREVIEW_BYTES: f64 = 64.0 * 1024.0;
/// How many rows the preview shows.
const PREVIEW_ROWS: usize = 5;
/// How many rows the preview reads for the sample values of unrecognised columns.
const SAMPLE_ROWS: usize = 50;
/// How many distinct values of an unrecognised column are shown.
const SAMPLES: usize = 3;
/// Optional fields whose absence changes the count (without a status column every row counts as
/// sent, and so on): a step asked for required fields offers them too when the file has columns
/// left unrecognised, and the page says next to the headline which files were counted without them.
pub const OPTIONAL: [&str; 4] = ["status", "failure reason", "channel", "target dimension"];

/// The optional fields of an events CSV ([`engine::engage::EventField`]) offered beside the
/// required ones: without a sandbox column, events go to the file's sandbox setting.
pub const EVENT_OPTIONAL: [&str; 4] = ["journey or campaign", "sandbox", "sandbox type", "dry run"];

/// Whose fields a step asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fields {
    /// A delivery log's ([`engine::FIELDS`]).
    #[default]
    Campaign,
    /// A CSV of engagement events' ([`engine::engage::EventField`]).
    Events,
}

impl Fields {
    /// Every field, for a step asked for all of them.
    fn all(self) -> Vec<String> {
        match self {
            Fields::Campaign => FIELDS.iter().map(|f| f.name().to_owned()).collect(),
            Fields::Events => engine::engage::EventField::ALL.iter().map(|f| f.name().to_owned()).collect(),
        }
    }

    /// The fields asked for, from the names a count said were missing (Campaign says a field with
    /// two columns as `profile key or address`: either will do, both are offered).
    fn required(self, missing: &[String]) -> Vec<String> {
        match self {
            Fields::Campaign => missing.iter().flat_map(|m| m.split(" or ").map(str::to_owned)).collect(),
            Fields::Events => missing.to_vec(),
        }
    }

    fn optional(self) -> &'static [&'static str] {
        match self {
            Fields::Campaign => &OPTIONAL,
            Fields::Events => &EVENT_OPTIONAL,
        }
    }

    /// The header each field is read from, as a count with `mapping` would choose (the engine's rule).
    fn matched(self, headers: &[String], mapping: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        match self {
            Fields::Campaign => engine::preview::matched_columns(headers, mapping),
            Fields::Events => engine::engage::columns::matched_columns(headers, mapping),
        }
    }

    /// A field's name in `lang`.
    pub fn label(self, lang: crate::locale::Lang, field: &str) -> String {
        match self {
            Fields::Campaign => field_name(lang, field),
            Fields::Events => tr(lang, &format!("eng-fieldname-{}", field.replace(' ', "-"))),
        }
    }

    /// What the step says above the optional fields.
    fn optional_intro(self) -> &'static str {
        match self {
            Fields::Campaign => "mapping-optional",
            Fields::Events => "eng-mapping-optional",
        }
    }

    /// Where the browser remembers mappings of these fields ([`crate::storage`]).
    pub fn memory(self) -> crate::storage::Memory {
        match self {
            Fields::Campaign => crate::storage::Memory::Campaign,
            Fields::Events => crate::storage::Memory::Events,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct MappingStepProps {
    /// The file to preview.
    pub file: FileHandle,
    /// A sheet of the workbook `file`, previewed from its CSV instead: its name and first bytes.
    #[prop_or_default]
    pub sheet: Option<(String, SheetHead)>,
    /// The fields to ask for; all fields when empty.
    pub fields: Vec<String>,
    /// The manual mapping in force.
    pub mapping: BTreeMap<String, String>,
    /// The columns the engine chose by itself (field to header), shown as the automatic choice.
    pub automatic: BTreeMap<String, String>,
    pub dispatch: UseReducerDispatcher<ViewerState>,
    /// Whose fields (Campaign's by default).
    #[prop_or_default]
    pub kind: Fields,
    /// Told (field, header or `None` for automatic) when a column is chosen, instead of the
    /// Campaign report's [`MappingAction::Set`].
    #[prop_or_default]
    pub onset: Option<Callback<(String, Option<String>)>>,
}

/// The preview table and one column choice per field.
#[function_component(MappingStep)]
pub fn mapping_step(props: &MappingStepProps) -> Html {
    let l = use_lang();
    let preview = use_state(|| None::<Preview>);
    {
        let preview = preview.clone();
        use_effect_with((props.file.clone(), props.sheet.clone()), move |(handle, sheet)| {
            if let Some((_, head)) = sheet {
                preview.set(Some(engine::preview(&head.csv, SAMPLE_ROWS, head.whole)));
                return;
            }
            let file = handle.file.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let size = file.size();
                let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
                let head = blob.slice(0, PREVIEW_BYTES.min(size) as u64);
                if let Ok(bytes) = gloo::file::futures::read_as_bytes(&head).await {
                    preview.set(Some(engine::preview(&bytes, SAMPLE_ROWS, size <= PREVIEW_BYTES)));
                }
            });
        });
    }
    let Some(preview) = (*preview).clone() else {
        return html! { <div class="mapping" data-testid="mapping"><p>{ tr(l, "mapping-reading") }</p></div> };
    };
    // Samples of the columns no field is read from: shown here only, never in a report or an export.
    // (the columns the engine does not recognise by itself: a column mapped by hand keeps its samples).
    let kind = props.kind;
    let unmatched = preview.unmatched_by(&kind.matched(&preview.headers, &BTreeMap::new()), SAMPLES);
    let found = kind.matched(&preview.headers, &props.mapping);
    let (fields, optional): (Vec<String>, Vec<String>) = if props.fields.is_empty() {
        (kind.all(), Vec::new())
    } else {
        let required = kind.required(&props.fields);
        let optional = kind
            .optional()
            .iter()
            .filter(|f| !unmatched.is_empty() && (!found.contains_key(**f) || props.mapping.contains_key(**f)))
            .map(|f| f.to_string())
            .collect();
        (required, optional)
    };
    let headers = preview.headers.clone();
    // What the step is about: the file, or the workbook's sheet.
    let name = props.sheet.as_ref().map_or(&props.file.name, |(name, _)| name).clone();
    let label_of = |h: &String| match unmatched.iter().find(|u| &u.header == h) {
        Some(u) if !u.samples.is_empty() => {
            trf(l, "mapping-option-samples", &[("header", h.into()), ("values", u.samples.join(", ").into())])
        }
        _ => h.clone(),
    };
    let choice = |field: String| {
        let chosen = props.mapping.get(&field).cloned().unwrap_or_default();
        let automatic = props.automatic.get(&field).cloned();
        let name = field.clone();
        let headers_for_memory = headers.clone();
        let dispatch = props.dispatch.clone();
        let onset = props.onset.clone();
        let onchange = Callback::from(move |e: Event| {
            let header = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).filter(|v| !v.is_empty());
            crate::storage::remember_mapping_in(kind.memory(), &headers_for_memory, &name, header.as_deref());
            match &onset {
                Some(onset) => onset.emit((name.clone(), header)),
                None => dispatch.dispatch(Action::Mapping(MappingAction::Set { field: name.clone(), header })),
            }
        });
        let automatic_label = match &automatic {
            Some(h) => trf(l, "mapping-automatic", &[("header", h.into())]),
            None => tr(l, "mapping-choose"),
        };
        html! {
            <label class="mapping-field">
                <span>{ kind.label(l, &field) }</span>
                <select data-testid="mapping-field" data-field={field.clone()} {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ automatic_label }</option>
                    { for headers.iter().map(|h| html! {
                        <option value={h.clone()} selected={*h == chosen}>{ label_of(h) }</option>
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <div class="mapping" data-testid="mapping" data-file={name.clone()}>
            <p>{ trf(l, "mapping-intro", &[
                ("file", (&name).into()),
                ("encoding", (&preview.encoding).into()),
                ("delimiter", (&preview.delimiter).into()),
            ]) }</p>
            <div class="mapping-fields">
                { for fields.into_iter().map(&choice) }
            </div>
            if !optional.is_empty() {
                <div class="mapping-optional" data-testid="mapping-optional">
                    <p>{ tr(l, kind.optional_intro()) }</p>
                    <div class="mapping-fields">
                        { for optional.into_iter().map(&choice) }
                    </div>
                </div>
            }
            // Scrolls sideways on its own: focusable, so that the keyboard can scroll it too.
            <div class="table-scroll" tabindex="0" role="region"
                aria-label={trf(l, "mapping-preview-caption", &[("n", preview.rows.len().min(PREVIEW_ROWS).into()), ("file", (&name).into())])}>
                <table class="preview" data-testid="preview">
                    <caption>{ trf(l, "mapping-preview-caption", &[("n", preview.rows.len().min(PREVIEW_ROWS).into()), ("file", (&name).into())]) }</caption>
                    <thead><tr>{ for preview.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    <tbody>
                        { for preview.rows.iter().take(PREVIEW_ROWS).map(|row| html! {
                            <tr>{ for row.iter().map(|cell| html! { <td>{ cell }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
