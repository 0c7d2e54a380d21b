"""Reading the dependency parse: lemmas with the small model's slips mended, children by
relation, prepositional objects, voice, auxiliaries, negation, conditional clauses."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from tidings.parsed import children_of, parsed

if TYPE_CHECKING:
    from spacy.tokens import Token

MODAL_INTENT = frozenset({"will", "would", "shall", "'ll", "wo", "'d"})
MODAL_DROP = frozenset({"could", "might", "may", "can", "ca"})
MODAL_OBLIGE = frozenset({"must", "should", "ought"})
NEGATORS = frozenset({"not", "n't", "never", "no"})


def lemmas(tok: Token) -> list[str]:
    """The lemma, plus guesses from the word form for the small model's lemma slips
    ("staged" -> "stag")."""
    return list(_lemmas(tok.lemma_, tok.lower_, tok.pos_))


@lru_cache(maxsize=65536)  # the same words recur in article after article
def _lemmas(lemma: str, low: str, pos: str) -> tuple[str, ...]:
    out = [lemma.lower()]
    if pos in ("VERB", "AUX"):
        for suffix, repl in (("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""),
                             ("s", ""), ("ied", "y"), ("ies", "y")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                cand = low[: -len(suffix)] + repl
                if cand not in out:
                    out.append(cand)
        if low.endswith(("pped", "tted", "gged", "lled")):
            out.append(low[:-3])
        for prefix in ("re", "out", "mis", "fore"):
            stem = IRREGULAR_PAST.get(low[len(prefix):]) if low.startswith(prefix) else None
            if stem is not None and prefix + stem not in out:
                out.append(prefix + stem)  # "retook" -> "retake", which the model leaves alone
    return tuple(out)


#: irregular past forms of verbs that take a prefix ("re-take", "out-fight", "mis-take")
IRREGULAR_PAST = {"took": "take", "taken": "take", "fought": "fight", "ran": "run", "won": "win",
                  "drew": "draw", "drawn": "draw", "gave": "give", "given": "give", "sent": "send",
                  "built": "build", "saw": "see", "seen": "see", "wrote": "write", "made": "make",
                  "sold": "sell", "told": "tell", "caught": "catch", "held": "hold", "set": "set"}


def child(tok: Token, *deps: str) -> Token | None:
    for c in children_of(tok):
        if c.dep_ in deps:
            return c
    return None


#: adverbial particles the parse may take for a preposition with a phrase of its own hung on
#: it ("up to the border", "back to Kabul", "over to the police")
LEADING_PARTICLES = frozenset("up down back out over across along away forward off".split())


def opening_order(tok: Token | None) -> bool:
    """A bare verb that opens its sentence with no "to": how the parse reads a name that begins
    with a verb ("Save the Children", "Stop the War Coalition") as an order."""
    return (tok is not None and tok.i == tok.sent.start and tok.tag_ == "VB"
            and not any(a.dep_ == "aux" for a in children_of(tok)))


#: adjectives of a state's place beside another that the parse may read as verbs ("to
#: neighbouring Burundi")
NEIGHBOURING = frozenset({"neighbouring", "neighboring", "bordering"})


def preps(tok: Token, names: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``names`` hanging on ``tok`` ("with X", "on X")."""
    out: list[Token] = []
    for c in children_of(tok):
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON") and "to" in names:
            out.append(c)  # "lent Egypt $8 billion": the indirect object is "to Egypt"
            continue
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in names:
            for p in children_of(c):
                if p.dep_ == "pobj":
                    out.append(p)
                elif p.dep_ == "prep":  # "out of", "away from"
                    out.extend(q for q in children_of(p) if q.dep_ == "pobj")
                elif p.dep_ == "pcomp" and p.lower_ in NEIGHBOURING:
                    # "to neighbouring Burundi": an adjective the parse read as a verb
                    out.extend(q for q in children_of(p) if q.dep_ == "dobj" and q.pos_ == "PROPN")
                elif p.dep_ == "conj" and p.pos_ == "ADP" and not any(g.dep_ == "pobj" for g in children_of(c)):
                    # "flights to and from Panama": the object of the coordinated preposition
                    out.extend(q for q in children_of(p) if q.dep_ == "pobj")
        elif c.dep_ in ("prep", "advmod", "prt") and c.lower_ in LEADING_PARTICLES and not any(
                g.dep_ == "pobj" for g in children_of(c)):
            # "moved a brigade up to the border", "flew them back to Kabul": the particle leads
            # into the phrase the parse hangs on it
            out.extend(q for g in children_of(c) if g.dep_ == "prep" and g.lower_ in names
                       for q in children_of(g) if q.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ == "from" and "to" in names:
            # "from Poland to Ukraine": the parse hangs the to-phrase on "from"
            out.extend(q for g in children_of(c) if g.dep_ == "prep" and g.lower_ == "to"
                       for q in children_of(g) if q.dep_ == "pobj")
        elif _object_read_as_conjunct(tok, c):
            out.extend(preps(c, names))
    return out


def _object_read_as_conjunct(verb: Token, c: Token) -> bool:
    """A noun the parse coordinated with the verb after the verb's own object, as headlines list
    objects with a comma ("moves troops, tanks to Cambodian border"): a second object, whose
    phrases are the verb's."""
    return c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and verb.pos_ in ("VERB", "AUX") and any(
        d.dep_ == "dobj" and d.i < c.i for d in children_of(verb))


def prep_names(tok: Token) -> set[str]:
    """The prepositions, particles and complementisers hanging on a word; a preposition of time
    ("insisted on Wednesday") is no part of what the word takes."""
    names = {c.lower_ for c in children_of(tok) if c.dep_ in ("prep", "agent", "dative") and not (
        c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in children_of(c)))}
    names |= {c.lower_ for c in children_of(tok) if c.dep_ == "prt"}
    names |= {g.lower_ for c in children_of(tok) if c.dep_ in ("prep", "advmod", "prt") and c.lower_ in LEADING_PARTICLES
              and not any(o.dep_ == "pobj" for o in children_of(c))
              for g in children_of(c) if g.dep_ == "prep"}  # "up to the border": "to"
    for c in children_of(tok):
        if c.dep_ in ("ccomp",):
            names |= {m.lower_ for m in children_of(c) if m.dep_ == "mark"}
        if _object_read_as_conjunct(tok, c):
            names |= {g.lower_ for g in children_of(c) if g.dep_ == "prep"}
    return names


