//! Where Rapport runs and what the host page asked for: its own page, an iframe, or
//! mounted into elements of a host page. Mount points, the embedding configuration,
//! the look, the frame's height, and which mount is in use all live here; plain browser
//! facilities (clock, clipboard, files, address) are in `browser.rs`.

use crate::state::EarlyWalk;
use crate::text::Text;
use rapport_core::code;
use rapport_core::embed::{self, Embed, InstrumentSource, Placement, Theme, Warning};
use rapport_core::instrument_file::Problem;
use rapport_core::language::Language;
use rapport_core::Response;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

/// The mount points on a host page: elements with a `data-rapport` attribute.
pub fn mount_points() -> Vec<HtmlElement> {
    let Some(found) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-rapport]").ok())
    else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
}

/// The configuration of Rapport on its own page or in a frame, from the address's
/// query, and what was wrong with it.
pub fn page_config() -> (Embed, Vec<Warning>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let decode = |text: &str| -> String {
        let text = text.replace('+', " ");
        js_sys::decode_uri_component(&text).map_or(text, String::from)
    };
    let pairs: Vec<(String, String)> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    embed::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The configuration of a mount point, from its `data-` attributes (the same names and
/// checks as the query parameters), and what was wrong with it.
pub fn mount_config(mount: &HtmlElement) -> (Embed, Vec<Warning>) {
    let names = [
        "theme",
        "accent",
        "name",
        "storage-key",
        "lang",
        "instrument",
    ];
    let pairs: Vec<(&str, String)> = names
        .iter()
        .filter_map(|&n| Some((n, mount.get_attribute(&format!("data-{n}"))?)))
        .collect();
    let (mut embed, warnings) = embed::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    embed.placement = Placement::Mount;
    (embed, warnings)
}

/// Tells a host page's author, on the console, which settings were ignored and why.
pub fn warn(text: &Text, warnings: &[Warning], languages: &[Language]) {
    for warning in warnings {
        web_sys::console::warn_1(&text.warning_line(warning, languages).into());
    }
}

/// Where the language packs are: beside the page on Rapport's own page, and where the
/// loader (`rapport.js`, which knows the app's address) says for a mount.
pub fn packs_base(mount_root: Option<&web_sys::Element>) -> String {
    mount_root
        .and_then(|root| root.get_attribute("data-packs"))
        .unwrap_or_else(|| "lang/".to_owned())
}

/// Where the site owner's instrument file is: the address of a path on the app's own
/// site (read relative to the app: beside the page, or where the loader says the app is
/// for a mount), or the text of a JSON script element of the host page (`None` when the
/// page has no such element).
pub enum InstrumentPlace {
    Address(String),
    Text(Option<String>),
}

pub fn instrument_place(
    source: &InstrumentSource,
    mount_root: Option<&web_sys::Element>,
) -> InstrumentPlace {
    let app = packs_base(mount_root);
    let app = app.strip_suffix("lang/").unwrap_or_default();
    match source {
        // From the root of the app's site: for a mount, the loader's address says which
        // site that is (`https://org.github.io`), never the host page's.
        InstrumentSource::Path(path) if path.starts_with('/') => {
            let site = app
                .find("://")
                .and_then(|scheme| {
                    app[scheme + 3..]
                        .find('/')
                        .map(|at| &app[..scheme + 3 + at])
                })
                .unwrap_or_default();
            InstrumentPlace::Address(format!("{site}{path}"))
        }
        InstrumentSource::Path(path) => InstrumentPlace::Address(format!("{app}{path}")),
        InstrumentSource::Element(id) => InstrumentPlace::Text(
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| e.text_content()),
        ),
    }
}

/// Tells the site owner, on the console, what is wrong with their instrument file: each
/// problem with its file, line, column and JSON path.
pub fn report_instrument(text: &Text, file: &str, problems: &[Problem]) {
    for problem in problems {
        web_sys::console::error_1(&text.instrument_problem(file, problem).into());
    }
}

/// Marks `root` (the page's `<html>`, or a mount's own root, never the host's `<html>`)
/// with the language in use and its direction, for screen readers, fonts and layout.
pub fn apply_language(root: &web_sys::Element, language: &Language) {
    let _ = root.set_attribute("lang", &language.tag);
    let _ = root.set_attribute("dir", &language.dir);
}

/// The page's title in the language in use: the brand and the questionnaire's title.
/// Only for Rapport's own page or frame: a mount leaves its host page's title alone.
pub fn apply_title(brand: &str, title: &str) {
    set_title(&format!("{brand} · {title}"));
}

/// The page's title (on the studio's own page, its name).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Marks `root` with the language of the words in `text` (`apply_language`) and, on
/// Rapport's own page or in a frame, the title with the questionnaire's `title` in it,
/// unless `root` already is in that language: the page's start-up lines mark it with the
/// language they guessed, and set its title, from the same pack.
pub fn mark_language(root: &web_sys::Element, placement: Placement, text: &Text, title: &str) {
    let language = &text.language;
    if root.get_attribute("lang").as_deref() == Some(language.tag.as_str()) {
        return;
    }
    apply_language(root, language);
    if placement != Placement::Mount {
        apply_title(text.brand(), title);
    }
}

/// The page's root element, where the look of Rapport on its own page or in a frame goes.
pub fn page_root() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .document_element()?
        .dyn_into()
        .ok()
}

