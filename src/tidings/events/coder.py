"""The event coder: CAMEO events from the spaCy dependency parse, through the project lexicon.

For every sentence, each token that the lexicon knows is a candidate trigger:

* verbs (with their particle, object and prepositions): source = subject (active) or by-agent
  (passive); target = direct object, else the object of one of the entry's prepositions, else
  the possessor/modifier actor of a non-actor object ("criticised Washington's exit");
  a subject-less verb takes the subject of the clause it hangs on ("After meeting with Putin,
  Pompeo ...") or, under "urge/ask X to", X;
* event nouns ("talks with", "sanctions against", "Russia's annexation of"): source = the actor
  possessor or modifier, else the subject of the light verb that governs the noun ("held talks"),
  else the subject of the clause whose prepositional phrase holds it ("... before talks with");
* frames (threaten/agree/offer/refuse to, urge X to, demand that, ready to): the complement's
  code goes through the frame's transform table (threaten + 163 -> 1312), and the complement is
  not coded on its own.

Modality: an act under will/would/shall becomes intent (03x for cooperation, 13x threats for
force); under could/might/may/can, in an if/unless clause, or under must/should (except as a
reported demand) it is dropped.  Negated acts ("did not meet") are kept with negated=True;
negated intents ("will not accept") become rejections (12x); an infinitival purpose ("to help")
shares the negation/modality of the verb it serves.  Reciprocity: "A and B met/signed" (a
compound subject, no named target, a reciprocal entry or a cooperative root 01-08) is coded both
ways and marked ``reciprocal``; a reciprocal noun with a target ("talks with B") both ways; a
symmetric verb with an explicit object ("A met (with) B") one way, subject -> object.

Context rules after modality (``settle``): "X claimed that Y attacked Z" is X accusing Y (112),
"X claimed that it attacked Z" a claim of responsibility (015); locative roots take the place's
country as target ("protest in Beijing"); an unresolved object's nested place is the target
("re-examine the refineries in Iran"); violence with no named perpetrator is attributed to the
actor modifying the weapon ("Israeli tank shelling") else to the country where it happened; a
domestic act with no resolved target (roots in ``DOMESTIC_ROOTS``) targets the source's own
country.  Inferred sides are listed in ``inferred`` and give way to sides read from the text.
Every event carries its
evidence span, sentence index, the lexicon entry that fired and a confidence; candidates under
``THRESHOLD`` are dropped (precision first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tidings.events.codebook import lookup
from tidings.events.lexicon import Entry, Lexicon, load_lexicon
from tidings.events.participants import SPEECH_LEMMAS, ActorLookup, Resolver, Side, conjuncts
from tidings.model import Event, Participant
from tidings.parsed import children_of, parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tidings.model import Article, Quote

#: candidates below this confidence are not reported
THRESHOLD = 0.5

MODAL_INTENT = frozenset({"will", "would", "shall", "'ll", "wo", "'d"})
MODAL_DROP = frozenset({"could", "might", "may", "can", "ca"})
MODAL_OBLIGE = frozenset({"must", "should", "ought"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
LIGHT_VERBS = frozenset(
    "hold have conduct launch begin start stage lead mount wage carry continue resume open order "
    "impose announce issue lodge file make pay express voice give offer provide extend pledge "
    "promise reiterate renew step intensify escalate press join host attend organize organise "
    "unleash undertake".split()
)
#: verbs whose object event happens to their subject ("faces pressure", "came under attack")
UNDERGO_VERBS = frozenset("face receive suffer endure undergo weather".split())
ADJUNCT_PREPS = frozenset({"before", "after", "during", "at", "following", "ahead"})
SUBJ_DEPS = ("nsubj", "csubj")
#: roots whose unstated target is the place where the act happens ("lifted a curfew in X")
LOCATIVE_ROOTS = frozenset({"08", "14", "15", "17", "18", "19", "20"})
PLACE_NOUNS = frozenset("province city town village region area district territory capital enclave "
                        "stronghold camp state border neighbourhood neighborhood".split())
#: the entry behind "X said Y must ...": a reported obligation is a demand
REPORTED_DEMAND = Entry(kind="V", key="must (reported obligation)", code="100", line=0)
CLAUSE_DEPS = ("advcl", "pcomp", "xcomp", "conj", "ccomp", "acl", "relcl")
#: verbs that report a claim: "X claimed that Y attacked Z" is X accusing Y (112), "X claimed
#: that it attacked Z" X claiming responsibility (015)
CLAIM_LEMMAS = frozenset("claim allege charge contend assert".split())
#: plain speech verbs: with an explicit "that" and another actor doing material conflict, the
#: report is an accusation (CAMEO codes the speech act, not the reported act)
SAY_LEMMAS = frozenset("say state declare report announce insist".split())
#: prepositions introducing where an act happens
WHERE_PREPS = ("in", "into", "inside", "near", "outside", "throughout", "across", "at", "over")
#: roots whose unresolved or unstated target is, by the coding convention, the source's own
#: country when no place gives another: a domestic act ("police dispersed demonstrators",
#: "students staged demonstrations", "lifted the state of emergency", "jailed 52 members")
DOMESTIC = True
NESTED = True
INFERRED_VIA = frozenset({"domestic", "place of the attack", "nested place"})
SUPRANATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "EUR", "AFR", "ASA", "MEA", "WST"})
DOMESTIC_ROOTS = frozenset({"08", "09", "11", "12", "14", "17", "18", "19", "20"})
#: event roots of violence, whose unnamed perpetrator is located where it happened
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


@dataclass
class CodedEvent(Event):
    """An ``Event`` plus how it was coded: the lexicon entry, reciprocity, modality."""

    rule: str = ""
    reciprocal: bool = False
    #: sides the coder inferred rather than read ("source: place of the attack")
    inferred: str = ""
    modality: str = "asserted"  # asserted | intent | threat | reported-demand | rejected

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["rule"] = self.rule
        out["reciprocal"] = self.reciprocal
        out["modality"] = self.modality
        out["inferred"] = self.inferred
        return out


@dataclass(frozen=True)
class DerivedMatch:
    """An actor the coder infers from context (a place, the source's own country)."""

    code: str
    name: str
    kind: str
    country: str | None


@dataclass
class Candidate:
    entry: Entry
    code: str
    trigger: Token
    sources: list[Side]
    targets: list[Side]
    recip: bool
    negated: bool = False
    confidence: float = 0.8
    modality: str = "asserted"
    consumed: set[int] = field(default_factory=set)
    span_tokens: set[int] = field(default_factory=set)


# ---------------------------------------------------------------------- parse helpers
def lemmas(tok: Token) -> list[str]:
    """The lemma, plus guesses from the word form for the small model's lemma slips
    ("staged" -> "stag")."""
    return list(_lemmas(tok.lemma_, tok.lower_, tok.pos_))


@lru_cache(maxsize=65536)  # the same words recur in article after article
def _lemmas(lemma: str, low: str, pos: str) -> tuple[str, ...]:
    out = [lemma.lower()]
    if pos in ("VERB", "AUX"):
        for suffix, repl in (("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""),
                             ("s", ""), ("ied", "y"), ("ies", "y")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                cand = low[: -len(suffix)] + repl
                if cand not in out:
                    out.append(cand)
        if low.endswith(("pped", "tted", "gged", "lled")):
            out.append(low[:-3])
    return tuple(out)


def child(tok: Token, *deps: str) -> Token | None:
    for c in children_of(tok):
        if c.dep_ in deps:
            return c
    return None


def preps(tok: Token, names: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``names`` hanging on ``tok`` ("with X", "on X")."""
    out: list[Token] = []
    for c in children_of(tok):
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in names:
            for p in children_of(c):
                if p.dep_ == "pobj":
                    out.append(p)
                elif p.dep_ == "prep":  # "out of", "away from"
                    out.extend(q for q in children_of(p) if q.dep_ == "pobj")
    return out


def prep_names(tok: Token) -> set[str]:
    names = {c.lower_ for c in children_of(tok) if c.dep_ in ("prep", "agent", "dative")}
    names |= {c.lower_ for c in children_of(tok) if c.dep_ == "prt"}
    for c in children_of(tok):
        if c.dep_ in ("ccomp",):
            names |= {m.lower_ for m in children_of(c) if m.dep_ == "mark"}
    return names


def lemma_set(tok: Token) -> set[str]:
    """Lemmas describing a noun: its head, its compound/amod modifiers, its "of" object."""
    out = {tok.lemma_.lower(), tok.lower_}
    for c in children_of(tok):
        if c.dep_ in ("compound", "amod", "nmod"):
            out.add(c.lemma_.lower())
            out.add(c.lower_)
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in children_of(c):
                if p.dep_ == "pobj":
                    out.add(p.lemma_.lower())
    return out


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(tok)):
        return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


def auxiliaries(tok: Token) -> list[Token]:
    out = [c for c in children_of(tok) if c.dep_ in ("aux", "auxpass")]
    # "is going to attack": the modal sits on "going"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and tok.head.tag_ == "VBG":
        out.append(tok.head)
    return out


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in children_of(tok))


def conditional(tok: Token) -> bool:
    """Inside an if/unless clause (up to the clause boundary)."""
    node = tok
    for _ in range(5):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children_of(node)):
            return True
        if node.dep_ not in ("conj", "xcomp", "aux") or node.head.i == node.i:
            return False
        node = node.head
    return False


class Coder:
    def __init__(self, doc: Doc, actors: ActorLookup, quotes: list[Quote] | None,
                 lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.lex = lexicon or load_lexicon()
        self.res = Resolver(doc, actors, quotes)
        self.consumed: set[int] = set()

    # ------------------------------------------------------------------ subjects
    def subject(self, tok: Token, depth: int = 0) -> tuple[Token | None, float]:
        """The token that does what ``tok`` says, and a confidence factor for how it was found."""
        c = child(tok, *SUBJ_DEPS)
        if c is not None:
            if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":  # "rebels who attacked"
                return tok.head, 0.9
            return c, 1.0
        if depth > 4 or tok.head.i == tok.i:
            return None, 1.0
        head = tok.head
        if tok.dep_ == "relcl":
            return (None, 1.0) if is_passive(tok) else (head, 0.9)
        if tok.dep_ == "acl":
            return (head, 0.9) if tok.tag_ == "VBG" else (None, 1.0)
        if tok.dep_ == "xcomp":
            obj = child(head, "dobj")
            if obj is not None and head.lemma_ not in ("make",):
                return obj, 0.95
            s, f = self.subject(head, depth + 1)
            return s, f * 0.95
        if tok.dep_ == "conj":
            if is_passive(head) != is_passive(tok):
                return None, 1.0
            s, f = self.subject(head, depth + 1)
            return s, f * 0.95
        if tok.dep_ in ("advcl", "pcomp") or (tok.dep_ == "pobj"):
            anchor = head.head if tok.dep_ == "pcomp" else head
            if anchor.pos_ in ("VERB", "AUX"):
                s, f = self.subject(anchor, depth + 1)
                return s, f * 0.85
        return None, 1.0

    def agent(self, tok: Token) -> Token | None:
        objs = preps(tok, ("by",))
        return objs[0] if objs else None

    # ------------------------------------------------------------------ entry choice
    def choose(self, entries: list[Entry], tok: Token, obj: Token | None, subj: Token | None,
               comp: Token | None, particle: str | None) -> Entry | None:
        ordered = [e for e in entries if e.particle == particle] if particle else []
        ordered += [e for e in entries if e.particle is None]
        names = prep_names(tok) | (prep_names(obj) if obj is not None else set())
        for e in ordered:
            if e.obj and (obj is None or not (lemma_set(obj) & e.obj)):
                continue
            if e.subj and (subj is None or subj.lemma_.lower() not in e.subj):
                continue
            if e.need and not (names & e.need):
                continue
            if e.xc:
                if comp is None:
                    continue
                if "*" not in e.xc and not (set(lemmas(comp)) & e.xc):
                    continue
            if e.plural and tok.tag_ not in ("NNS", "NNPS"):
                continue
            return e
        return None

    # ------------------------------------------------------------------ complements
    def complement(self, tok: Token) -> Token | None:
        for c in children_of(tok):
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                return c
        for c in children_of(tok):
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
                return c
        return None

    def inner_code(self, comp: Token) -> tuple[Candidate | None, Token]:
        """The complement's own coding (as a verb, or an event-noun object), for a frame."""
        if comp.pos_ in ("VERB", "AUX"):
            cand = self.verb(comp, as_complement=True)
            if cand is not None:
                return cand, comp
            # "agreed to a ceasefire" / "offered to hold talks"
            if not (set(lemmas(comp)) & (LIGHT_VERBS | {"agree"})):
                return None, comp
            for obj in [child(comp, "dobj")] + preps(comp, ("to", "for")):
                if obj is not None and obj.pos_ == "NOUN":
                    cand = self.noun(obj, as_complement=True)
                    if cand is not None:
                        return cand, obj
            return None, comp
        cand = self.noun(comp, as_complement=True)
        return cand, comp

    # ------------------------------------------------------------------ verbs
    def verb(self, tok: Token, as_complement: bool = False) -> Candidate | None:
        entries: list[Entry] = []
        for lemma in lemmas(tok):
            entries = self.lex.entries("V", lemma)
            if entries:
                break
        if not entries:
            return None
        prt = child(tok, "prt")
        particle = prt.lower_ if prt is not None else None
        passive = is_passive(tok)
        comp = self.complement(tok)
        if passive:
            obj = child(tok, "nsubjpass")
            if obj is None and tok.dep_ == "acl":
                obj = tok.head
            subj = self.agent(tok)
            sfactor = 1.0
        else:
            obj = child(tok, "dobj")
            subj, sfactor = self.subject(tok)
        entry = self.choose(entries, tok, obj, subj, comp, particle)
        if entry is None:
            return None
        if entry.rev:
            src_toks = preps(tok, entry.src)
            sources = self.res.sides(src_toks[0]) if src_toks else []
            targets = self.res.sides(subj)
        else:
            sources = self.res.sides(subj)
            for s in sources:
                s.factor *= sfactor
            targets = self.targets(tok, obj, entry)
        if not any(t.match is not None for t in targets) and entry.code[:2] in LOCATIVE_ROOTS:
            for p in preps(tok, ("in", "into")) + (preps(obj, ("in",)) if obj is not None else []):
                place = self.res.place(p)
                if place is not None:
                    targets = [place]
                    break
        cand = Candidate(entry, entry.code, tok, sources, targets, entry.recip,
                         confidence=entry.conf)
        cand.span_tokens.add(tok.i)
        if entry.obj and obj is not None:
            cand.consumed.add(obj.i)
        if entry.frame and not as_complement:
            self.apply_frame(cand, tok, obj, comp)
        return cand

    def targets(self, tok: Token, obj: Token | None, entry: Entry) -> list[Side]:
        if obj is not None and not entry.notobj:
            sides = self.res.sides(obj)
            if any(s.match is not None and s.via == "direct" for s in sides):
                return sides
            inner = self.inner_participant(obj)
            if inner is not None:
                return [inner]
            if any(s.match is not None for s in sides):
                return sides
        for p in preps(tok, entry.to):
            sides = self.res.sides(p)
            if any(s.match is not None for s in sides):
                return sides
        if obj is not None:
            for p in preps(obj, entry.to):
                sides = self.res.sides(p)
                if any(s.match is not None for s in sides):
                    return sides
        if obj is not None and not entry.notobj:
            inner = self.inner_participant(obj)
            if inner is not None:
                return [inner]
            return self.res.sides(obj)
        return []

    def inner_participant(self, obj: Token) -> Side | None:
        """The actor inside a non-actor object: "Washington's exit", "an Indian proposal"."""
        for c in children_of(obj):
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")):
                s = self.res.side(c)
                if s is not None and s.match is not None:
                    s.factor *= 0.85
                    s.via = "object's " + c.dep_
                    return s
        for p in preps(obj, ("by", "from", "of", "with")):
            s = self.res.side(p)
            if s is not None and s.match is not None:
                s.factor *= 0.8
                s.via = "object's prep"
                return s
        return None

    def apply_frame(self, cand: Candidate, tok: Token, obj: Token | None, comp: Token | None) -> None:
        frame = cand.entry.frame
        assert frame is not None
        inner: Candidate | None = None
        inner_tok: Token | None = None
        if comp is not None:
            inner, inner_tok = self.inner_code(comp)
        if inner is None and obj is not None and obj.pos_ == "NOUN":
            inner, inner_tok = self.inner_code(obj)
        if inner is None and comp is None:
            for p in preps(tok, ("to", "for", "on")):
                if p.pos_ == "NOUN":
                    inner, inner_tok = self.inner_code(p)
                    if inner is not None:
                        break
        if inner is not None and inner_tok is not None:
            if negated(inner_tok):
                cand.code = ""  # "agreed not to attack": abstain
                return
            found, code = self.transform(frame, inner.code)
            if found:
                if code is None:
                    cand.code = ""
                    return
                cand.code = code
            cand.consumed.add(inner_tok.i)
            cand.consumed |= inner.consumed
            cand.span_tokens.add(inner_tok.i)
            if not any(s.match is not None for s in cand.targets):
                if inner.targets and any(s.match is not None for s in inner.targets):
                    cand.targets = inner.targets
                elif inner_tok.pos_ == "NOUN" and any(s.match is not None for s in inner.sources):
                    cand.targets = inner.sources  # "agreed to US mediation"
            # "urged Lavrov to end ...": the object is the target, not the complement's subject
        elif "*" in cand.entry.xc:
            cand.code = ""  # "sought to alleviate": a weak intent verb needs a coded complement
            return
        elif comp is not None:
            cand.consumed.add(comp.i)
            if comp.dep_ == "ccomp" and frame in ("demand", "appeal"):
                s = child(comp, "nsubj")
                if s is not None and not any(t.match is not None for t in cand.targets):
                    cand.targets = self.res.sides(s)
        if frame in ("demand", "appeal") and comp is not None and comp.dep_ == "ccomp":
            s = child(comp, "nsubj", "nsubjpass")
            if s is not None:
                sides = self.res.sides(s)
                if any(t.match is not None for t in sides):
                    cand.targets = sides

    def transform(self, frame: str, code: str) -> tuple[bool, str | None]:
        table = self.lex.transforms.get(frame, {})
        for k in range(len(code), 0, -1):
            if code[:k] in table:
                return True, table[code[:k]]
        return False, None

    # ------------------------------------------------------------------ nouns
    def noun(self, tok: Token, as_complement: bool = False) -> Candidate | None:
        entries = self.lex.entries("N", tok.lemma_.lower()) or self.lex.entries("N", tok.lower_)
        if not entries:
            return None
        # noun entries test obj= against the noun's own modifiers ("hunger strike")
        entry = self.choose(entries, tok, tok, None, None, None)
        if entry is None:
            return None
        sources: list[Side] = []
        factor = 1.0
        for c in children_of(tok):
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN")):
                s = self.res.side(c)
                if s is not None and s.match is not None:
                    sources = [s] + [self.res.side(x) for x in conjuncts(c)[1:] if self.res.side(x)]  # type: ignore[misc]
                    break
        if not sources:
            for p in preps(tok, entry.src):
                sources = self.res.sides(p)
                if sources:
                    break
        head = tok.head
        if not sources and not as_complement:
            if tok.dep_ in ("dobj", "nsubjpass") and any(x in LIGHT_VERBS for x in lemmas(head)):
                subj, f = (self.agent(head), 1.0) if is_passive(head) else self.subject(head)
                sources, factor = self.res.sides(subj), f
            elif (tok.dep_ == "pobj" and head.lower_ in ADJUNCT_PREPS
                  and head.head.pos_ in ("VERB", "AUX") and not is_passive(head.head)):
                subj, f = self.subject(head.head)
                sources, factor = self.res.sides(subj), f * 0.85
        targets: list[Side] = []
        recip = entry.recip
        for p in preps(tok, entry.to):
            sides = self.res.sides(p)
            if not sides:
                continue
            if any(c.lower_ == "between" for c in children_of(tok) if c.dep_ == "prep" and p.head.i == c.i):
                if not sources:
                    sources, targets = sides, []
                    recip = True
                    break
            targets = sides
            break
        if not targets and tok.dep_ == "dobj" and set(lemmas(head)) & LIGHT_VERBS:
            for p in preps(head, tuple(x for x in entry.to if x not in ("of",))):
                sides = self.res.sides(p)
                if any(x.match is not None for x in sides):
                    targets = sides  # "gave permission to Russia", "held talks in ... with X"
                    break
        if (not targets and tok.dep_ == "dobj" and set(lemmas(head)) & UNDERGO_VERBS
                and not is_passive(head)):
            # "Obama faces pressure from Congress": the one who undergoes it is the target
            subj, f = self.subject(head)
            if subj is not None:
                targets = self.res.sides(subj)
                if sources and any(t.key == s.key for t in targets for s in sources):
                    sources = [s for s in sources if all(t.key != s.key for t in targets)]
                    if not sources:
                        for p in preps(tok, entry.src or ("from",)):
                            sources = self.res.sides(p)
                            if sources:
                                break
        if not sources and not as_complement:
            return None
        for s in sources:
            s.factor *= factor
        if targets and all(t.match is None for t in targets) and entry.code[:2] in LOCATIVE_ROOTS:
            targets = [self.contextual_place(t) for t in targets]
        content = None
        if entry.code[:2] in ("02", "10") and not as_complement:
            # "reiterated its demand that Israel ease ...": the that-clause is what is demanded
            # of its subject; it is not an act of its own
            holders = [tok] + ([head] if tok.dep_ == "dobj" and set(lemmas(head)) & LIGHT_VERBS
                               else [])
            for h in holders:
                for c in children_of(h):
                    if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and c.i > tok.i and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in children_of(c)):
                        content = c
                        break
                if content is not None:
                    break
            if content is not None and not any(t.match is not None for t in targets):
                doer = self.res.sides(child(content, "nsubj"))
                if any(d.match is not None for d in doer):
                    targets = doer
        cand = Candidate(entry, entry.code, tok, sources, targets, recip, confidence=entry.conf)
        cand.span_tokens.add(tok.i)
        if content is not None:
            cand.consumed.add(content.i)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(tok)):
            cand.negated = True
        return cand

    def contextual_place(self, side: Side) -> Side:
        """An unresolved place noun ("the last rebel-held province") in a clause hung on a
        country ("Syria, where ..."): that country."""
        head = self.doc[side.head]
        if head.lemma_.lower() not in PLACE_NOUNS:
            return side
        node = head
        for _ in range(8):
            if node.dep_ == "relcl" and node.head.pos_ == "PROPN":
                place = self.res.place(node.head)
                if place is not None:
                    return Side(side.text, side.start, side.end, place.match, side.head, 0.8,
                                "place context")
                return side
            if node.head.i == node.i:
                return side
            node = node.head
        return side

    def adjective(self, tok: Token) -> Candidate | None:
        entries = self.lex.entries("A", tok.lemma_.lower())
        comp = child(tok, "xcomp")
        if not entries or comp is None or tok.dep_ not in ("acomp", "amod", "conj"):
            return None
        head = tok.head
        subj, f = self.subject(head) if tok.dep_ == "acomp" else (head, 0.9)
        entry = entries[0]
        cand = Candidate(entry, entry.code, tok, self.res.sides(subj), [], entry.recip,
                         confidence=entry.conf * f)
        cand.span_tokens.add(tok.i)
        self.apply_frame(cand, tok, None, comp)
        # modality and negation live on the copula
        cand.trigger = head if tok.dep_ == "acomp" else tok
        return cand

    # ------------------------------------------------------------------ modality
    def modality(self, cand: Candidate) -> bool:
        """Adjust for negation, modals and conditionals; False = drop the candidate."""
        tok = cand.trigger
        if tok.pos_ == "NOUN":
            gov = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
            if gov is None or gov.pos_ not in ("VERB", "AUX"):
                return not conditional(tok.head) if tok.head.i != tok.i else True
            tok = gov
        if conditional(tok):
            return False
        gov = self.governor(tok)
        if gov is not None and (negated(gov) or conditional(gov)
                                or {a.lower_ for a in auxiliaries(gov)}
                                & (MODAL_DROP | MODAL_INTENT | MODAL_OBLIGE)):
            # "would not give permission to Russia to help Israel": the purpose is no act
            return False
        neg = negated(tok)
        auxes = {a.lower_ for a in auxiliaries(tok)}
        if auxes & MODAL_DROP:
            return False
        if auxes & MODAL_OBLIGE:
            if cand.entry is REPORTED_DEMAND:
                return True
            return self.reported_demand(cand, tok)
        frame = cand.entry.frame
        if auxes & MODAL_INTENT:
            if frame in ("intent", "threat", "reject") and not neg:
                cand.modality = "intent" if frame == "intent" else frame
                return True
            if frame and frame != "intent":
                return False  # "would urge", "would reject": not coded
            table = "reject" if neg else "intent"
            found, code = self.transform(table, cand.code)
            if not found or code is None:
                return False
            cand.code = code
            cand.modality = "rejected" if neg else ("threat" if code.startswith("13") else "intent")
            cand.confidence *= 0.9
            return True
        if neg:
            cand.negated = True
        return True

    @staticmethod
    def governor(tok: Token) -> Token | None:
        """The verb an infinitival purpose or complement clause hangs on ("give ... to help")."""
        if tok.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok)):
            return None
        head = tok.head
        if tok.dep_ == "acl" and head.pos_ == "NOUN":
            head = head.head
        elif tok.dep_ not in ("advcl", "xcomp"):
            return None
        return head if head.pos_ in ("VERB", "AUX") and head.i != tok.i else None

    def reported_obligation(self, tok: Token) -> Candidate | None:
        """ "X said Y must Z" with Z outside the lexicon: X demands (100) of Y."""
        if tok.dep_ != "ccomp" or not (set(lemmas(tok.head)) & SPEECH_LEMMAS):
            return None
        if not ({a.lower_ for a in auxiliaries(tok)} & MODAL_OBLIGE) or negated(tok):
            return None
        speaker, doer = child(tok.head, "nsubj"), child(tok, "nsubj")
        if speaker is None or doer is None:
            return None
        cand = Candidate(REPORTED_DEMAND, "100", tok, self.res.sides(speaker),
                         self.res.sides(doer), False, confidence=0.7, modality="reported-demand")
        cand.span_tokens |= {tok.head.i, tok.i}
        return cand

    def reported_demand(self, cand: Candidate, tok: Token) -> bool:
        """ "X said Y must do Z" is X demanding Z of Y."""
        if tok.dep_ != "ccomp" or tok.head.lemma_ not in SPEECH_LEMMAS | {"demand", "urge"}:
            return False
        speaker = child(tok.head, "nsubj")
        if speaker is None:
            return False
        found, code = self.transform("demand", cand.code)
        if not found or code is None:
            code = "100"
        doer = cand.sources
        cand.sources = self.res.sides(speaker)
        cand.targets = doer
        cand.code = code
        cand.modality = "reported-demand"
        cand.confidence *= 0.85
        cand.recip = False
        return True

    # ------------------------------------------------------------------ context rules
    def settle(self, cand: Candidate) -> None:
        """Rules that need the whole candidate, applied after modality: reported claims,
        the place of violent or locative acts, unnamed perpetrators, domestic targets."""
        self.reported_claim(cand)
        root = cand.code[:2]
        resolved_src = any(s.match is not None for s in cand.sources)
        resolved_tgt = any(t.match is not None for t in cand.targets)
        if root in LOCATIVE_ROOTS and not resolved_tgt:
            place = self.where(cand)
            if place is not None and not any(
                    s.match is not None and _country(s) == _country(place) and root in VIOLENT_ROOTS
                    for s in cand.sources):
                cand.targets = [place]  # "protest in Beijing", "killed in the Gaza Strip"
                resolved_tgt = True
        if NESTED and not resolved_tgt and resolved_src:
            place = self.nested_place(cand)
            if place is not None and _country(place) not in {_country(x) for x in cand.sources}:
                cand.targets = [place]  # "re-examine the refineries in Iran"
                resolved_tgt = True
        if root in VIOLENT_ROOTS and not resolved_src:
            src = self.perpetrator(cand)
            if src is not None:
                cand.sources = [src]
                resolved_src = True
        if DOMESTIC and root in DOMESTIC_ROOTS and resolved_src and not resolved_tgt:
            home = next((s for s in cand.sources if s.match is not None), None)
            country = _country(home)
            if home is not None and country and country not in SUPRANATIONAL:
                text = next((t.text for t in cand.targets), "")
                m = DerivedMatch(country, country, "country", country)
                cand.targets = [Side(text, -1, -1, m, -1, 0.9, "domestic")]

    def where(self, cand: Candidate) -> Side | None:
        """The country of the place where the act happens: an in/near/at phrase on the
        trigger, on its governing light verb, on its object or subject."""
        tok = cand.trigger
        anchors = [tok]
        if tok.pos_ == "NOUN" and tok.head.i != tok.i:
            anchors.append(tok.head)
        for dep in ("dobj", "nsubjpass", "nsubj"):
            c = child(tok, dep)
            if c is not None and c.pos_ == "NOUN":
                anchors.append(c)
        for a in anchors:
            for p in preps(a, WHERE_PREPS):
                side = self.res.place(p)
                if side is None:
                    for q in preps(p, WHERE_PREPS + ("of",)):
                        side = self.res.place(q)
                        if side is not None:
                            break
                if side is not None:
                    return side
        return None

    def nested_place(self, cand: Candidate) -> Side | None:
        """A country named as the place of what the act is about: "re-examine the
        refineries in Iran", "attend the Beijing Olympics", "a summit on the unrest in Iran",
        "the peacekeeping force in Lebanon".  Searched breadth-first in the object's phrase
        (not in subordinate clauses), nearest first."""
        tok = cand.trigger
        starts = [tok] if tok.pos_ == "NOUN" else []
        for dep in ("dobj", "nsubjpass") if not tok.pos_ == "NOUN" else ():
            c = child(tok, dep)
            if c is not None and c.pos_ in ("NOUN", "PROPN"):
                starts.append(c)
        starts += [p for p in preps(tok, ("to", "for", "on", "against", "with"))
                   if p.pos_ in ("NOUN", "PROPN")]
        queue = [(s, 0) for s in starts]
        seen = 0
        while queue and seen < 24:
            node, depth = queue.pop(0)
            seen += 1
            for c in children_of(node):
                if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" and c.i < node.i:
                    side = self.res.place(c)
                    if side is not None:
                        side.via, side.factor = "nested place", 0.9
                        return side
            if depth >= 4:
                continue
            for c in children_of(node):
                if c.dep_ == "prep":
                    for p in children_of(c):
                        if p.dep_ == "pobj":
                            if c.lower_ in WHERE_PREPS:
                                side = self.res.place(p)
                                if side is not None:
                                    side.via, side.factor = "nested place", 0.9
                                    return side
                            queue.append((p, depth + 1))
                elif c.dep_ in ("acl", "dobj") and c.i > node.i:
                    queue.append((c, depth + 1))
        return None

    def perpetrator(self, cand: Candidate) -> Side | None:
        """Who committed an act of violence nobody is named for: the actor modifying the
        weapon or act ("Israeli tank shelling", "an Iraqi roadside bomb"), else the country
        where it happened (the CAMEO convention for unclaimed attacks)."""
        tok = cand.trigger
        nouns = [self.doc[s.head] for s in cand.sources if s.head >= 0]
        nouns += [p for p in preps(tok, ("in", "by", "from", "with")) if p.pos_ == "NOUN"]
        for n in nouns:
            inner = self.inner_participant(n)
            if inner is not None:
                return inner
        place = self.where(cand)
        if place is not None:
            return Side(place.text, place.start, place.end, place.match, place.head, 0.75,
                        "place of the attack")
        return None

    def reported_claim(self, cand: Candidate) -> None:
        """ "X claimed that it attacked Z": X claims responsibility (015) towards Z; "X
        claimed (said that) Y attacked Z": X accuses Y (112).  CAMEO codes the claim."""
        if cand.code[:2] < "15" or cand.modality != "asserted":
            return
        node = cand.trigger
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ != "ccomp":
            return
        speech = node.head
        lem = set(lemmas(speech))
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(node))
        if not (lem & CLAIM_LEMMAS or (lem & SAY_LEMMAS and that)) or negated(speech):
            return
        speakers = [s for s in self.res.sides(child(speech, "nsubj")) if s.match is not None]
        if not speakers:
            return
        mine = {_country(s) for s in speakers}
        doers = [s for s in cand.sources if s.match is not None]
        if doers and all(_country(d) in mine for d in doers):
            if not lem & CLAIM_LEMMAS:
                return
            cand.code, cand.sources = "015", speakers
        elif doers:
            cand.code, cand.sources, cand.targets = "112", speakers, doers
        else:
            return
        cand.recip = False
        cand.span_tokens.add(speech.i)

    # ------------------------------------------------------------------ the sentence loop
    def candidates(self, sent: Span) -> list[Candidate]:
        out: list[Candidate] = []
        consumed: set[int] = set()
        view = parsed(self.doc)
        pos, dep = view.pos, view.dep
        tokens = view.tokens[sent.start : sent.end]
        # frames (verbs, adjectives) first, each group in text order, so that their
        # complements are consumed before being coded alone
        frames = ("VERB", "ADJ")
        order = [t for t in tokens if pos[t.i] in frames] + [t for t in tokens if pos[t.i] not in frames]
        for tok in order:
            if tok.i in consumed:
                continue
            cand: Candidate | None = None
            tag = pos[tok.i]
            if tag in ("VERB", "AUX") and dep[tok.i] not in ("aux", "auxpass"):
                cand = self.verb(tok)
            elif tag == "ADJ":
                cand = self.adjective(tok)
            elif tag in ("NOUN", "PROPN"):
                cand = self.noun(tok)
            if cand is None and tag == "VERB":
                cand = self.reported_obligation(tok)
            if cand is None or not cand.code:
                continue
            consumed |= cand.consumed
            out.append(cand)
        out = [c for c in out if c.trigger.i not in consumed or c.entry.frame]
        # "staged demonstrations to demand X", "blocked roads to press their demands": the
        # demand is the aim of the protest, not an event of its own
        protests = {c.trigger.i for c in out if c.code[:2] == "14"}
        protests |= {c.trigger.head.i for c in out if c.code[:2] == "14" and c.trigger.pos_ == "NOUN"}
        return [c for c in out if not (c.code[:2] == "10" and self.aim_of(c.trigger, protests))]

    def aim_of(self, tok: Token, anchors: set[int]) -> bool:
        """Whether ``tok`` (or the verb governing it, for a noun) is an infinitival purpose of
        one of the ``anchors``."""
        if tok.pos_ == "NOUN" and tok.head.i != tok.i:
            tok = tok.head
        gov = self.governor(tok)
        return gov is not None and gov.i in anchors


