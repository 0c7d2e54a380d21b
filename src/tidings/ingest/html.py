"""Web page -> article: body text, title, authors, date, and what was taken out.

trafilatura (with its readability/jusText fallbacks) finds the main content; this module then
renders it as paragraphs separated by blank lines and removes what trafilatura tends to leave
in: the repeated headline, datelines and bylines, captions, and boilerplate prompts (share,
subscribe, related links, reading time, tags, comment counts, credit and contact lines).  Every
removed line is kept in ``removed`` with its reason.  When a page splits one article body over
several same-class containers (ads in between), the containers trafilatura skipped are added back.

The HTML is only parsed (lxml, no network, no scripts run); nothing in it is trusted beyond text.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date

import trafilatura
from lxml.etree import ParserError, _Element
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from tidings.errors import InputError
from tidings.model import Removed

# Refuse absurdly large pages rather than spending minutes (and memory) on them.
MAX_HTML_CHARS = 20_000_000
# When the precision-leaning extraction keeps less than this share of the default one,
# it probably cut the article short: fall back to the default extraction.
SHORT_RATIO = 0.5
# A body needs this many words in lines of at least PROSE_LINE_WORDS words (not just links).
MIN_PROSE_WORDS = 20
PROSE_LINE_WORDS = 8
# A bare fallback body must have at least this many words to count as an article.
MIN_FALLBACK_WORDS = 40


@dataclass
class PageExtraction:
    title: str | None
    authors: list[str]
    published: str | None  # YYYY-MM-DD
    text: str  # clean article body, paragraphs separated by "\n\n"
    removed: list[Removed] = field(default_factory=list)


@dataclass
class _Line:
    """One rendered line of the extracted body and the kind of block it came from."""

    text: str
    block: str  # trafilatura's tag: "p", "head", "list", "quote", "table", ...


# --------------------------------------------------------------------------- entry point


def extract_html(html: str, url: str | None = None) -> PageExtraction:
    """Extract the article of one web page.

    Raises ``InputError`` when the input is not HTML text or holds no article body.
    """
    tree = _load(html)
    doc = _extract_document(tree, url)
    lines = _body_lines(doc.body) if doc is not None else []
    if lines:
        before, after = _sibling_chunks(tree, lines)
        lines = before + lines + after
    else:
        lines = _fallback_lines(tree)
    title = _clean_title(doc.title if doc is not None else None)
    authors = normalise_authors(doc.author if doc is not None else None)
    published = normalise_date(doc.date if doc is not None else None)
    captions = _captions(tree)
    description = doc.description if doc is not None else None
    kept, removed = _filter_lines(lines, title, authors, captions, description)
    removed.extend(Removed(c, "figure caption") for c in captions if not _covered(c, removed))
    text = "\n\n".join(line.text for line in kept)
    if not _is_prose(kept):
        raise InputError(
            "No article text found in the HTML page"
            + (f" ({url})" if url else "")
            + ": it looks like a listing, navigation or empty page, or its text is rendered by "
            "JavaScript. Pass the page of a single article, or send its text as "
            '{"text": ...} instead of "html".'
        )
    return PageExtraction(title=title, authors=authors, published=published, text=text, removed=removed)


# --------------------------------------------------------------------------- loading


def _load(html: str) -> HtmlElement:
    if not isinstance(html, str):
        raise InputError(
            f"HTML must be a text string, got {type(html).__name__}; decode the page bytes "
            "(e.g. bytes.decode('utf-8', 'replace')) before passing them."
        )
    if len(html) > MAX_HTML_CHARS:
        raise InputError(
            f"HTML page is {len(html):,} characters, above the {MAX_HTML_CHARS:,} limit; "
            "pass the article page itself, not an archive or a data dump."
        )
    if not html.strip():
        raise InputError("HTML page is empty; pass the page's HTML source or the article's text.")
    try:
        tree = load_html(html)
    except (ParserError, ValueError) as exc:  # pragma: no cover - lxml is very lenient
        raise InputError(f"HTML page could not be parsed ({exc}); check it is an HTML document.") from exc
    if tree is None:
        raise InputError("HTML page could not be parsed; check that it is an HTML document, not binary data.")
    return tree


def _extract(tree: HtmlElement, url: str | None, **options: bool) -> trafilatura.settings.Document | None:
    doc = trafilatura.bare_extraction(
        deepcopy(tree),
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        **options,
    )
    return doc if isinstance(doc, trafilatura.settings.Document) else None


def _extract_document(tree: HtmlElement, url: str | None) -> trafilatura.settings.Document | None:
    """Precision-leaning extraction, unless it kept much less than the default extraction."""
    precise = _extract(tree, url, favor_precision=True)
    default = _extract(tree, url)
    if precise is None or precise.body is None:
        return default
    if default is None or default.body is None:
        return precise
    if _text_len(precise.body) < SHORT_RATIO * _text_len(default.body):
        return default
    return precise


def _text_len(body: _Element) -> int:
    return len(" ".join(body.itertext()).split())


# --------------------------------------------------------------------------- rendering

_WS = re.compile(r"[ \t\u00a0\u2009\u200a\u202f]+")


def _body_lines(body: _Element | None) -> list[_Line]:
    """Render trafilatura's XML body block by block; each non-empty line is a paragraph."""
    if body is None:
        return []
    lines: list[_Line] = []
    for block in body:
        rendered = xmltotxt(block, include_formatting=False)
        for raw in rendered.split("\n"):
            text = _WS.sub(" ", raw).strip()
            if text:
                lines.append(_Line(text, str(block.tag)))
    return lines


