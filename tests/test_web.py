"""The web UI and REST API, driven through the real ASGI app (FastAPI's TestClient) over a store
filled from examples/ plus one hostile article: every route answers with the right content, each
page's JSON twin agrees with it, filters filter, article text never reaches a page as markup, and
the token, host check, size limit and security headers hold."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

import pyarrow.parquet as pq  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from tidings.cli import app as cli_app  # noqa: E402
from tidings.ingest.sources import Failure, Item  # noqa: E402
from tidings.model import Analysis, Reliability, Signal  # noqa: E402
from tidings.store import connect, ingest, read_sources  # noqa: E402
from tidings.web import create_app  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402

SCRIPT = "<script>alert('xss')</script>"
IMG = "<img src=x onerror=alert(2)>"
XSS_ID = "hostile-01"

# two sentences copied word for word from examples/01 (so the store links the copy to its source),
# with script and onerror payloads in the title, the outlet, a quote, the body and a signal
COPIED = (
    "JAKARTA — Indonesian Foreign Minister Dewi Sulistyo met her Malaysian counterpart, Hakim Rahman, in "
    "Jakarta on Wednesday, and the two neighbours agreed to launch coordinated maritime patrols after months "
    "of friction over fishing boats seized in disputed waters."
)
HOSTILE_TEXT = (
    f"{COPIED}\n\n"
    f"Officials said the page {IMG} was posted by an unknown group {SCRIPT} late on Thursday.\n\n"
    f"\u201c{SCRIPT} is not how we talk to our neighbours,\u201d Sulistyo told reporters in Jakarta.\n\n"
    "The talks between the two ministers ran for nearly four hours, well past the schedule set by their "
    "staff, and both governments wanted to settle the matter quietly, officials said."
)
HOSTILE_RECORD = {
    "id": XSS_ID,
    "title": f"Patrol pact {SCRIPT} and {IMG}",
    "source": f"Outlet {IMG}",
    "url": "javascript:alert(3)",
    "published": "2019-05-17",
    "authors": [f"Reporter {SCRIPT}"],
    "text": HOSTILE_TEXT,
}
SIGNAL_MESSAGE = f"Signal message {SCRIPT}"


class WithSignal:
    """The real analyzer, plus one high-severity signal on the hostile article pointing at its payload."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def stream(self, items: Iterable[Item], batch_size: int = 16) -> Iterator[Analysis | Failure]:
        for res in self.inner.stream(items, batch_size=batch_size):
            if isinstance(res, Analysis) and res.id == XSS_ID:
                start = res.article.text.find(SCRIPT)
                assert start >= 0
                res.reliability = Reliability(score=25, signals=[
                    Signal(name="test_payload", severity="high", message=SIGNAL_MESSAGE, evidence=[SCRIPT],
                           spans=[(start, start + len(SCRIPT))], weight=-20.0)])
            yield res


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, analyzer: Any) -> Path:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "store.duckdb"
    conn = connect(db)
    try:
        report = ingest(conn, read_sources([str(EXAMPLES), str(hostile)]), WithSignal(analyzer))
    finally:
        conn.close()
    assert report.counts.failed == 0
    assert report.counts.new >= 13
    return db


@pytest.fixture(scope="module")
def client(store: Path, analyzer: Any) -> Iterator[TestClient]:
    with TestClient(create_app(store, analyzer=analyzer)) as c:
        yield c


@pytest.fixture(scope="module")
def hostile_id(client: TestClient) -> str:
    return str(client.get(f"/api/articles/{XSS_ID}").json()["article_id"])


