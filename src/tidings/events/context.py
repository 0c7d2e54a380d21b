"""Context rules applied once a candidate's code and modality are settled: reported claims,
the place of violent or locative acts, unnamed perpetrators, nested places, domestic targets."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.events.aims import refine_by_aim
from tidings.events.candidate import Candidate, DerivedMatch
from tidings.events.conventions import (
    ACCUSE_LEMMAS,
    CLAIM_LEMMAS,
    COURT_VERBS,
    DOMESTIC,
    DOMESTIC_ROOTS,
    INFERRED_VIA,
    LETTING_VERBS,
    LOCATIVE_ROOTS,
    NESTED,
    PLACE_NOUNS,
    POLICE_ACTS,
    SAY_LEMMAS,
    SENDING_NOUNS,
    SENDING_VERBS,
    SUPRANATIONAL,
    TALK_NOUNS,
    UNDER_VERBS,
    VIOLENT_ROOTS,
    WHERE_PREPS,
    WRONGDOING_ROOTS,
)
from tidings.events.inquiries import accused, constituted_body, inquiry_kind
from tidings.events.lexicon import Entry
from tidings.events.participants import (
    GENERIC_PEOPLE,
    PRIVATE_CALLINGS,
    PRIVATE_PERSONS,
    WATER_BODIES,
    Side,
    conjuncts,
    named_keys,
    side_country,
    side_role,
)
from tidings.events.requests import MEDIATION, asks_for_aid, refine_by_request
from tidings.events.senses import (
    ARMED_ROLES,
    ARMED_WORDS,
    MARKET_QUANTITIES,
    MARKET_TRADERS,
    MILITARY_SENSE,
    market_demand,
    market_word,
    sentence_words,
    sport_sentence,
    strike_sense,
)
from tidings.events.syntax import (
    GOAL_NOUNS,
    abstract,
    background,
    child,
    is_passive,
    lemma_set,
    lemmas,
    long_ago,
    negated,
    preps,
    struck_target,
    to_infinitive,
)
from tidings.events.threats import threat_kind
from tidings.events.violence import (
    BARE_EXPLOSIONS,
    ECONOMIC_FORCES,
    EXPLOSION_LEMMAS,
    HARM_LEMMAS,
    NATURAL_CAUSES,
    NATURAL_DOERS,
    VEHICLES,
    VIOLENT_CONTEXT,
    accidental_explosion,
    assassination,
    attempt_on_life,
    disaster_context,
    event_phrase,
    into_open_water,
    natural_cause,
    ran_onto_explosive,
    refine,
    violent_context,
)
from tidings.parsed import children_of

#: what an army withdraws ("withdrew its troops from the UN mission")
WITHDRAWN_FORCES = frozenset("troop force soldier peacekeeper contingent battalion unit personnel army police".split())
#: words of expelling, whose target an organisation may be
EXPELLING = frozenset("expel expulsion kick oust eject".split())

#: what names a force as keeping the peace
PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peace-keeping", "peace-keeper", "blue-helmet"})

#: verbs of violence that news also uses for sport, politics and business ("crushed Arsenal",
#: "attacked the plan", "targeted voters"): violence only with an actor on a side or violence
#: named elsewhere in the sentence
FIGURATIVE_VIOLENCE = frozenset("attack target hit strike crush beat hammer pound batter smash rout "
                                "thrash trounce blast slam storm invade".split())
#: verbs of fighting that news also uses for quarrels and contests ("film buffs clashed over the
#: ending", "the forwards battled for the ball"): as verbs, like the figures above (the nouns
#: stay violence: "clashes erupted in Tripoli")
FIGURATIVE_FIGHTING = frozenset("clash assault battle".split())
#: bodies whose own meeting ("a cabinet meeting") has no second party to consult
OWN_BODIES = frozenset("cabinet government party board staff council committee caucus".split())
#: the contests of sport a side meets another in: "will clash in the Asia Cup final"
CONTESTS = frozenset("final match game tournament cup championship semifinal semi-final quarterfinal "
                     "quarter-final qualifier derby playoff league".split())
#: nouns of the fighting that is waged on someone ("declared war on", "a battle with")
FIGHT_NOUNS = frozenset("war battle fight struggle crusade".split())
#: what a force comes to do when it comes to aid another's (CAMEO 074), not to threaten: to
#: help or join (protecting things at home stays a show of force; people, see PROTECTING)
HELPING_PURPOSES = frozenset("help assist support join".split())
#: the purposes among them whose object is the party helped (one joins a mission, not its country)
HELPED_PARTY = HELPING_PURPOSES - {"join"}
#: what a force comes to take part in when it comes to protect: a mission (a peacekeeping or
#: security mission), not an operation or an offensive
MISSIONS = frozenset({"mission"})
#: verbs of fighting a figure can take: "fought back against a slump"
FIGHT_VERBS = frozenset("fight battle combat".split())
#: a company's owners and lenders, whose revolt is a vote: "a shareholder revolt"
OWNERS = frozenset("shareholder investor creditor bondholder stakeholder".split())
#: endings of nouns that name people by what they do or where they are from
PERSON_ENDINGS = ("er", "or", "ist", "man", "men", "ian", "ite", "ant", "ent")
#: what is fired when firing is shooting (anything else fired is someone dismissed)
FIRED_THINGS = frozenset(
    "missile rocket shell mortar round shot bullet grenade weapon gun salvo volley tear teargas tear-gas "
    "gas rubber water cannon pellet flare torpedo drone bomb artillery barrage projectile ammunition "
    "shotgun rifle pistol canister buckshot pepper interceptor warhead ballistic cruise battery "
    "howitzer anti-aircraft".split())
#: kinds of storm that name one ("Typhoon Kalmaegi", "Cyclone Freddy")
STORM_KINDS = frozenset("typhoon cyclone hurricane tornado".split())
#: what a state restricts or orders by, which stands for the state that made it ("the law bans
#: protests near parliament")
STATE_INSTRUMENTS = frozenset("law rule measure bill policy decision decree order ruling regulation".split())
#: verbs of fighting, which may be for a cause as well as against an enemy
FIGHT_VERBS = frozenset("fight battle struggle".split())
#: what armed forces fight for: a place, or who holds it
CONTESTED = PLACE_NOUNS | frozenset("control ground position hill base airport land soil inch".split())
#: the lines a talk can be held over
CALL_WORDS = frozenset("telephone phone videoconference video-conference videolink teleconference".split())
#: codes of sending people out of a country (174 expel or deport individuals, 166 expel or
#: withdraw)
EXPULSIONS = ("174", "166")

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: how authorities respond to a disaster at home: appeals, orders, relief, evacuation
RESPONSE_ROOTS = frozenset({"02", "03", "07", "08", "10"})
#: verbs of killing, whose reflexive object is a suicide
SUICIDE_VERBS = frozenset("kill shoot hang stab poison".split())
REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())
#: a crowd whose violence is a riot (CAMEO 145)
MOB_NOUNS = frozenset({"mob", "rioter", "crowd", "throng"})
#: people who protest: their burning, looting and clashing is a violent protest (145)
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter"})
#: collective dissent an act can be done in or during
PROTEST_NOUNS = frozenset({"protest", "demonstration", "riot", "unrest", "rally", "march"})
#: verbs of helping: aid (07) only when someone is helped, not a task helped with
HELP_VERBS = frozenset("help assist aid".split())
#: verbs of giving way to pressure ("bowing to demands"): the pressure is the act's reason
YIELDING_VERBS = frozenset("bow yield cave succumb bend give".split())
#: agreements to stop fighting
TRUCE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
#: roles of bodies an appeal or a demand can be addressed to
ADDRESSED_ROLES = ("GOV", "LEG", "JUD", "IGO")
#: the roots of meetings, trips, cooperation, yielding and fighting, which private people do
#: among themselves too
PRIVATE_LIFE_ROOTS = frozenset({"03", "04", "05", "06", "08", "19"})
#: actor roles of private life: a private person's crime against them is no political act
PRIVATE_SECTORS = ("CVL", "BUS", "EDU", "HLH", "LAB")
#: kinds of private journeys, which are no state visits
PRIVATE_TRIPS = frozenset("family holiday vacation honeymoon shopping school field fishing camping road "
                          "ski skiing day weekend birthday hunting sightseeing".split())
#: entity labels of names that can hold an event noun ("the Paris Agreement", "the Peace Prize")
NAME_LABELS = frozenset({"LAW", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"})
#: what bombs and shoots from the air
AIRCRAFT = frozenset("jet jets plane planes aircraft warplane warplanes bomber bombers drone drones "
                     "helicopter helicopters pilot pilots".split())
#: heights a thing shoots up to ("shot to the top of the charts", "shot to fame")
HEIGHTS = frozenset("top fame stardom prominence number record high lead".split())
#: roles of political actors, whose meetings, praise and coercion count even over a game
POLITICAL_ROLES = ("GOV", "LEG", "JUD", "OPP", "PTY", "ELI", "IGO", "MIL", "COP")
#: a line between two countries: its with-phrase names the one across it
BORDER_NOUNS = frozenset("border borders frontier boundary".split())
#: actor roles that are the state's forces
STATE_FORCE_ROLES = ("MIL", "COP", "SPY")
#: violent verbs that, with an idea as object, are criticism ("attacked the plan")
VERBAL_ATTACKS = frozenset("attack assault slam blast hit savage lambast lambaste".split())
#: where words are said: an attack made there is criticism ("attacked on social media")
MEDIA_WORDS = frozenset("media twitter facebook x instagram tiktok social press newspaper editorial "
                        "column op-ed interview speech statement tweet post blog television tv radio "
                        "podcast broadcast article letter".split())


#: nouns of the edges or eve of a gathering: "on the sidelines of the summit", "ahead of the talks"
SETTING_NOUNS = frozenset("sideline sidelines margin margins fringe fringes eve run-up side".split())


def setting_of_an_act(tok: Token) -> bool:
    """A meeting noun that only says when or where the clause's act was done: "at the summit",
    "on the sidelines of the ASEAN Summit", "ahead of the SADC summit"."""
    prep = tok.head
    if prep.lower_ == "at":
        return prep.head.pos_ in ("VERB", "AUX")
    if prep.lower_ != "of":
        return False
    holder = prep.head
    if holder.lower_ == "ahead" or (holder.lemma_.lower() in SETTING_NOUNS and holder.dep_ == "pobj"):
        anchor = holder.head if holder.lower_ == "ahead" else holder.head.head
        return anchor.pos_ in ("VERB", "AUX", "NOUN")  # ("held talks on the sidelines of")
    return False


#: nouns of quantities a thing rises or falls by
MEASURE_NOUNS = frozenset("average percent cent % point points figure amount number share rate".split())


def measure(tok: Token) -> bool:
    """A quantity: "an average of 11", "5 percent", "two points", "20"."""
    return tok.lemma_.lower() in MEASURE_NOUNS or tok.like_num


#: what firms and bidders contend for: a war or battle over one is competition
MARKET_WORDS = frozenset("price pricing bidding bid takeover ratings console streaming format talent "
                         "boardroom market marketing sales advertising patent subscriber".split())


def market_contest(tok: Token) -> bool:
    """A war or battle of the market ("the takeover battle", "a price war"), as the trigger or
    as the contest a trigger is done in ("fired the first shot in a price war")."""
    def objects_of(word: Token, names: tuple[str, ...]) -> list[Token]:
        return [o for p in children_of(word) if p.dep_ == "prep" and p.lower_ in names
                for o in children_of(p) if o.dep_ == "pobj"]

    phrases = objects_of(tok, ("in", "of"))
    objects = [c for c in children_of(tok) if c.dep_ == "dobj"]
    # the trigger, its in/of phrases, and the in-phrases of those and of its object ("the first
    # shot in a price war")
    nouns = [tok, *phrases] + [o for n in phrases + objects for o in objects_of(n, ("in",))]
    return any(n.lemma_.lower() in FIGHT_NOUNS and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in MARKET_WORDS for c in children_of(n)) for n in nouns)


#: verbs of telling about something: their object is what is told of ("described the attack",
#: "detailed the arrests"), however a verb-dictionary pattern for announcing codes it
NARRATING_VERBS = frozenset("describe depict detail explain narrate mention recount characterise "
                            "characterize".split())
#: acts that are done, not said: dissent, force, the breaking of ties, coercion and violence (no
#: yielding, 08, which ``conventions.MATERIAL_ROOTS`` counts among the material acts)
DEED_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


#: nouns of making, stocking and trading things: weapons they are of are goods, not an attack
GOODS_NOUNS = frozenset(
    "production manufacture manufacturing output supply supplies shortage shortages stock stocks stockpile "
    "stockpiles delivery deliveries shipment shipments purchase purchases sale sales export exports import "
    "imports order orders contract contracts transfer transfers consignment batch cache caches procurement "
    "maker makers factory factories plant plants".split())
#: acts in whose words a market's traders are told to sell: retreat, protest, coercion, force
MARKET_RETREATS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})


#: what one warns of when one threatens it: an act of one's own ("warned of retaliation", "of
#: severe consequences", "of tough action"), not a condition to come ("of weaker demand")
ACTS_WARNED_OF = frozenset("retaliation consequence action measure response reprisal escalation step "
                           "revenge punishment sanction attack strike war force operation".split())


#: a conference given to the press, not held with anyone
PRESS_WORDS = frozenset("press news media".split())


def press_conference(noun: Token) -> bool:
    """ "a press conference", "a news briefing": where a statement is made to reporters."""
    return noun.lemma_.lower() in ("conference", "briefing") and any(
        c.dep_ in ("compound", "amod") and c.lower_ in PRESS_WORDS for c in children_of(noun))


#: verbs that put a name on something: what follows their "as" is the name, not an act
DESCRIBING_VERBS = frozenset("describe call brand label term characterise characterize dub regard view "
                             "classify qualify condemn denounce decry".split())


def characterised(noun: Token) -> bool:
    """The noun is (inside) the "as" phrase of a verb that names something: "described the
    policy as one of ethnic cleansing", "condemned the raid as a massacre"."""
    tok = noun
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in DESCRIBING_VERBS:
            return True
        if tok.dep_ not in ("pobj", "prep", "compound", "amod", "appos", "attr", "conj"):
            return False
        tok = head
    return False


