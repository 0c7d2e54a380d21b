"""Judgements passed by naming: "called the sanctions illegal", "labelled the launch a grave
provocation", "described the talks as constructive".

A verb of naming (call, label, brand, term, dub, describe as, characterise as) with an object and
a predicate says what the speaker holds the object to be.  CAMEO codes the judgement by its sign:
a thing called unlawful, dangerous, a provocation or a sham is criticised or denounced (111), one
called constructive, historic or a breakthrough is praised (051).  Whom the judgement is aimed at
is the object's actor (its doer, owner or author: "Manila's remarks"), as for any criticism.  The
word lists were written for the project from the codebook's names of the two codes and the
evaluative words of diplomatic and news language; a predicate with neither sign is no event
("called the meeting for Tuesday", "described the town as quiet").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.lexicon import Entry
from tidings.parsed import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs of naming whose second object or predicate adjective is the name given
NAMING_VERBS = frozenset("call label brand term dub deem".split())
#: verbs of naming whose "as" phrase is the name given
NAMING_AS_VERBS = frozenset("describe characterise characterize portray depict brand label regard".split())

NEGATIVE = frozenset("""
    irresponsible provocative unacceptable illegal unlawful illegitimate absurd baseless groundless
    unfounded false dangerous reckless hostile aggressive destabilising destabilizing insulting
    outrageous shameful disgraceful deplorable regrettable unjust unfair racist discriminatory
    hypocritical cynical arrogant undemocratic unconstitutional criminal barbaric inhumane
    irrational malicious slanderous fabricated politicised politicized counterproductive unfriendly
    mistake provocation violation insult farce sham disgrace stunt interference propaganda lie lies
    nonsense aggression terrorism crime blackmail smear fabrication threat betrayal
    """.split())
POSITIVE = frozenset("""
    constructive positive productive fruitful historic successful useful welcome encouraging
    courageous wise important significant excellent friendly cordial
    breakthrough success milestone achievement victory
    """.split())

#: the entry behind a judgement passed by naming
NAMED_CRITICISM = Entry(kind="V", key="called it X (criticism)", code="111", line=0)
NAMED_PRAISE = Entry(kind="V", key="called it X (praise)", code="051", line=0)


def _predicates(verb: Token) -> list[Token]:
    """The names a verb of naming gives its object: a predicate adjective or noun ("called it
    illegal", "labelled the launch a provocation"), or the object of its "as" phrase."""
    lemma = verb.lemma_.lower()
    out: list[Token] = []
    if lemma in NAMING_VERBS:
        dobjs = [c for c in children_of(verb) if c.dep_ == "dobj"]
        out += [c for c in children_of(verb) if c.dep_ in ("oprd", "acomp", "ccomp") and c.pos_ in ("ADJ", "NOUN")]
        out += dobjs[1:]  # "labelled the launch a provocation": the second object
    if lemma in NAMING_AS_VERBS:
        out += [p for a in children_of(verb) if a.dep_ == "prep" and a.lower_ == "as"
                for p in children_of(a) if p.dep_ == "pobj"]
    for p in list(out):
        out += [c for c in children_of(p) if c.dep_ == "conj"]
    return out


def judgement(verb: Token) -> tuple[Entry, Token] | None:
    """The entry of the judgement a verb of naming passes, and the object judged; None when the
    verb names nothing, or names it with no sign."""
    obj = next((c for c in children_of(verb) if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    words: set[str] = set()
    for p in _predicates(verb):
        if p.i == obj.i:
            continue
        words |= {p.lemma_.lower(), p.lower_}
        words |= {c.lemma_.lower() for c in children_of(p) if c.dep_ in ("amod", "compound")}
    if words & NEGATIVE:
        return NAMED_CRITICISM, obj
    if words & POSITIVE:
        return NAMED_PRAISE, obj
    return None