def _participant(side: Side) -> Participant:
    m = side.match
    return Participant(
        text=side.text,
        name=getattr(m, "name", None) if m is not None else None,
        actor=getattr(m, "code", None) if m is not None else None,
        start=side.start if side.start >= 0 else None,
        end=side.end if side.start >= 0 else None,
    )


def _country(side: Side | None) -> str | None:
    if side is None or side.match is None:
        return None
    return str(getattr(side.match, "code", "") or "")[:3] or None


def _evidence(doc: Doc, sent: Span, cand: Candidate, sides: list[Side]) -> tuple[int, int]:
    starts = [doc[i].idx for i in cand.span_tokens]
    ends = [doc[i].idx + len(doc[i].text) for i in cand.span_tokens]
    for s in sides:
        if sent.start_char <= s.start and s.end <= sent.end_char:
            starts.append(s.start)
            ends.append(s.end)
    return min(starts), max(ends)


def code_events(article: Article, doc: Doc, actors: ActorLookup,
                quotes: list[Quote] | None = None) -> list[Event]:
    """CAMEO events of one article; ``doc`` is the spaCy parse of exactly ``article.text``."""
    view = parsed(doc)
    text = view.text
    if text != article.text:
        raise ValueError("doc must be the parse of article.text")
    coder = Coder(doc, actors, quotes)
    events: list[Event] = []
    seen: dict[tuple[Any, ...], int] = {}
    for si, sent in enumerate(view.sents):
        for cand in coder.candidates(sent):
            if not coder.modality(cand):
                continue
            coder.settle(cand)
            for src, tgt, recip in _pairs(cand):
                ev = _make_event(doc, text, sent, si, cand, src, tgt, recip)
                if ev is None:
                    continue
                key = (ev.code, si, _key(src), _key(tgt))
                if key in seen:
                    old = events[seen[key]]
                    if ev.confidence > old.confidence:
                        events[seen[key]] = ev
                    continue
                seen[key] = len(events)
                events.append(ev)
    return _drop_redundant(events)


