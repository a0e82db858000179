//! The export tables as Arrow batches: the CSV tables' rows and columns,
//! with typed days that answer the as-of rule as the library does.

use actorgraph::arrow::{self, RecordBatch};
use actorgraph::export::{ExportOptions, Scope};
use actorgraph::{Certainty, RelationKind};
use arrow_array::Array;
use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;

use super::{day, syria};

fn days_since_epoch(text: &str) -> i32 {
    let epoch = jiff::civil::date(1970, 1, 1);
    let to = day(text).to_jiff();
    epoch.until(to).unwrap().get_days()
}

/// Row ids of relations whose typed bounds put `d` inside `[from, until)`.
fn holding(batch: &RecordBatch, from: &str, until: &str, d: i32) -> Vec<String> {
    let ids = batch.column_by_name("id").unwrap().as_string::<i32>();
    let lo = batch
        .column_by_name(from)
        .unwrap()
        .as_primitive::<Date32Type>();
    let hi = batch
        .column_by_name(until)
        .unwrap()
        .as_primitive::<Date32Type>();
    (0..batch.num_rows())
        .filter(|&i| (lo.is_null(i) || lo.value(i) <= d) && (hi.is_null(i) || d < hi.value(i)))
        .map(|i| ids.value(i).to_owned())
        .collect()
}

#[test]
fn the_tables_have_a_row_for_each_record_and_their_schemas() {
    let graph = syria();
    let tables = arrow::tables(Scope::Whole(&graph), &ExportOptions::default()).unwrap();
    assert_eq!(tables.actors.num_rows(), graph.actor_count());
    assert_eq!(tables.relations.num_rows(), graph.relation_count());
    assert_eq!(tables.sources.num_rows(), graph.sources().len());
    let citations: usize = graph.relations().map(|r| r.citations().count()).sum();
    assert_eq!(tables.citations.num_rows(), citations);
    assert_eq!(tables.actors.schema(), arrow::actors_schema());
    assert_eq!(tables.relations.schema(), arrow::relations_schema());
    assert_eq!(tables.citations.schema(), arrow::citations_schema());
    assert_eq!(tables.sources.schema(), arrow::sources_schema());
    // The single-table functions give the same batches.
    let options = ExportOptions::default();
    assert_eq!(
        arrow::relations(Scope::Whole(&graph), &options).unwrap(),
        tables.relations
    );
    assert_eq!(
        arrow::citations(Scope::Whole(&graph), &options).unwrap(),
        tables.citations
    );
}

#[test]
fn the_typed_days_answer_possibly_and_certainly_as_the_library_does() {
    let graph = syria();
    let relations = arrow::relations(Scope::Whole(&graph), &ExportOptions::default()).unwrap();
    for text in [
        "2011-06-01",
        "2015-09-30",
        "2020-03-05",
        "2024-11-27",
        "2024-12-08",
    ] {
        let d = days_since_epoch(text);
        let view = graph.at(day(text));
        let mut possibly: Vec<String> = view.relations().map(|r| r.id().to_owned()).collect();
        let mut certainly: Vec<String> = view
            .certainty(Certainty::Certainly)
            .relations()
            .map(|r| r.id().to_owned())
            .collect();
        // The view keeps states only; the whole-graph table also has events.
        let events: Vec<String> = graph
            .relations()
            .filter(|r| r.is_event())
            .map(|r| r.id().to_owned())
            .collect();
        let keep = |ids: Vec<String>| -> Vec<String> {
            let mut ids: Vec<String> = ids.into_iter().filter(|i| !events.contains(i)).collect();
            ids.sort();
            ids
        };
        possibly.sort();
        certainly.sort();
        assert_eq!(
            keep(holding(&relations, "holds_from", "holds_until", d)),
            possibly,
            "{text}"
        );
        assert_eq!(
            keep(holding(&relations, "certain_from", "certain_until", d)),
            certainly,
            "{text}"
        );
    }
}

#[test]
fn a_view_and_a_kind_filter_keep_only_their_relations() {
    let graph = syria();
    let view = graph.at(day("2024-11-30"));
    let options = ExportOptions::default().kinds([RelationKind::Backs]);
    let batch = arrow::relations(Scope::View(view), &options).unwrap();
    let kinds = batch.column_by_name("kind").unwrap().as_string::<i32>();
    assert!(batch.num_rows() > 0);
    assert!(kinds.iter().all(|k| k == Some("backs")));
    let expected = view
        .relations()
        .filter(|r| r.kind() == RelationKind::Backs)
        .count();
    assert_eq!(batch.num_rows(), expected);
}

