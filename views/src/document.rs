//! The one HTML document every bundle is (Campaign, Profiles, Engageable): the stylesheet inline, a body rendered once by Yew, the report JSON in its data block, and a policy under which nothing runs or is fetched.

use yew::BaseComponent;

use crate::locale::Lang;

/// The stylesheet of the viewer, which the bundle inlines.
pub const STYLESHEET: &str = include_str!("../../styles/app.css");

/// The id of the `<script type="application/json">` block that holds the report.
pub const DATA_ID: &str = "active-profiles-report-data";

/// What the bundle says about itself beside the report.
#[derive(Clone, Debug, PartialEq)]
pub struct BundleMeta {
    /// The title, e.g. `Active profiles, October 2026`; the report's as-of date when empty.
    pub title: String,
    /// When the bundle was made, `YYYY-MM-DDTHH:MM:SSZ` (the caller's clock: the views have none).
    pub made: String,
    /// The engine that counted, e.g. `active-profiles 0.1.0`.
    pub engine: String,
    pub lang: Lang,
}

/// A page component rendered once to static HTML.
pub(crate) async fn render_body<C>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String
where
    C: BaseComponent,
{
    #[cfg(target_arch = "wasm32")]
    let body = yew::LocalServerRenderer::<C>::with_props(props()).hydratable(false).render().await;
    // The server renderer builds the props on its runtime: it is sent the parts, which are `Send`.
    #[cfg(not(target_arch = "wasm32"))]
    let body = yew::ServerRenderer::<C>::with_props(props).hydratable(false).render().await;
    body
}

/// The HTML document around a rendered body: the stylesheet inline, the report JSON in its data block,
/// and a Content-Security-Policy under which no script runs and nothing is fetched.
pub(crate) fn document(lang: Lang, title: &str, body: &str, json: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"generator\" content=\"active-profiles\">\n\
         <title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n{body}\n\
         <script type=\"application/json\" id=\"{DATA_ID}\">{json}</script>\n</body>\n</html>\n",
        code = lang.code(),
        title = escape_text(title),
        css = STYLESHEET,
    )
}

/// Text fit to sit in an element or an attribute.
fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// JSON text (of either kind of report) made fit to sit inside a `<script>` element, as [`embedded_json`].
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}