#: verbs of aiming at someone: in a sentence of sanctions, laws or inquiries and of no violence,
#: what they aim is the measure ("the first time the United States has targeted a Chinese
#: refiner"), not force
TARGETING_VERBS = frozenset({"target"})
#: the measures such a sentence may name instead of force
MEASURE_WORDS = frozenset("sanction sanctions tariff tariffs duty duties measure measures ban bans embargo "
                          "law laws legislation regulation regulations probe investigation inquiry lawsuit "
                          "fine fines penalty penalties blacklist campaign".split())
#: the entry behind "declared the ambassador persona non grata": expelling a diplomat (161)
UNWELCOME = Entry(kind="V", key="declare (persona non grata)", code="161", line=0)
#: the entry behind "took Germany to the International Court of Justice": a suit (115)
TAKEN_TO_COURT = Entry(kind="V", key="take (to court)", code="115", line=0)
#: verbs that take a party to court
COURT_TAKING_VERBS = frozenset("take haul drag".split())
#: the words of the declaration, singular and plural
UNWELCOME_WORDS = (("persona", "non", "grata"), ("personae", "non", "gratae"))
#: what a suit is brought before, and the prepositions that say so: "filed a petition at the
#: High Court", "moved a plea before the tribunal"
COURT_NOUNS = frozenset("court tribunal bench judiciary arbitration".split())
COURT_PREPS = ("at", "in", "before", "with", "to")
#: verbs that put a ban or restriction on someone: "imposed", "slapped", "placed"
IMPOSING_VERBS = frozenset("impose slap place put".split())
#: roles of a state that bombs with its forces (a country named alone has no role)
BOMBING_STATE_ROLES = frozenset({"", "GOV", "MIL"})
#: verbs of handing a person over to someone
HANDOVER_VERBS = frozenset("hand transfer surrender deliver".split())
#: roles of the state bodies that hand a person to another state's justice
STATE_JUSTICE_ROLES = frozenset({"GOV", "COP", "JUD", "SPY", "MIL"})
#: roles of the bodies of justice a person is handed to
JUSTICE_ROLES = frozenset({"GOV", "COP", "JUD"})
#: verbs of making and trading goods, whose weapon objects are goods, not attacks
WEAPON_TRADE_VERBS = frozenset("produce manufacture build buy purchase sell export import stockpile acquire "
                               "assemble".split())
#: words of removal by law, which the codebook keeps apart from mass expulsion (174, not 201)
LEGAL_REMOVALS = frozenset("deport deportation repatriate repatriation extradite extradition".split())
#: words that count people in thousands or more ("thousands of refugees", "1.2 million people")
MASS_COUNTS = frozenset("thousands millions million billion".split())


def en_masse(trigger: Token) -> bool:
    """Whether an act is done to a population: its object (a verb's, or a noun's of-phrase)
    counts a thousand or more, or the act is told as done en masse ("mass expulsions")."""
    if any(c.lower_ == "mass" and c.dep_ in ("amod", "compound") for c in children_of(trigger)):
        return True
    first = trigger
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "killed and expelled residents en masse"
    if any(g.lower_ == "masse" for h in {trigger.i: trigger, first.i: first}.values()
           for c in children_of(h) for g in [c, *children_of(c)]):
        return True
    objects = [c for c in children_of(trigger) if c.dep_ in ("dobj", "nsubjpass")]
    objects += preps(trigger, ("of",)) if trigger.pos_ == "NOUN" else []
    for obj in objects:
        for t in obj.subtree:
            if t.lower_ in MASS_COUNTS:
                return True
            if t.like_num and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 1000:
                return True
    return False


#: prosecutors, whose inquiries (like the police's) are criminal ones; a court's may be civil
PROSECUTORS = re.compile(r"\b(?:prosecut|procurat)", re.IGNORECASE)
#: bodies whose work is crime, by their names: anti-corruption and anti-graft commissions,
#: financial-crimes and fraud offices ("Zambia's Anti-Corruption Commission", "the EFCC")
CRIME_BODIES = re.compile(r"\b(?:anti-?corruption|anti-?graft|against corruption|corruption (?:prevention|bureau|commission)"
                          r"|financial crimes|serious fraud|fraud office|EFCC|ICAC)\b", re.IGNORECASE)
#: the people who block roads in protest rather than in war: civilians, the opposition,
#: workers, students, farmers
DISSENT_ROLES = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR"})


def _states(sides: list[Side], roles: frozenset[str] | None = None, supranational: bool = False) -> set[str]:
    """The countries of the sides read from the text (not inferred), of the given roles only
    when ``roles`` is given ("" for a country named alone); with ``supranational``, a union of
    states counts by its block ("IGO" of "IGOEUREEC")."""
    out: set[str] = set()
    for x in sides:
        if x.match is None or x.via in INFERRED_VIA or (roles is not None and (side_role(x) or "") not in roles):
            continue
        code = str(getattr(x.match, "code", ""))
        state = side_country(x) or (code[:3] if supranational and code[:3] in SUPRANATIONAL else None)
        if state:
            out.add(state)
    return out


def states_of(sides: list[Side]) -> set[str]:
    """The countries of all the resolved sides, inferred ones too (unlike :func:`_states`): whose
    forces are sent or raised abroad, however the sender was found."""
    states = {side_country(s) for s in sides if s.match is not None}
    states.discard(None)
    return states  # type: ignore[return-value]


def sent_to_mission(tok: Token) -> list[Token]:
    """The mission nouns a to-phrase on ``tok`` names ("deployed to the UN mission")."""
    return [o for o in preps(tok, ("to",)) if o.lemma_.lower() in MISSIONS]


