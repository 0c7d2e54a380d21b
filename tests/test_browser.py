"""The web UI in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright for
Python against ``tidings serve`` on 127.0.0.1.  Paste an article and see its quotes highlighted by
speaker and the reliability panel; open the events, dyad and actor pages and see their charts drawn;
a pasted article's script never runs; page through, sort and download the lists (CSV with the
filters, every matching row); save a pasted article to the corpus (on a store of its own).  When
../shared is beside the clone, the content-farm sample article is pasted too and its quotes and
reliability signals checked against the hand annotation.

Screenshots (1280x800, the visible part of each page, made from examples/ only, never from the
../shared sample) go to a temporary folder, or to ``$TIDINGS_SCREENSHOT_DIR`` when set; the README's
are made with::

    TIDINGS_SCREENSHOT_DIR=docs/screenshots .venv/bin/python -m pytest tests/test_browser.py

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from .conftest import EXAMPLES, SAMPLE

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 420, "height": 800}
# every page records what its Content-Security-Policy blocked (the console tells only that something was)
CSP_LISTENER = """window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));"""

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
pytest.importorskip("fastapi", reason="the web extras are not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ingest_examples(db: Path, analyzer: Any) -> None:
    from tidings.store import connect, ingest, read_sources

    conn = connect(db)
    try:
        ingest(conn, read_sources([str(EXAMPLES)]), analyzer)
    finally:
        conn.close()


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """``tidings serve --db DB`` in a subprocess on a free port, until the block ends: its base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode() if proc.stdout and proc.poll() is not None else ""
                pytest.fail(f"tidings serve did not come up on {base}: {out}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, analyzer: Any) -> Iterator[str]:
    """The examples' store, served; the tests on it only read (saving goes to ``own_server``)."""
    db = tmp_path_factory.mktemp("browser") / "store.duckdb"
    ingest_examples(db, analyzer)
    with serving(db) as base:
        yield base


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("TIDINGS_SCREENSHOT_DIR")
    if wanted:
        path = Path(wanted)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken browser install is an environment problem, not a UI bug
            pytest.skip(f"chromium would not start: {exc}")
        yield b
        b.close()


class Page:
    """A fresh page that records script errors, console errors (a CSP violation among them) and the
    current document's CSP violations (``csp_violations``)."""

    def __init__(self, browser: Any, viewport: dict[str, int] = VIEWPORT) -> None:
        self.page = browser.new_page(viewport=viewport)
        self.errors: list[str] = []
        self.page.add_init_script(CSP_LISTENER)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", self._console)

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            self.errors.append(f"console: {msg.text}")

    def csp_violations(self) -> list[str]:
        return list(self.page.evaluate("window.__csp || []"))


def snap(pg: Any, shots: Path, name: str, top: str | None = None) -> None:
    """The visible part of the page (from the top, or from the element ``top`` below the sticky bar): small enough to
    commit (50-200 KB each)."""
    if top:
        pg.locator(top).first.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72)")
    else:
        pg.evaluate("window.scrollTo(0, 0)")
    pg.screenshot(path=str(shots / f"{name}.png"))


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    p = Page(browser)
    yield p
    p.page.close()
    assert not p.errors, p.errors


