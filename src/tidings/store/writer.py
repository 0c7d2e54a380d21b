"""Idempotent writes: each article once, each batch in one transaction.

An article's identity is its content hash (``identity.content_hash``); an input whose text or
canonical URL is already stored is a duplicate and is not analysed or written again (an alias row
remembers a new URL or id it came under).  A batch - its articles, every per-article row, the dedup
fingerprints and copy relations, its failures - is committed in one DuckDB transaction, so a run
killed at any moment leaves whole batches only; the next run finds those articles by hash and
writes the rest.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from tidings.ingest.sources import Failure
from tidings.model import Analysis, Article, Location, PlaceMention, Provenance, Signal
from tidings.store.dedup import Deduper, Doc
from tidings.store.identity import article_id_for, canonical_url, content_hash
from tidings.store.provenance import BatchProvenance, load_index


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _span_lists(spans: Sequence[Sequence[int]]) -> list[list[int]]:
    return [[int(x) for x in s] for s in spans]


def _person(prefix: str, p: Any) -> dict[str, Any]:
    keys = ("text", "name", "actor", "start", "end")
    return {f"{prefix}_{k}": (getattr(p, k) if p is not None else None) for k in keys}


#: the place fields an event's location carries, as ``location_<field>`` columns of ``events``
LOCATION_FIELDS = ("text", "start", "end", "name", "country", "admin1", "lat", "lon", "geonames_id", "feature")


def _location(loc: Location | None) -> dict[str, Any]:
    p = loc.place if loc is not None else None
    out: dict[str, Any] = {f"location_{k}": (getattr(p, k) if p is not None else None) for k in LOCATION_FIELDS}
    out["location_via"] = loc.via if loc is not None else None
    out["location_confidence"] = loc.confidence if loc is not None else None
    return out


def place_rows(places: Sequence[PlaceMention], article_id: str) -> list[dict[str, Any]]:
    """The ``places`` rows of one article: one per place mention, in text order."""
    return [
        {"article_id": article_id, "idx": i, "text": p.text, "start": p.start, "end": p.end, "name": p.name,
         "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id,
         "feature": p.feature, "confidence": p.confidence, "actor": p.actor, "kind": p.kind}
        for i, p in enumerate(places)
    ]


def provenance_rows(prov: Provenance | None, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """The ``spun_from`` and ``stitched_from`` rows of one article's provenance."""
    return {
        "spun_from": [
            {"article_id": article_id, "source_article_id": sf.article_id, "share": sf.share,
             "n_sentences": len(sf.sentences), "substitutions": json.dumps(sf.substitutions, ensure_ascii=False),
             "sentences": json.dumps(sf.sentences, ensure_ascii=False)}
            for sf in (prov.spun_from if prov is not None else [])
        ],
        "stitched_from": [
            {"article_id": article_id, "paragraph": st.paragraph, "start": st.start, "end": st.end,
             "source_article_id": st.article_id}
            for st in (prov.stitched_from if prov is not None else [])
        ],
    }


def signal_rows(signals: Sequence[Signal], article_id: str) -> list[dict[str, Any]]:
    """The ``signals`` rows of one article."""
    return [
        {"article_id": article_id, "idx": i, "name": s.name, "severity": s.severity, "message": s.message,
         "evidence": list(s.evidence), "spans": _span_lists(s.spans), "weight": s.weight}
        for i, s in enumerate(signals)
    ]


