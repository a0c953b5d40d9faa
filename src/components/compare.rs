use crate::browser;
use crate::components::app::SCREEN_TITLE;
use crate::components::radar::radar;
use crate::components::results::{copy_status, ordered_means, share_field};
use crate::state::{Action, Comparison, CopyStatus, Entry, Share, Source};
use crate::text::TEXT;
use rapport_core::compare::{self, Disagreement, STARTERS};
use rapport_core::scoring::{display, one_decimal};
use rapport_core::{History, Instrument, Response, Scores};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{FormData, HtmlFormElement};
use yew::prelude::*;

/// What the compare screen shows.
pub struct CompareProps {
    pub instrument: Rc<Instrument>,
    pub history: Rc<History>,
    pub comparison: Rc<Comparison>,
    pub copy_status: Option<CopyStatus>,
    pub dispatch: Callback<Action>,
}

/// Paste codes or pick checks, then see two results side by side or a team in aggregate.
/// A plain view function: its state lives in the app's reducer.
pub fn compare_screen(props: &CompareProps) -> Html {
    let comparison = &props.comparison;
    // The form is read once, on submit: a thousand pasted lines are not copied into
    // the state on every keystroke.
    let submit = props.dispatch.reform(|e: SubmitEvent| {
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
        Action::Compare { input, picks }
    });
    let entries = &comparison.entries;

    html! {
        <div class="screen compare">
            <h1 id={SCREEN_TITLE} tabindex="-1">{ TEXT.compare_title }</h1>
            <form class="compare-form no-print" onsubmit={submit} novalidate=true>
                <p>{ TEXT.compare_intro }</p>
                <div class="field">
                    <label for="codes">{ TEXT.codes_label }</label>
                    <p class="hint" id="codes-hint">{ TEXT.codes_hint }</p>
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
                        <legend>{ TEXT.pick_legend }</legend>
                        { for props.history.assessments().iter().map(|a| {
                            let name = if a.name.is_empty() { TEXT.unnamed_partnership } else { a.name.as_str() };
                            html! {
                                <label class="check" key={a.id.clone()}>
                                    <input type="checkbox" name="pick" value={a.id.clone()} checked={comparison.picks.contains(&a.id)} />
                                    { format!("{name} · {} · {}", browser::format_date(a.finished_at), (TEXT.out_of_five)(&TEXT.score(a.scores.overall()))) }
                                </label>
                            }
                        }) }
                    </fieldset>
                }
                <div class="actions">
                    <button type="submit" class="primary">{ TEXT.compare_submit }</button>
                </div>
            </form>
            if comparison.done {
                <div id="compare-outcome" class="compare-outcome">
                    if comparison.too_large {
                        <p class="form-error" role="alert">{ TEXT.too_large }</p>
                    }
                    if !comparison.problems.is_empty() {
                        <div class="form-error line-problems" role="alert">
                            <p>{ TEXT.problems_heading }</p>
                            <ul>
                                { for comparison.problems.iter().map(|p| html! {
                                    <li>{ (TEXT.line_problem)(p.line, &TEXT.code_error(&p.error)) }</li>
                                }) }
                            </ul>
                        </div>
                    }
                    { match entries.len() {
                        0 | 1 => html! { <p class="need-two">{ TEXT.need_two }</p> },
                        2 => pair_view(&props.instrument, &entries[0], &entries[1]),
                        _ => team_view(&props.instrument, entries),
                    } }
                    if entries.len() >= 2 {
                        { outcome_actions(entries, props) }
                    }
                </div>
            }
        </div>
    }
}

fn outcome_actions(entries: &[Entry], props: &CompareProps) -> Html {
    let codes: Vec<&str> = entries.iter().map(|e| e.code.as_str()).collect();
    let link = format!("{}#{}", browser::base_url(), codes.join(","));
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <div class="share no-print">
            <h2>{ TEXT.comparison_link }</h2>
            { share_field(Share::Link, &link, &props.dispatch) }
            { copy_status(props.copy_status) }
            <div class="actions">
                <button type="button" class="secondary" onclick={print}>{ TEXT.print_report }</button>
            </div>
        </div>
    }
}