def _fallback_lines(tree: HtmlElement) -> list[_Line]:
    """Last resort when trafilatura finds nothing: the page's paragraph-like text, if enough."""
    _, text, _ = trafilatura.baseline(deepcopy(tree))
    lines = [_Line(_WS.sub(" ", t).strip(), "p") for t in (text or "").split("\n")]
    lines = [line for line in lines if line.text]
    words = sum(len(line.text.split()) for line in lines)
    sentences = any(_SENTENCE_END.search(line.text) for line in lines)
    return lines if words >= MIN_FALLBACK_WORDS and sentences else []


# --------------------------------------------------------------------------- split bodies

# Sibling chunks must hold at least this many words of paragraph text to be added.
MIN_CHUNK_WORDS = 50
# Paragraphs shorter than this are not used to locate the body in the page.
MIN_ANCHOR_WORDS = 8
_NOT_BODY = re.compile(r"comment|related|recommend|footer|sidebar|\bnav|promo|newsletter|share|social", re.I)


def _sibling_chunks(tree: HtmlElement, lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Paragraphs of the article that sit in repeated sibling containers trafilatura skipped.

    Some pages split one article body into several containers with the same class (separated by
    ads); trafilatura then keeps only one of them.  Returns the extra paragraphs that come before
    and after the extracted container, in page order.
    """
    known = {_norm(line.text) for line in lines}
    anchors = [p for p in tree.iter("p") if _words(_node_text(p)) >= MIN_ANCHOR_WORDS and _norm(_node_text(p)) in known]
    if len(anchors) < 2:
        return [], []
    container = _common_ancestor(anchors)
    if container is None:
        return [], []
    order = {el: i for i, el in enumerate(tree.iter())}
    chunks = _same_class_cousins(container, tree)
    return _chunk_lines(chunks, known, order, container) if chunks else ([], [])


def _node_text(node: _Element) -> str:
    return _WS.sub(" ", " ".join(node.itertext())).strip()


def _common_ancestor(nodes: list[_Element]) -> _Element | None:
    paths = [[node, *node.iterancestors()][::-1] for node in nodes]
    common: _Element | None = None
    for level in zip(*paths):
        if all(el is level[0] for el in level):
            common = level[0]
        else:
            break
    return common


def _same_class_cousins(element: _Element, tree: HtmlElement) -> list[_Element]:
    """Other elements with the same tag and class, close to ``element`` in the tree."""
    cls = (element.get("class") or "").strip()
    if not cls or _NOT_BODY.search(cls):
        return []
    ancestors = list(element.iterancestors())
    scope = ancestors[2] if len(ancestors) > 2 else tree
    found = []
    for other in scope.iter(str(element.tag)):
        if other is element or (other.get("class") or "").strip() != cls:
            continue
        if element in set(other.iterancestors()) or other in set(ancestors):
            continue
        if _signature(other.getparent()) != _signature(element.getparent()):
            continue  # same class but a different place in the layout (a quote box, a teaser)
        if any(_NOT_BODY.search((a.get("class") or "") + " " + (a.get("id") or "")) for a in _up_to(other, scope)):
            continue
        found.append(other)
    return found


def _signature(element: _Element | None) -> tuple[str, str]:
    if element is None:
        return ("", "")
    return (str(element.tag), (element.get("class") or "").strip())


def _up_to(element: _Element, scope: _Element) -> list[_Element]:
    """Ancestors of ``element`` below ``scope``."""
    out = []
    for ancestor in element.iterancestors():
        if ancestor is scope:
            break
        out.append(ancestor)
    return out


def _chunk_lines(
    chunks: list[_Element], known: set[str], order: dict[_Element, int], main: _Element
) -> tuple[list[_Line], list[_Line]]:
    before: list[_Line] = []
    after: list[_Line] = []
    for chunk in sorted(chunks, key=lambda el: order.get(el, 0)):
        paragraphs = [_node_text(p) for p in chunk.iter("p")]
        paragraphs = [t for t in paragraphs if t and _norm(t) not in known]
        if sum(_words(t) for t in paragraphs) < MIN_CHUNK_WORDS:
            continue
        target = before if order.get(chunk, 0) < order.get(main, 0) else after
        target.extend(_Line(t, "p") for t in paragraphs)
    return before, after


# --------------------------------------------------------------------------- metadata


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = _WS.sub(" ", title).strip()
    return title or None


_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*")
_AUTHOR_PREFIX = re.compile(r"^(?:by|written by|posted by|von|par|por|di)\s+", re.IGNORECASE)


def normalise_authors(raw: str | None) -> list[str]:
    """``"A; B"`` / ``"By A and B"`` -> ``["A", "B"]``, without duplicates or empty names."""
    if not raw:
        return []
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(raw):
        name = _AUTHOR_PREFIX.sub("", _WS.sub(" ", part).strip()).strip(" .,-")
        if name and any(ch.isalpha() for ch in name) and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def normalise_date(raw: str | None) -> str | None:
    """Any ISO-like date string -> ``YYYY-MM-DD``; None when it is not a real date."""
    if not raw:
        return None
    match = _ISO_DATE.search(raw)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------- captions

_CAPTION_XPATH = (
    "//figcaption"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]"
)


def _captions(tree: HtmlElement) -> list[str]:
    """Texts of the page's figure captions, in document order, without duplicates."""
    seen: set[str] = set()
    out: list[str] = []
    for node in tree.xpath(_CAPTION_XPATH):
        text = _WS.sub(" ", " ".join(node.itertext())).strip()
        key = _norm(text)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def _covered(caption: str, removed: list[Removed]) -> bool:
    key = _norm(caption)
    return any(r.reason == "figure caption" and _norm(r.text) == key for r in removed)


# --------------------------------------------------------------------------- line filters

_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)\]。！？」』]\s*$")
_FULL_STOP = re.compile(r"[.!?…。！？]\W*$")


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def _words(text: str) -> int:
    return len(_TOKEN.findall(text))


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _word_weight(text: str) -> int:
    """Words, counting unspaced Chinese/Japanese script as one word per two characters."""
    cjk = len(_CJK.findall(text))
    return _words(_CJK.sub(" ", text)) + cjk // 2


