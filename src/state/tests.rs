//! The reducer's tests: the walk-through, history, comparing and sharing as a person
//! would use them, run natively.

use super::*;
use rapport_core::code::{self, CodeError, LineProblem, MAX_LIST_BYTES};
use rapport_core::exchange;
use rapport_core::store::ReadError;
use rapport_core::{Draft, Instrument, Instruments, Response};

fn instrument() -> Rc<Instruments> {
    Rc::new(rapport_core::fixtures::instruments())
}

fn start(loaded: Loaded) -> Rc<AppState> {
    Rc::new(AppState::new(instrument(), loaded))
}

fn apply(state: Rc<AppState>, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}

/// Answers every statement of `step` with `level`.
fn answer_step(state: &AppState, step: usize, level: u8) -> Vec<Action> {
    state.draft_instrument().dimensions[step]
        .statements
        .iter()
        .map(|s| {
            Action::Walk(WalkMsg::Answer {
                statement: s.id.clone(),
                response: Response::agreement(level).unwrap(),
            })
        })
        .collect()
}

/// Answers every step, pressing Next after each but the last.
fn fill_all(mut state: Rc<AppState>) -> Rc<AppState> {
    state = apply(state, [Action::Walk(WalkMsg::Start)]);
    let steps = state.draft_instrument().dimensions.len();
    for step in 0..steps {
        let answers = answer_step(&state, step, 4);
        state = apply(state, answers);
        if step + 1 < steps {
            state = apply(state, [Action::Walk(WalkMsg::Next)]);
        }
    }
    state
}

fn finish(state: Rc<AppState>, id: &str, at: u64) -> Rc<AppState> {
    apply(
        state,
        [Action::Walk(WalkMsg::Finish {
            id: id.into(),
            finished_at: at,
        })],
    )
}

#[test]
fn next_with_unanswered_statements_stays_and_flags_them() {
    let s = apply(
        start(Loaded::default()),
        [Action::Walk(WalkMsg::Start), Action::Walk(WalkMsg::Next)],
    );
    assert_eq!(s.screen, Screen::Step(0));
    assert!(s.show_missing);
    let answers = answer_step(&s, 0, 3);
    let s = apply(s, answers.into_iter().chain([Action::Walk(WalkMsg::Next)]));
    assert_eq!(s.screen, Screen::Step(1));
    assert!(!s.show_missing);
}

#[test]
fn the_saved_draft_remembers_the_step_only_while_on_a_step() {
    let s = apply(start(Loaded::default()), [Action::Walk(WalkMsg::Start)]);
    let answers = answer_step(&s, 0, 3);
    let s = apply(s, answers.into_iter().chain([Action::Walk(WalkMsg::Next)]));
    assert_eq!(s.draft.step, Some(1));
    // A reload with this draft reopens step 2.
    let reloaded = start(Loaded {
        draft: Some((*s.draft).clone()),
        ..Loaded::default()
    });
    assert_eq!(reloaded.screen, Screen::Step(1));
    let s = apply(s, [Action::ShowWelcome]);
    assert_eq!(s.draft.step, None);
    let reloaded = start(Loaded {
        draft: Some((*s.draft).clone()),
        ..Loaded::default()
    });
    assert_eq!(reloaded.screen, Screen::Welcome);
    assert!(reloaded.has_unfinished());
}

#[test]
fn continue_opens_the_first_step_with_gaps() {
    let s = apply(start(Loaded::default()), [Action::Walk(WalkMsg::Start)]);
    let first = answer_step(&s, 0, 3);
    let third = answer_step(&s, 2, 3);
    let s = apply(
        s,
        first
            .into_iter()
            .chain(third)
            .chain([Action::ShowWelcome, Action::Walk(WalkMsg::Start)]),
    );
    assert_eq!(s.screen, Screen::Step(1));
}

