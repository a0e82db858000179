"""The README's "From Python" tour, run as it is written."""

import os
import pathlib
import re

from conftest import ROOT, need


def tour() -> str:
    text = (ROOT / "README.md").read_text()
    section = text.split("## From Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "the README has no Python tour"
    return "\n".join(blocks)


def test_the_readme_tour_runs(tmp_path, capsys):
    for tool in ["pandas", "pyarrow", "polars", "networkx"]:
        need(tool)
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(tour(), "README.md (From Python)", "exec"), {})
    finally:
        os.chdir(here)
    printed = capsys.readouterr().out
    assert "Russia backs Syrian government ([..2015] to now) [contested]" in printed
    assert "['hezbollah', 'lebanon_truce_2024']" in printed
    assert (pathlib.Path(tmp_path) / "syria.agsnap").exists()
