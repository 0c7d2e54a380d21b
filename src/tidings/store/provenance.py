"""Where a piece came from: reworded (spun) copies and stitched articles, shown against the
articles already seen.

A content farm takes wire reports it did not write, swaps words for synonyms ("Russia" ->
"Russian Federation", "said" -> "stated") and glues paragraphs of two or three of them
together.  Against a corpus that holds those reports, every reworded sentence still lines up
with its original, word for word, except where a word was swapped.  :class:`ProvenanceIndex`
finds those originals:

1. **Candidates** (sub-quadratic): each sentence of at least ``MIN_WORDS`` words is reduced to
   the set of its content words (stop words out), which survives a swap of a few words much
   better than word n-grams do; a MinHash LSH index over those sets proposes stored sentences
   that share enough of them.
2. **Alignment**: a token alignment (``difflib``) of the two sentences must cover at least
   ``ALIGNED_SHARE`` of both, and every difference must be a short swap (a few words for a few
   words), not an inserted clause.  The swaps are the substitution pairs shown as evidence.
3. **Direction**: a spinner trades the usual news word for a rarer one.  Of two aligned
   articles, the one whose side of the swaps is rarer in English (``wordfreq``) is the spun copy;
   an article aligned with swaps that go the other way is the original of a copy seen earlier,
   which is no fault of its own.
4. **Stitching**: the paragraphs of an article that line up with two or more different stored
   articles are listed paragraph by paragraph.

The index keeps at most ``max_sentences`` sentences (oldest articles leave first), so a batch of
any length runs in bounded memory.
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict, defaultdict
from typing import Any
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from tidings.model import Analysis, Provenance, SpunFrom, StitchedFrom
from tidings.store.dedup import sentence_spans

MIN_WORDS = 8  # sentences shorter than this are too common to tell anything
NUM_PERM = 64
LSH_THRESHOLD = 0.2  # candidate generation on content-word sets
ALIGNED_SHARE = 0.5  # share of each sentence's tokens the alignment must cover
MAX_SWAP = 4  # words on either side of one substitution
MIN_SENTENCES = 2  # aligned sentences before an article counts as a source ...
LONG_SENTENCE = 15  # ... or one sentence of this many words
RARER_BY = 0.25  # mean Zipf frequency by which the spun side's words are rarer

_TOKEN = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)

#: function words: what a spinner leaves alone and what says nothing about provenance
STOP = frozenset(
    """a an the and or but nor so yet of in on at to for from with by as into onto upon about
    over under after before during since until than then that this these those there here it its
    he him his she her they them their we us our you your i me my be is are was were been being
    has have had do does did will would shall should can could may might must not no also only
    just more most less very much many some any all each both other such what which who whom whose
    when where why how if while because though although up down out off again further once""".split()
)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a word is in English (Zipf scale, 0 for unknown words)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    return float(zipf_frequency(word, "en"))


@dataclass
class _Sentence:
    article: str
    index: int
    start: int
    end: int
    words: list[str]  # as written
    lower: list[str]


@dataclass
class _Article:
    id: str
    title: str | None
    text: str
    sentences: list[_Sentence]
    paragraphs: list[tuple[int, int]]


@dataclass
class Alignment:
    """One sentence of a new article lined up with a stored one."""

    new: _Sentence
    old: _Sentence
    swaps: list[tuple[str, str]]  # (stored words, new words)
    covered: float


def align(a: list[str], b: list[str]) -> tuple[float, list[tuple[int, int, int, int]]] | None:
    """The share of both token lists an alignment covers and its substitutions (index ranges in
    ``a`` and ``b``), or None when they differ by more than swapped words."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    same = 0
    swaps: list[tuple[int, int, int, int]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            same += i2 - i1
        elif op == "replace":
            if i2 - i1 > MAX_SWAP or j2 - j1 > MAX_SWAP:
                return None
            swaps.append((i1, i2, j1, j2))
        elif (i2 - i1) > 2 or (j2 - j1) > 2:  # an inserted or dropped clause: not a reworded copy
            return None
    share = min(same / len(a), same / len(b)) if a and b else 0.0
    return (share, swaps) if share >= ALIGNED_SHARE else None


def _signature(words: list[str]) -> set[str]:
    return {w for w in words if len(w) > 2 and w not in STOP}


class ProvenanceIndex:
    """Articles seen so far, by sentence, for finding what a new article was made from."""

    def __init__(self, max_sentences: int = 400_000) -> None:
        self.max_sentences = max_sentences
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.sentences: dict[str, _Sentence] = {}
        self.articles: OrderedDict[str, _Article] = OrderedDict()

    def __len__(self) -> int:
        return len(self.articles)

    # ------------------------------------------------------------------ building
    def _prepare(self, article_id: str, text: str, title: str | None) -> _Article:
        sents = []
        for i, (s, e) in enumerate(sentence_spans(text)):
            words = tokens(text[s:e])
            if len(words) >= MIN_WORDS:
                sents.append(_Sentence(article_id, i, s, e, words, [w.lower() for w in words]))
        paras = _paragraphs(text)
        return _Article(article_id, title, text, sents, paras)

    @staticmethod
    def _minhashes(sents: list[_Sentence]) -> list[MinHash]:
        sets = [[w.encode("utf-8") for w in _signature(s.lower)] or [b"-"] for s in sents]
        return MinHash.bulk(sets, num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32) if sets else []

    def add(self, article_id: str, text: str, title: str | None = None) -> None:
        if article_id in self.articles:
            return
        art = self._prepare(article_id, text, title)
        self.articles[article_id] = art
        for s, mh in zip(art.sentences, self._minhashes(art.sentences)):
            key = f"{article_id}\x1f{s.index}"
            self.sentences[key] = s
            self.lsh.insert(key, mh)
        while len(self.sentences) > self.max_sentences and len(self.articles) > 1:
            _, old = self.articles.popitem(last=False)
            for s in old.sentences:
                key = f"{old.id}\x1f{s.index}"
                if self.sentences.pop(key, None) is not None:
                    self.lsh.remove(key)

    # ------------------------------------------------------------------ matching
    def match(self, article_id: str, text: str) -> Provenance | None:
        """What ``text`` was made from among the articles seen so far (itself excluded)."""
        if not self.articles:
            return None
        new = self._prepare(article_id, text, None)
        if not new.sentences:
            return None
        best: dict[int, Alignment] = {}
        for s, mh in zip(new.sentences, self._minhashes(new.sentences)):
            for key in self.lsh.query(mh):
                old = self.sentences.get(key)
                if old is None or old.article == article_id:
                    continue
                got = align(old.lower, s.lower)
                if got is None:
                    continue
                share, ops = got
                if s.index in best and best[s.index].covered >= share:
                    continue
                best[s.index] = Alignment(s, old, _swaps(old.words, s.words, ops), share)
        # second pass: once an article is known to be a source, its other sentences are tried
        # against the sentences still unexplained (heavily reworded ones the LSH missed)
        for src in {a.old.article for a in best.values()}:
            old_art = self.articles.get(src)
            if old_art is None:
                continue
            for s in new.sentences:
                if s.index in best:
                    continue
                mine = _signature(s.lower)
                for o in old_art.sentences:
                    if not (0.5 <= len(o.lower) / len(s.lower) <= 2.0) or len(mine & _signature(o.lower)) < 2:
                        continue
                    got = align(o.lower, s.lower)
                    if got is not None and (s.index not in best or best[s.index].covered < got[0]):
                        best[s.index] = Alignment(s, o, _swaps(o.words, s.words, got[1]), got[0])
        by_source: dict[str, list[Alignment]] = defaultdict(list)
        for a in best.values():
            by_source[a.old.article].append(a)
        spun: list[SpunFrom] = []
        sources: list[str] = []
        for src, aligned in by_source.items():
            if len(aligned) < MIN_SENTENCES and max(len(a.new.words) for a in aligned) < LONG_SENTENCE:
                continue
            swaps = [sw for a in aligned for sw in a.swaps]
            direction = _direction(swaps)
            if direction == "original":
                continue  # the stored article is the reworded one: this is its original
            sources.append(src)
            if not swaps or direction != "spun":
                continue
            old = self.articles.get(src)
            chars = sum(a.new.end - a.new.start for a in aligned)
            spun.append(SpunFrom(
                article_id=src,
                title=old.title if old is not None else None,
                share=round(chars / max(1, len(text.strip())), 3),
                substitutions=_pairs(swaps),
                sentences=[{"start": a.new.start, "end": a.new.end,
                            "original": (old.text[a.old.start:a.old.end] if old is not None else "")}
                           for a in sorted(aligned, key=lambda a: a.new.start)],
            ))
        stitched: list[StitchedFrom] = []
        if len(sources) >= 2:
            for p, (ps, pe) in enumerate(new.paragraphs):
                votes: dict[str, int] = defaultdict(int)
                for a in best.values():
                    if a.old.article in sources and ps <= a.new.start < pe:
                        votes[a.old.article] += a.new.end - a.new.start
                if votes:
                    src = max(votes, key=lambda k: votes[k])
                    stitched.append(StitchedFrom(paragraph=p, start=ps, end=pe, article_id=src))
            if len({s.article_id for s in stitched}) < 2:
                stitched = []
        if not spun and not stitched:
            return None
        spun.sort(key=lambda s: -s.share)
        return Provenance(spun_from=spun, stitched_from=stitched)


def _swaps(old: list[str], new: list[str], ops: list[tuple[int, int, int, int]]) -> list[tuple[str, str]]:
    """The substitutions of an alignment, word by word where both sides have as many words
    ("new talks" -> "fresh negotiations" is two swaps), else as phrases ("Russia" -> "Russian
    Federation")."""
    out: list[tuple[str, str]] = []
    for i1, i2, j1, j2 in ops:
        if i2 - i1 == j2 - j1:
            out.extend((old[i1 + k], new[j1 + k]) for k in range(i2 - i1))
        else:
            out.append((" ".join(old[i1:i2]), " ".join(new[j1:j2])))
    return out


def _pairs(swaps: list[tuple[str, str]]) -> list[list[str]]:
    """Distinct substitution pairs, most frequent first."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for a, b in swaps:
        if a.lower() != b.lower():
            counts[(a, b)] += 1
    return [[a, b] for (a, b), _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def _direction(swaps: list[tuple[str, str]]) -> str:
    """``spun`` when the new side's words are rarer than the stored side's (a spinner's
    trade), ``original`` when the stored side's are, ``copy`` when neither tells."""
    olds = [w.lower() for a, _ in swaps for w in a.split() if w.isalpha()]
    news = [w.lower() for _, b in swaps for w in b.split() if w.isalpha()]
    if not olds or not news:
        return "copy"
    diff = sum(zipf(w) for w in olds) / len(olds) - sum(zipf(w) for w in news) / len(news)
    if diff >= RARER_BY:
        return "spun"
    if diff <= -RARER_BY:
        return "original"
    return "copy"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            start = pos + (len(block) - len(block.lstrip()))
            out.append((start, pos + len(block.rstrip())))
        pos += len(block)
    return out


class BatchProvenance:
    """Provenance within a stream of analyses (``tidings analyze`` on a batch): each article is
    matched against the ones before it, its reliability re-scored with what was found, then
    remembered for the ones after it."""

    def __init__(self, index: ProvenanceIndex | None = None) -> None:
        self.index = index or ProvenanceIndex()
        self._seen: dict[str, int] = {}

    def observe(self, analysis: Analysis, key: str | None = None) -> Analysis:
        """Match, re-score and remember one analysis; ``key`` names it in later provenance (a
        store's article id; by default the input id)."""
        from tidings.reliability import origins
        from tidings.reliability.score import combine

        art = analysis.article
        if key is None:
            key = str(analysis.id if analysis.id is not None else "article")
            n = self._seen.get(key, 0)
            self._seen[key] = n + 1
            if n:
                key = f"{key}#{n + 1}"  # the same id twice in one batch
        prov = self.index.match(key, art.text)
        if prov is not None:
            analysis.provenance = prov
            analysis.reliability = combine(list(analysis.findings) + origins.detect(art, prov))
        self.index.add(key, art.text, art.title)
        return analysis


def load_index(conn: Any, max_sentences: int = 400_000) -> ProvenanceIndex:
    """An index of a store's articles, newest last (the newest ones are kept when the store
    holds more sentences than the index may)."""
    index = ProvenanceIndex(max_sentences=max_sentences)
    for aid, title, text in conn.execute(
            "SELECT article_id, title, text FROM articles ORDER BY seq").fetchall():
        index.add(aid, text or "", title)
    return index
