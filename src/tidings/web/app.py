"""The FastAPI application factory: wiring only; each page and its JSON twin live in ``routes/``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.errors import TidingsError
from tidings.store.query import FilterError
from tidings.web import problems, routes
from tidings.web.analysis import Analyses, Service
from tidings.web.db import Db
from tidings.web.render import page
from tidings.web.saving import Saver
from tidings.web.security import MAX_BODY_BYTES, BodyLimit, HostCheck, SameOrigin, SecurityHeaders, TokenGate

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


#: the maps' world outline: Natural Earth 1:110m countries (public domain), made by scripts/build_world_map.py
WORLD_OUTLINE = Path(__file__).parents[1] / "data" / "world-110m.json"


def plotly_js() -> Path:
    """Plotly's bundled, minified JavaScript, served from the installed package (no CDN, no copy)."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    allowed_hosts: list[str] | None = None,
    analyzer: Analyses | None = None,
    max_body: int = MAX_BODY_BYTES,
    writable: bool = False,
) -> FastAPI:
    """The web UI and REST API over the store at ``db_path`` (opened read-only).

    ``token``: every page and API call must carry it.  ``allowed_hosts``: answer only these Host
    headers.  ``analyzer``: an already loaded ``tidings.pipeline.Analyzer`` (else loaded on first use).
    ``writable``: hold the store's one read-write connection and store articles sent to it
    (``POST /api/articles``, the analyze page's "Save to corpus"); else it is opened read-only.
    """
    db = Db(db_path, writable=writable)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="tidings",
        version=__version__,
        description="News articles as evidence-linked data: quotes, CAMEO events, actors, reliability. "
        "Every HTML page has a JSON twin under /api/ taking the same query parameters.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    make_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = problems.fix_openapi(make_openapi())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.state.analysis = Service(analyzer)
    app.state.saver = Saver(db, app.state.analysis)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/static-vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript",
                            headers={"cache-control": "public, max-age=86400"})

    @app.get("/static-vendor/world-110m.json", include_in_schema=False)
    def world_outline() -> FileResponse:
        return FileResponse(WORLD_OUTLINE, media_type="application/json",
                            headers={"cache-control": "public, max-age=86400"})

    for module in routes.ALL:
        app.include_router(module.router, responses=problems.PROBLEM_RESPONSES)

    # Starlette's own (no route matched, method not allowed) as well as the routes': an unknown page
    # gets the HTML error page; an /api/ caller gets problem details (tidings.web.problems)
    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    def explain(request: Request, exc: StarletteHTTPException) -> str:
        """Starlette's own errors carry only the status phrase: say what to do instead."""
        detail = str(exc.detail)
        if detail != problems.title_of(exc.status_code):
            return detail
        if exc.status_code == 404:
            return f"nothing at {request.url.path}: the pages and API routes are listed at /docs"
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("allow", "")
            return f"{request.method} is not allowed on {request.url.path}" + (f"; use {allowed}" if allowed else "")
        return detail

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = explain(request, exc)
        if is_api(request):
            return problems.response(exc.status_code, detail, headers=exc.headers)
        return page(request, "error.html", status_code=exc.status_code, title=f"Error {exc.status_code}",
                    status=exc.status_code, message=detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = problems.field_errors(exc.errors())
        if is_api(request):
            return problems.response(422, "; ".join(f"{e['field']}: {e['message']}" for e in errors), errors)
        return page(request, "error.html", status_code=422, title="Bad request", status=422,
                    message="; ".join(e["message"] for e in errors))

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError) -> Response:
        if is_api(request):
            return problems.response(400, str(exc))
        return page(request, "error.html", status_code=400, title="Bad request", status=400, message=str(exc))

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> Response:
        if is_api(request):
            return problems.response(422, str(exc))
        return page(request, "error.html", status_code=422, title="Cannot do that", status=422, message=str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        detail = "internal error: the server's log has the details; please report it"
        if is_api(request):
            return problems.response(500, detail)
        return page(request, "error.html", status_code=500, title="Error 500", status=500, message=detail)

    # outermost last: host check, then token, then size limit; headers on every answer
    app.add_middleware(SameOrigin)
    app.add_middleware(BodyLimit, limit=max_body)
    if token:
        app.add_middleware(TokenGate, token=token)
    if allowed_hosts:
        app.add_middleware(HostCheck, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