def _is_prose(lines: list[_Line]) -> bool:
    """Whether the body reads as an article rather than a list of links or labels."""
    weights = [_word_weight(line.text) for line in lines]
    return sum(w for w in weights if w >= PROSE_LINE_WORDS) >= MIN_PROSE_WORDS


_RELATED_LABEL = (
    r"(?:related(?: (?:posts?|articles?|stories|content|coverage|reading|links|news))?"
    r"|read more|read also|also read|see more|see also|more (?:from|on|about|stories|news|like this)"
    r"|don'?t miss|do not miss|you (?:may|might) also (?:like|enjoy)|recommended(?: for you| reading)?"
    r"|most (?:read|popular|viewed|shared)(?: [\w ]{0,30})?|trending(?: now| stories)?"
    r"|further reading|what to read next|top stories|popular (?:posts|stories)|latest (?:news|stories))"
)
# A label alone on its line: it heads a block of teaser links.
_RELATED_HEADER = re.compile(rf"^{_RELATED_LABEL}\W*$", re.IGNORECASE)
# A label followed by a teaser headline: "Related: ...", "READ MORE: ...".
_RELATED_INLINE = re.compile(rf"^{_RELATED_LABEL}\s*[:\-–—|»>]\s*\S", re.IGNORECASE)

_PROMPTS = [
    # share / social widgets
    re.compile(r"^(?:share|share this(?: \w+)?|tweet|pin it|print|email|whatsapp|facebook|twitter|linkedin)\W*$", re.I),
    # subscription / sign-up / app prompts
    re.compile(
        r"(?:^|[.!?]\s+)(?:subscribe|sign up|signup|register|join|download|get|click here)\b.{0,160}"
        r"\b(?:newsletters?|inbox|subscriptions?|our app|free trial|for free|today|now)\b",
        re.I,
    ),
    re.compile(r"^[\w'’ ]{0,40}\bnewsletter\W*$", re.I),
    # reading time, comments, tags, copyright
    re.compile(
        r"^(?:\d+\s*(?:min|mins|minutes?)\s*read|reading time|estimated reading time|tempo de leitura"
        r"|tiempo de lectura|temps de lecture|lesezeit)\b.{0,30}$",
        re.I,
    ),
    re.compile(r"^(?:\d+\s*)?(?:comments?|replies)\W*$", re.I),
    re.compile(r"^(?:leave a (?:comment|reply)|tell us what you think|join the (?:discussion|conversation)|comments are closed)\b", re.I),
]
_TAGS_LABEL = re.compile(r"^(?:tags|tagged|tagged with|filed under|topics|keywords)\s*:?\s*(.*)$", re.I)

