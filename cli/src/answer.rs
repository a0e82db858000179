//! A query's answer in the three forms `--format` offers: the text a person
//! reads, and the same rows as JSON (an array of objects) or CSV (a header
//! and one line per row) for a program to read.

use actorgraph::{Holding, RelationRef};
use serde_json::{Map, Value, json};

/// How a query subcommand writes its answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Sentences and quotes, for reading.
    #[default]
    Text,
    /// An array of objects, one per row, for `jq` and programs.
    Json,
    /// A header line and one line per row, for spreadsheets and `xsv`.
    Csv,
}

/// What a query found: its text, and its rows under named columns.
pub struct Answer {
    /// The answer as a person reads it.
    pub text: String,
    /// The columns of every row.
    pub columns: &'static [&'static str],
    /// The rows, each with one value per column.
    pub rows: Vec<Vec<Value>>,
}

impl Answer {
    /// The answer in `format`.
    pub fn render(&self, format: Format) -> Result<String, Box<dyn std::error::Error>> {
        match format {
            Format::Text => Ok(self.text.clone()),
            Format::Json => {
                let rows: Vec<Value> = self
                    .rows
                    .iter()
                    .map(|row| {
                        let object: Map<String, Value> = self
                            .columns
                            .iter()
                            .map(|c| (*c).to_owned())
                            .zip(row.iter().cloned())
                            .collect();
                        Value::Object(object)
                    })
                    .collect();
                Ok(serde_json::to_string_pretty(&rows)? + "\n")
            }
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(Vec::new());
                writer.write_record(self.columns)?;
                for row in &self.rows {
                    writer.write_record(row.iter().map(cell))?;
                }
                Ok(String::from_utf8(writer.into_inner()?)?)
            }
        }
    }
}

/// A JSON value as a CSV cell: text bare, null empty, lists joined by `;`.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// The columns [`relation_row`] fills.
pub const RELATION_COLUMNS: [&str; 12] = [
    "id",
    "kind",
    "subject",
    "subject_name",
    "object",
    "object_name",
    "from",
    "until",
    "on",
    "holding",
    "contested",
    "sources",
];

/// One relation as a row of [`RELATION_COLUMNS`].
pub fn relation_row(r: &RelationRef<'_>) -> Vec<Value> {
    let text = |w: Option<actorgraph::When>| w.map_or(Value::Null, |w| json!(w.to_string()));
    let record = r.to_relation();
    let holding = match r.holding() {
        Some(Holding::Certainly) => json!("certainly"),
        Some(Holding::Possibly) => json!("possibly"),
        _ => Value::Null,
    };
    let sources: Vec<String> = r
        .citations()
        .map(|e| e.source().id.as_str().to_owned())
        .collect();
    vec![
        json!(r.id()),
        json!(r.kind().name()),
        json!(r.subject().id.as_str()),
        json!(r.subject().name),
        json!(r.object().id.as_str()),
        json!(r.object().name),
        text(record.from),
        text(record.until),
        text(record.on),
        holding,
        json!(r.is_contested()),
        json!(sources),
    ]
}

/// Rows of several relations.
pub fn relation_rows<'g>(relations: impl IntoIterator<Item = RelationRef<'g>>) -> Vec<Vec<Value>> {
    relations.into_iter().map(|r| relation_row(&r)).collect()
}
