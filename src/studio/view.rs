//! What the studio draws: the bar, where to start (a built-in file or one's own), the
//! editor with every problem found as one types, the download, and the preview: the
//! app's own step and results views over the file being written.

use super::state::{Opening, Reading, Said, Studio, StudioMsg};
use super::text::StudioText;
use super::words::{self, Start, StudioWords, STARTS};
use crate::browser;
use crate::host;
use crate::persistence::Persistence;
use crate::state::{Action, WalkMsg};
use crate::views::confirm::{confirm, ConfirmProps};
use crate::views::results::report;
use crate::views::step::{step_screen, StepProps};
use crate::views::widgets::{Ui, CANCEL_ID, SCREEN_TITLE};
use rapport_core::instrument::Taken;
use rapport_core::instrument_file::{self, sample_answers, MAX_FILE_BYTES};
use rapport_core::json::{locate, Lines, Path, Position};
use rapport_core::language::Language;
use rapport_core::{Assessment, Draft, Instrument, Instruments};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The editor's id: a problem's place moves its cursor.
const EDITOR: &str = "studio-file";
const START_SELECT: &str = "studio-start";
const START_BUTTON: &str = "studio-start-button";
const OPEN_FILE: &str = "studio-open";
/// The results preview's heading: focus goes there on the preview's last step.
const RESULTS_PREVIEW: &str = "studio-results";
/// How long typing pauses before the file is read again (reading and previewing a large
/// file takes longer than a key may wait).
const READ_AFTER_MS: i32 = 200;

/// What the editor holds now: ahead of the state while typing has not paused.
fn editor_text() -> Option<String> {
    host::element(EDITOR)
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|area| area.value())
}

#[derive(Properties)]
pub struct StudioRootProps {
    /// The words of the language chosen at start-up.
    pub words: StudioWords,
    /// The built-in files one may start from.
    pub starts: Rc<[Start]>,
    /// Every language Rapport speaks, for the language selector.
    pub languages: Rc<[Language]>,
    /// The browser's languages, which pick a language's locale.
    pub preferred: Rc<[String]>,
    pub persistence: Rc<Persistence>,
}

/// The root's props are made once, at start-up.
impl PartialEq for StudioRootProps {
    fn eq(&self, other: &StudioRootProps) -> bool {
        self.words == other.words && Rc::ptr_eq(&self.starts, &other.starts)
    }
}

/// The file read, in the language in use, as the preview shows it.
struct Preview {
    instrument: Rc<Instrument>,
    /// Its id is the built-in check's, and it is not that check.
    taken: Option<Taken>,
}

/// A problem as listed: where it is (in characters, and as a cursor offset), the JSON
/// path of the value at fault, and why.
#[derive(PartialEq)]
struct Listed {
    place: Option<(Position, u32)>,
    path: Path,
    why: String,
}

/// The most problems listed at once: a file broken everywhere lists the first, and how
/// many more there are.
const MAX_LISTED: usize = 100;

