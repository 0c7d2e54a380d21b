"""``speaker_conflict``: a quote this article gives to one speaker and other articles to another.

The corpus (``tidings.store.quotations``) finds the conflicts; this module turns an article's into
one finding and re-scores an article already stored.  The same words put in two different mouths
is a classic trace of a careless rewrite or a content farm; which side is wrong is not known, so
every article in the conflict is flagged, at full strength when most articles name a different
speaker than it does, and at half strength when its speaker is the one most articles name.

A stored article's score is re-scored as the scorer combines signals: the conflict's weight
(log-odds per unit strength, ``weights.json``) is added to the article's log-odds against being
reliable.  The points it took off are the signal's ``weight``, so the score it had without the
conflict is its score plus that weight, and a conflict that goes away (or changes) is undone
exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidings.model import Signal
from tidings.reliability.findings import Finding, clip
from tidings.reliability.score import load_weights, severity

if TYPE_CHECKING:
    from tidings.store.quotations import Conflict

NAME = "speaker_conflict"
DEFAULT_WEIGHT = 2.0  # used when the weights file has no entry
MAX_EVIDENCE = 6


def finding(conflicts: Sequence[Conflict]) -> Finding | None:
    """One article's conflicts (``store.quotations.Conflict``, all of one article) as a finding."""
    if not conflicts:
        return None
    strength = 1.0 if any(c.minority for c in conflicts) else 0.5
    evidence: list[str] = []
    others_named: list[str] = []
    for c in conflicts:
        quote = clip(c.mention.text, 50)
        for o, who in c.others:
            if who not in others_named:
                others_named.append(who)
            if len(evidence) < MAX_EVIDENCE:
                evidence.append(f"“{quote}”: {who} in {o.outlet or 'another article'} ({o.article_id})")
    mine = sorted({c.speaker for c in conflicts})
    n = len(conflicts)
    message = (f"{n} quote{'s' if n != 1 else ''} here attributed to {', '.join(mine)} "
               f"{'are' if n != 1 else 'is'} attributed to {', '.join(others_named[:3])} by other articles: "
               "one of them has the speaker wrong")
    spans = [(c.mention.start, c.mention.end) for c in conflicts
             if c.mention.start is not None and c.mention.end is not None]
    return Finding(NAME, strength, message, evidence, spans)


def weight() -> float:
    return load_weights().weights.get(NAME, DEFAULT_WEIGHT)


def rescore(score: int, found: Finding) -> tuple[int, Signal]:
    """The score of an article scored ``score`` without the conflict, once ``found`` is added,
    and the signal (its ``weight`` is the points taken off)."""
    contribution = weight() * found.strength
    p = min(max(score, 0.5), 99.5) / 100.0
    new = int(round(100.0 / (1.0 + math.exp(-(math.log(p / (1.0 - p)) - contribution)))))
    new = min(new, score)
    return new, Signal(name=NAME, severity=severity(contribution, NAME), message=found.message,
                       evidence=list(found.evidence), spans=list(found.spans), weight=float(score - new))
