"""What a threat is of.

CAMEO splits "threaten" (130) by the act threatened, and its list mirrors the acts of roots
14-20: non-force threats (131: to cut aid 1311, to sanction or boycott 1312, to cut relations
1313), administrative sanctions (132: restricting freedoms 1321, banning parties 1322, a curfew
1323, a state of emergency 1324), dissent (133), halting negotiations (134), mediation (135) or
international involvement (136), repression (137), force (138: blockade 1381, occupation 1382,
unconventional violence 1383, conventional attack 1384, weapons of mass destruction 1385), and
the ultimatum (139).  When the frame has already coded the act threatened ("threatened to
impose sanctions" is 1312 by the lexicon's transform), that code stands; the words of the threat
say it when no act is coded there ("threatened military action", "warned of retaliation",
"threatened them with arrest").  Word lists written for the project from the codebook's names of
the codes; the words for mediation are the request table's (``events/requests.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.requests import MEDIATION, request_words

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the phrases whose object is what is threatened: "warned of retaliation", "threatened with arrest"
_PREPS = ("of", "with")

WMD = frozenset("nuclear atomic thermonuclear chemical biological radiological".split())
ULTIMATUM = frozenset("ultimatum".split())
BLOCKADE = frozenset("blockade blockades".split())
OCCUPATION = frozenset("occupy occupation annex annexation".split())
#: attacks by conventional forces
ATTACK = frozenset(
    "attack attacks invade invasion war airstrike airstrikes bomb bombing bombings bombard "
    "bombardment shell shelling offensive".split())
#: force without a named kind of attack
FORCE = frozenset("force military retaliation retaliate retaliatory troops army missile missiles".split())
REPRESSION = frozenset(
    "arrest arrests arrested jail jailed imprison imprisonment prosecute prosecution detain detention "
    "crackdown disperse dispersed".split())
CURFEW = frozenset("curfew".split())
EMERGENCY = frozenset("emergency martial".split())
PARTIES = frozenset("party parties".split())
BANNING = frozenset("ban outlaw dissolve proscribe".split())
#: the freedoms an administrative sanction restricts ("shut down newspapers", "block the internet")
FREEDOMS = frozenset(
    "newspaper newspapers media outlet outlets broadcaster internet press censorship rally rallies "
    "assembly assemblies".split())
ADMINISTRATIVE = frozenset("ban fine fines restriction restrictions revoke licence license deregister "
                           "deregistration registration accreditation".split())
SANCTIONS = frozenset("sanction sanctions embargo embargoes boycott boycotts tariff tariffs".split())
AID = frozenset("aid assistance funding".split())
RELATIONS = frozenset("relations ties ambassador ambassadors diplomats embassy".split())
#: what stops cooperation ("to cut aid", "to suspend talks", "to pull out of the mission")
HALTING = frozenset(
    "cut halt stop suspend end freeze sever break downgrade withdraw recall expel quit abandon "
    "leave walk pull".split())
DISSENT = frozenset("protest protests demonstration demonstrations walkout boycott rally".split())
LABOUR = frozenset("union unions workers employees staff".split())
TALKS = frozenset("talks negotiation negotiations dialogue".split())
INVOLVEMENT = frozenset("peacekeepers peacekeeping mission observers monitors inspectors".split())
#: withdrawing one's forces from abroad: a threat to end one's involvement (136), not of force
WITHDRAWING = frozenset("withdraw withdrawal pull recall".split())
DEPLOYED = frozenset("troops troop soldiers soldier forces contingent battalion".split())

#: every code a threat's words can give it
KINDS = frozenset({"1311", "1312", "1313", "132", "1321", "1322", "1323", "1324", "133", "134", "135", "136",
                   "137", "138", "1381", "1382", "1384", "1385", "139"})
#: the codes this module refines: the generic threat and the generic code of each kind
_FAMILIES = frozenset({"130", "131", "132", "138"})


def _words(trigger: Token) -> set[str]:
    # (the trigger's own word too: a threat told as the act itself, "would withdraw its troops
    # unless ...", names what it threatens in its verb)
    toks = request_words(trigger, _PREPS) + [trigger]
    return {w for t in toks for w in (t.lower_, t.lemma_.lower())}


def threat_kind(code: str, trigger: Token) -> str:
    """130 (or a generic 131, 132, 138) made specific by the act threatened; a threat of weapons of
    mass destruction is 1385 whatever attack the frame coded; any other code unchanged."""
    if not code.startswith("13"):
        return code
    words = _words(trigger)
    if code.startswith("138") and words & WMD and words & (ATTACK | FORCE | {"weapon", "weapons", "strike"}):
        return "1385"
    if code not in _FAMILIES:
        return code
    kind = _kind(words)
    if kind is None:
        return code
    # a generic code of one kind is refined only within that kind ("131" never becomes "1384")
    return kind if code == "130" or kind.startswith(code) else code


def _kind(words: set[str]) -> str | None:
    halted = bool(words & HALTING)
    if words & ULTIMATUM:
        return "139"
    if words & WMD and words & (ATTACK | FORCE | {"weapon", "weapons"}):
        return "1385"
    if words & REPRESSION:
        return "137"
    if words & CURFEW:
        return "1323"
    if words & EMERGENCY and ("law" in words or "emergency" in words):
        return "1324"
    if words & PARTIES and words & BANNING:
        return "1322"
    if words & FREEDOMS and (words & (BANNING | {"shut", "close", "block"})):
        return "1321"
    if words & BLOCKADE:
        return "1381"
    if words & OCCUPATION:
        return "1382"
    if words & ATTACK:
        return "1384"
    if words & WITHDRAWING and words & DEPLOYED:
        return "136"  # "threatened to pull its troops out of the mission": an end to its part, no force
    if words & FORCE:
        return "138"
    if words & MEDIATION and halted:
        return "135"
    if words & INVOLVEMENT and halted:
        return "136"
    if words & TALKS and halted:
        return "134"
    if words & SANCTIONS:
        return "1312"
    if words & AID and halted:
        return "1311"
    if words & RELATIONS and halted:
        return "1313"
    if words & DISSENT or ("strike" in words and words & LABOUR):
        return "133"
    if words & ADMINISTRATIVE:
        return "132"
    return None
