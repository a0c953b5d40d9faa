//! Calendar files (iCalendar, RFC 5545): all-day events that Google Calendar, Outlook and
//! Apple Calendar import, for a plan's due dates and a reminder to check again. A file
//! stands in for a server: nothing is sent, the person's own calendar does the reminding.

use crate::plan::Date;

/// One all-day event. The words come from the app's language pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Unique and stable: importing the same file twice updates, never duplicates.
    pub uid: String,
    pub day: Date,
    pub summary: String,
    pub description: String,
}

/// A `VCALENDAR` of `events`, stamped at `now` (milliseconds since the Unix epoch):
/// CRLF line ends, text escaped, lines folded at 75 octets.
pub fn calendar(events: &[Event], now: u64) -> String {
    let mut out = String::new();
    let stamp = stamp(now);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Rapport//Rapport//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&event.uid)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", basic(event.day)),
        );
        // An all-day event ends (exclusive) on the next day.
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", basic(event.day.next_day())),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        line(
            &mut out,
            &format!("DESCRIPTION:{}", escape(&event.description)),
        );
        // Shown as free time: a reminder, not a meeting.
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// `YYYYMMDD`.
fn basic(day: Date) -> String {
    let (y, m, d) = day.ymd();
    format!("{y:04}{m:02}{d:02}")
}

/// `YYYYMMDDTHHMMSSZ`, in UTC.
fn stamp(ms: u64) -> String {
    let seconds = ms / 1000 % 86_400;
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic(Date::of_ms(ms)),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line break
/// written `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded (RFC 5545 3.1): no line is longer than 75 octets, a
/// continuation starts with a space, and a character's bytes are never split.
fn line(out: &mut String, content: &str) {
    let mut room = 75;
    for c in content.chars() {
        if c.len_utf8() > room {
            out.push_str("\r\n ");
            room = 74;
        }
        out.push(c);
        room -= c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str, description: &str) -> Event {
        Event {
            uid: "check-1-plan-1@rapport".into(),
            day: Date::parse("2027-03-01").unwrap(),
            summary: summary.into(),
            description: description.into(),
        }
    }

    /// The logical lines of a file: continuations joined back (RFC 5545 3.1).
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_calendar_has_the_properties_every_calendar_needs() {
        let ics = calendar(
            &[event("Call Ana", "From Rapport")],
            1_795_392_000_000 + 3_723_000,
        );
        assert_eq!(
            unfold(&ics),
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Rapport//Rapport//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "BEGIN:VEVENT",
                "UID:check-1-plan-1@rapport",
                "DTSTAMP:20261123T010203Z",
                "DTSTART;VALUE=DATE:20270301",
                "DTEND;VALUE=DATE:20270302",
                "SUMMARY:Call Ana",
                "DESCRIPTION:From Rapport",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        );
        // Every line ends CRLF, and no bare LF or CR is left.
        assert!(ics.ends_with("\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
    }

    #[test]
    fn text_is_escaped() {
        let ics = calendar(
            &[event(
                r"Plan; review, then C:\notes",
                "Line one\nline two\r\nthree\rfour",
            )],
            0,
        );
        let lines = unfold(&ics);
        assert!(lines.contains(&r"SUMMARY:Plan\; review\, then C:\\notes".to_owned()));
        assert!(lines.contains(&r"DESCRIPTION:Line one\nline two\nthree\nfour".to_owned()));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let long =
            "Réunion d'équipe à propos de la confiance ".repeat(8) + "العربية ".repeat(20).as_str();
        let ics = calendar(&[event(&long, &"x".repeat(300))], 0);
        for physical in ics.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        // A fold is a CRLF and one space, and unfolding gives the text back whole.
        assert!(ics.contains("\r\n "));
        let summary = format!("SUMMARY:{}", long.replace(',', "\\,"));
        assert!(unfold(&ics).contains(&summary));
        // Exactly 75 octets stay on one line.
        let mut out = String::new();
        line(&mut out, &"y".repeat(75));
        assert_eq!(out, format!("{}\r\n", "y".repeat(75)));
        let mut out = String::new();
        line(&mut out, &"y".repeat(76));
        assert_eq!(out, format!("{}\r\n y\r\n", "y".repeat(75)));
    }

    #[test]
    fn stamps_are_utc_date_times() {
        assert_eq!(stamp(0), "19700101T000000Z");
        assert_eq!(stamp(951_868_799_999), "20000229T235959Z");
    }
}