#[test]
fn start_then_back_without_answers_leaves_nothing_unfinished() {
    let s = apply(
        start(Loaded::default()),
        [Action::Walk(WalkMsg::Start), Action::Walk(WalkMsg::Back)],
    );
    assert_eq!(s.screen, Screen::Welcome);
    assert!(!s.has_unfinished());
    assert_eq!(*s.draft, Draft::new(s.instruments.current(), String::new()));
}

#[test]
fn finishing_adds_to_history_and_keeps_the_name_for_next_time() {
    let s = apply(
        start(Loaded::default()),
        [Action::Walk(WalkMsg::SetName("River Trust".into()))],
    );
    let s = finish(fill_all(s), "a", 10);
    assert_eq!(s.screen, Screen::Results("a".into()));
    assert_eq!(s.history.assessments().len(), 1);
    // Agree throughout: 4 on each plain statement, 2 on each dimension's reversed one.
    let means: Vec<f64> = s
        .instruments
        .current()
        .dimensions
        .iter()
        .map(|d| {
            let n = d.statements.len() as f64;
            (4.0 * (n - 1.0) + 2.0) / n
        })
        .collect();
    let overall = s.history.get("a").unwrap().scores.overall().unwrap();
    assert!((overall - means.iter().sum::<f64>() / means.len() as f64).abs() < 1e-9);
    assert!(!s.has_unfinished());
    assert_eq!(s.draft.name, "River Trust");
}

#[test]
fn a_check_started_under_version_1_finishes_under_it_and_the_next_uses_the_current() {
    let instruments = instrument();
    let version_1 = &instruments.all()[0];
    let mut draft = Draft::new(version_1, "Harbour Alliance".into());
    let first = &version_1.dimensions[0].statements[0].id;
    draft.answers.set(first, Response::agreement(2).unwrap());
    draft.step = Some(0);
    let loaded = Loaded {
        draft: Some(draft),
        ..Loaded::default()
    };
    let s = start(loaded);
    assert_eq!(s.draft_instrument().version, 1);
    let s = finish(fill_all(s), "old", 10);
    let finished = s.history.get("old").unwrap();
    assert_eq!(finished.instrument_version, 1);
    assert_eq!(finished.scores.dimensions.len(), 8);
    assert_eq!(s.draft.instrument_version, instruments.current().version);
    assert_eq!(s.draft.name, "Harbour Alliance");
}

#[test]
fn finishing_with_a_gap_earlier_goes_back_to_it() {
    let s = fill_all(start(Loaded::default()));
    let mut draft = (*s.draft).clone();
    // Forget step 3's answers, as a hand-edited draft might.
    let ids: Vec<String> = s.draft_instrument().dimensions[2]
        .statements
        .iter()
        .map(|st| st.id.clone())
        .collect();
    let kept: rapport_core::Answers = s
        .draft_instrument()
        .statements()
        .filter(|st| !ids.contains(&st.id))
        .map(|st| (st.id.clone(), draft.answers.get(&st.id).unwrap()))
        .collect();
    draft.answers = kept;
    draft.step = Some(s.draft_instrument().dimensions.len() - 1);
    let s = finish(
        start(Loaded {
            draft: Some(draft),
            ..Loaded::default()
        }),
        "a",
        1,
    );
    assert_eq!(s.screen, Screen::Step(2));
    assert!(s.show_missing);
    assert!(s.history.is_empty());
}

#[test]
fn delete_all_keeps_storage_notices_and_says_what_happened() {
    let unreadable = Problem::Unreadable {
        what: Stored::History,
        why: ReadError::NoSchema,
        kept_as: None,
    };
    let loaded = Loaded {
        problems: vec![Problem::Full, unreadable],
        ..Loaded::default()
    };
    let s = finish(fill_all(start(loaded)), "a", 1);
    let s = apply(
        s,
        [
            Action::Ask(Question::DeleteAll),
            Action::History(HistoryMsg::DeleteAll),
        ],
    );
    assert!(s.history.is_empty());
    assert_eq!(s.asking, None);
    assert_eq!(
        s.notices,
        vec![Notice::Storage(Problem::Full), Notice::DeletedAll]
    );
    // Moving on clears the confirmation, not the storage notice.
    let s = apply(s, [Action::ShowHistory]);
    assert_eq!(s.notices, vec![Notice::Storage(Problem::Full)]);
}

