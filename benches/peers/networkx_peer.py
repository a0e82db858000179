"""networkx: a MultiDiGraph built from the CSV export, one edge per relation
keyed by its id; Q4 is all_simple_paths with a cutoff on a view of the
Backs edges holding on the day."""

import csv

import networkx as nx

import common


def load(args):
    graph = nx.MultiDiGraph()
    with open(args.actors_csv, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        ident, name, kind = (header.index(c) for c in ("id:ID(Actor)", "name", "kind"))
        graph.add_nodes_from((r[ident], {"name": r[name], "kind": r[kind]}) for r in rows)
    with open(args.relations_csv, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        cols = [
            header.index(c)
            for c in (
                ":START_ID(Actor)",
                ":END_ID(Actor)",
                "id",
                ":TYPE",
                "event:boolean",
                "holds_from:date",
                "holds_until:date",
            )
        ]
        s, o, i, k, e, hf, hu = cols
        # ISO days compare as text; an open end is a day beyond any other.
        graph.add_edges_from(
            (
                r[s],
                r[o],
                r[i],
                {
                    "kind": r[k],
                    "event": r[e] == "true",
                    "holds_from": r[hf] or "0001-01-01",
                    "holds_until": r[hu] or "9999-12-31",
                },
            )
            for r in rows
        )
    return graph


def holds(data, day):
    return data["holds_from"] <= day < data["holds_until"]


def main():
    args = common.args()
    p = args.params
    wide, narrow, hub, start = p["wide_day"], p["narrow_day"], p["hub"], p["chain_from"]
    report = common.Report("networkx", args.size)
    graph, first_load = report.first_load(lambda: load(args))

    def count_holding(day):
        return sum(
            1 for _, _, d in graph.edges(data=True) if not d["event"] and holds(d, day)
        )

    def q2():
        return [
            u
            for u, _, d in graph.in_edges(hub, data=True)
            if d["kind"] == "BACKS" and holds(d, wide)
        ]

    def q4():
        backs = nx.subgraph_view(
            graph,
            filter_edge=lambda u, v, key: (
                graph[u][v][key]["kind"] == "BACKS" and holds(graph[u][v][key], wide)
            ),
        )
        # Parallel relations give the same actors twice; a chain is its actors.
        paths = nx.all_simple_paths(backs, start, hub, cutoff=p["max_hops"])
        return len({tuple(path) for path in paths})

    report.emit("Q1", count_holding(wide), common.measure(lambda: count_holding(wide)))
    backers = q2()
    report.emit(
        "Q2",
        f"{len(backers)} relations from {len(set(backers))} backers",
        common.measure(q2),
    )
    report.emit("Q3", count_holding(narrow), common.measure(lambda: count_holding(narrow)))
    report.emit("Q4", q4(), common.measure(q4))
    loaded = f"{graph.number_of_edges()} relations, {graph.number_of_nodes()} actors"
    report.queried()
    del graph
    report.emit("Q5", loaded, common.measure_load(lambda: load(args), first_load))
    report.print()


if __name__ == "__main__":
    main()
