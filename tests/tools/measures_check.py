"""The signed-graph measures as the tools read them, for tests/analysis.rs:
DIR holds graph.graphml, graph.nodelink.json and graph.gexf written with
measures, and expected.json, the library's own values ({"nodes": {id:
{camp, betweenness, ...}}, "edges": {relation id: {sign, frustrated,
unbalanced_triangles}}}). Exits 1 with the first difference; validates the
GEXF against the GEXF 1.3 schema when xmllint and the schemas are there."""

import json
import pathlib
import shutil
import subprocess
import sys

import networkx as nx

DIR = pathlib.Path(sys.argv[1])
SCHEMAS = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None
expected = json.loads((DIR / "expected.json").read_text())


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def same(a, b):
    if isinstance(b, float):
        return abs(float(a) - b) <= 1e-9
    if isinstance(b, bool):
        return str(a).lower() == str(b).lower()
    return str(a) == str(b)


def check(tool, graph, edge_id):
    for node, values in expected["nodes"].items():
        data = graph.nodes[node]
        for key, value in values.items():
            if key not in data or not same(data[key], value):
                fail(f"{tool}: node {node} {key}: {data.get(key)!r} != {value!r}")
    found = {edge_id(d): d for _, _, d in graph.edges(data=True)}
    for relation, values in expected["edges"].items():
        data = found[relation]
        for key, value in values.items():
            if key not in data or not same(data[key], value):
                fail(f"{tool}: edge {relation} {key}: {data.get(key)!r} != {value!r}")


check("graphml", nx.read_graphml(DIR / "graph.graphml"), lambda d: d["id"])
node_link = json.loads((DIR / "graph.nodelink.json").read_text())
check("node-link", nx.node_link_graph(node_link, edges="edges"), lambda d: d["id"])
check("gexf", nx.read_gexf(DIR / "graph.gexf", version="1.3"), lambda d: d["id"])
if SCHEMAS and shutil.which("xmllint") and (SCHEMAS / "gexf.xsd").exists():
    run = subprocess.run(
        ["xmllint", "--noout", "--schema", str(SCHEMAS / "gexf.xsd"), str(DIR / "graph.gexf")],
        capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"xmllint: {run.stderr}")
print("ok")
