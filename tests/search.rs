//! Name search and resolving on the embedded data, as a new user types.

use super::*;
use actorgraph::index::search::skeleton;
use actorgraph::{ErrorKind, MatchKind, NameRole};

fn best(g: &ActorGraph, text: &str) -> (String, MatchKind) {
    let c = g
        .search(text)
        .next()
        .unwrap_or_else(|| panic!("{text}: nothing"));
    (c.actor().id.to_string(), c.how())
}

fn resolves(g: &ActorGraph, text: &str) -> String {
    match g.resolve(text) {
        Ok(actor) => actor.id.to_string(),
        Err(e) => panic!("{text}: {e}"),
    }
}

#[test]
fn julani_in_every_spelling_resolves() {
    let g = syria();
    for text in [
        "Julani",
        "Jolani",
        "Golani",
        "al-Jolani",
        "al Joulani",
        "AL-GOLANI",
    ] {
        assert_eq!(resolves(&g, text), "abu_mohammed_al_julani", "{text}");
        assert_eq!(best(&g, text).0, "abu_mohammed_al_julani");
    }
    // What `timeline Julani` runs.
    assert!(actorgraph::algo::timeline(&g, "Julani").is_ok());
}

#[test]
fn romanisations_of_whole_names_resolve() {
    let g = syria();
    for (text, id) in [
        ("al-Qaida", "al_qaeda"),
        ("Al Qaeda", "al_qaeda"),
        ("el-Kaida", "al_qaeda"),
        ("Jabhat al-Nosra", "jabhat_al_nusra"),
        ("Hay'at Tahrir ash-Sham", "hts"),
        ("Hizbollah", "hezbollah"),
        ("Turkiye", "turkey"),
        ("Alepo", "aleppo"),
        ("Bashar al-Asad", "bashar_al_assad"),
    ] {
        assert_eq!(resolves(&g, text), id, "{text}");
    }
}

#[test]
fn idlib_alone_is_the_province_and_search_offers_the_city_too() {
    // The dataset files "Idlib" as the province's alias: the articles' bare
    // "Idlib" is the province, the city always "Idlib city". An alias is
    // exact, so it resolves; the search still offers every Idlib.
    let g = syria();
    assert_eq!(g.resolve("Idlib").unwrap().id.as_str(), "idlib_province");
    let ids: Vec<String> = g
        .search("Idlib")
        .map(|c| c.actor().id.to_string())
        .collect();
    assert_eq!(ids.first().map(String::as_str), Some("idlib_province"));
    assert!(ids.iter().any(|id| id == "idlib_city"), "{ids:?}");
    // Words shared by several actors stay ambiguous, listing them.
    let candidates = match g.resolve("Hezb") {
        Err(e) if e.kind() == ErrorKind::AmbiguousName => e.candidates().to_vec(),
        _ => panic!("Hezb should be ambiguous"),
    };
    assert!(candidates.len() >= 2);
    let message = g.resolve("Hezb").unwrap_err().to_string();
    assert!(
        message.starts_with("the name \"Hezb\" is ambiguous: it fits "),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1);
}

#[test]
fn nubl_finds_the_town_and_nothing_unrelated() {
    let g = syria();
    assert_eq!(g.resolve("Nubl").unwrap().id.as_str(), "nubl");
    let found: Vec<String> = g.search("Nubl").map(|c| c.actor().id.to_string()).collect();
    assert_eq!(found.first().map(String::as_str), Some("nubl"));
    assert!(!found.iter().any(|id| id.contains("nujaba")), "{found:?}");
}

#[test]
fn a_phrase_finds_the_longer_name() {
    let g = syria();
    let c = g.search("March 2020 ceasefire").next().unwrap();
    assert_eq!(c.actor().id.as_str(), "ceasefire_2020");
    assert_eq!(c.how(), MatchKind::Phrase);
    assert_eq!(c.matched(), "March 2020 ceasefire in north-west Syria");
    // Part of one actor's name only: it resolves, and says so.
    let found = g.resolve_explained("March 2020 ceasefire").unwrap();
    assert_eq!(found.actor().id.as_str(), "ceasefire_2020");
    assert!(found.is_part_of_name());
}

