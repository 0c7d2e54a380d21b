"""Provenance benchmark: planted spun and stitched copies in a corpus of 10,000 articles.

    .venv/bin/python benchmarks/provenance.py                          # 10,000 articles, family tune
    .venv/bin/python benchmarks/provenance.py --family locked          # the style family nobody tunes on
    .venv/bin/python benchmarks/provenance.py --total 2000 --copies 300

What it measures is the issue's "the copy's record names its originals and lists the substituted
word pairs".  The corpus, all read in place from ``../shared/eval`` (never copied into the
repository):

- **originals**: the real articles of ``content_farm.py`` (PolNeAR train and dev, the reliable Horne
  articles) and the other reliability articles, 60 words and 2 paragraphs or more;
- **copies** (``--copies``, default 1,000, at most one per original): made by ``manipulate.py``
  (``--family``), each spun, stitched from 1-2 donors, or both (a third each);
- **filler** up to ``--total``: articles of 8-20 sentences of the originals' words drawn at random
  (as many words as a real sentence has), so they share the originals' vocabulary but no sentence
  a copy could be aligned with.

As in a store, the originals and the filler are indexed first, then each copy is matched
(``ProvenanceIndex.match``, the code ``tidings ingest`` and ``tidings analyze`` run) and added.
Printed:

- **original named**: the share of copies whose provenance names their own original (for a spun
  copy in ``spun_from``, for a stitched one in ``stitched_from`` or ``spun_from``), and of stitched
  copies whose every donor is named;
- **substitution pairs** of the spun copies: the share of planted (original, replacement) pairs
  listed, and the share of listed pairs that were not planted (a listed pair is right when it is a
  planted pair, or planted pairs that stood next to each other; case and a leading article aside);
- **wrong sources**: named articles that are neither the copy's original nor one of its donors
  (nor an earlier copy made from one of them, which holds the same text);
- **links among the originals** and **false links**: of 1,000 originals and 1,000 filler articles
  matched against everything else before the copies came in, the share given any provenance (the
  originals are real news and some do share passages: the ids are shown to check by hand);
- the time to index and to match one article.

Without ``../shared/eval`` it prints a note and exits 0.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_farm import DEFAULT_DATA, load_horne, load_polnear, usable  # noqa: E402
from manipulate import FAMILIES, manipulate_one  # noqa: E402

from tidings.store.provenance import ProvenanceIndex  # noqa: E402

_ARTICLES = {"the", "a", "an"}
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def load_reliability(data: Path) -> list[dict[str, Any]]:
    import json

    path = data / "reliability" / "articles-dev.jsonl"
    out = []
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if not (r.get("label") == "reliable" and r.get("dataset") == "horne"):
                    out.append({"id": str(r["id"]), "title": r.get("title"), "text": (r.get("text") or "").strip()})
    return out


def originals(data: Path) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for rec in load_polnear(data) + load_horne(data) + load_reliability(data):
        key = rec["text"][:200]
        if usable(rec) and key not in seen:
            seen.add(key)
            out.append(rec)
    return out


def filler(recs: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """Articles of the originals' words in random order, sentence by sentence as long as theirs:
    the corpus's vocabulary and its mix of common and rare words, no sentence to align with."""
    rng = random.Random(f"provenance-filler|{seed}")
    sentences = [s for r in recs for s in _SENT.split(r["text"].replace("\n", " ")) if len(s.split()) >= 8]
    words = [w for s in sentences for w in s.split()]
    out = []
    for i in range(n):
        body = [" ".join(rng.choices(words, k=len(s.split()))) + "." for s in rng.sample(sentences, rng.randint(8, 20))]
        paras = [" ".join(body[j:j + 3]) for j in range(0, len(body), 3)]
        out.append({"id": f"filler-{i:05d}", "title": None, "text": "\n\n".join(paras)})
    return out


def _norm(phrase: str) -> list[str]:
    toks = re.findall(r"\w+(?:['’.]\w+)*", phrase.lower())
    while toks and toks[0] in _ARTICLES:
        toks = toks[1:]
    return toks


