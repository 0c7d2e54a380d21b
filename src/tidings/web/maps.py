"""Points for the maps: located events as JSON the browser draws over the world outline.

The outline is ``tidings/data/world-110m.json`` at ``/static-vendor/world-110m.json`` (Natural Earth
1:110m countries, public domain; made by ``scripts/build_world_map.py``); ``static/map.js`` draws it and the points as SVG, with no tile
server or CDN.  Two sources of points, one shape:

- ``event_points``: every merged event matching an ``EventFilter`` (its page aside), for
  ``/api/events/points``; a point links to the merged event's page (``/events?id=``).
- ``article_points``: one analysis' own events (``event.location``), each linking to its evidence
  in the text (``#ev-N``), and the places the text names.

A point: ``id``, ``href``, ``lat``, ``lon``, ``quad_class``, ``mentions``, ``place`` (the place's
``name``, ``country`` ISO3, ``admin1``, ``geonames_id``), the event's ``date``, ``code``, ``label``,
actors, and ``title``: one line saying all that, for the point's tooltip and accessible name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import duckdb

from tidings.store import query
from tidings.store.query import EventFilter
from tidings.web import data
from tidings.web.views import QUAD_NAMES

#: at most this many points in one answer (the most reported events first); the counts are of all of them
MAX_POINTS = 5000
WORLD = (-180.0, -90.0, 180.0, 90.0)  # as a bbox filter: every event that has a place


def _number(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if out == out else None  # NaN is no place


def _located(lat: Any, lon: Any) -> tuple[float, float] | None:
    la, lo = _number(lat), _number(lon)
    if la is None or lo is None or not (-90 <= la <= 90 and -180 <= lo <= 180):
        return None
    return round(la, 5), round(lo, 5)


def place_label(place: dict[str, Any]) -> str:
    """``Jakarta, Jakarta Raya, IDN``: the name, then the division and country when they add something."""
    parts = [str(place.get("name") or "?")]
    for key in ("admin1", "country"):
        value = place.get(key)
        if value and value not in parts:
            parts.append(str(value))
    return ", ".join(parts)


def _title(date: Any, code: Any, label: Any, source: Any, target: Any, place: dict[str, Any],
           mentions: int | None, quad: Any) -> str:
    bits = [str(date)] if date else []
    bits.append(" ".join(str(x) for x in (code, label) if x) or "event")
    bits.append(f"{source or '—'} → {target or '—'}")
    bits.append(f"Q{quad} {QUAD_NAMES.get(quad, '?')}" if quad else "no quad class")
    bits.append(f"at {place_label(place)}")
    if mentions is not None:
        bits.append(f"{mentions} mention{'' if mentions == 1 else 's'}")
    return " · ".join(bits)


def summary(located: int, unlocated: int, shown: int | None = None) -> str:
    """The map's text twin: ``3 events located, 1 without a place``."""
    text = (f"{located} event{'' if located == 1 else 's'} located, "
            f"{unlocated} without a place")
    if shown is not None and shown < located:
        text += f" (the map shows the {shown} most reported)"
    return text


def _point(r: dict[str, Any]) -> dict[str, Any] | None:
    at = _located(r.get("location_lat"), r.get("location_lon"))
    if at is None:
        return None
    place = {"name": r.get("location_name"), "country": r.get("location_country"),
             "admin1": r.get("location_admin1"), "geonames_id": r.get("location_geonames_id")}
    date = r["date"].isoformat() if r.get("date") is not None else None
    mentions = int(r.get("n_mentions") or 1)
    return {
        "id": r["merged_id"], "href": f"/events?id={r['merged_id']}", "lat": at[0], "lon": at[1],
        "quad_class": r.get("quad_class"), "mentions": mentions, "articles": r.get("n_articles"),
        "date": date, "code": r.get("code"), "label": r.get("label"),
        "source_actor": r.get("source_actor"), "target_actor": r.get("target_actor"), "place": place,
        "title": _title(date, r.get("code"), r.get("label"), r.get("source_actor") or r.get("source_name"),
                        r.get("target_actor") or r.get("target_name"), place, mentions, r.get("quad_class")),
    }


