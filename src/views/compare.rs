use crate::browser;
use crate::state::{Action, CompareMsg, Comparison, CopyStatus, Entry, Share, Source};
use crate::views::guide::guide_view;
use crate::views::radar::radar;
use crate::views::widgets::{
    copy_status, print_button, scores_table, share_field, Column, Ui, SCREEN_TITLE,
};
use rapport_core::code::MAX_LIST_BYTES;
use rapport_core::compare::{self, Disagreement, STARTERS, TEAM_MIN};
use rapport_core::scoring;
use rapport_core::{History, Instrument, Response, Scores};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{FormData, HtmlFormElement};
use yew::prelude::*;

/// The lines that could not be read, listed one by one up to this many; the rest are
/// counted. Nobody reads thousands, and drawing them would hold the page up.
const PROBLEMS_SHOWN: usize = 20;

/// What the compare screen shows.
pub struct CompareProps {
    pub history: Rc<History>,
    pub comparison: Rc<Comparison>,
    pub copy_status: Option<CopyStatus>,
}

/// Paste codes or pick checks, then see two results side by side or a team in aggregate.
/// A plain view function: its state lives in the app's reducer.
pub fn compare_screen(ui: &Ui, props: &CompareProps) -> Html {
    let (text, comparison) = (&*ui.text, &props.comparison);
    // The form is read once, on submit: a thousand pasted lines are not copied into
    // the state on every keystroke.
    let submit = ui.dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        let form = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok());
        let data = form.and_then(|f| FormData::new_with_form(&f).ok());
        let (input, picks) = data.map_or_else(Default::default, |d| {
            let input = d.get("codes").as_string().unwrap_or_default();
            let picks = d
                .get_all("pick")
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            (input, picks)
        });
        Action::Compare(CompareMsg::Run { input, picks })
    });
    let entries = &comparison.entries;
    if comparison.guide && entries.len() >= 2 {
        return guide_view(ui, entries);
    }

    html! {
        <div class="screen compare">
            <h1 id={SCREEN_TITLE} tabindex="-1">{ ui.text.compare_title() }</h1>
            <form class="compare-form no-print" onsubmit={submit} novalidate=true>
                <p>{ ui.text.compare_intro() }</p>
                <div class="field">
                    <label for="codes">{ ui.text.codes_label() }</label>
                    <p class="hint" id="codes-hint">{ ui.text.codes_hint() }</p>
                    <textarea
                        id="codes"
                        name="codes"
                        rows="4"
                        spellcheck="false"
                        autocomplete="off"
                        aria-describedby="codes-hint"
                        value={comparison.input.clone()}
                    />
                </div>
                if !props.history.is_empty() {
                    <fieldset class="picks">
                        <legend>{ ui.text.pick_legend() }</legend>
                        { for props.history.assessments().iter().map(|a| {
                            let name = text.name_or_unnamed(&a.name);
                            html! {
                                <label class="check" key={a.id.clone()}>
                                    <input type="checkbox" name="pick" value={a.id.clone()} checked={comparison.picks.contains(&a.id)} />
                                    { format!("{name} · {} · {}", text.date(a.finished_at), text.out_of(ui.of(a), a.scores.overall())) }
                                </label>
                            }
                        }) }
                    </fieldset>
                }
                <div class="actions">
                    <button type="submit" class="primary">{ ui.text.compare_submit() }</button>
                </div>
            </form>
            if comparison.done {
                <div id="compare-outcome" class="compare-outcome">
                    if comparison.too_large {
                        <p class="form-error" role="alert">{ text.too_large(MAX_LIST_BYTES / 1000) }</p>
                    }
                    if !comparison.problems.is_empty() {
                        <div class="form-error line-problems" role="alert">
                            <p>{ ui.text.problems_heading() }</p>
                            <ul>
                                { for comparison.problems.iter().take(PROBLEMS_SHOWN).map(|p| html! {
                                    <li>{ ui.text.line_problem(p.line, &ui.text.code_error(&p.error)) }</li>
                                }) }
                            </ul>
                            if comparison.problems.len() > PROBLEMS_SHOWN {
                                <p>{ ui.text.more_problems(comparison.problems.len() - PROBLEMS_SHOWN) }</p>
                            }
                        </div>
                    }
                    if !comparison.set_aside.is_empty() {
                        <div class="notice set-aside" role="status">
                            <ul>
                                { for comparison.set_aside.iter().map(|e| html! {
                                    <li>{ set_aside(ui, e, entries.first()) }</li>
                                }) }
                            </ul>
                        </div>
                    }
                    { match entries.len() {
                        0 | 1 => html! { <p class="need-two">{ ui.text.need_two() }</p> },
                        2 => pair_view(ui, &entries[0], &entries[1]),
                        _ => team_view(ui, entries),
                    } }
                    if entries.len() >= 2 {
                        { outcome_actions(ui, entries, props.copy_status) }
                    }
                </div>
            }
        </div>
    }
}

