use crate::persistence::{Problem, Stored};
use crate::state::{Action, Notice};
use crate::text::TEXT;
use yew::prelude::*;

/// Storage problems and confirmations, announced politely by screen readers. A plain
/// view function: it has no state, and each component type costs kilobytes of wasm.
pub fn notices(notices: &[Notice], dispatch: &Callback<Action>) -> Html {
    html! {
        <div class="notices" role="status">
            { for notices.iter().enumerate().map(|(index, notice)| {
                let (text, kind, dismissable) = describe(notice);
                let dismiss = dispatch.reform(move |_: MouseEvent| Action::Dismiss(index));
                let id = format!("notice-{index}");
                html! {
                    <div class={classes!("notice", kind)}>
                        <p id={id.clone()}>{ text }</p>
                        if dismissable {
                            <button type="button" class="link" aria-describedby={id} onclick={dismiss}>
                                { TEXT.dismiss }
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
fn describe(notice: &Notice) -> (String, &'static str, bool) {
    match notice {
        Notice::DeletedAll => (TEXT.deleted_all.to_owned(), "notice-ok", true),
        Notice::Saved => (TEXT.saved.to_owned(), "notice-ok", true),
        Notice::AlreadySaved => (TEXT.already_saved.to_owned(), "notice-ok", true),
        Notice::Imported { file, imported } => (
            (TEXT.imported)(file, imported.added, imported.already),
            "notice-ok",
            true,
        ),
        Notice::ImportFailed { file, error } => (
            (TEXT.import_failed)(file, &TEXT.import_error(error)),
            "notice-warn",
            true,
        ),
        Notice::DeleteFailed => (TEXT.delete_failed.to_owned(), "notice-warn", true),
        Notice::Storage(Problem::Unavailable) => {
            (TEXT.storage_unavailable.to_owned(), "notice-warn", false)
        }
        Notice::Storage(Problem::Full) => (TEXT.storage_full.to_owned(), "notice-warn", false),
        Notice::Storage(Problem::Unreadable { what, why, kept_as }) => {
            let subject = match what {
                Stored::Draft => TEXT.unreadable_draft,
                Stored::History => TEXT.unreadable_history,
            };
            let why = TEXT.read_error(why);
            let detail = match kept_as {
                Some(key) => (TEXT.unreadable_kept)(&why, key),
                None => (TEXT.unreadable_untouched)(&why),
            };
            (format!("{subject} {detail}"), "notice-warn", true)
        }
    }
}
