"""Value types of the actor coder: what a mention resolves to, and the entries behind it."""

from __future__ import annotations

from dataclasses import dataclass, field

#: CAMEO role codes that name no country (see the evaluation README and the CAMEO manual)
ROLE_CODES: frozenset[str] = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI LAB LEG HLH REF MOD RAD AGR UAF "
    "INS SEP DEV ENV HRI PPL REL MOS CHR JEW HIN BUD SIK CTH PRO ORT SHI".split()
)

#: heads of a body of water's name ("the South China Sea", "the Gulf of Aden"): water named for
#: a land is not that land
WATER_BODIES: frozenset[str] = frozenset("sea seas ocean gulf bay strait straits channel".split())

#: legacy/alternate country codes folded onto the codes the project emits
LEGACY_CODES: dict[str, str] = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD",
    "XKX": "KSV", "KOS": "KSV", "PAL": "PSE", "SER": "SRB", "UKG": "GBR", "GMY": "DEU",
    "GER": "DEU",
}


@dataclass(frozen=True)
class ActorMatch:
    """A resolved actor: CAMEO code, canonical name, what it is, and its country part."""

    code: str  # "USAGOV", "RUS", "SYRMIL", "IGOUNO"
    name: str  # canonical name: "Mike Pompeo", "Russia", "United States"
    kind: str  # "country" | "igo" | "person" | "group" | "role"
    country: str | None  # "USA"; "IGO"/"NGO"/... for international actors; None when unknown


@dataclass(frozen=True)
class Entry:
    """One way of writing an actor, as found in a data file.

    ``start``/``end`` (ISO dates, inclusive) restrict when the code applies; ``tier`` 0 is the
    project's own data, 1 a file the user loaded (user entries win).  ``place`` marks names that
    are also plain locations (capitals, cities), ``acronym`` short upper-case forms that only
    match when written in capitals ("US" but not "us").
    """

    code: str
    name: str
    kind: str
    country: str | None
    start: str | None = None
    end: str | None = None
    tier: int = 0
    acronym: bool = False
    proper: bool = False  # written capitalised in our data: "Congress", not "congress"
    #: written with its article in our data and nowhere without it ("the States", "the Gulf"):
    #: the bare word is an ordinary one ("the party States", "Gulf" of a company's name)
    article: bool = False
    place: bool = False
    person: str | None = None  # officeholder id: all their offices are looked up together

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        if self.start is not None and date < self.start:
            return False
        if self.end is not None and date > self.end:
            return False
        return True


@dataclass(frozen=True)
class Role:
    """A role word ("troops" -> MIL); ``prefix`` is a default actor when no country is found."""

    code: str  # "MIL", "GOV", "GOVMIL", "" for prefix-only entries
    tier: int = 0
    prefix: str | None = None  # e.g. "IGO" for "peacekeepers"
    weak: bool = False  # a generic person word ("spokesman", "official"): a modifier's role wins


@dataclass
class Office:
    code: str
    office: str
    start: str | None
    end: str | None


@dataclass
class Person:
    """An officeholder: nationality and the dated offices that decide the code on a date."""

    id: str
    name: str
    country: str
    offices: list[Office] = field(default_factory=list)


def country_part(code: str | None) -> str | None:
    """First three letters of a code, with legacy codes folded; None for role-only codes."""
    if not code:
        return None
    head = code[:3].upper()
    if head == "---" or head in ROLE_CODES:
        return None
    return LEGACY_CODES.get(head, head)


def date_bound(value: str, *, end: bool) -> str | None:
    """"2019", "2019-05" or "2019-05-15" -> an inclusive ISO bound of a date range ("" -> open)."""
    value = value.strip()
    if not value:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-31" if end else f"{parts[0]}-{parts[1]}-01"
    return value


#: prefixes after which a name says whom a mention is for or against, not whose it is
STANCE_PREFIXES = frozenset({"anti", "pro"})


#: participles after which a name is a patron, not the mention's own side ("Iran-backed
#: militias" are not Iran's; "US-led", "Hamas-run" and "Russian-installed" keep the name's)
PATRON_PARTICIPLES = frozenset("backed supported sponsored funded armed trained allied aligned "
                               "affiliated inspired".split())


def stance_prefixed(lower: list[str], i: int) -> bool:
    """Whether the word at ``i`` says whom a mention is for or against, not whose it is: after
    "anti-" or "pro-" ("an anti-Syria journalist", "pro-Russian separatists"), or before
    "-backed" and the like ("Iran-backed militias"), given the text's lower-cased words."""
    if i >= 2 and lower[i - 1] == "-" and lower[i - 2] in STANCE_PREFIXES:
        return True
    return i + 2 < len(lower) and lower[i + 1] == "-" and lower[i + 2] in PATRON_PARTICIPLES

