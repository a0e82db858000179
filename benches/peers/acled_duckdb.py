"""DuckDB's read_csv of the same ACLED-shaped file the import bench reads:
the baseline of `benches/peers/import.sh`. Prints one JSON line."""

import json
import resource
import sys
import time

import duckdb

path = sys.argv[1]
con = duckdb.connect()
times = []
for _ in range(3):
    con.execute("DROP TABLE IF EXISTS acled")
    start = time.perf_counter()
    # Every column as text, as the import reads cells, into a table held
    # in memory, like the graph.
    con.execute(f"CREATE TABLE acled AS SELECT * FROM read_csv('{path}', header = true, all_varchar = true)")
    times.append(time.perf_counter() - start)
rows = con.execute("SELECT count(*) FROM acled").fetchone()[0]
times.sort()
print(json.dumps({
    "system": "duckdb-read_csv",
    "rows": rows,
    "seconds": times[1],
    "peak_resident_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
