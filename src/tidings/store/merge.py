"""Cross-article events: the mentions of one event in many articles become one merged row.

Mentions are merged when they have the same source actor, the same target actor (or both no
target), the same CAMEO root code, and dates (the article's publication date) within
``window_days`` of the group's first report.  Negated mentions ("did not meet") are not events and
are left out.  A mention whose source actor, or whose named target, is not resolved to an actor code
is never merged across articles: unknown stays unknown.

Where it happened is part of the event: the same actors doing the same thing in two different
places are two events.  Two mentions that both have a location (``events.location_*``) merge only
when it is the same place: the same GeoNames id, or, for a place without one, the same name
(case-insensitive) and country.  A mention without a location (the text did not say where) is not a
place of its own: it joins a located group of its actors and root whose first report is within
``window_days`` of its date - one from its own article if there is one (that article placed the
event), else the nearest in date, then the most reported, then the earliest - and only when no
located group fits does it stay among the unlocated ones, merged with those as before.  A merged
event's location is the most common place among its located mentions (the earliest of equals);
none when no mention says where.

Near-duplicate articles (``dedup.clusters``) count once: a group of copies contributes one article,
the mentions of its fullest copy, and the outlet of its first copy.  ``n_copies`` still counts every
stored article that reports the event.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from tidings.actors.types import ROLE_CODES
from tidings.store.dedup import clusters
from tidings.store.writer import insert_rows

WINDOW_DAYS = 3


@dataclass
class Mention:
    article_id: str
    idx: int
    code: str
    root: str
    label: str | None
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    source_actor: str | None
    source_name: str | None
    target_actor: str | None
    target_name: str | None
    has_target: bool
    evidence: str | None
    confidence: float | None
    published: date | None
    outlet: str | None
    url: str | None
    seq: int
    ingested_at: datetime | None
    in_lead: bool
    location_name: str | None = None
    location_country: str | None = None
    location_admin1: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    location_geonames_id: int | None = None

    @property
    def order(self) -> tuple[date, int, int]:
        return (self.published or date.max, self.seq, self.idx)

    @property
    def place(self) -> tuple[Any, ...] | None:
        """Which place the mention is located at, for merging; None when the text did not say."""
        if self.location_geonames_id is not None:
            return ("geonames", int(self.location_geonames_id))
        if self.location_name:
            return ("name", self.location_name.strip().lower(), self.location_country)
        return None

    @property
    def location(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f"location_{f}") for f in MERGED_LOCATION_FIELDS)


#: the location columns of ``merged_events`` (``location_<field>``), taken from its mentions
MERGED_LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonames_id")


_MENTIONS_SQL = """
SELECT e.article_id, e.idx, e.code, e.root, e.label, e.quad_class, e.goldstein, e.plover,
       e.source_actor, e.source_name, e.target_actor, e.target_name,
       (e.target_text IS NOT NULL OR e.target_actor IS NOT NULL) AS has_target,
       e.evidence, e.confidence, a.published, a.source, a.url, a.seq, a.ingested_at,
       coalesce(e.start < nullif(strpos(a.text, chr(10) || chr(10)), 0) - 1, e.sentence = 0, false) AS in_lead,
       e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
       e.location_geonames_id
