"""What an appeal, a promise, a demand or a refusal is about.

CAMEO splits four families of verbal acts by the same list of things asked, offered or refused:
appeal (02x), express intent (03x), demand (10x) and reject (12x).  An appeal "for humanitarian
aid" is 0233, a demand "for a ceasefire" 1056, a refusal of "an offer of talks" 125, a promise "to
release the detainees" 0353.  The verb table gives such acts their family; the thing asked is read
here from the words of the request: the verb's infinitive or that-clause ("urged Sudan's army to
return to negotiations", "demanded that Israel agree to a ceasefire"), its object ("demanded their
withdrawal", "rejected an offer of talks") and its for/of phrase ("appealed for food aid", "a call
for talks").  A code the table already made specific is kept.  Word lists written for the project
from the codebook's descriptions of each code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.aims import ELECTIONS, LEADERSHIP, aim_digit
from tidings.events.syntax import AMOUNT_NOUNS, child, to_infinitive
from tidings.parsed import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

MEDIATION = frozenset("mediate mediation mediator mediators mediating go-between go-betweens intermediary "
                      "intermediaries".split())
CEASEFIRE = frozenset("ceasefire cease-fire truce armistice de-escalate de-escalation restraint pause".split())
#: violence an actor is asked to halt, scale down or end (a de-escalation)
FIGHTING = frozenset(
    "offensive offensives attack attacks fighting hostilities bombing bombings bombardment shelling "
    "strike strikes airstrike airstrikes operation operations violence assault war incursion".split())
HALTING = frozenset("halt stop end cease suspend scale wind calm".split())
WITHDRAWAL = frozenset("withdraw withdrawal pullout pull-out evacuate".split())
RELEASE = frozenset("release free freeing liberate liberation".split())
SANCTIONS = frozenset("sanction sanctions embargo embargoes boycott boycotts blockade".split())
EASING = frozenset("lift lifting ease easing remove removal relax scrap end suspend".split())
#: international involvement other than mediation that a target may allow
INVOLVEMENT = frozenset("inspector inspectors observer observers monitor monitors inspection inspections "
                        "team teams mission missions".split())
ALLOWING = frozenset("allow admit permit let grant".split())
AID = frozenset("aid assistance relief supplies donation donations bailout funding financing loan loans".split())
#: relief goods: asked for, they are humanitarian aid asked for ("asked the WHO for 10,000 doses
#: of Ebola vaccine", "appealed for tents and blankets")
RELIEF_GOODS = frozenset("food medicine medicines vaccine vaccines tent tents blanket blankets ration rations "
                         "shelter".split())
HUMANITARIAN = frozenset(
    "humanitarian food relief emergency medical medicine medicines shelter tents water vaccine vaccines".split())
#: energy, whose supplies are sold, not given (the verb table's "supply gas" is trade, 061)
ENERGY = frozenset("gas oil crude lng electricity power energy fuel diesel coal petroleum uranium".split())
#: money as a thing released or paid
FUNDS = frozenset("fund funds money payment payments tranche grant grants".split()) | AMOUNT_NOUNS
ECONOMIC = frozenset("economic financial loan loans budget bailout funding credit cash".split())
MILITARY = frozenset("military weapon weapons arms ammunition missile missiles jet jets tank tanks defence defense".split())
PROTECTION = frozenset("peacekeeper peacekeepers peacekeeping protection".split())
#: arms as the thing asked, offered or refused: a request for them is one for military aid
#: (CAMEO 0232 "requests for military assistance, including arms"), read on the asked noun and
#: the nouns compounded with it ("air defence systems")
ARMS = frozenset(
    "weapon arm missile tank ammunition munition jet aircraft helicopter drone howitzer artillery "
    "interceptor rocket warplane fighter warship frigate submarine defence defense".split())
#: the kinds of material cooperation CAMEO names (…1 economic, …2 military, …3 judicial,
#: …4 intelligence), by the words that ask for them
COOPERATION = (
    ("3", frozenset("extradite extradition extradited prosecute prosecution judicial legal".split())),
    ("4", frozenset("intelligence".split())),
    ("2", frozenset("exercise exercises drills patrol patrols training manoeuvres maneuvers".split())),
    # (goods sent under a deal are trade: "agreed to double its gas shipments", "urged Egypt to
    # speed up gas deliveries"; relief goods asked are aid, read before)
    ("1", frozenset("trade market markets investment investments export exports import imports tariff tariffs "
                    "shipment shipments delivery deliveries".split())),
)
#: military cooperation is done together: "joint patrols", not patrols alone
JOINT = frozenset("joint combined".split())
MEETING = frozenset("talks negotiate negotiating negotiation negotiations dialogue meeting summit consultations".split())
#: "meet" and "talk" are a meeting when they name whom, not what ("meet its obligations")
MEETING_VERBS = frozenset("meet talk".split())
SETTLEMENT = frozenset("settle settlement".split())
#: plans and deals that settle a dispute ("the peace plan", "the peace accord")
PEACE = frozenset("peace".split())
DEAL = frozenset("plan deal agreement accord proposal roadmap".split())
INFORMATION = frozenset(
    "investigate investigation inquiry probe explain explanation disclose clarify clarification "
    "information answers".split())
#: the changes a demand for policy reform asks for ("to reverse the removal of subsidies")
CHANGING = frozenset("reverse repeal scrap change amend cancel reform revoke abolish drop rescind overturn".split())
#: a bill, law or measure that a body asked to turn it down or withdraw it changes its policy by
#: doing so ("urged Guatemala's Congress to reject a bill", "demanded that the government withdraw
#: the decree")
TURNING_DOWN = frozenset("reject veto block withdraw shelve".split())
POLICY_TEXTS = frozenset("bill law amendment legislation decree ordinance budget policy measure regulation "
                         "rule reform tax tariff levy".split())
#: leaving words that say leadership change only when an office is what is left
PLACE_LEAVING = frozenset("leave quit departure".split())
OFFICES = frozenset("office post power presidency government cabinet job seat throne premiership".split())
#: what a refusal refuses when it is a request ("rejected union demands to ...")
REQUESTS = frozenset("demand demands call calls request requests appeal appeals plea pleas ultimatum".split())

#: family -> the code for each thing asked (None: the family has no code for it)
CODES: dict[str, dict[str, str | None]] = {
    "02": {"mediation": "028", "ceasefire": "0256", "withdrawal": "0256", "release": "0253", "sanctions": "0254",
           "involvement": "0255", "aid": "023", "meeting": "026", "settlement": "027", "information": None,
           "reform": "024"},
    "03": {"mediation": "039", "ceasefire": "0356", "withdrawal": "0356", "release": "0353", "sanctions": "0354",
           "involvement": "0355", "aid": "033", "meeting": "036", "settlement": "037", "information": None,
           "reform": "034"},
    # (the demand family follows the codebook's descriptions: 1056 is the demand for a ceasefire
    # or a withdrawal, 106 for a meeting, 107 for a settlement, 108 for mediation)
    "10": {"mediation": "108", "ceasefire": "1056", "withdrawal": "1056", "release": "1053", "sanctions": "1054",
           "involvement": "1055", "aid": "103", "meeting": "106", "settlement": "107", "information": "101",
           "reform": "104"},
    "12": {"mediation": "126", "ceasefire": "1246", "withdrawal": "1246", "release": "1243", "sanctions": "1244",
           "involvement": "1245", "aid": "122", "meeting": "125", "settlement": "127", "information": None,
           "reform": "123"},
}
#: the generic code of each family, the only ones refined here
GENERIC = {"020": "02", "030": "03", "100": "10", "120": "12"}
#: the aid codes that take a fourth digit for the kind of aid (1 economic, 2 military, 3 humanitarian,
#: 4 protection or peacekeeping)
AID_CODES = frozenset({"023", "033", "103", "122"})
_SKIP = frozenset({"relcl", "punct", "cc", "advcl", "appos", "parataxis"})
_PREPS = ("for", "of", "on", "as")


def _infinitive(tok: Token) -> bool:
    """A to-infinitive clause ("calls to step down"), which says what is asked, not why."""
    return tok.dep_ == "advcl" and to_infinitive(tok)


def request_words(trigger: Token, prepositions: tuple[str, ...] = _PREPS) -> list[Token]:
    """The request's words: the trigger's complement clause, object and for/of/on phrase and the
    role its object is taken in ("would not accept France as a mediator"), and an event noun's on
    the noun, three levels deep and a fourth through a for/of phrase ("rejected Egypt's call for
    a new round of talks"), without side clauses."""
    # (a passive's subject is what was asked or refused: "the opposition's demand for ... was rejected")
    starts = [c for c in children_of(trigger)
              if c.dep_ in ("xcomp", "ccomp", "dobj", "acomp", "nsubjpass")
              or (c.dep_ == "prep" and c.lower_ in prepositions)
              or _infinitive(c)]
    out: list[Token] = []
    stack = [(c, 0) for c in starts]
    while stack:
        t, d = stack.pop()
        out.append(t)
        if d < 3 or (d == 3 and t.dep_ == "prep" and t.lower_ in ("for", "of")):
            stack.extend((g, d + 1) for g in children_of(t) if g.dep_ not in _SKIP or _infinitive(g))
    return out


def _thing_asked(trigger: Token) -> tuple[str | None, set[str]]:
    """The kind of thing asked (a key of ``CODES``, or "cooperation" and its digit) and the
    request's words."""
    toks = request_words(trigger)
    words = {w for t in toks for w in (t.lower_, t.lemma_.lower())}
    if words & MEDIATION:
        return "mediation", words
    if words & CEASEFIRE or (words & HALTING and words & FIGHTING):
        return "ceasefire", words
    withdrawn_texts = any(_turns_down_a_text(t) for t in toks)
    if (words & WITHDRAWAL or ("pull" in words and ({"out", "back"} & words))) and not withdrawn_texts:
        return "withdrawal", words  # (not a bill or a tax withdrawn: a policy change, below)
    # (an adjective with an object is the verb misread: "demand Harare free jailed unionists")
    released = [t for t in toks if t.lemma_.lower() in RELEASE and (
        t.pos_ in ("VERB", "NOUN") or (t.pos_ == "ADJ" and child(t, "dobj") is not None))]
    if released and all(_releases_money(t) for t in released):
        return "aid", words | {"funding"}  # "to release Rs 2,000 crore": money is economic aid
    if released:
        return "release", words  # (not "free entry")
    if words & SANCTIONS and words & EASING:
        return "sanctions", words
    if words & INVOLVEMENT and words & ALLOWING:
        return "involvement", words
    if words & {"supplies", "supply"} and words & ENERGY and not words & (AID - {"supplies"}):
        return "cooperation1", words  # "agreed to increase gas supplies to Germany": trade, not aid
    if words & AID or _asks_money(trigger) or _asks_arms(trigger) or any(t.pos_ == "NOUN" and t.lemma_.lower() in RELIEF_GOODS for t in toks):
        return "aid", words  # "appealed for $700m for refugees": money asked for is aid
    if any(t.dep_ in ("ccomp", "xcomp") and (t.lemma_.lower() in CHANGING or _turns_down_a_text(t)) for t in toks):
        return "reform", words  # "demanded that the government scrap the tariff cut": a policy change
    coop = _cooperation(words)
    if coop is not None:
        return "cooperation" + coop, words
    if words & MEETING or any(t.lemma_.lower() in MEETING_VERBS and t.pos_ == "VERB"
                              and not any(c.dep_ == "dobj" for c in children_of(t)) for t in toks):
        return "meeting", words
    if words & SETTLEMENT or (words & PEACE and words & DEAL):
        return "settlement", words
    if words & INFORMATION:
        return "information", words
    return None, words


def _turns_down_a_text(tok: Token) -> bool:
    """A verb that rejects or withdraws a bill, a law or a levy ("reject a bill", "withdraw the
    fuel levy")."""
    obj = child(tok, "dobj")
    return tok.lemma_.lower() in TURNING_DOWN and obj is not None and obj.lemma_.lower() in POLICY_TEXTS


def asks_for_aid(trigger: Token) -> bool:
    """The appeal or demand is for aid ("called for international food assistance")."""
    return _thing_asked(trigger)[0] == "aid"


def asks_money(trigger: Token) -> bool:
    """What is asked is a sum of money itself ("asked the UN for $300 million")."""
    return _asks_money(trigger)


def _asked(trigger: Token) -> list[Token]:
    """The thing asked, offered or refused itself: the act's object and the object of its
    for-phrase ("is seeking $700 million", "appealed for $700m"), not words named on the way."""
    return [c for c in children_of(trigger) if c.dep_ == "dobj"] + [
        o for p in children_of(trigger) if p.dep_ == "prep" and p.lower_ == "for"
        for o in children_of(p) if o.dep_ == "pobj"]


def _asks_money(trigger: Token) -> bool:
    """What is asked is a sum of money itself ("is seeking $700 million"), not a sum named on
    the way ("to raise trade to $20 billion")."""
    return any(t.ent_type_ == "MONEY" or t.lemma_.lower() in ("fund", "money", "cash") for t in _asked(trigger))


def _asks_arms(trigger: Token) -> bool:
    """What is asked, offered or refused is arms: the object or the for-phrase of the act, or a
    conjunct of it ("asked Germany for air defence systems", "offered Ukraine fighter jets"), not
    arms named on the way ("demanded that the rebels lay down their weapons")."""
    asked = _asked(trigger)
    asked += [c for t in asked for c in children_of(t) if c.dep_ == "conj"]
    return any(w.lemma_.lower() in ARMS for t in asked
               for w in [t, *(c for c in children_of(t) if c.dep_ == "compound")])


def _releases_money(tok: Token) -> bool:
    """"release funds", "release Rs 2,000 crore in relief": money set free is aid, not the
    release of persons or property."""
    obj = child(tok, "dobj") if tok.pos_ == "VERB" else next(
        (c for p in children_of(tok) if p.dep_ == "prep" and p.lower_ == "of" for c in children_of(p)
         if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ == "MONEY" or obj.lemma_.lower() in FUNDS | AID | ECONOMIC)


def _cooperation(words: set[str]) -> str | None:
    """The digit of the kind of cooperation asked for, or None."""
    for digit, vocab in COOPERATION:
        if words & vocab and (digit != "2" or words & JOINT):
            return digit
    return None


def _aid_kind(code: str, words: set[str]) -> str:
    for digit, vocab in (("3", HUMANITARIAN), ("4", PROTECTION), ("2", MILITARY | ARMS), ("1", ECONOMIC)):
        if words & vocab:
            return code + digit
    return code


def refine_by_request(code: str, trigger: Token) -> str:
    """``020`` -> ``026`` when the appeal is to negotiate, ``100`` -> ``1056`` for a ceasefire, and
    so on; ``023`` -> ``0233`` for humanitarian aid; any other code as given."""
    family = GENERIC.get(code)
    if family is None and code not in AID_CODES:
        return code
    kind, words = _thing_asked(trigger)
    if family is None:
        # (the table's own aid code says the thing is aid: "pledged emergency wheat shipments")
        return _aid_kind(code, words)
    if kind is None:
        # (elections asked for or refused are about leadership: the codebook's notes on 1041 and
        # 1231)
        elections = family in ("10", "12") and bool(words & ELECTIONS)
        digit = aim_digit(trigger) or ("1" if _quits(trigger) or elections else None)
        if digit is None or (digit == "2" and not words & CHANGING) or (family == "12" and not words & REQUESTS):
            return code
        if digit == "1" and not words & (LEADERSHIP - PLACE_LEAVING) and not words & OFFICES and not _quits(trigger) \
                and not elections:
            return code  # "asked him to leave the building": no office is left
        kind = "reform"  # "urged the president to resign", "rejected demands to repeal the law"
    if kind == "mediation" and family == "03" and "accept" in words | {trigger.lemma_.lower()}:
        return "038"  # "ready to accept mediation", not an offer to mediate
    if kind.startswith("cooperation"):
        return _cooperation_code(family, kind[-1]) or code
    new = CODES[family].get(kind)
    if new is None:
        return code
    if kind == "aid":
        return _aid_kind(new, words)
    return new


def _quits(trigger: Token) -> bool:
    """ "demanded that the electoral commission chairman quit": "quit" with nothing left is to leave
    one's office."""
    return any(t.lemma_.lower() == "quit" and t.pos_ == "VERB" and child(t, "dobj") is None
               and not any(c.dep_ == "prep" and c.lower_ == "from" for c in children_of(t))
               for t in request_words(trigger))


def _cooperation_code(family: str, digit: str) -> str | None:
    """The code for asking, promising, demanding or refusing a kind of cooperation: the codebook
    has no judicial or intelligence refusal, and a demand for cooperation is 101 in the frame
    table (the codebook puts 1011-1014 under it)."""
    base = {"02": "021", "03": "031", "10": "101", "12": "121"}[family]
    if family == "12" and digit == "4":
        return base
    return base + digit
