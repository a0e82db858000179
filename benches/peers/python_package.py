"""The Python package's speed targets (issue 23), each against a baseline
measured in the same run and process:

1. frame: a view of a synthetic graph of N relations (the benches' shape,
   seed 42) turned into a pandas DataFrame (`view.to_pandas()`: the query,
   the Arrow table, pyarrow's conversion), against DuckDB's `.df()` of the
   same rows and columns from its in-memory table. Target: no slower.
2. call: the per-call time of a narrow query from Python
   (`view.backers_of(actor)`, a list of Relation objects) against the same
   query in Rust (`View._rust_seconds_per_call`: the name resolved and the
   relations collected, in a loop inside the extension). Target: within
   2x the Rust time plus a few microseconds.

    python benches/peers/python_package.py [--size 1000000] [--out results.jsonl]

Needs the package installed (`pip install ./python`), pandas, pyarrow and
duckdb. Prints one JSON line per measure.
"""

import argparse
import gc
import json
import statistics
import sys
import time

import actorgraph

WIDE_DAY = "2000-06-15"


def best_of(runs, work):
    """The median and the best of `runs` timings of `work()`."""
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def per_call(calls, work):
    started = time.perf_counter()
    for _ in range(calls):
        work()
    return (time.perf_counter() - started) / calls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out")
    args = parser.parse_args()
    import duckdb
    import pyarrow as pa

    lines = []

    def emit(**fields):
        line = json.dumps({"system": "actorgraph-python", "size": args.size, **fields})
        print(line, flush=True)
        lines.append(line)

    started = time.perf_counter()
    graph = actorgraph.ActorGraph._synthetic(args.size)
    emit(measure="load_synthetic_s", value=round(time.perf_counter() - started, 3))
    view = graph.at(WIDE_DAY)
    rows = view.count()

    # 1. The frame, against DuckDB's .df() of the same rows from memory.
    frame = view.to_pandas()
    assert len(frame) == rows
    con = duckdb.connect(":memory:")
    table = pa.table(view.to_arrow())
    con.register("view_arrow", table)
    con.execute("CREATE TABLE relations AS SELECT * FROM view_arrow")
    con.unregister("view_arrow")
    del table
    peer = con.execute("SELECT * FROM relations").df()
    assert len(peer) == rows and list(peer.columns) == list(frame.columns)
    assert sorted(peer["id"]) == sorted(frame["id"])
    del peer, frame
    ours, ours_best = best_of(args.runs, lambda: view.to_pandas())
    duck, duck_best = best_of(args.runs, lambda: con.execute("SELECT * FROM relations").df())
    emit(measure="to_pandas_s", rows=rows, median=round(ours, 4), best=round(ours_best, 4))
    emit(measure="duckdb_df_s", rows=rows, median=round(duck, 4), best=round(duck_best, 4))
    emit(measure="to_pandas_over_duckdb_df", value=round(ours / duck, 3), target="<= 1")
    # The Arrow table alone, for the record: what the query and the table cost.
    arrow, _ = best_of(args.runs, lambda: pa.table(view.to_arrow()))
    emit(measure="to_arrow_s", rows=rows, median=round(arrow, 4))

    # 2. Per-call overhead of a narrow query: an actor with few backers.
    narrow = None
    for relation in view.of_kind("backs")[:2000]:
        backers = view.backers_of(relation.object.id)
        if 1 <= len(backers) <= 3:
            narrow = relation.object.id
            break
    assert narrow is not None
    found = len(view.backers_of(narrow))
    calls = 20_000
    rust = min(view._rust_seconds_per_call("backers_of", narrow, calls) for _ in range(3))
    python = min(per_call(calls, lambda: view.backers_of(narrow)) for _ in range(3))
    overhead = python - 2 * rust
    emit(measure="narrow_rust_us", relations=found, value=round(rust * 1e6, 3))
    emit(measure="narrow_python_us", relations=found, value=round(python * 1e6, 3))
    emit(measure="narrow_python_minus_2x_rust_us", value=round(overhead * 1e6, 3), target="a few us")
    # The same with an Actor object instead of a name (no name resolution in Python's count).
    actor = graph.resolve(narrow)
    python_actor = min(per_call(calls, lambda: view.backers_of(actor)) for _ in range(3))
    emit(measure="narrow_python_actor_us", value=round(python_actor * 1e6, 3))
    if args.out:
        with open(args.out, "a") as out:
            out.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
