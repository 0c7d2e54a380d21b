"""Crash safety of the corpus store.

* ``tidings ingest`` killed with SIGKILL at random moments and run again: after the last run every
  article is stored exactly once and the store passes ``integrity_problems`` (below), which is also
  checked after every kill.  3 kills in the default run, 20 behind ``-m slow``.
* A damaged or foreign file given as ``--db`` is refused with a one-line error, exit code 1, and its
  bytes are never changed.

The model load (about 5 s) dominates each run, so a kill point is a random time after the run
reports its first analysed article (its progress bar, forced on with ``TTY_COMPATIBLE``) - or,
now and then, a random time during start-up.  ``benchmarks/hostile.py`` reuses ``kill_runs``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from tidings.store.identity import article_id_for
from tidings.store.schema import LATEST_VERSION, StoreError, verify_readable

ROOT = Path(__file__).resolve().parents[1]

#: tables with one row per item of a list in the article's analysis JSON
PER_ARTICLE_LISTS = {
    "removed": "$.article.removed",
    "entities": "$.entities",
    "quotes": "$.quotes",
    "events": "$.events",
    "signals": "$.reliability.signals",
}
#: tables whose article_id (or other column) must name a stored article
ARTICLE_REFS = [
    *((t, "article_id") for t in PER_ARTICLE_LISTS),
    ("article_aliases", "article_id"),
    ("doc_fingerprints", "article_id"),
    ("sentence_fingerprints", "article_id"),
    ("copies", "article_id"),
    ("copies", "source_article_id"),
    ("copied_sentences", "article_id"),
    ("copied_sentences", "source_article_id"),
    ("merged_event_mentions", "article_id"),
    ("merged_events", "first_article_id"),
]


# --- the integrity check ------------------------------------------------------------------------


def integrity_problems(db: Path, allow_empty: bool = False) -> list[str]:
    """What is wrong with a store, as sentences; [] for a sound one.  ``allow_empty`` (between
    kills): a database with no tables at all is sound (a run killed after DuckDB made the file,
    before the schema's first transaction committed; the next run creates the schema), and so is
    one whose schema stopped between two migrations with nothing stored.

    1. DuckDB opens it read-only and reads every column of every row and each index (block checksums);
    2. the schema is at the latest version (between kills, a lower version with nothing stored:
       a kill between two migrations' transactions);
    3. articles: article_id, content_hash and seq each unique, article_id derived from content_hash;
    4. no orphan rows: every article reference in every table names a stored article, every merged
       mention names a stored event and merged event, every article's run is logged;
    5. row counts agree across tables: each per-article table has exactly the rows of the matching
       list in the article's stored analysis (idx 0..n-1, once each), one document fingerprint per
       article, and a finished run's n_new equals the articles that carry its run_id.
    """
    out: list[str] = []
    try:
        conn = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        return [f"cannot open: {exc}"]

    def q(sql: str) -> list[tuple]:  # type: ignore[type-arg]
        return conn.execute(sql).fetchall()

    try:
        try:
            verify_readable(conn, db)
        except StoreError as exc:
            return [str(exc)]
        tables = {r[0] for r in q("SELECT table_name FROM information_schema.tables")}
        if allow_empty and not tables:
            return []
        if "schema_version" not in tables:
            return [f"no schema_version table (tables: {sorted(tables)})"]
        version = q("SELECT max(version) FROM schema_version")[0][0]
        if allow_empty and version < LATEST_VERSION:
            # a kill between two migrations: each is its own transaction, whole or absent, and the
            # next run applies the rest before it stores anything, so nothing may be stored yet
            stored = q("SELECT count(*) FROM articles")[0][0] if "articles" in tables else 0
            return [f"schema version {version} with {stored} articles stored"] if stored else []
        if version != LATEST_VERSION:
            out.append(f"schema version {version}, expected {LATEST_VERSION}")
        n, ids, hashes, seqs = q("SELECT count(*), count(DISTINCT article_id), count(DISTINCT content_hash), "
                                 "count(DISTINCT seq) FROM articles")[0]
        for what, distinct in (("article_id", ids), ("content_hash", hashes), ("seq", seqs)):
            if distinct != n:
                out.append(f"articles: {n - distinct} duplicate {what} values")
        bad_ids = [aid for aid, h in q("SELECT article_id, content_hash FROM articles") if aid != article_id_for(h)]
        if bad_ids:
            out.append(f"articles: {len(bad_ids)} article_id not derived from content_hash, e.g. {bad_ids[0]}")
        for table, col in ARTICLE_REFS:
            orphans = q(f'SELECT count(*) FROM "{table}" WHERE "{col}" IS NOT NULL AND "{col}" NOT IN '
                        "(SELECT article_id FROM articles)")[0][0]
            if orphans:
                out.append(f"{table}.{col}: {orphans} rows name no stored article")
        orphans = q("SELECT count(*) FROM merged_event_mentions m ANTI JOIN events e "
                    "ON m.article_id = e.article_id AND m.idx = e.idx")[0][0]
        if orphans:
            out.append(f"merged_event_mentions: {orphans} rows name no stored event")
        orphans = q("SELECT count(*) FROM merged_event_mentions WHERE merged_id NOT IN "
                    "(SELECT merged_id FROM merged_events)")[0][0]
        if orphans:
            out.append(f"merged_event_mentions: {orphans} rows name no merged event")
        orphans = q("SELECT count(*) FROM articles WHERE run_id NOT IN (SELECT run_id FROM runs)")[0][0]
        if orphans:
            out.append(f"articles: {orphans} rows from a run that is not logged")
        for table, path in PER_ARTICLE_LISTS.items():
            bad = q(f"""
                SELECT a.article_id, coalesce(json_array_length(a.analysis, '{path}'), 0) AS want,
                       count(t.idx) AS got, count(DISTINCT t.idx) AS distinct_idx, max(t.idx) AS top
                FROM articles a LEFT JOIN "{table}" t ON t.article_id = a.article_id
                GROUP BY ALL
                HAVING want != got OR got != distinct_idx OR (got > 0 AND top != got - 1)""")
            if bad:
                aid, want, got = bad[0][:3]
                out.append(f"{table}: {len(bad)} articles whose rows disagree with their analysis "
                           f"(e.g. {aid}: {got} rows for {want} items)")
        bad = q("SELECT count(*) FROM articles a LEFT JOIN (SELECT article_id, count(*) AS k FROM doc_fingerprints "
                "GROUP BY ALL) f USING (article_id) WHERE coalesce(f.k, 0) != 1")[0][0]
        if bad:
            out.append(f"doc_fingerprints: {bad} articles without exactly one fingerprint")
        bad = q("SELECT r.run_id, r.n_new, count(a.article_id) FROM runs r LEFT JOIN articles a USING (run_id) "
                "WHERE r.finished_at IS NOT NULL GROUP BY ALL HAVING r.n_new != count(a.article_id)")
        if bad:
            out.append(f"runs: finished run {bad[0][0]} reports {bad[0][1]} new articles, the store holds {bad[0][2]}")
    finally:
        conn.close()
    return out


def stored_ids(db: Path) -> list[str]:
    """The ids stored.  A new store takes its name only once its schema is written
    (``tidings.store.schema._create``), so a file that exists always opens; an empty one left by an
    older tidings has no tables and holds none."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        if not conn.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'articles'").fetchall():
            return []
        return sorted(r[0] for r in conn.execute("SELECT id FROM articles").fetchall())
    finally:
        conn.close()


def table_counts(db: Path) -> dict[str, int]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables  # type: ignore[index]
                if t not in ("runs", "schema_version")}
    finally:
        conn.close()


