"""Violence, read as the CAMEO codebook reads it.

* **The specific code.**  CAMEO tells violence apart by its means: aerial weapons 195, artillery,
  tanks and rockets 194, small arms and light weapons 193, improvised bombs 183 (suicide 1831,
  car 1832, roadside 1833), chemical or biological weapons 2041, beatings 182, abduction 181.
  A violent event coded at the generic level (190, 180, 18, 19) takes the specific code when the
  words of its own phrase name the means: the trigger, its subject (the weapon or the unit that
  used it: "warplanes pounded"), its object and the instrument phrases hung on it ("killed in an
  air strike", "attacked with grenades").
* **Not every death is an act.**  Harm caused by nature or accident ("an earthquake killed
  eight", "died in a fire", "a gas cylinder exploded") is no event.  A harm verb with nobody named
  as its doer ("five people were killed") is an event only when the sentence names the violent
  act or its perpetrators ("in an air strike", "gunmen", "clashes").

The word lists below are the project's own, written from the codebook's definitions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.parsed import children_of, parsed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: codes that say "violence" without saying how
GENERIC_VIOLENCE = frozenset({"18", "180", "19", "190", "20", "200", "1823"})

#: (code, words naming the means), most specific first; a word matches a token's lemma or form
MEANS: tuple[tuple[str, frozenset[str]], ...] = (
    ("2041", frozenset("chemical chlorine sarin mustard nerve toxic gas poison gassing "
                       "biological anthrax radiological".split())),
    ("1831", frozenset("suicide kamikaze".split())),
    ("1832", frozenset("car-bomb vbied truck-bomb".split())),
    ("1833", frozenset("roadside ied landmine mine".split())),
    ("195", frozenset("airstrike airstrikes air-strike warplane warplanes jet jets aircraft "
                      "drone drones helicopter helicopters gunship gunships bomber bombers "
                      "aerial air-raid airforce sortie sorties".split())),
    ("183", frozenset("bomb bombs bombing bombings explosive explosives blast blasts explosion "
                      "explosions detonate detonated detonation device devices".split())),
    ("194", frozenset("shell shells shelling shelled artillery mortar mortars rocket rockets "
                      "missile missiles tank tanks howitzer howitzers cannon barrage bombard "
                      "bombarded bombardment katyusha grad".split())),
    ("193", frozenset("gun guns gunfire gunshot gunshots gunman gunmen gunfight firefight shoot "
                      "shot shooting shootings sniper snipers rifle rifles bullet bullets "
                      "machine-gun firing grenade grenades pistol ak-47 kalashnikov".split())),
    ("1822", frozenset("torture tortured torturing".split())),
    # assault by hand or blade, not a weapon of war (a killing so done is 1823)
    ("182", frozenset("stab stabbed stabbing stabbings knife knives knifeman machete machetes "
                      "axe hatchet".split())),
)
#: specific codes a more specific means may still refine, and the codes it may become
REFINABLE: dict[str, frozenset[str]] = {
    "193": frozenset({"194", "195", "2041", "183", "1831", "1832", "1833"}),
    "194": frozenset({"195", "2041"}),
    "183": frozenset({"1831", "1832", "1833"}),
    "195": frozenset({"1831"}),  # "a suicide bomber struck": a person, not an aircraft
}
#: two-word means ("air strike", "car bomb"): (first, second) -> code
MEANS_PAIRS: dict[tuple[str, str], str] = {
    ("air", "strike"): "195", ("air", "strikes"): "195", ("air", "raid"): "195",
    ("air", "raids"): "195", ("air", "force"): "195", ("drone", "strike"): "195",
    ("car", "bomb"): "1832", ("car", "bombing"): "1832", ("truck", "bomb"): "1832",
    ("vehicle", "bomb"): "1832", ("suicide", "bomber"): "1831", ("suicide", "bombing"): "1831",
    ("suicide", "attack"): "1831", ("suicide", "drone"): "195", ("suicide", "drones"): "195",
    ("kamikaze", "drone"): "195", ("kamikaze", "drones"): "195",
    ("roadside", "bomb"): "1833", ("improvised", "explosive"): "1833", ("opened", "fire"): "193",
    ("open", "fire"): "193", ("opens", "fire"): "193", ("tear", "gas"): "175",
}
_ALL_MEANS = frozenset().union(*(vocab for _, vocab in MEANS))
#: which means decides when a phrase names several ("a suicide car bomb": 1831)
_RANK = {c: i for i, c in enumerate(("2041", "1831", "1832", "1833", "195", "183", "194", "193",
                                     "1822", "182", "175"))}
#: verbs of killing: an assault by hand or blade that kills is CAMEO 1823
KILLING_LEMMAS = frozenset("kill murder slay".split())
#: causes that are nobody's act
NATURAL_CAUSES = frozenset(
    "earthquake quake tremor aftershock flood floods flooding deluge rain rains downpour storm "
    "cyclone hurricane typhoon tornado landslide landslides mudslide avalanche tsunami eruption "
    "volcano lightning blaze inferno wildfire bushfire heatwave heat cold drought "
    "famine disease epidemic pandemic outbreak virus cholera covid accident accidents crash "
    "collision derailment stampede collapse leak spill poisoning overdose wind winds snow "
    "snowstorm snowfall snowfalls rainfall hailstorm sandstorm blizzard frost illness cancer disaster locust "
    "locusts pest pests".split())
#: nature that acts as a clause's subject: its causes, and water that leaves its bed ("the river
#: burst its banks, forcing families onto higher ground")
NATURAL_DOERS = NATURAL_CAUSES | frozenset("river rivers mudflow mudflows".split())
#: forces of the economy: what they "hit" or "batter" is hit in a figure ("weak demand hit
#: exports", "inflation battered households")
ECONOMIC_FORCES = frozenset(
    "demand price prices inflation deflation slowdown recession downturn slump shortage shortages "
    "cost costs tariff tariffs unemployment deficit debt currency rate rates volatility sell-off "
    "selloff crash recovery rebound growth boom profit profits revenue revenues earnings "
    "sales sale yen dollar euro pound sterling yuan renminbi rupee peso rand naira shilling lira "
    "ruble rouble won franc ringgit baht rupiah exchange".split())
#: verbs of an accident: a harm told as what one did ("collided with a truck, killing 11") is
#: the accident's
ACCIDENT_VERBS = frozenset("collide crash capsize overturn derail skid topple sink plunge".split())
#: what makes an explosion someone's act rather than an accident
WEAPON_WORDS = frozenset(
    "bomb bombs bomber bombers ied explosive explosives grenade grenades suicide militant minefield "
    "militants insurgent insurgents terrorist terrorists attacker attackers mine landmine "
    "device devices rocket rockets missile missiles shell shells mortar mortars".split())
#: accidental explosions: "a gas cylinder exploded", "a boiler blast"
ACCIDENT_WORDS = frozenset(
    "gas cylinder cylinders boiler boilers factory plant refinery pipeline tanker fireworks "
    "firework chemical chemicals warehouse mine-shaft reactor furnace transformer".split())
#: words for an explosion that do not say whether it was a weapon or an accident
BARE_EXPLOSIONS = frozenset("explosion explosions blast blasts fireball fireballs".split())
#: vehicles: what they strike is a collision ("the tanker was struck by a bulk carrier")
VEHICLES = frozenset("ship ships vessel vessels tanker tankers carrier boat boats ferry truck "
                     "lorry bus car train vehicle".split())
#: explosions: an act only with a weapon or perpetrator in sight
EXPLOSION_LEMMAS = frozenset("explode explosion blast detonate detonation".split())
#: verbs of harm that do not say who did it ("were killed", "injured", "died"), and the verbs
#: that report a harm by its result ("the blast left 14 dead", "claimed the lives of 12"; the
#: lexicon codes them only with such an object)
HARM_LEMMAS = frozenset("kill injure wound hurt maim die perish leave claim".split())
#: words that name a violent act or its perpetrators: with one of them in the sentence, a
#: harm with nobody named as doer is still coded ("five people were killed in clashes")
VIOLENT_CONTEXT = frozenset(
    "attack attacks attacker attackers assault raid raids ambush clash clashes fighting "
    "gunman gunmen militant militants insurgent insurgents rebel rebels terrorist terrorists "
    "assailant assailants jihadist jihadists extremist extremists fighter fighters mob mobs "
    "police policeman policemen troops soldier soldiers army forces militia militiamen bandit "
    "bandits riot riots rioters massacre offensive violence unrest crossfire stabbing stabbings "
    "knife knives knifeman machete machetes arson arsonist arsonists lynching".split())


#: offices whose holders' killing CAMEO calls an assassination (186): political and judicial office
POLITICAL_OFFICES = frozenset(
    "mayor governor minister lawmaker legislator congressman congresswoman congressmember senator mp "
    "parliamentarian politician candidate councillor councilor councilman councilwoman president "
    "premier chancellor judge magistrate prosecutor".split())


def killing(tok: Token) -> bool:
    """A verb that says a person was killed: kill, murder, slay, or a shooting or stabbing that
    says it killed ("shot dead", "gunned down", "stabbed to death")."""
    lemma = tok.lemma_.lower()
    if lemma in KILLING_LEMMAS:
        return True
    if lemma not in ("shoot", "gun", "stab", "hack"):
        return False
    for c in children_of(tok):
        if c.lower_ == "dead" or (c.dep_ == "prt" and c.lower_ == "down" and lemma == "gun"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in children_of(c)):
            return True
    return False


def assassination(trigger: Token, target_heads: list[Token]) -> bool:
    """A killing whose victim holds political or judicial office ("gunmen shot dead the mayor"):
    CAMEO's assassination, whatever the weapon."""
    return killing(trigger) and any(holds_office(h) for h in target_heads)