def _trim(a: list[str], b: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A pair without the words both sides share at their start and end."""
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    return tuple(a), tuple(b)


def _composed(a: tuple[str, ...], b: tuple[str, ...], planted: set[tuple[tuple[str, ...], tuple[str, ...]]]) -> bool:
    """Whether (a, b) is one planted pair or planted pairs that stood side by side."""
    if not a and not b:
        return True
    for pa, pb in planted:
        if pa and a[: len(pa)] == pa and b[: len(pb)] == pb and (len(pa), len(pb)) != (0, 0):
            if _composed(a[len(pa):], b[len(pb):], planted):
                return True
    return False


def score_pairs(listed: list[list[str]], planted: list[list[str]]) -> tuple[int, int, int, int]:
    """(planted pairs found, planted pairs, listed pairs right, listed pairs)."""
    want = {_trim(_norm(a), _norm(b)) for a, b in planted}
    want = {p for p in want if p[0] != p[1]}
    got = {_trim(_norm(a), _norm(b)) for a, b in listed}
    got = {p for p in got if p[0] != p[1]}
    found = 0
    for pa, pb in want:
        if (pa, pb) in got or any(_contains(g, (pa, pb)) for g in got):
            found += 1
    right = sum(1 for g in got if g in want or _composed(g[0], g[1], want))
    return found, len(want), right, len(got)


def _contains(listed: tuple[tuple[str, ...], tuple[str, ...]], pair: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """A listed pair that holds the planted one among side-by-side swaps."""
    a, b = listed
    pa, pb = pair
    return bool(pa) and bool(pb) and _sub(a, pa) and _sub(b, pb) and (len(a), len(b)) != (len(pa), len(pb))


def _sub(seq: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(seq[i:i + n] == part for i in range(len(seq) - n + 1))


def named(prov: Any) -> set[str]:
    if prov is None:
        return set()
    return ({s.article_id for s in prov.spun_from} | {s.article_id for s in prov.stitched_from}
            | {u.article_id for u in prov.unquoted})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Planted spun and stitched copies: are their originals named?")
    ap.add_argument("--family", choices=FAMILIES, default="tune")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--total", type=int, default=10_000, help="articles in the corpus, copies and filler included")
    ap.add_argument("--copies", type=int, default=1000, help="planted copies (at most one per original)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} is not present (the shared eval data)")
        return 0
    origs = originals(args.data)
    if len(origs) < 10:
        print(f"skipped: only {len(origs)} usable originals under {args.data}")
        return 0
    rng = random.Random(f"provenance|{args.seed}")
    chosen = rng.sample(origs, min(args.copies, len(origs)))
    copies = []
    for i, rec in enumerate(chosen):
        kinds = (["spin"], ["stitch"], ["stitch", "spin"])[i % 3]
        donors = [o for o in rng.sample(origs, 8) if o["id"] != rec["id"]]
        c = manipulate_one(rec, donors, args.seed, args.family, kinds)
        if c["kinds"]:
            copies.append(c)
    n_fill = max(0, args.total - len(origs) - len(copies))
    fill = filler(origs, n_fill, args.seed)
    print(f"provenance: family {args.family}, seed {args.seed}; {len(origs)} originals + {len(fill)} filler + "
          f"{len(copies)} copies = {len(origs) + len(fill) + len(copies)} articles "
          f"(spun {sum('spin' in c['kinds'] for c in copies)}, stitched {sum('stitch' in c['kinds'] for c in copies)})")
    if args.family == "locked":
        print("locked family: read the figures only; do not inspect the copies or tune against them")

    index = ProvenanceIndex(max_sentences=2_000_000)
    t0 = time.perf_counter()
    for rec in origs + fill:
        index.add(rec["id"], rec["text"], rec.get("title"))
    t_index = time.perf_counter() - t0

    probe_o = rng.sample(origs, min(1000, len(origs)))
    probe_f = rng.sample(fill, min(1000, len(fill)))
    t0 = time.perf_counter()
    linked_o = [rec["id"] for rec in probe_o if index.match(rec["id"], rec["text"]) is not None]
    linked_f = sum(1 for rec in probe_f if index.match(rec["id"], rec["text"]) is not None)
    t_probe = time.perf_counter() - t0
    probe = probe_o + probe_f

    named_orig = spun_named = spun_n = stitch_n = donors_all = 0
    found = planted = right = listed = 0
    wrong_sources = sources = 0
    made: dict[str, set[str]] = {}
    t0 = time.perf_counter()
    for c in copies:
        prov = index.match(c["id"], c["text"])
        index.add(c["id"], c["text"], c.get("title"))
        names = named(prov)
        donors = {s["from"] for s in c["stitched"]}
        allowed = {c["original_id"]} | donors
        # an earlier copy made from the same articles holds the same text: naming it is right
        allowed |= {cid for cid, made_from in made.items() if made_from & allowed}
        made[c["id"]] = {c["original_id"]} | donors
        sources += len(names)
        wrong_sources += len(names - allowed)
        if c["original_id"] in names:
            named_orig += 1
        if "spin" in c["kinds"]:
            spun_n += 1
            spun_ids = {s.article_id for s in prov.spun_from} if prov else set()
            spun_named += c["original_id"] in spun_ids
            pairs = [p for s in (prov.spun_from if prov else []) for p in s.substitutions]
            f, p_, r, l_ = score_pairs(pairs, c["substitutions"])
            found, planted, right, listed = found + f, planted + p_, right + r, listed + l_
        if "stitch" in c["kinds"]:
            stitch_n += 1
            got = {s.article_id for s in prov.stitched_from} if prov else set()
            donors_all += bool(donors) and donors <= got
    t_copies = time.perf_counter() - t0

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.3f}" if b else "n/a"

    print(f"  original named in the copy's record:   {pct(named_orig, len(copies))}")
    print(f"    spun copies, in spun_from:           {pct(spun_named, spun_n)}")
    print(f"    stitched copies, every donor named:  {pct(donors_all, stitch_n)}")
    print(f"  substitution pairs listed (recall):    {pct(found, planted)}")
    print(f"  listed pairs not planted (wrong):      {pct(listed - right, listed)}")
    print(f"  wrong sources named:                   {pct(wrong_sources, sources)}")
    print(f"  links among the originals:             {pct(len(linked_o), len(probe_o))}"
          + (f" ({', '.join(linked_o[:4])}{' ...' if len(linked_o) > 4 else ''})" if linked_o else ""))
    print(f"  false links (filler):                  {pct(linked_f, len(probe_f))}")
    print(f"  index {len(origs) + len(fill)} articles: {t_index:.1f} s; match: "
          f"{1000 * t_probe / max(1, len(probe)):.1f} ms/article (clean), "
          f"{1000 * t_copies / max(1, len(copies)):.1f} ms/article (copies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