#[test]
fn fragments_and_distinctive_words() {
    let g = syria();
    assert_eq!(best(&g, "Hezb"), ("hezbollah".into(), MatchKind::Prefix));
    assert_eq!(best(&g, "hezbol"), ("hezbollah".into(), MatchKind::Prefix));
    assert_eq!(
        best(&g, "Bashir"),
        ("mohammad_al_bashir".into(), MatchKind::Token)
    );
    assert_eq!(
        best(&g, "Nayrab"),
        ("nayrab_airport".into(), MatchKind::Token)
    );
    assert_eq!(best(&g, "Tahrir"), ("hts".into(), MatchKind::Token));
    assert_eq!(
        best(&g, "Nujaba"),
        ("nujaba_movement".into(), MatchKind::Exact)
    );
    // Two actors share "Nayrab", so resolving it lists both, airport first.
    let candidates = match g.resolve("Nayrab") {
        Err(e) if e.kind() == ErrorKind::AmbiguousName => e.candidates().to_vec(),
        _ => panic!("Nayrab is in two names"),
    };
    assert_eq!(candidates[0].id, "nayrab_airport");
}

#[test]
fn former_names_say_so_with_their_dates() {
    // The embedded data has no former names since Jabhat al-Nusra became an
    // organisation of its own; the fixture's Beta was "Old Beta".
    let g = fixture();
    let c = g.search("Old Beta").next().unwrap();
    assert_eq!(c.actor().id.as_str(), "beta");
    assert!(matches!(c.role(), NameRole::Former { until: Some(_), .. }));
    assert_eq!(
        c.to_string(),
        "Old Beta: former name of Béta Front, from 2010 until 2015 (armed group, id beta)"
    );
    let embedded = syria();
    let c = embedded.search("Nusra").next().unwrap();
    assert_eq!(c.actor().id.as_str(), "jabhat_al_nusra");
}

#[test]
fn exact_ids_and_names_always_win() {
    let g = syria();
    assert_eq!(best(&g, "hts"), ("hts".into(), MatchKind::Id));
    assert_eq!(best(&g, "Aleppo"), ("aleppo".into(), MatchKind::Exact));
    assert_eq!(resolves(&g, "Aleppo"), "aleppo");
    assert_eq!(resolves(&g, "Assad"), "bashar_al_assad");
    assert_eq!(resolves(&g, "Hezbollah"), "hezbollah");
    // An id that is also another actor's name: the id wins.
    let text = r#"(actors: [(id: "beta", name: "Alpha", kind: State), (id: "alpha", name: "Beta", kind: State)])"#;
    let g = ActorGraph::from_ron(text).unwrap();
    assert_eq!(resolves(&g, "alpha"), "alpha");
    assert_eq!(resolves(&g, "beta"), "beta");
}

#[test]
fn two_actors_with_one_name_are_ambiguous() {
    let text = r#"(actors: [
        (id: "a", name: "Liwa al-Quds", kind: Militia),
        (id: "b", name: "Liwa al-Quds", kind: Militia),
        (id: "c", name: "Liwa al-Qods Brigade", kind: Militia),
    ])"#;
    let g = ActorGraph::from_ron(text).unwrap();
    let candidates = match g.resolve("liwa al quds") {
        Err(e) if e.kind() == ErrorKind::AmbiguousName => e.candidates().to_vec(),
        _ => panic!("two actors bear the name"),
    };
    let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    // Spelt otherwise, still both, and the longer name is not among them.
    let candidates = match g.resolve("Liwa el-Kuds") {
        Err(e) if e.kind() == ErrorKind::AmbiguousName => e.candidates().to_vec(),
        _ => panic!("two actors bear the name in another spelling"),
    };
    assert_eq!(candidates.len(), 2);
    assert!(candidates.iter().all(|c| c.how == MatchKind::Variant));
}

