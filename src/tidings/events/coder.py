"""The event coder: CAMEO events from the spaCy dependency parse, through the project lexicon.

For every sentence, each token that the lexicon knows is a candidate trigger:

* verbs (with their particle, object and prepositions): source = subject (active) or by-agent
  (passive); target = direct object, else the object of one of the entry's prepositions, else
  the possessor/modifier actor of a non-actor object ("criticised Washington's exit");
  a subject-less verb takes the subject of the clause it hangs on ("After meeting with Putin,
  Pompeo ...") or, under "urge/ask X to", X;
* event nouns ("talks with", "sanctions against", "Russia's annexation of"): source = the actor
  possessor or modifier, else the subject of the light verb that governs the noun ("held talks"),
  else the subject of the clause whose prepositional phrase holds it ("... before talks with");
* frames (threaten/agree/offer/refuse to, urge X to, demand that, ready to): the complement's
  code goes through the frame's transform table (threaten + 163 -> 1312), and the complement is
  not coded on its own.

Modality: an act under will/would/shall becomes intent (03x for cooperation, 13x threats for
force); under could/might/may/can, in an if/unless clause, or under must/should (except as a
reported demand) it is dropped.  Negated acts ("did not meet") are kept with negated=True;
negated intents ("will not accept") become rejections (12x); an infinitival purpose ("to help")
shares the negation/modality of the verb it serves.  Reciprocity: "A and B met/signed" (a
compound subject, no named target, a reciprocal entry or a cooperative root 01-08) is coded both
ways and marked ``reciprocal``; a reciprocal noun with a target ("talks with B") both ways; a
symmetric verb with an explicit object ("A met (with) B") one way, subject -> object.

Context rules after modality (``settle``): "X claimed that Y attacked Z" is X accusing Y (112),
"X claimed that it attacked Z" a claim of responsibility (015); locative roots take the place's
country as target ("protest in Beijing"); an unresolved object's nested place is the target
("re-examine the refineries in Iran"); violence with no named perpetrator is attributed to the
actor modifying the weapon ("Israeli tank shelling") else to the country where it happened; a
domestic act with no resolved target (roots in ``DOMESTIC_ROOTS``) targets the source's own
country.  Inferred sides are listed in ``inferred`` and give way to sides read from the text.
Every event carries its
evidence span, sentence index, the lexicon entry that fired and a confidence; candidates under
``THRESHOLD`` are dropped (precision first).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tidings.events.candidate import Candidate
from tidings.events.context import HELP_VERBS, PROTESTER_NOUNS, YIELDING_VERBS, Context
from tidings.events.conventions import (
    LETTING_VERBS,
    LIGHT_VERBS,
    THRESHOLD,
    VIOLENT_ROOTS,
    WRONGDOING_ROOTS,
)
from tidings.events.fallback import TableFallback
from tidings.events.frames import Frames
from tidings.events.lexicon import Lexicon, load_lexicon
from tidings.events.output import CodedEvent, _drop_redundant, _key, _make_event, _pairs
from tidings.events.participants import ActorLookup, Resolver
from tidings.events.syntax import child, is_passive, time_clause
from tidings.events.triggers import Triggers
from tidings.events.verbdict import VerbTable, load_table
from tidings.events.violence import (
    GENERIC_VIOLENCE,
    HARM_LEMMAS,
    by_assault,
    ran_onto_explosive,
    refine,
)
from tidings.parsed import children_of, parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tidings.model import Article, Event, Quote

__all__ = ["THRESHOLD", "CodedEvent", "Coder", "code_events"]

#: codes whose target an infinitive of purpose can name: force and its show (used against whom
#: the purpose acts on), aid and the intent to give it (given to whom the purpose is for)
PURPOSE_TARGET_CODES = ("15", "17", "18", "19", "07", "033")
#: verbs that give the reason for the clause's act when they hang on it as a participle
REASON_VERBS = frozenset({"cite"})


#: nouns that name the people doing an act as well as the act ("a patrol", "the pickets")
GROUP_ACT_NOUNS = frozenset("patrol convoy picket reinforcement escort".split())


class Coder(Triggers, Frames, Context, TableFallback):
    def __init__(self, doc: Doc, actors: ActorLookup, quotes: list[Quote] | None,
                 lexicon: Lexicon | None = None, table: VerbTable | None = None) -> None:
        self.doc = doc
        self.lex = lexicon or load_lexicon()
        self.table = table or load_table()
        self.res = Resolver(doc, actors, quotes)
        self.consumed: set[int] = set()

    # ------------------------------------------------------------------ the sentence loop
    def candidates(self, sent: Span) -> list[Candidate]:
        self.sentence = sent
        out: list[Candidate] = []
        consumed: set[int] = set()
        view = parsed(self.doc)
        pos, dep = view.pos, view.dep
        tokens = view.tokens[sent.start : sent.end]
        # frames (verbs, adjectives) first, each group in text order, so that their
        # complements are consumed before being coded alone
        frames = ("VERB", "ADJ")
        order = [t for t in tokens if pos[t.i] in frames] + [t for t in tokens if pos[t.i] not in frames]
        datelines = self.res.datelines  # ("March 18 - ...": no march there)
        for tok in order:
            if tok.i in consumed or tok.i in datelines:
                continue
            cand: Candidate | None = None
            tag = pos[tok.i]
            if tag in ("VERB", "AUX") and dep[tok.i] not in ("aux", "auxpass"):
                if self.nominal_gerund(tok):  # "in police firing", "after the shelling"
                    cand = self.noun(tok) or self.verb(tok)
                elif bare_object(tok):  # "Kenya launches probe into killings": a noun read as a verb
                    cand = self.noun(tok) or self.verb(tok)
                else:
                    cand = self.verb(tok)
                if cand is None or cand.code[:2] not in VIOLENT_ROOTS:
                    # "opened a joint cross-border trade zone" is no reopened border crossing:
                    # an undertaking begun together names the act (an attack launched jointly
                    # stays an attack)
                    cand = self.joint_undertaking(tok) or cand
            elif tag == "ADJ":
                cand = self.adjective(tok)
            elif tag in ("NOUN", "PROPN"):
                cand = self.noun(tok) or self.gerund_nominal(tok)
            if cand is None and tag == "VERB":
                cand = (self.reported_obligation(tok) or self.warned_consequence(tok) or self.declared_unwelcome(tok)
                        or self.taken_to_court(tok)
                        or self.named_judgement(tok))
            if cand is None or not cand.code:
                continue
            if cand.code[:2] != "12" or cand.sources or tok.pos_ != "VERB" or not is_passive(tok) \
                    or child(tok, "agent") is not None:
                # (a rejection told in the passive with no doer, "Kenya's appeal was ignored", takes
                # nothing from the act it rejects: the appeal was made, the rejection has no one)
                consumed |= cand.consumed
            out.append(cand)
        out = [c for c in out if c.trigger.i not in consumed or c.entry.frame]
        out = [c for c in out if not (c.code[:3] == "042" and no_visit_paid(c.trigger))]
        # "carried out a raid on a hideout", "launched a bombing campaign against Hamas": the
        # event noun names the act; a verb the table coded only does it, unless it codes the
        # same act with a participant of its own (not the noun itself as its target)
        nouns = {c.trigger.i: c for c in out if c.trigger.pos_ == "NOUN" or (c.entry.kind == "N" and bare_object(c.trigger))}

        def done_by_noun(c: Candidate) -> bool:
            # (the subject of a passive is the object: "the attack was carried out by a bomber")
            named = [nouns[k.i] for k in children_of(c.trigger) if k.dep_ in ("dobj", "nsubjpass") and k.i in nouns]
            if not named:
                return False
            noun = named[0].trigger
            inside = range(noun.left_edge.i, noun.right_edge.i + 1)
            # (a passive verb with no doer of its own has only the noun's participants: "the
            # withdrawal of French troops was completed")
            return (named[0].code[:2] != c.code[:2] or any(t.head == noun.i for t in c.targets)
                    or (not c.sources and is_passive(c.trigger) and child(c.trigger, "agent") is None
                        and all(t.head in inside for t in c.targets)))

        out = [c for c in out if not (c.entry.rule and c.trigger.pos_ == "VERB" and done_by_noun(c))]
        # "the besieged town", "the occupied West Bank": a participle used as an adjective
        # describes a participant's state, it does not report an act
        out = [c for c in out if not (c.trigger.dep_ == "amod" and c.trigger.tag_ == "VBN")]
        # "signed a coast guard cooperation pact", "an aid agreement": the cooperation or aid a
        # text is about is its subject; signing the text is the act (057)
        out = [c for c in out if not (c.code[:2] in ("06", "07") and c.trigger.pos_ == "NOUN"
                                      and c.trigger.dep_ == "compound" and c.trigger.head.lemma_.lower() in AGREEMENT_TEXTS)]
        # "staged demonstrations to demand X", "blocked roads to press their demands": the
        # demand is the aim of the protest, not an event of its own
        dissent = [c for c in out if c.code[:2] == "14"]
        protests = {i for c in dissent for i in _anchors(c)}
        # "blocked the road with burning tyres to protest against the plans", "went on strike to
        # protest": the protest the act is for is the act itself, not a second demonstration
        out = [c for c in out if not (c.code[:3] in ("140", "141") and self.aim_of(
            c.trigger, {i for o in dissent if o is not c for i in _anchors(o)} - _anchors(c)))]
        # "summoned the Afghan envoy to protest the attacks": a protest made by an official
        # complaint or a rebuke is that complaint, not a demonstration
        complaints = {i for c in out if c.code[:2] in ("11", "12") for i in _anchors(c)}
        out = [c for c in out if not (c.code[:3] in ("140", "141") and self.aim_of(c.trigger, complaints - _anchors(c)))]
        # "found him guilty and sentenced him to seven years": the sentence is the verdict's
        # (116), one judicial act; "..., citing a lack of progress": the reason for the act.  (A
        # verdict with no one named to give it, "were convicted and sentenced", is said by no
        # one, and the sentence is kept as the act done to them)
        verdicts = {c.trigger.i for c in out if c.code[:3] == "116" and c.sources}
        out = [c for c in out if not (
            (c.code[:2] == "17" and c.trigger.lemma_.lower() == "sentence" and (
                (c.trigger.dep_ == "conj" and c.trigger.head.i in verdicts)
                or any(k.dep_ == "conj" and k.i in verdicts for k in children_of(c.trigger))))
            or (c.trigger.lemma_.lower() in REASON_VERBS and c.trigger.dep_ == "advcl" and c.trigger.tag_ == "VBG"))]
        # "boats seized by Indonesian fisheries patrols", "pickets blocked the gates": a noun that
        # names the people doing an act as well as the act names the doer of another coded act
        doers = {s.head for c in out for s in c.sources if s.head >= 0 and s.head != c.trigger.i}
        out = [c for c in out if not (c.trigger.pos_ == "NOUN" and c.trigger.i in doers
                                      and c.trigger.lemma_.lower() in GROUP_ACT_NOUNS)]
        out = self.purposes_and_permissions(out)
        for c in out:
            if c.code.startswith(PURPOSE_TARGET_CODES) and not any(t.match is not None for t in c.targets):
                # "fired tear gas to disperse the protesters": force is used against whom its
                # purpose acts on (the purpose itself is no act: see Frames.in_purpose); "pledged
                # $500m to rebuild Syria's power grid": aid goes to whom its purpose is for
                c.targets = self.purpose_target(c.trigger) or c.targets
        for c in out:
            if self.bombed_by_a_state(c):
                c.code = "195"  # before a harm it caused takes its code ("bombed a school, killing 12")
        # "signed a protocol on Friday creating a joint commission", "signed an agreement ...,
        # opening a route to the sea", "a deal creating a joint fund": what a text signed or
        # agreed does is its content, not an act of its own (the signing is the act, 05)
        agreed = {c.trigger.i for c in out if c.code[:2] == "05"}
        out = [c for c in out if not (
            c.code[:2] in ("06", "07", "08") and c.trigger.tag_ == "VBG" and c.trigger.head.i != c.trigger.i
            and ((c.trigger.dep_ == "advcl" and c.trigger.head.i in agreed)
                 or (c.trigger.dep_ == "acl" and c.trigger.head.lemma_.lower() in AGREEMENT_TEXTS
                     and c.trigger.head.head.i in agreed)))]
        # "resigned on Tuesday, bowing to opposition demands": giving way is how the act was done
        coded = {c.trigger.i for c in out}
        out = [c for c in out if not (c.code[:2] == "08" and c.trigger.dep_ == "advcl" and c.trigger.tag_ == "VBG"
                                      and c.trigger.lemma_.lower() in YIELDING_VERBS and c.trigger.head.i in coded)]
        # "struck the port, killing three workers and damaging fuel tanks", "struck the tanker, setting
        # it ablaze": the damage an attack did, told in a participle, is that attack's, not a
        # destruction of property of its own (171)
        attacks = {c.trigger.i for c in out if c.code[:2] in ("18", "19", "20")}
        out = [c for c in out if not (c.code[:3] == "171" and _result_of(c.trigger, attacks))]
        # "a crackdown on strikers left dozens injured": the harm an act named by a noun, with
        # whom it struck, did is that act's, not an attack of its own
        # (an act of the same root merges with it as any two codings of one act do)
        named_acts = {c.trigger.i: c for c in out if c.trigger.pos_ == "NOUN" and c.code[:2] in ("17", "18", "19", "20")}
        harms = []
        for c in out:
            doer = self.subject(c.trigger)[0] if c.trigger.pos_ == "VERB" and c.code[:2] in ("18", "19") else None
            act = named_acts.get(doer.i) if doer is not None else None
            if act is None or act.code[:2] == c.code[:2] or not any(t.match is not None for t in act.targets):
                continue  # (nor one whose noun names no one struck: "a roadside bomb left four soldiers dead")
            harms.append(c)
        out = [c for c in out if c not in harms]
        # "imposed a sanctions package on Iran, targeting 50 tankers", "imposed tariffs,
        # hitting steel exports": what a sanction hits, told in its participle, is the sanction's
        sanctions = {c.trigger.i for c in out if c.code[:2] == "16"}
        out = [c for c in out if not (c.code[:2] in ("18", "19", "20") and _result_of(c.trigger, sanctions))]
        # "blockaded the highways, cutting off food supplies", "staged a strike, cancelling all
        # flights": what a coercive act or a protest cut off, told in its participle, is that
        # act's result, not a reduction of relations (16) of its own
        coercions = {i for c in out if c.code[:2] in ("14", "15", "17", "18", "19", "20") for i in _anchors(c)}
        out = [c for c in out if not (c.code[:2] == "16" and _result_of(c.trigger, coercions))]
        # "a World Food Programme convoy carrying sorghum was looted", "an aid convoy was
        # ambushed": the aid the victim of an attack carried describes the victim; no aid is given
        harmed = {t.i for c in out if c.code[:2] in WRONGDOING_ROOTS for x in c.targets if x.head >= 0
                  for t in self.doc[x.head].subtree}
        out = [c for c in out if not (c.code[:2] == "07" and c.trigger.i in harmed)]
        # "a sit-in by opposition supporters demanding the resignation": what the doers of a
        # protest are described as demanding is what the protest is for
        protesting = {s.head for c in dissent for s in c.sources if s.head >= 0}
        out = [c for c in out if not (c.code[:2] in ("02", "10") and (
            self.aim_of(c.trigger, protests) or self.protesters_aim(c.trigger)
            or (c.trigger.dep_ == "acl" and c.trigger.tag_ == "VBG" and c.trigger.head.i in protesting)))]
        _share_recipient(out)
        return out

    def purposes_and_permissions(self, out: list[Candidate]) -> list[Candidate]:
        """Without the help that a pledge or aid is for ("pledged loans to help Kenya upgrade the
        port": whom it helps becomes the pledge's target when it has none) and the act that a
        permission allows, which is not yet done ("allowed inspectors to visit the site")."""
        givers = [c for c in out if c.code[:2] in ("03", "07")]
        aims: list[Candidate] = []
        for c in out:
            if c.code[:2] != "07" or c.trigger.lemma_.lower() not in HELP_VERBS:
                continue
            for giver in givers:
                if giver is not c and self.aim_of(c.trigger, _anchors(giver) - _anchors(c)):
                    aims.append(c)
                    helped = [t for t in c.targets if t.match is not None] or self.helped_in(
                        self.tasks_helped(c.trigger))
                    if helped and not any(t.match is not None for t in giver.targets):
                        giver.targets = helped
                    break
        allowing = {c.trigger.i for c in out if c.code[:2] == "08" and c.trigger.lemma_.lower() in LETTING_VERBS}
        return [c for c in out if not (any(c is a for a in aims)
                                       or (c.trigger.dep_ in ("xcomp", "ccomp") and c.trigger.head.i in allowing))]

    @staticmethod
    def protesters_aim(tok: Token) -> bool:
        """"Protesters demanding the president's resignation": what protesters are described as
        demanding is what their protest is for, not a demand made apart from it."""
        if tok.tag_ != "VBG":
            return False
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in PROTESTER_NOUNS:
            return True
        # (the parser may hang the participle on the clause: "fired on demonstrators demanding
        # statehood")
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        return before is not None and before.lemma_.lower() in PROTESTER_NOUNS and before.pos_ == "NOUN"

    def nominal_gerund(self, tok: Token) -> bool:
        """A verb form the parser left in a noun's place ("firing" in "in police firing"; a
        plural read as a verb's -s form, "launched military drills", for no such form can be an
        object) that the lexicon knows as an event noun."""
        if tok.tag_ == "VBZ" and tok.dep_ in ("dobj", "pobj") and tok.lower_.endswith("s"):
            key = tok.lemma_.lower()
        elif tok.tag_ == "VBG" and tok.dep_ in ("acl", "pobj", "dobj", "nsubj", "nsubjpass", "conj"):
            key = tok.lower_
        else:
            return False
        return not any(c.dep_ in ("dobj", "nsubj", "aux") for c in children_of(tok)) and self.lex.act_noun(key)

    def aim_of(self, tok: Token, anchors: set[int]) -> bool:
        """Whether ``tok`` (or the verb governing it, for a noun) is an infinitival purpose of
        one of the ``anchors``."""
        if tok.pos_ == "NOUN" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i in anchors:
            return True  # "rioted in the capital, demanding independence"
        gov = self.governor(tok)
        return gov is not None and gov.i in anchors


#: the texts states sign, whose compound modifiers name what they are about
AGREEMENT_TEXTS = frozenset("agreement treaty accord deal pact memorandum protocol declaration contract convention "
                            "charter communique framework".split())
#: roots of acts done for another (a promise, diplomatic or material cooperation, aid, a
#: concession): coordinated with a kindly act to someone, they are for the same someone
FOR_ANOTHER_ROOTS = frozenset({"03", "05", "06", "07", "08"})
KINDLY_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08"})


def no_visit_paid(verb: Token) -> bool:
    """A verb of going that pays no visit: going home ("flew home to Nairobi", "arrived home"), or
    being carried somewhere ("were flown home"; "was visited by" is a visit)."""
    if verb.pos_ != "VERB":
        return False
    if is_passive(verb) and verb.lemma_.lower() not in ("visit", "tour"):
        return True
    return any(k.lower_ == "home" and k.dep_ in ("advmod", "npadvmod") for k in children_of(verb))


def bare_object(tok: Token) -> bool:
    """A bare verb form the parse made a verb's object ("launches probe into", "orders probe"):
    English puts no bare verb in an object's place, so it is a noun the tagger misread, as
    headlines drop the article that would have shown it."""
    return tok.tag_ in ("VB", "VBP") and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok))


def _share_recipient(out: list[Candidate]) -> None:
    """"Offered condolences to Papua New Guinea and pledged NZ$1.5 million in emergency relief":
    an act done for another, coordinated with a kindly act to a named party and naming no
    recipient of its own (nor a subject of its own), is for that party."""
    by_trigger = {c.trigger.i: c for c in out}
    for c in out:
        tok = c.trigger
        if c.code[:2] not in FOR_ANOTHER_ROOTS or tok.dep_ != "conj" or tok.pos_ != "VERB" or is_passive(tok) \
                or not any(s.match is not None for s in c.sources) or any(t.match is not None for t in c.targets) \
                or any(k.dep_ in ("nsubj", "nsubjpass") for k in children_of(tok)):
            continue
        first = by_trigger.get(tok.head.i)
        if first is None or first.code[:2] not in KINDLY_ROOTS:
            continue
        named = [t for t in first.targets if t.match is not None]
        if named:
            c.targets = named


def _result_of(tok: Token, acts: set[int]) -> bool:
    """The word is a participle clause after one of ``acts`` (or coordinated with one that is):
    "struck the port, killing three workers and damaging fuel tanks"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i in acts


