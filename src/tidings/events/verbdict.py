"""The broad verb table behind the curated lexicon: PETRARCH-format verb dictionaries.

A PETRARCH/TABARI verb dictionary groups verbs into blocks (``--- NAME [default] ---``); a block's
patterns (``- PRE * POST [active:passive]``) refine its default by the words around the verb: the
subject (PRE), the object words and the prepositional phrases after it (POST).  This module reads
that format (for ``--verbs FILE`` and for the build script that compiles the packaged table),
reads and writes the packaged table (``data/events/verbs.tsv``), applies the reviewed overrides
(``data/events/verb_overrides.tsv``) and matches a verb's context against the patterns.

It knows nothing of spaCy: the coder hands it a :class:`VerbContext` of plain words, so the
matching reads alone and is tested alone.

Matching follows TABARI's conventions where they are about words: a dictionary word matches a
token that equals it or its lemma, or that extends it by an inflection (``TROOP`` matches
"troops", ``SANCTION`` "sanctioned"); a trailing ``_`` asks for the whole word; ``A_B`` is a
phrase of consecutive words; ``&SET`` any member of a synonym set; ``(PREP WORDS)`` a
prepositional phrase on the verb (or its object) whose object phrase holds the words; ``{A B}``
words of one noun phrase (matched as words after the verb).  Among the patterns that match, the
one with most elements wins, then the earlier one.  A ``[---]`` pattern that wins means "not an
event".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, TextIO

from tidings.events.codebook import is_code

#: a pattern or verb code that says "do not code" (PETRARCH's ``---``)
BLOCKED = "-"


@dataclass(frozen=True)
class Pattern:
    block: str
    subj: tuple[str, ...]
    obj: tuple[str, ...]
    pps: tuple[tuple[str, tuple[str, ...]], ...]
    active: str | None  # None: not coded in this voice; BLOCKED: explicitly not an event
    passive: str | None
    line: int
    size: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", len(self.subj) + len(self.obj)
                           + sum(1 + len(w) for _, w in self.pps))

    def describe(self) -> str:
        parts = [" ".join(self.subj), "*", " ".join(self.obj),
                 " ".join(f"({p} {' '.join(w)})".replace(" )", ")") for p, w in self.pps)]
        return " ".join(p for p in parts if p)


@dataclass
class Block:
    name: str
    active: str | None
    passive: str | None
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    rest: tuple[str, ...]  # words that follow the verb in a multi-word verb ("meet with")
    block: str
    active: str | None  # the verb's own code; None: the block's
    passive: str | None
    own: bool = False


@dataclass(frozen=True)
class Override:
    """A reviewed correction of the table for news usage (``verb_overrides.tsv``)."""

    lemma: str
    rest: tuple[str, ...]
    obj: frozenset[str]
    subj: frozenset[str]
    code: str  # BLOCKED = never coded from the table
    reason: str
    line: int


@dataclass
class VerbTable:
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    blocks: dict[str, Block] = field(default_factory=dict)
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # irregular form -> lemma
    overrides: dict[str, list[Override]] = field(default_factory=dict)
    origin: str = "verbs.tsv"

    def add_verb(self, entry: VerbEntry) -> None:
        self.verbs.setdefault(entry.lemma, []).append(entry)

    def merge(self, other: VerbTable) -> None:
        """Add another table's facts (``--verbs FILE``): its blocks are renamed by origin so
        that two files' blocks of one name stay apart; its verbs are tried after ours."""
        rename = {name: f"{other.origin}:{name}" for name in other.blocks}
        for name, block in other.blocks.items():
            new = rename[name]
            self.blocks[new] = Block(new, block.active, block.passive,
                                     [Pattern(new, p.subj, p.obj, p.pps, p.active, p.passive, p.line)
                                      for p in block.patterns])
        for entries in other.verbs.values():
            for e in entries:
                self.add_verb(VerbEntry(e.lemma, e.rest, rename.get(e.block, e.block), e.active,
                                        e.passive, e.own))
        for name, words in other.sets.items():
            self.sets[name] = self.sets.get(name, frozenset()) | words
        for form, lemma in other.forms.items():
            self.forms.setdefault(form, lemma)
        self.__dict__.pop("_index", None)
        self.__dict__.pop("_never", None)
        self.__dict__.pop("_profile", None)
        self.__dict__.pop("_set_index", None)


