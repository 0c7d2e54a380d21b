"""Shared test fixtures.  Data from ../shared is read in place and skipped cleanly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SAMPLE = SHARED / "samples" / "putin-pompeo-2019.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the folder is not beside the clone."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (../shared is only beside CI and developer clones)")
    return p


@pytest.fixture(scope="session")
def analyzer():
    from tidings.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory, analyzer) -> Path:
    """A store of the bundled examples, ingested once for the tests that only read it."""
    from tidings.store import connect, ingest, read_sources

    db = tmp_path_factory.mktemp("examples") / "store.duckdb"
    conn = connect(db)
    try:
        report = ingest(conn, read_sources([str(EXAMPLES)]), analyzer)
    finally:
        conn.close()
    assert report.counts.failed == 0 and report.counts.new >= 10
    return db
