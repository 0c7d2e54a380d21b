"""Site furniture left in an article's text: the project's probe set, written from what news sites
put around a story (share rows, ad labels, newsletter and app prompts, reading times, gallery
counters, navigation between posts, disclaimers, wire footers) and sentences of reporting that
share their words ("share", "comments", "app", "next", "cookies") but are not furniture.  Each line
goes through ingest's line filter (``tidings.ingest.text._residue``); the script prints the share
of furniture taken out and of reporting wrongly taken out.  ``--locked`` scores the probe written
after the filter was changed (figures only).  ``--second`` scores a second probe
(``boilerplate_probe_b.jsonl``: paywalls, reader prompts, contact lines, video players,
timestamps, breadcrumbs, footer links), written from the same definitions on 2026-12-04 before the
filter learnt to read a line's grammar, and scored before and after that change.

``--clean`` runs the filter over every paragraph of real article bodies in ``../shared/eval`` (the
hand-annotated bodies of the extraction set, and the PolNeAR texts) and counts the ones it would
take out, by reason: each is a line of reporting lost (``--misses`` lists them).

    .venv/bin/python benchmarks/boilerplate.py [--misses] [--locked | --second | --clean]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from tidings.ingest.text import _residue

PROBES = Path(__file__).parent / "probes"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def _bodies(data: Path) -> list[tuple[str, str]]:
    """(name, text) of every real article body the eval folder holds, read in place."""
    out: list[tuple[str, str]] = []
    truth = data / "extract" / "ground-truth-dev.json"
    if truth.is_file():
        for key, rec in sorted(json.loads(truth.read_text("utf-8")).items()):
            out.append((f"extract/{key[:12]}", rec.get("articleBody") or ""))
    for f in sorted((data / "quotes" / "polnear").glob("*/text/*.txt")):
        out.append((f"polnear/{f.stem}", f.read_text("utf-8")))
    return out


def _clean(data: Path, show: bool) -> int:
    bodies = _bodies(data)
    if not bodies:
        print(f"skipped: no article bodies under {data}")
        return 0
    counts: dict[str, int] = {}
    lines = 0
    for name, text in bodies:
        for par in re.split(r"\n\s*\n|\n", text):
            par = par.strip()
            if not par:
                continue
            lines += 1
            reason = _residue(par)
            if reason is not None:
                counts[reason] = counts.get(reason, 0) + 1
                if show:
                    print(f"  {reason}  [{name}] {par[:160]}")
    taken = sum(counts.values())
    by = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
    print(f"real body paragraphs taken out: {taken}/{lines} ({by}) in {len(bodies)} articles")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list the lines judged wrongly")
    ap.add_argument("--locked", action="store_true", help="the locked probe: figures only")
    ap.add_argument("--second", action="store_true", help="the second probe (boilerplate_probe_b.jsonl)")
    ap.add_argument("--clean", action="store_true",
                    help="count paragraphs of real article bodies in ../shared/eval that would be taken out")
    ap.add_argument("--data", type=Path, default=SHARED, help="the eval folder (default ../shared/eval)")
    args = ap.parse_args(argv)
    if args.clean:
        return _clean(args.data, args.misses)
    name = "boilerplate_probe_locked" if args.locked else "boilerplate_probe_b" if args.second else "boilerplate_probe"
    probe = PROBES / f"{name}.jsonl"
    rows = [json.loads(line) for line in probe.read_text("utf-8").splitlines() if line.strip()]
    pos = [r for r in rows if r["boilerplate"]]
    neg = [r for r in rows if not r["boilerplate"]]
    hit = [r for r in pos if _residue(r["text"]) == "boilerplate"]
    false = [r for r in neg if _residue(r["text"]) is not None]
    print(f"furniture taken out: {len(hit)}/{len(pos)} ({len(hit) / max(1, len(pos)):.0%})")
    print(f"reporting taken out: {len(false)}/{len(neg)} ({len(false) / max(1, len(neg)):.0%})")
    if args.misses:
        for r in pos:
            if r not in hit:
                print(f"  missed [{r['style']}] {r['text']}")
        for r in false:
            print(f"  false  [{r['style']}] {_residue(r['text'])}: {r['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
