//! How a host page configures an embedded Rapport (query parameters of the iframe's
//! address). Every value is checked here; a bad one falls back to the default with a
//! warning the app logs, so a typo on a host page never breaks rendering, and nothing
//! from the host reaches the page unchecked.

use crate::assessment::MAX_NAME_CHARS;
use crate::language;

/// Longest storage namespace.
pub const MAX_KEY_CHARS: usize = 32;
/// Longest `instrument` setting.
pub const MAX_INSTRUMENT_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the browser's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// The three ways Rapport runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placement {
    /// Its own page.
    #[default]
    Page,
    /// In an iframe (`embed=1`): no page chrome, height reported.
    Frame,
    /// Rendered into an element of a host page, whose address belongs to the host.
    Mount,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    pub placement: Placement,
    pub theme: Theme,
    /// A hex colour (`#rgb` or `#rrggbb`) for buttons and the chart.
    pub accent: Option<String>,
    /// A preset partnership name.
    pub name: Option<String>,
    /// A namespace for storage keys.
    pub storage_key: Option<String>,
    /// The language the host asks for (a supported tag), unless the person chose one.
    pub lang: Option<String>,
    /// The site owner's own instrument, instead of the built-in check.
    pub instrument: Option<InstrumentSource>,
}

/// Where an instrument file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstrumentSource {
    /// A path on the app's own site, read relative to the app (`instruments/pulse.json`).
    Path(String),
    /// For a mount: the id of a `<script type="application/json">` element of the host
    /// page that holds the file.
    Element(String),
}

/// A parameter whose value was not used, and why; the app words the console line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub parameter: String,
    /// Cut to 80 characters.
    pub value: String,
    pub why: Why,
}

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// `embed` is 1 (or true) or 0 (or false).
    Embed,
    /// `theme` is light, dark or auto.
    Theme,
    /// `accent` is a hex colour, `#rgb` or `#rrggbb`.
    Accent,
    NameTooLong {
        limit: usize,
    },
    NameControl,
    /// `storage-key` is 1 to `limit` ASCII letters, digits, '-' or '_'.
    StorageKey {
        limit: usize,
    },
    /// `lang` is a language Rapport speaks.
    Lang,
    /// `instrument` is a path to a JSON file on the app's own site, or (for a mount)
    /// `#` and an element's id.
    Instrument,
}

/// Reads the parameters; unknown ones are left alone (the host's own, or analytics').
pub fn parse<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Embed, Vec<Warning>) {
    let mut embed = Embed::default();
    let mut warnings = Vec::new();
    let mut warn = |parameter: &str, value: &str, why: Why| {
        warnings.push(Warning {
            parameter: parameter.to_owned(),
            value: value.chars().take(80).collect(),
            why,
        })
    };
    for (parameter, value) in params {
        match parameter {
            "embed" => match value {
                "1" | "true" | "" => embed.placement = Placement::Frame,
                "0" | "false" => embed.placement = Placement::Page,
                _ => warn(parameter, value, Why::Embed),
            },
            "theme" => match value {
                "light" => embed.theme = Theme::Light,
                "dark" => embed.theme = Theme::Dark,
                "auto" => embed.theme = Theme::Auto,
                _ => warn(parameter, value, Why::Theme),
            },
            "accent" => {
                if is_hex_colour(value) {
                    embed.accent = Some(value.to_ascii_lowercase());
                } else {
                    warn(parameter, value, Why::Accent);
                }
            }
            "name" => {
                let name = value.trim();
                if name.chars().count() > MAX_NAME_CHARS {
                    let limit = MAX_NAME_CHARS;
                    warn(parameter, value, Why::NameTooLong { limit });
                } else if name.chars().any(char::is_control) {
                    warn(parameter, value, Why::NameControl);
                } else if !name.is_empty() {
                    embed.name = Some(name.to_owned());
                }
            }
            "storage-key" => {
                let ok = (1..=MAX_KEY_CHARS).contains(&value.len())
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if ok {
                    embed.storage_key = Some(value.to_owned());
                } else {
                    let limit = MAX_KEY_CHARS;
                    warn(parameter, value, Why::StorageKey { limit });
                }
            }
            "lang" => match language::find(&language::languages(), value) {
                Some(found) => embed.lang = Some(found.tag.clone()),
                None => warn(parameter, value, Why::Lang),
            },
            "instrument" => match instrument_source(value) {
                Some(source) => embed.instrument = Some(source),
                None => warn(parameter, value, Why::Instrument),
            },
            _ => {}
        }
    }
    (embed, warnings)
}

