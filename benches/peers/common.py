"""What every Python peer shares: arguments, timing, memory and output.

Each peer is run in its own process as

    python PEER.py --size N --dir DATA

where DATA holds the CSV export (csv/actors.csv, csv/relations.csv) and
params.json (written by the actorgraph bench's --prepare: the days, the hub
and the start of the Q4 chains). It prints one JSON line per question.
"""

import argparse
import gc
import json
import os
import resource
import sys
import time


def args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parsed = parser.parse_args()
    with open(os.path.join(parsed.dir, "params.json")) as f:
        params = json.load(f)
    parsed.params = params
    parsed.relations_csv = os.path.join(parsed.dir, "csv", "relations.csv")
    parsed.actors_csv = os.path.join(parsed.dir, "csv", "actors.csv")
    return parsed


def budget():
    return float(os.environ.get("PEERS_BUDGET", "2"))


def status_bytes(field):
    """A line of /proc/self/status, in bytes."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def peak_bytes():
    """The process's peak resident memory: VmHWM, or ru_maxrss where absent."""
    hwm = status_bytes("VmHWM")
    if hwm:
        return hwm
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure(f, estimate=None):
    """Median seconds per call of f after warm-up, in samples of at least a
    millisecond; with the number of samples and of calls per sample.
    `estimate`, a call's time already measured (a first load), stands for
    the warm-up."""
    if estimate is None:
        calls = 0
        start = time.perf_counter()
        while calls < 3 or (time.perf_counter() - start < 0.2 and calls < 100_000):
            f()
            calls += 1
        estimate = (time.perf_counter() - start) / calls
    inner = max(1, int(-(-1e-3 // estimate)))
    samples = min(31, max(3, int(budget() / (estimate * inner))))
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(inner):
            f()
        times.append((time.perf_counter() - start) / inner)
    times.sort()
    return times[samples // 2], samples, inner


class Report:
    """Collects a system's answers, then prints them with its memory."""

    def __init__(self, system, size):
        self.system = system
        self.size = size
        self.lines = []
        self.held = None
        self.peak = None
        self.peak_load = None

    def emit(self, question, answer, measured):
        median, samples, inner = measured
        self.lines.append(
            {
                "system": self.system,
                "size": self.size,
                "question": question,
                "answer": str(answer),
                "median_s": median,
                "samples": samples,
                "calls_per_sample": inner,
            }
        )

    def first_load(self, load):
        """Loads once: returns what load returns and the seconds it took,
        and records the memory held after it (RSS after minus before) and
        the peak so far."""
        gc.collect()
        before = status_bytes("VmRSS")
        start = time.perf_counter()
        loaded = load()
        seconds = time.perf_counter() - start
        gc.collect()
        self.held = status_bytes("VmRSS") - before
        self.peak_load = peak_bytes()
        return loaded, seconds

    def queried(self):
        """Marks the end of the queries: the peak of loading and querying,
        before the timed loads."""
        self.peak = peak_bytes()

    def print(self):
        for line in self.lines:
            line["held_bytes"] = self.held
            line["peak_bytes"] = self.peak
            line["peak_load_bytes"] = self.peak_load
            print(json.dumps(line))
        sys.stdout.flush()


def measure_load(load, estimate):
    """Median seconds of a load, repeated after the first (which was the
    warm-up and took `estimate` seconds); each result is freed outside the
    timing before the next load."""
    samples = min(31, max(3, int(budget() / estimate)))
    times = []
    for _ in range(samples):
        gc.collect()
        start = time.perf_counter()
        loaded = load()
        times.append(time.perf_counter() - start)
        del loaded
    gc.collect()
    times.sort()
    return times[samples // 2], samples, 1
