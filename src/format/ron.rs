//! Reading and writing datasets as RON.

use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;

use crate::base::error::Error;
use crate::base::error::Position;
use crate::base::model::Dataset;
use crate::graph::ActorGraph;

use super::stream::{self, Dialect, GiveUp, ron_options};

/// The dataset compiled into the crate: the 2024 rebel offensive in
/// north-west Syria, as reported by five articles.
pub const EMBEDDED_DATASET: &str = include_str!("../../data/actors.ron");

impl Dataset {
    /// Parses a dataset from RON text, without validating it.
    ///
    /// A leading byte-order mark is ignored.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] with the line and column of the first syntax error,
    /// wrong type, unknown field or kind, or invalid date.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{Dataset, Error};
    ///
    /// let err = Dataset::from_ron("(actors: [(id: \"x\",\n  nme: \"X\")])").unwrap_err();
    /// assert!(matches!(err, Error::Syntax { start, .. } if start.line == 2), "{err}");
    /// ```
    pub fn from_ron(text: &str) -> Result<Dataset, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        ron_options().from_str(text).map_err(|e| Error::Syntax {
            start: e.span.start.into(),
            end: e.span.end.into(),
            message: e.code.to_string(),
            code: Some(Box::new(e.code)),
        })
    }

    /// Parses a dataset from bytes that should be UTF-8 RON.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] at the line and column of the first byte that is
    /// not UTF-8, else as [`Dataset::from_ron`].
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{Dataset, Error};
    ///
    /// let err = Dataset::from_ron_bytes(b"(actors: [\n  (id: \"x\xff\"").unwrap_err();
    /// assert!(matches!(err, Error::Syntax { start, .. } if (start.line, start.column) == (2, 10)), "{err}");
    /// ```
    pub fn from_ron_bytes(bytes: &[u8]) -> Result<Dataset, Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Dataset::from_ron(text),
            Err(e) => {
                // Everything before the bad byte is valid, so it can be counted in characters.
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
                let at = Position {
                    line: valid.matches('\n').count() + 1,
                    column: valid[line_start..].chars().count() + 1,
                };
                Err(Error::Syntax {
                    start: at,
                    end: at,
                    message: "invalid utf-8 byte sequence".to_owned(),
                    code: None,
                })
            }
        }
    }

    /// Writes the dataset as pretty RON that [`Dataset::from_ron`] reads back
    /// to an equal dataset.
    ///
    /// # Errors
    ///
    /// [`Error::Serialize`] if the serializer fails, which these types do not
    /// provoke.
    pub fn to_ron(&self) -> Result<String, Error> {
        let pretty = ron::ser::PrettyConfig::new()
            .extensions(Extensions::IMPLICIT_SOME)
            .struct_names(false)
            .depth_limit(4);
        ron::ser::to_string_pretty(self, pretty).map_err(|e| Error::Serialize {
            message: e.to_string(),
        })
    }
}

/// JSON datasets carry the same records as RON ones; the extension says which.
fn dialect_of(path: &Path) -> Dialect {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json { Dialect::Json } else { Dialect::Ron }
}

fn read_dataset(path: &Path) -> Result<Dataset, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    if dialect_of(path) == Dialect::Json {
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let at = crate::base::error::Position {
                line: 1 + bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count(),
                column: 1,
            };
            Error::Syntax {
                start: at,
                end: at,
                message: "invalid utf-8 byte sequence".to_owned(),
                code: None,
            }
        })?;
        return Dataset::from_json(text);
    }
    Dataset::from_ron_bytes(&bytes)
}

impl ActorGraph {
    /// Parses and validates a dataset from RON text.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] as [`Dataset::from_ron`], then [`Error::Invalid`]
    /// as [`ActorGraph::from_dataset`].
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::ActorGraph;
    ///
    /// let graph = ActorGraph::from_ron(r#"(
    ///     sources: [(id: "a", title: "An article", published: "2024-11-28")],
    ///     actors: [
    ///         (id: "iran", name: "Iran", kind: State),
    ///         (id: "hezbollah", name: "Hezbollah", kind: Militia),
    ///     ],
    ///     relations: [(
    ///         id: "iran_backs_hezbollah", kind: Backs,
    ///         subject: "iran", object: "hezbollah",
    ///         citations: [(source: "a", quote: "Iran-backed Hezbollah")],
    ///     )],
    /// )"#)?;
    /// assert_eq!(graph.relation_count(), 1);
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn from_ron(text: &str) -> Result<ActorGraph, Error> {
        stream::load(text.as_bytes(), Dialect::Ron)
            .or_else(|GiveUp| ActorGraph::from_dataset(Dataset::from_ron(text)?))
    }

    /// Reads a graph from a file: a snapshot ([`ActorGraph::to_snapshot`])
    /// when the file begins with the snapshot mark; else parses and
    /// validates a dataset, JSON when its name ends in `.json`, else RON.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, then as
    /// [`Dataset::from_ron_bytes`] and [`ActorGraph::from_dataset`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<ActorGraph, Error> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
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
        stream::load(head.as_slice().chain(file), dialect_of(path))
            .or_else(|GiveUp| ActorGraph::from_dataset(read_dataset(path)?))
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
        self.extend(read_dataset(path.as_ref())?)
    }

    /// Adds everything in `other` to this graph, all or nothing, as
    /// [`ActorGraph::extend`] does.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::extend`].
    pub fn merge(&mut self, other: &ActorGraph) -> Result<(), Error> {
        self.extend(other.to_dataset())
    }

    /// The dataset compiled into the crate ([`EMBEDDED_DATASET`]).
    ///
    /// # Errors
    ///
    /// None in a released crate: a test loads it. The `Result` keeps a bad
    /// edit of the data file from becoming a panic.
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// assert!(graph.resolve("Hayat Tahrir al-Sham").is_ok());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn embedded() -> Result<ActorGraph, Error> {
        ActorGraph::from_ron(EMBEDDED_DATASET)
    }

    /// Writes the graph's contents as RON; loading the text again gives an
    /// equal graph.
    ///
    /// # Errors
    ///
    /// As [`Dataset::to_ron`].
    pub fn to_ron(&self) -> Result<String, Error> {
        self.to_dataset().to_ron()
    }
}
