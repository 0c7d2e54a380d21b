"""Storing articles through the server: ``POST /api/articles``, the analyze page's "Save to corpus"
and ``tidings ingest --server``.

DuckDB admits one writer, so a writable server *is* the store's writer: it holds the only
read-write connection, and every save goes through ``Saver.save`` one at a time (a lock), as a
small ``tidings.store.ingest`` run of one article: deduplicated, matched against the stored
articles for provenance, merged into the cross-article events and logged as a run, exactly as
``tidings ingest`` stores it.  Reads go on meanwhile on their own cursors (DuckDB's MVCC)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tidings.errors import InputError, TidingsError
from tidings.ingest.sources import Failure, Item, article_from_record
from tidings.model import Analysis, Article, Removed
from tidings.store import ingest
from tidings.store.writer import Identity
from tidings.web import data
from tidings.web.analysis import Service
from tidings.web.db import Db

#: the fields of a record (one JSONL line of the batch contract) that an article may carry
RECORD_FIELDS = ("id", "text", "html", "url", "title", "published", "source", "authors", "removed")


class ReadOnlyStore(TidingsError):
    """The server was started with --read-only."""


@dataclass
class Saved:
    article_id: str
    created: bool  # False: the same text (or URL) was stored before; the stored article is returned
    detail: dict[str, Any]


class _OneByOne:
    """The ingest's analyzer interface over the server's shared analyzer (one article at a time)."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def stream(self, items: Iterable[Item], batch_size: int = 1) -> Iterator[Analysis | Failure]:
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield self.service.analyze(item)
            except InputError as exc:
                yield Failure(item.id, str(exc), item.url)


class Saver:
    def __init__(self, db: Db, service: Service) -> None:
        self.db = db
        self.service = service
        self._lock = threading.Lock()

    def article(self, record: dict[str, Any]) -> Article:
        """A record as an article: ``text`` or ``html`` with metadata, or only ``url`` to fetch it."""
        rec = {k: v for k, v in record.items() if k in RECORD_FIELDS and v is not None}
        if isinstance(rec.get("removed"), list) and isinstance(rec.get("text"), str) and rec["text"].strip():
            return self._extracted(rec)
        rec.pop("removed", None)
        if not (isinstance(rec.get("text"), str) and rec["text"].strip()) and not (
                isinstance(rec.get("html"), str) and rec["html"].strip()):
            if rec.get("url"):
                fetched = self.service.fetch(str(rec["url"]))
                for key in ("id", "title", "published", "source", "authors"):
                    if rec.get(key) is not None:
                        setattr(fetched, key, rec[key] if key != "published" else fetched.published or rec[key])
                return fetched
            raise InputError('give "text" or "html" (or only "url" to fetch it): the article has no content')
        if rec.get("id") is None or not str(rec.get("id")).strip():
            rec["id"] = Identity.of(article_from_record({**rec, "id": "x"})).article_id[:16]
        return article_from_record(rec)

    @staticmethod
    def _extracted(rec: dict[str, Any]) -> Article:
        """A record that is an extracted article already (``text`` is the clean body and ``removed``
        what was taken out, as ``tidings ingest --server`` sends it): stored as given."""
        from tidings.ingest.decode import check_size
        from tidings.ingest.dates import normalise_date

        text = str(rec["text"])
        check_size(len(text.encode("utf-8", "surrogatepass")), f"article {rec.get('id')}")
        removed = [Removed(str(r.get("text", "")), str(r.get("reason", "boilerplate")), r.get("note"))
                   for r in rec["removed"] if isinstance(r, dict) and r.get("text")]
        rid = rec.get("id") or Identity.of(Article(None, text)).article_id[:16]
        return Article(id=str(rid), text=text, title=rec.get("title"), authors=list(rec.get("authors") or []),
                       published=normalise_date(rec.get("published")), url=rec.get("url"),
                       source=rec.get("source"), removed=removed)

    def save(self, record: dict[str, Any]) -> Saved:
        if not self.db.writable:
            raise ReadOnlyStore("this server was started with --read-only: it does not store articles; "
                                "restart `tidings serve` without --read-only, or stop it and run `tidings ingest`")
        article = self.article(record)
        ident = Identity.of(article)
        with self._lock, self.db.writer() as conn:
            report = ingest(conn, [article], _OneByOne(self.service), inputs=["api"], batch_size=1)
            if report.failures:
                raise InputError(report.failures[0].error)
            created = report.counts.new == 1
            article_id = ident.article_id if created else self._stored_id(conn, ident)
        with self.db.cursor() as cur:
            detail = data.article_detail(cur, article_id)
        assert detail is not None, article_id
        return Saved(article_id, created, detail)

    @staticmethod
    def _stored_id(conn: Any, ident: Identity) -> str:
        row = conn.execute(
            "SELECT article_id FROM articles WHERE content_hash = ? UNION ALL "
            "(SELECT article_id FROM articles WHERE canonical_url = ? ORDER BY seq LIMIT 1) LIMIT 1",
            [ident.content_hash, ident.canonical_url]).fetchone()
        if row is None:
            raise InputError("the article was taken for a copy of a stored one, which cannot be found")
        return str(row[0])