def _drop_redundant(events: list[Event]) -> list[Event]:
    """One act coded twice in a sentence, once with a resolved target and once without (an
    adjunct "..., killing 20"): keep the one with the target.  An inferred side gives way to
    one read from the text: an attack whose perpetrator was inferred from its place, when the
    sentence names a perpetrator for the same root; a domestic target, when the same source
    has a named target for the same root."""
    resolved = {(e.sentence, e.root, e.source.actor if e.source else None)
                for e in events if e.target is not None and e.target.actor}

    def inferred(e: Event, side: str) -> bool:
        return f"{side}: " in getattr(e, "inferred", "")

    read_src = {(e.sentence, e.root) for e in events
                if e.source is not None and e.source.actor and not inferred(e, "source")}
    read_tgt = {(e.sentence, e.root, e.source.actor if e.source else None) for e in events
                if e.target is not None and e.target.actor and not inferred(e, "target")}
    out = []
    for e in events:
        src = e.source.actor if e.source else None
        if not (e.target is not None and e.target.actor) and (e.sentence, e.root, src) in resolved:
            continue
        if inferred(e, "source") and (e.sentence, e.root) in read_src:
            continue
        if inferred(e, "target") and (e.sentence, e.root, src) in read_tgt:
            continue
        out.append(e)
    return out