# ---------------------------------------------------------------------- reading PETRARCH format
_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def _codes(raw: str) -> tuple[str | None, str | None]:
    """``040`` -> both voices; ``042:043`` active, passive; ``:111`` passive only; ``---`` blocked."""
    raw = raw.strip().rstrip("!").strip()
    if raw in ("---", ""):
        return BLOCKED, BLOCKED
    if ":" in raw:
        a, _, p = raw.partition(":")
        return (_one(a) if a.strip() else None), (_one(p) if p.strip() else None)
    code = _one(raw)
    return code, code


def _one(raw: str) -> str | None:
    raw = raw.strip()
    if raw == "---":
        return BLOCKED
    return raw if is_code(raw) else None


def _word(raw: str) -> str:
    """A dictionary word in the table's spelling: lower case, ``_`` between words a space, a
    trailing ``_`` (whole word only) kept."""
    whole = raw.endswith("_")
    w = raw.strip("_").lower().replace("_", " ")
    return w + ("_" if whole else "")


def _elements(text: str) -> tuple[list[str], list[tuple[str, tuple[str, ...]]]]:
    """Words and prepositional phrases of one side of a pattern."""
    words: list[str] = []
    pps: list[tuple[str, tuple[str, ...]]] = []
    for m in re.finditer(r"\(([^)]*)\)|\{([^}]*)\}|(\S+)", text):
        if m.group(1) is not None:
            inner = [x for x in m.group(1).replace("{", " ").replace("}", " ").split()
                     if x not in ("+", "$", "^", "%")]
            if inner:
                pps.append((_word(inner[0]).rstrip("_"), tuple(_word(x) for x in inner[1:])))
        elif m.group(2) is not None:
            words.extend(_word(x) for x in m.group(2).split() if x not in ("+", "$", "^", "%"))
        else:
            tok = m.group(3)
            if tok in ("+", "$", "^", "%", "*") or not re.search(r"[A-Za-z&]", tok):
                continue
            words.append(_word(tok))
    return words, pps


def parse_petrarch(text: str, origin: str = "verbs") -> VerbTable:
    """Read a PETRARCH/TABARI verb dictionary (synonym sets, verb blocks, patterns)."""
    table = VerbTable(origin=origin)
    block: Block | None = None
    current_set: str | None = None
    set_words: dict[str, set[str]] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("~"):  # transformation rules: tidings has its own frames
            continue
        if stripped.startswith("&") and block is None:
            current_set = stripped[1:].split()[0].rstrip("_").lower()
            set_words.setdefault(current_set, set())
            continue
        if stripped.startswith("+") and block is None and current_set is not None:
            set_words[current_set].add(_word(stripped[1:].split()[0]))
            continue
        header = _HEADER.match(stripped)
        if header:
            active, passive = _codes(header.group(2))
            name = header.group(1)
            block = Block(name, None if active == BLOCKED else active,
                          None if passive == BLOCKED else passive)
            table.blocks[name] = block
            current_set = None
            continue
        if block is None:
            continue
        if stripped.startswith("-"):
            body = stripped[1:]
            m = _CODE.search(body)
            if not m or "*" not in body:
                continue
            active, passive = _codes(m.group(1))
            if active is None and passive is None:
                continue
            pre, _, post = body[: m.start()].partition("*")
            subj, subj_pps = _elements(pre)
            obj, pps = _elements(post)
            block.patterns.append(Pattern(block.name, tuple(subj), tuple(obj),
                                          tuple(subj_pps + pps), active, passive, lineno))
            continue
        # a verb line: WORD {FORMS} [code]   or   +WORD_REST {+FORMS} [code]
        m = _CODE.search(stripped)
        own_a = own_p = None
        if m:
            own_a, own_p = _codes(m.group(1))
            stripped = stripped[: m.start()].strip()
        forms_m = re.search(r"\{([^}]*)\}", stripped)
        head = stripped[: forms_m.start()].strip() if forms_m else stripped
        if not head or not re.match(r"^\+?[A-Z]", head):
            continue
        words = head.lstrip("+").split()[0].strip("_").lower().split("_")
        lemma, rest = words[0], tuple(w for w in words[1:] if w)
        if not lemma.isalpha() and "-" not in lemma:
            continue
        table.add_verb(VerbEntry(lemma, rest, block.name, own_a, own_p, own=m is not None))
        if forms_m:
            for form in forms_m.group(1).replace(",", " ").split():
                f = form.lstrip("+").split("_")[0].lower()
                if f and f != lemma and f.isalpha():
                    table.forms.setdefault(f, lemma)
    table.sets = {k: frozenset(v) for k, v in set_words.items()}
    return table


