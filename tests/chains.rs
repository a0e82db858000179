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
    assert!(
        chains
            .iter()
            .any(|c| names(c) == ["idlib_government", "rebels"])
    );
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
    };
    assert_eq!(bloc_of("iran"), bloc_of("russia"));
    assert_eq!(bloc_of("iran"), bloc_of("hezbollah"));
    assert_eq!(bloc_of("idlib_government"), bloc_of("hts"));
    assert_ne!(bloc_of("iran"), bloc_of("hts"));
    assert!(blocs.iter().all(|b| b.len() >= 2));
    assert!(blocs.windows(2).all(|w| w[0].len() >= w[1].len()));
}

#[test]
fn no_bloc_or_camp_joins_actors_that_fight_or_rival_each_other() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let hostile: Vec<(String, String)> = [RelationKind::Opposes, RelationKind::CompetesWith]
        .into_iter()
        .flat_map(|k| view.of_kind(k))
        .map(|r| (r.subject().id.to_string(), r.object().id.to_string()))
        .collect();
    let check = |group: Vec<String>| {
        for (a, b) in &hostile {
            assert!(
                !(group.contains(a) && group.contains(b)),
                "{a} and {b} in {group:?}"
            );
        }
    };
    let ids =
        |actors: &[actorgraph::ActorRef<'_>]| actors.iter().map(|a| a.id.to_string()).collect();
    for bloc in actorgraph::algo::blocs(view, &ChainOptions::default()) {
        check(ids(&bloc));
    }
    let options = actorgraph::CampOptions::default()
        .every_core(true)
        .outsiders(true);
    for camp in actorgraph::algo::camps(view, &options) {
        check(ids(camp.members()));
    }
}

#[test]
fn outsiders_join_blocs_only_when_asked() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let in_a_bloc = |options: &ChainOptions| {
        actorgraph::algo::blocs(view, options)
            .iter()
            .any(|b| b.iter().any(|a| a.id.as_str() == "new_lines_institute"))
    };
    assert!(!in_a_bloc(&ChainOptions::default()));
    assert!(in_a_bloc(&ChainOptions::default().outsiders(true)));
}

#[test]
fn the_two_camps_of_november_30_with_their_backers() {
    let g = syria();
    let camps =
        actorgraph::algo::camps(g.at(day("2024-11-30")), &actorgraph::CampOptions::default());
    let principals: Vec<String> = camps.iter().map(|c| c.principal().id.to_string()).collect();
    // The principal is the member with the most fighting: the army, now
    // that the government side's strikes are recorded once, under it.
    assert_eq!(principals, ["rebels", "syrian_army"]);
    let backers = |camp: &actorgraph::Camp<'_>| -> Vec<String> {
        camp.backing().iter().map(|c| c.to_string()).collect()
    };
    let rebels = backers(&camps[0]);
    assert!(
        rebels.contains(
            &"Self-proclaimed government in Idlib -[backs]-> HTS-led rebel coalition".to_owned()
        ),
        "{rebels:?}"
    );
    let government = backers(&camps[1]);
    for expected in [
        "Russia -[backs]-> Syrian government",
        "Iran -[backs]-> Hezbollah -[backs]-> Syrian government",
        "Nujaba Movement -[backs]-> Bashar al-Assad",
    ] {
        assert!(
            government.contains(&expected.to_owned()),
            "{expected}: {government:?}"
        );
    }
    // A tail of a longer chain is not repeated on its own.
    assert!(!government.contains(&"Hezbollah -[backs]-> Syrian government".to_owned()));
    // Chains mean support: no leadership of a state, no membership hops.
    for chain in camps.iter().flat_map(|c| c.backing()) {
        for hop in chain.hops() {
            assert!(
                hop.relations()
                    .iter()
                    .all(|r| r.kind() != RelationKind::MemberOf),
                "{chain}"
            );
        }
    }
    // Fighting, from both sides.
    let fighting: Vec<&str> = camps[1].fighting().iter().map(|r| r.id()).collect();
    assert!(fighting.contains(&"rebels_opposes_syrian_government"));
    assert!(fighting.contains(&"syrian_army_opposes_rebels"));
}

#[test]
fn a_camp_pledged_to_another_is_among_its_backers_not_a_camp() {
    let g = syria();
    let view = g.at(day("2024-11-30"));
    let camps = actorgraph::algo::camps(view, &actorgraph::CampOptions::default());
    assert!(!camps.iter().any(|c| {
        c.members()
            .iter()
            .any(|a| a.id.as_str() == "nujaba_movement")
    }));
    // It backs Assad: among the government camp's backers.
    let government = camps
        .iter()
        .find(|c| {
            c.members()
                .iter()
                .any(|a| a.id.as_str() == "syrian_government")
        })
        .unwrap();
    assert!(
        government
            .backing()
            .iter()
            .any(|chain| chain.actors().any(|a| a.id.as_str() == "nujaba_movement"))
    );
}

#[test]
fn the_strongest_quote_names_both_ends_and_is_not_withdrawn() {
    let g = syria();
    let aleppo = g.relation("rebels_control_aleppo").unwrap();
    let best = actorgraph::algo::strongest_evidence(&[aleppo]).unwrap();
    assert_eq!(best.stance(), actorgraph::Stance::Supports);
    assert!(best.claimed_by().is_none(), "the article's own word first");
    // Of the government's hold on Aleppo, not the French quote that names
    // neither end ("the country's second city").
    let held = g.relation("syrian_government_controls_aleppo").unwrap();
    let best = actorgraph::algo::strongest_evidence(&[held]).unwrap();
    assert!(!best.quote().contains("second city"), "{}", best.quote());
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
