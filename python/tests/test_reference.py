"""Every query of the binding against the Rust library's answer on the
embedded data (examples/python_reference.rs writes the library's side)."""

import pytest

from conftest import key, keys

DAYS = ["2016-06-01", "2024-11-26", "2024-11-30", "2024-12-08"]
MODES = ["possibly", "certainly", "known_by_2024-11-28"]
PER_ACTOR = [
    "backers_of",
    "backed_by",
    "opponents_of",
    "allies_of",
    "leaders_of",
    "controllers_of",
    "members_of",
    "involving",
    "events_of",
    "formerly_of",
]


def view_of(graph, day, mode):
    view = graph.at(day)
    if mode == "certainly":
        return view.certainly()
    if mode.startswith("known_by_"):
        return view.known_by(mode.removeprefix("known_by_"))
    return view


def test_counts(graph, reference):
    assert len(graph) == graph.relation_count == reference["relation_count"]
    assert graph.actor_count == reference["actor_count"]
    assert len(graph.sources()) == reference["source_count"]
    assert keys(graph) == reference["all_relations"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("day", DAYS)
def test_view_listings(graph, reference, day, mode):
    expected = reference["views"][f"{day}/{mode}"]
    view = view_of(graph, day, mode)
    assert keys(view.relations()) == expected["relations"]
    assert keys(view) == expected["relations"]
    assert len(view) == view.count() == expected["count"]
    assert keys(view.events()) == expected["events"]
    assert keys(view.events_between("2024-11-27", day)) == expected["events_between"]
    assert keys(view.formerly()) == expected["formerly"]
    for kind, found in expected["of_kind"].items():
        assert keys(view.of_kind(kind)) == found, kind


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("day", DAYS)
def test_per_actor_queries(graph, reference, day, mode):
    expected = reference["views"][f"{day}/{mode}"]["actors"]
    view = view_of(graph, day, mode)
    assert len(expected) == graph.actor_count
    for actor, answers in expected.items():
        for query in PER_ACTOR:
            assert keys(getattr(view, query)(actor)) == answers[query], (actor, query)
        assert keys(view.either_way(actor, "affiliated_with")) == answers["either_way_affiliated_with"]


@pytest.mark.parametrize("day", DAYS)
def test_blocs_and_camps(graph, reference, day):
    expected = reference["views"][f"{day}/possibly"]
    view = graph.at(day)
    assert [[a.id for a in bloc] for bloc in view.blocs()] == expected["blocs"]
    camps = view.camps()
    assert len(camps) == len(expected["camps"])
    for camp, want in zip(camps, expected["camps"]):
        assert camp.principal.id == want["principal"]
        assert [a.id for a in camp.members] == want["members"]
        assert len(camp) == len(want["members"])
        assert len(camp.backing) == want["backing"]
        assert keys(camp.fighting) == want["fighting"]
        assert keys(camp.rivals) == want["rivals"]


def test_chains(graph, reference):
    view = graph.at("2024-11-30")
    for pair, expected in reference["chains"].items():
        start, end = pair.split("->")
        assert [str(c) for c in view.chains(start, end)] == expected, pair


def test_changes(graph, reference):
    expected = reference["changes_2024-11-26_2024-12-02"]
    changes = graph.at("2024-11-26").changes("2024-12-02")
    assert keys(changes.began) == expected["began"]
    assert keys(changes.ended) == expected["ended"]
    assert keys(changes.events) == expected["events"]
    assert [h.place.id for h in changes.hand_overs] == expected["hand_overs"]


def test_timelines(graph, reference):
    for actor, expected in reference["timelines"].items():
        found = []
        for entry in graph.timeline(actor):
            what = entry.relation.id if entry.relation is not None else entry.name
            found.append(f"{entry.date or ''} {entry.event} {what}")
        assert found == expected, actor


def test_search_and_resolve(graph, reference):
    import actorgraph

    for text, expected in reference["search"].items():
        found = [f"{c.actor.id}|{c.matched}" for c in graph.search(text, limit=10)]
        assert found == expected, text
    for text, expected in reference["resolve"].items():
        if "id" in expected:
            assert graph.resolve(text).id == expected["id"]
        else:
            with pytest.raises(actorgraph.NameError_) as caught:
                graph.resolve(text)
            assert [c.id for c in caught.value.candidates] == expected["candidates"]


def test_lint(graph, reference):
    lint = graph.lint()
    assert [str(f) for f in lint.warnings] == reference["lint"]["warnings"]
    assert len(lint.acknowledged) == reference["lint"]["acknowledged"]
    assert lint.is_clean == (not reference["lint"]["warnings"])


def test_relations_print_as_the_library_prints_them(graph, reference):
    view = graph.at("2024-11-30")
    assert [str(r) for r in view.relations() + view.events()] == reference["displays"]


def test_key_is_what_the_reference_writes(graph):
    relation = graph.at("2024-11-30").backers_of("Assad regime")[0]
    assert key(relation).count("|") == 3
