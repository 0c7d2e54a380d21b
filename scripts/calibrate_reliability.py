"""Fit the reliability score's weights on the labelled dev articles and write them to the data file.

    .venv/bin/python scripts/calibrate_reliability.py [--data ../shared/eval/reliability/articles-dev.jsonl] [--dry-run]

Each article goes through ingest, the spaCy parse, the quote extractor (when installed) and the
reliability detectors; the strengths of the signals form one row.  A logistic regression with
non-negative weights is fitted by projected gradient descent; its L2 penalty pulls each weight
towards the hand-set prior below instead of towards zero, so signals the dev data cannot inform
(bylines and dates are absent there, captions and spun names rare) keep their documented prior.
The script prints each signal's firing rate and single-signal AUC, the fitted weights, and a
5-fold cross-validated AUC (the honest estimate: the in-sample AUC flatters).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "reliability" / "articles-dev.jsonl"
WEIGHTS = ROOT / "src" / "tidings" / "data" / "reliability" / "weights.json"

#: hand-set weights (log-odds per unit strength) the fit shrinks towards; the reasons are in
#: the detector modules' docstrings.  Provenance and extraction traces weigh most because clean
#: reporting almost never shows them; style cues weigh less because opinion pieces show them too.
PRIOR: dict[str, float] = {
    "boilerplate_residue": 0.6,
    "pasted_caption": 0.8,
    "link_residue": 0.6,
    "unattributed_quotes": 0.8,
    "first_person_unquoted": 1.0,
    "speaker_switch": 0.5,
    "name_churn": 1.0,
    "topic_break": 0.4,
    "date_mismatch": 0.8,
    "headline_unsupported": 0.4,
    "clickbait_headline": 0.6,
    "headline_case": 0.4,
    "shouting": 0.6,
    "loaded_language": 0.6,
    "first_person_narration": 0.6,
    "reader_address": 0.6,
    "missing_byline": 0.3,
    "missing_date": 0.3,
    "thin_sourcing": 0.6,
    "short_article": 0.5,
    "copied_text": 2.0,
}
PRIOR_INTERCEPT = 2.5
#: signals of content-farm rewriting and of provenance that the dev set does not contain (its
#: unreliable articles are written, not spun or stitched; it has no bylines or dates): fitting them
#: would only learn incidental correlations (real reports quote more, so have more quotes to
#: misjudge), so they keep their hand weight
FIXED = frozenset(
    """boilerplate_residue pasted_caption first_person_unquoted speaker_switch
    name_churn date_mismatch missing_byline missing_date copied_text""".split()
)
L2 = 2.0  # penalty strength (per article-equivalent: the data outweighs the prior past ~L2 rows)


def auc(scores: list[float], labels: list[int]) -> float | None:
    """ROC AUC of ``scores`` for ``labels == 1`` (ties count half); None when one class is absent."""
    pos = [s for s, y in zip(scores, labels) if y == 1]
    neg = [s for s, y in zip(scores, labels) if y == 0]
    if not pos or not neg:
        return None
    wins = 0.0
    for p in pos:
        for n in neg:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(pos) * len(neg))


def rows(data: Path) -> list[dict[str, Any]]:
    """Dev records with their findings' strengths."""
    from tidings import nlp
    from tidings.ingest.sources import article_from_record
    from tidings.model import Entity
    from tidings.reliability import findings

    try:
        from tidings.quotes import extract_quotes
    except ImportError:
        extract_quotes = None

    recs = [json.loads(line) for line in data.read_text("utf-8").splitlines() if line.strip()]
    arts = [article_from_record({"id": r["id"], "title": r.get("title"), "text": r["text"]}) for r in recs]
    out: list[dict[str, Any]] = []
    for rec, art, doc in zip(recs, arts, nlp.load().pipe((a.text for a in arts), batch_size=16)):
        quotes = extract_quotes(art, doc) if extract_quotes else []
        ents = [Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
        strengths: dict[str, float] = {}
        for f in findings(art, doc, quotes, ents, []):
            strengths[f.name] = max(strengths.get(f.name, 0.0), f.strength)
        out.append({"id": rec["id"], "dataset": rec["dataset"], "label": rec["label"], "x": strengths})
    return out


def fit(
    X: list[list[float]], y: list[int], prior: list[float], b0: float, fixed: list[bool] | None = None, iters: int = 4000
) -> tuple[float, list[float]]:
    """Logistic regression of y=1 (reliable) on -X, weights >= 0, L2 towards the prior; weights
    marked ``fixed`` stay at their prior."""
    import numpy as np

    A = np.asarray(X, dtype=float)
    t = np.asarray(y, dtype=float)
    p0 = np.asarray(prior, dtype=float)
    free = np.asarray([not f for f in (fixed or [False] * len(prior))], dtype=float)
    w = p0.copy()
    b = b0
    n = len(t)
    lr = 0.5
    for _ in range(iters):
        z = b - A @ w
        p = 1.0 / (1.0 + np.exp(-z))
        err = p - t  # d(logloss)/dz
        gw = -(A.T @ err) / n + (L2 / n) * (w - p0)
        gb = err.mean() + (L2 / n) * (b - b0) * 0.1
        w = np.maximum(0.0, w - lr * gw * free)
        b -= lr * gb
    return float(b), [float(v) for v in w]


def predict(x: list[float], b: float, w: list[float]) -> float:
    return 1.0 / (1.0 + math.exp(-(b - sum(a * c for a, c in zip(x, w)))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the weights file")
    ap.add_argument("--cache", type=Path, help="read/write the computed rows here (speeds up re-runs)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: {args.data} not present")
        return 0
    if args.cache and args.cache.exists():
        data = json.loads(args.cache.read_text())
    else:
        data = rows(args.data)
        if args.cache:
            args.cache.write_text(json.dumps(data))
    names = list(PRIOR)
    X = [[r["x"].get(n, 0.0) for n in names] for r in data]
    y = [1 if r["label"] == "reliable" else 0 for r in data]
    risk_label = [1 - v for v in y]

    print(f"{len(data)} articles ({sum(y)} reliable)")
    print(f"{'signal':24} {'fires rel':>9} {'fires unr':>9} {'AUC':>6}")
    for j, n in enumerate(names):
        col = [row[j] for row in X]
        fr = sum(1 for c, v in zip(col, y) if c > 0 and v == 1) / max(sum(y), 1)
        fu = sum(1 for c, v in zip(col, y) if c > 0 and v == 0) / max(len(y) - sum(y), 1)
        a = auc(col, risk_label)
        print(f"{n:24} {fr:9.2f} {fu:9.2f} {a if a is not None else float('nan'):6.3f}")

    prior = [PRIOR[n] for n in names]
    fixed = [n in FIXED for n in names]
    b, w = fit(X, y, prior, PRIOR_INTERCEPT, fixed)
    scores = [predict(x, b, w) for x in X]
    print(f"\nin-sample AUC {auc([-s for s in scores], risk_label):.3f}")
    horne = [i for i, r in enumerate(data) if r["dataset"] == "horne"]
    print(f"in-sample AUC horne {auc([-scores[i] for i in horne], [risk_label[i] for i in horne]):.3f}")

    # 5-fold cross-validation, folds fixed by a seeded shuffle
    idx = list(range(len(data)))
    random.Random(7).shuffle(idx)
    cv = [0.0] * len(data)
    for k in range(5):
        test = set(idx[k::5])
        tr = [i for i in idx if i not in test]
        bk, wk = fit([X[i] for i in tr], [y[i] for i in tr], prior, PRIOR_INTERCEPT, fixed)
        for i in test:
            cv[i] = predict(X[i], bk, wk)
    print(f"5-fold CV AUC {auc([-s for s in cv], risk_label):.3f}, horne {auc([-cv[i] for i in horne], [risk_label[i] for i in horne]):.3f}")

    print(f"\nintercept {b:.3f} (prior {PRIOR_INTERCEPT})")
    for n, v in zip(names, w):
        print(f"  {n:24} {v:6.3f} (prior {PRIOR[n]}{', fixed' if n in FIXED else ''})")
    if args.dry_run:
        return 0
    out = {
        "about": "Weights of tidings' reliability score: P(reliable) = sigmoid(intercept - sum weight*strength). "
        "Written by scripts/calibrate_reliability.py; see src/tidings/reliability/score.py.",
        "fitted_on": f"{args.data.name}: {len(data)} articles ({sum(y)} reliable)",
        "l2_towards_prior": L2,
        "intercept": round(b, 3),
        "weights": {n: round(v, 3) for n, v in zip(names, w)},
        "prior_intercept": PRIOR_INTERCEPT,
        "prior": PRIOR,
        "fixed_at_prior": sorted(FIXED),
    }
    WEIGHTS.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
