"""Score the places finder (``tidings.places``) on the geoparsing dev sets and the probe set.

    .venv/bin/python benchmarks/geo.py [--sets gwn,lgl,trnews] [--part tune|untouched|both]
                                       [--probes] [--keep-unresolved] [--show-errors N]

Data: ``../shared/eval/geo/<set>_dev.jsonl`` (GeoWebNews, LGL, TR-News; rules in that folder's
README), skipped with a message when absent.  The dev half is split once more by article id:
``tune`` when ``int(sha1(id), 16) % 4 != 0``, ``untouched`` when ``== 0``; develop on ``tune``
only.  ``--probes`` scores ``benchmarks/probes/places.jsonl`` (the project's own sentences).

Scoring, as the README says: geotagging P/R/F1 by span overlap, one to one, largest overlap first
(a place overlapping only a neutral, unscored span costs nothing); geocoding on matched toponyms
with gold coordinates: acc@161 km, mean and median km, AUC of the sorted ln(1+km) / ln(20039)
(a place with no coordinates is 20,039 km off); country accuracy on matched toponyms with a gold
country.  Per set and pooled; the summary line is
``geo <split>: tag F1 x · acc@161 y · AUC z · country w``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "eval" / "geo"
PROBES = REPO / "benchmarks" / "probes" / "places.jsonl"
SETS = ("gwn", "lgl", "trnews")
MAX_KM = 20039.0


def part_of(article_id: str) -> str:
    return "untouched" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 4 == 0 else "tune"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _valid(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


# ---------------------------------------------------------------------- scoring one article
def score_article(text: str, gold: list[dict[str, Any]], places: list[dict[str, Any]],
                  strict: bool = False) -> dict[str, Any]:
    scored = [g for g in gold if g.get("scored", True)]
    neutral = [g for g in gold if not g.get("scored", True)]
    preds: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for p in places:
        s, e = int(p["start"]), int(p["end"])
        want = p.get("text")
        if want and text[s:e] != want:  # look for the text within 60 characters
            lo = max(0, s - 60)
            k = text.find(want, lo, e + 60 + len(want))
            if k >= 0:
                s, e = k, k + len(want)
        if (s, e) not in seen:
            seen.add((s, e))
            preds.append({**p, "start": s, "end": e})
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(scored):
            ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if ov > 0 and (not strict or text[p["start"]:p["end"]].lower() == g["text"].lower()):
                pairs.append((ov, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for ov, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matches.append((preds[i], scored[j]))
    fp = 0
    fps = []
    for i, p in enumerate(preds):
        if i in used_p:
            continue
        if any(min(p["end"], g["end"]) > max(p["start"], g["start"]) for g in neutral):
            continue
        fp += 1
        fps.append(p)
    errors, country_ok, country_n, bad = [], 0, 0, []
    for p, g in matches:
        if _valid(g.get("lat")) and _valid(g.get("lon")):
            if _valid(p.get("lat")) and _valid(p.get("lon")):
                km = haversine_km(g["lat"], g["lon"], p["lat"], p["lon"])
            else:
                km = MAX_KM
            errors.append(km)
            if km > 161:
                bad.append((p, g, km))
        if g.get("country"):
            country_n += 1
            country_ok += int(p.get("country") == g["country"])
    missed = [g for j, g in enumerate(scored) if j not in used_g]
    return {"tp": len(matches), "fp": fp, "fn": len(scored) - len(matches), "errors": errors,
            "country_ok": country_ok, "country_n": country_n,
            "fps": fps, "missed": missed, "bad": bad}


def summarise(rows: list[dict[str, Any]]) -> dict[str, float]:
    tp = sum(r["tp"] for r in rows)
    fp = sum(r["fp"] for r in rows)
    fn = sum(r["fn"] for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    errs = sorted(e for row in rows for e in row["errors"])
    out = {"P": p, "R": r, "F1": f1, "n_geo": len(errs)}
    if errs:
        out["acc161"] = sum(e <= 161 for e in errs) / len(errs)
        out["mean_km"] = statistics.fmean(errs)
        out["median_km"] = statistics.median(errs)
        logs = [math.log(1 + e) for e in errs]
        if len(logs) > 1:
            area = sum((logs[k] + logs[k + 1]) / 2 for k in range(len(logs) - 1))
            out["AUC"] = area / (len(logs) - 1) / math.log(MAX_KM)
        else:
            out["AUC"] = logs[0] / math.log(MAX_KM)
    cn = sum(r["country_n"] for r in rows)
    out["country"] = sum(r["country_ok"] for r in rows) / cn if cn else float("nan")
    out["n_country"] = cn
    return out


def fmt(name: str, s: dict[str, float]) -> str:
    return (f"{name:<8} P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f} | "
            f"acc@161 {s.get('acc161', float('nan')):.3f} mean {s.get('mean_km', float('nan')):.0f} km "
            f"median {s.get('median_km', float('nan')):.0f} km AUC {s.get('AUC', float('nan')):.3f} "
            f"(n {s['n_geo']}) | country {s['country']:.3f} (n {s['n_country']})")


# ---------------------------------------------------------------------- running
def run(records: list[dict[str, Any]], keep_unresolved: bool) -> tuple[dict[str, list], float]:
    from tidings import nlp
    from tidings.places.gazetteer import gazetteer
    from tidings.places.resolve import find_places

    gazetteer()
    t = time.perf_counter()
    out: dict[str, list] = {}
    texts = [r["text"] for r in records]
    for r, doc in zip(records, nlp.parse_many(texts)):
        out[r["id"]] = find_places(r["text"], doc, dateline=r.get("dateline"),
                                   keep_unresolved=keep_unresolved)
    return out, time.perf_counter() - t


def load(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(ln) for ln in fh if ln.strip()]


def show_errors(rows: list[tuple[str, dict[str, Any]]], n: int) -> None:
    shown = 0
    for rid, r in rows:
        for p in r["fps"][:3]:
            print(f"  FP  {rid}: {p['text']!r} -> {p.get('name')} {p.get('country')}")
        for g in r["missed"][:3]:
            print(f"  FN  {rid}: {g['text']!r} ({g.get('type')}, {g.get('name')})")
        for p, g, km in r["bad"][:3]:
            print(f"  KM  {rid}: {g['text']!r} -> {p.get('name')} {p.get('country')} "
                  f"{p.get('feature')}; gold {g.get('name')} {g.get('country')} "
                  f"{g.get('feature')} {km:.0f} km")
        shown += 1
        if shown >= n:
            break


def score_sets(sets: list[str], part: str, args: argparse.Namespace) -> None:
    pooled: list[dict[str, Any]] = []
    for name in sets:
        path = DATA / f"{name}_dev.jsonl"
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        recs = [r for r in load(path) if part_of(r["id"]) == part]
        out, secs = run(recs, args.keep_unresolved)
        rows = [(r["id"], score_article(r["text"], r["toponyms"], out[r["id"]])) for r in recs]
        print(fmt(name, summarise([x for _, x in rows])) + f" [{len(recs)} articles, {secs:.0f}s]")
        if args.show_errors:
            show_errors(rows, args.show_errors)
        pooled.extend(x for _, x in rows)
    if pooled:
        s = summarise(pooled)
        print(fmt("pooled", s))
        print(f"geo {part}: tag F1 {s['F1']:.3f} · acc@161 {s.get('acc161', float('nan')):.3f} · "
              f"AUC {s.get('AUC', float('nan')):.3f} · country {s['country']:.3f}")


def score_probes(args: argparse.Namespace) -> None:
    recs = load(PROBES)
    for r in recs:
        r.setdefault("id", r.get("probe", ""))
    out, _ = run(recs, args.keep_unresolved)
    rows = []
    for r in recs:
        text = r["text"]
        gold = []
        after: dict[str, int] = {}  # a name listed again is its next occurrence, in text order
        for g in r.get("places", []):
            s = text.find(g["text"], after.get(g["text"], 0)) if "start" not in g else g["start"]
            after[g["text"]] = s + 1
            gold.append({**g, "start": s, "end": s + len(g["text"]), "scored": True})
        for g in r.get("neutral", []):
            s = text.find(g)
            gold.append({"text": g, "start": s, "end": s + len(g), "scored": False})
        res = score_article(text, gold, out[r["id"]])
        rows.append((r["id"], res))
        if args.show_errors and (res["fps"] or res["missed"] or res["bad"]):
            show_errors([(r["id"], res)], 1)
    s = summarise([x for _, x in rows])
    print(fmt("probes", s))
    print(f"geo probes: tag F1 {s['F1']:.3f} · acc@161 {s.get('acc161', float('nan')):.3f} · "
          f"AUC {s.get('AUC', float('nan')):.3f} · country {s['country']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--part", choices=("tune", "untouched", "both"), default="tune")
    ap.add_argument("--probes", action="store_true", help="score the probe set only")
    ap.add_argument("--keep-unresolved", action="store_true",
                    help="also output mentions the gazetteer cannot resolve (null coordinates)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print errors of the first N articles of each set")
    args = ap.parse_args()
    if args.probes:
        score_probes(args)
        return
    sets = [s for s in args.sets.split(",") if s]
    if not DATA.exists():
        print(f"no geo dev data at {DATA}: skipped")
        return
    parts = ("tune", "untouched") if args.part == "both" else (args.part,)
    for part in parts:
        score_sets(sets, part, args)


if __name__ == "__main__":
    sys.exit(main())