FROM events e JOIN articles a USING (article_id)
WHERE NOT coalesce(e.negated, false) AND e.code IS NOT NULL
"""


def load_mentions(conn: duckdb.DuckDBPyConnection) -> list[Mention]:
    out = []
    for r in conn.execute(_MENTIONS_SQL).fetchall():
        outlet = r[16] or (urlsplit(r[17]).hostname if r[17] else None)
        out.append(Mention(*r[:16], outlet, *r[17:]))
    return out


def _group_key(m: Mention) -> tuple[Any, ...]:
    root = m.root or (m.code or "")[:2]
    resolved = m.source_actor is not None and (m.target_actor is not None or not m.has_target)
    if not resolved:
        return ("article", m.article_id, m.idx)
    return (m.source_actor, m.target_actor, root)


def _windows(ms: list[Mention], window_days: int) -> list[list[Mention]]:
    """Mentions (in order) cut into windows, each anchored at its first report."""
    groups: list[list[Mention]] = []
    current: list[Mention] = []
    for m in ms:
        first = current[0] if current else None
        if first is not None and _within(first, m, window_days):
            current.append(m)
        else:
            if current:
                groups.append(current)
            current = [m]
    if current:
        groups.append(current)
    return groups


def _within(first: Mention, m: Mention, window_days: int) -> bool:
    """Whether ``m`` falls in the window of a group first reported by ``first`` (both undated counts)."""
    if first.published is None or m.published is None:
        return first.published is None and m.published is None
    return (m.published - first.published).days <= window_days


def _days_apart(first: Mention, m: Mention) -> int:
    if first.published is None or m.published is None:
        return 0
    return abs((m.published - first.published).days)


def _locate(unlocated: list[Mention], located: list[list[Mention]], window_days: int) -> list[Mention]:
    """Add each mention without a place to the located group it fits best (see the module's
    docstring); return the ones no located group takes."""
    anchors = [g[0] for g in located]
    sizes = [len({m.article_id for m in g}) for g in located]
    left: list[Mention] = []
    for m in unlocated:
        fits = [i for i, first in enumerate(anchors)
                if first.published is None and m.published is None
                or (first.published is not None and m.published is not None
                    and abs((m.published - first.published).days) <= window_days)]
        if not fits:
            left.append(m)
            continue
        best = min(fits, key=lambda i: (not any(x.article_id == m.article_id for x in located[i]),
                                        _days_apart(anchors[i], m), -sizes[i], anchors[i].order))
        located[best].append(m)
    return left


def _role_fits(bare: str | None, full: str | None) -> bool:
    """``full`` is ``bare``, or ``bare`` is a role with no country and ``full`` that role of
    some country ("COP" and "PERCOP")."""
    if bare == full:
        return True
    return bare is not None and full is not None and bare in ROLE_CODES and len(full) == 6 \
        and full[3:] == bare and full[:3] not in ROLE_CODES


def _join_bare_roles(by_key: dict[tuple[Any, ...], list[Mention]]) -> None:
    """A report with no place whose sides are only roles ("police detained protesters") is the
    same act as the reports that place it, whose roles the place gave a country ("PERCOP"
    detained "PEROPP" in Cusco): its unlocated mentions join the most reported such key of the
    same root, and are then placed among its groups like any mention without a place."""
    for key in [k for k in by_key if k[0] != "article" and (k[0] in ROLE_CODES or k[1] in ROLE_CODES)]:
        src, tgt, root = key
        fits = [k for k in by_key if k != key and k[0] != "article" and k[2] == root
                and _role_fits(src, k[0]) and _role_fits(tgt, k[1])]
        if not fits:
            continue
        best = max(fits, key=lambda k: (len({m.article_id for m in by_key[k]}), str(k)))
        moving = [m for m in by_key[key] if m.place is None]
        if moving:
            by_key[best].extend(moving)
            by_key[key] = [m for m in by_key[key] if m.place is not None]
            if not by_key[key]:
                del by_key[key]


def group_mentions(mentions: list[Mention], window_days: int = WINDOW_DAYS) -> list[list[Mention]]:
    """Mentions grouped by actors and root, then by place, then cut into windows anchored at each
    first report; mentions without a place join a located group that fits them (module docstring)."""
    by_key: dict[tuple[Any, ...], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[_group_key(m)].append(m)
    _join_bare_roles(by_key)
    groups: list[list[Mention]] = []
    for ms in by_key.values():
        ms.sort(key=lambda m: m.order)
        by_place: dict[tuple[Any, ...], list[Mention]] = defaultdict(list)
        unlocated: list[Mention] = []
        for m in ms:
            place = m.place
            if place is None:
                unlocated.append(m)
            else:
                by_place[place].append(m)
        located = [g for place_ms in by_place.values() for g in _windows(place_ms, window_days)]
        left = _locate(unlocated, located, window_days)
        for g in located:
            g.sort(key=lambda m: m.order)
        groups.extend(sorted(located + _windows(left, window_days), key=lambda g: g[0].order))
    return groups


def summarise(group: list[Mention], cluster_of: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One merged-event row and its mention rows; copies of one story count once."""
    first = group[0]
    per_article: dict[str, list[Mention]] = defaultdict(list)
    for m in group:
        per_article[m.article_id].append(m)
    per_cluster: dict[str, list[str]] = defaultdict(list)
    for aid in per_article:
        per_cluster[cluster_of.get(aid, aid)].append(aid)
    counted_articles: set[str] = set()
    outlets: set[str] = set()
    n_mentions = 0
    for aids in per_cluster.values():
        # the fullest copy stands for the group; its earliest copy gives the outlet
        best = max(aids, key=lambda a: (len(per_article[a]), -per_article[a][0].seq))
        counted_articles.add(best)
        n_mentions += len(per_article[best])
        earliest = min(aids, key=lambda a: per_article[a][0].order)
        if per_article[earliest][0].outlet:
            outlets.add(per_article[earliest][0].outlet.strip().lower())
    counted = [m for m in group if m.article_id in counted_articles]
    codes = Counter(m.code for m in counted)
    top = max(codes.values())
    code = first.code if codes[first.code] == top else next(m.code for m in counted if codes[m.code] == top)
    rep = next(m for m in group if m.code == code)
    key = "|".join(str(x) for x in (_group_key(first), first.article_id, first.idx))
    merged_id = hashlib.sha1(key.encode()).hexdigest()[:16]
    dated = [m.published for m in group if m.published]
    places = Counter(m.place for m in group if m.place is not None)
    where = next((m for m in group if m.place is not None and places[m.place] == max(places.values())), None)
    if where is not None:  # the commonest location of that place (a place without an id may vary)
        shapes = Counter(m.location for m in group if m.place == where.place)
        loc = next(m.location for m in group if m.place == where.place and shapes[m.location] == max(shapes.values()))
    else:
        loc = (None,) * len(MERGED_LOCATION_FIELDS)
    row = {
        "merged_id": merged_id, "code": code, "root": rep.root, "label": rep.label, "quad_class": rep.quad_class,
        "goldstein": rep.goldstein, "plover": rep.plover, "source_actor": first.source_actor,
        "source_name": first.source_name, "target_actor": first.target_actor, "target_name": first.target_name,
        "date": first.published, "last_date": max(dated) if dated else None, "n_mentions": n_mentions,
        "n_articles": len(per_cluster), "n_sources": len(outlets), "n_copies": len(per_article),
        "first_article_id": first.article_id, "first_url": first.url, "first_source": first.outlet,
        "first_evidence": first.evidence, "first_added": first.ingested_at, "is_root": first.in_lead,
        "confidence": max((m.confidence or 0.0) for m in group),
        **{f"location_{f}": v for f, v in zip(MERGED_LOCATION_FIELDS, loc)},
    }
    mentions = [
        {"merged_id": merged_id, "article_id": m.article_id, "idx": m.idx, "counted": m.article_id in counted_articles}
        for m in group
    ]
    return row, mentions