#: attacks on a person's body, which on an officeholder that survives them are an attempt on
#: their life (CAMEO 185: "attempt but fail to kill politically significant persons")
PERSONAL_ATTACKS = frozenset("shoot stab wound injure attack ambush assault".split())
#: what carries an officeholder, an attack on which is an attack on them
CARRIERS = frozenset("convoy motorcade car vehicle helicopter plane".split())


def attempt_on_life(trigger: Token, target_heads: list[Token]) -> bool:
    """An attack on an officeholder's person or what carries them that did not kill ("the
    judge was shot and wounded", "gunmen ambushed the governor's convoy"): CAMEO's attempt to
    assassinate (a killing is :func:`assassination`)."""
    if trigger.lemma_.lower() not in PERSONAL_ATTACKS or killing(trigger):
        return False
    return any(holds_office(_carried(h) if h.lemma_.lower() in CARRIERS else h) for h in target_heads)


def _carried(carrier: Token) -> Token:
    """Whom a convoy or a car carries, as its possessor or of-phrase names them ("the governor's
    convoy", "the convoy of the governor"); the carrier itself when neither does."""
    for c in children_of(carrier):
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in children_of(c):
                if g.dep_ == "pobj":
                    return g
    return carrier


#: what makes a person "politically significant and influential" in CAMEO 186's words
INFLUENCE_WORDS = frozenset("prominent influential leading".split())


