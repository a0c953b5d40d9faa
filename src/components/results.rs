use crate::browser;
use crate::components::app::SCREEN_TITLE;
use crate::components::radar::radar;
use crate::state::{Action, CopyStatus, Share};
use crate::text::TEXT;
use rapport_core::insight::{self, Advice};
use rapport_core::scoring::{display, one_decimal};
use rapport_core::{code, exchange};
use rapport_core::{Assessment, Band, Dimension, History, Instrument, Scores};
use std::rc::Rc;
use yew::prelude::*;

/// What the results screen shows.
pub struct ResultsProps {
    pub instrument: Rc<Instrument>,
    pub history: Rc<History>,
    /// The finished check to show.
    pub id: String,
    pub dispatch: Callback<Action>,
    pub share_name: bool,
    pub copy_status: Option<CopyStatus>,
}

pub fn band_class(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::Strength) => "band-strength",
        Some(Band::Discuss) => "band-discuss",
        Some(Band::Concern) => "band-concern",
        None => "band-none",
    }
}

pub fn band_badge(band: Option<Band>) -> Html {
    html! {
        <span class={classes!("badge", band_class(band))}>
            { band.map_or(TEXT.not_enough_answers, |b| TEXT.band(b)) }
        </span>
    }
}

/// One finished check from history: its report, sharing, downloads and what to do next.
/// A plain view function rather than a component: the screen has no state of its own,
/// and each component type costs kilobytes of wasm.
pub fn results(props: &ResultsProps) -> Html {
    let history_button = html! {
        <button type="button" class="secondary" onclick={props.dispatch.reform(|_: MouseEvent| Action::ShowHistory)}>
            { TEXT.nav_history }
        </button>
    };
    let Some(assessment) = props.history.get(&props.id) else {
        return html! {
            <div class="screen results">
                <h1 id={SCREEN_TITLE} tabindex="-1">{ TEXT.results_title }</h1>
                <p>{ TEXT.result_missing }</p>
                <div class="actions">{ history_button }</div>
            </div>
        };
    };
    let instrument = &props.instrument;
    let date = browser::format_date(assessment.finished_at);
    let print = Callback::from(|_: MouseEvent| browser::print());
    let take_again = {
        let id = props.id.clone();
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::TakeAgain(id.clone()))
    };
    let downloads = {
        let (a, instrument) = (assessment.clone(), instrument.clone());
        move |csv: bool| {
            let (a, instrument) = (a.clone(), instrument.clone());
            Callback::from(move |_: MouseEvent| {
                download(&instrument, std::slice::from_ref(&a), csv, "result")
            })
        }
    };
    let compare = props.dispatch.reform(|_: MouseEvent| Action::ShowCompare);

    html! {
        <div class="screen results">
            <header class="results-head">
                <h1 id={SCREEN_TITLE} tabindex="-1">
                    { if assessment.received { TEXT.shared_title } else { TEXT.results_title } }
                </h1>
                <p class="meta">
                    if !assessment.name.is_empty() {
                        <span>{ (TEXT.partnership)(&assessment.name) }</span>
                    }
                    <span>
                        { if assessment.received { (TEXT.received_on)(&date) } else { (TEXT.finished_on)(&date) } }
                    </span>
                </p>
            </header>
            { report(instrument, assessment, props.history.previous(&props.id)) }
            if !assessment.received {
                { share(props, assessment) }
            }
            <div class="actions no-print">
                <button type="button" class="primary" onclick={print}>{ TEXT.print_report }</button>
                <button type="button" class="secondary" onclick={downloads(false)}>{ TEXT.download_json }</button>
                <button type="button" class="secondary" onclick={downloads(true)}>{ TEXT.download_csv }</button>
                if !assessment.received {
                    <button type="button" class="secondary" onclick={take_again}>{ TEXT.take_again }</button>
                }
                <button type="button" class="secondary" onclick={compare}>{ TEXT.nav_compare }</button>
                { history_button }
            </div>
        </div>
    }
}

/// A result opened from a code or link, read-only: compare it or keep it.
pub fn shared(
    instrument: &Instrument,
    assessment: &Rc<Assessment>,
    dispatch: &Callback<Action>,
) -> Html {
    let compare = {
        let a = assessment.clone();
        dispatch.reform(move |_: MouseEvent| Action::CompareWithMine(a.clone()))
    };
    let save = dispatch.reform(|_: MouseEvent| Action::SaveShared(browser::now()));
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <div class="screen results">
            <header class="results-head">
                <h1 id={SCREEN_TITLE} tabindex="-1">{ TEXT.shared_title }</h1>
                <p class="meta">
                    if !assessment.name.is_empty() {
                        <span>{ (TEXT.partnership)(&assessment.name) }</span>
                    }
                </p>
                <p>{ TEXT.shared_intro }</p>
            </header>
            <div class="actions no-print">
                <button type="button" class="primary" onclick={compare}>{ TEXT.compare_with_mine }</button>
                <button type="button" class="secondary" onclick={save}>{ TEXT.save_shared }</button>
                <button type="button" class="secondary" onclick={print}>{ TEXT.print_report }</button>
            </div>
            { report(instrument, assessment, None) }
        </div>
    }
}

