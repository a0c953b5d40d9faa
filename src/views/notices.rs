use crate::browser;
use crate::state::{Action, Notice, NoticeMsg, Problem, Stored};
use crate::text::Text;
use crate::views::widgets::Ui;
use yew::prelude::*;

/// Storage problems and confirmations, announced politely by screen readers.
pub fn notices(ui: &Ui, notices: &[Notice]) -> Html {
    html! {
        <div class="notices" role="status">
            { for notices.iter().enumerate().map(|(index, notice)| {
                let (text, kind, dismissable) = describe(&ui.text, notice);
                let dismiss = ui.on_click(move || Action::Notice(NoticeMsg::Dismiss(index)));
                let id = format!("notice-{index}");
                let reload = |_: MouseEvent| browser::reload_with_update();
                html! {
                    <div class={classes!("notice", kind)}>
                        <p id={id.clone()}>{ text }</p>
                        if *notice == Notice::UpdateReady {
                            <button type="button" class="link" aria-describedby={id.clone()} onclick={reload}>
                                { ui.text.reload() }
                            </button>
                        }
                        if dismissable {
                            <button type="button" class="link" aria-describedby={id} onclick={dismiss}>
                                { ui.text.dismiss() }
                            </button>
                        }
                    </div>
                }
            }) }
        </div>
    }
}

/// The words, a style, and whether dismissing makes sense: a problem that comes back
/// on the next save is not dismissable.
fn describe(text: &Text, notice: &Notice) -> (String, &'static str, bool) {
    match notice {
        Notice::DeletedAll => (text.deleted_all().to_owned(), "notice-ok", true),
        Notice::Saved => (text.saved().to_owned(), "notice-ok", true),
        Notice::AlreadySaved => (text.already_saved().to_owned(), "notice-ok", true),
        Notice::Imported { file, imported } => (
            text.import_done(file, imported.added, imported.already),
            "notice-ok",
            true,
        ),
        Notice::ImportFailed { file, error } => (
            text.import_failed(file, &text.import_error(error)),
            "notice-warn",
            true,
        ),
        Notice::DeleteFailed => (text.delete_failed().to_owned(), "notice-warn", true),
        Notice::LanguageUnavailable(language) => (
            text.language_unavailable(language, &text.language.name),
            "notice-warn",
            true,
        ),
        Notice::UpdateReady => (text.update_ready().to_owned(), "notice-ok", true),
        Notice::Storage(Problem::Unavailable) => {
            (text.storage_unavailable().to_owned(), "notice-warn", false)
        }
        Notice::Storage(Problem::Full) => (text.storage_full().to_owned(), "notice-warn", false),
        Notice::Storage(Problem::Unreadable { what, why, kept_as }) => {
            let why = text.read_error(why);
            let message = match (what, kept_as) {
                (Stored::Draft, Some(key)) => text.unreadable_draft_kept(&why, key),
                (Stored::History, Some(key)) => text.unreadable_history_kept(&why, key),
                (Stored::Draft, None) => text.unreadable_draft_untouched(&why),
                (Stored::History, None) => text.unreadable_history_untouched(&why),
            };
            (message, "notice-warn", true)
        }
    }
}
