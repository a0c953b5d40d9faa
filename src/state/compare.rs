//! Comparing results: pasted codes and links, and checks picked from history.

use crate::state::model::{AppState, Comparison, Entry, Screen, Source};
use rapport_core::{code, Assessment};
use std::rc::Rc;

pub enum CompareMsg {
    Show,
    Run {
        input: String,
        picks: Vec<String>,
    },
    /// Compare a shared result with this person's latest check.
    WithMine(Rc<Assessment>),
    /// Show the conversation guide for the comparison (true), or the comparison again.
    Guide(bool),
}

impl AppState {
    /// Applies a compare message.
    pub fn on_compare(&mut self, msg: CompareMsg) -> bool {
        match msg {
            CompareMsg::Show => return self.go(Screen::Compare),
            CompareMsg::Run { input, picks } => self.compare(input, picks),
            CompareMsg::WithMine(shared) => {
                // This person's latest check of the shared result's version: another
                // version's could not be compared with it.
                let same = |a: &&Assessment| {
                    (&a.instrument_id, a.instrument_version)
                        == (&shared.instrument_id, shared.instrument_version)
                };
                let picks = self
                    .history
                    .assessments()
                    .iter()
                    .filter(|a| !a.received)
                    .find(same)
                    .or(self.latest_own())
                    .map(|a| a.id.clone())
                    .into_iter()
                    .collect();
                self.compare(shared.id.clone(), picks);
            }
            CompareMsg::Guide(on) => {
                if self.comparison.guide == on || self.comparison.entries.len() < 2 {
                    return false;
                }
                Rc::make_mut(&mut self.comparison).guide = on;
            }
        }
        true
    }

    /// Reads `input` (codes or links, one per line) and the picked checks, and shows
    /// what came of them.
    pub(crate) fn compare(&mut self, input: String, picks: Vec<String>) {
        let mut comparison = Comparison {
            done: true,
            ..Comparison::default()
        };
        // This person's own checks first, so "Compare with mine" shows theirs as A. A
        // check of a questionnaire this page does not run is set aside at once: it cannot
        // be shown, nor coded, with another's statements.
        let mut elsewhere = Vec::new();
        for a in self.history.assessments() {
            if picks.contains(&a.id) {
                let here = self
                    .instruments
                    .all()
                    .iter()
                    .any(|i| i.id == a.instrument_id);
                let entries = if here {
                    &mut comparison.entries
                } else {
                    &mut elsewhere
                };
                entries.push(Entry {
                    source: Source::History {
                        at: a.finished_at,
                        received: a.received,
                    },
                    name: a.name.clone(),
                    code: code::encode(
                        self.instruments
                            .get(&a.instrument_id, a.instrument_version)
                            .unwrap_or(self.instruments.current()),
                        &a.answers,
                        "",
                    ),
                    instrument_id: a.instrument_id.clone(),
                    instrument_version: a.instrument_version,
                    answers: a.answers.clone(),
                    scores: a.scores.clone(),
                });
            }
        }
        let list = code::read_list(&input, self.known());
        comparison
            .entries
            .extend(list.found.into_iter().map(|listed| {
                let assessment = listed.decoded.into_assessment(listed.code, 0);
                Entry {
                    source: Source::Line(listed.line),
                    name: assessment.name,
                    code: assessment.id,
                    instrument_id: assessment.instrument_id,
                    instrument_version: assessment.instrument_version,
                    answers: assessment.answers,
                    scores: assessment.scores,
                }
            }));
        // One version is compared: the one most results answer (of equal counts, the
        // first result's). Versions ask different statements, so a score of one says
        // nothing about the same score of another.
        let mut counts: Vec<((&str, u32), usize)> = Vec::new();
        for e in &comparison.entries {
            let version = (e.instrument_id.as_str(), e.instrument_version);
            match counts.iter_mut().find(|(v, _)| *v == version) {
                Some((_, n)) => *n += 1,
                None => counts.push((version, 1)),
            }
        }
        // In order of first appearance, so `max_by_key`'s last-wins ties need reversing.
        let chosen = counts
            .iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .map(|((id, version), _)| ((*id).to_owned(), *version));
        if let Some(version) = chosen {
            let (same, other): (Vec<Entry>, Vec<Entry>) = comparison
                .entries
                .drain(..)
                .partition(|e| e.instrument_id == version.0 && e.instrument_version == version.1);
            comparison.entries = same;
            comparison.set_aside = other;
        }
        comparison.set_aside.extend(elsewhere);
        comparison.problems = list.problems;
        comparison.too_large = list.too_large;
        comparison.input = input;
        comparison.picks = picks;
        self.comparison = Rc::new(comparison);
        self.go(Screen::Compare);
    }
}
