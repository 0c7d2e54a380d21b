"""Quotes across the corpus: the mentions of one quote in many articles become one quotation.

Pure functions over rows (``QuoteRow``), so a store and a cluster job apply one rule:

1. **Normal form.**  A quote's text (of a mixed quote, only its words in quotation marks) is folded (Unicode NFKC, accents dropped, lower case, curly
   quotes and apostrophes straightened, punctuation dropped) into word tokens, cut into pieces at
   ellipses ("...", "…", "[...]") and at bracketed insertions ("[the minister]").  Mentions with the
   same normal form are one *form*; a form of at least ``MIN_EXACT`` words merges with its equals.
2. **Candidates** (an index, not all pairs): forms are taken longest first; each is looked up in
   an inverted index of word bigrams over the forms already placed.  A bigram shared by more than
   ``MAX_POSTING`` forms (a stock phrase) proposes nothing; the ``MAX_CANDIDATES`` forms sharing
   most bigrams are verified.
3. **Verification** (:func:`match`): every piece of the shorter form must line up, in order,
   inside the longer one: runs of equal words separated by swaps of at most ``MAX_SWAP`` words on
   either side (a spinner's synonyms), covering at least ``MIN_SHARE`` of the shorter form's words.
   A swapped word may not be a number, nor a negation on one side only (a spinner leaves figures
   and negations alone).  A form that is not word for word equal to the other must match at least
   ``MIN_WORDS`` words,
   so a short stock phrase ("we will not back down") never joins a longer quote on its own.
4. **One home per form**: a verified form joins the quotation it lines up with best (most words
   matched, then the most reported), never two, so a phrase two different quotes share cannot chain
   them together.

A quotation's canonical text is its longest form (the most reported of equals); its first
appearance is the mention published first, then stored first.

**Speakers** (:func:`speaker_parties`): mentions name their speaker by a resolved name, the words of
the text, and an actor code.  A name counts only when the mention's own words name the speaker: one
reached through a pronoun or a description ("she", "the minister") is an inference, and the mention
stands as that pronoun (no side) or description.  Names are compared as sets of name words without titles and initials:
"Putin", "Vladimir Putin" and "President Vladimir V. Putin" are one person, as are two spellings
of one name ("Sergey Lavrov", "Sergei Lavrov"); "Joe Biden" and "Hunter Biden" are two.  A mention without a speaker, or with a pronoun, says nothing.  A description ("a
senior police officer") conflicts with nobody unless its own words name a country ("a Mexican
official") that differs from every country the named speakers' actor codes give.  When a quotation's speakers fall into two or more parties,
each mention in a party is in conflict (:func:`conflicts`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from tidings.quotes.speakers import TITLES

MIN_EXACT = 4  # words a form needs to merge with its exact equals
MIN_WORDS = 6  # words a form needs to merge with anything but its exact equals
MIN_SHARE = 0.75  # share of the shorter form's words that must line up
MAX_SWAP = 3  # words on either side of one substitution
MIN_PIECE = 2  # a piece shorter than this (between two ellipses) is not aligned
MAX_POSTING = 400  # a bigram in more forms than this is a stock phrase: it proposes nothing
MAX_CANDIDATES = 12  # forms verified per form
CONFLICT_MIN_WORDS = 6  # a quotation shorter than this (canonical words) raises no speaker conflict
#: the kinds of quote merged across articles: words in quotation marks (not paraphrase)
MERGED_KINDS = frozenset({"direct", "mixed"})

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.+|…|\[[^\]]*\]|\(\s*(?:\.\s*){3,}\)")
_WORD = re.compile(r"\w+(?:'\w+)*")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


_DIGIT_GROUP = re.compile(r"(?<=\d)[,.\u00a0\u202f ](?=\d{3}\b)")  # "10,000" and "10000" alike
_NEGATIONS = frozenset("not no never nothing nobody none neither nor cannot nt".split())


def _fold(text: str) -> str:
    text = _DIGIT_GROUP.sub("", unicodedata.normalize("NFKC", text).translate(_QUOTES))
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def normal_form(text: str) -> tuple[tuple[str, ...], ...]:
    """The pieces of a quote as word tokens (see the module docstring); empty pieces dropped."""
    pieces = []
    for part in _ELLIPSIS.split(_fold(text or "")):
        words = tuple(w.replace("'", "") for w in _WORD.findall(part))
        if words:
            pieces.append(words)
    return tuple(pieces)


@dataclass
class QuoteRow:
    """One quote mention, as the store's ``quotes`` table and its article give it."""

    article_id: str
    idx: int
    text: str
    start: int | None = None
    end: int | None = None
    speaker_text: str | None = None
    speaker_name: str | None = None
    speaker_actor: str | None = None
    published: date | None = None
    seq: int = 0
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    kind: str | None = "direct"

    @property
    def order(self) -> tuple[date, int, int]:
        return (self.published or date.max, self.seq, self.idx)


