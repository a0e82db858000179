//! Reading a delimited table row by row, with every cell located.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use crate::base::error::Error;
use crate::base::rejected::RejectedRow;

/// What went wrong in a row: the column at fault (position from 1 and
/// header), if one is, and the rule broken.
#[derive(Clone, Debug)]
pub(crate) struct RowFault {
    pub(crate) column: Option<(usize, String)>,
    pub(crate) rule: String,
}

impl RowFault {
    /// A fault of the row as a whole.
    pub(crate) fn row(rule: impl Into<String>) -> RowFault {
        RowFault {
            column: None,
            rule: rule.into(),
        }
    }
}

/// A table's header: its column names and where each is.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Header {
    fn new(names: Vec<String>) -> Header {
        let mut index = HashMap::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            // The first of two columns of one name is the one read, as a
            // spreadsheet's lookup would.
            index.entry(name.clone()).or_insert(i);
        }
        Header { names, index }
    }

    /// The columns of `wanted` the header lacks.
    pub(crate) fn missing<'a>(&self, wanted: &[&'a str]) -> Vec<&'a str> {
        wanted
            .iter()
            .copied()
            .filter(|w| !self.index.contains_key(*w))
            .collect()
    }
}

/// One row of a table, its cells checked as UTF-8.
pub(crate) struct Row<'a> {
    header: &'a Header,
    cells: Vec<&'a str>,
    /// The line the row begins on, from 1.
    pub(crate) line: u64,
}

impl<'a> Row<'a> {
    /// The cell of `column`, trimmed; `None` when the table has no such
    /// column, or the cell is empty or `NA` (the absent value of R and of
    /// the datasets exported from it).
    pub(crate) fn get(&self, column: &str) -> Option<&'a str> {
        let &i = self.header.index.get(column)?;
        let cell = self.cells.get(i)?.trim();
        (!cell.is_empty() && cell != "NA").then_some(cell)
    }

    /// The cell of `column` as written, untrimmed; empty when absent.
    pub(crate) fn raw(&self, column: &str) -> &'a str {
        self.header
            .index
            .get(column)
            .and_then(|&i| self.cells.get(i))
            .copied()
            .unwrap_or("")
    }

    /// The cell of `column`, which the row must have.
    pub(crate) fn required(&self, column: &str) -> Result<&'a str, RowFault> {
        self.get(column)
            .ok_or_else(|| self.fault(column, format!("the {column} cell is empty")))
    }

    /// A fault in the cell of `column`.
    pub(crate) fn fault(&self, column: &str, rule: impl Into<String>) -> RowFault {
        let at = self.header.index.get(column).map_or(0, |&i| i + 1);
        RowFault {
            column: Some((at, column.to_owned())),
            rule: rule.into(),
        }
    }
}

/// How a table is split into cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dialect {
    pub(crate) delimiter: u8,
}

impl Dialect {
    /// Tab for a `.tsv` or `.tab` file, comma otherwise.
    pub(crate) fn for_path(path: &Path) -> Dialect {
        let tab = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
        Dialect {
            delimiter: if tab { b'\t' } else { b',' },
        }
    }
}

/// Reads `reader` as a table with a header, calling `each` on every row;
/// a row that is not well formed (invalid UTF-8, more or fewer cells than
/// the header) goes to `rejected` instead. `wanted` are the columns the
/// header must have.
///
/// Quoting, quoted newlines, CRLF and a byte-order mark are the csv
/// crate's; a cell may be as long as memory allows. Rows stream: one is
/// held at a time.
///
/// # Errors
///
/// An I/O error, or a [`RejectedRows`](crate::ErrorKind::RejectedRows)
/// error naming the missing columns when the header lacks some of
/// `wanted`.
pub(crate) fn read_table(
    path: &Path,
    reader: impl Read,
    dialect: Dialect,
    wanted: &[&str],
    mut each: impl FnMut(&Header, &Row<'_>) -> Result<(), RowFault>,
    rejected: &mut dyn FnMut(RejectedRow),
) -> Result<u64, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(reader);
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::io(path, e),
        other => Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{other:?}")),
        ),
    };
    let mut record = csv::ByteRecord::new();
    if !csv.read_byte_record(&mut record).map_err(io)? {
        let row = RejectedRow::of_header(path, None, "the file is empty: a header row is needed");
        return Err(Error::rejected(vec![row], 1));
    }
    let mut names = Vec::with_capacity(record.len());
    for (i, cell) in record.iter().enumerate() {
        let Ok(name) = std::str::from_utf8(cell) else {
            let rule = "the header cell is not valid UTF-8";
            let row = RejectedRow::of_header(path, Some((i + 1, format!("#{}", i + 1))), rule);
            return Err(Error::rejected(vec![row], 1));
        };
        // A byte-order mark before the first name is not part of it.
        names.push(name.trim_start_matches('\u{feff}').trim().to_owned());
    }
    let header = Header::new(names);
    let missing = header.missing(wanted);
    if !missing.is_empty() {
        let rule = format!(
            "the header lacks the column{} {}",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", ")
        );
        return Err(Error::rejected(
            vec![RejectedRow::of_header(path, None, rule)],
            1,
        ));
    }
    let mut rows = 0;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // A malformed record (the csv reader is flexible, so only
                // an I/O failure) ends the read.
                return Err(io(e));
            }
        }
        rows += 1;
        let line = record.position().map_or(0, |p| p.line());
        let reject = |column: Option<(usize, String)>, rule: String| {
            RejectedRow::new(path, line, column, rule)
        };
        if record.len() != header.names.len() {
            // A blank line within the table is no row at all.
            if record.len() == 1 && record.get(0).is_some_and(|c| c.is_empty()) {
                rows -= 1;
                continue;
            }
            rejected(reject(
                None,
                format!(
                    "the row has {} cells where the header has {}",
                    record.len(),
                    header.names.len()
                ),
            ));
            continue;
        }
        let mut cells = Vec::with_capacity(record.len());
        let mut bad = None;
        for (i, cell) in record.iter().enumerate() {
            match std::str::from_utf8(cell) {
                Ok(text) => cells.push(text),
                Err(e) => {
                    bad = Some((i, e.valid_up_to()));
                    break;
                }
            }
        }
        if let Some((i, at)) = bad {
            let rule = format!("the cell is not valid UTF-8 (byte {} of the cell)", at + 1);
            rejected(reject(Some((i + 1, header.names[i].clone())), rule));
            continue;
        }
        let row = Row {
            header: &header,
            cells,
            line,
        };
        if let Err(fault) = each(&header, &row) {
            rejected(reject(fault.column, fault.rule));
        }
    }
    Ok(rows)
}
