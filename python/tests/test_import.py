"""The importers from Python: the library's presets on its own fixtures
(tests/fixtures/import/, fictional, written after each codebook)."""

from pathlib import Path

import pytest

import actorgraph

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "import"


def test_acled_import_gives_the_graph_and_its_report():
    graph, report = actorgraph.ActorGraph.import_files("acled", [FIXTURES / "acled.csv"])
    assert report["rows_read"] == 7
    assert report["relations"] == {"clashes_with": 6, "involved_with": 2, "active_in": 4}
    assert report["rejected"] == []
    assert len(graph) == 12
    clash = graph.relation("acled_lnd1001")
    assert clash.kind == "clashes_with"
    assert [c.source.publisher for c in clash.citations] == ["Landia Today", "Wire Service"]
    assert "rows read: 7" in report["text"]


def test_onto_a_graph_leaves_it_as_it_was_and_matches_by_name():
    embedded = actorgraph.ActorGraph.embedded()
    before = len(embedded)
    graph, report = actorgraph.ActorGraph.import_files(
        "table",
        [FIXTURES / "sheet.tsv"],
        onto=embedded,
        mapping=FIXTURES / "sheet_mapping.ron",
    )
    assert len(embedded) == before
    assert len(graph) == before + 3
    assert report["new_actors"]


def test_a_bad_row_raises_with_its_line_and_column(tmp_path):
    text = (FIXTURES / "mmp.csv").read_text()
    text += "509,all,71,73,31/02/2020,A row with a date that is none.,Red Front,Green Faction\n"
    bad = tmp_path / "mmp.csv"
    bad.write_text(text)
    with pytest.raises(actorgraph.RejectedRowsError) as caught:
        actorgraph.ActorGraph.import_files("mmp", [bad])
    row = caught.value.rows[0]
    assert (row.line, row.column, row.column_name) == (10, 5, "date")
    assert caught.value.total == 1
    graph, report = actorgraph.ActorGraph.import_files("mmp", [bad], skip_bad_rows=True)
    assert len(report["rejected"]) == 1
    assert len(graph) == 8


def test_bad_arguments_raise_clearly(tmp_path):
    with pytest.raises(actorgraph.InvalidArgumentError):
        actorgraph.ActorGraph.import_files("nonsense", [FIXTURES / "mmp.csv"])
    with pytest.raises(actorgraph.InvalidArgumentError):
        actorgraph.ActorGraph.import_files("table", [FIXTURES / "sheet.tsv"])
    with pytest.raises(actorgraph.ActorGraphIOError):
        actorgraph.ActorGraph.import_files("mmp", [tmp_path / "missing.csv"])