def analysis_rows(a: Analysis, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of the per-article tables for one analysis (field names of the JSON contract)."""
    out: dict[str, list[dict[str, Any]]] = {
        **provenance_rows(a.provenance, article_id),
        "removed": [
            {"article_id": article_id, "idx": i, "text": r.text, "reason": r.reason, "note": r.note}
            for i, r in enumerate(a.article.removed)
        ],
        "entities": [
            {"article_id": article_id, "idx": i, "text": e.text, "label": e.label, "start": e.start, "end": e.end,
             "actor": e.actor}
            for i, e in enumerate(a.entities)
        ],
        "quotes": [],
        "events": [],
        "places": place_rows(a.places, article_id),
        "signals": signal_rows(a.reliability.signals, article_id),
    }
    for i, q in enumerate(a.quotes):
        out["quotes"].append(
            {"article_id": article_id, "idx": i, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
             "cue": q.cue, **_person("speaker", q.speaker), "confidence": q.confidence,
             "spans": _span_lists(q.spans), "cue_start": q.cue_start, "cue_end": q.cue_end}
        )
    for i, ev in enumerate(a.events):
        out["events"].append(
            {"article_id": article_id, "idx": i, "code": ev.code, "root": ev.root, "label": ev.label,
             "quad_class": ev.quad_class, "goldstein": ev.goldstein, "plover": ev.plover,
             **_person("source", ev.source), **_person("target", ev.target),
             "sentence": ev.sentence, "evidence": ev.evidence, "negated": ev.negated,
             "confidence": ev.confidence, "start": ev.start, "end": ev.end, **_location(ev.location)}
        )
    return out


def article_row(a: Analysis, ident: Identity, seq: int, run_id: str, ingested_at: datetime) -> dict[str, Any]:
    """The ``articles`` row of one analysis (the Spark job writes the same rows)."""
    art = a.article
    return {"article_id": ident.article_id, "seq": seq, "id": art.id, "title": art.title, "authors": list(art.authors),
            "published": _date(art.published), "url": art.url, "canonical_url": ident.canonical_url,
            "source": art.source, "text": art.text, "content_hash": ident.content_hash,
            "reliability_score": a.reliability.score, "run_id": run_id, "ingested_at": ingested_at,
            "analysis": json.dumps(a.to_dict(), ensure_ascii=False)}


@dataclass
class Identity:
    """What identifies one input: its content hash and canonical URL."""

    content_hash: str
    canonical_url: str | None

    @property
    def article_id(self) -> str:
        return article_id_for(self.content_hash)

    @classmethod
    def of(cls, article: Article) -> Identity:
        return cls(content_hash(article), canonical_url(article.url))


@dataclass
class Batch:
    """One transaction's worth: new analyses (with identities), duplicate aliases, failures."""

    analyses: list[tuple[Analysis, Identity]] = field(default_factory=list)
    aliases: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.analyses) + len(self.aliases) + len(self.failures)


TABLE_ORDER = ("articles", "removed", "entities", "quotes", "events", "places", "signals", "article_aliases", "failures",
               "doc_fingerprints", "sentence_fingerprints", "copies", "copied_sentences", "spun_from",
               "stitched_from")


