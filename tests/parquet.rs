//! Parquet exports: they read back to an equal graph however the relations
//! are partitioned, and bad directories or files give an error naming them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use actorgraph::arrow::{ArrowTables, tables};
use actorgraph::export::{ExportOptions, Scope};
use actorgraph::parquet::{Partition, write_dir, write_tables};
use actorgraph::{ActorGraph, synthetic};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch, StringArray, UInt32Array};
use arrow_select::concat::concat_batches;
use arrow_select::take::take_record_batch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, GzipLevel, ZstdLevel};
use parquet::file::properties::WriterProperties;

use super::syria;

/// A fresh directory under the target directory, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("parquet")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
    dir
}

fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial-"))
        .collect()
}

/// Writes the whole of `graph` into `dir` with the default options.
fn export_whole(graph: &ActorGraph, partition: Partition, dir: &Path) {
    write_dir(
        Scope::Whole(graph),
        &ExportOptions::default(),
        partition,
        dir,
    )
    .unwrap();
}

#[test]
fn the_embedded_graph_reads_back_equal_in_every_partitioning() {
    let graph = syria();
    for (partition, name) in [
        (Partition::None, "whole"),
        (Partition::Kind, "by-kind"),
        (Partition::Year, "by-year"),
    ] {
        let dir = scratch(name);
        export_whole(&graph, partition, &dir);
        let back = ActorGraph::from_path(&dir).unwrap();
        assert!(back == graph, "{name}: the graph read back differs");
        let expected = match partition {
            Partition::None => dir.join("relations.parquet"),
            Partition::Kind => dir.join("relations/kind=backs/part-0.parquet"),
            Partition::Year => dir.join("relations/year=2024/part-0.parquet"),
        };
        assert!(expected.is_file(), "{}", expected.display());
    }
}

#[test]
fn a_synthetic_graph_with_every_feature_reads_back_equal() {
    let graph = ActorGraph::from_dataset(synthetic::Spec::benches(5_000).generate()).unwrap();
    let dir = scratch("synthetic");
    export_whole(&graph, Partition::Year, &dir);
    assert!(ActorGraph::from_path(&dir).unwrap() == graph);
}

/// The streamed export builds its text columns of ids and quotes as
/// numbers into one array of each kind's texts (dictionary arrays). Its
/// files must still hold the tables exactly as `arrow::tables` makes
/// them: the same schema, with text as text, and the same rows.
#[test]
fn the_streamed_export_holds_the_arrow_tables_text_as_text() {
    let graph = ActorGraph::from_dataset(synthetic::Spec::benches(5_000).generate()).unwrap();
    let dir = scratch("streamed-tables");
    export_whole(&graph, Partition::None, &dir);
    let expected = tables(Scope::Whole(&graph), &ExportOptions::default()).unwrap();
    for (name, table) in expected.tables() {
        let file = std::fs::File::open(dir.join(format!("{name}.parquet"))).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let schema = arrow_array::RecordBatchReader::schema(&reader);
        assert_eq!(schema, table.schema(), "{name}");
        let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
        assert_eq!(&concat_batches(&schema, &batches).unwrap(), table, "{name}");
    }
}

#[test]
fn writing_again_replaces_an_earlier_export_but_not_other_folders() {
    let graph = syria();
    let dir = scratch("again");
    let options = ExportOptions::default();
    write_dir(Scope::Whole(&graph), &options, Partition::Kind, &dir).unwrap();
    write_dir(Scope::Whole(&graph), &options, Partition::None, &dir).unwrap();
    assert!(
        !dir.join("relations").exists(),
        "the earlier partitions are gone"
    );
    assert!(ActorGraph::from_path(&dir).unwrap() == graph);

    let other = scratch("not-an-export");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let error = write_dir(Scope::Whole(&graph), &options, Partition::None, &other).unwrap_err();
    assert!(error.to_string().contains("not-an-export"), "{error}");
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(leftovers(other.parent().unwrap()).is_empty());
}

