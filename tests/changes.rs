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
    assert!(khanasir.before.is_empty());
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
    let g = syria();
    // HTS's al-Qaeda affiliation: certainly in 2011-2016, then only the
    // contested claim, certain as of the French article's day.
    let view = g
        .at(day("2015-06-01"))
        .certainty(actorgraph::Certainty::Certainly);
    let changes = actorgraph::algo::changes(view, day("2024-12-01"));
    let (before, after) = changes
        .changed
        .iter()
        .find(|(b, _)| b.id() == "hts_affiliated_with_al_qaeda")
        .unwrap();
    assert_eq!(after.id(), "hts_still_tied_to_al_qaeda");
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