def holds_office(tok: Token) -> bool:
    """The word names an officeholder or a leader: the office itself ("the mayor"), a name
    titled with it ("Prime Minister Robert Fico"), a member of a body that holds office, a
    leader ("a community leader") or a person called prominent or influential."""
    return (tok.lemma_.lower() in POLITICAL_OFFICES or _member_of_a_body(tok) or tok.lemma_.lower() == "leader"
            or (tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in INFLUENCE_WORDS for c in children_of(tok)))
            or (tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lemma_.lower() in POLITICAL_OFFICES
                                            for c in children_of(tok))))


#: bodies whose members hold office ("a member of the provincial assembly")
OFFICE_BODIES = frozenset("assembly parliament senate congress council legislature cabinet court".split())


def _member_of_a_body(tok: Token) -> bool:
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.lemma_.lower() in OFFICE_BODIES:
        tok = tok.head.head  # the side may be named by the body: "a member of the assembly"
    return tok.lemma_.lower() == "member" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in OFFICE_BODIES
        for p in children_of(tok) if p.dep_ == "prep" and p.lower_ == "of" for o in children_of(p))


def _words(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def means_code(words: list[Token]) -> str | None:
    """The most specific CAMEO means the tokens name, or None."""
    found: list[str] = []
    paired: set[int] = set()
    for a, b in zip(words, words[1:]):
        code = MEANS_PAIRS.get((a.lower_, b.lower_)) or MEANS_PAIRS.get((a.lemma_.lower(), b.lower_))
        if code and b.i == a.i + 1:
            found.append(code)
            paired.update((a.i, b.i))  # "a suicide drone" is a drone, not a suicide bomber
    for t in words:
        if t.i in paired:
            continue
        w = _words(t)
        for code, vocab in MEANS:
            if w & vocab:
                found.append(code)
                break
    if not found:
        return None
    return min(found, key=lambda c: _RANK.get(c, 99))


def phrase_tokens(tok: Token, depth: int = 2) -> list[Token]:
    """``tok`` and its dependents down to ``depth``, not crossing into clauses."""
    out = [tok]
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in children_of(t):
                if c.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "conj", "cc", "punct",
                              "mark", "acl"):
                    continue
                nxt.append(c)
        out.extend(nxt)
        frontier = nxt
    return sorted(out, key=lambda t: t.i)


