//! A partnership over time, on the history screen: the overall score and one chosen
//! dimension for each of its checks, as an inline-SVG line chart with the 3.0 and 4.0
//! band thresholds marked, and a table with the same numbers for screen readers and
//! print.

use crate::state::{Action, HistoryMsg};
use crate::views::widgets::{picked, Ui};
use rapport_core::partnership::{Partnership, TrendPoint};
use rapport_core::{Band, Dimension};
use yew::prelude::*;

/// The chart's size in viewBox units, and its plot area inside.
const WIDTH: i32 = 360;
const HEIGHT: i32 = 200;
const LEFT: i32 = 34;
const RIGHT: i32 = 12;
const TOP: i32 = 12;
const BOTTOM: i32 = 34;

/// The height of a score on a scale of `points`: 1 at the bottom of the plot, the top
/// point (5) at the top.
fn height(points: u8, score: f64) -> i32 {
    let top = f64::from(points.max(2));
    TOP + ((top - score) / (top - 1.0) * f64::from(HEIGHT - TOP - BOTTOM)).round() as i32
}

/// Where the `i`th of `n` checks sits along the time axis, oldest on the left.
fn x(i: usize, n: usize) -> i32 {
    let span = WIDTH - LEFT - RIGHT;
    match n {
        0 | 1 => LEFT + span / 2,
        _ => LEFT + (span as usize * i / (n - 1)) as i32,
    }
}

