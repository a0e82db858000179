"""A 100 000-relation synthetic graph loaded, queried, framed; long work
releases the GIL so other Python threads run meanwhile."""

import threading
import time

import pytest

import actorgraph
from conftest import need

RELATIONS = 100_000


@pytest.fixture(scope="module")
def large():
    return actorgraph.ActorGraph._synthetic(RELATIONS, seed=23)


def test_loaded_queried_and_framed(large, tmp_path):
    assert len(large) >= RELATIONS * 0.9
    first = large.relations()[0]
    day = first.first_possible_day or first.last_possible_day
    view = large.at(day or "2020-01-01")
    held = view.count()
    assert held > 0
    some = next(iter(view))
    assert any(r.id == some.id for r in view.involving(some.subject))
    pa = need("pyarrow")
    need("pandas")
    table = pa.table(view.to_arrow())
    assert table.num_rows == held
    frame = view.to_pandas()
    assert len(frame) == held
    assert frame["id"].is_unique
    assert set(frame["kind"].astype(str)) <= {k.kind for k in view.relations()}
    pl = need("polars")
    assert pl.DataFrame(view.to_arrow()).height == held
    # Through a snapshot file and back, the same answer.
    path = tmp_path / "large.agsnap"
    large.save_snapshot(path)
    assert actorgraph.ActorGraph.from_path(path).at(view.day).count() == held


def test_long_work_lets_other_threads_run(large):
    """While one thread builds a large table without the GIL, another keeps
    counting; with the GIL held it would count nothing in between."""
    view = large.at("2020-01-01")
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        started = time.perf_counter()
        before = ticks
        for _ in range(3):
            large.to_snapshot()
            large.export("csv")
        elapsed = time.perf_counter() - started
        during = ticks - before
    finally:
        done.set()
        counter.join()
    assert elapsed > 0.05, "the work is too short to tell"
    assert during > 100, f"only {during} ticks in {elapsed:.2f}s: the GIL was held"
