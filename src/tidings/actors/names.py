"""Plain names for CAMEO actor codes, for people reading a table of them: ``GNBGOV`` ->
"Guinea-Bissau government", ``IGOUNO`` -> "United Nations", ``USAMILREB`` -> "United States
military, rebels".  From the project's own country and organisation tables and the CAMEO role
codes' meanings (CAMEO manual, actor codebook)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from tidings.actors.types import LEGACY_CODES

#: what each CAMEO role (and common group) code stands for, in the words a reader expects
ROLE_NAMES: dict[str, str] = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "PTY": "political party",
    "COP": "police", "JUD": "judiciary", "SPY": "intelligence", "MED": "media", "EDU": "education",
    "BUS": "business", "CRM": "criminals", "CVL": "civilians", "ELI": "elites", "LAB": "labour",
    "LEG": "legislature", "HLH": "health", "REF": "refugees", "MOD": "moderates", "RAD": "radicals",
    "AGR": "agriculture", "UAF": "armed forces (unaffiliated)", "INS": "insurgents", "SEP": "separatists",
    "DEV": "development", "ENV": "environment", "HRI": "human rights", "PPL": "people", "REL": "religious",
    "MOS": "Muslim", "CHR": "Christian", "JEW": "Jewish", "HIN": "Hindu", "BUD": "Buddhist", "SIK": "Sikh",
    "CTH": "Catholic", "PRO": "Protestant", "ORT": "Orthodox", "SHI": "Shia", "SUN": "Sunni",
    "IGO": "intergovernmental organisation", "NGO": "non-governmental organisation",
    "NGM": "non-governmental movement", "MNC": "multinational company", "SET": "settlers",
    "AMN": "Amnesty International", "IRC": "Red Cross", "UIS": "unidentified state actor",
}
#: CAMEO region codes used in place of a country
REGION_NAMES: dict[str, str] = {
    "AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CAS": "Central Asia", "CAU": "Caucasus",
    "CFR": "Central Africa", "CRB": "Caribbean", "EAF": "East Africa", "EAS": "East Asia",
    "EEU": "Eastern Europe", "EUR": "Europe", "LAM": "Latin America", "MEA": "Middle East",
    "MDT": "Mediterranean", "NAF": "North Africa", "NAM": "North America", "PGS": "Persian Gulf",
    "SAF": "Southern Africa", "SAM": "South America", "SAS": "South Asia", "SEA": "Southeast Asia",
    "WAF": "West Africa", "WST": "the West",
}


def _rows(name: str) -> list[list[str]]:
    text = resources.files("tidings.data.actors").joinpath(name).read_text(encoding="utf-8")
    return [r for r in csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t")]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    countries = {r[0]: r[1] for r in _rows("countries.tsv")[1:] if len(r) > 1}
    organisations: dict[str, str] = {}
    for r in _rows("organisations.tsv"):
        if len(r) > 1:
            organisations.setdefault(r[0], r[1])  # the first row of a code is its main name
    return countries, organisations


@lru_cache(maxsize=4096)
def actor_name(code: str | None) -> str | None:
    """A reader's name for a CAMEO actor code; None when the code is empty or unknown."""
    if not code or not code.isalnum() or len(code) % 3:
        return None
    code = code.upper()
    countries, organisations = _tables()
    blocks = [code[i:i + 3] for i in range(0, len(code), 3)]
    head = LEGACY_CODES.get(blocks[0], blocks[0])
    place = countries.get(head) or REGION_NAMES.get(head)
    if place is None:  # an international actor: its organisation (the longest known prefix), then roles
        for n in range(len(blocks), 1, -1):
            prefix = "".join(blocks[:n])
            if prefix in organisations:
                rest = [ROLE_NAMES.get(b) for b in blocks[n:]]
                return organisations[prefix] + (f" {', '.join(r for r in rest if r)}" if any(rest) else "")
    roles = [ROLE_NAMES.get(b) for b in (blocks[1:] if place else blocks)]
    if not all(roles):
        return None
    words = ", ".join(r for r in roles if r)
    if place is None:
        return words[:1].upper() + words[1:]
    return f"{place} {words}".strip()
