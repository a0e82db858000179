//! Checks of sources and actors.

use crate::base::error::{Fault, Item, ItemKind, Problems};
use crate::base::model::{Actor, Source};

use super::Catalogue;
use super::relations::{check_citation, check_interval};

pub(super) fn check_sources(sources: &[Source], problems: &mut Problems) {
    for source in sources {
        if source.title.trim().is_empty() {
            problems.push(
                Item::new(ItemKind::Source, source.id.as_str()),
                Fault::EmptyText { field: "title" },
            );
        }
    }
}

pub(super) fn check_actors(catalogue: &Catalogue<'_>, actors: &[Actor], problems: &mut Problems) {
    for actor in actors {
        let item = || Item::new(ItemKind::Actor, actor.id.as_str());
        if actor.name.trim().is_empty() {
            problems.push(item(), Fault::EmptyText { field: "name" });
        }
        if actor.aliases.iter().any(|a| a.trim().is_empty()) {
            problems.push(item(), Fault::EmptyText { field: "an alias" });
        }
        for former in &actor.former_names {
            let item = || item().with_part(format!("former name {:?}", former.name));
            if former.name.trim().is_empty() {
                problems.push(item(), Fault::EmptyText { field: "name" });
            }
            check_interval(&item, former.from, former.until, problems);
            for citation in &former.citations {
                check_citation(catalogue, &item, citation, problems);
            }
        }
    }
}