# --- the corpus and the kill runs ---------------------------------------------------------------


def write_corpus(path: Path, n: int = 40) -> list[str]:
    """``n`` articles recombined from the examples (benchmarks/corpus.py); their ids."""
    spec = importlib.util.spec_from_file_location("tidings_bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    corpus.write_corpus(path, n)
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


_NEW = re.compile(rb"(\d+) new")


class IngestRun:
    """``tidings ingest`` in a child process, its progress bar read from stderr."""

    def __init__(self, corpus: Path, db: Path, batch_size: int) -> None:
        env = {**os.environ, "TTY_COMPATIBLE": "1", "COLUMNS": "200", "PYTHONPATH": str(ROOT / "src")}
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tidings", "ingest", str(corpus), "--db", str(db), "--progress",
             "--batch-size", str(batch_size)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        )
        self.first_new = threading.Event()
        self.first_new_at: float | None = None
        self.tail = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        while chunk := self.proc.stderr.read1(65536):  # type: ignore[attr-defined]
            self.tail = (self.tail + chunk)[-4000:]
            if not self.first_new.is_set() and any(int(m) > 0 for m in _NEW.findall(self.tail)):
                self.first_new_at = time.monotonic()
                self.first_new.set()
        self.first_new.set()

    def wait(self, timeout: float) -> int | None:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> bool:
        """SIGKILL; False when the run had already finished."""
        if self.proc.poll() is not None:
            return False
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._reader.join(5)
        return self.proc.returncode == -signal.SIGKILL

    def message(self) -> str:
        self._reader.join(5)
        return re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", self.tail).decode("utf-8", "replace")[-600:]


