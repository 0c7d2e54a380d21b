"""Near-duplicate articles and copied sentences, found incrementally with MinHash LSH.

Two indexes are kept: one over whole articles (word 5-shingles) and one over sentences (word
3-shingles, sentences of at least ``MIN_SENTENCE_WORDS`` words).  LSH only proposes candidates;
every candidate is checked with the exact Jaccard similarity of its shingle sets, so what is stored
is measured, not estimated.  The MinHash signatures live in the store (``doc_fingerprints``,
``sentence_fingerprints``), written in the same transaction as the article, so a later run
rebuilds the indexes and carries on.

Of two matching articles the earlier is the source: the earlier publication date when both have
one, otherwise the one ingested first.
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import duckdb
import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

DOC_SHINGLE = 5
SENT_SHINGLE = 3
MIN_SENTENCE_WORDS = 8
DOC_PERM = 128
SENT_PERM = 64
SEED = 1
SCHEME = "affine32"
LSH_THRESHOLD = 0.4  # candidate generation; verification below decides
SENTENCE_MATCH = 0.5  # exact Jaccard of word 3-shingles for a copied sentence
NEAR_DUPLICATE = 0.6  # exact Jaccard of word 5-shingles for a near-duplicate article
COPIED_SHARE = 0.8  # ... or this share of the article's sentences copied from one source
PRINT_CACHE = 4096  # articles whose shingles are kept in memory for verifying candidates

_WORD = re.compile(r"\w+", re.UNICODE)
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00dd])")


#: words that end in a full stop without ending a sentence: titles before a name, initials
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Rev|Hon|Pres|Supt|Insp|"
    r"Jr|Sr|St|Ft|Mt|No|Nos|vs|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)|(?<![\w.])[A-Z]|\b(?:[A-Z]\.)+[A-Z])$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text: line breaks, then end punctuation before a capital (not after
    a title such as "Gov." or an initial)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in _BOUNDARY.finditer(line):
            if line[m.start()] == "." and _ABBREVIATION.search(line, max(0, m.start() - 24), m.start()):
                continue
            cut = pos + m.end()
            _add_span(text, start, cut, spans)
            start = cut
        _add_span(text, start, pos + len(line), spans)
        pos += len(line) + 1
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(tokens: Sequence[str], n: int) -> set[str]:
    if len(tokens) < n:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass
class Doc:
    """An article as dedup sees it."""

    article_id: str
    seq: int
    published: date | None
    text: str


@dataclass
class Sentence:
    idx: int
    start: int
    end: int
    shingles: set[str]


@dataclass
class Print:
    """An article's shingles (for exact checks) and sentences long enough to compare."""

    doc: Doc
    shingles: set[str]
    sentences: list[Sentence]

    @property
    def chars(self) -> int:
        return sum(s.end - s.start for s in self.sentences)


def fingerprint(doc: Doc) -> Print:
    sents: list[Sentence] = []
    for i, (s, e) in enumerate(sentence_spans(doc.text)):
        toks = words(doc.text[s:e])
        if len(toks) >= MIN_SENTENCE_WORDS:
            sents.append(Sentence(i, s, e, shingles(toks, SENT_SHINGLE)))
    return Print(doc, shingles(words(doc.text), DOC_SHINGLE), sents)


class _Stored:
    """A stored signature, as much of a MinHash as an LSH insert reads (cheaper than LeanMinHash)."""

    __slots__ = ("hashvalues",)
    scheme = SCHEME

    def __init__(self, blob: bytes) -> None:
        self.hashvalues = np.frombuffer(blob, dtype=np.uint32)  # the dtype fresh MinHashes have

    def __len__(self) -> int:
        return len(self.hashvalues)


@cache
def lsh_params(num_perm: int, threshold: float = LSH_THRESHOLD) -> tuple[int, int]:
    """(bands, rows per band) of the store's LSH index over ``num_perm``-value signatures: datasketch's
    own choice for ``threshold`` (equal weights of false positives and negatives).  The store's
    indexes are built with these, and the Spark job cuts the stored signatures by them, so both
    propose the same candidates: two signatures are candidates when one band of values is equal.
    Computed once per process (datasketch integrates for it on every index it builds, ~30 ms)."""
    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


def band_ranges(num_perm: int) -> list[tuple[int, int]]:
    """Byte ranges of each band in a stored signature (``_blob``: ``num_perm`` little uint32s)."""
    b, r = lsh_params(num_perm)
    return [(4 * i * r, 4 * (i + 1) * r) for i in range(b)]


