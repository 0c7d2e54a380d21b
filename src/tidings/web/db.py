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

from tidings.store import StoreError, connect


class Db:
    """A corpus store as the server sees it, safe to use from the server's worker threads.

    The store must exist (``tidings ingest`` makes it): a mistyped path is an error, never a new
    empty store.  ``writable``: the server holds DuckDB's one read-write connection and stores
    articles through ``writer()`` (``tidings.web.saving``); no other process can open the file
    meanwhile, so ``tidings ingest --server URL`` sends articles through the server.  Read-only,
    other processes may read the store too, and nothing can be saved.
    """

    def __init__(self, path: str | Path, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        if writable and not self.path.exists():
            raise StoreError(f"no tidings store at {self.path}: run `tidings ingest ... --db {self.path}` first")
        self._conn = connect(self.path, read_only=not writable)
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

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one writer at a time (the caller serialises saves)."""
        if not self.writable:
            raise StoreError(f"{self.path} is open read-only")
        with self.cursor() as cur:
            yield cur

    def close(self) -> None:
        self._conn.close()