def clause_of(tok: Token) -> Token:
    """The head of the clause a verb is coordinated into ("said X had attacked and burned":
    "attacked" for "burned"), or the verb itself."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node


def played_in(place: Token) -> bool:
    """An in/at phrase that names a contest of sport ("in the Asia Cup final"; its last word may
    hang apart: "in the Copa America final" read as "America" with "final" on the verb)."""
    if lemma_set(place) & CONTESTS:
        return True
    nxt = place.doc[place.i + 1] if place.i + 1 < len(place.doc) else None
    return nxt is not None and nxt.lemma_.lower() in CONTESTS and nxt.head.i in (place.head.head.i, place.i)


class Context:
    def private_crime(self, cand: Candidate) -> bool:
        """Whether the doer is one private person named only as such ("a man", "a teenager",
        "a burglar") or by a name no actor table knows, and no one the act touches holds a
        political role: CAMEO codes the acts of political actors, and a crime between private
        people is none of theirs."""
        if not cand.sources or any(s.match is not None or s.head < 0 for s in cand.sources):
            return False
        # (a person known only by name may be an officer: an arrest or a seizure is an
        # authority's act, whoever is named doing it; only violence is judged by the name)
        named_only_ok = cand.code[:2] in ("18", "19", "20")
        if not all((self.doc[s.head].lemma_.lower() in PRIVATE_PERSONS and self.doc[s.head].tag_ == "NN")
                   or (named_only_ok and self.unknown_person(self.doc[s.head])) for s in cand.sources):
            return False
        # (whom it touches: private people, or people of a private sector, students, patients
        # or workers: "a man stabbed 11 students at a kindergarten")
        return not any(s.match is not None and not str(getattr(s.match, "code", "")).endswith(PRIVATE_SECTORS)
                       for s in cand.targets)

    @staticmethod
    def unknown_person(tok: Token) -> bool:
        """A person named by name, or "he"/"she", whom no actor table knows (their match is
        empty): "Vasquez and Gillen had stabbed Welch"."""
        return (tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN") or tok.lower_ in ("he", "she")

    def announcers(self, tok: Token) -> list[Side]:
        """The named sides that say the clause of ``tok`` ("the cabinet said that women would be
        allowed to travel": the cabinet)."""
        node = clause_of(tok)
        if node.dep_ != "ccomp" or not set(lemmas(node.head)) & SAY_LEMMAS:
            return []
        return [s for s in self.res.sides(child(node.head, "nsubj")) if s.match is not None]

    def private_lives(self, cand: Candidate, crowds: frozenset[str] = frozenset()) -> bool:
        """Whether every side of the act is people of a private calling or private people named
        only as such ("astronomers from Chile and Japan clashed", "passengers travelling to
        Cusco"): their meetings, trips, partnerships and quarrels are no political act, whatever
        country their nationality names."""
        # (a trip's target is where it goes, not a party to it)
        # (a side that names no actor, "huddled indoors", is no party to it either)
        sides = [s for s in cand.sources + ([] if cand.code[:3] == "042" else cand.targets)
                 if s.head >= 0 and (s.match is not None or s in cand.sources)]
        return bool(cand.sources) and all(
            self.doc[s.head].lemma_.lower() in PRIVATE_CALLINGS | PRIVATE_PERSONS | crowds
            and str(getattr(s.match, "code", ""))[3:] in ("", "CVL") for s in sides)

    def plausible(self, cand: Candidate, sent: Span) -> bool:
        """Whether a candidate is an act of someone's at all: harm or damage caused by nature
        or accident is not; an explosion with no weapon or perpetrator in sight is not; a harm
        with nobody named as doer needs the sentence to name the violence ("in clashes")."""
        tok = cand.trigger
        if (cand.standalone and not any(s.match is not None for s in cand.sources) and cand.code != "185"
                and background(tok if tok.pos_ != "NOUN" or tok.dep_ != "pobj" else tok.head)):
            return False  # "where 28 people were killed", "after two days of fighting"
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "accused the army of torturing and killing detainees"
        if first.dep_ == "pcomp" and first.head.lower_ in ("of", "for") and first.head.head.i != first.head.i:
            charged = first.head.head
            if charged.dep_ in ("dobj", "nsubjpass") and charged.head.i != charged.i:
                charged = charged.head  # the parser hangs "of" on the accused
            if charged.lemma_.lower() in ACCUSE_LEMMAS:
                return False  # "accused Russian forces of executing prisoners": the charge, not an act
        root = cand.code[:2]
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and self.pressure_behind(tok, root):
            return False  # "refused despite pressure from Western governments", "bowing to demands"
        if tok.pos_ in ("NOUN", "PROPN") and root == "04" and tok.dep_ == "pobj" and setting_of_an_act(tok):
            return False  # "did not sign the pact at the ECOWAS summit": where, not an act of its own
        if root in VIOLENT_ROOTS and not any(s.match is not None for s in cand.sources) and any(
                s.head >= 0 and self.idea(self.doc[s.head]) for s in cand.sources):
            return False  # "sanctions targeting the oil sector", "the law hit small traders"
        if root == "07" and cand.sources and all(
                s.head >= 0 and (self.idea(self.doc[s.head]) or self.doc[s.head].lemma_.lower() in ECONOMIC_FORCES)
                for s in cand.sources):
            return False  # "helped by a recovery in demand", "funded by profits from frozen assets": no giver
        obj = self.object_of(tok)
        # (a target struck in a place or named as someone's is a thing, not a goal)
        idea_obj = obj is not None and self.idea(obj) and not (root in VIOLENT_ROOTS and struck_target(obj))
        if obj is not None and idea_obj and not any(
                t.match is not None and t.via == "direct" and t.head != obj.i for t in cand.targets):
            # (an idea with a modifier that names a country, "European standards", is an idea)
            if root == "04" or cand.code[:3] in ("171", "173", "174", "175"):
                return False  # "the bill meets European standards", "confined to 5% of the area"
            if root in VIOLENT_ROOTS:
                if tok.lemma_.lower() in VERBAL_ATTACKS and obj.lemma_.lower() not in GOAL_NOUNS:
                    cand.code = "111"  # "attacked the government's policy": criticism
                    return True
                return False  # "to fight disinformation"
        if cand.entry.code[:2] in VIOLENT_ROOTS and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "conj") and (
                set(lemmas(tok.head)) & WEAPON_TRADE_VERBS):
            # "will jointly produce artillery shells", "bought 200 drones": weapons made, bought or
            # sold are goods, not an attack
            return False
        if root in VIOLENT_ROOTS and ran_onto_explosive(tok):
            # "their convoy hit a roadside bomb", "the bus struck a landmine": the vehicle ran onto
            # what someone laid; the harm it did is told by the harm (killed, wounded)
            return False
        if root in VIOLENT_ROOTS and tok.lemma_.lower() in VERBAL_ATTACKS and any(
                ({p.lemma_.lower()} | {c.lemma_.lower() for c in children_of(p)}) & MEDIA_WORDS
                for p in preps(tok, ("on", "in", "via", "through", "during"))):
            cand.code = "111"  # "was attacked on social media", "slammed him in an interview"
            return True
        if root in VIOLENT_ROOTS and tok.lemma_.lower() == "fire" and obj is not None and not (
                {obj.lemma_.lower()} | {c.lemma_.lower() for c in children_of(obj) if c.dep_ in ("compound", "amod")}
        ) & FIRED_THINGS and (obj.ent_type_ == "PERSON" or obj.lower_ in ("him", "her") or not preps(
                tok, ("at", "on", "into", "upon", "towards", "toward", "against"))):
            # (with a direction the object is what is shot unless it is a person: "fired an RPG
            # at the convoy"; "fired Reams at the operations centre" says where)
            return False  # "Trump fired Comey", "fired his defence minister": a dismissal
        if root == "17" and obj is not None and obj.lower_ in REFLEXIVES:
            return False  # "confine ourselves to ...": no one is coerced
        if root in ("18", "19", "20") and obj is not None and obj.lower_ in REFLEXIVES \
                and tok.lemma_.lower() in SUICIDE_VERBS and not any(c.dep_ == "conj" for c in children_of(obj)):
            return False  # "the gunman then killed himself": a suicide attacks no one (a bomber who
            # "blew himself up" is a suicide bombing, 183; one who "set himself on fire" protests;
            # "killed himself and 20 others" is not himself alone)
        # (a truce is about a fight whatever its occasion: "declared a ceasefire to let earthquake
        # relief through")
        if root in RESPONSE_ROOTS and cand.code != "0871" and disaster_context(sent) and not any(
                side_country(t) and not str(getattr(t.match, "code", "")).endswith("CVL")
                for t in cand.targets) and not self.aid_abroad(cand) and not (
                root in ("02", "10") and (any(str(getattr(t.match, "code", "")).endswith(ADDRESSED_ROLES)
                                              for t in cand.targets) or asks_for_aid(tok))):
            # (an appeal or demand addressed to a government, or one for aid, is political
            # whatever its occasion: "called upon the Union government to release relief for the
            # flood-hit districts", "called for international food assistance after the floods")
            return False  # "authorities evacuated residents after the flood"
        # (a government, a court or the police acting over a game is no player: "banned fans
        # from the derby", "sentenced a basketball player")
        exempt = ARMED_ROLES + (POLITICAL_ROLES if root in ("13", "15", "17") else ())
        game = root in ("04", "13", "15", "17", "18", "19", "20") or cand.code[:3] in ("051", "036")
        game = game and sport_sentence(sentence_words(sent))
        if root in ("13", "15", "17", "18", "19", "20") and game and not any(
                str(getattr(s.match, "code", "")).endswith(exempt) for s in cand.sources + cand.targets):
            return False  # "the striker fired a shot past the goalkeeper", "vowed to fight in the final"
        if (root == "04" or cand.code[:3] in ("051", "036")) and game and not any(
                str(getattr(s.match, "code", "")).endswith(POLITICAL_ROLES) for s in cand.sources + cand.targets):
            # a country in a game is its team: "Scotland hosted Wales at Murrayfield", "praised
            # Brazil's display", "will host New Zealand in the opening round"; a minister or a
            # government meeting over a game is politics, and so is any agreement or cooperation
            return False
        if root == "14" and sport_sentence({w for p in preps(tok, ("against", "over", "for")) for t in p.subtree
                                            for w in (t.lower_, t.lemma_.lower())}):
            # "the coach protested against the referee's decision", "runners took to the streets
            # for the city marathon" (not a march past a stadium)
            return False
        if root == "07" and tok.lemma_.lower() in HELP_VERBS and not any(t.match is not None for t in cand.targets):
            tasks = self.tasks_helped(tok)
            helped = self.helped_in(tasks)
            if helped:
                cand.targets = helped  # "helped Ukraine rebuild its power grid"
            elif tasks or preps(tok, ("in", "with")):
                return False  # "helped create the program", "to assist in evidence collection": a task
        if tok.lemma_.lower() in LETTING_VERBS and root in ("03", "08") \
                and not any(s.match is not None for s in cand.sources):
            # "workers were not allowed to switch jobs", "the exams will allow students to earn
            # credits": a rule or a thing that lets, no one yielding; a permission a state's
            # speaker announces is that state's ("the cabinet said women would be allowed to")
            speakers = self.announcers(tok)
            if not speakers:
                return False
            cand.sources = speakers
        if root in ("17", "18", "19", "20") and self.private_crime(cand):
            return False  # "a 22-year-old man stabbed three people": a crime, no political act
        if (root in PRIVATE_LIFE_ROOTS or root == "07") and self.private_lives(
                cand, GENERIC_PEOPLE if root in ("03", "04", "05", "06", "07", "08") else frozenset()):
            return False  # "a Nigerian singer and an American rapper announced a collaboration"
        if root in VIOLENT_ROOTS and self.flop_or_surge(cand):
            return False  # "the film bombed at the box office", "the single shot to the top of the charts"
        if root == "12" and tok.lemma_.lower() == "decline" and tok.pos_ == "VERB" and not any(
                c.dep_ in ("xcomp", "ccomp", "nsubjpass") or (c.dep_ == "dobj" and not measure(c))
                for c in children_of(tok)):
            return False  # "the population declined (an average of 11 a day)": a fall, not a refusal
        if root in ("18", "19", "20") and tok.lemma_.lower() == "retaliate" and any(
                g.dep_ == "pcomp" for p in children_of(tok) if p.dep_ == "prep" and p.lower_ == "by"
                for g in children_of(p)):
            return False  # "retaliated by listing US goods", "by shelling Kharkiv": the means is the act
        if cand.code[:3] == "143" and tok.lemma_.lower() == "strike" and tok.pos_ == "VERB" \
                and self.object_of(tok) is not None:
            return False  # "striking her arm": a stoppage strikes nothing
        if cand.code[:2] == "04" and tok.pos_ == "NOUN" and any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in OWN_BODIES for c in children_of(tok)) \
                and not any(t.match is not None for t in cand.targets):
            return False  # "after a government meeting", "during a cabinet meeting": a body meets itself
        if cand.code[:3] == "042" and tok.pos_ == "NOUN" and any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in PRIVATE_TRIPS for c in children_of(tok)):
            return False  # "on a family trip", "a shopping visit": no state visits
        if tok.tag_ in ("NNP", "NNPS") and tok.ent_type_ in NAME_LABELS and tok.i > tok.sent.start:
            return False  # "the North American Free Trade Agreement": a name, not an act
        if cand.code[:2] == "14" and tok.lemma_.lower() == "rally" and any(
                c.dep_ in ("prt", "advmod") and c.lower_ in ("round", "around") for c in children_of(tok)):
            return False  # "residents rallied round to rebuild the pavilion": they helped
        if root in VIOLENT_ROOTS and market_contest(cand.trigger):
            return False  # "the takeover battle", "fired the first shot in a price war"
        if (root in ("18", "19", "20") or cand.code[:3] == "138") and self.weapons_as_goods(tok):
            return False  # "the joint production of artillery shells", "boost output of drones"
        if root in DEED_ROOTS and tok.lemma_.lower() in NARRATING_VERBS:
            return False  # "police described the attack as terrorism": telling of an act is not doing it
        if self.market_move(cand):
            return False  # "shares retreated", "the rand came under siege", "investors pulled out"
        if root == "19" and self.figurative_fight(cand, sent):
            return False  # "fought a long battle with cancer", "declared war on slugs"
        if tok.lemma_.lower() in FIGURATIVE_FIGHTING and tok.pos_ == "VERB" and any(
                played_in(o) for o in preps(tok, ("in", "at"))) and not violent_context(sent, besides=tok):
            return False  # "India and Pakistan will clash in the Asia Cup final": a game, foretold or played
        if root == "19" and tok.lemma_.lower() in TARGETING_VERBS and tok.pos_ == "VERB" \
                and sentence_words(sent) & MEASURE_WORDS and not violent_context(sent, besides=tok):
            return False  # "the first time the United States has targeted a Chinese refiner" (with sanctions)
        if long_ago(tok):
            return False  # "Eighty years ago this week, Allied troops stormed the beaches"
        if market_demand(tok):
            return False  # "signs of weak Chinese demand": a market's, not a demand of anyone
        if self.word_of_the_kind_only(cand, sent):
            return False
        if cand.sources and all(s.head >= 0 and (s.match is None or self.doc[s.head].pos_ == "NOUN") and {
                self.doc[s.head].lemma_.lower(), self.doc[s.head].lower_.removesuffix("s")} & NATURAL_DOERS
                for s in cand.sources):
            return False  # "the snowstorm shut government offices": nature acts for no one (a name
            # compounded on it only says which: "the Juba river")
        if root not in ("17", "18", "19", "20"):
            return True
        lemma = tok.lemma_.lower()
        heads = [self.doc[s.head] for s in cand.sources if s.head >= 0 and s.match is None]
        # a vehicle a civilian or business word describes is still a vehicle ("a passenger
        # train", "a cargo ship"), not the people it carries; a state's vessel is the state's
        heads += [self.doc[s.head] for s in cand.sources if s.head >= 0 and s.match is not None
                  and str(getattr(s.match, "code", "")).endswith(("CVL", "BUS"))
                  and self.doc[s.head].lemma_.lower() in VEHICLES]
        if natural_cause(tok, sent) or any(
                {h.lemma_.lower(), h.lower_.removesuffix("s")} & (NATURAL_CAUSES | VEHICLES)
                or (h.pos_ == "PROPN" and {c.lower_ for c in children_of(h) if c.dep_ == "compound"} & STORM_KINDS)
                for h in heads):
            # (a storm's name carries its kind: "Typhoon Kalmaegi battered the Philippines")
            return False  # "an earthquake killed eight people and damaged 1,300 buildings"
        if any(h.lemma_.lower() in ECONOMIC_FORCES and h.pos_ == "NOUN" for h in heads):
            return False  # "weak consumer demand hit exports": the economy's blow, nobody's act
        if any(h.lower_ in BARE_EXPLOSIONS for h in heads) and accidental_explosion(heads[0], sent):
            return False  # "explosions at the chemical store injured 700"
        if lemma in EXPLOSION_LEMMAS and accidental_explosion(tok, sent):
            return False
        figure = lemma in FIGURATIVE_VIOLENCE or (lemma in FIGURATIVE_FIGHTING and tok.pos_ == "VERB")
        if (figure and not any(s.match is not None for s in cand.sources)
                and not any(t.match is not None for t in cand.targets) and not violent_context(sent, besides=tok)):
            return False  # "Manchester United crushed Arsenal", "the campaign targeted young voters"
        if lemma in HARM_LEMMAS and not any(s.match is not None for s in cand.sources):
            named = [s for s in cand.sources if s.head >= 0]
            doer_words = {w for s in named for w in (self.doc[s.head].lower_, self.doc[s.head].lemma_)}
            if not (doer_words & VIOLENT_CONTEXT) and not violent_context(sent) and not self.military_strike(sent):
                return False
        return True

    @staticmethod
    def pressure_behind(tok: Token, root: str) -> bool:
        """A demand, appeal, criticism or threat named as what lies behind the clause's act: in a
        despite/amid/under phrase ("despite pressure from Western governments") or as what the
        doer yields to ("bowing to opposition demands")."""
        if root not in ("02", "10", "11", "12", "13"):
            return False
        prep = tok.head
        if prep.lower_ == "under" and prep.head.lemma_.lower() in UNDER_VERBS:
            return False  # "came under fire from the minister": what the subject met, the act itself
        if prep.lower_ in ("despite", "amid", "amidst", "under"):
            return True
        return prep.lower_ == "to" and prep.head.lemma_.lower() in YIELDING_VERBS

    def figurative_fight(self, cand: Candidate, sent: Span) -> bool:
        """A war, battle or fight waged on what no one can wage war on: an idea or illness ("a
        battle with cancer", "war on poverty"), or, in a sentence that names no violence, a
        thing that is no actor ("declared war on slugs")."""
        tok = cand.trigger
        if tok.pos_ == "VERB" and tok.lemma_.lower() in FIGHT_VERBS and self.fought_in_business(tok, sent):
            return True  # "fought back against a slump in profits", "fought off a shareholder revolt"
        nouns = [tok] if tok.pos_ == "NOUN" else [c for c in children_of(tok) if c.dep_ == "dobj"]
        nouns = [n for n in nouns if n.lemma_.lower() in FIGHT_NOUNS]
        holders = ([tok] if tok.pos_ != "NOUN" else []) + nouns
        opponents = [o for h in holders for o in preps(h, ("on", "against", "with")) if o.pos_ in ("NOUN", "PROPN")]
        if not nouns or not opponents:
            return False
        if any(abstract(o) for o in opponents):
            return True
        if any(t.match is not None for t in cand.targets) or any(
                o.pos_ == "PROPN" or o.ent_type_ or o.lemma_.lower().endswith(PERSON_ENDINGS) for o in opponents):
            return False  # (an agent noun names people: "a battle with cattle raiders")
        besides = {t.i for t in [tok, *nouns]}
        words = {w for t in sent if t.i not in besides for w in (t.lower_, t.lemma_.lower())}
        return not words & VIOLENT_CONTEXT and not violent_context(sent, besides=nouns[0])

    @staticmethod
    def fought_in_business(tok: Token, sent: Span) -> bool:
        """A fight verb whose opponent is a force of the economy or a body of a company's
        owners, in a sentence that names no violence."""
        opponents = [c for c in children_of(tok) if c.dep_ == "dobj"] + preps(tok, ("against", "on", "with"))
        if not any(o.lemma_.lower() in ECONOMIC_FORCES or {c.lemma_.lower() for c in children_of(o)
                                                          if c.dep_ in ("compound", "amod")} & OWNERS
                   for o in opponents):
            return False
        return not violent_context(sent, besides=tok)

    def word_of_the_kind_only(self, cand: Candidate, sent: Span) -> bool:
        """The trigger is a word of the act's kind used for something else: a circumstance
        that "forces", a press conference, a warning of a condition, a name put on an act, a
        place held by no force, a fight for a cause."""
        tok, root = cand.trigger, cand.code[:2]
        if root == "17" and tok.pos_ == "VERB" and not any(x.match is not None for x in cand.sources) and any(
                c.dep_ == "nsubj" and abstract(c) and c.lemma_.lower() not in STATE_INSTRUMENTS
                for c in children_of(tok)):
            return True  # "the crisis forced the company to close": a circumstance coerces no one
        if root == "14" and tok.pos_ == "NOUN" and {c.lemma_.lower() for c in children_of(tok)
                                                     if c.dep_ in ("compound", "amod")} & OWNERS:
            return True  # "a shareholder revolt": owners voting against the board
        if (root == "04" or cand.code == "036") and any(
                press_conference(n) for n in [tok, *(c for c in children_of(tok) if c.dep_ == "dobj")]):
            # "told a press conference", "will hold a news conference", "is scheduled to hold a
            # news conference": a statement's setting, now or to come
            return True
        if cand.code == "130" and tok.lemma_.lower() == "warn" and not any(t.match is not None for t in cand.targets) \
                and any(o.pos_ == "NOUN" and (abstract(o) or not self.lex.act_noun(o.lemma_.lower()))
                        and o.lemma_.lower() not in ACTS_WARNED_OF for o in preps(tok, ("of", "about"))):
            # (a condition is no act the lexicon knows: "warned of severe crop losses")
            return True  # "the company warned of weaker demand": a forecast, not a threat
        if tok.pos_ == "NOUN" and characterised(tok):
            return True  # "describing the policy as one of ethnic cleansing": a name for it
        if cand.code[:3] in ("191", "192") and self.held_by_no_force(cand):
            return True  # "the camp is surrounded by fences", "a car occupied by a driver"
        # "the union will fight for better pensions", "fighting for his life"
        return (root == "19" or cand.code[:3] == "138") and self.fight_for_a_cause(cand, sent)

    def held_by_no_force(self, cand: Candidate) -> bool:
        """A place said to be surrounded or occupied BY something that is no force: a thing
        ("surrounded by razor-wire fences"), kin or passengers ("surrounded by her daughter", "a
        vehicle occupied by a driver and a child").  A blockade or an occupation is done by an
        armed force, protesters or a state."""
        tok = cand.trigger
        if tok.pos_ != "VERB" or not (is_passive(tok) or tok.tag_ == "VBN"):
            return False
        agents = [o for a in children_of(tok) if a.dep_ == "agent" for o in children_of(a) if o.dep_ == "pobj"]
        if not agents or any(x.match is not None and not str(getattr(x.match, "code", "")).endswith("CVL")
                             for x in cand.sources):
            return False  # (civilians named as such are no force: "occupied by a driver")
        return not any(o.pos_ == "PROPN" or o.ent_type_ or o.lemma_.lower() in ARMED_WORDS | PROTESTER_NOUNS | MOB_NOUNS
                       for o in agents)

    def fight_for_a_cause(self, cand: Candidate, sent: Span) -> bool:
        """Fighting FOR something, against no one, by someone who is no armed force, in a
        sentence that names no violence: a campaign or a struggle to live, not combat ("vowed to
        fight for higher wages", "is fighting for his life"; not "rebels fighting for
        independence", "fighters fought for control of the town")."""
        tok = cand.trigger
        fights = [tok] if tok.lemma_.lower() in FIGHT_VERBS else [
            c for c in children_of(tok) if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in FIGHT_VERBS]
        if len(fights) != 1 or tok.pos_ != "VERB":
            return False
        fight = fights[0]
        aims = preps(fight, ("for",))
        if not aims or self.object_of(fight) is not None or preps(fight, ("against", "with", "on", "over")):
            return False
        if any(str(getattr(x.match, "code", "")).endswith(ARMED_ROLES) or (
                x.match is None and x.head >= 0 and self.doc[x.head].lemma_.lower() in ARMED_WORDS)
                for x in cand.sources):
            return False
        if any(a.pos_ == "PROPN" or a.ent_type_ or a.lemma_.lower() in CONTESTED for a in aims):
            return False  # what is fought over is a place or who holds it
        return not violent_context(sent, besides=fight)

    @staticmethod
    def tasks_helped(tok: Token) -> list[Token]:
        """The verbs a verb of helping helps to do ("helped Ukraine rebuild its grid")."""
        return [c for c in children_of(tok) if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]

    def helped_in(self, tasks: list[Token]) -> list[Side]:
        """The named actors who do the tasks helped: whom the help is for."""
        return [x for c in tasks for x in self.res.sides(child(c, "nsubj")) if x.match is not None]

    def weapons_as_goods(self, tok: Token) -> bool:
        """Weapons named as what is made, stocked or traded: a weapon noun that is the of-object
        of a noun of making or trading ("the joint production of artillery shells", "a shortage
        of shells"), or a verb whose object is such a noun ("boost production of shells")."""
        if tok.pos_ == "NOUN" and tok.dep_ in ("pobj", "compound"):
            word = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
            prep = word.head
            if word.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in GOODS_NOUNS:
                return True
        obj = self.object_of(tok) if tok.pos_ == "VERB" else None
        return obj is not None and obj.lemma_.lower() in GOODS_NOUNS and any(
            p.lower_ == "of" for p in children_of(obj) if p.dep_ == "prep")

    def market_move(self, cand: Candidate) -> bool:
        """A market's move told in the words of an act: the doer is what a market prices
        ("shares of Brazilian banks retreated", "the index staged a rally"), or, with no doer, it
        is what the act befalls ("the rand came under siege"); investors' selling and pulling out
        is no retreat, protest or fight ("investors pulled out of Turkish bonds")."""
        def heads(sides: list[Side]) -> list[Token]:
            return [self.doc[s.head] for s in sides if s.head >= 0]

        doers = heads(cand.sources)
        befallen = heads(cand.targets)
        struck_market = bool(befallen) and all(market_word(h, MARKET_QUANTITIES) for h in befallen)
        if doers:
            if all(market_word(h, MARKET_QUANTITIES) for h in doers):
                return True
            if cand.code[:2] in MARKET_RETREATS and all(market_word(h, MARKET_TRADERS) for h in doers):
                return True
            # "shares of the lender came under attack from short sellers": a market's blow dealt
            # by no actor
            return struck_market and not any(s.match is not None for s in cand.sources)
        return struck_market

    def flop_or_surge(self, cand: Candidate) -> bool:
        """A verb of violence used intransitively for a failure or a rise: "bomb" with nothing
        bombed, or "shoot" up or to a height, by a subject that is no armed force ("shares
        bombed", "the drama shot to the top of the charts"; not "jets bombed overnight")."""
        tok = cand.trigger
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in ("bomb", "shoot") or is_passive(tok) or self.object_of(tok) is not None:
            return False
        if any(str(getattr(s.match, "code", "")).endswith(ARMED_ROLES) for s in cand.sources):
            return False
        subj = child(tok, "nsubj")
        if subj is not None and subj.lemma_.lower() in ARMED_WORDS | AIRCRAFT:
            return False
        if lemma == "bomb":
            return not [p for p in preps(tok, ("on", "into", "across", "near")) if p.ent_type_ not in ("DATE", "TIME")]
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in children_of(tok)) or any(
            p.lemma_.lower() in HEIGHTS for p in preps(tok, ("to", "into", "up")))

    def military_strike(self, sent: Span) -> bool:
        """The sentence names a bare "strike" that reads as an attack ("killed in a strike on a
        car"), which the word list of violence cannot hold, the word being also a stoppage."""
        return any(t.pos_ == "NOUN" and t.lemma_.lower() == "strike"
                   and strike_sense(t, self.res.side) == MILITARY_SENSE for t in sent)

    # ------------------------------------------------------------------ context rules
    def joint(self, cand: Candidate) -> bool:
        """Done together: called joint, or by more than one named actor."""
        return self.called_joint(cand) or len(named_keys(cand.sources)) > 1

    def allied(self, cand: Candidate) -> bool:
        """Done together by more than one state's forces ("the Egyptian and Sudanese air forces"),
        or called joint; one country's police and troops marching together are one side."""
        return self.called_joint(cand) or len(
            {side_country(s) for s in cand.sources if s.match is not None}) > 1

    def bound_by_condition(self, cand: Candidate) -> list[Side]:
        """Whom a threat is made to: the subject of its condition ("unless Kinshasa frees its
        members", "if Washington imposes sanctions"), hung on the threatening verb or on what it
        threatens; nothing when no condition names an actor."""
        tok = cand.trigger
        for head in [tok] + [c for c in children_of(tok) if c.dep_ in ("xcomp", "ccomp")]:
            for c in children_of(head):
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in children_of(c)):
                    sides = self.res.sides(child(c, "nsubj"))
                    if any(s.match is not None for s in sides):
                        return sides
        return []

    def mediated_parties(self, cand: Candidate) -> list[Side]:
        """The parties a mediation is between: the between-phrase in the act's own phrases, or
        the for-phrase of a go-between ("a go-between for Russia and Ukraine"), each conjunct."""
        stack = [(cand.trigger, 0)]
        while stack:
            tok, depth = stack.pop()
            for p in children_of(tok):
                if p.dep_ == "prep" and (p.lower_ == "between" or (
                        p.lower_ == "for" and lemma_set(tok) & MEDIATION)):
                    parties = [s for o in children_of(p) if o.dep_ == "pobj"
                               for x in conjuncts(o) if (s := self.res.side(x)) is not None and s.match is not None]
                    if parties:
                        return parties
            if depth < 4:
                stack.extend((c, depth + 1) for c in children_of(tok) if c.dep_ not in ("relcl", "advcl", "conj"))
        return []

    def across_the_border(self, cand: Candidate) -> Side | None:
        """The neighbour a force is posted against or fires at by a border: the with-phrase of
        "border" in the act's own phrases ("massed troops near its border with Guyana", "the
        deployment of 5,000 soldiers to the border with Belarus")."""
        stack = [(c, 0) for c in children_of(cand.trigger)]
        while stack:
            tok, depth = stack.pop()
            if tok.dep_ in ("relcl", "advcl", "ccomp", "conj") or depth > 4:
                continue
            if tok.lemma_.lower() in BORDER_NOUNS:
                for p in preps(tok, ("with",)):
                    side = self.res.side(p)
                    if side is not None and side.match is not None and not any(
                            side_country(side) == side_country(s) for s in cand.sources if s.match is not None):
                        side.via = "across the border"
                        return side
            stack.extend((c, depth + 1) for c in children_of(tok))
        return None

    def against_the_accused(self, cand: Candidate) -> None:
        """An investigation is aimed at whoever is said to have done what it looks into
        (``inquiries.accused``), not at the act's victims."""
        for tok in accused(cand.trigger):
            side = self.res.side(tok)
            if side is not None and side.match is not None and not any(side.head == s.head for s in cand.sources):
                side.via = "the accused"
                cand.targets = [side]
                return

    @staticmethod
    def agency_withdrawal(cand: Candidate) -> str | None:
        """The code of a withdrawal by a non-governmental or international organisation, no
        armed force (CAMEO 087 is a military retreat, 166 the withdrawal of a mission or an
        agency, 1663 of an aid agency); None when another withdraws."""
        return _agency_code(cand.sources)

    def organisation_left(self, cand: Candidate) -> list[Side] | None:
        """The intergovernmental bodies a withdrawal is from, when they are all it is from and
        no force is named as what is withdrawn ("withdrew from the ICC", "announced their
        withdrawal from ECOWAS", not "withdrew its troops from the UN mission"); else None."""
        trig = cand.trigger
        named = [c for c in children_of(trig) if c.dep_ == "dobj"] + preps(trig, ("of",))
        if any(w.lemma_.lower() in WITHDRAWN_FORCES for n in named for w in n.subtree):
            return None
        bodies = [t for t in cand.targets if t.match is not None]
        if not bodies:
            heads = [trig] + [c for c in children_of(trig) if c.dep_ == "dobj"]
            bodies = [x for h in heads for p in preps(h, ("from",)) for x in self.res.sides(p) if x.match is not None]
        codes = [str(getattr(t.match, "code", "")) for t in bodies]
        if not codes or not all(c.startswith("IGO") and not c.endswith(("MIL", "PKO")) for c in codes):
            return None
        return bodies

    @staticmethod
    def agency_expelled(cand: Candidate) -> str | None:
        """The code of an expulsion whose every target is a non-governmental or international
        organisation, no armed force (1663 an aid agency, 166 a mission); None otherwise."""
        return _agency_code(cand.targets)

    def peacekeepers(self, cand: Candidate) -> bool:
        """The force posted is a peacekeeping force (CAMEO 074 "provide military protection or
        peacekeeping"): its head or a modifier says so."""
        heads = [self.doc[s.head] for s in cand.sources if s.head >= 0]
        obj = self.object_of(cand.trigger)
        heads += [obj] if obj is not None else []
        return any(lemma_set(h) & PEACEKEEPING for h in heads)

    @staticmethod
    def come_to_help(cand: Candidate) -> bool:
        """A force that comes for the purpose of helping or joining others, or of taking part in
        a mission (a to-infinitive on its verb: "arrived to help government forces secure the
        gas fields", "arrived to lead a multinational security mission"), or that is sent to a
        mission ("deployed to the UN mission in South Sudan")."""
        return any(c.dep_ == "advcl" and to_infinitive(c) and (
            c.lemma_.lower() in HELPING_PURPOSES or any(
                o.dep_ == "dobj" and o.lemma_.lower() in MISSIONS for o in children_of(c)))
            for c in children_of(cand.trigger)) or bool(sent_to_mission(cand.trigger))

    def mission_country(self, cand: Candidate) -> Side | None:
        """The country a mission the force is sent to serves in ("the UN mission in South
        Sudan"): the one it protects."""
        for mission in sent_to_mission(cand.trigger):
            for p in preps(mission, ("in",)):
                place = self.res.place(p)
                if place is not None:
                    return place
        return None

    def helped_party(self, cand: Candidate) -> Side | None:
        """The party a force's helping purpose names ("to help Haiti fight the gangs", "to help
        restore order in the Solomon Islands' capital"): the one it protects."""
        for purpose in children_of(cand.trigger):
            if purpose.dep_ != "advcl" or not to_infinitive(purpose) or purpose.lemma_.lower() not in HELPED_PARTY:
                continue
            # whom it helps: its object, or the subject of what it helps do ("help Haiti fight")
            helpers = [child(c, "nsubj") for c in children_of(purpose) if c.dep_ in ("ccomp", "xcomp")]
            helped = self.affected_by(purpose) or self.first_actor(helpers)  # type: ignore[attr-defined]
            if helped:
                return helped[0]
            for word in purpose.subtree:
                if word.dep_ == "pobj" and word.head.lower_ == "in":
                    place = self.res.place(word)
                    if place is not None:
                        return place
        return None

    @staticmethod
    def helps_its_own(cand: Candidate) -> bool:
        """Whether the act's named doers and the ones it is for are of one country ("Peru's
        government deployed the armed forces to support police patrols in Lima")."""
        doers = {side_country(s) for s in cand.sources} - {None, ""}
        helped = {side_country(t) for t in cand.targets} - {None, ""}
        return bool(doers & helped)

    def sent_abroad(self, cand: Candidate) -> bool:
        """Forces sent to another country: CAMEO 074 "provide military protection or
        peacekeeping" to that country ("Kenya deployed police to Haiti", "Germany will send
        troops to Lithuania"), not a show of force against it.  Forces sent into a country, or
        to a border, a sea, a region or a city, stay a show of force (15x), also when the
        country is named only by its adjective ("to the Armenian frontier")."""
        tok = cand.trigger
        if not (tok.pos_ == "VERB" and set(lemmas(tok)) & SENDING_VERBS) and not (
                tok.pos_ == "NOUN" and tok.lemma_.lower() in SENDING_NOUNS):
            return False
        heads = {p.i for p in preps(tok, ("to",))}
        if tok.pos_ == "NOUN":  # "the dispatch of 1,000 soldiers to Niger": on the forces sent
            heads |= {p.i for o in preps(tok, ("of",)) for p in preps(o, ("to",))}
        states = states_of(cand.sources)
        return bool(states) and any(
            t.head in heads and t.match is not None and getattr(t.match, "kind", "") == "country"
            and str(getattr(t.match, "code", "")) == side_country(t) and side_country(t) not in states
            and self.doc[t.head].pos_ == "PROPN" for t in cand.targets)

    def police_abroad(self, cand: Candidate) -> bool:
        """Police power raised (153) in another country than the police's own, named as the
        place they are in or sent to ("Kenyan police officers landed in Haiti", "arrived in
        Port-au-Prince"): police work abroad only with the host's consent, to protect or assist
        it (CAMEO 074), not as a show of force against it.  Police near a border, or a country
        named only by its adjective ("the Pakistani border"), stay at home."""
        if cand.code != "153":
            return False
        states = states_of(cand.sources)
        return bool(states) and any(
            t.match is not None and side_country(t) is not None and side_country(t) not in states
            and self.doc[t.head].pos_ == "PROPN" and self.doc[t.head].dep_ == "pobj"
            and self.doc[t.head].head.lower_ in ("in", "into", "to") for t in cand.targets)

    def called_joint(self, cand: Candidate) -> bool:
        tok = cand.trigger
        obj = self.object_of(tok) if tok.pos_ != "NOUN" else tok
        return obj is not None and any(c.lower_ in ("joint", "combined") for c in children_of(obj))

    def idea(self, tok: Token) -> bool:
        """An abstract noun that is not itself an event the lexicon knows ("an explosion")."""
        return abstract(tok) and not self.lex.act_noun(tok.lemma_.lower())

    @staticmethod
    def object_of(tok: Token) -> Token | None:
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        for c in children_of(tok):
            if c.dep_ == "dobj" or (c.dep_ == "nsubjpass"):
                return c
        return None

    def handed_to_justice(self, cand: Candidate) -> bool:
        """A person one state hands to another state's police, prosecutors, judges or
        authorities: judicial cooperation (CAMEO 063, as an extradition), not the release of a
        captive (a captor is no state's justice).  The receiving state is the target, or the
        to-phrase of an active verb ("handed over three wanted militants to Amman"), which then
        becomes the target."""
        if cand.trigger.lemma_.lower() not in HANDOVER_VERBS:
            return False
        givers = _states(cand.sources, STATE_JUSTICE_ROLES)
        if not givers:
            return False
        takers = _states(cand.targets, JUSTICE_ROLES)
        if not takers:
            recipients = [x for o in preps(cand.trigger, ("to",)) for x in self.res.sides(o) if x.match is not None]
            takers = _states(recipients, JUSTICE_ROLES)
            if takers and not givers & takers:
                cand.targets = recipients
        return bool(takers) and not givers & takers

    def declared_unwelcome(self, tok: Token) -> Candidate | None:
        """"Peru declared the Mexican ambassador persona non grata": a diplomat expelled, CAMEO
        161 (reduce or break diplomatic relations), by the declaring subject, against the
        diplomat.  Read from the words in order, since the parser makes of the Latin what it
        will: the declaring verb, then the diplomat, then "persona non grata"."""
        if tok.lemma_.lower() != "declare" or negated(tok):
            return None
        sent = self.doc[tok.i : tok.sent.end]
        words = [t.lower_ for t in sent]
        at = next((k for k in range(len(words) - 2) if tuple(words[k : k + 3]) in UNWELCOME_WORDS), None)
        if at is None:
            return None
        between = [t for t in sent[1:at] if t.pos_ in ("NOUN", "PROPN")]
        subj = child(tok, "nsubj")
        if not between or subj is None:
            return None
        cand = Candidate(UNWELCOME, "161", tok, self.res.sides(subj), self.res.sides(between[-1]), False,
                         confidence=0.8)
        cand.span_tokens |= {tok.i, between[-1].i} | {sent[k].i for k in range(at, at + 3)}
        cand.consumed |= {sent[k].i for k in range(at, at + 3)}
        return cand

    def taken_to_court(self, tok: Token) -> Candidate | None:
        """"Nicaragua took Germany to the International Court of Justice", "hauled the firm to
        court": a suit (CAMEO 115) by the subject against the object."""
        if tok.lemma_.lower() not in COURT_TAKING_VERBS or negated(tok):
            return None
        obj, subj = child(tok, "dobj"), child(tok, "nsubj")
        if obj is None or subj is None or not any(lemma_set(p) & COURT_NOUNS for p in preps(tok, ("to", "before"))):
            return None
        cand = Candidate(TAKEN_TO_COURT, "115", tok, self.res.sides(subj), self.res.sides(obj), False, confidence=0.8)
        cand.span_tokens |= {tok.i, obj.i} | {p.i for p in preps(tok, ("to", "before"))}
        return cand

    def _filed_with(self, tok: Token, names: tuple[str, ...]) -> list[Token]:
        """The objects of the prepositions ``names`` on a filing verb or on what it filed."""
        obj = self.object_of(tok) if tok.pos_ != "NOUN" else tok
        return preps(tok, names) + (preps(obj, names) if obj is not None else [])

    def brought_to_court(self, tok: Token) -> bool:
        """A petition or complaint filed at, in or before a court (on the verb or on what was
        filed): CAMEO 115, "file civil or criminal lawsuit at domestic or international courts";
        a petition to anyone else is an official complaint (114)."""
        return any(lemma_set(p) & COURT_NOUNS for p in self._filed_with(tok, COURT_PREPS))

    def sued(self, cand: Candidate) -> None:
        """A suit's target is the defendant ("against the election commission"), never the
        court it is brought before."""
        courts = {c.i for p in self._filed_with(cand.trigger, COURT_PREPS) if lemma_set(p) & COURT_NOUNS
                  for c in p.subtree}
        defendants = self.first_actor(self._filed_with(cand.trigger, ("against",)))  # type: ignore[attr-defined]
        cand.targets = defendants or [t for t in cand.targets if t.head not in courts]

    @staticmethod
    def bombed_by_a_state(cand: Candidate) -> bool:
        """A bombing (183 is "non-military bombing") done by a state or its forces: a state
        bombs from the air ("Russia bombed Aleppo", "the junta bombed a school"), CAMEO 195."""
        return (cand.code == "183" and cand.trigger.lemma_.lower() in ("bomb", "bombing")
                and bool(_states(cand.sources, BOMBING_STATE_ROLES)))

    @staticmethod
    def on_another_state(cand: Candidate) -> bool:
        """Bans and restrictions one state (or union of states) imposes on another state's
        people or bodies: sanctions (CAMEO 163), not the administrative sanctions a government
        imposes at home (172).  Only a ban or restriction that is imposed ("imposed travel bans
        on Russian generals"): a law banning a body at home stays at home, whatever the body's
        foreign links ("a law banning the Russian-linked church")."""
        if cand.trigger.lemma_.lower() not in IMPOSING_VERBS:
            return False
        doers = _states(cand.sources, supranational=True)
        done_to = _states(cand.targets, supranational=True)
        return bool(doers) and bool(done_to) and not doers & done_to and not done_to & SUPRANATIONAL

    def settle(self, cand: Candidate) -> None:
        """Rules that need the whole candidate, applied after modality: reported claims,
        the place of violent or locative acts, unnamed perpetrators, domestic targets."""
        self.reported_claim(cand)
        code = refine_by_request(refine(cand.code, cand.trigger), cand.trigger)
        cand.code = threat_kind(inquiry_kind(refine_by_aim(code, cand.trigger), cand.trigger), cand.trigger)
        if cand.code[:2] == "09":
            if cand.code == "090" and any(side_role(x) == "COP" or PROSECUTORS.search(x.text or "")
                                          or CRIME_BODIES.search(x.text or "") for x in cand.sources):
                # "police are investigating the mayor", "prosecutors opened an inquiry into the
                # chairman", "the Anti-Corruption Commission opened an investigation": what police,
                # prosecutors and anti-corruption bodies inquire into is a crime (CAMEO 091)
                cand.code = "091"
            self.against_the_accused(cand)
            maker = constituted_body(cand.trigger)
            if maker is not None and not any(s.match is not None for s in cand.sources):
                # "Parliament appointed a panel to probe the collapse": the inquiry is the
                # appointer's, the body it set up has no name of its own here
                subj, _ = self.subject(maker)  # type: ignore[attr-defined]
                cand.sources = self.res.sides(subj) if subj is not None else cand.sources
        self.fired_into_open_water(cand)
        self.mob_violence(cand)
        if self.force_on_dissent(cand):
            cand.code = "175"  # "security forces fired live ammunition at demonstrators"
        self.capital_struck(cand)
        if cand.code[:3] == "174" and cand.trigger.lemma_.lower() not in LEGAL_REMOVALS and en_masse(cand.trigger):
            # "expelled hundreds of thousands of Afghan refugees", "expelled residents en masse":
            # a population forced out is a mass expulsion (201), not individuals removed by law
            # (174: "deported 1,430 nationals" stays a deportation, however many)
            cand.code = "201"
        if cand.code == "0872" and cand.sources and all(side_role(x) in DISSENT_ROLES for x in cand.sources):
            # "farmers lifted road blockades": no army eases a blockade; a protest's own blockade
            # lifted is dissent eased (082: "ending or putting on hold demonstrations")
            cand.code = "082"
        if cand.code[:3] == "087":
            # "MSF withdrew its teams from the camp": no army retreats; an aid agency leaves (1663)
            cand.code = self.agency_withdrawal(cand) or cand.code
            left = self.organisation_left(cand) if cand.code[:3] == "087" else None
            if left:
                # "Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS": a state
                # leaving a body of states cuts its ties to it (161), no army retreats
                cand.code, cand.targets = "161", left
        if cand.code == "174" and cand.trigger.lemma_.lower() in EXPELLING:
            # "Burundi's expulsion of Médecins Sans Frontières": an aid agency expelled (1663), no
            # person deported
            cand.code = self.agency_expelled(cand) or cand.code
        if cand.code[:2] == "15" and cand.trigger.pos_ == "NOUN" and cand.trigger.lemma_.lower() in SENDING_NOUNS:
            if not any(s.match is not None for s in cand.sources):
                # "the deployment of Rwandan troops to Mozambique": the forces sent show the force
                sent = self.first_actor(preps(cand.trigger, ("of",)))  # type: ignore[attr-defined]
                cand.sources = sent or cand.sources
            if self.sent_abroad(cand) or self.police_abroad(cand):
                cand.code = "074"  # "Kenya's deployment of police officers to Haiti": protection
        if cand.code[:2] == "15" and self.come_to_help(cand) and self.helps_its_own(cand):
            # "Peru's government deployed the armed forces to support police patrols": no aid
            # given and no one it is directed against, a show of force at home
            cand.targets = []
        elif cand.code[:2] == "15" and (self.peacekeepers(cand) or self.come_to_help(cand)):
            # "peacekeeping troops arrived in Bosnia", "police officers landed in Port-au-Prince
            # to join the security mission": they protect, not threaten, the country the mission
            # serves in ("deployed to the UN mission in South Sudan")
            cand.code = "074"
            served = self.mission_country(cand)
            if served is None and not any(t.match is not None for t in cand.targets):
                served = self.helped_party(cand)
            if served is not None:
                cand.targets = [served]
        talks = [p for p in preps(cand.trigger, ("from", "of")) if lemma_set(p) & TALK_NOUNS]
        if cand.code[:3] == "087" and talks:
            # "pulled out of talks with Uganda", "withdrew from the negotiations": leaving talks
            # halts them (164), as quitting them does; no force withdraws; the talks' partner
            # is whom they are halted with
            cand.code = "164"
            partner = self.first_actor(preps(talks[0], ("with",)))  # type: ignore[attr-defined]
            cand.targets = partner or [t for t in cand.targets if t.match is not None and side_country(t) not in {
                side_country(s) for s in cand.sources}]
        if cand.code[:3] == "173" and cand.trigger.lemma_.lower() == "charge" and any(
                getattr(t.match, "kind", "") == "country" for t in cand.targets):
            # "the State Department charged Nicaragua with detaining priests": no court charges
            # a state; one state charging another with an act accuses it (112)
            cand.code = "112"
        if cand.code[:3] == "061" and self.relief_to_the_stricken(cand):
            cand.code = "073"  # "shipped 5,000 tonnes of rice to drought-hit Zimbabwe": relief
        if cand.code[:3] == "084" and self.handed_to_justice(cand):
            cand.code = "063"  # "was handed over to Kazakh police by Georgian authorities"
        if cand.code == "114" and self.brought_to_court(cand.trigger):
            cand.code = "115"  # "filed a petition at the High Court": a suit, not a complaint
            self.sued(cand)
        if cand.code == "172" and self.on_another_state(cand):
            cand.code = "163"  # "imposed travel bans on three Russian generals": sanctions
        if cand.code[:2] == "19" and self.against_a_truce(cand.trigger):
            cand.code = "196"  # "fired on Pakistani posts in violation of the ceasefire"
        if cand.code[:2] in ("18", "19") and cand.code not in ("185", "186") and assassination(
                cand.trigger, [self.doc[t.head] for t in cand.targets if t.head >= 0]):
            if cand.modality == "attempted":  # "gunmen tried to kill the congresswoman"
                cand.code, cand.negated, cand.modality = "185", False, "asserted"
            else:
                cand.code = "186"  # "unidentified gunmen shot dead the mayor"
        elif cand.code[:2] in ("18", "19") and cand.code not in ("185", "186") and attempt_on_life(
                cand.trigger, [self.doc[t.head] for t in cand.targets if t.head >= 0]):
            cand.code = "185"  # "the judge was shot and wounded", "ambushed the governor's convoy"

        root = cand.code[:2]
        resolved_src = any(s.match is not None for s in cand.sources)
        resolved_tgt = any(t.match is not None for t in cand.targets)
        joint = len(named_keys(cand.sources)) > 1
        if root <= "08" and joint:
            # "Colombia and the ELN signed a ceasefire in Havana": a joint act's parties are each
            # other's targets (see output._pairs); where they met is no party
            resolved_tgt = True
        if cand.code[:3] in ("039", "045") and not resolved_tgt:
            parties = self.mediated_parties(cand)
            if parties:
                cand.targets = parties  # "act as a mediator between Myanmar's junta and the NUG"
                resolved_tgt = True
        if root == "13" and not resolved_tgt:
            bound = self.bound_by_condition(cand)
            if bound:
                cand.targets = bound  # "threatened to quit the talks unless Kinshasa frees ...": Kinshasa
                resolved_tgt = True
        if root in ("15", "19") and not resolved_tgt:
            neighbour = self.across_the_border(cand)
            if neighbour is not None:
                cand.targets = [neighbour]  # "massed troops near its border with Guyana"
                resolved_tgt = True
        if root in LOCATIVE_ROOTS and not resolved_tgt:
            place = self.where(cand)
            if place is not None and not any(
                    s.match is not None and side_country(s) == side_country(place) and root in VIOLENT_ROOTS
                    for s in cand.sources):
                cand.targets = [place]  # "protest in Beijing", "killed in the Gaza Strip"
                resolved_tgt = True
        if cand.code[:3] == "042" and resolved_src and not resolved_tgt:
            place = self.where(cand)
            if place is not None and side_country(place) and not any(
                    side_country(s) == side_country(place) for s in cand.sources if s.match is not None):
                cand.targets = [place]  # "arrived in Jakarta for a state visit": Indonesia is visited
                resolved_tgt = True
        if cand.code == "040" and self.by_telephone(cand.trigger):
            cand.code = "041"  # "spoke by telephone with Jordan's king"
        if cand.code == "040" and resolved_src and resolved_tgt:
            place = self.where(cand)
            parties = {side_country(x) or "" for x in cand.sources + cand.targets if x.match is not None}
            if place is not None and side_country(place) and len(parties - {""}) == 2 \
                    and not parties & SUPRANATIONAL and side_country(place) not in parties:
                cand.code = "044"  # "met his Azerbaijani counterpart in Almaty": a third location
        if NESTED and not resolved_tgt and resolved_src:
            place = self.nested_place(cand)
            if place is None and root in ("07", "09"):
                # "flew food to flood victims in Pakistan", "investigated crimes in Myanmar":
                # another country than the doer's, where the aid goes or the acts happened
                place = self.where(cand)
            if place is not None and side_country(place) not in {side_country(x) for x in cand.sources}:
                cand.targets = [place]  # "re-examine the refineries in Iran"
                resolved_tgt = True
        if not cand.sources and cand.code.startswith(POLICE_ACTS):
            # "110 people were arrested": the arresting authority is the police, of the country
            # of those arrested when the text says it; "were jailed", "were sentenced to seven
            # years": only a court sentences
            place = self.where(cand)
            country = side_country(place) if place is not None else None
            # (the authority is the place's: "two Kenyan activists were jailed in Uganda")
            country = country or next((side_country(t) for t in cand.targets if side_country(t)), None)
            if cand.trigger.lemma_.lower() in COURT_VERBS:
                m = DerivedMatch(f"{country or ''}JUD", "court", "role", country)
                cand.sources = [Side("", -1, -1, m, -1, 0.9, "sentenced by a court")]
            else:
                m = DerivedMatch(f"{country or ''}COP", "police", "role", country)
                cand.sources = [Side("", -1, -1, m, -1, 0.9, "made by police")]
            resolved_src = True
        if not cand.sources and cand.code.startswith(EXPULSIONS):
            # "refugees were deported from Pakistan": only the state they are sent out of
            # expels them
            place = next((x for p in preps(cand.trigger, ("from",)) if (x := self.res.place(p))), None)
            if place is not None:
                cand.sources = [Side(place.text, place.start, place.end, place.match, place.head, 0.85,
                                     "expelling state")]
                resolved_src = True
        if root in VIOLENT_ROOTS and not resolved_src:
            src = self.perpetrator(cand)
            if src is not None:
                cand.sources = [src]
                resolved_src = True
        if DOMESTIC and root in DOMESTIC_ROOTS and resolved_src and not resolved_tgt and not joint \
                and not self.at_sea(cand):  # a ship struck or seized at sea is of no known country
            # ("Russia and Ukraine swapped prisoners" is between them, not at home)
            home = next((s for s in cand.sources if s.match is not None), None)
            country = side_country(home)
            named = next((p for t in cand.targets if (p := self.gazetteer_place(t)) is not None), None)
            if named is not None:
                cand.targets = [named]
            elif (reporter := self.reporting_state(cand)) is not None:
                cand.targets = [reporter]
            elif home is not None and country and country not in SUPRANATIONAL:
                text = next((t.text for t in cand.targets), "")
                m = DerivedMatch(country, country, "country", country)
                cand.targets = [Side(text, -1, -1, m, -1, 0.9, "domestic")]

    def relief_to_the_stricken(self, cand: Candidate) -> bool:
        """Staples of relief (the lexicon's ``@relief`` class: grain, rice, medicine) sent to a
        recipient a disaster has struck ("drought-hit Zimbabwe", "flood-stricken districts"):
        CAMEO 073 humanitarian aid, not trade (061)."""
        relief = set(self.lex.classes.get("@relief", ()))  # type: ignore[attr-defined]
        obj = self.object_of(cand.trigger)
        goods = lemma_set(obj) if obj is not None else set()
        if cand.trigger.pos_ == "NOUN":
            goods |= {w for p in preps(cand.trigger, ("of",)) for w in lemma_set(p)}
        if not goods & relief:
            return False
        recipients = [self.doc[t.head] for t in cand.targets if t.head >= 0]
        recipients += preps(cand.trigger, ("to",))
        return any(w.lemma_.lower() in NATURAL_CAUSES or w.lower_ in NATURAL_CAUSES
                   for r in recipients for w in r.subtree if w.i < r.i)

    @staticmethod
    def reporting_state(cand: Candidate) -> Side | None:
        """The country of a state's organ that reports another state's violence against no
        named target ("Ukraine's air force said that Russia had launched 87 drones at the port
        overnight", "the Lebanese army said an Israeli drone strike killed two men"): a state
        reports such an attack as made on it, so it is the target, not the doer's own country.
        An NGO or a state reporting its own forces' act is no such side."""
        if cand.code[:2] not in VIOLENT_ROOTS:
            return None
        doers = {side_country(s) for s in cand.sources if s.match is not None}
        for speaker in cand.reported_by:
            country = side_country(speaker)
            if country and country not in SUPRANATIONAL and country not in doers:
                m = DerivedMatch(country, country, "country", country)
                return Side("", -1, -1, m, -1, 0.8, "reporting state")
        return None

    def gazetteer_place(self, side: Side) -> Side | None:
        """The country of an unresolved target that is the proper name of a place the
        gazetteer knows in one country only ("struck Nabatieh": Lebanon), as a side; None
        otherwise."""
        if side.match is not None or side.head < 0:
            return None
        # the gazetteer is data the places stage also reads; imported here because that stage
        # imports the event codebook (a module-level import would be circular)
        from tidings.places.gazetteer import gazetteer

        # the proper name itself: "Nabatieh", "Oddar Meanchey province", "the town of Nabatieh"
        head = self.doc[side.head]
        heads = [head] + [p for p in preps(head, ("of",)) if p.pos_ == "PROPN"]
        named = next((h for h in heads if h.pos_ == "PROPN"), None)
        if named is None:
            named = next((c for c in children_of(head) if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if named is None:
            return None
        words = [k for k in named.subtree if k.pos_ == "PROPN" and (k.i == named.i or k.dep_ == "compound")]
        name = self.doc[words[0].i:words[-1].i + 1].text
        if name.isupper() and len(name) <= 5:
            return None  # "Niger banned the BBC": an organisation's initials, no place
        places = [p for p in gazetteer().lookup(name) if p.country and p.feature in ("city", "admin")]
        countries = {p.country for p in places}
        if len(countries) != 1:
            return None
        country = countries.pop()
        m = DerivedMatch(country, country, "country", country)
        return Side(side.text, side.start, side.end, m, side.head, 0.8, "named place")

    @staticmethod
    def by_telephone(tok: Token) -> bool:
        """A talk held by telephone or video link (CAMEO 041 "discuss by telephone"), told on
        the verb or, where the parse hangs it there, on its object's words ("discussed grain
        exports and the safety of shipping with Putin in a phone call")."""
        obj = next((c for c in children_of(tok) if c.dep_ == "dobj"), None)
        holders = [p for p in children_of(tok)] + ([p for w in obj.subtree for p in children_of(w)] if obj is not None else [])
        for p in holders:
            # ("by phone", "over the telephone", "in a phone call", "during a video call")
            if p.dep_ == "prep" and p.lower_ in ("by", "over", "via", "on", "in", "during"):
                for o in children_of(p):
                    words = {o.lemma_.lower()} | {c.lemma_.lower() for c in children_of(o) if c.dep_ == "compound"}
                    if o.dep_ == "pobj" and words & CALL_WORDS:
                        return True
        return False

    def aid_abroad(self, cand: Candidate) -> bool:
        """Help sent to another country's disaster ("pledged aid to flood-hit communities in
        Bolivia"): the place it goes to is of another country than the giver's."""
        givers = {side_country(s) for s in cand.sources if s.match is not None}
        if not givers - {None, ""}:
            return False
        place = self.nested_place(cand) or self.where(cand)
        return place is not None and side_country(place) not in givers

    def where(self, cand: Candidate) -> Side | None:
        """The country of the place where the act happens: an in/near/at phrase on the
        trigger, on its governing light verb, on its object or subject."""
        tok = cand.trigger
        anchors = [tok]
        if tok.pos_ == "NOUN" and tok.head.i != tok.i:
            anchors.append(tok.head)
        verbs = [tok]
        if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and child(tok, "nsubj", "nsubjpass") is None:
            # "stormed a school in Kebbi state and abducted 25 girls": a verb sharing its subject
            # with the one before happens where that one did
            anchors.append(tok.head)
            verbs.append(tok.head)
        for v in verbs:
            for dep in ("dobj", "nsubjpass", "nsubj"):
                c = child(v, dep)
                if c is not None and c.pos_ == "NOUN":
                    anchors.append(c)
        for a in anchors:
            for p in preps(a, WHERE_PREPS):
                side = self.res.place(p)
                if side is None and p.lower_ not in WATER_BODIES:
                    for q in preps(p, WHERE_PREPS + ("of",)):
                        side = self.res.place(q)
                        if side is not None:
                            break
                if side is not None:
                    return side
        return None

    @staticmethod
    def fired_into_open_water(cand: Candidate) -> None:
        """A missile fired into the sea is aimed at no one: a show of force (150), no target."""
        if cand.code[:2] in ("18", "19"):
            water = into_open_water(cand.trigger)
            if water is not None and all(t.match is None or t.head in water for t in cand.targets):
                cand.code, cand.targets = "150", []

    def mob_violence(self, cand: Candidate) -> None:
        """ "A mob attacked a mosque": a crowd's violence is a riot (CAMEO 145); a crowd that
        kills kills by assault, as in a lynching (1823).  Protesters who burn, loot or clash, and
        anyone's arson, looting or clashes done in protest ("set tyres alight in protest against
        the election results", "torched shops during protests"), protest violently (145)."""
        if cand.code in ("180", "190") and cand.sources and all(
                s.head >= 0 and self.doc[s.head].lemma_.lower() in MOB_NOUNS for s in cand.sources):
            cand.code = "1823" if cand.trigger.lemma_.lower() in ("kill", "murder") else "145"
            return
        if not (cand.code in ("180", "190") or cand.code.startswith("171")) or not cand.sources:
            return
        if any(str(getattr(s.match, "code", "")).endswith(STATE_FORCE_ROLES) for s in cand.sources):
            return  # troops that burn a village do not protest
        heads = [self.doc[s.head] for s in cand.sources if s.head >= 0]
        protesters = bool(heads) and all(h.lemma_.lower() in PROTESTER_NOUNS for h in heads)
        if protesters or self.in_protest(cand.trigger):
            cand.code = "145"

    def force_on_dissent(self, cand: Candidate) -> bool:
        """A state's forces shooting, beating or killing protesters: CAMEO's violent repression
        (175, "actively repress collective actions of dissent"), not a military engagement,
        whatever the weapon."""
        if cand.code[:2] not in ("18", "19") or cand.code in ("185", "186") or not cand.sources or cand.recip:
            return False  # (a clash is fought by both sides)
        if not all(str(getattr(s.match, "code", "")).endswith(STATE_FORCE_ROLES) for s in cand.sources):
            return False
        dissenters = PROTESTER_NOUNS - {"rioter"}
        if any(t.head >= 0 and self.doc[t.head].lemma_.lower() in dissenters for t in cand.targets):
            return True
        # "fired live ammunition at demonstrators, killing a dozen": whom the act was aimed at
        tok = cand.trigger
        words = event_phrase(tok) + (event_phrase(tok.head) if tok.dep_ == "advcl" and tok.tag_ == "VBG" else [])
        # (and the attack a toll was merged with: "were killed when soldiers opened fire on
        # demonstrators")
        words += [w for i in sorted(cand.span_tokens) if i != tok.i and self.doc[i].pos_ == "VERB"
                  for w in event_phrase(self.doc[i])]
        return any(w.dep_ in ("dobj", "pobj", "nsubjpass") and w.lemma_.lower() in dissenters for w in words)

    @staticmethod
    def against_a_truce(tok: Token) -> bool:
        """Done "in violation of" or "in breach of" a ceasefire, truce or armistice."""
        for p in preps(tok, ("in",)):
            if p.lemma_.lower() in ("violation", "breach"):
                for o in preps(p, ("of",)):
                    if o.lemma_.lower() in TRUCE_NOUNS or any(
                            c.lemma_.lower() in TRUCE_NOUNS for c in children_of(o) if c.dep_ == "compound"):
                        return True
        return False

    def in_protest(self, tok: Token) -> bool:
        """The act is done "in protest (against ...)" or "during protests/demonstrations": a
        phrase on the verb, on the verb it is coordinated with, or on its object."""
        verbs = [tok]
        while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i and len(verbs) < 4:
            verbs.append(verbs[-1].head)
        for v in list(verbs):
            for c in children_of(v):
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                    verbs.append(c)
        # (and on the objects, where the parser may hang it: "looted shops in protest")
        holders = verbs + [c for v in verbs for c in children_of(v) if c.dep_ in ("dobj", "conj") and c.pos_ == "NOUN"]
        for v in holders:
            for p in preps(v, ("in", "during", "amid")):
                if p.lemma_.lower() in PROTEST_NOUNS:
                    return True
        return False

    def capital_struck(self, cand: Candidate) -> None:
        """ "Missiles hit Kyiv": a capital struck by violence is the country's ground, not its
        government (the seat it names in "Kyiv said")."""
        if cand.code[:2] not in VIOLENT_ROOTS:
            return
        for t in cand.targets:
            m = t.match
            if m is not None and getattr(m, "kind", "") == "country" and m.country \
                    and m.code == m.country + "GOV" and self.doc[t.head].pos_ == "PROPN":
                t.match = DerivedMatch(m.country, m.name, "country", m.country)

    def at_sea(self, cand: Candidate) -> bool:
        """The act happens on open water: "seized a tanker in the Strait of Hormuz", "attacked
        ships in the Red Sea" (an in/off/near/through phrase on the trigger or its object)."""
        tok = cand.trigger
        heads = [tok] + [c for c in children_of(tok) if c.dep_ in ("dobj", "nsubjpass")]
        return any(p.lower_ in WATER_BODIES for h in heads
                   for p in preps(h, ("in", "off", "near", "through", "across", "into", "over")))

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
        heads = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [])
        # (the parser often hangs a noun's phrase on its verb: "launched an inquiry | into ...")
        starts += [p for h in heads for p in preps(h, ("to", "for", "on", "against", "with", "into"))
                   if p.pos_ in ("NOUN", "PROPN")]
        queue = [(s, 0) for s in starts]
        seen = 0
        while queue and seen < 24:
            node, depth = queue.pop(0)
            seen += 1
            for c in children_of(node):
                if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" and c.i < node.i \
                        and node.lower_ not in WATER_BODIES:  # "the South China Sea" is no part of China
                    side = self.res.place(c)
                    if side is not None:
                        side.via, side.factor = "nested place", 0.9
                        return side
            if depth >= 4:
                continue
            for c in children_of(node):
                if c.dep_ == "prep" and not (c.lower_ == "of" and node.lower_ in WATER_BODIES):
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
        """ "X claimed that it attacked Z": X claims responsibility (015) towards Z; "X claimed
        that Y attacked Z": X accuses Y (112), and the attack is not coded.  "X said that Y
        attacked Z" codes the attack only: a plain report asserts the act, where an accusation
        (112) charges it without asserting it (the codebook's note on 112); the reporter is kept
        (``reported_by``) to place the target of the violence it reports."""
        if cand.code[:2] < "15" or cand.modality != "asserted":
            return
        node = clause_of(cand.trigger)
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
        mine = {side_country(s) for s in speakers}
        doers = [s for s in cand.sources if s.match is not None]
        if doers and all(side_country(d) in mine for d in doers):
            if not lem & CLAIM_LEMMAS:
                return
            cand.code, cand.sources = "015", speakers
        elif doers and not lem & CLAIM_LEMMAS:
            # a plain report codes the act it reports (its reporter may say whom it was done to)
            if cand.code[:2] in WRONGDOING_ROOTS:
                cand.reported_by = speakers
            return
        elif doers:
            cand.code, cand.sources, cand.targets = "112", speakers, doers
        else:
            return
        cand.recip = False
        cand.span_tokens.add(speech.i)


def _agency_code(sides: list[Side]) -> str | None:
    """166, or 1663 when one is non-governmental, if every named side is an organisation and none
    an armed force; None otherwise."""
    codes = [str(getattr(s.match, "code", "")) for s in sides if s.match is not None]
    if not codes or not all(c.startswith(("NGO", "IGO")) and not c.endswith(("MIL", "PKO")) for c in codes):
        return None
    return "1663" if any(c.startswith("NGO") for c in codes) else "166"