#[test]
fn another_tabs_history_is_merged_not_taken_over() {
    let s = finish(fill_all(start(Loaded::default())), "mine", 2);
    let elsewhere = finish(fill_all(start(Loaded::default())), "theirs", 1);
    let s = apply(
        s,
        [Action::History(HistoryMsg::Stored(
            (*elsewhere.history).clone(),
        ))],
    );
    let ids: Vec<&str> = s
        .history
        .assessments()
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["mine", "theirs"]);
    // The same history again changes nothing, and renders nothing.
    let again = s.clone().reduce(Action::History(HistoryMsg::Stored(
        (*elsewhere.history).clone(),
    )));
    assert!(Rc::ptr_eq(&s, &again));
}

#[test]
fn delete_all_in_another_tab_is_followed_here() {
    let s = finish(fill_all(start(Loaded::default())), "a", 1);
    let s = apply(s, [Action::ShowWelcome, Action::Walk(WalkMsg::Start)]);
    let answers = answer_step(&s, 0, 2);
    let s = apply(
        s,
        answers
            .into_iter()
            .chain([Action::History(HistoryMsg::DeletedElsewhere)]),
    );
    assert!(s.history.is_empty());
    assert!(!s.has_unfinished());
    assert_eq!(s.screen, Screen::Welcome);
    assert!(s.notices.contains(&Notice::DeletedAll));
    let again = s
        .clone()
        .reduce(Action::History(HistoryMsg::DeletedElsewhere));
    assert!(Rc::ptr_eq(&s, &again));
}

#[test]
fn questions_are_asked_answered_and_dropped_on_navigation() {
    let s = finish(fill_all(start(Loaded::default())), "a", 1);
    let s = apply(
        s,
        [
            Action::ShowHistory,
            Action::Ask(Question::Delete("a".into())),
        ],
    );
    assert_eq!(s.asking, Some(Question::Delete("a".into())));
    let s = apply(s, [Action::KeepIt]);
    assert_eq!(s.asking, None);
    assert_eq!(s.history.assessments().len(), 1);
    let s = apply(s, [Action::Ask(Question::DeleteAll), Action::ShowWelcome]);
    assert_eq!(s.asking, None);
    let s = apply(
        s,
        [
            Action::ShowHistory,
            Action::Ask(Question::Delete("a".into())),
            Action::History(HistoryMsg::Delete("a".into())),
        ],
    );
    assert_eq!(s.asking, None);
    assert!(s.history.is_empty());
}

#[test]
fn nothing_new_means_no_new_state() {
    let s = apply(start(Loaded::default()), [Action::Walk(WalkMsg::Start)]);
    let answers = answer_step(&s, 0, 3);
    let s = apply(s, answers);
    let same = s.clone().reduce(Action::Walk(WalkMsg::Answer {
        statement: s.draft_instrument().dimensions[0].statements[0].id.clone(),
        response: Response::agreement(3).unwrap(),
    }));
    assert!(Rc::ptr_eq(&s, &same));
    let s = apply(s, [Action::Notice(NoticeMsg::Storage(Problem::Full))]);
    let same = s
        .clone()
        .reduce(Action::Notice(NoticeMsg::Storage(Problem::Full)));
    assert!(Rc::ptr_eq(&s, &same));
}

fn code_of(state: &AppState, id: &str, name: &str) -> String {
    let a = state.history.get(id).unwrap();
    code::encode(state.instruments.current(), &a.answers, name)
}

