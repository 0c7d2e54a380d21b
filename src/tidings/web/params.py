"""Query parameters shared by each page and its ``/api/`` twin, parsed once into filter objects.

Parsing (text to number or date) is done here; the ranges are the store's filters' own rules
(``tidings.store.query.FilterError``), shared with the CLI, and answered with 400.

HTML forms send empty fields as ``""``; every parameter treats blank as absent.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query

from tidings.store.query import EventFilter, parse_bbox
from tidings.web.data import MAX_LIMIT, ArticleSearch


def blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def as_date(value: str | None, name: str) -> date | None:
    value = blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name} wants a date as YYYY-MM-DD, not {value!r}") from None


def as_int(value: str | None, name: str, lo: int | None = None, hi: int | None = None) -> int | None:
    value = blank(value)
    if value is None:
        return None
    try:
        n = int(value)
    except ValueError:
        raise HTTPException(400, f"{name} wants a whole number, not {value!r}") from None
    if (lo is not None and n < lo) or (hi is not None and n > hi):
        raise HTTPException(400, f"{name} must be between {lo} and {hi}")
    return n


def as_limit(value: str | None, default: int = 100) -> int:
    return as_int(value, "limit", 1, MAX_LIMIT) or default


Text = Annotated[str | None, Query()]


def event_filter(
    actor: Annotated[str | None, Query(description="Source or target actor code prefix (USA matches USAGOV).")] = None,
    source: Annotated[str | None, Query(description="Source actor code prefix.")] = None,
    target: Annotated[str | None, Query(description="Target actor code prefix.")] = None,
    dyad: Annotated[str | None, Query(description="Two actor code prefixes, either direction: A,B.")] = None,
    code: Annotated[str | None, Query(description="CAMEO event code prefix.")] = None,
    root: Annotated[str | None, Query(description="CAMEO root code, 01-20.")] = None,
    quad: Annotated[str | None, Query(description="Quad class 1-4.")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Last date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(description="Reported by this outlet (substring).")] = None,
    min_sources: Annotated[str | None, Query(description="At least this many outlets.")] = None,
    limit: Annotated[str | None, Query(description=f"At most this many rows (1-{MAX_LIMIT}, default 100).")] = None,
    offset: Annotated[str | None, Query(description="Skip this many matching rows first (paging; default 0).")] = None,
    sort: Annotated[str | None, Query(description="Sort key (date, code, source, target, quad, goldstein, "
                                      "mentions, articles, sources); a leading - sorts descending.")] = None,
    country: Annotated[str | None, Query(description="Took place in this country (ISO3 code, e.g. COD).")] = None,
    adm1: Annotated[str | None, Query(description="Took place in this first-level division (its name, "
                                      "case-insensitive).")] = None,
    bbox: Annotated[str | None, Query(description="Took place inside min_lon,min_lat,max_lon,max_lat.")] = None,
) -> EventFilter:
    pair: tuple[str, str] | None = None
    if blank(dyad):
        parts = [p.strip() for p in (dyad or "").split(",")]
        if len(parts) != 2 or not all(parts):
            raise HTTPException(400, "dyad wants two actor codes separated by a comma, e.g. USA,RUS")
        pair = (parts[0], parts[1])
    return EventFilter(
        actor=blank(actor), source=blank(source), target=blank(target), dyad=pair, code=blank(code),
        root=blank(root), quad_class=as_int(quad, "quad"), date_from=as_date(date_from, "from"),
        date_to=as_date(date_to, "to"), outlet=blank(outlet), min_sources=as_int(min_sources, "min_sources"),
        limit=as_limit(limit), offset=as_int(offset, "offset") or 0, sort=blank(sort), country=blank(country),
        adm1=blank(adm1), bbox=parse_bbox(bbox) if blank(bbox) else None,
    )


def event_params(f: EventFilter) -> dict[str, str]:
    """The filter as query parameters again (for links and the JSON twin)."""
    out: dict[str, str] = {}
    for key, value in (("actor", f.actor), ("source", f.source), ("target", f.target),
                       ("dyad", ",".join(f.dyad) if f.dyad else None), ("code", f.code), ("root", f.root),
                       ("quad", f.quad_class), ("from", f.date_from), ("to", f.date_to), ("outlet", f.outlet),
                       ("min_sources", f.min_sources), ("limit", f.limit if f.limit != 100 else None),
                       ("sort", f.sort), ("country", f.country), ("adm1", f.adm1),
                       ("bbox", ",".join(str(v).removesuffix(".0") for v in f.bbox) if f.bbox else None)):
        if value is not None:
            out[key] = str(value)
    return out


def article_search(
    q: Annotated[str | None, Query(description="Words that must all appear in the title or text.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name (substring).")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Last date, YYYY-MM-DD.")] = None,
    min_reliability: Annotated[str | None, Query(description="Reliability score at least (0-100).")] = None,
    max_reliability: Annotated[str | None, Query(description="Reliability score at most (0-100).")] = None,
    limit: Annotated[str | None, Query(description=f"At most this many rows (1-{MAX_LIMIT}, default 100).")] = None,
    offset: Annotated[str | None, Query(description="Skip this many matching rows first (paging; default 0).")] = None,
    sort: Annotated[str | None, Query(description="Sort key (date, title, outlet, reliability, events, quotes, "
                                      "signals, copied_from, copied_by); a leading - sorts descending.")] = None,
) -> ArticleSearch:
    return ArticleSearch(
        q=blank(q), outlet=blank(outlet), date_from=as_date(date_from, "from"), date_to=as_date(date_to, "to"),
        min_reliability=as_int(min_reliability, "min_reliability"),
        max_reliability=as_int(max_reliability, "max_reliability"), limit=as_limit(limit),
        offset=as_int(offset, "offset") or 0, sort=blank(sort),
    )


def article_params(f: ArticleSearch) -> dict[str, str]:
    """The search as query parameters again, without the page position (``offset``)."""
    names = {"date_from": "from", "date_to": "to"}
    return {names.get(k, k): str(v) for k, v in f.params().items()
            if not (k == "limit" and v == 100) and k != "offset"}


def listing(path: str, params: dict[str, str], rows: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """A list answer: ``count`` is every matching row, ``rows`` the page at ``offset``; ``next`` and
    ``prev`` are the addresses of the neighbouring pages (None at either end)."""
    from tidings.web.render import qs

    nxt = offset + limit if offset + limit < total else None
    prev = max(0, offset - limit) if offset > 0 else None
    return {
        "filters": params, "count": total, "returned": len(rows), "limit": limit, "offset": offset,
        "next": path + qs(params, offset=nxt) if nxt is not None else None,
        "prev": path + qs(params, offset=prev or None) if prev is not None else None,
        "rows": rows,
    }
