"""Stitching: an article assembled from pieces of other reports.

- ``topic_break``: a substantial paragraph none of whose nouns or names (by stem) occurs anywhere
  before it or in the headline: the seam between two lifted reports.
- ``date_mismatch``: a dateline or a full date in the body that lies after the article's own date
  (an article cannot report a day that had not yet come), or a dateline days away from it.
- ``second_lead``: a paragraph after the first that opens with a dateline ("MOSCOW, May 3 —",
  "Ankara (Reuters) -"): a report has one dateline, at its top; a second one mid-body is the top of
  another report pasted in.
- ``headline_unsupported``: the headline's content words are mostly absent from the body.
- ``fresh_lead``: a paragraph deep in the body opens as the lead of a report of its own: someone
  named there for the first time did something on a named day ("Samsung Electronics said on
  Tuesday it would invest ...", "The Reserve Bank kept its rate unchanged on Tuesday"), as a
  report's first sentence does and a continuing one seldom does.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tidings.datelines import CAPITALS, SMALLS
from tidings.ingest.dates import parse_date
from tidings.model import Article
from tidings.parsed import parsed
from tidings.reliability.findings import Finding, clip, ramp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CONTENT_POS = frozenset({"NOUN", "PROPN"})
MIN_CONTENT = 5  # a paragraph needs this many content lemmas to be judged

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_FULL_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\b")
_DATELINE = re.compile(rf"^[{CAPITALS}][{CAPITALS}{SMALLS} .'-]{{1,40}},\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\s*(?:\([^)]*\))?\s*[-–—]")
_STOP = frozenset(
    """a an the and or but of in on at to for from with by as is are was were be been it its this that
    these those his her their our your my as after before over under new says say said will would can
    could may might must has have had not no than then there here what when where who why how into
    about up down out off more most some any all just also amid""".split()
)


STEM = 5  # words compared by their first letters: "agreed"/"agreement", "minister"/"ministry"
CONTEXT_POS = CONTENT_POS | {"VERB", "ADJ"}


def _stems(doc: Doc, start: int, end: int, pos: frozenset[str]) -> set[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    view = parsed(doc)
    lemma, tag, stop, words = view.lemma, view.pos, view.is_stop, view.words
    return {
        lemma[i].lower()[:STEM]
        for i in range(span.start, span.end)
        if tag[i] in pos and not stop[i] and len(words[i]) > 2 and words[i].isalpha()
    }


FIRST_JUDGED = 2  # the third paragraph on: the second often widens the lead with background
#: an agency's credit line closing a report ("(Reporting by A; Editing by B)"): names, no topic
_CREDIT_LINE = re.compile(r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b", re.I)
ANAPHORA = frozenset("he she they it his her their its this these those such".split())
#: general nouns that, after "the", name again something the text before has named ("The measure
#: now goes to the senate", "The company said"): definite anaphora by a more general word
GENERAL_NOUNS = frozenset("""measure bill law plan proposal move decision deal agreement accord pact
    policy rule scheme project programme program case trial verdict ruling incident attack
    company firm group organisation organization agency ministry government authority
    authorities official officials country city region area town village party campaign
    report study survey figure figures announcement statement talks meeting visit operation
    vote election decision changes change""".split())


def _refers_back(doc: Doc, start: int, end: int) -> bool:
    """The paragraph opens on a pronoun or demonstrative that points at the text before it, or
    on "the" and a general noun that names again what the text before named."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in parsed(doc).tokens[span.start : span.end] if t.is_alpha][:3] if span is not None else []
    if words and words[0].lower_ in ("but", "and", "yet"):
        words = words[1:]
    if not words:
        return False
    if words[0].lower_ in ANAPHORA:
        return True
    if doc.text[start:end].lstrip()[:1] in ('"', "“", "'", "‘"):
        return True  # a quotation: someone the report turns to, in the report's own thread
    return (len(words) > 1 and words[0].lower_ == "the" and words[1].pos_ == "NOUN"
            and words[1].lemma_.lower() in GENERAL_NOUNS)


def _title_words(title: str | None) -> set[str]:
    if not title:
        return set()
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", title) if w.lower() not in _STOP}


