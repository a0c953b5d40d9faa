//! What several screens show alike, and the context every view receives. Screens import
//! from here, never from each other or from the root component.

use crate::browser;
use crate::state::{Action, CopyStatus, Share, ShareMsg};
use crate::text::Text;
use rapport_core::instrument::Bands;
use rapport_core::{
    exchange, Assessment, Band, Dimension, Draft, History, Instrument, Instruments, Response,
};
use std::rc::Rc;
use yew::prelude::*;

/// Every screen's `h1` carries this id, so focus can follow screen changes.
pub const SCREEN_TITLE: &str = "screen-title";

/// The welcome screen's partnership name field: focus returns there when the app takes
/// over the page's first screen while the person is typing.
pub const NAME_ID: &str = "partnership-name";

/// The id of one answer's radio input: focus goes to the first answer of a statement
/// still unanswered, and back to the answer it was on when the app takes over.
pub fn answer_id(statement: &str, response: Response) -> String {
    format!("answer-{statement}-{}", response.code())
}

/// The plan's heading on the results: focus goes there when an action is removed.
pub const PLAN_TITLE: &str = "plan-title";

/// A question's safe answer carries this id: focus lands there when the question appears
/// (see `hooks.rs`), so a keyboard user can read the question first.
pub const CANCEL_ID: &str = "confirm-cancel";

/// What every view needs: the words of the language in use, every version of the
/// questionnaire (with its own words), and the way to ask the app state for a change.
#[derive(Clone)]
pub struct Ui {
    pub text: Rc<Text>,
    pub instruments: Rc<Instruments>,
    pub dispatch: Callback<Action>,
    /// The address links to the app carry (share links, calendar files).
    pub app_url: Rc<String>,
}

impl Ui {
    /// The version new checks use.
    pub fn current(&self) -> &Instrument {
        self.instruments.current()
    }

    /// The version a check was made with; the current one for a version this build does
    /// not know (its scores are shown by dimension id where they match).
    pub fn instrument_or_current(&self, id: &str, version: u32) -> &Instrument {
        self.instruments.get(id, version).unwrap_or(self.current())
    }

    /// Whether this page runs the questionnaire a check was made with (any version of
    /// it): a check of another (a pulse, where the full check runs) is listed, not shown.
    pub fn runs(&self, assessment: &Assessment) -> bool {
        let id = &assessment.instrument_id;
        self.instruments.all().iter().any(|i| i.id == *id)
    }

    pub fn of(&self, assessment: &Assessment) -> &Instrument {
        self.instrument_or_current(&assessment.instrument_id, assessment.instrument_version)
    }

    pub fn of_draft(&self, draft: &Draft) -> &Instrument {
        self.instrument_or_current(&draft.instrument_id, draft.instrument_version)
    }

    /// A press that asks for `action`.
    pub fn on_click(&self, action: impl Fn() -> Action + 'static) -> Callback<MouseEvent> {
        self.dispatch.reform(move |_: MouseEvent| action())
    }

    /// A press that asks for `action`, then moves focus to the element with id `focus`
    /// once the change is drawn (a removed control takes its focus with it; a new one
    /// waits for its words).
    pub fn on_click_then_focus(
        &self,
        action: impl Fn() -> Action + 'static,
        focus: String,
    ) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(action());
            let focus = focus.clone();
            browser::after_paint(move || {
                browser::focus_id(&focus);
            });
        })
    }

    /// A field's input (an input, a text area or a select), turned into an action by
    /// `action` from the field's value; `None` asks for nothing.
    pub fn on_input(
        &self,
        action: impl Fn(String) -> Option<Action> + 'static,
    ) -> Callback<InputEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(action) = action(value_of(&e)) {
                dispatch.emit(action);
            }
        })
    }
}

/// The value of the field an event came from.
fn value_of(event: &Event) -> String {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// The item of `items` a select's option stands for: each option's value is its item's
/// `key`, and only an item of the list the view drew can be picked.
pub fn picked<'a, T>(items: &'a [T], value: &str, key: impl Fn(&T) -> &str) -> Option<&'a T> {
    items.iter().find(|item| key(item) == value)
}

pub fn band_class(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::Strength) => "band-strength",
        Some(Band::Discuss) => "band-discuss",
        Some(Band::Concern) => "band-concern",
        None => "band-none",
    }
}

/// A band's name as a badge: the instrument's (`bands`) own name, or Rapport's.
pub fn band_badge(ui: &Ui, bands: &Bands, band: Option<Band>) -> Html {
    html! {
        <span class={classes!("badge", band_class(band))}>{ ui.text.band_or_none(bands, band) }</span>
    }
}

/// A column of a scores table after "Dimension": its heading, and whether it holds numbers.
pub struct Column<'a> {
    pub heading: &'a str,
    pub numeric: bool,
}

