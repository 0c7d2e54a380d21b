"""Content-farm detection benchmark: clean originals against manipulated copies of them.

    .venv/bin/python benchmarks/content_farm.py                       # family tune, 300 originals
    .venv/bin/python benchmarks/content_farm.py --family locked --n 60 --by-source
    .venv/bin/python benchmarks/content_farm.py --n 0 --workers 2      # every original, two processes

Originals (read in place from ``../shared/eval``, never copied into the repository; both optional):
the PolNeAR train and dev articles (``quotes/polnear/{train,dev}/text/*.txt``, first line the
headline) and the reliable Horne articles of ``reliability/articles-dev.jsonl``.  Articles shorter
than 60 words or 2 paragraphs are left out.  ``--n`` takes that many, alternating between the
sources (each in a fixed shuffled order, the same whatever ``--seed``), so a small run still has
both; ``--n 0`` takes all (about 980 usable originals, ~1,960 analyses: several minutes, where
``--workers 2`` helps).  The default, 300 originals (600 analyses), takes ~3 min at the ~3.5 articles/s
measured here with provenance matching on.

Each original gets one copy from ``manipulate.py`` (``--family tune`` by default, or ``locked``,
with ``--seed``): a random subset of stitch / spin / strip / caption / boilerplate.  Originals and
copies go as one JSONL batch (``id``, ``title``, ``text``) through the public CLI,
``python -m tidings analyze IN --format jsonl --output OUT``, and the script prints:

- the AUC of risk = 100 - score for copies against originals (Mann-Whitney, ties count half);
- per kind: the share of copies with that kind on which a signal of that kind fires (any severity),
  the share of copies without it on which one fires anyway, and the share of clean originals on
  which one fires (``SIGNALS_BY_KIND`` below says which signals belong to which kind);
- the share of clean originals with any signal of severity "high";
- with ``--by-source``, the same for PolNeAR and Horne separately.

The batch holds originals and copies in a shuffled order (``--order after`` puts every copy after
the originals, ``--order before`` before them), so tidings' cross-article signals (a copy matched
to its original in the same batch) fire whichever comes first.  ``--separate`` analyses originals and copies in two runs instead, which measures what
the text of a copy gives away on its own.  ``--signals`` lists every signal that fired.

The ``locked`` family is for checking that detectors generalise: run it for the figures only, and
do not read its copies or tune anything against it.
"""

from __future__ import annotations

# signal names that count as catching each kind of manipulation (some may not exist yet)
SIGNALS_BY_KIND: dict[str, tuple[str, ...]] = {
    "stitch": ("topic_break", "date_mismatch", "second_lead", "fresh_lead", "stitched_from"),
    "spin": ("name_churn", "spinner_vocabulary", "spun_copy", "foreign_number_format", "template_residue"),
    "strip": ("first_person_unquoted", "unattributed_quotes", "speaker_switch", "stripped_quotes"),
    "caption": ("pasted_caption",),
    "boilerplate": ("boilerplate_residue", "link_residue"),
}

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from statistics import mean  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from manipulate import FAMILIES, KINDS, manipulate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
SOURCES = ("polnear", "horne")
MIN_WORDS = 60


def load_polnear(data: Path) -> list[dict[str, Any]]:
    out = []
    for split in ("train", "dev"):
        for f in sorted((data / "quotes" / "polnear" / split / "text").glob("*.txt")):
            head, _, body = f.read_text("utf-8").partition("\n")
            out.append({"id": f.stem, "title": head.strip(), "text": body.strip(), "source": "polnear"})
    return out


def load_horne(data: Path) -> list[dict[str, Any]]:
    path = data / "reliability" / "articles-dev.jsonl"
    out = []
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("label") == "reliable" and r.get("dataset", "horne") == "horne":
                out.append({"id": str(r["id"]), "title": r.get("title"), "text": (r.get("text") or "").strip(), "source": "horne"})
    return out


def usable(rec: dict[str, Any]) -> bool:
    text = rec["text"]
    return len(text.split()) >= MIN_WORDS and len([ln for ln in text.split("\n") if ln.strip()]) >= 2


def select(by_source: dict[str, list[dict[str, Any]]], n: int) -> list[dict[str, Any]]:
    """``n`` originals (0: all), alternating between the sources, each in a fixed shuffled order."""
    queues = []
    for src, recs in by_source.items():
        recs = sorted((r for r in recs if usable(r)), key=lambda r: r["id"])
        random.Random(f"content-farm-sample|{src}").shuffle(recs)
        queues.append(recs)
    out: list[dict[str, Any]] = []
    while any(queues) and (n <= 0 or len(out) < n):
        for q in queues:
            if q and (n <= 0 or len(out) < n):
                out.append(q.pop(0))
    return out


