"""The FastAPI application factory: wiring only; each page and its JSON twin live in ``routes/``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.errors import TidingsError
from tidings.web import routes
from tidings.web.analysis import Analyses, Service
from tidings.web.db import Db
from tidings.web.render import page
from tidings.web.security import MAX_BODY_BYTES, BodyLimit, HostCheck, SecurityHeaders, TokenGate

STATIC = Path(__file__).parent / "static"


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
) -> FastAPI:
    """The web UI and REST API over the store at ``db_path`` (opened read-only).

    ``token``: every page and API call must carry it.  ``allowed_hosts``: answer only these Host
    headers.  ``analyzer``: an already loaded ``tidings.pipeline.Analyzer`` (else loaded on first use).
    """
    db = Db(db_path)

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
    app.state.analysis = Service(analyzer)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/static-vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript",
                            headers={"cache-control": "public, max-age=86400"})

    for module in routes.ALL:
        app.include_router(module.router)

    # Starlette's own (no route matched, method not allowed) as well as the routes': an unknown page
    # gets the HTML error page, not JSON
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return page(request, "error.html", status_code=exc.status_code, title=f"Error {exc.status_code}",
                    status=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return page(request, "error.html", status_code=422, title="Bad request", status=422,
                    message="; ".join(str(e.get("msg")) for e in exc.errors()))

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return page(request, "error.html", status_code=422, title="Cannot do that", status=422, message=str(exc))

    # outermost last: host check, then token, then size limit; headers on every answer
    app.add_middleware(BodyLimit, limit=max_body)
    if token:
        app.add_middleware(TokenGate, token=token)
    if allowed_hosts:
        app.add_middleware(HostCheck, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