#[test]
fn an_unwritable_output_is_an_error_naming_it_with_nothing_left_behind() {
    let graph = syria();
    let parent = scratch("blocked");
    std::fs::create_dir_all(&parent).unwrap();
    // A file where a folder of the path should be.
    std::fs::write(parent.join("file"), "x").unwrap();
    let out = parent.join("file").join("tables");
    let error = write_dir(
        Scope::Whole(&graph),
        &ExportOptions::default(),
        Partition::None,
        &out,
    )
    .unwrap_err();
    // Said as a failure to write, and of the folder asked for: it once read
    // "cannot read" and named the temporary folder beside it.
    let said = format!("cannot write {}: ", out.display());
    assert!(error.to_string().starts_with(&said), "{error}");
    assert_eq!(error.kind(), actorgraph::ErrorKind::Io);
    assert!(leftovers(&parent).is_empty());
}

#[test]
fn bad_parquet_input_names_the_path_at_fault() {
    let graph = syria();
    let dir = scratch("bad");
    export_whole(&graph, Partition::None, &dir);

    // A missing directory.
    let missing = dir.join("nowhere");
    let error = ActorGraph::from_path(&missing).unwrap_err();
    assert!(error.to_string().contains("nowhere"), "{error}");

    // A directory that is not an export.
    let empty = scratch("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let error = ActorGraph::from_path(&empty).unwrap_err();
    assert!(
        error.to_string().contains("empty") && error.to_string().contains("sources.parquet"),
        "{error}"
    );

    // A truncated file.
    let relations = dir.join("relations.parquet");
    let bytes = std::fs::read(&relations).unwrap();
    std::fs::write(&relations, &bytes[..bytes.len() / 2]).unwrap();
    let error = ActorGraph::from_path(&dir).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("relations.parquet") && text.contains("Parquet"),
        "{text}"
    );

    // Text where Parquet should be.
    std::fs::write(&relations, "subject,object\n").unwrap();
    let error = ActorGraph::from_path(&dir).unwrap_err();
    assert!(error.to_string().contains("relations.parquet"), "{error}");

    // A Parquet file of another table: the missing column is named.
    std::fs::copy(dir.join("sources.parquet"), &relations).unwrap();
    let error = ActorGraph::from_path(&dir).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("relations.parquet") && text.contains("column `"),
        "{text}"
    );
}

/// The streamed export writes no row group for an export without
/// relations (and several for a graph larger than one run): both read back.
#[test]
fn an_export_without_relations_or_of_many_row_groups_reads_back() {
    let graph = syria();
    let dir = scratch("no-relations");
    write_dir(
        Scope::Whole(&graph),
        &ExportOptions::default().kinds([]),
        Partition::None,
        &dir,
    )
    .unwrap();
    let read = ActorGraph::from_path(&dir).unwrap();
    assert_eq!(read.relation_count(), 0);
    assert_eq!(read.sources().len(), graph.sources().len());

    let graph = ActorGraph::from_dataset(synthetic::Spec::benches(40_000).generate()).unwrap();
    let dir = scratch("many-row-groups");
    export_whole(&graph, Partition::None, &dir);
    assert!(ActorGraph::from_path(&dir).unwrap() == graph);
}

/// `batch` with `value` in column `name` (text) on the rows `at` picks.
fn with_text(
    batch: &RecordBatch,
    name: &str,
    at_row: impl Fn(usize) -> bool,
    value: &str,
) -> RecordBatch {
    let at = batch.schema().index_of(name).unwrap();
    let old = batch.column(at).as_string::<i32>();
    let new: StringArray = (0..old.len())
        .map(|row| match at_row(row) {
            true => Some(value),
            false => old.is_valid(row).then(|| old.value(row)),
        })
        .collect();
    let mut columns = batch.columns().to_vec();
    columns[at] = Arc::new(new);
    RecordBatch::try_new(batch.schema(), columns).unwrap()
}

/// The embedded graph's tables, as [`write_tables`] takes them.
fn syria_tables() -> ArrowTables {
    tables(Scope::Whole(&syria()), &ExportOptions::default()).unwrap()
}

