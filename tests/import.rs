//! The importers, each fact of the fixtures under `tests/fixtures/import/`
//! (written for these tests after each dataset's codebook; the names are
//! fictional) checked through the public API.

use std::path::{Path, PathBuf};

use actorgraph::import::{
    Aliases, ImportOptions, ImportReport, Importer, Mapping, Matched, Preset,
};
use actorgraph::{ActorGraph, ActorKind, Certainty, ErrorKind, Holding, MatchKind, RelationKind};

use crate::day;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Imports `files` onto `graph` with `options`.
fn import_onto(
    graph: &mut ActorGraph,
    preset: Preset,
    files: &[PathBuf],
    options: ImportOptions,
) -> Result<ImportReport, actorgraph::Error> {
    let mut importer = Importer::new(graph, preset, options);
    for f in files {
        importer.read_path(f)?;
    }
    let prepared = importer.finish()?;
    prepared.add_to(graph)
}

fn import(preset: Preset, file: &str) -> (ActorGraph, ImportReport) {
    let mut graph = ActorGraph::new();
    let report = import_onto(
        &mut graph,
        preset,
        &[fixture(file)],
        ImportOptions::default(),
    )
    .unwrap();
    (graph, report)
}

fn import_text(
    preset: Preset,
    name: &str,
    text: &str,
    options: ImportOptions,
) -> Result<(ActorGraph, ImportReport), actorgraph::Error> {
    let mut graph = ActorGraph::new();
    let mut importer = Importer::new(&graph, preset, options);
    importer.read_text(name, text)?;
    let report = importer.finish()?.add_to(&mut graph)?;
    Ok((graph, report))
}

// ACLED

#[test]
fn acled_battle_is_symmetric_and_found_from_either_side() {
    let (g, _) = import(Preset::Acled, "acled.csv");
    let clash = g.relation("acled_lnd1001").unwrap();
    assert_eq!(clash.kind(), RelationKind::ClashesWith);
    assert!(RelationKind::ClashesWith.is_symmetric());
    assert_eq!(clash.interval().start().unwrap().to_string(), "2024-11-27");
    let view = g.at(day("2024-11-28"));
    for side in ["liberation_front", "military_forces_of_landia_2000_2024"] {
        let found: Vec<String> = view
            .events_of(side)
            .unwrap()
            .filter(|r| r.kind() == RelationKind::ClashesWith)
            .map(|r| r.id().to_owned())
            .collect();
        assert!(
            found.contains(&"acled_lnd1001".to_owned()),
            "{side}: {found:?}"
        );
    }
}

#[test]
fn acled_time_precision_widens_the_day_to_a_range_never_a_false_day() {
    let (g, _) = import(Preset::Acled, "acled.csv");
    let week = g.relation("acled_lnd1002").unwrap();
    assert_eq!(
        week.interval().start().unwrap().to_string(),
        "[2024-11-17..2024-11-23]"
    );
    let month = g.relation("acled_lnd1003").unwrap();
    assert_eq!(month.interval().start().unwrap().to_string(), "2024-10");
    // "15 October 2024" is the day ACLED coded; the note keeps it.
    assert!(
        month
            .note()
            .unwrap()
            .contains("time precision 3 (coded day 15 October 2024)")
    );
}

#[test]
fn acled_notes_are_the_quote_and_each_outlet_a_source() {
    let (g, _) = import(Preset::Acled, "acled.csv");
    let clash = g.relation("acled_lnd1001").unwrap();
    let outlets: Vec<String> = clash
        .citations()
        .map(|e| e.source().publisher.clone().unwrap())
        .collect();
    assert_eq!(outlets, ["Landia Today", "Wire Service"]);
    for e in clash.citations() {
        assert!(
            e.quote()
                .starts_with("On 27 November 2024, Military Forces of Landia clashed")
        );
        // Published between the event and the row's timestamp (2024-12-02).
        assert_eq!(e.source().published.to_string(), "[2024-11-27..2024-12-02]");
    }
    // An outlet named twice is one source.
    assert_eq!(g.relation("acled_lnd1007").unwrap().citations().count(), 2);
    // No timestamp: on or after the event.
    let base = g.relation("acled_lnd1006").unwrap();
    assert_eq!(
        base.citations()
            .next()
            .unwrap()
            .source()
            .published
            .to_string(),
        "[2024-12-08..]"
    );
    let note = clash.note().unwrap();
    assert!(
        note.contains("ACLED event LND1001: Battles / Armed clash"),
        "{note}"
    );
    assert!(note.contains("fatalities: 12"), "{note}");
}