@dataclass
class KillStats:
    kills: int = 0  # runs killed with SIGKILL, each followed by an integrity check
    during_startup: int = 0  # of which before the first article was analysed
    finished: int = 0  # runs that ended by themselves (a completed store; the next cycle starts afresh)
    stores: int = 0  # stores completed and checked
    lost: int = 0  # articles of the corpus missing from a completed store
    duplicates: int = 0  # articles stored more than once in a completed store
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _check_complete(db: Path, ids: list[str], stats: KillStats) -> None:
    stored = stored_ids(db)
    stats.stores += 1
    stats.lost += len(set(ids) - set(stored))
    stats.duplicates += len(stored) - len(set(stored))
    stats.problems += [f"{db.name}: {p}" for p in integrity_problems(db)]


def kill_runs(workdir: Path, corpus: Path, ids: list[str], kills: int, seed: int, batch_size: int = 3,
              per_article: float = 0.2) -> KillStats:
    """Ingest ``corpus`` into a store, killing the run ``kills`` times at random moments and starting
    it again each time; a store that completes is checked and the next run starts a fresh one.  The
    last store is completed by a run left alone."""
    rng = random.Random(seed)
    stats = KillStats()
    t0 = time.monotonic()
    cycle = 0
    db = workdir / f"kill-{seed}-{cycle}.duckdb"
    while stats.kills < kills:
        done_before = len(stored_ids(db)) if db.exists() else 0
        run = IngestRun(corpus, db, batch_size)
        if rng.random() < 0.15:  # now and then during start-up: imports, migration, run log, model load
            delay, anchor = rng.uniform(0.0, 4.0), run.started
        else:  # otherwise while analysing and committing, up to the merge at the end
            run.first_new.wait(120)
            anchor = run.first_new_at or time.monotonic()
            delay = rng.uniform(0.0, (len(ids) - done_before) * per_article + 0.5)
        finished = run.wait(max(0.0, anchor + delay - time.monotonic()))
        if finished is None and run.kill():
            stats.kills += 1
            stats.during_startup += run.first_new_at is None or run.first_new_at > anchor + delay
            if db.exists():  # else killed before the store was created: nothing to check
                stats.problems += [f"after kill {stats.kills}: {p}" for p in integrity_problems(db, allow_empty=True)]
            continue
        if run.proc.returncode != 0:
            stats.problems.append(f"run exited {run.proc.returncode}: {run.message()}")
            break
        stats.finished += 1
        _check_complete(db, ids, stats)
        cycle += 1
        db = workdir / f"kill-{seed}-{cycle}.duckdb"
    if db.exists():  # the interrupted store: resume it to the end
        run = IngestRun(corpus, db, batch_size)
        if run.wait(300) != 0:
            stats.problems.append(f"final resume exited {run.proc.returncode}: {run.message()}")
        else:
            stats.finished += 1
            _check_complete(db, ids, stats)
    stats.seconds = time.monotonic() - t0
    return stats


def run_kill_chains(workdir: Path, kills: int, chains: int = 2, n_articles: int = 40, seed: int = 11
                    ) -> tuple[KillStats, list[Path], list[str]]:
    """``kills`` kills spread over ``chains`` stores ingested side by side (one per core)."""
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "corpus.jsonl"
    ids = write_corpus(corpus, n_articles)
    shares = [kills // chains + (i < kills % chains) for i in range(chains)]
    with ThreadPoolExecutor(chains) as pool:
        parts = list(pool.map(lambda i: kill_runs(workdir, corpus, ids, shares[i], seed + i), range(chains)))
    total = KillStats()
    for p in parts:
        for name in ("kills", "during_startup", "finished", "stores", "lost", "duplicates"):
            setattr(total, name, getattr(total, name) + getattr(p, name))
        total.problems += p.problems
        total.seconds = max(total.seconds, p.seconds)
    return total, sorted(workdir.glob("kill-*.duckdb")), ids


def _assert_survived(stats: KillStats, kills: int) -> None:
    assert stats.problems == [], stats.problems
    assert stats.kills == kills
    assert stats.stores >= 1 and stats.lost == 0 and stats.duplicates == 0


def test_ingest_killed_3_times_then_resumed_stores_each_article_once(tmp_path: Path) -> None:
    stats, dbs, ids = run_kill_chains(tmp_path, kills=3, chains=1, n_articles=20)
    _assert_survived(stats, 3)
    for db in dbs:
        assert stored_ids(db) == sorted(ids)


@pytest.mark.slow
def test_ingest_killed_20_times_then_resumed_stores_each_article_once(tmp_path: Path) -> None:
    ref = tmp_path / "reference"
    ref.mkdir()
    ref_ids = write_corpus(ref / "corpus.jsonl")
    stats, dbs, ids = run_kill_chains(tmp_path / "kills", kills=20, chains=2)
    _assert_survived(stats, 20)
    assert ids == ref_ids
    run = IngestRun(ref / "corpus.jsonl", ref / "ref.duckdb", batch_size=64)  # an uninterrupted run
    assert run.wait(300) == 0, run.message()
    want = table_counts(ref / "ref.duckdb")
    for db in dbs:  # the resumed stores hold exactly what one uninterrupted run stores, row for row
        assert table_counts(db) == want, db.name
    assert stats.seconds < 240


# --- damaged and foreign --db files ------------------------------------------------------------


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from tidings.cli import app

    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(ROOT / "examples" / "10-batch.jsonl"), "--db", str(db),
                                   "--no-progress"])
    assert res.exit_code == 0, res.output
    assert integrity_problems(db) == []
    return db


