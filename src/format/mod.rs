//! Formats at the top of the crate: datasets read and written as RON and
//! JSON, and the graph written for the tools analysts use: networkx and D3
//! (node-link JSON), Cytoscape, GraphML, Gephi (GEXF with time), SPARQL
//! stores (Turtle), spreadsheets and databases (CSV), Graphviz (DOT).

#[cfg(feature = "arrow")]
pub mod arrow;
pub(crate) mod csv;
pub(crate) mod dialect;
pub mod dot;
pub(crate) mod gexf;
pub(crate) mod graphml;
pub(crate) mod html;
pub(crate) mod html_analysis;
pub(crate) mod json;
pub(crate) mod load;
pub(crate) mod measures;
pub(crate) mod nodelink;
#[cfg(feature = "parquet")]
pub mod parquet;
pub(crate) mod rdf;
pub(crate) mod ron;
pub(crate) mod shared;
pub(crate) mod snapshot;
pub(crate) mod stream;
pub(crate) mod whole;

/// Exports of the graph, one function per format, each over a `Scope`:
/// the whole graph with its dates, or one as-of view.
pub mod export {
    pub use super::csv::{CsvTables, to_csv};
    pub use super::gexf::to_gexf;
    pub use super::graphml::to_graphml;
    pub use super::html::to_html;
    pub use super::json::to_json_dataset;
    pub use super::nodelink::{to_cytoscape, to_node_link};
    pub use super::rdf::{NAMESPACE, to_turtle};
    pub use super::shared::{ExportOptions, Scope};
}
