//! Snapshots: a built graph saved whole, opened without parsing text.
//!
//! ```text
//! magic     8 bytes   "AGSNAP\r\n"  (the line end catches text-mode copies)
//! version   u32 LE    FORMAT_VERSION
//! length    u64 LE    payload bytes
//! checksum  u32 LE    CRC-32 of the payload
//! payload             the store (records, then relations as packed
//!                     arrays, then the relation ids and quotes, each
//!                     table followed by its numbers in order of string),
//!                     then the interval index's order
//! ```
//!
//! Version 2 added the string tables' order: opening checks that it sorts
//! the strings strictly, in one pass, instead of hashing every string.
//! Version 3 writes every enum value by a fixed code (`store/codes.rs`)
//! rather than its position, and reads flags as 0 or 1 only. Version 4
//! writes evidence grades; version 5 the count of relation kinds, with the
//! kinds for imported event data. Version 6 writes an EDTF date beyond a
//! partial date or plain range (`1984?`, `199X`, `[1667, 1668]`) as its
//! text, under a third date tag, and reads it back through the parser. The version
//! lives beside the layout, in `store/snapshot.rs`; `tests/reference/`
//! holds a snapshot of every version that each build must open or refuse
//! by version.

use crate::base::error::{Error, SnapshotFault};
use crate::graph::ActorGraph;
use crate::index::interval::IntervalIndex;
use crate::store::Store;
use crate::store::codec::{Reader, Writer};

pub(crate) const MAGIC: &[u8; 8] = b"AGSNAP\r\n";
pub use crate::store::FORMAT_VERSION;
const HEADER: usize = 8 + 4 + 8 + 4;

fn fault(fault: SnapshotFault, detail: impl Into<String>) -> Error {
    Error::snapshot(fault, detail.into())
}

/// Whether `bytes` begin like a snapshot, so a path can be opened as one.
pub(crate) fn looks_like_snapshot(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

impl ActorGraph {
    /// The graph as snapshot bytes: everything it holds, indexes included,
    /// for [`ActorGraph::from_snapshot`].
    ///
    /// # Complexity
    ///
    /// O(R + C + text), building the interval index first if no query has.
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let bytes = graph.to_snapshot();
    /// assert_eq!(actorgraph::ActorGraph::from_snapshot(&bytes)?, graph);
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn to_snapshot(&self) -> Vec<u8> {
        let mut payload = Writer::default();
        self.store.write_snapshot(&mut payload);
        self.interval_index().write_snapshot(&mut payload);
        let payload = payload.bytes;
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Opens a snapshot written by [`ActorGraph::to_snapshot`], with no
    /// text to parse or validate: the arrays are read as they were written,
    /// every position bounds-checked, and what can be recomputed from them
    /// (name index, citation offsets, end days and trees of the interval
    /// index) recomputed.
    ///
    /// # Errors
    ///
    /// A [`Snapshot`](crate::ErrorKind::Snapshot) error saying whether the file is foreign, of another
    /// version, truncated, or corrupt (checksum or contents); never a panic
    /// or a wrong graph from a damaged file.
    ///
    /// # Complexity
    ///
    /// O(R + C + text) for R relations and C citations.
    pub fn from_snapshot(bytes: &[u8]) -> Result<ActorGraph, Error> {
        if bytes.len() < MAGIC.len() || !bytes.starts_with(MAGIC) {
            return Err(fault(
                SnapshotFault::Foreign,
                "the file does not begin with the snapshot mark",
            ));
        }
        if bytes.len() < HEADER {
            return Err(fault(
                SnapshotFault::Truncated,
                format!("{} bytes, shorter than the header", bytes.len()),
            ));
        }
        let word = |at: usize| [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
        let version = u32::from_le_bytes(word(8));
        if version != FORMAT_VERSION {
            return Err(fault(
                SnapshotFault::Version,
                format!("version {version}; this build reads version {FORMAT_VERSION}"),
            ));
        }
        let mut length = [0; 8];
        length.copy_from_slice(&bytes[12..20]);
        let length = u64::from_le_bytes(length);
        let checksum = u32::from_le_bytes(word(20));
        let payload = &bytes[HEADER..];
        if (payload.len() as u64) < length {
            return Err(fault(
                SnapshotFault::Truncated,
                format!("{} of {length} payload bytes", payload.len()),
            ));
        }
        if payload.len() as u64 != length {
            return Err(fault(
                SnapshotFault::Corrupt,
                format!(
                    "{} bytes after a {length}-byte payload",
                    payload.len() as u64 - length
                ),
            ));
        }
        if crc32fast::hash(payload) != checksum {
            return Err(fault(SnapshotFault::Corrupt, "the checksum does not match"));
        }
        let corrupt = |e: crate::store::codec::Corrupt| fault(SnapshotFault::Corrupt, e.0);
        let mut reader = Reader::new(payload);
        // The name indexes need only the actors: they are filed on one core
        // while the other decodes the relations.
        let (store, names) =
            Store::read_snapshot(&mut reader, ActorGraph::names_of).map_err(corrupt)?;
        let index = IntervalIndex::read_snapshot(&mut reader, &store);
        let index = index.map_err(corrupt)?;
        if !reader.is_done() {
            return Err(fault(SnapshotFault::Corrupt, "bytes left after the index"));
        }
        Ok(ActorGraph::from_parts(store, index, names))
    }

    /// Writes [`ActorGraph::to_snapshot`] to a file.
    ///
    /// # Errors
    ///
    /// An [`Io`](crate::ErrorKind::Io) error when the file cannot be written.
    pub fn save_snapshot(&self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let path = path.as_ref();
        std::fs::write(path, self.to_snapshot()).map_err(|source| Error::io_writing(path, source))
    }
}
