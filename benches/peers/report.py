"""Turns the JSON lines of run.sh into markdown tables for BENCHMARKS.md:
per size, each system's median time per question, absolute and as a ratio
to actorgraph's loaded from RON (other time / actorgraph time: above 1,
actorgraph is ahead), then memory. `actorgraph-snapshot` is the same graph
opened from a snapshot, in its own process.

    python report.py RESULTS.jsonl > table.md
"""

import collections
import json
import sys

QUESTIONS = [
    ("Q1", "Q1 every state holding on a day (actorgraph: counted by the index)"),
    ("Q1 visit", "Q1 the same, visiting each relation (actorgraph)"),
    ("Q1 visit parallel", "Q1 the same, visiting each relation over both cores (actorgraph, `par_relations`)"),
    ("Q2", "Q2 who backs the biggest hub"),
    ("Q3", "Q3 every state holding on a narrow day"),
    ("Q4", "Q4 Backs chains ≤ 3 hops into the hub"),
    ("Q5", "Q5 load (actorgraph: RON, or a snapshot; peers: CSV)"),
    ("Q5 json", "Q5 load from JSON (actorgraph)"),
    ("Q5 whole", "Q5 load from RON as before: whole text, whole dataset, then build (actorgraph)"),
]
ORDER = ["actorgraph", "actorgraph-snapshot", "duckdb", "kuzu", "pyoxigraph", "networkx", "raphtory"]


def seconds(s):
    if s < 1e-3:
        return f"{s * 1e6:.3g} µs"
    if s < 1:
        return f"{s * 1e3:.3g} ms"
    return f"{s:.3g} s"


def megabytes(b):
    return f"{b / 1e6:.1f} MB"


def size_name(n):
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def main(path):
    rows = collections.defaultdict(dict)  # size -> (system, question) -> line
    with open(path) as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                rows[r["size"]][(r["system"], r["question"])] = r
    for size in sorted(rows):
        got = rows[size]
        systems = [s for s in ORDER if any(k[0] == s for k in got)]
        systems += sorted({k[0] for k in got} - set(systems))
        peers = [s for s in systems if s != "actorgraph"]  # every other column
        print(f"### {size_name(size)} relations ({size:,})\n")
        print("| question | answer | actorgraph | " + " | ".join(peers) + " |")
        print("|---|---|---:|" + "---:|" * len(peers))
        for key, title in QUESTIONS:
            base = got.get(("actorgraph", key)) or got.get(("actorgraph", key.split()[0]))
            cells = []
            for system in systems:
                r = got.get((system, key))
                if r is None:
                    cells.append("")
                elif system == "actorgraph" or base is None:
                    cells.append(seconds(r["median_s"]))
                else:
                    ratio = r["median_s"] / base["median_s"]
                    cells.append(f"{seconds(r['median_s'])} ({ratio:.3g}×)")
            if not any(cells):
                continue
            answer = next((got[(s, key)]["answer"] for s in systems if (s, key) in got), "")
            print(f"| {title} | {answer} | " + " | ".join(cells) + " |")
        memory = {s: next(r for k, r in got.items() if k[0] == s) for s in systems}
        ag = memory.get("actorgraph")

        def mem_row(title, field):
            cells = []
            for system in systems:
                value = memory[system].get(field)
                cell = megabytes(value) if value is not None else ""
                if system != "actorgraph" and ag and value is not None and ag.get(field):
                    cell += f" ({value / ag[field]:.3g}×)"
                cells.append(cell)
            print(f"| {title} | | " + " | ".join(cells) + " |")

        mem_row("memory held (RSS after load minus before)", "held_bytes")
        mem_row("peak memory while loading (VmHWM after the first load)", "peak_load_bytes")
        mem_row("peak memory (VmHWM, load and queries)", "peak_bytes")
        heaps = [memory[s].get("held_heap_bytes") for s in systems]
        if any(h is not None for h in heaps):
            cells = [
                "" if h is None else f"{megabytes(h)} ({h / size:.1f} B/relation)" for h in heaps
            ]
            print("| heap held (counting allocator) | | " + " | ".join(cells) + " |")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
