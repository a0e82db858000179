//! A self-contained interactive page: the graph in a browser, offline.
//!
//! One HTML file carries the page's template, style and script (the files
//! of `src/format/html/`), Cytoscape.js 3.34.4 vendored unchanged from the
//! npm registry (`src/format/html/cytoscape.min.js`, under the MIT licence
//! in `src/format/html/cytoscape.LICENSE`), and the whole graph as
//! Cytoscape.js JSON, so that the page's date slider can move over the
//! record's span whatever day it opens on.

use serde_json::json;

use crate::base::date::Certainty;
use crate::base::error::Error;
use crate::base::model::{ActorKind, RelationKind};

use super::nodelink::to_cytoscape;
use super::shared::{ExportOptions, Scope};

/// Cytoscape.js 3.34.4: `dist/cytoscape.min.js` of the npm package
/// `cytoscape`, unchanged (MIT; its licence is `html/cytoscape.LICENSE`,
/// and its header carries it into every page).
const CYTOSCAPE: &str = include_str!("html/cytoscape.min.js");
/// The page, with `{{name}}` slots.
const TEMPLATE: &str = include_str!("html/page.html");
const STYLE: &str = include_str!("html/page.css");
/// The page's script, one job a file, concatenated into one function by
/// the template: the admission rule's JavaScript copy (which node's test
/// harness also loads alone), the layout and drawing, the side panel, and
/// the data, state and controls that start the page.
const RULES: &str = include_str!("html/rules.js");
const LAYOUT: &str = include_str!("html/layout.js");
const PANEL: &str = include_str!("html/panel.js");
const CONTROLS: &str = include_str!("html/controls.js");

/// Above this many relations shown at once (on the page's day, with its
/// filters) the page does not draw them: it says so, lists them, and still
/// filters, searches and shows details. Measured in headless Chromium on
/// two busy shared cores: a 10 000-relation synthetic graph showing 4 200
/// is ready in 4 to 5 s and redraws in 0.05 to 0.2 s a slider step; 8 400
/// shown took 5 s and 0.8 s a step, which is no longer usable.
pub(crate) const DRAW_LIMIT: usize = 5_000;

/// The day a page of the whole graph opens on when the record spans it;
/// otherwise it opens on the record's last day.
const DEFAULT_DAY: &str = "2024-11-30";

/// The scope as one self-contained HTML page (no server, no network): the
/// graph drawn with Cytoscape.js, a date slider over the record's span that
/// re-filters the relations as of that day, a possibly/certainly switch, a
/// known-by date, relation-kind filters (which are also the legend), a name
/// search over names, aliases and former names, the quotes behind a
/// relation (source, date, stance, claimant, superseded) on a click, and an
/// actor's timeline on a click.
///
/// The page always carries the whole graph with its dates (the kinds in
/// `options`), so that the slider can move; a [`Scope::View`] sets the day,
/// knowledge date and certainty it opens on, and [`Scope::Whole`] opens on
/// 2024-11-30 when the record spans it, else on the record's last day. The
/// page's rules for which relations show are the library's, so the
/// relations it shows on a day are those of [`View::relations`] for that
/// day (events, which do not hold over days, show only on request, as
/// having happened on or before the day).
///
/// Every string of the data is embedded as JSON inside a `<script>` whose
/// `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, so no name
/// or quote can end the script, and the page shows data only as text.
///
/// When more than 5 000 relations show at once (on the day, with the
/// filters) the page does not draw them: it states the limit, lists them
/// (the first 200), and still filters, searches and shows details; it
/// draws again once the filters narrow them. A 100 000-relation graph
/// (an 82 MB page) is ready in about 3 s and filters in under 0.2 s.
///
/// [`View::relations`]: crate::View::relations
///
/// # Errors
///
/// A [`Serialize`](crate::ErrorKind::Serialize) error if the page's settings cannot be written, which
/// they do not provoke.
///
/// # Complexity
///
/// O(A + R + C) for the graph's actors, relations and citations; the page
/// is about 500 KB plus the graph's Cytoscape.js JSON, written compact.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, export};
///
/// let graph = ActorGraph::embedded()?;
/// let page = export::to_html(export::Scope::Whole(&graph), &Default::default())?;
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"id="visible-relations""#));
/// assert!(page.contains("russia_backs_syrian_government"));
/// // Opened on a view, the page starts on the view's day and reading.
/// let view = graph.at("2024-11-26".parse()?).known_by("2024-11-28".parse()?);
/// let page = export::to_html(export::Scope::View(view), &Default::default())?;
/// assert!(page.contains(r#""day":"2024-11-26""#));
/// assert!(page.contains(r#""known_by":"2024-11-28""#));
/// # Ok::<(), actorgraph::Error>(())
/// ```
///
/// Hostile names cannot close the script that carries the data:
///
/// ```
/// use actorgraph::{ActorGraph, export};
///
/// let graph = ActorGraph::from_ron(r#"(
///     sources: [(id: "s", title: "</script><script>alert(1)</script>", published: "2024-11-30")],
///     actors: [
///         (id: "a", name: "</script><b>bold & \u{2028} <!--", kind: State),
///         (id: "b", name: "B", kind: State),
///     ],
///     relations: [(id: "a_backs_b", kind: Backs, subject: "a", object: "b",
///         citations: [(source: "s", quote: "</SCRIPT> ]]> \"quoted\" 'too'")])],
/// )"#)?;
/// let page = export::to_html(export::Scope::Whole(&graph), &Default::default())?;
/// let lower = page.to_lowercase();
/// // Only the page's own four scripts end.
/// assert_eq!(lower.matches("</script").count(), 4);
/// assert!(!page.contains("<b>bold") && !page.contains("<!--") && !page.contains('\u{2028}'));
/// assert!(page.contains(r"\u003c/script\u003e\u003cb\u003ebold \u0026 \u2028 \u003c!--"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn to_html(scope: Scope<'_>, options: &ExportOptions) -> Result<String, Error> {
    let graph = scope.graph();
    let data = to_cytoscape(Scope::Whole(graph), options);
    let start = match scope {
        Scope::View(view) => json!({
            "day": view.day().to_string(),
            "known_by": view.knowledge_date().map(|d| d.to_string()).unwrap_or_default(),
            "certainly": view.get_certainty() == Certainty::Certainly,
            "min_grade": view.min_grade().map(|g| g.to_string()).unwrap_or_default(),
        }),
        Scope::Whole(_) => {
            json!({"day": "", "known_by": "", "certainly": false, "min_grade": ""})
        }
    };
    let kinds: Vec<_> = RelationKind::ALL
        .iter()
        .map(|k| {
            json!({
                "name": k.name(),
                "verb": k.verb(),
                "event": k.is_event(),
                "symmetric": k.is_symmetric(),
            })
        })
        .collect();
    let actor_kinds: serde_json::Map<String, serde_json::Value> = ActorKind::ALL
        .iter()
        .map(|k| (format!("{k:?}"), json!(k.label())))
        .collect();
    let config = json!({
        "start": start,
        "default_day": DEFAULT_DAY,
        "kinds": kinds,
        "actor_kinds": actor_kinds,
        "draw_limit": DRAW_LIMIT,
        "analysis": super::html_analysis::analysis_days(scope),
        "analysis_limit": super::html_analysis::MAX_RELATIONS,
        "analysis_days_limit": super::html_analysis::MAX_DAYS,
    });
    let config = serde_json::to_string(&config).map_err(|e| Error::serialize("html page", e))?;
    fill(
        TEMPLATE,
        &[
            ("version", env!("CARGO_PKG_VERSION")),
            ("style", STYLE),
            ("config", &script_json(&config)),
            ("data", &script_json(&data)),
            ("cytoscape", CYTOSCAPE),
            ("rules", RULES),
            ("layout", LAYOUT),
            ("panel", PANEL),
            ("controls", CONTROLS),
        ],
    )
}