def event_points(cur: duckdb.DuckDBPyConnection, f: EventFilter, merged_id: str | None = None,
                 limit: int = MAX_POINTS) -> dict[str, Any]:
    """Every merged event matching ``f`` (limit, offset and sort aside), or the one ``merged_id``, that
    has a place, as points, the most reported first; ``located`` and ``unlocated`` count all of the
    matching events (``limit=0``: the counts alone).

    The store does the work: a located event is one inside the whole world's bbox, so the counts
    are two COUNTs and the points one query of at most ``limit`` rows."""
    if merged_id:
        rows = data.merged_events(cur, f, merged_id, with_articles=False)
        found = [p for p in map(_point, rows) if p is not None]
        located, unlocated = len(found), len(rows) - len(found)
        points = found[:limit]
    else:
        every = replace(f, limit=None, offset=0, sort=None)
        here = replace(every, bbox=f.bbox or WORLD)
        total = query.count_merged_events(cur, every)
        located = query.count_merged_events(cur, here)
        unlocated = total - located
        rows = query.merged_events(cur, replace(here, limit=limit)) if limit else []
        points = [p for p in map(_point, rows) if p is not None]
    return {"located": located, "unlocated": unlocated, "returned": len(points),
            "truncated": bool(limit) and len(points) < located,
            "summary": summary(located, unlocated, len(points) if limit else None), "points": points}


def _participant(p: dict[str, Any] | None) -> str | None:
    if not p:
        return None
    return p.get("actor") or p.get("name") or p.get("text")


def article_points(analysis: dict[str, Any]) -> dict[str, Any]:
    """One analysis' events that have a ``location`` (each linking to ``#ev-N`` in the text) and the
    distinct places it names (``places``, by GeoNames id or name), for the article's small map."""
    published = (analysis.get("article") or {}).get("published")
    date = str(published)[:10] if published else None
    points: list[dict[str, Any]] = []
    unlocated = 0
    for i, ev in enumerate(analysis.get("events") or []):
        loc = ev.get("location") or {}
        at = _located(loc.get("lat"), loc.get("lon"))
        if at is None:
            unlocated += 1
            continue
        place = {"name": loc.get("name"), "country": loc.get("country"), "admin1": loc.get("admin1"),
                 "geonames_id": loc.get("geonames_id")}
        source, target = _participant(ev.get("source")), _participant(ev.get("target"))
        title = _title(date, ev.get("code"), ev.get("label"), source, target, place, None, ev.get("quad_class"))
        if loc.get("via"):
            title += f" (placed by its {loc['via']})"
        points.append({
            "id": i, "href": f"#ev-{i}", "lat": at[0], "lon": at[1], "quad_class": ev.get("quad_class"),
            "mentions": 1, "date": date, "code": ev.get("code"), "label": ev.get("label"),
            "source_actor": source, "target_actor": target, "place": place, "via": loc.get("via"),
            "confidence": loc.get("confidence"), "title": title,
        })
    seen: dict[Any, dict[str, Any]] = {}
    for p in analysis.get("places") or []:
        at = _located(p.get("lat"), p.get("lon"))
        if at is None:
            continue
        key = p.get("geonames_id") or (p.get("name"), at)
        if key in seen:
            seen[key]["count"] += 1
            continue
        seen[key] = {"name": p.get("name"), "country": p.get("country"), "admin1": p.get("admin1"),
                     "geonames_id": p.get("geonames_id"), "feature": p.get("feature"), "lat": at[0], "lon": at[1],
                     "count": 1}
    places = list(seen.values())
    for p in places:
        p["title"] = f"{place_label(p)}: named {p['count']} time{'' if p['count'] == 1 else 's'}"
    text = summary(len(points), unlocated)
    if places:
        text += f"; {len(places)} place{'' if len(places) == 1 else 's'} named"
    return {"located": len(points), "unlocated": unlocated, "returned": len(points), "truncated": False,
            "summary": text, "points": points, "places": places}
