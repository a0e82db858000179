//! Lineage: splits, mergers, successions and renames, through the public
//! API, on the fictional fixture `data/lineage_example.ron` (see its
//! header for the facts it holds), and against a brute-force reading.

use std::collections::BTreeSet;

use actorgraph::algo::{self, LinkDates, LinkKind, Side, TimelineOptions};
use actorgraph::{
    ActorGraph, CampOptions, Certainty, ChainOptions, Holding, RelationKind, TimelineEvent,
};
use proptest::prelude::*;

use crate::day;

const LINEAGE: &str = include_str!("../data/lineage_example.ron");

fn graph() -> ActorGraph {
    ActorGraph::from_ron(LINEAGE).expect("the lineage fixture loads")
}

fn ids<'g>(actors: impl Iterator<Item = actorgraph::ActorRef<'g>>) -> Vec<String> {
    actors.map(|a| a.id.to_string()).collect()
}

#[test]
fn a_split_makes_the_parent_a_predecessor_with_its_date_and_quote() {
    let g = graph();
    let lineage = g.at(day("2032-01-01")).lineage("Red Front").unwrap();
    assert_eq!(ids(lineage.predecessors()), ["red_party"]);
    assert_eq!(ids(lineage.successors()), Vec::<String>::new());
    // Its own former name (2030) comes first at one link away, by date.
    assert_eq!(lineage.links()[0].kind(), LinkKind::Renamed);
    let split = &lineage.links()[1];
    assert_eq!(split.kind(), LinkKind::SplitFrom);
    assert_eq!((split.side(), split.depth()), (Side::Predecessor, 1));
    assert_eq!(split.predecessor().id.as_str(), "red_party");
    assert_eq!(split.successor().id.as_str(), "red_front");
    assert_eq!(
        split.dates(),
        LinkDates::On(Some("2031-01".parse().unwrap()))
    );
    assert_eq!(split.holding(), Holding::Certainly);
    let quotes: Vec<&str> = split.citations().iter().map(|c| c.quote()).collect();
    assert_eq!(
        quotes,
        ["the Red Front broke away from the Red Party this month"]
    );
    assert_eq!(
        split.citations()[0].source().id.as_str(),
        "bulletin_2031_01_20"
    );
    // And from the parent's side, the splinter is a successor.
    let parent = g.at(day("2032-01-01")).lineage("red_party").unwrap();
    assert!(ids(parent.successors()).contains(&"red_front".to_owned()));
}

#[test]
fn nothing_before_the_split_happened() {
    let g = graph();
    let lineage = g.at(day("2030-12-31")).lineage("red_front").unwrap();
    assert_eq!(lineage.predecessors().count(), 0);
    // Its name of the time was in use, so its rename shows.
    assert_eq!(lineage.renames().count(), 1);
}

#[test]
fn a_merger_makes_the_merged_group_a_predecessor_of_the_body_it_joined() {
    let g = graph();
    let front = g.at(day("2034-01-01")).lineage("red_front").unwrap();
    assert_eq!(ids(front.predecessors()), ["red_party", "blue_brigade"]);
    let merger = front
        .links()
        .iter()
        .find(|l| l.kind() == LinkKind::MergedInto)
        .unwrap();
    assert_eq!(merger.predecessor().id.as_str(), "blue_brigade");
    assert_eq!(merger.successor().id.as_str(), "red_front");
    let brigade = g.at(day("2033-12-31")).lineage("Blue Brigade").unwrap();
    assert_eq!(ids(brigade.successors()), ["red_front"]);
    // On 1 January 2034 the succession, dated only "2034", possibly had
    // happened: its successor then possibly follows.
    let brigade = g.at(day("2034-01-01")).lineage("Blue Brigade").unwrap();
    assert_eq!(ids(brigade.successors()), ["red_front", "crimson_movement"]);
    let far = brigade
        .links()
        .iter()
        .find(|l| l.kind() == LinkKind::Succeeds)
        .unwrap();
    assert_eq!(far.holding(), Holding::Possibly);
}