#: sums whose "in" phrase says what they are ("30 billion euros in funds", "$5 million in aid")
AMOUNT_NOUNS = frozenset("euro dollar pound yen yuan rupee billion million trillion sum amount "
                         "crore lakh $".split())
#: lots, loads and measures of goods: what they are of says what is given
LOT_NOUNS = frozenset("consignment shipment cargo batch load lot convoy package donation delivery "
                      "truck lorry van wagon container sack bag pallet boatload shipload "
                      "tonne ton dose kilogram kg litre liter carton crate truckload planeload "
                      "quantity".split())


def object_preps(obj: Token, names: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``names`` on a noun or on the nouns its "of" phrases name,
    down the chain ("a donation of 200,000 doses of vaccine from China": "China")."""
    out: list[Token] = []
    nouns = [obj]
    while nouns and not out:
        noun = nouns.pop(0)
        out = preps(noun, names)
        nouns += [p for p in preps(noun, ("of",)) if p.pos_ in ("NOUN", "PROPN")]
    return out


#: participles that say what a thing holds ("a bomb filled with chlorine", "a truck laden with
#: food"): the thing is described by its contents
FILLED = frozenset("fill load lade pack laden stuff lace".split())
#: participles that say what a vehicle carries ("trucks carrying food", "a ship transporting grain")
CARRYING = frozenset("carry transport ferry haul".split())


def group_doing(mod: Token) -> bool:
    """A participle before a plural noun: what the people do ("striking merchants", "protesting
    farmers"), not the thing a verb acts on ("ordered striking merchants" orders no strike)."""
    return mod.dep_ == "amod" and mod.tag_ == "VBG" and mod.head.tag_ == "NNS" and mod.head.i != mod.i


def lemma_set(tok: Token, depth: int = 0) -> set[str]:
    """Lemmas describing a noun: its head, its compound/amod modifiers, its "of" object."""
    out = {tok.lemma_.lower(), tok.lower_}
    if tok.tag_ in ("NNS", "NNPS"):
        # the plural's regular singular too: the tagger's lemma of "bases" is "basis", of "taxes"
        # "taxis", of "doses" "dos"
        out |= {tok.lower_.removesuffix("s"), tok.lower_.removesuffix("es")}
    for c in children_of(tok):
        if group_doing(c):
            continue  # "striking merchants", "protesting farmers": what the people do, not a kind of thing
        if c.dep_ in ("compound", "amod", "nmod"):
            out.add(c.lemma_.lower())
            out.add(c.lower_)
            for m in children_of(c):  # "chlorine-filled": what the modifier is made of
                if m.dep_ in ("npadvmod", "compound") and m.i < c.i:
                    out.add(m.lemma_.lower())
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in FILLED | CARRYING:
            # "barrel bombs filled with chlorine gas": what the thing is filled with, as in
            # "chlorine-filled"; "trucks carrying food": what it carries
            held = [o for p in children_of(c) if p.dep_ == "prep" and p.lower_ == "with"
                    for o in children_of(p) if o.dep_ == "pobj"]
            if c.lemma_.lower() in CARRYING:
                held = [o for o in children_of(c) if o.dep_ == "dobj"]
            for o in held:
                for item in [o, *(k for k in o.subtree if k.dep_ == "conj" and k.head.i == o.i)]:
                    out.add(item.lemma_.lower())
                    out.update(m.lemma_.lower() for m in children_of(item) if m.dep_ in ("compound", "amod"))
        if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and tok.lemma_.lower() in AMOUNT_NOUNS)):
            for p in children_of(c):
                if p.dep_ == "pobj":
                    out.add(p.lemma_.lower())
                    # "clouds of tear gas", "rounds of machine-gun fire": the stuff's own kind
                    out.update(m.lemma_.lower() for m in children_of(p) if m.dep_ in ("compound", "amod"))
                    if depth < 2 and (tok.lemma_.lower() in LOT_NOUNS or p.lemma_.lower() in LOT_NOUNS | AMOUNT_NOUNS):
                        # "a consignment of 30 tonnes of medicines, tents and meals": what the
                        # lot or measure is of, every item of it; "the suspension of $40 million
                        # in aid": what a sum is in
                        for item in [p, *(k for k in p.subtree if k.dep_ == "conj")]:
                            out |= lemma_set(item, depth + 1)
    return out


