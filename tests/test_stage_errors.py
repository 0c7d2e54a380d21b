"""A stage that raises on one article costs that article only that stage's part of the output."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import tidings.pipeline as pipeline
from tidings.cli import app
from tidings.model import Article

TEXT = ("Kenyan police fired tear gas at protesters in Nairobi on Tuesday.\n\n"
        '"We will not give up until the tax is withdrawn," said opposition leader Raila Odinga.\n\n'
        "The finance ministry said the bill would stay.")


def _boom(*_args: object, **_kwargs: object) -> object:
    raise RuntimeError("planted failure")


def _schema_check(record: dict[str, object]) -> None:
    schema = json.loads((files("tidings") / "data" / "analysis.schema.json").read_text())
    jsonschema.validate(record, {**schema, "$ref": "#/$defs/analysis"})


def test_an_event_coder_failure_keeps_the_quotes_and_the_score(analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = analyzer.analyze(Article(id="k", text=TEXT))
    assert whole.events and whole.quotes and not whole.stage_errors
    monkeypatch.setattr(pipeline, "code_events", _boom)
    part = analyzer.analyze(Article(id="k", text=TEXT))
    assert part.events == []
    assert [q.text for q in part.quotes] == [q.text for q in whole.quotes]
    assert part.quotes[0].speaker is not None and part.quotes[0].speaker.actor == whole.quotes[0].speaker.actor
    assert [(e.stage, e.error) for e in part.stage_errors] == [("events", "RuntimeError: planted failure")]
    record = part.to_dict()
    assert record["stage_errors"] == [{"stage": "events", "error": "RuntimeError: planted failure"}]
    _schema_check(record)
    assert "stage_errors" not in whole.to_dict()


def test_a_reliability_failure_gives_a_neutral_score_that_says_so(analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "findings", _boom)
    part = analyzer.analyze(Article(id="r", text=TEXT))
    assert part.reliability.score == 50
    assert [s.name for s in part.reliability.signals] == ["not_judged"]
    assert part.events and part.quotes
    assert [e.stage for e in part.stage_errors] == ["reliability"]
    _schema_check(part.to_dict())


def test_a_speaker_failure_is_reported_once_however_many_quotes(analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_code_speaker", _boom)
    text = TEXT + '\n\n"It is a sad day," said Martha Karua. "We are not done," she added.'
    part = analyzer.analyze(Article(id="s", text=text))
    assert len(part.quotes) >= 3
    assert [e.stage for e in part.stage_errors] == ["speakers"]


def test_the_batch_cli_writes_the_partial_record_and_says_which_stage_failed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "locate", _boom)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": TEXT}) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["analyze", str(src), "--format", "jsonl", "--output", str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    [record] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["stage_errors"] == [{"stage": "places", "error": "RuntimeError: planted failure"}]
    assert record["events"] and record["quotes"]
    assert "partly analysed p1: the places stage failed" in res.output


def test_the_web_page_names_the_failed_stage_and_escapes_its_message(
        examples_store: Path, analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    def hostile(*_args: object, **_kwargs: object) -> object:
        raise ValueError("<script>alert(1)</script>")

    monkeypatch.setattr(pipeline, "code_events", hostile)
    with TestClient(create_app(examples_store, analyzer=analyzer)) as client:
        r = client.post("/analyze", data={"text": TEXT})
    assert r.status_code == 200
    assert "Part of this analysis failed" in r.text and "the events stage" in r.text
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;alert(1)" in r.text
    assert "Raila Odinga" in r.text  # the quotes section is still there


def test_ingest_stores_the_partial_analysis_and_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    monkeypatch.setattr(pipeline, "code_events", _boom)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p2", "text": TEXT}) + "\n", "utf-8")
    db = tmp_path / "s.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "partly analysed" in res.output and "the events stage failed (RuntimeError: planted failure)" in res.output
    conn = duckdb.connect(str(db), read_only=True)
    try:
        n_quotes, n_events, stored = conn.execute(
            "SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM events), "
            "(SELECT analysis FROM articles)").fetchone()  # type: ignore[misc]
    finally:
        conn.close()
    assert n_quotes >= 1 and n_events == 0
    assert json.loads(stored)["stage_errors"][0]["stage"] == "events"
