#!/usr/bin/env bash
# The peer benchmark: actorgraph against DuckDB, Kuzu, pyoxigraph,
# networkx and Raphtory on the same questions, each system in its own process; fails on
# any answer that differs between systems. See README.md beside this file.
#
#   benches/peers/run.sh [RESULTS.jsonl]
#
# Environment:
#   PEERS_MAX      largest size to run (default 1000000; sizes 10k, 100k, 1M)
#   PEERS_SYSTEMS  peers to run (default "duckdb kuzu pyoxigraph networkx raphtory")
#   PEERS_BUDGET   seconds each question's timed samples aim at (default 2)
#   PEERS_PYTHON   a Python with the peers installed (default: a venv made
#                  in target/peers/venv from requirements.txt)
#   PEERS_WORK     where data and results go (default target/peers)
#   PEERS_REUSE=1  keep the data of an earlier run instead of regenerating it
#   PEERS_PYTHON_PACKAGE=0  skip the Python package's bench (python_package.py)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

max=${PEERS_MAX:-1000000}
systems=${PEERS_SYSTEMS:-"duckdb kuzu pyoxigraph networkx raphtory"}
work=${PEERS_WORK:-$root/target/peers}
mkdir -p "$work"
results=${1:-$work/results.jsonl}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree

if [[ -n "${PEERS_PYTHON:-}" ]]; then
    python=$PEERS_PYTHON
else
    venv=$work/venv
    if [[ ! -x "$venv/bin/python" ]]; then
        python3 -m venv "$venv"
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    python=$venv/bin/python
fi

echo "building the export example and the peers bench (release)" >&2
cargo build --release --quiet --example export
cargo bench --quiet --bench peers --no-run

: > "$results"
: > "${results%.jsonl}.formats.jsonl"
for size in 10000 100000 1000000; do
    if (( size > max )); then
        continue
    fi
    dir=$work/$size
    if [[ "${PEERS_REUSE:-0}" != 1 || ! -f "$dir/params.json" || ! -f "$dir/csv/relations.csv" ]]; then
        echo "size $size: generating RON, JSON, a snapshot and CSV" >&2
        rm -rf "$dir"
        cargo bench --quiet --bench peers -- --prepare --size "$size" --dir "$dir"
        cargo run --release --quiet --example export -- \
            --synthetic "$size" --format csv --out "$dir/csv"
    fi
    for load in ron snapshot; do
        echo "size $size: actorgraph (--load $load)" >&2
        cargo bench --quiet --bench peers -- --load "$load" --size "$size" --dir "$dir" |
            tee -a "$results"
    done
    for system in $systems; do
        case $system in
            duckdb | kuzu | networkx | raphtory) script=$here/${system}_peer.py ;;
            pyoxigraph) script=$here/oxigraph_peer.py ;;
            *) echo "unknown system: $system" >&2; exit 2 ;;
        esac
        echo "size $size: $system" >&2
        "$python" "$script" --size "$size" --dir "$dir" | tee -a "$results"
    done
    # Fail as soon as a size disagrees.
    "$python" "$here/check.py" "$results"
    # Issue 24: the Parquet export against the CSV export, and reading the
    # Parquet tables against DuckDB's read_csv (its Q5 above).
    echo "size $size: actorgraph (--formats)" >&2
    cargo bench --quiet --bench peers -- --formats --size "$size" --dir "$dir" |
        tee -a "${results%.jsonl}.formats.jsonl"
done

"$python" "$here/report.py" "$results"
"$python" "$here/formats_report.py" "$results" "${results%.jsonl}.formats.jsonl"

# The Python package (issue 23): a view of the largest size to a pandas
# DataFrame against DuckDB's .df() of the same rows, and a narrow query's
# per-call time from Python against the same query in Rust.
if [[ "${PEERS_PYTHON_PACKAGE:-1}" != 0 ]]; then
    echo "size $max: the Python package against DuckDB's .df() and Rust" >&2
    "$python" -m pip install --quiet --disable-pip-version-check "$root/python"
    "$python" "$here/python_package.py" --size "$max" | tee "$work/python_package.jsonl"
fi
echo "results: $results" >&2