/// A scores table's row for the dimension at this index: the row's class, and its cells
/// after the dimension's name; `None` leaves the row out (results compared from another
/// version of the instrument may score fewer dimensions).
pub type ScoresRow<'a> = dyn Fn(usize, &Dimension) -> Option<(Option<&'static str>, Html)> + 'a;

/// The table of scores by dimension that results and compare each show: one row per
/// dimension in the instrument's order. `row` gives each row's class and its cells after
/// the dimension's name.
pub fn scores_table(
    ui: &Ui,
    instrument: &Instrument,
    class: &'static str,
    columns: &[Column],
    row: &ScoresRow,
) -> Html {
    let text = &*ui.text;
    html! {
        <table class={classes!("scores", class)}>
            <caption>{ text.table_caption(usize::from(instrument.scale.points())) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ text.col_dimension() }</th>
                    { for columns.iter().map(|c| html! {
                        <th scope="col" class={classes!(c.numeric.then_some("num"))}>{ c.heading }</th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for instrument.dimensions.iter().enumerate().filter_map(|(i, dimension)| {
                    let (class, cells) = row(i, dimension)?;
                    Some(html! {
                        <tr class={classes!(class)}>
                            <th scope="row">{ &dimension.name }</th>
                            { cells }
                        </tr>
                    })
                }) }
            </tbody>
        </table>
    }
}

/// The live line that says what a copy button did.
pub fn copy_status(ui: &Ui, status: Option<CopyStatus>) -> Html {
    let text = status.map(|s| match (s.copied, s.what) {
        (false, _) => ui.text.select_to_copy(),
        (true, Share::Code) => ui.text.code_copied(),
        (true, Share::Link) => ui.text.link_copied(),
    });
    html! { <p class="copy-status" role="status">{ text.unwrap_or_default() }</p> }
}

/// A read-only field with its text, selected on focus, and a button copying it.
pub fn share_field(ui: &Ui, what: Share, text: &str) -> Html {
    let (id, label, button) = match what {
        Share::Code => ("share-code", ui.text.code_label(), ui.text.copy_code()),
        Share::Link => ("share-link", ui.text.link_label(), ui.text.copy_link()),
    };
    let copy = {
        let (text, dispatch) = (text.to_owned(), ui.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            browser::copy(&text, id, move |copied| {
                dispatch.emit(Action::Share(ShareMsg::Copied(CopyStatus { what, copied })))
            });
        })
    };
    let select = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <div class="field share-field">
            <label for={id}>{ label }</label>
            <div class="share-row">
                <input id={id} type="text" readonly=true value={text.to_owned()} onfocus={select} spellcheck="false" />
                <button type="button" class="secondary" onclick={copy}>{ button }</button>
            </div>
        </div>
    }
}

/// A button that saves checks from history as a JSON or CSV file named after today's
/// date: the one with id `only`, or all of them.
pub fn download_button(
    ui: &Ui,
    label: &str,
    history: &Rc<History>,
    only: Option<&str>,
    csv: bool,
) -> Html {
    let (text, instruments, history) = (ui.text.clone(), ui.instruments.clone(), history.clone());
    let only = only.map(str::to_owned);
    let save = Callback::from(move |_: MouseEvent| {
        let assessments: Vec<Assessment> = match &only {
            Some(id) => history.get(id).cloned().into_iter().collect(),
            None => history.assessments().to_vec(),
        };
        let what = if only.is_some() {
            text.file_result()
        } else {
            text.file_history()
        };
        let day = &exchange::iso_date(browser::now())[..10];
        if csv {
            let file = exchange::to_csv(&instruments, &assessments, &text.csv());
            browser::download(&format!("rapport-{what}-{day}.csv"), "text/csv", &file);
        } else {
            let file = exchange::to_json(&assessments);
            browser::download(
                &format!("rapport-{what}-{day}.json"),
                "application/json",
                &file,
            );
        }
    });
    html! { <button type="button" class="secondary" onclick={save}>{ label }</button> }
}

/// Opens the browser's print dialog (print styles lay the screen out as a report).
pub fn print_button(ui: &Ui, class: &'static str) -> Html {
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! { <button type="button" class={class} onclick={print}>{ ui.text.print_report() }</button> }
}

/// "↑ 0.5", "↓ 0.3", "no change", or a dash where either check has no score.
pub fn change_cell(ui: &Ui, tenths: Option<i64>) -> Html {
    let text = &*ui.text;
    match tenths {
        None => html! { text.no_comparison() },
        Some(0) => html! { text.no_change() },
        Some(delta) => {
            let (arrow, word, class) = if delta > 0 {
                (text.arrow_up(), text.change_up(), "change-up")
            } else {
                (text.arrow_down(), text.change_down(), "change-down")
            };
            html! {
                <span class={class}>
                    <span aria-hidden="true">{ arrow }</span>
                    <span class="visually-hidden">{ word }</span>
                    { format!(" {}", text.decimal(delta.abs())) }
                </span>
            }
        }
    }
}
