//! The alias file: the user's own table from incoming names or dataset
//! ids to the actors they mean.

use std::collections::HashMap;
use std::path::Path;

use crate::base::error::Error;
use crate::base::id::ActorId;

use super::rows::{Dialect, read_table};

/// Incoming names and dataset ids, each mapped to an actor id.
///
/// Kept by the user and read from a CSV (or TSV) file with two columns,
/// `incoming` and `actor`: `incoming` is a name as the imported data
/// writes it ("Hayat Tahrir al-Sham", compared without regard to case) or
/// a dataset id written as `dataset:id` (`ucdp:1234`, `mmp:57`), and
/// `actor` the id of an actor of the graph or of the import. An alias
/// always wins over the name search.
///
/// # Example
///
/// ```
/// use actorgraph::import::Aliases;
///
/// let aliases = Aliases::from_csv("incoming,actor\nHTS,hts\nucdp:1234,syrian_government\n")?;
/// assert_eq!(aliases.get("hts").map(|a| a.as_str()), Some("hts"));
/// assert_eq!(aliases.get("ucdp:1234").map(|a| a.as_str()), Some("syrian_government"));
/// assert_eq!(aliases.len(), 2);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aliases {
    map: HashMap<String, ActorId>,
}

impl Aliases {
    /// No aliases.
    pub fn new() -> Aliases {
        Aliases::default()
    }

    /// Maps `incoming` to `actor`.
    pub fn insert(&mut self, incoming: &str, actor: ActorId) {
        self.map.insert(key(incoming), actor);
    }

    /// The actor `incoming` is mapped to.
    pub fn get(&self, incoming: &str) -> Option<&ActorId> {
        self.map.get(&key(incoming))
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Reads an alias table from CSV text.
    ///
    /// # Errors
    ///
    /// A [`RejectedRows`](crate::ErrorKind::RejectedRows) error listing
    /// every row whose actor id is not an id, or a header without the two
    /// columns.
    pub fn from_csv(text: &str) -> Result<Aliases, Error> {
        Aliases::read(
            Path::new("(aliases)"),
            text.as_bytes(),
            Dialect { delimiter: b',' },
        )
    }

    /// Reads an alias file, CSV or (by its extension) TSV.
    ///
    /// # Errors
    ///
    /// As [`Aliases::from_csv`], or an I/O error naming the path.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Aliases, Error> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        Aliases::read(path, std::io::BufReader::new(file), Dialect::for_path(path))
    }

    fn read(path: &Path, reader: impl std::io::Read, dialect: Dialect) -> Result<Aliases, Error> {
        let mut aliases = Aliases::new();
        let mut rejected = Vec::new();
        read_table(
            path,
            reader,
            dialect,
            &["incoming", "actor"],
            |_, row| {
                let incoming = row.required("incoming")?;
                let actor = row.required("actor")?;
                let id = ActorId::new(actor).map_err(|e| row.fault("actor", e.to_string()))?;
                aliases.insert(incoming, id);
                Ok(())
            },
            &mut |r| rejected.push(r),
        )?;
        if rejected.is_empty() {
            Ok(aliases)
        } else {
            let total = rejected.len();
            Err(Error::rejected(rejected, total))
        }
    }
}

fn key(incoming: &str) -> String {
    incoming.trim().to_lowercase()
}