def _anchors(c: Candidate) -> set[int]:
    """The tokens an aim of ``c`` can hang on: its trigger, a noun's head, and the verb of a
    noun's phrase ("embarked on a strike to press the government": the light verb governs the
    aim)."""
    idx = {c.trigger.i}
    if c.trigger.pos_ == "NOUN":
        idx.add(c.trigger.head.i)
    if c.trigger.dep_ == "pobj":
        idx.add(c.trigger.head.head.i)
    return idx


#: roots of what is said to another: told by telephone, the call is a talk of its own (041)
SPOKEN_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})


def telephoned(cand: Candidate) -> list[Candidate]:
    """ "urged the Polish president in a telephone call to lift the ban", "apologised to
    Namibia's president in a telephone call": what one side says to the other by telephone is
    said in a talk by telephone (CAMEO 041) between them, coded besides it."""
    if (cand.trigger.pos_ != "VERB" or cand.code[:2] not in SPOKEN_ROOTS or cand.negated
            or cand.modality != "asserted" or not Context.by_telephone(cand.trigger)
            or not any(s.match is not None for s in cand.sources)
            or not any(t.match is not None for t in cand.targets)):
        return []
    return [replace(cand, code="041", recip=False)]


def denied_accusation(cand: Candidate) -> list[Candidate]:
    """ "Iran dismissed Israel's accusations that it had armed the Houthis": a denial or
    rejection of an accusation tells that the accusation was made, by its owner against the
    one who denies it (CAMEO 112), coded besides the denial."""
    deniers = [s for s in cand.sources if s.match is not None]
    accusers = [s for s in cand.accused_by if all(s.key != d.key for d in deniers)]
    if not accusers or not deniers or cand.negated or cand.modality != "asserted":
        return []
    return [replace(cand, code="112", sources=accusers, targets=deniers, recip=False, standalone=False,
                    accused_by=[])]