#[test]
fn a_link_with_one_code_shows_it_and_saving_twice_keeps_one() {
    let mine = finish(fill_all(start(Loaded::default())), "mine", 1);
    let mut theirs_draft = Draft::new(mine.instruments.current(), String::new());
    for s in mine.instruments.current().statements() {
        theirs_draft
            .answers
            .set(&s.id, Response::agreement(2).unwrap());
    }
    let code = code::encode(mine.instruments.current(), &theirs_draft.answers, "River");
    let opened = apply(
        mine.clone(),
        [Action::Share(ShareMsg::OpenLink(format!("#{code}")))],
    );
    let Screen::Shared(shared) = &opened.screen else {
        panic!("not shown: {:?}", opened.screen);
    };
    assert_eq!(shared.name, "River");
    assert_eq!(opened.history, mine.history, "opening saves nothing");

    let saved = apply(opened, [Action::Share(ShareMsg::Save(5))]);
    assert_eq!(saved.history.assessments().len(), 2);
    assert!(saved.history.get(&code).unwrap().received);
    assert_eq!(saved.screen, Screen::Results(code.clone()));
    let again = apply(
        saved.clone(),
        [
            Action::Share(ShareMsg::OpenLink(code)),
            Action::Share(ShareMsg::Save(6)),
        ],
    );
    assert_eq!(again.history, saved.history);
    assert_eq!(again.notices, [Notice::AlreadySaved]);
}

#[test]
fn compare_reads_good_lines_and_names_bad_ones() {
    let s = finish(fill_all(start(Loaded::default())), "mine", 1);
    let code = code_of(&s, "mine", "");
    let input = format!(
        "{code}\n\nnot a code\nhttps://x.org/#{code},{code}\n{}",
        &code[..20]
    );
    let s = apply(
        s,
        [Action::Compare(CompareMsg::Run {
            input: input.clone(),
            picks: vec!["mine".into()],
        })],
    );
    let c = &s.comparison;
    assert_eq!(s.screen, Screen::Compare);
    assert_eq!(c.input, input);
    let sources: Vec<&Source> = c.entries.iter().map(|e| &e.source).collect();
    assert_eq!(
        sources,
        [
            &Source::History {
                at: 1,
                received: false
            },
            &Source::Line(1),
            &Source::Line(4),
            &Source::Line(4)
        ]
    );
    assert_eq!(
        c.problems,
        [
            LineProblem {
                line: 3,
                error: CodeError::NotACode
            },
            LineProblem {
                line: 5,
                error: CodeError::Incomplete
            },
        ]
    );
}

#[test]
fn a_comparison_link_opens_compare_even_with_encoded_commas() {
    let s = finish(fill_all(start(Loaded::default())), "mine", 1);
    let code = code_of(&s, "mine", "");
    let s = apply(
        s,
        [Action::Share(ShareMsg::OpenLink(format!(
            "#{code}%2C{code}%2c{code}"
        )))],
    );
    assert_eq!(s.screen, Screen::Compare);
    assert_eq!(s.comparison.entries.len(), 3);
    assert!(s.comparison.problems.is_empty());
}

#[test]
fn a_preset_name_fills_only_an_empty_fresh_check() {
    let mut fresh = AppState::new(instrument(), Loaded::default());
    fresh.preset_name("River Trust");
    assert_eq!(fresh.draft.name, "River Trust");
    let typed = apply(
        start(Loaded::default()),
        [Action::Walk(WalkMsg::SetName("Mine".into()))],
    );
    let mut typed = (*typed).clone();
    typed.preset_name("River Trust");
    assert_eq!(typed.draft.name, "Mine");
}

#[test]
fn a_paste_over_100_kb_is_refused_whole() {
    let s = start(Loaded::default());
    let s = apply(
        s,
        [Action::Compare(CompareMsg::Run {
            input: "x".repeat(MAX_LIST_BYTES + 1),
            picks: vec![],
        })],
    );
    assert!(s.comparison.too_large);
    assert!(s.comparison.entries.is_empty() && s.comparison.problems.is_empty());
}

