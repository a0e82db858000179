"""DuckDB: in-memory tables loaded from the CSV export, plain SQL, its
default threads; Q4 is a recursive CTE over the Backs edges holding on the
day."""

import duckdb

import common


def load(args):
    con = duckdb.connect(":memory:")
    # The columns the questions read, as every peer loads them; an open end
    # becomes a day beyond any other, so that no query tests for NULL.
    con.execute(
        f"""
        CREATE TABLE relations AS SELECT
            "id" AS id, ":START_ID(Actor)" AS subject, ":END_ID(Actor)" AS object,
            ":TYPE" AS kind, "event:boolean" AS event,
            coalesce("holds_from:date", DATE '0001-01-01') AS holds_from,
            coalesce("holds_until:date", DATE '9999-12-31') AS holds_until
        FROM read_csv('{args.relations_csv}', header = true, auto_detect = false,
            columns = {{
                ':START_ID(Actor)': 'VARCHAR', ':END_ID(Actor)': 'VARCHAR',
                ':TYPE': 'VARCHAR', 'id': 'VARCHAR', 'event:boolean': 'BOOLEAN',
                'from': 'VARCHAR', 'until': 'VARCHAR', 'on': 'VARCHAR',
                'from_precision': 'VARCHAR', 'until_precision': 'VARCHAR',
                'holds_from:date': 'DATE', 'holds_until:date': 'DATE',
                'certain_from:date': 'DATE', 'certain_until:date': 'DATE',
                'contested:boolean': 'BOOLEAN', 'claimed_by': 'VARCHAR',
                'note': 'VARCHAR'}})
        """
    )
    con.execute(
        f"""
        CREATE TABLE actors AS SELECT "id:ID(Actor)" AS id, name, kind
        FROM read_csv('{args.actors_csv}', header = true, auto_detect = false,
            columns = {{'id:ID(Actor)': 'VARCHAR', 'name': 'VARCHAR', 'kind': 'VARCHAR',
                'aliases': 'VARCHAR', 'died': 'VARCHAR', ':LABEL': 'VARCHAR'}})
        """
    )
    return con


def holds(day):
    return f"holds_from <= DATE '{day}' AND DATE '{day}' < holds_until"


def main():
    args = common.args()
    p = args.params
    wide, narrow, hub, start = p["wide_day"], p["narrow_day"], p["hub"], p["chain_from"]
    report = common.Report("duckdb", args.size)
    con, first_load = report.first_load(lambda: load(args))

    q1 = f"SELECT count(*) FROM relations WHERE NOT event AND {holds(wide)}"
    q2 = (
        f"SELECT subject FROM relations WHERE kind = 'BACKS' AND object = '{hub}' "
        f"AND {holds(wide)}"
    )
    q3 = f"SELECT count(*) FROM relations WHERE NOT event AND {holds(narrow)}"
    # Simple paths (no actor twice) over the actor pairs linked by a Backs
    # relation on the day; parallel relations make one hop, as in actorgraph.
    q4 = f"""
        WITH RECURSIVE edges AS (
            SELECT DISTINCT subject, object FROM relations
            WHERE kind = 'BACKS' AND {holds(wide)}
        ), paths(node, path, hops) AS (
            SELECT object, [subject, object], 1 FROM edges WHERE subject = '{start}'
            UNION ALL
            SELECT e.object, list_append(p.path, e.object), p.hops + 1
            FROM paths p JOIN edges e ON e.subject = p.node
            WHERE p.hops < {p["max_hops"]} AND p.node <> '{hub}'
                AND NOT list_contains(p.path, e.object)
        )
        SELECT count(*) FROM paths WHERE node = '{hub}'
    """

    def scalar(sql):
        return lambda: con.execute(sql).fetchone()[0]

    def rows(sql):
        return lambda: con.execute(sql).fetchall()

    report.emit("Q1", scalar(q1)(), common.measure(scalar(q1)))
    backers = [r[0] for r in rows(q2)()]
    report.emit(
        "Q2",
        f"{len(backers)} relations from {len(set(backers))} backers",
        common.measure(rows(q2)),
    )
    report.emit("Q3", scalar(q3)(), common.measure(scalar(q3)))
    report.emit("Q4", scalar(q4)(), common.measure(scalar(q4)))
    loaded = (
        f"{con.execute('SELECT count(*) FROM relations').fetchone()[0]} relations, "
        f"{con.execute('SELECT count(*) FROM actors').fetchone()[0]} actors"
    )
    report.queried()
    con.close()
    del con

    report.emit("Q5", loaded, common.measure_load(lambda: load(args), first_load))
    report.print()


if __name__ == "__main__":
    main()
