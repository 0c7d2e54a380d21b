"""Throughput and memory: spaCy alone vs `tidings analyze` (1 and N processes) vs ingest into DuckDB.

    .venv/bin/python benchmarks/throughput.py                      # 2,000 articles, 3 rounds
    .venv/bin/python benchmarks/throughput.py --n 200 --rounds 1   # quick look
    .venv/bin/python benchmarks/throughput.py --memory             # + RSS at 1,000 vs 10,000 articles
    .venv/bin/python benchmarks/throughput.py --check-ruler        # tidings.nlp's ruler, lemmatizer, whole pipeline == spaCy's
    .venv/bin/python benchmarks/throughput.py --stages --n 300     # CPU seconds of the parse and of each stage after it

The corpus is fixed: articles recombined from the examples' paragraphs with a seeded generator,
every fourth one a ``../shared`` reliability article when that folder is present
(``benchmarks/corpus.py``).  Every side reads the same JSONL and parses the same texts with the
same pinned model; each runs in a fresh process (so peak RSS is its own), the model loaded before
the clock starts:

- ``spaCy nlp.pipe (stock)``: ``nlp.pipe`` over the article bodies, batch 16, the packaged
  pipeline exactly as spaCy loads it -- the floor the issue measures against;
- ``spaCy nlp.pipe (tidings)``: the same, as ``tidings.nlp.load`` sets the pipeline up;
- ``tidings analyze``: reading the JSONL, every stage, JSON lines out (``Analyzer.stream``, what
  ``tidings analyze IN.jsonl --format jsonl`` runs), single process;
- ``tidings analyze --workers N``: the same in N processes (``tidings.workers``);
- ``ingest into DuckDB``: ``tidings.store.ingest`` into a new temporary store.

Sides alternate within a round and rounds repeat (the machine may be shared): the table gives the
median time of each side, the ratios are medians of the per-round ratios.  Peak RSS is
``ru_maxrss`` of the process (with ``--workers``, the largest worker beside the parent).

``--memory`` streams the corpus at two sizes (default 1,000 and 10,000) through the real CLI,
``python -m tidings analyze IN.jsonl --format jsonl --output OUT``, in a child process, and reads
that child's peak RSS with ``resource.getrusage(RUSAGE_CHILDREN)`` from a fresh intermediate process
per size, once with ``--no-provenance`` and once without; flat means the larger within 10% of the
smaller.  The analysis alone must be flat; the batch's provenance index remembers the batch's
sentences until its cap, so with it memory grows until then.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

SIDES = ("spacy_stock", "spacy", "analyze", "workers", "ingest")
LABELS = {
    "spacy_stock": "spaCy nlp.pipe (stock)",
    "spacy": "spaCy nlp.pipe (tidings)",
    "analyze": "tidings analyze",
    "workers": "tidings analyze -w{w}",
    "ingest": "ingest into DuckDB",
}


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


# ---------------------------------------------------------------------------- one side (child)
def run_side(side: str, corpus: Path, workers: int) -> dict[str, float]:
    """Time one side over the corpus in this (fresh) process; returns seconds, counts and RSS."""
    if side == "spacy_stock":
        os.environ["TIDINGS_SPACY_ATTRIBUTE_RULER"] = "1"
    from tidings import nlp
    from tidings.ingest.sources import Failure, read_jsonl
    from tidings.pipeline import Analyzer

    raw = corpus.read_bytes()
    model = nlp.load()
    texts = [it.text for it in read_jsonl(io.BytesIO(raw), "bench") if not isinstance(it, Failure)]
    n_tokens = sum(len(d) for d in model.pipe(texts[:8]))  # warm-up
    out: dict[str, float] = {"articles": len(texts)}
    if side in ("spacy_stock", "spacy"):
        t0 = time.perf_counter()
        n_tokens = sum(len(doc) for doc in model.pipe(texts, batch_size=16))
        out["seconds"] = time.perf_counter() - t0
        out["tokens"] = n_tokens
    elif side in ("analyze", "workers"):
        analyzer = Analyzer()
        sink = io.StringIO()
        n = 0
        t0 = time.perf_counter()
        for result in analyzer.stream(read_jsonl(io.BytesIO(raw), "bench"), workers=workers if side == "workers" else 1):
            sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            sink.seek(0)
            sink.truncate()
            n += 1
        out["seconds"] = time.perf_counter() - t0
        out["results"] = n
    elif side == "ingest":
        from tidings.store import connect, ingest, read_sources

        analyzer = Analyzer()
        with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp:
            conn = connect(str(Path(tmp) / "bench.duckdb"))
            t0 = time.perf_counter()
            report = ingest(conn, read_sources([str(corpus)]), analyzer, inputs=[str(corpus)])
            out["seconds"] = time.perf_counter() - t0
            conn.close()
        out["new"] = report.counts.new
        out["duplicate"] = report.counts.duplicate
    else:
        raise SystemExit(f"unknown side {side}")
    out["rss_mb"] = _rss_mb()
    out["rss_children_mb"] = _rss_mb(resource.RUSAGE_CHILDREN)
    return out


def spawn_side(side: str, corpus: Path, workers: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--side", side, "--corpus", str(corpus), "--workers", str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"side {side} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------- memory flatness
def cli_peak_rss(corpus: Path, out: Path, workers: int, provenance: bool = True) -> float:
    """Peak RSS (MB) of `python -m tidings analyze` over ``corpus``, read in a fresh parent."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    cmd = [sys.executable, "-c", probe, sys.executable, "-m", "tidings", "analyze", str(corpus),
           "--format", "jsonl", "--output", str(out)]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    if not provenance:
        cmd.append("--no-provenance")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"tidings analyze failed:\n{proc.stderr[-3000:]}")
    return float(proc.stdout.strip().splitlines()[-1])