def topic_breaks(article: Article, doc: Doc) -> list[Finding]:
    """A paragraph none of whose nouns and names (compared by stem) occurs anywhere before it, in
    any part of speech, nor in the headline.  Comparing stems across parts of speech keeps normal
    reporting quiet ("agreed" ... "the agreement", "foreign minister" ... "the ministry").  The
    lead's second paragraph (background) and paragraphs that open on a pronoun pointing back
    ("He blamed ...") are not judged: they continue the text before them by construction."""
    paras = article.paragraphs()
    own = [_stems(doc, s, e, CONTENT_POS) for s, e in paras]
    wide = [_stems(doc, s, e, CONTEXT_POS) for s, e in paras]
    title = {w[:STEM] for w in _title_words(article.title)}
    breaks: list[int] = []
    judged = 0
    context: set[str] = set(title)
    for i in range(len(paras)):
        if i >= FIRST_JUDGED and len(own[i]) >= MIN_CONTENT and len(context - title) >= MIN_CONTENT \
                and not _refers_back(doc, paras[i][0], paras[i][1]) \
                and not _CREDIT_LINE.match(article.text[paras[i][0]:paras[i][1]].strip()):
            judged += 1
            if not (own[i] & context):
                breaks.append(i)
        context |= wide[i]
    if not breaks:
        return []
    n = len(breaks)
    return [
        Finding(
            "topic_break",
            ramp(n, 0, 2) * ramp(n / max(judged, 1), 0.0, 0.3),
            f"{n} paragraph{'s jump' if n != 1 else ' jumps'} to an unrelated topic with no link to the text "
            "before: the article may be stitched from different reports",
            [clip(article.text[paras[i][0] : paras[i][1]], 100) for i in breaks[:4]],
            [paras[i] for i in breaks],
        )
    ]


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(a) - date.fromisoformat(b)).days


def date_mismatch(article: Article) -> list[Finding]:
    pub = article.published
    if not pub:
        return []
    hits: list[tuple[int, int, str]] = []
    text = article.text
    m = _DATELINE.match(text)
    if m:
        raw = m.group("date")
        iso = parse_date(raw if re.search(r"\d{4}", raw) else f"{raw}, {pub[:4]}")
        if iso and abs(_days(iso, pub)) > 2:
            hits.append((m.start("date"), m.end("date"), f"dateline {raw} but published {pub}"))
    for dm in _FULL_DATE.finditer(text):
        iso = parse_date(dm.group(0))
        if iso and _days(iso, pub) > 1:
            hits.append((dm.start(), dm.end(), f"{dm.group(0)} is after the article's date {pub}"))
    if not hits:
        return []
    return [
        Finding(
            "date_mismatch",
            ramp(len(hits), 0, 1),
            "dates in the text do not fit the article's own date",
            [h[2] for h in hits[:4]],
            [(s, e) for s, e, _ in hits],
        )
    ]


#: a dateline at the start of a paragraph: a place in capitals, or any place followed by a wire's
#: name in brackets, then (optionally) a region and a date, then a dash
_LEAD = re.compile(
    rf"^(?:(?P<caps>[{CAPITALS}][{CAPITALS}.'’ -]{{2,30}}?)|[{CAPITALS}][{SMALLS}]+(?: [{CAPITALS}][{SMALLS}]+){{0,2}})"
    rf"(?P<more>,\s*[{CAPITALS}][{CAPITALS}{SMALLS}.]+(?: [{CAPITALS}][{CAPITALS}{SMALLS}.]+)?)?(?:,?\s*{_MONTH}\s+\d{{1,2}})?"
    rf"\s*(?P<wire>\([A-Z][A-Za-z .&-]{{1,30}}\))?\s*[—–-]{{1,2}}\s+[A-Z\"“]"
)


LEAD_PARAGRAPHS = 3


