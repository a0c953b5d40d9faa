//! Rapport's browser app: thin Yew components over `rapport-core`.

pub mod browser;
pub mod components;
pub mod persistence;
pub mod state;
pub mod text;

/// Renders the app into the page body, replacing the page's loading message (which
/// keeps the page from being blank while the wasm loads).
pub fn run() {
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    yew::Renderer::<components::app::App>::new().render();
}