fn outcome_actions(ui: &Ui, entries: &[Entry], status: Option<CopyStatus>) -> Html {
    let codes: Vec<&str> = entries.iter().map(|e| e.code.as_str()).collect();
    let link = format!("{}#{}", ui.app_url, codes.join(","));
    let show_guide = {
        let dispatch = ui.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Compare(CompareMsg::Guide(true)));
            browser::after_paint(|| {
                browser::focus_id(SCREEN_TITLE);
            });
        })
    };
    html! {
        <div class="share no-print">
            <h2>{ ui.text.comparison_link() }</h2>
            { share_field(ui, Share::Link, &link) }
            { copy_status(ui, status) }
            <div class="actions">
                <button type="button" class="primary" onclick={show_guide}>{ ui.text.guide_button() }</button>
                { print_button(ui, "secondary") }
            </div>
        </div>
    }
}

fn label(ui: &Ui, entry: &Entry) -> String {
    let text = &*ui.text;
    let source = match entry.source {
        Source::Line(line) => text.from_line(line),
        Source::History { at, received } => {
            let date = text.date(at);
            if received {
                text.from_received(&date)
            } else {
                text.from_history(&date)
            }
        }
    };
    if entry.name.is_empty() {
        source
    } else {
        format!("{} ({source})", entry.name)
    }
}

/// The statements answered most differently, each with how the answers differ.
fn conversation_starters(
    ui: &Ui,
    starters: &[Disagreement],
    intro: &str,
    answers: impl Fn(&Disagreement) -> String,
) -> Html {
    html! {
        <>
            <h2>{ ui.text.starters_heading() }</h2>
            if starters.is_empty() {
                <p>{ ui.text.starters_none() }</p>
            } else {
                <p>{ intro }</p>
                <ol class="starters">
                    { for starters.iter().map(|d| html! {
                        <li>
                            <p class="starter-text">{ &d.statement.text }</p>
                            <p class="starter-answers">{ answers(d) }</p>
                        </li>
                    }) }
                </ol>
            }
        </>
    }
}

/// Why a result is not compared with `first`: another version of the questionnaire, or
/// another questionnaire.
fn set_aside(ui: &Ui, e: &Entry, first: Option<&Entry>) -> String {
    let text = &ui.text;
    match first {
        Some(f) if f.instrument_id != e.instrument_id => {
            let title = ui
                .instruments
                .get(&e.instrument_id, e.instrument_version)
                .map_or(e.instrument_id.as_str(), |i| i.title.as_str());
            text.other_instrument(&label(ui, e), title)
        }
        _ => text.other_version(
            &label(ui, e),
            e.instrument_version as usize,
            first.map_or(0, |f| f.instrument_version as usize),
        ),
    }
}

fn label_of(instrument: &Instrument, level: u8) -> &str {
    Response::agreement(level).map_or("", |r| r.label(instrument))
}

/// The version of the questionnaire the compared results answer.
fn compared<'a>(ui: &'a Ui, entries: &[&Entry]) -> &'a Instrument {
    entries.first().map_or(ui.current(), |e| {
        ui.instrument_or_current(&e.instrument_id, e.instrument_version)
    })
}

