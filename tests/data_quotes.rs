//! Every quote in the embedded dataset is copied verbatim from its article.

use super::*;
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

#[test]
fn every_quote_is_verbatim() {
    let Some(dir) = seeds_dir() else {
        eprintln!("notice: ../shared/seeds is absent; quote check skipped");
        return;
    };
    let graph = syria();
    let mut texts = std::collections::HashMap::new();
    for source in graph.sources() {
        let file = source.file.as_ref().expect("every source names its file");
        let text = std::fs::read_to_string(dir.join(file)).expect("the seed file is readable");
        texts.insert(source.id.clone(), text);
    }
    let data = graph.to_dataset();
    let former = data.actors.iter().flat_map(|a| {
        a.former_names
            .iter()
            .flat_map(move |f| f.citations.iter().map(move |c| (a.id.to_string(), c)))
    });
    let relations = data
        .relations
        .iter()
        .flat_map(|r| r.citations.iter().map(move |c| (r.id.to_string(), c)));
    let mut checked = 0;
    for (item, citation) in former.chain(relations) {
        let text = &texts[&citation.source];
        assert!(
            text.contains(&citation.quote),
            "{item}: quote is not verbatim in {}: {:?}",
            citation.source,
            citation.quote
        );
        checked += 1;
    }
    assert!(checked > 200, "{checked}");
}

#[test]
fn every_source_names_a_seed_file() {
    for source in syria().sources() {
        assert!(
            source.file.as_deref().is_some_and(|f| f.ends_with(".txt")),
            "{}",
            source.id
        );
    }
}
