"""``/events``: merged cross-article events, filterable, each with the articles that report it;
CSV and Parquet downloads of the same rows."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from tidings.store.query import EventFilter
from tidings.web import data
from tidings.web.params import blank, event_filter, event_params
from tidings.web.render import page
from tidings.web.routes.deps import cursor
from tidings.web.views import QUAD_NAMES

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Filter = Annotated[EventFilter, Depends(event_filter)]
MergedId = Annotated[str | None, Query(alias="id", description="One merged event by its merged_id.")]


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, cur: Cur, f: Filter, merged_id: MergedId = None) -> HTMLResponse:
    found = data.merged_events(cur, f, blank(merged_id))
    params = event_params(f)
    if blank(merged_id):
        params["id"] = str(merged_id)
    chart = [{"date": r["date"].isoformat(), "quad": r["quad_class"], "goldstein": r["goldstein"]}
             for r in found if r["date"] is not None]
    return page(request, "events.html", title="Events", rows=found, f=f, params=params, chart=chart,
                outlets=data.outlets(cur), twin="/api/events", quads=QUAD_NAMES)


def _flat(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        flat = {k: v for k, v in r.items() if k != "articles"}
        flat["article_ids"] = ";".join(a["article_id"] for a in r.get("articles", []))
        out.append(flat)
    return out


def _csv(rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    names = list(rows[0]) if rows else ["merged_id"]
    w = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in r.items()})
    return buf.getvalue().encode("utf-8")


def _parquet(cur: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if rows:
        table = pa.Table.from_pylist(rows)
    else:
        rel = cur.sql("SELECT * FROM merged_events LIMIT 0")
        to_arrow = getattr(rel, "to_arrow_table", None) or getattr(rel, "arrow")  # duckdb 2.x / 1.x
        table = to_arrow().append_column("article_ids", pa.array([], pa.string()))
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


@router.get("/api/events", tags=["events"],
            summary="Merged events with their articles; format=csv or parquet downloads the same rows",
            response_model=None)
def events_api(
    cur: Cur, f: Filter, merged_id: MergedId = None,
    format: Annotated[Literal["json", "csv", "parquet"], Query(description="json (default), csv or parquet.")] = "json",
) -> dict[str, Any] | Response:
    found = data.merged_events(cur, f, blank(merged_id))
    if format == "json":
        return {"filters": event_params(f), "count": len(found), "rows": found}
    flat = _flat(found)
    if format == "csv":
        return Response(_csv(flat), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="tidings-events.csv"'})
    return Response(_parquet(cur, flat), media_type="application/vnd.apache.parquet",
                    headers={"content-disposition": 'attachment; filename="tidings-events.parquet"'})