def band_keys(blob: bytes, num_perm: int) -> list[tuple[int, bytes]]:
    """(band, bucket) of a stored signature in each band of the index: two signatures are LSH
    candidates exactly when they share one (the index compares a band's values for equality)."""
    return [(band, blob[start:end]) for band, (start, end) in enumerate(band_ranges(num_perm))]


def new_index(num_perm: int, threshold: float = LSH_THRESHOLD) -> MinHashLSH:
    """An empty datasketch index with the bands of ``lsh_params``."""
    return MinHashLSH(num_perm=num_perm, params=lsh_params(num_perm, threshold))


def _minhashes(sets: list[set[str]], num_perm: int) -> list[MinHash]:
    # CRC-32 of each shingle: stable across processes (the signatures are stored), and fast
    if not sets:
        return []
    return MinHash.bulk([[s.encode("utf-8") for s in st] for st in sets], num_perm=num_perm, seed=SEED,
                        hashfunc=zlib.crc32)


def _blob(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


@dataclass
class DedupRows:
    """What one batch adds to the store's dedup tables."""

    doc_fingerprints: list[dict[str, Any]] = field(default_factory=list)
    sentence_fingerprints: list[dict[str, Any]] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)
    copied_sentences: list[dict[str, Any]] = field(default_factory=list)


def _is_earlier(a: Doc, b: Doc) -> bool:
    if a.published and b.published and a.published != b.published:
        return a.published < b.published
    return a.seq < b.seq


class Deduper:
    """The two LSH indexes; ``add_batch`` stages inserts that ``rollback`` can undo."""

    def __init__(self) -> None:
        self.doc_lsh = new_index(DOC_PERM)
        self.sent_lsh = new_index(SENT_PERM)
        self._staged: list[tuple[str, list[Hashable]]] = []
        self._prints: OrderedDict[str, Print] = OrderedDict()  # recent articles' shingles, for checks

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection) -> Deduper:
        """Rebuild the indexes from the fingerprints stored by earlier runs."""
        d = cls()
        with d.doc_lsh.insertion_session() as sess:
            for aid, blob in conn.execute("SELECT article_id, minhash FROM doc_fingerprints").fetchall():
                sess.insert(aid, _Stored(blob), check_duplication=False)  # type: ignore[arg-type]
        cur = conn.execute("SELECT article_id, sentence, minhash FROM sentence_fingerprints")
        with d.sent_lsh.insertion_session() as sess:
            while rows := cur.fetchmany(20000):
                for aid, idx, blob in rows:
                    sess.insert((aid, idx), _Stored(blob), check_duplication=False)  # type: ignore[arg-type]
        return d

    def commit(self) -> None:
        self._staged.clear()

    def _remember(self, p: Print) -> None:
        self._prints[p.doc.article_id] = p
        self._prints.move_to_end(p.doc.article_id)
        while len(self._prints) > PRINT_CACHE:
            self._prints.popitem(last=False)

    def _lookup(self, conn: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, Print]:
        out = {i: self._prints[i] for i in ids if i in self._prints}
        for p in _load_prints(conn, ids - out.keys()).values():
            out[p.doc.article_id] = p
            self._remember(p)
        return out

    def rollback(self) -> None:
        """Take out what the failed batch inserted, so memory matches the store again."""
        for aid, keys in self._staged:
            if aid in self.doc_lsh.keys:
                self.doc_lsh.remove(aid)
            for k in keys:
                if k in self.sent_lsh.keys:
                    self.sent_lsh.remove(k)
        self._staged.clear()
        self._prints.clear()

    def add_batch(self, conn: duckdb.DuckDBPyConnection, docs: Sequence[Doc]) -> DedupRows:
        """Index a batch (in order) and return the fingerprints and copy relations it brings."""
        prints = [fingerprint(d) for d in docs]
        doc_mh = _minhashes([p.shingles for p in prints], DOC_PERM)
        sent_sets = [s.shingles for p in prints for s in p.sentences]
        sent_mh = iter(_minhashes(sent_sets, SENT_PERM))
        rows = DedupRows()
        local: dict[str, Print] = {}
        pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for p, dmh in zip(prints, doc_mh):
            aid = p.doc.article_id
            for cand in self.doc_lsh.query(dmh):
                if cand != aid:
                    pairs.setdefault((aid, cand), [])
            keys: list[Hashable] = []
            lean_sents: list[tuple[Sentence, LeanMinHash]] = []
            for s in p.sentences:
                mh = next(sent_mh)
                for cand_aid, cand_idx in self.sent_lsh.query(mh):
                    if cand_aid != aid:
                        pairs[(aid, cand_aid)].append((s.idx, cand_idx))
                lean_sents.append((s, LeanMinHash(mh)))
            # index after querying, so an article never matches itself; later ones in the batch see it
            self.doc_lsh.insert(aid, LeanMinHash(dmh), check_duplication=False)
            for s, lmh in lean_sents:
                self.sent_lsh.insert((aid, s.idx), lmh, check_duplication=False)
                keys.append((aid, s.idx))
                rows.sentence_fingerprints.append(
                    {"article_id": aid, "sentence": s.idx, "start": s.start, "end": s.end, "minhash": _blob(lmh)}
                )
            self._staged.append((aid, keys))
            rows.doc_fingerprints.append({"article_id": aid, "minhash": _blob(dmh)})
            local[aid] = p
            self._remember(p)
        stored = self._lookup(conn, {c for _, c in pairs if c not in local})
        for (aid, cand), sent_pairs in pairs.items():
            other = local.get(cand) or stored.get(cand)
            if other is not None:
                _compare(local[aid], other, sent_pairs, rows)
        return rows