MERGED_COLUMNS = (
    "merged_id", "code", "root", "label", "quad_class", "goldstein", "plover", "source_actor", "source_name",
    "target_actor", "target_name", "date", "last_date", "n_mentions", "n_articles", "n_sources", "n_copies",
    "first_article_id", "first_url", "first_source", "first_evidence", "first_added", "is_root", "confidence",
    *(f"location_{f}" for f in MERGED_LOCATION_FIELDS),
)
MENTION_COLUMNS = ("merged_id", "article_id", "idx", "counted")


def _by_id(rows: Iterable[tuple[Any, ...]]) -> dict[str, set[tuple[Any, ...]]]:
    out: dict[str, set[tuple[Any, ...]]] = defaultdict(set)
    for r in rows:
        out[r[0]].add(r)
    return out


def rebuild(conn: duckdb.DuckDBPyConnection, window_days: int = WINDOW_DAYS) -> int:
    """Recompute every merged event from the stored mentions and write only what changed, in one
    transaction; return the count.

    Every merged event is recomputed (so a run killed before this step is caught up by the next),
    but a merged event whose row and mentions come out the same is left untouched: deleting and
    re-inserting both tables on every run made a no-op re-run rewrite them, and DuckDB puts
    rewritten rows in new blocks, so the file grew by the tables' size each time."""
    mentions = load_mentions(conn)
    cluster_of = clusters(conn)
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for group in group_mentions(mentions, window_days):
        row, ms = summarise(group, cluster_of)
        rows.append(row)
        links.extend(ms)
    want = _by_id(tuple(r[c] for c in MERGED_COLUMNS) for r in rows)
    want_links = _by_id(tuple(m[c] for c in MENTION_COLUMNS) for m in links)
    conn.execute("BEGIN TRANSACTION")
    try:
        have = _by_id(conn.execute(f"SELECT {_cols(MERGED_COLUMNS)} FROM merged_events").fetchall())
        have_links = _by_id(conn.execute(f"SELECT {_cols(MENTION_COLUMNS)} FROM merged_event_mentions").fetchall())
        ids = want.keys() | want_links.keys() | have.keys() | have_links.keys()
        changed = {i for i in ids if want.get(i) != have.get(i) or want_links.get(i) != have_links.get(i)}
        stale = changed & (have.keys() | have_links.keys())
        if stale:
            conn.register("_tidings_stale", pa.table({"merged_id": sorted(stale, key=str)}))
            try:
                for table in ("merged_event_mentions", "merged_events"):
                    conn.execute(f"DELETE FROM {table} WHERE merged_id IN (SELECT merged_id FROM _tidings_stale)")
            finally:
                conn.unregister("_tidings_stale")
        insert_rows(conn, "merged_events", [r for r in rows if r["merged_id"] in changed])
        insert_rows(conn, "merged_event_mentions", [m for m in links if m["merged_id"] in changed])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(rows)


def _cols(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)