def to_infinitive(tok: Token) -> bool:
    """The verb has the infinitive marker "to" ("calls to step down", "for them to leave")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(tok))


def headline_subject(tok: Token) -> Token | None:
    """The subject of a headline's future: "Britain to send more troops to Estonia", "US to
    ease sanctions on Syria, Treasury says", "EU to lift sanctions ..., diplomats say" (a
    to-infinitive with a noun before it and no finite verb of its own: headlines write what
    will happen so).  None for any other verb."""
    if tok.tag_ != "VB" or not to_infinitive(tok):
        return None
    if tok.dep_ == "ROOT" or (tok.dep_ in ("ccomp", "parataxis") and tok.left_edge.i == tok.sent.start):
        # (a headline's clause opens its line: "US to ease sanctions, Treasury says"; "formed a
        # committee to investigate" is no headline)
        return next((c for c in children_of(tok) if c.dep_ in ("nsubj", "dep") and c.i < tok.i
                     and c.pos_ in ("PROPN", "NOUN")), None)
    head = tok.head
    if (tok.dep_ == "acl" and (head.pos_ == "PROPN" or _named_office(head)) and head.dep_ in ("ROOT", "advcl", "dep")
            and head.left_edge.i == tok.sent.start):
        return head
    return None


def _named_office(noun: Token) -> bool:
    """A common noun placed by a name before it: an office or body of a named country or
    organisation ("Uzbek president to visit Seoul", "Kenya's army to withdraw"), where "plans to
    visit Seoul" names no one."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound", "poss") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
        for c in children_of(noun))


#: spans of time an act can last ("after days of fighting", "weeks of talks", "began a week of
#: joint drills")
TIME_SPANS = frozenset("hour day week month year decade night".split())
#: units of time a "next" or "coming" puts ahead ("next week", "in the coming days")
TIME_UNITS = frozenset("day days week weeks weekend month months year years monday tuesday wednesday thursday "
                       "friday saturday sunday".split())


