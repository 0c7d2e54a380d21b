"""Pasted photo captions: the project's probe set, written from the conventions of photo desks.

``benchmarks/probes/captions_probe.jsonl`` holds captions in the forms agencies and newspapers
print them (credit in brackets, AGENCY/Photographer, "Photograph:", "FILE -", "Image caption",
handout and screenshot lines, present-tense descriptions of a picture) and sentences of reporting
that share their words ("photo", "walks", "above", "file", a place and a date) but are not
captions.  Each line goes through ingest's line filter (``tidings.ingest.text._residue``); the
script prints the share of captions taken out and the share of reporting sentences wrongly taken
out, by style.  The probe set was written before the detector was run on it; entries are never
added or changed to fix a miss.  ``--second`` scores a second probe (``captions_probe_b.jsonl``:
captions without a verb, participle captions, "representational image", credits after a pipe or
for a newspaper, stills and supplied pictures), written on 2026-12-04 before the detector was next
changed, and scored before and after.  ``--third`` scores ``captions_probe_c.jsonl`` (45 captions in
the forms of South Asian, African, Latin American and European outlets and websites: "Photo:",
"Pic:", "Image:", "(File)", "Courtesy:", "Photo/Supplied", "From left:", "Inset:", gallery and video
lines; 30 look-alike sentences of reporting), written on 2026-12-04 (eighth session) by a writer
who saw neither the detector nor the other probes, scored once before the detector was changed
(23/45 captions, 2/30 reporting sentences taken out) and then looked at.

    .venv/bin/python benchmarks/captions.py [--misses] [--locked | --second | --third]
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
    ap.add_argument("--locked", action="store_true",
                    help="the locked probe (captions_probe_locked.jsonl): written after the detector was "
                         "changed, scored for figures only, never used to change it")
    ap.add_argument("--second", action="store_true", help="the second probe (captions_probe_b.jsonl)")
    ap.add_argument("--third", action="store_true", help="the third probe (captions_probe_c.jsonl)")
    args = ap.parse_args(argv)
    name = ("captions_probe_locked" if args.locked else "captions_probe_b" if args.second
            else "captions_probe_c" if args.third else "captions_probe")
    probe = PROBES / f"{name}.jsonl"
    rows = [json.loads(line) for line in probe.read_text("utf-8").splitlines() if line.strip()]
    caught = {True: 0, False: 0}
    total = {True: 0, False: 0}
    wrong: list[tuple[bool, str, str | None, str]] = []
    for r in rows:
        reason = _residue(r["text"])
        out = reason in ("caption", "photo credit")
        total[r["caption"]] += 1
        caught[r["caption"]] += out
        if out != r["caption"]:
            wrong.append((r["caption"], r["style"], reason, r["text"]))
    print(f"captions taken out: {caught[True]}/{total[True]} ({caught[True] / max(1, total[True]):.0%})")
    print(f"reporting sentences taken out as captions: {caught[False]}/{total[False]} "
          f"({caught[False] / max(1, total[False]):.0%})")
    if args.misses:
        for is_cap, style, reason, text in wrong:
            print(f"  {'missed' if is_cap else 'false '} [{style}] {reason or '-'}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
