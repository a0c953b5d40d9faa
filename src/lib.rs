//! Rapport's browser app: thin Yew components over `rapport-core`.

pub mod browser;
pub mod components;
pub mod persistence;
pub mod state;
pub mod text;

/// Renders the app into the page body.
pub fn run() {
    yew::Renderer::<components::app::App>::new().render();
}