#[test]
fn import_adds_new_checks_and_a_bad_file_changes_nothing() {
    let s = finish(fill_all(start(Loaded::default())), "a", 1);
    let file = exchange::to_json(s.history.assessments());
    let emptied = apply(s.clone(), [Action::History(HistoryMsg::DeleteAll)]);
    let back = apply(
        emptied,
        [Action::History(HistoryMsg::Import {
            file: "rapport.json".into(),
            text: Ok(file.clone()),
        })],
    );
    assert_eq!(back.history, s.history);
    let bad = apply(
        back.clone(),
        [Action::History(HistoryMsg::Import {
            file: "other.json".into(),
            text: Ok("{\"x\": 1}".into()),
        })],
    );
    assert_eq!(bad.history, back.history);
    assert!(
        matches!(&bad.notices[..], [Notice::ImportFailed { file, .. }] if file == "other.json")
    );
}

#[test]
fn a_waiting_new_version_is_offered_once_and_stays_while_the_person_works() {
    let s = start(Loaded::default());
    let update = || Action::Notice(NoticeMsg::UpdateReady);
    let s = apply(s, [update(), update()]);
    assert_eq!(s.notices, [Notice::UpdateReady]);
    // Answering, moving on and deleting everything leave it: only a reload or Dismiss
    // ends it.
    let s = finish(fill_all(s), "a", 1);
    let s = apply(
        s,
        [
            Action::ShowHistory,
            Action::Ask(Question::DeleteAll),
            Action::History(HistoryMsg::DeleteAll),
        ],
    );
    assert!(s.history.is_empty());
    assert_eq!(s.notices, [Notice::UpdateReady, Notice::DeletedAll]);
    let at = s
        .notices
        .iter()
        .position(|n| *n == Notice::UpdateReady)
        .unwrap();
    let s = apply(s, [Action::Notice(NoticeMsg::Dismiss(at))]);
    assert!(!s.notices.contains(&Notice::UpdateReady));
}

#[test]
fn results_draw_their_top_first_and_the_rest_once_painted() {
    let s = finish(fill_all(start(Loaded::default())), "a", 1);
    assert_eq!(s.screen, Screen::Results("a".into()));
    assert!(
        !s.results_painted,
        "the first frame of new results shows only their top"
    );
    let s = apply(s, [Action::ResultsPainted]);
    assert!(s.results_painted);
    // Said twice (a late frame), nothing changes and nothing renders again.
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::ResultsPainted)));
    // Opening results again, from history, starts with their top again.
    let s = apply(s, [Action::ShowHistory, Action::ShowResults("a".into())]);
    assert!(!s.results_painted);
}

