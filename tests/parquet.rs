//! Parquet exports: they read back to an equal graph however the relations
//! are partitioned, and bad directories or files give an error naming them.

use std::path::{Path, PathBuf};

use actorgraph::export::{ExportOptions, Scope};
use actorgraph::parquet::{Partition, write_dir};
use actorgraph::{ActorGraph, synthetic};

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
