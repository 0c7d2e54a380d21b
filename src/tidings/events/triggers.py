"""Triggers and their participants: which lexicon entry a verb, event noun or adjective fires,
who does it (subject, by-agent, possessor, light-verb subject) and to whom (object, the entry's
prepositions, the actor inside a non-actor object)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.candidate import Candidate
from tidings.events.conventions import (
    ADJUNCT_PREPS,
    ASPECTUAL_VERBS,
    CEASING_NOUNS,
    CEASING_VERBS,
    JOINT_ROOTS,
    LETTING_VERBS,
    LIGHT_VERBS,
    LOCATIVE_ROOTS,
    MATERIAL_ROOTS,
    PATIENT_NOUNS,
    PLACE_NOUNS,
    SENDING_VERBS,
    SUBJ_DEPS,
    UNDERGO_VERBS,
    UNDER_VERBS,
    VIOLENT_ROOTS,
    ceased,
)
from tidings.events.evaluations import judgement
from tidings.events.joint import cooperation_code, joint_object
from tidings.events.lexicon import NOT_CODED, Entry
from tidings.events.participants import (
    PERSONAL_TIES,
    PRIVATE_PERSONS,
    UNIT_NOUNS,
    Side,
    conjuncts,
    named_keys,
    side_kind,
    side_role,
)
from tidings.events.senses import ARMED_ROLES, ARMED_WORDS, LABOUR_SENSE, MILITARY_SENSE, sentence_words, strike_sense
from tidings.events.syntax import (
    TIME_SPANS,
    TIME_UNITS,
    AMOUNT_NOUNS,
    after_apposition,
    child,
    headline_subject,
    hyphenated,
    is_passive,
    lemma_set,
    lemmas,
    negated,
    object_preps,
    opening_order,
    participle_with_object,
    prep_names,
    preps,
)
from tidings.parsed import children_of, parsed

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.events.lexicon import Entry


#: verbs whose subject event did not (or not yet) take place ("attacks were foiled")
NON_OCCURRENCE = frozenset("prevent avert foil thwart stop block deter plan plot fear threaten "
                           "rule deny ban outlaw prohibit condemn warn discuss consider".split())
#: verbs that make someone do their complement: the act is the complement's ("forced the
#: police to open fire", "prompting troops to retreat")
COMPEL_VERBS = frozenset("force compel oblige prompt cause drive".split())
#: verbs whose to-object is what their subject does ("resorted to firing")
RESORT_VERBS = frozenset({"resort", "turn", "proceed"})
#: verbs of beating back an attack, whose subject is its target; the phrasal ones need "back"
#: or "off" ("pushed back an offensive", "fought off an assault")
REPEL_VERBS = frozenset("repel repulse withstand rebuff fend thwart foil".split())
REPEL_PHRASAL = frozenset("push beat fight drive".split())
#: instruments that act for whoever issues them ("an order imposing tariffs", "a decree banning")
DOCUMENT_NOUNS = frozenset("order decree law bill directive resolution regulation proclamation "
                           "memorandum edict ordinance statement declaration communique communiqué "
                           "letter report petition motion".split())
#: verbs by which the subject makes an instrument its own ("signed an order imposing tariffs"); one
#: who vetoes, rejects or blocks a resolution does not do what the resolution says
AUTHOR_VERBS = frozenset("sign issue adopt pass approve enact introduce draft propose submit table "
                         "announce decree promulgate unveil publish release put".split())
#: verbs that put someone under a state: "placed under house arrest", "kept under arrest"
CUSTODY_VERBS = frozenset("place put keep hold".split())
#: verbs whose with-phrase names what their subject did in answer: "retaliated with tariffs",
#: "responded with air strikes on Gaza"
ANSWER_VERBS = frozenset("retaliate respond react reply counter answer".split())
#: verbs whose object is the target of what their with-phrase names: "hit Russia with new
#: sanctions", "slapped China with tariffs"
PUNISH_WITH_VERBS = frozenset("hit slap target punish".split())
#: verbs whose subject does the act an event noun after a preposition names: "resorted to a
#: lathi-charge", "went on hunger strike", "embarked on a fast", "retaliated with tariffs"
TAKE_UP_VERBS = {"to": RESORT_VERBS,
                 # "went on strike", "has been on hunger strike for 30 days", "is on a visit to India"
                 "on": frozenset({"go", "embark", "set", "be", "remain", "stay"}),
                 # "20,000 people gathered in a peaceful protest", "marched in a rally"
                 "in": frozenset({"gather", "assemble", "participate", "march", "rally", "converge", "engage",
                                  "succeed"}),  # "engaged in talks", "succeeded in its mediation"
                 # "were converging for a rally in Lagos", "gathered for a protest"
                 "for": frozenset({"gather", "assemble", "converge"}),
                 "with": ANSWER_VERBS | PUNISH_WITH_VERBS}
#: verbs of giving whose object can be the receiver, with what is given in a with-phrase
GIVE_WITH_VERBS = frozenset({"provide", "supply", "equip", "furnish", "arm"})
#: verbs whose object is not who does their to-complement: "made it to", and instruments
#: ("police used water cannon to disperse the crowd": the police disperse it)
NOT_DOERS = frozenset({"make", "use", "employ", "utilise", "utilize",
                       # and contacts made for a purpose: "telephoned his counterpart to
                       # congratulate him", "visited Kenya to sign the deal": the caller does it
                       "phone", "telephone", "ring", "visit"})
#: verbs of acts done to someone, never used without an object in the active voice
OBJECT_VERBS = frozenset("kill injure wound arrest detain abduct kidnap shoot behead lynch "
                         "torture execute capture hurt".split())
#: verbs of acts on someone or something that, unlike OBJECT_VERBS, also stand alone ("rebels
#: attacked at dawn"); with no object of their own they share the next verb's
SHARING_VERBS = frozenset("attack raid storm ambush surround besiege encircle shell bomb loot "
                          "torch burn demolish bulldoze search".split())
#: verbs of judging what someone said or did, which are never used without what they judge:
#: with no object of their own they share the next verb's ("condemned and rejected India's claims")
JUDGING_VERBS = frozenset("condemn denounce criticise criticize slam blast deplore decry reject dismiss deny "
                          "refute welcome praise hail applaud accuse blame".split())
#: verbs whose object event did take place ("residents reported heavy shelling")
WITNESS_VERBS = frozenset("report witness see hear survive confirm record suffer".split())
#: nouns that take their act from a modifier ("a mediation effort", "a bombing campaign")
TRANSPARENT_NOUNS = frozenset("effort bid campaign mission initiative drive operation wave spate package "
                              "series round spree".split())
#: nouns of goods given, whose giver may be named only as the goods' country ("the handover of
#: Russian wheat to Namibia")
GIFT_NOUNS = frozenset("handover donation gift".split())
#: what is come under as an attack of unnamed means: "came under fire", "came under heavy fire"
UNDER_ATTACK_NOUNS = frozenset({"fire"})
#: who fire and what they fire, beside the armed words of ``senses``: fire come under in their
#: sentence is shooting
FIRING_WORDS = frozenset("fighter fighters gunfire sniper snipers mortar mortars rocket rockets drone drones "
                         "tank tanks shell shells force forces gunboat gunboats shot shots".split())
#: those whose fire is words: "came under fire from the opposition", "from critics"
CRITICS = frozenset("opposition critic lawmaker legislator senator mp party union activist campaigner "
                    "group press media newspaper commentator economist analyst opponent rival".split())
#: titles of those one talks with: "discussed ... with his counterpart", "with Japan's prime minister"
INTERLOCUTORS = frozenset("counterpart leader president minister premier chancellor".split())
#: verbs that leave their object in a state: "leaving the deal in limbo"
LEAVING_VERBS = frozenset({"leave", "keep"})
#: what one party charges another with, which a denial or rejection names
ACCUSATION_NOUNS = frozenset("accusation allegation claim charge".split())
#: nouns that count acts ("dozens of arrests", "a number of raids")
COUNT_NOUNS = frozenset("dozen dozens hundred hundreds thousand thousands score scores number "
                        "handful couple series wave spate string".split())
#: nouns whose of-object is a cause that happened ("as a result of torture")
CAUSE_NOUNS = frozenset({"result", "consequence", "aftermath", "wake", "victim", "because"})
#: what an act of violence leaves: "killed in", "dead in", "casualties of"
HARM_WORDS = frozenset("kill die injure wound hurt maim dead injured wounded destroy damage "
                       "flatten raze displace flee perish casualty death toll victim".split())


def relative_antecedent(word: Token | None, verb: Token) -> Token | None:
    """The noun a relative pronoun stands for when it is the object of its clause ("the
    diplomats whom Argentina expelled", "the ship which was seized"): the relative clause
    hangs on that noun.  Any other word is itself."""
    if word is not None and word.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and word.head.i == verb.i:
        return verb.head
    return word


def shared_object(tok: Token) -> Token | None:
    """The object a verb shares with the verb coordinated after it: "police beat and detained
    dozens of demonstrators" (both verbs act on the demonstrators).  Only a verb with no
    object, particle or clause of its own, joined by "and"/"or" to an active verb (the caller
    asks that the verb be one that takes an object: "police arrived and arrested" shares none)."""
    if any(c.dep_ in ("dobj", "prt", "ccomp", "xcomp", "prep", "attr", "acomp", "nsubjpass")
           for c in children_of(tok)):
        return None
    for c in children_of(tok):
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i and not is_passive(c) and not any(
                k.dep_ in SUBJ_DEPS for k in children_of(c)) and any(
                k.dep_ == "cc" and k.lower_ in ("and", "or") for k in children_of(tok)):
            return child(c, "dobj") or object_after_adjunct(c)
    return None


def infinitive_of(noun: Token) -> Token | None:
    """The to-infinitive a noun takes as its complement ("the refusal to extradite", "a threat
    to close the strait"), or None."""
    return next((c for c in children_of(noun) if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
                 and c.i > noun.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))), None)


def object_after_adjunct(tok: Token) -> Token | None:
    """An object put after a short adjunct, as heavy objects are ("released on bail three
    Singaporean men", "freed without charge two reporters"), which the parser reads as part of
    the adjunct: the noun phrase that a number or determiner starts right after the adjunct's bare
    noun (no English noun phrase runs "bail three men").  None when the verb has an object of its
    own."""
    if child(tok, "dobj") is not None:
        return None
    doc = tok.doc
    for p in children_of(tok):
        if p.dep_ != "prep" or p.i < tok.i or p.i + 2 >= len(doc):
            continue
        bare, start = doc[p.i + 1], doc[p.i + 2]  # "on bail", "without charge", then "three"
        if bare.tag_ not in ("NN", "VB") or start.tag_ not in ("CD", "DT"):
            continue
        head = start
        for _ in range(6):
            if head.dep_ in ("nummod", "det", "amod", "compound", "nmod", "quantmod") and head.head.i > head.i:
                head = head.head
            else:
                break
        if head.i > start.i and head.tag_ in ("NNS", "NNPS", "NN") and (
                p.left_edge.i <= head.i <= p.right_edge.i or head.head.i == bare.i):
            return head  # (the parse may make the bare noun a verb with the object its own)
    return None


#: codes of aid given or promised (CAMEO 033 "express intent to provide material aid" and its
#: kinds, 07 "provide aid")
AID_GIVING = frozenset({"033", "070", "071", "072", "073", "074", "075"})
#: what aid is given for, in a place ("for drought relief in Madagascar")
AID_PURPOSES = frozenset("relief reconstruction recovery rebuilding rehabilitation development project "
                         "programme program effort operation response".split())
#: verbs whose subject is what the act was done to ("died in clashes", "perished in the shelling")
VICTIM_SUBJECT_VERBS = frozenset({"die", "perish"})
#: adverbs that are a phrasal verb's particle when they follow the verb
ADVERB_PARTICLES = frozenset("back away down out off up ahead on".split())
#: heads naming an organisation: their modifiers say who it is ("aid groups", "relief agencies"),
#: never what is given (a team or workers sent are the help sent: "sent rescue teams")
BODY_HEADS = frozenset("group agency organisation organization charity ngo body".split())
#: nouns that name an act and the body it makes ("formed an alliance"; "the alliance said")
GROUP_ACT_NOUNS = frozenset("alliance coalition federation union confederation bloc".split())
#: a time allowed to do something ("gave them 48 hours to leave"): an ultimatum's
TIME_ALLOWED = frozenset("hour day week month deadline ultimatum".split())
#: institutions English names without an article when it means going there for what is done
#: there ("left court", "went to hospital", "out of prison")
BARE_INSTITUTIONS = frozenset("court school hospital prison jail gaol church college university office work "
                              "home class".split())
#: verbs that give someone an ultimatum
ULTIMATUM_VERBS = frozenset("give issue hand serve".split())


def hands_of(tok: Token) -> Token | None:
    """The doer named by "at the hands of X" on a harm or on the verb its noun hangs on ("were
    killed at the hands of the police", "suffered torture at the hands of the militia")."""
    holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.head.i != tok.i else [])
    for h in holders:
        for hands in preps(h, ("at",)):
            if hands.lemma_.lower() == "hand":
                for doer in preps(hands, ("of",)):
                    return doer
    return None


#: verbs of reacting to an act, which take it as done: "condemned the arrest of ..."
REACTION_VERBS = frozenset("condemn denounce criticise criticize deplore decry mourn regret protest "
                           "investigate probe welcome praise hail applaud".split())


