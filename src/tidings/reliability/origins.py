"""Signals from what a corpus found an article was made from (``tidings.model.Provenance``).

- ``spun_copy``: sentences that line up, word for word, with an earlier article's except for
  swapped words (the original's form first: "Russia -> Russian Federation").  The originals are
  the evidence; nothing is guessed without them.
- ``stitched_from``: paragraphs that come from two or more different earlier articles.
- ``stripped_quotes``: sentences that line up with another article's sentences which carry
  quotation marks this one lacks: quotes passed off as the writer's own words.

A corpus (the articles of a batch seen before, a store) computes the provenance; this module only
turns it into findings.
"""

from __future__ import annotations

from tidings.model import Article, Provenance
from tidings.reliability.findings import Finding, clip, ramp


def detect(article: Article, provenance: Provenance | None) -> list[Finding]:
    if provenance is None:
        return []
    out: list[Finding] = []
    if provenance.spun_from:
        top = provenance.spun_from[0]
        pairs = [p for s in provenance.spun_from for p in s.substitutions]
        n_sent = sum(len(s.sentences) for s in provenance.spun_from)
        share = min(1.0, sum(s.share for s in provenance.spun_from))
        out.append(Finding(
            "spun_copy",
            ramp(share, 0.05, 0.3) * ramp(len(pairs), 0, 3),
            f"{n_sent} sentence{'s' if n_sent != 1 else ''} reword an earlier article "
            f"({top.title or top.article_id}) with {len(pairs)} word{'s' if len(pairs) != 1 else ''} "
            "swapped for synonyms: a spun copy",
            [f"{a} → {b}" for a, b in pairs[:8]],
            [(s["start"], s["end"]) for sf in provenance.spun_from for s in sf.sentences],
        ))
    if provenance.stitched_from:
        sources = sorted({s.article_id for s in provenance.stitched_from})
        out.append(Finding(
            "stitched_from",
            ramp(len(sources), 1, 2),
            f"{len(provenance.stitched_from)} paragraphs come from {len(sources)} different earlier "
            "articles: the piece is stitched together",
            [f"¶{s.paragraph + 1} from {s.article_id}: {clip(article.text[s.start:s.end], 70)}"
             for s in provenance.stitched_from[:6]],
            [(s.start, s.end) for s in provenance.stitched_from],
        ))
    if provenance.unquoted:
        n = len(provenance.unquoted)
        out.append(Finding(
            "stripped_quotes",
            ramp(n, 0, 3),  # one sentence may be another outlet's style (a transcript); three are a pattern
            f"{n} sentence{'s' if n != 1 else ''} quote{'' if n != 1 else 's'} another article's "
            "words without its quotation marks",
            [f"{clip(article.text[u.start:u.end], 60)} ← {clip(u.original, 60)} ({u.article_id})"
             for u in provenance.unquoted[:5]],
            [(u.start, u.end) for u in provenance.unquoted],
        ))
    return out