def memory_check(sizes: list[int], workers: int, with_shared: bool) -> None:
    """Peak RSS at each size, without and with the batch's provenance index.  The analysis
    alone must be flat; the index remembers the batch's sentences up to its cap
    (``ProvenanceIndex.max_sentences``), so with it memory grows until the cap, then stays."""
    from corpus import write_corpus

    from tidings.store.provenance import ProvenanceIndex

    peaks: dict[bool, list[tuple[int, float, float]]] = {False: [], True: []}
    with tempfile.TemporaryDirectory(prefix="tidings-mem-") as tmp:
        for n in sizes:
            corpus = write_corpus(Path(tmp) / f"corpus-{n}.jsonl", n, with_shared=with_shared)
            for prov in (False, True):
                t0 = time.perf_counter()
                peak = cli_peak_rss(corpus, Path(tmp) / f"out-{n}.jsonl", workers, provenance=prov)
                peaks[prov].append((n, peak, time.perf_counter() - t0))
                (Path(tmp) / f"out-{n}.jsonl").unlink()
            corpus.unlink()
    for prov in (False, True):
        print("\nmemory: `python -m tidings analyze IN.jsonl --format jsonl --output OUT`"
              + (f" --workers {workers}" if workers > 1 else "") + ("" if prov else " --no-provenance")
              + ", peak RSS of the largest process")
        for n, peak, secs in peaks[prov]:
            print(f"  {n:>6} articles  peak RSS {peak:7.1f} MB  ({secs:.0f} s)")
        (n0, base, _), (n1, last, _) = peaks[prov][0], peaks[prov][-1]
        growth = (last - base) / base
        if not prov:
            verdict = "flat" if growth <= 0.10 else "NOT flat"
            print(f"  {n1} vs {n0}: {growth:+.1%} ({verdict}; budget +10%)")
        else:
            cap = ProvenanceIndex().max_sentences
            print(f"  {n1} vs {n0}: {growth:+.1%}; the provenance index adds "
                  f"{(last - peaks[False][-1][1]) / n1 * 1000:.0f} MB per 1,000 articles here, "
                  f"until it holds {cap:,} sentences")


