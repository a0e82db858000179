"""Centralities of one layer of a signed graph, by networkx, for
tests/analysis.rs: reads {"nodes": n, "edges": [[a, b], ...] (undirected
ties), "arcs": [[s, o], ...] (directed, repeats allowed)} and prints the
measures as JSON lists by node."""

import json
import sys

import networkx as nx

spec = json.load(open(sys.argv[1]))
n = spec["nodes"]
graph = nx.Graph()
graph.add_nodes_from(range(n))
graph.add_edges_from(map(tuple, spec["edges"]))
arcs = nx.DiGraph()
arcs.add_nodes_from(range(n))
arcs.add_edges_from(map(tuple, spec["arcs"]))

betweenness = nx.betweenness_centrality(graph)  # normalized, no endpoints
closeness = nx.closeness_centrality(graph)  # wf_improved=True
try:
    eigenvector = nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-6) if graph.number_of_edges() else None
except nx.PowerIterationFailedConvergence:
    eigenvector = None

print(json.dumps({
    "betweenness": [betweenness[i] for i in range(n)],
    "closeness": [closeness[i] for i in range(n)],
    "eigenvector": None if eigenvector is None else [eigenvector[i] for i in range(n)],
    "in_degree": [arcs.in_degree(i) for i in range(n)],
    "out_degree": [arcs.out_degree(i) for i in range(n)],
    "degree": [graph.degree(i) for i in range(n)],
}))