def html(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def api(client: TestClient, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    if status < 400:
        assert r.headers["content-type"].startswith("application/json")
    else:
        assert_problem(r, status)
    return r.json()


def assert_problem(r: Any, status: int) -> dict[str, Any]:
    """An RFC 9457 problem-details answer with this status and a detail that says something."""
    assert r.status_code == status, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers["content-type"]
    doc = r.json()
    assert {"type", "title", "status", "detail"} <= set(doc), doc
    assert doc["status"] == status and isinstance(doc["detail"], str) and len(doc["detail"]) > 10, doc
    for e in doc.get("errors") or []:
        assert set(e) == {"field", "message"} and all(isinstance(v, str) for v in e.values()), e
    return dict(doc)


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's tokenizer sees them."""

    def __init__(self, body: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(body)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_no_markup_from_articles(body: str) -> None:
    """No payload reaches the page as markup; where it shows, it shows escaped."""
    assert "<script>alert" not in body and "<img src=x" not in body
    for tag, attrs in Tags(body).tags:
        assert tag != "img", attrs
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith(("javascript:", "data:")), (tag, attrs)
        if tag == "script":  # only the app's own files and inert JSON data blocks
            assert (attrs.get("src") or "").startswith(("/static/", "/static-vendor/")) \
                or attrs.get("type") == "application/json", attrs


# --- every route answers with the right content ------------------------------------------------------


PAGES = [
    ("/", "Busiest actors"),
    ("/analyze", "Analyze an article"),
    ("/articles", "Indonesia and Malaysia agree to joint sea patrols"),
    ("/articles/01-ministers-meet-jakarta", "Reliability"),
    ("/events", "merged event"),
    ("/dyad", "Busiest dyads"),
    ("/dyad?a=IDN&b=MYS", "Timeline"),
    ("/actors/IDN", "Counterparts"),
    ("/quotes", "Dewi Sulistyo"),
    ("/docs", "/api/events"),
]


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_every_page_answers(client: TestClient, url: str, expected: str) -> None:
    body = html(client, url)
    assert expected in body
    assert '<link rel="stylesheet" href="/static/app.css">' in body


API = ["/api/", "/api/articles", f"/api/articles/{XSS_ID}", "/api/events", "/api/quotes", "/api/dyad?a=IDN&b=MYS",
       "/api/actors/IDN", "/openapi.json"]


@pytest.mark.parametrize("url", API)
def test_every_api_route_answers_json(client: TestClient, url: str) -> None:
    assert api(client, url)


def test_static_and_plotly_served_locally(client: TestClient) -> None:
    for path in ("/static/app.css", "/static/app.js", "/static/charts.js", "/static/plotly-csp.css"):
        assert client.get(path).status_code == 200
    r = client.get("/static-vendor/plotly.min.js")
    assert r.status_code == 200 and "plotly.js" in r.text[:300]
    static = Path(__file__).resolve().parents[1] / "src" / "tidings" / "web" / "static"
    assert not list(static.rglob("plotly*.js")), "plotly's JS is served from the installed package, not committed"


def test_missing_article_and_bad_parameters(client: TestClient) -> None:
    assert "no article" in html(client, "/articles/not-there", 404)
    assert "no article" in api(client, "/api/articles/not-there", 404)["detail"]
    assert "YYYY-MM-DD" in api(client, "/api/events?from=yesterday", 400)["detail"]
    assert "YYYY-MM-DD" in html(client, "/events?from=yesterday", 400)
    assert "dyad" in api(client, "/api/events?dyad=USA", 400)["detail"]
    assert api(client, "/api/events?quad=9", 400)
    assert api(client, "/api/dyad?a=IDN", 400)
    assert api(client, "/api/actors/IDN;DROP", 400)


# --- JSON twins: the same filters give the same rows ---------------------------------------------------


@pytest.mark.parametrize(("page", "twin"), [
    ("/", "/api/"),
    ("/articles?q=patrols", "/api/articles?q=patrols"),
    ("/events?actor=IDN&quad=1", "/api/events?actor=IDN&quad=1"),
    ("/dyad?a=IDN&b=MYS", "/api/dyad?a=IDN&b=MYS"),
    ("/actors/IDN", "/api/actors/IDN"),
    ("/quotes?speaker=Sulistyo", "/api/quotes?speaker=Sulistyo"),
    ("/articles/01-ministers-meet-jakarta", None),
])
def test_each_page_links_its_json_twin(client: TestClient, page: str, twin: str | None) -> None:
    body = html(client, page)
    link = re.search(r'<a class="twin" href="([^"]+)"', body)
    assert link is not None
    href = link.group(1).replace("&amp;", "&")
    if twin is not None:
        assert href == twin
    assert api(client, href)


def test_events_page_and_twin_agree(client: TestClient) -> None:
    for query in ("", "?actor=IDN", "?quad=4", "?code=04", "?dyad=IDN,MYS", "?from=2021-01-01&to=2022-12-31"):
        rows = api(client, "/api/events" + query)["rows"]
        body = html(client, "/events" + query)
        assert body.count('class="event-row"') == len(rows), query
        for r in rows:
            assert r["label"] in body


def test_articles_page_and_twin_agree(client: TestClient) -> None:
    for query in ("", "?q=patrols", "?q=police+protest", "?outlet=Pacific", "?from=2022-01-01", "?max_reliability=30"):
        rows = api(client, "/api/articles" + query)["rows"]
        body = html(client, "/articles" + query)
        assert body.count('class="title-link"') == len(rows), query
        for r in rows:
            assert f'/articles/{r["article_id"]}' in body


# --- filters ----------------------------------------------------------------------------------------


def test_event_filters(client: TestClient) -> None:
    everything = api(client, "/api/events?limit=1000")["rows"]
    assert everything
    for quad in (1, 2, 3, 4):
        rows = api(client, f"/api/events?quad={quad}&limit=1000")["rows"]
        assert all(r["quad_class"] == quad for r in rows)
    assert sum(len(api(client, f"/api/events?quad={q}&limit=1000")["rows"]) for q in (1, 2, 3, 4)) == len(everything)
    idn = api(client, "/api/events?actor=IDN")["rows"]
    assert idn and all("IDN" in ((r["source_actor"] or "")[:3], (r["target_actor"] or "")[:3]) for r in idn)
    dyad = api(client, "/api/events?dyad=MYS,IDN")["rows"]
    assert dyad and all({r["source_actor"][:3], r["target_actor"][:3]} == {"IDN", "MYS"} for r in dyad)
    dated = api(client, "/api/events?from=2022-01-01&to=2022-12-31")["rows"]
    assert dated and all("2022-01-01" <= r["date"] <= "2022-12-31" for r in dated)
    assert all(r["n_sources"] >= 1 for r in api(client, "/api/events?min_sources=1")["rows"])
    assert all(r["code"].startswith("04") for r in api(client, "/api/events?code=04")["rows"])
    assert len(api(client, "/api/events?limit=3")["rows"]) == 3


def test_each_merged_event_lists_its_articles(client: TestClient) -> None:
    rows = api(client, "/api/events?dyad=IDN,MYS")["rows"]
    assert rows
    for r in rows:
        assert len(r["articles"]) >= 1
        assert all(a["evidence"] and a["article_id"] for a in r["articles"])
    one = rows[0]
    single = api(client, f"/api/events?id={one['merged_id']}")["rows"]
    assert [r["merged_id"] for r in single] == [one["merged_id"]]
    body = html(client, f"/events?id={one['merged_id']}")
    assert f'/articles/{one["articles"][0]["article_id"]}#ev-{one["articles"][0]["idx"]}' in body


def test_article_filters(client: TestClient) -> None:
    rows = api(client, "/api/articles?q=sea+patrols")["rows"]
    assert any(r["id"] == "01-ministers-meet-jakarta" for r in rows)
    assert not api(client, "/api/articles?q=zzzznotaword")["rows"]
    assert [r["source"] for r in api(client, "/api/articles?outlet=pacific")["rows"]] == ["Pacific Desk Wire"]
    low = api(client, "/api/articles?max_reliability=30")["rows"]
    assert XSS_ID in [r["id"] for r in low] and all(r["reliability_score"] <= 30 for r in low)
    high = api(client, "/api/articles?min_reliability=31")["rows"]
    assert XSS_ID not in [r["id"] for r in high] and all(r["reliability_score"] >= 31 for r in high)
    assert all(r["published"] >= "2023-01-01" for r in api(client, "/api/articles?from=2023-01-01")["rows"])
    # SQL metacharacters are data, not SQL
    assert api(client, "/api/articles?q=%27%3B+DROP+TABLE+articles%3B+--")["rows"] == []
    assert api(client, "/api/articles?q=100%25")["rows"] == []
    assert len(api(client, "/api/articles")["rows"]) >= 13


def test_quote_search(client: TestClient) -> None:
    by_speaker = api(client, "/api/quotes?speaker=Sulistyo")["rows"]
    assert by_speaker and all("Sulistyo" in (r["speaker_name"] or r["speaker_text"] or "") for r in by_speaker)
    by_words = api(client, "/api/quotes?q=fishermen")["rows"]
    assert by_words and all("fishermen" in r["text"].lower() for r in by_words)
    body = html(client, "/quotes?q=fishermen")
    assert '<mark class="hl-match">fishermen</mark>' in body


def test_dyad(client: TestClient) -> None:
    d = api(client, "/api/dyad?a=idn&b=mys")
    assert (d["a"], d["b"]) == ("IDN", "MYS")
    assert d["n_events"] >= 2 and d["timeline"] and d["top_events"]
    assert sum(d["quad_counts"].values()) == d["n_events"]
    assert d["by"] in ("day", "week", "month")
    assert api(client, "/api/dyad?a=IDN&b=MYS&by=month")["by"] == "month"
    body = html(client, "/dyad?a=IDN&b=MYS")
    assert 'data-chart="timeline"' in body and '<script type="application/json" id="dyad-data">' in body
    assert "/static-vendor/plotly.min.js" in body


def test_actor(client: TestClient) -> None:
    d = api(client, "/api/actors/idn")
    assert d["code"] == "IDN"
    assert any(c["other"].startswith("MYS") for c in d["counterparts"])
    assert d["events"] and d["timeline"]
    body = html(client, "/actors/IDN")
    assert 'data-chart="network"' in body and "/dyad?a=IDN&amp;b=MYS" in body


# --- one article: highlights and provenance ------------------------------------------------------------


def test_article_page_highlights_quotes_events_and_signals(client: TestClient, hostile_id: str) -> None:
    a = api(client, "/api/articles/01-ministers-meet-jakarta")
    assert {"article", "entities", "quotes", "events", "reliability", "provenance", "article_id"} <= set(a)
    body = html(client, "/articles/01-ministers-meet-jakarta")
    speakers = {(q["speaker"] or {}).get("name") for q in a["quotes"]} - {None}
    assert speakers
    for name in speakers:
        assert name in body
    assert re.search(r'<span class="seg hl-quote spk-0"[^>]*data-q="0"', body)
    for i in range(len(a["quotes"])):
        assert f'id="q-{i}"' in body
    for i in range(len(a["events"])):
        assert f'id="ev-{i}"' in body and f'href="#ev-{i}"' in body
    # the hostile article's signal links to its evidence span, highlighted in the text
    body = html(client, f"/articles/{hostile_id}")
    assert 'href="#sig-0-0"' in body and 'id="sig-0-0"' in body
    assert re.search(r'class="seg [^"]*hl-signal sev-high[^"]*"[^>]*data-sig="0">&lt;script&gt;', body)


def test_provenance_both_ways(client: TestClient, hostile_id: str) -> None:
    hostile = api(client, f"/api/articles/{hostile_id}")
    source_ids = [c["source_article_id"] for c in hostile["provenance"]["copies"]]
    original = api(client, "/api/articles/01-ministers-meet-jakarta")
    assert original["article_id"] in source_ids
    assert hostile_id in [c["article_id"] for c in original["provenance"]["copied_by"]]
    body = html(client, f"/articles/{hostile_id}")
    assert f'href="/articles/{original["article_id"]}"' in body and "hl-copied" in body
    body = html(client, "/articles/01-ministers-meet-jakarta")
    assert f'href="/articles/{hostile_id}"' in body


# --- downloads ---------------------------------------------------------------------------------------


def test_csv_and_parquet_downloads(client: TestClient) -> None:
    rows = api(client, "/api/events?actor=IDN")["rows"]
    r = client.get("/api/events?actor=IDN&format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert [t["merged_id"] for t in table] == [x["merged_id"] for x in rows]
    assert "article_ids" in table[0]
    r = client.get("/api/events?actor=IDN&format=parquet")
    assert r.status_code == 200
    pt = pq.read_table(io.BytesIO(r.content))
    assert pt.num_rows == len(rows) and "merged_id" in pt.column_names
    empty = pq.read_table(io.BytesIO(client.get("/api/events?actor=ZZZ&format=parquet").content))
    assert empty.num_rows == 0
    body = html(client, "/events?actor=IDN")
    assert 'href="/api/events?actor=IDN&amp;format=csv"' in body
    assert 'href="/api/events?actor=IDN&amp;format=parquet"' in body


def test_download_lists_each_article_of_a_merged_event_once() -> None:
    """An event mentioned twice in one article and once in another: article_ids names two articles, in
    the order of their first mention; the view-only keys stay out of the download."""
    from tidings.web.downloads import flat

    row = {"merged_id": "m1", "_label": "x", "articles": [
        {"article_id": "b"}, {"article_id": "a"}, {"article_id": "b"}]}
    assert flat([row]) == [{"merged_id": "m1", "article_ids": "b;a"}]


# --- analyze: form, upload, API --------------------------------------------------------------------------


def test_analyze_api_text_html_and_errors(client: TestClient) -> None:
    text = (EXAMPLES / "01-ministers-meet-jakarta.txt").read_text(encoding="utf-8")
    r = client.post("/api/analyze", json={"text": text})
    assert r.status_code == 200
    out = r.json()
    assert set(out) == {"id", "article", "entities", "quotes", "events", "reliability", "places"}
    assert any((q["speaker"] or {}).get("name") == "Dewi Sulistyo" for q in out["quotes"])
    page = (EXAMPLES / "09-coast-guard-pact-hanoi.html").read_text(encoding="utf-8")
    r = client.post("/api/analyze", json={"html": page, "source": "Hanoi Desk"})
    assert r.status_code == 200 and r.json()["article"]["source"] == "Hanoi Desk"
    assert client.post("/api/analyze", json={}).status_code == 422
    assert client.post("/api/analyze", json={"text": "   "}).status_code == 422
    refused = client.post("/api/analyze", json={"url": "http://127.0.0.1:9/article"})
    assert refused.status_code == 422 and "refused" in refused.json()["detail"]
    assert client.post("/api/analyze", json={"url": "file:///etc/passwd"}).status_code == 422
    assert client.post("/api/analyze", json={"url": "/etc/passwd"}).status_code == 422


def test_post_body_limit(store: Path) -> None:
    with TestClient(create_app(store, max_body=1000)) as small:
        r = small.post("/api/analyze", json={"text": "x" * 5000})
        assert r.status_code == 413
        r = small.post("/analyze", files={"file": ("big.txt", b"y" * 5000, "text/plain")})
        assert r.status_code == 413


def test_analyze_form_paste_and_upload(client: TestClient) -> None:
    text = (EXAMPLES / "01-ministers-meet-jakarta.txt").read_text(encoding="utf-8")
    r = client.post("/analyze", data={"text": text})
    assert r.status_code == 200
    assert 'id="article-text"' in r.text and "Dewi Sulistyo" in r.text and 'id="reliability"' in r.text
    assert re.search(r'class="seg hl-quote spk-\d+"', r.text)
    r = client.post("/analyze", files={"file": ("hanoi.html", (EXAMPLES / "09-coast-guard-pact-hanoi.html").read_bytes(),
                                                "text/html")})
    assert r.status_code == 200 and 'id="article-text"' in r.text
    r = client.post("/analyze", data={"url": "http://10.0.0.1/x"})
    assert r.status_code == 422 and "refused" in r.text
    r = client.post("/analyze", data={"text": ""})
    assert r.status_code == 422 and "Paste an article" in r.text


# --- untrusted article text stays text everywhere ------------------------------------------------------


def test_hostile_article_is_escaped_in_every_page(client: TestClient, hostile_id: str) -> None:
    pages = [p for p, _ in PAGES] + [
        f"/articles/{hostile_id}", f"/articles/{XSS_ID}", "/articles?q=script", "/articles?q=onerror",
        "/quotes?q=script", "/quotes?speaker=Sulistyo", "/events?actor=IDN", "/events?outlet=Outlet",
        "/dyad?a=IDN&b=MYS&by=day",
    ]
    for url in pages:
        assert_no_markup_from_articles(html(client, url))
    body = html(client, f"/articles/{hostile_id}")
    assert "Patrol pact &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(2)&gt;" in body
    assert "Signal message &lt;script&gt;" in body
    assert "javascript:alert(3)" in body  # shown as text, never as a link
    listing = html(client, "/articles?q=script")
    assert "Patrol pact &lt;script&gt;" in listing
    assert html(client, "/quotes?q=script").count("&lt;script&gt;") >= 1


def test_pasted_hostile_text_is_escaped(client: TestClient) -> None:
    r = client.post("/analyze", data={"text": HOSTILE_TEXT})
    assert r.status_code == 200
    assert_no_markup_from_articles(r.text)
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in r.text
    # the textarea gives the pasted text back escaped too
    assert "<textarea" in r.text and "</textarea>" in r.text.split("<textarea", 1)[1]
    assert r.text.count("</textarea>") == 1


def test_json_data_blocks_cannot_close_their_script(client: TestClient) -> None:
    for url in ("/events", "/dyad?a=IDN&b=MYS", "/actors/IDN"):
        body = html(client, url)
        for block in re.findall(r'<script type="application/json" id="[\w-]+">(.*?)</script>', body, re.S):
            json.loads(block)
            assert "<" not in block


# --- security --------------------------------------------------------------------------------------------


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]+)", csp)
    assert script_src and "unsafe-inline" not in script_src.group(1) and "unsafe-eval" not in script_src.group(1)
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/events").headers["content-security-policy"] == csp
    assert client.get("/articles/none").headers["content-security-policy"] == csp


def test_no_inline_script_or_style_in_pages(client: TestClient) -> None:
    for url in [p for p, _ in PAGES]:
        body = html(client, url)
        for tag, attrs in Tags(body).tags:
            assert tag != "style" and "style" not in attrs, (url, tag, attrs)
            assert not [a for a in attrs if a.startswith("on")], (url, tag, attrs)
            if tag == "script":
                assert attrs.get("src") or attrs.get("type") == "application/json", (url, attrs)


def test_docs_work_offline(client: TestClient) -> None:
    body = html(client, "/docs")
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes", "/api/dyad",
                 "/api/actors/{code}", "/api/analyze"):
        assert f"<code>{path}</code>" in body
    assert "cdn" not in body.lower() and "swagger" not in body.lower()
    schema = api(client, "/openapi.json")
    assert "/api/analyze" in schema["paths"] and "post" in schema["paths"]["/api/analyze"]


def test_token_is_required_on_every_call(store: Path) -> None:
    with TestClient(create_app(store, token="s3cret-token"), follow_redirects=False) as c:
        for url in ("/", "/articles", "/events", "/docs", "/quotes"):
            r = c.get(url)
            assert r.status_code == 401 and "needs an access token" in r.text
        for url in ("/api/", "/api/events", "/api/articles", "/openapi.json"):
            assert c.get(url).status_code == 401
        assert c.post("/api/analyze", json={"text": "x"}).status_code == 401
        assert c.get("/static/app.css").status_code == 200  # assets carry no data
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
        assert c.get("/api/events", headers={"X-Tidings-Token": "s3cret-token"}).status_code == 200
        assert c.get("/api/events?token=s3cret-token").status_code == 200
        wrong = c.get("/events?token=nope")
        assert wrong.status_code == 401 and "not right" in wrong.text
        r = c.get("/events?actor=IDN&token=s3cret-token")
        assert r.status_code == 303 and r.headers["location"] == "/events?actor=IDN"
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert c.get("/events?actor=IDN").status_code == 200  # the cookie now rides along
        c.cookies.clear()
        assert c.get("/events").status_code == 401


def test_host_check_stops_dns_rebinding(store: Path) -> None:
    with TestClient(create_app(store, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/", headers={"host": "attacker.example:8000"}).status_code == 400


def test_serve_refuses_a_public_address_without_token(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIDINGS_TOKEN", raising=False)
    runner = CliRunner()
    for host in ("0.0.0.0", "192.168.1.10", "::"):
        r = runner.invoke(cli_app, ["serve", "--db", str(store), "--host", host])
        assert r.exit_code == 2
        assert "token" in r.output.lower()


def test_serve_passes_token_and_host_check(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: dict[str, Any] = {}

    def fake_run(server: Any, sockets: Any = None) -> None:  # the server, its app and its bound socket
        calls["app"] = server.config.app
        calls["kwargs"] = {"host": server.config.host, "port": server.config.port,
                           "bound": [s.getsockname()[:2] for s in sockets or []]}
        for sock in sockets or []:
            sock.close()

    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    monkeypatch.setenv("TIDINGS_TOKEN", "from-env")
    r = CliRunner().invoke(cli_app, ["serve", "--db", str(store), "--host", "0.0.0.0", "--port", "0", "--read-only"])
    assert r.exit_code == 0, r.output
    port = calls["kwargs"]["port"]
    assert calls["kwargs"]["host"] == "0.0.0.0" and port > 0 and calls["kwargs"]["bound"] == [("0.0.0.0", port)]
    assert f":{port}/" in r.output  # the port actually bound is the one printed
    with TestClient(calls["app"]) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer from-env"}).status_code == 200
    monkeypatch.delenv("TIDINGS_TOKEN", raising=False)
    r = CliRunner().invoke(cli_app, ["serve", "--db", str(store), "--read-only"])
    assert r.exit_code == 0, r.output
    assert calls["kwargs"]["host"] == "127.0.0.1" and calls["app"].state.db.writable is False
    with TestClient(calls["app"], base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/events").status_code == 200
        assert c.get("/api/events", headers={"host": "evil.example"}).status_code == 400


def test_serve_is_the_stores_writer_unless_read_only(store: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import uvicorn

    copy = tmp_path / "copy.duckdb"
    shutil.copy(store, copy)
    seen: dict[str, Any] = {}

    def fake_run(server: Any, sockets: Any = None) -> None:
        seen["writable"] = server.config.app.state.db.writable
        server.config.app.state.db.close()
        for sock in sockets or []:
            sock.close()

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    assert CliRunner().invoke(cli_app, ["serve", "--db", str(copy), "--port", "0"]).exit_code == 0
    assert seen["writable"] is True
    assert CliRunner().invoke(cli_app, ["serve", "--db", str(copy), "--port", "0", "--read-only"]).exit_code == 0
    assert seen["writable"] is False


def test_serve_says_who_holds_a_taken_port_before_claiming_to_serve(store: Path) -> None:
    import socket

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        r = CliRunner().invoke(cli_app, ["serve", "--db", str(store), "--port", str(port), "--read-only"])
    finally:
        holder.close()
    assert r.exit_code == 1, r.output
    assert "serving" not in r.output and "already in use" in r.output and "--port" in r.output, r.output
    assert f"(pid {os.getpid()})" in r.output, r.output  # this test's own process holds it


@pytest.mark.parametrize("command", [["serve"], ["query", "events"], ["query", "articles"],
                                     ["export", "events", "-o", "x.csv"]])
def test_commands_that_read_a_store_refuse_a_missing_one(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "typo.duckdb"
    r = CliRunner().invoke(cli_app, [*command, "--db", str(typo)])
    assert r.exit_code == 1, r.output
    assert "no tidings store" in r.output and "tidings ingest" in r.output, r.output
    assert not typo.exists()
    def help_of(cmd: list[str]) -> str:  # the words of a help text, without Rich's wrapping and boxes
        return re.sub(r"[\s│]+", " ", CliRunner().invoke(cli_app, [*cmd, "--help"]).output)

    help_text = help_of(command[:2] if command[0] != "serve" else command)
    assert "created when absent" not in help_text and "tidings ingest" in help_text, help_text
    assert "created when absent" in help_of(["ingest"])


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "parquet"])
def test_export_to_dash_writes_stdout(store: Path, tmp_path: Path, fmt: str) -> None:
    import os as _os

    cwd = _os.getcwd()
    _os.chdir(tmp_path)
    try:
        r = CliRunner().invoke(cli_app, ["export", "merged", "--db", str(store), "-f", fmt, "--output", "-"])
    finally:
        _os.chdir(cwd)
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "-").exists()
    out = r.stdout_bytes
    if fmt == "parquet":
        assert out[:4] == b"PAR1" and out[-4:] == b"PAR1"
        assert pq.read_table(io.BytesIO(out)).num_rows > 0
    else:
        lines = out.decode("utf-8").splitlines()
        n = int(re.search(r"(\d+) merged rows written to stdout", r.stderr).group(1))  # type: ignore[union-attr]
        assert n > 0 and len(lines) == n + (fmt == "csv")  # the CSV's header line
        if fmt == "gdelt":
            assert all(len(line.split("\t")) == 61 for line in lines)


# --- one error shape for the whole API -------------------------------------------------------------


def test_a_non_json_body_is_a_4xx_problem_not_a_500(client: TestClient) -> None:
    r = client.post("/api/analyze", content=b"text=hello", headers={"content-type": "application/x-www-form-urlencoded"})
    doc = assert_problem(r, 422)
    assert "hello" not in r.text  # the request's bytes are not echoed
    assert any(e["field"] == "body" for e in doc["errors"]), doc
    for raw in (b"\xff\xfe not utf-8", b"{not json", b"[1, 2]", b'"a string"'):
        assert_problem(client.post("/api/analyze", content=raw, headers={"content-type": "application/json"}), 422)
    doc = assert_problem(client.post("/api/analyze", json={"text": 5, "authors": "x"}), 422)
    assert {"body.text", "body.authors"} <= {e["field"] for e in doc["errors"]}, doc


def test_every_api_error_has_the_problem_shape(client: TestClient) -> None:
    assert_problem(client.get("/api/articles/not-there"), 404)
    assert_problem(client.get("/api/no-such-route"), 404)
    assert_problem(client.get("/api/events?quad=9"), 400)
    assert_problem(client.get("/api/events?limit=0"), 400)
    assert_problem(client.delete("/api/events"), 405)
    assert_problem(client.post("/api/analyze", json={}), 422)
    doc = assert_problem(client.get("/api/actors/ZZZZ"), 404)
    assert "ZZZZ" in doc["detail"]
    assert "ZZZZ" in html(client, "/actors/ZZZZ", 404)
    assert api(client, "/api/actors/IDN")["counterparts"]  # a known actor still answers


def test_api_refusal_of_a_private_url_speaks_to_api_callers(client: TestClient) -> None:
    doc = assert_problem(client.post("/api/analyze", json={"url": "http://127.0.0.1:9/article"}), 422)
    assert "refused" in doc["detail"] and "--allow-private" not in doc["detail"], doc
    r = client.post("/analyze", data={"url": "http://10.0.0.1/a"})
    assert r.status_code == 422 and "--allow-private" not in r.text and "own machine or network" in r.text


def test_limits_and_token_refusals_are_problems_on_the_api(store: Path) -> None:
    with TestClient(create_app(store, max_body=1000)) as small:
        assert_problem(small.post("/api/analyze", json={"text": "x" * 5000}), 413)
        assert small.post("/analyze", data={"text": "x" * 5000}).headers["content-type"].startswith("text/plain")
    with TestClient(create_app(store, token="s3cret-token")) as gated:
        r = gated.get("/api/events")
        assert_problem(r, 401)
        assert r.headers["www-authenticate"] == "Bearer"
    with TestClient(create_app(store, allowed_hosts=["localhost"]), base_url="http://evil.example") as other:
        assert_problem(other.get("/api/events"), 400)


def test_openapi_describes_the_problem_shape(client: TestClient) -> None:
    spec = api(client, "/openapi.json")
    assert {"type", "title", "status", "detail", "errors"} <= set(spec["components"]["schemas"]["Problem"]["properties"])
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            for code in ("400", "404", "422"):
                content = op["responses"][code]["content"]
                assert "application/problem+json" in content, (path, method, code, content)
                assert content["application/problem+json"]["schema"]["$ref"].endswith("/Problem")
    assert "HTTPValidationError" not in spec["components"]["schemas"]


# --- the CLI and the API validate filters with one rule -------------------------------------------

BAD_FILTERS = [
    ("events", {"quad": "9"}, "quad", "between 1 and 4"),
    ("events", {"quad": "0"}, "quad", "between 1 and 4"),
    ("merged", {"min_sources": "-1"}, "min-sources", "at least 0"),
    ("events", {"root": "21"}, "root", "01 to 20"),
    ("events", {"root": "ab"}, "root", "01 to 20"),
    ("events", {"code": "19x"}, "code", "1-4 digits"),
    ("events", {"from": "2020-05-01", "to": "2019-01-01"}, "from", "after"),
    ("articles", {"min_reliability": "101"}, "min-reliability", "between 0 and 100"),
    ("articles", {"min_reliability": "60", "max_reliability": "40"}, "min-reliability", "above"),
]
API_FOR = {"events": "/api/events", "merged": "/api/events", "articles": "/api/articles"}


@pytest.mark.parametrize(("command", "params", "option", "rule"), BAD_FILTERS)
def test_cli_and_api_refuse_the_same_filters_alike(client: TestClient, store: Path, command: str,
                                                   params: dict[str, str], option: str, rule: str) -> None:
    from urllib.parse import urlencode

    doc = api(client, f"{API_FOR[command]}?{urlencode(params)}", 400)
    assert rule in doc["detail"], doc
    args = ["query", command, "--db", str(store)]
    for k, v in params.items():
        args += [f"--{k.replace('_', '-')}", v]
    r = CliRunner().invoke(cli_app, args)
    assert r.exit_code == 2, (args, r.exit_code, r.output)
    assert f"--{option}" in r.output and rule in r.output, r.output


def test_valid_filters_still_answer_alike(client: TestClient, store: Path) -> None:
    r = CliRunner().invoke(cli_app, ["query", "merged", "--db", str(store), "--root", "4", "--format", "json"])
    assert r.exit_code == 0, r.output
    cli_rows = json.loads(r.stdout)
    api_rows = api(client, "/api/events?root=4")["rows"]
    assert cli_rows and len(cli_rows) == len(api_rows)
    assert all(row["code"].startswith("04") for row in cli_rows)


# --- pagination with totals, server-side sorting, downloads of every list -------------------------


def walk(client: TestClient, first: str) -> tuple[int, list[dict[str, Any]]]:
    """Follow ``next`` from the first page to the last; the total and every row seen."""
    doc = api(client, first)
    total, seen = doc["count"], list(doc["rows"])
    while doc["next"]:
        doc = api(client, doc["next"])
        assert doc["count"] == total
        seen += doc["rows"]
    return total, seen


@pytest.mark.parametrize(("path", "key"), [("/api/events", "merged_id"), ("/api/articles", "article_id"),
                                           ("/api/quotes", None), ("/api/mentions", None)])
def test_count_is_every_matching_row_and_pages_cover_them_once(client: TestClient, path: str, key: str | None) -> None:
    everything = api(client, f"{path}?limit=1000")
    assert everything["count"] == len(everything["rows"]) > 6
    page = api(client, f"{path}?limit=2")
    assert page["count"] == everything["count"] and page["returned"] == 2 and page["prev"] is None
    total, seen = walk(client, f"{path}?limit=3")
    ident = (lambda r: r[key]) if key else (lambda r: (r["article_id"], r["idx"]))
    assert total == everything["count"] and [ident(r) for r in seen] == [ident(r) for r in everything["rows"]]
    last = api(client, f"{path}?limit=3&offset={total - 1}")
    assert last["returned"] == 1 and last["next"] is None and last["prev"]
    assert api(client, f"{path}?offset={total + 5}")["rows"] == []
    assert_problem(client.get(f"{path}?offset=-1"), 400)


@pytest.mark.parametrize(("path", "sort", "field"), [
    ("/api/events", "-goldstein", "goldstein"), ("/api/events", "date", "date"),
    ("/api/articles", "reliability", "reliability_score"), ("/api/articles", "-events", "n_events"),
    ("/api/quotes", "speaker", "speaker_name"), ("/api/mentions", "-goldstein", "goldstein")])
def test_sorting_is_server_side_and_holds_across_pages(client: TestClient, path: str, sort: str, field: str) -> None:
    _, rows = walk(client, f"{path}?sort={sort}&limit=4")
    values = [r[field] for r in rows if r[field] is not None]
    if field == "speaker_name":  # quotes sort by the speaker as shown: name, else the mention
        values = [(r["speaker_name"] or r["speaker_text"]) for r in rows if r["speaker_name"] or r["speaker_text"]]
    assert len(values) > 3
    assert values == sorted(values, reverse=sort.startswith("-")), values
    nulls_at = [i for i, r in enumerate(rows) if r[field] is None and field != "speaker_name"]
    assert nulls_at == list(range(len(rows) - len(nulls_at), len(rows)))  # missing values last
    doc = assert_problem(client.get(f"{path}?sort=nope"), 400)
    assert "sort must be one of" in doc["detail"]


def test_pages_show_where_they_are_with_links_and_sortable_headers(client: TestClient) -> None:
    total = api(client, "/api/events?limit=1")["count"]
    body = html(client, "/events?limit=5&sort=-goldstein")
    assert f"Events 1–5 of {total}" in body and 'rel="next"' in body and 'rel="prev"' not in body
    assert 'aria-sort="descending"' in body and 'href="/events?limit=5&amp;sort=goldstein"' in body
    body = html(client, "/events?limit=5&offset=5")
    assert f"Events 6–10 of {total}" in body and 'rel="prev"' in body
    n_quotes = api(client, "/api/quotes?limit=1")["count"]
    body = html(client, "/quotes?limit=10")
    assert body.count("<blockquote>") == 10 and f"Quotes 1–10 of {n_quotes}" in body
    body = html(client, "/articles?limit=4&sort=title")
    assert 'aria-sort="ascending"' in body and "Articles 1–4 of" in body


def test_every_list_downloads_its_filtered_rows(client: TestClient) -> None:
    quad4 = api(client, "/api/events?quad=4&limit=1000")
    r = client.get("/api/events?quad=4&format=gdelt&limit=2&offset=1")  # a download takes every matching row
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")
    lines = r.text.splitlines()
    assert len(lines) == quad4["count"] > 0 and all(len(line.split("\t")) == 61 for line in lines)
    assert {line.split("\t")[29] for line in lines} == {"4"}  # QuadClass
    r = client.get("/api/events?quad=4&format=csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == quad4["count"]
    mentions = api(client, "/api/mentions?actor=IDN&limit=1000")
    r = client.get("/api/mentions?actor=IDN&format=csv")
    got = list(csv.DictReader(io.StringIO(r.text)))
    assert len(got) == mentions["count"] > 0 and all("IDN" in (g["source_actor"] + g["target_actor"]) for g in got)
    low = api(client, "/api/articles?max_reliability=40&limit=1000")
    r = client.get("/api/articles?max_reliability=40&format=parquet")
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == low["count"] > 0 and max(table.column("reliability_score").to_pylist()) <= 40
    said = api(client, "/api/quotes?speaker=Sulistyo&limit=1000")
    r = client.get("/api/quotes?speaker=Sulistyo&format=csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == said["count"] > 0
    empty = client.get("/api/quotes?speaker=nobody-at-all&format=csv")
    assert empty.text.splitlines()[0].startswith("article_id,") and len(empty.text.splitlines()) == 1
    for page_url, links in (("/events", ["/api/events?format=csv", "/api/events?format=parquet",
                                         "/api/events?format=gdelt", "/api/mentions?format=csv"]),
                            ("/articles", ["/api/articles?format=csv", "/api/articles?format=parquet"]),
                            ("/quotes", ["/api/quotes?format=csv", "/api/quotes?format=parquet"])):
        body = html(client, page_url)
        assert all(f'href="{link}"' in body for link in links), page_url
    body = html(client, "/articles?outlet=pacific&offset=1")
    assert 'href="/api/articles?outlet=pacific&amp;format=csv"' in body  # the filters, not the page position


def test_actor_codes_have_their_names_beside_them(client: TestClient) -> None:
    body = html(client, "/events?actor=GNB")
    assert "GNBGOV</a> <span class=\"actor-name\">Guinea-Bissau government</span>" in body
    assert "Guinea-Bissau government" in html(client, "/actors/GNBGOV")
    assert api(client, "/api/actors/GNBGOV")["label"] == "Guinea-Bissau government"


def test_outlet_column_says_unknown_or_the_url_domain(client: TestClient) -> None:
    rows = api(client, "/api/articles?limit=1000")["rows"]
    assert any(r["source"] is None and not r["url"] for r in rows)
    body = html(client, "/articles?limit=1000")
    cells = re.findall(r'<tr>\s*<td class="nowrap">[^<]*</td>\s*<td>(.*?)</td>', body, flags=re.S)
    assert len(cells) == len(rows)
    for r, cell in zip(rows, cells):
        if r["source"]:
            assert r["source"] in unescape_html(cell) or "&" in r["source"]
        elif not r["url"] or not r["url"].startswith("http"):
            assert "unknown" in cell and ">0<" not in cell
    events = html(client, "/events?limit=1000")
    assert "unknown</span></td>" in events and '<td class="num">0</td>' not in events


def unescape_html(s: str) -> str:
    import html as _html

    return _html.unescape(s)
