//! A row of an imported table that could not be read: [`RejectedRow`].

use std::fmt;
use std::path::{Path, PathBuf};

/// A row an importer refused, with where it is and the rule it breaks.
///
/// Made by the importers ([`crate::import`]); an import that rejects rows
/// adds nothing unless asked to skip them, and lists each in its report or
/// error. Displays as `acled.csv:12: column 2 (event_date): "31/02/2024"
/// is not a date in the form ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    path: PathBuf,
    line: u64,
    column: Option<(usize, String)>,
    rule: String,
    header: bool,
}

impl RejectedRow {
    pub(crate) fn new(
        path: &Path,
        line: u64,
        column: Option<(usize, String)>,
        rule: impl Into<String>,
    ) -> RejectedRow {
        RejectedRow {
            path: path.to_owned(),
            line,
            column,
            rule: rule.into(),
            header: false,
        }
    }

    /// The table's header at fault rather than a row: the file cannot be
    /// read at all, and skipping bad rows does not help.
    pub(crate) fn of_header(
        path: &Path,
        column: Option<(usize, String)>,
        rule: impl Into<String>,
    ) -> RejectedRow {
        RejectedRow {
            header: true,
            ..RejectedRow::new(path, 1, column, rule)
        }
    }

    /// Whether the fault is the table's header (missing columns, an empty
    /// file, a header that is not UTF-8) rather than one row: the file
    /// cannot be read at all.
    pub fn is_header(&self) -> bool {
        self.header
    }

    /// The file the row is in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The line the row begins on, counting from 1 (the header is line 1
    /// of a table with one).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The column at fault, counting from 1, when one cell is: the
    /// position of the cell in the row.
    pub fn column(&self) -> Option<usize> {
        self.column.as_ref().map(|(n, _)| *n)
    }

    /// The header of the column at fault, when one cell is.
    pub fn column_name(&self) -> Option<&str> {
        self.column.as_ref().map(|(_, name)| name.as_str())
    }

    /// The rule the row breaks, as a sentence.
    pub fn rule(&self) -> &str {
        &self.rule
    }
}

impl fmt::Display for RejectedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.path.display(), self.line)?;
        if let Some((n, name)) = &self.column {
            write!(f, "column {n} ({name}): ")?;
        }
        f.write_str(&self.rule)
    }
}