#: verbs that hold their object to account for an act named in their over- or for-phrase,
#: which is that object's own: "condemned Libya over the seizure of a Maltese trawler",
#: "sanctioned Iran for the detention of ...", "thanked Qatar for mediation between ..."
ACCOUNT_VERBS = frozenset("condemn denounce criticise criticize rebuke censure reprimand slam blast fault "
                          "sanction punish fine praise thank hail applaud commend".split())


#: nouns a relative clause with no relative word hangs on as its time, manner or reason, not
#: its object ("the day police arrested him", "the way they attacked")
GAP_ADJUNCTS = TIME_SPANS | TIME_UNITS | frozenset("time moment reason way manner place morning evening".split())


def object_gap(verb: Token) -> bool:
    """A relative clause with a subject of its own but no relative word and no object ("the three
    journalists it arrested last month", "the sanctions Washington slapped on two brokers"):
    English leaves out the relative pronoun only where it would be the object, so the noun the
    clause hangs on is what the verb does its act to."""
    head = verb.head
    return verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
        and head.lemma_.lower() not in GAP_ADJUNCTS \
        and any(c.dep_ == "nsubj" for c in children_of(verb)) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") or c.tag_ in ("WDT", "WP", "WP$", "WRB")
                    for c in children_of(verb))


def need_objects(tok: Token, obj: Token | None, names: frozenset[str]) -> list[Token]:
    """The objects of the named prepositions hung on the verb or on its object ("blocked access
    to the website"), or of a particle that takes one ("was taken off the air")."""
    found = preps(tok, tuple(names)) + (preps(obj, tuple(names)) if obj is not None and obj.i != tok.i else [])
    found += [o for c in children_of(tok) if c.dep_ == "prt" and c.lower_ in names
              for o in children_of(c) if o.dep_ == "pobj"]
    # a gerund stands as the preposition's object: "barred him from leaving the country"
    found += [o for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in names
              for o in children_of(c) if o.dep_ == "pcomp" and o.tag_ == "VBG"]
    return found


def trade_partners(barred: list[Token]) -> list[Token]:
    """Whom the things a ban or a restriction is on are traded with: the with-phrases of those
    things ("a freeze on trade with Spain", "lifted curbs on trade with Nepal")."""
    return [q for h in barred for q in preps(h, ("with",))]


#: relative words that stand for the object of their clause ("the tanker, which Iran seized")
OBJECT_RELATIVES = frozenset({"which", "whom", "that"})


