"""How many sentences of real news the event coder finds an event in, beside a plain keyword list.

    .venv/bin/python benchmarks/real_news.py [--part tune|untouched] [--show N]

Data: the geo sets' real news articles (``../shared/eval/geo``: GeoWebNews, LGL, TR-News; their
README gives origin and licence), split into a tuning and an untouched part as ``geo.py`` splits
them (by the article id).  Each article goes through the analyser; the script counts the sentences
the coder finds an event in and the sentences the keyword list of ``events.py`` (the words a
conflict-news reader would grep for) matches, and how many each finds that the other does not.
Neither count is a gold figure: a keyword in a sentence is no event, and this corpus has no event
gold.  It answers one question, whether the coder misses much of what a keyword search would
bring up on news it was not written from; ``--show N`` prints N sentences of each one-sided kind
to read why.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import KEYWORDS  # noqa: E402
from geo import part_of  # noqa: E402

GEO = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "geo"
SETS = ("gwn", "lgl", "trnews")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("tune", "untouched"), default="tune")
    ap.add_argument("--show", type=int, default=0, help="print this many one-sided sentences of each kind")
    args = ap.parse_args()
    files = [GEO / f"{name}_dev.jsonl" for name in SETS]
    if not all(f.exists() for f in files):
        print(f"skipped: the geo sets are not at {GEO}")
        return

    from tidings.model import Article
    from tidings.pipeline import Analyzer

    analyzer = Analyzer()
    coder = keyword = coder_only = keyword_only = sentences = 0
    one_sided: dict[str, list[str]] = {"coder only": [], "keyword only": []}
    for f in files:
        for line in f.open(encoding="utf-8"):
            rec = json.loads(line)
            if part_of(rec["id"]) != args.part:
                continue
            art = Article(id=rec["id"], text=rec["text"], published=rec.get("published") or "2018-01-01")
            doc = analyzer.nlp(art.text)
            found = {e.sentence for e in analyzer.analyze_doc(art, doc).events}
            for i, sent in enumerate(doc.sents):
                sentences += 1
                has_event, has_word = i in found, bool(KEYWORDS.search(sent.text))
                coder += has_event
                keyword += has_word
                if has_event and not has_word:
                    coder_only += 1
                    one_sided["coder only"].append(sent.text)
                elif has_word and not has_event:
                    keyword_only += 1
                    one_sided["keyword only"].append(sent.text)
    print(f"real news ({args.part} part of {', '.join(SETS)}): {sentences} sentences; the coder finds an event "
          f"in {coder}, the keyword list matches {keyword} (coder only {coder_only}, keyword only {keyword_only})")
    for kind, texts in one_sided.items():
        for text in random.Random(kind).sample(texts, min(args.show, len(texts))):
            print(f"  [{kind}] {' '.join(text.split())[:200]}")


if __name__ == "__main__":
    main()
