//! Date ranges, events, deaths, the claimant rule and the dataset lint, on
//! small datasets whose every answer is known.

use super::*;
use actorgraph::{Certainty, Holding, RelationKind, Stance, Warning, When, algo};

/// A dataset around one rebel group, with one relation per case.
const MODEL: &str = r#"(
    sources: [
        (id: "early", title: "Early report", published: "2024-11-28"),
        (id: "army_denial", title: "Army statement", published: "2024-11-29"),
        (id: "army_admits", title: "Army statement", published: "2024-11-30"),
        (id: "later", title: "Later report", published: "2024-12-02"),
        (id: "undated", title: "Undated report", published: "[..2024-12-02]"),
    ],
    actors: [
        (id: "rebels", name: "Rebels", kind: Coalition),
        (id: "army", name: "Army", kind: ArmedForces),
        (id: "town", name: "Town", kind: Place),
        (id: "city", name: "City", kind: Place),
        (id: "patron", name: "Patron State", kind: State),
        (id: "chief", name: "Abu Chief", kind: Person),
    ],
    relations: [
        // Taken on Wednesday or Thursday.
        (id: "rebels_control_town", kind: Controls, subject: "rebels", object: "town",
            from: "[2024-11-27..2024-11-28]",
            citations: [(source: "early", quote: "Rebels took Town on Wednesday or Thursday")]),
        // A standing hostility first reported on 12-02.
        (id: "patron_opposes_army", kind: Opposes, subject: "patron", object: "army",
            from: "[..2024-12-02]",
            citations: [(source: "later", quote: "Patron State has long opposed the Army")]),
        // The army first denies, then admits.
        (id: "rebels_control_city", kind: Controls, subject: "rebels", object: "city",
            from: "2024-11-29",
            citations: [
                (source: "later", quote: "Rebels hold City"),
                (source: "army_denial", quote: "The Army pushed Rebels back from City", stance: Disputes, claimed_by: Actor("army")),
                (source: "army_admits", quote: "the Army acknowledged Rebels entered City", claimed_by: Actor("army")),
            ]),
        (id: "army_attacks_town", kind: Attacks, subject: "army", object: "town",
            on: "[2024-11-27..2024-11-28]",
            citations: [(source: "early", quote: "the Army struck Town")]),
        (id: "army_killed_chief", kind: Killed, subject: "army", object: "chief",
            on: "2024-11-28",
            citations: [(source: "early", quote: "Abu Chief was killed in an Army strike")]),
        (id: "chief_leads_rebels", kind: Leads, subject: "chief", object: "rebels",
            from: "2020", until: "2024-11-28",
            citations: [(source: "early", quote: "Abu Chief, who led the Rebels")]),
    ],
)"#;

fn model() -> ActorGraph {
    ActorGraph::from_ron(MODEL).expect("the model dataset loads")
}

#[test]
fn a_range_start_possibly_holds_on_each_of_its_days_and_certainly_after() {
    let g = model();
    let on = |d: &str| {
        g.at(day(d))
            .controllers_of("town")
            .unwrap()
            .next()
            .map(|r| r.holding())
    };
    assert_eq!(on("2024-11-26"), None);
    assert_eq!(on("2024-11-27"), Some(Some(Holding::Possibly)));
    // Whichever of the two days it fell, it held on the second.
    assert_eq!(on("2024-11-28"), Some(Some(Holding::Certainly)));
    let certain = g.at(day("2024-11-27")).certainty(Certainty::Certainly);
    assert_eq!(certain.controllers_of("town").unwrap().count(), 0);
}

#[test]
fn on_or_before_a_report_possibly_holds_before_it() {
    let g = model();
    // Reported on 12-02 but older: it may already hold on 11-30.
    let found: Vec<_> = g
        .at(day("2024-11-30"))
        .opponents_of("army")
        .unwrap()
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].holding(), Some(Holding::Possibly));
    assert!(
        found[0]
            .to_string()
            .ends_with("([..2024-12-02] to now) [possibly]"),
        "{}",
        found[0]
    );
    let certain = g.at(day("2024-12-02")).certainty(Certainty::Certainly);
    assert_eq!(certain.opponents_of("army").unwrap().count(), 1);
}

