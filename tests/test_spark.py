"""The Spark job (``tidings.spark``) in local mode against the local store on the same articles.

One SparkSession and one job run for the module: the examples plus a few copies of them (an exact
duplicate, a near-duplicate, an article made of copied paragraphs, an edited copy that gives a
general's quote to a governor), so duplicate pairs, copied sentences and a speaker conflict are
there to compare.  Skipped with a reason when PySpark or Java is missing.
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
    "quotations": "quotation_id, text, n_words, n_forms, n_mentions, n_articles, n_sources, first_article_id, "
                  "first_idx, first_published, first_source, first_url, last_published, speaker_name, speaker_actor, "
                  "n_speakers, speakers, outlets, speaker_conflict",
    "quotation_mentions": 'quotation_id, article_id, idx, "match", speaker, party, conflict',
    "spun_from": "article_id, source_article_id, share, n_sentences, substitutions, sentences",
    "stitched_from": 'article_id, paragraph, start, "end", source_article_id',
}


def _examples() -> list[Any]:
    return [it for it in read_inputs([str(EXAMPLES)]) if not isinstance(it, Failure)]


#: the spun copy's word swaps (a content farm's synonyms)
SPIN = {"police": "officers", "thousands": "many", "demonstrators": "protesters", "fired": "shot",
        "said": "stated", "city": "capital", "government": "administration", "march": "rally",
        "Monday": "Tuesday", "people": "citizens", "workers": "employees"}


#: the speaker of a quote in the North Kivu example, whom the misattributed copy replaces
GENERAL = "General Alphonse Mwamba"


def _spin(text: str) -> str:
    return " ".join(SPIN.get(w, w) for w in text.split(" "))


def _edit(text: str) -> str:
    out = []
    for par in text.split("\n\n"):
        head, dot, rest = par.partition(". ")
        ws = head.split(" ")
        out.append(" ".join("reportedly" if i == len(ws) // 2 else w for i, w in enumerate(ws)) + dot + rest)
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples, then copies of them: exact, near-duplicate, stitched from two articles, spun,
    edited, and edited with a quote given to another speaker."""
    root = tmp_path_factory.mktemp("spark-corpus")
    for f in sorted(EXAMPLES.iterdir()):
        if f.is_file() and f.name.lower() != "readme.md":
            shutil.copy(f, root / f.name)
    arts = {a.id: a for a in _examples()}
    a, b, c = arts["01-ministers-meet-jakarta"], arts["02-summit-sanctions-abuja"], arts["03-offensive-north-kivu"]
    d, e = arts["05-protest-bogota"], arts["07-election-complaint-mongolia"]
    b_pars = b.text.split("\n\n")
    c_pars, a_pars = c.text.split("\n\n"), a.text.split("\n\n")
    records = [
        {"id": "copy-exact", "text": a.text, "published": a.published, "url": "https://mirror.example/exact"},
        {"id": "copy-near", "text": "\n\n".join(b_pars[:-1]), "published": b.published, "source": "Copy Desk"},
        {"id": "copy-stitched", "text": "\n\n".join(c_pars[:2] + a_pars[1:3]), "published": c.published},
        {"id": "copy-exact", "text": a.text, "url": "https://mirror.example/exact"},
        # spun: the same story with words swapped for synonyms, so sentences are near, not equal
        {"id": "copy-spun", "text": _spin(d.text), "published": d.published, "source": "Spin Desk"},
        # edited: a word in the middle of each paragraph's first sentence changed, the rest kept
        {"id": "copy-edited", "text": _edit(e.text), "published": e.published},
        # misattributed: an edited copy (provenance re-scores it) that gives the general's quote to a
        # governor (the speaker conflict re-scores it again, and the original)
        {"id": "copy-misattributed", "text": _edit(c.text).replace(GENERAL, "Governor Jean Ilunga"),
         "published": c.published, "source": "Rewrite Desk"},
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
    assert report.new == len(_examples()) + 5 and report.duplicate == 2 and report.failed == 0
    assert report.provenance >= 2
    assert list(report.phases) == ["read and analyse", "copies", "merged events", "provenance", "quotations",
                                   "last writes"]
    quotations = local_db.execute("SELECT count(*) FROM quotations").fetchone()
    conflicted = local_db.execute("SELECT count(DISTINCT article_id) FROM signals WHERE name = 'speaker_conflict'"
                                  ).fetchone()
    assert (report.quotations, report.speaker_conflicts) == (quotations[0], conflicted[0])  # type: ignore[index]
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
    # the planted copies: the spun and edited ones copy sentences that are near, not equal
    assert count("SELECT count(DISTINCT article_id) FROM copied_sentences WHERE similarity < 1 AND article_id IN "
                 "(SELECT article_id FROM articles WHERE id IN ('copy-spun', 'copy-edited'))") == 2
    assert count("SELECT count(*) FROM copies WHERE near_duplicate AND article_id IN "
                 "(SELECT article_id FROM articles WHERE id = 'copy-edited')") == 1
    # quotations: quotes repeated across articles, and the general's quote given to two speakers
    assert count("SELECT count(*) FROM quotations WHERE n_articles > 1") >= 3
    assert count("SELECT count(*) FROM quotations WHERE speaker_conflict AND n_articles > 1 AND n_speakers = 2") == 1
    assert count("SELECT count(*) FROM quotations WHERE speaker_conflict AND speakers LIKE '%Alphonse Mwamba%' "
                 "AND speakers LIKE '%Jean Ilunga%'") == 1
    # the misattributed copy is re-scored twice: for its provenance and for the speaker conflict
    assert count("SELECT count(DISTINCT name) FROM signals WHERE name IN ('spun_copy', 'speaker_conflict') AND "
                 "article_id IN (SELECT article_id FROM articles WHERE id = 'copy-misattributed')") == 2


def test_speaker_conflicts_rescore_as_the_local_store_does(
    output: tuple[Path, Any], local_db: duckdb.DuckDBPyConnection
) -> None:
    """The articles in a speaker conflict carry the same signal (message and evidence included) and
    the same reliability in their ``analysis`` on both paths: the conflict re-scores an article
    after its provenance did, from the score provenance gave it, in both."""
    out, _ = output
    sig = ("SELECT a.id, s.idx, s.severity, s.message, s.evidence, s.spans, s.weight FROM {signals} s "
           "JOIN {articles} a USING (article_id) WHERE s.name = 'speaker_conflict'")
    rel = ("SELECT id, reliability_score, analysis::JSON->'reliability' FROM {articles} WHERE article_id IN "
           "(SELECT article_id FROM {signals} WHERE name = 'speaker_conflict')")
    found: dict[str, Any] = {}
    for name, source in (("local", lambda t: t), ("spark", lambda t: _parquet(out, t))):
        tables = {"signals": source("signals"), "articles": source("articles")}
        found[name] = (sorted(local_db.execute(sig.format(**tables)).fetchall(), key=repr),
                       sorted(local_db.execute(rel.format(**tables)).fetchall(), key=repr))
    assert found["spark"] == found["local"]
    signals, reliability = found["local"]
    assert {r[0] for r in signals} >= {"03-offensive-north-kivu", "copy-misattributed"}
    for aid, score, doc in reliability:
        names = [s["name"] for s in json.loads(doc)["signals"]]
        assert json.loads(doc)["score"] == score and "speaker_conflict" in names, aid
        if aid == "copy-misattributed":
            assert "spun_copy" in names  # provenance's re-scoring is kept under the conflict's
    weights = {aid: w for aid, _, _, _, _, _, w in signals}
    assert all(w > 0 for w in weights.values())


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
                      "stitched_from", "quotations", "quotation_mentions"):
            assert _rows(conn, table, table) == _rows(local_db, table, table)
        # loading again adds nothing: the articles are known by their content hash
        res = runner.invoke(app, ["ingest", "--parquet", str(out), "--db", str(db)])
        assert res.exit_code == 0, res.output
        assert f"0 new, {len(_examples()) + 5} already stored" in res.output
    finally:
        conn.close()
    conn = connect(db)
    try:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()
        assert n == (len(_examples()) + 5,)
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


