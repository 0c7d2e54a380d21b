"""Sourcing and provenance: who wrote it, when, and whom it cites.

- ``missing_byline`` / ``missing_date``: no author, or no date, could be found.
- ``thin_sourcing``: few statements are attributed to anyone (speech verbs such as "said", or
  "according to", outside quotation marks, per sentence).  Reports cite their sources; opinion,
  rumour and satire mostly do not.
- ``short_article``: too little text to carry a report (length alone is a strong cue on the dev
  data; it is kept separate and small so the reader sees it is only a weak hint).
"""

from __future__ import annotations

import math

from tidings.model import Article
from tidings.reliability.findings import Finding, ramp
from tidings.reliability.text import Sentence, has_according_to, is_speech_cue, QuoteMask

ATTRIBUTION_SHARE_OK = 0.4  # two sentences in five attributed: plainly sourced
SHORT_WORDS = 80
LONG_WORDS = 300


def byline_and_date(article: Article) -> list[Finding]:
    out: list[Finding] = []
    if not article.authors:
        out.append(Finding("missing_byline", 1.0, "no author is named"))
    if not article.published:
        out.append(Finding("missing_date", 1.0, "the article carries no date"))
    return out


def thin_sourcing(sents: list[Sentence], mask: QuoteMask) -> list[Finding]:
    if not sents:
        return []
    attributed = 0
    for s in sents:
        if any(is_speech_cue(t) for t in s.outside) or has_according_to(s.span):
            attributed += 1
    share = attributed / len(sents)
    strength = 1.0 - ramp(share, 0.0, ATTRIBUTION_SHARE_OK)
    if strength <= 0:
        return []
    return [
        Finding(
            "thin_sourcing",
            strength,
            f"only {attributed} of {len(sents)} sentences say where their information comes from",
        )
    ]


def short_article(article: Article) -> list[Finding]:
    n = len(article.text.split())
    # log scale: 80 words or fewer is fully short, 300 or more (a short wire story) not at all
    strength = 1.0 - ramp(math.log(max(n, 1)), math.log(SHORT_WORDS), math.log(LONG_WORDS))
    if strength <= 0:
        return []
    return [Finding("short_article", strength, f"a short piece ({n} words) with little room for reporting")]


def detect(article: Article, sents: list[Sentence], mask: QuoteMask) -> list[Finding]:
    return byline_and_date(article) + thin_sourcing(sents, mask) + short_article(article)