#[test]
fn acled_associated_actors_take_part_on_their_actors_side() {
    let (g, _) = import(Preset::Acled, "acled.csv");
    let view = g.at(day("2024-11-28"));
    for guard in ["village_guard", "hill_brigade"] {
        let with: Vec<String> = view
            .events_of(guard)
            .unwrap()
            .filter(|r| r.id().starts_with("acled_lnd1001"))
            .map(|r| {
                let other = if r.subject().id.as_str() == guard {
                    r.object()
                } else {
                    r.subject()
                };
                other.id.to_string()
            })
            .collect();
        assert_eq!(with, ["military_forces_of_landia_2000_2024"], "{guard}");
    }
    // Eastland's air force struck with the Landian forces.
    let strike = g.relation("acled_lnd1002_a1_1").unwrap();
    assert_eq!(strike.subject().id.as_str(), "air_force_of_eastland");
    assert_eq!(strike.object().id.as_str(), "civilians_landia");
    assert_eq!(strike.kind(), RelationKind::InvolvedWith);
}

#[test]
fn acled_one_sided_and_same_sided_events_are_tied_to_their_place() {
    let (g, _) = import(Preset::Acled, "acled.csv");
    let protest = g.relation("acled_lnd1004").unwrap();
    assert_eq!(protest.kind(), RelationKind::ActiveIn);
    assert_eq!(protest.object().name, "Capital City");
    assert_eq!(protest.object().kind, ActorKind::Place);
    assert_eq!(protest.subject().kind, ActorKind::Population);
    // The teachers' union protested with them.
    let union = g.relation("acled_lnd1004_a1_1").unwrap();
    assert_eq!(union.subject().name, "Teachers Union of Landia");
    // Rioters against rioters: a real event, imported as one.
    let riot = g.relation("acled_lnd1005").unwrap();
    assert_eq!(riot.kind(), RelationKind::ActiveIn);
    assert_eq!(riot.subject().name, "Rioters (Landia)");
    assert!(
        riot.note()
            .unwrap()
            .contains("both sides are the same actor")
    );
    // `NA` is an absent value, never an actor.
    assert!(g.search("NA").all(|c| c.actor().name != "NA"));
    assert!(g.actors().all(|a| a.name != "NA" && !a.name.is_empty()));
}

#[test]
fn acled_names_with_a_regimes_dates_keep_them_as_the_names_dates() {
    let (g, _) = import(Preset::Acled, "acled.csv");
    let old = g.actor("military_forces_of_landia_2000_2024").unwrap();
    assert_eq!(old.former_names[0].name, "Military Forces of Landia");
    assert_eq!(old.former_names[0].from.unwrap().to_string(), "2000");
    assert_eq!(old.former_names[0].until.unwrap().to_string(), "2024");
    let new = g.actor("military_forces_of_landia_2024").unwrap();
    assert_eq!(new.former_names[0].from.unwrap().to_string(), "2024");
    assert!(new.former_names[0].until.is_none());
    // Two regimes, two actors: the bare name fits both.
    let found: Vec<String> = g
        .search("Military Forces of Landia")
        .map(|c| c.actor().id.to_string())
        .collect();
    assert!(found.contains(&"military_forces_of_landia_2000_2024".to_owned()));
    assert!(found.contains(&"military_forces_of_landia_2024".to_owned()));
}

#[test]
fn acled_report_counts_every_row_and_item() {
    let (g, report) = import(Preset::Acled, "acled.csv");
    assert_eq!(report.rows_read, 7);
    assert!(report.rejected.is_empty());
    assert_eq!(report.relation_count(), g.relation_count());
    assert_eq!(report.relations[&RelationKind::ClashesWith], 6);
    assert_eq!(report.relations[&RelationKind::InvolvedWith], 2);
    assert_eq!(report.relations[&RelationKind::ActiveIn], 4);
    assert_eq!(report.new_actor_count(), g.actor_count());
    assert_eq!(report.new_actors[&ActorKind::Place], 2);
}

