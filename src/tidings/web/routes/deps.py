"""Request-scoped helpers shared by the routes."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
from fastapi import Request

from tidings.web.analysis import Service


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for this request, closed when the response is done."""
    with request.app.state.db.cursor() as cur:
        yield cur


def service(request: Request) -> Service:
    return request.app.state.analysis  # type: ignore[no-any-return]
