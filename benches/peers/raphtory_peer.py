"""Raphtory: a PersistentGraph built from the CSV export the way its
documentation recommends for edges that hold over an interval: each
relation's edge added at its first day and deleted at the day it ends, one
layer per kind, loaded from dataframes in bulk. Queries look at the graph
as of a day; Q4 is a plain depth-first walk in Python over its adjacency.

Raphtory is GPL-3.0: it is only ever run here, in its own process, as a
peer to measure against; nothing of it is linked into the crate.

Raphtory keeps one edge per (subject, object, layer), and two relations of
one kind between the same actors would share it (a second addition only
adds an update). So the n-th parallel relation of a kind between the same
two actors goes to the layer `KIND~n` (the first stays in `KIND`), which
keeps every relation its own edge and the counts equal to the other
systems'. Events never hold on a day: they are loaded into their kinds'
layers (so that the load holds every relation) and left out of the as-of
questions by layer.
"""

import datetime

import pandas as pd
import raphtory

import common

COLUMNS = {
    ":START_ID(Actor)": "src",
    ":END_ID(Actor)": "dst",
    ":TYPE": "kind",
    "event:boolean": "event",
    "holds_from:date": "holds_from",
    "holds_until:date": "holds_until",
}

# Day numbers stand for times; an open start is a day before any other.
OPEN_START = 0


def day_number(text):
    return datetime.date.fromisoformat(text).toordinal()


def frames(args):
    """The relations as Raphtory's loaders take them: additions, deletions
    (relations that end), and the layers of states and of events."""
    df = pd.read_csv(
        args.relations_csv,
        usecols=list(COLUMNS),
        dtype=str,
        keep_default_na=False,
    ).rename(columns=COLUMNS)
    df["event"] = df["event"] == "true"
    parallel = df.groupby(["src", "dst", "kind"], sort=False).cumcount()
    df["layer"] = df["kind"].where(parallel == 0, df["kind"] + "~" + parallel.astype(str))
    starts = pd.to_datetime(df["holds_from"], format="%Y-%m-%d", errors="coerce")
    ends = pd.to_datetime(df["holds_until"], format="%Y-%m-%d", errors="coerce")
    epoch_ordinal = datetime.date(1970, 1, 1).toordinal()
    to_days = lambda s: (s - pd.Timestamp("1970-01-01")).dt.days + epoch_ordinal
    df["start"] = to_days(starts).fillna(OPEN_START).astype("int64")
    # An event is added on no particular day and gone the next: the
    # questions never ask for events, and their layers are left out.
    df.loc[df["event"], "start"] = OPEN_START
    df["end"] = to_days(ends)
    df.loc[df["event"], "end"] = OPEN_START + 1
    additions = df[["start", "src", "dst", "layer"]]
    ended = df[df["end"].notna()]
    deletions = pd.DataFrame(
        {
            "end": ended["end"].astype("int64"),
            "src": ended["src"],
            "dst": ended["dst"],
            "layer": ended["layer"],
        }
    )
    event_layers = sorted(set(df.loc[df["event"], "layer"]))
    state_layers = sorted(set(df.loc[~df["event"], "layer"]))
    return additions, deletions, state_layers, event_layers, len(df)


def load(args):
    additions, deletions, state_layers, event_layers, rows = frames(args)
    actors = pd.read_csv(
        args.actors_csv, usecols=["id:ID(Actor)", "kind"], dtype=str, keep_default_na=False
    ).rename(columns={"id:ID(Actor)": "id"})
    actors["time"] = OPEN_START
    graph = raphtory.PersistentGraph()
    graph.load_nodes(data=actors, time="time", id="id", node_type_col="kind")
    graph.load_edges(data=additions, time="start", src="src", dst="dst", layer_col="layer")
    graph.load_edge_deletions(data=deletions, time="end", src="src", dst="dst", layer_col="layer")
    return graph, state_layers, event_layers, rows


def main():
    args = common.args()
    p = args.params
    wide, narrow, hub, start = p["wide_day"], p["narrow_day"], p["hub"], p["chain_from"]
    wide_t, narrow_t = day_number(wide), day_number(narrow)
    max_hops = p["max_hops"]
    report = common.Report("raphtory", args.size)
    (graph, state_layers, _, rows), first_load = report.first_load(lambda: load(args))
    backs_layers = [layer for layer in state_layers if layer.split("~")[0] == "BACKS"]

    def count_holding(t):
        # One exploded edge per (edge, layer) alive at t: one per relation.
        return graph.at(t).valid_layers(state_layers).edges.explode_layers().count()

    def q2():
        hub_then = graph.at(wide_t).valid_layers(backs_layers).node(hub)
        return [e.src.name for e in hub_then.in_edges.explode_layers()]

    def q4():
        # The Backs graph of the day; parallel relations are one neighbour.
        view = graph.at(wide_t).valid_layers(backs_layers)
        path = [start]
        found = 0

        def walk(name):
            nonlocal found
            for nbr in view.node(name).out_neighbours.name:
                if nbr in path:
                    continue
                if nbr == hub:
                    found += 1
                elif len(path) < max_hops:
                    path.append(nbr)
                    walk(nbr)
                    path.pop()

        walk(start)
        return found

    report.emit("Q1", count_holding(wide_t), common.measure(lambda: count_holding(wide_t)))
    backers = q2()
    report.emit(
        "Q2",
        f"{len(backers)} relations from {len(set(backers))} backers",
        common.measure(q2),
    )
    report.emit("Q3", count_holding(narrow_t), common.measure(lambda: count_holding(narrow_t)))
    report.emit("Q4", q4(), common.measure(q4))
    loaded = f"{graph.edges.explode_layers().count()} relations, {graph.count_nodes()} actors"
    assert graph.edges.explode_layers().count() == rows
    report.queried()
    del graph
    report.emit("Q5", loaded, common.measure_load(lambda: load(args), first_load))
    report.print()


if __name__ == "__main__":
    main()