/// The partnerships with two checks or more, the one shown (`chosen`, by name, or the
/// first) and its chart for `dimension` (the dimension id; the latest check's weakest
/// when `None`). Nothing when no partnership has two checks.
pub fn trend_view(
    ui: &Ui,
    partnerships: &[Partnership],
    chosen: Option<&str>,
    dimension: Option<&str>,
) -> Html {
    let text = &*ui.text;
    let over_time: Vec<&Partnership> = partnerships
        .iter()
        .filter(|p| p.over_time().len() > 1)
        .collect();
    let Some(shown) = chosen
        .and_then(|name| over_time.iter().find(|p| p.name == name))
        .or(over_time.first())
    else {
        return Html::default();
    };
    // The latest check's dimensions, then any only earlier versions had: a dimension
    // that carries over between versions keeps its id, and its line goes on.
    let instrument = ui.of(shown.latest());
    let mut dimensions: Vec<&Dimension> = instrument.dimensions.iter().collect();
    for check in shown.over_time() {
        for d in &ui.of(check).dimensions {
            if !dimensions.iter().any(|known| known.id == d.id) {
                dimensions.push(d);
            }
        }
    }
    let dimension = dimension
        .and_then(|id| dimensions.iter().copied().find(|d| d.id == id))
        .or_else(|| {
            rapport_core::insight::by_need(instrument, &shown.latest().scores)
                .first()
                .map(|(d, _)| *d)
        });
    let Some(dimension) = dimension else {
        return Html::default();
    };
    let (points, bands) = (instrument.scale.points(), &instrument.bands);
    let y = |score: f64| height(points, score);
    // A line at each point and at each band's threshold (2.5 as well as 3), once each.
    let thresholds = [Band::Discuss, Band::Strength].map(|b| bands.threshold(b));
    let mut lines: Vec<f64> = (1..=points).map(f64::from).chain(thresholds).collect();
    lines.sort_by(f64::total_cmp);
    lines.dedup();
    let history_points = shown.trend(&dimension.id);
    let n = history_points.len();
    // Where the questionnaire's version changed: scores either side answer different
    // statements, so the chart and the table mark it.
    let version_changes: Vec<usize> = (1..n)
        .filter(|&i| {
            let (a, b) = (history_points[i - 1].check, history_points[i].check);
            (&a.instrument_id, a.instrument_version) != (&b.instrument_id, b.instrument_version)
        })
        .collect();
    let line = |pick: fn(&TrendPoint) -> Option<f64>| {
        let mut d = String::new();
        for (i, p) in history_points.iter().enumerate() {
            if let Some(score) = pick(p) {
                let command = if d.is_empty() { 'M' } else { 'L' };
                d.push_str(&format!("{command}{},{} ", x(i, n), y(score)));
            }
        }
        d
    };
    let pick_partnership = {
        let names: Vec<String> = over_time.iter().map(|p| p.name.to_owned()).collect();
        ui.on_input(move |name| {
            let name = picked(&names, &name, String::as_str)?;
            Some(Action::History(HistoryMsg::TrendOf(name.clone())))
        })
    };
    let pick_dimension = {
        let ids: Vec<String> = dimensions.iter().map(|d| d.id.clone()).collect();
        ui.on_input(move |id| {
            let id = picked(&ids, &id, String::as_str)?;
            Some(Action::History(HistoryMsg::TrendDimension(id.clone())))
        })
    };
    let shown_name = text.name_or_unnamed(shown.name);
    let day = |at: u64| text.day_of(at);
    let series = [
        (0, line(|p| p.overall), text.overall()),
        (1, line(|p| p.dimension), dimension.name.as_str()),
    ];

    html! {
        <section class="trend" aria-labelledby="trend-title">
            <h2 id="trend-title">{ text.trend_title() }</h2>
            <div class="trend-pickers">
                if over_time.len() > 1 {
                    <div class="field">
                        <label for="trend-of">{ text.trend_partnership() }</label>
                        <select id="trend-of" oninput={pick_partnership}>
                            { for over_time.iter().map(|p| html! {
                                <option value={p.name.to_owned()} selected={p.name == shown.name}>{ text.name_or_unnamed(p.name) }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label for="trend-dimension">{ text.col_dimension() }</label>
                    <select id="trend-dimension" oninput={pick_dimension}>
                        { for dimensions.iter().map(|d| html! {
                            <option value={d.id.clone()} selected={d.id == dimension.id}>{ &d.name }</option>
                        }) }
                    </select>
                </div>
            </div>
            <figure class="trend-chart">
                <svg class="trend-svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                    aria-labelledby="trend-svg-title trend-svg-desc" focusable="false">
                    <title id="trend-svg-title">{ text.trend_chart_title(shown_name) }</title>
                    <desc id="trend-svg-desc">{ text.trend_chart_description(&dimension.name, &text.mean(bands, bands.threshold(Band::Discuss)), &text.mean(bands, bands.threshold(Band::Strength))) }</desc>
                    { for lines.iter().map(|&s| {
                        let threshold = thresholds.contains(&s);
                        html! {
                            <g>
                                <line class={threshold.then_some("trend-threshold")}
                                    x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                                    y1={y(s).to_string()} y2={y(s).to_string()} />
                                <text x={(LEFT - 8).to_string()} y={(y(s) + 4).to_string()} text-anchor="end">{ text.mean(bands, s) }</text>
                            </g>
                        }
                    }) }
                    { for version_changes.iter().map(|&i| {
                        let at = (x(i - 1, n) + x(i, n)) / 2;
                        html! {
                            <line class="trend-version" x1={at.to_string()} x2={at.to_string()}
                                y1={y(f64::from(points)).to_string()} y2={y(1.0).to_string()} />
                        }
                    }) }
                    { for series.iter().map(|(k, d, _)| html! {
                        <g class={format!("trend-series-{k}")}>
                            <path class="trend-line" d={d.clone()} />
                        </g>
                    }) }
                    { for history_points.iter().enumerate().map(|(i, p)| html! {
                        <g>
                            if let Some(s) = p.overall {
                                <circle cx={x(i, n).to_string()} cy={y(s).to_string()} r="4" />
                            }
                            if let Some(s) = p.dimension {
                                <g class="trend-series-1"><circle cx={x(i, n).to_string()} cy={y(s).to_string()} r="4" /></g>
                            }
                        </g>
                    }) }
                    // The first and last dates under the axis; the table has every one.
                    { for [0, n - 1].into_iter().map(|i| html! {
                        <text class="trend-date" x={x(i, n).to_string()} y={(HEIGHT - BOTTOM + 22).to_string()}
                            text-anchor={if i == 0 { "start" } else { "end" }}>
                            { day(history_points[i].check.finished_at) }
                        </text>
                    }) }
                </svg>
                <ul class="trend-legend">
                    { for series.iter().map(|(k, _, label)| html! {
                        <li><span class={format!("trend-swatch trend-series-{k}")} aria-hidden="true"></span><span>{ *label }</span></li>
                    }) }
                </ul>
                { for version_changes.iter().map(|&i| {
                    let check = history_points[i].check;
                    html! {
                        <p class="trend-version-note">
                            { text.trend_version_changed(check.instrument_version as usize, &day(check.finished_at)) }
                        </p>
                    }
                }) }
            </figure>
            <table class="scores trend-table">
                <caption>{ text.trend_caption(shown_name, usize::from(points)) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ text.col_date() }</th>
                        <th scope="col" class="num">{ text.overall() }</th>
                        <th scope="col" class="num">{ &dimension.name }</th>
                        <th scope="col" class="num">{ text.col_version() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for history_points.iter().map(|p| html! {
                        <tr>
                            <th scope="row">{ day(p.check.finished_at) }</th>
                            <td class="num">{ text.score(bands, p.overall) }</td>
                            <td class="num">{ text.score(bands, p.dimension) }</td>
                            <td class="num">{ text.number(p.check.instrument_version as usize) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