def misread_relative(verb: Token) -> Token | None:
    """The noun a relative clause is about, when the parse misread the clause's subject and
    verb as a noun and a participle describing it ("the tanker, which Iranian commandos seized
    last month, is ...", "the journalist, whom Ethiopian police arrested in May, was ..."): the
    relative word right before that noun, hung elsewhere, is the clause's object, so the verb's
    object is the noun before the relative word and the participle's noun its subject.  A
    participle that has an object, a passive subject or a by-phrase of its own is one."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.pos_ not in ("NOUN", "PROPN") \
            or head.i > verb.i or any(c.dep_ in ("dobj", "nsubjpass", "agent") or (c.dep_ == "prep" and c.lower_ == "by")
                                      for c in children_of(verb)):
        return None
    doc = verb.doc
    rel = head.left_edge.i - 1
    if rel < 1 or doc[rel].lower_ not in OBJECT_RELATIVES or doc[rel].tag_ not in ("WDT", "WP") \
            or doc[rel].head.i == verb.i:
        return None
    before = rel - 1 if doc[rel - 1].lower_ != "," else rel - 2
    if before < 0 or doc[before].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[before]


def owner_words(noun: Token) -> list[Token]:
    """The words that may name whose an act noun is: its possessive, or a name or nationality
    modifying it ("Israel's strike", "Russian claims", "Moscow shelling")."""
    return [c for c in children_of(noun) if c.dep_ == "poss" or (
        c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"))]


def shifted_object(verb: Token) -> Token | None:
    """An object put after the "as" predicate it is judged by ("dismissed as baseless Israel's
    accusations"), which the parse reads as the object of "as": a noun owned by a possessive with
    the predicate adjective before it (a predicate noun, "denounced as an ugly crime the
    suppression of ...", is not read)."""
    for p in children_of(verb):
        if p.dep_ != "prep" or p.lower_ != "as":
            continue
        for o in children_of(p):
            if o.dep_ != "pobj":
                continue
            owner = next((c for c in children_of(o) if c.dep_ == "poss"), None)
            # (the parse may hang the adjective on the owner: "baseless Israel")
            if owner is not None and any(c.dep_ == "amod" and c.i < owner.i
                                         for c in list(children_of(o)) + list(children_of(owner))):
                return o
    return None


#: participles that say someone is held ("kidnapped schoolgirls", "detained journalists")
CAPTIVE_MARKS = frozenset("kidnapped abducted detained jailed imprisoned captured held abductee".split())
#: units of time that say how long before or after something an act came ("days before the vote")
INTERVAL_UNITS = TIME_SPANS | {"minute"}


def object_before_interval(verb: Token) -> Token | None:
    """An object the parse took for a modifier of the interval after it, as headlines run them
    together ("Police arrest opposition leader days before vote", "Kenya recalls ambassador months
    after row"): the noun right before a time unit that is followed by "before", "after" or "ago"."""
    for c in children_of(verb):
        if c.dep_ != "npadvmod" or c.lemma_.lower() not in INTERVAL_UNITS or c.i + 1 >= len(c.doc):
            continue
        if c.doc[c.i + 1].lower_ not in ("before", "after", "ago", "later", "earlier"):
            continue
        before = c.doc[c.i - 1]
        if before.head.i == c.i and before.dep_ in ("compound", "nmod") and before.pos_ in ("NOUN", "PROPN"):
            return before
    return None


def measured_acts(noun: Token) -> list[Token]:
    """A noun and, for a noun that counts acts ("a fresh round of sanctions", "a wave of
    arrests"), the acts it counts."""
    if noun.lemma_.lower() not in COUNT_NOUNS | TRANSPARENT_NOUNS:
        return [noun]
    return [noun, *(o for p in children_of(noun) if p.dep_ == "prep" and p.lower_ == "of"
                    for o in children_of(p) if o.dep_ == "pobj")]


def carried_by_measure(tok: Token) -> Token:
    """The word that stands in the clause for an act counted by a measure ("round" in "hit with
    a fresh round of sanctions"), else the act itself."""
    count = counted_by(tok)
    if count is not None and count.lemma_.lower() in COUNT_NOUNS | TRANSPARENT_NOUNS:
        return count
    return tok


def counted_by(tok: Token) -> Token | None:
    """The word ``tok`` is the of-object of ("dozens" in "dozens of arrests"), or None."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        return head.head
    return None


class Roles:
    """A verb's voice, object and subject, found on first use."""

    def __init__(self, coder: Triggers, tok: Token) -> None:
        self.coder, self.tok = coder, tok
        self._done = False

    def _find(self) -> None:
        if self._done:
            return
        self._done = True
        tok = self.tok
        self.passive = is_passive(tok)
        about = misread_relative(tok) if self.passive else None
        if about is not None and self.coder.takes_object(tok):
            # "the tanker, which Iranian commandos seized": the commandos seized the tanker
            self.passive = False
            self._obj, self._subj, self._sfactor = about, tok.head, 0.9
            return
        if self.passive:
            obj = child(tok, "nsubjpass")
            if obj is None and tok.dep_ in ("acl", "amod"):
                obj = tok.head
            if obj is None and tok.dep_ == "advcl" and tok.tag_ == "VBN":
                obj = child(tok.head, "nsubj")  # "the airline, helped by a recovery in demand, ...": the one helped
            doer = self.coder.agent(tok)
            if tok.dep_ == "conj" and is_passive(tok.head):
                # "were convicted and sentenced", "were released by Indian authorities and handed
                # over": both done to them, by the one doer named
                obj = obj or child(tok.head, "nsubjpass")
                doer = doer or self.coder.agent(tok.head)
            if doer is None and child(tok, "agent") is None:
                # "were beaten and tortured by agents of the service": the by-phrase of the last
                # participle names the doer of all
                later = next((c for c in children_of(tok) if c.dep_ == "conj" and c.tag_ == "VBN"
                              and child(c, "agent") is not None), None)
                doer = self.coder.agent(later) if later is not None else None
            self._obj, self._subj, self._sfactor = relative_antecedent(obj, tok), doer, 1.0
        else:
            obj = child(tok, "dobj")
            if obj is not None and tok.lemma_.lower() in ULTIMATUM_VERBS and obj.lemma_.lower() not in TIME_ALLOWED:
                # "gave a former minister living abroad a two-week ultimatum", "gave Boko Haram
                # fighters an ultimatum": the parse makes the one given it the object and hangs
                # the ultimatum lower; what is given is the ultimatum
                given = next((w for w in tok.subtree if w.i > obj.i and w.dep_ == "dobj"
                              and w.lemma_.lower() in ("ultimatum", "deadline")), None)
                obj = given or obj
            if obj is None and self.coder.takes_object(tok):
                obj = object_after_adjunct(tok) or shared_object(tok)
            if obj is None:
                # a small clause: "found the president guilty" (the parser makes "guilty" a
                # clause with its own subject): that subject is the verb's object
                small = next((c for c in children_of(tok) if c.dep_ == "ccomp" and (
                    c.pos_ == "ADJ" or (tok.lemma_.lower() in LETTING_VERBS and c.pos_ == "VERB"))), None)
                obj = child(small, "nsubj") if small is not None else None  # "allowed inspectors to visit"
            if obj is None:
                obj = self.coder.object_read_as_clause(tok)  # "imposed asset freezes on ..."
            if obj is None and object_gap(tok) and self.coder.takes_object(tok):
                obj = tok.head  # "the journalists it arrested", "the sanctions Washington slapped on"
            if obj is None:
                obj = shifted_object(tok)  # "dismissed as baseless Israel's accusations"
            if obj is None:
                obj = object_before_interval(tok)  # "dissolves opposition party weeks after"
            subj, sfactor = self.coder.subject(tok)
            if obj is None and subj is not None:
                named = self.coder.stranded_relative(tok, subj)
                if named is not None:
                    obj, subj = subj, named  # "the sanctions Washington slapped on two brokers"
            if obj is None and subj is not None and self.coder.elided_passive(tok, subj):
                # "4 policemen and 4 civilians also killed": a casualty report without "were"
                self.passive, obj, subj, sfactor = True, subj, None, 1.0
            elif obj is None and subj is not None and self.coder.passive_by_agent(tok, subj):
                # "Tunisian fishermen freed by Libyan coast guard": a headline's passive
                self.passive, obj, subj, sfactor = True, subj, self.coder.agent(tok), 1.0
            self._obj, self._subj, self._sfactor = relative_antecedent(obj, tok), subj, sfactor

    @property
    def obj(self) -> Token | None:
        self._find()
        return self._obj

    @property
    def subj(self) -> Token | None:
        self._find()
        return self._subj

    @property
    def sfactor(self) -> float:
        self._find()
        return self._sfactor

    @property
    def voice_passive(self) -> bool:
        """The voice as written (a casualty report without "were" still reads active here)."""
        if self._done:
            return self.passive
        return is_passive(self.tok)


#: what an ``obj=`` list names for a proper name that is a place (see ``Triggers.named_place``)
PLACE_NAME = "@place"
#: what an ``obj=`` list names for people named by name or nationality ("five Americans",
#: "Evan Gershkovich"), which no list of common nouns can hold
PEOPLE_NAME = "@people"
#: what an ``obj=`` list names for a state the actors know by its name or its capital ("suspended
#: Niger from all AU activities", "expelled Russia from the council")
STATE_NAME = "@state"
#: what an ``obj=`` list names for a news outlet the actors know as a country's media ("suspended
#: Radio France Internationale", "banned Deutsche Welle")
MEDIA_NAME = "@media"


#: the entry behind an undertaking begun together (``Triggers.joint_undertaking``)
JOINT_UNDERTAKING = Entry(kind="V", key="joint undertaking", code="060", line=0, recip=True, origin="events/joint.py")


#: what forces are sent to do when they are sent to protect (CAMEO 074), and whom
PROTECTING = frozenset("protect defend guard shield safeguard".split())
PROTECTED = frozenset("civilian population resident villager refugee people worker convoy minority community "
                      "family citizen".split())


#: verbs of going or being somewhere, whose "for" phrase says what the trip is for
#: verbs of consulting whose object is what is talked over, not who ("discussed Ukraine")
TOPIC_VERBS = frozenset("discuss debate review".split())
TRIP_VERBS = frozenset("be arrive travel fly head go come land stay return".split())


def _stranded_subject(verb: Token) -> Token | None:
    """A noun phrase held as an apposition inside the phrase that opens the verb's clause, set off
    by a comma and ending right before the verb: the subject the parse misplaced."""
    doc = verb.doc
    start = verb.left_edge.i
    for a in doc[start:verb.i]:
        if (a.dep_ == "appos" and a.pos_ in ("NOUN", "PROPN") and a.left_edge.i > start
                and doc[a.left_edge.i - 1].text == "," and a.right_edge.i + 1 == verb.i):
            return a
    return None


def subject_kinds(subj: Token) -> set[str]:
    """What a subject is, for an entry's subj=: its lemma, and for a unit ("a contingent of
    police officers", "two companies of troops") what the unit is of."""
    kinds = {subj.lemma_.lower()}
    if subj.lemma_.lower() in UNIT_NOUNS:
        kinds |= {o.lemma_.lower() for p in children_of(subj) if p.dep_ == "prep" and p.lower_ == "of"
                  for o in children_of(p) if o.dep_ == "pobj"}
        # ("a Kenyan police contingent": what the unit is of, named before it)
        kinds |= {c.lemma_.lower() for c in children_of(subj) if c.dep_ in ("compound", "nmod") and c.i < subj.i}
    if subj.lemma_.lower() in CONVEYANCES:
        # "a convoy of lorries carrying flour", "aid trucks", "a shipment of medicine": a vehicle
        # or a load is what it carries
        kinds |= lemma_set(subj)
        kinds |= {k for p in children_of(subj) if p.dep_ == "prep" and p.lower_ == "of"
                  for o in children_of(p) if o.dep_ == "pobj" for k in lemma_set(o)}
    return kinds


#: vehicles and loads, described by what they carry
CONVEYANCES = frozenset("convoy truck lorry shipment consignment cargo airlift flight plane ship vessel "
                        "load delivery".split())




def both_parties(verb: Token, subj: Token | None) -> bool:
    """A reciprocal act whose subject names both parties, which then need no with-phrase: "the
    Kenyan and Tanzanian foreign ministers spoke by phone", "the presidents of Chile and Peru met",
    "the two leaders spoke", "sat down together"."""
    if any(c.dep_ == "advmod" and c.lower_ in ("together", "jointly") for c in children_of(verb)):
        return True
    if subj is None:
        return False
    if any(c.dep_ == "conj" for c in children_of(subj)):
        return True  # "Kenya and Tanzania spoke"
    if subj.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("nummod", "det") and c.lower_ in ("two", "both") for c in children_of(subj)):
        return True
    # coordinated modifiers or of-phrase objects: "the Kenyan and Tanzanian ministers", "the
    # presidents of Chile and Peru"
    named = [c for c in children_of(subj) if c.dep_ in ("amod", "compound", "nmod")] + [
        o for p in children_of(subj) if p.dep_ == "prep" and p.lower_ == "of" for o in children_of(p) if o.dep_ == "pobj"]
    return any(g.dep_ == "conj" for n in named for g in children_of(n))


def between_phrases(thing: Token) -> list[Token]:
    """The objects of the between-phrases anywhere in a noun phrase ("a memorandum of
    understanding on fisheries between Kenya and Tanzania")."""
    return [p for t in thing.subtree if t.pos_ in ("NOUN", "PROPN") for p in preps(t, ("between",))]


def ceased_act(inner: Candidate, code: str, tok: Token, named: Token, sources: list[Side],
               targets: list[Side]) -> Candidate:
    """The act ``inner`` (named by the word ``named``) ceased by the word ``tok``: coded ``code``,
    the word that names the act taken into the span and consumed (it is no act of its own)."""
    cand = Candidate(inner.entry, code, tok, sources, targets, False, confidence=inner.confidence)
    cand.span_tokens |= {tok.i, named.i} | inner.span_tokens
    cand.consumed |= {named.i} | inner.consumed
    return cand


def gerund_verbs(word: str) -> list[str]:
    """The verbs a gerund may be of ("storming": "storm"; "closing": "close"; "shutting":
    "shut")."""
    if not word.endswith("ing") or len(word) < 6:
        return []
    base = word[:-3]
    out = [base, base + "e"]
    if len(base) > 2 and base[-1] == base[-2]:
        out.append(base[:-1])
    return out


#: prepositions that place one act in the time of another, which took place ("following the
#: storming of the embassy", "amid the shelling of the city")
TIME_OF_ACT = frozenset("after following since amid amidst during".split())


class Triggers:
    # ------------------------------------------------------------------ subjects
    def subject(self, tok: Token, depth: int = 0) -> tuple[Token | None, float]:
        """The token that does what ``tok`` says, and a confidence factor for how it was found."""
        datelines = self.res.datelines
        c = next((k for k in children_of(tok) if k.dep_ in SUBJ_DEPS and k.i not in datelines), None)
        if c is None:
            # "MANILA, July 8 (Kyodo) -- Japan and the Philippines signed ...": a parse that took
            # the dateline's place for the subject holds the subject as the place's apposition
            c = next((a for k in children_of(tok) if k.dep_ in SUBJ_DEPS and k.i in datelines
                      for a in children_of(k) if a.dep_ == "appos" and a.i not in datelines), None)
        if c is None or c.dep_ == "dep":
            c = headline_subject(tok) or c  # "US to ease sanctions ..., Treasury says"
        if c is None and tok.pos_ == "VERB":
            # "UNHCR criticised Greece ...": a name the parse took for an adverbial noun before
            # the verb that opens the clause, where nothing else stands
            c = next((k for k in children_of(tok) if k.dep_ == "npadvmod" and k.pos_ == "PROPN"
                      and k.i < tok.i and k.left_edge.i == tok.sent.start and k.ent_type_ not in ("DATE", "TIME")
                      and k.i not in datelines), None)
        if (c is None or c.dep_ == "csubj") and tok.pos_ == "VERB":
            # "Save the Children accused Sudan ...": a name that opens with a verb, read as a
            # clause of its own before the verb; its object is the name's head
            opener = next((k for k in children_of(tok) if k.dep_ in ("advcl", "csubj") and opening_order(k)), None)
            c = (child(opener, "dobj") if opener is not None else None) or c
        if (c is None or (c.tag_ == "VBG" and c.pos_ == "VERB")) and tok.dep_ in ("ROOT", "ccomp"):
            # "Meeting in Doha, the prime minister of Qatar ... signed", "After talks in Doha, the
            # prime minister ... signed": the parse took the opening phrase for the subject, or hung
            # the subject on it as an apposition; the noun phrase after its comma, running up to the
            # verb, is the subject
            c = _stranded_subject(tok) or c
        if c is not None:
            if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":  # "rebels who attacked"
                return tok.head, 0.9
            return c, 1.0
        if depth > 4 or tok.head.i == tok.i:
            return None, 1.0
        head = tok.head
        if tok.dep_ == "relcl":
            return (None, 1.0) if is_passive(tok) else (head, 0.9)
        if tok.dep_ == "acl":
            if tok.tag_ == "VBD" and head.dep_ == "dobj" and opening_order(head.head):
                # "Save the Children called on Israel to ...": a name that opens with a verb is
                # read as an order, and the clause's own verb hung on its object
                return head, 0.9
            if (tok.tag_ == "VBD" and (tok.sent.root.pos_ in ("NOUN", "PROPN") or child(tok, "dobj") is not None)) \
                    or after_apposition(tok) or participle_with_object(tok):
                # a finite past verb the parser hung on a noun in a sentence with no verb of its
                # own ("Venezuela's minister called on Washington to ..."), or with an object of
                # its own before the attribution ("Suspected fighters abducted 50 pupils ...,
                # officials said": a participle hung on a noun takes no object) is the main verb
                return head, 0.9
            if tok.tag_ == "VBG" and head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ == "dobj":
                if head.head.lemma_.lower() not in AUTHOR_VERBS:
                    return head, 0.9  # "vetoed a resolution calling for": the resolution calls
                # "signed an order imposing tariffs": the one who signs or issues the
                # instrument does what it does
                s, f = self.subject(head.head, depth + 1)
                if s is not None:
                    return s, f * 0.9
            return (head, 0.9) if tok.tag_ == "VBG" else (None, 1.0)
        if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
            s, f = self.subject(head.head, depth + 1)  # "the ministers are due to meet"
            return s, f * 0.95
        if tok.dep_ == "xcomp":
            obj = child(head, "dobj")
            if obj is not None and head.lemma_ not in NOT_DOERS:
                return obj, 0.95
            if is_passive(head):  # "the police were forced to open fire"
                obj = child(head, "nsubjpass")
                if obj is not None:
                    return obj, 0.95
            s, f = self.subject(head, depth + 1)
            return s, f * 0.95
        if tok.dep_ == "conj":
            if is_passive(head) != is_passive(tok):
                return None, 1.0
            s, f = self.subject(head, depth + 1)
            return s, f * 0.95
        if tok.dep_ == "dep" and head.pos_ == "VERB" and head.i < tok.i and tok.tag_ == head.tag_ == "VBD" \
                and not is_passive(tok) and not is_passive(head):
            # a second verb of the same tense the parse left unattached is a coordinate one:
            # "detained four herders who had crossed the frontier, then released them"
            s, f = self.subject(head, depth + 1)
            return s, f * 0.9
        if tok.dep_ == "pcomp" and head.lower_ in ("of", "for", "with", "from") and head.head.i != head.i:
            accused = child(head.head, "dobj") or child(head.head, "nsubjpass")
            if accused is not None:  # "accused Y of attacking Z": Y is said to have attacked;
                return accused, 0.9  # "stopped the mob from burning shops": the mob would burn
        if tok.dep_ in ("advcl", "pcomp") or (tok.dep_ == "pobj"):
            anchor = head.head if tok.dep_ == "pcomp" else head
            if anchor.pos_ in ("VERB", "AUX"):
                s, f = self.subject(anchor, depth + 1)
                return s, f * 0.85
        return None, 1.0

    def agent(self, tok: Token) -> Token | None:
        objs = preps(tok, ("by",))
        if not objs:
            # "a grant was disbursed to Sri Lanka's districts by Japan's aid agency": the parser
            # hangs the agent's by-phrase on the noun of the phrase before it
            objs = self.stray_agents(tok, ("to", "into", "from", "in", "at", "on", "for", "with"))
        if not objs and is_passive(tok):
            # "Zambia was given a loan by the World Bank": a passive's kept object is what was
            # given, and the by-phrase the parse hangs on it is the giver's
            objs = [o for d in children_of(tok) if d.dep_ == "dobj" for o in preps(d, ("by",))]
        if not objs:
            # "were killed by Russian shelling": the by-phrase names an act by a gerund, whose
            # doer is the people, state or force named before it
            objs = [m for c in children_of(tok) if c.dep_ == "agent" for g in children_of(c)
                    if g.dep_ == "pcomp" and g.tag_ == "VBG"
                    for m in children_of(g) if m.dep_ in ("amod", "compound", "poss", "nmod") and m.i < g.i]
        return objs[0] if objs else hands_of(tok)

    def stray_agents(self, tok: Token, names: tuple[str, ...]) -> list[Token]:
        """By-phrases the parser hangs on the noun of one of ``tok``'s own phrases ("disbursed to
        Sri Lanka's districts by Japan's aid agency"): the doer's, unless that noun is an act
        noun, whose own doer it names ("killed in raids by"); an act noun the verb's act is done
        with is its means, and the doer is one ("was threatened with sanctions by Kenya")."""
        return [o for p in preps(tok, names)
                if p.pos_ in ("NOUN", "PROPN") and (p.head.lower_ == "with" or not self.lex.act_noun(p.lemma_.lower()))
                for o in preps(p, ("by",))]

    # ------------------------------------------------------------------ entry choice
    def choose(self, entries: list[Entry], tok: Token, obj: Token | None, subj: Token | None,
               comp: Token | None, particle: str | None) -> Entry | None:
        ordered = [e for e in entries if e.particle == particle] if particle else []
        ordered += [e for e in entries if e.particle is None]
        names = prep_names(tok) | (prep_names(obj) if obj is not None else set())
        if obj is not None and obj.i != tok.i and set(lemmas(tok)) & TOPIC_VERBS:
            # (the partner of a talk may hang inside its topic: "discussed exports and the safety
            # of shipping with Putin")
            names |= {w.lower_ for w in obj.subtree if w.dep_ == "prep" and w.i > obj.i}
        obj_words: set[str] = set()
        if obj is not None and any(e.obj for e in ordered):
            obj_words = lemma_set(obj)
            if obj.pos_ == "PRON" and obj.lower_ in ("them", "him", "her", "it") and obj.dep_ == "dobj":
                # a pronoun object is what it stands for: "detained 14 fishermen and released
                # them", where what is released is fishermen
                word = self.res.antecedent_word(obj)
                if word is not None:
                    obj_words |= lemma_set(word)
            if obj.i != tok.i:
                # "moved armoured vehicles and 2,000 troops", "troops, tanks": every thing moved
                obj_words = obj_words.union(*(lemma_set(c) for c in conjuncts(obj)[1:4]))
            if any(c.dep_ == "amod" and c.lower_ in CAPTIVE_MARKS for c in children_of(obj)):
                obj_words.add("captive")  # "freed kidnapped schoolgirls": whoever is held is a captive
            if obj.i == tok.i and tok.pos_ == "NOUN":
                # "a ban on seafood imports", "an embargo on arms": what a noun of barring is on
                # names what it bars
                obj_words |= set().union(*(lemma_set(p) for p in preps(tok, ("on",))))
            if obj.i != tok.i and obj.pos_ == "NOUN" and obj.lemma_.lower() in PATIENT_NOUNS:
                # "welcomed the release of the opposition leader": the act, not whom it was done to
                obj_words = {obj.lemma_.lower(), obj.lower_}
            if obj.lemma_.lower() in BODY_HEADS:
                # "gave aid groups a week": a group's modifiers say who it is, not what is given
                obj_words = {obj.lemma_.lower(), obj.lower_}
            if not self.asking_noun(obj) and any(
                    c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in children_of(c))
                    for c in children_of(obj)):
                # (what a demand or proposal says should be done is asked, not alleged: "the EU's
                # demand that Tehran halt enrichment")
                obj_words.add("allegation")  # "the claims that troops had violated the ceasefire"
            if obj.lemma_.lower() in AMOUNT_NOUNS or any(
                    k.ent_type_ == "MONEY" or k.tag_ == "$" for k in obj.subtree if k.i <= obj.i):
                # "pledged $500m", "provided $20m in food aid": a sum of money, given in what its
                # in-phrase names, or taken from what its from-phrase names ("cut $85m from its aid")
                given_in = preps(tok, ("in", "from"))
                obj_words |= set().union(*(lemma_set(p) for p in given_in)) if given_in else {"money"}
            if obj.i != tok.i:
                # the role an object is taken in names what is taken: "accepted Qatar as a mediator"
                obj_words |= {w for p in preps(tok, ("as",)) + preps(obj, ("as",)) for w in lemma_set(p)}
                # the state the act leaves its object in counts as its object: "set it ablaze"
                for c in children_of(tok):
                    if c.dep_ == "prep" and c.lower_ == "on" and any(
                            o.dep_ == "pobj" and o.lower_ == "fire" for o in children_of(c)):
                        obj_words.add("fire")  # "set the parliament on fire"
                    if c.dep_ == "prep" and c.lower_ == "in" and c.i > obj.i and tok.lemma_.lower() in LEAVING_VERBS:
                        # "leaving the deal in limbo": the state the object is left in
                        obj_words |= {o.lemma_.lower() for o in children_of(c) if o.dep_ == "pobj"}
                    if c.dep_ == "oprd" or (c.dep_ in ("advmod", "acomp") and c.i > obj.i) or (
                            c.dep_ == "ccomp" and c.pos_ == "ADJ" and obj.head.i == c.i):
                        obj_words |= lemma_set(c)
                for c in children_of(obj):
                    if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == obj.i + 1 and not any(
                            k.dep_ in ("dobj", "nsubj", "nsubjpass", "agent") for k in children_of(c)):
                        obj_words |= lemma_set(c)  # "left 30 people wounded": a bare participle
            if any(c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
                   for c in children_of(tok)):
                # "gave the groups a week to stop": the time allowed before an act is demanded
                obj_words |= {c.lemma_.lower() for c in children_of(tok) if c.dep_ in ("npadvmod", "dobj")
                              and c.lemma_.lower() in TIME_ALLOWED and child(c, "advmod") is None}
            if any(PLACE_NAME in e.obj for e in ordered) and self.named_place(obj, subj):
                obj_words.add(PLACE_NAME)
            if any(PEOPLE_NAME in e.obj for e in ordered) and self.named_people(obj):
                obj_words.add(PEOPLE_NAME)
            if any(STATE_NAME in e.obj for e in ordered) and self.named_state(obj):
                obj_words.add(STATE_NAME)
            if any(MEDIA_NAME in e.obj for e in ordered) and self.named_media(obj):
                obj_words.add(MEDIA_NAME)
            if any({MILITARY_SENSE, LABOUR_SENSE} & e.obj for e in ordered):
                sense = strike_sense(obj, self.res.side)
                if sense is not None:
                    obj_words.add(sense)
        for e in ordered:
            if e.obj and (obj is None or not (obj_words & e.obj)):
                continue
            if e.subj and (subj is None or not (subject_kinds(subj) | self.doer_marks(subj, e.subj)) & e.subj):
                continue
            if e.need and not (names & e.need) and not (e.recip and both_parties(tok, subj)):
                continue
            if e.pobj and not any(lemma_set(p) & e.pobj for p in need_objects(tok, obj, e.need)):
                continue
            if e.xc:
                if comp is None:
                    continue
                if "*" not in e.xc and not (set(lemmas(comp)) & e.xc):
                    continue
            if e.plural and tok.tag_ not in ("NNS", "NNPS", "VBZ"):  # (a plural misread: see nominal_gerund)
                continue
            return e
        return None

    def accusers(self, obj: Token) -> list[Side]:
        """Who made the accusation a denial or rejection names: its possessor, a nationality
        before it or its by-phrase ("Israel's accusations", "Russian claims that", "accusations
        by the army"), when named; none for an accusation of no one's."""
        if obj.lemma_.lower() not in ACCUSATION_NOUNS:
            return []
        for o in [c for c in owner_words(obj) if c.i < obj.i] + preps(obj, ("by", "from")):
            sides = [x for x in self.res.sides(o) if x.match is not None]
            if sides:
                return sides
        return []

    def answered_doer(self, tok: Token) -> list[Side]:
        """Whom an answer is aimed at: the doer of the act it answers ("vowed to retaliate for
        Norway's expulsion of 14 diplomats", "would respond with force to any shelling by
        Armenian troops"): the act's possessor or its by-phrase."""
        for p in preps(tok, ("to", "for")):
            doers = [c for c in children_of(p) if c.dep_ == "poss"] or object_preps(p, ("by",))
            for d in doers:
                sides = self.res.sides(d)
                if any(x.match is not None for x in sides):
                    return sides
        return []

    def answered_by_act(self, tok: Token) -> bool:
        """The verb only frames an act coded on its own: "retaliated by expelling two
        diplomats" (the by-phrase's verb), "retaliated with tariffs", "hit Russia with
        sanctions" (the with-phrase's event noun, done by the verb's subject).  In the passive
        the verb keeps its own reading ("the town was hit with rockets"), save a punishment
        that is no blow: "was hit with sanctions by the US Treasury" (done by the agent to the
        subject)."""
        verbs = set(lemmas(tok))
        if verbs & ANSWER_VERBS and any(
                c.dep_ == "pcomp" and self.lex.entries("V", c.lemma_.lower())
                for p in children_of(tok) if p.dep_ == "prep" and p.lower_ == "by" for c in children_of(p)):
            return True
        if not verbs & TAKE_UP_VERBS["with"]:
            return False
        nouns = [self.lex.entries("N", n.lemma_.lower()) for p in preps(tok, ("with",)) for n in measured_acts(p)]
        if is_passive(tok):
            return bool(verbs & PUNISH_WITH_VERBS) and any(
                es and all(e.code[:2] not in VIOLENT_ROOTS for e in es) for es in nouns)
        return any(nouns)

    def custody(self, tok: Token) -> tuple[list[Side], Token | None]:
        """For an act under "under" after place/put/keep/hold ("was placed under house arrest",
        "put the editor under arrest"): who undergoes it and who does it.  The parser may hang
        "under" on the object ("placed the leader under")."""
        head = tok.head
        verb = head.head if tok.dep_ == "pobj" and head.lower_ == "under" else None
        if verb is not None and verb.dep_ in ("dobj", "nsubjpass") and not set(lemmas(verb)) & CUSTODY_VERBS:
            verb = verb.head
        if verb is None or verb.i == head.i or not set(lemmas(verb)) & CUSTODY_VERBS:
            return [], None
        if is_passive(verb):
            return self.res.sides(child(verb, "nsubjpass")), self.agent(verb)
        return self.res.sides(self.object_of(verb)), self.subject(verb)[0]

    def come_under(self, tok: Token) -> Token | None:
        """The one who undergoes an act named under "under" after "come" ("the convoy came
        under attack", "came under heavy fire from rebels"): the verb's subject, else None."""
        head = tok.head
        if not (tok.dep_ == "pobj" and head.lower_ == "under" and head.head.i != head.i):
            return None
        verb = head.head
        if not set(lemmas(verb)) & UNDER_VERBS:
            return None
        return self.subject(verb)[0]

    def fire_of_words(self, tok: Token, undergoer: Token) -> bool:
        """Fire come under from a speaker, in a sentence that names no arms or armed people: the
        from-phrase names critics ("the opposition", "critics"), or an actor with no armed role
        that is a person or an office, or that fire was come under by a person or an office."""
        source = self.from_phrase(tok)
        if source is None or sentence_words(tok.sent) & (ARMED_WORDS | FIRING_WORDS):
            return False
        if source.lemma_.lower() in CRITICS:
            return True  # "from the opposition", "from critics"
        side = self.res.side(source)
        if side is None or side.match is None or side_role(side) in ARMED_ROLES:
            return False
        # a speaker named as a person or an office ("Uganda's foreign minister"), or fire come
        # under by a person or an office ("the prime minister came under fire from Nairobi");
        # a post or a patrol under a state's fire is shot at (``undergoer``: who came under it)
        return side_kind(side) in ("person", "role") or side_kind(self.res.side(undergoer)) in ("person", "role")

    @staticmethod
    def from_phrase(tok: Token) -> Token | None:
        """Who an undergone act came from: a from-phrase on the noun or on its verb ("came
        under fire from Taliban fighters")."""
        for h in (tok, tok.head.head):
            for p in preps(h, ("from",)):
                return p
        return None

    @staticmethod
    def repelled(verb: Token) -> bool:
        """A verb of beating back an attack: its subject is who was attacked ("Ukrainian forces
        repelled a Russian assault", "pushed back an offensive")."""
        lemma = verb.lemma_.lower()
        if lemma in REPEL_VERBS:
            return True
        return lemma in REPEL_PHRASAL and any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "off") for c in children_of(verb))

    def stranded_relative(self, verb: Token, subj: Token) -> Token | None:
        """A relative clause with no relative word that the parse read as a subject and its
        apposition ("the sanctions Washington slapped on two brokers": "sanctions" as the
        subject, "Washington" beside it): when the noun is what the verb's lexicon entries name
        as their object, the name right after it is the doer and the noun the object."""
        if subj.dep_ != "nsubj" or subj.pos_ != "NOUN" or child(verb, "dobj") is not None:
            return None
        named = next((c for c in children_of(subj) if c.dep_ == "appos" and c.i == subj.i + 1
                      and c.pos_ == "PROPN" and c.i < verb.i), None)
        if named is None:
            return None
        words = {subj.lemma_.lower(), subj.lower_}
        if not any(words & e.obj for v in lemmas(verb) for e in self.lex.entries("V", v)):
            return None
        return named

    def object_read_as_clause(self, tok: Token) -> Token | None:
        """An object noun the parse read as the verb of a clause, with the noun before it as the
        clause's subject: "imposed asset freezes and travel bans on ..." ("asset" the subject of
        "freezes").  Taken back when the verb has no object of its own, the clause has no
        marker or auxiliary of a clause, its subject is a bare common noun, and the word is one
        the verb's lexicon entries take as an object."""
        if child(tok, "dobj") is not None:
            return None
        for c in children_of(tok):
            if c.dep_ != "ccomp" or c.tag_ != "VBZ" or c.i < tok.i:
                continue
            if any(k.dep_ in ("mark", "aux", "auxpass", "neg", "dobj") for k in children_of(c)):
                continue
            subj = child(c, "nsubj")
            if subj is None or subj.tag_ not in ("NN", "NNS") or subj.i < tok.i or any(
                    k.dep_ in ("det", "poss") for k in children_of(subj)):
                continue
            word = c.lemma_.lower()
            if any(word in e.obj for v in lemmas(tok) for e in self.lex.entries("V", v)):
                return c
        return None

    def takes_object(self, tok: Token) -> bool:
        """A verb used with an object: one never used without ("kill", "detain"), or one the
        lexicon codes by its object ("beat" demonstrators, "seize" a town)."""
        verbs = set(lemmas(tok))
        return bool(verbs & (OBJECT_VERBS | SHARING_VERBS | JUDGING_VERBS)) or any(
            e.obj for v in verbs for e in self.lex.entries("V", v))

    def doer_marks(self, subj: Token, wanted: frozenset[str]) -> set[str]:
        """``@labour`` for a subject the actors know as labour when an entry's subj= asks for
        it: a union or federation named by its own name ("the Nigeria Labour Congress
        threatened to strike"), which no list of common nouns can hold."""
        if LABOUR_SENSE in wanted and side_role(self.res.side(subj)) == "LAB":
            return {LABOUR_SENSE}
        return set()

    def named_people(self, obj: Token) -> bool:
        """People named by name, by nationality or by the office or calling the actors know them
        by: "Evan Gershkovich", "five Americans", "two Britons" (a plural the actors read as a
        country's people), "the mayor", "a former minister"; and a pronoun object standing for
        such people ("detained four Kyrgyz herders, then released them")."""
        if obj.pos_ == "PRON" and obj.lower_ in ("them", "him", "her") and obj.dep_ == "dobj":
            word = self.res.antecedent_word(obj)
            if word is None or word.pos_ == "PRON":
                return False
            obj = word
        if obj.pos_ not in ("NOUN", "PROPN"):
            return False
        if obj.ent_type_ in ("NORP", "PERSON"):
            return True
        side = self.res.side(obj)
        if side is None or side.match is None:
            return False
        kind = getattr(side.match, "kind", "")
        return kind in ("person", "role") or (kind == "country" and obj.tag_ in ("NNS", "NNPS"))

    def named_state(self, obj: Token) -> bool:
        """A state named by its name or its seat of government ("Niger", "Moscow")."""
        if obj.pos_ != "PROPN":
            return False
        side = self.res.side(obj)
        return side is not None and side.match is not None and getattr(side.match, "kind", "") == "country"

    def named_media(self, obj: Token) -> bool:
        """A news outlet named by its name, which the actors know as a country's media ("the
        BBC", "Radio France Internationale")."""
        if obj.pos_ != "PROPN":
            return False
        side = self.res.side(obj)
        return side is not None and side.match is not None and str(getattr(side.match, "code", "")).endswith("MED")

    def named_place(self, obj: Token, subj: Token | None) -> bool:
        """A proper name taken by an armed doer that names no person or group of the article:
        a place ("rebels captured Goma", "troops retook Kherson").  The small parser often
        takes an unfamiliar town for a person, so the entity label is not asked; a police
        force's "captured Guzman" is an arrest."""
        if obj.pos_ != "PROPN" or subj is None:
            return False
        doer = self.res.side(subj)
        if doer is None or doer.match is None or str(getattr(doer.match, "code", "")).endswith(("COP", "JUD")):
            return False
        taken = self.res.side(obj)
        return taken is None or taken.match is None or getattr(taken.match, "kind", "") == "country"

    def ceasing(self, tok: Token) -> Candidate | None:
        """ "stopped mediating between the factions", "will halt sending arms to Kyiv": an act
        ceased, told by its gerund, is the code that undoes it (``conventions.CEASED``), by the
        ceasing verb's subject; the gerund is no act of its own."""
        comp = next((c for c in children_of(tok) if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG"), None)
        if comp is None:
            return None
        inner = self.verb(comp, as_complement=True)
        code = ceased(inner.code) if inner is not None else None
        if inner is None or code is None:
            return None
        return ceased_act(inner, code, tok, comp, inner.sources, inner.targets)

    def ceasing_noun(self, tok: Token) -> Candidate | None:
        """ "the suspension of mediation", "a halt in Danish military aid to Kenya": an act ceased,
        told by the act noun of the ceasing noun's of- or in-phrase, is the code that undoes it,
        by the act's doer or else the ceasing noun's possessor; the act noun is no act of its own."""
        inner_tok = next((p for p in preps(tok, ("of", "in")) if p.pos_ == "NOUN"), None)
        if inner_tok is None:
            return None
        inner = self.noun(inner_tok, as_complement=True)
        code = ceased(inner.code) if inner is not None else None
        if inner is None or code is None:
            return None
        sources = [s for s in inner.sources if s.match is not None] or [
            s for c in children_of(tok) if c.dep_ == "poss" for s in [self.res.side(c)] if s is not None
        ] or [s for p in preps(tok, ("by",)) + preps(inner_tok, ("by",)) for s in self.res.sides(p)]
        if not any(s.match is not None for s in sources) and tok.dep_ == "dobj" \
                and set(lemmas(tok.head)) & LIGHT_VERBS and not is_passive(tok.head):
            # "Kenya announced the suspension of talks": the light verb's subject ceases the act
            subj, _ = self.subject(tok.head)
            sources = [s for s in self.res.sides(subj) if s.match is not None] or sources
        targets = inner.targets or [s for p in preps(tok, ("to", "for", "with")) for s in self.res.sides(p)][:1]
        return ceased_act(inner, code, tok, inner_tok, sources, targets)

    # ------------------------------------------------------------------ verbs
    def verb(self, tok: Token, as_complement: bool = False) -> Candidate | None:
        if not self.may_trigger(tok):
            return None
        compound = hyphenated(tok)
        if compound is not None and compound[0].i == tok.i and self.lex.entries("N", compound[2]) and \
                not self.lex.entries("V", compound[2]):
            return self.noun(tok, as_complement)  # "a sit-in", parsed around a verb
        if self.answered_by_act(tok):
            return None
        if not as_complement and set(lemmas(tok)) & CEASING_VERBS:
            stopped = self.ceasing(tok)
            if stopped is not None:
                return stopped
        if not as_complement and set(lemmas(tok)) & (COMPEL_VERBS | ASPECTUAL_VERBS):
            comp = child(tok, "xcomp")
            if comp is not None and comp.pos_ == "VERB" and self.verb(comp, as_complement=True) is not None:
                # "forced the police to open fire", "began sharing missile data": the act is the
                # complement's (the beginning of an act is no act of its own)
                return None
        entries: list[Entry] = []
        if compound is not None and compound[0].i == tok.i:
            entries = self.lex.entries("V", compound[2]) or self.lex.entries("V", compound[1])
        for lemma in lemmas(tok) if not entries else ():
            entries = self.lex.entries("V", lemma)
            if entries:
                break
        if not entries and not self.table_knows(tok):
            return None
        roles = Roles(self, tok)
        entry = None
        # "provided Ukraine with air defence systems": the with-object is what is given and the
        # object who receives it
        verb_lemmas = set(lemmas(tok))
        given = preps(tok, ("with",)) if roles.obj is not None and verb_lemmas & GIVE_WITH_VERBS else []
        if not given and roles.obj is not None and is_passive(tok):
            # "aid agencies were granted access by the junta": the object a passive keeps is what
            # is given, its subject the one who receives it
            given = [c for c in children_of(tok) if c.dep_ == "dobj"][:1]
        if entries:
            prt = child(tok, "prt")
            if prt is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "RP" \
                    and tok.doc[tok.i + 1].dep_ == "quantmod":
                # a particle the parser read as "more than" before a number: "to hand over 14
                # tonnes"
                prt = tok.doc[tok.i + 1]
            if prt is None:
                # the parser may make the particle an adverb: "pushed back hundreds of migrants"
                prt = next((c for c in children_of(tok) if c.dep_ == "advmod" and c.i == tok.i + 1
                            and c.lower_ in ADVERB_PARTICLES), None)
            if prt is None and roles.obj is not None and roles.obj.head.i == tok.i:
                # or after the object it is split from: "handed control of the town back to the army"
                prt = next((c for c in children_of(tok) if c.dep_ == "advmod" and c.i == roles.obj.right_edge.i + 1
                            and c.lower_ in ADVERB_PARTICLES), None)
            if prt is None:
                # "ordered MSF out of Tigray": "out of" after the object, read as a preposition
                prt = next((c for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "out"
                            and any(g.dep_ == "prep" and g.lower_ == "of" for g in children_of(c))), None)
            chosen_by = given[0] if given else roles.obj
            if chosen_by is None and verb_lemmas & ANSWER_VERBS:
                # "would respond with force": what one answers with is what the act is done with
                # (the parse may hang it on what is answered: "respond to any provocation with
                # overwhelming force")
                chosen_by = next(iter(preps(tok, ("with",)) + [w for p in preps(tok, ("to",)) for w in preps(p, ("with",))]),
                                 None)
            entry = self.choose(entries, tok, chosen_by, roles.subj,
                                self.complement(tok), prt.lower_ if prt is not None else None)
        if entry is None:
            # the verb table reads only what it needs of the context (most verbs it knows are
            # settled by their lemma alone)
            entry = self.table_entry(tok, roles)
        if entry is None or entry.code == NOT_CODED:
            return None
        if entry.code[:2] == "16" and roles.obj is not None and roles.obj.lemma_.lower() in BARE_INSTITUTIONS \
                and roles.obj.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "compound", "amod", "nmod")
                                                       for c in children_of(roles.obj)):
            return None  # "as he left court": an institution named bare is where one goes, no body quit
        if roles.obj is not None and roles.obj.i != tok.i and roles.obj.pos_ == "NOUN" and self.sense_excluded(roles.obj):
            return None  # "was weighing a hostile takeover bid": what is done to a firm's bid is no political act
        obj, subj, sfactor = roles.obj, roles.subj, roles.sfactor
        comp = self.complement(tok)
        if comp is None and entry.frame is not None and (entry.frame in ("appeal", "demand") or obj is None):
            # "threatened on Sunday to outlaw the party": with no object of its own, a frame
            # verb's to-infinitive that the parser hung as a purpose is its complement
            comp = self.request_clause(tok)
        if entry.rev:
            src_toks = preps(tok, entry.src) or (object_preps(obj, entry.src) if obj is not None and entry.src else [])
            sources = self.res.sides(src_toks[0]) if src_toks else []
            if not src_toks and obj is not None and obj.i != tok.i:
                # "won a $1.1 billion IMF bailout": the giver named before what it gave
                givers = [x for c in children_of(obj) if c.dep_ in ("compound", "poss", "amod") and c.pos_ == "PROPN"
                          for x in self.res.sides(c) if x.match is not None]
                sources = givers[:1] or sources
            doer = self.doer_of_act(subj) if subj is not None and entry.code[:2] == "11" else None
            # (criticism an act has drawn is aimed at its doer: "the arrest by the police has
            # drawn condemnation")
            targets = [doer] if doer is not None else self.res.sides(subj)
        else:
            sources = self.res.sides(subj)
            for s in sources:
                s.factor *= sfactor
            targets = self.res.sides(obj) if given else self.targets(tok, obj, entry)
            if verb_lemmas & ANSWER_VERBS and not any(t.match is not None for t in targets):
                targets = self.answered_doer(tok) or targets
            if entry.recip and not any(x.match is not None for x in sources):
                # "an accord was signed between Egypt and the UAE", "a memorandum between
                # Malaysia and Indonesia was signed", "trade between Syria and Iraq resumed": the
                # parties a reciprocal act's thing is between are its parties
                parties = self.parties_between((preps(tok, ("between",)) if is_passive(tok) else [])
                                               + (between_phrases(obj) if obj is not None else []))
                if parties:
                    sources, targets = parties, []
            if not sources and self.shown_force(entry, roles):
                sources = self.res.sides(obj)  # "police were deployed in the area"
                for s in sources:
                    s.factor *= 0.9
                    s.via = "force shown"
        parties = len(named_keys(sources)) > 1
        if not any(t.match is not None for t in targets) and entry.code[:2] in LOCATIVE_ROOTS \
                and not (parties and entry.recip):  # "police and protesters clashed in Nairobi"
            for p in preps(tok, ("in", "into")) + (preps(obj, ("in",)) if obj is not None else []):
                place = self.res.place(p)
                if place is not None:
                    targets = [place]
                    break
        if verb_lemmas & TAKE_UP_VERBS["on"] and self.act_noun_taken_up(tok):
            return None  # "embarked on an indefinite strike": the act is the noun's, the verb is light
        if entry.code == "042" and verb_lemmas & {"head", "go"} and not any(t.match is not None for t in targets):
            return None  # "voters head to the polls": going to no one's place is no visit
        cand = Candidate(entry, entry.code, tok, sources, targets, entry.recip,
                         confidence=entry.conf)
        cand.span_tokens.add(tok.i)
        if entry.code[:2] == "04" and parties and verb_lemmas & TOPIC_VERBS and not preps(tok, ("with",)):
            # "Putin and Trump discussed Ukraine": parties that consult together consult each
            # other; what they take up is the topic
            cand.recip, cand.targets = True, []
        for prep, verbs in TAKE_UP_VERBS.items():
            if verb_lemmas & verbs:  # "went on a rampage": the verb's own reading is the act
                cand.consumed.update(p.i for p in preps(tok, (prep,)))
        if cand.code == "196":
            # "broke the truce by shelling government positions": the shelling is how the truce
            # was broken, one act, against the shelling's target
            for g in [g for p in children_of(tok) if p.dep_ == "prep" and p.lower_ == "by"
                      for g in children_of(p) if g.dep_ == "pcomp" and g.pos_ == "VERB"]:
                cand.consumed.add(g.i)
                cand.span_tokens.add(g.i)
                hit = child(g, "dobj")
                if hit is not None and not any(t.match is not None for t in cand.targets):
                    sides = self.res.sides(hit)
                    if any(x.match is not None for x in sides):
                        cand.targets = sides
        self.exercised_together(cand)
        if cand.code[:2] == "15" and (self.sent_abroad(cand) or self.police_abroad(cand)):
            cand.code = "074"  # troops sent to another country protect it
        elif cand.code[:2] == "15" and set(lemmas(tok)) & SENDING_VERBS:
            guard = next((c for c in children_of(tok) if c.dep_ == "advcl" and c.lemma_.lower() in PROTECTING
                          and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
                          and any(o.dep_ == "dobj" and o.lemma_.lower() in PROTECTED for o in children_of(c))), None)
            if guard is not None:
                # "send a battalion to protect civilians": forces sent to protect people give
                # protection (074), and the protecting is their purpose, not a second act
                cand.code = "074"
                cand.consumed.add(guard.i)
                cand.span_tokens.add(guard.i)
        # a material act stands without a named doer: "110 people were arrested", "gunmen
        # killed two soldiers"
        cand.standalone = cand.code[:2] in MATERIAL_ROOTS and not entry.frame
        if entry.obj and obj is not None:
            cand.consumed.add(obj.i)
            if entry.code[:3] == "016" or entry.code[:2] == "12":
                cand.accused_by = self.accusers(obj)
        if entry.code[:2] in ("11", "17"):
            # "accused Y of attacking Z", "charged with murder": what is alleged is not asserted
            # (the act noun one is condemned for is no allegation: "criticised China for the
            # detention of two journalists" tells the detention as done, by China; a gerund,
            # "criticised the police for not acting", stays the charge)
            censured = tok.lemma_.lower() in ACCOUNT_VERBS
            for p in children_of(tok):
                if p.dep_ == "prep" and p.lower_ in ("of", "for", "with"):
                    cand.consumed.update(c.i for c in children_of(p) if c.dep_ in ("pcomp", "pobj") and not (
                        censured and p.lower_ == "for" and c.dep_ == "pobj"))
        if set(lemmas(tok)) & VICTIM_SUBJECT_VERBS and cand.sources and not cand.targets:
            # "five people died in clashes": who dies is the victim, not the doer
            cand.targets, cand.sources = cand.sources, []
        if entry.frame and not as_complement:
            self.apply_frame(cand, tok, obj, comp)
        self.admitted(cand, tok)  # type: ignore[attr-defined]
        return cand

    @staticmethod
    def shown_force(entry: Entry, roles: Roles) -> bool:
        """CAMEO 15 is a force posture: when a passive names no one who deployed the force
        ("thousands of police were deployed"), the force itself is the actor that shows it."""
        obj = roles.obj  # a clause's subject, not the noun a participle describes ("forces
        # stationed near the capital" are there, not being sent)
        return (entry.code[:2] == "15" and roles.passive and roles.subj is None and obj is not None
                and obj.dep_ == "nsubjpass" and bool(entry.obj) and bool(lemma_set(obj) & entry.obj))

    @staticmethod
    def elided_passive(tok: Token, subj: Token) -> bool:
        """A verb that needs an object, used without one, after a counted or participle
        subject: the subject is who it happened to ("two soldiers killed", "20 arrested")."""
        if not set(lemmas(tok)) & OBJECT_VERBS or tok.dep_ not in ("ROOT", "conj"):
            return False
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux") for c in children_of(tok)):
            return False
        return tok.tag_ == "VBN" or any(c.dep_ == "nummod" for c in children_of(subj)) or (
            subj.pos_ == "NUM")

    def passive_by_agent(self, tok: Token, subj: Token) -> bool:
        """A verb that takes an object, written as a participle without its "were" and with an
        actor in a by-phrase, as headlines write the passive ("Tunisian fishermen freed by
        Libyan coast guard", "Migrants rescued by Italian coast guard"): the subject is who
        it was done to, the by-phrase who did it."""
        if tok.dep_ not in ("ROOT", "conj") or tok.tag_ not in ("VBN", "VBD", "VBP") or subj.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux", "auxpass", "dative") for c in children_of(tok)):
            return False
        agents = [o for c in children_of(tok) if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                  for o in children_of(c) if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
        if not agents or not (self.takes_object(tok) or self.lex.entries("V", tok.lemma_.lower())):
            return False
        side = self.res.side(agents[0])
        return side is not None and side.match is not None

    def may_trigger(self, tok: Token) -> bool:
        """A quick test before the work: the lexicon or the verb table knows one of the verb's
        lemma guesses, or it is part of a written compound ("lathi-charged")."""
        words = parsed(tok.doc).words
        i = tok.i
        if (i > 0 and words[i - 1] == "-") or (i + 1 < len(words) and words[i + 1] == "-"):
            return True
        lex, table = self.lex.verbs, self.table
        return any(lemma in lex or lemma in table.verbs or lemma in table.forms or lemma in table.overrides
                   for lemma in lemmas(tok))

    def aided_place(self, need: Token, entry: Entry) -> Side | None:
        """The country of the place a need for aid is in ("pledged $30 million for drought
        relief in southern Madagascar", "donated tents for earthquake relief in Turkey"): help
        for a need in a place is help to that place's country."""
        if entry.code[:3] not in AID_GIVING or need.pos_ != "NOUN" or need.lemma_.lower() not in AID_PURPOSES:
            return None  # (people in a place are found by the actors: "communities in Bolivia")
        for q in preps(need, ("in",)):
            place = self.res.place(q)
            if place is not None:
                return Side(place.text, place.start, place.end, place.match, place.head, 0.9, "aided place")
        return None

    def targets(self, tok: Token, obj: Token | None, entry: Entry) -> list[Side]:
        if obj is not None and obj.lemma_.lower() in TIME_ALLOWED:
            # (or the verb's own object, when the parse hung the ultimatum lower: see
            # ``Roles``)
            dative = child(tok, "dative") or next(
                (c for c in children_of(tok) if c.dep_ == "dobj" and c.i != obj.i), None)
            if dative is not None:
                return self.res.sides(dative)  # "gave residents 48 hours to leave": the residents
        if obj is not None and not entry.notobj:
            if entry.code[:2] in ("05", "11"):
                # "denounced the arrest of a journalist in Poland": Poland; "welcomed the release
                # of prisoners by the government": the government (an act is praised or
                # condemned in whoever did it)
                doer = self.doer_of_act(obj, praised=entry.code[:2] == "05")
                if doer is not None:
                    return [doer]
            sides = self.res.sides(obj)
            # (a titled role placed by its own of-phrase is the object itself: "met the Prime
            # Minister of Pakistan", not a participant inside it; "dozens of demonstrators" are)
            if any(s.match is not None and (s.via == "direct" or (s.via == "of-phrase" and obj.pos_ == "PROPN"))
                   for s in sides):
                return sides
            inner = self.inner_participant(obj)
            if inner is not None:
                return [inner]
            if any(s.match is not None for s in sides):
                return sides
            if entry.code[:2] in ("08", "16"):
                # "eased limits on remittances to Cuba", "lifted curbs on imports from Japan": a
                # restriction on what goes to or comes from a country is aimed at it
                for p in preps(obj, ("on", "against")):
                    for q in preps(p, ("to", "from")):
                        bound = [x for x in self.res.sides(q) if getattr(x.match, "kind", "") == "country"]
                        if bound:
                            return bound
        if entry.code[:2] == "04" and obj is not None and "with" in entry.to and set(lemmas(tok)) & TOPIC_VERBS:
            # "discussed grain exports and the safety of Black Sea shipping with Putin": the parse
            # hangs the one talked with inside the topic (a person, who can be no topic's part;
            # "trade with China" may be the topic itself)
            for w in obj.subtree:
                if w.dep_ == "prep" and w.lower_ == "with" and w.i > obj.i:
                    sides = [x for p in children_of(w) if p.dep_ == "pobj" and (
                        p.ent_type_ == "PERSON" or p.lemma_.lower() in INTERLOCUTORS)
                             for x in self.res.sides(p)]
                    if any(x.match is not None for x in sides):
                        return sides
        # the phrase may hang on the object of another of the verb's phrases, as the parse
        # attaches it ("filed a case at the Court | against Venezuela", "pumped crude through the
        # pipeline | to Turkey"); only through a phrase of where or of the way ("during a call with
        # his counterpart" is when, and "into abuses against protesters" whom the abuses were
        # against)
        nested = [q for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in ("at", "in", "from", "through", "via")
                  and c.lower_ not in entry.to
                  for o in children_of(c) if o.dep_ == "pobj" for q in preps(o, entry.to)]
        for p in preps(tok, entry.to) + nested:
            sides = self.res.sides(p)
            if any(s.match is not None for s in sides):
                return sides
            if entry.code[:2] == "04" and p not in nested:
                # "travelled to Moscow", "flew to Beijing": a visit's destination is the country
                # visited (a city named as a place, not as its government speaking)
                place = self.res.place(p)
                if place is not None:
                    return [Side(place.text, place.start, place.end, place.match, place.head, 1.0, "destination")]
            aided = self.aided_place(p, entry)
            if aided is not None:
                return [aided]
        if obj is not None:
            # "pledged 50 million euros in aid to Sudan": the object's own phrase, or the phrase
            # of what it is counted in, or of where it is made ("lodged a complaint at the WTO |
            # against China", as the parse attaches it)
            holders = conjuncts(obj) + [x for h in preps(obj, ("in", "of")) for x in conjuncts(h)]
            if "at" not in entry.to:
                holders += preps(obj, ("at",))
            for p in (p for h in holders for p in preps(h, entry.to)):
                sides = self.res.sides(p)
                if any(s.match is not None for s in sides):
                    return sides
                aided = self.aided_place(p, entry)
                if aided is not None:
                    return [aided]
            if entry.code[:2] in ("08", "16"):
                # "suspended Niger's membership": whose membership or ties; "eased restrictions on
                # Malaysian palm oil": whom the restriction eased was on
                owners = [c for c in children_of(obj) if c.dep_ == "poss" and c.pos_ != "PRON"] \
                    if entry.code[:2] == "16" else []
                # (or in a clause on it: "scrapped the tariffs it had imposed on Australian barley")
                imposed = [q for r in children_of(obj) if r.dep_ == "relcl" for q in preps(r, ("on", "against"))]
                for h in owners + preps(obj, ("on", "against")) + imposed:
                    found = [x for x in [self.res.side(h)] + [self.res.side(c) for c in children_of(h)
                                                              if c.dep_ in ("amod", "compound") and c.i < h.i]
                             if x is not None and x.match is not None]
                    if found:
                        return found[:1]
            if entry.notobj and entry.code[:2] == "16":
                # "banned imports of Georgian wine": the goods' country is whom the ban is on
                side = self.goods_country(obj)
                if side is not None:
                    return [side]
            if entry.notobj and entry.code[:2] in ("08", "16"):
                # "imposed an embargo on trade with Georgia", "lifted curbs on trade with Nepal":
                # whom the trade barred or freed is with (the parse may hang "with" on the
                # restriction itself)
                barred = preps(obj, ("on", "against"))
                partners = trade_partners(barred + preps(tok, ("on", "against"))) + (
                    preps(obj, ("with",)) if barred else [])
                for q in partners:
                    sides = self.res.sides(q)
                    if any(x.match is not None for x in sides):
                        return sides
        if obj is not None and not entry.notobj and not is_passive(tok):
            for p in preps(tok, ("by",)):
                # "rejected the proposal by the IAEA": in the active voice a by-phrase after the
                # object names the object's author
                sides = self.res.sides(p) if p.i > obj.i else []
                if any(s.match is not None for s in sides):
                    return sides
        if obj is not None and not entry.notobj:
            inner = self.inner_participant(obj)
            if inner is not None:
                return [inner]
            return self.res.sides(obj)
        return []

    def goods_country(self, goods: Token) -> Side | None:
        """The country goods are from, whom barring them is aimed at: "Japanese seafood",
        "imports from Japan", "imports of Georgian wine"."""
        for h in [goods] + preps(goods, ("of",)):
            named = [c for c in children_of(h) if c.dep_ in ("amod", "compound") and c.i < h.i
                     and c.pos_ in ("ADJ", "PROPN")] + preps(h, ("from",))
            for c in named:
                side = self.res.side(c)
                if side is not None and getattr(side.match, "kind", "") == "country":
                    return side
        return None

    def named_judgement(self, tok: Token) -> Candidate | None:
        """ "Beijing called Manila's remarks irresponsible", "labelled the launch a provocation":
        a judgement passed by naming (``events/evaluations.py``), criticism (111) or praise (051)
        of the object's actor."""
        if tok.dep_ == "advcl" and tok.tag_ == "VBG":
            return None  # "rejected the offer, calling it a farce": how the act was done, not another
        found = judgement(tok)
        if found is None or negated(tok):
            return None
        entry, obj = found
        subj, factor = self.subject(tok)
        sources = self.res.sides(subj) if subj is not None else []
        if not any(s.match is not None for s in sources):
            return None
        targets = [t for t in self.res.sides(obj) if t.match is not None and t.via == "direct"]
        if not targets:
            doer = self.doer_of_act(obj, praised=entry.code[:2] == "05")
            inner = doer or self.inner_participant(obj)
            targets = [inner] if inner is not None else []
        cand = Candidate(entry, entry.code, tok, sources, targets, False, confidence=0.7 * factor)
        cand.span_tokens |= {tok.i, obj.i}
        return cand

    def doer_of_act(self, obj: Token, praised: bool = False) -> Side | None:
        """Whom criticism of an act is aimed at: the act's doer ("Israel's strike", "the arrest
        by Polish police"), else the country it was done in ("the arrest of a journalist in
        Poland"); the person it was done to ("of a journalist") is not criticised.  None when
        the object is no coercive or violent act, or names no doer or place.  With ``praised``,
        whom praise of an act is aimed at: the doer its by-phrase names, of any act the lexicon
        codes ("the release of prisoners by the government")."""
        codes = [e.code for e in self.lex.entries("N", obj.lemma_.lower())]
        # the by-phrase the parse hung on the act's of-object ("the arrest of three journalists
        # by the police") is the act's own
        by_doer = preps(obj, ("by",)) + [p for h in preps(obj, ("of",)) for p in preps(h, ("by",))]
        if praised:
            for p in by_doer:
                s = self.res.side(p)
                if codes and s is not None and s.match is not None:
                    s.via = "doer of the act praised"
                    return s
            return None
        if not any(c[:2] in ("17", "18", "19", "20") for c in codes):
            return None
        for c in owner_words(obj):
            s = self.res.side(c)
            if s is not None and s.match is not None:
                s.via = "doer of the act criticised"
                return s
        for p in by_doer:
            s = self.res.side(p)
            if s is not None and s.match is not None:
                s.via = "doer of the act criticised"
                return s
        for h in [obj] + preps(obj, ("of",)):
            for p in preps(h, ("in",)):
                s = self.res.place(p)
                if s is not None:
                    s.via = "place of the act criticised"
                    return s
        return None

    def inner_participant(self, obj: Token) -> Side | None:
        """The actor inside a non-actor object: "Washington's exit", "an Indian proposal"; a
        person is not whom they are named by ("stabbed his neighbour", "the minister's son")."""
        if obj.lemma_.lower() in PRIVATE_PERSONS | PERSONAL_TIES:
            return None
        for c in children_of(obj):
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")):
                s = self.res.side(c)
                if s is not None and s.match is not None:
                    s.factor *= 0.85
                    s.via = "object's " + c.dep_
                    return s
        for p in preps(obj, ("by", "from", "of", "with")):
            s = self.res.side(p)
            if s is not None and s.match is not None:
                s.factor *= 0.8
                s.via = "object's prep"
                return s
        for c in children_of(obj):
            if c.dep_ == "acl" and c.tag_ == "VBN":
                # "a missile fired by the Houthis", "the plan drawn up by France": its doer
                for p in preps(c, ("by",)):
                    s = self.res.side(p)
                    if s is not None and s.match is not None:
                        s.factor *= 0.8
                        s.via = "object's agent"
                        return s
        return None

    # ------------------------------------------------------------------ nouns
    def joint_undertaking(self, tok: Token) -> Candidate | None:
        """Material cooperation begun together (``events/joint.py``): two named parties, or one
        and its with-partner, start an undertaking called joint ("Uzbekistan and Kazakhstan
        opened a joint trade zone")."""
        obj = joint_object(tok)
        if obj is None or is_passive(tok):
            return None
        subj, factor = self.subject(tok)
        sources = self.res.sides(subj)
        if not any(s.match is not None for s in sources):
            return None
        targets: list[Side] = []
        if len(named_keys(sources)) < 2:
            targets = [x for p in preps(tok, ("with",)) + preps(obj, ("with",)) for x in self.res.sides(p)]
            if not any(t.match is not None for t in targets):
                return None
        for s in sources:
            s.factor *= factor
        cand = Candidate(JOINT_UNDERTAKING, cooperation_code(obj), tok, sources, targets, True,
                         confidence=JOINT_UNDERTAKING.conf)
        cand.span_tokens |= {tok.i, obj.i}
        cand.consumed.add(obj.i)
        return cand

    def sense_excluded(self, tok: Token) -> bool:
        """A noun, or the event noun that modifies it, that the lexicon names in a sense that is
        no event ("a hostile takeover bid", "an invasion of seaweed"): what is done to it is
        no political act either."""
        for word in [tok, *(c for c in children_of(tok) if c.dep_ in ("compound", "amod") and c.i < tok.i)]:
            entries = self.lex.entries("N", word.lemma_.lower())
            if entries:
                entry = self.choose(entries, tok, word, None, None, None)
                return entry is not None and entry.code == NOT_CODED
        return False

    def noun(self, tok: Token, as_complement: bool = False) -> Candidate | None:
        if not as_complement and tok.lemma_.lower() in CEASING_NOUNS:
            stopped = self.ceasing_noun(tok)
            if stopped is not None:
                return stopped
        compound = hyphenated(tok)
        entries = []
        if compound is not None and compound[0].i == tok.i:
            entries = self.lex.entries("N", compound[2]) or self.lex.entries("N", compound[1])
        if not entries:
            entries = self.lex.entries("N", tok.lower_) if tok.tag_ == "VBG" else (
                self.lex.entries("N", tok.lemma_.lower()) or self.lex.entries("N", tok.lower_))
        named_by = None
        if tok.lemma_.lower() in TRANSPARENT_NOUNS:
            # "a mediation effort", "a bombing campaign": the modifier names the act (before
            # the noun's own sense: "a bombing campaign against Hamas" is no campaign of words)
            for c in children_of(tok):
                if c.dep_ in ("compound", "amod") and c.i < tok.i:
                    named = self.lex.entries("N", c.lemma_.lower()) or self.lex.entries("N", c.lower_)
                    if named:
                        entries, named_by = named, c
                        break
        undergone = self.come_under(tok)
        if not entries and undergone is None:
            return None
        if tok.lemma_.lower() in GROUP_ACT_NOUNS and tok.dep_ in ("nsubj", "nsubjpass", "poss", "appos"):
            return None  # "the M23 rebel alliance threatened ...": the body that acts, not an act
        # noun entries test obj= against the noun's own modifiers ("hunger strike")
        entry = self.choose(entries, tok, named_by or tok, None, infinitive_of(tok), None) if entries else None
        if entry is None and undergone is not None and tok.lemma_.lower() in UNDER_ATTACK_NOUNS:
            entry = self.choose(self.lex.entries("N", "attack"), tok, tok, None, None, None)
            if entry is not None and self.fire_of_words(tok, undergone):
                # "came under fire from Uganda's foreign minister over the closure": the fire of
                # a speaker, in a sentence of no arms, is criticism (111)
                entry = self.choose(self.lex.entries("N", "criticism"), tok, tok, None, None, None) or entry
        if entry is None or entry.code == NOT_CODED:
            return None
        # a noun of intent, threat or refusal with the act it is about as its to-infinitive:
        # "Iran's threat to close the strait", "Mali's refusal to extradite him" (read as the
        # verb's frame reads its complement)
        intended = infinitive_of(tok) if entry.frame and not as_complement else None
        if entry.frame and "*" in entry.xc and intended is None:
            return None  # "a plan": only one to do a coded act says anything
        sources: list[Side] = []
        factor = 1.0
        # a noun of what is received names its receiver as its possessor: "Pakistan's bailout"
        receiver = [s for c in children_of(tok) if c.dep_ == "poss" and entry.rev
                    for s in [self.res.side(c)] if s is not None and s.match is not None]
        for c in children_of(tok):
            # "Russia's annexation", "Israeli air strikes", "police firing"
            if c.dep_ == "poss" and receiver:
                continue
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod")
                                    and c.pos_ in ("ADJ", "PROPN", "NOUN")):
                if c.lower_ == "state" and entry.code[:2] == "04":
                    continue  # "a state visit", "state talks": official, not the state's own
                if c.dep_ != "poss" and entry.obj and {c.lemma_.lower(), c.lower_} & entry.obj:
                    continue  # "intelligence sharing": what the act is about, not who does it
                s = self.res.side(c)
                if s is not None and s.match is not None:
                    sources = [s] + [self.res.side(x) for x in conjuncts(c)[1:] if self.res.side(x)]  # type: ignore[misc]
                    break
        if not sources and tok.tag_ == "VBG" and tok.dep_ == "acl":
            # the small parser reads "in police firing" as "police" modified by a participle
            s = self.res.side(tok.head, anywhere=True)
            if s is not None and s.match is not None:
                sources = [s]
        if not sources:
            # (the phrase may hang on the of-object: "the delivery of 30 howitzers from Poland")
            of_from = [q for o in preps(tok, ("of",)) for q in preps(o, tuple(x for x in entry.src if x not in ("of", "by")))]
            # (and a by-phrase on the recipient: "the shipment of 40 tanks to Ukraine by Poland")
            to_by = self.stray_agents(tok, tuple(x for x in entry.to if x != "of")) if "by" in entry.src else []
            for p in preps(tok, entry.src) + of_from + to_by:
                sources = self.res.sides(p)
                if sources:
                    break
        if not sources and tok.pos_ == "NOUN" and (self.asserted_noun(tok) or (
                tok.dep_ in ("dobj", "nsubjpass") and set(lemmas(tok.head)) & REACTION_VERBS)):
            # the by-phrase of an act noun is its doer, when the act is told as done or as what
            # others react to: "the killing of three protesters by soldiers sparked outrage",
            # "condemned the arrest of the journalist by Egyptian police" (not "fears an attack
            # by Iran"), also where the parse hangs the by-phrase on the act's of-object ("the
            # deportation of 40 asylum seekers by Egyptian authorities")
            for p in object_preps(tok, ("by",)):
                agents = self.res.sides(p)
                if any(a.match is not None for a in agents):
                    sources = agents
                    break
        if not sources:
            doer_of = hands_of(tok)  # "suffered torture at the hands of the militia"
            if doer_of is not None:
                sources = self.res.sides(doer_of)
        head = tok.head
        held, doer = self.custody(tok)  # "placed under house arrest"
        if undergone is not None:
            held, doer = self.res.sides(undergone), self.from_phrase(tok)
        if not sources and doer is not None:
            sources = self.res.sides(doer)
        # (an act counted by a measure stands in the clause as the measure: "hit with a fresh
        # round of sanctions")
        taken = carried_by_measure(tok)
        if not sources and not as_complement and not held:
            # "after days of fighting": a span of time stands in the adjunct for the act it lasted
            lasted = head.head if (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "pobj"
                                   and head.head.lemma_.lower() in TIME_SPANS) else tok
            carrier = tok  # "dozens of arrests have been made": the count carries the acts
            count = counted_by(tok)
            if count is not None and (count.lemma_.lower() in COUNT_NOUNS | TIME_SPANS or count.pos_ == "NUM"):
                carrier = count  # (or the time it lasted: "wrapped up a week of joint exercises")
            if carrier.dep_ in ("dobj", "nsubjpass") and any(x in LIGHT_VERBS for x in lemmas(carrier.head)):
                verb = carrier.head
                subj, f = (self.agent(verb), 1.0) if is_passive(verb) else self.subject(verb)
                sources, factor = self.res.sides(subj), f
            elif (taken.dep_ == "pobj" and taken.head.lower_ in TAKE_UP_VERBS and taken.head.head.i != taken.head.i
                  and set(lemmas(taken.head.head)) & TAKE_UP_VERBS[taken.head.lower_]):
                verb = taken.head.head
                subj, f = self.subject(verb)  # "police resorted to lathi-charge"
                if is_passive(verb):  # "was hit with a round of sanctions by the US Treasury"
                    # (the parse may hang the by-phrase on the noun)
                    subj, f = self.agent(verb) or next(iter(object_preps(taken, ("by",))), None), 1.0
                sources, factor = self.res.sides(subj), f
            elif (lasted.dep_ == "pobj" and lasted.head.lower_ in ADJUNCT_PREPS
                  and (entry.code[:2] in JOINT_ROOTS or (entry.recip and preps(tok, ("with",))))
                  and lasted.head.head.pos_ in ("VERB", "AUX") and not is_passive(lasted.head.head)):
                # "after talks with Putin, Pompeo said", "retook the village after fighting with
                # guerrillas", "withdrew after days of fighting with rebels": the clause's subject
                # took part in what is done together with someone; a protest, an attack or clashes
                # of unnamed sides in the adjunct are someone else's ("detained teachers after a
                # march", "after clashes in Manipur")
                subj, f = self.subject(lasted.head.head)
                sources, factor = self.res.sides(subj), f * 0.85
            elif (tok.dep_ == "pobj" and head.lower_ in ("over", "for") and head.head.i != head.i
                  and head.head.pos_ == "VERB" and head.head.lemma_.lower() in ACCOUNT_VERBS):
                # "Malta condemns Libya over seizure of Maltese trawler": the act one is
                # condemned, sanctioned or thanked for is one's own
                verb = head.head
                held_to = child(verb, "nsubjpass" if is_passive(verb) else "dobj")
                sources = [x for x in self.res.sides(held_to) if x.match is not None]
                factor = 0.85
            elif (tok.dep_ == "pobj" and head.lower_ == "for" and entry.code[:2] == "04"
                  and head.head.i != head.i and set(lemmas(head.head)) & TRIP_VERBS and not is_passive(head.head)
                  and head.head.tag_ in ("VBD", "VBZ", "VBP") and not any(
                      c.dep_ == "aux" and c.tag_ == "MD" for c in children_of(head.head))):
                # "Putin is in Tehran for talks with Iran's leaders", "flew to Beijing for talks":
                # who went there for the meeting takes part in it (not a trip yet to come:
                # "will travel to Beijing for talks" is an intent)
                subj, f = self.subject(head.head)
                sources, factor = self.res.sides(subj), f * 0.85
        targets: list[Side] = list(held) or receiver
        recip = entry.recip
        # "the suspension of budget support to Mali": the phrase may hang on the of-object
        of_held = [q for o in preps(tok, ("of",)) for q in preps(o, tuple(x for x in entry.to if x != "of"))]
        # (a to-phrase before the of-phrase: "the delivery of howitzers to Moldova's army")
        nearer = tuple(x for x in entry.to if x != "of")
        # (in the entry's order when the of-object names a country's people: "the killing of two
        # Indian soldiers ... in a ceasefire violation" is of the soldiers, to=of|in; "mass
        # killings of civilians in West Darfur" keeps the place, which says whose)
        ofs = preps(tok, ("of",)) if "of" in entry.to else []
        of_first = entry.to[:1] == ("of",) and any(getattr(x.match, "country", None)
                                                    for p in ofs for x in self.res.sides(p))
        ordered = ofs + preps(tok, nearer) + of_held if of_first else preps(tok, nearer) + of_held + ofs
        if entry.code[:2] == "16" and "with" in entry.to:
            # "Algeria's freeze on trade with Spain": whom the trade barred is with
            ordered = trade_partners(preps(tok, ("on",))) + ordered
        for p in ordered:
            sides = self.res.sides(p)
            if entry.code[:3] == "042" and not any(x.match is not None for x in sides):
                host = self.res.place(p)  # "a visit to Rabat": the host is the place's country
                sides = [host] if host is not None else sides
            if not sides:
                continue
            if p.head.lower_ == "between" and p.head.dep_ == "prep" and (
                    p.head.head.i == tok.i or p.head.head.i in {o.i for o in preps(tok, ("of",))}):
                # (on the noun or on its of-object: "the establishment of relations between A and B")
                if entry.code[:3] == "045":
                    targets = sides  # "Norway's mediation between Colombia and the ELN": the mediated
                    break
                if not sources or len(named_keys(sides)) > 1:
                    # "talks between Russia and Ukraine" are theirs, whoever hosts them
                    sources, targets = sides, []
                    recip = True
                    break
            targets = sides
            break
        if not any(t.match is not None for t in targets) and entry.code[:2] == "11":
            # "allegations by Prague that Chinese state hackers had broken in": whom the
            # that-clause charges is who is accused
            for c in children_of(tok):
                if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in children_of(c)):
                    charged = [x for x in self.res.sides(child(c, "nsubj")) if x.match is not None]
                    if charged and not any(x.key == y.key for x in charged for y in sources):
                        targets = charged
                        break
        if not targets and entry.code[:2] == "16":
            # "Beijing's ban on seafood imports from Japan": the goods' country
            barred = [self.goods_country(p) for p in preps(tok, ("on", "against"))]
            targets = [b for b in barred if b is not None][:1]
        if not targets and tok.dep_ == "dobj" and set(lemmas(head)) & LIGHT_VERBS:
            for p in preps(head, tuple(x for x in entry.to if x not in ("of",))):
                sides = self.res.sides(p)
                if any(x.match is not None for x in sides):
                    targets = sides  # "gave permission to Russia", "held talks in ... with X"
                    break
        if (not targets and taken.dep_ == "pobj" and taken.head.lower_ == "with" and taken.head.head.i != taken.head.i
                and set(lemmas(taken.head.head)) & PUNISH_WITH_VERBS):
            # "hit Russia with sanctions", "Russia was hit with a round of sanctions"
            verb = taken.head.head
            punished = child(verb, "nsubjpass") if is_passive(verb) else self.object_of(verb)
            targets = self.res.sides(punished)
        if not targets and not sources and entry.recip:
            # "the resumption of trade between Armenia and Turkey", "the establishment of relations
            # between Oman and Fiji": the parties of a joint act named by the of-object
            parties = [s for o in preps(tok, ("of",)) for s in self.parties_between(between_phrases(o))]
            if parties:
                sources, recip = parties, True
        if not targets and not sources and tok.dep_ == "nsubj" and "between" in entry.to:
            # "fighting broke out between troops and rebels": the parties hang on the verb
            for p in preps(head, ("between",)):
                sides = self.res.sides(p)
                if any(x.match is not None for x in sides):
                    sources, recip = sides, True
                    break
        if (not targets and tok.dep_ == "dobj" and not is_passive(head)
                and (set(lemmas(head)) & UNDERGO_VERBS or self.repelled(head))):
            # "Obama faces pressure from Congress": the one who undergoes it is the target
            subj, f = self.subject(head)
            if subj is not None:
                targets = self.res.sides(subj)
                if sources and any(t.key == s.key for t in targets for s in sources):
                    sources = [s for s in sources if all(t.key != s.key for t in targets)]
                    if not sources:
                        for p in preps(tok, entry.src or ("from",)):
                            sources = self.res.sides(p)
                            if sources:
                                break
        if not sources and entry.code[:2] == "07" and tok.lemma_.lower() in GIFT_NOUNS and any(
                t.match is not None for t in targets):
            # "the handover of 1,200 tonnes of Russian wheat to Namibia": goods handed to a named
            # receiver are given by the country they are of (through a lot or a measure); a
            # shipment or a delivery may be a sale
            for o in preps(tok, ("of",)):
                given = self.goods_country(o)
                if given is not None and all(getattr(t, "key", None) != given.key for t in targets):
                    sources = [given]
                    break
        standalone = False
        if not sources and not as_complement:
            # an act the sentence asserts happened, with nobody named as its doer: "the
            # bombing killed 12", "eight were killed in an air strike", "clashes erupted"
            if entry.code[:2] not in MATERIAL_ROOTS or not (held or self.asserted_noun(tok)):
                return None
            standalone = True
        for s in sources:
            s.factor *= factor
        if targets and all(t.match is None for t in targets) and entry.code[:2] in LOCATIVE_ROOTS:
            targets = [self.contextual_place(t) for t in targets]
        content = None
        if entry.code[:2] in ("02", "10") and not as_complement:
            # "reiterated its demand that Israel ease ...": the that-clause is what is demanded
            # of its subject; it is not an act of its own
            holders = [tok] + ([head] if tok.dep_ == "dobj" and set(lemmas(head)) & LIGHT_VERBS
                               else [])
            for h in holders:
                for c in children_of(h):
                    if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and c.i > tok.i and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in children_of(c)):
                        content = c
                        break
                if content is not None:
                    break
            if content is not None and not any(t.match is not None for t in targets):
                doer = self.res.sides(child(content, "nsubj"))
                if any(d.match is not None for d in doer):
                    targets = doer
        cand = Candidate(entry, entry.code, tok, sources, targets, recip, confidence=entry.conf)
        cand.span_tokens.add(tok.i)
        self.exercised_together(cand)  # "France and India wrapped up joint naval exercises"
        if named_by is not None:
            cand.span_tokens.add(named_by.i)
            cand.consumed.add(named_by.i)  # "a stabbing spree" is one act, named by its modifier
        cand.standalone = standalone or (entry.code[:2] in MATERIAL_ROOTS and not as_complement)
        if content is not None:
            cand.consumed.add(content.i)
        if undergone is not None:
            cand.consumed.add(tok.head.head.i)  # "came under attack": "came" reports no act of its own
        if any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(tok)) or (
                tok.dep_ == "pobj" and head.lower_ == "without"):
            cand.negated = True  # "no arrests were made", "charged without warning"
        if intended is not None:
            self.apply_frame(cand, tok, None, intended)
            if not cand.code:
                return None
        return cand

    def parties_between(self, phrases: list[Token]) -> list[Side]:
        """The sides of the first between-phrase that names two parties or more, or none."""
        for p in phrases:
            sides = self.res.sides(p)
            if len(named_keys(sides)) > 1:
                return sides
        return []

    def gerund_nominal(self, tok: Token) -> Candidate | None:
        """A gerund used as a noun names its verb's act ("the storming of the embassy by
        supporters", "the signing of a memorandum between Vietnam and the Philippines"): its
        of-object is the verb's object and its by-object (or possessor) the verb's subject, as
        English grammar reads such a nominal.  Coded from the verb's own lexicon entries, for a
        gerund the lexicon knows no event noun for, and only when the act is told as done."""
        if tok.tag_ != "NN" or not tok.lower_.endswith("ing") or self.lex.entries("N", tok.lower_):
            return None
        if not any(c.dep_ in ("det", "poss") for c in children_of(tok)):
            return None  # ("the granting of", "Namibia's granting of"; a bare "-ing of" may be a verb)
        objs = preps(tok, ("of",))
        if not objs or not (self.asserted_noun(tok) or (
                tok.dep_ in ("dobj", "nsubjpass") and set(lemmas(tok.head)) & REACTION_VERBS) or (
                tok.dep_ == "pobj" and tok.head.lower_ in TIME_OF_ACT)):
            return None
        entries: list[Entry] = []
        for lemma in gerund_verbs(tok.lower_):
            entries = self.lex.entries("V", lemma)
            if entries:
                break
        obj = objs[0]
        agents = object_preps(tok, ("by",))
        subj = agents[0] if agents else child(tok, "poss")
        entry = self.choose(entries, tok, obj, subj, None, None) if entries else None
        if entry is None or entry.code == NOT_CODED or entry.frame:
            return None
        sources = self.res.sides(subj) if subj is not None else []
        targets = [] if entry.notobj else self.res.sides(obj)
        if entry.notobj:
            for p in preps(tok, entry.to) + preps(obj, entry.to):
                targets = self.res.sides(p)
                if targets:
                    break
        recip = entry.recip
        if recip and not any(x.match is not None for x in sources):
            parties = self.parties_between(between_phrases(obj))  # "the signing of a memorandum between A and B"
            if parties:
                sources, targets = parties, []
        if not any(x.match is not None for x in sources):
            return None
        cand = Candidate(entry, entry.code, tok, sources, targets, recip, confidence=entry.conf * 0.9)
        cand.span_tokens.add(tok.i)
        return cand

    def exercised_together(self, cand: Candidate) -> None:
        """Exercises are a show of force alone, military cooperation together ("joint drills",
        "the Egyptian and Sudanese air forces staged an exercise"); the parties are each other's
        targets, not the sea they exercised in."""
        if cand.code == "150" and self.allied(cand):
            cand.code, cand.recip = "062", True
            if len(named_keys(cand.sources)) > 1:
                cand.targets = []

    def asserted_noun(self, tok: Token) -> bool:
        """Whether an event noun names an act the sentence says took place (rather than one
        feared, planned, prevented or spoken of in general): the subject of a clause ("the
        attack killed 12", "clashes erupted"), the cause of a harm ("killed in an air strike",
        "injured in police firing"), the time of another act ("after the bombing"), what was
        reported or witnessed, an existential ("there was an explosion"), a headline, or one
        coordinated with such a noun."""
        dep, head = tok.dep_, tok.head
        if tok.tag_ not in ("NN", "NNS", "NNP", "NNPS", "VBG") or dep in ("compound", "amod", "poss"):
            return False
        if dep == "acl" and tok.tag_ == "VBG":  # "died in police firing" read as a participle
            return self.asserted_noun(head) if head.pos_ == "NOUN" else False
        if dep == "conj" and head.i != tok.i and head.pos_ == "NOUN":
            return self.asserted_noun(head)
        count = counted_by(tok)
        if count is not None and count.lemma_.lower() in COUNT_NOUNS:
            return self.asserted_noun(count)  # "dozens of arrests were made"
        if dep == "ROOT" or any(participle_with_object(c) for c in children_of(tok)):
            return True  # (the subject of its own verb the parse hung on it: "an ambush ... killed 20")
        if dep in ("nsubj", "nsubjpass"):
            # (a participle the tagger took for an adjective keeps its auxiliary: "the expulsion
            # of 800,000 Afghans has overwhelmed reception centres")
            finite = head.pos_ in ("VERB", "AUX") or any(c.dep_ == "aux" for c in children_of(head))
            # (not one whose clause is denied: "the transport strike did not go ahead")
            return finite and not (set(lemmas(head)) & NON_OCCURRENCE) and not any(
                c.dep_ == "neg" for c in children_of(head))
        if dep == "attr" and any(c.dep_ == "expl" for c in children_of(head)):
            return True
        if dep == "dobj" and set(lemmas(head)) & WITNESS_VERBS:
            return True
        if dep == "pobj" and head.dep_ == "prep":
            prep, anchor = head.lower_, head.head
            if prep in ("in", "by", "from", "of") and (
                    set(lemmas(anchor)) & HARM_WORDS or anchor.lower_ in HARM_WORDS
                    or anchor.pos_ == "NUM"):
                return True
            if (prep == "of" and anchor.lemma_.lower() in CAUSE_NOUNS) or (
                    prep == "to" and anchor.lower_ in ("due", "owing")):
                return True  # "died as a result of torture", "deaths due to police firing"
        return False

    def contextual_place(self, side: Side) -> Side:
        """An unresolved place noun ("the last rebel-held province") in a clause hung on a
        country ("Syria, where ..."): that country."""
        head = self.doc[side.head]
        if head.lemma_.lower() not in PLACE_NOUNS:
            return side
        for p in preps(head, ("of",)):
            place = self.res.place(p)  # "the town of Bakhmut"
            if place is not None:
                return Side(side.text, side.start, side.end, place.match, side.head, 0.85, "place named")
        node = head
        for _ in range(8):
            if node.dep_ == "relcl" and node.head.pos_ == "PROPN":
                place = self.res.place(node.head)
                if place is not None:
                    return Side(side.text, side.start, side.end, place.match, side.head, 0.8,
                                "place context")
                return side
            if node.head.i == node.i:
                return side
            node = node.head
        return side

    def act_noun_taken_up(self, tok: Token) -> bool:
        """The verb's on-phrase names an act the noun lexicon codes in this sentence ("embarked
        on a strike", "remained on high alert"; not "remained on alert", which the noun alone
        does not code)."""
        for p in preps(tok, ("on",)):
            words = lemma_set(p) | {strike_sense(p, self.res.side) or ""}
            if any(e.code != NOT_CODED and (not e.obj or words & e.obj)
                   for e in self.lex.entries("N", p.lemma_.lower())):
                return True
        return False

    def adjective(self, tok: Token) -> Candidate | None:
        entries = self.lex.entries("A", tok.lemma_.lower())
        if entries and entries[0].frame is None:
            return self.comment(tok, entries[0])
        comp = child(tok, "xcomp")
        if not entries or comp is None or tok.dep_ not in ("acomp", "amod", "conj"):
            return None
        if tok.dep_ == "amod" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-":
            return None  # "ready-to-eat meals", "a willing-to-help attitude": a compound adjective
        head = tok.head
        subj, f = self.subject(head) if tok.dep_ == "acomp" else (head, 0.9)
        entry = entries[0]
        cand = Candidate(entry, entry.code, tok, self.res.sides(subj), [], entry.recip,
                         confidence=entry.conf * f)
        cand.span_tokens.add(tok.i)
        self.apply_frame(cand, tok, None, comp)
        # modality and negation live on the copula
        cand.trigger = head if tok.dep_ == "acomp" else tok
        return cand

    def comment(self, tok: Token, entry: Entry) -> Candidate | None:
        """A named actor said to be of a mood about something ("the minister was gloomy about the
        chances of a deal", "officials were upbeat about the talks", "he was sorry for the
        violence"): an optimistic or pessimistic comment (CAMEO 012, 013) or an apology (055),
        about whom its about/on/over phrase names."""
        if tok.dep_ != "acomp" or (entry.code == "055" and child(tok, "xcomp") is not None):
            return None  # (not "sorry to hear of his death": sympathy)
        head = tok.head
        subj, f = self.subject(head)
        sources = self.res.sides(subj)
        if not any(s.match is not None for s in sources):
            return None
        targets: list[Side] = []
        # the first actor named in what the mood is about, a few phrases deep ("about the chances
        # of a deal with Ethiopia", "about wrapping up a programme with the IMF")
        frontier = [c for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in ("about", "on", "over", "regarding")]
        for _ in range(8):
            nxt: list[Token] = []
            for n in frontier:
                if n.dep_ in ("pobj", "dobj") and n.pos_ in ("NOUN", "PROPN"):
                    sides = self.res.sides(n)
                    if any(x.match is not None for x in sides):
                        targets = sides
                        break
                nxt += [c for c in children_of(n) if c.dep_ in ("pobj", "dobj", "prep", "pcomp")]
            if targets or not nxt:
                break
            frontier = nxt
        cand = Candidate(entry, entry.code, head, sources, targets, False, confidence=entry.conf * f)
        cand.span_tokens |= {tok.i, head.i}
        return cand
