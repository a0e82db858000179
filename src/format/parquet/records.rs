//! Reading a Parquet export the ordinary way: every table into owned
//! records, joined into a [`Dataset`], built as any dataset is. It reads
//! any export (partitioned, or written by another tool in another order)
//! and names every problem; [`rows`](super::rows) is the faster path for
//! the common case.

use std::path::Path;

use hashbrown::HashMap;

use crate::base::error::Error;
use crate::base::model::{Citation, Relation};
use crate::graph::ActorGraph;

use super::table::{
    CitationColumns, RelationColumns, Table, blank_citation, read_file, read_head, relation_files,
    table_path,
};

/// Reads the Parquet export in `dir` as a graph.
pub(super) fn read_dir(dir: &Path) -> Result<ActorGraph, Error> {
    // The tables are looked for in this order, so that a folder that is
    // no export is said to lack the first.
    table_path(dir, "sources.parquet")?;
    table_path(dir, "actors.parquet")?;
    let citations_path = table_path(dir, "citations.parquet")?;
    let relation_files = relation_files(dir)?;
    // The big tables decode on both cores: citations on one, relations on
    // the other (with the small tables), joined by relation id after.
    let (citations, rest) = rayon::join(
        || read_all_citations(&citations_path),
        || -> Result<_, Error> {
            let dataset = read_head(dir)?;
            let mut relations = Vec::new();
            for (path, kind) in &relation_files {
                for batch in read_file(path)? {
                    let table = Table {
                        path,
                        batch: &batch,
                    };
                    let columns = RelationColumns::of(&table, kind.as_deref())?;
                    for row in 0..columns.rows() {
                        let mut relation = Relation::blank();
                        columns.fill(row, &mut relation)?;
                        relations.push(relation);
                    }
                }
            }
            Ok((dataset, relations))
        },
    );
    let (groups, (mut dataset, mut relations)) = (citations?, rest?);
    // Citations come grouped in dataset order. An unpartitioned export
    // lists the relations in that same order, so each relation takes the
    // next group, checked by id; otherwise (partitions, or files written
    // by another tool) the groups are found by id, and give each relation
    // its place. A relation without citations goes after the others,
    // where validation names it.
    let in_order = groups.len() == relations.len()
        && groups
            .iter()
            .zip(&relations)
            .all(|((id, _), r)| id.as_str() == r.id.as_str());
    if in_order {
        for ((_, cited), relation) in groups.into_iter().zip(relations.iter_mut()) {
            relation.citations = cited;
        }
        dataset.relations = relations;
        return ActorGraph::from_dataset(dataset);
    }
    let mut citations: HashMap<String, (usize, Vec<Citation>)> = HashMap::new();
    for (order, (id, cited)) in groups.into_iter().enumerate() {
        citations
            .entry(id)
            .or_insert_with(|| (order, Vec::new()))
            .1
            .extend(cited);
    }
    let mut placed: Vec<(usize, Relation)> = relations
        .into_iter()
        .map(|mut relation| {
            let (order, cited) = citations
                .remove(relation.id.as_str())
                .unwrap_or((usize::MAX, Vec::new()));
            relation.citations = cited;
            (order, relation)
        })
        .collect();
    placed.sort_by_key(|(order, _)| *order);
    dataset.relations = placed.into_iter().map(|(_, r)| r).collect();
    ActorGraph::from_dataset(dataset)
}

/// The citations table as groups of consecutive rows of one relation, in
/// the table's order. A relation whose rows are not consecutive (a file
/// not written by this crate) gets one group per run; they are merged when
/// found by id.
fn read_all_citations(path: &Path) -> Result<Vec<(String, Vec<Citation>)>, Error> {
    let mut groups: Vec<(String, Vec<Citation>)> = Vec::new();
    for batch in read_file(path)? {
        let columns = CitationColumns::of(&Table {
            path,
            batch: &batch,
        })?;
        for row in 0..columns.rows() {
            let mut citation = blank_citation();
            columns.fill(row, &mut citation)?;
            let relation = columns.relation(row)?;
            match groups.last_mut() {
                Some((id, cited)) if id == relation => cited.push(citation),
                _ => groups.push((relation.to_owned(), vec![citation])),
            }
        }
    }
    Ok(groups)
}