#[component]
pub fn StudioRoot(props: &StudioRootProps) -> Html {
    let words = use_state(|| props.words.clone());
    let persistence = props.persistence.clone();
    let state = {
        let (persistence, starts) = (persistence.clone(), props.starts.clone());
        use_reducer(move || match persistence.studio_work() {
            Some(work) if !work.trim().is_empty() => Studio::new(work, true),
            _ => Studio::new(
                starts
                    .first()
                    .map(|s| (*s.text).clone())
                    .unwrap_or_default(),
                false,
            ),
        })
    };
    // Kept as typed (the editor's input saves it) and as each file is opened; a visit
    // that changes nothing keeps nothing.
    let kept = use_state_eq(|| persistence.is_available());
    {
        let (persistence, kept, source) = (persistence.clone(), kept.clone(), state.source.clone());
        use_effect_with(state.opened, move |opened| {
            if *opened > 0 {
                kept.set(persistence.save_studio_work(&source).is_ok());
            }
        });
    }
    // The question about replacing one's work takes focus on its safe answer.
    use_effect_with(state.asking.is_some(), |asking| {
        if *asking {
            browser::focus_id(CANCEL_ID);
        }
    });
    let studio = &*words.text;
    let text = &*studio.text;
    let language = &text.language;
    if let Some(root) = host::page_root() {
        host::apply_language(&root, language);
    }
    host::set_title(studio.studio_title());

    let dispatcher = state.dispatcher();
    let latest = use_mut_ref(String::new);
    let on_language = {
        let latest = latest.clone();
        let (words, persistence, languages, preferred, dispatcher) = (
            words.clone(),
            persistence.clone(),
            props.languages.clone(),
            props.preferred.clone(),
            dispatcher.clone(),
        );
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let Some(language) = languages.iter().find(|l| l.tag == select.value()) else {
                return;
            };
            let (words, persistence, dispatcher) =
                (words.clone(), persistence.clone(), dispatcher.clone());
            let name = language.name.clone();
            // Of two languages picked in quick succession, the words of the last one.
            *latest.borrow_mut() = language.tag.clone();
            let (latest, tag) = (latest.clone(), language.tag.clone());
            words::load(language, &preferred, move |loaded| match loaded {
                _ if *latest.borrow() != tag => {}
                Some(new) => {
                    persistence.remember_language(&new.text.text.language.tag);
                    words.set(new);
                }
                // The selector shows the language still in use, and says why.
                None => {
                    select.set_value(&words.text.text.language.tag);
                    dispatcher.dispatch(StudioMsg::Said(Said::LanguageUnavailable(name)));
                }
            });
        })
    };

    let preview = use_memo(
        (state.reading.clone(), (*words).clone()),
        |(reading, words)| match reading {
            Reading::Read(file) => {
                let instrument = file.instrument(&words.text.text.language.tag);
                let taken = (*words.builtin).clone().with(instrument.clone()).err();
                Some(Preview {
                    instrument: Rc::new(instrument),
                    taken,
                })
            }
            Reading::Problems(_) => None,
        },
    );
    let source = state.source.clone();
    let taken = preview
        .as_ref()
        .as_ref()
        .and_then(|p| p.taken.as_ref())
        .map(|Taken(id)| id.clone());
    let listed = use_memo(
        (
            source.clone(),
            state.reading.clone(),
            taken,
            (*words).clone(),
        ),
        |(source, reading, taken, words)| {
            list_problems(&words.text, source, reading, taken.as_deref())
        },
    );
    let file_name = match &state.reading {
        Reading::Read(file) => format!("{}.json", file.id),
        Reading::Problems(_) => state.file.clone(),
    };
    let shipped_id = match &state.reading {
        Reading::Read(file) => STARTS.contains(&file.id.as_str()),
        Reading::Problems(_) => false,
    };

    // The reply to the question; on Replace, focus goes to the editor made anew (the
    // button pressed is gone).
    let reply = |yes: bool| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| {
            dispatcher.dispatch(StudioMsg::Replace(yes));
            if yes {
                browser::after_paint(|| {
                    browser::focus_id(EDITOR);
                });
            }
        })
    };
    // Typing is kept at once, and read once it pauses. Anything that acts on the file
    // (opening another, downloading) first takes what the editor holds (`catch_up`).
    let pause = use_memo((), |()| browser::Pause::default());
    let on_edit = {
        let (dispatcher, persistence, kept) =
            (dispatcher.clone(), persistence.clone(), kept.clone());
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() else {
                return;
            };
            let ok = persistence.save_studio_work(&area.value()).is_ok();
            if ok != *kept {
                kept.set(ok);
            }
            let dispatcher = dispatcher.clone();
            pause.after(READ_AFTER_MS, move || {
                if let Some(text) = editor_text() {
                    dispatcher.dispatch(StudioMsg::Edit(text));
                }
            });
        })
    };
    let catch_up = {
        let dispatcher = dispatcher.clone();
        move || {
            if let Some(text) = editor_text() {
                dispatcher.dispatch(StudioMsg::Edit(text));
            }
        }
    };
    let on_start = {
        let (dispatcher, starts) = (dispatcher.clone(), props.starts.clone());
        let catch_up = catch_up.clone();
        Callback::from(move |_: MouseEvent| {
            catch_up();
            let picked = host::element(START_SELECT)
                .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
                .map(|select| select.value());
            if let Some(start) = starts.iter().find(|s| Some(&s.file) == picked.as_ref()) {
                dispatcher.dispatch(StudioMsg::Open(Opening {
                    file: start.file.clone(),
                    text: (*start.text).clone(),
                    asked_by: START_BUTTON,
                }));
            }
        })
    };
    let on_file = {
        let (dispatcher, catch_up) = (dispatcher.clone(), catch_up.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            catch_up();
            let dispatcher = dispatcher.clone();
            browser::read_file(&input, MAX_FILE_BYTES, move |file, read, too_large| {
                dispatcher.dispatch(match read {
                    Ok(text) => StudioMsg::Open(Opening {
                        file,
                        text,
                        asked_by: OPEN_FILE,
                    }),
                    Err(()) if too_large => StudioMsg::Said(Said::TooLarge(file)),
                    Err(()) => StudioMsg::Said(Said::NotOpened(file)),
                });
            });
        })
    };
    // What the editor holds now, named by its id as it now reads (typed a moment ago).
    let on_download = {
        let (dispatcher, source, fallback) =
            (dispatcher.clone(), source.clone(), state.file.clone());
        Callback::from(move |_: MouseEvent| {
            let text = editor_text().unwrap_or_else(|| (*source).clone());
            let name = instrument_file::read(&text)
                .map_or_else(|_| fallback.clone(), |file| format!("{}.json", file.id));
            catch_up();
            browser::download(&name, "application/json", &text);
            dispatcher.dispatch(StudioMsg::Said(Said::Downloaded(name)));
        })
    };

    let said = state.said.as_ref().map(|said| match said {
        Said::Restored => studio.restored().to_owned(),
        Said::Opened(file) => studio.opened(file),
        Said::NotOpened(file) => studio.not_opened(file),
        Said::TooLarge(file) => studio.too_large(file, MAX_FILE_BYTES / 1024),
        Said::Downloaded(file) => studio.downloaded(file),
        Said::LanguageUnavailable(name) => text.language_unavailable(name, &language.name),
    });
    let language_select = html! {
        <label class="language">
            <span class="visually-hidden">{ text.language_label() }</span>
            <select onchange={on_language}>
                { for props.languages.iter().map(|l| html! {
                    <option value={l.tag.clone()} lang={l.tag.clone()} selected={l.tag == language.tag}>{ &l.name }</option>
                }) }
            </select>
        </label>
    };
    let problems = listed.len();
    let more = problems.saturating_sub(MAX_LISTED);

    html! {
        <>
            <a class="skip-link" href="#main">{ text.skip_to_content() }</a>
            <header class="bar">
                <a class="brand" href="../">{ text.brand() }</a>
                <nav class="nav" aria-label={studio.studio_title().to_owned()}>
                    <a class="link" href="../">{ studio.open_app() }</a>
                    { language_select }
                </nav>
            </header>
            <main id="main" class="body studio" tabindex="-1">
                <h1>{ studio.studio_title() }</h1>
                <p class="lead">{ studio.studio_intro() }</p>
                <p class="notice studio-said" role="status">{ said.unwrap_or_default() }</p>
                if !*kept {
                    <p class="notice notice-error" role="alert">{ studio.not_kept() }</p>
                }
                <div class="studio-grid">
                    <div class="studio-work">
                        <section class="studio-start" aria-labelledby="start-title">
                            <h2 id="start-title">{ studio.start_title() }</h2>
                            if !props.starts.is_empty() {
                            <div class="studio-row">
                                <label for={START_SELECT}>{ studio.start_from_label() }</label>
                                <select id={START_SELECT}>
                                    // Selected by hand: Yew adds options last first, and a select
                                    // picks the first one added.
                                    { for props.starts.iter().enumerate().map(|(n, s)| html! {
                                        <option value={s.file.clone()} selected={n == 0}>{ start_title(s, &language.tag) }</option>
                                    }) }
                                </select>
                                <button type="button" id={START_BUTTON} class="secondary" onclick={on_start}>
                                    { studio.start_from() }
                                </button>
                            </div>
                            }
                            <div class="studio-row">
                                <label class="button secondary file-button">
                                    { studio.open_file() }
                                    <input id={OPEN_FILE} type="file" accept=".json,application/json" class="visually-hidden" onchange={on_file} aria-describedby="open-hint" />
                                </label>
                            </div>
                            <p class="hint" id="open-hint">{ studio.open_file_hint() }</p>
                            if let Some(opening) = &state.asking {
                                { confirm(ConfirmProps {
                                    question: studio.replace_question(&opening.file),
                                    yes: studio.replace_yes(),
                                    no: studio.keep_mine(),
                                    on_yes: reply(true),
                                    on_no: reply(false),
                                    return_to: opening.asked_by,
                                }) }
                            }
                        </section>
                        <section class="studio-editor" aria-labelledby="editor-title">
                            <h2 id="editor-title">{ studio.editor_title() }</h2>
                            <label for={EDITOR}>{ studio.editor_label() }</label>
                            <p class="hint" id="editor-hint">{ studio.editor_hint() }</p>
                            // Not bound to the state, which is behind while typing pauses:
                            // made anew, holding the file, each time one is opened.
                            <textarea
                                key={state.opened.to_string()}
                                id={EDITOR}
                                dir="ltr"
                                lang="zxx"
                                spellcheck="false"
                                autocomplete="off"
                                autocapitalize="off"
                                wrap="off"
                                rows="24"
                                aria-describedby="editor-hint problems-count"
                                aria-invalid={(problems > 0).then_some("true")}
                                defaultvalue={(*source).clone()}
                                oninput={on_edit}
                            />
                        </section>
                        <section class="studio-problems" aria-labelledby="problems-title">
                            <h2 id="problems-title">{ studio.problems_title() }</h2>
                            <p id="problems-count" role="status" class={classes!(if problems > 0 { "has-problems" } else { "no-problems" })}>
                                { if problems > 0 { studio.problem_count(problems) } else { studio.no_problems().to_owned() } }
                            </p>
                            if problems > 0 {
                                <ol class="problem-list">
                                    { for listed.iter().take(MAX_LISTED).enumerate().map(|(n, p)| problem(studio, n, p)) }
                                </ol>
                                if more > 0 {
                                    <p>{ studio.more_problems(more) }</p>
                                }
                            }
                            <div class="actions">
                                <button type="button" class="primary" onclick={on_download}>{ studio.download() }</button>
                            </div>
                            if problems > 0 {
                                <p class="hint">{ studio.still_problems() }</p>
                            } else if shipped_id {
                                <p class="hint">{ studio.own_id_hint() }</p>
                            } else {
                                <p class="hint">{ studio.publish_hint(&file_name) }</p>
                                <p class="hint"><code dir="ltr">{ format!("?instrument=instruments/{file_name}") }</code></p>
                            }
                        </section>
                    </div>
                    <section class="studio-preview" aria-labelledby="preview-title">
                        <h2 id="preview-title">{ studio.preview_title() }</h2>
                        { match preview.as_ref() {
                            Some(preview) => preview_of(studio, &state, preview, &dispatcher),
                            None => html! { <p class="hint">{ studio.preview_waiting() }</p> },
                        } }
                    </section>
                </div>
            </main>
        </>
    }
}