// UCDP actor list

#[test]
fn ucdp_actors_have_their_names_and_renames_undated() {
    let (g, _) = import(Preset::UcdpActors, "ucdp_actors.csv");
    let front = g.resolve("Liberation Front").unwrap();
    assert_eq!(front.kind, ActorKind::ArmedGroup);
    assert!(front.aliases.contains(&"The Liberation Front".to_owned()));
    // NameChange 1: the original names are former names, with no date.
    let former: Vec<&str> = front.former_names.iter().map(|f| f.name.as_str()).collect();
    assert!(former.contains(&"Jabhat al-Tahrir"), "{former:?}");
    assert!(
        front
            .former_names
            .iter()
            .all(|f| f.from.is_none() && f.until.is_none())
    );
    // An undated former name is never the name "on" a day.
    assert_eq!(front.name_on(day("2000-01-01")), "Liberation Front");
    assert_eq!(g.resolve("Jabhat al-Tahrir").unwrap().id, front.id);
    assert!(front.note.as_deref().unwrap().contains("ActorId 9002"));
    let government = g.resolve("Government of Landia").unwrap();
    assert_eq!(government.kind, ActorKind::Government);
    assert!(government.aliases.contains(&"Hukumat Landia".to_owned()));
}

#[test]
fn ucdp_splinters_alliances_and_joins_stay_undated() {
    let (g, report) = import(Preset::UcdpActors, "ucdp_actors.csv");
    let split = g.relation("ucdp_9002_split_9003").unwrap();
    assert_eq!(split.kind(), RelationKind::SplitFrom);
    assert_eq!(split.subject().name, "Liberation Front");
    assert_eq!(split.object().name, "Old Front");
    assert!(split.interval().start().is_none(), "no date is invented");
    assert!(split.note().unwrap().contains("undated in the file"));
    let quote = split.citations().next().unwrap().quote().to_owned();
    assert!(
        quote.contains("Splinter 1") && quote.contains("ActorIdPrev 9003"),
        "{quote}"
    );
    let joined = g.relation("ucdp_9002_alliance_9004").unwrap();
    assert_eq!(joined.kind(), RelationKind::Joined);
    // The alliance's own row, later in the file, defines it.
    assert_eq!(
        joined
            .object()
            .note
            .as_deref()
            .map(|n| n.contains("ActorId 9004")),
        Some(true)
    );
    let merged = g.relation("ucdp_9005_group_9002").unwrap();
    assert_eq!(merged.kind(), RelationKind::MergedInto);
    // Two previous ids in one cell: two splits.
    assert!(g.relation("ucdp_9005_split_9003").is_ok());
    assert!(g.relation("ucdp_9005_split_9001").is_ok());
    assert_eq!(report.relations[&RelationKind::SplitFrom], 3);
    assert_eq!(g.actor_count(), 6);
}

// UCDP external support

#[test]
fn ucdp_support_holds_possibly_over_its_year_and_never_certainly() {
    let (g, report) = import(Preset::UcdpEsd, "ucdp_esd.csv");
    let backing = g.relation("ucdp_esd_9101_9002_2013").unwrap();
    assert_eq!(backing.kind(), RelationKind::Backs);
    assert_eq!(backing.subject().name, "Eastland");
    assert_eq!(
        backing.interval().holds_on(day("2013-06-01")),
        Holding::Possibly
    );
    assert_eq!(backing.interval().holds_on(day("2014-06-01")), Holding::No);
    let note = backing.note().unwrap();
    assert!(
        note.contains("weapons") && note.contains("training and expertise"),
        "{note}"
    );
    let alleged = g.relation("ucdp_esd_9101_9002_2014").unwrap();
    assert!(alleged.note().unwrap().contains("alleged"));
    // ext_sup 0 gives nothing and is reported.
    assert!(g.relation("ucdp_esd_9102_9001_2014").is_err());
    assert_eq!(report.empty.len(), 1);
    assert_eq!(report.empty[0].line, 5);
    assert_eq!(report.rows_read, 5);
    let backers: Vec<String> = g
        .at(day("2013-06-01"))
        .certainty(Certainty::Possibly)
        .backers_of("Liberation Front")
        .unwrap()
        .map(|r| r.subject().name.clone())
        .collect();
    assert_eq!(backers, ["Eastland"]);
}