#[test]
fn ranges_round_trip_through_ron_and_the_store() {
    let g = model();
    let r = g.relation("rebels_control_town").unwrap();
    assert_eq!(
        r.interval().start(),
        Some("[2024-11-27..2024-11-28]".parse::<When>().unwrap())
    );
    assert_eq!(ActorGraph::from_ron(&g.to_ron().unwrap()).unwrap(), g);
    assert_eq!(
        g.source("undated").unwrap().published.to_string(),
        "[..2024-12-02]"
    );
}

#[test]
fn an_undated_source_is_possibly_known_early_and_certainly_only_at_its_bound() {
    let text = MODEL.replace(
        r#"(source: "later", quote: "Patron State has long opposed the Army")"#,
        r#"(source: "undated", quote: "Patron State has long opposed the Army")"#,
    );
    let g = ActorGraph::from_ron(&text).unwrap();
    let possibly = g.at(day("2024-12-05")).known_by(day("2024-11-01"));
    assert_eq!(possibly.opponents_of("army").unwrap().count(), 1);
    let certainly = possibly.certainty(Certainty::Certainly);
    assert_eq!(certainly.opponents_of("army").unwrap().count(), 0);
    let later = g
        .at(day("2024-12-05"))
        .known_by(day("2024-12-02"))
        .certainty(Certainty::Certainly);
    assert_eq!(later.opponents_of("army").unwrap().count(), 1);
}

#[test]
fn events_never_hold_as_states() {
    let g = model();
    let view = g.at(day("2024-11-30"));
    assert!(view.relations().all(|r| !r.is_event()));
    assert_eq!(view.of_kind(RelationKind::Attacks).count(), 0);
    assert_eq!(
        view.involving("town")
            .unwrap()
            .filter(|r| r.is_event())
            .count(),
        0
    );
}

#[test]
fn events_are_asked_for_over_a_window() {
    let g = model();
    let attacks = |view: actorgraph::View<'_>| {
        view.events()
            .filter(|e| e.kind() == RelationKind::Attacks)
            .map(|e| e.holding())
            .collect::<Vec<_>>()
    };
    assert_eq!(attacks(g.at(day("2024-11-26"))), []);
    assert_eq!(attacks(g.at(day("2024-11-27"))), [Some(Holding::Possibly)]);
    assert_eq!(attacks(g.at(day("2024-11-28"))), [Some(Holding::Certainly)]);
    assert_eq!(
        attacks(g.at(day("2024-11-27")).certainty(Certainty::Certainly)),
        []
    );
    let window = g
        .at(day("2024-12-10"))
        .events_between(day("2024-11-29"), day("2024-12-10"));
    assert_eq!(window.count(), 0);
    let attack = g.relation("army_attacks_town").unwrap();
    assert_eq!(
        attack.to_string(),
        "Army attacks Town (on [2024-11-27..2024-11-28])"
    );
    assert_eq!(
        attack.to_relation().on,
        Some("[2024-11-27..2024-11-28]".parse().unwrap())
    );
}

#[test]
fn events_show_in_changes_timelines_and_dot_only_when_asked() {
    let g = model();
    let changes = algo::changes(g.at(day("2024-11-26")), day("2024-11-30"));
    let events: Vec<&str> = changes.events.iter().map(|e| e.id()).collect();
    assert_eq!(events, ["army_attacks_town", "army_killed_chief"]);
    let timeline: Vec<String> = algo::timeline(&g, "town")
        .unwrap()
        .filter_map(|e| match e.event {
            actorgraph::TimelineEvent::Happened(r) => Some(r.id().to_owned()),
            _ => None,
        })
        .collect();
    assert_eq!(timeline, ["army_attacks_town"]);
    let view = g.at(day("2024-11-30"));
    let plain = actorgraph::dot::to_dot(view, &actorgraph::dot::DotOptions::default()).unwrap();
    assert!(!plain.contains("id=\"army_attacks_town\""));
    let options = actorgraph::dot::DotOptions::default().events(true);
    let with_events = actorgraph::dot::to_dot(view, &options).unwrap();
    assert!(
        with_events.contains("attacks\\non [2024-11-27..2024-11-28]"),
        "{with_events}"
    );
}

