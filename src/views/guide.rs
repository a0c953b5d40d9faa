//! The conversation guide: a compared set of results turned into the agenda of a review
//! meeting, to print. For a team it names no one: only how far answers range.

use crate::browser;
use crate::state::{Action, CompareMsg, Entry};
use crate::views::widgets::{Ui, SCREEN_TITLE};
use rapport_core::guide::{guide, Reason, MEETING_MINUTES};
use rapport_core::{Answers, Response, Scores};
use yew::prelude::*;

/// The agenda for `entries` (two or more results compared), with a print button and a
/// way back to the comparison.
pub fn guide_view(ui: &Ui, entries: &[Entry]) -> Html {
    let instrument = entries.first().map_or(ui.current(), |e| {
        ui.instrument_or_current(&e.instrument_id, e.instrument_version)
    });
    let text = &*ui.text;
    let results: Vec<(&Answers, &Scores)> =
        entries.iter().map(|e| (&e.answers, &e.scores)).collect();
    let back = {
        let dispatch = ui.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Compare(CompareMsg::Guide(false)));
            browser::after_paint(|| {
                browser::focus_id(SCREEN_TITLE);
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    let label = |level: u8| Response::agreement(level).map_or("", |r| r.label(instrument));
    let item = |title: &str, minutes: u32, body: Html| {
        html! {
            <li class="agenda-item">
                <h2>{ title }<span class="agenda-time">{ text.guide_minutes(minutes as usize) }</span></h2>
                { body }
            </li>
        }
    };
    let agenda = guide(instrument, &results);
    html! {
        <div class="screen guide">
            <h1 id={SCREEN_TITLE} tabindex="-1">{ text.guide_title() }</h1>
            <p>{ text.guide_intro(MEETING_MINUTES as usize) }</p>
            if let Some(agenda) = agenda {
                <ol class="agenda">
                    { item(text.guide_opening_title(), agenda.opening, html! { <p>{ text.guide_opening() }</p> }) }
                    if agenda.items.is_empty() {
                        { item(text.guide_prompts(), agenda.free, html! { <p>{ text.guide_nothing() }</p> }) }
                    }
                    { for agenda.items.iter().map(|i| item(&i.dimension.name, i.minutes, html! {
                        <>
                            <p class="agenda-reason">
                                { match i.reason {
                                    Reason::Gap(tenths) => text.guide_gap(&text.decimal(tenths)),
                                    Reason::Concern(mean) => text.guide_concern(&text.mean(&instrument.bands, mean)),
                                } }
                            </p>
                            if !i.questions.is_empty() {
                                <h3>{ text.guide_questions() }</h3>
                                <ul>
                                    { for i.questions.iter().map(|q| html! {
                                        <li>
                                            <p>{ text.guide_question(&q.statement.text) }</p>
                                            <p class="hint">{ text.answer_range(label(q.lowest), label(q.highest)) }</p>
                                        </li>
                                    }) }
                                </ul>
                            }
                            <h3>{ text.guide_prompts() }</h3>
                            <ul>{ for i.prompts.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                        </>
                    })) }
                    { item(text.guide_closing_title(), agenda.closing, html! { <p>{ text.guide_closing() }</p> }) }
                </ol>
            }
            <div class="actions no-print">
                <button type="button" class="primary" onclick={print}>{ text.print_guide() }</button>
                <button type="button" class="secondary" onclick={back}>{ text.back_to_compare() }</button>
            </div>
        </div>
    }
}
