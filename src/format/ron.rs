//! Reading and writing datasets as RON.

use ron::extensions::Extensions;

use crate::base::error::{Error, Position, TextSpan};
use crate::base::model::Dataset;
use crate::graph::ActorGraph;

use super::dialect::{Dialect, ron_options, utf8};
use super::stream::{self, GiveUp};
use super::whole;

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
    /// A [`Syntax`](crate::ErrorKind::Syntax) error with the line and column of the first syntax error,
    /// wrong type, unknown field or kind, or invalid date.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::Dataset;
    ///
    /// let err = Dataset::from_ron("(actors: [(id: \"x\",\n  nme: \"X\")])").unwrap_err();
    /// assert_eq!(err.position().map(|at| at.line), Some(2), "{err}");
    /// ```
    pub fn from_ron(text: &str) -> Result<Dataset, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        ron_options().from_str(text).map_err(|e| {
            let span = TextSpan {
                // No `From` impl: ron's type stays out of the public API.
                start: Position::new(e.span.start.line, e.span.start.col),
                end: Position::new(e.span.end.line, e.span.end.col),
            };
            Error::syntax(span, e.code.to_string(), Some(Box::new(e)))
        })
    }

    /// Parses a dataset from bytes that should be UTF-8 RON.
    ///
    /// # Errors
    ///
    /// A [`Syntax`](crate::ErrorKind::Syntax) error at the line and column of the first byte that is
    /// not UTF-8, else as [`Dataset::from_ron`].
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::Dataset;
    ///
    /// let err = Dataset::from_ron_bytes(b"(actors: [\n  (id: \"x\xff\"").unwrap_err();
    /// let at = err.position().expect("a syntax error has a position");
    /// assert_eq!((at.line, at.column), (2, 10), "{err}");
    /// ```
    pub fn from_ron_bytes(bytes: &[u8]) -> Result<Dataset, Error> {
        Dataset::from_ron(utf8(bytes)?)
    }

    /// Writes the dataset as pretty RON that [`Dataset::from_ron`] reads back
    /// to an equal dataset.
    ///
    /// # Errors
    ///
    /// A [`Serialize`](crate::ErrorKind::Serialize) error if the serializer fails, which these types do not
    /// provoke.
    pub fn to_ron(&self) -> Result<String, Error> {
        let pretty = ron::ser::PrettyConfig::new()
            .extensions(Extensions::IMPLICIT_SOME)
            .struct_names(false)
            .depth_limit(4);
        ron::ser::to_string_pretty(self, pretty).map_err(|e| Error::serialize("dataset as ron", e))
    }
}

impl ActorGraph {
    /// Parses and validates a dataset from RON text.
    ///
    /// # Errors
    ///
    /// A [`Syntax`](crate::ErrorKind::Syntax) error as [`Dataset::from_ron`], then an [`Invalid`](crate::ErrorKind::Invalid) error
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
            .or_else(|GiveUp| whole::build(text.as_bytes(), Dialect::Ron))
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
