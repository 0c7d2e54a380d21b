"""Surface-form churn: one entity named in many inconsistent ways within one article.

Synonym spinners rewrite "Russia" as "Russian Federation" and "the US" as "the USA" at random, so
a spun article names the same country in three or four forms, mixes dotted and undotted
abbreviations ("US" and "U.S.") and drops official long forms beside short ones, or in place of
them ("the Republic of Chile" where a report writes "Chile").  Normal writing
varies too, but in fixed ways: a full name then a short one ("the United States", then "U.S."),
a person's full name then the surname.  The signal counts only the variation beyond that.

Country and organisation mentions are grouped by actor code with ``tidings.actors`` when it is
installed; otherwise by a small normaliser built from pycountry and ``country_forms.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.model import Article, Entity
from tidings.reliability.findings import Finding, ramp

GROUP_LABELS = frozenset({"GPE", "ORG", "LOC"})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # the same names recur in article after article
def surface(text: str) -> str:
    """A mention as written, minus what never varies meaningfully: a leading article, a
    possessive, accents, case of the non-acronym words.  Dots are kept: "US" vs "U.S." counts."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).replace("’", "'")
    t = _SPACE.sub(" ", t).strip(" ,;:\"'()[]")
    t = re.sub(r"'s?$", "", t)
    t = re.sub(r"^(?:the|The|THE)\s+", "", t)
    return t if _is_acronym(t) else t.lower()


def _is_acronym(t: str) -> bool:
    letters = t.replace(".", "").replace(" ", "")
    return 1 < len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _key(text: str) -> str:
    return surface(text).lower().replace(".", "")


@dataclass
class CountryForms:
    """Fallback normaliser: mention key -> group code, and which forms are official long names."""

    by_key: dict[str, str] = field(default_factory=dict)
    official: set[str] = field(default_factory=set)

    def code(self, text: str) -> str | None:
        return self.by_key.get(_key(text))


@lru_cache(maxsize=1)
def country_forms() -> CountryForms:
    forms = CountryForms()
    try:
        import pycountry

        for c in pycountry.countries:
            short = getattr(c, "common_name", None) or c.name
            for name in {c.name, short, getattr(c, "official_name", None)}:
                if name and "," not in name:
                    forms.by_key.setdefault(_key(name), c.alpha_3)
            for name in (c.name, getattr(c, "official_name", None)):
                if name and "," not in name and name != short and len(name) > len(short):
                    forms.official.add(_key(name))
            forms.by_key.setdefault(c.alpha_3.lower(), c.alpha_3)
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    news_names: set[str] = set()
    data = resources.files("tidings.data").joinpath("reliability/country_forms.tsv").read_text("utf-8")
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, names = line.split("\t")[:2]
        listed = names.split("|")
        for i, name in enumerate(listed):
            forms.by_key[_key(name)] = code
            if i > 0 and len(name.split()) >= 2 and len(name) > len(listed[0]):
                forms.official.add(_key(name))
        news_names.add(_key(listed[0]))
    # the name a report uses is never an inflation, however official ("the Czech Republic")
    forms.official -= news_names
    return forms


Resolver = Callable[[str, str | None], str | None]


def _actors_resolver() -> Resolver | None:
    """Group by tidings.actors when that package is installed and loads; None otherwise."""
    try:
        from tidings.actors import ActorKnowledge  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        knowledge: Any = _load_knowledge(ActorKnowledge)
    except Exception:
        return None
    fallback = country_forms()

    def resolve(text: str, date: str | None) -> str | None:
        match = knowledge.lookup(text, date)
        if match is None or match.kind not in ("country", "igo"):
            return None
        k = _key(text)
        # a capital standing for its government ("Washington") is normal metonymy, not a form of
        # the country's name: count only names of the actor itself
        if fallback.by_key.get(k) is None and k != _key(match.name) and not _is_acronym(surface(text)):
            return None
        return str(match.country if match.kind == "country" and match.country else match.code)

    return resolve


_knowledge_cache: dict[int, Any] = {}