def _store_index_candidates(conn: duckdb.DuckDBPyConnection) -> tuple[set[tuple[str, str]], set[tuple[str, str, int, int]]]:
    """What the store's own datasketch indexes propose when the articles arrive in ``seq`` order:
    (later, earlier) article pairs, and (later, earlier, sentence, earlier's sentence) pairs."""
    from tidings.store.dedup import DOC_PERM, SENT_PERM, _Stored, new_index

    docs, sents = new_index(DOC_PERM), new_index(SENT_PERM)
    doc_pairs: set[tuple[str, str]] = set()
    sent_pairs: set[tuple[str, str, int, int]] = set()
    for aid, blob in conn.execute("SELECT f.article_id, f.minhash FROM doc_fingerprints f "
                                  "JOIN articles USING (article_id) ORDER BY seq").fetchall():
        doc_pairs |= {(aid, c) for c in docs.query(_Stored(blob))}  # type: ignore[arg-type]
        docs.insert(aid, _Stored(blob), check_duplication=False)  # type: ignore[arg-type]
        mine = conn.execute("SELECT sentence, minhash FROM sentence_fingerprints WHERE article_id = ? "
                            "ORDER BY sentence", [aid]).fetchall()
        for idx, sblob in mine:
            sent_pairs |= {(aid, c, idx, ci) for c, ci in sents.query(_Stored(sblob))}  # type: ignore[arg-type]
        for idx, sblob in mine:
            sents.insert((aid, idx), _Stored(sblob), check_duplication=False)  # type: ignore[arg-type]
    return doc_pairs, sent_pairs


