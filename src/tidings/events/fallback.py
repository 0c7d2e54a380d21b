"""The verb table as fallback behind the curated lexicon.

A verb the lexicon does not know (or whose lexicon entries' constraints all fail) is looked up in
the verb table (``verbdict``: PETRARCH-2's verb dictionary compiled, with the reviewed overrides):
its words around the verb are read off the parse into a :class:`VerbContext` and matched.  What
the table says becomes an ``Entry`` like the lexicon's, with the table's rule as its name, a lower
confidence than a curated entry and the prepositions that commonly name a target.

Two conventions hold here and nowhere else: a speech or cognition verb never becomes a statement
(root 01) from the table ("said", "noted" are how news reports things, not events), and the
residual 010 "make statement" is never taken from it at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tidings.events.conventions import PATIENT_NOUNS
from tidings.events.lexicon import Entry
from tidings.events.participants import SPEECH_LEMMAS
from tidings.events.syntax import group_doing, lemmas, time_clause
from tidings.events.verbdict import (
    VerbContext,
    VerbTable,
    Word,
    entries_for,
    match,
    never_coded,
    scope_keys,
)
from tidings.parsed import children_of, parsed

if TYPE_CHECKING:
    from spacy.tokens import Token

#: confidence of an event coded from the table, by how the code was found
TABLE_CONF = {"override": 0.75, "pattern": 0.75, "verb": 0.7, "block": 0.65}
#: prepositions whose object is the target of a table-coded verb ("turned against X",
#: "sided with X", "fired on X"); places are never actors, so "at/in X" stay locations
TARGET_PREPS = ("against", "with", "to", "on", "upon", "at", "toward", "towards")
#: verbs that report or think rather than act; never a statement event from the table
REPORTING = SPEECH_LEMMAS | frozenset(
    "add note explain comment remark mention observe describe estimate predict expect quote "
    "repeat emphasize emphasise underline tell ask answer recall reveal disclose learn know "
    "feel consider see hear read write speak talk".split())
_CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc", "punct",
                      "mark", "appos"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "prt", "dative", "npadvmod", "advmod",
                          "xcomp"})
#: where a verb only describes a participant ("its nationals suspected by the West", "refugees
#: fleeing the war"): the table's coarse codes are not taken there
_DESCRIPTIVE = frozenset({"acl", "relcl", "amod", "compound"})


def _word(tok: Token) -> Word:
    return tok.lower_, tok.lemma_.lower()


#: nouns of examining or discussing something: what their into/about phrase names is the topic,
#: not what the verb does ("launched an inquiry into the air strike" launches no strike)
EXAMINING_NOUNS = frozenset(
    "inquiry enquiry investigation probe review study report hearing debate question questions "
    "audit examination analysis assessment survey".split())
_TOPIC_PREPS = frozenset({"into", "about", "regarding", "concerning", "on", "over", "of"})


def phrase(tok: Token, limit: int = 14) -> list[Word]:
    """The words of the phrase headed by ``tok``, in text order, without subordinate clauses,
    and without the topic of a noun of examining ("an inquiry into the strike": "an inquiry")."""
    out: list[Token] = []
    stack = [tok]
    while stack and len(out) < limit:
        t = stack.pop()
        out.append(t)
        topic = t.pos_ == "NOUN" and t.lemma_.lower() in EXAMINING_NOUNS
        # (nor whom an act noun was done to: "the conviction of five army generals" is no army)
        patient = t.pos_ == "NOUN" and t.lemma_.lower() in PATIENT_NOUNS
        stack.extend(c for c in children_of(t) if c.dep_ not in _CLAUSAL and not group_doing(c)
                     and not (topic and c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS)
                     and not (patient and c.dep_ == "prep" and c.lower_ == "of"))
    return [_word(t) for t in sorted(out, key=lambda t: t.i)]


class RolesLike(Protocol):
    """A verb's voice, object and subject (``triggers.Roles``), found when asked for."""

    @property
    def voice_passive(self) -> bool: ...
    @property
    def obj(self) -> Token | None: ...
    @property
    def subj(self) -> Token | None: ...


