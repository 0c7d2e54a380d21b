"""From coded candidates to ``Event`` records: source/target pairs (reciprocity), confidence,
evidence span, and the clean-up of one act coded twice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tidings.events.codebook import lookup
from tidings.events.conventions import INFERRED_VIA, SIDELESS_ROOTS, THRESHOLD
from tidings.events.participants import Side, named_keys
from tidings.model import Event, Participant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from tidings.events.candidate import Candidate


@dataclass
class CodedEvent(Event):
    """An ``Event`` plus how it was coded: the lexicon entry, reciprocity, modality."""

    rule: str = ""
    reciprocal: bool = False
    #: sides the coder inferred rather than read ("source: place of the attack")
    inferred: str = ""
    modality: str = "asserted"  # see the schema's enum (analysis.schema.json)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["rule"] = self.rule
        out["reciprocal"] = self.reciprocal
        out["modality"] = self.modality
        out["inferred"] = self.inferred
        return out



#: a target that is each of the coordinated doers in turn
RECIPROCAL_PRONOUNS = frozenset({"each other", "one another", "other"})
#: a target named as the doer's own ("its arms") is no other party
POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})


def _participant(side: Side) -> Participant:
    m = side.match
    return Participant(
        text=side.text,
        name=getattr(m, "name", None) if m is not None else None,
        actor=getattr(m, "code", None) if m is not None else None,
        start=side.start if side.start >= 0 else None,
        end=side.end if side.start >= 0 else None,
    )


def _evidence(doc: Doc, sent: Span, cand: Candidate, sides: list[Side]) -> tuple[int, int]:
    starts = [doc[i].idx for i in cand.span_tokens]
    ends = [doc[i].idx + len(doc[i].text) for i in cand.span_tokens]
    for s in sides:
        if sent.start_char <= s.start and s.end <= sent.end_char:
            starts.append(s.start)
            ends.append(s.end)
    return min(starts), max(ends)


def _drop_redundant(events: list[Event]) -> list[Event]:
    """One act coded twice in a sentence, once with a resolved target and once without (an
    adjunct "..., killing 20"): keep the one with the target.  An inferred side gives way to
    one read from the text: an attack whose perpetrator was inferred from its place, when the
    sentence names a perpetrator for the same root; a domestic target, when the same source
    has a named target for the same root.  The same act is the same root and PLOVER type:
    taking a village (192, coerce) after fighting for it (190, assault) is two acts.  The same
    code from the same source with no target twice in a sentence is one act.  An act of no
    one against no one ("as border clashes spread") beside violence of the same root that names
    a side is the same fighting told again.  A root's general code beside a specific code of the
    same act, pair and evidence span is that act told twice; the specific code stays."""
    def act(e: Event) -> tuple[str, str | None]:
        return e.root, e.plover

    def sideless(e: Event) -> bool:
        return not (e.source is not None and e.source.actor) and not (e.target is not None and e.target.actor)

    sided: dict[tuple[object, str], set[str]] = {}
    for e in events:
        if not sideless(e) and e.root in ("18", "19", "20"):
            sided.setdefault((e.sentence, e.root), set()).add(e.code)

    def told_again(e: Event) -> bool:
        # (the same act or a more specific one named with its sides; a truce broken, 196, beside
        # the shelling that broke it is another act)
        codes = sided.get((e.sentence, e.root), set())
        return bool(codes) and (e.code in ("180", "190", "200") or any(c.startswith(e.code) for c in codes))

    resolved = {(e.sentence, act(e), e.source.actor if e.source else None)
                for e in events if e.target is not None and e.target.actor}

    def inferred(e: Event, side: str) -> bool:
        return f"{side}: " in getattr(e, "inferred", "")

    read_src = {(e.sentence, act(e)) for e in events
                if e.source is not None and e.source.actor and not inferred(e, "source")}
    read_tgt: dict[tuple[object, ...], set[str]] = {}
    for e in events:
        if e.target is not None and e.target.actor and not inferred(e, "target"):
            read_tgt.setdefault((e.sentence, act(e), e.source.actor if e.source else None), set()).add(e.code)

    def parties(e: Event) -> tuple[object, ...]:
        return (e.sentence, e.negated, e.source.actor if e.source else None, e.target.actor if e.target else None)

    def span_of(e: Event) -> tuple[int, int]:
        return (e.start or 0, e.end or 0)

    def said_specifically(e: Event) -> bool:
        # "staged a 24-hour strike against the pension reform": the verb's pattern (140) and the
        # event noun (1432) code one act over one stretch of text for one pair; the general code
        # of the root gives way to the specific one
        if len(e.code) != 3 or not e.code.endswith("0"):
            return False
        return any(o is not e and o.code != e.code and act(o) == act(e) and parties(o) == parties(e)
                   and span_of(o) == span_of(e) for o in events)

    out = []
    untargeted: set[tuple[object, ...]] = set()
    for e in events:
        src = e.source.actor if e.source else None
        if sideless(e) and not e.negated and told_again(e):
            continue
        if said_specifically(e):
            continue
        if not (e.target is not None and e.target.actor) and (e.sentence, act(e), src) in resolved:
            continue
        if not (e.target is not None and e.target.actor):
            # "launched an inquiry into the strike": the verb and its event noun code one act;
            # with no target either, it is reported once
            k = (e.sentence, e.code, src)
            if k in untargeted:
                continue
            untargeted.add(k)
        if inferred(e, "source") and (e.sentence, act(e)) in read_src:
            continue
        if inferred(e, "target") and any(c.startswith(e.code) for c in read_tgt.get((e.sentence, act(e), src), ())):
            continue  # (a more specific act with its own target is another act: "eased rules (081), allowing
            # citizens (080)")
        out.append(e)
    return out


def _key(side: Side | None) -> str | None:
    return side.key if side is not None else None


def _reciprocal(cand: Candidate, side: Side) -> bool:
    """ "each other", "one another" as a target."""
    if side.text.lower() in RECIPROCAL_PRONOUNS:
        return True
    doc = cand.trigger.doc
    return 0 <= side.head < len(doc) - 1 and doc[side.head].lower_ == "one" and doc[side.head + 1].lower_ == "another"


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
    if tgts and all(t.match is None and _reciprocal(cand, t) for t in tgts) and len(named_keys(srcs)) > 1:
        # "Russia and Ukraine accused each other": each of them, of the other
        return [(a, b, True) for a in srcs for b in srcs
                if a is not b and a is not None and b is not None and a.key != b.key]
    resolved_tgt = any(t.match is not None for t in tgts)
    distinct = named_keys(srcs)
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
        if (src.head == tgt.head or (src.start < tgt.end and tgt.start < src.end)) and not (
                recip and src.key != tgt.key) and src.via not in INFERRED_VIA:
            # one mention on both sides ("diplomats from Japan and Korea" may be; and an
            # unclaimed bomb in Mogadishu is Somalia's, in Somalia)
            return None
        sm, tm = src.match, tgt.match
        if sm is not None and tm is not None and src.key == tgt.key and src.via not in INFERRED_VIA:
            # the same actor on both sides: one person, or one mention of a role; a country's army
            # and its rebels share the country's name, not their code
            if getattr(sm, "kind", "person") in ("person", "speaker") or src.text == tgt.text:
                return None
            if tgt.text.lower().split()[:1] and tgt.text.lower().split()[0] in POSSESSIVES:
                tgt = None  # "the PKK would lay down its arms": its own, no other party
    conf = cand.confidence
    resolved = 0
    if src is None:
        conf *= 1.0 if cand.standalone else 0.6
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
    root = cand.code[:2]
    if resolved == 0 and (not cand.standalone or root < "14" or (
            bool(cand.entry.rule) and root not in SIDELESS_ROOTS)):
        # an act between parties (a statement, an appeal, cooperation, a concession: roots
        # 01-13) with no actor known on either side ("it would allow fines", "the release
        # came as ...") records nothing; protest, coercion and violence are news even when
        # nobody is named, but a show of force or a cut in relations (15, 16) only from the
        # lexicon, not from the verb table's coarse reading of a verb alone ("he walked out
        # the back door" is no walk-out)
        return None
    if src is None and tgt is None and root not in SIDELESS_ROOTS:
        return None  # "patrols", "a truce": an act with nobody on either side says nothing
    if src is None and root < "14" and not cand.standalone:
        return None  # a statement, appeal or accusation needs the one who made it
    if conf < THRESHOLD:
        if not cand.standalone or cand.confidence < THRESHOLD:
            return None
        # a material act the sentence asserts stays, however uncertain its sides are
        conf = THRESHOLD
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
