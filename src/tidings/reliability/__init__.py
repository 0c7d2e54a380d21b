"""How far to trust an article: explainable signals and a calibrated 0-100 score.

>>> from tidings.reliability import assess
>>> rel = assess(article, doc, quotes, entities, events)   # doctest: +SKIP

Each detector module reports ``Finding`` objects (name, strength in [0, 1], message, evidence,
spans into ``article.text``); ``score.combine`` weighs them into the score.  Everything is a pure
function of its inputs and of the data files loaded once (weights, lexicons, country forms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.model import Article, Entity, Event, Quote, Reliability
from tidings.reliability import copying, names, numbers, quoting, residue, sourcing, stitching, style, vocabulary
from tidings.reliability.copying import CopiedPassage
from tidings.reliability.findings import Finding
from tidings.reliability.score import combine
from tidings.reliability.text import QuoteMask, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CopiedPassage", "Finding", "assess", "findings"]


def findings(
    article: Article,
    doc: Doc,
    quotes: list[Quote],
    entities: list[Entity],
    events: list[Event],
    copied: list[CopiedPassage] | None = None,
) -> list[Finding]:
    """Every signal found in the article, unweighted."""
    marked = [sp for q in quotes if q.kind in ("direct", "mixed") for sp in [(q.start, q.end), *q.spans]]
    mask = QuoteMask(article.text, marked)
    sents = list(sentences(doc, mask))
    return (
        residue.detect(article)
        + quoting.detect(article, doc, quotes, sents, mask)
        + names.detect(article, entities)
        + vocabulary.detect(article, doc, quotes)
        + numbers.detect(article)
        + stitching.detect(article, doc)
        + style.detect(article, sents, mask)
        + sourcing.detect(article, doc, quotes)
        + copying.detect(article, copied)
    )


def assess(
    article: Article,
    doc: Doc,
    quotes: list[Quote],
    entities: list[Entity],
    events: list[Event],
    copied: list[CopiedPassage] | None = None,
) -> Reliability:
    """The article's reliability: a 0-100 score and the signals behind it, most severe first.

    ``copied`` is the hook for the corpus store: passages found in other outlets' earlier
    articles.  Leave it None when no corpus is available."""
    return combine(findings(article, doc, quotes, entities, events, copied))
