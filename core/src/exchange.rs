//! Files a person takes away and brings back: JSON (full fidelity, importable) and CSV
//! (for spreadsheets).

use crate::assessment::{Assessment, History};
use crate::instrument::Instruments;
use crate::plan::{Date, Status};
use crate::scoring::{display, value, Band};
use crate::store::{self, ReadError};

/// Larger files are refused unread; a history of several hundred checks fits.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;

/// A JSON file holding `assessments`, in the same schema-versioned envelope as stored
/// history, so one reader (with all its checks) serves both.
pub fn to_json(assessments: &[Assessment]) -> String {
    store::encode(&History::of(assessments.to_vec()))
}

/// The words a CSV file needs, from the app's catalogue.
pub struct CsvWords<'a> {
    /// Partnership, finished, dimension, statement, answer, value; then a planned
    /// action's words, owner, due date and status.
    pub header: [&'a str; 10],
    /// Stands in the statement column of a dimension's summary row.
    pub summary: &'a str,
    /// The band names: strength, discuss, concern.
    pub bands: [&'a str; 3],
    pub not_enough: &'a str,
    /// The statuses: open, in progress, done, dropped.
    pub statuses: [&'a str; 4],
}

/// One row per statement (dimension, text, answer, value), a summary row per dimension
/// and a row per planned action (dimension, words, owner, due date, status), for every
/// assessment given.
/// Each check is written in the words of the instrument version it was made with.
pub fn to_csv(instruments: &Instruments, assessments: &[Assessment], words: &CsvWords) -> String {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    let mut out = String::from("\u{feff}");
    row(&mut out, &words.header);
    for a in assessments {
        let instrument = instruments
            .get(&a.instrument_id, a.instrument_version)
            .unwrap_or(instruments.current());
        let date = iso_date(a.finished_at);
        for d in &instrument.dimensions {
            for s in &d.statements {
                let response = a.answers.get(&s.id);
                let label = response.map_or("", |r| r.label(instrument));
                let scored = response
                    .and_then(|r| value(instrument.scale.points(), s, r))
                    .map_or(String::new(), |v| v.to_string());
                row(
                    &mut out,
                    &[&a.name, &date, &d.name, &s.text, label, &scored],
                );
            }
            let score = a.scores.dimension(&d.id);
            let mean = score.and_then(|s| s.mean());
            let band = mean.map_or(words.not_enough, |m| {
                let band = instrument.bands.of(m);
                // The instrument's own name for it, or Rapport's.
                instrument.bands.name(band).unwrap_or(
                    words.bands[match band {
                        Band::Strength => 0,
                        Band::Discuss => 1,
                        Band::Concern => 2,
                    }],
                )
            });
            let shown = mean
                .map(|m| display(&instrument.bands, m))
                .unwrap_or_default();
            row(
                &mut out,
                &[&a.name, &date, &d.name, words.summary, band, &shown],
            );
        }
        for action in &a.plan.actions {
            let dimension = instrument
                .dimension(&action.dimension)
                .map_or(action.dimension.as_str(), |d| d.name.as_str());
            let due = action.due.map(Date::iso).unwrap_or_default();
            let status = words.statuses[Status::ALL
                .iter()
                .position(|s| *s == action.status)
                .unwrap_or(0)];
            let what = action.text(instrument).unwrap_or_default();
            row(
                &mut out,
                &[
                    &a.name,
                    &date,
                    dimension,
                    "",
                    "",
                    "",
                    what,
                    &action.owner,
                    &due,
                    status,
                ],
            );
        }
    }
    out
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        // A leading = + - @ would make a spreadsheet run the cell as a formula.
        if cell.starts_with(['=', '+', '-', '@']) {
            out.push('\'');
        }
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

/// `YYYY-MM-DDTHH:MMZ` in UTC, without a date library.
pub fn iso_date(ms: u64) -> String {
    let minutes = ms / 60_000;
    let (h, m) = ((minutes % 1440) / 60, minutes % 60);
    format!("{}T{h:02}:{m:02}Z", Date::of_ms(ms).iso())
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge,
    /// Rapport's own CSV: made for spreadsheets, it does not carry everything back.
    Csv,
    Unreadable(ReadError),
    NoResults,
    /// The browser could not read the file at all.
    NotRead,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    /// Already in history (same id): left as they were.
    pub already: usize,
}

/// `history` with the file's checks added. A check whose id is already there is not
/// added again, but takes the file's plan if that changed later; a check deleted earlier
/// comes back (importing it is asking for it).
pub fn import(
    history: &History,
    file: &str,
    instruments: &Instruments,
) -> Result<(History, Imported), ImportError> {
    if file.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let text = file.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    if text.starts_with('"') && !text.starts_with("\"{") {
        return Err(ImportError::Csv);
    }
    let incoming = store::decode_history(text, instruments).map_err(ImportError::Unreadable)?;
    if incoming.is_empty() {
        return Err(ImportError::NoResults);
    }
    let mut next = history.clone();
    let mut imported = Imported::default();
    for a in incoming.assessments() {
        if history.get(&a.id).is_some() {
            imported.already += 1;
            // The same check, planned further elsewhere: its later plan is kept.
            next.update_plan(&a.id, |plan| {
                let later = a.plan.changed_at > plan.changed_at;
                if later {
                    *plan = a.plan.clone();
                }
                later
            });
        } else {
            next.add(a.clone());
            imported.added += 1;
        }
    }
    Ok((next, imported))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Response;
    use crate::assessment::Draft;
    use crate::fixtures::{instruments, uniform, version_1 as instrument};
    use crate::json::Position;
    use crate::store::Shape;

    /// Every statement answered `level` as given, except "trust-2": "don't know".
    fn finished(id: &str, at: u64, name: &str, level: u8) -> Assessment {
        let i = instrument();
        let mut draft = Draft::new(&i, name.into());
        draft.answers = uniform(&i, level);
        draft.answers.set("trust-2", Response::DONT_KNOW);
        Assessment::finish(&i, &draft, id.into(), at)
    }

    fn history(list: &[Assessment]) -> History {
        History::of(list.to_vec())
    }

    const WORDS: CsvWords = CsvWords {
        header: [
            "Partnership",
            "Finished (UTC)",
            "Dimension",
            "Statement",
            "Answer",
            "Value",
            "Action",
            "Owner",
            "Due",
            "Status",
        ],
        summary: "Dimension score",
        bands: ["Strength", "Discuss", "Concern"],
        not_enough: "Not enough answers",
        statuses: ["Open", "In progress", "Done", "Dropped"],
    };

    #[test]
    fn json_export_imports_back_identical_into_an_empty_history() {
        let list = [
            finished("b", 2_000, "=Acme \"Co\"", 4),
            finished("a", 1_000, "", 2),
        ];
        let file = to_json(&list);
        let (back, imported) = import(&History::default(), &file, &instruments()).unwrap();
        assert_eq!(back, history(&list));
        assert_eq!(
            imported,
            Imported {
                added: 2,
                already: 0
            }
        );
    }

    #[test]
    fn an_export_from_schema_1_imports() {
        let (h, imported) = import(
            &History::default(),
            crate::fixtures::SCHEMA_1_HISTORY,
            &instruments(),
        )
        .unwrap();
        assert_eq!(imported.added, 3);
        assert!(h.assessments().iter().all(|a| a.plan.is_empty()));
    }

    #[test]
    fn importing_twice_duplicates_nothing() {
        let file = to_json(&[finished("a", 1, "", 3)]);
        let (once, _) = import(&History::default(), &file, &instruments()).unwrap();
        let (twice, imported) = import(&once, &file, &instruments()).unwrap();
        assert_eq!(twice, once);
        assert_eq!(
            imported,
            Imported {
                added: 0,
                already: 1
            }
        );
    }

    #[test]
    fn a_check_already_here_takes_a_later_plan_from_the_file_and_keeps_its_own_otherwise() {
        let here = history(&[finished("a", 1, "", 3)]);
        let mut elsewhere = finished("a", 1, "", 3);
        elsewhere.plan = crate::fixtures::plan();
        let (next, imported) =
            import(&here, &to_json(&[elsewhere.clone()]), &instruments()).unwrap();
        assert_eq!(imported.already, 1);
        assert_eq!(next.get("a").unwrap().plan, elsewhere.plan);
        // Importing an older plan changes nothing.
        let (again, _) =
            import(&next, &to_json(&[finished("a", 1, "", 3)]), &instruments()).unwrap();
        assert_eq!(again, next);
    }

    #[test]
    fn an_imported_check_comes_back_after_being_deleted() {
        let a = finished("a", 1, "", 3);
        let mut h = history(std::slice::from_ref(&a));
        h.remove("a");
        let (back, _) = import(&h, &to_json(&[a]), &instruments()).unwrap();
        assert!(back.get("a").is_some());
    }

    #[test]
    fn files_that_are_not_ours_say_why() {
        let empty = History::default();
        let csv = to_csv(&instruments(), &[finished("a", 1, "", 3)], &WORDS);
        let cases: [(&str, ImportError); 6] = [
            ("", ImportError::Empty),
            ("  \n", ImportError::Empty),
            (&csv, ImportError::Csv),
            (
                "not json",
                ImportError::Unreadable(ReadError::NotJson(Position { line: 1, column: 2 })),
            ),
            (
                "{\"name\": \"a survey\"}",
                ImportError::Unreadable(ReadError::NoSchema),
            ),
            (
                "{\"schema\":1,\"data\":{\"assessments\":[],\"deleted\":[]}}",
                ImportError::NoResults,
            ),
        ];
        for (file, error) in cases {
            assert_eq!(import(&empty, file, &instruments()), Err(error), "{file:?}");
        }
        assert!(matches!(
            import(&empty, "{\"schema\":1,\"data\":[1,2]}", &instruments()),
            Err(ImportError::Unreadable(ReadError::WrongShape(Shape::At(_))))
        ));
        assert_eq!(
            import(&empty, &" ".repeat(MAX_IMPORT_BYTES + 1), &instruments()),
            Err(ImportError::TooLarge)
        );
    }

    #[test]
    fn csv_has_a_row_per_statement_and_a_summary_per_dimension() {
        let a = finished("a", 1_763_812_800_000, "=Acme \"Co\"", 4);
        let csv = to_csv(&instruments(), &[a], &WORDS);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 1 + 32 + 8);
        assert_eq!(
            lines[0],
            "\u{feff}\"Partnership\",\"Finished (UTC)\",\"Dimension\",\"Statement\",\"Answer\",\"Value\",\
             \"Action\",\"Owner\",\"Due\",\"Status\""
        );
        assert_eq!(
            lines[1],
            "\"'=Acme \"\"Co\"\"\",\"2025-11-22T12:00Z\",\"Shared purpose & values\",\
             \"I can explain in one sentence why this partnership exists.\",\"Agree\",\"4\""
        );
        // A reversed statement answered Agree scores 2.
        assert!(lines[3].ends_with("\"Agree\",\"2\""), "{}", lines[3]);
        assert!(
            lines[5].contains("\"Dimension score\",\"Discuss\",\"3.5\""),
            "{}",
            lines[5]
        );
    }

    #[test]
    fn csv_has_a_row_per_planned_action_and_json_carries_the_plan_back() {
        let i = instrument();
        let mut a = finished("a", 1_763_812_800_000, "Acme", 2);
        a.plan = crate::fixtures::plan();
        let csv = to_csv(&instruments(), std::slice::from_ref(&a), &WORDS);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 1 + 32 + 8 + 2);
        let trust = &i.dimensions[2];
        assert_eq!(
            lines[41],
            format!(
                "\"Acme\",\"2025-11-22T12:00Z\",\"{}\",\"\",\"\",\"\",\"{}\",\"Ana\",\"2027-03-01\",\"Open\"",
                trust.name, trust.recommendation("concern-3").unwrap().text
            )
        );
        assert!(
            lines[42].ends_with(",\"'=Lunch, \"\"soon\"\"\n\",\"\",\"\",\"In progress\""),
            "{}",
            lines[42]
        );
        let (back, _) =
            import(&History::default(), &to_json(&[a.clone()]), &instruments()).unwrap();
        assert_eq!(back.get("a"), Some(&a));
    }

    #[test]
    fn iso_dates_are_utc_calendar_dates() {
        assert_eq!(iso_date(0), "1970-01-01T00:00Z");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29T00:00Z");
        assert_eq!(iso_date(1_795_305_599_000), "2026-11-21T23:59Z");
    }
}