# ---------------------------------------------------------------------------- ruler check
def check_ruler(n: int, with_shared: bool) -> None:
    """tidings.nlp.ArrayAttributeRuler and MemoLemmatizer against spaCy's attribute_ruler and
    lemmatizer on every corpus token."""
    os.environ["TIDINGS_SPACY_ATTRIBUTE_RULER"] = "1"
    from corpus import make_corpus

    from tidings import nlp

    texts = [r["text"] for r in make_corpus(n, with_shared=with_shared)]
    model = nlp.load()
    ruler, lemmatizer = model.get_pipe("attribute_ruler"), model.get_pipe("lemmatizer")
    fast = nlp.ArrayAttributeRuler(ruler)
    memo = nlp.MemoLemmatizer(lemmatizer)  # asks spaCy's lemmatizer on a miss: give it its own cache
    attrs = ["POS", "MORPH", "LEMMA", "TAG", "DEP", "HEAD"]
    differ = n_tokens = 0
    spent = {"ruler": 0.0, "fast": 0.0, "lemmatizer": 0.0, "memo": 0.0}

    def timed(name: str, component: Any, doc: Any) -> None:
        t0 = time.perf_counter()
        component(doc)
        spent[name] += time.perf_counter() - t0

    with model.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        for doc in model.pipe(texts, batch_size=16):
            a, b = doc.copy(), doc.copy()
            timed("ruler", ruler, a)
            timed("fast", fast, b)
            timed("lemmatizer", lemmatizer, a)
            timed("memo", memo, b)
            n_tokens += len(doc)
            if (a.to_array(attrs) != b.to_array(attrs)).any() or \
                    [(t.pos_, str(t.morph), t.lemma_) for t in a] != [(t.pos_, str(t.morph), t.lemma_) for t in b]:
                differ += 1
    print(f"attribute ruler check: {len(texts)} articles, {n_tokens} tokens; documents with any POS, "
          f"morphology, lemma, tag, dependency or head difference: {differ}")
    print(f"  spaCy attribute_ruler {spent['ruler']:.2f} s, tidings ArrayAttributeRuler {spent['fast']:.2f} s "
          f"({spent['ruler'] / max(spent['fast'], 1e-9):.1f}x)")
    print(f"  spaCy lemmatizer {spent['lemmatizer']:.2f} s, tidings MemoLemmatizer {spent['memo']:.2f} s (both warm up "
          f"on the same stream; the second asks the first on a miss)")

    # the whole pipeline as tidings loads it (swapped components, numpy's matrix products) against
    # spaCy's as packaged: every annotation of every token, entities included
    os.environ.pop("TIDINGS_SPACY_ATTRIBUTE_RULER")
    ours = nlp.load(nlp.model_name())
    view_attrs = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]
    differ = 0
    took = {"stock": 0.0, "tidings": 0.0}
    for text in texts:
        t0 = time.perf_counter()
        a = model(text)
        t1 = time.perf_counter()
        b = ours(text)
        took["stock"] += t1 - t0
        took["tidings"] += time.perf_counter() - t1
        differ += bool((a.to_array(view_attrs) != b.to_array(view_attrs)).any())
    print(f"whole pipeline check: documents where tidings' pipeline annotates any token differently from "
          f"spaCy's (tag, POS, morphology, lemma, dependency, head, entity): {differ} of {len(texts)}; "
          f"spaCy {took['stock']:.2f} s, tidings {took['tidings']:.2f} s, one document at a time")


# ---------------------------------------------------------------------------- stage times
def stage_times(n: int, rounds: int, with_shared: bool) -> None:
    """CPU seconds of the parse and of each stage after it, as ``Analyzer.analyze_doc`` runs them,
    over ``n`` corpus articles parsed once (each stage's minimum over ``rounds``)."""
    from corpus import make_corpus

    from tidings.events import code_events
    from tidings.model import Analysis, Article
    from tidings.pipeline import Analyzer, _code_speaker
    from tidings.places import article_places, locate
    from tidings.quotes import extract_quotes
    from tidings.reliability import findings
    from tidings.reliability.score import combine

    an = Analyzer()
    arts = [Article(id=str(i), text=r["text"], title=r.get("title")) for i, r in enumerate(make_corpus(n, with_shared=with_shared))]
    t0 = time.process_time()
    docs = list(an.nlp.pipe([a.text for a in arts], batch_size=16))
    parse = time.process_time() - t0
    best: dict[str, float] = {}
    for _ in range(max(1, rounds)):
        spent = dict.fromkeys(("actors", "quotes", "speakers", "events", "places", "locate", "reliability", "json"), 0.0)
        last = time.process_time()

        def lap(stage: str) -> None:
            nonlocal last
            now = time.process_time()
            spent[stage] += now - last
            last = now

        for art, doc in zip(arts, docs):
            last = time.process_time()
            actors = an.knowledge.for_article(art, doc)
            entities = actors.entities()
            lap("actors")
            quotes = extract_quotes(art, doc)
            lap("quotes")
            for q in quotes:
                _code_speaker(q, actors, an.knowledge, art.published)
            lap("speakers")
            events = code_events(art, doc, actors, quotes, verbs=an.verbs)
            lap("events")
            places = article_places(art.text, doc, entities)
            lap("places")
            locate(events, places, doc)
            lap("locate")
            found = findings(art, doc, quotes, entities, events)
            analysis = Analysis(id=art.id, article=art, entities=entities, quotes=quotes, events=events,
                                reliability=combine(found), findings=found, places=places)
            lap("reliability")
            json.dumps(analysis.to_dict(), ensure_ascii=False)
            lap("json")
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    total = sum(best.values())
    print(f"stage CPU seconds over {len(arts)} articles (minimum of {max(1, rounds)} round(s)): parse {parse:.2f}; "
          + ", ".join(f"{k} {v:.2f}" for k, v in best.items()) + f"; after the parse {total:.2f}")


