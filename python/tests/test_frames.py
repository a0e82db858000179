"""Arrow tables through the PyCapsule interface, pandas and polars frames
built on them, and networkx graphs: the same rows and ties as the queries."""

import datetime

import pytest

import actorgraph
from conftest import need

TABLES = ["relations", "events", "actors", "citations", "sources"]


def test_every_table_has_the_arrow_stream_interface(graph):
    pa = need("pyarrow")
    view = graph.at("2024-11-30")
    for name in TABLES:
        table = view.to_arrow(name)
        assert hasattr(table, "__arrow_c_stream__")
        assert pa.table(table).num_rows == len(table)


def test_relations_round_trip_through_arrow_and_pandas(graph):
    pa = need("pyarrow")
    need("pandas")
    view = graph.at("2024-11-30").known_by("2024-11-29")
    relations = view.relations()
    table = pa.table(view.to_arrow())
    assert table.schema.field("kind").type == pa.dictionary(pa.int8(), pa.string())
    assert table.schema.field("subject").type == pa.dictionary(pa.int32(), pa.string())
    assert table.schema.field("holds_from").type == pa.date32()
    frame = view.to_pandas()
    assert str(frame["kind"].dtype) == "category"
    assert str(frame["holding"].dtype) == "category"
    assert len(frame) == len(relations) == len(view)
    # The same rows (tables are in dataset order, queries in index order),
    # each with the same attributes.
    assert sorted(frame["id"]) == sorted(r.id for r in relations)
    by_id = {r.id: r for r in relations}
    for row in frame.itertuples():
        relation = by_id[row.id]
        assert str(row.subject) == relation.subject.id
        assert str(row.object) == relation.object.id
        assert str(row.kind) == relation.kind
        assert str(row.holding) == relation.holding
        assert row.contested == relation.contested
        assert (None if row._6 != row._6 else row._6) == relation.start  # `from`
        # Days: the first it may have held, the first it surely no longer held.
        first = relation.first_possible_day
        if first is None:
            assert row.holds_from != row.holds_from  # NaT
        else:
            assert row.holds_from.date() == first
        last = relation.last_possible_day
        if last is not None:
            assert row.holds_until.date() == last + datetime.timedelta(days=1)


def test_citations_table_matches_the_relations_citations(graph):
    need("pyarrow")
    need("pandas")
    view = graph.at("2024-11-30")
    frame = view.to_pandas("citations")
    expected = [(r.id, c.source.id, c.quote, c.stance) for r in view.relations() for c in r.citations]
    found = list(
        zip(frame["relation"], frame["source"], frame["quote"], frame["stance"].astype(str).str.lower())
    )
    assert sorted(found) == sorted(expected)


def test_events_table_holds_the_views_events(graph):
    need("pyarrow")
    need("pandas")
    view = graph.at("2024-12-02")
    frame = view.to_pandas("events")
    assert sorted(frame["id"]) == sorted(r.id for r in view.events())
    assert frame["event"].all()


def test_actors_and_sources_tables(graph):
    need("pyarrow")
    need("pandas")
    view = graph.at("2024-11-30")
    actors = view.to_pandas("actors")
    touched = {r.subject.id for r in view} | {r.object.id for r in view}
    assert set(actors["id"]) == touched
    assert str(actors["kind"].dtype) == "category"
    sources = view.to_pandas("sources")
    assert list(sources["id"]) == [s.id for s in graph.sources()]


def test_polars_reads_the_same_rows(graph):
    pl = need("polars")
    view = graph.at("2024-11-30")
    frame = view.to_polars()
    assert isinstance(frame, pl.DataFrame)
    assert sorted(frame["id"].to_list()) == sorted(r.id for r in view)
    assert frame.schema["kind"] == pl.Categorical
    assert frame.schema["holds_from"] == pl.Date
    # polars reads the stream itself too.
    assert pl.DataFrame(view.to_arrow("citations")).height == sum(len(r.citations) for r in view)


def test_networkx_gives_the_same_backers_as_the_library(graph):
    nx = need("networkx")
    view = graph.at("2024-11-30")
    g = view.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_edges() == len(view)
    for actor in graph.actors():
        if actor.id not in g:
            assert view.involving(actor) == []
            continue
        backers = sorted(u for u, _, data in g.in_edges(actor.id, data=True) if data["kind"] == "backs")
        assert backers == sorted(r.subject.id for r in view.backers_of(actor)), actor.id
    russia = g.get_edge_data("russia", "syrian_government")["russia_backs_syrian_government"]
    assert russia["kind"] == "backs"
    assert russia["contested"] is True
    assert russia["holding"] == "certainly"
    assert "myind_2024_11_28" in russia["sources"]
    assert g.nodes["russia"]["name"] == "Russia"
    assert g.graph["day"] == datetime.date(2024, 11, 30)


def test_unknown_table_is_a_clear_error(graph):
    with pytest.raises(actorgraph.InvalidArgumentError) as caught:
        graph.at("2024-11-30").to_arrow("edges")
    assert caught.value.argument == "table"
    assert "relations" in str(caught.value)


def test_a_missing_package_says_how_to_install_it(graph, monkeypatch):
    import builtins
    import sys

    real_import = builtins.__import__

    def without_polars(name, *args, **kwargs):
        if name == "polars" or name.startswith("polars."):
            raise ImportError("no polars here")
        return real_import(name, *args, **kwargs)

    for name in list(sys.modules):
        if name == "polars" or name.startswith("polars."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(builtins, "__import__", without_polars)
    with pytest.raises(ImportError, match="pip install polars"):
        graph.at("2024-11-30").to_polars()
