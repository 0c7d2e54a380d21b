"""The maps' data, without a browser: ``/api/events/points`` takes the events list's filters (and
refuses bad ones as problem details), answers every matching located event (not one page of
them) with its place and the address of its evidence, and counts the events without a place; the
pages carry their map with the same filters; the article page's map comes from the analysis' own
event locations; the world outline is small, offline, and says where it comes from.

The store holds examples/."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from tidings.store import connect  # noqa: E402
from tidings.store.query import EventFilter  # noqa: E402
from tidings.web import create_app, maps  # noqa: E402

from .test_web import api, assert_problem, html  # noqa: E402

OUTLINE = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "world-110m.json"


@pytest.fixture(scope="module")
def store(examples_store: Path) -> Path:
    return examples_store


@pytest.fixture(scope="module")
def client(store: Path, analyzer: Any) -> Iterator[TestClient]:
    with TestClient(create_app(store, analyzer=analyzer)) as c:
        yield c


def all_events(client: TestClient, query: str = "") -> list[dict[str, Any]]:
    sep = "&" if query else "?"
    doc = api(client, f"/api/events{query}{sep}limit=1000")
    assert doc["count"] == doc["returned"], doc["count"]
    return list(doc["rows"])


def test_points_are_every_matching_located_event(client: TestClient) -> None:
    doc = api(client, "/api/events/points")
    events = {r["merged_id"]: r for r in all_events(client)}
    assert doc["located"] + doc["unlocated"] == len(events)
    assert doc["located"] > 20, "the examples' events name their places"
    assert doc["returned"] == doc["located"] == len(doc["points"]) and doc["truncated"] is False
    assert doc["summary"] == f"{doc['located']} events located, {doc['unlocated']} without a place"
    located = {i for i, r in events.items() if r["location_lat"] is not None and r["location_lon"] is not None}
    assert {p["id"] for p in doc["points"]} == located
    for p in doc["points"]:
        row = events[p["id"]]
        assert p["href"] == f"/events?id={p['id']}"
        assert (p["lat"], p["lon"]) == (pytest.approx(row["location_lat"]), pytest.approx(row["location_lon"]))
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
        assert p["quad_class"] == row["quad_class"] in (1, 2, 3, 4)
        assert p["mentions"] == row["n_mentions"] >= 1
        assert p["place"]["name"] == row["location_name"] and p["place"]["country"] == row["location_country"]
        assert row["location_name"] in p["title"] and row["code"] in p["title"]


def test_point_places_match_the_examples_datelines(client: TestClient) -> None:
    names = {p["place"]["name"] for p in api(client, "/api/events/points")["points"]}
    assert {"Jakarta", "Abuja", "Goma", "Bogotá"} <= names, names


@pytest.mark.parametrize("query", ["?quad=4", "?actor=IDN", "?dyad=IDN,MYS", "?code=04", "?root=19",
                                   "?from=2021-01-01&to=2022-12-31", "?outlet=a", "?min_sources=1"])
def test_points_follow_the_filters(client: TestClient, query: str) -> None:
    doc = api(client, "/api/events/points" + query)
    rows = all_events(client, query)
    assert doc["located"] + doc["unlocated"] == len(rows)
    assert {p["id"] for p in doc["points"]} == {r["merged_id"] for r in rows if r["location_lat"] is not None}
    key, value = query[1:].split("&")[0].split("=")
    assert doc["filters"][key] == value


def test_a_filter_leaves_fewer_points(client: TestClient) -> None:
    every = api(client, "/api/events/points")["points"]
    conflict = api(client, "/api/events/points?quad=4")["points"]
    assert 0 < len(conflict) < len(every)
    assert {p["quad_class"] for p in conflict} == {4}


def test_points_ignore_the_page_but_check_it(client: TestClient) -> None:
    """All matching events, whatever page of the list the query string came from; paging values are
    still checked as the list checks them."""
    whole = api(client, "/api/events/points")
    paged = api(client, "/api/events/points?limit=2&offset=4&sort=-date")
    assert paged["points"] == whole["points"] and "limit" not in paged["filters"]
    assert_problem(client.get("/api/events/points?limit=0"), 400)


def test_one_merged_event_by_id(client: TestClient) -> None:
    first = api(client, "/api/events/points")["points"][0]
    doc = api(client, f"/api/events/points?id={first['id']}")
    assert [p["id"] for p in doc["points"]] == [first["id"]] and doc["filters"]["id"] == first["id"]
    assert api(client, "/api/events/points?id=nothing-like-it") | {"filters": {}} == {
        "filters": {}, "located": 0, "unlocated": 0, "returned": 0, "truncated": False,
        "summary": "0 events located, 0 without a place", "points": []}


@pytest.mark.parametrize(("query", "words"), [
    ("?quad=9", "quad"), ("?from=yesterday", "YYYY-MM-DD"), ("?dyad=USA", "dyad"), ("?root=77", "root"),
    ("?from=2022-01-01&to=2021-01-01", "from"), ("?min_sources=x", "whole number"),
])
def test_bad_filters_are_problems(client: TestClient, query: str, words: str) -> None:
    doc = assert_problem(client.get("/api/events/points" + query), 400)
    assert words in doc["detail"], doc


def test_points_are_in_the_openapi_spec(client: TestClient) -> None:
    spec = api(client, "/openapi.json")["paths"]["/api/events/points"]["get"]
    names = {p["name"] for p in spec["parameters"]}
    assert {"actor", "quad", "from", "to", "outlet", "id"} <= names


def test_too_many_points_are_cut_to_the_most_reported(store: Path) -> None:
    conn = connect(store, read_only=True)
    try:
        whole = maps.event_points(conn, EventFilter())
        cut = maps.event_points(conn, EventFilter(), limit=3)
        counts = maps.event_points(conn, EventFilter(quad_class=1), limit=0)
    finally:
        conn.close()
    assert cut["returned"] == 3 and cut["truncated"] is True and cut["located"] == whole["located"]
    assert cut["points"] == whole["points"][:3]
    assert cut["summary"].endswith("(the map shows the 3 most reported)")
    assert counts["points"] == [] and counts["truncated"] is False and counts["located"] > 0
    assert "most reported" not in counts["summary"]


def map_of(body: str, map_id: str) -> dict[str, str]:
    found = re.search(rf'<div class="map" id="{map_id}"([^>]*)>', body)
    assert found, map_id
    return {k: unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', found.group(1))}


def test_events_page_map_takes_the_pages_filters(client: TestClient) -> None:
    body = html(client, "/events?quad=4&actor=COL")
    attrs = map_of(body, "events-map")
    assert attrs["data-points"] == "/api/events/points?actor=COL&quad=4"
    assert attrs["data-outline"] == "/static-vendor/world-110m.json"
    doc = api(client, attrs["data-points"])
    summary = re.search(r'id="events-map-summary" role="status">([^<]*)<', body)
    assert summary and summary.group(1) == doc["summary"], "the page's text twin is the endpoint's"
    assert '<script src="/static/map.js"></script>' in body


def test_actor_page_maps_its_events(client: TestClient) -> None:
    attrs = map_of(html(client, "/actors/IDN"), "actor-map")
    assert attrs["data-points"] == "/api/events/points?actor=IDN"
    assert api(client, attrs["data-points"])["located"] >= 1


def test_article_map_is_its_own_event_locations(client: TestClient) -> None:
    body = html(client, "/articles/01-ministers-meet-jakarta")
    analysis = api(client, "/api/articles/01-ministers-meet-jakarta")
    attrs = map_of(body, "article-map")
    assert attrs["data-source"] == "article-map-data" and "data-points" not in attrs
    block = re.search(r'<script type="application/json" id="article-map-data">(.*?)</script>', body, re.S)
    assert block
    doc = json.loads(block.group(1))
    located = [i for i, e in enumerate(analysis["events"]) if e.get("location")]
    assert [p["href"] for p in doc["points"]] == [f"#ev-{i}" for i in located]
    assert doc["unlocated"] == len(analysis["events"]) - len(located)
    for p in doc["points"]:
        assert f'id="{p["href"][1:]}"' in body, "the point's anchor is the event's words in the text"
        assert p["place"]["name"] in p["title"]
    assert "Jakarta" in {p["place"]["name"] for p in doc["points"]}
    assert {p["name"] for p in doc["places"]} >= {"Jakarta", "Malaysia"}


def test_article_points_from_an_analysis_alone() -> None:
    here = {"name": "Goma", "country": "COD", "admin1": "North Kivu", "lat": -1.67, "lon": 29.22,
            "geonames_id": 217831}
    analysis = {
        "article": {"published": "2023-02-01T08:00:00"},
        "events": [
            {"code": "190", "label": "Use conventional military force", "quad_class": 4,
             "source": {"actor": "COD"}, "target": {"text": "rebels"}, "location": {**here, "via": "sentence"}},
            {"code": "010", "label": "Make statement", "quad_class": 1, "location": None},
            {"code": "043", "label": "Visit", "quad_class": 1, "location": {"name": "Nowhere", "lat": None}},
        ],
        "places": [{**here, "text": "Goma"}, {**here, "text": "Goma"}, {"name": "Kinshasa", "lat": -4.3, "lon": 15.3}],
    }
    doc = maps.article_points(analysis)
    assert doc["located"] == 1 and doc["unlocated"] == 2
    (p,) = doc["points"]
    assert p["href"] == "#ev-0" and p["quad_class"] == 4 and p["date"] == "2023-02-01"
    assert p["title"] == ("2023-02-01 · 190 Use conventional military force · COD → rebels · Q4 Material conflict · "
                          "at Goma, North Kivu, COD (placed by its sentence)")
    assert [(q["name"], q["count"]) for q in doc["places"]] == [("Goma", 2), ("Kinshasa", 1)]
    assert doc["summary"] == "1 event located, 2 without a place; 2 places named"


def test_world_outline_is_small_offline_and_sourced(client: TestClient) -> None:
    path = OUTLINE
    assert path.stat().st_size < 300_000
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert "Natural Earth" in doc["source"] and doc["license"] == "public domain"
    assert (doc["width"], doc["height"], doc["scale"]) == (3600, 1800, 10)
    assert len(doc["countries"]) > 170
    codes = {c["iso3"] for c in doc["countries"]}
    assert {"IDN", "MYS", "NGA", "COD", "COL", "SDN", "SOM", "MNG", "VNM", "USA", "RUS"} <= codes
    for c in doc["countries"]:
        assert re.fullmatch(r"(M\d+ \d+l[-\d ]+z)+", c["d"]), c["name"]
    r = client.get("/static-vendor/world-110m.json")
    assert r.status_code == 200 and r.json()["countries"] == doc["countries"]
    script = client.get("/static/map.js")
    assert script.status_code == 200 and "world-110m" in script.text
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", script.text), "map.js fetches nothing off the server"


def test_events_form_keeps_the_place_filters(client: TestClient) -> None:
    """Country and division are fields of the events form, a bbox rides along hidden: filtering again
    from the form keeps the map's place."""
    body = html(client, "/events?country=COD&adm1=Nord+Kivu&bbox=28,-3,31,0")
    for name, value in (("country", "COD"), ("adm1", "Nord Kivu"), ("bbox", "28,-3,31,0")):
        assert re.search(rf'<input (type="hidden" )?name="{name}" value="{value}"', body), name
    attrs = map_of(body, "events-map")
    doc = api(client, attrs["data-points"])
    assert doc["filters"] == {"country": "COD", "adm1": "Nord Kivu", "bbox": "28,-3,31,0"}
    assert doc["located"] >= 1 and {p["place"]["admin1"] for p in doc["points"]} == {"Nord Kivu"}
    for p in doc["points"]:
        assert 28 <= p["lon"] <= 31 and -3 <= p["lat"] <= 0