def second_lead(article: Article) -> list[Finding]:
    """Datelines that open a paragraph after the article's own top: after an earlier dateline, or
    after ``LEAD_PARAGRAPHS`` paragraphs (a kicker or a subtitle may stand above the real one)."""
    hits: list[tuple[int, int]] = []
    lines: list[str] = []
    pos = 0
    seen = 0  # non-empty paragraphs so far
    dated = False
    for block in article.text.split("\n"):
        start = pos
        pos += len(block) + 1
        line = block.strip()
        if not line:
            continue
        seen += 1
        m = _LEAD.match(line)
        if not m:
            continue
        caps = m.group("caps")
        if not m.group("wire") and not (caps and (len(caps.split()) <= 2 or m.group("more"))):
            continue  # a run-in subhead in capitals ("QUESTIONABLE CLAIMS —"), not a place
        if dated or seen > LEAD_PARAGRAPHS:
            off = start + block.index(line[:1])
            hits.append((off, off + m.end() - 1))
            lines.append(line)
        dated = True
    if not hits:
        return []
    return [
        Finding(
            "second_lead",
            ramp(len(hits), 0, 1),
            f"{len(hits)} paragraph{'s' if len(hits) != 1 else ''} after the first open{'' if len(hits) != 1 else 's'} "
            "with a dateline of {0}: the top of another report pasted in".format("their own" if len(hits) != 1 else "its own"),
            [clip(line, 80) for line in lines[:4]],
            hits,
        )
    ]


FRESH_FROM = 3  # the fourth paragraph on: a lead's own background may name new people on a day
#: the named day or the day before of a lead's first sentence
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday".split())
#: the kinds of name a lead's subject is
_LEAD_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_NAME_WORD = re.compile(r"\b[A-Z][\w-]{2,}")
_QUOTE_OPEN = ('"', "“", "'", "‘")


def _on_the_verb(tok: Token, verb: Token) -> bool:
    """The day hangs on the sentence's verb, directly or through its preposition ("on Tuesday",
    "late on Tuesday"), not inside a subject or an object ("who was in court on Monday")."""
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == verb.i:
            return True
        if node.dep_ not in ("prep", "pobj", "npadvmod"):
            return False
    return False


def fresh_leads(article: Article, doc: Doc) -> list[Finding]:
    """Paragraphs from the fourth on whose first sentence is a lead: its verb is finite, its
    subject is a name none of whose words the headline or the text before has named, and a
    named day ("on Tuesday", "yesterday") hangs on the verb.  A quotation and a paragraph that
    has no such subject are not judged."""
    paras = article.paragraphs()
    if len(paras) <= FRESH_FROM:
        return []
    hits: list[tuple[int, int]] = []
    lines: list[str] = []
    for k, (start, end) in enumerate(paras):
        if k < FRESH_FROM:
            continue
        text = article.text[start:end]
        if text.lstrip().startswith(_QUOTE_OPEN):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        first = next(iter(span.sents), None)
        if first is None:
            continue
        verb = first.root
        if verb.tag_ not in ("VBD", "VBZ", "VBN"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not any(_on_the_verb(t, verb) for t in first if t.lower_ in _DAYS):
            continue
        phrase = doc[subj.left_edge.i : subj.right_edge.i + 1]
        names = [e for e in phrase.ents if e.label_ in _LEAD_NAMES]
        if not names:
            continue
        before = set(_NAME_WORD.findall((article.title or "") + "\n" + article.text[:start]))
        if any(w in before for e in names for w in _NAME_WORD.findall(e.text) if w.lower() not in _STOP):
            continue
        hits.append((start, min(end, start + len(first.text))))
        lines.append(first.text)
    if not hits:
        return []
    n = len(hits)
    return [
        Finding(
            "fresh_lead",
            ramp(n, 0, 1),
            f"{n} paragraph{'s' if n != 1 else ''} deep in the body open{'' if n != 1 else 's'} as the lead of "
            "another report: a name the article had not used does something on a named day",
            [clip(line, 100) for line in lines[:4]],
            hits,
        )
    ]


def headline_unsupported(article: Article, doc: Doc) -> list[Finding]:
    words = _title_words(article.title)
    if len(words) < 3:
        return []
    view = parsed(doc)
    alpha = [i for i, is_alpha in enumerate(view.is_alpha) if is_alpha]
    body = {view.lower[i] for i in alpha} | {view.lemma[i].lower() for i in alpha}
    stems = {w[:5] for w in body}
    missing = sorted(w for w in words if w not in body and w[:5] not in stems)
    share = len(missing) / len(words)
    if share < 0.5:
        return []
    return [
        Finding(
            "headline_unsupported",
            ramp(share, 0.5, 0.9),
            f"most of the headline's words ({len(missing)} of {len(words)}) never appear in the article",
            [", ".join(missing[:10])],
        )
    ]


def detect(article: Article, doc: Doc) -> list[Finding]:
    return (topic_breaks(article, doc) + date_mismatch(article) + second_lead(article)
            + fresh_leads(article, doc) + headline_unsupported(article, doc))
