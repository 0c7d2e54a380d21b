"""User-reported ingest defects: a no-op re-run grew the store; failure messages named the input
three times."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.store import connect, ingest, merge, read_sources

from .conftest import EXAMPLES

BLOCK = 262_144  # DuckDB's block: the unit a store file grows by
SMALL_CORPUS = ("01-ministers-meet-jakarta.txt", "02-summit-sanctions-abuja.txt", "05-protest-bogota.txt",
                "11-fisheries-talks-lima.txt", "12-fisheries-talks-farm.txt")  # 12 is spun from 11, stitched with 05
CONTENT_TABLES = ("articles", "article_aliases", "removed", "entities", "quotes", "events", "signals",
                  "doc_fingerprints", "sentence_fingerprints", "copies", "copied_sentences", "spun_from",
                  "stitched_from", "merged_events", "merged_event_mentions")


def failing_inputs(folder: Path) -> dict[str, Path]:
    """One input of each kind that fails before analysis, by kind."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {kind: folder / name for kind, name in (
        ("binary", "bin.dat"), ("empty", "empty.txt"), ("missing", "missing.txt"), ("jsonl", "bad.jsonl"),
        ("not_utf8", "legacy.txt"))}
    out["binary"].write_bytes(bytes(range(256)) * 16)
    out["empty"].write_bytes(b"")
    out["jsonl"].write_bytes(b'{"id": "x", "text": \n')
    # bytes Windows-1252 leaves undefined: neither UTF-8 nor Windows-1252
    out["not_utf8"].write_bytes(b"Talks resumed in Lima \x81\x8d\x8f\x90 on Monday.\n")
    return out


def _rows(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in CONTENT_TABLES}


def _blocks(conn: duckdb.DuckDBPyConnection) -> dict[str, list[int]]:
    """Where each content table's data lies in the file: a table rewritten moves to other blocks."""
    return {t: sorted({r[0] for r in conn.execute(
        f"SELECT block_id FROM pragma_storage_info('{t}') WHERE block_id >= 0").fetchall()})
        for t in CONTENT_TABLES}


def _run(db: Path, inputs: list[str], analyzer) -> tuple[int, dict, dict, int]:  # type: ignore[no-untyped-def]
    conn = connect(db)
    report = ingest(conn, read_sources(inputs), analyzer)
    conn.close()
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return db.stat().st_size, _rows(conn), _blocks(conn), report.counts.new
    finally:
        conn.close()


def test_noop_and_all_failing_ingests_leave_the_store_the_same_size(tmp_path: Path, analyzer) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SMALL_CORPUS:
        shutil.copy(EXAMPLES / name, corpus / name)
    bad = [str(p) for p in failing_inputs(tmp_path / "bad").values()]
    db = tmp_path / "store.duckdb"

    size0, rows0, blocks0, new = _run(db, [str(corpus)], analyzer)
    assert new == len(SMALL_CORPUS) and rows0["merged_events"] and rows0["spun_from"]

    size1, rows1, blocks1, new = _run(db, [str(corpus)], analyzer)
    assert new == 0
    assert rows1 == rows0
    # nothing was rewritten: merged events were deleted and re-inserted on every run
    assert blocks1 == blocks0
    # the run log row is the only write: the runs table and its primary-key index are each
    # rewritten copy-on-write into a block of their own (DuckDB reuses the freed ones from the next
    # checkpoint on), so the first re-run after a fresh store takes at most these two blocks
    assert size1 - size0 <= 2 * BLOCK, (size0, size1)

    size2, rows2, blocks2, new = _run(db, bad, analyzer)
    assert new == 0
    assert rows2 == rows0 and blocks2 == blocks0
    assert size2 - size1 <= BLOCK, (size1, size2)

    # further no-op runs do not make it grow: the blocks one frees the next reuses
    sizes = [_run(db, [str(corpus)], analyzer)[0] for _ in range(3)]
    assert max(sizes) <= size2, (size2, sizes)
    conn = duckdb.connect(str(db), read_only=True)
    assert conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL").fetchone() == (6,)
    conn.close()


def test_merged_events_written_incrementally_match_a_full_rebuild(tmp_path: Path, analyzer) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    for name in SMALL_CORPUS[:3]:
        shutil.copy(EXAMPLES / name, first / name)
    for name in SMALL_CORPUS[3:]:
        shutil.copy(EXAMPLES / name, second / name)
    conn = connect(tmp_path / "s.duckdb")
    ingest(conn, read_sources([str(first)]), analyzer)
    ingest(conn, read_sources([str(second)]), analyzer)  # some merged events change, some stay
    cols = ", ".join(f'"{c}"' for c in merge.MERGED_COLUMNS)
    incremental = sorted(conn.execute(f"SELECT {cols} FROM merged_events").fetchall(), key=repr)
    mentions = sorted(conn.execute("SELECT * FROM merged_event_mentions").fetchall(), key=repr)
    conn.execute("DELETE FROM merged_event_mentions")
    conn.execute("DELETE FROM merged_events")
    merge.rebuild(conn)
    assert sorted(conn.execute(f"SELECT {cols} FROM merged_events").fetchall(), key=repr) == incremental
    assert sorted(conn.execute("SELECT * FROM merged_event_mentions").fetchall(), key=repr) == mentions
    assert len({r[0] for r in incremental}) == len(incremental)
    conn.close()


# --- failure messages name the input once ---------------------------------------------------------


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_each_failure_names_its_input_once(tmp_path: Path, monkeypatch, relative: bool) -> None:  # type: ignore[no-untyped-def]
    inputs = failing_inputs(tmp_path / "in")
    if relative:
        monkeypatch.chdir(tmp_path / "in")
        inputs = {k: Path(p.name) for k, p in inputs.items()}
    db = tmp_path / "store.duckdb"
    res = CliRunner().invoke(app, ["ingest", *map(str, inputs.values()), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if ln.startswith("failed")]
    assert len(lines) == len(inputs), res.output
    conn = duckdb.connect(str(db), read_only=True)
    stored = conn.execute("SELECT id, error, input FROM failures").fetchall()
    conn.close()
    assert len(stored) == len(inputs)
    what = {"binary": "looks binary", "empty": "is empty", "missing": "no such file",
            "jsonl": "not valid JSON", "not_utf8": "neither UTF-8 nor Windows-1252"}
    for kind, path in inputs.items():
        spec = str(path)
        line = next(ln for ln in lines if spec in ln)
        assert line.count(spec) == 1 and line.count(path.name) == 1, line
        assert what[kind] in line, line
        error, where = next((e, w) for _, e, w in stored if spec in e)
        assert error.count(spec) == 1 and error.count(path.name) == 1, error
        assert where == spec
    # what to do is still said
    assert "re-encode it as UTF-8" in next(ln for ln in lines if "legacy.txt" in ln)
    assert "give a text, HTML or JSONL file" in next(ln for ln in lines if "bin.dat" in ln)


def test_jsonl_record_failures_name_file_and_line_once(tmp_path: Path) -> None:
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join([json.dumps({"id": "a", "text": "  "}), json.dumps({"text": "no id"}), "[1]"]) + "\n",
                   encoding="utf-8")
    res = CliRunner().invoke(app, ["ingest", str(src), "--db", str(tmp_path / "s.duckdb"), "--no-progress"])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if ln.startswith("failed")]
    assert len(lines) == 3
    for n, line in enumerate(lines, start=1):
        assert line.count(str(src)) == 1 and f"line {n}" in line, line
