"""``/quotes``: quotes by speaker (name, mention or actor code) and by words."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from tidings.web import data
from tidings.web.params import as_limit, blank
from tidings.web.render import page
from tidings.web.routes.deps import cursor

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Speaker = Annotated[str | None, Query(description="Speaker name, mention or actor code prefix.")]
Words = Annotated[str | None, Query(alias="q", description="Words in the quote (case-insensitive).")]
Limit = Annotated[str | None, Query(description="At most this many rows (default 100).")]


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(request: Request, cur: Cur, speaker: Speaker = None, q: Words = None, limit: Limit = None) -> HTMLResponse:
    found = data.quotes(cur, blank(speaker), blank(q), as_limit(limit))
    return page(request, "quotes.html", title="Quotes", rows=found, speaker=speaker or "", q=q or "",
                speakers=data.top_speakers(cur), twin="/api/quotes")


@router.get("/api/quotes", tags=["quotes"], summary="Quotes by speaker and words")
def quotes_api(cur: Cur, speaker: Speaker = None, q: Words = None, limit: Limit = None) -> dict[str, Any]:
    found = [data.public(r) for r in data.quotes(cur, blank(speaker), blank(q), as_limit(limit))]
    params = {k: v for k, v in (("speaker", blank(speaker)), ("q", blank(q))) if v}
    return {"filters": params, "count": len(found), "rows": found}
