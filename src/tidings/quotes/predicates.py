"""The predicates that attribute: classes of English verbs, adjectives and nouns whose subject (or
possessor) holds, says or shows their content.

The classes follow the usual linguistic grouping of attribution predicates (verbs of
communication, of judgement, of propositional attitude, of intention, evidential verbs; Levin's
verb classes; the reporting-verb lists of style guides), not any corpus.  Each entry says which
content it takes:

* ``clause``: a that-clause, a wh-clause or a to-infinitive ("believes that", "plans to");
* ``object``: its direct object is the content ("endorsed Trump", "announced a plan");
* ``preps``: prepositions whose object is the content ("spoke about", "called for");
* ``with_object``: prepositions that continue an object content ("accused him of lying",
  "criticised the bill for its cost", "described it as a failure").

``kind`` is ``indirect`` for acts of saying, judging and showing, ``belief`` for states of mind
and intentions.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Predicate:
    kind: str
    clause: bool = True
    object: bool = False
    preps: frozenset[str] = frozenset()
    with_object: frozenset[str] = frozenset()


def _words(s: str) -> list[str]:
    return s.split()


def _p(*preps: str) -> frozenset[str]:
    return frozenset(preps)


def _table(groups: list[tuple[str, Predicate]]) -> dict[str, Predicate]:
    out: dict[str, Predicate] = {}
    for words, pred in groups:
        for w in _words(words):
            out.setdefault(w, pred)
    return out


# ---------------------------------------------------------------------------- verbs

#: communication verbs whose object is itself a message ("announced a plan", "denied the
#: report", "cited a study"); their clausal complements are reported speech
_SAY_WHAT = Predicate("indirect", object=True, preps=_p("about"))
#: communication verbs whose objects are seldom the message ("added a job title", "maintained a
#: lead", "wrote a column"): only the clause is content
_SAY_CLAUSE = Predicate("indirect", object=False, preps=_p("about"))
#: communication verbs whose object is the addressee: only the clause or the topic is content
_SAY_TO = Predicate("indirect", object=False, preps=_p("about"))
#: admitting a thing or to a deed ("admitted to hacking the accounts")
_ADMIT = Predicate("indirect", object=False, preps=_p("about", "to"))
#: requests: the addressee is the object; what is asked for or about is content ("asked for a
#: recount", "asked about the deal")
_ASK = Predicate("indirect", object=False, preps=_p("about", "for"))
#: verbs of speaking about a topic ("spoke about", "joked about")
_SPEAK_ABOUT = Predicate("indirect", clause=True, object=False, preps=_p("about", "of"))
#: hinting at something ("hinted at a shakeup") or that something is so
_HINT = Predicate("indirect", clause=True, object=False, preps=_p("at"))
#: verbs of remarking on a topic ("commented on", "elaborated on", "testified about")
_REMARK_ON = Predicate("indirect", clause=True, object=False, preps=_p("about", "on"))
#: verbs of judgement: praise and blame ("praised the deal", "blamed Congress for the delay")
_JUDGE = Predicate("indirect", clause=False, object=True, with_object=_p("for", "of", "as", "over"))
#: speech acts of stance towards a person, a proposal or a claim ("endorsed", "rejected")
_STANCE_SAID = Predicate("indirect", clause=True, object=True, with_object=_p("as"))
#: judging favourably or not: "approve of his job performance" (with an object, "approved the
#: bill" is an act, not an attitude)
_APPROVE_OF = Predicate("belief", clause=False, object=False, preps=_p("of"))
#: attitudes of stance towards a person or a proposal ("supports the bill", "opposed the war")
STANCE = Predicate("belief", clause=False, object=True)
#: propositional attitudes whose object can be the content: "believes that", "fears a war"
_ATTITUDE = Predicate("belief", clause=True, object=True, preps=_p("about"))
#: attitudes that take a clause, their objects being persons or things ("trusts him", "views it")
_ATTITUDE_CLAUSE = Predicate("belief", clause=True, object=False)
#: intentions and decisions: "plans to", "refused to", "seeks a recount"
INTENT = Predicate("belief", clause=True, object=True)
#: evidentials: a poll, a study or records "show", "found", "indicate" (impersonal sources only)
_EVIDENCE = Predicate("indirect", clause=True, object=True)
#: calls for or against something ("called for", "pushed for", "lobbied against")
_ADVOCATE = Predicate("belief", clause=True, object=False, preps=_p("for", "against"))
#: reactions and references ("responded to", "referred to", "objected to", "alluded to")
_RESPOND = Predicate("indirect", clause=False, object=False, preps=_p("to"))

_ASKING = "ask beg plead"
_TELLING = ("tell inform assure advise urge warn remind caution notify convince persuade brief "
            "implore")
#: verbs of saying whose object is the person spoken to ("told reporters", "asked him"), not
#: what is said
ADDRESSEE_VERBS: frozenset[str] = frozenset(f"{_ASKING} {_TELLING}".split())

VERBS: dict[str, Predicate] = _table([
    ("announce propose unveil outline detail disclose reveal confirm deny report mention discuss "
     "recount recite reiterate repeat cite predict forecast promise demand request recommend "
     "suggest allege echo voice express dispute question float tout tweet recall reference "
     "explain emphasize emphasise stress highlight", _SAY_WHAT),
    ("admit confess", _ADMIT),
    ("acknowledge concede claim assert declare state note observe write post say add argue "
     "contend maintain counter answer insist pledge vow threaten challenge describe characterize "
     "characterise", _SAY_CLAUSE),
    (_ASKING, _ASK),
    (_TELLING, _SAY_TO),
    ("speak talk joke boast brag complain gripe grumble muse speculate rant rail lie inquire",
     _SPEAK_ABOUT),
    ("comment testify elaborate reflect dwell harp opine", _REMARK_ON),
    ("hint", _HINT),
    ("praise laud hail applaud commend salute congratulate criticize criticise condemn "
     "denounce decry deplore blast slam lambaste lambast rebuke chide scold berate castigate fault "
     "blame accuse mock ridicule deride disparage belittle trash assail excoriate "
     "vilify demonize demonise smear insult thank lament bemoan", _JUDGE),
    ("endorse disavow repudiate renounce reject dismiss defend champion welcome disown retract",
     _STANCE_SAID),
    ("support oppose back favor favour", STANCE),
    ("approve disapprove", _APPROVE_OF),
    ("believe think feel fear hope expect doubt suspect want wish worry prefer", _ATTITUDE),
    ("consider reckon imagine envision envisage anticipate assume suppose presume regard view "
     "deem wonder realize realise remember recognize recognise learn understand", _ATTITUDE_CLAUSE),
    ("plan intend seek aim decide refuse decline agree opt resolve", INTENT),
    ("show find indicate conclude estimate project determine demonstrate document suggest",
     _EVIDENCE),
    ("call push press advocate lobby vote", _ADVOCATE),
    ("refer allude object react respond reply point", _RESPOND),
])

#: verbs of characterizing (Levin's "dub" and "characterize" classes): "called the plan a
#: disaster", "described the program as a waste", "branded him a socialist".  They attribute a
#: judgement only with both an object and what it is called, so "called the police" or "cast a
#: vote" attribute nothing; the content is the object with its label.
CHARACTERIZING: frozenset[str] = frozenset(
    "call label brand dub term describe characterize characterise portray depict paint cast "
    "identify frame present".split()
)
#: attitudes of the same shape: "voters see security as their top concern", "regarded him as a
#: rival"; what someone takes a thing for is their belief
CHARACTERIZING_BELIEF: frozenset[str] = frozenset("see view regard perceive remember".split())
#: those that label with a bare complement too ("called it a disaster"); the rest only with "as"
#: ("painted the house white" is no judgement)
NAMING: frozenset[str] = frozenset("call label brand dub term".split())

#: evidentials that attribute a noun phrase only when their subject is a source of information
#: ("the poll shows a lead", "records show donations"); people and other things that "find" or
#: "show" a thing mostly attribute nothing ("found a way", "showed no remorse")
EVIDENTIALS: frozenset[str] = frozenset(
    "show find indicate estimate project determine demonstrate document".split()
)
#: sources of information: what polls, studies, records and inquiries show
INFORMATION_SOURCES: frozenset[str] = frozenset(
    "poll survey study analysis report census tally count average projection estimate data "
    "record document filing footage video image photo evidence figure number result statistic "
    "investigation inquiry probe review audit research test assessment model forecast "
    "exit".split()
)

_IRREGULAR = {
    "think": "thought", "find": "found", "say": "said", "tell": "told", "seek": "sought",
    "write": "wrote written", "feel": "felt", "show": "shown", "speak": "spoke spoken",
    "understand": "understood", "lie": "lied", "forecast": "forecast", "deny": "denied",
}


def inflections(base: str) -> set[str]:
    """The regular (and the few irregular) inflected forms of a verb of the lexicon."""
    forms = {base, base + "s", base + "ing", base + "ed"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(base + "es")
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    forms.update(_IRREGULAR.get(base, "").split())
    return forms


#: inflected form -> lemma, for when the tagger's lemma is wrong ("hopes" -> "hop")
VERB_FORMS: dict[str, str] = {f: base for base in VERBS for f in inflections(base)}


def repaired_lemma(lemma: str, form: str, forms: dict[str, str], *known: Container[str]) -> str:
    """The tagger's ``lemma`` when a lexicon in ``known`` holds it, else the lexicon verb that the
    word ``form`` inflects (``forms``), else the lemma: the tagger can be wrong ("hopes" -> "hop",
    "rated" -> "rat")."""
    lemma = lemma.lower()
    return lemma if any(lemma in k for k in known) else forms.get(form, lemma)


def verb_lemma(tok: Token) -> str:
    """The token's lemma as a verb of ``VERBS`` ("hopes" -> "hope" where the tagger said "hop")."""
    return repaired_lemma(tok.lemma_, tok.lower_, VERB_FORMS, VERBS)

