"""The Spark job (``tidings.spark``) in local mode against the local store on the same articles.

One SparkSession and one job run for the module: the examples plus a few copies of them (an exact
duplicate, a near-duplicate, an article made of copied paragraphs), so duplicate pairs and copied
sentences are there to compare.  Skipped with a reason when PySpark or Java is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.ingest.sources import Failure, read_inputs
from tidings.store import connect, ingest, read_sources

from .conftest import EXAMPLES

pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark)")
if not (shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java").exists())):
    pytest.skip("no Java runtime (Spark needs Java 17 or 21: apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)

runner = CliRunner()

#: columns compared between the local store and the Spark output, per table (run ids and times differ)
COMPARED = {
    "articles": 'article_id, seq, id, title, authors, published, url, canonical_url, source, text, content_hash, '
                'reliability_score',
    "removed": "article_id, idx, text, reason, note",
    "entities": 'article_id, idx, text, label, start, "end", actor',
    "quotes": 'article_id, idx, text, start, "end", kind, cue, speaker_text, speaker_name, speaker_actor, confidence, '
              'spans',
    "events": 'article_id, idx, code, root, quad_class, goldstein, source_actor, source_name, target_actor, '
              'target_name, sentence, negated, confidence, start, "end", location_text, location_start, location_end, '
              'location_name, location_country, location_admin1, location_lat, location_lon, location_geonames_id, '
              'location_feature, location_via, location_confidence',
    "places": 'article_id, idx, text, start, "end", name, country, admin1, lat, lon, geonames_id, feature, confidence, '
              'actor, kind',
    "signals": "article_id, idx, name, severity, weight",
    "article_aliases": "article_id, id, url, canonical_url, content_hash, reason",
    "doc_fingerprints": "article_id, minhash",
    "sentence_fingerprints": 'article_id, sentence, start, "end", minhash',
    "copies": "article_id, source_article_id, similarity, share, n_sentences, near_duplicate",
    "copied_sentences": 'article_id, sentence, start, "end", source_article_id, source_sentence, similarity',
    "merged_events": "merged_id, code, root, source_actor, target_actor, date, last_date, n_mentions, n_articles, "
                     "n_sources, n_copies, first_article_id, first_source, is_root, confidence, location_name, "
                     "location_country, location_admin1, location_lat, location_lon, location_geonames_id",
    "merged_event_mentions": "merged_id, article_id, idx, counted",
    "spun_from": "article_id, source_article_id, share, n_sentences, substitutions, sentences",
    "stitched_from": 'article_id, paragraph, start, "end", source_article_id',
}


def _examples() -> list[Any]:
    return [it for it in read_inputs([str(EXAMPLES)]) if not isinstance(it, Failure)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples, then copies of them: exact, near-duplicate, and stitched from two articles."""
    root = tmp_path_factory.mktemp("spark-corpus")
    for f in sorted(EXAMPLES.iterdir()):
        if f.is_file() and f.name.lower() != "readme.md":
            shutil.copy(f, root / f.name)
    arts = _examples()
    a, b, c = arts[0], arts[1], arts[2]
    b_pars = b.text.split("\n\n")
    c_pars, a_pars = c.text.split("\n\n"), a.text.split("\n\n")
    records = [
        {"id": "copy-exact", "text": a.text, "published": a.published, "url": "https://mirror.example/exact"},
        {"id": "copy-near", "text": "\n\n".join(b_pars[:-1]), "published": b.published, "source": "Copy Desk"},
        {"id": "copy-stitched", "text": "\n\n".join(c_pars[:2] + a_pars[1:3]), "published": c.published},
        {"id": "copy-exact", "text": a.text, "url": "https://mirror.example/exact"},
    ]
    with (root / "zz-copies.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return root


@pytest.fixture(scope="module")
def local_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    from tidings.pipeline import Analyzer

    conn = connect(tmp_path_factory.mktemp("spark-local") / "local.duckdb")
    ingest(conn, read_sources([str(corpus)]), Analyzer, inputs=[str(corpus)])
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from tidings.spark.job import session

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = session("local[2]", shuffle_partitions=4)
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def output(spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from tidings.spark.job import run

    out = tmp_path_factory.mktemp("spark-out")
    report = run(spark, str(corpus), str(out), partitions=4)
    return out, report


def _rows(conn: duckdb.DuckDBPyConnection, table: str, source: str) -> list[tuple[Any, ...]]:
    return sorted(conn.execute(f"SELECT {COMPARED[table]} FROM {source}").fetchall(), key=repr)


def _parquet(out: Path, table: str) -> str:
    return f"read_parquet('{out / table}/*.parquet')"


def test_report_counts_match_the_local_ingest(output: tuple[Path, Any], local_db: duckdb.DuckDBPyConnection) -> None:
    _, report = output
    run = local_db.execute("SELECT n_new, n_duplicate, n_failed FROM runs").fetchone()
    assert (report.new, report.duplicate, report.failed) == run
    assert report.new == len(_examples()) + 2 and report.duplicate == 2 and report.failed == 0
    assert report.provenance >= 2
    assert list(report.phases) == ["read and analyse", "corpus stages", "last writes"]
    assert all(s >= 0 for s in report.phases.values())
    assert abs(sum(report.phases.values()) - report.seconds) < 1.0


@pytest.mark.parametrize("table", sorted(COMPARED))
def test_table_rows_identical_to_the_local_store(
    output: tuple[Path, Any], local_db: duckdb.DuckDBPyConnection, table: str
) -> None:
    out, _ = output
    local, spark = _rows(local_db, table, table), _rows(local_db, table, _parquet(out, table))
    assert len(spark) == len(local)
    columns = [c.strip().strip('"') for c in COMPARED[table].split(",")]
    for s_row, l_row in zip(spark, local):
        differ = {c: (s, l) for c, s, l in zip(columns, s_row, l_row) if s != l}
        assert not differ, f"{table} row {l_row[:2]}: (spark, local) differ in {differ}"


def test_the_corpus_has_what_the_comparison_needs(local_db: duckdb.DuckDBPyConnection) -> None:
    """Guards the comparison above against comparing empty tables."""
    def count(sql: str) -> int:
        row = local_db.execute(sql).fetchone()
        return int(row[0]) if row else 0

    assert count("SELECT count(*) FROM events") > 20
    assert count("SELECT count(*) FROM entities") > 100
    assert count("SELECT count(*) FROM copies WHERE near_duplicate") >= 1
    assert count("SELECT count(*) FROM copied_sentences") >= 4
    assert count("SELECT count(*) FROM article_aliases") == 1  # the second exact copy brings nothing new
    assert count("SELECT count(*) FROM merged_events WHERE n_copies > 1") >= 1
    # places: the examples name places, and most of their events have a location (merged too)
    assert count("SELECT count(*) FROM places WHERE geonames_id IS NOT NULL") > 50
    assert count("SELECT count(*) FROM events WHERE location_lat IS NOT NULL") > 20
    assert count("SELECT count(*) FROM merged_events WHERE location_lat IS NOT NULL AND n_copies > 1") >= 1
    # provenance: the farm example is spun from one example and stitched from two; the stitched
    # copy takes paragraphs from two examples
    assert count("SELECT count(*) FROM spun_from") >= 1
    assert count("SELECT count(DISTINCT article_id) FROM stitched_from") >= 2
    assert count("SELECT count(*) FROM signals WHERE name IN ('spun_copy', 'stitched_from')") >= 3


def test_parquet_columns_are_the_store_schema(output: tuple[Path, Any], local_db: duckdb.DuckDBPyConnection) -> None:
    out, _ = output
    from tidings.spark.load import TABLES

    for table in TABLES:
        store = local_db.execute(f"DESCRIBE {table}").fetchall()
        written = local_db.execute(f"DESCRIBE SELECT * FROM {_parquet(out, table)}").fetchall()
        # Parquet has no DuckDB JSON type: the analysis column is text, JSON again once loaded
        assert [(r[0], r[1]) for r in written] == [(r[0], "VARCHAR" if r[1] == "JSON" else r[1]) for r in store], table


def test_ingest_parquet_loads_the_output_for_the_web_ui(
    output: tuple[Path, Any], local_db: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    out, _ = output
    db = tmp_path / "from-spark.duckdb"
    res = runner.invoke(app, ["ingest", "--parquet", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    conn = connect(db)
    try:
        for table in ("articles", "events", "places", "signals", "copies", "merged_events", "spun_from",
                      "stitched_from"):
            assert _rows(conn, table, table) == _rows(local_db, table, table)
        # loading again adds nothing: the articles are known by their content hash
        res = runner.invoke(app, ["ingest", "--parquet", str(out), "--db", str(db)])
        assert res.exit_code == 0, res.output
        assert f"0 new, {len(_examples()) + 2} already stored" in res.output
    finally:
        conn.close()
    conn = connect(db)
    try:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()
        assert n == (len(_examples()) + 2,)
    finally:
        conn.close()


def test_ingest_parquet_usage_errors(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest", "--parquet", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 2
    res = runner.invoke(app, ["ingest", str(EXAMPLES), "--parquet", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 2
    res = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 2


def test_missing_input_is_an_error(spark: Any, tmp_path: Path) -> None:
    from tidings.errors import TidingsError
    from tidings.spark.job import run

    with pytest.raises(TidingsError, match="no such file"):
        run(spark, str(tmp_path / "absent"), str(tmp_path / "out"))


def test_near_duplicate_groups_same_on_driver_and_by_spark_joins(spark: Any, output: tuple[Path, Any]) -> None:
    from tidings.spark import corpus

    out, _ = output
    copies = spark.read.parquet(str(out / "copies"))
    seqs = spark.read.parquet(str(out / "articles")).select("article_id", "seq")
    on_driver = sorted(tuple(r) for r in corpus.clusters(spark, copies, seqs).collect())
    by_joins = sorted(tuple(r) for r in corpus.clusters(spark, copies, seqs, driver_edges=0).collect())
    assert on_driver == by_joins
    assert any(a != root for a, root in on_driver)  # the near copy points at its original


def test_bad_records_are_failures_and_lose_nothing_else(spark: Any, tmp_path: Path) -> None:
    """Unreadable lines and empty articles become ``failures`` rows, counted as the local ingest
    counts them, while the good records beside them are analysed as usual."""
    from tidings.spark.job import run

    a, b = _examples()[:2]
    lines = [
        json.dumps({"id": "good-1", "text": a.text, "published": a.published}),
        "{this is not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "good-2", "text": b.text}),
        json.dumps(["not", "an", "object"]),
    ]
    src = tmp_path / "in"
    src.mkdir()
    (src / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    conn = connect(tmp_path / "local.duckdb")
    try:
        from tidings.pipeline import Analyzer

        ingest(conn, read_sources([str(src)]), Analyzer, inputs=[str(src)])
        local_run = conn.execute("SELECT n_new, n_duplicate, n_failed FROM runs").fetchone()
        local_failed = sorted(conn.execute("SELECT id, error FROM failures").fetchall(), key=repr)
    finally:
        conn.close()
    report = run(spark, str(src), str(tmp_path / "out"), partitions=2)
    assert local_run is not None and local_run[2] >= 2  # the comparison below has failures to compare
    assert (report.new, report.duplicate, report.failed) == local_run
    assert report.new == 2
    view = duckdb.connect()
    try:
        written = sorted(view.execute(f"SELECT id, error FROM {_parquet(tmp_path / 'out', 'failures')}").fetchall(),
                         key=repr)
        runs = view.execute(f"SELECT n_new, n_duplicate, n_failed FROM {_parquet(tmp_path / 'out', 'runs')}").fetchall()
        ids = sorted(r[0] for r in view.execute(f"SELECT id FROM {_parquet(tmp_path / 'out', 'articles')}").fetchall())
    finally:
        view.close()
    assert len(written) == report.failed
    assert [r[0] for r in written] == [r[0] for r in local_failed]
    assert runs == [local_run]
    assert ids == ["good-1", "good-2"]