_MONTHS_AND_DAYS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|"
    "oct|october|nov|november|dec|december|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|"
    "thursday|fri|friday|sat|saturday|sun|sunday|"
    "janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    "enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    "januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|"
    "août|septembre|octobre|novembre|décembre|"
    "segunda|terça|quarta|quinta|sexta|feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes"
)
_DATE_WORDS = re.compile(
    rf"^(?:{_MONTHS_AND_DAYS}|\d+|am|pm|a|p|m|at|on|de|às|a las|um|le|à|h|utc|gmt|"
    r"[a-z]{2,4}t|updated|published|posted|modified|last|publicado|atualizado|actualizado|"
    r"veröffentlicht|aktualisiert|mis à jour|publié|st|nd|rd|th|uhr)$",
    re.I,
)
_BYLINE_LABEL = re.compile(r"^(?:by|written by|posted by|von|par|por)\b", re.I)
_BYLINE_ANYWHERE = re.compile(
    r"\b(?:written by|posted by|published by|publicado por|escrito por|publié par|veröffentlicht von)\b", re.I
)
# Agency/reporter credit lines: "(Reporting by A; Editing by B)", "C contributed to this report."
_CREDIT = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b|\bcontributed (?:reporting )?to this (?:report|story|article)\W*$",
    re.I,
)
# Contact / follow prompts that close many articles: "Follow him on Twitter @x", "Email X at y@z".
_CONTACT = re.compile(
    r"\b(?:follow (?:him|her|them|us|me)\b|(?:may|can) be reached at|reach (?:the )?(?:reporters?|writers?|authors?|him|her|them)\b"
    r"|email \w+(?: \w+)? at\b|e-mail \w+(?: \w+)? at\b|have a (?:news )?tip\b|send (?:us )?(?:a )?tips?\b)",
    re.I,
)
_CLICK_TO_TWEET = re.compile(r"\s*click to tweet\W*$", re.I)
# How many lines at the top/bottom of the body count as its head/tail.
HEAD_LINES = 3
TAIL_LINES = 4


@dataclass
class _Context:
    """What the line filters compare against: page metadata and captions."""

    title_key: str | None
    title_tokens: set[str]
    description_key: str | None
    caption_keys: set[str]
    authors: list[str]
    total: int


def _filter_lines(
    lines: list[_Line],
    title: str | None,
    authors: list[str],
    captions: list[str],
    description: str | None = None,
) -> tuple[list[_Line], list[Removed]]:
    """Split rendered lines into the body and the removed pieces (with reasons)."""
    ctx = _Context(
        title_key=_norm(title) if title and _words(title) >= 3 else None,
        title_tokens=set(_norm(title).split()) if title else set(),
        description_key=_norm(description) if description and _words(description) >= 4 else None,
        caption_keys={_norm(c) for c in captions if _words(c) >= 2},
        authors=authors,
        total=len(lines),
    )
    kept: list[_Line] = []
    removed: list[Removed] = []
    mode: str | None = None  # "related", "related-list" or "tags": a block being skipped
    for index, line in enumerate(lines):
        line = _Line(_CLICK_TO_TWEET.sub("", line.text), line.block)
        if mode is not None and _continues_block(mode, line):
            removed.append(Removed(line.text, "boilerplate", "tags" if mode == "tags" else "related link"))
            continue
        mode = None
        reason = _line_reason(line, index, len(kept), ctx)
        if reason is None:
            kept.append(line)
            continue
        removed.append(Removed(line.text, reason[0], reason[1]))
        mode = {"related header": "related", "related link": "related-list", "tags label": "tags"}.get(
            reason[1] or ""
        )
    return kept, removed


