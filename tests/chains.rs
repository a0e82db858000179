use super::*;
use actorgraph::{ChainOptions, RelationKind};

fn names(chain: &actorgraph::Chain<'_>) -> Vec<String> {
    chain.actors().map(|a| a.id.to_string()).collect()
}

#[test]
fn iran_backs_the_syrian_army_directly_and_through_its_units() {
    let g = syria();
    let chains: Vec<_> = actorgraph::algo::chains(
        g.at(day("2024-11-30")),
        "Iran",
        "SAA",
        &ChainOptions::default(),
    )
    .unwrap()
    .collect();
    assert_eq!(names(&chains[0]), ["iran", "syrian_army"]);
    assert_eq!(
        chains[0].hops()[0].relations()[0].kind(),
        RelationKind::Backs
    );
    for pair in chains.windows(2) {
        assert!(pair[0].len() <= pair[1].len(), "shortest first");
    }
    let through_units = chains
        .iter()
        .find(|c| names(c) == ["iran", "iranian_led_saa_units", "syrian_army"])
        .unwrap();
    let hop = &through_units.hops()[0];
    assert_eq!(hop.relations()[0].kind(), RelationKind::Leads);
    assert!(
        hop.relations()[0].citations().next().is_some(),
        "every hop carries evidence"
    );
}

#[test]
fn direction_is_respected_for_directed_kinds() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let options = ChainOptions::default().kinds([RelationKind::Backs]);
    assert_eq!(
        actorgraph::algo::chains(view, "hezbollah", "iran", &options)
            .unwrap()
            .count(),
        0
    );
    assert_eq!(
        actorgraph::algo::chains(view, "iran", "hezbollah", &options)
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn symmetric_kinds_are_followed_both_ways() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let options = ChainOptions::default().kinds([RelationKind::AlliedWith]);
    assert_eq!(
        actorgraph::algo::chains(view, "bashar_al_assad", "russia", &options)
            .unwrap()
            .count(),
        1
    );
    assert_eq!(
        actorgraph::algo::chains(view, "russia", "bashar_al_assad", &options)
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn parallel_relations_share_one_hop() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let options = ChainOptions::default()
        .kinds([RelationKind::Leads, RelationKind::MemberOf])
        .max_hops(1);
    let chains: Vec<_> = actorgraph::algo::chains(view, "hts", "rebels", &options)
        .unwrap()
        .collect();
    assert_eq!(
        chains.len(),
        1,
        "leads and member-of between one pair make one chain"
    );
    assert_eq!(chains[0].hops()[0].relations().len(), 2);
}

#[test]
fn max_hops_bounds_chains() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    for hops in 1..=4 {
        let options = ChainOptions::default().max_hops(hops);
        assert!(
            actorgraph::algo::chains_from(view, "iran", &options)
                .unwrap()
                .all(|c| c.len() <= hops)
        );
    }
    let options = ChainOptions::default().max_hops(1);
    assert_eq!(
        actorgraph::algo::chains(view, "iran", "syria", &options)
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn chains_into_end_at_the_target() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let chains: Vec<_> =
        actorgraph::algo::chains_into(view, "Syrian rebels", &ChainOptions::default())
            .unwrap()
            .collect();
    assert!(!chains.is_empty());
    for chain in &chains {
        assert_eq!(chain.actors().last().unwrap().id.as_str(), "rebels");
        assert_eq!(chain.hops().last().unwrap().to().id.as_str(), "rebels");
    }
    assert!(chains.iter().any(|c| names(c) == ["turkey", "rebels"]));
}

#[test]
fn chains_respect_the_date() {
    let g = syria();
    // HTS led the rebels from the offensive's first day at the latest: on
    // the day before it may have, but not certainly.
    let options = ChainOptions::default();
    let eve = g
        .at(day("2024-11-26"))
        .certainty(actorgraph::Certainty::Certainly);
    assert_eq!(
        actorgraph::algo::chains(eve, "hts", "rebels", &options)
            .unwrap()
            .count(),
        0
    );
    let first_day = g
        .at(day("2024-11-27"))
        .certainty(actorgraph::Certainty::Certainly);
    assert!(
        actorgraph::algo::chains(first_day, "hts", "rebels", &options)
            .unwrap()
            .count()
            >= 1
    );
    assert_eq!(
        actorgraph::algo::chains(g.at(day("2015-06-01")), "iran", "syrian_army", &options)
            .unwrap()
            .filter(|c| c.len() == 1)
            .count(),
        1,
        "Iran's backing of the army may already have held"
    );
}

#[test]
fn blocs_separate_the_two_camps() {
    let g = syria();
    let blocs = actorgraph::algo::blocs(g.at(day("2024-11-30")), &ChainOptions::default());
    let bloc_of = |id: &str| {
        blocs
            .iter()
            .position(|b| b.iter().any(|a| a.id.as_str() == id))
            .unwrap()
    };
    assert_eq!(bloc_of("iran"), bloc_of("russia"));
    assert_eq!(bloc_of("iran"), bloc_of("hezbollah"));
    assert_eq!(bloc_of("turkey"), bloc_of("hts"));
    assert_ne!(bloc_of("iran"), bloc_of("hts"));
    assert!(blocs.iter().all(|b| b.len() >= 2));
    assert!(blocs.windows(2).all(|w| w[0].len() >= w[1].len()));
}

#[test]
fn common_backers_and_enemies() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let backers =
        actorgraph::algo::common_backers(view, "syrian_government", "syrian_army").unwrap();
    assert_eq!(
        backers
            .iter()
            .map(|t| t.actor.id.as_str())
            .collect::<Vec<_>>(),
        ["russia", "iran"]
    );
    assert!(!backers[0].with_first.is_empty() && !backers[0].with_second.is_empty());
    let enemies = actorgraph::algo::common_enemies(view, "hts", "rebels").unwrap();
    assert!(
        enemies
            .iter()
            .any(|t| t.actor.id.as_str() == "syrian_government"),
        "{enemies:?}"
    );
}

#[test]
fn a_hop_names_every_parallel_relation() {
    let g = syria();
    let options = ChainOptions::default()
        .kinds([RelationKind::Leads, RelationKind::MemberOf])
        .max_hops(1);
    let chain = actorgraph::algo::chains(g.at(day("2024-11-30")), "hts", "rebels", &options)
        .unwrap()
        .next()
        .unwrap();
    assert_eq!(
        chain.hops()[0].to_string(),
        "Hayat Tahrir al-Sham leads and is a member of HTS-led rebel coalition"
    );
    assert_eq!(
        chain.to_string(),
        "Hayat Tahrir al-Sham -[leads, is a member of]-> HTS-led rebel coalition"
    );
}
