//! Reading a graph from a file, whatever it holds: a snapshot, or a RON or
//! JSON dataset streamed in as it is read (read again whole only to report
//! what is wrong with it).

use std::io::Read;
use std::path::Path;

use crate::base::error::Error;
use crate::graph::ActorGraph;

use super::dialect::dialect_of;
use super::stream::{self, GiveUp};
use super::whole;

impl ActorGraph {
    /// Reads a graph from a file: a directory of Parquet tables written by
    /// `parquet::write_dir` (with the `parquet` feature); a snapshot ([`ActorGraph::to_snapshot`])
    /// when the file begins with the snapshot mark; else parses and
    /// validates a dataset, JSON when its name ends in `.json`, else RON.
    ///
    /// # Errors
    ///
    /// An [`Io`](crate::ErrorKind::Io) error when the file cannot be read,
    /// then as [`Dataset::from_ron_bytes`](crate::Dataset::from_ron_bytes)
    /// and [`ActorGraph::from_dataset`]; validation problems carry the line
    /// and column of their item.
    pub fn from_path(path: impl AsRef<Path>) -> Result<ActorGraph, Error> {
        let path = path.as_ref();
        let io = |source| Error::io(path, source);
        if path.is_dir() {
            return from_directory(path);
        }
        let mut file = std::fs::File::open(path).map_err(io)?;
        let mut head = Vec::new();
        (&mut file)
            .take(super::snapshot::MAGIC.len() as u64)
            .read_to_end(&mut head)
            .map_err(io)?;
        if super::snapshot::looks_like_snapshot(&head) {
            file.read_to_end(&mut head).map_err(io)?;
            return ActorGraph::from_snapshot(&head);
        }
        // Text is read and built piece by piece; only a file that is not a
        // plain valid dataset is read again whole, to report its problems.
        stream::load(head.as_slice().chain(file), dialect_of(path)).or_else(|GiveUp| {
            let bytes = std::fs::read(path).map_err(io)?;
            whole::build(&bytes, dialect_of(path))
        })
    }

    /// Loads a dataset file on top of this graph: its new sources, actors
    /// and relations are added, and may refer to what the graph holds.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::from_path`] and [`ActorGraph::extend`]: an id that
    /// already exists with another definition is an error naming both. On
    /// any error the graph is left exactly as it was.
    ///
    /// # Example
    ///
    /// ```no_run
    /// let mut graph = actorgraph::ActorGraph::embedded()?;
    /// graph.extend_from_path("my_notes.ron")?;
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn extend_from_path(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::io(path, source))?;
        whole::extend(self, &bytes, dialect_of(path))
    }
}

#[cfg(feature = "parquet")]
fn from_directory(path: &Path) -> Result<ActorGraph, Error> {
    super::parquet::read_dir(path)
}

#[cfg(not(feature = "parquet"))]
fn from_directory(path: &Path) -> Result<ActorGraph, Error> {
    Err(Error::io(
        path,
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is a directory; reading a Parquet export needs the `parquet` feature",
        ),
    ))
}
