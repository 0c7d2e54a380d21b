"""Which CAMEO codes the coder can produce, and from where.

A code is reachable when some rule can emit it: a curated lexicon entry, a frame transform (the
intent, threat, rejection, appeal and demand forms of a complement), the verb table's patterns,
verbs and block defaults with the reviewed overrides, the means of violence, or a context rule
(claims of responsibility and accusations, reported demands).  ``coverage_report`` counts them
per root against the codebook.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tidings.events.aims import BY_AIM
from tidings.events.codebook import codebook
from tidings.events.inquiries import KINDS as INQUIRY_KINDS
from tidings.events.lexicon import NOT_CODED, Lexicon, load_lexicon
from tidings.events.requests import CODES as REQUEST_CODES
from tidings.events.threats import KINDS as THREAT_CODES
from tidings.events.verbdict import VerbTable, coverage, load_table
from tidings.events.violence import MEANS, MEANS_PAIRS

#: codes the context rules write (frames.py, context.py): reported demands, claims of
#: responsibility, accusations, criticism of an idea
CONTEXT_CODES = frozenset({"100", "015", "112", "111"})


@dataclass
class RootCoverage:
    root: str
    codes: list[str] = field(default_factory=list)
    reachable: dict[str, set[str]] = field(default_factory=dict)  # code -> sources

    @property
    def missing(self) -> list[str]:
        return [c for c in self.codes if c not in self.reachable]

    @property
    def share(self) -> float:
        return (len(self.codes) - len(self.missing)) / len(self.codes) if self.codes else 1.0


def reachable_codes(lexicon: Lexicon | None = None,
                    table: VerbTable | None = None) -> dict[str, set[str]]:
    """Every code some rule can emit, with the kinds of rule that emit it."""
    lex = lexicon or load_lexicon()
    tab = table or load_table()
    out: dict[str, set[str]] = defaultdict(set)
    for e in lex.all_entries():
        if e.code != NOT_CODED:
            out[e.code].add("lexicon")
    for frame, table_ in lex.transforms.items():
        for code in table_.values():
            if code:
                out[code].add(f"frame:{frame}")
    for codes in coverage(tab).values():
        for c in codes:
            out[c].add("verb table")
    for code, _ in MEANS:
        out[code].add("means of violence")
    for code in MEANS_PAIRS.values():
        out[code].add("means of violence")
    for code in CONTEXT_CODES:
        out[code].add("context rule")
    for base in BY_AIM:
        for digit in ("1", "2", "3", "4") if base != "123" else ("1", "2"):
            if base in out:
                out[base + digit].add("aim of " + base)
    if "122" in out:
        out["1221"].add("aim of 122")
        out["1222"].add("aim of 122")
    for table_ in REQUEST_CODES.values():
        for code in table_.values():
            if code:
                out[code].add("thing asked")
    for code in THREAT_CODES:
        out[code].add("act threatened")
    for code in INQUIRY_KINDS:
        out[code].add("thing investigated")
    for code in ("185", "186"):
        out[code].add("office of the killed")
    return dict(out)


def coverage_report(lexicon: Lexicon | None = None,
                    table: VerbTable | None = None) -> list[RootCoverage]:
    reach = reachable_codes(lexicon, table)
    roots: dict[str, RootCoverage] = {}
    for code in codebook():
        if len(code) < 3:
            continue  # a bare root is not a code any rule should emit
        rc = roots.setdefault(code[:2], RootCoverage(code[:2]))
        rc.codes.append(code)
        if code in reach:
            rc.reachable[code] = reach[code]
    return [roots[r] for r in sorted(roots)]
