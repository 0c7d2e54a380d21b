"""The article page (a stored article, and the /analyze result): a key to the highlight styles built
from the highlighter's own table, listing exactly the kinds of highlight the text carries; and each
reliability signal's effect shown as signed points on the 0-100 score, with the line saying what
the points are and what they add up to."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

from fastapi.testclient import TestClient

from tidings.reliability.findings import Finding
from tidings.reliability.score import combine, load_weights
from tidings.web import create_app, views
from tidings.web.highlight import STYLES

from .conftest import EXAMPLES

MINUS = "\u2212"
CSS = Path(__file__).resolve().parents[1] / "src" / "tidings" / "web" / "static" / "app.css"


@pytest.fixture(scope="module")
def client(examples_store: Path, analyzer: Any) -> Iterator[TestClient]:
    with TestClient(create_app(examples_store, analyzer=analyzer)) as c:
        yield c


@pytest.fixture(scope="module")
def stored(client: TestClient) -> list[dict[str, Any]]:
    rows = client.get("/api/articles?limit=100").json()["rows"]
    out = [client.get(f"/api/articles/{r['article_id']}").json() for r in rows]
    assert len(out) >= 10
    return out


def page(client: TestClient, article_id: str) -> str:
    r = client.get(f"/articles/{article_id}")
    assert r.status_code == 200, r.text[:300]
    return r.text


# --- the legend -----------------------------------------------------------------------------------------


def kinds_in(a: dict[str, Any]) -> set[str]:
    """The highlight kinds an analysis puts on its text, worked out from its JSON alone."""
    n = len(a["article"]["text"] or "")

    def ok(s: Any, e: Any) -> bool:
        return s is not None and e is not None and min(n, e) > max(0, s)

    kinds: set[str] = set()
    for q in a.get("quotes") or []:
        if any(ok(s, e) for s, e in (q.get("spans") or [(q.get("start"), q.get("end"))])):
            kinds.add("quote")
        sp = q.get("speaker") or {}
        if ok(sp.get("start"), sp.get("end")):
            kinds.add("speaker")
        if ok(q.get("cue_start"), q.get("cue_end")):
            kinds.add("cue")
    for ev in a.get("events") or []:
        if ok(ev.get("start"), ev.get("end")):
            kinds.add(f"event-q{ev['quad_class']}")
        for role in ("source", "target"):
            p = ev.get(role) or {}
            if ok(p.get("start"), p.get("end")):
                kinds.add(f"event-{role}")
    for sig in (a.get("reliability") or {}).get("signals") or []:
        if any(ok(s, e) for s, e in sig.get("spans") or []):
            kinds.add(f"signal-{sig['severity']}")
    if any(ok(e.get("start"), e.get("end")) for e in a.get("entities") or []):
        kinds.add("entity")
    if any(ok(s["start"], s["end"]) for c in (a.get("provenance") or {}).get("copies") or []
           for s in c.get("sentences") or []):
        kinds.add("copied")
    return kinds


def legend_of(body: str) -> list[tuple[str, list[str], str]]:
    return [(k, c.split(), label) for k, c, label in re.findall(
        r'<li class="legend-item" data-kind="([\w-]+)"><span class="legend-sample ([^"]*)">Text</span> '
        r'<span class="legend-label">([^<]*)</span></li>', body)]


def segment_classes(body: str) -> list[set[str]]:
    text = body.split('id="article-text"', 1)[1].split("</div>", 1)[0]
    return [set(c.split()) for c in re.findall(r'<span class="seg ([^"]*)"', text)]


def assert_legend_matches_text(body: str, expected: set[str]) -> None:
    legend = legend_of(body)
    kinds = [k for k, _, _ in legend]
    assert len(kinds) == len(set(kinds)) and set(kinds) == expected, (kinds, expected)
    assert kinds == [s.kind for s in STYLES if s.kind in expected]  # in the table's order
    segs = segment_classes(body)
    table = {s.kind: s for s in STYLES}
    for kind, classes, label in legend:
        st = table[kind]
        assert label == st.label.replace("'", "&#39;")
        assert classes[0] == f"hl-{st.layer}" and set(st.classes.split()) <= set(classes)
        # the sample wears exactly the classes of a highlight in the text
        assert any(set(classes) <= seg for seg in segs), (kind, classes)
    # and every style class in the text has its sample in the legend (speaker colours and entity
    # labels vary per mark: the legend shows one of each)
    shown = {c for _, classes, _ in legend for c in classes}
    used = {c for seg in segs for c in seg if not c.startswith(("spk-", "ent-"))}
    assert used <= shown, used - shown


def test_legend_lists_exactly_the_highlights_of_each_stored_article(client: TestClient,
                                                                   stored: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for a in stored:
        body = page(client, a["article_id"])
        expected = kinds_in(a)
        assert_legend_matches_text(body, expected)
        seen |= expected
        if expected:
            assert body.index('id="legend"') < body.index('id="article-text"')  # beside the text
    # the examples exercise quotes, speakers, cues, events and their actors, signals, entities, copies
    assert {"quote", "speaker", "cue", "event-source", "event-target", "entity", "copied"} <= seen, seen
    assert any(k.startswith("event-q") for k in seen) and any(k.startswith("signal-") for k in seen)


def test_legend_on_the_analyze_page(client: TestClient) -> None:
    text = (EXAMPLES / "01-ministers-meet-jakarta.txt").read_text(encoding="utf-8")
    out = client.post("/api/analyze", json={"text": text}).json()
    r = client.post("/analyze", data={"text": text})
    assert r.status_code == 200
    assert_legend_matches_text(r.text, kinds_in(out))
    assert {"quote", "speaker"} <= kinds_in(out)


def test_legend_table_has_css_for_every_style() -> None:
    css = CSS.read_text(encoding="utf-8")
    for st in STYLES:
        assert f".hl-{st.layer}" in css, st
        for c in st.classes.split():
            assert f".hl-{st.layer}.{c}" in css, st


def test_no_legend_without_highlights() -> None:
    view = views.build({"article": {"text": "Nothing to see."}, "reliability": {"score": 96, "signals": []}})
    assert view.legend == [] and view.points is None


# --- signal points ----------------------------------------------------------------------------------------


def points(value: float) -> str:
    r = round(value, 1)
    return "0.0 points" if r == 0 else f"{MINUS if r < 0 else '+'}{abs(r):.1f} points"


def signal_rows(body: str) -> list[tuple[str, str, str]]:
    panel = body.split('id="reliability"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<strong>([\w]+)</strong> <span class="points" data-points="([^"]+)">([^<]+)</span>', panel)


def note_of(body: str) -> str:
    m = re.search(r'<p class="points-note" id="points-note">(.*?)</p>', body, re.DOTALL)
    assert m, "no points note"
    return " ".join(m.group(1).split())


def test_each_signal_shows_its_points_and_the_note_sums_them(client: TestClient,
                                                            stored: list[dict[str, Any]]) -> None:
    baseline = 100.0 / (1.0 + math.exp(-load_weights().intercept))
    several = [a for a in stored if len(a["reliability"]["signals"]) >= 3]
    assert several
    for a in several:
        rel = a["reliability"]
        body = page(client, a["article_id"])
        rows = signal_rows(body)
        assert [name for name, _, _ in rows] == [s["name"] for s in rel["signals"]]
        for (name, data, shown), sig in zip(rows, rel["signals"]):
            # the stored weight is the points the signal took off: shown negative, with U+2212
            assert shown == points(-sig["weight"]), (name, shown, sig["weight"])
            assert float(data) == pytest.approx(-sig["weight"])
            if sig["weight"] >= 0.05:
                assert shown.startswith(MINUS) and shown.endswith(" points")
        # no bare weight like "15.40" beside a signal's name any more
        assert not re.search(r'</strong> <span class="muted">\d+\.\d\d</span>', body)
        # the shares add up to the drop from the no-signal score to this score (each rounded)
        total = sum(s["weight"] for s in rel["signals"])
        assert baseline - total == pytest.approx(rel["score"], abs=0.5 + 0.05 * len(rel["signals"]))
        note = note_of(body)
        assert f'<strong class="points-total">{points(-total)}</strong>' in note
        assert f"from {baseline:.1f} for an article with no signal to {rel['score']}" in note
        assert "logistic model" in note and "docs/reliability.md" in note and "shared among the signals" in note


def test_points_follow_the_model_from_findings() -> None:
    """Through the real scorer: each signal's points are its share of the drop from the no-signal
    score, in proportion to weight x strength, and the note's total is the whole drop."""
    w = load_weights()
    found = [Finding("few_named_sources", 1.0, "few sources"), Finding("shouting", 0.8, "capitals", spans=[(0, 4)]),
             Finding("link_residue", 0.5, "a bare link", spans=[(5, 9)])]
    rel = combine(found, w)
    view = views.build({"article": {"text": "THIS http now"}, "reliability": rel.to_dict()})
    terms = {f.name: w.weights[f.name] * f.strength for f in found}
    base = 100.0 / (1.0 + math.exp(-w.intercept))
    prob = 100.0 / (1.0 + math.exp(-(w.intercept - sum(terms.values()))))
    by_name = {s.name: s for s in view.signals}
    for name, term in terms.items():
        share = (base - prob) * term / sum(terms.values())
        assert by_name[name].points_label == points(-share)
    assert view.points is not None
    assert view.points.total == pytest.approx(-(base - prob), abs=0.1)
    assert view.points.baseline == round(base, 1)
    assert view.score == round(prob)


def test_points_note_drops_the_baseline_when_the_stored_numbers_disagree() -> None:
    sig = {"name": "x", "severity": "high", "message": "m", "weight": 5.0, "spans": []}
    view = views.build({"article": {"text": "t"}, "reliability": {"score": 20, "signals": [sig]}})
    assert view.points is not None and view.points.baseline is None and view.points.total_label == f"{MINUS}5.0 points"
    assert views.signed_points(0.04) == "0.0 points" and views.signed_points(2) == "+2.0 points"
    assert json.dumps(views.signed_points(-15.4)) == '"\\u221215.4 points"'