// Mapping Militant Organizations

#[test]
fn mmp_connections_end_when_another_type_is_formed() {
    let (g, _) = import(Preset::Mmp, "mmp.csv");
    let first = g.relation("mmp_501").unwrap();
    assert_eq!(first.kind(), RelationKind::AlliedWith);
    assert_eq!(first.interval().to_string(), "2012-03-15 to 2014");
    let rivalry = g.relation("mmp_502").unwrap();
    // The renewed alliance (written 6/1/16) ends the rivalry.
    assert_eq!(rivalry.interval().to_string(), "2014 to 2016-06-01");
    let renewed = g.relation("mmp_503").unwrap();
    assert!(renewed.interval().end().is_none());
    assert!(
        rivalry
            .note()
            .unwrap()
            .contains("ended by relationship 503")
    );
    let affiliate = g.relation("mmp_505").unwrap();
    assert_eq!(affiliate.interval().to_string(), "2015-02-10 to 2017-05");
}

#[test]
fn mmp_splits_and_mergers_are_events_read_in_column_order() {
    let (g, _) = import(Preset::Mmp, "mmp.csv");
    let split = g.relation("mmp_504").unwrap();
    assert_eq!(split.kind(), RelationKind::SplitFrom);
    assert!(split.is_event());
    assert_eq!(
        (split.subject().name.as_str(), split.object().name.as_str()),
        ("Green Faction", "Red Front")
    );
    assert_eq!(split.interval().start().unwrap().to_string(), "2013-07");
    let merger = g.relation("mmp_506").unwrap();
    assert_eq!(merger.kind(), RelationKind::MergedInto);
    assert_eq!(merger.interval().start().unwrap().to_string(), "2019-11-30");
    assert_eq!(
        merger.citations().next().unwrap().quote(),
        "On 30 November 2019 the Yellow Cell merged into the Blue Brigade."
    );
}

/// The end the rule gives, read again the slow way: for each state, every
/// other row of the same two groups, the earliest strictly later one of
/// another type.
#[test]
fn mmp_supersession_equals_brute_force_on_random_rows() {
    use proptest::prelude::*;
    let types = ["all", "aff", "riv", "spl", "mer"];
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(
            &proptest::collection::vec((0usize..5, 0u8..3, 0u8..3, 2000i16..2006, 0u8..13), 1..25),
            |rows| {
                let mut text = String::from(
                    "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\n",
                );
                let mut kept = Vec::new();
                for (i, (t, a, b, year, month)) in rows.iter().enumerate() {
                    if a == b {
                        continue;
                    }
                    let date = format!("{year}-{month:02}-00");
                    text.push_str(&format!(
                        "{i},{},{a},{b},{date},Row {i} links {a} and {b}.,G{a},G{b}\n",
                        types[*t]
                    ));
                    kept.push((i, types[*t], *a, *b, *year, *month));
                }
                let Ok((g, _)) =
                    import_text(Preset::Mmp, "mmp.csv", &text, ImportOptions::default())
                else {
                    prop_assert!(kept.is_empty());
                    return Ok(());
                };
                let first = |y: i16, m: u8| (y, if m == 0 { 1 } else { m });
                for &(i, t, a, b, y, m) in &kept {
                    let r = g.relation(&format!("mmp_{i}")).unwrap();
                    if t == "spl" || t == "mer" {
                        prop_assert!(r.interval().end().is_none());
                        continue;
                    }
                    let pair = |x: u8, z: u8| (x.min(z), x.max(z));
                    let mut later: Vec<_> = kept
                        .iter()
                        .filter(|o| {
                            o.0 != i
                                && pair(o.2, o.3) == pair(a, b)
                                && o.1 != t
                                && first(o.4, o.5) > first(y, m)
                        })
                        .collect();
                    later.sort_by_key(|o| (first(o.4, o.5), o.0));
                    let expected = later.first().map(|o| {
                        if o.5 == 0 {
                            format!("{}", o.4)
                        } else {
                            format!("{}-{:02}", o.4, o.5)
                        }
                    });
                    prop_assert_eq!(
                        r.interval().end().map(|w| w.to_string()),
                        expected,
                        "row {}",
                        i
                    );
                }
                Ok(())
            },
        )
        .unwrap();
}

