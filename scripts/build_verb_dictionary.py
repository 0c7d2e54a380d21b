"""Compile PETRARCH-2's CAMEO verb dictionary into ``src/tidings/data/events/verbs.tsv``.

Run from the repository root::

    .venv/bin/python scripts/build_verb_dictionary.py [--source ../shared/reference/petrarch-dictionaries/CAMEO.2.0.txt]

What carries over are the dictionary's verb-to-code facts, under its MIT licence (© 2015 Open
Event Data Alliance; the notice is written at the top of the output): which verbs form a block,
the block's default codes, the codes a verb carries itself, the synonym sets, and each pattern's
required subject words, object words and prepositional phrases with its active and passive code.
Comments, coder initials, the transformation rules and TABARI's source/target markers (``$``,
``+``, ``^``, ``%``) are dropped: tidings finds source and target in the dependency parse.

The same reader serves ``tidings analyze --verbs FILE`` at run time (``tidings.events.verbdict``
parses PETRARCH-format files directly); this script only writes the packaged table so that the
dictionary is not needed to run tidings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tidings.events.verbdict import parse_petrarch, write_table  # noqa: E402

DEFAULT_SOURCE = REPO.parent / "shared" / "reference" / "petrarch-dictionaries" / "CAMEO.2.0.txt"
OUT = REPO / "src" / "tidings" / "data" / "events" / "verbs.tsv"

NOTICE = """\
# tidings verb table: CAMEO verb-to-code facts compiled by scripts/build_verb_dictionary.py from
# PETRARCH-2's verb dictionary CAMEO.2.0.txt (openeventdata/petrarch2 @676801cd, data/dictionaries).
# Those facts are used under the MIT License:
#
#   Copyright (c) 2015 Open Event Data Alliance
#
#   Permission is hereby granted, free of charge, to any person obtaining a copy of this software
#   and associated documentation files (the "Software"), to deal in the Software without
#   restriction, including without limitation the rights to use, copy, modify, merge, publish,
#   distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
#   Software is furnished to do so, subject to the following conditions:
#
#   The above copyright notice and this permission notice shall be included in all copies or
#   substantial portions of the Software.
#
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
#   BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
#   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
#   DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
#   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Do not edit by hand: corrections for news usage live in verb_overrides.tsv.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args()
    if not args.source.exists():
        sys.exit(f"{args.source} not found: the PETRARCH-2 dictionaries sit in "
                 "../shared/reference/petrarch-dictionaries beside a developer clone")
    table = parse_petrarch(args.source.read_text(encoding="utf-8"), origin=args.source.name)
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(NOTICE)
        write_table(table, fh)
    print(f"{args.output}: {len(table.sets)} synonym sets, {len(table.blocks)} blocks, "
          f"{sum(len(v) for v in table.verbs.values())} verb entries "
          f"({len(table.verbs)} lemmas), {sum(len(b.patterns) for b in table.blocks.values())} patterns")


if __name__ == "__main__":
    main()
