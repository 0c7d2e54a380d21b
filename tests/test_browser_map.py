"""The maps in a real browser (headless Chromium, Playwright; the fixtures are test_browser's): with
every request off the server refused, the events, actor and article pages draw the world outline
and one point per located event, raise no CSP violation and log no error; a point is a link (by
mouse or keyboard) to its evidence; the map follows the events filter; its text twin counts the
events with and without a place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from . import test_browser as tb

# the browser fixtures, shared by name (test_browser skips the module when Playwright or Chromium is missing)
server = tb.server
browser = tb.browser
shots = tb.shots


class OfflinePage(tb.Page):
    """A page whose every request to anywhere but the test server is aborted and remembered."""

    def __init__(self, browser: Any, base: str) -> None:
        super().__init__(browser)
        self.off_server: list[str] = []

        def only_local(route: Any) -> None:
            url = route.request.url
            if url.startswith(base + "/") or url == base:
                route.continue_()
            else:
                self.off_server.append(url)
                route.abort()

        self.page.route("**/*", only_local)


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[OfflinePage]:
    p = OfflinePage(browser, server)
    yield p
    p.page.close()
    assert not p.errors, p.errors
    assert not p.off_server, p.off_server


def drawn(pg: Any, map_id: str) -> Any:
    pg.wait_for_selector(f"#{map_id}.drawn svg.map-svg", timeout=30_000)
    return pg.locator(f"#{map_id}")


def points_of(server: str, query: str = "") -> dict[str, Any]:
    r = httpx.get(server + "/api/events/points" + query, timeout=30)
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_events_map_draws_offline_without_csp_violation(server: str, page: OfflinePage, shots: Path) -> None:
    pg = page.page
    want = points_of(server)
    assert want["located"] > 20
    pg.goto(server + "/events")
    box = drawn(pg, "events-map")
    assert box.locator("path.map-country").count() > 170
    assert box.locator("a.map-point").count() == want["located"]
    size = box.bounding_box()
    assert size and size["width"] > 800 and size["height"] > 250
    for i in (0, want["located"] - 1):
        point = box.locator("a.map-point").nth(i)
        label = point.get_attribute("aria-label") or ""
        assert label and point.locator("title").text_content() == label
        assert re.fullmatch(r"/events\?id=\w+", point.get_attribute("href") or "")
        assert re.search(r"quad-[1-4]", point.get_attribute("class") or "")
    # colours are the quad classes' (from app.css), sizes grow with mentions
    fills = {box.locator(f"a.map-point.quad-{q} circle").first.evaluate("el => getComputedStyle(el).fill")
             for q in (1, 4) if box.locator(f"a.map-point.quad-{q}").count()}
    assert len(fills) == 2, fills
    assert pg.locator("#events-map-summary").inner_text() == want["summary"]
    assert f"{want['located']} events located, {want['unlocated']} without a place" == want["summary"]
    pg.wait_for_load_state("networkidle")
    assert page.csp_violations() == []
    assert pg.evaluate("document.querySelectorAll('style').length") == 0
    tb.snap(pg, shots, "map", top="#map")


def test_map_point_leads_to_its_evidence(server: str, page: OfflinePage) -> None:
    pg = page.page
    pg.goto(server + "/events")
    box = drawn(pg, "events-map")
    point = box.locator("a.map-point").last  # drawn last: nothing lies over it
    merged_id = point.get_attribute("data-id")
    point.click()
    pg.wait_for_url(re.compile(r"/events\?id=\w+$"))
    assert pg.url.endswith(f"/events?id={merged_id}")
    rows = pg.locator("tr.event-row")
    assert rows.count() == 1
    rows.first.locator("details.reports summary").click()
    assert rows.first.locator("details.reports blockquote").first.inner_text().strip(), "the evidence sentence"
    one = drawn(pg, "events-map")
    assert one.locator("a.map-point").count() == 1
    assert one.locator("a.map-point").get_attribute("data-id") == merged_id
    # by keyboard: a point takes focus and Enter follows it
    pg.goto(server + "/events?quad=4")
    first = drawn(pg, "events-map").locator("a.map-point").first
    target = first.get_attribute("href")
    first.focus()
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(re.escape(target or "?") + "$"))


def test_map_follows_the_filter(server: str, page: OfflinePage) -> None:
    pg = page.page
    every = points_of(server)["located"]
    conflict = points_of(server, "?quad=4")
    assert 0 < conflict["located"] < every
    pg.goto(server + "/events")
    assert drawn(pg, "events-map").locator("a.map-point").count() == every
    pg.select_option("select[name=quad]", "4")
    pg.click(".filters button[type=submit]")
    pg.wait_for_url(re.compile(r"quad=4"))
    box = drawn(pg, "events-map")
    assert box.get_attribute("data-points") == "/api/events/points?quad=4"
    assert box.locator("a.map-point").count() == conflict["located"]
    assert box.locator("a.map-point.quad-4").count() == conflict["located"]
    assert pg.locator("#events-map-summary").inner_text() == conflict["summary"]
    # a place filter too: one country's events only
    pg.goto(server + "/events?country=COL")
    colombia = points_of(server, "?country=COL")
    assert 0 < colombia["located"] < every
    assert {p["place"]["country"] for p in colombia["points"]} == {"COL"}
    assert drawn(pg, "events-map").locator("a.map-point").count() == colombia["located"]


def test_actor_map_zooms_to_its_events_and_out(server: str, page: OfflinePage) -> None:
    pg = page.page
    want = points_of(server, "?actor=IDN")
    pg.goto(server + "/actors/IDN")
    box = drawn(pg, "actor-map")
    assert box.locator("a.map-point").count() == want["located"] >= 1
    width = lambda: float((box.locator("svg").get_attribute("viewBox") or "").split()[2])  # noqa: E731
    assert width() < 3600 * 0.6, "zoomed to the events"
    toggle = box.locator("button.map-zoom")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true" and width() == pytest.approx(3600)
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false" and width() < 3600 * 0.6
    assert page.csp_violations() == []


def test_article_map_points_to_the_words(server: str, page: OfflinePage) -> None:
    pg = page.page
    rows = httpx.get(server + "/api/articles?q=Jakarta", timeout=30).json()["rows"]
    article = rows[0]["article_id"]
    analysis = httpx.get(f"{server}/api/articles/{article}", timeout=30).json()
    located = [i for i, e in enumerate(analysis["events"]) if e.get("location")]
    assert located
    pg.goto(f"{server}/articles/{article}")
    box = drawn(pg, "article-map")
    assert box.locator("a.map-point").count() == len(located)
    assert box.locator(".map-place").count() >= 1
    summary = pg.locator("#article-map-summary").inner_text()
    assert summary.startswith(f"{len(located)} event{'' if len(located) == 1 else 's'} located, "
                              f"{len(analysis['events']) - len(located)} without a place")
    point = box.locator("a.map-point").last
    href = point.get_attribute("href") or ""
    assert re.fullmatch(r"#ev-\d+", href) and int(href[4:]) in located
    point.click()
    pg.wait_for_function(f"location.hash === {href!r}")
    assert pg.locator(href).count() == 1, "the event's words in the text"
    assert page.csp_violations() == []


def test_map_is_a_labelled_group_of_links(server: str, page: OfflinePage) -> None:
    """A screen reader meets the map as a named group described by its text twin, each point as a
    link named by its title, and the outline not at all."""
    pg = page.page
    pg.goto(server + "/events?quad=4")
    box = drawn(pg, "events-map")
    svg = box.locator("svg.map-svg")
    assert svg.get_attribute("role") == "group" and svg.get_attribute("aria-label") == "Map of the matching events"
    assert svg.get_attribute("aria-describedby") == "events-map-summary"
    assert box.locator("g.map-land").get_attribute("aria-hidden") == "true"
    names = pg.get_by_role("link", name=re.compile(r"· Q4 Material conflict · at ")).count()
    assert names == points_of(server, "?quad=4")["located"]