#: passives of hearsay that name no source: "is expected to", "is believed to", "is said to"
HEARSAY_PASSIVES: frozenset[str] = frozenset(
    "expect believe think say report rumor rumour know consider allege understand "
    "estimate project predict".split()
)

#: the adverbs of those passives ("X reportedly fled", "allegedly took bribes"): reportative
#: evidentials, which hand the clause they modify to a source the text does not name
HEARSAY_ADVERBS: frozenset[str] = frozenset(
    "reportedly allegedly purportedly reputedly supposedly".split()
)

#: verbs of appearance, evidentials of the writer's impression with no source named: "X seems to
#: Y", "X appeared ready to Y", "it appears that X"
APPEARANCE_VERBS: frozenset[str] = frozenset("seem appear".split())

# ---------------------------------------------------------------------------- adjectives

_ADJ_ATTITUDE = Predicate("belief", clause=True, object=False, preps=_p("of", "about", "in"))
#: adjectives of emotion towards a content: "angry about", "alarmed by", "proud of"
_ADJ_EMOTION = Predicate("belief", clause=True, object=False, preps=_p("of", "about", "at", "by",
                                                                      "with", "over"))
_ADJ_STANCE = Predicate("belief", clause=False, object=False, preps=_p("of", "to", "about", "toward",
                                                                      "towards", "with"))
