use crate::browser;
use crate::state::{Action, CompareMsg, CopyStatus, Share, ShareMsg, WalkMsg};
use crate::views::plan::{add_button, follow_up, plan_section};
use crate::views::radar::radar;
use crate::views::widgets::{
    band_badge, band_class, change_cell, copy_status, download_button, print_button, scores_table,
    share_field, Column, Ui, SCREEN_TITLE,
};
use rapport_core::code;
use rapport_core::insight::{self, Advice};
use rapport_core::partnership::plan_to_follow;
use rapport_core::plan::What;
use rapport_core::scoring;
use rapport_core::{Assessment, History, Recommendation};
use std::rc::Rc;
use yew::prelude::*;

/// What the results screen shows.
pub struct ResultsProps {
    pub history: Rc<History>,
    /// The finished check to show.
    pub id: String,
    pub share_name: bool,
    pub copy_status: Option<CopyStatus>,
    /// False for the first frame of these results: only their top is drawn then.
    pub painted: bool,
}

/// One finished check from history: its report, sharing, downloads and what to do next.
/// A plain view function (see ARCHITECTURE.md on why screens are not components).
pub fn results(ui: &Ui, props: &ResultsProps) -> Html {
    let history_button = html! {
        <button type="button" class="secondary" onclick={ui.on_click(|| Action::ShowHistory)}>
            { ui.text.nav_history() }
        </button>
    };
    let Some(assessment) = props.history.get(&props.id) else {
        return html! {
            <div class="screen results">
                <h1 id={SCREEN_TITLE} tabindex="-1">{ ui.text.results_title() }</h1>
                <p>{ ui.text.result_missing() }</p>
                <div class="actions">{ history_button }</div>
            </div>
        };
    };
    // Made with a questionnaire this page does not run (a pulse, seen where the full check
    // runs): its answers mean nothing against this one's statements, so it is not shown.
    if !ui
        .instruments
        .all()
        .iter()
        .any(|i| i.id == assessment.instrument_id)
    {
        return html! {
            <div class="screen results">
                <h1 id={SCREEN_TITLE} tabindex="-1">{ ui.text.results_title() }</h1>
                <p>{ ui.text.other_questionnaire(&assessment.instrument_id) }</p>
                <div class="actions">{ history_button }</div>
            </div>
        };
    }
    let date = ui.text.date(assessment.finished_at);
    let take_again = {
        let id = props.id.clone();
        ui.on_click(move || Action::Walk(WalkMsg::TakeAgain(id.clone())))
    };
    let download = |label, csv| download_button(ui, label, &props.history, Some(&props.id), csv);
    let compare = ui.on_click(|| Action::Compare(CompareMsg::Show));
    let own = !assessment.received;
    let earlier = own
        .then(|| plan_to_follow(&props.history, &assessment.name, Some(&props.id)))
        .flatten()
        // Another questionnaire's plan reads its recommendations by its own ids.
        .filter(|e| ui.runs(e));

    html! {
        <div class="screen results">
            <header class="results-head">
                <h1 id={SCREEN_TITLE} tabindex="-1">
                    { if assessment.received { ui.text.shared_title() } else { ui.text.results_title() } }
                </h1>
                <p class="meta">
                    if !assessment.name.is_empty() {
                        <span>{ ui.text.partnership(&assessment.name) }</span>
                    }
                    <span>
                        { if assessment.received { ui.text.received_on(&date) } else { ui.text.finished_on(&date) } }
                    </span>
                </p>
            </header>
            // The change since the previous check, where it answers the same version.
            { report(ui, assessment, props.history.previous_like(&props.id), props.painted, own) }
            if props.painted {
                // Below the report: what was planned last time, then the plan for this one.
                if let Some(earlier) = earlier {
                    { follow_up(ui, earlier, Some(assessment)) }
                }
                if own {
                    { plan_section(ui, assessment) }
                }
                if own {
                    { share(ui, props, assessment) }
                }
                <div class="actions no-print">
                    { print_button(ui, "primary") }
                    { download(ui.text.download_json(), false) }
                    { download(ui.text.download_csv(), true) }
                    if own {
                        <button type="button" class="secondary" onclick={take_again}>{ ui.text.take_again() }</button>
                    }
                    <button type="button" class="secondary" onclick={compare}>{ ui.text.nav_compare() }</button>
                    { history_button }
                </div>
            }
        </div>
    }
}

