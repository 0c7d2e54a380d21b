"""``tidings ingest --parquet DIR``: the Parquet tables of a Spark run into a DuckDB corpus store.

Needs DuckDB only, not PySpark.  Into an empty store every table is loaded as written, merged
events and quotations included.  Into a store that already holds articles, the articles it holds
are skipped, the new ones are numbered after the stored ones, and the merged events and the
quotations (with every article's ``speaker_conflict``) are rebuilt over the whole store; copies
between the stored articles and the new ones are not looked for (run the Spark job over all the
inputs, or ``tidings ingest`` them, for that).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from tidings.errors import TidingsError

#: the tables the Spark job writes, in loading order
TABLES = (
    "runs", "articles", "article_aliases", "removed", "entities", "quotes", "events", "places", "signals", "spun_from",
    "stitched_from", "failures",
    "doc_fingerprints", "sentence_fingerprints", "copies", "copied_sentences", "merged_events",
    "merged_event_mentions", "quotations", "quotation_mentions",
)
#: corpus-wide tables: loaded into an empty store as written, rebuilt over a store with articles
_REBUILT = ("merged_events", "merged_event_mentions", "quotations", "quotation_mentions")
_PER_NEW_ARTICLE = ("removed", "entities", "quotes", "events", "places", "signals", "spun_from", "stitched_from",
                    "doc_fingerprints",
                    "sentence_fingerprints", "copies", "copied_sentences")


@dataclass
class LoadReport:
    articles: int = 0
    skipped: int = 0
    merged_events: int = 0
    quotations: int = 0


def _files(folder: Path, table: str) -> str | None:
    d = folder / table
    if not d.is_dir() or not any(d.glob("*.parquet")):
        return None
    return str(d / "*.parquet")


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> str:
    cols = [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()]
    return ", ".join(f'"{c}"' for c in cols)


def load_parquet(conn: duckdb.DuckDBPyConnection, folder: str | Path) -> LoadReport:
    """Load ``folder/<table>/*.parquet`` into the store in one transaction (merged events and
    quotations after)."""
    from tidings.store import merge, quotation_merge

    root = Path(folder)
    if _files(root, "articles") is None:
        raise TidingsError(f"{root} holds no articles/*.parquet: give the OUTPUT folder of `tidings spark`")
    report = LoadReport()
    row = conn.execute("SELECT count(*), coalesce(max(seq), 0) FROM articles").fetchone()
    stored, last_seq = (int(row[0]), int(row[1])) if row else (0, 0)
    conn.execute("BEGIN TRANSACTION")
    try:
        src = {t: _files(root, t) for t in TABLES}
        conn.execute(f"CREATE TEMP TABLE _new_articles AS SELECT article_id FROM read_parquet('{src['articles']}') "
                     "WHERE article_id NOT IN (SELECT article_id FROM articles)")
        for table in (*(t for t in TABLES if t != "runs"), "runs"):  # runs last: the others look it up
            if src[table] is None:
                continue
            cols = _columns(conn, table)
            read = f"read_parquet('{src[table]}')"
            if table in _REBUILT and stored:
                continue  # rebuilt below, over the whole store
            if table == "articles":
                select = cols.replace('"seq"', f'"seq" + {last_seq} AS "seq"')
                where = "WHERE article_id IN (SELECT article_id FROM _new_articles)"
            elif table in _PER_NEW_ARTICLE:
                select, where = cols, "WHERE article_id IN (SELECT article_id FROM _new_articles)"
            elif table in ("runs", "failures", "article_aliases"):  # once per Spark run
                select, where = cols, "WHERE run_id NOT IN (SELECT run_id FROM runs)"
            else:  # merged events and quotations into an empty store
                select, where = cols, ""
            conn.execute(f'INSERT INTO "{table}" ({cols}) SELECT {select} FROM {read} {where}')
        n = conn.execute("SELECT count(*) FROM _new_articles").fetchone()
        report.articles = int(n[0]) if n else 0
        total = conn.execute(f"SELECT count(*) FROM read_parquet('{src['articles']}')").fetchone()
        report.skipped = (int(total[0]) if total else 0) - report.articles
        conn.execute("DROP TABLE _new_articles")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if stored:
        report.merged_events = merge.rebuild(conn)
    else:
        m = conn.execute("SELECT count(*) FROM merged_events").fetchone()
        report.merged_events = int(m[0]) if m else 0
    # loaded as written into an empty store, this finds them up to date and writes nothing
    report.quotations = quotation_merge.rebuild(conn)
    return report