#[test]
fn a_succession_reaches_every_predecessor_transitively_nearest_first() {
    let g = graph();
    let lineage = g.at(day("2035-06-01")).lineage("Crimson Movement").unwrap();
    assert_eq!(
        ids(lineage.predecessors()),
        ["red_front", "red_party", "blue_brigade"]
    );
    let first = &lineage.links()[0];
    assert_eq!((first.kind(), first.depth()), (LinkKind::Succeeds, 1));
    let depths: Vec<usize> = lineage.links().iter().map(|l| l.depth()).collect();
    assert!(depths.windows(2).all(|w| w[0] <= w[1]), "{depths:?}");
    // Why the Red Party is there: the succession, then the split.
    let party = g.resolve("red_party").unwrap();
    let path: Vec<&str> = lineage
        .path_to(party, Side::Predecessor)
        .iter()
        .filter_map(|l| l.relation().map(|r| r.id()))
        .collect();
    assert_eq!(
        path,
        [
            "crimson_movement_succeeds_red_front",
            "red_front_split_from_red_party"
        ]
    );
    // The Red Front's former name comes along, one link further.
    let rename = lineage.renames().next().unwrap();
    assert_eq!(rename.former_name().unwrap().name, "Red Youth");
    assert_eq!((rename.side(), rename.depth()), (Side::Predecessor, 2));
}

#[test]
fn a_link_is_known_only_once_a_source_reports_it() {
    let g = graph();
    let view = g.at(day("2035-06-01"));
    // The succession of 2034 is reported on 1 January 2035.
    assert!(
        view.known_by(day("2034-12-31"))
            .lineage("crimson_movement")
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        view.known_by(day("2035-01-01"))
            .lineage("crimson_movement")
            .unwrap()
            .predecessors()
            .count(),
        3
    );
    // A former name's citations are limited the same way.
    let early = g.at(day("2031-02-01")).known_by(day("2031-01-01"));
    assert_eq!(early.lineage("red_front").unwrap().renames().count(), 0);
    let later = g.at(day("2031-02-01")).known_by(day("2031-01-20"));
    let rename = later.lineage("red_front").unwrap();
    let rename = rename.renames().next().unwrap();
    assert_eq!(rename.citations().len(), 1);
}

#[test]
fn a_minimum_grade_drops_links_resting_on_weaker_sources() {
    let g = graph();
    // The split rests on a B source, the merger on a C one; both ungraded
    // for credibility, so only a minimum of B6 or C6 admits them.
    let view = g.at(day("2034-01-01"));
    let b = view
        .graded_at_least("B6".parse().unwrap())
        .lineage("red_front")
        .unwrap();
    assert_eq!(ids(b.predecessors()), ["red_party"]);
    let c = view
        .graded_at_least("C6".parse().unwrap())
        .lineage("red_front")
        .unwrap();
    assert_eq!(ids(c.predecessors()), ["red_party", "blue_brigade"]);
}

#[test]
fn renames_are_links_of_the_actor_to_its_former_names() {
    let g = graph();
    let lineage = g.at(day("2032-01-01")).lineage("Red Youth").unwrap();
    assert_eq!(lineage.actor().id.as_str(), "red_front");
    let rename = lineage.renames().next().unwrap();
    assert_eq!(rename.kind(), LinkKind::Renamed);
    assert_eq!(rename.predecessor(), rename.successor());
    assert!(rename.relation().is_none());
    assert_eq!(
        rename.dates(),
        LinkDates::Used {
            from: Some("2030".parse().unwrap()),
            until: Some("2031-03".parse().unwrap()),
        }
    );
    assert_eq!(
        rename.citations()[0].quote(),
        "the Red Front, until now the Red Youth"
    );
    assert_eq!(
        rename.to_string(),
        "Red Front was called \"Red Youth\" (used 2030 to 2031-03)"
    );
}