fn label(entry: &Entry) -> String {
    let source = match entry.source {
        Source::Line(line) => (TEXT.from_line)(line),
        Source::History { at, received } => {
            let date = browser::format_date(at);
            if received {
                (TEXT.from_received)(&date)
            } else {
                (TEXT.from_history)(&date)
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
    starters: &[Disagreement],
    intro: &str,
    answers: impl Fn(&Disagreement) -> String,
) -> Html {
    html! {
        <>
            <h2>{ TEXT.starters_heading }</h2>
            if starters.is_empty() {
                <p>{ TEXT.starters_none }</p>
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

fn label_of(instrument: &Instrument, level: u8) -> &str {
    Response::agreement(level).map_or("", |r| r.label(instrument))
}

fn pair_view(instrument: &Instrument, a: &Entry, b: &Entry) -> Html {
    let rows = compare::pair(&a.scores, &b.scores);
    let starters = compare::disagreements(instrument, &[&a.answers, &b.answers], STARTERS);
    let [letter_a, letter_b] = TEXT.pair_letters;
    let answer = |entry: &Entry, d: &Disagreement| {
        entry
            .answers
            .get(&d.statement.id)
            .map_or("", |r| r.label(instrument))
            .to_owned()
    };
    html! {
        <>
            <h2>{ TEXT.pair_heading }</h2>
            <ul class="legend">
                <li><span class="swatch series-0" aria-hidden="true"></span><span>{ format!("{letter_a}: {}", label(a)) }</span></li>
                <li><span class="swatch series-1" aria-hidden="true"></span><span>{ format!("{letter_b}: {}", label(b)) }</span></li>
            </ul>
            <div class="chart-and-table">
                <figure class="chart">
                    { radar(instrument, &[ordered_means(instrument, &a.scores), ordered_means(instrument, &b.scores)], TEXT.chart_pair_description) }
                </figure>
                <table class="scores pair-table">
                    <caption>{ TEXT.table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ TEXT.col_dimension }</th>
                            <th scope="col" class="num">{ letter_a }</th>
                            <th scope="col" class="num">{ letter_b }</th>
                            <th scope="col">{ TEXT.col_gap }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for instrument.dimensions.iter().zip(&rows).map(|(dimension, row)| html! {
                            <tr class={classes!(row.flagged().then_some("gap-row"))}>
                                <th scope="row">{ &dimension.name }</th>
                                <td class="num">{ TEXT.score(row.a) }</td>
                                <td class="num">{ TEXT.score(row.b) }</td>
                                <td>
                                    <span class="num">{ row.gap.map_or_else(|| TEXT.no_comparison.to_owned(), one_decimal) }</span>
                                    if row.flagged() {
                                        { " " }<span class="badge gap-flag">{ TEXT.gap_flag }</span>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { conversation_starters(&starters, TEXT.starters_intro, |d| {
                format!("{letter_a}: {} · {letter_b}: {}", answer(a, d), answer(b, d))
            }) }
        </>
    }
}

fn team_view(instrument: &Instrument, entries: &[Entry]) -> Html {
    let scores: Vec<&Scores> = entries.iter().map(|e| &e.scores).collect();
    let Some(rows) = compare::team(&scores) else {
        return html! {};
    };
    let answers: Vec<_> = entries.iter().map(|e| &e.answers).collect();
    let starters = compare::disagreements(instrument, &answers, STARTERS);
    let mean_series: Vec<Option<f64>> = rows
        .iter()
        .map(|r| r.stats.as_ref().map(|s| s.mean))
        .collect();
    html! {
        <>
            <h2>{ (TEXT.team_heading)(entries.len()) }</h2>
            <p>{ TEXT.team_intro }</p>
            <div class="chart-and-table">
                <figure class="chart">
                    { radar(instrument, &[mean_series], TEXT.chart_team_description) }
                </figure>
                <table class="scores team-table">
                    <caption>{ TEXT.table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ TEXT.col_dimension }</th>
                            <th scope="col" class="num">{ TEXT.col_mean }</th>
                            <th scope="col" class="num">{ TEXT.col_lowest }</th>
                            <th scope="col" class="num">{ TEXT.col_highest }</th>
                            <th scope="col" class="num">{ TEXT.col_spread }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for instrument.dimensions.iter().zip(&rows).map(|(dimension, row)| html! {
                            <tr>
                                <th scope="row">{ &dimension.name }</th>
                                if let Some(s) = &row.stats {
                                    <td class="num">{ display(s.mean) }</td>
                                    <td class="num">{ display(s.lowest) }</td>
                                    <td class="num">{ display(s.highest) }</td>
                                    <td class="num">{ one_decimal(s.spread) }</td>
                                } else {
                                    <td colspan="4">{ TEXT.team_too_few }</td>
                                }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { conversation_starters(&starters, TEXT.team_starters_intro, |d| {
                (TEXT.answer_range)(label_of(instrument, d.lowest), label_of(instrument, d.highest))
            }) }
        </>
    }
}
