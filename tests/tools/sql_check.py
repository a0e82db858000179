"""Runs the README's as-of SQL in a real engine over Parquet exports and
compares every answer with the library's.

usage: sql_check.py duckdb|spark README.md DIR ANSWERS.json [DIR ANSWERS.json ...]

Each ANSWERS.json is a list of {"query", "day", "known", "ids"} written by
tests/sql.rs; "ids" is the sorted list of relation ids the library gives
(or "count", View::count(), to be compared with the engine's COUNT).
The queries are read from the README's ```sql blocks that begin with
"-- actorgraph: NAME", so the SQL documented is the SQL tested. Spark runs
in one local session for every export and query, to keep CI short.
Exits 1 with the differences when an engine disagrees.
"""

import json
import re
import sys
from pathlib import Path


def readme_queries(readme):
    text = Path(readme).read_text(encoding="utf-8")
    queries = {}
    for block in re.findall(r"```sql\n(.*?)```", text, flags=re.S):
        first = block.splitlines()[0]
        if first.startswith("-- actorgraph: "):
            name = first[len("-- actorgraph: "):].strip()
            queries[name] = block.strip().rstrip(";")
    if not queries:
        sys.exit(f"no '-- actorgraph:' queries found in {readme}")
    return queries


def relations_path(export):
    single = export / "relations.parquet"
    return (single, False) if single.exists() else (export / "relations", True)


def bind(query, day, known):
    query = query.replace("$day", f"DATE '{day}'")
    return query.replace("$known", f"DATE '{known}'") if known else query


class DuckDB:
    def __init__(self):
        import duckdb

        self.con = duckdb.connect()

    def load(self, export):
        path, partitioned = relations_path(export)
        if partitioned:
            rel = f"read_parquet('{path}/**/*.parquet', hive_partitioning = true)"
        else:
            rel = f"read_parquet('{path}')"
        self.con.execute(f"CREATE OR REPLACE VIEW relations AS SELECT * FROM {rel}")
        for table in ("citations", "sources", "actors"):
            self.con.execute(
                f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet('{export / (table + '.parquet')}')"
            )

    def ids(self, sql):
        return sorted(row[-1] for row in self.con.execute(sql).fetchall())


class Spark:
    def __init__(self):
        from pyspark.sql import SparkSession

        self.spark = (
            SparkSession.builder.master("local[2]")
            .appName("actorgraph-sql-check")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.memory", "2g")
            .getOrCreate()
        )
        self.spark.sparkContext.setLogLevel("ERROR")

    def load(self, export):
        path, partitioned = relations_path(export)
        reader = self.spark.read
        if partitioned:
            reader = reader.option("basePath", str(path))
        reader.parquet(str(path)).createOrReplaceTempView("relations")
        for table in ("citations", "sources", "actors"):
            self.spark.read.parquet(str(export / (table + ".parquet"))).createOrReplaceTempView(table)

    def ids(self, sql):
        return sorted(row[-1] for row in self.spark.sql(sql).collect())

    def batch(self, query, cases):
        """Every case of one query in one Spark job, which matters when each
        job costs a second: the days become columns of a `params` table
        joined to the relations, and the query's text is otherwise the
        README's. Returns each case's sorted ids."""
        import datetime

        rows = [
            (i, datetime.date.fromisoformat(c["day"]),
             datetime.date.fromisoformat(c["known"]) if c["known"] else None)
            for i, c in enumerate(cases)
        ]
        schema = "case_index INT, day DATE, known DATE"
        self.spark.createDataFrame(rows, schema).createOrReplaceTempView("params")
        sql = query.replace("$day", "p.day").replace("$known", "p.known")
        sql = sql.replace("SELECT ", "SELECT p.case_index, ", 1)
        sql = sql.replace("FROM relations r", "FROM params p CROSS JOIN relations r", 1)
        found = [[] for _ in cases]
        for row in self.spark.sql(sql).collect():
            found[row[0]].append(row[-1])
        return [sorted(ids) for ids in found]


def main():
    engine_name, readme, *pairs = sys.argv[1:]
    queries = readme_queries(readme)
    engine = DuckDB() if engine_name == "duckdb" else Spark()
    failures, asked = [], 0
    for export, answers in zip(pairs[::2], pairs[1::2]):
        engine.load(Path(export))
        cases = json.loads(Path(answers).read_text(encoding="utf-8"))
        if hasattr(engine, "batch") and all("ids" in c for c in cases):
            for name in sorted({c["query"] for c in cases}):
                of_query = [c for c in cases if c["query"] == name]
                for case, got in zip(of_query, engine.batch(queries[name], of_query)):
                    asked += 1
                    if got != case["ids"]:
                        failures.append(
                            f"{export}: {name} day {case['day']} known {case['known']}: "
                            f"{len(got)} rows, library {len(case['ids'])}"
                        )
            continue
        for case in cases:
            query = bind(queries[case["query"]], case["day"], case["known"])
            asked += 1
            if "count" in case:
                # Counted by the engine, as an analyst would over a big export.
                got = engine.ids(f"SELECT count(*) AS n FROM ({query}) AS held")[0]
                if got != case["count"]:
                    failures.append(
                        f"{export}: COUNT of {case['query']} on {case['day']}: {got}, library {case['count']}"
                    )
                continue
            got = engine.ids(query)
            if got != case["ids"]:
                missing = sorted(set(case["ids"]) - set(got))[:5]
                extra = sorted(set(got) - set(case["ids"]))[:5]
                failures.append(
                    f"{export}: {case['query']} day {case['day']} known {case['known']}: "
                    f"{len(got)} rows, library {len(case['ids'])}; missing {missing}, extra {extra}"
                )
    for failure in failures:
        print(failure)
    print(f"{engine_name}: {asked - len(failures)} of {asked} answers agree with the library")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