def _load_prints(conn: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, Print]:
    ids = sorted(ids)
    out: dict[str, Print] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        res = conn.execute(
            "SELECT article_id, seq, published, text FROM articles WHERE article_id IN (SELECT unnest(?))", [chunk]
        ).fetchall()
        for aid, seq, published, text in res:
            out[aid] = fingerprint(Doc(aid, seq, published, text))
    return out


def _compare(new: Print, cand: Print, sent_pairs: list[tuple[int, int]], rows: DedupRows) -> None:
    """Verify a candidate pair exactly and record who copies whom, sentence by sentence."""
    copier, source = (cand, new) if _is_earlier(new.doc, cand.doc) else (new, cand)
    swap = copier is cand
    by_idx_new = {s.idx: s for s in new.sentences}
    by_idx_cand = {s.idx: s for s in cand.sentences}
    best: dict[int, tuple[float, Sentence, Sentence]] = {}
    for n_idx, c_idx in set(sent_pairs):
        ns, cs = by_idx_new.get(n_idx), by_idx_cand.get(c_idx)
        if ns is None or cs is None:
            continue
        sim = jaccard(ns.shingles, cs.shingles)
        if sim < SENTENCE_MATCH:
            continue
        mine, theirs = (cs, ns) if swap else (ns, cs)
        if mine.idx not in best or sim > best[mine.idx][0]:
            best[mine.idx] = (sim, mine, theirs)
    similarity = jaccard(new.shingles, cand.shingles)
    copied_chars = sum(m.end - m.start for _, m, _ in best.values())
    share = copied_chars / copier.chars if copier.chars else 0.0
    near = similarity >= NEAR_DUPLICATE or (share >= COPIED_SHARE and len(best) >= 2)
    if not best and not near:
        return
    c_id, s_id = copier.doc.article_id, source.doc.article_id
    rows.copies.append(
        {"article_id": c_id, "source_article_id": s_id, "similarity": round(similarity, 4),
         "share": round(share, 4), "n_sentences": len(best), "near_duplicate": near}
    )
    for sim, mine, theirs in sorted(best.values(), key=lambda t: t[1].idx):
        rows.copied_sentences.append(
            {"article_id": c_id, "sentence": mine.idx, "start": mine.start, "end": mine.end,
             "source_article_id": s_id, "source_sentence": theirs.idx, "source_start": theirs.start,
             "source_end": theirs.end, "similarity": round(sim, 4)}
        )


def clusters(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Each article in a near-duplicate group -> the group's earliest-ingested article."""
    seq = dict(conn.execute(
        "SELECT article_id, seq FROM articles WHERE article_id IN "
        "(SELECT article_id FROM copies WHERE near_duplicate UNION SELECT source_article_id FROM copies WHERE near_duplicate)"
    ).fetchall())
    edges = conn.execute("SELECT article_id, source_article_id FROM copies WHERE near_duplicate").fetchall()
    return group_roots(edges, seq)


def group_roots(edges: Iterable[tuple[str, str]], seq: dict[str, int]) -> dict[str, str]:
    """Union-find over near-duplicate links: each article of ``seq`` -> the lowest-``seq`` member
    of its group (the store's rule, also used by the Spark job on the driver)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            if seq.get(ra, 0) < seq.get(rb, 0):
                ra, rb = rb, ra
            parent[ra] = rb
    return {a: find(a) for a in seq}
