"""Every public name has a docstring that help() shows, and the stub
declares every public name of the module."""

import inspect
import pathlib
import re

import actorgraph

STUB = pathlib.Path(actorgraph.__file__).with_name("__init__.pyi")


def public(cls):
    return [n for n in dir(cls) if not n.startswith("_") or n in ("_repr_html_", "_synthetic")]


def test_every_public_name_has_a_docstring():
    missing = []
    for name in actorgraph.__all__:
        obj = getattr(actorgraph, name)
        if isinstance(obj, (str, int)):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj) and obj.__module__ == "actorgraph":
            for member in public(obj):
                doc = getattr(getattr(obj, member), "__doc__", None)
                if not (doc or "").strip():
                    missing.append(f"{name}.{member}")
    assert missing == []


def test_help_shows_the_docs():
    text = inspect.getdoc(actorgraph.View.backers_of)
    assert "backs" in text
    assert "as of" in inspect.getdoc(actorgraph.View)


def test_the_stub_declares_every_public_name():
    stub = STUB.read_text()
    assert (STUB.parent / "py.typed").exists()
    for name in actorgraph.__all__:
        assert re.search(rf"\b{name}\b", stub), name
    for cls in [actorgraph.ActorGraph, actorgraph.View, actorgraph.Relation, actorgraph.Citation]:
        for member in public(cls):
            assert re.search(rf"def {member}\b", stub), f"{cls.__name__}.{member}"


def test_reprs_say_what_a_thing_is(graph):
    view = graph.at("2024-11-30")
    assert repr(graph).startswith("<ActorGraph of 100 actors")
    assert repr(view) == "<View of 178 relations as of 2024-11-30, possibly>"
    assert "known by 2024-11-28" in repr(view.known_by("2024-11-28").certainly())
    relation = graph.relation("iran_backs_hezbollah")
    assert repr(relation).startswith("<Relation iran_backs_hezbollah: Iran backs Hezbollah")
    assert "\n" not in repr(relation)
    html = relation._repr_html_()
    assert "<q>" in html and "Iran-backed Hezbollah" in html
    table = view._repr_html_()
    assert table.count("<tr>") == len(view) + 1
    assert repr(graph.resolve("hts")) == "<Actor Hayat Tahrir al-Sham (armed group, id hts)>"
