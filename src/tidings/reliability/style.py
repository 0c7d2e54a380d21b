"""Style: clickbait headlines, shouting, exclamations, loaded words, the narrator's voice.

News reporting is written in the third person, in sentence case, without exclamation marks and
with few loaded words; advocacy blogs, satire and clickbait address the reader ("you"), speak as
"I"/"we", shout in capitals and load their words.  Each feature is measured outside quotation
marks (what a quoted person says is not the writer's style) and scaled per sentence or per word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from tidings.model import Article
from tidings.reliability.findings import Finding, clip, ramp
from tidings.reliability.quoting import first_person_sentences, THIRD_PERSON_MAX_SHARE
from tidings.reliability.text import QuoteMask, Sentence, is_second_person

_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*")
_DATELINE_END = re.compile(r"\s*(?:,|\(|—|–|-)")


def _lexicon(name: str) -> frozenset[str]:
    raw = resources.files("tidings.data").joinpath(f"reliability/{name}").read_text("utf-8")
    return frozenset(ln.strip().lower() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def clickbait_phrases() -> list[re.Pattern[str]]:
    return [re.compile(r"\b" + re.escape(p).replace(r"\ ", r"\s+") + r"\b", re.I) for p in sorted(_lexicon("clickbait.txt"))]


@lru_cache(maxsize=1)
def sensational_words() -> frozenset[str]:
    return _lexicon("sensational.txt")


def _shouted(word: str) -> bool:
    """An all-capitals word too long to be an acronym."""
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    return len(letters) >= 5 and letters.isalpha() and letters.isupper()


def clickbait_headline(article: Article) -> list[Finding]:
    title = (article.title or "").strip()
    if not title:
        return []
    cues: list[str] = []
    for pat in clickbait_phrases():
        m = pat.search(title)
        if m:
            cues.append(f'"{m.group(0)}"')
    if "!" in title:
        cues.append("exclamation mark")
    if re.search(r"\?\s*$", title):
        cues.append("question headline")
    words = _WORD.findall(title)
    shouted = [w for w in words if _shouted(w)]
    if shouted:
        cues.append("capitals: " + " ".join(shouted[:4]))
    if re.match(r"^\d+\s+\w", title):
        cues.append("number list")
    if any(w.lower() in ("you", "your", "you're") for w in words):
        cues.append("speaks to the reader")
    if re.search(r"[\[(](?:video|watch|photos?|pics?)[\])]", title, re.I):
        cues.append("media bait")
    if not cues:
        return []
    return [
        Finding(
            "clickbait_headline",
            ramp(len(cues), 0, 3),
            "the headline uses clickbait or sensational devices",
            [f"{clip(title, 100)} ({'; '.join(cues)})"],
        )
    ]


#: short words that headline style guides (AP, Chicago) keep in lower case inside a headline
HEADLINE_SMALL_WORDS = frozenset("a an the and or but nor of in on at to for from by with as is are was its".split())


def headline_case(article: Article) -> list[Finding]:
    """A headline that Capitalises Every Word, small words too: the house style of viral and
    partisan sites; news desks write sentence case or a title case that keeps small words low."""
    words = _WORD.findall(article.title or "")
    inner = [w for w in words[1:] if not _shouted(w)]
    if len(inner) < 4:
        return []
    caps = sum(1 for w in inner if w[0].isupper()) / len(inner)
    small = [w for w in inner if w.lower() in HEADLINE_SMALL_WORDS]
    small_caps = sum(1 for w in small if w[0].isupper())
    strength = ramp(caps, 0.5, 1.0) * (1.0 if small_caps or not small else 0.5)
    if strength <= 0:
        return []
    return [
        Finding(
            "headline_case",
            strength,
            "the headline capitalises nearly every word, a style of viral sites rather than news desks",
            [clip(article.title or "", 120)],
        )
    ]


def shouting(article: Article, mask: QuoteMask) -> list[Finding]:
    """Words in capitals that are shouted, not acronyms: part of a run of capitalised words
    ("THIS IS OUTRAGEOUS"), or a word the text also writes in lower case ("ILLEGAL"/"illegal")."""
    text = article.text
    words = _WORD.findall(text)
    n_words = len(words)
    # a shouted word is all capitals: that test first rules out nearly every word
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isupper() and _shouted(w)]
    # positions and the lower-case vocabulary only when some word may be shouted (few articles)
    tokens = list(_WORD.finditer(text)) if candidates else []
    lower_words = {w.lower() for w in words if not w.isupper()} if candidates else set()
    hits: list[tuple[int, int]] = []
    for i in candidates:
        m, w = tokens[i], words[i]
        if mask.inside(m.start()):
            continue
        if m.start() < 40 and _DATELINE_END.match(text, m.end()):
            continue  # a dateline: "JAKARTA (Reuters) -", "BOGOTÁ, Colombia -"
        run = any(
            0 <= j < n_words and words[j].isupper() and len(words[j]) > 1
            and not text[min(m.end(), tokens[j].end()) : max(m.start(), tokens[j].start())].strip(" ")
            for j in (i - 1, i + 1)
        )
        if run or w.lower() in lower_words:
            hits.append((m.start(), m.end()))
    bangs = [(m.start(), m.end()) for m in re.finditer(r"!+", text) if not mask.inside(m.start())]
    if n_words == 0 or (not hits and not bangs):
        return []
    per_k = 1000 * (len(hits) + 2 * len(bangs)) / n_words
    strength = ramp(per_k, 2, 15)
    if strength == 0:
        return []
    parts = []
    if hits:
        parts.append(f"{len(hits)} words in capitals")
    if bangs:
        parts.append(f"{len(bangs)} exclamation marks")
    return [
        Finding(
            "shouting",
            strength,
            "the writer shouts: " + " and ".join(parts) + " outside quotes",
            [text[s:e] for s, e in (hits + bangs)[:8]],
            sorted(hits + bangs)[:50],
        )
    ]


def loaded_language(article: Article, mask: QuoteMask) -> list[Finding]:
    lex = sensational_words()
    words = _WORD.findall(article.text)
    n_words = len(words)
    # the words' positions only when one of them is in the lexicon (few articles)
    if not any(w.lower() in lex for w in words):
        return []
    hits = [(m.start(), m.end()) for m in _WORD.finditer(article.text)
            if m.group(0).lower() in lex and not mask.inside(m.start())]
    if not n_words or not hits:
        return []
    per_k = 1000 * len(hits) / n_words
    strength = ramp(per_k, 2, 10)
    if strength == 0:
        return []
    return [
        Finding(
            "loaded_language",
            strength,
            f"{len(hits)} loaded or sensational words in the writer's own voice",
            sorted({article.text[s:e].lower() for s, e in hits})[:10],
            hits[:50],
        )
    ]


def narrator_voice(sents: list[Sentence], mask: QuoteMask) -> list[Finding]:
    """The narrator speaks as I/we or to "you": opinion and blog voice, not reporting."""
    out: list[Finding] = []
    fp, narrative = first_person_sentences(sents, mask)
    if narrative and len(fp) / narrative > THIRD_PERSON_MAX_SHARE:
        share = len(fp) / narrative
        out.append(
            Finding(
                "first_person_narration",
                ramp(share, THIRD_PERSON_MAX_SHARE, 0.5),
                f"the writer speaks as \"I\" or \"we\" in {round(100 * share)}% of sentences: opinion, not reporting",
                [clip(s.span.text, 100) for s in fp[:3]],
                [(s.start, s.end) for s in fp[:20]],
            )
        )
    sp = [s for s in sents if (s.end - s.start) and s.quoted_chars / (s.end - s.start) <= 0.5 and any(is_second_person(t) for t in s.outside)]
    if narrative and sp:
        share = len(sp) / narrative
        strength = ramp(share, 0.03, 0.2)
        if strength > 0:
            out.append(
                Finding(
                    "reader_address",
                    strength,
                    f"the writer addresses the reader as \"you\" in {len(sp)} sentences",
                    [clip(s.span.text, 100) for s in sp[:3]],
                    [(s.start, s.end) for s in sp[:20]],
                )
            )
    return out


def detect(article: Article, sents: list[Sentence], mask: QuoteMask) -> list[Finding]:
    return (
        clickbait_headline(article)
        + headline_case(article)
        + shouting(article, mask)
        + loaded_language(article, mask)
        + narrator_voice(sents, mask)
    )
