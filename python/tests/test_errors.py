"""Errors as Python exceptions with the library's message and structured
attributes; bad input of every sort raises, never crashes."""

import datetime
import pathlib
import threading

import pytest

import actorgraph

GOOD = """(
    sources: [(id: "s1", title: "T", published: "2024-11-30")],
    actors: [(id: "a", name: "Alpha", kind: State), (id: "b", name: "Beta", kind: ArmedGroup)],
    relations: [(id: "a_backs_b", kind: Backs, subject: "a", object: "b", from: "2024",
        citations: [(source: "s1", quote: "Alpha backs Beta")])],
)"""


def test_every_exception_is_an_actorgraph_error():
    for name in [
        "ParseError",
        "InvalidDatasetError",
        "UnknownNameError",
        "AmbiguousNameError",
        "UnknownRelationError",
        "DateError",
        "SnapshotError",
        "ActorGraphIOError",
        "InvalidArgumentError",
        "InternalError",
    ]:
        assert issubclass(getattr(actorgraph, name), actorgraph.ActorGraphError), name


def test_a_parse_error_has_its_line_and_column():
    text = GOOD.replace("kind: ArmedGroup", "kind: Armed Group")
    with pytest.raises(actorgraph.ParseError) as caught:
        actorgraph.ActorGraph.from_ron(text)
    error = caught.value
    assert error.kind == "syntax"
    where = text.splitlines()[2].index("Armed Group") + 1
    assert (error.line, error.column) == (3, where)
    assert error.end_line >= error.line
    assert f"line {error.line}, column {error.column}" in str(error)
    assert isinstance(error, ValueError)


def test_a_json_parse_error_too():
    with pytest.raises(actorgraph.ParseError) as caught:
        actorgraph.ActorGraph.from_json('{"sources": [}')
    assert caught.value.line == 1
    assert caught.value.column is not None


def test_a_rejected_dataset_lists_every_problem():
    text = GOOD.replace('subject: "a"', 'subject: "nobody"').replace(
        'quote: "Alpha backs Beta"', 'quote: ""'
    )
    with pytest.raises(actorgraph.InvalidDatasetError) as caught:
        actorgraph.ActorGraph.from_ron(text)
    error = caught.value
    assert error.kind == "invalid"
    assert error.total == len(error.problems) == 2
    assert {p.item_kind for p in error.problems} == {"relation"}
    assert all(p.item_id == "a_backs_b" for p in error.problems)
    assert any("nobody" in p.message for p in error.problems)
    assert all(p.line == 4 for p in error.problems)
    assert isinstance(error.problems[0], actorgraph.Problem)


def test_an_unknown_name_lists_the_nearest(graph):
    with pytest.raises(actorgraph.UnknownNameError) as caught:
        graph.resolve("Hezbolah militia of Narnia")
    error = caught.value
    assert error.kind == "unknown_name"
    assert error.query == "Hezbolah militia of Narnia"
    assert isinstance(error, LookupError)
    with pytest.raises(actorgraph.UnknownNameError) as caught:
        graph.at("2024-11-30").backers_of("Hizbullax")
    assert [c.id for c in caught.value.candidates][0] == "hezbollah"
    assert caught.value.suggestion == "hezbollah"
    assert caught.value.candidates[0].how


def test_an_ambiguous_name_lists_its_candidates(graph):
    with pytest.raises(actorgraph.AmbiguousNameError) as caught:
        graph.resolve("Hezb")
    error = caught.value
    assert error.kind == "ambiguous_name"
    first = error.candidates[0]
    assert (first.id, first.name, first.kind) == ("hezbollah", "Hezbollah", "militia")
    assert isinstance(first, actorgraph.Suggestion)
    assert len(error.candidates) >= 2


def test_an_unknown_relation_suggests_the_closest(graph):
    with pytest.raises(actorgraph.UnknownRelationError) as caught:
        graph.relation("iran_backs_hezbolah")
    assert caught.value.id == "iran_backs_hezbolah"
    assert caught.value.suggestion == "iran_backs_hezbollah"