#[test]
fn a_split_then_a_merger_back_lists_both_links_and_the_parent_once() {
    let g = graph();
    let lineage = g.at(day("2037-01-01")).lineage("new_guard").unwrap();
    assert_eq!(ids(lineage.predecessors()), ["old_guard"]);
    let kinds: Vec<LinkKind> = lineage.links().iter().map(|l| l.kind()).collect();
    assert_eq!(kinds, [LinkKind::SplitFrom, LinkKind::MergedInto]);
    assert!(lineage.links().iter().all(|l| l.depth() == 1));
    let old = g.at(day("2037-01-01")).lineage("old_guard").unwrap();
    assert_eq!(ids(old.successors()), ["new_guard"]);
    assert_eq!(old.predecessors().count(), 0);
}

#[test]
fn a_cycle_in_the_data_ends_the_walk_and_never_makes_an_actor_its_own_predecessor() {
    let g = graph();
    let lineage = g.at(day("2035-01-01")).lineage("east_cell").unwrap();
    assert_eq!(ids(lineage.predecessors()), ["west_cell"]);
    assert_eq!(ids(lineage.successors()), ["west_cell"]);
    // Each relation once per side: two on each.
    assert_eq!(lineage.links().len(), 4);
    // Before the second split there was no cycle.
    let early = g.at(day("2033-01-01")).lineage("east_cell").unwrap();
    assert_eq!(early.successors().count(), 0);
}

#[test]
fn undated_links_stay_undated_and_show_only_as_possibly() {
    let g = graph();
    let view = g.at(day("2032-01-01"));
    let lineage = view.lineage("grey_wing").unwrap();
    let split = lineage
        .links()
        .iter()
        .find(|l| l.kind() == LinkKind::SplitFrom)
        .unwrap();
    assert_eq!(split.dates(), LinkDates::On(None));
    assert!(split.dates().is_undated());
    assert_eq!(split.holding(), Holding::Possibly);
    assert_eq!(
        split.to_string(),
        "Grey Wing split from Red Party (undated) [possibly]"
    );
    // The undated former name is there, as an undated rename.
    let rename = lineage.renames().next().unwrap();
    assert!(rename.dates().is_undated());
    assert!(rename.citations().is_empty());
    // A *certainly* view cannot say it had happened by any day.
    let sure = view
        .certainty(Certainty::Certainly)
        .lineage("grey_wing")
        .unwrap();
    assert_eq!(sure.predecessors().count(), 0);
    // No date is invented on the way in or out.
    let relation = g.relation("grey_wing_split_from_red_party").unwrap();
    assert_eq!(relation.happened_on(), None);
    assert_eq!(relation.to_relation().on, None);
    let back = ActorGraph::from_dataset(g.to_dataset()).unwrap();
    assert_eq!(
        back.relation("grey_wing_split_from_red_party")
            .unwrap()
            .to_relation()
            .on,
        None
    );
    // The timeline lists it among the undated entries.
    let entry = algo::timeline(&g, "grey_wing")
        .unwrap()
        .find(|e| matches!(&e.event, TimelineEvent::Lineage(_)))
        .unwrap();
    assert_eq!(entry.date, None);
}

#[test]
fn other_events_still_need_a_date() {
    let text = LINEAGE.replace(
        "(id: \"crimson_movement_opposes_army\", kind: Opposes, subject: \"crimson_movement\", object: \"army\", from: \"2034\",",
        "(id: \"crimson_movement_opposes_army\", kind: Attacks, subject: \"crimson_movement\", object: \"army\",",
    );
    let error = ActorGraph::from_ron(&text).unwrap_err().to_string();
    assert!(
        error.contains("attacks is an event and needs `on`"),
        "{error}"
    );
}