#: explosives laid for a vehicle or a walker to set off
LAID_EXPLOSIVES = frozenset("bomb mine landmine ied device explosive".split())


def ran_onto_explosive(trigger: Token) -> bool:
    """ "Their convoy hit a roadside bomb", "the bus struck a landmine": a vehicle or a patrol
    that ran onto a laid explosive is its victim, not an attacker."""
    return trigger.lemma_.lower() in ("hit", "strike") and trigger.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in LAID_EXPLOSIVES for c in children_of(trigger))


#: verbs of a when-clause that tell what hit the victims of a harm ("killed when a roadside bomb
#: hit their convoy", "when their vehicle struck a landmine", "when a bomb exploded", "when a
#: device ripped through a van")
MEANS_CLAUSE_VERBS = frozenset("hit strike explode detonate blast target ambush rip tear".split())


def event_phrase(trigger: Token) -> list[Token]:
    """The words around a violent trigger that can name its means: the trigger, its subject
    (or passive agent), its objects and the prepositional phrases hung on it (and, for a
    noun, on the verb that governs it: "killed in an air strike")."""
    toks = phrase_tokens(trigger, 3)
    head = trigger.head
    if trigger.dep_ == "relcl" and head.i != trigger.i:
        toks += phrase_tokens(head, 1)  # "a stabbing that killed a man": the act it tells of
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and head.i != trigger.i:
        anchor = head.head if trigger.dep_ == "pobj" else head
        toks += [anchor] + [t for c in children_of(anchor) if c.dep_ in ("prt", "dobj")
                            for t in phrase_tokens(c, 1)]
        if trigger.dep_ == "dobj":
            # "warplanes carried out 15 raids": who carried the act out names its means
            toks += [t for c in children_of(anchor) if c.dep_ in ("nsubj", "agent")
                     for t in phrase_tokens(c, 2)]
    for c in children_of(trigger):
        if c.dep_ in ("nsubj", "nsubjpass", "agent", "prep", "advcl") and c.pos_ != "VERB":
            toks += phrase_tokens(c, 3)
        if c.dep_ == "advcl" and c.lemma_.lower() in MEANS_CLAUSE_VERBS and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after") for m in children_of(c)):
            # "were killed when their patrol was hit by a roadside bomb", "died when their
            # convoy struck a mine": what hit the victims is the means of their death
            toks += [t for k in children_of(c) if k.dep_ in ("nsubj", "agent", "dobj", "prep")
                     for t in phrase_tokens(k, 3)]
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and head.i != trigger.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in children_of(trigger)):
        # "a drone struck a bus, killing one": the harm is done by what the main verb's
        # subject used
        toks += [t for c in children_of(head) if c.dep_ == "nsubj" for t in phrase_tokens(c, 3)]
    # the modifier that makes a means of the deepest noun reached ("killed 30 militants in air
    # strikes": "air" of "strikes")
    toks += [c for t in toks for c in children_of(t) if c.dep_ == "compound"]
    return sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)


def refine(code: str, trigger: Token) -> str:
    """A violent code made specific by the means its phrase names: a generic one (190, 180,
    …) takes any means; a specific one only a more specific means of its own kind ("pounded"
    is artillery, 194, but "warplanes pounded" is aerial, 195; a bombing by a suicide
    attacker is 1831)."""
    if code not in GENERIC_VIOLENCE and code not in REFINABLE:
        return code
    means = means_code(event_phrase(trigger))
    if means is None or means == "175":
        return code
    if code == "1823" and means not in ("1822",):
        return code  # a killing by beating or lynching stays 1823
    if code in REFINABLE and (means not in REFINABLE[code] or _RANK.get(means, 99) >= _RANK.get(code, 99)):
        return code
    if means == "182":
        return by_assault(trigger)
    return means


