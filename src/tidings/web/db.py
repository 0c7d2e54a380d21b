"""The store as the web layer sees it: one read-only DuckDB connection, a cursor per worker thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tidings.store import connect


class Db:
    """A read-only view of a corpus store, safe to use from the server's worker threads.

    A store that does not exist yet is created empty (so the analyze page works before any ingest);
    it is then opened read-only, so ``tidings ingest`` must not run against it while serving.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            connect(self.path).close()
        self._conn = connect(self.path, read_only=True)
        self._local = threading.local()
        self._lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cur is None:
            with self._lock:
                cur = self._conn.cursor()
            self._local.cursor = cur
        return cur

    @contextmanager
    def use(self) -> Iterator[duckdb.DuckDBPyConnection]:
        yield self.cursor()

    def close(self) -> None:
        self._conn.close()