#[test]
fn the_timeline_shows_the_lineage_and_with_it_the_predecessors_relations() {
    let g = graph();
    let plain: Vec<_> = algo::timeline(&g, "crimson_movement").unwrap().collect();
    let links: Vec<(String, usize)> = plain
        .iter()
        .filter_map(|e| match &e.event {
            TimelineEvent::Lineage(l) => Some((l.kind().label().to_owned(), l.depth())),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            ("rename".to_owned(), 2),
            ("split".to_owned(), 2),
            ("merger".to_owned(), 2),
            ("succession".to_owned(), 1),
        ]
    );
    assert!(plain.iter().all(|e| e.of.id.as_str() == "crimson_movement"));
    assert!(!plain.iter().any(
        |e| matches!(&e.event, TimelineEvent::Began(r) if r.id() == "patron_backs_blue_brigade")
    ));
    let options = TimelineOptions::default().with_lineage(true);
    let wide: Vec<_> = algo::timeline_with(&g, "crimson_movement", &options)
        .unwrap()
        .collect();
    let backing = wide
        .iter()
        .find(|e| matches!(&e.event, TimelineEvent::Began(r) if r.id() == "patron_backs_blue_brigade"))
        .expect("a predecessor's relation");
    assert_eq!(backing.of.id.as_str(), "blue_brigade");
    // Each lineage relation shows once, as a lineage link, even with it.
    let succession = wide
        .iter()
        .filter(|e| match &e.event {
            TimelineEvent::Lineage(l) => l
                .relation()
                .is_some_and(|r| r.kind() == RelationKind::Succeeds),
            TimelineEvent::Happened(r) => r.kind() == RelationKind::Succeeds,
            _ => false,
        })
        .count();
    assert_eq!(succession, 1);
    // In date order.
    let firsts: Vec<_> = wide
        .iter()
        .filter_map(|e| e.date.map(|d| d.first_day()))
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]) || firsts.is_empty());
}

#[test]
fn merged_chains_reach_the_successor_through_its_predecessors_and_say_how() {
    let g = graph();
    let view = g.at(day("2036-01-01"));
    assert_eq!(
        algo::chains_into(view, "crimson_movement", &ChainOptions::default())
            .unwrap()
            .count(),
        0
    );
    let merged = ChainOptions::default().merge_lineage(true);
    let chains: Vec<_> = algo::chains_into(view, "crimson_movement", &merged)
        .unwrap()
        .collect();
    assert_eq!(chains.len(), 1);
    assert_eq!(
        chains[0].to_string(),
        "Patron State -[backs]-> Blue Brigade"
    );
    let how: Vec<&str> = chains[0]
        .lineage()
        .iter()
        .filter_map(|l| l.relation().map(|r| r.id()))
        .collect();
    assert_eq!(
        how,
        [
            "crimson_movement_succeeds_red_front",
            "blue_brigade_merged_into_red_front"
        ]
    );
    assert!(
        chains[0]
            .report()
            .to_string()
            .contains("taken as one by lineage: Blue Brigade merged into Red Front")
    );
    let between: Vec<_> = algo::chains(view, "patron", "crimson_movement", &merged)
        .unwrap()
        .collect();
    assert_eq!(between.len(), 1);
    assert_eq!(between[0].lineage().len(), 2);
    // Unmerged chains carry no lineage.
    let direct: Vec<_> = algo::chains_from(view, "patron", &ChainOptions::default())
        .unwrap()
        .collect();
    assert!(direct.iter().all(|c| c.lineage().is_empty()));
}

