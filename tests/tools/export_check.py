"""Loads each export of actorgraph into the tool its users open it with and
asks the question the library answered; exits 1 on any difference.

Usage: export_check.py DIR EXPECTED.json SCHEMA_DIR

DIR holds graph.graphml, graph.nodelink.json, graph.gexf, graph.ttl and the
csv tables (actors.csv, relations.csv, citations.csv, sources.csv), all of
the whole graph with its dates. EXPECTED.json holds the library's answers:
{"day": D, "of": ACTOR, "backers": [...], "held": {DAY: count, ...},
 "citations": N}.
"""

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import networkx as nx
import pyoxigraph
import rdflib

DIR, EXPECTED, SCHEMAS = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
want = json.loads(EXPECTED.read_text())
DAY, OF = want["day"], want["of"]
failures = []


def check(tool, question, got, expected):
    if got != expected:
        failures.append(f"{tool}: {question}: got {got!r}, the library says {expected!r}")
    else:
        print(f"ok  {tool}: {question}")


def possibly_holds(data, day):
    """The library's as-of rule over the exported half-open days."""
    if str(data.get("event", "")).lower() == "true":
        return False
    start, end = data.get("holds_from") or "", data.get("holds_until") or ""
    return (not start or start <= day) and (not end or day < end)


def backers_in(graph):
    return sorted(
        {u for u, v, d in graph.edges(data=True)
         if v == OF and d.get("kind") == "backs" and possibly_holds(d, DAY)}
    )


def held_in(graph, day):
    return sum(1 for _, _, d in graph.edges(data=True) if possibly_holds(d, day))


# networkx: GraphML and node-link JSON.
graphml = nx.read_graphml(DIR / "graph.graphml")
check("networkx graphml", "is a multigraph keeping parallel relations",
      graphml.number_of_edges(), want["relations"])
check("networkx graphml", f"backers of {OF} on {DAY}", backers_in(graphml), want["backers"])
for day, count in want["held"].items():
    check("networkx graphml", f"relations holding on {day}", held_in(graphml, day), count)
node_link = nx.node_link_graph(json.loads((DIR / "graph.nodelink.json").read_text()), edges="edges")
check("networkx node-link", f"backers of {OF} on {DAY}", backers_in(node_link), want["backers"])
for day, count in want["held"].items():
    check("networkx node-link", f"relations holding on {day}", held_in(node_link, day), count)

# GEXF: the XML Schema, then networkx's reader with its spells (closed days).
result = subprocess.run(
    ["xmllint", "--noout", "--schema", str(SCHEMAS / "gexf.xsd"), str(DIR / "graph.gexf")],
    capture_output=True, text=True)
check("xmllint", "the gexf validates against the GEXF 1.3 schema",
      result.returncode, 0)
if result.returncode != 0:
    print(result.stderr[:2000])
gexf = nx.read_gexf(DIR / "graph.gexf", version="1.3")


def in_spell(data, day):
    if data.get("event") in (True, "true"):
        return False
    spells = data.get("spells") or [(None, None)]
    # networkx reads a spell's missing bound (an open end) as the text "None".
    open_end = (None, "None", "")
    return any((s in open_end or str(s) <= day) and (e in open_end or day <= str(e)) for s, e in spells)


check("networkx gexf", f"backers of {OF} on {DAY}",
      sorted({u for u, v, d in gexf.edges(data=True)
              if v == OF and d.get("kind") == "backs" and in_spell(d, DAY)}),
      want["backers"])

# RDF: rdflib and pyoxigraph both parse the Turtle; SPARQL over statements.
ttl = (DIR / "graph.ttl").read_text()
BACKERS = f"""
PREFIX ag: <https://w3id.org/actorgraph/ns#>
PREFIX actor: <https://w3id.org/actorgraph/actor/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT DISTINCT ?id WHERE {{
  ?st a ag:Statement ; ag:subject ?s ; ag:kind "backs" ; ag:object actor:{OF} ;
      ag:event false ; ag:rank ?rank .
  ?s ag:name ?name .
  OPTIONAL {{ ?st ag:start ?start }} OPTIONAL {{ ?st ag:end ?end }}
  FILTER (?rank != ag:Deprecated)
  FILTER ((!BOUND(?start) || ?start <= "{DAY}"^^xsd:date) && (!BOUND(?end) || "{DAY}"^^xsd:date < ?end))
  BIND (STRAFTER(STR(?s), "https://w3id.org/actorgraph/actor/") AS ?id)
}}"""
QUOTES = """
PREFIX ag: <https://w3id.org/actorgraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT (COUNT(?q) AS ?n) WHERE { ?st a ag:Statement ; prov:wasDerivedFrom ?ref . ?ref ag:quote ?q ; ag:source ?src . ?src ag:published ?p }"""
rdf = rdflib.Graph()
rdf.parse(data=ttl, format="turtle")
check("rdflib", f"backers of {OF} on {DAY} (SPARQL)",
      sorted(str(row.id) for row in rdf.query(BACKERS)), want["backers"])
check("rdflib", "every quote reachable from its statement",
      int(next(iter(rdf.query(QUOTES))).n), want["citations"])
store = pyoxigraph.Store()
store.load(ttl.encode(), format=pyoxigraph.RdfFormat.TURTLE)
check("pyoxigraph", f"backers of {OF} on {DAY} (SPARQL)",
      sorted(s["id"].value for s in store.query(BACKERS)), want["backers"])
check("pyoxigraph", "every quote reachable from its statement",
      int(next(iter(store.query(QUOTES)))["n"].value), want["citations"])

# DuckDB reads the CSV tables; plain SQL.
db = duckdb.connect()
for table in ("actors", "relations", "citations", "sources"):
    db.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{DIR / (table + '.csv')}', header = true, all_varchar = true)")
HOLDS = """coalesce("event:boolean", 'false') = 'false'
    AND ("holds_from:date" IS NULL OR CAST("holds_from:date" AS DATE) <= CAST(? AS DATE))
    AND ("holds_until:date" IS NULL OR CAST(? AS DATE) < CAST("holds_until:date" AS DATE))"""
rows = db.execute(
    f"""SELECT DISTINCT "{':START_ID(Actor)'}" FROM relations
        WHERE ":TYPE" = 'BACKS' AND "{':END_ID(Actor)'}" = ? AND {HOLDS} ORDER BY 1""",
    [OF, DAY, DAY]).fetchall()
check("duckdb", f"backers of {OF} on {DAY}", [r[0] for r in rows], want["backers"])
for day, count in want["held"].items():
    n = db.execute(f"SELECT count(*) FROM relations WHERE {HOLDS}", [day, day]).fetchone()[0]
    check("duckdb", f"relations holding on {day}", n, count)
n = db.execute("SELECT count(*) FROM citations c JOIN relations r ON c.relation = r.id").fetchone()[0]
check("duckdb", "every citation joins its relation", n, want["citations"])

if failures:
    print("\n".join(failures))
    sys.exit(1)
