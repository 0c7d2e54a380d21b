"""View models: an analysis (the contract's JSON) turned into what the article templates print.

Works on the JSON dict, not the dataclasses, so a fresh ``Analysis.to_dict()`` and an analysis read
back from the store render through one code path.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tidings.reliability.score import load_weights
from tidings.web.highlight import STYLE, LegendRow, Mark, Segment, clamp, legend, segments, styled

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}
PALETTE_SIZE = 12
UNATTRIBUTED = "Unattributed"
MINUS = "\u2212"


def signed_points(value: float) -> str:
    """``−15.4 points``: a change of the 0-100 score, signed, with a real minus sign."""
    r = round(float(value), 1)
    if r == 0:
        return "0.0 points"
    return f"{MINUS if r < 0 else '+'}{abs(r):.1f} points"


@dataclass
class SpeakerRow:
    key: str
    colour: str  # a CSS class: spk-0 .. spk-11, or spk-none
    count: int
    actor: str | None
    kinds: dict[str, int]


@dataclass
class SignalSpan:
    anchor: str
    text: str


@dataclass
class SignalRow:
    index: int
    name: str
    severity: str
    message: str
    weight: float  # as stored: the points this signal took off (its share, see ``PointsNote``)
    evidence: list[str]
    spans: list[SignalSpan]

    @property
    def points(self) -> float:
        """The signal's effect on the score, signed: the points it took off, as a negative number."""
        return -self.weight

    @property
    def points_label(self) -> str:
        return signed_points(self.points)


@dataclass
class PointsNote:
    """What the signals' points add up to.  ``score.combine`` shares the drop from the no-signal score
    (``100 * sigmoid(intercept)``) to this article's score among the signals in proportion to their
    log-odds terms (weight x strength), so the shares sum to the drop.  ``baseline`` is that no-signal
    score when the stored shares agree with it and the stored score (None when they do not, e.g. an
    analysis scored with other weights)."""

    total: float
    baseline: float | None

    @property
    def total_label(self) -> str:
        return signed_points(self.total)


@dataclass
class EntityRow:
    text: str
    label: str
    actor: str | None
    count: int


@dataclass
class ArticleView:
    analysis: dict[str, Any]
    segments: list[Segment]
    speakers: list[SpeakerRow]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    signals: list[SignalRow]
    entities: list[EntityRow]
    score: int | None
    layers: list[str] = field(default_factory=list)
    legend: list[LegendRow] = field(default_factory=list)
    points: PointsNote | None = None
    map: dict[str, Any] = field(default_factory=dict)  # tidings.web.maps.article_points: its events and places


def speaker_key(quote: dict[str, Any]) -> str:
    sp = quote.get("speaker") or {}
    return str(sp.get("name") or sp.get("text") or UNATTRIBUTED)


def _participant(p: dict[str, Any] | None) -> str:
    if not p:
        return "—"
    name = p.get("name") or p.get("text") or "?"
    return f"{name} ({p['actor']})" if p.get("actor") else str(name)


def _snippet(text: str, start: int, end: int, limit: int = 140) -> str:
    s = text[start:end]
    return s if len(s) <= limit else s[: limit - 1] + "…"