/// A built-in file's title in `tag` (its id where it cannot be read).
fn start_title(start: &Start, tag: &str) -> String {
    match &start.reading {
        Reading::Read(file) => file.instrument(tag).title,
        Reading::Problems(_) => start.file.clone(),
    }
}

/// Every problem of the file as listed: its place (in characters, as an editor counts,
/// and as a cursor offset), its path and why it is one, with the built-in check's id
/// taken (`taken`) last.
fn list_problems(
    studio: &StudioText,
    source: &str,
    reading: &Reading,
    taken: Option<&str>,
) -> Vec<Listed> {
    let lines = Lines::of(source);
    let place = |at: Option<Position>| {
        at.map(|at| {
            let offset = u32::try_from(lines.utf16_offset(at)).unwrap_or(u32::MAX);
            (lines.in_characters(at), offset)
        })
    };
    let mut listed: Vec<Listed> = match reading {
        Reading::Problems(problems) => problems
            .iter()
            .map(|p| Listed {
                place: place(p.at),
                path: p.path.clone(),
                why: studio.flaw(&p.flaw),
            })
            .collect(),
        Reading::Read(_) => Vec::new(),
    };
    if let Some(id) = taken {
        let path = Path::default().then("id");
        listed.push(Listed {
            place: place(locate(source, &path)),
            path,
            why: studio.text.instrument_taken(id),
        });
    }
    listed
}