/// A reader of these tables takes a short path when they are as this crate
/// writes them, and the ordinary one otherwise: citations in another order
/// than their relations, or every relation given twice (which a dataset
/// may do when both are identical), read back to the same graph.
#[test]
fn tables_in_another_order_or_giving_a_relation_twice_read_back_equal() {
    let graph = syria();
    let original = syria_tables();
    // The relations' runs of citations last first, each run in its order.
    let cited = original.citations.column_by_name("relation").unwrap();
    let cited = cited.as_string::<i32>();
    let mut runs: Vec<Vec<u32>> = Vec::new();
    for row in 0..cited.len() {
        match runs.last_mut() {
            Some(run) if cited.value(run[0] as usize) == cited.value(row) => run.push(row as u32),
            _ => runs.push(vec![row as u32]),
        }
    }
    let backwards = UInt32Array::from_iter_values(runs.into_iter().rev().flatten());
    let reversed = ArrowTables {
        citations: take_record_batch(&original.citations, &backwards).unwrap(),
        ..original.clone()
    };
    let dir = scratch("citations-reversed");
    write_tables(&reversed, Partition::None, &dir).unwrap();
    // The relations then take the citations' order, as in a partitioned
    // export, whose citations keep the order the relations' files lose.
    let by_id = |graph: &ActorGraph| {
        let mut dataset = graph.to_dataset();
        dataset
            .relations
            .sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
        dataset
    };
    let read = ActorGraph::from_path(&dir).unwrap();
    assert!(by_id(&read) == by_id(&graph));

    let twice = |batch: &RecordBatch| concat_batches(&batch.schema(), [batch, batch]).unwrap();
    let doubled = ArrowTables {
        relations: twice(&original.relations),
        citations: twice(&original.citations),
        ..original.clone()
    };
    let dir = scratch("relations-twice");
    write_tables(&doubled, Partition::None, &dir).unwrap();
    assert!(ActorGraph::from_path(&dir).unwrap() == graph);
}

/// A rule broken in the tables gives the error the same records give as a
/// dataset, whichever way the reader took: a relation of an unknown actor,
/// and a state running past a death (a rule checked once every relation
/// is in).
#[test]
fn a_rule_broken_in_the_tables_is_named_as_for_a_dataset() {
    let original = syria_tables();
    let unknown = ArrowTables {
        relations: with_text(
            &original.relations,
            "subject",
            |row| row == 3,
            "nobody_known",
        ),
        ..original.clone()
    };
    let dir = scratch("unknown-actor");
    write_tables(&unknown, Partition::None, &dir).unwrap();
    let error = ActorGraph::from_path(&dir).unwrap_err();
    assert_eq!(error.kind(), actorgraph::ErrorKind::Invalid);
    assert!(error.to_string().contains("nobody_known"), "{error}");

    // The leader of a state that is still open dies long before it began.
    let mut dataset = syria().to_dataset();
    let leader = dataset
        .relations
        .iter()
        .find(|r| !r.kind.is_event() && r.until.is_none() && r.from.is_some())
        .map(|r| r.subject.clone())
        .unwrap();
    let dead = ArrowTables {
        actors: with_text(
            &original.actors,
            "died",
            |row| dataset.actors[row].id == leader,
            "1900-01-01",
        ),
        ..original.clone()
    };
    let dir = scratch("after-death");
    write_tables(&dead, Partition::None, &dir).unwrap();
    let error = ActorGraph::from_path(&dir).unwrap_err();
    for actor in &mut dataset.actors {
        if actor.id == leader {
            actor.died = Some("1900-01-01".parse().unwrap());
        }
    }
    let expected = ActorGraph::from_dataset(dataset).unwrap_err();
    assert_eq!(error.to_string(), expected.to_string());
    assert!(error.to_string().contains("1900-01-01"), "{error}");
}

/// The streamed read looks each source up and checks each quote once for
/// every citation that shares it (a dictionary value); a source no one
/// listed, or a blank quote, still gives the error the dataset gives.
#[test]
fn an_unknown_source_or_a_blank_quote_is_named_as_for_a_dataset() {
    let original = syria_tables();
    let dataset = syria().to_dataset();
    // Row 5 of the citations, and the relation it belongs to.
    let cited = original.citations.column_by_name("relation").unwrap();
    let relation = cited.as_string::<i32>().value(5).to_owned();
    let place = dataset
        .relations
        .iter()
        .flat_map(|r| r.citations.iter().map(move |_| r.id.as_str()))
        .position(|id| id == relation)
        .unwrap();
    let row = 5 - place;
    for (column, value) in [("source", "nowhere_listed"), ("quote", "   ")] {
        let spoilt = ArrowTables {
            citations: with_text(&original.citations, column, |r| r == 5, value),
            ..original.clone()
        };
        let dir = scratch("spoilt-citation");
        write_tables(&spoilt, Partition::None, &dir).unwrap();
        let error = ActorGraph::from_path(&dir).unwrap_err();
        let mut expected = dataset.clone();
        let citation = &mut expected
            .relations
            .iter_mut()
            .find(|r| r.id.as_str() == relation)
            .unwrap()
            .citations[row];
        match column {
            "source" => citation.source = value.parse().unwrap(),
            _ => citation.quote = value.to_owned(),
        }
        let expected = ActorGraph::from_dataset(expected).unwrap_err();
        assert_eq!(error.kind(), actorgraph::ErrorKind::Invalid, "{column}");
        assert_eq!(error.to_string(), expected.to_string(), "{column}");
    }
}

