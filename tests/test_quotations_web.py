"""Quotations in `tidings query quotes --merged`, the REST API and the quotation page, over a store
whose quotes (written for these tests, one with markup in it) are merged by the store's own stage."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from tidings.web import create_app  # noqa: E402

HARBOUR = ("The harbour will stay closed until every one of the damaged cranes has been inspected "
           "and repaired by independent engineers.")
SPUN = ("The port will remain closed until every one of the broken cranes has been examined and "
        "repaired by independent engineers.")
HOSTILE = "We will <script>alert('q')</script> never sign a deal that hands the <b>fishing grounds</b> away."
QUOTES = [  # (article, words, speaker, actor, outlet)
    ("a1", HARBOUR, "Maria Vella", "MLTGOV", "Times of Malta"),
    ("a2", "every one of the damaged cranes has been inspected and repaired", "Vella", None, "Valletta Post"),
    ("a3", SPUN, "Joseph Azzopardi", "MLTGOV", "Spin Daily"),
    ("a4", HOSTILE, "Ana <img src=x onerror=alert(1)> Ruiz", None, "Outlet <i>x</i>"),
    ("a5", HOSTILE.replace("never", "never ever"), "Ana Ruiz", None, "Second Outlet"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tidings.store import quotation_merge
    from tidings.store.schema import connect
    from tidings.store.writer import insert_rows

    db = tmp_path_factory.mktemp("quotations") / "store.duckdb"
    conn = connect(db)
    for i, (aid, text, speaker, actor, outlet) in enumerate(QUOTES):
        body = f"“{text}” {speaker} said."
        doc = {"id": aid, "article": {"id": aid, "text": body}, "reliability": {"score": 75, "signals": []}}
        insert_rows(conn, "articles", [{
            "article_id": aid, "seq": i + 1, "id": aid, "title": f"Story {aid}", "published": date(2026, 5, 1 + i),
            "source": outlet, "text": body, "content_hash": aid, "reliability_score": 75, "analysis": json.dumps(doc)}])
        insert_rows(conn, "quotes", [{"article_id": aid, "idx": 0, "text": text, "start": 1, "end": 1 + len(text),
                                      "kind": "direct", "speaker_text": speaker, "speaker_name": speaker,
                                      "speaker_actor": actor}])
    quotation_merge.rebuild(conn)
    conn.close()
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as c:
        yield c


def _harbour(client: TestClient) -> dict[str, object]:
    rows = client.get("/api/quotations", params={"q": "cranes"}).json()["rows"]
    assert len(rows) == 1
    return rows[0]  # type: ignore[no-any-return]


def test_cli_lists_quotations_with_filters(store: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["query", "quotes", "--merged", "--format", "json", "--db", str(store)])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["n_mentions"] for r in rows] == [3, 2]
    harbour = rows[0]
    assert harbour["text"] == HARBOUR and harbour["first_article_id"] == "a1" and harbour["speaker_conflict"]
    assert [s["name"] for s in harbour["speakers"]] == ["Maria Vella", "Joseph Azzopardi"]
    res = runner.invoke(app, ["query", "quotes", "--conflict", "--format", "json", "--db", str(store)])
    assert [r["quotation_id"] for r in json.loads(res.stdout)] == [harbour["quotation_id"]]
    res = runner.invoke(app, ["query", "quotes", "--speaker", "azzopardi", "--min-mentions", "2", "--format", "json",
                              "--db", str(store)])
    assert [r["quotation_id"] for r in json.loads(res.stdout)] == [harbour["quotation_id"]]
    res = runner.invoke(app, ["query", "quotes", "--id", harbour["quotation_id"], "--format", "json", "--db", str(store)])
    one = json.loads(res.stdout)
    assert [(m["article_id"], m["match"], m["conflict"]) for m in one["mentions"]] == [
        ("a1", "exact", True), ("a2", "partial", True), ("a3", "spun", True)]
    res = runner.invoke(app, ["query", "quotes", "--min-mentions", "0", "--db", str(store)])
    assert res.exit_code == 2 and "--min-mentions must be at least 1" in res.output
    res = runner.invoke(app, ["query", "quotes", "--id", "nope", "--db", str(store)])
    assert res.exit_code == 1 and "no quotation 'nope'" in res.output
    # without --merged the command still lists single quotes, one row per mention
    res = runner.invoke(app, ["query", "quotes", "--format", "json", "--db", str(store)])
    assert len(json.loads(res.stdout)) == len(QUOTES)


def test_api_lists_and_shows_quotations(client: TestClient) -> None:
    body = client.get("/api/quotations").json()
    assert body["count"] == 2 and body["rows"][0]["n_sources"] == 3
    assert client.get("/api/quotations", params={"conflict": "true"}).json()["count"] == 1
    assert client.get("/api/quotations", params={"min_mentions": "3"}).json()["count"] == 1
    assert client.get("/api/quotations", params={"speaker": "Ruiz"}).json()["count"] == 1
    harbour = _harbour(client)
    one = client.get(f"/api/quotations/{harbour['quotation_id']}").json()
    assert one["outlets"] == ["spin daily", "times of malta", "valletta post"]
    assert one["first_published"] == "2026-05-01"
    assert [m["speaker_name"] for m in one["mentions"]] == ["Maria Vella", "Vella", "Joseph Azzopardi"]


@pytest.mark.parametrize("params, field", [({"min_mentions": "0"}, "min_mentions"), ({"min_mentions": "x"},
                         "min_mentions"), ({"conflict": "maybe"}, "conflict"), ({"sort": "loudest"}, "sort"),
                         ({"limit": "0"}, "limit")])
def test_api_refuses_bad_filters_as_problems(client: TestClient, params: dict[str, str], field: str) -> None:
    r = client.get("/api/quotations", params=params)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/problem+json")
    assert field in r.json()["detail"]


def test_unknown_quotation_is_a_404_problem(client: TestClient) -> None:
    r = client.get("/api/quotations/0000000000000000")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    assert client.get("/quotations/0000000000000000").status_code == 404


def test_quotation_page_shows_mentions_outlets_speakers_and_the_conflict(client: TestClient) -> None:
    harbour = _harbour(client)
    r = client.get(f"/quotations/{harbour['quotation_id']}")
    assert r.status_code == 200 and "script-src 'self'" in r.headers["content-security-policy"]
    page = r.text
    assert "speaker conflict" in page and "Joseph Azzopardi" in page and "Maria Vella" in page
    assert page.count('class="conflict"') == 3
    assert 'href="/articles/a2#q-0"' in page and "Valletta Post" in page and "2026-05-01" in page
    listing = client.get("/quotations", params={"conflict": "true"}).text
    assert f'href="/quotations/{harbour["quotation_id"]}"' in listing


def test_quotation_pages_escape_article_text(client: TestClient) -> None:
    rows = client.get("/api/quotations", params={"speaker": "Ruiz"}).json()["rows"]
    qid = rows[0]["quotation_id"]
    for url in (f"/quotations/{qid}", "/quotations"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>fishing" not in page
        assert "&lt;script&gt;" in page


def test_article_page_links_its_quote_to_the_quotation(client: TestClient) -> None:
    harbour = _harbour(client)
    detail = client.get("/api/articles/a3").json()
    assert detail["quotations"] == [{"idx": 0, "quotation_id": harbour["quotation_id"], "conflict": True,
                                     "n_articles": 3, "n_sources": 3, "first_article_id": "a1"}]