// Tables

#[test]
fn a_spreadsheet_imports_through_its_mapping() {
    let mapping = Mapping::from_path(fixture("sheet_mapping.ron")).unwrap();
    let (g, report) = import(Preset::Table(Box::new(mapping)), "sheet.tsv");
    assert_eq!(report.rows_read, 3);
    assert_eq!(report.relations[&RelationKind::Backs], 2);
    assert_eq!(report.relations[&RelationKind::Opposes], 1);
    let view = g.at(day("2013-07-01"));
    let backers: Vec<String> = view
        .backers_of("Liberation Front")
        .unwrap()
        .map(|r| r.subject().name.clone())
        .collect();
    assert_eq!(backers, ["Eastland"]);
    // "2013-05-00": May 2013, no more precise.
    let eastland = view.backers_of("Liberation Front").unwrap().next().unwrap();
    assert_eq!(eastland.interval().start().unwrap().to_string(), "2013-05");
    let evidence = eastland.citations().next().unwrap();
    assert_eq!(evidence.source().published.to_string(), "2013-06-03");
    assert_eq!(
        evidence.source().url.as_deref(),
        Some("https://example.org/eastland-quiet-war")
    );
    // Two rows describe the same article: one source.
    assert_eq!(report.sources, 2);
    let westland = g
        .at(day("2019-05-01"))
        .backers_of("Government of Landia")
        .unwrap()
        .count();
    assert_eq!(westland, 0, "Westland's backing ended in April 2019");
}

#[test]
fn the_csv_export_imports_back_to_an_equal_graph_with_the_shipped_mapping() {
    let graph = crate::syria();
    let tables = actorgraph::export::to_csv(
        actorgraph::export::Scope::Whole(&graph),
        &Default::default(),
    )
    .unwrap();
    let mut back = ActorGraph::new();
    let mapping = Mapping::actorgraph_csv().unwrap();
    let mut importer = Importer::new(
        &back,
        Preset::Table(Box::new(mapping)),
        ImportOptions::default(),
    );
    // Sources and actors before the relations that name them.
    for name in [
        "sources.csv",
        "actors.csv",
        "relations.csv",
        "citations.csv",
    ] {
        let text = tables
            .files()
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1;
        importer.read_text(name, text).unwrap();
    }
    importer.finish().unwrap().add_to(&mut back).unwrap();
    assert!(back == graph, "the graph read back differs");
}

/// Random datasets (the synthetic generator's, over many seeds and
/// sizes, with former names, disputes, claimants and grades) read back
/// equal from their CSV tables.
#[test]
fn a_random_dataset_exported_as_csv_imports_back_equal() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 24,
        ..Default::default()
    });
    runner
        .run(
            &(any::<u64>(), 2usize..40, 1usize..120),
            |(seed, actors, relations)| {
                let data = actorgraph::synthetic::Spec::new(actors, relations)
                    .seed(seed)
                    .generate();
                let graph = ActorGraph::from_dataset(data).unwrap();
                let tables = actorgraph::export::to_csv(
                    actorgraph::export::Scope::Whole(&graph),
                    &Default::default(),
                )
                .unwrap();
                let mut back = ActorGraph::new();
                let mut importer = Importer::new(
                    &back,
                    Preset::Table(Box::new(Mapping::actorgraph_csv().unwrap())),
                    ImportOptions::default(),
                );
                for name in [
                    "sources.csv",
                    "actors.csv",
                    "relations.csv",
                    "citations.csv",
                ] {
                    let text = tables
                        .files()
                        .into_iter()
                        .find(|(n, _)| *n == name)
                        .unwrap()
                        .1;
                    importer.read_text(name, text).unwrap();
                }
                importer.finish().unwrap().add_to(&mut back).unwrap();
                prop_assert!(back == graph);
                Ok(())
            },
        )
        .unwrap();
}