def test_paste_article_shows_quotes_by_speaker_and_reliability(server: str, page: Page, shots: Path) -> None:
    pg = page.page
    pg.goto(server + "/analyze")
    pg.fill("textarea[name=text]", (EXAMPLES / "01-ministers-meet-jakarta.txt").read_text(encoding="utf-8"))
    pg.click("#analyze-submit")
    pg.wait_for_selector("#article-text", timeout=120_000)

    speakers = pg.locator("#speakers .speaker-name").all_inner_texts()
    assert "Dewi Sulistyo" in speakers and "Hakim Rahman" in speakers
    # each speaker's quotes carry that speaker's colour, and two speakers' colours differ
    colours = {}
    for name in ("Dewi Sulistyo", "Hakim Rahman"):
        row = pg.locator("#speakers li", has_text=name)
        ids = row.get_attribute("data-ids").split()
        seg = pg.locator(f'#article-text .hl-quote:not(.who):not(.cue)[data-q~="{ids[0]}"]').first
        assert seg.is_visible()
        colours[name] = seg.evaluate("el => getComputedStyle(el).backgroundColor")
        row.hover()
        assert pg.locator(f'#article-text .seg.focus[data-q~="{ids[0]}"]').count() >= 1
    assert colours["Dewi Sulistyo"] != colours["Hakim Rahman"]
    assert "rgba(0, 0, 0, 0)" not in colours.values()
    quoted = pg.locator("#article-text .hl-quote").all_inner_texts()
    assert any("We have fishermen on both sides" in t for t in quoted)

    panel = pg.locator("#reliability")
    assert panel.is_visible()
    assert panel.locator(".score-big").inner_text().strip().isdigit()
    width = panel.locator(".score-fill").evaluate("el => el.style.width")
    assert width.endswith("%")
    for link in panel.locator(".evidence a").all()[:3]:  # each signal's evidence is a span in the text
        target = link.get_attribute("href")
        assert pg.locator(f"#article-text {target}").count() == 1

    events = pg.locator("#events li.event")
    assert events.count() >= 3
    events.first.hover()
    assert pg.locator("#article-text .hl-event.focus").count() >= 1

    box = pg.locator('input[data-layer="quote"]')
    box.uncheck()
    assert "hide-quote" in (pg.locator("#article-text").get_attribute("class") or "")
    box.check()
    snap(pg, shots, "analyze", top=".analysis")


def speakers_of_quotes(pg: Any) -> dict[int, str]:
    """Quote index -> the speaker the page lists it under (the speaker list's data-ids)."""
    out: dict[int, str] = {}
    for row in pg.locator("#speakers li").all():
        name = row.locator(".speaker-name").inner_text().strip()
        for i in (row.get_attribute("data-ids") or "").split():
            out[int(i)] = name
    return out


def highlighted_quotes(pg: Any) -> dict[int, tuple[str, set[str]]]:
    """Quote index -> its highlighted words as the text shows them (segments joined; speaker names
    and cues left out) and the classes its segments carry."""
    found = pg.locator("#article-text .hl-quote:not(.who):not(.cue)").evaluate_all(
        "els => els.map(e => [e.textContent, e.dataset.q || '', e.className])")
    out: dict[int, tuple[str, set[str]]] = {}
    for text, ids, cls in found:
        for i in ids.split():
            words, classes = out.get(int(i), ("", set()))
            out[int(i)] = (words + text, classes | set(cls.split()))
    return out


