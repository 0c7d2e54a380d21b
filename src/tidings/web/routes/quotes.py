"""``/quotes``: quotes by speaker (name, mention or actor code) and by words, sorted and paged;
downloads of every matching quote as CSV or Parquet."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from tidings.store import query
from tidings.web import data, downloads
from tidings.web.params import as_int, as_limit, blank, listing
from tidings.web.render import page
from tidings.web.routes.deps import cursor

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Speaker = Annotated[str | None, Query(description="Speaker name, mention or actor code prefix.")]
Words = Annotated[str | None, Query(alias="q", description="Words in the quote (case-insensitive).")]
Limit = Annotated[str | None, Query(description=f"At most this many rows (1-{data.MAX_LIMIT}, default 100).")]
Offset = Annotated[str | None, Query(description="Skip this many matching rows first (paging; default 0).")]
Sort = Annotated[str | None, Query(description="Sort key (date, speaker, kind, outlet, title, confidence); "
                                   "a leading - sorts descending.")]


def _find(cur: duckdb.DuckDBPyConnection, speaker: str | None, q: str | None, limit: str | None, offset: str | None,
          sort: str | None) -> tuple[dict[str, str], list[dict[str, Any]], int, int, int]:
    who, words, n, skip, order = blank(speaker), blank(q), as_limit(limit), as_int(offset, "offset") or 0, blank(sort)
    found = data.quotes(cur, who, words, n, skip, order)
    params = {k: str(v) for k, v in (("speaker", who), ("q", words), ("sort", order),
                                     ("limit", n if n != 100 else None)) if v}
    return params, found, query.count_quotes(cur, who, words), n, skip


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(request: Request, cur: Cur, speaker: Speaker = None, q: Words = None, limit: Limit = None,
                offset: Offset = None, sort: Sort = None) -> HTMLResponse:
    params, found, total, n, skip = _find(cur, speaker, q, limit, offset, sort)
    return page(request, "quotes.html", title="Quotes", rows=found, speaker=speaker or "", q=q or "",
                speakers=data.top_speakers(cur), twin="/api/quotes", params=params,
                paging=listing("/quotes", params, [], total, n, skip))


@router.get("/api/quotes", tags=["quotes"], response_model=None,
            summary="Quotes by speaker and words, paged; format=csv or parquet downloads every matching quote")
def quotes_api(
    cur: Cur, speaker: Speaker = None, q: Words = None, limit: Limit = None, offset: Offset = None, sort: Sort = None,
    format: Annotated[Literal["json", "csv", "parquet"], Query(
        description="json (default); csv or parquet download every matching quote.")] = "json",
) -> dict[str, Any] | Response:
    if format != "json":
        found = query.quotes(cur, speaker=blank(speaker), text=blank(q), limit=None, sort=blank(sort))
        return downloads.download(format, found, "tidings-quotes", query.columns_of(cur, "quotes"))
    params, found, total, n, skip = _find(cur, speaker, q, limit, offset, sort)
    return listing("/api/quotes", params, [data.public(r) for r in found], total, n, skip)
