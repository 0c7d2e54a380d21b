"""Simple filtered reads of the store, returning plain dicts (the CLI prints them, a web UI serves them).

Actor filters match CAMEO code prefixes: ``USA`` matches ``USA``, ``USAGOV`` and ``USAMIL``.
Dates are ISO ``YYYY-MM-DD`` and bounds are inclusive.  Place filters look at where the event took
place (``location_*``): ``country`` its ISO3 code, ``adm1`` its first-level division's name
(case-insensitive), ``bbox`` its point inside ``min_lon,min_lat,max_lon,max_lat`` (a box whose
min_lon is above its max_lon crosses the antimeridian); an event with no location matches none.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import duckdb

from tidings.actors.types import ROLE_CODES
from tidings.errors import TidingsError


class FilterError(TidingsError, ValueError):
    """A filter value out of its range; ``field`` names the filter (``quad``, ``min_sources``), so the
    CLI can say ``--quad`` and the API ``quad`` about the same rule."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


def _check_range(field: str, value: int | None, lo: int, hi: int | None = None) -> None:
    if value is None:
        return
    if value < lo or (hi is not None and value > hi):
        raise FilterError(field, f"must be between {lo} and {hi}, not {value}" if hi is not None
                          else f"must be at least {lo}, not {value}")


def _check_dates(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise FilterError("from", f"({date_from}) is after to ({date_to}): give the earlier date first")


BBox = tuple[float, float, float, float]


def parse_bbox(text: str) -> BBox:
    """``min_lon,min_lat,max_lon,max_lat`` as four numbers (checked as ``EventFilter`` does)."""
    parts = [p.strip() for p in text.split(",")]
    try:
        if len(parts) != 4:
            raise ValueError
        box = (float(parts[0]), float(parts[1]), float(parts[2]), float(parts[3]))
    except ValueError:
        raise FilterError("bbox", f"wants four numbers min_lon,min_lat,max_lon,max_lat (e.g. 28,-3,31,0), "
                          f"not {text!r}") from None
    _check_bbox(box)
    return box


def _check_bbox(box: BBox) -> None:
    min_lon, min_lat, max_lon, max_lat = box
    if not all(math.isfinite(v) for v in box):
        raise FilterError("bbox", "wants finite numbers")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise FilterError("bbox", f"longitudes must be between -180 and 180, not {min_lon} and {max_lon}")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise FilterError("bbox", f"latitudes must be between -90 and 90, not {min_lat} and {max_lat}")
    if min_lat > max_lat:
        raise FilterError("bbox", f"min_lat ({min_lat}) is above max_lat ({max_lat}): the order is "
                          "min_lon,min_lat,max_lon,max_lat")


@dataclass
class EventFilter:
    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # the two actors, either direction
    code: str | None = None  # CAMEO code prefix
    root: str | None = None
    quad_class: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    outlet: str | None = None
    min_sources: int | None = None
    limit: int | None = 100
    offset: int = 0  # rows skipped before the first one returned (paging)
    sort: str | None = None  # a column key of the list (MERGED_SORT, MENTION_SORT); "-key" for descending
    country: str | None = None  # ISO3 code of the event's location
    adm1: str | None = None  # first-level division of the event's location, by name
    bbox: BBox | None = None  # min_lon, min_lat, max_lon, max_lat around the event's location

    def __post_init__(self) -> None:
        """One validator for every caller (CLI, API, pages): a value out of range is a FilterError."""
        _check_range("offset", self.offset, 0)
        _check_range("quad", self.quad_class, 1, 4)
        _check_range("min_sources", self.min_sources, 0)
        _check_range("limit", self.limit, 1)
        _check_dates(self.date_from, self.date_to)
        if self.root is not None and not (re.fullmatch(r"\d{1,2}", self.root) and 1 <= int(self.root) <= 20):
            raise FilterError("root", f"must be a CAMEO root code from 01 to 20, not {self.root!r}")
        if self.root is not None:
            self.root = f"{int(self.root):02d}"
        if self.code is not None and not re.fullmatch(r"\d{1,4}", self.code):
            raise FilterError("code", f"must be a CAMEO event code prefix of 1-4 digits, such as 19 or 0314, "
                              f"not {self.code!r}")
        if self.dyad is not None and (len(self.dyad) != 2 or not all(p.strip() for p in self.dyad)):
            raise FilterError("dyad", "wants two actor codes separated by a comma, e.g. USA,RUS")
        if self.country is not None:
            if not re.fullmatch(r"[A-Za-z]{3}", self.country.strip()):
                raise FilterError("country", f"must be an ISO 3166 alpha-3 country code such as COD or USA, "
                                  f"not {self.country!r}")
            self.country = self.country.strip().upper()
        if self.adm1 is not None and not self.adm1.strip():
            raise FilterError("adm1", "must name a first-level division, such as Nord Kivu")
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise FilterError("bbox", "wants four numbers min_lon,min_lat,max_lon,max_lat")
            _check_bbox(self.bbox)


@dataclass
class ArticleFilter:
    text: str | None = None  # in title or body, case-insensitive
    outlet: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    min_reliability: int | None = None
    max_reliability: int | None = None
    limit: int | None = 100
    offset: int = 0
    sort: str | None = None  # a key of ARTICLE_SORT; "-key" for descending

    def __post_init__(self) -> None:
        check_article_filter(self.min_reliability, self.max_reliability, self.date_from, self.date_to, self.limit)
        _check_range("offset", self.offset, 0)


def check_article_filter(min_reliability: int | None, max_reliability: int | None, date_from: date | None,
                         date_to: date | None, limit: int | None) -> None:
    """The article filters' rules, shared by ``ArticleFilter`` and the web's article search."""
    _check_range("min_reliability", min_reliability, 0, 100)
    _check_range("max_reliability", max_reliability, 0, 100)
    if min_reliability is not None and max_reliability is not None and min_reliability > max_reliability:
        raise FilterError("min_reliability", f"({min_reliability}) is above max_reliability ({max_reliability})")
    _check_range("limit", limit, 1)
    _check_dates(date_from, date_to)


class _Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _limit(n: int | None, offset: int = 0) -> str:
    return (f" LIMIT {int(n)}" if n else "") + (f" OFFSET {int(offset)}" if offset else "")


#: the columns each list sorts by: key (as given in ``sort``) -> SQL over the list's rows
MERGED_SORT = {"date": "date", "code": "code", "source": "source_actor", "target": "target_actor",
               "quad": "quad_class", "goldstein": "goldstein", "mentions": "n_mentions", "articles": "n_articles",
               "sources": "n_sources"}
MENTION_SORT = {"date": "published", "code": "code", "source": "source_actor", "target": "target_actor",
                "quad": "quad_class", "goldstein": "goldstein", "outlet": "outlet", "title": "title"}
ARTICLE_SORT = {"date": "published", "title": "title", "outlet": "source", "reliability": "reliability_score",
                "events": "n_events", "quotes": "n_quotes", "signals": "n_signals", "copied_from": "n_copied_from",
                "copied_by": "n_copied_by"}
QUOTE_SORT = {"date": "published", "speaker": "coalesce(speaker_name, speaker_text)", "kind": "kind",
              "outlet": "outlet", "title": "title", "confidence": "confidence"}


def order_by(sort: str | None, columns: dict[str, str], default: str, tiebreak: str) -> str:
    """`` ORDER BY`` for ``sort`` ("key" ascending, "-key" descending; None: the list's default order),
    ending with ``tiebreak`` so that pages never overlap.  An unknown key is a FilterError."""
    if not sort:
        return f" ORDER BY {default}, {tiebreak}"
    key = sort[1:] if sort.startswith("-") else sort
    if key not in columns:
        raise FilterError("sort", f"must be one of {', '.join(columns)} (a leading - sorts descending), not {sort!r}")
    return f" ORDER BY {columns[key]} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, {tiebreak}"


def count(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int:
    row = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    return int(row[0]) if row else 0


def _actor_is(col: str, code: str) -> tuple[str, list[str]]:
    """An actor filter: a code prefix ("RUS" is every Russian actor); a role with no country
    ("COP") is that role of any country too ("PERCOP"), as the place of an act gives a role its
    country."""
    code = code.upper()
    if code in ROLE_CODES:
        return f"(starts_with({col}, ?) OR (length({col}) = 6 AND substr({col}, 4) = ?))", [code, code]
    return f"starts_with({col}, ?)", [code]


def _event_where(f: EventFilter, date_col: str, outlet_sql: str) -> _Where:
    w = _Where()
    if f.actor:
        (a_sql, a_p), (b_sql, b_p) = _actor_is("source_actor", f.actor), _actor_is("target_actor", f.actor)
        w.add(f"({a_sql} OR {b_sql})", *a_p, *b_p)
    if f.source:
        sql, ps = _actor_is("source_actor", f.source)
        w.add(sql, *ps)
    if f.target:
        sql, ps = _actor_is("target_actor", f.target)
        w.add(sql, *ps)
    if f.dyad:
        (s1, p1), (t1, q1) = _actor_is("source_actor", f.dyad[0]), _actor_is("target_actor", f.dyad[1])
        (s2, p2), (t2, q2) = _actor_is("source_actor", f.dyad[1]), _actor_is("target_actor", f.dyad[0])
        w.add(f"(({s1} AND {t1}) OR ({s2} AND {t2}))", *p1, *q1, *p2, *q2)
    if f.code:
        w.add("starts_with(code, ?)", f.code)
    if f.root:
        w.add("root = ?", f.root.zfill(2))
    if f.quad_class is not None:
        w.add("quad_class = ?", f.quad_class)
    if f.date_from:
        w.add(f"{date_col} >= ?", f.date_from)
    if f.date_to:
        w.add(f"{date_col} <= ?", f.date_to)
    if f.outlet:
        w.add(outlet_sql, f"%{f.outlet}%")
    _place_where(w, f, "location_country", "location_admin1", "location_lat", "location_lon")
    return w


def _place_where(w: _Where, f: EventFilter, country: str, admin1: str, lat: str, lon: str) -> None:
    """The place filters (country, division, bounding box) on the given columns."""
    if f.country:
        w.add(f"{country} = ?", f.country)
    if f.adm1:
        w.add(f"lower({admin1}) = lower(?)", f.adm1.strip())
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        w.add(f"{lat} BETWEEN ? AND ?", min_lat, max_lat)
        if min_lon <= max_lon:
            w.add(f"{lon} BETWEEN ? AND ?", min_lon, max_lon)
        else:  # across the antimeridian
            w.add(f"({lon} >= ? OR {lon} <= ?)", min_lon, max_lon)


def _merged_sql(f: EventFilter) -> tuple[str, list[Any]]:
    w = _event_where(
        f, "date",
        "merged_id IN (SELECT m.merged_id FROM merged_event_mentions m JOIN articles a USING (article_id) "
        "WHERE a.source ILIKE ?)",
    )
    if f.min_sources:
        w.add("n_sources >= ?", f.min_sources)
    base = ("SELECT m.*, a.id AS first_id, a.title AS first_title FROM merged_events m "
            "LEFT JOIN articles a ON a.article_id = m.first_article_id")
    return f"SELECT * FROM ({base})" + w.sql(), w.params


def merged_events(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Merged cross-article events, the most widely reported first (or by ``f.sort``)."""
    f = f or EventFilter()
    sql, params = _merged_sql(f)
    order = order_by(f.sort, MERGED_SORT, "n_articles DESC, n_mentions DESC, date NULLS LAST", "merged_id")
    return _rows(conn, sql + order + _limit(f.limit, f.offset), params)


def count_merged_events(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> int:
    """How many merged events match ``f`` (its limit and offset aside)."""
    return count(conn, *_merged_sql(f or EventFilter()))


_MENTIONS = """
SELECT e.*, a.published, a.source AS outlet, a.url, a.title, m.merged_id, me.n_sources
FROM events e JOIN articles a USING (article_id)
LEFT JOIN merged_event_mentions m ON m.article_id = e.article_id AND m.idx = e.idx
LEFT JOIN merged_events me ON me.merged_id = m.merged_id
"""


def _mentions_sql(f: EventFilter) -> tuple[str, list[Any]]:
    w = _event_where(f, "published", "outlet ILIKE ?")
    if f.min_sources:
        w.add("n_sources >= ?", f.min_sources)
    return f"SELECT * FROM ({_MENTIONS})" + w.sql(), w.params


def event_mentions(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """One row per event mention in an article, with the article's date and outlet."""
    f = f or EventFilter()
    sql, params = _mentions_sql(f)
    order = order_by(f.sort, MENTION_SORT, "published NULLS LAST", "article_id, idx")
    return _rows(conn, sql + order + _limit(f.limit, f.offset), params)


def count_event_mentions(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> int:
    return count(conn, *_mentions_sql(f or EventFilter()))


def _articles_sql(f: ArticleFilter) -> tuple[str, list[Any]]:
    w = _Where()
    if f.text:
        w.add("(a.title ILIKE ? OR a.text ILIKE ?)", f"%{f.text}%", f"%{f.text}%")
    if f.outlet:
        w.add("a.source ILIKE ?", f"%{f.outlet}%")
    if f.date_from:
        w.add("a.published >= ?", f.date_from)
    if f.date_to:
        w.add("a.published <= ?", f.date_to)
    if f.min_reliability is not None:
        w.add("a.reliability_score >= ?", f.min_reliability)
    if f.max_reliability is not None:
        w.add("a.reliability_score <= ?", f.max_reliability)
    sql = (
        "SELECT a.article_id, a.id, a.title, a.published, a.source, a.url, a.reliability_score, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS n_events, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS n_quotes, "
        "(SELECT count(*) FROM signals s WHERE s.article_id = a.article_id) AS n_signals, "
        "(SELECT count(*) FROM copies c WHERE c.article_id = a.article_id) AS n_copied_from, "
        "(SELECT count(*) FROM copies c WHERE c.source_article_id = a.article_id) AS n_copied_by, a.seq "
        "FROM articles a" + w.sql()
    )
    return sql, w.params


def articles(conn: duckdb.DuckDBPyConnection, f: ArticleFilter | None = None) -> list[dict[str, Any]]:
    """Articles with counts of their findings and of the earlier articles they copy from."""
    f = f or ArticleFilter()
    sql, params = _articles_sql(f)
    order = order_by(f.sort, ARTICLE_SORT, "published NULLS LAST", "seq")
    out = _rows(conn, f"SELECT * FROM ({sql})" + order + _limit(f.limit, f.offset), params)
    for r in out:
        r.pop("seq", None)
    return out


def count_articles(conn: duckdb.DuckDBPyConnection, f: ArticleFilter | None = None) -> int:
    return count(conn, *_articles_sql(f or ArticleFilter()))


def _quotes_sql(speaker: str | None, text: str | None) -> tuple[str, list[Any]]:
    w = _Where()
    if speaker:
        w.add("(q.speaker_name ILIKE ? OR q.speaker_text ILIKE ? OR starts_with(q.speaker_actor, ?))",
              f"%{speaker}%", f"%{speaker}%", speaker.upper())
    if text:
        w.add("q.text ILIKE ?", f"%{text}%")
    sql = ("SELECT q.*, a.published, a.source AS outlet, a.title, a.seq FROM quotes q JOIN articles a USING (article_id)"
           + w.sql())
    return sql, w.params


def quotes(
    conn: duckdb.DuckDBPyConnection, speaker: str | None = None, text: str | None = None, limit: int | None = 100,
    offset: int = 0, sort: str | None = None,
) -> list[dict[str, Any]]:
    """Quotes by speaker (name, mention or actor code) and/or text."""
    _check_range("limit", limit, 1)
    _check_range("offset", offset, 0)
    sql, params = _quotes_sql(speaker, text)
    order = order_by(sort, QUOTE_SORT, "published NULLS LAST", "seq, idx")
    out = _rows(conn, f"SELECT * FROM ({sql})" + order + _limit(limit, offset), params)
    for r in out:
        r.pop("seq", None)
    return out


def count_quotes(conn: duckdb.DuckDBPyConnection, speaker: str | None = None, text: str | None = None) -> int:
    return count(conn, *_quotes_sql(speaker, text))


@dataclass
class QuotationFilter:
    """Quotations (quotes merged across articles) by speaker, words, reports and conflict."""

    speaker: str | None = None  # a mention's speaker name, words or actor code prefix
    text: str | None = None  # in the canonical text or any mention (case-insensitive)
    min_mentions: int | None = None
    min_sources: int | None = None
    conflict: bool = False  # only quotations whose mentions name different speakers
    limit: int | None = 100
    offset: int = 0
    sort: str | None = None  # a key of QUOTATION_SORT; "-key" for descending

    def __post_init__(self) -> None:
        _check_range("min_mentions", self.min_mentions, 1)
        _check_range("min_sources", self.min_sources, 0)
        _check_range("limit", self.limit, 1)
        _check_range("offset", self.offset, 0)
        if self.sort:
            order_by(self.sort, QUOTATION_SORT, "", "")  # an unknown key is a FilterError now


QUOTATION_SORT = {"first": "first_published", "last": "last_published", "mentions": "n_mentions",
                  "articles": "n_articles", "sources": "n_sources", "speaker": "speaker_name", "words": "n_words"}


def _quotations_sql(f: QuotationFilter) -> tuple[str, list[Any]]:
    w = _Where()
    if f.speaker:
        w.add("qt.quotation_id IN (SELECT m.quotation_id FROM quotation_mentions m JOIN quotes q "
              "USING (article_id, idx) WHERE q.speaker_name ILIKE ? OR q.speaker_text ILIKE ? "
              "OR starts_with(q.speaker_actor, ?))", f"%{f.speaker}%", f"%{f.speaker}%", f.speaker.upper())
    if f.text:
        w.add("(qt.text ILIKE ? OR qt.quotation_id IN (SELECT m.quotation_id FROM quotation_mentions m "
              "JOIN quotes q USING (article_id, idx) WHERE q.text ILIKE ?))", f"%{f.text}%", f"%{f.text}%")
    if f.min_mentions is not None:
        w.add("qt.n_mentions >= ?", f.min_mentions)
    if f.min_sources is not None:
        w.add("qt.n_sources >= ?", f.min_sources)
    if f.conflict:
        w.add("qt.speaker_conflict")
    return "SELECT qt.* FROM quotations qt" + w.sql(), w.params


def _quotation_row(r: dict[str, Any]) -> dict[str, Any]:
    r["speakers"] = json.loads(r["speakers"]) if isinstance(r.get("speakers"), str) else r.get("speakers") or []
    return r


def quotations(conn: duckdb.DuckDBPyConnection, f: QuotationFilter | None = None) -> list[dict[str, Any]]:
    """Quotations, the most reported first (or by ``sort``)."""
    f = f or QuotationFilter()
    sql, params = _quotations_sql(f)
    order = order_by(f.sort, QUOTATION_SORT, "n_mentions DESC, first_published NULLS LAST", "quotation_id")
    return [_quotation_row(r) for r in _rows(conn, f"SELECT * FROM ({sql})" + order + _limit(f.limit, f.offset),
                                             params)]


def count_quotations(conn: duckdb.DuckDBPyConnection, f: QuotationFilter | None = None) -> int:
    return count(conn, *_quotations_sql(f or QuotationFilter()))


def quotation(conn: duckdb.DuckDBPyConnection, quotation_id: str) -> dict[str, Any] | None:
    """One quotation with its mentions (first appearance first): each with its article, outlet,
    words as written there, how they matched, the speaker named and whether it is in conflict."""
    found = _rows(conn, "SELECT * FROM quotations WHERE quotation_id = ?", [quotation_id])
    if not found:
        return None
    out = _quotation_row(found[0])
    out["mentions"] = _rows(conn, """
        SELECT m.article_id, m.idx, q.text, q.start, q."end", m."match", q.kind, q.speaker_text, q.speaker_name,
               q.speaker_actor, m.party, m.conflict, a.id, a.title, a.published, a.source AS outlet, a.url
        FROM quotation_mentions m JOIN quotes q USING (article_id, idx) JOIN articles a USING (article_id)
        WHERE m.quotation_id = ? ORDER BY a.published NULLS LAST, a.seq, m.idx""", [quotation_id])
    return out


def article_quotations(conn: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """The quotations an article's quotes belong to that other articles report too (idx -> quotation)."""
    return _rows(conn, """
        SELECT m.idx, m.quotation_id, m.conflict, qt.n_articles, qt.n_sources, qt.first_article_id
        FROM quotation_mentions m JOIN quotations qt USING (quotation_id)
        WHERE m.article_id = ? AND qt.n_articles > 1 ORDER BY m.idx""", [article_id])


def _places_sql(name: str | None, country: str | None, adm1: str | None, bbox: BBox | None
                ) -> tuple[str, list[Any]]:
    # the same rules (and messages) as the event filters' place fields
    f = EventFilter(country=country, adm1=adm1, bbox=bbox, limit=None)
    w = _Where()
    if name:
        w.add("(p.name ILIKE ? OR p.text ILIKE ?)", f"%{name}%", f"%{name}%")
    _place_where(w, f, "p.country", "p.admin1", "p.lat", "p.lon")
    sql = ("SELECT p.*, a.id AS article, a.title, a.published, a.source AS outlet, a.seq "
           "FROM places p JOIN articles a USING (article_id)" + w.sql())
    return sql, w.params


def places(
    conn: duckdb.DuckDBPyConnection, name: str | None = None, country: str | None = None, adm1: str | None = None,
    bbox: BBox | None = None, limit: int | None = 100, offset: int = 0,
) -> list[dict[str, Any]]:
    """Place mentions (one row per mention, in article then text order) by name or mention text
    (substring), ISO3 country, first-level division and bounding box."""
    _check_range("limit", limit, 1)
    _check_range("offset", offset, 0)
    sql, params = _places_sql(name, country, adm1, bbox)
    out = _rows(conn, f"SELECT * FROM ({sql}) ORDER BY published NULLS LAST, seq, idx" + _limit(limit, offset), params)
    for r in out:
        r.pop("seq", None)
    return out


def count_places(conn: duckdb.DuckDBPyConnection, name: str | None = None, country: str | None = None,
                 adm1: str | None = None, bbox: BBox | None = None) -> int:
    return count(conn, *_places_sql(name, country, adm1, bbox))


def copies_of(conn: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """The earlier articles this one copies from, each with its copied sentences."""
    out = _rows(conn, "SELECT c.*, a.title AS source_title, a.source AS source_outlet, a.url AS source_url "
                "FROM copies c JOIN articles a ON a.article_id = c.source_article_id "
                "WHERE c.article_id = ? ORDER BY c.share DESC", [article_id])
    for row in out:
        row["sentences"] = _rows(
            conn, "SELECT sentence, start, \"end\", source_sentence, source_start, source_end, similarity "
            "FROM copied_sentences WHERE article_id = ? AND source_article_id = ? ORDER BY sentence",
            [article_id, row["source_article_id"]],
        )
    return out


def spun_from(conn: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """The earlier articles this one rewords, with the swapped words (original form first) and
    each reworded sentence beside its original."""
    out = _rows(conn, "SELECT s.source_article_id, s.share, s.n_sentences, s.substitutions, s.sentences, "
                "a.title AS source_title, a.source AS source_outlet, a.url AS source_url, a.published AS source_published "
                "FROM spun_from s JOIN articles a ON a.article_id = s.source_article_id "
                "WHERE s.article_id = ? ORDER BY s.share DESC", [article_id])
    text = conn.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()
    body = text[0] if text and text[0] else ""
    for row in out:
        row["substitutions"] = json.loads(row["substitutions"] or "[]")
        sentences = json.loads(row["sentences"] or "[]")
        for sent in sentences:
            sent["text"] = body[sent["start"]:sent["end"]]
        row["sentences"] = sentences
    return out


def stitched_from(conn: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """Which paragraph of this article came from which earlier article."""
    return _rows(conn, "SELECT s.paragraph, s.start, s.\"end\", s.source_article_id, a.title AS source_title, "
                 "a.source AS source_outlet FROM stitched_from s JOIN articles a ON a.article_id = s.source_article_id "
                 "WHERE s.article_id = ? ORDER BY s.paragraph", [article_id])


def spun_by(conn: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """Later articles that reword this one."""
    return _rows(conn, "SELECT s.article_id, s.share, s.n_sentences, a.title, a.source AS outlet, a.published "
                 "FROM spun_from s JOIN articles a USING (article_id) WHERE s.source_article_id = ? "
                 "ORDER BY a.published NULLS LAST, a.seq", [article_id])


Period = Literal["day", "week", "month"]


def dyad_counts(conn: duckdb.DuckDBPyConnection, a: str, b: str, by: Period = "month") -> list[dict[str, Any]]:
    """Merged events between two actors (either direction) per period: counts per quad class, mean Goldstein."""
    if by not in ("day", "week", "month"):
        raise ValueError("by must be day, week or month")
    f = EventFilter(dyad=(a, b), limit=None)
    w = _event_where(f, "date", "")
    w.add("date IS NOT NULL")
    sql = (
        f"SELECT date_trunc('{by}', date)::DATE AS period, count(*) AS events, "
        "count(*) FILTER (WHERE quad_class = 1) AS quad1, count(*) FILTER (WHERE quad_class = 2) AS quad2, "
        "count(*) FILTER (WHERE quad_class = 3) AS quad3, count(*) FILTER (WHERE quad_class = 4) AS quad4, "
        "round(avg(goldstein), 2) AS mean_goldstein FROM merged_events" + w.sql() + " GROUP BY 1 ORDER BY 1"
    )
    return _rows(conn, sql, w.params)


def summary(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables."""
    names = ("articles", "entities", "quotes", "events", "places", "signals", "merged_events", "quotations", "copies",
             "copied_sentences", "spun_from", "stitched_from", "failures", "runs")
    return {n: int(conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0]) for n in names}  # type: ignore[index]


def columns_of(conn: duckdb.DuckDBPyConnection,
               which: Literal["merged", "mentions", "articles", "quotes", "quotations"]) -> list[str]:
    """The columns a list's rows carry (the header of an empty download)."""
    sql, params = {"merged": lambda: _merged_sql(EventFilter()), "mentions": lambda: _mentions_sql(EventFilter()),
                   "articles": lambda: _articles_sql(ArticleFilter()), "quotes": lambda: _quotes_sql(None, None),
                   "quotations": lambda: _quotations_sql(QuotationFilter())}[which]()
    cur = conn.execute(f"SELECT * FROM ({sql}) LIMIT 0", params)
    return [d[0] for d in cur.description if d[0] != "seq"]
