use super::*;

#[test]
fn aleppo_and_the_towns_change_hands_during_the_offensive() {
    let g = syria();
    let changes = actorgraph::algo::changes(g.at(day("2024-11-26")), day("2024-12-02"));
    let aleppo = changes
        .hand_overs
        .iter()
        .find(|h| h.place.id.as_str() == "aleppo")
        .unwrap();
    assert_eq!(
        aleppo
            .before
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["syrian_government"]
    );
    assert_eq!(
        aleppo
            .after
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["rebels"]
    );
    let khanasir = changes
        .hand_overs
        .iter()
        .find(|h| h.place.id.as_str() == "khanasir")
        .unwrap();
    assert_eq!(
        khanasir
            .before
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["syrian_government"]
    );
    assert!(ids(changes.began.iter().copied()).contains(&"rebels_control_aleppo".to_owned()));
    assert!(
        ids(changes.ended.iter().copied())
            .contains(&"syrian_government_controls_aleppo".to_owned())
    );
    // Places nobody took are not listed.
    assert!(
        !changes
            .hand_overs
            .iter()
            .any(|h| h.place.id.as_str() == "hama")
    );
}

#[test]
fn nothing_changes_between_a_day_and_itself() {
    let g = syria();
    let changes = actorgraph::algo::changes(g.at(day("2024-11-30")), day("2024-11-30"));
    assert!(changes.began.is_empty() && changes.ended.is_empty());
    assert!(changes.changed.is_empty() && changes.hand_overs.is_empty());
}

#[test]
fn a_relation_replaced_by_another_of_the_same_pair_is_a_change() {
    // A tie that ends and another of the same kind between the same pair
    // that begins later (the embedded data no longer has one: HTS's old
    // al-Qaeda affiliation is now Jabhat al-Nusra's).
    let g = ActorGraph::from_ron(
        r#"(
        sources: [(id: "s", title: "Report", published: "2024-12-01")],
        actors: [(id: "a", name: "Alpha", kind: ArmedGroup), (id: "b", name: "Beta", kind: ArmedGroup)],
        relations: [
            (id: "old_tie", kind: AffiliatedWith, subject: "a", object: "b", from: "2011", until: "2016",
                citations: [(source: "s", quote: "Alpha was a branch of Beta")]),
            (id: "new_tie", kind: AffiliatedWith, subject: "a", object: "b", from: "[..2024-11-30]",
                citations: [(source: "s", quote: "Alpha is still tied to Beta")]),
        ],
    )"#,
    )
    .unwrap();
    let view = g
        .at(day("2015-06-01"))
        .certainty(actorgraph::Certainty::Certainly);
    let changes = actorgraph::algo::changes(view, day("2024-12-01"));
    let (before, after) = changes
        .changed
        .iter()
        .find(|(b, _)| b.id() == "old_tie")
        .unwrap();
    assert_eq!(after.id(), "new_tie");
    assert_eq!(before.object().id, after.object().id);
}

#[test]
fn changes_follow_the_knowledge_date() {
    let g = syria();
    let changes = actorgraph::algo::changes(
        g.at(day("2024-11-26")).known_by(day("2024-11-28")),
        day("2024-11-30"),
    );
    assert!(
        !changes
            .hand_overs
            .iter()
            .any(|h| h.place.id.as_str() == "aleppo")
    );
    assert!(
        changes
            .hand_overs
            .iter()
            .any(|h| h.place.id.as_str() == "anjarah")
    );
}