class Writer:
    """Knows which articles the store holds; writes batches atomically."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, run_id: str, dedup: bool = True) -> None:
        self.conn = conn
        self.run_id = run_id
        self.by_hash: dict[str, str] = {}
        self.by_url: dict[str, str] = {}
        self.alias_keys: set[tuple[Any, ...]] = set()  # (article id, input id, canonical URL, hash) seen
        for aid, rid, h, cu in conn.execute("SELECT article_id, id, content_hash, canonical_url FROM articles").fetchall():
            self.alias_keys.add((aid, rid, cu, h))
            self.by_hash[h] = aid
            if cu:
                self.by_url.setdefault(cu, aid)
        for aid, rid, cu, h in conn.execute(
            "SELECT article_id, id, canonical_url, content_hash FROM article_aliases"
        ).fetchall():
            self.alias_keys.add((aid, rid, cu, h))
            if cu:
                self.by_url.setdefault(cu, aid)
            if h:
                self.by_hash.setdefault(h, aid)
        row = conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
        self.next_seq = int(row[0]) + 1 if row else 1
        self.dedup = dedup
        self._deduper: Deduper | None = None  # loaded on the first new article: a no-op re-run skips it
        self._provenance: BatchProvenance | None = None
        self._pending: dict[str, str] = {}  # keys claimed in this run but not yet committed

    def provenance(self) -> BatchProvenance:
        """What new articles were made from, among the stored ones and this run's (loaded on
        the first new article)."""
        if self._provenance is None:
            self._provenance = BatchProvenance(load_index(self.conn))
        return self._provenance

    def deduper(self) -> Deduper | None:
        if self.dedup and self._deduper is None:
            self._deduper = Deduper.load(self.conn)
        return self._deduper

    def existing(self, ident: Identity) -> tuple[str, str] | None:
        """(stored article id, why) when the input is already stored or claimed in this run."""
        if ident.content_hash in self.by_hash:
            return self.by_hash[ident.content_hash], "same_text"
        if ident.canonical_url and ident.canonical_url in self.by_url:
            return self.by_url[ident.canonical_url], "same_url"
        return None

    def claim(self, article: Article, ident: Identity) -> None:
        """Mark an input as on its way in, so a second copy later in the run is a duplicate."""
        self.alias_keys.add((ident.article_id, article.id, ident.canonical_url, ident.content_hash))
        self.by_hash[ident.content_hash] = ident.article_id
        if ident.canonical_url:
            self.by_url.setdefault(ident.canonical_url, ident.article_id)

    def release(self, ident: Identity) -> None:
        """Undo ``claim`` for an input whose analysis failed."""
        if self.by_hash.get(ident.content_hash) == ident.article_id:
            del self.by_hash[ident.content_hash]
        if ident.canonical_url and self.by_url.get(ident.canonical_url) == ident.article_id:
            del self.by_url[ident.canonical_url]

    def alias(self, article: Article, ident: Identity, stored_id: str, reason: str) -> dict[str, Any] | None:
        """An alias row for a duplicate input that brings a new id or URL; None if nothing new."""
        key = (stored_id, article.id, ident.canonical_url, ident.content_hash)
        if key in self.alias_keys:
            return None
        self.alias_keys.add(key)
        return {"article_id": stored_id, "id": article.id, "url": article.url, "canonical_url": ident.canonical_url,
                "source": article.source, "content_hash": ident.content_hash, "reason": reason, "run_id": self.run_id}

    def write(self, batch: Batch) -> None:
        """Commit the batch in one transaction, or nothing of it."""
        if not len(batch):
            return
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_ORDER}
        now = _now()
        docs: list[Doc] = []
        seq = self.next_seq
        for a, ident in batch.analyses:
            aid = ident.article_id
            art = a.article
            published = _date(art.published)
            tables["articles"].append(article_row(a, ident, seq, self.run_id, now))
            for name, rows in analysis_rows(a, aid).items():
                tables[name].extend(rows)
            docs.append(Doc(aid, seq, published, art.text))
            seq += 1
        tables["article_aliases"] = list(batch.aliases)
        tables["failures"] = [
            {"run_id": self.run_id, "id": f.id, "error": f.error, "input": f.where, "failed_at": now} for f in batch.failures
        ]
        deduper = self.deduper() if docs else None
        self.conn.execute("BEGIN TRANSACTION")
        try:
            if deduper is not None:
                found = deduper.add_batch(self.conn, docs)
                tables["doc_fingerprints"] = found.doc_fingerprints
                tables["sentence_fingerprints"] = found.sentence_fingerprints
                tables["copies"] = found.copies
                tables["copied_sentences"] = found.copied_sentences
            for name in TABLE_ORDER:
                insert_rows(self.conn, name, tables[name])
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            if deduper is not None:
                deduper.rollback()
            raise
        if deduper is not None:
            deduper.commit()
        self.next_seq = seq


def insert_rows(conn: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Bulk insert through Arrow, matching columns by name."""
    if not rows:
        return
    arrow = pa.Table.from_pylist(rows)
    conn.register("_tidings_rows", arrow)
    try:
        cols = ", ".join(f'"{c}"' for c in arrow.column_names)
        conn.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM _tidings_rows')
    finally:
        conn.unregister("_tidings_rows")
