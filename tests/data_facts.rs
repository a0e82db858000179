//! Facts stated in the five articles, asked through the public query API.

use super::*;
use actorgraph::{Certainty, RelationKind, RelationRef};

/// Names of the subjects of a query's relations.
fn subjects<'g>(found: impl Iterator<Item = RelationRef<'g>>) -> Vec<String> {
    let mut names: Vec<String> = found.map(|r| r.subject().id.to_string()).collect();
    names.sort();
    names.dedup();
    names
}

/// Events of `kind` into (`Incoming`) or out of `actor` that happened on or
/// before the view's day.
fn events<'g>(
    view: actorgraph::View<'g>,
    actor: &str,
    kind: RelationKind,
    direction: actorgraph::Direction,
) -> impl Iterator<Item = RelationRef<'g>> {
    let actor = view.graph().resolve(actor).unwrap();
    view.events_of(actor).unwrap().filter(move |r| {
        let end = match direction {
            actorgraph::Direction::Incoming => r.object(),
            actorgraph::Direction::Outgoing => r.subject(),
        };
        r.kind() == kind && end == actor
    })
}

fn objects<'g>(found: impl Iterator<Item = RelationRef<'g>>) -> Vec<String> {
    let mut names: Vec<String> = found.map(|r| r.object().id.to_string()).collect();
    names.sort();
    names.dedup();
    names
}

const OFFENSIVE_DAY_3: &str = "2024-11-30";

#[test]
fn russia_iran_and_hezbollah_back_the_assad_government() {
    let g = syria();
    let backers = subjects(
        g.at(day(OFFENSIVE_DAY_3))
            .backers_of("Assad regime")
            .unwrap(),
    );
    for expected in ["hezbollah", "iran", "russia"] {
        assert!(backers.contains(&expected.to_owned()), "{backers:?}");
    }
}

#[test]
fn turkey_backs_the_rebels_and_the_sna() {
    let g = syria();
    let backed = objects(g.at(day(OFFENSIVE_DAY_3)).backed_by("Ankara").unwrap());
    for expected in ["rebels", "sna", "turkey_backed_factions"] {
        assert!(backed.contains(&expected.to_owned()), "{backed:?}");
    }
}

#[test]
fn turkish_backing_of_the_rebels_is_contested_by_haid_haid() {
    let g = syria();
    let found: Vec<_> = g
        .at(day(OFFENSIVE_DAY_3))
        .backers_of("rebels")
        .unwrap()
        .filter(|r| r.subject().id.as_str() == "turkey")
        .collect();
    assert_eq!(found.len(), 1);
    assert!(found[0].is_contested());
    let dispute = found[0]
        .citations()
        .find(|e| e.stance() == actorgraph::Stance::Disputes)
        .unwrap();
    assert_eq!(dispute.claimed_by().unwrap().to_string(), "haid_haid");
}

#[test]
fn iran_backs_hezbollah() {
    let g = syria();
    assert!(
        subjects(g.at(day(OFFENSIVE_DAY_3)).backers_of("Hezbollah").unwrap())
            .contains(&"iran".to_owned())
    );
}