/// An instrument's place, if `value` names one Rapport may read: a path on its own site
/// (letters, digits, `-`, `_`, `.` and `/`; no scheme, no `//` to another host, no `..`;
/// ending `.json`), or `#` and an id. Anything else could lead to another site.
fn instrument_source(value: &str) -> Option<InstrumentSource> {
    if value.is_empty() || value.chars().count() > MAX_INSTRUMENT_CHARS {
        return None;
    }
    if let Some(id) = value.strip_prefix('#') {
        let fine = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        return fine.then(|| InstrumentSource::Element(id.to_owned()));
    }
    let chars_fine = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
    let segments_fine = value
        .trim_start_matches('/')
        .split('/')
        .all(|s| !s.is_empty() && s != "." && s != "..");
    let fine = chars_fine && segments_fine && !value.starts_with("//") && value.ends_with(".json");
    fine.then(|| InstrumentSource::Path(value.to_owned()))
}

/// `#rgb` or `#rrggbb`: the only accents accepted, so the value can be used as a CSS
/// colour as it is and its contrast worked out.
fn is_hex_colour(value: &str) -> bool {
    let Some(hex) = value.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Black or white, whichever reads better on `accent` (a valid hex colour), by the WCAG
/// relative luminance: text on buttons stays legible whatever accent the host picks.
pub fn text_on(accent: &str) -> &'static str {
    let hex = accent.trim_start_matches('#');
    let channel = |i: usize| -> f64 {
        let digit = |at: usize| {
            hex.as_bytes()
                .get(at)
                .and_then(|&b| char::from(b).to_digit(16))
                .unwrap_or(0) as u8
        };
        let v = if hex.len() == 3 {
            digit(i) * 17
        } else {
            digit(2 * i) * 16 + digit(2 * i + 1)
        };
        let c = f64::from(v) / 255.0;
        // The sRGB transfer curve.
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    // Contrast with white is (1.05) / (L + 0.05), with black (L + 0.05) / 0.05.
    if (luminance + 0.05) * (luminance + 0.05) > 0.05 * 1.05 {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// The storage key prefix for a namespace: `rapport` by default, `rapport-<key>`
/// otherwise, so the default's "delete all" (`rapport.` keys) never reaches a namespace.
pub fn storage_prefix(key: Option<&str>) -> String {
    match key {
        Some(key) => format!("rapport-{key}"),
        None => "rapport".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (Embed, Vec<Warning>) {
        parse(pairs.iter().copied())
    }

    #[test]
    fn nothing_given_is_the_standalone_app() {
        assert_eq!(read(&[]), (Embed::default(), vec![]));
        assert_eq!(Embed::default().theme, Theme::Auto);
        assert_eq!(Embed::default().placement, Placement::Page);
    }

    #[test]
    fn every_good_value_is_taken() {
        let (embed, warnings) = read(&[
            ("embed", "1"),
            ("theme", "dark"),
            ("accent", "#0A7D55"),
            ("name", "  River Trust "),
            ("storage-key", "team_a-2"),
            ("lang", "pt-BR"),
            ("instrument", "instruments/pulse.json"),
            ("utm_source", "newsletter"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            embed,
            Embed {
                placement: Placement::Frame,
                theme: Theme::Dark,
                accent: Some("#0a7d55".into()),
                name: Some("River Trust".into()),
                storage_key: Some("team_a-2".into()),
                lang: Some("pt".into()),
                instrument: Some(InstrumentSource::Path("instruments/pulse.json".into())),
            }
        );
    }

    #[test]
    fn an_unknown_language_warns_and_leaves_the_choice_to_the_browser() {
        let (embed, warnings) = read(&[("lang", "xx"), ("theme", "light")]);
        assert_eq!(embed.lang, None);
        assert_eq!(embed.theme, Theme::Light);
        assert_eq!(
            warnings,
            [Warning {
                parameter: "lang".into(),
                value: "xx".into(),
                why: Why::Lang
            }]
        );
    }

    #[test]
    fn every_bad_value_falls_back_with_a_warning_naming_it() {
        let long = "x".repeat(121);
        let (embed, warnings) = read(&[
            ("embed", "yes please"),
            ("theme", "purple"),
            ("accent", "red;}body{display:none"),
            ("accent", "#12345"),
            ("accent", "teal"),
            ("name", &long),
            ("name", "a\u{7}b"),
            ("storage-key", "../other"),
            ("storage-key", ""),
            ("storage-key", &"k".repeat(33)),
        ]);
        assert_eq!(embed, Embed::default());
        let named: Vec<(&str, &str)> = warnings
            .iter()
            .map(|w| (w.parameter.as_str(), w.value.as_str()))
            .collect();
        assert_eq!(named.len(), 10);
        assert_eq!(named[1], ("theme", "purple"));
        assert_eq!(named[2], ("accent", "red;}body{display:none"));
        assert_eq!(named[7], ("storage-key", "../other"));
        let whys: Vec<Why> = warnings.iter().map(|w| w.why).collect();
        assert_eq!(
            whys,
            [
                Why::Embed,
                Why::Theme,
                Why::Accent,
                Why::Accent,
                Why::Accent,
                Why::NameTooLong { limit: 120 },
                Why::NameControl,
                Why::StorageKey { limit: 32 },
                Why::StorageKey { limit: 32 },
                Why::StorageKey { limit: 32 },
            ]
        );
        assert_eq!(warnings[5].value.chars().count(), 80, "long values are cut");
    }

    #[test]
    fn button_text_is_black_or_white_by_contrast() {
        assert_eq!(text_on("#000"), "#ffffff");
        assert_eq!(text_on("#1f5fae"), "#ffffff");
        assert_eq!(text_on("#0a7d55"), "#ffffff");
        assert_eq!(text_on("#ffd400"), "#000000");
        assert_eq!(text_on("#fff"), "#000000");
        assert_eq!(text_on("#8bb8f5"), "#000000");
    }

    #[test]
    fn namespaces_never_share_keys_with_the_default() {
        assert_eq!(storage_prefix(None), "rapport");
        assert_eq!(storage_prefix(Some("a")), "rapport-a");
        assert!(!format!("{}.", storage_prefix(Some("a"))).starts_with("rapport."));
    }

    #[test]
    fn an_instrument_is_a_path_on_the_app_s_own_site_or_an_element_id() {
        let source = |value: &str| parse([("instrument", value)]);
        for (value, expected) in [
            (
                "instruments/pulse.json",
                InstrumentSource::Path("instruments/pulse.json".into()),
            ),
            (
                "/rapport/instruments/x-1.json",
                InstrumentSource::Path("/rapport/instruments/x-1.json".into()),
            ),
            ("#our-check", InstrumentSource::Element("our-check".into())),
        ] {
            let (embed, warnings) = source(value);
            assert_eq!(embed.instrument, Some(expected), "{value}");
            assert!(warnings.is_empty());
        }
        // Nothing that could lead to another site or out of the app's folder.
        for bad in [
            "https://example.org/x.json",
            "//example.org/x.json",
            "instruments/../../x.json",
            "instruments//x.json",
            "javascript:alert(1)",
            "instruments/x.txt",
            "instruments/x.json?x=1",
            "instruments\\x.json",
            "#",
            "#a b",
            "",
            &format!("{}.json", "a".repeat(200)),
        ] {
            let (embed, warnings) = source(bad);
            assert_eq!(embed.instrument, None, "{bad}");
            assert_eq!(warnings.len(), 1, "{bad}");
            assert_eq!(warnings[0].why, Why::Instrument);
        }
    }
}
