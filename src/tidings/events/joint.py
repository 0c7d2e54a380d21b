"""Undertakings begun together: material cooperation (CAMEO 06x).

CAMEO 06 is to "initiate, resume, improve, or expand material cooperation or exchange": 061
economic, 062 military, 063 judicial, 064 intelligence.  News says it with a verb of starting or
doing and an undertaking called joint or shared across a border: "Uzbekistan and Kazakhstan opened
a joint trade zone", "Ghana's army and Togolese troops launched joint patrols", "the two central
banks launched a cross-border payments link".  The undertaking itself is often no event noun the
lexicon knows, so it is read here: the verb, the marker of togetherness on its object, and the
object's words for the kind.  Who did it together is decided by the coder (two named parties).
Word lists written for the project from the codebook's descriptions of 060-064.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.syntax import TIME_SPANS
from tidings.parsed import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs that begin, do or widen an undertaking
START_VERBS = frozenset(
    "launch open begin start establish set create form inaugurate unveil conduct carry hold "
    "expand extend deepen resume build link".split())
#: words on the object that say it is shared by its parties
TOGETHER = frozenset("joint jointly combined cross-border bilateral shared".split())
#: the kind of cooperation by the undertaking's words (…2 military first: "joint naval patrols")
KINDS = (
    ("062", frozenset(
        "patrol patrols exercise exercises drill drills manoeuvre manoeuvres maneuver maneuvers landing "
        "landings operation operations military naval army troops force forces defence defense".split())),
    ("063", frozenset("extradition prosecution prosecutors judicial court courts legal".split())),
    ("064", frozenset("intelligence".split())),
    ("061", frozenset(
        "trade market markets zone venture investment investments economic payment payments remittance "
        "remittances currency bank banking fund plant project projects scheme pipeline grid grids power "
        "energy electricity port railway rail road bridge crossing corridor factory mine mining "
        "marketing export exports import imports customs business commercial".split())),
)
#: nouns the lexicon codes as verbal acts even when joint ("a joint statement")
_VERBAL = frozenset("statement declaration communique communiqué appeal call letter bid news conference".split())


def _words(obj: Token) -> set[str]:
    out = {obj.lower_, obj.lemma_.lower()}
    stack = list(children_of(obj))
    depth = 0
    while stack and depth < 40:
        t = stack.pop()
        depth += 1
        if t.dep_ in ("relcl", "acl", "punct", "cc", "appos"):
            continue
        out |= {t.lower_, t.lemma_.lower()}
        stack.extend(children_of(t))
    return out


def joint_object(verb: Token) -> Token | None:
    """The object of a verb of starting that is called shared by its parties: "opened a joint
    trade zone", "launched a cross-border payments link"."""
    if verb.lemma_.lower() not in START_VERBS:
        return None
    for c in children_of(verb):
        if c.dep_ == "dobj" and c.lemma_.lower() in TIME_SPANS:
            # "began a week of joint drills": the span's "of" names what is undertaken
            c = next((o for p in children_of(c) if p.dep_ == "prep" and p.lower_ == "of"
                      for o in children_of(p) if o.dep_ == "pobj"), c)
        if c.dep_ in ("dobj", "pobj") and c.pos_ == "NOUN" and c.lemma_.lower() not in _VERBAL:
            before = {m.lower_ for m in children_of(c) if m.i < c.i}
            marked = bool(before & TOGETHER) or {"cross", "border"} <= before  # ("cross - border" split)
            marked |= any(m.dep_ == "advmod" and m.lower_ == "jointly" for t in children_of(c) for m in children_of(t))
            if marked:
                return c
    return None


def cooperation_code(obj: Token) -> str:
    """060, or the kind the undertaking's words name."""
    words = _words(obj)
    for code, vocab in KINDS:
        if words & vocab:
            return code
    return "060"
