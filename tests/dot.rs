use super::*;
use actorgraph::RelationKind;
use actorgraph::dot::DotOptions;
use std::io::Write;
use std::process::{Command, Stdio};

/// Renders `dot` to SVG with the real Graphviz; fails on any error or
/// warning. Without Graphviz the check is skipped with a notice, except
/// in CI, which installs it.
pub fn render_svg(dot: &str) -> Option<String> {
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("notice: graphviz `dot` not runnable ({e}); render check skipped");
            return None;
        }
        Err(e) => panic!("graphviz `dot` is required in CI: {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "dot failed: {stderr}\n{dot}");
    assert!(stderr.trim().is_empty(), "dot warned: {stderr}");
    Some(String::from_utf8(output.stdout).unwrap())
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .replace('-', "&#45;")
}

#[test]
fn every_view_of_the_dataset_renders() {
    let g = syria();
    for on in ["2015-06-01", "2024-11-26", "2024-11-30", "2024-12-02"] {
        let view = g.at(day(on));
        render_svg(&actorgraph::dot::to_dot(view, &DotOptions::default()).unwrap());
        render_svg(
            &actorgraph::dot::to_dot(view, &DotOptions::default().clusters(true).show_ended(true))
                .unwrap(),
        );
    }
    render_svg(
        &actorgraph::dot::to_dot(
            g.at(day("2024-11-30")).known_by(day("2024-11-28")),
            &DotOptions::default(),
        )
        .unwrap(),
    );
}

#[test]
fn output_is_deterministic() {
    let g = syria();
    let options = DotOptions::default().clusters(true).show_ended(true);
    let first = actorgraph::dot::to_dot(g.at(day("2024-11-30")), &options).unwrap();
    let again = actorgraph::dot::to_dot(syria().at(day("2024-11-30")), &options).unwrap();
    assert_eq!(first, again);
}

#[test]
fn node_ids_are_actor_ids() {
    let g = syria();
    let dot = actorgraph::dot::to_dot(g.at(day("2024-11-30")), &DotOptions::default()).unwrap();
    assert!(dot.contains("\"hts\" [label=\"Hayat Tahrir al-Sham\""));
    assert!(dot.contains("\"turkey\" -> \"sna\""));
}

#[test]
fn filters_by_kind_and_actor() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let dot = actorgraph::dot::to_dot(view, &DotOptions::default().kinds([RelationKind::Controls]))
        .unwrap();
    assert!(dot.contains("\"rebels\" -> \"aleppo\""));
    assert!(!dot.contains("\"iran\" -> \"hezbollah\""));
    let dot = actorgraph::dot::to_dot(view, &DotOptions::default().actors(["Hezbollah"])).unwrap();
    assert!(dot.contains("\"iran\" -> \"hezbollah\""));
    assert!(!dot.contains("\"rebels\" -> \"aleppo\""));
    assert!(
        actorgraph::dot::to_dot(view, &DotOptions::default().actors(["nobody at all"])).is_err()
    );
    render_svg(&dot);
}

#[test]
fn ended_relations_are_drawn_faded_only_when_asked() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let plain = actorgraph::dot::to_dot(view, &DotOptions::default()).unwrap();
    assert!(!plain.contains("id=\"syrian_government_controls_aleppo\""));
    let with_ended =
        actorgraph::dot::to_dot(view, &DotOptions::default().show_ended(true)).unwrap();
    let line = with_ended
        .lines()
        .find(|l| l.contains("id=\"syrian_government_controls_aleppo\""))
        .unwrap();
    assert!(
        line.contains("style=dashed") && line.contains("66\""),
        "{line}"
    );
}

#[test]
fn tooltips_carry_the_quotes() {
    let g = syria();
    let dot = actorgraph::dot::to_dot(g.at(day("2024-11-30")), &DotOptions::default()).unwrap();
    let svg = render_svg(&dot);
    assert!(dot.contains("Hezbollah fighters backed by Iran"));
    if let Some(svg) = svg {
        assert!(
            svg.contains("Hezbollah fighters backed by Iran"),
            "the SVG shows the quote on hover"
        );
    }
}

/// Names that break naive DOT writers.
pub const HOSTILE: [&str; 11] = [
    "Quote \" inside",
    "Back\\slash",
    "Trailing backslash \\",
    "Line one\nline two",
    "Braces { } and [ ] ; ,",
    "<b>Not HTML</b> & <i>",
    "هيئة تحرير الشام",
    "Графика 中文 🚩",
    "Escape \\N \\G \\L \\n",
    "-> digraph { node }",
    "AT&amp;T &#45; &lt;x&gt; &",
];

pub fn hostile_dataset() -> String {
    let quoted = |s: &str| format!("{s:?}");
    let mut actors = String::new();
    let mut relations = String::new();
    for (i, name) in HOSTILE.iter().enumerate() {
        actors.push_str(&format!(
            "(id: \"a{i}\", name: {}, kind: ArmedGroup, aliases: [{}]),\n",
            quoted(name),
            quoted(&format!("alias {name}"))
        ));
        if i > 0 {
            relations.push_str(&format!(
                "(id: \"r{i}\", kind: Backs, subject: \"a{}\", object: \"a{i}\", citations: [(source: \"s\", quote: {})], note: {}),\n",
                i - 1,
                quoted(name),
                quoted(name)
            ));
        }
    }
    format!(
        "(sources: [(id: \"s\", title: {}, published: \"2024\")], actors: [{actors}], relations: [{relations}])",
        quoted(HOSTILE[1])
    )
}

