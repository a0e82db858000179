//! Loading a dataset's whole text: the path every text takes that the
//! streaming load gave up on, and the one that reports what is wrong.
//!
//! A text that fails validation is split once more, by the streaming
//! splitter, to find where each item begins, so that every problem names
//! the line and column of its item, as syntax errors do.

use std::collections::HashMap;

use crate::base::error::{Error, ItemKind, Position};
use crate::base::model::Dataset;
use crate::graph::ActorGraph;

use super::dialect::{Dialect, utf8};
use super::stream::item_starts;

/// Parses `bytes` as a dataset in `dialect`, without validating it.
pub(crate) fn parse(bytes: &[u8], dialect: Dialect) -> Result<Dataset, Error> {
    let text = utf8(bytes)?;
    match dialect {
        Dialect::Ron => Dataset::from_ron(text),
        Dialect::Json => Dataset::from_json(text),
    }
}

/// Builds a graph from the whole text; problems carry their items' lines.
pub(crate) fn build(bytes: &[u8], dialect: Dialect) -> Result<ActorGraph, Error> {
    let data = parse(bytes, dialect)?;
    let order = Order::of(&data);
    ActorGraph::from_dataset(data).map_err(|e| locate(e, bytes, dialect, &order))
}

/// Adds the whole text's dataset to `graph`, all or nothing.
pub(crate) fn extend(graph: &mut ActorGraph, bytes: &[u8], dialect: Dialect) -> Result<(), Error> {
    let data = parse(bytes, dialect)?;
    let order = Order::of(&data);
    graph
        .extend(data)
        .map_err(|e| locate(e, bytes, dialect, &order))
}

/// The ids of a dataset's items in the order the text gives them.
struct Order {
    ids: [Vec<String>; 3],
}

impl Order {
    fn of(data: &Dataset) -> Order {
        Order {
            ids: [
                data.sources.iter().map(|s| s.id.to_string()).collect(),
                data.actors.iter().map(|a| a.id.to_string()).collect(),
                data.relations.iter().map(|r| r.id.to_string()).collect(),
            ],
        }
    }
}

/// Gives each problem of a failed validation its item's line and column.
fn locate(mut error: Error, bytes: &[u8], dialect: Dialect, order: &Order) -> Error {
    let Some(problems) = error.problems_mut() else {
        return error;
    };
    // The splitter reads what the parser read: the text after a byte-order
    // mark. A text it cannot outline keeps its problems unplaced.
    let bom = if bytes.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        0
    };
    let text = &bytes[bom..];
    let Some(starts) = item_starts(text, dialect) else {
        return error;
    };
    let mut at: HashMap<(usize, &str), usize> = HashMap::new();
    for (list, (ids, offsets)) in order.ids.iter().zip(&starts).enumerate() {
        if ids.len() != offsets.len() {
            return error;
        }
        for (id, &offset) in ids.iter().zip(offsets) {
            // A repeated id is reported at its second definition.
            at.insert((list, id.as_str()), offset);
        }
    }
    problems.locate(|item| {
        let list = match item.kind {
            ItemKind::Source => 0,
            ItemKind::Actor => 1,
            ItemKind::Relation => 2,
        };
        at.get(&(list, item.id.as_str())).map(|&offset| {
            let mut position = Position::of_offset(text, offset);
            position.offset = Some(bom + offset);
            position
        })
    });
    error
}