@pytest.mark.skipif(not SAMPLE.exists(), reason=f"{SAMPLE} not present (../shared is only beside CI and developer clones)")
def test_paste_sample_article_shows_speakers_and_signals(server: str, page: Page) -> None:
    """The content-farm sample: quotes by Pompeo, Lavrov and Jeremy Hunt highlighted in their own
    colours, the floating "I hope that..." quote unattributed, and the five signals its hand
    annotation expects in the reliability panel.  No screenshot: the sample is not ours to publish."""
    pg = page.page
    pg.goto(server + "/analyze")
    pg.fill("textarea[name=text]", SAMPLE.read_text(encoding="utf-8"))
    pg.click("#analyze-submit")
    pg.wait_for_selector("#article-text", timeout=120_000)

    listed = [t.strip() for t in pg.locator("#speakers .speaker-name").all_inner_texts()]
    for name in ("Pompeo", "Lavrov", "Jeremy Hunt", "Unattributed"):
        assert name in listed, listed
    assert listed[0] == "Pompeo"  # the most quoted speaker comes first
    counts = dict(zip(listed, (int(c) for c in pg.locator("#speakers .speaker-count").all_inner_texts()), strict=True))
    assert counts["Pompeo"] >= 5 and counts["Lavrov"] >= 2 and counts["Jeremy Hunt"] == 1

    by_quote = speakers_of_quotes(pg)
    quotes = highlighted_quotes(pg)

    def speaker_of(opening: str) -> tuple[str, set[str]]:
        hits = [i for i, (words, _) in quotes.items() if opening in words]
        assert hits, f"no highlighted quote containing {opening!r}"
        return by_quote[hits[0]], quotes[hits[0]][1]

    expected = {
        "I hope that the necessary conditions": "Unattributed",
        "the Mueller report and": "Lavrov",
        "will be good not only for our two countries": "Pompeo",
        "Our elections are important and sacred": "Pompeo",
        "So it's not about moving on": "Pompeo",
        "We share the same threat assessment": "Pompeo",
        "We are very anxious about a conflict": "Jeremy Hunt",
        "We heard a proposal": "Lavrov",
    }
    colour: dict[str, set[str]] = {}
    for opening, who in expected.items():
        speaker, cls = speaker_of(opening)
        assert speaker == who, (opening, speaker)
        colour.setdefault(who, set()).update(c for c in cls if c.startswith("spk-"))
    assert colour["Unattributed"] == {"spk-none"}
    named = [colour[n] for n in ("Pompeo", "Lavrov", "Jeremy Hunt")]
    assert all(len(c) == 1 and "spk-none" not in c for c in named), named
    assert len(set.union(*named)) == 3, named  # one colour per speaker, three different colours
    # the colour is really painted, and differs between speakers
    painted = {}
    for who in ("Pompeo", "Lavrov", "Jeremy Hunt"):
        cls = next(iter(colour[who]))
        painted[who] = pg.locator(f"#article-text .hl-quote.{cls}:not(.who):not(.cue)").first.evaluate(
            "el => getComputedStyle(el).backgroundColor")
    assert len(set(painted.values())) == 3 and "rgba(0, 0, 0, 0)" not in painted.values(), painted
    # speakers' names in the text are marked as the speaker of their quote
    who_marks = pg.locator("#article-text .hl-quote.who").all_inner_texts()
    assert "Jeremy Hunt" in who_marks and "Pompeo" in who_marks and "Lavrov" in who_marks

    panel = pg.locator("#reliability")
    assert panel.is_visible()
    names = [t.strip() for t in panel.locator(".signal .signal-head strong").all_inner_texts()]
    for part in ("unattributed", "first_person", "name", "caption", "boilerplate"):
        assert any(part in n for n in names), (part, names)
    score = int(panel.locator(".score-big").inner_text().strip())
    assert 0 <= score <= 50, score  # the annotation: the piece deserves little trust
    # each signal's evidence links to a highlighted span of the text
    first_person = panel.locator(".signal", has=pg.locator("strong", has_text="first_person"))
    evidence = [a.inner_text() for a in first_person.locator(".evidence a").all()]
    assert any("We wouldn't tolerate that" in e for e in evidence), evidence
    for link in panel.locator(".evidence a").all():
        target = pg.locator(f"#article-text {link.get_attribute('href')}")
        assert target.count() == 1
    caption = panel.locator(".signal", has=pg.locator("strong", has_text="caption"))
    assert "Brian Hook" in caption.inner_text()
    # hovering a signal lights up its spans in the text
    first_person.hover()
    assert pg.locator("#article-text .hl-signal.focus").count() >= 1


def test_pasted_script_never_runs(server: str, page: Page) -> None:
    pg = page.page
    pg.goto(server + "/analyze")
    hostile = (
        "KYIV — The minister said on Monday that <img src=x onerror=\"window.__pwned=1\"> talks would go on.\n\n"
        "\u201cWe <script>window.__pwned=2</script> will not give up,\u201d the minister told reporters.\n\n"
        "<svg onload=\"window.__pwned=3\"></svg> Officials met their counterparts in Warsaw on Tuesday."
    )
    pg.fill("textarea[name=text]", hostile)
    pg.click("#analyze-submit")
    pg.wait_for_selector("#article-text", timeout=120_000)
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    text = pg.locator("#article-text").inner_text()
    assert "<script>window.__pwned=2</script>" in text and "<img src=x onerror=" in text
    assert pg.locator("#article-text img, #article-text script, #article-text svg").count() == 0


