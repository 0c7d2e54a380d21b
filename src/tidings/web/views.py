"""View models: an analysis (the contract's JSON) turned into what the article templates print.

Works on the JSON dict, not the dataclasses, so a fresh ``Analysis.to_dict()`` and an analysis read
back from the store render through one code path.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tidings.web.highlight import Mark, Segment, clamp, segments

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}
PALETTE_SIZE = 12
UNATTRIBUTED = "Unattributed"


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
    weight: float
    evidence: list[str]
    spans: list[SignalSpan]


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
            marks.append(Mark(s, e, "quote", i, f"{colour}", f"Quote — {label}", f"q-{i}" if first else None))
            first = False
        if sp.get("start") is not None:
            marks.append(Mark(sp["start"], sp["end"], "quote", i, f"{colour} who", f"Speaker — {key}"))
        if q.get("cue_start") is not None:
            marks.append(Mark(q["cue_start"], q["cue_end"], "quote", i, "cue", f"Cue “{q.get('cue')}”"))
        quotes.append({**q, "index": i, "speaker_key": key, "colour": colour})
    speakers = [SpeakerRow(k, colours[k], c, actors.get(k), dict(kinds[k])) for k, c in counts.most_common()]

    events: list[dict[str, Any]] = []
    for i, ev in enumerate(analysis.get("events") or []):
        title = f"Event {ev.get('code')} {ev.get('label')}: {_participant(ev.get('source'))} → {_participant(ev.get('target'))}"
        if ev.get("negated"):
            title += " (negated)"
        marks.append(Mark(ev.get("start"), ev.get("end"), "event", i, f"evq-{ev.get('quad_class')}", title, f"ev-{i}"))
        for role in ("source", "target"):
            p = ev.get(role) or {}
            if p.get("start") is not None:
                marks.append(Mark(p["start"], p["end"], "event", i, f"ev-{role}", f"{role}: {_participant(p)}"))
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
            marks.append(Mark(span[0], span[1], "signal", i, f"sev-{sig.get('severity')}",
                              f"Signal {sig.get('name')}: {sig.get('message')}", anchor))
            spans.append(SignalSpan(anchor, _snippet(text, *span)))
        signals.append(SignalRow(i, str(sig.get("name")), str(sig.get("severity")), str(sig.get("message")),
                                 float(sig.get("weight") or 0.0), [str(e) for e in sig.get("evidence") or []], spans))

    ent_counts: Counter[tuple[str, str, str | None]] = Counter()
    for i, ent in enumerate(analysis.get("entities") or []):
        marks.append(Mark(ent.get("start"), ent.get("end"), "entity", i, f"ent-{ent.get('label')}",
                          f"{ent.get('label')}" + (f" → {ent['actor']}" if ent.get("actor") else "")))
        ent_counts[(str(ent.get("text")), str(ent.get("label")), ent.get("actor"))] += 1
    entities = [EntityRow(t, lab, act, c) for (t, lab, act), c in ent_counts.most_common()]

    layers = ["quote", "event", "signal", "entity"]
    for i, cp in enumerate(copied or []):
        for sent in cp.get("sentences") or []:
            marks.append(Mark(sent["start"], sent["end"], "copied", i, "",
                              f"Copied from “{cp.get('source_title') or cp.get('source_article_id')}” "
                              f"(similarity {float(sent.get('similarity') or 0):.2f})"))
    if copied:
        layers.append("copied")

    score = rel.get("score")
    return ArticleView(analysis, segments(text, marks), speakers, quotes, events, signals, entities,
                       int(score) if score is not None else None, layers)
