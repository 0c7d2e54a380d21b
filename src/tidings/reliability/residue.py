"""Extraction residue: boilerplate and photo captions that were pasted into the article body,
and the unresolved syntax of a spinner or a page template (``template_residue``).

Ingest takes such paragraphs out of the body and lists them in ``article.removed``; their
presence in a plain-text article is the trace of a page copied wholesale by a content farm.
They are no longer in ``article.text``, so these signals carry evidence text but no spans.
"""

from __future__ import annotations

import re

from tidings.ingest.text import AFTER_TEXT, INLINE_PICTURE_CREDIT, PICTURE_LINES
from tidings.model import Article
from tidings.reliability.findings import Finding, clip, ramp


def boilerplate_residue(article: Article) -> list[Finding]:
    items = [r.text for r in article.removed if r.reason == "boilerplate"]
    if not items:
        return []
    n = len(items)
    return [
        Finding(
            "boilerplate_residue",
            ramp(n, 0, 3),
            f"{n} line{'s' if n != 1 else ''} of site boilerplate were mixed into the article text",
            [clip(t, 80) for t in items[:6]],
        )
    ]


def pasted_caption(article: Article) -> list[Finding]:
    inside = [r for r in article.removed if r.reason in PICTURE_LINES and r.note != AFTER_TEXT]
    items = [r.text for r in inside if r.reason == "caption"]
    credits = [r.text for r in inside if r.reason == "photo credit"]
    if not items and not credits:
        inline = [m for m in INLINE_PICTURE_CREDIT.finditer(article.text) if article.text[m.end():].strip()]
        if inline:
            # "... while working nearby. Darren Coulthard was jailed for four years (Image:
            # Cumbria Police) He would then climb ...": a caption and its credit pasted into a
            # paragraph, where no paragraph-wise cleaning can lift it out
            n = len(inline)
            return [Finding("pasted_caption", ramp(n, 0, 1),
                            f"{n} photo caption{'s were' if n != 1 else ' was'} pasted inside a paragraph, "
                            "with the picture's credit in brackets",
                            [clip(article.text[max(0, m.start() - 80):m.end()]) for m in inline[:4]],
                            [(m.start(), m.end()) for m in inline[:4]])]
        foot = [r.text for r in article.removed if r.reason in PICTURE_LINES]
        if not foot:
            return []
        # a picture's line after the last paragraph is where a scraped page of a real outlet
        # keeps it: the faintest trace
        return [Finding("pasted_caption", 0.2,
                        "a photo caption or credit was left after the end of the article",
                        [clip(t) for t in foot[:2]])]
    if not items:
        # a bare credit line is left in many scraped pages of real outlets: a weaker trace
        n = len(credits)
        return [Finding("pasted_caption", 0.5,
                        f"{n} photo credit{'s were' if n != 1 else ' was'} left in the article text",
                        [clip(t) for t in credits[:4]])]
    n = len(items)
    return [
        Finding(
            "pasted_caption",
            ramp(n, 0, 1),  # one caption line in a plain-text body is already the trace
            f"{n} photo caption{'s were' if n != 1 else ' was'} pasted into the middle of the article",
            [clip(t) for t in items[:4] + credits[:2]],
        )
    ]


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.I)


def link_residue(article: Article) -> list[Finding]:
    """Raw web addresses in the body ("Source: http://..."): text reposted from another site, or
    a page scraped with its link furniture.  Edited articles link with anchors, not bare URLs."""
    hits = [(m.start(), m.end()) for m in _URL.finditer(article.text)]
    if not hits:
        return []
    n = len(hits)
    return [
        Finding(
            "link_residue",
            ramp(n, 0, 2),
            f"{n} raw web address{'es' if n != 1 else ''} left in the text: reposted or scraped content",
            [clip(article.text[s:e], 80) for s, e in hits[:4]],
            hits,
        )
    ]


#: a spinner's unresolved alternatives, "{quickly|rapidly|swiftly}", and a template's unfilled slots:
#: "[INSERT CITY]", "{{city}}", "%%KEYWORD%%"
_SPINTAX = re.compile(r"\{[^{}|\n]{1,60}(?:\|[^{}|\n]{0,60})+\}")
_SLOT = re.compile(r"\[(?:INSERT|ADD|YOUR|KEYWORD|CITY|TOWN|NAME|LINK|TITLE|DATE)\b[A-Z0-9 _-]{0,40}\]"
                   r"|\{\{\s*[A-Za-z_][\w.]{0,40}\s*\}\}|%%[A-Za-z_]\w{0,40}%%")


def template_residue(article: Article) -> list[Finding]:
    """Spintax or template slots left in the text ("a {local|regional} farmer", "residents of
    [INSERT CITY]"): the raw input of an article spinner or a page template, which no edited
    text contains."""
    text = "\n".join(t for t in (article.title or "", article.text) if t)
    hits = [m for pattern in (_SPINTAX, _SLOT) for m in pattern.finditer(text)]
    if not hits:
        return []
    n = len(hits)
    offset = len(article.title) + 1 if article.title else 0
    spans = [(m.start() - offset, m.end() - offset) for m in hits if m.start() >= offset]
    return [
        Finding(
            "template_residue",
            ramp(n, 0, 1),  # one unresolved alternative is already the spinner's raw output
            f"{n} spinner alternative{'s' if n != 1 else ''} or template slot{'s' if n != 1 else ''} "
            "left unresolved in the text: the raw output of a rewriting tool",
            [clip(m.group(0), 80) for m in hits[:6]],
            spans,
        )
    ]


def detect(article: Article) -> list[Finding]:
    return boilerplate_residue(article) + pasted_caption(article) + link_residue(article) + template_residue(article)