/// Kinds and stances are read as dictionaries, each name looked up once;
/// a name that names nothing is still an error at its file, row and
/// column, written with a dictionary or without.
#[test]
fn an_unknown_kind_or_stance_is_named_at_its_row_and_column() {
    let original = syria_tables();
    let spoilt = [
        (
            "relations.parquet",
            "row 4, column `kind`: unknown relation kind \"befriends\"",
            ArrowTables {
                relations: with_text(&original.relations, "kind", |r| r == 3, "befriends"),
                ..original.clone()
            },
        ),
        (
            "citations.parquet",
            "row 6, column `stance`: unknown stance \"Maybe\"",
            ArrowTables {
                citations: with_text(&original.citations, "stance", |r| r == 5, "Maybe"),
                ..original.clone()
            },
        ),
    ];
    for (file, message, tables) in spoilt {
        let dir = scratch("spoilt-name");
        write_tables(&tables, Partition::None, &dir).unwrap();
        let error = ActorGraph::from_path(&dir).unwrap_err().to_string();
        assert!(error.contains(file) && error.contains(message), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// A citations file cut short must not read as a graph with fewer
/// citations: the short path hands over decoding errors, not an early end.
#[test]
fn a_truncated_citations_file_is_an_error_not_a_smaller_graph() {
    let graph = ActorGraph::from_dataset(synthetic::Spec::benches(40_000).generate()).unwrap();
    let dir = scratch("citations-cut");
    export_whole(&graph, Partition::None, &dir);
    let citations = dir.join("citations.parquet");
    let bytes = std::fs::read(&citations).unwrap();
    // The footer kept, a page in the middle spoilt.
    let mut spoilt = bytes.clone();
    let middle = bytes.len() / 2;
    spoilt[middle..middle + 64].fill(0xff);
    std::fs::write(&citations, &spoilt).unwrap();
    let error = ActorGraph::from_path(&dir).unwrap_err();
    assert!(error.to_string().contains("citations.parquet"), "{error}");
}

/// Tables another tool wrote with another codec read back: polars writes
/// zstd by default, and Spark and DuckDB write zstd, LZ4 or gzip on
/// request. Each file of an export is written again with the codec (and
/// row groups of 1 000 rows, so that the streamed read meets many).
#[test]
fn tables_compressed_with_zstd_lz4_or_gzip_read_back() {
    let graph = ActorGraph::from_dataset(synthetic::Spec::benches(5_000).generate()).unwrap();
    let dir = scratch("codecs-snappy");
    export_whole(&graph, Partition::None, &dir);
    for (name, codec) in [
        ("zstd", Compression::ZSTD(ZstdLevel::default())),
        ("lz4", Compression::LZ4_RAW),
        ("gzip", Compression::GZIP(GzipLevel::default())),
    ] {
        let again = scratch(&format!("codecs-{name}"));
        std::fs::create_dir_all(&again).unwrap();
        for table in ["actors", "sources", "relations", "citations"] {
            let file = format!("{table}.parquet");
            let input = std::fs::File::open(dir.join(&file)).unwrap();
            let reader = ParquetRecordBatchReaderBuilder::try_new(input)
                .unwrap()
                .build()
                .unwrap();
            let properties = WriterProperties::builder()
                .set_compression(codec)
                .set_max_row_group_row_count(Some(1_000))
                .build();
            let output = std::fs::File::create(again.join(&file)).unwrap();
            let schema = arrow_array::RecordBatchReader::schema(&reader);
            let mut writer = ArrowWriter::try_new(output, schema, Some(properties)).unwrap();
            for batch in reader {
                writer.write(&batch.unwrap()).unwrap();
            }
            writer.close().unwrap();
        }
        let read = ActorGraph::from_path(&again).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(read == graph, "{name}: the graph read back differs");
    }
}