// Matching onto a graph

#[test]
fn onto_the_embedded_graph_actors_match_by_name_variant_or_alias_file() {
    let mut graph = crate::syria();
    let before = graph.relation_count();
    let text = "who\twhom\trelation\tquote\tarticle\tpublished\n\
                Iran\tSyrian Arab Army\tsupports\tIran backs the army.\tA fictional note\t2024-12-01\n\
                Tahrir al-Sham\tNew Fictional Brigade\tsupports\tThe group backs the brigade.\tA fictional note\t2024-12-01\n";
    let mapping = Mapping::from_ron(
        r#"(tables: [(rows: Relations((subject: "who", object: "whom", kind: Column("relation"),
            kinds: {"supports": Backs}, quote: "quote", source_title: "article",
            published: (column: "published"))))])"#,
    )
    .unwrap();
    let mut aliases = Aliases::new();
    aliases.insert("Tahrir al-Sham", "hts".parse().unwrap());
    let options = ImportOptions {
        aliases,
        ..ImportOptions::default()
    };
    let mut importer = Importer::new(&graph, Preset::Table(Box::new(mapping)), options);
    importer.read_text("sheet.tsv", text).unwrap();
    let report = importer.finish().unwrap().add_to(&mut graph).unwrap();
    assert_eq!(graph.relation_count(), before + 2);
    let how: Vec<(String, String, Matched)> = report
        .matched
        .iter()
        .map(|m| (m.incoming.clone(), m.actor.to_string(), m.how.clone()))
        .collect();
    assert!(
        how.iter().any(|(i, a, h)| i == "Iran"
            && a == "iran"
            && matches!(
                h,
                Matched::Search {
                    how: MatchKind::Exact,
                    ..
                }
            )),
        "{how:?}"
    );
    assert!(
        how.iter()
            .any(|(i, a, h)| i == "Tahrir al-Sham" && a == "hts" && *h == Matched::AliasFile),
        "{how:?}"
    );
    assert_eq!(report.new_actor_count(), 1, "only the brigade is new");
}

#[test]
fn a_name_that_fits_several_actors_is_an_error_listing_them_or_a_new_actor_on_request() {
    let twin = ActorGraph::from_ron(
        r#"(actors: [(id: "north_front", name: "North Front", kind: ArmedGroup),
                    (id: "north_front_2", name: "North Front", kind: ArmedGroup)])"#,
    )
    .unwrap();
    let text2 = "who,whom,relation,quote,article,published\nNorth Front,South Front,supports,x backs y.,A note,2024-12-01\n";
    let mapping2 = || {
        Mapping::from_ron(
            r#"(tables: [(rows: Relations((subject: "who", object: "whom", kind: Constant(Backs),
                quote: "quote", source_title: "article", published: (column: "published"))))])"#,
        )
        .unwrap()
    };
    let mut importer = Importer::new(
        &twin,
        Preset::Table(Box::new(mapping2())),
        ImportOptions::default(),
    );
    importer.read_text("sheet.csv", text2).unwrap();
    let err = importer.finish().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RejectedRows);
    let rule = err.rejected_rows()[0].rule().to_owned();
    assert!(rule.contains("north_front, north_front_2"), "{rule}");
    assert_eq!(err.rejected_rows()[0].line(), 2);
    let options = ImportOptions {
        new_when_ambiguous: true,
        ..ImportOptions::default()
    };
    let mut twin2 = twin.clone();
    let mut importer = Importer::new(&twin, Preset::Table(Box::new(mapping2())), options);
    importer.read_text("sheet.csv", text2).unwrap();
    let report = importer.finish().unwrap().add_to(&mut twin2).unwrap();
    assert_eq!(report.ambiguous.len(), 1);
    assert_eq!(report.ambiguous[0].candidates.len(), 2);
}

// Bad input