#[test]
fn dot_labels_tell_may_hold_from_holds() {
    let g = model();
    let dot = actorgraph::dot::to_dot(g.at(day("2024-11-27")), &Default::default()).unwrap();
    assert!(
        dot.contains("controls\\n[2024-11-27..2024-11-28] to now\\n(possibly)"),
        "{dot}"
    );
    let later = actorgraph::dot::to_dot(g.at(day("2024-11-28")), &Default::default()).unwrap();
    assert!(!later.contains("[2024-11-27..2024-11-28] to now\\n(possibly)"));
}

#[test]
fn a_killing_ends_what_the_dead_may_hold() {
    let g = model();
    // Ending the leadership on the day of death is accepted...
    assert_eq!(
        g.at(day("2024-11-27"))
            .leaders_of("rebels")
            .unwrap()
            .count(),
        1
    );
    // ...but one that runs on is refused, naming both relations.
    let text = MODEL.replace(r#"from: "2020", until: "2024-11-28","#, r#"from: "2020","#);
    let err = ActorGraph::from_ron(&text).unwrap_err().to_string();
    assert!(err.contains("relation \"chief_leads_rebels\": runs past the death of \"chief\" (2024-11-28, by relation \"army_killed_chief\")"), "{err}");
}

#[test]
fn a_killing_added_later_binds_states_already_held() {
    let text = MODEL
        .replace(r#"from: "2020", until: "2024-11-28","#, r#"from: "2020","#)
        .replace(
            "(id: \"army_killed_chief\"",
            "(id: \"army_killed_chief_later\"",
        );
    // Without the killing the open leadership loads...
    let without: actorgraph::Dataset = actorgraph::Dataset::from_ron(&text).unwrap();
    let (killings, rest): (Vec<_>, Vec<_>) = without
        .relations
        .into_iter()
        .partition(|r| r.kind == RelationKind::Killed);
    let mut g = ActorGraph::from_dataset(actorgraph::Dataset {
        relations: rest,
        ..without
    })
    .unwrap();
    let before = g.clone();
    // ...and the killing, added on its own, is refused and changes nothing.
    let err = g
        .extend(actorgraph::Dataset {
            relations: killings,
            ..Default::default()
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("runs past the death of \"chief\""),
        "{err}"
    );
    assert_eq!(g, before);
}

#[test]
fn a_withdrawn_denial_stops_contesting_once_it_is_withdrawn() {
    let g = model();
    let contested = |known: &str| {
        let view = g.at(day("2024-12-05")).known_by(day(known));
        view.controllers_of("city")
            .unwrap()
            .next()
            .map(|r| r.is_contested())
    };
    // By 11-29 the army's denial is out, but nothing supports the fall yet.
    assert_eq!(contested("2024-11-29"), None);
    // On 11-30 the army itself acknowledges it: known, and no longer denied.
    assert_eq!(contested("2024-11-30"), Some(false));
    assert_eq!(contested("2024-12-02"), Some(false));
    // Without a knowledge date, every claimant's latest stance counts.
    let city = g
        .at(day("2024-12-05"))
        .controllers_of("city")
        .unwrap()
        .next()
        .unwrap();
    assert!(!city.is_contested());
    // The withdrawn stance stays in the evidence, marked as superseded.
    let denial = city
        .citations()
        .find(|e| e.stance() == Stance::Disputes)
        .unwrap();
    assert!(denial.is_superseded());
    assert!(denial.to_string().ends_with("[superseded]"));
    let admission = city
        .citations()
        .find(|e| e.source().id.as_str() == "army_admits")
        .unwrap();
    assert!(!admission.is_superseded());
}

#[test]
fn a_denial_still_standing_contests() {
    // The same data with the admission taken out: the denial stands.
    let text = MODEL.replace(
        r#"(source: "army_admits", quote: "the Army acknowledged Rebels entered City", claimed_by: Actor("army")),"#,
        "",
    );
    let g = ActorGraph::from_ron(&text).unwrap();
    let city = g
        .at(day("2024-12-05"))
        .controllers_of("city")
        .unwrap()
        .next()
        .unwrap();
    assert!(city.is_contested());
    let known = g.at(day("2024-12-05")).known_by(day("2024-12-02"));
    assert!(
        known
            .controllers_of("city")
            .unwrap()
            .next()
            .unwrap()
            .is_contested()
    );
    assert_eq!(
        known
            .without_contested()
            .controllers_of("city")
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn a_claimant_changing_its_story_by_the_knowledge_date_is_read_at_that_date() {
    // The admission comes after the supporting report: contested between.
    let text = MODEL.replace(
        r#"(id: "army_admits", title: "Army statement", published: "2024-11-30")"#,
        r#"(id: "army_admits", title: "Army statement", published: "2024-12-04")"#,
    );
    let g = ActorGraph::from_ron(&text).unwrap();
    let contested = |known: &str| {
        g.at(day("2024-12-05"))
            .known_by(day(known))
            .controllers_of("city")
            .unwrap()
            .next()
            .unwrap()
            .is_contested()
    };
    assert!(contested("2024-12-02"));
    assert!(contested("2024-12-03"));
    assert!(!contested("2024-12-04"));
}

// ----- the lint: each warning triggered, and not -----

fn warnings(text: &str) -> Vec<Warning> {
    let g = ActorGraph::from_ron(text).unwrap();
    let lint = algo::lint(&g);
    lint.warnings().map(|f| f.warning).collect()
}

const LINT_BASE: &str = r#"(
    sources: [(id: "s", title: "Report", published: "2024-11-30"), (id: "old", title: "Old report", published: "2024-11-01")],
    actors: [
        (id: "a", name: "Alpha", kind: State, aliases: ["Alpha Land"]),
        (id: "b", name: "Beta Front", kind: ArmedGroup, aliases: ["BF"]),
        (id: "p", name: "Abu Person", kind: Person),
    ],
    relations: [RELATIONS],
)"#;

fn lint_case(relations: &str) -> Vec<Warning> {
    warnings(&LINT_BASE.replace("RELATIONS", relations))
}

#[test]
fn lint_a_quote_naming_neither_end() {
    let bad = r#"(id: "r", kind: Backs, subject: "a", object: "b", citations: [(source: "s", quote: "they armed them")])"#;
    assert_eq!(lint_case(bad), [Warning::QuoteNamesNeitherEnd]);
    for good in [
        "Alpha armed them",
        "BF got arms",
        "Alpha's arms reached them",
        "ALPHA LAND armed",
    ] {
        let ok = bad.replace("they armed them", good);
        assert_eq!(lint_case(&ok), [], "{good}");
    }
}

#[test]
fn lint_a_start_on_the_report_day() {
    let bad = r#"(id: "r", kind: Backs, subject: "a", object: "b", from: "2024-11-30", citations: [(source: "s", quote: "Alpha backs Beta Front")])"#;
    assert_eq!(lint_case(bad), [Warning::StartIsReportDate]);
    let g = ActorGraph::from_ron(&LINT_BASE.replace("RELATIONS", bad)).unwrap();
    assert!(
        algo::lint(&g)
            .warnings()
            .next()
            .unwrap()
            .message
            .contains("\"[..2024-11-30]\"")
    );
    assert_eq!(
        lint_case(&bad.replace("\"2024-11-30\"", "\"[..2024-11-30]\"")),
        []
    );
    assert_eq!(
        lint_case(&bad.replace("\"2024-11-30\"", "\"2024-11-29\"")),
        []
    );
}

#[test]
fn lint_a_start_bounded_like_a_ranged_report_is_not_a_report_day() {
    // A source dated only by a range has no publication day to copy: a
    // start of "after the launch and by the report" may equal its range.
    let text = LINT_BASE
        .replace(
            r#"(id: "s", title: "Report", published: "2024-11-30")"#,
            r#"(id: "s", title: "Report", published: "[2024-11-27..2024-11-28]")"#,
        )
        .replace(
            "RELATIONS",
            r#"(id: "r", kind: Backs, subject: "a", object: "b", from: "[2024-11-27..2024-11-28]", citations: [(source: "s", quote: "Alpha backs Beta Front")])"#,
        );
    assert_eq!(warnings(&text), []);
}

#[test]
fn lint_overlapping_relations_of_one_kind_and_pair() {
    let one = r#"(id: "r1", kind: Backs, subject: "a", object: "b", from: "2010", until: "2015", citations: [(source: "old", quote: "Alpha backs Beta Front")])"#;
    let overlapping = r#"(id: "r2", kind: Backs, subject: "a", object: "b", from: "2014", citations: [(source: "old", quote: "Alpha backs Beta Front")])"#;
    assert_eq!(
        lint_case(&format!("{one}, {overlapping}")),
        [Warning::Overlap]
    );
    let apart = overlapping.replace("\"2014\"", "\"2016\"");
    assert_eq!(lint_case(&format!("{one}, {apart}")), []);
    let other_kind = overlapping.replace("Backs", "Opposes");
    assert_eq!(lint_case(&format!("{one}, {other_kind}")), []);
}

#[test]
fn lint_an_event_dated_after_its_report() {
    let bad = r#"(id: "r", kind: Attacks, subject: "a", object: "b", on: "2024-11-05", citations: [(source: "old", quote: "Alpha struck Beta Front")])"#;
    assert_eq!(lint_case(bad), [Warning::EventAfterReport]);
    assert_eq!(lint_case(&bad.replace("2024-11-05", "[..2024-11-01]")), []);
}

#[test]
fn lint_a_state_that_may_run_past_a_death() {
    let killing = r#"(id: "k", kind: Killed, subject: "a", object: "p", on: "2024-11-28", citations: [(source: "s", quote: "Alpha killed Abu Person")])"#;
    let maybe = r#"(id: "l", kind: Leads, subject: "p", object: "b", until: "2024-11", citations: [(source: "old", quote: "Abu Person leads Beta Front")])"#;
    assert_eq!(
        lint_case(&format!("{killing}, {maybe}")),
        [Warning::PastDeath]
    );
    let ended = maybe.replace("\"2024-11\"", "\"2024-11-28\"");
    assert_eq!(lint_case(&format!("{killing}, {ended}")), []);
}

#[test]
fn an_acknowledged_warning_is_listed_as_acknowledged() {
    let bad = r#"(id: "r", kind: Backs, subject: "a", object: "b", from: "2024-11-30",
        citations: [(source: "s", quote: "Alpha backs Beta Front")],
        acknowledged: [(warning: StartIsReportDate, reason: "the article dates the start to its own day")])"#;
    let g = ActorGraph::from_ron(&LINT_BASE.replace("RELATIONS", bad)).unwrap();
    let lint = algo::lint(&g);
    assert!(lint.is_clean());
    let acknowledged: Vec<_> = lint.acknowledged().collect();
    assert_eq!(acknowledged.len(), 1);
    assert!(
        acknowledged[0]
            .to_string()
            .contains("[acknowledged: the article dates the start to its own day]")
    );
    // Acknowledgements survive the store and a round trip.
    assert_eq!(ActorGraph::from_ron(&g.to_ron().unwrap()).unwrap(), g);
    // An acknowledgement of another warning does not hide this one.
    let other = bad.replace("warning: StartIsReportDate", "warning: Overlap");
    assert_eq!(lint_case(&other), [Warning::StartIsReportDate]);
}

#[test]
fn a_quote_warning_is_acknowledged_on_its_citation() {
    let bad = r#"(id: "r", kind: Backs, subject: "a", object: "b", citations: [
        (source: "s", quote: "they armed them", acknowledged: [(warning: QuoteNamesNeitherEnd, reason: "the sentence before names both")])])"#;
    assert_eq!(lint_case(bad), []);
}

#[test]
fn talks_and_calls_are_events_appended_after_every_older_kind() {
    // The snapshot format encodes kinds by position: new kinds go last.
    assert_eq!(
        RelationKind::ALL[22..24],
        [RelationKind::MetWith, RelationKind::CallsOn]
    );
    assert_eq!(RelationKind::ALL[21], RelationKind::WithdrewFrom);
    for kind in [RelationKind::MetWith, RelationKind::CallsOn] {
        assert!(kind.is_event(), "{kind:?}");
        assert_eq!(kind.name().parse::<RelationKind>(), Ok(kind));
        assert_eq!(format!("{kind:?}").parse::<RelationKind>(), Ok(kind));
    }
    assert!(RelationKind::MetWith.is_symmetric());
    assert!(!RelationKind::CallsOn.is_symmetric());
    assert_eq!(RelationKind::MetWith.verb(), "met with");
    assert_eq!(RelationKind::CallsOn.verb(), "called on");
    let g = actorgraph::ActorGraph::from_ron(
        r#"(
        sources: [(id: "s", title: "Report", published: "2024-12-02")],
        actors: [(id: "a", name: "Alpha", kind: State), (id: "b", name: "Beta", kind: State)],
        relations: [
            (id: "talks", kind: MetWith, subject: "a", object: "b", on: "2024-12-01",
                citations: [(source: "s", quote: "Alpha met Beta")]),
            (id: "call", kind: CallsOn, subject: "b", object: "a", on: "2024-12-01",
                citations: [(source: "s", quote: "Beta called on Alpha to withdraw")]),
        ],
    )"#,
    )
    .unwrap();
    let view = g.at(day("2024-12-02"));
    assert_eq!(view.relations().count(), 0, "events, not states");
    assert_eq!(view.events().count(), 2);
    // Symmetric: the talks are found from either side.
    for side in ["a", "b"] {
        let found = view
            .events_of(g.resolve(side).unwrap())
            .unwrap()
            .filter(|r| r.kind() == RelationKind::MetWith)
            .count();
        assert_eq!(found, 1, "{side}");
    }
    let snapshot = g.to_snapshot();
    let opened = actorgraph::ActorGraph::from_snapshot(&snapshot).unwrap();
    assert_eq!(
        opened.relation("call").unwrap().kind(),
        RelationKind::CallsOn
    );
    assert_eq!(
        opened.relation("talks").unwrap().kind(),
        RelationKind::MetWith
    );
}