def time_clause(verb: Token) -> bool:
    """A "when" clause the parse hung on a time phrase as a relative clause ("were killed in
    October 2022 when soldiers opened fire", "on Monday, when police raided the office"): it
    tells when the clause's own act happened, not what the time was like."""
    head = verb.head
    return verb.dep_ == "relcl" and head.i < verb.i and (
        head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in TIME_SPANS | TIME_UNITS) and any(
        c.lower_ == "when" and c.tag_ == "WRB" for c in children_of(verb))


def told_as_future(verb: Token) -> bool:
    """A present-tense verb whose act is still to come: a time phrase ahead of now on it ("meets
    next week", "meet in Geneva tomorrow", "in the coming days")."""
    if verb.tag_ not in ("VBZ", "VBP", "VB"):
        return False
    for c in children_of(verb):
        if c.lower_ == "tomorrow" and c.dep_ in ("npadvmod", "advmod"):
            return True
        times = [c] if c.dep_ == "npadvmod" else [o for o in children_of(c) if o.dep_ == "pobj"] if c.dep_ == "prep" else []
        if any(t.lower_ in TIME_UNITS and any(m.lower_ in ("next", "coming") for m in children_of(t)) for t in times):
            return True
    return False


#: words that put an act on the calendar: "is set to sign", "is due to travel", "is scheduled to
#: meet", "are slated to resume", "was poised to approve"
SCHEDULE_WORDS = frozenset({"set", "due", "scheduled", "slated", "poised"})


def scheduled(verb: Token) -> bool:
    """An act announced as still to come by the words that put it on the calendar rather than by
    "will": the to-infinitive of "set", "due", "scheduled", "slated" or "poised" ("is set to send a
    field hospital", "Ghana set to receive IMF tranche"), or of "be" itself ("is to pay a state
    visit"); also the schedule word itself when what it schedules is its subject ("talks are
    scheduled for Monday")."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i and to_infinitive(verb):
        if head.lower_ in SCHEDULE_WORDS:
            return True
        # "is to pay": only with a named actor as the subject of "be" ("the emperor is to pay a
        # state visit"); "it is easy to blame", "the priority was to help" say no one will act
        return head.lemma_ == "be" and not any(a.dep_ == "neg" for a in children_of(head)) and any(
            s.dep_ == "nsubj" and any(w.ent_type_ in NAMED_ACTORS for w in [s] + [
                m for m in children_of(s) if m.dep_ in ("compound", "amod", "poss")])
            for s in children_of(head))
    # "talks are scheduled for Monday" ("were set on fire" is another "set")
    return verb.lower_ in ("scheduled", "slated") and any(
        c.dep_ == "auxpass" and c.lemma_ == "be" for c in children_of(verb))


#: the entity types that name an actor
NAMED_ACTORS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def object_nouns(tok: Token) -> set[int]:
    """The indices of a verb's noun objects ("resume negotiations": "negotiations")."""
    return {o.i for o in children_of(tok) if o.dep_ == "dobj" and o.pos_ == "NOUN"}


def manner_gerunds(tok: Token) -> set[int]:
    """The indices of the gerunds in a verb's prepositional phrases, which say how or in what
    its act is done ("follow Spain in recognising a state", "retaliate by expelling diplomats")."""
    return {g.i for p in children_of(tok) if p.dep_ == "prep"
            for g in children_of(p) if g.dep_ == "pcomp" and g.tag_ == "VBG"}