def _data_block_offset(db: Path) -> int:
    """The file offset of a block that holds the articles' text."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        block, size = conn.execute(
            "SELECT max(block_id), any_value(block_size) FROM pragma_storage_info('articles'), "
            "pragma_database_size() WHERE column_name = 'text' AND block_id >= 0").fetchone()  # type: ignore[misc]
    finally:
        conn.close()
    return 3 * 4096 + int(block) * int(size)  # after the file header and the two database headers


def _damaged(kind: str, real: Path, path: Path) -> Path:
    if kind == "directory":
        path.mkdir()
        (path / "inside.txt").write_text("keep me")
        return path
    if kind == "text file":
        path.write_text("my notes, not a database\n" * 50)
    elif kind == "empty file":
        path.write_bytes(b"")
    elif kind == "SQLite database":
        c = sqlite3.connect(path)
        c.execute("CREATE TABLE notes (x TEXT)")
        c.execute("INSERT INTO notes VALUES ('precious')")
        c.commit()
        c.close()
    else:
        shutil.copy(real, path)
        data = bytearray(path.read_bytes())
        if kind == "truncated store (half)":
            data = data[: len(data) // 2]
        elif kind == "truncated store (headers only)":
            data = data[:12288]
        elif kind == "store with flipped bytes in a header":
            for i in range(4196, 4260):
                data[i] ^= 0xFF
        elif kind == "store with flipped bytes in article text":
            at = _data_block_offset(real) + 200
            for i in range(at, at + 64):
                data[i] ^= 0xFF
        path.write_bytes(bytes(data))
    return path


def _snapshot(path: Path) -> object:
    if path.is_dir():
        return sorted((p.name, p.read_bytes()) for p in path.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_size, path.stat().st_mtime_ns


DAMAGED = ["truncated store (half)", "truncated store (headers only)", "store with flipped bytes in a header",
           "store with flipped bytes in article text", "text file", "empty file", "SQLite database", "directory"]


@pytest.mark.parametrize("kind", DAMAGED)
def test_damaged_or_foreign_db_is_refused_in_one_line_and_left_untouched(real_store: Path, tmp_path: Path,
                                                                          kind: str) -> None:
    bad = _damaged(kind, real_store, tmp_path / "store.duckdb")
    before = _snapshot(bad)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100000"}
    proc = subprocess.run([sys.executable, "-m", "tidings", "ingest", str(ROOT / "examples" / "10-batch.jsonl"),
                           "--db", str(bad), "--no-progress"], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert str(bad.name) in lines[0] and "Traceback" not in proc.stderr
    if kind.startswith(("truncated", "store with")):
        assert "untouched" in lines[0]
    assert _snapshot(bad) == before
    assert not Path(str(bad) + ".wal").exists()


def test_store_killed_while_its_schema_was_made_opens_and_is_completed(tmp_path: Path) -> None:
    """A kill between DuckDB creating the file and the first migration committing leaves an empty
    database; the next run must take it as new, and the migration leaves no half-made schema behind."""
    from tidings.store.schema import connect

    db = tmp_path / "killed.duckdb"
    duckdb.connect(str(db)).close()  # the file DuckDB makes before any schema statement runs
    assert integrity_problems(db, allow_empty=True) == []
    assert integrity_problems(db) != []  # an empty file is not a finished store
    conn = connect(db)
    conn.close()
    conn = duckdb.connect(str(db), read_only=True)
    try:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (LATEST_VERSION,)
    finally:
        conn.close()


def test_first_migration_failing_leaves_no_schema_version_table(tmp_path: Path, monkeypatch) -> None:
    from tidings.store import schema

    db = tmp_path / "failed.duckdb"
    broken = [(schema.MIGRATIONS[0][0], schema.MIGRATIONS[0][1], ["CREATE TABLE t (x INTEGER)", "SELECT nope"])]
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises(duckdb.Error):
        schema.connect(db)
    # a new store takes its name only once its schema is written: nothing is left, not even the
    # hidden file it was being built in
    assert sorted(p.name for p in tmp_path.iterdir()) == []
