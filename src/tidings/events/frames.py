"""Frames and modality: what a complement becomes under "threaten/agree/offer/refuse to",
"urge X to", "demand that", "ready to"; negation, modals, conditionals, reported obligations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.candidate import Candidate
from tidings.events.conventions import ASPECTUAL_VERBS, LIGHT_VERBS, TALK_NOUNS
from tidings.events.inquiries import INQUIRY_VERBS, constituted_body
from tidings.events.lexicon import NOT_CODED, Entry
from tidings.events.joint import TOGETHER, cooperation_code
from tidings.events.participants import CALLING_VERBS, SPEECH_LEMMAS, side_country
from tidings.events.requests import asks_money
from tidings.events.syntax import (
    MODAL_DROP,
    MODAL_INTENT,
    MODAL_OBLIGE,
    auxiliaries,
    child,
    conditional,
    headline_subject,
    lemmas,
    manner_gerunds,
    negated,
    object_nouns,
    preps,
    scheduled,
    to_infinitive,
    told_as_future,
    verb_conjuncts,
)
from tidings.events.threats import WMD
from tidings.parsed import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.events.participants import Side

#: verbs of getting in touch, and what one says in the touch they make: the infinitive of such a
#: verb is said as the call is made ("telephoned the president-elect to congratulate him")
CONTACT_VERBS = CALLING_VERBS | {"write", "cable"}
SAID_IN_CONTACT = frozenset("congratulate thank condole console apologise apologize praise commend".split())

#: words that make an event noun no particular act: "any new sanctions", "a possible strike"
NONSPECIFIC = frozenset({"any", "possible", "potential", "eventual", "hypothetical", "future"})


#: verbs whose complement did not happen
FAIL_VERBS = frozenset({"fail", "neglect", "unable", "unwilling", "reluctant", "powerless", "helpless"})
ATTEMPT_VERBS = frozenset({"try", "attempt"})
#: verbs whose complement was refused, so not done
REFUSE_VERBS = frozenset({"refuse", "decline"})
#: verbs whose gerund (object, or from-phrase) is kept from being done ("ruled out sending
#: troops", "refrained from criticising", "avoided condemning")
SHUNNING_VERBS = frozenset({"rule", "refrain", "avoid", "shun", "forgo", "forego", "abstain"})
ATTEMPT_NOUNS = frozenset({"attempt", "bid"})
#: nouns of proposing whose content is not (yet) done: "a proposal for direct talks", "an offer
#: to mediate"
PROPOSALS = frozenset("proposal offer plan request initiative suggestion invitation bid".split())
#: words whose complement is expected, not done ("scheduled to attend", "due to meet" report a
#: planned meeting and are coded as the meeting, like PETRARCH and the CAMEO examples do)
EXPECT_WORDS = frozenset({"likely", "unlikely", "expect", "expected", "supposed", "bound"})
#: verbs of a secret plan, whose complement is an act not (yet) done and not announced either
#: ("an agent plotting to blow up a railway"): no intent expressed, no act
PLOT_VERBS = frozenset({"plot", "scheme", "conspire"})
#: verbs whose "against" + gerund is an act they would have not happen ("warned against
#: sending troops"; a protest against an arrest presupposes the arrest)
ADVISE_AGAINST = frozenset("warn caution advise counsel urge vote decide rule".split())
#: verbs that say their that-clause is false ("denied that its jets had bombed the hospital")
DENY_VERBS = frozenset("deny refute rebut".split())
#: nouns whose that-clause is alleged, not asserted ("allegations that ...", "reports that ...")
ALLEGATION_NOUNS = frozenset(
    "allegation accusation claim complaint rumour rumor suspicion report".split())
#: verbs whose object (or from-complement) did not happen
PREVENT_VERBS = frozenset("prevent stop foil thwart avert forestall preempt pre-empt".split())
#: verbs that keep someone from an act by rule: "banned women from attending universities"
BAR_VERBS = frozenset("ban bar forbid prohibit block restrict".split())
#: verbs that stop a text from coming into force: what the text says is no act
STRUCK_DOWN = frozenset("veto reject block defeat".split())
#: words whose "at" names an aim ("aimed at ending the strike")
AIMING_WORDS = frozenset("aim target".split())
#: prepositions that name a topic of talk, and the words of talk they hang on ("talks on restoring
#: ties", "spoke about reopening the border")
TOPIC_PREPS = frozenset("about on over regarding concerning".split())
DISCUSSION_WORDS = TALK_NOUNS | frozenset("speak discuss confer consult negotiate meet call chat debate "
                                         "discussion discussions meeting consultation consultations "
                                         "conversation view views opinion opinions".split())
#: verbs and nouns of barring an act: what they bar is not done ("banned rallies by the
#: opposition", "a ban on rallies", "a moratorium on strikes")
#: (of the verbs that bar a complement, those that name a ban: a blocked or restricted act may
#: still be held)
BARRING_VERBS = (BAR_VERBS - {"bar", "block", "restrict"}) | {"outlaw"}
BARRING_NOUNS = frozenset("ban prohibition moratorium embargo".split())
#: verbs that, negated, say one will do their complement ("would not hesitate to use force")
NOT_HESITATE = frozenset("hesitate flinch shy".split())
#: prepositions of a complement verb (or its object) whose object is whom the act is for or
#: against: "vowed to hand power back to civilians", "pledged to end subsidies for miners"
AFFECTED_PREPS = ("to", "for", "with", "against", "on")
#: words that make a noun's infinitive a fact, not an aim: "the first country to recognise"
FACT_INFINITIVE_HEADS = frozenset("first last only second third latest".split())
#: agreements whose to-infinitive says what their signers will do, and the verbs that make them
AGREEMENT_NOUNS = frozenset("agreement deal accord pact treaty memorandum mou protocol arrangement".split())
SIGNING_VERBS = frozenset("sign ink reach conclude seal strike".split())
#: verbs that do what their infinitive says, whatever the parse: "police moved to arrest him"
DOING_VERBS = frozenset("act move proceed manage".split())
#: a threat frame's confidence once its complement names the act threatened (a lexicon entry's default)
THREAT_CONFIDENCE = 0.8
#: verbs of permission, and what an outside party is let in to do (CAMEO 086)
PERMIT_VERBS = frozenset("allow let permit authorise authorize".split())
INSPECTION_VERBS = frozenset("inspect monitor observe investigate verify".split())
DELIVERY_VERBS = frozenset("deliver bring distribute".split())
ADMISSION_VERBS = frozenset("visit enter access reach tour operate".split()) | INSPECTION_VERBS | DELIVERY_VERBS
#: pronouns by which a that-clause names its speaker as the doer ("warned that it would ...")
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
#: the entry behind "X said Y must ...": a reported obligation is a demand
REPORTED_DEMAND = Entry(kind="V", key="must (reported obligation)", code="100", line=0)
#: the entry behind "X warned that Y would pay a price": consequences foretold are a threat
WARNED_CONSEQUENCE = Entry(kind="V", key="would face consequences (warning)", code="130", line=0)
#: what a warned party "will face" or "would pay" when it is a threat: CAMEO 130's unspecified threat
CONSEQUENCE_VERBS = frozenset("bear face pay suffer meet".split())
CONSEQUENCE_NOUNS = frozenset("""consequence consequences price response retaliation repercussion
    repercussions punishment reprisal reprisals countermeasure countermeasures retribution
    wrath""".split())
WARNING_VERBS = frozenset("warn caution threaten".split())
#: verbs of an act that brings consequences on the one who does it: "supplying the missiles
#: could draw a nuclear response" (the warned party's act draws the speaker's response)
DRAWING_VERBS = frozenset("draw trigger provoke invite".split())
#: verbs of the speaker's own response: "warned that it would respond with force"
RESPONSE_VERBS = frozenset("respond retaliate react".split())
#: words that make consequences foretold a threat of force (138): "a crushing response"
FORCEFUL = frozenset("military force armed crushing devastating".split())


#: verbs of demanding that also say a thing is so ("insisted that the vote was fair")
INSIST_LEMMAS = frozenset({"insist", "maintain"})


#: auxiliaries only the indicative has ("had struck", "was shelled", "has left"); the subjunctive
#: of a demand takes the bare "be" or "have" of every person ("that he be removed")
FINITE_AUXILIARIES = frozenset("has had was were is are did does 's 've".split())


def asserts_a_fact(tok: Token, comp: Token) -> bool:
    """ "Insisted that the budget was sound", "insists the plan works", "insisted that its jets
    had not struck the camp": the that-clause in the indicative (in a tense of its own or with an
    auxiliary only the indicative has), with no modal of obligation, says what is so; "insisted
    that he resign" (the subjunctive) or "that talks must resume" asks for an act."""
    auxes = {a.lower_ for a in auxiliaries(comp)}
    return (tok.lemma_.lower() in INSIST_LEMMAS and comp.dep_ == "ccomp"
            and (comp.tag_ in ("VBD", "VBZ") or bool(auxes & FINITE_AUXILIARIES))
            and not auxes & MODAL_OBLIGE)