#[test]
fn unknown_names_get_the_nearest_candidates() {
    let g = syria();
    let err = g.resolve("Hayat Tahrir al-Shan").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownName, "{err}");
    let nearest = err.candidates();
    assert_eq!(nearest[0].id, "hts");
    assert_eq!(nearest[0].how, MatchKind::NearMiss);
    assert_eq!(err.suggestion(), Some("hayat tahrir al-sham"));
    assert_eq!(best(&g, "Hezbolah Lebanonn").0, "lebanon_truce_2024");
    assert_eq!(best(&g, "Sarmadda").0, "sarmada");
}

#[test]
fn every_answer_is_one_line_naming_the_query() {
    let g = syria();
    for text in ["Hezb", "Nayrab", "", "Syrian", "\u{0}\n\t"] {
        let message = g.resolve(text).unwrap_err().to_string();
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains(&format!("{text:?}")), "{message}");
        assert_eq!(message, message.trim());
        assert!(message.starts_with(|c: char| c.is_lowercase()), "{message}");
    }
}

#[test]
fn bad_input_is_answered_quickly() {
    let g = syria();
    let huge = "Hezbollah ".repeat(100_000);
    let controls: String = (0u32..0x20).filter_map(char::from_u32).collect();
    let scripts = "Россия Сирия 伊德利卜 إدلب حزب الله ישראל ΣΥΡΙΑ 𝔄𝔩𝔢𝔭𝔭𝔬 ﷽ ﬁ Ⅻ";
    let many_words = "a ".repeat(10_000);
    for text in [
        "",
        " ",
        "\t\n",
        &controls,
        scripts,
        &huge,
        &many_words,
        "al",
        "-",
        "'",
    ] {
        let started = std::time::Instant::now();
        let found = g.search(text).count();
        assert!(g.resolve(text).is_err(), "{text:.40}");
        assert!(started.elapsed().as_millis() < 500, "{text:.40}: {found}");
    }
    assert_eq!(g.search(&huge).count(), 0);
    // Ligatures and other compatibility forms fold as the names do.
    let text = r#"(actors: [(id: "x", name: "Fiﬁ Front", kind: Militia)])"#;
    let g = ActorGraph::from_ron(text).unwrap();
    assert_eq!(g.resolve("fifi front").unwrap().id.as_str(), "x");
}

