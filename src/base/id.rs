//! Identifier newtypes.

use std::borrow::Borrow;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::{Error, Repr};

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

pub(crate) fn check_slug(what: &'static str, id: &str) -> Result<(), Error> {
    // Read as bytes, as loaders check millions of ids: a slug is ascii.
    let bytes = id.as_bytes();
    let starts_lowercase = bytes.first().is_some_and(u8::is_ascii_lowercase);
    let all_slug = bytes
        .iter()
        .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if starts_lowercase && all_slug && bytes.len() <= MAX_ID_LEN {
        Ok(())
    } else {
        Err(not_a_slug(what, id))
    }
}

/// Why `id`, which [`check_slug`] refused, is not a slug.
#[cold]
fn not_a_slug(what: &'static str, id: &str) -> Error {
    let reason = if id.is_empty() {
        "it is empty"
    } else if id.len() > MAX_ID_LEN {
        "it is longer than 64 bytes"
    } else if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        "it must start with a lowercase ascii letter"
    } else {
        "only lowercase ascii letters, digits and '_' are allowed"
    };
    Error::from(Repr::InvalidId {
        what,
        id: id.to_owned(),
        reason,
    })
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident, $what:literal, $example:literal) => {
        $(#[$doc])*
        ///
        /// An id is a slug: 1 to 64 bytes of lowercase ascii letters, digits
        /// and `_`, starting with a letter.
        ///
        /// # Errors
        ///
        /// An [`InvalidId`](crate::ErrorKind::InvalidId) error when the text is not such a slug.
        ///
        /// # Example
        ///
        /// ```
        #[doc = concat!("use actorgraph::", stringify!($name), ";")]
        ///
        #[doc = concat!("let id = ", stringify!($name), "::new(\"", $example, "\")?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(", stringify!($name), "::new(\"Not A Slug\").is_err());")]
        /// # Ok::<(), actorgraph::Error>(())
        /// ```
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(pub(crate) String);

        impl $name {
            /// Checks `id` and wraps it.
            ///
            /// # Errors
            ///
            /// An [`InvalidId`](crate::ErrorKind::InvalidId) error when `id` is not a slug.
            pub fn new(id: impl Into<String>) -> Result<Self, Error> {
                let id = id.into();
                check_slug($what, &id)?;
                Ok($name(id))
            }

            /// Wraps `id` without checking it, for ids the crate made as
            /// slugs itself (the importers' ids); a debug build checks.
            #[allow(dead_code)]
            pub(crate) fn new_unchecked(id: String) -> Self {
                debug_assert!(check_slug($what, &id).is_ok(), "{id:?} is not a slug");
                $name(id)
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(id: String) -> Result<Self, Error> {
                $name::new(id)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                $name::new(s)
            }
        }
    };
}

slug_id!(
    /// The stable id of an actor, such as `hts` or `al_julani`.
    ActorId,
    "actor",
    "al_julani"
);
slug_id!(
    /// The id of a source article.
    SourceId,
    "source",
    "newsweek_2024_12_02"
);
slug_id!(
    /// The id of a relation.
    RelationId,
    "relation",
    "iran_backs_assad"
);