def verb_of_object(noun: Token) -> Token | None:
    """The verb a noun is the object of, through a measure's "of" ("a new round of talks") and
    up a chain of coordinated verbs ("host and mediate a new round of talks": "host")."""
    node = noun
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head
    if node.dep_ not in ("dobj", "nsubjpass") or node.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = node.head
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def topic_or_aim(tok: Token) -> bool:
    """A verb that is, or is the complement of, a gerund named as the topic of talk ("spoke about
    reopening", "talks on restoring ties") or as an aim ("aimed at ending the strike", "a strike
    aimed at forcing the prime minister to resign")."""
    node = tok
    for _ in range(4):
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.i != node.i:
            prep = node.head
            owner = prep.head
            if prep.lower_ == "at" and owner.lemma_.lower() in AIMING_WORDS:
                return True
            # (on the talk itself, or on the verb that holds it: "will hold talks next month on")
            talk = {owner.lemma_.lower(), owner.lower_} | {c.lower_ for c in children_of(owner) if c.dep_ == "dobj"}
            return prep.lower_ in TOPIC_PREPS and bool(talk & DISCUSSION_WORDS)
        if node.dep_ not in ("xcomp", "ccomp", "conj", "dobj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def barred(noun: Token) -> bool:
    """An act noun that a ban bars: the object of a verb of barring ("banned rallies") or of the
    on-phrase of a noun of barring ("a ban on rallies"), through coordination ("rallies and
    marches")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head
    head = noun.head
    if noun.dep_ == "dobj":
        return head.lemma_.lower() in BARRING_VERBS
    return (noun.dep_ == "pobj" and head.lower_ == "on" and head.head.i != head.i
            and head.head.lemma_.lower() in BARRING_NOUNS)


def own_words(noun: Token) -> bool:
    """A report or a claim its speaker makes in saying: "said in a report that ...", "stated in
    a complaint that ..." (what the speaker says there is reported speech, as "said that")."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "in" and head.head.i != head.i and bool(
        set(lemmas(head.head)) & SPEECH_LEMMAS)


#: verbs whose complement may be a gerund ("denied supplying weapons", "considered imposing
#: sanctions", "stopped paying salaries")
GERUND_TAKERS = frozenset(
    "deny admit consider contemplate weigh discuss propose recommend suggest avoid resume stop halt "
    "suspend cease quit finish start begin continue keep".split())


def misread_gerund(tok: Token) -> Token | None:
    """A gerund complement the parse made an adjective on the verb's object ("denied [supplying]
    weapons" read as denying supplying-weapons): a VBG right after a verb that takes gerunds,
    describing the verb's object."""
    if tok.lemma_.lower() not in GERUND_TAKERS or tok.pos_ != "VERB":
        return None
    for c in children_of(tok):
        if c.dep_ == "dobj":
            for a in children_of(c):
                if a.dep_ == "amod" and a.tag_ == "VBG" and a.i == tok.i + 1:
                    return a
    return None


class Frames:
    # ------------------------------------------------------------------ complements
    def complement(self, tok: Token) -> Token | None:
        for c in children_of(tok):
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                return c
        gerund = misread_gerund(tok)
        if gerund is not None:
            return gerund
        for c in children_of(tok):
            if c.dep_ == "ccomp" and (c.pos_ in ("VERB", "AUX") or (
                    c.pos_ == "NOUN" and any(m.dep_ == "mark" for m in children_of(c)))):
                # (a that-clause the parser made a noun phrase: "demanded that Pakistan open
                # negotiations" with "open" read as an adjective)
                return c
        return None

    @staticmethod
    def request_clause(tok: Token) -> Token | None:
        """An appeal's or demand's infinitive that the parser hung as a purpose clause: "appealed
        to the authorities on Monday to free the journalist" (what is asked, not why)."""
        for c in children_of(tok):
            if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > tok.i and to_infinitive(c):
                return c
        return None

    def excluded_complement(self, comp: Token) -> bool:
        """A complement verb whose object the lexicon names as no political act ("buy" a firm,
        "release" a report): an entry with an object list that codes nothing."""
        if comp.pos_ not in ("VERB", "AUX"):
            return False
        entries = [e for v in lemmas(comp) for e in self.lex.entries("V", v)]
        obj = self.object_of(comp)  # type: ignore[attr-defined]
        if not entries or obj is None:
            return False
        entry = self.choose(entries, comp, obj, None, None, None)  # type: ignore[attr-defined]
        return entry is not None and entry.code == NOT_CODED and bool(entry.obj)

    def inner_code(self, comp: Token) -> tuple[Candidate | None, Token]:
        """The complement's own coding (as a verb, or an event-noun object), for a frame."""
        if comp.lemma_.lower() in ASPECTUAL_VERBS:
            nested = child(comp, "xcomp")
            if nested is not None and nested.pos_ == "VERB":
                comp = nested
        if comp.pos_ in ("VERB", "AUX"):
            cand = self.joint_undertaking(comp) or self.verb(comp, as_complement=True)
            light_obj = child(comp, "dobj")
            if cand is not None and not cand.entry.obj and light_obj is not None and light_obj.pos_ == "NOUN" and (
                    comp.lemma_.lower() in LIGHT_VERBS):
                # "threatened to begin an indefinite strike": a light verb's event-noun object
                # names the act (as it does outside a frame), not a code the verb has whatever
                # its object
                named = self.noun(light_obj, as_complement=True) if not negated(comp) else None
                if named is not None and named.code[:2] != cand.code[:2]:
                    named.consumed.add(comp.i)  # the light verb is no act of its own
                    return named, light_obj
            obj = self.object_of(comp)
            if cand is not None and obj is not None and self.idea(obj) and cand.code[:2] in ("04", "18", "19", "20"):
                return None, comp  # "insists the bill meets European standards"
            if cand is not None and cand.code[:2] == "19" and self.figurative_fight(cand, self.sentence):
                return None, comp  # "pledging to wage war on graffiti"
            if cand is not None:
                return cand, comp
            for g in sorted(manner_gerunds(comp)):
                # "urged them to follow Spain in recognising the state": an act the complement
                # names no code for is done in its gerund
                cand = self.verb(self.doc[g], as_complement=True)
                if cand is not None:
                    return cand, self.doc[g]
            for verb in verb_conjuncts(comp):
                # "warned that they would be dismissed and arrested": an act the first verb
                # names no code for is the coded one coordinated with it
                cand = self.verb(verb, as_complement=True)
                if cand is not None:
                    return cand, verb
            # "agreed to a ceasefire" / "offered to hold talks"
            if not (set(lemmas(comp)) & (LIGHT_VERBS | {"agree"})):
                return None, comp
            for obj in [child(comp, "dobj")] + preps(comp, ("to", "for")):
                if obj is not None and obj.pos_ == "NOUN":
                    cand = self.noun(obj, as_complement=True)
                    if cand is not None:
                        return cand, obj
            return None, comp
        cand = self.noun(comp, as_complement=True)
        if cand is not None and cand.code[:2] in ("15", "18", "19", "20") and any(
                m.i < comp.i and m.lower_ in TOGETHER for m in children_of(comp)):
            # "ruled out joint military operations with the US": force used together is
            # cooperation asked for or refused, not force against the partner
            cand.code = cooperation_code(comp)
        return cand, comp

    def apply_frame(self, cand: Candidate, tok: Token, obj: Token | None, comp: Token | None) -> None:
        frame = cand.entry.frame
        assert frame is not None
        if frame == "demand" and comp is not None and asserts_a_fact(tok, comp):
            cand.code = ""  # "insisted that the budget was sound": a claim, not a demand
            return
        inner: Candidate | None = None
        inner_tok: Token | None = None
        if frame in ("appeal", "demand") and comp is not None and comp.dep_ in ("advcl", "xcomp") and asks_money(tok):
            # "asked the UN for $300 million to support refugees": the money is asked, the
            # infinitive is what it is for (and may name whom: "$908 million to help Haiti")
            purpose, _ = self.inner_code(comp)
            if purpose is not None and not any(t.match is not None for t in cand.targets):
                cand.targets = [t for t in purpose.targets if t.match is not None] or cand.targets
            cand.consumed |= {comp.i} | object_nouns(comp)  # (what the money is for is not done)
            comp = None
        if comp is not None:
            inner, inner_tok = self.inner_code(comp)
        if inner is None and comp is not None and self.excluded_complement(comp):
            cand.code = ""  # "agreed to buy an Israeli start-up": what is agreed is no political act
            return
        if inner is None and obj is not None and obj.pos_ == "NOUN":
            inner, inner_tok = self.inner_code(obj)
            if inner is None and self.sense_excluded(obj):  # type: ignore[attr-defined]
                cand.code = ""  # "rejected a hostile takeover bid": a company's bid, no political act
                return
        if inner is None and comp is None:
            for p in preps(tok, ("to", "for", "on")):
                if p.pos_ == "NOUN":
                    inner, inner_tok = self.inner_code(p)
                    if inner is not None:
                        break
        if inner is not None and inner_tok is not None:
            if negated(inner_tok):
                cand.code = ""  # "agreed not to attack": abstain
                return
            if inner.code[:2] == "15" and (self.peacekeepers(inner) or self.come_to_help(inner)):  # type: ignore[attr-defined]
                # "offered to send police to help restore order": protection offered (0334), as
                # protection given when they are sent, not a threat of force
                inner.code = "074"
                served = self.mission_country(inner) or self.helped_party(inner)  # type: ignore[attr-defined]
                if served is not None:
                    inner.targets = [served]
            found, code = self.transform(frame, inner.code)
            if found and code is None and frame == "reject" and inner_tok.pos_ == "NOUN" and inner.code[:2] == "15":
                # "rejected any deployment of US troops on Mexican soil": a force posture named as
                # a thing is refused, as a plan is (the rejection's own code); one's own act
                # refused ("refused to send troops") is an act not done
                code = cand.code
            if found:
                if code is None:
                    cand.code = ""
                    return
                cand.code = code
                if frame == "threat":
                    # a warning is a threat only of a coercive act; once that act is coded ("warned
                    # that a curfew would be imposed"), the doubt the weak verb carries is settled
                    cand.confidence = max(cand.confidence, THREAT_CONFIDENCE)
            cand.consumed.add(inner_tok.i)
            cand.consumed |= inner.consumed
            if inner_tok.pos_ in ("VERB", "AUX"):
                # "demanded that Kosovo resume negotiations": the talks are asked for, not held;
                # so is what is asked in the same breath ("urged them to free the protesters and
                # drop all charges")
                for verb in [inner_tok, *verb_conjuncts(inner_tok)]:
                    cand.consumed |= {verb.i} | object_nouns(verb) | manner_gerunds(verb)
            cand.span_tokens.add(inner_tok.i)
            if frame in ("threat", "intent") and not any(s.match is not None for s in cand.sources) \
                    and inner_tok.pos_ in ("VERB", "AUX") and any(s.match is not None for s in inner.sources):
                # "Police will arrest anyone who joins the rally, the home department warned": a
                # speaker no one can place speaks for the one who is to act
                cand.sources = inner.sources
            if not any(s.match is not None for s in cand.targets):
                if inner.targets and any(s.match is not None for s in inner.targets):
                    cand.targets = inner.targets
                elif inner_tok.pos_ == "NOUN" and any(s.match is not None for s in inner.sources):
                    cand.targets = inner.sources  # "agreed to US mediation"
            # "urged Lavrov to end ...": the object is the target, not the complement's subject
        elif frame == "threat" and comp is not None and self.conditional_warning(comp) \
                and self.verb(comp) is None:  # type: ignore[attr-defined]
            # "warned Manila that it would take all necessary measures if its vessels returned":
            # what one will do to another if the other acts is a threat, whatever it is
            cand.confidence = max(cand.confidence, THREAT_CONFIDENCE)
            cand.consumed |= {comp.i} | object_nouns(comp)
            if not any(t.match is not None for t in cand.targets):
                cand.targets = self.first_actor([child(c, "nsubj", "nsubjpass") for c in children_of(comp)
                                                 if c.dep_ == "advcl"])
        elif "*" in cand.entry.xc:
            cand.code = ""  # "sought to alleviate": a weak intent verb needs a coded complement
            return
        elif comp is not None:
            cand.consumed.add(comp.i)
            if frame in ("demand", "appeal"):
                # "demanded that Pakistan open negotiations": what is asked for is not done, nor
                # how ("urged them to follow Spain in recognising the state")
                for verb in [comp, *verb_conjuncts(comp)]:
                    cand.consumed |= {verb.i} | object_nouns(verb) | manner_gerunds(verb)
            elif not any(t.match is not None for t in cand.targets):
                # "promised to hand power back to civilians", "threatened to outlaw the party":
                # an act the codebook has no code for still says whom the intent is about
                cand.targets = self.affected_by(comp)
            if comp.dep_ == "ccomp" and frame in ("demand", "appeal"):
                s = child(comp, "nsubj")
                if s is not None and not any(t.match is not None for t in cand.targets):
                    cand.targets = self.res.sides(s)
        if frame in ("demand", "appeal") and comp is not None and comp.dep_ == "ccomp":
            s = child(comp, "nsubj", "nsubjpass")
            if s is not None:
                sides = self.res.sides(s)
                if any(t.match is not None for t in sides):
                    cand.targets = sides

    @staticmethod
    def conditional_warning(comp: Token) -> bool:
        """A that-clause of what the speaker will do (will/would) with an if- or unless-clause on
        it: an act promised on a condition the warned party controls."""
        if comp.dep_ != "ccomp" or not {a.lower_ for a in auxiliaries(comp)} & MODAL_INTENT:
            return False
        subject = child(comp, "nsubj")
        speaker = child(comp.head, "nsubj")
        if subject is None or not (subject.lower_ in SPEAKER_PRONOUNS or (
                speaker is not None and subject.lemma_.lower() == speaker.lemma_.lower())):
            return False  # "warned that prices would rise if ...": a forecast, not the speaker's act
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in children_of(c)) for c in children_of(comp))

    def admitted(self, cand: Candidate, tok: Token) -> None:
        """A permission whose complement lets an outside party in: "let the Red Cross visit the
        prisoners", "did not allow the UN rights chief to visit the camps".  CAMEO codes the
        letting-in as the permitter's yield to international involvement (086: 0862 for
        inspection, 0863 for aid brought in), the admitted party its target; the visit is what
        is permitted, not a second act told as done."""
        if not (cand.code == "080" or cand.code.startswith("086")) or not set(lemmas(tok)) & PERMIT_VERBS:
            return
        comp = next((c for c in children_of(tok) if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                     and c.lemma_.lower() in ADMISSION_VERBS), None)
        if comp is None:
            return
        if cand.code != "080":
            # "allow UN convoys to enter Darfur": the object already named the involvement
            cand.consumed |= {comp.i} | object_nouns(comp)
            return
        party = child(comp, "nsubj") or child(tok, "dobj")
        if party is None:
            return
        sides = [x for x in self.res.sides(party) if x.match is not None]
        own = {side_country(x) for x in cand.sources} - {None}
        outside = [x for x in sides if str(getattr(x.match, "code", "")).startswith(("IGO", "NGO"))
                   or (side_country(x) is not None and own and side_country(x) not in own)]
        if not outside:
            return
        verb = comp.lemma_.lower()
        cand.code = "0862" if verb in INSPECTION_VERBS else "0863" if verb in DELIVERY_VERBS else "086"
        cand.targets = outside
        cand.consumed |= {comp.i} | object_nouns(comp)
        cand.consumed |= {t.i for t in comp.subtree if t.pos_ == "NOUN" and any(
            e.code[:2] == "04" for e in self.lex.entries("N", t.lemma_.lower()))}  # "during her trip"
        cand.span_tokens |= {comp.i, party.i}

    def affected_by(self, verb: Token) -> list[Side]:
        """The first actor an uncoded complement verb acts on: its object, the object of a
        to/for/with/against/on phrase on it or on its object, then the same on the verbs
        coordinated with it; nothing when none of them names an actor."""
        verbs = [verb] + [c for c in children_of(verb) if c.dep_ == "conj" and c.pos_ == "VERB"]
        heads: list[Token | None] = []
        for v in verbs:
            obj = child(v, "dobj")
            heads += [obj] + preps(v, AFFECTED_PREPS) + (preps(obj, AFFECTED_PREPS) if obj is not None else [])
        return self.first_actor(heads)

    def first_actor(self, heads: list[Token | None]) -> list[Side]:
        """The sides of the first of ``heads`` that names an actor, or nothing."""
        for h in heads:
            if h is None:
                continue
            sides = self.res.sides(h)
            if any(t.match is not None for t in sides):
                return sides
        return []

    def transform(self, frame: str, code: str) -> tuple[bool, str | None]:
        table = self.lex.transforms.get(frame, {})
        for k in range(len(code), 0, -1):
            if code[:k] in table:
                return True, table[code[:k]]
        return False, None

    # ------------------------------------------------------------------ modality
    def modality(self, cand: Candidate) -> bool:
        """Adjust for negation, modals and conditionals; False = drop the candidate."""
        tok = cand.trigger
        if cand.entry is WARNED_CONSEQUENCE:
            return True  # the warning is the act; its "would" and "if" are what makes it a threat
        if tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX") and (
                conditional(tok.head) or {a.lower_ for a in auxiliaries(tok.head)} & (MODAL_DROP | MODAL_OBLIGE)):
            return False  # an act as the subject of "could resume", "may erupt": no event yet
        if tok.dep_ == "acl" and tok.pos_ == "VERB" and any(
                c.dep_ == "det" and c.lower_ in NONSPECIFIC for c in children_of(tok.head)):
            return False  # "any foreign navy escorting ships": no particular act
        if tok.dep_ in ("acl", "relcl") and tok.head.dep_ in ("dobj", "nsubjpass") and (
                set(lemmas(tok.head.head)) & STRUCK_DOWN):
            return False  # "vetoed a resolution demanding a ceasefire": the text never came to be
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "advcl") and any(
                c.dep_ == "mark" and c.lower_ == "whether" for c in children_of(tok)):
            return False  # "investigating whether soldiers had fired on villagers": a question
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "for" for c in children_of(tok)) \
                and to_infinitive(tok):
            return False  # "calling for the government to step down": wished for, not done
        if tok.pos_ == "NOUN":
            if any(c.dep_ in ("det", "amod") and c.lower_ in NONSPECIFIC for c in children_of(tok)):
                return False  # "against any new sanctions", "a possible strike": no act named
            if self.asked_for(tok):
                return False  # "the call for the resignation of the minister": wished, not done
            if barred(tok):
                return False  # "a ban on rallies by the opposition": the rallies are not held
            if cand.code[:2] in ("06", "07") and tok.dep_ in ("dobj", "nsubjpass") and set(lemmas(tok.head)) & STRUCK_DOWN:
                # "vetoed the EU's aid package for Ukraine": the aid or deal struck down was not
                # given (a demand or an appeal rejected was still made)
                return False
            verb = verb_of_object(tok)
            if verb is not None and self.framed(verb):
                # "ready to host a new round of talks", "offered to host and mediate a new round
                # of talks": the talks are yet to be
                return False
            while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == "NOUN":
                tok = tok.head  # "if there is any firing or arrests"
            gov = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
            if gov is None or gov.pos_ not in ("VERB", "AUX"):
                return not conditional(tok.head) if tok.head.i != tok.i else True
            tok = gov
        if conditional(tok):
            return False
        if tok.pos_ == "VERB" and self.proposed(tok):
            return False  # "rejected an offer to send an envoy to mediate": proposed, not done
        if tok.tag_ == "VBN" and {a.lower_ for a in auxiliaries(tok)} >= {"have"} and (
                {a.lower_ for a in auxiliaries(tok)} & (MODAL_INTENT | MODAL_DROP | MODAL_OBLIGE)):
            return False  # "a resolution that would have renewed sanctions": it did not
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "against" and (
                set(lemmas(tok.head.head)) & ADVISE_AGAINST):
            return False  # "warned NATO against sending troops": an act advised against, not done
        undone = self.undone(tok)
        # a meeting on the calendar stays the meeting (the convention of docs/events.md, after
        # PETRARCH and the dev set's own "is scheduled to attend a summit"); any other act put
        # there is announced as "will" announces it
        on_calendar = scheduled(tok) and cand.code[:2] != "04"
        if undone == "expected" and cand.code[:2] == "04" and not negated(tok):
            # "the president is expected to host his Iraqi counterpart on Jan. 20": a meeting
            # on the calendar, coded as the meeting as "is scheduled to attend" and "is due to
            # meet" are; what is only expected of other acts ("likely to be arrested") is not done
            undone = None
        if undone == "attempted" and cand.code[:2] == "14" and not negated(tok):
            # "hundreds of protesters tried to march on State House": the crowd that set out is
            # the demonstration, however far it got
            undone = None
        if undone in ("attempted", "prevented") and cand.code.startswith("186"):
            cand.code = "185"  # CAMEO has the attempt itself: "attempt to assassinate", thwarted or not
            return True
        if undone:
            # "police failed to arrest him", "troops prevented the march": reported, not done
            cand.negated, cand.modality = True, undone
            return True
        if cand.code[:2] != "14" and topic_or_aim(tok):
            # "spoke by telephone about reopening border crossings", "held talks on restoring
            # ties", "talks aimed at ending the strike": what is talked of or aimed at, not done
            return False
        signers = self.agreed_act(tok)
        if signers is not None:
            # "Tunisia and Algeria signed an agreement to reopen three border crossings": what a
            # signed agreement is to do, its signers intend (the codebook's 03, as "agreed to")
            if not any(x.match is not None for x in cand.sources):
                cand.sources = signers
            if not any(t.match is not None for t in cand.targets):
                others = [x for x in signers if all(x.key != y.key for y in cand.sources)]
                cand.targets = others or cand.targets
            found, code = self.transform("intent", cand.code)
            if not found or code is None or negated(tok):
                return False
            cand.code, cand.modality = code, "intent"
            cand.confidence *= 0.9
            return True
        if cand.code[:2] != "14" and self.in_purpose(tok):
            # "sent troops to help Haiti fight the gangs": an aim, not yet an act (a protest is
            # made by the act done for it: "drove tractors into Madrid to protest")
            return False
        hesitant = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NOT_HESITATE
        if hesitant and not negated(tok.head):
            return False  # "Iran hesitated to strike": held back, not done
        # "would not hesitate to strike": a double negative, what one will do (the intent of a
        # threat when it is force)
        litotes = hesitant and negated(tok.head)
        gov = None if litotes else self.governor(tok)
        if gov is not None and (negated(gov) or conditional(gov)
                                or {a.lower_ for a in auxiliaries(gov)}
                                & (MODAL_DROP | MODAL_INTENT | MODAL_OBLIGE)):
            # "would not give permission to Russia to help Israel": the purpose is no act
            return False
        neg = negated(tok)
        auxes = {a.lower_ for a in auxiliaries(tok)} | ({"will"} if litotes else set())
        if auxes & MODAL_DROP:
            if neg and auxes & {"could", "can", "ca"}:
                cand.negated, cand.modality = True, "failed"  # "could not stop the mob"
                return True
            return False
        if auxes & MODAL_OBLIGE:
            if cand.entry is REPORTED_DEMAND:
                return True
            return self.reported_demand(cand, tok)
        frame = cand.entry.frame
        if not frame and self.second_complement_of_intent(tok):
            auxes = auxes | {"will"}  # "agreed to share information and to hold drills"
        if headline_subject(tok) is not None:
            auxes = auxes | {"will"}  # "Britain to send more troops to Estonia": a headline's future
        elif told_as_future(tok) or on_calendar:
            # "the Council meets next week", "is set to send a field hospital", "is set to impose
            # duties": what is announced for later is announced as "will" announces it
            auxes = auxes | {"will"}
        if auxes & MODAL_INTENT:
            if cand.code[:2] == "15" and self.peacekeepers(cand):  # type: ignore[attr-defined]
                cand.code = "074"  # "the UN mission will deploy more troops": to keep the peace
            if frame in ("intent", "threat", "reject") and not neg:
                cand.modality = "intent" if frame == "intent" else frame
                return True
            if frame and frame != "intent":
                if frame == "appeal" and not neg and cand.code[:2] == "02":
                    # "will ask the IMF for an extension": an appeal announced is the appeal
                    # (CAMEO has no code for an intent to appeal)
                    cand.modality = "intent"
                    return True
                return False  # "would reject": not coded
            table = "reject" if neg else "intent"
            if not neg and cand.code[:3] == "087" and any(
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in children_of(c))
                    for c in children_of(tok)):
                # "would pull its troops out unless their pay arrives": a withdrawal one will make
                # unless another acts is a threat to end one's part, not an intent to yield
                table = "threat"
            if not neg and cand.code[:2] == "15" and any(x.match is not None for x in cand.sources):
                # "Mexico will deploy 10,000 soldiers to Sinaloa", "the military will raise its
                # alert level": a force posture announced by a named force is the posture shown
                # (CAMEO 15), not a threat to use force, which the codebook keeps for an explicit
                # threat (138)
                cand.modality = "intent"
                return True
            found, code = self.transform(table, cand.code)
            if not found or code is None:
                return False
            if code.startswith("13") and self.foretold_by_another(tok):
                return False  # "Iran said that Israel would respond with force": no one threatens
            cand.code = code
            cand.modality = "rejected" if neg else ("threat" if code.startswith("13") else "intent")
            cand.confidence *= 0.9
            return True
        if neg:
            cand.negated = True
        return True

    def framed(self, verb: Token) -> bool:
        """A verb that is the to-complement of an adjective or a verb of intent, refusal, threat,
        demand or appeal ("ready to host", "unwilling to resume", "offered to host"): what it
        does to its object is not done."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i:
            return False
        kind, frames = ("A", ("intent", "reject")) if head.pos_ == "ADJ" else (
            ("V", ("intent", "reject", "threat", "demand", "appeal")) if head.pos_ == "VERB" else (None, ()))
        return kind is not None and any(e.frame in frames for e in self.lex.entries(kind, head.lemma_.lower()))

    def asked_for(self, tok: Token) -> bool:
        """An act noun that is what an appeal or a demand asks for ("the call for the
        resignation of the minister", "the demand for the release of the bloggers"): the for-
        object of a noun the lexicon codes as an appeal (02) or a demand (10)."""
        head = tok.head
        if tok.dep_ != "pobj" or head.lower_ != "for" or head.head.i == head.i or head.head.pos_ != "NOUN":
            return False
        return self.asking_noun(head.head)

    def asking_noun(self, noun: Token) -> bool:
        """A noun of asking or proposing: one the lexicon codes as an appeal (02) or a demand
        (10), or a proposal, offer, plan or request, whose content is not (yet) done."""
        return noun.lemma_.lower() in PROPOSALS or any(
            e.code[:2] in ("02", "10") for e in self.lex.entries("N", noun.lemma_.lower()))

    def proposed(self, verb: Token) -> bool:
        """A verb in the to-infinitive a proposal or request is for, however deep the purpose
        chain ("rejected an offer by the African Union to send an envoy to mediate", "a plan to build a
        dam"): proposed, not done."""
        node = verb
        for _ in range(4):
            if not to_infinitive(node) or node.head.i == node.i:
                return False
            head = node.head
            if node.dep_ == "acl" and head.pos_ == "NOUN":
                return self.asking_noun(head)
            if node.dep_ not in ("xcomp", "advcl", "acl", "relcl") and head.pos_ != "NOUN":
                return False
            if head.pos_ == "NOUN":  # "an envoy to mediate": the noun's own acl chain goes on up
                if head.dep_ not in ("dobj", "nsubjpass") or head.head.i == head.i:
                    return False
                head = head.head
            node = head
        return False

    def second_complement_of_intent(self, tok: Token) -> bool:
        """A verb coordinated with the complement of an intent or threat frame ("agreed to share
        X and to hold Y", "threatened to outlaw the party and close its offices") is intended
        like the first."""
        if tok.dep_ != "conj" or not (tok.head.dep_ == "xcomp" or (
                tok.head.dep_ == "advcl" and to_infinitive(tok.head))):
            return False
        gov = tok.head.head
        return any(e.frame in ("intent", "threat") for lemma in lemmas(gov) for e in self.lex.entries("V", lemma))

    @staticmethod
    def undone(tok: Token) -> str | None:
        """ "failed", "attempted", "planned" or "prevented" when the act did not happen: the
        complement of fail/neglect/be unable, of try/attempt, of plot/scheme/conspire, or what
        prevent/stop/foil/thwart/avert have as object (a noun, or the verb of a clause that
        describes it); "denied" for the that-clause of deny/refute/rebut."""
        node = tok
        clause = tok
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "ccomp" and set(lemmas(clause.head)) & DENY_VERBS and not negated(clause.head):
            return "denied"  # "Russia denied that its jets had bombed the hospital": not asserted
        if clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN" and clause.head.dep_ == "dobj" \
                and set(lemmas(clause.head.head)) & DENY_VERBS and not negated(clause.head.head):
            return "denied"  # "the army denied reports that its soldiers killed civilians"
        if clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN" \
                and clause.head.lemma_.lower() in ALLEGATION_NOUNS and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in children_of(clause)) \
                and not own_words(clause.head):
            return "alleged"  # "investigating allegations that coast guard units tortured migrants"
        if node.dep_ == "acl" and node.head.lemma_.lower() in ATTEMPT_NOUNS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children_of(node)):
            return "attempted"  # "an attempt to assassinate the governor"
        if node.dep_ == "pcomp" and node.head.lower_ == "of" and "instead" in (
                node.head.head.lower_, *(c.lower_ for c in children_of(node.head))):
            return "failed"  # "instead of cracking down on the mobs, the police stood by"
        if node.dep_ == "pcomp" and node.head.lower_ == "of" and node.head.head.lower_ == "short":
            return "failed"  # "stopped short of recalling its ambassador", "fell short of"
        if node.tag_ == "VBG" and (node.dep_ in ("xcomp", "dobj") or (
                node.dep_ == "pcomp" and node.head.lower_ == "from")):
            gov = node.head if node.dep_ != "pcomp" else node.head.head
            if set(lemmas(gov)) & SHUNNING_VERBS and (gov.lemma_.lower() != "rule" or any(
                    c.dep_ == "prt" and c.lower_ == "out" for c in children_of(gov))):
                # "ruled out sending troops", "refrained from criticising Uganda"; "did not rule out
                # sending troops" keeps it possible, still not done
                return "expected" if negated(gov) else "refused"
        if node.dep_ == "xcomp" and node.head.i != node.i:
            gov = set(lemmas(node.head))
            if gov & FAIL_VERBS:
                return "failed"
            if gov & REFUSE_VERBS and not negated(node.head):
                return "refused"  # "Rwanda refused to send troops": not done
            if gov & DENY_VERBS and not negated(node.head):
                return "denied"  # "Rwanda denied sending troops": said not done
            if gov & ATTEMPT_VERBS:
                return "attempted"
            if gov & PLOT_VERBS:
                return "planned"  # "detained an agent plotting to blow up a railway": not done
            if gov & EXPECT_WORDS or node.head.lower_ in EXPECT_WORDS:
                return "expected"  # "likely to be arrested": not done
            if gov & {"be", "have"} and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in children_of(node.head)):
                return "failed"  # "the police are yet to arrest the accused": not done so far
        for _ in range(3):
            head = node.head
            if head.i == node.i:
                return None
            if node.dep_ in ("dobj", "pobj", "pcomp") and set(lemmas(head)) & PREVENT_VERBS:
                return "prevented"
            if node.dep_ in ("pobj", "pcomp") and head.lower_ == "from" and set(lemmas(head.head)) & (
                    PREVENT_VERBS | BAR_VERBS):
                # "stopped the protesters from marching"; "could not stop the mob from burning
                # the shops": the burning happened
                return None if negated(head.head) else "prevented"
            if node.dep_ not in ("acl", "pcomp", "pobj", "prep"):
                return None
            node = head
        return None

    def purpose_target(self, tok: Token) -> list[Side]:
        """The actor the object of a verb's infinitive of purpose names ("fired tear gas to
        disperse the protesters": the protesters; "pledged $500m to rebuild Syria's grid", an
        infinitive the parse holds as the complement of a verb that has an object: Syria), or
        nothing."""
        given = child(tok, "dobj") is not None
        return self.first_actor([child(c, "dobj") for c in children_of(tok) if c.pos_ == "VERB" and to_infinitive(c)
                                 and ((c.dep_ == "advcl" and self.in_purpose(c)) or (c.dep_ == "xcomp" and given))])

    def agreed_act(self, tok: Token) -> list[Side] | None:
        """The signers of an agreement whose to-infinitive ``tok`` is ("signed a deal to supply
        gas to China"), when the agreement is the object of a verb of signing or reaching; else
        None."""
        if tok.pos_ != "VERB" or tok.dep_ not in ("acl", "relcl") or not to_infinitive(tok):
            return None
        deal = tok.head
        if deal.lemma_.lower() not in AGREEMENT_NOUNS or deal.dep_ != "dobj" or deal.head.lemma_.lower() not in SIGNING_VERBS:
            return None
        verb = deal.head
        subj = next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
        sides = [x for x in self.res.sides(subj) if x.match is not None] if subj is not None else []  # type: ignore[attr-defined]
        return sides or None

    @staticmethod
    def in_purpose(tok: Token) -> bool:
        """Whether a verb is, or is the complement of, an infinitive of purpose: a to-infinitive
        hung on a verb ("fired to disperse the crowd") or on a noun ("weapons to fight
        al-Shabaab").  Not the infinitive that states a fact ("the first country to recognise",
        "only to be arrested"), nor a headline's future ("EU to lift sanctions")."""
        if headline_subject(tok) is not None:
            return False
        node = tok
        while node.dep_ in ("xcomp", "ccomp") or (node.dep_ == "conj" and node.tag_ == "VB"):
            if node.head.i == node.i or node.head.pos_ not in ("VERB", "AUX"):
                return False
            node = node.head
        if node.pos_ not in ("VERB", "AUX") or node.dep_ not in ("advcl", "acl") or not to_infinitive(node):
            return False
        if node.dep_ == "acl" and any(c.lower_ in FACT_INFINITIVE_HEADS for c in children_of(node.head)):
            return False
        if node.dep_ == "advcl" and node.head.lemma_.lower() in DOING_VERBS and not preps(node.head, ("as",)):
            return False  # ("act as a mediator to end the war": serving as one, for an aim)
        if node.dep_ == "advcl" and node.head.lemma_.lower() in CONTACT_VERBS and node.lemma_.lower() in SAID_IN_CONTACT:
            return False  # "telephoned Uruguay's president-elect to congratulate him": said in the call
        if node.lemma_.lower() in INQUIRY_VERBS and constituted_body(node) is not None:
            return False  # "formed a committee to investigate the killings": the inquiry begun
        return not any(c.lower_ == "only" and c.i < node.i for c in children_of(node))

    @staticmethod
    def governor(tok: Token) -> Token | None:
        """The verb an infinitival purpose or complement clause hangs on ("give ... to help"),
        or the "help" a bare infinitive hangs on ("could help fight")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok)):
            bare = tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "help"
            return tok.head if bare else None
        head = tok.head
        if tok.dep_ == "acl" and head.pos_ == "NOUN":
            head = head.head
        elif tok.dep_ not in ("advcl", "xcomp"):
            return None
        return head if head.pos_ in ("VERB", "AUX") and head.i != tok.i else None

    def reported_obligation(self, tok: Token) -> Candidate | None:
        """ "X said Y must Z" with Z outside the lexicon: X demands (100) of Y."""
        if tok.dep_ != "ccomp" or not (set(lemmas(tok.head)) & SPEECH_LEMMAS):
            return None
        if not ({a.lower_ for a in auxiliaries(tok)} & MODAL_OBLIGE) or negated(tok):
            return None
        speaker, doer = child(tok.head, "nsubj"), child(tok, "nsubj")
        if speaker is None or doer is None:
            return None
        # a demand is made of an actor other than the speaker: not "the economy should grow",
        # nor "the ministry said it must adopt countermeasures" (an intent of its own)
        sides = self.speaker_to_another(speaker, doer)
        if sides is None:
            return None
        sources, targets = sides
        cand = Candidate(REPORTED_DEMAND, "100", tok, sources, targets, False, confidence=0.7,
                         modality="reported-demand")
        cand.span_tokens |= {tok.head.i, tok.i}
        return cand

    def foretold_by_another(self, tok: Token) -> bool:
        """A future act told in the that-clause after a speaker other than its doer ("Iran said that
        Israel would respond with force"): a threat is made by the one who would act (CAMEO 13,
        a verbal act of the source), so another's forecast of force threatens nothing."""
        if tok.dep_ != "ccomp" or tok.i < tok.head.i or not (set(lemmas(tok.head)) & SPEECH_LEMMAS):
            return False  # (not a report put after the act: "X will ..., the ministry said")
        speaker, doer = child(tok.head, "nsubj"), child(tok, "nsubj")
        if speaker is None or doer is None or doer.pos_ == "PRON":
            return False
        said_by = {side_country(x) for x in self.res.sides(speaker)} - {None}
        done_by = {side_country(x) for x in self.res.sides(doer)} - {None}
        return bool(said_by) and bool(done_by) and not said_by & done_by

    def speaker_to_another(self, speaker: Token, other: Token) -> tuple[list[Side], list[Side]] | None:
        """The sides of a speaker and of the actor the words are about, when that is a named
        actor other than the speaker; None otherwise."""
        sources, targets = self.res.sides(speaker), self.res.sides(other)
        if not any(t.match is not None for t in targets) or {t.key for t in targets} & {s.key for s in sources}:
            return None
        return sources, targets

    def warned_consequence(self, tok: Token) -> Candidate | None:
        """ "X warned that Y would bear all consequences", "X said Y would pay a heavy price",
        "X warned Y it would face a crushing response": consequences foretold to another actor
        are a threat (CAMEO 130; 138 when the words name force) by the speaker against the one
        who is to face them (the one warned, when the warning names its addressee)."""
        if tok.dep_ != "ccomp" or not (set(lemmas(tok.head)) & (SPEECH_LEMMAS | WARNING_VERBS)):
            return None
        warning = bool(set(lemmas(tok.head)) & WARNING_VERBS)
        lemma = tok.lemma_.lower()
        modals = {a.lower_ for a in auxiliaries(tok)}
        # (what a warning says may come, "could" as much as "would", is what it threatens)
        if negated(tok) or not (modals & MODAL_INTENT or (warning and modals & MODAL_DROP)):
            return None
        speaker = child(tok.head, "nsubj")
        addressee = child(tok.head, "dobj") or child(tok.head, "dative")
        obj = child(tok, "dobj")
        if lemma in RESPONSE_VERBS and warning:
            # "warned (Washington) that it would respond with overwhelming force if ...": the
            # speaker's own response, against the one warned or the one the if-clause names
            if speaker is None or not self.same_party(child(tok, "nsubj"), speaker):
                return None
            warned = addressee or next((child(c, "nsubj") for c in children_of(tok) if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "should") for m in children_of(c))), None)
            named = [w for p in children_of(tok) if p.dep_ == "prep" and p.lower_ == "with"
                     for o in children_of(p) if o.dep_ == "pobj" for w in [o] + list(children_of(o))]
        elif lemma in CONSEQUENCE_VERBS or (lemma in DRAWING_VERBS and warning):
            if obj is None or (obj.lemma_.lower() not in CONSEQUENCE_NOUNS and obj.lower_ not in CONSEQUENCE_NOUNS):
                return None
            # who faces the consequences, or who is warned that the act would draw them
            warned = addressee or (child(tok, "nsubj") if lemma in CONSEQUENCE_VERBS else None)
            named = [obj] + [c for c in children_of(obj) if c.dep_ in ("amod", "compound")]
        else:
            return None
        if speaker is None or warned is None:
            return None
        sides = self.speaker_to_another(speaker, warned)
        if sides is None:
            return None
        sources, targets = sides
        words = {w for c in named for w in (c.lemma_.lower(), c.lower_)}
        code = "1385" if words & WMD else "138" if words & FORCEFUL else "130"  # "a nuclear response"
        cand = Candidate(WARNED_CONSEQUENCE, code, tok, sources, targets, False, confidence=0.7, modality="threat")
        cand.span_tokens |= {tok.head.i, tok.i} | ({obj.i} if obj is not None else set())
        return cand

    def same_party(self, word: Token | None, speaker: Token) -> bool:
        """Whether ``word`` (the subject of what a speaker says) is the speaker: a pronoun that
        stands for it ("Iran warned that it would ...") or a name of the same actor."""
        if word is None:
            return False
        a, b = self.res.side(word), self.res.side(speaker)
        if a is None or b is None:
            return False
        return a.key == b.key or (a.match is not None and b.match is not None
                                  and side_country(a) == side_country(b))

    def reported_demand(self, cand: Candidate, tok: Token) -> bool:
        """ "X said Y must do Z" is X demanding Z of Y."""
        if tok.dep_ != "ccomp" or tok.head.lemma_ not in SPEECH_LEMMAS | {"demand", "urge"}:
            return False
        speaker = child(tok.head, "nsubj")
        if speaker is None:
            return False
        found, code = self.transform("demand", cand.code)
        if not found or code is None:
            code = "100"
        doer = cand.sources
        cand.sources = self.res.sides(speaker)
        cand.targets = doer
        cand.code = code
        cand.modality = "reported-demand"
        cand.confidence *= 0.85
        cand.recip = False
        return True