def build(analysis: dict[str, Any], copied: list[dict[str, Any]] | None = None) -> ArticleView:
    """Segments and side lists for one analysis; ``copied`` adds the copied-sentence layer."""
    text: str = analysis["article"]["text"] or ""
    n = len(text)
    marks: list[Mark] = []

    colours: dict[str, str] = {}
    counts: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    actors: dict[str, str | None] = {}
    quotes: list[dict[str, Any]] = []
    for i, q in enumerate(analysis.get("quotes") or []):
        key = speaker_key(q)
        if key not in colours:
            named = sum(1 for k in colours if k != UNATTRIBUTED)
            colours[key] = "spk-none" if key == UNATTRIBUTED else f"spk-{named % PALETTE_SIZE}"
        colour = colours[key]
        counts[key] += 1
        kinds.setdefault(key, Counter())[str(q.get("kind") or "?")] += 1
        sp = q.get("speaker") or {}
        actors.setdefault(key, sp.get("actor"))
        label = f"{key} ({q.get('kind')}, confidence {q.get('confidence')})"
        pieces = [tuple(s) for s in q.get("spans") or []] or [(q.get("start"), q.get("end"))]
        first = True
        for s, e in pieces:
            marks.append(styled("quote", s, e, i, f"Quote — {label}", f"q-{i}" if first else None, extra=colour))
            first = False
        if sp.get("start") is not None:
            marks.append(styled("speaker", sp["start"], sp["end"], i, f"Speaker — {key}", extra=colour))
        if q.get("cue_start") is not None:
            marks.append(styled("cue", q["cue_start"], q["cue_end"], i, f"Cue “{q.get('cue')}”"))
        quotes.append({**q, "index": i, "speaker_key": key, "colour": colour})
    speakers = [SpeakerRow(k, colours[k], c, actors.get(k), dict(kinds[k])) for k, c in counts.most_common()]

    events: list[dict[str, Any]] = []
    for i, ev in enumerate(analysis.get("events") or []):
        title = f"Event {ev.get('code')} {ev.get('label')}: {_participant(ev.get('source'))} → {_participant(ev.get('target'))}"
        if ev.get("negated"):
            title += " (negated)"
        kind = f"event-q{ev.get('quad_class')}"
        marks.append(styled(kind, ev.get("start"), ev.get("end"), i, title, f"ev-{i}") if kind in STYLE else
                     styled("event", ev.get("start"), ev.get("end"), i, title, f"ev-{i}",
                            extra=f"evq-{ev.get('quad_class')}"))
        for role in ("source", "target"):
            p = ev.get(role) or {}
            if p.get("start") is not None:
                marks.append(styled(f"event-{role}", p["start"], p["end"], i, f"{role}: {_participant(p)}"))
        events.append({**ev, "index": i, "quad_name": QUAD_NAMES.get(ev.get("quad_class") or 0, "?"),
                       "source_label": _participant(ev.get("source")), "target_label": _participant(ev.get("target"))})

    rel = analysis.get("reliability") or {}
    signals: list[SignalRow] = []
    for i, sig in enumerate(rel.get("signals") or []):
        spans: list[SignalSpan] = []
        for j, raw in enumerate(sig.get("spans") or []):
            span = clamp(raw[0], raw[1], n) if len(raw) == 2 else None
            if span is None:
                continue
            anchor = f"sig-{i}-{j}"
            kind = f"signal-{sig.get('severity')}"
            sig_title = f"Signal {sig.get('name')}: {sig.get('message')}"
            marks.append(styled(kind, span[0], span[1], i, sig_title, anchor) if kind in STYLE else
                         styled("signal", span[0], span[1], i, sig_title, anchor, extra=f"sev-{sig.get('severity')}"))
            spans.append(SignalSpan(anchor, _snippet(text, *span)))
        signals.append(SignalRow(i, str(sig.get("name")), str(sig.get("severity")), str(sig.get("message")),
                                 float(sig.get("weight") or 0.0), [str(e) for e in sig.get("evidence") or []], spans))

    ent_counts: Counter[tuple[str, str, str | None]] = Counter()
    for i, ent in enumerate(analysis.get("entities") or []):
        marks.append(styled("entity", ent.get("start"), ent.get("end"), i,
                            f"{ent.get('label')}" + (f" → {ent['actor']}" if ent.get("actor") else ""),
                            extra=f"ent-{ent.get('label')}"))
        ent_counts[(str(ent.get("text")), str(ent.get("label")), ent.get("actor"))] += 1
    entities = [EntityRow(t, lab, act, c) for (t, lab, act), c in ent_counts.most_common()]

    layers = ["quote", "event", "signal", "entity"]
    for i, cp in enumerate(copied or []):
        for sent in cp.get("sentences") or []:
            marks.append(styled("copied", sent["start"], sent["end"], i,
                                f"Copied from “{cp.get('source_title') or cp.get('source_article_id')}” "
                              f"(similarity {float(sent.get('similarity') or 0):.2f})"))
    if copied:
        layers.append("copied")

    score = rel.get("score")
    segs = segments(text, marks)
    from tidings.web.maps import article_points  # maps takes QUAD_NAMES from here

    return ArticleView(analysis, segs, speakers, quotes, events, signals, entities,
                       int(score) if score is not None else None, layers, legend(segs),
                       points_note(signals, score), article_points(analysis))


def points_note(signals: list[SignalRow], score: float | None) -> PointsNote | None:
    """The sum of the signals' points, and the no-signal score it starts from when the stored numbers
    agree with the model: each share is rounded to 0.1 and the score to a whole number."""
    if not signals:
        return None
    total = sum(s.points for s in signals)
    baseline: float | None = 100.0 / (1.0 + math.exp(-load_weights().intercept))
    if score is None or abs(baseline + total - float(score)) > 0.5 + 0.05 * len(signals) + 1e-9:
        baseline = None
    return PointsNote(round(total, 1), round(baseline, 1) if baseline is not None else None)