/// Saves `assessments` as a JSON or CSV file named after today's date.
pub fn download(instrument: &Instrument, assessments: &[Assessment], csv: bool, what: &str) {
    let day = &exchange::iso_date(browser::now())[..10];
    if csv {
        let words = exchange::CsvWords {
            header: TEXT.csv_header,
            summary: TEXT.csv_summary,
            band: |b| TEXT.band(b),
            not_enough: TEXT.not_enough_answers,
        };
        let text = exchange::to_csv(instrument, assessments, &words);
        browser::download(&format!("rapport-{what}-{day}.csv"), "text/csv", &text);
    } else {
        let text = exchange::to_json(assessments);
        browser::download(
            &format!("rapport-{what}-{day}.json"),
            "application/json",
            &text,
        );
    }
}

/// The code and link for this result, each with a copy button.
fn share(props: &ResultsProps, assessment: &Assessment) -> Html {
    let name = if props.share_name {
        assessment.name.as_str()
    } else {
        ""
    };
    let code = code::encode(&props.instrument, &assessment.answers, name);
    let link = format!("{}#{code}", browser::base_url());
    let toggle = props.dispatch.reform(|e: Event| {
        let on = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|i| i.checked());
        Action::ShareName(on)
    });
    html! {
        <div class="share no-print">
            <h2 id="share-title">{ TEXT.share_title }</h2>
            <p>{ TEXT.share_intro }</p>
            if !assessment.name.is_empty() {
                <label class="check">
                    <input type="checkbox" checked={props.share_name} onchange={toggle} />
                    { TEXT.include_name }
                </label>
            }
            { share_field(Share::Code, &code, &props.dispatch) }
            { share_field(Share::Link, &link, &props.dispatch) }
            { copy_status(props.copy_status) }
        </div>
    }
}

/// The live line that says what a copy button did.
pub fn copy_status(status: Option<CopyStatus>) -> Html {
    let text = status.map(|s| match (s.copied, s.what) {
        (false, _) => TEXT.select_to_copy,
        (true, Share::Code) => TEXT.code_copied,
        (true, Share::Link) => TEXT.link_copied,
    });
    html! { <p class="copy-status" role="status">{ text.unwrap_or_default() }</p> }
}

