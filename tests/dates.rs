//! EDTF single dates: each form read as the range of days it can mean, held
//! against python-edtf's table of examples, and written back as written
//! through every format.

use std::path::PathBuf;
use std::process::Command;

use super::*;
use actorgraph::When;
use actorgraph::export::{self, ExportOptions, Scope};
use proptest::prelude::*;

fn when(text: &str) -> When {
    text.parse()
        .unwrap_or_else(|e| panic!("{text:?} refused: {e}"))
}

fn show(d: Option<Date>) -> String {
    d.map_or("open".to_owned(), |d| d.to_string())
}

/// Strict first and last, possible first and last.
fn bounds(w: When) -> [String; 4] {
    [
        w.strict_first_day().to_string(),
        show(w.strict_last_day()),
        w.first_day().to_string(),
        show(w.last_day()),
    ]
}

#[test]
fn each_form_reads_as_its_days() {
    let cases = [
        // Unspecified digits.
        (
            "199X",
            ["1990-01-01", "1999-12-31", "1990-01-01", "1999-12-31"],
        ),
        (
            "2016-XX",
            ["2016-01-01", "2016-12-31", "2016-01-01", "2016-12-31"],
        ),
        (
            "156X-12-25",
            ["1560-12-25", "1569-12-25", "1560-12-25", "1569-12-25"],
        ),
        (
            "1560-XX-25",
            ["1560-01-25", "1560-12-25", "1560-01-25", "1560-12-25"],
        ),
        ("XX", ["", "", "", ""]),
        // 29 February of a leap year of the 1570s: 1572, 1576.
        (
            "157X-02-29",
            ["1572-02-29", "1576-02-29", "1572-02-29", "1576-02-29"],
        ),
        (
            "1XXX-12",
            ["1000-12-01", "1999-12-31", "1000-12-01", "1999-12-31"],
        ),
        // Qualifiers widen the possible days only.
        (
            "1984?",
            ["1984-01-01", "1984-12-31", "1983-01-01", "1985-12-31"],
        ),
        (
            "2004-06~",
            ["2004-06-01", "2004-06-30", "2003-05-01", "2005-07-30"],
        ),
        (
            "1984%",
            ["1984-01-01", "1984-12-31", "1982-01-01", "1986-12-31"],
        ),
        (
            "2004?-06-~11",
            ["2004-06-11", "2004-06-11", "2003-06-10", "2005-06-12"],
        ),
        (
            "?2004-06",
            ["2004-06-01", "2004-06-30", "2003-06-01", "2005-06-30"],
        ),
        (
            "156X~",
            ["1560-01-01", "1569-12-31", "1550-01-01", "1579-12-31"],
        ),
        // Clamped to the crate's years.
        (
            "0001~",
            ["0001-01-01", "0001-12-31", "0001-01-01", "0002-12-31"],
        ),
        (
            "1950S2",
            ["1950-01-01", "1950-12-31", "1900-01-01", "1999-12-31"],
        ),
        // A time names its day.
        (
            "2004-01-01T10:10:10Z",
            ["2004-01-01", "2004-01-01", "2004-01-01", "2004-01-01"],
        ),
        (
            "2004-01-01T23:59:59-05:00",
            ["2004-01-01", "2004-01-01", "2004-01-01", "2004-01-01"],
        ),
        (
            "2004-02-29T00:00:00+14",
            ["2004-02-29", "2004-02-29", "2004-02-29", "2004-02-29"],
        ),
        // Seasons.
        (
            "2001-21",
            ["2001-03-01", "2001-05-31", "2001-03-01", "2001-05-31"],
        ),
        (
            "2010-24",
            ["2010-12-01", "2010-12-31", "2010-12-01", "2010-12-31"],
        ),
        (
            "2001-34",
            ["2001-04-01", "2001-06-30", "2001-04-01", "2001-06-30"],
        ),
        // One of a set.
        (
            "[1667, 1668, 1670..1672]",
            ["1667-01-01", "1672-12-31", "1667-01-01", "1672-12-31"],
        ),
        (
            "[1760-01, 1760-12..]",
            ["1760-01-01", "open", "1760-01-01", "open"],
        ),
        (
            "[..1760-12-03, 1765]",
            ["0001-01-01", "1765-12-31", "0001-01-01", "1765-12-31"],
        ),
        (
            "[1667,2004-06?]",
            ["1667-01-01", "2004-06-30", "1667-01-01", "2005-07-30"],
        ),
    ];
    for (text, expected) in cases {
        if expected[0].is_empty() {
            assert!(text.parse::<When>().is_err(), "{text} read");
            continue;
        }
        let w = when(text);
        assert_eq!(bounds(w), expected, "{text}");
        assert_eq!(w.to_string(), text);
        assert_eq!(
            w.is_qualified(),
            expected[..2] != expected[2..],
            "{text} qualified"
        );
    }
}

