"""Holds the crate's EDTF reading against python-edtf's own table of parser
examples (`EXAMPLES` in edtf/parser/tests.py, shipped in the edtf wheel).

    edtf_check.py examples          prints the example inputs, one JSON list
    edtf_check.py check READINGS    compares the crate's readings (JSON, written
                                    by tests/dates.rs) with python-edtf's bounds

Every example that is a single date within the crate's years must be read by
the crate with python-edtf's strict and fuzzy bounds; intervals (`A/B`) and
"all of" sets (`{..}`) must be refused; the rest (negative years, year 0,
years of more than four digits, bounds beyond 2200) are counted as outside
the crate's years and must not be read as something else inside them.
"""

import datetime
import json
import sys
import types

# The examples module imports pytest for its decorators only; a stand-in
# spares installing pytest just to read a table.
try:
    import pytest  # noqa: F401
except ImportError:
    shim = types.ModuleType("pytest")

    class _Mark:
        def __getattr__(self, _name):
            def decorator_factory(*_args, **_kwargs):
                return lambda f: f

            return decorator_factory

    shim.mark = _Mark()
    shim.raises = None
    sys.modules["pytest"] = shim

from edtf.parser.grammar import parse_edtf  # noqa: E402
from edtf.parser.tests import EXAMPLES  # noqa: E402

MIN_YEAR, MAX_YEAR = 1, 2200


def iso(t):
    """A python-edtf bound (struct_time or infinity) as the crate writes it."""
    if isinstance(t, float):
        return None  # an open end
    return "%04d-%02d-%02d" % (t.tm_year, t.tm_mon, t.tm_mday)


def expected_bounds(expected):
    """(lower strict, upper strict, lower fuzzy, upper fuzzy) of an entry."""
    if len(expected) == 1:
        return (expected[0],) * 4
    if len(expected) == 2:
        return (expected[0], expected[1], expected[0], expected[1])
    if len(expected) == 3:
        return (expected[0], expected[0], expected[1], expected[2])
    return tuple(expected)


def within_years(bound):
    if bound in ("inf", "-inf"):
        return True
    if bound.startswith("-"):
        return False
    year = int(bound.split("-")[0])
    return MIN_YEAR <= year <= MAX_YEAR


def clamp(bound):
    if bound in ("inf", "-inf"):
        return bound
    if bound.startswith("-") or int(bound.split("-")[0]) < MIN_YEAR:
        return "%04d-01-01" % MIN_YEAR
    if int(bound.split("-")[0]) > MAX_YEAR:
        return "%04d-12-31" % MAX_YEAR
    return bound


def real_day(bound):
    """Whether a bound written YYYY-MM-DD (or an open end) is a calendar day."""
    if bound is None:
        return True
    try:
        datetime.date.fromisoformat(bound)
        return True
    except ValueError:
        return False


def open_as_none(bound):
    return None if bound in ("inf", "-inf") else bound


def main():
    if sys.argv[1] == "examples":
        print(json.dumps([text for text, _ in EXAMPLES]))
        return 0
    readings = json.load(open(sys.argv[2]))
    failures, read, refused, outside = [], 0, 0, 0
    for text, expected in EXAMPLES:
        mine = readings[text]
        if "/" in text or text.startswith("{"):
            if "error" not in mine:
                failures.append(f"{text}: not a single date, but read as {mine}")
            else:
                refused += 1
            continue
        bounds = expected_bounds(expected)
        if not all(within_years(b) for b in bounds):
            outside += 1
            if "error" in mine:
                continue
            # Read at all, it must mean python-edtf's days, clamped to the
            # crate's years as the crate documents.
            bounds = tuple(clamp(b) for b in bounds)
        # python-edtf's own answer, beside its table's.
        parsed = parse_edtf(text)
        theirs = tuple(
            open_as_none(clamp(iso(b) or "inf"))
            for b in (
                parsed.lower_strict(),
                parsed.upper_strict(),
                parsed.lower_fuzzy(),
                parsed.upper_fuzzy(),
            )
        )
        table = tuple(open_as_none(b) for b in bounds)
        if theirs != table:
            failures.append(f"{text}: python-edtf reads {theirs}, its table says {table}")
        if "error" in mine:
            failures.append(f"{text}: refused by the crate: {mine['error']}")
            continue
        ours = (mine["strict"][0], mine["strict"][1], mine["possible"][0], mine["possible"][1])
        if ours != table:
            failures.append(f"{text}: the crate reads {ours}, python-edtf {table}")
        if mine["display"] != text:
            failures.append(f"{text}: displayed as {mine['display']!r}")
        if mine["qualified"] != (table[:2] != table[2:]):
            failures.append(f"{text}: qualified is {mine['qualified']}")
        read += 1
        print(f"read {text!r} as {ours}")
    # The crate's further forms, against python-edtf's own reading.
    table_texts = {text for text, _ in EXAMPLES}
    more, python_refuses, crate_refuses, no_such_day = 0, 0, [], []
    for text, mine in readings.items():
        if text in table_texts:
            continue
        try:
            parsed = parse_edtf(text)
            theirs = tuple(
                open_as_none(clamp(iso(b) or "inf"))
                for b in (
                    parsed.lower_strict(),
                    parsed.upper_strict(),
                    parsed.lower_fuzzy(),
                    parsed.upper_fuzzy(),
                )
            )
        except Exception:
            python_refuses += 1
            continue
        if not all(real_day(b) for b in theirs):
            # python-edtf's struct_time bounds are not checked against the
            # calendar: 156X-02-29 ends, for it, on 1569-02-29.
            no_such_day.append(text)
            if "error" in mine or not all(real_day(b) for b in mine["strict"] + mine["possible"]):
                failures.append(f"{text}: the crate reads {mine}")
            continue
        if "error" in mine:
            crate_refuses.append(text)
            continue
        ours = (mine["strict"][0], mine["strict"][1], mine["possible"][0], mine["possible"][1])
        if ours != theirs:
            failures.append(f"{text}: the crate reads {ours}, python-edtf {theirs}")
        elif mine["display"] != text:
            failures.append(f"{text}: displayed as {mine['display']!r}")
        else:
            more += 1
    print(
        f"further forms: {more} read as python-edtf reads them, {python_refuses} that "
        f"python-edtf refuses, {len(crate_refuses)} that only python-edtf reads: {crate_refuses}, "
        f"{len(no_such_day)} where python-edtf names a day the calendar lacks "
        f"(the crate names the nearest real ones): {no_such_day}"
    )
    print(
        f"python-edtf examples: {read} read as python-edtf reads them, "
        f"{refused} intervals or all-of sets refused, {outside} outside the crate's years"
    )
    for failure in failures:
        print("MISMATCH", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