#[test]
fn a_plan_is_kept_with_its_check_and_only_own_checks_have_one() {
    use rapport_core::plan::{Change, Date, Status, What};
    let s = finish(fill_all(start(Loaded::default())), "a", 1);
    let advice = What::Advice("concern-1".into());
    let add = |what: What| {
        Action::Plan(PlanMsg::Add {
            check: "a".into(),
            dimension: "trust".into(),
            what,
            at: 5,
        })
    };
    let s = apply(s, [add(advice.clone()), add(What::Own(String::new()))]);
    let plan = &s.history.get("a").unwrap().plan;
    // Each change is stamped after the one before, even at the same moment.
    assert_eq!((plan.actions.len(), plan.changed_at), (2, 6));
    let change = |index, change| {
        Action::Plan(PlanMsg::Change {
            check: "a".into(),
            index,
            change,
            at: 9,
        })
    };
    let s = apply(
        s,
        [
            change(0, Change::Owner("Ana".into())),
            change(0, Change::Due(Date::parse("2027-03-01"))),
            change(1, Change::Status(Status::Done)),
        ],
    );
    let plan = &s.history.get("a").unwrap().plan;
    assert_eq!(plan.actions[0].owner, "Ana");
    assert_eq!(plan.actions[1].status, Status::Done);
    assert_eq!(plan.changed_at, 11);
    // The same recommendation twice, or a change that changes nothing: no new state.
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(add(advice))));
    assert!(Rc::ptr_eq(
        &s,
        &s.clone().reduce(change(0, Change::Owner("Ana".into())))
    ));
    let s = apply(
        s,
        [Action::Plan(PlanMsg::Remove {
            check: "a".into(),
            index: 0,
            at: 10,
        })],
    );
    assert_eq!(s.history.get("a").unwrap().plan.actions.len(), 1);

    // Someone else's result takes no plan.
    let theirs = code_of(&s, "a", "Kofi");
    let s = apply(
        s,
        [
            Action::Share(ShareMsg::OpenLink(format!("#{theirs}"))),
            Action::Share(ShareMsg::Save(20)),
        ],
    );
    let received = s.history.assessments().iter().find(|a| a.received).unwrap();
    let id = received.id.clone();
    let after = s.clone().reduce(Action::Plan(PlanMsg::Add {
        check: id,
        dimension: "trust".into(),
        what: What::Own("x".into()),
        at: 30,
    }));
    assert!(Rc::ptr_eq(&s, &after));
}

#[test]
fn a_partnership_picked_on_the_welcome_screen_starts_its_check_but_never_replaces_one() {
    let s = apply(
        start(Loaded::default()),
        [Action::Walk(WalkMsg::StartNamed("River Trust".into()))],
    );
    assert_eq!(s.screen, Screen::Step(0));
    assert_eq!(s.draft.name, "River Trust");
    let answers = answer_step(&s, 0, 3);
    let s = apply(s, answers.into_iter().chain([Action::ShowWelcome]));
    let after = s
        .clone()
        .reduce(Action::Walk(WalkMsg::StartNamed("Harbour".into())));
    assert!(Rc::ptr_eq(&s, &after));
    assert_eq!(after.draft.name, "River Trust");
}

#[test]
fn the_guide_opens_only_for_a_comparison_and_the_trend_remembers_its_choice() {
    let s = finish(fill_all(start(Loaded::default())), "a", 1);
    let guide = |on| Action::Compare(CompareMsg::Guide(on));
    // Nothing compared yet: no guide.
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(guide(true))));
    let code = code_of(&s, "a", "");
    let s = apply(
        s,
        [Action::Compare(CompareMsg::Run {
            input: format!("{code}\n{code}"),
            picks: vec![],
        })],
    );
    let s = apply(s, [guide(true)]);
    assert!(s.comparison.guide);
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(guide(true))));
    // A new comparison starts without it.
    let s = apply(
        s,
        [Action::Compare(CompareMsg::Run {
            input: code.clone(),
            picks: vec!["a".into()],
        })],
    );
    assert!(!s.comparison.guide);

    let s = apply(
        s,
        [
            Action::History(HistoryMsg::TrendOf("River Trust".into())),
            Action::History(HistoryMsg::TrendDimension("trust".into())),
        ],
    );
    assert_eq!(
        s.trend,
        TrendChoice {
            partnership: Some("River Trust".into()),
            dimension: Some("trust".into())
        }
    );
}

