"""The reliability calibration's second fit: traces sized on content-farm copies, other weights kept."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _calibrate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tidings_calibrate", ROOT / "scripts" / "calibrate_reliability.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_second_fit_raises_a_trace_that_marks_copies_and_keeps_other_weights() -> None:
    cal = _calibrate()
    names = ["pasted_caption", "second_lead", "shouting"]
    assert {"pasted_caption", "second_lead"} <= set(cal.TRACES) and "shouting" not in cal.TRACES
    rng = random.Random(3)
    # labelled articles: shouting separates, the traces fire on neither class
    X = [[0.0, 0.0, 1.0 if (i % 2 == 0 and rng.random() < 0.8) else 0.0] for i in range(200)]
    y = [0 if i % 2 == 0 else 1 for i in range(200)]
    # copies (label 0) show a second dateline, their originals (label 1) never; captions fire on both alike
    F = [[1.0 if rng.random() < 0.2 else 0.0, 1.0 if i % 2 == 0 and rng.random() < 0.7 else 0.0, 0.0] for i in range(400)]
    fy = [0 if i % 2 == 0 else 1 for i in range(400)]
    w0 = [1.0, 1.0, 1.5]
    w = cal.fit_traces(X, y, F, fy, names, 2.0, w0)
    assert w[1] > w0[1] + 0.5, w  # the trace that marks copies weighs more
    assert w[0] < w0[0], w  # the one that fires on originals as often as on copies weighs less
    assert w[2] == w0[2], w  # a signal outside TRACES keeps the first fit's weight
    assert all(v >= 0 for v in w)