def code_events(article: Article, doc: Doc, actors: ActorLookup,
                quotes: list[Quote] | None = None, verbs: VerbTable | None = None) -> list[Event]:
    """CAMEO events of one article; ``doc`` is the spaCy parse of exactly ``article.text``;
    ``verbs`` a verb table to use instead of the packaged one (with ``--verbs`` files merged)."""
    view = parsed(doc)
    text = view.text
    if text != article.text:
        raise ValueError("doc must be the parse of article.text")
    coder = Coder(doc, actors, quotes, table=verbs)
    events: list[Event] = []
    seen: dict[tuple[Any, ...], int] = {}
    for si, sent in enumerate(view.sents):
        kept = merge_casualties([c for c in coder.candidates(sent) if coder.modality(c)])
        for cand in kept:
            if not coder.plausible(cand, sent):
                continue
            coder.settle(cand)
            for one in [cand, *telephoned(cand), *denied_accusation(cand)]:
                for src, tgt, recip in _pairs(one):
                    ev = _make_event(doc, text, sent, si, one, src, tgt, recip)
                    if ev is None:
                        continue
                    key = (ev.code, si, _key(src), _key(tgt))
                    if key in seen:
                        old = events[seen[key]]
                        if ev.confidence > old.confidence:
                            events[seen[key]] = ev
                        continue
                    seen[key] = len(events)
                    events.append(ev)
    return _drop_redundant(events)





