"""Attributions reported inside another attribution's content.

In "Biden said Trump's accusation that Obama founded the group had imperiled troops", the article
attributes one thing, to Biden; that Trump accused anyone is part of what Biden said.  The same holds
for "Millennials say they believe success takes effort" and for a quotation a speaker repeats inside
their own quote ("They said, 'that's our job'," Miller recalled).  Counting the inner relation as
the article's own would double every such report and credit it to the wrong witness, so it is kept
under the quote that reports it (``Quote.embedded``), with its cue, content and speaker intact.

An inner relation is embedded when all of it that the text locates (its cue, its speaker mention,
and its content when it has no cue) lies inside the content of another quote.  An attribution that
merely sits next to a quote, or whose speaker stands outside it, stays at the top level.
"""

from __future__ import annotations

from tidings.model import Quote


def _pieces(q: Quote) -> list[tuple[int, int]]:
    return list(q.spans) if q.spans else [(q.start, q.end)]


def _inside(pos: int, pieces: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in pieces)


def _within(inner: Quote, outer: Quote) -> bool:
    """Whether every anchor of ``inner`` lies in the content of ``outer``."""
    if inner is outer:
        return False
    pieces = _pieces(outer)
    anchors: list[int] = []
    if inner.cue_start is not None:
        anchors.append(inner.cue_start)
    if inner.speaker is not None and inner.speaker.start is not None:
        anchors.append(inner.speaker.start)
    if not anchors:
        # nothing but its content locates it: the whole of it must be inside
        return all(any(s <= a and b <= e for s, e in pieces) for a, b in _pieces(inner)) and (
            (inner.start, inner.end) != (outer.start, outer.end))
    return all(_inside(a, pieces) for a in anchors)


def nest(quotes: list[Quote]) -> list[Quote]:
    """The top-level quotes, each embedded one moved under the narrowest quote that contains it."""
    by_size = sorted(quotes, key=lambda q: sum(e - s for s, e in _pieces(q)))
    top: list[Quote] = []
    for i, q in enumerate(by_size):
        # the narrowest container is the first larger quote that holds it
        holder = next((o for o in by_size[i + 1:] if _within(q, o)), None)
        if holder is None:
            top.append(q)
        else:
            holder.embedded.append(q)
    for q in quotes:
        q.embedded.sort(key=lambda x: x.start)
    return sorted(top, key=lambda q: q.start)
