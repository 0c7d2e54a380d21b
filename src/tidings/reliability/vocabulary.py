"""Spinner vocabulary: the register a synonym spinner leaves in the words of attribution.

News reports attribute speech with "said" (and "told", "added", "asked", verbs that carry their
own meaning).  Style guides tell reporters not to dress "said" up as "stated", "remarked" or
"declared", and reports follow them: a clean report seldom uses two such verbs.  A synonym
spinner rewrites every common word it can, and "said" is the commonest word of a news report, so
its copies attribute quote after quote with formal substitutes.  ``spinner_vocabulary`` fires
when at least ``MIN_SUBSTITUTES`` of an article's quote cues are such substitutes (the list, with
its reasons, is ``data/reliability/said_substitutes.txt``) and they make up at least
``MIN_SHARE`` of its cues; the verbs are the evidence.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from tidings.model import Article, Quote
from tidings.reliability.findings import Finding, ramp

if TYPE_CHECKING:
    from spacy.tokens import Doc

MIN_SUBSTITUTES = 2
MIN_SHARE = 0.2


@lru_cache(maxsize=1)
def said_substitutes() -> frozenset[str]:
    raw = resources.files("tidings.data").joinpath("reliability/said_substitutes.txt").read_text("utf-8")
    return frozenset(ln.strip().lower() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#"))


def _cue_lemma(doc: Doc, quote: Quote) -> str | None:
    if quote.cue_start is None or quote.cue_end is None:
        return None
    span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return (verbs[0] if verbs else span[0]).lemma_.lower()


def detect(article: Article, doc: Doc, quotes: list[Quote]) -> list[Finding]:
    subs = said_substitutes()
    cues: list[tuple[str, Quote]] = []
    for q in quotes:
        lemma = _cue_lemma(doc, q)
        if lemma:
            cues.append((lemma, q))
    formal = [(lemma, q) for lemma, q in cues if lemma in subs]
    if len(formal) < MIN_SUBSTITUTES or len(formal) / len(cues) < MIN_SHARE:
        return []
    counts = Counter(article.text[q.cue_start:q.cue_end] for _, q in formal if q.cue_start is not None and q.cue_end is not None)
    return [Finding(
        "spinner_vocabulary",
        ramp(len(formal), MIN_SUBSTITUTES - 1, MIN_SUBSTITUTES + 2),
        f"{len(formal)} of {len(cues)} quotes are attributed with a formal stand-in for \"said\" "
        "(news style keeps to \"said\"): the register of a synonym spinner",
        [f'"{w}" ×{n}' if n > 1 else f'"{w}"' for w, n in counts.most_common(6)],
        sorted((q.cue_start, q.cue_end) for _, q in formal if q.cue_start is not None and q.cue_end is not None),
    )]