/// A result opened from a code or link, read-only: compare it or keep it.
pub fn shared(ui: &Ui, assessment: &Rc<Assessment>) -> Html {
    let compare = {
        let a = assessment.clone();
        ui.on_click(move || Action::Compare(CompareMsg::WithMine(a.clone())))
    };
    let save = ui.on_click(|| Action::Share(ShareMsg::Save(browser::now())));
    html! {
        <div class="screen results">
            <header class="results-head">
                <h1 id={SCREEN_TITLE} tabindex="-1">{ ui.text.shared_title() }</h1>
                <p class="meta">
                    if !assessment.name.is_empty() {
                        <span>{ ui.text.partnership(&assessment.name) }</span>
                    }
                </p>
                <p>{ ui.text.shared_intro() }</p>
            </header>
            <div class="actions no-print">
                <button type="button" class="primary" onclick={compare}>{ ui.text.compare_with_mine() }</button>
                <button type="button" class="secondary" onclick={save}>{ ui.text.save_shared() }</button>
                { print_button(ui, "secondary") }
            </div>
            { report(ui, assessment, None, true, false) }
        </div>
    }
}

/// The code and link for this result, each with a copy button.
fn share(ui: &Ui, props: &ResultsProps, assessment: &Assessment) -> Html {
    let name = if props.share_name {
        assessment.name.as_str()
    } else {
        ""
    };
    let code = code::encode(ui.of(assessment), &assessment.answers, name);
    let link = format!("{}#{code}", ui.app_url);
    let toggle = ui.dispatch.reform(|e: Event| {
        let on = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|i| i.checked());
        Action::Share(ShareMsg::IncludeName(on))
    });
    html! {
        <div class="share no-print">
            <h2 id="share-title">{ ui.text.share_title() }</h2>
            <p>{ ui.text.share_intro() }</p>
            if !assessment.name.is_empty() {
                <label class="check">
                    <input type="checkbox" checked={props.share_name} onchange={toggle} />
                    { ui.text.include_name() }
                </label>
            }
            { share_field(ui, Share::Code, &code) }
            { share_field(ui, Share::Link, &link) }
            { copy_status(ui, props.copy_status) }
        </div>
    }
}

