use super::*;
use actorgraph::{Certainty, Direction, Holding, RelationKind, TimelineEvent};

#[test]
fn backers_follow_the_interval() {
    let g = fixture();
    assert_eq!(
        ids(g.at(day("2015-06-01")).backers_of("beta").unwrap()),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(g.at(day("2016-06-01")).backers_of("beta").unwrap()),
        ["alpha_backs_beta"]
    );
    assert_eq!(
        ids(g.at(day("2024-11-15")).backers_of("beta").unwrap()),
        ["alpha_backs_beta", "gamma_backs_beta"]
    );
    assert_eq!(
        ids(g.at(day("2024-12-01")).backers_of("beta").unwrap()),
        ["alpha_backs_beta"]
    );
}

#[test]
fn certainty_excludes_partial_starts() {
    let g = fixture();
    let view = g.at(day("2016-06-01"));
    let found: Vec<_> = view.backers_of("beta").unwrap().collect();
    assert_eq!(found[0].holding(), Some(Holding::Possibly));
    assert_eq!(
        view.certainty(Certainty::Certainly)
            .backers_of("beta")
            .unwrap()
            .count(),
        0
    );
    assert_eq!(
        g.at(day("2016-12-31"))
            .certainty(Certainty::Certainly)
            .backers_of("beta")
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn whom_an_actor_backs() {
    let g = fixture();
    assert_eq!(
        ids(g.at(day("2024-11-15")).backed_by("gamma").unwrap()),
        ["gamma_backs_beta"]
    );
}

#[test]
fn control_changes_hands_without_overlap() {
    let g = fixture();
    assert_eq!(
        ids(g.at(day("2024-11-28")).controllers_of("Town").unwrap()),
        ["alpha_controls_town"]
    );
    assert_eq!(
        ids(g.at(day("2024-11-29")).controllers_of("Town").unwrap()),
        ["beta_controls_town"]
    );
}

#[test]
fn knowledge_date_hides_what_was_not_yet_published() {
    let g = fixture();
    // The take-over is only reported by the "late" source (December).
    let view = g.at(day("2024-11-30")).known_by(day("2024-11-28"));
    assert_eq!(view.controllers_of("town").unwrap().count(), 0);
    // Knowledge-time restricts evidence too: the early dispute is known, the late support is not.
    let view = g.at(day("2024-11-30")).known_by(day("2024-12-05"));
    let found: Vec<_> = view.controllers_of("town").unwrap().collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].citations().count(), 2);
}

#[test]
fn knowledge_date_with_partial_publication_dates() {
    let g = fixture();
    // "late" was published some day in December 2024.
    let possibly = g.at(day("2024-11-30")).known_by(day("2024-12-05"));
    assert_eq!(possibly.controllers_of("town").unwrap().count(), 1);
    let certainly = possibly.certainty(Certainty::Certainly);
    assert_eq!(certainly.controllers_of("town").unwrap().count(), 0);
    let later = g
        .at(day("2024-11-30"))
        .known_by(day("2024-12-31"))
        .certainty(Certainty::Certainly);
    assert_eq!(later.controllers_of("town").unwrap().count(), 1);
}

#[test]
fn contested_relations_are_flagged_or_dropped() {
    let g = fixture();
    let view = g.at(day("2024-12-10"));
    let found: Vec<_> = view.controllers_of("town").unwrap().collect();
    assert!(found[0].is_contested());
    assert_eq!(
        view.without_contested()
            .controllers_of("town")
            .unwrap()
            .count(),
        0
    );
    let uncontested: Vec<_> = g
        .at(day("2024-11-20"))
        .controllers_of("town")
        .unwrap()
        .collect();
    assert!(!uncontested[0].is_contested());
}

#[test]
fn symmetric_relations_are_found_from_either_end() {
    let g = fixture();
    let view = g.at(day("2024-11-30"));
    assert_eq!(
        ids(view.allies_of("alpha").unwrap()),
        ["gamma_allied_with_alpha"]
    );
    assert_eq!(
        ids(view.allies_of("gamma").unwrap()),
        ["gamma_allied_with_alpha"]
    );
    let ally = view.allies_of("alpha").unwrap().next().unwrap();
    assert_eq!(ally.other_end("alpha").id.as_str(), "gamma");
}

#[test]
fn formerly_lists_ended_relations() {
    let g = fixture();
    let view = g.at(day("2024-12-02"));
    assert_eq!(
        ids(view.formerly()),
        ["alpha_controls_town", "gamma_backs_beta"]
    );
    assert_eq!(
        ids(view.formerly_of("gamma").unwrap()),
        ["gamma_backs_beta"]
    );
    assert_eq!(g.at(day("2024-11-15")).formerly().count(), 0);
}

#[test]
fn of_kind_and_directed_agree() {
    let g = fixture();
    let view = g.at(day("2024-11-15"));
    let all_backs = ids(view.of_kind(RelationKind::Backs));
    let into_beta = ids(view
        .directed("beta", RelationKind::Backs, Direction::Incoming)
        .unwrap());
    assert_eq!(all_backs, into_beta);
    assert_eq!(view.involving("alpha").unwrap().count(), 3);
}

#[test]
fn names_resolve_loosely() {
    let g = fixture();
    for name in [
        "alpha",
        "Alpha State",
        "alpha-state",
        "ALFA",
        "beta front",
        "Béta Front",
        "old beta",
    ] {
        assert!(g.resolve(name).is_ok(), "{name}");
    }
    let err = g.resolve("Alpha Stat").unwrap_err().to_string();
    assert!(err.contains("did you mean \"alpha state\""), "{err}");
}

#[test]
fn unknown_actor_in_a_query_is_an_error() {
    let g = fixture();
    assert!(g.at(day("2024-11-15")).backers_of("delta").is_err());
}

#[test]
fn former_names_answer_by_date() {
    let g = fixture();
    let beta = g.resolve("beta").unwrap();
    assert_eq!(beta.name_on(day("2012-01-01")), "Old Beta");
    assert_eq!(beta.name_on(day("2020-01-01")), "Béta Front");
}

#[test]
fn timeline_is_in_date_order() {
    let g = fixture();
    let entries: Vec<_> = actorgraph::algo::timeline(&g, "beta").unwrap().collect();
    let dates: Vec<_> = entries.iter().map(|e| e.date).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(matches!(
        entries[0].event,
        TimelineEvent::NameAdopted("Old Beta")
    ));
    assert!(
        entries
            .iter()
            .any(|e| matches!(&e.event, TimelineEvent::Ended(r) if r.id() == "gamma_backs_beta"))
    );
}

#[test]
fn every_answer_leads_to_its_quotes() {
    let g = syria();
    for found in g.at(day("2024-11-30")).relations() {
        assert!(found.citations().count() >= 1, "{found}");
        for evidence in found.citations() {
            assert!(!evidence.quote().is_empty());
            assert_eq!(evidence.source().id, evidence.to_citation().source);
        }
    }
}