#[test]
fn a_bad_row_names_file_line_column_and_rule_and_nothing_is_added() {
    let mut graph = crate::syria();
    let before = graph.clone();
    let mut text = std::fs::read_to_string(fixture("mmp.csv")).unwrap();
    text.push_str(
        "509,all,71,73,31/02/2020,A row with a date that is none.,Red Front,Green Faction\n",
    );
    text.push_str("510,foe,71,73,2020-01-01,A row of an unknown type.,Red Front,Green Faction\n");
    let mut importer = Importer::new(&graph, Preset::Mmp, ImportOptions::default());
    importer.read_text("relationships.csv", &text).unwrap();
    let err = importer.finish().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RejectedRows);
    assert_eq!(err.rejected_count(), Some(2));
    let rows = err.rejected_rows();
    assert_eq!(rows[0].path(), Path::new("relationships.csv"));
    assert_eq!(
        (rows[0].line(), rows[0].column(), rows[0].column_name()),
        (10, Some(5), Some("date"))
    );
    assert!(rows[0].rule().contains("31/02/2020"), "{}", rows[0].rule());
    assert_eq!((rows[1].line(), rows[1].column_name()), (11, Some("type")));
    assert!(
        err.to_string()
            .contains("relationships.csv:11: column 2 (type):"),
        "{err}"
    );
    assert!(graph == before);
    // With --skip-bad-rows the good rows go in, and the bad are listed.
    let options = ImportOptions {
        skip_bad_rows: true,
        ..ImportOptions::default()
    };
    let mut importer = Importer::new(&graph, Preset::Mmp, options);
    importer.read_text("relationships.csv", &text).unwrap();
    let report = importer.finish().unwrap().add_to(&mut graph).unwrap();
    assert_eq!(report.rejected.len(), 2);
    assert_eq!(report.relation_count(), 8);
}