#[test]
fn merged_camps_take_in_predecessors_but_never_a_foe() {
    let g = graph();
    let view = g.at(day("2036-01-01"));
    assert!(!CampOptions::default().get_merge_lineage());
    let plain = algo::camps(view, &CampOptions::default());
    assert!(plain.iter().all(|c| c.merged_by().is_empty()));
    assert!(!plain.iter().any(|c| {
        c.members()
            .iter()
            .any(|a| a.id.as_str() == "crimson_movement")
    }));
    let camps = algo::camps(view, &CampOptions::default().merge_lineage(true));
    let camp = camps
        .iter()
        .find(|c| {
            c.members()
                .iter()
                .any(|a| a.id.as_str() == "crimson_movement")
        })
        .expect("the Crimson Movement's camp");
    let mut members: Vec<String> = ids(camp.members().iter().copied());
    members.sort();
    assert_eq!(
        members,
        ["blue_brigade", "crimson_movement", "red_front", "red_party"]
    );
    let mut by: Vec<&str> = camp.merged_by().iter().map(|r| r.id()).collect();
    by.sort();
    assert_eq!(
        by,
        [
            "blue_brigade_merged_into_red_front",
            "crimson_movement_succeeds_red_front",
            "red_front_split_from_red_party",
        ]
    );
    // The Grey Wing fights the Red Front: its split does not join it.
    assert!(!members.contains(&"grey_wing".to_owned()));
    let report = camp.report(false).to_string();
    assert!(
        report.contains("one with its predecessors by lineage"),
        "{report}"
    );
    // Backing into a predecessor now backs the camp.
    assert!(
        camp.backing()
            .iter()
            .any(|c| c.to_string() == "Patron State -[backs]-> Blue Brigade")
    );
}

#[test]
fn merging_changes_nothing_on_the_embedded_data_unless_asked() {
    let g = crate::syria();
    let view = g.at(day("2024-11-30"));
    let plain: Vec<String> = algo::camps(view, &CampOptions::default())
        .iter()
        .map(|c| c.report(false).to_string())
        .collect();
    let off: Vec<String> = algo::camps(view, &CampOptions::default().merge_lineage(false))
        .iter()
        .map(|c| c.report(false).to_string())
        .collect();
    assert_eq!(plain, off);
    assert!(!plain.iter().any(|r| r.contains("lineage")));
    // The embedded HTS comes from Jabhat al-Nusra, which split from al-Qaeda.
    let hts = view.lineage("HTS").unwrap();
    let before = ids(hts.predecessors());
    assert_eq!(before[0], "jabhat_al_nusra");
    assert!(before.contains(&"al_qaeda".to_owned()), "{before:?}");
}

#[test]
fn reports_and_debug_are_short_and_say_what_each_link_is() {
    let g = graph();
    let lineage = g.at(day("2035-06-01")).lineage("crimson_movement").unwrap();
    let report = lineage.report().to_string();
    assert!(
        report.starts_with("Lineage of Crimson Movement\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "predecessor (succession, 1 away): Crimson Movement succeeds Red Front (on 2034)"
        ),
        "{report}"
    );
    assert!(
        report.contains("supports: \"the Red Front dissolved"),
        "{report}"
    );
    assert_eq!(
        lineage.to_string(),
        "Crimson Movement: predecessors Red Front, Red Party, Blue Brigade; successors none; 1 rename(s)"
    );
    let debug = format!("{lineage:?}");
    assert!(debug.starts_with("Lineage { actor: "), "{debug}");
    assert!(debug.len() < 2000, "{debug}");
    let empty = g.at(day("2035-06-01")).lineage("army").unwrap();
    assert!(
        empty
            .report()
            .to_string()
            .contains("no split, merger, succession or former name known")
    );
    assert!(g.at(day("2035-06-01")).lineage("no such group").is_err());
}

/// The lineage relations a view admits, as (predecessor, successor) pairs
/// of actor orders, read the slow way: every event of the view.
fn admitted_pairs(view: actorgraph::View<'_>) -> Vec<(usize, usize, usize)> {
    view.events()
        .filter(|r| algo::LINEAGE_KINDS.contains(&r.kind()))
        .map(|r| {
            let (s, o) = (r.subject().order(), r.object().order());
            if r.kind() == RelationKind::MergedInto {
                (s, o, r.order())
            } else {
                (o, s, r.order())
            }
        })
        .collect()
}

