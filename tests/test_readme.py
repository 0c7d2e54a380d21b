"""The README cannot drift: every command in its ``sh`` blocks runs as written on the bundled
examples and answers with rows, its Python example runs, and its report excerpt shows what the
program prints for that article (score, signals, removed lines, quotes and event codes)."""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tidings.cli import app

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
NOT_RUN = ("tidings serve",)  # a server runs until stopped: tests/test_web.py drives it


def blocks(lang: str) -> list[str]:
    """The code blocks fenced with this language ("" for a bare fence), read fence by fence."""
    out, current, body = [], None, []  # type: ignore[var-annotated]
    for line in README.splitlines():
        if line.startswith("```"):
            if current is None:
                current, body = line[3:].strip(), []
            else:
                if current == lang:
                    out.append("\n".join(body) + "\n")
                current = None
        elif current is not None:
            body.append(line)
    return out


def commands() -> list[str]:
    out = []
    for block in blocks("sh"):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line.startswith("tidings ") and not line.startswith(NOT_RUN):
                out.append(line)
    return out


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder like a fresh clone's root: examples/ beside the store the README's ingest makes."""
    wd = tmp_path_factory.mktemp("readme")
    (wd / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    cwd = os.getcwd()
    os.chdir(wd)
    try:
        yield wd
    finally:
        os.chdir(cwd)


def run(line: str) -> Any:
    args = shlex.split(line)[1:]
    stdin = None
    if "<" in args:  # "tidings analyze - < FILE"
        i = args.index("<")
        stdin = Path(args[i + 1]).read_bytes()
        args = args[:i] + args[i + 2:]
    return CliRunner().invoke(app, args, input=stdin)


def test_readme_has_the_commands_users_copy() -> None:
    lines = commands()
    verbs = {" ".join(shlex.split(c)[1:3]) for c in lines}
    assert {"ingest examples/", "query merged", "query dyad", "query quotes", "query articles",
            "export merged"} <= verbs, verbs
    assert sum(c.startswith("tidings analyze") for c in lines) >= 4


def test_every_readme_command_runs_on_the_examples(workdir: Path) -> None:
    lines = commands()
    ingest = [c for c in lines if c.startswith("tidings ingest")]
    for line in ingest + [c for c in lines if c not in ingest]:  # the store first, as a reader would
        r = run(line)
        assert r.exit_code == 0, (line, r.exit_code, r.output[-800:])
        if line.startswith("tidings query"):
            n = re.search(r"(\d+) rows|rows \d+-\d+ of (\d+)", r.stderr)
            assert n and int(n.group(1) or n.group(2)) > 0, (line, r.stderr[-300:])
        elif line.startswith("tidings export"):
            n = re.search(r"(\d+) \w+ rows written", r.stderr)
            assert n and int(n.group(1)) > 0, (line, r.stderr[-300:])
        elif line.startswith("tidings ingest"):
            assert re.search(r"[1-9]\d* new", r.stderr), (line, r.stderr[-300:])
        elif line.startswith("tidings analyze"):
            assert r.stdout.strip() or "--output" in line, line
    assert (workdir / "out.jsonl").stat().st_size > 0 and (workdir / "events.tsv").stat().st_size > 0


def test_readme_python_example_runs(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (code,) = blocks("python")
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Indonesia and Malaysia" in out and "Dewi Sulistyo" in out


def test_readme_report_excerpt_matches_the_program() -> None:
    shown = next(b for b in blocks("") if "Why this score" in b)
    name = re.search(r"`tidings analyze (examples/\S+)`", README).group(1)  # type: ignore[union-attr]
    r = CliRunner().invoke(app, ["analyze", str(ROOT / name), "--format", "json"])
    assert r.exit_code == 0, r.output
    import json

    result = json.loads(r.stdout)
    score = int(re.search(r"reliability\s+(\d+)/100", shown).group(1))  # type: ignore[union-attr]
    assert score == round(result["reliability"]["score"]), (score, result["reliability"]["score"])
    signals = {s["name"] for s in result["reliability"]["signals"]}
    listed = re.findall(r"^│ │ ([a-z_]+)\s+│ (?:high|medium|low)", shown, flags=re.M)
    assert listed and set(listed) <= signals, (listed, signals)
    removed = {(x["reason"], x["text"]) for x in result["article"]["removed"]}
    for reason, text in re.findall(r"^│ │ (caption|boilerplate)\s+│ (.+?)\s+│ │$", shown, flags=re.M):
        assert any(reason == rr and t.startswith(text.rstrip(". ").rstrip(",")) or text.rstrip(".") in t
                   for rr, t in removed), (reason, text)
    codes = {e["code"] for e in result["events"]}
    shown_codes = re.findall(r"^│ │ (\d{3,4}) +│", shown, flags=re.M)
    assert shown_codes and set(shown_codes) <= codes, (shown_codes, codes)
    kinds = {q["kind"] for q in result["quotes"]}
    assert set(re.findall(r"│ (direct|indirect|mixed|unmarked) +│", shown)) <= kinds
