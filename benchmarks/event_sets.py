"""Scoring rules for the event benchmarks (``benchmarks/events.py``), one function per data set.

The rules are those of ``../shared/eval/events/README.md`` (PETR2, PLOVER, ACLED-style snippets,
IndiaPoliceEvents) and, for the project's own probe sets under ``benchmarks/probes/``, the same
set comparison as PETR2 at three levels (root, code, triple).

Every dev set is split once more, by a salted hash of its split id, into a *tuning* part (two
thirds) and an *untouched* part (one third) that is scored only at milestones: figures on the
tuning part say how the coder does on what we look at, figures on the untouched part how it does
on what we do not.  The locked probe set is never tuned against at all.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

Item = tuple[Any, ...]
Record = dict[str, Any]

LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD",
          "XKX": "KSV", "KOS": "KSV", "PAL": "PSE", "SER": "SRB", "UKG": "GBR", "GMY": "DEU",
          "GER": "DEU"}
PLOVER_V05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
ROLES = frozenset("GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI LAB LEG HLH REF MOD "
                  "RAD AGR UAF INS DEV ENV HRI PPL REL MOS CHR JEW HIN BUD SIK CTH PRO ORT SHI"
                  .split())


# ---------------------------------------------------------------------- the tuning split
def part_of(split_id: str) -> str:
    """``tune`` or ``untouched`` (one third), fixed by the split id alone."""
    h = int(hashlib.sha1(("tidings-untouched:" + split_id).encode()).hexdigest(), 16)
    return "untouched" if h % 3 == 0 else "tune"


def split_id(rec: Record) -> str:
    if rec.get("split_id"):
        return str(rec["split_id"])
    if "docid" in rec:  # IndiaPoliceEvents: by article, never by sentence
        return f"police-{rec['docid']}"
    return str(rec["id"])


def load(path: Path) -> list[Record]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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


def side_actor(ev: Record, key: str) -> str | None:
    side = ev.get(key)
    return side.get("actor") if isinstance(side, dict) else None


def asserted(events: Iterable[Record]) -> list[Record]:
    return [e for e in events if not e.get("negated")]


# ---------------------------------------------------------------------- P/R/F1 over sets
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

    @property
    def f1(self) -> float:
        return self.prf()[2]

    def line(self, name: str) -> str:
        p, r, f = self.prf()
        return (f"  {name:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


# ---------------------------------------------------------------------- PETR2
def petr2_gold(rec: Record) -> dict[str, set[Item]]:
    roots, triples, full = set(), set(), set()
    for e in rec["events"]:
        code = e["code"]
        roots.add(code[:2])
        triples.add((country(e["source"]), country(e["target"]), code[:2]))
        full.add((full_actor(e["source"]), full_actor(e["target"]), code[:3]))
    return {"root": roots, "triple": triples, "full": full}


def petr2_pred(events: Iterable[Record]) -> dict[str, set[Item]]:
    roots, triples, full = set(), set(), set()
    for ev in asserted(events):
        code = ev.get("code") or ""
        root = ev.get("root") or code[:2]
        if not root:
            continue
        roots.add(root)
        src, tgt = side_actor(ev, "source"), side_actor(ev, "target")
        triples.add((country(src), country(tgt), root))
        full.add((full_actor(src), full_actor(tgt), code[:3]))
    return {"root": roots, "triple": triples, "full": full}


def score_petr2(records: list[Record], predicted: dict[str, list[Record]],
                show: bool = False) -> dict[str, Score]:
    levels = {"root": Score(), "triple": Score(), "full": Score()}
    for rec in records:
        gold, pred = petr2_gold(rec), petr2_pred(predicted.get(rec["id"], []))
        for k, s in levels.items():
            s.add(pred[k], gold[k])
        if show and pred["triple"] != gold["triple"]:
            print(f"[{rec['id']}] {rec['text'][:140]}\n    gold {sorted(gold['triple'], key=str)}"
                  f"\n    pred {sorted(pred['triple'], key=str)}")
    return levels


# ---------------------------------------------------------------------- PLOVER
def plover_gold(rec: Record) -> dict[str, set[Item]]:
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


def plover_pred(events: Iterable[Record]) -> dict[str, set[Item]]:
    types, triples = set(), set()
    for ev in asserted(events):
        label = plover_label(ev.get("plover"))
        if label is None:
            continue
        types.add(label)
        triples.add((country(side_actor(ev, "source")), country(side_actor(ev, "target")), label))
    return {"type": types, "triple": triples}


def score_plover(records: list[Record], predicted: dict[str, list[Record]],
                 show: bool = False) -> dict[str, Score]:
    levels = {"type": Score(), "triple": Score()}
    for rec in records:
        gold, pred = plover_gold(rec), plover_pred(predicted.get(rec["id"], []))
        for k, s in levels.items():
            s.add(pred[k], gold[k])
        if show and pred["type"] != gold["type"]:
            print(f"[{rec['id']}] {rec['text'][:140]}\n    gold {sorted(gold['type'])}"
                  f"\n    pred {sorted(pred['type'])}")
    return levels


# ---------------------------------------------------------------------- ACLED-style snippets
_VIOLENT = ({"ASSAULT", "FIGHT"}, ("18", "19", "20"))
#: subtype -> (ideal code prefixes, accepted PLOVER types, accepted CAMEO prefixes)
ACLED_RULES: dict[str, tuple[tuple[str, ...], set[str], tuple[str, ...]]] = {
    "ARMED_CLASH": (("190", "193", "194", "196"), *_VIOLENT),
    "AIR_STRIKE": (("195",), *_VIOLENT),
    "ART_MISS_ATTACK": (("194",), *_VIOLENT),
    "CHEM_WEAP": (("204",), *_VIOLENT),
    "GRENADE": (("193", "183"), *_VIOLENT),
    "REM_EXPLOS": (("183",), *_VIOLENT),
    "SUIC_BOMB": (("183",), *_VIOLENT),
    "ATTACK": (("18", "19", "20"), *_VIOLENT),
    "GOV_REGAINS_TERIT": (("192", "190", "193", "194"), {"ASSAULT", "FIGHT"}, ("18", "19", "20", "192")),
    "NON_STATE_ACTOR_OVERTAKES_TER": (("192", "190", "193", "194"), {"ASSAULT", "FIGHT"},
                                      ("18", "19", "20", "192")),
    "ABDUCT_DISSAP": (("181",), {"ASSAULT", "FIGHT"}, ("18", "19", "20", "173")),
    "SEX_VIOL": (("1821",), {"ASSAULT", "FIGHT"}, ("18",)),
    "PEACE_PROTEST": (("140", "141", "142", "143", "144"), {"PROTEST"}, ("14",)),
    "PROTEST_WITH_INTER": (("175", "173"), {"PROTEST"}, ("14", "17")),
    "FORCE_AGAINST_PROTEST": (("175",), {"ASSAULT", "FIGHT"}, ("175", "18", "19", "20")),
    "VIOL_DEMONSTR": (("145",), {"ASSAULT", "FIGHT", "PROTEST"}, ("14", "18", "19", "20")),
    "MOB_VIOL": (("145", "182"), {"ASSAULT", "FIGHT", "PROTEST"}, ("14", "18", "19", "20")),
    "AGREEMENT": (("057", "037", "0356", "087", "0841"), {"AGREE", "CONCEDE", "COOPERATE", "RETREAT"},
                  ("03", "057", "06", "08")),
    "ARREST": (("173",), {"ARREST"}, ("17",)),
    "CHANGE_TO_GROUP_ACT": (("154", "087"), {"MOBILIZE"}, ("15", "087")),
    "DISR_WEAP": (("171", "173"), {"COERCE"}, ("17",)),
    "HQ_ESTABLISHED": (("154", "192"), {"MOBILIZE"}, ("15", "192")),
    "NON_VIOL_TERRIT_TRANSFER": (("0874", "087", "192"), {"RETREAT"}, ("08", "192")),
    "PROPERTY_DISTRUCT": (("171",), {"ASSAULT", "COERCE", "FIGHT"}, ("17", "18")),
    "DIPLO": (("16", "174"), {"ACCUSE", "DEMAND", "DISAPPROVE", "REDUCE_RELATIONS", "REJECT",
                              "REQUEST", "SANCTION", "THREATEN"},
              ("16", "174", "13", "11", "12", "10", "02", "051")),
    "ATTRIB": (("015", "016", "112"), {"ACCUSE", "DISAPPROVE"}, ("015", "016", "11")),
}
ACLED_DISASTERS = ("NATURAL_DISASTER", "MAN_MADE_DISASTER")
ACLED_REPORTED_ONLY = ("ORG_CRIME", "OTHER")


def _code(ev: Record) -> str:
    return str(ev.get("code") or ev.get("root") or "")


def acled_accepted(subtype: str, ev: Record) -> bool:
    _ideal, types, prefixes = ACLED_RULES[subtype]
    return (ev.get("plover") or "").upper() in types or _code(ev).startswith(prefixes)


def acled_ideal(subtype: str, ev: Record) -> bool:
    return _code(ev).startswith(ACLED_RULES[subtype][0])


class AcledScore:
    def __init__(self) -> None:
        self.n: dict[str, int] = defaultdict(int)
        self.hit: dict[str, int] = defaultdict(int)
        self.ideal: dict[str, int] = defaultdict(int)
        self.any_event: dict[str, int] = defaultdict(int)
        self.pol_with_event = self.pol_accepted = 0

    def add(self, subtype: str, events: list[Record]) -> tuple[bool, bool]:
        evs = asserted(events)
        self.n[subtype] += 1
        if evs:
            self.any_event[subtype] += 1
        if subtype not in ACLED_RULES:
            return bool(evs), False
        ok = any(acled_accepted(subtype, e) for e in evs)
        ideal = any(acled_ideal(subtype, e) for e in evs)
        self.hit[subtype] += ok
        self.ideal[subtype] += ideal
        if evs:
            self.pol_with_event += 1
            self.pol_accepted += ok
        return bool(evs), ok

    def macro(self, which: dict[str, int]) -> float:
        subs = [s for s in ACLED_RULES if self.n[s]]
        return sum(which[s] / self.n[s] for s in subs) / len(subs) if subs else 0.0

    @property
    def recall(self) -> float:
        return self.macro(self.hit)

    @property
    def code_recall(self) -> float:
        return self.macro(self.ideal)

    @property
    def precision(self) -> float:
        return self.pol_accepted / self.pol_with_event if self.pol_with_event else 0.0

    @property
    def false_event(self) -> float:
        n = sum(self.n[s] for s in ACLED_DISASTERS)
        return sum(self.any_event[s] for s in ACLED_DISASTERS) / n if n else 0.0

    def lines(self, per_subtype: bool = False) -> list[str]:
        out = [f"  macro recall {self.recall:.3f} · precision {self.precision:.3f} · "
               f"false-event {self.false_event:.3f} · code-level recall {self.code_recall:.3f}"]
        extra = []
        for s in ACLED_REPORTED_ONLY:
            if self.n[s]:
                extra.append(f"{s} with an event {self.any_event[s]}/{self.n[s]}")
        if extra:
            out.append("  reported only: " + "; ".join(extra))
        if per_subtype:
            for s in sorted(ACLED_RULES):
                if self.n[s]:
                    out.append(f"    {s:<30} recall {self.hit[s] / self.n[s]:.2f}  ideal "
                               f"{self.ideal[s] / self.n[s]:.2f}  (n {self.n[s]})")
        return out


def score_acled(records: list[Record], predicted: dict[str, list[Record]],
                show: bool = False, per_subtype: bool = False) -> AcledScore:
    sc = AcledScore()
    for rec in records:
        evs = predicted.get(rec["id"], [])
        any_ev, ok = sc.add(rec["subtype"], evs)
        if show and ((rec["subtype"] in ACLED_RULES and not ok)
                     or (rec["subtype"] in ACLED_DISASTERS and any_ev)):
            got = [(e.get("code"), side_actor(e, "source"), side_actor(e, "target"))
                   for e in asserted(evs)]
            print(f"[{rec['id']} {rec['subtype']}] {rec['text'][:160]}\n    pred {got}")
    return sc


# ---------------------------------------------------------------------- IndiaPoliceEvents
DEATH = re.compile(r"\b(kill\w*|dead|death\w*|died|dies|die|dying|lynch\w*|massacr\w*|murder\w*|"
                   r"succumb\w*|bod(y|ies)|corpses?|fatal\w*|casualt\w*|lives|life)\b", re.I)
POLICE = re.compile(r"\b(police\w*|policem[ae]n|cops?|constables?|constabulary|jawans?|srpf|crpf|"
                    r"rpf|grp|bsf|cisf|rapid action force|raf|security (forces?|personnel|men)|"
                    r"para-?military|home ?guards?|(sub-)?inspectors?|superintendents? of police|"
                    r"commissioners? of police|dsp|sho|dcp|acp|ssp|dgp|igp|ips)\b", re.I)
POLICE_QUESTIONS = ("KILL", "ARREST", "FORCE", "ANY_ACTION")


def _strict_police(ev: Record) -> bool:
    actor = (side_actor(ev, "source") or "").lstrip("-")
    return any(actor[i:i + 3] == "COP" for i in range(0, len(actor), 3))


def _lenient_police(ev: Record) -> bool:
    if _strict_police(ev):
        return True
    src = ev.get("source")
    if isinstance(src, dict):
        words = " ".join(str(src.get(k) or "") for k in ("text", "name"))
        if POLICE.search(words):
            return True
    return False


def _force(code: str) -> bool:
    return (code.startswith(("175", "18", "20"))
            or (code.startswith("19") and not code.startswith(("191", "192"))))


def police_answers(text: str, events: list[Record], lenient: bool) -> set[str]:
    yes: set[str] = set()
    death = bool(DEATH.search(text))
    for ev in events:
        code = _code(ev)
        police = _lenient_police(ev) if lenient else _strict_police(ev)
        if lenient and not police and code.startswith("173") and not ev.get("source"):
            police_arrest = True
        else:
            police_arrest = False
        negative = bool(ev.get("negated")) or ev.get("modality") == "rejected"
        if police and (negative or code.startswith("12")):
            yes.add("FAIL")
        if negative:
            continue
        if police or police_arrest:
            if code.startswith("173"):
                yes.add("ARREST")
        if not police:
            continue
        yes.add("ANY_ACTION")
        if _force(code):
            yes.add("FORCE")
            if code.startswith(("1823", "186", "20")) or death:
                yes.add("KILL")
    return yes


class PoliceScore:
    def __init__(self) -> None:
        self.tp: dict[str, int] = defaultdict(int)
        self.fp: dict[str, int] = defaultdict(int)
        self.fn: dict[str, int] = defaultdict(int)

    def add(self, gold: set[str], pred: set[str]) -> None:
        for q in POLICE_QUESTIONS + ("FAIL",):
            if q in pred and q in gold:
                self.tp[q] += 1
            elif q in pred:
                self.fp[q] += 1
            elif q in gold:
                self.fn[q] += 1

    def prf(self, q: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[q], self.fp[q], self.fn[q]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def macro_f1(self) -> float:
        return sum(self.prf(q)[2] for q in POLICE_QUESTIONS) / len(POLICE_QUESTIONS)

    def lines(self) -> list[str]:
        out = []
        for q in POLICE_QUESTIONS + ("FAIL",):
            p, r, f = self.prf(q)
            out.append(f"    {q:<11} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp[q]}, "
                       f"fp {self.fp[q]}, fn {self.fn[q]})")
        return out


def score_police(records: list[Record], predicted: dict[str, list[Record]],
                 show: bool = False) -> tuple[PoliceScore, PoliceScore]:
    strict, lenient = PoliceScore(), PoliceScore()
    for rec in records:
        if not rec["text"].strip():
            continue
        evs = predicted.get(rec["id"], [])
        gold = set(rec.get("labels") or [])
        ps, pl = police_answers(rec["text"], evs, False), police_answers(rec["text"], evs, True)
        strict.add(gold, ps)
        lenient.add(gold, pl)
        if show and (gold & set(POLICE_QUESTIONS)) != (ps & set(POLICE_QUESTIONS)):
            got = [(e.get("code"), side_actor(e, "source"), (e.get("source") or {}).get("text"),
                    bool(e.get("negated"))) for e in evs]
            print(f"[{rec['id']}] {rec['text'][:160]}\n    gold {sorted(gold)} pred {sorted(ps)} {got}")
    return strict, lenient


# ---------------------------------------------------------------------- probe sets
def probe_gold(rec: Record) -> dict[str, set[Item]]:
    roots, codes, triples = set(), set(), set()
    for e in rec["events"]:
        if e.get("negated"):
            continue
        code = e["code"]
        roots.add(code[:2])
        codes.add(code[:3])
        triples.add((country(e.get("source")), country(e.get("target")), code[:2]))
    return {"root": roots, "code": codes, "triple": triples}


def probe_pred(events: Iterable[Record]) -> dict[str, set[Item]]:
    roots, codes, triples = set(), set(), set()
    for ev in asserted(events):
        code = _code(ev)
        if not code:
            continue
        roots.add(code[:2])
        codes.add(code[:3])
        triples.add((country(side_actor(ev, "source")), country(side_actor(ev, "target")), code[:2]))
    return {"root": roots, "code": codes, "triple": triples}


def score_probe(records: list[Record], predicted: dict[str, list[Record]],
                show: bool = False) -> tuple[dict[str, Score], dict[str, Score]]:
    """Overall levels, and root-level F1 per gold root (for the per-root table)."""
    levels = {"root": Score(), "code": Score(), "triple": Score()}
    per_root: dict[str, Score] = defaultdict(Score)
    for rec in records:
        gold, pred = probe_gold(rec), probe_pred(predicted.get(rec["id"], []))
        for k, s in levels.items():
            s.add(pred[k], gold[k])
        per_root[str(rec.get("root", "xx"))].add(pred["root"], gold["root"])
        if show and pred["code"] != gold["code"]:
            print(f"[{rec['id']}] {rec['text'][:140]}\n    gold {sorted(gold['triple'], key=str)} "
                  f"{sorted(gold['code'])}\n    pred {sorted(pred['triple'], key=str)} {sorted(pred['code'])}")
    return levels, dict(per_root)