/// The body of a result: overall score, highlights, then, when `complete`, the chart, the
/// table (with the change since `previous`) and next steps, which can be added to the
/// plan when `planning`.
pub fn report(
    ui: &Ui,
    assessment: &Assessment,
    previous: Option<&Assessment>,
    complete: bool,
    planning: bool,
) -> Html {
    let (text, instrument) = (&*ui.text, ui.of(assessment));
    let (bands, points) = (&instrument.bands, instrument.scale.points());
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
                        <span class="num">{ d.mean().map(|m| ui.text.mean(bands, m)).unwrap_or_default() }</span>
                    </li>
                }) }
            </ul>
        }
    };

    // Built only when shown: the first frame of the results goes without it.
    let table = complete.then(|| {
        let mut columns = vec![
            Column {
                heading: text.col_score(),
                numeric: true,
            },
            Column {
                heading: text.col_band(),
                numeric: false,
            },
        ];
        if previous.is_some() {
            columns.push(Column {
                heading: text.col_change(),
                numeric: true,
            });
        }
        scores_table(ui, instrument, "", &columns, &|_, dimension| {
            let score = scores.dimension(&dimension.id);
            let cells = html! {
                <>
                    <td class="num">{ text.score(bands, score.and_then(|s| s.mean())) }</td>
                    <td>{ band_badge(ui, bands, score.and_then(|s| s.band(bands))) }</td>
                    if let Some(previous) = previous {
                        <td class="num">
                            { change_cell(ui, insight::change(bands, scores, &previous.scores, &dimension.id)) }
                        </td>
                    }
                </>
            };
            Some((None, cells))
        })
    });

    html! {
        <>
            <div class={classes!("overall", band_class(scores.overall_band(bands)))}>
                <h2 class="overall-label">{ text.overall() }</h2>
                if let (Some(overall), Some(percent)) = (scores.overall(), scores.overall_percent(points)) {
                    <p class="overall-score">
                        <span class="overall-number">{ text.out_of_five(&text.mean(bands, overall), usize::from(points)) }</span>
                        <span class="overall-percent">{ text.out_of_hundred(usize::from(percent), 100) }</span>
                        { band_badge(ui, bands, scores.overall_band(bands)) }
                    </p>
                    <p class="band-scale">{ text.band_scale_line(bands) }</p>
                } else {
                    <p>{ text.not_enough_overall() }</p>
                }
            </div>

            if !strongest.is_empty() {
                <div class="highlights">
                    <div class="highlight highlight-strong">
                        <h2>{ text.strongest() }</h2>
                        { highlight_list(&strongest) }
                    </div>
                    if !weakest.is_empty() {
                        <div class="highlight highlight-weak">
                            <h2>{ text.weakest() }</h2>
                            { highlight_list(&weakest) }
                        </div>
                    }
                </div>
            }

            if complete {
                <div class="chart-and-table">
                    <figure class="chart">
                        { radar(ui, instrument, &[scoring::means(instrument, scores)], &text.chart_description(instrument.dimensions.len(), usize::from(instrument.scale.points()))) }
                    </figure>
                    { for table }
                    if let Some(previous) = previous {
                        <p class="hint">{ text.change_since(&text.date(previous.finished_at)) }</p>
                    }
                </div>

                <h2>{ text.next_steps() }</h2>
                <p>{ text.next_steps_intro() }</p>
                <div class="advice-list">
                    { for insight::by_need(instrument, scores).into_iter().map(|(dimension, mean)| {
                        let band = mean.map(|m| bands.of(m));
                        let add = |r: &Recommendation, id: &str| if planning {
                            add_button(ui, assessment, &dimension.id, What::Advice(r.id.clone()), id)
                        } else {
                            Html::default()
                        };
                        let low = insight::low_answers(points, dimension, &assessment.answers);
                        html! {
                            <article class={classes!("advice", band_class(band))}>
                                <h3>
                                    <span>{ &dimension.name }</span>
                                    { band_badge(ui, bands, band) }
                                </h3>
                                { match insight::advice(dimension, band) {
                                    Advice::Actions(actions) => html! {
                                        <ul>{ for actions.iter().map(|r| {
                                            let id = format!("advice-{}-{}", dimension.id, r.id);
                                            html! { <li><span id={id.clone()}>{ &r.text }</span>{ " " }{ add(r, &id) }</li> }
                                        }) }</ul>
                                    },
                                    Advice::KeepUp(lines) => html! {
                                        { for lines.iter().map(|r| {
                                            let id = format!("advice-{}-{}", dimension.id, r.id);
                                            html! {
                                                <p>
                                                    <strong>{ text.keep_it_up() }</strong>{ " " }
                                                    <span id={id.clone()}>{ &r.text }</span>{ " " }{ add(r, &id) }
                                                </p>
                                            }
                                        }) }
                                    },
                                    Advice::NotEnoughAnswers => html! { <p>{ text.not_enough_advice() }</p> },
                                } }
                                if !low.is_empty() {
                                    <h4 class="low-heading">{ text.low_answers_heading() }</h4>
                                    <ul class="low-answers">{ for low.iter().map(|(statement, r)| {
                                        let id = format!("advice-{}-{}", dimension.id, r.id);
                                        let answer = assessment.answers.get(&statement.id).map_or("", |a| a.label(instrument));
                                        html! {
                                            <li>
                                                <p class="low-statement">{ text.low_answer(&statement.text, answer) }</p>
                                                <span id={id.clone()}>{ &r.text }</span>{ " " }{ add(r, &id) }
                                            </li>
                                        }
                                    }) }</ul>
                                }
                            </article>
                        }
                    }) }
                </div>
            }
        </>
    }
}
