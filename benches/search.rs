//! Name search and resolve on a 50 000-actor synthetic graph with romanised
//! names, each against a baseline that scans every name in the same run;
//! and loading such names, against bare RON parsing. Results in
//! BENCHMARKS.md, "Name search".

use std::hint::black_box;
use std::time::Duration;

use actorgraph::names::normalize_name;
use actorgraph::synthetic::Spec;
use actorgraph::{ActorGraph, Dataset};
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};

const ACTORS: usize = 50_000;

/// Every id, name, alias and former name, normalised once before timing,
/// with its actor's position: what a search without an index scans.
fn every_name(data: &Dataset) -> Vec<(String, u32)> {
    let mut names = Vec::new();
    for (i, a) in data.actors.iter().enumerate() {
        let all = std::iter::once(a.id.as_str())
            .chain([a.name.as_str()])
            .chain(a.aliases.iter().map(String::as_str))
            .chain(a.former_names.iter().map(|f| f.name.as_str()));
        for name in all {
            names.push((normalize_name(name), i as u32));
        }
    }
    names
}

/// The baseline: the names equal to the text or containing it, in the form
/// names are compared in; no spelling variants, no ranking.
fn baseline_scan(names: &[(String, u32)], text: &str) -> Vec<u32> {
    let wanted = normalize_name(text);
    let mut found: Vec<u32> = names
        .iter()
        .filter(|(name, _)| name.contains(wanted.as_str()))
        .map(|&(_, actor)| actor)
        .collect();
    found.dedup();
    found
}

/// One actor's own word, taken from its name.
fn own_word(data: &Dataset, i: usize) -> String {
    let name = &data.actors[i].name;
    let last = name.rsplit([' ', '-']).next().unwrap_or(name);
    last.to_owned()
}

fn search(c: &mut Criterion) {
    let data = Spec::new(ACTORS, 100_000)
        .sources(1_000)
        .romanised_names()
        .seed(42)
        .generate();
    let names = every_name(&data);
    // Actor 20 002 is a person, "Abu Muhammad al-Word", with an alias.
    let person = 20_002;
    let word = own_word(&data, person);
    let mut misspelt: Vec<char> = word.chars().collect();
    misspelt.swap(2, 3);
    let misspelt: String = misspelt.into_iter().collect();
    let cases: Vec<(&str, String)> = vec![
        ("exact_name", data.actors[person].name.clone()),
        ("alias", data.actors[person].aliases[0].clone()),
        ("own_word", word.clone()),
        (
            "word_variant",
            word.replacen('u', "o", 1).replacen('i', "e", 1),
        ),
        ("prefix", word.chars().take(5).collect()),
        (
            "phrase",
            data.actors[person]
                .name
                .trim_start_matches("Abu ")
                .to_owned(),
        ),
        ("near_miss", misspelt),
        ("unknown", "Xylophonequartz".to_owned()),
        // A word in the names of one actor in six.
        ("shared_word", "Liwa".to_owned()),
    ];
    let graph = ActorGraph::from_dataset(data).expect("synthetic data is valid");
    // The first prefix and near-miss searches build their tables.
    let _ = graph.search("Xylophone").count();
    let mut group = c.benchmark_group("8_search_50k_actors");
    group
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .sample_size(30);
    for (case, text) in &cases {
        group.bench_with_input(BenchmarkId::new("baseline_scan", case), text, |b, t| {
            b.iter(|| baseline_scan(&names, black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("search", case), text, |b, t| {
            b.iter(|| graph.search(black_box(t)).collect::<Vec<_>>())
        });
        group.bench_with_input(BenchmarkId::new("resolve", case), text, |b, t| {
            b.iter(|| graph.resolve(black_box(t)).is_ok())
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("9_load_romanised_names");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    // The usual one actor per twenty relations, and actors alone, where
    // names weigh most.
    for (actors, relations) in [(5_000, 100_000), (ACTORS, 0)] {
        let text = Spec::new(actors, relations)
            .sources((relations / 100).max(50))
            .romanised_names()
            .seed(42)
            .generate()
            .to_ron()
            .expect("synthetic data serializes");
        let size = format!("{actors}_actors_{relations}_relations");
        group.bench_with_input(
            BenchmarkId::new("baseline_ron_from_str", &size),
            &text,
            |b, t| b.iter(|| Dataset::from_ron(black_box(t)).expect("parses")),
        );
        group.bench_with_input(
            BenchmarkId::new("actorgraph_from_ron", &size),
            &text,
            |b, t| b.iter(|| ActorGraph::from_ron(black_box(t)).expect("loads")),
        );
    }
    group.finish();
}

criterion_group!(benches, search, load);
criterion_main!(benches);
