"""Score the event coder on the PETR2 and PLOVER dev sentences (rules: ../shared/eval/events/README.md).

    .venv/bin/python benchmarks/events.py [--data DIR] [--direct] [--show-errors]

Default: every sentence becomes one article {"id", "text", "published"} of one JSONL file, run
through the public batch CLI (``python -m tidings analyze IN --format jsonl --output OUT``).
``--direct`` calls ``tidings.events.code_events`` in-process with ``tidings.nlp`` and
``tidings.actors`` instead.  Either way the script also times the spaCy parse and the coding of
the same sentences in-process and prints both.

Levels: PETR2 root, triple (source country, target country or none, root), full (full actors,
3-digit code); PLOVER type and triple (with compound/reciprocal expansion).  Micro P/R/F1 over
per-sentence sets; negated events and events lacking the scored field are ignored.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "eval" / "events"

LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD",
          "XKX": "KSV", "KOS": "KSV", "PAL": "PSE", "SER": "SRB", "UKG": "GBR", "GMY": "DEU",
          "GER": "DEU"}
PLOVER_V05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
ROLES = frozenset("GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI LAB LEG HLH REF MOD "
                  "RAD AGR UAF INS DEV ENV HRI PPL REL MOS CHR JEW HIN BUD SIK CTH PRO ORT SHI"
                  .split())

Item = tuple[Any, ...]


# ---------------------------------------------------------------------- normalisation
def full_actor(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    while code.startswith("---"):
        code = code[3:]
    if not code:
        return None
    return LEGACY.get(code[:3], code[:3]) + code[3:]


def country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if code.startswith("---"):
        return None
    head = code[:3]
    if head in ROLES or len(head) < 3:
        return None
    return LEGACY.get(head, head)


def plover_label(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().upper()
    return PLOVER_V05.get(label, label)


# ---------------------------------------------------------------------- gold sets
def petr2_gold(rec: dict[str, Any]) -> dict[str, set[Item]]:
    roots, triples, full = set(), set(), set()
    for e in rec["events"]:
        code = e["code"]
        roots.add(code[:2])
        triples.add((country(e["source"]), country(e["target"]), code[:2]))
        full.add((full_actor(e["source"]), full_actor(e["target"]), code[:3]))
    return {"root": roots, "triple": triples, "full": full}


def plover_gold(rec: dict[str, Any]) -> dict[str, set[Item]]:
    types, triples = set(), set()
    for e in rec["events"]:
        label = plover_label(e.get("plover") or e.get("plover_v05"))
        if label is None:
            continue
        types.add(label)
        srcs = [country(s["code"]) for s in e["source"]] or [None]
        tgts = [country(t["code"]) for t in e["target"]]
        if e.get("reciprocal") and not tgts:
            cs = sorted({c for c in srcs if c})
            pairs = [(a, b) for a in cs for b in cs if a != b]
            if not pairs and cs:  # one distinct country acting on itself
                pairs = [(cs[0], cs[0])]
            for a, b in pairs:
                triples.add((a, b, label))
        else:
            for a in srcs:
                for b in tgts or [None]:
                    triples.add((a, b, label))
    return {"type": types, "triple": triples}


# ---------------------------------------------------------------------- predicted sets
def _side(ev: dict[str, Any], key: str) -> str | None:
    side = ev.get(key)
    return side.get("actor") if isinstance(side, dict) else None


def petr2_pred(events: Iterable[dict[str, Any]]) -> dict[str, set[Item]]:
    roots, triples, full = set(), set(), set()
    for ev in events:
        if ev.get("negated"):
            continue
        code = ev.get("code") or ""
        root = ev.get("root") or code[:2]
        if not root:
            continue
        roots.add(root)
        src, tgt = _side(ev, "source"), _side(ev, "target")
        triples.add((country(src), country(tgt), root))
        full.add((full_actor(src), full_actor(tgt), code[:3]))
    return {"root": roots, "triple": triples, "full": full}


def plover_pred(events: Iterable[dict[str, Any]]) -> dict[str, set[Item]]:
    types, triples = set(), set()
    for ev in events:
        label = plover_label(ev.get("plover"))
        if ev.get("negated") or label is None:
            continue
        types.add(label)
        triples.add((country(_side(ev, "source")), country(_side(ev, "target")), label))
    return {"type": types, "triple": triples}


# ---------------------------------------------------------------------- scoring
class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, pred: set[Item], gold: set[Item]) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def line(self, name: str) -> str:
        p, r, f = self.prf()
        return (f"  {name:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


def load(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------------- running the coder
def run_cli(records: list[dict[str, Any]], python: str) -> dict[str, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for r in records:
                art = {"id": r["id"], "text": r["text"]}
                if r.get("published"):
                    art["published"] = r["published"]
                fh.write(json.dumps(art) + "\n")
        cmd = [python, "-m", "tidings", "analyze", str(inp), "--format", "jsonl",
               "--output", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
        if proc.returncode != 0:
            sys.exit(f"tidings analyze failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        result: dict[str, list[dict[str, Any]]] = {}
        for line in load(out):
            result[line.get("id")] = line.get("events") or []
        return result


def run_direct(
    records: list[dict[str, Any]],
) -> tuple[dict[str, list[dict[str, Any]]], float, float, float]:
    """Coded events per id, and the seconds spent parsing, setting up actors, coding."""
    from tidings import nlp
    from tidings.actors import ActorKnowledge
    from tidings.events import code_events
    from tidings.model import Article

    model = nlp.load()
    knowledge = ActorKnowledge.load()
    texts = [r["text"] for r in records]
    model(texts[0])  # warm up
    t0 = time.perf_counter()
    docs = list(model.pipe(texts, batch_size=32))
    parse_s = time.perf_counter() - t0
    result: dict[str, list[dict[str, Any]]] = {}
    actors_s = code_s = 0.0
    for r, doc in zip(records, docs):
        art = Article(id=r["id"], text=r["text"], published=r.get("published"))
        t0 = time.perf_counter()
        actors = knowledge.for_article(art, doc)
        t1 = time.perf_counter()
        result[r["id"]] = [e.to_dict() for e in code_events(art, doc, actors)]
        t2 = time.perf_counter()
        actors_s += t1 - t0
        code_s += t2 - t1
    return result, parse_s, actors_s, code_s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--direct", action="store_true", help="call code_events in-process, not the CLI")
    ap.add_argument("--python", default=sys.executable, help="interpreter for the CLI run")
    ap.add_argument("--show-errors", action="store_true", help="print each sentence's misses")
    args = ap.parse_args(argv)

    petr_path, plover_path = args.data / "petr2_dev.jsonl", args.data / "plover_dev.jsonl"
    if not petr_path.exists() or not plover_path.exists():
        print(f"skipped: event dev data not found under {args.data}")
        return 0
    petr, plover = load(petr_path), load(plover_path)
    records = petr + plover

    direct, parse_s, actors_s, code_s = run_direct(records)
    if args.direct:
        predicted = direct
        mode = "direct (tidings.events.code_events)"
    else:
        predicted = run_cli(records, args.python)
        mode = "CLI (python -m tidings analyze --format jsonl)"
        if not any(predicted.values()) and any(direct.values()):
            print("note: the CLI returned no events at all although code_events finds some: "
                  "is tidings.events wired into the pipeline? (--direct scores the coder itself)")

    levels = {"root": Score(), "triple": Score(), "full": Score()}
    for rec in petr:
        gold, pred = petr2_gold(rec), petr2_pred(predicted.get(rec["id"], []))
        for k, s in levels.items():
            s.add(pred[k], gold[k])
        if args.show_errors and (pred["triple"] != gold["triple"]):
            print(f"[{rec['id']}] {rec['text'][:110]}\n    gold {sorted(gold['triple'], key=str)}"
                  f"\n    pred {sorted(pred['triple'], key=str)}")
    plevels = {"type": Score(), "triple": Score()}
    for rec in plover:
        gold, pred = plover_gold(rec), plover_pred(predicted.get(rec["id"], []))
        for k, s in plevels.items():
            s.add(pred[k], gold[k])
        if args.show_errors and pred["triple"] != gold["triple"]:
            print(f"[{rec['id']}] {rec['text'][:110]}\n    gold {sorted(gold['triple'], key=str)}"
                  f"\n    pred {sorted(pred['triple'], key=str)}")

    print(f"events dev ({mode}); data {args.data.resolve()}")
    print(f"PETR2 ({len(petr)} sentences)")
    for k, s in levels.items():
        print(s.line(k))
    print(f"PLOVER ({len(plover)} sentences)")
    for k, s in plevels.items():
        print(s.line(k))
    n_events = sum(len(v) for v in direct.values())
    print(f"timing ({len(records)} sentences, {n_events} events, in-process): spaCy parse "
          f"{parse_s:.2f}s; event coding {code_s:.2f}s (+{100 * code_s / parse_s:.0f}% of the "
          f"parse, its actor lookups included); actor set-up per article (tidings.actors "
          f"for_article) {actors_s:.2f}s")
    rf, tf, pf = levels["root"].prf()[2], levels["triple"].prf()[2], plevels["type"].prf()[2]
    print(f"events dev: root F1 {rf:.3f} · triple F1 {tf:.3f} (PETR2) · plover F1 {pf:.3f} "
          "(PLOVER type)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