/// The ids of the actors whose names have each skeleton word.
fn word_owners(data: &actorgraph::Dataset) -> std::collections::HashMap<String, Vec<usize>> {
    let mut owners: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, actor) in data.actors.iter().enumerate() {
        for name in names_of(actor) {
            for word in skeleton(name).split(' ').filter(|w| !w.is_empty()) {
                let list = owners.entry(word.to_owned()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    owners
}

fn names_of(actor: &actorgraph::Actor) -> impl Iterator<Item = &str> {
    std::iter::once(actor.id.as_str())
        .chain([actor.name.as_str()])
        .chain(actor.aliases.iter().map(String::as_str))
        .chain(actor.former_names.iter().map(|f| f.name.as_str()))
}

/// Checks that every actor of `data` comes first when searched by each of
/// its names whose skeleton no other actor's name has, and by each word no
/// other actor's names have.
fn every_actor_found_first(data: &actorgraph::Dataset) -> Result<(), String> {
    let graph = ActorGraph::from_dataset(data.clone()).map_err(|e| e.to_string())?;
    let mut skeletons: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, actor) in data.actors.iter().enumerate() {
        for name in names_of(actor) {
            let list = skeletons.entry(skeleton(name)).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let words = word_owners(data);
    for (i, actor) in data.actors.iter().enumerate() {
        let own = |text: &str, table: &std::collections::HashMap<String, Vec<usize>>| {
            table.get(text).is_some_and(|owners| owners == &[i])
        };
        let texts = names_of(actor)
            .filter(|n| own(&skeleton(n), &skeletons))
            .map(str::to_owned)
            .chain(
                names_of(actor)
                    .flat_map(|n| {
                        skeleton(n)
                            .split(' ')
                            .map(str::to_owned)
                            .collect::<Vec<_>>()
                    })
                    .filter(|w| own(w, &words)),
            );
        for text in texts {
            let first = graph.search(&text).next().map(|c| c.actor().id.to_string());
            if first.as_deref() != Some(actor.id.as_str()) {
                return Err(format!("{text:?} found {first:?}, not {}", actor.id));
            }
        }
    }
    Ok(())
}

#[test]
fn synthetic_actors_are_found_first_by_every_name_and_own_word() {
    let data = actorgraph::synthetic::Spec::new(3_000, 0)
        .romanised_names()
        .generate();
    every_actor_found_first(&data).unwrap();
    let graph = ActorGraph::from_dataset(data.clone()).unwrap();
    // Aliases spell the name otherwise; the bare word of a person resolves
    // as "Julani" does.
    for actor in data
        .actors
        .iter()
        .filter(|a| !a.aliases.is_empty())
        .take(500)
    {
        let alias = &actor.aliases[0];
        assert_eq!(graph.resolve(alias).unwrap().id, actor.id, "{alias}");
    }
}

#[test]
fn names_as_people_type_them_resolve_when_one_actor_has_every_word() {
    let g = syria();
    for (text, id) in [
        ("Northern Storm", "hts_northern_storm_brigade"),
        ("northern storm", "hts_northern_storm_brigade"),
        ("Aleppo Industrial", "aleppo_industrial_city"),
        ("Hayat Tahrir", "hts"),
        ("Tahrir", "hts"),
        ("artillery college", "aleppo_artillery_college"),
        ("Iranian-led units", "iranian_led_saa_units"),
    ] {
        let found = g.resolve_explained(text).unwrap();
        assert_eq!(found.actor().id.as_str(), id, "{text}");
        assert!(found.is_part_of_name(), "{text}");
        assert!(found.how().is_part_of_name() && !found.how().is_whole_name());
        assert_eq!(g.resolve(text).unwrap().id.as_str(), id, "{text}");
        // What resolves comes first in the search.
        assert_eq!(g.search(text).next().unwrap().actor().id.as_str(), id);
    }
    // A whole name does not say it matched part of one.
    let whole = g.resolve_explained("Northern Storm Brigade").unwrap();
    assert!(!whole.is_part_of_name());
    assert_eq!(whole.how(), MatchKind::Exact);
    assert_eq!(g.resolve_explained("hts").unwrap().how(), MatchKind::Id);
}

#[test]
fn a_phrase_several_actors_share_lists_exactly_them() {
    let g = syria();
    let err = g.resolve("Syrian Arab").unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::AmbiguousName,
        "\"Syrian Arab\" is in several names"
    );
    let (candidates, total) = (err.candidates(), err.candidate_count().unwrap());
    let mut ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "iranian_led_saa_units",
            "saa_46th_regiment",
            "sana",
            "syrian_army"
        ]
    );
    assert_eq!(total, 4);
    assert!(candidates.iter().all(|c| c.how.is_part_of_name()));
    // A prefix still never resolves, even of one actor's word.
    assert!(g.resolve("Hezb").is_err());
    assert!(g.resolve("Tahri").is_err());
}

mod properties {
    use super::*;
    use actorgraph::names::normalize_name;
    use actorgraph::{Actor, ActorKind, Dataset, FormerName};
    use proptest::prelude::*;

    /// A word romanised from syllables, so that random names share words
    /// and spellings often enough to test the ranking.
    fn word() -> impl Strategy<Value = String> {
        let syllable = prop::sample::select(vec![
            "ja", "bu", "qa", "nu", "si", "ra", "ha", "mo", "la", "ke", "da", "ti", "sha", "zu",
            "wa", "fi",
        ]);
        prop::collection::vec(syllable, 2..4).prop_map(|s| {
            let mut word = s.concat();
            word[..1].make_ascii_uppercase();
            word
        })
    }

    fn name() -> impl Strategy<Value = String> {
        let article = prop::sample::select(vec!["", "al-", "el-", "ash-"]);
        prop::collection::vec((article, word()), 1..4).prop_map(|words| {
            words
                .into_iter()
                .map(|(a, w)| format!("{a}{w}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    fn dataset() -> impl Strategy<Value = Dataset> {
        let actor = (
            name(),
            prop::collection::vec(name(), 0..3),
            prop::option::of(name()),
        );
        prop::collection::vec(actor, 1..12).prop_map(|actors| Dataset {
            actors: actors
                .into_iter()
                .enumerate()
                .map(|(i, (name, aliases, former))| Actor {
                    id: format!("x{i}").parse().unwrap(),
                    name,
                    kind: ActorKind::ArmedGroup,
                    aliases,
                    former_names: former
                        .map(|name| FormerName {
                            name,
                            from: None,
                            until: "2016".parse().ok(),
                            citations: vec![],
                        })
                        .into_iter()
                        .collect(),
                    died: None,
                    note: None,
                    reliability: None,
                })
                .collect(),
            ..Dataset::default()
        })
    }

    /// `text` spelt another way by the rules the search folds, each picked
    /// by a bit of `choices`.
    fn respell(text: &str, choices: u32) -> String {
        let words: Vec<String> = text
            .split(' ')
            .enumerate()
            .map(|(n, word)| {
                let pick = |i: usize| choices >> ((i + 7 * n) % 32) & 1 == 1;
                let (mut out, rest) = match word.split_once('-') {
                    Some(("al", rest)) => ((if pick(0) { "el-" } else { "al " }).to_owned(), rest),
                    Some((a, rest)) => ((if pick(0) { "ash " } else { a }).to_owned() + "-", rest),
                    None => (String::new(), word),
                };
                for (i, c) in rest.chars().enumerate() {
                    match c {
                        'u' if pick(i) => out.push_str(if i % 2 == 0 { "o" } else { "ou" }),
                        'i' if pick(i) => out.push('e'),
                        'j' if pick(i) => out.push('g'),
                        'q' if pick(i) => out.push('k'),
                        'k' if pick(i) => out.push('q'),
                        'a' | 'd' | 's' | 'n' if pick(i) => out.extend([c, c]),
                        'h' if pick(i) => out.push_str("h'"),
                        c => out.push(c),
                    }
                }
                if out.ends_with('a') && pick(31) {
                    out.push('h');
                }
                out
            })
            .collect();
        words.join(" ")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn normalising_is_idempotent(text in "\\PC{0,40}", extra in ".{0,20}") {
            let text = format!("{text}{extra}");
            let once = skeleton(&text);
            prop_assert_eq!(skeleton(&once), once.clone());
            let normalized = normalize_name(&text);
            prop_assert_eq!(normalize_name(&normalized), normalized);
        }

        #[test]
        fn every_actor_is_found_first_by_its_names_and_own_words(data in dataset()) {
            prop_assert_eq!(every_actor_found_first(&data), Ok(()));
        }

        #[test]
        fn part_of_one_name_resolves_and_part_of_several_lists_them(
            data in dataset(),
            pick in 0usize..12,
            take in 1usize..3,
        ) {
            let actor = &data.actors[pick % data.actors.len()];
            let written: Vec<&str> = actor.name.split(' ').collect();
            prop_assume!(written.len() > take);
            let text = written[..take].join(" ");
            let wanted = skeleton(&text);
            let words: Vec<&str> = wanted.split(' ').filter(|w| !w.is_empty()).collect();
            prop_assume!(!words.is_empty());
            // A whole name (in any spelling) is resolved as such, not as part.
            prop_assume!(!data.actors.iter().any(|a| super::names_of(a).any(|n| skeleton(n) == wanted)));
            let holders: Vec<&str> = data
                .actors
                .iter()
                .filter(|a| {
                    super::names_of(a).any(|n| {
                        let name = skeleton(n);
                        let have: Vec<&str> = name.split(' ').collect();
                        words.iter().all(|w| have.contains(w))
                    })
                })
                .map(|a| a.id.as_str())
                .collect();
            prop_assert!(holders.contains(&actor.id.as_str()));
            let graph = ActorGraph::from_dataset(data.clone()).unwrap();
            match (&holders[..], graph.resolve_explained(&text)) {
                ([only], Ok(found)) => {
                    let id = found.actor().id.to_string();
                    prop_assert_eq!(id.as_str(), *only);
                    prop_assert!(found.is_part_of_name(), "{}", text);
                }
                ([_, _, ..], Err(e)) if e.kind() == ErrorKind::AmbiguousName => {
                    prop_assert_eq!(e.candidate_count(), Some(holders.len()));
                    for c in e.candidates() {
                        prop_assert!(holders.contains(&c.id.as_str()), "{} {:?}", text, holders);
                    }
                }
                (holders, other) => {
                    prop_assert!(false, "{:?}: holders {:?}, got {:?}", text, holders, other.map(|c| c.actor().id.to_string()));
                }
            }
        }

        #[test]
        fn variants_of_a_name_find_it(data in dataset(), pick in 0usize..12, choices: u32) {
            let actor = &data.actors[pick % data.actors.len()];
            let variant = respell(&actor.name, choices);
            prop_assert_eq!(skeleton(&variant), skeleton(&actor.name), "{}", variant);
            // Unless another actor has a name that is a spelling of it too.
            let shared = data.actors.iter().filter(|a| a.id != actor.id).any(|a| {
                super::names_of(a).any(|n| skeleton(n) == skeleton(&actor.name))
            });
            prop_assume!(!shared);
            let graph = ActorGraph::from_dataset(data.clone()).unwrap();
            let first = graph.search(&variant).next().map(|c| c.actor().id.to_string());
            prop_assert_eq!(first.as_deref(), Some(actor.id.as_str()), "{}", variant);
            let resolved = graph.resolve(&variant).map(|a| a.id.to_string()).ok();
            prop_assert_eq!(resolved.as_deref(), Some(actor.id.as_str()));
        }
    }
}

/// The name indexes are built when a name is first looked up, not when the
/// graph is loaded; an actor added before that lookup, or after it, must be
/// found by its names and their words all the same.
#[test]
fn actors_added_before_or_after_the_first_lookup_by_name_are_found() {
    let actor = |id: &str, name: &str, alias: &str| actorgraph::Actor {
        id: id.parse().unwrap(),
        name: name.into(),
        kind: actorgraph::ActorKind::ArmedGroup,
        aliases: vec![alias.into()],
        former_names: vec![],
        died: None,
        note: None,
        reliability: None,
    };
    let mut g = syria();
    g.add_actor(actor("before_lookup", "Zarqawi Brigade", "Kataib Zarqa"))
        .unwrap();
    assert_eq!(resolves(&g, "Kataib Zarqa"), "before_lookup");
    g.add_actor(actor("after_lookup", "Quneitra Falcons", "Suqur Quneitra"))
        .unwrap();
    assert_eq!(resolves(&g, "Suqur Quneitra"), "after_lookup");
    assert_eq!(best(&g, "Falcons").0, "after_lookup");
    assert_eq!(g.find_by_name("Zarqawi Brigade").count(), 1);
    // A clone made before its first lookup builds its own.
    let mut fresh = syria();
    let copy = fresh.clone();
    fresh
        .add_actor(actor("in_one_only", "Golan Lions", "Usud al-Golan"))
        .unwrap();
    assert_eq!(resolves(&fresh, "Golan Lions"), "in_one_only");
    assert!(copy.resolve("Golan Lions").is_err());
}
