"""Every export, to a string and to a file, loaded back by the tools users
use where the test environment has them; datasets and snapshots round-trip."""

import json
import xml.dom.minidom

import actorgraph
from conftest import need

FORMATS = ["json", "nodelink", "cytoscape", "graphml", "gexf", "ttl", "html", "dot"]


def test_every_format_of_a_view_to_a_string_and_a_file(graph, tmp_path):
    view = graph.at("2024-11-30")
    for format in FORMATS:
        text = view.export(format)
        assert isinstance(text, str) and text, format
        path = tmp_path / f"view.{format}"
        assert view.export(format, path) is None
        assert path.read_text() == text, format
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_whole_graph_in_every_format(graph, tmp_path):
    for format in FORMATS[:-1]:
        text = graph.export(format)
        assert text, format
    tables = graph.export("csv")
    assert sorted(tables) == ["actors.csv", "citations.csv", "relations.csv", "sources.csv"]
    assert graph.export("csv", tmp_path / "csv") is None
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(tables)
    assert (tmp_path / "csv" / "relations.csv").read_text() == tables["relations.csv"]


def test_exports_read_by_their_tools(graph):
    view = graph.at("2024-11-30")
    nodelink = json.loads(view.export("nodelink"))
    nx = need("networkx")
    g = nx.node_link_graph(nodelink, edges="links") if "links" in nodelink else nx.node_link_graph(nodelink)
    assert g.number_of_edges() == len(view)
    xml.dom.minidom.parseString(view.export("graphml"))
    xml.dom.minidom.parseString(view.export("gexf"))
    assert view.export("dot").startswith("digraph actorgraph {")
    assert view.export("dot", kinds=["backs"]).count("->") < view.export("dot").count("->")


def test_kinds_limit_an_export(graph):
    only = json.loads(graph.at("2024-11-30").export("nodelink", kinds="backs"))
    edges = only.get("links", only.get("edges"))
    assert edges and all(e["kind"] == "backs" for e in edges)


def test_datasets_and_snapshots_round_trip(graph, tmp_path):
    again = actorgraph.ActorGraph.from_ron(graph.to_ron())
    assert len(again) == len(graph)
    assert again.to_ron() == graph.to_ron()
    from_json = actorgraph.ActorGraph.from_json(graph.to_json())
    assert from_json.to_ron() == graph.to_ron()
    snapshot = tmp_path / "graph.agsnap"
    graph.save_snapshot(snapshot)
    opened = actorgraph.ActorGraph.from_path(snapshot)
    assert opened.to_ron() == graph.to_ron()
    assert actorgraph.ActorGraph.from_snapshot(graph.to_snapshot()).to_ron() == graph.to_ron()
    (tmp_path / "data.ron").write_text(graph.to_ron())
    (tmp_path / "data.json").write_text(graph.to_json())
    for name in ["data.ron", "data.json"]:
        assert actorgraph.ActorGraph.from_path(tmp_path / name).to_ron() == graph.to_ron()