def verb_conjuncts(tok: Token) -> list[Token]:
    """The verbs coordinated after a verb that share its subject ("to free the protesters and
    drop all charges": "drop"); one with a subject of its own is another clause."""
    out: list[Token] = []
    stack = [tok]
    while stack and len(out) < 6:
        for c in children_of(stack.pop()):
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
                    k.dep_ in ("nsubj", "nsubjpass") for k in children_of(c)):
                out.append(c)
                stack.append(c)
    return out


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(tok)):
        return True
    if tok.dep_ == "advcl" and tok.tag_ == "VBN":
        # "Backed by Russian air power, Syrian troops ...": a bare past participle hung on a
        # clause is passive ("having backed" is not)
        return not any(c.dep_ in ("aux", "nsubj") for c in children_of(tok))
    if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.i < tok.i and any(
            c.dep_ == "auxpass" for c in children_of(tok.head)) and not any(
            c.dep_ in ("aux", "nsubj", "dobj") for c in children_of(tok)):
        # "were convicted and sentenced to seven years": the auxiliary serves both participles
        return True
    # "fishermen detained", "the arrested workers"; not a clause of its own the parse hung on a
    # noun ("a report that the militia had killed hundreds": its own subject, its own "had"), nor
    # the main verb after a subject and its apposition
    return tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "nsubj") for c in children_of(tok)) and not after_apposition(tok) \
        and not participle_with_object(tok)


#: verbs with two objects, whose passive participle keeps one ("a man given a life sentence",
#: "villagers offered compensation", "the envoy handed a protest note")
DOUBLE_OBJECT_VERBS = frozenset("give offer grant award show hand send promise deny pay lend owe teach "
                                "ask tell sell serve issue assign allow refuse charge fine".split())


#: verbs whose subject does what their to-infinitive names ("offered to send police",
#: "vowed to retaliate"): no passive of theirs takes one ("ordered to leave" is an order's)
SUBJECT_CONTROL_VERBS = frozenset("offer agree promise pledge vow threaten refuse decline decide "
                                  "attempt try seek plan undertake volunteer".split())


def participle_with_object(tok: Token) -> bool:
    """A past participle the parse hung on a noun with what only the active takes: a direct
    object, of a verb that has only one (a passive keeps no object), or the to-infinitive of a
    verb whose subject does what it names; not a passive but the noun's own verb ("an ambush by
    the faction ... killed 20 soldiers", "Papua New Guinea's prime minister offered on Friday to
    send police", "the foreign minister offered on Tuesday to mediate")."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.i > tok.i:
        return False
    if child(tok, "dobj") is not None:
        return tok.lemma_.lower() not in DOUBLE_OBJECT_VERBS
    # the to-infinitive may hang as an adverbial clause ("offered on Tuesday to mediate")
    return tok.lemma_.lower() in SUBJECT_CONTROL_VERBS and any(
        c.dep_ in ("xcomp", "advcl") and to_infinitive(c) for c in children_of(tok))


def after_apposition(tok: Token) -> bool:
    """A past form the parse hung on a noun, right after that noun's apposition and its comma,
    with an object of its own: "Mexico's president, Claudia Sheinbaum, rejected on Monday a
    suggestion ...", the sentence's main verb (a participle describing the noun comes before
    the apposition or takes no object)."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or head.i >= tok.i or child(tok, "dobj") is None:
        return False
    appos = [c for c in children_of(head) if c.dep_ == "appos" and head.i < c.i < tok.i]
    return bool(appos) and tok.i >= 1 and tok.doc[tok.i - 1].text == ","


def auxiliaries(tok: Token) -> list[Token]:
    out = [c for c in children_of(tok) if c.dep_ in ("aux", "auxpass")]
    # "is going to attack": the modal sits on "going"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and tok.head.tag_ == "VBG":
        out.append(tok.head)
    return out


#: words that deny a participant exists ("nobody was arrested", "police arrested no one")
NOBODY = frozenset({"nobody", "none", "nothing", "noone", "no-one"})


def negated(tok: Token) -> bool:
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "without" and tok.tag_ == "VBG":
        return True  # "raised its catch without consulting Iceland": no one was consulted
    for c in children_of(tok):
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                c.lower_ in NOBODY or (c.lower_ == "one" and any(
                    g.dep_ == "det" and g.lower_ == "no" for g in children_of(c)))):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and none_of_them(c):
            return True  # "no Rwandan troops have crossed", "not a single truck has been allowed"
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" and g.i < c.i for g in children_of(c)):
            return True  # "neither Kenya nor Uganda signed the agreement"
    return False


