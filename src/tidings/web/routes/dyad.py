"""``/dyad``: two actors over time, events per quad class and mean Goldstein, and the top events."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from tidings.web import data
from tidings.web.params import blank
from tidings.web.render import page
from tidings.web.routes.deps import cursor

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
A = Annotated[str | None, Query(description="First actor code prefix, e.g. USA.")]
B = Annotated[str | None, Query(description="Second actor code prefix, e.g. RUS.")]
By = Annotated[Literal["day", "week", "month", ""] | None,
               Query(description="Period of the timeline: day, week or month (default: from the date range).")]


def _chart(d: dict[str, Any]) -> dict[str, Any]:
    t = d["timeline"]
    return {"periods": [r["period"].isoformat() for r in t],
            "quads": {str(q): [r[f"quad{q}"] for r in t] for q in (1, 2, 3, 4)},
            "goldstein": [r["mean_goldstein"] for r in t], "by": d["by"]}


@router.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
def dyad_page(request: Request, cur: Cur, a: A = None, b: B = None, by: By = None) -> HTMLResponse:
    a, b = blank(a), blank(b)
    found = data.dyad(cur, a, b, by or None) if a and b else None
    return page(request, "dyad.html", title=f"{a} – {b}" if found else "Dyads", d=found, a=a or "", b=b or "",
                by=by or "", chart=_chart(found) if found else None, summary=data.summary(cur),
                twin="/api/dyad" if found else None)


@router.get("/api/dyad", tags=["dyad"], summary="Two actors: timeline per quad class, mean Goldstein, top events")
def dyad_api(cur: Cur, a: A = None, b: B = None, by: By = None) -> dict[str, Any]:
    a, b = blank(a), blank(b)
    if not (a and b):
        raise HTTPException(400, "give two actors: /api/dyad?a=USA&b=RUS")
    return data.dyad(cur, a, b, by or None)
