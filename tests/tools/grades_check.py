"""Grades in the exports, read by the tools their users open them with.

Usage: grades_check.py DIR, where DIR holds the graded example's exports
(nodelink.json, graph.ttl, relations.csv, citations.csv) and expected.json:
the library's own answers (every citation's grade, and which states hold
on one day under each minimum grade).
"""

import json
import sys
from pathlib import Path

import duckdb
import networkx as nx
import pyoxigraph
import rdflib

DIR = Path(sys.argv[1])
want = json.loads((DIR / "expected.json").read_text())
DAY = want["day"]
failures = []


def check(tool, question, got, expected):
    if got != expected:
        failures.append(f"{tool}: {question}: got {got!r}, expected {expected!r}")
    else:
        print(f"ok  {tool}: {question}")


def meets(reliability, credibility, minimum):
    """Admiralty order: A is best, 1 is best; ungraded counts as F and 6."""
    return (reliability or "F") <= minimum[0] and (credibility or 6) <= int(minimum[1:])


expected_citations = sorted(map(tuple, want["citations"]))

# networkx: node-link JSON, each citation with its grade.
data = json.loads((DIR / "nodelink.json").read_text())
graph = nx.node_link_graph(data, edges="edges")
cites = sorted(
    (d["id"], c["source"], c["reliability"] or "", c["credibility"] or 0)
    for _, _, d in graph.edges(data=True)
    for c in d["citations"]
)
check("networkx node-link", "every citation's grade", cites, expected_citations)


def held_graded(edges, minimum):
    found = set()
    for d in edges:
        if d["event"]:
            continue
        start, end = d["holds_from"] or "0000-00-00", d["holds_until"] or "9999-99-99"
        if not (start <= DAY < end):
            continue
        if any(c["stance"] == "Supports" and meets(c["reliability"], c["credibility"], minimum)
               for c in d["citations"]):
            found.add(d["id"])
    return sorted(found)


for minimum, ids in want["views"].items():
    edges = [d for _, _, d in graph.edges(data=True)]
    check("networkx node-link", f"states holding on {DAY} graded at least {minimum}",
          held_graded(edges, minimum), ids)

# SPARQL (rdflib and pyoxigraph): each reference's grade properties.
ttl = (DIR / "graph.ttl").read_text()
GRADES = """
PREFIX ag: <https://w3id.org/actorgraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?st ?src ?rel ?cred WHERE {
  ?st prov:wasDerivedFrom ?ref . ?ref ag:source ?src .
  OPTIONAL { ?ref ag:reliability ?rel } OPTIONAL { ?ref ag:credibility ?cred }
}"""


def tail(iri):
    return str(iri).rstrip(">").rsplit("/", 1)[-1]


rdf = rdflib.Graph()
rdf.parse(data=ttl, format="turtle")
rows = sorted((tail(r.st), tail(r.src), str(r.rel) if r.rel is not None else "",
               int(r.cred) if r.cred is not None else 0) for r in rdf.query(GRADES))
check("rdflib", "every reference's grade (SPARQL)", rows, expected_citations)
store = pyoxigraph.Store()
store.load(ttl.encode(), format=pyoxigraph.RdfFormat.TURTLE)
rows = sorted((tail(s["st"].value), tail(s["src"].value),
               s["rel"].value if s["rel"] is not None else "",
               int(s["cred"].value) if s["cred"] is not None else 0)
              for s in store.query(GRADES))
check("pyoxigraph", "every reference's grade (SPARQL)", rows, expected_citations)

# DuckDB over the CSV tables: the graded question in SQL.
db = duckdb.connect()
db.execute(f"CREATE TABLE r AS SELECT * FROM read_csv('{DIR / 'relations.csv'}', header=true, all_varchar=true)")
db.execute(f"CREATE TABLE c AS SELECT * FROM read_csv('{DIR / 'citations.csv'}', header=true, all_varchar=true)")
rows = sorted((a, b, rel or "", int(cred) if cred else 0) for a, b, rel, cred in
              db.execute('SELECT relation, source, reliability, "credibility:int" FROM c').fetchall())
check("duckdb", "every citation's grade", rows, expected_citations)
for minimum, ids in want["views"].items():
    rows = db.execute(f"""
        SELECT DISTINCT r.id FROM r JOIN c ON c.relation = r.id
        WHERE r."event:boolean" = 'false'
          AND (r."holds_from:date" IS NULL OR r."holds_from:date" <= '{DAY}')
          AND (r."holds_until:date" IS NULL OR '{DAY}' < r."holds_until:date")
          AND c.stance = 'Supports'
          AND coalesce(c.reliability, 'F') <= '{minimum[0]}'
          AND coalesce(CAST(c."credibility:int" AS INTEGER), 6) <= {int(minimum[1:])}
        ORDER BY r.id""").fetchall()
    check("duckdb", f"states holding on {DAY} graded at least {minimum} (SQL)",
          [r[0] for r in rows], ids)

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
