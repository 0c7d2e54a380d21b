"""Actor coding benchmark on the PLOVER and PETR2 dev sentences.

    python benchmarks/actors.py [--data ../shared/eval/events] [--actors FILE ...]

Accuracy = share of gold source and target actors whose COUNTRY PART (first three letters of the
code, legacy codes folded as in the events README; "IGO"/"NGO" count as country parts) tidings
resolves correctly from the sentence.  Gold actors without a country part ("---REB", bare role
codes) are left out and counted separately.

How the mention is found:
- PLOVER: the gold gives each actor's `text`; its first occurrence in the sentence
  (whole words, exact case first, then any case; whitespace-tolerant) is coded with ``ArticleActors.code_span``; a mention
  that cannot be found in the sentence counts as wrong.
- PETR2: the gold gives only codes.  A gold actor counts as resolved when ANY entity or noun
  chunk of the sentence resolves (``code_span``) to that country part.  This measures whether
  the coder can produce the actor from the sentence at all (recall-like); the events benchmark
  measures whether it picks the right one.

Each sentence is one article with its `published` date when the gold has one.  Runs twice: own
knowledge only, and with the Phoenix dictionaries (`--actors`, default: every .txt in
../shared/reference/petrarch-dictionaries).  Also prints the Phoenix load time and resolver
mentions per second (code_span calls on entities + noun chunks, parse time excluded).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from tidings import nlp
from tidings.actors import ActorKnowledge, country_part
from tidings.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "events"
DEFAULT_DICTS = ROOT.parent / "shared" / "reference" / "petrarch-dictionaries"


def _find(text: str, mention: str) -> tuple[int, int] | None:
    words = [re.escape(w) for w in mention.split()]
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
    m = re.search(pattern, text) or re.search(pattern, text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def load(data: Path) -> tuple[list[dict], list[dict]]:
    def read(name: str) -> list[dict]:
        path = data / name
        return [json.loads(l) for l in path.read_text().splitlines() if l.strip()]

    return read("plover_dev.jsonl"), read("petr2_dev.jsonl")


def evaluate(knowledge: ActorKnowledge, plover: list[dict], petr2: list[dict],
             docs: dict[str, object], verbose: bool = False) -> dict[str, float]:
    right = total = skipped = 0
    calls = 0
    elapsed = 0.0
    per_set: dict[str, list[int]] = {"plover": [0, 0], "petr2": [0, 0]}
    for item in plover:
        doc = docs[item["id"]]
        article = Article(id=item["id"], text=item["text"], published=item.get("published"))
        t0 = time.perf_counter()
        actors = knowledge.for_article(article, doc)  # type: ignore[arg-type]
        elapsed += time.perf_counter() - t0
        for event in item["events"]:
            for actor in event["source"] + event["target"]:
                gold = country_part(actor.get("code"))
                if gold is None:
                    skipped += 1
                    continue
                found = _find(item["text"], actor.get("text") or "")
                pred = None
                if found is not None:
                    t0 = time.perf_counter()
                    match = actors.code_text(*found)
                    elapsed += time.perf_counter() - t0
                    calls += 1
                    pred = country_part(match.code) if match else None
                ok = pred == gold
                right += ok
                total += 1
                per_set["plover"][0] += ok
                per_set["plover"][1] += 1
                if verbose and not ok:
                    print(f"  PLOVER miss {gold} <- {pred} {actor.get('text')!r} | {item['text'][:110]}")
    for item in petr2:
        doc = docs[item["id"]]
        article = Article(id=item["id"], text=item["text"], published=item.get("published"))
        t0 = time.perf_counter()
        actors = knowledge.for_article(article, doc)  # type: ignore[arg-type]
        spans = list(doc.ents) + list(doc.noun_chunks)  # type: ignore[attr-defined]
        produced = set()
        for span in spans:
            match = actors.code_span(span)
            calls += 1
            if match is not None:
                produced.add(country_part(match.code))
        elapsed += time.perf_counter() - t0
        for event in item["events"]:
            for code in (event.get("source"), event.get("target")):
                gold = country_part(code)
                if gold is None:
                    skipped += 1
                    continue
                ok = gold in produced
                right += ok
                total += 1
                per_set["petr2"][0] += ok
                per_set["petr2"][1] += 1
                if verbose and not ok:
                    print(f"  PETR2 miss {gold} (have {sorted(p for p in produced if p)}) | {item['text'][:110]}")
    return {
        "accuracy": right / total if total else 0.0,
        "total": total,
        "skipped": skipped,
        "plover": per_set["plover"][0] / max(1, per_set["plover"][1]),
        "petr2": per_set["petr2"][0] / max(1, per_set["petr2"][1]),
        "mentions_per_s": calls / elapsed if elapsed else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--actors", type=Path, nargs="*", default=None,
                        help="extra dictionaries (default: the Phoenix files when present)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args()
    if not (args.data / "plover_dev.jsonl").exists() or not (args.data / "petr2_dev.jsonl").exists():
        print(f"skipped: no dev sentences in {args.data}")
        return 0
    plover, petr2 = load(args.data)
    items = plover + petr2
    docs = dict(zip((i["id"] for i in items), nlp.parse_many(i["text"] for i in items)))

    own = ActorKnowledge.load()
    res = evaluate(own, plover, petr2, docs, verbose=args.verbose)
    print(f"actors dev (own knowledge): accuracy {res['accuracy']:.3f} over {res['total']} gold "
          f"actors (PLOVER {res['plover']:.3f}, PETR2 {res['petr2']:.3f}; {res['skipped']} "
          f"without a country left out) · {res['mentions_per_s']:.0f} mentions/s")

    extra = args.actors
    if extra is None:
        extra = sorted(DEFAULT_DICTS.glob("*.txt")) if DEFAULT_DICTS.exists() else []
    if not extra:
        print("skipped: Phoenix run (no dictionaries found)")
        return 0
    ActorKnowledge._cache.clear()
    t0 = time.perf_counter()
    phoenix = ActorKnowledge.load(extra)
    load_s = time.perf_counter() - t0
    res = evaluate(phoenix, plover, petr2, docs, verbose=False)
    print(f"actors dev (+ {len(extra)} dictionaries): accuracy {res['accuracy']:.3f} "
          f"(PLOVER {res['plover']:.3f}, PETR2 {res['petr2']:.3f}) · "
          f"{res['mentions_per_s']:.0f} mentions/s · dictionary load {load_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
