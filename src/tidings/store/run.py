"""One ingest run: inputs -> duplicates filtered -> analysed -> written batch by batch -> merged
(events and quotations).

An input already in the store (same text or canonical URL) is counted as a duplicate and is not
analysed again, so re-running over the same inputs is cheap and changes nothing but the run log.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from typing import Protocol

import duckdb

from tidings.ingest.sources import Failure, Item
from tidings.model import Analysis, Article, StageError
from tidings.store import merge, quotation_merge
from tidings.store.writer import Batch, Identity, Writer

BATCH_SIZE = 64


class Analyses(Protocol):
    """What ingest needs of an analyzer: ``tidings.pipeline.Analyzer`` fits."""

    def stream(self, items: Iterable[Item], batch_size: int = ...) -> Iterator[Analysis | Failure]: ...


@dataclass
class Counts:
    new: int = 0
    duplicate: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        return self.new + self.duplicate + self.failed


@dataclass
class IngestReport:
    run_id: str
    counts: Counts
    failures: list[Failure] = field(default_factory=list)
    #: articles stored with a stage that failed on them (their id, and each failed stage's error)
    partial: list[tuple[str, list[StageError]]] = field(default_factory=list)
    merged_events: int = 0
    quotations: int = 0


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest(
    conn: duckdb.DuckDBPyConnection,
    items: Iterable[Item],
    analyzer: Analyses | Callable[[], Analyses],
    inputs: list[str] | None = None,
    batch_size: int = BATCH_SIZE,
    on_item: Callable[[str, Item | Analysis, Counts], None] | None = None,
    dedup: bool = True,
    window_days: int = merge.WINDOW_DAYS,
) -> IngestReport:
    """Store every new article of ``items``; ``analyzer`` may be a factory, called on the first new one.

    ``on_item(kind, item, counts)`` is called once per input with kind ``new``, ``duplicate`` or
    ``failed``."""
    from tidings import __version__

    run_id = uuid.uuid4().hex[:16]
    counts = Counts()
    report = IngestReport(run_id, counts)
    conn.execute(
        "INSERT INTO runs (run_id, started_at, inputs, tidings_version) VALUES (?, ?, ?, ?)",
        [run_id, _now(), list(inputs or []), __version__],
    )
    writer = Writer(conn, run_id, dedup=dedup)
    is_factory = isinstance(analyzer, type) or not hasattr(analyzer, "stream")
    live: Analyses | None = None if is_factory else analyzer  # type: ignore[assignment]

    def note(kind: str, item: Item | Analysis) -> None:
        setattr(counts, kind, getattr(counts, kind) + 1)
        if on_item is not None:
            on_item(kind, item, counts)

    for chunk in _chunks(items, batch_size):
        batch = Batch()
        fresh: list[tuple[Article, Identity]] = []
        for item in chunk:
            if isinstance(item, Failure):
                batch.failures.append(item)
                report.failures.append(item)
                note("failed", item)
                continue
            ident = Identity.of(item)
            known = writer.existing(ident)
            if known is not None:
                alias = writer.alias(item, ident, *known)
                if alias is not None:
                    batch.aliases.append(alias)
                note("duplicate", item)
                continue
            writer.claim(item, ident)
            fresh.append((item, ident))
        if fresh:
            if live is None:
                live = analyzer()  # type: ignore[operator]
            results = live.stream(a for a, _ in fresh)
            for (article, ident), result in zip(fresh, results, strict=True):
                if isinstance(result, Failure):
                    writer.release(ident)
                    if result.where is None:
                        result.where = article.url or article.id
                    batch.failures.append(result)
                    report.failures.append(result)
                    note("failed", result)
                else:
                    if result.stage_errors:
                        report.partial.append((result.id or ident.article_id, list(result.stage_errors)))
                    writer.provenance().observe(result, key=ident.article_id)
                    batch.analyses.append((result, ident))
                    note("new", result)
        writer.write(batch)
    report.merged_events = merge.rebuild(conn, window_days)
    report.quotations = quotation_merge.rebuild(conn)
    conn.execute(
        "UPDATE runs SET finished_at = ?, n_new = ?, n_duplicate = ?, n_failed = ? WHERE run_id = ?",
        [_now(), counts.new, counts.duplicate, counts.failed, run_id],
    )
    return report
