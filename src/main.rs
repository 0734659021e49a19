//! Entry point of the viewer: mounts the Yew app on the page's body.

fn main() {
    yew::Renderer::<active_profiles_app::App>::new().render();
}