def merge_casualties(cands: list[Candidate]) -> list[Candidate]:
    """ "One person was killed in police firing", "eight were killed in an air strike", "a
    Russian missile strike hit the port": the harm and the attack it happened in, or that is
    its subject, are one act.  The harm takes the attack's doer when it has none of its own and
    the attack's means when its own code is generic; the attack is not coded again alone.  Two
    acts with a doer each stay two, unless the attack is the harm's own subject."""
    by_trigger = {c.trigger.i: c for c in cands}
    merged: set[int] = set()
    for c in cands:
        if c.trigger.pos_ != "VERB" or c.code[:2] not in VIOLENT_ROOTS or c.negated:
            continue
        named = any(s.match is not None for s in c.sources)
        for attack, is_subject in _occasions(c, by_trigger):
            if attack is c or attack.code[:2] not in VIOLENT_ROOTS or attack.trigger.i in merged:
                continue
            if ran_onto_explosive(attack.trigger):
                continue  # "killed when their convoy hit a roadside bomb": the convoy attacked no one
            attack_named = any(s.match is not None for s in attack.sources)
            if named and attack_named and not is_subject:
                continue
            if attack_named and (not named or is_subject):
                # (a participle of result is done by whoever did the attack it tells the toll of;
                # so is a harm whose subject is the attack: "a bombing by the group killed 84")
                c.sources, named = attack.sources, True
            if not any(t.match is not None for t in c.targets) and any(t.match is not None for t in attack.targets):
                # "fire against Kampuchean guerrilla camps ..., killing or wounding 50": the harm's
                # uncounted victims are the attack's named target
                c.targets = attack.targets
            else:
                # victims read as the attacker's own people ("three people" beside "Russian
                # forces") give way to the other country the attack names as its target
                # (a state's armed forces only: militias and insurgents fight at home)
                own = {getattr(t.match, "country", None) for t in c.targets if t.match is not None}
                doers = {getattr(s.match, "country", None) for s in c.sources if s.match is not None
                         and str(getattr(s.match, "code", "")).endswith("MIL")}
                # (or is yet to be placed: "shelled the centre of Kupiansk" is placed later)
                theirs = [t for t in attack.targets if t.match is None
                          or getattr(t.match, "country", None) not in doers | {None}]
                if own and own <= doers and theirs:
                    c.targets = theirs
            if c.code in GENERIC_VIOLENCE or (c.trigger.lemma_.lower() in HARM_LEMMAS
                                              and attack.code not in GENERIC_VIOLENCE | {"182"}):
                # the attack's means name the act ("in an air strike"; "were injured when
                # militants hurled a grenade": the injury says nothing of the means)
                c.code = by_assault(c.trigger) if attack.code == "182" else refine(attack.code, attack.trigger)
            c.span_tokens |= attack.span_tokens
            merged.add(attack.trigger.i)
    for c in cands:
        first = by_trigger.get(c.trigger.head.i)
        if (c.trigger.dep_ == "conj" and first is not None and first.trigger.i not in merged
                and c.code[:2] in VIOLENT_ROOTS and first.code[:2] in VIOLENT_ROOTS
                and c.trigger.lemma_.lower() in HARM_LEMMAS and first.trigger.pos_ == "VERB"
                and not c.negated and not first.negated):
            # "killing two civilians and wounding six others", "shot and wounded two protesters":
            # one act and its toll, told twice (its doer or means may be found on either half)
            if not any(s.match is not None for s in first.sources) and any(s.match is not None for s in c.sources):
                first.sources = c.sources
            means = refine(c.code, c.trigger)
            if first.code in GENERIC_VIOLENCE and means not in GENERIC_VIOLENCE | {"182"}:
                first.code = means
            first.span_tokens |= c.span_tokens
            merged.add(c.trigger.i)
    return [c for c in cands if c.trigger.i not in merged]


