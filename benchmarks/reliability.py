"""Reliability benchmark: ROC AUC of the score on the labelled dev articles, with two baselines.

    .venv/bin/python benchmarks/reliability.py [--data PATH] [--direct] [--keep OUT.jsonl]

The articles (``id``, ``title``, ``text`` only: no URL or outlet) go through the public batch CLI
(``python -m tidings analyze IN.jsonl --format jsonl --output OUT.jsonl``); risk = 100 - score and
the AUC is that of risk for the "unreliable" label, overall and per data set (see
``../shared/eval/reliability/README.md``; a missing score counts as 50).  ``--direct`` skips the
CLI and calls ``tidings.reliability.assess`` in-process (quotes from ``tidings.quotes`` when it is
installed), for use before the stage is wired into the pipeline.

Baselines, computed on the same articles: text length alone (shorter = riskier) and the count of
quotation marks alone (fewer = riskier).

Content-farm rewrite test (``rewrites.py``, seeded): the clean examples of ``examples/`` (01, 02,
03, 05, 07, the HTML page and the JSONL batch) and, when the dev set is present, its Horne *real*
articles are each rewritten as a content farm would (stitched, names spun, quote marks stripped,
a caption and boilerplate pasted in); the script prints the AUC of risk for "rewrite" against the
untouched originals and the share of originals that carry no high-severity signal.  ``--timing``
also measures the share of analysis time spent in the reliability stage.  ``--cv`` refits the
weights in five folds (``scripts/calibrate_reliability.py --dry-run``, nothing written) and prints
each source's out-of-fold AUC beside the same two baselines: the honest estimate of the fit.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from statistics import mean
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rewrites import rewrite_all  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CLEAN_EXAMPLES = ["01-ministers-meet-jakarta.txt", "02-summit-sanctions-abuja.txt", "03-offensive-north-kivu.txt",
                  "05-protest-bogota.txt", "07-election-complaint-mongolia.txt", "09-coast-guard-pact-hanoi.html",
                  "10-batch.jsonl"]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "reliability" / "articles-dev.jsonl"
QUOTE_MARKS = '"“”'


def auc(scores: list[float], labels: list[int]) -> float | None:
    """ROC AUC of ``scores`` for ``labels == 1``, ties counted half; None with one class only."""
    pairs = sorted(zip(scores, labels))
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if not n_pos or not n_neg:
        return None
    # rank-sum with average ranks for ties
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        avg = (i + 1 + j) / 2
        rank_sum += avg * sum(1 for k in range(i, j) if pairs[k][1] == 1)
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def clean_examples() -> list[dict[str, Any]]:
    """The clean wire-style examples as {id, title, text} records (the HTML page extracted first)."""
    from tidings.ingest.sources import article_from_document

    out: list[dict[str, Any]] = []
    for name in CLEAN_EXAMPLES:
        path = ROOT / "examples" / name
        if name.endswith(".jsonl"):
            for line in path.read_text("utf-8").split("\n"):
                if line.strip():
                    rec = json.loads(line)
                    out.append({"id": rec["id"], "title": rec.get("title"), "text": rec["text"]})
        else:
            art = article_from_document(path.read_text("utf-8"), path.stem, is_html=name.endswith(".html"))
            out.append({"id": path.stem, "title": art.title, "text": art.text})
    return out


def analyses_cli(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """id -> reliability dict, through ``tidings analyze``."""
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        inp.write_text("".join(json.dumps({"id": r["id"], "title": r.get("title"), "text": r["text"]}) + "\n" for r in records))
        cmd = [sys.executable, "-m", "tidings", "analyze", str(inp), "--format", "jsonl", "--output", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            raise SystemExit(f"tidings analyze exited {proc.returncode}")
        got: dict[str, dict[str, Any]] = {}
        for line in out.read_text("utf-8").split("\n"):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("id") is not None and isinstance(rec.get("reliability"), dict):
                got[str(rec["id"])] = rec["reliability"]
        return got


def rewrite_test(originals: list[dict[str, Any]], label: str, rel: dict[str, dict[str, Any]]) -> None:
    fakes = [r for r in rewrite_all(originals, seed=13)]
    pairs = [(o, f) for o, f in zip(originals, fakes) if o["id"] in rel and f["id"] in rel]
    risk = [100.0 - rel[o["id"]]["score"] for o, _ in pairs] + [100.0 - rel[f["id"]]["score"] for _, f in pairs]
    y = [0] * len(pairs) + [1] * len(pairs)
    no_high = [o for o, _ in pairs if not any(s["severity"] == "high" for s in rel[o["id"]]["signals"])]
    lower = sum(1 for o, f in pairs if rel[f["id"]]["score"] < rel[o["id"]]["score"])
    print(
        f"{label:22} n={len(pairs):3d}  rewrite-vs-original AUC {fmt(auc(risk, y))}  rewrite scores lower {lower}/{len(pairs)}  "
        f"mean {mean(rel[o['id']]['score'] for o, _ in pairs):.1f} -> {mean(rel[f['id']]['score'] for _, f in pairs):.1f}  "
        f"originals with no high signal {len(no_high)}/{len(pairs)} ({100 * len(no_high) / max(len(pairs), 1):.0f}%)"
    )


def timing(records: list[dict[str, Any]]) -> None:
    """Share of the per-article analysis time spent in the reliability stage (in-process)."""
    import time

    from tidings.ingest.sources import article_from_record
    from tidings.pipeline import Analyzer
    from tidings.reliability import assess

    an = Analyzer()
    arts = [article_from_record({"id": r["id"], "title": r.get("title"), "text": r["text"]}) for r in records]
    total = stage = 0.0
    for art in arts:
        t0 = time.perf_counter()
        doc = an.nlp(art.text)
        a = an.analyze_doc(art, doc)
        t1 = time.perf_counter()
        assess(art, doc, a.quotes, a.entities, a.events)
        t2 = time.perf_counter()
        total += t1 - t0
        stage += t2 - t1
    print(f"\ntiming over {len(arts)} articles: analysis {total:.1f}s, reliability stage {stage:.2f}s = {100 * stage / total:.1f}% of it")


def scores_cli(records: list[dict[str, Any]]) -> dict[str, float]:
    """id -> score, through ``tidings analyze``."""
    return {
        rid: float(rel["score"])
        for rid, rel in analyses_cli(records).items()
        if isinstance(rel.get("score"), (int, float))
    }


def scores_direct(records: list[dict[str, Any]]) -> dict[str, float]:
    from tidings import nlp
    from tidings.ingest.sources import article_from_record
    from tidings.model import Entity
    from tidings.reliability import assess

    try:
        from tidings.quotes import extract_quotes
    except ImportError:
        extract_quotes = None
    arts = [article_from_record({"id": r["id"], "title": r.get("title"), "text": r["text"]}) for r in records]
    got: dict[str, float] = {}
    for art, doc in zip(arts, nlp.load().pipe((a.text for a in arts), batch_size=16)):
        quotes = extract_quotes(art, doc) if extract_quotes else []
        ents = [Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
        got[str(art.id)] = float(assess(art, doc, quotes, ents, []).score)
    return got


def fmt(v: float | None) -> str:
    return "  n/a" if v is None else f"{v:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ROC AUC of tidings' reliability score on the dev articles")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--direct", action="store_true", help="call tidings.reliability.assess in-process")
    ap.add_argument("--timing", action="store_true", help="also time the reliability stage against the analysis")
    ap.add_argument("--cv", action="store_true",
                    help="also refit the weights in 5 folds (scripts/calibrate_reliability.py --dry-run) and print the "
                         "out-of-fold AUC per source beside the length and quote-count baselines")
    args = ap.parse_args(argv)
    examples = clean_examples()
    if not args.data.exists():
        print(f"dev set {args.data} not present: rewrite test on the examples only")
        rel = analyses_cli(examples + rewrite_all(examples, seed=13))
        rewrite_test(examples, "examples", rel)
        return 0
    records = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    got = scores_direct(records) if args.direct else scores_cli(records)
    missing = sum(1 for r in records if r["id"] not in got)
    score = {r["id"]: got.get(r["id"], 50.0) for r in records}

    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        groups["all"].append(r)
        groups[r["dataset"]].append(r)
        if r.get("subset"):
            groups[f"{r['dataset']}-{r['subset']}"].append(r)
    print(f"{len(records)} articles, mode {'direct' if args.direct else 'cli'}, {missing} without a score (counted as 50)")
    print(f"{'set':16} {'n':>4} {'unrel':>5} {'score AUC':>9} {'length':>7} {'quotes':>7}")
    for name in ["all", "horne", "horne-buzzfeed", "horne-random", "fnc"]:
        rs = groups.get(name, [])
        if not rs:
            continue
        y = [1 if r["label"] == "unreliable" else 0 for r in rs]
        risk = [100.0 - score[r["id"]] for r in rs]
        length = [-float(len(r["text"])) for r in rs]
        marks = [-float(sum(r["text"].count(c) for c in QUOTE_MARKS)) for r in rs]
        print(f"{name:16} {len(rs):4d} {sum(y):5d} {fmt(auc(risk, y)):>9} {fmt(auc(length, y)):>7} {fmt(auc(marks, y)):>7}")
    print("\nmean score per label:")
    for name in ["all", "horne", "fnc"]:
        for label in ("reliable", "unreliable"):
            vals = [score[r["id"]] for r in groups.get(name, []) if r["label"] == label]
            if vals:
                print(f"  {name:6} {label:10} {mean(vals):5.1f}  (n={len(vals)})")

    print("\ncontent-farm rewrites (benchmarks/rewrites.py, seed 13) against their originals:")
    real = [{"id": r["id"], "title": r.get("title"), "text": r["text"]} for r in records if r["dataset"] == "horne" and r["label"] == "reliable"]
    rel = analyses_cli(examples + rewrite_all(examples, seed=13) + real + rewrite_all(real, seed=13))
    rewrite_test(examples, "clean examples", rel)
    rewrite_test(real, "horne real (dev)", rel)
    for r in examples:
        if r["id"] in rel:
            sig = ", ".join(f"{s['name']}({s['severity']})" for s in rel[r["id"]]["signals"]) or "-"
            print(f"  {r['id']:32} {rel[r['id']]['score']:3d}  {sig}")
    if args.timing:
        timing(records)
    if args.cv:
        print("\nweights refitted in 5 folds (nothing written): out-of-fold AUC per source")
        sys.path.insert(0, str(ROOT / "scripts"))
        import calibrate_reliability

        calibrate_reliability.main(["--dry-run", "--data", str(args.data)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
