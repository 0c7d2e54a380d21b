"""``/actors/{code}``: an actor's counterparts as a network, its quotes, its events over time."""

from __future__ import annotations

import math
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from tidings.store.query import EventFilter
from tidings.web import data, maps
from tidings.web.render import page
from tidings.web.routes.deps import cursor

router = APIRouter()
Cur = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


def _check(code: str) -> str:
    if not code.isalnum() or len(code) > 30:
        raise HTTPException(400, "an actor code is letters and digits, e.g. USAGOV")
    return code.upper()


def _found(cur: duckdb.DuckDBPyConnection, code: str) -> dict[str, Any]:
    d = data.actor(cur, code)
    if not (d["name"] or d["counterparts"] or d["timeline"] or d["events"] or d["quotes"]):
        raise HTTPException(404, f"no actor {code!r} in this store: no event or quote names it "
                                 "(codes are CAMEO actor codes such as USAGOV; a prefix such as USA matches them)")
    return d


def _network(d: dict[str, Any]) -> dict[str, Any]:
    """The actor in the middle, counterparts on a circle; edge width by events, colour by Goldstein."""
    others = d["counterparts"][:24]
    nodes = [{"code": d["code"], "x": 0.0, "y": 0.0, "events": sum(o["events"] for o in others), "goldstein": None}]
    for i, o in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1)
        nodes.append({"code": o["other"], "x": round(math.cos(angle), 4), "y": round(math.sin(angle), 4),
                      "events": o["events"], "goldstein": o["mean_goldstein"]})
    return {"nodes": nodes}


def _timeline(d: dict[str, Any]) -> dict[str, Any]:
    t = d["timeline"]
    return {"periods": [r["period"].isoformat() for r in t],
            "quads": {str(q): [r[f"quad{q}"] for r in t] for q in (1, 2, 3, 4)},
            "goldstein": [r["mean_goldstein"] for r in t], "by": "month"}


@router.get("/actors/{code}", response_class=HTMLResponse, include_in_schema=False)
def actor_page(request: Request, cur: Cur, code: str) -> HTMLResponse:
    d = _found(cur, _check(code))
    return page(request, "actor.html", title=d["label"] or d["name"] or d["code"], d=d, network=_network(d),
                chart=_timeline(d), twin=f"/api/actors/{d['code']}",
                map_summary=maps.event_points(cur, EventFilter(actor=d["code"]), limit=0)["summary"])


@router.get("/api/actors/{code}", tags=["actors"], summary="An actor's counterparts, events over time, quotes")
def actor_api(cur: Cur, code: str) -> dict[str, Any]:
    return _found(cur, _check(code))