def auc(pos: list[float], neg: list[float]) -> float | None:
    """Mann-Whitney AUC: P(a positive scores above a negative), ties counting half."""
    if not pos or not neg:
        return None
    pairs = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        avg_rank = (i + 1 + j) / 2  # ranks i+1 .. j share their average
        rank_sum += avg_rank * sum(1 for k in range(i, j) if pairs[k][1] == 1)
        i = j
    n_pos, n_neg = len(pos), len(neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def analyse(records: list[dict[str, Any]], python: str, workers: int, keep: Path | None) -> dict[str, dict[str, Any]]:
    """id -> reliability ({"score", "signals"}) through ``python -m tidings analyze`` (a record's
    ``published`` date is sent when it has one)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        inp, out = folder / "batch.jsonl", folder / "analysed.jsonl"
        inp.write_text("".join(json.dumps({"id": r["id"], "title": r.get("title"), "text": r["text"],
                                           **({"published": r["published"]} if r.get("published") else {})},
                                          ensure_ascii=False) + "\n"
                               for r in records), "utf-8")
        cmd = [python, "-m", "tidings", "analyze", str(inp), "--format", "jsonl", "--output", str(out)]
        if workers > 1:
            cmd += ["--workers", str(workers)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
        if proc.returncode != 0 or not out.exists():
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"tidings analyze exited {proc.returncode}")
        got: dict[str, dict[str, Any]] = {}
        for line in out.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            rel = rec.get("reliability")
            if rec.get("id") is not None and isinstance(rel, dict) and isinstance(rel.get("score"), (int, float)):
                got[str(rec["id"])] = rel
        return got


def fired(rel: dict[str, Any]) -> set[str]:
    return {str(s.get("name")) for s in rel.get("signals") or []}


def pct(k: int, n: int) -> str:
    return f"{k:4d}/{n:<4d} {100 * k / n:5.1f}%" if n else f"{'-':>4}/{0:<4d}    - "


def report(label: str, originals: list[dict[str, Any]], copies: list[dict[str, Any]], rel: dict[str, dict[str, Any]]) -> None:
    originals = [o for o in originals if o["id"] in rel]
    copies = [c for c in copies if c["id"] in rel]
    risk_o = [100.0 - rel[o["id"]]["score"] for o in originals]
    risk_c = [100.0 - rel[c["id"]]["score"] for c in copies]
    a = auc(risk_c, risk_o)
    print(f"\n[{label}] {len(originals)} originals, {len(copies)} copies")
    if not originals or not copies:
        print("  nothing to compare")
        return
    print(f"  AUC of (100 - score), copies vs originals: {a:.3f}" if a is not None else "  AUC: n/a")
    print(f"  mean score: originals {mean(100 - r for r in risk_o):.1f}, copies {mean(100 - r for r in risk_c):.1f}")
    print(f"  {'kind':12} {'copies with the kind':>22} {'copies without it':>22} {'clean originals':>22}   signals")
    for kind in KINDS:
        names = set(SIGNALS_BY_KIND[kind])
        with_k = [c for c in copies if kind in c["kinds"]]
        without = [c for c in copies if kind not in c["kinds"]]
        hit = sum(1 for c in with_k if fired(rel[c["id"]]) & names)
        stray = sum(1 for c in without if fired(rel[c["id"]]) & names)
        false = sum(1 for o in originals if fired(rel[o["id"]]) & names)
        print(f"  {kind:12} {pct(hit, len(with_k)):>22} {pct(stray, len(without)):>22} {pct(false, len(originals)):>22}   "
              + ", ".join(SIGNALS_BY_KIND[kind]))
    high = sum(1 for o in originals if any(s.get("severity") == "high" for s in rel[o["id"]].get("signals") or []))
    print(f"  clean originals with a high-severity signal: {pct(high, len(originals)).strip()}")


def signal_table(originals: list[dict[str, Any]], copies: list[dict[str, Any]], rel: dict[str, dict[str, Any]]) -> None:
    """How often each signal fired on copies and on originals; mapped names never seen are listed."""
    o_ids = [o["id"] for o in originals if o["id"] in rel]
    c_ids = [c["id"] for c in copies if c["id"] in rel]
    seen: dict[str, list[int]] = {}
    for ids, slot in ((c_ids, 0), (o_ids, 1)):
        for i in ids:
            for name in fired(rel[i]):
                seen.setdefault(name, [0, 0])[slot] += 1
    print("\nsignals fired (share of copies / of originals, any severity):")
    for name, (c, o) in sorted(seen.items(), key=lambda kv: (-kv[1][0], kv[0])):
        kind = next((k for k, v in SIGNALS_BY_KIND.items() if name in v), "-")
        print(f"  {name:26} {kind:12} copies {100 * c / max(len(c_ids), 1):5.1f}%   originals {100 * o / max(len(o_ids), 1):5.1f}%")
    missing = [n for names in SIGNALS_BY_KIND.values() for n in names if n not in seen]
    if missing:
        print(f"  never fired in this batch: {', '.join(missing)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Content-farm copies vs clean originals, through `tidings analyze`")
    ap.add_argument("--family", choices=FAMILIES, default="tune", help="manipulation style family (locked: figures only)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=300, help="number of originals, alternating sources (0: all)")
    ap.add_argument("--sources", default="polnear,horne", help="comma-separated: polnear, horne")
    ap.add_argument("--by-source", action="store_true", help="also report each source on its own")
    ap.add_argument("--python", default=None, help="interpreter that runs `-m tidings` (default: the project venv)")
    ap.add_argument("--workers", type=int, default=1, help="passed to `tidings analyze --workers`")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared eval folder")
    ap.add_argument("--keep", type=Path, help="keep batch.jsonl, analysed.jsonl and copies.jsonl in this folder (outside the repo)")
    ap.add_argument("--signals", action="store_true", help="also list every signal that fired, with its rates")
    ap.add_argument("--order", choices=("shuffled", "after", "before"), default="shuffled",
                    help="in the one batch: originals and copies shuffled together (default), every copy "
                         "after the originals, or every copy before them")
    ap.add_argument("--separate", action="store_true",
                    help="analyse originals and copies in two batches, so no copy can be matched to its own original")
    args = ap.parse_args(argv)

    wanted = [s.strip() for s in args.sources.split(",") if s.strip()]
    bad = [s for s in wanted if s not in SOURCES]
    if bad:
        ap.error(f"unknown source(s) {bad}; sources are {', '.join(SOURCES)}")
    if not args.data.is_dir():
        print(f"skipped: {args.data} is not present (the shared eval data)")
        return 0
    loaders = {"polnear": load_polnear, "horne": load_horne}
    by_source = {s: loaders[s](args.data) for s in wanted}
    for s, recs in by_source.items():
        if not recs:
            print(f"note: no {s} articles under {args.data}")
    by_source = {s: r for s, r in by_source.items() if r}
    if not by_source:
        print(f"skipped: none of the sources {', '.join(wanted)} is present under {args.data}")
        return 0
    originals = select(by_source, args.n)
    copies = manipulate(originals, args.seed, args.family)
    python = args.python or (str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable)
    counts = {s: sum(1 for o in originals if o["source"] == s) for s in by_source}
    kinds = {k: sum(1 for c in copies if k in c["kinds"]) for k in KINDS}
    print(f"content farm: family {args.family}, seed {args.seed}; {len(originals)} originals ("
          + ", ".join(f"{s} {n}" for s, n in counts.items()) + f") + {len(copies)} copies ("
          + ", ".join(f"{k} {n}" for k, n in kinds.items()) + ")")
    if args.family == "locked":
        print("locked family: read the figures only; do not inspect the copies or tune against them")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "copies.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in copies), "utf-8")
    t0 = time.perf_counter()
    if args.separate:
        rel = analyse(originals, python, args.workers, args.keep and args.keep / "originals")
        rel.update(analyse(copies, python, args.workers, args.keep and args.keep / "copies"))
    else:
        batch = originals + copies if args.order == "after" else copies + originals
        if args.order == "shuffled":
            random.Random(f"content-farm-order|{args.seed}").shuffle(batch)
        rel = analyse(batch, python, args.workers, args.keep)
    took = time.perf_counter() - t0
    missing = len(originals) + len(copies) - len(rel)
    print(f"analysed {len(rel)} articles in {took:.0f} s ({len(rel) / max(took, 1e-9):.1f}/s)"
          + (f"; {missing} without a reliability score, left out" if missing else ""))
    report("all", originals, copies, rel)
    if args.by_source:
        for s in by_source:
            report(s, [o for o in originals if o["source"] == s], [c for c in copies if c.get("source") == s], rel)
    if args.signals:
        signal_table(originals, copies, rel)
    else:
        seen = {n for r in rel.values() for n in fired(r)}
        missing_names = [n for names in SIGNALS_BY_KIND.values() for n in names if n not in seen]
        if missing_names:
            print(f"\nmapped signals that never fired in this batch: {', '.join(missing_names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