#: "critical of" a thing is a stance; "critical to" it is "essential", no one's view
_ADJ_CRITICAL = Predicate("belief", clause=False, object=False, preps=_p("of", "about", "toward",
                                                                        "towards"))
#: adjectives of speaking out: "vocal about", "outspoken on"
_ADJ_SPEAKING = Predicate("indirect", clause=False, object=False, preps=_p("about", "on", "in"))
ADJECTIVES: dict[str, Predicate] = _table([
    ("confident certain sure convinced aware hopeful fearful afraid worried concerned anxious "
     "optimistic pessimistic doubtful skeptical sceptical adamant insistent eager keen determined "
     "reluctant unwilling willing", _ADJ_ATTITUDE),
    ("critical", _ADJ_CRITICAL),
    ("supportive dismissive contemptuous scornful wary suspicious opposed hostile "
     "sympathetic receptive distrustful", _ADJ_STANCE),
    ("angry furious outraged upset frustrated disappointed dismayed alarmed troubled disturbed "
     "proud ashamed embarrassed delighted thrilled excited enthusiastic nervous uneasy unhappy "
     "happy pleased satisfied dissatisfied displeased distressed rattled shaken sanguine "
     "apprehensive", _ADJ_EMOTION),
    ("vocal outspoken candid", _ADJ_SPEAKING),
])

