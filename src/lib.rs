//! Rapport's browser app: thin Yew views over `rapport-core`. ARCHITECTURE.md maps the
//! files and the rules they keep.

pub mod browser;
pub mod components;
pub mod hooks;
pub mod host;
pub mod persistence;
pub mod state;
pub mod text;

// A dev-dependency for tests/storage.rs only; named so the unit tests don't flag it.
#[cfg(test)]
use wasm_bindgen_test as _;

use components::app::{App, AppProps};
use rapport_core::embed::Placement;
use rapport_core::Instrument;
use std::rc::Rc;

/// Starts Rapport: chooses the words, reads the questionnaire, and renders into each
/// mount point of a host page, or else into the page body (replacing the page's loading
/// message, which keeps the page from being blank while the wasm loads). Settings the
/// host got wrong are reported on the console and left out.
pub fn run() {
    let text = &text::english::ENGLISH;
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(loading) = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    // The instrument is compiled in and checked by the core's tests, so this never fails
    // in practice; if it does, the page says so instead of staying blank.
    let instrument = Instrument::partnership_health()
        .map(Rc::new)
        .map_err(|problem| (text.instrument_broken)(&problem));
    // On a host page with mount points, Rapport renders into each of them (inside the
    // shadow root the loader attached, so styles neither leak in nor out).
    let mounts = host::mount_points();
    if !mounts.is_empty() {
        for mount in mounts {
            let (embed, warnings) = host::mount_config(&mount);
            host::warn(text, &warnings);
            host::apply_look(&mount, &embed);
            let shadow = mount.shadow_root();
            if let Some(shadow) = &shadow {
                host::track_use(shadow);
            }
            let Some(root) = shadow.and_then(|r| r.query_selector(".rapport-root").ok().flatten())
            else {
                web_sys::console::warn_1(&text.no_shadow_root.into());
                continue;
            };
            match &instrument {
                Ok(instrument) => {
                    let props = AppProps {
                        text,
                        instrument: instrument.clone(),
                        embed: Rc::new(embed),
                    };
                    yew::Renderer::<App>::with_root_and_props(root, props).render();
                }
                Err(message) => host::show_failure(&root, text.brand, message),
            }
        }
        return;
    }
    let (embed, warnings) = host::page_config();
    host::warn(text, &warnings);
    if let Some(root) = host::page_root() {
        host::apply_look(&root, &embed);
    }
    let instrument = match instrument {
        Ok(instrument) => instrument,
        Err(message) => {
            if let Some(body) = document.and_then(|d| d.body()) {
                host::show_failure(&body, text.brand, &message);
            }
            return;
        }
    };
    let framed = embed.placement == Placement::Frame;
    let props = AppProps {
        text,
        instrument,
        embed: Rc::new(embed),
    };
    yew::Renderer::<App>::with_props(props).render();
    if framed {
        host::report_height();
    }
}
