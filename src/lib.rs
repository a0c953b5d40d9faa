//! Rapport's browser app: thin Yew components over `rapport-core`.

pub mod browser;
pub mod components;
pub mod persistence;
pub mod state;
pub mod text;

// A dev-dependency for tests/storage.rs only; named so the unit tests don't flag it.
#[cfg(test)]
use wasm_bindgen_test as _;

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
    // On a host page with mount points, Rapport renders into each of them (inside the
    // shadow root the loader attached, so styles neither leak in nor out).
    let mounts = browser::mount_points();
    if !mounts.is_empty() {
        for mount in mounts {
            let (embed, warnings) = browser::mount_config(&mount);
            warn(&warnings);
            browser::apply_look_to(&mount, &embed);
            let shadow = mount.shadow_root();
            if let Some(shadow) = &shadow {
                browser::track_use(shadow);
            }
            let Some(root) = shadow.and_then(|r| r.query_selector(".rapport-root").ok().flatten())
            else {
                web_sys::console::warn_1(&"Rapport: a data-rapport element has no shadow root; load rapport.js to mount it.".into());
                continue;
            };
            yew::Renderer::<components::app::App>::with_root_and_props(
                root,
                components::app::AppProps {
                    embed: std::rc::Rc::new(embed),
                },
            )
            .render();
        }
        return;
    }
    let (embed, warnings) = browser::embed_config();
    warn(&warnings);
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

fn warn(warnings: &[rapport_core::embed::Warning]) {
    for warning in warnings {
        web_sys::console::warn_1(&warning.message().into());
    }
}