#[test]
fn what_is_not_one_date_is_refused_with_what_to_write() {
    for (text, words) in [
        ("2004/2006", "`until`"),
        ("2004-06-~01/2004-06-~20", "`from`"),
        ("{1667,1668, 1670..1672}", "all of"),
        ("-0999", "outside the crate's years"),
        ("0000", "year must lie"),
        ("XXXX-12", "do not lie between 1 and 2200"),
        ("2XXX", "do not lie between"),
        ("Y170000002", "outside the crate's years"),
        ("2004~-06~", "one qualifier after a component"),
        ("199X-06~", "unspecified digits take one qualifier"),
        ("?199X", "unspecified digits take one qualifier"),
        ("2004-1X", "supported"),
        ("2001-21?", "season"),
        ("2004-06T10:10:10", "time of day follows a full date"),
        ("2004-01-01T25:00:00", "HH:MM:SS"),
        ("1950-01S2", "significant digits"),
        ("2023-02-29", "2023-02-29"),
        ("2023-02-29~", "no day"),
        ("[]", "empty"),
        ("[1667, , 1668]", "empty choice"),
        ("[1667, ..1668]", "first choice"),
        ("[1672..1667, 1700]", "ends before it begins"),
        ("2024-13", "month must lie between 1 and 12"),
        ("2024x", "supported"),
    ] {
        let err = text.parse::<When>().unwrap_err().to_string();
        assert!(err.contains(words), "{text}: {err}");
        assert!(err.contains(text), "{text}: {err}");
    }
}

/// A qualified start widens the days a relation possibly holds and never
/// makes one certain that the strict date would not.
#[test]
fn a_qualifier_widens_only_the_possibly_reading() {
    let exact = actorgraph::Interval::new(Some(when("2004")), None).unwrap();
    let about = actorgraph::Interval::new(Some(when("2004~")), None).unwrap();
    for d in [
        "2003-06-01",
        "2004-06-01",
        "2005-01-01",
        "2005-06-01",
        "2006-01-01",
    ] {
        let (e, a) = (exact.holds_on(day(d)), about.holds_on(day(d)));
        assert!(
            a.meets(Certainty::Possibly) || !e.meets(Certainty::Possibly),
            "{d}"
        );
        assert!(
            !a.meets(Certainty::Certainly) || e.meets(Certainty::Certainly),
            "{d}"
        );
    }
    assert_eq!(
        about.holds_on(day("2003-06-01")),
        actorgraph::Holding::Possibly
    );
    assert_eq!(exact.holds_on(day("2003-06-01")), actorgraph::Holding::No);
}

use actorgraph::Certainty;

/// A dataset whose relations and sources carry every form.
fn dated(forms: &[&str]) -> String {
    let relations: Vec<String> = forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            format!(
                r#"(id: "r{i}", kind: Attacks, subject: "a", object: "b", on: "{f}",
                    citations: [(source: "s{i}", quote: "q{i}")]),
                (id: "f{i}", kind: Backs, subject: "a", object: "b", from: "{f}",
                    citations: [(source: "s{i}", quote: "q{i}")])"#
            )
        })
        .collect();
    let sources: Vec<String> = forms
        .iter()
        .enumerate()
        .map(|(i, f)| format!(r#"(id: "s{i}", title: "S{i}", published: "{f}")"#))
        .collect();
    format!(
        r#"(sources: [{}], actors: [(id: "a", name: "A", kind: State), (id: "b", name: "B", kind: State)],
            relations: [{}])"#,
        sources.join(",\n"),
        relations.join(",\n")
    )
}

