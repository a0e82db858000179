"""Fixtures of the Python package's tests: the embedded graph, and the Rust
library's own answers (examples/python_reference.rs) to compare with."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

import actorgraph

ROOT = pathlib.Path(__file__).resolve().parents[2]
REQUIRE = os.environ.get("ACTORGRAPH_REQUIRE_TOOLS") == "1"


def need(module: str):
    """Imports a tool the test needs, or skips (fails under ACTORGRAPH_REQUIRE_TOOLS=1)."""
    if REQUIRE:
        return __import__(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="session")
def graph() -> actorgraph.ActorGraph:
    return actorgraph.ActorGraph.embedded()


@pytest.fixture(scope="session")
def reference() -> dict:
    """The library's answers: from $ACTORGRAPH_PY_REFERENCE when set (CI
    writes it once), else by running the example with cargo."""
    path = os.environ.get("ACTORGRAPH_PY_REFERENCE")
    if path:
        return json.loads(pathlib.Path(path).read_text())
    if shutil.which("cargo") is None:
        if REQUIRE:
            pytest.fail("cargo is needed for the library's reference answers")
        pytest.skip("cargo is not installed: no reference answers")
    done = subprocess.run(
        ["cargo", "run", "-q", "--example", "python_reference"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def key(relation: actorgraph.Relation) -> str:
    """A relation as the reference writes it: id|holding|contested|citations."""
    return "|".join(
        [
            relation.id,
            relation.holding or "none",
            "true" if relation.contested else "false",
            str(len(relation.citations)),
        ]
    )


def keys(relations) -> list:
    return [key(r) for r in relations]
