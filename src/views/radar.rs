use crate::views::widgets::Ui;
use rapport_core::{Band, Instrument};
use std::f64::consts::PI;
use std::fmt::Write;
use yew::prelude::*;

/// Radius of the outer ring (the scale's top point), in viewBox units.
const RADIUS: f64 = 120.0;
/// Labels longer than this wrap onto a second line.
const LABEL_WIDTH: usize = 16;
const LINE_HEIGHT: i32 = 15;

/// A point of the chart in whole viewBox units: fine enough for a 480-unit chart, and
/// short to write in the SVG.
#[derive(Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

/// The unit vector of axis `i` of `n`, clockwise from the top.
fn direction(i: usize, n: usize) -> (f64, f64) {
    let angle = -PI / 2.0 + i as f64 * 2.0 * PI / n as f64;
    (angle.cos(), angle.sin())
}

fn at(direction: (f64, f64), distance: f64) -> Point {
    Point {
        x: (direction.0 * distance).round() as i32,
        y: (direction.1 * distance).round() as i32,
    }
}

/// Distance from the centre of a score on a scale of `points`: 1 at the centre, the top
/// point on the outer ring.
fn distance(points: u8, score: f64) -> f64 {
    (score - 1.0) / f64::from(points.max(2) - 1) * RADIUS
}

fn points(points: impl Iterator<Item = Point>) -> String {
    points.fold(String::new(), |mut s, p| {
        let _ = write!(s, "{},{} ", p.x, p.y);
        s
    })
}

/// Dimension scores as an inline-SVG radar chart: 1 at the centre, the scale's top point
/// (5) at the edge, a ring at each point, the band thresholds (3.0 and 4.0) drawn as
/// marked rings. Each series holds one score
/// (or none) per dimension; a second series is drawn dashed in another colour. With one
/// series each axis label carries its score. A table beside it carries the same numbers
/// for screen readers and print.
pub fn radar(
    ui: &Ui,
    instrument: &Instrument,
    series: &[Vec<Option<f64>>],
    description: &str,
) -> Html {
    let n = instrument.dimensions.len().max(1);
    let directions: Vec<(f64, f64)> = (0..n).map(|i| direction(i, n)).collect();
    let top = instrument.scale.points();
    let bands = &instrument.bands;
    let distance = |score: f64| distance(top, score);
    let ring = |score: f64| points(directions.iter().map(|&d| at(d, distance(score))));
    let thresholds = [Band::Discuss, Band::Strength].map(|b| bands.threshold(b));
    let plain_rings = (2..=top).map(f64::from).filter(|s| !thresholds.contains(s));
    let single = series.len() == 1;
    let none = Vec::new();
    let means = if single { &series[0] } else { &none };

    html! {
        <svg
            class="radar"
            viewBox="-240 -190 480 380"
            role="img"
            aria-labelledby="radar-title radar-desc"
            focusable="false"
        >
            <title id="radar-title">{ ui.text.chart_title() }</title>
            <desc id="radar-desc">{ description }</desc>
            { for plain_rings.map(|s| html! {
                <polygon class="ring" points={ring(s)} />
            }) }
            { for directions.iter().map(|&d| {
                let end = at(d, RADIUS);
                html! { <line class="axis" x1="0" y1="0" x2={end.x.to_string()} y2={end.y.to_string()} /> }
            }) }
            { for thresholds.into_iter().map(|s| {
                let top = -distance(s).round() as i32;
                html! {
                    <g class="threshold">
                        <polygon class="ring ring-threshold" points={ring(s)} />
                        <text class="ring-label" x="4" y={(top - 3).to_string()}>{ ui.text.mean(bands, s) }</text>
                    </g>
                }
            }) }
            { for series.iter().enumerate().map(|(k, values)| {
                // A dimension without a score sits at the centre; its label shows a dash.
                let shape = points(
                    directions
                        .iter()
                        .zip(values)
                        .map(|(&d, m)| at(d, distance(m.unwrap_or(1.0)))),
                );
                html! {
                    <g class={format!("series series-{k}")}>
                        <polygon class="score-shape" points={shape} />
                        { for directions.iter().zip(values).filter_map(|(&d, m)| m.map(|m| {
                            let p = at(d, distance(m));
                            html! { <circle class="score-dot" cx={p.x.to_string()} cy={p.y.to_string()} r="4" /> }
                        })) }
                    </g>
                }
            }) }
            { for instrument.dimensions.iter().zip(&directions).enumerate().map(|(i, (dimension, &d))| {
                let anchor_point = at(d, RADIUS + 14.0);
                let anchor = if d.0 > 0.3 { "start" } else if d.0 < -0.3 { "end" } else { "middle" };
                let lines = wrap(&dimension.name, LABEL_WIDTH);
                let score = means.get(i).map(|m| ui.text.score(bands, *m));
                // The label and its score line grow away from the chart: upwards at the
                // top, downwards at the bottom, centred at the sides.
                let height = LINE_HEIGHT * (lines.len() as i32 + i32::from(score.is_some()));
                let first_baseline = if d.1 < -0.5 {
                    anchor_point.y - height + LINE_HEIGHT
                } else if d.1 > 0.5 {
                    anchor_point.y + 12
                } else {
                    anchor_point.y - height / 2 + 11
                };
                let x = anchor_point.x.to_string();
                let y = |l: usize| (first_baseline + LINE_HEIGHT * l as i32).to_string();
                let scored = lines.len();
                // A text element per line, not lines as positioned spans of one: WebKit
                // lays out a right-to-left text's spans as one line and then cuts it
                // where the spans start, so Arabic labels came out in pieces.
                html! {
                    <g class="axis-label">
                        { for lines.into_iter().enumerate().map(|(l, line)| html! {
                            <text x={x.clone()} y={y(l)} text-anchor={anchor}>{ line }</text>
                        }) }
                        if let Some(score) = score {
                            <text class="axis-score" x={x.clone()} y={y(scored)} text-anchor={anchor}>{ score }</text>
                        }
                    </g>
                }
            }) }
        </svg>
    }
}

/// Splits a label into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}