def _continues_block(mode: str, line: _Line) -> bool:
    if mode == "tags":
        return not _SENTENCE_END.search(line.text) and _words(line.text) <= 40
    if mode == "related-list":
        return _is_list_item(line)
    return _is_teaser(line)


def _line_reason(line: _Line, index: int, kept_before: int, ctx: _Context) -> tuple[str, str | None] | None:
    """Why a line is not article text, as (reason, note), or None to keep it."""
    text = line.text
    key = _norm(text)
    words = _words(text)
    at_head = kept_before < HEAD_LINES
    at_tail = index >= ctx.total - TAIL_LINES
    if not key:
        return ("boilerplate", "no words")
    if ctx.title_key and (key == ctx.title_key or (at_head and _looks_like_title(text, ctx))):
        return ("headline", None)
    if at_head and ctx.description_key and key == ctx.description_key and not _SENTENCE_END.search(text):
        return ("headline", "standfirst")
    if key in ctx.caption_keys:
        return ("figure caption", None)
    if words <= 40 and _is_prompt(text):
        return ("boilerplate", "prompt")
    if words <= 20 and _RELATED_INLINE.search(text):
        return ("boilerplate", "related link")
    if _RELATED_HEADER.search(text):
        return ("boilerplate", "related header")
    tags = _TAGS_LABEL.match(text)
    if tags and words <= 40 and not _SENTENCE_END.search(text):
        return ("boilerplate", "tags label" if not tags[1] else "tags")
    if _is_dateline(text):
        return ("dateline", None)
    if _is_byline(text, ctx.authors):
        return ("byline", None)
    if at_tail and words <= 50 and _CREDIT.search(text):
        return ("byline", "credit")
    if at_tail and words <= 50 and _CONTACT.search(text):
        return ("boilerplate", "contact")
    return None


def _looks_like_title(text: str, ctx: _Context) -> bool:
    """A headline variant near the top: no closing punctuation, mostly the title's words."""
    tokens = set(_norm(text).split())
    if not tokens or not ctx.title_tokens or len(tokens) > 30 or _FULL_STOP.search(text):
        return False
    overlap = len(tokens & ctx.title_tokens) / min(len(tokens), len(ctx.title_tokens))
    return overlap >= 0.75 and len(tokens & ctx.title_tokens) >= 3


def _is_prompt(text: str) -> bool:
    return any(p.search(text) for p in _PROMPTS)


def _is_list_item(line: _Line) -> bool:
    return line.block == "list" or line.text.startswith("- ")


def _is_teaser(line: _Line) -> bool:
    """A line in a block of related links: a list item or a short headline-like line."""
    if _is_list_item(line):
        return True
    return _words(line.text) <= 20 and not _FULL_STOP.search(line.text)


def _is_dateline(text: str) -> bool:
    """A short line made only of date/time words and numbers ("Nov 20, 2019 - 11:28 AMT")."""
    words = _TOKEN.findall(text)
    if not words or len(words) > 12 or not any(w.isdigit() for w in words):
        return False
    if not any(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in words) and ":" not in text:
        return False
    return all(_DATE_WORDS.match(w) for w in words)


def _is_byline(text: str, authors: list[str]) -> bool:
    """A short line naming the author(s): "By Jane Doe", "Posted by Jane Doe - May 1, 2019"."""
    words = _words(text)
    if words > 25:
        return False
    if text.lstrip().startswith("©"):
        return False  # a copyright or photo credit, not a byline
    if _BYLINE_ANYWHERE.search(text) and not _SENTENCE_END.search(text):
        return True
    if words > 15:
        return False
    lowered = text.casefold()
    names = [a.casefold() for a in authors if a]
    if names and any(n in lowered for n in names):
        rest = lowered
        for n in names:
            rest = rest.replace(n, " ")
        leftover = [w for w in _TOKEN.findall(rest) if not _DATE_WORDS.match(w)]
        if len(leftover) <= 3:
            return True
    return bool(_BYLINE_LABEL.match(text.strip())) and words <= 8 and not _SENTENCE_END.search(text)
