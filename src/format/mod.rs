//! Formats at the top of the crate: datasets read and written as RON, and
//! views drawn as Graphviz DOT.

pub mod dot;
pub(crate) mod ron;