def by_assault(harm: Token) -> str:
    """The code of a harm done by hand or blade: 1823 when it kills ("the stabbing killed a
    man", "a knife attack left two dead"), else 182."""
    killed = harm.lemma_.lower() in KILLING_LEMMAS or any(
        c.dep_ == "oprd" and c.lower_ == "dead" for c in children_of(harm))
    return "1823" if killed else "182"


#: open water a weapon is fired into when it is aimed at no one (the destination's head word; the
#: sea named for a land, "the Sea of Japan", is ``actors.types.WATER_BODIES``' concern)
OPEN_WATER = frozenset({"sea", "ocean", "water", "waters", "gulf"})


def into_open_water(trigger: Token) -> set[int] | None:
    """ "launched a ballistic missile into the sea", "fired rockets into the Sea of Japan": the
    weapon's only destination is open water (a test or a show of force, CAMEO 150).  The token
    indices of the water's phrase, or None when there is no such phrase or another destination
    ("into the sea toward a tanker")."""
    heads = [trigger] + [c for c in children_of(trigger) if c.dep_ == "dobj"]
    water: set[int] = set()
    for h in heads:
        for prep in children_of(h):
            if prep.dep_ != "prep" or prep.lower_ not in ("into", "toward", "towards", "off", "at", "on"):
                continue
            for obj in children_of(prep):
                if obj.dep_ != "pobj":
                    continue
                if obj.lemma_.lower() not in OPEN_WATER:
                    return None
                water.update(t.i for t in obj.subtree)
    return water or None


#: verbs whose object "fire" is gunfire ("opened fire", "returned fire", "exchanged fire")
GUNFIRE_VERBS = frozenset("open return exchange trade".split())


def _natural_doer(verb: Token, depth: int = 0) -> bool:
    """Whether the verb a participle hangs on tells what nature did: its subject is a storm,
    a flood or a volcano ("Mount Lewotobi erupted", "Typhoon Shanshan battered Kyushu"), also
    through the participles before it ("..., leaving six dead and forcing ...")."""
    subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        words = {w for t in phrase_tokens(subj, 2) for w in _words(t)}
        if words & NATURAL_CAUSES or (verb.lemma_.lower() == "erupt" and subj.pos_ == "PROPN"):
            return True
    # up through the clauses it hangs on: "..., leaving six people dead and forcing ..."
    if verb.dep_ in ("advcl", "conj", "ccomp") and verb.head.i != verb.i and depth < 4:
        return _natural_doer(verb.head, depth + 1)
    return False


