"""``/``: what the store holds, its busiest actors and dyads, the latest articles."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from tidings.web import data
from tidings.web.render import page
from tidings.web.routes.deps import cursor

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home_page(request: Request, cur: Cur) -> HTMLResponse:
    return page(request, "home.html", title="Overview", summary=data.summary(cur), twin="/api/")


@router.get("/api/", tags=["overview"], summary="Row counts, busiest actors and dyads, latest articles")
def home_api(cur: Cur) -> dict[str, Any]:
    return data.summary(cur)