#[test]
fn succession_is_an_event_appended_last_and_kept_apart_from_a_merger() {
    // A new organisation that takes up a dissolved one's place: not a
    // merger into a body that already existed.
    // Kinds added later (the importers' battle, event and joining kinds)
    // come after it.
    assert_eq!(RelationKind::ALL[24], RelationKind::Succeeds);
    assert_eq!(RelationKind::ALL[23], RelationKind::CallsOn);
    let kind = RelationKind::Succeeds;
    assert!(kind.is_event());
    assert!(!kind.is_symmetric());
    assert_ne!(kind, RelationKind::MergedInto);
    assert_eq!(kind.verb(), "succeeds");
    assert_eq!(kind.name(), "succeeds");
    assert_eq!("succeeds".parse::<RelationKind>(), Ok(kind));
    assert_eq!("Succeeds".parse::<RelationKind>(), Ok(kind));
    let g = actorgraph::ActorGraph::from_ron(
        r#"(
        sources: [(id: "s", title: "Report", published: "2024-12-02")],
        actors: [(id: "old", name: "Old Front", kind: ArmedGroup), (id: "new", name: "New Front", kind: ArmedGroup)],
        relations: [
            (id: "lineage", kind: Succeeds, subject: "new", object: "old", on: "2016",
                citations: [(source: "s", quote: "dissolved the Old Front and set up the New Front")]),
        ],
    )"#,
    )
    .unwrap();
    let lineage = g.relation("lineage").unwrap();
    assert_eq!(
        lineage.to_string(),
        "New Front succeeds Old Front (on 2016)"
    );
    let view = g.at(day("2024-12-02"));
    assert_eq!(view.relations().count(), 0, "an event, not a state");
    // Found from the successor's side, and only as an event once it happened.
    let from_new = |d: &str| {
        g.at(day(d))
            .events_of(g.resolve("new").unwrap())
            .unwrap()
            .filter(|r| r.kind() == RelationKind::Succeeds)
            .map(|r| r.object().id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(from_new("2017-01-01"), ["old"]);
    assert!(from_new("2015-06-01").is_empty());
    let opened = actorgraph::ActorGraph::from_snapshot(&g.to_snapshot()).unwrap();
    assert_eq!(
        opened.relation("lineage").unwrap().kind(),
        RelationKind::Succeeds
    );
}
