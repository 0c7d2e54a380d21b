"""Fixed benchmark corpora, the same on every run and machine (seeded generators).

``make_corpus``: articles recombined from the examples' paragraphs (85 of them), so every paragraph
recurs in a large share of the articles.  That is a worst case for copy detection (2,000 articles
give some 800,000 copying pairs) and fine for timing the per-article stages.  When ``../shared/eval``
is present its reliability articles can be added (``with_shared=True``).

``make_news_corpus``: a corpus shaped like news.  Distinct real articles from ``../shared/eval``
(PolNeAR's train and dev texts, the reliability articles; read in place, never copied into the
project) interleaved with later copies of them made the ways outlets copy: reprints of a whole
story with a line of their own, excerpts of its first paragraphs, and stitched pieces of two or
three stories.  Without ``../shared`` it falls back to ``make_corpus``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_RELIABILITY = ROOT.parent / "shared" / "eval" / "reliability" / "articles-dev.jsonl"
SHARED_POLNEAR = ROOT.parent / "shared" / "eval" / "quotes" / "polnear"

#: lines the copies add, written for this corpus
_REPRINT_LINES = (
    "This report was distributed by a news agency and is republished under a syndication agreement.",
    "Additional reporting was provided by our own correspondents, who contributed to this story.",
    "The article has been lightly edited for length and style by the editors of this website.",
)


def example_paragraphs() -> list[str]:
    from tidings.ingest.sources import Failure, read_inputs

    pars: list[str] = []
    for item in read_inputs([str(EXAMPLES)]):
        if not isinstance(item, Failure):
            pars.extend(p for p in item.text.split("\n\n") if p.strip())
    return pars


def make_corpus(n: int, seed: int = 7, with_shared: bool = False) -> list[dict[str, str]]:
    """``n`` JSONL records {id, title, published, text} of 4-9 paragraphs each."""
    rng = random.Random(seed)
    pars = example_paragraphs()
    shared: list[str] = []
    if with_shared and SHARED_RELIABILITY.exists():
        for line in SHARED_RELIABILITY.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                shared.append(json.loads(line)["text"])
    out: list[dict[str, str]] = []
    for i in range(n):
        if shared and i % 4 == 3:
            text = shared[(i // 4) % len(shared)]
        else:
            text = "\n\n".join(rng.sample(pars, rng.randint(4, 9)))
        out.append({"id": f"bench-{i:05d}", "title": f"Benchmark article {i}", "published": "2021-06-01", "text": text})
    return out


def write_corpus(path: Path, n: int, seed: int = 7, with_shared: bool = False) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for rec in make_corpus(n, seed, with_shared):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def shared_articles() -> list[dict[str, str | None]]:
    """Distinct real articles from ``../shared/eval`` (empty when it is absent): title, published, text."""
    out: list[dict[str, str | None]] = []
    if SHARED_POLNEAR.exists():
        dates: dict[str, str] = {}
        meta = SHARED_POLNEAR / "metadata.tsv"
        if meta.exists():
            lines = meta.read_text(encoding="utf-8").splitlines()
            head = lines[0].split("\t") if lines else []
            if "filename" in head and "publication_date" in head:
                f, d = head.index("filename"), head.index("publication_date")
                for line in lines[1:]:
                    cells = line.split("\t")
                    if len(cells) > max(f, d):
                        dates[cells[f]] = cells[d]
        for split in ("train", "dev"):
            for path in sorted((SHARED_POLNEAR / split / "text").glob("*.txt")):
                title, _, body = path.read_text(encoding="utf-8").partition("\n")
                if body.strip():
                    out.append({"title": title.strip(), "published": dates.get(path.stem), "text": body.strip()})
    if SHARED_RELIABILITY.exists():
        for line in SHARED_RELIABILITY.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                rec = json.loads(line)
                out.append({"title": rec.get("title"), "published": None, "text": rec["text"]})
    return out


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _copy_of(rng: random.Random, emitted: list[dict[str, str | None]]) -> dict[str, str | None]:
    """A later copy of one or more already emitted originals."""
    base = rng.choice(emitted)
    pars = _paragraphs(str(base["text"]))
    kind = rng.random()
    if kind < 0.4 or len(pars) < 3:  # reprint: the whole story, maybe cut short, plus a line of ours
        keep = pars if len(pars) < 4 or rng.random() < 0.5 else pars[: len(pars) - rng.randint(1, 2)]
        text = "\n\n".join([*keep, rng.choice(_REPRINT_LINES)])
        title = base["title"]
    elif kind < 0.7:  # excerpt: the first paragraphs
        text = "\n\n".join(pars[: max(2, int(len(pars) * rng.uniform(0.4, 0.7)))])
        title = base["title"]
    else:  # stitched: runs of paragraphs from two or three stories
        chunks = []
        for src in [base, *rng.sample(emitted, min(len(emitted), rng.randint(1, 2)))]:
            sp = _paragraphs(str(src["text"]))
            start = rng.randrange(len(sp))
            chunks.extend(sp[start : start + rng.randint(2, 4)])
        text = "\n\n".join(chunks)
        title = f"{base['title']} (roundup)"
    return {"title": title, "published": base["published"], "text": text}


def make_news_corpus(n: int, seed: int = 7, copy_share: float = 0.15) -> list[dict[str, str]]:
    """``n`` JSONL records {id, title, text, published when known}: originals and, at least ``copy_share`` of
    them, later copies of originals (more when there are fewer originals than ``n``)."""
    originals = shared_articles()
    if not originals:
        return make_corpus(n, seed)
    rng = random.Random(seed)
    rng.shuffle(originals)
    share = max(copy_share, 1 - len(originals) / n)
    emitted: list[dict[str, str | None]] = []
    out: list[dict[str, str]] = []
    next_original = 0
    for i in range(n):
        copy = emitted and (next_original >= len(originals) or rng.random() < share)
        if copy:
            rec = _copy_of(rng, emitted)
        else:
            rec = originals[next_original]
            next_original += 1
            emitted.append(rec)
        row = {"id": f"news-{i:05d}", "title": str(rec["title"] or f"Article {i}"), "text": str(rec["text"])}
        if rec["published"]:
            row["published"] = str(rec["published"])
        out.append(row)
    return out


def write_news_corpus(path: Path, n: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for rec in make_news_corpus(n, seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
