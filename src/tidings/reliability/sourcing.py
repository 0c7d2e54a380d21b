"""Sourcing, specificity and provenance: whom the article cites, when things happened, who wrote it.

A report is built from attributed statements: what named people and organisations said or told
the reporter (direct quotes, indirect speech, "according to"), anchored in time ("on Tuesday",
"last week", "May 15").  Satire, rumour and opinion make claims without citing anyone, and place
them nowhere in time.  These signals count that reporting material, from the quotes the quote
extractor found (``tidings.quotes``) and the dates in the parse:

- ``few_attributed_statements``: few statements (quotes of any kind but ``belief``) carry a speaker.
- ``few_named_sources``: few distinct people or bodies are quoted.
- ``few_time_references``: few dates, days or times anchor the events.
- ``short_article``: too little text to carry a report (kept small; it is only a weak hint, and a
  short wire brief that cites its sources is not penalised by the signals above).
- ``missing_byline`` / ``missing_date``: no author, or no date, could be found.

The counts are absolute, on a log scale, and saturate at what a 300-word wire brief carries
(about eight attributed statements, four sources, five time references): a short report that is
well sourced is not penalised, a long piece that cites nobody is.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from tidings.model import Article, Quote
from tidings.parsed import parsed
from tidings.reliability.findings import Finding, clip, ramp

if TYPE_CHECKING:
    from spacy.tokens import Doc

SHORT_WORDS = 80
LONG_WORDS = 300
#: counts at which a report is plainly sourced / anchored (a 300-word wire brief reaches them)
ATTRIBUTED_OK = 8
SOURCES_OK = 4
TIME_REFS_OK = 5
TIME_LABELS = frozenset({"DATE", "TIME"})


def _log_deficit(n: int, ok: int) -> float:
    """1 with nothing, 0 at ``ok`` or more, log-linear between (the first few count most)."""
    return 1.0 - ramp(math.log1p(n), 0.0, math.log1p(ok))


def byline_and_date(article: Article) -> list[Finding]:
    out: list[Finding] = []
    if not article.authors:
        out.append(Finding("missing_byline", 1.0, "no author is named"))
    if not article.published:
        out.append(Finding("missing_date", 1.0, "the article carries no date"))
    return out


def _speaker(q: Quote) -> str | None:
    if q.speaker is None:
        return None
    name = (q.speaker.name or q.speaker.text or "").strip()
    return name or None


#: kinds of quote that report a statement; attributed beliefs and intentions ("plans to", "fears
#: that") say who holds a view, not that anyone said something the article can cite
STATEMENT_KINDS = frozenset(("direct", "mixed", "indirect", "unmarked"))


def attribution(quotes: list[Quote]) -> list[Finding]:
    attributed = [q for q in quotes if q.kind in STATEMENT_KINDS and _speaker(q)]
    sources = sorted({_speaker(q) or "" for q in attributed}, key=lambda s: (s.lower(), s))  # total order: stable evidence
    # several descriptions of one anonymous source ("an official", "the official") count once
    distinct = len({s.lower().removeprefix("the ").removeprefix("a ").removeprefix("an ") for s in sources})
    out: list[Finding] = []
    n = len(attributed)
    s = _log_deficit(n, ATTRIBUTED_OK)
    if s > 0:
        out.append(
            Finding(
                "few_attributed_statements",
                s,
                f"only {n} statement{'s are' if n != 1 else ' is'} attributed to a source: the article "
                "mostly asserts without saying who said so"
                if n
                else "no statement is attributed to anyone: the article asserts without saying who said so",
                [clip(f"{_speaker(q)}: {q.text}", 100) for q in attributed[:4]],
                [(q.start, q.end) for q in attributed],
            )
        )
    s = _log_deficit(distinct, SOURCES_OK)
    if s > 0:
        out.append(
            Finding(
                "few_named_sources",
                s,
                f"{'only ' + str(distinct) if distinct else 'no'} source{'s are' if distinct != 1 else ' is'} "
                "quoted or cited by name or role",
                [clip(x, 60) for x in sources[:6]],
            )
        )
    return out


def time_references(doc: Doc) -> list[Finding]:
    refs = [e for e in parsed(doc).ents if e.label_ in TIME_LABELS]
    n = len(refs)
    s = _log_deficit(n, TIME_REFS_OK)
    if s <= 0:
        return []
    return [
        Finding(
            "few_time_references",
            s,
            f"{'only ' + str(n) if n else 'no'} date{'s' if n != 1 else ''} or time{'s' if n != 1 else ''} "
            "place the events: a report says when things happened",
            [e.text for e in refs[:6]],
            [(e.start_char, e.end_char) for e in refs],
        )
    ]


def short_article(article: Article) -> list[Finding]:
    n = len(article.text.split())
    # log scale: 80 words or fewer is fully short, 300 or more (a short wire story) not at all
    strength = 1.0 - ramp(math.log(max(n, 1)), math.log(SHORT_WORDS), math.log(LONG_WORDS))
    if strength <= 0:
        return []
    return [Finding("short_article", strength, f"a short piece ({n} words) with little room for reporting")]


def detect(article: Article, doc: Doc, quotes: list[Quote]) -> list[Finding]:
    return byline_and_date(article) + attribution(quotes) + time_references(doc) + short_article(article)
