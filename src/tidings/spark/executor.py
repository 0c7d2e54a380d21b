"""What runs on the executors: the per-article stages and the rows they give.

The ``Analyzer`` (spaCy pipeline, actor dictionaries) is built lazily once per Python worker
process and kept at module level; PySpark reuses its workers between tasks
(``spark.python.worker.reuse``, on by default), so a model is loaded once per executor core, not per
task.  The table rows come from the store's own ``article_row`` and ``analysis_rows``, and the
MinHash fingerprints from the store's dedup code, so what Spark writes is what ``ingest`` writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

from tidings.ingest.sources import Failure
from tidings.model import Analysis, Article
from tidings.pipeline import Analyzer
from tidings.reliability.findings import Finding
from tidings.store.dedup import DOC_PERM, SENT_PERM, Doc, Print, _blob, _minhashes, fingerprint
from tidings.store.run import Analyses
from tidings.store.writer import Identity, _date, analysis_rows, article_row

CHUNK = 64  # articles handed to spaCy's ``pipe`` at a time

_analyzer: Analyses | None = None
_analyzer_key: tuple[str, tuple[str, ...]] = ("", ())


def analyzer(actor_files: Sequence[str] = (), make: Callable[[Sequence[str]], Analyses] | None = None) -> Analyses:
    """This process's Analyzer, built on first use.

    ``make(actor_files)`` builds another analyser instead (one with the ``stream`` of
    ``tidings.pipeline.Analyzer``; the scaling benchmark replays stored analyses with one); it is
    kept like the Analyzer while its ``repr`` stays the same."""
    global _analyzer, _analyzer_key
    key = (repr(make) if make is not None else "", tuple(actor_files))
    if _analyzer is None or key != _analyzer_key:
        _analyzer = make(list(key[1])) if make is not None else Analyzer(actor_files=list(key[1]))
        _analyzer_key = key
    return _analyzer


def _fingerprints(p: Print, article_id: str) -> tuple[bytes | None, list[dict[str, Any]]]:
    doc_mh = _minhashes([p.shingles], DOC_PERM) if p.shingles else []
    sent_mh = _minhashes([s.shingles for s in p.sentences], SENT_PERM)
    sents = [
        {"article_id": article_id, "sentence": s.idx, "start": s.start, "end": s.end, "minhash": _blob(mh)}
        for s, mh in zip(p.sentences, sent_mh)
    ]
    return (_blob(doc_mh[0]) if doc_mh else None), sents


def wide_row(order: int, seq: int, a: Analysis, run_id: str, ingested_at: datetime) -> dict[str, Any]:
    """Everything one analysed article contributes, in ``tables.wide_schema`` shape."""
    ident = Identity.of(a.article)
    aid = ident.article_id
    row: dict[str, Any] = {"order": order, "article_id": aid, "failure": None,
                           "article": article_row(a, ident, seq, run_id, ingested_at)}
    row.update(analysis_rows(a, aid))
    p = fingerprint(Doc(aid, seq, _date(a.article.published), a.article.text))
    row["doc_fingerprint"], row["sentence_fingerprints"] = _fingerprints(p, aid)
    row["findings"] = findings_json(a.findings)
    return row


def findings_json(findings: Sequence[Finding]) -> str:
    """The reliability findings before weighting, for re-scoring once provenance is known."""
    return json.dumps([[f.name, f.strength, f.message, list(f.evidence), [list(sp) for sp in f.spans]]
                       for f in findings], ensure_ascii=False)


def findings_from_json(text: str | None) -> list[Finding]:
    return [Finding(n, st, m, list(ev), [(int(a), int(b)) for a, b in sp])
            for n, st, m, ev, sp in json.loads(text or "[]")]


def failure_row(order: int, f: Failure) -> dict[str, Any]:
    return {"order": order, "article_id": None, "failure": {"id": f.id, "error": f.error, "input": f.where}}


def analyse_partition(
    rows: Iterable[tuple[int, tuple[Article, int]]], run_id: str, ingested_at: datetime, actor_files: Sequence[str],
    make: Callable[[Sequence[str]], Analyses] | None = None,
) -> Iterator[dict[str, Any]]:
    """``(order, (article, seq))`` pairs -> wide rows, through the per-article stages."""
    it = iter(rows)
    while chunk := list(islice(it, CHUNK)):
        results = analyzer(actor_files, make).stream([art for _, (art, _) in chunk], batch_size=16)
        for (order, (art, seq)), res in zip(chunk, results, strict=True):
            if isinstance(res, Failure):
                if res.where is None:
                    res.where = art.url or art.id
                yield failure_row(order, res)
            else:
                yield wide_row(order, seq, res, run_id, ingested_at)