const FORMS: [&str; 14] = [
    "199X",
    "156X-12-25",
    "1984?",
    "2004-06~",
    "1984%",
    "2004?-06-~11",
    "?2004-%06",
    "2004-01-01T10:10:10Z",
    "2004-01-01T10:10:10+05:00",
    "[1667, 1668, 1670..1672]",
    "2001-21",
    "1950S2",
    "16XX~",
    "[2024-11-27..2024-11-28]",
];

#[test]
fn every_form_round_trips_through_every_format() {
    let graph = ActorGraph::from_ron(&dated(&FORMS)).unwrap();
    let ron = graph.to_ron().unwrap();
    assert_eq!(ActorGraph::from_ron(&ron).unwrap(), graph);
    let json = graph.to_json().unwrap();
    assert_eq!(ActorGraph::from_json(&json).unwrap(), graph);
    let again = ActorGraph::from_snapshot(&graph.to_snapshot()).unwrap();
    assert_eq!(again, graph);
    assert_eq!(again.to_dataset(), graph.to_dataset());
    let scope = Scope::Whole(&graph);
    let options = ExportOptions::default();
    let tables = export::to_csv(scope, &options).unwrap();
    let csv: String = tables.files().iter().map(|(_, t)| t.to_string()).collect();
    let texts = [
        ("RON", ron),
        ("JSON", json),
        ("CSV", csv),
        (
            "JSON export",
            export::to_json_dataset(scope, &options).unwrap(),
        ),
        ("GraphML", export::to_graphml(scope, &options)),
        ("node-link", export::to_node_link(scope, &options)),
        ("Turtle", export::to_turtle(scope, &options)),
        ("GEXF", export::to_gexf(scope, &options)),
        ("HTML", export::to_html(scope, &options).unwrap()),
    ];
    for form in FORMS {
        for (format, text) in &texts {
            assert!(text.contains(form), "{format} lacks {form}");
        }
    }
}

#[test]
fn snapshot_keeps_each_form_as_written() {
    let graph = ActorGraph::from_ron(&dated(&FORMS)).unwrap();
    let again = ActorGraph::from_snapshot(&graph.to_snapshot()).unwrap();
    let data = again.to_dataset();
    let written: Vec<String> = data
        .sources
        .iter()
        .map(|s| s.published.to_string())
        .collect();
    assert_eq!(written, FORMS);
}

/// An EDTF single date, made from its parts.
fn edtf_form() -> impl Strategy<Value = String> {
    let q = prop::sample::select(vec!["", "?", "~", "%"]);
    let year = (1000u16..2200).prop_map(|y| format!("{y:04}"));
    let plain = (
        year.clone(),
        q.clone(),
        q.clone(),
        prop::option::of((1u8..=12, q.clone(), prop::option::of((1u8..=28, q.clone())))),
    )
        .prop_map(|(y, pre, post, rest)| {
            let mut s = format!("{pre}{y}");
            match rest {
                None => s.push_str(post),
                Some((m, mq, day)) => {
                    s.push_str(&format!("-{mq}{m:02}"));
                    match day {
                        None => s.push_str(post),
                        Some((d, dq)) => s.push_str(&format!("-{dq}{d:02}{post}")),
                    }
                }
            }
            s
        });
    let unspecified = (
        1100u16..2199,
        1usize..=3,
        prop::sample::select(vec!["", "~", "%", "?"]),
    )
        .prop_map(|(y, x, q)| {
            let digits = format!("{y:04}");
            format!("{}{}{q}", &digits[..4 - x], "X".repeat(x))
        })
        .prop_filter("within the years", |s| {
            let hi: u16 = s
                .trim_end_matches(['~', '%', '?'])
                .replace('X', "9")
                .parse()
                .unwrap();
            hi <= 2200
        });
    let set =
        prop::collection::vec(year.clone(), 1..4).prop_map(|ys| format!("[{}]", ys.join(", ")));
    let timed = (year, 1u8..=12, 1u8..=28, 0u8..24)
        .prop_map(|(y, m, d, h)| format!("{y}-{m:02}-{d:02}T{h:02}:30:00Z"));
    prop_oneof![plain, unspecified, set, timed]
}

