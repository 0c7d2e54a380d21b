"""Highlighting without trusting the text: the article is cut into plain-text segments at every span
boundary, and each segment carries the marks that cover it.  Templates print ``segment.text`` with
autoescaping, so no character of an article ever reaches the page as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Style:
    """One kind of highlight: its CSS (``hl-<layer>`` plus fixed ``classes``) and its name in plain words.
    The text's marks and the legend beside it are both made from this table, so they cannot drift."""

    kind: str
    layer: str
    classes: str
    label: str


#: every highlight the article page draws, in the order the legend lists them
STYLES: tuple[Style, ...] = (
    Style("quote", "quote", "", "quote (colour = speaker)"),
    Style("speaker", "quote", "who", "speaker"),
    Style("cue", "quote", "cue", "quote cue (said, told…)"),
    Style("event-q1", "event", "evq-1", "event trigger: verbal cooperation"),
    Style("event-q2", "event", "evq-2", "event trigger: material cooperation"),
    Style("event-q3", "event", "evq-3", "event trigger: verbal conflict"),
    Style("event-q4", "event", "evq-4", "event trigger: material conflict"),
    Style("event", "event", "", "event trigger"),
    Style("event-source", "event", "ev-source", "actor: the event's source"),
    Style("event-target", "event", "ev-target", "actor: the event's target"),
    Style("signal-high", "signal", "sev-high", "reliability signal: high"),
    Style("signal-medium", "signal", "sev-medium", "reliability signal: medium"),
    Style("signal-low", "signal", "sev-low", "reliability signal: low"),
    Style("signal", "signal", "", "reliability signal"),
    Style("entity", "entity", "", "named entity (shown with the Entities layer)"),
    Style("copied", "copied", "", "copied from an earlier article"),
)
STYLE: dict[str, Style] = {s.kind: s for s in STYLES}


@dataclass(frozen=True)
class Mark:
    """A span to highlight: ``layer`` (quote, event, signal, entity, copied), an index within the
    layer, CSS classes and a tooltip.  ``anchor`` is placed where the span starts so links can jump.
    ``kind`` names its entry in ``STYLES`` (empty for marks no legend describes, e.g. search matches)."""

    start: int
    end: int
    layer: str
    index: int
    classes: str = ""
    title: str = ""
    anchor: str | None = None
    kind: str = ""

    @property
    def css(self) -> str:
        """The classes this mark puts on the text: ``hl-<layer>`` and its own."""
        return " ".join([f"hl-{self.layer}", *self.classes.split()])


def styled(kind: str, start: int | None, end: int | None, index: int, title: str = "",
           anchor: str | None = None, extra: str = "") -> Mark:
    """A mark of one of the ``STYLES``: its layer and fixed classes come from the table; ``extra``
    adds the classes that vary per mark (a speaker's colour, an entity's label) before them."""
    st = STYLE[kind]
    classes = " ".join(c for c in (*extra.split(), *st.classes.split()))
    return Mark(start, end, st.layer, index, classes, title, anchor, kind)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LegendRow:
    kind: str
    classes: str  # exactly the classes the first such mark puts on the text
    label: str


@dataclass
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        seen: list[str] = []
        for m in self.marks:
            for c in m.css.split():
                if c not in seen:
                    seen.append(c)
        return " ".join(seen)

    @property
    def title(self) -> str:
        parts: list[str] = []
        for m in self.marks:
            if m.title and m.title not in parts:
                parts.append(m.title)
        return "\n".join(parts)

    def indices(self, layer: str) -> str:
        """Space-separated indices of this layer's marks, for ``data-*`` attributes."""
        return " ".join(str(m.index) for m in self.marks if m.layer == layer)


def clamp(start: int | None, end: int | None, length: int) -> tuple[int, int] | None:
    """A valid ``[start, end)`` inside a text of ``length`` characters, or None."""
    if start is None or end is None:
        return None
    s, e = max(0, int(start)), min(length, int(end))
    return (s, e) if e > s else None


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece lists the marks covering it (in input order)."""
    valid: list[Mark] = []
    for m in marks:
        span = clamp(m.start, m.end, len(text))
        if span is not None:
            valid.append(m if span == (m.start, m.end) else replace(m, start=span[0], end=span[1]))
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    starting: dict[int, list[str]] = {}
    for m in valid:
        if m.anchor:
            starting.setdefault(m.start, []).append(m.anchor)
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in valid if m.start <= a and m.end >= b]
        out.append(Segment(text[a:b], a, covering, starting.get(a, [])))
    return out


def legend(segs: list[Segment]) -> list[LegendRow]:
    """One row per kind of highlight the segments carry, in ``STYLES`` order, each with the classes
    of the first mark of that kind in the text (so a quote's swatch shows a real speaker colour)."""
    first: dict[str, Mark] = {}
    for seg in segs:
        for m in seg.marks:
            if m.kind in STYLE:
                first.setdefault(m.kind, m)
    return [LegendRow(st.kind, first[st.kind].css, st.label) for st in STYLES if st.kind in first]
