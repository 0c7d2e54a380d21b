"""Reading actor dictionaries analysts already have, and the project's own CSV format.

Formats (chosen by content, not by name):

- PETRARCH/TABARI ``.actors.txt``: a phrase in capitals with ``_`` for spaces, its codes in
  brackets on the same line or on indented lines below, ``+PHRASE`` synonyms of the entry above,
  ``#`` comments.  Codes may be dated: ``[IGOUNO >20070101]``, ``[AFGGOV 791227-861124]``,
  ``[RUSGOV <20040309]`` (YYMMDD or YYYYMMDD).
- PETRARCH agents files: ``PHRASE [~GOV]`` (append a role to the country found beside it),
  ``PHRASE [IGO~]`` (prefix), optional ``{PLURAL}`` forms, ``!NAME! = A, B`` substitution sets.
- The project's CSV: a header line with at least ``phrase`` and ``code``; optional ``name``,
  ``kind`` (country|igo|person|group|role), ``start``, ``end`` (YYYY[-MM[-DD]]).  A code written
  ``~MIL`` makes the phrase a role word.

Every entry read here has tier 1: it wins over the project's own knowledge for the same phrase.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from tidings.actors.types import Entry, Role, date_bound
from tidings.errors import TidingsError

if TYPE_CHECKING:
    from tidings.actors.knowledge import ActorKnowledge

_CODE = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^!([A-Z0-9_]+)!\s*=\s*(.+)$")
_SUBST_USE = re.compile(r"!([A-Z0-9_]+)!")


class DictionaryError(TidingsError):
    """An actor dictionary file that cannot be read."""


def load_file(knowledge: ActorKnowledge, path: Path, tier: int = 1) -> int:
    """Add the entries of one dictionary file; returns how many phrases were added."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"cannot read actor dictionary {path}: {exc}") from exc
    head = "\n".join(l for l in text.splitlines()[:200] if l.strip() and not l.startswith("#"))
    first = head.splitlines()[0] if head else ""
    if "," in first and "phrase" in first.lower() and "code" in first.lower():
        return load_csv(knowledge, text, tier)
    if "[~" in text or re.search(r"\[[A-Z]{3}~\]", text):
        return load_agents(knowledge, text, tier)
    return load_actors(knowledge, text, tier)


def _date(raw: str, *, end: bool) -> str | None:
    raw = raw.strip()
    if not raw.isdigit():
        return None
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = f"{2000 + yy if yy <= 30 else 1900 + yy}{raw[2:]}"
    if len(raw) != 8:
        return None
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def parse_code(raw: str) -> tuple[str, str | None, str | None]:
    """"RUSGOV >20040309" -> ("RUSGOV", "2004-03-09", None)."""
    parts = raw.split()
    if not parts:
        return "", None, None
    code = parts[0].strip()
    start = end = None
    if len(parts) > 1:
        restriction = parts[1]
        if restriction.startswith(">"):
            start = _date(restriction[1:], end=False)
        elif restriction.startswith("<"):
            end = _date(restriction[1:], end=True)
        elif "-" in restriction:
            a, b = restriction.split("-", 1)
            start, end = _date(a, end=False), _date(b, end=True)
    return code, start, end


def _phrase(raw: str) -> str:
    return raw.strip().strip("+").replace("_", " ").strip()


def _kind(code: str) -> str:
    if code.startswith("IGO"):
        return "igo"
    if len(code) == 3:
        return "country"
    return "group"


def load_actors(knowledge: ActorKnowledge, text: str, tier: int = 1) -> int:
    """A PETRARCH/TABARI ``.actors.txt`` file."""
    count = 0
    phrases: list[str] = []
    codes: list[tuple[str, str | None, str | None]] = []

    def flush() -> None:
        nonlocal count
        if phrases and codes:
            name = phrases[0].title()
            for phrase in phrases:
                for code, start, end in codes:
                    if not code or not code[:3].isalpha():
                        continue
                    country = code[:3]
                    display = knowledge.country_name(code) if len(code) == 3 else name
                    knowledge.add(phrase, Entry(code=code, name=display, kind=_kind(code),
                                                country=country, start=start, end=end, tier=tier))
                    count += 1
        phrases.clear()
        codes.clear()

    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        found = [parse_code(c) for c in _CODE.findall(body)]
        bare = _CODE.sub("", body).strip()
        if line[:1] in (" ", "\t") and not bare:
            codes.extend(found)  # indented code lines for the block above
            continue
        if bare.startswith("+"):
            if codes and not found and not phrases:
                continue
            phrases.append(_phrase(bare))
            codes.extend(found)
            continue
        flush()
        if bare:
            phrases.append(_phrase(bare.split("{")[0]))
        codes.extend(found)
    flush()
    return count


def load_agents(knowledge: ActorKnowledge, text: str, tier: int = 1) -> int:
    """A PETRARCH agents file: generic agents -> role codes."""
    subst: dict[str, list[str]] = {}
    count = 0
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = _SUBST.match(body)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        found = _CODE.findall(body)
        if not found:
            continue
        phrase = re.sub(r"\{[^}]*\}", "", _CODE.sub("", body)).strip()
        plurals = re.findall(r"\{([^}]*)\}", body)
        role_code, prefix = "", None
        for raw in found:
            raw = raw.strip()
            if raw.startswith("~"):
                role_code = raw[1:].split()[0] if raw[1:].strip() else ""
            elif raw.endswith("~"):
                prefix = raw[:-1]
        role = Role(code=role_code, tier=tier, prefix=prefix)
        for variant in _expand(phrase, subst) + [p for p in plurals if p.strip()]:
            knowledge.add_role(_phrase(variant), role)
            count += 1
    return count


def _expand(phrase: str, subst: dict[str, list[str]]) -> list[str]:
    m = _SUBST_USE.search(phrase)
    if not m or m.group(1) not in subst:
        return [phrase]
    out: list[str] = []
    for word in subst[m.group(1)]:
        joiner = "" if m.start() > 0 and phrase[m.start() - 1] not in " _" else ""
        out.extend(_expand(phrase[: m.start()] + joiner + word + phrase[m.end():], subst))
    return out


def load_csv(knowledge: ActorKnowledge, text: str, tier: int = 1) -> int:
    """The project's own CSV: phrase,code[,name][,kind][,start][,end]."""
    reader = csv.DictReader(io.StringIO("\n".join(
        l for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#"))))
    count = 0
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        phrase, code = row.get("phrase", ""), row.get("code", "").upper()
        if not phrase or not code:
            continue
        if code.startswith("~"):
            knowledge.add_role(phrase, Role(code=code[1:], tier=tier))
        else:
            start = date_bound(row.get("start", ""), end=False)
            end = date_bound(row.get("end", ""), end=True)
            knowledge.add(phrase, Entry(code=code, name=row.get("name") or phrase,
                                        kind=row.get("kind") or _kind(code), country=code[:3],
                                        start=start, end=end, tier=tier))
        count += 1
    return count
