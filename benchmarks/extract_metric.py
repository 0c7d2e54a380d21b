"""Article-body scoring rule of the extract suite (see ../shared/eval/extract/README.md).

Re-implemented from the README's description of the Scrapinghub article-extraction-benchmark
metric:

* tokens are ``\\w+`` matches with case kept; shingles are the multiset of 4-token windows (a text
  of 1-3 tokens is a single shingle, an empty text has none);
* per page, TP/FP/FN are shared / extra predicted / missed shingles, each divided by TP+FP+FN so
  every page weighs the same;
* precision is the mean per-page precision over pages with a non-empty prediction, recall the mean
  per-page recall over pages with a non-empty truth, F1 = 2PR/(P+R) of the two means;
* accuracy is the share of pages whose token sequence is identical;
* each figure's ``std`` is the standard deviation over bootstrap resamples of the pages.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]


def tokenize(text: str | None) -> list[str]:
    """Word tokens, case kept."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of ``size``-token windows; a short non-empty text is one shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) <= size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_counts(truth: str | None, pred: str | None) -> Counts:
    """Normalised (TP, FP, FN) of one page; all zero when both texts are empty."""
    true_sh = shingles(truth)
    pred_sh = shingles(pred)
    tp = float(sum((true_sh & pred_sh).values()))
    fp = float(sum((pred_sh - true_sh).values()))
    fn = float(sum((true_sh - pred_sh).values()))
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def page_precision(counts: Counts) -> float:
    tp, fp, fn = counts
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def page_recall(counts: Counts) -> float:
    tp, fp, fn = counts
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def page_f1(truth: str | None, pred: str | None) -> float:
    """F1 of a single page (handy for looking at the worst pages)."""
    counts = page_counts(truth, pred)
    p, r = page_precision(counts), page_recall(counts)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def exact_match(truth: str | None, pred: str | None) -> float:
    return 1.0 if tokenize(truth) == tokenize(pred) else 0.0


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def aggregate(counts: Sequence[Counts], matches: Sequence[float]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy over a set of pages."""
    precision = _mean([page_precision(c) for c in counts if c[0] + c[1] > 0])
    recall = _mean([page_recall(c) for c in counts if c[0] + c[2] > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": _mean(list(matches))}


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float
    recall_std: float
    f1_std: float
    accuracy_std: float
    pages: int


def score(
    truths: Sequence[str | None],
    preds: Sequence[str | None],
    n_bootstrap: int = 1000,
    seed: int = 0,
) -> Score:
    """Score predictions against truths (same order) with bootstrap standard deviations."""
    if len(truths) != len(preds):
        raise ValueError(f"{len(truths)} truths but {len(preds)} predictions; pass one per page")
    counts = [page_counts(t, p) for t, p in zip(truths, preds)]
    matches = [exact_match(t, p) for t, p in zip(truths, preds)]
    point = aggregate(counts, matches)
    spread = _bootstrap_std(counts, matches, n_bootstrap, seed)
    return Score(
        **point,
        **{f"{k}_std": v for k, v in spread.items()},
        pages=len(counts),
    )


def _bootstrap_std(
    counts: Sequence[Counts], matches: Sequence[float], n_bootstrap: int, seed: int
) -> dict[str, float]:
    keys = ("precision", "recall", "f1", "accuracy")
    n = len(counts)
    if n == 0 or n_bootstrap < 2:
        return dict.fromkeys(keys, 0.0)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in keys}
    for _ in range(n_bootstrap):
        idx = [rng.randrange(n) for _ in range(n)]
        m = aggregate([counts[i] for i in idx], [matches[i] for i in idx])
        for k in keys:
            samples[k].append(m[k])
    return {k: statistics.stdev(v) for k, v in samples.items()}