#[test]
fn dates_as_written_and_their_precision_match_the_csv_export() {
    let graph = syria();
    let csv = actorgraph::export::to_csv(Scope::Whole(&graph), &ExportOptions::default()).unwrap();
    let batch = arrow::relations(Scope::Whole(&graph), &ExportOptions::default()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.relations.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (i, row) in reader.records().enumerate() {
        let row = row.unwrap();
        for (csv_name, arrow_name) in [
            ("id", "id"),
            ("from", "from"),
            ("until", "until"),
            ("on", "on"),
            ("from_precision", "from_precision"),
            ("until_precision", "until_precision"),
            ("claimed_by", "claimed_by"),
        ] {
            let column = batch.column_by_name(arrow_name).unwrap().as_string::<i32>();
            let value = if column.is_null(i) {
                ""
            } else {
                column.value(i)
            };
            assert_eq!(value, &row[col(csv_name)], "row {i} column {csv_name}");
        }
        let holds_from = batch
            .column_by_name("holds_from")
            .unwrap()
            .as_primitive::<Date32Type>();
        let written = &row[col("holds_from:date")];
        if written.is_empty() {
            assert!(holds_from.is_null(i));
        } else {
            assert_eq!(holds_from.value(i), days_since_epoch(written), "row {i}");
        }
    }
}

/// The `superseded` column, found once per relation since the Parquet
/// export got faster, against the library's own rule per citation: on a
/// graph where claimants cite a relation several times, both ways, with
/// graded and ungraded citations, for the whole graph, a view under a
/// knowledge date and a graded view.
#[test]
fn superseded_found_per_relation_agrees_with_the_claimant_rule() {
    use actorgraph::grade::{Credibility, Grade};
    use actorgraph::{ActorGraph, ActorId, Citation, Claimant, Stance, synthetic};

    let mut data = synthetic::Spec::benches(2_000).generate();
    let actors: Vec<ActorId> = data.actors.iter().map(|a| a.id.clone()).collect();
    let sources: Vec<_> = data.sources.iter().map(|s| s.id.clone()).collect();
    let mut state: u64 = 7;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    for relation in &mut data.relations {
        let count = 1 + next(5);
        relation.citations = (0..count)
            .map(|i| Citation {
                source: sources[next(sources.len())].clone(),
                quote: format!("quote {i}"),
                // The first supports: a relation needs a supporting citation.
                stance: if i > 0 && next(3) == 0 {
                    Stance::Disputes
                } else {
                    Stance::Supports
                },
                claimed_by: match next(4) {
                    0 => Some(Claimant::Actor(actors[next(3)].clone())),
                    1 => Some(Claimant::Other(format!("spokesman {}", next(2)))),
                    _ => None,
                },
                credibility: (next(2) == 0)
                    .then(|| Credibility::from_digit(1 + next(6) as u64).unwrap()),
                acknowledged: Vec::new(),
            })
            .collect();
    }
    let graph = ActorGraph::from_dataset(data).unwrap();
    let known = graph.at(day("2000-06-15")).known_by(day("1990-01-01"));
    let scopes = [
        Scope::Whole(&graph),
        Scope::View(graph.at(day("2000-06-15"))),
        Scope::View(known),
        Scope::View(
            graph
                .at(day("2000-06-15"))
                .graded_at_least("F3".parse::<Grade>().unwrap()),
        ),
    ];
    let mut superseded_seen = 0;
    for scope in scopes {
        let citations = arrow::citations(scope, &ExportOptions::default()).unwrap();
        let column = citations.column_by_name("superseded").unwrap().as_boolean();
        let relations: Vec<_> = match scope {
            Scope::Whole(g) => g.relations().collect(),
            Scope::View(view) => {
                let mut found: Vec<_> = view.relations().collect();
                found.sort_by_key(|r| r.order());
                found
            }
        };
        let expected: Vec<bool> = relations
            .iter()
            .flat_map(|r| r.citations().map(|e| e.is_superseded()))
            .collect();
        let actual: Vec<bool> = (0..column.len()).map(|i| column.value(i)).collect();
        assert_eq!(actual, expected);
        superseded_seen += expected.iter().filter(|&&s| s).count();
    }
    assert!(superseded_seen > 100, "the data exercise the rule");
}
