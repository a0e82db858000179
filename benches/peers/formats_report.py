"""The issue-24 table: Parquet export against CSV export, and reading the
Parquet tables into a graph against DuckDB's read_csv load (its Q5), all
from the same run.

    python formats_report.py RESULTS.jsonl RESULTS.formats.jsonl
"""

import json
import sys


def lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main(results, formats):
    duckdb = {r["size"]: r["median_s"] for r in lines(results)
              if r["system"] == "duckdb" and r["question"] == "Q5"}
    by_size = {}
    for r in lines(formats):
        by_size.setdefault(r["size"], {})[r["question"]] = r["median_s"]
    print("| relations | CSV export | Parquet export | ratio (target >= 5x) | Parquet read into a graph | DuckDB read_csv | ratio (target >= 1x) |")
    print("|---|---|---|---|---|---|---|")
    for size, t in sorted(by_size.items()):
        csv, parquet, read = t.get("csv export"), t.get("parquet export"), t.get("parquet read")
        base = duckdb.get(size)
        export_ratio = f"{csv / parquet:.1f}x" if csv and parquet else "-"
        read_ratio = f"{base / read:.2f}x" if base and read else "-"
        base_text = f"{base:.3f} s" if base else "-"
        print(f"| {size:,} | {csv:.3f} s | {parquet:.3f} s | {export_ratio} | {read:.3f} s | {base_text} | {read_ratio} |")


if __name__ == "__main__":
    main(*sys.argv[1:3])