/// Each of these asks for what is already so: the state is the same `Rc`, so Yew
/// draws nothing again.
#[test]
fn asking_for_what_is_already_so_changes_nothing() {
    let named = apply(
        start(Loaded::default()),
        [Action::Walk(WalkMsg::SetName("Harbour".into()))],
    );
    let unchanged = |s: &Rc<AppState>, action: Action| {
        let after = s.clone().reduce(action);
        Rc::ptr_eq(s, &after)
    };
    assert!(unchanged(
        &named,
        Action::Walk(WalkMsg::SetName("Harbour".into()))
    ));
    assert!(!unchanged(
        &named,
        Action::Walk(WalkMsg::SetName("Harbor".into()))
    ));
    assert!(unchanged(
        &named,
        Action::Share(ShareMsg::OpenLink(String::new()))
    ));
    assert!(unchanged(&named, Action::ShowWelcome));
    assert!(unchanged(
        &named,
        Action::Share(ShareMsg::IncludeName(false))
    ));
    assert!(!unchanged(
        &named,
        Action::Share(ShareMsg::IncludeName(true))
    ));

    let history = apply(named.clone(), [Action::ShowHistory]);
    assert!(!Rc::ptr_eq(&named, &history));
    assert!(unchanged(&history, Action::ShowHistory));
    let trend = apply(
        history,
        [
            Action::History(HistoryMsg::TrendOf("harbour".into())),
            Action::History(HistoryMsg::TrendDimension("trust".into())),
        ],
    );
    assert!(unchanged(
        &trend,
        Action::History(HistoryMsg::TrendOf("harbour".into()))
    ));
    assert!(unchanged(
        &trend,
        Action::History(HistoryMsg::TrendDimension("trust".into()))
    ));
    assert!(!unchanged(
        &trend,
        Action::History(HistoryMsg::TrendDimension("goals".into()))
    ));

    let asked = apply(trend, [Action::Ask(Question::DeleteAll)]);
    assert!(unchanged(&asked, Action::Ask(Question::DeleteAll)));
    let missing = apply(
        asked,
        [Action::Walk(WalkMsg::Start), Action::Walk(WalkMsg::Next)],
    );
    assert!(missing.show_missing);
    assert!(unchanged(&missing, Action::Walk(WalkMsg::Next)));
}

#[test]
fn a_version_1_draft_without_answers_starts_on_the_current_version() {
    // What the version-1 release kept after a finished check: the name, nothing else.
    let instruments = instrument();
    let mut draft = Draft::new(&instruments.all()[0], "River Trust".into());
    draft.step = Some(7);
    let s = start(Loaded {
        draft: Some(draft),
        ..Loaded::default()
    });
    let current = instruments.current();
    assert_eq!(s.draft.instrument_version, current.version);
    assert_eq!(s.draft.name, "River Trust");
    assert_eq!(s.draft.step, Some(7));
    assert_eq!(s.screen, Screen::Step(7));
    let s = finish(fill_all(s), "new", 10);
    let finished = s.history.get("new").unwrap();
    assert_eq!(finished.instrument_version, current.version);
    assert_eq!(finished.scores.dimensions.len(), current.dimensions.len());
}

#[test]
fn compare_with_mine_takes_my_latest_check_of_the_shared_version() {
    let instruments = instrument();
    // Mine: a current check, then a version-1 one finished later.
    let s = finish(fill_all(start(Loaded::default())), "mine-2", 10);
    let mut old = Draft::new(&instruments.all()[0], String::new());
    for st in instruments.all()[0].statements() {
        old.answers.set(&st.id, Response::agreement(3).unwrap());
    }
    let mut history = (*s.history).clone();
    history.add(rapport_core::Assessment::finish(
        &instruments.all()[0],
        &old,
        "mine-1".into(),
        20,
    ));
    let s = start(Loaded {
        history,
        ..Loaded::default()
    });
    let mut theirs = Draft::new(instruments.current(), String::new());
    for st in instruments.current().statements() {
        theirs.answers.set(&st.id, Response::agreement(2).unwrap());
    }
    let code = code::encode(instruments.current(), &theirs.answers, "");
    let shared = code::decode(&code, instruments.all())
        .unwrap()
        .into_assessment(code.clone(), 30);
    let s = apply(s, [Action::Compare(CompareMsg::WithMine(Rc::new(shared)))]);
    let compared: Vec<&str> = s
        .comparison
        .entries
        .iter()
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(compared.len(), 2, "{compared:?}");
    assert!(compared.contains(&code.as_str()));
    assert!(s.comparison.set_aside.is_empty());
}

