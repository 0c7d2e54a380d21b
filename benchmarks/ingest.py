"""Ingest benchmark: throughput, store size, and dedup accuracy on planted copies.

Part 1 (full pipeline): N articles made by recombining paragraphs of examples/ with varied country
names and dates (and some syndicated copies) are ingested with the real Analyzer; prints
articles/s, the DuckDB size, and the time of a second, no-op run.

Part 2 (dedup alone): M articles of generated sentences (example sentences with every third word
swapped, so unrelated articles share no phrasing), with planted near-duplicate copies (one
sentence replaced, one word changed) and planted copied sentences (verbatim or one word changed)
from earlier articles.  They are ingested without NLP, which times the store and the dedup step,
and every detection is scored against the planted truth: a copied-sentence row is right when its
source article really holds the sentence it came from.

    .venv/bin/python benchmarks/ingest.py --n 1000 --dedup-n 10000
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.ingest.sources import Failure, Item  # noqa: E402
from tidings.model import Analysis, Article  # noqa: E402
from tidings.store import connect, ingest, read_sources  # noqa: E402
from tidings.store import dedup as dedup_mod  # noqa: E402

COUNTRIES = ["France", "Germany", "Kenya", "Brazil", "India", "Japan", "Egypt", "Chile", "Poland", "Canada",
             "Nigeria", "Vietnam", "Peru", "Turkey", "Ghana", "Norway", "Mexico", "Spain", "Iran", "Qatar"]
_COUNTRY_RE = re.compile(r"\b(Indonesia|Malaysia|Nigeria|Guinea-Bissau|Congo|Sudan|Colombia|Somalia|Mongolia|"
                         r"Moldova|Japan|South Korea|Kenya|Vietnam|Philippines|United States|Russia|Britain)\b")


class PassThrough:
    """An analyzer that keeps the article and finds nothing: isolates the store and dedup."""

    def stream(self, items: Iterable[Item], batch_size: int = 16) -> Iterator[Analysis | Failure]:
        for it in items:
            yield it if isinstance(it, Failure) else Analysis(id=it.id, article=it)


def example_bodies() -> list[str]:
    return [a.text for a in read_sources([str(ROOT / "examples")]) if isinstance(a, Article)]


def recombined(n: int, rng: random.Random) -> list[Article]:
    paras = [p for body in example_bodies() for p in body.split("\n\n") if len(p) > 60]
    out: list[Article] = []
    for i in range(n):
        if out and rng.random() < 0.1:  # a syndicated copy of an earlier story under another outlet
            src = rng.choice(out)
            out.append(Article(id=f"a{i}", text=src.text, published=src.published, source=f"Outlet {i % 37}",
                               url=f"https://outlet{i % 37}.example/{i}"))
            continue
        swap = dict(zip(["Indonesia", "Malaysia", "Nigeria", "Sudan"], rng.sample(COUNTRIES, 4)))
        body = "\n\n".join(rng.sample(paras, rng.randint(4, 7)))
        body = _COUNTRY_RE.sub(lambda m: swap.get(m.group(0), rng.choice(COUNTRIES)), body)
        out.append(Article(id=f"a{i}", text=f"Report {i}: " + body, published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                           source=f"Outlet {i % 37}", url=f"https://outlet{i % 37}.example/{i}"))
    return out


def part1(n: int, rng: random.Random, workdir: Path) -> None:
    from tidings.pipeline import Analyzer

    arts = recombined(n, rng)
    db = workdir / "bench.duckdb"
    analyzer = Analyzer()
    conn = connect(db)
    t0 = time.perf_counter()
    rep = ingest(conn, arts, analyzer)
    dt = time.perf_counter() - t0
    conn.close()
    size = db.stat().st_size
    conn = connect(db)
    t1 = time.perf_counter()
    again = ingest(conn, arts, analyzer)
    dt2 = time.perf_counter() - t1
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    print(f"[full pipeline] {n} inputs: {rep.counts.new} new, {rep.counts.duplicate} duplicate, "
          f"{rep.counts.failed} failed in {dt:.1f} s = {n / dt:.1f} articles/s; "
          f"store {size / 1_048_576:.1f} MB ({size / max(stored, 1) / 1024:.1f} KB/article)")
    print(f"[full pipeline] re-run: {again.counts.new} new, {again.counts.duplicate} duplicate in {dt2:.2f} s; "
          f"articles stored {stored}")


# --- part 2: dedup accuracy -----------------------------------------------------------------------


def sentence_pool() -> tuple[list[list[str]], list[str]]:
    pool: list[list[str]] = []
    vocab: set[str] = set()
    for body in example_bodies():
        for s, e in dedup_mod.sentence_spans(body):
            toks = re.findall(r"[A-Za-z]+", body[s:e])
            vocab.update(t.lower() for t in toks)
            if len(toks) >= 12:
                pool.append(toks)
    return pool, sorted(vocab)


class Gen:
    """Generated sentences, each with a uid that travels with its copies."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pool, self.vocab = sentence_pool()
        self.next_uid = 0

    def fresh(self) -> tuple[int, str]:
        # every third word is swapped, so no word 3-shingle of the pool sentence survives and unrelated
        # generated sentences share no phrasing by construction
        r = self.rng.randrange(3)
        toks = [self.rng.choice(self.vocab) if i % 3 == r else t for i, t in enumerate(self.rng.choice(self.pool))]
        self.next_uid += 1
        return self.next_uid, " ".join(toks).capitalize() + "."

    def tweak(self, sent: str) -> str:
        toks = sent[:-1].split(" ")
        i = self.rng.randrange(1, len(toks))
        toks[i] = self.rng.choice(self.vocab)
        return " ".join(toks) + "."


