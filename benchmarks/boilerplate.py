"""Site furniture left in an article's text: the project's probe set, written from what news sites
put around a story (share rows, ad labels, newsletter and app prompts, reading times, gallery
counters, navigation between posts, disclaimers, wire footers) and sentences of reporting that
share their words ("share", "comments", "app", "next", "cookies") but are not furniture.  Each line
goes through ingest's line filter (``tidings.ingest.text._residue``); the script prints the share
of furniture taken out and of reporting wrongly taken out.  ``--locked`` scores the probe written
after the filter was changed (figures only).

    .venv/bin/python benchmarks/boilerplate.py [--misses] [--locked]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tidings.ingest.text import _residue

PROBES = Path(__file__).parent / "probes"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list the lines judged wrongly")
    ap.add_argument("--locked", action="store_true", help="the locked probe: figures only")
    args = ap.parse_args(argv)
    probe = PROBES / ("boilerplate_probe_locked.jsonl" if args.locked else "boilerplate_probe.jsonl")
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
