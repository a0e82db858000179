use super::*;

#[test]
fn embedded_dataset_loads() {
    let graph = syria();
    assert!(graph.actor_count() >= 60, "{}", graph.actor_count());
    assert!(graph.relation_count() >= 120, "{}", graph.relation_count());
}