def _clause_of(tok: Token) -> Token:
    """The verb a word stands in: itself, or the nearest verb above it (a participle the parser
    coordinated with a noun, "submerging hundreds of homes and forcing families", hangs on the
    noun)."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def natural_cause(trigger: Token, sent: Span) -> bool:
    """Whether the harm or damage the trigger reports was caused by nature or accident: the
    cause is its subject, its by-agent, or an in/by/from/after/during/due-to phrase."""
    if trigger.pos_ == "NOUN" and trigger.lemma_.lower() == "fire" and (
            (trigger.dep_ == "pobj" and trigger.head.lower_ == "under")
            or (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in GUNFIRE_VERBS)):
        return False  # "came under fire", "opened fire on": gunfire, not a blaze
    causes: list[Token] = []
    for c in children_of(trigger):
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            causes.append(c)
        elif c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in", "from", "after", "during",
                                                           "amid", "following", "due", "because", "of"):
            causes.extend(p for p in children_of(c) if p.dep_ in ("pobj", "pcomp", "prep"))
            for p in children_of(c):
                if p.dep_ == "prep":
                    causes.extend(q for q in children_of(p) if q.dep_ == "pobj")
    if trigger.pos_ == "NOUN":
        causes.append(trigger)
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.lemma_.lower() in ACCIDENT_VERBS:
        return True  # "a bus collided with a truck, killing 11 people"
    if trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "conj") and _natural_doer(_clause_of(trigger.head)):
        return True  # "Typhoon Shanshan battered Kyushu, leaving six dead and forcing 1,000 to flee"
    for clause in children_of(trigger) if trigger.lemma_.lower() in HARM_LEMMAS else []:
        # (only a harm: "opened fire when the car came toward him" is still a shooting)
        if clause.dep_ == "advcl" and any(m.lower_ == "when" for m in children_of(clause)) and not (
                ran_onto_explosive(clause)) and (
                clause.lemma_.lower() in ACCIDENT_VERBS or _natural_doer(clause)
                or any(c.dep_ == "nsubj" and _words(c) & VEHICLES for c in children_of(clause))):
            return True  # "were killed when an overcrowded bus plunged into a ravine"
    for cause in causes:
        words = {w for t in phrase_tokens(cause, 2) for w in _words(t)}
        # the kind of a cause is in its head or the compound before it ("lightning strikes")
        kind = _words(cause).union(*(_words(c) for c in children_of(cause) if c.dep_ == "compound"))
        if kind & NATURAL_CAUSES:
            return True
        if _words(cause) & {"explosion", "explosions", "blast", "blasts", "fire"} and not (words & WEAPON_WORDS) \
                and not shooters_fire(cause):
            if words & ACCIDENT_WORDS or not _sentence_has(sent, WEAPON_WORDS | VIOLENT_CONTEXT):
                return True
        if words & ACCIDENT_WORDS and _words(cause) & {"cylinder", "boiler", "leak", "spill"}:
            return True
    return False


#: who shoot, named before the fire they shoot ("army fire", "sniper fire", "tank fire")
SHOOTERS = frozenset("army police troop troops soldier soldiers tank sniper artillery enemy military naval "
                     "navy mortar gun machine-gun rifle security force forces militant militants rebel rebels "
                     "gunmen gunman government regime".split())


def shooters_fire(cause: Token) -> bool:
    """Fire named by who shot it: a people or a state ("Israeli fire", "Pakistani fire") or a
    force or a weapon ("army fire", "sniper fire", "tank fire"): gunfire, not a blaze."""
    if cause.lower_ != "fire":
        return False
    return any(c.dep_ in ("amod", "compound", "nmod", "poss") and (
        c.ent_type_ in ("NORP", "GPE", "ORG") or c.lemma_.lower() in SHOOTERS or c.lower_ in SHOOTERS)
        for c in children_of(cause))


def accidental_explosion(trigger: Token, sent: Span) -> bool:
    """ "a gas cylinder exploded", "a blast at the chemical plant": an explosion with no
    weapon or perpetrator anywhere in the sentence, or with an accident's source named."""
    phrase = {w for t in event_phrase(trigger) for w in _words(t)}
    if phrase & WEAPON_WORDS:
        return False
    if phrase & ACCIDENT_WORDS:
        return True
    return not _sentence_has(sent, WEAPON_WORDS | VIOLENT_CONTEXT)


def violent_context(sent: Span, besides: Token | None = None) -> bool:
    """Whether the sentence names a violent act, its means or its perpetrators (an explosion
    counts only when nothing in the sentence makes it an accident); with ``besides``, in words
    other than that token ("gunmen attacked" does; "the senator attacked the plan" does not)."""
    skip = besides.i if besides is not None else None
    own = {besides.lower_, besides.lemma_.lower()} if besides is not None else set()
    words = _sentence_words(sent, skip) - own
    if not words.isdisjoint(VIOLENT_CONTEXT | WEAPON_WORDS):
        return True
    # (an explosion or a gas with no weapon or perpetrator in sight is no sign of violence)
    if (words - BARE_EXPLOSIONS - {"gas", "toxic", "chemical"}) & _ALL_MEANS:
        return True
    lower = parsed(sent.doc).lower
    return any((lower[i], lower[i + 1]) in MEANS_PAIRS for i in range(sent.start, sent.end - 1)
               if skip not in (i, i + 1))  # "an air strike"


def disaster_context(sent: Span) -> bool:
    """A sentence about a disaster or accident and no violence: its responses (evacuations,
    relief, orders to residents) are not political events."""
    return _sentence_has(sent, NATURAL_CAUSES | ACCIDENT_WORDS | BARE_EXPLOSIONS) and not violent_context(sent)


def _sentence_words(sent: Span, skip: int | None = None) -> set[str]:
    """The sentence's word forms and lemmas, lower case, read from the doc's columns (all but
    the token at ``skip``)."""
    view = parsed(sent.doc)
    if skip is None:
        lower = view.lower[sent.start:sent.end]
        return set(lower) | {lemma.lower() for lemma in view.lemma[sent.start:sent.end]}
    return {w for i in range(sent.start, sent.end) if i != skip
            for w in (view.lower[i], view.lemma[i].lower())}


def _sentence_has(sent: Span, vocab: frozenset[str]) -> bool:
    return not vocab.isdisjoint(_sentence_words(sent))