def _key(side: Side | None) -> str | None:
    return side.key if side is not None else None


def _pairs(cand: Candidate) -> list[tuple[Side | None, Side | None, bool]]:
    """Source/target pairs of a candidate.

    * compound source, no resolved target, reciprocal entry or cooperative root (01-08): every
      ordered pair of the coordinated actors ("A and B met", "A and B signed a treaty");
    * a reciprocal *noun* with a target ("talks with B", "a meeting between"): both ways, as the
      noun names the joint act;
    * a symmetric *verb* with an explicit object ("A met (with) B", "A signed a deal with B"):
      one direction, subject -> object, as the sentence tells it.
    """
    srcs = cand.sources or [None]  # type: ignore[list-item]
    tgts = cand.targets
    resolved_tgt = any(t.match is not None for t in tgts)
    distinct = {s.key for s in srcs if s is not None and s.match is not None}
    joint = cand.recip or (cand.code[:2] <= "08" and len(distinct) > 1)
    out: list[tuple[Side | None, Side | None, bool]] = []
    if joint and not resolved_tgt and len(distinct) > 1:
        for a in srcs:
            for b in srcs:
                if a is not b and a is not None and b is not None and a.key != b.key:
                    out.append((a, b, True))
        return out
    both_ways = cand.recip and cand.entry.kind == "N"
    for a in srcs:
        for b in tgts or [None]:  # type: ignore[list-item]
            out.append((a, b, False))
            if both_ways and b is not None and a is not None and b.match is not None:
                out.append((b, a, True))
    return out