# ---------------------------------------------------------------------- the packaged table
def write_table(table: VerbTable, fh: TextIO) -> None:
    """The project's own tab-separated form of a verb table (see the header it writes)."""
    fh.write("# records, tab-separated:\n"
             "#   set    NAME   words (| between; a space joins a phrase; trailing _ = whole word)\n"
             "#   block  NAME   active  passive        default codes (- none)\n"
             "#   verb   BLOCK  lemma  rest  active  passive   rest: words after the verb ('with');\n"
             "#          codes: the verb's own, . = the block's, - = never coded\n"
             "#   form   word   lemma                  irregular forms\n"
             "#   pat    BLOCK  line  subj  obj  pps  active  passive\n"
             "#          subj/obj: words that must occur (space-separated; &NAME a set);\n"
             "#          pps: prep:word+word;prep ... ; codes: . = none in this voice, - = not an event\n")

    def c(code: str | None, own: bool = True) -> str:
        if not own:
            return "."
        return "." if code is None else code

    for name in sorted(table.sets):
        fh.write(f"set\t{name}\t{'|'.join(sorted(table.sets[name]))}\n")
    for block in table.blocks.values():
        fh.write(f"block\t{block.name}\t{block.active or '-'}\t{block.passive or '-'}\n")
        for p in block.patterns:
            pps = ";".join(f"{prep}:{'+'.join(w)}" for prep, w in p.pps)
            fh.write(f"pat\t{block.name}\t{p.line}\t{' '.join(p.subj) or '.'}\t"
                     f"{' '.join(p.obj) or '.'}\t{pps or '.'}\t{c(p.active)}\t{c(p.passive)}\n")
    for lemma in sorted(table.verbs):
        for e in table.verbs[lemma]:
            fh.write(f"verb\t{e.block}\t{e.lemma}\t{' '.join(e.rest) or '.'}\t"
                     f"{c(e.active, e.own)}\t{c(e.passive, e.own)}\n")
    for form in sorted(table.forms):
        fh.write(f"form\t{form}\t{table.forms[form]}\n")


def read_table(text: str, origin: str = "verbs.tsv") -> VerbTable:
    table = VerbTable(origin=origin)

    def code(x: str) -> str | None:
        return None if x == "." else x

    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        f = raw.split("\t")
        kind = f[0]
        try:
            if kind == "set":
                table.sets[f[1]] = frozenset(w for w in f[2].split("|") if w)
            elif kind == "block":
                table.blocks[f[1]] = Block(f[1], None if f[2] == "-" else f[2],
                                           None if f[3] == "-" else f[3])
            elif kind == "pat":
                pps = tuple((p.split(":", 1)[0], tuple(w for w in p.split(":", 1)[1].split("+") if w))
                            for p in f[5].split(";") if p and p != ".")
                table.blocks[f[1]].patterns.append(Pattern(
                    f[1], tuple(f[3].split()) if f[3] != "." else (),
                    tuple(f[4].split()) if f[4] != "." else (), pps, code(f[6]), code(f[7]),
                    int(f[2])))
            elif kind == "verb":
                own = not (f[4] == "." and f[5] == ".")
                table.add_verb(VerbEntry(f[2], tuple(f[3].split()) if f[3] != "." else (), f[1],
                                         code(f[4]), code(f[5]), own))
            elif kind == "form":
                table.forms[f[1]] = f[2]
            else:
                raise ValueError(kind)
        except (IndexError, KeyError, ValueError) as exc:
            raise ValueError(f"{origin}:{lineno}: cannot read {raw!r} ({exc})") from None
    return table