/// The template with each `{{name}}` replaced by its text, in one pass, so
/// that no inserted text is searched for slots.
fn fill(template: &str, slots: &[(&str, &str)]) -> Result<String, Error> {
    let size = template.len() + slots.iter().map(|(_, text)| text.len()).sum::<usize>();
    let mut page = String::with_capacity(size);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        page.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("}}").ok_or_else(|| {
            Error::serialize_message(
                "html page",
                "the page template has an unclosed slot".to_owned(),
            )
        })?;
        let name = &after[..close];
        let (_, text) = slots
            .iter()
            .find(|(slot, _)| *slot == name)
            .ok_or_else(|| {
                Error::serialize_message(
                    "html page",
                    format!("the page template has an unknown slot {name:?}"),
                )
            })?;
        page.push_str(text);
        rest = &after[close + 2..];
    }
    page.push_str(rest);
    Ok(page)
}

/// JSON text made compact and safe inside `<script>`: whitespace outside
/// strings dropped, and `<`, `>`, `&`, U+2028 and U+2029 (which occur only
/// inside strings) written as `\u` escapes, so the text cannot end the
/// script or start a comment, and still parses to the same value.
fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c.is_ascii_whitespace() {
            continue;
        }
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendored_and_template_text_cannot_end_a_script_early() {
        for (name, text) in [
            ("cytoscape", CYTOSCAPE),
            ("style", STYLE),
            ("rules", RULES),
            ("layout", LAYOUT),
            ("panel", PANEL),
            ("controls", CONTROLS),
        ] {
            let lower = text.to_lowercase();
            assert!(!lower.contains("</script"), "{name} contains </script");
            assert!(!lower.contains("<!--"), "{name} contains <!--");
            assert!(!lower.contains("</style"), "{name} contains </style");
        }
        assert!(
            CYTOSCAPE.contains("3.34.4"),
            "the vendored version is the one documented"
        );
    }

    #[test]
    fn script_json_is_compact_safe_and_the_same_value() {
        let value = json!({
            "name": "</script><b> & \u{2028}\u{2029} \"q\" \\ <!-- ]]> \n\t",
            "list": [1, 2.5, null, true, " spaced  out "],
        });
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let safe = script_json(&pretty);
        for bad in ['<', '>', '&', '\u{2028}', '\u{2029}', '\n'] {
            assert!(!safe.contains(bad), "{bad:?} left in {safe}");
        }
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn every_slot_is_filled_once() {
        let page = fill("a{{x}}b{{y}}c{{x}}", &[("x", "{{y}}"), ("y", "Y")]).unwrap();
        assert_eq!(page, "a{{y}}bYc{{y}}");
        assert!(fill("{{nope}}", &[]).is_err());
        assert!(fill("{{open", &[]).is_err());
    }
}