/// One listed problem (the `n`th): its place, which moves the editor's cursor there, its
/// path and why it is one.
fn problem(studio: &StudioText, n: usize, listed: &Listed) -> Html {
    let why = format!("problem-{n}");
    let place = match listed.place {
        Some((shown, offset)) => {
            let go = Callback::from(move |_: MouseEvent| {
                if let Some(area) =
                    host::element(EDITOR).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
                {
                    let _ = area.set_selection_range(offset, offset);
                    // Focus after the cursor moved: the browser scrolls it into view.
                    let _ = area.blur();
                    let _ = area.focus();
                }
            });
            html! {
                <button type="button" class="link" onclick={go} aria-describedby={why.clone()}>
                    { studio.go_to(shown.line, shown.column) }
                </button>
            }
        }
        None => html! { <span>{ studio.whole_file() }</span> },
    };
    html! {
        <li>
            <p class="problem-place">
                { place }
                // The whole file's path ("$") says nothing the place does not.
                if !listed.path.0.is_empty() {
                    { " " }<code dir="ltr">{ listed.path.to_string() }</code>
                }
            </p>
            <p id={why}>{ &listed.why }</p>
        </li>
    }
}

/// The preview: the file's first step (Next and Back move through the others), then the
/// results of the sample answers, with the answers chosen in the step over them.
fn preview_of(
    studio: &StudioText,
    state: &Studio,
    preview: &Preview,
    dispatcher: &UseReducerDispatcher<Studio>,
) -> Html {
    let instrument = &preview.instrument;
    let mut answers = sample_answers(instrument);
    for (statement, response) in state.chosen.iter() {
        let asked = instrument.statements().any(|s| s.id == *statement);
        if asked && response.fits(&instrument.scale) {
            answers.set(statement, *response);
        }
    }
    let mut draft = Draft::new(instrument, String::new());
    draft.answers = answers;
    let draft = Rc::new(draft);
    let assessment = Assessment::finish(instrument, &draft, String::new(), 0);
    let dispatch = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |action: Action| match action {
            Action::Walk(WalkMsg::Answer {
                statement,
                response,
            }) => dispatcher.dispatch(StudioMsg::Answer(statement, response)),
            // As in the app, focus goes to the step's heading, which names the new step.
            Action::Walk(WalkMsg::Next) => {
                dispatcher.dispatch(StudioMsg::Step(1));
                browser::after_paint(|| {
                    browser::focus_id(SCREEN_TITLE);
                });
            }
            Action::Walk(WalkMsg::Back) => {
                dispatcher.dispatch(StudioMsg::Step(-1));
                browser::after_paint(|| {
                    browser::focus_id(SCREEN_TITLE);
                });
            }
            Action::Walk(WalkMsg::Finish { .. }) => {
                browser::focus_id(RESULTS_PREVIEW);
            }
            _ => {}
        })
    };
    let ui = Ui {
        text: studio.text.clone(),
        instruments: Rc::new(Instruments::from((**instrument).clone())),
        dispatch,
        app_url: Rc::new(String::from("../")),
    };
    let step = state
        .step
        .min(instrument.dimensions.len().saturating_sub(1));
    html! {
        <>
            <p>{ studio.preview_intro(&studio.text.language.name) }</p>
            <div class="studio-screen">
                { step_screen(&ui, &StepProps { step, draft, show_missing: false }) }
            </div>
            <h2 id={RESULTS_PREVIEW} tabindex="-1">{ studio.results_preview_title() }</h2>
            <div class="studio-screen results">
                { report(&ui, &assessment, None, true, false) }
            </div>
        </>
    }
}
