"""What the pages and the API show, read from the store with parameterised SQL only.

Each function returns plain JSON-able data; an HTML route renders it, its ``/api/`` twin returns it.
Reads that ``tidings.store.query`` already offers are taken from there.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

import duckdb

from tidings.actors.names import actor_name
from tidings.store import query
from tidings.store.query import EventFilter
from tidings.web.highlight import Mark, Segment, segments

Period = Literal["day", "week", "month"]
MAX_LIMIT = 1000


def rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    res = cur.execute(sql, params or [])
    names = [d[0] for d in res.description]
    return [dict(zip(names, r)) for r in res.fetchall()]


def _like(word: str) -> str:
    """A user's word as an ILIKE pattern matching it literally (``%`` and ``_`` escaped)."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"


# --- home -----------------------------------------------------------------------------------------

def summary(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = query.summary(cur)
    span = cur.execute("SELECT min(published), max(published) FROM articles").fetchone()
    top_actors = rows(cur, """
        SELECT actor, count(*) AS events FROM (
            SELECT source_actor AS actor FROM merged_events UNION ALL SELECT target_actor FROM merged_events)
        WHERE actor IS NOT NULL GROUP BY actor ORDER BY events DESC, actor LIMIT 12""")
    latest = rows(cur, "SELECT article_id, id, title, published, source, reliability_score FROM articles "
                       "ORDER BY published DESC NULLS LAST, seq DESC LIMIT 8")
    top_dyads = rows(cur, """
        SELECT least(source_actor, target_actor) AS a, greatest(source_actor, target_actor) AS b, count(*) AS events,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM merged_events WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
        GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT 8""")
    return {"counts": counts, "first_date": span[0] if span else None, "last_date": span[1] if span else None,
            "top_actors": top_actors, "top_dyads": top_dyads, "latest_articles": latest}


def outlets(cur: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in cur.execute(
        "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source").fetchall()]


# --- articles -------------------------------------------------------------------------------------

@dataclass
class ArticleSearch:
    q: str | None = None  # every word must appear in the title or the body
    outlet: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    min_reliability: int | None = None
    max_reliability: int | None = None
    limit: int = 100
    offset: int = 0
    sort: str | None = None  # a key of tidings.store.query.ARTICLE_SORT, "-key" descending

    def __post_init__(self) -> None:
        query.check_article_filter(self.min_reliability, self.max_reliability, self.date_from, self.date_to,
                                   self.limit)
        if self.offset < 0:
            raise query.FilterError("offset", f"must be at least 0, not {self.offset}")

    def params(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _snippet(text: str, words: list[str], width: int = 110) -> list[Segment]:
    low = text.lower()
    hits = [(low.find(w.lower()), w) for w in words]
    first = min((h for h, _ in hits if h >= 0), default=0)
    start = max(0, first - width // 2)
    end = min(len(text), start + 2 * width)
    piece = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    marks = []
    for w in words:
        for m in re.finditer(re.escape(w), piece, re.IGNORECASE):
            marks.append(Mark(m.start(), m.end(), "match", 0))
    return segments(piece, marks)


def _article_search_sql(f: ArticleSearch) -> tuple[str, list[Any], list[str]]:
    where: list[str] = []
    params: list[Any] = []
    words = (f.q or "").split()
    for w in words:
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params += [_like(w), _like(w)]
    if f.outlet:
        where.append("a.source ILIKE ? ESCAPE '\\'")
        params.append(_like(f.outlet))
    if f.date_from:
        where.append("a.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("a.published <= ?")
        params.append(f.date_to)
    if f.min_reliability is not None:
        where.append("a.reliability_score >= ?")
        params.append(f.min_reliability)
    if f.max_reliability is not None:
        where.append("a.reliability_score <= ?")
        params.append(f.max_reliability)
    sql = (
        "SELECT a.article_id, a.id, a.title, a.published, a.source, a.url, a.reliability_score, a.text, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS n_events, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS n_quotes, "
        "(SELECT count(*) FROM signals s WHERE s.article_id = a.article_id) AS n_signals, "
        "(SELECT count(*) FROM copies c WHERE c.article_id = a.article_id) AS n_copied_from, "
        "(SELECT count(*) FROM copies c WHERE c.source_article_id = a.article_id) AS n_copied_by, a.seq "
        "FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    )
    return sql, params, words


def count_articles(cur: duckdb.DuckDBPyConnection, f: ArticleSearch) -> int:
    sql, params, _ = _article_search_sql(f)
    return query.count(cur, sql, params)


def search_articles(cur: duckdb.DuckDBPyConnection, f: ArticleSearch, every: bool = False) -> list[dict[str, Any]]:
    """The matching articles, newest first (or by ``f.sort``): one page of them, or ``every`` one."""
    sql, params, words = _article_search_sql(f)
    order = query.order_by(f.sort, query.ARTICLE_SORT, "published DESC NULLS LAST", "seq DESC")
    if every:
        out = rows(cur, f"SELECT * FROM ({sql})" + order, params)
    else:
        out = rows(cur, f"SELECT * FROM ({sql})" + order + " LIMIT ? OFFSET ?",
                   [*params, min(f.limit, MAX_LIMIT), f.offset])
    for r in out:
        r.pop("seq", None)
        text = r.pop("text") or ""
        r["snippet"] = text[:240]
        r["_snippet_segments"] = _snippet(text, words) if words else None
    return out


def find_article(cur: duckdb.DuckDBPyConnection, ident: str) -> str | None:
    """The store's ``article_id`` for a content hash or an input id."""
    row = cur.execute("SELECT article_id FROM articles WHERE article_id = ? UNION ALL "
                      "(SELECT article_id FROM articles WHERE id = ? ORDER BY seq LIMIT 1) LIMIT 1",
                      [ident, ident]).fetchone()
    return str(row[0]) if row else None


_PIECES = re.compile(r"\w+(?:['’]\w+)?|\W+")


def diff_segments(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both sentences cut into (text, changed) pieces: the words a spinner swapped are marked on
    each side (for a side-by-side view; the template escapes the text)."""
    from difflib import SequenceMatcher

    a, b = _PIECES.findall(old), _PIECES.findall(new)
    sm = SequenceMatcher(None, [x.lower() for x in a], [x.lower() for x in b], autojunk=False)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        changed = op != "equal"
        if i2 > i1:
            left.append(("".join(a[i1:i2]), changed and bool("".join(a[i1:i2]).strip())))
        if j2 > j1:
            right.append(("".join(b[j1:j2]), changed and bool("".join(b[j1:j2]).strip())))
    return left, right


def article_detail(cur: duckdb.DuckDBPyConnection, ident: str) -> dict[str, Any] | None:
    """The stored analysis (the contract's JSON) with the store's id, provenance, merged events and the
    quotations its quotes share with other articles."""
    aid = find_article(cur, ident)
    if aid is None:
        return None
    row = cur.execute("SELECT analysis, published, source, url, ingested_at, reliability_score FROM articles "
                      "WHERE article_id = ?", [aid]).fetchone()
    assert row is not None
    analysis: dict[str, Any] = json.loads(row[0]) if row[0] else {}
    copied_by = rows(cur, """
        SELECT c.article_id, c.similarity, c.share, c.n_sentences, c.near_duplicate,
               a.title, a.source AS outlet, a.published, a.url
        FROM copies c JOIN articles a ON a.article_id = c.article_id
        WHERE c.source_article_id = ? ORDER BY a.published NULLS LAST, a.seq""", [aid])
    merged = rows(cur, """
        SELECT m.idx, m.merged_id, me.n_articles, me.n_sources, me.n_mentions
        FROM merged_event_mentions m JOIN merged_events me USING (merged_id) WHERE m.article_id = ?
        ORDER BY m.idx""", [aid])
    aliases = rows(cur, "SELECT id, url, source, reason FROM article_aliases WHERE article_id = ?", [aid])
    spun = query.spun_from(cur, aid)
    for src in spun:
        for sent in src["sentences"]:
            sent["original_segments"], sent["segments"] = diff_segments(sent.get("original", ""), sent.get("text", ""))
    return {
        **analysis,
        "article_id": aid,
        "stored": {"ingested_at": row[4], "reliability_score": row[5]},
        "provenance": {"copies": query.copies_of(cur, aid), "copied_by": copied_by, "aliases": aliases,
                       "spun_from": spun, "stitched_from": query.stitched_from(cur, aid),
                       "spun_by": query.spun_by(cur, aid)},
        "merged_events": merged,
        "quotations": query.article_quotations(cur, aid),
    }


# --- events ---------------------------------------------------------------------------------------

def event_articles(cur: duckdb.DuckDBPyConnection, merged_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """For each merged event, the articles that report it, with the evidence sentence."""
    if not merged_ids:
        return {}
    found = rows(cur, """
        SELECT m.merged_id, m.article_id, m.idx, m.counted, a.title, a.source AS outlet, a.published, a.url,
               e.evidence, e.code
        FROM merged_event_mentions m JOIN articles a USING (article_id)
        JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx
        WHERE list_contains(?, m.merged_id) ORDER BY a.published NULLS LAST, a.seq, m.idx""", [merged_ids])
    out: dict[str, list[dict[str, Any]]] = {}
    for r in found:
        out.setdefault(r.pop("merged_id"), []).append(r)
    return out


def merged_events(cur: duckdb.DuckDBPyConnection, f: EventFilter, merged_id: str | None = None,
                  with_articles: bool = True) -> list[dict[str, Any]]:
    if merged_id:
        found = rows(cur, "SELECT * FROM merged_events WHERE merged_id = ?", [merged_id])
    else:
        found = query.merged_events(cur, f)
    if with_articles:
        arts = event_articles(cur, [r["merged_id"] for r in found])
        for r in found:
            r["articles"] = arts.get(r["merged_id"], [])
    return found


# --- dyad -----------------------------------------------------------------------------------------

def auto_period(cur: duckdb.DuckDBPyConnection, f: EventFilter) -> Period:
    found = query.merged_events(cur, EventFilter(dyad=f.dyad, actor=f.actor, limit=None))
    dates = [r["date"] for r in found if r["date"]]
    if not dates:
        return "month"
    days = (max(dates) - min(dates)).days
    return "day" if days <= 92 else "week" if days <= 730 else "month"


def dyad(cur: duckdb.DuckDBPyConnection, a: str, b: str, by: Period | None = None, limit: int = 25) -> dict[str, Any]:
    f = EventFilter(dyad=(a, b), limit=None)
    period = by or auto_period(cur, f)
    timeline = query.dyad_counts(cur, a, b, period)
    events = query.merged_events(cur, f)
    directions = Counter((e["source_actor"], e["target_actor"]) for e in events)
    top = sorted(events, key=lambda e: (-(e["n_articles"] or 0), -abs(e["goldstein"] or 0), str(e["date"])))[:limit]
    gold = [e["goldstein"] for e in events if e["goldstein"] is not None]
    return {
        "a": a.upper(), "b": b.upper(), "by": period, "timeline": timeline,
        "n_events": len(events), "mean_goldstein": round(sum(gold) / len(gold), 2) if gold else None,
        "quad_counts": {q: sum(1 for e in events if e["quad_class"] == q) for q in (1, 2, 3, 4)},
        "directions": [{"source": s, "target": t, "events": n} for (s, t), n in directions.most_common()],
        "top_events": top,
    }


# --- actors ---------------------------------------------------------------------------------------

def actor(cur: duckdb.DuckDBPyConnection, code: str, limit: int = 50) -> dict[str, Any]:
    code = code.upper()
    name_row = cur.execute("""
        SELECT name, count(*) AS n FROM (
            SELECT source_name AS name FROM merged_events WHERE source_actor = ?
            UNION ALL SELECT target_name FROM merged_events WHERE target_actor = ?
            UNION ALL SELECT speaker_name FROM quotes WHERE speaker_actor = ?)
        WHERE name IS NOT NULL GROUP BY name ORDER BY n DESC, name LIMIT 1""", [code, code, code]).fetchone()
    counterparts = rows(cur, """
        SELECT other, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,
               count(*) FILTER (WHERE quad_class = 1) AS quad1, count(*) FILTER (WHERE quad_class = 2) AS quad2,
               count(*) FILTER (WHERE quad_class = 3) AS quad3, count(*) FILTER (WHERE quad_class = 4) AS quad4,
               count(*) FILTER (WHERE outgoing) AS outgoing, count(*) FILTER (WHERE NOT outgoing) AS incoming
        FROM (SELECT CASE WHEN starts_with(source_actor, ?) THEN target_actor ELSE source_actor END AS other,
                     starts_with(source_actor, ?) AS outgoing, goldstein, quad_class
              FROM merged_events WHERE starts_with(source_actor, ?) OR starts_with(target_actor, ?))
        WHERE other IS NOT NULL GROUP BY other ORDER BY events DESC, other LIMIT ?""",
        [code, code, code, code, limit])
    timeline = rows(cur, """
        SELECT date_trunc('month', date)::DATE AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS quad1, count(*) FILTER (WHERE quad_class = 2) AS quad2,
               count(*) FILTER (WHERE quad_class = 3) AS quad3, count(*) FILTER (WHERE quad_class = 4) AS quad4,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM merged_events WHERE (starts_with(source_actor, ?) OR starts_with(target_actor, ?)) AND date IS NOT NULL
        GROUP BY 1 ORDER BY 1""", [code, code])
    events = query.merged_events(cur, EventFilter(actor=code, limit=limit))
    quotes = rows(cur, """
        SELECT q.article_id, q.idx, q.text, q.kind, q.speaker_name, q.speaker_text, q.speaker_actor, q.confidence,
               a.published, a.source AS outlet, a.title
        FROM quotes q JOIN articles a USING (article_id) WHERE starts_with(q.speaker_actor, ?)
        ORDER BY a.published DESC NULLS LAST, a.seq, q.idx LIMIT ?""", [code, limit])
    return {"code": code, "label": actor_name(code), "name": name_row[0] if name_row else None,
            "counterparts": counterparts,
            "timeline": timeline, "events": events, "quotes": quotes}


# --- quotes ---------------------------------------------------------------------------------------

def quotes(cur: duckdb.DuckDBPyConnection, speaker: str | None, text: str | None, limit: int, offset: int = 0,
           sort: str | None = None) -> list[dict[str, Any]]:
    found = query.quotes(cur, speaker=speaker, text=text, limit=min(limit, MAX_LIMIT), offset=offset, sort=sort)
    for r in found:
        marks = [Mark(m.start(), m.end(), "match", 0) for m in re.finditer(re.escape(text), r["text"] or "", re.I)] \
            if text else []
        r["_segments"] = segments(r["text"] or "", marks)
    return found


def top_speakers(cur: duckdb.DuckDBPyConnection, limit: int = 15) -> list[dict[str, Any]]:
    return rows(cur, """
        SELECT coalesce(speaker_name, speaker_text) AS speaker, any_value(speaker_actor) AS actor, count(*) AS quotes
        FROM quotes WHERE coalesce(speaker_name, speaker_text) IS NOT NULL
        GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT ?""", [limit])


def public(row: dict[str, Any]) -> dict[str, Any]:
    """A row without the view-only keys (those starting with ``_``)."""
    return {k: v for k, v in row.items() if not k.startswith("_")}
