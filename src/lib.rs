//! Rapport's browser app: thin Yew components over `rapport-core`.

pub mod browser;
pub mod components;
pub mod persistence;
pub mod state;
pub mod text;

/// Renders the app into the page body, replacing the page's loading message (which
/// keeps the page from being blank while the wasm loads). The address's query holds the
/// embedding configuration; bad values are reported on the console and left out.
pub fn run() {
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    let (embed, warnings) = browser::embed_config();
    for warning in &warnings {
        web_sys::console::warn_1(&warning.message().into());
    }
    browser::apply_look(&embed);
    let embedded = embed.embedded;
    yew::Renderer::<components::app::App>::with_props(components::app::AppProps {
        embed: std::rc::Rc::new(embed),
    })
    .render();
    if embedded {
        browser::report_height();
    }
}