#[test]
fn compare_keeps_the_version_most_results_answer() {
    let instruments = instrument();
    let v1 = &instruments.all()[0];
    let code_of = |i: &Instrument, level: u8| {
        let answers = i
            .statements()
            .map(|s| (s.id.clone(), Response::agreement(level).unwrap()))
            .collect();
        code::encode(i, &answers, "")
    };
    let input = [
        code_of(v1, 2),
        code_of(instruments.current(), 3),
        code_of(instruments.current(), 4),
    ]
    .join("\n");
    let s = apply(
        start(Loaded::default()),
        [Action::Compare(CompareMsg::Run {
            input,
            picks: vec![],
        })],
    );
    assert_eq!(s.comparison.entries.len(), 2);
    assert!(s
        .comparison
        .entries
        .iter()
        .all(|e| e.instrument_version == instruments.current().version));
    assert_eq!(s.comparison.set_aside.len(), 1);
    assert_eq!(s.comparison.set_aside[0].instrument_version, 1);
    // As many of each: the first result's version.
    let input = [code_of(v1, 2), code_of(instruments.current(), 3)].join("\n");
    let s = apply(
        s,
        [Action::Compare(CompareMsg::Run {
            input,
            picks: vec![],
        })],
    );
    assert_eq!(s.comparison.entries[0].instrument_version, 1);
    assert_eq!(
        s.comparison.set_aside[0].instrument_version,
        instruments.current().version
    );
}

/// The first step's answers as the page's radio inputs held them, every one `level`.
fn early_answers(state: &AppState, level: u8) -> Vec<(String, Response)> {
    state.draft_instrument().dimensions[0]
        .statements
        .iter()
        .map(|s| (s.id.clone(), Response::agreement(level).unwrap()))
        .collect()
}

#[test]
fn what_was_done_before_the_app_ran_is_carried_on() {
    let fresh = start(Loaded::default());
    let all = early_answers(&fresh, 4);
    // Start, four answers and Next: the check is on step 2 with the four answers.
    let mut s = (*fresh).clone();
    s.carry_on(EarlyWalk {
        start: true,
        answers: all.clone(),
        next: true,
    });
    assert_eq!(s.screen, Screen::Step(1));
    assert_eq!(s.draft.answers.len(), all.len());
    assert!(s.has_unfinished());

    // Next with one statement unanswered stays on step 1 and flags it, as in the app.
    let mut s = (*fresh).clone();
    s.carry_on(EarlyWalk {
        start: true,
        answers: all[1..].to_vec(),
        next: true,
    });
    assert_eq!(s.screen, Screen::Step(0));
    assert!(s.show_missing);
    assert_eq!(s.draft.answers.len(), all.len() - 1);

    // Answers without Next stay on step 1; a statement this check does not ask is left out.
    let mut s = (*fresh).clone();
    let mut answers = all[..2].to_vec();
    answers.push(("no-such-statement".into(), Response::DONT_KNOW));
    s.carry_on(EarlyWalk {
        start: true,
        answers,
        next: false,
    });
    assert_eq!(s.screen, Screen::Step(0));
    assert!(!s.show_missing);
    assert_eq!(s.draft.answers.len(), 2);
    assert_eq!(s.draft.answers.get("no-such-statement"), None);

    // Back to the welcome before the app ran: the answers are kept, to continue.
    let mut s = (*fresh).clone();
    s.carry_on(EarlyWalk {
        start: false,
        answers: all[..1].to_vec(),
        next: false,
    });
    assert_eq!(s.screen, Screen::Welcome);
    assert!(s.has_unfinished());

    // Nothing done: nothing changes.
    let mut s = (*fresh).clone();
    s.carry_on(EarlyWalk::default());
    assert_eq!(s, *fresh);
}