def test_spark_proposes_exactly_the_candidates_of_the_store_index(
    spark: Any, local_db: duckdb.DuckDBPyConnection
) -> None:
    """The banded join in Spark SQL and the store's datasketch indexes propose the same article
    pairs and the same sentence pairs, on the stored signatures of the corpus with copies."""
    from pyspark.sql import functions as F

    from tidings.spark.corpus import candidate_pairs

    doc_pairs, sent_pairs = _store_index_candidates(local_db)
    seq = "(SELECT article_id, seq FROM articles)"
    docs = spark.createDataFrame(local_db.execute(
        f"SELECT article_id, seq, minhash AS sig FROM doc_fingerprints JOIN {seq} USING (article_id)").fetchall(),
        "article_id string, seq long, sig binary")
    sents = spark.createDataFrame(local_db.execute(
        f"SELECT article_id, seq, sentence, minhash AS sig FROM sentence_fingerprints JOIN {seq} USING (article_id)"
    ).fetchall(), "article_id string, seq long, sentence int, sig binary")
    got = candidate_pairs(docs, sents).select("new_id", "cand_id", F.explode_outer("sent_pairs").alias("p")).collect()
    spark_pairs = {(r.new_id, r.cand_id) for r in got}
    spark_sents = {(r.new_id, r.cand_id, r.p.n, r.p.c) for r in got if r.p is not None}
    assert spark_sents == sent_pairs
    assert spark_pairs == doc_pairs | {(a, c) for a, c, _, _ in sent_pairs}
    # not vacuous: the whole-article index proposes the near copies, the sentence index proposes
    # sentences that are near, not equal; and far from every pair of the corpus
    n = int(local_db.execute("SELECT count(*) FROM doc_fingerprints").fetchone()[0])  # type: ignore[index]
    assert len(doc_pairs) >= 3
    sig = dict(((a, i), m) for a, i, m in local_db.execute(
        "SELECT article_id, sentence, minhash FROM sentence_fingerprints").fetchall())
    assert any(sig[(a, i)] != sig[(c, j)] for a, c, i, j in sent_pairs)
    assert 0 < len(spark_pairs) < n * (n - 1) // 4


def test_store_indexes_band_as_band_ranges_says() -> None:
    """The bands Spark cuts (``band_ranges``) are the store index's own: datasketch's choice for
    the threshold, each band the index's slice of values."""
    import numpy as np
    from datasketch.lsh import MinHashLSH

    from tidings.store import provenance
    from tidings.store.dedup import (
        DOC_PERM, LSH_THRESHOLD, SENT_PERM, Deduper, band_keys, band_ranges, lsh_params,
    )

    d = Deduper()
    for lsh, perm in ((d.doc_lsh, DOC_PERM), (d.sent_lsh, SENT_PERM)):
        reference = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=perm)
        assert (lsh.b, lsh.r) == (reference.b, reference.r)
        assert [(s * 4, e * 4) for s, e in lsh.hashranges] == band_ranges(perm)
        values = np.arange(perm, dtype=np.uint32) * 7
        assert (lsh.b, lsh.r) == lsh_params(perm)
        keys = band_keys(values.tobytes(), perm)
        assert [k for _, k in keys] == [values[s:e].tobytes() for s, e in lsh.hashranges]
    # the provenance index's bands, computed once, are datasketch's for its own threshold too
    reference = MinHashLSH(threshold=provenance.LSH_THRESHOLD, num_perm=provenance.NUM_PERM)
    assert list(provenance._band_ranges()) == list(reference.hashranges)