# ---------------------------------------------------------------------------- nouns

#: views, feelings and intentions one holds
HELD_NOUNS: frozenset[str] = frozenset(
    "belief view opinion fear hope expectation assumption conviction suspicion doubt concern "
    "worry desire wish intention plan decision determination willingness refusal confidence".split()
)
#: verbs of holding a view, whose subject holds it: "had doubts about", "holds the view that",
#: "shares their concern" (a stance noun after "have" is someone else's: "has the support of X")
HOLDING_VERBS: frozenset[str] = frozenset("have hold harbor harbour share".split())
#: things said, with their topic ("his claim that ...", "her comments on the deal", "remarks
#: about the war")
_N_SAID = Predicate("indirect", clause=True, object=False, preps=_p("about", "on"))
#: views held, with what they are about ("his views on abortion", "concern over the deficit")
_N_HELD = Predicate("belief", clause=True, object=False, preps=_p("on", "about", "over"))
_N_STANCE = Predicate("belief", clause=False, object=False, preps=_p("for", "of", "to", "against"))
#: directives: "his call for a recount", "their demand that the mine close"
_N_DEMAND = Predicate("indirect", clause=True, object=False, preps=_p("for"))
#: verbal jabs ("took a swipe at his rival", "a broadside against the plan")
_N_JAB = Predicate("indirect", clause=False, object=False, preps=_p("at", "against"))
#: mentions and references ("made no mention of the war", "references to the deal")
_N_MENTION = Predicate("indirect", clause=False, object=False, preps=_p("of", "to"))
#: arguments made ("made the case that ...", "his case for war")
_N_CASE = Predicate("indirect", clause=True, object=False, preps=_p("for", "against"))
#: credit claimed ("takes credit for the idea")
_N_CREDIT = Predicate("indirect", clause=False, object=False, preps=_p("for"))
NOUNS: dict[str, Predicate] = _table([
    ("claim assertion allegation accusation charge statement announcement declaration argument "
     "contention insistence suggestion warning threat promise pledge vow prediction admission "
     "denial assurance complaint criticism proposal recommendation appeal plea question remark "
     "comment testimony report speech", _N_SAID),
    (" ".join(sorted(HELD_NOUNS)), _N_HELD),
    ("call calls demand demands request", _N_DEMAND),
    ("support opposition endorsement backing objection resistance", _N_STANCE),
    ("swipe jab dig potshot broadside", _N_JAB),
    ("mention reference", _N_MENTION),
    ("case", _N_CASE),
    ("credit", _N_CREDIT),
])

#: verbs whose object noun carries the attribution, the verb's subject being its source
#: ("expressed support for", "voiced concern that", "made the claim that", "issued a warning",
#: "took a swipe at", "tweeted support for")
LIGHT_VERBS: frozenset[str] = frozenset(
    "express voice make issue give offer throw lend reiterate repeat share raise deliver announce "
    "signal state register lodge file renew ask pose take pay tweet".split()
)

#: nouns naming a message, which a light verb delivers whole ("offered an apology", "gave his
#: assessment", "shared their thoughts and prayers", "paid tribute"): the noun phrase is the content
MESSAGE_NOUNS: frozenset[str] = frozenset(
    "apology condolence condolences prayer prayers thought thoughts praise thanks congratulations "
    "assessment evaluation explanation defense defence rebuttal response reply answer advice "
    "tribute critique greeting greetings blessing ultimatum".split()
)

#: occasions and media of an utterance: "in an interview", "at a rally", "on Twitter"
SETTING_NOUNS: frozenset[str] = frozenset(
    "interview speech statement debate email e-mail letter post tweet meeting rally conference "
    "hearing address appearance column op-ed video ad advertisement broadcast podcast show "
    "episode program programme event forum session town hall primary election race caucus "
    "campaign trail past time times passing".split()
)

#: documents and measurements whose findings "in" attributes ("In the latest poll, Smith trails")
FINDING_NOUNS: frozenset[str] = frozenset(
    "poll survey study analysis report census tally count average projection estimate data".split()
)

#: subjects that are no source ("it is believed that", "there is hope")
EXPLETIVES: frozenset[str] = frozenset("it there".split())