/// A read-only field with its text, selected on focus, and a button copying it.
pub fn share_field(what: Share, text: &str, dispatch: &Callback<Action>) -> Html {
    let (id, label, button) = match what {
        Share::Code => ("share-code", TEXT.code_label, TEXT.copy_code),
        Share::Link => ("share-link", TEXT.link_label, TEXT.copy_link),
    };
    let copy = {
        let (text, dispatch) = (text.to_owned(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            browser::copy(&text, id, move |copied| {
                dispatch.emit(Action::Copied(CopyStatus { what, copied }))
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

/// The body of a result: overall score, highlights, chart, table and next steps.
fn report(instrument: &Instrument, assessment: &Assessment, previous: Option<&Assessment>) -> Html {
    let scores = &assessment.scores;
    let (strongest, weakest) = insight::highlights(scores, 2);
    let name_of = |dimension_id: &str| -> String {
        let dimension = instrument.dimensions.iter().find(|d| d.id == dimension_id);
        dimension
            .map_or(dimension_id, |d| d.name.as_str())
            .to_owned()
    };
    let highlight_list = |indices: &[usize]| {
        html! {
            <ul>
                { for indices.iter().filter_map(|&i| scores.dimensions.get(i)).map(|d| html! {
                    <li>
                        <span>{ name_of(&d.dimension) }</span>
                        <span class="num">{ d.mean().map(display).unwrap_or_default() }</span>
                    </li>
                }) }
            </ul>
        }
    };

    // Advice in order of need: Concern, then Discuss, then Strength, each weakest first,
    // then dimensions without a score; ties keep the instrument's order.
    let mut ordered: Vec<(usize, &Dimension, Option<f64>)> = instrument
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| (i, d, scores.dimension(&d.id).and_then(|s| s.mean())))
        .collect();
    ordered.sort_unstable_by(|a, b| {
        let key = |m: Option<f64>| m.unwrap_or(f64::INFINITY);
        key(a.2).total_cmp(&key(b.2)).then(a.0.cmp(&b.0))
    });
    let means: Vec<Option<f64>> = ordered_means(instrument, scores);

    html! {
        <>
            <div class={classes!("overall", band_class(scores.overall_band()))}>
                <h2 class="overall-label">{ TEXT.overall }</h2>
                if let (Some(overall), Some(percent)) = (scores.overall(), scores.overall_percent()) {
                    <p class="overall-score">
                        <span class="overall-number">{ (TEXT.out_of_five)(&display(overall)) }</span>
                        <span class="overall-percent">{ (TEXT.out_of_hundred)(percent) }</span>
                        { band_badge(scores.overall_band()) }
                    </p>
                    <p class="band-scale">{ TEXT.band_scale }</p>
                } else {
                    <p>{ TEXT.not_enough_overall }</p>
                }
            </div>

            if !strongest.is_empty() {
                <div class="highlights">
                    <div class="highlight highlight-strong">
                        <h2>{ TEXT.strongest }</h2>
                        { highlight_list(&strongest) }
                    </div>
                    if !weakest.is_empty() {
                        <div class="highlight highlight-weak">
                            <h2>{ TEXT.weakest }</h2>
                            { highlight_list(&weakest) }
                        </div>
                    }
                </div>
            }

            <div class="chart-and-table">
                <figure class="chart">
                    { radar(instrument, &[means], TEXT.chart_description) }
                </figure>
                <table class="scores">
                    <caption>{ TEXT.table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ TEXT.col_dimension }</th>
                            <th scope="col" class="num">{ TEXT.col_score }</th>
                            <th scope="col">{ TEXT.col_band }</th>
                            if previous.is_some() {
                                <th scope="col" class="num">{ TEXT.col_change }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        { for instrument.dimensions.iter().map(|dimension| {
                            let score = scores.dimension(&dimension.id);
                            html! {
                                <tr>
                                    <th scope="row">{ &dimension.name }</th>
                                    <td class="num">{ TEXT.score(score.and_then(|s| s.mean())) }</td>
                                    <td>{ band_badge(score.and_then(|s| s.band())) }</td>
                                    if let Some(previous) = previous {
                                        <td class="num">
                                            { change_cell(insight::change(scores, &previous.scores, &dimension.id)) }
                                        </td>
                                    }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                if let Some(previous) = previous {
                    <p class="hint">{ (TEXT.change_since)(&browser::format_date(previous.finished_at)) }</p>
                }
            </div>

            <h2>{ TEXT.next_steps }</h2>
            <p>{ TEXT.next_steps_intro }</p>
            <div class="advice-list">
                { for ordered.iter().map(|&(_, dimension, mean)| {
                    let band = mean.map(Band::of);
                    html! {
                        <article class={classes!("advice", band_class(band))}>
                            <h3>
                                <span>{ &dimension.name }</span>
                                { band_badge(band) }
                            </h3>
                            { match insight::advice(dimension, band) {
                                Advice::Actions(actions) => html! {
                                    <ul>{ for actions.iter().map(|a| html! { <li>{ a }</li> }) }</ul>
                                },
                                Advice::KeepUp(line) => html! {
                                    <p><strong>{ TEXT.keep_it_up }</strong>{ " " }{ line }</p>
                                },
                                Advice::NotEnoughAnswers => html! { <p>{ TEXT.not_enough_advice }</p> },
                            } }
                        </article>
                    }
                }) }
            </div>
        </>
    }
}

/// Each dimension's mean in the instrument's order (`None` without a score).
pub fn ordered_means(instrument: &Instrument, scores: &Scores) -> Vec<Option<f64>> {
    instrument
        .dimensions
        .iter()
        .map(|d| scores.dimension(&d.id).and_then(|s| s.mean()))
        .collect()
}

/// "↑ 0.5", "↓ 0.3", "no change", or a dash where either check has no score.
fn change_cell(tenths: Option<i64>) -> Html {
    match tenths {
        None => html! { TEXT.no_comparison },
        Some(0) => html! { TEXT.no_change },
        Some(delta) => {
            let (arrow, word, class) = if delta > 0 {
                (TEXT.arrow_up, TEXT.change_up, "change-up")
            } else {
                (TEXT.arrow_down, TEXT.change_down, "change-down")
            };
            html! {
                <span class={class}>
                    <span aria-hidden="true">{ arrow }</span>
                    <span class="visually-hidden">{ word }</span>
                    { format!(" {}", one_decimal(delta.abs())) }
                </span>
            }
        }
    }
}
