//! A self-contained interactive page: the graph in a browser, offline.

use crate::base::error::Error;

use super::export::{ExportOptions, Scope};

/// The scope as one self-contained HTML page (no server, no network).
///
/// # Errors
///
/// [`Error::Serialize`] when the page cannot be written.
pub fn to_html(scope: Scope<'_>, options: &ExportOptions) -> Result<String, Error> {
    let _ = (scope, options);
    Err(Error::Serialize {
        message: "the html page is not written yet".to_owned(),
    })
}