def read_overrides(text: str, origin: str = "verb_overrides.tsv") -> dict[str, list[Override]]:
    out: dict[str, list[Override]] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        f = raw.split("\t")
        if len(f) < 3:
            raise ValueError(f"{origin}:{lineno}: expected verb, when, code, reason: {raw!r}")
        verb, when, code = f[0].strip(), f[1].strip(), f[2].strip()
        if code != BLOCKED and not is_code(code):
            raise ValueError(f"{origin}:{lineno}: {code!r} is not a CAMEO code")
        words = verb.split("+")
        obj: frozenset[str] = frozenset()
        subj: frozenset[str] = frozenset()
        for cond in when.split():
            name, _, value = cond.partition("=")
            if name == "obj":
                obj = frozenset(v for v in value.split("|") if v)
            elif name == "subj":
                subj = frozenset(v for v in value.split("|") if v)
            elif cond != "-":
                raise ValueError(f"{origin}:{lineno}: unknown condition {cond!r}")
        ov = Override(words[0], tuple(words[1:]), obj, subj, code,
                      f[3].strip() if len(f) > 3 else "", lineno)
        out.setdefault(ov.lemma, []).append(ov)
    return out


@lru_cache(maxsize=1)
def load_table() -> VerbTable:
    """The packaged table with the reviewed overrides."""
    data = resources.files("tidings.data").joinpath("events")
    table = read_table(data.joinpath("verbs.tsv").read_text("utf-8"))
    ov = data.joinpath("verb_overrides.tsv")
    if ov.is_file():
        table.overrides = read_overrides(ov.read_text("utf-8"))
    return table


_tables: dict[tuple[str, ...], VerbTable] = {}


def table_with(paths: Iterable[str | Path] = ()) -> VerbTable:
    """The packaged table with further verb dictionaries merged in after it (cached per set of
    files; the packaged table itself is never changed)."""
    key = tuple(str(Path(p).resolve()) for p in paths)
    if not key:
        return load_table()
    if key not in _tables:
        base = load_table()
        table = VerbTable(dict(base.sets), dict(base.blocks),
                          {k: list(v) for k, v in base.verbs.items()}, dict(base.forms),
                          base.overrides, base.origin)
        for p in key:
            table.merge(load_verb_file(p))
        _tables[key] = table
    return _tables[key]


