"""Jinja2 templates (autoescaped) and the small filters they use."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from tidings.actors.names import actor_name
from tidings.web.views import QUAD_NAMES

TEMPLATES = Path(__file__).parent / "templates"
NAV = [("/", "Overview"), ("/analyze", "Analyze"), ("/articles", "Articles"), ("/events", "Events"),
       ("/dyad", "Dyads"), ("/quotes", "Quotes"), ("/docs", "API")]


def safe_href(url: str | None) -> str | None:
    """A link target only for http(s) URLs; anything else (``javascript:``, ``data:``) is not linked."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def qs(params: dict[str, Any] | None = None, **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied; None drops a key."""
    merged = {**(params or {}), **changes}
    pairs = [(k, str(v)) for k, v in merged.items() if v is not None and v != ""]
    return ("?" + urlencode(pairs)) if pairs else ""


def fmt_date(value: date | datetime | str | None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def score_class(score: int | None) -> str:
    if score is None:
        return "score-none"
    return "score-good" if score >= 70 else "score-mid" if score >= 40 else "score-bad"


def goldstein_class(value: float | None) -> str:
    if value is None:
        return ""
    return "gold-pos" if value > 0 else "gold-neg" if value < 0 else "gold-zero"


def domain(url: str | None) -> str | None:
    """The host of an http(s) URL, without ``www.``; None for anything else."""
    if not safe_href(url):
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(str(url).strip()).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


templates = Jinja2Templates(directory=str(TEMPLATES))
env = templates.env
env.autoescape = True  # every template, whatever its suffix
env.filters.update(href=safe_href, date=fmt_date, score_class=score_class, goldstein_class=goldstein_class, num=num,
                   domain=domain)
env.globals.update(qs=qs, nav=NAV, quad_names=QUAD_NAMES, actor_name=actor_name)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page; ``twin`` is the path of its JSON twin, given the same query string."""
    twin = context.pop("twin", None)
    if twin is not None and request.url.query:
        twin = f"{twin}?{request.url.query}"
    db = getattr(request.app.state, "db", None)
    writable = bool(getattr(db, "writable", False))
    return templates.TemplateResponse(request, template, {"twin": twin, "path": request.url.path,
                                                          "writable": writable, **context},
                                      status_code=status_code)
