"""The store as the web layer sees it: one read-only DuckDB connection, a fresh cursor per request.

A DuckDB connection refuses a second call while one runs, and FastAPI may run a request's
dependencies and its endpoint on different worker threads, so each request gets its own cursor
(a cheap connection to the same database) and closes it when done."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tidings.store import connect


class Db:
    """A read-only view of a corpus store, safe to use from the server's worker threads.

    The store must exist (``tidings ingest`` makes it): a mistyped path is an error, never a new
    empty store.  It is opened read-only, so ``tidings ingest`` must not run against it while serving.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn = connect(self.path, read_only=True)
        self._conn.execute("SET threads TO 1")  # many small queries at once: one thread each beats contention
        self._lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            cur = self._conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        self._conn.close()
