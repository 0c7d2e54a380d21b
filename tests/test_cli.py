"""The command line and batch contract: formats, streaming JSONL, per-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.schema import validation_errors

from .conftest import EXAMPLES, shared_path

runner = CliRunner()


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def test_batch_contract_order_errors_and_schema(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Germany and France agreed on Monday to hold talks in Berlin."}),
        "this is not json",
        json.dumps({"id": "b"}),
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "c", "title": "Given", "published": "2020-02-03", "source": "Wire",
                    "text": "Troops withdrew from the border town.\u2028It was calm.\u0085Shops reopened."}),
        "",
        json.dumps({"id": 7, "text": "   "}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["analyze", str(src), "--format", "jsonl", "--output", str(out)])
    assert res.exit_code == 0, res.output
    rows = _jsonl(out)
    assert [r.get("id") for r in rows] == ["a", None, "b", None, "c", "7"]
    assert "not valid JSON" in rows[1]["error"]
    assert "text" in rows[2]["error"] and "html" in rows[2]["error"]
    assert "id" in rows[3]["error"]
    assert "empty" in rows[5]["error"]
    c = rows[4]
    # U+2028 and U+0085 are inside the article, not line ends
    assert "\u2028It was calm.\u0085Shops reopened." in c["article"]["text"]
    assert c["article"]["title"] == "Given"
    assert c["article"]["published"] == "2020-02-03"
    assert c["article"]["source"] == "Wire"
    for r in rows:
        assert validation_errors(r) == []


def test_entities_have_offsets_into_clean_text(tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLES / "01-ministers-meet-jakarta.txt"), "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    text = rec["article"]["text"]
    assert rec["entities"]
    for ent in rec["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]
    assert validation_errors(rec) == []


def test_every_example_validates_and_text_report_renders() -> None:
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.split("\n") if line.startswith("{")]
    assert len(rows) >= 10
    for r in rows:
        assert "error" not in r, r
        assert validation_errors(r) == []
    txt = runner.invoke(app, ["analyze", str(EXAMPLES / "04-ceasefire-kordofan-farm.txt"), "--format", "text"])
    assert txt.exit_code == 0
    assert "Removed from the body" in txt.stdout
    assert "caption" in txt.stdout


def test_html_example_gives_metadata_from_page() -> None:
    html = next(EXAMPLES.glob("*.html"))
    res = runner.invoke(app, ["analyze", str(html), "--format", "json"])
    assert res.exit_code == 0, res.output
    art = json.loads(res.stdout)["article"]
    assert art["title"]
    assert art["published"] and len(art["published"]) == 10
    assert "<script" not in art["text"] and "function(" not in art["text"]


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tidings", *args], input=stdin, capture_output=True, timeout=300
    )


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary"),
        (b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "article"),
    ],
)
def test_bad_single_input_exits_1_with_one_line_and_no_traceback(tmp_path: Path, content: bytes, needle: str) -> None:
    f = tmp_path / ("bad.html" if content.startswith(b"<html") else "bad.txt")
    f.write_bytes(content)
    proc = _run("analyze", str(f), "--format", "json")
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert needle in err.lower()
    assert len(err.strip().splitlines()) == 1


def test_oversized_text_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes(b"word " * (11 * 1024 * 1024 // 5))
    proc = _run("analyze", str(f), "--format", "json")
    assert proc.returncode == 1
    assert "MB" in proc.stderr.decode() and "limit" in proc.stderr.decode()


def test_legacy_encoding_is_read_not_refused(tmp_path: Path) -> None:
    f = tmp_path / "cp1252.txt"
    f.write_bytes(b"The minister\x92s caf\xe9 remarks drew criticism from the opposition.")
    proc = _run("analyze", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "minister’s café" in json.loads(proc.stdout)["article"]["text"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run("analyze").returncode == 2
    assert _run("analyze", "x.txt", "--format", "yaml").returncode == 2
    proc = _run("analyze", str(EXAMPLES / "01-ministers-meet-jakarta.txt"), "--actors", str(tmp_path / "nope.csv"))
    assert proc.returncode == 2


def test_stdin_and_missing_file() -> None:
    proc = _run("analyze", "-", "--format", "json", stdin=b"Kenya and Uganda signed a border pact in Nairobi on Friday.")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["article"]["text"].startswith("Kenya and Uganda")
    missing = _run("analyze", "/nonexistent/file.txt")
    assert missing.returncode == 1
    assert "no such file" in missing.stderr.decode()


def test_refused_url_scheme_is_a_clear_error() -> None:
    proc = _run("analyze", "ftp://example.org/a.txt", "--format", "json")
    assert proc.returncode == 1
    assert "scheme" in proc.stderr.decode()


def test_sample_article_through_the_cli() -> None:
    path = shared_path("samples", "putin-pompeo-2019.txt")
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))["article"]
    res = runner.invoke(app, ["analyze", str(path), "--format", "json"])
    assert res.exit_code == 0
    art = json.loads(res.stdout)["article"]
    assert (art["title"], art["authors"], art["published"]) == (gold["title"], gold["authors"], gold["published"])
    assert {r["text"] for r in gold["removed"]} <= {r["text"] for r in art["removed"]}


def test_workers_keep_order_and_results(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert runner.invoke(app, ["analyze", str(EXAMPLES), "-f", "jsonl", "-o", str(one)]).exit_code == 0
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "-f", "jsonl", "-o", str(two), "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert _jsonl(one) == _jsonl(two)
    assert len(_jsonl(one)) >= 10


def test_a_body_too_long_for_the_parser_fails_alone(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    long_text = ("The council met again. " * 60_000).strip()  # about 1.4 million characters
    src.write_text(
        json.dumps({"id": "long", "text": long_text}) + "\n" + json.dumps({"id": "ok", "text": "Chad and Niger signed a pact."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["analyze", str(src), "-f", "jsonl", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = _jsonl(out)
    assert rows[0]["id"] == "long" and "limit" in rows[0]["error"]
    assert rows[1]["id"] == "ok" and "error" not in rows[1]