@dataclass
class Form:
    """Mentions sharing one normal form."""

    pieces: tuple[tuple[str, ...], ...]
    mentions: list[QuoteRow] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(p) for p in self.pieces)

    @property
    def flat(self) -> list[str]:
        out: list[str] = []
        for i, p in enumerate(self.pieces):
            if i:
                out.append("\x00")  # an elision: matches nothing
            out.extend(p)
        return out


@dataclass
class Match:
    """How a form lines up inside another: words matched and how ("exact", "partial", "ellipsis",
    "spun", or a combination joined by "+")."""

    matched: int
    share: float
    how: str


def _chain(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The run of matching blocks around the longest one whose gaps are swaps of a few words."""
    if not blocks:
        return []
    best = max(range(len(blocks)), key=lambda i: blocks[i][2])
    lo = hi = best
    while lo > 0:
        a, b, n = blocks[lo - 1]
        ga, gb = blocks[lo][0] - (a + n), blocks[lo][1] - (b + n)
        if ga > MAX_SWAP or gb > MAX_SWAP:
            break
        lo -= 1
    while hi + 1 < len(blocks):
        a, b, n = blocks[hi]
        na, nb, _ = blocks[hi + 1]
        if na - (a + n) > MAX_SWAP or nb - (b + n) > MAX_SWAP:
            break
        hi += 1
    return blocks[lo:hi + 1]


def _numbers_differ(p: Sequence[str], t: Sequence[str], chain: list[tuple[int, int, int]]) -> bool:
    """Whether a word swapped in the alignment is a number: a spinner leaves figures alone, so
    "3 percent" against "5 percent" is another statement, not a synonym."""
    inside_p = {i for a, _, n in chain for i in range(a, a + n)}
    if any(any(c.isdigit() for c in w) for i, w in enumerate(p) if i not in inside_p):
        return True
    for (a, b, n), (_, nb, _) in zip(chain, chain[1:]):
        if any(any(c.isdigit() for c in w) for w in t[b + n:nb]):
            return True
    return False


def _negation_differs(p: Sequence[str], t: Sequence[str], chain: list[tuple[int, int, int]]) -> bool:
    """Whether a negation stands on one side of a swap only: "he is not president" is not a
    synonym of "he is president".  The words of ``p`` before and after the chain are compared with
    as many words of ``t`` beside it."""
    a0, b0, _ = chain[0]
    a1, b1, n1 = chain[-1]
    end = a1 + n1
    gaps = [(p[:a0], t[max(0, b0 - a0):b0]), (p[end:], t[b1 + n1:b1 + n1 + len(p) - end])]
    gaps += [(p[a + n:na], t[b + n:nb]) for (a, b, n), (na, nb, _) in zip(chain, chain[1:])]
    return any(any(_negative(w) for w in mine) != any(_negative(w) for w in theirs) for mine, theirs in gaps)


def _negative(word: str) -> bool:
    return word in _NEGATIONS or (word.endswith("nt") and word[:-2] in _NT_STEMS)


_NT_STEMS = frozenset("do does did is are was were has have had could would should must ca wo ai need".split())


def match(short: Form, long: Form) -> Match | None:
    """``short`` lined up inside ``long`` (module docstring, step 3), or None."""
    if short.pieces == long.pieces:
        return Match(short.words, 1.0, "exact") if short.words >= MIN_EXACT else None
    pieces = [p for p in short.pieces if len(p) >= MIN_PIECE] or list(short.pieces[:1])
    total = sum(len(p) for p in pieces)
    if total < MIN_WORDS:
        return None
    target = long.flat
    pos = 0
    matched = 0
    swapped = False
    spans: list[tuple[int, int]] = []
    for p in pieces:
        sm = SequenceMatcher(None, p, target[pos:], autojunk=False)
        chain = _chain([b for b in sm.get_matching_blocks() if b[2]])
        if not chain:
            return None
        got = sum(n for _, _, n in chain)
        if len(p) - got > MAX_SWAP + (len(p) // 4):
            return None
        # words of the piece outside the chain at its edges are swaps too, as are gaps inside it
        lead, tail = chain[0][0], len(p) - (chain[-1][0] + chain[-1][2])
        if lead > MAX_SWAP or tail > MAX_SWAP:
            return None
        if _numbers_differ(p, target[pos:], chain) or _negation_differs(p, target[pos:], chain):
            return None
        swapped = swapped or got < len(p)
        start, end = pos + chain[0][1], pos + chain[-1][1] + chain[-1][2]
        spans.append((start, end))
        matched += got
        pos = end
    share = matched / total
    if share < MIN_SHARE or matched < MIN_WORDS:
        return None
    how = []
    if len(short.pieces) > 1:
        how.append("ellipsis")
    if spans[0][0] > MAX_SWAP or spans[-1][1] < len(target) - MAX_SWAP:
        how.append("partial")  # begins later or ends sooner than the longer form
    if swapped:
        how.append("spun")
    return Match(matched, share, "+".join(how) or "exact")


def _bigrams(pieces: Sequence[Sequence[str]]) -> set[tuple[str, str]]:
    return {(p[i], p[i + 1]) for p in pieces for i in range(len(p) - 1)}


@dataclass
class Quotation:
    """One quote across the corpus: its forms, each mention with how it matched the canonical form."""

    forms: list[Form]
    how: dict[tuple[str, int], str] = field(default_factory=dict)  # (article, idx) -> match kind

    @property
    def canonical(self) -> Form:
        return self.forms[0]

    @property
    def mentions(self) -> list[QuoteRow]:
        return sorted((m for f in self.forms for m in f.mentions), key=lambda m: m.order)

    @property
    def first(self) -> QuoteRow:
        return min((m for f in self.forms for m in f.mentions), key=lambda m: m.order)

    @property
    def quotation_id(self) -> str:
        key = " | ".join(" ".join(p) for p in self.canonical.pieces)
        if self.canonical.words < MIN_EXACT:  # a short quote stands alone: named by its mention
            first = self.canonical.mentions[0]
            key = f"{key}\x1f{first.article_id}\x1f{first.idx}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def text(self) -> str:
        """The canonical form as first written (the earliest mention of the longest form; of a mixed
        quote, its words in quotation marks)."""
        first = min(self.canonical.mentions, key=lambda m: m.order)
        return quoted_words(first.text, first.kind)


_MARKS = re.compile(r'["“”«»„]')


def quoted_words(text: str, kind: str | None) -> str:
    """The words in quotation marks of a mixed quote (paraphrase around a quoted stretch: "she said
    the crossing would stay shut: “We will not reopen it”"), each stretch an elision apart; any
    other quote as it is."""
    if kind != "mixed" or not _MARKS.search(text or ""):
        return text
    inside = [p for p in _MARKS.split(text)[1::2] if p.strip()]
    return " … ".join(inside) or text


def forms_of(rows: Iterable[QuoteRow]) -> list[Form]:
    """Mentions grouped by normal form, longest first (then most reported, then earliest)."""
    by: dict[Any, Form] = {}
    for r in rows:
        if r.kind is not None and r.kind not in MERGED_KINDS:
            continue
        pieces = normal_form(quoted_words(r.text, r.kind))
        if not pieces:
            continue
        # a form too short to merge even with its equals stands alone, one per mention
        key: Any = pieces if sum(len(p) for p in pieces) >= MIN_EXACT else (pieces, r.article_id, r.idx)
        by.setdefault(key, Form(pieces)).mentions.append(r)
    forms = list(by.values())
    for f in forms:
        f.mentions.sort(key=lambda m: m.order)
    forms.sort(key=lambda f: (-f.words, -len(f.mentions), f.mentions[0].order))
    return forms


def group_quotes(rows: Iterable[QuoteRow]) -> list[Quotation]:
    """Quote mentions merged into quotations (module docstring), each with its mentions' match
    kinds; ordered by first appearance."""
    forms = forms_of(rows)
    home: list[int] = []  # form index -> quotation index
    quotations: list[Quotation] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for fi, form in enumerate(forms):
        grams = _bigrams(form.pieces)
        best: tuple[tuple[int, int, float], int, Match] | None = None
        if form.words >= MIN_WORDS:
            shared: Counter[int] = Counter()
            for g in grams:
                posting = index.get(g)
                if posting and len(posting) <= MAX_POSTING:
                    shared.update(posting)
            # a form lining up with another shares at least this many of its bigrams: each word
            # of the quarter it may leave unmatched breaks at most two
            need = max(1, form.words // 2 - len(form.pieces) - 1)
            for cand, n in shared.most_common(MAX_CANDIDATES):
                if n < need:
                    break
                m = match(form, forms[cand])
                if m is None:
                    continue
                q = home[cand]
                rank = (m.matched, len(quotations[q].forms), -q)
                if best is None or rank > best[0]:
                    best = (rank, q, m)
        if best is None:
            home.append(len(quotations))
            quotations.append(Quotation([form], {(r.article_id, r.idx): "exact" for r in form.mentions}))
        else:
            _, q, m = best
            home.append(q)
            quotations[q].forms.append(form)
            quotations[q].how.update({(r.article_id, r.idx): m.how for r in form.mentions})
        for g in grams:
            index[g].append(fi)
    quotations.sort(key=lambda q: q.first.order)
    return quotations


# ------------------------------------------------------------------------------------------ speakers

#: the title words of quoted people (the quotes stage's), and the office words a quoted speaker
#: may carry besides ("the spokesman John Kirby", "CEO Jane Roe")
_TITLES = TITLES | frozenset(
    "captain ceo finance head interior major spokesman spokesperson spokeswoman".split())
_PRONOUNS = frozenset("he she they it we i you him her them one who this that".split())
_DETERMINERS = frozenset("a an the this that these those its his her their our one some several".split())
#: CAMEO role codes that stand in for a country when none is known ("GOV": a government)
_ROLES = frozenset(
    """GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF MOD RAD AGR ELI IGO NGO
    NGM UIS IMG UAF INS SEP REL""".split()
)


@dataclass(frozen=True)
class Speaker:
    """Who a mention names: ``name`` words for a person or body named, else a description."""

    label: str  # as shown
    name: frozenset[str] | None  # name words (titles, initials out); None for a description
    country: str | None  # the actor code's country, when it has one


@lru_cache(maxsize=65536)
def _name_words(text: str) -> frozenset[str]:
    words = [w.replace("'", "") for w in _WORD.findall(_fold(text))]
    if words and words[-1] == "s" and len(words) > 1:
        words = words[:-1]  # "Putin's"
    return frozenset(w for w in words if len(w) > 1 and w not in _TITLES)


def _country(actor: str | None) -> str | None:
    code = (actor or "").strip().upper()
    if len(code) < 3 or not code[:3].isalpha() or code[:3] in _ROLES:
        return None
    return code[:3]


@lru_cache(maxsize=1)
def _knowledge() -> Any:
    from tidings.actors.knowledge import ActorKnowledge

    return ActorKnowledge.load()


_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")


@lru_cache(maxsize=8192)
def named_country(text: str) -> str | None:
    """The country a description's own words name ("a Mexican official", "an aide in Kyiv"), as
    an ISO3 code; None when its words name none."""
    k = _knowledge()
    for run in _CAPITALISED.findall(text):
        words = run.split()
        for phrase in [run] + [w for w in words if len(w) > 2]:
            entry = k.lookup_entry(phrase)
            if entry is not None and entry.kind == "country" and entry.country:
                return str(entry.country)
    return None


def speaker_of(r: QuoteRow) -> Speaker | None:
    """The speaker a mention names, or None (no speaker, a pronoun)."""
    text = (r.speaker_text or "").strip()
    name = (r.speaker_name or "").strip()
    country = _country(r.speaker_actor)
    if name:
        words = _name_words(name)
        # the name counts when the article's own words name the speaker; a name reached through a
        # pronoun or a description ("she", "the minister") is the extractor's inference, not the
        # article's claim, so the mention stands as that pronoun or description
        if words and (not text or _name_words(text) & words):
            return Speaker(name, words, country)
    if not text or _fold(text) in _PRONOUNS:
        return None
    first = _fold(text).split()[0]
    looks_named = text[:1].isupper() and first not in _DETERMINERS and first not in _PRONOUNS
    words = _name_words(text) if looks_named else frozenset()
    if words:
        return Speaker(text, words, country)
    # a description: its country is the one its own words name (an actor code the extractor gave
    # it from the context is not the article's claim)
    return Speaker(text, None, named_country(text))


def same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two names of one speaker: one's words are all among the other's ("Putin" in "Vladimir Putin"),
    or they share a word and the others are spellings of one another ("Sergey Lavrov", "Sergei
    Lavrov"; not "Joe Biden" and "Hunter Biden")."""
    if not a or not b:
        return False
    if a <= b or b <= a:
        return True
    shared = a & b
    rest_a, rest_b = a - shared, b - shared
    return bool(shared) and len(rest_a) == len(rest_b) and \
        all(any(_spelling(x, y) for y in rest_b) for x in rest_a) and \
        all(any(_spelling(y, x) for x in rest_a) for y in rest_b)


def _spelling(x: str, y: str) -> bool:
    """Whether two name words are one name transliterated two ways (same initial, close letters)."""
    return x[:1] == y[:1] and SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.75


def speaker_parties(mentions: Sequence[QuoteRow]) -> dict[tuple[str, int], int]:
    """Each mention that takes a side -> its party (0, 1, ...): one party per person named (names
    that are one person share it), and one per country of a description whose actor code's country
    no named party has.  A mention without a speaker, or a description that could be any of the
    named speakers, takes no side."""
    named: list[tuple[QuoteRow, Speaker]] = []
    described: list[tuple[QuoteRow, Speaker]] = []
    for m in mentions:
        s = speaker_of(m)
        if s is None:
            continue
        (named if s.name else described).append((m, s))
    # longest names first, so "Putin" joins "Vladimir Putin" rather than starting a party
    named.sort(key=lambda t: (-len(t[1].name or ()), t[0].order))
    parties: list[list[frozenset[str]]] = []
    countries: list[set[str]] = []
    out: dict[tuple[str, int], int] = {}
    for m, s in named:
        assert s.name is not None
        fits = [i for i, names in enumerate(parties) if any(same_person(s.name, n) for n in names)]
        if fits:
            i = fits[0]
            parties[i].append(s.name)
        else:
            i = len(parties)
            parties.append([s.name])
            countries.append(set())
        if s.country:
            countries[i].add(s.country)
        out[(m.article_id, m.idx)] = i
    known = set().union(*countries) if countries else set()
    by_country: dict[str, int] = {}
    for m, s in described:
        if s.country is None or s.country in known or not known:
            continue  # could be any of the named speakers (or there is no named one to differ from)
        if s.country not in by_country:
            by_country[s.country] = len(parties) + len(by_country)
        out[(m.article_id, m.idx)] = by_country[s.country]
    return out


@dataclass
class Conflict:
    """A mention whose quotation other articles give to a different speaker."""

    mention: QuoteRow
    speaker: str
    others: list[tuple[QuoteRow, str]]  # (mention in another article, its speaker)
    minority: bool  # its party is not the one most articles name


def conflicts(q: Quotation, parties: dict[tuple[str, int], int] | None = None) -> list[Conflict]:
    """The mentions of a quotation in conflict over its speaker (module docstring); ``parties`` is
    :func:`speaker_parties` of its mentions when the caller has it."""
    if q.canonical.words < CONFLICT_MIN_WORDS:
        return []
    mentions = q.mentions
    parties = speaker_parties(mentions) if parties is None else parties
    if len(set(parties.values())) < 2:
        return []
    labels = {(m.article_id, m.idx): _label(m) for m in mentions}
    articles: dict[int, set[str]] = defaultdict(set)
    for (aid, _), p in parties.items():
        articles[p].add(aid)
    sizes = sorted((len(a) for a in articles.values()), reverse=True)
    top = sizes[0] if len(sizes) < 2 or sizes[0] > sizes[1] else None
    out: list[Conflict] = []
    for m in mentions:
        key = (m.article_id, m.idx)
        if key not in parties:
            continue
        p = parties[key]
        others = [(o, labels[(o.article_id, o.idx)]) for o in mentions
                  if (o.article_id, o.idx) in parties and parties[(o.article_id, o.idx)] != p
                  and o.article_id != m.article_id]
        if others:
            out.append(Conflict(m, labels[key], others, top is None or len(articles[p]) != top))
    return out


def _label(m: QuoteRow) -> str:
    name = m.speaker_name or m.speaker_text or m.speaker_actor or "?"
    return f"{name} ({m.speaker_actor})" if m.speaker_actor and m.speaker_actor not in name else name


def speaker_counts(mentions: Sequence[QuoteRow], parties: dict[tuple[str, int], int] | None = None
                   ) -> list[dict[str, Any]]:
    """The speakers named, each with its actor code and how many mentions name it; names of one
    person count together, under the fullest name."""
    parties = speaker_parties(mentions) if parties is None else parties
    groups: dict[Any, list[QuoteRow]] = defaultdict(list)
    for m in mentions:
        s = speaker_of(m)
        if s is None:
            continue
        key = parties.get((m.article_id, m.idx), ("described", s.label.lower()))
        groups[key].append(m)
    out = []
    for ms in groups.values():
        names = Counter(m.speaker_name or m.speaker_text for m in ms)
        name = max(names, key=lambda n: (len(_name_words(n or "")), names[n], -len(n or "")))
        actors = Counter(m.speaker_actor for m in ms if m.speaker_actor)
        out.append({"name": name, "actor": actors.most_common(1)[0][0] if actors else None, "n": len(ms)})
    out.sort(key=lambda s: (-s["n"], s["name"] or ""))
    return out
