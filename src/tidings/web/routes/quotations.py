"""``/quotations``: quotes merged across articles (one row per quote, however many articles report
it), by speaker, words, reports and speaker conflict; ``/quotations/{id}``: one quotation with every
mention, its outlets, its speakers and its first appearance."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from tidings.store import query
from tidings.store.query import QuotationFilter
from tidings.web import data
from tidings.web.params import as_int, as_limit, blank, listing
from tidings.web.render import page
from tidings.web.routes.deps import cursor

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def quotation_filter(
    speaker: Annotated[str | None, Query(description="A mention's speaker: name, words or actor code prefix.")] = None,
    q: Annotated[str | None, Query(description="Words in the quotation or any of its mentions (case-insensitive).")
                 ] = None,
    min_mentions: Annotated[str | None, Query(description="Reported at least this many times.")] = None,
    min_sources: Annotated[str | None, Query(description="Reported by at least this many outlets.")] = None,
    conflict: Annotated[str | None, Query(description="true: only quotations whose mentions name different "
                                          "speakers.")] = None,
    limit: Annotated[str | None, Query(description=f"At most this many rows (1-{data.MAX_LIMIT}, default 100).")
                     ] = None,
    offset: Annotated[str | None, Query(description="Skip this many matching rows first (paging; default 0).")] = None,
    sort: Annotated[str | None, Query(description="Sort key (first, last, mentions, articles, sources, speaker, "
                                      "words); a leading - sorts descending.")] = None,
) -> QuotationFilter:
    flag = (blank(conflict) or "false").lower()
    if flag not in _TRUE | _FALSE:
        raise HTTPException(400, f"conflict wants true or false, not {conflict!r}")
    return QuotationFilter(speaker=blank(speaker), text=blank(q), min_mentions=as_int(min_mentions, "min_mentions"),
                           min_sources=as_int(min_sources, "min_sources"), conflict=flag in _TRUE,
                           limit=as_limit(limit), offset=as_int(offset, "offset") or 0, sort=blank(sort))


Filter = Annotated[QuotationFilter, Depends(quotation_filter)]


def _params(f: QuotationFilter) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in (("speaker", f.speaker), ("q", f.text), ("min_mentions", f.min_mentions),
                       ("min_sources", f.min_sources), ("conflict", "true" if f.conflict else None),
                       ("sort", f.sort), ("limit", f.limit if f.limit != 100 else None)):
        if value is not None:
            out[key] = str(value)
    return out


@router.get("/quotations", response_class=HTMLResponse, include_in_schema=False)
def quotations_page(request: Request, cur: Cur, f: Filter) -> HTMLResponse:
    found = query.quotations(cur, f)
    params = _params(f)
    return page(request, "quotations.html", title="Quotations", rows=found, f=f, params=params,
                twin="/api/quotations",
                paging=listing("/quotations", params, [], query.count_quotations(cur, f), f.limit or 100, f.offset))


@router.get("/api/quotations", tags=["quotes"],
            summary="Quotations: quotes merged across articles (ellipses, partial quotes and reworded copies "
                    "joined), with first appearance, outlets and speakers; paged")
def quotations_api(cur: Cur, f: Filter) -> dict[str, Any]:
    found = query.quotations(cur, f)
    return listing("/api/quotations", _params(f), found, query.count_quotations(cur, f), f.limit or 100, f.offset)


def _one(cur: duckdb.DuckDBPyConnection, quotation_id: str) -> dict[str, Any]:
    found = query.quotation(cur, quotation_id)
    if found is None:
        raise HTTPException(404, f"no quotation {quotation_id!r} in this store")
    return found


@router.get("/quotations/{quotation_id}", response_class=HTMLResponse, include_in_schema=False)
def quotation_page(request: Request, cur: Cur, quotation_id: str) -> HTMLResponse:
    found = _one(cur, quotation_id)
    parties = sorted({m["party"] for m in found["mentions"] if m["party"] is not None})
    return page(request, "quotation.html", title="Quotation", qt=found, parties=parties,
                twin=f"/api/quotations/{found['quotation_id']}")


@router.get("/api/quotations/{quotation_id}", tags=["quotes"],
            summary="One quotation with every mention: article, outlet, date, the words as written there, how "
                    "they matched, the speaker named and whether it conflicts with the others")
def quotation_api(cur: Cur, quotation_id: str) -> dict[str, Any]:
    return _one(cur, quotation_id)
