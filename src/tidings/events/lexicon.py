"""The event lexicon: predicates (verbs, event nouns, intent adjectives) -> CAMEO codes.

Data: ``tidings/data/events/lexicon.txt`` (format documented at the top of that file).  Frame
transforms (``T`` lines) turn a complement's code into the code of the frame that embeds it:
"threatened to impose sanctions" = threat(163) = 1312, "offered to release" = intent(0841) = 0353.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from tidings.events.codebook import is_code

KINDS = ("V", "N", "A")
#: the code of an entry that says "this predicate, in this context, is not an event" (it also
#: keeps the verb table's coarser default away: "a gas cylinder exploded")
NOT_CODED = "-"
FRAMES = ("intent", "threat", "reject", "appeal", "demand", "consider")


@dataclass(frozen=True)
class Entry:
    kind: str  # V, N, A
    key: str  # lemma, or lemma+particle
    code: str
    line: int
    obj: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    need: frozenset[str] = frozenset()
    to: tuple[str, ...] = ()
    src: tuple[str, ...] = ()
    rev: bool = False
    notobj: bool = False
    recip: bool = False
    frame: str | None = None
    xc: frozenset[str] = frozenset()
    #: what the object of a need= preposition must be ("added to its sanctions list")
    pobj: frozenset[str] = frozenset()
    plural: bool = False
    conf: float = 0.8
    #: where an entry not read from lexicon.txt came from (the verb table, an override)
    rule: str = ""
    origin: str = "lexicon.txt"

    @property
    def lemma(self) -> str:
        return self.key.split("+", 1)[0]

    @property
    def particle(self) -> str | None:
        parts = self.key.split("+", 1)
        return parts[1] if len(parts) == 2 else None

    def describe(self) -> str:
        """A short, stable name for the entry that fired (shown with each event)."""
        if self.rule:
            return self.rule
        opts = []
        if self.obj:
            opts.append("obj=" + "|".join(sorted(self.obj))[:40])
        if self.frame:
            opts.append("frame=" + self.frame)
        return f"{self.kind} {self.key.replace('+', ' ')} {self.code}" + (
            f" ({', '.join(opts)})" if opts else ""
        ) + f" [{self.origin}:{self.line}]"


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    adjectives: dict[str, list[Entry]] = field(default_factory=dict)
    transforms: dict[str, dict[str, str | None]] = field(default_factory=dict)
    #: named word classes ("W @arms ..."), written once and used in any entry's obj=/subj=
    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def entries(self, kind: str, lemma: str) -> list[Entry]:
        table = {"V": self.verbs, "N": self.nouns, "A": self.adjectives}[kind]
        return table.get(lemma, [])

    def act_noun(self, lemma: str) -> bool:
        """Whether a noun names an act by itself: it has an entry that needs no complement (a
        "plan" names one only with the act it is to: ``xc=*``)."""
        return any("*" not in e.xc for e in self.nouns.get(lemma, []))

    def transform(self, frame: str, code: str) -> str | None:
        """The frame's code for a complement ``code`` (longest prefix match); None = not coded."""
        table = self.transforms.get(frame, {})
        for k in range(len(code), 0, -1):
            if code[:k] in table:
                return table[code[:k]]
        return None

    def all_entries(self) -> list[Entry]:
        out: list[Entry] = []
        for table in (self.verbs, self.nouns, self.adjectives):
            for entries in table.values():
                out.extend(entries)
        return out


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


#: marks the coder reads off the parse rather than the words (a place's proper name, people
#: named by number, a state or a news outlet named as such, a military or labour sense of the
#: trigger): no word class, they stay
CODER_MARKS = frozenset({"@place", "@people", "@state", "@media", "@military", "@labour"})


def _expand(words: tuple[str, ...], lex: Lexicon, where: str) -> list[str]:
    """Words with each named class ("@arms") replaced by its members; the coder's marks stay."""
    out: list[str] = []
    for w in words:
        if w.startswith("@") and w not in CODER_MARKS:
            if w not in lex.classes:
                raise ValueError(f"{where}: unknown word class {w!r} (define it first: W {w} a|b|c)")
            out.extend(lex.classes[w])
        else:
            out.append(w)
    return out


def parse_lexicon(text: str, origin: str = "lexicon.txt", lex: Lexicon | None = None) -> Lexicon:
    """Read entries into ``lex`` (a new lexicon by default); entries of a later file for a key
    come after the earlier file's."""
    lex = lex if lex is not None else Lexicon()
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        kind = parts[0]
        if kind == "T":
            _, frame, prefix, code = parts
            if frame not in FRAMES:
                raise ValueError(f"{origin}:{lineno}: unknown frame {frame!r}")
            target = None if code == "-" else code
            if target is not None and not is_code(target):
                raise ValueError(f"{origin}:{lineno}: {target!r} is not a CAMEO code")
            lex.transforms.setdefault(frame, {})[prefix] = target
            continue
        if kind == "W":
            if len(parts) != 3 or not parts[1].startswith("@"):
                raise ValueError(f"{origin}:{lineno}: a word class is 'W @name a|b|c', not {raw!r}")
            lex.classes[parts[1]] = _split(parts[2])
            continue
        if kind not in KINDS or len(parts) < 3:
            raise ValueError(f"{origin}:{lineno}: cannot read {raw!r}")
        key, code = parts[1], parts[2]
        if code != NOT_CODED and not is_code(code):
            raise ValueError(f"{origin}:{lineno}: {code!r} is not a CAMEO code")
        kw: dict[str, object] = {}
        for opt in parts[3:]:
            name, _, value = opt.partition("=")
            if name in ("obj", "subj", "need", "xc", "pobj"):
                kw[name] = frozenset(_expand(_split(value), lex, f"{origin}:{lineno}"))
            elif name in ("to", "src"):
                kw[name] = _split(value)
            elif name in ("rev", "notobj", "recip", "plural"):
                kw[name] = True
            elif name == "light":
                pass  # the default for nouns; accepted for readability
            elif name == "frame":
                if value not in FRAMES:
                    raise ValueError(f"{origin}:{lineno}: unknown frame {value!r}")
                kw["frame"] = value
            elif name == "conf":
                kw["conf"] = float(value)
            else:
                raise ValueError(f"{origin}:{lineno}: unknown option {opt!r}")
        entry = Entry(kind=kind, key=key.replace("_", " "), code=code, line=lineno, origin=origin,
                      **kw)  # type: ignore[arg-type]
        table = {"V": lex.verbs, "N": lex.nouns, "A": lex.adjectives}[kind]
        table.setdefault(entry.lemma, []).append(entry)
    return lex


#: the packaged lexicon files, in the order their entries are tried
LEXICON_FILES = ("lexicon.txt", "lexicon_additions.txt")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    folder = resources.files("tidings.data").joinpath("events")
    lex = Lexicon()
    for name in LEXICON_FILES:
        f = folder.joinpath(name)
        if f.is_file():
            parse_lexicon(f.read_text("utf-8"), origin=name, lex=lex)
    return lex