def _load_knowledge(cls: Any) -> Any:
    if id(cls) not in _knowledge_cache:
        _knowledge_cache[id(cls)] = cls.load()
    return _knowledge_cache[id(cls)]


def _fallback_resolver() -> Resolver:
    forms = country_forms()

    def resolve(text: str, date: str | None) -> str | None:
        return forms.code(text)

    return resolve


def group_mentions(entities: list[Entity], article: Article, resolver: Resolver) -> dict[str, list[Entity]]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    for ent in entities:
        if ent.label not in GROUP_LABELS:
            continue
        code = resolver(ent.text, article.published)
        if code:
            groups[code].append(ent)
    return groups


def churn(forms: set[str], official: set[str]) -> tuple[int, list[str]]:
    """Variation beyond the normal full name + abbreviation + informal name, and the reasons."""
    reasons: list[str] = []
    extra = max(0, len(forms) - 3)
    if extra:
        reasons.append(f"{len(forms)} different forms")
    acronyms = sorted(f for f in forms if _is_acronym(f))
    if len(acronyms) > 1:
        extra += 1
        reasons.append("abbreviated inconsistently: " + ", ".join(acronyms))
    keys = {f.replace(".", "").lower() for f in forms}
    if len(forms) >= 2 and keys & official and keys - official:
        extra += 1
        reasons.append("official long name mixed with the short name")
    elif keys & official:
        # "the Republic of Chile", "the Kingdom of Spain" in running news copy: a report names a
        # country by its short name; the ceremonial long form alone is a spinner's inflation
        extra += 1
        reasons.append("official long name where a report writes the short name")
    return extra, reasons


def _variant_first_names(a: str, b: str) -> bool:
    """Two spellings of one given name ("sergei"/"sergey"), not two people ("bill"/"hillary")."""
    if a == b or a[0] != b[0] or len(a) < 3 or len(b) < 3:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.6


def person_conflicts(entities: list[Entity]) -> list[tuple[str, list[str]]]:
    """People written with different spellings of one full name ("Sergei"/"Sergey Lavrov")."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for ent in entities:
        if ent.label != "PERSON" or "/" in ent.text:
            continue
        toks = surface(ent.text).split()
        if len(toks) >= 2 and all(t[:1].isalpha() for t in toks):
            by_surname[toks[-1].lower()].add(" ".join(t.lower() for t in toks))
    out: list[tuple[str, list[str]]] = []
    for surname, full in by_surname.items():
        firsts = sorted({f.split()[0] for f in full})
        clash = sorted(
            {f for f in full for g in full if _variant_first_names(f.split()[0], g.split()[0])}
        )
        if clash and len(firsts) >= 2:
            out.append((surname, clash))
    return out


def detect(article: Article, entities: list[Entity]) -> list[Finding]:
    resolver = _actors_resolver() or _fallback_resolver()
    official = country_forms().official
    total = 0
    evidence: list[str] = []
    spans: list[tuple[int, int]] = []
    for _code, ents in sorted(group_mentions(entities, article, resolver).items()):
        forms = {surface(e.text) for e in ents}
        extra, reasons = churn(forms, official)
        if extra:
            total += extra
            shown = sorted({e.text for e in ents}, key=lambda s: (s.lower(), s))  # a total order: same output every run
            evidence.append(" / ".join(f'"{s}"' for s in shown) + f" ({'; '.join(reasons)})")
            spans.extend((e.start, e.end) for e in ents)
    for surname, full in person_conflicts(entities):
        total += len(full) - 1
        evidence.append(" / ".join(f'"{f.title()}"' for f in full) + " (one person, different names)")
        spans.extend((e.start, e.end) for e in entities if e.label == "PERSON" and surname in e.text.lower())
    if not total:
        return []
    return [
        Finding(
            "name_churn",
            ramp(total, 0, 3),
            "the same entity is named in many inconsistent forms, the trace of automatic synonym rewriting",
            evidence,
            sorted(spans),
        )
    ]