#[test]
fn hostile_strings_render_and_show_as_written() {
    let g = ActorGraph::from_ron(&hostile_dataset()).unwrap();
    let dot = actorgraph::dot::to_dot(
        g.at(day("2024-06-01")),
        &DotOptions::default().title(HOSTILE[0]),
    )
    .unwrap();
    let Some(svg) = render_svg(&dot) else { return };
    for name in HOSTILE.iter().filter(|n| !n.contains('\n')) {
        assert!(
            svg.contains(&format!(">{}</text>", xml(name))),
            "label {name:?} not shown as written"
        );
    }
    assert!(svg.contains(">Line one</text>") && svg.contains(">line two</text>"));
}

mod arbitrary_strings {
    use super::*;
    use proptest::prelude::*;

    fn dataset(names: &[String], aliases: &[String], quotes: &[String]) -> String {
        let mut actors = String::new();
        for (i, name) in names.iter().enumerate() {
            actors.push_str(&format!(
                "(id: \"a{i}\", name: {name:?}, kind: {}, aliases: [{:?}]),",
                ["State", "Militia", "Person", "Place"][i % 4],
                format!("a{}", aliases[i % aliases.len()])
            ));
        }
        let mut relations = String::new();
        for i in 1..names.len() {
            relations.push_str(&format!(
                "(id: \"r{i}\", kind: Opposes, subject: \"a{}\", object: \"a{i}\", citations: [(source: \"s\", quote: {:?})]),",
                i - 1,
                format!("q{}", quotes[i % quotes.len()])
            ));
        }
        format!(
            "(sources: [(id: \"s\", title: \"t\", published: \"2024\")], actors: [{actors}], relations: [{relations}])"
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// Any printable Unicode, quotes, backslashes, newlines and HTML-like
        /// text: Graphviz accepts the export and shows each name as written.
        #[test]
        fn any_strings_render_and_labels_show_as_written(
            names in proptest::collection::vec("[\\PC&&\\S]{1,10}( [\\PC&&\\S]{1,10}){0,2}", 2..6),
            aliases in proptest::collection::vec("\\PC{1,20}", 1..3),
            quotes in proptest::collection::vec("(\\PC|\n|\r|\t){1,40}", 1..3),
        ) {
            let graph = ActorGraph::from_ron(&dataset(&names, &aliases, &quotes)).unwrap();
            let dot = actorgraph::dot::to_dot(graph.at(day("2024-06-01")), &DotOptions::default().clusters(true)).unwrap();
            let Some(svg) = render_svg(&dot) else { return Ok(()) };
            for name in &names {
                prop_assert!(svg.contains(&format!(">{}</text>", xml(name))), "label {:?} not shown as written", name);
            }
        }
    }
}

#[test]
fn an_overview_leaves_out_outsiders_and_edge_labels() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let full = actorgraph::dot::to_dot(view, &DotOptions::default()).unwrap();
    assert!(full.contains("\"chatham_house\""));
    let options = DotOptions::default().outsiders(false).edge_labels(false);
    let overview = actorgraph::dot::to_dot(view, &options).unwrap();
    assert!(
        !overview.contains("\"chatham_house\""),
        "think tanks stay out"
    );
    assert!(overview.contains("\"hts\"") && overview.contains("\"syrian_government\""));
    assert!(overview.contains("rankdir=TB"));
    assert!(
        !overview.contains("[label=\"backs"),
        "edges carry no labels"
    );
    render_svg(&overview);
}

#[test]
fn talks_and_calls_are_drawn_with_their_own_colours() {
    let g = syria();
    let view = g.at(day("2024-12-02"));
    let dot = actorgraph::dot::to_dot(
        view,
        &DotOptions::default()
            .events(true)
            .kinds([RelationKind::MetWith, RelationKind::CallsOn]),
    )
    .unwrap();
    assert!(
        dot.contains("\"abbas_araghchi\" -> \"bashar_al_assad\""),
        "{dot}"
    );
    assert!(dot.contains("\"syrian_government\" -> \"turkey\""), "{dot}");
    assert!(dot.contains("#0077b6") && dot.contains("#6a4c93"), "{dot}");
    render_svg(&dot);
}

#[test]
fn succession_is_drawn_with_its_own_style() {
    let g = syria();
    let dot = actorgraph::dot::to_dot(
        g.at(day("2024-12-02")),
        &DotOptions::default()
            .events(true)
            .kinds([RelationKind::Succeeds]),
    )
    .unwrap();
    assert!(dot.contains("\"hts\" -> \"jabhat_al_nusra\""), "{dot}");
    assert!(dot.contains("#00838f") && dot.contains("dotted"), "{dot}");
    assert!(dot.contains("succeeds"), "{dot}");
    render_svg(&dot);
}
