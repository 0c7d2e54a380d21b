"""Whether the event coder knows the verbs a dictionary gives for each CAMEO root.

    .venv/bin/python benchmarks/vocabulary.py

Data: ``probes/events_vocabulary.tsv``, verbs of each root's sense (criticising: "chastised",
"castigated", "excoriated" ...) written from the codebook before the coder was run on them.  Each
verb goes into a plain sentence between two states ("Kenya's government VERB Uganda's
government on Monday.") or, for acts of force, between two armies, and the script prints the
verbs whose root the coder does not find, then how many.  It measures vocabulary, not parsing:
a miss is a word the coder does not know in its plainest use.  (Some misses are the template's:
a government "freed" is no prisoner.)  ``probes/events_vocabulary_nouns.tsv`` does the same for
acts named by nouns ("Kenya's expulsion of Ugandan traders", "an incursion into Ugandan
territory"), each written as a whole sentence, and ``probes/events_vocabulary_passives.tsv`` for
acts told in the passive ("Uganda's ambassador was expelled by Kenya on Monday."), and
``probes/events_vocabulary_headlines.tsv`` for acts told in headlines ("Kenya recalls ambassador
from Kampala"), and ``probes/events_vocabulary_idioms.tsv`` for acts told by the multiword
expressions of news ("came under fire from", "threw its weight behind", "cracked down on"), and
``probes/events_vocabulary_attributions.tsv`` for acts told inside the forms that say who reports
them ("Uganda's foreign ministry says Kenyan police arrested ...", "..., state media reported",
"According to ..."), and ``probes/events_vocabulary_clauses.tsv`` for acts told in subordinate,
relative and coordinated clauses ("after Uganda expelled ...", "the traders, who were arrested by
...", "accused each other"), and ``probes/events_vocabulary_stances.tsv`` for acts told through the
stance toward them, in verbal, adjectival and nominal forms ("is ready to", "the refusal to", "the
threat of", "the call for"), and ``probes/events_vocabulary_domains.tsv`` for acts of press
freedom, regional blocs, sports diplomacy and energy transit ("revoked the accreditation of",
"suspended Guinea from", "cut off gas supplies to").
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PROBE = Path(__file__).resolve().parent / "probes" / "events_vocabulary.tsv"
NOUNS = Path(__file__).resolve().parent / "probes" / "events_vocabulary_nouns.tsv"
PASSIVES = Path(__file__).resolve().parent / "probes" / "events_vocabulary_passives.tsv"
HEADLINES = Path(__file__).resolve().parent / "probes" / "events_vocabulary_headlines.tsv"
IDIOMS = Path(__file__).resolve().parent / "probes" / "events_vocabulary_idioms.tsv"
ATTRIBUTIONS = Path(__file__).resolve().parent / "probes" / "events_vocabulary_attributions.tsv"
CLAUSES = Path(__file__).resolve().parent / "probes" / "events_vocabulary_clauses.tsv"
STANCES = Path(__file__).resolve().parent / "probes" / "events_vocabulary_stances.tsv"
DOMAINS = Path(__file__).resolve().parent / "probes" / "events_vocabulary_domains.tsv"
#: roots whose acts are force, told between two armies rather than two governments
FORCE_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
STATES = "Kenya's government {verb} Uganda's government on Monday."
ARMIES = "The Kenyan army {verb} Ugandan soldiers near the border on Monday."


def main() -> None:
    from tidings.model import Article
    from tidings.pipeline import Analyzer

    analyzer = Analyzer()
    verbs = [(root, (ARMIES if root in FORCE_ROOTS else STATES).format(verb=verb)) for root, verb in _rows(PROBE)]
    for name, rows in (("verbs", verbs), ("nouns", _rows(NOUNS)), ("passives", _rows(PASSIVES)),
                       ("headlines", _rows(HEADLINES)), ("idioms", _rows(IDIOMS)),
                       ("attributions", _rows(ATTRIBUTIONS)), ("clauses", _rows(CLAUSES)),
                       ("stances", _rows(STANCES)), ("domains", _rows(DOMAINS))):
        missed = 0
        for root, text in rows:
            events = analyzer.analyze(Article(id="vocabulary", text=text, published="2025-01-06")).events
            found = sorted({e.code[:2] for e in events if not e.negated})
            if root not in found:
                missed += 1
                print(f"  {root}  {text:<90} -> {', '.join(found) or 'nothing'}")
        print(f"vocabulary, {name}: {len(rows) - missed}/{len(rows)} coded with their root")


def _rows(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(root, rest) for root, rest in (line.split("\t", 1) for line in lines
                                             if line.strip() and not line.startswith("#"))]


if __name__ == "__main__":
    main()
