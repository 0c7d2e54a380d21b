"""Seconds per 1,000 articles of each stage at 1k, 4k and 16k articles: Spark local mode and the store.

    .venv/bin/python benchmarks/spark.py --scale [--base 1000] [--points 1,4,16] [--master 'local[2]']

The corpus stages (copies, near-duplicate groups and merged events, provenance, quotations) are what this
measures; analysing 16,000 articles would take hours on two cores, so every article is analysed
once and its analysis replayed:

* the base corpus is ``corpus.make_news_corpus(base)`` (real articles and later copies of them);
  its articles are analysed once with ``tidings.pipeline.Analyzer`` (two processes) and the
  analyses pickled (kept in the temp folder, keyed by the corpus and the code version);
* the corpus of k x base articles is k variants of the base corpus.  Variant 0 is the base corpus;
  variant v > 0 writes every word of every text but the function words (``provenance.STOP``)
  through its own letter substitution (case, lengths, punctuation and offsets kept) and moves
  every date v x 60 days on.  A variant copies
  itself as the base corpus does (reprints, excerpts, stitched pieces) and shares no shingle with
  another, so the copying per article, and the events per merge window, stay those of the base
  corpus while the corpus grows;
* an article's analysis is its base article's, with the variant article in place of the original
  (``Replay``).  The local run is ``tidings.store.ingest`` in this process with ``Replay`` as its
  analyser; the Spark run is ``tidings.spark.job.run`` in a session of this process with
  ``analyses=Replay``, so both do all the work of ``tidings ingest`` and ``python -m tidings.spark``
  but the analysis.

Local stages are timed by wrapping the store's functions: copies = ``Deduper.add_batch``,
provenance = ``BatchProvenance.observe``, merged events = ``merge.rebuild``, quotations =
``quotation_merge.rebuild`` (its own writes included), writes = ``writer.insert_rows``; the rest (reading, identities, the replay) is "read and replay".  Spark
stages are the job's own phases (``JobReport.phases``).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import re
import string
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_news_corpus  # noqa: E402

from tidings.store.provenance import STOP  # noqa: E402

SHIFT_DAYS = 60


def _cipher(v: int) -> dict[int, int]:
    if v == 0:
        return {}
    rng = random.Random(1000 + v)
    low = list(string.ascii_lowercase)
    rng.shuffle(low)
    table = {ord(a): ord(b) for a, b in zip(string.ascii_lowercase, low)}
    table.update({ord(a.upper()): ord(b.upper()) for a, b in zip(string.ascii_lowercase, low)})
    return table


def _shift(published: str | None, v: int) -> str | None:
    if not published or v == 0:
        return published
    try:
        d = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return (d + timedelta(days=SHIFT_DAYS * v)).isoformat()


_WORD = re.compile(r"[A-Za-z]+")


def _encipher(text: str, table: dict[int, int]) -> str:
    """Every word through the letter substitution but the function words, which stay as they are
    (as every real article shares them): enciphered, they would be a variant's own common content
    words, and every sentence of the variant would share LSH buckets with every other."""
    return _WORD.sub(lambda m: m.group() if m.group().lower() in STOP else m.group().translate(table), text)


def variant(rec: dict[str, str], v: int) -> dict[str, str]:
    table = _cipher(v)
    out = dict(rec)
    if v:
        out["id"] = f"{rec['id']}-v{v:02d}"
        out["text"] = _encipher(rec["text"], table)
        out["title"] = _encipher(rec["title"], table)
        if rec.get("published"):
            out["published"] = str(_shift(rec["published"], v))
    return out


def base_key(article_id: str | None) -> str:
    return (article_id or "").split("-v")[0]


@dataclass(frozen=True)
class Replay:
    """An analyser that answers each article with its base article's stored analysis."""

    path: str

    def __call__(self, actor_files: Sequence[str] = ()) -> Replay:  # the executors' factory
        return self

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return Replay, (self.path,)  # the path travels, not the analyses loaded on the driver

    def _load(self) -> dict[str, bytes]:
        cache = self.__dict__.get("_cache")
        if cache is None:
            with open(self.path, "rb") as fh:
                cache = pickle.load(fh)
            object.__setattr__(self, "_cache", cache)
        return cache

    def stream(self, items: Iterable[Any], batch_size: int = 16) -> Iterator[Any]:
        from tidings.ingest.sources import Failure

        stored = self._load()
        for item in items:
            res = pickle.loads(stored[base_key(item.id)])  # a fresh copy: corpus stages change it
            if isinstance(res, Failure):
                res.id = item.id
                yield res
            else:
                yield replace(res, id=item.id, article=item)