#[test]
fn a_header_without_the_presets_columns_names_the_missing_ones() {
    let err = import_text(
        Preset::Acled,
        "acled.csv",
        "event_id_cnty,event_date\nX1,2024-01-01\n",
        ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RejectedRows);
    let rule = err.rejected_rows()[0].rule();
    assert!(
        rule.contains("time_precision") && rule.contains("notes") && rule.contains("actor1"),
        "{rule}"
    );
    assert!(!rule.contains("event_date"), "{rule}");
    assert_eq!(err.rejected_rows()[0].line(), 1);
    // The file cannot be read at all: skipping bad rows does not help.
    assert!(err.rejected_rows()[0].is_header());
    assert!(
        err.to_string()
            .starts_with("cannot import acled.csv: the header lacks"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_too_many_cells_and_empty_quotes_are_rejected_rows() {
    let header = "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\n";
    let mut bytes = header.as_bytes().to_vec();
    bytes.extend_from_slice(b"1,all,1,2,2014-00-00,Bad \xff byte.,A,B\n");
    bytes.extend_from_slice(b"2,all,1,2,2014-00-00,Too many.,A,B,extra\n");
    bytes.extend_from_slice(b"3,all,1,2,2014-00-00,,A,B\n");
    bytes.extend_from_slice(b"4,all,1,2,2014-00-00,Good.,A,B\n");
    let path = std::env::temp_dir().join(format!("actorgraph-bad-{}.csv", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let graph = ActorGraph::new();
    let mut importer = Importer::new(&graph, Preset::Mmp, ImportOptions::default());
    importer.read_path(&path).unwrap();
    let err = importer.finish().unwrap_err();
    std::fs::remove_file(&path).ok();
    let rows = err.rejected_rows();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (rows[0].line(), rows[0].column_name()),
        (2, Some("description"))
    );
    assert!(rows[0].rule().contains("UTF-8"));
    assert_eq!(rows[1].line(), 3);
    assert!(rows[1].rule().contains("9 cells where the header has 8"));
    assert_eq!(
        (rows[2].line(), rows[2].column_name()),
        (4, Some("description"))
    );
}

#[test]
fn quoting_newlines_a_bom_crlf_and_a_ten_megabyte_cell_are_read() {
    let long = "x".repeat(10 << 20);
    let text = format!(
        "\u{feff}unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\r\n\
         1,all,1,2,2014-00-00,\"A quote, with a comma,\r\nand a line break\",\"Alpha, the first\",Beta\r\n\
         2,riv,1,2,2016-00-00,\"{long}\",\"Alpha, the first\",Beta\r\n"
    );
    let (g, report) = import_text(Preset::Mmp, "mmp.csv", &text, ImportOptions::default()).unwrap();
    assert_eq!(report.rows_read, 2);
    let first = g.relation("mmp_1").unwrap();
    assert_eq!(
        first.citations().next().unwrap().quote(),
        "A quote, with a comma,\r\nand a line break"
    );
    assert_eq!(first.subject().name, "Alpha, the first");
    assert_eq!(
        g.relation("mmp_2")
            .unwrap()
            .citations()
            .next()
            .unwrap()
            .quote()
            .len(),
        10 << 20
    );
}

#[test]
fn every_row_becomes_items_or_is_reported() {
    // Rows of every sort, good and bad, from the fixtures and damaged
    // copies: read + rejected + empty accounts for each.
    let text = std::fs::read_to_string(fixture("ucdp_esd.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let header = lines.remove(0);
    let mut damaged = vec![header];
    for (i, line) in lines.iter().enumerate() {
        damaged.push(line.clone());
        damaged.push(line.replacen(",20", ",2x", 1));
        damaged.push(format!("{line},{i}"));
    }
    let options = ImportOptions {
        skip_bad_rows: true,
        ..ImportOptions::default()
    };
    let (g, report) = import_text(
        Preset::UcdpEsd,
        "esd.csv",
        &(damaged.join("\n") + "\n"),
        options,
    )
    .unwrap();
    let made = g.relation_count() as u64;
    assert_eq!(report.rows_read, 15);
    assert_eq!(
        made + report.rejected.len() as u64 + report.empty.len() as u64,
        report.rows_read
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let mut graph = ActorGraph::new();
    import_onto(
        &mut graph,
        Preset::Mmp,
        &[fixture("mmp.csv")],
        ImportOptions::default(),
    )
    .unwrap();
    let once = graph.clone();
    let report = import_onto(
        &mut graph,
        Preset::Mmp,
        &[fixture("mmp.csv")],
        ImportOptions::default(),
    )
    .unwrap();
    assert!(graph == once);
    assert_eq!(report.new_actor_count(), 0);
    assert_eq!(report.already_held, 16);
}

#[test]
fn the_alias_file_reads_and_refuses_what_is_not_an_id() {
    let aliases = Aliases::from_path(fixture("aliases.csv")).unwrap();
    assert_eq!(
        aliases.get("UCDP:9001").map(|a| a.as_str()),
        Some("landia_government")
    );
    let err = Aliases::from_csv("incoming,actor\nX,Not An Id\n").unwrap_err();
    assert_eq!(err.rejected_rows()[0].column_name(), Some("actor"));
    // An alias to an actor nobody has is a rejected row.
    let mut aliases = Aliases::new();
    aliases.insert("ucdp:9002", "nobody".parse().unwrap());
    let options = ImportOptions {
        aliases,
        ..ImportOptions::default()
    };
    let graph = ActorGraph::new();
    let mut importer = Importer::new(&graph, Preset::UcdpActors, options);
    importer.read_path(fixture("ucdp_actors.csv")).unwrap();
    let err = importer.finish().unwrap_err();
    assert!(err.rejected_rows()[0].rule().contains("nobody"));
}

#[test]
fn imported_splits_and_mergers_make_a_lineage() {
    let (g, _) = import(Preset::UcdpActors, "ucdp_actors.csv");
    let lineage = g.at(day("2024-12-01")).lineage("Liberation Front").unwrap();
    let predecessors: Vec<String> = lineage.predecessors().map(|a| a.name.clone()).collect();
    assert!(
        predecessors.contains(&"Old Front".to_owned()),
        "{predecessors:?}"
    );
    // The Hill Brigade merged into the front: it is a predecessor too.
    assert!(
        predecessors.contains(&"Hill Brigade".to_owned()),
        "{predecessors:?}"
    );
    let (g, _) = import(Preset::Mmp, "mmp.csv");
    let lineage = g.at(day("2020-01-01")).lineage("Blue Brigade").unwrap();
    let predecessors: Vec<String> = lineage.predecessors().map(|a| a.name.clone()).collect();
    assert_eq!(predecessors, ["Yellow Cell"]);
}