# ---------------------------------------------------------------------------- main
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3); medians are reported")
    ap.add_argument("--workers", type=int, default=2, help="processes for the --workers side (default 2)")
    ap.add_argument("--sides", default=",".join(SIDES), help=f"comma-separated subset of {','.join(SIDES)}")
    ap.add_argument("--no-shared", action="store_true", help="examples only, without ../shared articles")
    ap.add_argument("--memory", action="store_true", help="also the memory flatness check")
    ap.add_argument("--memory-sizes", default="1000,10000", help="corpus sizes for --memory (default 1000,10000)")
    ap.add_argument("--memory-workers", type=int, default=1, help="--workers for the memory runs (default 1)")
    ap.add_argument("--stages", action="store_true", help="only time the parse and each stage after it (CPU seconds) and exit")
    ap.add_argument("--check-ruler", action="store_true", help="only compare the attribute ruler, the lemmatizer and the whole pipeline with spaCy's and exit")
    ap.add_argument("--side", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    with_shared = not args.no_shared

    if args.side:
        print(json.dumps(run_side(args.side, args.corpus, args.workers)))
        return
    if args.check_ruler:
        check_ruler(args.n, with_shared)
        return
    if args.stages:
        stage_times(args.n, args.rounds, with_shared)
        return

    from corpus import SHARED_RELIABILITY, write_corpus

    sides = [s.strip() for s in args.sides.split(",") if s.strip()]
    times: dict[str, list[float]] = {s: [] for s in sides}
    rss: dict[str, list[float]] = {s: [] for s in sides}
    ratios: dict[str, list[float]] = {s: [] for s in sides}
    n_articles = n_tokens = 0
    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp:
        if not sides:
            args.rounds = 0
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", args.n, with_shared=with_shared)
        for r in range(args.rounds):
            order = sides if r % 2 == 0 else sides[::-1]
            got: dict[str, dict[str, float]] = {}
            for side in order:
                res = spawn_side(side, corpus, args.workers)
                got[side] = res
                times[side].append(res["seconds"])
                rss[side].append(max(res["rss_mb"], res["rss_children_mb"]))
                n_articles = int(res["articles"])
                n_tokens = int(res.get("tokens", n_tokens))
                print(f"  round {r + 1}: {LABELS[side].format(w=args.workers):28} {res['seconds']:8.1f} s",
                      file=sys.stderr, flush=True)
            base = got.get("spacy_stock") or got.get("spacy")
            for side in sides:
                if base is not None:
                    ratios[side].append(base["seconds"] / got[side]["seconds"])
            if "analyze" in got and "workers" in got:
                ratios.setdefault("workers_vs_analyze", []).append(got["analyze"]["seconds"] / got["workers"]["seconds"])

    if not sides:  # --sides "" : only the memory check
        if args.memory:
            memory_check([int(x) for x in args.memory_sizes.split(",")], args.memory_workers, with_shared)
        return
    shared = " + ../shared reliability articles" if with_shared and SHARED_RELIABILITY.exists() else ""
    print(f"corpus: {n_articles} articles, {n_tokens} tokens (examples recombined, seed 7{shared}); "
          f"{args.rounds} alternating round(s), medians; {os.cpu_count()} CPUs")
    base_label = "spaCy stock" if "spacy_stock" in sides else "spaCy (tidings)"
    print(f"{'':30}{'articles/s':>11}{'tokens/s':>10}{'peak RSS MB':>13}{'vs ' + base_label:>18}")
    for side in sides:
        t = statistics.median(times[side])
        ratio = f"{statistics.median(ratios[side]):.2f}x" if ratios[side] else "-"
        print(f"{LABELS[side].format(w=args.workers):30}{n_articles / t:11.2f}{n_tokens / t:10.0f}"
              f"{statistics.median(rss[side]):13.0f}{ratio:>18}")
    if ratios.get("workers_vs_analyze"):
        print(f"--workers {args.workers} vs single process: {statistics.median(ratios['workers_vs_analyze']):.2f}x "
              f"(per round: {', '.join(f'{x:.2f}' for x in ratios['workers_vs_analyze'])})")
    if args.memory:
        memory_check([int(x) for x in args.memory_sizes.split(",")], args.memory_workers, with_shared)


if __name__ == "__main__":
    main()