class TableFallback:
    table: VerbTable

    def table_lemma(self, tok: Token) -> str | None:
        for lemma in lemmas(tok):
            if entries_for(self.table, lemma) or lemma in self.table.overrides:
                return lemma
        return None

    def table_knows(self, tok: Token) -> bool:
        """Whether the table may code this verb in some context (a verb it never codes, such
        as "say", is not worth reading the context for)."""
        lemma = self.table_lemma(tok)
        return lemma is not None and not never_coded(self.table, lemma)

    def verb_context(self, tok: Token, lemma: str, roles: RolesLike) -> VerbContext:
        prt = next((c.lower_ for c in children_of(tok) if c.dep_ == "prt"), None)
        return VerbContext(lemma, roles.voice_passive, particle=prt, reader=ParseReader(tok, roles),
                           scope=self.sentence_keys(tok))

    def sentence_keys(self, tok: Token) -> frozenset[str] | None:
        """The dictionary keys of every word of the sentence being coded, once per sentence
        (None outside the coder's sentence loop)."""
        sent = getattr(self, "sentence", None)
        if sent is None or not (sent.start <= tok.i < sent.end):
            return None
        if self.__dict__.get("_scope_of") != sent.start:
            view = parsed(tok.doc)
            self.__dict__["_scope"] = scope_keys(zip(
                view.lower[sent.start:sent.end], [x.lower() for x in view.lemma[sent.start:sent.end]]))
            self.__dict__["_scope_of"] = sent.start
        return self.__dict__["_scope"]  # type: ignore[no-any-return]

    def table_entry(self, tok: Token, roles: RolesLike) -> Entry | None:
        lemma = self.table_lemma(tok)
        if lemma is None or (tok.dep_ in _DESCRIPTIVE and not time_clause(tok)):
            return None
        ctx = self.verb_context(tok, lemma, roles)
        m = match(self.table, ctx)
        if m is None:
            return None
        if m.code == "010" or (m.code[:2] == "01" and (lemma in REPORTING or m.how == "block")):
            return None
        return Entry(kind="V", key="+".join((lemma,) + m.rest), code=m.code, line=0,
                     to=TARGET_PREPS, conf=TABLE_CONF[m.how], rule=m.rule)


class ParseReader:
    """The words around a verb, read off the dependency parse when the table asks."""

    def __init__(self, tok: Token, roles: RolesLike) -> None:
        self.tok, self.roles = tok, roles

    def following(self) -> list[Word]:
        tok = self.tok
        # a prepositional phrase after the verb's object is one of the clause, no particle of the
        # verb ("gave the figures in a press release" does not "give in"; "pulled its teams out
        # of the city" does pull out: "out" has no object of its own)
        kids = children_of(tok)
        after = min((c.i for c in kids if c.dep_ == "dobj" and c.i > tok.i), default=len(tok.doc))
        out = [_word(c) for c in kids if tok.i < c.i <= tok.i + 4 and not (
            c.dep_ == "prep" and c.i > after and any(o.dep_ == "pobj" for o in children_of(c)))]
        for c in children_of(tok):
            if c.dep_ == "dobj" and tok.i < c.i <= tok.i + 4:
                out.extend(_word(g) for g in children_of(c) if g.i < c.i and not group_doing(g))
        return out

    def obj(self) -> list[Word]:
        tok = self.tok
        objs: list[Word] = []
        for c in children_of(tok):
            if c.i > tok.i and c.dep_ in _OBJECT_DEPS:
                if c.dep_ == "xcomp":  # "called to congratulate"
                    objs.append(_word(c))
                    objs.extend(w for g in children_of(c) if g.dep_ in ("dobj", "prt")
                                for w in phrase(g))
                else:
                    objs.extend(phrase(c))
        if self.roles.voice_passive and self.roles.obj is not None:
            objs = phrase(self.roles.obj) + objs
        return objs

    def pps(self) -> list[tuple[str, list[Word]]]:
        tok = self.tok
        out: list[tuple[str, list[Word]]] = []
        holders = [tok] + [c for c in children_of(tok) if c.dep_ == "dobj"]
        for h in holders:
            for c in children_of(h):
                if c.dep_ in ("prep", "agent", "dative") and c.i > tok.i:
                    words: list[Word] = []
                    for p in children_of(c):
                        if p.dep_ in ("pobj", "pcomp"):
                            words.extend(phrase(p))
                    out.append((c.lower_, words))
        return out

    def subj(self) -> list[Word]:
        subj = self.roles.subj
        return phrase(subj, limit=8) if subj is not None else []

