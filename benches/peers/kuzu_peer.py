"""Kuzu (0.11, archived upstream): an in-memory property graph loaded from
the CSV export with COPY, queried with Cypher, its default threads; Q4 is
a variable-length ACYCLIC pattern of 1 to 3 Backs relations holding on the
day."""

import kuzu

import common


def load(args):
    db = kuzu.Database()  # no path: in memory
    con = kuzu.Connection(db)
    con.execute("CREATE NODE TABLE Actor(id STRING PRIMARY KEY, name STRING, kind STRING)")
    con.execute(
        "CREATE REL TABLE Rel(FROM Actor TO Actor, id STRING, kind STRING, "
        "event BOOLEAN, holds_from DATE, holds_until DATE)"
    )
    # Kuzu reads the `name:type` headers itself: `event:boolean` is `event`.
    # An open end becomes a day beyond any other, so that no query tests
    # for NULL.
    con.execute(
        f"COPY Actor FROM (LOAD FROM '{args.actors_csv}' (header = true) "
        "RETURN `id:ID(Actor)`, name, kind)"
    )
    con.execute(
        f"COPY Rel FROM (LOAD FROM '{args.relations_csv}' (header = true) "
        "RETURN `:START_ID(Actor)`, `:END_ID(Actor)`, id, `:TYPE`, event, "
        "coalesce(holds_from, date('0001-01-01')), coalesce(holds_until, date('9999-12-31')))"
    )
    return db, con


def holds(r, day):
    return f"{r}.holds_from <= date('{day}') AND date('{day}') < {r}.holds_until"


def main():
    args = common.args()
    p = args.params
    wide, narrow, hub, start = p["wide_day"], p["narrow_day"], p["hub"], p["chain_from"]
    report = common.Report("kuzu", args.size)
    (db, con), first_load = report.first_load(lambda: load(args))

    q1 = f"MATCH ()-[r:Rel]->() WHERE NOT r.event AND {holds('r', wide)} RETURN count(*)"
    q2 = (
        f"MATCH (a:Actor)-[r:Rel]->(:Actor {{id: '{hub}'}}) "
        f"WHERE r.kind = 'BACKS' AND {holds('r', wide)} RETURN a.id"
    )
    q3 = f"MATCH ()-[r:Rel]->() WHERE NOT r.event AND {holds('r', narrow)} RETURN count(*)"
    # ACYCLIC: no actor twice; parallel relations make one chain of actors.
    q4 = (
        f"MATCH p = (:Actor {{id: '{start}'}})-[:Rel* ACYCLIC 1..{p['max_hops']} "
        f"(e, n | WHERE e.kind = 'BACKS' AND {holds('e', wide)})]->(:Actor {{id: '{hub}'}}) "
        "RETURN count(DISTINCT properties(nodes(p), 'id'))"
    )

    def scalar(query):
        return lambda: con.execute(query).get_next()[0]

    def rows():
        return con.execute(q2).get_all()

    report.emit("Q1", scalar(q1)(), common.measure(scalar(q1)))
    backers = [r[0] for r in rows()]
    report.emit(
        "Q2",
        f"{len(backers)} relations from {len(set(backers))} backers",
        common.measure(rows),
    )
    report.emit("Q3", scalar(q3)(), common.measure(scalar(q3)))
    report.emit("Q4", scalar(q4)(), common.measure(scalar(q4)))
    relations = scalar("MATCH ()-[r:Rel]->() RETURN count(*)")()
    actors = scalar("MATCH (a:Actor) RETURN count(*)")()
    loaded = f"{relations} relations, {actors} actors"
    report.queried()
    con.close()
    db.close()
    del con, db

    report.emit("Q5", loaded, common.measure_load(lambda: load(args), first_load))
    report.print()


if __name__ == "__main__":
    main()
