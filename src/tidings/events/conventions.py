"""The coding conventions the coder applies, as named constants (written down with examples in
``docs/events.md``)."""

from __future__ import annotations

#: candidates below this confidence are not reported
THRESHOLD = 0.5
#: roots whose unstated target is the place where the act happens ("lifted a curfew in X")
LOCATIVE_ROOTS = frozenset({"08", "14", "15", "17", "18", "19", "20"})
#: event roots of violence, whose unnamed perpetrator is located where it happened
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: roots whose unresolved or unstated target is, by the coding convention, the source's own
#: country when no place gives another: a domestic act ("police dispersed demonstrators",
#: "students staged demonstrations", "lifted the state of emergency", "jailed 52 members").
#: Criticism is not domestic by default: "the United States
#: condemned the attack" has no target, not the United States
DOMESTIC_ROOTS = frozenset({"08", "09", "12", "14", "17", "18", "19", "20"})
DOMESTIC = True
NESTED = True
#: how an inferred side was found; such sides give way to sides read from the text
INFERRED_VIA = frozenset({"domestic", "place of the attack", "nested place", "made by police",
                          "force shown", "expelling state", "reporting state",
                          "sentenced by a court"})
SUPRANATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "EUR", "AFR", "ASA", "MEA", "WST"})
#: verbs that report a claim: "X claimed that Y attacked Z" is X accusing Y (112), "X claimed
#: that it attacked Z" X claiming responsibility (015)
CLAIM_LEMMAS = frozenset("claim allege charge contend assert".split())
#: plain speech verbs: with an explicit "that" and another actor doing material conflict, the
#: reported act is coded, and beside it the speaker's accusation when the act is wrongdoing
SAY_LEMMAS = frozenset("say state declare report announce insist".split())
#: roots of acts that are wrongdoing, so that reporting another party did one charges it (CAMEO
#: 112 "charge, blame, incriminate"): coercion, assault, fighting, mass violence.  A reported
#: show of force or cut in relations (15, 16) is a report, not a charge
WRONGDOING_ROOTS = frozenset({"17", "18", "19", "20"})
#: verbs and nouns of accusing: "accused Y of executing prisoners" codes the accusation (112);
#: the act it charges is a claim, not an act seen done
ACCUSE_LEMMAS = frozenset("accuse blame charge suspect indict accusation allegation charge claim".split())
#: prepositions introducing where an act happens
WHERE_PREPS = ("in", "into", "inside", "near", "outside", "throughout", "across", "at", "over")
PLACE_NOUNS = frozenset("province city town village region area district territory capital enclave "
                        "stronghold camp state border neighbourhood neighborhood".split())
LIGHT_VERBS = frozenset(
    "hold have conduct launch begin start stage lead mount wage carry continue resume open order "
    "impose announce issue lodge file make pay express voice give offer provide extend pledge "
    "promise reiterate renew step intensify escalate press join host attend organize organise "
    "unleash undertake conclude complete wrap finish".split()
)
#: verbs whose object event happens to their subject ("faces pressure", "came under attack")
UNDERGO_VERBS = frozenset("face receive suffer endure undergo weather".split())
ADJUNCT_PREPS = frozenset({"before", "after", "during", "at", "following", "ahead"})
SUBJ_DEPS = ("nsubj", "csubj")
#: roots of material acts that stand without a named actor: an agentless passive or an event
#: noun the sentence asserts ("were arrested", "the bombing killed 12") is still an event
MATERIAL_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
#: codes whose doer, when the text names none, is the police by the act's definition: CAMEO 173
#: "arrest, detain, or charge with legal action" is an act of law enforcement ("110 people were
#: arrested", "taken into custody")
POLICE_ACTS = ("173",)
#: verbs of 173 that only a court does ("were sentenced to seven years", "was jailed for life"):
#: their unnamed doer is the court, not the police
COURT_VERBS = frozenset("sentence jail imprison".split())
#: roots of acts done together: a noun of one in an adjunct ("after talks with X") was done by
#: the clause's subject
JOINT_ROOTS = frozenset({"03", "04", "05", "06"})
#: material roots whose act is news even when the text names nobody on either side ("a bomb
#: exploded in the market", "protests spread"); other acts need a participant
SIDELESS_ROOTS = frozenset({"14", "17", "18", "19", "20"})

#: verbs of letting: their object the parser may make the subject of their to-infinitive
#: ("allowed UN inspectors to visit the site"), and what they allow is yielded only by someone
#: who allows it
LETTING_VERBS = frozenset({"allow", "permit", "let"})

#: verbs that move forces somewhere ("sent troops to", "deployed police to")
SENDING_VERBS = frozenset({"send", "deploy", "dispatch"})
#: nouns of sending forces ("the deployment of troops to")
SENDING_NOUNS = frozenset({"deployment", "dispatch", "despatch"})
#: aspectual verbs: they say when an act starts or goes on, not what it is, so the act is their
#: complement's ("began sharing missile data", "agreed to start lifting sanctions", "vowed to
#: continue talks"; "vowed to keep attacking ships")
ASPECTUAL_VERBS = frozenset("start begin commence continue keep".split())
#: verbs of ceasing an act named by their gerund ("stopped mediating", "halted sending arms"):
#: the act ceased is not done, and ceasing it is the code that undoes it
CEASING_VERBS = frozenset("stop cease halt quit end suspend discontinue".split())
#: nouns of ceasing an act named by their of- or in-phrase ("the suspension of mediation", "a
#: halt in military aid"); "the end of the war" is mostly a date, not an act
CEASING_NOUNS = frozenset("halt suspension freeze cut cutoff cessation termination".split())
#: what ceasing an act is, by the act's code (the longest prefix decides): halting mediation (165)
#: or talks (164), reducing relations (160), aid (162), trade (163), easing dissent (082),
#: de-escalating (087: "stopped shelling the town")
CEASED = {"045": "165", "046": "164", "04": "160", "05": "160", "06": "160", "061": "163",
          "07": "162", "14": "082", "18": "087", "19": "087", "20": "087"}


def ceased(code: str) -> str | None:
    """The code of ceasing an act of ``code``, or None when ceasing it is no act CAMEO names."""
    return CEASED.get(code[:3]) or CEASED.get(code[:2])


#: talks one can hold, pull out of or withdraw from, and talk about (``frames.DISCUSSION_WORDS``)
TALK_NOUNS = frozenset("talk talks negotiation negotiations dialogue".split())


#: nouns of an act done to whom their of-phrase names ("the release of the opposition leader",
#: "the conviction of five generals"): the act, not that person, is the noun's object or subject
PATIENT_NOUNS = frozenset("release arrest detention killing murder expulsion deportation execution "
                          "abduction kidnapping extradition conviction sentencing trial dismissal "
                          "ouster removal".split())
#: verbs whose subject undergoes the act named under "under": "the convoy came under attack"
UNDER_VERBS = frozenset({"come"})