def none_of_them(noun: Token) -> bool:
    """A subject that says none did it: "no troops", "not a single prisoner", "not one truck"."""
    kids = children_of(noun)
    if any(g.dep_ == "det" and g.lower_ == "no" for g in kids):
        return True
    ones = [g for g in kids if g.lower_ in ("single", "one") and g.dep_ in ("amod", "nummod")]
    return bool(ones) and any(g.dep_ == "neg" and g.i < noun.i for g in kids + [k for o in ones for k in children_of(o)])


#: words that open a condition: what the clause says has not happened
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing", "whether"})


def conditional(tok: Token) -> bool:
    """Inside an if/unless clause (up to the clause boundary), or an until-clause in the present
    tense, a condition yet to be met ("refused to release them until Israel agrees to ...";
    "fought until the army withdrew" is a past that happened)."""
    node = tok
    for _ in range(5):
        if any(c.dep_ == "mark" and (c.lower_ in CONDITION_MARKS or (
                c.lower_ == "until" and node.tag_ in ("VBZ", "VBP")) or (
                # "provided that ...", "on condition that ...": the parse marks it with "that"
                c.lower_ == "that" and c.i > 0 and c.doc[c.i - 1].lower_ in ("provided", "providing", "condition")))
               for c in children_of(node)):
            return True
        if node.dep_ not in ("conj", "xcomp", "aux") or node.head.i == node.i:
            return False
        node = node.head
    return False


#: adjuncts whose event is presupposed background, not what the sentence reports
TEMPORAL_PREPS = frozenset({"after", "following", "since", "before", "during", "amid", "amidst",
                            "until", "despite"})
TEMPORAL_MARKS = frozenset({"after", "since", "before", "until", "once"})


#: nouns of violent acts: a relative clause on one tells what the act did ("a stabbing that
#: killed a man", "an air strike that killed 12"), it does not refer back to some other event
VIOLENT_ACT_NOUNS = frozenset("attack assault bombing blast explosion shooting stabbing strike "
                              "airstrike raid ambush shelling bombardment clash massacre".split())


def told_act(noun: Token) -> bool:
    """A violent act a sentence reports by naming it as an argument ("a blast that killed 12
    ripped through", "carried out a strike that killed", "died in an attack that ..."), not as
    the topic of something else ("an inquiry into the strike that killed")."""
    if noun.lemma_.lower() not in VIOLENT_ACT_NOUNS:
        return False
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT"):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in ("with", "in", "by")


def background(tok: Token) -> bool:
    """Whether ``tok`` sits in a part of the sentence that refers to an event rather than
    reports one: a relative clause ("where 28 people were killed"), a temporal adjunct ("after
    two days of fighting", "since the coup"), a participial modifier inside a larger clause."""
    node = tok
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return False
        dep = node.dep_
        if dep == "relcl" and not (node.i == tok.i and told_act(head)):
            return True
        if dep in ("pobj", "pcomp") and head.lower_ in TEMPORAL_PREPS:
            return True
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS
                                  for c in children_of(node)):
            return True
        if dep == "acl" and head.dep_ != "ROOT" and head.head.i != head.i and not existential(head):
            return True
        node = head
    return False


def existential(noun: Token) -> bool:
    """A noun said to exist by "there is/was/were" ("There were 10 soldiers killed in Ukraine"):
    a participle on it reports the act, as "10 soldiers were killed" does."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in children_of(noun.head))


#: nouns that name ideas, problems or standards rather than anyone who can be attacked or met
ABSTRACT_NOUNS = frozenset(
    "corruption crime poverty inflation disinformation misinformation propaganda terrorism "
    "extremism drug trafficking smuggling disease virus pandemic epidemic climate change blaze "
    "inferno wildfire fraud hunger unemployment standard requirement target deadline demand need "
    "criterion criteria condition expectation goal obligation challenge problem issue threat "
    "policy plan decision remark comment statement proposal idea law rule measure bill "
    "budget price cost rate deficit debt shortage crisis odds record expectation "
    # illnesses and fires are fought without violence ("battling cancer", "fought the flames")
    "cancer leukemia tumour tumor illness infection malaria ebola cholera measles polio "
    "tuberculosis hiv aids covid flu influenza dengue outbreak flame "
    # what a contest is won by ("seized the lead", "took the initiative")
    "lead initiative momentum "
    # the course of a market or a team ("arrest a year-long slide", "halt the decline")
    "slide slump decline downturn streak".split())
_ABSTRACT_SUFFIXES = ("tion", "sion", "ism", "ness", "ity", "ment", "ance", "ence", "ship")


def abstract(tok: Token) -> bool:
    """Whether a noun names an idea or a problem rather than a person, group, place or thing
    an act can be done to ("fight corruption", "meet standards", "attacked the policy")."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma in ABSTRACT_NOUNS:
        return True
    return lemma.endswith(_ABSTRACT_SUFFIXES) and lemma not in CONCRETE_EXCEPTIONS