#[test]
fn hts_leads_the_rebel_offensive_from_its_first_day() {
    let g = syria();
    assert_eq!(
        subjects(g.at(day("2024-11-27")).leaders_of("Syrian rebels").unwrap()),
        ["hts"]
    );
    assert_eq!(
        g.at(day("2024-11-26"))
            .leaders_of("Syrian rebels")
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn al_julani_leads_hts() {
    let g = syria();
    assert_eq!(
        subjects(g.at(day(OFFENSIVE_DAY_3)).leaders_of("HTS").unwrap()),
        ["abu_mohammed_al_julani"]
    );
}

#[test]
fn assad_leads_the_government() {
    let g = syria();
    let leaders = subjects(
        g.at(day(OFFENSIVE_DAY_3))
            .leaders_of("syrian_government")
            .unwrap(),
    );
    assert_eq!(leaders, ["bashar_al_assad"]);
}

#[test]
fn hts_was_called_jabhat_al_nusra_in_2015() {
    let g = syria();
    let hts = g.resolve("Hay'at Tahrir al-Sham").unwrap();
    assert_eq!(hts.name_on(day("2015-06-01")), "Jabhat al-Nusra");
    assert_eq!(hts.name_on(day(OFFENSIVE_DAY_3)), "Hayat Tahrir al-Sham");
    assert_eq!(g.resolve("jabhat al nusra").unwrap().id.as_str(), "hts");
    assert_eq!(g.resolve("al-Nusra Front").unwrap().id.as_str(), "hts");
}

#[test]
fn hts_was_affiliated_with_al_qaeda_in_2015() {
    let g = syria();
    let ties: Vec<_> = g
        .at(day("2015-06-01"))
        .either_way("hts", RelationKind::AffiliatedWith)
        .unwrap()
        .filter(|r| r.object().id.as_str() == "al_qaeda")
        .collect();
    assert_eq!(ties.len(), 1);
    assert!(!ties[0].is_contested());
}

#[test]
fn hts_ties_to_al_qaeda_after_2016_are_contested() {
    let g = syria();
    let ties: Vec<_> = g
        .at(day(OFFENSIVE_DAY_3))
        .either_way("hts", RelationKind::AffiliatedWith)
        .unwrap()
        .filter(|r| r.object().id.as_str() == "al_qaeda")
        .collect();
    assert_eq!(ties.len(), 1, "only the disputed claim holds in 2024");
    assert!(ties[0].is_contested());
    let dropped = g
        .at(day(OFFENSIVE_DAY_3))
        .without_contested()
        .either_way("hts", RelationKind::AffiliatedWith)
        .unwrap()
        .count();
    assert_eq!(dropped, 0);
}

#[test]
fn the_formal_al_qaeda_affiliation_had_ended_by_2024() {
    let g = syria();
    let former = ids(g.at(day(OFFENSIVE_DAY_3)).formerly_of("hts").unwrap());
    assert!(
        former.contains(&"hts_affiliated_with_al_qaeda".to_owned()),
        "{former:?}"
    );
}

#[test]
fn hts_split_from_al_qaeda_in_2016() {
    let g = syria();
    let splits = objects(events(
        g.at(day("2017-01-01")),
        "hts",
        RelationKind::SplitFrom,
        actorgraph::Direction::Outgoing,
    ));
    assert_eq!(splits, ["al_qaeda"]);
}

#[test]
fn al_baghdadi_was_involved_in_founding_the_group_in_2011() {
    let g = syria();
    let founders = subjects(events(
        g.at(day("2012-01-01")),
        "hts",
        RelationKind::Founded,
        actorgraph::Direction::Incoming,
    ));
    assert_eq!(founders, ["abu_bakr_al_baghdadi"]);
}

#[test]
fn three_states_designate_hts_as_terrorist() {
    let g = syria();
    let designators = subjects(
        g.at(day(OFFENSIVE_DAY_3))
            .directed(
                "hts",
                RelationKind::DesignatesTerrorist,
                actorgraph::Direction::Incoming,
            )
            .unwrap(),
    );
    assert_eq!(designators, ["russia", "syria", "united_states"]);
}

#[test]
fn the_us_designation_was_known_on_november_28() {
    let g = syria();
    let known = subjects(
        g.at(day("2024-11-28"))
            .known_by(day("2024-11-28"))
            .directed(
                "hts",
                RelationKind::DesignatesTerrorist,
                actorgraph::Direction::Incoming,
            )
            .unwrap(),
    );
    assert_eq!(
        known,
        ["united_states"],
        "Syria and Russia are only named in a December article"
    );
}

#[test]
fn the_government_held_aleppo_before_the_offensive() {
    let g = syria();
    assert_eq!(
        subjects(g.at(day("2024-11-26")).controllers_of("Aleppo").unwrap()),
        ["syrian_government"]
    );
    assert_eq!(
        subjects(g.at(day("2020-01-01")).controllers_of("Aleppo").unwrap()),
        ["syrian_government"]
    );
}

#[test]
fn the_rebels_held_aleppo_after_its_capture() {
    let g = syria();
    assert_eq!(
        subjects(
            g.at(day(OFFENSIVE_DAY_3))
                .controllers_of("aleppo city")
                .unwrap()
        ),
        ["rebels"]
    );
}

#[test]
fn aleppo_control_is_contested_by_the_armys_first_claim() {
    let g = syria();
    let found: Vec<_> = g
        .at(day(OFFENSIVE_DAY_3))
        .controllers_of("aleppo")
        .unwrap()
        .collect();
    assert!(found[0].is_contested());
    let army_claims = found[0]
        .citations()
        .filter(|e| {
            e.claimed_by()
                .is_some_and(|c| c.to_string() == "syrian_army")
        })
        .count();
    assert_eq!(army_claims, 2, "the army both denied and confirmed");
}

#[test]
fn aleppo_fall_was_not_known_on_november_28() {
    let g = syria();
    let view = g.at(day(OFFENSIVE_DAY_3)).known_by(day("2024-11-28"));
    assert_eq!(view.controllers_of("aleppo").unwrap().count(), 0);
    let view = g.at(day(OFFENSIVE_DAY_3)).known_by(day("2024-11-30"));
    assert_eq!(subjects(view.controllers_of("aleppo").unwrap()), ["rebels"]);
}

#[test]
fn the_government_held_aleppo_since_2016_but_not_certainly_early_that_year() {
    let g = syria();
    let view = g.at(day("2016-03-01"));
    assert_eq!(view.controllers_of("aleppo").unwrap().count(), 1);
    assert_eq!(
        view.certainty(Certainty::Certainly)
            .controllers_of("aleppo")
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn towns_of_northwestern_aleppo_changed_hands() {
    let g = syria();
    for town in [
        "Qabtan al-Jabal",
        "Urma al-Sughra",
        "Anjarah",
        "Bala",
        "Jamiyat al-Maari",
        "al-Salloum",
        "Hawar",
    ] {
        assert_eq!(
            subjects(g.at(day("2024-11-20")).controllers_of(town).unwrap()),
            ["syrian_government"],
            "{town}"
        );
        assert_eq!(
            subjects(g.at(day("2024-11-29")).controllers_of(town).unwrap()),
            ["rebels"],
            "{town}"
        );
    }
}

#[test]
fn khanasir_was_taken_on_sunday_december_1() {
    let g = syria();
    assert_eq!(
        g.at(day(OFFENSIVE_DAY_3))
            .controllers_of("Khanasir")
            .unwrap()
            .count(),
        0
    );
    assert_eq!(
        subjects(g.at(day("2024-12-01")).controllers_of("Khanasir").unwrap()),
        ["rebels"]
    );
}

#[test]
fn the_government_held_hama() {
    let g = syria();
    assert_eq!(
        subjects(g.at(day("2024-12-02")).controllers_of("Hama").unwrap()),
        ["syrian_government"]
    );
}

#[test]
fn hts_controls_idlib_province() {
    let g = syria();
    assert!(
        subjects(
            g.at(day(OFFENSIVE_DAY_3))
                .controllers_of("Idlib province")
                .unwrap()
        )
        .contains(&"hts".to_owned())
    );
}

#[test]
fn the_regime_retains_southern_kafr_naha() {
    let g = syria();
    assert_eq!(
        subjects(
            g.at(day(OFFENSIVE_DAY_3))
                .controllers_of("Kafr Naha")
                .unwrap()
        ),
        ["syrian_government"]
    );
}

#[test]
fn russia_and_turkey_brokered_the_march_2020_ceasefire() {
    let g = syria();
    let brokers = subjects(events(
        g.at(day("2020-03-31")),
        "ceasefire_2020",
        RelationKind::Brokered,
        actorgraph::Direction::Incoming,
    ));
    assert_eq!(brokers, ["russia", "turkey"]);
    assert_eq!(
        events(
            g.at(day("2020-02-01")),
            "ceasefire_2020",
            RelationKind::Brokered,
            actorgraph::Direction::Incoming
        )
        .count(),
        0
    );
}

#[test]
fn the_lebanon_truce_began_the_day_of_the_offensive() {
    let g = syria();
    let parties = subjects(
        g.at(day("2024-11-27"))
            .directed(
                "lebanon_truce_2024",
                RelationKind::PartyTo,
                actorgraph::Direction::Incoming,
            )
            .unwrap(),
    );
    assert_eq!(parties, ["hezbollah", "israeli_army"]);
}

#[test]
fn fateh_mubin_and_the_sna_coordinate_per_the_isw() {
    let g = syria();
    let found: Vec<_> = g
        .at(day("2024-12-02"))
        .either_way("sna", RelationKind::CoordinatesWith)
        .unwrap()
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].other_end("sna").id.as_str(), "fateh_mubin");
    assert_eq!(found[0].claimed_by().unwrap().to_string(), "isw");
}

#[test]
fn nujaba_is_aligned_with_the_axis_of_resistance_led_by_iran() {
    let g = syria();
    let view = g.at(day("2024-12-02"));
    assert_eq!(
        objects(
            view.either_way("nujaba_movement", RelationKind::AffiliatedWith)
                .unwrap()
                .filter(|r| r.object().kind == actorgraph::ActorKind::PoliticalOrganization)
        ),
        ["axis_of_resistance"]
    );
    assert_eq!(
        subjects(view.leaders_of("Axis of Resistance").unwrap()),
        ["iran"]
    );
}

#[test]
fn the_nujaba_spokesman_is_hussein_al_musawi() {
    let g = syria();
    let speakers = subjects(
        g.at(day("2024-12-02"))
            .directed(
                "nujaba_movement",
                RelationKind::SpeaksFor,
                actorgraph::Direction::Incoming,
            )
            .unwrap(),
    );
    assert_eq!(speakers, ["hussein_al_musawi"]);
}

#[test]
fn abu_obeida_led_the_northern_storm_brigade_until_his_death() {
    let g = syria();
    assert_eq!(
        subjects(
            g.at(day("2024-11-27"))
                .leaders_of("Northern Storm Brigade")
                .unwrap()
        ),
        ["abu_obeida"]
    );
    assert_eq!(
        g.at(day("2024-11-28"))
            .leaders_of("Northern Storm Brigade")
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn the_brigade_belongs_to_hts() {
    let g = syria();
    assert!(
        subjects(g.at(day(OFFENSIVE_DAY_3)).members_of("hts").unwrap())
            .contains(&"hts_northern_storm_brigade".to_owned())
    );
}

#[test]
fn iranian_backed_militias_reinforce_the_army_by_december_2() {
    let g = syria();
    assert!(
        subjects(
            g.at(day("2024-12-02"))
                .backers_of("Syrian Arab Army")
                .unwrap()
        )
        .contains(&"iraqi_iran_backed_militias".to_owned())
    );
    assert!(
        !subjects(g.at(day(OFFENSIVE_DAY_3)).backers_of("SAA").unwrap())
            .contains(&"iraqi_iran_backed_militias".to_owned())
    );
}

#[test]
fn russia_struck_aleppo_from_the_night_of_november_29() {
    let g = syria();
    let strikes: Vec<_> = events(
        g.at(day(OFFENSIVE_DAY_3)),
        "aleppo",
        RelationKind::Attacks,
        actorgraph::Direction::Incoming,
    )
    .collect();
    assert_eq!(strikes.len(), 1);
    assert_eq!(strikes[0].subject().id.as_str(), "russia");
    assert_eq!(
        strikes[0]
            .citations()
            .next()
            .unwrap()
            .claimed_by()
            .unwrap()
            .to_string(),
        "sohr"
    );
}

#[test]
fn monitors_and_experts_belong_to_their_institutions() {
    let g = syria();
    let view = g.at(day(OFFENSIVE_DAY_3));
    assert_eq!(
        subjects(view.leaders_of("OSDH").unwrap()),
        ["rami_abdel_rahmane"]
    );
    assert_eq!(
        subjects(view.members_of("New Lines Institute").unwrap()),
        ["caroline_rose", "karam_shaar"]
    );
    assert_eq!(
        subjects(view.members_of("Chatham House").unwrap()),
        ["haid_haid"]
    );
    assert_eq!(
        subjects(
            view.directed(
                "united_nations",
                RelationKind::SpeaksFor,
                actorgraph::Direction::Incoming
            )
            .unwrap()
        ),
        ["geir_pedersen"]
    );
}

#[test]
fn what_the_press_knew_on_november_28() {
    let g = syria();
    let view = g.at(day("2024-11-28")).known_by(day("2024-11-28"));
    for relation in view.relations() {
        for evidence in relation.citations() {
            assert!(
                evidence.source().published <= "2024-11-28".parse().unwrap(),
                "{relation}"
            );
        }
    }
    let backs = ids(view.of_kind(RelationKind::Backs));
    assert!(backs.contains(&"russia_backs_syrian_government".to_owned()));
    assert!(
        !backs.contains(&"iran_backs_syrian_government".to_owned()),
        "{backs:?}"
    );
}

#[test]
fn hts_timeline_covers_founding_to_offensive() {
    let g = syria();
    let dates: Vec<_> = actorgraph::algo::timeline(&g, "hts")
        .unwrap()
        .filter_map(|e| e.date)
        .collect();
    assert_eq!(dates.first().unwrap().to_string(), "2011");
    assert!(dates.iter().any(|d| d.to_string() == "2024-11-27"));
}

#[test]
fn every_claimed_relation_names_a_claimant_that_exists() {
    let g = syria();
    for relation in g.to_dataset().relations {
        if let Some(actorgraph::Claimant::Actor(id)) = &relation.claimed_by {
            assert!(g.actor(id.as_str()).is_some(), "{}", relation.id);
        }
    }
}
