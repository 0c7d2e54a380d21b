"""Throughput on one core: the spaCy pipeline alone vs the whole `tidings analyze` path.

    .venv/bin/python benchmarks/throughput.py [--n 400]

Both sides parse the same clean texts with the same pinned model.  "spaCy alone" is
``nlp.pipe`` over the article bodies; "tidings" is reading the JSONL, extracting, parsing, every
analysis stage and serialising the output, as `tidings analyze IN.jsonl --format jsonl` does.
The ratio tidings/spaCy is the figure the foundation issue sets a floor for (>= 0.85).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400, help="articles in the corpus (default 400)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds; the best of each side is kept")
    args = ap.parse_args()

    from corpus import write_corpus

    from tidings import nlp
    from tidings.ingest.sources import Failure, read_jsonl
    from tidings.pipeline import Analyzer

    with tempfile.TemporaryDirectory() as tmp:
        path = write_corpus(Path(tmp) / "corpus.jsonl", args.n)
        raw = path.read_bytes()
    model = nlp.load()
    analyzer = Analyzer()
    texts = [it.text for it in read_jsonl(io.BytesIO(raw), "bench") if not isinstance(it, Failure)]
    n_tokens = sum(len(d) for d in model.pipe(texts[:20]))  # warm-up
    n_tokens = 0

    best_spacy = best_tidings = float("inf")
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_tokens = sum(len(doc) for doc in model.pipe(texts, batch_size=16))
        best_spacy = min(best_spacy, time.perf_counter() - t0)

        t0 = time.perf_counter()
        sink = io.StringIO()
        for result in analyzer.stream(read_jsonl(io.BytesIO(raw), "bench")):
            sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        best_tidings = min(best_tidings, time.perf_counter() - t0)

    n = len(texts)
    print(f"corpus: {n} articles, {n_tokens} tokens (examples recombined, seed 7)")
    print(f"{'':24}{'articles/s':>12}{'tokens/s':>12}")
    print(f"{'spaCy nlp.pipe alone':24}{n / best_spacy:12.1f}{n_tokens / best_spacy:12.0f}")
    print(f"{'tidings analyze':24}{n / best_tidings:12.1f}{n_tokens / best_tidings:12.0f}")
    print(f"ratio tidings/spaCy: {best_spacy / best_tidings:.2f}  (foundation floor 0.85)")


if __name__ == "__main__":
    main()
