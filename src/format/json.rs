//! Datasets as JSON, lossless both ways: the same records as RON, field for
//! field.

use serde_json::Value;

use crate::base::error::{Error, Position, TextSpan};
use crate::base::model::Dataset;
use crate::graph::ActorGraph;
use crate::view::RelationRef;

use super::dialect::Dialect;
use super::shared::{ExportOptions, Scope, select};
use super::stream::{self, GiveUp};
use super::whole;

impl Dataset {
    /// Parses a dataset from JSON text, without validating it: the same
    /// records as RON, field for field (`{"sources": [...], "actors": [...],
    /// "relations": [...]}`, dates as strings, claimants as
    /// `{"Actor": "id"}` or `{"Other": "text"}`).
    ///
    /// # Errors
    ///
    /// A [`Syntax`](crate::ErrorKind::Syntax) error with the line and column of the first syntax
    /// error, wrong type, unknown field or kind, or invalid date.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::Dataset;
    ///
    /// let data = Dataset::from_json(r#"{"actors": [{"id": "iran", "name": "Iran", "kind": "State"}]}"#)?;
    /// assert_eq!(data.actors.len(), 1);
    /// let err = Dataset::from_json("{\"actors\": [\n {\"id\": \"x\", \"nme\": 1}]}").unwrap_err();
    /// assert_eq!(err.position().map(|at| at.line), Some(2), "{err}");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Dataset, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        serde_json::from_str(text).map_err(|e| {
            let at = Position::new(e.line(), e.column());
            // serde_json's message ends with its own " at line L column C";
            // the error prints the position once, as for RON.
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
            Error::syntax(TextSpan { start: at, end: at }, message, Some(Box::new(e)))
        })
    }

    /// Writes the dataset as pretty JSON that [`Dataset::from_json`] reads
    /// back to an equal dataset.
    ///
    /// # Errors
    ///
    /// A [`Serialize`](crate::ErrorKind::Serialize) error if the serializer fails, which these types do not
    /// provoke.
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string_pretty(self).map_err(|e| Error::serialize("dataset as json", e))
    }
}

impl ActorGraph {
    /// Parses and validates a dataset from JSON text, as
    /// [`ActorGraph::from_ron`] does from RON.
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_json`], then an [`Invalid`](crate::ErrorKind::Invalid) error.
    pub fn from_json(text: &str) -> Result<ActorGraph, Error> {
        stream::load(text.as_bytes(), Dialect::Json)
            .or_else(|GiveUp| whole::build(text.as_bytes(), Dialect::Json))
    }

    /// Writes the graph's contents as a JSON dataset; loading it gives an
    /// equal graph.
    ///
    /// # Errors
    ///
    /// As [`Dataset::to_json`].
    pub fn to_json(&self) -> Result<String, Error> {
        self.to_dataset().to_json()
    }
}

/// The scope as a JSON dataset: the whole graph's records, or those of a
/// view's relations and the actors and sources they use.
///
/// # Errors
///
/// As [`Dataset::to_json`].
pub fn to_json_dataset(scope: Scope<'_>, options: &ExportOptions) -> Result<String, Error> {
    let graph = scope.graph();
    let selection = select(scope, options);
    let relations: Vec<_> = selection
        .relations
        .iter()
        .map(RelationRef::to_relation)
        .collect();
    let mut used: Vec<&str> = relations
        .iter()
        .flat_map(|r| r.citations.iter().map(|c| c.source.as_str()))
        .collect();
    used.sort_unstable();
    let dataset = Dataset {
        sources: graph
            .sources()
            .filter(|s| {
                matches!(scope, Scope::Whole(_)) || used.binary_search(&s.id.as_str()).is_ok()
            })
            .cloned()
            .collect(),
        actors: selection
            .actors
            .iter()
            .map(|a| a.record().clone())
            .collect(),
        relations,
    };
    dataset.to_json()
}

pub(super) fn pretty(document: &Value) -> String {
    // Serialising a `Value` cannot fail: every key is a string.
    serde_json::to_string_pretty(document).unwrap_or_default()
}
