"""Adding articles while the UI is up: ``POST /api/articles``, the analyze page's "Save to corpus",
``tidings ingest --server`` and what a locked store says; reads go on while articles are saved,
and no saved article is lost."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

import httpx  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from tidings.cli import app as cli_app  # noqa: E402
from tidings.store import connect, ingest, read_sources  # noqa: E402
from tidings.web import create_app  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .test_web import assert_problem  # noqa: E402
from .test_web_security import Live  # noqa: E402

SEED = ["01-ministers-meet-jakarta.txt", "02-summit-sanctions-abuja.txt"]
NEW_TEXT = (
    "NAIROBI — Kenya and Uganda agreed on Tuesday to reopen their shared border crossing at Busia after a "
    "week of talks between their trade ministers, officials said.\n\n"
    "\u201cThe trucks will move again by Friday,\u201d Kenyan trade minister Rebecca Miano told reporters.\n\n"
    "Ugandan officials said the two governments would also set up a joint committee on customs checks."
)


def make_store(folder: Path, analyzer: Any, names: list[str] = SEED) -> Path:
    db = folder / "store.duckdb"
    conn = connect(db)
    try:
        ingest(conn, read_sources([str(EXAMPLES / n) for n in names]), analyzer)
    finally:
        conn.close()
    return db


def stored_count(client: TestClient) -> int:
    return int(client.get("/api/articles?limit=1").json()["count"])


@pytest.fixture()
def writable(tmp_path: Path, analyzer: Any) -> Iterator[TestClient]:
    with TestClient(create_app(make_store(tmp_path, analyzer), analyzer=analyzer, writable=True)) as c:
        yield c


def test_post_articles_stores_and_returns_the_analysis(writable: TestClient) -> None:
    before = stored_count(writable)
    r = writable.post("/api/articles", json={"id": "busia", "text": NEW_TEXT, "source": "Lakeside Wire",
                                             "published": "2024-03-05"})
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["created"] is True and r.headers["location"] == f"/api/articles/{doc['article_id']}"
    assert doc["article"]["source"] == "Lakeside Wire" and doc["article"]["published"] == "2024-03-05"
    assert any(q["speaker"] and q["speaker"]["name"] == "Rebecca Miano" for q in doc["quotes"]), doc["quotes"]
    assert stored_count(writable) == before + 1
    assert writable.get(r.headers["location"]).json()["article_id"] == doc["article_id"]
    merged = writable.get("/api/events?actor=UGA&limit=1000").json()["rows"]
    assert any(a["article_id"] == doc["article_id"] for m in merged for a in m["articles"])
    again = writable.post("/api/articles", json={"id": "busia-again", "text": NEW_TEXT})
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["article_id"] == doc["article_id"] and stored_count(writable) == before + 1
    assert_problem(writable.post("/api/articles", json={"id": "x", "text": "   "}), 422)
    assert_problem(writable.post("/api/articles", json={"title": "no content"}), 422)
    assert_problem(writable.post("/api/articles", json={"url": "http://127.0.0.1:9/a"}), 422)
    assert_problem(writable.post("/api/articles", content=b"text=hi",
                                 headers={"content-type": "application/x-www-form-urlencoded"}), 422)
    assert stored_count(writable) == before + 1


def test_a_read_only_server_refuses_to_store_and_says_so(tmp_path: Path, analyzer: Any) -> None:
    with TestClient(create_app(make_store(tmp_path, analyzer), analyzer=analyzer)) as ro:
        doc = assert_problem(ro.post("/api/articles", json={"text": NEW_TEXT}), 403)
        assert "--read-only" in doc["detail"]
        page = ro.post("/analyze", data={"text": NEW_TEXT}).text
        assert 'id="save-form"' not in page and "read-only" in page


def test_save_to_corpus_stores_the_analysis_shown(writable: TestClient) -> None:
    pasted = (EXAMPLES / "04-ceasefire-kordofan-farm.txt").read_text(encoding="utf-8")
    page = writable.post("/analyze", data={"text": pasted})
    assert page.status_code == 200 and 'id="save-form"' in page.text
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page.text))
    import html as _html

    fields = {k: _html.unescape(v) for k, v in fields.items()}
    assert fields["text"] == pasted  # the input as given: the stored analysis is the one shown
    shown = writable.post("/api/analyze", json={"text": pasted}).json()
    r = writable.post("/articles", data=fields, follow_redirects=False)
    assert r.status_code == 303 and re.fullmatch(r"/articles/\w+\?saved=new", r.headers["location"])
    body = writable.get(r.headers["location"]).text
    assert "Saved to the corpus." in body
    stored = writable.get("/api/articles/" + r.headers["location"].split("/")[2].split("?")[0]).json()
    assert stored["reliability"]["score"] == shown["reliability"]["score"]
    assert [s["name"] for s in stored["reliability"]["signals"]] == [s["name"] for s in shown["reliability"]["signals"]]
    assert stored["article"]["removed"] == shown["article"]["removed"]
    r = writable.post("/articles", data=fields, follow_redirects=False)
    assert r.headers["location"].endswith("?saved=known")


def test_saving_from_another_site_is_refused(writable: TestClient) -> None:
    before = stored_count(writable)
    for headers in ({"origin": "http://evil.example"}, {"sec-fetch-site": "cross-site"}, {"origin": "null"},
                    {"sec-fetch-site": "same-site", "origin": "http://other.testserver"},
                    {"sec-fetch-site": "same-origin", "origin": "http://evil.example"}):
        r = writable.post("/articles", data={"text": NEW_TEXT}, headers=headers, follow_redirects=False)
        assert r.status_code == 403, headers
        assert_problem(writable.post("/api/articles", json={"text": NEW_TEXT}, headers=headers), 403)
    assert stored_count(writable) == before
    ok = writable.post("/articles", data={"text": NEW_TEXT}, follow_redirects=False,
                       headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"})
    assert ok.status_code == 303 and stored_count(writable) == before + 1
    # a page under Referrer-Policy: no-referrer (as this server's own) posts with Origin: null
    ok = writable.post("/articles", data={"text": NEW_TEXT + " Again."}, follow_redirects=False,
                       headers={"origin": "null", "sec-fetch-site": "same-origin"})
    assert ok.status_code == 303


def test_saving_needs_the_token_when_the_server_has_one(tmp_path: Path, analyzer: Any) -> None:
    app = create_app(make_store(tmp_path, analyzer), analyzer=analyzer, writable=True, token="t0ken-for-writes")
    with TestClient(app) as c:
        assert_problem(c.post("/api/articles", json={"text": NEW_TEXT}), 401)
        r = c.post("/api/articles", json={"text": NEW_TEXT}, headers={"authorization": "Bearer t0ken-for-writes"})
        assert r.status_code == 201


def test_ingest_through_the_server_stores_what_a_direct_ingest_stores(tmp_path: Path, analyzer: Any) -> None:
    served = make_store(tmp_path, analyzer)
    (tmp_path / "direct").mkdir()
    direct = make_store(tmp_path / "direct", analyzer, [*SEED, "04-ceasefire-kordofan-farm.txt", "10-batch.jsonl"])
    server = Live(create_app(served, analyzer=analyzer, writable=True, token="s3cret"))
    try:
        base = f"http://127.0.0.1:{server.port}"
        inputs = [str(EXAMPLES / "04-ceasefire-kordofan-farm.txt"), str(EXAMPLES / "10-batch.jsonl")]
        r = CliRunner().invoke(cli_app, ["ingest", *inputs, "--server", base, "--token", "s3cret"])
        assert r.exit_code == 0, r.output
        n_batch = sum(1 for line in (EXAMPLES / "10-batch.jsonl").read_text(encoding="utf-8").splitlines()
                      if line.strip())
        assert f"{1 + n_batch} new, 0 duplicate, 0 failed" in r.output, r.output
        r = CliRunner().invoke(cli_app, ["ingest", *inputs, "--server", base, "--token", "s3cret"])
        assert f"0 new, {1 + n_batch} duplicate" in r.output, r.output
        bad = CliRunner().invoke(cli_app, ["ingest", *inputs, "--server", base, "--token", "wrong"])
        assert bad.exit_code == 1 and "token" in bad.output
        with httpx.Client(base_url=base, headers={"authorization": "Bearer s3cret"}) as c:
            via_server = {a["id"]: a for a in c.get("/api/articles?limit=1000").json()["rows"]}
    finally:
        server.stop()
    with TestClient(create_app(direct)) as c:
        expected = {a["id"]: a for a in c.get("/api/articles?limit=1000").json()["rows"]}
    assert set(via_server) == set(expected)
    for ident, row in expected.items():
        got = via_server[ident]
        for key in ("title", "published", "source", "reliability_score", "n_events", "n_quotes", "n_signals"):
            assert got[key] == row[key], (ident, key, got[key], row[key])


def test_ingest_against_a_served_store_says_how_to_add_articles(tmp_path: Path, analyzer: Any) -> None:
    db = make_store(tmp_path, analyzer, SEED[:1])
    with __import__("socket").socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.1)
        r = CliRunner().invoke(cli_app, ["ingest", str(EXAMPLES / SEED[1]), "--db", str(db)])
        assert r.exit_code == 1
        text = " ".join(r.output.split())
        assert f"--server http://127.0.0.1:{port}" in text and "tidings serve" in text, text
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_reads_and_saves_at_once_lose_nothing(tmp_path: Path, analyzer: Any) -> None:
    """200 requests, 20 in flight: reads of every list and page, and 30 saves of distinct articles."""
    db = make_store(tmp_path, analyzer)
    server = Live(create_app(db, analyzer=analyzer, writable=True))
    base = f"http://127.0.0.1:{server.port}"
    texts = [NEW_TEXT.replace("Busia", f"Busia {i}").replace("Tuesday", f"day {i}") for i in range(30)]
    reads = ["/api/events", "/api/articles", "/api/quotes", "/events", "/articles", "/quotes", "/"]

    async def go() -> list[tuple[str, int]]:
        sem = asyncio.Semaphore(20)
        async with httpx.AsyncClient(base_url=base, timeout=120) as c:
            async def one(i: int) -> tuple[str, int]:
                async with sem:
                    if i % 6 == 0 and i // 6 < len(texts):
                        r = await c.post("/api/articles", json={"id": f"save-{i // 6}", "text": texts[i // 6]})
                        return ("save", r.status_code)
                    r = await c.get(reads[i % len(reads)])
                    return ("read", r.status_code)
            return await asyncio.gather(*(one(i) for i in range(200)))

    try:
        results = asyncio.run(go())
        with httpx.Client(base_url=base) as c:
            rows = c.get("/api/articles?limit=1000").json()["rows"]
    finally:
        server.stop()
    assert [s for kind, s in results if kind == "save"] == [201] * len(texts)
    assert all(s == 200 for kind, s in results if kind == "read"), [r for r in results if r[1] != 200][:5]
    assert {f"save-{i}" for i in range(len(texts))} <= {r["id"] for r in rows}
    assert len(rows) == len(SEED) + len(texts)
    conn = connect(db, read_only=True)  # the store is sound after the server closed it
    try:
        assert conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone() == (0,)
    finally:
        conn.close()