/// Every actor reachable from `start` along `pairs` (from the second
/// element to the first when `back`), by fixpoint, without `start`.
fn closure(pairs: &[(usize, usize, usize)], start: usize, back: bool) -> BTreeSet<usize> {
    let mut reached = BTreeSet::from([start]);
    loop {
        let before = reached.len();
        for &(p, s, _) in pairs {
            let (near, far) = if back { (s, p) } else { (p, s) };
            if reached.contains(&near) {
                reached.insert(far);
            }
        }
        if reached.len() == before {
            break;
        }
    }
    reached.remove(&start);
    reached
}

fn random_lineage() -> impl Strategy<Value = String> {
    let link = (
        0..3usize,
        0..6usize,
        0..6usize,
        proptest::option::of(2020..2030i32),
    );
    (proptest::collection::vec(link, 0..14), 2019..2031i32).prop_map(|(links, _)| {
        let actors: Vec<String> = (0..6)
            .map(|i| format!("(id: \"g{i}\", name: \"Group {i}\", kind: ArmedGroup)"))
            .collect();
        let kinds = ["SplitFrom", "MergedInto", "Succeeds"];
        let relations: Vec<String> = links
            .iter()
            .enumerate()
            .filter(|(_, (_, a, b, _))| a != b)
            .map(|(n, (k, a, b, year))| {
                let on = year.map_or(String::new(), |y| format!("on: \"{y}\", "));
                format!(
                    "(id: \"r{n}\", kind: {}, subject: \"g{a}\", object: \"g{b}\", {on}citations: [(source: \"s\", quote: \"q\")])",
                    kinds[*k]
                )
            })
            .collect();
        format!(
            "(sources: [(id: \"s\", title: \"Fictional\", published: \"2020\")], actors: [{}], relations: [{}])",
            actors.join(", "),
            relations.join(", ")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On random lineages (cycles, parallel links, undated links
    /// included), the walk finds exactly the actors a fixpoint over the
    /// view's admitted events finds, lists each admitted relation at most
    /// once per side, and only admitted ones.
    #[test]
    fn lineage_is_the_transitive_closure_of_admitted_links(
        text in random_lineage(),
        year in 2019..2031i32,
        certainly in any::<bool>(),
    ) {
        let g = ActorGraph::from_ron(&text).unwrap();
        let mut view = g.at(day(&format!("{year}-06-01")));
        if certainly {
            view = view.certainty(Certainty::Certainly);
        }
        let pairs = admitted_pairs(view);
        let admitted: BTreeSet<usize> = pairs.iter().map(|p| p.2).collect();
        for actor in g.actor_handles() {
            let lineage = view.lineage(actor).unwrap();
            let before: BTreeSet<usize> = lineage.predecessors().map(|a| a.order()).collect();
            let after: BTreeSet<usize> = lineage.successors().map(|a| a.order()).collect();
            prop_assert_eq!(&before, &closure(&pairs, actor.order(), true));
            prop_assert_eq!(&after, &closure(&pairs, actor.order(), false));
            for side in [Side::Predecessor, Side::Successor] {
                let listed: Vec<usize> = lineage
                    .links()
                    .iter()
                    .filter(|l| l.side() == side)
                    .filter_map(|l| l.relation().map(|r| r.order()))
                    .collect();
                let unique: BTreeSet<usize> = listed.iter().copied().collect();
                prop_assert_eq!(listed.len(), unique.len());
                prop_assert!(unique.is_subset(&admitted));
                // Every reached actor has a path of links back to the actor.
                for other in lineage.predecessors() {
                    prop_assert!(!lineage.path_to(other, Side::Predecessor).is_empty());
                }
            }
        }
    }
}

#[test]
fn a_timeline_through_a_cycle_shows_each_link_once() {
    let g = graph();
    let links: Vec<String> = algo::timeline(&g, "east_cell")
        .unwrap()
        .filter_map(|e| match e.event {
            TimelineEvent::Lineage(l) => l.relation().map(|r| r.id().to_owned()),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            "east_cell_split_from_west_cell",
            "west_cell_split_from_east_cell"
        ]
    );
}
