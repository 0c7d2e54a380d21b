"""GDELT 2.0 export: DATEADDED (when the event was added to the database, YYYYMMDDHHMMSS in UTC)
is filled in every row of both the per-article ``events`` export and the ``merged`` one."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from tidings.ingest.sources import Failure, Item
from tidings.model import Analysis, Article, Event, Participant
from tidings.store import connect, ingest
from tidings.store.export import GDELT_COLUMNS, ExportFormat, Kind, export

DATEADDED = [name for name, _ in GDELT_COLUMNS].index("DATEADDED")


def ev(src: str | None, tgt: str | None, code: str) -> Event:
    def who(c: str | None) -> Participant | None:
        return Participant(text=c, name=c, actor=c) if c else None

    return Event(code=code, root=code[:2], label="Criticize or denounce", quad_class=3, goldstein=-2.0,
                 plover="ACCUSE", source=who(src), target=who(tgt), sentence=0, evidence=f"{src} {code} {tgt}",
                 negated=False, confidence=0.8, start=0, end=10)


class EventsAnalyzer:
    """Stands in for the pipeline: the article as is, with the events given per article id."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def stream(self, items: Iterable[Item], batch_size: int = 16) -> Iterator[Analysis | Failure]:
        for it in items:
            if isinstance(it, Failure):
                yield it
            else:
                yield Analysis(id=it.id, article=it, events=list(self.events.get(it.id or "", [])))


ARTICLES = [
    Article(id="a", text="The United States criticized Russia over the sanctions on Monday. Talks stalled.",
            published="2024-03-01", source="Wire A", url="https://wire-a.example/1"),
    Article(id="b", text="Washington denounced Moscow on Monday, and France said it would mediate later.",
            published="2024-03-01", source="Paper B", url="https://paper-b.example/2"),
]
EVENTS = {"a": [ev("USA", "RUS", "111")], "b": [ev("USA", "RUS", "111"), ev("FRA", None, "043")]}


def utc_stamp(ts: datetime) -> int:
    return int(ts.strftime("%Y%m%d%H%M%S"))


def gdelt(conn: duckdb.DuckDBPyConnection, kind: Kind, out: Path) -> list[list[str]]:
    n = export(conn, kind, ExportFormat.gdelt, out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == n > 0 and all(len(r) == 61 for r in rows)
    return rows


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, datetime]]:
    before = datetime.now(UTC).replace(microsecond=0)
    conn = connect(tmp_path / "g.duckdb")
    report = ingest(conn, ARTICLES, EventsAnalyzer(EVENTS))
    assert report.counts.new == 2
    yield conn, before
    conn.close()


@pytest.mark.parametrize("kind", [Kind.events, Kind.merged])
def test_gdelt_dateadded_is_a_utc_stamp_of_the_ingest_in_every_row(
    store: tuple[duckdb.DuckDBPyConnection, datetime], tmp_path: Path, kind: Kind
) -> None:
    conn, before = store
    rows = gdelt(conn, kind, tmp_path / f"{kind.value}.tsv")
    after = datetime.now(UTC)
    for r in rows:
        added = r[DATEADDED]
        assert len(added) == 14 and added.isdigit(), r
        assert utc_stamp(before) <= int(added) <= utc_stamp(after)
    if kind is Kind.events:
        assert len(rows) == 3  # one row per mention
    else:
        assert len(rows) == 2  # the USA-RUS event of both articles is one row


def test_gdelt_dateadded_falls_back_to_the_runs_start(
    store: tuple[duckdb.DuckDBPyConnection, datetime], tmp_path: Path
) -> None:
    """An article stored with no ingest time (an older store) takes its run's start time."""
    conn, before = store
    conn.execute("UPDATE articles SET ingested_at = NULL")
    conn.execute("UPDATE merged_events SET first_added = NULL")
    started = conn.execute("SELECT max(started_at) FROM runs").fetchone()[0]
    for kind in (Kind.events, Kind.merged):
        rows = gdelt(conn, kind, tmp_path / f"{kind.value}.tsv")
        assert {r[DATEADDED] for r in rows} == {str(utc_stamp(started))}
        assert utc_stamp(before) <= utc_stamp(started)
