"""From findings to a 0-100 score and reader-facing signals.

The model is a logistic regression over signal strengths (each in [0, 1]):

    P(reliable) = sigmoid(intercept - sum_i weight_i * strength_i),   score = round(100 * P)

with every weight >= 0, so a signal can only lower the score.  The weights live in
``data/reliability/weights.json``, written by ``scripts/calibrate_reliability.py``: they are fitted
on the labelled dev articles with an L2 penalty that pulls each weight towards a hand-set prior
(the ``prior`` table there), so signals the dev data cannot inform (bylines and dates are absent
there; pasted captions and spun names are rare) keep their documented hand weight.

A signal's ``weight`` in the output is the points it took off: the drop from the score of an
article with no signal (``100 * sigmoid(intercept)``) to this article's score, shared among the
signals in proportion to their log-odds contributions.  Severity follows the contribution:
high at 1.0 log-odds or more, medium at 0.4, low below.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tidings.model import Reliability, Severity, Signal
from tidings.reliability.findings import Finding

HIGH = 1.0
MEDIUM = 0.4
_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Weights:
    intercept: float
    weights: dict[str, float]


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    raw = json.loads(resources.files("tidings.data").joinpath("reliability/weights.json").read_text("utf-8"))
    return Weights(float(raw["intercept"]), {k: float(v) for k, v in raw["weights"].items()})


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


#: signals whose severity is capped whatever their weight.  "High" is kept for traces a piece was
#: made from other articles (provenance, spun names, quotes shown stripped against their original,
#: a second dateline).  Page residue, a caption left in the text and a first-person sentence
#: outside quotation marks are at most medium: a scraper of a clean page leaves the page's
#: furniture, links and captions too (measured on the clean originals of the content-farm
#: benchmark: "Play VIDEO", "Facebook Twitter Pinterest", embedded tweet links), and columnists
#: slip into the first person.  They still weigh on the score at their fitted weight.  Style and sourcing signals weigh on the
#: score but are never high by themselves: real outlets write title-case headlines, short items,
#: opinion pieces with few attributions, emphatic words (measured: on 991 clean articles they were
#: most of the high signals raised).
MAX_SEVERITY: dict[str, Severity] = {
    name: "medium"
    for name in ("headline_case", "few_attributed_statements", "few_named_sources", "few_time_references",
                 "short_article", "loaded_language", "shouting", "clickbait_headline", "reader_address",
                 "first_person_narration", "headline_unsupported", "missing_byline", "missing_date",
                 "topic_break", "fresh_lead", "pasted_caption", "first_person_unquoted", "boilerplate_residue",
                 "link_residue")
}


def severity(contribution: float, name: str | None = None) -> Severity:
    level: Severity = "low"
    if contribution >= HIGH:
        level = "high"
    elif contribution >= MEDIUM:
        level = "medium"
    cap = MAX_SEVERITY.get(name or "")
    if cap is not None and _RANK[level] < _RANK[cap]:
        return cap
    return level


def combine(findings: list[Finding], weights: Weights | None = None) -> Reliability:
    w = weights or load_weights()
    contrib = [w.weights.get(f.name, 0.0) * f.strength for f in findings]
    total = sum(contrib)
    best = 100.0 * _sigmoid(w.intercept)
    prob = _sigmoid(w.intercept - total)
    score = int(round(100.0 * prob))
    drop = best - 100.0 * prob
    signals: list[Signal] = []
    for f, c in zip(findings, contrib):
        signals.append(
            Signal(
                name=f.name,
                severity=severity(c, f.name),
                message=f.message,
                evidence=list(f.evidence),
                spans=list(f.spans),
                weight=round(drop * c / total, 1) if total > 0 else 0.0,
            )
        )
    signals.sort(key=lambda s: (_RANK[s.severity], -s.weight, s.name))
    return Reliability(score=score, signals=signals)
