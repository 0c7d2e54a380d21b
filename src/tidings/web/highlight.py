"""Highlighting without trusting the text: the article is cut into plain-text segments at every span
boundary, and each segment carries the marks that cover it.  Templates print ``segment.text`` with
autoescaping, so no character of an article ever reaches the page as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """A span to highlight: ``layer`` (quote, event, signal, entity, copied), an index within the
    layer, CSS classes and a tooltip.  ``anchor`` is placed where the span starts so links can jump."""

    start: int
    end: int
    layer: str
    index: int
    classes: str = ""
    title: str = ""
    anchor: str | None = None


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
            for c in (f"hl-{m.layer}", *m.classes.split()):
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
            valid.append(m if span == (m.start, m.end) else Mark(span[0], span[1], m.layer, m.index, m.classes,
                                                                 m.title, m.anchor))
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