proptest! {
    /// Every constructible form displays as written, reads back equal
    /// through JSON, and means at least the days it strictly names.
    #[test]
    fn constructible_forms_round_trip(text in edtf_form()) {
        let Ok(w) = text.parse::<When>() else {
            // Two qualifiers after components are refused, by design.
            prop_assert!(text.matches(['?', '~', '%']).count() >= 2, "{} refused", text);
            return Ok(());
        };
        prop_assert_eq!(w.to_string(), text.clone());
        let json = serde_json::to_string(&w).unwrap();
        prop_assert_eq!(serde_json::from_str::<When>(&json).unwrap(), w);
        prop_assert!(w.first_day() <= w.strict_first_day());
        prop_assert!(w.strict_first_day() <= w.strict_last_day().unwrap());
        prop_assert!(w.strict_last_day() <= w.last_day());
        prop_assert_eq!(w.is_qualified(), text.contains(['?', '~', '%']));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// A random form, as a source's publication date, a state's start and
    /// an event's day, reads back equal through RON, JSON and a snapshot,
    /// and is written as written.
    #[test]
    fn constructible_forms_round_trip_through_the_formats(text in edtf_form()) {
        prop_assume!(text.parse::<When>().is_ok());
        let graph = ActorGraph::from_ron(&dated(&[&text])).unwrap();
        prop_assert_eq!(&ActorGraph::from_ron(&graph.to_ron().unwrap()).unwrap(), &graph);
        prop_assert_eq!(&ActorGraph::from_json(&graph.to_json().unwrap()).unwrap(), &graph);
        let again = ActorGraph::from_snapshot(&graph.to_snapshot()).unwrap();
        prop_assert_eq!(&again, &graph);
        let data = again.to_dataset();
        prop_assert_eq!(data.sources[0].published.to_string(), text.clone());
        for relation in &data.relations {
            let written = relation.on.or(relation.from).unwrap();
            prop_assert_eq!(written.to_string(), text.clone());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    /// Text made of the date syntax's own characters, as the fuzz target
    /// `parse_date` feeds it: never a panic; what is accepted prints back
    /// to itself, reads back equal, and its strict days lie within its
    /// possible ones.
    #[test]
    fn arbitrary_date_text_never_panics(text in "[0-9X?~%\\-\\[\\]., TZ:+S/{}]{0,24}") {
        if let Ok(w) = text.parse::<When>() {
            prop_assert_eq!(w.to_string(), text.clone());
            prop_assert_eq!(text.parse::<When>().ok(), Some(w));
            prop_assert!(w.first_day() <= w.strict_first_day());
            prop_assert!(w.strict_last_day().is_none_or(|l| w.strict_first_day() <= l));
            prop_assert!(w.strict_last_day().is_none_or(|l| w.last_day().is_none_or(|p| l <= p)));
            prop_assert!(w.strict_last_day().is_some() || w.last_day().is_none());
        }
    }
}

/// The Python that has python-edtf; CI makes it. Skipped with a notice
/// without it, unless `ACTORGRAPH_REQUIRE_TOOLS` is set.
fn python_with_edtf() -> Option<PathBuf> {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin/python");
    let found = std::env::var_os("ACTORGRAPH_PYTHON")
        .map(PathBuf::from)
        .or_else(|| venv.exists().then_some(venv))
        .filter(|p| {
            Command::new(p)
                .args(["-c", "import edtf.parser.grammar"])
                .status()
                .is_ok_and(|s| s.success())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("ACTORGRAPH_REQUIRE_TOOLS").is_none(),
            "python-edtf is required here (see .ci/run) but missing"
        );
        eprintln!("notice: python-edtf missing; its examples are not checked");
    }
    found
}

/// Qualifiers in every place on a few dates (month ends, a leap day), and
/// unspecified, season, time and set forms.
fn more_forms() -> Vec<String> {
    let mut forms = Vec::new();
    for base in [
        "2004",
        "2004-06",
        "2004-06-11",
        "2003-01-31",
        "2004-02-29",
        "1999-12-31",
    ] {
        let parts: Vec<&str> = base.split('-').collect();
        let k = parts.len();
        for pre in 0..4usize.pow(k as u32) {
            for post in 0..=(3 * k) {
                let mut text = String::new();
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        text.push('-');
                    }
                    text.push_str(["", "?", "~", "%"][(pre / 4usize.pow(i as u32)) % 4]);
                    text.push_str(part);
                    if post > 0 && (post - 1) / 3 == i {
                        text.push_str(["?", "~", "%"][(post - 1) % 3]);
                    }
                }
                forms.push(text);
            }
        }
    }
    for q in ["", "?", "~", "%"] {
        for base in [
            "199X",
            "19XX",
            "1XXX",
            "2016-XX",
            "1999-XX-XX",
            "1999-01-XX",
            "199X-XX",
            "199X-06-XX",
            "19XX-XX-XX",
            "156X-12-25",
            "2003-01-XX",
            "2004-XX-31",
        ] {
            forms.push(format!("{base}{q}"));
        }
    }
    forms.extend((21..=41).map(|code| format!("2001-{code}")));
    forms.extend(
        [
            "156X-02-29",
            "1560-XX-31",
            "15XX-XX-XX",
            "2004-01-01T00:00:00-05",
            "2004-12-31T23:59:59+14:00",
            "[1667, 1668]",
            "[1667..1668, 1760-12]",
            "[2004-06-11, 1999]",
            "1950S1",
            "1950S3",
            "1950S4",
        ]
        .map(str::to_owned),
    );
    forms
}

/// Every example of python-edtf's parser table that is a single date in
/// the crate's years reads with python-edtf's strict and fuzzy bounds; the
/// intervals and all-of sets are refused (tests/tools/edtf_check.py).
#[test]
fn python_edtf_examples_read_as_python_edtf_reads_them() {
    let Some(python) = python_with_edtf() else {
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("tests/tools/edtf_check.py");
    let listed = Command::new(&python)
        .arg(&script)
        .arg("examples")
        .output()
        .unwrap();
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    let mut examples: Vec<String> = serde_json::from_slice(&listed.stdout).unwrap();
    assert!(examples.len() > 50, "{} examples", examples.len());
    // Beyond the table: every placement of qualifiers on a few dates, and
    // the other forms, compared with python-edtf's own reading of each.
    examples.extend(more_forms());
    let readings: serde_json::Map<String, serde_json::Value> = examples
        .iter()
        .map(|text| {
            // Open below reads as the first day there is; written null here,
            // as python-edtf's -inf.
            let open_below =
                |d: Date| (d != Date::MIN || !text.contains("[..")).then(|| d.to_string());
            let reading = match text.parse::<When>() {
                Ok(w) => serde_json::json!({
                    "strict": [open_below(w.strict_first_day()), w.strict_last_day().map(|d| d.to_string())],
                    "possible": [open_below(w.first_day()), w.last_day().map(|d| d.to_string())],
                    "qualified": w.is_qualified(),
                    "display": w.to_string(),
                }),
                Err(e) => serde_json::json!({ "error": e.to_string() }),
            };
            (text.clone(), reading)
        })
        .collect();
    let dir = root.join("target/edtf-check");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("readings.json");
    std::fs::write(&path, serde_json::to_string_pretty(&readings).unwrap()).unwrap();
    let checked = Command::new(&python)
        .arg(&script)
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&checked.stdout);
    eprintln!("{report}");
    assert!(
        checked.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

/// The importers' `Edtf` date format reads every EDTF single date, as
/// written, and refuses an interval with what to write instead.
#[test]
fn the_importers_edtf_format_reads_every_form() {
    use actorgraph::import::DateFormat;
    for form in FORMS {
        let read = DateFormat::Edtf.read(form).unwrap();
        assert_eq!(read, when(form));
        assert_eq!(read.to_string(), form);
    }
    assert!(DateFormat::Edtf.read("1984?").unwrap().is_qualified());
    let err = DateFormat::Edtf.read("2004/2006").unwrap_err().to_string();
    assert!(err.contains("`until`"), "{err}");
}
