"""Senses of event words that name two kinds of act, told apart by the words around them.

A bare "strike" is an attack ("Israel launched strikes on Hezbollah positions") or a work
stoppage ("doctors began a strike over pay"); the lexicon codes each sense through an ``obj=``
marker (``@military``, ``@labour``) that :func:`strike_sense` sets.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tidings.events.syntax import lemmas
from tidings.parsed import children_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: what an ``obj=`` list names for the two senses of a bare "strike"
MILITARY_SENSE, LABOUR_SENSE = "@military", "@labour"
#: who stops work
LABOUR_WORDS = frozenset("worker union employee staff doctor teacher nurse miner driver pilot farmer "
                         "student trucker docker labourer laborer transporter".split())
#: verbs whose object is a work stoppage ("called a strike", "went on strike")
STOPPAGE_VERBS = frozenset("call stage hold begin start end join declare observe suspend "
                           "postpone".split())
#: verbs whose object is an attack ("carried out a strike", "launched strikes")
ATTACK_VERBS = frozenset("carry conduct launch order authorize authorise approve mount".split())
#: verbs of harm whose subject or in/by-phrase is an attack ("the strike killed", "killed in a strike")
STRIKE_HARM = frozenset("kill hit destroy target wound injure damage level flatten".split())


def strike_sense(tok: Token, side_of: Callable[[Token], Any]) -> str | None:
    """A bare "strike": an attack or a work stoppage, by what the sentence says around it.
    A stoppage is gone or stayed on, called, staged or joined, made by workers or over pay;
    an attack is carried out or launched, made on a place or a force, by a state or an army,
    and kills or hits.  None when the words point both ways or nowhere.  ``side_of`` reads a
    modifier's actor (the events resolver's ``side``)."""
    military = labour = False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in (
            "go", "be", "remain", "stay", "come", "walk", "embark"):
        labour = True  # "went on strike"
    if tok.dep_ in ("dobj", "nsubjpass") and head.i != tok.i:
        verbs = set(lemmas(head))
        labour |= bool(verbs & STOPPAGE_VERBS)
        military |= bool(verbs & ATTACK_VERBS)
    if tok.dep_ == "nsubj" and set(lemmas(head)) & STRIKE_HARM:
        military = True  # "the strike killed 12"
    if tok.dep_ == "pobj" and head.lower_ in ("in", "by") and set(lemmas(head.head)) & STRIKE_HARM:
        military = True  # "killed in a strike"
    for c in children_of(tok):
        if c.dep_ == "prep":
            objs = [o for o in children_of(c) if o.dep_ == "pobj"]
            if c.lower_ in ("over", "for"):
                labour = True  # "a strike over pay"
            elif c.lower_ == "by" and any(o.lemma_.lower() in LABOUR_WORDS for o in objs):
                labour = True
            elif c.lower_ in ("on", "targeting") and any(
                    o.ent_type_ not in ("DATE", "TIME") for o in objs):
                military = True  # "a strike on a car", not "the strike on Monday"
        elif c.dep_ in ("amod", "compound", "poss"):
            if c.lemma_.lower() in LABOUR_WORDS:
                labour = True
                continue
            side = side_of(c)
            code = str(getattr(side.match, "code", "")) if side is not None and side.match else ""
            if code and (getattr(side.match, "kind", "") == "country" or code.endswith(("MIL", "GOV"))):
                military = True  # "an Israeli strike", "US strikes"
    if tok.dep_ == "dobj" and head.i != tok.i and _labour_doer(head, side_of):
        # "the union launched a strike", "the Labour Congress will begin a strike": workers'
        # organisations stop work; they wage no war
        return LABOUR_SENSE
    if military == labour:
        return None
    return MILITARY_SENSE if military else LABOUR_SENSE


def _labour_doer(verb: Token, side_of: Callable[[Token], Any]) -> bool:
    """The verb's subject is labour: a worker's word ("teachers", "the union") or an actor the
    actors code as labour ("the Nigeria Labour Congress"); of a to-complement, the subject of
    the verb it completes ("the union threatened to launch a strike")."""
    clause = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else verb
    for c in children_of(verb) + (children_of(clause) if clause is not verb else []):
        if c.dep_ == "nsubj":
            if c.lemma_.lower() in LABOUR_WORDS:
                return True
            side = side_of(c)
            code = str(getattr(side.match, "code", "")) if side is not None and side.match else ""
            return code.endswith("LAB")
    return False


#: words that belong to sport and to nothing else news reports (a game's roles, its scoring, its
#: competitions): in their sentence, attacking, firing a shot, fighting or crushing is play
SPORT_WORDS = frozenset(
    "goalkeeper keeper goalie midfielder footballer cricketer batsman batsmen bowler bowlers wicket wickets "
    "innings grandmaster kingside queenside checkmate chess tournament championship championships "
    "semifinal semi-final semifinals finals quarterfinal quarter-final qualifier qualifiers olympics olympic medal medals "
    "hat-trick touchdown quarterback pitcher inning rugby cricket football soccer tennis basketball "
    "baseball hockey golf marathon podium derby playoff playoffs fixture scoreline "
    "equaliser equalizer penalty-kick free-kick referee umpire stoppage-time".split())
#: verbs of winning and losing a game, which with a score ("3-1") name one
VICTORY_WORDS = frozenset("beat defeat thrash crush rout hammer trounce edge win won lose lost draw drew "
                          "humiliate stun down".split())
#: words of votes and rulings, whose tallies ("won the vote 52-48", "ruled 6-3") are no scores
TALLY_WORDS = frozenset("vote votes voted voting ballot ballots margin majority seat seats rule ruled ruling "
                        "motion bill resolution referendum election court".split())
#: a game's score: "3-1", "4-0", "34 to 17"
SCORE = re.compile(r"^\d{1,3}(?:[-\u2013]| to )\d{1,3}$")
#: a hyphenated word ("hat-trick", "semi-final"), which the tokenizer splits
_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
SCORE_IN_TEXT = re.compile(r"(?<![\d.,])\d{1,3}(?:[-\u2013]| to )\d{1,3}(?![\d.,])")
#: people and weapons of real violence, whatever else the sentence is about
ARMED_WORDS = frozenset(
    "gunman gunmen militant militants insurgent insurgents rebel rebels terrorist terrorists assailant "
    "assailants jihadist jihadists extremist extremists police policeman policemen troops soldier "
    "soldiers army militia militiamen bandit bandits rioters hooligans bomb bombs bomber explosive "
    "explosives grenade grenades gun guns rifle rifles knife knives machete machetes warplane warplanes "
    "airstrike airstrikes air-strike air-strikes missile missiles artillery shelling".split())
#: the roles of an actor code that are armed
ARMED_ROLES = ("MIL", "COP", "REB", "INS", "UAF", "SPY", "SEP")


def sentence_words(sent: Span) -> set[str]:
    """The sentence's words and lemmas, lower-cased, with its scores ("3-1") and hyphenated
    words ("hat-trick", "semi-final", which the tokenizer splits) whole."""
    words = {w for t in sent for w in (t.lower_, t.lemma_.lower())}
    return (words | {m.group(0) for m in SCORE_IN_TEXT.finditer(sent.text)}
            | {m.group(0).lower() for m in _HYPHENATED.finditer(sent.text)})


def sport_sentence(words: set[str]) -> bool:
    """The sentence is about a game: it names sport, or a score with a word of winning ("France
    beat Brazil 3-1"), and no armed people or weapons ("the striker fired a shot past the
    goalkeeper"; not "gunmen opened fire on the cricket team's bus")."""
    scored = bool(words & VICTORY_WORDS) and any(SCORE.match(w) for w in words) and not words & TALLY_WORDS
    return (scored or bool(words & SPORT_WORDS)) and not words & ARMED_WORDS


#: how strong a market's demand runs: "weak demand", "robust demand" (no one's demands)
DEMAND_STRENGTH = frozenset(
    "weak weaker weakening strong stronger robust sluggish soft softer firm tepid booming rising "
    "falling slowing growing high higher low lower record subdued solid healthy muted flagging "
    "resilient buoyant brisk slack lacklustre lackluster".split())
#: who or what a market's demand is of: "consumer demand", "oil demand", "export demand"
DEMAND_MARKETS = frozenset(
    "consumer customer household market energy oil fuel gas power electricity export import "
    "industrial retail housing travel chip steel commodity aggregate".split())


#: what a market prices and where it trades: their moves are told in the words of a fight ("shares
#: retreated", "the rand came under siege", "the index staged a rally"), no one's act
MARKET_QUANTITIES = frozenset(
    "share shares stock stocks equity equities bond bonds index indices indexes benchmark currency "
    "currencies peso pesos rupee rupees dollar euro yen pound sterling lira naira rand ruble rouble yuan "
    "renminbi franc krone krona ringgit baht shekel dinar dirham riyal shilling cedi kwacha rupiah "
    "bourse market markets price prices yield yields futures commodity commodities gilt gilts "
    "treasuries".split())
#: those who trade on a market: they sell and pull out of assets, not of places
#: (not "traders", who are also a market's stallholders: "traders protesting against new levies")
MARKET_TRADERS = frozenset("investor investors speculator speculators".split())


def market_word(tok: Token, words: frozenset[str]) -> bool:
    """The token is a common noun of the list ("shares", "the South African rand", "the Nikkei index")."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in words or tok.lower_ in words)


#: verbs by which a demand is put forward or answered: someone's demand, not a market's
PUT_FORWARD = frozenset("voice make issue repeat reiterate press put present submit raise reject "
                        "accept meet refuse renew drop table".split())


def market_demand(tok: Token) -> bool:
    """ "Signs of weak Chinese demand", "oil demand fell": demand in the economist's sense, a
    market's appetite for goods, not anyone's demand of another (the noun in the singular with
    a word of its strength or of the market it is in)."""
    if tok.lemma_.lower() != "demand" or tok.pos_ != "NOUN" or tok.tag_ == "NNS":
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in PUT_FORWARD:
        return False  # "a strong demand for reform was voiced": someone's
    return any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in DEMAND_STRENGTH | DEMAND_MARKETS
               for c in children_of(tok))
