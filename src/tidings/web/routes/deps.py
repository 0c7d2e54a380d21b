"""Request-scoped helpers shared by the routes."""

from __future__ import annotations

import duckdb
from fastapi import Request

from tidings.web.analysis import Service


def cursor(request: Request) -> duckdb.DuckDBPyConnection:
    return request.app.state.db.cursor()  # type: ignore[no-any-return]


def service(request: Request) -> Service:
    return request.app.state.analysis  # type: ignore[no-any-return]