def build(sents: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int, int]]]:
    """Text of sentences in paragraphs of three, and (start, end, uid) of each sentence."""
    text, spans = "", []
    for i, (uid, s) in enumerate(sents):
        if text:
            text += "\n\n" if i % 3 == 0 else " "
        spans.append((len(text), len(text) + len(s), uid))
        text += s
    return text, spans


def part2(m: int, rng: random.Random, workdir: Path) -> None:
    gen = Gen(rng)
    arts: list[Article] = []
    spans: dict[str, list[tuple[int, int, int]]] = {}
    near_truth: dict[str, str] = {}  # copy -> source
    root_of: dict[str, str] = {}
    for i in range(m):
        aid = f"d{i}"
        date = f"2024-01-{1 + (i * 28) // m:02d}"
        bases = [a for a in arts if a.id not in near_truth]
        if bases and rng.random() < 0.1:  # a near-duplicate copy
            src = rng.choice(arts[-2000:])
            sents = [(uid, spans_text(arts_by[src.id], a, b)) for a, b, uid in spans[src.id]]
            j = rng.randrange(len(sents))
            sents[j] = gen.fresh()
            k = (j + 1) % len(sents)
            sents[k] = (sents[k][0], gen.tweak(sents[k][1]))
            near_truth[aid] = src.id
            root_of[aid] = root_of.get(src.id, src.id)
        else:
            sents = [gen.fresh() for _ in range(rng.randint(8, 14))]
            if bases and rng.random() < 0.1:  # copy one to three sentences from an earlier article
                src = rng.choice(arts[-2000:])
                for _ in range(rng.randint(1, 3)):
                    a, b, uid = rng.choice(spans[src.id])
                    s = spans_text(arts_by[src.id], a, b)
                    sents.insert(rng.randrange(len(sents) + 1), (uid, s if rng.random() < 0.5 else gen.tweak(s)))
        text, sp = build(sents)
        art = Article(id=aid, text=text, published=date, source=f"Outlet {i % 50}")
        arts.append(art)
        arts_by[aid] = art
        spans[aid] = sp

    # truth: each (article, uid) whose uid appeared in an earlier article
    holders: dict[int, set[str]] = {}
    truth: set[tuple[str, int]] = set()
    for a in arts:
        for _, _, uid in spans[a.id]:
            if holders.get(uid):
                truth.add((a.id, uid))
        for _, _, uid in spans[a.id]:
            holders.setdefault(uid, set()).add(a.id)

    db = workdir / "dedup.duckdb"
    conn = connect(db)
    timing = {"dedup": 0.0}
    original = dedup_mod.Deduper.add_batch

    def timed(self, c, docs):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return original(self, c, docs)
        finally:
            timing["dedup"] += time.perf_counter() - t

    dedup_mod.Deduper.add_batch = timed  # type: ignore[method-assign]
    t0 = time.perf_counter()
    ingest(conn, arts, PassThrough(), batch_size=256)
    dt = time.perf_counter() - t0
    dedup_mod.Deduper.add_batch = original  # type: ignore[method-assign]

    ids = {aid: rid for aid, rid in conn.execute("SELECT article_id, id FROM articles").fetchall()}
    found: set[tuple[str, int]] = set()
    wrong = 0
    rows = conn.execute("SELECT article_id, start, source_article_id FROM copied_sentences").fetchall()
    for aid, start, src in rows:
        rid, sid = ids[aid], ids[src]
        uid = next((u for a, b, u in spans[rid] if a <= start < b), None)
        if uid is not None and sid in holders.get(uid, set()) and (rid, uid) in truth:
            found.add((rid, uid))
        else:
            wrong += 1
    pairs = conn.execute("SELECT article_id, source_article_id FROM copies WHERE near_duplicate").fetchall()
    good_pairs = 0
    hit_copies: set[str] = set()
    for a, s in pairs:
        ra, rs = ids[a], ids[s]
        if root_of.get(ra, ra) == root_of.get(rs, rs):
            good_pairs += 1
            hit_copies.add(ra if ra in near_truth else rs)
    conn.close()
    conn = connect(db)
    t1 = time.perf_counter()
    dedup_mod.Deduper.load(conn)
    reload = time.perf_counter() - t1
    conn.close()

    planted_sents = len(truth)
    print(f"[dedup] {m} articles ({len(near_truth)} near-duplicate copies, {planted_sents} copied sentences planted) "
          f"ingested in {dt:.1f} s = {m / dt:.0f} articles/s; dedup step alone {timing['dedup']:.1f} s = "
          f"{m / timing['dedup']:.0f} articles/s")
    print(f"[dedup] copied sentences: recall {len(found) / planted_sents:.3f}, "
          f"precision {(len(rows) - wrong) / max(len(rows), 1):.3f} ({wrong} false of {len(rows)} rows)")
    print(f"[dedup] near-duplicates: recall {len(hit_copies) / max(len(near_truth), 1):.3f}, "
          f"precision {good_pairs / max(len(pairs), 1):.3f} ({len(pairs) - good_pairs} false of {len(pairs)} pairs)")
    print(f"[dedup] store {db.stat().st_size / 1_048_576:.1f} MB; rebuilding the LSH indexes on the next run {reload:.2f} s")


arts_by: dict[str, Article] = {}



def spans_text(art: Article, a: int, b: int) -> str:
    return art.text[a:b]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="articles through the full pipeline (0 to skip)")
    ap.add_argument("--dedup-n", type=int, default=10000, help="articles for the dedup accuracy run (0 to skip)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.n:
            part1(args.n, random.Random(args.seed), Path(tmp))
        if args.dedup_n:
            part2(args.dedup_n, random.Random(args.seed), Path(tmp))


if __name__ == "__main__":
    main()