fn pair_view(ui: &Ui, a: &Entry, b: &Entry) -> Html {
    let (text, instrument) = (&*ui.text, compared(ui, &[a]));
    let bands = &instrument.bands;
    let rows = compare::pair(bands, &a.scores, &b.scores);
    let starters = compare::disagreements(instrument, &[&a.answers, &b.answers], STARTERS);
    let [letter_a, letter_b] = [text.pair_a(), text.pair_b()];
    let answer = |entry: &Entry, d: &Disagreement| {
        entry
            .answers
            .get(&d.statement.id)
            .map_or("", |r| r.label(instrument))
            .to_owned()
    };
    let columns = [
        Column {
            heading: letter_a,
            numeric: true,
        },
        Column {
            heading: letter_b,
            numeric: true,
        },
        Column {
            heading: text.col_gap(),
            numeric: false,
        },
    ];
    let table = scores_table(ui, instrument, "pair-table", &columns, &|i, _| {
        let row = rows.get(i)?;
        let cells = html! {
            <>
                <td class="num">{ text.score(bands, row.a) }</td>
                <td class="num">{ text.score(bands, row.b) }</td>
                <td>
                    <span class="num">{ row.gap.map_or_else(|| text.no_comparison().to_owned(), |gap| text.decimal(gap)) }</span>
                    if row.flagged() {
                        { " " }<span class="badge gap-flag">{ text.gap_flag() }</span>
                    }
                </td>
            </>
        };
        Some((row.flagged().then_some("gap-row"), cells))
    });
    let series = [
        scoring::means(instrument, &a.scores),
        scoring::means(instrument, &b.scores),
    ];
    html! {
        <>
            <h2>{ text.pair_heading() }</h2>
            <ul class="legend">
                <li><span class="swatch series-0" aria-hidden="true"></span><span>{ format!("{letter_a}: {}", label(ui, a)) }</span></li>
                <li><span class="swatch series-1" aria-hidden="true"></span><span>{ format!("{letter_b}: {}", label(ui, b)) }</span></li>
            </ul>
            <div class="chart-and-table">
                <figure class="chart">{ radar(ui, instrument, &series, text.chart_pair_description()) }</figure>
                { table }
            </div>
            { conversation_starters(ui, &starters, text.starters_intro(), |d| {
                format!("{letter_a}: {} · {letter_b}: {}", answer(a, d), answer(b, d))
            }) }
        </>
    }
}

fn team_view(ui: &Ui, entries: &[Entry]) -> Html {
    let (text, instrument) = (&*ui.text, compared(ui, &entries.iter().collect::<Vec<_>>()));
    let scores: Vec<&Scores> = entries.iter().map(|e| &e.scores).collect();
    let bands = &instrument.bands;
    let Some(rows) = compare::team(bands, &scores) else {
        return html! {};
    };
    let answers: Vec<_> = entries.iter().map(|e| &e.answers).collect();
    let starters = compare::disagreements(instrument, &answers, STARTERS);
    let mean_series: Vec<Option<f64>> = rows
        .iter()
        .map(|r| r.stats.as_ref().map(|s| s.mean))
        .collect();
    let columns = [
        text.col_mean(),
        text.col_lowest(),
        text.col_highest(),
        text.col_spread(),
    ]
    .map(|heading| Column {
        heading,
        numeric: true,
    });
    let table = scores_table(ui, instrument, "team-table", &columns, &|i, _| {
        let cells = match rows.get(i)?.stats.as_ref() {
            Some(s) => html! {
                <>
                    <td class="num">{ text.mean(bands, s.mean) }</td>
                    <td class="num">{ text.mean(bands, s.lowest) }</td>
                    <td class="num">{ text.mean(bands, s.highest) }</td>
                    <td class="num">{ text.decimal(s.spread) }</td>
                </>
            },
            None => html! { <td colspan="4">{ text.team_too_few(TEAM_MIN) }</td> },
        };
        Some((None, cells))
    });
    html! {
        <>
            <h2>{ text.team_heading(entries.len()) }</h2>
            <p>{ text.team_intro(TEAM_MIN) }</p>
            <div class="chart-and-table">
                <figure class="chart">{ radar(ui, instrument, &[mean_series], text.chart_team_description()) }</figure>
                { table }
            </div>
            { conversation_starters(ui, &starters, text.team_starters_intro(), |d| {
                text.answer_range(label_of(instrument, d.lowest), label_of(instrument, d.highest))
            }) }
        </>
    }
}