def analysed_base(records: list[dict[str, str]], work: Path) -> Path:
    """Pickled {id: pickled Analysis or Failure} of the base corpus, analysed once and kept."""
    from tidings import __version__
    from tidings.ingest.sources import Failure, read_inputs
    from tidings.pipeline import Analyzer

    digest = hashlib.sha256(json.dumps(records, sort_keys=True).encode() + __version__.encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / "tidings-bench" / f"analyses-{len(records)}-{digest}.pkl"
    if cache.exists():
        return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    src = work / "base.jsonl"
    _write(src, records)
    items = [it for it in read_inputs([str(src)])]
    t0 = time.perf_counter()
    out: dict[str, bytes] = {}
    arts = [it for it in items if not isinstance(it, Failure)]
    for art, res in zip(arts, Analyzer().stream(arts, workers=2), strict=True):
        out[str(art.id)] = pickle.dumps(res)
    print(f"  analysed the {len(arts)} base articles once in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(out, fh)
    tmp.replace(cache)
    return cache


def _write(path: Path, records: Iterable[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


@contextmanager
def _timers(spent: dict[str, float]) -> Iterator[None]:
    """Time the store's corpus stages by wrapping the functions that do them."""
    import tidings.store.merge as merge_mod
    import tidings.store.quotation_merge as quotation_mod
    import tidings.store.writer as writer_mod
    from tidings.store.dedup import Deduper
    from tidings.store.provenance import BatchProvenance

    patched: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, stage: str) -> None:
        orig = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return orig(*args, **kwargs)
            finally:
                spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - t

        patched.append((owner, name, orig))
        setattr(owner, name, timed)

    wrap(Deduper, "add_batch", "copies")
    wrap(BatchProvenance, "observe", "provenance")
    wrap(merge_mod, "rebuild", "merged events")
    wrap(quotation_mod, "rebuild", "quotations")
    wrap(writer_mod, "insert_rows", "writes")
    try:
        yield
    finally:
        for owner, name, orig in reversed(patched):
            setattr(owner, name, orig)


def local_run(corpus: Path, work: Path, replay: Replay) -> tuple[float, dict[str, float], int]:
    from tidings.store import connect, ingest, read_sources

    db = work / "scale.duckdb"
    for f in work.glob("scale.duckdb*"):
        f.unlink()
    conn = connect(db)
    spent: dict[str, float] = {}
    try:
        t0 = time.perf_counter()
        with _timers(spent):
            report = ingest(conn, read_sources([str(corpus)]), replay, inputs=[str(corpus)])
        total = time.perf_counter() - t0
        (n_copies,) = conn.execute("SELECT count(*) FROM copies").fetchone() or (0,)
    finally:
        conn.close()
    stages = {"read and replay": total - sum(spent.values()), **spent}
    assert report.counts.new > 0
    return total, stages, int(n_copies)


def spark_run(spark: Any, corpus: Path, work: Path, replay: Replay) -> tuple[float, dict[str, float], int]:
    from tidings.spark.job import run

    report = run(spark, str(corpus), str(work / "scale-out"), analyses=replay)
    stages = dict(report.phases)
    stages["read and replay"] = stages.pop("read and analyse")
    return report.seconds, stages, report.copies


LOCAL_STAGES = ("read and replay", "copies", "provenance", "merged events", "quotations", "writes")
SPARK_STAGES = ("read and replay", "copies", "merged events", "provenance", "quotations", "last writes")


def main(base: int, points: Sequence[int], master: str, only: Sequence[str]) -> int:
    import shutil

    records = make_news_corpus(base)
    with tempfile.TemporaryDirectory(prefix="tidings-scale-") as tmp:
        work = Path(tmp)
        replay = Replay(str(analysed_base(records, work)))
        spark = None
        if "spark" in only:
            from pyspark import cloudpickle

            import spark_scale

            from tidings.spark.job import session

            cloudpickle.register_pickle_by_value(spark_scale)  # the executors cannot import benchmarks/
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            spark = session(master, shuffle_partitions=8)
            spark.sparkContext.setLogLevel("ERROR")
        rows: list[tuple[str, int, float, dict[str, float], int]] = []
        try:
            for k in points:
                corpus = _write(work / f"scale-{k}.jsonl", (variant(r, v) for v in range(k) for r in records))
                n = k * base
                runs: list[tuple[str, Callable[[], tuple[float, dict[str, float], int]]]] = []
                if "local" in only:
                    runs.append(("ingest", lambda: local_run(corpus, work, replay)))
                if spark is not None:
                    sp = spark
                    if not rows:  # the first Spark run also warms the JVM up: run it twice, keep the second
                        runs.append(("(warm-up)", lambda: spark_run(sp, corpus, work, replay)))
                    runs.append((master, lambda: spark_run(sp, corpus, work, replay)))
                for name, fn in runs:
                    total, stages, copies = fn()
                    print(f"  {name} {n}: {total:.1f} s, {copies} copies, "
                          + ", ".join(f"{s} {t:.1f} s" for s, t in stages.items()), file=sys.stderr, flush=True)
                    if name != "(warm-up)":
                        rows.append((name, n, total, stages, copies))
                for d in ("scale-out",):
                    shutil.rmtree(work / d, ignore_errors=True)
        finally:
            if spark is not None:
                spark.stop()
    _table(rows)
    return 0


def _table(rows: list[tuple[str, int, float, dict[str, float], int]]) -> None:
    print("seconds per 1,000 articles (corpus stages: analysis replayed)")
    for run_name, order in (("ingest", LOCAL_STAGES), (None, SPARK_STAGES)):
        mine = [r for r in rows if (r[0] == run_name if run_name else r[0] != "ingest")]
        if not mine:
            continue
        head = f"{'run':10s} {'articles':>8s} {'copies':>8s} {'total':>7s} " + " ".join(f"{s:>15s}" for s in order)
        print(head)
        for name, n, total, stages, copies in mine:
            per = 1000 / n
            print(f"{name:10s} {n:8d} {copies:8d} {total * per:7.2f} "
                  + " ".join(f"{stages.get(s, 0.0) * per:15.2f}" for s in order))
