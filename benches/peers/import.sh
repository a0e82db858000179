#!/usr/bin/env bash
# The import bench against its same-run baseline: N ACLED-shaped rows
# (default 1 000 000) imported with the acled preset, and the same file read
# by DuckDB's read_csv into an in-memory table (the median of three).
#
#   benches/peers/import.sh [ROWS]
#
# Uses PEERS_PYTHON, or the venv of run.sh (target/peers/venv).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
rows=${1:-1000000}
work=${PEERS_WORK:-$root/target/peers}/acled
mkdir -p "$work"
if [[ -n "${PEERS_PYTHON:-}" ]]; then
    python=$PEERS_PYTHON
else
    venv=${PEERS_WORK:-$root/target/peers}/venv
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    python=$venv/bin/python
fi
cargo bench --quiet --bench import --no-run
file=$work/acled_$rows.csv
[[ -f "$file" ]] || cargo bench --quiet --bench import -- --generate "$rows" --out "$file"
ls -l "$file" >&2
"$python" "$here/acled_duckdb.py" "$file"
cargo bench --quiet --bench import -- --import "$file"
"$python" "$here/acled_duckdb.py" "$file"
