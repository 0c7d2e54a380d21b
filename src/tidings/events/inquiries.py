"""What an investigation is into.

CAMEO splits "investigate" (090) by what is investigated: crime or corruption (091), human
rights abuses (092), military action (093), war crimes (094).  The kind is read from the head
words of what the act is about: the verb's object ("investigate the killings"), the event noun's
into/of/over phrase ("an inquiry into the air strike"), and their modifiers ("war crimes").
Word lists written for the project from the codebook's descriptions; the gravest kind named
wins ("an inquiry into killings and war crimes" is 094).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.parsed import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

WAR_CRIMES = frozenset("genocide atrocity atrocities massacre massacres cleansing".split())
MILITARY_ACTION = frozenset(
    "strike strikes airstrike airstrikes attack attacks raid raids bombing bombings shelling "
    "operation operations incursion offensive bombardment drone drones soldier soldiers troops army "
    "military airspace ceasefire".split())
RIGHTS_ABUSES = frozenset(
    "abuse abuses torture violation violations disappearance disappearances mistreatment "
    "ill-treatment repression crackdown rights detention detentions brutality".split())
#: nouns that report an act rather than name it: an inquiry "into allegations of torture" is
#: into the torture
REPORTING_NOUNS = frozenset(
    "allegation allegations accusation accusations claim claims report reports complaint complaints".split())
#: nouns of someone's acts whose of-phrase says whose ("the conduct of soldiers")
CONDUCT_NOUNS = frozenset("conduct handling actions behaviour behavior role".split())
CRIMES = frozenset(
    "corruption fraud bribery bribe bribes embezzlement murder murders killing killings death "
    "deaths theft smuggling trafficking laundering crime crimes misconduct evasion "
    "assassination leak leaks espionage spying kickback kickbacks graft misuse misappropriation "
    "misappropriate embezzle launder divert diversion steal extortion extort blackmail forgery "
    "perjury mislead".split())

#: verbs that constitute a body, and the bodies that inquire: "formed a committee to
#: investigate", "set up a commission to probe" is the inquiry begun, not only its aim
CONSTITUTE_VERBS = frozenset("form set establish appoint create constitute launch name convene".split())
INQUIRY_BODIES = frozenset("committee commission panel team body tribunal taskforce task board mission".split())
INQUIRY_VERBS = frozenset("investigate probe examine inquire enquire".split())
#: prepositions whose object is what is investigated ("investigated him for fraud": "for" on a verb)
_ABOUT_PREPS = ("into", "of", "over", "on")


def _about(trigger: Token) -> list[Token]:
    """The heads of what the act is about, with their conjuncts."""
    heads: list[Token] = []
    nodes = [trigger]
    for c in children_of(trigger):
        if c.dep_ in ("dobj", "nsubjpass") and trigger.pos_ == "VERB":
            heads.append(c)
            nodes.append(c)  # "launched an investigation into ...": the noun's own phrase
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.i != trigger.i:
        nodes.append(trigger.head)  # the parser may hang "into" on the light verb
    for n in nodes:
        for p in children_of(n):
            if p.dep_ == "prep" and (p.lower_ in _ABOUT_PREPS or (p.lower_ == "for" and n.pos_ == "VERB")):
                heads += [o for o in children_of(p) if o.dep_ == "pobj"]
    heads += [o for h in heads if h.lemma_.lower() in REPORTING_NOUNS | CONDUCT_NOUNS
              for p in children_of(h) if p.dep_ == "prep" and p.lower_ == "of"
              for o in children_of(p) if o.dep_ == "pobj"]
    # what an allegation says ("allegations that coast guard units tortured migrants") and what
    # is asked ("investigating whether soldiers had fired", "probing how a drone entered"): the
    # clause's verb, its subject and its object
    clauses = [c for h in heads if h.lemma_.lower() in REPORTING_NOUNS
               for c in children_of(h) if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
    if trigger.pos_ == "VERB":
        clauses += [c for c in children_of(trigger) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    for c in clauses:
        heads.append(c)
        heads += [x for x in children_of(c) if x.dep_ in ("nsubj", "nsubjpass", "dobj")]
        heads += [x for x in children_of(c) if x.dep_ == "xcomp" and x.pos_ == "VERB"]
    out: list[Token] = []
    for h in heads:
        out.append(h)
        out += [c for c in children_of(h) if c.dep_ == "conj"]
    return out


def _words(tok: Token) -> set[str]:
    """A head's words, its modifiers' and the object of its "against" ("crimes against
    humanity")."""
    words = {tok.lower_, tok.lemma_.lower()}
    for c in children_of(tok):
        if c.dep_ in ("compound", "amod") and c.i < tok.i:
            words |= {c.lower_, c.lemma_.lower()}
        if c.dep_ == "prep" and c.lower_ == "against":
            words |= {o.lower_ for o in children_of(c) if o.dep_ == "pobj"}
    return words


KINDS = ("091", "092", "093", "094")


def inquiry_kind(code: str, trigger: Token) -> str:
    """090 made specific by what is investigated, or a specific 09x made graver when a graver
    kind is named ("investigated crimes against humanity" is 094, not 091); any other code
    unchanged."""
    if code != "090" and code not in KINDS:
        return code
    kind = _kind(trigger)
    return max(code, kind)


def _kind(trigger: Token) -> str:
    code = "090"
    words: set[str] = set()
    for h in _about(trigger):
        words |= _words(h)
    if trigger.pos_ == "NOUN":
        # the noun's own modifiers name what it is into: "a war crimes investigation", "a
        # corruption probe" (the trigger's own word is no topic)
        words |= {w for c in children_of(trigger) if c.dep_ in ("compound", "amod") and c.i < trigger.i
                  for w in _words(c)}
    if words & WAR_CRIMES or ("war" in words and "crime" in words) or "humanity" in words:
        return "094"
    if words & MILITARY_ACTION:
        return "093"
    if words & RIGHTS_ABUSES:
        return "092"
    if words & CRIMES:
        return "091"
    return code


def accused(trigger: Token) -> list[Token]:
    """Who is said to have done what is investigated, in the order to try: the by-phrase of the
    act ("abuses by police", "abuses committed by police"), its doer named before it ("Russian
    war crimes", "Israel's conduct"), the of-phrase of someone's conduct ("the conduct of
    soldiers"), the subject of what an allegation says.  CAMEO codes the alleged perpetrator as
    the target of 092-094 ("alleged or potential perpetrators should be coded as targets"); the
    victim of the act is not whom the inquiry is against."""
    out: list[Token] = []
    for h in _about(trigger):
        holders = [h] + [c for c in children_of(h) if c.dep_ == "acl" and c.tag_ == "VBN"]
        out += [o for x in holders for p in children_of(x) if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                for o in children_of(p) if o.dep_ == "pobj"]
        if h.pos_ == "NOUN":
            out += [c for c in children_of(h) if c.dep_ == "poss" or (c.dep_ in ("amod", "compound")
                                                                       and c.pos_ in ("ADJ", "PROPN"))]
        if h.lemma_.lower() in CONDUCT_NOUNS:
            out += [o for p in children_of(h) if p.dep_ == "prep" and p.lower_ == "of"
                    for o in children_of(p) if o.dep_ == "pobj"]
        if h.pos_ in ("VERB", "AUX"):
            out += [x for x in children_of(h) if x.dep_ == "nsubj"]
    return out


def constituted_body(verb: Token) -> Token | None:
    """The verb that constitutes the inquiring body a purpose infinitive hangs on or beside
    ("formed a committee to investigate": "formed"), or None."""
    head = verb.head
    # (the parser may read the infinitive as a relative clause of the body)
    if verb.dep_ in ("acl", "relcl") and head.lemma_.lower() in INQUIRY_BODIES and head.dep_ == "dobj" \
            and head.head.lemma_.lower() in CONSTITUTE_VERBS:
        return head.head
    if verb.dep_ == "advcl" and head.lemma_.lower() in CONSTITUTE_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in INQUIRY_BODIES for c in children_of(head)):
        return head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in CONSTITUTE_VERBS and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in INQUIRY_BODIES for c in children_of(verb)):
        return head  # "formed [a committee to investigate]", as the parse may read it
    return None