def test_xss_corpus_pasted_stays_text(server: str, page: Page) -> None:
    """The 39 payloads of tests/test_web_security.py pasted at once: no dialog opens, no element
    of theirs is created, each shows as the text it is (the CSP would block inline script anyway;
    this checks the escaping under it)."""
    from .test_web_security import PAYLOADS

    pg = page.page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(server + "/analyze")
    pasted = "\n\n".join(f"Paragraph {i}: \u201c{p},\u201d the minister said." for i, p in enumerate(PAYLOADS))
    pg.fill("textarea[name=text]", pasted)
    pg.click("#analyze-submit")
    pg.wait_for_selector("#article-text", timeout=120_000)
    pg.wait_for_timeout(500)
    assert not dialogs, dialogs
    foreign = "img, svg, iframe, object, embed, math, base, video, audio, details, input, form, script, style, a"
    assert pg.locator(f"#article-text :is({foreign})").count() == 0
    assert pg.locator(f".article-head :is({foreign})").count() == 0
    shown = pg.locator("#article-text").inner_text()
    for i, p in enumerate(PAYLOADS):
        assert f"xss{i:02d}" in shown, p
    assert pg.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length") == 0


@pytest.mark.parametrize(("path", "chart", "name"), [
    ("/events", "#events-chart", "events"),
    ("/dyad?a=IDN&b=MYS", "#dyad-chart", "dyad"),
    ("/actors/IDN", "#network-chart", "actor"),
])
def test_charts_render_without_csp_violation(server: str, page: Page, shots: Path, path: str, chart: str,
                                             name: str) -> None:
    """The chart is drawn and the CSP (style-src 'self', no 'unsafe-inline') blocks nothing: plotly.js
    finds its stylesheets linked (templates/_plotly.html) and injects no <style> of its own."""
    pg = page.page
    pg.goto(server + path)
    pg.wait_for_selector(f"{chart}.drawn .main-svg", timeout=30_000)
    svg = pg.locator(f"{chart} .main-svg").first.bounding_box()
    assert svg and svg["width"] > 300 and svg["height"] > 200
    assert pg.locator(f"{chart} .point").count() >= 1  # bars or markers were drawn
    pg.locator(chart).hover()  # the mode bar and hover labels: styles added on interaction
    pg.wait_for_load_state("networkidle")
    assert page.csp_violations() == []
    assert pg.evaluate("document.querySelectorAll('style').length") == 0
    # plotly's own styles apply although no inline <style> is allowed
    assert pg.locator(f"{chart} .main-svg").first.evaluate("el => getComputedStyle(el).position") == "absolute"
    snap(pg, shots, name)


def test_every_page_screenshot(server: str, page: Page, shots: Path) -> None:
    pg = page.page
    article = httpx.get(server + "/api/articles?q=Jakarta").json()["rows"][0]["article_id"]
    for path, name in (("/", "overview"), ("/articles", "articles"), (f"/articles/{article}", "article"),
                       ("/quotes?speaker=Sulistyo", "quotes"), ("/docs", "api-docs")):
        pg.goto(server + path)
        pg.wait_for_load_state("networkidle")
        assert pg.locator("header.topbar").is_visible()
        snap(pg, shots, name)
    for name in ("overview", "articles", "article", "quotes", "api-docs"):
        size = (shots / f"{name}.png").stat().st_size
        assert 10_000 < size < 400_000, (name, size)


FITS = """() => {
  const vw = document.documentElement.clientWidth;
  const wider = sel => Array.from(document.querySelectorAll(sel)).filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.left < -0.5 || r.right > vw + 0.5);
  }).slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${el.className} ${el.getBoundingClientRect().right}`);
  return {vw, scroll: document.documentElement.scrollWidth, nav: document.querySelector("header.topbar nav").getBoundingClientRect().right,
          bar: wider("header.topbar, header.topbar *"), body: wider(".article-card, .article-card *")};
}"""