def load_verb_file(path: str | Path) -> VerbTable:
    """A PETRARCH-format verb dictionary, or a table in the project's own format."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot read verb dictionary {p}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{p} is not UTF-8 text; a verb dictionary is a text file") from None
    if any(line.startswith(("block\t", "verb\t")) for line in text.splitlines()[:400]):
        table = read_table(text, origin=p.name)
    else:
        table = parse_petrarch(text, origin=p.name)
    if not table.verbs:
        raise ValueError(f"{p}: no verbs found; expected a PETRARCH verb dictionary: block "
                         "headers such as '--- MEET ---' followed by verb lines and '- * PATTERN' lines, "
                         "each code in square brackets")
    return table


# ---------------------------------------------------------------------- matching
Word = tuple[str, str]  # (lower-case form, lemma)


class ContextReader(Protocol):
    """Reads the words around a verb off wherever they are (the coder: the parse), on demand."""

    def following(self) -> list[Word]: ...
    def subj(self) -> list[Word]: ...
    def obj(self) -> list[Word]: ...
    def pps(self) -> list[tuple[str, list[Word]]]: ...


class VerbContext:
    """The words around one verb.  Given as lists, or read on first use from a
    :class:`ContextReader` (most verbs are settled by their lemma alone, so most contexts are
    never read):

    * ``following``: the verb's own dependents right after it (particles, objects);
    * ``subj``: the subject phrase (the by-agent of a passive);
    * ``obj``: words after the verb in its phrase: objects, complements (and a passive's
      subject), not subordinate clauses;
    * ``pps``: prepositional phrases on the verb and its object."""

    def __init__(self, lemma: str, passive: bool, following: list[Word] | None = None,
                 subj: list[Word] | None = None, obj: list[Word] | None = None,
                 pps: list[tuple[str, list[Word]]] | None = None, particle: str | None = None,
                 reader: ContextReader | None = None, scope: frozenset[str] | None = None) -> None:
        self.lemma = lemma
        #: keys of every word of the verb's sentence (a superset of the context's), if known
        self.scope = scope
        self.passive = passive
        self.particle = particle  # the verb's particle ("up" in "took up")
        self._given = {"following": following, "subj": subj, "obj": obj, "pps": pps}
        self._reader = reader

    def _read(self, name: str) -> Any:
        given = self._given[name]
        if given is not None:
            return given
        if self._reader is None:
            return []
        return getattr(self._reader, name)()

    @cached_property
    def following(self) -> list[Word]:
        return self._read("following")  # type: ignore[no-any-return]

    @cached_property
    def subj(self) -> list[Word]:
        return self._read("subj")  # type: ignore[no-any-return]

    @cached_property
    def obj(self) -> list[Word]:
        return self._read("obj")  # type: ignore[no-any-return]

    @cached_property
    def pps(self) -> list[tuple[str, list[Word]]]:
        return self._read("pps")  # type: ignore[no-any-return]

    def obj_lemmas(self) -> set[str]:
        return {w[1] for w in self.obj} | {w[0] for w in self.obj}

    def subj_lemmas(self) -> set[str]:
        return {w[1] for w in self.subj} | {w[0] for w in self.subj}

    @cached_property
    def obj_bag(self) -> Bag:
        return Bag(self.obj)

    @cached_property
    def subj_bag(self) -> Bag:
        return Bag(self.subj)

    @cached_property
    def prep_names(self) -> set[str]:
        return {p for p, _ in self.pps}

    @cached_property
    def pp_bags(self) -> list[tuple[str, Bag]]:
        return [(p, Bag(w)) for p, w in self.pps]


@dataclass(frozen=True)
class TableMatch:
    code: str
    how: str  # "override", "pattern", "verb", "block"
    rule: str  # a short stable description for the event's ``rule``
    rest: tuple[str, ...] = ()


_INFLECTIONS = ("s", "es", "ed", "d", "ing", "ion", "ions", "ment", "ments", "er", "ers", "ies",
                "y", "al", "ly", "e", "n", "en")


@lru_cache(maxsize=65536)
def _keys(low: str, lemma: str) -> frozenset[str]:
    """The dictionary words a token matches: its form, its lemma, and the stems they extend by
    an inflection (TABARI's prefix matching: TROOP ~ "troops", EVACUATE ~ "evacuating")."""
    out = {low, lemma}
    for base in (low, lemma):
        for suf in _INFLECTIONS:
            if base.endswith(suf) and len(base) - len(suf) >= 4:
                out.add(base[: -len(suf)])
        for suf in ("ing", "ion", "ions"):
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                out.add(base[: -len(suf)] + "e")
    return frozenset(out)


def word_matches(word: str, tok: Word) -> bool:
    if word.endswith("_"):
        return word[:-1] in tok
    return word in _keys(*tok)


class Bag:
    """The words of one part of a verb's context, keyed for fast matching."""

    __slots__ = ("words", "exact", "keys")

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.exact = {w for pair in words for w in pair}
        self.keys: set[str] = set()
        for pair in words:
            self.keys |= _keys(*pair)

    def has(self, word: str) -> bool:
        if " " in word:
            return word.split(" ", 1)[0] in self.keys and _phrase_in(word, self.words)
        if word.endswith("_"):
            return word[:-1] in self.exact
        return word in self.keys


def _phrase_in(phrase: str, words: list[Word]) -> bool:
    parts = [p for p in phrase.rstrip("_").split(" ") if p]
    n = len(parts)
    for i in range(len(words) - n + 1):
        if all(word_matches(parts[k], words[i + k]) for k in range(n)):
            return True
    return False


@dataclass(frozen=True)
class _SetIndex:
    loose: frozenset[str]
    whole: frozenset[str]
    phrases: tuple[tuple[str, str], ...]  # (first word, phrase)


def _set_index(table: VerbTable, name: str) -> _SetIndex | None:
    cache = table.__dict__.setdefault("_set_index", {})
    if name not in cache:
        members = table.sets.get(name)
        cache[name] = None if not members else _SetIndex(
            frozenset(m for m in members if " " not in m and not m.endswith("_")),
            frozenset(m[:-1] for m in members if " " not in m and m.endswith("_")),
            tuple((m.split(" ", 1)[0].rstrip("_"), m) for m in members if " " in m))
    return cache[name]  # type: ignore[no-any-return]


def element_in(table: VerbTable, element: str, bag: Bag) -> bool:
    if element.startswith("&"):
        idx = _set_index(table, element[1:].rstrip("_"))
        if idx is None:
            return False
        return bool(idx.loose & bag.keys or idx.whole & bag.exact
                    or any(first in bag.keys and _phrase_in(m, bag.words) for first, m in idx.phrases))
    return bag.has(element)


def _pattern_matches(table: VerbTable, p: Pattern, ctx: VerbContext) -> bool:
    if p.pps:
        preps = ctx.prep_names
        if any(prep not in preps for prep, _ in p.pps):
            return False
    if p.obj:
        obj = ctx.obj_bag
        for el in p.obj:
            if not element_in(table, el, obj):
                return False
    if p.subj:
        subj = ctx.subj_bag
        for el in p.subj:
            if not element_in(table, el, subj):
                return False
    for prep, words in p.pps:
        if not any(pp == prep and all(element_in(table, w, bag) for w in words)
                   for pp, bag in ctx.pp_bags):
            return False
    return True


def _rest_matches(rest: tuple[str, ...], ctx: VerbContext) -> bool:
    return all(any(word_matches(w, t) for t in ctx.following) for w in rest)



def entries_for(table: VerbTable, lemma: str) -> list[VerbEntry]:
    return table.verbs.get(lemma) or table.verbs.get(table.forms.get(lemma, ""), [])


def match(table: VerbTable, ctx: VerbContext) -> TableMatch | None:
    """The table's code for a verb in its context, or None (unknown verb, no code, blocked).

    Order: a reviewed override conditioned on the object or subject; then the block's most
    specific matching pattern; then an unconditioned override; then the verb's own code; then
    the block default.  Multi-word verbs ("meet with", "round up") are tried before the bare
    verb when their words follow it."""
    entries = entries_for(table, ctx.lemma)
    overrides = table.overrides.get(ctx.lemma) or table.overrides.get(table.forms.get(ctx.lemma, ""), [])
    if not entries and not overrides:
        return None
    if never_coded(table, ctx.lemma):
        return None
    scope = ctx.scope
    if scope is not None and not ctx.particle:
        words, plain = _profile(table, ctx.lemma, entries, overrides)
        if scope.isdisjoint(words):
            # nothing in the sentence can reach a pattern, a condition or a multi-word form:
            # the answer is the lemma's plain one, the same for every such sentence
            return plain[ctx.passive]
    usable = [e for e in entries if not e.rest or (
        (scope is None or scope.issuperset(e.rest)) and _rest_matches(e.rest, ctx))]
    usable.sort(key=lambda e: -len(e.rest))
    if ctx.particle and not any(ctx.particle in e.rest for e in usable) and not any(
            ctx.particle in o.rest for o in overrides):
        return None  # a phrasal verb the table does not know: "take up" is not "take"
    rest = usable[0].rest if usable else ()
    # overrides for the multi-word verb the text has, else for the bare verb
    ovs = [o for o in overrides if not o.rest or (
        (scope is None or scope.issuperset(o.rest)) and _rest_matches(o.rest, ctx))]
    ovs.sort(key=lambda o: -len(o.rest))
    if ovs:
        top = len(ovs[0].rest)
        ovs = [o for o in ovs if len(o.rest) == top]
        if usable and len(usable[0].rest) > top:
            ovs = []  # the override is for a shorter verb than the one in the text
    for o in ovs:
        if o.obj or o.subj:
            if o.obj and not (ctx.obj_lemmas() & o.obj):
                continue
            if o.subj and not (ctx.subj_lemmas() & o.subj):
                continue
            return _override(o, rest)
    if usable:
        top = len(usable[0].rest)
        best = _best_pattern(table, [e for e in usable if len(e.rest) == top], ctx)
        if best is not None:
            code = best.passive if ctx.passive else best.active
            if code is None or code == BLOCKED:
                return None
            origin, _, name = best.block.rpartition(":")
            return TableMatch(code, "pattern", f"{name} pattern {best.describe()} {code} "
                                               f"[{origin or table.origin}:{best.line}]", rest)
    for o in ovs:
        if not o.obj and not o.subj:
            return _override(o, rest)
    for e in usable:
        if len(e.rest) < len(rest):
            # the multi-word verb of the text ("break down") has no code of its own: the bare
            # verb's ("break") answers, and a reviewed override of the bare verb still holds
            bare = [o for o in overrides if not o.rest and not o.obj and not o.subj]
            if bare:
                return _override(bare[0], ())
        if e.own:
            code = e.passive if ctx.passive else e.active
            if code is None or code == BLOCKED:
                return None
            return TableMatch(code, "verb", f"{e.block} verb {_name(e)} {code} [{table.origin}]", rest)
        block = table.blocks.get(e.block)
        if block is not None:
            code = block.passive if ctx.passive else block.active
            if code:
                return TableMatch(code, "block", f"{block.name} default {_name(e)} {code} "
                                                 f"[{table.origin}]", rest)
    return None


def _profile(table: VerbTable, lemma: str, entries: list[VerbEntry], overrides: list[Override]
             ) -> tuple[frozenset[str], dict[bool, TableMatch | None]]:
    """The words that can make a lemma's context matter (pattern anchors, override conditions,
    the words of its multi-word forms), and its answer in each voice when none occurs."""
    cache = table.__dict__.setdefault("_profile", {})
    if lemma not in cache:
        words: set[str] = set()
        for e in entries:
            words.update(e.rest)
            words |= _index(table, e.block).anchors
        for o in overrides:
            words.update(o.rest)
            words |= o.obj | o.subj
        plain = {voice: match(table, VerbContext(lemma, voice)) for voice in (False, True)}
        cache[lemma] = (frozenset(words), plain)
    return cache[lemma]  # type: ignore[no-any-return]


def never_coded(table: VerbTable, lemma: str) -> bool:
    """Whether the table can say nothing for this lemma whatever its context: an unconditioned
    "never code" override, no conditioned override, no multi-word verb and no pattern."""
    cache = table.__dict__.setdefault("_never", {})
    if lemma not in cache:
        entries = entries_for(table, lemma)
        overrides = table.overrides.get(lemma) or table.overrides.get(table.forms.get(lemma, ""), [])
        blocked = any(o.code == BLOCKED and not o.obj and not o.subj and not o.rest for o in overrides)
        conditioned = any(o.obj or o.subj or o.rest for o in overrides)
        multi = any(e.rest for e in entries)
        patterns = any(p.size for e in entries for p in table.blocks[e.block].patterns) \
            if all(e.block in table.blocks for e in entries) else True
        cache[lemma] = blocked and not conditioned and not multi and not patterns
    return cache[lemma]  # type: ignore[no-any-return]


def _override(o: Override, rest: tuple[str, ...]) -> TableMatch | None:
    if o.code == BLOCKED:
        return None
    verb = " ".join((o.lemma,) + o.rest)
    cond = (" obj=" + "|".join(sorted(o.obj))[:40]) if o.obj else ""
    return TableMatch(o.code, "override", f"override {verb}{cond} {o.code} "
                                          f"[verb_overrides.tsv:{o.line}]", rest or o.rest)


def _name(e: VerbEntry) -> str:
    return " ".join((e.lemma,) + e.rest)


def _best_pattern(table: VerbTable, entries: Iterable[VerbEntry], ctx: VerbContext) -> Pattern | None:
    """The matching pattern with most elements (then the earliest) among the entries' blocks.
    Only patterns whose anchor words occur in the context are tried (``_BlockIndex``); when the
    coder gives the words of the whole sentence (``ctx.scope``), a block none of whose anchors
    occur there is settled without reading the verb's context at all."""
    blocks = [_index(table, name) for name in dict.fromkeys(e.block for e in entries)]
    scope = ctx.scope
    if scope is not None and not any(not scope.isdisjoint(ix.anchors) for ix in blocks):
        return None
    universe = ctx.obj_bag.keys | ctx.subj_bag.keys | ctx.prep_names
    for _, bag in ctx.pp_bags:
        universe |= bag.keys
    seen: set[int] = set()
    cands: list[Pattern] = []
    for index in blocks:
        for w in universe & index.anchors:
            for p in index.by_anchor[w]:
                if id(p) not in seen:
                    seen.add(id(p))
                    cands.append(p)
    cands.sort(key=lambda p: (-p.size, p.line))
    for p in cands:
        if (p.passive if ctx.passive else p.active) is None:
            continue  # "[:111]": coded in the passive voice only
        if p.size == 1 and p.pps:
            continue  # a bare preposition ("come (TO)") says too little about the act
        if _pattern_matches(table, p, ctx):
            return p
    return None


@dataclass
class _BlockIndex:
    by_anchor: dict[str, list[Pattern]]
    anchors: frozenset[str]


def _anchors(table: VerbTable, p: Pattern) -> frozenset[str]:
    """Words one of which every context the pattern matches must hold: a plain word of the
    object or subject; else the members of its first synonym set; else the preposition of one
    of its phrases."""
    inner = [w for _, ws in p.pps for w in ws]
    for w in p.obj + p.subj + tuple(inner):
        if not w.startswith("&") and " " not in w:
            return frozenset({w.rstrip("_")})
    for w in p.obj + p.subj + tuple(inner):
        if w.startswith("&"):
            idx = _set_index(table, w[1:].rstrip("_"))
            if idx is None:
                return frozenset()
            return idx.loose | idx.whole | {first for first, _ in idx.phrases}
    for prep, _ in p.pps:
        return frozenset({prep})
    return frozenset()


def _index(table: VerbTable, block_name: str) -> _BlockIndex:
    cache = table.__dict__.setdefault("_index", {})
    if block_name not in cache:
        block = table.blocks.get(block_name)
        by: dict[str, list[Pattern]] = {}
        for pat in block.patterns if block is not None else []:
            if not pat.size:
                continue
            for a in _anchors(table, pat):
                by.setdefault(a, []).append(pat)
        cache[block_name] = _BlockIndex(by, frozenset(by))
    return cache[block_name]  # type: ignore[no-any-return]


def scope_keys(words: Iterable[Word]) -> frozenset[str]:
    """The keys of all the words of a sentence, for ``VerbContext.scope``."""
    return frozenset().union(*[_keys(*w) for w in words])


def coverage(table: VerbTable) -> dict[str, set[str]]:
    """The codes the table can produce, by root: block defaults, verb codes, pattern codes."""
    out: dict[str, set[str]] = {}
    codes: set[str] = set()
    for block in table.blocks.values():
        codes.update(c for c in (block.active, block.passive) if c and c != BLOCKED)
        for p in block.patterns:
            codes.update(c for c in (p.active, p.passive) if c and c != BLOCKED)
    for entries in table.verbs.values():
        for e in entries:
            codes.update(c for c in (e.active, e.passive) if c and c != BLOCKED)
    for entries in table.overrides.values():
        codes.update(o.code for o in entries if o.code != BLOCKED)
    for c in codes:
        out.setdefault(c[:2], set()).add(c)
    return out
