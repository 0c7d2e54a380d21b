"""The corpus store: articles and their analyses in an embedded DuckDB file, with duplicates,
copied sentences, merged cross-article events, queries and exports.

>>> from tidings.store import connect, ingest
>>> conn = connect("tidings.duckdb")                                  # doctest: +SKIP
>>> ingest(conn, read_sources(["examples/"]), Analyzer)               # doctest: +SKIP
"""

from __future__ import annotations

from tidings.store.inputs import estimate_total, read_sources
from tidings.store.run import Counts, IngestReport, ingest
from tidings.store.schema import LATEST_VERSION, StoreError, connect

DEFAULT_DB = "tidings.duckdb"

__all__ = [
    "DEFAULT_DB",
    "LATEST_VERSION",
    "Counts",
    "IngestReport",
    "StoreError",
    "connect",
    "estimate_total",
    "ingest",
    "read_sources",
]