/// Theme and accent on the page's root element or a mount point, through attributes and
/// custom properties (`setProperty`), never through CSS text.
pub fn apply_look(root: &HtmlElement, embed: &Embed) {
    if embed.theme != Theme::Auto {
        let _ = root.set_attribute("data-theme", embed.theme.as_str());
    }
    // A mount's element belongs to the host page: it gets no class of ours.
    if embed.placement == Placement::Frame {
        let _ = root.class_list().add_1("embed");
    }
    if let Some(accent) = &embed.accent {
        let style = root.style();
        let _ = style.set_property("--accent", accent);
        let _ = style.set_property("--on-accent", embed::text_on(accent));
    }
}

/// Whether an address fragment is for Rapport to open: on its own page or in a frame it
/// always is; mounted, the host's fragment is the host's own unless it carries codes.
pub fn opens(placement: Placement, fragment: &str) -> bool {
    placement != Placement::Mount || code::carries_codes(fragment)
}

/// Tells the host page the content's height whenever it changes, so `embed.js` can size
/// the iframe. Only inside a frame; the height is not secret, so any origin may hear it
/// (the host script checks who sent it).
pub fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"rapport:resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    post.forget();
}

thread_local! {
    /// The shadow root of the mount the person last pressed, clicked or focused in.
    static IN_USE: std::cell::RefCell<Option<ShadowRoot>> = const { std::cell::RefCell::new(None) };
}

/// Remembers `root` as the mount in use whenever the person interacts with it. Focus
/// cannot tell: the button pressed is often gone (screen changed) when focus moves on.
pub fn track_use(root: &ShadowRoot) {
    for event in ["pointerdown", "focusin", "keydown"] {
        let this = root.clone();
        gloo_events::EventListener::new(root, event, move |_| {
            IN_USE.with(|r| *r.borrow_mut() = Some(this.clone()))
        })
        .forget();
    }
}

/// The element with this id: in the shadow root of the mount in use when Rapport is
/// mounted into a host page, else in the page, else in the first mount that has it.
pub fn element(id: &str) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    // The mount in use first: a host page or another mount may have the same id.
    let in_use = IN_USE.with(|r| r.borrow().clone());
    if let Some(found) = in_use.and_then(|root| root.get_element_by_id(id)) {
        return Some(found);
    }
    document.get_element_by_id(id).or_else(|| {
        mount_points()
            .iter()
            .filter_map(|m| m.shadow_root())
            .find_map(|root| root.get_element_by_id(id))
    })
}

/// Says in `root`, as an alert under the product's name, why Rapport cannot start:
/// written straight into the document, since there is no app to render it.
pub fn show_failure(root: &web_sys::Element, message: &str) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let (Ok(main), Ok(title), Ok(alert)) = (
        document.create_element("main"),
        document.create_element("h1"),
        document.create_element("p"),
    ) else {
        return;
    };
    main.set_class_name("screen");
    // The product's name is the same in every language.
    title.set_text_content(Some("Rapport"));
    alert.set_class_name("notice notice-error");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(message));
    let _ = main.append_child(&title);
    let _ = main.append_child(&alert);
    let _ = root.append_child(&main);
}

/// What the person did on the first screens written into the page at build time
/// (tools/post-build.mjs) before the app ran: the name typed, the walk begun (a press on
/// Start kept by the page's own start-up lines, the first step's answers, a press on
/// Next), and where focus was.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FirstScreen {
    pub name: String,
    pub walk: EarlyWalk,
    pub focus: Option<FocusBefore>,
}

/// Where focus was on the page's first screens, to be put back in the app.
#[derive(Clone, Debug, PartialEq)]
pub enum FocusBefore {
    /// The screen's heading (the first step's has no id in the page).
    Heading,
    /// The element with this id in the app (in the page, it ends in the language tag).
    Id(String),
}

/// Replaces the page's first screens (one copy per language, written by the build) with
/// the app: reads what was done on the copy on show, then removes every copy.
/// Nothing is painted in between: the app renders before the browser paints again.
pub fn take_over_first_screen() -> FirstScreen {
    let mut first = FirstScreen::default();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return first;
    };
    if let Some(root) = document.document_element() {
        first.walk.start = root.has_attribute("data-start");
        first.walk.next = root.has_attribute("data-next");
        for name in ["data-start", "data-next"] {
            let _ = root.remove_attribute(name);
        }
        let lang = root.get_attribute("lang").unwrap_or_default();
        let copy = format!(".pre[data-pre=\"{lang}\"]");
        let name = document.query_selector(&format!("{copy} .welcome input[type=text]"));
        if let Some(name) = name
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            first.name = name.value();
        }
        let checked =
            document.query_selector_all(&format!("{copy} .step input[type=radio]:checked"));
        if let Ok(found) = checked {
            first.walk.answers = (0..found.length())
                .filter_map(|i| {
                    let input = found
                        .item(i)?
                        .dyn_into::<web_sys::HtmlInputElement>()
                        .ok()?;
                    let statement = input.name().strip_prefix("answer-")?.to_owned();
                    let code: u8 = input.value().parse().ok()?;
                    Some((statement, Response::try_from(code).ok()?))
                })
                .collect();
        }
        let suffix = format!("-{lang}");
        first.focus = document
            .active_element()
            .filter(|e| e.closest(&copy).ok().flatten().is_some())
            .and_then(|e| match e.tag_name().as_str() {
                "H1" => Some(FocusBefore::Heading),
                _ => Some(FocusBefore::Id(e.id().strip_suffix(&suffix)?.to_owned())),
            });
    }
    if let Ok(copies) = document.query_selector_all(".pre") {
        for i in 0..copies.length() {
            if let Some(node) = copies
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                node.remove();
            }
        }
    }
    first
}