#: prepositions that place a thing somewhere
_PLACING = frozenset("in inside near across along around throughout".split())
#: goals that can be met or missed, which no one attacks or criticises ("hit its target")
GOAL_NOUNS = frozenset("target deadline standard requirement criterion criteria goal record expectation".split())


def struck_target(tok: Token) -> bool:
    """"target" as a thing struck, not a goal met: placed somewhere ("targets in southern
    Lebanon") or named as someone's ("Hezbollah targets", "Iranian targets"); "inflation
    targets" and "hit its targets" stay goals."""
    if tok.lemma_.lower() != "target":
        return False
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ in _PLACING:
            return True
        if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i and (
                c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")):
            return True
    # the place phrase the parser hung on the verb: "struck targets in southern Lebanon", "in
    # Pakistani Punjab" (a name the model may not know for a place)
    return tok.dep_ == "dobj" and any(
        c.dep_ == "prep" and c.lower_ in _PLACING and c.i > tok.i
        and any(g.ent_type_ in ("GPE", "LOC", "FAC") or (g.pos_ == "PROPN" and g.ent_type_ not in ("DATE", "TIME"))
                for g in children_of(c))
        for c in children_of(tok.head))


#: nouns with an abstract-looking ending that name people, groups or places
CONCRETE_EXCEPTIONS = frozenset(
    "government administration opposition delegation coalition federation organisation "
    "organization population nation station position installation settlement encampment "
    "parliament battalion regiment detachment contingent community authority militia "
    "police ministry presidency embassy legation mission garrison facility "
    # the noun "ship" and its compounds share the suffix of "friendship"
    "ship warship gunship battleship flagship airship steamship spaceship "
    # collective actions are events, not ideas: "quelled the rebellion"
    "rebellion insurrection demonstration agitation insurgency resistance movement "
    "occupation detention operation "
    # places, buildings, vehicles, things and bodies of people that only look derived
    "city township municipality locality university department apartment basement residence "
    "mansion junction intersection monument plantation pavement fence ambulance compartment "
    "equipment instrument document garment shipment ammunition television "
    "institution corporation association commission division faction congregation charity "
    "minority audience celebrity entity".split())


def hyphenated(tok: Token) -> tuple[Token, str, str] | None:
    """The written compound ``tok`` is part of ("sit-in", "lathi-charged"), which the
    tokenizer splits in three: (the head token of the compound, its form, its lemma form),
    or None."""
    view = parsed(tok.doc)
    words, toks = view.words, view.tokens
    i = tok.i
    if i >= 2 and words[i - 1] == "-" and not toks[i - 2].whitespace_ and not toks[i - 1].whitespace_:
        first, last = toks[i - 2], tok
    elif i + 2 < len(toks) and words[i + 1] == "-" and not tok.whitespace_ and not toks[i + 1].whitespace_:
        first, last = tok, toks[i + 2]
    else:
        return None
    head = last if last.pos_ in ("NOUN", "VERB") or first.head.i == last.i else first
    return head, f"{first.lower_}-{last.lower_}", f"{first.lower_}-{last.lemma_.lower()}"


#: spans of time that put an act in history rather than in the news
HISTORY_SPANS = frozenset("year years decade decades century centuries".split())


def long_ago(tok: Token) -> bool:
    """The act is told as history: its clause is dated years ago ("Eighty years ago this week,
    Allied troops stormed the beaches"); a report is of what happens now, and history retold
    is no new event."""
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(c.lower_ == "ago" and any(n.lemma_.lower() in HISTORY_SPANS for n in children_of(c))
               for c in children_of(verb))
