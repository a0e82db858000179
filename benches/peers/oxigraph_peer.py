"""pyoxigraph: an in-memory store of reified relations (the vocabulary of
the crate's Turtle export: ag:subject, ag:object, ag:kind, ag:event,
ag:start, ag:end; an open end, which that export leaves out, is a day
beyond any other here, so that no query needs OPTIONAL) built from the CSV
export and queried with SPARQL; Q4 is a union of one, two and three hops."""

import csv

import pyoxigraph as ox

import common

AG = "https://w3id.org/actorgraph/ns#"
ACTOR = "https://w3id.org/actorgraph/actor/"
STMT = "https://w3id.org/actorgraph/statement/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = f"""
PREFIX ag: <{AG}>
PREFIX actor: <{ACTOR}>
PREFIX xsd: <{XSD}>
"""


def literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ntriples(args):
    """The CSV as N-Triples: the columns the questions read."""
    lines = []
    add = lines.append
    with open(args.actors_csv, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        ident, name, kind = (header.index(c) for c in ("id:ID(Actor)", "name", "kind"))
        for r in rows:
            node = f"<{ACTOR}{r[ident]}>"
            add(f"{node} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{AG}Actor> .")
            add(f"{node} <{AG}name> {literal(r[name])} .")
            add(f"{node} <{AG}actorKind> {literal(r[kind])} .")
    with open(args.relations_csv, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        s, o, i, k, e, hf, hu = (
            header.index(c)
            for c in (
                ":START_ID(Actor)",
                ":END_ID(Actor)",
                "id",
                ":TYPE",
                "event:boolean",
                "holds_from:date",
                "holds_until:date",
            )
        )
        for r in rows:
            node = f"<{STMT}{r[i]}>"
            add(f"{node} <{AG}subject> <{ACTOR}{r[s]}> .")
            add(f"{node} <{AG}object> <{ACTOR}{r[o]}> .")
            add(f'{node} <{AG}kind> "{r[k].lower()}" .')
            add(f'{node} <{AG}event> "{r[e]}"^^<{XSD}boolean> .')
            add(f'{node} <{AG}start> "{r[hf] or "0001-01-01"}"^^<{XSD}date> .')
            add(f'{node} <{AG}end> "{r[hu] or "9999-12-31"}"^^<{XSD}date> .')
    lines.append("")
    return "\n".join(lines).encode()


def load(args):
    store = ox.Store()
    store.bulk_load(input=ntriples(args), format=ox.RdfFormat.N_TRIPLES)
    return store


def holds(r, day, n):
    """The pattern of a relation ?r holding on day."""
    d = f'"{day}"^^xsd:date'
    return (
        f"{r} ag:start ?start{n} ; ag:end ?end{n} . "
        f"FILTER (?start{n} <= {d} && {d} < ?end{n})"
    )


def path(hops, day):
    """A group matching a chain of Backs relations ?r1.. through the actors
    given, each holding on day: the hops' triple patterns first, so that
    the store binds each hop from the last, then their bounds."""
    patterns = " ".join(
        f'?r{n} ag:subject {a} ; ag:kind "backs" ; ag:object {b} .'
        for n, (a, b) in enumerate(hops, 1)
    )
    bounds = " ".join(holds(f"?r{n}", day, n) for n in range(1, len(hops) + 1))
    return f"{{ {patterns} {bounds} }}"


def main():
    args = common.args()
    p = args.params
    wide, narrow = p["wide_day"], p["narrow_day"]
    hub, start = f"actor:{p['hub']}", f"actor:{p['chain_from']}"
    assert p["max_hops"] == 3, "the SPARQL of Q4 spells out three hops"
    report = common.Report("pyoxigraph", args.size)
    store, first_load = report.first_load(lambda: load(args))

    def count_holding(day):
        return f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ ?r ag:event false . {holds('?r', day, 0)} }}"

    q1, q3 = count_holding(wide), count_holding(narrow)
    q2 = f"""{PREFIXES} SELECT ?s WHERE {{
        ?r ag:object {hub} ; ag:kind "backs" ; ag:subject ?s . {holds('?r', wide, 0)} }}"""
    # Simple paths over actor pairs: DISTINCT makes parallel relations one hop.
    q4 = f"""{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?x1 ?x2 WHERE {{
        {path([(start, hub)], wide)}
        UNION
        {{ {path([(start, "?x1"), ("?x1", hub)], wide)}
           FILTER (?x1 != {hub} && ?x1 != {start}) }}
        UNION
        {{ {path([(start, "?x1"), ("?x1", "?x2"), ("?x2", hub)], wide)}
           FILTER (?x1 != {hub} && ?x1 != {start} && ?x2 != {hub} && ?x2 != {start} && ?x2 != ?x1) }}
    }} }}"""

    def scalar(query):
        return lambda: int(next(iter(store.query(query)))["n"].value)

    def rows():
        return [solution["s"] for solution in store.query(q2)]

    report.emit("Q1", scalar(q1)(), common.measure(scalar(q1)))
    backers = [node.value for node in rows()]
    report.emit(
        "Q2",
        f"{len(backers)} relations from {len(set(backers))} backers",
        common.measure(rows),
    )
    report.emit("Q3", scalar(q3)(), common.measure(scalar(q3)))
    report.emit("Q4", scalar(q4)(), common.measure(scalar(q4)))
    relations = scalar(f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ ?r ag:kind ?k }}")()
    actors = scalar(f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ ?a a ag:Actor }}")()
    loaded = f"{relations} relations, {actors} actors"
    report.queried()
    del store
    report.emit("Q5", loaded, common.measure_load(lambda: load(args), first_load))
    report.print()


if __name__ == "__main__":
    main()
