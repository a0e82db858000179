//! The two text formats of a dataset, RON and JSON, and the options every
//! reader of them shares, so that the streaming and whole-text paths agree
//! on what a text means.

use std::path::Path;

use ron::extensions::Extensions;

use crate::base::error::{Error, Position, TextSpan};

/// How deep RON values may nest; deeper input is an error, not a stack overflow.
const RECURSION_LIMIT: usize = 64;

/// The text format of a dataset.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Dialect {
    Ron,
    Json,
}

/// How every reader of RON datasets parses, whole texts and single items
/// alike.
pub(crate) fn ron_options() -> ron::Options {
    // implicit_some lets data files write `from: "2016"` for an optional date.
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// JSON datasets carry the same records as RON ones; the extension says which.
pub(crate) fn dialect_of(path: &Path) -> Dialect {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json { Dialect::Json } else { Dialect::Ron }
}

/// The bytes as text, or a syntax error at the first byte that is not
/// UTF-8: the same line and column in every format.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = Position::of_offset(bytes, e.valid_up_to());
        Error::syntax(
            TextSpan { start: at, end: at },
            "invalid utf-8 byte sequence",
            Some(Box::new(e)),
        )
    })
}