def _make_event(doc: Doc, text: str, sent: Span, si: int, cand: Candidate, src: Side | None,
                tgt: Side | None, recip: bool) -> CodedEvent | None:
    if src is not None and tgt is not None:
        if src.head == tgt.head or (src.start < tgt.end and tgt.start < src.end):
            return None
        sm, tm = src.match, tgt.match
        if sm is not None and tm is not None and getattr(sm, "name", None) == getattr(tm, "name", None):
            if getattr(sm, "kind", "person") in ("person", "speaker") or getattr(sm, "code", 1) == getattr(tm, "code", 2) and src.text == tgt.text:
                return None
    conf = cand.confidence
    resolved = 0
    if src is None:
        conf *= 0.6
    elif src.match is None:
        conf *= 0.7
    else:
        conf *= src.factor
        resolved += 1
    if tgt is not None:
        if tgt.match is None:
            conf *= 0.9
        else:
            conf *= tgt.factor
            resolved += 1
    if resolved == 0:
        return None
    if conf < THRESHOLD:
        return None
    info = lookup(cand.code)
    start, end = _evidence(doc, sent, cand, [s for s in (src, tgt) if s is not None])
    return CodedEvent(
        code=info.code,
        root=info.root,
        label=info.name,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=info.plover,
        source=_participant(src) if src is not None else None,
        target=_participant(tgt) if tgt is not None else None,
        sentence=si,
        evidence=text[start:end],
        negated=cand.negated,
        confidence=round(conf, 3),
        start=start,
        end=end,
        rule=cand.entry.describe(),
        reciprocal=recip,
        modality=cand.modality,
        inferred=", ".join(f"{n}: {x.via}" for n, x in (("source", src), ("target", tgt))
                           if x is not None and x.via in INFERRED_VIA),
    )
