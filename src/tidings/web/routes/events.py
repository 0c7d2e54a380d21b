"""``/events``: merged cross-article events, filterable, sortable and paged, each with the articles
that report it; ``/api/mentions``: the single event mentions behind them.  Both download as CSV,
Parquet or GDELT 2.0 rows with the filters applied."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from tidings.store import query
from tidings.store.export import Kind
from tidings.store.query import EventFilter
from tidings.web import data, downloads, maps
from tidings.web.params import blank, event_filter, event_params, listing
from tidings.web.render import page
from tidings.web.routes.deps import cursor
from tidings.web.views import QUAD_NAMES

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Filter = Annotated[EventFilter, Depends(event_filter)]
MergedId = Annotated[str | None, Query(alias="id", description="One merged event by its merged_id.")]
FormatParam = Annotated[downloads.Format, Query(
    description="json (default); csv, parquet or gdelt (GDELT 2.0 event rows) download every matching row.")]


def _page(cur: duckdb.DuckDBPyConnection, f: EventFilter, merged_id: str | None) -> tuple[list[dict[str, Any]], int]:
    found = data.merged_events(cur, f, merged_id)
    total = len(found) if merged_id else query.count_merged_events(cur, f)
    return found, total


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, cur: Cur, f: Filter, merged_id: MergedId = None) -> HTMLResponse:
    found, total = _page(cur, f, blank(merged_id))
    params = event_params(f)
    if blank(merged_id):
        params["id"] = str(merged_id)
    chart = [{"date": r["date"].isoformat(), "quad": r["quad_class"], "goldstein": r["goldstein"]}
             for r in found if r["date"] is not None]
    located = maps.event_points(cur, f, blank(merged_id), limit=0)
    return page(request, "events.html", title="Events", rows=found, f=f, params=params, chart=chart,
                outlets=data.outlets(cur), twin="/api/events", quads=QUAD_NAMES, map_summary=located["summary"],
                paging=listing("/events", params, [], total, f.limit or len(found), f.offset))


def _export(cur: duckdb.DuckDBPyConnection, f: EventFilter, fmt: downloads.Format, kind: Kind,
            merged_id: str | None = None) -> Response:
    every = replace(f, limit=None, offset=0)
    name = "tidings-events" if kind is Kind.merged else "tidings-mentions"
    if fmt == "gdelt":
        if merged_id:
            raise HTTPException(400, "format=gdelt takes the filters, not one merged event (id)")
        return downloads.gdelt_response(cur, kind, every, name)
    if kind is Kind.merged:
        rows = data.merged_events(cur, every, merged_id)
        return downloads.download(fmt, rows, name, [*query.columns_of(cur, "merged"), "article_ids"])
    return downloads.download(fmt, query.event_mentions(cur, every), name, query.columns_of(cur, "mentions"))


@router.get("/api/events", tags=["events"],
            summary="Merged events with their articles, paged; format=csv, parquet or gdelt downloads every "
                    "matching row", response_model=None)
def events_api(cur: Cur, f: Filter, merged_id: MergedId = None, format: FormatParam = "json") -> dict[str, Any] | Response:
    if format != "json":
        return _export(cur, f, format, Kind.merged, blank(merged_id))
    found, total = _page(cur, f, blank(merged_id))
    params = event_params(f)
    return listing("/api/events", params, found, total, f.limit or len(found), f.offset)


@router.get("/api/events/points", tags=["events"],
            summary="Every matching merged event that has a place, as map points (the filters of /api/events; "
                    "limit, offset and sort are not applied)")
def event_points_api(cur: Cur, f: Filter, merged_id: MergedId = None) -> dict[str, Any]:
    """``located`` and ``unlocated`` count the matching events with and without a place; ``points``
    holds the located ones (at most ``tidings.web.maps.MAX_POINTS``, the most reported first;
    ``truncated`` says when there were more), each with its place, quad class, mention count, the
    page of its evidence (``href``) and a one-line ``title``."""
    params = {k: v for k, v in event_params(f).items() if k not in ("limit", "sort")}
    if blank(merged_id):
        params["id"] = str(merged_id)
    return {"filters": params, **maps.event_points(cur, f, blank(merged_id))}


@router.get("/api/mentions", tags=["events"],
            summary="Event mentions (one row per event in an article), paged; format=csv, parquet or gdelt "
                    "downloads every matching row", response_model=None)
def mentions_api(cur: Cur, f: Filter, format: FormatParam = "json") -> dict[str, Any] | Response:
    if format != "json":
        return _export(cur, f, format, Kind.events)
    found = query.event_mentions(cur, f)
    return listing("/api/mentions", event_params(f), found, query.count_event_mentions(cur, f),
                   f.limit or len(found), f.offset)
