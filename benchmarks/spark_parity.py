"""Table-by-table comparison of the Spark job's Parquet output with a `tidings ingest` store.

    .venv/bin/python benchmarks/spark_parity.py [--n 2000] [--corpus news|recombined] [--keep DIR] [--workers 2]

Writes the benchmark corpus (``corpus.py``), ingests it into a fresh DuckDB store with the CLI
(``--workers`` processes, 2 by default), runs ``python -m tidings.spark`` on it in local[2], and
compares every table the job writes: the
same number of rows and the same rows, every column but run ids, times and the ``analysis`` JSON
(whose content is compared through the score, signals and provenance tables).  Prints one line per
table and exits 1 when any table differs.  The two wall clocks and their ratio are printed too
(the issue's bound: local[2] at most 1.25 times ``ingest --workers 2``).  ``compare(store,
parquet_dir)`` is usable on its own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus, write_news_corpus  # noqa: E402

#: columns that differ between any two runs, or name where a run read from (file: URLs on Spark)
SKIPPED = {"run_id", "ingested_at", "failed_at", "started_at", "finished_at", "first_added", "analysis", "input",
           "inputs", "tidings_version"}


def compare(conn: duckdb.DuckDBPyConnection, out: Path) -> dict[str, tuple[int, int, int]]:
    """Table -> (rows in the store, rows in the Parquet output, rows in only one of them)."""
    from tidings.spark.load import TABLES

    result: dict[str, tuple[int, int, int]] = {}
    for table in TABLES:
        cols = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall() if r[0] not in SKIPPED]
        sel = ", ".join(f'"{c}"' for c in cols)
        parquet = f"read_parquet('{out / table}/*.parquet')"
        (local,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone() or (0,)
        (spark,) = conn.execute(f"SELECT count(*) FROM {parquet}").fetchone() or (0,)
        (differ,) = conn.execute(
            f"SELECT count(*) FROM ((SELECT {sel} FROM {table} EXCEPT ALL SELECT {sel} FROM {parquet}) "
            f"UNION ALL (SELECT {sel} FROM {parquet} EXCEPT ALL SELECT {sel} FROM {table}))").fetchone() or (0,)
        result[table] = (int(local), int(spark), int(differ))
    return result


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if res.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr[-3000:]}")
    return time.perf_counter() - t0, res.stderr.strip().splitlines()[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", choices=["news", "recombined"], default="news")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep the store and Parquet")
    ap.add_argument("--workers", type=int, default=2, help="processes of tidings ingest (default 2)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tidings-parity-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus = (write_news_corpus if args.corpus == "news" else write_corpus)(work / "corpus.jsonl", args.n)
        db, out = work / "local.duckdb", work / "spark-out"
        for f in work.glob("local.duckdb*"):
            f.unlink()
        local_wall, line = _run([sys.executable, "-m", "tidings", "ingest", str(corpus), "--db", str(db),
                                 "--no-progress", "--workers", str(args.workers)])
        print(f"tidings ingest --workers {args.workers}: {local_wall:.1f} s wall; {line}")
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
        wall, line = _run([sys.executable, "-m", "tidings.spark", str(corpus), str(out), "--master", "local[2]",
                           "--shuffle-partitions", "8"], env)
        print(f"spark local[2]: {wall:.1f} s wall; {line}")
        print(f"spark local[2] / ingest --workers {args.workers}: {wall / local_wall:.2f}x wall clock")
        conn = duckdb.connect(str(db), read_only=True)
        try:
            result = compare(conn, out)
        finally:
            conn.close()
    print(f"{'table':24s} {'ingest':>10s} {'spark':>10s} {'differ':>8s}")
    for table, (local, spark, differ) in result.items():
        print(f"{table:24s} {local:10d} {spark:10d} {differ:8d}")
    bad = [t for t, (lo, sp, d) in result.items() if lo != sp or d]
    print("every table equal" if not bad else f"tables that differ: {', '.join(bad)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