def test_phone_width_layout_fits(server: str, browser: Any) -> None:
    """At 420 px nothing runs off the screen: no sideways scrolling, the navigation wraps inside the
    bar, the article body (a long URL and word included) stays within the viewport; wide tables
    scroll inside their own box."""
    p = Page(browser, viewport=PHONE)
    pg = p.page
    try:
        article = httpx.get(server + "/api/articles?q=Jakarta").json()["rows"][0]["article_id"]
        quotation = httpx.get(server + "/api/quotations?speaker=Sulistyo").json()["rows"][0]["quotation_id"]
        for path in ("/", f"/articles/{article}", "/events", "/quotes", "/quotations", f"/quotations/{quotation}"):
            pg.goto(server + path)
            pg.wait_for_load_state("networkidle")
            got = pg.evaluate(FITS)
            assert got["vw"] == PHONE["width"], (path, got)
            assert got["scroll"] <= PHONE["width"], (path, got)
            assert got["nav"] <= PHONE["width"], (path, got)
            assert not got["bar"] and not got["body"], (path, got)
            if path == "/events":  # the wide table scrolls inside its box, which fits
                box = pg.locator(".table-wrap").first
                assert box.evaluate("el => el.scrollWidth > el.clientWidth")
                assert box.evaluate("el => el.getBoundingClientRect().right") <= PHONE["width"]
        # a pasted article with an unbroken URL and word
        url = "https://example.org/" + "a-very-long-path-segment-" * 12 + "end"
        pg.goto(server + "/analyze")
        pg.fill("textarea[name=text]", f"JAKARTA \u2014 The minister said on Monday that talks would go on. Source: {url}\n\n"
                + "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3 + " was the word of the day, officials said.")
        pg.click("#analyze-submit")
        pg.wait_for_selector("#article-text", timeout=120_000)
        got = pg.evaluate(FITS)
        assert got["scroll"] <= PHONE["width"] and not got["body"], got
        assert url in pg.locator("#article-text").inner_text()
    finally:
        pg.close()
    assert not p.errors, p.errors


# --- lists: pages, sorting, downloads; saving a pasted article ----------------------------------------

PAGER = re.compile(r"^(\w+)s (\d+)–(\d+) of (\d+)$")


def pager_count(pg: Any) -> tuple[str, int, int, int]:
    """The top pager's "Events 6–10 of 85" as ("Event", 6, 10, 85)."""
    text = pg.locator("nav.pager .pager-count").first.inner_text().strip()
    found = PAGER.match(text)
    assert found, text
    return found[1], int(found[2]), int(found[3]), int(found[4])


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def event_codes(pg: Any) -> list[str]:
    """The CAMEO code shown in each row of the events table."""
    return list(pg.locator("table.events-table tbody tr.event-row").evaluate_all(
        "rows => rows.map(r => r.cells[2].querySelector('code').textContent.trim())"))


def test_events_pager_steps_through_every_event(server: str, page: Page) -> None:
    """/events?limit=5 shows 5 of all the events, Next shows the next 5 (6–10), Previous the first 5
    again; the total is the JSON twin's count and each page holds the twin's rows for that page."""
    pg = page.page
    twin = httpx.get(server + "/api/events", params={"limit": "5"}).json()
    total = twin["count"]
    assert total > 10 and twin["returned"] == 5
    assert httpx.get(server + "/api/events").json()["count"] == total  # the total does not depend on the page size

    pg.goto(server + "/events?limit=5")
    assert pager_count(pg) == ("Event", 1, 5, total)
    rows = pg.locator("table.events-table tbody tr.event-row")
    assert rows.count() == 5
    first = rows.all_inner_texts()
    assert event_codes(pg) == [r["code"] for r in twin["rows"]]
    assert pg.locator('nav.pager a[rel="prev"]').count() == 0  # nothing before the first page
    assert pg.locator("section.card h2").first.inner_text().startswith(f"{total} merged event")

    following = pg.locator('nav.pager a.button[rel="next"]').first
    assert following.inner_text().startswith("Next")
    following.click()
    pg.wait_for_url(lambda url: query_of(url).get("offset") == ["5"])
    assert query_of(pg.url).get("limit") == ["5"]
    assert pager_count(pg) == ("Event", 6, 10, total)
    assert rows.count() == 5
    second = rows.all_inner_texts()
    assert second != first
    assert event_codes(pg) == [r["code"] for r in httpx.get(
        server + "/api/events", params={"limit": "5", "offset": "5"}).json()["rows"]]

    previous = pg.locator('nav.pager a.button[rel="prev"]').first
    assert previous.inner_text().endswith("Previous")
    previous.click()
    pg.wait_for_url(lambda url: "offset" not in query_of(url) or query_of(url)["offset"] == ["0"])
    assert pager_count(pg) == ("Event", 1, 5, total)
    assert rows.all_inner_texts() == first
    assert page.csp_violations() == []


def article_scores(pg: Any) -> list[int | None]:
    cells = pg.locator("table.articles-table tbody tr td.num .score").all_inner_texts()
    return [None if c.strip() == "—" else int(c) for c in cells]


def test_articles_sort_by_score_keeps_filters_and_starts_over(server: str, page: Page) -> None:
    """On the second page of /articles?max_reliability=60, the Score header sorts ascending, then
    descending: the rows come back in that order, the header says so (aria-sort), the filter stays and
    the list starts again from its first page."""
    pg = page.page
    every = [r["reliability_score"] for r in httpx.get(
        server + "/api/articles", params={"max_reliability": "60", "limit": "1000"}).json()["rows"]]
    assert len(every) >= 3 and all(s is not None and s <= 60 for s in every), every

    pg.goto(server + "/articles?max_reliability=60&limit=2&offset=2")
    assert pager_count(pg)[1] == 3
    assert pg.locator("table.articles-table thead th[aria-sort]").count() == 0  # the default order
    header = pg.locator("table.articles-table thead th", has=pg.locator("a.sort", has_text=re.compile(r"^Score$")))
    assert header.count() == 1

    for state, wanted, descending in (("ascending", "reliability", False), ("descending", "-reliability", True)):
        header.locator("a.sort").click()
        pg.wait_for_url(lambda url, w=wanted: query_of(url).get("sort") == [w])
        query = query_of(pg.url)
        assert query.get("max_reliability") == ["60"] and query.get("limit") == ["2"], pg.url  # filters kept
        assert "offset" not in query, pg.url  # back to the first page
        assert pager_count(pg) == ("Article", 1, 2, len(every))
        assert pg.locator("input[name=max_reliability]").input_value() == "60"
        shown = article_scores(pg)
        assert shown == sorted(every, reverse=descending)[:2], (state, shown, every)
        assert header.get_attribute("aria-sort") == state
        assert pg.locator("table.articles-table thead th[aria-sort]").count() == 1
        assert "sorted" in (header.locator("a.sort").get_attribute("class") or "")
        # the next page continues in the same order
        pg.locator('nav.pager a.button[rel="next"]').first.click()
        pg.wait_for_url(lambda url: query_of(url).get("offset") == ["2"])
        assert query_of(pg.url).get("sort") == [wanted] and query_of(pg.url).get("max_reliability") == ["60"]
        assert article_scores(pg) == sorted(every, reverse=descending)[2:4]
        assert header.get_attribute("aria-sort") == state
    assert page.csp_violations() == []


def download_csv(pg: Any, link: Any) -> list[dict[str, str]]:
    """Click a download link; the CSV file it saves, as rows."""
    with pg.expect_download() as info:
        link.click()
    got = info.value
    assert got.failure() is None, got.failure()
    assert got.suggested_filename.endswith(".csv"), got.suggested_filename
    return list(csv.DictReader(io.StringIO(Path(got.path()).read_text(encoding="utf-8"))))


def test_csv_downloads_hold_every_filtered_row(server: str, page: Page) -> None:
    """From the second page of /events?quad=4 the CSV button downloads every quad-4 event (the JSON
    twin's count, not the page's five), and the mentions CSV every quad-4 mention; from a page of
    /quotes?speaker=Erdene the CSV holds every quote of that speaker and no one else's."""
    pg = page.page
    pg.goto(server + "/events?quad=4&limit=5&offset=5")
    assert pager_count(pg)[1] == 6
    twin = httpx.get(server + "/api/events", params={"quad": "4", "limit": "1000"}).json()
    assert twin["count"] > 10
    link = pg.locator(".card-head .downloads a[download]", has_text=re.compile(r"^CSV$"))
    assert query_of(link.get_attribute("href") or "") == {"quad": ["4"], "format": ["csv"]}
    rows = download_csv(pg, link)
    assert len(rows) == twin["count"]
    assert {r["quad_class"] for r in rows} == {"4"}
    assert {r["merged_id"] for r in rows} == {r["merged_id"] for r in twin["rows"]}

    mentions = httpx.get(server + "/api/mentions", params={"quad": "4", "limit": "1"}).json()["count"]
    link = pg.locator(".mentions-downloads a[download]", has_text=re.compile(r"^CSV$"))
    rows = download_csv(pg, link)
    assert len(rows) == mentions > 0
    assert {r["quad_class"] for r in rows} == {"4"}

    pg.goto(server + "/quotes?speaker=Erdene&limit=2&offset=2")
    twin = httpx.get(server + "/api/quotes", params={"speaker": "Erdene"}).json()
    assert twin["count"] >= 3
    assert pager_count(pg) == ("Quote", 3, min(4, twin["count"]), twin["count"])
    link = pg.locator(".card-head .downloads a[download]", has_text=re.compile(r"^CSV$"))
    assert query_of(link.get_attribute("href") or "") == {"speaker": ["Erdene"], "format": ["csv"]}
    rows = download_csv(pg, link)
    assert len(rows) == twin["count"]
    assert all("erdene" in (r["speaker_name"] + " " + r["speaker_text"]).lower() for r in rows), rows
    assert {(r["article_id"], r["idx"]) for r in rows} == {(r["article_id"], str(r["idx"])) for r in twin["rows"]}
    assert page.csp_violations() == []


@pytest.fixture
def own_server(tmp_path: Path, analyzer: Any) -> Iterator[str]:
    """A store of its own (the examples), for a test that adds to it."""
    db = tmp_path / "store.duckdb"
    ingest_examples(db, analyzer)
    with serving(db) as base:
        yield base


# made up for this test: no such port, union or person
STORY = (
    "VELMARA \u2014 Harbour pilots at the port of Velmara walked off the job on Thursday, leaving fourteen cargo "
    "ships anchored offshore overnight.\n\n"
    "The pilots' union said talks with the port authority over night-shift pay had collapsed after three weeks "
    "of meetings.\n\n"
    "\u201cWe are not asking for favours, only to be paid for the hours we already work,\u201d union secretary "
    "Orlen Brackwater told reporters at the quay.\n\n"
    "The transport ministry said it would meet the union on Monday."
)


def test_save_pasted_article_to_corpus(own_server: str, page: Page) -> None:
    """Paste, analyse, Save to corpus: the stored article's page says so, and the article list finds
    it by a word of its text; no console error or CSP violation on the way."""
    server = own_server
    pg = page.page
    assert "brackwater" not in " ".join(p.read_text(encoding="utf-8").lower() for p in EXAMPLES.iterdir() if p.is_file())
    before = httpx.get(server + "/api/articles").json()["count"]
    assert httpx.get(server + "/api/articles", params={"q": "Brackwater"}).json()["count"] == 0

    pg.goto(server + "/analyze")
    pg.fill("textarea[name=text]", STORY)
    pg.click("#analyze-submit")
    pg.wait_for_selector("#article-text", timeout=120_000)
    assert "Orlen Brackwater" in pg.locator("#article-text").inner_text()
    assert any("paid for the hours we already work" in words for words, _ in highlighted_quotes(pg).values())
    assert page.csp_violations() == []
    assert pg.locator("#save-form").is_visible()

    pg.click("#save-submit")
    pg.wait_for_url(re.compile(r"/articles/[0-9a-f]+\?saved=new$"), timeout=120_000)
    article_path = urlsplit(pg.url).path
    note = pg.locator(".saved-note")
    assert note.is_visible() and note.inner_text().strip() == "Saved to the corpus."
    assert "Orlen Brackwater" in pg.locator("#article-text").inner_text()
    assert page.csp_violations() == []

    pg.goto(server + "/articles?q=Brackwater")
    pg.wait_for_load_state("networkidle")
    assert pager_count(pg) == ("Article", 1, 1, 1)
    links = pg.locator("table.articles-table tbody a.title-link")
    assert links.count() == 1 and links.first.get_attribute("href") == article_path
    assert page.csp_violations() == []
    links.first.click()
    pg.wait_for_url(lambda url: urlsplit(url).path == article_path)
    assert pg.locator(".saved-note").count() == 0  # only the save itself says "Saved"
    assert httpx.get(server + "/api/articles").json()["count"] == before + 1
    assert page.csp_violations() == []