@pytest.mark.parametrize(
    "bad",
    ["not a date", "2024-13-01", "2024-02-30", "", "x" * 1_000_000, "２０２４"],
)
def test_bad_date_strings_raise_date_errors(graph, bad):
    with pytest.raises(actorgraph.DateError) as caught:
        graph.at(bad)
    assert caught.value.kind == "invalid_date"
    assert len(str(caught.value)) < 300
    with pytest.raises(actorgraph.DateError):
        graph.at("2024-11-30").known_by(bad)


def test_none_and_wrong_types_raise(graph):
    with pytest.raises(actorgraph.DateError, match="got None"):
        graph.at(None)
    for wrong in [5, 3.2, b"2024", ["2024"], object()]:
        with pytest.raises(TypeError):
            graph.at(wrong)
    view = graph.at("2024-11-30")
    for wrong in [None, 5, b"hts"]:
        with pytest.raises(TypeError):
            view.backers_of(wrong)
    with pytest.raises(actorgraph.InvalidArgumentError, match="known kinds"):
        view.either_way("hts", "befriends")
    with pytest.raises(actorgraph.InvalidArgumentError):
        view.directed("hts", "backs", "sideways")
    with pytest.raises(actorgraph.InvalidArgumentError):
        view.export("pdf")
    with pytest.raises(actorgraph.InvalidArgumentError):
        view.graded_at_least("Z9")


def test_huge_strings_are_refused_quickly(graph):
    huge = "Hezbollah " * 200_000
    for call in [graph.resolve, graph.at("2024-11-30").backers_of, graph.search, graph.relation]:
        with pytest.raises(actorgraph.ActorGraphError):
            call(huge)


def test_dates_of_every_accepted_type(graph):
    as_text = graph.at("2024-11-30").count()
    assert graph.at(datetime.date(2024, 11, 30)).count() == as_text
    assert graph.at(datetime.datetime(2024, 11, 30, 12, 0)).count() == as_text
    assert graph.at(actorgraph.PartialDate("2024-11-30")).count() == as_text
    month = actorgraph.PartialDate("2024-11")
    assert month.precision == "month"
    assert (month.first_day, month.last_day) == (datetime.date(2024, 11, 1), datetime.date(2024, 11, 30))
    assert "2024-11-15" in month
    assert graph.at("2024-11").day == datetime.date(2024, 11, 1)
    with pytest.raises(actorgraph.DateError):
        actorgraph.PartialDate("November")


def test_a_path_that_does_not_exist(tmp_path):
    missing = tmp_path / "nowhere" / "actors.ron"
    with pytest.raises(actorgraph.ActorGraphIOError) as caught:
        actorgraph.ActorGraph.from_path(missing)
    assert caught.value.path == str(missing)
    assert isinstance(caught.value, OSError)


def test_a_parse_error_in_a_file(tmp_path):
    path = tmp_path / "bad.ron"
    path.write_text(GOOD.replace("kind: Backs", "kind: Bakcs"))
    with pytest.raises(actorgraph.ParseError) as caught:
        actorgraph.ActorGraph.from_path(path)
    assert caught.value.line == 4


def test_a_corrupt_snapshot(graph, tmp_path):
    data = bytearray(graph.to_snapshot())
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(actorgraph.SnapshotError) as caught:
        actorgraph.ActorGraph.from_snapshot(bytes(data))
    assert caught.value.fault is not None
    with pytest.raises(actorgraph.SnapshotError):
        actorgraph.ActorGraph.from_snapshot(b"not a snapshot at all")
    path = tmp_path / "cut.agsnap"
    path.write_bytes(bytes(data[:100]))
    with pytest.raises(actorgraph.ActorGraphError):
        actorgraph.ActorGraph.from_path(path)


def test_writing_where_it_cannot_leaves_nothing(graph, tmp_path):
    target = tmp_path / "missing-dir" / "out.graphml"
    with pytest.raises(actorgraph.ActorGraphIOError):
        graph.export("graphml", target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_random_text_never_crashes():
    import random

    rng = random.Random(23)
    alphabet = '()[]{}:,"\\ abcxyz0123456789-_\n\u00e9\u2014'
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
        for load in (actorgraph.ActorGraph.from_ron, actorgraph.ActorGraph.from_json):
            try:
                load(text)
            except actorgraph.ActorGraphError:
                pass
        try:
            actorgraph.ActorGraph.from_snapshot(text.encode())
        except actorgraph.ActorGraphError:
            pass