def _occasions(c: Candidate, by_trigger: dict[int, Candidate]) -> list[tuple[Candidate, bool]]:
    """The acts a harm happened in (the object of its in/by/during/from phrase: "killed in
    police firing") or that do it (its subject: "the strike hit the port"), each with whether it
    is the subject."""
    out = []
    if c.trigger.dep_ == "relcl" and c.trigger.head.i in by_trigger:
        out.append((by_trigger[c.trigger.head.i], True))  # "a stabbing that killed a man"
    if c.trigger.dep_ == "acl" and c.trigger.tag_ in ("VBN", "VBD") and c.trigger.head.i in by_trigger \
            and any(k.dep_ == "dobj" for k in children_of(c.trigger)):
        # "a suicide bombing at a mosque in Peshawar killed 84 people", parsed as a participle
        # on the noun: a passive participle takes no object, so the noun is the verb's subject
        out.append((by_trigger[c.trigger.head.i], True))
    if c.trigger.dep_ == "advcl" and c.trigger.tag_ == "VBG" and not any(
            k.dep_ == "mark" for k in children_of(c.trigger)):
        # "detonated a roadside bomb under an army truck, killing three soldiers": what the
        # attack did (not "after killing ..."); the attack may be the object of a light verb
        # ("carried out airstrikes on a monastery ..., killing 14 people")
        head = c.trigger.head
        if head.dep_ == "relcl" and head.i not in by_trigger:
            # the parser may hang it on a relative clause of the attack's object ("airstrikes
            # on a monastery where villagers had taken shelter, killing 14"): up to the attack
            above = head.head
            for _ in range(6):
                if above.i in by_trigger or above.pos_ == "VERB" or above.head.i == above.i:
                    break
                above = above.head
            head = above
        if head.i in by_trigger:
            out.append((by_trigger[head.i], True))
        elif head.lemma_.lower() in LIGHT_VERBS:
            out.extend((by_trigger[o.i], True) for o in children_of(head) if o.dep_ == "dobj" and o.i in by_trigger)
    for k in children_of(c.trigger):
        if k.dep_ == "nsubj" and k.i in by_trigger:
            out.append((by_trigger[k.i], True))
        if k.dep_ == "advcl" and k.i in by_trigger and any(
                m.lower_ == "when" or (m.dep_ == "mark" and m.lower_ == "after") for m in children_of(k)):
            # "were killed when Russian aircraft dropped bombs", "were killed after Russian
            # forces shelled the town": the attack's toll
            out.append((by_trigger[k.i], False))
        if k.dep_ == "prep":
            # "were killed in October 2022 when soldiers opened fire": the "when" clause the
            # parse hung on the time phrase
            out.extend((by_trigger[w.i], False) for o in children_of(k) for w in children_of(o)
                       if w.i in by_trigger and time_clause(w))
        if k.dep_ in ("prep", "agent") and k.lower_ in ("in", "by", "during", "from"):
            for obj in children_of(k):
                attack = by_trigger.get(obj.i)
                if attack is None:  # "in police firing" parsed as "police" + participle
                    attack = next((by_trigger[x.i] for x in children_of(obj) if x.dep_ == "acl"
                                   and x.i in by_trigger), None)
                if attack is not None:
                    out.append((attack, False))
    return out
