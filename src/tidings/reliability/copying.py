"""Hook for the corpus-copying signal (sentences copied from other outlets without credit).

Finding copies needs a store of earlier articles, which is the store issue's job; this module
only turns what the store finds into a finding.  With ``copied=None`` (no corpus) nothing is
reported and nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.model import Article
from tidings.reliability.findings import Finding, clip, ramp


@dataclass(frozen=True)
class CopiedPassage:
    """A passage of this article found earlier in another outlet's article."""

    start: int
    end: int
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


def detect(article: Article, copied: list[CopiedPassage] | None) -> list[Finding]:
    if not copied:
        return []
    chars = sum(p.end - p.start for p in copied)
    share = chars / max(len(article.text), 1)
    outlets = sorted({p.outlet for p in copied if p.outlet})
    return [
        Finding(
            "copied_text",
            ramp(share, 0.1, 0.5),
            f"{round(100 * share)}% of the text appeared earlier in other outlets' articles without credit",
            [clip(article.text[p.start : p.end], 100) for p in copied[:4]] + [", ".join(outlets[:5])] if outlets else [],
            [(p.start, p.end) for p in copied],
        )
    ]
