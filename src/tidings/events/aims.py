"""What a protest, demand or promise of reform is for.

CAMEO splits dissent and reform by its aim: a demonstration, hunger strike, strike, blockade or
riot "for leadership change" (…1), "for policy change" (…2), "for rights" (…3) or "for change in
institutions, regime" (…4); likewise demands (104x), intents to reform (034x) and rejections of
such demands (123x).  The aim is read from the words of the act's phrase: its purpose clause
("to demand the minister's resignation"), its against/over/for phrase ("against the new tax",
"for independence"), a demanding or calling participle.  Word lists written for the project
from the codebook's descriptions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.parsed import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

LEADERSHIP = frozenset(
    "resign resignation resigns step ouster oust ousting removal impeach impeachment quit "
    "downfall topple toppling overthrow dismissal sack sacking leave abdicate abdication "
    "departure".split())
#: the codebook codes demands for elections, and refusals to hold them, as about leadership (its
#: notes on 1041 and 1231); a protest or boycott of an election is not for that
ELECTIONS = frozenset("election elections".split())
INSTITUTIONS = frozenset(
    "independence autonomy secession self-rule statehood constitution constitutional regime "
    "system federalism referendum monarchy republic democracy democratic sovereignty "
    "self-determination transition".split())
RIGHTS = frozenset(
    "right rights freedom freedoms liberty liberties equality justice wage wages pay salary "
    "salaries citizenship suffrage discrimination dignity recognition".split())
POLICY = frozenset(
    "law laws bill tax taxes price prices fare fares fee fees subsidy subsidies reform reforms "
    "policy policies decision plan plans project measure measures rule rules cut cuts hike hikes "
    "increase rise privatisation privatization deal budget pension pensions quota quotas "
    "ordinance decree mine dam pipeline closure scheme programme program austerity".split())
#: aim -> the last digit CAMEO gives it
AIMS = (("1", LEADERSHIP), ("4", INSTITUTIONS), ("3", RIGHTS), ("2", POLICY))
#: codes refined by their aim (economic or military aid for 122)
BY_AIM = frozenset({"141", "142", "143", "144", "145", "034", "104", "123"})
ECONOMIC = frozenset("economic financial loan loans fund funds money credit budget debt".split())
MILITARY = frozenset("military weapon weapons arms troops ammunition defence defense".split())
_SKIP = frozenset({"relcl", "punct", "cc", "appos"})


def aim_words(trigger: Token) -> list[Token]:
    """The words that can state an act's aim: its purpose clause and against/over/for/on
    phrases, on the trigger and, for an event noun, on the verb that governs it."""
    anchors = [trigger]
    if trigger.pos_ == "NOUN" and trigger.head.i != trigger.i:
        anchors.append(trigger.head)
    out: list[Token] = []
    for a in anchors:
        for c in children_of(a):
            if c.dep_ in ("advcl", "xcomp", "acl") or (c.dep_ == "prep" and c.lower_ in (
                    "against", "over", "for", "on", "demanding", "about")) or c.dep_ == "dobj":
                stack = [(c, 0)]
                while stack:
                    t, d = stack.pop()
                    out.append(t)
                    if d < 4:
                        stack.extend((g, d + 1) for g in children_of(t) if g.dep_ not in _SKIP)
    return out


def aim_digit(trigger: Token) -> str | None:
    words = {w for t in aim_words(trigger) for w in (t.lower_, t.lemma_.lower())}
    for digit, vocab in AIMS:
        if words & vocab:
            return digit
    return None


def refine_by_aim(code: str, trigger: Token) -> str:
    """``141`` -> ``1412`` when the protest is against a law, and so on; other codes as given."""
    if code == "122":
        words = {t.lemma_.lower() for t in aim_words(trigger)}
        if words & MILITARY:
            return "1222"
        if words & ECONOMIC:
            return "1221"
        return code
    if code not in BY_AIM:
        return code
    digit = aim_digit(trigger)
    if digit is None and code in ("104", "123") and {t.lemma_.lower() for t in aim_words(trigger)} & ELECTIONS:
        digit = "1"  # (a demand for elections, a refusal to hold them)
    if digit is None or (code == "123" and digit not in ("1", "2")):
        return code
    return code + digit
