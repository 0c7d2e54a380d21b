"""A fixed benchmark corpus made from the project's own example articles.

Articles are recombined from the examples' paragraphs with a seeded generator, so every run and
every machine gets the same texts.  When ``../shared/eval`` is present its reliability articles can
be added (``with_shared=True``).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_RELIABILITY = ROOT.parent / "shared" / "eval" / "reliability" / "articles-dev.jsonl"


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
